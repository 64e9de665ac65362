"""The settings dialog: language, controller, backups, sample cases, where the database is."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QLocale, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.services import backup, config, register, samples, setup
from app.store.database import Database
from app.ui import i18n
from app.ui.settings_dialog import SettingsDialog


@pytest.fixture(autouse=True)
def as_before_afterwards(qapp: QApplication) -> Iterator[None]:
    locale = QLocale()
    yield
    i18n.remove_translators(qapp)
    QLocale.setDefault(locale)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """QMessageBox.question says Yes, and records that it was asked."""
    asked: list[str] = []

    def question(_parent: QWidget | None, title: str, *_a: object, **_k: object) -> object:
        asked.append(title)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def informed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """QMessageBox.information records its text instead of waiting for a click."""
    told: list[str] = []

    def information(_parent: QWidget | None, _title: str, text: str, *_a: object) -> object:
        told.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "information", staticmethod(information))
    return told


@pytest.fixture
def open_dialog(qtbot: QtBot, db: Database) -> Callable[[], SettingsDialog]:
    def make() -> SettingsDialog:
        dialog = SettingsDialog(db)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return make


def type_text(widget: QWidget, text: str) -> None:
    for ch in text:
        QApplication.sendEvent(
            widget,
            QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch),
        )


def replace_text(edit: QLineEdit, text: str) -> None:
    edit.selectAll()
    QApplication.sendEvent(
        edit, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier)
    )
    type_text(edit, text)


def wait_for(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    """Process events until `condition` holds. Not qtbot.waitUntil: its QEventLoop returns at
    once when an earlier test left Qt's quit flag set (a QApplication.exec() ended by quit()
    elsewhere in the suite), and the job's result would never arrive."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def click_save(qtbot: QtBot, dialog: SettingsDialog) -> None:
    button = dialog.findChild(QWidget, "settingsSaveButton")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_remove_sample_cases_in_one_step(
    qtbot: QtBot, db: Database, open_dialog: Callable[[], SettingsDialog], answers: list[str]
) -> None:
    samples.add_sample_cases(db)
    dialog = open_dialog()
    dialog.tabs.setCurrentIndex(3)
    assert "6 sample case(s)" in dialog.samples_label.text()
    assert dialog.remove_samples_button.isVisibleTo(dialog)
    assert not dialog.add_samples_button.isVisibleTo(dialog)

    qtbot.mouseClick(dialog.remove_samples_button, Qt.MouseButton.LeftButton)
    assert answers == ["Remove sample cases"]
    assert not samples.has_sample_cases(db)
    assert "6 sample case(s) removed." in dialog.samples_label.text()
    assert not dialog.remove_samples_button.isVisibleTo(dialog)
    assert dialog.add_samples_button.isVisibleTo(dialog)

    qtbot.mouseClick(dialog.add_samples_button, Qt.MouseButton.LeftButton)
    assert len(samples.sample_references(db)) == 6


def test_without_samples_only_adding_is_offered(
    db: Database, open_dialog: Callable[[], SettingsDialog]
) -> None:
    dialog = open_dialog()
    assert "no sample cases" in dialog.samples_label.text()
    assert not dialog.remove_samples_button.isVisibleTo(dialog)


