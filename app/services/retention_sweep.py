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

It scales to a million people: each retention line becomes a date threshold (a person is due
when ``last_purchase <= as_of - period``), so SQLite does the filtering, in one pass over the
subject table in chunks by id; only the due rows reach Python, and each distinct date's
deletion date is counted once per rule.

The officer then creates erasure cases from a selection in one step
(``create_erasure_cases``), and de-identifies the closed cases
(``deidentify_closed_cases``). Names are carried for the GUI only: logs get pseudonyms.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path, PurePath
from typing import Any

from dateutil.relativedelta import relativedelta
from sqlalchemy import ColumnElement, String, and_, case, func, literal, or_, select, type_coerce
from sqlalchemy.orm import Session, selectinload

from app.core import deadlines, retention
from app.core.errors import InvalidInput, NotFound, RuleViolation, UserError
from app.core.model import Channel, RequestType, Role, Status
from app.core.retention import AfterEvent, RetentionRuleSpec, SubjectDates
from app.reports.csvsafe import neutralise
from app.services import config
from app.services.audit import record
from app.services.cases import _event, _next_reference, _utcnow, today_oslo
from app.services.database import Database, current_user
from app.services.files import write_private
from app.services.rights import (
    _FIRST_LINE_EVENT_KINDS,
    _SAFE_EVENT_KINDS,
    Decision,
    _needles,
    _wipe,
)
from app.store.models import (
    ActivityRetention,
    Case,
    CaseEmail,
    CaseEvent,
    Document,
    ErasureLine,
    FieldChange,
    Finding,
    Objection,
    ProcessingActivity,
    RecipientNotice,
    Restriction,
    Subject,
    SystemTask,
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
    "SweepItem",
    "SweepKind",
    "case_retention_years",
    "create_erasure_cases",
    "deidentify_closed_cases",
    "record_fields",
    "set_case_retention_years",
    "sweep",
    "sweep_counts",
    "sweep_csv",
    "sweep_records",
    "write_sweep_csv",
]

log = logging.getLogger(__name__)

CHUNK = 50_000
CASE_RETENTION_KEY = "case_retention_years"
DEFAULT_CASE_RETENTION_YEARS = 3
MAX_CASE_RETENTION_YEARS = 100
DEIDENTIFIED = "[de-identified]"

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


def _conditions(lines: Sequence[_Line], as_of: dt.date, closed: Any) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    for line in lines:
        column = _event_column(line.event, closed)
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


def _subject_items(
    s: Session, lines: Sequence[_Line], as_of: dt.date, progress: Progress | None
) -> list[SweepItem]:
    if not lines:
        return []
    closed = _closed_dates()
    conditions = _conditions(lines, as_of, closed)
    flags = [case((c, 1), else_=0).label(f"line_{i}") for i, c in enumerate(conditions)]
    uses_cases = any(line.event is AfterEvent.CASE_CLOSED for line in lines)
    source: Any = Subject.__table__
    if uses_cases:
        source = source.outerjoin(closed, closed.c.subject_id == Subject.id)
    open_erasure = {
        subject_id: reference
        for subject_id, reference in s.execute(
            select(Case.subject_id, Case.reference)
            .where(Case.is_open.is_(True), Case.types.like(f"%{RequestType.ERASURE.value}%"))
            .order_by(Case.received_at)  # the newest wins
        )
    }
    top = s.scalar(select(func.max(Subject.id))) or 0
    # Per line: the flag's column, the date's column, and each distinct date's deletion
    # date and days overdue, counted once.
    date_column = {AfterEvent.LAST_CONTACT: 4, AfterEvent.CASE_CLOSED: 5}
    plan: list[tuple[int, int, _Line, dict[object, tuple[dt.date, int]]]] = [
        (6 + i, date_column.get(line.event, 3), line, {}) for i, line in enumerate(lines)
    ]
    items: list[SweepItem] = []
    append = items.append
    subject_data = SweepKind.SUBJECT_DATA
    last = 0
    while True:
        stmt = (
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
            .where(Subject.erased_at.is_(None), Subject.id > last, or_(*conditions))
            .order_by(Subject.id)
            .limit(CHUNK)
        )
        rows = s.connection().execute(stmt).all()  # Core: no ORM row processing
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
        if rows:
            last = rows[-1][0]
        if progress is not None and progress(last if rows else top, top) is False:
            raise SweepCancelled()
        if len(rows) < CHUNK:
            return items


