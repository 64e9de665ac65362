"""The retention sweep view, driven through its widgets, checked against the database."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # conftest sets it too; before Qt

import datetime as dt
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from sqlalchemy import insert, select, update

from app.core.model import RequestType
from app.services import cases, rights
from app.services.database import Database
from app.services.retention_sweep import SweepKind
from app.store.models import Case, Subject
from app.ui.retention_view import RetentionSweepView, SweepTableModel
from tests.conftest import oslo, phone_request

TODAY = dt.date(2026, 6, 1)


@pytest.fixture(autouse=True)
def _english() -> Any:
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Confirmations are answered Yes, and recorded."""
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def add_people(db: Database) -> None:
    rows = [
        # id, name, roles, last purchase, last contact
        (1, "Ola Nordmann", "customer", dt.date(2015, 6, 1), dt.date(2016, 1, 1)),
        (2, "Kari Nordmann", "stakeholder", None, dt.date(2020, 1, 1)),
        (3, "Per Hansen", "customer", dt.date(2025, 1, 1), None),  # nothing due yet
    ]
    with db.session() as s:
        s.execute(
            insert(Subject),
            [
                {
                    "id": sid,
                    "pseudonym": f"S-{sid:06d}",
                    "name": name,
                    "sort_name": name.lower(),
                    "postal_address": "",
                    "roles": roles,
                    "created_at": dt.datetime(2026, 1, 1),
                    "last_purchase": purchase,
                    "last_contact": contact,
                }
                for sid, name, roles, purchase, contact in rows
            ],
        )


@pytest.fixture
def view(qtbot: Any, db: Database) -> Iterator[RetentionSweepView]:
    add_people(db)
    widget = RetentionSweepView(db, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    qtbot.waitUntil(lambda: widget.swept_as_of is not None, timeout=10_000)
    yield widget
    assert widget.wait(10_000)  # no sweep left running on a closed database


def rows(model: SweepTableModel) -> list[tuple[str, str, str]]:
    return [
        (
            model.data(model.index(r, model.PSEUDONYM)),
            model.data(model.index(r, model.APPLIES_TO)),
            model.data(model.index(r, model.OVERDUE)),
        )
        for r in range(model.rowCount())
    ]


def tick(view: RetentionSweepView, *row_numbers: int) -> None:
    model = view.model
    for r in row_numbers:
        assert model.setData(
            model.index(r, model.CHECK), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
        )


def test_the_sweep_for_today_most_overdue_first(view: RetentionSweepView) -> None:
    assert view.as_of_edit.date() == QDate(2026, 6, 1)
    model = view.model
    assert [r[:2] for r in rows(model)] == [
        ("S-000001", "Other personal data"),  # 2018-06-01
        ("S-000001", "Correspondence and contact details"),  # 2019-01-01
        ("S-000002", "Correspondence and contact details"),  # 2023-01-01
        ("S-000001", "Invoices and payments"),  # 2025-12-31
    ]
    overdue = [int(r[2]) for r in rows(model)]
    assert overdue == sorted(overdue, reverse=True)
    assert overdue[-1] == (TODAY - dt.date(2025, 12, 31)).days
    assert view.count_label.text() == "4 item(s) due for deletion as of 01.06.2026"
    assert model.data(model.index(0, model.NAME)) == "Ola Nordmann"
    assert model.data(model.index(0, model.KIND)) == "Personal data"
    assert model.data(model.index(3, model.LEGAL)) == "bokføringsloven § 13"
    assert model.data(model.index(0, model.CHECK), Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Unchecked
    )
    for widget in (view.as_of_edit, view.table, view.create_button, view.deidentify_button):
        assert widget.objectName() and widget.accessibleName()


def test_another_date(qtbot: Any, view: RetentionSweepView) -> None:
    view.set_as_of(dt.date(2025, 12, 30))
    with qtbot.waitSignal(view.sweepLoaded, timeout=10_000) as blocker:
        qtbot.mouseClick(view.sweep_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [3]
    assert "Invoices and payments" not in {r[1] for r in rows(view.model)}
    view.set_as_of(dt.date(2030, 1, 1))
    with qtbot.waitSignal(view.sweepLoaded, timeout=10_000) as blocker:
        view.refresh()
    assert blocker.args == [5]  # Per Hansen's data, too
    assert "S-000003" in {r[0] for r in rows(view.model)}


def test_create_erasure_cases_in_one_step(
    qtbot: Any, db: Database, view: RetentionSweepView
) -> None:
    tick(view, 0, 1, 2)  # two lines of S-000001, one of S-000002
    assert view.checked_label.text() == "3 line(s) ticked"
    with qtbot.waitSignal(view.casesCreated, timeout=10_000) as created:
        qtbot.mouseClick(view.create_button, Qt.MouseButton.LeftButton)
    refs = created.args[0]
    assert len(refs) == 2
    assert view.result_label.text().startswith("2 erasure case(s) created: ")
    assert all(ref in view.result_label.text() for ref in refs)
    with db.session() as s:
        made = s.execute(select(Case.subject_id, Case.types).where(Case.reference.in_(refs)))
        assert sorted(made) == [(1, "erasure"), (2, "erasure")]
    # The list comes back with the open cases shown.
    qtbot.waitUntil(lambda: not view.running, timeout=10_000)
    model = view.model
    shown = {model.data(model.index(r, model.CASE)) for r in range(model.rowCount())}
    assert f"{refs[0]} (erasure open)" in shown


def test_nothing_ticked_creates_nothing(db: Database, view: RetentionSweepView) -> None:
    assert view.create_cases() == []
    assert "Tick the people's data" in view.result_label.text()
    with db.session() as s:
        assert s.scalar(select(Case.id)) is None


def test_selected_rows_count_when_nothing_is_ticked(qtbot: Any, view: RetentionSweepView) -> None:
    view.table.selectRow(2)
    with qtbot.waitSignal(view.casesCreated, timeout=10_000) as created:
        view.create_cases()
    assert len(created.args[0]) == 1


def closed_case(db: Database, closed_on: dt.date) -> str:
    ref = cases.log_request(
        db,
        phone_request(
            "Randi Berg",
            phone="+47 41 23 45 67",
            received=oslo(2022, 3, 2),
            types=(RequestType.ACCESS,),
            notes="Randi Berg ringte om innsyn.",
        ),
    ).reference
    cases.mark_answered(db, ref, on=cases.today_oslo(), method="post")
    rights.close_case(db, ref)
    with db.session() as s:
        s.execute(update(Case).where(Case.reference == ref).values(closed_on=closed_on))
    return ref


def test_deidentify_closed_cases_after_confirmation(
    qtbot: Any, db: Database, view: RetentionSweepView, questions: list[str]
) -> None:
    today = cases.today_oslo()
    ref = closed_case(db, today - dt.timedelta(days=4 * 366))
    view.set_as_of(today)
    with qtbot.waitSignal(view.sweepLoaded, timeout=10_000):
        view.refresh()
    model = view.model
    (row,) = [
        r
        for r in range(model.rowCount())
        if (item := model.item(r)) is not None and item.kind is SweepKind.CLOSED_CASE
    ]
    assert model.data(model.index(row, model.CASE)) == ref
    assert model.data(model.index(row, model.KIND)) == "Closed request case"
    tick(view, row)
    with qtbot.waitSignal(view.casesDeidentified, timeout=10_000) as done:
        qtbot.mouseClick(view.deidentify_button, Qt.MouseButton.LeftButton)
    assert done.args == [[ref]]
    assert len(questions) == 1 and "De-identify 1 closed case(s)?" in questions[0]
    with db.session() as s:
        case = s.scalars(select(Case).where(Case.reference == ref)).one()
        assert case.deidentified_at is not None and "Randi" not in case.call_notes
    qtbot.waitUntil(lambda: not view.running, timeout=10_000)
    assert ref not in {model.data(model.index(r, model.CASE)) for r in range(model.rowCount())}


def test_deidentify_answered_no_changes_nothing(
    qtbot: Any, db: Database, view: RetentionSweepView, monkeypatch: pytest.MonkeyPatch
) -> None:
    today = cases.today_oslo()
    ref = closed_case(db, today - dt.timedelta(days=4 * 366))
    view.set_as_of(today)
    with qtbot.waitSignal(view.sweepLoaded, timeout=10_000):
        view.refresh()
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.No)
    )
    view.model.set_all_checked(True)
    assert view.deidentify_cases() == []
    with db.session() as s:
        case = s.scalars(select(Case).where(Case.reference == ref)).one()
        assert case.deidentified_at is None and "Randi" in case.call_notes


