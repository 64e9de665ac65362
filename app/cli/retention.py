"""The retention sweep: what is due for deletion, and what the retention view does with it
(erasure cases for the people, de-identification of closed cases); data kept after an
erasure until a date that has come."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from app.cli.common import (
    CliError,
    Parser,
    Subcommands,
    open_db,
    parse_date,
    parse_past_date,
    print_json,
)
from app.core import clock

if TYPE_CHECKING:
    import datetime as dt

    from app.services.retention_sweep import SweepItem


def cmd_retention_sweep(args: argparse.Namespace) -> int:
    """Everything whose retention has run out by --as-of (default today), most overdue first.
    Pseudonyms only, unless --names (recorded in the audit trail). Printed as it is read from
    the database: a million people's list is never held at once."""
    from app.services import retention_sweep
    from app.services.audit import record

    as_of = _as_of(args)
    with open_db(args, create=False) as db:
        with retention_sweep.reading_sweep(db, as_of) as items:
            if args.names:
                record(db, "show retention sweep", "subject", "-", rows=items.total,
                       as_of=as_of.isoformat(), names_included=True)  # fmt: skip
            if args.format == "json":
                _print_sweep_json(items, names=args.names)
            elif args.format == "csv":
                retention_sweep.write_sweep_csv_rows(sys.stdout, items, names=args.names)
            elif not items.total:
                print(f"nothing due for deletion as of {as_of.isoformat()}")
            else:
                _print_sweep_table(items, names=args.names)
                print(f"{items.total} item(s) due for deletion as of {as_of.isoformat()}")
    return 0


def _print_sweep_json(items: Iterable[SweepItem], *, names: bool) -> None:
    """As json.dump(records, indent=2) prints the list, a record at a time (each value
    encoded on its own: json's indenting encoder is pure Python, ten times slower)."""
    from app.services.retention_sweep import sweep_record

    encode = json.JSONEncoder(ensure_ascii=False).encode
    shared: dict[object, str] = {}  # values many records have (a rule, a date)

    def value(v: object) -> str:
        if isinstance(v, str) and len(v) > 24:  # a rule, a legal reference
            text = shared.get(v)
            if text is None:
                text = shared[v] = encode(v)
            return text
        return encode(v)

    out = sys.stdout
    first = True
    out.write("[")
    for item in items:
        rec = sweep_record(item, names=names)
        out.write("\n  {\n" if first else ",\n  {\n")
        out.write(",\n".join(f'    "{key}": {value(v)}' for key, v in rec.items()))
        out.write("\n  }")
        first = False
    out.write("]\n" if first else "\n]\n")


def _sweep_table_rows(names: bool) -> Callable[[SweepItem], list[str]]:
    """The cells of an item's line, each on one line; the texts many lines share (a rule, a
    date) are tidied once."""
    shared: dict[str, str] = {}

    def once(text: str) -> str:
        done = shared.get(text)
        if done is None:
            done = shared[text] = " ".join(text.split())
        return done

    def row(item: SweepItem) -> list[str]:
        return [
            str(item.days_overdue),
            once(item.due_on.isoformat()),
            item.kind.value,
            " ".join(item.pseudonym.split()),
            *([" ".join(item.name.split())] if names else []),
            " ".join((item.case_reference or "").split()),
            once(item.activity),
            once(item.applies_to),
            once(item.rule),
            once(item.legal_reference),
        ]

    return row


def _print_sweep_table(items: Iterable[SweepItem], *, names: bool) -> None:
    """Aligned columns: the list is read twice (the same read transaction), once for the
    widths, once to print."""
    header = ["OVERDUE", "DUE", "KIND", "PSEUDONYM", *(["NAME"] if names else []),
              "CASE", "ACTIVITY", "APPLIES TO", "RULE", "LEGAL REFERENCE"]  # fmt: skip
    row_of = _sweep_table_rows(names)
    widths = [len(h) for h in header[:-1]]
    for item in items:
        widths = [max(w, len(c)) for w, c in zip(widths, row_of(item), strict=False)]

    def line(row: list[str]) -> str:
        cells = [row[0].rjust(widths[0])] + [
            c.ljust(w) for c, w in zip(row[1:-1], widths[1:], strict=False)
        ]
        return "  ".join([*cells, row[-1]])

    print(line(header))
    for item in items:
        print(line(row_of(item)))


def _as_of(args: argparse.Namespace) -> dt.date:
    return parse_date(args.as_of, "--as-of") if args.as_of else clock.today_oslo()


def cmd_retention_kept(args: argparse.Namespace) -> int:
    """Data kept after an applied erasure (Art. 17(3)) whose date has come by --as-of: to
    erase in the systems named, then to mark with `retention kept-erased`."""
    from app.services import rights

    as_of = _as_of(args)
    with open_db(args, create=False) as db:
        items = rights.kept_until_items(db, as_of)
    if args.format == "json":
        print_json(
            [
                {
                    "line_id": k.line_id,
                    "case_reference": k.reference,
                    "pseudonym": k.pseudonym,
                    "activity": k.activity,
                    "applies_to": k.applies_to,
                    "systems": list(k.systems),
                    "ground": k.ground,
                    "until": k.until.isoformat(),
                }
                for k in items
            ]
        )
        return 0
    if not items:
        print(f"no kept data has run out as of {as_of.isoformat()}")
        return 0
    table = [("LINE", "UNTIL", "CASE", "PSEUDONYM", "ACTIVITY", "APPLIES TO", "SYSTEMS")] + [
        (str(k.line_id), k.until.isoformat(), k.reference, k.pseudonym, k.activity,
         k.applies_to, ", ".join(k.systems))
        for k in items
    ]  # fmt: skip
    widths = [max(len(r[i]) for r in table) for i in range(6)]
    for r in table:
        line = "  ".join(c.ljust(w) for c, w in zip(r[:6], widths, strict=True))
        print(f"{line}  {r[6]}".rstrip())
    print(f"{len(items)} kept item(s) to erase as of {as_of.isoformat()}")
    return 0


