"""Tests for app.core.deadlines.

Every expected date below was worked out by hand from a calendar (weekday anchors: 1 Jan 2025
is a Wednesday, 1 Jan 2026 a Thursday, 1 Jan 2027 a Friday, 1 Jan 2028 a Saturday, 1 Jan 2029
a Monday; Easter Sunday falls on 20 Apr 2025, 5 Apr 2026, 28 Mar 2027, 16 Apr 2028), never
produced by the code under test.
"""

from __future__ import annotations

import datetime as dt
from datetime import date

import pytest
from holidays.countries.norway import Norway

from app.core import clock, deadlines
from app.core.deadlines import (
    DeadlineExplanation,
    SkippedDay,
    adjusted_due_date,
    days_left,
    due_band,
    due_date,
    explain_due_date,
    extension_allowed,
    is_working_day,
    next_working_day,
    receipt_date,
)

# --------------------------------------------------------------------------------------------
# Every Norwegian public holiday of 2025-2028, typed in by hand.
# --------------------------------------------------------------------------------------------

PUBLIC_HOLIDAYS: dict[date, str] = {
    # 2025 (Easter 20 Apr)
    date(2025, 1, 1): "New Year's Day",
    date(2025, 4, 17): "Maundy Thursday",
    date(2025, 4, 18): "Good Friday",
    date(2025, 4, 20): "Easter Sunday",
    date(2025, 4, 21): "Easter Monday",
    date(2025, 5, 1): "Labour Day",
    date(2025, 5, 17): "Constitution Day",
    date(2025, 5, 29): "Ascension Day",
    date(2025, 6, 8): "Whit Sunday",
    date(2025, 6, 9): "Whit Monday",
    date(2025, 12, 25): "Christmas Day",
    date(2025, 12, 26): "Boxing Day",
    # 2026 (Easter 5 Apr)
    date(2026, 1, 1): "New Year's Day",
    date(2026, 4, 2): "Maundy Thursday",
    date(2026, 4, 3): "Good Friday",
    date(2026, 4, 5): "Easter Sunday",
    date(2026, 4, 6): "Easter Monday",
    date(2026, 5, 1): "Labour Day",
    date(2026, 5, 14): "Ascension Day",
    date(2026, 5, 17): "Constitution Day",
    date(2026, 5, 24): "Whit Sunday",
    date(2026, 5, 25): "Whit Monday",
    date(2026, 12, 25): "Christmas Day",
    date(2026, 12, 26): "Boxing Day",
    # 2027 (Easter 28 Mar; 17 May is also Whit Monday)
    date(2027, 1, 1): "New Year's Day",
    date(2027, 3, 25): "Maundy Thursday",
    date(2027, 3, 26): "Good Friday",
    date(2027, 3, 28): "Easter Sunday",
    date(2027, 3, 29): "Easter Monday",
    date(2027, 5, 1): "Labour Day",
    date(2027, 5, 6): "Ascension Day",
    date(2027, 5, 16): "Whit Sunday",
    date(2027, 5, 17): "Constitution Day and Whit Monday",
    date(2027, 12, 25): "Christmas Day",
    date(2027, 12, 26): "Boxing Day",
    # 2028 (Easter 16 Apr)
    date(2028, 1, 1): "New Year's Day",
    date(2028, 4, 13): "Maundy Thursday",
    date(2028, 4, 14): "Good Friday",
    date(2028, 4, 16): "Easter Sunday",
    date(2028, 4, 17): "Easter Monday",
    date(2028, 5, 1): "Labour Day",
    date(2028, 5, 17): "Constitution Day",
    date(2028, 5, 25): "Ascension Day",
    date(2028, 6, 4): "Whit Sunday",
    date(2028, 6, 5): "Whit Monday",
    date(2028, 12, 25): "Christmas Day",
    date(2028, 12, 26): "Boxing Day",
}

