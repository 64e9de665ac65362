"""The first-run wizard, driven as a new officer would: fill each page, get stopped where
something is missing, switch the language, and finish; then the choices are applied."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPlainTextEdit, QWidget, QWizard
from pytestqt.qtbot import QtBot

from app.services import config, register, samples, setup
from app.services.setup import KeyMode
from app.store import keys
from app.store.database import default_database_path, open_database
from app.ui import i18n, wizard
from app.ui.wizard import FirstRunWizard

ORG = "923609016"
EMAIL = "personvern@lanopro.example"
OFFICER = "Áile Ŋuolgga-Đuođđa"  # Ŋ, Đ, đ are outside Latin-1
ADDRESS = "Čáhppesjávrri 2\n9730 Kárášjohka"
PASSPHRASE = "ŋđčŧ-sámi-passfrase"


@pytest.fixture(autouse=True)
def as_before_afterwards(qapp: QApplication) -> Iterator[None]:
    """Choosing a language installs translators and a default locale: undo both."""
    locale = QLocale()
    yield
    i18n.remove_translators(qapp)
    QLocale.setDefault(locale)


def type_text(widget: QWidget, text: str) -> None:
    """Type any characters: qtbot.keyClicks aborts the process outside Latin-1."""
    widget.setFocus()
    for ch in text:
        if ch == "\n":
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    widget, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
                )
            continue
        QApplication.sendEvent(
            widget,
            QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch),
        )


def clear(widget: QLineEdit | QPlainTextEdit) -> None:
    widget.selectAll()
    QApplication.sendEvent(
        widget,
        QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier),
    )


def replace_text(widget: QLineEdit | QPlainTextEdit, text: str) -> None:
    clear(widget)
    type_text(widget, text)


def click_next(qtbot: QtBot, w: FirstRunWizard) -> None:
    qtbot.mouseClick(w.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


@pytest.fixture
def open_wizard(qtbot: QtBot) -> Any:
    def make() -> FirstRunWizard:
        w = FirstRunWizard(language="en")
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        return w

    return make


def fill_controller(qtbot: QtBot, w: FirstRunWizard) -> None:
    fields = w.controller_page.fields.edits
    type_text(fields["organisation_number"], ORG)
    type_text(fields["address"], ADDRESS)
    type_text(fields["privacy_email"], EMAIL)
    type_text(fields["officer_name"], OFFICER)
    click_next(qtbot, w)
    assert w.currentPage() is w.places_page


def test_the_wizard_in_passphrase_mode_without_a_keyring(
    qtbot: QtBot, open_wizard: Any, tmp_path: Path
) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    w = open_wizard()
    assert w.currentPage() is w.welcome_page
    assert w.welcome_page.language() == "en"
    click_next(qtbot, w)

    # The controller, prefilled from the policy; the e-mail is required.
    assert w.currentPage() is w.controller_page
    fields = w.controller_page.fields.edits
    assert isinstance(fields["legal_name"], QLineEdit)
    assert fields["legal_name"].text() == "LanoPro"
    assert isinstance(fields["phone"], QLineEdit)
    assert fields["phone"].text() == "+47 40 00 15 14"
    assert "hides this address" in w.controller_page.fields.email_note.text()
    problem = w.controller_page.fields.problem
    click_next(qtbot, w)
    assert w.currentPage() is w.controller_page, "a missing privacy e-mail blocks Next"
    assert problem.isVisible()
    assert "e-mail address for privacy requests" in problem.text()
    assert w.focusWidget() is fields["privacy_email"]

    type_text(fields["privacy_email"], "not-an-address")
    click_next(qtbot, w)
    assert w.currentPage() is w.controller_page
    assert problem.text().startswith("E-mail for privacy requests:")
    clear(fields["privacy_email"])
    fill_controller(qtbot, w)
    assert not problem.isVisible()

    # Where things live: defaults in the data directory; a backup folder on a "share".
    places = w.places_page
    assert places.database_edit.text() == str(default_database_path())
    assert places.backup_edit.text() == str(setup.default_backup_dir())
    assert "network share" in places.backup_note.text()
    share = tmp_path / "fellesområde" / "Innsyn-kopier"
    replace_text(places.backup_edit, str(tmp_path / "missing-file.txt" / "x"))
    (tmp_path / "missing-file.txt").write_text("a file, not a folder")
    click_next(qtbot, w)
    assert w.currentPage() is places
    assert places.problem.text().startswith("Backup folder:")
    replace_text(places.backup_edit, str(share))
    click_next(qtbot, w)

    # The key: no keyring here, so only a passphrase, and the reason shown.
    page = w.key_page
    assert w.currentPage() is page
    assert not page.keyring_radio.isEnabled()
    assert page.passphrase_radio.isChecked()
    assert page.keyring_status.text() == keys.NO_KEYRING_MESSAGE
    type_text(page.first, "kort")
    type_text(page.second, "kort")
    click_next(qtbot, w)
    assert w.currentPage() is page
    assert "at least 12 characters" in page.problem.text()
    replace_text(page.first, PASSPHRASE)
    replace_text(page.second, PASSPHRASE + "x")
    click_next(qtbot, w)
    assert w.currentPage() is page
    assert "differ" in page.problem.text()
    replace_text(page.second, PASSPHRASE)
    click_next(qtbot, w)

    # Samples: off by default.
    assert w.currentPage() is w.samples_page
    assert not w.samples_page.checkbox.isChecked()
    assert "removable in one step" in w.samples_page.text.text()
    qtbot.keyClick(w.samples_page.checkbox, Qt.Key.Key_Space)
    click_next(qtbot, w)

    assert w.currentPage() is w.summary_page
    summary = w.summary_page.summary.text()
    for expected in (EMAIL, OFFICER, str(share), "a passphrase typed at every start", "added"):
        assert expected in summary
    qtbot.mouseClick(w.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert w.result() == QWizard.DialogCode.Accepted

    choices = w.choices()
    assert choices.key_mode is KeyMode.PASSPHRASE and choices.passphrase == PASSPHRASE
    db = setup.apply_first_run(choices)
    try:
        profile = register.get_controller(db)
        assert profile.legal_name == "LanoPro"
        assert profile.organisation_number == "923 609 016"
        assert profile.address == ADDRESS
        assert profile.privacy_email == EMAIL
        assert profile.officer_name == OFFICER
        assert config.backup_dir() == share
        assert config.load()["language"] == "en"
        assert len(samples.sample_references(db)) == 6
        assert db.keying.raw_key is None
    finally:
        db.close()
    assert not setup.needs_first_run()
    reopened = open_database(default_database_path(), secret=PASSPHRASE)
    assert samples.has_sample_cases(reopened)
    reopened.close()


def test_keyring_mode_is_recommended_where_there_is_one(qtbot: QtBot, open_wizard: Any) -> None:
    w = open_wizard()
    click_next(qtbot, w)
    fill_controller(qtbot, w)
    click_next(qtbot, w)
    page = w.key_page
    assert page.keyring_radio.isEnabled() and page.keyring_radio.isChecked()
    assert not page.first.isEnabled()
    assert "recovery sheet" in page.keyring_status.text()
    click_next(qtbot, w)
    assert w.currentPage() is w.samples_page
    click_next(qtbot, w)
    assert "none" in w.summary_page.summary.text()
    qtbot.mouseClick(w.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)

    db = setup.apply_first_run(w.choices())
    try:
        assert db.new_recovery_key
        assert keys.load_key(db.database_id) == db.keying.raw_key
        assert not samples.has_sample_cases(db)
    finally:
        db.close()


def test_choosing_norwegian_retranslates_the_wizard_at_once(qtbot: QtBot, open_wizard: Any) -> None:
    w = open_wizard()
    assert w.windowTitle() == "Setting up Innsyn"
    combo = w.welcome_page.language_combo
    combo.setCurrentIndex(combo.findData("nb"))
    assert i18n.current_language() == "nb"
    assert w.windowTitle() == "Oppsett av Innsyn"
    assert w.welcome_page.title() == "Velkommen til Innsyn"
    assert w.buttonText(QWizard.WizardButton.NextButton) == "&Neste >"
    assert w.buttonText(QWizard.WizardButton.CancelButton) == "Avbryt"
    click_next(qtbot, w)
    row = w.controller_page.fields.form.labelForField(w.controller_page.fields.edits["legal_name"])
    assert isinstance(row, QLabel) and row.text() == "&Juridisk navn:"
    click_next(qtbot, w)
    assert "e-postadressen for personvernhenvendelser" in w.controller_page.fields.problem.text()

    combo.setCurrentIndex(combo.findData("en"))
    assert w.windowTitle() == "Setting up Innsyn"
    assert w.controller_page.title() == "The controller"
    click_next(qtbot, w)
    assert "e-mail address for privacy requests" in w.controller_page.fields.problem.text()
    assert w.choices().language == "en"


def test_the_keyring_message_is_translated(qtbot: QtBot) -> None:
    app = QCoreApplication.instance()
    assert app is not None
    i18n.install_language(app, "nb")
    assert wizard.no_keyring_message() != keys.NO_KEYRING_MESSAGE
    assert "nøkkelring" in wizard.no_keyring_message()


def test_cancelling_creates_nothing(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(FirstRunWizard, "exec", lambda self: QWizard.DialogCode.Rejected)
    assert wizard.run_first_run_wizard() is None
    assert setup.needs_first_run()
    assert not default_database_path().exists()


def test_run_first_run_wizard_applies_and_offers_the_recovery_sheet(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def filled(self: FirstRunWizard) -> QWizard.DialogCode:
        self.controller_page.fields.edits["privacy_email"].setText(EMAIL)  # type: ignore[union-attr]
        return QWizard.DialogCode.Accepted

    offered: list[str] = []
    monkeypatch.setattr(FirstRunWizard, "exec", filled)
    from app.ui import unlock

    monkeypatch.setattr(
        unlock.Unlocker, "offer_recovery_sheet", lambda self, db: offered.append(db.path.name)
    )
    db = wizard.run_first_run_wizard()
    assert db is not None
    try:
        assert offered == [default_database_path().name]
        assert db.new_recovery_key is None  # shown once, then dropped
        assert register.get_controller(db).privacy_email == EMAIL
    finally:
        db.close()
