"""Statements (Art. 15) and letters (Art. 12) for a case, end to end: the register, what the
officer found system by system, the PDF read back with pypdf, and what is kept with the case."""

from __future__ import annotations

import datetime as dt
import hashlib
import io

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.core.errors import InvalidInput, RuleViolation
from app.core.messages import format_date
from app.core.model import Channel, RequestType, Role
from app.services import cases, findings, register, statements
from app.services.dto import LoggedRequest, RequestInput
from app.services.register import ControllerProfile, RecipientInput
from app.store.database import Database
from app.store.models import Case, Document, ProcessingActivity, Restriction, Subject
from tests.conftest import OSLO

NAME = "Ola <b>Nordmann & Sønn"
SAMI = "Áile Ŋuolga"
ADDRESS = "Storgata 1\n0155 Oslo"
DATATILSYNET = "Datatilsynet, Postboks 458 Sentrum, 0105 Oslo, www.datatilsynet.no"
VALUES = ("Invoice 2026-117: NOK 4 990, paid 20.03.2026", "Order 55121: 2 × Lano Pro 40")


def days_ago(days: int) -> dt.datetime:
    day = cases.today_oslo() - dt.timedelta(days=days)
    return dt.datetime(day.year, day.month, day.day, 10, tzinfo=OSLO)


def pdf_text(pdf: bytes) -> str:
    return " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages
    )


def system_id(db: Database, code: str) -> int:
    return next(x.id for x in register.list_systems(db) if x.code == code)


def recipient_id(db: Database, code: str) -> int:
    return next(r.id for r in register.list_recipients(db) if r.code == code)


def log_access(
    db: Database,
    name: str = NAME,
    *,
    types: tuple[RequestType, ...] = (RequestType.ACCESS,),
    received: dt.datetime | None = None,
    language: str = "nb",
    phone: str = "+47 91 23 45 67",
) -> LoggedRequest:
    return cases.log_request(
        db,
        RequestInput(
            channel=Channel.PHONE,
            types=types,
            name=name,
            received_at=received or days_ago(5),
            phone=phone,
            address=ADDRESS,
            roles=(Role.CUSTOMER,),
            language=language,
            new_subject=True,
        ),
    )


def set_last_purchase(db: Database, subject_id: int, day: dt.date) -> None:
    with db.session() as s:
        subject = s.get(Subject, subject_id)
        assert subject is not None
        subject.last_purchase = day


@pytest.fixture
def controller(db: Database) -> ControllerProfile:
    return register.save_controller(
        db,
        ControllerProfile(
            legal_name="LanoPro AS",
            organisation_number="923456783",
            address="Industriveien 7\n1337 Sandvika",
            privacy_email="personvern@lanopro.no",
            phone="+47 40 00 15 14",
            officer_name="Kari Hansen",
        ),
    )


@pytest.fixture
def access_case(db: Database, controller: ControllerProfile) -> str:
    """A realistic access case: the IT provider named, the delivery partners retired, data
    found in the ERP (with values) and nothing in the CRM; last purchase 15.03.2026."""
    it = next(r for r in register.list_recipients(db) if r.code == "it-operations")
    register.save_recipient(
        db,
        RecipientInput(
            id=it.id,
            name="Visma Software AS",
            role="processor",
            country="Norway",
            dpa_reference="DPA 2024-17",
        ),
    )
    register.retire_recipient(db, recipient_id(db, "delivery-partners"))
    logged = log_access(db)
    set_last_purchase(db, logged.subject_id, dt.date(2026, 3, 15))
    searched = cases.today_oslo()
    findings.record_finding(
        db,
        logged.reference,
        system_id(db, "erp"),
        searched_on=searched,
        found=True,
        categories=("Invoices and payments", "Orders and purchase history"),
        notes="\n".join(VALUES) + "\n\n",
    )
    findings.record_finding(
        db, logged.reference, system_id(db, "crm"), searched_on=searched, found=False
    )
    return logged.reference


# --- the statement -------------------------------------------------------------------------------


