"""One data subject: who they are, how to reach them, and all their cases."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QModelIndex, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import UserError
from app.services import subjects
from app.services.dto import CaseQuery, SubjectDetail
from app.services.storage import Database
from app.ui.case_table import CaseTableModel, ReferenceRole
from app.ui.formatting import format_date, label, problem_text
from app.ui.restriction_banner import RestrictionBanner
from app.ui.widgets import chain_tab_order, name_buttons, named, value_label


class CaseWindow(Protocol):
    """What the subject view needs of the case view it opens (the case view imports this
    module: it is passed in, not imported)."""

    @property
    def changed(self) -> SignalInstance: ...

    def setAttribute(self, attribute: Qt.WidgetAttribute, on: bool = True) -> None: ...

    def show(self) -> None: ...


CaseOpener = Callable[[Database, str, QWidget], CaseWindow]


class SubjectView(QDialog):
    """Emits `changed(reference)` when a case opened from here was changed. `open_case`
    makes the window of one case (the case view's class)."""

    changed = Signal(str)

    def __init__(
        self,
        db: Database,
        subject_id: int,
        parent: QWidget | None = None,
        *,
        open_case: CaseOpener,
    ) -> None:
        super().__init__(parent)
        self._open_case = open_case
        self._db = db
        self.subject_id = subject_id
        self.detail: SubjectDetail = subjects.get_subject(db, subject_id)  # NotFound: caller
        title = self.tr("Subject {pseudonym}").format(pseudonym=self.detail.pseudonym)
        named(self, "subjectView", title)
        self.setWindowTitle(title)
        self.resize(820, 600)
        self._build()
        self._show_detail()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.restriction_banner = RestrictionBanner.for_subject(self._db, self.subject_id, self)
        layout.addWidget(self.restriction_banner)
        group = QGroupBox(self.tr("Details"))
        named(group, "subjectDetailsGroup", self.tr("Details"))
        form = QFormLayout(group)
        self.name_label = value_label("subjectName", self.tr("Name"))
        self.pseudonym_label = value_label("subjectPseudonym", self.tr("Pseudonym"))
        self.address_label = value_label("subjectAddress", self.tr("Postal address"))
        self.emails_label = value_label("subjectEmails", self.tr("E-mail addresses"))
        self.phones_label = value_label("subjectPhones", self.tr("Phone numbers"))
        self.roles_label = value_label("subjectRoles", self.tr("Roles"))
        self.numbers_label = value_label("subjectNumbers", self.tr("Customer and supplier no."))
        self.dates_label = value_label("subjectDates", self.tr("Last purchase and contact"))
        form.addRow(self.tr("Name:"), self.name_label)
        form.addRow(self.tr("Pseudonym:"), self.pseudonym_label)
        form.addRow(self.tr("Postal address:"), self.address_label)
        form.addRow(self.tr("E-mail:"), self.emails_label)
        form.addRow(self.tr("Phone:"), self.phones_label)
        form.addRow(self.tr("Roles:"), self.roles_label)
        form.addRow(self.tr("Numbers:"), self.numbers_label)
        form.addRow(self.tr("Last purchase / contact:"), self.dates_label)
        layout.addWidget(group)

        cases_label = QLabel(self.tr("&Cases (double-click or Enter opens one):"))
        named(cases_label, "subjectCasesLabel", self.tr("Cases"))
        layout.addWidget(cases_label)
        self.model = CaseTableModel(
            self._db,
            CaseQuery(subject_id=self.subject_id, sort="received", descending=True),
            parent=self,
        )
        self.table = QTableView()
        named(self.table, "subjectCasesTable", self.tr("Cases of this subject"))
        cases_label.setBuddy(self.table)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSortIndicator(
            CaseTableModel.COL_RECEIVED, Qt.SortOrder.DescendingOrder
        )
        self.table.setSortingEnabled(True)
        self.table.activated.connect(self._open_index)
        layout.addWidget(self.table, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        named(self.buttons, "subjectViewButtons", self.tr("Close"))
        name_buttons(self.buttons, "subjectView")
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        chain_tab_order(self.table, self.buttons)

    def _show_detail(self) -> None:
        d = self.detail
        name = d.name + ("  " + self.tr("(erased)") if d.erased else "")
        self.name_label.setText(name)
        self.pseudonym_label.setText(d.pseudonym)
        self.address_label.setText(d.postal_address)
        self.emails_label.setText("\n".join(d.emails))
        self.phones_label.setText("\n".join(d.phones))
        self.roles_label.setText(", ".join(label(r.value) for r in d.roles))
        numbers = []
        if d.customer_no:
            numbers.append(self.tr("customer {number}").format(number=d.customer_no))
        if d.supplier_no:
            numbers.append(self.tr("supplier {number}").format(number=d.supplier_no))
        self.numbers_label.setText(", ".join(numbers))
        self.dates_label.setText(
            self.tr("last purchase {purchase}; last contact {contact}").format(
                purchase=format_date(d.last_purchase) or "—",
                contact=format_date(d.last_contact) or "—",
            )
        )

    def refresh(self) -> None:
        try:
            self.detail = subjects.get_subject(self._db, self.subject_id)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Innsyn"), problem_text(exc))
            return
        self._show_detail()
        self.model.refresh()

    def _open_index(self, index: QModelIndex) -> None:
        reference = index.data(ReferenceRole)
        if reference:
            self.open_case(str(reference))

    def open_case(self, reference: str) -> CaseWindow | None:
        try:
            view = self._open_case(self._db, reference, self)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Innsyn"), problem_text(exc))
            return None
        view.changed.connect(self._on_case_changed)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.show()
        return view

    def _on_case_changed(self, reference: str) -> None:
        self.refresh()
        self.changed.emit(reference)
