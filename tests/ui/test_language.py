"""The GUI in Norwegian Bokmål and in English, switched live."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QEvent, QEventLoop, QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from app.services import setup
from app.store.database import Database
from app.ui import app as gui_app
from app.ui import i18n
from app.ui.main_window import MainWindow


@pytest.fixture
def qapp_(qtbot: QtBot) -> Iterator[QApplication]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    locale = QLocale()
    yield app
    i18n.remove_translators(app)
    QLocale.setDefault(locale)


def tab_texts(window: MainWindow) -> list[str]:
    return [window.tabs.tabText(i).replace("&", "") for i in range(window.tabs.count())]


def test_norwegian_then_english(qtbot: QtBot, qapp_: QApplication, db: Database) -> None:
    assert i18n.install_language(qapp_, "nb") == "nb"
    window = MainWindow(db)
    qtbot.addWidget(window)
    assert tab_texts(window)[1:3] == ["Saker", "Registrerte"]
    assert window.new_phone_action.text() == "&Ny telefonhenvendelse …"
    header = window.case_table.model().headerData
    from PySide6.QtCore import Qt

    headers = [header(i, Qt.Orientation.Horizontal) for i in range(8)]
    assert {"Mottatt", "Frist", "Den registrerte"} <= set(headers)
    # Dates follow the language's locale; Qt's own buttons come from our file (Qt ships no
    # Bokmål translation).
    assert QLocale().name() == "nb_NO"
    assert QLocale().toString(QDate(2026, 3, 2), QLocale.FormatType.ShortFormat) == "02.03.2026"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.buttons()[0].text() == "Avbryt"
    # The domain vocabulary and the module-level helpers are translated too.
    assert QCoreApplication.translate("Domain", "awaiting identity") == "venter på identitet"
    assert QCoreApplication.translate("CaseTable", "Due within 3 days.") == "Frist innen 3 dager."

    assert i18n.install_language(qapp_, "en") == "en"
    again = MainWindow(db)
    qtbot.addWidget(again)
    assert tab_texts(again)[1:3] == ["Cases", "Subjects"]
    assert QCoreApplication.translate("Domain", "awaiting identity") == "awaiting identity"
    assert QLocale().language() == QLocale.Language.English
    assert i18n.current_language() == "en"


def test_switching_sends_a_language_change(qtbot: QtBot, qapp_: QApplication) -> None:
    seen: list[str] = []

    class Label(QLabel):
        def changeEvent(self, event: QEvent) -> None:
            if event.type() == QEvent.Type.LanguageChange:
                seen.append(QCoreApplication.translate("MainWindow", "&Cases"))
            super().changeEvent(event)

    label = Label()
    qtbot.addWidget(label)
    i18n.install_language(qapp_, "nb")
    # processEvents, not qtbot.waitUntil: see tests/ui/test_settings_dialog.py wait_for.
    for _ in range(100):
        if "&Saker" in seen:
            break
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    assert "&Saker" in seen


def test_system_follows_the_computer() -> None:
    assert i18n.resolve_language("system", QLocale("nn_NO")) == "nb"
    assert i18n.resolve_language("system", QLocale("nb_NO")) == "nb"
    assert i18n.resolve_language("system", QLocale("de_DE")) == "en"
    assert i18n.resolve_language("nb", QLocale("de_DE")) == "nb"
    assert i18n.resolve_language("en", QLocale("nb_NO")) == "en"


def test_a_missing_translation_falls_back_to_english(
    qapp_: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    assert i18n.install_language(qapp_, "nb") == "en"
    assert QCoreApplication.translate("MainWindow", "&Cases") == "&Cases"


def test_the_application_starts_in_the_configured_language(qapp_: QApplication) -> None:
    setup.set_language("nb")
    gui_app._install_translations(qapp_)
    assert i18n.current_language() == "nb"
    assert QCoreApplication.translate("MainWindow", "&Cases") == "&Saker"
    setup.set_language("en")
    gui_app._install_translations(qapp_)
    assert QCoreApplication.translate("MainWindow", "&Cases") == "&Cases"
