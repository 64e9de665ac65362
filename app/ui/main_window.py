"""The main window: the case log and the subject register, intake by phone or e-mail, and
the counts that say what needs doing."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QModelIndex, QSettings, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.core.errors import UserError
from app.core.model import RequestType, Role, Status
from app.services import cases, intake
from app.services.dto import CaseQuery, CaseStats
from app.services.intake import EmailDraft, ImportOutcome
from app.services.storage import Database
from app.ui.background_calls import BackgroundCalls
from app.ui.case_table import CaseTableModel, ReferenceRole, SubjectIdRole, SubjectTableModel
from app.ui.case_view import CaseView
from app.ui.dashboard import Dashboard
from app.ui.database_care import DatabaseCare
from app.ui.formatting import label, problem_text, ui_language
from app.ui.import_summary import ImportSummaryDialog
from app.ui.subject_view import SubjectView
from app.ui.tasks import WINDOW_TASKS, Task, TaskRunner, failure_message
from app.ui.widgets import chain_tab_order, named

if TYPE_CHECKING:
    from app.ui.register_view import RegisterView
    from app.ui.retention_view import RetentionSweepView

EMAIL_SUFFIXES = frozenset({".eml", ".msg"})
SEARCH_DELAY_MS = 300

# The status filter's special entries (the others are Status values).
STATUS_ALL = "all"
STATUS_OPEN = "open"

# The due-window filter's entries.
DUE_ANY = "any"
DUE_OVERDUE = "overdue"
DUE_3_DAYS = "3"
DUE_7_DAYS = "7"


def is_email_file(path: Path) -> bool:
    return path.suffix.lower() in EMAIL_SUFFIXES


class MainWindow(QMainWindow):
    def __init__(
        self, db: Database, parent: QWidget | None = None, *, today: dt.date | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self._today_fixed = today
        self._last_day = self.today
        self.tasks = TaskRunner(self)
        self.tasks.setObjectName(WINDOW_TASKS)  # the window's runner, for its panels too
        self._job: Task[list[ImportOutcome]] | None = None
        self._job_total = 0
        self.import_summary: ImportSummaryDialog | None = None
        self.last_import_outcomes: list[ImportOutcome] = []
        # The full check of the database file, in the background after the window is shown,
        # and the daily backup after it: one at a time, never both reading the whole file.
        self.maintenance = TaskRunner(self, max_threads=1)
        self.care = DatabaseCare(self, db, self.maintenance)
        self.register_view: RegisterView | None = None
        self.retention_view: RetentionSweepView | None = None
        # Tabs built the first time they are shown: none of them is needed to show the window.
        # (Plain functions, not bound methods or closures: a reference cycle back to the
        # window would leave it to the garbage collector, which may run on a worker thread.)
        self._unbuilt_tabs: dict[QWidget, Callable[[MainWindow, QVBoxLayout], None]] = {}

        named(self, "mainWindow", self.tr("Innsyn"))
        self.setWindowTitle(self.tr("Innsyn: data-subject requests"))
        self.resize(1200, 760)
        self.setAcceptDrops(True)

        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self.tabs = QTabWidget()
        named(self.tabs, "mainTabs", self.tr("Cases and subjects"))
        self.dashboard = Dashboard(db, self, today=today)
        self.dashboard.filterRequested.connect(self.show_filtered_cases)
        self.dashboard.caseRequested.connect(self.open_case)
        self.tabs.addTab(self.dashboard, self.tr("&Overview"))
        self.cases_tab = self._build_cases_tab()
        self.tabs.addTab(self.cases_tab, self.tr("&Cases"))
        self.subjects_tab = self._add_lazy_tab(
            "subjectsPage", self.tr("Su&bjects"), MainWindow._build_subjects, margins=True
        )
        self.register_tab = self._add_lazy_tab(
            "registerPage", self.tr("Re&gister"), MainWindow._build_register, margins=False
        )
        self.retention_tab = self._add_lazy_tab(
            "retentionPage", self.tr("Re&tention"), MainWindow._build_retention, margins=False
        )
        self.tabs.currentChanged.connect(self._build_tab_if_needed)
        self.setCentralWidget(self.tabs)
        self._build_status_bar()
        self.calls = BackgroundCalls(self, self.tasks, self.status_busy)
        self._restore_layout()

        # The days left change at midnight even when nothing else does.
        self._day_timer = QTimer(self)
        self._day_timer.setObjectName("dayTimer")
        self._day_timer.setInterval(60_000)
        self._day_timer.timeout.connect(self._check_new_day)
        self._day_timer.start()
        self.refresh_stats(self.dashboard.stats)  # read a moment ago by the overview
        self._update_case_count()

    # --- building ---------------------------------------------------------------------------------

    def _action(self, text: str, name: str, shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        return action

    def _build_actions(self) -> None:
        self.new_phone_action = self._action(
            self.tr("&New phone request…"), "newPhoneRequestAction", QKeySequence("Ctrl+N")
        )
        self.new_phone_action.triggered.connect(self.new_phone_request)
        self.import_action = self._action(
            self.tr("&Import e-mail…"), "importEmailAction", QKeySequence("Ctrl+I")
        )
        self.import_action.triggered.connect(self.ask_import_email)
        self.quit_action = self._action(self.tr("&Quit"), "quitAction", QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        self.find_action = self._action(self.tr("&Find"), "findAction", QKeySequence("Ctrl+F"))
        self.find_action.triggered.connect(self.focus_search)
        self.refresh_action = self._action(
            self.tr("&Refresh"), "refreshAction", QKeySequence(QKeySequence.StandardKey.Refresh)
        )
        self.refresh_action.triggered.connect(self.refresh_all)
        self.about_action = self._action(self.tr("&About Innsyn"), "aboutAction")
        self.about_action.triggered.connect(self.show_about)
        self.annual_action = self._action(self.tr("&Annual statements…"), "annualStatementsAction")
        self.annual_action.triggered.connect(self.open_annual_statements)
        self.import_register_action = self._action(
            self.tr("Import subject &register…"), "importRegisterAction"
        )
        self.import_register_action.triggered.connect(self.ask_import_register)
        self.export_log_action = self._action(
            self.tr("&Export case log…"), "exportLogAction", QKeySequence("Ctrl+E")
        )
        self.export_log_action.triggered.connect(self.open_export_dialog)
        self.annual_report_action = self._action(
            self.tr("Annual &report (PDF)…"), "annualReportAction"
        )
        self.annual_report_action.triggered.connect(self.ask_annual_report)
        self.calendar_action = self._action(
            self.tr("Deadlines to &calendar (.ics)…"), "calendarAction"
        )
        self.calendar_action.triggered.connect(self.ask_calendar)
        self.backup_action = self._action(self.tr("&Back up now"), "backupAction")
        self.backup_action.triggered.connect(self.back_up_now)
        self.restore_action = self._action(self.tr("Re&store from a backup…"), "restoreAction")
        self.restore_action.triggered.connect(self.care.ask_restore)
        self.settings_action = self._action(
            self.tr("&Settings…"),
            "settingsAction",
            QKeySequence(QKeySequence.StandardKey.Preferences),
        )
        self.settings_action.triggered.connect(self.open_settings)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.setObjectName("menuBar")
        bar.setAccessibleName(self.tr("Menu bar"))
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.setObjectName("fileMenu")
        file_menu.addAction(self.new_phone_action)
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.import_register_action)
        file_menu.addSeparator()
        file_menu.addAction(self.annual_action)
        file_menu.addAction(self.export_log_action)
        file_menu.addAction(self.annual_report_action)
        file_menu.addAction(self.calendar_action)
        file_menu.addSeparator()
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.restore_action)
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.setObjectName("editMenu")
        edit_menu.addAction(self.find_action)
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.setObjectName("viewMenu")
        view_menu.addAction(self.refresh_action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.setObjectName("helpMenu")
        help_menu.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Main toolbar"))
        named(toolbar, "mainToolbar", self.tr("Main toolbar"))
        toolbar.setMovable(False)
        toolbar.addAction(self.new_phone_action)
        toolbar.addAction(self.import_action)
        toolbar.addAction(self.export_log_action)
        toolbar.addSeparator()
        toolbar.addAction(self.find_action)
        toolbar.addAction(self.refresh_action)
        self.addToolBar(toolbar)

    def _labelled(self, text: str, name: str, buddy: QWidget) -> QLabel:
        shown = QLabel(text)
        named(shown, name, text.replace("&", "").rstrip(":"))
        shown.setBuddy(buddy)
        return shown

    def _build_cases_tab(self) -> QWidget:
        page = QWidget()
        named(page, "casesPage", self.tr("Cases"))
        layout = QVBoxLayout(page)

        self.case_search = QLineEdit()
        named(self.case_search, "caseSearch", self.tr("Search cases"))
        self.case_search.setPlaceholderText(self.tr("Reference, name, e-mail or phone number"))
        self.case_search.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        named(self.status_filter, "statusFilter", self.tr("Status filter"))
        self.status_filter.addItem(self.tr("All"), STATUS_ALL)
        self.status_filter.addItem(self.tr("Open"), STATUS_OPEN)
        for status in Status:
            self.status_filter.addItem(label(status.value), status.value)
        self.type_filter = QComboBox()
        named(self.type_filter, "typeFilter", self.tr("Request type filter"))
        self.type_filter.addItem(self.tr("All"), None)
        for request_type in RequestType:
            self.type_filter.addItem(label(request_type.value), request_type.value)
        self.due_filter = QComboBox()
        named(self.due_filter, "dueFilter", self.tr("Due window filter"))
        self.due_filter.addItem(self.tr("Any"), DUE_ANY)
        self.due_filter.addItem(self.tr("Overdue"), DUE_OVERDUE)
        self.due_filter.addItem(self.tr("Due within 3 days (overdue included)"), DUE_3_DAYS)
        self.due_filter.addItem(self.tr("Due within 7 days (overdue included)"), DUE_7_DAYS)

        filters = QHBoxLayout()
        filters.addWidget(self._labelled(self.tr("&Search:"), "caseSearchLabel", self.case_search))
        filters.addWidget(self.case_search, 3)
        filters.addWidget(self._labelled(self.tr("Sta&tus:"), "statusLabel", self.status_filter))
        filters.addWidget(self.status_filter, 1)
        filters.addWidget(self._labelled(self.tr("T&ype:"), "typeLabel", self.type_filter))
        filters.addWidget(self.type_filter, 1)
        filters.addWidget(self._labelled(self.tr("D&ue:"), "dueLabel", self.due_filter))
        filters.addWidget(self.due_filter, 1)
        layout.addLayout(filters)

        # The remembered filters first, so that the list is counted once, as it will be shown.
        self._restore_filters()
        self.case_model = CaseTableModel(
            self.db, self._filters_query(CaseQuery()), today=self._today_fixed, parent=self
        )
        self.case_model.loadFailed.connect(self._show_load_problem)
        self.case_table = QTableView()
        named(self.case_table, "caseTable", self.tr("Cases"))
        self._setup_table(self.case_table)
        self.case_table.setModel(self.case_model)
        header = self.case_table.horizontalHeader()
        for column, width in enumerate((100, 220, 200, 90, 95, 95, 140, 130)):
            header.resizeSection(column, width)
        header.setSortIndicator(CaseTableModel.COL_DUE, Qt.SortOrder.AscendingOrder)
        self.case_table.setSortingEnabled(True)
        # Double-click or Enter (the platform's way of activating an item).
        self.case_table.activated.connect(self._open_case_index)
        layout.addWidget(self.case_table, 1)

        self.case_count_label = QLabel()
        named(self.case_count_label, "caseCount", self.tr("Number of cases shown"))
        layout.addWidget(self.case_count_label)

        self._search_timer = QTimer(self)
        self._search_timer.setObjectName("caseSearchTimer")
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_case_filters)
        self.case_search.textChanged.connect(self._search_timer.start)
        self.case_search.returnPressed.connect(self.apply_case_filters)
        self.status_filter.currentIndexChanged.connect(self.apply_case_filters)
        self.type_filter.currentIndexChanged.connect(self.apply_case_filters)
        self.due_filter.currentIndexChanged.connect(self.apply_case_filters)
        chain_tab_order(
            self.case_search,
            self.status_filter,
            self.type_filter,
            self.due_filter,
            self.case_table,
        )
        return page

    def _add_lazy_tab(
        self,
        name: str,
        title: str,
        build: Callable[[MainWindow, QVBoxLayout], None],
        *,
        margins: bool,
    ) -> QWidget:
        page = QWidget()
        named(page, name, title.replace("&", ""))
        layout = QVBoxLayout(page)
        if not margins:  # the view shown in it has its own
            layout.setContentsMargins(0, 0, 0, 0)
        self._unbuilt_tabs[page] = build
        self.tabs.addTab(page, title)
        return page

    def _build_tab_if_needed(self, index: int) -> None:
        page = self.tabs.widget(index)
        if page is None:
            return
        build = self._unbuilt_tabs.pop(page, None)
        if build is not None:
            layout = page.layout()
            assert isinstance(layout, QVBoxLayout)
            build(self, layout)

    def build_all_tabs(self) -> None:
        """Build every tab not shown yet (for tests that look at every widget)."""
        for page in list(self._unbuilt_tabs):
            self._build_tab_if_needed(self.tabs.indexOf(page))

    @property
    def subjects_built(self) -> bool:
        return self.subjects_tab not in self._unbuilt_tabs

    def _build_register(self, layout: QVBoxLayout) -> None:
        from app.ui.register_view import RegisterView

        self.register_view = RegisterView(self.db, self.register_tab)
        layout.addWidget(self.register_view)

    def _build_retention(self, layout: QVBoxLayout) -> None:
        # Built when first shown: the sweep lists every item due, which at a million cases
        # takes long and much memory.
        from app.ui.retention_view import RetentionSweepView

        self.retention_view = RetentionSweepView(
            self.db, self.retention_tab, today=self._today_fixed
        )
        self.retention_view.casesCreated.connect(lambda _refs: self.refresh_all())
        layout.addWidget(self.retention_view)

    def _build_subjects(self, layout: QVBoxLayout) -> None:
        self.subject_search = QLineEdit()
        named(self.subject_search, "subjectSearch", self.tr("Search subjects"))
        self.subject_search.setPlaceholderText(
            self.tr("Name, e-mail, phone, customer or supplier number")
        )
        self.subject_search.setClearButtonEnabled(True)
        self.role_filter = QComboBox()
        named(self.role_filter, "roleFilter", self.tr("Role filter"))
        self.role_filter.addItem(self.tr("All"), None)
        for role in Role:
            self.role_filter.addItem(label(role.value), role.value)
        filters = QHBoxLayout()
        filters.addWidget(
            self._labelled(self.tr("&Search:"), "subjectSearchLabel", self.subject_search)
        )
        filters.addWidget(self.subject_search, 3)
        filters.addWidget(self._labelled(self.tr("&Role:"), "roleLabel", self.role_filter))
        filters.addWidget(self.role_filter, 1)
        layout.addLayout(filters)

        self.subject_model = SubjectTableModel(self.db, parent=self)
        self.subject_model.loadFailed.connect(self._show_load_problem)
        self.subject_table = QTableView()
        named(self.subject_table, "subjectTable", self.tr("Subjects"))
        self._setup_table(self.subject_table)
        self.subject_table.setModel(self.subject_model)
        header = self.subject_table.horizontalHeader()
        for column, width in enumerate((220, 240, 160, 160, 110, 90)):
            header.resizeSection(column, width)
        header.setSortIndicator(SubjectTableModel.COL_NAME, Qt.SortOrder.AscendingOrder)
        self.subject_table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._keep_subject_sort_indicator)
        self.subject_table.activated.connect(self._open_subject_index)
        layout.addWidget(self.subject_table, 1)

        self._subject_timer = QTimer(self)
        self._subject_timer.setObjectName("subjectSearchTimer")
        self._subject_timer.setSingleShot(True)
        self._subject_timer.setInterval(SEARCH_DELAY_MS)
        self._subject_timer.timeout.connect(self.apply_subject_filters)
        self.subject_search.textChanged.connect(self._subject_timer.start)
        self.subject_search.returnPressed.connect(self.apply_subject_filters)
        self.role_filter.currentIndexChanged.connect(self.apply_subject_filters)
        chain_tab_order(self.subject_search, self.role_filter, self.subject_table)

    @staticmethod
    def _setup_table(table: QTableView) -> None:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(False)  # the due-band colours must stay readable
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        # A fixed row height: the view never measures rows it does not show (1M rows).
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setSectionsClickable(True)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setObjectName("statusBar")
        bar.setAccessibleName(self.tr("Status bar"))
        self.stats_label = QLabel()
        named(self.stats_label, "statsLabel", self.tr("Case counts"))
        self.import_progress = QProgressBar()
        named(self.import_progress, "importProgress", self.tr("E-mail import progress"))
        self.import_progress.setMaximumWidth(220)
        self.import_progress.setFormat(self.tr("%v of %m files"))
        self.import_cancel = QPushButton(self.tr("Cancel import"))
        named(self.import_cancel, "importCancelButton", self.tr("Cancel the e-mail import"))
        self.import_cancel.clicked.connect(self.cancel_import)
        self.import_progress.hide()
        self.import_cancel.hide()
        # Busy (no counts) while a slow call of the menus runs: a backup, a report, a calendar.
        self.status_busy = QProgressBar()
        named(self.status_busy, "statusBusy", self.tr("Working in the background"))
        self.status_busy.setRange(0, 0)
        self.status_busy.setMaximumWidth(120)
        self.status_busy.setTextVisible(False)
        self.status_busy.hide()
        bar.addPermanentWidget(self.status_busy)
        bar.addPermanentWidget(self.import_progress)
        bar.addPermanentWidget(self.import_cancel)
        bar.addPermanentWidget(self.stats_label)

    # --- refreshing ---------------------------------------------------------------------------------

    @property
    def today(self) -> dt.date:
        return self._today_fixed or cases.today_oslo()

    def refresh_stats(self, stats: CaseStats | None = None) -> None:
        """The counts in the status bar: `stats` when just read (by the overview), else read."""
        if stats is None:
            try:
                stats = cases.case_stats(self.db, today=self.today)
            except UserError as exc:
                self.stats_label.setText(problem_text(exc))
                return
        self.stats_label.setText(
            self.tr("Open cases: {open} · Due this week: {week} · Overdue: {overdue}").format(
                open=stats.open, week=stats.due_this_week, overdue=stats.overdue
            )
        )

    def _update_case_count(self) -> None:
        self.case_count_label.setText(
            self.tr("{n} case(s) shown").format(n=self.case_model.rowCount())
        )

    def refresh_all(self) -> None:
        """After any change: the lists, the counts and the days left."""
        self._last_day = self.today
        self.case_model.refresh()
        if self.subjects_built:
            self.subject_model.refresh()
        self._update_case_count()
        self.dashboard.refresh()
        self.refresh_stats(self.dashboard.stats)

    def _check_new_day(self) -> None:
        if self.today != self._last_day:
            self.refresh_all()

    def _show_load_problem(self, message: str) -> None:
        self.statusBar().showMessage(message, 15_000)

    # --- filters ------------------------------------------------------------------------------------

    def case_query(self) -> CaseQuery:
        """The query the filters describe, keeping the sort chosen in the table."""
        return self._filters_query(self.case_model.query())

    def _filters_query(self, current: CaseQuery) -> CaseQuery:
        statuses: tuple[Status, ...] = ()
        open_only = False
        status = self.status_filter.currentData()
        if status == STATUS_OPEN:
            open_only = True
        elif status and status != STATUS_ALL:
            statuses = (Status(status),)
        request_type = self.type_filter.currentData()
        due = self.due_filter.currentData()
        return CaseQuery(
            text=self.case_search.text().strip(),
            statuses=statuses,
            open_only=open_only,
            type=RequestType(request_type) if request_type else None,
            overdue_only=due == DUE_OVERDUE,
            due_within_days=int(due) if due in (DUE_3_DAYS, DUE_7_DAYS) else None,
            sort=current.sort,
            descending=current.descending,
        )

    def apply_case_filters(self) -> None:
        self._search_timer.stop()
        self.case_model.set_query(self.case_query())
        self._update_case_count()

    def apply_subject_filters(self) -> None:
        self._subject_timer.stop()
        role = self.role_filter.currentData()
        self.subject_model.set_filter(
            self.subject_search.text().strip(), Role(role) if role else None
        )

    def _keep_subject_sort_indicator(self, column: int, _order: Qt.SortOrder) -> None:
        # Subjects sort in SQL by name or customer number only: put the arrow back where
        # the rows really are sorted.
        if column not in SubjectTableModel.SORT_KEYS:
            self.subject_table.horizontalHeader().setSortIndicator(
                self.subject_model.sort_column(), self.subject_model.sort_order()
            )

    def focus_search(self) -> None:
        on_subjects = self.tabs.currentWidget() is self.subjects_tab and self.subjects_built
        if not on_subjects:
            self.tabs.setCurrentWidget(self.cases_tab)
        box = self.subject_search if on_subjects else self.case_search
        box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        box.selectAll()

    # --- opening cases and subjects ----------------------------------------------------------------

    def _open_case_index(self, index: QModelIndex) -> None:
        reference = index.data(ReferenceRole)
        if reference:
            self.open_case(str(reference))

    def _open_subject_index(self, index: QModelIndex) -> None:
        subject_id = index.data(SubjectIdRole)
        if subject_id is not None:
            self.open_subject(int(subject_id))

    def open_case(self, reference: str) -> CaseView | None:
        try:
            view = CaseView(self.db, reference, self, today=self._today_fixed)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Innsyn"), problem_text(exc))
            return None
        view.changed.connect(self._on_case_changed)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.show()
        return view

    def open_subject(self, subject_id: int) -> SubjectView | None:
        try:
            view = SubjectView(self.db, subject_id, self, open_case=CaseView)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Innsyn"), problem_text(exc))
            return None
        view.changed.connect(self._on_case_changed)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.show()
        return view

    def _on_case_changed(self, _reference: str) -> None:
        self.refresh_all()

    # --- intake -------------------------------------------------------------------------------------

    def new_phone_request(self) -> str | None:
        return self._run_intake(None)

    def _run_intake(self, draft: EmailDraft | None) -> str | None:
        """The intake dialog; the new case's reference when it was saved."""
        from app.ui.intake_dialog import IntakeDialog

        try:
            dialog = IntakeDialog(self.db, draft=draft, parent=self)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Innsyn"), problem_text(exc))
            return None
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        reference = getattr(dialog, "result_reference", None)
        self.refresh_all()
        if reference:
            self.statusBar().showMessage(
                self.tr("Case {reference} logged.").format(reference=reference), 10_000
            )
        return reference

    def ask_import_email(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import e-mail"),
            "",
            self.tr("E-mail files (*.eml *.msg);;All files (*)"),
        )
        if chosen:
            self.import_email_paths([Path(p) for p in chosen])

    def import_email_paths(self, paths: Sequence[Path]) -> None:
        """The one entry for the menu and for dropped files: one file opens the intake
        dialog pre-filled; several are imported in the background."""
        paths = [Path(p) for p in paths]
        emails = [p for p in paths if is_email_file(p) and not p.is_dir()]
        others = [p for p in paths if p not in emails]
        if others:
            QMessageBox.information(
                self,
                self.tr("Not an e-mail"),
                self.tr(
                    "Only e-mail files (.eml, .msg) can be imported. Not imported: {names}"
                ).format(names=", ".join(p.name for p in others)),
            )
        if not emails:
            return
        if len(emails) == 1:
            self.intake_email_file(emails[0])
        else:
            self.start_email_import(emails)

    def intake_email_file(self, path: Path) -> str | None:
        try:
            draft = intake.draft_from_email(path, ui_language())
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Not an e-mail"), problem_text(exc))
            return None
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Innsyn"),
                self.tr("{name} cannot be read: {reason}").format(
                    name=path.name, reason=exc.strerror or type(exc).__name__
                ),
            )
            return None
        return self._run_intake(draft)

    @property
    def import_running(self) -> bool:
        return self._job is not None

    def start_email_import(self, paths: Sequence[Path]) -> Task[list[ImportOutcome]] | None:
        if self._job is not None:
            QMessageBox.information(
                self,
                self.tr("Innsyn"),
                self.tr("An import is already running: wait for it or cancel it first."),
            )
            return None
        db = self.db
        files = list(paths)
        language = ui_language()
        self._job_total = len(files)
        self.import_progress.setRange(0, len(files))
        self.import_progress.setValue(0)
        self.import_progress.show()
        self.import_cancel.setEnabled(True)
        self.import_cancel.show()
        self.import_action.setEnabled(False)
        self.new_phone_action.setEnabled(False)
        self.statusBar().showMessage(self.tr("Importing {n} e-mail files…").format(n=len(files)))
        self._job = self.tasks.run(
            lambda progress: intake.import_email_files(
                db, files, progress=progress, language=language
            ),
            on_success=self._on_import_finished,
            on_failure=self._on_import_failed,
            on_progress=self._on_import_progress,
        )
        return self._job

    def cancel_import(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self.import_cancel.setEnabled(False)
            self.statusBar().showMessage(self.tr("Cancelling the import…"))

    def _on_import_progress(self, done: int, total: int) -> None:
        self.import_progress.setRange(0, max(total, 1))
        self.import_progress.setValue(done)

    def _end_import(self) -> bool:
        cancelled = self._job.cancelled if self._job is not None else False
        self._job = None
        self.import_progress.hide()
        self.import_cancel.hide()
        self.import_action.setEnabled(True)
        self.new_phone_action.setEnabled(True)
        self.statusBar().clearMessage()
        self.refresh_all()
        return cancelled

    def _on_import_finished(self, outcomes: list[ImportOutcome]) -> None:
        cancelled = self._end_import()
        self.last_import_outcomes = list(outcomes)
        self.import_summary = ImportSummaryDialog(
            self.last_import_outcomes, total=self._job_total, cancelled=cancelled, parent=self
        )
        self.import_summary.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.import_summary.destroyed.connect(self._forget_summary)
        self.import_summary.show()

    def _forget_summary(self) -> None:
        self.import_summary = None

    def _on_import_failed(self, exc: BaseException) -> None:
        self._end_import()
        QMessageBox.warning(self, self.tr("E-mail import"), failure_message(exc))

    # --- drag and drop ------------------------------------------------------------------------------

    @staticmethod
    def _local_paths(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[Path]:
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        # Any local file is accepted here, so that a wrong one gets a message on drop.
        if self._local_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._local_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._local_paths(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        # Out of the drop handler first: a modal dialog inside it would hold up the
        # application the files were dragged from.
        QTimer.singleShot(0, self, lambda: self.import_email_paths(paths))

    # --- the rest -----------------------------------------------------------------------------------

    def open_annual_statements(self) -> QDialog:
        from app.ui.annual_dialog import AnnualStatementsDialog

        dialog = AnnualStatementsDialog(self.db, self, today=self._today_fixed)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_filtered_cases(self, which: str) -> None:
        """From a dashboard tile to the case list, filtered to what the tile counts."""
        self.status_filter.setCurrentIndex(self.status_filter.findData(STATUS_OPEN))
        self.due_filter.setCurrentIndex(0)
        self.type_filter.setCurrentIndex(0)
        if which == "week":
            self.due_filter.setCurrentIndex(self.due_filter.findData(DUE_7_DAYS))
        elif which == "overdue":
            self.due_filter.setCurrentIndex(self.due_filter.findData(DUE_OVERDUE))
        elif which == "identity":
            index = self.status_filter.findData(Status.AWAITING_IDENTITY.value)
            self.status_filter.setCurrentIndex(index)
        self.apply_case_filters()
        self.tabs.setCurrentWidget(self.cases_tab)

    def ask_import_register(self) -> QDialog | None:
        from app.ui.import_dialog import SubjectImportDialog

        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a subject register"),
            str(Path.home()),
            self.tr("Registers (*.csv *.xlsx *.txt);;All files (*)"),
        )
        if not name:
            return None
        dialog = SubjectImportDialog(self.db, Path(name), self)
        dialog.imported.connect(lambda _report: self.refresh_all())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def open_export_dialog(self) -> QDialog:
        from app.ui.export_dialog import ExportDialog

        dialog = ExportDialog(self.db, self, initial_query=self.case_query())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def ask_annual_report(self) -> Path | None:
        from app.services.exports import export_annual_report

        year = self.today.year - (1 if self.today.month < 3 else 0)
        return self.calls.write_to_chosen_file(
            self.tr("Save the annual report"),
            f"innsyn-annual-report-{year}.pdf",
            "PDF (*.pdf)",
            functools.partial(export_annual_report, self.db, year, lang=ui_language()),
            lambda _path, figures: self.tr("Annual report {year} saved: {n} requests.").format(
                year=year, n=figures.requests
            ),
            self.annual_report_action,
        )

    def ask_calendar(self) -> Path | None:
        from app.services.calendar import write_calendar

        return self.calls.write_to_chosen_file(
            self.tr("Save the deadlines as a calendar"),
            "innsyn-deadlines.ics",
            "iCalendar (*.ics)",
            functools.partial(write_calendar, self.db),
            lambda path, n: self.tr(
                "{n} deadline(s) saved to {file}: open it in Outlook or your calendar."
            ).format(n=n, file=path.name),
            self.calendar_action,
        )

    def back_up_now(self) -> Task[Path]:
        """A backup now, on a worker; the status bar says where it was written."""
        from app.services.backup import make_backup

        db = self.db
        return self.calls.run(
            self.backup_action,
            self.tr("Backing up…"),
            lambda: make_backup(db),
            lambda path: self.tr("Backup written: {file}").format(file=path),
            self.tr("Backup"),
        )

    # --- the database file: its check, damage found, a restore (see DatabaseCare) ---------

    @property
    def damage(self) -> str | None:
        return self.care.damage

    @property
    def restore_damaged(self) -> bool:
        return self.care.restore_damaged

    @property
    def pending_restore(self) -> Path | None:
        return self.care.pending_restore

    @property
    def file_check_running(self) -> bool:
        return self.care.file_check_running

    def start_file_check(self) -> Task[str | None] | None:
        return self.care.start_file_check()

    def open_settings(self) -> QDialog:
        from app.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.db, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self.refresh_all())
        dialog.show()
        return dialog

    # --- remembered layout (QSettings) --------------------------------------------------------------

    def _restore_layout(self) -> None:
        settings = QSettings()
        geometry = settings.value("mainWindow/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = settings.value("mainWindow/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        header = settings.value("mainWindow/caseColumns")
        if isinstance(header, QByteArray):
            self.case_table.horizontalHeader().restoreState(header)

    def _restore_filters(self) -> None:
        """The case filters as they were left (before the list is first counted)."""
        settings = QSettings()
        for key, combo in (
            ("status", self.status_filter),
            ("type", self.type_filter),
            ("due", self.due_filter),
        ):
            index = settings.value(f"mainWindow/filter/{key}")
            if index is not None and 0 <= int(index) < combo.count():
                combo.setCurrentIndex(int(index))

    def _save_layout(self) -> None:
        settings = QSettings()
        settings.setValue("mainWindow/geometry", self.saveGeometry())
        settings.setValue("mainWindow/state", self.saveState())
        settings.setValue("mainWindow/caseColumns", self.case_table.horizontalHeader().saveState())
        settings.setValue("mainWindow/filter/status", self.status_filter.currentIndex())
        settings.setValue("mainWindow/filter/type", self.type_filter.currentIndex())
        settings.setValue("mainWindow/filter/due", self.due_filter.currentIndex())

    def shutdown_jobs(self) -> None:
        """Before the database closes: no background work may still be using it."""
        self.care.cancel_file_check()
        self.tasks.shutdown()
        self.dashboard.shutdown()
        if self.retention_view is not None:
            # Its runner belongs to the embedded view, which gets no Close event of its own:
            # cancel a long sweep rather than wait for it to finish.
            self.retention_view.tasks.shutdown()
        self.maintenance.shutdown()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Innsyn"),
            self.tr(
                "Innsyn {version}\n\nThe privacy officer's workbench for data-subject requests "
                "under the GDPR in Norway."
            ).format(version=__version__),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_layout()
        self.dashboard.shutdown()
        # The runners cancel and wait on this Close event: an import stops before its next
        # file (the one being saved completes); the file check is interrupted at once.
        self._day_timer.stop()
        super().closeEvent(event)
