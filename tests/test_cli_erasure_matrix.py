"""`innsyn erasure matrix | line`, `innsyn case tasks | create-tasks | task-done` and
`innsyn case documents | sent`: the erasure matrix, the system checklist and the documents
of a case headless, through the services the rights and documents panels use."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from app.core.model import RequestType
from app.services import rights
from app.store.database import open_database
from tests.conftest import oslo
from tests.test_cli_case import detail, log, refused, run

PROVISION = "Provision of products and services"


@pytest.fixture
def ref(db_path: Path) -> str:
    return log(db_path, RequestType.ERASURE, RequestType.RECTIFICATION, received=oslo(2026, 11, 2))


def matrix(db_path: Path, ref: str) -> list[rights.ErasureLineView]:
    db = open_database(db_path)
    try:
        return rights.draw_up_erasure_matrix(db, ref)
    finally:
        db.close()


def tasks(db_path: Path, ref: str) -> list[rights.SystemTaskView]:
    db = open_database(db_path)
    try:
        return rights.system_tasks(db, ref)
    finally:
        db.close()


# --- the erasure matrix ---------------------------------------------------------------------------


def test_matrix_json_and_text(capsys: pytest.CaptureFixture[str], db_path: Path, ref: str) -> None:
    # A listing only reads: nothing is drawn up until asked for.
    code, out, err = run(capsys, db_path, "erasure", "matrix", ref, "--format", "json")
    assert code == 0, err
    assert json.loads(out) == []
    code, out, err = run(capsys, db_path, "erasure", "matrix", ref)
    assert code == 0
    assert (
        out == f"{ref}: no erasure matrix is drawn up yet (innsyn erasure matrix {ref} --draw-up)\n"
    )
    code, out, err = run(capsys, db_path, "erasure", "matrix", ref, "--format", "json", "--draw-up")
    assert code == 0, err
    records = json.loads(out)
    assert [(r["activity"], r["applies_to"], r["decision"]) for r in records] == [
        (x.activity, x.applies_to, x.decision) for x in matrix(db_path, ref)
    ]
    invoices = next(r for r in records if r["applies_to"] == "Invoices and payments")
    assert invoices["decision"] == "keep" and invoices["is_default"] is True
    assert invoices["ground"] == "Art. 17(3)(b) legal obligation: bokføringsloven § 13"
    other = next(r for r in records if r["applies_to"] == "Other personal data")
    assert other["decision"] == "erase" and other["ground"] is None and other["until"] is None
    assert other["systems"] == ["ERP and accounting", "CRM", "E-mail archive"]

    code, out, err = run(capsys, db_path, "erasure", "matrix", ref)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split() == ["ACTIVITY", "APPLIES", "TO", "DECISION", "UNTIL", "GROUND"]
    assert len(lines) == 1 + len(records)
    assert all(line == line.rstrip() for line in lines)


def test_matrix_refuses(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    access = log(db_path, RequestType.ACCESS, received=oslo(2026, 11, 2))
    refused(capsys, db_path, "erasure", "erasure", "matrix", access)
    refused(capsys, db_path, "no case", "erasure", "matrix", "2026-0404")
    refused(capsys, db_path, "invalid choice", "erasure", "matrix", access, "--format", "xml")


def test_line_keep_then_restrict_then_erase(
    capsys: pytest.CaptureFixture[str], db_path: Path, ref: str
) -> None:
    code, out, err = run(capsys, db_path, "erasure", "line", ref, "--activity", PROVISION,
                         "--applies-to", "other personal data", "--decision", "keep",
                         "--ground", "Art. 17(3)(e) legal claims", "--until", "2027-06-30",
                         "--reason", "A claim is pending")  # fmt: skip
    assert code == 0, err
    assert out.strip() == (
        f"{ref}: {PROVISION} / Other personal data: keep until 2027-06-30 "
        "(Art. 17(3)(e) legal claims)"
    )
    line = next(x for x in matrix(db_path, ref) if x.applies_to == "Other personal data")
    assert (line.decision, line.ground, line.until, line.reason, line.is_default) == (
        "keep", "Art. 17(3)(e) legal claims", dt.date(2027, 6, 30), "A claim is pending", False
    )  # fmt: skip

    code, out, _ = run(capsys, db_path, "erasure", "line", ref, "--activity", PROVISION,
                       "--applies-to", "Other personal data", "--decision", "restrict",
                       "--ground", "c")  # fmt: skip
    assert code == 0
    line = next(x for x in matrix(db_path, ref) if x.applies_to == "Other personal data")
    assert (line.decision, line.ground) == ("restrict", "Art. 18(1)(c)")

    code, out, _ = run(capsys, db_path, "erasure", "line", ref, "--activity", PROVISION,
                       "--applies-to", "Other personal data", "--decision", "erase")  # fmt: skip
    assert code == 0
    assert out.strip() == f"{ref}: {PROVISION} / Other personal data: erase"
    line = next(x for x in matrix(db_path, ref) if x.applies_to == "Other personal data")
    assert (line.decision, line.ground, line.until) == ("erase", "", None)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--activity", PROVISION, "--decision", "erase"], "choose with --applies-to (Invoices and payments, Other personal data)"),
        (["--activity", "Astrology", "--decision", "erase"], "unknown activity 'Astrology' (choose: "),
        (["--activity", PROVISION, "--applies-to", "Horoscopes", "--decision", "erase"], "unknown --applies-to 'Horoscopes' (choose: Invoices and payments, Other personal data)"),
        (["--activity", PROVISION, "--applies-to", "Other personal data", "--decision", "shred"], "unknown decision 'shred' (choose: erase, keep, restrict)"),
        (["--activity", PROVISION, "--applies-to", "Other personal data", "--decision", "keep"], "Art. 17(3) ground"),
        (["--activity", PROVISION, "--applies-to", "Other personal data", "--decision", "keep", "--ground", "claims", "--until", "2026-11-25"], "that date has come"),
        (["--activity", PROVISION, "--applies-to", "Other personal data", "--decision", "keep", "--ground", "claims", "--until", "30.06.2027"], "YYYY-MM-DD"),
        (["--activity", PROVISION, "--applies-to", "Other personal data", "--decision", "keep", "--ground", "claims"], "needs a reason"),
        (["--activity", PROVISION, "--applies-to", "Other personal data", "--decision", "restrict", "--ground", "e"], "unknown ground 'e' (choose: a, b, c, d)"),
        (["--activity", PROVISION, "--applies-to", "Other personal data", "--decision", "erase", "--ground", "x"], "give no --ground"),
    ],
)  # fmt: skip
def test_line_refuses(
    capsys: pytest.CaptureFixture[str], db_path: Path, ref: str, args: list[str], message: str
) -> None:
    matrix(db_path, ref)  # drawn up, as on the first look
    refused(capsys, db_path, message, "erasure", "line", ref, *args)


def test_line_on_a_case_without_a_matrix_draws_up_nothing(
    capsys: pytest.CaptureFixture[str], db_path: Path, ref: str
) -> None:
    refused(capsys, db_path, "unknown activity", "erasure", "line", ref,
            "--activity", "Astrology", "--decision", "erase")  # fmt: skip
    refused(capsys, db_path, "no case", "erasure", "line", "2026-0404",
            "--activity", PROVISION, "--applies-to", "Other personal data",
            "--decision", "erase")  # fmt: skip


# --- system tasks ----------------------------------------------------------------------------------


def test_create_tasks_list_them_and_tick_one(
    capsys: pytest.CaptureFixture[str], db_path: Path, ref: str
) -> None:
    code, out, err = run(capsys, db_path, "case", "create-tasks", ref)
    assert code == 0, err
    rows = tasks(db_path, ref)
    assert {t.kind for t in rows} == {"rectify", "erase"}
    assert out.splitlines()[0] == f"{ref}: {len(rows)} system task(s) added"
    assert out.splitlines()[-1] == f"0 of {len(rows)} done"

    code, out, _ = run(capsys, db_path, "case", "create-tasks", ref)  # existing lines stay
    assert code == 0 and out.splitlines()[0] == f"{ref}: 0 system task(s) added"
    assert len(tasks(db_path, ref)) == len(rows)

    code, out, _ = run(capsys, db_path, "case", "tasks", ref, "--format", "json")
    assert code == 0
    assert [(r["id"], r["system"], r["kind"], r["done_on"]) for r in json.loads(out)] == [
        (t.id, t.system, t.kind, None) for t in rows
    ]

    code, out, err = run(capsys, db_path, "case", "task-done", ref, "--task", "crm",
                         "--kind", "erase", "--on", "2026-11-24", "--notes", "Ticket 4411")  # fmt: skip
    assert code == 0, err
    assert out.strip() == f"{ref}: erase in CRM done on 2026-11-24"
    crm = next(t for t in tasks(db_path, ref) if t.system == "CRM" and t.kind == "erase")
    assert (crm.done_on, crm.notes) == (dt.date(2026, 11, 24), "Ticket 4411")

    first = rows[0]
    code, out, _ = run(capsys, db_path, "case", "task-done", ref, "--task", str(first.id),
                       "--on", "2026-11-25")  # fmt: skip
    assert code == 0 and out.strip().endswith("done on 2026-11-25")
    code, out, _ = run(capsys, db_path, "case", "tasks", ref)
    assert out.splitlines()[-1] == f"2 of {len(rows)} done"


def test_create_tasks_of_one_kind(
    capsys: pytest.CaptureFixture[str], db_path: Path, ref: str
) -> None:
    code, _, err = run(capsys, db_path, "case", "create-tasks", ref, "--kind", "erase")
    assert code == 0, err
    assert {t.kind for t in tasks(db_path, ref)} == {"erase"}


def test_tasks_refused(capsys: pytest.CaptureFixture[str], db_path: Path, ref: str) -> None:
    access = log(db_path, RequestType.ACCESS, received=oslo(2026, 11, 2))
    refused(capsys, db_path, "it has no system tasks", "case", "create-tasks", access)
    refused(capsys, db_path, "has no restrict task (choose: rectify, erase)",
            "case", "create-tasks", ref, "--kind", "restrict")  # fmt: skip
    refused(capsys, db_path, "unknown task 'delete' (choose: rectify, erase, restrict)",
            "case", "create-tasks", ref, "--kind", "delete")  # fmt: skip
    refused(capsys, db_path, "no case", "case", "tasks", "2026-0404")
    run(capsys, db_path, "case", "create-tasks", ref)
    for args, message in [
        (["--task", "CRM", "--on", "2026-11-24"], "several tasks (rectify, erase)"),
        (["--task", "Mainframe", "--on", "2026-11-24"], "has no system task 'Mainframe' (choose: 1 ("),
        (["--task", "999", "--on", "2026-11-24"], "has no system task '999'"),
        (["--task", "1", "--on", "2026-11-26"], "future"),
        (["--task", "1", "--on", "24.11.2026"], "YYYY-MM-DD"),
        (["--task", "1", "--on", "2026-11-01"], "before"),
    ]:  # fmt: skip
        refused(capsys, db_path, message, "case", "task-done", ref, *args)


# --- documents ----------------------------------------------------------------------------------------


@pytest.fixture
def letter_id(db_path: Path, ref: str) -> int:
    db = open_database(db_path)
    try:
        rights.rectify(db, ref, {"name": "Kari Nordmann Berg"})
        return rights.store_rights_letter(db, ref, "rectification-confirmation", "nb").document_id
    finally:
        db.close()


def test_documents_and_sent(
    capsys: pytest.CaptureFixture[str], db_path: Path, ref: str, letter_id: int
) -> None:
    code, out, err = run(capsys, db_path, "case", "documents", ref, "--format", "json")
    assert code == 0, err
    (doc,) = json.loads(out)
    (kept,) = detail(db_path, ref).documents
    assert doc["id"] == letter_id == kept.id
    assert doc["kind"] == "letter" and doc["filename"] == f"{ref}-rectification-confirmation-nb.pdf"
    assert doc["sha256"] == kept.sha256 and doc["size"] == kept.size > 0
    assert doc["sent_on"] is None and doc["sent_method"] is None

    code, out, err = run(capsys, db_path, "case", "sent", ref, "--document", str(letter_id),
                         "--on", "2026-11-25", "--method", "handed-over")  # fmt: skip
    assert code == 0, err
    assert out.strip() == f"{ref}: {doc['filename']} sent on 2026-11-25 by handed over"
    (kept,) = detail(db_path, ref).documents
    assert (kept.sent_on, kept.sent_method) == (dt.date(2026, 11, 25), "handed over")

    code, out, _ = run(capsys, db_path, "case", "documents", ref)
    header, line = out.splitlines()
    assert header.split()[:4] == ["ID", "KIND", "CREATED", "SENT"]
    assert "2026-11-25 handed over" in line and kept.sha256[:12] in line


def test_sent_refused(
    capsys: pytest.CaptureFixture[str], db_path: Path, ref: str, letter_id: int
) -> None:
    other = log(db_path, RequestType.RECTIFICATION, received=oslo(2026, 11, 2))
    good = ["--document", str(letter_id), "--on", "2026-11-25"]
    refused(capsys, db_path, "unknown method 'pigeon' (choose: post, e-mail, handed over)",
            "case", "sent", ref, *good, "--method", "pigeon")  # fmt: skip
    refused(capsys, db_path, f"case {other} has no document {letter_id} (choose: none)",
            "case", "sent", other, *good, "--method", "post")  # fmt: skip
    refused(capsys, db_path, "future", "case", "sent", ref, "--document", str(letter_id),
            "--on", "2026-11-26", "--method", "post")  # fmt: skip
    refused(capsys, db_path, "before the request was received", "case", "sent", ref,
            "--document", str(letter_id), "--on", "2026-10-01", "--method", "post")  # fmt: skip
    refused(capsys, db_path, "invalid int", "case", "sent", ref, "--document", "first",
            "--on", "2026-11-25", "--method", "post")  # fmt: skip
    refused(capsys, db_path, "no case", "case", "documents", "2026-0404")
