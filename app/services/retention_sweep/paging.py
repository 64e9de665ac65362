"""The retention sweep a page at a time: counted per number of days overdue (`sweep_plan`),
then any page read in SQL (`sweep_page`, the GUI) or the whole list a window at a time
(`reading_sweep`, the CLI and the CSV export)."""

from __future__ import annotations

import datetime as dt
import heapq
import logging
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    Integer,
    Select,
    String,
    case,
    func,
    literal_column,
    or_,
    select,
    type_coerce,
    union_all,
)
from sqlalchemy.orm import Session

from app.core.model import RequestType
from app.core.retention import AfterEvent
from app.core.sweep import KIND_ORDER, SweepItem, SweepKind
from app.services.retention_sweep.listing import (
    Progress,
    SweepCancelled,
    SweepCounts,
    SweepLine,
    applies_to_roles,
    as_date,
    case_due,
    closed_case_condition,
    closed_case_item,
    closed_case_rule,
    closed_dates,
    due_conditions,
    event_column,
    every_open_erasure,
    kept_condition,
    kept_items,
    line_due,
    resolve_case_years,
    sweep_lines,
    sweep_sort_key,
)
from app.store.database import Database
from app.store.lists import lists
from app.store.models import (
    Case,
    ErasureLine,
    Subject,
)

log = logging.getLogger(__name__)

# --- the list a page at a time --------------------------------------------------------------------
#
# A million people give a million and a half items: too many to hold at once. The list is
# counted instead, per number of days overdue, kind and line (a few thousand numbers), and any
# stretch of it is then read in SQL. The deletion date never decreases as the event date
# grows, so the days overdue of a stretch are a range of event dates per line: the stretch is
# read by those date ranges, ordered in SQL by days overdue (a CASE on the event date, each
# date's days counted in Python by the domain's own function), then the person and the line,
# with LIMIT/OFFSET for the rows wanted within the first and the last of its days.

STREAM_WINDOW = 250_000  # items sorted by SQLite at a time when the whole list is read
READ_CHUNK = 1_000  # rows turned into items at a time


def _negated(value: int) -> int:
    return -value


@dataclass(frozen=True)
class _Steps:
    """One source of items (a retention line, the kept lines, the closed cases) by days
    overdue: for each number of days (most first), the first and last event date that give
    it, and how many items it has."""

    overdue: tuple[int, ...]
    first: tuple[dt.date, ...]
    last: tuple[dt.date, ...]
    count: tuple[int, ...]

    def within(self, most: int, least: int) -> tuple[int, int]:
        """The steps [i, j) whose days overdue are from `least` to `most`."""
        return (
            bisect_left(self.overdue, -most, key=_negated),
            bisect_right(self.overdue, -least, key=_negated),
        )


def _steps(counts: Mapping[dt.date, int], overdue_of: Callable[[dt.date], int]) -> _Steps:
    overdue: list[int] = []
    first: list[dt.date] = []
    last: list[dt.date] = []
    count: list[int] = []
    for day in sorted(counts):
        days = overdue_of(day)
        if overdue and overdue[-1] == days:  # a financial year, or a month end clipped
            last[-1] = day
            count[-1] += counts[day]
            continue
        assert not overdue or days < overdue[-1], "a later event is never due earlier"
        overdue.append(days)
        first.append(day)
        last.append(day)
        count.append(counts[day])
    return _Steps(tuple(overdue), tuple(first), tuple(last), tuple(count))


