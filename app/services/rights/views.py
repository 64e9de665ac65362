"""The plain frozen data the rights services return."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.core.model import RecipientRole
from app.core.rights import Decision, NoticeStatus, TaskKind


@dataclass(frozen=True)
class FieldChangeView:
    id: int
    field: str
    old_value: str | None  # None once the case is closed (it was inaccurate data)
    new_value: str | None
    changed_at: dt.datetime  # aware UTC


@dataclass(frozen=True)
class SystemTaskView:
    id: int
    system_id: int
    system: str
    owner: str
    holds: str
    kind: TaskKind
    done_on: dt.date | None
    notes: str


@dataclass(frozen=True)
class ErasureLineView:
    id: int
    activity_id: int
    activity: str
    applies_to: str
    systems: tuple[str, ...]
    decision: Decision
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
    activity_id: int | None = None


@dataclass(frozen=True)
class KeptItem:
    line_id: int
    activity: str
    applies_to: str
    systems: tuple[str, ...]
    decision: Decision  # keep | restrict
    ground: str
    until: dt.date | None  # None: as long as the law requires
    activity_id: int | None = None


@dataclass(frozen=True)
class ErasureResult:
    reference: str
    pseudonym: str
    dry_run: bool
    applied_on: dt.date
    erased_at: dt.datetime | None  # aware UTC; None for a dry run
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
    role: RecipientRole
    country: str
    contact: str
    status: NoticeStatus
    notified_on: dt.date | None
    method: str | None
    reason: str
    document_id: int | None


@dataclass(frozen=True)
class StoredLetter:
    document_id: int
    filename: str
    content: bytes
