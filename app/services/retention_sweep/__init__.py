"""The retention sweep: for a date, every piece of personal data whose retention period has
run out, with the rule and its legal reference, most overdue first.

Three kinds of item:

- ``subject-data``: a person in the register (not erased) × an activity that applies to them
  × a retention line of that activity, where the rule counted from the person's dates
  (``app.core.retention.earliest_deletion``) has come. An activity applies to a person by its
  subject categories and the person's roles (Customers ↔ customer, Suppliers ↔ supplier,
  Stakeholders ↔ stakeholder); to a person with none of these roles every activity applies,
  and the dates decide. Rules "as required by law", and rules whose date is not known
  (collection), are never listed: there is no date to count from.
- ``kept-under-legal-ground``: data kept after an applied erasure under an Art. 17(3) ground
  until a date that has come (the same lines as ``rights.kept_until_items``).
- ``closed-case``: the workbench's own request cases, closed longer ago than the configured
  period (``case_retention_years``, 3 years by default) and not yet de-identified.

Each retention line becomes a date threshold (a person is due when ``last_purchase <= as_of -
period``), so SQLite does the filtering; each distinct date's deletion date is counted once
per rule. ``sweep`` lists everything at once (a few thousand items; the reference order).
A million people give a million and a half items, too many to hold: ``sweep_plan`` counts
them per number of days overdue, and ``sweep_page`` then reads any page of the list in SQL
(the GUI), ``reading_sweep`` the whole list a window at a time (the CLI, the CSV export).

The officer then creates erasure cases from a selection in one step
(``create_erasure_cases``), and de-identifies the closed cases
(``deidentify_closed_cases``); for the whole list, a batch per transaction
(``create_erasure_cases_for_sweep``, ``deidentify_closed_cases_for_sweep``). Names are
carried for the GUI only: logs get pseudonyms.
"""

from __future__ import annotations

import csv
import datetime as dt
import heapq
import io
import logging
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from dateutil.relativedelta import relativedelta
from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    String,
    and_,
    case,
    func,
    literal,
    literal_column,
    or_,
    select,
    true,
    type_coerce,
    union_all,
)
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import UnaryExpression

from app.core import clock, deadlines, retention
from app.core.errors import InvalidInput, NotFound, RuleViolation, UserError
from app.core.model import Channel, RequestType, Role, Status
from app.core.retention import AfterEvent, RetentionRuleSpec, SubjectDates
from app.core.rights import Decision
from app.reports.csvsafe import neutralise
from app.services import config
from app.services.audit import record
from app.services.common import add_event, next_reference, now_stored_utc
from app.services.scrubbing import DEIDENTIFICATION, deidentify_cases, erase_subject, needles_of
from app.store.database import Database, current_user
from app.store.files import write_private_stream
from app.store.models import (
    ActivityRetention,
    Case,
    ErasureLine,
    Objection,
    ProcessingActivity,
    Restriction,
    Subject,
)

__all__ = [
    "CASE_RETENTION_KEY",
    "CHUNK",
    "DEFAULT_CASE_RETENTION_YEARS",
    "DEIDENTIFIED",
    "RECORD_FIELDS",
    "DeidentifiedCase",
    "SweepCancelled",
    "SweepCounts",
    "SweepErasures",
    "SweepItem",
    "SweepKind",
    "SweepPlan",
    "SweepStream",
    "case_retention_years",
    "create_erasure_cases",
    "create_erasure_cases_for_sweep",
    "deidentify_closed_cases",
    "deidentify_closed_cases_for_sweep",
    "export_sweep_csv",
    "reading_sweep",
    "record_fields",
    "set_case_retention_years",
    "sweep",
    "sweep_counts",
    "sweep_csv",
    "sweep_item_key",
    "sweep_page",
    "sweep_plan",
    "sweep_record",
    "sweep_records",
    "write_sweep_csv_rows",
]

log = logging.getLogger(__name__)

CHUNK = 50_000
CASE_RETENTION_KEY = "case_retention_years"
DEFAULT_CASE_RETENTION_YEARS = 3
MAX_CASE_RETENTION_YEARS = 100
DEIDENTIFIED = DEIDENTIFICATION.marker

# The legal reference of the workbench's own case records (Art. 5(1)(e) limits how long they
# are kept; Art. 5(2) is why they are kept at all).
CASE_LEGAL_REFERENCE = "GDPR Art. 5(1)(e) storage limitation; Art. 5(2) accountability"
CASE_ACTIVITY = "Data-subject requests (this workbench)"
CASE_APPLIES_TO = "Call notes, contact details, e-mails and letters of the case"

Progress = Callable[[int, int], bool]


class SweepKind(StrEnum):
    SUBJECT_DATA = "subject-data"
    KEPT = "kept-under-legal-ground"
    CLOSED_CASE = "closed-case"


_KIND_ORDER = {SweepKind.SUBJECT_DATA: 0, SweepKind.KEPT: 1, SweepKind.CLOSED_CASE: 2}


class SweepCancelled(UserError):
    def __init__(self) -> None:
        super().__init__("The retention sweep was cancelled.")


