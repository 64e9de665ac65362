"""The retention sweep a page at a time: counted first (`sweep_plan`), then read by page
(`sweep_page`) or streamed (`reading_sweep`), always in the order of the unpaged `sweep`;
and the whole list's erasure cases and de-identification in batches."""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from pathlib import Path

import pytest
from sqlalchemy import insert, select, update

from app.core.model import RequestType
from app.reports.csvsafe import neutralise
from app.services import cases, retention_sweep, rights
from app.services.retention_sweep import SweepItem, SweepKind, sweep_item_key
from app.store.database import Database
from app.store.models import (
    ActivityRetention,
    AuditLog,
    Case,
    ProcessingActivity,
    RetentionRule,
    Subject,
)
from tests.conftest import oslo, phone_request

AS_OF = dt.date(2031, 3, 1)
ROLES = ("customer", "supplier", "stakeholder", "", "customer,supplier")


def add_rule(
    db: Database, activity_name: str, applies_to: str, years: int, months: int, event: str
) -> None:
    """A line of our own: a month's period clips at month ends; case_closed reads cases."""
    with db.session() as s:
        activity = s.scalars(
            select(ProcessingActivity).where(ProcessingActivity.name == activity_name)
        ).one()
        rule = RetentionRule(
            code=f"test-{event}-{years}-{months}",
            description=f"Test rule: {years} y {months} m after {event}",
            period_years=years,
            period_months=months,
            after_event=event,
            legal_reference=f"Test policy ({event})",
            legal_reference_nb=f"Testregel ({event})",
        )
        s.add(rule)
        s.flush()
        s.add(
            ActivityRetention(
                activity_id=activity.id,
                rule_id=rule.id,
                applies_to=applies_to,
                applies_to_nb=f"{applies_to} (bokmål)",
            )
        )


def add_people(db: Database, n: int, seed: str = "paging") -> None:
    """People whose dates cluster: many share a date, a financial year, a month end."""
    rng = random.Random(seed)
    base = dt.date(2017, 1, 1)

    def day() -> dt.date | None:
        pick = rng.random()
        if pick < 0.1:
            return None
        if pick < 0.3:  # month ends and a leap day: clipped periods share a due date
            return rng.choice([dt.date(2028, 1, 29), dt.date(2028, 1, 30), dt.date(2028, 1, 31),
                               dt.date(2024, 2, 29), dt.date(2024, 2, 28), dt.date(2027, 12, 31)])  # fmt: skip
        return base + dt.timedelta(days=rng.randrange(4500))

    with db.session() as s:
        s.execute(
            insert(Subject),
            [
                {
                    "id": i,
                    "pseudonym": f"S-{i:06d}",
                    "name": f"Person {i}",
                    "sort_name": f"person {i}",
                    "postal_address": "",
                    "roles": rng.choice(ROLES),
                    "created_at": dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
                    "last_purchase": day(),
                    "last_contact": day(),
                }
                for i in range(1, n + 1)
            ],
        )


def close(db: Database, name: str, closed_on: dt.date) -> str:
    ref = cases.log_request(db, phone_request(name, phone=None)).reference
    with db.session() as s:
        s.execute(
            update(Case)
            .where(Case.reference == ref)
            .values(is_open=False, status="closed", closed_on=closed_on)
        )
    return ref


@pytest.fixture
def crowded(db: Database) -> Database:
    """More than a few pages of every kind, with equal days overdue across kinds and lines:
    2020 purchases (financial records), a contact on 31.12.2027, a case closed that day and
    the invoices kept after an erasure are all due on 31.12.2030."""
    add_rule(db, "Communications with customers, suppliers and stakeholders",
             "Chat logs", 0, 1, "last_contact")  # fmt: skip
    add_rule(db, "Communications with customers, suppliers and stakeholders",
             "Support notes", 1, 2, "case_closed")  # fmt: skip
    add_people(db, 1_200)
    erased = cases.log_request(
        db,
        phone_request("Ragnhild Ødegård", types=(RequestType.ERASURE,), received=oslo(2026, 3, 2)),
    ).reference
    with db.session() as s:
        s.execute(
            update(Subject)
            .where(Subject.name == "Ragnhild Ødegård")
            .values(last_purchase=dt.date(2020, 3, 15))
        )
    rights.apply_erasure(db, erased)
    for i, closed_on in enumerate(
        [dt.date(2027, 12, 31)] * 3 + [dt.date(2024, 2, 29), dt.date(2019, 5, 5)] * 2
    ):
        close(db, f"Closed Person {i}", closed_on)
    return db


