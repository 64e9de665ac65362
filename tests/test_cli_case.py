"""`innsyn case ...`: every action on a case, headless, through the services the GUI uses;
what the database then holds, what is printed, and bad input refused with the database
unchanged."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from app.cli import main
from app.core.model import IdentityMethod, RequestType
from app.services import cases, findings, rights
from app.services.dto import CaseDetail
from app.store.database import open_database
from tests.conftest import oslo, phone_request
from tests.dbutil import raw_connect


def run(capsys: pytest.CaptureFixture[str], db_path: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db_path), *args])
    out, err = capsys.readouterr()
    return code, out, err


def snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table: what "the database unchanged" means."""
    conn = raw_connect(path)
    try:
        tables = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not r[0].startswith("sqlite_")
        ]
        return {
            t: sorted(map(tuple, conn.execute(f'SELECT * FROM "{t}"')), key=repr) for t in tables
        }
    finally:
        conn.close()


def refused(capsys: pytest.CaptureFixture[str], db_path: Path, message: str, *args: str) -> None:
    before = snapshot(db_path)
    code, out, err = run(capsys, db_path, *args)
    assert code == 2, (out, err)
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("innsyn: "), err
    assert message in err, err
    assert snapshot(db_path) == before


def log(db_path: Path, *types: RequestType, received: dt.datetime | None = None) -> str:
    db = open_database(db_path)
    try:
        return cases.log_request(
            db, phone_request(types=types or (RequestType.ACCESS,), received=received)
        ).reference
    finally:
        db.close()


def detail(db_path: Path, ref: str) -> CaseDetail:
    db = open_database(db_path)
    try:
        return cases.get_case(db, ref)
    finally:
        db.close()


@pytest.fixture
def ref(db_path: Path) -> str:
    return log(db_path, received=oslo(2026, 11, 2))


# --- show ---------------------------------------------------------------------------------------


def test_show_json_holds_the_details_deadlines_and_timeline(
    capsys: pytest.CaptureFixture[str], db_path: Path, ref: str
) -> None:
    assert run(capsys, db_path, "case", "pause", ref, "--asked-on", "2026-11-04")[0] == 0
    assert run(capsys, db_path, "case", "resume", ref, "--arrived-on", "2026-11-09")[0] == 0
    code, out, err = run(capsys, db_path, "case", "show", ref, "--format", "json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["reference"] == ref
    assert data["types"] == ["access"]
    assert data["status"] == "in progress"
    assert data["received"] == "2026-11-02"
    assert data["due"] == "2026-12-02"  # strict
    assert data["adjusted_due"] == "2026-12-07"  # five days paused, shown beside it
    assert data["days_left"] == 7
    assert data["extended"] is False and data["extension"] is None
    assert data["identity"]["requested_on"] == "2026-11-04"
    assert data["identity"]["received_on"] == "2026-11-09"
    kinds = [e["kind"] for e in data["timeline"]]
    assert kinds == ["received", "identity requested", "identity received"]
    assert data["subject"]["name"] == "Kari Nordmann"


def test_show_text_labels_the_strict_and_the_adjusted_date(
    capsys: pytest.CaptureFixture[str], db_path: Path, ref: str
) -> None:
    run(capsys, db_path, "case", "pause", ref, "--asked-on", "2026-11-04")
    code, out, _ = run(capsys, db_path, "case", "show", ref)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["reference", ref]
    due = next(line for line in lines if line.startswith("due"))
    assert "2026-12-02 (strict: the one that counts); days left: 7" in due
    assert any(line.startswith("adjusted due") for line in lines)
    assert "timeline" in lines
    assert any("identity requested: asked on 2026-11-04" in line for line in lines)


def test_show_of_a_missing_case_is_one_line(
    capsys: pytest.CaptureFixture[str], db_path: Path, ref: str
) -> None:
    refused(capsys, db_path, "2026-9999", "case", "show", "2026-9999")
    refused(capsys, db_path, "invalid choice", "case", "show", ref, "--format", "xml")


# --- identity -------------------------------------------------------------------------------------


def test_identity_records_method_and_result(
    capsys: pytest.CaptureFixture[str], db_path: Path, ref: str
) -> None:
    code, out, _ = run(
        capsys, db_path, "case", "identity", ref, "--method", "bankid", "--result", "verified"
    )
    assert code == 0
    assert out.splitlines() == [
        f"{ref}: identity verified (BankID signature) on 2026-11-25",
        f"{ref}: in progress, due 2026-12-02",
    ]
    d = detail(db_path, ref)
    assert d.identity_method == IdentityMethod.BANKID.value
    assert d.identity_result == "verified"
    assert d.identity_verified_on == dt.date(2026, 11, 25)
    assert d.status.value == "in progress"

    run(capsys, db_path, "case", "identity", ref, "--method", "other", "--result", "failed",
        "--notes", "voice did not match", "--on", "2026-11-24")  # fmt: skip
    d = detail(db_path, ref)
    assert d.identity_result == "not verified" and d.identity_notes == "voice did not match"
    assert d.identity_verified_on is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--method", "fax", "--result", "verified"], "unknown method 'fax' (choose: known-email"),
        (["--method", "bankid", "--result", "maybe"], "unknown result 'maybe' (choose: verified, failed"),
        (["--method", "other", "--result", "verified"], "--notes"),
        (["--method", "bankid", "--result", "verified", "--on", "25.11.2026"], "YYYY-MM-DD"),
        (["--method", "bankid", "--result", "verified", "--on", "2026-11-26"], "future"),
    ],
)  # fmt: skip
def test_identity_refuses_bad_values(
    capsys: pytest.CaptureFixture[str], db_path: Path, ref: str, args: list[str], message: str
) -> None:
    refused(capsys, db_path, message, "case", "identity", ref, *args)


