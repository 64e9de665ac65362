"""Reads do not write: listing the notices or the erasure matrix of a case adds no rows;
drawing them up is its own step, and drawing up twice adds nothing."""

from __future__ import annotations

from sqlalchemy import func, select

from app.core.model import RequestType
from app.services import cases, rights
from app.store.database import Database
from app.store.models import CaseEvent, ErasureLine, RecipientNotice
from tests.services.test_rights import request


def erasure_case(db: Database) -> str:
    return cases.log_request(db, request((RequestType.ERASURE,))).reference


TABLES = (ErasureLine, RecipientNotice, CaseEvent)


def row_counts(db: Database) -> dict[str, int]:
    with db.session() as s:
        return {m.__tablename__: s.scalar(select(func.count()).select_from(m)) or 0 for m in TABLES}


def test_listing_the_matrix_and_the_notices_adds_no_rows(db: Database) -> None:
    ref = erasure_case(db)
    before = row_counts(db)
    assert rights.erasure_matrix(db, ref) == []  # not drawn up yet
    assert rights.notices(db, ref) == []
    assert rights.open_notice_count(db, ref) == 0
    assert row_counts(db) == before


def test_drawing_up_creates_the_matrix_and_its_notices_once(db: Database) -> None:
    ref = erasure_case(db)
    before = row_counts(db)
    lines = rights.draw_up_erasure_matrix(db, ref)
    drawn = row_counts(db)
    assert lines and drawn["erasure_line"] == before["erasure_line"] + len(lines)
    notices = rights.notices(db, ref)  # a line erased has recipients to tell
    assert notices and drawn["recipient_notice"] == before["recipient_notice"] + len(notices)
    assert drawn["case_event"] == before["case_event"] + 2  # "erasure matrix", "notices"

    assert rights.draw_up_erasure_matrix(db, ref) == lines
    assert rights.draw_up_notices(db, ref) == notices
    assert row_counts(db) == drawn
    # and reading them again changes nothing either
    assert rights.erasure_matrix(db, ref) == lines and rights.notices(db, ref) == notices
    assert rights.open_notice_count(db, ref) == len(notices)
    assert row_counts(db) == drawn


def test_a_correction_draws_up_its_notices_in_its_own_unit_of_work(db: Database) -> None:
    ref = cases.log_request(db, request((RequestType.RECTIFICATION,))).reference
    assert rights.notices(db, ref) == []
    rights.rectify(db, ref, {"last_purchase": "2026-03-15"})
    drawn = row_counts(db)
    assert rights.notices(db, ref)  # every recipient is told of a correction
    assert rights.draw_up_notices(db, ref) == rights.notices(db, ref)
    assert row_counts(db) == drawn


def test_listing_the_search_checklist_adds_no_rows(db: Database) -> None:
    from app.core import clock
    from app.services import findings
    from app.store.models import Finding

    ref = cases.log_request(db, request((RequestType.ACCESS,))).reference

    def kept() -> int:
        with db.session() as s:
            return s.scalar(select(func.count()).select_from(Finding)) or 0

    lines = findings.findings(db, ref)
    assert lines and all(
        f.id is None and f.found is None for f in lines
    )  # every system, unsearched
    assert kept() == 0
    first = lines[0]
    findings.record_finding(db, ref, first.system_id, searched_on=clock.today_oslo(), found=False)
    again = findings.findings(db, ref)
    assert [f.system_id for f in again] == [f.system_id for f in lines]
    recorded = next(f for f in again if f.system_id == first.system_id)
    assert recorded.id is not None and recorded.found is False
    assert kept() == 1