def _kept_items(s: Session, as_of: dt.date) -> list[SweepItem]:
    """As rights.kept_until_items: kept after an applied erasure, until a date that has
    come, and not marked erased since."""
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
            ErasureLine.decision == Decision.KEEP.value,
            ErasureLine.applied_on.is_not(None),
            ErasureLine.until.is_not(None),
            ErasureLine.until <= as_of,
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
    return and_(
        Case.is_open.is_(False),
        Case.closed_on.is_not(None),
        Case.closed_on <= _case_threshold(as_of, years),
        Case.deidentified_at.is_(None),
    )


def _closed_case_items(s: Session, as_of: dt.date, years: int) -> list[SweepItem]:
    rows = s.execute(
        select(Case.reference, Case.closed_on, Subject.id, Subject.pseudonym, Subject.name)
        .join(Subject, Subject.id == Case.subject_id)
        .where(_closed_case_condition(as_of, years))
        .order_by(Case.closed_on, Case.id)
    ).all()
    period = retention.period_text(years, 0)
    rule = f"The workbench's own request cases: de-identified {period} after closing"
    items = []
    for reference, closed_on, sid, pseudonym, name in rows:
        assert closed_on is not None  # the query asks for it
        due = _case_due(closed_on, years)
        items.append(
            SweepItem(
                kind=SweepKind.CLOSED_CASE,
                subject_id=sid,
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
        )
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
        kept = s.scalar(
            select(func.count())
            .select_from(ErasureLine)
            .where(
                ErasureLine.decision == Decision.KEEP.value,
                ErasureLine.applied_on.is_not(None),
                ErasureLine.until.is_not(None),
                ErasureLine.until <= as_of,
            )
        )
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


def sweep_records(items: Iterable[SweepItem], *, names: bool = False) -> list[dict[str, Any]]:
    """Plain records for JSON and CSV: the pseudonym always, the name only when asked."""
    out = []
    for item in items:
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
        out.append(rec)
    return out


def record_fields(names: bool) -> tuple[str, ...]:
    if not names:
        return RECORD_FIELDS
    return (*RECORD_FIELDS[:2], "name", *RECORD_FIELDS[2:])


def sweep_csv(items: Iterable[SweepItem], *, names: bool = False, bom: bool = False) -> str:
    """The list as CSV; every cell a spreadsheet would run as a formula is neutralised."""
    buffer = io.StringIO()
    if bom:
        buffer.write("\ufeff")  # Excel reads UTF-8 with it
    writer = csv.writer(buffer, lineterminator="\r\n")
    fields = record_fields(names)
    writer.writerow(fields)
    for rec in sweep_records(items, names=names):
        writer.writerow([neutralise("" if rec[f] is None else str(rec[f])) for f in fields])
    return buffer.getvalue()


def write_sweep_csv(
    db: Database, items: Sequence[SweepItem], target: Path, *, names: bool = False
) -> Path:
    """Write the list to ``target`` (owner-only, whole or not at all), recorded in the audit
    trail (with whether names were included)."""
    written = write_private(target, sweep_csv(items, names=names, bom=True).encode("utf-8"))
    as_of = items[0].as_of.isoformat() if items else None
    record(
        db, "export retention sweep", "subject", "-", rows=len(items), as_of=as_of,
        names_included=names,
    )  # fmt: skip
    return written


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
    moment = received_at or dt.datetime.now(dt.UTC)
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
        open_erasure = set(
            s.scalars(
                select(Case.subject_id).where(
                    Case.subject_id.in_(list(by_subject)),
                    Case.is_open.is_(True),
                    Case.types.like(f"%{RequestType.ERASURE.value}%"),
                )
            )
        )
        now = _utcnow()
        for subject_id, subject_items in by_subject.items():
            subject = s.get(Subject, subject_id)
            if subject is None:
                raise NotFound(f"There is no data subject {subject_id}.")
            if subject.erased_at is not None or subject_id in open_erasure:
                skipped += 1
                continue
            sweep_date = max(i.as_of for i in subject_items)
            case_ = Case(
                reference=_next_reference(s, received.year),
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
            _event(
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


def _scrub(text: str | None, needles: Sequence[str]) -> str | None:
    if not text:
        return text
    for needle in needles:
        text = re.sub(rf"(?<!\w){re.escape(needle)}(?!\w)", DEIDENTIFIED, text, flags=re.I)
    return text


def _event_detail(event: CaseEvent, needles: Sequence[str]) -> str:
    """As at erasure: details this program wrote from register entries and choices stay
    (scrubbed), a structured first line stays, anything else typed goes."""
    detail = event.detail or ""
    if not detail or event.kind in _SAFE_EVENT_KINDS:
        return _scrub(detail, needles) or ""
    if event.kind in _FIRST_LINE_EVENT_KINDS:
        first, _, rest = detail.partition("\n")
        return (_scrub(first, needles) or "") + (f"\n{DEIDENTIFIED}" if rest.strip() else "")
    return DEIDENTIFIED


def _deidentify_case(s: Session, c: Case, needles: Sequence[str], now: dt.datetime) -> None:
    """The case's own record of the person, de-identified; its reference, types, dates,
    statuses and the kinds and times of its timeline stay, for accountability."""
    c.contact_email = None
    c.contact_phone = None
    c.forwarded_by = None
    c.call_notes = DEIDENTIFIED if c.call_notes else ""
    c.identity_notes = DEIDENTIFIED if c.identity_notes else None
    c.refusal_reason = _scrub(c.refusal_reason, needles)
    c.fee_reason = _scrub(c.fee_reason, needles)
    c.extension_reason = _scrub(c.extension_reason, needles)
    c.close_note = _scrub(c.close_note, needles)
    c.deidentified_at = now
    for doc in s.scalars(select(Document).where(Document.case_id == c.id)):
        suffix = PurePath(doc.filename).suffix
        suffix = suffix if re.fullmatch(r"\.[A-Za-z0-9]{1,8}", suffix) else ""
        doc.content = b""  # the SHA-256 and the kind stay: what was kept can still be shown
        doc.filename = f"deidentified-{doc.kind}-{doc.id}{suffix}"
    for em in s.scalars(select(CaseEmail).where(CaseEmail.case_id == c.id)):
        em.sender_name = ""
        em.sender_email = None
        em.reply_to = None
        em.forwarded_by = None
        em.subject_line = DEIDENTIFIED if em.subject_line else ""
        em.body_text = DEIDENTIFIED if em.body_text else ""
        em.attachment_names = ""
        em.message_id = None
    for fc in s.scalars(select(FieldChange).where(FieldChange.case_id == c.id)):
        fc.old_value = None
        fc.new_value = None
    for finding in s.scalars(select(Finding).where(Finding.case_id == c.id)):
        finding.notes = ""
    for task in s.scalars(select(SystemTask).where(SystemTask.case_id == c.id)):
        task.notes = _scrub(task.notes, needles) or ""
    for notice in s.scalars(select(RecipientNotice).where(RecipientNotice.case_id == c.id)):
        notice.reason = _scrub(notice.reason, needles) or ""
    for line in s.scalars(select(ErasureLine).where(ErasureLine.case_id == c.id)):
        line.reason = _scrub(line.reason, needles) or ""
        line.ground = _scrub(line.ground, needles) or ""
    for event in s.scalars(select(CaseEvent).where(CaseEvent.case_id == c.id)):
        detail = _event_detail(event, needles)
        if detail != event.detail:
            event.detail = detail


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
    today = today_oslo()
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
        now = _utcnow()
        by_subject: dict[int, list[Case]] = {}
        for c in todo:
            by_subject.setdefault(c.subject_id, []).append(c)
        for subject_cases in by_subject.values():
            subject = subject_cases[0].subject
            needles = _needles(s, subject)
            reason = _other_reason(s, subject, leaving)
            if reason is None and subject.erased_at is None:
                _wipe(s, subject_cases[0], subject, now)
            else:
                for c in subject_cases:
                    _deidentify_case(s, c, needles, now)
            for c in subject_cases:
                c.deidentified_at = now
                _event(
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
