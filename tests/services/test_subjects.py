"""The subject register: list, search, sort, and one person's cases."""

from __future__ import annotations

from app.core.model import RequestType
from app.services import cases, subjects
from app.services.database import Database
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
