"""The retention sweep against hand-counted dates in the seeded LanoPro register:
financial records 10 years after the end of the financial year (bokføringsloven § 13),
other customer data 3 years after the last purchase, communications 3 years after the last
contact."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from collections.abc import Iterable

import pytest
from sqlalchemy import insert, select, update

from app.core import retention
from app.core.errors import InvalidInput, RuleViolation
from app.core.model import Channel, RequestType, Role, Status
from app.core.retention import RetentionRuleSpec, SubjectDates
from app.services import cases, retention_sweep, rights, subjects, workflow
from app.services.dto import CaseQuery, EmailEvidence
from app.services.retention_sweep import SweepItem, SweepKind, listing
from app.store.database import Database
from app.store.models import Case, CaseEmail, CaseEvent, Document, Subject
from tests.conftest import oslo, phone_request

PRODUCTS = "Provision of products and services"
COMMUNICATIONS = "Communications with customers, suppliers and stakeholders"
OTHER_DATA = "Other personal data"
INVOICES = "Invoices and payments"
CORRESPONDENCE = "Correspondence and contact details"


def add_subjects(db: Database, rows: Iterable[dict[str, object]]) -> None:
    """People as a register import writes them: Core insert, explicit ids and pseudonyms."""
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    values = []
    for row in rows:
        sid = int(row["id"])  # type: ignore[call-overload]
        values.append(
            {
                "id": sid,
                "pseudonym": f"S-{sid:06d}",
                "name": row.get("name", f"Person {sid}"),
                "sort_name": f"person {sid}",
                "postal_address": "",
                "roles": row.get("roles", ""),
                "created_at": now,
                "last_purchase": row.get("last_purchase"),
                "last_contact": row.get("last_contact"),
            }
        )
    with db.session() as s:
        s.execute(insert(Subject), values)


def items_of(items: list[SweepItem], pseudonym: str) -> set[tuple[str, str, dt.date]]:
    return {(i.activity, i.applies_to, i.due_on) for i in items if i.pseudonym == pseudonym}


# --- subject data -------------------------------------------------------------------------------


def test_last_purchase_on_a_leap_day_is_due_on_28_february(db: Database) -> None:
    add_subjects(db, [{"id": 1, "roles": "customer", "last_purchase": dt.date(2024, 2, 29)}])

    assert items_of(retention_sweep.sweep(db, dt.date(2027, 2, 27)), "S-000001") == set()
    found = retention_sweep.sweep(db, dt.date(2027, 2, 28))
    assert items_of(found, "S-000001") == {(PRODUCTS, OTHER_DATA, dt.date(2027, 2, 28))}
    (item,) = found
    assert item.kind is SweepKind.SUBJECT_DATA
    assert item.rule == "Other customer data"
    assert item.legal_reference == "LanoPro privacy policy: 3 years after the last purchase"
    assert item.days_overdue == 0 and item.as_of == dt.date(2027, 2, 28)
    assert item.name == "Person 1" and item.subject_id == 1
    assert "ERP and accounting" in item.systems


def test_last_contact_rule_and_roles_decide_the_activities(db: Database) -> None:
    add_subjects(
        db,
        [
            # A supplier: products and services (customers only) do not apply to them.
            {
                "id": 1,
                "roles": "supplier",
                "last_purchase": dt.date(2015, 6, 1),
                "last_contact": dt.date(2023, 5, 10),
            },
            {"id": 2, "roles": "stakeholder", "last_contact": dt.date(2023, 5, 11)},
        ],
    )
    day = dt.date(2026, 5, 10)
    assert items_of(retention_sweep.sweep(db, day - dt.timedelta(days=1)), "S-000001") == set()
    found = retention_sweep.sweep(db, day)
    assert items_of(found, "S-000001") == {(COMMUNICATIONS, CORRESPONDENCE, day)}
    assert items_of(found, "S-000002") == set()  # one day later
    (item,) = found
    assert item.legal_reference == "LanoPro privacy policy: 3 years after the last contact"
    later = retention_sweep.sweep(db, dt.date(2026, 5, 20))
    assert items_of(later, "S-000002") == {(COMMUNICATIONS, CORRESPONDENCE, dt.date(2026, 5, 11))}


def test_financial_records_run_from_the_end_of_the_financial_year(db: Database) -> None:
    add_subjects(
        db,
        [
            {"id": 1, "roles": "customer", "last_purchase": dt.date(2015, 6, 1)},
            {"id": 2, "roles": "supplier", "last_purchase": dt.date(2015, 6, 1)},  # no such rule
            {"id": 3, "roles": "", "last_purchase": dt.date(2015, 1, 1)},  # no role: dates decide
            {"id": 4, "roles": "customer", "last_purchase": dt.date(2016, 1, 1)},
        ],
    )
    invoices = (PRODUCTS, INVOICES, dt.date(2025, 12, 31))
    before = retention_sweep.sweep(db, dt.date(2025, 12, 30))
    assert invoices not in items_of(before, "S-000001")
    after = retention_sweep.sweep(db, dt.date(2026, 1, 1))
    assert items_of(after, "S-000001") == {invoices, (PRODUCTS, OTHER_DATA, dt.date(2018, 6, 1))}
    assert items_of(after, "S-000002") == set()
    assert items_of(after, "S-000003") == {invoices, (PRODUCTS, OTHER_DATA, dt.date(2018, 1, 1))}
    assert invoices[:2] not in {i[:2] for i in items_of(after, "S-000004")}  # 31.12.2026
    fye = next(i for i in after if i.pseudonym == "S-000001" and i.applies_to == INVOICES)
    assert fye.legal_reference == "bokføringsloven § 13"
    assert fye.rule == "Financial records (invoices, payments, accounting vouchers)"
    assert fye.days_overdue == 1


def test_sorted_by_how_long_overdue(db: Database) -> None:
    add_subjects(
        db,
        [
            {"id": 1, "roles": "customer", "last_purchase": dt.date(2022, 3, 1)},
            {"id": 2, "roles": "customer", "last_purchase": dt.date(2020, 3, 1)},
            {"id": 3, "roles": "stakeholder", "last_contact": dt.date(2021, 3, 1)},
            {"id": 4, "roles": "customer"},  # no dates: nothing can be counted
        ],
    )
    found = retention_sweep.sweep(db, dt.date(2026, 3, 1))
    assert [(i.pseudonym, i.days_overdue) for i in found] == [
        ("S-000002", (dt.date(2026, 3, 1) - dt.date(2023, 3, 1)).days),
        ("S-000003", (dt.date(2026, 3, 1) - dt.date(2024, 3, 1)).days),
        ("S-000001", (dt.date(2026, 3, 1) - dt.date(2025, 3, 1)).days),
    ]
    counts = retention_sweep.sweep_counts(db, dt.date(2026, 3, 1))
    assert (counts.subject_data, counts.subjects, counts.kept, counts.closed_cases) == (3, 3, 0, 0)


def test_erased_people_are_not_listed(db: Database) -> None:
    add_subjects(db, [{"id": 1, "roles": "customer", "last_purchase": dt.date(2020, 1, 1)}])
    with db.session() as s:
        s.execute(update(Subject).values(erased_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC)))
    assert retention_sweep.sweep(db, dt.date(2026, 3, 1)) == []


@pytest.mark.parametrize(
    ("years", "months", "event"),
    [(3, 0, "last_purchase"), (0, 1, "last_contact"), (0, 14, "last_contact"),
     (10, 0, "financial_year_end"), (1, 1, "last_purchase")],
)  # fmt: skip
def test_the_threshold_is_the_last_date_due(years: int, months: int, event: str) -> None:
    """A person is due exactly when their date is at most the threshold (checked against the
    domain's own function, around month ends and leap days)."""
    spec = RetentionRuleSpec(years, months, event)
    rng = random.Random(f"{years}-{months}-{event}")
    as_ofs = [dt.date(2027, 2, 28), dt.date(2028, 2, 29), dt.date(2026, 3, 31), dt.date(2026, 1, 1)]
    as_ofs += [dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(4000)) for _ in range(30)]
    field = "last_contact" if event == "last_contact" else "last_purchase"
    for as_of in as_ofs:
        threshold = listing.threshold(spec, as_of)
        for day in (threshold, threshold + dt.timedelta(days=1)):
            due = retention.earliest_deletion(spec, SubjectDates(**{field: day}))
            assert due is not None
            assert (due <= as_of) == (day == threshold), (as_of, threshold, day, due)


