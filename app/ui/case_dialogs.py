"""The small dialogs of the actions an officer takes on a case (verify identity, ask for and
receive identification, extend, change status, add a note, mark answered): each a form whose
values the case view passes to one service call."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from app.core.model import AnswerMethod, IdentityMethod, IdentityResult, Status
from app.ui.widgets import (
    ActionDialog,
    chain_tab_order,
    date_edit,
    enum_combo,
    from_qdate,
    named,
    to_qdate,
    value_label,
)

__all__ = [
    "AddNoteDialog",
    "AskIdentificationDialog",
    "ChangeStatusDialog",
    "DateDialog",
    "ExtendDialog",
    "IdentificationArrivedDialog",
    "MarkAnsweredDialog",
    "VerifyIdentityDialog",
]


class VerifyIdentityDialog(ActionDialog):
    def __init__(self, parent: QWidget | None = None, *, today: dt.date) -> None:
        super().__init__(self.tr("Verify identity"), "verifyIdentityDialog", parent)
        self.method = enum_combo(
            "identityMethod", self.tr("Method"), [m.value for m in IdentityMethod]
        )
        self.result_combo = enum_combo(
            "identityResult", self.tr("Result"), [r.value for r in IdentityResult]
        )
        self.notes = QPlainTextEdit()
        named(self.notes, "identityNotes", self.tr("Notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("What was checked (never keep a copy of an ID)."))
        self.on = date_edit("identityDate", self.tr("Date"), today, maximum=today)
        self.form.addRow(self.tr("&Method:"), self.method)
        self.form.addRow(self.tr("&Result:"), self.result_combo)
        self.form.addRow(self.tr("&Notes:"), self.notes)
        self.form.addRow(self.tr("&Date:"), self.on)
        chain_tab_order(self.method, self.result_combo, self.notes, self.on, self.buttons)

    def fill(self, method: str, result: str, notes: str = "", on: dt.date | None = None) -> None:
        self.method.setCurrentIndex(self.method.findData(method))
        self.result_combo.setCurrentIndex(self.result_combo.findData(result))
        self.notes.setPlainText(notes)
        if on is not None:
            self.on.setDate(to_qdate(on))

    def validate(self) -> str | None:
        if self.method.currentData() == IdentityMethod.OTHER.value and not self.notes_text():
            return self.tr("Describe in the notes how identity was checked.")
        return None

    def notes_text(self) -> str:
        return self.notes.toPlainText().strip()

    def values(self) -> tuple[str, IdentityResult, str, dt.date]:
        return (
            str(self.method.currentData()),
            IdentityResult(self.result_combo.currentData()),
            self.notes_text(),
            from_qdate(self.on.date()),
        )


class DateDialog(ActionDialog):
    """One date, e.g. when identification was asked for or arrived."""

    def __init__(
        self,
        title: str,
        object_name: str,
        prompt: str,
        parent: QWidget | None = None,
        *,
        today: dt.date,
    ) -> None:
        super().__init__(title, object_name, parent)
        spoken = prompt.replace("&", "").rstrip(":")
        self.on = date_edit(f"{object_name}Date", spoken, today, maximum=today)
        self.form.addRow(prompt, self.on)
        chain_tab_order(self.on, self.buttons)

    def fill(self, on: dt.date) -> None:
        self.on.setDate(to_qdate(on))

    def value(self) -> dt.date:
        return from_qdate(self.on.date())


class AskIdentificationDialog(DateDialog):
    def __init__(self, parent: QWidget | None = None, *, today: dt.date) -> None:
        super().__init__(
            self.tr("Ask for identification"),
            "askIdentificationDialog",
            self.tr("&Asked on:"),
            parent,
            today=today,
        )
        hint = value_label("askIdentificationHint", self.tr("About the identity pause"))
        hint.setText(
            self.tr(
                "The strict deadline keeps running; an adjusted date is shown beside it, "
                "labelled as such."
            )
        )
        self.form.addRow(hint)


class IdentificationArrivedDialog(DateDialog):
    def __init__(self, parent: QWidget | None = None, *, today: dt.date) -> None:
        super().__init__(
            self.tr("Identification arrived"),
            "identificationArrivedDialog",
            self.tr("&Arrived on:"),
            parent,
            today=today,
        )


class ExtendDialog(ActionDialog):
    def __init__(self, parent: QWidget | None = None, *, today: dt.date) -> None:
        super().__init__(self.tr("Extend the deadline"), "extendDialog", parent)
        hint = value_label("extendHint", self.tr("About extensions"))
        hint.setText(
            self.tr(
                "Art. 12(3): two further months where the request is complex or requests are "
                "numerous. Decide and tell the person within the first month, with reasons."
            )
        )
        self.reason = QPlainTextEdit()
        named(self.reason, "extendReason", self.tr("Reasons"))
        self.reason.setTabChangesFocus(True)
        self.decided_on = date_edit("extendDecidedOn", self.tr("Decided on"), today)
        self.told_on = date_edit("extendToldOn", self.tr("Person told on"), today)
        self.form.addRow(hint)
        self.form.addRow(self.tr("&Reasons:"), self.reason)
        self.form.addRow(self.tr("&Decided on:"), self.decided_on)
        self.form.addRow(self.tr("Person &told on:"), self.told_on)
        chain_tab_order(self.reason, self.decided_on, self.told_on, self.buttons)

    def fill(self, reason: str, decided_on: dt.date, told_on: dt.date) -> None:
        self.reason.setPlainText(reason)
        self.decided_on.setDate(to_qdate(decided_on))
        self.told_on.setDate(to_qdate(told_on))

    def validate(self) -> str | None:
        if not self.reason.toPlainText().strip():
            return self.tr("Give the reasons for the extension.")
        if self.told_on.date() < self.decided_on.date():
            return self.tr("The person cannot be told before the extension was decided.")
        return None

    def values(self) -> tuple[str, dt.date, dt.date]:
        return (
            self.reason.toPlainText().strip(),
            from_qdate(self.decided_on.date()),
            from_qdate(self.told_on.date()),
        )


class ChangeStatusDialog(ActionDialog):
    def __init__(self, parent: QWidget | None = None, *, current: Status) -> None:
        super().__init__(self.tr("Change status"), "changeStatusDialog", parent)
        self.status = enum_combo(
            "newStatus", self.tr("New status"), [s.value for s in Status if s != current]
        )
        self.note = QPlainTextEdit()
        named(self.note, "statusNote", self.tr("Note"))
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("Why (a refusal needs its reasons)."))
        self.form.addRow(self.tr("&Status:"), self.status)
        self.form.addRow(self.tr("&Note:"), self.note)
        chain_tab_order(self.status, self.note, self.buttons)

    def fill(self, status: Status, note: str = "") -> None:
        self.status.setCurrentIndex(self.status.findData(Status(status).value))
        self.note.setPlainText(note)

    def validate(self) -> str | None:
        if self.status.currentIndex() < 0:
            return self.tr("Choose a status.")
        return None

    def values(self) -> tuple[Status, str]:
        return Status(self.status.currentData()), self.note.toPlainText().strip()


class AddNoteDialog(ActionDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add a note"), "addNoteDialog", parent)
        self.note = QPlainTextEdit()
        named(self.note, "noteText", self.tr("Note"))
        self.note.setTabChangesFocus(True)
        self.form.addRow(self.tr("&Note:"), self.note)
        chain_tab_order(self.note, self.buttons)

    def fill(self, note: str) -> None:
        self.note.setPlainText(note)

    def validate(self) -> str | None:
        if not self.note.toPlainText().strip():
            return self.tr("The note is empty.")
        return None

    def value(self) -> str:
        return self.note.toPlainText().strip()


class MarkAnsweredDialog(ActionDialog):
    def __init__(self, parent: QWidget | None = None, *, today: dt.date) -> None:
        super().__init__(self.tr("Mark answered"), "markAnsweredDialog", parent)
        self.on = date_edit("answeredOn", self.tr("Answered on"), today, maximum=today)
        self.method = enum_combo(
            "answerMethod", self.tr("Sent by"), [m.value for m in AnswerMethod]
        )
        self.note = QPlainTextEdit()
        named(self.note, "answerNote", self.tr("Note"))
        self.note.setTabChangesFocus(True)
        self.form.addRow(self.tr("Answered &on:"), self.on)
        self.form.addRow(self.tr("Sent &by:"), self.method)
        self.form.addRow(self.tr("&Note:"), self.note)
        chain_tab_order(self.on, self.method, self.note, self.buttons)

    def fill(self, on: dt.date, method: str, note: str = "") -> None:
        self.on.setDate(to_qdate(on))
        self.method.setCurrentIndex(self.method.findData(method))
        self.note.setPlainText(note)

    def values(self) -> tuple[dt.date, str, str]:
        return (
            from_qdate(self.on.date()),
            str(self.method.currentData()),
            self.note.toPlainText().strip(),
        )
