"""Start the GUI: the application object, the translations, the database, the main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

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

    from app.ui.unlock import open_interactively

    opened = open_interactively(db_path)
    if opened is None:
        return 1
    db, lock = opened

    from app.ui.main_window import MainWindow

    try:
        window = MainWindow(db)
        window.show()
        return app.exec()
    finally:
        _backup_on_close(db)
        db.close()
        lock.unlock()


def _backup_on_close(db: Database) -> None:
    """The backup on closing; a failure is logged (no personal data), never blocks closing."""
    from app.services.backup import make_backup

    try:
        make_backup(db)
    except UserError as exc:
        logging.getLogger(__name__).warning("backup on closing failed: %s", type(exc).__name__)
