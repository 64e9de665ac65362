"""The case workflow: the guards every action on a case passes, changing its status, marking
it answered, and closing it under the closing rule (`app.core.closing`).

Each public function is one unit of work in one short session.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import clock
from app.core.closing import CloseBlocker, blocking, checks_for
from app.core.errors import InvalidInput, RuleViolation
from app.core.event_text import as_enum
from app.core.messages import Message
from app.core.model import OPEN_STATUSES, AnswerMethod, RequestType, Status, types_from_text
from app.core.rights import NoticeStatus
from app.services.common import add_event, get_case, limited_text
from app.services.drawing import draw_up_notices_in, erasure_lines
from app.store.database import Database
from app.store.models import Case, FieldChange, RecipientNotice, Subject

__all__ = [
    "change_status",
    "close_case",
    "mark_answered",
    "purge_rectification_history",
    "require_not_closed",
    "require_not_erased",
    "require_open",
    "require_type",
]


# --- guards ---------------------------------------------------------------------------------

# What the officer tried, as the guards' callers name it: each in both languages in the
# catalogue (workflow.action_*). A caller may pass a Message of its own instead.
_ACTIONS = {
    "mark it answered": "workflow.action_mark_answered",
    "extend it": "workflow.action_extend",
    "ask for identification": "workflow.action_ask_identification",
    "record a notice": "workflow.action_record_notice",
    "show an erasure matrix": "workflow.action_show_erasure_matrix",
    "draw up an erasure matrix": "workflow.action_draw_up_erasure_matrix",
    "change the erasure matrix": "workflow.action_change_erasure_matrix",
    "apply an erasure": "workflow.action_apply_erasure",
    "record a correction": "workflow.action_record_correction",
    "record an objection": "workflow.action_record_objection",
    "restrict processing": "workflow.action_restrict_processing",
    "add system tasks": "workflow.action_add_system_tasks",
    "tick off a system": "workflow.action_tick_off_system",
}


def action_message(action: str | Message) -> Message | str:
    """The action a guard refuses, in the reader's language where the catalogue has it."""
    if isinstance(action, Message):
        return action
    key = _ACTIONS.get(action)
    return Message(key) if key is not None else action


def require_open(case: Case, action: str | Message) -> None:
    if not case.is_open:
        raise RuleViolation(
            "workflow.not_open",
            reference=case.reference,
            status=Status(case.status),
            action=action_message(action),
        )


def require_not_closed(case: Case, action: str | Message) -> None:
    if case.status == Status.CLOSED:
        raise RuleViolation(
            "workflow.closed", reference=case.reference, action=action_message(action)
        )


def require_type(case: Case, kind: RequestType, action: str | Message) -> None:
    if kind not in types_from_text(case.types):
        raise RuleViolation(
            "workflow.not_of_type",
            reference=case.reference,
            type=RequestType(kind),
            action=action_message(action),
        )


def require_not_erased(subject: Subject) -> None:
    if subject.erased_at is not None:
        raise RuleViolation(
            "workflow.subject_erased",
            pseudonym=subject.pseudonym,
            on=subject.erased_at.date(),
        )


# --- status -----------------------------------------------------------------------------------


def change_status(db: Database, reference: str, status: Status, note: str = "") -> None:
    status = Status(status)
    if status == Status.CLOSED:
        # Closing has rules of its own (erasure applied, notices to recipients settled, old
        # values of corrected data cleared): one place enforces them.
        close_case(db, reference, note)
        return
    note = limited_text(note, "notes")
    with db.session() as s:
        case = get_case(s, reference)
        if case.status == status:
            raise RuleViolation("workflow.already_status", reference=reference, status=status)
        if status == Status.REFUSED and not (note or case.refusal_reason):
            raise InvalidInput("workflow.refusal_needs_reason")
        if status == Status.ANSWERED and case.answered_on is None:
            raise RuleViolation("workflow.answer_through_mark")
        previous = case.status
        case.status = status
        case.is_open = status in OPEN_STATUSES
        if case.is_open:
            case.closed_on = None
        if status == Status.REFUSED:
            case.refusal_reason = note or case.refusal_reason
        add_event(
            case,
            "status",
            f"{previous} → {status.value}" + (f"\n{note}" if note else ""),
            previous=Status(previous),
            status=status,
            note=note,
        )


