"""The annual statements dialog: choose, run in the background, cancel, and the summary; and
how the main window opens it (with the register as a tab)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.services import common
from app.store.database import Database
from app.store.models import Restriction, Subject
from app.ui.annual_dialog import AnnualStatementsDialog, SubjectIdRole
from app.ui.main_window import MainWindow
from app.ui.register_view import RegisterView
from tests.conftest import TEST_NOW

YEAR = TEST_NOW.year
BATCH_TIMEOUT_MS = 60_000


def add_subject(db: Database, name: str, roles: str = "customer", restricted: bool = False) -> int:
    with db.session() as s:
        subject = Subject(
            pseudonym=f"tmp-{name}",
            name=name,
            sort_name=name.casefold(),
            postal_address="Storgata 1\n0155 Oslo",
            roles=roles,
            created_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        )
        s.add(subject)
        s.flush()
        subject.pseudonym = f"S-{subject.id:06d}"
        common.reindex_subject(s, subject)  # searchable, as an imported subject is
        if restricted:
            s.add(Restriction(subject_id=subject.id, ground="a", since=dt.date(2026, 1, 5)))
        return subject.id


def pseudonym(subject_id: int) -> str:
    return f"S-{subject_id:06d}"


@pytest.fixture
def no_questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def record(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    for kind in ("warning", "information", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(record))
    return asked


def dialog_for(qtbot: QtBot, db: Database) -> AnnualStatementsDialog:
    dialog = AnnualStatementsDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def wait_done(qtbot: QtBot, dialog: AnnualStatementsDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.running, timeout=BATCH_TIMEOUT_MS)


def test_every_customer_with_a_combined_file(
    qtbot: QtBot, db: Database, tmp_path: Path, no_questions: list[str]
) -> None:
    customers = [add_subject(db, f"Kunde {n} Ødegård") for n in range(4)]
    restricted = add_subject(db, "Áile Ŋuolga", "customer,supplier", restricted=True)
    add_subject(db, "Leverandør AS", "supplier")
    dialog = dialog_for(qtbot, db)
    assert dialog.year.value() == YEAR and dialog.mode() == "requests"
    assert not dialog.role.isEnabled() and not dialog.people.isEnabled()
    dialog.mode_role.setChecked(True)
    assert dialog.role.isEnabled()
    dialog.role.setCurrentIndex(dialog.role.findData("customer"))
    dialog.folder.setText(str(tmp_path / "out"))
    (tmp_path / "out").mkdir()
    dialog.combined.setChecked(True)
    dialog.start_button.click()
    assert dialog.running and not dialog.start_button.isEnabled()
    assert dialog.cancel_button.isEnabled() and dialog.progress.isVisible()
    wait_done(qtbot, dialog)
    report = dialog.report
    assert dialog.failure is None
    assert report is not None and not report.cancelled
    everyone = [*customers, restricted]
    expected = sorted(f"{pseudonym(i)}-{YEAR}.pdf" for i in everyone)
    combined = f"statements-{YEAR}-nb-for-printing.pdf"
    assert sorted(os.listdir(tmp_path / "out")) == sorted([*expected, combined])
    pages = sum(len(PdfReader(str(tmp_path / "out" / n)).pages) for n in expected)
    assert len(PdfReader(str(tmp_path / "out" / combined)).pages) == pages
    summary = dialog.summary.toPlainText()
    assert summary.splitlines()[0] == f"5 statement(s) written to {tmp_path / 'out'}."
    assert f"Combined file for printing: {tmp_path / 'out' / combined}" in summary
    assert "No data processed, so no statement (0): –" in summary
    assert (
        f"Processing restricted, marked in their statement (1): {pseudonym(restricted)} Áile Ŋuolga"
    ) in summary
    assert dialog.start_button.isEnabled() and not dialog.cancel_button.isEnabled()
    assert no_questions == []


def test_hand_picked_with_search(
    qtbot: QtBot, db: Database, tmp_path: Path, no_questions: list[str]
) -> None:
    wanted = add_subject(db, "Kari Nordmann")
    nobody = add_subject(db, "Ola Ingenrolle", "")
    add_subject(db, "Per Hansen")
    dialog = dialog_for(qtbot, db)
    dialog.mode_selected.setChecked(True)
    dialog.folder.setText(str(tmp_path))
    dialog.search.setText("Kari")
    assert dialog.people.count() == 1
    item = dialog.people.item(0)
    assert item.data(SubjectIdRole) == wanted
    item.setCheckState(Qt.CheckState.Checked)
    dialog.search.setText("Ola")
    dialog.people.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.search.setText("")
    assert dialog.people.count() == 3  # the ticks survive the searches
    assert dialog.picked == {wanted, nobody}
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.start_button.click()
    wait_done(qtbot, dialog)
    assert dialog.report is not None
    files = [n for n in os.listdir(tmp_path) if n.endswith(".pdf")]
    assert files == [f"{pseudonym(wanted)}-{YEAR}.pdf"]
    assert dialog.report.no_data == (pseudonym(nobody),)
    assert (
        f"No data processed, so no statement (1): {pseudonym(nobody)} Ola Ingenrolle"
        in dialog.summary.toPlainText()
    )


def test_cancel_keeps_only_complete_files(
    qtbot: QtBot, db: Database, tmp_path: Path, no_questions: list[str]
) -> None:
    for n in range(40):
        add_subject(db, f"Kunde {n}")
    out = tmp_path / "out"
    out.mkdir()
    dialog = dialog_for(qtbot, db)
    dialog.mode_role.setChecked(True)
    dialog.folder.setText(str(out))
    dialog.combined.setChecked(True)
    job = dialog.start()
    assert job is not None

    def cancel_after_two(done: int) -> None:
        if done >= 2 and dialog.cancel_button.isEnabled():
            dialog.cancel_button.click()

    dialog.progress.valueChanged.connect(cancel_after_two)  # the task's progress, shown
    wait_done(qtbot, dialog)
    report = dialog.report
    assert report is not None and report.cancelled
    assert report.combined is None
    files = sorted(os.listdir(out))
    assert files == sorted(p.name for p in report.written)
    assert 2 <= len(files) < 40
    for name in files:
        assert len(PdfReader(str(out / name)).pages) >= 1
    assert "Cancelled: only complete statements were kept; no combined file." in (
        dialog.summary.toPlainText()
    )


def test_what_is_missing_is_said(
    qtbot: QtBot, db: Database, tmp_path: Path, no_questions: list[str]
) -> None:
    dialog = dialog_for(qtbot, db)
    assert dialog.start() is None
    assert "Choose the folder" in dialog.error.text()
    dialog.folder.setText(str(tmp_path / "nowhere"))
    assert dialog.start() is None and "does not exist" in dialog.error.text()
    dialog.folder.setText(str(tmp_path))
    dialog.mode_selected.setChecked(True)
    assert dialog.start() is None and "Tick at least one" in dialog.error.text()
    dialog.mode_requests.setChecked(True)
    assert dialog.start() is None and "No one is in this set" in dialog.error.text()


def test_main_window_has_the_register_and_the_annual_statements(
    qtbot: QtBot, db: Database, no_questions: list[str]
) -> None:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    tabs = [window.tabs.tabText(i).replace("&", "") for i in range(window.tabs.count())]
    assert "Register" in tabs
    window.tabs.setCurrentIndex(tabs.index("Register"))  # built when first shown
    assert isinstance(window.register_view, RegisterView)
    assert window.register_view.parent() is window.tabs.widget(tabs.index("Register"))
    file_menu = window.findChild(type(window.menuBar().actions()[0].menu()), "fileMenu")
    assert window.annual_action in file_menu.actions()
    window.annual_action.trigger()
    dialog = window.findChild(AnnualStatementsDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.close()
