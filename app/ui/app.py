"""Start the GUI: the application object, the translations, the database, the main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLockFile, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app import __version__
from app.core.errors import UserError
from app.services.storage import Database
from app.ui.formatting import problem_text

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

# After the window is shown: the full check of the file (when it was not run at opening),
# then the daily backup and the daily recomputation of the whole audit chain.
FILE_CHECK_DELAY_MS = 1_000
DAILY_BACKUP_DELAY_MS = 2_000


def _install_translations(app: QApplication) -> None:
    """Qt's own strings and ours, in the language chosen in the settings (or the system's)."""
    from app.services.setup import language
    from app.ui.i18n import install_language

    install_language(app, language())


def run_gui(db_path: Path | None) -> int:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing  # an embedder's or a test's: its translators are its own business
    else:
        app = QApplication(sys.argv)
        _install_translations(app)
    app.setApplicationName("Innsyn")
    app.setOrganizationName("Innsyn")
    app.setApplicationVersion(__version__)

    if not isinstance(existing, QApplication):
        from app.ui.crash import install_excepthook

        install_excepthook()

    opened = _open(db_path)
    if opened is None:
        return 1
    db, lock = opened

    from app.ui.collector import GuiGarbageCollector
    from app.ui.main_window import MainWindow
    from app.ui.tray import ReminderTray

    window = MainWindow(db)
    collector = GuiGarbageCollector(app)
    try:
        tray = ReminderTray(db, parent=window)
        tray.reminded.connect(
            lambda texts: window.statusBar().showMessage(" · ".join(texts), 60_000)
        )
        tray.show_requested.connect(window.showNormal)
        tray.show_requested.connect(window.raise_)
        tray.quit_requested.connect(window.close)
        window.show()
        tray.start()
        if db.check_pending:
            QTimer.singleShot(FILE_CHECK_DELAY_MS, window, window.start_file_check)
        _daily_backup_soon(window, db)
        code = app.exec()
        tray.stop()
        return code
    finally:
        window.shutdown_jobs()
        collector.stop()
        if window.damage is None:  # a copy of a damaged file would not verify anyway
            _backup_on_close(db)
        db.close()
        lock.unlock()
        if window.pending_restore is not None:
            _restore(db.path, window.pending_restore)
        elif window.restore_damaged and window.damage is not None:
            _restore_newest_good(db.path, window.damage)


def _open(db_path: Path | None) -> tuple[Database, QLockFile] | None:
    """The first start runs the wizard; afterwards the chosen database opens directly."""
    from app.services import setup
    from app.ui.unlock import open_interactively

    if db_path is None and setup.needs_first_run():
        from app.ui.wizard import run_first_run_wizard

        created = run_first_run_wizard()
        if created is None:
            return None
        path = created.path
        created.close()
        return open_interactively(path)
    return open_interactively(db_path or setup.configured_database_path())


def _daily_backup_soon(window: MainWindow, db: Database) -> None:
    """A moment after the window is shown, off the GUI thread and after the file check (one
    job at a time reads the whole file): the daily backup, which counts as a full check of
    the file, then, once a day, the whole audit chain recomputed (the overview's check at
    start only verifies the entries written since the last verified one)."""
    from app.services.audit import ChainReport, full_verification_due, verify_chain
    from app.services.backup import backup_if_due
    from app.ui.tasks import ProgressCallback

    log = logging.getLogger(__name__)

    def work(_progress: ProgressCallback) -> ChainReport | None:
        if db.damage_found is not None:
            return None
        try:
            backup_if_due(db)
        except Exception as exc:  # logged without its text (it may name a path)
            log.warning("daily backup failed: %s", type(exc).__name__)
        return verify_chain(db) if full_verification_due(db) else None

    def done(report: ChainReport | None) -> None:
        if report is not None:
            window.dashboard.audit_status.show_report(report)

    def failed(exc: BaseException) -> None:
        log.warning("daily checks failed: %s", type(exc).__name__)

    def start() -> None:
        window.maintenance.run(work, on_success=done, on_failure=failed)

    QTimer.singleShot(DAILY_BACKUP_DELAY_MS, window, start)


def _restore(path: Path, backup: Path) -> None:
    from app.services.backup import restore

    try:
        result = restore(path, backup)
    except UserError as exc:
        QMessageBox.critical(None, "Innsyn", problem_text(exc))
        return
    QMessageBox.information(
        None,
        "Innsyn",
        QCoreApplication.translate(
            "Innsyn",
            "The database was restored from %1. The previous file is kept as %2. "
            "Start Innsyn again.",
        )
        .replace("%1", result.restored_from.name)
        .replace("%2", result.kept_aside.name if result.kept_aside else "-"),
    )


def _restore_newest_good(path: Path, problem: str) -> None:
    """After the background check found damage and the officer chose to restore: the same
    offer as at opening (the newest backup that verifies, the damaged file kept aside)."""
    from app.ui.unlock import Unlocker

    if Unlocker().offer_restore(path, problem):
        QMessageBox.information(
            None,
            "Innsyn",
            QCoreApplication.translate(
                "Innsyn",
                "The database was restored from the newest good backup. The damaged file is "
                "kept beside it. Start Innsyn again.",
            ),
        )


def _backup_on_close(db: Database) -> None:
    """The backup on closing; a failure is logged (no personal data), never blocks closing."""
    from app.services.backup import make_backup

    try:
        make_backup(db)
    except UserError as exc:
        logging.getLogger(__name__).warning("backup on closing failed: %s", type(exc).__name__)
