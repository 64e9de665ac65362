"""The intake form, driven through its widgets, checked against the database it writes."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # conftest sets it too; before Qt

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QDate, QDateTime, QEvent, QLocale, Qt, QTime, QTimer, QTimeZone
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.core import clock
from app.core.model import (
    Channel,
    FeeDecision,
    IdentityMethod,
    IdentityResult,
    RequestType,
    Role,
    Status,
)
from app.services import cases, workflow
from app.services.dto import CaseQuery
from app.services.intake import draft_from_email
from app.store.database import Database
from app.ui.intake_choices import DuplicateDialog, FeeDecisionDialog, SubjectChoiceDialog
from app.ui.intake_dialog import IntakeDialog
from tests.conftest import oslo, phone_request

EMAIL_SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "email"

D = TypeVar("D", bound=QDialog)


@pytest.fixture(autouse=True)
def _english_dates() -> Iterator[None]:
    """Dates are shown in the interface's locale; the assertions below are in English."""
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def open_dialog(qtbot: Any, db: Database) -> Callable[..., IntakeDialog]:
    def make(**kw: Any) -> IntakeDialog:
        dialog = IntakeDialog(db, **kw)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return make


def type_text(widget: QWidget, text: str) -> None:
    """Type any characters: qtbot.keyClicks aborts the process outside Latin-1 (ŋ, emoji)."""
    for ch in text:
        if ch == "\n":
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    widget, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
                )
            continue
        QApplication.sendEvent(
            widget,
            QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch),
        )


def leave(qtbot: Any, edit: QLineEdit) -> None:
    """End editing the way the officer does: Return (editingFinished)."""
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def tick(qtbot: Any, box: QCheckBox | QWidget) -> None:
    qtbot.keyClick(box, Qt.Key.Key_Space)


def set_received(dialog: IntakeDialog, day: dt.datetime) -> None:
    """Set the edit as the officer sees it: Oslo wall-clock time."""
    local = day.astimezone(oslo(2026, 1, 1).tzinfo)
    dialog.received_edit.setDateTime(
        QDateTime(
            QDate(local.year, local.month, local.day),
            QTime(local.hour, local.minute),
            QTimeZone.utc(),
        )
    )


def choose(combo: QComboBox, data: str | None) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


_pending_answers: list[list[bool]] = []


@pytest.fixture(autouse=True)
def _stop_answering() -> Iterator[None]:
    """An answer still waiting when its test ends must not answer the next test's dialog."""
    yield
    for stopped in _pending_answers:
        stopped[0] = True
    _pending_answers.clear()


def answer(dialog_class: type[D], act: Callable[[D], None], seen: list[D]) -> None:
    """Answer the next `dialog_class` that opens (it runs its own event loop with exec())."""
    tries = [0]
    stopped = [False]
    _pending_answers.append(stopped)

    def poll() -> None:
        if stopped[0]:
            return
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, dialog_class) and widget.isVisible():
                seen.append(widget)
                try:
                    act(widget)
                finally:
                    if widget.isVisible():  # the act failed: do not leave exec() hanging
                        widget.reject()
                return
        tries[0] += 1
        if tries[0] < 500:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


def fill_phone_call(
    qtbot: Any,
    dialog: IntakeDialog,
    *,
    name: str = "Kari Nordmann",
    phone: str = "",
    types: tuple[RequestType, ...] = (RequestType.ACCESS,),
    received: dt.datetime | None = None,
) -> None:
    type_text(dialog.name_edit, name)
    if phone:
        qtbot.keyClicks(dialog.phone_edit, phone)
        leave(qtbot, dialog.phone_edit)
    for kind in types:
        tick(qtbot, dialog.type_checks[kind])
    set_received(dialog, received or oslo(2026, 3, 2))


def click_save(qtbot: Any, dialog: IntakeDialog) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def all_cases(db: Database) -> list[Any]:
    return cases.list_cases(db, CaseQuery(sort="reference"))


