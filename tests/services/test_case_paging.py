"""The case list's paging and search at volume: every page read from either end, by the
search index or by the list's own order, is the same slice of the same order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event

from app.core.model import RequestType, Status
from app.services import cases
from app.services.dto import CaseQuery
from app.store.database import Database
from tests.conftest import oslo, phone_request
from tests.dbutil import raw_connect

TODAY = dt.date(2026, 6, 30)
SURNAMES = ("Hansen", "Nordmann", "Hætta", "Ødegård", "Berg")


@pytest.fixture
def many(db: Database) -> list[str]:
    """120 cases of 40 people (five surnames), every status, received over half a year."""
    refs = []
    subject_of: dict[int, int] = {}
    for i in range(120):
        person = i % 40
        logged = cases.log_request(
            db,
            phone_request(
                f"Person{person:02d} {SURNAMES[person % 5]}",
                phone=None,
                email=f"p{person:02d}.{SURNAMES[person % 5].lower()}@example.no",
                received=oslo(2026, 1 + i % 6, 1 + (i * 7) % 27, 8 + i % 9),
                types=(RequestType.ACCESS,) if i % 4 else (RequestType.ERASURE,),
                subject_id=subject_of.get(person),
            ),
        )
        subject_of[person] = logged.subject_id
        refs.append(logged.reference)
    statuses = [s for s in Status]
    with db.engine.begin() as conn:  # spread the statuses (the rules of closing aside)
        for i, ref in enumerate(refs):
            status = statuses[i % len(statuses)]
            conn.exec_driver_sql(
                "UPDATE case_ SET status = ?, is_open = ? WHERE reference = ?",
                (status.value, status.value in ("new", "awaiting_identity", "in_progress"), ref),
            )
    return refs


def all_pages(db: Database, q: CaseQuery, size: int, *, hint: bool) -> list[str]:
    total = cases.count_cases(db, q, today=TODAY)
    out: list[str] = []
    for offset in range(0, total, size):
        page = cases.list_cases(
            db, q, offset=offset, limit=size, today=TODAY, total=total if hint else None
        )
        assert len(page) == min(size, total - offset)
        out += [r.reference for r in page]
    return out


@pytest.mark.parametrize("sort", ["reference", "subject", "types", "channel", "received", "due", "status"])  # fmt: skip
@pytest.mark.parametrize("descending", [False, True])
def test_pages_from_either_end_are_the_same_order(
    db: Database, many: list[str], sort: str, descending: bool
) -> None:
    q = CaseQuery(sort=sort, descending=descending)
    whole = [r.reference for r in cases.list_cases(db, q, limit=1000, today=TODAY)]
    assert sorted(whole) == sorted(many)
    assert all_pages(db, q, 17, hint=False) == whole
    assert all_pages(db, q, 17, hint=True) == whole  # the second half read backwards
    # a page that straddles the middle, and the last, partial page
    assert [
        r.reference for r in cases.list_cases(db, q, offset=50, limit=30, today=TODAY, total=120)
    ] == whole[50:80]
    assert [
        r.reference for r in cases.list_cases(db, q, offset=110, limit=30, today=TODAY, total=120)
    ] == whole[110:]
    assert cases.list_cases(db, q, offset=120, limit=30, today=TODAY, total=120) == []


def test_filters_page_and_count_alike(db: Database, many: list[str]) -> None:
    for q in (
        CaseQuery(statuses=(Status.CLOSED,)),
        CaseQuery(statuses=(Status.NEW, Status.ANSWERED), sort="received", descending=True),
        CaseQuery(open_only=True),
        CaseQuery(overdue_only=True),
        CaseQuery(type=RequestType.ERASURE, sort="subject"),
    ):
        whole = [r.reference for r in cases.list_cases(db, q, limit=1000, today=TODAY)]
        assert whole, q
        assert cases.count_cases(db, q, today=TODAY) == len(whole)
        assert all_pages(db, q, 7, hint=True) == whole
    closed = cases.list_cases(db, CaseQuery(statuses=(Status.CLOSED,)), today=TODAY)
    assert {r.status for r in closed} == {Status.CLOSED}
    assert [r.due for r in closed] == sorted(r.due for r in closed)


@pytest.mark.parametrize(
    "words", ["hansen", "hætta", "odegard", "person0", "person09 berg", "p02.hætta", "2026-00"]
)
def test_search_by_few_or_many_people_finds_the_same_cases(
    db: Database, many: list[str], monkeypatch: pytest.MonkeyPatch, words: str
) -> None:
    for sort in ("due", "received", "subject"):
        q = CaseQuery(text=words, sort=sort)
        few = [r.reference for r in cases.list_cases(db, q, limit=1000, today=TODAY)]
        few_count = cases.count_cases(db, q, today=TODAY)
        paged = all_pages(db, q, 5, hint=True)
        with monkeypatch.context() as m:
            m.setattr(cases, "FEW_PEOPLE", 1)  # every search now matches "many" people
            lots = [r.reference for r in cases.list_cases(db, q, limit=1000, today=TODAY)]
            lots_count = cases.count_cases(db, q, today=TODAY)
        assert few, words
        assert few == lots == paged
        assert few_count == lots_count == len(few)
    if words == "hansen":
        assert len(few) == 24  # 8 people, 3 cases each
    if words == "2026-00":
        assert len(few) == 99  # 2026-0001 to 2026-0099


@pytest.fixture
def statements(db: Database) -> Iterator[list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
        if statement.startswith("SELECT"):
            seen.append((statement, params))

    event.listen(db.engine, "before_cursor_execute", record)
    yield seen
    event.remove(db.engine, "before_cursor_execute", record)


def query_plan(db: Database, statement: str, params: Any, *, under: str = "") -> str:
    """SQLite's plan for the statement (only the part under the node `under`, if given)."""
    conn = raw_connect(db.path)
    try:
        rows = conn.execute("EXPLAIN QUERY PLAN " + statement, params).fetchall()
    finally:
        conn.close()
    if under:
        top = {r[0] for r in rows if r[3].startswith(under)}
        kept = []
        for node, parent, _, detail in rows:
            if parent in top:
                top.add(node)
                kept.append(detail)
        return "\n".join(kept)
    return "\n".join(str(r[3]) for r in rows)


