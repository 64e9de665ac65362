"""The search checklist of an access case: one line per system of the register, what was
searched when, what was found, the values taken from it (they become the copy of the data,
Art. 15(3)) and a file kept as evidence with its SHA-256."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import UserError
from app.services import cases, findings, register
from app.services.findings import FindingView
from app.services.storage import Database
from app.ui.formatting import format_date, problem_text
from app.ui.widgets import (
    ActionDialog,
    chain_tab_order,
    date_edit,
    from_qdate,
    named,
    to_qdate,
    value_label,
)

MAX_EVIDENCE_BYTES = findings.MAX_EVIDENCE_BYTES


class FindingDialog(ActionDialog):
    """One system searched: when, found or not, which categories, the values, evidence."""

    def __init__(
        self,
        finding: FindingView,
        categories: list[str],
        parent: QWidget | None = None,
        *,
        received: dt.date,
        today: dt.date,
    ) -> None:
        super().__init__(
            self.tr("Search in {system}").format(system=finding.system), "findingDialog", parent
        )
        self.finding = finding
        self.evidence: tuple[str, bytes] | None = None
        holds = value_label("findingHolds", self.tr("What the system holds"))
        holds.setText(finding.holds)
        self.searched_on = date_edit(
            "findingSearchedOn", self.tr("Searched on"), finding.searched_on or today, maximum=today
        )
        self.searched_on.setMinimumDate(to_qdate(received))

        self.found_yes = QRadioButton(self.tr("&Yes, data about the person were found"))
        named(self.found_yes, "findingFoundYes", self.tr("Data found"))
        self.found_no = QRadioButton(self.tr("N&o, nothing was found"))
        named(self.found_no, "findingFoundNo", self.tr("Nothing found"))
        self._found_group = QButtonGroup(self)
        self._found_group.addButton(self.found_yes)
        self._found_group.addButton(self.found_no)
        found_row = QHBoxLayout()
        found_row.addWidget(self.found_yes)
        found_row.addWidget(self.found_no)
        found_row.addStretch(1)

        self.categories_group = QGroupBox(self.tr("Categories found"))
        named(self.categories_group, "findingCategories", self.tr("Categories found"))
        boxes = QVBoxLayout(self.categories_group)
        chosen = {c.casefold() for c in finding.categories}
        self.category_boxes: list[QCheckBox] = []
        for index, category in enumerate(categories):
            box = QCheckBox(category)
            named(box, f"findingCategory{index}", category)
            box.setChecked(category.casefold() in chosen)
            boxes.addWidget(box)
            self.category_boxes.append(box)
        known = {c.casefold() for c in categories}
        self.other_categories = QLineEdit(
            ", ".join(c for c in finding.categories if c.casefold() not in known)
        )
        named(self.other_categories, "findingOtherCategories", self.tr("Other categories"))
        self.other_categories.setPlaceholderText(self.tr("Other categories, separated by commas"))
        boxes.addWidget(self.other_categories)

        self.notes = QPlainTextEdit(finding.notes)
        named(self.notes, "findingNotes", self.tr("Values found"))
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(
            self.tr("The values found, one per line: each line is a line of the person's copy.")
        )
        self.attach_button = QPushButton(self.tr("&Attach file…"))
        named(self.attach_button, "findingAttachButton", self.tr("Attach a file as evidence"))
        self.attach_button.setAutoDefault(False)
        self.attach_button.clicked.connect(self.ask_attach)
        self.evidence_label = value_label("findingEvidence", self.tr("Evidence file"))
        if finding.evidence_sha256:
            self.evidence_label.setText(
                self.tr("kept: SHA-256 {sha}").format(sha=finding.evidence_sha256)
            )
        evidence_row = QHBoxLayout()
        evidence_row.addWidget(self.attach_button)
        evidence_row.addWidget(self.evidence_label, 1)

        self.form.addRow(self.tr("System:"), QLabel(finding.system))
        self.form.addRow(self.tr("Holds:"), holds)
        self.form.addRow(self.tr("&Searched on:"), self.searched_on)
        self.form.addRow(self.tr("Found:"), found_row)
        self.form.addRow(self.categories_group)
        self.form.addRow(self.tr("&Values:"), self.notes)
        self.form.addRow(self.tr("Evidence:"), evidence_row)

        self.found_yes.toggled.connect(self._found_changed)
        if finding.found is False:
            self.found_no.setChecked(True)
        else:
            self.found_yes.setChecked(True)
        self._found_changed()
        chain_tab_order(
            self.searched_on,
            self.found_yes,
            self.found_no,
            *self.category_boxes,
            self.other_categories,
            self.notes,
            self.attach_button,
            self.buttons,
        )

    def _found_changed(self) -> None:
        found = self.found_yes.isChecked()
        self.categories_group.setEnabled(found)
        self.notes.setEnabled(found)

    def attach(self, path: Path) -> bool:
        """Keep a file (an export, a screenshot) as evidence of what the system held."""
        try:
            size = path.stat().st_size
            if size > MAX_EVIDENCE_BYTES:
                self.error.setText(self.tr("The file is larger than 50 MB."))
                self.error.show()
                return False
            content = path.read_bytes()
        except OSError as exc:
            self.error.setText(
                self.tr("{name} cannot be read: {reason}").format(
                    name=path.name, reason=exc.strerror or type(exc).__name__
                )
            )
            self.error.show()
            return False
        self.evidence = (path.name, content)
        self.evidence_label.setText(
            self.tr("{name}: SHA-256 {sha}").format(
                name=path.name, sha=hashlib.sha256(content).hexdigest()
            )
        )
        self.error.hide()
        return True

    def ask_attach(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(self, self.tr("Attach evidence"))
        if chosen:
            self.attach(Path(chosen))

    def fill(
        self,
        *,
        searched_on: dt.date | None = None,
        found: bool | None = None,
        categories: tuple[str, ...] | None = None,
        other: str | None = None,
        notes: str | None = None,
    ) -> None:
        if searched_on is not None:
            self.searched_on.setDate(to_qdate(searched_on))
        if found is not None:
            (self.found_yes if found else self.found_no).setChecked(True)
        if categories is not None:
            wanted = {c.casefold() for c in categories}
            for box in self.category_boxes:
                box.setChecked(box.text().casefold() in wanted)
        if other is not None:
            self.other_categories.setText(other)
        if notes is not None:
            self.notes.setPlainText(notes)

    def chosen_categories(self) -> tuple[str, ...]:
        picked = [box.text() for box in self.category_boxes if box.isChecked()]
        picked += [c.strip() for c in self.other_categories.text().split(",") if c.strip()]
        return tuple(dict.fromkeys(picked))

    def validate(self) -> str | None:
        if self.found_yes.isChecked() and not (
            self.chosen_categories() or self.notes.toPlainText().strip() or self.evidence
        ):
            return self.tr(
                "Say what was found: tick the categories, write the values, or attach a file."
            )
        return None

    def values(self) -> tuple[dt.date, bool, tuple[str, ...], str, tuple[str, bytes] | None]:
        found = self.found_yes.isChecked()
        return (
            from_qdate(self.searched_on.date()),
            found,
            self.chosen_categories() if found else (),
            self.notes.toPlainText().strip() if found else "",
            self.evidence,
        )


class FindingsPanel(QWidget):
    """The checklist of an access case. Emits `changed(reference)` after every recorded
    search."""

    changed = Signal(str)

    COL_SYSTEM, COL_HOLDS, COL_SEARCHED, COL_FOUND, COL_CATEGORIES, COL_NOTES, COL_EVIDENCE = range(
        7
    )

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
        self.reference = reference
        self._today_fixed = today
        self.rows: list[FindingView] = []
        self._evidence_names: dict[int, str] = {}
        self._received = cases.today_oslo()
        named(self, "findingsPanel", self.tr("Search (systems)"))

        layout = QVBoxLayout(self)
        self.summary = value_label("findingsSummary", self.tr("Search summary"))
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 7)
        named(self.table, "findingsTable", self.tr("Systems searched"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("System"),
                self.tr("Holds"),
                self.tr("Searched on"),
                self.tr("Found"),
                self.tr("Categories"),
                self.tr("Values"),
                self.tr("Evidence (SHA-256)"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.ask_edit())
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)

        self.edit_button = QPushButton(self.tr("&Record search…"))
        named(self.edit_button, "recordSearchButton", self.tr("Record the search of a system"))
        self.edit_button.setAutoDefault(False)
        self.edit_button.clicked.connect(self.ask_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        chain_tab_order(self.table, self.edit_button)
        self.reload()

    @property
    def today(self) -> dt.date:
        return self._today_fixed or cases.today_oslo()

    def reload(self) -> None:
        try:
            detail = cases.get_case(self._db, self.reference)
            self.rows = findings.findings(self._db, self.reference)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Innsyn"), problem_text(exc))
            return
        self._received = detail.received
        self._evidence_names = {d.id: d.filename for d in detail.documents}
        self.table.setRowCount(len(self.rows))
        for row, f in enumerate(self.rows):
            if f.found is None:
                found = self.tr("not searched")
            else:
                found = self.tr("yes") if f.found else self.tr("no")
            evidence = ""
            if f.evidence_document_id is not None:
                name = self._evidence_names.get(f.evidence_document_id, "")
                evidence = f"{name} ({(f.evidence_sha256 or '')[:12]}…)"
            cells = (
                f.system,
                f.holds,
                format_date(f.searched_on),
                found,
                ", ".join(f.categories),
                f.notes,
                evidence,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(f.evidence_sha256 or "" if column == self.COL_EVIDENCE else text)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        searched = sum(1 for f in self.rows if f.found is not None)
        found_in = [f.system for f in self.rows if f.found]
        text = self.tr("{searched} of {total} systems searched.").format(
            searched=searched, total=len(self.rows)
        )
        if found_in:
            text += " " + self.tr("Data found in: {systems}.").format(systems=", ".join(found_in))
        self.summary.setText(text)
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.edit_button.setEnabled(self.current_row() is not None)

    def current_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            return rows[0].row()
        return None

    def select_system(self, system_id: int) -> bool:
        for row, f in enumerate(self.rows):
            if f.system_id == system_id:
                self.table.selectRow(row)
                return True
        return False

    def table_rows(self) -> list[tuple[str, ...]]:
        def text(row: int, column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item is not None else ""

        return [
            tuple(text(r, c) for c in range(self.table.columnCount()))
            for r in range(self.table.rowCount())
        ]

    # --- editing ---------------------------------------------------------------------------------

    def _categories_for(self, system_id: int) -> list[str]:
        """The register's data categories: those of the activities using the system first."""
        try:
            activities = register.list_activities(self._db)
        except UserError:
            return []
        own = [
            c
            for a in activities
            if system_id in {x.id for x in a.systems}
            for c in a.data_categories
        ]
        rest = [c for a in activities for c in a.data_categories]
        seen: dict[str, str] = {}
        for category in own + rest:
            seen.setdefault(category.casefold(), category)
        return list(seen.values())

    def make_dialog(self, finding: FindingView) -> FindingDialog:
        return FindingDialog(
            finding,
            self._categories_for(finding.system_id),
            self,
            received=self._received,
            today=self.today,
        )

    def ask_edit(self) -> None:
        row = self.current_row()
        if row is None:
            return
        finding = self.rows[row]
        dialog = self.make_dialog(finding)
        if dialog.exec() == FindingDialog.DialogCode.Accepted:
            self.do_record(finding.system_id, *dialog.values())

    def do_record(
        self,
        system_id: int,
        searched_on: dt.date,
        found: bool,
        categories: tuple[str, ...] = (),
        notes: str = "",
        evidence: tuple[str, bytes] | None = None,
    ) -> bool:
        try:
            findings.record_finding(
                self._db,
                self.reference,
                system_id,
                searched_on=searched_on,
                found=found,
                categories=categories,
                notes=notes,
                evidence=evidence,
            )
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Innsyn"), problem_text(exc))
            return False
        self.reload()
        self.select_system(system_id)
        self.changed.emit(self.reference)
        return True
