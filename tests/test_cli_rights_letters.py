"""`innsyn rights-letter`, `innsyn case notice-text`, `innsyn restriction told`,
`innsyn object --outcome` and `innsyn request add --to-case`: the rest of the rights panel
and the intake dialog's "add to the open case", headless."""

from __future__ import annotations

import datetime as dt
import io
import os
import stat
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.core.model import RequestType
from app.services import cases, rights
from app.services.dto import CaseQuery
from app.store.database import open_database
from tests.conftest import oslo
from tests.test_cli_case import detail, log, refused, run
from tests.test_cli_case_rights import restrictions_of

COMMUNICATIONS = "Communications with customers, suppliers and stakeholders"


def pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@pytest.fixture
def ref(db_path: Path) -> str:
    ref = log(db_path, RequestType.RECTIFICATION, RequestType.RESTRICTION,
              RequestType.OBJECTION, received=oslo(2026, 11, 10))  # fmt: skip
    db = open_database(db_path)
    try:
        rights.rectify(db, ref, {"name": "Kari Nordmann Berg"})
    finally:
        db.close()
    return ref


# --- rights letters --------------------------------------------------------------------------------


def test_rectification_confirmation_written_owner_only_and_kept(
    capsys: pytest.CaptureFixture[str], db_path: Path, ref: str, tmp_path: Path
) -> None:
    out = tmp_path / "confirmation.pdf"
    code, printed, err = run(capsys, db_path, "rights-letter", ref,
                             "--kind", "rectification-confirmation", "--lang", "en",
                             "--out", str(out), "--name-recipients")  # fmt: skip
    assert code == 0, err
    name = f"{ref}-rectification-confirmation-en.pdf"
    assert printed.strip() == (
        f"rectification-confirmation written to {out}; kept with case {ref} as {name}"
    )
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    assert "Kari Nordmann Berg" in pdf_text(out)
    assert "IT operations provider" in pdf_text(out)  # the recipients named
    (doc,) = detail(db_path, ref).documents
    assert doc.filename == name and doc.size == out.stat().st_size


def test_recipient_notice_and_its_email_text(
    capsys: pytest.CaptureFixture[str], db_path: Path, ref: str, tmp_path: Path
) -> None:
    run(capsys, db_path, "case", "notices", ref)  # the notices are drawn up on the first look
    out = tmp_path / "notice.pdf"
    code, printed, err = run(capsys, db_path, "rights-letter", ref, "--kind", "recipient-notice",
                             "--recipient", "it operations provider", "--out", str(out))  # fmt: skip
    assert code == 0, err
    assert printed.startswith(f"recipient-notice written to {out}")
    assert "IT operations provider" in pdf_text(out) and "Kari Nordmann Berg" in pdf_text(out)
    db = open_database(db_path)
    try:
        notice = next(n for n in rights.notices(db, ref) if n.recipient == "IT operations provider")
        expected = rights.notice_email_text(db, notice.id, "en")
    finally:
        db.close()
    assert notice.document_id == detail(db_path, ref).documents[0].id

    code, printed, err = run(capsys, db_path, "case", "notice-text", ref,
                             "--recipient", "IT operations provider", "--lang", "en")  # fmt: skip
    assert code == 0, err
    assert printed == expected
    assert ref in printed.splitlines()[0] and "Kari Nordmann Berg" in printed


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--kind", "love-letter"], "unknown letter 'love-letter' (choose: rectification-confirmation, restriction-confirmation, restriction-lift-notice, objection-confirmation, recipient-notice)"),
        (["--kind", "erasure-confirmation"], "unknown letter 'erasure-confirmation'"),
        (["--kind", "recipient-notice"], "name the recipient with --recipient"),
        (["--kind", "recipient-notice", "--recipient", "Nobody AS"], "unknown recipient 'Nobody AS' (choose: IT operations provider"),
        (["--kind", "recipient-notice", "--recipient", "IT operations provider", "--name-recipients"], "not a notice"),
        (["--kind", "rectification-confirmation", "--recipient", "IT operations provider"], "--recipient goes with --kind recipient-notice"),
        (["--kind", "restriction-confirmation"], "No restriction in force"),
        (["--kind", "objection-confirmation"], "No processing has been stopped"),
        (["--kind", "rectification-confirmation", "--lang", "de"], "invalid choice"),
    ],
)  # fmt: skip
def test_rights_letter_refuses(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    ref: str,
    tmp_path: Path,
    args: list[str],
    message: str,
) -> None:
    run(capsys, db_path, "case", "notices", ref)
    out = tmp_path / "letter.pdf"
    refused(capsys, db_path, message, "rights-letter", ref, *args, "--out", str(out))
    assert not out.exists()