# --- kept under a legal ground ------------------------------------------------------------------


def test_kept_erasure_line_reappears_on_its_date(db: Database) -> None:
    ref = cases.log_request(
        db,
        phone_request("Ragnhild Ødegård", types=(RequestType.ERASURE,), received=oslo(2026, 11, 2)),
    ).reference
    with db.session() as s:
        s.execute(update(Subject).values(last_purchase=dt.date(2020, 3, 15)))
    result = rights.apply_erasure(db, ref)
    (kept_invoices,) = [k for k in result.kept if k.applies_to == INVOICES]
    assert kept_invoices.until == dt.date(2030, 12, 31)

    assert [i for i in retention_sweep.sweep(db, dt.date(2030, 12, 30))] == []
    found = retention_sweep.sweep(db, dt.date(2030, 12, 31))
    assert [(i.kind, i.case_reference, i.due_on, i.days_overdue) for i in found] == [
        (SweepKind.KEPT, ref, dt.date(2030, 12, 31), 0)
    ]
    (item,) = found
    assert item.pseudonym == result.pseudonym and item.name == result.pseudonym  # erased
    assert item.rule == "Financial records (invoices, payments, accounting vouchers)"
    assert "bokføringsloven § 13" in item.legal_reference
    assert item.erasure_line_id == kept_invoices.line_id
    assert [k.line_id for k in rights.kept_until_items(db, dt.date(2031, 6, 1))] == [
        i.erasure_line_id for i in retention_sweep.sweep(db, dt.date(2031, 6, 1))
    ]
    assert retention_sweep.sweep_counts(db, dt.date(2030, 12, 31)).kept == 1

    rights.mark_kept_erased(db, kept_invoices.line_id, cases.today_oslo())
    assert retention_sweep.sweep(db, dt.date(2031, 6, 1)) == []


