"""`innsyn statement`, `innsyn letter` and `innsyn annual-statements`: the PDFs written and
kept, the counts printed, and bad input refused in one line with nothing written."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.cli import main
from app.core.model import RequestType, Role
from app.services import cases, findings, register
from app.store.database import open_database
from app.store.models import ProcessingActivity, Restriction, Subject
from tests.conftest import OSLO, TEST_NOW, phone_request

YEAR = TEST_NOW.year


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], list[str]]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


def pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def received_days_ago(days: int) -> dt.datetime:
    day = cases.today_oslo() - dt.timedelta(days=days)
    return dt.datetime(day.year, day.month, day.day, 9, tzinfo=OSLO)


@pytest.fixture
def access_ref(db_path: Path) -> str:
    db = open_database(db_path)
    try:
        ref = cases.log_request(
            db,
            phone_request(
                "Áile Ŋuolga",
                received=received_days_ago(4),
                roles=(Role.CUSTOMER,),
                address="Boks 12\n9520 Kautokeino",
            ),
        ).reference
        erp = next(x.id for x in register.list_systems(db) if x.code == "erp")
        findings.record_finding(
            db,
            ref,
            erp,
            searched_on=cases.today_oslo(),
            found=True,
            categories=("Invoices and payments",),
            notes="Faktura 2026-117: kr 4 990",
        )
    finally:
        db.close()
    return ref


def documents(db_path: Path, ref: str) -> list[tuple[str, str]]:
    db = open_database(db_path)
    try:
        return [(d.kind, d.sha256) for d in cases.get_case(db, ref).documents]
    finally:
        db.close()


def test_statement_is_written_and_kept(
    capsys: pytest.CaptureFixture[str], db_path: Path, access_ref: str, tmp_path: Path
) -> None:
    out_file = tmp_path / "svar.pdf"
    code, out, err = run(
        capsys, "--db", str(db_path), "statement", access_ref, "--lang", "en", "--out",
        str(out_file),
    )  # fmt: skip
    assert code == 0, err
    assert out[0] == (
        f"statement written to {out_file}; kept with case {access_ref} as "
        f"{access_ref}-innsyn-en.pdf"
    )
    text = pdf_text(out_file)
    assert "Áile Ŋuolga" in text and "Faktura 2026-117: kr 4 990" in text
    assert "Access to your personal data" in text
    assert os.stat(out_file).st_mode & 0o777 == 0o600
    sha = hashlib.sha256(out_file.read_bytes()).hexdigest()
    assert out[1] == f"SHA-256 {sha}"
    assert documents(db_path, access_ref) == [("statement", sha)]


def test_statement_language_defaults_to_the_case(
    capsys: pytest.CaptureFixture[str], db_path: Path, access_ref: str, tmp_path: Path
) -> None:
    out_file = tmp_path / "svar.pdf"
    code, _out, err = run(
        capsys, "--db", str(db_path), "statement", access_ref, "--out", str(out_file)
    )
    assert code == 0, err
    assert "Innsyn i personopplysninger" in pdf_text(out_file)


@pytest.mark.parametrize(
    ("kind", "extra", "expected"),
    [
        ("acknowledgement", [], "We have received your request"),
        ("identification", ["--identification-needed", "Your customer number"],
         "Your customer number"),
        ("refusal", ["--reasons", "Fifth identical request"], "Fifth identical request"),
        ("fee", ["--reasons", "Repetitive requests", "--fee", "1250"], "NOK 1,250"),
    ],
)  # fmt: skip
def test_letters(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    access_ref: str,
    tmp_path: Path,
    kind: str,
    extra: list[str],
    expected: str,
) -> None:
    out_file = tmp_path / f"{kind}.pdf"
    code, out, err = run(
        capsys, "--db", str(db_path), "letter", access_ref, "--kind", kind, "--lang", "en",
        "--out", str(out_file), *extra,
    )  # fmt: skip
    assert code == 0, err
    assert out[0] == f"{kind} letter written to {out_file}; kept with case {access_ref}"
    assert expected in pdf_text(out_file)
    assert [k for k, _ in documents(db_path, access_ref)] == [f"letter:{kind}"]


def test_extension_letter(
    capsys: pytest.CaptureFixture[str], db_path: Path, access_ref: str, tmp_path: Path
) -> None:
    db = open_database(db_path)
    try:
        new_due = cases.extend(db, access_ref, reason="Forty orders in three systems")
    finally:
        db.close()
    out_file = tmp_path / "ext.pdf"
    code, _out, err = run(
        capsys, "--db", str(db_path), "letter", access_ref, "--kind", "extension", "--out",
        str(out_file),
    )  # fmt: skip
    assert code == 0, err
    text = pdf_text(out_file)
    assert new_due.strftime("%d.%m.%Y") in text and "Forty orders in three systems" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["statement", "2026-9999", "--out", "{tmp}/x.pdf"], "no case"),
        (["statement", "{ref}", "--lang", "de", "--out", "{tmp}/x.pdf"], "invalid choice"),
        (["statement", "{ref}", "--out", "{tmp}/missing/x.pdf"], "does not exist"),
        (["statement", "{ref}", "--out", "{tmp}"], "is a folder"),
        (["letter", "{ref}", "--kind", "poem", "--out", "{tmp}/x.pdf"], "invalid choice"),
        (["letter", "{ref}", "--kind", "refusal", "--out", "{tmp}/x.pdf"], "reasons"),
        (["letter", "{ref}", "--kind", "fee", "--reasons", "r", "--fee", "-5",
          "--out", "{tmp}/x.pdf"], "amount"),
        (["letter", "{ref}", "--kind", "fee", "--reasons", "r", "--fee", "lots",
          "--out", "{tmp}/x.pdf"], "invalid int"),
        (["letter", "{ref}", "--kind", "identification", "--out", "{tmp}/x.pdf"], "identify"),
        (["letter", "{ref}", "--kind", "extension", "--out", "{tmp}/x.pdf"], "not extended"),
        (["annual-statements", "--year", "2099", "--out", "{tmp}"], "year"),
        (["annual-statements", "--year", "twenty", "--out", "{tmp}"], "invalid int"),
        (["annual-statements", "--year", "2026", "--out", "{tmp}/missing"], "no such folder"),
        (["annual-statements", "--year", "2026", "--out", "{tmp}", "--role", "visitor"],
         "invalid choice"),
        (["annual-statements", "--year", "2026", "--out", "{tmp}", "--combined",
          "{tmp}/missing/all.pdf"], "does not exist"),
    ],
)  # fmt: skip
def test_bad_input_is_one_line_and_writes_nothing(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    access_ref: str,
    tmp_path: Path,
    args: list[str],
    message: str,
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    filled = [a.replace("{tmp}", str(folder)).replace("{ref}", access_ref) for a in args]
    code, out, err = run(capsys, "--db", str(db_path), *filled)
    assert code == 2
    assert out == []
    assert len(err) == 1 and message in err[0], err
    assert os.listdir(folder) == []
    assert documents(db_path, access_ref) == []


def test_annual_statements(
    capsys: pytest.CaptureFixture[str], db_path: Path, access_ref: str, tmp_path: Path
) -> None:
    db = open_database(db_path)
    try:
        # One more request this year, from someone with no role and nothing found.
        other = cases.log_request(
            db,
            phone_request(
                "Per Ingenting",
                phone="+47 91 11 22 33",
                received=received_days_ago(2),
                types=(RequestType.ACCESS,),
            ),
        )
        with db.session() as s:
            restricted = s.get(Subject, cases.get_case(db, access_ref).subject_id)
            assert restricted is not None
            s.add(Restriction(subject_id=restricted.id, ground="a", since=cases.today_oslo()))
            first = restricted.pseudonym
        nobody = f"S-{other.subject_id:06d}"
    finally:
        db.close()
    folder = tmp_path / "annual"
    folder.mkdir()
    combined = tmp_path / "print.pdf"
    code, out, err = run(
        capsys, "--db", str(db_path), "annual-statements", "--year", str(YEAR), "--out",
        str(folder), "--combined", str(combined),
    )  # fmt: skip
    assert code == 0, err
    assert out == [
        f"1 statements written to {folder} (2 people)",
        f"combined file for printing: {combined}",
        f"no data processed, no statement (1): {nobody}",
        f"restricted, marked in their statement (1): {first}",
    ]
    assert os.listdir(folder) == [f"{first}-{YEAR}.pdf"]
    assert "Behandlingen er begrenset." in pdf_text(folder / f"{first}-{YEAR}.pdf")
    assert len(PdfReader(str(combined)).pages) == len(
        PdfReader(str(folder / f"{first}-{YEAR}.pdf")).pages
    )

    by_role = tmp_path / "customers"
    by_role.mkdir()
    code, out, err = run(
        capsys, "--db", str(db_path), "annual-statements", "--year", str(YEAR), "--out",
        str(by_role), "--role", "customer", "--lang", "en",
    )  # fmt: skip
    assert code == 0, err
    assert out[0] == f"1 statements written to {by_role} (1 people)"
    assert "Access to your personal data" in pdf_text(by_role / f"{first}-{YEAR}.pdf")


def test_a_norwegian_statement_the_register_cannot_write_is_refused_in_bokmal(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    db_path: Path,
    access_ref: str,
    tmp_path: Path,
) -> None:
    db = open_database(db_path)
    try:
        products = register.list_activities(db)[0]
        with db.session() as s:
            s.get(ProcessingActivity, products.id).legal_basis_text_nb = ""
    finally:
        db.close()
    monkeypatch.setenv("LANG", "nb_NO.UTF-8")
    out_file = tmp_path / "redegjorelse.pdf"
    code, out, err = run(
        capsys, "--db", str(db_path), "statement", access_ref, "--out", str(out_file)
    )
    assert code == 2 and out == []
    assert any(
        "Registeret mangler tekst på bokmål" in line
        and "«Provision of products and services» (behandlingsgrunnlag med ord)" in line
        for line in err
    ), err
    assert not out_file.exists() and documents(db_path, access_ref) == []
