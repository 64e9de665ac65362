"""The dashboard: what needs doing today, the next deadlines, the year in figures, and
whether the audit trail is intact.

The counts and the ten next deadlines are two small SQL queries and are read on the GUI
thread. The yearly figures read every request of a year and the audit check recomputes the
hash chain (the entries written since the last verified one; all of them when asked), so both
run on a worker thread, start once the window has been painted, and arrive through signals.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import UserError
from app.core.figures import YearFigures
from app.services import cases
from app.services.audit import ChainReport, verify_chain, verify_new_entries
from app.services.dto import CaseQuery, CaseRow, CaseStats
from app.services.storage import Database
from app.ui.formatting import days_left_words, format_date, label, problem_text
from app.ui.tasks import ProgressCallback, Task, TaskRunner, failure_message
from app.ui.widgets import ERROR_COLOUR, ERROR_STYLE, named

__all__ = ["AuditStatus", "Dashboard"]

NEXT_DEADLINES = 10
FIRST_YEAR = 2018  # the GDPR applies from 25 May 2018

# The keys `filterRequested` carries, one per tile.
FILTER_OPEN = "open"
FILTER_WEEK = "week"
FILTER_OVERDUE = "overdue"
FILTER_IDENTITY = "identity"

ReferenceRole = Qt.ItemDataRole.UserRole + 1

# The audit line and the dashboard's problem line: the error colour, bold (a status, not a
# field's message).
_ALERT_STYLE = f"{ERROR_STYLE} font-weight: bold;"


class AuditStatus(QLabel):
    """One line saying whether the audit trail's hash chain is intact. `check()` recomputes
    all of it on a worker thread, `check_new_entries()` the entries written since the last
    verified one; `chainChecked(report)` follows with the `ChainReport`."""

    chainChecked = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.report: ChainReport | None = None
        self._job: Task[ChainReport] | None = None
        self._again: bool | None = None  # a check asked for while one runs (True: whole)
        self._held: ChainReport | None = None  # a report from elsewhere, while one runs
        self.tasks = TaskRunner(self, max_threads=1)
        named(self, "auditStatus", self.tr("Audit trail"))
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setText(self.tr("Audit trail not checked yet."))

    @property
    def running(self) -> bool:
        return self._job is not None

    def check(self) -> None:
        """Recompute the whole chain in the background (once more after a check already
        running)."""
        self._check(whole=True)

    def check_new_entries(self) -> None:
        """Verify the entries written since the last verified one, in the background."""
        self._check(whole=False)

    def _check(self, *, whole: bool) -> None:
        if self._job is not None:
            self._again = whole or bool(self._again)
            return
        db = self.db

        def work(_progress: ProgressCallback) -> ChainReport:
            return verify_chain(db) if whole else verify_new_entries(db)

        self.setStyleSheet("")
        self.setText(self.tr("Checking the audit trail…"))
        self._job = self.tasks.run(work, on_success=self._on_finished, on_failure=self._on_failed)

    def _end(self) -> None:
        self._job = None
        if self._again is not None:
            whole, self._again = self._again, None
            self._check(whole=whole)

    def _on_finished(self, report: ChainReport) -> None:
        held, self._held = self._held, None
        if report.ok and held is not None and not held.ok:
            report = held  # found broken meanwhile by a whole recomputation elsewhere
        self._show(report)
        self._end()
        self.chainChecked.emit(report)

    def show_report(self, report: ChainReport) -> None:
        """A check run elsewhere (the daily recomputation of the whole chain). While a check
        of ours runs, it waits for it: a broken chain is not hidden by that one."""
        if self._job is not None:
            self._held = report
            return
        self._show(report)
        self.chainChecked.emit(report)

    def _show(self, report: ChainReport) -> None:
        self.report = report
        if report.ok:
            self.setStyleSheet("")
            self.setText(self.tr("Audit trail intact ({n} entries)").format(n=report.rows))
        else:
            self.setStyleSheet(_ALERT_STYLE)
            if report.first_bad_id is not None:
                text = self.tr("Audit trail BROKEN at entry {n}: {problem}").format(
                    n=report.first_bad_id, problem=report.problem
                )
            else:
                text = self.tr("Audit trail BROKEN: {problem}").format(problem=report.problem)
            self.setText(text)
        self.setAccessibleDescription(self.text())

    def _on_failed(self, exc: BaseException) -> None:
        message = failure_message(exc)
        self.report = None
        self.setStyleSheet(_ALERT_STYLE)
        self.setText(
            self.tr("The audit trail could not be checked: {message}").format(message=message)
        )
        self.setAccessibleDescription(self.text())
        self._end()

    def wait(self, msecs: int = -1) -> bool:
        """Wait for a check running on the worker (when closing down)."""
        return self.tasks.wait(msecs)


class Dashboard(QWidget):
    """Tiles with the counts (each a button: `filterRequested("open" | "week" | "overdue" |
    "identity")`), the next deadlines (activating one: `caseRequested(reference)`), requests
    per month by type for a year with that year's figures, and the audit-trail line."""

    filterRequested = Signal(str)
    caseRequested = Signal(str)
    figuresLoaded = Signal(int)  # the year, once its chart and figures are shown

    def __init__(
        self, db: Database, parent: QWidget | None = None, *, today: dt.date | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self._today_fixed = today
        self.stats: CaseStats | None = None
        self.deadlines: list[CaseRow] = []
        self.figures: YearFigures | None = None
        self._figures_job: Task[tuple[int, YearFigures | None, str]] | None = None
        self._figures_generation = 0
        self._background_pending = False
        self._shut_down = False
        self.tasks = TaskRunner(self, max_threads=1)
        self.tiles: dict[str, QPushButton] = {}
        self.figure_values: dict[str, QLabel] = {}

        named(self, "dashboard", self.tr("Dashboard"))
        self._build()
        self.refresh()

    @property
    def today(self) -> dt.date:
        return self._today_fixed or cases.today_oslo()

    # --- building ----------------------------------------------------------------------------

    def _tile_caption(self, key: str) -> str:
        return {
            FILTER_OPEN: self.tr("Open cases"),
            FILTER_WEEK: self.tr("Due this week"),
            FILTER_OVERDUE: self.tr("Overdue"),
            FILTER_IDENTITY: self.tr("Awaiting identity"),
        }[key]

    def _build(self) -> None:
        layout = QVBoxLayout(self)

        tiles = QHBoxLayout()
        for key, name in (
            (FILTER_OPEN, "openTile"),
            (FILTER_WEEK, "weekTile"),
            (FILTER_OVERDUE, "overdueTile"),
            (FILTER_IDENTITY, "identityTile"),
        ):
            tile = QPushButton()
            named(tile, name, self._tile_caption(key))
            tile.setMinimumHeight(64)
            tile.setToolTip(self.tr("Show these cases in the case list"))
            tile.clicked.connect(lambda _checked=False, k=key: self.filterRequested.emit(k))
            self.tiles[key] = tile
            tiles.addWidget(tile)
        layout.addLayout(tiles)

        self.error_label = QLabel()
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(_ALERT_STYLE)
        named(self.error_label, "dashboardError", self.tr("Problem"))
        self.error_label.hide()
        layout.addWidget(self.error_label)

        middle = QGridLayout()
        deadlines_box = QGroupBox(self.tr("Next deadlines"))
        deadlines_box.setObjectName("nextDeadlinesBox")
        box = QVBoxLayout(deadlines_box)
        self.deadline_table = QTableWidget(0, 4)
        named(self.deadline_table, "nextDeadlines", self.tr("Next deadlines"))
        self.deadline_table.setHorizontalHeaderLabels(
            [self.tr("Reference"), self.tr("Request types"), self.tr("Due"), self.tr("Days left")]
        )
        self.deadline_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.deadline_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.deadline_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.deadline_table.verticalHeader().setVisible(False)
        self.deadline_table.horizontalHeader().setStretchLastSection(True)
        self.deadline_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        # Double-click or Enter (the platform's way of activating an item).
        self.deadline_table.activated.connect(self._activated)
        box.addWidget(self.deadline_table)
        self.no_deadlines_label = QLabel(self.tr("No open cases."))
        self.no_deadlines_label.setObjectName("noDeadlines")
        self.no_deadlines_label.hide()
        box.addWidget(self.no_deadlines_label)
        middle.addWidget(deadlines_box, 0, 0)

        year_box = QGroupBox(self.tr("Requests by year"))
        year_box.setObjectName("yearBox")
        year_layout = QVBoxLayout(year_box)
        year_row = QHBoxLayout()
        self.year_combo = QComboBox()
        named(self.year_combo, "dashboardYear", self.tr("Year of the figures"))
        for year in range(max(self.today.year, FIRST_YEAR), FIRST_YEAR - 1, -1):
            self.year_combo.addItem(str(year), year)
        year_label = QLabel(self.tr("&Year:"))
        year_label.setObjectName("dashboardYearLabel")
        year_label.setBuddy(self.year_combo)
        year_row.addWidget(year_label)
        year_row.addWidget(self.year_combo)
        year_row.addStretch(1)
        self.figures_status = QLabel()
        self.figures_status.setObjectName("figuresStatus")
        self.figures_status.setTextFormat(Qt.TextFormat.PlainText)
        year_row.addWidget(self.figures_status)
        year_layout.addLayout(year_row)

        chart_and_figures = QHBoxLayout()
        self.chart = QChart()
        self.chart.setObjectName("requestsChart")
        self.chart.legend().setVisible(True)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.bar_series = QStackedBarSeries()
        self.bar_series.setObjectName("requestsByTypeSeries")
        self.chart.addSeries(self.bar_series)
        self.month_axis = QBarCategoryAxis()
        self.month_axis.append(self.month_names())
        small = self.month_axis.labelsFont()  # twelve months fit side by side, unelided
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.75))
        self.month_axis.setLabelsFont(small)
        self.chart.addAxis(self.month_axis, Qt.AlignmentFlag.AlignBottom)
        self.bar_series.attachAxis(self.month_axis)
        self.count_axis = QValueAxis()
        self.count_axis.setLabelFormat("%d")
        self.count_axis.setRange(0, 1)
        self.chart.addAxis(self.count_axis, Qt.AlignmentFlag.AlignLeft)
        self.bar_series.attachAxis(self.count_axis)
        self.chart_view = QChartView(self.chart)
        named(self.chart_view, "requestsChartView", self.tr("Requests per month by type"))
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumSize(420, 260)
        chart_and_figures.addWidget(self.chart_view, 3)

        figures_widget = QWidget()
        figures_widget.setObjectName("yearFigures")
        form = QFormLayout(figures_widget)
        for key, caption in (
            ("requests", self.tr("Requests received")),
            ("on_time", self.tr("Answered on time")),
            ("median", self.tr("Median days to answer")),
            ("p90", self.tr("90th percentile, days to answer")),
            ("extensions", self.tr("Extensions")),
            ("refusals", self.tr("Refusals")),
            ("fees", self.tr("Fees charged")),
        ):
            value = QLabel()
            named(value, f"figure_{key}", caption)
            value.setTextFormat(Qt.TextFormat.PlainText)  # refusal reasons are typed text
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            caption_label = QLabel(caption + ":")
            caption_label.setObjectName(f"figure_{key}Label")
            form.addRow(caption_label, value)
            self.figure_values[key] = value
        chart_and_figures.addWidget(figures_widget, 2)
        year_layout.addLayout(chart_and_figures)
        middle.addWidget(year_box, 0, 1)
        middle.setColumnStretch(0, 2)
        middle.setColumnStretch(1, 3)
        layout.addLayout(middle, 1)

        audit_row = QHBoxLayout()
        self.audit_status = AuditStatus(self.db, self)
        audit_row.addWidget(self.audit_status, 1)
        self.audit_button = QPushButton(self.tr("Check &again"))
        named(self.audit_button, "auditCheckButton", self.tr("Check the audit trail again"))
        self.audit_button.clicked.connect(self.audit_status.check)
        audit_row.addWidget(self.audit_button)
        layout.addLayout(audit_row)

        self.year_combo.currentIndexChanged.connect(self.load_figures)
        for first, second in zip(
            [*self.tiles.values(), self.deadline_table, self.year_combo],
            [*self.tiles.values(), self.deadline_table, self.year_combo, self.audit_button][1:],
            strict=False,
        ):
            QWidget.setTabOrder(first, second)

    def month_names(self) -> list[str]:
        return [
            self.tr("Jan"),
            self.tr("Feb"),
            self.tr("Mar"),
            self.tr("Apr"),
            self.tr("May"),
            self.tr("Jun"),
            self.tr("Jul"),
            self.tr("Aug"),
            self.tr("Sep"),
            self.tr("Oct"),
            self.tr("Nov"),
            self.tr("Dec"),
        ]

    # --- refreshing --------------------------------------------------------------------------

    def refresh(self) -> None:
        """After any change: the counts and the deadlines now; the figures and the audit line
        on the worker, once the window has been painted."""
        self.error_label.hide()
        try:
            self.stats = cases.case_stats(self.db, today=self.today)
            self.deadlines = cases.list_cases(
                self.db,
                CaseQuery(open_only=True, sort="due"),
                limit=NEXT_DEADLINES,
                today=self.today,
            )
        except UserError as exc:
            self.stats = None
            self.error_label.setText(problem_text(exc))
            self.error_label.show()
        else:
            self._show_stats(self.stats)
            self._show_deadlines(self.deadlines)
        if not self._background_pending and not self._shut_down:
            # A zero timer runs once the event loop has painted what is pending: the workers'
            # Python (figures, hashes) does not compete with building and showing the window.
            self._background_pending = True
            QTimer.singleShot(0, self, self._start_background)

    def _start_background(self) -> None:
        if not self._background_pending:
            return  # shut down meanwhile
        self._background_pending = False
        self.load_figures()
        self.audit_status.check_new_entries()

    @property
    def year(self) -> int:
        return int(self.year_combo.currentData())

    def set_year(self, year: int) -> None:
        index = self.year_combo.findData(year)
        if index < 0:
            raise ValueError(f"no figures for {year}")
        self.year_combo.setCurrentIndex(index)  # loads the figures when it changes

    def _show_stats(self, stats: CaseStats) -> None:
        counts = {
            FILTER_OPEN: stats.open,
            FILTER_WEEK: stats.due_this_week,
            FILTER_OVERDUE: stats.overdue,
            FILTER_IDENTITY: stats.awaiting_identity,
        }
        for key, tile in self.tiles.items():
            caption = self._tile_caption(key)
            tile.setText(f"{counts[key]}\n{caption}")
            tile.setAccessibleDescription(
                self.tr("{caption}: {n}. Show them in the case list.").format(
                    caption=caption, n=counts[key]
                )
            )
        overdue = self.tiles[FILTER_OVERDUE]
        overdue.setStyleSheet(f"color: {ERROR_COLOUR};" if stats.overdue else "")

    def tile_count(self, key: str) -> int:
        """The number a tile shows."""
        return int(self.tiles[key].text().split("\n", 1)[0])

    def _show_deadlines(self, rows: list[CaseRow]) -> None:
        table = self.deadline_table
        table.setRowCount(len(rows))
        today = self.today
        for i, row in enumerate(rows):
            left = days_left_words(row.due, today)
            cells = (
                row.reference,
                ", ".join(label(t.value) for t in row.types),
                format_date(row.due),
                left,
            )
            for j, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(ReferenceRole, row.reference)
                if j == 3 and row.due < today:
                    item.setForeground(QBrush(QColor(ERROR_COLOUR)))
                table.setItem(i, j, item)
        table.resizeColumnsToContents()
        table.setVisible(bool(rows))
        self.no_deadlines_label.setVisible(not rows)

    def deadline_rows(self) -> list[tuple[str, str, str, str]]:
        """The next-deadlines table as text, row by row."""

        def text(row: int, column: int) -> str:
            item = self.deadline_table.item(row, column)
            return item.text() if item is not None else ""

        return [
            (text(r, 0), text(r, 1), text(r, 2), text(r, 3))
            for r in range(self.deadline_table.rowCount())
        ]

    def _activated(self, index: QModelIndex) -> None:
        reference = index.data(ReferenceRole)
        if reference:
            self.caseRequested.emit(str(reference))

    # --- the year's figures ----------------------------------------------------------------------

    @property
    def figures_running(self) -> bool:
        """A read of the figures runs or is about to start."""
        return self._figures_job is not None or self._background_pending

    def load_figures(self) -> None:
        """Read the chosen year's figures on the worker; a newer request wins."""
        self._figures_generation += 1
        generation, year, db = self._figures_generation, self.year, self.db

        def work(_progress: ProgressCallback) -> tuple[int, YearFigures | None, str]:
            # Failures come back with their generation too, so a stale one is ignored.
            # Imported here: the exports bring ReportLab and openpyxl (~0.15 s), which the
            # window does not need to be shown.
            from app.services.exports import figures_for_year

            try:
                return generation, figures_for_year(db, year), ""
            except Exception as exc:
                return generation, None, failure_message(exc)

        self.figures_status.setText(self.tr("Reading {year}…").format(year=year))
        # A superseded read still delivers: its generation tells it apart.
        self._figures_job = self.tasks.run(work, on_success=self._on_figures)

    def _on_figures(self, result: tuple[int, YearFigures | None, str]) -> None:
        generation, figures, problem = result
        if generation != self._figures_generation:
            return  # the year was changed meanwhile; the newer job follows
        self._figures_job = None
        if figures is None:
            self.figures_status.setText(
                self.tr("The figures could not be read: {message}").format(message=problem)
            )
            return
        assert isinstance(figures, YearFigures)
        self.figures = figures
        self.figures_status.setText("")
        self._show_chart(figures)
        self._show_figures(figures)
        self.figuresLoaded.emit(figures.year)

    def _show_chart(self, figures: YearFigures) -> None:
        self.chart.setTitle(self.tr("Requests per month by type, {year}").format(year=figures.year))
        self.bar_series.clear()
        for request_type, months in figures.by_type_month.items():
            bar_set = QBarSet(label(request_type))
            bar_set.setObjectName(f"bars_{request_type}")
            bar_set.append([float(n) for n in months])
            self.bar_series.append(bar_set)
        stacked = [sum(months[m] for months in figures.by_type_month.values()) for m in range(12)]
        top = max([1, *stacked])
        self.count_axis.setRange(0, top)
        if top <= 10:
            self.count_axis.setTickCount(top + 1)
        else:
            self.count_axis.applyNiceNumbers()
        names = self.month_names()
        self.chart_view.setAccessibleDescription(
            self.tr("Requests received per month in {year}: {months}").format(
                year=figures.year,
                months=", ".join(f"{names[m]} {figures.by_month[m]}" for m in range(12)),
            )
        )

    def bar_values(self) -> dict[str, list[int]]:
        """The chart's bar sets: label → the 12 monthly values."""
        return {
            bar_set.label(): [int(bar_set.at(i)) for i in range(bar_set.count())]
            for bar_set in self.bar_series.barSets()
        }

    def _show_figures(self, figures: YearFigures) -> None:
        values = self.figure_values
        values["requests"].setText(str(figures.requests))
        if figures.share_on_time is None:
            values["on_time"].setText(self.tr("none answered yet"))
        else:
            values["on_time"].setText(
                self.tr("{percent} % ({on_time} of {answered} answered)").format(
                    percent=round(figures.share_on_time * 100),
                    on_time=figures.answered_on_time,
                    answered=figures.answered,
                )
            )
        dash = "–"
        values["median"].setText(dash if figures.median_days is None else str(figures.median_days))
        values["p90"].setText(dash if figures.p90_days is None else str(figures.p90_days))
        values["extensions"].setText(str(figures.extensions))
        values["refusals"].setText(
            self._refusals_text(figures.refusals, figures.refusals_by_reason)
        )
        if figures.fees:
            values["fees"].setText(
                self.tr("{n} (NOK {total} in all)").format(
                    n=figures.fees, total=f"{figures.fees_total:,}".replace(",", "\u00a0")
                )
            )
        else:
            values["fees"].setText("0")

    def _refusals_text(self, refusals: int, by_reason: Mapping[str, int]) -> str:
        lines = [str(refusals)]
        for reason, n in by_reason.items():
            shown = reason.strip().replace("\n", " ") or self.tr("(no reason recorded)")
            if len(shown) > 80:
                shown = shown[:79] + "…"
            lines.append(self.tr("{reason}: {n}").format(reason=shown, n=n))
        return "\n".join(lines)

    def figures_text(self) -> str:
        """The figures beside the chart, one "caption: value" per line."""
        form = self.figure_values
        return "\n".join(f"{w.accessibleName()}: {w.text()}" for w in form.values())

    # --- closing -----------------------------------------------------------------------------

    def shutdown(self, msecs: int = -1) -> bool:
        """Wait for background reads (before the database is closed); none starts after."""
        self._background_pending = False
        self._shut_down = True
        done = self.tasks.wait(msecs)
        return self.audit_status.wait(msecs) and done
