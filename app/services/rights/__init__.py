"""The rights after access: rectification (Art. 16), erasure (Art. 17), restriction (Art. 18),
objection (Art. 21), the notices to recipients (Art. 19), their letters, and closing a case
under the rules they bring.

Each public function is one unit of work in one short session and returns plain frozen data.
Events and audit rows name fields, activities, systems and recipients, never the person's
data: an erased person leaves only their pseudonym behind.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.core import clock, retention
from app.core.backups import last_expiry
from app.core.errors import InvalidInput, NotFound, RuleViolation
from app.core.model import RequestType, Status, types_from_text
from app.core.retention import AfterEvent, RetentionRuleSpec, SubjectDates
from app.core.rights import NOT_NOTIFIED_GROUNDS, Decision, NoticeStatus, TaskKind
from app.core.text import sort_key
from app.intake.contact import normalise_email, normalise_phone, validate_name
from app.reports import documents as docs
from app.reports.wording import LANGUAGES, Wording, placeholders, wording
from app.services import backup, register
from app.services.common import add_event, get_case, limited_text, now_stored_utc, reindex_subject
from app.services.drawing import (
    active_activities,
    draw_up_notices_in,
    erasure_lines,
    notices_of,
)
from app.services.scrubbing import erase_subject
from app.services.workflow import (
    require_not_closed,
    require_not_erased,
    require_type,
)
from app.store.database import Database, current_user
from app.store.models import (
    ActivityRetention,
    Case,
    Document,
    ErasureLine,
    FieldChange,
    Objection,
    ProcessingActivity,
    Recipient,
    RecipientNotice,
    Restriction,
    Subject,
    SubjectEmail,
    SubjectPhone,
    System,
    SystemTask,
)

__all__ = [
    "RECTIFIABLE_FIELDS",
    "RESTRICTION_GROUNDS",
    "ErasedItem",
    "ErasureLineView",
    "ErasureResult",
    "FieldChangeView",
    "KeptItem",
    "KeptUntilItem",
    "NoticeView",
    "ObjectionView",
    "RestrictionView",
    "StoredLetter",
    "SystemTaskView",
    "active_restrictions",
    "apply_erasure",
    "create_system_tasks",
    "draw_up_erasure_matrix",
    "draw_up_notices",
    "erasure_matrix",
    "field_changes",
    "is_restricted",
    "kept_until_items",
    "last_backup_expiry",
    "lift_restriction",
    "mark_kept_erased",
    "mark_not_notified",
    "mark_notified",
    "mark_task_done",
    "notice_email_text",
    "notices",
    "object_to_marketing",
    "object_to_processing",
    "open_notice_count",
    "record_restriction_notice",
    "rectify",
    "render_rights_letter",
    "restrict",
    "set_erasure_line",
    "store_rights_letter",
    "subject_objections",
    "subject_restrictions",
    "system_tasks",
]

# What Art. 16 corrects in the workbench's own record of the person.
RECTIFIABLE_FIELDS: tuple[str, ...] = (
    "name",
    "postal_address",
    "emails",
    "phones",
    "customer_no",
    "last_purchase",
    "last_contact",
)

# Art. 18(1): the four grounds for restriction.
RESTRICTION_GROUNDS: dict[str, str] = {
    "a": "the accuracy of the data is contested, for the time needed to verify it",
    "b": "the processing is unlawful and the person asks for restriction instead of erasure",
    "c": "the data are no longer needed, but the person needs them for legal claims",
    "d": "the person has objected (Art. 21(1)), pending verification of the grounds",
}


# --- plain data ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldChangeView:
    id: int
    field: str
    old_value: str | None  # None once the case is closed (it was inaccurate data)
    new_value: str | None
    changed_at: dt.datetime  # UTC, naive


@dataclass(frozen=True)
class SystemTaskView:
    id: int
    system_id: int
    system: str
    owner: str
    holds: str
    kind: str  # TaskKind
    done_on: dt.date | None
    notes: str


@dataclass(frozen=True)
class ErasureLineView:
    id: int
    activity_id: int
    activity: str
    applies_to: str
    systems: tuple[str, ...]
    decision: str  # Decision
    ground: str
    until: dt.date | None
    reason: str
    is_default: bool
    applied_on: dt.date | None


@dataclass(frozen=True)
class ErasedItem:
    activity: str
    applies_to: str
    systems: tuple[str, ...]


@dataclass(frozen=True)
class KeptItem:
    line_id: int
    activity: str
    applies_to: str
    systems: tuple[str, ...]
    decision: str  # keep | restrict
    ground: str
    until: dt.date | None  # None: as long as the law requires


@dataclass(frozen=True)
class ErasureResult:
    reference: str
    pseudonym: str
    dry_run: bool
    applied_on: dt.date
    erased_at: dt.datetime | None  # UTC, naive; None for a dry run
    erased: tuple[ErasedItem, ...]
    kept: tuple[KeptItem, ...]
    workbench: tuple[str, ...]  # what the workbench itself erased (or would)
    backup_expiry: dt.date | None
    # The confirmation letter, written before the name and address went; its content is not
    # kept (only its SHA-256): save or send it now.
    letter_filename: str | None = None
    letter: bytes | None = None
    letter_document_id: int | None = None


@dataclass(frozen=True)
class KeptUntilItem:
    """Data kept after an erasure whose period has run out: to erase in the named systems."""

    line_id: int
    reference: str
    pseudonym: str
    activity: str
    applies_to: str
    systems: tuple[str, ...]
    ground: str
    until: dt.date


@dataclass(frozen=True)
class RestrictionView:
    id: int
    subject_id: int
    activity_id: int | None  # None: the whole subject
    activity: str | None
    case_reference: str | None
    ground: str  # a-d
    since: dt.date
    until: dt.date | None
    person_told_on: dt.date | None
    lifted_on: dt.date | None

    @property
    def active(self) -> bool:
        return self.lifted_on is None


@dataclass(frozen=True)
class ObjectionView:
    id: int
    subject_id: int
    activity_id: int
    activity: str
    case_reference: str | None
    recorded_on: dt.date
    direct_marketing: bool
    stopped_on: dt.date | None
    outcome: str


@dataclass(frozen=True)
class NoticeView:
    id: int
    recipient_id: int
    recipient: str
    role: str
    country: str
    contact: str
    status: str  # NoticeStatus
    notified_on: dt.date | None
    method: str | None
    reason: str
    document_id: int | None


@dataclass(frozen=True)
class StoredLetter:
    document_id: int
    filename: str
    content: bytes


# --- helpers ------------------------------------------------------------------------------------


def _check_day(on: dt.date, case: Case, what: str) -> None:
    if on > clock.today_oslo():
        raise InvalidInput(f"The {what} cannot be in the future.")
    if on < case.received_date:
        raise InvalidInput(f"The {what} cannot be before the request was received.")


def _system_names(activity: ProcessingActivity) -> tuple[str, ...]:
    return tuple(x.name for x in activity.systems if x.retired_at is None)


def _activity(s: Session, activity_id: int) -> ProcessingActivity:
    activity = s.get(ProcessingActivity, activity_id)
    if activity is None:
        raise NotFound(f"There is no processing activity {activity_id}.")
    return activity


# --- rectification (Art. 16) ----------------------------------------------------------------------


def _split(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [p.strip() for p in re.split(r"[,;\n]", value) if p.strip()]
    if isinstance(value, Iterable):
        return [str(p).strip() for p in value if str(p).strip()]
    raise InvalidInput(f"{value!r} is not a list of values.")


def _as_date(value: object, what: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        day = value
    elif isinstance(value, str):
        try:
            day = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise InvalidInput(f"The {what} {value!r} is not a date (YYYY-MM-DD).") from None
    else:
        raise InvalidInput(f"The {what} {value!r} is not a date.")
    if day > clock.today_oslo():
        raise InvalidInput(f"The {what} cannot be in the future.")
    return day


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _normalise_changes(changes: Mapping[str, object]) -> dict[str, object]:
    """Each new value checked as intake checks it; raises InvalidInput naming the field."""
    if not changes:
        raise InvalidInput("Give at least one field to correct.")
    out: dict[str, object] = {}
    for field, value in changes.items():
        if field not in RECTIFIABLE_FIELDS:
            raise InvalidInput(
                f"{field!r} cannot be corrected here; use one of: {', '.join(RECTIFIABLE_FIELDS)}."
            )
        if field == "name":
            out[field] = validate_name(str(value or ""))
        elif field == "postal_address":
            out[field] = limited_text(str(value or ""), "postal address lines")
        elif field == "emails":
            out[field] = _unique(normalise_email(e).lower() for e in _split(value))
        elif field == "phones":
            out[field] = _unique(normalise_phone(p) for p in _split(value))
        elif field == "customer_no":
            number = str(value or "").strip()
            if len(number) > 64:
                raise InvalidInput("The customer number is longer than 64 characters.")
            out[field] = number or None
        else:
            out[field] = _as_date(value, field.replace("_", " "))
    return out


def _as_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value) or None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value) or None


def _current(subject: Subject, field: str) -> object:
    if field == "emails":
        return [e.address for e in subject.emails]
    if field == "phones":
        return [p.e164 for p in subject.phones]
    return getattr(subject, field)


def _set(subject: Subject, field: str, value: object) -> None:
    if field == "emails":
        existing = {e.address: e for e in subject.emails}
        subject.emails = [
            existing.get(a) or SubjectEmail(address=a) for a in cast(list[str], value)
        ]
    elif field == "phones":
        existing_p = {p.e164: p for p in subject.phones}
        subject.phones = [existing_p.get(n) or SubjectPhone(e164=n) for n in cast(list[str], value)]
    elif field == "name":
        assert isinstance(value, str)
        subject.name = value
        subject.sort_name = sort_key(value)
    else:
        setattr(subject, field, value)


def _change_view(fc: FieldChange) -> FieldChangeView:
    return FieldChangeView(fc.id, fc.field, fc.old_value, fc.new_value, fc.changed_at)


def rectify(db: Database, reference: str, changes: Mapping[str, object]) -> list[FieldChangeView]:
    """Correct the person's record: each changed field is recorded with its old and new value
    (the old one only until the case closes) and named, without values, in the timeline."""
    wanted = _normalise_changes(changes)
    with db.session() as s:
        case = get_case(s, reference)
        require_type(case, RequestType.RECTIFICATION, "record a correction")
        require_not_closed(case, "record a correction")
        subject = case.subject
        require_not_erased(subject)
        now = now_stored_utc()
        recorded: list[FieldChange] = []
        for field in RECTIFIABLE_FIELDS:
            if field not in wanted:
                continue
            old, new = _as_text(_current(subject, field)), _as_text(wanted[field])
            if old == new:
                continue
            _set(subject, field, wanted[field])
            change = FieldChange(
                case_id=case.id, field=field, old_value=old, new_value=new, changed_at=now
            )
            s.add(change)
            recorded.append(change)
        if not recorded:
            raise InvalidInput("Nothing to correct: the new values are the ones recorded.")
        reindex_subject(s, subject)
        add_event(case, "rectified", ", ".join(c.field.replace("_", " ") for c in recorded))
        s.flush()
        draw_up_notices_in(s, case)  # every recipient is told of a correction (Art. 19)
        return [_change_view(c) for c in recorded]


def field_changes(db: Database, reference: str) -> list[FieldChangeView]:
    with db.session() as s:
        case = get_case(s, reference)
        return [
            _change_view(c)
            for c in s.scalars(
                select(FieldChange).where(FieldChange.case_id == case.id).order_by(FieldChange.id)
            )
        ]


# --- the system checklist -------------------------------------------------------------------------


def _task_view(t: SystemTask) -> SystemTaskView:
    return SystemTaskView(
        id=t.id,
        system_id=t.system_id,
        system=t.system.name,
        owner=t.system.owner,
        holds=t.system.holds,
        kind=t.kind,
        done_on=t.done_on,
        notes=t.notes,
    )


def _tasks_of(s: Session, case: Case) -> list[SystemTask]:
    return list(
        s.scalars(
            select(SystemTask)
            .where(SystemTask.case_id == case.id)
            .options(selectinload(SystemTask.system))
            .order_by(SystemTask.id)
        )
    )


def _restricted_activity_ids(s: Session, case: Case) -> set[int] | None:
    """The activities restricted on this case; None where the whole subject is."""
    ids: set[int] = set()
    for r in s.scalars(select(Restriction).where(Restriction.case_id == case.id)):
        if r.activity_id is None:
            return None
        ids.add(r.activity_id)
    for line in erasure_lines(s, case):
        if line.decision == Decision.RESTRICT.value:
            ids.add(line.activity_id)
    return ids


def _task_activities(s: Session, case: Case, kind: TaskKind) -> list[ProcessingActivity]:
    activities = active_activities(s)
    if kind is TaskKind.ERASE:
        lines = erasure_lines(s, case)
        if lines:
            erase = {ln.activity_id for ln in lines if ln.decision == Decision.ERASE.value}
            activities = [a for a in activities if a.id in erase]
    elif kind is TaskKind.RESTRICT:
        restricted = _restricted_activity_ids(s, case)
        if restricted is not None:
            activities = [a for a in activities if a.id in restricted]
    return activities


def system_tasks(db: Database, reference: str) -> list[SystemTaskView]:
    with db.session() as s:
        return [_task_view(t) for t in _tasks_of(s, get_case(s, reference))]


def create_system_tasks(db: Database, reference: str, kind: str) -> list[SystemTaskView]:
    """One checklist line per system (in use) of the activities concerned: every activity for
    a correction, those with data to erase, those restricted. Existing lines stay."""
    try:
        task_kind = TaskKind(kind)
    except ValueError:
        raise InvalidInput(f"Unknown task {kind!r}; use rectify, erase or restrict.") from None
    with db.session() as s:
        case = get_case(s, reference)
        require_not_closed(case, "add system tasks")
        have = {(t.system_id, t.kind) for t in _tasks_of(s, case)}
        systems: dict[int, System] = {}
        for activity in _task_activities(s, case, task_kind):
            for system in activity.systems:
                if system.retired_at is None:
                    systems.setdefault(system.id, system)
        added = 0
        for system in systems.values():
            if (system.id, task_kind.value) not in have:
                s.add(SystemTask(case_id=case.id, system=system, kind=task_kind.value))
                added += 1
        if added:
            add_event(case, "system tasks", f"{task_kind.value}: {added} systems to do")
        s.flush()
        return [_task_view(t) for t in _tasks_of(s, case)]


def mark_task_done(db: Database, task_id: int, on: dt.date, notes: str = "") -> SystemTaskView:
    notes = limited_text(notes, "notes")
    with db.session() as s:
        task = s.get(SystemTask, task_id)
        if task is None:
            raise NotFound(f"There is no system task {task_id}.")
        case = s.get_one(Case, task.case_id)
        require_not_closed(case, "tick off a system")
        _check_day(on, case, "date the system was done")
        task.done_on = on
        task.notes = notes
        add_event(case, "system task", f"{task.kind} in {task.system.name}: done {on.isoformat()}")
        s.flush()
        return _task_view(task)


# --- erasure (Art. 17) --------------------------------------------------------------------------


def _spec(rule: ActivityRetention) -> RetentionRuleSpec:
    r = rule.rule
    return RetentionRuleSpec(
        period_years=r.period_years,
        period_months=r.period_months,
        after_event=r.after_event,
        legal_reference=r.legal_reference,
        description=r.description,
    )


def _is_legal_obligation(spec: RetentionRuleSpec) -> bool:
    return retention.is_bookkeeping_rule(spec) or spec.after_event in (
        AfterEvent.FINANCIAL_YEAR_END.value,
        AfterEvent.BY_LAW.value,
    )


def _default_lines(s: Session, case: Case) -> list[ErasureLine]:
    """Erase now, unless a legal obligation (bookkeeping, a law) keeps the data: then keep
    under Art. 17(3)(b) until the earliest deletion date counted from the person's dates."""
    subject = case.subject
    dates = SubjectDates(last_purchase=subject.last_purchase, last_contact=subject.last_contact)
    today = clock.today_oslo()
    lines: list[ErasureLine] = []
    for activity in active_activities(s):
        for kept in activity.retention:
            if kept.rule.retired_at is not None:
                continue
            spec = _spec(kept)
            until = retention.earliest_deletion(spec, dates)
            line = ErasureLine(
                case_id=case.id,
                activity_id=activity.id,
                applies_to=kept.applies_to,
                decision=Decision.ERASE.value,
                is_default=True,
            )
            # A period that has already run out keeps nothing.
            if _is_legal_obligation(spec) and (until is None or until > today):
                line.decision = Decision.KEEP.value
                law = spec.legal_reference or spec.description
                line.ground = f"Art. 17(3)(b) legal obligation: {law}"
                line.until = until
            lines.append(line)
    s.add_all(lines)
    return lines


