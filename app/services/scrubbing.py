"""The one scrubber: what erasure (Art. 17) and the de-identification of old closed cases do
to the personal data the workbench holds.

Which columns hold personal data, and how each is scrubbed, is declared once, in
`PERSONAL`; every other column is declared in `NOT_PERSONAL` (ids, dates, enums, hashes,
flags, the register's own entries). A test walks every column of the models and fails on one
that is in neither, so a new column needs one edit here to be scrubbed.

Both paths scrub alike; they differ only in the marker left where something was removed
("[erased]" or "[de-identified]"), so the record shows that, and why, something is gone.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import PurePath
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.event_text import NOTE
from app.core.text import sort_key
from app.core.timeline import FIRST_LINE_EVENT_KINDS, KEPT_EVENT_KINDS
from app.store import fts
from app.store.models import (
    Base,
    Case,
    CaseEmail,
    CaseEvent,
    Document,
    ErasureLine,
    FieldChange,
    Finding,
    Objection,
    RecipientNotice,
    Subject,
    SystemTask,
)

__all__ = [
    "DEIDENTIFICATION",
    "ERASURE",
    "NOT_PERSONAL",
    "PERSONAL",
    "Scrub",
    "Scrubbing",
    "deidentify_cases",
    "erase_subject",
    "needles_of",
    "scrub_text",
]


class Scrub(Enum):
    """How a column holding personal data is scrubbed."""

    PSEUDONYM = "the person's name becomes their pseudonym"
    PSEUDONYM_SORT_KEY = "the sort key of the pseudonym"
    EMPTY = "emptied"
    NULL = "set to NULL"
    MARK = "the marker where there was something"
    NEEDLES = "the person's own strings replaced by the marker"
    CONTENT = "the bytes removed (the SHA-256 stays)"
    FILE_NAME = "a name from the kind and id, the extension kept"
    TIMELINE = "by the event's kind: kept, first line kept, or the marker"
    TIMELINE_PARAMS = "by the event's kind: strings scrubbed and the note marked, or NULL"
    ROW = "the row goes with the person's record"


# Table -> column -> how it is scrubbed. Tables of the person's record (subject and its
# e-mails and phones) are scrubbed when the person is erased; the others with each case.
PERSONAL: Mapping[str, Mapping[str, Scrub]] = {
    "subject": {
        "name": Scrub.PSEUDONYM,
        "sort_name": Scrub.PSEUDONYM_SORT_KEY,
        "postal_address": Scrub.EMPTY,
        "customer_no": Scrub.NULL,
        "supplier_no": Scrub.NULL,
        "last_purchase": Scrub.NULL,
        "last_contact": Scrub.NULL,
    },
    "subject_email": {"address": Scrub.ROW},
    "subject_phone": {"e164": Scrub.ROW},
    "case_": {
        "extension_reason": Scrub.NEEDLES,
        "identity_notes": Scrub.MARK,
        "fee_reason": Scrub.NEEDLES,
        "refusal_reason": Scrub.NEEDLES,
        "call_notes": Scrub.MARK,
        "close_note": Scrub.NEEDLES,
        "contact_email": Scrub.NULL,
        "contact_phone": Scrub.NULL,
        "forwarded_by": Scrub.NULL,
    },
    "case_event": {"detail": Scrub.TIMELINE, "params": Scrub.TIMELINE_PARAMS},
    "document": {"filename": Scrub.FILE_NAME, "content": Scrub.CONTENT},
    "case_email": {
        "sender_name": Scrub.EMPTY,
        "sender_email": Scrub.NULL,
        "reply_to": Scrub.NULL,
        "forwarded_by": Scrub.NULL,
        "subject_line": Scrub.MARK,
        "body_text": Scrub.MARK,
        "attachment_names": Scrub.EMPTY,
        "message_id": Scrub.NULL,
    },
    "finding": {"notes": Scrub.EMPTY},
    "erasure_line": {"ground": Scrub.NEEDLES, "reason": Scrub.NEEDLES},
    "system_task": {"notes": Scrub.NEEDLES},
    "field_change": {"old_value": Scrub.NULL, "new_value": Scrub.NULL},
    "objection": {"outcome": Scrub.NEEDLES},
    "recipient_notice": {"reason": Scrub.NEEDLES},
}

_ALL = frozenset({"*"})  # every column of the table

# Table -> the columns that hold no personal data of a data subject.
NOT_PERSONAL: Mapping[str, frozenset[str]] = {
    "database_info": _ALL,
    "reference_counter": _ALL,
    "subject": frozenset({"id", "pseudonym", "roles", "created_at", "erased_at"}),
    "subject_email": frozenset({"id", "subject_id"}),
    "subject_phone": frozenset({"id", "subject_id"}),
    "case_": frozenset(
        {
            "id",
            "reference",
            "subject_id",
            "types",
            "channel",
            "language",
            "received_at",
            "received_date",
            "due_date",
            "status",
            "is_open",
            "extended",
            "extension_decided_on",
            "extension_told_on",
            "identity_method",
            "identity_result",
            "identity_verified_on",
            "identity_requested_on",
            "identity_received_on",
            "fee_decision",
            "fee_amount",
            "answered_on",
            "answer_method",
            "closed_on",
            "deidentified_at",
            "created_at",
            "created_by",  # the officer's OS user, not the person's
        }
    ),  # fmt: skip
    "case_event": frozenset({"id", "case_id", "at", "user", "kind"}),
    "document": frozenset(
        {
            "id",
            "case_id",
            "kind",
            "media_type",
            "sha256",
            "created_at",
            "created_by",
            "sent_on",
            "sent_method",
        }
    ),  # fmt: skip
    "case_email": frozenset({"id", "case_id", "document_id", "received_source"}),
    # The register (Art. 30) describes the controller's processing and the organisations it
    # works with; it names no data subject.
    "activity_recipient": _ALL,
    "activity_system": _ALL,
    "retention_rule": _ALL,
    "recipient": _ALL,
    "system": _ALL,
    "processing_activity": _ALL,
    "activity_retention": _ALL,
    "finding": frozenset(
        {
            "id",
            "case_id",
            "system_id",
            "searched_on",
            "found",
            "document_id",
            "categories",
        }  # the register's categories of data, not the data found
    ),  # fmt: skip
    "erasure_line": frozenset(
        {
            "id",
            "case_id",
            "activity_id",
            "applies_to",
            "decision",
            "until",
            "is_default",
            "applied_on",
        }
    ),  # fmt: skip
    "system_task": frozenset({"id", "case_id", "system_id", "kind", "done_on"}),
    "field_change": frozenset({"id", "case_id", "field", "changed_at"}),
    "restriction": _ALL,  # ids, an Art. 18(1) letter and dates
    "objection": frozenset(
        {
            "id",
            "subject_id",
            "activity_id",
            "case_id",
            "recorded_on",
            "direct_marketing",
            "stopped_on",
        }
    ),  # fmt: skip
    "recipient_notice": frozenset(
        {"id", "case_id", "recipient_id", "status", "notified_on", "method", "document_id"}
    ),
    "setting": _ALL,  # the controller's profile and the workbench's settings
    # Ids, pseudonyms and field names by design; hash-chained, never rewritten.
    "audit_log": _ALL,
    "audit_anchor": _ALL,
}


@dataclass(frozen=True)
class Scrubbing:
    marker: str  # left where something was removed
    file_prefix: str  # of a stored document's name once its content is gone


ERASURE = Scrubbing("[erased]", "erased")
DEIDENTIFICATION = Scrubbing("[de-identified]", "deidentified")

# The tables scrubbed with a case, each by the column naming its case.
_CASE_MODELS: tuple[type[Base], ...] = (
    Case,
    Document,
    CaseEmail,
    FieldChange,
    Finding,
    SystemTask,
    RecipientNotice,
    ErasureLine,
    Objection,
)


def needles_of(s: Session, subject: Subject) -> list[str]:
    """The person's own strings, to scrub from free text the workbench keeps."""
    found: list[str] = [subject.name, *(e.address for e in subject.emails)]
    for p in subject.phones:
        found += [p.e164, fts.national_digits(p.e164)]
    found += [subject.customer_no or "", subject.supplier_no or ""]
    found += [line.strip() for line in subject.postal_address.splitlines()]
    case_ids = [c.id for c in subject.cases]
    for fc in s.scalars(select(FieldChange).where(FieldChange.case_id.in_(case_ids))):
        found += [fc.old_value or "", fc.new_value or ""]
    for c in subject.cases:
        found += [c.contact_email or "", c.contact_phone or ""]
    # Whole values only, long enough not to hit ordinary words; a date alone names nobody.
    return sorted(
        {n for n in found if len(n) >= 4 and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", n)},
        key=len,
        reverse=True,
    )


def scrub_text(text: str | None, needles: Sequence[str], marker: str) -> str | None:
    """`text` with each of the person's strings replaced by the marker."""
    if not text:
        return text
    for needle in needles:
        # Not inside a longer word or number (a customer number inside a SHA-256, say).
        pattern = rf"(?<!\w){re.escape(needle)}(?!\w)"
        text = re.sub(pattern, marker, text, flags=re.IGNORECASE)
    return text


def _event_detail(kind: str, detail: str, needles: Sequence[str], marker: str) -> str:
    if not detail or kind in KEPT_EVENT_KINDS:
        return scrub_text(detail, needles, marker) or ""
    if kind in FIRST_LINE_EVENT_KINDS:
        first, _, rest = detail.partition("\n")
        return (scrub_text(first, needles, marker) or "") + (f"\n{marker}" if rest.strip() else "")
    return marker


def _scrubbed_param(value: Any, needles: Sequence[str], marker: str) -> Any:
    if isinstance(value, str):
        return scrub_text(value, needles, marker)
    if isinstance(value, list):
        return [_scrubbed_param(v, needles, marker) for v in value]
    if isinstance(value, dict):
        return {k: _scrubbed_param(v, needles, marker) for k, v in value.items()}
    return value


def _event_params(
    kind: str, params: Mapping[str, Any] | None, needles: Sequence[str], marker: str
) -> dict[str, Any] | None:
    """As `_event_detail`, for the parameters the detail is shown from: where the detail
    becomes the marker, so does what is shown (no parameters: the detail is shown)."""
    if params is None or kind not in KEPT_EVENT_KINDS | FIRST_LINE_EVENT_KINDS:
        return None
    scrubbed = {k: _scrubbed_param(v, needles, marker) for k, v in params.items()}
    if kind in FIRST_LINE_EVENT_KINDS and scrubbed.get(NOTE):
        scrubbed[NOTE] = marker
    return scrubbed


def _scrubbed(rule: Scrub, row: Any, column: str, needles: Sequence[str], how: Scrubbing) -> Any:
    value = getattr(row, column)
    match rule:
        case Scrub.PSEUDONYM:
            return row.pseudonym
        case Scrub.PSEUDONYM_SORT_KEY:
            return sort_key(row.pseudonym)
        case Scrub.EMPTY:
            return ""
        case Scrub.NULL:
            return None
        case Scrub.MARK:
            if value:
                return how.marker
            return None if row.__table__.c[column].nullable else ""
        case Scrub.NEEDLES:
            return scrub_text(value, needles, how.marker)
        case Scrub.CONTENT:
            return b""
        case Scrub.FILE_NAME:
            suffix = PurePath(value).suffix
            suffix = suffix if re.fullmatch(r"\.[A-Za-z0-9]{1,8}", suffix) else ""
            return f"{how.file_prefix}-{row.kind}-{row.id}{suffix}"
        case Scrub.TIMELINE:
            return _event_detail(row.kind, value or "", needles, how.marker)
        case Scrub.TIMELINE_PARAMS:
            return _event_params(row.kind, value, needles, how.marker)
        case Scrub.ROW:
            raise ValueError(f"{column}: its row is deleted, not scrubbed")


def scrub_row(row: Base, needles: Sequence[str], how: Scrubbing) -> bool:
    """Scrub the declared personal columns of one row; whether any value changed."""
    changed = False
    table = type(row).__tablename__
    for column, rule in PERSONAL.get(table, {}).items():
        if rule is Scrub.ROW:
            continue
        new = _scrubbed(rule, row, column, needles, how)
        if new != getattr(row, column):
            setattr(row, column, new)
            changed = True
    return changed


def _case_rows(s: Session, model: type[Base], case_ids: Sequence[int]) -> list[Any]:
    columns = model.__table__.c
    key = columns["id" if model is Case else "case_id"]
    return list(s.scalars(select(model).where(key.in_(case_ids)).order_by(columns["id"])))


@dataclass(frozen=True)
class _Scrubbed:
    rows: Mapping[type[Base], int]  # rows of each table that held something
    events: int  # timeline details changed


def _scrub_cases(
    s: Session,
    case_ids: Sequence[int],
    needles: Sequence[str],
    how: Scrubbing,
    now: dt.datetime,
    *,
    objections: Iterable[Objection] | None = None,
) -> _Scrubbed:
    counts: dict[type[Base], int] = {}
    for model in _CASE_MODELS:
        rows = (
            list(objections)
            if model is Objection and objections is not None
            else _case_rows(s, model, case_ids)
        )
        for row in rows:
            scrub_row(row, needles, how)
        counts[model] = len(rows)
    for c in _case_rows(s, Case, case_ids):
        c.deidentified_at = now
    s.flush()
    events = sum(
        1 for event in _case_rows(s, CaseEvent, case_ids) if scrub_row(event, needles, how)
    )
    return _Scrubbed(counts, events)


def deidentify_cases(
    s: Session, cases: Sequence[Case], needles: Sequence[str], now: dt.datetime
) -> None:
    """The cases' own record of the person, de-identified; their references, types, dates,
    statuses and the kinds and times of their timelines stay, for accountability. The
    person's record stays (another reason keeps it)."""
    _scrub_cases(s, [c.id for c in cases], needles, DEIDENTIFICATION, now)


def erase_subject(s: Session, subject: Subject, now: dt.datetime) -> tuple[str, ...]:
    """Erase or de-identify everything the workbench holds about the person, their record
    and every case of theirs; what was done, in words (counts only)."""
    needles = needles_of(s, subject)
    cases = list(subject.cases)
    case_ids = [c.id for c in cases]
    done: list[str] = [f"name (replaced by the pseudonym {subject.pseudonym})"]
    if subject.postal_address:
        done.append("postal address")
    if subject.emails:
        done.append(f"{len(subject.emails)} e-mail address(es)")
    if subject.phones:
        done.append(f"{len(subject.phones)} phone number(s)")
    if subject.customer_no or subject.supplier_no:
        done.append("customer and supplier numbers")
    if subject.last_purchase or subject.last_contact:
        done.append("dates of the last purchase and contact")

    scrub_row(subject, needles, ERASURE)
    subject.emails.clear()
    subject.phones.clear()
    subject.erased_at = now
    s.flush()
    fts.remove_subject(s.connection(), subject.id)
    done.append("the search index entry")

    objections = s.scalars(select(Objection).where(Objection.subject_id == subject.id))
    scrubbed = _scrub_cases(s, case_ids, needles, ERASURE, now, objections=objections)
    done.append(f"contact details and call notes of {len(cases)} case(s)")
    if documents := scrubbed.rows[Document]:
        done.append(f"{documents} stored document(s): content removed, SHA-256 kept")
    if emails := scrubbed.rows[CaseEmail]:
        done.append(f"{emails} imported e-mail(s): sender, subject line and text")
    if changes := scrubbed.rows[FieldChange]:
        done.append(f"{changes} recorded correction(s): old and new values")
    if findings := scrubbed.rows[Finding]:
        done.append(f"notes of {findings} search finding(s)")
    if scrubbed.events:
        done.append(f"{scrubbed.events} timeline detail(s) (kind, time and user kept)")
    return tuple(done)
