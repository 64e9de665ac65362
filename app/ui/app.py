"""Start the GUI: the application object, the translations, the database, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from app import __version__
from app.core.errors import UserError
from app.resources import resources_dir
from app.services.database import open_database


def _install_translations(app: QApplication) -> None:
    """Qt's own strings and ours, in the system language where a translation ships."""
    locale = QLocale.system()
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
    ours = QTranslator(app)
    if ours.load(locale, "innsyn", "_", str(resources_dir() / "translations")):
        app.installTranslator(ours)


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

    try:
        db = open_database(db_path)
    except UserError as exc:
        QMessageBox.critical(
            None, QCoreApplication.translate("Innsyn", "Innsyn: cannot open the database"), str(exc)
        )
        return 1

    from app.ui.main_window import MainWindow

    try:
        window = MainWindow(db)
        window.show()
        return app.exec()
    finally:
        db.close()
