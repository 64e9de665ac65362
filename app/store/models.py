"""SQLAlchemy 2 typed models: the case database.

Timestamps are aware datetimes in Python and naive UTC text in the database (SQLite has no
time zones; see `UtcDateTime`); deadline dates are calendar dates in Europe/Oslo.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from app.core.model import AnswerMethod, Channel, FeeDecision, IdentityResult, RecipientRole, Status
from app.core.retention import AfterEvent
from app.core.rights import Decision, NoticeStatus, TaskKind
from app.store.enumtypes import EnumText


class UtcDateTime(TypeDecorator[dt.datetime]):
    """A moment: an aware datetime in Python, stored as the naive UTC `DateTime` it always
    was (so older databases read the same and nothing is migrated). A naive datetime is
    refused when bound: it could be UTC or Oslo's wall clock, and nothing here can tell."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"A moment to store ({value.isoformat()}) must carry a time zone.")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(
        self, value: dt.datetime | None, dialect: Dialect
    ) -> dt.datetime | None:
        return None if value is None else value.replace(tzinfo=dt.UTC)


class Base(DeclarativeBase):
    pass


class DatabaseInfo(Base):
    """One row: the database's own identity (its id names its key in the keyring)."""

    __tablename__ = "database_info"
    id: Mapped[int] = mapped_column(primary_key=True)
    database_id: Mapped[str] = mapped_column(String(36), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    created_by_version: Mapped[str] = mapped_column(String(32))


class ReferenceCounter(Base):
    """Case references YYYY-NNNN are numbered per year and never reused."""

    __tablename__ = "reference_counter"
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_number: Mapped[int] = mapped_column(Integer, default=0)


# --- data subjects -------------------------------------------------------------------------


class Subject(Base):
    __tablename__ = "subject"
    id: Mapped[int] = mapped_column(primary_key=True)
    # A stable pseudonym (S-000042) that survives erasure, for logs and exports.
    pseudonym: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(Text, default="")
    sort_name: Mapped[str] = mapped_column(Text, default="", index=True)  # core.text.sort_key
    postal_address: Mapped[str] = mapped_column(Text, default="")
    roles: Mapped[str] = mapped_column(String(64), default="")  # comma separated Role values
    customer_no: Mapped[str | None] = mapped_column(String(64), index=True)
    supplier_no: Mapped[str | None] = mapped_column(String(64), index=True)
    last_purchase: Mapped[dt.date | None] = mapped_column(Date)
    last_contact: Mapped[dt.date | None] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    erased_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)

    emails: Mapped[list[SubjectEmail]] = relationship(
        back_populates="subject", cascade="all, delete-orphan", order_by="SubjectEmail.id"
    )
    phones: Mapped[list[SubjectPhone]] = relationship(
        back_populates="subject", cascade="all, delete-orphan", order_by="SubjectPhone.id"
    )
    cases: Mapped[list[Case]] = relationship(back_populates="subject")

    # The few erased subjects, so the register's size is the table's count less these
    # (a scan of the table for erased_at IS NULL read all of it: 1M subjects, 0.4 s).
    __table_args__ = (
        Index("ix_subject_erased", "erased_at", sqlite_where=text("erased_at IS NOT NULL")),
        # A page of the retention sweep is a range of these dates (the whole sweep is
        # counted in one pass over the table, without them).
        Index("ix_subject_last_purchase", "last_purchase"),
        Index("ix_subject_last_contact", "last_contact"),
    )


class SubjectEmail(Base):
    __tablename__ = "subject_email"
    id: Mapped[int] = mapped_column(primary_key=True)
    subject_id: Mapped[int] = mapped_column(
        ForeignKey("subject.id", ondelete="CASCADE"), index=True
    )
    address: Mapped[str] = mapped_column(String(320), index=True)  # normalised, lower-case
    subject: Mapped[Subject] = relationship(back_populates="emails")


