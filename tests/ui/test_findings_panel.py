"""The search checklist, driven through its widgets and checked against the database."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app.core.model import RequestType
from app.services import cases, findings, register
from app.store.database import Database
from app.ui.case_view import CaseView
from app.ui.findings_panel import FindingDialog, FindingsPanel
from tests.conftest import OSLO, phone_request

SAMI_VALUE = "Navn i CRM: Áile Ŋuolga, Guovdageaidnu"

Messages = list[tuple[str, str]]


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> Messages:
    calls: Messages = []

    def recorder(kind: str) -> Any:
        def record(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> Any:
            calls.append((kind, text))
            return QMessageBox.StandardButton.Ok

        return record

    for kind in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(recorder(kind)))
    return calls


def received(days: int = 4) -> dt.datetime:
    day = cases.today_oslo() - dt.timedelta(days=days)
    return dt.datetime(day.year, day.month, day.day, 10, tzinfo=OSLO)


def make_case(db: Database, *types: RequestType) -> str:
    return cases.log_request(
        db, phone_request("Áile Ŋuolga", received=received(), types=types or (RequestType.ACCESS,))
    ).reference


def panel_for(qtbot: QtBot, db: Database, ref: str) -> FindingsPanel:
    panel = FindingsPanel(db, ref)
    qtbot.addWidget(panel)
    panel.resize(1100, 600)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def system_id(db: Database, code: str) -> int:
    return next(x.id for x in register.list_systems(db) if x.code == code)


def test_the_checklist_lists_the_register_systems(
    qtbot: QtBot, db: Database, messages: Messages
) -> None:
    panel = panel_for(qtbot, db, make_case(db))
    rows = panel.table_rows()
    assert [r[0] for r in rows] == [
        "ERP and accounting",
        "CRM",
        "E-mail archive",
        "Website analytics (Google Analytics)",
    ]
    assert all(r[3] == "not searched" for r in rows)
    assert rows[0][1] == "Customers and suppliers, orders, invoices, payments"
    assert panel.summary.text() == "0 of 4 systems searched."
    assert not panel.edit_button.isEnabled()
    panel.table.selectRow(0)
    assert panel.edit_button.isEnabled()


def test_record_a_search_with_values_and_evidence(
    qtbot: QtBot,
    db: Database,
    messages: Messages,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ref = make_case(db)
    panel = panel_for(qtbot, db, ref)
    export = tmp_path / "crm-export.csv"
    export.write_bytes("id;navn\n17;Áile Ŋuolga\n".encode())
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(export), ""))
    )
    seen: dict[str, Any] = {}

    def officer(self: FindingDialog) -> int:
        seen["categories"] = [b.text() for b in self.category_boxes]
        self.fill(
            found=True,
            categories=("Correspondence",),
            other="Complaints log",
            notes=f"{SAMI_VALUE}\nSiste e-post: 03.11.2026",
        )
        self.attach_button.click()
        self.accept()
        return self.result()

    monkeypatch.setattr(FindingDialog, "exec", officer)
    assert panel.select_system(system_id(db, "crm"))
    panel.edit_button.click()
    assert messages == []
    # The CRM's own activities' categories come first, then the rest of the register's.
    assert seen["categories"][:2] == ["Name and contact details", "Customer number"]
    assert "Correspondence" in seen["categories"]
    assert "Online identifiers (cookies)" in seen["categories"]

    crm = next(f for f in findings.findings(db, ref) if f.system == "CRM")
    assert crm.found is True and crm.searched_on == cases.today_oslo()
    assert crm.categories == ("Correspondence", "Complaints log")
    assert crm.notes == f"{SAMI_VALUE}\nSiste e-post: 03.11.2026"
    sha = hashlib.sha256(export.read_bytes()).hexdigest()
    assert crm.evidence_sha256 == sha
    row = next(r for r in panel.table_rows() if r[0] == "CRM")
    assert row[3] == "yes" and row[4] == "Correspondence, Complaints log"
    assert SAMI_VALUE in row[5]
    assert row[6] == f"crm-export.csv ({sha[:12]}…)"
    assert panel.summary.text() == "1 of 4 systems searched. Data found in: CRM."


def test_nothing_found(
    qtbot: QtBot, db: Database, messages: Messages, monkeypatch: pytest.MonkeyPatch
) -> None:
    ref = make_case(db)
    panel = panel_for(qtbot, db, ref)

    def nothing(self: FindingDialog) -> int:
        self.fill(found=False)
        assert not self.categories_group.isEnabled() and not self.notes.isEnabled()
        self.accept()
        return self.result()

    monkeypatch.setattr(FindingDialog, "exec", nothing)
    panel.select_system(system_id(db, "erp"))
    panel.edit_button.click()
    erp = next(f for f in findings.findings(db, ref) if f.system_id == system_id(db, "erp"))
    assert erp.found is False and erp.categories == () and erp.notes == ""
    assert panel.table_rows()[0][3] == "no"


def test_dialog_asks_what_was_found(qtbot: QtBot, db: Database) -> None:
    ref = make_case(db)
    row = findings.findings(db, ref)[0]
    dialog = FindingDialog(
        row, ["Invoices and payments"], received=cases.today_oslo(), today=cases.today_oslo()
    )
    qtbot.addWidget(dialog)
    dialog.fill(found=True)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "Say what was found" in dialog.error.text()
    dialog.fill(categories=("Invoices and payments",))
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    searched, found, categories, notes, evidence = dialog.values()
    assert (found, categories, notes, evidence) == (True, ("Invoices and payments",), "", None)
    assert searched == cases.today_oslo()


def test_a_refused_search_is_shown(qtbot: QtBot, db: Database, messages: Messages) -> None:
    ref = make_case(db)
    panel = panel_for(qtbot, db, ref)
    before = panel.table_rows()
    assert not panel.do_record(
        system_id(db, "erp"), cases.today_oslo() + dt.timedelta(days=1), True, ("X",)
    )
    assert "future" in messages[-1][1]
    assert panel.table_rows() == before


def test_in_the_case_view(
    qtbot: QtBot, db: Database, messages: Messages, monkeypatch: pytest.MonkeyPatch
) -> None:
    ref = make_case(db)
    view = CaseView(db, ref)
    qtbot.addWidget(view)
    view.show()
    assert view.tabs.isTabVisible(view._findings_tab_index)
    assert view.tabs.widget(view._findings_tab_index) is view.findings_panel
    assert view.tabs.tabText(view._findings_tab_index).replace("&", "") == "Search (systems)"
    changed: list[str] = []
    view.changed.connect(changed.append)
    assert view.findings_panel.do_record(system_id(db, "erp"), cases.today_oslo(), False)
    assert changed == [ref]
    assert any(
        r[2] == "searched" and r[3] == "ERP and accounting: nothing found"
        for r in view.timeline_rows()
    )