# --- the workbench's own closed cases -----------------------------------------------------------

NAME = "Kari Nordmann"
EMAIL = "kari.nordmann@example.no"


def evidence() -> EmailEvidence:
    raw = f"From: {NAME} <{EMAIL}>\r\nSubject: Innsyn\r\n\r\nHei, dette er {NAME}.\r\n".encode()
    return EmailEvidence(
        filename="kari.eml",
        raw=raw,
        sha256=hashlib.sha256(raw).hexdigest(),
        media_type="message/rfc822",
        sender_name=NAME,
        sender_email=EMAIL,
        reply_to=EMAIL,
        forwarded_by=None,
        subject_line=f"Innsyn – {NAME}",
        body_text=f"Hei, dette er {NAME}. Hva har dere om meg?",
        received_source="received-header",
        attachment_names=(),
        message_id="<innsyn-kari@example.no>",
    )


def closed_case(db: Database, closed_on: dt.date, roles: tuple[Role, ...] = ()) -> str:
    ref = cases.log_request(
        db,
        phone_request(
            NAME,
            received=oslo(2022, 3, 2),
            notes=f"{NAME} ringte fra hytta, ville vite alt.",
            email_evidence=evidence(),
            roles=roles,
        ),
    ).reference
    workflow.mark_answered(db, ref, on=cases.today_oslo(), method="post")
    workflow.close_case(db, ref)
    with db.session() as s:
        s.execute(update(Case).where(Case.reference == ref).values(closed_on=closed_on))
    return ref


def test_closed_case_listed_after_three_years_then_deidentified(db: Database) -> None:
    today = cases.today_oslo()
    closed_on = dt.date(today.year - 3, today.month, 1) - dt.timedelta(days=1)
    ref = closed_case(db, closed_on)
    due = closed_on.replace(year=closed_on.year + 3)

    def closed_items(as_of: dt.date) -> list[SweepItem]:
        found = retention_sweep.sweep(db, as_of)
        return [i for i in found if i.kind is SweepKind.CLOSED_CASE]

    assert closed_items(due - dt.timedelta(days=1)) == []
    (item,) = closed_items(today)
    assert (item.case_reference, item.due_on, item.days_overdue) == (ref, due, (today - due).days)
    assert "3 years after closing" in item.rule
    assert retention_sweep.sweep_counts(db, today).closed_cases == 1
    # A longer configured period: not yet.
    retention_sweep.set_case_retention_years(5)
    assert retention_sweep.case_retention_years() == 5
    assert closed_items(due) == []
    retention_sweep.set_case_retention_years(3)

    (done,) = retention_sweep.deidentify_closed_cases(db, [ref])
    # Nothing else keeps the person in the register: their record goes too.
    assert done.reference == ref and done.subject_erased
    assert closed_items(today) == []
    detail = cases.get_case(db, ref)
    assert detail.reference == ref and detail.status is Status.CLOSED
    assert ref in {r.reference for r in cases.list_cases(db, CaseQuery(), limit=100)}
    with db.session() as s:
        case = s.scalars(select(Case).where(Case.reference == ref)).one()
        assert NAME not in case.call_notes and case.call_notes
        assert case.contact_phone is None and case.deidentified_at is not None
        assert case.subject.name == case.subject.pseudonym
        doc = s.scalars(select(Document).where(Document.case_id == case.id)).one()
        assert doc.content == b"" and doc.sha256 == evidence().sha256 and doc.kind == "email"
        email = s.scalars(select(CaseEmail).where(CaseEmail.case_id == case.id)).one()
        assert NAME not in email.body_text and email.sender_email is None
        events = list(s.scalars(select(CaseEvent).where(CaseEvent.case_id == case.id)))
        assert all(NAME not in e.detail for e in events)
        assert events[-1].kind == "de-identified"
    # Done once: a second time changes nothing and is not an error.
    assert retention_sweep.deidentify_closed_cases(db, [ref]) == []


