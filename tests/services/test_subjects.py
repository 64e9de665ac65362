"""The subject register: list, search, sort, and one person's cases."""

from __future__ import annotations

import pytest

from app.core.model import RequestType
from app.core.text import sort_key
from app.services import cases, subjects
from app.store.database import Database
from tests.conftest import oslo, phone_request


def test_subjects_list_search_and_detail(db: Database) -> None:
    a = cases.log_request(db, phone_request("Øystein Ås", phone="41234567"))
    cases.log_request(
        db,
        phone_request(
            "Øystein Ås", phone="41234567", types=(RequestType.ERASURE,), received=oslo(2026, 3, 3)
        ),
    )
    b = cases.log_request(db, phone_request("Anne Berg", phone=None, email="anne@example.no"))
    rows = subjects.list_subjects(db)
    assert [r.name for r in rows] == ["Anne Berg", "Øystein Ås"]  # ø after z
    assert [r.open_cases for r in rows] == [1, 2]
    assert [r.name for r in subjects.list_subjects(db, search="oyst")] == ["Øystein Ås"]
    assert [r.name for r in subjects.list_subjects(db, search="anne@exa")] == ["Anne Berg"]
    assert subjects.count_subjects(db, search="4123") == 1
    detail = subjects.get_subject(db, a.subject_id)
    assert detail.phones == ("+4741234567",)
    assert len(detail.cases) == 2
    assert subjects.get_subject(db, b.subject_id).emails == ("anne@example.no",)


@pytest.mark.parametrize(
    ("sort", "descending"),
    [("name", False), ("name", True), ("pseudonym", False), ("customer_no", True)],
)
def test_a_search_of_few_or_many_people_lists_the_same_page_in_order(
    db: Database, monkeypatch: pytest.MonkeyPatch, sort: str, descending: bool
) -> None:
    """Few matches are read by id and sorted; many are found by walking the list's own
    order. Both give the same rows, in the same order, page by page."""
    surnames = ("Hansen", "Hætta", "Ødegård")
    for i in range(45):
        cases.log_request(
            db,
            phone_request(
                f"{'Åse Øyvind Kari Per Áile'.split()[i % 5]}{i:02d} {surnames[i % 3]}",
                phone=None,
                email=f"k{i:02d}@example.no",
                customer_no=f"C-{(i * 17) % 45:03d}",
            ),
        )

    def pages(search: str) -> list[tuple[str, int]]:
        kw = {"search": search, "sort": sort, "descending": descending}
        total = subjects.count_subjects(db, search=search)
        out, backwards = [], []  # the second half read from the other end, with the total
        for offset in range(0, 45, 4):
            out += [(r.name, r.open_cases) for r in subjects.list_subjects(db, offset=offset, limit=4, **kw)]  # fmt: skip
            backwards += [(r.name, r.open_cases) for r in subjects.list_subjects(db, offset=offset, limit=4, total=total, **kw)]  # fmt: skip
        assert backwards == out
        return out

    for search in ("hansen", "h", "k1", "áse", "nobody"):
        few, few_count = pages(search), subjects.count_subjects(db, search=search)
        with monkeypatch.context() as m:
            m.setattr(subjects, "FEW_PEOPLE", 1)
            many, many_count = pages(search), subjects.count_subjects(db, search=search)
        assert few == many
        assert few_count == many_count == len(few)
        if sort == "name":
            keys = [sort_key(name) for name, _ in few]
            assert keys == sorted(keys, reverse=descending)
        assert all(n == 1 for _, n in few)  # each has one open case
    assert subjects.count_subjects(db, search="hansen") == 15
    assert subjects.count_subjects(db, search="h") == 30  # Hansen and Hætta
    assert subjects.count_subjects(db) == 45
