"""Table models over the case log and the subject register, paged from SQL.

Filtering, sorting and text search happen in SQL (the services); the model only asks for the
pages of rows the view shows, and keeps a few of them in a small LRU cache. A million cases
cost one COUNT and a page or two per screenful: never a QSortFilterProxyModel.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from app.core import deadlines
from app.core.model import Role
from app.services import cases, subjects
from app.services.dto import CaseQuery, CaseRow, SubjectRow
from app.services.storage import Database
from app.ui.formatting import days_left_text, due_tooltip, format_date, label
from app.ui.tasks import failure_message

PAGE_SIZE = 200
MAX_CACHED_PAGES = 8

# Custom roles: what a view or a test needs of a row beyond its text.
ReferenceRole = Qt.ItemDataRole.UserRole + 1
CaseIdRole = Qt.ItemDataRole.UserRole + 2
SubjectIdRole = Qt.ItemDataRole.UserRole + 3
DueBandRole = Qt.ItemDataRole.UserRole + 4
RowRole = Qt.ItemDataRole.UserRole + 5

# Background colours of the due bands; the text is set dark on them, so they read in dark
# themes too. The band is also written in the days-left cell: colour is never the only cue.
BAND_COLOURS = {
    deadlines.BAND_OVERDUE: QColor("#f4b6b6"),
    deadlines.BAND_3_DAYS: QColor("#ffd59e"),
    deadlines.BAND_7_DAYS: QColor("#fff1a8"),
}
_BAND_TEXT_COLOUR = QColor("#1a1a1a")

_ModelIndex = QModelIndex | QPersistentModelIndex


def band_of(row: CaseRow, today: dt.date) -> str:
    """The due band of an open case ("" for closed cases: no deadline is running)."""
    return deadlines.due_band(row.due, today) if row.is_open else ""


R = TypeVar("R")


class PagedTableModel(QAbstractTableModel, Generic[R]):
    """Rows fetched in pages on demand; a small LRU cache of pages; the count from SQL."""

    loadFailed = Signal(str)

    def __init__(
        self,
        *,
        page_size: int = PAGE_SIZE,
        max_pages: int = MAX_CACHED_PAGES,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.page_size = max(1, page_size)
        self.max_pages = max(2, max_pages)
        self._pages: OrderedDict[int, list[R]] = OrderedDict()
        self._count = 0
        self.pages_fetched = 0  # how many pages were read from the database (for tests)

    # --- what each model (cases, subjects) supplies: a page of rows and the row count, from
    # its service ------------------------------------------------------------------------------

    _fetch: Callable[[int, int], list[R]]
    _fetch_count: Callable[[], int]

    # --- paging -----------------------------------------------------------------------------

    def _reload(self) -> None:
        self.beginResetModel()
        self._pages.clear()
        try:
            self._count = self._fetch_count()
        except Exception as exc:  # shown in the status bar; the list stays empty
            self._count = 0
            self.loadFailed.emit(failure_message(exc))
        self.endResetModel()

    def refresh(self) -> None:
        """Read the count again and forget the cached pages (after any change)."""
        self._reload()

    def _page(self, number: int) -> list[R]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        try:
            page = self._fetch(number * self.page_size, self.page_size)
        except Exception as exc:  # inside paint: report once, never re-raise
            # An empty page is cached, so a failing read is not retried on every repaint.
            page = []
            self.loadFailed.emit(failure_message(exc))
        self.pages_fetched += 1
        self._pages[number] = page
        while len(self._pages) > self.max_pages:
            self._pages.popitem(last=False)
        return page

    def row_at(self, row: int) -> R | None:
        if not 0 <= row < self._count:
            return None
        page = self._page(row // self.page_size)
        within = row % self.page_size
        return page[within] if within < len(page) else None

    def cached_pages(self) -> tuple[int, ...]:
        return tuple(self._pages)

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def flags(self, index: _ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class CaseTableModel(PagedTableModel[CaseRow]):
    """The case log: one row per case, filtered and sorted by a CaseQuery in SQL."""

    COL_REFERENCE, COL_SUBJECT, COL_TYPES, COL_CHANNEL = 0, 1, 2, 3
    COL_RECEIVED, COL_DUE, COL_DAYS_LEFT, COL_STATUS = 4, 5, 6, 7
    COLUMN_COUNT = 8

    # Which CaseQuery.sort a column sorts by (days left sorts as the due date does).
    SORT_KEYS = {
        COL_REFERENCE: "reference",
        COL_SUBJECT: "subject",
        COL_TYPES: "types",
        COL_CHANNEL: "channel",
        COL_RECEIVED: "received",
        COL_DUE: "due",
        COL_DAYS_LEFT: "due",
        COL_STATUS: "status",
    }

    def __init__(
        self,
        db: Database,
        query: CaseQuery | None = None,
        *,
        today: dt.date | Callable[[], dt.date] | None = None,
        page_size: int = PAGE_SIZE,
        max_pages: int = MAX_CACHED_PAGES,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(page_size=page_size, max_pages=max_pages, parent=parent)
        self._db = db
        self._query = query or CaseQuery()
        self._today_source = today
        self._today = self._read_today()
        self._headers = (
            self.tr("Reference"),
            self.tr("Subject"),
            self.tr("Types"),
            self.tr("Channel"),
            self.tr("Received"),
            self.tr("Due"),
            self.tr("Days left"),
            self.tr("Status"),
        )
        self._reload()

    def _read_today(self) -> dt.date:
        source = self._today_source
        if source is None:
            return cases.today_oslo()
        if isinstance(source, dt.date):
            return source
        return source()

    @property
    def today(self) -> dt.date:
        return self._today

    def query(self) -> CaseQuery:
        return self._query

    def set_query(self, query: CaseQuery) -> None:
        self._query = query
        self._reload()

    def refresh(self) -> None:
        self._today = self._read_today()  # the days left change at midnight
        self._reload()

    def _fetch(self, offset: int, limit: int) -> list[CaseRow]:
        return cases.list_cases(
            self._db,
            self._query,
            offset=offset,
            limit=limit,
            today=self._today,
            total=self._count,
        )

    def _fetch_count(self) -> int:
        return cases.count_cases(self._db, self._query, today=self._today)

    def sort_column(self) -> int:
        for column, key in self.SORT_KEYS.items():
            if key == self._query.sort:
                return column
        return self.COL_DUE

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORT_KEYS.get(column)
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self._query.sort and descending == self._query.descending:
            return
        # Every row may move: a reset (persistent indexes could not follow a new SQL order).
        self.beginResetModel()
        self._query = replace(self._query, sort=key, descending=descending)
        self._pages.clear()  # the count is the same: no need to ask for it again
        self.endResetModel()

    def reference_at(self, row: int) -> str | None:
        found = self.row_at(row)
        return found.reference if found else None

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < self.COLUMN_COUNT:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return self._headers[section]
            if role == Qt.ItemDataRole.ToolTipRole and section == self.COL_DUE:
                return self.tr("The strict deadline under Art. 12(3): the one that counts.")
        return None

    def _display(self, row: CaseRow, column: int) -> str:
        if column == self.COL_REFERENCE:
            return row.reference
        if column == self.COL_SUBJECT:
            return row.subject
        if column == self.COL_TYPES:
            return ", ".join(label(t.value) for t in row.types)
        if column == self.COL_CHANNEL:
            return label(row.channel.value)
        if column == self.COL_RECEIVED:
            return format_date(row.received)
        if column == self.COL_DUE:
            return format_date(row.due)
        if column == self.COL_DAYS_LEFT:
            return days_left_text(row.due, self._today, is_open=row.is_open)
        if column == self.COL_STATUS:
            return label(row.status.value)
        return ""

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(row, column)
        if role == ReferenceRole:
            return row.reference
        if role == CaseIdRole:
            return row.id
        if role == SubjectIdRole:
            return row.subject_id
        if role == DueBandRole:
            return band_of(row, self._today)
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = BAND_COLOURS.get(band_of(row, self._today))
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(_BAND_TEXT_COLOUR) if band_of(row, self._today) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (self.COL_DUE, self.COL_DAYS_LEFT) or band_of(row, self._today):
                return due_tooltip(row.due, self._today, is_open=row.is_open)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_DAYS_LEFT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class SubjectTableModel(PagedTableModel[SubjectRow]):
    """The subject register, searched (FTS) and filtered by role in SQL."""

    COL_NAME, COL_EMAILS, COL_PHONES, COL_ROLES, COL_CUSTOMER_NO, COL_OPEN_CASES = range(6)
    COLUMN_COUNT = 6

    # The services sort subjects by name or customer number only.
    SORT_KEYS = {COL_NAME: "name", COL_CUSTOMER_NO: "customer_no"}

    def __init__(
        self,
        db: Database,
        *,
        search: str = "",
        role: Role | None = None,
        page_size: int = PAGE_SIZE,
        max_pages: int = MAX_CACHED_PAGES,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(page_size=page_size, max_pages=max_pages, parent=parent)
        self._db = db
        self._search = search
        self._role = role
        self._sort = "name"
        self._descending = False
        self._headers = (
            self.tr("Name"),
            self.tr("E-mail addresses"),
            self.tr("Phone numbers"),
            self.tr("Roles"),
            self.tr("Customer no."),
            self.tr("Open cases"),
        )
        self._reload()

    @property
    def search(self) -> str:
        return self._search

    @property
    def role(self) -> Role | None:
        return self._role

    def set_filter(self, search: str, role: Role | None) -> None:
        self._search = search
        self._role = role
        self._reload()

    def _fetch(self, offset: int, limit: int) -> list[SubjectRow]:
        return subjects.list_subjects(
            self._db,
            search=self._search,
            role=self._role,
            sort=self._sort,
            descending=self._descending,
            offset=offset,
            limit=limit,
            total=self._count,
        )

    def _fetch_count(self) -> int:
        return subjects.count_subjects(self._db, search=self._search, role=self._role)

    def sort_column(self) -> int:
        for column, key in self.SORT_KEYS.items():
            if key == self._sort:
                return column
        return self.COL_NAME

    def sort_order(self) -> Qt.SortOrder:
        return Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORT_KEYS.get(column)
        if key is None:
            return  # not sortable in SQL: keep the present order
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self._sort and descending == self._descending:
            return
        self.beginResetModel()
        self._sort = key
        self._descending = descending
        self._pages.clear()
        self.endResetModel()

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < self.COLUMN_COUNT:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return self._headers[section]
        return None

    @staticmethod
    def _joined(values: Sequence[str]) -> str:
        return ", ".join(values)

    def _display(self, row: SubjectRow, column: int) -> str:
        if column == self.COL_NAME:
            return row.name
        if column == self.COL_EMAILS:
            return self._joined(row.emails)
        if column == self.COL_PHONES:
            return self._joined(row.phones)
        if column == self.COL_ROLES:
            return self._joined([label(r.value) for r in row.roles])
        if column == self.COL_CUSTOMER_NO:
            return row.customer_no or ""
        if column == self.COL_OPEN_CASES:
            return str(row.open_cases)
        return ""

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(row, index.column())
        if role == SubjectIdRole:
            return row.id
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.COL_NAME:
            return row.pseudonym
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.COL_OPEN_CASES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
