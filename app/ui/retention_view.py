"""The retention sweep: for a date, everything whose retention has run out, most overdue
first, with the rule and its legal reference.

The officer ticks lines and, in one step, creates erasure cases for the people ticked (one
case per person), or de-identifies the workbench's own closed cases (after a confirmation).
"Tick all" ticks the whole list, read or not: its actions then run on the worker, in batches
of the services. The list can be saved as CSV (names only when asked; recorded in the audit
trail), read from the database as it is written.

A million people give a million and a half lines: the sweep is only counted (on a worker
thread, when the view is first shown), and the table model reads the lines a page at a time
as the view asks for them (`retention_sweep.sweep_plan` and `sweep_page`), as the case list
does. Only services and core are imported here: the widgets hold plain data, never a session.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import (
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QShowEvent
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
from app.services.retention_sweep import SweepItem, SweepKind, SweepPlan
from app.services.storage import Database
from app.ui.case_table import MAX_CACHED_PAGES, PagedTableModel
from app.ui.formatting import format_date, problem_text
from app.ui.tasks import ProgressCallback, Task, TaskRunner, failure_message
from app.ui.widgets import ERROR_STYLE, from_qdate, named, to_qdate

__all__ = ["RetentionSweepView", "SweepTableModel"]

_ModelIndex = QModelIndex | QPersistentModelIndex
ItemRole = Qt.ItemDataRole.UserRole + 1
T = TypeVar("T")
# Lines read at a time. More than the case list's 200: until the people's dates have an index,
# each read is a pass over the people (about a second at 1M), and 1,000 lines cost no more.
PAGE_SIZE = 1_000
READ_ALL_PAGE = 5_000  # lines read at a time when every ticked line is asked for
MAX_SELECTED_ROWS = 10_000  # rows selected in the table that an action reads one by one


def _references(refs: list[str]) -> str:
    """The references made, shortened when there are many (a whole list's cases)."""
    if len(refs) <= 10:
        return ", ".join(refs)
    return ", ".join(refs[:5]) + ", …, " + refs[-1]


class SweepTableModel(PagedTableModel[SweepItem]):
    """The sweep's list (most overdue first), read a page at a time from the database as the
    view asks for rows, a few pages kept (LRU); the row count is the plan's. A tick box per
    line: ticks are kept per item, not per page. "Tick all" ticks every line of the list,
    read or not: the lines unticked after it are remembered instead."""

    checkedChanged = Signal(int)  # how many lines are ticked

    CHECK, OVERDUE, DUE, KIND, PSEUDONYM, NAME, ACTIVITY, APPLIES_TO, RULE, LEGAL, CASE = range(11)

    def __init__(
        self,
        db: Database,
        parent: QObject | None = None,
        *,
        page_size: int = PAGE_SIZE,
        max_pages: int = MAX_CACHED_PAGES,
    ) -> None:
        super().__init__(page_size=page_size, max_pages=max_pages, parent=parent)
        self._db = db
        self._plan: SweepPlan | None = None
        # The ticked items (row and item by key); with `_all`, the unticked ones instead.
        self._marked: dict[tuple[object, ...], tuple[int, SweepItem]] = {}
        self._all = False

    # --- content --------------------------------------------------------------------------------

    def set_plan(self, plan: SweepPlan | None, first_page: list[SweepItem] | None = None) -> None:
        """Show the list of a plan (None: nothing); `first_page`, read with it, saves a read."""
        self.beginResetModel()
        self._plan = plan
        self._count = plan.total if plan is not None else 0
        self._pages.clear()
        if plan is not None and first_page is not None:
            self._pages[0] = first_page[: self.page_size]
        self._marked = {}
        self._all = False
        self.endResetModel()
        self.checkedChanged.emit(0)

    @property
    def plan(self) -> SweepPlan | None:
        return self._plan

    @property
    def total(self) -> int:
        """How many lines the list has (read or not)."""
        return self._count

    def _fetch(self, offset: int, limit: int) -> list[SweepItem]:
        plan = self._plan
        if plan is None:
            return []
        return retention_sweep.sweep_page(self._db, plan, offset, limit)

    def _fetch_count(self) -> int:
        return self._plan.total if self._plan is not None else 0

    def item(self, row: int) -> SweepItem | None:
        """The line at `row` (read from the database if its page is not at hand)."""
        return self.row_at(row)

    # --- ticks ----------------------------------------------------------------------------------

    @property
    def all_checked(self) -> bool:
        """Every line is ticked ("Tick all"), apart from `unchecked_items()`."""
        return self._all

    def checked_count(self) -> int:
        return self._count - len(self._marked) if self._all else len(self._marked)

    def is_checked(self, row: int) -> bool:
        item = self.item(row)
        if item is None:
            return False
        return (retention_sweep.sweep_item_key(item) in self._marked) != self._all

    def unchecked_items(self) -> list[SweepItem]:
        """After "Tick all": the lines unticked since, in the list's order."""
        return self._marked_items() if self._all else []

    def _marked_items(self) -> list[SweepItem]:
        return [item for _row, item in sorted(self._marked.values(), key=lambda m: m[0])]

    def checked_rows(self) -> list[int]:
        """The rows ticked one by one (not after "Tick all": see `all_checked`)."""
        return [] if self._all else sorted(row for row, _item in self._marked.values())

    def checked_items(self) -> list[SweepItem]:
        """The ticked lines in the list's order. After "Tick all" the whole list is read a page
        at a time: for short lists; the view hands the whole list to the services instead."""
        if not self._all:
            return self._marked_items()
        plan = self._plan
        if plan is None:
            return []
        skip = set(self._marked)
        found = []
        for offset in range(0, self._count, READ_ALL_PAGE):
            for item in retention_sweep.sweep_page(self._db, plan, offset, READ_ALL_PAGE):
                if retention_sweep.sweep_item_key(item) not in skip:
                    found.append(item)
        return found

    def set_checked(self, row: int, checked: bool) -> None:
        item = self.item(row)
        if item is None:
            return
        key = retention_sweep.sweep_item_key(item)
        if checked != self._all:
            self._marked[key] = (row, item)
        else:
            self._marked.pop(key, None)
        index = self.index(row, self.CHECK)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checkedChanged.emit(self.checked_count())

    def set_all_checked(self, checked: bool) -> None:
        self._all = checked and self._count > 0
        self._marked = {}
        if self._count:
            self.dataChanged.emit(
                self.index(0, self.CHECK),
                self.index(self._count - 1, self.CHECK),
                [Qt.ItemDataRole.CheckStateRole],
            )
        self.checkedChanged.emit(self.checked_count())

    # --- the model -------------------------------------------------------------------------------

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
            return format_date(item.due_on)
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
        if not index.isValid():
            return None
        item = self.item(index.row())
        if item is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == self.CHECK:
            ticked = (retention_sweep.sweep_item_key(item) in self._marked) != self._all
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
    """The sweep for a date (today by default), counted when the view is first shown (not
    before) and then read a page at a time. `sweepLoaded(count)` follows each sweep;
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
        self._job: Task[tuple[SweepPlan, list[SweepItem]]] | None = None
        self._action_job: Task[Any] | None = None  # erasure cases or de-identification, whole list
        self._again = False
        self._started = False
        self.tasks = TaskRunner(self, max_threads=1)
        self.swept_as_of: dt.date | None = None
        self._job_as_of = self.today
        named(self, "retentionSweepView", self.tr("Retention sweep"))
        self._build()

    def showEvent(self, event: QShowEvent) -> None:
        """The first time the view is shown, the sweep is counted: a tab never opened costs
        nothing."""
        super().showEvent(event)
        if not self._started:
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
        named(self.as_of_edit, "retentionAsOf", self.tr("Sweep as of"))
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.setDisplayFormat("dd.MM.yyyy")
        self.as_of_edit.setMinimumDate(QDate(2018, 1, 1))
        self.as_of_edit.setDate(to_qdate(self.today))
        label.setBuddy(self.as_of_edit)
        self.sweep_button = QPushButton(self.tr("&Sweep"))
        named(self.sweep_button, "retentionSweepButton", self.tr("Run the retention sweep"))
        self.sweep_button.clicked.connect(self.refresh)
        self.count_label = QLabel()
        named(self.count_label, "retentionCountLabel", self.tr("Items due"))
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        top.addWidget(label)
        top.addWidget(self.as_of_edit)
        top.addWidget(self.sweep_button)
        top.addWidget(self.count_label, 1)
        layout.addLayout(top)

        self.model = SweepTableModel(self.db, self, page_size=PAGE_SIZE)
        self.table = QTableView()
        named(self.table, "retentionTable", self.tr("Data due for deletion"))
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
        named(self.check_all_button, "retentionCheckAllButton", self.tr("Tick every line"))
        self.check_all_button.clicked.connect(lambda: self.model.set_all_checked(True))
        self.check_none_button = QPushButton(self.tr("&Untick all"))
        named(self.check_none_button, "retentionCheckNoneButton", self.tr("Untick every line"))
        self.check_none_button.clicked.connect(lambda: self.model.set_all_checked(False))
        self.checked_label = QLabel()
        named(self.checked_label, "retentionCheckedLabel", self.tr("Lines ticked"))
        ticks.addWidget(self.check_all_button)
        ticks.addWidget(self.check_none_button)
        ticks.addWidget(self.checked_label, 1)
        layout.addLayout(ticks)

        actions = QHBoxLayout()
        self.create_button = QPushButton(self.tr("&Create erasure cases for the selected"))
        named(
            self.create_button,
            "retentionCreateCasesButton",
            self.tr("Create erasure cases for the selected people"),
        )
        self.create_button.clicked.connect(self.create_cases)
        self.deidentify_button = QPushButton(self.tr("&De-identify selected closed cases…"))
        named(
            self.deidentify_button,
            "retentionDeidentifyButton",
            self.tr("De-identify the selected closed cases"),
        )
        self.deidentify_button.clicked.connect(self.deidentify_cases)
        self.export_button = QPushButton(self.tr("&Export CSV…"))
        named(self.export_button, "retentionExportButton", self.tr("Export the list as CSV"))
        self.export_button.clicked.connect(self.export_csv)
        self.export_names = QCheckBox(self.tr("Include &names in the export"))
        named(self.export_names, "retentionExportNames", self.tr("Include names in the export"))
        actions.addWidget(self.create_button)
        actions.addWidget(self.deidentify_button)
        actions.addStretch(1)
        actions.addWidget(self.export_names)
        actions.addWidget(self.export_button)
        layout.addLayout(actions)

        self.result_label = QLabel()
        named(self.result_label, "retentionResultLabel", self.tr("Result"))
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result_label)

        self.model.checkedChanged.connect(self._on_checked)
        self.model.loadFailed.connect(lambda message: self._show_result(message, error=True))
        self.model.modelReset.connect(self._update_buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._on_checked(0)

    # --- the sweep -------------------------------------------------------------------------------

    def as_of(self) -> dt.date:
        return from_qdate(self.as_of_edit.date())

    def set_as_of(self, day: dt.date) -> None:
        self.as_of_edit.setDate(to_qdate(day))

    @property
    def running(self) -> bool:
        return self._job is not None or self._action_job is not None

    def refresh(self) -> None:
        """Count the sweep for the chosen date, and read its first page, on a worker thread
        (again, once one running ends)."""
        self._started = True
        if self._job is not None:
            self._again = True
            self._job.cancel()
            return
        if self._action_job is not None:
            self._again = True  # swept when the action ends
            return
        db, as_of, size = self.db, self.as_of(), self.model.page_size

        def work(progress: ProgressCallback) -> tuple[SweepPlan, list[SweepItem]]:
            plan = retention_sweep.sweep_plan(db, as_of, progress=progress)
            return plan, retention_sweep.sweep_page(db, plan, 0, size)

        self._job_as_of = as_of
        self._set_busy(True)
        self.count_label.setStyleSheet("")
        self.count_label.setText(self.tr("Sweeping…"))
        self._job = self.tasks.run(
            work,
            on_success=self._on_finished,
            on_failure=self._on_failed,
            on_progress=self._on_progress,
        )

    def _on_progress(self, done: int, total: int) -> None:
        if total > 0 and self._job is not None:
            percent = min(100, done * 100 // total)
            self.count_label.setText(self.tr("Sweeping… {percent} %").format(percent=percent))

    def _end(self) -> bool:
        """The job is over; True when another sweep was asked for meanwhile (it starts)."""
        self._job = None
        self._set_busy(False)
        if self._again:
            self._again = False
            self.refresh()
            return True
        return False

    def _on_finished(self, result: tuple[SweepPlan, list[SweepItem]]) -> None:
        as_of = self._job_as_of
        if self._end():
            return
        plan, first_page = result
        self.swept_as_of = as_of
        self.model.set_plan(plan, first_page)
        counts = plan.counts
        self.count_label.setText(
            self.tr("%n item(s) due for deletion as of {date}", "", counts.total).format(
                date=format_date(as_of)
            )
        )
        details = self.tr(
            "Personal data: {items} line(s) of %n person(s). Kept under a legal ground: "
            "{kept}. Closed request cases: {closed}.",
            "",
            counts.subjects,
        ).format(items=counts.subject_data, kept=counts.kept, closed=counts.closed_cases)
        self.count_label.setToolTip(details)
        self.count_label.setAccessibleDescription(f"{self.count_label.text()}. {details}")
        self.sweepLoaded.emit(counts.total)

    def _on_failed(self, exc: BaseException) -> None:
        message = failure_message(exc)
        if self._end():
            return
        self.count_label.setStyleSheet(ERROR_STYLE)
        self.count_label.setText(self.tr("The sweep failed: {message}").format(message=message))
        self.sweepFailed.emit(message)

    def wait(self, msecs: int = -1) -> bool:
        """Wait for a sweep running on the worker (when closing down)."""
        return self.tasks.wait(msecs)

    # --- selection -------------------------------------------------------------------------------

    def selected_items(self) -> list[SweepItem]:
        """The ticked lines; where none is ticked, the rows selected in the table. (With the
        whole list ticked, the actions hand it to the services in batches instead.)"""
        ticked = self.model.checked_items()
        if ticked:
            return ticked
        return [item for r in self._selected_rows() if (item := self.model.item(r)) is not None]

    def _selected_rows(self) -> list[int]:
        # From the ranges: Ctrl+A on a million rows is one range, not a million indexes.
        rows: set[int] = set()
        selection = self.table.selectionModel().selection()
        for i in range(selection.count()):
            part = selection.at(i)
            rows.update(range(part.top(), part.bottom() + 1))
            if len(rows) > MAX_SELECTED_ROWS:
                break
        return sorted(rows)

    def _too_many_selected(self) -> bool:
        """Rows selected (nothing ticked) beyond what is read one page after another: the
        officer is told to tick all instead."""
        if self.model.all_checked or self.model.checked_count():
            return False
        selection = self.table.selectionModel().selection()
        count = sum(
            selection.at(i).bottom() - selection.at(i).top() + 1 for i in range(selection.count())
        )
        if count <= MAX_SELECTED_ROWS:
            return False
        self._show_result(
            self.tr(
                "%n rows are selected: too many to read one by one. Use Tick all for the "
                "whole list.",
                "",
                count,
            ),
            error=True,
        )
        return True

    def _on_checked(self, count: int) -> None:
        self.checked_label.setText(self.tr("%n line(s) ticked", "", count))
        self._update_buttons()

    def _set_busy(self, busy: bool) -> None:
        self.sweep_button.setEnabled(self._action_job is None)
        for button in (self.create_button, self.deidentify_button, self.export_button):
            button.setEnabled(not busy)
        self.check_all_button.setEnabled(not busy)
        self.check_none_button.setEnabled(not busy)
        if not busy:
            self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        if self._job is not None or self._action_job is not None:
            return
        has_items = self.model.total > 0
        self.export_button.setEnabled(has_items)
        self.check_all_button.setEnabled(has_items)
        self.check_none_button.setEnabled(has_items)

    def _show_result(self, text: str, *, error: bool = False) -> None:
        self.result_label.setStyleSheet(ERROR_STYLE if error else "")
        self.result_label.setText(text)
        self.result_label.setAccessibleDescription(text)

    # --- actions ---------------------------------------------------------------------------------

    def create_cases(self) -> list[str]:
        """One erasure case per person ticked, in one step on the worker; the references are
        shown and `casesCreated` follows (returns []). With the whole list ticked: after a
        confirmation, in batches on the worker."""
        if self.model.all_checked:
            self._create_cases_for_list()
            return []
        if self._too_many_selected():
            return []
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
        db = self.db

        def work(_progress: ProgressCallback) -> list[str]:
            return retention_sweep.create_erasure_cases(db, chosen)

        self._start_action(
            work,
            self.tr("Creating erasure cases…"),
            lambda refs: self._on_created_for_lines(refs, people),
            on_failure=self._on_lines_failed,
        )
        return []

    def _on_created_for_lines(self, refs: list[str], people: int) -> None:
        self._end_action()
        self._cases_created(refs, people)

    def _on_lines_failed(self, exc: BaseException) -> None:
        """One step for the lines ticked: nothing was done, so the list stays as it is."""
        self._end_action()
        self._show_result(failure_message(exc), error=True)

    def _cases_created(self, refs: list[str], people: int) -> None:
        if refs:
            text = self.tr("%n erasure case(s) created: {references}", "", len(refs)).format(
                references=_references(refs)
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

    def _create_cases_for_list(self) -> None:
        plan = self.model.plan
        assert plan is not None
        unticked = self.model.unchecked_items()
        lines = plan.counts.subject_data - sum(
            1 for i in unticked if i.kind is SweepKind.SUBJECT_DATA
        )
        if lines <= 0:
            self._show_result(
                self.tr(
                    "Tick the people's data to erase first: kept data and closed cases are "
                    "not erased through a new case."
                ),
                error=True,
            )
            return
        answer = QMessageBox.question(
            self,
            self.tr("Create erasure cases"),
            self.tr(
                "Create erasure cases for %n line(s) of personal data, one case per person? "
                "For a long list this takes a while; it runs in the background.",
                "",
                lines,
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, as_of = self.db, plan.as_of
        excluded = [retention_sweep.sweep_item_key(i) for i in unticked]

        def work(progress: ProgressCallback) -> retention_sweep.SweepErasures:
            return retention_sweep.create_erasure_cases_for_sweep(
                db, as_of, excluded=excluded, progress=progress
            )

        self._start_action(work, self.tr("Creating erasure cases…"), self._on_created_for_list)

    def _on_created_for_list(self, result: retention_sweep.SweepErasures) -> None:
        self._end_action()
        self._cases_created(result.references, result.people)

    def _start_action(
        self,
        work: Callable[[ProgressCallback], T],
        busy_text: str,
        done: Callable[[T], None],
        *,
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run an action on the worker; `done` gets its result on the GUI thread."""
        self._action_text = busy_text
        self._set_busy(True)
        self._show_result(busy_text)
        self._action_job = self.tasks.run(
            work,
            on_success=done,
            on_failure=on_failure or self._on_action_failed,
            on_progress=self._on_action_progress,
        )

    def _on_action_progress(self, done: int, total: int) -> None:
        if total > 0 and self._action_job is not None:
            percent = min(100, done * 100 // total)
            self._show_result(f"{self._action_text} {percent} %")

    def _end_action(self) -> None:
        self._action_job = None
        self._set_busy(False)
        self._again = False  # the action's result sweeps again anyway

    def _on_action_failed(self, exc: BaseException) -> None:
        self._end_action()
        self._show_result(failure_message(exc), error=True)
        self.refresh()  # part of the list may have been done

    def deidentify_cases(self) -> list[str]:
        """De-identify the closed cases ticked, after a confirmation. With the whole list
        ticked, in batches on the worker (returns []; `casesDeidentified` follows)."""
        if self.model.all_checked:
            self._deidentify_list()
            return []
        if self._too_many_selected():
            return []
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
        if not self._confirm_deidentify(len(refs)):
            return []
        try:
            done = retention_sweep.deidentify_closed_cases(self.db, refs)
        except UserError as exc:
            self._show_result(problem_text(exc), error=True)
            return []
        except Exception as exc:
            self._show_result(failure_message(exc), error=True)
            return []
        return self._deidentified(done)

    def _confirm_deidentify(self, count: int) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("De-identify closed cases"),
            self.tr(
                "De-identify %n closed case(s)? Call notes, contact details, e-mails and the "
                "content of stored documents are removed for good; the references, dates and "
                "what was done stay. A person with no other case who is not in the register "
                "for another reason is erased too.",
                "",
                count,
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _deidentified(self, done: list[retention_sweep.DeidentifiedCase]) -> list[str]:
        references = [d.reference for d in done]
        erased = sum(1 for d in done if d.subject_erased)
        text = self.tr("%n case(s) de-identified: {references}", "", len(references)).format(
            references=_references(references)
        )
        if erased:
            text += " " + self.tr("%n person record(s) erased with them.", "", erased)
        self._show_result(text)
        self.casesDeidentified.emit(references)
        self.refresh()
        return references

    def _deidentify_list(self) -> None:
        plan = self.model.plan
        assert plan is not None
        excluded = [
            i.case_reference
            for i in self.model.unchecked_items()
            if i.kind is SweepKind.CLOSED_CASE and i.case_reference
        ]
        count = plan.counts.closed_cases - len(excluded)
        if count <= 0:
            self._show_result(self.tr("Tick the closed cases to de-identify first."), error=True)
            return
        if not self._confirm_deidentify(count):
            return
        db, as_of, years = self.db, plan.as_of, plan.case_years

        def work(progress: ProgressCallback) -> list[retention_sweep.DeidentifiedCase]:
            return retention_sweep.deidentify_closed_cases_for_sweep(
                db, as_of, excluded=excluded, case_years=years, progress=progress
            )

        self._start_action(
            work, self.tr("De-identifying closed cases…"), self._on_deidentified_list
        )

    def _on_deidentified_list(self, result: list[retention_sweep.DeidentifiedCase]) -> None:
        self._end_action()
        self._deidentified(result)

    def export_csv(self) -> Path | None:
        """The whole list as CSV, to a file the officer chooses."""
        if not self.model.total:
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
        """The sweep of the date shown, read from the database as it is written (not from
        the pages at hand)."""
        names = self.export_names.isChecked()
        day = self.swept_as_of or self.as_of()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            rows = retention_sweep.export_sweep_csv(self.db, day, path, names=names)
        except UserError as exc:
            self._show_result(problem_text(exc), error=True)
            return None
        except Exception as exc:
            self._show_result(failure_message(exc), error=True)
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._show_result(self.tr("%n line(s) written to {path}", "", rows).format(path=str(path)))
        return path
