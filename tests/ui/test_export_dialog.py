"""The case-log export dialog and the evidence-pack helper, driven through their widgets; the
files are read back."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # conftest sets it too; before Qt

import csv
import datetime as dt
import io
import json
import threading
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from app.core.model import RequestType, Status
from app.services import cases, exports, workflow
from app.services.dto import CaseQuery
from app.store.database import Database
from app.ui.export_dialog import STATUS_OPEN, ExportDialog, export_case_pack
from tests.conftest import oslo, phone_request

WAIT_MS = 20_000
NAMES = ("Kari Nordmann", "Ola Hansen", "Per Pedersen", "Åse Ødegård")
SUBJECT = "Data subject"


@pytest.fixture
def logged(db: Database) -> dict[str, str]:
    """Three requests in 2025 (one answered, one an erasure) and one in December 2024."""
    kari = cases.log_request(db, phone_request("Kari Nordmann", received=oslo(2025, 3, 4)))
    ola = cases.log_request(
        db,
        phone_request(
            "Ola Hansen", received=oslo(2025, 5, 12), phone=None, types=(RequestType.ERASURE,)
        ),
    )
    per = cases.log_request(
        db, phone_request("Per Pedersen", received=oslo(2025, 6, 2), phone="+47 912 34 567")
    )
    workflow.mark_answered(db, per.reference, on=dt.date(2025, 6, 20), method="post")
    aase = cases.log_request(
        db, phone_request("Åse Ødegård", received=oslo(2024, 12, 30), phone=None)
    )
    return {
        "kari": kari.reference,
        "ola": ola.reference,
        "per": per.reference,
        "aase": aase.reference,
    }


@pytest.fixture
def save_as(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], list[tuple[str, str]]]:
    """QFileDialog.getSaveFileName answers with a given path; the calls are recorded."""
    calls: list[tuple[str, str]] = []

    def install(path: Path) -> list[tuple[str, str]]:
        def fake(
            _parent: QWidget | None, _caption: str, suggested: str, filters: str, *_a: Any
        ) -> tuple[str, str]:
            calls.append((suggested, filters))
            return str(path), filters

        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
        return calls

    return install


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    calls: list[tuple[str, str, str]] = []

    def recorder(kind: str) -> Callable[..., QMessageBox.StandardButton]:
        def record(
            _parent: QWidget | None, title: str, body: str, *_a: object, **_k: object
        ) -> QMessageBox.StandardButton:
            calls.append((kind, title, body))
            return QMessageBox.StandardButton.Ok

        return record

    for kind in ("warning", "information", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(recorder(kind)))
    return calls


def open_dialog(qtbot: QtBot, db: Database, query: CaseQuery | None = None) -> ExportDialog:
    dialog = ExportDialog(db, initial_query=query)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def choose(dialog: ExportDialog, *, fmt: str, lang: str = "en", year: int = 2025) -> None:
    dialog.from_date.setDate(QDate(year, 1, 1))
    dialog.to_date.setDate(QDate(year, 12, 31))
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(fmt))
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData(lang))


def run_export(qtbot: QtBot, dialog: ExportDialog) -> None:
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running, timeout=WAIT_MS)


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads æøå with it
    # Any further byte-order mark is the service's to answer for, not the dialog's.
    content = raw.decode("utf-8").lstrip("\ufeff")
    return list(csv.DictReader(io.StringIO(content, newline="")))


def export_records(db: Database) -> list[dict[str, Any]]:
    with db.engine.connect() as conn:
        details = conn.execute(
            text("SELECT detail FROM audit_log WHERE action = 'export case log' ORDER BY id")
        ).scalars()
        return [json.loads(d) for d in details]


def test_defaults_and_prefill_from_the_case_list(qtbot: QtBot, db: Database) -> None:
    dialog = open_dialog(qtbot, db)
    year = cases.today_oslo().year
    assert dialog.period() == (dt.date(year, 1, 1), dt.date(year, 12, 31))
    assert not dialog.names_check.isChecked()
    assert "pseudonym" in dialog.names_hint.text()
    assert [dialog.format_combo.itemText(i) for i in range(3)] == ["CSV", "Excel (XLSX)", "PDF"]
    assert dialog.query() == CaseQuery()
    for widget in (dialog.from_date, dialog.format_combo, dialog.names_check, dialog.export_button):
        assert widget.objectName() and widget.accessibleName()

    prefilled = open_dialog(
        qtbot, db, CaseQuery(open_only=True, type=RequestType.ERASURE, text="ignored")
    )
    assert prefilled.status_filter.currentData() == STATUS_OPEN
    assert prefilled.type_filter.currentData() == RequestType.ERASURE.value
    assert prefilled.query() == CaseQuery(open_only=True, type=RequestType.ERASURE)
    answered = open_dialog(qtbot, db, CaseQuery(statuses=(Status.ANSWERED,)))
    assert answered.query() == CaseQuery(statuses=(Status.ANSWERED,))


def test_csv_export_of_the_period_without_names(
    qtbot: QtBot, db: Database, logged: dict[str, str], save_as: Any, tmp_path: Path
) -> None:
    out = tmp_path / "log.csv"
    calls = save_as(out)
    dialog = open_dialog(qtbot, db)
    written: list[tuple[str, int]] = []
    dialog.exported.connect(lambda path, n: written.append((path, n)))
    choose(dialog, fmt="csv")
    run_export(qtbot, dialog)

    assert calls and calls[0][0].endswith(".csv") and "*.csv" in calls[0][1]
    rows = read_csv(out)
    # The period's three requests, oldest first; December 2024 is outside it.
    assert [r["Reference"] for r in rows] == [logged["kari"], logged["ola"], logged["per"]]
    assert [r["Request types"] for r in rows] == ["access", "erasure", "access"]
    assert rows[2]["Answered on"] == "2025-06-20"
    assert all(r[SUBJECT].startswith("S-") for r in rows)
    content = out.read_text(encoding="utf-8-sig")
    assert not any(name in content for name in NAMES)
    assert dialog.status_label.text() == f"3 cases written to {out}."
    assert written == [(str(out), 3)]
    assert not dialog.error_label.isVisible() and not dialog.progress.isVisible()
    assert export_records(db)[-1]["names_included"] is False


def test_xlsx_export_with_names_and_a_type_filter(
    qtbot: QtBot, db: Database, logged: dict[str, str], save_as: Any, tmp_path: Path
) -> None:
    save_as(tmp_path / "access-log")  # no suffix typed: the dialog adds it
    dialog = open_dialog(qtbot, db, CaseQuery(type=RequestType.ACCESS))
    choose(dialog, fmt="xlsx")
    dialog.names_check.setChecked(True)
    run_export(qtbot, dialog)

    out = tmp_path / "access-log.xlsx"
    assert out.is_file(), dialog.error_label.text()
    wb = load_workbook(out, read_only=True)
    try:
        values = [tuple(row) for row in wb.active.values]
    finally:
        wb.close()
    header, body = values[0], values[1:]
    ref, subject = header.index("Reference"), header.index(SUBJECT)
    assert [(r[ref], r[subject]) for r in body] == [
        (logged["kari"], "Kari Nordmann"),
        (logged["per"], "Per Pedersen"),
    ]
    received = body[0][header.index("Received")]
    assert isinstance(received, dt.datetime) and received.date() == dt.date(2025, 3, 4)
    assert dialog.status_label.text() == f"2 cases written to {out}."
    assert export_records(db)[-1]["names_included"] is True


def test_norwegian_csv_of_open_cases(
    qtbot: QtBot, db: Database, logged: dict[str, str], save_as: Any, tmp_path: Path
) -> None:
    out = tmp_path / "sakslogg.csv"
    save_as(out)
    dialog = open_dialog(qtbot, db, CaseQuery(open_only=True))
    choose(dialog, fmt="csv", lang="nb")
    run_export(qtbot, dialog)
    rows = read_csv(out)
    assert [r["Referanse"] for r in rows] == [logged["kari"], logged["ola"]]
    # The header is Norwegian; the values are the codes a program reads in either language.
    assert [r["Type henvendelse"] for r in rows] == ["access", "erasure"]


def test_cancel_writes_nothing(
    qtbot: QtBot,
    db: Database,
    logged: dict[str, str],
    save_as: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out_dir = tmp_path / "exports"
    out_dir.mkdir()
    out = out_dir / "log.csv"
    save_as(out)
    # Hold the worker at the start, so that the cancel is certain to come first.
    gate = threading.Event()
    threads: list[threading.Thread] = []
    real = exports.export_case_log

    def gated(*args: Any, **kwargs: Any) -> int:
        threads.append(threading.current_thread())
        assert gate.wait(WAIT_MS / 1000)
        return real(*args, **kwargs)

    monkeypatch.setattr(exports, "export_case_log", gated)
    dialog = open_dialog(qtbot, db)
    choose(dialog, fmt="csv")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.running and dialog.progress.isVisible() and dialog.cancel_button.isVisible()
    assert not dialog.export_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    gate.set()
    qtbot.waitUntil(lambda: not dialog.running, timeout=WAIT_MS)

    assert dialog.status_label.text() == "Cancelled: nothing was written."
    assert not dialog.error_label.isVisible()
    assert list(out_dir.iterdir()) == []  # neither the file nor a temporary one
    assert export_records(db) == []
    assert dialog.export_button.isEnabled()
    assert threads and threading.main_thread() not in threads  # off the GUI thread


def test_a_period_that_ends_before_it_starts(
    qtbot: QtBot, db: Database, save_as: Any, tmp_path: Path
) -> None:
    calls = save_as(tmp_path / "never.csv")
    dialog = open_dialog(qtbot, db)
    dialog.from_date.setDate(QDate(2025, 6, 1))
    dialog.to_date.setDate(QDate(2025, 5, 1))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert not dialog.running and calls == []
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == "The period ends before it starts."


def test_a_service_error_is_shown_as_it_is(
    qtbot: QtBot, db: Database, logged: dict[str, str], save_as: Any, tmp_path: Path
) -> None:
    save_as(tmp_path / "no-such-folder" / "log.csv")
    dialog = open_dialog(qtbot, db)
    choose(dialog, fmt="pdf")
    run_export(qtbot, dialog)
    assert dialog.error_label.isVisible()
    assert "does not exist" in dialog.error_label.text()
    assert dialog.status_label.text() == "Nothing was written."


def test_closing_while_running_cancels(
    qtbot: QtBot,
    db: Database,
    logged: dict[str, str],
    save_as: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "log.xlsx"
    save_as(out)
    gate = threading.Event()
    threads: list[threading.Thread] = []
    real = exports.export_case_log

    def gated(*args: Any, **kwargs: Any) -> int:
        threads.append(threading.current_thread())
        assert gate.wait(WAIT_MS / 1000)
        return real(*args, **kwargs)

    monkeypatch.setattr(exports, "export_case_log", gated)
    dialog = open_dialog(qtbot, db)
    choose(dialog, fmt="xlsx")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    dialog.reject()
    assert dialog.isVisible()  # still there until the worker stopped
    gate.set()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert not out.exists()


def test_evidence_pack(
    qtbot: QtBot,
    db: Database,
    logged: dict[str, str],
    save_as: Any,
    messages: list[tuple[str, str, str]],
    tmp_path: Path,
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    save_as(tmp_path / "pack")
    path = export_case_pack(parent, db, logged["per"], lang="en")
    assert path == tmp_path / "pack.zip"
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        manifest = json.loads(zf.read("manifest.json"))
    assert "dossier.pdf" in names and "case-log.csv" in names
    assert manifest["case"] == logged["per"]
    assert [m[0] for m in messages] == ["information"]
    assert str(path) in messages[0][2]

    messages.clear()
    save_as(tmp_path / "other.zip")
    assert export_case_pack(parent, db, "DSR-1999-9999") is None
    assert [m[0] for m in messages] == ["warning"]
    assert not (tmp_path / "other.zip").exists()