# (holiday H, receipt date whose nominal deadline is H, extended?, hand-computed due date)
HOLIDAY_CASES: list[tuple[date, date, bool, date]] = [
    # ---- 2025 ----
    # Wed 1 Jan -> Thu 2 Jan
    (date(2025, 1, 1), date(2024, 12, 1), False, date(2025, 1, 2)),
    # Thu 17 Apr .. Mon 21 Apr (Maundy Thu, Good Fri, Sat, Easter Sun, Easter Mon) -> Tue 22 Apr
    (date(2025, 4, 17), date(2025, 3, 17), False, date(2025, 4, 22)),
    (date(2025, 4, 18), date(2025, 3, 18), False, date(2025, 4, 22)),
    (date(2025, 4, 20), date(2025, 3, 20), False, date(2025, 4, 22)),
    (date(2025, 4, 21), date(2025, 3, 21), False, date(2025, 4, 22)),
    # Thu 1 May -> Fri 2 May
    (date(2025, 5, 1), date(2025, 4, 1), False, date(2025, 5, 2)),
    # Sat 17 May, Sun 18 -> Mon 19 May
    (date(2025, 5, 17), date(2025, 4, 17), False, date(2025, 5, 19)),
    # Thu 29 May Ascension -> Fri 30 May
    (date(2025, 5, 29), date(2025, 4, 29), False, date(2025, 5, 30)),
    # Sun 8 Jun, Mon 9 Jun Whit Monday -> Tue 10 Jun
    (date(2025, 6, 8), date(2025, 5, 8), False, date(2025, 6, 10)),
    (date(2025, 6, 9), date(2025, 5, 9), False, date(2025, 6, 10)),
    # Thu 25 Dec, Fri 26 Dec, Sat 27, Sun 28 -> Mon 29 Dec
    (date(2025, 12, 25), date(2025, 11, 25), False, date(2025, 12, 29)),
    (date(2025, 12, 26), date(2025, 11, 26), False, date(2025, 12, 29)),
    # ---- 2026 ----
    # Thu 1 Jan -> Fri 2 Jan
    (date(2026, 1, 1), date(2025, 12, 1), False, date(2026, 1, 2)),
    # Thu 2 Apr .. Mon 6 Apr -> Tue 7 Apr
    (date(2026, 4, 2), date(2026, 3, 2), False, date(2026, 4, 7)),
    (date(2026, 4, 3), date(2026, 3, 3), False, date(2026, 4, 7)),
    (date(2026, 4, 5), date(2026, 3, 5), False, date(2026, 4, 7)),
    (date(2026, 4, 6), date(2026, 3, 6), False, date(2026, 4, 7)),
    # Fri 1 May, Sat 2, Sun 3 -> Mon 4 May
    (date(2026, 5, 1), date(2026, 4, 1), False, date(2026, 5, 4)),
    # Thu 14 May Ascension -> Fri 15 May
    (date(2026, 5, 14), date(2026, 4, 14), False, date(2026, 5, 15)),
    # Sun 17 May -> Mon 18 May
    (date(2026, 5, 17), date(2026, 4, 17), False, date(2026, 5, 18)),
    # Sun 24 May, Mon 25 May Whit Monday -> Tue 26 May
    (date(2026, 5, 24), date(2026, 4, 24), False, date(2026, 5, 26)),
    (date(2026, 5, 25), date(2026, 4, 25), False, date(2026, 5, 26)),
    # Fri 25 Dec, Sat 26 Dec, Sun 27 -> Mon 28 Dec
    (date(2026, 12, 25), date(2026, 11, 25), False, date(2026, 12, 28)),
    (date(2026, 12, 26), date(2026, 11, 26), False, date(2026, 12, 28)),
    # ---- 2027 ----
    # Fri 1 Jan, Sat 2, Sun 3 -> Mon 4 Jan
    (date(2027, 1, 1), date(2026, 12, 1), False, date(2027, 1, 4)),
    # Thu 25 Mar .. Mon 29 Mar -> Tue 30 Mar
    (date(2027, 3, 25), date(2027, 2, 25), False, date(2027, 3, 30)),
    (date(2027, 3, 26), date(2027, 2, 26), False, date(2027, 3, 30)),
    (date(2027, 3, 28), date(2027, 2, 28), False, date(2027, 3, 30)),
    # No one-month receipt lands on 29 Mar 2027 (29 Feb 2027 does not exist): use an
    # extension, 29 Dec 2026 + 3 months.
    (date(2027, 3, 29), date(2026, 12, 29), True, date(2027, 3, 30)),
    # Sat 1 May, Sun 2 -> Mon 3 May
    (date(2027, 5, 1), date(2027, 4, 1), False, date(2027, 5, 3)),
    # Thu 6 May Ascension -> Fri 7 May
    (date(2027, 5, 6), date(2027, 4, 6), False, date(2027, 5, 7)),
    # Sun 16 May Whit Sunday, Mon 17 May (Constitution Day + Whit Monday) -> Tue 18 May
    (date(2027, 5, 16), date(2027, 4, 16), False, date(2027, 5, 18)),
    (date(2027, 5, 17), date(2027, 4, 17), False, date(2027, 5, 18)),
    # Sat 25 Dec, Sun 26 Dec -> Mon 27 Dec
    (date(2027, 12, 25), date(2027, 11, 25), False, date(2027, 12, 27)),
    (date(2027, 12, 26), date(2027, 11, 26), False, date(2027, 12, 27)),
    # ---- 2028 ----
    # Sat 1 Jan, Sun 2 -> Mon 3 Jan
    (date(2028, 1, 1), date(2027, 12, 1), False, date(2028, 1, 3)),
    # Thu 13 Apr .. Mon 17 Apr -> Tue 18 Apr
    (date(2028, 4, 13), date(2028, 3, 13), False, date(2028, 4, 18)),
    (date(2028, 4, 14), date(2028, 3, 14), False, date(2028, 4, 18)),
    (date(2028, 4, 16), date(2028, 3, 16), False, date(2028, 4, 18)),
    (date(2028, 4, 17), date(2028, 3, 17), False, date(2028, 4, 18)),
    # Mon 1 May -> Tue 2 May
    (date(2028, 5, 1), date(2028, 4, 1), False, date(2028, 5, 2)),
    # Wed 17 May -> Thu 18 May
    (date(2028, 5, 17), date(2028, 4, 17), False, date(2028, 5, 18)),
    # Thu 25 May Ascension -> Fri 26 May
    (date(2028, 5, 25), date(2028, 4, 25), False, date(2028, 5, 26)),
    # Sun 4 Jun, Mon 5 Jun -> Tue 6 Jun
    (date(2028, 6, 4), date(2028, 5, 4), False, date(2028, 6, 6)),
    (date(2028, 6, 5), date(2028, 5, 5), False, date(2028, 6, 6)),
    # Mon 25 Dec, Tue 26 Dec -> Wed 27 Dec
    (date(2028, 12, 25), date(2028, 11, 25), False, date(2028, 12, 27)),
    (date(2028, 12, 26), date(2028, 11, 26), False, date(2028, 12, 27)),
]


