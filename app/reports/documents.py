"""Statements (GDPR Art. 15) and letters (Art. 12) as PDF, from plain data.

The wording lives in `resources/letters/<language>.json`; this module decides what goes where.
Everything the officer or the register supplies is escaped before it meets ReportLab's
paragraph parser (see `wording.markup`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.reports.pdfbase import CONTENT_WIDTH, FONT, RULE, SHADE, Part, build_pdf, styles
from app.reports.wording import LANGUAGES, Markup, Wording, markup, wording

LETTER_KINDS: tuple[str, ...] = ("acknowledgement", "identification", "extension", "refusal", "fee")
# Answers to the rights of Art. 16-21, and the Art. 19 notice to a recipient.
RIGHTS_LETTER_KINDS: tuple[str, ...] = (
    "rectification-confirmation",
    "erasure-confirmation",
    "restriction-confirmation",
    "restriction-lift-notice",
    "objection-confirmation",
    "recipient-notice",
)
ALL_LETTER_KINDS: tuple[str, ...] = LETTER_KINDS + RIGHTS_LETTER_KINDS


@dataclass(frozen=True, slots=True)
class Controller:
    legal_name: str
    organisation_number: str
    address: str  # may span lines
    email: str
    phone: str
    officer_name: str


@dataclass(frozen=True, slots=True)
class Addressee:
    name: str
    postal_address: str  # may span lines


@dataclass(frozen=True, slots=True)
class RecipientLine:
    name: str  # the actual recipient (CJEU C-154/21), not a category
    role: str
    country: str


@dataclass(frozen=True, slots=True)
class RetentionLine:
    applies_to: str
    rule_text: str
    legal_reference: str
    keep_until: dt.date | None  # None: "as required by law", and `criteria` says how long
    criteria: str
    # No date because what it runs from is not known yet (no purchase on record, say): then
    # the statement says so instead of "as long as the law requires".
    date_unknown: bool = False


@dataclass(frozen=True, slots=True)
class KeptLine:
    """Data kept after an erasure (Art. 17(3)): what, on which ground, until when."""

    applies_to: str
    reason: str
    until: dt.date | None  # None: as long as the law requires


@dataclass(frozen=True, slots=True)
class PurposeSection:
    activity_name: str
    purpose: str
    legal_basis_text: str
    categories_held: tuple[str, ...]
    recipients: tuple[RecipientLine, ...]
    source: str
    source_is_subject: bool
    retention: tuple[RetentionLine, ...]
    transfers: str  # outside the EEA and the safeguard; empty when there are none


@dataclass(frozen=True, slots=True)
class DataCopyItem:
    system: str
    category: str
    value: str


@dataclass(frozen=True, slots=True)
class StatementData:
    controller: Controller
    addressee: Addressee
    reference: str
    date: dt.date
    language: str  # "nb" | "en"
    processed: bool
    sections: tuple[PurposeSection, ...]
    data_copy: tuple[DataCopyItem, ...]
    restricted: bool
    officer_name: str


@dataclass(frozen=True, slots=True)
class LetterData:
    kind: str  # one of LETTER_KINDS
    controller: Controller
    addressee: Addressee
    reference: str
    date: dt.date
    language: str  # "nb" | "en"
    received: dt.date
    due: dt.date
    new_due: dt.date | None  # extension notice only
    reasons: str  # extension, refusal, fee
    fee_amount: int | None  # fee notice only, whole kroner
    requested_types: tuple[str, ...]  # RequestType values: "access", "erasure", ...
    identification_needed: str  # identification request only
    officer_name: str
    # The rights letters (RIGHTS_LETTER_KINDS); the older kinds leave them at their defaults.
    items: tuple[tuple[str, str], ...] = ()  # (label, value): what was corrected, erased...
    kept: tuple[KeptLine, ...] = ()  # erasure: what is kept, why and until when
    backup_expiry: dt.date | None = None  # erasure: when the last backup holding data expires
    recipients: tuple[RecipientLine, ...] = ()  # named when the person asked who they are
    effective: dt.date | None = None  # when it took or takes effect (erased, lifted, stopped)
    concerning: str = ""  # recipient notice: whom it is about (as little as identifies)


# --- public API ------------------------------------------------------------------------


def render_statement(data: StatementData) -> bytes:
    words = wording(data.language)
    return build_pdf(
        [_statement_part(data, words)],
        title=f"{words.text('statement.title')} {data.reference}",
        author=data.controller.legal_name,
        language=data.language,
    )


def render_combined(statements: Sequence[StatementData]) -> bytes:
    """One PDF for printing a batch; each statement starts on a new page and numbers its
    own pages ("Side 1 av 2" for every person)."""
    if not statements:
        raise ValueError("no statements to combine")
    first = statements[0]
    words = wording(first.language)
    last = statements[-1]
    references = f"{first.reference}–{last.reference}" if len(statements) > 1 else first.reference
    authors = list(dict.fromkeys(s.controller.legal_name for s in statements))
    return build_pdf(
        [_statement_part(s, wording(s.language)) for s in statements],
        title=f"{words.text('statement.title')} {references}",
        author="; ".join(authors),
        language=first.language,
    )


def render_letter(data: LetterData) -> bytes:
    _check_letter(data)
    words = wording(data.language)
    return build_pdf(
        [_letter_part(data, words)],
        title=f"{words.text(f'letters.{data.kind}.title')} {data.reference}",
        author=data.controller.legal_name,
        language=data.language,
    )


# --- shared pieces -------------------------------------------------------------------------


def _part(words: Wording, controller: Controller, reference: str) -> Part:
    footer = words.text("common.footer").format(
        legal_name=controller.legal_name, reference=reference
    )
    return Part(page_label=words.text("common.page"), footer=footer)


def _letterhead(
    words: Wording, controller: Controller, addressee: Addressee, reference: str, day: dt.date
) -> list[Flowable]:
    st = styles()
    contact = [
        words.fill("common.email", email=controller.email) if controller.email else "",
        words.fill("common.phone", phone=controller.phone) if controller.phone else "",
    ]
    left: list[Flowable] = [Paragraph(markup(controller.legal_name), st.letterhead_name)]
    lines = [
        words.fill("common.org_no", number=controller.organisation_number)
        if controller.organisation_number
        else "",
        markup(controller.address),
        " · ".join(c for c in contact if c),
    ]
    left.extend(Paragraph(line, st.letterhead) for line in lines if line)
    right = [
        Paragraph(words.fill("common.date", date=words.date(day)), st.letterhead_right),
        Paragraph(words.fill("common.our_reference", reference=reference), st.letterhead_right),
    ]
    head = Table(
        [[left, right]],
        colWidths=[CONTENT_WIDTH * 0.62, CONTENT_WIDTH * 0.38],
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), FONT),  # not the Helvetica default
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, RULE),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        ),
    )
    address = Markup(
        "<br/>".join(m for m in (markup(addressee.name), markup(addressee.postal_address)) if m)
    )
    return [head, Spacer(1, 12 * mm), Paragraph(address, st.address), Spacer(1, 12 * mm)]


def _closing(words: Wording, controller: Controller, officer_name: str) -> list[Flowable]:
    st = styles()
    signer = officer_name or controller.officer_name
    return [
        KeepTogether(
            [
                Spacer(1, 4 * mm),
                Paragraph(words.fill("common.closing"), st.body),
                Spacer(1, 12 * mm),
                HRFlowable(
                    width=60 * mm, thickness=0.6, color="black", hAlign="LEFT", spaceAfter=3
                ),
                Paragraph(markup(signer), st.address),
                Paragraph(
                    words.fill("common.signature", legal_name=controller.legal_name), st.address
                ),
            ]
        )
    ]


def _contact(words: Wording, controller: Controller, reference: str) -> list[Flowable]:
    channels = [
        words.fill("common.contact_email", email=controller.email) if controller.email else "",
        words.fill("common.contact_phone", phone=_unbroken(controller.phone))
        if controller.phone
        else "",
    ]
    if not any(channels):
        return []
    text = words.fill(
        "common.contact",
        channels=Markup(words.join(channels, conjunction="or")),
        reference=reference,
    )
    return [Paragraph(text, styles().body)]


def _unbroken(text: str) -> str:
    """A phone number or an amount is not split across lines."""
    return text.replace(" ", "\u00a0")


def _complaint(words: Wording) -> Paragraph:
    return Paragraph(words.fill("common.complaint"), styles().body)


# --- statements ----------------------------------------------------------------------------


def _statement_part(data: StatementData, words: Wording) -> tuple[Part, list[Flowable]]:
    st = styles()
    story = _letterhead(words, data.controller, data.addressee, data.reference, data.date)
    story.append(Paragraph(words.fill("statement.heading"), st.heading))
    story.append(Paragraph(words.fill("statement.intro"), st.body))
    if data.processed:
        story.append(Paragraph(words.fill("statement.processed"), st.body))
    else:
        story.append(Paragraph(words.fill("statement.not_processed"), st.body))
    if data.restricted:
        story.append(Paragraph(words.fill("statement.restricted"), st.notice))

    if data.processed:
        for number, section in enumerate(data.sections, start=1):
            story.extend(_purpose_section(words, number, section))
        story.append(Paragraph(words.fill("statement.automated_heading"), st.subheading))
        story.append(Paragraph(words.fill("statement.automated"), st.body))

    story.append(Paragraph(words.fill("statement.rights_heading"), st.subheading))
    story.append(Paragraph(words.fill("statement.rights"), st.body))

    if data.processed:
        story.append(Paragraph(words.fill("statement.copy_heading"), st.subheading))
        follow = "statement.copy_attached" if data.data_copy else "statement.copy_on_request"
        copy_text = Markup(f"{words.fill('statement.copy_free')} {words.fill(follow)}")
        story.append(Paragraph(copy_text, st.body))

    story.append(Paragraph(words.fill("common.complaint_heading"), st.subheading))
    story.append(_complaint(words))
    story.extend(_contact(words, data.controller, data.reference))
    story.extend(_closing(words, data.controller, data.officer_name))

    if data.processed and data.data_copy:
        story.append(PageBreak())
        story.extend(_appendix(words, data))
    return _part(words, data.controller, data.reference), story


def _purpose_section(words: Wording, number: int, section: PurposeSection) -> list[Flowable]:
    st = styles()
    heading = words.fill(
        "statement.section_heading", number=str(number), activity=section.activity_name
    )

    def bullets(items: Sequence[str]) -> Markup:
        if len(items) == 1:
            return markup(items[0])
        return Markup("<br/>".join(f"• {markup(item)}" for item in items))

    categories = (
        bullets(section.categories_held)
        if section.categories_held
        else words.fill("statement.no_categories")
    )
    recipients = (
        bullets([_recipient_text(r) for r in section.recipients])
        if section.recipients
        else words.fill("statement.no_recipients")
    )
    if section.source_is_subject or not section.source.strip():
        source = words.fill("statement.source_subject")
    else:
        source = words.fill("statement.source_other", source=section.source)
    transfers = (
        markup(section.transfers)
        if section.transfers.strip()
        else words.fill("statement.no_transfers")
    )
    rows: list[tuple[str, Markup]] = [
        ("statement.purpose", markup(section.purpose)),
        ("statement.legal_basis", markup(section.legal_basis_text)),
        ("statement.categories", categories),
        ("statement.recipients", recipients),
        ("statement.source", source),
    ]
    if section.retention:
        rows.append(
            (
                "statement.retention",
                Markup("<br/>".join(_retention_text(words, r) for r in section.retention)),
            )
        )
    rows.append(("statement.transfers", transfers))
    table = Table(
        [
            [Paragraph(words.fill(label), st.label), Paragraph(value, st.cell)]
            for label, value in rows
        ],
        colWidths=[44 * mm, CONTENT_WIDTH - 44 * mm],
        style=_FACTS_STYLE,
        splitInRow=1,
    )
    return [Paragraph(heading, st.section), table]


_FACTS_STYLE = TableStyle(
    [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # not the Helvetica default
        ("BACKGROUND", (0, 0), (0, -1), SHADE),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("LINEABOVE", (0, 0), (-1, 0), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
)


def _recipient_text(recipient: RecipientLine) -> str:
    text = recipient.name
    if recipient.role:
        text += f" – {recipient.role}"
    if recipient.country:
        text += f" ({recipient.country})"
    return text


def _retention_text(words: Wording, line: RetentionLine) -> Markup:
    """The rule, the concrete date, and the law it rests on: "Regnskap: 5 år etter
    regnskapsårets slutt – lagres til 31.12.2036, bokføringsloven § 13." """
    if line.keep_until is not None:
        keep = words.fill("statement.retention_until", date=words.date(line.keep_until))
    elif line.date_unknown:
        keep = words.fill("statement.retention_unknown")
    else:
        keep = words.fill("statement.retention_law")
    if line.legal_reference:
        keep = Markup(f"{keep}, {markup(line.legal_reference)}")
    head = ": ".join(markup(t) for t in (line.applies_to, line.rule_text) if t)
    text = f"{head} – {keep}." if head else f"{keep[:1].upper()}{keep[1:]}."
    criteria = line.criteria.strip()
    if line.keep_until is None and criteria and not line.date_unknown:
        if not criteria.endswith((".", "!", "?")):
            criteria += "."
        text += " " + words.fill("statement.retention_criteria", criteria=criteria)
    return Markup(text)


