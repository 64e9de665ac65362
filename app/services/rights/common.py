"""The small checks and look-ups the rights modules share."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from app.core import clock
from app.core.errors import InvalidInput, NotFound
from app.store.models import (
    Case,
    ProcessingActivity,
)


def check_day(on: dt.date, case: Case, what: str) -> None:
    if on > clock.today_oslo():
        raise InvalidInput(f"The {what} cannot be in the future.")
    if on < case.received_date:
        raise InvalidInput(f"The {what} cannot be before the request was received.")


def system_names(activity: ProcessingActivity) -> tuple[str, ...]:
    return tuple(x.name for x in activity.systems if x.retired_at is None)


def get_activity(s: Session, activity_id: int) -> ProcessingActivity:
    activity = s.get(ProcessingActivity, activity_id)
    if activity is None:
        raise NotFound(f"There is no processing activity {activity_id}.")
    return activity