# --- a phone call -------------------------------------------------------------------------------


def test_phone_request_typed_and_saved(
    qtbot: Any, db: Database, open_dialog: Callable[..., IntakeDialog]
) -> None:
    dialog = open_dialog()
    assert dialog.channel_combo.currentData() == Channel.PHONE.value
    assert [dialog.channel_combo.itemData(i) for i in range(dialog.channel_combo.count())] == [
        "phone",
        "email",
        "letter",
        "in-person",
    ]
    assert dialog.language_combo.currentData() == "nb"

    type_text(dialog.name_edit, "Kari Nordmann")
    qtbot.keyClicks(dialog.phone_edit, "912 34 567")
    leave(qtbot, dialog.phone_edit)
    assert dialog.phone_edit.text() == "+4791234567"
    assert not dialog.phone_error.isVisible()
    qtbot.keyClicks(dialog.email_edit, "Kari.Nordmann@Example.NO")
    leave(qtbot, dialog.email_edit)
    assert dialog.email_edit.text() == "kari.nordmann@example.no"
    type_text(dialog.address_edit, "Storgata 12\n0155 Oslo")
    qtbot.keyClicks(dialog.customer_no_edit, "10482")
    tick(qtbot, dialog.role_checks[Role.CUSTOMER])
    tick(qtbot, dialog.type_checks[RequestType.ACCESS])
    tick(qtbot, dialog.type_checks[RequestType.ERASURE])
    set_received(dialog, oslo(2026, 3, 2, 10, 0))
    choose(dialog.identity_method_combo, IdentityMethod.CUSTOMER_DETAILS.value)
    choose(dialog.identity_result_combo, IdentityResult.VERIFIED.value)
    type_text(dialog.identity_notes_edit, "Gave order 5521 of 12 Feb.")
    type_text(dialog.notes_edit, "Wants to know who we shared data with.")

    assert dialog.deadline_label.text() == (
        "Due 7 Apr 2026 — received 2 Mar 2026 → 2 Apr 2026 is Maundy Thursday → "
        "3–6 Apr 2026 are holidays or weekend → due 7 Apr 2026"
    )
    read_back = dialog.read_back_text.toPlainText().splitlines()
    assert read_back[1:5] == [
        "Name: Kari Nordmann",
        "Phone: +4791234567",
        "E-mail: kari.nordmann@example.no",
        "Postal address: Storgata 12, 0155 Oslo",
    ]
    assert read_back[5] == (
        "You ask to know what personal data we hold about you, and to get a copy of it "
        "and to have your personal data deleted."
    )
    assert read_back[6] == "You will get our answer by 7 Apr 2026 at the latest, in Norsk bokmål."
    assert read_back[7] == "You will get a case reference when the request is saved."

    click_save(qtbot, dialog)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_reference == "2026-0001"
    assert dialog.result_linked_existing_case is False
    case = cases.get_case(db, "2026-0001")
    assert case.subject_name == "Kari Nordmann"
    assert case.contact_phone == "+4791234567"
    assert case.contact_email == "kari.nordmann@example.no"
    assert case.types == (RequestType.ACCESS, RequestType.ERASURE)
    assert case.channel == Channel.PHONE
    assert case.received_at == dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
    assert case.received == dt.date(2026, 3, 2)
    assert case.due == dt.date(2026, 4, 7)
    assert case.identity_method == IdentityMethod.CUSTOMER_DETAILS.value
    assert case.identity_result == IdentityResult.VERIFIED.value
    assert case.identity_notes == "Gave order 5521 of 12 Feb."
    assert case.call_notes == "Wants to know who we shared data with."
    assert case.language == "nb"
    rows = all_cases(db)
    assert [(r.reference, r.subject, r.due) for r in rows] == [
        ("2026-0001", "Kari Nordmann", dt.date(2026, 4, 7))
    ]