ELEMENTS = {
    "nb": {
        "purpose": "Å administrere, levere og fakturere produkter og tjenester",
        "categories_label": "Opplysninger vi har om deg",
        "rights": "rett til å be oss rette uriktige",
        "object": "protestere mot behandlingen",
        "source": "Opplysningene er samlet inn fra deg.",
        "automated": "Vi treffer ingen automatiserte avgjørelser",
        "transfers": "Vi overfører ikke disse opplysningene til land utenfor EØS",
        "copy": "Den første kopien er gratis",
        "until_financial": "lagres til 31.12.2036, bokføringsloven § 13",
        "until_other": "lagres til 15.03.2029",
        "criteria": "10 år etter utgangen av regnskapsåret",
        "processor": "Visma Software AS – databehandler (Norge)",
        "authority": "offentlig myndighet (Norge)",
        "appendix": "Vedlegg: Kopi av opplysningene",
    },
    "en": {
        "purpose": "To manage, deliver and charge for products and services",
        "categories_label": "Data we hold about you",
        "rights": "right to ask us to rectify inaccurate or incomplete data",
        "object": "right to object to processing",
        "source": "We collected these data from you.",
        "automated": "We make no automated decisions about you",
        "transfers": "We do not transfer these data to countries outside the EEA",
        "copy": "The first copy is free of charge",
        "until_financial": "kept until 31 December 2036, bokføringsloven § 13",
        "until_other": "kept until 15 March 2029",
        "criteria": "10 years after the end of the financial year",
        "processor": "Visma Software AS – processor (Norway)",
        "authority": "public authority (Norway)",
        "appendix": "Appendix: Copy of your data",
    },
}


REGISTER_TEXTS = {
    "nb": {
        "invoices": "Fakturaer og betalinger",
        "orders": "Bestillinger og kjøpshistorikk",
        "delivery": "Leverings- og betalingspartnere",
        "it": "Leverandør av IT-drift",
        "products": "Levering av produkter og tjenester",
        "communications": "Kommunikasjon med kunder",
        "erp": "ERP og regnskap",
    },
    "en": {
        "invoices": "Invoices and payments",
        "orders": "Orders and purchase history",
        "delivery": "Delivery and payment partners",
        "it": "IT operations provider",
        "products": "Provision of products and services",
        "communications": "Communications with customers",
        "erp": "ERP and accounting",
    },
}


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_statement_states_every_art15_element(db: Database, access_case: str, lang: str) -> None:
    stored = statements.generate_statement(db, access_case, lang)
    text = pdf_text(stored.content)
    words = ELEMENTS[lang]
    for key, expected in words.items():
        assert expected in text, f"{lang}: {key} missing: {expected!r}"
    # The register's texts in the statement's language, never the other's (issue 13).
    ours, other = REGISTER_TEXTS[lang], REGISTER_TEXTS["en" if lang == "nb" else "nb"]
    # (b) the categories found, (c) named recipients, only those in use
    assert ours["invoices"] in text and ours["orders"] in text
    assert other["invoices"] not in text and other["orders"] not in text
    assert ours["delivery"] not in text  # retired
    assert ours["it"] not in text  # renamed to the actual processor
    # Only the activity whose data were found; the CRM held nothing.
    assert ours["products"] in text and other["products"] not in text
    assert ours["communications"] not in text
    assert "Website analytics" not in text and "Analyse av nettstedet" not in text
    # (f) the complaint, with Datatilsynet's address
    assert DATATILSYNET in text
    # 15(3) the copy: every value, one per line of the notes
    for value in VALUES:
        assert value in text
    assert ours["erp"] in text and other["erp"] not in text and "CRM" not in text
    # the person and the controller, exactly as typed
    assert NAME in text
    assert "LanoPro AS" in text and "Org" in text and "923 456 783" in text
    assert "personvern@lanopro.no" in text and "Kari Hansen" in text
    assert "Storgata 1" in text and "0155 Oslo" in text


def test_statement_language_defaults_to_the_case(db: Database, controller: object) -> None:
    nb = log_access(db, "Kari Nordmann", phone="+47 91 00 00 01")
    en = log_access(db, "Kari Nordmann", language="en", phone="+47 91 00 00 02")
    assert statements.statement_data(db, nb.reference).language == "nb"
    assert statements.statement_data(db, en.reference).language == "en"
    assert statements.statement_data(db, en.reference, "nb").language == "nb"
    with pytest.raises(InvalidInput):
        statements.statement_data(db, nb.reference, "de")


