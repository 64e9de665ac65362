"""The one form for logging a request: taken by phone, letter or in person, or read from an
e-mail the officer confirms.

The dialog only talks to the services: it builds a `RequestInput`, shows the officer what the
services find (people already on record, open cases of the same kind, the once-a-year rule)
and lets the officer decide each point before anything is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimeZone
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.core import clock, deadlines
from app.core.errors import InvalidInput, UserError
from app.core.model import (
    REQUEST_TYPE_ORDER,
    Channel,
    IdentityMethod,
    IdentityResult,
    RequestType,
    Role,
)
from app.services import cases
from app.services.dto import OpenCaseBrief, RequestInput, SubjectMatch
from app.services.storage import Database
from app.ui.formatting import format_day, problem_text, request_type_label, ui_language
from app.ui.intake_choices import DuplicateDialog, FeeDecisionDialog, SubjectChoiceDialog
from app.ui.widgets import GDPR_START, error_label, no_enter_default, plain_label, to_qdate

if TYPE_CHECKING:
    from app.services.intake import EmailDraft

__all__ = ["IntakeDialog"]


def _sentence(message: str) -> str:
    """A service message as a sentence: capital first letter, full stop at the end."""
    message = message.strip()
    if message[:1].islower():
        message = message[0].upper() + message[1:]
    if message and message[-1] not in ".!?…":
        message += "."
    return message


# --- the form ---------------------------------------------------------------------------------


class IntakeDialog(QDialog):
    """Log a request: a phone call (no draft) or an imported e-mail (with its draft).

    After `exec()` returns Accepted, `result_reference` is the new case's reference, or that
    of the open case the request was added to (`result_linked_existing_case` is then True).
    """

    def __init__(
        self,
        db: Database,
        *,
        draft: EmailDraft | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("intakeDialog")
        self._db = db
        self._draft = draft
        self._saving = False
        self._focused_once = False
        self.result_reference: str | None = None
        self.result_linked_existing_case = False
        self.result_subject_created = False
        self.result_due: dt.date | None = None

        self.setWindowTitle(
            self.tr("Log a request from an e-mail") if draft else self.tr("Log a request")
        )
        self._build()
        self._connect()
        if draft is not None:
            self._fill_from(draft.request)
        else:
            self.set_received_at(clock.now_oslo())
        self._update_deadline()
        self._update_read_back()
        self._update_save_enabled()
        self.name_edit.setFocus()

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        form_widget = QWidget()
        form_widget.setObjectName("intakeForm")
        column = QVBoxLayout(form_widget)
        column.addWidget(self._build_person())
        column.addWidget(self._build_request())
        column.addWidget(self._build_identity())
        column.addWidget(self._build_notes())
        column.addWidget(self._build_read_back())
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_widget)
        scroll.setFrameShape(QFrame.Shape.NoFrame)

        self.email_panel: QGroupBox | None = None
        if self._draft is not None:
            splitter = QSplitter(Qt.Orientation.Horizontal)
            self.email_panel = self._build_email_panel(self._draft)
            splitter.addWidget(self.email_panel)
            splitter.addWidget(scroll)
            splitter.setStretchFactor(0, 1)
            splitter.setStretchFactor(1, 1)
            outer.addWidget(splitter, 1)
            self.resize(1100, 760)
        else:
            outer.addWidget(scroll, 1)
            self.resize(680, 760)

        self.form_error = error_label("formError", self.tr("Why the request was not saved"))
        outer.addWidget(self.form_error)

        self.button_box = QDialogButtonBox()
        self.save_button = self.button_box.addButton(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveButton")
        self.save_button.setAccessibleName(self.tr("Save the request"))
        self.cancel_button = self.button_box.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setAccessibleName(self.tr("Cancel without saving"))
        self.save_button.clicked.connect(self.save)
        self.button_box.rejected.connect(self.reject)
        no_enter_default(self.button_box)
        outer.addWidget(self.button_box)
        self._set_tab_order()

    def _line(self, object_name: str, accessible: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(object_name)
        edit.setAccessibleName(accessible)
        return edit

    def _text(self, object_name: str, accessible: str, lines: int) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setObjectName(object_name)
        edit.setAccessibleName(accessible)
        edit.setTabChangesFocus(True)
        height = edit.fontMetrics().lineSpacing() * lines + 14
        edit.setMinimumHeight(height)
        edit.setMaximumHeight(height + height // 2)
        return edit

    def _build_person(self) -> QGroupBox:
        group = QGroupBox(self.tr("The person"))
        form = QFormLayout(group)
        self.name_edit = self._line("nameEdit", self.tr("Name"))
        self.name_edit.setPlaceholderText(self.tr("Full name as the person gives it"))
        form.addRow(self.tr("&Name:"), self.name_edit)

        self.phone_edit = self._line("phoneEdit", self.tr("Phone"))
        self.phone_edit.setPlaceholderText(self.tr("e.g. 912 34 567 or +46 70 123 45 67"))
        form.addRow(self.tr("&Phone:"), self.phone_edit)
        self.phone_error = error_label("phoneError", self.tr("Problem with the phone number"))
        form.addRow(self.phone_error)

        self.email_edit = self._line("emailEdit", self.tr("E-mail (optional)"))
        form.addRow(self.tr("E-&mail:"), self.email_edit)
        self.email_error = error_label("emailError", self.tr("Problem with the e-mail address"))
        form.addRow(self.email_error)

        self.address_edit = self._text("addressEdit", self.tr("Postal address"), 3)
        form.addRow(self.tr("Postal &address:"), self.address_edit)

        self.customer_no_edit = self._line("customerNoEdit", self.tr("Customer number"))
        form.addRow(self.tr("&Customer number:"), self.customer_no_edit)

        roles = QWidget()
        roles.setObjectName("rolesBox")
        row = QHBoxLayout(roles)
        row.setContentsMargins(0, 0, 0, 0)
        labels = {
            Role.CUSTOMER: self.tr("Customer"),
            Role.SUPPLIER: self.tr("Supplier"),
            Role.STAKEHOLDER: self.tr("Stakeholder"),
            Role.OTHER: self.tr("Other"),
        }
        self.role_checks: dict[Role, QCheckBox] = {}
        for role in Role:
            check = QCheckBox(labels[role])
            check.setObjectName(f"role_{role.value}")
            check.setAccessibleName(self.tr("Role: {role}").format(role=labels[role]))
            row.addWidget(check)
            self.role_checks[role] = check
        row.addStretch(1)
        form.addRow(self.tr("Roles:"), roles)
        return group

    def _build_request(self) -> QGroupBox:
        group = QGroupBox(self.tr("The request"))
        form = QFormLayout(group)

        types = QWidget()
        types.setObjectName("typesBox")
        grid = QGridLayout(types)
        grid.setContentsMargins(0, 0, 0, 0)
        self.type_checks: dict[RequestType, QCheckBox] = {}
        for i, kind in enumerate(REQUEST_TYPE_ORDER):
            check = QCheckBox(request_type_label(kind))
            check.setObjectName(f"type_{kind.value}")
            check.setAccessibleName(
                self.tr("Request type: {kind}").format(kind=request_type_label(kind))
            )
            grid.addWidget(check, i // 3, i % 3)
            self.type_checks[kind] = check
        form.addRow(self.tr("Asks for (at least one):"), types)

        self.received_edit = QDateTimeEdit()
        self.received_edit.setObjectName("receivedEdit")
        self.received_edit.setAccessibleName(self.tr("Received, date and time in Oslo time"))
        # The edit holds Oslo wall-clock time; UTC as its zone keeps Qt from shifting it by
        # the machine's own zone (see received_at()).
        self.received_edit.setTimeZone(QTimeZone.utc())
        self.received_edit.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.received_edit.setCalendarPopup(True)
        self.received_edit.setMinimumDateTime(
            QDateTime(to_qdate(GDPR_START), QTime(0, 0), QTimeZone.utc())
        )
        received_row = QWidget()
        row = QHBoxLayout(received_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.received_edit)
        row.addWidget(QLabel(self.tr("Oslo time")))
        row.addStretch(1)
        form.addRow(self.tr("&Received:"), received_row)

        self.receipt_source_label = plain_label("", "receiptSourceLabel")
        self.receipt_confirm_check = QCheckBox(self.tr("I have checked the time of receipt"))
        self.receipt_confirm_check.setObjectName("receiptConfirmCheck")
        self.receipt_confirm_check.setAccessibleName(self.tr("I have checked the time of receipt"))
        if self._draft is not None:
            form.addRow("", self.receipt_source_label)
            form.addRow("", self.receipt_confirm_check)
        else:
            self.receipt_source_label.hide()
            self.receipt_confirm_check.hide()

        self.deadline_label = plain_label("", "deadlineLabel")
        self.deadline_label.setAccessibleName(self.tr("Deadline"))
        self.deadline_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Deadline:"), self.deadline_label)

        self.channel_combo = QComboBox()
        self.channel_combo.setObjectName("channelCombo")
        self.channel_combo.setAccessibleName(self.tr("How the request came"))
        for channel, label in (
            (Channel.PHONE, self.tr("Phone")),
            (Channel.EMAIL, self.tr("E-mail")),
            (Channel.LETTER, self.tr("Letter")),
            (Channel.IN_PERSON, self.tr("In person")),
        ):
            self.channel_combo.addItem(label, channel.value)
        form.addRow(self.tr("C&hannel:"), self.channel_combo)

        self.language_combo = QComboBox()
        self.language_combo.setObjectName("languageCombo")
        self.language_combo.setAccessibleName(self.tr("Language of the answer"))
        self.language_combo.addItem(self.tr("Norsk bokmål"), "nb")
        self.language_combo.addItem(self.tr("English"), "en")
        form.addRow(self.tr("&Language of the answer:"), self.language_combo)
        return group

    def _identity_method_labels(self) -> dict[IdentityMethod, str]:
        return {
            IdentityMethod.KNOWN_EMAIL: self.tr("Reply from the e-mail address on record"),
            IdentityMethod.KNOWN_PHONE: self.tr("Call-back to the phone number on record"),
            IdentityMethod.CUSTOMER_DETAILS: self.tr(
                "Customer number and details of a recent purchase"
            ),
            IdentityMethod.ID_SHOWN_IN_PERSON: self.tr(
                "ID document shown in person (no copy kept)"
            ),
            IdentityMethod.BANKID: self.tr("BankID signature"),
            IdentityMethod.POSTAL_ADDRESS: self.tr("Letter to the postal address on record"),
            IdentityMethod.OTHER: self.tr("Other (described in the notes)"),
        }

    def _build_identity(self) -> QGroupBox:
        group = QGroupBox(self.tr("Identity check"))
        form = QFormLayout(group)
        self.identity_hint = plain_label(
            self.tr("Record the method and the result. Never keep a copy of an ID document."),
            "identityHint",
        )
        self.identity_hint.setAccessibleName(self.tr("Identity check hint"))
        form.addRow(self.identity_hint)

        self.identity_method_combo = QComboBox()
        self.identity_method_combo.setObjectName("identityMethodCombo")
        self.identity_method_combo.setAccessibleName(self.tr("How identity was checked"))
        self.identity_method_combo.addItem(self.tr("Not checked yet"), None)
        for method, label in self._identity_method_labels().items():
            self.identity_method_combo.addItem(label, method.value)
        form.addRow(self.tr("M&ethod:"), self.identity_method_combo)

        self.identity_result_combo = QComboBox()
        self.identity_result_combo.setObjectName("identityResultCombo")
        self.identity_result_combo.setAccessibleName(self.tr("Result of the identity check"))
        for result, label in (
            (IdentityResult.PENDING, self.tr("Pending")),
            (IdentityResult.VERIFIED, self.tr("Verified")),
            (IdentityResult.NOT_VERIFIED, self.tr("Not verified")),
        ):
            self.identity_result_combo.addItem(label, result.value)
        form.addRow(self.tr("Res&ult:"), self.identity_result_combo)

        self.identity_notes_edit = self._text("identityNotesEdit", self.tr("Identity notes"), 2)
        form.addRow(self.tr("No&tes:"), self.identity_notes_edit)
        return group

    def _build_notes(self) -> QGroupBox:
        title = self.tr("Notes") if self._draft is not None else self.tr("Call notes")
        group = QGroupBox(title)
        layout = QVBoxLayout(group)
        self.notes_edit = self._text("callNotesEdit", title, 4)
        self.notes_edit.setMaximumHeight(16777215)
        layout.addWidget(self.notes_edit)
        return group

    def _build_read_back(self) -> QGroupBox:
        group = QGroupBox(self.tr("Read back to the caller"))
        layout = QVBoxLayout(group)
        self.read_back_text = QPlainTextEdit()
        self.read_back_text.setObjectName("readBackText")
        self.read_back_text.setAccessibleName(self.tr("Read-back summary"))
        self.read_back_text.setReadOnly(True)
        self.read_back_text.setTabChangesFocus(True)
        self.read_back_text.setMinimumHeight(self.fontMetrics().lineSpacing() * 9)
        layout.addWidget(self.read_back_text)
        return group

    def _build_email_panel(self, draft: EmailDraft) -> QGroupBox:
        parsed = draft.parsed
        group = QGroupBox(self.tr("The e-mail"))
        group.setObjectName("emailPanel")
        form = QFormLayout(group)
        none = self.tr("none")

        def field(object_name: str, accessible: str, value: str) -> QLineEdit:
            edit = self._line(object_name, accessible)
            edit.setReadOnly(True)
            edit.setText(value)
            edit.setCursorPosition(0)
            return edit

        sender = parsed.sender_name
        if parsed.sender_email:
            sender = f"{sender} <{parsed.sender_email}>" if sender else parsed.sender_email
        forwarded = " ".join(
            p
            for p in (
                parsed.forwarded_by_name,
                f"<{parsed.forwarded_by_email}>" if parsed.forwarded_by_email else None,
            )
            if p
        )
        self.email_sender_field = field("emailSenderField", self.tr("Sender"), sender or none)
        self.email_reply_to_field = field(
            "emailReplyToField", self.tr("Reply-to"), parsed.reply_to or none
        )
        self.email_forwarded_field = field(
            "emailForwardedByField", self.tr("Forwarded by"), forwarded or none
        )
        self.email_subject_field = field(
            "emailSubjectField", self.tr("Subject", "e-mail subject line"), parsed.subject
        )
        self.email_attachments_field = field(
            "emailAttachmentsField",
            self.tr("Attachments"),
            ", ".join(parsed.attachment_names) or none,
        )
        received = parsed.received_at.astimezone(deadlines.OSLO)
        self.email_received_field = field(
            "emailReceivedField",
            self.tr("Time of receipt"),
            self.tr("{day} {time} Oslo time, {source}").format(
                day=format_day(received.date()),
                time=received.strftime("%H:%M"),
                source=self._source_text(parsed.received_source),
            ),
        )
        form.addRow(self.tr("From:"), self.email_sender_field)
        form.addRow(self.tr("Reply-to:"), self.email_reply_to_field)
        form.addRow(self.tr("Forwarded by:"), self.email_forwarded_field)
        form.addRow(self.tr("Subject:", "e-mail subject line"), self.email_subject_field)
        form.addRow(self.tr("Attachments:"), self.email_attachments_field)
        form.addRow(self.tr("Received:"), self.email_received_field)
        self.email_body = QPlainTextEdit()
        self.email_body.setObjectName("emailBody")
        self.email_body.setAccessibleName(self.tr("Text of the e-mail"))
        self.email_body.setReadOnly(True)
        self.email_body.setTabChangesFocus(True)
        self.email_body.setPlainText(parsed.body_text)
        form.addRow(self.email_body)
        return group

    def _source_text(self, source: str) -> str:
        # The values are app.intake.email's RECEIVED_HEADER, DATE_HEADER and FILE_TIME.
        return {
            "received-header": self.tr("from the Received header"),
            "date-header": self.tr("from the Date header"),
            "file-time": self.tr("from the file's time: check it"),
        }.get(source, source)

    def _set_tab_order(self) -> None:
        # The name is typed first; the e-mail panel, when there is one, comes after the form.
        chain: list[QWidget] = [
            self.name_edit,
            self.phone_edit,
            self.email_edit,
            self.address_edit,
            self.customer_no_edit,
            *self.role_checks.values(),
            *self.type_checks.values(),
            self.received_edit,
        ]
        if self._draft is not None:
            chain.append(self.receipt_confirm_check)
        chain += [
            self.channel_combo,
            self.language_combo,
            self.identity_method_combo,
            self.identity_result_combo,
            self.identity_notes_edit,
            self.notes_edit,
            self.read_back_text,
        ]
        if self.email_panel is not None:
            chain += [
                self.email_sender_field,
                self.email_reply_to_field,
                self.email_forwarded_field,
                self.email_subject_field,
                self.email_attachments_field,
                self.email_received_field,
                self.email_body,
            ]
        chain += [self.save_button, self.cancel_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        self.phone_edit.editingFinished.connect(self._phone_left)
        self.email_edit.editingFinished.connect(self._email_left)
        self.phone_edit.textEdited.connect(self._phone_edited)
        self.email_edit.textEdited.connect(self._email_edited)
        self.received_edit.dateTimeChanged.connect(self._received_changed)
        self.receipt_confirm_check.toggled.connect(self._update_save_enabled)
        self.identity_method_combo.currentIndexChanged.connect(self._identity_method_changed)
        self._identity_method_changed()
        for edit in (self.name_edit, self.phone_edit, self.email_edit):
            edit.textChanged.connect(self._update_read_back)
        self.address_edit.textChanged.connect(self._update_read_back)
        for check in self.type_checks.values():
            check.toggled.connect(self._update_read_back)
        self.language_combo.currentIndexChanged.connect(self._update_read_back)

    def _fill_from(self, request: RequestInput) -> None:
        self.name_edit.setText(request.name)
        self.phone_edit.setText(request.phone or "")
        self.email_edit.setText(request.email or "")
        self.address_edit.setPlainText(request.address)
        self.customer_no_edit.setText(request.customer_no or "")
        for role in request.roles:
            self.role_checks[Role(role)].setChecked(True)
        for kind in request.types:
            self.type_checks[RequestType(kind)].setChecked(True)
        self.set_channel(Channel(request.channel))
        index = self.language_combo.findData(request.language)
        self.language_combo.setCurrentIndex(max(index, 0))
        self.notes_edit.setPlainText(request.notes)
        self.set_received_at(request.received_at)
        if self._draft is not None:
            self.receipt_source_label.setText(
                self.tr("Time of receipt taken {source}. Check it against the e-mail.").format(
                    source=self._source_text(self._draft.parsed.received_source)
                )
            )
            # The channel is what the evidence says it is.
            self.channel_combo.setEnabled(False)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._focused_once:
            self._focused_once = True
            self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- values -----------------------------------------------------------------------------

    def set_channel(self, channel: Channel) -> None:
        self.channel_combo.setCurrentIndex(self.channel_combo.findData(Channel(channel).value))

    def set_received_at(self, moment: dt.datetime) -> None:
        """Show an aware moment as Oslo wall-clock time in the edit."""
        local = moment.astimezone(deadlines.OSLO)
        self.received_edit.setDateTime(
            QDateTime(
                QDate(local.year, local.month, local.day),
                QTime(local.hour, local.minute, local.second),
                QTimeZone.utc(),
            )
        )

    def received_at(self) -> dt.datetime:
        """The edit's Oslo wall-clock time as an aware datetime."""
        value = self.received_edit.dateTime()
        d, t = value.date(), value.time()
        return dt.datetime(
            d.year(),
            d.month(),
            d.day(),
            t.hour(),
            t.minute(),
            t.second(),
            tzinfo=deadlines.OSLO,
        )

    def selected_types(self) -> tuple[RequestType, ...]:
        return tuple(k for k, check in self.type_checks.items() if check.isChecked())

    def selected_roles(self) -> tuple[Role, ...]:
        return tuple(r for r, check in self.role_checks.items() if check.isChecked())

    def build_request(self) -> RequestInput:
        """The form as a RequestInput, not yet checked."""
        method = self.identity_method_combo.currentData()
        return RequestInput(
            channel=Channel(self.channel_combo.currentData()),
            types=self.selected_types(),
            name=self.name_edit.text(),
            received_at=self.received_at(),
            email=self.email_edit.text().strip() or None,
            phone=self.phone_edit.text().strip() or None,
            address=self.address_edit.toPlainText(),
            customer_no=self.customer_no_edit.text().strip() or None,
            roles=self.selected_roles(),
            notes=self.notes_edit.toPlainText(),
            language=str(self.language_combo.currentData()),
            identity_method=method,
            identity_result=self.identity_result_combo.currentData() if method else None,
            identity_notes=self.identity_notes_edit.toPlainText(),
            email_evidence=self._draft.request.email_evidence if self._draft else None,
        )

    # --- live feedback ----------------------------------------------------------------------

    def _set_field_error(self, edit: QLineEdit, label: QLabel, message: str) -> None:
        label.setText(message)
        label.setVisible(bool(message))
        edit.setAccessibleDescription(message)
        self._update_save_enabled()

    def _check_phone(self, *, reformat: bool) -> bool:
        text = self.phone_edit.text().strip()
        if not text:
            self._set_field_error(self.phone_edit, self.phone_error, "")
            return True
        try:
            # Through the services, which normalise exactly as they store.
            e164 = cases.normalise_phone(text)
        except InvalidInput as exc:
            self._set_field_error(self.phone_edit, self.phone_error, _sentence(problem_text(exc)))
            return False
        if reformat and self.phone_edit.text() != e164:
            self.phone_edit.setText(e164)
        self._set_field_error(self.phone_edit, self.phone_error, "")
        return True

    def _check_email(self, *, reformat: bool) -> bool:
        text = self.email_edit.text().strip()
        if not text:
            self._set_field_error(self.email_edit, self.email_error, "")
            return True
        try:
            normalised = cases.normalise_email(text).lower()  # as log_request stores it
        except InvalidInput as exc:
            self._set_field_error(self.email_edit, self.email_error, _sentence(problem_text(exc)))
            return False
        if reformat and self.email_edit.text() != normalised:
            self.email_edit.setText(normalised)
        self._set_field_error(self.email_edit, self.email_error, "")
        return True

    def _phone_left(self) -> None:
        self._check_phone(reformat=True)

    def _email_left(self) -> None:
        self._check_email(reformat=True)

    def _phone_edited(self) -> None:
        if self.phone_error.text():  # re-check only once a problem was shown
            self._check_phone(reformat=False)

    def _email_edited(self) -> None:
        if self.email_error.text():
            self._check_email(reformat=False)

    def _identity_method_changed(self) -> None:
        self.identity_result_combo.setEnabled(self.identity_method_combo.currentData() is not None)

    def _received_changed(self) -> None:
        self._update_deadline()
        self._update_read_back()

    def _due(self) -> dt.date:
        return deadlines.due_date(deadlines.receipt_date(self.received_at()))

    def _update_deadline(self) -> None:
        received = deadlines.receipt_date(self.received_at())
        explanation = deadlines.explain_due_date(received, lang=ui_language())
        self.deadline_label.setText(
            self.tr("Due {due} — {explanation}").format(
                due=format_day(explanation.due), explanation=explanation.text
            )
        )

    def _type_phrase(self, kind: RequestType) -> str:
        return {
            RequestType.ACCESS: self.tr(
                "to know what personal data we hold about you, and to get a copy of it"
            ),
            RequestType.RECTIFICATION: self.tr(
                "to have wrong or incomplete data about you corrected"
            ),
            RequestType.ERASURE: self.tr("to have your personal data deleted"),
            RequestType.RESTRICTION: self.tr(
                "to have the use of your data restricted, so that we only store it"
            ),
            RequestType.OBJECTION: self.tr(
                "that we stop using your data for a purpose you object to, such as marketing"
            ),
        }[kind]

    def read_back(self) -> str:
        """What the officer reads to the caller before saving."""
        missing = self.tr("not given")
        address = ", ".join(
            line.strip() for line in self.address_edit.toPlainText().splitlines() if line.strip()
        )
        phrases = [self._type_phrase(k) for k in self.selected_types()]
        if not phrases:
            asked = self.tr("You have not yet said what you ask for.")
        elif len(phrases) == 1:
            asked = self.tr("You ask {what}.").format(what=phrases[0])
        else:
            asked = self.tr("You ask {what} and {last}.").format(
                what=", ".join(phrases[:-1]), last=phrases[-1]
            )
        lines = [
            self.tr("Let me read back what I have written down."),
            self.tr("Name: {value}").format(
                value=" ".join(self.name_edit.text().split()) or missing
            ),
            self.tr("Phone: {value}").format(value=self.phone_edit.text().strip() or missing),
            self.tr("E-mail: {value}").format(value=self.email_edit.text().strip() or missing),
            self.tr("Postal address: {value}").format(value=address or missing),
            asked,
            self.tr("You will get our answer by {date} at the latest, in {language}.").format(
                date=format_day(self._due()), language=self.language_combo.currentText()
            ),
            self.tr("You will get a case reference when the request is saved."),
        ]
        return "\n".join(lines)

    def _update_read_back(self) -> None:
        self.read_back_text.setPlainText(self.read_back())

    def _update_save_enabled(self) -> None:
        confirmed = self._draft is None or self.receipt_confirm_check.isChecked()
        fields_ok = not (self.phone_error.text() or self.email_error.text())
        self.save_button.setEnabled(confirmed and fields_ok)
        if self._draft is not None and not confirmed:
            self.save_button.setToolTip(self.tr("Confirm the time of receipt first."))
        else:
            self.save_button.setToolTip("")

    def show_error(self, message: str) -> None:
        """Say why nothing was saved, under the form; everything typed stays."""
        self.form_error.setText(_sentence(message) if message else "")
        self.form_error.setVisible(bool(message))

    # --- the choices (override in tests or embedders) ----------------------------------------

    def make_subject_choice_dialog(self, matches: Sequence[SubjectMatch]) -> SubjectChoiceDialog:
        return SubjectChoiceDialog(matches, self)

    def make_duplicate_dialog(self, duplicates: Sequence[OpenCaseBrief]) -> DuplicateDialog:
        return DuplicateDialog(duplicates, self)

    def make_fee_decision_dialog(self, recent_free_statement: dt.date) -> FeeDecisionDialog:
        return FeeDecisionDialog(recent_free_statement, self)

    # --- saving -----------------------------------------------------------------------------

    def save(self) -> None:
        """Check, ask what must be decided, and log the request (or add it to an open case)."""
        if self._saving:
            return
        self._saving = True
        try:
            self._save()
        except UserError as exc:
            self.show_error(problem_text(exc))
        finally:
            self._saving = False

    def _save(self) -> None:
        self.show_error("")
        phone_ok = self._check_phone(reformat=True)
        email_ok = self._check_email(reformat=True)
        if not (phone_ok and email_ok):
            self.show_error(self.tr("Correct the fields marked in red; nothing was saved."))
            (self.phone_edit if not phone_ok else self.email_edit).setFocus()
            return
        if self._draft is not None and not self.receipt_confirm_check.isChecked():
            self.show_error(self.tr("Check the time of receipt and tick the box first."))
            return

        request = cases.normalise_request(self.build_request())
        check = cases.check_request(self._db, request)

        if check.matches:
            chooser = self.make_subject_choice_dialog(check.matches)
            try:
                chosen = chooser.exec() == QDialog.DialogCode.Accepted
                subject_id, create_new = chooser.chosen_subject_id, chooser.create_new
            finally:
                chooser.deleteLater()
            if not chosen or (subject_id is None and not create_new):
                self.show_error(self.tr("Nothing was saved: choose a person or create a new one."))
                return
            request = replace(request, subject_id=subject_id, new_subject=create_new)
            check = cases.check_request(self._db, request)
        else:
            # Nobody on record matched: say so to the service, so nothing links behind our back.
            request = replace(request, new_subject=True)

        if check.duplicates:
            duplicates = self.make_duplicate_dialog(check.duplicates)
            try:
                chosen = duplicates.exec() == QDialog.DialogCode.Accepted
                add_to, create_case = duplicates.add_to_reference, duplicates.create_new
            finally:
                duplicates.deleteLater()
            if not chosen or (add_to is None and not create_case):
                self.show_error(self.tr("Nothing was saved."))
                return
            if add_to is not None:
                cases.add_request_to_case(self._db, add_to, request)
                self._finish(add_to, linked=True)
                return

        if check.needs_fee_decision and check.recent_free_statement is not None:
            fee = self.make_fee_decision_dialog(check.recent_free_statement)
            try:
                decided = fee.exec() == QDialog.DialogCode.Accepted
                decision, amount, reason = fee.decision, fee.amount, fee.reason
            finally:
                fee.deleteLater()
            if not decided or decision is None:
                self.show_error(
                    self.tr("Nothing was saved: the once-a-year decision must be recorded.")
                )
                return
            request = replace(
                request, fee_decision=decision, fee_amount=amount, refusal_reason=reason
            )

        logged = cases.log_request(self._db, request)
        self.result_subject_created = logged.subject_created
        self.result_due = logged.due
        self._finish(logged.reference, linked=False)

    def _finish(self, reference: str, *, linked: bool) -> None:
        self.result_reference = reference
        self.result_linked_existing_case = linked
        self.accept()
