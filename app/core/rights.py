"""The vocabulary of the rights after access: the decisions of an erasure matrix, the kinds
of a system checklist line, and the states of a notice to a recipient (stored as these
strings)."""

from __future__ import annotations

from enum import StrEnum


class Decision(StrEnum):
    ERASE = "erase"
    KEEP = "keep"
    RESTRICT = "restrict"


class TaskKind(StrEnum):
    RECTIFY = "rectify"
    ERASE = "erase"
    RESTRICT = "restrict"


class NoticeStatus(StrEnum):
    OPEN = "open"
    NOTIFIED = "notified"
    NOT_NOTIFIED = "not notified"


# Art. 19 spares a notice only where telling the recipient is impossible or disproportionate.
NOT_NOTIFIED_GROUNDS = ("impossible", "disproportionate")