def test_the_plan_counts_what_sweep_counts(crowded: Database) -> None:
    plan = retention_sweep.sweep_plan(crowded, AS_OF)
    full = retention_sweep.sweep(crowded, AS_OF)
    assert plan.counts == retention_sweep.sweep_counts(crowded, AS_OF)
    assert plan.total == len(full) > 2_000
    assert plan.as_of == AS_OF
    kinds = {kind: sum(1 for i in full if i.kind is kind) for kind in SweepKind}
    assert (plan.counts.subject_data, plan.counts.kept, plan.counts.closed_cases) == (
        kinds[SweepKind.SUBJECT_DATA], kinds[SweepKind.KEPT], kinds[SweepKind.CLOSED_CASE]
    )  # fmt: skip
    assert kinds[SweepKind.KEPT] and kinds[SweepKind.CLOSED_CASE] >= 7
    # The ties the fixture made are there: one number of days overdue, three kinds.
    tied = {i.kind for i in full if i.due_on == dt.date(2030, 12, 31)}
    assert tied == set(SweepKind)


@pytest.mark.parametrize("size", [1, 7, 200, 1_000])
def test_pages_put_together_are_the_unpaged_list(crowded: Database, size: int) -> None:
    full = retention_sweep.sweep(crowded, AS_OF)
    plan = retention_sweep.sweep_plan(crowded, AS_OF)
    step = size if size >= 200 else 97  # one-row pages: a sample of them
    for offset in range(0, plan.total, step):
        assert retention_sweep.sweep_page(crowded, plan, offset, size) == full[offset:][:size]
    if size >= 200:
        paged: list[SweepItem] = []
        for offset in range(0, plan.total, size):
            paged += retention_sweep.sweep_page(crowded, plan, offset, size)
        assert paged == full


def test_any_stretch_is_read_as_the_unpaged_list_has_it(crowded: Database) -> None:
    full = retention_sweep.sweep(crowded, AS_OF)
    plan = retention_sweep.sweep_plan(crowded, AS_OF)
    rng = random.Random(7)
    for _ in range(40):
        offset = rng.randrange(plan.total)
        limit = rng.choice([1, 2, 13, 200, 650])
        assert retention_sweep.sweep_page(crowded, plan, offset, limit) == full[offset:][:limit]
    end = retention_sweep.sweep_page(crowded, plan, plan.total - 5, 200)
    assert end == full[-5:] and end[-1].days_overdue == min(i.days_overdue for i in full)
    assert retention_sweep.sweep_page(crowded, plan, plan.total, 200) == []
    assert retention_sweep.sweep_page(crowded, plan, 0, 0) == []


def test_the_stream_is_the_unpaged_list(crowded: Database) -> None:
    full = retention_sweep.sweep(crowded, AS_OF)
    with retention_sweep.reading_sweep(crowded, AS_OF, window=97) as items:
        assert items.total == len(full)
        assert list(items) == full
        assert list(items) == full  # read again: the same transaction, the same list
    assert retention_sweep.sweep_csv(full) == retention_sweep.sweep_csv(
        retention_sweep.sweep(crowded, AS_OF)
    )


def test_nothing_due(db: Database) -> None:
    plan = retention_sweep.sweep_plan(db, dt.date(2026, 1, 1))
    assert plan.total == 0 and plan.counts.subjects == 0
    assert retention_sweep.sweep_page(db, plan, 0, 200) == []
    with retention_sweep.reading_sweep(db, dt.date(2026, 1, 1)) as items:
        assert list(items) == []


def test_the_plan_can_be_cancelled(crowded: Database) -> None:
    with pytest.raises(retention_sweep.SweepCancelled):
        retention_sweep.sweep_plan(crowded, AS_OF, progress=lambda _done, _total: False)


def test_export_streams_the_same_csv_and_is_audited(crowded: Database, tmp_path: Path) -> None:
    full = retention_sweep.sweep(crowded, AS_OF)
    target = tmp_path / "sweep.csv"
    assert retention_sweep.export_sweep_csv(crowded, AS_OF, target, names=True) == len(full)
    assert target.read_bytes() == retention_sweep.sweep_csv(full, names=True, bom=True).encode()
    with crowded.session() as s:
        actions = list(s.scalars(select(AuditLog.action)))
    assert "export retention sweep" in actions


