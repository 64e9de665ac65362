"""When a case may be closed: the rule as data, read by the one close function.

A case closes from an answer, a refusal or a withdrawal. After an answer, two things may
still stand in the way: an erasure that was asked for and not applied (never excused), and
notices to recipients not yet settled (Art. 19; a close note saying why excuses them).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum

from app.core.model import Status


class CloseBlocker(StrEnum):
    NOT_SETTLED = "not answered, refused or withdrawn"
    ERASURE_NOT_APPLIED = "erasure not applied"
    OPEN_NOTICES = "recipient notices open"


# The statuses a case may be closed from.
CLOSABLE_FROM: frozenset[Status] = frozenset({Status.ANSWERED, Status.REFUSED, Status.WITHDRAWN})


@dataclass(frozen=True)
class ClosingCheck:
    blocker: CloseBlocker
    checked_from: frozenset[Status]  # the statuses in which it is checked
    excused_by_note: bool  # a close note saying why lets the case close anyway


# In the order they are checked; the first that blocks is the one the officer is told.
CLOSING_CHECKS: tuple[ClosingCheck, ...] = (
    ClosingCheck(CloseBlocker.ERASURE_NOT_APPLIED, frozenset({Status.ANSWERED}), False),
    ClosingCheck(CloseBlocker.OPEN_NOTICES, frozenset({Status.ANSWERED}), True),
)


def checks_for(status: Status) -> tuple[CloseBlocker, ...]:
    """What must be looked at before a case in `status` closes (nothing: it closes)."""
    return tuple(c.blocker for c in CLOSING_CHECKS if status in c.checked_from)


def blocking(
    status: Status, present: Collection[CloseBlocker], *, note: bool
) -> CloseBlocker | None:
    """What keeps a case in `status` from closing, given the blockers found on it and whether
    a close note was given; None: it may close."""
    if status not in CLOSABLE_FROM:
        return CloseBlocker.NOT_SETTLED
    for check in CLOSING_CHECKS:
        if status in check.checked_from and check.blocker in present:
            if not (check.excused_by_note and note):
                return check.blocker
    return None