def test_holiday_table_covers_every_public_holiday() -> None:
    assert {case[0] for case in HOLIDAY_CASES} == set(PUBLIC_HOLIDAYS)
    assert len(HOLIDAY_CASES) == len(PUBLIC_HOLIDAYS) == 47


def test_hand_typed_holidays_match_the_package() -> None:
    # Guards against both a typo here and a change in the holidays package.
    package = Norway(years=range(2025, 2029), language="en_US", include_sundays=False)
    assert set(package) == set(PUBLIC_HOLIDAYS)


@pytest.mark.parametrize(
    ("holiday", "received", "extended", "expected"),
    HOLIDAY_CASES,
    ids=[f"{h.isoformat()}-{PUBLIC_HOLIDAYS[h]}" for h, *_ in HOLIDAY_CASES],
)
def test_deadline_landing_on_a_public_holiday(
    holiday: date, received: date, extended: bool, expected: date
) -> None:
    explanation = explain_due_date(received, extended=extended)
    assert explanation.nominal == holiday
    assert explanation.skipped[0] == SkippedDay(holiday, PUBLIC_HOLIDAYS[holiday])
    assert due_date(received, extended=extended) == expected
    assert explanation.due == expected


@pytest.mark.parametrize("holiday", sorted(PUBLIC_HOLIDAYS))
def test_public_holidays_are_not_working_days(holiday: date) -> None:
    assert not is_working_day(holiday)
    assert deadlines.is_holiday(holiday)


# --------------------------------------------------------------------------------------------
# The worked examples of DOMAIN.md
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        (date(2026, 1, 31), date(2026, 3, 2)),  # 28 Feb Sat, 1 Mar Sun
        (date(2026, 3, 2), date(2026, 4, 7)),  # 2 Apr Maundy Thu .. 6 Apr Easter Mon
        (date(2028, 1, 31), date(2028, 2, 29)),  # leap year, 29 Feb is a Tuesday
    ],
)
def test_worked_examples(received: date, expected: date) -> None:
    assert due_date(received) == expected