def test_statement_data_is_built_from_findings(db: Database, access_case: str) -> None:
    data = statements.statement_data(db, access_case, "en")
    assert data.processed and not data.restricted
    assert [s.activity_name for s in data.sections] == ["Provision of products and services"]
    section = data.sections[0]
    assert section.categories_held == ("Orders and purchase history", "Invoices and payments")
    assert [r.name for r in section.recipients] == [
        "Visma Software AS",
        "Public authorities, when legally required, to protect legal interests, or to detect "
        "and prevent fraud",
    ]
    assert section.source_is_subject
    financial = next(r for r in section.retention if r.applies_to == "Invoices and payments")
    assert financial.keep_until == dt.date(2036, 12, 31)
    assert financial.legal_reference == "bokføringsloven § 13"
    assert financial.rule_text == "10 years after the end of the financial year"
    assert [item.value for item in data.data_copy] == list(VALUES)
    assert {item.system for item in data.data_copy} == {"ERP and accounting"}
    assert data.data_copy[0].category == "Invoices and payments, Orders and purchase history"
    assert data.reference == access_case and data.date == cases.today_oslo()


def test_the_bokmal_statement_prints_the_registers_bokmal(db: Database, access_case: str) -> None:
    data = statements.statement_data(db, access_case, "nb")
    section = data.sections[0]
    assert section.activity_name == "Levering av produkter og tjenester"
    assert section.purpose.startswith("Å administrere, levere og fakturere")
    assert section.categories_held == ("Bestillinger og kjøpshistorikk", "Fakturaer og betalinger")
    assert section.source == "Den registrerte" and section.source_is_subject
    assert [r.country for r in section.recipients] == ["Norge", "Norge"]
    financial = next(r for r in section.retention if r.applies_to == "Fakturaer og betalinger")
    assert financial.rule_text == "10 år etter utgangen av regnskapsåret"
    other = next(r for r in section.retention if r.applies_to == "Øvrige personopplysninger")
    assert other.legal_reference == "3 år etter siste kjøp (LanoPro personvernerklæring)"
    assert {item.system for item in data.data_copy} == {"ERP og regnskap"}
    assert data.data_copy[0].category == "Fakturaer og betalinger, Bestillinger og kjøpshistorikk"


def test_a_statement_is_refused_where_the_register_lacks_its_language(
    db: Database, access_case: str
) -> None:
    """A text the officer has not written in Bokmål is never filled with the English one:
    the statement is refused, naming the entry and field to complete, and nothing is stored."""
    products = register.list_activities(db)[0]
    with db.session() as s:
        s.get(ProcessingActivity, products.id).purpose_nb = ""
    with pytest.raises(RuleViolation) as refused:
        statements.generate_statement(db, access_case, "nb")
    text = refused.value.render("nb")
    assert "«Provision of products and services» (formål)" in text
    assert "Fyll først ut" in text
    assert "Complete these entries" in refused.value.render("en")
    assert statements.generate_statement(db, access_case, "en").content  # English is whole
    with db.session() as s:
        assert [d.kind for d in s.scalars(select(Document))] == ["statement"]


def test_a_finding_without_categories_holds_all_of_the_activity(
    db: Database, controller: object
) -> None:
    logged = log_access(db)
    findings.record_finding(
        db,
        logged.reference,
        system_id(db, "crm"),
        searched_on=cases.today_oslo(),
        found=True,
        categories=("Shoe size",),  # in no activity: kept, not dropped
    )
    findings.record_finding(
        db,
        logged.reference,
        system_id(db, "email-archive"),
        searched_on=cases.today_oslo(),
        found=True,
    )
    data = statements.statement_data(db, logged.reference, "en")
    by_name = {s.activity_name: s.categories_held for s in data.sections}
    # The e-mail archive named nothing: each activity using it holds all its categories.
    assert by_name["Communications with customers, suppliers and stakeholders"] == (
        "Name and contact details",
        "Correspondence",
        "Shoe size",
    )
    assert by_name["Provision of products and services"][-1] == "Shoe size"
    assert "Name and contact details" in by_name["Provision of products and services"]
    assert "Compliance with statutory obligations" not in by_name  # ERP only
    # Retention without a known date of last purchase: the criteria, not a date.
    other = next(
        r
        for s in data.sections
        if s.activity_name == "Provision of products and services"
        for r in s.retention
        if r.applies_to == "Other personal data"
    )
    assert other.keep_until is None and other.criteria == "3 years after the last purchase"


def test_the_sami_name_prints_exactly(db: Database, controller: object) -> None:
    logged = log_access(db, SAMI)
    findings.record_finding(
        db,
        logged.reference,
        system_id(db, "erp"),
        searched_on=cases.today_oslo(),
        found=True,
        notes=f"Kundenavn: {SAMI}",
    )
    text = pdf_text(statements.generate_statement(db, logged.reference, "en").content)
    assert SAMI in text
    assert f"Kundenavn: {SAMI}" in text