def draw_up_matrix_in(s: Session, case: Case) -> list[ErasureLine]:
    """The default matrix from the register, where the case has none yet (and is not closed,
    its person not erased); returns the matrix."""
    lines = erasure_lines(s, case)
    if not lines and case.status != Status.CLOSED.value and case.subject.erased_at is None:
        lines = _default_lines(s, case)
        s.flush()
        if lines:
            add_event(case, "erasure matrix", f"{len(lines)} default lines from the register")
    return lines


def _line_view(line: ErasureLine, activity: ProcessingActivity) -> ErasureLineView:
    return ErasureLineView(
        id=line.id,
        activity_id=activity.id,
        activity=activity.name,
        applies_to=line.applies_to,
        systems=_system_names(activity),
        decision=line.decision,
        ground=line.ground,
        until=line.until,
        reason=line.reason,
        is_default=line.is_default,
        applied_on=line.applied_on,
    )


def _line_views(s: Session, lines: Sequence[ErasureLine]) -> list[ErasureLineView]:
    return [_line_view(ln, _activity(s, ln.activity_id)) for ln in lines]


def erasure_matrix(db: Database, reference: str) -> list[ErasureLineView]:
    """The erasure matrix of an erasure case as it stands (a read: empty until drawn up)."""
    with db.session() as s:
        case = get_case(s, reference)
        require_type(case, RequestType.ERASURE, "show an erasure matrix")
        return _line_views(s, erasure_lines(s, case))