def cmd_retention_kept_erased(args: argparse.Namespace) -> int:
    """The kept data of a line were erased in their systems, now that their date has come."""
    from app.services import rights

    on = parse_past_date(args.on, "--on")
    with open_db(args, create=False) as db:
        due = {k.line_id: k for k in rights.kept_until_items(db, on)}
        item = due.get(args.line_id)
        if item is None:
            raise CliError("cli.not_kept_due", line=args.line_id, on=on, as_of=on.isoformat())
        rights.mark_kept_erased(db, item.line_id, on, (args.notes or "").strip())
    print(f"{item.reference}: {item.activity} / {item.applies_to} erased on {on.isoformat()}")
    return 0


def cmd_retention_erasure_cases(args: argparse.Namespace) -> int:
    """One erasure case per person with data due for deletion by --as-of (the retention
    view's "Create erasure cases" over the whole list). People erased already, or with an
    erasure case open, get none. --dry-run: who would get one, changing nothing."""
    from app.services import retention_sweep

    as_of = parse_date(args.as_of, "--as-of")
    if args.dry_run:
        people: dict[int, str] = {}
        open_cases: dict[int, str] = {}
        with open_db(args, create=False) as db:
            with retention_sweep.reading_sweep(db, as_of) as items:
                for item in items:
                    if item.kind is not retention_sweep.SweepKind.SUBJECT_DATA:
                        continue
                    people.setdefault(item.subject_id, item.pseudonym)
                    if item.open_erasure_case:
                        open_cases[item.subject_id] = item.open_erasure_case
        print(f"dry run as of {as_of.isoformat()}: nothing was changed")
        for subject_id, pseudonym in people.items():
            if subject_id in open_cases:
                print(f"{pseudonym}: erasure case {open_cases[subject_id]} already open")
            else:
                print(f"{pseudonym}: would get an erasure case")
        print(f"{len(people) - len(open_cases)} erasure case(s) would be created")
        return 0
    with open_db(args, create=False) as db:
        result = retention_sweep.create_erasure_cases_for_sweep(db, as_of)
    for reference in result.references:
        print(reference)
    print(f"{len(result.references)} erasure case(s) created as of {as_of.isoformat()}")
    if result.people > len(result.references):
        print(
            f"{result.people - len(result.references)} person(s) skipped: an erasure case is "
            "already open, or the person is erased"
        )
    return 0


def cmd_retention_deidentify(args: argparse.Namespace) -> int:
    """De-identify every closed case whose period after closing has run out by --as-of (the
    retention view's "De-identify closed cases" over the whole list): removed for good, so
    it asks first, or needs --yes."""
    from app.services import retention_sweep

    as_of = parse_past_date(args.as_of, "--as-of")  # a period runs out by today, not later
    if not args.yes:
        if not sys.stdin.isatty():
            raise CliError("cli.confirm_deidentify")
        answer = input(f"De-identify the closed cases due as of {as_of.isoformat()}? [y/N] ")
        if answer.strip().lower() not in ("y", "yes", "j", "ja"):
            print("nothing de-identified")
            return 1
    with open_db(args, create=False) as db:
        done = retention_sweep.deidentify_closed_cases_for_sweep(db, as_of)
    for d in done:
        erased = " (the person's record erased too)" if d.subject_erased else ""
        print(f"{d.reference}: de-identified{erased}")
    print(f"{len(done)} closed case(s) de-identified as of {as_of.isoformat()}")
    return 0


def register(sub: Subcommands) -> None:
    rt = sub.add_parser("retention", help="retention periods").add_subparsers(
        dest="retention_command", parser_class=Parser, required=True
    )
    rsw = rt.add_parser("sweep", help="everything whose retention has run out, most overdue first")
    rsw.add_argument("--as-of", metavar="YYYY-MM-DD", help="the date to sweep for (default today)")
    rsw.add_argument("--format", choices=["table", "csv", "json"], default="table")
    rsw.add_argument("--names", action="store_true", help="include names (recorded in the audit)")
    rsw.set_defaults(func=cmd_retention_sweep)

    rk = rt.add_parser("kept", help="data kept after an erasure whose date has come")
    rk.add_argument("--as-of", metavar="YYYY-MM-DD", help="default today")
    rk.add_argument("--format", choices=["text", "json"], default="text")
    rk.set_defaults(func=cmd_retention_kept)
    rke = rt.add_parser("kept-erased", help="kept data were erased in their systems")
    rke.add_argument("line_id", type=int, metavar="LINE_ID")
    rke.add_argument("--on", required=True, metavar="YYYY-MM-DD")
    rke.add_argument("--notes")
    rke.set_defaults(func=cmd_retention_kept_erased)
    rec = rt.add_parser("erasure-cases", help="an erasure case for each person with data due")
    rec.add_argument("--as-of", required=True, metavar="YYYY-MM-DD")
    rec.add_argument("--dry-run", action="store_true", help="say who would get one; change nothing")
    rec.set_defaults(func=cmd_retention_erasure_cases)
    rde = rt.add_parser("deidentify", help="de-identify closed cases past their period (for good)")
    rde.add_argument("--as-of", required=True, metavar="YYYY-MM-DD")
    rde.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    rde.set_defaults(func=cmd_retention_deidentify)
