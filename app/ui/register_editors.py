"""The register's editors, one dialog per kind of entry (system, recipient, retention rule,
processing activity) on a common base, and the small helpers they share with the register view."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core import clock, retention
from app.core.errors import UserError
from app.core.model import RecipientRole
from app.core.retention import AfterEvent, JustificationRequired, RetentionRuleSpec
from app.services import register
from app.services.register import (
    ActivityInput,
    ActivityView,
    RecipientInput,
    RecipientView,
    RetentionLineInput,
    RuleInput,
    RuleView,
    SystemInput,
    SystemView,
)
from app.services.storage import Database
from app.ui.formatting import problem_text, ui_language
from app.ui.widgets import error_label, from_qdate, message_label, named, no_enter_default, to_qdate

WARNING_STYLE = "color: #7a4a00;"  # dark amber
IdRole = Qt.ItemDataRole.UserRole


class RegisterEntry(Protocol):
    """What every register entry shown in a list has."""

    @property
    def id(self) -> int: ...

    @property
    def retired(self) -> bool: ...


# --- small helpers ------------------------------------------------------------------------------


def line_edit(object_name: str, accessible_name: str, text: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    named(edit, object_name, accessible_name)
    edit.setCursorPosition(0)  # long prefilled text shows its start
    return edit


def text_edit(
    object_name: str, accessible_name: str, text: str = "", lines: int = 3
) -> QPlainTextEdit:
    edit = QPlainTextEdit(text)
    named(edit, object_name, accessible_name)
    edit.setTabChangesFocus(True)
    edit.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # lines wrap
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
    return edit


def side_by_side(english: QWidget, bokmal: QWidget) -> QWidget:
    """A register text in English and, beside it, in Bokmål (issue 13): statements and
    letters print the one of their language, and refuse where it is not written."""
    english.setProperty("registerLanguage", "en")
    bokmal.setProperty("registerLanguage", "nb")
    for edit, language in ((english, "English"), (bokmal, "Bokmål")):
        if isinstance(edit, (QLineEdit, QPlainTextEdit)):
            edit.setPlaceholderText(QCoreApplication.translate("RegisterEditors", language))
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(english, 1)
    layout.addWidget(bokmal, 1)
    return row


def language_header() -> QWidget:
    """The columns' names above the side-by-side texts."""
    english = QLabel(QCoreApplication.translate("RegisterEditors", "English"))
    bokmal = QLabel(QCoreApplication.translate("RegisterEditors", "Bokmål"))
    for label in (english, bokmal):
        label.setStyleSheet("font-weight: bold")
    return side_by_side(english, bokmal)


def bokmal_line(object_name: str, accessible_name: str, text: str = "") -> QLineEdit:
    return line_edit(
        f"{object_name}Nb",
        QCoreApplication.translate("RegisterEditors", "{field} in Bokmål").format(
            field=accessible_name
        ),
        text,
    )


def bokmal_text(
    object_name: str, accessible_name: str, text: str = "", lines: int = 3
) -> QPlainTextEdit:
    return text_edit(
        f"{object_name}Nb",
        QCoreApplication.translate("RegisterEditors", "{field} in Bokmål").format(
            field=accessible_name
        ),
        text,
        lines,
    )


def in_ui(english: str, bokmal: str, *, same: bool = False) -> str:
    """A register text in the officer's language. A Bokmål text not written yet shows the
    English one, marked, so the officer sees what a Norwegian letter would refuse; `same`:
    an empty Bokmål value means the name is the same (a proper name), unmarked."""
    if ui_language() != "nb":
        return english
    if bokmal.strip():
        return bokmal
    if same or not english:
        return english
    return QCoreApplication.translate("RegisterView", "{text} (not written in Bokmål)").format(
        text=english
    )