def test_nothing_found_says_so(db: Database, controller: object) -> None:
    logged = log_access(db)
    for code in ("erp", "crm"):
        findings.record_finding(
            db, logged.reference, system_id(db, code), searched_on=cases.today_oslo(), found=False
        )
    data = statements.statement_data(db, logged.reference, "en")
    assert not data.processed and data.sections == () and data.data_copy == ()
    text = pdf_text(statements.generate_statement(db, logged.reference, "en").content)
    assert "we do not process any personal data about you" in text
    assert DATATILSYNET in text


def test_restriction_in_force_is_stated(db: Database, access_case: str) -> None:
    subject_id = cases.get_case(db, access_case).subject_id
    with db.session() as s:
        s.add(Restriction(subject_id=subject_id, ground="a", since=cases.today_oslo()))
    text = pdf_text(statements.generate_statement(db, access_case, "en").content)
    assert "Processing is restricted." in text
    with db.session() as s:
        for r in s.scalars(select(Restriction)):
            r.lifted_on = cases.today_oslo()
    assert not statements.statement_data(db, access_case).restricted


def test_statement_only_for_access_cases(db: Database, controller: object) -> None:
    logged = log_access(db, types=(RequestType.ERASURE,))
    with pytest.raises(RuleViolation, match="not an access request"):
        statements.statement_data(db, logged.reference)


def test_statement_is_kept_with_the_case(db: Database, access_case: str) -> None:
    stored = statements.generate_statement(db, access_case, "nb")
    assert stored.filename == f"{access_case}-innsyn-nb.pdf"
    assert stored.sha256 == hashlib.sha256(stored.content).hexdigest()
    assert stored.content.startswith(b"%PDF")
    detail = cases.get_case(db, access_case)
    doc = next(d for d in detail.documents if d.id == stored.id)
    assert (doc.kind, doc.filename, doc.media_type) == (
        "statement",
        stored.filename,
        "application/pdf",
    )
    assert doc.sha256 == stored.sha256
    name, content = cases.document_content(db, stored.id)
    assert content == stored.content and hashlib.sha256(content).hexdigest() == doc.sha256
    event = detail.events[-1]
    assert event.kind == "statement"
    assert event.detail.startswith("statement generated (nb)")
    assert f"SHA-256 {stored.sha256}" in event.detail
    # The e-mail archive and analytics were not searched: the timeline says so.
    assert "not searched yet: E-mail archive, Website analytics" in event.detail
    assert NAME not in event.detail
    assert statements.unsearched_systems(db, access_case) == (
        "E-mail archive",
        "Website analytics (Google Analytics)",
    )


# --- sent ------------------------------------------------------------------------------------------


def test_mark_sent_rules(db: Database, access_case: str) -> None:
    stored = statements.generate_statement(db, access_case)
    received = cases.get_case(db, access_case).received
    today = cases.today_oslo()
    with pytest.raises(InvalidInput, match="future"):
        statements.mark_sent(db, stored.id, today + dt.timedelta(days=1), "post")
    with pytest.raises(InvalidInput, match="before the request"):
        statements.mark_sent(db, stored.id, received - dt.timedelta(days=1), "post")
    with pytest.raises(InvalidInput, match="how it was sent"):
        statements.mark_sent(db, stored.id, today, "phone")
    with pytest.raises(InvalidInput):
        statements.mark_sent(db, stored.id, today, "pigeon")
    statements.mark_sent(db, stored.id, received, "e-mail")
    statements.mark_sent(db, stored.id, today, "post")
    detail = cases.get_case(db, access_case)
    doc = next(d for d in detail.documents if d.id == stored.id)
    assert (doc.sent_on, doc.sent_method) == (today, "post")
    sent = [e.detail for e in detail.events if e.kind == "sent"]
    assert sent[-1] == (
        f"{stored.filename} sent {today.isoformat()} by post (was {received.isoformat()} by e-mail)"
    )


