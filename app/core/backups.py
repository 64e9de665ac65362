"""Which backups to keep: 7 daily, 4 weekly, 12 monthly (grandfather-father-son)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

DAILY, WEEKLY, MONTHLY = 7, 4, 12


def backups_to_keep(times: Iterable[dt.datetime]) -> set[dt.datetime]:
    """The newest backup of each of the last 7 days, 4 ISO weeks and 12 months that have
    backups; everything else may go."""
    ordered = sorted(set(times), reverse=True)
    keep: set[dt.datetime] = set()
    for count, key in (
        (DAILY, lambda t: t.date()),
        (WEEKLY, lambda t: t.isocalendar()[:2]),
        (MONTHLY, lambda t: (t.year, t.month)),
    ):
        seen: list[object] = []
        for t in ordered:
            k = key(t)
            if k in seen:
                continue
            if len(seen) == count:
                break
            seen.append(k)
            keep.add(t)
    return keep


def last_expiry(times: Iterable[dt.datetime], after: dt.datetime) -> dt.date | None:
    """The latest date on which a backup taken before `after` (holding data erased at
    `after`) can still exist under this rotation: the monthly copy of that month is kept
    for 12 months of later backups."""
    older = [t for t in times if t <= after]
    if not older:
        return None
    newest = max(older)
    year, month = newest.year, newest.month + MONTHLY
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    return dt.date(year, month, 1)
