"""Statements and letters are read back from the PDF (pypdf) and checked for what they say."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import re
import string

import pytest
from pypdf import PdfReader

from app.reports.documents import (
    LETTER_KINDS,
    Addressee,
    Controller,
    DataCopyItem,
    LetterData,
    PurposeSection,
    RecipientLine,
    RetentionLine,
    StatementData,
    render_combined,
    render_letter,
    render_statement,
)
from app.reports.wording import LANGUAGES
from app.resources import resources_dir

DATATILSYNET = "Datatilsynet, Postboks 458 Sentrum, 0105 Oslo, www.datatilsynet.no"
TRICKY_NAME = "Ola <b>Nordmann & Sønn"
SAMI_NAME = "Áile Ŋuolga"

LANOPRO = Controller(
    legal_name="LanoPro AS",
    organisation_number="923 456 789",
    address="Industriveien 7\n1337 Sandvika",
    email="personvern@lanopro.no",
    phone="+47 40 00 15 14",
    officer_name="Kari Hansen",
)

PROVISION = PurposeSection(
    activity_name="Provision of products and services",
    purpose="Manage, deliver and charge for products and services; handle claims and complaints",
    legal_basis_text="Contract (GDPR Art. 6(1)(b)); accounting obligation (Art. 6(1)(c))",
    categories_held=("Name", "Postal address", "E-mail address", "Order and invoice history"),
    recipients=(
        RecipientLine("Visma Software AS", "data processor (accounting system)", "Norway"),
        RecipientLine("Tripletex AS", "data processor (invoicing)", "Norway"),
    ),
    source="",
    source_is_subject=True,
    retention=(
        RetentionLine(
            applies_to="Financial records",
            rule_text="10 years after the end of the financial year (policy)",
            legal_reference="bokføringsloven § 13",
            keep_until=dt.date(2036, 12, 31),
            criteria="",
        ),
        RetentionLine(
            applies_to="Other personal data",
            rule_text="3 years after the last purchase",
            legal_reference="",
            keep_until=dt.date(2029, 2, 14),
            criteria="",
        ),
    ),
    transfers="",
)

ANALYTICS = PurposeSection(
    activity_name="Website analytics and remarketing (Google Analytics)",
    purpose="Remarketing and marketing strategy",
    legal_basis_text="Consent (GDPR Art. 6(1)(a))",
    categories_held=("Cookie identifiers", "Pages visited", "Approximate location"),
    recipients=(
        RecipientLine("Google Ireland Limited", "processor", "Ireland"),
        RecipientLine("Google LLC", "sub-processor", "USA"),
    ),
    source="Google (Google Analytics)",
    source_is_subject=False,
    retention=(
        RetentionLine(
            applies_to="Analytics data",
            rule_text="14 months (Google Analytics setting)",
            legal_reference="",
            keep_until=dt.date(2027, 5, 2),
            criteria="",
        ),
    ),
    transfers="USA (Google LLC): EU-US Data Privacy Framework; Standard Contractual Clauses",
)

COMPLIANCE = PurposeSection(
    activity_name="Compliance with statutory obligations",
    purpose="Meet our obligations under Norwegian law",
    legal_basis_text="Legal obligation (GDPR Art. 6(1)(c))",
    categories_held=("Name", "Customer number"),
    recipients=(RecipientLine("Skatteetaten", "public authority", "Norway"),),
    source="",
    source_is_subject=True,
    retention=(
        RetentionLine(
            applies_to="Statutory records",
            rule_text="",
            legal_reference="",
            keep_until=None,
            criteria="until the limitation period under foreldelsesloven has run out",
        ),
    ),
    transfers="",
)

DATA_COPY = (
    DataCopyItem("CRM", "Name", TRICKY_NAME),
    DataCopyItem("CRM", "Company", "Ola <Nordmann> AS"),
    DataCopyItem("Webshop", "Delivery name", "Čáhppes Đuođđa"),
    DataCopyItem("Accounting", "Invoice 2025-114", "NOK 4 990, paid 14.02.2026"),
)


def statement(language: str = "nb", **changes: object) -> StatementData:
    data = StatementData(
        controller=LANOPRO,
        addressee=Addressee(TRICKY_NAME, "Storgata 1\n0155 Oslo"),
        reference="2026-0001",
        date=dt.date(2026, 3, 2),
        language=language,
        processed=True,
        sections=(PROVISION, ANALYTICS, COMPLIANCE),
        data_copy=DATA_COPY,
        restricted=False,
        officer_name="Kari Hansen",
    )
    return dataclasses.replace(data, **changes)  # type: ignore[arg-type]


def letter(kind: str, language: str = "nb", **changes: object) -> LetterData:
    data = LetterData(
        kind=kind,
        controller=LANOPRO,
        addressee=Addressee(SAMI_NAME, "Bákte 3\n9520 Guovdageaidnu"),
        reference="2026-0002",
        date=dt.date(2026, 3, 4),
        language=language,
        received=dt.date(2026, 3, 2),
        due=dt.date(2026, 4, 7),
        new_due=dt.date(2026, 6, 2) if kind == "extension" else None,
        reasons="Requests from 14 group companies <all at once> & searches in 9 systems",
        fee_amount=1250 if kind == "fee" else None,
        requested_types=("access", "erasure"),
        identification_needed="Your customer number and the date of your last order",
        officer_name="Per Olsen",
    )
    return dataclasses.replace(data, **changes)  # type: ignore[arg-type]


def pages(pdf: bytes) -> list[str]:
    """Page texts, whitespace normalised: pypdf splits and joins lines as it likes."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def text(pdf: bytes) -> str:
    return " ".join(pages(pdf))


