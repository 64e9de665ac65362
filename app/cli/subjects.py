"""The subject register."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import CliError, Parser, Subcommands, open_db


def cmd_subjects_import(args: argparse.Namespace) -> int:
    """Import a subject register (CSV or XLSX): the counts first, then one line per bad row.
    Exit 0 when the file was read (bad rows included); 1 when --reject-all-if-bad left
    everything out; 2 when the file cannot be read (nothing written)."""
    from app.services.subject_import import import_subjects, load_mapping, preview

    path = Path(args.file)
    if not path.is_file():
        raise CliError("cli.no_such_file", path=args.file)
    mapping = load_mapping(Path(args.mapping)) if args.mapping else None
    pre = preview(path, mapping, limit=0)  # an unreadable file fails before the database opens
    pre.mapping.check(pre.headers)
    with open_db(args) as db:
        report = import_subjects(
            db,
            path,
            pre.mapping,
            dry_run=args.dry_run,
            import_good_rows=not args.reject_all_if_bad,
        )
    counts = f"inserted {report.inserted}, updated {report.updated}, rejected {report.rejected}"
    if report.written:
        print(counts)
    elif report.dry_run:
        print(f"dry run, nothing written: would have {counts}")
    else:
        print(f"nothing written (--reject-all-if-bad): would have {counts}")
    for bad in report.bad_rows:
        print(bad.describe())
    if report.bad_rows_not_kept:
        print(f"... and {report.bad_rows_not_kept} more bad rows")
    return 0 if report.written or report.dry_run else 1


def register(sub: Subcommands) -> None:
    sj = sub.add_parser("subjects", help="the subject register").add_subparsers(
        dest="subjects_command", parser_class=Parser, required=True
    )
    si = sj.add_parser(
        "import", help="import a register (CSV or XLSX); prints the counts, then the bad rows"
    )
    si.add_argument("file", metavar="FILE")
    si.add_argument(
        "--mapping", metavar="MAPPING.json", help='columns to fields: {"name": "Navn", ...}'
    )
    si.add_argument("--dry-run", action="store_true", help="check and count; write nothing")
    si.add_argument(
        "--reject-all-if-bad", action="store_true", help="import nothing if any row is bad"
    )
    si.set_defaults(func=cmd_subjects_import)
