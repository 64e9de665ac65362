"""This module is long because `RightsPanel` is one widget whose seven sections share the
case, its reload, its letter language and its running calls; its dialogs and tables live in
`rights_dialogs`, the red banner in `restriction_banner`.

The rights of one case after access: the erasure matrix, the system checklist, rectification,
restriction, objection, the notices to recipients (Art. 19), the letters, and closing.

Each action is one service call; a refusal (a UserError) is shown in a message box and
changes nothing. `RightsPanel` shows only the sections the case's request types need;
`RestrictionBanner` (from `restriction_banner`) goes wherever a restricted person appears.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import UserError
from app.core.model import RequestType, Status
from app.core.rights import Decision, TaskKind
from app.services import cases, register, rights, subjects, workflow
from app.services.dto import CaseDetail, SubjectDetail
from app.services.storage import Database
from app.ui.formatting import format_date, format_time_oslo, label, problem_text
from app.ui.restriction_banner import RestrictionBanner
from app.ui.rights_dialogs import (
    DoneDialog,
    IdRole,
    LineDialog,
    NotNotifiedDialog,
    ask_line_change,
    decision_texts,
    ground_texts,
    letter_names,
    rights_letter_kinds,
    rights_table,
    selected_id,
    table_item,
)
from app.ui.tasks import BackgroundCalls, Task, report_failure
from app.ui.widgets import date_edit, from_qdate, named, save_private_file, to_qdate

T = TypeVar("T")


# --- the panel ----------------------------------------------------------------------------------


class RightsPanel(QWidget):
    """The rights part of a case. `documentCreated(id)` after a letter is stored;
    `changed(reference)` after every action that changed the case."""

    documentCreated = Signal(int)
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
        self.types = set(self.detail.types)
        named(
            self,
            "rightsPanel",
            self.tr("Rights of case {reference}").format(reference=self.reference),
        )
        self.lines: list[rights.ErasureLineView] = []
        self.notice_rows: list[rights.NoticeView] = []
        self.restriction_rows: list[rights.RestrictionView] = []
        self.task_rows: list[rights.SystemTaskView] = []
        self.last_result: rights.ErasureResult | None = None
        self._building = False
        self.calls = BackgroundCalls(self)
        self._build()
        self.draw_up()
        self.reload()

    @property
    def today(self) -> dt.date:
        return self._today_fixed or cases.today_oslo()

    # --- layout ---------------------------------------------------------------------------------

    def _button(self, text: str, object_name: str, slot: Callable[[], object]) -> QPushButton:
        button = named(QPushButton(text), object_name, text.replace("&", "").rstrip("…"))
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _group(self, title: str, object_name: str) -> QGroupBox:
        return named(QGroupBox(title), object_name, title)

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.banner = RestrictionBanner.for_subject(self._db, self.detail.subject_id, self)
        outer.addWidget(self.banner)
        outer.addWidget(self.calls.bar)
        scroll = named(QScrollArea(), "rightsScroll", self.tr("Rights"))
        scroll.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        changes_data = bool(
            self.types & {RequestType.RECTIFICATION, RequestType.ERASURE, RequestType.RESTRICTION}
        )
        self.erasure_group = self._build_erasure()
        self.tasks_group = self._build_tasks()
        self.rectify_group = self._build_rectify()
        self.restrict_group = self._build_restrict()
        self.objection_group = self._build_objection()
        self.notices_group = self._build_notices()
        self.letters_group = self._build_letters()
        for group, shown in (
            (self.erasure_group, RequestType.ERASURE in self.types),
            (self.rectify_group, RequestType.RECTIFICATION in self.types),
            (self.restrict_group, RequestType.RESTRICTION in self.types),
            (self.objection_group, RequestType.OBJECTION in self.types),
            (self.tasks_group, changes_data),
            (self.notices_group, changes_data),
            (self.letters_group, bool(self.letter_kinds())),
        ):
            layout.addWidget(group)
            group.setVisible(shown)
        close_row = QHBoxLayout()
        self.close_button = self._button(self.tr("&Close case…"), "closeCaseButton", self.ask_close)
        close_row.addStretch(1)
        close_row.addWidget(self.close_button)
        layout.addLayout(close_row)
        layout.addStretch(1)

    def _build_erasure(self) -> QGroupBox:
        group = self._group(self.tr("Erasure (Art. 17)"), "erasureGroup")
        layout = QVBoxLayout(group)
        self.erasure_status = named(QLabel(), "erasureStatus", self.tr("Erasure status"))
        self.erasure_status.setWordWrap(True)
        self.matrix = rights_table(
            "erasureMatrix",
            self.tr("Erasure matrix"),
            [self.tr("Activity"), self.tr("Data"), self.tr("Decision"), self.tr("Ground"), self.tr("Until"), self.tr("Reason")],
        )  # fmt: skip
        buttons = QHBoxLayout()
        self.edit_line_button = self._button(
            self.tr("&Edit line…"), "editErasureLineButton", self.ask_edit_line
        )
        self.apply_button = self._button(
            self.tr("&Apply erasure…"), "applyErasureButton", self.ask_apply_erasure
        )
        buttons.addWidget(self.edit_line_button)
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        layout.addWidget(self.erasure_status)
        layout.addWidget(self.matrix)
        layout.addLayout(buttons)
        return group

    def _build_tasks(self) -> QGroupBox:
        group = self._group(self.tr("Systems to change"), "tasksGroup")
        layout = QVBoxLayout(group)
        self.tasks_table = rights_table(
            "systemTasks",
            self.tr("Systems to change"),
            [
                self.tr("System"),
                self.tr("Task"),
                self.tr("Owner"),
                self.tr("Done on"),
                self.tr("Notes"),
            ],
        )
        self.tasks_table.itemChanged.connect(self._task_ticked)
        buttons = QHBoxLayout()
        self.create_tasks_button = self._button(
            self.tr("Create &tasks from the register"), "createTasksButton", self.create_tasks
        )
        self.task_done_button = self._button(
            self.tr("Done on…"), "taskDoneButton", self.ask_task_done
        )
        buttons.addWidget(self.create_tasks_button)
        buttons.addWidget(self.task_done_button)
        buttons.addStretch(1)
        layout.addWidget(self.tasks_table)
        layout.addLayout(buttons)
        return group

    def _build_rectify(self) -> QGroupBox:
        group = self._group(self.tr("Rectification (Art. 16)"), "rectifyGroup")
        layout = QVBoxLayout(group)
        form = QFormLayout()
        self.name_edit = named(QLineEdit(), "rectifyName", self.tr("Name"))
        self.address_edit = named(QPlainTextEdit(), "rectifyAddress", self.tr("Postal address"))
        self.address_edit.setFixedHeight(60)
        self.emails_edit = named(QLineEdit(), "rectifyEmails", self.tr("E-mail addresses"))
        self.emails_edit.setPlaceholderText(self.tr("comma separated"))
        self.phones_edit = named(QLineEdit(), "rectifyPhones", self.tr("Phone numbers"))
        self.phones_edit.setPlaceholderText(self.tr("comma separated"))
        self.customer_edit = named(QLineEdit(), "rectifyCustomerNo", self.tr("Customer number"))
        self.purchase_check = named(
            QCheckBox(self.tr("Known")), "rectifyHasLastPurchase", self.tr("Last purchase known")
        )
        self.purchase_edit = date_edit("rectifyLastPurchase", self.tr("Last purchase"), self.today)
        self.contact_check = named(
            QCheckBox(self.tr("Known")), "rectifyHasLastContact", self.tr("Last contact known")
        )
        self.contact_edit = date_edit("rectifyLastContact", self.tr("Last contact"), self.today)
        for check, edit in (
            (self.purchase_check, self.purchase_edit),
            (self.contact_check, self.contact_edit),
        ):
            edit.setMaximumDate(to_qdate(self.today))
            check.toggled.connect(edit.setEnabled)
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("Postal &address:"), self.address_edit)
        form.addRow(self.tr("&E-mail addresses:"), self.emails_edit)
        form.addRow(self.tr("&Phone numbers:"), self.phones_edit)
        form.addRow(self.tr("C&ustomer number:"), self.customer_edit)
        for text, check, edit in (
            (self.tr("Last purchase:"), self.purchase_check, self.purchase_edit),
            (self.tr("Last contact:"), self.contact_check, self.contact_edit),
        ):
            row = QHBoxLayout()
            row.addWidget(check)
            row.addWidget(edit, 1)
            form.addRow(text, row)
        self.rectify_button = self._button(
            self.tr("&Save corrections"), "rectifyButton", self.save_corrections
        )
        self.changes_table = rights_table(
            "fieldChanges",
            self.tr("Corrections recorded"),
            [
                self.tr("Field"),
                self.tr("Old value"),
                self.tr("New value"),
                self.tr("Changed (Oslo)"),
            ],
        )
        layout.addLayout(form)
        layout.addWidget(self.rectify_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.changes_table)
        return group

    def _build_restrict(self) -> QGroupBox:
        group = self._group(self.tr("Restriction (Art. 18)"), "restrictGroup")
        layout = QVBoxLayout(group)
        form = QFormLayout()
        self.ground_combo = named(QComboBox(), "restrictGround", self.tr("Ground, Art. 18(1)"))
        for letter, text in ground_texts().items():
            self.ground_combo.addItem(text, letter)
        self.scope_combo = named(QComboBox(), "restrictScope", self.tr("What is restricted"))
        self.scope_combo.addItem(self.tr("All processing of the person's data"), None)
        for activity in register.list_activities(self._db):
            self.scope_combo.addItem(activity.name, activity.id)
        self.until_check = named(
            QCheckBox(self.tr("Planned end")), "restrictHasUntil", self.tr("Planned end")
        )
        self.until_edit = date_edit(
            "restrictUntil", self.tr("Planned end"), self.today + dt.timedelta(days=30)
        )
        self.until_edit.setEnabled(False)
        self.until_check.toggled.connect(self.until_edit.setEnabled)
        until_row = QHBoxLayout()
        until_row.addWidget(self.until_check)
        until_row.addWidget(self.until_edit, 1)
        form.addRow(self.tr("&Ground:"), self.ground_combo)
        form.addRow(self.tr("&Scope:"), self.scope_combo)
        form.addRow("", until_row)
        self.restrict_button = self._button(
            self.tr("&Restrict"), "restrictButton", self.restrict_now
        )
        self.restrictions_table = rights_table(
            "restrictionsTable",
            self.tr("Restrictions"),
            [self.tr("Scope"), self.tr("Ground"), self.tr("Since"), self.tr("Planned end"), self.tr("Person told"), self.tr("Lifted")],
        )  # fmt: skip
        buttons = QHBoxLayout()
        self.told_button = self._button(
            self.tr("Person &told…"), "restrictionToldButton", self.ask_told
        )
        self.lift_button = self._button(self.tr("&Lift…"), "liftRestrictionButton", self.ask_lift)
        buttons.addWidget(self.told_button)
        buttons.addWidget(self.lift_button)
        buttons.addStretch(1)
        layout.addLayout(form)
        layout.addWidget(self.restrict_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.restrictions_table)
        layout.addLayout(buttons)
        return group

    def _build_objection(self) -> QGroupBox:
        group = self._group(self.tr("Objection (Art. 21)"), "objectionGroup")
        layout = QVBoxLayout(group)
        form = QFormLayout()
        self.objection_activity = named(
            QComboBox(), "objectionActivity", self.tr("Processing objected to")
        )
        marketing = 0
        for activity in register.list_activities(self._db):
            self.objection_activity.addItem(activity.name, activity.id)
            words = f"{activity.name} {activity.purpose}".casefold()
            if not marketing and ("marketing" in words or "markedsføring" in words):
                marketing = self.objection_activity.count() - 1
        self.objection_activity.setCurrentIndex(marketing)
        self.stop_marketing_button = self._button(
            self.tr("&Stop direct marketing now"), "stopMarketingButton", self.stop_marketing
        )
        self.outcome_edit = named(
            QPlainTextEdit(), "objectionOutcome", self.tr("Outcome of a general objection")
        )
        self.outcome_edit.setFixedHeight(60)
        self.record_objection_button = self._button(
            self.tr("Record &objection"), "recordObjectionButton", self.record_objection
        )
        form.addRow(self.tr("&Processing:"), self.objection_activity)
        form.addRow("", self.stop_marketing_button)
        form.addRow(self.tr("O&utcome:"), self.outcome_edit)
        form.addRow("", self.record_objection_button)
        self.objections_table = rights_table(
            "objectionsTable",
            self.tr("Objections"),
            [self.tr("Processing"), self.tr("Direct marketing"), self.tr("Recorded"), self.tr("Stopped"), self.tr("Outcome")],
        )  # fmt: skip
        layout.addLayout(form)
        layout.addWidget(self.objections_table)
        return group

    def _build_notices(self) -> QGroupBox:
        group = self._group(self.tr("Recipients to notify (Art. 19)"), "noticesGroup")
        layout = QVBoxLayout(group)
        self.notices_table = rights_table(
            "noticesTable",
            self.tr("Recipients to notify"),
            [self.tr("Recipient"), self.tr("Role"), self.tr("Status"), self.tr("Notified on"), self.tr("Method"), self.tr("Reason")],
        )  # fmt: skip
        buttons = QHBoxLayout()
        self.notified_button = self._button(
            self.tr("&Notified…"), "noticeNotifiedButton", self.ask_notified
        )
        self.not_notified_button = self._button(
            self.tr("N&ot notified…"), "noticeNotNotifiedButton", self.ask_not_notified
        )
        self.notice_letter_button = self._button(
            self.tr("Notice &letter"), "noticeLetterButton", self.notice_letter
        )
        self.copy_email_button = self._button(
            self.tr("&Copy e-mail text"), "noticeCopyEmailButton", self.copy_notice_email
        )
        for button in (
            self.notified_button,
            self.not_notified_button,
            self.notice_letter_button,
            self.copy_email_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addWidget(self.notices_table)
        layout.addLayout(buttons)
        return group

    def _build_letters(self) -> QGroupBox:
        group = self._group(self.tr("Letters"), "lettersGroup")
        row = QHBoxLayout(group)
        self.letter_combo = named(QComboBox(), "rightsLetterKind", self.tr("Letter"))
        names = letter_names()
        for kind in self.letter_kinds():
            self.letter_combo.addItem(names[kind], kind)
        self.language_combo = named(QComboBox(), "rightsLetterLanguage", self.tr("Language"))
        self.language_combo.addItem(self.tr("Norwegian (Bokmål)"), "nb")
        self.language_combo.addItem(self.tr("English"), "en")
        self.language_combo.setCurrentIndex(
            max(0, self.language_combo.findData(self.detail.language))
        )
        self.name_recipients_check = named(
            QCheckBox(self.tr("Name the recipients (the person asked)")),
            "nameRecipientsCheck",
            self.tr("Name the recipients"),
        )
        self.letter_button = self._button(
            self.tr("&Generate letter"), "generateLetterButton", self.generate_letter
        )
        row.addWidget(self.letter_combo, 1)
        row.addWidget(self.language_combo)
        row.addWidget(self.name_recipients_check)
        row.addWidget(self.letter_button)
        return group

    def letter_kinds(self) -> list[str]:
        return rights_letter_kinds(self.types)

    # --- showing --------------------------------------------------------------------------------

    def draw_up(self) -> None:
        """The one explicit step that writes on opening: an erasure case's default matrix
        (and the notices its lines make due) drawn up from the register, once; the actions
        (rectify, restrict, a line changed, the erasure) draw up what they make due
        themselves, so a reload only reads."""
        if RequestType.ERASURE not in self.types:
            return
        try:
            rights.draw_up_erasure_matrix(self._db, self.reference)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Innsyn"), problem_text(exc))

    def reload(self) -> None:
        """Read the case and its rights again and show them."""
        try:
            self.detail = cases.get_case(self._db, self.reference)
            self.subject: SubjectDetail = subjects.get_subject(self._db, self.detail.subject_id)
            if RequestType.ERASURE in self.types:
                self.lines = rights.erasure_matrix(self._db, self.reference)
            if not self.tasks_group.isHidden():
                self.task_rows = rights.system_tasks(self._db, self.reference)
                self.notice_rows = rights.notices(self._db, self.reference)
            self.restriction_rows = rights.subject_restrictions(self._db, self.detail.subject_id)
            objections = rights.subject_objections(self._db, self.detail.subject_id)
            changes = rights.field_changes(self._db, self.reference)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Innsyn"), problem_text(exc))
            return
        self._building = True
        try:
            self._show_matrix()
            self._show_tasks()
            self._show_subject(changes)
            self._show_restrictions()
            self._show_objections(objections)
            self._show_notices()
        finally:
            self._building = False
        self.banner.refresh()
        closed = self.detail.status == Status.CLOSED
        erased = self.subject.erased
        for widget in (
            self.apply_button,
            self.edit_line_button,
            self.create_tasks_button,
            self.rectify_button,
            self.restrict_button,
            self.stop_marketing_button,
            self.record_objection_button,
            self.notified_button,
            self.not_notified_button,
            self.close_button,
        ):
            widget.setEnabled(not closed)
        self.apply_button.setEnabled(not closed and not erased)
        self.rectify_button.setEnabled(not closed and not erased)
        self.letter_button.setEnabled(not erased)
        self.notice_letter_button.setEnabled(not erased)
        self.copy_email_button.setEnabled(not erased)
        self.calls.keep_disabled()

    def _show_matrix(self) -> None:
        applied = next((ln.applied_on for ln in self.lines if ln.applied_on), None)
        if self.subject.erased:
            self.erasure_status.setText(
                self.tr(
                    "Erasure applied on {date}; the person is kept only as {pseudonym}."
                ).format(date=format_date(applied), pseudonym=self.subject.pseudonym)
            )
        else:
            self.erasure_status.setText(
                self.tr("Defaults from the register: change a line only with a reason.")
            )
        self.matrix.setRowCount(len(self.lines))
        decisions = decision_texts()
        for row, line in enumerate(self.lines):
            self.matrix.setItem(row, 0, table_item(line.activity, line.id))
            self.matrix.setItem(row, 1, table_item(line.applies_to))
            combo = named(
                QComboBox(),
                f"erasureDecision{line.id}",
                self.tr("Decision for {data}").format(data=line.applies_to),
            )
            for value, text in decisions.items():
                combo.addItem(text, value)
            combo.setCurrentIndex(combo.findData(line.decision))
            combo.setEnabled(line.applied_on is None and self.detail.status != Status.CLOSED)
            combo.currentIndexChanged.connect(
                lambda _i, line_id=line.id, box=combo: self._decision_chosen(
                    line_id, str(box.currentData())
                )
            )
            self.matrix.setCellWidget(row, 2, combo)
            self.matrix.setItem(row, 3, table_item(line.ground))
            self.matrix.setItem(
                row,
                4,
                table_item(
                    format_date(line.until)
                    if line.until
                    else (self.tr("as the law requires") if line.decision == Decision.KEEP else "")
                ),
            )
            reason = line.reason or (self.tr("(default)") if line.is_default else "")
            self.matrix.setItem(row, 5, table_item(reason))

    def _show_tasks(self) -> None:
        self.tasks_table.setRowCount(len(self.task_rows))
        for row, task in enumerate(self.task_rows):
            first = table_item(task.system, task.id)
            first.setFlags(first.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            first.setCheckState(Qt.CheckState.Checked if task.done_on else Qt.CheckState.Unchecked)
            if task.done_on:
                first.setFlags(first.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
            self.tasks_table.setItem(row, 0, first)
            self.tasks_table.setItem(row, 1, table_item(label(task.kind)))
            self.tasks_table.setItem(row, 2, table_item(task.owner))
            self.tasks_table.setItem(row, 3, table_item(format_date(task.done_on)))
            self.tasks_table.setItem(row, 4, table_item(task.notes))

    def _show_subject(self, changes: list[rights.FieldChangeView]) -> None:
        subject = self.subject
        self.name_edit.setText(subject.name)
        self.address_edit.setPlainText(subject.postal_address)
        self.emails_edit.setText(", ".join(subject.emails))
        self.phones_edit.setText(", ".join(subject.phones))
        self.customer_edit.setText(subject.customer_no or "")
        for check, edit, day in (
            (self.purchase_check, self.purchase_edit, subject.last_purchase),
            (self.contact_check, self.contact_edit, subject.last_contact),
        ):
            check.setChecked(day is not None)
            edit.setEnabled(day is not None)
            if day is not None:
                edit.setDate(to_qdate(day))
        self.changes_table.setRowCount(len(changes))
        for row, change in enumerate(changes):
            self.changes_table.setItem(
                row, 0, table_item(label(change.field.replace("_", " ")), change.id)
            )
            old = change.old_value if change.old_value is not None else self.tr("(cleared)")
            self.changes_table.setItem(row, 1, table_item(old))
            self.changes_table.setItem(row, 2, table_item(change.new_value or ""))
            self.changes_table.setItem(row, 3, table_item(format_time_oslo(change.changed_at)))

    def _show_restrictions(self) -> None:
        self.restrictions_table.setRowCount(len(self.restriction_rows))
        for row, r in enumerate(self.restriction_rows):
            self.restrictions_table.setItem(
                row, 0, table_item(r.activity or self.tr("All processing"), r.id)
            )
            self.restrictions_table.setItem(row, 1, table_item(f"Art. 18(1)({r.ground})"))
            self.restrictions_table.setItem(row, 2, table_item(format_date(r.since)))
            self.restrictions_table.setItem(row, 3, table_item(format_date(r.until)))
            self.restrictions_table.setItem(row, 4, table_item(format_date(r.person_told_on)))
            self.restrictions_table.setItem(row, 5, table_item(format_date(r.lifted_on)))

    def _show_objections(self, objections: list[rights.ObjectionView]) -> None:
        self.objections_table.setRowCount(len(objections))
        for row, o in enumerate(objections):
            self.objections_table.setItem(row, 0, table_item(o.activity, o.id))
            self.objections_table.setItem(
                row, 1, table_item(self.tr("yes") if o.direct_marketing else self.tr("no"))
            )
            self.objections_table.setItem(row, 2, table_item(format_date(o.recorded_on)))
            self.objections_table.setItem(row, 3, table_item(format_date(o.stopped_on)))
            self.objections_table.setItem(row, 4, table_item(o.outcome))

    def _show_notices(self) -> None:
        self.notices_table.setRowCount(len(self.notice_rows))
        for row, n in enumerate(self.notice_rows):
            self.notices_table.setItem(row, 0, table_item(n.recipient, n.id))
            self.notices_table.setItem(row, 1, table_item(label(n.role)))
            self.notices_table.setItem(row, 2, table_item(label(n.status)))
            self.notices_table.setItem(row, 3, table_item(format_date(n.notified_on)))
            self.notices_table.setItem(row, 4, table_item(label(n.method) if n.method else ""))
            self.notices_table.setItem(row, 5, table_item(n.reason))

    def matrix_rows(self) -> list[tuple[str, str, str, str, str, str]]:
        """The matrix as shown (decision as its stored value): for tests and screen readers."""
        out = []
        for row in range(self.matrix.rowCount()):
            combo = self.matrix.cellWidget(row, 2)
            assert isinstance(combo, QComboBox)

            def text(column: int, row: int = row) -> str:
                item = self.matrix.item(row, column)
                return item.text() if item is not None else ""

            out.append((text(0), text(1), str(combo.currentData()), text(3), text(4), text(5)))
        return out

    # --- actions --------------------------------------------------------------------------------

    def _perform_in_background(
        self, work: Callable[[], T], buttons: list[QWidget], done: Callable[[T], None]
    ) -> Task[T]:
        """Run one slow service call on a worker (`work` reads no widget); then as `_perform`:
        a refusal is shown, the panel reloads, and `done(result)` follows a success."""

        def succeeded(result: T) -> None:
            self.reload()
            self.changed.emit(self.reference)
            done(result)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, UserError):
                QMessageBox.warning(self, self.tr("Innsyn"), problem_text(exc))
            else:
                report_failure(self, exc)
            self.reload()

        return self.calls.run(work, buttons=buttons, on_success=succeeded, on_failure=failed)

    def _perform(self, action: Callable[[], Any]) -> Any:
        """Run one service call; a refusal is shown and None returned."""
        try:
            result = action()
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Innsyn"), problem_text(exc))
            self.reload()
            return None
        self.reload()
        self.changed.emit(self.reference)
        return result if result is not None else True

    # erasure

    def _decision_chosen(self, line_id: int, decision: str) -> None:
        if self._building:
            return
        line = next(ln for ln in self.lines if ln.id == line_id)
        if decision == line.decision:
            return
        asked = ask_line_change(self, line, decision)
        if asked is None:
            self.reload()  # back to what is stored
            return
        until, ground, reason = asked
        self.do_set_line(line_id, decision, until, ground, reason)

    def do_set_line(
        self, line_id: int, decision: str, until: dt.date | None, ground: str, reason: str
    ) -> bool:
        return bool(
            self._perform(
                lambda: rights.set_erasure_line(self._db, line_id, decision, until, ground, reason)
            )
        )

    def ask_edit_line(self) -> None:
        line_id = selected_id(self.matrix)
        if line_id is None:
            QMessageBox.information(
                self, self.tr("Innsyn"), self.tr("Choose a line of the matrix first.")
            )
            return
        line = next(ln for ln in self.lines if ln.id == line_id)
        dialog = LineDialog(line, self, self.today)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            decision, until, ground, reason = dialog.values()
            self.do_set_line(line_id, decision, until, ground, reason)

    def do_apply_erasure(
        self, then: Callable[[rights.ErasureResult], None] | None = None
    ) -> Task[rights.ErasureResult]:
        """Apply the erasure on a worker; `last_result`, `documentCreated` and `then(result)`
        follow on the GUI thread."""
        db, reference = self._db, self.reference
        lang = str(self.language_combo.currentData())
        name_recipients = self.name_recipients_check.isChecked()

        def applied(result: rights.ErasureResult) -> None:
            self.last_result = result
            if result.letter_document_id is not None:
                self.documentCreated.emit(result.letter_document_id)
            if then is not None:
                then(result)

        return self._perform_in_background(
            lambda: rights.apply_erasure(
                db, reference, letter_lang=lang, name_recipients=name_recipients
            ),
            [self.apply_button],
            applied,
        )

    def ask_apply_erasure(self) -> None:
        try:
            plan = rights.apply_erasure(self._db, self.reference, dry_run=True)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Innsyn"), problem_text(exc))
            return
        erased = "\n".join(f"• {e.activity}: {e.applies_to}" for e in plan.erased)
        kept = "\n".join(
            f"• {k.activity}: {k.applies_to} ({format_date(k.until) or self.tr('as the law requires')})"
            for k in plan.kept
        )
        text = self.tr(
            "Erase the person's data now? This cannot be undone.\n\nErased:\n{erased}\n\n"
            "Kept:\n{kept}\n\nThe workbench's own record of the person (name, contact details, "
            "e-mails, letters, notes) is erased too; the case stays under {pseudonym}. The "
            "confirmation letter is written now and not kept: save it when asked."
        ).format(erased=erased or "–", kept=kept or "–", pseudonym=plan.pseudonym)
        answer = QMessageBox.question(
            self,
            self.tr("Apply erasure"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.do_apply_erasure(then=self._offer_confirmation_letter)

    def _offer_confirmation_letter(self, result: rights.ErasureResult) -> None:
        if result.letter is None:
            return
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the confirmation letter"),
            result.letter_filename or "",
            "PDF (*.pdf)",
        )
        if chosen:
            self.save_letter(Path(chosen), result.letter)
        else:
            QMessageBox.warning(
                self,
                self.tr("Innsyn"),
                self.tr(
                    "The confirmation letter was not saved. Only its SHA-256 is kept with the case."
                ),
            )

    def save_letter(self, path: Path, content: bytes) -> bool:
        return save_private_file(self, path, content)

    # system tasks

    def create_tasks(self) -> bool:
        kinds = []
        if RequestType.RECTIFICATION in self.types:
            kinds.append(TaskKind.RECTIFY)
        if RequestType.ERASURE in self.types:
            kinds.append(TaskKind.ERASE)
        if RequestType.RESTRICTION in self.types:
            kinds.append(TaskKind.RESTRICT)

        def create() -> None:
            for kind in kinds:
                rights.create_system_tasks(self._db, self.reference, kind)

        return bool(self._perform(create))

    def _task_ticked(self, item: QTableWidgetItem) -> None:
        if self._building or item.column() != 0 or item.checkState() != Qt.CheckState.Checked:
            return
        task_id = item.data(IdRole)
        if task_id is not None:
            self.do_mark_task_done(int(task_id), self.today)

    def do_mark_task_done(self, task_id: int, on: dt.date, notes: str = "") -> bool:
        return bool(self._perform(lambda: rights.mark_task_done(self._db, task_id, on, notes)))

    def ask_task_done(self) -> None:
        task_id = selected_id(self.tasks_table)
        if task_id is None:
            return
        dialog = DoneDialog(
            self.tr("System done"), "taskDoneDialog", self, today=self.today, with_notes=True
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.do_mark_task_done(task_id, dialog.day(), dialog.notes())

    # rectification

    def corrections(self) -> dict[str, object]:
        """What the form says that differs from the record."""
        s = self.subject
        changes: dict[str, object] = {}
        if self.name_edit.text().strip() != s.name:
            changes["name"] = self.name_edit.text()
        if self.address_edit.toPlainText().strip() != s.postal_address:
            changes["postal_address"] = self.address_edit.toPlainText()
        if self.emails_edit.text().strip() != ", ".join(s.emails):
            changes["emails"] = self.emails_edit.text()
        if self.phones_edit.text().strip() != ", ".join(s.phones):
            changes["phones"] = self.phones_edit.text()
        if self.customer_edit.text().strip() != (s.customer_no or ""):
            changes["customer_no"] = self.customer_edit.text()
        for field, check, edit, current in (
            ("last_purchase", self.purchase_check, self.purchase_edit, s.last_purchase),
            ("last_contact", self.contact_check, self.contact_edit, s.last_contact),
        ):
            day = from_qdate(edit.date()) if check.isChecked() else None
            if day != current:
                changes[field] = day
        return changes

    def do_rectify(self, changes: dict[str, object]) -> bool:
        return bool(self._perform(lambda: rights.rectify(self._db, self.reference, changes)))

    def save_corrections(self) -> None:
        changes = self.corrections()
        if not changes:
            QMessageBox.information(
                self, self.tr("Innsyn"), self.tr("Nothing has been changed in the form.")
            )
            return
        self.do_rectify(changes)

    # restriction

    def do_restrict(self, ground: str, activity_id: int | None, until: dt.date | None) -> bool:
        return bool(
            self._perform(
                lambda: rights.restrict(self._db, self.reference, ground, activity_id, until)
            )
        )

    def restrict_now(self) -> None:
        until = from_qdate(self.until_edit.date()) if self.until_check.isChecked() else None
        activity = self.scope_combo.currentData()
        self.do_restrict(str(self.ground_combo.currentData()), activity, until)

    def do_record_told(self, restriction_id: int, on: dt.date) -> bool:
        return bool(
            self._perform(lambda: rights.record_restriction_notice(self._db, restriction_id, on))
        )

    def do_lift(self, restriction_id: int, on: dt.date) -> bool:
        return bool(self._perform(lambda: rights.lift_restriction(self._db, restriction_id, on)))

    def _chosen_restriction(self) -> int | None:
        chosen = selected_id(self.restrictions_table)
        if chosen is None and len(self.restriction_rows) == 1:
            chosen = self.restriction_rows[0].id
        if chosen is None:
            QMessageBox.information(self, self.tr("Innsyn"), self.tr("Choose a restriction first."))
        return chosen

    def ask_told(self) -> None:
        chosen = self._chosen_restriction()
        if chosen is None:
            return
        dialog = DoneDialog(
            self.tr("Person told of the lifting"), "restrictionToldDialog", self, today=self.today
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.do_record_told(chosen, dialog.day())

    def ask_lift(self) -> None:
        chosen = self._chosen_restriction()
        if chosen is None:
            return
        dialog = DoneDialog(
            self.tr("Lift the restriction"), "liftRestrictionDialog", self, today=self.today
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.do_lift(chosen, dialog.day())

    # objection

    def stop_marketing(self) -> bool:
        activity_id = self.objection_activity.currentData()
        return bool(
            self._perform(
                lambda: rights.object_to_marketing(self._db, self.reference, int(activity_id))
            )
        )

    def record_objection(self) -> bool:
        activity_id = int(self.objection_activity.currentData())
        outcome = self.outcome_edit.toPlainText()
        done = bool(
            self._perform(
                lambda: rights.object_to_processing(self._db, self.reference, activity_id, outcome)
            )
        )
        if done:
            self.outcome_edit.clear()
        return done

    # notices

    def _chosen_notice(self) -> int | None:
        chosen = selected_id(self.notices_table)
        if chosen is None:
            QMessageBox.information(self, self.tr("Innsyn"), self.tr("Choose a recipient first."))
        return chosen

    def do_mark_notified(self, notice_id: int, on: dt.date, method: str) -> bool:
        return bool(self._perform(lambda: rights.mark_notified(self._db, notice_id, on, method)))

    def do_mark_not_notified(self, notice_id: int, reason: str, ground: str) -> bool:
        return bool(
            self._perform(
                lambda: rights.mark_not_notified(self._db, notice_id, reason, ground=ground)
            )
        )

    def ask_notified(self) -> None:
        chosen = self._chosen_notice()
        if chosen is None:
            return
        dialog = DoneDialog(
            self.tr("Recipient notified"),
            "noticeNotifiedDialog",
            self,
            today=self.today,
            with_method=True,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.do_mark_notified(chosen, dialog.day(), dialog.method())

    def ask_not_notified(self) -> None:
        chosen = self._chosen_notice()
        if chosen is None:
            return
        dialog = NotNotifiedDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.do_mark_not_notified(chosen, *dialog.values())

    def notice_letter(self) -> Task[rights.StoredLetter] | None:
        chosen = self._chosen_notice()
        if chosen is None:
            return None
        notice = next(n for n in self.notice_rows if n.id == chosen)
        return self.do_generate_letter(
            "recipient-notice", str(self.language_combo.currentData()), notice.recipient_id
        )

    def copy_notice_email(self) -> str | None:
        chosen = self._chosen_notice()
        if chosen is None:
            return None
        try:
            text = rights.notice_email_text(
                self._db, chosen, str(self.language_combo.currentData())
            )
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Innsyn"), problem_text(exc))
            return None
        QGuiApplication.clipboard().setText(text)
        return text

    # letters

    def do_generate_letter(
        self, kind: str, lang: str, recipient_id: int | None = None, name_recipients: bool = False
    ) -> Task[rights.StoredLetter]:
        """Render and store the letter on a worker; `documentCreated(id)` follows."""
        db, reference = self._db, self.reference
        return self._perform_in_background(
            lambda: rights.store_rights_letter(
                db, reference, kind, lang, recipient_id, name_recipients=name_recipients
            ),
            [self.letter_button, self.notice_letter_button],
            lambda stored: self.documentCreated.emit(stored.document_id),
        )

    def generate_letter(self) -> Task[rights.StoredLetter] | None:
        kind = self.letter_combo.currentData()
        if kind is None:
            return None
        return self.do_generate_letter(
            str(kind),
            str(self.language_combo.currentData()),
            None,
            self.name_recipients_check.isChecked(),
        )

    # closing

    def do_close(self, note: str = "") -> bool:
        return bool(self._perform(lambda: workflow.close_case(self._db, self.reference, note)))

    def ask_close(self) -> None:
        note = ""
        try:
            open_count = (
                rights.open_notice_count(self._db, self.reference)
                if not self.notices_group.isHidden()
                else 0
            )
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Innsyn"), problem_text(exc))
            return
        if open_count:
            note, ok = QInputDialog.getMultiLineText(
                self,
                self.tr("Close with open notices"),
                self.tr(
                    "{count} recipient notice(s) are still open. A case closes with open notices "
                    "only with a note saying why (Art. 19):"
                ).format(count=open_count),
            )
            if not ok:
                return
        self.do_close(note)
