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
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core import clock, deadlines
from app.core.errors import UserError
from app.core.model import Channel, RequestType

if TYPE_CHECKING:
    from app.services.retention_sweep import SweepItem
    from app.store.database import Database, FileCheck

OSLO = clock.OSLO
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
        return clock.now_utc()
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


def _open(
    args: argparse.Namespace, *, create: bool = True, check: FileCheck | None = None
) -> Database:
    """Open the database; where its key is not in the keyring, ask on the terminal (never
    from an argument or the environment, which other users and logs can see). The full
    check of the file runs only when it is due (see app.store.database) or `check`
    says so: `innsyn check` runs it on demand."""
    from app.store.database import FileCheck, open_database
    from app.store.keys import KeyNeeded, KeyringUnavailable

    path = Path(args.db) if args.db else None
    when = check or FileCheck.WHEN_DUE
    try:
        return open_database(path, create=create, check=when)
    except (KeyNeeded, KeyringUnavailable) as exc:
        if not sys.stdin.isatty():
            raise
        print(f"innsyn: {exc}", file=sys.stderr)
        if isinstance(exc, KeyringUnavailable):
            first = getpass.getpass("New passphrase (at least 12 characters): ")
            if getpass.getpass("The same passphrase again: ") != first:
                raise CliError("the two passphrases differ") from None
            return open_database(path, create=create, new_passphrase=first, check=when)
        secret = getpass.getpass("Recovery key or passphrase: ")
        return open_database(path, create=create, secret=secret, check=when)


# --- commands -----------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    with _open(args) as db:
        state = "created and seeded" if db.migration and db.migration.created else "up to date"
        print(f"{db.path}: {state}")
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
    with _open(args) as db:
        logged = cases.log_request(db, req)
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
    with _open(args) as db:
        logged = cases.log_request(db, req)
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
    """The case log, by due date. Printed as it is read from the database (one statement,
    a batch at a time): a million cases are never held at once."""
    from app.services import cases
    from app.services.dto import CaseQuery, CaseRow

    db = _open(args, create=False)
    today = cases.today_oslo()
    q = CaseQuery(open_only=args.open, sort="due")

    def record(r: CaseRow) -> dict[str, Any]:
        return {
            "reference": r.reference,
            "types": [t.value for t in r.types],
            "channel": r.channel.value,
            "received": r.received.isoformat(),
            "due": r.due.isoformat(),
            "days_left": deadlines.days_left(r.due, today) if r.is_open else None,
            "status": r.status.value,
            "subject": r.subject,
        }

    def line(r: CaseRow) -> tuple[str, ...]:
        rec = record(r)
        return (
            rec["reference"],
            ",".join(rec["types"]),
            rec["channel"],
            rec["received"],
            rec["due"],
            "" if rec["days_left"] is None else str(rec["days_left"]),
            rec["status"],
            rec["subject"],
        )

    out = sys.stdout
    with db:
        if args.format == "json":  # as json.dump(records, indent=2) prints the list
            first = True
            out.write("[")
            for r in cases.iter_cases(db, q, today=today):
                text = json.dumps(record(r), ensure_ascii=False, indent=2)
                out.write(("\n  " if first else ",\n  ") + text.replace("\n", "\n  "))
                first = False
            out.write("]\n" if first else "\n]\n")
        elif args.format == "csv":
            from app.reports.csvsafe import neutralise

            w = csv.writer(out)
            w.writerow(CASE_FIELDS)
            for r in cases.iter_cases(db, q, today=today):
                rec = record(r)
                rec["types"] = ",".join(rec["types"])
                w.writerow([neutralise("" if rec[f] is None else str(rec[f])) for f in CASE_FIELDS])
        else:  # aligned columns: read twice, once for the widths, once to print
            header = (
                "REFERENCE",
                "TYPES",
                "CHANNEL",
                "RECEIVED",
                "DUE",
                "LEFT",
                "STATUS",
                "SUBJECT",
            )
            widths = [len(h) for h in header[:-1]]
            for r in cases.iter_cases(db, q, today=today):
                widths = [max(w, len(c)) for w, c in zip(widths, line(r), strict=False)]

            def show(row: tuple[str, ...]) -> None:
                print(
                    "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False))
                    + "  "
                    + row[-1]
                )

            show(header)
            for r in cases.iter_cases(db, q, today=today):
                show(line(r))
    return 0


