"""Which rows a page of a long list reads: from the near end of the list.

A list of a million rows pages with OFFSET; an offset near the end makes SQLite step through
every row before it. When the list's length is known, a page in its second half is the same
rows read in the reverse order from the other end (a small offset), then turned round. Every
order the lists use ends in a unique column, so both ends agree on the order.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Window:
    offset: int
    limit: int
    backwards: bool  # read in the reverse order; reverse the rows read


def window(offset: int, limit: int, total: int | None) -> Window | None:
    """The rows [offset, offset + limit) of a list of `total` rows (None: not known), or None
    when there are none to read."""
    if offset < 0 or limit <= 0:
        return None
    if total is None or 2 * offset + limit <= total:
        return Window(offset, limit, backwards=False)
    if offset >= total:
        return None
    end = min(total, offset + limit)
    return Window(total - end, end - offset, backwards=True)
