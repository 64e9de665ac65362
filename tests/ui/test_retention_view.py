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
from PySide6.QtWidgets import QFileDialog, QMessageBox, QTabWidget, QWidget
from sqlalchemy import func, insert, select, update

from app.core.model import RequestType
from app.services import cases, retention_sweep, workflow
from app.services.retention_sweep import SweepKind
from app.store.database import Database
from app.store.models import Case, Subject
from app.ui import retention_view
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
                    "created_at": dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
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


def closed_case(
    db: Database, closed_on: dt.date, name: str = "Randi Berg", phone: str = "+47 41 23 45 67"
) -> str:
    ref = cases.log_request(
        db,
        phone_request(
            name,
            phone=phone,
            received=oslo(2022, 3, 2),
            types=(RequestType.ACCESS,),
            notes="Randi Berg ringte om innsyn.",
        ),
    ).reference
    workflow.mark_answered(db, ref, on=cases.today_oslo(), method="post")
    workflow.close_case(db, ref)
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


def add_stakeholders(db: Database, n: int) -> None:
    """People with one item each (correspondence), many on the same day."""
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
                    "created_at": dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
                    "last_contact": dt.date(2020, 1, 1) + dt.timedelta(days=sid % 300),
                }
                for sid in range(1, n + 1)
            ],
        )


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(retention_view, "PAGE_SIZE", 200)
    return 200