def test_controller_profile_is_saved_through_the_register(
    qtbot: QtBot, db: Database, open_dialog: Callable[[], SettingsDialog]
) -> None:
    dialog = open_dialog()
    fields = dialog.controller_fields.edits
    assert isinstance(fields["legal_name"], QLineEdit)
    assert fields["legal_name"].text() == "LanoPro"
    officer = fields["officer_name"]
    assert isinstance(officer, QLineEdit)
    type_text(officer, "Máret Ŋuvttos")

    # The seeded profile has no privacy e-mail: saving a changed profile needs it.
    click_save(qtbot, dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.isVisible()
    assert dialog.tabs.currentIndex() == 1
    assert "e-mail address for privacy requests" in dialog.controller_fields.problem.text()
    assert register.get_controller(db).officer_name == ""

    email = fields["privacy_email"]
    assert isinstance(email, QLineEdit)
    type_text(email, "personvern@lanopro.example")
    click_save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = register.get_controller(db)
    assert saved.officer_name == "Máret Ŋuvttos"
    assert saved.privacy_email == "personvern@lanopro.example"


def test_unchanged_profile_is_not_checked_again(
    qtbot: QtBot,
    db: Database,
    open_dialog: Callable[[], SettingsDialog],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Changing only the language must not be blocked by an old, incomplete profile."""
    told = informed(monkeypatch)
    dialog = open_dialog()
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("nb"))
    click_save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert setup.language() == "nb"
    assert told == [
        "Innsyn will be in Norwegian Bokmål from the next start. Until then it stays as it is."
    ]
    # Nothing switches before the restart...
    assert i18n.current_language() == "en"
    same = SettingsDialog(db)
    qtbot.addWidget(same)
    assert same.windowTitle() == "Innsyn: settings"
    # ...and the next start is in Bokmål.
    app = QApplication.instance()
    assert app is not None
    i18n.install_language(app, setup.language())
    again = SettingsDialog(db)
    qtbot.addWidget(again)
    assert again.windowTitle() == "Innsyn: innstillinger"


def test_a_language_change_leaves_the_open_main_window_in_one_language(
    qtbot: QtBot,
    db: Database,
    open_dialog: Callable[[], SettingsDialog],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.ui.main_window import MainWindow

    informed(monkeypatch)
    window = MainWindow(db)
    qtbot.addWidget(window)
    menus = [a.text() for a in window.menuBar().actions()]
    status = window.statusBar().currentMessage()
    dialog = open_dialog()
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("nb"))
    click_save(qtbot, dialog)
    assert [a.text() for a in window.menuBar().actions()] == menus
    assert window.statusBar().currentMessage() == status


def test_saving_the_same_language_tells_nothing(
    qtbot: QtBot, open_dialog: Callable[[], SettingsDialog], monkeypatch: pytest.MonkeyPatch
) -> None:
    told = informed(monkeypatch)
    dialog = open_dialog()
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    click_save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert told == []


def test_backup_folder_and_back_up_now(
    qtbot: QtBot, db: Database, open_dialog: Callable[[], SettingsDialog], tmp_path: Path
) -> None:
    dialog = open_dialog()
    dialog.tabs.setCurrentIndex(2)
    assert dialog.backup_edit.text() == str(config.backup_dir())
    assert "none yet" in dialog.latest_label.text()

    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("x")
    replace_text(dialog.backup_edit, str(not_a_folder))
    qtbot.mouseClick(dialog.backup_now_button, Qt.MouseButton.LeftButton)
    assert dialog.backup_problem.text().startswith("Backup folder:")
    assert not dialog.backup_running()

    share = tmp_path / "nettverk" / "sikkerhetskopier"
    replace_text(dialog.backup_edit, str(share))
    qtbot.mouseClick(dialog.backup_now_button, Qt.MouseButton.LeftButton)
    wait_for(lambda: not dialog.backup_running())
    written = backup.list_backups(db.database_id, share)
    assert len(written) == 1
    assert str(written[0].path) in dialog.backup_status.text()
    assert dialog.latest_label.text() == str(written[0].path)

    click_save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert config.backup_dir() == share


def test_an_unusable_backup_folder_is_not_saved(
    qtbot: QtBot, open_dialog: Callable[[], SettingsDialog], tmp_path: Path
) -> None:
    before = config.backup_dir()
    dialog = open_dialog()
    replace_text(dialog.backup_edit, "relative/folder")
    click_save(qtbot, dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.tabs.currentIndex() == 2
    assert "whole path" in dialog.backup_problem.text()
    assert config.backup_dir() == before


def test_shows_where_the_database_is(
    db: Database, open_dialog: Callable[[], SettingsDialog]
) -> None:
    dialog = open_dialog()
    path = dialog.findChild(QWidget, "databasePath")
    key = dialog.findChild(QWidget, "databaseKey")
    assert path is not None and path.text() == str(db.path)  # type: ignore[attr-defined]
    assert key is not None and "keyring" in key.text()  # type: ignore[attr-defined]