def test_a_person_still_in_the_register_keeps_their_record(db: Database) -> None:
    today = cases.today_oslo()
    ref = closed_case(db, today - dt.timedelta(days=4 * 366), roles=(Role.CUSTOMER,))
    (done,) = retention_sweep.deidentify_closed_cases(db, [ref])
    assert not done.subject_erased
    with db.session() as s:
        case = s.scalars(select(Case).where(Case.reference == ref)).one()
        assert case.call_notes == retention_sweep.DEIDENTIFIED
        assert case.contact_phone is None and case.subject.name == NAME
        assert case.subject.erased_at is None
        email = s.scalars(select(CaseEmail).where(CaseEmail.case_id == case.id)).one()
        assert email.body_text == retention_sweep.DEIDENTIFIED and email.sender_name == ""
        events = list(s.scalars(select(CaseEvent).where(CaseEvent.case_id == case.id)))
        assert all(NAME not in e.detail for e in events)
    assert subjects.get_subject(db, done_subject_id(db, ref)).name == NAME


def done_subject_id(db: Database, ref: str) -> int:
    return cases.get_case(db, ref).subject_id


def test_a_case_within_its_period_is_not_deidentified(db: Database) -> None:
    today = cases.today_oslo()
    recent = closed_case(db, today - dt.timedelta(days=30))
    with pytest.raises(RuleViolation, match="kept until"):
        retention_sweep.deidentify_closed_cases(db, [recent])
    open_ref = cases.log_request(db, phone_request("Ola Nordmann", phone=None)).reference
    with pytest.raises(RuleViolation, match="only closed cases"):
        retention_sweep.deidentify_closed_cases(db, [open_ref])
    with db.session() as s:
        case = s.scalars(select(Case).where(Case.reference == recent)).one()
        assert NAME in case.call_notes and case.deidentified_at is None


# --- erasure cases from a selection -------------------------------------------------------------


def test_create_erasure_cases_one_per_person(db: Database) -> None:
    add_subjects(
        db,
        [
            {
                "id": 1,
                "roles": "customer",
                "last_purchase": dt.date(2015, 6, 1),
                "last_contact": dt.date(2016, 1, 1),
            },
            {"id": 2, "roles": "stakeholder", "last_contact": dt.date(2020, 1, 1)},
            {"id": 3, "roles": "customer", "last_purchase": dt.date(2020, 1, 1)},
        ],
    )
    found = retention_sweep.sweep(db, dt.date(2026, 6, 1))
    chosen = [i for i in found if i.subject_id in (1, 2)]
    assert len(chosen) == 4  # three of person 1, one of person 2
    refs = retention_sweep.create_erasure_cases(db, chosen)
    assert len(refs) == 2
    by_subject = {cases.get_case(db, r).subject_id: cases.get_case(db, r) for r in refs}
    assert set(by_subject) == {1, 2}
    first = by_subject[1]
    assert first.reference == refs[0]  # the most overdue person first
    assert first.types == (RequestType.ERASURE,) and first.channel is Channel.LETTER
    assert first.status is Status.NEW
    assert "retention sweep of 2026-06-01" in first.call_notes
    assert "not a request from the person" in first.call_notes
    assert first.call_notes.count("\n- ") == 3
    # The person did not contact us: their last contact stays as it was.
    assert subjects.get_subject(db, 1).last_contact == dt.date(2016, 1, 1)
    # The erasure matrix comes from the register as for any erasure request.
    drawn_up = rights.draw_up_erasure_matrix(db, refs[0])
    assert {line.applies_to for line in drawn_up} >= {INVOICES}

    again = retention_sweep.sweep(db, dt.date(2026, 6, 1))
    assert {i.open_erasure_case for i in again if i.subject_id == 1} == {refs[0]}
    assert {i.open_erasure_case for i in again if i.subject_id == 3} == {None}
    # An erasure case is open for them already: nothing new.
    assert retention_sweep.create_erasure_cases(db, [i for i in again if i.subject_id == 1]) == []
    with pytest.raises(InvalidInput):
        retention_sweep.create_erasure_cases(db, [])


