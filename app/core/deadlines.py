"""Response deadlines under GDPR Art. 12(3), counted per Regulation (EEC, Euratom) 1182/71.

Pure domain code: no Qt, no database, no I/O (the only clock read is the documented fallback
of :func:`adjusted_due_date` when ``today`` is not given).

Rules (see DOMAIN.md, "Deadlines"):

* the day of receipt does not count; the period ends on the same date one month later
  (three months when extended);
* where that date does not exist, on the last day of that month;
* where the last day is a Saturday, Sunday or Norwegian public holiday, on the next
  working day. Christmas Eve, New Year's Eve and 8 May are working days.

The strict deadline is the one that counts. :func:`adjusted_due_date` computes an
identity-pause deadline to be shown *beside* it, never instead of it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta

from app.core import clock

if TYPE_CHECKING:
    from holidays import HolidayBase

__all__ = [
    "OSLO",
    "DeadlineExplanation",
    "SkippedDay",
    "adjusted_due_date",
    "days_left",
    "due_band",
    "due_date",
    "explain_due_date",
    "extension_allowed",
    "holiday_names",
    "is_holiday",
    "is_working_day",
    "next_working_day",
    "receipt_date",
]

OSLO = clock.OSLO

BAND_OVERDUE = "overdue"
BAND_3_DAYS = "due within 3 days"
BAND_7_DAYS = "due within 7 days"

_SATURDAY = 5
_SUNDAY = 6
_ONE_DAY = dt.timedelta(days=1)
_ONE_MONTH = relativedelta(months=+1)
_THREE_MONTHS = relativedelta(months=+3)

# --------------------------------------------------------------------------------------------
# Holidays
# --------------------------------------------------------------------------------------------

# year -> {date: holiday keys}. The keys are the package's en_US names, requested explicitly:
# the package's default language follows the process locale, which must not leak in here.
_HOLIDAY_CACHE: dict[int, dict[dt.date, tuple[str, ...]]] = {}

# Display names, keyed by the package's en_US name: (English, Norwegian Bokmål).
_HOLIDAY_NAMES: dict[str, tuple[str, str]] = {
    "New Year's Day": ("New Year's Day", "første nyttårsdag"),
    "Maundy Thursday": ("Maundy Thursday", "skjærtorsdag"),
    "Good Friday": ("Good Friday", "langfredag"),
    "Easter Sunday": ("Easter Sunday", "første påskedag"),
    "Easter Monday": ("Easter Monday", "andre påskedag"),
    "Labor Day": ("Labour Day", "første mai"),
    "Constitution Day": ("Constitution Day", "grunnlovsdagen"),
    "Ascension Day": ("Ascension Day", "Kristi himmelfartsdag"),
    "Pentecost": ("Whit Sunday", "første pinsedag"),
    "Pentecost Monday": ("Whit Monday", "andre pinsedag"),
    "Christmas Day": ("Christmas Day", "første juledag"),
    "Second Day of Christmas": ("Boxing Day", "andre juledag"),
}


def _norway(*, years: int, language: str, include_sundays: bool) -> HolidayBase:
    # Imported when first needed: the package loads every country's calendar (~0.1 s),
    # which starting the workbench does not need.
    from holidays.countries.norway import Norway

    return Norway(years=years, language=language, include_sundays=include_sundays)


def _holidays_for_year(year: int) -> dict[dt.date, tuple[str, ...]]:
    """The public holidays of ``year``, built once per year and cached for the process."""
    cached = _HOLIDAY_CACHE.get(year)
    if cached is None:
        calendar = _norway(years=year, language="en_US", include_sundays=False)
        cached = {day: tuple(calendar.get_list(day)) for day in calendar}
        # A plain dict assignment is atomic; two threads racing here build the same value.
        _HOLIDAY_CACHE[year] = cached
    return cached


def is_holiday(d: dt.date) -> bool:
    """Whether ``d`` is a Norwegian public holiday (Sundays as such are not counted)."""
    return d in _holidays_for_year(d.year)


def is_working_day(d: dt.date) -> bool:
    """Neither a Saturday, a Sunday nor a Norwegian public holiday."""
    return d.weekday() < _SATURDAY and d not in _holidays_for_year(d.year)


def next_working_day(d: dt.date) -> dt.date:
    """``d`` itself if it is a working day, otherwise the first working day after it."""
    while not is_working_day(d):
        d += _ONE_DAY
    return d


@lru_cache(maxsize=8)
def _norwegian_package_names(year: int) -> HolidayBase:
    return _norway(years=year, language="no", include_sundays=False)


def holiday_names(d: dt.date, lang: str = "en") -> tuple[str, ...]:
    """The names of the public holidays on ``d`` (empty if none), in ``lang`` ("en" or "nb")."""
    index = _lang_index(lang)
    keys = _holidays_for_year(d.year).get(d, ())
    if all(key in _HOLIDAY_NAMES for key in keys):
        return tuple(_HOLIDAY_NAMES[key][index] for key in keys)
    if index == 0:
        return tuple(_HOLIDAY_NAMES[key][0] if key in _HOLIDAY_NAMES else key for key in keys)
    # A holiday this module has no name for: use the package's own Norwegian names.
    return tuple(
        name[:1].lower() + name[1:] for name in _norwegian_package_names(d.year).get_list(d)
    )


# --------------------------------------------------------------------------------------------
# Deadlines
# --------------------------------------------------------------------------------------------


def _nominal(received: dt.date, extended: bool) -> dt.date:
    # relativedelta keeps the day of month, or clamps it to the month's last day.
    result: dt.date = received + (_THREE_MONTHS if extended else _ONE_MONTH)
    return result


@lru_cache(maxsize=1 << 16)
def _due_date_cached(received: dt.date, extended: bool) -> dt.date:
    return next_working_day(_nominal(received, extended))


def due_date(received: dt.date, *, extended: bool = False) -> dt.date:
    """The strict Art. 12(3) deadline for a request received on ``received``.

    One month after receipt (three months if ``extended``), same date or the month's last
    day, moved to the next working day. Cached: bulk imports call this for many rows that
    share a handful of receipt dates.
    """
    if isinstance(received, dt.datetime):
        # A datetime is a date subclass; refuse it rather than silently dropping the time
        # (which would skip the Europe/Oslo conversion done by receipt_date()).
        raise TypeError("due_date() takes a date; use receipt_date() for a datetime")
    return _due_date_cached(received, bool(extended))


def extension_allowed(received: dt.date, decided_on: dt.date) -> bool:
    """Whether an extension decided on ``decided_on`` is in time.

    It must be decided within the first month: up to and including the original
    (non-extended) due date, and not before the request was received.
    """
    return received <= decided_on <= due_date(received)


def days_left(due: dt.date, today: dt.date) -> int:
    """Calendar days from ``today`` to ``due``: 0 on the due date, negative when overdue."""
    return (due - today).days


def due_band(due: dt.date, today: dt.date) -> str:
    """ "overdue", "due within 3 days", "due within 7 days", or "" when further off."""
    left = days_left(due, today)
    if left < 0:
        return BAND_OVERDUE
    if left <= 3:
        return BAND_3_DAYS
    if left <= 7:
        return BAND_7_DAYS
    return ""


def adjusted_due_date(
    received: dt.date,
    *,
    extended: bool,
    identity_requested: dt.date | None,
    identity_received: dt.date | None,
    today: dt.date | None = None,
) -> dt.date | None:
    """The deadline with the identity pause added, for display beside the strict one.

    Returns None when no pause was recorded (``identity_requested`` is None). Otherwise the
    strict due date is pushed later by the days from ``identity_requested`` to
    ``identity_received`` (or to ``today`` while identity is still awaited), then moved to
    the next working day. ``today`` defaults to the current date in Europe/Oslo. A pause
    cannot start before receipt, and a negative pause (dates entered backwards) counts as 0.
    """
    if identity_requested is None:
        return None
    if identity_received is not None:
        pause_end = identity_received
    elif today is not None:
        pause_end = today
    else:
        pause_end = clock.today_oslo()
    pause_start = max(identity_requested, received)
    paused_days = max(0, (pause_end - pause_start).days)
    strict = due_date(received, extended=extended)
    return next_working_day(strict + dt.timedelta(days=paused_days))


def receipt_date(received_at: dt.datetime) -> dt.date:
    """The calendar date in Europe/Oslo of ``received_at``; a naive datetime is taken as UTC."""
    if received_at.tzinfo is None or received_at.utcoffset() is None:
        received_at = received_at.replace(tzinfo=dt.UTC)
    return received_at.astimezone(OSLO).date()


# --------------------------------------------------------------------------------------------
# Explanation
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SkippedDay:
    """A non-working day the deadline was moved past."""

    date: dt.date
    reason: str  # "Saturday"/"Sunday" (or "lørdag"/"søndag") or the holiday's name(s)


@dataclass(frozen=True, slots=True)
class DeadlineExplanation:
    """How a deadline was arrived at, step by step."""

    received: dt.date
    nominal: dt.date  # same date one (or three) months on, or that month's last day
    due: dt.date
    skipped: tuple[SkippedDay, ...]
    text: str
    extended: bool = False

    @property
    def clamped(self) -> bool:
        """Whether the same date did not exist and the month's last day was used."""
        return self.nominal.day != self.received.day


