"""The retention sweep's items: plain data, made by app.services.retention_sweep and turned
into records and CSV by app.reports.sweep_csv."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

__all__ = ["KIND_ORDER", "SweepItem", "SweepKind"]


class SweepKind(StrEnum):
    SUBJECT_DATA = "subject-data"
    KEPT = "kept-under-legal-ground"
    CLOSED_CASE = "closed-case"


KIND_ORDER = {SweepKind.SUBJECT_DATA: 0, SweepKind.KEPT: 1, SweepKind.CLOSED_CASE: 2}


@dataclass(frozen=True, slots=True)
class SweepItem:
    """One thing due for deletion (or de-identification) by the sweep's date."""

    kind: SweepKind
    subject_id: int
    pseudonym: str
    name: str  # for the GUI only: never logged, left out of exports unless asked for
    activity: str
    applies_to: str
    rule: str  # the rule's description
    legal_reference: str
    due_on: dt.date  # the earliest deletion date
    days_overdue: int  # 0: due on the sweep's date
    case_reference: str | None = None  # kept lines and closed cases: the case
    systems: tuple[str, ...] = ()  # where the data are held
    erasure_line_id: int | None = None  # kept lines: for rights.mark_kept_erased
    open_erasure_case: str | None = None  # subject data: an erasure case already open

    @property
    def as_of(self) -> dt.date:
        """The date of the sweep that listed it."""
        return self.due_on + dt.timedelta(days=self.days_overdue)
