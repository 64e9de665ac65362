"""The retention sweep listed and counted: everything due for deletion by a date, at once
(`sweep`, the reference order) or as counts (`sweep_counts`); the configured period of the
workbench's own cases; and the register's lines and SQL conditions the paging and the actions
build on."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from dateutil.relativedelta import relativedelta
from sqlalchemy import (
    ColumnElement,
    String,
    and_,
    case,
    func,
    literal,
    or_,
    select,
    true,
    type_coerce,
)
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import UnaryExpression

from app.core import retention
from app.core.errors import InvalidInput, UserError
from app.core.model import RequestType, Role
from app.core.retention import AfterEvent, RetentionRuleSpec, SubjectDates
from app.core.rights import Decision
from app.core.sweep import KIND_ORDER, SweepItem, SweepKind
from app.services import config
from app.store.database import Database
from app.store.lists import lists
from app.store.models import (
    ActivityRetention,
    Case,
    ErasureLine,
    ProcessingActivity,
    Subject,
)

log = logging.getLogger(__name__)

CHUNK = 50_000
CASE_RETENTION_KEY = "case_retention_years"
DEFAULT_CASE_RETENTION_YEARS = 3
MAX_CASE_RETENTION_YEARS = 100

# The legal reference of the workbench's own case records (Art. 5(1)(e) limits how long they
# are kept; Art. 5(2) is why they are kept at all).
CASE_LEGAL_REFERENCE = "GDPR Art. 5(1)(e) storage limitation; Art. 5(2) accountability"
CASE_ACTIVITY = "Data-subject requests (this workbench)"
CASE_APPLIES_TO = "Call notes, contact details, e-mails and letters of the case"

Progress = Callable[[int, int], bool]


class SweepCancelled(UserError):
    def __init__(self) -> None:
        super().__init__("The retention sweep was cancelled.")


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


def resolve_case_years(override: int | None) -> int:
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


def line_due(spec: RetentionRuleSpec, event: AfterEvent, day: dt.date) -> dt.date:
    due = retention.earliest_deletion(spec, _dates_for(event, day))
    assert due is not None
    return due


def threshold(spec: RetentionRuleSpec, as_of: dt.date) -> dt.date:
    """The latest event date whose data are due by ``as_of`` under ``spec``.

    The deletion date never decreases as the event date grows, so the dates due are exactly
    those up to this threshold. Counted with the domain's own function (a month end clips:
    29 Feb 2024 + 3 years is 28 Feb 2027, so on 28 Feb 2027 the threshold is 29 Feb 2024;
    a financial record is due from 31 Dec of its year + the period)."""
    event = AfterEvent(spec.after_event)
    day = as_of - relativedelta(years=spec.period_years, months=spec.period_months)
    while line_due(spec, event, day) > as_of:
        day -= dt.timedelta(days=1)
    while line_due(spec, event, day + dt.timedelta(days=1)) <= as_of:
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
class SweepLine:
    activity: str
    applies_to: str
    spec: RetentionRuleSpec
    event: AfterEvent
    roles: frozenset[Role]
    systems: tuple[str, ...]


def sweep_lines(s: Session) -> list[SweepLine]:
    activities = s.scalars(
        select(ProcessingActivity)
        .where(ProcessingActivity.retired_at.is_(None))
        .options(
            selectinload(ProcessingActivity.retention).selectinload(ActivityRetention.rule),
            selectinload(ProcessingActivity.systems),
        )
        .order_by(ProcessingActivity.id)
    )
    out: list[SweepLine] = []
    for activity in activities:
        roles = _roles_of_categories(activity.subject_categories.splitlines())
        systems = tuple(x.name for x in sorted(activity.systems, key=lambda x: x.id))
        for line in activity.retention:
            rule = line.rule
            if rule.retired_at is not None:
                continue
            event = rule.after_event
            if event not in _COUNTABLE:
                continue  # by law, or a date never recorded here (collection)
            spec = RetentionRuleSpec(
                period_years=rule.period_years,
                period_months=rule.period_months,
                after_event=rule.after_event,
                legal_reference=rule.legal_reference,
                description=rule.description,
            )
            out.append(SweepLine(activity.name, line.applies_to, spec, event, roles, systems))
    return out


def _has_role(role: Role) -> ColumnElement[bool]:
    return lists(Subject.roles, role)


def applies_to_roles(roles: frozenset[Role]) -> ColumnElement[bool]:
    """The activity applies to the person: a shared role, or the person has none of the
    register's roles (then the dates decide)."""
    no_role = ~or_(*(_has_role(r) for r in _REGISTER_ROLES))
    if not roles:
        return no_role
    return or_(*(_has_role(r) for r in sorted(roles)), no_role)


def closed_dates() -> Any:
    """Per person: the latest closing date, where every case of theirs is closed."""
    return (
        select(Case.subject_id.label("subject_id"), func.max(Case.closed_on).label("closed_on"))
        .group_by(Case.subject_id)
        .having(func.count(Case.closed_on) == func.count())
        .subquery("closed")
    )


