"""Importing the subject register: check the columns, import in the background, decide what
to do with bad rows.

The dialog shows what was found in the file (encoding, separator), lets the officer say which
column holds what, and previews the first rows as they will be stored. The import runs on a
worker thread as one transaction: first refusing to write anything if a row is bad, so that
the officer sees the bad rows and chooses between importing the good rows and importing
nothing. Only the services are used; widgets are only touched on the GUI thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import UserError
from app.services import subject_import
from app.services.storage import Database
from app.services.subject_import import (
    FIELDS,
    PREVIEW_COLUMNS,
    ColumnMapping,
    ImportPreview,
    ImportReport,
)
from app.ui.formatting import problem_text
from app.ui.tasks import ProgressCallback, Task, TaskRunner, failure_message
from app.ui.widgets import ERROR_COLOUR, error_label, named

__all__ = ["SubjectImportDialog"]

_WARNING_STYLE = "color: #8a5300;"
_BAD_ROWS_SHOWN = 10_000  # the saved report has them all


class SubjectImportDialog(QDialog):
    """Import a subject register file into `db`. Emits `imported(report)` once rows were
    written (for the lists to refresh)."""

    imported = Signal(object)

    def __init__(self, db: Database, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.path = Path(path)
        self.preview: ImportPreview | None = None
        self.mapping = ColumnMapping()
        self.report: ImportReport | None = None
        self._job: Task[ImportReport] | None = None
        self._close_when_done = False
        self.tasks = TaskRunner(self, max_threads=1)
        self.combos: dict[str, QComboBox] = {}

        self.setObjectName("subjectImportDialog")
        self.setWindowTitle(self.tr("Import subject register: {name}").format(name=self.path.name))
        self.resize(980, 760)
        self._build()
        self._load()

    # --- building ----------------------------------------------------------------------------

    def _field_label(self, field: str) -> str:
        return {
            "name": self.tr("Name"),
            "first_name": self.tr("First name"),
            "last_name": self.tr("Last name"),
            "email": self.tr("E-mail"),
            "phone": self.tr("Phone"),
            "mobile": self.tr("Mobile phone"),
            "address": self.tr("Street address"),
            "postcode": self.tr("Postcode"),
            "city": self.tr("City"),
            "role": self.tr("Role (customer, supplier…)"),
            "customer_no": self.tr("Customer number"),
            "supplier_no": self.tr("Supplier number"),
            "last_purchase": self.tr("Last purchase"),
            "last_contact": self.tr("Last contact"),
        }[field]

    def _preview_label(self, column: str) -> str:
        return {
            "name": self.tr("Name"),
            "emails": self.tr("E-mail addresses"),
            "phones": self.tr("Phone numbers"),
            "postal_address": self.tr("Postal address"),
            "roles": self.tr("Roles"),
            "customer_no": self.tr("Customer no."),
            "supplier_no": self.tr("Supplier no."),
            "last_purchase": self.tr("Last purchase"),
            "last_contact": self.tr("Last contact"),
        }[column]

    def _build(self) -> None:
        layout = QVBoxLayout(self)

        self.file_info = QLabel()
        self.file_info.setWordWrap(True)
        named(self.file_info, "importFileInfo", self.tr("What was found in the file"))
        layout.addWidget(self.file_info)
        self.file_warning = QLabel()
        self.file_warning.setWordWrap(True)
        self.file_warning.setStyleSheet(_WARNING_STYLE)
        named(self.file_warning, "importFileWarning", self.tr("Warning about the file"))
        self.file_warning.hide()
        layout.addWidget(self.file_warning)

        self.mapping_box = QGroupBox(self.tr("Which column holds what"))
        self.mapping_box.setObjectName("importMappingBox")
        box = QVBoxLayout(self.mapping_box)
        self.mapping_table = QTableWidget(len(FIELDS), 2)
        named(self.mapping_table, "importMappingTable", self.tr("Columns of the file"))
        self.mapping_table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Column in the file")]
        )
        self.mapping_table.verticalHeader().hide()
        self.mapping_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.mapping_table.horizontalHeader().setStretchLastSection(True)
        for i, field in enumerate(FIELDS):
            label = self._field_label(field)
            self.mapping_table.setItem(i, 0, QTableWidgetItem(label))
            combo = QComboBox()
            named(combo, f"mapping_{field}", self.tr("Column for {field}").format(field=label))
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.combos[field] = combo
            self.mapping_table.setCellWidget(i, 1, combo)
        box.addWidget(self.mapping_table)
        layout.addWidget(self.mapping_box, 3)

        self.preview_box = QGroupBox(self.tr("The first rows, as they will be imported"))
        self.preview_box.setObjectName("importPreviewBox")
        box = QVBoxLayout(self.preview_box)
        self.preview_table = QTableWidget(0, len(PREVIEW_COLUMNS) + 2)
        named(self.preview_table, "importPreviewTable", self.tr("Preview of the first rows"))
        self.preview_table.setHorizontalHeaderLabels(
            [self.tr("Row")]
            + [self._preview_label(c) for c in PREVIEW_COLUMNS]
            + [self.tr("Problems")]
        )
        self.preview_table.verticalHeader().hide()
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        box.addWidget(self.preview_table)
        layout.addWidget(self.preview_box, 3)

        progress_row = QHBoxLayout()
        self.progress = QProgressBar()
        named(self.progress, "importProgress", self.tr("Import progress"))
        self.progress.hide()
        progress_row.addWidget(self.progress, 1)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        named(self.cancel_button, "importCancelButton", self.tr("Cancel the import"))
        self.cancel_button.clicked.connect(self.cancel_import)
        self.cancel_button.hide()
        progress_row.addWidget(self.cancel_button)
        layout.addLayout(progress_row)

        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        named(self.status_label, "importStatus", self.tr("Import status"))
        layout.addWidget(self.status_label)
        self.error_label = error_label("importError", self.tr("Problem"))
        layout.addWidget(self.error_label)

        self.bad_rows_box = QGroupBox(self.tr("Rows that cannot be imported"))
        self.bad_rows_box.setObjectName("importBadRowsBox")
        box = QVBoxLayout(self.bad_rows_box)
        self.bad_rows_table = QTableWidget(0, 2)
        named(self.bad_rows_table, "importBadRowsTable", self.tr("Rows that cannot be imported"))
        self.bad_rows_table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Reason")])
        self.bad_rows_table.verticalHeader().hide()
        self.bad_rows_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.bad_rows_table.horizontalHeader().setStretchLastSection(True)
        box.addWidget(self.bad_rows_table)
        self.bad_rows_box.hide()
        layout.addWidget(self.bad_rows_box, 2)

        buttons = QHBoxLayout()
        self.save_report_button = QPushButton(self.tr("Save report…"))
        named(self.save_report_button, "importSaveReportButton", self.tr("Save the bad rows"))
        self.save_report_button.clicked.connect(self.save_report_as)
        self.save_report_button.hide()
        buttons.addWidget(self.save_report_button)
        buttons.addStretch(1)
        self.import_nothing_button = QPushButton(self.tr("Import nothing"))
        named(self.import_nothing_button, "importNothingButton", self.tr("Import nothing"))
        self.import_nothing_button.clicked.connect(self.import_nothing)
        self.import_nothing_button.hide()
        buttons.addWidget(self.import_nothing_button)
        self.import_good_button = QPushButton()
        named(self.import_good_button, "importGoodRowsButton", self.tr("Import the good rows"))
        self.import_good_button.clicked.connect(self.import_good_rows)
        self.import_good_button.hide()
        buttons.addWidget(self.import_good_button)
        self.import_button = QPushButton(self.tr("Import"))
        named(self.import_button, "importStartButton", self.tr("Import the register"))
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        buttons.addWidget(self.import_button)
        self.close_button = QPushButton(self.tr("Close"))
        named(self.close_button, "importCloseButton", self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

    # --- the file and the mapping ----------------------------------------------------------

    def _load(self) -> None:
        try:
            self.preview = subject_import.preview(self.path, limit=20)
        except UserError as exc:
            self._show_error(problem_text(exc))
            self.file_info.setText(
                self.tr("{name} cannot be imported.").format(name=self.path.name)
            )
            self.mapping_box.setEnabled(False)
            self.preview_box.setEnabled(False)
            self.import_button.setEnabled(False)
            return
        pre = self.preview
        if pre.kind == "xlsx":
            info = self.tr("{name}: Excel workbook, sheet “{sheet}”, about {rows} rows.").format(
                name=pre.file_name, sheet=pre.sheet or "", rows=pre.rows_estimate
            )
        else:
            separator = {
                ";": self.tr("semicolon (;)"),
                ",": self.tr("comma (,)"),
                "\t": self.tr("tab"),
            }.get(pre.separator or "", pre.separator or "")
            info = self.tr(
                "{name}: text in {encoding}, columns separated by {separator}, about {rows} rows."
            ).format(
                name=pre.file_name,
                encoding=pre.encoding or "",
                separator=separator,
                rows=pre.rows_estimate,
            )
        self.file_info.setText(info)
        if pre.lossy:
            self.file_warning.setText(
                self.tr(
                    "Some bytes of the file are not valid {encoding}: the rows holding them "
                    "will not be imported."
                ).format(encoding=pre.encoding or "")
            )
            self.file_warning.show()
        not_imported = self.tr("(not imported)")
        for field, combo in self.combos.items():
            combo.blockSignals(True)
            combo.addItem(not_imported, None)
            for header in pre.headers:
                combo.addItem(header, header)
            chosen = getattr(pre.mapping, field)
            combo.setCurrentIndex(combo.findData(chosen) if chosen is not None else 0)
            combo.blockSignals(False)
        self._mapping_changed()

    def combo(self, field: str) -> QComboBox:
        return self.combos[field]

    def _mapping_changed(self, *_args: object) -> None:
        self.mapping = ColumnMapping(
            **{f: c.currentData() for f, c in self.combos.items() if c.currentData() is not None}
        )
        if self.report is not None and not self.report.written:
            self._back_to_mapping()  # the bad rows found were those of another mapping
        self._refresh_preview()
        running = self._job is not None
        self.import_button.setEnabled(
            self.preview is not None and self.mapping.has_name() and not running
        )
        if self.preview is not None and not self.mapping.has_name():
            self.status_label.setText(self.tr("Choose the column that holds the names."))
        elif not running and self.report is None:
            self.status_label.setText("")

    def _refresh_preview(self) -> None:
        if self.preview is None:
            return
        rows = subject_import.map_preview(self.preview, self.mapping)
        table = self.preview_table
        table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            cells = [str(row.row_number), *row.values, "; ".join(row.reasons)]
            for j, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if row.reasons:
                    item.setToolTip("; ".join(row.reasons))
                    if j == len(cells) - 1:
                        item.setForeground(QBrush(QColor(ERROR_COLOUR)))
                table.setItem(i, j, item)
        table.resizeColumnsToContents()

    # --- running -------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._job is not None

    def start_import(self) -> None:
        """Import, writing nothing if any row is bad (the officer then decides)."""
        self._run(import_good_rows=False)

    def import_good_rows(self) -> None:
        self._run(import_good_rows=True)

    def import_nothing(self) -> None:
        self.status_label.setText(self.tr("Nothing was imported."))
        self.reject()

    def _run(self, *, import_good_rows: bool) -> None:
        if self._job is not None or self.preview is None or not self.mapping.has_name():
            return
        db, path, mapping = self.db, self.path, self.mapping

        def work(progress: ProgressCallback) -> ImportReport:
            return subject_import.import_subjects(
                db, path, mapping, import_good_rows=import_good_rows, progress=progress
            )

        self.error_label.hide()
        self.mapping_box.setEnabled(False)
        for button in (
            self.import_button,
            self.import_good_button,
            self.import_nothing_button,
            self.close_button,
        ):
            button.setEnabled(False)
        self.progress.setRange(0, max(self.preview.rows_estimate, 1))
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.status_label.setText(self.tr("Importing {name}…").format(name=self.path.name))
        self._job = self.tasks.run(
            work,
            on_success=self._on_finished,
            on_failure=self._on_failed,
            on_progress=self._on_progress,
        )

    def cancel_import(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self.cancel_button.setEnabled(False)
            self.status_label.setText(self.tr("Cancelling: nothing will be written…"))

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _end_job(self) -> None:
        self._job = None
        self.progress.hide()
        self.cancel_button.hide()
        self.close_button.setEnabled(True)

    def _on_failed(self, exc: BaseException) -> None:
        message = failure_message(exc)
        self._end_job()
        self.mapping_box.setEnabled(True)
        self._mapping_changed()
        self.status_label.setText(self.tr("Nothing was imported."))
        self._show_error(message)
        if self._close_when_done:
            super().reject()

    def _on_finished(self, result: ImportReport) -> None:
        self._end_job()
        self.report = result
        if self._close_when_done:
            super().reject()
            return
        if result.cancelled:
            self.report = None
            self.mapping_box.setEnabled(True)
            self._mapping_changed()
            self.status_label.setText(self.tr("Cancelled: nothing was imported."))
            return
        self._show_bad_rows(result)
        if result.written:
            self.import_good_button.hide()
            self.import_nothing_button.hide()
            text = self.tr("Imported {good} rows: {inserted} new subjects, {updated} updated.")
            text = text.format(
                good=result.good_rows, inserted=result.inserted, updated=result.updated
            )
            if result.rejected:
                text += " " + self.tr("{rejected} rows were not imported (below).").format(
                    rejected=result.rejected
                )
            self.status_label.setText(text)
            self.close_button.setText(self.tr("Close"))
            self.close_button.setFocus()
            self.imported.emit(result)
            return
        # Bad rows and nothing written: the officer decides.
        self.mapping_box.setEnabled(True)  # or corrects the mapping and tries again
        self.status_label.setText(
            self.tr(
                "{rejected} of {rows} rows cannot be imported (below). Nothing has been "
                "written yet: import the {good} good rows, or nothing?"
            ).format(rejected=result.rejected, rows=result.rows, good=result.good_rows)
        )
        self.import_good_button.setText(
            self.tr("Import the {good} good rows").format(good=result.good_rows)
        )
        self.import_good_button.setEnabled(result.good_rows > 0)
        self.import_good_button.show()
        self.import_nothing_button.setEnabled(True)
        self.import_nothing_button.show()
        self.import_button.hide()

    def _back_to_mapping(self) -> None:
        self.report = None
        self.bad_rows_box.hide()
        self.save_report_button.hide()
        self.import_good_button.hide()
        self.import_nothing_button.hide()
        self.import_button.show()

    def _show_bad_rows(self, report: ImportReport) -> None:
        if not report.rejected:
            self.bad_rows_box.hide()
            self.save_report_button.hide()
            return
        shown = report.bad_rows[:_BAD_ROWS_SHOWN]
        table = self.bad_rows_table
        table.setRowCount(len(shown))
        for i, bad in enumerate(shown):
            table.setItem(i, 0, QTableWidgetItem(str(bad.row_number)))
            table.setItem(i, 1, QTableWidgetItem("; ".join(bad.reasons)))
        table.resizeColumnToContents(0)
        hidden = report.rejected - len(shown)
        self.bad_rows_box.setTitle(
            self.tr("Rows that cannot be imported ({n})").format(n=report.rejected)
            + (
                self.tr(": the first {shown} are listed, the report has all").format(
                    shown=len(shown)
                )
                if hidden
                else ""
            )
        )
        self.bad_rows_box.show()
        self.save_report_button.show()

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    # --- the report ----------------------------------------------------------------------------

    def save_report_as(self) -> None:
        if self.report is None:
            return
        suggested = self.path.with_name(f"{self.path.stem}-bad-rows.csv")
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save report"), str(suggested), self.tr("CSV files (*.csv)")
        )
        if chosen:
            self.save_report(Path(chosen))

    def save_report(self, path: Path) -> None:
        if self.report is None:
            return
        try:
            subject_import.write_bad_rows(self.report, path)
        except OSError as exc:
            self._show_error(
                self.tr("The report could not be saved: {reason}").format(
                    reason=exc.strerror or type(exc).__name__
                )
            )
            return
        self.status_label.setText(self.tr("Report saved to {name}.").format(name=path.name))

    # --- closing -------------------------------------------------------------------------------

    def reject(self) -> None:
        """Closing while the import runs cancels it (nothing is written), then closes."""
        if self._job is not None:
            self._close_when_done = True
            self.cancel_import()
            return
        super().reject()

    def done(self, result: int) -> None:
        if self._job is not None:  # accept() or reject() while running: cancel first
            self._close_when_done = True
            self.cancel_import()
            return
        super().done(result)
