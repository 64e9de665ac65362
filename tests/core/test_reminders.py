"""Which deadline reminders are due: day boundaries in Norway, each kind once per case."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from app.core.reminders import (
    OVERDUE,
    WITHIN_3_DAYS,
    OpenCaseDue,
    Reminder,
    due_reminders,
    local_today,
)

OSLO = ZoneInfo("Europe/Oslo")
DUE = dt.date(2026, 4, 7)


def kinds(reminders: list[Reminder]) -> list[tuple[str, str, int]]:
    return [(r.reference, r.kind, r.days_left) for r in reminders]


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2026, 4, 3), []),  # 4 days left: not yet
        (dt.date(2026, 4, 4), [("2026-0001", WITHIN_3_DAYS, 3)]),
        (dt.date(2026, 4, 6), [("2026-0001", WITHIN_3_DAYS, 1)]),
        (dt.date(2026, 4, 7), [("2026-0001", WITHIN_3_DAYS, 0)]),  # the due date itself
        (dt.date(2026, 4, 8), [("2026-0001", OVERDUE, -1)]),
        (dt.date(2026, 6, 1), [("2026-0001", OVERDUE, -55)]),
    ],
)
def test_the_window_is_0_to_3_days_and_overdue_after(
    today: dt.date, expected: list[tuple[str, str, int]]
) -> None:
    assert kinds(due_reminders([OpenCaseDue("2026-0001", DUE)], today)) == expected


def test_the_day_turns_at_midnight_in_oslo_not_in_utc() -> None:
    cases = [("2026-0001", DUE)]
    # 23:30 UTC on 3 April is already 4 April in Oslo (summer time, UTC+2).
    late = dt.datetime(2026, 4, 3, 23, 30, tzinfo=dt.UTC)
    assert local_today(late) == dt.date(2026, 4, 4)
    assert kinds(due_reminders(cases, late)) == [("2026-0001", WITHIN_3_DAYS, 3)]
    # 21:59 UTC on 3 April is 23:59 in Oslo: still 4 days to go.
    assert due_reminders(cases, dt.datetime(2026, 4, 3, 21, 59, tzinfo=dt.UTC)) == []
    # In Oslo's own time, one minute either side of midnight.
    assert due_reminders(cases, dt.datetime(2026, 4, 3, 23, 59, tzinfo=OSLO)) == []
    assert due_reminders(cases, dt.datetime(2026, 4, 4, 0, 0, tzinfo=OSLO)) != []
    # Overdue from the first minute of the day after the due date.
    assert kinds(due_reminders(cases, dt.datetime(2026, 4, 7, 23, 59, tzinfo=OSLO))) == [
        ("2026-0001", WITHIN_3_DAYS, 0)
    ]
    assert kinds(due_reminders(cases, dt.datetime(2026, 4, 8, 0, 0, tzinfo=OSLO))) == [
        ("2026-0001", OVERDUE, -1)
    ]


def test_each_kind_only_once_per_case() -> None:
    cases = [("2026-0001", DUE)]
    notified: set[tuple[str, str]] = set()
    shown = []
    for day in range(1, 15):
        due = due_reminders(cases, dt.date(2026, 4, day), notified)
        notified |= {r.key for r in due}
        shown += kinds(due)
    # Within 3 days on 4 April, overdue on 8 April, nothing else on any other day.
    assert shown == [("2026-0001", WITHIN_3_DAYS, 3), ("2026-0001", OVERDUE, -1)]


def test_overdue_comes_after_within_3_days_was_shown() -> None:
    cases = [("2026-0001", DUE)]
    assert due_reminders(cases, dt.date(2026, 4, 9), {("2026-0001", WITHIN_3_DAYS)}) == [
        Reminder("2026-0001", OVERDUE, -2)
    ]
    assert due_reminders(cases, dt.date(2026, 4, 9), {("2026-0001", OVERDUE)}) == []


def test_first_seen_overdue_is_only_overdue() -> None:
    assert kinds(due_reminders([("2026-0001", DUE)], dt.date(2026, 4, 20))) == [
        ("2026-0001", OVERDUE, -13)
    ]


def test_several_cases_soonest_first_and_duplicates_once() -> None:
    today = dt.date(2026, 4, 6)
    cases = [
        OpenCaseDue("2026-0003", dt.date(2026, 4, 9)),
        OpenCaseDue("2026-0002", dt.date(2026, 4, 1)),
        OpenCaseDue("2026-0001", dt.date(2026, 4, 7)),
        OpenCaseDue("2026-0001", dt.date(2026, 4, 7)),  # a page boundary seen twice
        OpenCaseDue("2026-0004", dt.date(2026, 5, 7)),  # not soon
    ]
    assert kinds(due_reminders(cases, today)) == [
        ("2026-0002", OVERDUE, -5),
        ("2026-0001", WITHIN_3_DAYS, 1),
        ("2026-0003", WITHIN_3_DAYS, 3),
    ]
    assert kinds(due_reminders(cases, today, {("2026-0001", WITHIN_3_DAYS)})) == [
        ("2026-0002", OVERDUE, -5),
        ("2026-0003", WITHIN_3_DAYS, 3),
    ]


def test_a_naive_datetime_is_taken_as_utc() -> None:
    assert local_today(dt.datetime(2026, 1, 10, 23, 30)) == dt.date(2026, 1, 11)
    assert local_today(dt.date(2026, 1, 10)) == dt.date(2026, 1, 10)