# --- statements ----------------------------------------------------------------------------


def test_statement_nb_has_every_art15_element() -> None:
    out = text(render_statement(statement("nb")))
    expected = [
        # letterhead, date, reference, addressee
        "LanoPro AS",
        "Org.nr. 923 456 789",
        "Industriveien 7 1337 Sandvika",
        "E-post: personvern@lanopro.no",
        "Telefon: +47 40 00 15 14",
        "Dato: 02.03.2026",
        "Vår referanse: 2026-0001",
        f"{TRICKY_NAME} Storgata 1 0155 Oslo",
        "Innsyn i personopplysninger",
        "Vi behandler personopplysninger om deg",
        # (a) purposes, with the activity and its legal basis
        "1. Provision of products and services",
        "2. Website analytics and remarketing (Google Analytics)",
        "3. Compliance with statutory obligations",
        "Formål Manage, deliver and charge for products and services",
        "Rettslig grunnlag Consent (GDPR Art. 6(1)(a))",
        # (b) categories
        "Order and invoice history",
        "Cookie identifiers",
        # (c) named recipients with role and country
        "Visma Software AS – data processor (accounting system) (Norway)",
        "Google Ireland Limited – processor (Ireland)",
        "Google LLC – sub-processor (USA)",
        "Skatteetaten – public authority (Norway)",
        # (d) retention: the rule, the date, the law
        "Financial records: 10 years after the end of the financial year (policy) – "
        "lagres til 31.12.2036, bokføringsloven § 13.",
        "3 years after the last purchase – lagres til 14.02.2029.",
        "lagres så lenge loven krever det. Kriterier: until the limitation period under "
        "foreldelsesloven has run out.",
        # (g) source where not from the person
        "Opplysningene er ikke samlet inn fra deg. Kilde: Google (Google Analytics).",
        "Opplysningene er samlet inn fra deg.",
        # 15(2) transfers and safeguards
        "Overføring til land utenfor EØS USA (Google LLC): EU-US Data Privacy Framework; "
        "Standard Contractual Clauses",
        "Vi overfører ikke disse opplysningene til land utenfor EØS.",
        # (h) automated decision-making
        "Vi treffer ingen automatiserte avgjørelser om deg",
        # (e) rights
        "rette uriktige eller ufullstendige opplysninger om deg (art. 16), slette opplysninger "
        "(art. 17) og begrense behandlingen (art. 18)",
        "rett til å protestere mot behandlingen (art. 21)",
        # (f) complaint
        "Du har rett til å klage til Datatilsynet",
        DATATILSYNET,
        # 15(3) copy, first one free
        "Den første kopien er gratis.",
        "Kopien står i vedlegget «Kopi av opplysningene»",
        # signature
        "Med vennlig hilsen",
        "Kari Hansen Personvernansvarlig, LanoPro AS",
    ]
    missing = [phrase for phrase in expected if phrase not in out]
    assert not missing, f"missing from the statement: {missing}"
    assert "behandles ikke" not in out and "ingen personopplysninger om deg" not in out
    assert "begrenset" not in out  # no restriction note unless restricted
    assert "{" not in out and "}" not in out  # no placeholder left unfilled