def shown(qtbot: Any, db: Database) -> RetentionSweepView:
    widget = RetentionSweepView(db, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    qtbot.waitUntil(lambda: widget.swept_as_of is not None, timeout=10_000)
    return widget


def test_nothing_is_counted_until_the_view_is_shown(qtbot: Any, db: Database) -> None:
    add_people(db)
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tabs.addTab(QWidget(), "Overview")
    widget = RetentionSweepView(db, today=TODAY)
    tabs.addTab(widget, "Retention")
    tabs.show()
    qtbot.wait(100)
    assert not widget.running and widget.swept_as_of is None
    assert widget.model.plan is None and widget.model.rowCount() == 0
    tabs.setCurrentWidget(widget)
    with qtbot.waitSignal(widget.sweepLoaded, timeout=10_000) as loaded:
        pass
    assert loaded.args == [4]
    tabs.setCurrentIndex(0)
    tabs.setCurrentWidget(widget)  # shown again: not counted again
    assert not widget.running
    assert widget.wait(10_000)


def test_a_long_list_is_read_a_page_at_a_time(qtbot: Any, db: Database, small_pages: int) -> None:
    add_stakeholders(db, 2_500)
    unpaged = retention_sweep.sweep(db, TODAY)
    widget = shown(qtbot, db)
    assert widget.wait(10_000)
    model = widget.model
    assert widget.count_label.text() == "2500 item(s) due for deletion as of 01.06.2026"
    assert "2500 line(s) of 2500 person(s)" in widget.count_label.toolTip()
    assert model.rowCount() == 2_500
    # The first page came with the counts; nothing else was read.
    assert model.cached_pages() == (0,) and model.pages_fetched == 0
    assert [model.item(r) for r in range(small_pages)] == unpaged[:small_pages]
    assert model.data(model.index(0, model.PSEUDONYM)) == unpaged[0].pseudonym
    # Scrolled to the end: the last page is read, not the ones between.
    widget.table.scrollToBottom()
    qtbot.wait(50)
    last_page = (2_500 - 1) // small_pages
    assert last_page in model.cached_pages() and model.pages_fetched <= 2
    rows = range(2_490, 2_500)
    assert [model.data(model.index(r, model.PSEUDONYM)) for r in rows] == [
        unpaged[r].pseudonym for r in rows
    ]
    assert model.data(model.index(2_499, model.OVERDUE)) == str(unpaged[-1].days_overdue)
    # Every row in the unpaged order; only a few pages kept.
    assert [model.item(r) for r in range(model.rowCount())] == unpaged
    assert len(model.cached_pages()) <= model.max_pages


def test_ticks_are_kept_across_pages(qtbot: Any, db: Database, small_pages: int) -> None:
    add_stakeholders(db, 2_500)
    widget = shown(qtbot, db)
    model = widget.model
    tick(widget, 5, 2_400)
    assert widget.checked_label.text() == "2 line(s) ticked"
    for r in range(0, 2_500, small_pages):  # every page read: the first is evicted
        model.item(r)
    assert 0 not in model.cached_pages()
    assert model.data(model.index(5, model.CHECK), Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Checked
    )
    assert [i.pseudonym for i in model.checked_items()] == [
        model.item(5).pseudonym,  # type: ignore[union-attr]
        model.item(2_400).pseudonym,  # type: ignore[union-attr]
    ]
    model.set_checked(5, False)
    assert model.checked_rows() == [2_400]


def test_tick_all_creates_cases_for_the_whole_list(
    qtbot: Any, db: Database, small_pages: int, questions: list[str]
) -> None:
    add_stakeholders(db, 450)
    widget = shown(qtbot, db)
    model = widget.model
    widget.check_all_button.click()
    assert widget.checked_label.text() == "450 line(s) ticked"
    assert model.all_checked and model.is_checked(449)
    left_out = model.item(300)
    assert left_out is not None
    model.set_checked(300, False)  # on the second page
    assert widget.checked_label.text() == "449 line(s) ticked"
    assert [i.subject_id for i in model.unchecked_items()] == [left_out.subject_id]
    with qtbot.waitSignal(widget.casesCreated, timeout=60_000) as created:
        assert widget.create_cases() == []
    assert len(questions) == 1 and "449 line(s) of personal data" in questions[0]
    refs = created.args[0]
    assert len(refs) == 449
    assert widget.result_label.text().startswith("449 erasure case(s) created: ")
    assert f", …, {refs[-1]}" in widget.result_label.text()
    with db.session() as s:
        people = set(s.scalars(select(Case.subject_id).where(Case.reference.in_(refs))))
    assert len(people) == 449 and left_out.subject_id not in people
    qtbot.waitUntil(lambda: not widget.running, timeout=10_000)
    assert widget.wait(10_000)


def test_tick_all_deidentifies_every_closed_case(
    qtbot: Any, db: Database, view: RetentionSweepView, questions: list[str]
) -> None:
    today = cases.today_oslo()
    refs = [
        closed_case(db, today - dt.timedelta(days=4 * 366), f"Randi Berg {i}", f"+47 41 23 45 6{i}")
        for i in range(3)
    ]
    view.set_as_of(today)
    with qtbot.waitSignal(view.sweepLoaded, timeout=10_000):
        view.refresh()
    model = view.model
    model.set_all_checked(True)
    (kept_row,) = [
        r
        for r in range(model.rowCount())
        if (item := model.item(r)) is not None and item.case_reference == refs[1]
    ]
    model.set_checked(kept_row, False)
    with qtbot.waitSignal(view.casesDeidentified, timeout=30_000) as done:
        assert view.deidentify_cases() == []
    assert "De-identify 2 closed case(s)?" in questions[0]
    assert sorted(done.args[0]) == sorted([refs[0], refs[2]])
    with db.session() as s:
        left = s.scalars(select(Case.reference).where(Case.deidentified_at.is_(None))).all()
    assert left == [refs[1]]
    qtbot.waitUntil(lambda: not view.running, timeout=10_000)


def test_too_many_selected_rows_are_not_read_one_by_one(
    qtbot: Any, db: Database, small_pages: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(retention_view, "MAX_SELECTED_ROWS", 300)
    add_stakeholders(db, 1_000)
    widget = shown(qtbot, db)
    widget.table.selectAll()
    fetched = widget.model.pages_fetched
    assert widget.create_cases() == []
    assert widget.result_label.text().startswith("1000 rows are selected: too many")
    assert widget.deidentify_cases() == []
    assert widget.model.pages_fetched == fetched
    widget.table.clearSelection()
    widget.table.selectRow(250)  # on the second page: read for the action
    with qtbot.waitSignal(widget.casesCreated, timeout=10_000) as created:
        widget.create_cases()
    assert len(created.args[0]) == 1
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Case)) == 1
    qtbot.waitUntil(lambda: not widget.running, timeout=10_000)
    assert widget.wait(10_000)
