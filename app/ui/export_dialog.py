"""Exporting for Datatilsynet: the case log for a period, and one case's evidence pack.

The case log is written on a worker thread (a log may hold 100,000 requests) with a progress
bar and a Cancel button. The service writes the whole file or nothing, so a cancel or an
error never leaves a partial file behind. Names of data subjects are left out unless the
officer asks for them; the choice is recorded in the audit trail by the service.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEventLoop,
    QLocale,
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.model import RequestType, Status
from app.services import exports
from app.services.cases import today_oslo
from app.services.dto import CaseQuery
from app.services.storage import Database
from app.ui.formatting import label
from app.ui.tasks import ProgressCallback, Task, TaskRunner, failure_message
from app.ui.widgets import error_label, from_qdate, named, to_qdate

__all__ = ["ExportDialog", "default_language", "export_case_pack"]

_DATE_FORMAT = "dd.MM.yyyy"

# The status filter's special entries (the others are Status values), as in the case list.
STATUS_ALL = "all"
STATUS_OPEN = "open"

SUFFIXES: dict[str, str] = {"csv": ".csv", "xlsx": ".xlsx", "pdf": ".pdf"}


def default_language() -> str:
    """Norwegian where the officer's desktop is Norwegian, English otherwise."""
    language = QLocale().language()
    norwegian = (QLocale.Language.NorwegianBokmal, QLocale.Language.NorwegianNynorsk)
    return "nb" if language in norwegian else "en"


def with_suffix(path: Path, suffix: str) -> Path:
    """The chosen path, with `suffix` added unless it already ends so (any case)."""
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def _documents_dir() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location else Path.home()


