"""Settings, for everything the first-run wizard chose: the language, the controller, the
backup folder (and a backup now), the sample cases, and where the database is. Everything is
saved through the services."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import InvalidInput, UserError
from app.services import backup, config, register, samples, setup
from app.services.storage import Database
from app.ui import i18n
from app.ui.formatting import problem_text
from app.ui.tasks import ProgressCallback, Task, TaskRunner, failure_message
from app.ui.widgets import message_label, show_problem
from app.ui.wizard import ControllerFields, note_label

__all__ = ["SettingsDialog"]

_OK_STYLE = "color: #1b5e20;"  # dark green


class SettingsDialog(QDialog):
    """Save applies the language (at once, and kept for the next start), the controller
    profile (when changed) and the backup folder. Back up now and the sample cases act at
    once."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.tasks = TaskRunner(self)
        self._job: Task[Path] | None = None
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Innsyn: settings"))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        self.tabs.addTab(self._build_language_tab(), self.tr("&Language"))
        self.tabs.addTab(self._build_controller_tab(), self.tr("&Controller"))
        self.tabs.addTab(self._build_backup_tab(), self.tr("&Backups"))
        self.tabs.addTab(self._build_samples_tab(), self.tr("&Sample cases"))
        self.tabs.addTab(self._build_database_tab(), self.tr("&Database"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.setObjectName("settingsButtons")
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setObjectName("settingsSaveButton")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName(
            "settingsCancelButton"
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        self.resize(680, 520)

    # --- tabs -------------------------------------------------------------------------------

    def _build_language_tab(self) -> QWidget:
        page = QWidget()
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("languageCombo")
        self.language_combo.setAccessibleName(self.tr("Language"))
        self.language_combo.addItem(self.tr("As the computer (system)"), "system")
        for code, name in i18n.LANGUAGE_NAMES.items():
            self.language_combo.addItem(name, code)
        chosen = setup.language()
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(chosen)))
        label = QLabel(self.tr("&Language:"))
        label.setBuddy(self.language_combo)
        note = note_label("languageNote")
        note.setText(
            self.tr(
                "Saved for this computer. Windows opened from now on use the new language at "
                "once; restart Innsyn to see it in the main window too. Letters and "
                "statements follow each case's own language."
            )
        )
        form = QFormLayout(page)
        form.addRow(label, self.language_combo)
        form.addRow("", note)
        return page

    def _build_controller_tab(self) -> QWidget:
        page = QWidget()
        self._loaded_profile = register.get_controller(self._db)
        self.controller_fields = ControllerFields(self._loaded_profile)
        self.controller_fields.setObjectName("controllerFields")
        layout = QVBoxLayout(page)
        layout.addWidget(self.controller_fields)
        layout.addStretch(1)
        return page

    def _build_backup_tab(self) -> QWidget:
        page = QWidget()
        self.backup_edit = QLineEdit(str(config.backup_dir()))
        self.backup_edit.setObjectName("backupDirEdit")
        self.backup_edit.setAccessibleName(self.tr("Backup folder"))
        choose = QPushButton(self.tr("Choose…"))
        choose.setObjectName("backupBrowseButton")
        choose.setAccessibleName(self.tr("Choose the backup folder"))
        choose.clicked.connect(self._choose_backup_dir)
        self.backup_now_button = QPushButton(self.tr("Back up &now"))
        self.backup_now_button.setObjectName("backupNowButton")
        self.backup_now_button.clicked.connect(self.back_up_now)
        self.backup_status = message_label("backupStatus", style=_OK_STYLE)
        self.backup_problem = message_label("backupProblem")
        note = note_label("backupNote")
        note.setText(
            self.tr(
                "A backup is taken when Innsyn closes; 7 daily, 4 weekly and 12 monthly "
                "copies are kept, encrypted like the database. A network share is common: "
                "the backups then survive the loss of this computer."
            )
        )
        label = QLabel(self.tr("Backup &folder:"))
        label.setBuddy(self.backup_edit)
        row = QHBoxLayout()
        row.addWidget(self.backup_edit, 1)
        row.addWidget(choose)
        form = QFormLayout()
        form.addRow(label, row)
        form.addRow("", note)
        latest = backup.list_backups(self._db.database_id)
        self.latest_label = QLabel()
        self.latest_label.setObjectName("latestBackup")
        self._show_latest(latest[0].path if latest else None)
        form.addRow(self.tr("Latest backup:"), self.latest_label)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_now_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.backup_status)
        layout.addWidget(self.backup_problem)
        layout.addStretch(1)
        return page

    def _build_samples_tab(self) -> QWidget:
        page = QWidget()
        self.samples_label = QLabel()
        self.samples_label.setObjectName("samplesStatus")
        self.samples_label.setWordWrap(True)
        self.remove_samples_button = QPushButton(self.tr("&Remove sample cases"))
        self.remove_samples_button.setObjectName("removeSamplesButton")
        self.remove_samples_button.clicked.connect(self.remove_samples)
        self.add_samples_button = QPushButton(self.tr("&Add sample cases"))
        self.add_samples_button.setObjectName("addSamplesButton")
        self.add_samples_button.clicked.connect(self.add_samples)
        note = note_label("samplesNote")
        note.setText(
            self.tr(
                "Sample cases are made up, marked [EKSEMPEL], and numbered EKS-01 and on. "
                "Removing them removes them completely (their subjects, events and "
                "documents) and touches nothing else; the audit trail records it."
            )
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_samples_button)
        buttons.addWidget(self.add_samples_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.samples_label)
        layout.addLayout(buttons)
        layout.addWidget(note)
        layout.addStretch(1)
        self._show_samples()
        return page

    def _build_database_tab(self) -> QWidget:
        page = QWidget()
        path = QLabel(str(self._db.path))
        path.setObjectName("databasePath")
        path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        path.setWordWrap(True)
        key = QLabel(
            self.tr("A passphrase, typed at every start")
            if self._db.keying.raw_key is None
            else self.tr("In this computer's keyring (the recovery sheet opens it elsewhere)")
        )
        key.setObjectName("databaseKey")
        key.setWordWrap(True)
        ident = QLabel(self._db.database_id)
        ident.setObjectName("databaseId")
        ident.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        note = note_label("databaseNote")
        note.setText(
            self.tr(
                "To use another database file, start Innsyn with --db and its path. Moving "
                "the file: close Innsyn first, and move it with its backups."
            )
        )
        form = QFormLayout(page)
        form.addRow(self.tr("Database file:"), path)
        form.addRow(self.tr("Key:"), key)
        form.addRow(self.tr("Database id:"), ident)
        form.addRow("", note)
        return page

    # --- actions ----------------------------------------------------------------------------

    def _choose_backup_dir(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the backups"), self.backup_edit.text()
        )
        if folder:
            self.backup_edit.setText(folder)

    def _show_latest(self, path: Path | None) -> None:
        self.latest_label.setText(str(path) if path else self.tr("none yet"))

    def _checked_backup_dir(self) -> Path | None:
        try:
            folder = setup.check_backup_dir(self.backup_edit.text())
        except InvalidInput as exc:
            show_problem(
                self.backup_problem, self.tr("Backup folder: %1").replace("%1", problem_text(exc))
            )
            self.tabs.setCurrentIndex(2)
            self.backup_edit.setFocus()
            return None
        show_problem(self.backup_problem, "")
        return folder

    def back_up_now(self) -> None:
        """A backup to the folder as typed, off the GUI thread."""
        folder = self._checked_backup_dir()
        if folder is None or self._job is not None:
            return
        db = self._db

        def work(_progress: ProgressCallback) -> Path:
            return backup.make_backup(db, folder)

        self.backup_now_button.setEnabled(False)
        show_problem(self.backup_status, self.tr("Backing up…"))
        self._job = self.tasks.run(
            work, on_success=self._backup_done, on_failure=self._backup_failed
        )

    def _backup_done(self, path: Path) -> None:
        self._job = None
        self.backup_now_button.setEnabled(True)
        show_problem(self.backup_status, self.tr("Backup written: %1").replace("%1", str(path)))
        self._show_latest(path)

    def _backup_failed(self, exc: BaseException) -> None:
        message = failure_message(exc)
        self._job = None
        self.backup_now_button.setEnabled(True)
        show_problem(self.backup_status, "")
        show_problem(self.backup_problem, self.tr("No backup: %1").replace("%1", message))

    def backup_running(self) -> bool:
        return self._job is not None

    def _show_samples(self) -> None:
        count = len(samples.sample_references(self._db))
        if count:
            text = self.tr("%n sample case(s) in this database.", "", count)
        else:
            text = self.tr("There are no sample cases in this database.")
        self.samples_label.setText(text)
        self.remove_samples_button.setVisible(bool(count))
        self.add_samples_button.setVisible(not count)

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def remove_samples(self) -> None:
        if not self._confirm(
            self.tr("Remove sample cases"),
            self.tr(
                "Remove every sample case, with its made-up subject and events? Real cases "
                "are not touched."
            ),
        ):
            return
        try:
            removed = samples.remove_sample_cases(self._db)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Innsyn"), problem_text(exc))
            return
        self._show_samples()
        self.samples_label.setText(
            self.tr("%n sample case(s) removed.", "", removed) + " " + self.samples_label.text()
        )

    def add_samples(self) -> None:
        try:
            samples.add_sample_cases(self._db)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Innsyn"), problem_text(exc))
            return
        self._show_samples()

    def save(self) -> None:
        """Check everything, then save; a problem keeps the dialog open on its tab."""
        folder = self._checked_backup_dir()
        if folder is None:
            return
        profile = self.controller_fields.profile()
        changed = profile != self._loaded_profile
        if changed:
            checked = self.controller_fields.check()
            if checked is None:
                self.tabs.setCurrentIndex(1)
                return
            try:
                self._loaded_profile = register.save_controller(self._db, checked)
            except UserError as exc:
                show_problem(self.controller_fields.problem, problem_text(exc))
                self.tabs.setCurrentIndex(1)
                return
            self.controller_fields.set_profile(self._loaded_profile)
        config.set_backup_dir(folder)
        lang = str(self.language_combo.currentData())
        if lang != setup.language():
            # Saved for the next start; nothing switches now. Switching live would leave the
            # menus, tabs and open case views of the running windows in the old language
            # beside new texts, which is worse than one language until the restart.
            setup.set_language(lang)
            chosen = i18n.resolve_language(lang)
            if chosen != i18n.current_language():
                told = {
                    "nb": self.tr(
                        "Innsyn will be in Norwegian Bokmål from the next start. "
                        "Until then it stays as it is."
                    ),
                    "en": self.tr(
                        "Innsyn will be in English from the next start. "
                        "Until then it stays as it is."
                    ),
                }[chosen]
                QMessageBox.information(self, self.tr("Language"), told)
        self.accept()

    def reject(self) -> None:
        if self._job is not None:  # a backup is being written: wait for it
            show_problem(
                self.backup_status,
                QCoreApplication.translate("SettingsDialog", "Wait for the backup to finish."),
            )
            return
        super().reject()