# --------------------------------------------------------------------------------------------
# Month ends and leap years
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "nominal", "expected"),
    [
        # 31 Jan into February
        (date(2025, 1, 31), date(2025, 2, 28), date(2025, 2, 28)),  # Fri
        (date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 2)),  # Sat -> Mon
        (date(2026, 1, 30), date(2026, 2, 28), date(2026, 3, 2)),
        (date(2026, 1, 29), date(2026, 2, 28), date(2026, 3, 2)),
        (date(2026, 1, 28), date(2026, 2, 28), date(2026, 3, 2)),  # exists, still Sat
        # 2027: 28 Feb is a Sunday
        (date(2027, 1, 28), date(2027, 2, 28), date(2027, 3, 1)),
        (date(2027, 1, 29), date(2027, 2, 28), date(2027, 3, 1)),
        (date(2027, 1, 30), date(2027, 2, 28), date(2027, 3, 1)),
        (date(2027, 1, 31), date(2027, 2, 28), date(2027, 3, 1)),
        # 2028 is a leap year: 29 Feb (Tue)
        (date(2028, 1, 28), date(2028, 2, 28), date(2028, 2, 28)),  # Mon
        (date(2028, 1, 29), date(2028, 2, 29), date(2028, 2, 29)),
        (date(2028, 1, 30), date(2028, 2, 29), date(2028, 2, 29)),
        (date(2028, 1, 31), date(2028, 2, 29), date(2028, 2, 29)),
        # Into 30-day months
        (date(2025, 3, 31), date(2025, 4, 30), date(2025, 4, 30)),  # Wed
        (date(2026, 3, 31), date(2026, 4, 30), date(2026, 4, 30)),  # Thu
        (date(2026, 3, 30), date(2026, 4, 30), date(2026, 4, 30)),
        (date(2025, 5, 31), date(2025, 6, 30), date(2025, 6, 30)),  # Mon
        (date(2026, 5, 31), date(2026, 6, 30), date(2026, 6, 30)),  # Tue
        (date(2025, 8, 31), date(2025, 9, 30), date(2025, 9, 30)),  # Tue
        (date(2026, 8, 31), date(2026, 9, 30), date(2026, 9, 30)),  # Wed
        (date(2025, 10, 31), date(2025, 11, 30), date(2025, 12, 1)),  # Sun -> Mon
        (date(2026, 10, 31), date(2026, 11, 30), date(2026, 11, 30)),  # Mon
        # 30 into a 31-day month keeps the 30th
        (date(2025, 11, 30), date(2025, 12, 30), date(2025, 12, 30)),  # Tue
        (date(2026, 4, 30), date(2026, 5, 30), date(2026, 6, 1)),  # Sat, Sun -> Mon
        # Across the year end: 31 Jan 2027 is a Sunday
        (date(2026, 12, 31), date(2027, 1, 31), date(2027, 2, 1)),
    ],
)
def test_month_ends(received: date, nominal: date, expected: date) -> None:
    explanation = explain_due_date(received)
    assert explanation.nominal == nominal
    assert due_date(received) == expected


# --------------------------------------------------------------------------------------------
# Extensions
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "nominal", "expected"),
    [
        (date(2026, 1, 31), date(2026, 4, 30), date(2026, 4, 30)),  # Thu
        (date(2025, 11, 30), date(2026, 2, 28), date(2026, 3, 2)),  # Sat -> Mon
        (date(2025, 11, 29), date(2026, 2, 28), date(2026, 3, 2)),  # 29 Feb 2026 missing
        (date(2027, 11, 30), date(2028, 2, 29), date(2028, 2, 29)),  # leap day, Tue
        (date(2026, 3, 2), date(2026, 6, 2), date(2026, 6, 2)),  # Tue
        (date(2025, 1, 17), date(2025, 4, 17), date(2025, 4, 22)),  # Maundy Thu 2025
        (date(2026, 2, 2), date(2026, 5, 2), date(2026, 5, 4)),  # Sat -> Mon
        (date(2026, 2, 14), date(2026, 5, 14), date(2026, 5, 15)),  # Ascension 2026
    ],
)
def test_extended_deadlines(received: date, nominal: date, expected: date) -> None:
    explanation = explain_due_date(received, extended=True)
    assert explanation.nominal == nominal
    assert due_date(received, extended=True) == expected


def test_extension_is_the_default_off() -> None:
    assert due_date(date(2026, 1, 31)) == date(2026, 3, 2)
    assert due_date(date(2026, 1, 31), extended=False) == date(2026, 3, 2)


# --------------------------------------------------------------------------------------------
# Days that look like holidays but are working days
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "day",
    [
        date(2025, 12, 24),  # Christmas Eve, Wed
        date(2026, 12, 24),  # Christmas Eve, Thu
        date(2025, 12, 31),  # New Year's Eve, Wed
        date(2026, 12, 31),  # New Year's Eve, Thu
        date(2029, 12, 31),  # New Year's Eve, Mon
        date(2025, 5, 8),  # Liberation Day, Thu
        date(2026, 5, 8),  # Liberation Day, Fri
        date(2028, 5, 8),  # Liberation Day, Mon
    ],
)
def test_eves_and_8_may_are_working_days(day: date) -> None:
    assert is_working_day(day)
    assert next_working_day(day) == day


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        (date(2025, 11, 24), date(2025, 12, 24)),  # Christmas Eve 2025 (Wed) is the deadline
        (date(2026, 11, 24), date(2026, 12, 24)),  # Christmas Eve 2026 (Thu)
        (date(2026, 4, 8), date(2026, 5, 8)),  # 8 May 2026 (Fri)
        (date(2025, 4, 8), date(2025, 5, 8)),  # 8 May 2025 (Thu)
        # No receipt has 31 Dec as its nominal date (30/31 Nov), but a weekend can push the
        # deadline onto New Year's Eve: 29 Dec 2029 Sat, 30 Sun -> Mon 31 Dec 2029.
        (date(2029, 11, 29), date(2029, 12, 31)),
        (date(2029, 11, 30), date(2029, 12, 31)),
    ],
)
def test_deadline_may_fall_on_eves_and_8_may(received: date, expected: date) -> None:
    assert due_date(received) == expected


