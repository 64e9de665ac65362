"""The record of processing activities (Art. 30) and the controller profile: one tab each for
activities, retention rules, recipients, systems and the controller.

Each list shows the entries in use; "Show retired" adds the retired ones, greyed and labelled.
Add and Edit open a form that saves through the services and stays open, with what was typed,
when something must be put right. Retire asks first, and never deletes: retired entries stay
readable for old statements and logs, and are no longer offered as choices.

Only services and core are imported here: the widgets hold plain data, never a session.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core import retention
from app.core.errors import UserError
from app.services import register
from app.services.register import (
    ActivityView,
    ControllerProfile,
    RecipientView,
    RuleView,
    SystemView,
)
from app.services.storage import Database
from app.ui.formatting import problem_text, ui_language
from app.ui.register_editors import (
    ActivityDialog,
    EntryDialog,
    IdRole,
    RecipientDialog,
    RegisterEntry,
    RuleDialog,
    SystemDialog,
    in_ui,
    legal_basis_labels,
    line_edit,
    role_labels,
    text_edit,
)
from app.ui.widgets import error_label, named

V = TypeVar("V", bound=RegisterEntry)

__all__ = ["ControllerForm", "RegisterView"]


# --- the lists -----------------------------------------------------------------------------------


class _EntryList(QWidget, Generic[V]):
    """One kind of register entry: a table, "Show retired", Add, Edit and Retire."""

    changed = Signal()

    def __init__(self, db: Database, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        headers = self.headers()
        self._prefix = prefix
        self.entries: list[V] = []
        self.active_dialog: EntryDialog | None = None

        self.show_retired = QCheckBox(self.tr("Show retired"))
        named(self.show_retired, f"{prefix}ShowRetired", self.tr("Show retired entries"))
        self.show_retired.toggled.connect(self.refresh)
        self.table = QTableWidget(0, len(headers))
        named(self.table, f"{prefix}Table", self.kind_label())
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())

        self.add_button = QPushButton(self.tr("Add…"))
        named(self.add_button, f"{prefix}AddButton", self.tr("Add"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        named(self.edit_button, f"{prefix}EditButton", self.tr("Edit"))
        self.retire_button = QPushButton(self.tr("Retire…"))
        named(self.retire_button, f"{prefix}RetireButton", self.tr("Retire"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.retire_button.clicked.connect(self.retire_selected)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.retire_button)
        buttons.addStretch(1)
        buttons.addWidget(self.show_retired)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.refresh()

    # What each kind of entry (activities, rules, recipients, systems) supplies; the list,
    # its buttons and the retiring are shared.
    headers: Callable[[], list[str]]
    kind_label: Callable[[], str]
    load: Callable[[bool], list[V]]
    cells: Callable[[V], list[str]]
    dialog: Callable[[V | None], EntryDialog]
    retire_entry: Callable[[V], None]
    retire_question: Callable[[V], str]

    # The list.
    def refresh(self) -> None:
        selected = self.selected_entry()
        try:
            self.entries = self.load(self.show_retired.isChecked())
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Innsyn"), problem_text(exc))
            return
        grey = QBrush(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        self.table.setRowCount(len(self.entries))
        for row, shown in enumerate(self.entries):
            texts = [*self.cells(shown), self.tr("retired") if shown.retired else ""]
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(IdRole, shown.id)
                item.setToolTip(text)
                if shown.retired:
                    item.setForeground(grey)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        for column in range(self.table.columnCount() - 1):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 360))
        if selected is not None:
            self.select_entry(selected.id)
        self._update_buttons()

    def selected_entry(self) -> V | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        row = rows[0].row()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def select_entry(self, entry_id: int) -> bool:
        for row, entry in enumerate(self.entries):
            if entry.id == entry_id:
                self.table.selectRow(row)
                return True
        self.table.clearSelection()
        return False

    def row_texts(self) -> list[list[str]]:
        """What the table shows, row by row (for the officer's screen reader and for tests)."""
        return [
            [
                item.text() if (item := self.table.item(r, c)) is not None else ""
                for c in range(self.table.columnCount())
            ]
            for r in range(self.table.rowCount())
        ]

    def _update_buttons(self) -> None:
        entry = self.selected_entry()
        self.edit_button.setEnabled(entry is not None)
        self.edit_button.setText(
            self.tr("View…") if entry is not None and entry.retired else self.tr("Edit…")
        )
        self.retire_button.setEnabled(entry is not None and not entry.retired)

    # The actions.
    def _open(self, dialog: EntryDialog) -> None:
        self.active_dialog = dialog
        dialog.saved.connect(lambda _view: self._after_save())
        dialog.finished.connect(lambda _code: self._closed(dialog))
        dialog.open()  # window-modal without a nested event loop

    def _closed(self, dialog: EntryDialog) -> None:
        if self.active_dialog is dialog:
            self.active_dialog = None
        dialog.deleteLater()

    def _after_save(self) -> None:
        self.refresh()
        self.changed.emit()

    def add(self) -> None:
        try:
            self._open(self.dialog(None))
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Innsyn"), problem_text(exc))

    def edit_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        try:
            self._open(self.dialog(entry))
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Innsyn"), problem_text(exc))

    def retire_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None or entry.retired:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Retire"),
            self.retire_question(entry)
            + "\n\n"
            + self.tr(
                "Retired entries stay readable for old statements and logs, and are no longer "
                "offered as choices."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.retire_entry(entry)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Innsyn"), problem_text(exc))
            return
        self.refresh()
        self.changed.emit()

    def _used_by(self, kind: Any, entry_id: int) -> str:
        names = register.where_used(self._db, kind, entry_id)
        if not names:
            return ""
        return "\n\n" + self.tr("It is still named by these activities: {names}.").format(
            names="; ".join(names)
        )


class _ActivityList(_EntryList[ActivityView]):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, "activities", parent)

    def headers(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("Legal basis"),
            self.tr("Systems"),
            self.tr("Recipients"),
            self.tr("Retention"),
            self.tr("Status"),
        ]

    def kind_label(self) -> str:
        return self.tr("Processing activities")

    def load(self, include_retired: bool) -> list[ActivityView]:
        return register.list_activities(self._db, include_retired=include_retired)

    def cells(self, entry: ActivityView) -> list[str]:
        lang = ui_language()
        return [
            in_ui(entry.name, entry.name_nb),
            legal_basis_labels().get(entry.legal_basis, entry.legal_basis),
            ", ".join(in_ui(x.name, x.name_nb, same=True) for x in entry.systems),
            ", ".join(in_ui(r.name, r.name_nb, same=True) for r in entry.recipients),
            "; ".join(
                f"{in_ui(line.applies_to, line.applies_to_nb)}: "
                f"{retention.deletion_criteria(line.rule.spec, lang)}"
                for line in entry.retention
            ),
        ]

    def dialog(self, entry: ActivityView | None) -> EntryDialog:
        return ActivityDialog(self._db, entry, self)

    def retire_question(self, entry: ActivityView) -> str:
        return self.tr("Retire the processing activity '{name}'?").format(name=entry.name)

    def retire_entry(self, entry: ActivityView) -> None:
        register.retire_activity(self._db, entry.id)


class _RuleList(_EntryList[RuleView]):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, "rules", parent)

    def headers(self) -> list[str]:
        return [
            self.tr("Data kept"),
            self.tr("Retention"),
            self.tr("Legal reference"),
            self.tr("Statutory minimum"),
            self.tr("Status"),
        ]

    def kind_label(self) -> str:
        return self.tr("Retention rules")

    def load(self, include_retired: bool) -> list[RuleView]:
        return register.list_rules(self._db, include_retired=include_retired)

    def cells(self, entry: RuleView) -> list[str]:
        lang = ui_language()
        check = ""
        if entry.exceeds_minimum is not None:
            longer = self.tr("longer than {minimum}").format(
                minimum=retention.deletion_criteria(entry.exceeds_minimum.rule, lang)
            )
            if entry.justification.strip():
                check = self.tr("{longer}; justified").format(longer=longer)
            else:
                check = self.tr("{longer}; justification missing").format(longer=longer)
        return [
            in_ui(entry.description, entry.description_nb),
            retention.deletion_criteria(entry.spec, lang),
            in_ui(entry.legal_reference, entry.legal_reference_nb) if entry.legal_reference else "",
            check,
        ]

    def dialog(self, entry: RuleView | None) -> EntryDialog:
        return RuleDialog(self._db, entry, self)

    def retire_question(self, entry: RuleView) -> str:
        return self.tr("Retire the retention rule '{name}'?").format(
            name=entry.description
        ) + self._used_by("rule", entry.id)

    def retire_entry(self, entry: RuleView) -> None:
        register.retire_rule(self._db, entry.id)


