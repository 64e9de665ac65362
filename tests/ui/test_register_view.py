"""The register view, driven through its widgets, checked against the database it writes."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # conftest sets it too; before Qt

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QMessageBox

from app.services import register
from app.store.database import Database
from app.ui.register_editors import ActivityDialog, RecipientDialog, RuleDialog
from app.ui.register_view import RegisterView


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    """The criteria follow the interface's language; the assertions below are in English."""
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Confirmations are answered Yes, and recorded; a warning box would block: fail instead."""
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    def warning(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> Any:
        raise AssertionError(f"unexpected warning box: {text}")

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    return asked


@pytest.fixture
def view(qtbot: Any, db: Database, questions: list[str]) -> RegisterView:
    widget = RegisterView(db)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def code_id(entries: list[Any], code: str) -> int:
    return next(e.id for e in entries if e.code == code)


def test_every_input_is_named(view: RegisterView) -> None:
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox

    view.rules.add_button.click()
    view.activities.add_button.click()
    view.recipients.add_button.click()
    for root in (
        view,
        view.rules.active_dialog,
        view.activities.active_dialog,
        view.recipients.active_dialog,
    ):
        assert root is not None
        for kind in (QLineEdit, QPlainTextEdit, QComboBox, QSpinBox, QAbstractButton):
            for widget in root.findChildren(kind):
                if widget.objectName().startswith("qt_") or not widget.isVisibleTo(root):
                    continue  # Qt's own parts (spin box line edits, scroll bar buttons)
                if isinstance(widget, QLineEdit) and isinstance(
                    widget.parent(), QSpinBox | QComboBox
                ):
                    continue
                assert widget.objectName(), f"{kind.__name__} without objectName in {root}"
                assert widget.accessibleName(), f"{widget.objectName()} has no accessibleName"


def test_add_a_recipient_through_the_form(qtbot: Any, view: RegisterView, db: Database) -> None:
    tab = view.recipients
    before = len(tab.entries)
    tab.add_button.click()
    dialog = tab.active_dialog
    assert isinstance(dialog, RecipientDialog)

    qtbot.keyClicks(dialog.name_edit, "Acme Hosting AS")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("processor"))
    # A processor without its agreement is refused, and what was typed stays.
    dialog.save_button.click()
    assert dialog.isVisible()
    assert not dialog.error_label.isHidden()
    assert "Data Processing Agreement" in dialog.error_label.text()
    assert dialog.name_edit.text() == "Acme Hosting AS"
    assert "Acme Hosting AS" not in [r.name for r in register.list_recipients(db)]

    qtbot.keyClicks(dialog.dpa_edit, "DPA-2026-07")
    dialog.contact_edit.setPlainText("dpo@acme.example")
    dialog.save_button.click()
    assert not dialog.isVisible()

    saved = [r for r in register.list_recipients(db) if r.name == "Acme Hosting AS"]
    assert len(saved) == 1
    assert (saved[0].role, saved[0].dpa_reference, saved[0].contact, saved[0].country) == (
        "processor",
        "DPA-2026-07",
        "dpo@acme.example",
        "Norway",
    )
    assert len(tab.entries) == before + 1
    assert ["Acme Hosting AS", "processor", "Norway", "DPA-2026-07", ""] in tab.row_texts()


def test_rule_without_justification_is_not_saved(view: RegisterView, db: Database) -> None:
    rules = register.list_rules(db)
    financial = next(r for r in rules if r.code == "financial-records")
    tab = view.rules
    assert tab.select_entry(financial.id)
    tab.edit_button.click()
    dialog = tab.active_dialog
    assert isinstance(dialog, RuleDialog)
    assert not dialog.warning_label.isHidden()
    assert dialog.warning_label.text() == (
        "Bookkeeping records need only be kept 5 years after the end of the financial year "
        "(bokføringsloven § 13); this rule keeps them 10 years. Give the justification."
    )
    assert "required" in dialog.justification_label.text()

    dialog.justification_edit.clear()
    dialog.reference_edit.setText("bokføringsloven § 13 (policy)")
    dialog.save_button.click()

    assert dialog.isVisible()
    assert not dialog.error_label.isHidden()
    assert "justification" in dialog.error_label.text()
    assert dialog.reference_edit.text() == "bokføringsloven § 13 (policy)"  # input kept
    stored = register.get_rule(db, financial.id)
    assert stored.justification == financial.justification
    assert stored.legal_reference == "bokføringsloven § 13"

    # Five years is the minimum itself: no warning, no justification needed.
    dialog.years_spin.setValue(5)
    assert dialog.warning_label.isHidden()
    dialog.save_button.click()
    assert not dialog.isVisible()
    stored = register.get_rule(db, financial.id)
    assert (stored.period_years, stored.justification) == (5, "")
    assert stored.exceeds_minimum is None


def test_retired_system_is_shown_as_retired_and_not_offered(
    qtbot: Any, view: RegisterView, db: Database, questions: list[str]
) -> None:
    analytics_id = code_id(register.list_systems(db), "web-analytics")
    tab = view.systems
    assert tab.select_entry(analytics_id)
    tab.retire_button.click()

    assert len(questions) == 1
    assert "Website analytics (Google Analytics)" in questions[0]
    assert "Website analytics and remarketing" in questions[0]  # still named by an activity
    assert register.get_system(db, analytics_id).retired
    assert analytics_id not in [e.id for e in tab.entries]  # hidden while not shown

    tab.show_retired.setChecked(True)
    assert analytics_id in [e.id for e in tab.entries]
    row = [e.id for e in tab.entries].index(analytics_id)
    texts = tab.row_texts()[row]
    assert texts[0] == "Website analytics (Google Analytics)"
    assert texts[-1] == "retired"
    grey = tab.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert tab.table.item(row, 0).foreground().color() == grey
    assert tab.select_entry(analytics_id)
    assert not tab.retire_button.isEnabled()

    # A new activity is not offered the retired system.
    view.activities.add_button.click()
    dialog = view.activities.active_dialog
    assert isinstance(dialog, ActivityDialog)
    offered = ActivityDialog.choice_ids(dialog.systems_list, checked_only=False)
    assert analytics_id not in offered
    assert len(offered) == 3
    dialog.reject()

    # The activity that already uses it shows it as retired, still chosen.
    activities = register.list_activities(db)
    view.activities.select_entry(code_id(activities, "analytics"))
    view.activities.edit_button.click()
    dialog = view.activities.active_dialog
    assert isinstance(dialog, ActivityDialog)
    items = [dialog.systems_list.item(i) for i in range(dialog.systems_list.count())]
    kept = [i for i in items if i.data(Qt.ItemDataRole.UserRole) == analytics_id]
    assert len(kept) == 1
    assert kept[0].text().endswith("(retired)")
    assert kept[0].checkState() == Qt.CheckState.Checked


def test_add_an_activity_through_the_form(qtbot: Any, view: RegisterView, db: Database) -> None:
    view.activities.add_button.click()
    dialog = view.activities.active_dialog
    assert isinstance(dialog, ActivityDialog)
    qtbot.keyClicks(dialog.name_edit, "Newsletter")
    dialog.purpose_edit.setPlainText("To send the newsletter.")
    dialog.basis_combo.setCurrentIndex(dialog.basis_combo.findData("a"))
    assert dialog.basis_text_edit.text() == "Art. 6(1)(a) GDPR: consent"  # pre-filled
    dialog.data_edit.setPlainText("E-mail address\nName")
    dialog.source_edit.setText("The data subject")
    dialog.systems_list.item(1).setCheckState(Qt.CheckState.Checked)  # CRM

    dialog.save_button.click()  # no data subjects yet
    assert dialog.isVisible()
    assert "data subjects" in dialog.error_label.text()
    assert dialog.name_edit.text() == "Newsletter"

    dialog.subjects_edit.setPlainText("Customers")
    row = dialog.retention_rows[0]
    row.rule_combo.setCurrentIndex(
        row.rule_combo.findData(code_id(register.list_rules(db), "communications"))
    )
    row.applies_edit.setText("Subscription")
    dialog.save_button.click()
    assert not dialog.isVisible()

    created = next(a for a in register.list_activities(db) if a.name == "Newsletter")
    assert created.legal_basis == "a"
    assert created.data_categories == ("E-mail address", "Name")
    assert [x.code for x in created.systems] == ["crm"]
    assert [(line.rule.code, line.applies_to) for line in created.retention] == [
        ("communications", "Subscription")
    ]
    assert any(r[0] == "Newsletter" for r in view.activities.row_texts())


def test_controller_profile_saves_and_refuses_bad_email(view: RegisterView, db: Database) -> None:
    form = view.controller
    assert form.fields["legal_name"].text() == "LanoPro"
    form.fields["privacy_email"].setText("personvern(at)lanopro")
    assert not form.save()
    assert not form.error_label.isHidden()
    assert "e-mail" in form.error_label.text()
    assert register.get_controller(db).privacy_email == ""
    assert form.fields["privacy_email"].text() == "personvern(at)lanopro"  # kept

    form.fields["privacy_email"].setText("personvern@lanopro.no")
    form.fields["phone"].setText("40001514")
    form.save_button.click()
    assert form.error_label.isHidden()
    assert register.get_controller(db).privacy_email == "personvern@lanopro.no"
    assert form.fields["phone"].text() == "+47 40 00 15 14"


def test_the_activity_form_edits_english_and_bokmal_side_by_side(
    qtbot: Any, db: Database, questions: list[str]
) -> None:
    products = register.list_activities(db)[0]
    dialog = ActivityDialog(db, products)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.name_nb_edit.text() == "Levering av produkter og tjenester"
    assert dialog.name_nb_edit.accessibleName() == "Name in Bokmål"
    assert dialog.retention_rows[0].applies_nb_edit.text() == "Fakturaer og betalinger"
    # Both texts of a field sit on one row of the form, English first.
    assert dialog.name_edit.parentWidget() is dialog.name_nb_edit.parentWidget()

    dialog.purpose_nb_edit.setPlainText("Å levere det kunden har kjøpt.")
    dialog.data_nb_edit.setPlainText("Navn og kontaktopplysninger")  # 1 line for 5
    dialog.save_button.click()
    assert dialog.isVisible()
    assert "5 line(s) in English and 1 in Bokmål" in dialog.error_label.text()
    assert register.get_activity(db, products.id).purpose_nb == products.purpose_nb  # unsaved

    dialog.data_nb_edit.setPlainText("\n".join(products.data_categories_nb))
    dialog.retention_rows[1].applies_nb_edit.setText("Andre personopplysninger")
    dialog.save_button.click()
    assert not dialog.isVisible()
    saved = register.get_activity(db, products.id)
    assert saved.purpose_nb == "Å levere det kunden har kjøpt."
    assert saved.purpose == products.purpose  # the English text is untouched
    assert [line.applies_to_nb for line in saved.retention] == [
        "Fakturaer og betalinger",
        "Andre personopplysninger",
    ]
    assert saved.data_categories_nb == products.data_categories_nb


def test_a_recipient_and_a_rule_keep_their_bokmal(
    qtbot: Any, db: Database, questions: list[str]
) -> None:
    dialog = RecipientDialog(db)
    qtbot.addWidget(dialog)
    assert dialog.country_nb_edit.text() == "Norge"  # beside "Norway"
    dialog.name_edit.setText("Posten Bring AS")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("controller"))
    dialog.country_edit.setText("Sweden")
    dialog.country_nb_edit.setText("Sverige")
    dialog.save_button.click()
    saved = next(r for r in register.list_recipients(db) if r.name == "Posten Bring AS")
    assert (saved.country, saved.country_nb, saved.name_nb) == ("Sweden", "Sverige", "")

    rule = next(r for r in register.list_rules(db) if r.code == "customer-data")
    form = RuleDialog(db, rule)
    qtbot.addWidget(form)
    assert form.reference_nb_edit.text() == "3 år etter siste kjøp (LanoPro personvernerklæring)"
    form.reference_nb_edit.setText("LanoPros personvernerklæring: 3 år etter siste kjøp")
    form.save_button.click()
    assert register.get_rule(db, rule.id).legal_reference_nb == (
        "LanoPros personvernerklæring: 3 år etter siste kjøp"
    )
    assert register.get_rule(db, rule.id).legal_reference == rule.legal_reference
