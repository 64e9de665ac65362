"""`innsyn erasure apply`: one line per thing erased or kept, bad references refused cleanly."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.cli import main
from app.core.model import RequestType
from app.services import cases, rights, subjects
from app.store.database import open_database
from tests.conftest import oslo, phone_request


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], list[str]]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


@pytest.fixture
def erasure_ref(db_path: Path) -> str:
    db = open_database(db_path)
    try:
        ref = cases.log_request(
            db,
            phone_request(
                "Ragnhild Ødegård",
                types=(RequestType.ERASURE, RequestType.RECTIFICATION),
                received=oslo(2026, 11, 2),
            ),
        ).reference
        rights.rectify(db, ref, {"last_purchase": "2026-03-15"})
    finally:
        db.close()
    return ref


def test_dry_run_then_apply(
    capsys: pytest.CaptureFixture[str], db_path: Path, erasure_ref: str, tmp_path: Path
) -> None:
    db = ("--db", str(db_path))
    code, out, err = run(capsys, *db, "erasure", "apply", erasure_ref, "--dry-run")
    assert code == 0 and err == []
    assert out[0] == f"dry run for {erasure_ref}: nothing was changed"
    assert (
        "would erase: Provision of products and services / Other personal data "
        "(ERP and accounting, CRM, E-mail archive)"
    ) in out
    assert (
        "would keep: Provision of products and services / Invoices and payments until "
        "2036-12-31 in ERP and accounting, CRM, E-mail archive: Art. 17(3)(b) legal "
        "obligation: bokføringsloven § 13"
    ) in out
    assert any(
        line.startswith("would keep: Compliance with statutory obligations")
        and "as long as the law requires" in line
        for line in out
    )
    db_ = open_database(db_path)
    try:
        subject_id = cases.get_case(db_, erasure_ref).subject_id
        assert subjects.get_subject(db_, subject_id).name == "Ragnhild Ødegård"
    finally:
        db_.close()

    letter = tmp_path / "confirmation.pdf"
    code, out, err = run(capsys, *db, "erasure", "apply", erasure_ref, "--letter", str(letter))
    assert code == 0 and err == []
    erased = [line for line in out if line.startswith("erased: ")]
    kept = [line for line in out if line.startswith("kept: ")]
    assert len(erased) == 3 and len(kept) == 2
    assert any("bokføringsloven § 13" in line and "until 2036-12-31" in line for line in kept)
    assert any(line.startswith("erased in the workbench: name") for line in out)
    assert out[-1] == f"confirmation letter written to {letter}"
    text = " ".join(PdfReader(io.BytesIO(letter.read_bytes())).pages[0].extract_text().split())
    assert "Opplysningene dine er slettet" in text and "Ragnhild Ødegård" in text

    db_ = open_database(db_path)
    try:
        detail = subjects.get_subject(db_, subject_id)
        assert detail.erased and detail.name.startswith("S-")
    finally:
        db_.close()

    # a second time: refused, one line, the database as it was
    code, out, err = run(capsys, *db, "erasure", "apply", erasure_ref)
    assert code == 2 and out == []
    assert len(err) == 1 and "was applied" in err[0]


def test_bad_reference_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], db_path: Path, erasure_ref: str
) -> None:
    code, out, err = run(capsys, "--db", str(db_path), "erasure", "apply", "2026-9999")
    assert code == 2 and out == []
    assert err == ["innsyn: There is no case '2026-9999'."]
    code, out, err = run(capsys, "--db", str(db_path), "erasure", "apply")
    assert code == 2 and len(err) == 1


def test_a_case_without_erasure_is_refused(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    db = open_database(db_path)
    try:
        ref = cases.log_request(db, phone_request(received=oslo(2026, 11, 2))).reference
    finally:
        db.close()
    code, out, err = run(capsys, "--db", str(db_path), "erasure", "apply", ref)
    assert code == 2 and out == []
    assert len(err) == 1 and "not a request for erasure" in err[0]