# --------------------------------------------------------------------------------------------
# Working days
# --------------------------------------------------------------------------------------------


def test_weekends_are_not_working_days() -> None:
    assert not is_working_day(date(2026, 2, 28))  # Sat
    assert not is_working_day(date(2026, 3, 1))  # Sun
    assert is_working_day(date(2026, 3, 2))  # Mon
    assert not deadlines.is_holiday(date(2026, 3, 1))  # an ordinary Sunday is not a holiday


def test_next_working_day() -> None:
    assert next_working_day(date(2026, 3, 2)) == date(2026, 3, 2)
    assert next_working_day(date(2026, 2, 28)) == date(2026, 3, 2)
    assert next_working_day(date(2026, 4, 2)) == date(2026, 4, 7)
    assert next_working_day(date(2028, 12, 30)) == date(2029, 1, 2)  # Sat, Sun, 1 Jan Mon


def test_holiday_lookup_is_built_once_per_year(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(deadlines, "_HOLIDAY_CACHE", {})
    built: list[int] = []

    def counting(*, years: int, language: str, include_sundays: bool) -> Norway:
        built.append(years)
        return Norway(years=years, language=language, include_sundays=include_sundays)

    monkeypatch.setattr(deadlines, "_norway", counting)
    for _ in range(3):
        for month in range(1, 13):
            is_working_day(date(2031, month, 15))
    assert built == [2031]


def test_due_date_refuses_a_datetime() -> None:
    with pytest.raises(TypeError):
        due_date(dt.datetime(2026, 3, 2, 12, 0))


# --------------------------------------------------------------------------------------------
# Explanations
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "extended", "lang", "text"),
    [
        (
            date(2026, 3, 2),
            False,
            "en",
            "received 2 Mar 2026 → 2 Apr 2026 is Maundy Thursday"
            " → 3–6 Apr 2026 are holidays or weekend → due 7 Apr 2026",
        ),
        (
            date(2026, 3, 2),
            False,
            "nb",
            "mottatt 2. mars 2026 → 2. april 2026 er skjærtorsdag"
            " → 3.–6. april 2026 er helligdager eller helg → frist 7. april 2026",
        ),
        (date(2026, 3, 10), False, "en", "received 10 Mar 2026 → due 10 Apr 2026 (one month)"),
        (date(2026, 3, 10), False, "nb", "mottatt 10. mars 2026 → frist 10. april 2026 (én måned)"),
        (
            date(2026, 3, 10),
            True,
            "en",
            "received 10 Mar 2026 → due 10 Jun 2026 (three months)",
        ),
        (
            date(2026, 3, 10),
            True,
            "nb",
            "mottatt 10. mars 2026 → frist 10. juni 2026 (tre måneder)",
        ),
        (
            date(2028, 1, 31),
            False,
            "en",
            "received 31 Jan 2028 → 31 Feb does not exist"
            " → last day of the month 29 Feb 2028 → due 29 Feb 2028",
        ),
        (
            date(2028, 1, 31),
            False,
            "nb",
            "mottatt 31. januar 2028 → 31. februar finnes ikke"
            " → siste dag i måneden 29. februar 2028 → frist 29. februar 2028",
        ),
        (
            date(2026, 1, 31),
            False,
            "en",
            "received 31 Jan 2026 → 31 Feb does not exist"
            " → last day of the month 28 Feb 2026 → 28 Feb 2026 is a Saturday"
            " → 1 Mar 2026 is a Sunday → due 2 Mar 2026",
        ),
        (
            date(2026, 1, 31),
            False,
            "nb",
            "mottatt 31. januar 2026 → 31. februar finnes ikke"
            " → siste dag i måneden 28. februar 2026 → 28. februar 2026 er en lørdag"
            " → 1. mars 2026 er en søndag → frist 2. mars 2026",
        ),
        (
            date(2025, 11, 30),
            True,
            "en",
            "received 30 Nov 2025 → 30 Feb does not exist"
            " → last day of the month 28 Feb 2026 → 28 Feb 2026 is a Saturday"
            " → 1 Mar 2026 is a Sunday → due 2 Mar 2026 (three months)",
        ),
        (
            date(2026, 4, 1),
            False,
            "en",
            "received 1 Apr 2026 → 1 May 2026 is Labour Day"
            " → 2–3 May 2026 are the weekend → due 4 May 2026",
        ),
        (
            date(2026, 4, 1),
            False,
            "nb",
            "mottatt 1. april 2026 → 1. mai 2026 er første mai"
            " → 2.–3. mai 2026 er helg → frist 4. mai 2026",
        ),
        (
            date(2027, 4, 16),
            False,
            "nb",
            "mottatt 16. april 2027 → 16. mai 2027 er første pinsedag"
            " → 17. mai 2027 er grunnlovsdagen og andre pinsedag → frist 18. mai 2027",
        ),
        (
            date(2025, 11, 25),
            False,
            "en",
            "received 25 Nov 2025 → 25 Dec 2025 is Christmas Day"
            " → 26–28 Dec 2025 are holidays or weekend → due 29 Dec 2025",
        ),
        (
            date(2025, 11, 25),
            False,
            "nb",
            "mottatt 25. november 2025 → 25. desember 2025 er første juledag"
            " → 26.–28. desember 2025 er helligdager eller helg → frist 29. desember 2025",
        ),
        (
            date(2028, 11, 30),
            False,
            "en",
            "received 30 Nov 2028 → 30 Dec 2028 is a Saturday"
            " → 31 Dec 2028 – 1 Jan 2029 are holidays or weekend → due 2 Jan 2029",
        ),
        (
            date(2028, 11, 30),
            False,
            "nb",
            "mottatt 30. november 2028 → 30. desember 2028 er en lørdag"
            " → 31. desember 2028–1. januar 2029 er helligdager eller helg"
            " → frist 2. januar 2029",
        ),
        (
            date(2026, 3, 30),
            True,
            "en",
            # 30 Jun 2026 is a Tuesday
            "received 30 Mar 2026 → due 30 Jun 2026 (three months)",
        ),
        (
            date(2026, 3, 31),
            False,
            "en",
            "received 31 Mar 2026 → 31 Apr does not exist"
            " → last day of the month 30 Apr 2026 → due 30 Apr 2026",
        ),
        (
            date(2026, 4, 29),
            False,
            "en",
            # 29 May 2026 Fri; 30 Apr -> 30 May Sat, 31 May Sun
            "received 29 Apr 2026 → due 29 May 2026 (one month)",
        ),
        (
            date(2026, 4, 30),
            False,
            "en",
            "received 30 Apr 2026 → 30 May 2026 is a Saturday"
            " → 31 May 2026 is a Sunday → due 1 Jun 2026",
        ),
    ],
)
def test_explanation_text(received: date, extended: bool, lang: str, text: str) -> None:
    assert explain_due_date(received, extended=extended, lang=lang).text == text