def draw_up_erasure_matrix(db: Database, reference: str) -> list[ErasureLineView]:
    """Draw up the erasure matrix of an erasure case from the register, and the notices to
    recipients it makes due; nothing new where they exist. Returns the matrix."""
    with db.session() as s:
        case = get_case(s, reference)
        require_type(case, RequestType.ERASURE, "draw up an erasure matrix")
        lines = draw_up_matrix_in(s, case)
        draw_up_notices_in(s, case)
        return _line_views(s, lines)


def _restriction_ground(text: str) -> str | None:
    """'b', 'Art. 18(1)(b)' -> 'b'."""
    t = text.strip().lower()
    if t in RESTRICTION_GROUNDS:
        return t
    m = re.search(r"18\s*\(1\)\s*\(([a-d])\)", t)
    return m.group(1) if m else None


def set_erasure_line(
    db: Database,
    line_id: int,
    decision: str,
    until: dt.date | None = None,
    ground: str = "",
    reason: str = "",
) -> ErasureLineView:
    """Change a line of the matrix. A default line changes only with a reason; keeping needs
    an Art. 17(3) ground, restricting an Art. 18(1) ground (a-d)."""
    try:
        new_decision = Decision(decision)
    except ValueError:
        raise InvalidInput(f"Unknown decision {decision!r}; use erase, keep or restrict.") from None
    ground = limited_text(ground, "ground")
    reason = limited_text(reason, "reason")
    if new_decision is Decision.ERASE:
        ground, until = "", None
    elif new_decision is Decision.KEEP:
        if not ground:
            raise InvalidInput(
                "Keeping data needs its Art. 17(3) ground (e.g. a legal obligation)."
            )
        if until is not None and until <= clock.today_oslo():
            raise InvalidInput(
                f"Kept until {until.isoformat()}: that date has come, so the data may be erased."
            )
    else:
        letter = _restriction_ground(ground)
        if letter is None:
            raise InvalidInput("Restricting needs its Art. 18(1) ground: a, b, c or d.")
        ground = f"Art. 18(1)({letter})"
    with db.session() as s:
        line = s.get(ErasureLine, line_id)
        if line is None:
            raise NotFound(f"There is no erasure line {line_id}.")
        case = s.get_one(Case, line.case_id)
        require_not_closed(case, "change the erasure matrix")
        if line.applied_on is not None:
            raise RuleViolation(
                f"The erasure was applied on {line.applied_on.isoformat()}: the line is final."
            )
        old = (line.decision, line.ground, line.until)
        new = (new_decision.value, ground, until)
        activity = _activity(s, line.activity_id)
        if old != new:
            if line.is_default and not reason:
                raise InvalidInput(
                    "Changing a default line needs a reason (why this data is treated otherwise)."
                )
            line.decision, line.ground, line.until = new
            line.is_default = False
            if reason:
                line.reason = reason
            shown = new_decision.value + (f" until {until.isoformat()}" if until else "")
            add_event(
                case,
                "erasure matrix",
                f"{activity.name} / {line.applies_to}: {old[0]} → {shown}",
            )
        elif reason:
            line.reason = reason
        s.flush()
        draw_up_notices_in(s, case)  # a line now erased or restricted has recipients to tell
        return _line_view(line, activity)


