"""The reminder tray against a real database, with a fixed clock and settings in tmp_path."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.core.model import Status
from app.services import cases, workflow
from app.store.database import Database
from app.ui.tray import CHECK_INTERVAL_MS, ReminderTray
from tests.conftest import OSLO, oslo, phone_request


class Clock:
    def __init__(self, moment: dt.datetime) -> None:
        self.moment = moment

    def __call__(self) -> dt.datetime:
        return self.moment


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "settings" / "innsyn.ini"


def make_tray(
    db: Database, settings_file: Path, clock: Clock, qtbot: QtBot, **kw: object
) -> ReminderTray:
    settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
    tray = ReminderTray(db, clock=clock, settings=settings, use_tray=False, **kw)  # type: ignore[arg-type]
    qtbot.addWidget(tray.menu)
    return tray


@pytest.fixture
def three_cases(db: Database) -> dict[str, str]:
    """Due 2026-04-07, 2026-03-20 (overdue on 5 April), 2026-04-20 (not soon); one more
    overdue but withdrawn. Names, e-mails and phones must never reach a reminder."""
    soon = cases.log_request(db, phone_request("Kari Nordmann", received=oslo(2026, 3, 2)))
    late = cases.log_request(
        db, phone_request("Ola Nordmann", received=oslo(2026, 2, 20), phone="+47 90 00 00 01")
    )
    later = cases.log_request(
        db, phone_request("Per Hansen", received=oslo(2026, 3, 20), phone="+47 90 00 00 02")
    )
    closed = cases.log_request(
        db, phone_request("Siri Berg", received=oslo(2026, 2, 19), phone="+47 90 00 00 03")
    )
    workflow.change_status(db, closed.reference, Status.WITHDRAWN)
    assert soon.due == dt.date(2026, 4, 7)
    assert late.due < dt.date(2026, 4, 5) < dt.date(2026, 4, 8) < later.due
    return {
        "soon": soon.reference,
        "late": late.reference,
        "later": later.reference,
        "closed": closed.reference,
    }


def test_reminds_with_references_only(
    db: Database, three_cases: dict[str, str], settings_file: Path, qtbot: QtBot
) -> None:
    tray = make_tray(db, settings_file, Clock(oslo(2026, 4, 5, 9)), qtbot)
    with qtbot.waitSignal(tray.reminded, timeout=1000) as blocker:
        shown = tray.check()
    expected = [f"{three_cases['late']} is overdue", f"{three_cases['soon']} is due in 2 days"]
    assert blocker.args == [expected]
    assert shown == expected
    for text in shown:
        for private in ("Nordmann", "Hansen", "Berg", "+47", "90 00"):
            assert private not in text
    assert three_cases["closed"] not in " ".join(shown)
    assert three_cases["later"] not in " ".join(shown)


def test_each_reminder_once_even_after_a_restart(
    db: Database, three_cases: dict[str, str], settings_file: Path, qtbot: QtBot
) -> None:
    clock = Clock(oslo(2026, 4, 5, 9))
    tray = make_tray(db, settings_file, clock, qtbot)
    assert len(tray.check()) == 2
    with qtbot.assertNotEmitted(tray.reminded):
        assert tray.check() == []

    # A new tray (the application started again) reads what was shown from the settings.
    restarted = make_tray(db, settings_file, clock, qtbot)
    with qtbot.assertNotEmitted(restarted.reminded):
        assert restarted.check() == []
    assert (three_cases["soon"], "within 3 days") in restarted.notified()

    # The due date itself: nothing new. The day after: overdue, once.
    clock.moment = oslo(2026, 4, 7, 16)
    assert restarted.check() == []
    clock.moment = dt.datetime(2026, 4, 8, 0, 1, tzinfo=OSLO)
    with qtbot.waitSignal(restarted.reminded, timeout=1000) as blocker:
        restarted.check()
    assert blocker.args == [[f"{three_cases['soon']} is overdue"]]
    assert restarted.check() == []


def test_today_tomorrow_and_the_timer(
    db: Database, three_cases: dict[str, str], settings_file: Path, qtbot: QtBot
) -> None:
    clock = Clock(oslo(2026, 4, 6, 12))
    tray = make_tray(db, settings_file, clock, qtbot)
    assert tray.timer.interval() == CHECK_INTERVAL_MS == 3_600_000
    assert f"{three_cases['soon']} is due tomorrow" in tray.check()

    # start(): a check at once, then the hourly timer. The timer's tick is emitted by hand:
    # waiting for a real one would test Qt's clock, not ours.
    other = settings_file.with_name("other.ini")
    clock = Clock(oslo(2026, 4, 3, 8))  # nothing due yet
    fresh = make_tray(db, other, clock, qtbot)
    with qtbot.waitSignal(fresh.reminded, timeout=1000) as first:
        fresh.start()
    assert first.args == [[f"{three_cases['late']} is overdue"]]
    assert fresh.timer.isActive()
    clock.moment = oslo(2026, 4, 7, 8)
    with qtbot.waitSignal(fresh.reminded, timeout=1000) as tick:
        fresh.timer.timeout.emit()
    assert tick.args == [[f"{three_cases['soon']} is due today"]]
    fresh.stop()
    assert not fresh.timer.isActive()


def test_closed_cases_are_forgotten_and_an_extension_reminds_again(
    db: Database, three_cases: dict[str, str], settings_file: Path, qtbot: QtBot
) -> None:
    tray = make_tray(db, settings_file, Clock(oslo(2026, 4, 5, 9)), qtbot)
    tray.check()
    cases.extend(
        db, three_cases["soon"], reason="Many systems to search.", decided_on=dt.date(2026, 4, 5)
    )
    workflow.change_status(db, three_cases["late"], Status.WITHDRAWN)
    assert tray.check() == []
    assert tray.notified() == set()
    text = settings_file.read_text(encoding="utf-8")
    assert "Nordmann" not in text


def test_menu_actions_emit_signals(db: Database, settings_file: Path, qtbot: QtBot) -> None:
    tray = make_tray(db, settings_file, Clock(oslo(2026, 4, 5, 9)), qtbot)
    assert tray.icon is None  # no tray asked for: the logic still runs, the signal carries it
    with qtbot.waitSignal(tray.show_requested, timeout=1000):
        tray.show_action.trigger()
    with qtbot.waitSignal(tray.quit_requested, timeout=1000):
        tray.quit_action.trigger()
    assert [a.text() for a in tray.menu.actions() if not a.isSeparator()] == [
        "Show Innsyn",
        "Quit",
    ]
