"""Commands on the installation and the database file: create, check, back up, restore,
the recovery sheet, the self-test and the GUI."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli.common import CliError, Parser, Subcommands, language_of, open_db
from app.core.messages import Message


def cmd_init(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        state = "created and seeded" if db.migration and db.migration.created else "up to date"
        print(f"{db.path}: {state}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Read and check every page of the database file (SQLite's quick check)."""
    from app.services.storage import FileCheck, FullCheck

    with open_db(args, create=False, check=FileCheck.LATER) as db:
        problem = FullCheck(db).run()
    if problem is None:
        print(f"{db.path.name}: every page reads and checks")
        return 0
    advice = Message("cli.check_failed", problem=problem).render(language_of(args))
    print(f"innsyn: {advice}", file=sys.stderr)
    return 1


def cmd_audit_verify(args: argparse.Namespace) -> int:
    """The whole hash chain, on a file whose every page was checked first."""
    from app.services.audit import verify_chain
    from app.services.storage import FileCheck

    with open_db(args, create=False, check=FileCheck.NOW) as db:
        report = verify_chain(db)
    if report.ok:
        print(f"audit chain intact: {report.rows} rows")
        return 0
    broken = Message("cli.chain_broken", row=report.first_bad_id, problem=report.problem)
    print(broken.render(language_of(args)), file=sys.stderr)
    return 1


def cmd_backup(args: argparse.Namespace) -> int:
    from app.services.backup import make_backup

    with open_db(args, create=False) as db:
        path = make_backup(db, Path(args.to) if args.to else None)
    print(path)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from app.services.backup import restore
    from app.services.storage import default_database_path

    target = (Path(args.db) if args.db else default_database_path()).expanduser().resolve()
    if not args.yes:
        if not sys.stdin.isatty():
            raise CliError("cli.confirm_restore")
        answer = input(f"Replace {target.name} by {Path(args.file).name}? [y/N] ")
        if answer.strip().lower() not in ("y", "yes", "j", "ja"):
            print("nothing restored")
            return 1
    result = restore(target, Path(args.file))
    print(f"restored {target} from {result.restored_from.name}")
    if result.kept_aside:
        print(f"the previous file is kept as {result.kept_aside}")
    return 0


def cmd_key_recovery_sheet(args: argparse.Namespace) -> int:
    from app.services.setup import recovery_sheet
    from app.services.storage import write_private

    out = Path(args.out)
    if not args.yes:
        if not sys.stdin.isatty():
            raise CliError("cli.confirm_sheet")
        answer = input(f"Write the database key to {out}? Keep the printout in a safe. [y/N] ")
        if answer.strip().lower() not in ("y", "yes", "j", "ja"):
            print("nothing written")
            return 1
    with open_db(args, create=False) as db:
        pdf = recovery_sheet(db)
    write_private(out, pdf)
    print(f"recovery sheet written to {out}: print it, keep it in a safe, delete the file")
    return 0


def cmd_self_test(args: argparse.Namespace) -> int:
    from app.selftest import run_self_test

    return run_self_test()


def cmd_gui(args: argparse.Namespace) -> int:
    from app.ui.app import run_gui

    return run_gui(Path(args.db) if args.db else None)


def register(sub: Subcommands) -> None:
    sp = sub.add_parser("init", help="create and seed a database")
    sp.set_defaults(func=cmd_init)
    au = sub.add_parser("audit", help="the audit trail").add_subparsers(
        dest="audit_command", parser_class=Parser, required=True
    )
    av = au.add_parser("verify", help="exit 0 when the file checks and the whole hash chain holds")
    av.set_defaults(func=cmd_audit_verify)

    ck = sub.add_parser(
        "check", help="read and check every page of the database file; exit 0 when intact"
    )
    ck.set_defaults(func=cmd_check)

    bk = sub.add_parser("backup", help="an encrypted backup now")
    bk.add_argument("--to", metavar="DIR", help="backup folder (default: the configured one)")
    bk.set_defaults(func=cmd_backup)
    rs = sub.add_parser("restore", help="replace the database by a verified backup")
    rs.add_argument("file")
    rs.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    rs.set_defaults(func=cmd_restore)

    key = sub.add_parser("key", help="the database key").add_subparsers(
        dest="key_command", parser_class=Parser, required=True
    )
    rk = key.add_parser("recovery-sheet", help="a PDF with the recovery key")
    rk.add_argument("--out", required=True, metavar="FILE.pdf")
    rk.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    rk.set_defaults(func=cmd_key_recovery_sheet)
    st = sub.add_parser("self-test", help="check this installation on throw-away data")
    st.set_defaults(func=cmd_self_test)
    gui = sub.add_parser("gui", help="open the application (the default)")
    gui.set_defaults(func=cmd_gui)