@dataclass(frozen=True, eq=False)
class SweepPlan:
    """The sweep for a date, counted per number of days overdue rather than read: the counts,
    and what `sweep_page` needs to read any page of the list. Plain data, made by
    `sweep_plan`; it describes the list as it was when counted (count again after a change)."""

    counts: SweepCounts
    case_years: int
    lines: tuple[SweepLine, ...] = field(repr=False)
    # Each line's place among the lines by activity, data and rule: the tie-break of one
    # person's items with the same days overdue.
    ranks: tuple[int, ...] = field(repr=False)
    line_steps: tuple[_Steps, ...] = field(repr=False)
    kept_steps: _Steps = field(repr=False)
    closed_steps: _Steps = field(repr=False)
    overdue: tuple[int, ...] = field(repr=False)  # every number of days overdue, most first
    # Where each number of days overdue starts in the list (and, last, the total); then the
    # same per kind (subject data, kept, closed cases), each in the kind's own list.
    starts: tuple[int, ...] = field(repr=False)
    kind_starts: tuple[tuple[int, ...], ...] = field(repr=False)

    @property
    def as_of(self) -> dt.date:
        return self.counts.as_of

    @property
    def total(self) -> int:
        return self.counts.total


def _count_subject_dates(
    s: Session, lines: Sequence[SweepLine], as_of: dt.date, progress: Progress | None
) -> tuple[list[dict[dt.date, int]], int]:
    """Per line, how many people are due for each event date; and how many people have an
    item at all. One pass over the people, counted here: SQLite's GROUP BY sorts every row."""
    if not lines:
        return [], 0
    closed = closed_dates()
    conditions = due_conditions(lines, as_of, closed)
    source: Any = Subject.__table__
    if any(line.event is AfterEvent.CASE_CLOSED for line in lines):
        source = source.outerjoin(closed, closed.c.subject_id == Subject.id)
    n = len(lines)
    stmt = (
        select(
            Subject.id,
            *(
                type_coerce(event_column(line.event, closed), String).label(f"date_{i}")
                for i, line in enumerate(lines)
            ),
            *(case((c, 1), else_=0).label(f"line_{i}") for i, c in enumerate(conditions)),
        )
        .select_from(source)
        .where(Subject.erased_at.is_(None), or_(*conditions))
    )
    top = s.scalar(select(func.max(Subject.id))) or 0
    stored: list[Counter[object]] = [Counter() for _ in lines]
    subjects = 0
    result = s.connection().execute(stmt)
    try:
        for rows in result.partitions(10 * READ_CHUNK):
            subjects += len(rows)
            for i, counter in enumerate(stored):
                counter.update(r[1 + i] for r in rows if r[1 + n + i])
            if progress is not None and progress(min(rows[-1][0], top), top) is False:
                raise SweepCancelled()
    finally:
        result.close()
    return [{as_date(k): v for k, v in counter.items()} for counter in stored], subjects


def _overdue_under(line: SweepLine, as_of: dt.date) -> Callable[[dt.date], int]:
    def overdue(day: dt.date) -> int:
        return (as_of - line_due(line.spec, line.event, day)).days

    return overdue


def _plan(s: Session, as_of: dt.date, years: int, progress: Progress | None) -> SweepPlan:
    lines = tuple(sweep_lines(s))
    order = sorted(
        range(len(lines)),
        key=lambda i: (lines[i].activity, lines[i].applies_to, lines[i].spec.description),
    )
    ranks = [0] * len(lines)
    for place, i in enumerate(order):
        ranks[i] = place
    per_line, subjects = _count_subject_dates(s, lines, as_of, progress)
    line_steps = tuple(
        _steps(counts, _overdue_under(line, as_of))
        for line, counts in zip(lines, per_line, strict=True)
    )
    kept = s.execute(
        select(ErasureLine.until, func.count())
        .where(kept_condition(as_of))
        .group_by(ErasureLine.until)
    )
    kept_steps = _steps({as_date(d): n for d, n in kept}, lambda day: (as_of - day).days)
    closed = s.execute(
        select(Case.closed_on, func.count())
        .where(closed_case_condition(as_of, years))
        .group_by(Case.closed_on)
    )
    closed_steps = _steps(
        {as_date(d): n for d, n in closed}, lambda day: (as_of - case_due(day, years)).days
    )
    per_kind: list[dict[int, int]] = [{}, {}, {}]
    for kind, sources in enumerate(((*line_steps,), (kept_steps,), (closed_steps,))):
        for steps in sources:
            for days, n in zip(steps.overdue, steps.count, strict=True):
                per_kind[kind][days] = per_kind[kind].get(days, 0) + n
    overdue = tuple(sorted(set().union(*per_kind), reverse=True))
    starts = [0]
    kind_starts: list[list[int]] = [[0], [0], [0]]
    for days in overdue:
        for kind in range(3):
            kind_starts[kind].append(kind_starts[kind][-1] + per_kind[kind].get(days, 0))
        starts.append(sum(k[-1] for k in kind_starts))
    counts = SweepCounts(
        as_of=as_of,
        subject_data=kind_starts[0][-1],
        subjects=subjects,
        kept=kind_starts[1][-1],
        closed_cases=kind_starts[2][-1],
    )
    return SweepPlan(
        counts=counts,
        case_years=years,
        lines=lines,
        ranks=tuple(ranks),
        line_steps=line_steps,
        kept_steps=kept_steps,
        closed_steps=closed_steps,
        overdue=overdue,
        starts=tuple(starts),
        kind_starts=tuple(tuple(k) for k in kind_starts),
    )


