"""The annual right-to-be-informed statements: choose the year, who gets one, the language
and the folder; the batch runs in the background with a progress bar and Cancel, and ends
with a summary of what was written, who has no data, and whose statement says processing
is restricted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import UserError
from app.core.model import Role
from app.services import cases, statements, subjects
from app.services.statements import AnnualCandidate, BatchReport
from app.services.storage import Database
from app.ui.formatting import label, problem_text
from app.ui.tasks import Task, TaskRunner, failure_message
from app.ui.widgets import chain_tab_order, error_label, named

SubjectIdRole = Qt.ItemDataRole.UserRole + 1
LIST_LIMIT = 200  # the hand-picked list shows this many matches; searching narrows it


class AnnualStatementsDialog(QDialog):
    def __init__(
        self, db: Database, parent: QWidget | None = None, *, today: dt.date | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._today = today or cases.today_oslo()
        self.tasks = TaskRunner(self)
        self.job: Task[BatchReport] | None = None
        self.report: BatchReport | None = None
        self.failure: str | None = None
        self.picked: set[int] = set()  # subject ids, kept across searches
        self._names: dict[str, str] = {}
        title = self.tr("Annual statements")
        named(self, "annualStatementsDialog", title)
        self.setWindowTitle(title)
        self.resize(640, 720)

        form = QFormLayout()
        self.year = QSpinBox()
        named(self.year, "annualYear", self.tr("Year"))
        self.year.setRange(2018, self._today.year)
        self.year.setValue(self._today.year)
        form.addRow(self.tr("&Year:"), self.year)

        self.mode_requests = QRadioButton(self.tr("Everyone who asked for &access that year"))
        named(self.mode_requests, "annualModeRequests", self.tr("Access requests that year"))
        self.mode_role = QRadioButton(self.tr("Everyone with the &role:"))
        named(self.mode_role, "annualModeRole", self.tr("Everyone with a role"))
        self.mode_selected = QRadioButton(self.tr("&Hand-picked:"))
        named(self.mode_selected, "annualModeSelected", self.tr("Hand-picked people"))
        self._modes = QButtonGroup(self)
        for button in (self.mode_requests, self.mode_role, self.mode_selected):
            self._modes.addButton(button)
        self.mode_requests.setChecked(True)
        self.role = QComboBox()
        named(self.role, "annualRole", self.tr("Role"))
        for role in Role:
            self.role.addItem(label(role.value), role.value)
        role_row = QHBoxLayout()
        role_row.addWidget(self.mode_role)
        role_row.addWidget(self.role, 1)
        self.search = QLineEdit()
        named(self.search, "annualSearch", self.tr("Search people"))
        self.search.setPlaceholderText(self.tr("Name, e-mail, phone or customer number"))
        self.search.setClearButtonEnabled(True)
        self.people = QListWidget()
        named(self.people, "annualPeople", self.tr("People to pick"))
        set_box = QVBoxLayout()
        set_box.addWidget(self.mode_requests)
        set_box.addLayout(role_row)
        set_box.addWidget(self.mode_selected)
        set_box.addWidget(self.search)
        set_box.addWidget(self.people, 1)
        form.addRow(self.tr("Who:"), set_box)

        self.language = QComboBox()
        named(self.language, "annualLanguage", self.tr("Language"))
        self.language.addItem("Norsk bokmål", "nb")
        self.language.addItem("English", "en")
        form.addRow(self.tr("&Language:"), self.language)

        self.folder = QLineEdit()
        named(self.folder, "annualFolder", self.tr("Output folder"))
        self.choose_folder = QPushButton(self.tr("C&hoose…"))
        named(self.choose_folder, "annualChooseFolder", self.tr("Choose the output folder"))
        self.choose_folder.setAutoDefault(False)
        self.choose_folder.clicked.connect(self.ask_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose_folder)
        form.addRow(self.tr("&Folder:"), folder_row)
        self.combined = QCheckBox(self.tr("Also one &combined file for printing"))
        named(self.combined, "annualCombined", self.tr("Also a combined file for printing"))
        form.addRow("", self.combined)

        self.progress = QProgressBar()
        named(self.progress, "annualProgress", self.tr("Progress"))
        self.progress.setFormat(self.tr("%v of %m"))
        self.progress.hide()
        self.error = error_label("annualError", self.tr("Problem"))
        self.summary = QPlainTextEdit()
        named(self.summary, "annualSummary", self.tr("Summary"))
        self.summary.setReadOnly(True)
        self.summary.hide()

        self.buttons = QDialogButtonBox()
        named(self.buttons, "annualButtons", self.tr("Start, cancel or close"))
        self.start_button = self.buttons.addButton(
            self.tr("&Write statements"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        named(self.start_button, "annualStartButton", self.tr("Write the statements"))
        self.cancel_button = self.buttons.addButton(
            self.tr("Ca&ncel"), QDialogButtonBox.ButtonRole.ActionRole
        )
        named(self.cancel_button, "annualCancelButton", self.tr("Cancel the batch"))
        self.cancel_button.setEnabled(False)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        named(self.close_button, "annualCloseButton", self.tr("Close"))
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

        self._inputs: tuple[QWidget, ...] = (
            self.year,
            self.mode_requests,
            self.mode_role,
            self.mode_selected,
            self.role,
            self.search,
            self.people,
            self.language,
            self.folder,
            self.choose_folder,
            self.combined,
        )
        self.search.textChanged.connect(self.refresh_people)
        self.people.itemChanged.connect(self._item_changed)
        for button in (self.mode_requests, self.mode_role, self.mode_selected):
            button.toggled.connect(self._mode_changed)
        chain_tab_order(
            self.year,
            self.mode_requests,
            self.mode_role,
            self.role,
            self.mode_selected,
            self.search,
            self.people,
            self.language,
            self.folder,
            self.choose_folder,
            self.combined,
            self.buttons,
        )
        self.refresh_people()
        self._mode_changed()

    # --- the set ----------------------------------------------------------------------------------

    def mode(self) -> str:
        if self.mode_role.isChecked():
            return "role"
        if self.mode_selected.isChecked():
            return "selected"
        return "requests"

    def _mode_changed(self) -> None:
        running = self.job is not None
        self.role.setEnabled(self.mode_role.isChecked() and not running)
        picking = self.mode_selected.isChecked() and not running
        self.search.setEnabled(picking)
        self.people.setEnabled(picking)

    def refresh_people(self) -> None:
        try:
            rows = subjects.list_subjects(self._db, search=self.search.text(), limit=LIST_LIMIT)
        except UserError as exc:
            self._show_error(problem_text(exc))
            return
        self.people.blockSignals(True)
        try:
            self.people.clear()
            for row in rows:
                self._names[row.pseudonym] = row.name
                item = QListWidgetItem(f"{row.name} ({row.pseudonym})")
                item.setData(SubjectIdRole, row.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    Qt.CheckState.Checked if row.id in self.picked else Qt.CheckState.Unchecked
                )
                self.people.addItem(item)
        finally:
            self.people.blockSignals(False)

    def _item_changed(self, item: QListWidgetItem) -> None:
        subject_id = int(item.data(SubjectIdRole))
        if item.checkState() == Qt.CheckState.Checked:
            self.picked.add(subject_id)
        else:
            self.picked.discard(subject_id)

    def pick(self, *subject_ids: int) -> None:
        """Tick people as the officer would (those not listed by the current search too)."""
        self.picked.update(subject_ids)
        self.refresh_people()

    def ask_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the statements"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)

    def combined_path(self, folder: Path, year: int, lang: str) -> Path:
        return folder / f"statements-{year}-{lang}-for-printing.pdf"

    # --- running ----------------------------------------------------------------------------------

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _set_running(self, running: bool) -> None:
        for widget in self._inputs:
            widget.setEnabled(not running)
        self.start_button.setEnabled(not running)
        self.close_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self._mode_changed()

    def start(self) -> Task[BatchReport] | None:
        if self.job is not None:
            return None
        self.error.hide()
        self.report = None
        self.failure = None
        folder_text = self.folder.text().strip()
        if not folder_text:
            self._show_error(self.tr("Choose the folder the statements are written to."))
            return None
        folder = Path(folder_text).expanduser()
        if not folder.is_dir():
            self._show_error(self.tr("The folder {folder} does not exist.").format(folder=folder))
            return None
        year = self.year.value()
        lang = str(self.language.currentData())
        mode = self.mode()
        if mode == "selected" and not self.picked:
            self._show_error(self.tr("Tick at least one person."))
            return None
        try:
            people: list[AnnualCandidate] = statements.annual_candidates(
                self._db,
                year,
                mode,
                role=str(self.role.currentData()) if mode == "role" else None,
                subject_ids=tuple(sorted(self.picked)),
            )
        except UserError as exc:
            self._show_error(problem_text(exc))
            return None
        if not people:
            self._show_error(self.tr("No one is in this set: nothing to write."))
            return None
        for person in people:
            self._names[person.pseudonym] = person.name
        combined = self.combined_path(folder, year, lang) if self.combined.isChecked() else None
        db = self._db
        self.progress.setRange(0, len(people) + (1 if combined else 0))
        self.progress.setValue(0)
        self.progress.show()
        self.summary.hide()
        self._set_running(True)
        self.job = self.tasks.run(
            lambda progress: statements.run_annual_batch(
                db, people, year, folder, lang, combined, progress
            ),
            on_success=self._on_finished,
            on_failure=self._on_failed,
            on_progress=self._on_progress,
        )
        return self.job

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.progress.setFormat(self.tr("Cancelling…"))

    @property
    def running(self) -> bool:
        return self.job is not None

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _end(self) -> None:
        self.job = None
        self.progress.setFormat(self.tr("%v of %m"))
        self._set_running(False)

    def _people(self, pseudonyms: tuple[str, ...]) -> str:
        return ", ".join(
            f"{p} {self._names[p]}".strip() if self._names.get(p) else p for p in pseudonyms
        )

    def _on_finished(self, report: BatchReport) -> None:
        self._end()
        self.report = report
        lines = [
            self.tr("{n} statement(s) written to {folder}.").format(
                n=len(report.written),
                folder=report.written[0].parent if report.written else self.folder.text(),
            )
        ]
        if report.cancelled:
            lines.append(
                self.tr("Cancelled: only complete statements were kept; no combined file.")
            )
        elif report.combined is not None:
            lines.append(self.tr("Combined file for printing: {path}").format(path=report.combined))
        lines.append(
            self.tr("No data processed, so no statement ({n}): {people}").format(
                n=len(report.no_data), people=self._people(report.no_data) or "–"
            )
        )
        lines.append(
            self.tr("Processing restricted, marked in their statement ({n}): {people}").format(
                n=len(report.restricted), people=self._people(report.restricted) or "–"
            )
        )
        if report.skipped:
            lines.append(
                self.tr("Skipped, erased meanwhile ({n}): {people}").format(
                    n=len(report.skipped), people=", ".join(report.skipped)
                )
            )
        self.summary.setPlainText("\n".join(lines))
        self.summary.show()
        self.progress.hide()

    def _on_failed(self, exc: BaseException) -> None:
        message = failure_message(exc)
        self._end()
        self.failure = message
        self.progress.hide()
        self._show_error(message)

    # --- closing ------------------------------------------------------------------------------------

    def reject(self) -> None:
        if self.job is not None:
            answer = QMessageBox.question(
                self,
                self.tr("Annual statements"),
                self.tr("The statements are being written. Cancel and close?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            self.tasks.shutdown()
            self._end()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        # The runner has cancelled and waited on this Close event.
        super().closeEvent(event)