def test_statement_en_has_every_art15_element() -> None:
    out = text(render_statement(statement("en")))
    expected = [
        "Org. no. 923 456 789",
        "Date: 2 March 2026",
        "Our reference: 2026-0001",
        "Access to your personal data",
        "Purpose Manage, deliver and charge",
        "Legal basis Contract (GDPR Art. 6(1)(b))",
        "Google Ireland Limited – processor (Ireland)",
        "kept until 31 December 2036, bokføringsloven § 13.",
        "kept for as long as the law requires. Criteria: until the limitation period",
        "We did not collect these data from you. Source: Google (Google Analytics).",
        "Transfers outside the EEA USA (Google LLC): EU-US Data Privacy Framework",
        "We make no automated decisions about you",
        "rectify inaccurate or incomplete data about you (Article 16), to erase data "
        "(Article 17) and to restrict processing (Article 18)",
        "object to processing (Article 21)",
        "You have the right to lodge a complaint with Datatilsynet",
        DATATILSYNET,
        "The first copy is free of charge.",
        "Appendix: Copy of your data",
        "Yours sincerely",
        "Kari Hansen Privacy officer, LanoPro AS",
    ]
    missing = [phrase for phrase in expected if phrase not in out]
    assert not missing, f"missing from the statement: {missing}"
    assert "Side " not in out and "lagres" not in out  # no Norwegian left in


@pytest.mark.parametrize(("language", "label"), [("nb", "Side {} av {}"), ("en", "Page {} of {}")])
def test_every_page_is_numbered(language: str, label: str) -> None:
    texts = pages(render_statement(statement(language)))
    assert len(texts) >= 2
    for number, page in enumerate(texts, start=1):
        assert label.format(number, len(texts)) in page
        assert "2026-0001" in page  # the footer carries the case reference


def test_names_print_literally_and_sami_letters_survive() -> None:
    pdf = render_statement(statement(addressee=Addressee(SAMI_NAME, "Bákte 3\n9520 Guovdageaidnu")))
    out = text(pdf)
    assert f"{SAMI_NAME} Bákte 3 9520 Guovdageaidnu" in out
    assert TRICKY_NAME in out  # in the appendix: markup printed, not obeyed
    assert "Ola <Nordmann> AS" in out  # not "Ola  AS"
    assert "Čáhppes Đuođđa" in out

    out = text(render_statement(statement()))
    assert f"{TRICKY_NAME} Storgata 1" in out


def test_fonts_are_embedded_dejavu() -> None:
    reader = PdfReader(io.BytesIO(render_statement(statement())))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    names = []
    for ref in fonts.values():
        font = ref.get_object()
        names.append(str(font["/BaseFont"]))
        descendant = (
            font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        )
        assert "/FontFile2" in descendant["/FontDescriptor"], f"{font['/BaseFont']} not embedded"
    assert any("DejaVuSans" in n for n in names)
    assert not any("Helvetica" in n for n in names)


def test_metadata_names_the_case_and_controller_but_not_the_person() -> None:
    reader = PdfReader(io.BytesIO(render_statement(statement())))
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Innsyn 2026-0001"
    assert meta.author == "LanoPro AS"
    for key, value in meta.items():
        if key in ("/CreationDate", "/ModDate"):
            # A timestamp (D:20261203160155...) may hold the digits of a postcode by chance.
            assert str(value).startswith("D:"), f"{key} is not a date: {value}"
            continue
        for personal in ("Nordmann", "Ola", "Storgata", "0155"):
            assert personal not in str(value), f"{key} carries personal data: {value}"
    assert reader.xmp_metadata is None

    meta_en = PdfReader(io.BytesIO(render_statement(statement("en")))).metadata
    assert meta_en is not None and meta_en.title == "Statement 2026-0001"


def test_appendix_holds_the_copy_of_the_data() -> None:
    texts = pages(render_statement(statement()))
    appendix = texts[-1]
    assert appendix.startswith("Vedlegg: Kopi av opplysningene")
    assert "System Kategori Opplysning" in appendix
    assert "CRM Company Ola <Nordmann> AS" in appendix
    assert "Accounting Invoice 2025-114 NOK 4 990, paid 14.02.2026" in appendix
    assert not any("Vedlegg" in page for page in texts[:-1])


