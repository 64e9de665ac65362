"""The rights of Art. 16-21 on a case: rectification, erasure, restriction, objection."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import Parser, Subcommands, open_db


def cmd_erasure_apply(args: argparse.Namespace) -> int:
    """Apply a case's erasure matrix: one line for each thing erased or kept (with why)."""
    from app.services import rights

    with open_db(args, create=False) as db:
        result = rights.apply_erasure(db, args.reference, dry_run=args.dry_run)
    erased, kept = ("would erase", "would keep") if result.dry_run else ("erased", "kept")
    if result.dry_run:
        print(f"dry run for {result.reference}: nothing was changed")
    for item in result.erased:
        print(f"{erased}: {item.activity} / {item.applies_to} ({', '.join(item.systems)})")
    for what in result.workbench:
        print(f"{erased} in the workbench: {what}")
    for k in result.kept:
        until = f"until {k.until.isoformat()}" if k.until else "as long as the law requires"
        how = (
            kept if k.decision == "keep" else ("would restrict" if result.dry_run else "restricted")
        )
        print(f"{how}: {k.activity} / {k.applies_to} {until} in {', '.join(k.systems)}: {k.ground}")
    if result.backup_expiry is not None:
        print(f"the last backup holding the data expires on {result.backup_expiry.isoformat()}")
    if result.letter is not None:
        if args.letter:
            from app.store.files import write_private

            write_private(Path(args.letter), result.letter)
            print(f"confirmation letter written to {args.letter}")
        else:
            print("confirmation letter not saved (only its SHA-256 is kept): use --letter FILE")
    return 0


def register(sub: Subcommands) -> None:
    er = sub.add_parser("erasure", help="erasure requests (Art. 17)").add_subparsers(
        dest="erasure_command", parser_class=Parser, required=True
    )
    ea = er.add_parser("apply", help="apply a case's erasure matrix; prints what was erased")
    ea.add_argument("reference", metavar="REF")
    ea.add_argument("--dry-run", action="store_true", help="say what would happen; change nothing")
    ea.add_argument("--letter", metavar="FILE.pdf", help="where to save the confirmation letter")
    ea.set_defaults(func=cmd_erasure_apply)