@dataclass(frozen=True, slots=True)
class SweepItem:
    """One thing due for deletion (or de-identification) by the sweep's date."""

    kind: SweepKind
    subject_id: int
    pseudonym: str
    name: str  # for the GUI only: never logged, left out of exports unless asked for
    activity: str
    applies_to: str
    rule: str  # the rule's description
    legal_reference: str
    due_on: dt.date  # the earliest deletion date
    days_overdue: int  # 0: due on the sweep's date
    case_reference: str | None = None  # kept lines and closed cases: the case
    systems: tuple[str, ...] = ()  # where the data are held
    erasure_line_id: int | None = None  # kept lines: for rights.mark_kept_erased
    open_erasure_case: str | None = None  # subject data: an erasure case already open

    @property
    def as_of(self) -> dt.date:
        """The date of the sweep that listed it."""
        return self.due_on + dt.timedelta(days=self.days_overdue)


@dataclass(frozen=True)
class SweepCounts:
    as_of: dt.date
    subject_data: int  # items (person × retention line)
    subjects: int  # people with at least one item
    kept: int
    closed_cases: int

    @property
    def total(self) -> int:
        return self.subject_data + self.kept + self.closed_cases


@dataclass(frozen=True)
class SweepErasures:
    """Erasure cases made for the whole list: the new references, and how many people had
    data chosen (the others were erased already, or had an erasure case open)."""

    references: list[str]
    people: int


@dataclass(frozen=True)
class DeidentifiedCase:
    reference: str
    pseudonym: str
    # The person's own record was erased too: they had no other case and are not in the
    # register for another reason.
    subject_erased: bool


# --- the configured period of the workbench's own cases -------------------------------------


def case_retention_years() -> int:
    """How many years after closing the workbench's own cases are de-identified (this
    computer's settings; 3 by default)."""
    value = config.load().get(CASE_RETENTION_KEY, DEFAULT_CASE_RETENTION_YEARS)
    if isinstance(value, bool) or not isinstance(value, int):
        return DEFAULT_CASE_RETENTION_YEARS
    if not 1 <= value <= MAX_CASE_RETENTION_YEARS:
        return DEFAULT_CASE_RETENTION_YEARS
    return value


def set_case_retention_years(years: int) -> None:
    if isinstance(years, bool) or not isinstance(years, int):
        raise InvalidInput("The number of years must be a whole number.")
    if not 1 <= years <= MAX_CASE_RETENTION_YEARS:
        raise InvalidInput(
            f"Keep closed cases between 1 and {MAX_CASE_RETENTION_YEARS} years (not {years})."
        )
    values = config.load()
    values[CASE_RETENTION_KEY] = years
    config.save(values)


def _years(override: int | None) -> int:
    if override is None:
        return case_retention_years()
    if isinstance(override, bool) or not isinstance(override, int) or override < 1:
        raise InvalidInput(
            "The period for closed cases must be a whole number of years, 1 or more."
        )
    return override


# --- thresholds ---------------------------------------------------------------------------------

_COUNTABLE = {
    AfterEvent.LAST_PURCHASE,
    AfterEvent.LAST_CONTACT,
    AfterEvent.FINANCIAL_YEAR_END,
    AfterEvent.CASE_CLOSED,
}


def _dates_for(event: AfterEvent, day: dt.date) -> SubjectDates:
    if event is AfterEvent.LAST_CONTACT:
        return SubjectDates(last_contact=day)
    if event is AfterEvent.CASE_CLOSED:
        return SubjectDates(case_closed=day)
    # Financial records: the record's date is not kept here; the last purchase stands in.
    return SubjectDates(last_purchase=day)


def _due(spec: RetentionRuleSpec, event: AfterEvent, day: dt.date) -> dt.date:
    due = retention.earliest_deletion(spec, _dates_for(event, day))
    assert due is not None
    return due


def _threshold(spec: RetentionRuleSpec, as_of: dt.date) -> dt.date:
    """The latest event date whose data are due by ``as_of`` under ``spec``.

    The deletion date never decreases as the event date grows, so the dates due are exactly
    those up to this threshold. Counted with the domain's own function (a month end clips:
    29 Feb 2024 + 3 years is 28 Feb 2027, so on 28 Feb 2027 the threshold is 29 Feb 2024;
    a financial record is due from 31 Dec of its year + the period)."""
    event = AfterEvent(spec.after_event)
    day = as_of - relativedelta(years=spec.period_years, months=spec.period_months)
    while _due(spec, event, day) > as_of:
        day -= dt.timedelta(days=1)
    while _due(spec, event, day + dt.timedelta(days=1)) <= as_of:
        day += dt.timedelta(days=1)
    return day


# --- the register's lines, as the sweep needs them ------------------------------------------------

_CATEGORY_ROLES: tuple[tuple[tuple[str, ...], Role], ...] = (
    (("customer", "kunde"), Role.CUSTOMER),
    (("supplier", "leverandør"), Role.SUPPLIER),
    (("stakeholder", "interessent"), Role.STAKEHOLDER),
)
_REGISTER_ROLES: tuple[Role, ...] = (Role.CUSTOMER, Role.SUPPLIER, Role.STAKEHOLDER)


def _roles_of_categories(categories: Iterable[str]) -> frozenset[Role]:
    """'Customers', 'Suppliers' -> {customer, supplier}; other categories name no role."""
    found: set[Role] = set()
    for category in categories:
        word = category.strip().casefold()
        for stems, role in _CATEGORY_ROLES:
            if word.startswith(stems):
                found.add(role)
    return frozenset(found)


@dataclass(frozen=True)
class _Line:
    activity: str
    applies_to: str
    spec: RetentionRuleSpec
    event: AfterEvent
    roles: frozenset[Role]
    systems: tuple[str, ...]


