"""The rights panel, driven through its widgets, checked against the database it writes.

Message boxes, input dialogs and file dialogs are patched so that nothing blocks: each test
says what the officer answers."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # conftest sets it too; before Qt

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
)
from pytestqt.qtbot import QtBot

from app.core.model import RequestType, Status
from app.services import cases, register, rights, subjects, workflow
from app.store.database import Database
from app.ui import rights_panel as rp
from app.ui.restriction_banner import RestrictionBanner
from app.ui.rights_panel import RightsPanel
from tests.conftest import oslo, phone_request

Messages = list[tuple[str, str]]


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> Messages:
    """Warnings and information are recorded instead of shown; a question is a failure
    unless a test answers it."""
    calls: Messages = []

    def recorder(kind: str) -> Any:
        def record(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> Any:
            calls.append((kind, text))
            return QMessageBox.StandardButton.Ok

        return record

    def question(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> Any:
        raise AssertionError(f"unexpected question: {text}")

    for kind in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(recorder(kind)))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return calls


class Asked(list[str]):
    """The questions QInputDialog.getText was asked; `answers` are given in turn, and with
    none left the officer cancels."""

    def __init__(self) -> None:
        super().__init__()
        self.answers: list[str] = []


@pytest.fixture
def texts_asked(monkeypatch: pytest.MonkeyPatch) -> Asked:
    asked = Asked()

    def get_text(_parent: Any, _title: str, label: str, *_a: Any, **_k: Any) -> tuple[str, bool]:
        asked.append(label)
        if not asked.answers:
            return "", False
        return asked.answers.pop(0), True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    return asked


def make_case(db: Database, *types: RequestType, last_purchase: str | None = "2026-03-15") -> str:
    ref = cases.log_request(
        db,
        phone_request(
            "Ragnhild Ødegård",
            types=types,
            email="ragnhild@example.no",
            received=oslo(2026, 11, 2),
        ),
    ).reference
    if last_purchase and RequestType.RECTIFICATION in types:
        rights.rectify(db, ref, {"last_purchase": last_purchase})
    return ref


def panel_for(qtbot: QtBot, db: Database, ref: str) -> RightsPanel:
    panel = RightsPanel(db, ref)
    qtbot.addWidget(panel)
    panel.resize(1100, 900)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def combo_of(panel: RightsPanel, applies_to: str) -> QComboBox:
    for row in range(panel.matrix.rowCount()):
        item = panel.matrix.item(row, 1)
        if item is not None and item.text() == applies_to:
            combo = panel.matrix.cellWidget(row, 2)
            assert isinstance(combo, QComboBox)
            return combo
    raise AssertionError(f"no line for {applies_to}")


def select_row(table: QTableWidget, text: str) -> None:
    for row in range(table.rowCount()):
        item = table.item(row, 0)
        if item is not None and item.text() == text:
            table.setCurrentCell(row, 0)
            return
    raise AssertionError(f"no row {text!r}")


# --- erasure ---------------------------------------------------------------------------------------


def test_the_matrix_shows_the_defaults(qtbot: QtBot, db: Database, messages: Messages) -> None:
    ref = make_case(db, RequestType.ERASURE, RequestType.RECTIFICATION)
    panel = panel_for(qtbot, db, ref)
    assert panel.erasure_group.isVisible() and panel.rectify_group.isVisible()
    assert not panel.restrict_group.isVisible() and not panel.objection_group.isVisible()
    assert panel.notices_group.isVisible() and panel.tasks_group.isVisible()
    rows = panel.matrix_rows()
    assert (
        "Provision of products and services",
        "Invoices and payments",
        "keep",
        "Art. 17(3)(b) legal obligation: bokføringsloven § 13",
        "31.12.2036",
        "(default)",
    ) in rows
    assert (
        "Website analytics and remarketing (Google Analytics)",
        "Analytics data",
        "erase",
        "",
        "",
        "(default)",
    ) in rows
    assert len(rows) == 5
    assert messages == []
    assert panel.banner.isHidden()


def test_changing_a_line_asks_for_a_reason(
    qtbot: QtBot, db: Database, messages: Messages, texts_asked: Asked
) -> None:
    ref = make_case(db, RequestType.ERASURE, RequestType.RECTIFICATION)
    panel = panel_for(qtbot, db, ref)

    # The officer cancels the reason: nothing changes, the combo goes back.
    combo = combo_of(panel, "Analytics data")
    combo.setCurrentIndex(combo.findData("keep"))
    assert len(texts_asked) == 1 and "default" in texts_asked[0]
    line = next(ln for ln in rights.erasure_matrix(db, ref) if ln.applies_to == "Analytics data")
    assert line.decision == "erase" and line.is_default
    assert combo_of(panel, "Analytics data").currentData() == "erase"

    # Now with a reason, and the Art. 17(3) ground asked next.
    texts_asked.answers += ["A claim about a campaign is pending", "Art. 17(3)(e) legal claims"]
    combo = combo_of(panel, "Analytics data")
    combo.setCurrentIndex(combo.findData("keep"))
    assert len(texts_asked) == 3 and "17(3)" in texts_asked[2]
    line = next(ln for ln in rights.erasure_matrix(db, ref) if ln.applies_to == "Analytics data")
    assert (line.decision, line.ground, line.reason, line.is_default) == (
        "keep",
        "Art. 17(3)(e) legal claims",
        "A claim about a campaign is pending",
        False,
    )
    shown = next(r for r in panel.matrix_rows() if r[1] == "Analytics data")
    assert shown[2:4] == ("keep", "Art. 17(3)(e) legal claims")
    assert shown[5] == "A claim about a campaign is pending"
    assert messages == []


def test_apply_erasure_through_the_panel(
    qtbot: QtBot,
    db: Database,
    messages: Messages,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    ref = make_case(db, RequestType.ERASURE, RequestType.RECTIFICATION)
    panel = panel_for(qtbot, db, ref)
    questions: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> Any:
        questions.append(text)
        return QMessageBox.StandardButton.Yes

    target = tmp_path / "out" / "confirmation.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target), ""))
    )
    with qtbot.waitSignal(panel.documentCreated, timeout=5000) as created:
        qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    assert len(questions) == 1
    assert "Invoices and payments" in questions[0] and "cannot be undone" in questions[0]
    assert messages == []

    detail = cases.get_case(db, ref)
    assert created.args == [panel.last_result.letter_document_id]  # type: ignore[union-attr]
    assert detail.subject_name.startswith("S-")
    assert subjects.get_subject(db, detail.subject_id).erased
    text = " ".join(PdfReader(io.BytesIO(target.read_bytes())).pages[0].extract_text().split())
    assert "Opplysningene dine er slettet" in text
    assert not panel.apply_button.isEnabled()
    assert detail.subject_name in panel.erasure_status.text()
    assert all(r[2] in ("erase", "keep") for r in panel.matrix_rows())
    assert not any(
        combo_of(panel, applies_to).isEnabled()
        for applies_to in ("Invoices and payments", "Analytics data")
    )


def test_apply_erasure_declined_changes_nothing(
    qtbot: QtBot, db: Database, messages: Messages, monkeypatch: pytest.MonkeyPatch
) -> None:
    ref = make_case(db, RequestType.ERASURE, RequestType.RECTIFICATION)
    panel = panel_for(qtbot, db, ref)
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.No)
    )
    panel.apply_button.click()
    assert not subjects.get_subject(db, cases.get_case(db, ref).subject_id).erased


# --- notices and closing -------------------------------------------------------------------------------


def test_mark_a_notice_and_close_with_the_open_notice_rule(
    qtbot: QtBot, db: Database, messages: Messages, monkeypatch: pytest.MonkeyPatch
) -> None:
    ref = make_case(db, RequestType.RECTIFICATION)
    panel = panel_for(qtbot, db, ref)
    assert panel.notices_table.rowCount() == len(register.list_recipients(db))

    def notified(dialog: rp.DoneDialog) -> int:
        dialog.on_edit.setDate(rp.to_qdate(cases.today_oslo()))
        assert dialog.method_combo is not None
        dialog.method_combo.setCurrentIndex(dialog.method_combo.findData("post"))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(rp.DoneDialog, "exec", notified)
    select_row(panel.notices_table, "Google Ireland Limited (Google Analytics)")
    panel.notified_button.click()
    google = next(n for n in rights.notices(db, ref) if n.recipient.startswith("Google"))
    assert (google.status, google.method, google.notified_on) == (
        "notified",
        "post",
        cases.today_oslo(),
    )
    row = next(
        r
        for r in range(panel.notices_table.rowCount())
        if panel.notices_table.item(r, 0).text().startswith("Google")  # type: ignore[union-attr]
    )
    assert panel.notices_table.item(row, 3).text() == cases.today_oslo().strftime("%d.%m.%Y")  # type: ignore[union-attr]

    def not_notified(dialog: rp.NotNotifiedDialog) -> int:
        dialog.ground_combo.setCurrentIndex(dialog.ground_combo.findData("impossible"))
        dialog.reason_edit.setPlainText("They hold no customer data")
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(rp.NotNotifiedDialog, "exec", not_notified)
    select_row(panel.notices_table, "IT operations provider")
    panel.not_notified_button.click()
    it_ops = next(n for n in rights.notices(db, ref) if n.recipient == "IT operations provider")
    assert it_ops.status == "not notified"
    assert it_ops.reason == "impossible: They hold no customer data"

    # Closing before the answer: refused, and said so.
    notes: list[str] = []

    def note(_parent: Any, _title: str, label: str, *_a: Any, **_k: Any) -> tuple[str, bool]:
        notes.append(label)
        return "", True

    monkeypatch.setattr(QInputDialog, "getMultiLineText", staticmethod(note))
    panel.close_button.click()
    assert "answer, refuse or withdraw" in messages[-1][1]

    workflow.mark_answered(db, ref, on=cases.today_oslo(), method="post")
    panel.reload()
    panel.close_button.click()  # two notices still open, and no note given
    assert notes and "2 recipient notice" in notes[-1]
    assert messages[-1][0] == "warning" and "still open" in messages[-1][1]
    assert cases.get_case(db, ref).status is Status.ANSWERED

    monkeypatch.setattr(
        QInputDialog,
        "getMultiLineText",
        staticmethod(lambda *_a, **_k: ("Told by phone; confirmation awaited", True)),
    )
    with qtbot.waitSignal(panel.changed, timeout=5000):
        panel.close_button.click()
    assert cases.get_case(db, ref).status is Status.CLOSED
    assert not panel.close_button.isEnabled()


# --- rectification, letters -------------------------------------------------------------------------------


def test_rectify_through_the_form_and_generate_the_letter(
    qtbot: QtBot, db: Database, messages: Messages
) -> None:
    ref = make_case(db, RequestType.RECTIFICATION, last_purchase=None)
    panel = panel_for(qtbot, db, ref)
    assert panel.name_edit.text() == "Ragnhild Ødegård"
    panel.address_edit.setPlainText("Fjellveien 12\n5003 Bergen")
    panel.emails_edit.setText("ragnhild@example.no, ny@example.no")
    panel.purchase_check.setChecked(True)
    panel.purchase_edit.setDate(rp.to_qdate(dt.date(2026, 3, 15)))
    panel.rectify_button.click()
    assert messages == []
    changed = [c.field for c in rights.field_changes(db, ref)]
    assert changed == ["postal_address", "emails", "last_purchase"]
    assert panel.changes_table.rowCount() == 3

    panel.emails_edit.setText("not an address")
    panel.rectify_button.click()
    assert "not a valid e-mail" in messages[-1][1]
    assert len(rights.field_changes(db, ref)) == 3

    panel.letter_combo.setCurrentIndex(panel.letter_combo.findData("rectification-confirmation"))
    panel.language_combo.setCurrentIndex(panel.language_combo.findData("en"))
    with qtbot.waitSignal(panel.documentCreated, timeout=5000) as created:
        panel.letter_button.click()
    document = next(d for d in cases.get_case(db, ref).documents if d.id == created.args[0])
    assert document.filename == f"{ref}-rectification-confirmation-en.pdf"
    _name, pdf = cases.document_content(db, document.id)
    assert "Fjellveien 12" in " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())


# --- restriction, objection, banner --------------------------------------------------------------------


def test_restriction_banner_and_lifting_needs_telling_first(
    qtbot: QtBot, db: Database, messages: Messages, monkeypatch: pytest.MonkeyPatch
) -> None:
    ref = make_case(db, RequestType.RESTRICTION)
    panel = panel_for(qtbot, db, ref)
    assert panel.restrict_group.isVisible() and not panel.erasure_group.isVisible()
    subject_id = cases.get_case(db, ref).subject_id
    banner = RestrictionBanner.for_subject(db, subject_id)
    qtbot.addWidget(banner)
    assert banner.isHidden()

    panel.ground_combo.setCurrentIndex(panel.ground_combo.findData("a"))
    panel.restrict_button.click()
    assert rights.is_restricted(db, subject_id)
    assert not panel.banner.isHidden()
    assert "Processing restricted" in panel.banner.text() and "18(1)(a)" in panel.banner.text()
    banner.refresh()
    assert not banner.isHidden() and banner.text() == panel.banner.text()

    monkeypatch.setattr(rp.DoneDialog, "exec", lambda _self: QDialog.DialogCode.Accepted.value)
    panel.lift_button.click()
    assert "must be told before" in messages[-1][1]
    assert rights.is_restricted(db, subject_id)
    panel.told_button.click()
    panel.lift_button.click()
    assert not rights.is_restricted(db, subject_id)
    assert panel.banner.isHidden()


def test_stop_marketing_at_once(qtbot: QtBot, db: Database, messages: Messages) -> None:
    ref = make_case(db, RequestType.OBJECTION)
    panel = panel_for(qtbot, db, ref)
    assert panel.objection_group.isVisible() and not panel.notices_group.isVisible()
    assert panel.objection_activity.currentText().startswith("Website analytics and remarketing")
    panel.stop_marketing_button.click()
    objections = rights.subject_objections(db, cases.get_case(db, ref).subject_id)
    assert [(o.direct_marketing, o.stopped_on) for o in objections] == [(True, cases.today_oslo())]
    assert panel.objections_table.rowCount() == 1
    panel.stop_marketing_button.click()  # a second time: refused, said so
    assert "was stopped on" in messages[-1][1]


def test_every_input_is_named(qtbot: QtBot, db: Database, messages: Messages) -> None:
    ref = make_case(
        db,
        RequestType.RECTIFICATION,
        RequestType.ERASURE,
        RequestType.RESTRICTION,
        RequestType.OBJECTION,
    )
    panel = panel_for(qtbot, db, ref)
    for kind in (QLineEdit, QPlainTextEdit, QComboBox, QAbstractButton, QTableWidget):
        for widget in panel.findChildren(kind):
            if widget.objectName().startswith("qt_") or not widget.isVisibleTo(panel):
                continue
            parent = widget.parent()
            if isinstance(widget, QLineEdit) and isinstance(parent, QAbstractSpinBox | QComboBox):
                continue  # the line edit inside a date edit or an editable combo
            assert widget.objectName(), f"{kind.__name__} without objectName"
            assert widget.accessibleName(), f"{widget.objectName()} has no accessibleName"
