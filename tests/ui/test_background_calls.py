"""The slow calls of the case panels and of the retention sweep run on a worker thread: each
service function the GUI calls is replaced by a wrapper that records the thread it ran on
(and can hold it there), and the result still reaches the window."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import insert, select

from app.core.model import RequestType
from app.services import cases, findings, register, retention_sweep, rights, statements
from app.store.database import Database
from app.store.models import Case, Subject
from app.ui.documents_panel import DocumentsPanel, LetterDialog
from app.ui.retention_view import RetentionSweepView
from app.ui.rights_panel import RightsPanel
from app.ui.tasks import window_tasks
from tests.conftest import oslo, phone_request


class Recorded:
    """A service function replaced by one that records its thread; `hold()` makes the next
    call wait on its worker until `release()`."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> None:
        self.threads: list[threading.Thread] = []
        self._real: Callable[..., Any] = getattr(module, name)
        self._held = threading.Event()
        self._held.set()
        self.started = threading.Event()

        def on_worker(*args: Any, **kwargs: Any) -> Any:
            if not kwargs.get("dry_run"):  # the erasure's preview is a quick read
                self.threads.append(threading.current_thread())
                self.started.set()
                self._held.wait(10)
            return self._real(*args, **kwargs)

        monkeypatch.setattr(module, name, on_worker)

    def hold(self) -> None:
        self._held.clear()

    def release(self) -> None:
        self._held.set()

    def ran_on_a_worker(self) -> bool:
        return bool(self.threads) and all(t is not threading.main_thread() for t in self.threads)


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []

    def record(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> Any:
        said.append(text)
        return QMessageBox.StandardButton.Yes

    for kind in ("warning", "information", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(record))
    return said


def shown(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.addWidget(widget)
    widget.resize(1100, 800)
    widget.show()
    qtbot.waitExposed(widget)


def a_case(db: Database, *types: RequestType) -> str:
    ref = cases.log_request(
        db,
        phone_request(
            "Ragnhild Ødegård",
            types=types,
            email="ragnhild@example.no",
            received=oslo(2026, 11, 2),
        ),
    ).reference
    if RequestType.RECTIFICATION in types:
        rights.rectify(db, ref, {"last_purchase": "2026-03-15"})
    if RequestType.ACCESS in types:
        for system in register.list_systems(db):
            findings.record_finding(db, ref, system.id, searched_on=cases.today_oslo(), found=False)
    return ref


def test_apply_erasure_runs_on_a_worker_and_the_letter_is_offered(
    qtbot: QtBot,
    db: Database,
    messages: list[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Any,
) -> None:
    ref = a_case(db, RequestType.ERASURE, RequestType.RECTIFICATION)
    panel = RightsPanel(db, ref)
    shown(qtbot, panel)
    applied = Recorded(monkeypatch, rights, "apply_erasure")
    target = tmp_path / "confirmation.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target), ""))
    )
    applied.hold()
    qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    assert applied.started.wait(10)
    # Running: the window answers, the button is off, the panel shows it is busy.
    assert not panel.apply_button.isEnabled() and panel.calls.bar.isVisible()
    panel.reload()  # a refresh meanwhile leaves the button off
    assert not panel.apply_button.isEnabled()
    with qtbot.waitSignal(panel.documentCreated, timeout=10_000) as created:
        applied.release()
    assert applied.ran_on_a_worker()
    assert panel.last_result is not None
    assert created.args == [panel.last_result.letter_document_id]
    assert target.read_bytes().startswith(b"%PDF")
    assert subjects_erased(db, ref)
    qtbot.waitUntil(lambda: not panel.calls.busy)
    assert not panel.calls.bar.isVisible()
    assert not panel.apply_button.isEnabled()  # erased: not again


def subjects_erased(db: Database, ref: str) -> bool:
    from app.services import subjects

    return subjects.get_subject(db, cases.get_case(db, ref).subject_id).erased


def test_rights_letters_and_notices_run_on_a_worker(
    qtbot: QtBot, db: Database, messages: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ref = a_case(db, RequestType.RECTIFICATION)
    panel = RightsPanel(db, ref)
    shown(qtbot, panel)
    stored = Recorded(monkeypatch, rights, "store_rights_letter")
    stored.hold()
    panel.letter_button.click()
    assert stored.started.wait(10)
    assert not panel.letter_button.isEnabled() and not panel.notice_letter_button.isEnabled()
    assert panel.calls.bar.isVisible()
    with qtbot.waitSignal(panel.documentCreated, timeout=10_000) as created:
        stored.release()
    kinds = {d.id: d.filename for d in cases.get_case(db, ref).documents}
    assert created.args[0] in kinds
    qtbot.waitUntil(lambda: panel.letter_button.isEnabled())
    assert not panel.calls.bar.isVisible()

    # The Art. 19 notice letter to one recipient, likewise.
    panel.notices_table.setCurrentCell(0, 0)
    with qtbot.waitSignal(panel.documentCreated, timeout=10_000) as notice:
        assert panel.notice_letter() is not None
    assert notice.args[0] in {d.id for d in cases.get_case(db, ref).documents}
    assert len(stored.threads) == 2 and stored.ran_on_a_worker()
    assert messages == []


def test_a_refused_letter_is_shown_as_before(
    qtbot: QtBot, db: Database, messages: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ref = a_case(db, RequestType.RECTIFICATION)
    panel = RightsPanel(db, ref)
    shown(qtbot, panel)
    task = panel.do_generate_letter("rectification-confirmation", "xx")  # no such language
    qtbot.waitUntil(lambda: task.delivered)
    assert messages and "xx" in messages[-1]
    assert panel.letter_button.isEnabled()


def test_statement_and_letters_run_on_a_worker(
    qtbot: QtBot, db: Database, messages: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ref = a_case(db, RequestType.ACCESS)
    panel = DocumentsPanel(db, ref)
    shown(qtbot, panel)
    statement = Recorded(monkeypatch, statements, "generate_statement")
    letter = Recorded(monkeypatch, statements, "generate_letter")
    statement.hold()
    panel.statement_button.click()
    assert statement.started.wait(10)
    assert not panel.statement_button.isEnabled() and panel.letter_button.isEnabled()
    assert panel.calls.bar.isVisible()
    panel.reload()  # a refresh meanwhile leaves it off
    assert not panel.statement_button.isEnabled()
    statement.release()
    qtbot.waitUntil(lambda: panel.last_stored is not None, timeout=10_000)
    assert statement.ran_on_a_worker()
    assert panel.table_rows()[0][0] == "Statement (Art. 15)"
    assert panel.selected_document() is not None
    qtbot.waitUntil(lambda: panel.statement_button.isEnabled())
    assert not panel.calls.bar.isVisible()

    def refusal(self: LetterDialog) -> int:
        self.fill("refusal", lang="en", reasons="Fifth identical request this month")
        self.accept()
        return self.result()

    monkeypatch.setattr(LetterDialog, "exec", refusal)
    first = panel.last_stored
    panel.letter_button.click()
    qtbot.waitUntil(lambda: panel.last_stored is not first, timeout=10_000)
    assert letter.ran_on_a_worker()
    assert panel.table_rows()[-1][:2] == ("Refusal (Art. 12(5))", f"{ref}-refusal-en.pdf")
    assert messages == []


def test_closing_the_case_view_waits_for_its_work(
    qtbot: QtBot, db: Database, messages: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.ui.case_view import CaseView

    ref = a_case(db, RequestType.ACCESS)
    view = CaseView(db, ref)
    shown(qtbot, view)
    statement = Recorded(monkeypatch, statements, "generate_statement")
    runner = window_tasks(view.documents_panel)
    assert runner is window_tasks(view)  # one runner for the whole window
    statement.hold()
    view.documents_panel.statement_button.click()
    assert statement.started.wait(10)
    # A thread that sleeps, not threading.Timer: a timed Event.wait never ends under the
    # moved-clock run's libfaketime (the kernel waits for a faked deadline), a sleep does.
    threading.Thread(target=lambda: (time.sleep(0.2), statement.release()), daemon=True).start()
    view.close()  # cancels and waits: no worker outlives the window
    assert not runner.busy or all(t.done for t in runner.tasks)
    assert len(cases.get_case(db, ref).documents) == 1


def test_ticked_lines_become_erasure_cases_on_a_worker(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.session() as s:
        s.execute(
            insert(Subject),
            [
                {
                    "id": 1,
                    "pseudonym": "S-000001",
                    "name": "Ola Nordmann",
                    "sort_name": "ola nordmann",
                    "postal_address": "",
                    "roles": "customer",
                    "created_at": dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
                    "last_purchase": dt.date(2015, 6, 1),
                    "last_contact": dt.date(2016, 1, 1),
                }
            ],
        )
    view = RetentionSweepView(db, today=dt.date(2026, 6, 1))
    shown(qtbot, view)
    qtbot.waitUntil(lambda: view.swept_as_of is not None, timeout=10_000)
    created = Recorded(monkeypatch, retention_sweep, "create_erasure_cases")
    model = view.model
    assert model.setData(
        model.index(0, model.CHECK), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    created.hold()
    assert view.create_cases() == []
    assert created.started.wait(10)
    assert not view.create_button.isEnabled()
    assert view.result_label.text() == "Creating erasure cases…"
    with qtbot.waitSignal(view.casesCreated, timeout=10_000) as done:
        created.release()
    assert created.ran_on_a_worker()
    (reference,) = done.args[0]
    assert view.result_label.text() == f"1 erasure case(s) created: {reference}"
    with db.session() as s:
        assert s.scalars(select(Case.reference)).all() == [reference]
    qtbot.waitUntil(lambda: not view.running, timeout=10_000)
    assert view.wait(10_000)


@pytest.fixture(autouse=True)
def _no_dialog_blocks(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(QDialog, "exec", lambda _self: QDialog.DialogCode.Rejected.value)
    yield