def sweep_plan(
    db: Database,
    as_of: dt.date,
    *,
    case_years: int | None = None,
    progress: Progress | None = None,
) -> SweepPlan:
    """Count the sweep for `as_of` (one pass over the people, one over the cases) without
    reading its items: the counts, and what `sweep_page` needs. `progress(done, total)` is
    called as the people are counted and may return False to cancel (SweepCancelled)."""
    years = resolve_case_years(case_years)
    with db.session() as s:
        plan = _plan(s, as_of, years, progress)
    log.info("retention sweep as of %s: %d items counted", as_of.isoformat(), plan.total)
    return plan


def _kind_positions(plan: SweepPlan, position: int) -> tuple[int, ...]:
    """How many items of each kind come before `position` in the list: within one number
    of days overdue, the subject data come first, then kept data, then closed cases."""
    if position >= plan.total:
        return tuple(ks[-1] for ks in plan.kind_starts)
    group = bisect_right(plan.starts, position) - 1
    within = position - plan.starts[group]
    out = []
    for ks in plan.kind_starts:
        n = ks[group + 1] - ks[group]
        out.append(ks[group] + min(max(within, 0), n))
        within -= n
    return tuple(out)


def _date_text(day: dt.date) -> Any:
    # A literal, not a parameter: a whole list's CASE has thousands of dates. ISO digits only.
    return literal_column(f"'{day.isoformat()}'")


def _overdue_column(column: Any, steps: _Steps, lo: int, hi: int) -> Any:
    """The days overdue of steps [lo, hi) in SQL, from the event date: a CASE halving the
    dates at each level (about a dozen comparisons for ten years of dates)."""

    def part(a: int, b: int) -> Any:
        if b - a == 1:
            return literal_column(str(steps.overdue[a]), Integer)
        middle = (a + b) // 2
        return case(
            (column <= _date_text(steps.last[middle - 1]), part(a, middle)),
            else_=part(middle, b),
        )

    return part(lo, hi)


def _subject_statement(plan: SweepPlan, most: int, least: int) -> Select[Any] | None:
    """The subject items from `most` to `least` days overdue, in the list's order."""
    closed = closed_dates()
    branches = []
    for i, (line, steps) in enumerate(zip(plan.lines, plan.line_steps, strict=True)):
        lo, hi = steps.within(most, least)
        if lo >= hi:
            continue
        column = event_column(line.event, closed)
        source: Any = Subject.__table__
        if line.event is AfterEvent.CASE_CLOSED:
            source = source.join(closed, closed.c.subject_id == Subject.id)
        branches.append(
            select(
                _overdue_column(column, steps, lo, hi).label("overdue"),
                Subject.id.label("subject_id"),
                Subject.pseudonym.label("pseudonym"),
                Subject.name.label("name"),
                literal_column(str(i), Integer).label("line"),
                literal_column(str(plan.ranks[i]), Integer).label("rank"),
            )
            .select_from(source)
            .where(
                Subject.erased_at.is_(None),
                column.between(steps.first[lo], steps.last[hi - 1]),
                applies_to_roles(line.roles),
            )
        )
    if not branches:
        return None
    rows = (union_all(*branches) if len(branches) > 1 else branches[0]).subquery("due")
    return select(rows).order_by(rows.c.overdue.desc(), rows.c.subject_id, rows.c.rank)


