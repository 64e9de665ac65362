"""The GUI's widget helpers, one home each: naming widgets (object and accessible names, which
tests and screen readers find them by), read-only value labels, date edits, enum combos, the
red inline error label, the small OK/Cancel action dialog, and the owner-only save of a file
the officer chooses."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import UserError
from app.services.storage import write_private
from app.ui.formatting import label, problem_text

__all__ = [
    "ERROR_COLOUR",
    "ERROR_STYLE",
    "GDPR_START",
    "ActionDialog",
    "chain_tab_order",
    "date_edit",
    "enum_combo",
    "error_label",
    "from_qdate",
    "message_label",
    "name_buttons",
    "named",
    "no_enter_default",
    "save_private_file",
    "show_problem",
    "to_qdate",
    "value_label",
]

GDPR_START = dt.date(2018, 5, 25)
ERROR_COLOUR = "#b00020"  # dark red: readable on white (6:1); the text always says it too
ERROR_STYLE = f"color: {ERROR_COLOUR};"

_W = TypeVar("_W", bound=QWidget)


def tr(text: str) -> str:
    """Translate a text of this module's helpers (no QObject of their own)."""
    return QCoreApplication.translate("Widgets", text)


def named(widget: _W, object_name: str, accessible_name: str) -> _W:
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible_name)
    return widget


def chain_tab_order(*widgets: QWidget) -> None:
    for first, second in zip(widgets, widgets[1:], strict=False):
        QWidget.setTabOrder(first, second)


def name_buttons(box: QDialogButtonBox, prefix: str) -> None:
    """Standard buttons get a stable object name (from the button, not its translated text)."""
    for button in box.buttons():
        standard = box.standardButton(button)
        button.setObjectName(f"{prefix}{standard.name}Button")
        button.setAccessibleName(button.text().replace("&", ""))


def no_enter_default(box: QDialogButtonBox) -> None:
    """Enter in a field must not save a half-typed form: only a click or Space saves."""
    for button in box.buttons():
        if isinstance(button, QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def date_edit(
    object_name: str, accessible_name: str, value: dt.date, *, maximum: dt.date | None = None
) -> QDateEdit:
    edit = QDateEdit()
    named(edit, object_name, accessible_name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd.MM.yyyy")
    edit.setMinimumDate(to_qdate(GDPR_START))
    if maximum is not None:
        edit.setMaximumDate(to_qdate(maximum))
    edit.setDate(to_qdate(value))
    return edit


def value_label(object_name: str, accessible_name: str) -> QLabel:
    shown = QLabel()
    named(shown, object_name, accessible_name)
    shown.setWordWrap(True)
    shown.setTextFormat(Qt.TextFormat.PlainText)  # names and e-mail text are never markup
    shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return shown


def enum_combo(object_name: str, accessible_name: str, values: list[str]) -> QComboBox:
    combo = QComboBox()
    named(combo, object_name, accessible_name)
    for value in values:
        combo.addItem(label(value), value)
    return combo


def plain_label(text: str = "", object_name: str = "") -> QLabel:
    """A wrapping label that shows its text as plain text, never as rich text."""
    shown = QLabel(text)
    shown.setTextFormat(Qt.TextFormat.PlainText)  # names like "Ola <b>Nordmann" stay text
    shown.setWordWrap(True)
    if object_name:
        shown.setObjectName(object_name)
    return shown


def message_label(object_name: str, accessible_name: str = "", style: str = ERROR_STYLE) -> QLabel:
    """A hidden inline message (an error unless another style is given), shown by
    `show_problem`. Plain text: messages quote what was typed."""
    shown = QLabel()
    named(shown, object_name, accessible_name)
    shown.setStyleSheet(style)
    shown.setWordWrap(True)
    shown.setTextFormat(Qt.TextFormat.PlainText)
    shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    shown.hide()
    return shown


def error_label(object_name: str, accessible_name: str) -> QLabel:
    """The red inline error label of a form."""
    return message_label(object_name, accessible_name, ERROR_STYLE)


def show_problem(shown: QLabel, text: str) -> None:
    """Show `text` in an inline message label, or hide the label when there is none."""
    shown.setText(text)
    shown.setVisible(bool(text))


def save_private_file(parent: QWidget, path: Path, content: bytes) -> bool:
    """Write a file the officer chose: owner-only, complete or not at all. A failure is
    told in a message box; returns whether the file was written."""
    try:
        write_private(path, content)
    except UserError as exc:
        QMessageBox.warning(parent, tr("Innsyn"), problem_text(exc))
        return False
    except OSError as exc:
        QMessageBox.warning(
            parent,
            tr("Innsyn"),
            tr("The file could not be written: {reason}").format(
                reason=exc.strerror or type(exc).__name__
            ),
        )
        return False
    return True


class ActionDialog(QDialog):
    """A small form with OK/Cancel; OK only closes it when `validate()` finds nothing wrong."""

    def __init__(self, title: str, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, object_name, title)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = error_label(f"{object_name}Error", self.tr("Problem"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        named(self.buttons, f"{object_name}Buttons", self.tr("OK or cancel"))
        name_buttons(self.buttons, object_name)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def validate(self) -> str | None:
        """A message saying what to put right, or None."""
        return None

    def accept(self) -> None:
        problem = self.validate()
        if problem:
            show_problem(self.error, problem)
            return
        self.error.hide()
        super().accept()
