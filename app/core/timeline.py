"""Kinds of timeline event, by what becomes of their details when the person is erased or
the case de-identified: the kind, time and user of every event always stay."""

from __future__ import annotations

from enum import StrEnum


class KeptEventKind(StrEnum):
    """Details this program writes from register entries, dates and choices only: kept
    (with the person's own strings scrubbed, should one have slipped in)."""

    RECEIVED = "received"
    IDENTITY_REQUESTED = "identity requested"
    IDENTITY_RECEIVED = "identity received"
    RECTIFIED = "rectified"
    RECTIFICATION_HISTORY_CLEARED = "rectification history cleared"
    ERASURE_MATRIX = "erasure matrix"
    ERASURE_APPLIED = "erasure applied"
    ERASURE_KEPT = "erasure kept"
    KEPT_DATA_ERASED = "kept data erased"
    SYSTEM_TASKS = "system tasks"
    SYSTEM_TASK = "system task"
    RESTRICTED = "restricted"
    RESTRICTION_TOLD = "restriction told"
    RESTRICTION_LIFTED = "restriction lifted"
    OBJECTION = "objection"
    NOTICES = "notices"
    NOTICE = "notice"
    LETTER = "letter"
    CLOSED_WITH_OPEN_NOTICES = "closed with open notices"


class FirstLineEventKind(StrEnum):
    """A structured first line this program writes, maybe followed by a note the officer
    typed: the first line stays (scrubbed), the note goes."""

    STATUS = "status"
    EXTENDED = "extended"
    ANSWERED = "answered"
    ONCE_A_YEAR_DECISION = "once-a-year decision"
    IDENTITY = "identity"


KEPT_EVENT_KINDS: frozenset[str] = frozenset(KeptEventKind)
FIRST_LINE_EVENT_KINDS: frozenset[str] = frozenset(FirstLineEventKind)
