"""The GUI's wording of domain values: days left, dates, times, the interface language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QLocale

from app.core import clock
from app.core.model import RequestType, Status
from app.ui.formatting import (
    days_left_text,
    days_left_words,
    due_tooltip,
    format_date,
    format_day,
    format_time_oslo,
    request_type_label,
    status_label,
    ui_language,
)


@pytest.fixture
def set_locale() -> Iterator[Callable[[QLocale], None]]:
    before = QLocale()
    yield QLocale.setDefault
    QLocale.setDefault(before)


def test_the_band_texts() -> None:
    today = dt.date(2026, 3, 2)
    assert days_left_text(dt.date(2026, 2, 28), today) == "-2 (overdue)"
    assert days_left_text(dt.date(2026, 3, 5), today) == "3 (due soon)"
    assert days_left_text(dt.date(2026, 3, 8), today) == "6 (due this week)"
    assert days_left_text(dt.date(2026, 3, 20), today) == "18"
    assert days_left_text(dt.date(2026, 2, 28), today, is_open=False) == "—"


def test_days_left_words() -> None:
    today = dt.date(2025, 6, 16)  # a Monday
    assert days_left_words(dt.date(2025, 6, 13), today) == "3 days overdue"
    assert days_left_words(dt.date(2025, 6, 15), today) == "1 day overdue"
    assert days_left_words(today, today) == "due today (due soon)"
    assert days_left_words(dt.date(2025, 6, 17), today) == "1 day left (due soon)"
    assert days_left_words(dt.date(2025, 6, 23), today) == "7 days left (due soon)"
    assert days_left_words(dt.date(2025, 6, 24), today) == "8 days left"


def test_due_tooltips() -> None:
    today = dt.date(2026, 3, 2)
    assert due_tooltip(dt.date(2026, 2, 28), today) == (
        "Overdue by 2 day(s): the deadline was 28.02.2026."
    )
    assert due_tooltip(today, today) == "Due today (02.03.2026)."
    assert due_tooltip(dt.date(2026, 3, 4), today) == (
        "2 day(s) left: due 04.03.2026. Due within 3 days."
    )
    assert due_tooltip(dt.date(2026, 3, 4), today, is_open=False) == (
        "Closed: no deadline is running."
    )


def test_dates_and_oslo_times() -> None:
    assert format_date(dt.date(2026, 1, 7)) == "07.01.2026"
    assert format_date(None) == ""
    # 23:30 UTC on 31 December is already the new year in Oslo (UTC+1 in winter).
    winter = dt.datetime(2025, 12, 31, 23, 30, tzinfo=dt.UTC)
    assert format_time_oslo(winter) == "01.01.2026 00:30"
    summer = dt.datetime(2026, 7, 1, 8, 15, tzinfo=clock.OSLO)
    assert format_time_oslo(summer) == "01.07.2026 08:15"
    with pytest.raises(ValueError, match="must carry a time zone"):
        format_time_oslo(winter.replace(tzinfo=None))
    assert format_time_oslo(None) == ""


def test_the_interface_language_follows_the_locale(
    set_locale: Callable[[QLocale], None],
) -> None:
    set_locale(QLocale(QLocale.Language.NorwegianBokmal, QLocale.Country.Norway))
    assert ui_language() == "nb"
    assert format_day(dt.date(2026, 4, 7)) == "7. apr. 2026"


def test_english_elsewhere(set_locale: Callable[[QLocale], None]) -> None:
    set_locale(QLocale(QLocale.Language.NorwegianNynorsk, QLocale.Country.Norway))
    assert ui_language() == "en"  # Bokmål only: the wording has no Nynorsk
    set_locale(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    assert ui_language() == "en"
    assert format_day(dt.date(2026, 4, 7)) == "7 Apr 2026"


def test_enum_labels() -> None:
    assert request_type_label(RequestType.ERASURE) == "Erasure"
    assert status_label(Status.AWAITING_IDENTITY) == "awaiting identity"