def event_column(event: AfterEvent, closed: Any) -> Any:
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


def due_conditions(
    lines: Sequence[SweepLine], as_of: dt.date, closed: Any
) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    for line in lines:
        column = _unindexed(event_column(line.event, closed))
        conditions.append(
            and_(
                column.is_not(None),
                column <= threshold(line.spec, as_of),
                applies_to_roles(line.roles),
            )
        )
    return conditions


# --- the sweep ----------------------------------------------------------------------------------


def as_date(value: object) -> dt.date:
    """A date as the driver gives it: text in SQLite, a date elsewhere."""
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _open_erasure_condition() -> ColumnElement[bool]:
    return and_(Case.is_open.is_(True), lists(Case.types, RequestType.ERASURE))


def every_open_erasure(s: Session) -> dict[int, str]:
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


class SubjectChunks:
    """The due items of people, read a chunk of people at a time in id order (each person's
    items together, in the order of the lines)."""

    def __init__(self, lines: Sequence[SweepLine], as_of: dt.date) -> None:
        self.as_of = as_of
        closed = closed_dates()
        conditions = due_conditions(lines, as_of, closed)
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
        self._plan: list[tuple[int, int, SweepLine, dict[object, tuple[dt.date, int]]]] = [
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
                    due = line_due(line.spec, line.event, as_date(stored))
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
    s: Session, lines: Sequence[SweepLine], as_of: dt.date, progress: Progress | None
) -> list[SweepItem]:
    if not lines:
        return []
    chunks = SubjectChunks(lines, as_of)
    open_erasure = every_open_erasure(s)
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


def kept_condition(as_of: dt.date) -> ColumnElement[bool]:
    return and_(
        ErasureLine.decision == Decision.KEEP,
        ErasureLine.applied_on.is_not(None),
        ErasureLine.until.is_not(None),
        ErasureLine.until <= as_of,
    )


def kept_items(
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
            kept_condition(as_of),
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


def case_due(closed_on: dt.date, years: int) -> dt.date:
    due: dt.date = closed_on + relativedelta(years=years)
    return due


def _case_threshold(as_of: dt.date, years: int) -> dt.date:
    spec = RetentionRuleSpec(years, 0, AfterEvent.CASE_CLOSED.value)
    return threshold(spec, as_of)


def closed_case_condition(as_of: dt.date, years: int) -> ColumnElement[bool]:
    """Closed cases past the period (most closed cases, in a long-used workbench): a pass
    over the table, never an index (see `_unindexed`); a page narrows it by its dates."""
    closed_on = _unindexed(Case.closed_on)
    return and_(
        _unindexed(Case.is_open).is_(False),
        closed_on.is_not(None),
        closed_on <= _case_threshold(as_of, years),
        Case.deidentified_at.is_(None),
    )


def closed_case_rule(years: int) -> str:
    period = retention.period_text(years, 0)
    return f"The workbench's own request cases: de-identified {period} after closing"


def closed_case_item(
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
        .where(closed_case_condition(as_of, years))
        .order_by(Case.closed_on, Case.id)
    ).all()
    rule = closed_case_rule(years)
    items = []
    for reference, closed_on, sid, pseudonym, name in rows:
        assert closed_on is not None  # the query asks for it
        due = case_due(closed_on, years)
        items.append(closed_case_item(sid, pseudonym, name, reference, rule, due, as_of))
    return items


def sweep_sort_key(item: SweepItem) -> tuple[int, int, int, str, str, str, str]:
    return (
        -item.days_overdue,
        KIND_ORDER[item.kind],
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
    years = resolve_case_years(case_years)
    with db.session() as s:
        lines = sweep_lines(s)
        items = _subject_items(s, lines, as_of, progress)
        items += kept_items(s, as_of)
        items += _closed_case_items(s, as_of, years)
    items.sort(key=sweep_sort_key)
    log.info("retention sweep as of %s: %d items", as_of.isoformat(), len(items))
    return items


def sweep_counts(db: Database, as_of: dt.date, *, case_years: int | None = None) -> SweepCounts:
    """How much the sweep would list, counted in SQL (no rows fetched)."""
    years = resolve_case_years(case_years)
    with db.session() as s:
        lines = sweep_lines(s)
        closed = closed_dates()
        subject_data = subjects = 0
        if lines:
            conditions = due_conditions(lines, as_of, closed)
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
        kept = s.scalar(select(func.count()).select_from(ErasureLine).where(kept_condition(as_of)))
        closed_cases = s.scalar(
            select(func.count()).select_from(Case).where(closed_case_condition(as_of, years))
        )
    return SweepCounts(
        as_of=as_of,
        subject_data=subject_data,
        subjects=subjects,
        kept=int(kept or 0),
        closed_cases=int(closed_cases or 0),
    )
