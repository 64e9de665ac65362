"""The case log: one flat row per request, as Datatilsynet would want to read it.

A `CaseLogRow` is what crosses from the services to the report writers (CSV, XLSX, PDF) and
to the yearly figures. It carries dates, not timestamps: the dates a deadline is counted in
(Europe/Oslo), already converted by the caller.

Pure domain code: no I/O, no database, no Qt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "CaseLogRow",
    "CaseLogTotals",
    "Outcome",
    "case_log_totals",
    "pseudonym",
]


class Outcome(StrEnum):
    """How a request ended, or that it has not ended yet."""

    ANSWERED = "answered"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"
    OPEN = "open"


def pseudonym(subject_id: int) -> str:
    """The stand-in for a data subject's name in exports that leave out names: `S-000042`."""
    return f"S-{subject_id:06d}"


@dataclass(frozen=True, slots=True)
class CaseLogRow:
    reference: str
    types: tuple[str, ...]
    channel: str
    received: dt.date
    identity_verified_on: dt.date | None
    identity_method: str | None
    due: dt.date
    extension_decided_on: dt.date | None
    extension_reason: str | None
    extended_due: dt.date | None
    answered_on: dt.date | None
    closed_on: dt.date | None
    status: str
    outcome: str
    refusal_reason: str | None
    refusal_basis: str | None
    fee_amount: int | None
    notices_done: int
    notices_required: int
    subject: str

    @property
    def extended(self) -> bool:
        return self.extension_decided_on is not None

    @property
    def effective_due(self) -> dt.date:
        """The deadline the answer is measured against.

        `due` is the strict one-month deadline. An extension moves it to `extended_due`, but
        only when the extension was decided within the first month (Art. 12(3)): one decided
        later is not allowed, so the answer is still measured against the original date.
        """
        decided = self.extension_decided_on
        if self.extended_due is not None and decided is not None and decided <= self.due:
            return self.extended_due
        return self.due

    @property
    def on_time(self) -> bool | None:
        """Whether the answer (or refusal) was given by the deadline; None while unanswered."""
        if self.answered_on is None:
            return None
        return self.answered_on <= self.effective_due

    @property
    def days_used(self) -> int | None:
        """Calendar days from receipt to the answer; None while unanswered."""
        if self.answered_on is None:
            return None
        return (self.answered_on - self.received).days


@dataclass(frozen=True, slots=True)
class CaseLogTotals:
    """The summary printed under the case log."""

    count: int
    on_time: int
    late: int
    open: int
    extended: int
    refused: int


def case_log_totals(rows: Iterable[CaseLogRow]) -> CaseLogTotals:
    count = on_time = late = still_open = extended = refused = 0
    for row in rows:
        count += 1
        answered_in_time = row.on_time
        if answered_in_time is True:
            on_time += 1
        elif answered_in_time is False:
            late += 1
        if row.outcome == Outcome.OPEN:
            still_open += 1
        if row.extension_decided_on is not None:
            extended += 1
        if row.outcome == Outcome.REFUSED:
            refused += 1
    return CaseLogTotals(
        count=count,
        on_time=on_time,
        late=late,
        open=still_open,
        extended=extended,
        refused=refused,
    )
