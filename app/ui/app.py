"""Start the GUI: the application object, the translations, the database, the main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app import __version__
from app.core.errors import UserError
from app.services.database import Database


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

    from app.ui.main_window import MainWindow
    from app.ui.tray import ReminderTray

    window = MainWindow(db)
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
        _daily_backup_soon(window, db)
        code = app.exec()
        tray.stop()
        return code
    finally:
        window.shutdown_jobs()
        _backup_on_close(db)
        db.close()
        lock.unlock()
        if window.pending_restore is not None:
            _restore(db.path, window.pending_restore)


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


def _daily_backup_soon(window: QWidget, db: Database) -> None:
    """The daily backup, off the GUI thread, a moment after the window is shown."""
    from app.services.backup import backup_if_due
    from app.ui.jobs import Job

    def start() -> None:
        job = Job(lambda _progress: backup_if_due(db))
        job.signals.failed.connect(
            lambda message: logging.getLogger(__name__).warning("daily backup failed")
        )
        window.daily_backup_job = job  # type: ignore[attr-defined]
        QThreadPool.globalInstance().start(job)

    QTimer.singleShot(2_000, start)


def _restore(path: Path, backup: Path) -> None:
    from app.services.backup import restore

    try:
        result = restore(path, backup)
    except UserError as exc:
        QMessageBox.critical(None, "Innsyn", str(exc))
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


def _backup_on_close(db: Database) -> None:
    """The backup on closing; a failure is logged (no personal data), never blocks closing."""
    from app.services.backup import make_backup

    try:
        make_backup(db)
    except UserError as exc:
        logging.getLogger(__name__).warning("backup on closing failed: %s", type(exc).__name__)