def last_backup_expiry(db: Database, erased_at: dt.datetime) -> dt.date | None:
    """When the last backup that still holds data erased at `erased_at` expires under the
    rotation (None: no backup was taken before it)."""
    if erased_at.tzinfo is not None:
        erased_at = erased_at.astimezone(dt.UTC).replace(tzinfo=None)
    return last_expiry((b.taken_at for b in backup.list_backups(db.database_id)), erased_at)


def _planned(
    s: Session, lines: Sequence[ErasureLine]
) -> tuple[tuple[ErasedItem, ...], tuple[KeptItem, ...]]:
    erased: list[ErasedItem] = []
    kept: list[KeptItem] = []
    for line in lines:
        activity = _activity(s, line.activity_id)
        systems = _system_names(activity)
        if line.decision == Decision.ERASE.value:
            erased.append(ErasedItem(activity.name, line.applies_to, systems))
        else:
            kept.append(
                KeptItem(
                    line_id=line.id,
                    activity=activity.name,
                    applies_to=line.applies_to,
                    systems=systems,
                    decision=line.decision,
                    ground=line.ground,
                    until=line.until,
                )
            )
    return tuple(erased), tuple(kept)


def _workbench_plan(subject: Subject) -> tuple[str, ...]:
    return (
        f"name (to be replaced by the pseudonym {subject.pseudonym}), postal address, "
        "e-mail addresses, phone numbers, customer and supplier numbers",
        "contact details and call notes of every case of the person",
        "stored e-mails and letters (content; the SHA-256 stays), imported e-mail text",
        "timeline details that may hold personal data, recorded corrections, finding notes",
        "the search index entry",
    )


def apply_erasure(
    db: Database,
    reference: str,
    dry_run: bool = False,
    *,
    letter_lang: str | None = None,
    name_recipients: bool = False,
) -> ErasureResult:
    """Carry out the erasure matrix: erase the workbench's own data about the person, note what
    is kept where until when, and write the confirmation letter (returned, not kept: only its
    SHA-256 stays with the case). A dry run says what would happen and changes nothing but
    the default matrix."""
    if letter_lang is not None and letter_lang not in LANGUAGES:
        raise InvalidInput(f"Unknown language {letter_lang!r}; use nb or en.")
    controller = None if dry_run else register.letter_controller(db)
    today = clock.today_oslo()
    with db.session() as s:
        case = get_case(s, reference)
        require_type(case, RequestType.ERASURE, "apply an erasure")
        require_not_closed(case, "apply an erasure")
        subject = case.subject
        if subject.erased_at is not None:
            raise RuleViolation(
                f"The erasure for {subject.pseudonym} was applied on "
                f"{subject.erased_at.date().isoformat()}."
            )
        created = not erasure_lines(s, case)
        lines = draw_up_matrix_in(s, case)
        erased, kept = _planned(s, lines)
        if dry_run:
            if created:
                s.rollback()  # a dry run leaves the database as it was
            return ErasureResult(
                reference=case.reference,
                pseudonym=subject.pseudonym,
                dry_run=True,
                applied_on=today,
                erased_at=None,
                erased=erased,
                kept=kept,
                workbench=_workbench_plan(subject),
                backup_expiry=last_backup_expiry(db, now_stored_utc()),
            )

        now = now_stored_utc()
        expiry = last_backup_expiry(db, now)
        assert controller is not None
        lang = letter_lang or case.language
        letter_data = _erasure_letter(
            s, case, controller, lang, erased, kept, expiry, today, name_recipients
        )
        pdf = docs.render_letter(letter_data)

        for line in lines:
            line.applied_on = today
            if line.decision == Decision.RESTRICT.value:
                letter_ground = _restriction_ground(line.ground) or "b"
                s.add(
                    Restriction(
                        subject_id=subject.id,
                        activity_id=line.activity_id,
                        case_id=case.id,
                        ground=letter_ground,
                        since=today,
                        until=line.until,
                    )
                )
        for item in kept:
            where = ", ".join(item.systems) or "the systems of the activity"
            until = (
                f"until {item.until.isoformat()}"
                if item.until
                else "for as long as the law requires"
            )
            how = "kept" if item.decision == Decision.KEEP.value else "restricted"
            add_event(
                case,
                "erasure kept",
                f"{item.applies_to} ({item.activity}): {how} in {where} {until}, "
                f"{item.ground}. The workbench itself holds none of these data.",
            )
        add_event(
            case,
            "erasure applied",
            f"{len(erased)} lines erased, {len(kept)} kept or restricted; the workbench's "
            f"own data about {subject.pseudonym} erased",
        )
        workbench = erase_subject(s, subject, now)

        filename = f"{case.reference}-erasure-confirmation-{lang}.pdf"
        sha = hashlib.sha256(pdf).hexdigest()
        doc = Document(
            kind="letter",
            filename=filename,
            media_type="application/pdf",
            content=b"",  # it names the person: handed over for sending, not kept
            sha256=sha,
            created_at=now,
            created_by=current_user(),
        )
        case.documents.append(doc)
        add_event(
            case,
            "letter",
            f"erasure-confirmation ({lang}) written at erasure, SHA-256 {sha}; its content "
            "is not kept",
        )
        s.flush()
        draw_up_notices_in(s, case)  # the recipients of what was erased (Art. 19)
        return ErasureResult(
            reference=case.reference,
            pseudonym=subject.pseudonym,
            dry_run=False,
            applied_on=today,
            erased_at=now,
            erased=erased,
            kept=kept,
            workbench=workbench,
            backup_expiry=expiry,
            letter_filename=filename,
            letter=pdf,
            letter_document_id=doc.id,
        )


