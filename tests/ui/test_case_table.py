"""The paged case and subject table models, against a real database file (no widgets needed
except where the view's own fetching is the point)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from app.core import deadlines
from app.core.model import RequestType, Role
from app.services import cases, workflow
from app.services.dto import CaseQuery
from app.store.database import Database
from app.ui.case_table import (
    BAND_COLOURS,
    CaseTableModel,
    DueBandRole,
    ReferenceRole,
    SubjectIdRole,
    SubjectTableModel,
)
from app.ui.formatting import days_left_text, format_date
from tests.conftest import OSLO, phone_request


def days_ago(days: int, hour: int = 10) -> dt.datetime:
    """A receipt time `days` days before today in Oslo (never in the future: days >= 1)."""
    assert days >= 1
    day = cases.today_oslo() - dt.timedelta(days=days)
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=OSLO)


def column(model: CaseTableModel | SubjectTableModel, col: int) -> list[str]:
    return [model.data(model.index(r, col)) for r in range(model.rowCount())]


def references(model: CaseTableModel) -> list[str]:
    return [model.data(model.index(r, 0), ReferenceRole) for r in range(model.rowCount())]


@pytest.fixture
def three_cases(db: Database) -> dict[str, str]:
    """Overdue (Zara), due in about a month less a week (Mona), just received (Anne)."""
    zara = cases.log_request(
        db, phone_request("Zara Zahl", received=days_ago(60), phone="+47 912 34 567")
    )
    mona = cases.log_request(
        db,
        phone_request(
            "Mona Moe",
            received=days_ago(25),
            phone=None,
            email="mona@example.no",
            types=(RequestType.ERASURE,),
        ),
    )
    anne = cases.log_request(db, phone_request("Anne Aasen", received=days_ago(2), phone=None))
    return {"zara": zara.reference, "mona": mona.reference, "anne": anne.reference}


def test_rows_show_the_logged_cases_with_due_dates_and_days_left(
    db: Database, three_cases: dict[str, str]
) -> None:
    model = CaseTableModel(db)
    today = model.today
    assert model.rowCount() == 3
    assert model.columnCount() == 8
    assert references(model) == [three_cases["zara"], three_cases["mona"], three_cases["anne"]]
    for row, (name, days) in enumerate((("Zara Zahl", 60), ("Mona Moe", 25), ("Anne Aasen", 2))):
        received = days_ago(days).date()
        due = deadlines.due_date(received)
        assert model.data(model.index(row, CaseTableModel.COL_SUBJECT)) == name
        assert model.data(model.index(row, CaseTableModel.COL_RECEIVED)) == format_date(received)
        assert model.data(model.index(row, CaseTableModel.COL_DUE)) == due.strftime("%d.%m.%Y")
        left = model.data(model.index(row, CaseTableModel.COL_DAYS_LEFT))
        assert left == days_left_text(due, today)
        assert left.split(" ")[0] == str((due - today).days)
    assert model.data(model.index(1, CaseTableModel.COL_TYPES)) == "erasure"
    assert model.data(model.index(0, CaseTableModel.COL_CHANNEL)) == "phone"
    assert model.data(model.index(0, CaseTableModel.COL_STATUS)) == "new"
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == [
        "Reference",
        "Subject",
        "Types",
        "Channel",
        "Received",
        "Due",
        "Days left",
        "Status",
    ]


def test_overdue_case_shows_its_band_in_text_colour_and_tooltip(
    db: Database, three_cases: dict[str, str]
) -> None:
    model = CaseTableModel(db)
    overdue = model.index(0, CaseTableModel.COL_DAYS_LEFT)
    assert model.data(overdue, ReferenceRole) == three_cases["zara"]
    text = model.data(overdue)
    assert text.endswith("(overdue)")
    assert int(text.split(" ")[0]) < 0
    assert model.data(overdue, DueBandRole) == deadlines.BAND_OVERDUE
    brush = model.data(model.index(0, CaseTableModel.COL_SUBJECT), Qt.ItemDataRole.BackgroundRole)
    assert brush.color() == BAND_COLOURS[deadlines.BAND_OVERDUE]
    assert "Overdue by" in model.data(overdue, Qt.ItemDataRole.ToolTipRole)
    # The case received two days ago is far from its deadline: no band, no colour.
    fresh = model.index(2, CaseTableModel.COL_DAYS_LEFT)
    assert model.data(fresh, DueBandRole) == ""
    assert model.data(fresh, Qt.ItemDataRole.BackgroundRole) is None
    assert model.data(fresh).lstrip("-").isdigit()


def test_closed_cases_have_no_band(db: Database, three_cases: dict[str, str]) -> None:
    workflow.mark_answered(db, three_cases["zara"], on=cases.today_oslo(), method="e-mail", note="")
    model = CaseTableModel(db)
    row = references(model).index(three_cases["zara"])
    assert model.data(model.index(row, CaseTableModel.COL_DAYS_LEFT), DueBandRole) == ""
    assert model.data(model.index(row, CaseTableModel.COL_STATUS)) == "answered"


def test_sort_by_due_and_by_subject_reorders_rows_in_sql(
    db: Database, three_cases: dict[str, str]
) -> None:
    model = CaseTableModel(db)
    zara, mona, anne = three_cases["zara"], three_cases["mona"], three_cases["anne"]
    assert references(model) == [zara, mona, anne]
    model.sort(CaseTableModel.COL_DUE, Qt.SortOrder.DescendingOrder)
    assert model.query().sort == "due" and model.query().descending
    assert references(model) == [anne, mona, zara]
    model.sort(CaseTableModel.COL_SUBJECT, Qt.SortOrder.AscendingOrder)
    assert model.query().sort == "subject"
    assert references(model) == [anne, mona, zara]
    assert column(model, CaseTableModel.COL_SUBJECT) == ["Anne Aasen", "Mona Moe", "Zara Zahl"]
    model.sort(CaseTableModel.COL_SUBJECT, Qt.SortOrder.DescendingOrder)
    assert references(model) == [zara, mona, anne]
    model.sort(CaseTableModel.COL_DAYS_LEFT, Qt.SortOrder.AscendingOrder)
    assert model.query().sort == "due"
    assert references(model) == [zara, mona, anne]


def test_set_query_filters_in_sql(db: Database, three_cases: dict[str, str]) -> None:
    model = CaseTableModel(db)
    model.set_query(CaseQuery(type=RequestType.ERASURE))
    assert references(model) == [three_cases["mona"]]
    model.set_query(CaseQuery(overdue_only=True))
    assert references(model) == [three_cases["zara"]]
    model.set_query(CaseQuery(text="anne"))
    assert references(model) == [three_cases["anne"]]
    model.set_query(CaseQuery())
    assert model.rowCount() == 3


def test_refresh_sees_new_cases(db: Database, three_cases: dict[str, str]) -> None:
    model = CaseTableModel(db)
    assert model.rowCount() == 3
    cases.log_request(db, phone_request("Per Pedersen", received=days_ago(1), phone=None))
    assert model.rowCount() == 3  # nothing is re-read behind the view's back
    model.refresh()
    assert model.rowCount() == 4


def test_pages_are_fetched_on_demand_and_cached(
    db: Database, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    # 2,000 cases through the service (about 3 ms each): the point is the number of pages
    # read, which does not depend on the total.
    total = 2_000
    first = cases.log_request(db, phone_request("Pia Paging", received=days_ago(1), phone=None))
    for i in range(1, total):
        cases.log_request(
            db,
            phone_request(
                "Pia Paging",
                received=days_ago(1) - dt.timedelta(minutes=i),
                phone=None,
                subject_id=first.subject_id,
            ),
        )
    calls: list[tuple[int, int]] = []
    real = cases.list_cases

    def counting(*args: object, **kw: object) -> object:
        calls.append((int(kw["offset"]), int(kw["limit"])))  # type: ignore[call-overload]
        return real(*args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(cases, "list_cases", counting)
    model = CaseTableModel(db, CaseQuery(sort="received"), page_size=100, max_pages=4)
    assert model.rowCount() == total
    assert calls == []  # counting is not listing

    assert model.data(model.index(0, 0), ReferenceRole) is not None
    last = model.data(model.index(total - 1, 0), ReferenceRole)
    assert last == first.reference  # sorted by receipt: the first logged is the latest
    assert calls == [(0, 100), (1900, 100)]
    model.data(model.index(1, 3))
    model.data(model.index(total - 2, 3))
    assert len(calls) == 2  # both pages came from the cache

    for row in range(0, 1000, 100):  # ten pages: the cache keeps only four
        model.data(model.index(row, 0))
    assert len(model.cached_pages()) == 4
    assert len(calls) == 11

    # A view over the model reads only what it shows.
    calls.clear()
    model.refresh()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: len(calls) >= 1)
    qtbot.wait(50)
    assert len(calls) <= 2
    view.scrollToBottom()
    qtbot.waitUntil(lambda: any(offset == 1900 for offset, _ in calls))
    qtbot.wait(50)
    assert len(calls) <= 4
    assert {offset for offset, _ in calls} <= {0, 100, 1800, 1900}


@pytest.fixture
def three_subjects(db: Database) -> None:
    cases.log_request(
        db,
        phone_request(
            "Kari Nordmann",
            received=days_ago(3),
            phone="+47 912 34 567",
            email="kari@example.no",
            roles=(Role.CUSTOMER,),
            customer_no="10482",
        ),
    )
    cases.log_request(
        db,
        phone_request("Ola Leverandør", received=days_ago(3), phone=None, roles=(Role.SUPPLIER,)),
    )
    cases.log_request(
        db, phone_request("Berit Berg", received=days_ago(3), phone=None, roles=(Role.CUSTOMER,))
    )


def test_subject_model_lists_searches_and_filters(db: Database, three_subjects: None) -> None:
    model = SubjectTableModel(db)
    assert model.rowCount() == 3
    assert column(model, SubjectTableModel.COL_NAME) == [
        "Berit Berg",
        "Kari Nordmann",
        "Ola Leverandør",
    ]
    kari = model.index(1, 0)
    assert model.data(model.index(1, SubjectTableModel.COL_EMAILS)) == "kari@example.no"
    assert model.data(model.index(1, SubjectTableModel.COL_PHONES)) == "+4791234567"
    assert model.data(model.index(1, SubjectTableModel.COL_ROLES)) == "customer"
    assert model.data(model.index(1, SubjectTableModel.COL_CUSTOMER_NO)) == "10482"
    assert model.data(model.index(1, SubjectTableModel.COL_OPEN_CASES)) == "1"
    assert isinstance(model.data(kari, SubjectIdRole), int)

    model.set_filter("91234567", None)
    assert column(model, 0) == ["Kari Nordmann"]
    model.set_filter("", Role.SUPPLIER)
    assert column(model, 0) == ["Ola Leverandør"]
    model.set_filter("", Role.CUSTOMER)
    assert column(model, 0) == ["Berit Berg", "Kari Nordmann"]

    model.set_filter("", None)
    model.sort(SubjectTableModel.COL_NAME, Qt.SortOrder.DescendingOrder)
    assert column(model, 0) == ["Ola Leverandør", "Kari Nordmann", "Berit Berg"]
    model.sort(SubjectTableModel.COL_PHONES, Qt.SortOrder.AscendingOrder)  # not sortable in SQL
    assert column(model, 0) == ["Ola Leverandør", "Kari Nordmann", "Berit Berg"]
    assert model.sort_column() == SubjectTableModel.COL_NAME