def test_rights_letter_only_for_the_cases_rights(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    access = log(db_path, RequestType.ACCESS, received=oslo(2026, 11, 10))
    out = tmp_path / "letter.pdf"
    refused(capsys, db_path, f"case {access} (access) has no rectification-confirmation "
            "(choose: none)", "rights-letter", access, "--kind", "rectification-confirmation",
            "--out", str(out))  # fmt: skip
    refused(capsys, db_path, "is a folder", "rights-letter", access,
            "--kind", "rectification-confirmation", "--out", str(tmp_path))  # fmt: skip
    refused(capsys, db_path, "no case", "rights-letter", "2026-0404",
            "--kind", "rectification-confirmation", "--out", str(out))  # fmt: skip
    assert not out.exists()


def test_notice_text_refuses(capsys: pytest.CaptureFixture[str], db_path: Path, ref: str) -> None:
    run(capsys, db_path, "case", "notices", ref)
    refused(capsys, db_path, "unknown recipient 'Nobody AS'", "case", "notice-text", ref,
            "--recipient", "Nobody AS", "--lang", "en")  # fmt: skip
    refused(capsys, db_path, "invalid choice", "case", "notice-text", ref,
            "--recipient", "IT operations provider", "--lang", "sv")  # fmt: skip
    refused(capsys, db_path, "no case", "case", "notice-text", "2026-0404",
            "--recipient", "IT operations provider", "--lang", "en")  # fmt: skip


# --- restriction: the person told, then the notice letter ------------------------------------------


def test_restriction_told_then_lift_notice(
    capsys: pytest.CaptureFixture[str], db_path: Path, ref: str, tmp_path: Path
) -> None:
    run(capsys, db_path, "restrict", ref, "--ground", "a", "--activity", COMMUNICATIONS)
    out = tmp_path / "lift.pdf"
    code, _, err = run(capsys, db_path, "rights-letter", ref, "--kind", "restriction-lift-notice",
                       "--lang", "nb", "--out", str(out))  # fmt: skip
    assert code == 0, err
    code, printed, err = run(capsys, db_path, "restriction", "told", ref, "--on", "2026-11-25")
    assert code == 0, err
    assert printed.strip() == (
        f"{ref}: person told on 2026-11-25 that the restriction of {COMMUNICATIONS} will be lifted"
    )
    (r,) = restrictions_of(db_path, ref)
    assert r.person_told_on == dt.date(2026, 11, 25) and r.lifted_on is None


def test_restriction_told_refuses(
    capsys: pytest.CaptureFixture[str], db_path: Path, ref: str
) -> None:
    refused(capsys, db_path, "no restriction is in force", "restriction", "told", ref,
            "--on", "2026-11-25")  # fmt: skip
    run(capsys, db_path, "restrict", ref, "--ground", "a")
    for args, message in [
        (["--on", "2026-11-26"], "future"),
        (["--on", "2026-11-24"], "before the restriction began"),
        (["--on", "25.11.2026"], "YYYY-MM-DD"),
        (["--on", "2026-11-25", "--activity", "Astrology"], "unknown activity 'Astrology'"),
        ([], "--on"),
    ]:
        refused(capsys, db_path, message, "restriction", "told", ref, *args)
    refused(capsys, db_path, "no case", "restriction", "told", "2026-0404", "--on", "2026-11-25")


# --- objection to other processing (Art. 21(1)) ---------------------------------------------------------


def test_object_with_an_outcome(
    capsys: pytest.CaptureFixture[str], db_path: Path, ref: str, tmp_path: Path
) -> None:
    code, printed, err = run(capsys, db_path, "object", ref, "--activity", COMMUNICATIONS,
                             "--outcome", "No compelling grounds: newsletters stopped",
                             "--stopped-on", "2026-11-24")  # fmt: skip
    assert code == 0, err
    assert printed.strip() == (
        f"{ref}: objection to '{COMMUNICATIONS}' recorded; processing stopped on 2026-11-24"
    )
    db = open_database(db_path)
    try:
        (o,) = rights.subject_objections(db, cases.get_case(db, ref).subject_id)
    finally:
        db.close()
    assert (o.direct_marketing, o.stopped_on, o.outcome) == (
        False, dt.date(2026, 11, 24), "No compelling grounds: newsletters stopped"
    )  # fmt: skip
    out = tmp_path / "objection.pdf"
    code, _, err = run(capsys, db_path, "rights-letter", ref, "--kind", "objection-confirmation",
                       "--out", str(out))  # fmt: skip
    assert code == 0, err


def test_object_with_an_outcome_refuses(
    capsys: pytest.CaptureFixture[str], db_path: Path, ref: str
) -> None:
    for args, message in [
        (["--outcome", "Weighed"], "name the processing objected to with --activity"),
        (["--activity", COMMUNICATIONS, "--outcome", "  "], "record the outcome"),
        (["--activity", "Astrology", "--outcome", "Weighed"], "unknown activity 'Astrology'"),
        (["--activity", COMMUNICATIONS, "--outcome", "Weighed", "--stopped-on", "2026-11-26"], "future"),
        (["--activity", COMMUNICATIONS, "--outcome", "Weighed", "--stopped-on", "24/11/2026"], "YYYY-MM-DD"),
        (["--stopped-on", "2026-11-24"], "--stopped-on goes with --outcome"),
    ]:  # fmt: skip
        refused(capsys, db_path, message, "object", ref, *args)
    access = log(db_path, RequestType.ACCESS, received=oslo(2026, 11, 10))
    refused(capsys, db_path, "objection", "object", access, "--activity", COMMUNICATIONS,
            "--outcome", "Weighed")  # fmt: skip


# --- a further request on the open case -------------------------------------------------------------------

KARI = ("--channel", "phone", "--name", "Kari Nordmann", "--phone", "+47 40 00 15 14")


def test_request_added_to_the_open_case(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    ref = log(db_path, RequestType.ACCESS, received=oslo(2026, 11, 10))
    code, printed, err = run(capsys, db_path, "request", "add", *KARI, "--type", "access,erasure",
                             "--received", "2026-11-20T09:30", "--notes", "Wants it all gone",
                             "--to-case", ref)  # fmt: skip
    assert code == 0, err
    assert printed.splitlines() == [
        ref,
        f"added to case {ref}: now access, erasure",
        f"due {detail(db_path, ref).due.isoformat()}",
    ]
    d = detail(db_path, ref)
    assert set(d.types) == {RequestType.ACCESS, RequestType.ERASURE}
    event = d.events[-1]
    assert event.kind == "further request" and "Wants it all gone" in event.detail
    db = open_database(db_path)
    try:
        assert len(list(cases.iter_cases(db, CaseQuery()))) == 1  # no new case
    finally:
        db.close()


def test_request_to_case_refuses(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    ref = log(db_path, RequestType.ACCESS, received=oslo(2026, 11, 10))
    other = ("--channel", "phone", "--name", "Kari Nordmann", "--phone", "+47 91 23 45 67")
    for args, message in [
        ([*other, "--type", "access"], f"not from the person of case {ref}"),
        (["--channel", "phone", "--name", "Kari Nordmann", "--type", "access"], "not from the person"),
        ([*KARI, "--type", "erasure"], f"case {ref} (new; access) is not an open case with a request of the same type"),
        ([*KARI, "--type", "access", "--new-subject"], "give no --new-subject"),
        ([*KARI, "--type", "burial"], "unknown request type 'burial'"),
    ]:  # fmt: skip
        refused(capsys, db_path, message, "request", "add", *args, "--to-case", ref)
    refused(capsys, db_path, "no case", "request", "add", *KARI, "--type", "access",
            "--to-case", "2026-0404")  # fmt: skip