def test_identity_of_a_missing_case(
    capsys: pytest.CaptureFixture[str], db_path: Path, ref: str
) -> None:
    refused(capsys, db_path, "no case", "case", "identity", "2026-0404", "--method", "bankid",
            "--result", "verified")  # fmt: skip


# --- pause and resume -------------------------------------------------------------------------------


def test_pause_and_resume(capsys: pytest.CaptureFixture[str], db_path: Path, ref: str) -> None:
    code, out, _ = run(capsys, db_path, "case", "pause", ref, "--asked-on", "2026-11-03")
    assert code == 0 and out.splitlines()[-1] == f"{ref}: awaiting identity, due 2026-12-02"
    assert detail(db_path, ref).identity_requested_on == dt.date(2026, 11, 3)
    # asked again while waiting: the workflow refuses
    refused(capsys, db_path, "already been asked", "case", "pause", ref, "--asked-on", "2026-11-04")
    refused(
        capsys, db_path, "before it was asked", "case", "resume", ref, "--arrived-on", "2026-11-02"
    )
    code, out, _ = run(capsys, db_path, "case", "resume", ref, "--arrived-on", "2026-11-06")
    assert code == 0 and out.splitlines()[-1] == f"{ref}: in progress, due 2026-12-02"
    d = detail(db_path, ref)
    assert d.identity_received_on == dt.date(2026, 11, 6)
    assert d.adjusted_due == dt.date(2026, 12, 7)
    refused(capsys, db_path, "not waiting", "case", "resume", ref, "--arrived-on", "2026-11-07")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["pause", "REF", "--asked-on", "2026-02-30"], "YYYY-MM-DD"),
        (["pause", "REF", "--asked-on", "20261103"], "YYYY-MM-DD"),
        (["pause", "REF", "--asked-on", "2026-12-01"], "future"),
        (["pause", "REF", "--asked-on", "2026-11-01"], "before the request arrived"),
        (["pause", "REF"], "--asked-on"),
        (["resume", "REF", "--arrived-on", "2026-11-05"], "not waiting"),
        (["pause", "2026-0404", "--asked-on", "2026-11-05"], "no case"),
    ],
)
def test_pause_and_resume_refuse(
    capsys: pytest.CaptureFixture[str], db_path: Path, ref: str, args: list[str], message: str
) -> None:
    refused(capsys, db_path, message, "case", *[ref if a == "REF" else a for a in args])