def test_explanation_structure() -> None:
    explanation = explain_due_date(date(2026, 3, 2))
    assert isinstance(explanation, DeadlineExplanation)
    assert explanation.received == date(2026, 3, 2)
    assert explanation.nominal == date(2026, 4, 2)
    assert explanation.due == date(2026, 4, 7)
    assert explanation.skipped == (
        SkippedDay(date(2026, 4, 2), "Maundy Thursday"),
        SkippedDay(date(2026, 4, 3), "Good Friday"),
        SkippedDay(date(2026, 4, 4), "Saturday"),
        SkippedDay(date(2026, 4, 5), "Easter Sunday"),
        SkippedDay(date(2026, 4, 6), "Easter Monday"),
    )
    with pytest.raises(AttributeError):
        explanation.due = date(2026, 4, 8)  # type: ignore[misc]


def test_explanation_reasons_in_norwegian() -> None:
    explanation = explain_due_date(date(2026, 3, 2), lang="nb")
    assert [s.reason for s in explanation.skipped] == [
        "skjærtorsdag",
        "langfredag",
        "lørdag",
        "første påskedag",
        "andre påskedag",
    ]


@pytest.mark.parametrize(
    ("holiday", "name"),
    [
        (date(2026, 1, 1), "første nyttårsdag"),
        (date(2026, 4, 2), "skjærtorsdag"),
        (date(2026, 4, 3), "langfredag"),
        (date(2026, 4, 5), "første påskedag"),
        (date(2026, 4, 6), "andre påskedag"),
        (date(2026, 5, 1), "første mai"),
        (date(2026, 5, 14), "Kristi himmelfartsdag"),
        (date(2026, 5, 17), "grunnlovsdagen"),
        (date(2026, 5, 24), "første pinsedag"),
        (date(2026, 5, 25), "andre pinsedag"),
        (date(2026, 12, 25), "første juledag"),
        (date(2026, 12, 26), "andre juledag"),
    ],
)
def test_norwegian_holiday_names(holiday: date, name: str) -> None:
    assert deadlines.holiday_names(holiday, "nb") == (name,)


def test_no_skipped_days_for_a_plain_deadline() -> None:
    explanation = explain_due_date(date(2026, 3, 10))
    assert explanation.nominal == explanation.due == date(2026, 4, 10)
    assert explanation.skipped == ()


def test_explanation_rejects_unknown_language() -> None:
    with pytest.raises(ValueError):
        explain_due_date(date(2026, 3, 10), lang="de")