def mark_answered(
    db: Database, reference: str, *, on: dt.date, method: str, note: str = ""
) -> None:
    try:
        answer_method = AnswerMethod(method.strip())
    except ValueError:
        raise InvalidInput("workflow.answer_method_unknown", methods=list(AnswerMethod)) from None
    note = limited_text(note, "notes")
    with db.session() as s:
        case = get_case(s, reference)
        require_open(case, "mark it answered")
        if on < case.received_date:
            raise InvalidInput("workflow.answer_before_receipt")
        if on > clock.today_oslo():
            raise InvalidInput("workflow.answer_in_future")
        case.answered_on = on
        case.answer_method = answer_method
        previous = case.status
        case.status = Status.ANSWERED
        case.is_open = False
        late = on > case.due_date
        add_event(
            case,
            "answered",
            f"{on.isoformat()} by {answer_method}; {previous} → answered"
            + (f"; {(on - case.due_date).days} days after the due date" if late else "")
            + (f"\n{note}" if note else ""),
            form="late" if late else None,
            on=on,
            method=as_enum(method, AnswerMethod),
            previous=Status(previous),
            status=Status.ANSWERED,
            days=(on - case.due_date).days if late else None,
            note=note,
        )


# --- closing ------------------------------------------------------------------------------------


def purge_rectification_history(s: Session, case: Case) -> int:
    """The old values were the inaccurate data: gone when the case closes. Returns how many."""
    count = 0
    for change in s.scalars(select(FieldChange).where(FieldChange.case_id == case.id)):
        if change.old_value is not None:
            change.old_value = None
            count += 1
    return count


def _erasure_pending(s: Session, case: Case) -> bool:
    if RequestType.ERASURE not in types_from_text(case.types) or case.subject.erased_at:
        return False
    return not any(line.applied_on is not None for line in erasure_lines(s, case))


def close_case(db: Database, reference: str, note: str = "") -> None:
    """Close an answered, refused or withdrawn case. An erasure must have been applied, and
    every notice to a recipient settled, or the close note says why not. The old values of
    corrected data are cleared."""
    note = limited_text(note, "close note")
    with db.session() as s:
        case = get_case(s, reference)
        status = case.status
        if status == Status.CLOSED:
            raise RuleViolation(
                "workflow.already_status", reference=reference, status=Status.CLOSED
            )
        present: set[CloseBlocker] = set()
        open_notices: list[RecipientNotice] = []
        checks = checks_for(status)
        if CloseBlocker.ERASURE_NOT_APPLIED in checks and _erasure_pending(s, case):
            present.add(CloseBlocker.ERASURE_NOT_APPLIED)
        if CloseBlocker.OPEN_NOTICES in checks:
            # Closing is the last moment the notices an answered case makes due are drawn up.
            open_notices = [n for n in draw_up_notices_in(s, case) if n.status == NoticeStatus.OPEN]
            if open_notices:
                present.add(CloseBlocker.OPEN_NOTICES)
        blocker = blocking(status, present, note=bool(note))
        if blocker is CloseBlocker.NOT_SETTLED:
            raise RuleViolation(
                "workflow.close_not_settled", reference=reference, status=Status(case.status)
            )
        if blocker is CloseBlocker.ERASURE_NOT_APPLIED:
            raise RuleViolation("workflow.close_erasure_pending", reference=reference)
        if blocker is CloseBlocker.OPEN_NOTICES:
            names = ", ".join(n.recipient.name for n in open_notices)
            raise RuleViolation("workflow.close_open_notices", count=len(open_notices), names=names)
        previous = case.status
        case.status = Status.CLOSED
        case.is_open = False
        case.closed_on = clock.today_oslo()
        case.close_note = note or None
        cleared = purge_rectification_history(s, case)
        add_event(
            case,
            "status",
            f"{previous} → closed" + (f"\n{note}" if note else ""),
            previous=Status(previous),
            status=Status.CLOSED,
            note=note,
        )
        if open_notices:
            add_event(
                case,
                "closed with open notices",
                ", ".join(n.recipient.name for n in open_notices),
                recipients=[n.recipient.name for n in open_notices],
            )
        if cleared:
            add_event(
                case, "rectification history cleared", f"{cleared} old value(s)", count=cleared
            )
