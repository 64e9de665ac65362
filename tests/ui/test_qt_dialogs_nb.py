"""Qt's own dialogs (file, print, message box) in Bokmål when the GUI is Bokmål: Qt ships no
Bokmål translation of them, ours does (scripts/qt_nb_translations.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.ui import i18n

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def nb(qtbot: QtBot) -> Iterator[QApplication]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    locale = QLocale()
    assert i18n.install_language(app, "nb") == "nb"
    yield app
    i18n.remove_translators(app)
    QLocale.setDefault(locale)


def texts(dialog: QWidget) -> tuple[set[str], set[str]]:
    labels = {w.text() for w in dialog.findChildren(QLabel) if w.text()}
    buttons = {w.text() for w in dialog.findChildren(QPushButton) if w.text()}
    return labels, buttons


def when_shown(look: Callable[[QDialog], None]) -> list[tuple[set[str], set[str]]]:
    """Read the modal dialog the code under test opens, then close it."""
    seen: list[tuple[set[str], set[str]]] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(20, poll)
            return
        seen.append(texts(dialog))
        look(dialog)
        dialog.reject()

    QTimer.singleShot(20, poll)
    return seen


def test_the_file_dialog_is_qts_own_and_in_bokmal(nb: QApplication, tmp_path: Path) -> None:
    assert QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    kinds: list[str] = []
    seen = when_shown(lambda d: kinds.append(type(d).__name__))
    # as the application asks (app/ui/background_calls.py and the panels)
    name, _ = QFileDialog.getSaveFileName(
        None, "Lagre", str(tmp_path / "x.pdf"), "PDF (*.pdf);;All files (*)"
    )
    assert name == ""
    assert kinds == ["QFileDialog"]  # Qt's widgets, not a native dialog in another language
    labels, buttons = seen[0]
    assert {"Se i:", "Filnavn:", "Filtype:"} <= {t.replace("&", "") for t in labels}
    assert {"&Lagre", "Avbryt"} <= buttons


def test_the_print_dialog_and_its_options_in_bokmal(nb: QApplication) -> None:
    printer = QPrinter()

    def options(dialog: QDialog) -> None:
        for button in dialog.findChildren(QPushButton):
            if button.text() == "&Valg >>":
                button.click()

    seen = when_shown(options)
    dialog = QPrintDialog(printer)
    labels_after: list[set[str]] = []
    dialog.finished.connect(lambda _r: labels_after.append(texts(dialog)[0]))
    dialog.exec()
    assert dialog.windowTitle() == "Skriv ut"
    labels, buttons = seen[0]
    assert {"&Skriv ut", "Avbryt", "&Valg >>"} <= buttons
    assert "&Navn:" in labels
    shown = {t.replace("&", "") for t in labels_after[0]}
    assert {"Eksemplarer:", "Sidesett:"} <= shown


def test_message_box_buttons_in_bokmal(nb: QApplication) -> None:
    box = QMessageBox()
    box.setStandardButtons(
        QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No
        | QMessageBox.StandardButton.Cancel
    )
    labels = {b.text().replace("&", "") for b in box.buttons()}
    assert labels == {"Ja", "Nei", "Avbryt"}


def test_the_qt_file_is_compiled_from_its_table(tmp_path: Path) -> None:
    import subprocess
    import sys

    ts = tmp_path / "qtbase_nb.ts"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "qt_nb_translations.py"), str(ts)], check=True
    )
    shipped = ROOT / "resources" / "translations" / "qtbase_nb.ts"
    assert ts.read_text(encoding="utf-8") == shipped.read_text(encoding="utf-8"), (
        "run scripts/update_translations.sh"
    )
