"""The one clock: every "now" and "today" of the application comes from here.

Deadlines are counted in Norway's time zone, timestamps are kept in UTC, and both are aware
datetimes. Tests (and scripted checks of the CLI in another process) set the clock instead of
patching modules: `set(moment)` here, or the environment variable `INNSYN_NOW` (an ISO date
or date and time) read when the process starts. A set clock keeps ticking from the moment it
was set to, so that the order of events and the age of files stay as they would be.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from zoneinfo import ZoneInfo

OSLO = ZoneInfo("Europe/Oslo")
NOW_ENV = "INNSYN_NOW"

# (the moment the clock was set to, the monotonic time at which it was set, ticking)
_anchor: tuple[dt.datetime, float, bool] | None = None


def _as_moment(value: dt.datetime | dt.date | str) -> dt.datetime:
    if isinstance(value, str):
        value = _parse(value)
    if not isinstance(value, dt.datetime):
        # A day alone: the middle of the working day in Oslo, far from either midnight.
        value = dt.datetime(value.year, value.month, value.day, 12, 0, tzinfo=OSLO)
    if value.tzinfo is None:
        value = value.replace(tzinfo=OSLO)
    return value.astimezone(dt.UTC)


def _parse(text: str) -> dt.datetime | dt.date:
    text = text.strip()
    if "T" in text or " " in text:
        return dt.datetime.fromisoformat(text)
    return dt.date.fromisoformat(text)


def set(moment: dt.datetime | dt.date | str, *, ticking: bool = True) -> None:  # noqa: A001
    """Set the clock (a naive datetime is Oslo time; a date is noon in Oslo)."""
    global _anchor
    _anchor = (_as_moment(moment), time.monotonic(), ticking)


def reset() -> None:
    """Back to the system clock."""
    global _anchor
    _anchor = None


def is_set() -> bool:
    return _anchor is not None


def now_utc() -> dt.datetime:
    """Now, as an aware datetime in UTC."""
    if _anchor is None:
        return dt.datetime.now(dt.UTC)
    moment, since, ticking = _anchor
    if not ticking:
        return moment
    return moment + dt.timedelta(seconds=time.monotonic() - since)


def in_utc(moment: dt.datetime) -> dt.datetime:
    """An aware moment, in UTC. A naive one is refused: it could be any of 24 moments."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"The moment {moment.isoformat()} must carry a time zone.")
    return moment.astimezone(dt.UTC)


def now_oslo() -> dt.datetime:
    """Now, as an aware datetime in Oslo's time."""
    return now_utc().astimezone(OSLO)


def today_oslo() -> dt.date:
    """Today's date in Norway: the day deadlines are counted from."""
    return now_oslo().date()


def now_local() -> dt.datetime:
    """Now in the computer's own time zone (file names that a person reads)."""
    return now_utc().astimezone()


def _from_environment() -> None:
    value = os.environ.get(NOW_ENV, "").strip()
    if value:
        try:
            set(value)
        except ValueError as exc:
            raise SystemExit(f"{NOW_ENV}={value!r} is not an ISO date or date and time") from exc


_from_environment()
