"""The hash-chained audit trail: a real workflow verifies; tampering is caught at its row,
also where the check at start verifies only the entries after the last verified one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.cli import main
from app.core import clock
from app.core.model import IdentityResult, Status
from app.services import cases
from app.services.audit import full_verification_due, verify_chain, verify_new_entries
from app.services.workflow import change_status, mark_answered
from app.store.database import Database, open_database
from tests.conftest import oslo, phone_request
from tests.dbutil import raw_connect

NAME, EMAIL, PHONE = "Ingrid Sørbø-Testesen", "ingrid.sorbo@example.no", "+4791234567"


def workflow(db: Database) -> str:
    ref = cases.log_request(
        db, phone_request(NAME, email=EMAIL, phone=PHONE, notes="Ringte om kundekortet")
    ).reference
    cases.record_identity(
        db, ref, method="call-back", result=IdentityResult.VERIFIED, notes="Kjent stemme"
    )
    cases.extend(db, ref, reason="Mange systemer", decided_on=dt.date(2026, 3, 20))
    cases.add_note(db, ref, f"Snakket med {NAME}")
    mark_answered(db, ref, on=dt.date(2026, 4, 1), method="post")
    change_status(db, ref, Status.CLOSED)
    cases.log_request(db, phone_request("Per Hansen", phone=None, received=oslo(2026, 4, 2)))
    return ref


def tamper(path: Path, *sql: str) -> None:
    conn = raw_connect(path)
    for statement in sql:
        conn.execute(statement)
    conn.commit()
    conn.close()


def test_a_real_workflow_verifies_and_holds_no_personal_data(db: Database) -> None:
    workflow(db)
    report = verify_chain(db)
    assert report.ok, report.problem
    conn = raw_connect(db.path)
    rows = conn.execute(
        "SELECT action, table_name, object_id, detail, user FROM audit_log"
    ).fetchall()
    conn.close()
    assert len(rows) > 20
    assert ("update", "case_") in {(r[0], r[1]) for r in rows}
    blob = "\n".join(" ".join(map(str, r)) for r in rows)
    for secret in (NAME, "Sørbø", EMAIL, PHONE, "91234567", "Kjent stemme", "kundekortet"):
        assert secret not in blob
    assert "2026-0001" in blob  # references and pseudonyms are what the trail names
    assert "S-000001" in blob


@pytest.mark.parametrize(
    ("sql", "bad_row"),
    [
        (["UPDATE audit_log SET detail = '{\"fields\":[]}' WHERE id = 5"], 5),
        (["UPDATE audit_log SET user = 'someone-else' WHERE id = 7"], 7),
        (["DELETE FROM audit_log WHERE id = 9"], 10),
        (
            [
                "UPDATE audit_log SET id = -1 WHERE id = 3",
                "UPDATE audit_log SET id = 3 WHERE id = 4",
                "UPDATE audit_log SET id = 4 WHERE id = -1",
            ],
            3,
        ),
    ],
)
def test_tampering_is_caught_at_the_right_row(db: Database, sql: list[str], bad_row: int) -> None:
    workflow(db)
    db.close()
    tamper(db.path, *sql)
    reopened = open_database(db.path)
    report = verify_chain(reopened)
    reopened.close()
    assert not report.ok
    assert report.first_bad_id == bad_row


def test_cutting_off_the_newest_rows_is_caught(db: Database) -> None:
    workflow(db)
    conn = raw_connect(db.path)
    last = conn.execute("SELECT max(id) FROM audit_log").fetchone()[0]
    conn.close()
    tamper(db.path, f"DELETE FROM audit_log WHERE id >= {last - 1}")
    report = verify_chain(db)
    assert not report.ok
    assert report.first_bad_id == last


def test_cli_audit_verify(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    workflow(db)
    db.close()
    assert main(["--db", str(db.path), "audit", "verify"]) == 0
    assert "intact" in capsys.readouterr().out
    tamper(db.path, "UPDATE audit_log SET action = 'read' WHERE id = 12")
    assert main(["--db", str(db.path), "audit", "verify"]) == 1
    assert "row 12" in capsys.readouterr().err


# --- the checkpoint kept outside the database: checking only what is new -------------------


def last_row(path: Path) -> int:
    conn = raw_connect(path)
    try:
        return int(conn.execute("SELECT max(id) FROM audit_log").fetchone()[0])
    finally:
        conn.close()


def test_the_start_check_verifies_only_new_entries_and_keeps_a_checkpoint(db: Database) -> None:
    workflow(db)
    first = verify_new_entries(db)  # no checkpoint yet: the whole chain
    assert first.ok and first.full and first.rows == last_row(db.path)
    assert full_verification_due(db) is False
    cases.log_request(db, phone_request("Ny Person", phone=None, received=oslo(2026, 4, 3)))
    second = verify_new_entries(db)
    assert second.ok and not second.full
    assert second.rows == last_row(db.path)  # every entry counted, the new ones hashed
    tomorrow = clock.now_utc() + dt.timedelta(days=1)
    assert full_verification_due(db, now=tomorrow)


def test_an_edit_before_the_checkpoint_is_caught_by_the_whole_recomputation(
    db: Database,
) -> None:
    workflow(db)
    assert verify_new_entries(db).ok
    tamper(db.path, "UPDATE audit_log SET user = 'someone-else' WHERE id = 7")
    assert verify_new_entries(db).ok  # before the checkpoint: not looked at again
    whole = verify_chain(db)
    assert not whole.ok and whole.first_bad_id == 7
    # Once found, every check recomputes the whole chain until it holds again.
    again = verify_new_entries(db)
    assert not again.ok and again.first_bad_id == 7 and again.full


def test_an_edit_after_the_checkpoint_is_caught_by_the_start_check(db: Database) -> None:
    workflow(db)
    assert verify_new_entries(db).ok
    checkpoint = last_row(db.path)
    cases.log_request(db, phone_request("Ny Person", phone=None, received=oslo(2026, 4, 3)))
    tamper(db.path, f"UPDATE audit_log SET action = 'read' WHERE id = {checkpoint + 1}")
    report = verify_new_entries(db)
    assert not report.ok and report.first_bad_id == checkpoint + 1


def test_cutting_the_chain_back_and_rewriting_the_anchor_is_caught_by_the_checkpoint(
    db: Database,
) -> None:
    workflow(db)
    assert verify_new_entries(db).ok
    last = last_row(db.path)
    keep = last - 3
    conn = raw_connect(db.path)
    kept_hash = conn.execute("SELECT hash FROM audit_log WHERE id = ?", (keep,)).fetchone()[0]
    conn.close()
    tamper(
        db.path,
        f"DELETE FROM audit_log WHERE id > {keep}",
        f"UPDATE audit_anchor SET last_id = {keep}, last_hash = '{kept_hash}'",
    )
    for report in (verify_new_entries(db), verify_chain(db)):
        assert not report.ok
        assert report.first_bad_id == last
        assert "cut back" in report.problem


def test_restoring_a_backup_starts_a_new_checkpoint(db: Database, tmp_path: Path) -> None:
    from app.services.backup import make_backup, restore

    workflow(db)
    backup = make_backup(db, tmp_path / "backups")
    cases.log_request(db, phone_request("Ny Person", phone=None, received=oslo(2026, 4, 3)))
    assert verify_new_entries(db).ok  # the checkpoint is past what the backup holds
    db.close()
    restore(db.path, backup)
    reopened = open_database(db.path)
    try:
        report = verify_new_entries(reopened)
        assert report.ok, report.problem  # a restore is not a cut
        assert report.full
    finally:
        reopened.close()
