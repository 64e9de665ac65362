"""Tests for app.core.caselog (the row and its derived values) and app.core.figures.

Every expected figure was counted by hand from the cases listed in `_YEAR`, never produced
by the code under test.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from app.core.caselog import CaseLogRow, Outcome, case_log_totals, pseudonym
from app.core.figures import YearFigures, percentile_nearest_rank, year_figures


def row(**overrides: Any) -> CaseLogRow:
    values: dict[str, Any] = {
        "reference": "2026-0001",
        "types": ("access",),
        "channel": "email",
        "received": date(2026, 1, 5),
        "identity_verified_on": None,
        "identity_method": None,
        "due": date(2026, 2, 5),
        "extension_decided_on": None,
        "extension_reason": None,
        "extended_due": None,
        "answered_on": None,
        "closed_on": None,
        "status": "in progress",
        "outcome": Outcome.OPEN,
        "refusal_reason": None,
        "refusal_basis": None,
        "fee_amount": None,
        "notices_done": 0,
        "notices_required": 0,
        "subject": "S-000001",
    }
    values.update(overrides)
    return CaseLogRow(**values)


def answered(received: date, days: int, **overrides: Any) -> CaseLogRow:
    """A request answered `days` calendar days after receipt, due one month after receipt."""
    due = overrides.pop("due", None) or _one_month_after(received)
    answer = received + dt.timedelta(days=days)
    overrides.setdefault("outcome", Outcome.ANSWERED)
    return row(received=received, due=due, answered_on=answer, closed_on=answer, **overrides)


def _one_month_after(day: date) -> date:
    # Good enough for these fixtures: none of them falls on a month end.
    return (
        day.replace(month=day.month + 1)
        if day.month < 12
        else day.replace(year=day.year + 1, month=1)
    )


# --------------------------------------------------------------------------------------------
# CaseLogRow
# --------------------------------------------------------------------------------------------


def test_open_request_has_no_on_time_and_no_days_used() -> None:
    open_row = row()
    assert open_row.on_time is None
    assert open_row.days_used is None


def test_answer_on_the_due_date_is_on_time_and_the_day_after_is_late() -> None:
    on_due = row(answered_on=date(2026, 2, 5), outcome=Outcome.ANSWERED)
    day_after = row(answered_on=date(2026, 2, 6), outcome=Outcome.ANSWERED)
    assert on_due.on_time is True
    assert on_due.days_used == 31
    assert day_after.on_time is False
    assert day_after.days_used == 32


def test_extension_decided_in_time_moves_the_deadline() -> None:
    extended = row(
        extension_decided_on=date(2026, 1, 20),
        extension_reason="many systems",
        extended_due=date(2026, 4, 7),
        answered_on=date(2026, 3, 30),
        outcome=Outcome.ANSWERED,
    )
    assert extended.effective_due == date(2026, 4, 7)
    assert extended.on_time is True
    assert extended.days_used == 84


def test_extension_decided_after_the_first_month_does_not_count() -> None:
    too_late = row(
        extension_decided_on=date(2026, 2, 6),
        extended_due=date(2026, 4, 7),
        answered_on=date(2026, 3, 30),
        outcome=Outcome.ANSWERED,
    )
    assert too_late.effective_due == date(2026, 2, 5)
    assert too_late.on_time is False


def test_pseudonym_is_zero_padded() -> None:
    assert pseudonym(42) == "S-000042"
    assert pseudonym(1234567) == "S-1234567"


def test_case_log_totals() -> None:
    rows = [
        row(answered_on=date(2026, 1, 10), outcome=Outcome.ANSWERED),  # on time
        row(answered_on=date(2026, 3, 1), outcome=Outcome.ANSWERED),  # late
        row(  # refused on time
            answered_on=date(2026, 1, 12),
            outcome=Outcome.REFUSED,
            refusal_reason="repetitive",
        ),
        row(  # extended, still open
            extension_decided_on=date(2026, 1, 20),
            extended_due=date(2026, 4, 7),
        ),
        row(outcome=Outcome.WITHDRAWN),
    ]
    totals = case_log_totals(rows)
    assert (totals.count, totals.on_time, totals.late) == (5, 2, 1)
    assert (totals.open, totals.extended, totals.refused) == (1, 1, 1)


# --------------------------------------------------------------------------------------------
# Percentiles (nearest rank)
# --------------------------------------------------------------------------------------------

_DAYS = [3, 5, 8, 10, 12, 15, 20, 25, 28, 40]


@pytest.mark.parametrize(
    ("percent", "expected"),
    [
        (10, 3),  # rank 1
        (50, 12),  # rank 5 (the lower middle: linear interpolation would give 13.5)
        (70, 20),  # rank 7: 0.7 * 10 in floating point is 7.000000000000001
        (90, 28),  # rank 9 (linear interpolation would give 29.2)
        (91, 40),  # rank ceil(9.1) = 10
        (100, 40),
    ],
)
def test_percentile_nearest_rank(percent: int, expected: int) -> None:
    shuffled = _DAYS[:]
    random.Random(7).shuffle(shuffled)
    assert percentile_nearest_rank(shuffled, percent) == expected


def test_percentile_of_one_value_and_of_none() -> None:
    assert percentile_nearest_rank([7], 50) == 7
    assert percentile_nearest_rank([7], 90) == 7
    assert percentile_nearest_rank([], 50) is None


@pytest.mark.parametrize("percent", [0, 101, -5])
def test_percentile_out_of_range(percent: int) -> None:
    with pytest.raises(ValueError):
        percentile_nearest_rank(_DAYS, percent)


# --------------------------------------------------------------------------------------------
# Yearly figures
# --------------------------------------------------------------------------------------------

_YEAR = [
    # 1-10: answered, days 3..40 (the list above)
    answered(date(2026, 1, 5), 3, types=("access",), channel="email", fee_amount=0),
    answered(date(2026, 1, 20), 5, types=("access", "erasure"), channel="phone"),
    answered(date(2026, 2, 2), 8, types=("erasure",), channel="email", outcome=Outcome.REFUSED),
    answered(date(2026, 3, 2), 10, types=("rectification",), channel="letter"),
    answered(date(2026, 3, 16), 12, types=("access",), channel="email", fee_amount=250),
    answered(
        date(2026, 4, 1),
        15,
        types=("objection",),
        channel="in-person",
        outcome=Outcome.REFUSED,
        refusal_reason="Repetitive",
    ),
    answered(date(2026, 5, 4), 20, types=("access",), channel="email", fee_amount=500),
    answered(
        date(2026, 6, 1),
        25,
        types=("restriction",),
        channel="phone",
        extension_decided_on=date(2026, 6, 11),
        extension_reason="complex",
        extended_due=date(2026, 9, 1),
    ),
    answered(
        date(2026, 8, 3),
        28,
        types=("access",),
        channel="email",
        outcome=Outcome.REFUSED,
        refusal_reason="Repetitive",
    ),
    answered(date(2026, 9, 1), 40, types=("erasure",), channel="email"),  # late: due 1 Oct
    # 11: open, 12: withdrawn without an answer
    row(received=date(2026, 11, 2), due=date(2026, 12, 2), types=("access",)),
    row(
        received=date(2026, 12, 1),
        due=date(2027, 1, 4),
        types=("rectification",),
        channel="letter",
        outcome=Outcome.WITHDRAWN,
    ),
    # Received the year before: not part of 2026's figures, although answered in 2026.
    answered(date(2025, 12, 30), 11, types=("access",), channel="phone", fee_amount=999),
]


@pytest.fixture
def figures() -> YearFigures:
    return year_figures(_YEAR, 2026)


def test_counts_requests_received_in_the_year(figures: YearFigures) -> None:
    assert figures.year == 2026
    assert figures.requests == 12
    assert figures.by_month == (2, 1, 2, 1, 1, 1, 0, 1, 1, 0, 1, 1)


def test_by_type_counts_a_request_under_each_of_its_types(figures: YearFigures) -> None:
    assert figures.by_type == {
        "access": 6,
        "rectification": 2,
        "erasure": 3,
        "restriction": 1,
        "objection": 1,
    }
    assert list(figures.by_type) == [
        "access",
        "rectification",
        "erasure",
        "restriction",
        "objection",
    ]
    assert figures.by_type_month["access"] == (2, 0, 1, 0, 1, 0, 0, 1, 0, 0, 1, 0)
    assert figures.by_type_month["erasure"] == (1, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0)
    assert figures.by_type_month["objection"] == (0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0)


def test_by_channel(figures: YearFigures) -> None:
    assert figures.by_channel == {"phone": 2, "email": 7, "letter": 2, "in-person": 1}
    assert list(figures.by_channel) == ["phone", "email", "letter", "in-person"]


def test_answered_and_on_time(figures: YearFigures) -> None:
    assert figures.answered == 10
    assert figures.answered_on_time == 9
    assert figures.answered_late == 1
    assert figures.share_on_time == pytest.approx(0.9)


def test_median_and_90th_percentile_of_days_to_answer(figures: YearFigures) -> None:
    assert figures.median_days == 12
    assert figures.p90_days == 28


def test_extensions_refusals_and_fees(figures: YearFigures) -> None:
    assert figures.extensions == 1
    assert figures.refusals == 3
    # Most frequent first; a refusal without a recorded reason is counted under "".
    assert list(figures.refusals_by_reason.items()) == [("Repetitive", 2), ("", 1)]
    assert figures.fees == 2  # a fee of 0 is no fee
    assert figures.fees_total == 750


def test_unknown_values_follow_the_known_ones_and_duplicates_count_once() -> None:
    rows = [
        row(types=("access", "access"), channel="fax"),
        row(types=("complaint",), channel="email"),
    ]
    figures = year_figures(rows, 2026)
    assert figures.by_type["access"] == 1
    assert list(figures.by_type)[-1] == "complaint"
    assert list(figures.by_channel)[-1] == "fax"
    assert figures.by_channel["fax"] == 1


def test_a_year_without_requests() -> None:
    figures = year_figures(_YEAR, 2024)
    assert figures.requests == 0
    assert figures.answered == 0
    assert figures.share_on_time is None
    assert figures.median_days is None
    assert figures.p90_days is None
    assert figures.by_month == (0,) * 12
    assert set(figures.by_type.values()) == {0}


def test_later_extension_does_not_rescue_a_late_answer() -> None:
    late = replace(
        _YEAR[9],
        extension_decided_on=date(2026, 10, 5),  # after the original due date of 1 Oct
        extended_due=date(2026, 12, 1),
    )
    figures = year_figures([late], 2026)
    assert figures.answered_on_time == 0
    assert figures.extensions == 1