def _appendix(words: Wording, data: StatementData) -> list[Flowable]:
    st = styles()
    header = [
        Paragraph(words.fill(f"statement.appendix_{col}"), st.label)
        for col in ("system", "category", "value")
    ]
    rows = [
        [
            Paragraph(markup(item.system), st.cell),
            Paragraph(markup(item.category), st.cell),
            Paragraph(markup(item.value), st.cell),
        ]
        for item in data.data_copy
    ]
    table = Table(
        [header, *rows],
        colWidths=[34 * mm, 46 * mm, CONTENT_WIDTH - 80 * mm],
        repeatRows=1,
        splitInRow=1,
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), FONT),  # not the Helvetica default
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        ),
    )
    return [
        Paragraph(words.fill("statement.appendix_heading"), st.heading),
        Paragraph(words.fill("statement.appendix_intro", date=words.date(data.date)), st.body),
        table,
    ]


# --- letters -------------------------------------------------------------------------------


def _check_letter(data: LetterData) -> None:
    if data.language not in LANGUAGES:
        raise ValueError(f"no letter templates for language {data.language!r}")
    if data.kind not in ALL_LETTER_KINDS:
        raise ValueError(f"unknown letter kind {data.kind!r}; expected one of {ALL_LETTER_KINDS}")
    if data.kind == "extension" and data.new_due is None:
        raise ValueError("an extension notice needs the new due date (new_due)")
    if data.kind == "extension" and data.new_due is not None and data.new_due <= data.due:
        raise ValueError("the new due date of an extension must be after the original one")
    if data.kind == "extension" and data.date > data.due:
        # Art. 12(3): the person is told within the first month; the letter says it was.
        raise ValueError("an extension notice must be sent within the first month (by due)")
    if data.kind == "fee" and (data.fee_amount is None or data.fee_amount <= 0):
        raise ValueError("a fee notice needs a positive fee_amount")
    if data.kind in ("extension", "refusal", "fee") and not data.reasons.strip():
        # Art. 12(3)-(5): the person is owed the reasons; a letter without them is wrong.
        raise ValueError(f"a {data.kind} letter must give the reasons")
    if data.kind == "identification" and not data.identification_needed.strip():
        raise ValueError("an identification request must say what is needed")
    if data.kind == "rectification-confirmation" and not data.items:
        raise ValueError("a rectification confirmation must say what was corrected (items)")
    if data.kind == "erasure-confirmation" and not (data.items or data.kept):
        raise ValueError("an erasure confirmation must say what was erased or kept")
    if data.kind == "erasure-confirmation" and data.effective is None:
        raise ValueError("an erasure confirmation needs the date of the erasure (effective)")
    if data.kind == "restriction-lift-notice" and data.effective is None:
        raise ValueError("a notice of lifting needs the date it is lifted (effective)")
    if data.kind == "objection-confirmation" and data.effective is None:
        raise ValueError("an objection confirmation needs the date processing stopped")
    if data.kind == "recipient-notice":
        if not data.concerning.strip():
            raise ValueError("a notice to a recipient must say whom it concerns")
        if not set(data.requested_types) & {"rectification", "erasure", "restriction"}:
            raise ValueError("a notice to a recipient must say what changed (requested_types)")


