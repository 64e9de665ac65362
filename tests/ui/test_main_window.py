"""The main window, the case view and the background job, driven as the officer would."""

from __future__ import annotations

import datetime as dt
import stat
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from dateutil.relativedelta import relativedelta
from PySide6.QtCore import QCoreApplication, QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.core import deadlines
from app.core.model import AnswerMethod, IdentityMethod, IdentityResult, RequestType, Status
from app.services import cases, workflow
from app.store.database import Database
from app.ui.case_dialogs import ExtendDialog
from app.ui.case_table import CaseTableModel, ReferenceRole
from app.ui.case_view import CaseView
from app.ui.formatting import format_date
from app.ui.main_window import DUE_3_DAYS, DUE_7_DAYS, DUE_OVERDUE, STATUS_OPEN, MainWindow
from app.ui.widgets import ActionDialog
from tests.conftest import OSLO, phone_request

EMAIL_SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "email"

Messages = list[tuple[str, str, str]]


def days_ago(days: int, hour: int = 10) -> dt.datetime:
    assert days >= 1  # a receipt time is never in the future
    day = cases.today_oslo() - dt.timedelta(days=days)
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=OSLO)


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> Messages:
    """QMessageBox.warning/information/critical record their calls instead of blocking."""
    calls: Messages = []

    def recorder(kind: str) -> Callable[..., QMessageBox.StandardButton]:
        def record(
            _parent: QWidget | None, title: str, text: str, *_a: object, **_k: object
        ) -> QMessageBox.StandardButton:
            calls.append((kind, title, text))
            return QMessageBox.StandardButton.Ok

        return record

    for kind in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(recorder(kind)))
    return calls