class SubjectPhone(Base):
    __tablename__ = "subject_phone"
    id: Mapped[int] = mapped_column(primary_key=True)
    subject_id: Mapped[int] = mapped_column(
        ForeignKey("subject.id", ondelete="CASCADE"), index=True
    )
    e164: Mapped[str] = mapped_column(String(20), index=True)
    subject: Mapped[Subject] = relationship(back_populates="phones")


# --- cases ----------------------------------------------------------------------------------


class Case(Base):
    __tablename__ = "case_"
    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(16), unique=True)
    subject_id: Mapped[int] = mapped_column(ForeignKey("subject.id"), index=True)
    types: Mapped[str] = mapped_column(String(80))  # canonical comma separated RequestTypes
    channel: Mapped[Channel] = mapped_column(EnumText(Channel, 16))
    language: Mapped[str] = mapped_column(String(2), default="nb")
    received_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)  # UTC
    received_date: Mapped[dt.date] = mapped_column(Date)  # Europe/Oslo date of receipt
    # The strict deadline that counts (kept in step with received_date and extended).
    due_date: Mapped[dt.date] = mapped_column(Date, index=True)
    status: Mapped[Status] = mapped_column(EnumText(Status, 24))  # indexed with the due date, below
    is_open: Mapped[bool] = mapped_column(Boolean, default=True)

    extended: Mapped[bool] = mapped_column(Boolean, default=False)
    extension_decided_on: Mapped[dt.date | None] = mapped_column(Date)
    extension_reason: Mapped[str | None] = mapped_column(Text)
    extension_told_on: Mapped[dt.date | None] = mapped_column(Date)

    identity_method: Mapped[str | None] = mapped_column(String(80))
    identity_result: Mapped[IdentityResult | None] = mapped_column(EnumText(IdentityResult, 16))
    identity_notes: Mapped[str | None] = mapped_column(Text)
    identity_verified_on: Mapped[dt.date | None] = mapped_column(Date)
    identity_requested_on: Mapped[dt.date | None] = mapped_column(Date)
    identity_received_on: Mapped[dt.date | None] = mapped_column(Date)

    fee_decision: Mapped[FeeDecision | None] = mapped_column(EnumText(FeeDecision, 8))
    fee_amount: Mapped[int | None] = mapped_column(Integer)  # whole kroner
    fee_reason: Mapped[str | None] = mapped_column(Text)  # why: Art. 12(5)
    refusal_reason: Mapped[str | None] = mapped_column(Text)

    answered_on: Mapped[dt.date | None] = mapped_column(Date)
    answer_method: Mapped[AnswerMethod | None] = mapped_column(EnumText(AnswerMethod, 16))
    closed_on: Mapped[dt.date | None] = mapped_column(Date)

    call_notes: Mapped[str] = mapped_column(Text, default="")
    close_note: Mapped[str | None] = mapped_column(Text)  # why closed with a notice open
    deidentified_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    contact_email: Mapped[str | None] = mapped_column(String(320))
    contact_phone: Mapped[str | None] = mapped_column(String(20))
    forwarded_by: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    created_by: Mapped[str] = mapped_column(String(64))

    subject: Mapped[Subject] = relationship(back_populates="cases")
    events: Mapped[list[CaseEvent]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseEvent.id"
    )
    documents: Mapped[list[Document]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Document.id"
    )

    __table_args__ = (
        Index("ix_case_received", "received_at"),
        Index("ix_case_open_due", "is_open", "due_date"),
        # Every order of the case list is an index, so its first page (and, read backwards,
        # its last) is found without sorting the whole log. A status filter reads its page in
        # due-date order straight from (status, due_date), and counts from it.
        Index("ix_case_status_due", "status", "due_date"),
        Index("ix_case_reference_order", "received_date", "reference"),
        Index("ix_case_types", "types"),
        Index("ix_case_channel", "channel"),
        Index("ix_case_closed_on", "closed_on"),  # a page of the retention sweep
    )


