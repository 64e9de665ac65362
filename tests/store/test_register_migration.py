"""Migration 0011: the register gets a Bokmål text beside each English one. A database seeded
with LanoPro's register reads the seed's Bokmål where its English text is still the seed's;
a text the officer has changed gets no translation (of words it no longer says)."""

from __future__ import annotations

from pathlib import Path

from alembic import command

from app.services import register, register_language
from app.store import migrate
from app.store.database import open_database
from app.store.engine import make_engine

SEEDED_PURPOSE = (
    "To manage, deliver and charge for products and services, and to handle claims and complaints."
)


def database_before_0011(path: Path) -> None:
    engine = make_engine(path, None)
    cfg = migrate._alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0010")
    with engine.begin() as conn:
        run = conn.exec_driver_sql
        run(
            "INSERT INTO database_info (id, database_id, created_at, created_by_version) "
            "VALUES (1, 'test-0011', '2026-03-01 10:00:00', '0.9')"
        )
        run(
            "INSERT INTO retention_rule (id, code, description, period_years, period_months, "
            "after_event, legal_reference, justification) VALUES "
            "(1, 'customer-data', 'Other customer data', 3, 0, 'last_purchase', "
            "'LanoPro privacy policy: 3 years after the last purchase', ''), "
            "(2, 'communications', 'Correspondence with customers, suppliers and stakeholders', "
            "2, 0, 'last_contact', 'Our own rule since 2027', '')"
        )
        run(
            "INSERT INTO recipient (id, code, name, role, country, dpa_reference, contact) "
            "VALUES (1, 'it-operations', 'IT operations provider', 'processor', 'Norway', "
            "'DPA 1', '')"
        )
        run("INSERT INTO system (id, code, name, owner, holds) VALUES (1, 'erp', 'ERP', '', '')")
        run(
            "INSERT INTO processing_activity (id, code, name, purpose, legal_basis, "
            "legal_basis_text, data_categories, subject_categories, source, transfers, "
            "security_measures) VALUES (1, 'products-services', "
            "'Provision of products and services', ?, 'b', 'Our own words for the basis', "
            "'Name and contact details\nCustomer number', 'Customers', 'The data subject', '', '')",
            (SEEDED_PURPOSE,),
        )
        run("INSERT INTO activity_recipient (activity_id, recipient_id) VALUES (1, 1)")
        run("INSERT INTO activity_system (activity_id, system_id) VALUES (1, 1)")
        run(
            "INSERT INTO activity_retention (activity_id, rule_id, applies_to) VALUES "
            "(1, 1, 'Other personal data'), (1, 2, 'Letters we wrote')"
        )
    engine.dispose()


def test_the_seeds_bokmal_is_written_where_the_english_is_still_the_seeds(
    db_path: Path,
) -> None:
    database_before_0011(db_path)
    db = open_database(db_path)
    try:
        assert db.migration is not None and db.migration.from_revision == "0010"
        activity = register.list_activities(db)[0]
        rules = {r.code: r for r in register.list_rules(db)}
        missing = [m.render("en") for m in register_language.missing_texts([activity], "nb")]
    finally:
        db.close()
    assert activity.name_nb == "Levering av produkter og tjenester"
    assert activity.purpose_nb.startswith("Å administrere, levere og fakturere")
    assert activity.source_nb == "Den registrerte"
    assert activity.legal_basis_text_nb == ""  # the officer's own words: not translated
    assert activity.data_categories == ("Name and contact details", "Customer number")
    assert activity.recipients[0].name_nb == "Leverandør av IT-drift"
    assert activity.recipients[0].country_nb == "Norge"
    assert [line.applies_to_nb for line in activity.retention] == [
        "Øvrige personopplysninger",
        "",  # a line of the officer's own
    ]
    assert rules["customer-data"].legal_reference_nb == (
        "3 år etter siste kjøp (LanoPro personvernerklæring)"
    )
    assert rules["communications"].legal_reference_nb == ""
    assert rules["communications"].description_nb == (
        "Korrespondanse med kunder, leverandører og interessenter"
    )
    # What a Norwegian letter would refuse until the officer writes it.
    assert any("legal basis in words" in m for m in missing)
    assert any("'Correspondence with customers" in m and "legal reference" in m for m in missing)