def _lines(s: Session) -> list[_Line]:
    activities = s.scalars(
        select(ProcessingActivity)
        .where(ProcessingActivity.retired_at.is_(None))
        .options(
            selectinload(ProcessingActivity.retention).selectinload(ActivityRetention.rule),
            selectinload(ProcessingActivity.systems),
        )
        .order_by(ProcessingActivity.id)
    )
    out: list[_Line] = []
    for activity in activities:
        roles = _roles_of_categories(activity.subject_categories.splitlines())
        systems = tuple(x.name for x in sorted(activity.systems, key=lambda x: x.id))
        for line in activity.retention:
            rule = line.rule
            if rule.retired_at is not None:
                continue
            try:
                event = AfterEvent(rule.after_event)
            except ValueError:
                continue
            if event not in _COUNTABLE:
                continue  # by law, or a date never recorded here (collection)
            spec = RetentionRuleSpec(
                period_years=rule.period_years,
                period_months=rule.period_months,
                after_event=rule.after_event,
                legal_reference=rule.legal_reference,
                description=rule.description,
            )
            out.append(_Line(activity.name, line.applies_to, spec, event, roles, systems))
    return out


def _has_role(role: Role) -> ColumnElement[bool]:
    return Subject.roles.like(f"%{role.value}%")


def _applies(roles: frozenset[Role]) -> ColumnElement[bool]:
    """The activity applies to the person: a shared role, or the person has none of the
    register's roles (then the dates decide)."""
    no_role = ~or_(*(_has_role(r) for r in _REGISTER_ROLES))
    if not roles:
        return no_role
    return or_(*(_has_role(r) for r in sorted(roles)), no_role)


def _closed_dates() -> Any:
    """Per person: the latest closing date, where every case of theirs is closed."""
    return (
        select(Case.subject_id.label("subject_id"), func.max(Case.closed_on).label("closed_on"))
        .group_by(Case.subject_id)
        .having(func.count(Case.closed_on) == func.count())
        .subquery("closed")
    )


def _event_column(event: AfterEvent, closed: Any) -> Any:
    if event is AfterEvent.LAST_CONTACT:
        return Subject.last_contact
    if event is AfterEvent.CASE_CLOSED:
        return closed.c.closed_on
    return Subject.last_purchase


def _unindexed(column: Any) -> Any:
    """The column as `+column`: the same value, but SQLite will not look it up through an
    index. A condition over most of a table (everyone whose retention has run out) is read
    fastest in one pass over it; through an index on the date it becomes a random read of
    every row (1M people: 3.7 s -> 12 s). The page of the list, a narrow range of dates,
    is the one that should use the index."""
    return UnaryExpression(column, operator=operators.custom_op("+"), type_=column.type)


def _conditions(lines: Sequence[_Line], as_of: dt.date, closed: Any) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    for line in lines:
        column = _unindexed(_event_column(line.event, closed))
        conditions.append(
            and_(
                column.is_not(None),
                column <= _threshold(line.spec, as_of),
                _applies(line.roles),
            )
        )
    return conditions


# --- the sweep ----------------------------------------------------------------------------------


def _as_date(value: object) -> dt.date:
    """A date as the driver gives it: text in SQLite, a date elsewhere."""
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _open_erasure_condition() -> ColumnElement[bool]:
    return and_(Case.is_open.is_(True), Case.types.like(f"%{RequestType.ERASURE.value}%"))


def _every_open_erasure(s: Session) -> dict[int, str]:
    """Every person's open erasure case (the newest): a few thousand at most, as cases are
    open for weeks; the whole list's lines look theirs up here."""
    return {
        subject_id: reference
        for subject_id, reference in s.execute(
            select(Case.subject_id, Case.reference)
            .where(_open_erasure_condition())
            .order_by(Case.received_at, Case.id)  # the newest wins
        )
    }


class _SubjectChunks:
    """The due items of people, read a chunk of people at a time in id order (each person's
    items together, in the order of the lines)."""

    def __init__(self, lines: Sequence[_Line], as_of: dt.date) -> None:
        self.as_of = as_of
        closed = _closed_dates()
        conditions = _conditions(lines, as_of, closed)
        flags = [case((c, 1), else_=0).label(f"line_{i}") for i, c in enumerate(conditions)]
        uses_cases = any(line.event is AfterEvent.CASE_CLOSED for line in lines)
        source: Any = Subject.__table__
        if uses_cases:
            source = source.outerjoin(closed, closed.c.subject_id == Subject.id)
        self._select = (
            select(
                Subject.id,
                Subject.pseudonym,
                Subject.name,
                # As stored: SQLite's text dates are parsed below once per distinct date,
                # not once per row (a third of the time of a million-row sweep).
                type_coerce(Subject.last_purchase, String),
                type_coerce(Subject.last_contact, String),
                type_coerce(closed.c.closed_on, String) if uses_cases else literal(None),
                *flags,
            )
            .select_from(source)
            .where(Subject.erased_at.is_(None), or_(*conditions))
            .order_by(Subject.id)
        )
        # Per line: the flag's column, the date's column, and each distinct date's deletion
        # date and days overdue, counted once.
        date_column = {AfterEvent.LAST_CONTACT: 4, AfterEvent.CASE_CLOSED: 5}
        self._plan: list[tuple[int, int, _Line, dict[object, tuple[dt.date, int]]]] = [
            (6 + i, date_column.get(line.event, 3), line, {}) for i, line in enumerate(lines)
        ]

    def read(self, s: Session, after: int, limit: int) -> Sequence[Any]:
        """The rows of the next `limit` people with an item, after the id `after`."""
        stmt = self._select.where(Subject.id > after).limit(limit)
        return s.connection().execute(stmt).all()  # Core: no ORM row processing

    def items(self, rows: Iterable[Any], open_erasure: Mapping[int, str]) -> list[SweepItem]:
        as_of = self.as_of
        plan = self._plan
        items: list[SweepItem] = []
        append = items.append
        subject_data = SweepKind.SUBJECT_DATA
        for row in rows:
            for flag, at, line, dues in plan:
                if not row[flag]:
                    continue
                stored = row[at]
                known = dues.get(stored)
                if known is None:
                    due = _due(line.spec, line.event, _as_date(stored))
                    known = dues[stored] = (due, (as_of - due).days)
                append(
                    SweepItem(  # in field order: positional is quicker, a million times
                        subject_data,
                        row[0],
                        row[1],
                        row[2],
                        line.activity,
                        line.applies_to,
                        line.spec.description,
                        line.spec.legal_reference,
                        known[0],
                        known[1],
                        None,
                        line.systems,
                        None,
                        open_erasure.get(row[0]),
                    )
                )
        return items


