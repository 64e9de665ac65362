"""The dashboard on a fixed day with a hand-built set of cases: the tiles, the next deadlines,
the chart and figures of a year, and the audit-trail line before and after tampering."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # conftest sets it too; before Qt

import datetime as dt
import threading
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from app.core.model import FeeDecision, RequestType, Status
from app.services import cases, workflow
from app.services.audit import ChainReport
from app.store.database import Database
from app.ui import dashboard as dashboard_module
from app.ui.dashboard import AuditStatus, Dashboard
from tests.conftest import oslo, phone_request
from tests.dbutil import raw_connect

TODAY = dt.date(2025, 6, 16)  # a Monday
WAIT_MS = 20_000
A, R, E, OBJ = (
    RequestType.ACCESS,
    RequestType.RECTIFICATION,
    RequestType.ERASURE,
    RequestType.OBJECTION,
)
ZERO = [0] * 12


def log(db: Database, name: str, received: dt.datetime, *types: RequestType, **kw: Any) -> str:
    return cases.log_request(
        db, phone_request(name, received=received, phone=None, types=types, **kw)
    ).reference


@pytest.fixture
def logged(db: Database) -> dict[str, str]:
    refs: dict[str, str] = {}
    # Open, by due date: 2024-12-05, 2025-05-12, 06-05, 06-16, 06-19, 07-02, then five later.
    refs["jon"] = log(db, "Jon Kvam", oslo(2024, 11, 5), E)
    refs["anne"] = log(db, "Anne Aasen", oslo(2025, 4, 10), A)
    refs["bjorn"] = log(db, "Bjørn Berg", oslo(2025, 5, 5), A, E)
    cases.pause_for_identity(db, refs["bjorn"], requested_on=dt.date(2025, 5, 6))
    refs["cecilie"] = log(db, "Cecilie Dahl", oslo(2025, 5, 14), R)
    refs["dag"] = log(db, "Dag Eriksen", oslo(2025, 5, 19), E)
    refs["eva"] = log(db, "Eva Fjeld", oslo(2025, 6, 2), A)
    for i, day in enumerate((3, 4, 5, 6, 10), start=1):
        refs[f"later{i}"] = log(db, f"Kunde Nummer{i}", oslo(2025, 6, day), A)
    # Closed ones: extended and answered on time; answered late; refused; a fee, on time.
    refs["finn"] = log(db, "Finn Gran", oslo(2025, 3, 4), A)
    cases.extend(
        db, refs["finn"], reason="Records in four systems", decided_on=dt.date(2025, 3, 10)
    )
    workflow.mark_answered(db, refs["finn"], on=dt.date(2025, 5, 20), method="post")
    refs["guro"] = log(db, "Guro Hauge", oslo(2025, 3, 20), A)
    workflow.mark_answered(db, refs["guro"], on=dt.date(2025, 4, 25), method="post")
    refs["hans"] = log(db, "Hans Iversen", oslo(2025, 1, 15), OBJ)
    workflow.change_status(db, refs["hans"], Status.REFUSED, "Manifestly unfounded")
    refs["ida"] = log(
        db,
        "Ida Johansen",
        oslo(2025, 2, 3),
        A,
        fee_decision=FeeDecision.FEE,
        fee_amount=1250,
        refusal_reason="Third copy within a year",
    )
    workflow.mark_answered(db, refs["ida"], on=dt.date(2025, 2, 20), method="post")
    return refs


def open_dashboard(qtbot: QtBot, db: Database) -> Dashboard:
    dashboard = Dashboard(db, today=TODAY)
    qtbot.addWidget(dashboard)
    dashboard.show()
    qtbot.waitExposed(dashboard)
    wait_idle(qtbot, dashboard)
    return dashboard


def wait_idle(qtbot: QtBot, dashboard: Dashboard) -> None:
    qtbot.waitUntil(
        lambda: not dashboard.figures_running and not dashboard.audit_status.running,
        timeout=WAIT_MS,
    )


def audit_rows(db: Database) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM audit_log")).scalar_one())


def test_tiles_count_and_ask_for_their_filter(
    qtbot: QtBot, db: Database, logged: dict[str, str]
) -> None:
    dashboard = open_dashboard(qtbot, db)
    counts = {key: dashboard.tile_count(key) for key in dashboard.tiles}
    assert counts == {"open": 11, "week": 2, "overdue": 3, "identity": 1}
    assert dashboard.tiles["overdue"].text() == "3\nOverdue"
    for tile in dashboard.tiles.values():
        assert tile.objectName() and tile.accessibleName()

    asked: list[str] = []
    dashboard.filterRequested.connect(asked.append)
    for key in ("open", "week", "overdue", "identity"):
        qtbot.mouseClick(dashboard.tiles[key], Qt.MouseButton.LeftButton)
    assert asked == ["open", "week", "overdue", "identity"]


def test_next_deadlines_nearest_first(qtbot: QtBot, db: Database, logged: dict[str, str]) -> None:
    dashboard = open_dashboard(qtbot, db)
    rows = dashboard.deadline_rows()
    assert len(rows) == 10  # eleven open: the latest is left out
    assert rows[:6] == [
        (logged["jon"], "erasure", "05.12.2024", "193 days overdue"),
        (logged["anne"], "access", "12.05.2025", "35 days overdue"),
        (logged["bjorn"], "access, erasure", "05.06.2025", "11 days overdue"),
        (logged["cecilie"], "rectification", "16.06.2025", "due today (due soon)"),
        (logged["dag"], "erasure", "19.06.2025", "3 days left (due soon)"),
        (logged["eva"], "access", "02.07.2025", "16 days left"),
    ]
    assert [r[0] for r in rows[6:]] == [logged[f"later{i}"] for i in (1, 2, 3, 4)]
    assert logged["later5"] not in {r[0] for r in rows}
    assert not {logged[k] for k in ("finn", "guro", "hans", "ida")} & {r[0] for r in rows}

    requested: list[str] = []
    dashboard.caseRequested.connect(requested.append)
    table = dashboard.deadline_table
    rect = table.visualRect(table.model().index(1, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert requested == [logged["anne"]]


def test_chart_and_figures_of_a_year(qtbot: QtBot, db: Database, logged: dict[str, str]) -> None:
    dashboard = open_dashboard(qtbot, db)
    assert dashboard.year == 2025
    bars = dashboard.bar_values()
    assert list(bars) == ["access", "rectification", "erasure", "restriction", "objection"]
    assert bars["access"] == [0, 1, 2, 1, 1, 6, 0, 0, 0, 0, 0, 0]
    assert bars["rectification"] == [0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
    assert bars["erasure"] == [0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0]
    assert bars["restriction"] == ZERO
    assert bars["objection"] == [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    assert dashboard.month_axis.categories()[0] == "Jan" and dashboard.month_axis.count() == 12
    assert dashboard.count_axis.max() == 6
    assert "2025" in dashboard.chart.title()

    values = {key: label.text() for key, label in dashboard.figure_values.items()}
    assert values == {
        "requests": "14",
        "on_time": "67 % (2 of 3 answered)",
        "median": "36",
        "p90": "77",
        "extensions": "1",
        "refusals": "1\nManifestly unfounded: 1",
        "fees": "1 (NOK 1\u00a0250 in all)",
    }
    assert "Requests received: 14" in dashboard.figures_text()

    # Another year: the chart and the figures follow.
    with qtbot.waitSignal(dashboard.figuresLoaded, timeout=WAIT_MS) as loaded:
        dashboard.set_year(2024)
    assert loaded.args == [2024]
    bars = dashboard.bar_values()
    assert bars["erasure"] == [0] * 10 + [1, 0]
    assert sum(sum(v) for v in bars.values()) == 1
    assert dashboard.figure_values["requests"].text() == "1"
    assert dashboard.figure_values["on_time"].text() == "none answered yet"
    assert dashboard.figure_values["median"].text() == "–"


def test_refresh_follows_changes(qtbot: QtBot, db: Database, logged: dict[str, str]) -> None:
    dashboard = open_dashboard(qtbot, db)
    workflow.mark_answered(db, logged["anne"], on=dt.date(2025, 6, 1), method="post")
    dashboard.refresh()
    wait_idle(qtbot, dashboard)
    assert dashboard.tile_count("open") == 10
    assert dashboard.tile_count("overdue") == 2
    assert logged["anne"] not in {r[0] for r in dashboard.deadline_rows()}
    assert dashboard.figure_values["on_time"].text() == "50 % (2 of 4 answered)"  # late


def test_an_empty_database(qtbot: QtBot, db: Database) -> None:
    dashboard = open_dashboard(qtbot, db)
    assert {key: dashboard.tile_count(key) for key in dashboard.tiles} == dict.fromkeys(
        ("open", "week", "overdue", "identity"), 0
    )
    assert dashboard.deadline_rows() == []
    assert dashboard.no_deadlines_label.isVisibleTo(dashboard)
    assert dashboard.figure_values["requests"].text() == "0"
    assert all(values == ZERO for values in dashboard.bar_values().values())


def test_audit_status_intact_then_broken(
    qtbot: QtBot, db: Database, logged: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[threading.Thread] = []
    real = dashboard_module.verify_chain

    def recorded(database: Database) -> ChainReport:
        threads.append(threading.current_thread())
        return real(database)

    monkeypatch.setattr(dashboard_module, "verify_chain", recorded)
    status = AuditStatus(db)
    qtbot.addWidget(status)
    rows = audit_rows(db)
    assert rows > 3
    with qtbot.waitSignal(status.chainChecked, timeout=WAIT_MS):
        status.check()
    assert status.text() == f"Audit trail intact ({rows} entries)"
    assert threads and threading.main_thread() not in threads  # off the GUI thread
    assert status.report is not None and status.report.ok
    assert "color" not in status.styleSheet()

    conn = raw_connect(db.path)
    try:
        conn.execute("UPDATE audit_log SET user='x' WHERE id=3")
        conn.commit()
    finally:
        conn.close()
    with qtbot.waitSignal(status.chainChecked, timeout=WAIT_MS):
        status.check()
    assert status.text().startswith("Audit trail BROKEN at entry 3: ")
    assert "row 3" in status.text()
    assert "color" in status.styleSheet()  # red as well, but the words say it
    assert status.accessibleDescription() == status.text()


def test_the_dashboard_shows_a_broken_trail(
    qtbot: QtBot, db: Database, logged: dict[str, str]
) -> None:
    dashboard = open_dashboard(qtbot, db)
    assert dashboard.audit_status.text().startswith("Audit trail intact (")
    conn = raw_connect(db.path)
    try:
        conn.execute("UPDATE audit_log SET user='x' WHERE id=3")
        conn.commit()
    finally:
        conn.close()
    qtbot.mouseClick(dashboard.audit_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, dashboard)
    assert dashboard.audit_status.text().startswith("Audit trail BROKEN at entry 3: ")
