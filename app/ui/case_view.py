"""One case: its details, the deadline, the timeline, the e-mail it came by, notes, and the
actions the officer takes on it (each a small dialog, each one service call)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.deadlines import explain_due_date
from app.core.errors import UserError
from app.core.event_text import event_text, kind_label
from app.core.model import IdentityResult, Status
from app.services import cases, workflow
from app.services.dto import CaseDetail, DocumentView
from app.services.storage import Database
from app.ui.case_dialogs import (
    AddNoteDialog,
    AskIdentificationDialog,
    ChangeStatusDialog,
    ExtendDialog,
    IdentificationArrivedDialog,
    MarkAnsweredDialog,
    VerifyIdentityDialog,
)
from app.ui.formatting import (
    days_left_text,
    format_date,
    format_time_oslo,
    label,
    problem_text,
    ui_language,
)
from app.ui.restriction_banner import RestrictionBanner
from app.ui.subject_view import SubjectView
from app.ui.widgets import chain_tab_order, name_buttons, named, save_private_file, value_label

if TYPE_CHECKING:  # built when its tab is first shown
    from app.ui.rights_panel import RightsPanel

_RECEIVED_SOURCES = {
    "received-header": "the controller's mail server (Received header)",
    "date-header": "the sender's Date header: check it",
    "file-time": "the file's time: confirm it",
}


# --- the case view --------------------------------------------------------------------------


class CaseView(QDialog):
    """A case with its record and actions. Emits `changed(reference)` after every action."""

    changed = Signal(str)

    def __init__(
        self,
        db: Database,
        reference: str,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._today_fixed = today
        self.detail: CaseDetail = cases.get_case(db, reference)  # NotFound goes to the caller
        self.reference = self.detail.reference
        named(self, "caseView", self.tr("Case {reference}").format(reference=self.reference))
        self.setWindowTitle(self.tr("Case {reference}").format(reference=self.reference))
        self.resize(900, 760)
        self._build()
        self._show_detail()

    # --- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)

        details = QGroupBox(self.tr("Details"))
        named(details, "detailsGroup", self.tr("Details"))
        form = QFormLayout(details)
        self.reference_label = value_label("referenceValue", self.tr("Reference"))
        self.subject_label = value_label("subjectValue", self.tr("Subject"))
        self.open_subject_button = QPushButton(self.tr("Open &subject…"))
        named(self.open_subject_button, "openSubjectButton", self.tr("Open the subject"))
        self.open_subject_button.clicked.connect(self.open_subject)
        subject_row = QHBoxLayout()
        subject_row.addWidget(self.subject_label, 1)
        subject_row.addWidget(self.open_subject_button)
        self.types_label = value_label("typesValue", self.tr("Request types"))
        self.channel_label = value_label("channelValue", self.tr("Channel"))
        self.received_label = value_label("receivedValue", self.tr("Received"))
        self.status_label = value_label("statusValue", self.tr("Status"))
        self.contact_label = value_label("contactValue", self.tr("Contact"))
        self.identity_label = value_label("identityValue", self.tr("Identity check"))
        self.fee_label = value_label("feeValue", self.tr("Fee decision"))
        self.extension_label = value_label("extensionValue", self.tr("Extension"))
        self.answer_label = value_label("answerValue", self.tr("Answer"))
        form.addRow(self.tr("Reference:"), self.reference_label)
        form.addRow(self.tr("Subject:"), subject_row)
        form.addRow(self.tr("Request types:"), self.types_label)
        form.addRow(self.tr("Channel:"), self.channel_label)
        form.addRow(self.tr("Received (Oslo time):"), self.received_label)
        form.addRow(self.tr("Status:"), self.status_label)
        form.addRow(self.tr("Contact:"), self.contact_label)
        form.addRow(self.tr("Identity check:"), self.identity_label)
        form.addRow(self.tr("Fee decision:"), self.fee_label)
        form.addRow(self.tr("Extension:"), self.extension_label)
        form.addRow(self.tr("Answer:"), self.answer_label)
        layout.addWidget(details)

        deadline = QGroupBox(self.tr("Deadline"))
        named(deadline, "deadlineGroup", self.tr("Deadline"))
        deadline_form = QFormLayout(deadline)
        self.due_label = value_label("dueValue", self.tr("Due date (strict)"))
        self.adjusted_label = value_label("adjustedDueValue", self.tr("Adjusted date"))
        due_row = QHBoxLayout()
        due_row.addWidget(self.due_label, 1)
        due_row.addWidget(self.adjusted_label, 1)
        self.explanation_label = value_label("dueExplanation", self.tr("How the date was counted"))
        deadline_form.addRow(self.tr("Due (strict):"), due_row)
        deadline_form.addRow(self.tr("Counted:"), self.explanation_label)
        layout.addWidget(deadline)

        self.tabs = QTabWidget()
        named(self.tabs, "caseTabs", self.tr("Case record"))
        self.timeline = QTableWidget(0, 4)
        named(self.timeline, "timelineTable", self.tr("Timeline"))
        self.timeline.setHorizontalHeaderLabels(
            [self.tr("Time (Oslo)"), self.tr("User"), self.tr("Event"), self.tr("Detail")]
        )
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline.setWordWrap(True)
        self.timeline.verticalHeader().setVisible(False)
        header = self.timeline.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.tabs.addTab(self.timeline, self.tr("&Timeline"))

        self.email_panel = self._build_email_panel()
        self._email_tab_index = self.tabs.addTab(self.email_panel, self.tr("&E-mail"))

        notes = QWidget()
        named(notes, "notesPanel", self.tr("Notes"))
        notes_layout = QVBoxLayout(notes)
        notes_layout.addWidget(QLabel(self.tr("Notes taken when the request came in:")))
        self.call_notes = QPlainTextEdit()
        named(self.call_notes, "callNotes", self.tr("Notes taken when the request came in"))
        self.call_notes.setReadOnly(True)
        self.call_notes.setTabChangesFocus(True)
        notes_layout.addWidget(self.call_notes, 1)
        notes_layout.addWidget(QLabel(self.tr("Notes added since:")))
        self.notes_list = QListWidget()
        named(self.notes_list, "notesList", self.tr("Notes added since"))
        self.notes_list.setWordWrap(True)
        notes_layout.addWidget(self.notes_list, 2)
        self.tabs.addTab(notes, self.tr("N&otes"))
        # Imported here: the panels use this module's helpers.
        from app.ui.documents_panel import DocumentsPanel
        from app.ui.findings_panel import FindingsPanel

        self.findings_panel = FindingsPanel(self._db, self.reference, self, today=self._today_fixed)
        self._findings_tab_index = self.tabs.addTab(
            self.findings_panel, self.tr("Search (s&ystems)")
        )
        self.documents_panel = DocumentsPanel(
            self._db, self.reference, self, today=self._today_fixed
        )
        self.tabs.addTab(self.documents_panel, self.tr("&Documents"))
        self.findings_panel.changed.connect(self._on_changed_elsewhere)
        self.documents_panel.changed.connect(self._on_changed_elsewhere)
        # The rights panel draws up the erasure matrix and the notices to recipients from the
        # register when first shown, so it is built when the officer opens its tab, not when
        # the case is only looked at.
        self.rights_panel: RightsPanel | None = None
        self._rights_holder = QWidget()
        QVBoxLayout(self._rights_holder).setContentsMargins(0, 0, 0, 0)
        self._rights_tab_index = self.tabs.addTab(self._rights_holder, self.tr("&Rights"))
        self.tabs.currentChanged.connect(self._build_rights_panel_when_shown)
        layout.addWidget(self.tabs, 1)

        actions = QGroupBox(self.tr("Actions"))
        named(actions, "actionsGroup", self.tr("Actions"))
        grid = QGridLayout(actions)
        self.verify_button = self._action_button(
            self.tr("&Verify identity…"), "verifyIdentityButton", self.ask_verify_identity
        )
        self.ask_id_button = self._action_button(
            self.tr("Ask for &identification…"),
            "askIdentificationButton",
            self.ask_identification,
        )
        self.id_arrived_button = self._action_button(
            self.tr("Identification a&rrived…"),
            "identificationArrivedButton",
            self.ask_identification_arrived,
        )
        self.extend_button = self._action_button(
            self.tr("E&xtend…"), "extendButton", self.ask_extend
        )
        self.status_button = self._action_button(
            self.tr("Change stat&us…"), "changeStatusButton", self.ask_change_status
        )
        self.note_button = self._action_button(
            self.tr("Add &note…"), "addNoteButton", self.ask_add_note
        )
        self.answered_button = self._action_button(
            self.tr("Mark &answered…"), "markAnsweredButton", self.ask_mark_answered
        )
        self.pack_button = self._action_button(
            self.tr("Evidence &pack…"), "evidencePackButton", self.export_evidence_pack
        )
        buttons = [
            self.verify_button,
            self.ask_id_button,
            self.id_arrived_button,
            self.extend_button,
            self.status_button,
            self.note_button,
            self.answered_button,
            self.pack_button,
        ]
        for i, button in enumerate(buttons):
            grid.addWidget(button, i // 4, i % 4)
        layout.addWidget(actions)

        self.close_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        named(self.close_box, "caseViewButtons", self.tr("Close"))
        name_buttons(self.close_box, "caseView")
        self.close_box.rejected.connect(self.reject)
        layout.addWidget(self.close_box)

        chain_tab_order(
            self.open_subject_button,
            self.tabs,
            self.timeline,
            *buttons,
            self.close_box,
        )

    def _build_email_panel(self) -> QWidget:
        panel = QWidget()
        named(panel, "emailPanel", self.tr("E-mail"))
        layout = QVBoxLayout(panel)
        form = QFormLayout()
        self.sender_label = value_label("emailSender", self.tr("Sender"))
        self.reply_to_label = value_label("emailReplyTo", self.tr("Reply-to"))
        self.forwarded_label = value_label("emailForwardedBy", self.tr("Forwarded by"))
        self.email_subject_label = value_label("emailSubject", self.tr("E-mail subject"))
        self.receipt_source_label = value_label(
            "emailReceiptSource", self.tr("Time of receipt taken from")
        )
        form.addRow(self.tr("From:"), self.sender_label)
        form.addRow(self.tr("Reply-to:"), self.reply_to_label)
        form.addRow(self.tr("Forwarded by:"), self.forwarded_label)
        # The e-mail's subject line, not the data subject (Bokmål: "Emne:").
        form.addRow(self.tr("Subject:", "e-mail subject line"), self.email_subject_label)
        form.addRow(self.tr("Receipt time from:"), self.receipt_source_label)
        layout.addLayout(form)
        self.email_body = QPlainTextEdit()
        named(self.email_body, "emailBody", self.tr("E-mail text"))
        self.email_body.setReadOnly(True)
        self.email_body.setTabChangesFocus(True)
        layout.addWidget(self.email_body, 1)
        layout.addWidget(QLabel(self.tr("Attachments:")))
        self.attachments_list = QListWidget()
        named(self.attachments_list, "emailAttachments", self.tr("Attachments"))
        self.attachments_list.setMaximumHeight(80)
        layout.addWidget(self.attachments_list)
        stored = QGroupBox(self.tr("Stored original"))
        named(stored, "storedOriginalGroup", self.tr("Stored original"))
        stored_form = QFormLayout(stored)
        self.stored_file_label = value_label("storedFileName", self.tr("File"))
        self.stored_sha_label = value_label("storedFileSha256", self.tr("SHA-256"))
        self.save_original_button = QPushButton(self.tr("Save ori&ginal…"))
        named(self.save_original_button, "saveOriginalButton", self.tr("Save the original e-mail"))
        self.save_original_button.clicked.connect(self.ask_save_original)
        stored_form.addRow(self.tr("File:"), self.stored_file_label)
        stored_form.addRow(self.tr("SHA-256:"), self.stored_sha_label)
        stored_form.addRow("", self.save_original_button)
        layout.addWidget(stored)
        chain_tab_order(self.email_body, self.attachments_list, self.save_original_button)
        return panel

    def _action_button(
        self, text: str, object_name: str, slot: Callable[[], object]
    ) -> QPushButton:
        button = QPushButton(text)
        named(button, object_name, text.replace("&", "").rstrip("…"))
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    # --- showing the record -------------------------------------------------------------------

    @property
    def today(self) -> dt.date:
        return self._today_fixed or cases.today_oslo()

    def reload(self) -> None:
        """Read the case again from the database and show it."""
        try:
            self.detail = cases.get_case(self._db, self.reference)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Innsyn"), problem_text(exc))
            return
        self._show_detail()

    def _show_detail(self) -> None:
        d = self.detail
        today = self.today
        self.reference_label.setText(d.reference)
        self.subject_label.setText(f"{d.subject_name} ({d.subject_pseudonym})")
        self.types_label.setText(", ".join(label(t.value) for t in d.types))
        self.channel_label.setText(label(d.channel.value))
        self.received_label.setText(format_time_oslo(d.received_at))
        self.status_label.setText(label(d.status.value))
        self.contact_label.setText(self._contact_text(d))
        self.identity_label.setText(self._identity_text(d))
        self.fee_label.setText(self._fee_text(d))
        self.extension_label.setText(self._extension_text(d))
        self.answer_label.setText(self._answer_text(d))

        due = format_date(d.due)
        if d.is_open:
            due += "  ·  " + self.tr("days left: {text}").format(
                text=days_left_text(d.due, today, is_open=True)
            )
        self.due_label.setText(due)
        lang = ui_language()
        self.explanation_label.setText(
            explain_due_date(d.received, extended=d.extended, lang=lang).text
        )
        if d.adjusted_due is not None:
            self.adjusted_label.setText(
                self.tr("{date}: adjusted for the identity pause (the strict date counts)").format(
                    date=format_date(d.adjusted_due)
                )
            )
            self.adjusted_label.show()
        else:
            self.adjusted_label.clear()
            self.adjusted_label.hide()

        self._show_timeline(d)
        self._show_email(d)
        self._show_notes(d)
        kinds = {t.value for t in d.types}
        self.tabs.setTabVisible(self._findings_tab_index, "access" in kinds)
        self.tabs.setTabVisible(
            self._rights_tab_index,
            bool(kinds & {"rectification", "erasure", "restriction", "objection"}),
        )
        self._show_restriction(d)
        self.documents_panel.show_case(d)
        self._enable_actions(d)

    def _contact_text(self, d: CaseDetail) -> str:
        parts = [p for p in (d.contact_email, d.contact_phone) if p]
        text = " · ".join(parts) if parts else self.tr("none recorded")
        if d.forwarded_by:
            text += "\n" + self.tr("forwarded by {who}").format(who=d.forwarded_by)
        return text

    def _identity_text(self, d: CaseDetail) -> str:
        lines = []
        if d.identity_method:
            lines.append(f"{label(d.identity_method)}: {label(d.identity_result or 'pending')}")
            if d.identity_verified_on:
                lines.append(
                    self.tr("verified on {date}").format(date=format_date(d.identity_verified_on))
                )
            if d.identity_notes:
                lines.append(d.identity_notes)
        else:
            lines.append(self.tr("not checked yet"))
        if d.identity_requested_on:
            asked = self.tr("identification asked for on {date}").format(
                date=format_date(d.identity_requested_on)
            )
            if d.identity_received_on:
                asked += "; " + self.tr("arrived {date}").format(
                    date=format_date(d.identity_received_on)
                )
            else:
                asked += "; " + self.tr("not yet arrived")
            lines.append(asked)
        return "\n".join(lines)

    def _fee_text(self, d: CaseDetail) -> str:
        if not d.fee_decision:
            return self.tr("free (no once-a-year decision needed)")
        text = label(d.fee_decision)
        if d.fee_amount:
            text += " " + self.tr("({amount} kr)").format(amount=d.fee_amount)
        if d.refusal_reason:
            text += "\n" + d.refusal_reason
        return text

    def _extension_text(self, d: CaseDetail) -> str:
        if not d.extended:
            return self.tr("not extended")
        text = self.tr("extended on {decided}; person told {told}").format(
            decided=format_date(d.extension_decided_on), told=format_date(d.extension_told_on)
        )
        if d.extension_reason:
            text += "\n" + d.extension_reason
        return text

    def _answer_text(self, d: CaseDetail) -> str:
        if d.answered_on is None:
            return self.tr("not answered yet")
        text = self.tr("{date} by {method}").format(
            date=format_date(d.answered_on), method=label(d.answer_method or "")
        )
        if d.closed_on:
            text += "; " + self.tr("closed {date}").format(date=format_date(d.closed_on))
        return text

    def _show_timeline(self, d: CaseDetail) -> None:
        self.timeline.setRowCount(len(d.events))
        language = ui_language()
        for row, event in enumerate(d.events):
            cells = (
                format_time_oslo(event.at),
                event.user,
                kind_label(event.kind, language),
                event_text(event.kind, event.params, event.detail, language),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text if column == 3 else "")
                self.timeline.setItem(row, column, item)
        self.timeline.resizeRowsToContents()

    def timeline_rows(self) -> list[tuple[str, str, str, str]]:
        """What the timeline shows, row by row (time, user, event, detail)."""

        def text(row: int, column: int) -> str:
            item = self.timeline.item(row, column)
            return item.text() if item is not None else ""

        return [
            (text(row, 0), text(row, 1), text(row, 2), text(row, 3))
            for row in range(self.timeline.rowCount())
        ]

    def email_document(self) -> DocumentView | None:
        return next((doc for doc in self.detail.documents if doc.kind == "email"), None)

    def _show_email(self, d: CaseDetail) -> None:
        email = d.email
        self.tabs.setTabVisible(self._email_tab_index, email is not None)
        if email is None:
            return
        sender = email.sender_name
        if email.sender_email:
            sender = f"{sender} <{email.sender_email}>" if sender else email.sender_email
        self.sender_label.setText(sender)
        self.reply_to_label.setText(email.reply_to or "")
        self.forwarded_label.setText(email.forwarded_by or "")
        self.email_subject_label.setText(email.subject_line)
        source = _RECEIVED_SOURCES.get(email.received_source)
        self.receipt_source_label.setText(self.tr(source) if source else email.received_source)
        self.email_body.setPlainText(email.body_text)
        self.attachments_list.clear()
        self.attachments_list.addItems(list(email.attachment_names))
        if not email.attachment_names:
            self.attachments_list.addItem(self.tr("(none)"))
        doc = self.email_document()
        if doc is not None:
            self.stored_file_label.setText(
                self.tr("{name} ({size} bytes, {media_type})").format(
                    name=doc.filename, size=doc.size, media_type=doc.media_type
                )
            )
            self.stored_sha_label.setText(doc.sha256)
        else:
            self.stored_file_label.setText(self.tr("no original stored"))
            self.stored_sha_label.clear()
        self.save_original_button.setEnabled(doc is not None)

    def _show_notes(self, d: CaseDetail) -> None:
        self.call_notes.setPlainText(d.call_notes)
        self.notes_list.clear()
        for event in d.events:
            if event.kind == "note":
                self.notes_list.addItem(
                    f"{format_time_oslo(event.at)} · {event.user}\n{event.detail}"
                )

    def _enable_actions(self, d: CaseDetail) -> None:
        awaiting = d.identity_requested_on is not None and d.identity_received_on is None
        self.ask_id_button.setEnabled(d.is_open and not awaiting)
        self.id_arrived_button.setEnabled(awaiting)
        self.extend_button.setEnabled(d.is_open and not d.extended)
        self.answered_button.setEnabled(d.is_open)
        closed_tip = self.tr("The case is {status}.").format(status=label(d.status.value))
        self.extend_button.setToolTip(
            self.tr("Already extended.") if d.extended else ("" if d.is_open else closed_tip)
        )
        self.answered_button.setToolTip("" if d.is_open else closed_tip)
        self.id_arrived_button.setToolTip(
            "" if awaiting else self.tr("The case is not waiting for identification.")
        )

    # --- actions: each one service call; a UserError is shown and nothing else happens --------

    def _perform(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Innsyn"), problem_text(exc))
            return False
        self.reload()
        self.changed.emit(self.reference)
        return True

    def do_verify_identity(
        self, method: str, result: IdentityResult, notes: str = "", on: dt.date | None = None
    ) -> bool:
        return self._perform(
            lambda: cases.record_identity(
                self._db, self.reference, method=method, result=result, notes=notes, on=on
            )
        )

    def do_ask_identification(self, requested_on: dt.date) -> bool:
        return self._perform(
            lambda: cases.pause_for_identity(self._db, self.reference, requested_on=requested_on)
        )

    def do_identification_arrived(self, received_on: dt.date) -> bool:
        return self._perform(
            lambda: cases.resume_after_identity(self._db, self.reference, received_on=received_on)
        )

    def do_extend(self, reason: str, decided_on: dt.date, told_on: dt.date) -> bool:
        return self._perform(
            lambda: cases.extend(
                self._db, self.reference, reason=reason, decided_on=decided_on, told_on=told_on
            )
        )

    def do_change_status(self, status: Status, note: str = "") -> bool:
        return self._perform(lambda: workflow.change_status(self._db, self.reference, status, note))

    def do_add_note(self, note: str) -> bool:
        return self._perform(lambda: cases.add_note(self._db, self.reference, note))

    def do_mark_answered(self, on: dt.date, method: str, note: str = "") -> bool:
        return self._perform(
            lambda: workflow.mark_answered(
                self._db, self.reference, on=on, method=method, note=note
            )
        )

    # --- the buttons: a dialog, then the action ----------------------------------------------------

    def ask_verify_identity(self) -> None:
        dialog = VerifyIdentityDialog(self, today=self.today)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.do_verify_identity(*dialog.values())

    def ask_identification(self) -> None:
        dialog = AskIdentificationDialog(self, today=self.today)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.do_ask_identification(dialog.value())

    def ask_identification_arrived(self) -> None:
        dialog = IdentificationArrivedDialog(self, today=self.today)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.do_identification_arrived(dialog.value())

    def ask_extend(self) -> None:
        dialog = ExtendDialog(self, today=self.today)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.do_extend(*dialog.values())

    def ask_change_status(self) -> None:
        dialog = ChangeStatusDialog(self, current=self.detail.status)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.do_change_status(*dialog.values())

    def ask_add_note(self) -> None:
        dialog = AddNoteDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.do_add_note(dialog.value())

    def ask_mark_answered(self) -> None:
        dialog = MarkAnsweredDialog(self, today=self.today)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.do_mark_answered(*dialog.values())

    # --- the original e-mail and the subject -----------------------------------------------------

    def save_original(self, path: Path) -> bool:
        """Write the stored original e-mail, byte for byte, to `path`."""
        doc = self.email_document()
        if doc is None:
            return False
        try:
            _name, content = cases.document_content(self._db, doc.id)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Innsyn"), problem_text(exc))
            return False
        return save_private_file(self, Path(path), content)

    def ask_save_original(self) -> None:
        doc = self.email_document()
        if doc is None:
            return
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the original e-mail"), doc.filename
        )
        if chosen:
            self.save_original(Path(chosen))

    def open_subject(self) -> SubjectView | None:
        try:
            view = SubjectView(self._db, self.detail.subject_id, self, open_case=CaseView)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Innsyn"), problem_text(exc))
            return None
        view.changed.connect(self._on_changed_elsewhere)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.show()
        return view

    def _build_rights_panel_when_shown(self, index: int) -> None:
        if index != self._rights_tab_index or self.rights_panel is not None:
            return
        from app.ui.rights_panel import RightsPanel

        self.rights_panel = RightsPanel(self._db, self.reference, self, today=self._today_fixed)
        self.rights_panel.changed.connect(self._on_changed_elsewhere)
        self.rights_panel.documentCreated.connect(lambda _id: self.reload())
        holder = self._rights_holder.layout()
        assert holder is not None
        holder.addWidget(self.rights_panel)

    def _show_restriction(self, d: CaseDetail) -> None:
        """The red banner wherever the person appears, when their processing is restricted."""
        banner = getattr(self, "restriction_banner", None)
        if banner is None or banner.subject_id != d.subject_id:
            if banner is not None:
                banner.deleteLater()
            self.restriction_banner = RestrictionBanner.for_subject(self._db, d.subject_id, self)
            layout = self.layout()
            assert isinstance(layout, QVBoxLayout)
            layout.insertWidget(0, self.restriction_banner)
        else:
            banner.refresh()

    def export_evidence_pack(self) -> None:
        from app.ui.export_dialog import export_case_pack

        export_case_pack(self, self._db, self.reference)

    def _on_changed_elsewhere(self, reference: str) -> None:
        self.reload()
        self.changed.emit(reference)
