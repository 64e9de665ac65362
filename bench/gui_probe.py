"""GUI measurements, each in a process of its own (started by bench.run), offscreen.

    python -m bench.gui_probe cold-bare
    python -m bench.gui_probe cold-ours   --db DB --key KEYFILE
    python -m bench.gui_probe case-list   --db DB --key KEYFILE --plain PLAIN [--repeat N]
    python -m bench.gui_probe memory-bare
    python -m bench.gui_probe memory-ours --db DB --key KEYFILE

Each prints one JSON line. The cold-start modes print it the moment the window has been
shown and painted, so the parent can time the whole process start (interpreter, imports,
opening the database, building the window) up to that line; they import nothing before
they must. The parent sets HOME, the XDG folders, INNSYN_DATA_DIR and QT_QPA_PLATFORM.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
WINDOW_SIZE = (1200, 760)


def _emit(payload: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(payload) + "\n")
    sys.stdout.flush()


def _rss() -> tuple[float, float]:
    now = peak = 0.0
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            now = int(line.split()[1]) / 1024
        elif line.startswith("VmHWM:"):
            peak = int(line.split()[1]) / 1024
    return now, peak


def _paint_watch(window: Any) -> list[bool]:
    """A flag set when the window (or a widget in it) gets its first paint event."""
    from PySide6.QtCore import QEvent, QObject

    flag = [False]

    class Watch(QObject):
        def eventFilter(self, obj: Any, event: Any) -> bool:  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.Paint and not flag[0]:
                if obj is window or (hasattr(obj, "window") and obj.window() is window):
                    flag[0] = True
            return False

    from PySide6.QtWidgets import QApplication

    watch = Watch()
    QApplication.instance().installEventFilter(watch)  # type: ignore[union-attr]
    window._bench_paint_watch = watch  # kept alive with the window
    return flag


def _until_painted(flag: list[bool], limit: float = 60) -> None:
    """Shown means painted: events processed until the first paint has been done."""
    from PySide6.QtWidgets import QApplication

    deadline = time.perf_counter() + limit
    QApplication.processEvents()
    while not flag[0] and time.perf_counter() < deadline:
        QApplication.processEvents()
    QApplication.processEvents()  # the rest of that repaint


# --- the bare window ---------------------------------------------------------------------------


def cold_bare(memory: bool = False) -> None:
    """The baseline: a bare PySide6 QMainWindow, shown (painted) and closed."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(*WINDOW_SIZE)
    painted = _paint_watch(window)
    window.show()
    _until_painted(painted)
    rss, peak = _rss()
    _emit({"shown": True, "rss_mb": rss, "peak_mb": peak})
    window.close()
    app.processEvents()
    os._exit(0)


# --- Innsyn's own start ------------------------------------------------------------------------


def _our_keyring(key_file: str) -> None:
    sys.path.insert(0, str(ROOT))
    from bench import env

    env.install_keyring()
    env.remember_key(Path(key_file))