def cmd_deadline(args: argparse.Namespace) -> int:
    received = _parse_date(args.received, "the receipt date")
    exp = deadlines.explain_due_date(received, extended=args.extended, lang=args.lang)
    print(exp.due.isoformat())
    print(exp.text)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Read and check every page of the database file (SQLite's quick check)."""
    from app.store.database import FileCheck, FullCheck

    with _open(args, create=False, check=FileCheck.LATER) as db:
        problem = FullCheck(db).run()
    if problem is None:
        print(f"{db.path.name}: every page reads and checks")
        return 0
    print(f"innsyn: {problem} Restore the newest good backup (innsyn restore).", file=sys.stderr)
    return 1


def cmd_audit_verify(args: argparse.Namespace) -> int:
    """The whole hash chain, on a file whose every page was checked first."""
    from app.services.audit import verify_chain
    from app.store.database import FileCheck

    with _open(args, create=False, check=FileCheck.NOW) as db:
        report = verify_chain(db)
    if report.ok:
        print(f"audit chain intact: {report.rows} rows")
        return 0
    print(f"audit chain broken at row {report.first_bad_id}: {report.problem}", file=sys.stderr)
    return 1


def cmd_backup(args: argparse.Namespace) -> int:
    from app.services.backup import make_backup

    with _open(args, create=False) as db:
        path = make_backup(db, Path(args.to) if args.to else None)
    print(path)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from app.services.backup import restore
    from app.store.database import default_database_path

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


def cmd_key_recovery_sheet(args: argparse.Namespace) -> int:
    from app.services.setup import recovery_sheet
    from app.store.files import write_private

    out = Path(args.out)
    if not args.yes:
        if not sys.stdin.isatty():
            raise CliError("the sheet holds the database key: confirm with --yes")
        answer = input(f"Write the database key to {out}? Keep the printout in a safe. [y/N] ")
        if answer.strip().lower() not in ("y", "yes", "j", "ja"):
            print("nothing written")
            return 1
    with _open(args, create=False) as db:
        pdf = recovery_sheet(db)
    write_private(out, pdf)
    print(f"recovery sheet written to {out}: print it, keep it in a safe, delete the file")
    return 0


def cmd_erasure_apply(args: argparse.Namespace) -> int:
    """Apply a case's erasure matrix: one line for each thing erased or kept (with why)."""
    from app.services import rights

    with _open(args, create=False) as db:
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


def cmd_subjects_import(args: argparse.Namespace) -> int:
    """Import a subject register (CSV or XLSX): the counts first, then one line per bad row.
    Exit 0 when the file was read (bad rows included); 1 when --reject-all-if-bad left
    everything out; 2 when the file cannot be read (nothing written)."""
    from app.services.subject_import import import_subjects, load_mapping, preview

    path = Path(args.file)
    if not path.is_file():
        raise CliError(f"{args.file}: no such file")
    mapping = load_mapping(Path(args.mapping)) if args.mapping else None
    pre = preview(path, mapping, limit=0)  # an unreadable file fails before the database opens
    pre.mapping.check(pre.headers)
    with _open(args) as db:
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


def cmd_export_log(args: argparse.Namespace) -> int:
    from app.services.exports import export_case_log

    start = _parse_date(args.date_from, "--from")
    end = _parse_date(args.date_to, "--to")
    with _open(args, create=False) as db:
        n = export_case_log(
            db, Path(args.out), fmt=args.format, received_from=start, received_to=end,
            names=args.names, lang=args.lang,
        )  # fmt: skip
    print(f"{n} cases written to {args.out}" + (" (with names)" if args.names else ""))
    return 0


def cmd_export_case(args: argparse.Namespace) -> int:
    from app.services.exports import export_evidence_pack

    with _open(args, create=False) as db:
        entries = export_evidence_pack(db, args.reference, Path(args.out), lang=args.lang)
    print(f"evidence pack for {args.reference} written to {args.out}: {len(entries)} files")
    return 0


def cmd_report_annual(args: argparse.Namespace) -> int:
    from app.services.exports import export_annual_report

    with _open(args, create=False) as db:
        figures = export_annual_report(db, args.year, Path(args.out), lang=args.lang)
    print(f"annual report {args.year} written to {args.out}: {figures.requests} requests")
    return 0


def _out_file(text: str, option: str = "--out") -> Path:
    """A file to write, checked before anything is generated: bad input writes nothing."""
    import os

    out = Path(text).expanduser()
    if out.is_dir():
        raise CliError(f"{option} {text} is a folder; give a file name")
    if not out.parent.is_dir():
        raise CliError(f"{option} {text}: the folder {out.parent} does not exist")
    if not os.access(out.parent, os.W_OK):
        raise CliError(f"{option} {text}: the folder {out.parent} cannot be written to")
    return out


def cmd_statement(args: argparse.Namespace) -> int:
    """The Art. 15 statement for an access case: written to --out and kept with the case."""
    from app.services import statements
    from app.store.files import write_private

    out = _out_file(args.out)
    with _open(args, create=False) as db:
        stored = statements.generate_statement(db, args.reference, args.lang)
    write_private(out, stored.content)
    print(f"statement written to {out}; kept with case {args.reference} as {stored.filename}")
    print(f"SHA-256 {stored.sha256}")
    return 0


def cmd_letter(args: argparse.Namespace) -> int:
    from app.services import statements
    from app.store.files import write_private

    out = _out_file(args.out)
    with _open(args, create=False) as db:
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
        raise CliError(f"--out {args.out}: no such folder")
    combined = _out_file(args.combined, "--combined") if args.combined else None
    with _open(args, create=False) as db:
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

    with _open(args, create=False) as db:
        n = write_calendar(db, Path(args.out))
    print(f"{n} open cases' deadlines written to {args.out}")
    return 0


def cmd_retention_sweep(args: argparse.Namespace) -> int:
    """Everything whose retention has run out by --as-of (default today), most overdue first.
    Pseudonyms only, unless --names (recorded in the audit trail). Printed as it is read from
    the database: a million people's list is never held at once."""
    from app.services import retention_sweep
    from app.services.audit import record
    from app.services.cases import today_oslo

    as_of = _parse_date(args.as_of, "--as-of") if args.as_of else today_oslo()
    with _open(args, create=False) as db:
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


def cmd_self_test(args: argparse.Namespace) -> int:
    from app.selftest import run_self_test

    return run_self_test()


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
        dest="key_command", parser_class=_Parser, required=True
    )
    rk = key.add_parser("recovery-sheet", help="a PDF with the recovery key")
    rk.add_argument("--out", required=True, metavar="FILE.pdf")
    rk.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    rk.set_defaults(func=cmd_key_recovery_sheet)

    er = sub.add_parser("erasure", help="erasure requests (Art. 17)").add_subparsers(
        dest="erasure_command", parser_class=_Parser, required=True
    )
    ea = er.add_parser("apply", help="apply a case's erasure matrix; prints what was erased")
    ea.add_argument("reference", metavar="REF")
    ea.add_argument("--dry-run", action="store_true", help="say what would happen; change nothing")
    ea.add_argument("--letter", metavar="FILE.pdf", help="where to save the confirmation letter")
    ea.set_defaults(func=cmd_erasure_apply)

    sj = sub.add_parser("subjects", help="the subject register").add_subparsers(
        dest="subjects_command", parser_class=_Parser, required=True
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

    ex = sub.add_parser("export", help="exports for Datatilsynet").add_subparsers(
        dest="export_command", parser_class=_Parser, required=True
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
        dest="report_command", parser_class=_Parser, required=True
    )
    ra = rp.add_parser("annual", help="the yearly figures as a PDF")
    ra.add_argument("--year", type=int, required=True)
    ra.add_argument("--out", required=True, metavar="FILE.pdf")
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

    rt = sub.add_parser("retention", help="retention periods").add_subparsers(
        dest="retention_command", parser_class=_Parser, required=True
    )
    rsw = rt.add_parser("sweep", help="everything whose retention has run out, most overdue first")
    rsw.add_argument("--as-of", metavar="YYYY-MM-DD", help="the date to sweep for (default today)")
    rsw.add_argument("--format", choices=["table", "csv", "json"], default="table")
    rsw.add_argument("--names", action="store_true", help="include names (recorded in the audit)")
    rsw.set_defaults(func=cmd_retention_sweep)

    st = sub.add_parser("self-test", help="check this installation on throw-away data")
    st.set_defaults(func=cmd_self_test)
    p.add_argument("--self-test", action="store_true", help="the same as the self-test command")

    gui = sub.add_parser("gui", help="open the application (the default)")
    gui.set_defaults(func=cmd_gui)
    return p


def main(argv: Sequence[str]) -> int:
    parser = build_parser()
    log = logging.getLogger("innsyn.cli")
    try:
        args = parser.parse_args(list(argv))
        if args.self_test or args.command == "self-test":
            return cmd_self_test(args)  # before the log: it touches nothing of the user's
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
    except BrokenPipeError:
        # The reader went away (`innsyn cases list | head`): stop quietly, as Unix tools do.
        # What is still buffered would fail again at exit: send it nowhere.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return 141
