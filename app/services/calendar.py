"""The open cases' deadlines as an iCalendar file, for the officer's own calendar.

A calendar is synced to phones and servers the workbench does not control, so an event
carries the case reference, the request types and the dates, never who the person is: no
name, e-mail, phone, address or note. Each event's UID is stable per case and database, so
importing the file again updates the events instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from icalendar import Alarm, Calendar, Event
from sqlalchemy import select

from app import __version__
from app.core import clock
from app.core.model import types_from_text
from app.services.audit import record
from app.store.database import Database
from app.store.files import write_private
from app.store.models import Case

__all__ = ["REMIND_DAYS_BEFORE", "event_uid", "write_calendar"]

REMIND_DAYS_BEFORE = 3

# Short Norwegian names: the titles are Norwegian ("Frist"), like the officer's calendar.
_TYPE_NAMES = {
    "access": "innsyn",
    "rectification": "retting",
    "erasure": "sletting",
    "restriction": "begrensning",
    "objection": "protest",
}


def event_uid(reference: str, database_id: str) -> str:
    return f"{reference}@innsyn.{database_id[:8]}"


def _type_names(types_text: str) -> str:
    return ", ".join(_TYPE_NAMES.get(t.value, t.value) for t in types_from_text(types_text))


def write_calendar(db: Database, out: Path, *, today: dt.date | None = None) -> int:
    """Write every open case's due date as an all-day event with a reminder three days
    before; returns the number of events. The file is owner-only."""
    today = today or clock.today_oslo()
    stamp = dt.datetime.combine(today, dt.time(), tzinfo=dt.UTC)
    with db.session() as s:
        rows = s.execute(
            select(Case.reference, Case.types, Case.received_date, Case.due_date, Case.extended)
            .where(Case.is_open.is_(True))
            .order_by(Case.due_date, Case.reference)
        ).all()

    cal = Calendar()
    cal.add("prodid", f"-//Innsyn//Innsyn {__version__}//NO")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "Innsyn: frister")
    for reference, types_text, received, due, extended in rows:
        types = _type_names(types_text)
        ev = Event()
        ev.add("uid", event_uid(reference, db.database_id))
        ev.add("dtstamp", stamp)
        ev.add("dtstart", due)
        ev.add("dtend", due + dt.timedelta(days=1))
        ev.add("summary", f"Frist: {reference} ({types})")
        description = (
            f"Sak {reference}: {types}. Mottatt {received.isoformat()}, "
            f"svarfrist {due.isoformat()} (GDPR art. 12 nr. 3)."
        )
        if extended:
            description += " Fristen er forlenget."
        ev.add("description", description)
        ev.add("transp", "TRANSPARENT")
        ev.add("categories", ["Innsyn"])
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", dt.timedelta(days=-REMIND_DAYS_BEFORE))
        alarm.add("description", f"Frist om {REMIND_DAYS_BEFORE} dager: {reference}")
        ev.add_component(alarm)
        cal.add_component(ev)

    write_private(out, cal.to_ical())
    record(db, "export calendar", "case_", "-", events=len(rows))
    return len(rows)