class _RecipientList(_EntryList[RecipientView]):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, "recipients", parent)

    def headers(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("Role"),
            self.tr("Country"),
            self.tr("Data Processing Agreement"),
            self.tr("Status"),
        ]

    def kind_label(self) -> str:
        return self.tr("Recipients")

    def load(self, include_retired: bool) -> list[RecipientView]:
        return register.list_recipients(self._db, include_retired=include_retired)

    def cells(self, entry: RecipientView) -> list[str]:
        dpa = entry.dpa_reference
        if entry.dpa_date:
            dpa += f" ({entry.dpa_date.strftime('%d.%m.%Y')})"
        return [
            in_ui(entry.name, entry.name_nb, same=True),
            role_labels().get(entry.role, entry.role),
            in_ui(entry.country, entry.country_nb),
            dpa,
        ]

    def dialog(self, entry: RecipientView | None) -> EntryDialog:
        return RecipientDialog(self._db, entry, self)

    def retire_question(self, entry: RecipientView) -> str:
        return self.tr("Retire the recipient '{name}'?").format(name=entry.name) + self._used_by(
            "recipient", entry.id
        )

    def retire_entry(self, entry: RecipientView) -> None:
        register.retire_recipient(self._db, entry.id)


class _SystemList(_EntryList[SystemView]):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, "systems", parent)

    def headers(self) -> list[str]:
        return [self.tr("Name"), self.tr("Owner"), self.tr("Holds"), self.tr("Status")]

    def kind_label(self) -> str:
        return self.tr("Systems")

    def load(self, include_retired: bool) -> list[SystemView]:
        return register.list_systems(self._db, include_retired=include_retired)

    def cells(self, entry: SystemView) -> list[str]:
        return [
            in_ui(entry.name, entry.name_nb, same=True),
            entry.owner,
            " ".join(entry.holds.split()),
        ]

    def dialog(self, entry: SystemView | None) -> EntryDialog:
        return SystemDialog(self._db, entry, self)

    def retire_question(self, entry: SystemView) -> str:
        return self.tr("Retire the system '{name}'?").format(name=entry.name) + self._used_by(
            "system", entry.id
        )

    def retire_entry(self, entry: SystemView) -> None:
        register.retire_system(self._db, entry.id)