@pytest.mark.parametrize("names", [False, True])
def test_export_csv(
    view: RetentionSweepView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, names: bool
) -> None:
    target = tmp_path / "sweep"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target), ""))
    )
    view.export_names.setChecked(names)
    written = view.export_csv()
    assert written == tmp_path / "sweep.csv"
    text = written.read_bytes().decode("utf-8")
    assert text.startswith("\ufeffkind,pseudonym,")
    assert len(text.splitlines()) == 5
    assert ("Ola Nordmann" in text) is names
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert view.result_label.text() == f"4 line(s) written to {written}"


def test_tick_all_and_none(view: RetentionSweepView) -> None:
    view.check_all_button.click()
    assert len(view.model.checked_items()) == 4
    assert view.checked_label.text() == "4 line(s) ticked"
    view.check_none_button.click()
    assert view.model.checked_items() == []


def test_a_long_list_is_handed_over_in_batches(qtbot: Any, db: Database) -> None:
    with db.session() as s:
        s.execute(
            insert(Subject),
            [
                {
                    "id": sid,
                    "pseudonym": f"S-{sid:06d}",
                    "name": f"Person {sid}",
                    "sort_name": f"person {sid}",
                    "postal_address": "",
                    "roles": "stakeholder",
                    "created_at": dt.datetime(2026, 1, 1),
                    "last_contact": dt.date(2020, 1, 1) + dt.timedelta(days=sid % 300),
                }
                for sid in range(1, 2_501)
            ],
        )
    widget = RetentionSweepView(db, today=TODAY)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.swept_as_of is not None, timeout=10_000)
    assert widget.wait(10_000)
    model = widget.model
    assert len(model.items) == 2_500 and model.rowCount() == 1_000
    assert widget.count_label.text().startswith("2500 item(s) due")
    assert model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 2_500 and not model.canFetchMore()
    model.set_all_checked(True)
    assert len(model.checked_items()) == 2_500
