"""The first-run wizard: language, the controller, where the database and the backups live,
how the database key is kept, sample cases, and a summary. It only collects and checks
choices (`FirstRunWizard.choices()`); `app.services.setup.apply_first_run` applies them.

Every text is set in `retranslate()`, so that choosing a language on the first page shows
the whole wizard in it at once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.core.errors import InvalidInput, UserError
from app.services import setup, storage
from app.services.register import ControllerProfile
from app.services.setup import ControllerProblem, FirstRunChoices, KeyMode
from app.services.storage import MIN_PASSPHRASE, Database, default_database_path
from app.ui import i18n
from app.ui.formatting import problem_text
from app.ui.widgets import ERROR_STYLE, message_label, show_problem

__all__ = [
    "DEFAULT_CONTROLLER",
    "ControllerFields",
    "FirstRunWizard",
    "run_first_run_wizard",
]

NOTE_STYLE = "color: #444444;"

# What the published privacy policy says (DOMAIN.md): the e-mail address is hidden there.
DEFAULT_CONTROLLER = ControllerProfile(
    legal_name="LanoPro", country="Norway", phone="+47 40 00 15 14"
)

# The service's message, declared here so that lupdate offers it for translation.
_NO_KEYRING = QT_TRANSLATE_NOOP(
    "KeyPage",
    "No keyring is available on this computer (Windows Credential Manager, macOS Keychain, "
    "or Secret Service/KWallet on Linux), so Innsyn cannot keep the database key safely. "
    "It will not store the key in a file: choose a passphrase instead, to be typed at every "
    "start.",
)


def no_keyring_message() -> str:
    """storage.NO_KEYRING_MESSAGE in the GUI's language (the English text where it changed)."""
    return QCoreApplication.translate("KeyPage", storage.NO_KEYRING_MESSAGE)


def _named(widget: QWidget, object_name: str) -> QWidget:
    widget.setObjectName(object_name)
    return widget