def test_a_status_filter_reads_its_page_from_the_index_without_sorting(
    db: Database, many: list[str], statements: list[tuple[str, Any]]
) -> None:
    """At 1M cases a sort of the 700k closed ones took 14 s; from (status, due_date) the page
    is an index range that stops after 200 rows, and the count needs no join."""
    cases.list_cases(db, CaseQuery(statuses=(Status.CLOSED,)), today=TODAY)
    cases.count_cases(db, CaseQuery(statuses=(Status.CLOSED,)), today=TODAY)
    page_sql, count_sql = statements[-2], statements[-1]
    page = query_plan(db, *page_sql, under="LIST SUBQUERY")  # the page's ids
    assert "ix_case_status_due" in page
    assert "TEMP B-TREE" not in page  # no sort: the index's order
    count_plan = query_plan(db, *count_sql)
    assert "ix_case_status_due" in count_plan
    assert "subject" not in count_sql[0].split("FROM", 1)[1]


def test_the_last_page_is_read_from_the_other_end(
    db: Database, many: list[str], statements: list[tuple[str, Any]]
) -> None:
    """Scrolling to the end of 1M cases asked for OFFSET 999,800 (10 s); with the count
    known, the last page is the first one in the reverse order."""
    cases.list_cases(db, CaseQuery(), offset=100, limit=20, today=TODAY, total=120)
    sql, params = statements[-1]
    assert "DESC" in sql
    assert 0 in tuple(params)  # offset 0 from the other end


@pytest.mark.parametrize("sort", ["reference", "subject", "types", "channel", "received", "due", "status"])  # fmt: skip
def test_every_order_of_the_list_is_read_from_an_index(
    db: Database, many: list[str], statements: list[tuple[str, Any]], sort: str
) -> None:
    """A click on any column's header must not sort the whole log (1M cases: ~0.7 s)."""
    for descending in (False, True):
        cases.list_cases(db, CaseQuery(sort=sort, descending=descending), today=TODAY)
        page = query_plan(db, *statements[-1], under="LIST SUBQUERY")
        assert "TEMP B-TREE" not in page, (sort, descending, page)


def test_the_whole_list_streamed_is_the_list(db: Database, many: list[str]) -> None:
    for q in (
        CaseQuery(),
        CaseQuery(sort="subject", descending=True),
        CaseQuery(open_only=True),
        CaseQuery(text="hansen", sort="received"),
    ):
        listed = cases.list_cases(db, q, limit=1000, today=TODAY)
        assert list(cases.iter_cases(db, q, today=TODAY, batch=7)) == listed
