"""Documents and exports: the case log, evidence packs, the annual report, statements,
letters and the calendar."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.common import CliError, Parser, Subcommands, open_db, out_file, parse_date
from app.core import clock

if TYPE_CHECKING:
    from app.core.figures import YearFigures


def cmd_export_log(args: argparse.Namespace) -> int:
    from app.services.exports import export_case_log

    start = parse_date(args.date_from, "--from")
    end = parse_date(args.date_to, "--to")
    with open_db(args, create=False) as db:
        n = export_case_log(
            db, Path(args.out), fmt=args.format, received_from=start, received_to=end,
            names=args.names, lang=args.lang,
        )  # fmt: skip
    print(f"{n} cases written to {args.out}" + (" (with names)" if args.names else ""))
    return 0


def cmd_export_case(args: argparse.Namespace) -> int:
    from app.services.exports import export_evidence_pack

    with open_db(args, create=False) as db:
        entries = export_evidence_pack(db, args.reference, Path(args.out), lang=args.lang)
    print(f"evidence pack for {args.reference} written to {args.out}: {len(entries)} files")
    return 0


def annual_record(figures: YearFigures) -> dict[str, Any]:
    """Exactly the figures the annual report's PDF prints (app/reports/annual.py): the key
    figures, requests by type and month with the totals, by channel, refusals by reason."""
    return {
        "year": figures.year,
        "requests": figures.requests,
        "answered": figures.answered,
        "answered_on_time": figures.answered_on_time,
        "answered_late": figures.answered_late,
        "share_on_time": figures.share_on_time,
        "median_days": figures.median_days,
        "p90_days": figures.p90_days,
        "extensions": figures.extensions,
        "refusals": figures.refusals,
        "fees": figures.fees,
        "fees_total": figures.fees_total,
        "by_type": dict(figures.by_type),
        "by_type_month": {t: list(months) for t, months in figures.by_type_month.items()},
        "by_month": list(figures.by_month),
        "by_channel": dict(figures.by_channel),
        "refusals_by_reason": dict(figures.refusals_by_reason),
    }


def cmd_report_annual(args: argparse.Namespace) -> int:
    from app.services import exports
    from app.services.audit import record
    from app.services.storage import write_private

    out = out_file(args.out)
    if args.format == "pdf":
        with open_db(args, create=False) as db:
            figures = exports.export_annual_report(db, args.year, out, lang=args.lang)
    else:
        # The years export_annual_report has figures for.
        if not 2018 <= args.year <= clock.today_oslo().year:
            raise CliError("cli.no_figures", year=args.year)
        with open_db(args, create=False) as db:
            figures = exports.figures_for_year(db, args.year)
            text = json.dumps(annual_record(figures), ensure_ascii=False, indent=2) + "\n"
            write_private(out, text.encode("utf-8"))
            record(db, "export annual report", "case_", "-", year=args.year, format="json")
    print(f"annual report {args.year} written to {args.out}: {figures.requests} requests")
    return 0


def cmd_statement(args: argparse.Namespace) -> int:
    """The Art. 15 statement for an access case: written to --out and kept with the case."""
    from app.services import statements
    from app.services.storage import write_private

    out = out_file(args.out)
    with open_db(args, create=False) as db:
        stored = statements.generate_statement(db, args.reference, args.lang)
    write_private(out, stored.content)
    print(f"statement written to {out}; kept with case {args.reference} as {stored.filename}")
    print(f"SHA-256 {stored.sha256}")
    return 0


def cmd_letter(args: argparse.Namespace) -> int:
    from app.services import statements
    from app.services.storage import write_private

    out = out_file(args.out)
    with open_db(args, create=False) as db:
        stored = statements.generate_letter(
            db,
            args.reference,
            args.kind,
            args.lang,
            reasons=args.reasons or "",
            identification_needed=args.identification_needed or "",
            fee_amount=args.fee,
        )
    write_private(out, stored.content)
    print(f"{args.kind} letter written to {out}; kept with case {args.reference}")
    print(f"SHA-256 {stored.sha256}")
    return 0


def cmd_annual_statements(args: argparse.Namespace) -> int:
    """A statement for everyone who asked for access that year (or everyone with --role):
    one PDF each, named by pseudonym, and optionally one combined file for printing."""
    from app.services import statements

    out_dir = Path(args.out).expanduser()
    if not out_dir.is_dir():
        raise CliError("cli.no_such_folder", option="--out", path=args.out)
    combined = out_file(args.combined, "--combined") if args.combined else None
    with open_db(args, create=False) as db:
        mode = "role" if args.role else "requests"
        people = statements.annual_candidates(db, args.year, mode, role=args.role)
        report = statements.run_annual_batch(db, people, args.year, out_dir, args.lang, combined)
    print(f"{len(report.written)} statements written to {out_dir} ({report.total} people)")
    if report.combined is not None:
        print(f"combined file for printing: {report.combined}")
    print(f"no data processed, no statement ({len(report.no_data)}): {', '.join(report.no_data)}")
    print(
        f"restricted, marked in their statement ({len(report.restricted)}): "
        f"{', '.join(report.restricted)}"
    )
    if report.skipped:
        print(f"skipped, erased meanwhile ({len(report.skipped)}): {', '.join(report.skipped)}")
    return 0


def cmd_calendar(args: argparse.Namespace) -> int:
    from app.services.calendar import write_calendar

    with open_db(args, create=False) as db:
        n = write_calendar(db, Path(args.out))
    print(f"{n} open cases' deadlines written to {args.out}")
    return 0


def register(sub: Subcommands) -> None:
    ex = sub.add_parser("export", help="exports for Datatilsynet").add_subparsers(
        dest="export_command", parser_class=Parser, required=True
    )
    el = ex.add_parser("log", help="the case log for a period")
    el.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD")
    el.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM-DD")
    el.add_argument("--format", choices=["csv", "xlsx", "pdf"], required=True)
    el.add_argument("--out", required=True, metavar="FILE")
    el.add_argument("--names", action="store_true", help="include names (recorded in the audit)")
    el.add_argument("--lang", choices=["nb", "en"], default="en")
    el.set_defaults(func=cmd_export_log)
    ec = ex.add_parser("case", help="a verifiable evidence pack (ZIP) for one case")
    ec.add_argument("reference", metavar="REF")
    ec.add_argument("--out", required=True, metavar="FILE.zip")
    ec.add_argument("--lang", choices=["nb", "en"], default="en")
    ec.set_defaults(func=cmd_export_case)
    rp = sub.add_parser("report", help="reports").add_subparsers(
        dest="report_command", parser_class=Parser, required=True
    )
    ra = rp.add_parser("annual", help="the yearly figures as a PDF, or the same figures as JSON")
    ra.add_argument("--year", type=int, required=True)
    ra.add_argument("--format", choices=["pdf", "json"], default="pdf")
    ra.add_argument("--out", required=True, metavar="FILE")
    ra.add_argument("--lang", choices=["nb", "en"], default="en")
    ra.set_defaults(func=cmd_report_annual)

    st = sub.add_parser("statement", help="the Art. 15 statement for an access case (PDF)")
    st.add_argument("reference", metavar="REF")
    st.add_argument("--lang", choices=["nb", "en"], help="default: the case's language")
    st.add_argument("--out", required=True, metavar="FILE.pdf")
    st.set_defaults(func=cmd_statement)

    lt = sub.add_parser("letter", help="an Art. 12 letter for a case (PDF)")
    lt.add_argument("reference", metavar="REF")
    lt.add_argument(
        "--kind",
        required=True,
        choices=["acknowledgement", "identification", "extension", "refusal", "fee"],
    )
    lt.add_argument("--lang", choices=["nb", "en"], help="default: the case's language")
    lt.add_argument("--out", required=True, metavar="FILE.pdf")
    lt.add_argument("--reasons", help="extension, refusal, fee (default: the case's)")
    lt.add_argument("--identification-needed", help="what the person must send")
    lt.add_argument("--fee", type=int, metavar="N", help="the fee in kroner")
    lt.set_defaults(func=cmd_letter)

    an = sub.add_parser(
        "annual-statements", help="a statement for each person who asked that year (or --role)"
    )
    an.add_argument("--year", type=int, required=True)
    an.add_argument("--out", required=True, metavar="DIR")
    an.add_argument("--combined", metavar="FILE.pdf", help="also one file for printing")
    an.add_argument(
        "--role", choices=["customer", "supplier", "stakeholder", "other"], help="everyone with it"
    )
    an.add_argument("--lang", choices=["nb", "en"], default="nb")
    an.set_defaults(func=cmd_annual_statements)

    cal = sub.add_parser("calendar", help="open cases' deadlines as an iCalendar file")
    cal.add_argument("--out", required=True, metavar="FILE.ics")
    cal.set_defaults(func=cmd_calendar)
