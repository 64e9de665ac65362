"""The retention sweep: for a date, everything whose retention has run out, most overdue
first, with the rule and its legal reference.

The officer ticks lines and, in one step, creates erasure cases for the people ticked (one
case per person), or de-identifies the workbench's own closed cases (after a confirmation).
The list can be saved as CSV (names only when asked; recorded in the audit trail).

The sweep runs on a worker thread (a million people take some seconds); the list lives in a
table model that hands the view its rows in batches. Only services and core are imported
here: the widgets hold plain data, never a session.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import UserError
from app.services import retention_sweep
from app.services.cases import today_oslo
from app.services.database import Database
from app.services.retention_sweep import SweepItem, SweepKind
from app.ui.jobs import Job, ProgressCallback, failure_message

__all__ = ["RetentionSweepView", "SweepTableModel"]

_ModelIndex = QModelIndex | QPersistentModelIndex
_ERROR_STYLE = "color: #a40000;"  # dark red: readable on white; the text says it too
ItemRole = Qt.ItemDataRole.UserRole + 1
BATCH = 1000  # rows handed to the view at a time


def _named(widget: QWidget, object_name: str, accessible_name: str) -> None:
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible_name)


def _to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def _date(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


class SweepTableModel(QAbstractTableModel):
    """The sweep's list, as computed (already sorted by days overdue), with a tick box per
    line. The view gets the rows a batch at a time (`canFetchMore`/`fetchMore`)."""

    checkedChanged = Signal(int)  # how many lines are ticked

    CHECK, OVERDUE, DUE, KIND, PSEUDONYM, NAME, ACTIVITY, APPLIES_TO, RULE, LEGAL, CASE = range(11)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[SweepItem] = []
        self._checked: set[int] = set()
        self._shown = 0

    # --- content --------------------------------------------------------------------------------

    def set_items(self, items: list[SweepItem]) -> None:
        self.beginResetModel()
        self._items = items
        self._checked = set()
        self._shown = min(len(items), BATCH)
        self.endResetModel()
        self.checkedChanged.emit(0)

    @property
    def items(self) -> list[SweepItem]:
        return self._items

    def item(self, row: int) -> SweepItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def checked_rows(self) -> list[int]:
        return sorted(self._checked)

    def checked_items(self) -> list[SweepItem]:
        return [self._items[r] for r in sorted(self._checked)]

    def set_checked(self, row: int, checked: bool) -> None:
        if not 0 <= row < len(self._items):
            return
        if checked:
            self._checked.add(row)
        else:
            self._checked.discard(row)
        if row < self._shown:
            index = self.index(row, self.CHECK)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checkedChanged.emit(len(self._checked))

    def set_all_checked(self, checked: bool) -> None:
        self._checked = set(range(len(self._items))) if checked else set()
        if self._shown:
            self.dataChanged.emit(
                self.index(0, self.CHECK),
                self.index(self._shown - 1, self.CHECK),
                [Qt.ItemDataRole.CheckStateRole],
            )
        self.checkedChanged.emit(len(self._checked))

    # --- batches ---------------------------------------------------------------------------------

    def canFetchMore(self, parent: _ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._shown < len(self._items)

    def fetchMore(self, parent: _ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = min(BATCH, len(self._items) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    # --- the model -------------------------------------------------------------------------------

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 11

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.headers()[section] if 0 <= section < 11 else None

    def headers(self) -> list[str]:
        return [
            "",
            self.tr("Days overdue"),
            self.tr("Due since"),
            self.tr("What"),
            self.tr("Pseudonym"),
            self.tr("Name"),
            self.tr("Activity"),
            self.tr("Data"),
            self.tr("Rule"),
            self.tr("Legal reference"),
            self.tr("Case"),
        ]

    def kind_text(self, kind: SweepKind) -> str:
        if kind is SweepKind.SUBJECT_DATA:
            return self.tr("Personal data")
        if kind is SweepKind.KEPT:
            return self.tr("Kept under a legal ground")
        return self.tr("Closed request case")

    def case_text(self, item: SweepItem) -> str:
        if item.case_reference:
            return item.case_reference
        if item.open_erasure_case:
            return self.tr("{reference} (erasure open)").format(reference=item.open_erasure_case)
        return ""

    def text(self, item: SweepItem, column: int) -> str:
        if column == self.OVERDUE:
            return str(item.days_overdue)
        if column == self.DUE:
            return _date(item.due_on)
        if column == self.KIND:
            return self.kind_text(item.kind)
        if column == self.PSEUDONYM:
            return item.pseudonym
        if column == self.NAME:
            return item.name
        if column == self.ACTIVITY:
            return item.activity
        if column == self.APPLIES_TO:
            return item.applies_to
        if column == self.RULE:
            return item.rule
        if column == self.LEGAL:
            return item.legal_reference
        if column == self.CASE:
            return self.case_text(item)
        return ""

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._shown:
            return None
        item = self._items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == self.CHECK:
            ticked = index.row() in self._checked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(item, column)
        if role == Qt.ItemDataRole.ToolTipRole and column != self.CHECK:
            if item.systems and column in (self.ACTIVITY, self.APPLIES_TO):
                return self.tr("Held in: {systems}").format(systems=", ".join(item.systems))
            return self.text(item, column) or None
        if role == Qt.ItemDataRole.AccessibleTextRole and column == self.CHECK:
            return self.tr("Tick {pseudonym}: {data}").format(
                pseudonym=item.pseudonym, data=item.applies_to
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.OVERDUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ItemRole:
            return item
        return None

    def setData(self, index: _ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or index.column() != self.CHECK
            or role != Qt.ItemDataRole.CheckStateRole
        ):
            return False
        state = value.value if isinstance(value, Qt.CheckState) else value
        self.set_checked(index.row(), state == Qt.CheckState.Checked.value)
        return True

    def flags(self, index: _ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.CHECK:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags


class RetentionSweepView(QWidget):
    """The sweep for a date (today by default). `sweepLoaded(count)` follows each sweep;
    `casesCreated(references)` each step that created erasure cases;
    `casesDeidentified(references)` each de-identification."""

    sweepLoaded = Signal(int)
    sweepFailed = Signal(str)
    casesCreated = Signal(list)
    casesDeidentified = Signal(list)

    def __init__(
        self, db: Database, parent: QWidget | None = None, *, today: dt.date | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self._today_fixed = today
        self._job: Job | None = None
        self._again = False
        self._ended: list[Job] = []  # jobs the worker may still be returning from
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self.swept_as_of: dt.date | None = None
        self._job_as_of = self.today
        _named(self, "retentionSweepView", self.tr("Retention sweep"))
        self._build()
        self.refresh()

    @property
    def today(self) -> dt.date:
        return self._today_fixed or today_oslo()

    # --- layout ----------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        label = QLabel(self.tr("&As of:"))
        self.as_of_edit = QDateEdit()
        _named(self.as_of_edit, "retentionAsOf", self.tr("Sweep as of"))
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.setDisplayFormat("dd.MM.yyyy")
        self.as_of_edit.setMinimumDate(QDate(2018, 1, 1))
        self.as_of_edit.setDate(_to_qdate(self.today))
        label.setBuddy(self.as_of_edit)
        self.sweep_button = QPushButton(self.tr("&Sweep"))
        _named(self.sweep_button, "retentionSweepButton", self.tr("Run the retention sweep"))
        self.sweep_button.clicked.connect(self.refresh)
        self.count_label = QLabel()
        _named(self.count_label, "retentionCountLabel", self.tr("Items due"))
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        top.addWidget(label)
        top.addWidget(self.as_of_edit)
        top.addWidget(self.sweep_button)
        top.addWidget(self.count_label, 1)
        layout.addLayout(top)

        self.model = SweepTableModel(self)
        self.table = QTableView()
        _named(self.table, "retentionTable", self.tr("Data due for deletion"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((0, 28), (1, 90), (2, 90), (3, 160), (4, 90), (5, 160)):
            self.table.setColumnWidth(column, width)
        layout.addWidget(self.table, 1)

        ticks = QHBoxLayout()
        self.check_all_button = QPushButton(self.tr("Tick &all"))
        _named(self.check_all_button, "retentionCheckAllButton", self.tr("Tick every line"))
        self.check_all_button.clicked.connect(lambda: self.model.set_all_checked(True))
        self.check_none_button = QPushButton(self.tr("&Untick all"))
        _named(self.check_none_button, "retentionCheckNoneButton", self.tr("Untick every line"))
        self.check_none_button.clicked.connect(lambda: self.model.set_all_checked(False))
        self.checked_label = QLabel()
        _named(self.checked_label, "retentionCheckedLabel", self.tr("Lines ticked"))
        ticks.addWidget(self.check_all_button)
        ticks.addWidget(self.check_none_button)
        ticks.addWidget(self.checked_label, 1)
        layout.addLayout(ticks)

        actions = QHBoxLayout()
        self.create_button = QPushButton(self.tr("&Create erasure cases for the selected"))
        _named(
            self.create_button,
            "retentionCreateCasesButton",
            self.tr("Create erasure cases for the selected people"),
        )
        self.create_button.clicked.connect(self.create_cases)
        self.deidentify_button = QPushButton(self.tr("&De-identify selected closed cases…"))
        _named(
            self.deidentify_button,
            "retentionDeidentifyButton",
            self.tr("De-identify the selected closed cases"),
        )
        self.deidentify_button.clicked.connect(self.deidentify_cases)
        self.export_button = QPushButton(self.tr("&Export CSV…"))
        _named(self.export_button, "retentionExportButton", self.tr("Export the list as CSV"))
        self.export_button.clicked.connect(self.export_csv)
        self.export_names = QCheckBox(self.tr("Include &names in the export"))
        _named(self.export_names, "retentionExportNames", self.tr("Include names in the export"))
        actions.addWidget(self.create_button)
        actions.addWidget(self.deidentify_button)
        actions.addStretch(1)
        actions.addWidget(self.export_names)
        actions.addWidget(self.export_button)
        layout.addLayout(actions)

        self.result_label = QLabel()
        _named(self.result_label, "retentionResultLabel", self.tr("Result"))
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result_label)

        self.model.checkedChanged.connect(self._on_checked)
        self.model.modelReset.connect(self._update_buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._on_checked(0)

    # --- the sweep -------------------------------------------------------------------------------

    def as_of(self) -> dt.date:
        return _from_qdate(self.as_of_edit.date())

    def set_as_of(self, day: dt.date) -> None:
        self.as_of_edit.setDate(_to_qdate(day))

    @property
    def running(self) -> bool:
        return self._job is not None

    def refresh(self) -> None:
        """Sweep for the chosen date on a worker thread (again, once one running ends)."""
        if self._job is not None:
            self._again = True
            self._job.cancel()
            return
        db, as_of = self.db, self.as_of()

        def work(progress: ProgressCallback) -> list[SweepItem]:
            return retention_sweep.sweep(db, as_of, progress=progress)

        job = Job(work)
        job.signals.progress.connect(self._on_progress)
        # Bound methods of this widget: queued to the GUI thread (a lambda would not be).
        job.signals.finished.connect(self._on_finished)
        job.signals.failed.connect(self._on_failed)
        self._job = job
        self._job_as_of = as_of
        self._set_busy(True)
        self.count_label.setStyleSheet("")
        self.count_label.setText(self.tr("Sweeping…"))
        job.start(self._pool)

    def _on_progress(self, done: int, total: int) -> None:
        if total > 0 and self._job is not None:
            percent = min(100, done * 100 // total)
            self.count_label.setText(self.tr("Sweeping… {percent} %").format(percent=percent))

    def _end(self) -> bool:
        """The job is over; True when another sweep was asked for meanwhile (it starts)."""
        if self._job is not None:
            self._ended = [*self._ended[-3:], self._job]
        self._job = None
        self._set_busy(False)
        if self._again:
            self._again = False
            self.refresh()
            return True
        return False

    def _on_finished(self, items: object) -> None:
        as_of = self._job_as_of
        if self._end():
            return
        assert isinstance(items, list)
        self.swept_as_of = as_of
        self.model.set_items(items)
        self.count_label.setText(
            self.tr("%n item(s) due for deletion as of {date}", "", len(items)).format(
                date=_date(as_of)
            )
        )
        self.count_label.setAccessibleDescription(self.count_label.text())
        self.sweepLoaded.emit(len(items))

    def _on_failed(self, message: str) -> None:
        if self._end():
            return
        self.count_label.setStyleSheet(_ERROR_STYLE)
        self.count_label.setText(self.tr("The sweep failed: {message}").format(message=message))
        self.sweepFailed.emit(message)

    def wait(self, msecs: int = -1) -> bool:
        """Wait for a sweep running on the worker (when closing down)."""
        return self._pool.waitForDone(msecs)

    # --- selection -------------------------------------------------------------------------------

    def selected_items(self) -> list[SweepItem]:
        """The ticked lines; where none is ticked, the rows selected in the table."""
        ticked = self.model.checked_items()
        if ticked:
            return ticked
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [item for r in rows if (item := self.model.item(r)) is not None]

    def _on_checked(self, count: int) -> None:
        self.checked_label.setText(self.tr("%n line(s) ticked", "", count))
        self._update_buttons()

    def _set_busy(self, busy: bool) -> None:
        self.sweep_button.setEnabled(True)
        for button in (self.create_button, self.deidentify_button, self.export_button):
            button.setEnabled(not busy)
        self.check_all_button.setEnabled(not busy)
        self.check_none_button.setEnabled(not busy)
        if not busy:
            self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        if self._job is not None:
            return
        has_items = bool(self.model.items)
        self.export_button.setEnabled(has_items)
        self.check_all_button.setEnabled(has_items)
        self.check_none_button.setEnabled(has_items)

    def _show_result(self, text: str, *, error: bool = False) -> None:
        self.result_label.setStyleSheet(_ERROR_STYLE if error else "")
        self.result_label.setText(text)
        self.result_label.setAccessibleDescription(text)

    # --- actions ---------------------------------------------------------------------------------

    def create_cases(self) -> list[str]:
        """One erasure case per person ticked, in one step; the references are shown."""
        chosen = [i for i in self.selected_items() if i.kind is SweepKind.SUBJECT_DATA]
        if not chosen:
            self._show_result(
                self.tr(
                    "Tick the people's data to erase first: kept data and closed cases are "
                    "not erased through a new case."
                ),
                error=True,
            )
            return []
        people = len({i.subject_id for i in chosen})
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            refs = retention_sweep.create_erasure_cases(self.db, chosen)
        except UserError as exc:
            self._show_result(str(exc), error=True)
            return []
        except Exception as exc:  # its text may hold personal data: the kind only
            self._show_result(failure_message(exc), error=True)
            return []
        finally:
            QGuiApplication.restoreOverrideCursor()
        if refs:
            text = self.tr("%n erasure case(s) created: {references}", "", len(refs)).format(
                references=", ".join(refs)
            )
        else:
            text = self.tr("No erasure case was created.")
        if people > len(refs):
            text += " " + self.tr(
                "%n person(s) skipped: an erasure case is already open, or the person is erased.",
                "",
                people - len(refs),
            )
        self._show_result(text)
        if refs:
            self.casesCreated.emit(refs)
        self.refresh()
        return refs

    def deidentify_cases(self) -> list[str]:
        """De-identify the closed cases ticked, after a confirmation."""
        refs = list(
            dict.fromkeys(
                i.case_reference
                for i in self.selected_items()
                if i.kind is SweepKind.CLOSED_CASE and i.case_reference
            )
        )
        if not refs:
            self._show_result(self.tr("Tick the closed cases to de-identify first."), error=True)
            return []
        answer = QMessageBox.question(
            self,
            self.tr("De-identify closed cases"),
            self.tr(
                "De-identify %n closed case(s)? Call notes, contact details, e-mails and the "
                "content of stored documents are removed for good; the references, dates and "
                "what was done stay. A person with no other case who is not in the register "
                "for another reason is erased too.",
                "",
                len(refs),
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return []
        try:
            done = retention_sweep.deidentify_closed_cases(self.db, refs)
        except UserError as exc:
            self._show_result(str(exc), error=True)
            return []
        except Exception as exc:
            self._show_result(failure_message(exc), error=True)
            return []
        references = [d.reference for d in done]
        erased = sum(1 for d in done if d.subject_erased)
        text = self.tr("%n case(s) de-identified: {references}", "", len(references)).format(
            references=", ".join(references)
        )
        if erased:
            text += " " + self.tr("%n person record(s) erased with them.", "", erased)
        self._show_result(text)
        self.casesDeidentified.emit(references)
        self.refresh()
        return references

    def export_csv(self) -> Path | None:
        """The whole list as CSV, to a file the officer chooses."""
        items = self.model.items
        if not items:
            return None
        day = self.swept_as_of or self.as_of()
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the retention sweep"),
            str(Path.home() / f"retention-sweep-{day:%Y%m%d}.csv"),
            self.tr("CSV files (*.csv);;All files (*)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        if not path.suffix:
            path = path.with_suffix(".csv")
        return self.export_to(path)

    def export_to(self, path: Path) -> Path | None:
        names = self.export_names.isChecked()
        try:
            written = retention_sweep.write_sweep_csv(self.db, self.model.items, path, names=names)
        except UserError as exc:
            self._show_result(str(exc), error=True)
            return None
        except Exception as exc:
            self._show_result(failure_message(exc), error=True)
            return None
        self._show_result(
            self.tr("%n line(s) written to {path}", "", len(self.model.items)).format(
                path=str(written)
            )
        )
        return written
