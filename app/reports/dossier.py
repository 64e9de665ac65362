"""The case dossier: how one request was handled, for Datatilsynet."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from app.core import messages
from app.core.event_text import event_text, kind_label
from app.reports.pdfbase import CONTENT_WIDTH, FONT, RULE, SHADE, Part, build_pdf, styles

# A cell: plain text as stored, or a value read in the dossier's language (a Message, an enum
# member, a date, a document kind; a tuple of them is one cell, its parts on lines of their own).
Cell = Any


def cell_text(value: Cell, lang: str) -> str:
    if isinstance(value, tuple):
        return "\n".join(cell_text(v, lang) for v in value)
    return messages.value_text(value, lang)


@dataclass(frozen=True)
class DossierData:
    reference: str
    controller: str
    subject_name: str
    subject_pseudonym: str
    types: tuple[Cell, ...]
    channel: Cell
    received_at: str  # Oslo time, as shown
    due: dt.date
    status: Cell
    intake: tuple[tuple[Cell, Cell], ...]  # label, text (call notes or the e-mail)
    identity: tuple[tuple[Cell, Cell], ...]
    searches: tuple[tuple[Cell, Cell, Cell, Cell], ...]  # system, searched on, found, categories
    decisions: tuple[tuple[Cell, Cell], ...]  # what, reasons and legal basis
    documents: tuple[tuple[Cell, Cell, Cell, Cell], ...]  # file, created, sent, sha256
    notices: tuple[tuple[Cell, Cell, Cell], ...]  # recipient, status/date/method, reason
    # time, user, kind, detail, parameters: rendered in the dossier's language
    timeline: tuple[tuple[str, str, str, str, Mapping[str, Any] | None], ...]


_L = {
    "en": {
        "title": "Case dossier", "case": "Case", "subject": "Data subject", "types": "Request",
        "channel": "Channel", "received": "Received", "due": "Due", "status": "Status",
        "intake": "Intake record", "identity": "Identity check", "searches": "Systems searched",
        "decisions": "Decisions, reasons and legal bases", "documents": "Documents",
        "notices": "Notices to recipients (Art. 19)", "timeline": "Timeline", "none": "None.",
        "system": "System", "searched": "Searched", "found": "Found", "cats": "Categories",
        "file": "File", "created": "Created", "sent": "Sent", "recipient": "Recipient",
        "state": "Status", "reason": "Reason", "time": "Time", "user": "User", "kind": "Event",
        "detail": "Detail", "page": "Page {page} of {pages}",
    },
    "nb": {
        "title": "Saksmappe", "case": "Sak", "subject": "Den registrerte", "types": "Krav",
        "channel": "Kanal", "received": "Mottatt", "due": "Frist", "status": "Status",
        "intake": "Mottak", "identity": "Identitetskontroll", "searches": "Systemer søkt i",
        "decisions": "Beslutninger, begrunnelser og rettslig grunnlag", "documents": "Dokumenter",
        "notices": "Varsler til mottakere (art. 19)", "timeline": "Tidslinje", "none": "Ingen.",
        "system": "System", "searched": "Søkt", "found": "Funnet", "cats": "Kategorier",
        "file": "Fil", "created": "Laget", "sent": "Sendt", "recipient": "Mottaker",
        "state": "Status", "reason": "Begrunnelse", "time": "Tid", "user": "Bruker",
        "kind": "Hendelse", "detail": "Detalj", "page": "Side {page} av {pages}",
    },
}  # fmt: skip


def _p(text: str, style: object) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _table(
    header: list[str], rows: Sequence[tuple[Cell, ...]], widths: list[float], lang: str
) -> Table:
    st = styles()
    data = [[_p(h, st.label) for h in header]]
    data += [[_p(cell_text(c, lang), st.cell) for c in r] for r in rows]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("GRID", (0, 0), (-1, -1), 0.4, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TEXTCOLOR", (0, 0), (-1, -1), colors.black),
            ]
        )
    )
    return table


def render_dossier(data: DossierData, *, lang: str = "en") -> bytes:
    if lang not in _L:
        raise ValueError(f"unknown language {lang!r}")
    w = _L[lang]
    st = styles()
    story: list[Flowable] = [_p(f"{w['title']} {data.reference}", st.heading), Spacer(1, 6)]
    facts = [
        (w["case"], data.reference),
        (w["subject"], f"{data.subject_name} ({data.subject_pseudonym})"),
        (w["types"], list(data.types)),
        (w["channel"], data.channel),
        (w["received"], data.received_at),
        (w["due"], data.due),
        (w["status"], data.status),
    ]
    story.append(_table(["", ""], facts, [CONTENT_WIDTH * 0.25, CONTENT_WIDTH * 0.75], lang))

    def section(title: str, flowable: Flowable | None) -> None:
        story.extend([Spacer(1, 10), _p(title, st.section)])
        story.append(flowable if flowable is not None else _p(w["none"], st.body))

    two = [CONTENT_WIDTH * 0.25, CONTENT_WIDTH * 0.75]
    section(w["intake"], _table(["", ""], list(data.intake), two, lang) if data.intake else None)
    section(
        w["identity"], _table(["", ""], list(data.identity), two, lang) if data.identity else None
    )
    section(
        w["searches"],
        _table(
            [w["system"], w["searched"], w["found"], w["cats"]],
            list(data.searches),
            [CONTENT_WIDTH * f for f in (0.3, 0.15, 0.12, 0.43)],
            lang,
        )  # fmt: skip
        if data.searches
        else None,
    )
    section(
        w["decisions"],
        _table(["", ""], list(data.decisions), two, lang) if data.decisions else None,
    )
    section(
        w["documents"],
        _table(
            [w["file"], w["created"], w["sent"], "SHA-256"],
            list(data.documents),
            [CONTENT_WIDTH * f for f in (0.3, 0.14, 0.2, 0.36)],
            lang,
        )  # fmt: skip
        if data.documents
        else None,
    )
    section(
        w["notices"],
        _table(
            [w["recipient"], w["state"], w["reason"]],
            list(data.notices),
            [CONTENT_WIDTH * f for f in (0.35, 0.3, 0.35)],
            lang,
        )  # fmt: skip
        if data.notices
        else None,
    )
    section(
        w["timeline"],
        _table(
            [w["time"], w["user"], w["kind"], w["detail"]],
            [
                (at, user, kind_label(kind, lang), event_text(kind, params, detail, lang))
                for at, user, kind, detail, params in data.timeline
            ],
            [CONTENT_WIDTH * f for f in (0.18, 0.12, 0.16, 0.54)],
            lang,
        )  # fmt: skip
        if data.timeline
        else None,
    )
    part = Part(page_label=w["page"], footer=f"{data.controller} · {data.reference}")
    return build_pdf(
        [(part, story)], title=f"{w['title']} {data.reference}", author=data.controller,
        language=lang,
    )  # fmt: skip