# --- extend ---------------------------------------------------------------------------------------


def test_extend_within_the_first_month(
    capsys: pytest.CaptureFixture[str], db_path: Path, ref: str
) -> None:
    code, out, _ = run(capsys, db_path, "case", "extend", ref, "--reasons", "Many systems",
                       "--told-on", "2026-11-26")  # fmt: skip
    assert code == 0
    assert out.strip() == f"{ref}: extended; due 2027-02-02 (person told 2026-11-26)"
    d = detail(db_path, ref)
    assert d.extended and d.due == dt.date(2027, 2, 2)
    assert d.extension_reason == "Many systems"
    assert d.extension_decided_on == dt.date(2026, 11, 25)
    assert d.extension_told_on == dt.date(2026, 11, 26)
    refused(capsys, db_path, "already extended", "case", "extend", ref, "--reasons", "again")


def test_extend_after_the_first_month_is_refused(
    capsys: pytest.CaptureFixture[str], db_path: Path, ref: str, set_clock: object
) -> None:
    set_clock(oslo(2026, 12, 3))  # type: ignore[operator]
    refused(capsys, db_path, "has passed", "case", "extend", ref, "--reasons", "Complex")
    assert not detail(db_path, ref).extended


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--reasons", "  "], "reasons"),
        (["--reasons", "x", "--told-on", "2026-11-24"], "before the extension was decided"),
        (["--reasons", "x", "--decided-on", "2026-13-01"], "YYYY-MM-DD"),
        (["--reasons", "x", "--told-on", "2026-12-03"], "must be told of the extension by"),
    ],
)
def test_extend_refuses_bad_values(
    capsys: pytest.CaptureFixture[str], db_path: Path, ref: str, args: list[str], message: str
) -> None:
    refused(capsys, db_path, message, "case", "extend", ref, *args)


# --- note, status, answer, close -------------------------------------------------------------------


def test_note_goes_on_the_timeline(
    capsys: pytest.CaptureFixture[str], db_path: Path, ref: str
) -> None:
    code, out, _ = run(capsys, db_path, "case", "note", ref, "Called back, left a message")
    assert code == 0 and out.strip() == f"{ref}: note added"
    event = detail(db_path, ref).events[-1]
    assert (event.kind, event.detail) == ("note", "Called back, left a message")
    refused(capsys, db_path, "empty", "case", "note", ref, "   ")
    refused(capsys, db_path, "no case", "case", "note", "2026-0404", "text")


def test_status_change_and_refusals(
    capsys: pytest.CaptureFixture[str], db_path: Path, ref: str
) -> None:
    code, out, _ = run(capsys, db_path, "case", "status", ref, "in-progress")
    assert code == 0 and out.strip() == f"{ref}: in progress, due 2026-12-02"
    assert detail(db_path, ref).status.value == "in progress"
    refused(capsys, db_path, "unknown status 'done' (choose: new, awaiting identity, in progress",
            "case", "status", ref, "done")  # fmt: skip
    refused(capsys, db_path, "already in progress", "case", "status", ref, "in progress")
    refused(capsys, db_path, "reason", "case", "status", ref, "refused")
    refused(capsys, db_path, "Mark answered", "case", "status", ref, "answered")
    code, _, _ = run(capsys, db_path, "case", "status", ref, "refused", "--note", "Repetitive")
    d = detail(db_path, ref)
    assert d.status.value == "refused" and d.refusal_reason == "Repetitive" and not d.is_open