def _closed_statement(plan: SweepPlan, most: int, least: int) -> Select[Any] | None:
    """The closed cases from `most` to `least` days overdue, in the list's order."""
    steps = plan.closed_steps
    lo, hi = steps.within(most, least)
    if lo >= hi:
        return None
    overdue = _overdue_column(Case.closed_on, steps, lo, hi).label("overdue")
    return (
        select(overdue, Subject.id, Subject.pseudonym, Subject.name, Case.reference)
        .select_from(Case)
        .join(Subject, Subject.id == Case.subject_id)
        .where(
            closed_case_condition(plan.as_of, plan.case_years),
            Case.closed_on.between(steps.first[lo], steps.last[hi - 1]),
        )
        .order_by(overdue.desc(), Subject.id, Case.reference)
    )


def open_erasure_of(s: Session, subject_ids: Iterable[int]) -> dict[int, str]:
    """The erasure case open for each of these people, if any (the newest).

    Through the index on the person alone: asked whether a case is open as well, SQLite
    walks the index of open cases instead (a quarter of a second a page at 1M cases)."""
    ids = sorted(set(subject_ids))
    if not ids:
        return {}
    rows = s.execute(
        select(Case.subject_id, Case.reference, Case.is_open, Case.received_at, Case.id).where(
            Case.subject_id.in_(ids), lists(Case.types, RequestType.ERASURE)
        )
    ).all()
    newest: dict[int, tuple[dt.datetime, int, str]] = {}
    for subject_id, reference, is_open, received_at, case_id in rows:
        if not is_open:
            continue
        known = newest.get(subject_id)
        if known is None or (received_at, case_id) > known[:2]:
            newest[subject_id] = (received_at, case_id, reference)
    return {subject_id: found[2] for subject_id, found in newest.items()}


def _day_before(as_of: dt.date) -> Callable[[int], dt.date]:
    days: dict[int, dt.date] = {}

    def due_on(overdue: int) -> dt.date:
        day = days.get(overdue)
        if day is None:
            day = days[overdue] = as_of - dt.timedelta(days=overdue)
        return day

    return due_on


def _subject_row_items(
    s: Session, plan: SweepPlan, rows: Sequence[Any], open_erasure: Mapping[int, str] | None
) -> list[SweepItem]:
    if open_erasure is None:  # a page: its people's only
        open_erasure = open_erasure_of(s, (row[1] for row in rows))
    due_on = _day_before(plan.as_of)
    lines = plan.lines
    subject_data = SweepKind.SUBJECT_DATA
    items = []
    for overdue, subject_id, pseudonym, name, line_no, _rank in rows:
        line = lines[line_no]
        items.append(
            SweepItem(
                subject_data,
                subject_id,
                pseudonym,
                name,
                line.activity,
                line.applies_to,
                line.spec.description,
                line.spec.legal_reference,
                due_on(overdue),
                overdue,
                None,
                line.systems,
                None,
                open_erasure.get(subject_id),
            )
        )
    return items


def _closed_row_items(plan: SweepPlan, rows: Sequence[Any]) -> list[SweepItem]:
    due_on = _day_before(plan.as_of)
    rule = closed_case_rule(plan.case_years)
    return [
        closed_case_item(subject_id, pseudonym, name, reference, rule, due_on(overdue), plan.as_of)
        for overdue, subject_id, pseudonym, name, reference in rows
    ]