def note_label(object_name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setStyleSheet(NOTE_STYLE)
    return label


# --- the controller's fields (also used by the settings dialog) ---------------------------------


class ControllerFields(QWidget):
    """Who the controller is, as every letter names it. The e-mail address for privacy
    requests is required: the published policy hides it."""

    KEYS = (
        "legal_name",
        "organisation_number",
        "address",
        "country",
        "privacy_email",
        "phone",
        "officer_name",
    )

    def __init__(self, profile: ControllerProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edits: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.form = QFormLayout()
        for key in self.KEYS:
            edit: QLineEdit | QPlainTextEdit
            if key == "address":
                edit = QPlainTextEdit()
                edit.setTabChangesFocus(True)
                edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4)
            else:
                edit = QLineEdit()
            edit.setObjectName("controller" + "".join(p.title() for p in key.split("_")))
            self.edits[key] = edit
            self.form.addRow(QLabel(), edit)
        self.email_note = note_label("privacyEmailNote")
        self.form.insertRow(self.KEYS.index("privacy_email") + 1, "", self.email_note)
        self.problem = message_label("controllerProblem")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        self.set_profile(profile)
        self.retranslate()

    def _labels(self) -> dict[str, tuple[str, str]]:
        """Each field's label (with its mnemonic) and its name in messages."""
        return {
            "legal_name": (self.tr("&Legal name:"), self.tr("Legal name")),
            "organisation_number": (
                self.tr("&Organisation number:"),
                self.tr("Organisation number"),
            ),
            "address": (self.tr("&Address:"), self.tr("Address")),
            "country": (self.tr("C&ountry:"), self.tr("Country")),
            "privacy_email": (
                self.tr("&E-mail for privacy requests:"),
                self.tr("E-mail for privacy requests"),
            ),
            "phone": (self.tr("&Phone:"), self.tr("Phone")),
            "officer_name": (
                self.tr("Your name (&signature):"),
                self.tr("The privacy officer's name"),
            ),
        }

    def retranslate(self) -> None:
        for key, (label, accessible) in self._labels().items():
            edit = self.edits[key]
            row_label = self.form.labelForField(edit)
            if isinstance(row_label, QLabel):
                row_label.setText(label)
                row_label.setBuddy(edit)
            edit.setAccessibleName(accessible)
        self.edits["privacy_email"].setPlaceholderText(self.tr("personvern@example.no"))
        self.edits["officer_name"].setPlaceholderText(
            self.tr("The name that signs letters and statements")
        )
        self.email_note.setText(
            self.tr(
                "Required. The published privacy policy hides this address, so Innsyn cannot "
                "know it: give the address where data-subject requests arrive. Every letter "
                "and statement names it."
            )
        )

    def set_profile(self, profile: ControllerProfile) -> None:
        for key, edit in self.edits.items():
            value = getattr(profile, key)
            if isinstance(edit, QPlainTextEdit):
                edit.setPlainText(value)
            else:
                edit.setText(value)

    def profile(self) -> ControllerProfile:
        values = {
            key: edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()
            for key, edit in self.edits.items()
        }
        return ControllerProfile(**values)

    def check(self) -> ControllerProfile | None:
        """The profile as it will be stored; None (and the problem shown, the field focused)
        when it cannot be."""
        profile = self.profile()
        names = {key: name for key, (_label, name) in self._labels().items()}
        problem = ""
        field = ""
        if not profile.legal_name.strip():
            field, problem = "legal_name", self.tr("Give the controller's legal name.")
        elif not profile.privacy_email.strip():
            field = "privacy_email"
            problem = self.tr(
                "Give the e-mail address for privacy requests: the published policy hides "
                "it, and every letter must name it."
            )
        else:
            try:
                checked = setup.check_controller(profile)
            except ControllerProblem as exc:
                field = exc.field
                problem = self.tr("%1: %2").replace("%1", names.get(field, field))
                problem = problem.replace("%2", problem_text(exc))
            except InvalidInput as exc:
                problem = problem_text(exc)
            else:
                show_problem(self.problem, "")
                return checked
        show_problem(self.problem, problem)
        if field in self.edits:
            self.edits[field].setFocus()
        return None


# --- pages ---------------------------------------------------------------------------------------


class WelcomePage(QWizardPage):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        self.text = QLabel()
        self.text.setObjectName("welcomeText")
        self.text.setWordWrap(True)
        self.language_label = QLabel()
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("languageCombo")
        for code, name in i18n.LANGUAGE_NAMES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(language)))
        self.language_label.setBuddy(self.language_combo)
        row = QHBoxLayout()
        row.addWidget(self.language_label)
        row.addWidget(self.language_combo, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addSpacing(12)
        layout.addLayout(row)
        layout.addStretch(1)
        self.retranslate()

    def language(self) -> str:
        return str(self.language_combo.currentData())

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome to Innsyn"))
        self.setSubTitle(self.tr("The privacy officer's workbench for data-subject requests."))
        self.text.setText(
            self.tr(
                "Innsyn keeps the log of requests from the people whose data the controller "
                "holds (access, rectification, erasure, restriction, objection), counts their "
                "deadlines and writes the answers.\n\nA few questions set it up on this "
                "computer; everything can be changed later under Settings."
            )
        )
        self.language_label.setText(self.tr("&Language:"))
        self.language_combo.setAccessibleName(self.tr("Language"))


class ControllerPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("controllerPage")
        self.fields = ControllerFields(DEFAULT_CONTROLLER)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("The controller"))
        self.setSubTitle(
            self.tr(
                "Who answers the requests, as letters and statements name it. Filled in from "
                "LanoPro's privacy policy: complete and correct it."
            )
        )
        self.fields.retranslate()

    def validatePage(self) -> bool:
        return self.fields.check() is not None


class PlacesPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("placesPage")
        self.database_edit = QLineEdit(str(default_database_path()))
        self.database_edit.setObjectName("databasePathEdit")
        self.database_button = QPushButton()
        self.database_button.setObjectName("databaseBrowseButton")
        self.database_button.clicked.connect(self._choose_database)
        self.backup_edit = QLineEdit(str(setup.default_backup_dir()))
        self.backup_edit.setObjectName("backupDirEdit")
        self.backup_button = QPushButton()
        self.backup_button.setObjectName("backupBrowseButton")
        self.backup_button.clicked.connect(self._choose_backup_dir)
        self.database_label = QLabel()
        self.database_label.setBuddy(self.database_edit)
        self.backup_label = QLabel()
        self.backup_label.setBuddy(self.backup_edit)
        self.database_note = note_label("databaseNote")
        self.backup_note = note_label("backupNote")
        self.problem = message_label("placesProblem")
        form = QFormLayout()
        database_row = QHBoxLayout()
        database_row.addWidget(self.database_edit, 1)
        database_row.addWidget(self.database_button)
        backup_row = QHBoxLayout()
        backup_row.addWidget(self.backup_edit, 1)
        backup_row.addWidget(self.backup_button)
        form.addRow(self.database_label, database_row)
        form.addRow("", self.database_note)
        form.addRow(self.backup_label, backup_row)
        form.addRow("", self.backup_note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Where things live"))
        self.setSubTitle(self.tr("The database file, and the folder its backups go to."))
        self.database_label.setText(self.tr("&Database file:"))
        self.database_edit.setAccessibleName(self.tr("Database file"))
        self.backup_label.setText(self.tr("&Backup folder:"))
        self.backup_edit.setAccessibleName(self.tr("Backup folder"))
        self.database_button.setText(self.tr("Choose…"))
        self.database_button.setAccessibleName(self.tr("Choose the database file"))
        self.backup_button.setText(self.tr("Choose…"))
        self.backup_button.setAccessibleName(self.tr("Choose the backup folder"))
        self.database_note.setText(
            self.tr(
                "One encrypted file holds every case. The default is Innsyn's data folder "
                "on this computer."
            )
        )
        self.backup_note.setText(
            self.tr(
                "Innsyn backs the database up when it closes, and keeps 7 daily, 4 weekly "
                "and 12 monthly copies (encrypted, like the database). A network share is "
                "common: the backups then survive the loss of this computer."
            )
        )

    def _choose_database(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Where to keep the database"),
            self.database_edit.text(),
            self.tr("Innsyn database (*.sqlite3)"),
        )
        if name:
            self.database_edit.setText(name)

    def _choose_backup_dir(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the backups"), self.backup_edit.text()
        )
        if folder:
            self.backup_edit.setText(folder)

    def validatePage(self) -> bool:
        try:
            setup.check_new_database_path(self.database_edit.text())
        except InvalidInput as exc:
            show_problem(
                self.problem, self.tr("Database file: %1").replace("%1", problem_text(exc))
            )
            self.database_edit.setFocus()
            return False
        try:
            setup.check_backup_dir(self.backup_edit.text())
        except InvalidInput as exc:
            show_problem(
                self.problem, self.tr("Backup folder: %1").replace("%1", problem_text(exc))
            )
            self.backup_edit.setFocus()
            return False
        show_problem(self.problem, "")
        return True


class KeyPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyPage")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.keyring_radio = QRadioButton()
        self.keyring_radio.setObjectName("keyringRadio")
        self.passphrase_radio = QRadioButton()
        self.passphrase_radio.setObjectName("passphraseRadio")
        self.group = QButtonGroup(self)
        self.group.addButton(self.keyring_radio)
        self.group.addButton(self.passphrase_radio)
        self.keyring_status = QLabel()
        self.keyring_status.setObjectName("keyringStatus")
        self.keyring_status.setWordWrap(True)
        self.first = QLineEdit()
        self.first.setObjectName("passphraseEdit")
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.second = QLineEdit()
        self.second.setObjectName("passphraseAgainEdit")
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.first_label = QLabel()
        self.first_label.setBuddy(self.first)
        self.second_label = QLabel()
        self.second_label.setBuddy(self.second)
        self.passphrase_note = note_label("passphraseNote")
        self.problem = message_label("keyProblem")
        form = QFormLayout()
        form.addRow(self.first_label, self.first)
        form.addRow(self.second_label, self.second)
        form.addRow("", self.passphrase_note)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.keyring_radio)
        layout.addWidget(self.keyring_status)
        layout.addWidget(self.passphrase_radio)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.keyring_radio.toggled.connect(self._update)
        self.keyring_ok = False
        self.refresh_keyring()
        self.retranslate()

    def refresh_keyring(self) -> None:
        """Ask the keyring again (it may have been unlocked or installed meanwhile)."""
        self.keyring_ok = storage.keyring_available()
        self.keyring_radio.setEnabled(self.keyring_ok)
        if self.keyring_ok:
            if not self.passphrase_radio.isChecked():
                self.keyring_radio.setChecked(True)
        else:
            self.passphrase_radio.setChecked(True)
        self._update()
        self.retranslate()

    def initializePage(self) -> None:
        self.refresh_keyring()

    def key_mode(self) -> KeyMode:
        return KeyMode.KEYRING if self.keyring_radio.isChecked() else KeyMode.PASSPHRASE

    def passphrase(self) -> str:
        return self.first.text() if self.key_mode() is KeyMode.PASSPHRASE else ""

    def _update(self) -> None:
        wanted = self.key_mode() is KeyMode.PASSPHRASE
        for widget in (self.first, self.second, self.first_label, self.second_label):
            widget.setEnabled(wanted)

    def retranslate(self) -> None:
        self.setTitle(self.tr("How the key is kept"))
        self.setSubTitle(self.tr("The database is encrypted. Where does its key live?"))
        self.intro.setText(
            self.tr(
                "Without the key nobody can read the database or its backups, not even "
                "Innsyn. The key is never written to a file."
            )
        )
        self.keyring_radio.setText(
            self.tr("In this computer's &keyring (recommended): no question at start")
        )
        self.passphrase_radio.setText(self.tr("A passphrase, &typed at every start"))
        if self.keyring_ok:
            self.keyring_status.setText(
                self.tr(
                    "A keyring is available on this computer. You will be offered a recovery "
                    "sheet to print: it opens the database if this computer is lost."
                )
            )
            self.keyring_status.setStyleSheet(NOTE_STYLE)
        else:
            self.keyring_status.setText(no_keyring_message())
            self.keyring_status.setStyleSheet(ERROR_STYLE)
        self.first_label.setText(self.tr("Pass&phrase:"))
        self.first.setAccessibleName(self.tr("Passphrase"))
        self.second_label.setText(self.tr("&Again:"))
        self.second.setAccessibleName(self.tr("Passphrase again"))
        self.passphrase_note.setText(
            self.tr(
                "At least %n characters. A forgotten passphrase cannot be recovered by "
                "anyone: the cases are then lost.",
                "",
                MIN_PASSPHRASE,
            )
        )

    def validatePage(self) -> bool:
        if self.key_mode() is KeyMode.KEYRING:
            if not storage.keyring_available():
                self.refresh_keyring()
                message = self.tr("The keyring is no longer available: %1")
                show_problem(self.problem, message.replace("%1", no_keyring_message()))
                return False
            show_problem(self.problem, "")
            return True
        problem = ""
        if len(self.first.text()) < MIN_PASSPHRASE:
            problem = self.tr("Choose a passphrase of at least %n characters.", "", MIN_PASSPHRASE)
            self.first.setFocus()
        elif self.first.text() != self.second.text():
            problem = self.tr("The two passphrases differ: type the same one twice.")
            self.second.setFocus()
        show_problem(self.problem, problem)
        return not problem


class SamplesPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("samplesPage")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.checkbox = QCheckBox()
        self.checkbox.setObjectName("samplesCheck")
        self.checkbox.setChecked(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.checkbox)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Sample cases"))
        self.setSubTitle(self.tr("To try the workbench before the first real request."))
        self.text.setText(
            self.tr(
                "Six made-up requests over the last weeks: one overdue, one due soon, one "
                "answered, one waiting for identification. They are clearly marked "
                "[EKSEMPEL] and removable in one step under Settings, without touching real "
                "cases."
            )
        )
        self.checkbox.setText(self.tr("Add &sample cases"))


class SummaryPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryPage")
        self.summary = QLabel()
        self.summary.setObjectName("summaryText")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Summary"))
        self.setSubTitle(self.tr("Finish makes the database with these choices."))
        wizard = self.wizard()
        if isinstance(wizard, FirstRunWizard):
            self.summary.setText(self.describe(wizard))

    def initializePage(self) -> None:
        self.retranslate()

    def describe(self, wizard: FirstRunWizard) -> str:
        profile = wizard.controller_page.fields.profile()
        lines = [
            self.tr("Language: %1").replace("%1", i18n.LANGUAGE_NAMES[wizard.language()]),
            self.tr("Controller: %1").replace("%1", profile.legal_name.strip()),
            self.tr("E-mail for privacy requests: %1").replace("%1", profile.privacy_email.strip()),
            self.tr("Phone: %1").replace("%1", profile.phone.strip() or "–"),
            self.tr("Signed by: %1").replace("%1", profile.officer_name.strip() or "–"),
            self.tr("Database file: %1").replace("%1", wizard.places_page.database_edit.text()),
            self.tr("Backup folder: %1").replace("%1", wizard.places_page.backup_edit.text()),
        ]
        if wizard.key_page.key_mode() is KeyMode.KEYRING:
            lines.append(self.tr("Key: in this computer's keyring, with a recovery sheet"))
        else:
            lines.append(self.tr("Key: a passphrase typed at every start"))
        if wizard.samples_page.checkbox.isChecked():
            lines.append(self.tr("Sample cases: added (removable under Settings)"))
        else:
            lines.append(self.tr("Sample cases: none"))
        return "\n".join(lines)