_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTHS_NB = (
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
)


@dataclass(frozen=True, slots=True)
class _Words:
    received: str
    due: str
    saturday: str
    sunday: str
    is_weekday: str  # "{day} is a {weekday}"
    is_holiday: str  # "{day} is {name}"
    are_holidays: str
    are_weekend: str
    are_mixed: str
    missing: str  # "{day_month} does not exist"
    last_day: str  # "last day of the month {date}"
    one_month: str
    three_months: str
    name_joiner: str


_WORDS: tuple[_Words, _Words] = (
    _Words(
        received="received {}",
        due="due {}",
        saturday="Saturday",
        sunday="Sunday",
        is_weekday="{} is a {}",
        is_holiday="{} is {}",
        are_holidays="{} are holidays",
        are_weekend="{} are the weekend",
        are_mixed="{} are holidays or weekend",
        missing="{} does not exist",
        last_day="last day of the month {}",
        one_month="one month",
        three_months="three months",
        name_joiner=" and ",
    ),
    _Words(
        received="mottatt {}",
        due="frist {}",
        saturday="lørdag",
        sunday="søndag",
        is_weekday="{} er en {}",
        is_holiday="{} er {}",
        are_holidays="{} er helligdager",
        are_weekend="{} er helg",
        are_mixed="{} er helligdager eller helg",
        missing="{} finnes ikke",
        last_day="siste dag i måneden {}",
        one_month="én måned",
        three_months="tre måneder",
        name_joiner=" og ",
    ),
)


