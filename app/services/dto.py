"""Plain data that crosses from the services to the GUI and the CLI (never ORM objects)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app.core.model import Channel, FeeDecision, RequestType, Role, Status


@dataclass(frozen=True)
class EmailEvidence:
    """The original e-mail file and what was read from it, to keep with the case."""

    filename: str
    raw: bytes
    sha256: str
    media_type: str
    sender_name: str
    sender_email: str | None
    reply_to: str | None
    forwarded_by: str | None
    subject_line: str
    body_text: str
    received_source: str
    attachment_names: tuple[str, ...]
    message_id: str | None


@dataclass(frozen=True)
class RequestInput:
    """One request as taken by phone, e-mail, letter or in person."""

    channel: Channel
    types: tuple[RequestType, ...]
    name: str
    received_at: dt.datetime  # aware; stored in UTC, counted in Europe/Oslo
    email: str | None = None
    phone: str | None = None
    address: str = ""
    customer_no: str | None = None
    roles: tuple[Role, ...] = ()
    notes: str = ""
    language: str = "nb"
    identity_method: str | None = None
    identity_result: str | None = None
    identity_notes: str = ""
    # Which subject: an existing one (id), a new one (new_subject), or neither: then an exact
    # match on e-mail, phone or customer number links it and anything else creates one.
    subject_id: int | None = None
    new_subject: bool = False
    # The once-a-year decision, where a free statement was given within 12 months.
    fee_decision: FeeDecision | None = None
    fee_amount: int | None = None
    refusal_reason: str | None = None  # why a fee is charged or the request refused
    email_evidence: EmailEvidence | None = None


@dataclass(frozen=True)
class SubjectMatch:
    subject_id: int
    pseudonym: str
    name: str
    emails: tuple[str, ...]
    phones: tuple[str, ...]
    customer_no: str | None
    matched_on: tuple[str, ...]  # "e-mail", "phone", "customer number", "name"


@dataclass(frozen=True)
class OpenCaseBrief:
    reference: str
    types: tuple[RequestType, ...]
    received: dt.date
    due: dt.date
    status: Status


@dataclass(frozen=True)
class IntakeCheck:
    """What the officer must see before saving a request."""

    matches: tuple[SubjectMatch, ...]
    duplicates: tuple[OpenCaseBrief, ...]  # open cases of the same type for the subject
    recent_free_statement: dt.date | None  # answered access case within 12 months
    needs_fee_decision: bool


@dataclass(frozen=True)
class LoggedRequest:
    reference: str
    subject_id: int
    subject_created: bool
    linked_on: tuple[str, ...]  # why an existing subject was linked, when it was automatic
    due: dt.date


@dataclass(frozen=True)
class CaseQuery:
    """Filters and sort of the case list; all applied in SQL."""

    text: str = ""
    statuses: tuple[Status, ...] = ()
    open_only: bool = False
    type: RequestType | None = None
    due_within_days: int | None = None  # open cases due within N days, overdue included
    overdue_only: bool = False
    received_from: dt.date | None = None
    received_to: dt.date | None = None
    sort: str = "due"  # reference|subject|types|channel|received|due|status
    descending: bool = False
    subject_id: int | None = None


@dataclass(frozen=True)
class CaseRow:
    id: int
    reference: str
    subject: str
    subject_id: int
    types: tuple[RequestType, ...]
    channel: Channel
    received: dt.date
    due: dt.date
    status: Status
    is_open: bool


@dataclass(frozen=True)
class EventView:
    at: dt.datetime  # UTC, aware
    user: str
    kind: str
    detail: str  # as written, in English words
    params: Mapping[str, Any] | None = None  # app/core/event_text.py: what is shown


@dataclass(frozen=True)
class DocumentView:
    id: int
    kind: str
    filename: str
    media_type: str
    sha256: str
    size: int
    created_at: dt.datetime
    sent_on: dt.date | None
    sent_method: str | None


@dataclass(frozen=True)
class EmailView:
    sender_name: str
    sender_email: str | None
    reply_to: str | None
    forwarded_by: str | None
    subject_line: str
    body_text: str
    received_source: str
    attachment_names: tuple[str, ...]


@dataclass(frozen=True)
class CaseDetail:
    id: int
    reference: str
    subject_id: int
    subject_name: str
    subject_pseudonym: str
    types: tuple[RequestType, ...]
    channel: Channel
    language: str
    received_at: dt.datetime  # aware UTC
    received: dt.date  # Europe/Oslo
    due: dt.date  # strict: the one that counts
    due_explanation: str
    adjusted_due: dt.date | None  # with the identity pause; shown beside, never instead
    status: Status
    is_open: bool
    extended: bool
    extension_decided_on: dt.date | None
    extension_reason: str | None
    extension_told_on: dt.date | None
    identity_method: str | None
    identity_result: str | None
    identity_notes: str | None
    identity_verified_on: dt.date | None
    identity_requested_on: dt.date | None
    identity_received_on: dt.date | None
    fee_decision: str | None
    fee_amount: int | None
    fee_reason: str | None
    refusal_reason: str | None
    answered_on: dt.date | None
    answer_method: str | None
    closed_on: dt.date | None
    call_notes: str
    contact_email: str | None
    contact_phone: str | None
    forwarded_by: str | None
    created_by: str
    events: tuple[EventView, ...]
    documents: tuple[DocumentView, ...]
    email: EmailView | None


@dataclass(frozen=True)
class SubjectRow:
    id: int
    pseudonym: str
    name: str
    emails: tuple[str, ...]
    phones: tuple[str, ...]
    roles: tuple[Role, ...]
    customer_no: str | None
    open_cases: int


@dataclass(frozen=True)
class SubjectDetail:
    id: int
    pseudonym: str
    name: str
    postal_address: str
    emails: tuple[str, ...]
    phones: tuple[str, ...]
    roles: tuple[Role, ...]
    customer_no: str | None
    supplier_no: str | None
    last_purchase: dt.date | None
    last_contact: dt.date | None
    erased: bool
    cases: tuple[CaseRow, ...] = field(default=())


@dataclass(frozen=True)
class CaseStats:
    open: int
    due_this_week: int  # open, due within 7 days, not yet overdue
    overdue: int
    awaiting_identity: int
