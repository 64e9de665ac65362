"""The case log read as one streamed Core select gives exactly the rows (and the yearly
figures) that reading the ORM entities gave, on a generated set of cases: receipts either
side of midnight in Oslo (winter and summer time) and of New Year, every status, extensions,
refusals, fees, notices, names that look like formulas."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.core import deadlines
from app.core.caselog import CaseLogRow, Outcome
from app.core.clock import today_oslo
from app.core.figures import year_figures
from app.core.model import FeeDecision, RequestType, Status, types_from_text
from app.reports.caselog import Cancelled
from app.services import exports
from app.services.cases import case_filter
from app.services.dto import CaseQuery
from app.store import fts
from app.store.database import Database
from app.store.models import Case, Recipient, RecipientNotice, Subject
from tests.conftest import OSLO

YEARS = (2024, 2025, 2026)
OPEN = (Status.NEW, Status.AWAITING_IDENTITY, Status.IN_PROGRESS)


def _edge_times(rnd: random.Random) -> Iterator[dt.datetime]:
    """Receipts at the edges of Oslo days, months and years, then anywhere."""
    for year in YEARS:
        for month, day in ((1, 1), (3, 31), (6, 30), (7, 1), (10, 27), (12, 31)):
            for hour, minute in ((0, 0), (0, 30), (1, 59), (22, 59), (23, 0), (23, 59)):
                yield dt.datetime(year, month, day, hour, minute, tzinfo=OSLO)
    while True:
        year = rnd.choice(YEARS)
        start = dt.datetime(year, 1, 1, tzinfo=OSLO)
        yield start + dt.timedelta(minutes=rnd.randrange(365 * 24 * 60))


@pytest.fixture
def generated(db: Database) -> Database:
    rnd = random.Random(8)
    names = ["Kari Nordmann", '=HYPERLINK("http://x")', "Áile Ŋuolja", "-1+2", "Ola Hansen"]
    kinds = ["access", "erasure,access", "access,rectification", "objection", "restriction"]
    with db.session() as s:
        recipients = [Recipient(code=f"r{i}", name=f"Recipient {i}", role="processor")
                      for i in range(3)]  # fmt: skip
        s.add_all(recipients)
        subjects = [
            Subject(pseudonym=f"S-{900_000 + i:06d}", name=f"{rnd.choice(names)} {i}",
                    created_at=dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
            for i in range(60)
        ]  # fmt: skip
        s.add_all(subjects)
        s.flush()
        for subject in subjects:
            fts.reindex_subject(s.connection(), subject.id, subject.name, [], [], [])
        times = _edge_times(rnd)
        for i in range(400):
            at = next(times)
            received = deadlines.receipt_date(at)
            status = rnd.choice(list(Status))
            extended = rnd.random() < 0.2
            answered = None
            if status in (Status.ANSWERED, Status.CLOSED, Status.REFUSED) or (
                status is Status.WITHDRAWN and rnd.random() < 0.3
            ):
                answered = received + dt.timedelta(days=rnd.randrange(0, 100))
            fee = rnd.choice([None, FeeDecision.FREE, FeeDecision.FEE, FeeDecision.REFUSE])
            case = Case(
                reference=f"{received.year}-{i:05d}",
                subject=subjects[i % len(subjects)],
                types=rnd.choice(kinds),
                channel=rnd.choice(["phone", "email", "letter", "in-person"]),
                received_at=at.astimezone(dt.UTC),
                received_date=received,
                due_date=deadlines.due_date(received, extended=extended),
                status=status.value,
                is_open=status in OPEN,
                extended=extended,
                extension_decided_on=(
                    received + dt.timedelta(days=rnd.randrange(1, 60)) if extended else None
                ),
                extension_reason="=SUM(A1)" if extended and i % 2 else None,
                identity_method=rnd.choice([None, "call-back", "known e-mail"]),
                identity_verified_on=received if i % 3 == 0 else None,
                fee_decision=fee.value if fee else None,
                fee_amount=rnd.choice([250, 1000]) if fee is FeeDecision.FEE else None,
                refusal_reason=(
                    rnd.choice(["", "Same request monthly", None])
                    if status is Status.REFUSED
                    else None
                ),
                answered_on=answered,
                closed_on=(
                    (answered or received) + dt.timedelta(days=3)
                    if status is Status.CLOSED
                    else None
                ),
                created_at=dt.datetime(2024, 1, 1, tzinfo=dt.UTC),
                created_by="test",
            )
            s.add(case)
            s.flush()
            for recipient in rnd.sample(recipients, rnd.randrange(0, 4)):
                s.add(RecipientNotice(case_id=case.id, recipient_id=recipient.id,
                                      status=rnd.choice(["open", "notified", "not notified"])))  # fmt: skip
        assert s.scalar(select(func.count()).select_from(Case)) == 400
    return db


def orm_rows(
    db: Database,
    received_from: dt.date,
    received_to: dt.date,
    query: CaseQuery | None = None,
    names: bool = False,
) -> list[CaseLogRow]:
    """The case log as it was read before the rows were streamed: ORM entities, the period
    on received_date, the notices counted with GROUP BY (the reference to compare with)."""
    q = query or CaseQuery()
    q = CaseQuery(text=q.text, statuses=q.statuses, open_only=q.open_only, type=q.type,
                  due_within_days=q.due_within_days, overdue_only=q.overdue_only,
                  received_from=received_from, received_to=received_to)  # fmt: skip
    done = (
        select(RecipientNotice.case_id, func.count().label("n"))
        .where(RecipientNotice.status != "open")
        .group_by(RecipientNotice.case_id)
        .subquery()
    )
    required = (
        select(RecipientNotice.case_id, func.count().label("n"))
        .group_by(RecipientNotice.case_id)
        .subquery()
    )
    stmt = (
        select(Case, Subject.name, Subject.pseudonym, done.c.n, required.c.n)
        .join(Subject, Subject.id == Case.subject_id)
        .outerjoin(done, done.c.case_id == Case.id)
        .outerjoin(required, required.c.case_id == Case.id)
    )
    stmt = case_filter(stmt, q, today_oslo()).order_by(Case.received_at, Case.id)
    outcome = {"answered": Outcome.ANSWERED, "closed": Outcome.ANSWERED,
               "refused": Outcome.REFUSED, "withdrawn": Outcome.WITHDRAWN}  # fmt: skip
    rows = []
    with db.session() as s:
        for c, name, pseudo, n_done, n_required in s.execute(stmt):
            basis = None
            if c.status == "refused":
                basis = (
                    "GDPR Art. 12(5)(b): manifestly unfounded or excessive"
                    if c.fee_decision == "refuse"
                    else "GDPR Art. 12(5) / personopplysningsloven § 16"
                )
            rows.append(
                CaseLogRow(
                    reference=c.reference,
                    types=tuple(t.value for t in types_from_text(c.types)),
                    channel=c.channel,
                    received=c.received_date,
                    identity_verified_on=c.identity_verified_on,
                    identity_method=c.identity_method,
                    due=c.due_date if not c.extended else deadlines.due_date(c.received_date),
                    extension_decided_on=c.extension_decided_on,
                    extension_reason=c.extension_reason,
                    extended_due=c.due_date if c.extended else None,
                    answered_on=c.answered_on,
                    closed_on=c.closed_on,
                    status=c.status,
                    outcome=outcome.get(c.status, Outcome.OPEN).value,
                    refusal_reason=c.refusal_reason,
                    refusal_basis=basis,
                    fee_amount=c.fee_amount,
                    notices_done=n_done or 0,
                    notices_required=n_required or 0,
                    subject=name if names else pseudo,
                )
            )
    return rows


PERIODS = [
    (dt.date(2024, 1, 1), dt.date(2026, 12, 31)),
    (dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
    (dt.date(2025, 1, 1), dt.date(2025, 1, 1)),
    (dt.date(2024, 12, 31), dt.date(2025, 1, 1)),
    (dt.date(2025, 3, 31), dt.date(2025, 6, 30)),  # summer time starts 30 March 2025
    (dt.date(2025, 7, 1), dt.date(2025, 10, 27)),  # and ends 26 October
]


@pytest.mark.parametrize(("start", "end"), PERIODS)
def test_the_streamed_rows_are_the_rows_the_entities_gave(
    generated: Database, start: dt.date, end: dt.date
) -> None:
    expected = orm_rows(generated, start, end)
    assert expected  # every period holds cases
    assert exports.case_log_rows(generated, received_from=start, received_to=end) == expected
    with_names = exports.case_log_rows(generated, received_from=start, received_to=end,
                                       names=True)  # fmt: skip
    assert with_names == orm_rows(generated, start, end, names=True)


@pytest.mark.parametrize(
    "query",
    [
        CaseQuery(statuses=(Status.REFUSED, Status.CLOSED)),
        CaseQuery(open_only=True),
        CaseQuery(type=RequestType.ERASURE),
        CaseQuery(text="Hansen"),
        CaseQuery(text="2025-001"),
        CaseQuery(overdue_only=True),
    ],
)
def test_the_case_lists_filters_select_the_same_rows(generated: Database, query: CaseQuery) -> None:
    start, end = dt.date(2024, 6, 1), dt.date(2026, 6, 30)
    expected = orm_rows(generated, start, end, query, names=True)
    assert expected
    got = exports.case_log_rows(generated, received_from=start, received_to=end, query=query,
                                names=True)  # fmt: skip
    assert got == expected


@pytest.mark.parametrize("year", [2023, *YEARS])
def test_yearly_figures_are_the_figures_of_the_entities(generated: Database, year: int) -> None:
    rows = orm_rows(generated, dt.date(year, 1, 1), dt.date(year, 12, 31))
    assert exports.figures_for_year(generated, year) == year_figures(rows, year)


def test_reading_in_chunks_counts_and_closes(
    generated: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exports, "READ_CHUNK", 7)
    start, end = dt.date(2025, 1, 1), dt.date(2025, 12, 31)
    expected = orm_rows(generated, start, end)
    with exports.reading_case_log(generated, received_from=start, received_to=end,
                                  count=True) as rows:  # fmt: skip
        assert rows.total == len(expected)
        first = next(iter(rows))
        assert first == expected[0] and rows.read == 7  # one chunk read, not the period
    with exports.reading_case_log(generated, received_from=start, received_to=end) as rows:
        assert rows.total is None
        assert list(rows) == expected and rows.read == len(expected)


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "pdf"])
def test_an_export_reports_progress_against_the_count(
    generated: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.setattr("app.reports.caselog.PROGRESS_EVERY", 50)
    start, end = dt.date(2024, 1, 1), dt.date(2026, 12, 31)
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return True

    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / f"log.{fmt}"
    n = exports.export_case_log(generated, out, fmt=fmt, received_from=start, received_to=end,
                                progress=progress)  # fmt: skip
    assert n == 400
    whole = 800 if fmt == "pdf" else 400
    assert calls[0] == (50, whole) and calls[-1] == (whole, whole)
    assert all(total == whole for _, total in calls)
    cancelled = folder / f"cancelled.{fmt}"
    with pytest.raises(Cancelled):
        exports.export_case_log(generated, cancelled, fmt=fmt, received_from=start,
                                received_to=end, progress=lambda d, t: d < 100)  # fmt: skip
    assert not cancelled.exists()
    assert [p.name for p in folder.iterdir()] == [out.name]  # nothing half-written left