def test_erasure_cases_for_the_whole_list_in_batches(crowded: Database) -> None:
    full = retention_sweep.sweep(crowded, AS_OF)
    subject_items = [i for i in full if i.kind is SweepKind.SUBJECT_DATA]
    people = sorted({i.subject_id for i in subject_items})
    # Unticked: every item of the first person, one item of the second.
    first_person = [i for i in subject_items if i.subject_id == people[0]]
    second_person = [i for i in subject_items if i.subject_id == people[1]]
    excluded = [sweep_item_key(i) for i in [*first_person, second_person[0]]]
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return True

    made_now = retention_sweep.create_erasure_cases_for_sweep(
        crowded, AS_OF, excluded=excluded, batch=150, progress=progress
    )
    refs = made_now.references
    assert made_now.people == len(people) - 1
    assert len(refs) == len(people) - 1 and len(set(refs)) == len(refs)
    assert len(calls) >= 3
    with crowded.session() as s:
        made = {
            subject_id: notes
            for subject_id, notes in s.execute(
                select(Case.subject_id, Case.call_notes).where(Case.reference.in_(refs))
            )
        }
    assert set(made) == set(people[1:])
    assert made[people[1]].count("\n- ") == len(second_person) - 1
    again = retention_sweep.sweep(crowded, AS_OF)
    opened = {i.subject_id: i.open_erasure_case for i in again if i.kind is SweepKind.SUBJECT_DATA}
    assert opened.pop(people[0]) is None
    assert None not in opened.values()
    # The open cases are shown alike by the pages and the stream.
    plan = retention_sweep.sweep_plan(crowded, AS_OF)
    assert retention_sweep.sweep_page(crowded, plan, 0, len(again)) == again
    with retention_sweep.reading_sweep(crowded, AS_OF, window=500) as items:
        assert list(items) == again


def test_erasure_cases_for_the_whole_list_can_stop_after_a_batch(crowded: Database) -> None:
    made = retention_sweep.create_erasure_cases_for_sweep(
        crowded, AS_OF, batch=100, progress=lambda _done, _total: False
    )
    assert 0 < len(made.references) == made.people <= 100


def test_deidentify_every_closed_case_in_batches(db: Database) -> None:
    today = cases.today_oslo()
    long_ago = today - dt.timedelta(days=4 * 366)
    refs = [close(db, f"Closed Person {i}", long_ago) for i in range(5)]
    recent = close(db, "Recent Person", today - dt.timedelta(days=30))
    done = retention_sweep.deidentify_closed_cases_for_sweep(db, today, excluded=[refs[2]], batch=2)
    assert sorted(d.reference for d in done) == sorted(refs[:2] + refs[3:])
    with db.session() as s:
        untouched = s.scalars(select(Case.reference).where(Case.deidentified_at.is_(None))).all()
    assert sorted(untouched) == sorted([refs[2], recent])


@pytest.mark.parametrize("names", [False, True])
def test_the_csv_rows_are_the_records_neutralised(crowded: Database, names: bool) -> None:
    full = retention_sweep.sweep(crowded, AS_OF)
    rows = list(csv.reader(io.StringIO(retention_sweep.sweep_csv(full, names=names))))
    fields = retention_sweep.record_fields(names)
    assert rows[0] == list(fields)
    assert rows[1:] == [
        [neutralise("" if rec[f] is None else str(rec[f])) for f in fields]
        for rec in retention_sweep.sweep_records(full, names=names)
    ]


def test_a_page_reads_its_dates_from_the_indexes_and_the_count_reads_the_tables(
    crowded: Database,
) -> None:
    """1M people: a page read every person (1–2 s on the GUI thread) before the dates had
    indexes; the count over everything due stays one pass over the people (through an
    index it would be a random read of every row)."""
    from sqlalchemy import event

    from tests.dbutil import raw_connect

    seen: list[tuple[str, object]] = []

    def record(_c: object, _cur: object, statement: str, params: object, *_: object) -> None:
        if statement.startswith("SELECT"):
            seen.append((statement, params))

    def plans() -> list[str]:
        conn = raw_connect(crowded.path)
        try:
            return [
                "\n".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql, params))
                for sql, params in seen
            ]
        finally:
            conn.close()

    event.listen(crowded.engine, "before_cursor_execute", record)
    try:
        plan = retention_sweep.sweep_plan(crowded, AS_OF)
        counting = plans()
        seen.clear()
        for offset in range(0, plan.total, 1_000):  # people's data and closed cases
            retention_sweep.sweep_page(crowded, plan, offset, 1_000)
        paging = "\n".join(plans())
    finally:
        event.remove(crowded.engine, "before_cursor_execute", record)
    for text in counting:  # a pass over the people; the cases in closing order at most
        assert "ix_subject_last_" not in text, text
        assert "SEARCH case_ USING INDEX ix_case_closed_on" not in text, text
    assert "ix_case_closed_on" in paging
    assert "ix_subject_last_purchase" in paging or "ix_subject_last_contact" in paging