# --- the controller profile ----------------------------------------------------------------------


class ControllerForm(QWidget):
    """Who the controller is, as every letter and statement names it."""

    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        labels: list[tuple[str, str, str, Callable[[str, str], QLineEdit | QPlainTextEdit]]] = [
            ("legal_name", self.tr("Legal name"), self.tr("&Legal name:"), line_edit),
            ("organisation_number", self.tr("Organisation number"),
             self.tr("&Organisation number:"), line_edit),
            ("address", self.tr("Address"), self.tr("&Address:"),
             lambda o, a: text_edit(o, a, lines=3)),
            ("country", self.tr("Country"), self.tr("C&ountry:"), line_edit),
            ("privacy_email", self.tr("E-mail for privacy requests"),
             self.tr("&E-mail for privacy requests:"), line_edit),
            ("phone", self.tr("Phone"), self.tr("&Phone:"), line_edit),
            ("officer_name", self.tr("Privacy officer"), self.tr("Privacy o&fficer:"), line_edit),
        ]  # fmt: skip
        form = QFormLayout()
        for key, accessible, label, make in labels:
            object_name = "controller" + "".join(p.title() for p in key.split("_"))
            widget = make(object_name, accessible)
            self.fields[key] = widget
            form.addRow(label, widget)
        self.error_label = error_label("controllerError", self.tr("Problem"))
        self.status_label = QLabel()
        named(self.status_label, "controllerStatus", self.tr("Status"))
        self.save_button = QPushButton(self.tr("Save"))
        named(self.save_button, "controllerSaveButton", self.tr("Save the controller profile"))
        self.revert_button = QPushButton(self.tr("Revert"))
        named(self.revert_button, "controllerRevertButton", self.tr("Undo unsaved changes"))
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.reload)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.status_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.reload()

    def _value(self, key: str) -> str:
        widget = self.fields[key]
        return widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()

    def _show(self, profile: ControllerProfile) -> None:
        for key, widget in self.fields.items():
            value = getattr(profile, key)
            if isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value)
            else:
                widget.setText(value)

    def reload(self) -> None:
        try:
            self._show(register.get_controller(self._db))
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Innsyn"), problem_text(exc))
            return
        self.error_label.hide()
        self.status_label.clear()

    def save(self) -> bool:
        profile = ControllerProfile(**{key: self._value(key) for key in self.fields})
        try:
            saved = register.save_controller(self._db, profile)
        except UserError as exc:
            self.error_label.setText(problem_text(exc))
            self.error_label.show()
            self.status_label.clear()
            return False
        self.error_label.hide()
        self._show(saved)
        self.status_label.setText(self.tr("Saved."))
        self.changed.emit()
        return True


# --- the view ----------------------------------------------------------------------------------


class RegisterView(QWidget):
    """The register as a tab of the main window. Emits `changed` after any save or retire."""

    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        named(self, "registerView", self.tr("Register of processing activities"))
        self.tabs = QTabWidget()
        named(self.tabs, "registerTabs", self.tr("Register"))
        self.activities = _ActivityList(db, self)
        self.rules = _RuleList(db, self)
        self.recipients = _RecipientList(db, self)
        self.systems = _SystemList(db, self)
        self.controller = ControllerForm(db, self)
        self.tabs.addTab(self.activities, self.tr("&Activities"))
        self.tabs.addTab(self.rules, self.tr("Retention &rules"))
        self.tabs.addTab(self.recipients, self.tr("Re&cipients"))
        self.tabs.addTab(self.systems, self.tr("S&ystems"))
        self.tabs.addTab(self.controller, self.tr("Controller &profile"))
        self.lists: tuple[_EntryList[Any], ...] = (
            self.activities,
            self.rules,
            self.recipients,
            self.systems,
        )
        for entry_list in self.lists:
            entry_list.changed.connect(self._on_changed)
        self.controller.changed.connect(self.changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def refresh(self) -> None:
        for entry_list in self.lists:
            entry_list.refresh()
        self.controller.reload()

    def _on_changed(self) -> None:
        # A renamed system or a changed rule shows in the activities list too.
        for entry_list in self.lists:
            entry_list.refresh()
        self.changed.emit()