def _letter_part(data: LetterData, words: Wording) -> tuple[Part, list[Flowable]]:
    st = styles()
    values: dict[str, str] = {
        "received": words.date(data.received),
        "due": words.date(data.due),
        "reference": data.reference,
        "new_due": words.date(data.new_due) if data.new_due else "",
        "reasons": data.reasons.strip(),
        "amount": words.amount(data.fee_amount) if data.fee_amount is not None else "",
        "requested": words.request_types(data.requested_types),
        "identification_needed": data.identification_needed.strip(),
        "effective": words.date(data.effective) if data.effective else "",
        "backup_expiry": words.date(data.backup_expiry) if data.backup_expiry else "",
        "concerning": data.concerning.strip(),
        "changes": words.join(
            words.text(f"rights.changes.{t}")
            for t in data.requested_types
            if t in ("rectification", "erasure", "restriction")
        ),
    }
    story = _letterhead(words, data.controller, data.addressee, data.reference, data.date)
    story.append(Paragraph(words.fill(f"letters.{data.kind}.heading"), st.heading))
    for text in words.paragraphs(f"letters.{data.kind}.body", values):
        story.append(Paragraph(text, st.body))
    if data.kind in RIGHTS_LETTER_KINDS:
        story.extend(_rights_sections(data, words, values))
    if data.kind != "recipient-notice":  # the complaint is the person's right, not a recipient's
        story.append(_complaint(words))
    story.extend(_contact(words, data.controller, data.reference))
    story.extend(_closing(words, data.controller, data.officer_name))
    return _part(words, data.controller, data.reference), story