class ExportDialog(QDialog):
    """Export the case log for a period. Emits `exported(path, rows)` after a file was
    written."""

    exported = Signal(str, int)

    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        *,
        initial_query: CaseQuery | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.result_path: Path | None = None
        self.result_rows: int | None = None
        self._job: Task[int] | None = None
        self._job_path: Path | None = None
        self._close_when_done = False
        self.tasks = TaskRunner(self, max_threads=1)
        self._last_dir: Path | None = None

        named(self, "exportDialog", self.tr("Export the case log"))
        self.setWindowTitle(self.tr("Export the case log"))
        self.resize(560, 420)
        self._build()
        self._prefill(initial_query or CaseQuery())

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)

        year = today_oslo().year
        self.from_date = QDateEdit()
        named(self.from_date, "exportFromDate", self.tr("Received from"))
        self.to_date = QDateEdit()
        named(self.to_date, "exportToDate", self.tr("Received to"))
        for edit, day in (
            (self.from_date, dt.date(year, 1, 1)),
            (self.to_date, dt.date(year, 12, 31)),
        ):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(_DATE_FORMAT)
            edit.setMinimumDate(QDate(2018, 1, 1))
            edit.setDate(to_qdate(day))
        period = QHBoxLayout()
        period.addWidget(self.from_date)
        dash = QLabel(self.tr("to"))
        dash.setObjectName("exportPeriodTo")
        period.addWidget(dash)
        period.addWidget(self.to_date)
        period.addStretch(1)
        period_label = QLabel(self.tr("&Received from:"))
        period_label.setObjectName("exportPeriodLabel")
        period_label.setBuddy(self.from_date)
        form.addRow(period_label, period)

        self.status_filter = QComboBox()
        named(self.status_filter, "exportStatusFilter", self.tr("Status filter"))
        self.status_filter.addItem(self.tr("All"), STATUS_ALL)
        self.status_filter.addItem(self.tr("Open"), STATUS_OPEN)
        for status in Status:
            self.status_filter.addItem(label(status.value), status.value)
        form.addRow(
            self._buddy(self.tr("Sta&tus:"), "exportStatusLabel", self.status_filter),
            self.status_filter,
        )

        self.type_filter = QComboBox()
        named(self.type_filter, "exportTypeFilter", self.tr("Request type filter"))
        self.type_filter.addItem(self.tr("All"), None)
        for request_type in RequestType:
            self.type_filter.addItem(label(request_type.value), request_type.value)
        form.addRow(
            self._buddy(self.tr("T&ype:"), "exportTypeLabel", self.type_filter), self.type_filter
        )

        self.format_combo = QComboBox()
        named(self.format_combo, "exportFormat", self.tr("File format"))
        self.format_combo.addItem(self.tr("CSV"), "csv")
        self.format_combo.addItem(self.tr("Excel (XLSX)"), "xlsx")
        self.format_combo.addItem(self.tr("PDF"), "pdf")
        form.addRow(
            self._buddy(self.tr("&Format:"), "exportFormatLabel", self.format_combo),
            self.format_combo,
        )

        self.language_combo = QComboBox()
        named(self.language_combo, "exportLanguage", self.tr("Language of the export"))
        self.language_combo.addItem(self.tr("Norwegian (bokmål)"), "nb")
        self.language_combo.addItem(self.tr("English"), "en")
        self.language_combo.setCurrentIndex(self.language_combo.findData(default_language()))
        form.addRow(
            self._buddy(self.tr("&Language:"), "exportLanguageLabel", self.language_combo),
            self.language_combo,
        )

        self.names_check = QCheckBox(self.tr("Include &names (recorded in the audit trail)"))
        named(self.names_check, "exportIncludeNames", self.tr("Include names of data subjects"))
        self.names_check.setChecked(False)
        form.addRow(self.names_check)
        self.names_hint = QLabel(
            self.tr(
                "Unchecked, data subjects appear by their pseudonym (S-000042) only. Whether "
                "names were included is recorded in the audit trail with the export."
            )
        )
        self.names_hint.setObjectName("exportNamesHint")
        self.names_hint.setWordWrap(True)
        form.addRow(self.names_hint)

        progress_row = QHBoxLayout()
        self.progress = QProgressBar()
        named(self.progress, "exportProgress", self.tr("Export progress"))
        self.progress.hide()
        progress_row.addWidget(self.progress, 1)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        named(self.cancel_button, "exportCancelButton", self.tr("Cancel the export"))
        self.cancel_button.clicked.connect(self.cancel_export)
        self.cancel_button.hide()
        progress_row.addWidget(self.cancel_button)
        layout.addLayout(progress_row)

        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setWordWrap(True)
        named(self.status_label, "exportStatus", self.tr("Export status"))
        layout.addWidget(self.status_label)
        self.error_label = error_label("exportError", self.tr("Problem"))
        layout.addWidget(self.error_label)
        layout.addStretch(1)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.export_button = QPushButton(self.tr("&Export…"))
        named(self.export_button, "exportStartButton", self.tr("Choose the file and export"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.ask_and_export)
        buttons.addWidget(self.export_button)
        self.close_button = QPushButton(self.tr("Close"))
        named(self.close_button, "exportCloseButton", self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

        self._inputs: tuple[QWidget, ...] = (
            self.from_date,
            self.to_date,
            self.status_filter,
            self.type_filter,
            self.format_combo,
            self.language_combo,
            self.names_check,
            self.export_button,
        )
        for first, second in zip(
            (*self._inputs, self.close_button), (*self._inputs, self.close_button)[1:], strict=False
        ):
            QWidget.setTabOrder(first, second)

    def _buddy(self, text: str, name: str, buddy: QWidget) -> QLabel:
        shown = QLabel(text)
        shown.setObjectName(name)
        shown.setBuddy(buddy)
        return shown

    def _prefill(self, query: CaseQuery) -> None:
        if query.open_only:
            status = STATUS_OPEN
        elif len(query.statuses) == 1:
            status = Status(query.statuses[0]).value
        else:
            status = STATUS_ALL
        self.status_filter.setCurrentIndex(max(self.status_filter.findData(status), 0))
        if query.type is not None:
            index = self.type_filter.findData(RequestType(query.type).value)
            self.type_filter.setCurrentIndex(max(index, 0))
        if query.received_from is not None:
            self.from_date.setDate(to_qdate(query.received_from))
        if query.received_to is not None:
            self.to_date.setDate(to_qdate(query.received_to))

    # --- what was chosen -------------------------------------------------------------------------

    def period(self) -> tuple[dt.date, dt.date]:
        return from_qdate(self.from_date.date()), from_qdate(self.to_date.date())

    def query(self) -> CaseQuery:
        """The case-list filters chosen here (the period is passed separately)."""
        status = self.status_filter.currentData()
        request_type = self.type_filter.currentData()
        return CaseQuery(
            statuses=(Status(status),) if status not in (STATUS_ALL, STATUS_OPEN) else (),
            open_only=status == STATUS_OPEN,
            type=RequestType(request_type) if request_type else None,
        )

    def file_format(self) -> str:
        return str(self.format_combo.currentData())

    def language(self) -> str:
        return str(self.language_combo.currentData())

    def _file_filter(self, fmt: str) -> str:
        return {
            "csv": self.tr("CSV files (*.csv)"),
            "xlsx": self.tr("Excel workbooks (*.xlsx)"),
            "pdf": self.tr("PDF files (*.pdf)"),
        }[fmt]

    # --- running -------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._job is not None

    def ask_and_export(self) -> Task[int] | None:
        """Ask where to write, then export there in the background."""
        if self._job is not None:
            return None
        start, end = self.period()
        if end < start:
            self._show_error(self.tr("The period ends before it starts."))
            return None
        fmt = self.file_format()
        suffix = SUFFIXES[fmt]
        folder = self._last_dir or _documents_dir()
        suggested = folder / f"case-log-{start:%Y%m%d}-{end:%Y%m%d}{suffix}"
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the case log"), str(suggested), self._file_filter(fmt)
        )
        if not chosen:
            return None
        path = with_suffix(Path(chosen), suffix)
        self._last_dir = path.parent
        return self.export_to(path)

    def export_to(self, path: Path) -> Task[int] | None:
        """Export with the choices made, to `path`, on a worker thread."""
        if self._job is not None:
            return None
        start, end = self.period()
        db, fmt, lang = self.db, self.file_format(), self.language()
        query, names = self.query(), self.names_check.isChecked()

        def work(progress: ProgressCallback) -> int:
            return exports.export_case_log(
                db,
                path,
                fmt=fmt,
                received_from=start,
                received_to=end,
                query=query,
                names=names,
                lang=lang,
                progress=progress,
            )

        self._job_path = path
        self.result_path = None
        self.result_rows = None
        self.error_label.hide()
        for widget in self._inputs:
            widget.setEnabled(False)
        self.close_button.setEnabled(False)
        self.progress.setRange(0, 0)  # busy until the first report
        self.progress.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.status_label.setText(self.tr("Exporting to {file}…").format(file=str(path)))
        self._job = self.tasks.run(
            work,
            on_success=self._on_finished,
            on_failure=self._on_failed,
            on_progress=self._on_progress,
        )
        return self._job

    def cancel_export(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self.cancel_button.setEnabled(False)
            self.status_label.setText(self.tr("Cancelling: nothing will be written…"))

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _end_job(self) -> bool:
        cancelled = self._job.cancelled if self._job is not None else False
        self._job = None
        self.progress.hide()
        self.cancel_button.hide()
        for widget in self._inputs:
            widget.setEnabled(True)
        self.close_button.setEnabled(True)
        return cancelled

    def _on_finished(self, rows: int) -> None:
        self._end_job()
        path = self._job_path
        assert path is not None
        self.result_path, self.result_rows = path, rows
        if rows == 1:
            text = self.tr("1 case written to {file}.").format(file=str(path))
        else:
            text = self.tr("{n} cases written to {file}.").format(n=rows, file=str(path))
        self.status_label.setText(text)
        self.exported.emit(str(path), rows)
        if self._close_when_done:
            super().reject()

    def _on_failed(self, exc: BaseException) -> None:
        message = failure_message(exc)
        cancelled = self._end_job()
        if cancelled:
            # The service removes its temporary file: a cancel leaves nothing behind.
            self.status_label.setText(self.tr("Cancelled: nothing was written."))
        else:
            self.status_label.setText(self.tr("Nothing was written."))
            self._show_error(message)
        if self._close_when_done:
            super().reject()

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    # --- closing -------------------------------------------------------------------------------

    def reject(self) -> None:
        """Closing while the export runs cancels it (nothing is written), then closes."""
        if self._job is not None:
            self._close_when_done = True
            self.cancel_export()
            return
        super().reject()

    def done(self, result: int) -> None:
        if self._job is not None:
            self._close_when_done = True
            self.cancel_export()
            return
        super().done(result)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExportCasePack", text)


def export_case_pack(
    parent: QWidget | None, db: Database, reference: str, *, lang: str | None = None
) -> Path | None:
    """Ask for a file and write the evidence pack (a ZIP) of case `reference` there.

    The pack is built on a worker thread while a modal progress dialog shows; the outcome is
    then shown in a message box (a UserError's own sentence on failure). Returns the path
    written, or None.
    """
    title = _tr("Export evidence pack")
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in reference)
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, title, str(_documents_dir() / f"{safe}-evidence.zip"), _tr("ZIP archives (*.zip)")
    )
    if not chosen:
        return None
    path = with_suffix(Path(chosen), ".zip")
    language = lang or default_language()

    def work(_progress: ProgressCallback) -> int:
        return len(exports.export_evidence_pack(db, reference, path, lang=language))

    busy = QProgressDialog(parent)
    named(busy, "evidencePackProgress", _tr("Evidence pack progress"))
    busy.setWindowTitle(title)
    busy.setLabelText(_tr("Writing the evidence pack for {reference}…").format(reference=reference))
    busy.setCancelButton(None)  # the pack is written whole or not at all; it cannot stop
    busy.setRange(0, 0)
    busy.setWindowModality(Qt.WindowModality.ApplicationModal)
    busy.setMinimumDuration(300)

    loop = QEventLoop()
    written: list[int] = []
    errors: list[str] = []

    def finished(files: int) -> None:
        written.append(files)
        loop.quit()

    def failed(exc: BaseException) -> None:
        errors.append(failure_message(exc))
        loop.quit()

    runner = TaskRunner(busy)
    runner.run(work, on_success=finished, on_failure=failed)
    # The outcome is queued to this thread: it arrives once this loop runs.
    loop.exec()
    runner.wait()
    busy.reset()
    busy.deleteLater()
    if errors:
        QMessageBox.warning(parent, title, errors[0])
        return None
    QMessageBox.information(
        parent,
        title,
        _tr("Evidence pack for {reference} written to {file} ({n} files and the manifest).").format(
            reference=reference, file=str(path), n=written[0]
        ),
    )
    return path