def test_deadline_follows_the_received_time(open_dialog: Callable[..., IntakeDialog]) -> None:
    dialog = open_dialog()
    set_received(dialog, oslo(2026, 1, 31, 14, 0))
    assert dialog.deadline_label.text().startswith("Due 2 Mar 2026 — received 31 Jan 2026 → ")
    # 23:30 in Oslo is still the same receipt day, whatever the machine's zone.
    set_received(dialog, oslo(2026, 3, 2, 23, 30))
    assert dialog.deadline_label.text().startswith("Due 7 Apr 2026 — received 2 Mar 2026")
    assert dialog.received_at() == dt.datetime(2026, 3, 2, 22, 30, tzinfo=dt.UTC)
    assert "by 7 Apr 2026" in dialog.read_back_text.toPlainText()


def test_name_has_focus_first_and_every_input_is_named(
    qtbot: Any, open_dialog: Callable[..., IntakeDialog]
) -> None:
    dialog = open_dialog()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.name_edit)
    order = [dialog.focusWidget()]
    for _ in range(4):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        order.append(dialog.focusWidget())
    assert order == [
        dialog.name_edit,
        dialog.phone_edit,
        dialog.email_edit,
        dialog.address_edit,
        dialog.customer_no_edit,
    ]
    assert dialog.identity_hint.text() == (
        "Record the method and the result. Never keep a copy of an ID document."
    )
    assert dialog.identity_hint.isVisible()
    inputs = [
        w
        for w in dialog.findChildren(QWidget)
        if isinstance(w, QLineEdit | QPlainTextEdit | QComboBox | QCheckBox | QDateTimeEdit)
        and not w.objectName().startswith("qt_")  # Qt's own parts of a combo or date edit
    ]
    assert len(inputs) >= 20
    unnamed = [w for w in inputs if not (w.objectName() and w.accessibleName())]
    assert unnamed == []


# --- what is refused ----------------------------------------------------------------------------


def test_invalid_phone_blocks_saving(
    qtbot: Any, db: Database, open_dialog: Callable[..., IntakeDialog]
) -> None:
    dialog = open_dialog()
    fill_phone_call(qtbot, dialog, phone="12")
    assert dialog.phone_error.isVisible()
    assert dialog.phone_error.text().startswith("'12' is not a valid phone number")
    assert dialog.phone_error.styleSheet() == "color: #b00020;"
    assert not dialog.save_button.isEnabled()
    click_save(qtbot, dialog)
    dialog.save()  # even when called directly
    assert dialog.isVisible()
    assert dialog.result_reference is None
    assert all_cases(db) == []
    assert dialog.name_edit.text() == "Kari Nordmann"  # everything typed stays

    # Correcting the number clears the message as it is typed.
    dialog.phone_edit.selectAll()
    qtbot.keyClicks(dialog.phone_edit, "91234567")
    assert not dialog.phone_error.isVisible()
    assert dialog.save_button.isEnabled()


def test_invalid_email_blocks_saving(
    qtbot: Any, db: Database, open_dialog: Callable[..., IntakeDialog]
) -> None:
    dialog = open_dialog()
    fill_phone_call(qtbot, dialog)
    qtbot.keyClicks(dialog.email_edit, "kari@@example")
    click_save(qtbot, dialog)  # without leaving the field first
    assert dialog.isVisible()
    assert dialog.email_error.isVisible()
    assert "is not a valid e-mail address" in dialog.email_error.text()
    assert dialog.form_error.text() == "Correct the fields marked in red; nothing was saved."
    assert all_cases(db) == []


def test_ten_thousand_character_name_is_refused(
    qtbot: Any, db: Database, open_dialog: Callable[..., IntakeDialog]
) -> None:
    dialog = open_dialog()
    fill_phone_call(qtbot, dialog, name="")
    # Nobody types ten thousand letters: they paste a page.
    QApplication.clipboard().setText("a" * 10_000)
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(dialog.name_edit.text()) == 10_000  # not cut short without a word
    click_save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.form_error.isVisible()
    assert dialog.form_error.text() == ("Name is 10000 characters long; at most 200 are allowed.")
    assert all_cases(db) == []


