"""Sample cases: clearly marked, varied, and removed completely in one step without touching
anything real."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import text

from app.core import deadlines
from app.core.model import Channel, Status
from app.services import cases, samples, workflow
from app.services.dto import CaseQuery
from app.store import audit
from app.store.database import Database
from tests.conftest import OSLO, phone_request

AUDIT_TABLES = {"audit_log", "audit_anchor"}


def snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (the search index by its content), except the audit trail."""
    with db.engine.connect() as conn:
        names = [
            row[0]
            for row in conn.execute(
                text("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            )
        ]
        result: dict[str, list[tuple[Any, ...]]] = {}
        for name in names:
            # FTS5 keeps its index in shadow tables whose bytes depend on history; the
            # virtual table itself shows what is indexed.
            if name in AUDIT_TABLES or name.startswith("subject_fts_"):
                continue
            select = f'SELECT {"rowid, " if name == "subject_fts" else ""}* FROM "{name}"'
            result[name] = sorted((tuple(row) for row in conn.execute(text(select))), key=repr)
        return result


def audit_rows(db: Database) -> list[tuple[str, str, str]]:
    with db.engine.connect() as conn:
        return [
            (r.action, r.table_name, r.detail)
            for r in conn.execute(text("SELECT action, table_name, detail FROM audit_log"))
        ]


def days_ago(n: int) -> dt.datetime:
    day = cases.today_oslo() - dt.timedelta(days=n)
    return dt.datetime(day.year, day.month, day.day, 11, tzinfo=OSLO)


def test_samples_are_marked_and_varied(db: Database) -> None:
    references = samples.add_sample_cases(db)
    assert len(references) == 6
    assert all(r.startswith("EKS-") for r in references)
    assert samples.has_sample_cases(db)
    assert samples.sample_references(db) == references

    rows = cases.list_cases(db, CaseQuery())
    assert {r.reference for r in rows} == set(references)
    assert all(r.subject.startswith("[EKSEMPEL] ") for r in rows)
    today = cases.today_oslo()
    assert any(r.is_open and r.due < today for r in rows), "one is overdue"
    assert any(r.is_open and 0 <= (r.due - today).days <= 7 for r in rows), "one is due soon"
    assert any(r.status is Status.ANSWERED and not r.is_open for r in rows), "one is answered"
    assert len({r.channel for r in rows}) == len(Channel)
    assert len({r.status for r in rows}) >= 4
    assert all(r.received < today for r in rows)
    assert len({r.types for r in rows}) >= 4
    for r in rows:  # deadlines are counted by the same rules as real cases
        detail = cases.get_case(db, r.reference)
        assert detail.due == deadlines.due_date(detail.received, extended=detail.extended)
        assert detail.events and detail.events[0].kind == "received"
        assert "[EKSEMPEL]" in detail.call_notes

    # Found by the search index like any subject, and they use up no real number.
    found = cases.list_cases(db, CaseQuery(text="Nordmann"))
    assert {r.subject for r in found} == {"[EKSEMPEL] Kari Nordmann", "[EKSEMPEL] Ola Nordmann"}
    real = cases.log_request(db, phone_request(received=days_ago(2)))
    assert real.reference.endswith("-0001")
    assert real.subject_created  # not linked to a made-up person

    with db.engine.connect() as conn:
        query = text("SELECT value FROM setting WHERE key = :k")
        stored = conn.execute(query, {"k": samples.SAMPLES_SETTING}).scalar_one()
    assert json.loads(stored) == references


def test_adding_twice_adds_nothing_more(db: Database) -> None:
    first = samples.add_sample_cases(db)
    assert samples.add_sample_cases(db) == []
    assert samples.sample_references(db) == first
    assert cases.count_cases(db, CaseQuery()) == 6


def test_add_then_remove_leaves_the_database_as_it_was_except_the_audit_trail(
    db: Database,
) -> None:
    before = snapshot(db)
    audit_before = audit_rows(db)

    references = samples.add_sample_cases(db)
    # Work done on a sample case goes with it.
    cases.add_note(db, references[0], "Tried the notes.")
    workflow.change_status(db, references[1], Status.IN_PROGRESS)
    assert snapshot(db) != before

    assert samples.remove_sample_cases(db) == 6
    assert snapshot(db) == before
    assert not samples.has_sample_cases(db)
    assert cases.list_cases(db, CaseQuery(text="Nordmann")) == []

    # The audit trail recorded both the adding and the removing, and is intact.
    added = audit_rows(db)[len(audit_before) :]
    deleted_tables = {table for action, table, _ in added if action == "delete"}
    assert {"case_", "subject", "case_event", "subject_email", "setting"} <= deleted_tables
    inserted = sum(1 for action, _, _ in added if action == "insert")
    deleted = sum(1 for action, _, _ in added if action == "delete")
    assert inserted == deleted
    with db.engine.connect() as conn:
        assert audit.verify(conn).ok


def test_remove_touches_no_real_case(db: Database) -> None:
    real = cases.log_request(db, phone_request("Ola Hansen", received=days_ago(5)))
    cases.add_note(db, real.reference, "A real note.")
    before = snapshot(db)
    samples.add_sample_cases(db)
    later = cases.log_request(
        db, phone_request("Siri Berg", received=days_ago(1), phone="+47 41 00 00 01")
    )

    assert samples.remove_sample_cases(db) == 6

    after = snapshot(db)
    remaining = {r.reference for r in cases.list_cases(db, CaseQuery())}
    assert remaining == {real.reference, later.reference}
    # Everything that was there before is still there, unchanged.
    for table, rows in before.items():
        if table == "reference_counter":  # moved on by the later real case, checked below
            continue
        assert set(rows) <= set(after[table]), table
    if real.reference[:4] == later.reference[:4]:  # same year: the next number, none skipped
        assert int(later.reference[5:]) == int(real.reference[5:]) + 1
    assert [e.kind for e in cases.get_case(db, real.reference).events] == ["received", "note"]
    assert cases.get_case(db, later.reference).subject_name == "Siri Berg"


def test_a_sample_subject_with_a_real_case_is_kept(db: Database) -> None:
    references = samples.add_sample_cases(db)
    kari = cases.get_case(db, references[0]).subject_id
    real = cases.log_request(db, phone_request(received=days_ago(1), subject_id=kari))

    assert samples.remove_sample_cases(db) == 6

    detail = cases.get_case(db, real.reference)
    assert detail.subject_id == kari  # the person and the real case stay
    assert [r.reference for r in cases.list_cases(db, CaseQuery())] == [real.reference]


def test_remove_without_samples_changes_nothing(db: Database) -> None:
    cases.log_request(db, phone_request(received=days_ago(3)))
    before = snapshot(db)
    audit_before = audit_rows(db)
    assert samples.remove_sample_cases(db) == 0
    assert snapshot(db) == before
    assert audit_rows(db) == audit_before
    assert not samples.has_sample_cases(db)