class CaseEvent(Base):
    """The case's timeline: every change, with time (UTC) and the OS user."""

    __tablename__ = "case_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_.id", ondelete="CASCADE"), index=True)
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    user: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str] = mapped_column(Text, default="")
    # The kind's parameters (app/core/event_text.py), rendered in the reader's language;
    # NULL where the event is only its stored text (older than parameters, or unparseable).
    params: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    case: Mapped[Case] = relationship(back_populates="events")


class Document(Base):
    """A file kept with a case as evidence: an original e-mail, a generated letter."""

    __tablename__ = "document"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))  # "email", "letter", "finding", ...
    filename: Mapped[str] = mapped_column(Text)
    media_type: Mapped[str] = mapped_column(String(80))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    created_by: Mapped[str] = mapped_column(String(64))
    sent_on: Mapped[dt.date | None] = mapped_column(Date)
    sent_method: Mapped[AnswerMethod | None] = mapped_column(EnumText(AnswerMethod, 16))
    case: Mapped[Case] = relationship(back_populates="documents")


class CaseEmail(Base):
    """What was read from an imported e-mail (the file itself is a Document)."""

    __tablename__ = "case_email"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    sender_name: Mapped[str] = mapped_column(Text, default="")
    sender_email: Mapped[str | None] = mapped_column(String(320))
    reply_to: Mapped[str | None] = mapped_column(String(320))
    forwarded_by: Mapped[str | None] = mapped_column(Text)
    subject_line: Mapped[str] = mapped_column(Text, default="")
    body_text: Mapped[str] = mapped_column(Text, default="")
    received_source: Mapped[str] = mapped_column(String(20))
    attachment_names: Mapped[str] = mapped_column(Text, default="")  # one per line
    message_id: Mapped[str | None] = mapped_column(Text)


# --- the processing register (Art. 30) -------------------------------------------------------

activity_recipient = Table(
    "activity_recipient",
    Base.metadata,
    Column(
        "activity_id", ForeignKey("processing_activity.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("recipient_id", ForeignKey("recipient.id", ondelete="CASCADE"), primary_key=True),
)

activity_system = Table(
    "activity_system",
    Base.metadata,
    Column(
        "activity_id", ForeignKey("processing_activity.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("system_id", ForeignKey("system.id", ondelete="CASCADE"), primary_key=True),
)


# The register is bilingual (issue 13): a text a letter or statement prints is in English in its
# plain column and in Bokmål in the `_nb` one; "" is a text not written yet, which a document in
# that language refuses rather than fill with the other language (services/register.py,
# `texts_in`). Category lists run line by line in both.


class RetentionRule(Base):
    """A period after an event, or 'as required by law', with its legal reference."""

    __tablename__ = "retention_rule"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(48), unique=True)
    description: Mapped[str] = mapped_column(Text)
    description_nb: Mapped[str] = mapped_column(Text, default="", server_default="")
    period_years: Mapped[int] = mapped_column(Integer, default=0)
    period_months: Mapped[int] = mapped_column(Integer, default=0)
    after_event: Mapped[AfterEvent] = mapped_column(EnumText(AfterEvent, 32))
    legal_reference: Mapped[str] = mapped_column(Text, default="")
    legal_reference_nb: Mapped[str] = mapped_column(Text, default="", server_default="")
    justification: Mapped[str] = mapped_column(Text, default="")
    retired_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)


class Recipient(Base):
    __tablename__ = "recipient"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(48), unique=True)
    name: Mapped[str] = mapped_column(Text)
    name_nb: Mapped[str] = mapped_column(Text, default="", server_default="")
    role: Mapped[RecipientRole] = mapped_column(EnumText(RecipientRole, 32))
    country: Mapped[str] = mapped_column(String(64), default="Norway")
    country_nb: Mapped[str] = mapped_column(String(64), default="", server_default="")
    dpa_reference: Mapped[str] = mapped_column(Text, default="")
    dpa_date: Mapped[dt.date | None] = mapped_column(Date)
    contact: Mapped[str] = mapped_column(Text, default="")
    retired_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)