def _subject_items(
    s: Session, lines: Sequence[_Line], as_of: dt.date, progress: Progress | None
) -> list[SweepItem]:
    if not lines:
        return []
    chunks = _SubjectChunks(lines, as_of)
    open_erasure = _every_open_erasure(s)
    top = s.scalar(select(func.max(Subject.id))) or 0
    items: list[SweepItem] = []
    last = 0
    while True:
        rows = chunks.read(s, last, CHUNK)
        items += chunks.items(rows, open_erasure)
        if rows:
            last = rows[-1][0]
        if progress is not None and progress(last if rows else top, top) is False:
            raise SweepCancelled()
        if len(rows) < CHUNK:
            return items


def _kept_condition(as_of: dt.date) -> ColumnElement[bool]:
    return and_(
        ErasureLine.decision == Decision.KEEP.value,
        ErasureLine.applied_on.is_not(None),
        ErasureLine.until.is_not(None),
        ErasureLine.until <= as_of,
    )


def _kept_items(
    s: Session, as_of: dt.date, between: tuple[dt.date, dt.date] | None = None
) -> list[SweepItem]:
    """As rights.kept_until_items: kept after an applied erasure, until a date that has
    come, and not marked erased since (only those kept until a date `between`, if given)."""
    rows = s.execute(
        select(
            ErasureLine.id,
            ErasureLine.activity_id,
            ErasureLine.applies_to,
            ErasureLine.ground,
            ErasureLine.until,
            Case.reference,
            Subject.id,
            Subject.pseudonym,
            Subject.name,
        )
        .join(Case, Case.id == ErasureLine.case_id)
        .join(Subject, Subject.id == Case.subject_id)
        .where(
            _kept_condition(as_of),
            ErasureLine.until.between(*between) if between is not None else true(),
        )
        .order_by(ErasureLine.until, ErasureLine.id)
    ).all()
    if not rows:
        return []
    activities = {
        a.id: a
        for a in s.scalars(
            select(ProcessingActivity)
            .where(ProcessingActivity.id.in_({r[1] for r in rows}))
            .options(
                selectinload(ProcessingActivity.retention).selectinload(ActivityRetention.rule),
                selectinload(ProcessingActivity.systems),
            )
        )
    }
    items: list[SweepItem] = []
    for line_id, activity_id, applies_to, ground, until, ref, sid, pseudonym, name in rows:
        assert until is not None  # the query asks for it
        activity = activities[activity_id]
        rule = next((r.rule for r in activity.retention if r.applies_to == applies_to), None)
        items.append(
            SweepItem(
                kind=SweepKind.KEPT,
                subject_id=sid,
                pseudonym=pseudonym,
                name=name,
                activity=activity.name,
                applies_to=applies_to,
                rule=rule.description if rule is not None else ground,
                legal_reference=ground,
                due_on=until,
                days_overdue=(as_of - until).days,
                case_reference=ref,
                systems=tuple(x.name for x in sorted(activity.systems, key=lambda x: x.id)),
                erasure_line_id=line_id,
            )
        )
    return items


def _case_due(closed_on: dt.date, years: int) -> dt.date:
    due: dt.date = closed_on + relativedelta(years=years)
    return due


def _case_threshold(as_of: dt.date, years: int) -> dt.date:
    spec = RetentionRuleSpec(years, 0, AfterEvent.CASE_CLOSED.value)
    return _threshold(spec, as_of)


def _closed_case_condition(as_of: dt.date, years: int) -> ColumnElement[bool]:
    """Closed cases past the period (most closed cases, in a long-used workbench): a pass
    over the table, never an index (see `_unindexed`); a page narrows it by its dates."""
    closed_on = _unindexed(Case.closed_on)
    return and_(
        _unindexed(Case.is_open).is_(False),
        closed_on.is_not(None),
        closed_on <= _case_threshold(as_of, years),
        Case.deidentified_at.is_(None),
    )


def _closed_case_rule(years: int) -> str:
    period = retention.period_text(years, 0)
    return f"The workbench's own request cases: de-identified {period} after closing"