def test_explanation_agrees_with_due_date_over_several_years() -> None:
    day = date(2024, 12, 1)
    while day < date(2029, 1, 1):
        for extended in (False, True):
            explanation = explain_due_date(day, extended=extended)
            assert explanation.due == due_date(day, extended=extended)
            assert is_working_day(explanation.due)
            assert all(not is_working_day(s.date) for s in explanation.skipped)
            assert len(explanation.skipped) == (explanation.due - explanation.nominal).days
        day += dt.timedelta(days=1)


# --------------------------------------------------------------------------------------------
# Extension decisions, days left, bands
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "decided_on", "allowed"),
    [
        (date(2026, 3, 10), date(2026, 3, 10), True),  # on the day of receipt
        (date(2026, 3, 10), date(2026, 4, 9), True),
        (date(2026, 3, 10), date(2026, 4, 10), True),  # on the due date
        (date(2026, 3, 10), date(2026, 4, 11), False),  # the day after
        # Nominal 2 Apr is a holiday; the first month runs to 7 Apr
        (date(2026, 3, 2), date(2026, 4, 2), True),
        (date(2026, 3, 2), date(2026, 4, 7), True),
        (date(2026, 3, 2), date(2026, 4, 8), False),
        (date(2026, 1, 31), date(2026, 3, 2), True),
        (date(2026, 1, 31), date(2026, 3, 3), False),
        (date(2026, 3, 10), date(2026, 3, 9), False),  # before the request arrived
    ],
)
def test_extension_allowed(received: date, decided_on: date, allowed: bool) -> None:
    assert extension_allowed(received, decided_on) is allowed


@pytest.mark.parametrize(
    ("today", "left", "band"),
    [
        (date(2026, 4, 17), -10, "overdue"),
        (date(2026, 4, 8), -1, "overdue"),
        (date(2026, 4, 7), 0, "due within 3 days"),
        (date(2026, 4, 6), 1, "due within 3 days"),
        (date(2026, 4, 4), 3, "due within 3 days"),
        (date(2026, 4, 3), 4, "due within 7 days"),
        (date(2026, 3, 31), 7, "due within 7 days"),
        (date(2026, 3, 30), 8, ""),
        (date(2026, 3, 2), 36, ""),
    ],
)
def test_days_left_and_band(today: date, left: int, band: str) -> None:
    due = date(2026, 4, 7)
    assert days_left(due, today) == left
    assert due_band(due, today) == band


# --------------------------------------------------------------------------------------------
# Identity pause
# --------------------------------------------------------------------------------------------


def test_adjusted_is_none_without_a_pause() -> None:
    assert (
        adjusted_due_date(
            date(2026, 3, 10), extended=False, identity_requested=None, identity_received=None
        )
        is None
    )
    assert (
        adjusted_due_date(
            date(2026, 3, 10),
            extended=False,
            identity_requested=None,
            identity_received=date(2026, 3, 15),
        )
        is None
    )


@pytest.mark.parametrize(
    ("received", "extended", "requested", "arrived", "today", "expected"),
    [
        # strict 10 Apr 2026 (Fri) + 5 days = 15 Apr (Wed)
        (date(2026, 3, 10), False, date(2026, 3, 11), date(2026, 3, 16), None, date(2026, 4, 15)),
        # strict 10 Apr + 1 day = 11 Apr (Sat) -> Mon 13 Apr
        (date(2026, 3, 10), False, date(2026, 3, 11), date(2026, 3, 12), None, date(2026, 4, 13)),
        # arrival on the request day: no pause, strict date
        (date(2026, 3, 10), False, date(2026, 3, 11), date(2026, 3, 11), None, date(2026, 4, 10)),
        # still waiting: paused up to today (11 -> 20 Mar = 9 days): 19 Apr (Sun) -> 20 Apr
        (date(2026, 3, 10), False, date(2026, 3, 11), None, date(2026, 3, 20), date(2026, 4, 20)),
        # strict 7 Apr 2026 + 2 days = 9 Apr (Thu); the paused days are counted from the
        # strict date, not from the nominal 2 Apr
        (date(2026, 3, 2), False, date(2026, 3, 3), date(2026, 3, 5), None, date(2026, 4, 9)),
        # strict 10 Apr + 6 days (11 -> 17 Mar)... arrival wins over today
        (
            date(2026, 3, 10),
            False,
            date(2026, 3, 11),
            date(2026, 3, 17),
            date(2026, 3, 30),
            date(2026, 4, 16),
        ),
        # extended: strict 10 Jun 2026 (Wed) + 10 days = 20 Jun (Sat) -> 22 Jun (Mon)
        (date(2026, 3, 10), True, date(2026, 3, 20), date(2026, 3, 30), None, date(2026, 6, 22)),
        # pause lands on Maundy Thursday 2026: strict 26 Mar (Thu) + 7 = 2 Apr -> 7 Apr
        (date(2026, 2, 26), False, date(2026, 3, 1), date(2026, 3, 8), None, date(2026, 4, 7)),
        # arrival before request (typo): no pause
        (date(2026, 3, 10), False, date(2026, 3, 20), date(2026, 3, 15), None, date(2026, 4, 10)),
    ],
)
def test_adjusted_due_date(
    received: date,
    extended: bool,
    requested: date,
    arrived: date | None,
    today: date | None,
    expected: date,
) -> None:
    assert (
        adjusted_due_date(
            received,
            extended=extended,
            identity_requested=requested,
            identity_received=arrived,
            today=today,
        )
        == expected
    )