def test_no_appendix_without_data_copy() -> None:
    out = text(render_statement(statement(data_copy=())))
    assert "Vedlegg" not in out
    assert "Den første kopien er gratis." in out
    assert "Ta kontakt med oss hvis du ønsker en kopi." in out


def test_long_data_copy_flows_over_pages() -> None:
    long_note = "Kunden ringte om reklamasjon. " * 400
    pdf = render_statement(statement(data_copy=(DataCopyItem("CRM", "Notes", long_note),)))
    texts = pages(pdf)
    assert len(texts) >= 4
    assert texts[-1].endswith(f"Side {len(texts)} av {len(texts)}")


@pytest.mark.parametrize("language", LANGUAGES)
def test_not_processed_says_so_and_keeps_rights_and_complaint(language: str) -> None:
    out = text(render_statement(statement(language, processed=False, sections=(), data_copy=())))
    plain, rights, complaint = {
        "nb": (
            "Vi har undersøkt systemene våre, og vi behandler ingen personopplysninger om deg.",
            "Du har rett til å be oss rette uriktige",
            "Du har rett til å klage til Datatilsynet",
        ),
        "en": (
            "We have searched our systems, and we do not process any personal data about you.",
            "You have the right to ask us to rectify",
            "You have the right to lodge a complaint with Datatilsynet",
        ),
    }[language]
    assert plain in out
    assert rights in out
    assert complaint in out and DATATILSYNET in out
    for absent in ("1. Provision", "Google", "Vedlegg", "Appendix", "31.12.2036"):
        assert absent not in out


@pytest.mark.parametrize(
    ("language", "note"),
    [("nb", "Behandlingen er begrenset."), ("en", "Processing is restricted.")],
)
def test_restricted_note(language: str, note: str) -> None:
    assert note in text(render_statement(statement(language, restricted=True)))
    assert note not in text(render_statement(statement(language, restricted=False)))


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="language"):
        render_statement(statement("se"))


# --- letters -------------------------------------------------------------------------------

LETTER_CONTENT: dict[tuple[str, str], list[str]] = {
    ("acknowledgement", "nb"): [
        "Vi har mottatt henvendelsen din",
        "Vi bekrefter at vi mottok henvendelsen din 02.03.2026.",
        "Henvendelsen gjelder innsyn i personopplysningene dine og sletting av opplysninger.",
        "senest 07.04.2026",
    ],
    ("acknowledgement", "en"): [
        "We have received your request",
        "received your request on 2 March 2026.",
        "Your request concerns access to your personal data and erasure of your data.",
        "at the latest by 7 April 2026",
    ],
    ("identification", "nb"): [
        "Vi trenger å bekrefte hvem du er",
        "Your customer number and the date of your last order",
        "Ikke send kopi av pass, førerkort, bankkort eller andre ID-dokumenter.",
        "art. 12 nr. 6",
        "Fristen vår for å svare deg er fortsatt 07.04.2026.",
    ],
    ("identification", "en"): [
        "We need to confirm your identity",
        "Your customer number and the date of your last order",
        "do not send copies of your passport",
        "Article 12(6)",
        "Our deadline for answering you is still 7 April 2026.",
    ],
    ("extension", "nb"): [
        "Vi trenger mer tid til å svare deg",
        "Den ordinære fristen for å svare er 07.04.2026.",
        "vi svarer deg senest 02.06.2026 (personvernforordningen art. 12 nr. 3)",
        "Begrunnelse: Requests from 14 group companies <all at once> & searches in 9 systems",
        "innen én måned etter at vi mottok henvendelsen",
    ],
    ("extension", "en"): [
        "We need more time to answer you",
        "we will answer you by 2 June 2026 at the latest (GDPR Article 12(3))",
        "Reasons: Requests from 14 group companies <all at once> & searches in 9 systems",
        "within one month of receiving your request",
    ],
    ("refusal", "nb"): [
        "Svar på henvendelsen din: avslag",
        "Begrunnelse: Requests from 14 group companies <all at once>",
        "Rettslig grunnlag: Etter personvernforordningen art. 12 nr. 5 bokstav b",
        "Personopplysningsloven § 16 gir enkelte unntak fra retten til innsyn",
        "Du har rett til å klage på avslaget til Datatilsynet, og du har rett til å bringe "
        "saken inn for domstolene (personvernforordningen art. 12 nr. 4",
    ],
    ("refusal", "en"): [
        "Your request: refusal",
        "Reasons: Requests from 14 group companies <all at once>",
        "Legal basis: Under GDPR Article 12(5)(b)",
        "lodge a complaint about this refusal with Datatilsynet, and the right to bring the "
        "matter before the courts (GDPR Article 12(4)",
    ],
    ("fee", "nb"): [
        "Gebyr for å behandle henvendelsen din",
        "Gebyret er 1 250 kr.",
        "åpenbart grunnløs eller urimelig, særlig fordi den gjentas",
        "art. 12 nr. 5 bokstav a",
        "Begrunnelse: Requests from 14 group companies",
    ],
    ("fee", "en"): [
        "Fee for handling your request",
        "The fee is NOK 1,250.",
        "manifestly unfounded or excessive, in particular because of its repetitive character",
        "Article 12(5)(a)",
        "Reasons: Requests from 14 group companies",
    ],
}