def _closed_case_item(
    subject_id: int,
    pseudonym: str,
    name: str,
    reference: str,
    rule: str,
    due: dt.date,
    as_of: dt.date,
) -> SweepItem:
    """A closed case of the workbench's own, due for de-identification on `due`."""
    return SweepItem(
        kind=SweepKind.CLOSED_CASE,
        subject_id=subject_id,
        pseudonym=pseudonym,
        name=name,
        activity=CASE_ACTIVITY,
        applies_to=CASE_APPLIES_TO,
        rule=rule,
        legal_reference=CASE_LEGAL_REFERENCE,
        due_on=due,
        days_overdue=(as_of - due).days,
        case_reference=reference,
        systems=("Innsyn",),
    )


def _closed_case_items(s: Session, as_of: dt.date, years: int) -> list[SweepItem]:
    rows = s.execute(
        select(Case.reference, Case.closed_on, Subject.id, Subject.pseudonym, Subject.name)
        .join(Subject, Subject.id == Case.subject_id)
        .where(_closed_case_condition(as_of, years))
        .order_by(Case.closed_on, Case.id)
    ).all()
    rule = _closed_case_rule(years)
    items = []
    for reference, closed_on, sid, pseudonym, name in rows:
        assert closed_on is not None  # the query asks for it
        due = _case_due(closed_on, years)
        items.append(_closed_case_item(sid, pseudonym, name, reference, rule, due, as_of))
    return items


def _sort_key(item: SweepItem) -> tuple[int, int, int, str, str, str, str]:
    return (
        -item.days_overdue,
        _KIND_ORDER[item.kind],
        item.subject_id,
        item.activity,
        item.applies_to,
        item.rule,
        item.case_reference or "",
    )


def sweep(
    db: Database,
    as_of: dt.date,
    *,
    case_years: int | None = None,
    progress: Progress | None = None,
) -> list[SweepItem]:
    """Everything due for deletion by ``as_of``, most overdue first.

    ``case_years`` overrides the configured period of closed cases; ``progress(done,
    total)`` is called after each chunk of people (by id) and may return False to cancel
    (SweepCancelled)."""
    years = _years(case_years)
    with db.session() as s:
        lines = _lines(s)
        items = _subject_items(s, lines, as_of, progress)
        items += _kept_items(s, as_of)
        items += _closed_case_items(s, as_of, years)
    items.sort(key=_sort_key)
    log.info("retention sweep as of %s: %d items", as_of.isoformat(), len(items))
    return items


