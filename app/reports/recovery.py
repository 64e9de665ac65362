"""The recovery sheet: the database key on paper, to print and keep in a safe."""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape

from reportlab.platypus import Paragraph, Spacer

from app.reports.pdfbase import Part, build_pdf, styles


def render_recovery_sheet(
    *, recovery_key: str, database_name: str, database_id: str, controller: str, created: dt.date
) -> bytes:
    st = styles()
    key_style = st.heading.clone("recovery-key", fontSize=15, leading=24)
    groups = recovery_key.split("-")
    lines = ["  ".join(groups[i : i + 4]) for i in range(0, len(groups), 4)]
    story = [
        Paragraph("Innsyn — gjenopprettingsnøkkel / recovery key", st.heading),
        Spacer(1, 8),
        Paragraph(
            f"Database: <b>{escape(database_name)}</b> (id {escape(database_id[:8])}), "
            f"{escape(controller)}, {created:%d.%m.%Y}",
            st.body,
        ),
        Spacer(1, 12),
        *[Paragraph(escape(line), key_style) for line in lines],
        Spacer(1, 12),
        Paragraph(
            "Oppbevar arket i safen. Med denne nøkkelen kan databasen og sikkerhetskopiene "
            "åpnes på en annen datamaskin: tast den inn når Innsyn ber om gjenopprettingsnøkkel. "
            "Uten nøkkelen kan ingen lese dem.",
            st.body,
        ),
        Paragraph(
            "Keep this sheet in a safe. With this key the database and its backups can be "
            "opened on another computer: type it when Innsyn asks for the recovery key. "
            "Without the key nobody can read them.",
            st.body,
        ),
    ]
    part = Part(page_label="{page}/{pages}", footer="Innsyn")
    return build_pdf([(part, story)], title="Innsyn recovery key", author=controller, language="nb")
