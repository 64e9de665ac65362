"""Benchmark: statements as PDF.

Times, in the same run:

1. one Art. 15 statement: `render_statement` (our layout: letterhead, numbered pages per
   part, facts tables, the appendix with the copy of the data) against a bare ReportLab
   Platypus document with the same text, the same font (DejaVu Sans) and plain tables
   (target: at most 1.3x);
2. the annual statements for N people (default 1,000): `run_annual_batch` with 2 worker
   processes against the same batch rendered in this one process (target: at least 1.6x
   faster).

Prints a table. Not part of the test suite:

    .venv/bin/python bench/bench_statements.py [--people 1000] [--repeat 30] [--batch-repeat 2]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _isolate(tmp: Path) -> None:
    """The benchmark's own data folder and keyring: never the officer's."""
    os.environ["INNSYN_DATA_DIR"] = str(tmp / "data")
    import keyring
    from keyrings.alt.file import PlaintextKeyring

    ring = PlaintextKeyring()
    ring.file_path = str(tmp / "keyring.cfg")  # type: ignore[misc]
    keyring.set_keyring(ring)


def _timed(fn, repeat: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Median wall time and median CPU time of this process (the CPU time does not grow when
    other programs share the machine)."""
    fn()  # warm-up: fonts registered, modules imported
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def _statement_case(db):  # type: ignore[no-untyped-def]
    """A realistic access case: ERP data found with values, CRM nothing, e-mail archive
    correspondence found."""
    from zoneinfo import ZoneInfo

    from app.core.model import Channel, RequestType, Role
    from app.services import cases, findings, register
    from app.services.dto import RequestInput
    from app.services.register import ControllerProfile
    from app.store.models import Subject

    register.save_controller(
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
    day = cases.today_oslo() - dt.timedelta(days=3)
    logged = cases.log_request(
        db,
        RequestInput(
            channel=Channel.PHONE,
            types=(RequestType.ACCESS,),
            name="Ola <b>Nordmann & Sønn",
            received_at=dt.datetime(
                day.year, day.month, day.day, 10, tzinfo=ZoneInfo("Europe/Oslo")
            ),
            phone="+47 91 23 45 67",
            address="Storgata 1\n0155 Oslo",
            roles=(Role.CUSTOMER,),
        ),
    )
    with db.session() as s:
        subject = s.get(Subject, logged.subject_id)
        subject.last_purchase = dt.date(2026, 3, 15)
    systems = {x.code: x.id for x in register.list_systems(db)}
    today = cases.today_oslo()
    findings.record_finding(
        db,
        logged.reference,
        systems["erp"],
        searched_on=today,
        found=True,
        categories=("Invoices and payments", "Orders and purchase history"),
        notes="\n".join(f"Faktura 2026-{n:03d}: kr {n * 37} 990, betalt" for n in range(1, 13)),
    )
    findings.record_finding(db, logged.reference, systems["crm"], searched_on=today, found=False)
    findings.record_finding(
        db,
        logged.reference,
        systems["email-archive"],
        searched_on=today,
        found=True,
        categories=("Correspondence",),
        notes="E-post 12.02.2026: spørsmål om levering\nE-post 03.03.2026: reklamasjon",
    )
    return logged.reference


def _bare_platypus(data) -> bytes:  # type: ignore[no-untyped-def]
    """The same content in a plain Platypus document: the same words and fonts (DejaVu Sans,
    headings and labels in its bold face, as ours), the same footer line on every page with
    a plain page number; paragraphs and simple tables, no letterhead table, no per-part
    page count, no templates."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table

    from app.reports.pdfbase import FONT, FONT_BOLD, register_fonts
    from app.reports.wording import wording

    register_fonts()
    words = wording(data.language)
    body = ParagraphStyle("b", fontName=FONT, fontSize=10, leading=14)
    head = ParagraphStyle("h", fontName=FONT_BOLD, fontSize=14, leading=18)
    cell = ParagraphStyle("c", fontName=FONT, fontSize=9, leading=12)
    label = ParagraphStyle("l", fontName=FONT_BOLD, fontSize=9, leading=12)

    def p(text: str, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(escape(text).replace("\n", "<br/>"), style)

    c = data.controller
    story = [
        p(c.legal_name, head),
        p(f"{c.organisation_number}\n{c.address}\n{c.email} · {c.phone}"),
        p(f"{words.date(data.date)} {data.reference}"),
        p(f"{data.addressee.name}\n{data.addressee.postal_address}"),
        p(words.text("statement.heading"), head),
        p(words.text("statement.intro")),
        p(words.text("statement.processed")),
    ]
    for n, s in enumerate(data.sections, 1):
        story.append(p(f"{n}. {s.activity_name}", head))
        rows = [
            [p(words.text("statement.purpose"), label), p(s.purpose, cell)],
            [p(words.text("statement.legal_basis"), label), p(s.legal_basis_text, cell)],
            [p(words.text("statement.categories"), label), p("\n".join(s.categories_held), cell)],
            [
                p(words.text("statement.recipients"), label),
                p("\n".join(f"{r.name} – {r.role} ({r.country})" for r in s.recipients), cell),
            ],
            [
                p(words.text("statement.source"), label),
                p(words.text("statement.source_subject"), cell),
            ],
            [
                p(words.text("statement.retention"), label),
                p(
                    "\n".join(
                        f"{r.applies_to}: {r.rule_text} – {r.keep_until}, {r.legal_reference}"
                        for r in s.retention
                    ),
                    cell,
                ),
            ],
            [
                p(words.text("statement.transfers"), label),
                p(words.text("statement.no_transfers"), cell),
            ],
        ]
        story.append(Table(rows, colWidths=[44 * mm, 120 * mm]))
    for key in ("automated", "rights", "copy_free", "copy_attached"):
        story.append(p(words.text(f"statement.{key}")))
    story.append(p(words.text("common.complaint")))
    story.append(p(words.text("common.closing")))
    story.append(p(c.officer_name))
    story.append(PageBreak())
    story.append(p(words.text("statement.appendix_heading"), head))
    story.append(
        Table(
            [[p(i.system, cell), p(i.category, cell), p(i.value, cell)] for i in data.data_copy],
            colWidths=[34 * mm, 46 * mm, 84 * mm],
            repeatRows=0,
        )
    )
    footer = words.text("common.footer").format(legal_name=c.legal_name, reference=data.reference)

    def on_page(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        canvas.setFont(FONT, 7.5)
        canvas.drawString(20 * mm, 12 * mm, footer)
        canvas.setFont(FONT, 8.5)
        canvas.drawRightString(190 * mm, 12 * mm, f"Side {doc.page}")

    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, initialFontName=FONT).build(
        story, onFirstPage=on_page, onLaterPages=on_page
    )
    return buffer.getvalue()


def _add_customers(db, n: int) -> list[int]:  # type: ignore[no-untyped-def]
    from sqlalchemy import insert, select, update

    from app.store.models import Subject

    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    rows = [
        {
            "pseudonym": f"tmp-{i}",
            "name": f"Kunde {i} Ødegård",
            "sort_name": f"kunde {i}",
            "postal_address": f"Storgata {i % 90 + 1}\n0155 Oslo",
            "roles": "customer",
            "last_purchase": dt.date(2026, 1 + i % 12, 1 + i % 28),
            "last_contact": dt.date(2026, 1 + i % 12, 1 + i % 28),
            "created_at": now,
        }
        for i in range(n)
    ]
    with db.session() as s:
        s.execute(insert(Subject), rows)
        ids = list(s.scalars(select(Subject.id).where(Subject.pseudonym.like("tmp-%"))))
        for subject_id in ids:
            s.execute(
                update(Subject)
                .where(Subject.id == subject_id)
                .values(pseudonym=f"S-{subject_id:06d}")
            )
    return ids


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--people", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--batch-repeat", type=int, default=2, help="runs of each batch; best kept")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="innsyn-bench-"))
    _isolate(tmp)
    from app.reports.documents import render_statement
    from app.services import statements
    from app.store.database import open_database

    db = open_database(tmp / "bench.sqlite3")
    try:
        ref = _statement_case(db)
        data = statements.statement_data(db, ref, "nb")
        ours = _timed(lambda: render_statement(data), args.repeat)
        bare = _timed(lambda: _bare_platypus(data), args.repeat)
        end_to_end = _timed(lambda: statements.generate_statement(db, ref, "nb"), 5)
        from pypdf import PdfReader

        pages_ours = len(PdfReader(io.BytesIO(render_statement(data))).pages)

        ids = set(_add_customers(db, args.people))
        year = dt.date.today().year
        people = [
            p
            for p in statements.annual_candidates(db, year, "role", role="customer")
            if p.subject_id in ids
        ]
        timings: dict[int, float] = {1: float("inf"), 2: float("inf")}
        # Alternating runs, best of each: a shared machine's other work only ever adds time.
        for run in range(args.batch_repeat):
            for workers in (1, 2):
                out = tmp / f"out-{workers}-{run}"
                out.mkdir()
                start = time.perf_counter()
                report = statements.run_annual_batch(db, people, year, out, "nb", workers=workers)
                timings[workers] = min(timings[workers], time.perf_counter() - start)
                assert len(report.written) == len(people), report
        combined_out = tmp / "out-combined"
        combined_out.mkdir()
        start = time.perf_counter()
        statements.run_annual_batch(
            db, people, year, combined_out, "nb", combined_out / "all.pdf", workers=2
        )
        with_combined = time.perf_counter() - start
    finally:
        db.close()

    ratio = ours[0] / bare[0]
    cpu_ratio = ours[1] / bare[1]
    speedup = timings[1] / timings[2]
    rows = [
        ("what", "time", "CPU", "target", "ok"),
        (
            "one statement, render_statement",
            f"{ours[0] * 1000:.1f} ms",
            f"{ours[1] * 1000:.1f} ms",
            "",
            "",
        ),
        (
            "one statement, bare Platypus",
            f"{bare[0] * 1000:.1f} ms",
            f"{bare[1] * 1000:.1f} ms",
            "",
            "",
        ),
        (
            "  ratio ours / bare",
            f"{ratio:.2f}x",
            f"{cpu_ratio:.2f}x",
            "<= 1.3x",
            "yes" if ratio <= 1.3 else "NO",
        ),
        (
            "one statement, generate_statement",
            f"{end_to_end[0] * 1000:.1f} ms",
            f"{end_to_end[1] * 1000:.1f} ms",
            "",
            "",
        ),
        (f"{len(people)} annual statements, 1 process", f"{timings[1]:.2f} s", "", "", ""),
        (f"{len(people)} annual statements, 2 workers", f"{timings[2]:.2f} s", "", "", ""),
        ("  speed-up", f"{speedup:.2f}x", "", ">= 1.6x", "yes" if speedup >= 1.6 else "NO"),
        (f"{len(people)} + combined file, 2 workers", f"{with_combined:.2f} s", "", "", ""),
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"(statement: {pages_ours or '?'} pages; median of {args.repeat}; batches best of "
        f"{args.batch_repeat}; {os.cpu_count()} CPUs; load average {load})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
