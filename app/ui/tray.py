"""Deadline reminders: a tray icon that says, once per case, when a deadline is three days
away and when it has passed.

The reminders name case references only: a notification can show on a locked screen or a
shared monitor. What was shown is remembered in the settings (per database), so a restart
does not repeat it. Where the desktop has no system tray the same reminders are still
worked out and sent through `reminded`, for the main window's status bar.

Wiring: `tray = ReminderTray(db, parent=window)`, connect `reminded`, `show_requested` and
`quit_requested`, then `tray.start()` (checks now, then every hour).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from app.core import clock, reminders
from app.core.errors import UserError
from app.core.reminders import OpenCaseDue, Reminder
from app.resources import resources_dir
from app.services import cases
from app.services.dto import CaseQuery
from app.services.storage import Database

__all__ = ["CHECK_INTERVAL_MS", "ReminderTray", "app_icon"]

log = logging.getLogger(__name__)

CHECK_INTERVAL_MS = 60 * 60 * 1000
MESSAGE_MS = 15_000
_PAGE = 500

Clock = Callable[[], dt.datetime | dt.date]


def app_icon() -> QIcon:
    icons = resources_dir() / "icons"
    icon = QIcon()
    for name in ("innsyn.svg", "innsyn.png"):  # the PNG where Qt's SVG plugin is missing
        path = icons / name
        if path.is_file():
            icon.addFile(str(path))
    return icon


def _utcnow() -> dt.datetime:
    return clock.now_utc()


class ReminderTray(QObject):
    reminded = Signal(list)  # the texts just shown (list[str])
    show_requested = Signal()
    quit_requested = Signal()

    def __init__(
        self,
        db: Database,
        parent: QObject | None = None,
        *,
        clock: Clock | None = None,
        settings: QSettings | None = None,
        use_tray: bool | None = None,
        interval_ms: int = CHECK_INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reminderTray")
        self.db = db
        self._clock: Clock = clock or _utcnow
        self._settings = settings if settings is not None else QSettings()
        self._settings_key = f"reminders/{db.database_id[:16]}/notified"
        self.last_reminders: list[Reminder] = []

        self.menu = QMenu()
        self.show_action = QAction(self.tr("Show Innsyn"), self.menu)
        self.show_action.setObjectName("trayShowAction")
        self.show_action.triggered.connect(self.show_requested)
        self.quit_action = QAction(self.tr("Quit"), self.menu)
        self.quit_action.setObjectName("trayQuitAction")
        self.quit_action.triggered.connect(self.quit_requested)
        self.menu.addAction(self.show_action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)

        if use_tray is None:
            use_tray = QSystemTrayIcon.isSystemTrayAvailable()
        self.icon: QSystemTrayIcon | None = None
        if use_tray:
            self.icon = QSystemTrayIcon(app_icon(), self)
            self.icon.setToolTip(self.tr("Innsyn: deadline reminders"))
            self.icon.setContextMenu(self.menu)
            self.icon.activated.connect(self._activated)
            self.icon.show()

        self.timer = QTimer(self)
        self.timer.setObjectName("reminderTimer")
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        """Check now, then every hour."""
        self.timer.start()
        self.check()

    def stop(self) -> None:
        self.timer.stop()
        if self.icon is not None:
            self.icon.hide()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.show_requested.emit()

    # --- what was shown ---------------------------------------------------------------------

    def notified(self) -> set[tuple[str, str]]:
        # One JSON string: an INI file gives a one-element list back as a plain string.
        raw = self._settings.value(self._settings_key, "")
        try:
            pairs = json.loads(raw) if isinstance(raw, str) and raw else []
        except ValueError:
            return set()
        return {
            (p[0], p[1])
            for p in pairs
            if isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p)
        }

    def _remember(self, pairs: set[tuple[str, str]]) -> None:
        self._settings.setValue(self._settings_key, json.dumps(sorted([list(p) for p in pairs])))
        self._settings.sync()

    # --- checking ---------------------------------------------------------------------------

    def _open_cases_due_soon(self, today: dt.date) -> list[OpenCaseDue]:
        query = CaseQuery(open_only=True, due_within_days=reminders.WINDOW_DAYS, sort="due")
        found: list[OpenCaseDue] = []
        offset = 0
        while True:
            page = cases.list_cases(self.db, query, offset=offset, limit=_PAGE, today=today)
            found += [OpenCaseDue(r.reference, r.due) for r in page]
            if len(page) < _PAGE:
                return found
            offset += _PAGE

    def text(self, reminder: Reminder) -> str:
        ref = reminder.reference
        if reminder.kind == reminders.OVERDUE:
            return self.tr("{reference} is overdue").format(reference=ref)
        if reminder.days_left == 0:
            return self.tr("{reference} is due today").format(reference=ref)
        if reminder.days_left == 1:
            return self.tr("{reference} is due tomorrow").format(reference=ref)
        return self.tr("{reference} is due in {days} days").format(
            reference=ref, days=reminder.days_left
        )

    def check(self) -> list[str]:
        """Show what is newly due; returns the texts shown (empty when nothing is new)."""
        today = reminders.local_today(self._clock())
        try:
            open_cases = self._open_cases_due_soon(today)
        except UserError as exc:  # locked or gone for a moment: the next check tries again
            log.warning("deadline reminders skipped: %s", type(exc).__name__)
            return []
        known = self.notified()
        due = reminders.due_reminders(open_cases, today, known)
        # Forget closed or extended cases, so the settings stay small and an extended
        # deadline is reminded of again when it comes near.
        still_open = {c.reference for c in open_cases}
        remembered = {p for p in known if p[0] in still_open} | {r.key for r in due}
        if remembered != known:
            self._remember(remembered)
        self.last_reminders = due
        if not due:
            return []
        texts = [self.text(r) for r in due]
        if self.icon is not None and self.icon.isVisible():
            overdue = any(r.kind == reminders.OVERDUE for r in due)
            self.icon.showMessage(
                self.tr("Innsyn: deadlines"),
                "\n".join(texts),
                QSystemTrayIcon.MessageIcon.Warning
                if overdue
                else QSystemTrayIcon.MessageIcon.Information,
                MESSAGE_MS,
            )
        self.reminded.emit(texts)
        return texts