def test_no_request_type_and_future_time_are_refused(
    qtbot: Any, db: Database, open_dialog: Callable[..., IntakeDialog]
) -> None:
    dialog = open_dialog()
    fill_phone_call(qtbot, dialog, types=())
    click_save(qtbot, dialog)
    assert dialog.form_error.text() == "Choose at least one request type."
    tick(qtbot, dialog.type_checks[RequestType.OBJECTION])
    set_received(dialog, clock.now_utc() + dt.timedelta(days=2))
    click_save(qtbot, dialog)
    assert dialog.form_error.text() == "The time of receipt is in the future."
    assert dialog.isVisible()
    assert all_cases(db) == []


@pytest.mark.parametrize(
    "name",
    ["Áile Ŋuolga", "Ola <b>Nordmann & Sønn", "Kari 😀 Nordmann", "Čáhppes Đuoddar Ŧoalli"],
)
def test_names_are_saved_exactly(
    qtbot: Any, db: Database, open_dialog: Callable[..., IntakeDialog], name: str
) -> None:
    dialog = open_dialog()
    fill_phone_call(qtbot, dialog, name=name)
    assert dialog.name_edit.text() == name
    assert f"Name: {name}" in dialog.read_back_text.toPlainText()
    click_save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert cases.get_case(db, dialog.result_reference or "").subject_name == name
    assert [r.subject for r in all_cases(db)] == [name]


# --- who it is, and what is already open --------------------------------------------------------


def test_existing_subject_offered_on_phone_and_linked(
    qtbot: Any, db: Database, open_dialog: Callable[..., IntakeDialog]
) -> None:
    earlier = cases.log_request(
        db, phone_request(types=(RequestType.ERASURE,), received=oslo(2026, 2, 10))
    )
    dialog = open_dialog()
    seen: list[SubjectChoiceDialog] = []
    offered: dict[str, Any] = {}

    def link(chooser: SubjectChoiceDialog) -> None:
        offered["ids"] = list(chooser.link_buttons)
        offered["text"] = chooser.candidate_labels[earlier.subject_id].text()
        qtbot.mouseClick(chooser.link_buttons[earlier.subject_id], Qt.MouseButton.LeftButton)

    answer(SubjectChoiceDialog, link, seen)
    fill_phone_call(qtbot, dialog, name="K. Nordmann", phone="40 00 15 14")
    click_save(qtbot, dialog)

    assert len(seen) == 1
    assert offered["ids"] == [earlier.subject_id]
    assert "Kari Nordmann (S-" in offered["text"]
    assert "Phone: +4740001514" in offered["text"]
    assert "Matched on: phone number" in offered["text"]
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_reference == "2026-0002"
    assert dialog.result_subject_created is False
    case = cases.get_case(db, "2026-0002")
    assert case.subject_id == earlier.subject_id
    assert case.subject_name == "Kari Nordmann"  # the record's name, not the one typed now
    assert len(all_cases(db)) == 2


def test_create_a_new_person_instead(
    qtbot: Any, db: Database, open_dialog: Callable[..., IntakeDialog]
) -> None:
    earlier = cases.log_request(db, phone_request(received=oslo(2026, 2, 10)))
    dialog = open_dialog()
    seen: list[SubjectChoiceDialog] = []
    answer(
        SubjectChoiceDialog,
        lambda c: qtbot.mouseClick(c.new_button, Qt.MouseButton.LeftButton),
        seen,
    )
    fill_phone_call(qtbot, dialog, name="Kari Nordmann", phone="40001514")
    click_save(qtbot, dialog)
    assert len(seen) == 1
    assert dialog.result() == QDialog.DialogCode.Accepted
    case = cases.get_case(db, dialog.result_reference or "")
    assert case.subject_id != earlier.subject_id
    assert len(all_cases(db)) == 2


