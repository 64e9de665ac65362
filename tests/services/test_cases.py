"""The case log's services against a real database file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.core import clock
from app.core.errors import InvalidInput, NotFound, RuleViolation
from app.core.model import (
    AnswerMethod,
    Channel,
    FeeDecision,
    IdentityResult,
    RequestType,
    Status,
)
from app.services import cases, workflow
from app.services.dto import CaseQuery
from app.store.database import Database
from tests.conftest import oslo, phone_request
from tests.dbutil import raw_connect


def table_counts(path: Path) -> dict[str, int]:
    conn = raw_connect(path)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' "
                "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'subject_fts_%'"
            )
        ]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        conn.close()


def test_phone_request_becomes_a_case_with_its_deadline(db: Database) -> None:
    logged = cases.log_request(
        db, phone_request("Kari Nordmann", phone="400 01 514", email="Kari@Example.NO")
    )
    assert logged.reference == "2026-0001"
    assert logged.subject_created
    assert logged.due == dt.date(2026, 4, 7)
    case = cases.get_case(db, logged.reference)
    assert case.subject_name == "Kari Nordmann"
    assert case.contact_phone == "+4740001514"
    assert case.contact_email == "kari@example.no"
    assert case.received == dt.date(2026, 3, 2)
    assert case.status is Status.NEW
    assert "Maundy Thursday" in case.due_explanation
    assert [e.kind for e in case.events] == ["received"]
    assert case.events[0].user  # the OS user is recorded


def test_receipt_date_is_the_oslo_date(db: Database) -> None:
    late_evening_utc = dt.datetime(2026, 2, 27, 23, 30, tzinfo=dt.UTC)  # 00:30 on 28 Feb in Oslo
    logged = cases.log_request(db, phone_request(received=late_evening_utc))
    case = cases.get_case(db, logged.reference)
    assert case.received == dt.date(2026, 2, 28)
    assert case.due == dt.date(2026, 3, 30)  # 28 Mar is a Saturday


def test_references_are_numbered_per_year(db: Database) -> None:
    refs = [
        cases.log_request(db, phone_request(f"Person {i}", phone=None, received=when)).reference
        for i, when in enumerate([oslo(2025, 12, 31), oslo(2026, 1, 2), oslo(2026, 1, 3)])
    ]
    assert refs == ["2025-0001", "2026-0001", "2026-0002"]


def test_exact_contact_links_an_existing_subject(db: Database) -> None:
    first = cases.log_request(db, phone_request("Kari Nordmann", phone="40001514"))
    second = cases.log_request(
        db,
        phone_request(
            "K. Nordmann",
            phone="+47 400 01 514",
            types=(RequestType.ERASURE,),
            received=oslo(2026, 3, 5),
        ),
    )
    assert second.subject_id == first.subject_id
    assert second.linked_on == ("phone",)
    forced = cases.log_request(
        db, phone_request("Kari Nordmann", phone="40001514", new_subject=True)
    )
    assert forced.subject_id != first.subject_id


def test_check_request_offers_matches_and_duplicates(db: Database) -> None:
    first = cases.log_request(db, phone_request("Kari Nordmann", customer_no="C-17"))
    check = cases.check_request(db, phone_request("Kari Nordmann", phone=None, customer_no="C-17"))
    assert [m.subject_id for m in check.matches] == [first.subject_id]
    assert set(check.matches[0].matched_on) == {"customer number", "name"}
    assert [d.reference for d in check.duplicates] == [first.reference]
    other_type = cases.check_request(
        db,
        phone_request(
            "Kari Nordmann", phone=None, customer_no="C-17", types=(RequestType.OBJECTION,)
        ),
    )
    assert other_type.duplicates == ()


def test_further_request_is_added_to_the_open_case(db: Database) -> None:
    first = cases.log_request(db, phone_request())
    cases.add_request_to_case(
        db, first.reference, phone_request(types=(RequestType.ERASURE,), notes="also delete")
    )
    case = cases.get_case(db, first.reference)
    assert case.types == (RequestType.ACCESS, RequestType.ERASURE)
    assert case.events[-1].kind == "further request"
    assert "also delete" in case.events[-1].detail
    assert cases.count_cases(db, CaseQuery()) == 1


def test_once_a_year_rule_needs_a_decision(db: Database) -> None:
    first = cases.log_request(db, phone_request(received=oslo(2025, 1, 5)))
    workflow.mark_answered(
        db, first.reference, on=dt.date(2025, 1, 20), method=AnswerMethod.POST.value
    )
    again = phone_request(received=oslo(2025, 6, 1))
    check = cases.check_request(db, again)
    assert check.needs_fee_decision
    assert check.recent_free_statement == dt.date(2025, 1, 20)
    before = table_counts(db.path)
    with pytest.raises(RuleViolation, match="free statement on 20 January 2025,"):
        cases.log_request(db, again)
    assert table_counts(db.path) == before
    with pytest.raises(InvalidInput, match="reason"):
        cases.log_request(
            db, phone_request(received=oslo(2025, 6, 1), fee_decision=FeeDecision.REFUSE)
        )
    refused = cases.log_request(
        db,
        phone_request(
            received=oslo(2025, 6, 1),
            fee_decision=FeeDecision.REFUSE,
            refusal_reason="Third identical request this year",
        ),
    )
    case = cases.get_case(db, refused.reference)
    assert case.status is Status.REFUSED
    assert case.refusal_reason == "Third identical request this year"
    fee = cases.log_request(
        db,
        phone_request(
            received=oslo(2025, 6, 2),
            fee_decision=FeeDecision.FEE,
            fee_amount=250,
            refusal_reason="Repeated request, same content",
        ),
    )
    assert cases.get_case(db, fee.reference).fee_amount == 250
    # More than 12 months later, free again without a decision.
    later = cases.check_request(db, phone_request(received=oslo(2026, 1, 21)))
    assert not later.needs_fee_decision


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"phone": "12"}, "phone"),
        ({"phone": "+47 1234"}, "phone"),
        ({"email": "ola@"}, "not a valid e-mail address"),
        ({"email": "ola nordmann@x.no"}, "not a valid e-mail address"),
        ({"name": "x" * 10_000}, "10000 characters"),
        ({"name": "   "}, "name is empty"),
        ({"types": ()}, "request type"),
        ({"received": clock.now_utc() + dt.timedelta(days=2)}, "future"),
    ],
)
def test_bad_input_leaves_the_database_as_it_was(
    db: Database, kwargs: dict[str, object], message: str
) -> None:
    cases.log_request(db, phone_request("Someone Else"))
    before = table_counts(db.path)
    with pytest.raises(InvalidInput, match=message):
        cases.log_request(db, phone_request(**kwargs))  # type: ignore[arg-type]
    assert table_counts(db.path) == before


@pytest.mark.parametrize(
    "name",
    [
        "Áile Ŋuolga",
        "Čáhppes Đuođđa Ŧ",
        "Ola <b>Nordmann & Sønn",
        "Ola <Nordmann> AS",
        "Kari 🦊 Nordmann",
    ],
)
def test_names_are_kept_exactly(db: Database, name: str) -> None:
    logged = cases.log_request(db, phone_request(name, phone=None))
    assert cases.get_case(db, logged.reference).subject_name == name
    rows = cases.list_cases(db, CaseQuery(text=name.split()[0]))
    assert [r.subject for r in rows] == [name]


def test_extension_only_until_the_original_due_date(db: Database) -> None:
    logged = cases.log_request(db, phone_request(received=oslo(2026, 3, 2)))
    with pytest.raises(RuleViolation, match="7 April 2026 has passed"):
        cases.extend(db, logged.reference, reason="complex", decided_on=dt.date(2026, 4, 8))
    case = cases.get_case(db, logged.reference)
    assert not case.extended and case.due == dt.date(2026, 4, 7)
    new_due = cases.extend(
        db, logged.reference, reason="Many systems to search", decided_on=dt.date(2026, 4, 7)
    )
    assert new_due == dt.date(2026, 6, 2)
    case = cases.get_case(db, logged.reference)
    assert case.extended and case.due == dt.date(2026, 6, 2)
    assert case.extension_reason == "Many systems to search"
    assert case.events[-1].kind == "extended"
    with pytest.raises(RuleViolation, match="already extended"):
        cases.extend(db, logged.reference, reason="again", decided_on=dt.date(2026, 4, 7))


def test_identity_pause_shows_an_adjusted_date_but_the_strict_one_counts(db: Database) -> None:
    logged = cases.log_request(db, phone_request(received=oslo(2026, 3, 2)))
    cases.pause_for_identity(db, logged.reference, requested_on=dt.date(2026, 3, 3))
    assert cases.get_case(db, logged.reference).status is Status.AWAITING_IDENTITY
    cases.resume_after_identity(db, logged.reference, received_on=dt.date(2026, 3, 13))
    case = cases.get_case(db, logged.reference)
    assert case.status is Status.IN_PROGRESS
    assert case.due == dt.date(2026, 4, 7)
    assert case.adjusted_due is not None and case.adjusted_due > case.due
    overdue = cases.list_cases(db, CaseQuery(overdue_only=True), today=dt.date(2026, 4, 10))
    assert [r.reference for r in overdue] == [logged.reference]


def test_status_changes_are_events_and_closing_needs_an_answer(db: Database) -> None:
    logged = cases.log_request(db, phone_request())
    with pytest.raises(RuleViolation, match="before closing"):
        workflow.change_status(db, logged.reference, Status.CLOSED)
    cases.record_identity(
        db,
        logged.reference,
        method="call-back to the phone number on record",
        result=IdentityResult.VERIFIED,
        on=dt.date(2026, 3, 3),
    )
    cases.add_note(db, logged.reference, "Searched ERP and CRM")
    workflow.mark_answered(db, logged.reference, on=dt.date(2026, 3, 20), method="post")
    workflow.change_status(db, logged.reference, Status.CLOSED)
    case = cases.get_case(db, logged.reference)
    assert case.status is Status.CLOSED and not case.is_open
    assert case.identity_verified_on == dt.date(2026, 3, 3)
    assert [e.kind for e in case.events] == [
        "received",
        "identity",
        "note",
        "answered",
        "status",
    ]
    with pytest.raises(RuleViolation):
        cases.extend(db, logged.reference, reason="x", decided_on=dt.date(2026, 3, 21))


def test_list_sorts_filters_and_searches_in_sql(db: Database) -> None:
    a = cases.log_request(
        db, phone_request("Áile Ŋuolga", phone="41234567", received=oslo(2026, 1, 10))
    ).reference
    b = cases.log_request(
        db,
        phone_request(
            "Bjørn Berg",
            phone=None,
            email="bjorn.berg@example.no",
            types=(RequestType.ERASURE,),
            received=oslo(2026, 2, 10),
        ),
    ).reference
    c = cases.log_request(
        db, phone_request("Cecilie Dahl", phone="92345678", received=oslo(2026, 3, 10))
    ).reference
    today = dt.date(2026, 3, 12)
    refs = lambda q: [r.reference for r in cases.list_cases(db, q, today=today)]  # noqa: E731
    assert refs(CaseQuery(sort="due")) == [a, b, c]
    assert refs(CaseQuery(sort="due", descending=True)) == [c, b, a]
    assert refs(CaseQuery(sort="subject")) == [a, b, c]
    assert refs(CaseQuery(type=RequestType.ERASURE)) == [b]
    assert refs(CaseQuery(text="aile")) == [a]  # diacritics folded
    assert refs(CaseQuery(text="ŋuol")) == [a]
    assert refs(CaseQuery(text="bjorn.ber")) == [b]
    assert refs(CaseQuery(text="9234")) == [c]
    assert refs(CaseQuery(text="4792345678")) == [c]
    assert refs(CaseQuery(text="923 45 678")) == [c]
    assert refs(CaseQuery(text="+47 923 45 678")) == [c]
    assert refs(CaseQuery(text="0047 92345678")) == [c]
    assert refs(CaseQuery(text=c)) == [c]
    assert refs(CaseQuery(text='"OR NEAR(*')) == []  # FTS syntax is only text
    assert refs(CaseQuery(overdue_only=True)) == [a, b]
    assert refs(CaseQuery(due_within_days=7)) == [a, b]
    stats = cases.case_stats(db, today=today)
    assert (stats.open, stats.overdue, stats.due_this_week) == (3, 2, 0)
    assert cases.count_cases(db, CaseQuery(text="berg")) == 1


def test_unknown_case_is_a_clear_error(db: Database) -> None:
    with pytest.raises(NotFound, match="2026-9999"):
        cases.get_case(db, "2026-9999")


def test_channel_and_types_are_kept(db: Database) -> None:
    req = phone_request(types=(RequestType.OBJECTION, RequestType.RECTIFICATION))
    from dataclasses import replace

    logged = cases.log_request(db, replace(req, channel=Channel.LETTER))
    case = cases.get_case(db, logged.reference)
    assert case.channel is Channel.LETTER
    assert case.types == (RequestType.RECTIFICATION, RequestType.OBJECTION)
