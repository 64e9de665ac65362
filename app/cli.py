"""Headless commands over the same services as the GUI, for automation and tests.

Bad input: one line on stderr saying what is wrong, a non-zero exit status, and the
database unchanged (every command is one transaction in the services).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import getpass
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from app.core import deadlines
from app.core.errors import UserError
from app.core.model import Channel, RequestType

if TYPE_CHECKING:
    from app.services.database import Database

OSLO = ZoneInfo("Europe/Oslo")
EXIT_USER_ERROR = 2


class CliError(UserError):
    pass


def _parse_types(text: str) -> tuple[RequestType, ...]:
    names = [t.strip().lower() for t in text.split(",") if t.strip()]
    if not names:
        raise CliError("--type needs at least one of: " + ", ".join(t.value for t in RequestType))
    try:
        return tuple(RequestType(n) for n in names)
    except ValueError:
        bad = next(n for n in names if n not in {t.value for t in RequestType})
        raise CliError(
            f"unknown request type {bad!r}; use: " + ", ".join(t.value for t in RequestType)
        ) from None


def _parse_received(text: str | None) -> dt.datetime:
    if not text:
        return dt.datetime.now(dt.UTC)
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise CliError(f"--received {text!r} is not an ISO date or date-time") from None
    if moment.tzinfo is None:  # a wall-clock time in Norway
        moment = moment.replace(tzinfo=OSLO)
    return moment


def _parse_date(text: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CliError(f"{option} {text!r} is not a date (YYYY-MM-DD)") from None


def _open(args: argparse.Namespace, *, create: bool = True) -> Database:
    """Open the database; where its key is not in the keyring, ask on the terminal (never
    from an argument or the environment, which other users and logs can see)."""
    from app.services.database import open_database
    from app.services.keys import KeyNeeded, KeyringUnavailable

    path = Path(args.db) if args.db else None
    try:
        return open_database(path, create=create)
    except (KeyNeeded, KeyringUnavailable) as exc:
        if not sys.stdin.isatty():
            raise
        print(f"innsyn: {exc}", file=sys.stderr)
        if isinstance(exc, KeyringUnavailable):
            first = getpass.getpass("New passphrase (at least 12 characters): ")
            if getpass.getpass("The same passphrase again: ") != first:
                raise CliError("the two passphrases differ") from None
            return open_database(path, create=create, new_passphrase=first)
        secret = getpass.getpass("Recovery key or passphrase: ")
        return open_database(path, create=create, secret=secret)


# --- commands -----------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    db = _open(args)
    try:
        state = "created and seeded" if db.migration and db.migration.created else "up to date"
        print(f"{db.path}: {state}")
    finally:
        db.close()
    return 0


def cmd_request_add(args: argparse.Namespace) -> int:
    from app.services import cases
    from app.services.dto import RequestInput

    try:
        channel = Channel(args.channel)
    except ValueError:
        raise CliError(f"unknown channel {args.channel!r}") from None
    req = RequestInput(
        channel=channel,
        types=_parse_types(args.type),
        name=args.name,
        received_at=_parse_received(args.received),
        email=args.email,
        phone=args.phone,
        address=args.address or "",
        customer_no=args.customer_no,
        notes=args.notes or "",
        language=args.lang,
        new_subject=args.new_subject,
    )
    req = cases.normalise_request(req)  # fail on bad input before touching the database
    db = _open(args)
    try:
        logged = cases.log_request(db, req)
    finally:
        db.close()
    print(logged.reference)
    if logged.linked_on:
        print(
            f"linked to existing subject {logged.subject_id} (matched on "
            f"{', '.join(logged.linked_on)})"
        )
    elif logged.subject_created:
        print(f"new subject {logged.subject_id}")
    print(f"due {logged.due.isoformat()}")
    return 0


def cmd_request_import_email(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from app.services import cases
    from app.services.intake import draft_from_email

    path = Path(args.file)
    if not path.is_file():
        raise CliError(f"{args.file}: no such file")
    draft = draft_from_email(path)
    req = draft.request
    if args.name:
        req = replace(req, name=args.name)
    if args.type:
        req = replace(req, types=_parse_types(args.type))
    if args.received:
        req = replace(req, received_at=_parse_received(args.received))
    if not req.name.strip():
        raise CliError(f"{path.name} names no sender: give the requester's name with --name")
    req = replace(req, new_subject=args.new_subject)
    db = _open(args)
    try:
        logged = cases.log_request(db, req)
    finally:
        db.close()
    print(logged.reference)
    received = draft.parsed.received_at.astimezone(OSLO)
    print(
        f"received {received.isoformat(timespec='minutes')} "
        f"(from the {draft.parsed.received_source.replace('-', ' ')}: check it)"
    )
    print(f"due {logged.due.isoformat()}")
    return 0


CASE_FIELDS = ("reference", "types", "channel", "received", "due", "days_left", "status", "subject")


def cmd_cases_list(args: argparse.Namespace) -> int:
    from app.services import cases
    from app.services.dto import CaseQuery

    db = _open(args, create=False)
    today = cases.today_oslo()
    try:
        q = CaseQuery(open_only=args.open, sort="due")
        rows = []
        offset = 0
        while True:
            page = cases.list_cases(db, q, offset=offset, limit=1000, today=today)
            rows += page
            if len(page) < 1000:
                break
            offset += 1000
    finally:
        db.close()
    records = [
        {
            "reference": r.reference,
            "types": [t.value for t in r.types],
            "channel": r.channel.value,
            "received": r.received.isoformat(),
            "due": r.due.isoformat(),
            "days_left": deadlines.days_left(r.due, today) if r.is_open else None,
            "status": r.status.value,
            "subject": r.subject,
        }
        for r in rows
    ]
    if args.format == "json":
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        print()
    elif args.format == "csv":
        from app.reports.csvsafe import neutralise

        w = csv.writer(sys.stdout)
        w.writerow(CASE_FIELDS)
        for rec in records:
            rec["types"] = ",".join(rec["types"])
            w.writerow([neutralise("" if rec[f] is None else str(rec[f])) for f in CASE_FIELDS])
    else:
        header = ("REFERENCE", "TYPES", "CHANNEL", "RECEIVED", "DUE", "LEFT", "STATUS", "SUBJECT")
        table = [header] + [
            (
                rec["reference"],
                ",".join(rec["types"]),
                rec["channel"],
                rec["received"],
                rec["due"],
                "" if rec["days_left"] is None else str(rec["days_left"]),
                rec["status"],
                rec["subject"],
            )
            for rec in records
        ]
        widths = [max(len(row[i]) for row in table) for i in range(len(header) - 1)]
        for row in table:
            print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)) + "  " + row[-1])
    return 0


def cmd_deadline(args: argparse.Namespace) -> int:
    received = _parse_date(args.received, "the receipt date")
    exp = deadlines.explain_due_date(received, extended=args.extended, lang=args.lang)
    print(exp.due.isoformat())
    print(exp.text)
    return 0


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from app.services.audit import verify_chain

    db = _open(args, create=False)
    try:
        report = verify_chain(db)
    finally:
        db.close()
    if report.ok:
        print(f"audit chain intact: {report.rows} rows")
        return 0
    print(f"audit chain broken at row {report.first_bad_id}: {report.problem}", file=sys.stderr)
    return 1


def cmd_backup(args: argparse.Namespace) -> int:
    from app.services.backup import make_backup

    db = _open(args, create=False)
    try:
        path = make_backup(db, Path(args.to) if args.to else None)
    finally:
        db.close()
    print(path)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from app.services.backup import restore
    from app.services.database import default_database_path

    target = (Path(args.db) if args.db else default_database_path()).expanduser().resolve()
    if not args.yes:
        if not sys.stdin.isatty():
            raise CliError("restoring replaces the database: confirm with --yes")
        answer = input(f"Replace {target.name} by {Path(args.file).name}? [y/N] ")
        if answer.strip().lower() not in ("y", "yes", "j", "ja"):
            print("nothing restored")
            return 1
    result = restore(target, Path(args.file))
    print(f"restored {target} from {result.restored_from.name}")
    if result.kept_aside:
        print(f"the previous file is kept as {result.kept_aside}")
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from app.ui.app import run_gui

    return run_gui(Path(args.db) if args.db else None)


# --- parser ---------------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise CliError(message)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="innsyn", description="The privacy officer's workbench.")
    p.add_argument(
        "--db", metavar="PATH", help="the case database (default: in the user's data directory)"
    )
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    sp = sub.add_parser("init", help="create and seed a database")
    sp.set_defaults(func=cmd_init)

    req = sub.add_parser("request", help="log requests").add_subparsers(
        dest="request_command", parser_class=_Parser, required=True
    )
    add = req.add_parser("add", help="log a request; prints the case reference first")
    add.add_argument("--channel", required=True, choices=[c.value for c in Channel])
    add.add_argument("--type", required=True, help="access,rectification,erasure,...")
    add.add_argument("--name", required=True)
    add.add_argument("--email")
    add.add_argument("--phone")
    add.add_argument("--address")
    add.add_argument("--customer-no")
    add.add_argument("--received", help="ISO date-time (Norwegian time if no offset)")
    add.add_argument("--notes")
    add.add_argument("--lang", choices=["nb", "en"], default="nb")
    add.add_argument("--new-subject", action="store_true")
    add.set_defaults(func=cmd_request_add)

    imp = req.add_parser("import-email", help="import an .eml or .msg; prints the reference")
    imp.add_argument("file")
    imp.add_argument("--name", help="the requester's name, where the e-mail has none")
    imp.add_argument("--type", help="override the request types read from the text")
    imp.add_argument("--received", help="override the time of receipt (ISO)")
    imp.add_argument("--new-subject", action="store_true")
    imp.set_defaults(func=cmd_request_import_email)

    cs = sub.add_parser("cases", help="case lists").add_subparsers(
        dest="cases_command", parser_class=_Parser, required=True
    )
    ls = cs.add_parser("list")
    ls.add_argument("--open", action="store_true", help="open cases only")
    ls.add_argument("--format", choices=["table", "csv", "json"], default="table")
    ls.set_defaults(func=cmd_cases_list)

    dl = sub.add_parser("deadline", help="the Art. 12(3) due date for a receipt date")
    dl.add_argument("received", metavar="YYYY-MM-DD")
    dl.add_argument("--extended", action="store_true")
    dl.add_argument("--lang", choices=["nb", "en"], default="en")
    dl.set_defaults(func=cmd_deadline)

    au = sub.add_parser("audit", help="the audit trail").add_subparsers(
        dest="audit_command", parser_class=_Parser, required=True
    )
    av = au.add_parser("verify", help="exit 0 when the hash chain holds")
    av.set_defaults(func=cmd_audit_verify)

    bk = sub.add_parser("backup", help="an encrypted backup now")
    bk.add_argument("--to", metavar="DIR", help="backup folder (default: the configured one)")
    bk.set_defaults(func=cmd_backup)
    rs = sub.add_parser("restore", help="replace the database by a verified backup")
    rs.add_argument("file")
    rs.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    rs.set_defaults(func=cmd_restore)

    gui = sub.add_parser("gui", help="open the application (the default)")
    gui.set_defaults(func=cmd_gui)
    return p


def main(argv: Sequence[str]) -> int:
    parser = build_parser()
    log = logging.getLogger("innsyn.cli")
    try:
        args = parser.parse_args(list(argv))
        from app import logsetup

        logsetup.configure()
        if args.command is None or args.command == "gui":
            return cmd_gui(args)
        log.info("command %s", args.command)
        result: int = args.func(args)
        return result
    except UserError as exc:
        # The message may quote what the user typed: it goes to the terminal, not the log.
        log.info("command refused: %s", type(exc).__name__)
        print(f"innsyn: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130