def test_cancelling_the_choice_saves_nothing(
    qtbot: Any, db: Database, open_dialog: Callable[..., IntakeDialog]
) -> None:
    cases.log_request(db, phone_request(received=oslo(2026, 2, 10)))
    dialog = open_dialog()
    seen: list[SubjectChoiceDialog] = []
    answer(SubjectChoiceDialog, lambda c: c.reject(), seen)
    fill_phone_call(qtbot, dialog, phone="40001514", types=(RequestType.RESTRICTION,))
    click_save(qtbot, dialog)
    assert len(seen) == 1
    assert dialog.isVisible()
    assert dialog.form_error.text() == "Nothing was saved: choose a person or create a new one."
    assert len(all_cases(db)) == 1


def test_duplicate_open_case_takes_the_further_request(
    qtbot: Any, db: Database, open_dialog: Callable[..., IntakeDialog]
) -> None:
    earlier = cases.log_request(db, phone_request(received=oslo(2026, 3, 1)))
    dialog = open_dialog()
    chooser_seen: list[SubjectChoiceDialog] = []
    duplicate_seen: list[DuplicateDialog] = []
    shown: dict[str, Any] = {}

    def add(dup: DuplicateDialog) -> None:
        shown["buttons"] = {ref: b.text() for ref, b in dup.add_buttons.items()}
        shown["new"] = dup.new_button.text()
        qtbot.mouseClick(dup.add_buttons[earlier.reference], Qt.MouseButton.LeftButton)

    answer(
        SubjectChoiceDialog,
        lambda c: qtbot.mouseClick(c.link_buttons[earlier.subject_id], Qt.MouseButton.LeftButton),
        chooser_seen,
    )
    answer(DuplicateDialog, add, duplicate_seen)
    fill_phone_call(
        qtbot,
        dialog,
        phone="+47 40 00 15 14",
        types=(RequestType.ACCESS, RequestType.OBJECTION),
    )
    type_text(dialog.notes_edit, "Also: no more newsletters.")
    click_save(qtbot, dialog)

    assert len(chooser_seen) == 1
    assert len(duplicate_seen) == 1
    assert shown["buttons"] == {"2026-0001": "Add to case 2026-0001"}
    assert shown["new"] == "Create a new case anyway"
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_reference == "2026-0001"
    assert dialog.result_linked_existing_case is True
    assert [r.reference for r in all_cases(db)] == ["2026-0001"]
    case = cases.get_case(db, "2026-0001")
    assert case.types == (RequestType.ACCESS, RequestType.OBJECTION)
    further = [e for e in case.events if e.kind == "further request"]
    assert len(further) == 1
    assert further[0].detail.startswith("further phone request received 02.03.2026 10:00: ")
    assert "access, objection" in further[0].detail
    assert "Also: no more newsletters." in further[0].detail


def test_duplicate_can_still_become_a_new_case(
    qtbot: Any, db: Database, open_dialog: Callable[..., IntakeDialog]
) -> None:
    earlier = cases.log_request(db, phone_request(received=oslo(2026, 3, 1)))
    dialog = open_dialog()
    seen: list[Any] = []
    answer(
        SubjectChoiceDialog,
        lambda c: qtbot.mouseClick(c.link_buttons[earlier.subject_id], Qt.MouseButton.LeftButton),
        seen,
    )
    answer(
        DuplicateDialog, lambda d: qtbot.mouseClick(d.new_button, Qt.MouseButton.LeftButton), seen
    )
    fill_phone_call(qtbot, dialog, phone="40001514")
    click_save(qtbot, dialog)
    assert len(seen) == 2
    assert dialog.result_reference == "2026-0002"
    assert dialog.result_linked_existing_case is False
    assert cases.get_case(db, "2026-0002").subject_id == earlier.subject_id


# --- once a year ---------------------------------------------------------------------------------


