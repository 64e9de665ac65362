"""The small pieces of the rights panel: the texts of the Art. 18(1) grounds and of the
erasure decisions, its read-only tables, and its dialogs (a date done, a recipient not
notified, one line of the erasure matrix)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.core.model import RequestType
from app.core.rights import Decision
from app.services import rights
from app.ui.formatting import label
from app.ui.widgets import ActionDialog, date_edit, from_qdate, named, to_qdate

__all__ = [
    "DoneDialog",
    "IdRole",
    "LineDialog",
    "ask_line_change",
    "NotNotifiedDialog",
    "decision_texts",
    "ground_texts",
    "letter_names",
    "rights_letter_kinds",
    "rights_table",
    "selected_id",
    "table_item",
    "tr",
]

IdRole = Qt.ItemDataRole.UserRole + 1


def tr(text: str) -> str:
    return QCoreApplication.translate("RightsPanel", text)


def ground_texts() -> dict[str, str]:
    """Art. 18(1) (a)-(d), as the officer chooses among them."""
    return {
        "a": tr("(a) The person contests the accuracy of the data, for the time needed to verify it"),
        "b": tr("(b) The processing is unlawful and the person asks for restriction instead of erasure"),
        "c": tr("(c) The data are no longer needed, but the person needs them for legal claims"),
        "d": tr("(d) The person has objected (Art. 21(1)), pending the weighing of the grounds"),
    }  # fmt: skip


def decision_texts() -> dict[Decision, str]:
    return {
        Decision.ERASE: tr("Erase"),
        Decision.KEEP: tr("Keep (Art. 17(3))"),
        Decision.RESTRICT: tr("Restrict"),
    }


def letter_names() -> dict[str, str]:
    """The rights letters the panel offers, by kind."""
    return {
        "rectification-confirmation": tr("Rectification confirmation"),
        "restriction-confirmation": tr("Restriction confirmation"),
        "restriction-lift-notice": tr("Notice before lifting a restriction"),
        "objection-confirmation": tr("Objection confirmation"),
    }


def rights_letter_kinds(types: Collection[RequestType]) -> list[str]:
    """The letters a case of these request types may need."""
    kinds = []
    if RequestType.RECTIFICATION in types:
        kinds.append("rectification-confirmation")
    if RequestType.RESTRICTION in types or RequestType.ERASURE in types:
        kinds += ["restriction-confirmation", "restriction-lift-notice"]
    if RequestType.OBJECTION in types:
        kinds.append("objection-confirmation")
    return kinds


def rights_table(object_name: str, accessible_name: str, headers: list[str]) -> QTableWidget:
    table = named(QTableWidget(0, len(headers)), object_name, accessible_name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def table_item(text: str, item_id: int | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if item_id is not None:
        item.setData(IdRole, item_id)
    return item


def selected_id(table: QTableWidget) -> int | None:
    row = table.currentRow()
    if row < 0:
        return None
    item = table.item(row, 0)
    value = item.data(IdRole) if item is not None else None
    return int(value) if value is not None else None


# --- small dialogs --------------------------------------------------------------------------------


class DoneDialog(ActionDialog):
    """A date, and optionally a method or a note."""

    def __init__(
        self,
        title: str,
        object_name: str,
        parent: QWidget | None,
        *,
        today: dt.date,
        with_method: bool = False,
        with_notes: bool = False,
    ) -> None:
        super().__init__(title, object_name, parent)
        self.on_edit = date_edit(f"{object_name}Date", self.tr("Date"), today)
        self.on_edit.setMaximumDate(to_qdate(today))
        self.form.addRow(self.tr("&Date:"), self.on_edit)
        self.method_combo: QComboBox | None = None
        self.notes_edit: QLineEdit | None = None
        if with_method:
            self.method_combo = named(QComboBox(), f"{object_name}Method", self.tr("Method"))
            self.method_combo.setEditable(True)
            for method in ("e-mail", "post", "phone", "portal"):
                self.method_combo.addItem(label(method), method)
            self.form.addRow(self.tr("&Method:"), self.method_combo)
        if with_notes:
            self.notes_edit = named(QLineEdit(), f"{object_name}Notes", self.tr("Notes"))
            self.form.addRow(self.tr("&Notes:"), self.notes_edit)

    def day(self) -> dt.date:
        return from_qdate(self.on_edit.date())

    def method(self) -> str:
        if self.method_combo is None:
            return ""
        data = self.method_combo.currentData()
        text = self.method_combo.currentText().strip()
        return str(data) if data is not None and text == label(str(data)) else text

    def notes(self) -> str:
        return self.notes_edit.text() if self.notes_edit is not None else ""


class NotNotifiedDialog(ActionDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(self.tr("Recipient not notified"), "notNotifiedDialog", parent)
        self.ground_combo = named(QComboBox(), "notNotifiedGround", self.tr("Why not"))
        self.ground_combo.addItem(self.tr("Impossible"), "impossible")
        self.ground_combo.addItem(self.tr("Disproportionate effort"), "disproportionate")
        self.reason_edit = named(QPlainTextEdit(), "notNotifiedReason", self.tr("Reason"))
        self.form.addRow(self.tr("&Ground (Art. 19):"), self.ground_combo)
        self.form.addRow(self.tr("&Why:"), self.reason_edit)

    def validate(self) -> str | None:
        if not self.reason_edit.toPlainText().strip():
            return self.tr("Say why the recipient cannot be, or need not be, told.")
        return None

    def values(self) -> tuple[str, str]:
        return self.reason_edit.toPlainText().strip(), str(self.ground_combo.currentData())


class LineDialog(ActionDialog):
    """One line of the erasure matrix in full: decision, ground, until, and the reason."""

    def __init__(
        self, line: rights.ErasureLineView, parent: QWidget | None, today: dt.date
    ) -> None:
        super().__init__(self.tr("Erasure line"), "erasureLineDialog", parent)
        self.line = line
        self.decision_combo = named(QComboBox(), "erasureLineDecision", self.tr("Decision"))
        for value, text in decision_texts().items():
            self.decision_combo.addItem(text, value)
        self.decision_combo.setCurrentIndex(self.decision_combo.findData(line.decision))
        self.ground_edit = named(QLineEdit(line.ground), "erasureLineGround", self.tr("Ground"))
        self.until_check = named(
            QCheckBox(self.tr("Until")), "erasureLineHasUntil", self.tr("Until")
        )
        self.until_edit = date_edit(
            "erasureLineUntil", self.tr("Until"), line.until or today + dt.timedelta(days=365)
        )
        self.until_check.setChecked(line.until is not None)
        self.until_edit.setEnabled(line.until is not None)
        self.until_check.toggled.connect(self.until_edit.setEnabled)
        self.reason_edit = named(
            QPlainTextEdit(line.reason), "erasureLineReason", self.tr("Reason")
        )
        until_row = QHBoxLayout()
        until_row.addWidget(self.until_check)
        until_row.addWidget(self.until_edit, 1)
        self.form.addRow(self.tr("&Decision:"), self.decision_combo)
        self.form.addRow(self.tr("&Ground:"), self.ground_edit)
        self.form.addRow(self.tr("Kept or restricted:"), until_row)
        self.form.addRow(self.tr("&Reason for the change:"), self.reason_edit)

    def validate(self) -> str | None:
        if self.line.is_default and not self.reason_edit.toPlainText().strip():
            return self.tr("Changing a default line needs a reason.")
        return None

    def values(self) -> tuple[str, dt.date | None, str, str]:
        until = from_qdate(self.until_edit.date()) if self.until_check.isChecked() else None
        return (
            str(self.decision_combo.currentData()),
            until,
            self.ground_edit.text().strip(),
            self.reason_edit.toPlainText().strip(),
        )


def ask_line_change(
    parent: QWidget, line: rights.ErasureLineView, decision: str
) -> tuple[dt.date | None, str, str] | None:
    """What a new decision for a line of the erasure matrix needs: the reason for leaving a
    default, the ground for keeping or restricting. Returns (until, ground, reason), or None
    when the officer cancels."""
    reason = ""
    if line.is_default:
        reason, ok = QInputDialog.getText(
            parent,
            tr("Reason for the change"),
            tr("'{data}' is a default from the register. Why is it treated otherwise?").format(
                data=line.applies_to
            ),
        )
        if not ok or not reason.strip():
            return None
    ground, until = line.ground, line.until
    if decision == Decision.KEEP and not ground:
        ground, ok = QInputDialog.getText(
            parent,
            tr("Ground for keeping"),
            tr("The Art. 17(3) ground (e.g. a legal obligation and the law):"),
        )
        if not ok or not ground.strip():
            return None
    elif decision == Decision.RESTRICT:
        texts = list(ground_texts().values())
        chosen, ok = QInputDialog.getItem(
            parent, tr("Ground for restricting"), tr("Art. 18(1):"), texts, 0, False
        )
        if not ok:
            return None
        ground = list(ground_texts())[texts.index(chosen)] if chosen in texts else ""
        until = None
    elif decision == Decision.ERASE:
        ground, until = "", None
    return until, ground, reason