def _kind_items(
    s: Session,
    plan: SweepPlan,
    kind: int,
    start: int,
    stop: int,
    open_erasure: Mapping[int, str] | None = None,
) -> Iterator[SweepItem]:
    """Items [start, stop) of one kind's own list (0 subject data, 1 kept, 2 closed cases),
    read in SQL and handed out a chunk at a time. `open_erasure`: every open erasure case
    (`every_open_erasure`), or None to look up those of each chunk's people."""
    if stop <= start:
        return
    ks = plan.kind_starts[kind]
    first = bisect_right(ks, start) - 1
    last = bisect_right(ks, stop - 1) - 1
    most, least = plan.overdue[first], plan.overdue[last]
    skip = start - ks[first]
    if kind == 1:  # a few lines kept after erasures: sorted here
        steps = plan.kept_steps
        lo, hi = steps.within(most, least)
        kept = kept_items(s, plan.as_of, (steps.first[lo], steps.last[hi - 1]))
        kept.sort(key=sweep_sort_key)
        yield from kept[skip : skip + stop - start]
        return
    stmt = (_subject_statement if kind == 0 else _closed_statement)(plan, most, least)
    if stmt is None:
        return
    result = s.connection().execute(stmt.limit(stop - start).offset(skip))
    try:
        for rows in result.partitions(READ_CHUNK):
            if kind == 0:
                yield from _subject_row_items(s, plan, rows, open_erasure)
            else:
                yield from _closed_row_items(plan, rows)
    finally:
        result.close()


def _merge_key(item: SweepItem) -> tuple[int, int]:
    return (-item.days_overdue, KIND_ORDER[item.kind])


def sweep_page(db: Database, plan: SweepPlan, offset: int, limit: int) -> list[SweepItem]:
    """The items at [offset, offset + limit) of the plan's list, in `sweep`'s order: one
    query per kind on the page, over the date ranges of its days overdue."""
    offset = max(0, offset)
    stop = min(plan.total, offset + max(0, limit))
    if offset >= stop:
        return []
    starts = _kind_positions(plan, offset)
    stops = _kind_positions(plan, stop)
    items: list[SweepItem] = []
    with db.session() as s:
        for kind in range(3):
            items.extend(_kind_items(s, plan, kind, starts[kind], stops[kind]))
    items.sort(key=_merge_key)  # stable: each kind's own order stays
    return items


class SweepStream:
    """The whole list in `sweep`'s order, read while the block of `reading_sweep` runs: each
    kind a window of items at a time (sorted by SQLite), merged here. `total` is how many
    items it holds; it may be read more than once (the same read transaction)."""

    def __init__(self, s: Session, plan: SweepPlan, window: int) -> None:
        self._s = s
        self.plan = plan
        self._window = max(1, window)

    @property
    def total(self) -> int:
        return self.plan.total

    def __iter__(self) -> Iterator[SweepItem]:
        return heapq.merge(*(self._kind(kind) for kind in range(3)), key=_merge_key)

    def _kind(self, kind: int) -> Iterator[SweepItem]:
        total = self.plan.kind_starts[kind][-1]
        open_erasure = every_open_erasure(self._s) if kind == 0 and total else None
        for start in range(0, total, self._window):
            yield from _kind_items(
                self._s, self.plan, kind, start, min(total, start + self._window), open_erasure
            )


@contextmanager
def reading_sweep(
    db: Database,
    as_of: dt.date,
    *,
    case_years: int | None = None,
    window: int = STREAM_WINDOW,
) -> Iterator[SweepStream]:
    """The sweep for `as_of`, counted and then read a window at a time while the block runs:
    one read transaction, closed when the block ends (also when it ends early). Use the
    stream inside the block only."""
    years = resolve_case_years(case_years)
    with db.session() as s:
        yield SweepStream(s, _plan(s, as_of, years, None), window)
