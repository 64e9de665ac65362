"""The processing register and the controller profile against a real database file."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import select, text

from app.core.errors import InvalidInput, NotFound, RuleViolation
from app.core.retention import JustificationRequired
from app.services import register
from app.services.register import (
    ActivityInput,
    ControllerProfile,
    RecipientInput,
    RetentionLineInput,
    RuleInput,
    SystemInput,
)
from app.store.database import Database
from app.store.models import Case, Subject


def dump(db: Database) -> dict[str, list[tuple[object, ...]]]:
    """Every register and settings row, to show that a refused save changed nothing."""
    with db.engine.connect() as conn:
        return {
            t: [tuple(r) for r in conn.execute(text(f"SELECT * FROM {t} ORDER BY 1, 2"))]
            for t in (
                "processing_activity",
                "retention_rule",
                "recipient",
                "system",
                "activity_retention",
                "activity_recipient",
                "activity_system",
                "setting",
                "audit_log",
            )
        }


def ids_by_code(db: Database) -> dict[str, int]:
    out: dict[str, int] = {}
    for kind in (register.list_rules, register.list_recipients, register.list_systems):
        out.update({v.code: v.id for v in kind(db, include_retired=True)})
    return out


def new_activity(db: Database, **kw: object) -> ActivityInput:
    ids = ids_by_code(db)
    values: dict[str, object] = {
        "name": "Newsletter",
        "purpose": "To send the newsletter to those who asked for it.",
        "legal_basis": "a",
        "legal_basis_text": "Art. 6(1)(a) GDPR: consent",
        "data_categories": ("E-mail address", "Name"),
        "subject_categories": ("Customers",),
        "source": "The data subject",
        "system_ids": (ids["crm"],),
        "recipient_ids": (ids["it-operations"],),
        "retention": (RetentionLineInput(ids["communications"], "Subscription"),),
    }
    values.update(kw)
    return ActivityInput(**values)  # type: ignore[arg-type]


# --- the seeded LanoPro register -------------------------------------------------------------


def test_seeded_register_reads_back(db: Database) -> None:
    activities = register.list_activities(db)
    assert [a.code for a in activities] == [
        "products-services",
        "communications",
        "analytics",
        "statutory-compliance",
    ]
    products = activities[0]
    assert products.name == "Provision of products and services"
    assert products.legal_basis == "b"
    assert "Invoices and payments" in products.data_categories
    assert products.subject_categories == ("Customers",)
    assert [r.code for r in products.recipients] == [
        "it-operations",
        "delivery-partners",
        "authorities",
    ]
    assert [x.code for x in products.systems] == ["erp", "crm", "email-archive"]
    lines = {line.applies_to: line.rule for line in products.retention}
    assert lines["Invoices and payments"].criteria == "10 years after the end of the financial year"
    assert lines["Other personal data"].criteria == "3 years after the last purchase"

    analytics = register.get_activity(db, activities[2].id)
    assert analytics.transfers.startswith("USA")
    assert analytics.retention[0].rule.criteria == "14 months after collection"
    assert activities[1].subject_categories == ("Customers", "Suppliers", "Stakeholders")

    rules = {r.code: r for r in register.list_rules(db)}
    assert set(rules) == {
        "financial-records",
        "customer-data",
        "communications",
        "analytics",
        "statutory",
        "request-cases",
    }
    assert rules["statutory"].criteria == "as required by applicable law"
    recipients = {r.code: r for r in register.list_recipients(db)}
    assert recipients["authorities"].role == "authority"
    assert recipients["google"].dpa_reference == "Google Ads Data Processing Terms"
    assert len(register.list_systems(db)) == 4
    assert not any(a.retired for a in activities)


def test_ten_year_financial_rule_is_flagged_and_keeps_its_justification(db: Database) -> None:
    rules = {r.code: r for r in register.list_rules(db)}
    financial = rules["financial-records"]
    assert financial.exceeds_minimum is not None
    assert financial.exceeds_minimum.code == "bookkeeping"
    assert financial.exceeds_minimum.rule.period_years == 5
    assert "statutory minimum is 5 years" in financial.justification
    assert [r.code for r in rules.values() if r.exceeds_minimum] == ["financial-records"]

    # Editing it (a new legal reference) keeps the justification given.
    saved = register.save_rule(
        db,
        RuleInput(
            id=financial.id,
            description=financial.description,
            period_years=10,
            period_months=0,
            after_event="financial_year_end",
            legal_reference="bokføringsloven § 13; LanoPro policy",
            justification=financial.justification,
        ),
    )
    assert saved.exceeds_minimum is not None
    again = register.get_rule(db, financial.id)
    assert again.justification == financial.justification
    assert again.legal_reference == "bokføringsloven § 13; LanoPro policy"


def test_rule_over_the_minimum_without_justification_is_refused(db: Database) -> None:
    financial = next(r for r in register.list_rules(db) if r.code == "financial-records")
    before = dump(db)
    with pytest.raises(JustificationRequired, match=r"bokføringsloven § 13.*10 years"):
        register.save_rule(
            db,
            RuleInput(
                id=financial.id,
                description=financial.description,
                period_years=10,
                period_months=0,
                after_event="financial_year_end",
                legal_reference=financial.legal_reference,
                justification="   ",
            ),
        )
    with pytest.raises(JustificationRequired):
        register.save_rule(
            db,
            RuleInput(
                description="Vouchers",
                period_years=7,
                period_months=0,
                after_event="financial_year_end",
            ),
        )
    assert dump(db) == before
    assert register.get_rule(db, financial.id).justification == financial.justification


def test_rule_at_the_minimum_needs_no_justification(db: Database) -> None:
    saved = register.save_rule(
        db,
        RuleInput(
            description="Accounting vouchers",
            period_years=5,
            period_months=0,
            after_event="financial_year_end",
            legal_reference="bokføringsloven § 13",
        ),
    )
    assert saved.exceeds_minimum is None
    assert saved.code == "accounting-vouchers"
    assert saved.criteria == "5 years after the end of the financial year"


# --- rules ---------------------------------------------------------------------------------------


def test_create_edit_retire_rule(db: Database) -> None:
    rule = register.save_rule(
        db,
        RuleInput(
            description="Job applications",
            period_years=0,
            period_months=6,
            after_event="collection",
            legal_reference="Policy",
        ),
    )
    assert register.get_rule(db, rule.id).criteria == "6 months after collection"
    edited = register.save_rule(
        db,
        RuleInput(
            id=rule.id,
            description="Job applications",
            period_years=1,
            period_months=0,
            after_event="collection",
        ),  # fmt: skip
    )
    assert (edited.period_years, edited.period_months, edited.code) == (1, 0, rule.code)

    register.retire_rule(db, rule.id)
    assert rule.id not in [r.id for r in register.list_rules(db)]
    retired = next(r for r in register.list_rules(db, include_retired=True) if r.id == rule.id)
    assert retired.retired and retired.retired_at is not None
    assert register.get_rule(db, rule.id).description == "Job applications"  # still readable
    with pytest.raises(RuleViolation, match="already retired"):
        register.retire_rule(db, rule.id)
    with pytest.raises(RuleViolation, match="retired"):
        register.save_rule(db, replace_rule_input(retired))


def replace_rule_input(view: register.RuleView) -> RuleInput:
    return RuleInput(
        id=view.id,
        description=view.description,
        period_years=view.period_years,
        period_months=view.period_months,
        after_event=view.after_event,
        legal_reference=view.legal_reference,
        justification=view.justification,
    )


@pytest.mark.parametrize(
    ("inp", "words"),
    [
        (RuleInput("", 3, 0, "last_purchase"), "description"),
        (RuleInput("X", 0, 0, "last_purchase"), "period"),
        (RuleInput("X", -1, 0, "last_purchase"), "negative"),
        (RuleInput("X", 3, 0, "next_tuesday"), "Unknown event"),
        (RuleInput("X", 3, 0, "by_law"), "no period"),
    ],
)
def test_invalid_rule_leaves_the_database_unchanged(
    db: Database, inp: RuleInput, words: str
) -> None:
    before = dump(db)
    with pytest.raises(InvalidInput, match=words):
        register.save_rule(db, inp)
    assert dump(db) == before


# --- recipients ------------------------------------------------------------------------------------


def test_create_edit_retire_recipient(db: Database) -> None:
    saved = register.save_recipient(
        db,
        RecipientInput(
            name="  Acme  Hosting AS ",
            role="processor",
            country="Norway",
            dpa_reference="DPA-2026-07",
            dpa_date=dt.date(2026, 1, 15),
            contact="dpo@acme.example",
        ),
    )
    assert saved.name == "Acme Hosting AS"
    assert saved.code == "acme-hosting-as"
    got = register.get_recipient(db, saved.id)
    assert (got.role, got.dpa_reference, got.dpa_date) == (
        "processor",
        "DPA-2026-07",
        dt.date(2026, 1, 15),
    )
    edited = register.save_recipient(
        db,
        RecipientInput(id=saved.id, name="Acme Hosting AS", role="controller", country="Sweden"),
    )
    assert (edited.role, edited.country, edited.dpa_date) == ("controller", "Sweden", None)
    # A second one of the same name gets its own code.
    twin = register.save_recipient(db, RecipientInput(name="Acme Hosting AS", role="authority"))
    assert twin.code == "acme-hosting-as-2"

    register.retire_recipient(db, saved.id)
    assert saved.id not in [r.id for r in register.list_recipients(db)]
    assert register.get_recipient(db, saved.id).retired


@pytest.mark.parametrize(
    ("inp", "words"),
    [
        (RecipientInput(name=" ", role="processor", dpa_reference="x"), "name"),
        (RecipientInput(name="A", role="friend"), "role"),
        (RecipientInput(name="A", role="processor"), "Data Processing Agreement"),
        (RecipientInput(name="A", role="authority", country=""), "country"),
        (
            RecipientInput(
                name="A", role="processor", dpa_reference="x", dpa_date=dt.date(2999, 1, 1)
            ),
            "future",
        ),
    ],
)
def test_invalid_recipient_leaves_the_database_unchanged(
    db: Database, inp: RecipientInput, words: str
) -> None:
    before = dump(db)
    with pytest.raises(InvalidInput, match=words):
        register.save_recipient(db, inp)
    assert dump(db) == before


# --- systems -----------------------------------------------------------------------------------------


def test_create_edit_retire_system(db: Database) -> None:
    saved = register.save_system(db, SystemInput(name="Lønnssystem", owner="HR", holds="Salaries"))
    assert saved.code == "lonnssystem"
    edited = register.save_system(
        db, SystemInput(id=saved.id, name="Payroll", owner="Finance", holds="Salaries, tax")
    )
    assert (edited.name, edited.owner, edited.code) == ("Payroll", "Finance", "lonnssystem")
    register.retire_system(db, saved.id)
    assert saved.id not in [x.id for x in register.list_systems(db)]
    assert saved.id in [x.id for x in register.list_systems(db, include_retired=True)]
    with pytest.raises(NotFound):
        register.retire_system(db, 99_999)


def test_system_needs_a_name(db: Database) -> None:
    before = dump(db)
    with pytest.raises(InvalidInput, match="name"):
        register.save_system(db, SystemInput(name="", owner="IT"))
    assert dump(db) == before


# --- activities ----------------------------------------------------------------------------------


def test_create_edit_retire_activity(db: Database) -> None:
    ids = ids_by_code(db)
    created = register.save_activity(db, new_activity(db))
    assert created.code == "newsletter"
    assert [x.code for x in created.systems] == ["crm"]
    assert [r.code for r in created.recipients] == ["it-operations"]
    assert created.retention[0].rule.code == "communications"
    assert created.retention[0].applies_to == "Subscription"

    edited = register.save_activity(
        db,
        new_activity(
            db,
            id=created.id,
            name="Newsletter and offers",
            data_categories=("E-mail address\nName\n\nPreferences", "name"),
            system_ids=(ids["crm"], ids["email-archive"]),
            recipient_ids=(),
            retention=(
                RetentionLineInput(ids["communications"], "Subscription"),
                RetentionLineInput(ids["customer-data"], "Preferences"),
            ),
        ),
    )
    assert edited.name == "Newsletter and offers"
    assert edited.code == "newsletter"
    assert edited.data_categories == ("E-mail address", "Name", "Preferences")
    assert [x.code for x in edited.systems] == ["crm", "email-archive"]
    assert edited.recipients == ()
    assert [(line.rule.code, line.applies_to) for line in edited.retention] == [
        ("communications", "Subscription"),
        ("customer-data", "Preferences"),
    ]
    assert register.get_activity(db, created.id) == edited

    register.retire_activity(db, created.id)
    assert created.id not in [a.id for a in register.list_activities(db)]
    assert register.get_activity(db, created.id).retired  # readable for old statements
    with pytest.raises(RuleViolation):
        register.retire_activity(db, created.id)


def test_seeded_activity_can_be_edited_in_place(db: Database) -> None:
    products = register.list_activities(db)[0]
    inp = ActivityInput(
        id=products.id,
        name=products.name,
        purpose=products.purpose,
        legal_basis=products.legal_basis,
        legal_basis_text=products.legal_basis_text,
        data_categories=products.data_categories,
        subject_categories=products.subject_categories,
        source=products.source,
        system_ids=tuple(x.id for x in products.systems),
        recipient_ids=tuple(r.id for r in products.recipients),
        retention=tuple(
            RetentionLineInput(x.rule.id, x.applies_to, x.applies_to_nb) for x in products.retention
        ),
        transfers=products.transfers,
        security_measures="Encrypted backups.",
        name_nb=products.name_nb,
        purpose_nb=products.purpose_nb,
        legal_basis_text_nb=products.legal_basis_text_nb,
        data_categories_nb=products.data_categories_nb,
        subject_categories_nb=products.subject_categories_nb,
        source_nb=products.source_nb,
    )
    saved = register.save_activity(db, inp)
    assert saved.security_measures == "Encrypted backups."
    assert saved.retention == products.retention


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"name": ""}, "name"),
        ({"purpose": "  "}, "purpose"),
        ({"legal_basis": "g"}, "legal basis"),
        ({"legal_basis_text": ""}, "legal basis in words"),
        ({"data_categories": ("", " ")}, "category of personal data"),
        ({"subject_categories": ()}, "data subjects"),
        ({"source": ""}, "source"),
        ({"system_ids": ()}, "system"),
        ({"retention": ()}, "retention rule"),
        ({"system_ids": (99_999,)}, "no system"),
        ({"recipient_ids": (99_999,)}, "no recipient"),
        ({"retention": (RetentionLineInput(99_999, "x"),)}, "no retention rule"),
    ],
)
def test_invalid_activity_leaves_the_database_unchanged(
    db: Database, change: dict[str, object], words: str
) -> None:
    before = dump(db)
    with pytest.raises(InvalidInput, match=words):
        register.save_activity(db, new_activity(db, **change))
    assert dump(db) == before


def test_retired_entries_are_refused_as_new_choices(db: Database) -> None:
    ids = ids_by_code(db)
    register.retire_rule(db, ids["analytics"])
    register.retire_system(db, ids["web-analytics"])
    register.retire_recipient(db, ids["google"])
    before = dump(db)
    for change, words in (
        ({"system_ids": (ids["web-analytics"],)}, "system 'Website analytics"),
        ({"recipient_ids": (ids["google"],)}, "recipient 'Google"),
        ({"retention": (RetentionLineInput(ids["analytics"], "x"),)}, "rule 'Website analytics"),
    ):
        with pytest.raises(InvalidInput, match=f"{words}.*retired"):
            register.save_activity(db, new_activity(db, **change))
    assert dump(db) == before

    # The analytics activity already uses them: it can still be saved with them kept.
    analytics = next(a for a in register.list_activities(db) if a.code == "analytics")
    saved = register.save_activity(
        db,
        ActivityInput(
            id=analytics.id,
            name=analytics.name,
            purpose=analytics.purpose,
            legal_basis=analytics.legal_basis,
            legal_basis_text=analytics.legal_basis_text,
            data_categories=analytics.data_categories,
            subject_categories=analytics.subject_categories,
            source=analytics.source,
            system_ids=(ids["web-analytics"],),
            recipient_ids=(ids["google"],),
            retention=(RetentionLineInput(ids["analytics"], "Analytics data"),),
            transfers=analytics.transfers,
        ),
    )
    assert saved.systems[0].retired and saved.recipients[0].retired
    assert saved.retention[0].rule.retired
    assert register.where_used(db, "system", ids["web-analytics"]) == [analytics.name]
    assert register.where_used(db, "rule", ids["customer-data"]) == [
        "Provision of products and services"
    ]


# --- the controller profile ----------------------------------------------------------------------


def test_seeded_controller_profile(db: Database) -> None:
    profile = register.get_controller(db)
    assert profile.legal_name == "LanoPro"
    assert profile.phone == "+47 40 00 15 14"
    assert profile.country == "Norway"
    assert profile.privacy_email == ""


def test_save_controller_normalises_contact_details(db: Database) -> None:
    saved = register.save_controller(
        db,
        ControllerProfile(
            legal_name="LanoPro AS",
            organisation_number="923 609 016",
            address="Storgata 1\n0155 Oslo",
            country="Norway",
            privacy_email="Personvern@LanoPro.NO",
            phone="40001514",
            officer_name="Kari  Nordmann",
        ),
    )
    assert saved.phone == "+47 40 00 15 14"
    assert saved.privacy_email == "Personvern@lanopro.no"
    assert saved.officer_name == "Kari Nordmann"
    assert register.get_controller(db) == saved


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"privacy_email": "personvern(at)lanopro"}, "e-mail"),
        ({"phone": "12"}, "phone"),
        ({"legal_name": ""}, "legal name"),
        ({"organisation_number": "923 609 017"}, "organisation number"),
        ({"organisation_number": "12345"}, "9 digits"),
    ],
)
def test_invalid_controller_profile_is_refused(
    db: Database, change: dict[str, str], words: str
) -> None:
    before = dump(db)
    with pytest.raises(InvalidInput, match=words):
        register.save_controller(db, replace(register.get_controller(db), **change))
    assert dump(db) == before


# --- retention dates for one person ------------------------------------------------------------


def test_retention_dates_for_a_subject(db: Database) -> None:
    with db.session() as s:
        subject = Subject(
            pseudonym="S-000001",
            name="Kari Nordmann",
            last_purchase=dt.date(2026, 3, 15),
            last_contact=dt.date(2024, 2, 29),
            created_at=dt.datetime(2026, 3, 16, tzinfo=dt.UTC),
        )
        s.add(subject)
        s.flush()
        subject_id = subject.id
    rows = register.retention_dates_for_subject(db, subject_id)
    by_line = {(r.activity, r.applies_to): r for r in rows}
    invoices = by_line[("Provision of products and services", "Invoices and payments")]
    assert invoices.earliest_deletion == dt.date(2036, 12, 31)
    assert invoices.criteria == "10 years after the end of the financial year"
    assert invoices.legal_reference == "bokføringsloven § 13"
    other = by_line[("Provision of products and services", "Other personal data")]
    assert other.earliest_deletion == dt.date(2029, 3, 15)
    comms = by_line[
        (
            "Communications with customers, suppliers and stakeholders",
            "Correspondence and contact details",
        )  # fmt: skip
    ]
    assert comms.earliest_deletion == dt.date(2027, 2, 28)
    activity, applies_to, rule, ref, date, criteria = by_line[
        ("Compliance with statutory obligations", "All data kept under the obligation")
    ]
    assert (date, criteria) == (None, "as required by applicable law")
    analytics = next(r for r in rows if r.activity.startswith("Website analytics"))
    assert analytics.earliest_deletion is None  # collection date unknown
    nb = register.retention_dates_for_subject(db, subject_id, lang="nb")
    assert nb[0].criteria == "10 år etter utgangen av regnskapsåret"

    with pytest.raises(NotFound):
        register.retention_dates_for_subject(db, 99_999)


def test_retention_dates_leave_out_retired_activities(db: Database) -> None:
    with db.session() as s:
        subject = Subject(
            pseudonym="S-000002", name="Ola", created_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
        )
        s.add(subject)
        s.flush()
        subject_id = subject.id
        assert s.scalar(select(Case.id).where(Case.subject_id == subject_id)) is None
    analytics = next(a for a in register.list_activities(db) if a.code == "analytics")
    register.retire_activity(db, analytics.id)
    rows = register.retention_dates_for_subject(db, subject_id)
    assert rows and all(r.activity != analytics.name for r in rows)
    assert all(r.earliest_deletion is None for r in rows)  # no dates known for Ola
