"""What the GUI checks once its window is shown, off the GUI thread: the whole database file
(when that was not done at opening) and, once a day, the whole audit chain. Damage is told
plainly and the newest good backup offered; tabs not shown are built when first opened."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.core import clock
from app.services import cases
from app.services.audit import verify_new_entries
from app.services.backup import make_backup
from app.store import database
from app.store.database import Database, open_database
from app.ui import app as gui_app
from app.ui.main_window import MainWindow
from tests.conftest import phone_request
from tests.dbutil import damage_a_data_page, raw_connect

WAIT_MS = 20_000


class Asked:
    """QMessageBox.question/information/critical, answered as the officer would."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton):
        self.calls: list[tuple[str, str]] = []

        def record(kind: str) -> Any:
            def ask(_parent: object, _title: str, text: str, *_a: object) -> Any:
                self.calls.append((kind, text))
                return answer if kind == "question" else QMessageBox.StandardButton.Ok

            return staticmethod(ask)

        for kind in ("question", "information", "critical", "warning"):
            monkeypatch.setattr(QMessageBox, kind, record(kind))


def damaged_database(path: Path, *, backup: bool) -> str:
    """A database with a damaged data page after a clean close; its first case."""
    db = open_database(path)
    ref = cases.log_request(db, phone_request()).reference
    if backup:
        make_backup(db)
    for i in range(30):
        cases.log_request(db, phone_request(f"Person {i}", phone=None, notes="x" * 3000))
    db.close()
    damage_a_data_page(path)
    return ref


def shown(qtbot: QtBot, db: Database) -> MainWindow:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_damage_not_touched_at_opening_is_found_in_the_background_and_a_backup_restored(
    qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ref = damaged_database(db_path, backup=True)
    db = open_database(db_path)  # opens: the damaged page is not read to open it
    assert db.check_pending
    asked = Asked(monkeypatch, QMessageBox.StandardButton.Yes)
    window = shown(qtbot, db)
    assert window.start_file_check() is not None
    qtbot.waitUntil(lambda: not window.file_check_running, timeout=WAIT_MS)
    assert asked.calls and asked.calls[0][0] == "question"
    assert "is damaged" in asked.calls[0][1] and "restore" in asked.calls[0][1]
    assert window.damage is not None and window.restore_damaged
    assert not window.isVisible()  # closed, to restore
    window.shutdown_jobs()
    db.close()

    gui_app._restore_newest_good(db_path, window.damage)
    kinds = [kind for kind, _text in asked.calls]
    assert kinds == ["question", "question", "information"]
    assert "Restore the backup of" in asked.calls[1][1]
    assert "Start Innsyn again" in asked.calls[2][1]
    restored = open_database(db_path)
    try:
        assert cases.get_case(restored, ref).subject_name == "Kari Nordmann"
    finally:
        restored.close()
    assert any(".replaced-" in p.name for p in db_path.parent.iterdir())


def test_damage_without_a_backup_is_told_and_the_window_stays(
    qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    damaged_database(db_path, backup=False)
    db = open_database(db_path)
    asked = Asked(monkeypatch, QMessageBox.StandardButton.Yes)
    window = shown(qtbot, db)
    window.start_file_check()
    qtbot.waitUntil(lambda: not window.file_check_running, timeout=WAIT_MS)
    assert [kind for kind, _text in asked.calls] == ["critical"]
    assert "is damaged" in asked.calls[0][1] and "no backup" in asked.calls[0][1]
    assert window.isVisible() and not window.restore_damaged
    window.shutdown_jobs()
    db.close()


def test_an_intact_file_is_checked_quietly(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = Asked(monkeypatch, QMessageBox.StandardButton.No)
    window = shown(qtbot, db)
    window.start_file_check()
    qtbot.waitUntil(lambda: not window.file_check_running, timeout=WAIT_MS)
    assert asked.calls == [] and window.damage is None


def test_the_daily_job_recomputes_the_whole_chain_and_shows_an_old_edit(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("Anne Aasen", "Bjørn Berg", "Cecilie Dahl"):
        cases.log_request(db, phone_request(name, phone=None))
    assert verify_new_entries(db).ok  # the checkpoint is at the newest entry
    yesterday = clock.now_utc() - dt.timedelta(days=1)
    database.remember(db.path, db.database_id, audit_full_check=yesterday.isoformat())
    conn = raw_connect(db.path)
    conn.execute("UPDATE audit_log SET user = 'x' WHERE id = 2")
    conn.commit()
    conn.close()
    window = shown(qtbot, db)
    status = window.dashboard.audit_status
    qtbot.waitUntil(lambda: not window.dashboard.figures_running and not status.running)
    assert status.text().startswith("Audit trail intact")  # only new entries at start
    monkeypatch.setattr(gui_app, "DAILY_BACKUP_DELAY_MS", 0)
    with qtbot.waitSignal(status.chainChecked, timeout=WAIT_MS):
        gui_app._daily_backup_soon(window, db)
    assert status.text().startswith("Audit trail BROKEN at entry 2")
    window.shutdown_jobs()


def test_tabs_not_shown_are_built_when_first_opened(qtbot: QtBot, db: Database) -> None:
    cases.log_request(db, phone_request())
    window = shown(qtbot, db)
    assert not window.subjects_built
    assert window.register_view is None and window.retention_view is None
    window.refresh_all()  # nothing to refresh there yet
    window.tabs.setCurrentWidget(window.subjects_tab)
    assert window.subjects_built and window.subject_model.rowCount() == 1
    window.tabs.setCurrentWidget(window.retention_tab)
    retention = window.retention_view
    assert retention is not None
    qtbot.waitUntil(retention.isVisible)
    window.tabs.setCurrentWidget(window.register_tab)
    register = window.register_view
    assert register is not None
    qtbot.waitUntil(register.isVisible)
    window.shutdown_jobs()


def test_a_broken_chain_found_elsewhere_is_not_hidden_by_a_check_running_meanwhile(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services.audit import ChainReport
    from app.ui import dashboard as dashboard_module
    from app.ui.dashboard import AuditStatus

    release = threading.Event()
    real = dashboard_module.verify_new_entries

    def slow(database: Database) -> ChainReport:
        release.wait(10)
        return real(database)

    monkeypatch.setattr(dashboard_module, "verify_new_entries", slow)
    status = AuditStatus(db)
    qtbot.addWidget(status)
    status.check_new_entries()
    assert status.running
    status.show_report(ChainReport(False, 9, 4, "row 4 was changed after it was written"))
    with qtbot.waitSignal(status.chainChecked, timeout=WAIT_MS):
        release.set()
    assert status.text().startswith("Audit trail BROKEN at entry 4")