def kept_until_items(db: Database, as_of: dt.date) -> list[KeptUntilItem]:
    """Data kept after an applied erasure whose date has come by `as_of`: for the retention
    sweep, to be erased in the named systems and then marked (`mark_kept_erased`)."""
    with db.session() as s:
        rows = s.execute(
            select(ErasureLine, Case.reference, Subject.pseudonym)
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
        out = []
        for line, ref, pseudonym in rows:
            activity = _activity(s, line.activity_id)
            assert line.until is not None
            out.append(
                KeptUntilItem(
                    line_id=line.id,
                    reference=ref,
                    pseudonym=pseudonym,
                    activity=activity.name,
                    applies_to=line.applies_to,
                    systems=_system_names(activity),
                    ground=line.ground,
                    until=line.until,
                )
            )
        return out


def mark_kept_erased(db: Database, line_id: int, on: dt.date, notes: str = "") -> None:
    """The kept data were erased in their systems when their period ran out."""
    notes = limited_text(notes, "notes")
    with db.session() as s:
        line = s.get(ErasureLine, line_id)
        if line is None:
            raise NotFound(f"There is no erasure line {line_id}.")
        if line.decision != Decision.KEEP.value or line.applied_on is None:
            raise RuleViolation("Only data kept after an applied erasure can be marked erased.")
        if on > clock.today_oslo():
            raise InvalidInput("The date of erasure cannot be in the future.")
        case = s.get_one(Case, line.case_id)
        kept = f"kept under {line.ground} until {line.until}; erased on {on.isoformat()}"
        line.reason = "\n".join(p for p in (line.reason, kept, notes) if p)
        line.decision = Decision.ERASE.value
        line.is_default = False
        line.applied_on = on
        activity = _activity(s, line.activity_id)
        add_event(
            case, "kept data erased", f"{activity.name} / {line.applies_to}: {on.isoformat()}"
        )


# --- restriction (Art. 18) ----------------------------------------------------------------------


def _restriction_view(s: Session, r: Restriction) -> RestrictionView:
    activity = s.get(ProcessingActivity, r.activity_id) if r.activity_id else None
    case = s.get(Case, r.case_id) if r.case_id else None
    return RestrictionView(
        id=r.id,
        subject_id=r.subject_id,
        activity_id=r.activity_id,
        activity=activity.name if activity else None,
        case_reference=case.reference if case else None,
        ground=r.ground,
        since=r.since,
        until=r.until,
        person_told_on=r.person_told_on,
        lifted_on=r.lifted_on,
    )


def restrict(
    db: Database,
    reference: str,
    ground: str,
    activity_id: int | None = None,
    until: dt.date | None = None,
) -> RestrictionView:
    """Mark the person's data (all of it, or one activity's) as restricted: stored only."""
    letter = _restriction_ground(ground)
    if letter is None:
        raise InvalidInput("Choose the Art. 18(1) ground: a, b, c or d.")
    today = clock.today_oslo()
    if until is not None and until <= today:
        raise InvalidInput("A restriction planned to end must end after today.")
    with db.session() as s:
        case = get_case(s, reference)
        require_not_closed(case, "restrict processing")
        subject = case.subject
        require_not_erased(subject)
        scope = "the whole subject"
        if activity_id is not None:
            activity = _activity(s, activity_id)
            if activity.retired_at is not None:
                raise RuleViolation(f"The activity '{activity.name}' is retired.")
            scope = activity.name
        for r in s.scalars(
            select(Restriction).where(
                Restriction.subject_id == subject.id, Restriction.lifted_on.is_(None)
            )
        ):
            if r.activity_id is None or r.activity_id == activity_id:
                raise RuleViolation(
                    f"{subject.pseudonym} is already restricted"
                    + ("" if r.activity_id is None else f" for {scope}")
                    + f" since {r.since.isoformat()}."
                )
        restriction = Restriction(
            subject_id=subject.id,
            activity_id=activity_id,
            case_id=case.id,
            ground=letter,
            since=today,
            until=until,
        )
        s.add(restriction)
        add_event(
            case,
            "restricted",
            f"{scope}: Art. 18(1)({letter})"
            + (f", planned until {until.isoformat()}" if until else ""),
        )
        s.flush()
        draw_up_notices_in(s, case)  # the recipients of what is restricted (Art. 19)
        return _restriction_view(s, restriction)


def subject_restrictions(db: Database, subject_id: int) -> list[RestrictionView]:
    with db.session() as s:
        return [
            _restriction_view(s, r)
            for r in s.scalars(
                select(Restriction)
                .where(Restriction.subject_id == subject_id)
                .order_by(Restriction.since, Restriction.id)
            )
        ]


def active_restrictions(db: Database, subject_id: int) -> list[RestrictionView]:
    """The restrictions in force (not lifted): what a banner shows."""
    return [r for r in subject_restrictions(db, subject_id) if r.active]


def is_restricted(db: Database, subject_id: int) -> bool:
    """True while any restriction of the person is not lifted (a planned end date does not
    lift it: the person must be told first)."""
    with db.session() as s:
        return (
            s.scalar(
                select(Restriction.id)
                .where(Restriction.subject_id == subject_id, Restriction.lifted_on.is_(None))
                .limit(1)
            )
            is not None
        )


def _get_restriction(s: Session, restriction_id: int) -> Restriction:
    r = s.get(Restriction, restriction_id)
    if r is None:
        raise NotFound(f"There is no restriction {restriction_id}.")
    return r


def _restriction_case(s: Session, r: Restriction) -> Case | None:
    return s.get(Case, r.case_id) if r.case_id else None


def record_restriction_notice(db: Database, restriction_id: int, told_on: dt.date) -> None:
    """The person was told that the restriction will be lifted (Art. 18(3))."""
    if told_on > clock.today_oslo():
        raise InvalidInput("The person cannot have been told in the future.")
    with db.session() as s:
        r = _get_restriction(s, restriction_id)
        if r.lifted_on is not None:
            raise RuleViolation(f"The restriction was lifted on {r.lifted_on.isoformat()}.")
        if told_on < r.since:
            raise InvalidInput("The person cannot have been told before the restriction began.")
        r.person_told_on = told_on
        case = _restriction_case(s, r)
        if case is not None:
            add_event(case, "restriction told", f"person told of the lifting {told_on.isoformat()}")


def lift_restriction(db: Database, restriction_id: int, on: dt.date) -> RestrictionView:
    """Lift a restriction: only once the person has been told (Art. 18(3))."""
    with db.session() as s:
        r = _get_restriction(s, restriction_id)
        if r.lifted_on is not None:
            raise RuleViolation(f"The restriction was lifted on {r.lifted_on.isoformat()}.")
        if r.person_told_on is None:
            raise RuleViolation(
                "The person must be told before the restriction is lifted (Art. 18(3)): "
                "send the notice and record the date it was sent first."
            )
        if on < r.person_told_on:
            raise RuleViolation(
                f"The person was told on {r.person_told_on.isoformat()}: the restriction "
                "cannot be lifted before that."
            )
        if on > clock.today_oslo():
            raise InvalidInput("A restriction is lifted when it is lifted: not in the future.")
        r.lifted_on = on
        case = _restriction_case(s, r)
        if case is not None:
            scope = "the whole subject"
            if r.activity_id is not None:
                scope = _activity(s, r.activity_id).name
            add_event(case, "restriction lifted", f"{scope}: lifted {on.isoformat()}")
        s.flush()
        return _restriction_view(s, r)


# --- objection (Art. 21) ------------------------------------------------------------------------


def _objection_view(s: Session, o: Objection) -> ObjectionView:
    case = s.get(Case, o.case_id) if o.case_id else None
    return ObjectionView(
        id=o.id,
        subject_id=o.subject_id,
        activity_id=o.activity_id,
        activity=_activity(s, o.activity_id).name,
        case_reference=case.reference if case else None,
        recorded_on=o.recorded_on,
        direct_marketing=o.direct_marketing,
        stopped_on=o.stopped_on,
        outcome=o.outcome,
    )


def _record_objection(
    db: Database,
    reference: str,
    activity_id: int,
    *,
    direct_marketing: bool,
    outcome: str,
    stopped_on: dt.date | None,
) -> ObjectionView:
    with db.session() as s:
        case = get_case(s, reference)
        require_type(case, RequestType.OBJECTION, "record an objection")
        require_not_closed(case, "record an objection")
        require_not_erased(case.subject)
        activity = _activity(s, activity_id)
        if direct_marketing:
            for o in s.scalars(
                select(Objection).where(
                    Objection.subject_id == case.subject_id,
                    Objection.activity_id == activity_id,
                    Objection.direct_marketing.is_(True),
                )
            ):
                raise RuleViolation(
                    f"Direct marketing in '{activity.name}' was stopped on "
                    f"{o.stopped_on.isoformat() if o.stopped_on else o.recorded_on.isoformat()}."
                )
        objection = Objection(
            subject_id=case.subject_id,
            activity_id=activity_id,
            case_id=case.id,
            recorded_on=clock.today_oslo(),
            direct_marketing=direct_marketing,
            stopped_on=stopped_on,
            outcome=outcome,
        )
        s.add(objection)
        if direct_marketing:
            detail = f"{activity.name}: direct marketing stopped {objection.recorded_on}"
        else:
            detail = f"{activity.name}: objection recorded" + (
                f", processing stopped {stopped_on.isoformat()}" if stopped_on else ""
            )
        add_event(case, "objection", detail)
        s.flush()
        return _objection_view(s, objection)


def object_to_marketing(db: Database, reference: str, activity_id: int) -> ObjectionView:
    """Art. 21(2)-(3): processing for direct marketing (remarketing) stops at once, without
    any weighing of interests."""
    return _record_objection(
        db,
        reference,
        activity_id,
        direct_marketing=True,
        outcome="Processing for direct marketing stopped at once (Art. 21(3)).",
        stopped_on=clock.today_oslo(),
    )


def object_to_processing(
    db: Database,
    reference: str,
    activity_id: int,
    outcome: str,
    stopped_on: dt.date | None = None,
) -> ObjectionView:
    """Art. 21(1): an objection on grounds of the person's situation, with the outcome of the
    weighing (compelling legitimate grounds, or processing stopped)."""
    outcome = limited_text(outcome, "outcome")
    if not outcome:
        raise InvalidInput("Record the outcome of the objection (and why).")
    if stopped_on is not None and stopped_on > clock.today_oslo():
        raise InvalidInput("Processing cannot have stopped in the future.")
    return _record_objection(
        db, reference, activity_id, direct_marketing=False, outcome=outcome, stopped_on=stopped_on
    )


def subject_objections(db: Database, subject_id: int) -> list[ObjectionView]:
    with db.session() as s:
        return [
            _objection_view(s, o)
            for o in s.scalars(
                select(Objection).where(Objection.subject_id == subject_id).order_by(Objection.id)
            )
        ]


# --- notices to recipients (Art. 19) ------------------------------------------------------------


def _notice_view(n: RecipientNotice) -> NoticeView:
    r = n.recipient
    return NoticeView(
        id=n.id,
        recipient_id=r.id,
        recipient=r.name,
        role=r.role,
        country=r.country,
        contact=r.contact,
        status=n.status,
        notified_on=n.notified_on,
        method=n.method,
        reason=n.reason,
        document_id=n.document_id,
    )


def notices(db: Database, reference: str) -> list[NoticeView]:
    """The notices to recipients drawn up for the case (a read: nothing is added)."""
    with db.session() as s:
        return [_notice_view(n) for n in notices_of(s, get_case(s, reference))]


def draw_up_notices(db: Database, reference: str) -> list[NoticeView]:
    """One notice per recipient of the affected activities that has none yet (a closed case
    gets no new ones); drawing up twice adds nothing. Returns every notice of the case."""
    with db.session() as s:
        return [_notice_view(n) for n in draw_up_notices_in(s, get_case(s, reference))]


def open_notice_count(db: Database, reference: str) -> int:
    return sum(1 for n in notices(db, reference) if n.status == NoticeStatus.OPEN.value)


def _get_notice(s: Session, notice_id: int) -> tuple[RecipientNotice, Case]:
    notice = s.get(RecipientNotice, notice_id)
    if notice is None:
        raise NotFound(f"There is no recipient notice {notice_id}.")
    return notice, s.get_one(Case, notice.case_id)


def mark_notified(db: Database, notice_id: int, on: dt.date, method: str) -> NoticeView:
    method = method.strip()
    if not method:
        raise InvalidInput("Say how the recipient was told (e-mail, post, phone...).")
    if len(method) > 16:
        raise InvalidInput("Give the method in at most 16 characters (e-mail, post, phone).")
    with db.session() as s:
        notice, case = _get_notice(s, notice_id)
        require_not_closed(case, "record a notice")
        _check_day(on, case, "date of the notice")
        notice.status = NoticeStatus.NOTIFIED.value
        notice.notified_on = on
        notice.method = method
        notice.reason = ""
        add_event(case, "notice", f"{notice.recipient.name}: notified {on.isoformat()} by {method}")
        s.flush()
        return _notice_view(notice)


def mark_not_notified(
    db: Database, notice_id: int, reason: str, *, ground: str = "disproportionate"
) -> NoticeView:
    """Art. 19 spares a notice only where it is impossible or takes disproportionate effort:
    which, and why, is recorded."""
    reason = limited_text(reason, "reason")
    if not reason:
        raise InvalidInput(
            "Say why the recipient is not told: impossible or disproportionate, and why."
        )
    if ground not in NOT_NOTIFIED_GROUNDS:
        raise InvalidInput(
            "A recipient is not told only where it is impossible or disproportionate."
        )
    with db.session() as s:
        notice, case = _get_notice(s, notice_id)
        require_not_closed(case, "record a notice")
        notice.status = NoticeStatus.NOT_NOTIFIED.value
        notice.notified_on = None
        notice.method = None
        notice.reason = f"{ground}: {reason}"
        add_event(case, "notice", f"{notice.recipient.name}: not notified ({ground})")
        s.flush()
        return _notice_view(notice)


# --- letters ------------------------------------------------------------------------------------


def _base_letter(
    case: Case,
    kind: str,
    controller: docs.Controller,
    addressee: docs.Addressee,
    lang: str,
    today: dt.date,
) -> docs.LetterData:
    return docs.LetterData(
        kind=kind,
        controller=controller,
        addressee=addressee,
        reference=case.reference,
        date=today,
        language=lang,
        received=case.received_date,
        due=case.due_date,
        new_due=None,
        reasons="",
        fee_amount=None,
        requested_types=tuple(t.value for t in types_from_text(case.types)),
        identification_needed="",
        officer_name=controller.officer_name,
    )


def _person(subject: Subject) -> docs.Addressee:
    return docs.Addressee(subject.name, subject.postal_address)


def _recipient_lines(s: Session, case: Case) -> tuple[docs.RecipientLine, ...]:
    return tuple(
        docs.RecipientLine(n.recipient.name, n.recipient.role, n.recipient.country)
        for n in notices_of(s, case)
    )


def _field_label(words: Wording, field: str) -> str:
    return words.text(f"rights.fields.{field}")


def _latest_changes(s: Session, case: Case) -> dict[str, str | None]:
    latest: dict[str, str | None] = {}
    for fc in s.scalars(
        select(FieldChange).where(FieldChange.case_id == case.id).order_by(FieldChange.id)
    ):
        latest[fc.field] = fc.new_value
    return latest


def _shown_value(words: Wording, field: str, value: str | None) -> str:
    if value is None:
        return words.text("rights.empty_value")
    if field in ("last_purchase", "last_contact"):
        return words.date(dt.date.fromisoformat(value))
    return value


def _rectified_items(s: Session, case: Case, words: Wording) -> tuple[tuple[str, str], ...]:
    return tuple(
        (_field_label(words, field), _shown_value(words, field, value))
        for field, value in sorted(
            _latest_changes(s, case).items(), key=lambda kv: RECTIFIABLE_FIELDS.index(kv[0])
        )
    )


def _restriction_items(
    s: Session, restrictions: Sequence[Restriction], words: Wording
) -> tuple[tuple[str, str], ...]:
    items: list[tuple[str, str]] = []
    for r in restrictions:
        scope = (
            _activity(s, r.activity_id).name
            if r.activity_id is not None
            else words.text("rights.whole_subject")
        )
        items.append((words.text("rights.scope"), scope))
        items.append((words.text("rights.ground"), words.text(f"rights.grounds.{r.ground}")))
        items.append((words.text("rights.since"), words.date(r.since)))
    return tuple(items)


def _erasure_letter(
    s: Session,
    case: Case,
    controller: docs.Controller,
    lang: str,
    erased: Sequence[ErasedItem],
    kept: Sequence[KeptItem],
    expiry: dt.date | None,
    today: dt.date,
    name_recipients: bool,
) -> docs.LetterData:
    words = wording(lang)
    items = [(e.activity, e.applies_to) for e in erased]
    items.append((words.text("rights.workbench_label"), words.text("rights.workbench_value")))
    kept_lines = tuple(
        docs.KeptLine(
            applies_to=f"{k.activity}: {k.applies_to}",
            reason=k.ground
            if k.decision == Decision.KEEP.value
            else f"{words.text('rights.decisions.restrict')}, {k.ground}",
            until=k.until,
        )
        for k in kept
    )
    base = _base_letter(
        case, "erasure-confirmation", controller, _person(case.subject), lang, today
    )
    return replace(
        base,
        items=tuple(items),
        kept=kept_lines,
        backup_expiry=expiry,
        effective=today,
        recipients=_recipient_lines(s, case) if name_recipients else (),
    )


def _notice_changes(s: Session, case: Case) -> tuple[str, ...]:
    changes: list[str] = []
    if s.scalar(select(FieldChange.id).where(FieldChange.case_id == case.id).limit(1)):
        changes.append(RequestType.RECTIFICATION.value)
    lines = erasure_lines(s, case)
    if any(ln.decision == Decision.ERASE.value for ln in lines):
        changes.append(RequestType.ERASURE.value)
    restricted = any(ln.decision == Decision.RESTRICT.value for ln in lines) or (
        s.scalar(select(Restriction.id).where(Restriction.case_id == case.id).limit(1)) is not None
    )
    if restricted:
        changes.append(RequestType.RESTRICTION.value)
    return tuple(changes)


def _notice_content(
    s: Session, case: Case, notice: RecipientNotice, words: Wording
) -> tuple[str, tuple[str, ...], tuple[tuple[str, str], ...]]:
    """Whom the notice concerns (as little as identifies the person), what changed, and the
    items the recipient needs to make the same change."""
    subject = case.subject
    require_not_erased(subject)
    concerning = subject.name
    if subject.customer_no:
        concerning += ", " + words.text("rights.concerning_customer_no").format(
            customer_no=subject.customer_no
        )
    changes = _notice_changes(s, case)
    if not changes:
        raise RuleViolation(f"Nothing on case {case.reference} needs a notice to recipients yet.")
    items: list[tuple[str, str]] = []
    if RequestType.RECTIFICATION.value in changes:
        items += _rectified_items(s, case, words)
    received_by = {
        a.id for a in active_activities(s) if any(r.id == notice.recipient_id for r in a.recipients)
    }
    for line in erasure_lines(s, case):
        if line.activity_id not in received_by:
            continue
        decision = words.text(f"rights.decisions.{line.decision}")
        if line.decision == Decision.KEEP.value and line.until is not None:
            kept = words.text("rights.kept_until").format(date=words.date(line.until))
            decision += f" ({kept})"
        items.append((f"{_activity(s, line.activity_id).name}: {line.applies_to}", decision))
    restrictions = [
        r
        for r in s.scalars(select(Restriction).where(Restriction.case_id == case.id))
        if r.lifted_on is None and (r.activity_id is None or r.activity_id in received_by)
    ]
    items += _restriction_items(s, restrictions, words)
    return concerning, changes, tuple(items)


def _letter_data(
    s: Session,
    case: Case,
    kind: str,
    lang: str,
    controller: docs.Controller,
    recipient_id: int | None,
    name_recipients: bool,
) -> tuple[docs.LetterData, RecipientNotice | None]:
    if kind == "erasure-confirmation":
        raise RuleViolation(
            "The erasure confirmation is written when the erasure is applied (it gives the "
            "date the last backup holding the data expires): use Apply erasure."
        )
    words = wording(lang)
    today = clock.today_oslo()
    subject = case.subject
    require_not_erased(subject)
    base = _base_letter(case, kind, controller, _person(subject), lang, today)
    recipients = _recipient_lines(s, case) if name_recipients else ()
    if kind == "rectification-confirmation":
        items = _rectified_items(s, case, words)
        if not items:
            raise RuleViolation(f"Nothing has been corrected on case {case.reference} yet.")
        return replace(base, items=items, recipients=recipients), None
    if kind in ("restriction-confirmation", "restriction-lift-notice"):
        stmt = select(Restriction).where(Restriction.lifted_on.is_(None))
        if kind == "restriction-confirmation":
            stmt = stmt.where(Restriction.case_id == case.id)
        else:
            stmt = stmt.where(Restriction.subject_id == subject.id)
        restrictions = list(s.scalars(stmt.order_by(Restriction.id)))
        if not restrictions:
            raise RuleViolation(f"No restriction in force for case {case.reference}.")
        if kind == "restriction-confirmation":
            effective = min(r.since for r in restrictions)
        else:
            planned = [r.until for r in restrictions if r.until is not None]
            effective = max(today, min(planned)) if planned else today
        return (
            replace(
                base,
                items=_restriction_items(s, restrictions, words),
                effective=effective,
                recipients=recipients,
            ),
            None,
        )
    if kind == "objection-confirmation":
        objections = [
            o
            for o in s.scalars(
                select(Objection).where(Objection.case_id == case.id).order_by(Objection.id)
            )
            if o.stopped_on is not None
        ]
        if not objections:
            raise RuleViolation(f"No processing has been stopped on case {case.reference}.")
        stopped: list[tuple[str, str]] = []
        for o in objections:
            assert o.stopped_on is not None
            stopped.append((words.text("rights.activity"), _activity(s, o.activity_id).name))
            stopped.append((words.text("rights.stopped"), words.date(o.stopped_on)))
        return (
            replace(
                base,
                items=tuple(stopped),
                effective=max(o.stopped_on for o in objections if o.stopped_on),
                requested_types=(RequestType.OBJECTION.value,),
            ),
            None,
        )
    if kind == "recipient-notice":
        if recipient_id is None:
            raise InvalidInput("Choose the recipient the notice is for.")
        notice = next((n for n in notices_of(s, case) if n.recipient_id == recipient_id), None)
        if notice is None:
            raise RuleViolation(f"Recipient {recipient_id} has no notice on case {case.reference}.")
        concerning, changes, items = _notice_content(s, case, notice, words)
        recipient: Recipient = notice.recipient
        return (
            replace(
                base,
                addressee=docs.Addressee(recipient.name, recipient.contact),
                concerning=concerning,
                requested_types=changes,
                items=items,
            ),
            notice,
        )
    raise InvalidInput(
        f"Unknown letter {kind!r}; use one of: {', '.join(docs.RIGHTS_LETTER_KINDS)}."
    )


def store_rights_letter(
    db: Database,
    reference: str,
    kind: str,
    lang: str,
    recipient_id: int | None = None,
    *,
    name_recipients: bool = False,
) -> StoredLetter:
    """Write a rights letter as PDF and keep it with the case (SHA-256 in the timeline)."""
    if lang not in LANGUAGES:
        raise InvalidInput(f"Unknown language {lang!r}; use nb or en.")
    controller = register.letter_controller(db)
    with db.session() as s:
        case = get_case(s, reference)
        data, notice = _letter_data(s, case, kind, lang, controller, recipient_id, name_recipients)
        pdf = docs.render_letter(data)
        sha = hashlib.sha256(pdf).hexdigest()
        if notice is not None:
            filename = f"{case.reference}-{kind}-{notice.recipient.code}-{lang}.pdf"
        else:
            filename = f"{case.reference}-{kind}-{lang}.pdf"
        doc = Document(
            kind="letter",
            filename=filename,
            media_type="application/pdf",
            content=pdf,
            sha256=sha,
            created_at=now_stored_utc(),
            created_by=current_user(),
        )
        case.documents.append(doc)
        s.flush()
        if notice is not None:
            notice.document_id = doc.id
        add_event(case, "letter", f"{kind} ({lang}) stored as {filename}, SHA-256 {sha}")
        return StoredLetter(doc.id, filename, pdf)


def render_rights_letter(
    db: Database,
    reference: str,
    kind: str,
    lang: str,
    recipient_id: int | None = None,
    *,
    name_recipients: bool = False,
) -> tuple[str, bytes]:
    """The letter's file name and PDF; it is also kept with the case."""
    letter = store_rights_letter(
        db, reference, kind, lang, recipient_id, name_recipients=name_recipients
    )
    return letter.filename, letter.content


def _plain(template: str, values: Mapping[str, str]) -> str | None:
    """A template filled as plain text (for an e-mail); None where it refers to an empty
    value, as in the letters."""
    if any(name in values and not values[name] for name in placeholders(template)):
        return None
    text = template.format_map(values)
    return re.sub(r"</?b>|<br/>", "", text)


def notice_email_text(db: Database, notice_id: int, lang: str) -> str:
    """The notice to a recipient as a plain e-mail to copy: subject line, then the text."""
    if lang not in LANGUAGES:
        raise InvalidInput(f"Unknown language {lang!r}; use nb or en.")
    controller = register.letter_controller(db)
    words = wording(lang)
    with db.session() as s:
        notice, case = _get_notice(s, notice_id)
        concerning, changes, items = _notice_content(s, case, notice, words)
        values = {
            "reference": case.reference,
            "concerning": concerning,
            "changes": words.join(words.text(f"rights.changes.{c}") for c in changes),
            "legal_name": controller.legal_name,
        }
        subject_line = _plain(words.text("letters.recipient-notice.email_subject"), values)
        lines = [f"{subject_line}", "", words.text("letters.recipient-notice.email_greeting"), ""]
        for template in words.raw("letters.recipient-notice.body"):
            paragraph = _plain(template, values)
            if paragraph:
                lines += [paragraph, ""]
        if items:
            lines.append(words.text("letters.recipient-notice.items_heading") + ":")
            lines += [f"- {label}: {value}" for label, value in items]
            lines.append("")
        lines.append(words.text("common.closing"))
        if controller.officer_name:
            lines.append(controller.officer_name)
        lines.append(_plain(words.text("letters.recipient-notice.email_signature"), values) or "")
        return "\n".join(lines).rstrip() + "\n"