def test_kept_and_closed_items_make_no_erasure_case(db: Database) -> None:
    item = SweepItem(
        kind=SweepKind.CLOSED_CASE, subject_id=1, pseudonym="S-000001", name="x", activity="a",
        applies_to="b", rule="r", legal_reference="l", due_on=dt.date(2026, 1, 1),
        days_overdue=3, case_reference="2022-0001",
    )  # fmt: skip
    with pytest.raises(InvalidInput, match="kept data and closed cases"):
        retention_sweep.create_erasure_cases(db, [item])


# --- records -----------------------------------------------------------------------------------


def test_records_leave_names_out_unless_asked_and_csv_is_neutralised(db: Database) -> None:
    add_subjects(
        db,
        [
            {
                "id": 1,
                "roles": "customer",
                "name": "=HYPERLINK(1)",
                "last_purchase": dt.date(2020, 1, 1),
            }
        ],
    )
    found = retention_sweep.sweep(db, dt.date(2026, 1, 1))
    (rec, *_rest) = retention_sweep.sweep_records(found)
    assert "name" not in rec and rec["pseudonym"] == "S-000001"
    assert list(rec) == list(retention_sweep.RECORD_FIELDS)
    text = retention_sweep.sweep_csv(found, names=True)
    assert "'=HYPERLINK(1)" in text and ",=HYPERLINK" not in text
    assert text.splitlines()[0].split(",")[:3] == ["kind", "pseudonym", "name"]


# --- scale -------------------------------------------------------------------------------------


def test_two_hundred_thousand_people(db: Database) -> None:
    n = 200_000
    base = dt.date(2012, 1, 1)
    roles = ("customer", "supplier", "stakeholder", "", "customer,supplier")

    def purchase(i: int) -> dt.date | None:
        return base + dt.timedelta(days=i % 5000) if i % 7 else None

    def contact(i: int) -> dt.date | None:
        return base + dt.timedelta(days=(i * 3) % 5000) if i % 11 else None

    with db.session() as s:
        conn = s.connection()  # Core executemany, as a register import writes
        for start in range(1, n + 1, 50_000):
            conn.execute(
                insert(Subject),
                [
                    {
                        "id": i,
                        "pseudonym": f"S-{i:06d}",
                        "name": f"Person {i}",
                        "sort_name": f"person {i}",
                        "postal_address": "",
                        "roles": roles[i % len(roles)],
                        "created_at": dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
                        "last_purchase": purchase(i),
                        "last_contact": contact(i),
                    }
                    for i in range(start, min(n, start + 50_000 - 1) + 1)
                ],
            )
    as_of = dt.date(2026, 6, 30)
    found = retention_sweep.sweep(db, as_of)  # its speed is measured in bench/, not here

    # The same count, person by person, with the domain's own function.
    rules = {
        INVOICES: RetentionRuleSpec(10, 0, "financial_year_end"),
        OTHER_DATA: RetentionRuleSpec(3, 0, "last_purchase"),
        CORRESPONDENCE: RetentionRuleSpec(3, 0, "last_contact"),
    }
    memo: dict[tuple[str, dt.date | None, dt.date | None], bool] = {}

    def due(applies_to: str, p: dt.date | None, c: dt.date | None) -> bool:
        key = (applies_to, p, c)
        if key not in memo:
            d = retention.earliest_deletion(
                rules[applies_to], SubjectDates(last_purchase=p, last_contact=c)
            )
            memo[key] = d is not None and d <= as_of
        return memo[key]

    expected = 0
    for i in range(1, n + 1):
        has = set(roles[i % len(roles)].split(",")) - {""}
        for applies_to in rules:
            if applies_to != CORRESPONDENCE and has and "customer" not in has:
                continue  # products and services: customers (or people with no role)
            p, c = purchase(i), contact(i)
            expected += due(applies_to, p if applies_to != CORRESPONDENCE else None,
                            c if applies_to == CORRESPONDENCE else None)  # fmt: skip
    assert expected > 100_000
    assert len(found) == expected
    assert all(a.days_overdue >= b.days_overdue for a, b in zip(found, found[1:], strict=False))
    assert len({(i.subject_id, i.applies_to) for i in found}) == expected  # each once
    assert retention_sweep.sweep_counts(db, as_of).subject_data == expected
