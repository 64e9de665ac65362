"""The choices the intake dialog asks on saving: a person already on record, an open case
of the same kind, and the fee for a repeated access request within a year."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.model import FeeDecision
from app.services.dto import OpenCaseBrief, SubjectMatch
from app.ui.formatting import format_day, request_type_label, status_label
from app.ui.widgets import error_label, no_enter_default, plain_label

__all__ = ["DuplicateDialog", "FeeDecisionDialog", "SubjectChoiceDialog"]

MAX_FEE_KRONER = 100_000


def _matched_on_label(why: str) -> str:
    labels = {
        "e-mail": QCoreApplication.translate("IntakeDialog", "e-mail address"),
        "phone": QCoreApplication.translate("IntakeDialog", "phone number"),
        "customer number": QCoreApplication.translate("IntakeDialog", "customer number"),
        "name": QCoreApplication.translate("IntakeDialog", "name"),
    }
    return labels.get(why, why)


# --- the choices asked on saving ------------------------------------------------------------


class SubjectChoiceDialog(QDialog):
    """People on record who may be the person: link one, or create a new person."""

    def __init__(self, matches: Sequence[SubjectMatch], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("subjectChoiceDialog")
        self.setWindowTitle(self.tr("Is this someone already on record?"))
        self.chosen_subject_id: int | None = None
        self.create_new = False
        self.link_buttons: dict[int, QPushButton] = {}
        self.candidate_labels: dict[int, QLabel] = {}

        layout = QVBoxLayout(self)
        intro = plain_label(
            self.tr(
                "These people on record may be the person who made the request. Link the "
                "request to one of them, or create a new person."
            )
        )
        layout.addWidget(intro)

        inner = QWidget()
        rows = QVBoxLayout(inner)
        for match in matches:
            frame = QFrame()
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            row = QHBoxLayout(frame)
            details = plain_label(self._describe(match), f"candidate_{match.subject_id}")
            details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            row.addWidget(details, 1)
            button = QPushButton(self.tr("Link to this person"))
            button.setObjectName(f"linkSubject_{match.subject_id}")
            button.setAccessibleName(self.tr("Link to {name}").format(name=match.name))
            button.clicked.connect(lambda _=False, sid=match.subject_id: self.choose_subject(sid))
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            rows.addWidget(frame)
            self.link_buttons[match.subject_id] = button
            self.candidate_labels[match.subject_id] = details
        rows.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout.addWidget(scroll, 1)

        box = QDialogButtonBox()
        self.new_button = box.addButton(
            self.tr("Create a new person"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.new_button.setObjectName("createNewSubjectButton")
        self.new_button.setAccessibleName(self.tr("Create a new person"))
        self.cancel_button = box.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("subjectChoiceCancelButton")
        self.cancel_button.setAccessibleName(self.tr("Cancel, nothing is saved"))
        self.new_button.clicked.connect(self.choose_new)
        box.rejected.connect(self.reject)
        no_enter_default(box)
        layout.addWidget(box)
        self.resize(560, 420)

    def _describe(self, match: SubjectMatch) -> str:
        none = self.tr("none")
        lines = [
            f"{match.name} ({match.pseudonym})",
            self.tr("E-mail: {value}").format(value=", ".join(match.emails) or none),
            self.tr("Phone: {value}").format(value=", ".join(match.phones) or none),
            self.tr("Customer number: {value}").format(value=match.customer_no or none),
            self.tr("Matched on: {value}").format(
                value=", ".join(_matched_on_label(w) for w in match.matched_on)
            ),
        ]
        return "\n".join(lines)

    def choose_subject(self, subject_id: int) -> None:
        self.chosen_subject_id = subject_id
        self.create_new = False
        self.accept()

    def choose_new(self) -> None:
        self.chosen_subject_id = None
        self.create_new = True
        self.accept()


class DuplicateDialog(QDialog):
    """Open cases of the same kind for the person: add to one, or create a new case anyway."""

    def __init__(self, duplicates: Sequence[OpenCaseBrief], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicateDialog")
        self.setWindowTitle(self.tr("An open case already exists"))
        self.add_to_reference: str | None = None
        self.create_new = False
        self.add_buttons: dict[str, QPushButton] = {}

        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                self.tr(
                    "This person already has an open case for the same kind of request. Add "
                    "this request to that case, or create a new case anyway."
                )
            )
        )
        for brief in duplicates:
            frame = QFrame()
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            row = QHBoxLayout(frame)
            text = self.tr("{reference}: {types}; received {received}, due {due}; {status}").format(
                reference=brief.reference,
                types=", ".join(request_type_label(t) for t in brief.types),
                received=format_day(brief.received),
                due=format_day(brief.due),
                status=status_label(brief.status),
            )
            row.addWidget(plain_label(text, f"duplicate_{brief.reference}"), 1)
            button = QPushButton(
                self.tr("Add to case {reference}").format(reference=brief.reference)
            )
            button.setObjectName(f"addToCase_{brief.reference}")
            button.setAccessibleName(button.text())
            button.clicked.connect(lambda _=False, ref=brief.reference: self.add_to(ref))
            row.addWidget(button)
            layout.addWidget(frame)
            self.add_buttons[brief.reference] = button

        box = QDialogButtonBox()
        self.new_button = box.addButton(
            self.tr("Create a new case anyway"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.new_button.setObjectName("createNewCaseButton")
        self.new_button.setAccessibleName(self.tr("Create a new case anyway"))
        self.cancel_button = box.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("duplicateCancelButton")
        self.cancel_button.setAccessibleName(self.tr("Cancel, nothing is saved"))
        self.new_button.clicked.connect(self.choose_new)
        box.rejected.connect(self.reject)
        no_enter_default(box)
        layout.addWidget(box)

    def add_to(self, reference: str) -> None:
        self.add_to_reference = reference
        self.create_new = False
        self.accept()

    def choose_new(self) -> None:
        self.add_to_reference = None
        self.create_new = True
        self.accept()


class FeeDecisionDialog(QDialog):
    """The once-a-year rule: a free statement was given within 12 months; the officer decides."""

    def __init__(self, recent_free_statement: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feeDecisionDialog")
        self.setWindowTitle(self.tr("A free statement was given within 12 months"))
        layout = QVBoxLayout(self)

        self.warning_label = plain_label(
            self.tr(
                "This person was given a free statement on {date}, within the last 12 months. "
                "The policy answers access requests free of charge once a year. Decide how to "
                "handle this request; you must be able to show why (GDPR Art. 12(5))."
            ).format(date=format_day(recent_free_statement)),
            "feeWarning",
        )
        self.warning_label.setAccessibleName(self.tr("Once-a-year warning"))
        layout.addWidget(self.warning_label)

        self.free_radio = QRadioButton(self.tr("Answer free of charge anyway"))
        self.free_radio.setObjectName("feeFreeRadio")
        self.fee_radio = QRadioButton(self.tr("Charge a reasonable fee"))
        self.fee_radio.setObjectName("feeChargeRadio")
        self.refuse_radio = QRadioButton(
            self.tr("Refuse: the request is manifestly unfounded or excessive")
        )
        self.refuse_radio.setObjectName("feeRefuseRadio")
        self.group = QButtonGroup(self)
        for radio in (self.free_radio, self.fee_radio, self.refuse_radio):
            radio.setAccessibleName(radio.text())
            self.group.addButton(radio)

        self.amount_spin = QSpinBox()
        self.amount_spin.setObjectName("feeAmountSpin")
        self.amount_spin.setAccessibleName(self.tr("Fee in kroner"))
        self.amount_spin.setRange(0, MAX_FEE_KRONER)
        self.amount_spin.setSuffix(self.tr(" kr"))
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setObjectName("refusalReasonEdit")
        self.reason_edit.setAccessibleName(self.tr("Reason for the refusal"))
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setPlaceholderText(
            self.tr("Why the request is manifestly unfounded or excessive")
        )

        layout.addWidget(self.free_radio)
        layout.addWidget(self.fee_radio)
        amount_row = QHBoxLayout()
        amount_row.addSpacing(24)
        amount_label = QLabel(self.tr("&Amount:"))
        amount_label.setBuddy(self.amount_spin)
        amount_row.addWidget(amount_label)
        amount_row.addWidget(self.amount_spin)
        amount_row.addStretch(1)
        layout.addLayout(amount_row)
        layout.addWidget(self.refuse_radio)
        reason_label = QLabel(self.tr("&Reason (required for a refusal):"))
        reason_label.setBuddy(self.reason_edit)
        layout.addWidget(reason_label)
        layout.addWidget(self.reason_edit)
        layout.addWidget(
            plain_label(
                self.tr(
                    "A refusal closes the case; the letter must give the reasons and say that "
                    "the person may complain to Datatilsynet and go to court."
                )
            )
        )
        self.problem_label = error_label("feeProblem", self.tr("What is missing"))
        layout.addWidget(self.problem_label)

        box = QDialogButtonBox()
        self.ok_button = box.addButton(
            self.tr("Record the decision"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setObjectName("feeOkButton")
        self.ok_button.setAccessibleName(self.tr("Record the decision"))
        self.cancel_button = box.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("feeCancelButton")
        self.cancel_button.setAccessibleName(self.tr("Cancel, nothing is saved"))
        box.accepted.connect(self._accept_if_complete)
        box.rejected.connect(self.reject)
        no_enter_default(box)
        layout.addWidget(box)

        self.group.buttonToggled.connect(self._update)
        self.amount_spin.valueChanged.connect(self._update)
        self.reason_edit.textChanged.connect(self._update)
        self._update()

    @property
    def decision(self) -> FeeDecision | None:
        if self.free_radio.isChecked():
            return FeeDecision.FREE
        if self.fee_radio.isChecked():
            return FeeDecision.FEE
        if self.refuse_radio.isChecked():
            return FeeDecision.REFUSE
        return None

    @property
    def amount(self) -> int | None:
        return self.amount_spin.value() if self.decision == FeeDecision.FEE else None

    @property
    def reason(self) -> str | None:
        if self.decision not in (FeeDecision.FEE, FeeDecision.REFUSE):
            return None
        return self.reason_edit.toPlainText().strip() or None

    def problem(self) -> str:
        """What still stops the decision from being recorded ("" when it is complete)."""
        decision = self.decision
        if decision is None:
            return self.tr("Choose one of the three answers.")
        if decision == FeeDecision.FEE and self.amount_spin.value() <= 0:
            return self.tr("Enter the fee in kroner (more than 0).")
        if decision == FeeDecision.REFUSE and not self.reason_edit.toPlainText().strip():
            return self.tr("Write the reason for the refusal.")
        if decision == FeeDecision.FEE and not self.reason_edit.toPlainText().strip():
            return self.tr("Write why the request is manifestly unfounded or excessive.")
        return ""

    def _update(self) -> None:
        decision = self.decision
        self.amount_spin.setEnabled(decision == FeeDecision.FEE)
        self.reason_edit.setEnabled(decision in (FeeDecision.FEE, FeeDecision.REFUSE))
        problem = self.problem()
        self.ok_button.setEnabled(not problem)
        # Only say what is missing once a choice was made: no red text on opening.
        self.problem_label.setText(problem)
        self.problem_label.setVisible(bool(problem) and decision is not None)

    def _accept_if_complete(self) -> None:
        if not self.problem():
            self.accept()
