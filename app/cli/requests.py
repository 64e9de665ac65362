"""Logging requests, the case list and the deadline calculator."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.common import (
    OSLO,
    CliError,
    Parser,
    Subcommands,
    language_of,
    open_db,
    parse_date,
    parse_received,
    parse_types,
)
from app.core import deadlines
from app.core.messages import Message
from app.core.model import Channel

if TYPE_CHECKING:
    from app.services.dto import RequestInput


def cmd_request_add(args: argparse.Namespace) -> int:
    from app.services import cases
    from app.services.dto import RequestInput

    try:
        channel = Channel(args.channel)
    except ValueError:
        raise CliError("cli.unknown_channel", value=args.channel) from None
    req = RequestInput(
        channel=channel,
        types=parse_types(args.type),
        name=args.name,
        received_at=parse_received(args.received),
        email=args.email,
        phone=args.phone,
        address=args.address or "",
        customer_no=args.customer_no,
        notes=args.notes or "",
        language=args.lang,
        new_subject=args.new_subject,
    )
    req = cases.normalise_request(req)  # fail on bad input before touching the database
    if args.to_case is not None:
        return _add_to_case(args, req)
    with open_db(args) as db:
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


def _add_to_case(args: argparse.Namespace, req: RequestInput) -> int:
    """A further request from the same person, recorded on their open case, as the intake
    dialog offers it: only for an open case of the person the request is from (known by
    e-mail, phone or customer number, not by name alone) that has a request of the same
    type."""
    from dataclasses import replace

    from app.services import cases

    if args.new_subject:
        raise CliError("cli.to_case_new_subject")
    with open_db(args, create=False) as db:
        d = cases.get_case(db, args.to_case)
        check = cases.check_request(db, req)
        same = any(
            m.subject_id == d.subject_id and set(m.matched_on) - {"name"} for m in check.matches
        )
        if not same:
            raise CliError("cli.not_same_person", reference=d.reference)
        check = cases.check_request(db, replace(req, subject_id=d.subject_id))
        if d.reference not in {c.reference for c in check.duplicates}:
            raise CliError(
                "cli.not_open_same_type",
                reference=d.reference,
                status=d.status,
                types=tuple(d.types),
            )
        cases.add_request_to_case(db, d.reference, replace(req, subject_id=d.subject_id))
        d = cases.get_case(db, d.reference)
    print(d.reference)
    print(f"added to case {d.reference}: now {', '.join(t.value for t in d.types)}")
    print(f"due {d.due.isoformat()}")
    return 0


def cmd_request_import_email(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from app.services import cases
    from app.services.intake import draft_from_email

    path = Path(args.file)
    if not path.is_file():
        raise CliError("cli.no_such_file", path=args.file)
    draft = draft_from_email(path, language_of(args))
    req = draft.request
    if args.name:
        req = replace(req, name=args.name)
    if args.type:
        req = replace(req, types=parse_types(args.type))
    if args.received:
        req = replace(req, received_at=parse_received(args.received))
    if not req.name.strip():
        raise CliError("cli.no_sender", file=path.name)
    req = replace(req, new_subject=args.new_subject)
    with open_db(args) as db:
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

    db = open_db(args, create=False)
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
    received = parse_date(args.received, Message("cli.receipt_date"))
    exp = deadlines.explain_due_date(received, extended=args.extended, lang=args.lang)
    print(exp.due.isoformat())
    print(exp.text)
    return 0


def register(sub: Subcommands) -> None:
    req = sub.add_parser("request", help="log requests").add_subparsers(
        dest="request_command", parser_class=Parser, required=True
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
    add.add_argument(
        "--to-case", metavar="REF", help="a further request of the same person: add it to the case"
    )
    add.set_defaults(func=cmd_request_add)

    imp = req.add_parser("import-email", help="import an .eml or .msg; prints the reference")
    imp.add_argument("file")
    imp.add_argument("--name", help="the requester's name, where the e-mail has none")
    imp.add_argument("--type", help="override the request types read from the text")
    imp.add_argument("--received", help="override the time of receipt (ISO)")
    imp.add_argument("--new-subject", action="store_true")
    imp.set_defaults(func=cmd_request_import_email)

    cs = sub.add_parser("cases", help="case lists").add_subparsers(
        dest="cases_command", parser_class=Parser, required=True
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