# --- the wizard -----------------------------------------------------------------------------------


class FirstRunWizard(QWizard):
    """Collects the first-run choices; `choices()` returns them once accepted."""

    def __init__(self, parent: QWidget | None = None, *, language: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunWizard")
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        start = i18n.resolve_language(language or setup.language())
        self.welcome_page = WelcomePage(start)
        self.controller_page = ControllerPage()
        self.places_page = PlacesPage()
        self.key_page = KeyPage()
        self.samples_page = SamplesPage()
        self.summary_page = SummaryPage()
        self.pages = (
            self.welcome_page,
            self.controller_page,
            self.places_page,
            self.key_page,
            self.samples_page,
            self.summary_page,
        )
        for page in self.pages:
            self.addPage(page)
        self.welcome_page.language_combo.currentIndexChanged.connect(self._language_chosen)
        self.resize(720, 560)
        self.retranslate()

    def language(self) -> str:
        return self.welcome_page.language()

    def _language_chosen(self) -> None:
        app = QApplication.instance()
        if app is not None:
            i18n.install_language(app, self.language())
        self.retranslate()  # at once, not only when the LanguageChange event arrives

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Setting up Innsyn"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        for page in getattr(self, "pages", ()):
            page.retranslate()

    def choices(self) -> FirstRunChoices:
        return FirstRunChoices(
            language=self.language(),
            controller=self.controller_page.fields.profile(),
            database_path=Path(self.places_page.database_edit.text().strip()).expanduser(),
            backup_dir=Path(self.places_page.backup_edit.text().strip()).expanduser(),
            key_mode=self.key_page.key_mode(),
            passphrase=self.key_page.passphrase(),
            add_samples=self.samples_page.checkbox.isChecked(),
        )


def run_first_run_wizard(parent: QWidget | None = None) -> Database | None:
    """Show the wizard until its choices are applied (or it is cancelled: None). A keyring
    database offers its recovery sheet at once."""
    wizard = FirstRunWizard(parent)
    while wizard.exec() == QWizard.DialogCode.Accepted:
        try:
            db = setup.apply_first_run(wizard.choices())
        except UserError as exc:
            title = QCoreApplication.translate("FirstRunWizard", "Innsyn could not be set up")
            message = QCoreApplication.translate(
                "FirstRunWizard", "%1\n\nNothing was kept: correct the choice and finish again."
            )
            QMessageBox.critical(wizard, title, message.replace("%1", problem_text(exc)))
            wizard.restart()
            continue
        if db.new_recovery_key:
            from app.ui.unlock import Unlocker

            Unlocker(parent).offer_recovery_sheet(db)
            db.new_recovery_key = None
        return db
    return None