def _lang_index(lang: str) -> int:
    if lang == "en":
        return 0
    if lang in ("nb", "no"):
        return 1
    raise ValueError(f"unsupported language {lang!r} (expected 'en' or 'nb')")


def _day_month(day: int, month: int, index: int) -> str:
    if index == 0:
        return f"{day} {_MONTHS_EN[month - 1]}"
    return f"{day}. {_MONTHS_NB[month - 1]}"


def _format_date(d: dt.date, index: int) -> str:
    return f"{_day_month(d.day, d.month, index)} {d.year}"


def _format_range(first: dt.date, last: dt.date, index: int) -> str:
    """ "3–6 Apr 2026" / "3.–6. april 2026", widening as month or year differ."""
    if first.year != last.year:
        left = _format_date(first, index)
    elif first.month != last.month:
        left = _day_month(first.day, first.month, index)
    else:
        left = f"{first.day}." if index == 1 else str(first.day)
        return f"{left}–{_format_date(last, index)}"
    separator = " – " if index == 0 else "–"
    return f"{left}{separator}{_format_date(last, index)}"


def _skip_reason(d: dt.date, index: int) -> tuple[str, bool]:
    """The reason ``d`` is not a working day, and whether it is a holiday (not just weekend)."""
    words = _WORDS[index]
    names = holiday_names(d, "en" if index == 0 else "nb")
    if names:
        return words.name_joiner.join(names), True
    return (words.saturday if d.weekday() == _SATURDAY else words.sunday), False


def explain_due_date(
    received: dt.date, *, extended: bool = False, lang: str = "en"
) -> DeadlineExplanation:
    """The deadline for ``received`` with the reasoning, in English ("en") or Bokmål ("nb").

    >>> explain_due_date(dt.date(2026, 3, 10)).text
    'received 10 Mar 2026 → due 10 Apr 2026 (one month)'
    """
    index = _lang_index(lang)
    words = _WORDS[index]
    nominal = _nominal(received, extended)
    due = due_date(received, extended=extended)

    skipped: list[SkippedDay] = []
    holiday_flags: list[bool] = []
    day = nominal
    while day < due:
        reason, is_hol = _skip_reason(day, index)
        skipped.append(SkippedDay(day, reason))
        holiday_flags.append(is_hol)
        day += _ONE_DAY

    period = words.three_months if extended else words.one_month
    steps = [words.received.format(_format_date(received, index))]
    clamped = nominal.day != received.day
    if clamped:
        wanted = _day_month(received.day, nominal.month, index)  # e.g. "31 Feb"
        steps.append(words.missing.format(wanted))
        steps.append(words.last_day.format(_format_date(nominal, index)))
    if skipped:
        first = skipped[0]
        if holiday_flags[0]:
            steps.append(words.is_holiday.format(_format_date(first.date, index), first.reason))
        else:
            steps.append(words.is_weekday.format(_format_date(first.date, index), first.reason))
        rest = skipped[1:]
        rest_flags = holiday_flags[1:]
        if len(rest) == 1:
            template = words.is_holiday if rest_flags[0] else words.is_weekday
            steps.append(template.format(_format_date(rest[0].date, index), rest[0].reason))
        elif rest:
            span = _format_range(rest[0].date, rest[-1].date, index)
            if all(rest_flags):
                steps.append(words.are_holidays.format(span))
            elif not any(rest_flags):
                steps.append(words.are_weekend.format(span))
            else:
                steps.append(words.are_mixed.format(span))
    text = " → ".join([*steps, words.due.format(_format_date(due, index))])
    if not (skipped or clamped) or extended:
        text += f" ({period})"
    return DeadlineExplanation(
        received=received,
        nominal=nominal,
        due=due,
        skipped=tuple(skipped),
        text=text,
        extended=extended,
    )
