"""Which deadline reminders are due now: pure, so the tray, a test or a CLI can ask.

A reminder names a case by its reference only (never the person). Each case gets each kind
at most once: "within 3 days" when the due date is 0-3 days away, "overdue" once it has
passed. A case first seen already overdue gets only "overdue"; a case reminded "within
3 days" gets "overdue" as well when the date passes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Set
from dataclasses import dataclass

from app.core import clock

__all__ = [
    "KINDS",
    "OVERDUE",
    "WINDOW_DAYS",
    "WITHIN_3_DAYS",
    "OpenCaseDue",
    "Reminder",
    "due_reminders",
    "local_today",
]

OSLO = clock.OSLO
WINDOW_DAYS = 3
WITHIN_3_DAYS = "within 3 days"
OVERDUE = "overdue"
KINDS: tuple[str, ...] = (WITHIN_3_DAYS, OVERDUE)


@dataclass(frozen=True)
class OpenCaseDue:
    reference: str
    due: dt.date


@dataclass(frozen=True)
class Reminder:
    reference: str
    kind: str  # WITHIN_3_DAYS or OVERDUE
    days_left: int  # 0 on the due date, negative when overdue

    @property
    def key(self) -> tuple[str, str]:
        return (self.reference, self.kind)


def local_today(now: dt.datetime | dt.date) -> dt.date:
    """The date in Norway, where deadlines are counted (a naive datetime is taken as UTC)."""
    if isinstance(now, dt.datetime):
        aware = now if now.tzinfo is not None else now.replace(tzinfo=dt.UTC)
        return aware.astimezone(OSLO).date()
    return now


def _kind(days_left: int) -> str | None:
    if days_left < 0:
        return OVERDUE
    if days_left <= WINDOW_DAYS:
        return WITHIN_3_DAYS
    return None


def due_reminders(
    cases: Iterable[OpenCaseDue | tuple[str, dt.date]],
    now: dt.datetime | dt.date,
    notified: Set[tuple[str, str]] = frozenset(),
) -> list[Reminder]:
    """The reminders to show now, soonest due first; none already in `notified`
    (pairs of reference and kind)."""
    today = local_today(now)
    out: list[Reminder] = []
    seen: set[tuple[str, str]] = set()
    for case in cases:
        reference, due = (case.reference, case.due) if isinstance(case, OpenCaseDue) else case
        left = (due - today).days
        kind = _kind(left)
        if kind is None or (reference, kind) in notified or (reference, kind) in seen:
            continue
        seen.add((reference, kind))
        out.append(Reminder(reference=reference, kind=kind, days_left=left))
    out.sort(key=lambda r: (r.days_left, r.reference))
    return out