class System(Base):
    __tablename__ = "system"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(48), unique=True)
    name: Mapped[str] = mapped_column(Text)
    name_nb: Mapped[str] = mapped_column(Text, default="", server_default="")
    owner: Mapped[str] = mapped_column(Text, default="")
    holds: Mapped[str] = mapped_column(Text, default="")
    retired_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)


class ProcessingActivity(Base):
    __tablename__ = "processing_activity"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(48), unique=True)
    name: Mapped[str] = mapped_column(Text)
    purpose: Mapped[str] = mapped_column(Text)
    legal_basis: Mapped[str] = mapped_column(String(16))  # Art. 6(1) letter, e.g. "b"
    legal_basis_text: Mapped[str] = mapped_column(Text)
    data_categories: Mapped[str] = mapped_column(Text)  # one per line
    subject_categories: Mapped[str] = mapped_column(Text)  # one per line
    source: Mapped[str] = mapped_column(Text)
    transfers: Mapped[str] = mapped_column(Text, default="")  # outside the EEA, with safeguard
    name_nb: Mapped[str] = mapped_column(Text, default="", server_default="")
    purpose_nb: Mapped[str] = mapped_column(Text, default="", server_default="")
    legal_basis_text_nb: Mapped[str] = mapped_column(Text, default="", server_default="")
    data_categories_nb: Mapped[str] = mapped_column(Text, default="", server_default="")
    subject_categories_nb: Mapped[str] = mapped_column(Text, default="", server_default="")
    source_nb: Mapped[str] = mapped_column(Text, default="", server_default="")
    transfers_nb: Mapped[str] = mapped_column(Text, default="", server_default="")
    security_measures: Mapped[str] = mapped_column(Text, default="")
    retired_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)

    recipients: Mapped[list[Recipient]] = relationship(secondary=activity_recipient)
    systems: Mapped[list[System]] = relationship(secondary=activity_system)
    retention: Mapped[list[ActivityRetention]] = relationship(
        back_populates="activity", cascade="all, delete-orphan", order_by="ActivityRetention.id"
    )


class ActivityRetention(Base):
    """Which retention rule applies to which data of an activity."""

    __tablename__ = "activity_retention"
    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("processing_activity.id", ondelete="CASCADE"), index=True
    )
    rule_id: Mapped[int] = mapped_column(ForeignKey("retention_rule.id"))
    applies_to: Mapped[str] = mapped_column(Text)
    applies_to_nb: Mapped[str] = mapped_column(Text, default="", server_default="")
    activity: Mapped[ProcessingActivity] = relationship(back_populates="retention")
    rule: Mapped[RetentionRule] = relationship()

    __table_args__ = (UniqueConstraint("activity_id", "rule_id", "applies_to"),)


class Finding(Base):
    """What the officer found in one system for an access case (the search checklist)."""

    __tablename__ = "finding"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_.id", ondelete="CASCADE"), index=True)
    system_id: Mapped[int] = mapped_column(ForeignKey("system.id"))
    searched_on: Mapped[dt.date | None] = mapped_column(Date)
    found: Mapped[bool | None] = mapped_column(Boolean)  # None: not searched yet
    categories: Mapped[str] = mapped_column(Text, default="")  # one per line
    notes: Mapped[str] = mapped_column(Text, default="")  # extracted values, one per line
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id", ondelete="SET NULL"))
    system: Mapped[System] = relationship()

    __table_args__ = (UniqueConstraint("case_id", "system_id"),)


class ErasureLine(Base):
    """The erasure matrix: per processing activity, erase now, keep under an Art. 17(3)
    ground until a date, or restrict until a date."""

    __tablename__ = "erasure_line"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_.id", ondelete="CASCADE"), index=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("processing_activity.id"))
    applies_to: Mapped[str] = mapped_column(Text, default="")  # e.g. "Invoices and payments"
    decision: Mapped[Decision] = mapped_column(EnumText(Decision, 16))
    ground: Mapped[str] = mapped_column(Text, default="")  # legal ground / reference
    until: Mapped[dt.date | None] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")  # why the default was changed
    is_default: Mapped[bool] = mapped_column(Boolean, default=True)
    applied_on: Mapped[dt.date | None] = mapped_column(Date)


