"""The retention sweep: what is due for deletion."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from app.cli.common import Parser, Subcommands, open_db, parse_date

if TYPE_CHECKING:
    from app.services.retention_sweep import SweepItem


def cmd_retention_sweep(args: argparse.Namespace) -> int:
    """Everything whose retention has run out by --as-of (default today), most overdue first.
    Pseudonyms only, unless --names (recorded in the audit trail). Printed as it is read from
    the database: a million people's list is never held at once."""
    from app.services import retention_sweep
    from app.services.audit import record
    from app.services.cases import today_oslo

    as_of = parse_date(args.as_of, "--as-of") if args.as_of else today_oslo()
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


def register(sub: Subcommands) -> None:
    rt = sub.add_parser("retention", help="retention periods").add_subparsers(
        dest="retention_command", parser_class=Parser, required=True
    )
    rsw = rt.add_parser("sweep", help="everything whose retention has run out, most overdue first")
    rsw.add_argument("--as-of", metavar="YYYY-MM-DD", help="the date to sweep for (default today)")
    rsw.add_argument("--format", choices=["table", "csv", "json"], default="table")
    rsw.add_argument("--names", action="store_true", help="include names (recorded in the audit)")
    rsw.set_defaults(func=cmd_retention_sweep)