def _answered_access_case(db: Database) -> int:
    earlier = cases.log_request(db, phone_request(received=oslo(2026, 2, 2)))
    workflow.mark_answered(db, earlier.reference, on=dt.date(2026, 2, 20), method="post")
    return earlier.subject_id


def test_once_a_year_refusal_needs_a_reason(
    qtbot: Any, db: Database, open_dialog: Callable[..., IntakeDialog]
) -> None:
    subject_id = _answered_access_case(db)
    dialog = open_dialog()
    seen: list[Any] = []
    state: dict[str, Any] = {}

    def refuse(fee: FeeDecisionDialog) -> None:
        state["warning"] = fee.warning_label.text()
        state["ok_at_start"] = fee.ok_button.isEnabled()
        tick(qtbot, fee.refuse_radio)
        state["ok_without_reason"] = fee.ok_button.isEnabled()
        state["problem"] = fee.problem_label.text()
        qtbot.mouseClick(fee.ok_button, Qt.MouseButton.LeftButton)  # does nothing yet
        state["still_open"] = fee.isVisible()
        type_text(fee.reason_edit, "Third identical request this month.")
        state["ok_with_reason"] = fee.ok_button.isEnabled()
        qtbot.mouseClick(fee.ok_button, Qt.MouseButton.LeftButton)

    answer(
        SubjectChoiceDialog,
        lambda c: qtbot.mouseClick(c.link_buttons[subject_id], Qt.MouseButton.LeftButton),
        seen,
    )
    answer(FeeDecisionDialog, refuse, seen)
    fill_phone_call(qtbot, dialog, phone="40001514", received=oslo(2026, 3, 2))
    click_save(qtbot, dialog)

    assert [type(d) for d in seen] == [SubjectChoiceDialog, FeeDecisionDialog]
    assert "given a free statement on 20 Feb 2026, within the last 12 months" in state["warning"]
    assert state["ok_at_start"] is False
    assert state["ok_without_reason"] is False
    assert state["problem"] == "Write the reason for the refusal."
    assert state["still_open"] is True
    assert state["ok_with_reason"] is True
    assert dialog.result() == QDialog.DialogCode.Accepted
    case = cases.get_case(db, dialog.result_reference or "")
    assert case.subject_id == subject_id
    assert case.fee_decision == FeeDecision.REFUSE.value
    assert case.refusal_reason == "Third identical request this month."
    assert case.status == Status.REFUSED
    assert case.is_open is False


def test_once_a_year_fee_needs_an_amount_and_a_reason(
    qtbot: Any, db: Database, open_dialog: Callable[..., IntakeDialog]
) -> None:
    subject_id = _answered_access_case(db)
    dialog = open_dialog()
    seen: list[Any] = []
    state: dict[str, Any] = {}

    def charge(fee: FeeDecisionDialog) -> None:
        tick(qtbot, fee.fee_radio)
        state["ok_at_zero"] = fee.ok_button.isEnabled()
        fee.amount_spin.selectAll()
        qtbot.keyClicks(fee.amount_spin, "250")
        state["ok_without_reason"] = fee.ok_button.isEnabled()
        qtbot.keyClicks(fee.reason_edit, "Fourth identical request this year")
        qtbot.mouseClick(fee.ok_button, Qt.MouseButton.LeftButton)

    answer(
        SubjectChoiceDialog,
        lambda c: qtbot.mouseClick(c.link_buttons[subject_id], Qt.MouseButton.LeftButton),
        seen,
    )
    answer(FeeDecisionDialog, charge, seen)
    fill_phone_call(qtbot, dialog, phone="40001514")
    click_save(qtbot, dialog)

    assert len(seen) == 2
    assert state["ok_at_zero"] is False
    assert state["ok_without_reason"] is False
    case = cases.get_case(db, dialog.result_reference or "")
    assert (case.fee_decision, case.fee_amount, case.status) == ("fee", 250, Status.NEW)
    assert case.fee_reason == "Fourth identical request this year"