def _rights_sections(data: LetterData, words: Wording, values: dict[str, str]) -> list[Flowable]:
    """What a rights letter lists: the items (corrected, erased, restricted), what is kept and
    why, the paragraphs after them, and the recipients where the person asked who they are."""
    st = styles()
    story: list[Flowable] = []
    if data.items:
        story.append(Paragraph(words.fill(f"letters.{data.kind}.items_heading"), st.subheading))
        story.append(
            Table(
                [
                    [Paragraph(markup(label), st.label), Paragraph(markup(value), st.cell)]
                    for label, value in data.items
                ],
                colWidths=[60 * mm, CONTENT_WIDTH - 60 * mm],
                style=_FACTS_STYLE,
                splitInRow=1,
            )
        )
    if data.kept:
        story.append(Paragraph(words.fill("rights.kept_heading"), st.subheading))
        story.append(Paragraph(words.fill("rights.kept_intro"), st.body))
        lines = []
        for line in data.kept:
            until = (
                words.fill("rights.kept_until", date=words.date(line.until))
                if line.until is not None
                else words.fill("rights.kept_law")
            )
            lines.append(f"• {markup(line.applies_to)}: {until} ({markup(line.reason)})")
        story.append(Paragraph(Markup("<br/>".join(lines)), st.body))
    for text in words.paragraphs(f"letters.{data.kind}.after", values):
        story.append(Paragraph(text, st.body))
    if data.recipients:
        story.append(Paragraph(words.fill("rights.recipients_heading"), st.subheading))
        story.append(Paragraph(words.fill("rights.recipients_intro"), st.body))
        story.append(
            Paragraph(
                Markup("<br/>".join(f"• {markup(_recipient_text(r))}" for r in data.recipients)),
                st.body,
            )
        )
    return story