def test_answer_then_close(capsys: pytest.CaptureFixture[str], db_path: Path, ref: str) -> None:
    refused(capsys, db_path, "answer, refuse or withdraw", "case", "close", ref)
    code, out, _ = run(capsys, db_path, "case", "answer", ref, "--on", "2026-11-20",
                       "--method", "handed-over")  # fmt: skip
    assert code == 0
    assert out.splitlines() == [
        f"{ref}: answered on 2026-11-20 by handed over",
        f"{ref}: answered, due 2026-12-02",
    ]
    d = detail(db_path, ref)
    assert d.answered_on == dt.date(2026, 11, 20) and d.answer_method == "handed over"
    code, out, _ = run(capsys, db_path, "case", "close", ref, "--note", "done")
    assert code == 0 and out.strip() == f"{ref}: closed"
    d = detail(db_path, ref)
    assert d.status.value == "closed" and d.closed_on == dt.date(2026, 11, 25)
    refused(capsys, db_path, "already closed", "case", "close", ref)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--on", "2026-11-20", "--method", "fax"], "unknown method 'fax' (choose: post, e-mail, handed over, phone)"),
        (["--on", "yesterday", "--method", "post"], "YYYY-MM-DD"),
        (["--on", "2026-11-30", "--method", "post"], "future"),
        (["--on", "2026-10-30", "--method", "post"], "before the request was received"),
        (["--method", "post"], "--on"),
    ],
)  # fmt: skip
def test_answer_refuses_bad_values(
    capsys: pytest.CaptureFixture[str], db_path: Path, ref: str, args: list[str], message: str
) -> None:
    refused(capsys, db_path, message, "case", "answer", ref, *args)


# --- the search checklist -----------------------------------------------------------------------------


def test_systems_and_search(capsys: pytest.CaptureFixture[str], db_path: Path, ref: str) -> None:
    code, out, _ = run(capsys, db_path, "case", "systems", ref, "--format", "json")
    assert code == 0
    listed = json.loads(out)
    assert "CRM" in [s["system"] for s in listed]
    assert all(s["found"] is None for s in listed)

    code, out, _ = run(capsys, db_path, "case", "search", ref, "--system", "crm", "--found", "yes",
                       "--categories", "Name, Phone", "--notes", "Kari Nordmann\n+4740001514",
                       "--on", "2026-11-20")  # fmt: skip
    assert code == 0
    assert out.strip() == f"{ref}: CRM searched on 2026-11-20: data found (Name, Phone)"
    code, out, _ = run(capsys, db_path, "case", "search", ref, "--system", "E-mail archive",
                       "--found", "no")  # fmt: skip
    assert code == 0 and out.strip().endswith("nothing found")

    db = open_database(db_path)
    try:
        rows = {f.system: f for f in findings.findings(db, ref)}
    finally:
        db.close()
    assert rows["CRM"].found is True and rows["CRM"].categories == ("Name", "Phone")
    assert rows["CRM"].searched_on == dt.date(2026, 11, 20)
    assert rows["E-mail archive"].found is False and rows["E-mail archive"].categories == ()

    code, out, _ = run(capsys, db_path, "case", "systems", ref)
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["SYSTEM", "SEARCHED", "FOUND"]
    assert lines[-1] == f"2 of {len(listed)} systems searched"
    crm = next(line for line in lines if line.startswith("CRM "))
    assert crm.split()[1:] == ["2026-11-20", "yes", "Name,", "Phone"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--system", "Fax archive", "--found", "no"], "unknown system 'Fax archive' (choose: "),
        (["--system", "CRM", "--found", "maybe"], "(choose: yes, no)"),
        (["--system", "CRM", "--found", "yes"], "--categories or --notes"),
        (["--system", "CRM", "--found", "no", "--categories", "Name"], "nothing was found"),
        (["--system", "CRM", "--found", "no", "--on", "2026-11-01"], "before the request"),
        (["--system", "CRM", "--found", "no", "--on", "2026-11-31"], "YYYY-MM-DD"),
    ],
)
def test_search_refuses_bad_values(
    capsys: pytest.CaptureFixture[str], db_path: Path, ref: str, args: list[str], message: str
) -> None:
    run(capsys, db_path, "case", "systems", ref)  # the checklist drawn up first
    refused(capsys, db_path, message, "case", "search", ref, *args)


