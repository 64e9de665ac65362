"""The deadlines calendar, read back with icalendar: one all-day event per open case, the right
dates, a reminder three days before, and nothing that says who the person is."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import pytest
from icalendar import Calendar

from app.core.model import RequestType, Status
from app.services import cases, workflow
from app.services.calendar import event_uid, write_calendar
from app.store.database import Database
from tests.conftest import oslo, phone_request

PERSONAL = (
    "Kari",
    "Nordmann",
    "Ola",
    "Hansen",
    "kari@example.no",
    "example.no",
    "+47",
    "40 00 15 14",
    "40001514",
    "Storgata",
    "Ringte",
)


@pytest.fixture
def logged(db: Database) -> dict[str, cases.LoggedRequest]:
    soon = cases.log_request(
        db,
        phone_request(
            "Kari Nordmann",
            received=oslo(2026, 3, 2),
            email="kari@example.no",
            address="Storgata 1, 0155 Oslo",
            notes="Ringte om kundeforholdet",
            types=(RequestType.ACCESS, RequestType.ERASURE),
        ),
    )
    later = cases.log_request(
        db,
        phone_request("Ola Hansen", received=oslo(2026, 3, 31, 23, 30), phone="+47 90 00 00 01"),
    )
    closed = cases.log_request(
        db, phone_request("Kari Nordmann", received=oslo(2026, 2, 2), new_subject=True)
    )
    workflow.change_status(db, closed.reference, Status.WITHDRAWN)
    return {"soon": soon, "later": later, "closed": closed}


def read(path: Path) -> Calendar:
    return Calendar.from_ical(path.read_bytes())


def test_one_all_day_event_per_open_case(
    db: Database, logged: dict[str, cases.LoggedRequest], tmp_path: Path
) -> None:
    out = tmp_path / "frister.ics"
    assert write_calendar(db, out, today=dt.date(2026, 3, 31)) == 2
    events = read(out).walk("VEVENT")
    by_uid = {str(e["UID"]): e for e in events}
    assert len(events) == 2
    assert set(by_uid) == {
        event_uid(logged["soon"].reference, db.database_id),
        event_uid(logged["later"].reference, db.database_id),
    }
    soon = by_uid[f"{logged['soon'].reference}@innsyn.{db.database_id[:8]}"]
    assert soon.decoded("DTSTART") == dt.date(2026, 4, 7) == logged["soon"].due
    assert soon.decoded("DTEND") == dt.date(2026, 4, 8)
    assert not isinstance(soon.decoded("DTSTART"), dt.datetime)  # all-day
    assert str(soon["SUMMARY"]) == f"Frist: {logged['soon'].reference} (innsyn, sletting)"
    assert "2026-03-02" in str(soon["DESCRIPTION"])

    later = by_uid[event_uid(logged["later"].reference, db.database_id)]
    # Received 23:30 on 31 March in Oslo: due one month after 31 March, 30 April.
    assert later.decoded("DTSTART") == logged["later"].due == dt.date(2026, 4, 30)

    for event in events:
        alarms = event.walk("VALARM")
        assert len(alarms) == 1
        assert str(alarms[0]["ACTION"]) == "DISPLAY"
        assert alarms[0].decoded("TRIGGER") == dt.timedelta(days=-3)
    assert logged["closed"].reference not in out.read_text(encoding="utf-8")


def test_no_personal_data_anywhere_in_the_file(
    db: Database, logged: dict[str, cases.LoggedRequest], tmp_path: Path
) -> None:
    out = tmp_path / "frister.ics"
    write_calendar(db, out)
    raw = out.read_bytes().decode("utf-8")
    unfolded = raw.replace("\r\n ", "")
    for value in PERSONAL:
        assert value.lower() not in unfolded.lower(), value
    for event in read(out).walk("VEVENT"):
        for key, value in event.property_items():
            for private in PERSONAL:
                assert private.lower() not in str(value).lower(), (key, private)


def test_uids_are_stable_and_the_file_is_owner_only(
    db: Database, logged: dict[str, cases.LoggedRequest], tmp_path: Path
) -> None:
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    write_calendar(db, first, today=dt.date(2026, 3, 31))
    write_calendar(db, second, today=dt.date(2026, 3, 31))
    assert first.read_bytes() == second.read_bytes()
    assert stat.S_IMODE(first.stat().st_mode) == 0o600


def test_no_open_cases_gives_an_empty_calendar(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "empty.ics"
    assert write_calendar(db, out) == 0
    cal = read(out)
    assert cal.walk("VEVENT") == []
    assert str(cal["VERSION"]) == "2.0"


def test_the_cli_writes_the_calendar(
    db_path: Path, logged: dict[str, cases.LoggedRequest], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    from app.cli import main

    out = tmp_path / "cli.ics"
    assert main(["--db", str(db_path), "calendar", "--out", str(out)]) == 0
    assert "2 open cases" in capsys.readouterr().out
    assert len(read(out).walk("VEVENT")) == 2