def sweep_counts(db: Database, as_of: dt.date, *, case_years: int | None = None) -> SweepCounts:
    """How much the sweep would list, counted in SQL (no rows fetched)."""
    years = _years(case_years)
    with db.session() as s:
        lines = _lines(s)
        closed = _closed_dates()
        subject_data = subjects = 0
        if lines:
            conditions = _conditions(lines, as_of, closed)
            source: Any = Subject.__table__
            if any(line.event is AfterEvent.CASE_CLOSED for line in lines):
                source = source.outerjoin(closed, closed.c.subject_id == Subject.id)
            per_line = [func.coalesce(func.sum(case((c, 1), else_=0)), 0) for c in conditions]
            row = s.execute(
                select(func.count(), *per_line)
                .select_from(source)
                .where(Subject.erased_at.is_(None), or_(*conditions))
            ).one()
            subjects = int(row[0])
            subject_data = sum(int(n) for n in row[1:])
        kept = s.scalar(select(func.count()).select_from(ErasureLine).where(_kept_condition(as_of)))
        closed_cases = s.scalar(
            select(func.count()).select_from(Case).where(_closed_case_condition(as_of, years))
        )
    return SweepCounts(
        as_of=as_of,
        subject_data=subject_data,
        subjects=subjects,
        kept=int(kept or 0),
        closed_cases=int(closed_cases or 0),
    )


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
ERASURE_BATCH = 500  # people per transaction when the whole list gets erasure cases
DEIDENTIFY_BATCH = 200  # closed cases per transaction when all are de-identified


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
    lines: tuple[_Line, ...] = field(repr=False)
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
    s: Session, lines: Sequence[_Line], as_of: dt.date, progress: Progress | None
) -> tuple[list[dict[dt.date, int]], int]:
    """Per line, how many people are due for each event date; and how many people have an
    item at all. One pass over the people, counted here: SQLite's GROUP BY sorts every row."""
    if not lines:
        return [], 0
    closed = _closed_dates()
    conditions = _conditions(lines, as_of, closed)
    source: Any = Subject.__table__
    if any(line.event is AfterEvent.CASE_CLOSED for line in lines):
        source = source.outerjoin(closed, closed.c.subject_id == Subject.id)
    n = len(lines)
    stmt = (
        select(
            Subject.id,
            *(
                type_coerce(_event_column(line.event, closed), String).label(f"date_{i}")
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
    return [{_as_date(k): v for k, v in counter.items()} for counter in stored], subjects


def _overdue_under(line: _Line, as_of: dt.date) -> Callable[[dt.date], int]:
    def overdue(day: dt.date) -> int:
        return (as_of - _due(line.spec, line.event, day)).days

    return overdue


def _plan(s: Session, as_of: dt.date, years: int, progress: Progress | None) -> SweepPlan:
    lines = tuple(_lines(s))
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
        .where(_kept_condition(as_of))
        .group_by(ErasureLine.until)
    )
    kept_steps = _steps({_as_date(d): n for d, n in kept}, lambda day: (as_of - day).days)
    closed = s.execute(
        select(Case.closed_on, func.count())
        .where(_closed_case_condition(as_of, years))
        .group_by(Case.closed_on)
    )
    closed_steps = _steps(
        {_as_date(d): n for d, n in closed}, lambda day: (as_of - _case_due(day, years)).days
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
    years = _years(case_years)
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
    closed = _closed_dates()
    branches = []
    for i, (line, steps) in enumerate(zip(plan.lines, plan.line_steps, strict=True)):
        lo, hi = steps.within(most, least)
        if lo >= hi:
            continue
        column = _event_column(line.event, closed)
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
                _applies(line.roles),
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
            _closed_case_condition(plan.as_of, plan.case_years),
            Case.closed_on.between(steps.first[lo], steps.last[hi - 1]),
        )
        .order_by(overdue.desc(), Subject.id, Case.reference)
    )


def _open_erasure(s: Session, subject_ids: Iterable[int]) -> dict[int, str]:
    """The erasure case open for each of these people, if any (the newest).

    Through the index on the person alone: asked whether a case is open as well, SQLite
    walks the index of open cases instead (a quarter of a second a page at 1M cases)."""
    ids = sorted(set(subject_ids))
    if not ids:
        return {}
    rows = s.execute(
        select(Case.subject_id, Case.reference, Case.is_open, Case.received_at, Case.id).where(
            Case.subject_id.in_(ids), Case.types.like(f"%{RequestType.ERASURE.value}%")
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
        open_erasure = _open_erasure(s, (row[1] for row in rows))
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
    rule = _closed_case_rule(plan.case_years)
    return [
        _closed_case_item(subject_id, pseudonym, name, reference, rule, due_on(overdue), plan.as_of)
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
    (`_every_open_erasure`), or None to look up those of each chunk's people."""
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
        kept = _kept_items(s, plan.as_of, (steps.first[lo], steps.last[hi - 1]))
        kept.sort(key=_sort_key)
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
    return (-item.days_overdue, _KIND_ORDER[item.kind])


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
        open_erasure = _every_open_erasure(self._s) if kind == 0 and total else None
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
    years = _years(case_years)
    with db.session() as s:
        yield SweepStream(s, _plan(s, as_of, years, None), window)


# --- the whole list at once: erasure cases, de-identification ---------------------------------


def sweep_item_key(item: SweepItem) -> tuple[object, ...]:
    """What tells an item of the list from every other (ticks kept across pages)."""
    return (
        item.kind.value,
        item.subject_id,
        item.activity,
        item.applies_to,
        item.rule,
        item.case_reference,
        item.erasure_line_id,
    )


def create_erasure_cases_for_sweep(
    db: Database,
    as_of: dt.date,
    *,
    excluded: Iterable[tuple[object, ...]] = (),
    received_at: dt.datetime | None = None,
    batch: int = ERASURE_BATCH,
    progress: Progress | None = None,
) -> SweepErasures:
    """Erasure cases, as `create_erasure_cases` makes them, for everyone with data due for
    deletion by `as_of`, apart from the `excluded` items (`sweep_item_key`): `batch` people
    at a time in id order, one transaction each, most overdue person first within a batch.
    `progress(done, total)` follows each batch and may return False to stop there: the
    cases of the batches done stay."""
    skip = frozenset(excluded)
    with db.session() as s:
        lines = _lines(s)
        top = s.scalar(select(func.max(Subject.id))) or 0
    if not lines:
        return SweepErasures([], 0)
    chunks = _SubjectChunks(lines, as_of)
    moment = received_at or clock.now_utc()
    created: list[str] = []
    people = last = 0
    while True:
        with db.session() as s:
            rows = chunks.read(s, last, max(1, batch))
        chosen = [i for i in chunks.items(rows, {}) if sweep_item_key(i) not in skip]
        if chosen:
            chosen.sort(key=_sort_key)
            people += len({i.subject_id for i in chosen})
            created += create_erasure_cases(db, chosen, received_at=moment)
        if not rows or len(rows) < batch:
            break
        last = rows[-1][0]
        if progress is not None and progress(last, top) is False:
            break
    return SweepErasures(created, people)


def deidentify_closed_cases_for_sweep(
    db: Database,
    as_of: dt.date,
    *,
    excluded: Iterable[str] = (),
    case_years: int | None = None,
    batch: int = DEIDENTIFY_BATCH,
    progress: Progress | None = None,
) -> list[DeidentifiedCase]:
    """De-identify every closed case the sweep for `as_of` lists, apart from the `excluded`
    references, as `deidentify_closed_cases` does: `batch` cases at a time in id order, one
    transaction each. `progress(done, total)` follows each batch and may return False to
    stop there: the batches done stay done."""
    years = _years(case_years)
    skip = frozenset(excluded)
    condition = _closed_case_condition(as_of, years)
    with db.session() as s:
        total = s.scalar(select(func.count()).select_from(Case).where(condition)) or 0
    done: list[DeidentifiedCase] = []
    last = seen = 0
    size = max(1, batch)
    while True:
        with db.session() as s:
            rows = s.execute(
                select(Case.id, Case.reference)
                .where(condition, Case.id > last)
                .order_by(Case.id)
                .limit(size)
            ).all()
        if not rows:
            break
        last = rows[-1][0]
        seen += len(rows)
        references = [ref for _id, ref in rows if ref not in skip]
        if references:
            done += deidentify_closed_cases(db, references, case_years=years)
        if len(rows) < size:
            break
        if progress is not None and progress(seen, total) is False:
            break
    return done


# --- records and CSV ------------------------------------------------------------------------------

RECORD_FIELDS: tuple[str, ...] = (
    "kind",
    "pseudonym",
    "activity",
    "applies_to",
    "rule",
    "legal_reference",
    "due_on",
    "days_overdue",
    "case_reference",
)


def sweep_record(item: SweepItem, *, names: bool = False) -> dict[str, Any]:
    """A plain record for JSON and CSV: the pseudonym always, the name only when asked."""
    rec: dict[str, Any] = {
        "kind": item.kind.value,
        "pseudonym": item.pseudonym,
        "activity": item.activity,
        "applies_to": item.applies_to,
        "rule": item.rule,
        "legal_reference": item.legal_reference,
        "due_on": item.due_on.isoformat(),
        "days_overdue": item.days_overdue,
        "case_reference": item.case_reference,
    }
    if names:
        rec = {"kind": rec.pop("kind"), "pseudonym": rec.pop("pseudonym"), "name": item.name,
               **rec}  # fmt: skip
    return rec


def sweep_records(items: Iterable[SweepItem], *, names: bool = False) -> list[dict[str, Any]]:
    """Plain records for JSON and CSV: the pseudonym always, the name only when asked."""
    return [sweep_record(item, names=names) for item in items]


def record_fields(names: bool) -> tuple[str, ...]:
    if not names:
        return RECORD_FIELDS
    return (*RECORD_FIELDS[:2], "name", *RECORD_FIELDS[2:])


def write_sweep_csv_rows(
    out: TextIO, items: Iterable[SweepItem], *, names: bool = False, bom: bool = False
) -> int:
    """The list as CSV into `out`, a row as each item comes; every cell a spreadsheet would
    run as a formula is neutralised. Returns the number of rows (the header aside)."""
    if bom:
        out.write("\ufeff")  # Excel reads UTF-8 with it
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(record_fields(names))
    shared: dict[str, str] = {}  # texts many lines have (a rule, a date), neutralised once

    def once(text: str) -> str:
        done = shared.get(text)
        if done is None:
            done = shared[text] = neutralise(text)
        return done

    n = 0
    for item in items:  # the cells of sweep_record, in RECORD_FIELDS' order
        writer.writerow(
            [
                once(item.kind.value),
                neutralise(item.pseudonym),
                *((neutralise(item.name),) if names else ()),
                once(item.activity),
                once(item.applies_to),
                once(item.rule),
                once(item.legal_reference),
                once(item.due_on.isoformat()),
                str(item.days_overdue),  # never negative: due by the sweep's date
                neutralise(item.case_reference or ""),
            ]
        )
        n += 1
    return n


def sweep_csv(items: Iterable[SweepItem], *, names: bool = False, bom: bool = False) -> str:
    """The list as CSV; every cell a spreadsheet would run as a formula is neutralised."""
    buffer = io.StringIO()
    write_sweep_csv_rows(buffer, items, names=names, bom=bom)
    return buffer.getvalue()


def export_sweep_csv(
    db: Database,
    as_of: dt.date,
    target: Path,
    *,
    names: bool = False,
    case_years: int | None = None,
) -> int:
    """The sweep for `as_of` as CSV in ``target`` (owner-only, whole or not at all), streamed
    from the database; recorded in the audit trail (with whether names were included).
    Returns the number of lines written."""
    with reading_sweep(db, as_of, case_years=case_years) as items:

        def write(raw: BinaryIO) -> None:
            text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
            write_sweep_csv_rows(text, items, names=names, bom=True)
            text.flush()
            text.detach()  # the file is closed by its owner

        write_private_stream(target, write)
        rows = items.total
    record(
        db, "export retention sweep", "subject", "-", rows=rows, as_of=as_of.isoformat(),
        names_included=names,
    )  # fmt: skip
    return rows


# --- erasure cases from a selection ---------------------------------------------------------------


def _case_notes(sweep_date: dt.date, items: Sequence[SweepItem]) -> str:
    lines = [
        f"Created by the controller from the retention sweep of {sweep_date.isoformat()} "
        "(not a request from the person).",
        "Retention has run out for:",
    ]
    for item in items:
        lines.append(
            f"- {item.activity} / {item.applies_to}: {item.rule} "
            f"({item.legal_reference}), due {item.due_on.isoformat()}"
        )
    return "\n".join(lines)


def create_erasure_cases(
    db: Database,
    items: Sequence[SweepItem],
    *,
    received_at: dt.datetime | None = None,
) -> list[str]:
    """One erasure case per person for the chosen items of their data, in one transaction;
    returns the new references, most overdue person first.

    The controller starts these cases itself: there is no channel for that, so they are
    recorded as letters, and the call notes and the first timeline entry say that the case
    came from the retention sweep and not from the person. The person's last contact is not
    moved (unlike a request they sent). People already erased, or with an erasure case open,
    get no new case. Kept data and closed cases are handled otherwise (marked erased,
    de-identified) and are left out."""
    chosen = [i for i in items if i.kind is SweepKind.SUBJECT_DATA]
    if not chosen:
        raise InvalidInput(
            "Choose at least one person's data due for deletion: kept data and closed cases "
            "are not erased through a new case."
        )
    moment = received_at or clock.now_utc()
    if moment.tzinfo is None:
        raise InvalidInput("The time of receipt must carry a time zone.")
    received_utc = moment.astimezone(dt.UTC).replace(tzinfo=None)
    received = deadlines.receipt_date(moment)
    by_subject: dict[int, list[SweepItem]] = {}
    for item in chosen:
        by_subject.setdefault(item.subject_id, []).append(item)
    created: list[str] = []
    skipped = 0
    with db.session() as s:
        open_erasure = set(_open_erasure(s, by_subject))
        now = now_stored_utc()
        for subject_id, subject_items in by_subject.items():
            subject = s.get(Subject, subject_id)
            if subject is None:
                raise NotFound(f"There is no data subject {subject_id}.")
            if subject.erased_at is not None or subject_id in open_erasure:
                skipped += 1
                continue
            sweep_date = max(i.as_of for i in subject_items)
            case_ = Case(
                reference=next_reference(s, received.year),
                subject=subject,
                types=RequestType.ERASURE.value,
                channel=Channel.LETTER.value,
                language="nb",
                received_at=received_utc,
                received_date=received,
                due_date=deadlines.due_date(received),
                status=Status.NEW.value,
                is_open=True,
                call_notes=_case_notes(sweep_date, subject_items),
                created_at=now,
                created_by=current_user(),
            )
            s.add(case_)
            add_event(
                case_,
                "received",
                f"erasure started by the controller from the retention sweep of "
                f"{sweep_date.isoformat()}: {len(subject_items)} item(s) due; not a request "
                "from the person",
            )
            s.flush()
            created.append(case_.reference)
    log.info(
        "retention sweep: %d erasure case(s) created, %d person(s) skipped (erased or an "
        "erasure case open)",
        len(created),
        skipped,
    )
    return created


# --- de-identifying the workbench's own closed cases ----------------------------------------------


def _other_reason(s: Session, subject: Subject, leaving: set[int]) -> str | None:
    """Why the person's own record stays when these cases are de-identified, if it does."""
    cases_ = list(subject.cases)
    if any(c.id not in leaving and c.deidentified_at is None for c in cases_):
        return "another case"
    if subject.roles:
        return "a role in the register"
    if subject.customer_no or subject.supplier_no or subject.last_purchase:
        return "customer or supplier data"
    latest_request = max((c.received_date for c in cases_), default=None)
    if subject.last_contact and (latest_request is None or subject.last_contact > latest_request):
        return "a contact besides the requests"
    restricted = s.scalar(
        select(func.count())
        .select_from(Restriction)
        .where(Restriction.subject_id == subject.id, Restriction.lifted_on.is_(None))
    )
    if restricted:
        return "a restriction in force"
    objected = s.scalar(
        select(func.count()).select_from(Objection).where(Objection.subject_id == subject.id)
    )
    if objected:
        return "an objection to remember"
    return None


def deidentify_closed_cases(
    db: Database,
    references: Sequence[str],
    *,
    case_years: int | None = None,
) -> list[DeidentifiedCase]:
    """De-identify the workbench's own closed cases whose period after closing has run out
    (all of them or none: one transaction).

    Call notes, identity notes, contact details, imported e-mails' text, corrections' old and
    new values and finding notes go; the person's name, e-mail, phone and numbers are scrubbed
    from reasons and timeline details ("[de-identified]"); stored documents lose their content
    (kind and SHA-256 stay). The reference, types, dates and statuses stay. Where the person
    has no other case and is not in the register for another reason, their own record is
    erased too, as at an erasure (rights' own routine). Already de-identified cases are
    skipped."""
    years = _years(case_years)
    wanted = list(dict.fromkeys(r.strip() for r in references if r.strip()))
    if not wanted:
        raise InvalidInput("Choose at least one closed case to de-identify.")
    today = clock.today_oslo()
    done: list[DeidentifiedCase] = []
    with db.session() as s:
        found = {c.reference: c for c in s.scalars(select(Case).where(Case.reference.in_(wanted)))}
        missing = [r for r in wanted if r not in found]
        if missing:
            raise NotFound(f"There is no case {missing[0]!r}.")
        todo: list[Case] = []
        for reference in wanted:
            c = found[reference]
            if c.deidentified_at is not None:
                continue
            if c.is_open or c.closed_on is None:
                raise RuleViolation(
                    f"Case {reference} is {c.status}: only closed cases are de-identified."
                )
            due = _case_due(c.closed_on, years)
            if due > today:
                raise RuleViolation(
                    f"Case {reference} was closed on {c.closed_on.isoformat()}: it is kept "
                    f"until {due.isoformat()} ({retention.period_text(years, 0)} after closing)."
                )
            todo.append(c)
        leaving = {c.id for c in todo}
        now = now_stored_utc()
        by_subject: dict[int, list[Case]] = {}
        for c in todo:
            by_subject.setdefault(c.subject_id, []).append(c)
        for subject_cases in by_subject.values():
            subject = subject_cases[0].subject
            needles = needles_of(s, subject)
            reason = _other_reason(s, subject, leaving)
            if reason is None and subject.erased_at is None:
                erase_subject(s, subject, now)
            else:
                deidentify_cases(s, subject_cases, needles, now)
            for c in subject_cases:
                c.deidentified_at = now
                add_event(
                    c,
                    "de-identified",
                    f"{retention.period_text(years, 0)} after closing (retention sweep)"
                    + (
                        f"; the record of {subject.pseudonym} kept: {reason}"
                        if reason
                        else f"; the record of {subject.pseudonym} erased too"
                    ),
                )
                done.append(DeidentifiedCase(c.reference, subject.pseudonym, reason is None))
        s.flush()
    log.info("retention sweep: %d closed case(s) de-identified", len(done))
    return done