def event_labels() -> dict[str, str]:
    return {
        AfterEvent.LAST_PURCHASE: QCoreApplication.translate(
            "RegisterView", "after the last purchase"
        ),
        AfterEvent.LAST_CONTACT: QCoreApplication.translate(
            "RegisterView", "after the last contact"
        ),
        AfterEvent.FINANCIAL_YEAR_END: QCoreApplication.translate(
            "RegisterView", "after the end of the financial year"
        ),
        AfterEvent.CASE_CLOSED: QCoreApplication.translate(
            "RegisterView", "after the case is closed"
        ),
        AfterEvent.COLLECTION: QCoreApplication.translate("RegisterView", "after collection"),
        AfterEvent.BY_LAW: QCoreApplication.translate(
            "RegisterView", "as required by applicable law"
        ),
    }


# --- the form dialogs ----------------------------------------------------------------------------


class EntryDialog(QDialog):
    """A form that saves through a service. On a problem it shows the message and stays open
    with everything typed; on success it emits `saved` with the stored entry and closes."""

    saved = Signal(object)

    def __init__(
        self, db: Database, title: str, object_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._prefix = object_name
        named(self, object_name, title)
        self.setWindowTitle(title)
        self.setModal(True)
        self.result_view: object | None = None

        inner = QWidget()
        self.form = QFormLayout(inner)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        scroll = QScrollArea()
        named(scroll, f"{object_name}Scroll", title)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)

        self.notice_label = message_label(f"{object_name}Notice", self.tr("Notice"), WARNING_STYLE)
        self.error_label = error_label(f"{object_name}Error", self.tr("Problem"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        named(self.buttons, f"{object_name}Buttons", self.tr("Save or cancel"))
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        named(self.save_button, f"{object_name}SaveButton", self.tr("Save"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        named(cancel, f"{object_name}CancelButton", self.tr("Cancel"))
        no_enter_default(self.buttons)
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.notice_label)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def _read_only(self, retired: bool) -> None:
        if retired:
            self.notice_label.setText(
                self.tr(
                    "This entry is retired: it is kept, unchanged, for old statements and logs."
                )
            )
            self.notice_label.show()
            self.save_button.setEnabled(False)

    # Each kind of entry's dialog builds the input from its fields and calls the service
    # (raising UserError); the shared layout and error handling are here.
    save: Callable[[], object]

    def show_error(self, message: str, focus: QWidget | None = None) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        if focus is not None:
            focus.setFocus()

    def _on_save(self) -> None:
        try:
            result = self.save()
        except UserError as exc:
            self.show_error(self.explain(exc))
            return
        self.error_label.hide()
        self.result_view = result
        self.saved.emit(result)
        self.accept()

    def explain(self, exc: UserError) -> str:
        return problem_text(exc)


class SystemDialog(EntryDialog):
    def __init__(
        self, db: Database, entry: SystemView | None = None, parent: QWidget | None = None
    ) -> None:
        title = self.tr("Edit system") if entry else self.tr("Add system")
        super().__init__(db, title, "systemDialog", parent)
        self.entry = entry
        self.resize(620, 300)
        self.name_edit = line_edit("systemName", self.tr("Name"), entry.name if entry else "")
        self.name_nb_edit = bokmal_line(
            "systemName", self.tr("Name"), entry.name_nb if entry else ""
        )
        self.name_nb_edit.setToolTip(self.tr("Leave empty where the name is the same in Bokmål"))
        self.owner_edit = line_edit("systemOwner", self.tr("Owner"), entry.owner if entry else "")
        self.holds_edit = text_edit(
            "systemHolds", self.tr("What the system holds"), entry.holds if entry else ""
        )
        self.form.addRow("", language_header())
        self.form.addRow(self.tr("&Name:"), side_by_side(self.name_edit, self.name_nb_edit))
        self.form.addRow(self.tr("&Owner:"), self.owner_edit)
        self.form.addRow(self.tr("What it &holds:"), self.holds_edit)
        self._read_only(bool(entry and entry.retired))

    def save(self) -> SystemView:
        return register.save_system(
            self._db,
            SystemInput(
                id=self.entry.id if self.entry else None,
                name=self.name_edit.text(),
                owner=self.owner_edit.text(),
                holds=self.holds_edit.toPlainText(),
                name_nb=self.name_nb_edit.text(),
            ),
        )


def role_labels() -> dict[str, str]:
    return {
        RecipientRole.PROCESSOR: QCoreApplication.translate("RegisterView", "processor"),
        RecipientRole.CONTROLLER: QCoreApplication.translate("RegisterView", "controller"),
        RecipientRole.AUTHORITY: QCoreApplication.translate("RegisterView", "authority"),
    }


class RecipientDialog(EntryDialog):
    def __init__(
        self, db: Database, entry: RecipientView | None = None, parent: QWidget | None = None
    ) -> None:
        title = self.tr("Edit recipient") if entry else self.tr("Add recipient")
        super().__init__(db, title, "recipientDialog", parent)
        self.entry = entry
        self.resize(560, 400)
        self.name_edit = line_edit("recipientName", self.tr("Name"), entry.name if entry else "")
        self.role_combo = QComboBox()
        named(self.role_combo, "recipientRole", self.tr("Role"))
        for value, text in role_labels().items():
            self.role_combo.addItem(text, str(value))
        if entry:
            self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(entry.role)))
        self.name_nb_edit = bokmal_line(
            "recipientName", self.tr("Name"), entry.name_nb if entry else ""
        )
        self.name_nb_edit.setToolTip(self.tr("Leave empty where the name is the same in Bokmål"))
        self.country_edit = line_edit(
            "recipientCountry", self.tr("Country"), entry.country if entry else "Norway"
        )
        self.country_nb_edit = bokmal_line(
            "recipientCountry", self.tr("Country"), entry.country_nb if entry else "Norge"
        )
        self.dpa_edit = line_edit(
            "recipientDpaReference",
            self.tr("Data Processing Agreement reference"),
            entry.dpa_reference if entry else "",
        )
        self.dpa_date_check = QCheckBox(self.tr("Signed on"))
        named(
            self.dpa_date_check, "recipientDpaDateKnown", self.tr("The agreement's date is known")
        )
        self.dpa_date_edit = QDateEdit()
        named(self.dpa_date_edit, "recipientDpaDate", self.tr("Date of the agreement"))
        self.dpa_date_edit.setCalendarPopup(True)
        self.dpa_date_edit.setDisplayFormat("dd.MM.yyyy")
        today = clock.today_oslo()
        self.dpa_date_edit.setMaximumDate(to_qdate(today))
        day = entry.dpa_date if entry and entry.dpa_date else today
        self.dpa_date_edit.setDate(to_qdate(day))
        self.dpa_date_check.setChecked(bool(entry and entry.dpa_date))
        self.dpa_date_edit.setEnabled(self.dpa_date_check.isChecked())
        self.dpa_date_check.toggled.connect(self.dpa_date_edit.setEnabled)
        date_row = QWidget()
        row = QHBoxLayout(date_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.dpa_date_check)
        row.addWidget(self.dpa_date_edit, 1)
        self.contact_edit = text_edit(
            "recipientContact", self.tr("Contact"), entry.contact if entry else "", lines=2
        )
        self.form.addRow("", language_header())
        self.form.addRow(self.tr("&Name:"), side_by_side(self.name_edit, self.name_nb_edit))
        self.form.addRow(self.tr("&Role:"), self.role_combo)
        self.form.addRow(
            self.tr("C&ountry:"), side_by_side(self.country_edit, self.country_nb_edit)
        )
        self.form.addRow(self.tr("&Data Processing Agreement:"), self.dpa_edit)
        self.form.addRow(self.tr("Agreement date:"), date_row)
        self.form.addRow(self.tr("&Contact:"), self.contact_edit)
        self._read_only(bool(entry and entry.retired))

    def save(self) -> RecipientView:
        dpa_date = None
        if self.dpa_date_check.isChecked():
            dpa_date = from_qdate(self.dpa_date_edit.date())
        return register.save_recipient(
            self._db,
            RecipientInput(
                id=self.entry.id if self.entry else None,
                name=self.name_edit.text(),
                role=str(self.role_combo.currentData()),
                country=self.country_edit.text(),
                dpa_reference=self.dpa_edit.text(),
                dpa_date=dpa_date,
                contact=self.contact_edit.toPlainText(),
                name_nb=self.name_nb_edit.text(),
                country_nb=self.country_nb_edit.text(),
            ),
        )


class RuleDialog(EntryDialog):
    """A retention rule. Where it keeps data longer than a statutory minimum the form says so
    at once, and the justification becomes required."""

    def __init__(
        self, db: Database, entry: RuleView | None = None, parent: QWidget | None = None
    ) -> None:
        title = self.tr("Edit retention rule") if entry else self.tr("Add retention rule")
        super().__init__(db, title, "ruleDialog", parent)
        self.entry = entry
        self.resize(620, 520)
        self.description_edit = line_edit(
            "ruleDescription",
            self.tr("Data kept under the rule"),
            entry.description if entry else "",
        )
        self.years_spin = QSpinBox()
        named(self.years_spin, "ruleYears", self.tr("Years"))
        self.years_spin.setRange(0, retention.MAX_PERIOD_YEARS)
        self.years_spin.setSuffix(self.tr(" years"))
        self.months_spin = QSpinBox()
        named(self.months_spin, "ruleMonths", self.tr("Months"))
        self.months_spin.setRange(0, retention.MAX_PERIOD_MONTHS)
        self.months_spin.setSuffix(self.tr(" months"))
        self.event_combo = QComboBox()
        named(self.event_combo, "ruleEvent", self.tr("Counted from"))
        for value, text in event_labels().items():
            self.event_combo.addItem(text, str(value))
        self.reference_edit = line_edit(
            "ruleLegalReference", self.tr("Legal reference"), entry.legal_reference if entry else ""
        )
        self.description_nb_edit = bokmal_line(
            "ruleDescription",
            self.tr("Data kept under the rule"),
            entry.description_nb if entry else "",
        )
        self.reference_nb_edit = bokmal_line(
            "ruleLegalReference",
            self.tr("Legal reference"),
            entry.legal_reference_nb if entry else "",
        )
        self.justification_label = QLabel(self.tr("&Justification:"))
        self.justification_edit = text_edit(
            "ruleJustification",
            self.tr("Justification"),
            entry.justification if entry else "",
            lines=6,
        )
        self.justification_label.setBuddy(self.justification_edit)
        self.criteria_label = QLabel()
        named(self.criteria_label, "ruleCriteria", self.tr("Deletion criteria"))
        self.criteria_label.setTextFormat(Qt.TextFormat.PlainText)
        self.criteria_label.setWordWrap(True)
        self.warning_label = message_label(
            "ruleStatutoryWarning", self.tr("Statutory minimum warning"), WARNING_STYLE
        )
        if entry:
            self.years_spin.setValue(entry.period_years)
            self.months_spin.setValue(entry.period_months)
            self.event_combo.setCurrentIndex(max(0, self.event_combo.findData(entry.after_event)))
        else:
            self.years_spin.setValue(3)

        period = QWidget()
        row = QHBoxLayout(period)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.years_spin)
        row.addWidget(self.months_spin)
        self.form.addRow("", language_header())
        self.form.addRow(
            self.tr("&Data kept:"), side_by_side(self.description_edit, self.description_nb_edit)
        )
        self.form.addRow(self.tr("&Period:"), period)
        self.form.addRow(self.tr("&Counted:"), self.event_combo)
        self.form.addRow(
            self.tr("&Legal reference:"), side_by_side(self.reference_edit, self.reference_nb_edit)
        )
        self.form.addRow(self.tr("Deletion:"), self.criteria_label)
        self.form.addRow(self.warning_label)
        self.form.addRow(self.justification_label, self.justification_edit)

        for spin in (self.years_spin, self.months_spin):
            spin.valueChanged.connect(self._update_check)
        self.event_combo.currentIndexChanged.connect(self._update_check)
        self.reference_edit.textChanged.connect(self._update_check)
        self._update_check()
        self._read_only(bool(entry and entry.retired))

    def _spec(self) -> RetentionRuleSpec:
        return RetentionRuleSpec(
            period_years=self.years_spin.value(),
            period_months=self.months_spin.value(),
            after_event=str(self.event_combo.currentData()),
            legal_reference=self.reference_edit.text(),
            description=self.description_edit.text(),
        )

    def _update_check(self) -> None:
        by_law = self.event_combo.currentData() == AfterEvent.BY_LAW
        self.years_spin.setEnabled(not by_law)
        self.months_spin.setEnabled(not by_law)
        spec = self._spec()
        if by_law:
            spec = RetentionRuleSpec(0, 0, spec.after_event, spec.legal_reference)
        lang = ui_language()
        self.criteria_label.setText(retention.deletion_criteria(spec, lang))
        self.warning_label.setText(self.statutory_warning(spec) or "")
        self.warning_label.setVisible(bool(self.warning_label.text()))
        required = bool(self.warning_label.text())
        self.justification_label.setText(
            self.tr("&Justification (required):") if required else self.tr("&Justification:")
        )

    def statutory_warning(self, spec: RetentionRuleSpec) -> str | None:
        minimum = retention.exceeds_statutory_minimum(spec)
        if minimum is None:
            return None
        lang = ui_language()
        if minimum.code == "bookkeeping":
            kind = self.tr("Bookkeeping records")
        else:
            kind = minimum.kind_nb if lang == "nb" else minimum.kind
        return self.tr(
            "{kind} need only be kept {minimum} ({reference}); this rule keeps them {period}. "
            "Give the justification."
        ).format(
            kind=kind,
            minimum=retention.deletion_criteria(minimum.rule, lang),
            reference=minimum.rule.legal_reference,
            period=retention.period_text(spec.period_years, spec.period_months, lang),
        )

    def save(self) -> RuleView:
        by_law = self.event_combo.currentData() == AfterEvent.BY_LAW
        return register.save_rule(
            self._db,
            RuleInput(
                id=self.entry.id if self.entry else None,
                description=self.description_edit.text(),
                period_years=0 if by_law else self.years_spin.value(),
                period_months=0 if by_law else self.months_spin.value(),
                after_event=str(self.event_combo.currentData()),
                legal_reference=self.reference_edit.text(),
                justification=self.justification_edit.toPlainText(),
                description_nb=self.description_nb_edit.text(),
                legal_reference_nb=self.reference_nb_edit.text(),
            ),
        )

    def explain(self, exc: UserError) -> str:
        if isinstance(exc, JustificationRequired):
            self.justification_edit.setFocus()
            return self.tr(
                "This rule keeps the data longer than the statutory minimum: give the "
                "justification before saving."
            )
        return problem_text(exc)


