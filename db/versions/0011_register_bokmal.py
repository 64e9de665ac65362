"""the register in Bokmål beside English

Every text of the register that a letter or statement prints gets a Bokmål column beside the
English one (issue 13); "" is a text not written yet. A database seeded with the default
LanoPro register gets the seed's Bokmål where its English text is still the seed's (matched by
code): a text the officer has changed keeps an empty Bokmål value, for the officer to write,
since a translation of the old text would say something else.

The seed's texts are a copy frozen with this revision: later edits of db/seed must not change
what this migration writes.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

COLUMNS: dict[str, tuple[str, ...]] = {
    "retention_rule": ("description", "legal_reference"),
    "recipient": ("name", "country"),
    "system": ("name",),
    "processing_activity": (
        "name",
        "purpose",
        "legal_basis_text",
        "data_categories",
        "subject_categories",
        "source",
        "transfers",
    ),
    "activity_retention": ("applies_to",),
}

# table -> code -> column -> (English as seeded, Bokmål)
SEEDED: dict[str, dict[str, dict[str, tuple[str, str]]]] = {
    "retention_rule": {
        "financial-records": {
            "description": (
                "Financial records (invoices, payments, accounting vouchers)",
                "Regnskapsmateriale (fakturaer, betalinger og bilag)",
            ),
            "legal_reference": ("bokføringsloven § 13", "bokføringsloven § 13"),
        },
        "customer-data": {
            "description": ("Other customer data", "Øvrige kundeopplysninger"),
            "legal_reference": (
                "LanoPro privacy policy: 3 years after the last purchase",
                "3 år etter siste kjøp (LanoPro personvernerklæring)",
            ),
        },
        "communications": {
            "description": (
                "Correspondence with customers, suppliers and stakeholders",
                "Korrespondanse med kunder, leverandører og interessenter",
            ),
            "legal_reference": (
                "LanoPro privacy policy: 3 years after the last contact",
                "3 år etter siste kontakt (LanoPro personvernerklæring)",
            ),
        },
        "analytics": {
            "description": (
                "Website analytics data (Google Analytics retention setting)",
                "Analysedata fra nettstedet (lagringsinnstilling i Google Analytics)",
            ),
            "legal_reference": (
                "Google Analytics data retention setting (not stated in the policy; configurable)",
                "Lagringsinnstillingen i Google "
                "Analytics (ikke angitt i "
                "personvernerklæringen; kan endres)",
            ),
        },
        "statutory": {
            "description": (
                "Data kept to comply with a statutory obligation",
                "Opplysninger som lagres for å oppfylle en lovpålagt plikt",
            ),
            "legal_reference": (
                "As required by applicable law",
                "Så lenge gjeldende lovgivning krever det",
            ),
        },
        "request-cases": {
            "description": (
                "The workbench's own records of data-subject requests",
                "Virksomhetens egne saker om henvendelser fra de registrerte",
            ),
            "legal_reference": (
                "GDPR Art. 5(2) accountability; de-identified 3 years after the case is closed",
                "Personvernforordningen art. 5 nr. "
                "2 (ansvarlighet); avidentifiseres "
                "3 år etter at saken er "
                "avsluttet",
            ),
        },
    },
    "recipient": {
        "it-operations": {
            "name": ("IT operations provider", "Leverandør av IT-drift"),
            "country": ("Norway", "Norge"),
        },
        "delivery-partners": {
            "name": ("Delivery and payment partners", "Leverings- og betalingspartnere"),
            "country": ("Norway", "Norge"),
        },
        "google": {
            "name": (
                "Google Ireland Limited (Google Analytics)",
                "Google Ireland Limited (Google Analytics)",
            ),
            "country": (
                "Ireland; transfers to Google LLC, USA",
                "Irland; overføring til Google LLC, USA",
            ),
        },
        "authorities": {
            "name": (
                "Public authorities, when legally required, to "
                "protect legal interests, or to detect and prevent "
                "fraud",
                "Offentlige myndigheter, når loven krever det, for å "
                "ivareta rettslige interesser eller for å avdekke og "
                "forebygge bedrageri",
            ),
            "country": ("Norway", "Norge"),
        },
    },
    "system": {
        "erp": {"name": ("ERP and accounting", "ERP og regnskap")},
        "crm": {"name": ("CRM", "CRM")},
        "email-archive": {"name": ("E-mail archive", "E-postarkiv")},
        "web-analytics": {
            "name": (
                "Website analytics (Google Analytics)",
                "Analyse av nettstedet (Google Analytics)",
            )
        },
    },
    "processing_activity": {
        "products-services": {
            "name": ("Provision of products and services", "Levering av produkter og tjenester"),
            "purpose": (
                "To manage, deliver and charge for "
                "products and services, and to "
                "handle claims and complaints.",
                "Å administrere, levere og "
                "fakturere produkter og tjenester, "
                "og å behandle reklamasjoner og "
                "klager.",
            ),
            "legal_basis_text": (
                "Art. 6(1)(b) GDPR: "
                "performance of a "
                "contract with the data "
                "subject; Art. 6(1)(c) "
                "for financial records "
                "(bokføringsloven)",
                "Personvernforordningen "
                "art. 6 nr. 1 bokstav b: "
                "oppfyllelse av en avtale "
                "med den registrerte; "
                "art. 6 nr. 1 bokstav c "
                "for regnskapsmateriale "
                "(bokføringsloven)",
            ),
            "data_categories": (
                "Name and contact details\n"
                "Customer number\n"
                "Orders and purchase "
                "history\n"
                "Invoices and payments\n"
                "Claims and complaints",
                "Navn og "
                "kontaktopplysninger\n"
                "Kundenummer\n"
                "Bestillinger og "
                "kjøpshistorikk\n"
                "Fakturaer og betalinger\n"
                "Reklamasjoner og klager",
            ),
            "subject_categories": ("Customers", "Kunder"),
            "source": ("The data subject", "Den registrerte"),
            "transfers": ("", ""),
        },
        "communications": {
            "name": (
                "Communications with customers, suppliers and stakeholders",
                "Kommunikasjon med kunder, leverandører og interessenter",
            ),
            "purpose": (
                "To communicate with customers, suppliers and stakeholders.",
                "Å kommunisere med kunder, leverandører og interessenter.",
            ),
            "legal_basis_text": (
                "Art. 6(1)(f) GDPR: legitimate interest in communicating with business contacts",
                "Personvernforordningen art. "
                "6 nr. 1 bokstav f: "
                "berettiget interesse i å "
                "kommunisere med "
                "forretningsforbindelser",
            ),
            "data_categories": (
                "Name and contact details\nCorrespondence",
                "Navn og kontaktopplysninger\nKorrespondanse",
            ),
            "subject_categories": (
                "Customers\nSuppliers\nStakeholders",
                "Kunder\nLeverandører\nInteressenter",
            ),
            "source": ("The data subject", "Den registrerte"),
            "transfers": ("", ""),
        },
        "analytics": {
            "name": (
                "Website analytics and remarketing (Google Analytics)",
                "Analyse av nettstedet og remarketing (Google Analytics)",
            ),
            "purpose": (
                "Remarketing and the development of the marketing strategy.",
                "Remarketing og utvikling av markedsføringsstrategien.",
            ),
            "legal_basis_text": (
                "Art. 6(1)(a) GDPR: consent to analytics cookies (ekomloven § 3-15)",
                "Personvernforordningen art. 6 "
                "nr. 1 bokstav a: samtykke til "
                "analysekapsler (ekomloven § "
                "3-15)",
            ),
            "data_categories": (
                "Online identifiers (cookies)\n"
                "Pages visited and interactions\n"
                "Device and browser information",
                "Nettidentifikatorer "
                "(informasjonskapsler)\n"
                "Besøkte sider og interaksjoner\n"
                "Informasjon om enhet og "
                "nettleser",
            ),
            "subject_categories": ("Website visitors", "Besøkende på nettstedet"),
            "source": (
                "Google (Google Analytics), collected from the visitor's browser",
                "Google (Google Analytics), samlet inn fra den besøkendes nettleser",
            ),
            "transfers": (
                "USA (Google LLC): EU-US Data Privacy "
                "Framework and the European Commission's "
                "standard contractual clauses",
                "USA (Google LLC): EU–US Data Privacy "
                "Framework og EU-kommisjonens "
                "standardavtalevilkår",
            ),
        },
        "statutory-compliance": {
            "name": ("Compliance with statutory obligations", "Oppfyllelse av lovpålagte plikter"),
            "purpose": (
                "To comply with obligations under applicable law.",
                "Å oppfylle plikter etter gjeldende lovgivning.",
            ),
            "legal_basis_text": (
                "Art. 6(1)(c) GDPR: compliance with a legal obligation",
                "Personvernforordningen "
                "art. 6 nr. 1 bokstav "
                "c: oppfyllelse av en "
                "rettslig "
                "forpliktelse",
            ),
            "data_categories": (
                "Data required by the obligation in question",
                "Opplysninger som den aktuelle plikten krever",
            ),
            "subject_categories": (
                "Customers\nSuppliers\nStakeholders",
                "Kunder\nLeverandører\nInteressenter",
            ),
            "source": ("The data subject", "Den registrerte"),
            "transfers": ("", ""),
        },
    },
}

# activity code -> (applies_to as seeded, Bokmål)
SEEDED_APPLIES_TO: dict[str, list[tuple[str, str]]] = {
    "products-services": [
        ("Invoices and payments", "Fakturaer og betalinger"),
        ("Other personal data", "Øvrige personopplysninger"),
    ],
    "communications": [
        ("Correspondence and contact details", "Korrespondanse og kontaktopplysninger")
    ],
    "analytics": [("Analytics data", "Analysedata")],
    "statutory-compliance": [
        ("All data kept under the obligation", "Alle opplysninger som lagres etter plikten")
    ],
}


def upgrade() -> None:
    for table, columns in COLUMNS.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in columns:
                kind = sa.String(64) if column == "country" else sa.Text()
                batch_op.add_column(
                    sa.Column(f"{column}_nb", kind, nullable=False, server_default="")
                )
    conn = op.get_bind()
    for table, entries in SEEDED.items():
        for code, texts in entries.items():
            for column, (english, bokmal) in texts.items():
                rows = sa.table(
                    table, sa.column("code"), sa.column(column), sa.column(f"{column}_nb")
                )
                conn.execute(
                    rows.update()
                    .where(
                        rows.c.code == code,
                        rows.c[column] == english,
                        rows.c[f"{column}_nb"] == "",
                    )
                    .values({f"{column}_nb": bokmal})
                )
    for code, lines in SEEDED_APPLIES_TO.items():
        for english, bokmal in lines:
            conn.execute(
                sa.text(
                    "UPDATE activity_retention SET applies_to_nb = :nb "
                    "WHERE applies_to = :en AND applies_to_nb = '' AND activity_id IN "
                    "(SELECT id FROM processing_activity WHERE code = :code)"
                ),
                {"nb": bokmal, "code": code, "en": english},
            )


def downgrade() -> None:
    for table, columns in COLUMNS.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in columns:
                batch_op.drop_column(f"{column}_nb")
