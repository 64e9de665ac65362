"""Yearly figures on data-subject requests, for the annual report and for Datatilsynet.

Counting rules (stated in the report as well):

* a year's figures cover the requests **received** in that year, whenever they were answered;
* a request of several types (access and erasure, say) counts once under each of its types,
  so the figures by type may add up to more than the number of requests;
* "answered" means an answer or a refusal was sent (`answered_on` is set); withdrawn
  requests without an answer are not answered, open ones neither;
* "on time" is measured against the deadline that applies: the extended one where the
  extension was decided within the first month (see `CaseLogRow.effective_due`);
* days to answer are calendar days from receipt to answer, for answered requests;
* the median and the 90th percentile use the **nearest-rank** method: the p-th percentile
  is the smallest value such that at least p % of the values are less than or equal to it.
  It is always a number of days that actually occurred, and "90 % were answered within N
  days" is then literally true. For an even count the median is the lower middle value.

Pure domain code: no I/O, no database, no Qt.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from app.core.caselog import CaseLogRow, Outcome
from app.core.model import REQUEST_TYPE_ORDER, Channel

__all__ = ["MONTHS", "YearFigures", "percentile_nearest_rank", "year_figures"]

MONTHS: tuple[int, ...] = tuple(range(1, 13))


def percentile_nearest_rank(values: Iterable[int], percent: int) -> int | None:
    """The nearest-rank `percent`-th percentile (1 ≤ percent ≤ 100); None for no values.

    Rank = ⌈percent / 100 × n⌉ in the sorted values, counted from 1, in integer arithmetic
    (0.7 × 10 is 7.000000000000001 in floating point, which would round up to rank 8).
    """
    if not 1 <= percent <= 100:
        raise ValueError(f"percent must be between 1 and 100, not {percent}")
    ordered = sorted(values)
    if not ordered:
        return None
    rank = -(-percent * len(ordered) // 100)  # ceiling division
    return ordered[rank - 1]


@dataclass(frozen=True, slots=True)
class YearFigures:
    year: int
    requests: int
    # Known types and channels come first in the canonical order, with zeros where there
    # were none; values the vocabulary does not know follow, sorted.
    by_type: Mapping[str, int]
    by_channel: Mapping[str, int]
    by_month: tuple[int, ...]  # 12 counts, January first
    by_type_month: Mapping[str, tuple[int, ...]]  # same keys as by_type, 12 counts each
    answered: int
    answered_on_time: int
    share_on_time: float | None  # answered_on_time / answered; None when nothing answered
    median_days: int | None
    p90_days: int | None
    extensions: int
    refusals: int
    refusals_by_reason: Mapping[str, int]  # "" where no reason was recorded
    fees: int  # requests where a fee was charged
    fees_total: int  # NOK

    @property
    def answered_late(self) -> int:
        return self.answered - self.answered_on_time


def _ordered_counts(counts: Counter[str], known: Sequence[str]) -> dict[str, int]:
    ordered = {key: counts.get(key, 0) for key in known}
    for key in sorted(set(counts) - set(known)):
        ordered[key] = counts[key]
    return ordered


def year_figures(rows: Iterable[CaseLogRow], year: int) -> YearFigures:
    """The figures for the requests received in `year` among `rows` (others are ignored)."""
    by_type: Counter[str] = Counter()
    by_channel: Counter[str] = Counter()
    by_month = [0] * 12
    by_type_month: dict[str, list[int]] = {}
    refusals_by_reason: Counter[str] = Counter()
    days: list[int] = []
    requests = answered = on_time = extensions = refusals = fees = fees_total = 0

    for row in rows:
        if row.received.year != year:
            continue
        requests += 1
        month = row.received.month - 1
        by_month[month] += 1
        by_channel[row.channel] += 1
        for request_type in dict.fromkeys(row.types):
            by_type[request_type] += 1
            by_type_month.setdefault(request_type, [0] * 12)[month] += 1
        used = row.days_used
        if used is not None:
            answered += 1
            days.append(used)
            if row.on_time:
                on_time += 1
        if row.extension_decided_on is not None:
            extensions += 1
        if row.outcome == Outcome.REFUSED:
            refusals += 1
            refusals_by_reason[row.refusal_reason or ""] += 1
        if row.fee_amount:
            fees += 1
            fees_total += row.fee_amount

    types = _ordered_counts(by_type, [t.value for t in REQUEST_TYPE_ORDER])
    return YearFigures(
        year=year,
        requests=requests,
        by_type=types,
        by_channel=_ordered_counts(by_channel, [c.value for c in Channel]),
        by_month=tuple(by_month),
        by_type_month={t: tuple(by_type_month.get(t, [0] * 12)) for t in types},
        answered=answered,
        answered_on_time=on_time,
        share_on_time=on_time / answered if answered else None,
        median_days=percentile_nearest_rank(days, 50),
        p90_days=percentile_nearest_rank(days, 90),
        extensions=extensions,
        refusals=refusals,
        refusals_by_reason=dict(
            sorted(refusals_by_reason.items(), key=lambda item: (-item[1], item[0]))
        ),
        fees=fees,
        fees_total=fees_total,
    )