# --- an e-mail ----------------------------------------------------------------------------------


def test_email_subject_line_reads_emne_in_bokmal(
    qtbot: Any, db: Database, open_dialog: Callable[..., IntakeDialog]
) -> None:
    """The e-mail's "Subject:" is its subject line ("Emne:"), not the data subject."""
    from PySide6.QtWidgets import QApplication, QFormLayout, QLabel

    from app.ui import i18n

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert i18n.install_language(app, "nb") == "nb"
    try:
        dialog = open_dialog(draft=draft_from_email(EMAIL_SAMPLES / "access-request-nb.eml"))
        labels = [
            form.labelForField(dialog.email_subject_field)
            for form in dialog.findChildren(QFormLayout)
        ]
        shown = [label.text() for label in labels if isinstance(label, QLabel)]
        assert shown == ["Emne:"]
    finally:
        i18n.remove_translators(app)


def test_email_draft_prefilled_and_receipt_confirmed_before_saving(
    qtbot: Any, db: Database, open_dialog: Callable[..., IntakeDialog]
) -> None:
    draft = draft_from_email(EMAIL_SAMPLES / "access-request-nb.eml")
    dialog = open_dialog(draft=draft)

    assert dialog.name_edit.text() == "Kari Nordmann"
    assert dialog.email_edit.text() == "kari.nordmann@example.no"
    assert dialog.channel_combo.currentData() == Channel.EMAIL.value
    assert dialog.language_combo.currentData() == "nb"
    assert dialog.selected_types() == (RequestType.ACCESS,)
    assert dialog.email_sender_field.text() == "Kari Nordmann <kari.nordmann@example.no>"
    assert dialog.email_reply_to_field.text() == "none"
    assert dialog.email_subject_field.text() == (
        "Innsynsbegjæring – hvilke opplysninger har dere om meg?"
    )
    assert dialog.email_received_field.text() == (
        "2 Mar 2026 09:14 Oslo time, from the Date header"
    )
    assert "kundenummer 10482" in dialog.email_body.toPlainText()
    assert "from the Date header" in dialog.receipt_source_label.text()
    assert dialog.deadline_label.text().startswith("Due 7 Apr 2026 — received 2 Mar 2026")

    assert not dialog.save_button.isEnabled()
    dialog.save()  # not even directly
    assert dialog.isVisible()
    assert all_cases(db) == []

    tick(qtbot, dialog.receipt_confirm_check)
    assert dialog.receipt_confirm_check.isChecked()
    assert dialog.save_button.isEnabled()
    click_save(qtbot, dialog)

    assert dialog.result() == QDialog.DialogCode.Accepted
    case = cases.get_case(db, dialog.result_reference or "")
    assert case.channel == Channel.EMAIL
    assert case.received_at == dt.datetime(2026, 3, 2, 8, 14, tzinfo=dt.UTC)
    assert case.due == dt.date(2026, 4, 7)
    assert case.contact_email == "kari.nordmann@example.no"
    assert case.email is not None
    assert case.email.sender_email == "kari.nordmann@example.no"
    assert case.email.received_source == "date-header"
    assert [d.kind for d in case.documents] == ["email"]
    assert case.call_notes == "Subject: Innsynsbegjæring – hvilke opplysninger har dere om meg?"


def test_forwarded_email_shows_the_forwarder_and_attachments(
    open_dialog: Callable[..., IntakeDialog],
) -> None:
    draft = draft_from_email(EMAIL_SAMPLES / "forwarded-rectification-objection.eml")
    dialog = open_dialog(draft=draft)
    assert dialog.name_edit.text() == "Áile Ŋuolga"
    assert dialog.email_forwarded_field.text() == (
        "Kundeservice LanoPro <kundeservice@lanopro.example>"
    )
    assert dialog.email_attachments_field.text() == "signert-brev.pdf"
    assert not dialog.save_button.isEnabled()