def cold_ours(db: str, key_file: str, *, memory: bool = False) -> None:
    """`innsyn --db DB` as the officer starts it (app.cli.main: translations, unlocking,
    migrating check, quick check, the main window), stopped when the window is painted."""
    started = time.perf_counter()
    marks: dict[str, float] = {}
    _our_keyring(key_file)
    from PySide6.QtWidgets import QApplication

    from app.ui import main_window, unlock

    marks["imports (keyring, main window)"] = time.perf_counter() - started

    # Where the time goes: the phases of starting, timed by thin wrappers.
    open_interactively = unlock.open_interactively
    init = main_window.MainWindow.__init__

    def timed_open(*args: Any, **kwargs: Any) -> Any:
        marks["before opening the database"] = time.perf_counter() - started
        result = open_interactively(*args, **kwargs)
        marks["database opened"] = time.perf_counter() - started
        return result

    def timed_init(self: Any, *args: Any, **kwargs: Any) -> None:
        marks["before MainWindow()"] = time.perf_counter() - started
        init(self, *args, **kwargs)
        marks["MainWindow() built"] = time.perf_counter() - started

    unlock.open_interactively = timed_open  # type: ignore[assignment]
    main_window.MainWindow.__init__ = timed_init  # type: ignore[method-assign]
    show = main_window.MainWindow.show

    def shown(window: Any) -> None:
        painted = _paint_watch(window)
        marks["before show()"] = time.perf_counter() - started
        show(window)
        _until_painted(painted)
        marks["painted"] = time.perf_counter() - started
        result: dict[str, Any] = {
            "marks": marks,
            "shown": painted[0],
            "tab": window.tabs.tabText(window.tabs.currentIndex()),
            "pages_fetched": window.case_model.pages_fetched,
            "rows": window.case_model.rowCount(),
        }
        if memory:
            # What the window starts in the background (the overview's figures of the year,
            # the audit-chain check, the retention sweep) first, then the officer's work.
            from PySide6.QtCore import QThreadPool

            shown_mb = _rss()[0]
            waited = time.perf_counter()
            for pool in [QThreadPool.globalInstance(), *window.findChildren(QThreadPool)]:
                pool.waitForDone()
            QApplication.processEvents()
            background = {
                "shown": shown_mb,
                "start-up background jobs done": _rss()[0],
            }
            result["background_s"] = time.perf_counter() - waited
            result.update(_exercise(window))
            result["steps_mb"] = {**background, **result["steps_mb"]}
        rss, peak = _rss()
        result.update(rss_mb=rss, peak_mb=peak)
        _emit(result)
        # Closed as closing the window closes it (the next start sees a clean shutdown, as
        # an officer's does), but without the backup on closing: not part of starting.
        window.db.close()
        os._exit(0)

    main_window.MainWindow.show = shown  # type: ignore[method-assign]
    # The daily backup (a copy of the whole file, started 2 s after the window) is not part
    # of starting or of using the window: it is left out here.
    from app.ui import app as gui_app

    if hasattr(gui_app, "_daily_backup_soon"):
        gui_app._daily_backup_soon = lambda *_args: None  # type: ignore[attr-defined]
    from app.cli import main

    main(["--db", db])
    _emit({"shown": False})
    os._exit(1)