class SystemTask(Base):
    """A checklist line: correct, erase or restrict the data in one system."""

    __tablename__ = "system_task"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_.id", ondelete="CASCADE"), index=True)
    system_id: Mapped[int] = mapped_column(ForeignKey("system.id"))
    kind: Mapped[TaskKind] = mapped_column(EnumText(TaskKind, 16))
    done_on: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    system: Mapped[System] = relationship()

    __table_args__ = (UniqueConstraint("case_id", "system_id", "kind"),)


class FieldChange(Base):
    """A rectification: which field changed and when; the old value only while the case
    is open (it is inaccurate data, removed when the case closes)."""

    __tablename__ = "field_change"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(32))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    changed_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class Restriction(Base):
    """Art. 18: the data are only stored. activity_id None: the whole subject."""

    __tablename__ = "restriction"
    id: Mapped[int] = mapped_column(primary_key=True)
    subject_id: Mapped[int] = mapped_column(
        ForeignKey("subject.id", ondelete="CASCADE"), index=True
    )
    activity_id: Mapped[int | None] = mapped_column(ForeignKey("processing_activity.id"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case_.id", ondelete="SET NULL"))
    ground: Mapped[str] = mapped_column(String(4))  # Art. 18(1) letter a-d
    since: Mapped[dt.date] = mapped_column(Date)
    until: Mapped[dt.date | None] = mapped_column(Date)
    person_told_on: Mapped[dt.date | None] = mapped_column(Date)  # before lifting
    lifted_on: Mapped[dt.date | None] = mapped_column(Date)


class Objection(Base):
    """Art. 21: the person objected; for direct marketing it stops without weighing."""

    __tablename__ = "objection"
    id: Mapped[int] = mapped_column(primary_key=True)
    subject_id: Mapped[int] = mapped_column(
        ForeignKey("subject.id", ondelete="CASCADE"), index=True
    )
    activity_id: Mapped[int] = mapped_column(ForeignKey("processing_activity.id"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case_.id", ondelete="SET NULL"))
    recorded_on: Mapped[dt.date] = mapped_column(Date)
    direct_marketing: Mapped[bool] = mapped_column(Boolean, default=True)
    stopped_on: Mapped[dt.date | None] = mapped_column(Date)
    outcome: Mapped[str] = mapped_column(Text, default="")


class RecipientNotice(Base):
    """Art. 19: each recipient of the affected activities told, or why not."""

    __tablename__ = "recipient_notice"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_.id", ondelete="CASCADE"), index=True)
    recipient_id: Mapped[int] = mapped_column(ForeignKey("recipient.id"))
    status: Mapped[NoticeStatus] = mapped_column(
        EnumText(NoticeStatus, 16), default=NoticeStatus.OPEN
    )
    notified_on: Mapped[dt.date | None] = mapped_column(Date)
    method: Mapped[str | None] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text, default="")  # impossible/disproportionate: why
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id", ondelete="SET NULL"))
    recipient: Mapped[Recipient] = relationship()

    __table_args__ = (UniqueConstraint("case_id", "recipient_id"),)


class Setting(Base):
    """Key-value settings that travel with the database (the controller profile)."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class AuditLog(Base):
    """Append-only, hash-chained record of every change (see app/store/audit.py)."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(40))  # ISO 8601 UTC, as hashed
    user: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(48))
    table_name: Mapped[str] = mapped_column(String(48))
    object_id: Mapped[str] = mapped_column(String(64))
    detail: Mapped[str] = mapped_column(Text)  # canonical JSON: ids, pseudonyms, field names
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditAnchor(Base):
    """The newest row of the chain, so that cutting rows off its end is caught."""

    __tablename__ = "audit_anchor"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_id: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))