def test_search_of_a_missing_case(
    capsys: pytest.CaptureFixture[str], db_path: Path, ref: str
) -> None:
    refused(capsys, db_path, "no case", "case", "search", "2026-0404", "--system", "CRM",
            "--found", "no")  # fmt: skip
    refused(capsys, db_path, "no case", "case", "systems", "2026-0404")


# --- notices to recipients --------------------------------------------------------------------------------


@pytest.fixture
def restricted(capsys: pytest.CaptureFixture[str], db_path: Path) -> str:
    """A restriction case whose notices are drawn up (all the person's data restricted)."""
    ref = log(db_path, RequestType.RESTRICTION, received=oslo(2026, 11, 10))
    assert run(capsys, db_path, "restrict", ref, "--ground", "a")[0] == 0
    assert run(capsys, db_path, "case", "notices", ref)[0] == 0
    return ref


def notices_of(db_path: Path, ref: str) -> dict[str, rights.NoticeView]:
    db = open_database(db_path)
    try:
        return {n.recipient: n for n in rights.notices(db, ref)}
    finally:
        db.close()


def test_notices_and_notify(
    capsys: pytest.CaptureFixture[str], db_path: Path, restricted: str
) -> None:
    ref = restricted
    code, out, _ = run(capsys, db_path, "case", "notices", ref, "--format", "json")
    listed = json.loads(out)
    assert {n["status"] for n in listed} == {"open"}
    names = [n["recipient"] for n in listed]
    assert "IT operations provider" in names

    code, out, _ = run(capsys, db_path, "case", "notify", ref, "--recipient",
                       "it operations provider", "--on", "2026-11-24", "--method", "e-mail")  # fmt: skip
    assert code == 0
    assert out.strip() == f"{ref}: IT operations provider notified on 2026-11-24 by e-mail"
    other = next(n for n in names if n != "IT operations provider")
    code, out, _ = run(capsys, db_path, "case", "notify", ref, "--recipient", other,
                       "--not-notified", "disproportionate", "--why", "No disclosure was made")  # fmt: skip
    assert code == 0 and out.strip() == f"{ref}: {other} not notified (disproportionate)"

    held = notices_of(db_path, ref)
    it = held["IT operations provider"]
    assert (it.status, it.notified_on, it.method) == ("notified", dt.date(2026, 11, 24), "e-mail")
    assert held[other].status == "not notified"
    assert held[other].reason == "disproportionate: No disclosure was made"

    code, out, _ = run(capsys, db_path, "case", "notices", ref)
    line = next(x for x in out.splitlines() if x.startswith("IT operations provider"))
    assert line.split()[-3:] == ["notified", "2026-11-24", "e-mail"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--recipient", "Nobody AS", "--on", "2026-11-24", "--method", "post"], "unknown recipient 'Nobody AS' (choose: IT operations provider"),
        (["--recipient", "IT operations provider", "--not-notified", "lazy", "--why", "x"], "unknown ground 'lazy' (choose: impossible, disproportionate)"),
        (["--recipient", "IT operations provider", "--not-notified", "impossible"], "--why"),
        (["--recipient", "IT operations provider", "--on", "2026-11-24"], "--method"),
        (["--recipient", "IT operations provider", "--on", "2026-11-24", "--method", "carrier pigeon post"], "16 characters"),
        (["--recipient", "IT operations provider", "--on", "2026-11-09", "--method", "post"], "before the request was received"),
        (["--recipient", "IT operations provider", "--on", "2026-11-27", "--method", "post"], "future"),
    ],
)  # fmt: skip
def test_notify_refuses(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    restricted: str,
    args: list[str],
    message: str,
) -> None:
    refused(capsys, db_path, message, "case", "notify", restricted, *args)


def test_close_with_open_notices_needs_a_note(
    capsys: pytest.CaptureFixture[str], db_path: Path, restricted: str
) -> None:
    run(capsys, db_path, "case", "answer", restricted, "--on", "2026-11-25", "--method", "post")
    refused(capsys, db_path, "still open", "case", "close", restricted)
    code, _, _ = run(capsys, db_path, "case", "close", restricted, "--note", "Told by phone")
    assert code == 0 and detail(db_path, restricted).status.value == "closed"