def test_adjusted_never_replaces_strict() -> None:
    received = date(2026, 3, 10)
    adjusted = adjusted_due_date(
        received,
        extended=False,
        identity_requested=date(2026, 3, 11),
        identity_received=date(2026, 3, 16),
    )
    assert adjusted is not None
    assert due_date(received) == date(2026, 4, 10)
    assert adjusted >= due_date(received)


def test_adjusted_waiting_defaults_to_today_in_oslo() -> None:
    requested = clock.today_oslo()
    adjusted = adjusted_due_date(
        requested, extended=False, identity_requested=requested, identity_received=None
    )
    assert adjusted == due_date(requested)


# --------------------------------------------------------------------------------------------
# Receipt date in Europe/Oslo
# --------------------------------------------------------------------------------------------

UTC = dt.UTC
OSLO = deadlines.OSLO


@pytest.mark.parametrize(
    ("received_at", "expected"),
    [
        # Winter time (UTC+1): 23:30 UTC is 00:30 the next day in Oslo
        (dt.datetime(2026, 2, 27, 23, 30, tzinfo=UTC), date(2026, 2, 28)),
        (dt.datetime(2026, 2, 27, 22, 59, tzinfo=UTC), date(2026, 2, 27)),
        (dt.datetime(2026, 2, 27, 23, 0, tzinfo=UTC), date(2026, 2, 28)),
        # Naive datetimes are UTC
        (dt.datetime(2026, 2, 27, 23, 30), date(2026, 2, 28)),
        (dt.datetime(2026, 2, 27, 22, 30), date(2026, 2, 27)),
        # Summer time (UTC+2): 22:30 UTC is 00:30 the next day
        (dt.datetime(2026, 6, 30, 22, 30, tzinfo=UTC), date(2026, 7, 1)),
        (dt.datetime(2026, 6, 30, 21, 59, tzinfo=UTC), date(2026, 6, 30)),
        # DST starts Sun 29 Mar 2026 at 01:00 UTC (02:00 -> 03:00 local)
        (dt.datetime(2026, 3, 28, 22, 59, tzinfo=UTC), date(2026, 3, 28)),  # 23:59 CET
        (dt.datetime(2026, 3, 28, 23, 0, tzinfo=UTC), date(2026, 3, 29)),  # 00:00 CET
        (dt.datetime(2026, 3, 29, 21, 59, tzinfo=UTC), date(2026, 3, 29)),  # 23:59 CEST
        (dt.datetime(2026, 3, 29, 22, 0, tzinfo=UTC), date(2026, 3, 30)),  # 00:00 CEST
        # DST ends Sun 25 Oct 2026 at 01:00 UTC (03:00 -> 02:00 local)
        (dt.datetime(2026, 10, 24, 21, 59, tzinfo=UTC), date(2026, 10, 24)),  # 23:59 CEST
        (dt.datetime(2026, 10, 24, 22, 0, tzinfo=UTC), date(2026, 10, 25)),  # 00:00 CEST
        (dt.datetime(2026, 10, 25, 22, 59, tzinfo=UTC), date(2026, 10, 25)),  # 23:59 CET
        (dt.datetime(2026, 10, 25, 23, 0, tzinfo=UTC), date(2026, 10, 26)),  # 00:00 CET
        # Other zones are converted, not read literally
        (
            dt.datetime(2026, 2, 27, 18, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
            date(2026, 2, 28),
        ),
        (dt.datetime(2026, 2, 28, 0, 30, tzinfo=OSLO), date(2026, 2, 28)),
    ],
)
def test_receipt_date(received_at: dt.datetime, expected: date) -> None:
    assert receipt_date(received_at) == expected


def test_receipt_across_midnight_changes_the_deadline() -> None:
    # 23:30 UTC on 27 Feb 2026 is 28 Feb in Oslo: due 28 Mar 2026 (Sat) -> Mon 30 Mar,
    # whereas 27 Feb would give Fri 27 Mar.
    assert due_date(receipt_date(dt.datetime(2026, 2, 27, 23, 30, tzinfo=UTC))) == date(2026, 3, 30)
    assert due_date(receipt_date(dt.datetime(2026, 2, 27, 22, 30, tzinfo=UTC))) == date(2026, 3, 27)