def _exercise(window: Any) -> dict[str, Any]:
    """What an officer does with a million cases open: scroll to the end, sort by due date,
    filter by status, search; then the other tabs (people, the register, the retention
    sweep); the resident memory after each step."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from app.core.model import Status
    from app.ui.case_table import CaseTableModel

    view = window.case_table
    steps: dict[str, float] = {}

    def settle(step: str) -> None:
        QApplication.processEvents()
        view.viewport().repaint()
        steps[step] = _rss()[0]

    started = time.perf_counter()
    if hasattr(window, "cases_tab"):  # the overview comes first: the officer opens Cases
        window.tabs.setCurrentWidget(window.cases_tab)
    settle("cases tab shown")
    view.scrollToBottom()
    settle("scrolled to the end")
    view.sortByColumn(CaseTableModel.COL_DUE, Qt.SortOrder.DescendingOrder)
    settle("sorted by due date, descending")
    view.scrollToTop()
    settle("scrolled to the top")
    for index in range(window.status_filter.count()):
        if window.status_filter.itemData(index) == Status.CLOSED.value:
            window.status_filter.setCurrentIndex(index)
    settle("filtered: closed")
    window.status_filter.setCurrentIndex(0)
    window.case_search.setText("hansen")
    window.apply_case_filters()
    settle("searched: hansen")
    window.case_search.setText("")
    window.apply_case_filters()
    view.scrollToBottom()
    settle("all again, scrolled to the end")

    # The other tabs, each built when first opened: the register of people (searched and
    # scrolled), the processing register, and the retention sweep with its counts.
    window.tabs.setCurrentWidget(window.subjects_tab)
    window.subject_table.scrollToBottom()
    settle("subjects tab, scrolled to the end")
    window.subject_search.setText("hansen")
    window.apply_subject_filters()
    window.subject_table.scrollToBottom()
    settle("subjects searched: hansen")
    window.tabs.setCurrentWidget(window.register_tab)
    settle("register tab shown")
    window.tabs.setCurrentWidget(window.retention_tab)
    deadline = time.perf_counter() + 600
    while time.perf_counter() < deadline:  # counted in the background
        QApplication.processEvents()
        sweep = window.retention_view
        if sweep is not None and sweep.swept_as_of is not None:
            break
        time.sleep(0.05)
    sweep = window.retention_view
    if sweep is not None:
        sweep.table.scrollToBottom()
    settle("retention tab: counted, scrolled to the end")
    return {"exercised_s": time.perf_counter() - started, "steps_mb": steps}


# --- the case list -------------------------------------------------------------------------


def case_list(db_path: str, key_file: str, plain: str, repeat: int) -> None:
    """First paint, scroll to the end, sort by due date and filter by status: the paged
    CaseTableModel over the encrypted database against a QTableView over a plain Python
    list model holding the same rows (read beforehand from the unencrypted copy)."""
    _our_keyring(key_file)
    import datetime as dt
    import sqlite3
    import statistics

    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtWidgets import QApplication, QTableView

    from app.core.model import Status
    from app.services.cases import today_oslo
    from app.services.dto import CaseQuery
    from app.store.database import open_database
    from app.ui.case_table import CaseTableModel
    from app.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    db = open_database(Path(db_path), create=False)
    today = today_oslo()

    def make_view(model: Any) -> QTableView:
        view = QTableView()
        MainWindow._setup_table(view)  # the main window's settings: fixed row height...
        view.setModel(model)
        view.setSortingEnabled(False)
        view.resize(*WINDOW_SIZE)
        return view

    def settle(view: QTableView) -> None:
        app.processEvents()
        view.viewport().repaint()

    def timed(fn: Any) -> float:
        started = time.perf_counter()
        fn()
        return time.perf_counter() - started

    # --- ours
    def ours_first_paint() -> tuple[float, Any]:
        holder: dict[str, Any] = {}

        def run() -> None:
            model = CaseTableModel(db, CaseQuery(), today=today)
            view = make_view(model)
            view.show()
            settle(view)
            holder["view"] = view

        return timed(run), holder["view"]

    first_cold, _ = ours_first_paint()
    paints: list[float] = []
    scrolls: list[float] = []
    for _ in range(repeat):
        took, view = ours_first_paint()
        paints.append(took)
        scrolls.append(timed(lambda v=view: (v.scrollToBottom(), settle(v))))
        view.close()
        view.deleteLater()
    app.processEvents()

    model = CaseTableModel(db, CaseQuery(sort="received", descending=True), today=today)
    ours_rows = model.rowCount()
    view = make_view(model)
    view.show()
    settle(view)
    sorts = []
    for _ in range(repeat):
        model.sort(CaseTableModel.COL_RECEIVED, Qt.SortOrder.DescendingOrder)
        settle(view)
        sorts.append(
            timed(
                lambda: (
                    model.sort(CaseTableModel.COL_DUE, Qt.SortOrder.AscendingOrder),
                    settle(view),
                )
            )
        )
    filters: dict[str, float] = {}
    for status in Status:
        times = []
        for _ in range(max(1, repeat // 2)):
            model.set_query(CaseQuery())
            settle(view)
            times.append(
                timed(lambda s=status: (model.set_query(CaseQuery(statuses=(s,))), settle(view)))
            )
        filters[status.value] = statistics.median(times)
    view.close()
    db.close()

    # --- the baseline: every row in a Python list, formatted once
    started = time.perf_counter()
    conn = sqlite3.connect(plain)
    rows = [
        (ref, name, types, channel, received, due, str(due_ord - today.toordinal()), status, due)
        for ref, name, types, channel, received, due, due_ord, status in (
            (r[0], r[1], r[2], r[3], r[4], r[5], dt.date.fromisoformat(r[5]).toordinal(), r[6])
            for r in conn.execute(
                "SELECT c.reference, s.name, c.types, c.channel, c.received_date, c.due_date, "
                "c.status FROM case_ c JOIN subject s ON s.id = c.subject_id "
                "ORDER BY c.due_date, c.id"
            )
        )
    ]
    conn.close()
    load_s = time.perf_counter() - started
    rss_after_load = _rss()[0]

    class ListModel(QAbstractTableModel):
        def __init__(self, data: list[tuple[Any, ...]]) -> None:
            super().__init__()
            self.all = data
            self.rows = data

        def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008, N802
            return 0 if parent.isValid() else len(self.rows)

        def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008, N802
            return 0 if parent.isValid() else 8

        def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.rows[index.row()][index.column()]
            return None

        def sort(self, column: int, order: Any = Qt.SortOrder.AscendingOrder) -> None:
            self.layoutAboutToBeChanged.emit()
            key = 8 if column == 5 else column
            self.rows = sorted(
                self.rows,
                key=lambda r: r[key],
                reverse=order == Qt.SortOrder.DescendingOrder,
            )
            self.layoutChanged.emit()

        def filter(self, status: str | None) -> None:
            self.beginResetModel()
            self.rows = self.all if status is None else [r for r in self.all if r[7] == status]
            self.endResetModel()

    def base_first_paint() -> tuple[float, Any]:
        holder: dict[str, Any] = {}

        def run() -> None:
            view = make_view(ListModel(rows))
            view.show()
            settle(view)
            holder["view"] = view

        return timed(run), holder["view"]

    base_first_paint()
    base_paints: list[float] = []
    base_scrolls: list[float] = []
    for _ in range(repeat):
        took, view = base_first_paint()
        base_paints.append(took)
        base_scrolls.append(timed(lambda v=view: (v.scrollToBottom(), settle(v))))
        view.close()
        view.deleteLater()
    app.processEvents()
    base = ListModel(rows)
    view = make_view(base)
    view.show()
    settle(view)
    base_sorts = []
    for _ in range(max(1, repeat // 2)):
        base.sort(4, Qt.SortOrder.DescendingOrder)
        settle(view)
        base_sorts.append(timed(lambda: (base.sort(5, Qt.SortOrder.AscendingOrder), settle(view))))
    base_filters: dict[str, float] = {}
    for status in Status:
        times = []
        for _ in range(max(1, repeat // 2)):
            base.filter(None)
            settle(view)
            times.append(timed(lambda s=status: (base.filter(s.value), settle(view))))
        base_filters[status.value] = statistics.median(times)
    med = statistics.median
    _emit(
        {
            "rows": ours_rows,
            "base_rows": len(rows),
            "first_paint": med(paints),
            "first_paint_cold": first_cold,
            "scroll_end": med(scrolls),
            "sort_due": med(sorts),
            "filter_status": filters,
            "base_first_paint": med(base_paints),
            "base_scroll_end": med(base_scrolls),
            "base_sort_due": med(base_sorts),
            "base_filter_status": base_filters,
            "base_load_s": load_s,
            "base_rss_after_load_mb": rss_after_load,
        }
    )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("mode")
    ap.add_argument("--db")
    ap.add_argument("--key")
    ap.add_argument("--plain")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    if args.mode == "cold-bare":
        cold_bare()
    elif args.mode == "memory-bare":
        cold_bare(memory=True)
    elif args.mode == "cold-ours":
        cold_ours(args.db, args.key)
    elif args.mode == "memory-ours":
        cold_ours(args.db, args.key, memory=True)
    elif args.mode == "case-list":
        case_list(args.db, args.key, args.plain, args.repeat)
    else:
        raise SystemExit(f"unknown mode {args.mode}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