def legal_basis_labels() -> dict[str, str]:
    return {
        "a": QCoreApplication.translate("RegisterView", "(a) consent"),
        "b": QCoreApplication.translate("RegisterView", "(b) contract"),
        "c": QCoreApplication.translate("RegisterView", "(c) legal obligation"),
        "d": QCoreApplication.translate("RegisterView", "(d) vital interests"),
        "e": QCoreApplication.translate("RegisterView", "(e) public interest"),
        "f": QCoreApplication.translate("RegisterView", "(f) legitimate interests"),
    }


class RetentionRow(QWidget):
    """One retention line of an activity: which rule applies to which data."""

    def __init__(
        self,
        index: int,
        rules: Sequence[RuleView],
        rule_id: int | None,
        applies_to: str,
        parent: QWidget | None = None,
        applies_to_nb: str = "",
    ) -> None:
        super().__init__(parent)
        self.applies_edit = line_edit(
            f"retentionAppliesTo{index}", self.tr("Data the rule applies to"), applies_to
        )
        self.applies_edit.setPlaceholderText(self.tr("Which data, e.g. invoices and payments"))
        self.applies_edit.setMinimumWidth(120)
        self.applies_nb_edit = bokmal_line(
            f"retentionAppliesTo{index}", self.tr("Data the rule applies to"), applies_to_nb
        )
        self.applies_nb_edit.setPlaceholderText(self.tr("In Bokmål, e.g. fakturaer og betalinger"))
        self.applies_nb_edit.setMinimumWidth(120)
        self.rule_combo = QComboBox()
        named(self.rule_combo, f"retentionRule{index}", self.tr("Retention rule"))
        self.rule_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.rule_combo.setMinimumContentsLength(24)
        for rule in rules:
            described = in_ui(rule.description, rule.description_nb)
            text = f"{described}: {retention.deletion_criteria(rule.spec, ui_language())}"
            if rule.retired:
                text += " " + self.tr("(retired)")
            self.rule_combo.addItem(text, rule.id)
        if rule_id is not None:
            self.rule_combo.setCurrentIndex(max(0, self.rule_combo.findData(rule_id)))
        self.remove_button = QPushButton(self.tr("Remove"))
        named(self.remove_button, f"retentionRemove{index}", self.tr("Remove this retention line"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.applies_edit, 2)
        layout.addWidget(self.applies_nb_edit, 2)
        layout.addWidget(self.rule_combo, 3)
        layout.addWidget(self.remove_button)

    def line(self) -> RetentionLineInput | None:
        rule_id = self.rule_combo.currentData()
        if rule_id is None:
            return None
        return RetentionLineInput(
            int(rule_id), self.applies_edit.text(), self.applies_nb_edit.text()
        )


class ActivityDialog(EntryDialog):
    """A processing activity with its systems, recipients and retention. Retired systems,
    recipients and rules are not offered, unless the activity already uses them (then they
    are shown, labelled retired, and may be kept or removed)."""

    def __init__(
        self, db: Database, entry: ActivityView | None = None, parent: QWidget | None = None
    ) -> None:
        title = self.tr("Edit processing activity") if entry else self.tr("Add processing activity")
        super().__init__(db, title, "activityDialog", parent)
        self.entry = entry
        self.resize(780, 780)
        self.name_edit = line_edit("activityName", self.tr("Name"), entry.name if entry else "")
        self.purpose_edit = text_edit(
            "activityPurpose", self.tr("Purpose"), entry.purpose if entry else "", lines=2
        )
        self.basis_combo = QComboBox()
        named(self.basis_combo, "activityLegalBasis", self.tr("Legal basis, Art. 6(1)"))
        for letter, text in legal_basis_labels().items():
            self.basis_combo.addItem(text, letter)
        self.basis_text_edit = line_edit(
            "activityLegalBasisText",
            self.tr("Legal basis in words"),
            entry.legal_basis_text if entry else "",
        )
        if entry:
            self.basis_combo.setCurrentIndex(max(0, self.basis_combo.findData(entry.legal_basis)))
        else:
            self.basis_combo.setCurrentIndex(-1)
        self._standard_basis_text = ""
        self.basis_combo.currentIndexChanged.connect(self._prefill_basis_text)
        self.data_edit = text_edit(
            "activityDataCategories",
            self.tr("Categories of personal data, one per line"),
            "\n".join(entry.data_categories) if entry else "",
        )
        self.subjects_edit = text_edit(
            "activitySubjectCategories",
            self.tr("Categories of data subjects, one per line"),
            "\n".join(entry.subject_categories) if entry else "",
        )
        self.source_edit = line_edit(
            "activitySource", self.tr("Source"), entry.source if entry else ""
        )
        self.transfers_edit = text_edit(
            "activityTransfers",
            self.tr("Transfers outside the EEA, with safeguards"),
            entry.transfers if entry else "",
            lines=2,
        )
        self.name_nb_edit = bokmal_line(
            "activityName", self.tr("Name"), entry.name_nb if entry else ""
        )
        self.purpose_nb_edit = bokmal_text(
            "activityPurpose", self.tr("Purpose"), entry.purpose_nb if entry else "", lines=2
        )
        self.basis_text_nb_edit = bokmal_line(
            "activityLegalBasisText",
            self.tr("Legal basis in words"),
            entry.legal_basis_text_nb if entry else "",
        )
        self.data_nb_edit = bokmal_text(
            "activityDataCategories",
            self.tr("Categories of personal data, one per line"),
            "\n".join(entry.data_categories_nb) if entry else "",
        )
        self.subjects_nb_edit = bokmal_text(
            "activitySubjectCategories",
            self.tr("Categories of data subjects, one per line"),
            "\n".join(entry.subject_categories_nb) if entry else "",
        )
        self.source_nb_edit = bokmal_line(
            "activitySource", self.tr("Source"), entry.source_nb if entry else ""
        )
        self.transfers_nb_edit = bokmal_text(
            "activityTransfers",
            self.tr("Transfers outside the EEA, with safeguards"),
            entry.transfers_nb if entry else "",
            lines=2,
        )
        self.security_edit = text_edit(
            "activitySecurity",
            self.tr("Security measures"),
            entry.security_measures if entry else "",
            lines=2,
        )
        self.systems_list = self._choice_list(
            "activitySystems",
            self.tr("Systems"),
            register.list_systems(db),
            entry.systems if entry else (),
        )
        self.recipients_list = self._choice_list(
            "activityRecipients",
            self.tr("Recipients"),
            register.list_recipients(db),
            entry.recipients if entry else (),
        )
        rules = list(register.list_rules(db))
        for line in entry.retention if entry else ():
            if line.rule.id not in {r.id for r in rules}:
                rules.append(line.rule)
        self._rules = rules
        self.retention_rows: list[RetentionRow] = []
        self._row_counter = 0
        self._retention_box = QVBoxLayout()
        retention_widget = QWidget()
        named(retention_widget, "activityRetention", self.tr("Retention"))
        retention_layout = QVBoxLayout(retention_widget)
        retention_layout.setContentsMargins(0, 0, 0, 0)
        retention_layout.addLayout(self._retention_box)
        self.add_line_button = QPushButton(self.tr("Add retention line"))
        named(self.add_line_button, "activityAddRetention", self.tr("Add retention line"))
        self.add_line_button.clicked.connect(lambda: self.add_retention_line(None, ""))
        retention_layout.addWidget(self.add_line_button, 0, Qt.AlignmentFlag.AlignLeft)
        for line in entry.retention if entry else ():
            self.add_retention_line(line.rule.id, line.applies_to, line.applies_to_nb)
        if not self.retention_rows:
            self.add_retention_line(None, "")

        self.form.addRow("", language_header())
        self.form.addRow(self.tr("&Name:"), side_by_side(self.name_edit, self.name_nb_edit))
        self.form.addRow(
            self.tr("&Purpose:"), side_by_side(self.purpose_edit, self.purpose_nb_edit)
        )
        self.form.addRow(self.tr("&Legal basis:"), self.basis_combo)
        self.form.addRow(
            self.tr("Legal basis in &words:"),
            side_by_side(self.basis_text_edit, self.basis_text_nb_edit),
        )
        self.form.addRow(
            self.tr("&Data categories:"), side_by_side(self.data_edit, self.data_nb_edit)
        )
        self.form.addRow(
            self.tr("Data s&ubjects:"), side_by_side(self.subjects_edit, self.subjects_nb_edit)
        )
        self.form.addRow(self.tr("&Source:"), side_by_side(self.source_edit, self.source_nb_edit))
        self.form.addRow(
            self.tr("&Transfers:"), side_by_side(self.transfers_edit, self.transfers_nb_edit)
        )
        self.form.addRow(self.tr("Securit&y:"), self.security_edit)
        self.form.addRow(self.tr("S&ystems:"), self.systems_list)
        self.form.addRow(self.tr("Re&cipients:"), self.recipients_list)
        self.form.addRow(self.tr("Retention:"), retention_widget)
        self._read_only(bool(entry and entry.retired))

    def _choice_list(
        self,
        object_name: str,
        accessible_name: str,
        current: Sequence[SystemView | RecipientView],
        chosen: Sequence[SystemView | RecipientView],
    ) -> QListWidget:
        widget = QListWidget()
        named(widget, object_name, accessible_name)
        chosen_ids = {c.id for c in chosen}
        entries = list(current) + [c for c in chosen if c.id not in {x.id for x in current}]
        for entry in entries:
            text = in_ui(entry.name, entry.name_nb, same=True)
            text += " " + self.tr("(retired)") if entry.retired else ""
            item = QListWidgetItem(text)
            item.setData(IdRole, entry.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if entry.id in chosen_ids else Qt.CheckState.Unchecked
            )
            widget.addItem(item)
        widget.setFixedHeight(min(8, max(3, widget.count())) * 22 + 6)
        return widget

    @staticmethod
    def choice_ids(widget: QListWidget, *, checked_only: bool = True) -> list[int]:
        return [
            int(widget.item(i).data(IdRole))
            for i in range(widget.count())
            if not checked_only or widget.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _prefill_basis_text(self) -> None:
        """Fill in the standard wording, unless the officer has written their own."""
        letter = self.basis_combo.currentData()
        current = self.basis_text_edit.text().strip()
        if letter and (not current or current == self._standard_basis_text):
            self._standard_basis_text = register.LEGAL_BASES[letter]
            self.basis_text_edit.setText(self._standard_basis_text)

    def add_retention_line(
        self, rule_id: int | None, applies_to: str, applies_to_nb: str = ""
    ) -> RetentionRow:
        self._row_counter += 1
        row = RetentionRow(
            self._row_counter, self._rules, rule_id, applies_to, applies_to_nb=applies_to_nb
        )
        row.remove_button.clicked.connect(lambda: self._remove_retention_line(row))
        self.retention_rows.append(row)
        self._retention_box.addWidget(row)
        return row

    def _remove_retention_line(self, row: RetentionRow) -> None:
        self.retention_rows.remove(row)
        self._retention_box.removeWidget(row)
        row.deleteLater()

    def save(self) -> ActivityView:
        letter = self.basis_combo.currentData()
        lines = tuple(line for row in self.retention_rows if (line := row.line()) is not None)
        return register.save_activity(
            self._db,
            ActivityInput(
                id=self.entry.id if self.entry else None,
                name=self.name_edit.text(),
                purpose=self.purpose_edit.toPlainText(),
                legal_basis=str(letter) if letter else "",
                legal_basis_text=self.basis_text_edit.text(),
                data_categories=(self.data_edit.toPlainText(),),
                subject_categories=(self.subjects_edit.toPlainText(),),
                source=self.source_edit.text(),
                system_ids=tuple(self.choice_ids(self.systems_list)),
                recipient_ids=tuple(self.choice_ids(self.recipients_list)),
                retention=lines,
                transfers=self.transfers_edit.toPlainText(),
                security_measures=self.security_edit.toPlainText(),
                name_nb=self.name_nb_edit.text(),
                purpose_nb=self.purpose_nb_edit.toPlainText(),
                legal_basis_text_nb=self.basis_text_nb_edit.text(),
                data_categories_nb=(self.data_nb_edit.toPlainText(),),
                subject_categories_nb=(self.subjects_nb_edit.toPlainText(),),
                source_nb=self.source_nb_edit.text(),
                transfers_nb=self.transfers_nb_edit.toPlainText(),
            ),
        )