def test_only_statements_and_letters_are_sent(db: Database, controller: object) -> None:
    logged = log_access(db)
    findings.record_finding(
        db,
        logged.reference,
        system_id(db, "erp"),
        searched_on=cases.today_oslo(),
        found=True,
        evidence=("erp-export.csv", b"id;name\n1;x\n"),
    )
    with db.session() as s:
        evidence_id = s.scalar(select(Document.id).where(Document.kind == "finding"))
    assert evidence_id is not None
    with pytest.raises(RuleViolation):
        statements.mark_sent(db, evidence_id, cases.today_oslo(), "post")


# --- letters ----------------------------------------------------------------------------------------


def test_acknowledgement(db: Database, access_case: str) -> None:
    detail = cases.get_case(db, access_case)
    stored = statements.generate_letter(db, access_case, "acknowledgement", "en")
    text = pdf_text(stored.content)
    assert "We have received your request" in text
    assert format_date(detail.received, "en") in text  # "25 November 2026"
    assert format_date(detail.due, "en") in text
    assert "Your request concerns access to your personal data" in text
    assert NAME in text and DATATILSYNET in text
    doc = next(d for d in cases.get_case(db, access_case).documents if d.id == stored.id)
    assert doc.kind == "letter:acknowledgement"
    assert stored.filename == f"{access_case}-acknowledgement-en.pdf"
    assert doc.sha256 == hashlib.sha256(stored.content).hexdigest()
    assert (
        cases.get_case(db, access_case)
        .events[-1]
        .detail.startswith("acknowledgement letter generated (en), SHA-256 ")
    )


def test_identification(db: Database, access_case: str) -> None:
    with pytest.raises(InvalidInput, match="identify"):
        statements.generate_letter(db, access_case, "identification", "en")
    stored = statements.generate_letter(
        db,
        access_case,
        "identification",
        "en",
        identification_needed="Your customer number and the date of your last order",
    )
    text = pdf_text(stored.content)
    assert "Your customer number and the date of your last order" in text
    assert "Please do not send copies of your passport" in text


def test_extension(db: Database, access_case: str) -> None:
    with pytest.raises(RuleViolation, match="not extended"):
        statements.generate_letter(db, access_case, "extension", "en")
    original_due = cases.get_case(db, access_case).due
    new_due = cases.extend(db, access_case, reason="Many systems to search, 40 orders")
    data = statements.letter_data(db, access_case, "extension", "en")
    assert (data.due, data.new_due) == (original_due, new_due)
    assert data.reasons == "Many systems to search, 40 orders"
    text = pdf_text(statements.generate_letter(db, access_case, "extension", "nb").content)
    assert new_due.strftime("%d.%m.%Y") in text
    assert "Many systems to search, 40 orders" in text
    overridden = statements.letter_data(db, access_case, "extension", reasons="Other reasons")
    assert overridden.reasons == "Other reasons"


def test_refusal(db: Database, access_case: str) -> None:
    with pytest.raises(InvalidInput, match="reasons"):
        statements.generate_letter(db, access_case, "refusal", "en")
    text = pdf_text(
        statements.generate_letter(
            db, access_case, "refusal", "en", reasons="Third identical request this month"
        ).content
    )
    assert "Third identical request this month" in text
    assert "bring the matter before the courts" in text
    assert DATATILSYNET in text


def test_fee(db: Database, access_case: str) -> None:
    with pytest.raises(InvalidInput, match="reasons"):
        statements.generate_letter(db, access_case, "fee", "en", fee_amount=250)
    with pytest.raises(InvalidInput, match="amount"):
        statements.generate_letter(db, access_case, "fee", "en", reasons="Repetitive", fee_amount=0)
    text = pdf_text(
        statements.generate_letter(
            db, access_case, "fee", "en", reasons="Fourth request in a year", fee_amount=1250
        ).content
    )
    assert "NOK 1,250" in text
    assert "Fourth request in a year" in text


def test_fee_from_the_case(db: Database, controller: object) -> None:
    logged = log_access(db)
    with db.session() as s:
        case = s.scalar(select(Case).where(Case.reference == logged.reference))
        assert case is not None
        case.fee_decision, case.fee_amount, case.fee_reason = "fee", 300, "Repeated requests"
    data = statements.letter_data(db, logged.reference, "fee", "en")
    assert (data.fee_amount, data.reasons) == (300, "Repeated requests")


def test_unknown_letter_kind(db: Database, access_case: str) -> None:
    with pytest.raises(InvalidInput, match="Unknown letter"):
        statements.generate_letter(db, access_case, "love-letter", "en")
    assert not [d for d in cases.get_case(db, access_case).documents if d.kind.startswith("letter")]