@pytest.fixture
def window(qtbot: QtBot, db: Database) -> MainWindow:
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def accept_intake(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The intake dialog, when it opens, confirms the time of receipt and saves as it stands."""
    from app.ui.intake_dialog import IntakeDialog

    saved: list[str] = []

    def exec_and_save(self: IntakeDialog) -> int:
        confirm = getattr(self, "receipt_confirm_check", None)
        if confirm is not None:
            confirm.setChecked(True)
        self.save()
        if self.result_reference:
            saved.append(self.result_reference)
        return int(self.result())

    monkeypatch.setattr(IntakeDialog, "exec", exec_and_save)
    return saved


def shown_references(win: MainWindow) -> list[str]:
    model = win.case_model
    return [model.data(model.index(r, 0), ReferenceRole) for r in range(model.rowCount())]


def cell(win: MainWindow, row: int, col: int) -> str:
    return win.case_model.data(win.case_model.index(row, col))


def choose(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def drop_files(win: MainWindow, paths: list[Path]) -> bool:
    """Drag `paths` over the window and drop them; whether the drag was accepted."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(win, enter)
    drop = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(win, drop)
    return enter.isAccepted() and drop.isAccepted()


@pytest.fixture
def logged(db: Database) -> dict[str, str]:
    """Four cases: overdue (Zara), erasure by e-mail (Mona), fresh (Anne), answered (Per)."""
    zara = cases.log_request(
        db, phone_request("Zara Zahl", received=days_ago(60), phone="+47 912 34 567")
    )
    mona = cases.log_request(
        db,
        phone_request(
            "Mona Moe",
            received=days_ago(20),
            phone=None,
            email="mona@example.no",
            types=(RequestType.ERASURE,),
        ),
    )
    anne = cases.log_request(db, phone_request("Anne Aasen", received=days_ago(2), phone=None))
    per = cases.log_request(db, phone_request("Per Pedersen", received=days_ago(9), phone=None))
    workflow.mark_answered(db, per.reference, on=cases.today_oslo(), method="post")
    return {
        "zara": zara.reference,
        "mona": mona.reference,
        "anne": anne.reference,
        "per": per.reference,
    }


# --- the case list -------------------------------------------------------------------------


def test_case_list_shows_logged_cases_with_due_dates_and_days_left(
    db: Database, logged: dict[str, str], qtbot: QtBot
) -> None:
    win = MainWindow(db)
    qtbot.addWidget(win)
    today = cases.today_oslo()
    refs = shown_references(win)
    assert set(refs) == set(logged.values())
    for name, days in (("zara", 60), ("mona", 20), ("anne", 2)):
        row = refs.index(logged[name])
        due = deadlines.due_date(days_ago(days).date())
        assert cell(win, row, CaseTableModel.COL_DUE) == format_date(due)
        assert cell(win, row, CaseTableModel.COL_DAYS_LEFT).split(" ")[0] == str((due - today).days)
    assert cell(win, refs.index(logged["zara"]), CaseTableModel.COL_DAYS_LEFT).endswith("(overdue)")
    assert win.case_count_label.text() == "4 case(s) shown"


def test_sorting_by_clicking_headers_reorders_rows(
    window: MainWindow, logged: dict[str, str]
) -> None:
    window.refresh_all()
    zara, mona, anne, per = (logged[k] for k in ("zara", "mona", "anne", "per"))
    # Default: by due date, earliest first.
    assert shown_references(window)[0] == zara
    window.case_table.sortByColumn(CaseTableModel.COL_DUE, Qt.SortOrder.AscendingOrder)
    due_order = shown_references(window)
    assert due_order[0] == zara and due_order[-1] == anne
    window.case_table.sortByColumn(CaseTableModel.COL_DUE, Qt.SortOrder.DescendingOrder)
    assert shown_references(window) == list(reversed(due_order))
    window.case_table.sortByColumn(CaseTableModel.COL_SUBJECT, Qt.SortOrder.AscendingOrder)
    assert shown_references(window) == [anne, mona, per, zara]
    window.case_table.sortByColumn(CaseTableModel.COL_SUBJECT, Qt.SortOrder.DescendingOrder)
    assert shown_references(window) == [zara, per, mona, anne]
    # The filters keep the sort chosen in the table.
    choose(window.status_filter, STATUS_OPEN)
    assert shown_references(window) == [zara, mona, anne]


def test_filters_by_status_type_and_due_window(window: MainWindow, logged: dict[str, str]) -> None:
    window.refresh_all()
    all_refs = set(logged.values())
    choose(window.status_filter, STATUS_OPEN)
    assert set(shown_references(window)) == all_refs - {logged["per"]}
    choose(window.status_filter, Status.ANSWERED.value)
    assert shown_references(window) == [logged["per"]]
    choose(window.status_filter, Status.NEW.value)
    assert set(shown_references(window)) == {logged["zara"], logged["mona"], logged["anne"]}
    choose(window.status_filter, "all")
    assert set(shown_references(window)) == all_refs

    choose(window.type_filter, RequestType.ERASURE.value)
    assert shown_references(window) == [logged["mona"]]
    choose(window.type_filter, None)

    choose(window.due_filter, DUE_OVERDUE)
    assert shown_references(window) == [logged["zara"]]
    # Mona's deadline is about ten days off: in neither window, but the overdue case is.
    mona_left = deadlines.days_left(deadlines.due_date(days_ago(20).date()), cases.today_oslo())
    choose(window.due_filter, DUE_3_DAYS)
    assert shown_references(window) == [logged["zara"]]
    choose(window.due_filter, DUE_7_DAYS)
    expected_7 = [logged["zara"]] + ([logged["mona"]] if mona_left <= 7 else [])
    assert shown_references(window) == expected_7
    choose(window.due_filter, "any")
    assert window.case_model.rowCount() == 4
    assert window.case_count_label.text() == "4 case(s) shown"


def test_search_box_finds_by_name_email_phone_and_reference(
    window: MainWindow, logged: dict[str, str], qtbot: QtBot
) -> None:
    window.refresh_all()
    # Typing: the list follows after a short pause.
    qtbot.keyClicks(window.case_search, "Zar")
    qtbot.waitUntil(lambda: shown_references(window) == [logged["zara"]])

    def search(text: str) -> list[str]:
        window.case_search.setText(text)
        qtbot.keyClick(window.case_search, Qt.Key.Key_Return)
        return shown_references(window)

    assert search("mona@example.no") == [logged["mona"]]
    assert search("91234567") == [logged["zara"]]  # phone digits without +47
    assert search(logged["anne"]) == [logged["anne"]]
    assert search("aasen") == [logged["anne"]]
    assert search("nobody-like-this") == []
    assert window.case_count_label.text() == "0 case(s) shown"
    assert len(search("")) == 4


def test_enter_or_double_click_opens_the_case(
    window: MainWindow, logged: dict[str, str], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.refresh_all()
    opened: list[str] = []
    monkeypatch.setattr(window, "open_case", opened.append)
    table = window.case_table
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened == [logged["zara"]]
    rect = table.visualRect(window.case_model.index(1, 1))
    # A real double-click is a press, a release, then the double-click event.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened[1:] == [shown_references(window)[1]]  # once, not twice


def test_find_shortcut_focuses_the_search_box(window: MainWindow, qtbot: QtBot) -> None:
    assert window.find_action.shortcut() == QKeySequence("Ctrl+F")
    assert window.new_phone_action.shortcut() == QKeySequence("Ctrl+N")
    assert window.import_action.shortcut() == QKeySequence("Ctrl+I")
    assert window.quit_action.shortcut() == QKeySequence("Ctrl+Q")
    window.activateWindow()
    window.case_table.setFocus()
    window.find_action.trigger()
    qtbot.waitUntil(lambda: window.case_search.hasFocus())
    window.tabs.setCurrentWidget(window.subjects_tab)
    window.find_action.trigger()
    qtbot.waitUntil(lambda: window.subject_search.hasFocus())
    window.tabs.setCurrentWidget(window.dashboard)
    window.find_action.trigger()  # from the overview, Ctrl+F goes to the case search
    qtbot.waitUntil(lambda: window.case_search.hasFocus())
    assert window.tabs.currentWidget() is window.cases_tab


def test_status_bar_counts_follow_every_change(
    window: MainWindow, db: Database, logged: dict[str, str], messages: Messages
) -> None:
    today = cases.today_oslo()
    # One case due within the week (not overdue): received about a month less five days ago.
    received = next(
        days_ago(n)
        for n in range(20, 40)
        if 0 <= deadlines.days_left(deadlines.due_date(days_ago(n).date()), today) <= 7
    )
    cases.log_request(db, phone_request("Vera Veke", received=received, phone=None))
    window.refresh_all()
    week = sum(
        1
        for row in cases.list_cases(db, cases.CaseQuery(open_only=True))
        if 0 <= (row.due - today).days <= 7
    )
    assert week >= 1
    assert window.stats_label.text() == f"Open cases: 4 · Due this week: {week} · Overdue: 1"

    view = window.open_case(logged["zara"])
    assert view is not None
    assert view.do_mark_answered(today, AnswerMethod.EMAIL.value)
    assert window.stats_label.text() == f"Open cases: 3 · Due this week: {week} · Overdue: 0"
    assert messages == []


# --- intake: drag and drop ---------------------------------------------------------------------


def test_dropping_an_email_opens_intake_and_the_case_appears(
    window: MainWindow, accept_intake: list[str], messages: Messages, qtbot: QtBot
) -> None:
    sample = EMAIL_SAMPLES / "access-request-nb.eml"
    assert sample.is_file()
    assert drop_files(window, [sample])
    qtbot.waitUntil(lambda: window.case_model.rowCount() == 1)
    assert messages == []
    assert len(accept_intake) == 1
    reference = accept_intake[0]
    assert shown_references(window) == [reference]
    # Received Monday 2 Mar 2026: 2 Apr is Maundy Thursday, then Easter: due 7 Apr 2026.
    assert cell(window, 0, CaseTableModel.COL_DUE) == "07.04.2026"
    assert cell(window, 0, CaseTableModel.COL_RECEIVED) == "02.03.2026"
    assert cell(window, 0, CaseTableModel.COL_SUBJECT) == "Kari Nordmann"
    assert cell(window, 0, CaseTableModel.COL_CHANNEL) == "email"
    assert "Open cases: 1" in window.stats_label.text()

    view = window.open_case(reference)
    assert view is not None
    assert view.sender_label.text() == "Kari Nordmann <kari.nordmann@example.no>"
    assert "innsyn" in view.email_body.toPlainText()
    doc = view.email_document()
    assert doc is not None and len(doc.sha256) == 64
    assert view.stored_sha_label.text() == doc.sha256
    target = Path(window.db.path).parent / "saved.eml"
    assert view.save_original(target)
    assert target.read_bytes() == sample.read_bytes()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # personal data: owner-only


def test_dropping_a_file_that_is_no_email_shows_a_message_and_adds_nothing(
    window: MainWindow, tmp_path: Path, messages: Messages, qtbot: QtBot, db: Database
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not an e-mail", encoding="utf-8")
    drop_files(window, [notes])
    qtbot.waitUntil(lambda: len(messages) == 1)
    kind, _title, text = messages[0]
    assert kind == "information"
    assert "notes.txt" in text and ".eml" in text
    assert window.case_model.rowCount() == 0
    assert cases.count_cases(db, cases.CaseQuery()) == 0


def test_a_fake_eml_shows_why_and_saves_nothing(
    window: MainWindow, tmp_path: Path, messages: Messages, db: Database, qtbot: QtBot
) -> None:
    fake = tmp_path / "invoice.eml"
    fake.write_bytes(b"%PDF-1.7\n" + b"x" * 2000)
    window.import_email_paths([fake])
    assert len(messages) == 1
    assert messages[0][0] == "warning"
    assert "PDF" in messages[0][2]
    assert cases.count_cases(db, cases.CaseQuery()) == 0


def test_dropping_several_emails_imports_them_in_the_background(
    window: MainWindow, tmp_path: Path, messages: Messages, db: Database, qtbot: QtBot
) -> None:
    bad = tmp_path / "broken.eml"
    bad.write_bytes(b"%PDF-1.7\n" + b"x" * 2000)
    files = [
        EMAIL_SAMPLES / "access-request-nb.eml",
        EMAIL_SAMPLES / "erasure-request-en-html.eml",
        bad,
    ]
    drop_files(window, files)
    qtbot.waitUntil(lambda: window.import_summary is not None, timeout=20_000)
    assert not window.import_running
    assert window.import_progress.isHidden()
    summary = window.import_summary
    assert summary is not None
    rows = summary.rows()
    assert [r[0] for r in rows] == [
        "access-request-nb.eml",
        "erasure-request-en-html.eml",
        "broken.eml",
    ]
    assert rows[0][1].startswith("2026-") and rows[0][2].startswith("02.03.2026")
    assert rows[1][1].count("-") == 1 and rows[1][1][:2] == "20"
    assert "PDF" in rows[2][1]
    assert "2 of 3 files imported" in summary.summary_label.text()
    assert cases.count_cases(db, cases.CaseQuery()) == 2
    assert window.case_model.rowCount() == 2
    assert "Open cases: 2" in window.stats_label.text()
    assert messages == []


def test_an_import_can_be_cancelled(
    window: MainWindow, db: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services import intake

    started = threading.Event()
    release = threading.Event()
    real = intake.draft_from_email

    def slow_draft(path: Path, language: str = "en") -> intake.EmailDraft:
        started.set()
        release.wait(10)
        return real(path, language)

    monkeypatch.setattr(intake, "draft_from_email", slow_draft)
    files = [EMAIL_SAMPLES / "access-request-nb.eml"] * 5
    job = window.start_email_import(files)
    assert job is not None and window.import_running
    assert window.import_progress.isVisible() and window.import_cancel.isVisible()
    assert started.wait(10)
    qtbot.mouseClick(window.import_cancel, Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: window.import_summary is not None, timeout=20_000)
    assert window.import_summary is not None
    assert "Cancelled" in window.import_summary.summary_label.text()
    assert len(window.last_import_outcomes) == 1
    assert cases.count_cases(db, cases.CaseQuery()) == 1


# --- the case view -----------------------------------------------------------------------------


def test_extension_after_the_due_date_is_refused_and_nothing_changes(
    window: MainWindow, db: Database, logged: dict[str, str], messages: Messages
) -> None:
    reference = logged["zara"]  # received 60 days ago: its month is over
    before = cases.get_case(db, reference)
    view = window.open_case(reference)
    assert view is not None
    assert not view.do_extend("Many systems to search", cases.today_oslo(), cases.today_oslo())
    assert len(messages) == 1
    kind, _title, text = messages[0]
    assert kind == "warning"
    assert "has passed" in text and "not allowed" in text
    after = cases.get_case(db, reference)
    assert after == before
    assert view.due_label.text().startswith(format_date(before.due))
    assert view.extension_label.text() == "not extended"


def test_extension_within_the_month_moves_the_due_date_by_three_months(
    window: MainWindow, db: Database, logged: dict[str, str], messages: Messages, qtbot: QtBot
) -> None:
    reference = logged["anne"]
    received = days_ago(2).date()
    view = window.open_case(reference)
    assert view is not None
    with qtbot.waitSignal(view.changed):
        assert view.do_extend("Records in four systems", received, received + dt.timedelta(1))
    assert messages == []
    extended = deadlines.due_date(received, extended=True)
    assert extended == deadlines.next_working_day(received + relativedelta(months=3))
    detail = cases.get_case(db, reference)
    assert detail.due == extended and detail.extended
    assert view.due_label.text().startswith(format_date(extended))
    assert "Records in four systems" in view.extension_label.text()
    assert "extended" in [row[2] for row in view.timeline_rows()]
    assert not view.extend_button.isEnabled()
    # The main list follows.
    row = shown_references(window).index(reference)
    assert cell(window, row, CaseTableModel.COL_DUE) == format_date(extended)


def test_extend_button_opens_its_dialog_which_validates(
    window: MainWindow, db: Database, logged: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    view = window.open_case(logged["anne"])
    assert view is not None
    received = days_ago(2).date()
    seen: list[ExtendDialog] = []

    def fill_and_ok(dialog: ExtendDialog) -> int:
        seen.append(dialog)
        dialog.fill("", received, received)
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        assert dialog.result() != QDialog.DialogCode.Accepted  # reasons are required
        assert not dialog.error.isHidden()
        assert "reasons" in dialog.error.text()
        dialog.fill("Complex: three archives", received, received)
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        return int(dialog.result())

    monkeypatch.setattr(ExtendDialog, "exec", fill_and_ok)
    view.extend_button.click()
    assert len(seen) == 1
    assert cases.get_case(db, logged["anne"]).extended


def test_every_action_button_goes_through_its_dialog(
    window: MainWindow, db: Database, logged: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.ui import case_dialogs as cv

    today = cases.today_oslo()
    fills: dict[type[ActionDialog], Callable[[ActionDialog], None]] = {
        cv.AskIdentificationDialog: lambda d: d.fill(today),  # type: ignore[attr-defined]
        cv.IdentificationArrivedDialog: lambda d: d.fill(today),  # type: ignore[attr-defined]
        cv.VerifyIdentityDialog: lambda d: d.fill(  # type: ignore[attr-defined]
            IdentityMethod.OTHER.value, IdentityResult.VERIFIED.value, "Met at the office", today
        ),
        cv.AddNoteDialog: lambda d: d.fill("Asked IT for the logs."),  # type: ignore[attr-defined]
        cv.ChangeStatusDialog: lambda d: d.fill(Status.WITHDRAWN, "Withdrawn by phone"),  # type: ignore[attr-defined]
    }

    def fill_and_accept(dialog: ActionDialog) -> int:
        fills[type(dialog)](dialog)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(ActionDialog, "exec", fill_and_accept)
    view = window.open_case(logged["mona"])
    assert view is not None
    for button in (
        view.ask_id_button,
        view.id_arrived_button,
        view.verify_button,
        view.note_button,
        view.status_button,
    ):
        assert button.isEnabled(), button.objectName()
        button.click()
    detail = cases.get_case(db, logged["mona"])
    assert [e.kind for e in detail.events] == [
        "received",
        "identity requested",
        "identity received",
        "identity",
        "note",
        "status",
    ]
    assert detail.status is Status.WITHDRAWN
    assert detail.identity_notes == "Met at the office"
    assert view.status_label.text() == "withdrawn"


def test_the_answer_dialog_and_a_method_that_needs_notes(
    window: MainWindow, db: Database, logged: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.ui import case_dialogs as cv

    today = cases.today_oslo()
    verify = cv.VerifyIdentityDialog(today=today)
    verify.fill(IdentityMethod.OTHER.value, IdentityResult.VERIFIED.value, "")
    verify.accept()
    assert verify.result() != QDialog.DialogCode.Accepted
    assert "notes" in verify.error.text()

    def answer(dialog: cv.MarkAnsweredDialog) -> int:
        dialog.fill(today, AnswerMethod.POST.value, "Sent by letter")
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(cv.MarkAnsweredDialog, "exec", answer)
    view = window.open_case(logged["anne"])
    assert view is not None
    view.answered_button.click()
    detail = cases.get_case(db, logged["anne"])
    assert detail.answered_on == today and detail.answer_method == "post"
    assert not view.answered_button.isEnabled()


def test_identity_pause_resume_note_and_answer_appear_on_the_timeline(
    window: MainWindow, db: Database, logged: dict[str, str], messages: Messages
) -> None:
    reference = logged["mona"]
    today = cases.today_oslo()
    view = window.open_case(reference)
    assert view is not None
    assert view.adjusted_label.isHidden()
    assert not view.id_arrived_button.isEnabled()

    assert view.do_ask_identification(today)
    assert view.status_label.text() == "awaiting identity"
    assert not view.adjusted_label.isHidden()
    assert "adjusted for the identity pause (the strict date counts)" in (
        view.adjusted_label.text()
    )
    assert view.id_arrived_button.isEnabled()
    assert view.do_identification_arrived(today)
    assert view.status_label.text() == "in progress"

    assert view.do_verify_identity(
        IdentityMethod.KNOWN_EMAIL.value, IdentityResult.VERIFIED, "reply received", today
    )
    assert IdentityMethod.KNOWN_EMAIL.value in view.identity_label.text()
    assert view.do_add_note("Searched the CRM and the web shop.")
    assert view.notes_list.count() == 1
    assert "Searched the CRM" in view.notes_list.item(0).text()
    assert view.do_change_status(Status.IN_PROGRESS, "") is False  # already in progress
    assert messages[-1][0] == "warning" and "already" in messages[-1][2]
    assert view.do_mark_answered(today, AnswerMethod.EMAIL.value, "statement sent")
    assert view.status_label.text() == "answered"
    assert not view.answered_button.isEnabled()

    kinds = [row[2] for row in view.timeline_rows()]
    assert kinds == [
        "received",
        "identity requested",
        "identity received",
        "identity",
        "note",
        "answered",
    ]
    times = [row[0] for row in view.timeline_rows()]
    assert all(len(t) == len("24.11.2026 21:05") for t in times)
    assert all(row[1] for row in view.timeline_rows())  # the user is recorded
    assert [e.kind for e in cases.get_case(db, reference).events] == kinds
    assert len(messages) == 1  # only the refused status change


def test_a_user_error_changes_nothing(
    window: MainWindow, db: Database, logged: dict[str, str], messages: Messages
) -> None:
    view = window.open_case(logged["anne"])
    assert view is not None
    before = cases.get_case(db, logged["anne"])
    assert not view.do_add_note("   ")
    assert not view.do_identification_arrived(cases.today_oslo())  # nothing was asked for
    assert not view.do_mark_answered(cases.today_oslo(), "  ")
    assert [m[0] for m in messages] == ["warning"] * 3
    assert cases.get_case(db, logged["anne"]) == before


def test_views_name_their_widgets_for_assistive_technology(
    window: MainWindow, logged: dict[str, str]
) -> None:
    window.build_all_tabs()  # the tabs not shown yet are built when first opened
    view = window.open_case(logged["zara"])
    assert view is not None
    subject_view = view.open_subject()
    assert subject_view is not None
    kinds = (QLineEdit, QComboBox, QAbstractItemView, QPushButton, QPlainTextEdit, QDateEdit)
    for root in (window, view, subject_view):
        for widget in root.findChildren(QWidget):
            if not isinstance(widget, kinds) or widget.objectName().startswith("qt_"):
                continue
            if isinstance(widget, QHeaderView):
                continue  # part of its table, which carries the name
            parent = widget.parent()
            if parent is not None and parent.metaObject().className().startswith("QComboBox"):
                continue  # the combo box's own popup list
            assert widget.objectName(), widget
            assert widget.accessibleName(), widget.objectName()


def test_subject_view_lists_the_subjects_cases_and_opens_one(
    window: MainWindow, db: Database, logged: dict[str, str]
) -> None:
    view = window.open_case(logged["zara"])
    assert view is not None
    subject_view = view.open_subject()
    assert subject_view is not None
    assert subject_view.name_label.text() == "Zara Zahl"
    assert subject_view.phones_label.text() == "+4791234567"
    model = subject_view.model
    assert model.rowCount() == 1
    assert model.data(model.index(0, 0), ReferenceRole) == logged["zara"]
    opened = subject_view.open_case(logged["zara"])
    assert isinstance(opened, CaseView)
    assert opened.do_add_note("From the subject view")
    # The change reaches the first case view and the main window.
    assert view.notes_list.count() == 1


# --- starting --------------------------------------------------------------------------------


def test_run_gui_reports_a_database_it_cannot_open(tmp_path: Path, messages: Messages) -> None:
    from app.ui.app import run_gui

    folder = tmp_path / "a-folder"
    folder.mkdir()
    assert run_gui(folder) == 1
    assert len(messages) == 1
    assert messages[0][0] == "critical"
    assert "folder" in messages[0][2]
    assert QApplication.applicationName() == "Innsyn"
    assert QApplication.organizationName() == "Innsyn"


def test_run_gui_opens_the_main_window_on_the_database(
    tmp_path: Path, messages: Messages, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services.backup import list_backups
    from app.ui.app import run_gui
    from app.ui.unlock import Unlocker

    offered: list[str] = []
    monkeypatch.setattr(
        Unlocker, "offer_recovery_sheet", lambda self, db: offered.append(db.database_id)
    )
    seen: list[MainWindow] = []

    def look_and_quit() -> None:
        seen.extend(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        for found in seen:
            found.close()
        QApplication.quit()

    QTimer.singleShot(200, look_and_quit)
    assert run_gui(tmp_path / "new.sqlite3") == 0
    # run_gui ended the application's event loop; start and end it once more so Qt's quit
    # flag is reset and later tests' event loops run.
    QTimer.singleShot(0, QCoreApplication.quit)
    QCoreApplication.exec()
    assert (tmp_path / "new.sqlite3").is_file()
    assert len(seen) == 1
    assert seen[0].stats_label.text() == "Open cases: 0 · Due this week: 0 · Overdue: 0"
    assert messages == []
    assert len(offered) == 1  # a new database: the recovery sheet is offered once
    assert len(list_backups(offered[0])) == 1  # the backup on closing


def test_looking_at_a_case_changes_nothing_until_the_rights_tab_is_opened(
    window: MainWindow, db: Database, logged: dict[str, str]
) -> None:
    view = window.open_case(logged["mona"])  # an erasure request
    assert view is not None
    assert [e.kind for e in cases.get_case(db, logged["mona"]).events] == ["received"]
    assert view.tabs.isTabVisible(view._rights_tab_index)
    view.tabs.setCurrentIndex(view._rights_tab_index)
    assert view.rights_panel is not None
    kinds = [e.kind for e in cases.get_case(db, logged["mona"]).events]
    assert "erasure matrix" in kinds  # drawn up from the register when first shown


def test_layout_columns_and_filters_are_remembered(qtbot: QtBot, db: Database) -> None:
    first = MainWindow(db)
    qtbot.addWidget(first)
    first.show()
    first.status_filter.setCurrentIndex(first.status_filter.findData(STATUS_OPEN))
    first.type_filter.setCurrentIndex(2)
    first.case_table.setColumnWidth(1, 333)
    first.close()
    second = MainWindow(db)
    qtbot.addWidget(second)
    second.show()
    assert second.status_filter.currentData() == STATUS_OPEN
    assert second.type_filter.currentIndex() == 2
    assert second.case_table.columnWidth(1) == 333
    assert second.case_query().open_only


def test_due_bands_stay_readable_on_a_dark_palette(
    window: MainWindow, logged: dict[str, str]
) -> None:
    from PySide6.QtGui import QColor, QPalette

    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Base, QColor("#202020"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#f0f0f0"))
    QApplication.setPalette(dark)
    try:
        model = window.case_model
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            background = model.data(index, Qt.ItemDataRole.BackgroundRole)
            if background is None:
                continue
            foreground = model.data(index, Qt.ItemDataRole.ForegroundRole)
            bg = background.color() if hasattr(background, "color") else QColor(background)
            fg = foreground.color() if hasattr(foreground, "color") else QColor(foreground)
            # The band's text colour is set with its background, never left to the palette.
            assert abs(bg.lightness() - fg.lightness()) > 120
    finally:
        QApplication.setPalette(QApplication.style().standardPalette())


def test_file_menu_exports_calendar_annual_report_and_backup(
    qtbot: QtBot,
    window: MainWindow,
    logged: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages: Messages,
) -> None:
    from app.services import backup, calendar, exports
    from app.services.backup import list_backups

    # Each slow call runs on a worker, its action disabled meanwhile, the window answering.
    threads: dict[str, threading.Thread] = {}

    def recording(name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def on_worker(*args: Any, **kwargs: Any) -> Any:
            threads[name] = threading.current_thread()
            return real(*args, **kwargs)

        return on_worker

    for module, name in (
        (calendar, "write_calendar"),
        (exports, "export_annual_report"),
        (backup, "make_backup"),
    ):
        monkeypatch.setattr(module, name, recording(name, getattr(module, name)))

    chosen: list[Path] = []

    def save_as(*_args: object, **_kw: object) -> tuple[str, str]:
        return str(chosen[-1]), ""

    def ended(action: QAction, message: str) -> None:
        qtbot.waitUntil(lambda: message in window.statusBar().currentMessage())
        assert action.isEnabled() and not window.status_busy.isVisible()

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    chosen.append(tmp_path / "frister.ics")
    window.calendar_action.trigger()
    ended(window.calendar_action, "deadline(s) saved")
    text = chosen[-1].read_text(encoding="utf-8")
    assert "BEGIN:VEVENT" in text and logged["anne"] in text
    assert "deadline(s) saved" in window.statusBar().currentMessage()
    chosen.append(tmp_path / "report.pdf")
    window.annual_report_action.trigger()
    ended(window.annual_report_action, "Annual report")
    assert chosen[-1].read_bytes().startswith(b"%PDF")
    window.backup_action.trigger()
    ended(window.backup_action, "Backup written")
    assert len(list_backups(window.db.database_id)) == 1
    assert messages == []
    assert set(threads) == {"write_calendar", "export_annual_report", "make_backup"}
    assert all(t is not threading.main_thread() for t in threads.values())


def test_a_slow_menu_call_disables_its_action_while_it_runs(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, messages: Messages
) -> None:
    from app.services import backup

    release = threading.Event()
    real = backup.make_backup

    def slow(*args: Any) -> Path:
        release.wait(10)
        return real(*args)

    monkeypatch.setattr(backup, "make_backup", slow)
    window.backup_action.trigger()
    assert not window.backup_action.isEnabled()
    assert window.status_busy.isVisible()
    assert window.statusBar().currentMessage() == "Backing up…"
    qtbot.wait(20)  # the event loop runs: the window is not blocked by the backup
    release.set()
    qtbot.waitUntil(lambda: "Backup written" in window.statusBar().currentMessage())
    assert window.backup_action.isEnabled() and not window.status_busy.isVisible()
    assert messages == []