LETTER_TITLES = {
    "nb": {
        "acknowledgement": "Mottaksbekreftelse",
        "identification": "Bekreftelse av identitet",
        "extension": "Forlenget svarfrist",
        "refusal": "Avslag",
        "fee": "Gebyr",
    },
    "en": {
        "acknowledgement": "Acknowledgement",
        "identification": "Identification",
        "extension": "Extension",
        "refusal": "Refusal",
        "fee": "Fee notice",
    },
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", LETTER_KINDS)
def test_letter_says_what_it_must(kind: str, language: str) -> None:
    pdf = render_letter(letter(kind, language))
    out = text(pdf)
    common = {
        "nb": [
            "Dato: 04.03.2026",
            "Vår referanse: 2026-0002",
            "Side 1 av 1",
            "Med vennlig hilsen",
            "Du har rett til å klage til Datatilsynet",
        ],
        "en": [
            "Date: 4 March 2026",
            "Our reference: 2026-0002",
            "Page 1 of 1",
            "Yours sincerely",
            "You have the right to lodge a complaint with Datatilsynet",
        ],
    }[language]
    expected = [
        "LanoPro AS",
        f"{SAMI_NAME} Bákte 3 9520 Guovdageaidnu",
        DATATILSYNET,
        "Per Olsen",
        *common,
        *LETTER_CONTENT[(kind, language)],
    ]
    missing = [phrase for phrase in expected if phrase not in out]
    assert not missing, f"missing from the {kind} letter ({language}): {missing}"
    assert "{" not in out and "}" not in out

    meta = PdfReader(io.BytesIO(pdf)).metadata
    assert meta is not None
    assert meta.title == f"{LETTER_TITLES[language][kind]} 2026-0002"
    assert meta.author == "LanoPro AS"
    assert not any("Ŋuolga" in str(v) or "Áile" in str(v) for v in meta.values())


def test_letter_leaves_out_what_was_asked_when_nothing_is_recorded() -> None:
    out = text(render_letter(letter("acknowledgement", requested_types=())))
    assert "Henvendelsen gjelder" not in out
    assert "Vi bekrefter at vi mottok henvendelsen din 02.03.2026." in out


@pytest.mark.parametrize(
    ("kind", "changes", "message"),
    [
        ("extension", {"new_due": None}, "new due date"),
        ("extension", {"new_due": dt.date(2026, 4, 1)}, "after the original"),
        ("extension", {"reasons": "  "}, "reasons"),
        ("extension", {"date": dt.date(2026, 4, 8)}, "within the first month"),
        ("refusal", {"reasons": ""}, "reasons"),
        ("fee", {"fee_amount": None}, "fee_amount"),
        ("fee", {"fee_amount": 0}, "fee_amount"),
        ("identification", {"identification_needed": ""}, "what is needed"),
        ("reminder", {}, "unknown letter kind"),
        ("acknowledgement", {"language": "de"}, "language"),
    ],
)
def test_incomplete_letters_are_refused(
    kind: str, changes: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        render_letter(letter(kind, **changes))


# --- a batch -------------------------------------------------------------------------------


def test_combined_restarts_numbering_per_statement() -> None:
    batch = [
        statement("nb"),
        statement(
            "nb",
            reference="2026-0002",
            addressee=Addressee(SAMI_NAME, "Bákte 3\n9520 Guovdageaidnu"),
            processed=False,
            sections=(),
            data_copy=(),
        ),
        statement("en", reference="2026-0003", data_copy=()),
        statement("nb", reference="2026-0004", sections=(PROVISION,), data_copy=DATA_COPY[:1]),
    ]
    counts = [len(pages(render_statement(s))) for s in batch]
    pdf = render_combined(batch)
    texts = pages(pdf)
    assert len(texts) == sum(counts)

    labels = [re.search(r"(?:Side|Page) (\d+) (?:av|of) (\d+)", page) for page in texts]
    assert all(labels)
    found = [(int(m.group(1)), int(m.group(2))) for m in labels if m]
    wanted = [(page, count) for count in counts for page in range(1, count + 1)]
    assert found == wanted
    assert sum(page.count("Side 1 av") for page in texts) == 3  # the three nb statements
    assert sum(page.count("Page 1 of") for page in texts) == 1

    # each statement starts on its own page with its own letterhead and addressee
    starts = [sum(counts[:i]) for i in range(len(counts))]
    assert "Vår referanse: 2026-0001" in texts[starts[0]] and TRICKY_NAME in texts[starts[0]]
    assert "Vår referanse: 2026-0002" in texts[starts[1]] and SAMI_NAME in texts[starts[1]]
    assert "Our reference: 2026-0003" in texts[starts[2]]
    assert "Vår referanse: 2026-0004" in texts[starts[3]]

    meta = PdfReader(io.BytesIO(pdf)).metadata
    assert meta is not None
    assert meta.title == "Innsyn 2026-0001–2026-0004"
    assert meta.author == "LanoPro AS"
    assert not any(n in str(v) for v in meta.values() for n in ("Nordmann", "Ŋuolga"))


def test_combined_needs_statements() -> None:
    with pytest.raises(ValueError):
        render_combined([])


# --- the template files --------------------------------------------------------------------


def _flatten(node: object, prefix: str = "") -> dict[str, object]:
    if isinstance(node, dict):
        out: dict[str, object] = {}
        for key, value in node.items():
            out.update(_flatten(value, f"{prefix}{key}."))
        return out
    return {prefix.rstrip("."): node}


def _fields(value: object) -> set[str]:
    texts = value if isinstance(value, list) else [value]
    return {
        f for t in texts if isinstance(t, str) for _, f, _, _ in string.Formatter().parse(t) if f
    }


def test_templates_match_across_languages() -> None:
    folder = resources_dir() / "letters"
    loaded = {
        lang: _flatten(json.loads((folder / f"{lang}.json").read_text(encoding="utf-8")))
        for lang in LANGUAGES
    }
    nb, en = loaded["nb"], loaded["en"]
    assert nb.keys() == en.keys()
    for key in nb:
        if key.startswith(("_about", "meta.")):
            continue
        assert _fields(nb[key]) == _fields(en[key]), key
        if isinstance(nb[key], list):
            assert isinstance(en[key], list) and len(nb[key]) == len(en[key]), key  # type: ignore[arg-type]
    for kind in LETTER_KINDS:
        assert f"letters.{kind}.title" in nb


def test_rendering_is_stable() -> None:
    data = statement()
    assert pages(render_statement(data)) == pages(render_statement(data))


@pytest.mark.parametrize(
    ("language", "unknown", "law"),
    [
        ("nb", "datoen er ikke kjent ennå", "lagres så lenge loven krever det"),
        ("en", "the date is not known yet", "kept for as long as the law requires"),
    ],
)
def test_a_retention_date_not_yet_known_is_not_called_statutory(
    language: str, unknown: str, law: str
) -> None:
    section = dataclasses.replace(
        PROVISION,
        retention=(
            RetentionLine(
                applies_to="Other personal data",
                rule_text="3 years after the last purchase",
                legal_reference="",
                keep_until=None,
                criteria="",
                date_unknown=True,
            ),
        ),
    )
    body = re.sub(r"\s+", " ", text(render_statement(statement(language, sections=(section,)))))
    assert unknown in body
    assert law not in body
