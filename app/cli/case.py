"""`innsyn case ...`: one case shown and acted on, each action one service call as the case
view of the GUI makes it, with the same checks. Every value given is checked before the
database is opened; what only the database can say (the reference, the rules of the
workflow) is refused by the service, in its one transaction."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING, Any

from app.cli.common import (
    OSLO,
    CliError,
    Parser,
    Subcommands,
    choose,
    choose_named,
    language_of,
    open_db,
    parse_date,
    parse_past_date,
    print_json,
)
from app.core import clock, deadlines
from app.core.event_text import event_text, kind_label
from app.core.messages import Message
from app.core.model import AnswerMethod, IdentityMethod, IdentityResult, RequestType, Status
from app.services.storage import Database

if TYPE_CHECKING:
    from app.services.dto import CaseDetail, DocumentView
    from app.services.rights import NoticeView, SystemTaskView

# Short names for the methods of checking identity (the stored value is the long one).
IDENTITY_METHODS: dict[str, str] = {
    m.name.lower().replace("_", "-"): m.value for m in IdentityMethod
}
# "failed" is what a script says; "not verified" is what the case records.
IDENTITY_RESULTS: dict[str, str] = {
    "verified": IdentityResult.VERIFIED.value,
    "failed": IdentityResult.NOT_VERIFIED.value,
    "pending": IdentityResult.PENDING.value,
}
YES_NO = ("yes", "no")


def _day(d: dt.date | None) -> str | None:
    return d.isoformat() if d is not None else None


def _oslo_minutes(moment: dt.datetime) -> str:
    return moment.astimezone(OSLO).strftime("%Y-%m-%d %H:%M")


def _status_text(db: Database, reference: str) -> str:
    """After an action, read on the same opening: the case's status and deadline now."""
    from app.services import cases

    d = cases.get_case(db, reference)
    return f"{d.reference}: {d.status.value}, due {d.due.isoformat()}"


# --- show ---------------------------------------------------------------------------------


def case_record(d: CaseDetail, today: dt.date) -> dict[str, Any]:
    """A case's details as `case show --format json` prints them."""
    return {
        "reference": d.reference,
        "subject": {"id": d.subject_id, "name": d.subject_name, "pseudonym": d.subject_pseudonym},
        "types": [t.value for t in d.types],
        "channel": d.channel.value,
        "language": d.language,
        "status": d.status.value,
        "is_open": d.is_open,
        "received": d.received.isoformat(),
        "received_at": d.received_at.isoformat(),
        "due": d.due.isoformat(),
        "due_explanation": d.due_explanation,
        "adjusted_due": _day(d.adjusted_due),
        "days_left": deadlines.days_left(d.due, today) if d.is_open else None,
        "extended": d.extended,
        "extension": (
            {
                "decided_on": _day(d.extension_decided_on),
                "told_on": _day(d.extension_told_on),
                "reasons": d.extension_reason,
            }
            if d.extended
            else None
        ),
        "identity": {
            "method": d.identity_method,
            "result": d.identity_result,
            "notes": d.identity_notes,
            "verified_on": _day(d.identity_verified_on),
            "requested_on": _day(d.identity_requested_on),
            "received_on": _day(d.identity_received_on),
        },
        "fee": {"decision": d.fee_decision, "amount": d.fee_amount, "reason": d.fee_reason},
        "refusal_reason": d.refusal_reason,
        "answered_on": _day(d.answered_on),
        "answer_method": d.answer_method,
        "closed_on": _day(d.closed_on),
        "documents": [
            {
                "kind": doc.kind,
                "filename": doc.filename,
                "sha256": doc.sha256,
                "size": doc.size,
                "created_at": doc.created_at.isoformat(),
                "sent_on": _day(doc.sent_on),
                "sent_method": doc.sent_method,
            }
            for doc in d.documents
        ],
        "timeline": [
            {
                "at": e.at.isoformat(),
                "user": e.user,
                "kind": e.kind,
                "detail": e.detail,
                "params": e.params,
            }
            for e in d.events
        ],
    }


def _identity_lines(d: CaseDetail) -> list[str]:
    if d.identity_method:
        lines = [f"{d.identity_method}: {d.identity_result or 'pending'}"]
        if d.identity_verified_on:
            lines.append(f"verified on {d.identity_verified_on.isoformat()}")
        if d.identity_notes:
            lines.append(d.identity_notes)
    else:
        lines = ["not checked yet"]
    if d.identity_requested_on:
        asked = f"identification asked for on {d.identity_requested_on.isoformat()}; "
        asked += (
            f"arrived {d.identity_received_on.isoformat()}"
            if d.identity_received_on
            else "not yet arrived"
        )
        lines.append(asked)
    return lines


def _print_case(d: CaseDetail, today: dt.date, language: str = "en") -> None:
    rows: list[tuple[str, list[str]]] = [
        ("reference", [d.reference]),
        ("subject", [f"{d.subject_name} ({d.subject_pseudonym})"]),
        ("types", [", ".join(t.value for t in d.types)]),
        ("channel", [d.channel.value]),
        ("status", [d.status.value]),
        ("received", [f"{_oslo_minutes(d.received_at)} (Oslo)"]),
    ]
    due = d.due.isoformat() + " (strict: the one that counts)"
    if d.is_open:
        due += f"; days left: {deadlines.days_left(d.due, today)}"
    rows.append(("due", [due, d.due_explanation]))
    if d.adjusted_due is not None:
        rows.append(
            ("adjusted due", [f"{d.adjusted_due.isoformat()} (for the identity pause; shown only)"])
        )
    if d.extended:
        extension = [
            f"yes: decided on {_day(d.extension_decided_on)}; person told {_day(d.extension_told_on)}"
        ]
        rows.append(("extended", extension + ([d.extension_reason] if d.extension_reason else [])))
    else:
        rows.append(("extended", ["no"]))
    rows.append(("identity", _identity_lines(d)))
    answer = "not answered yet"
    if d.answered_on is not None:
        answer = f"{d.answered_on.isoformat()} by {d.answer_method or ''}"
    rows.append(("answered", [answer]))
    if d.closed_on:
        rows.append(("closed", [d.closed_on.isoformat()]))
    width = max(len(label) for label, _ in rows)
    for label, values in rows:
        lines = [line for value in values for line in value.splitlines()] or [""]
        print(f"{label.ljust(width)}  {lines[0]}")
        for line in lines[1:]:
            print(f"{'':{width}}  {line}")
    print()
    print("timeline")
    for e in d.events:
        detail = event_text(e.kind, e.params, e.detail, language).splitlines() or [""]
        head = f"  {_oslo_minutes(e.at)}  {e.user}  {kind_label(e.kind, language)}"
        print(f"{head}: {detail[0]}" if detail[0] else head)
        for line in detail[1:]:
            print(f"      {line}")


def cmd_case_show(args: argparse.Namespace) -> int:
    from app.services import cases

    with open_db(args, create=False) as db:
        d = cases.get_case(db, args.reference)
    today = clock.today_oslo()
    if args.format == "json":
        print_json(case_record(d, today))
    else:
        _print_case(d, today, language_of(args))
    return 0


# --- identity, pause, extension -----------------------------------------------------------------


def cmd_case_identity(args: argparse.Namespace) -> int:
    from app.services import cases

    method = choose_named(args.method, IDENTITY_METHODS, Message("cli.what_method"))
    result = IdentityResult(choose_named(args.result, IDENTITY_RESULTS, Message("cli.what_result")))
    notes = (args.notes or "").strip()
    if method == IdentityMethod.OTHER.value and not notes:
        raise CliError("cli.identity_other_notes")
    on = parse_past_date(args.on, "--on")
    with open_db(args, create=False) as db:
        cases.record_identity(db, args.reference, method=method, result=result, notes=notes, on=on)
        now = _status_text(db, args.reference)
    print(f"{args.reference}: identity {result.value} ({method}) on {on.isoformat()}")
    print(now)
    return 0


def cmd_case_pause(args: argparse.Namespace) -> int:
    from app.services import cases

    asked = parse_past_date(args.asked_on, "--asked-on")
    with open_db(args, create=False) as db:
        cases.pause_for_identity(db, args.reference, requested_on=asked)
        now = _status_text(db, args.reference)
    print(f"{args.reference}: identification asked for on {asked.isoformat()}")
    print(now)
    return 0


def cmd_case_resume(args: argparse.Namespace) -> int:
    from app.services import cases

    arrived = parse_past_date(args.arrived_on, "--arrived-on")
    with open_db(args, create=False) as db:
        cases.resume_after_identity(db, args.reference, received_on=arrived)
        now = _status_text(db, args.reference)
    print(f"{args.reference}: identification arrived on {arrived.isoformat()}")
    print(now)
    return 0


def cmd_case_extend(args: argparse.Namespace) -> int:
    from app.services import cases

    reasons = args.reasons.strip()
    if not reasons:
        raise CliError("cli.extension_no_reasons")
    decided = parse_date(args.decided_on, "--decided-on") if args.decided_on else None
    decided = decided or clock.today_oslo()
    told = parse_date(args.told_on, "--told-on") if args.told_on else decided
    if told < decided:
        raise CliError("cli.told_before_decided", told=told, decided=decided)
    with open_db(args, create=False) as db:
        due = cases.extend(db, args.reference, reason=reasons, decided_on=decided, told_on=told)
    print(f"{args.reference}: extended; due {due.isoformat()} (person told {told.isoformat()})")
    return 0


# --- notes, status, answer, close -----------------------------------------------------------------


def cmd_case_note(args: argparse.Namespace) -> int:
    from app.services import cases

    note = args.text.strip()
    if not note:
        raise CliError("cli.note_empty")
    with open_db(args, create=False) as db:
        cases.add_note(db, args.reference, note)
    print(f"{args.reference}: note added")
    return 0


def cmd_case_status(args: argparse.Namespace) -> int:
    from app.services import workflow

    status = Status(choose(args.status, [s.value for s in Status], Message("cli.what_status")))
    with open_db(args, create=False) as db:
        workflow.change_status(db, args.reference, status, (args.note or "").strip())
        now = _status_text(db, args.reference)
    print(now)
    return 0


def cmd_case_answer(args: argparse.Namespace) -> int:
    from app.services import workflow

    method = choose(args.method, [m.value for m in AnswerMethod], Message("cli.what_method"))
    on = parse_past_date(args.on, "--on")
    with open_db(args, create=False) as db:
        workflow.mark_answered(
            db, args.reference, on=on, method=method, note=(args.note or "").strip()
        )
        now = _status_text(db, args.reference)
    print(f"{args.reference}: answered on {on.isoformat()} by {method}")
    print(now)
    return 0


def cmd_case_close(args: argparse.Namespace) -> int:
    from app.services import workflow

    with open_db(args, create=False) as db:
        workflow.close_case(db, args.reference, (args.note or "").strip())
    print(f"{args.reference}: closed")
    return 0


# --- the search checklist (access) -------------------------------------------------------------------


def cmd_case_systems(args: argparse.Namespace) -> int:
    from app.services import findings

    with open_db(args, create=False) as db:
        rows = findings.findings(db, args.reference)
    if args.format == "json":
        print_json(
            [
                {
                    "system": f.system,
                    "holds": f.holds,
                    "searched_on": _day(f.searched_on),
                    "found": f.found,
                    "categories": list(f.categories),
                    "notes": f.notes,
                    "evidence_sha256": f.evidence_sha256,
                }
                for f in rows
            ]
        )
        return 0
    table = [("SYSTEM", "SEARCHED", "FOUND", "CATEGORIES")] + [
        (
            f.system,
            _day(f.searched_on) or "",
            "not searched" if f.found is None else ("yes" if f.found else "no"),
            ", ".join(f.categories),
        )
        for f in rows
    ]
    widths = [max(len(r[i]) for r in table) for i in range(3)]
    for r in table:
        print("  ".join(c.ljust(w) for c, w in zip(r[:3], widths, strict=True)) + "  " + r[3])
    searched = sum(1 for f in rows if f.found is not None)
    print(f"{searched} of {len(rows)} systems searched")
    return 0


def cmd_case_search(args: argparse.Namespace) -> int:
    from app.services import cases, findings, register

    found = choose(args.found, YES_NO, Message("cli.what_found")) == "yes"
    categories = tuple(c.strip() for c in (args.categories or "").split(",") if c.strip())
    notes = (args.notes or "").strip()
    if found and not (categories or notes):
        raise CliError("cli.found_yes_needs")
    if not found and (categories or notes):
        raise CliError("cli.found_no_gives")
    on = parse_past_date(args.on, "--on")
    with open_db(args, create=False) as db:
        cases.get_case(db, args.reference)  # no such case: said before anything else
        systems = [x for x in register.list_systems(db) if not x.retired]
        wanted = args.system.strip().casefold()
        system = next(
            (x for x in systems if wanted in (x.name.casefold(), x.code.casefold())), None
        )
        if system is None:
            raise CliError(
                "cli.unknown_system",
                value=args.system,
                choices=", ".join(x.name for x in systems),
            )
        findings.record_finding(
            db,
            args.reference,
            system.id,
            searched_on=on,
            found=found,
            categories=categories,
            notes=notes,
        )
    what = ("data found" + (f" ({', '.join(categories)})" if categories else "")) if found else ""
    print(
        f"{args.reference}: {system.name} searched on {on.isoformat()}: {what or 'nothing found'}"
    )
    return 0


# --- notices to recipients (Art. 19) ------------------------------------------------------------------


def _notice_record(n: NoticeView) -> dict[str, Any]:
    return {
        "recipient": n.recipient,
        "role": n.role,
        "country": n.country,
        "status": n.status,
        "notified_on": _day(n.notified_on),
        "method": n.method,
        "reason": n.reason or None,
    }


def cmd_case_notices(args: argparse.Namespace) -> int:
    from app.services import rights

    with open_db(args, create=False) as db:
        rows = rights.notices(db, args.reference)
    if args.format == "json":
        print_json([_notice_record(n) for n in rows])
        return 0
    if not rows:
        print(f"{args.reference}: no recipients to notify")
        return 0
    table = [("RECIPIENT", "STATUS", "DATE", "METHOD OR REASON")] + [
        (n.recipient, n.status, _day(n.notified_on) or "", n.method or n.reason or "") for n in rows
    ]
    widths = [max(len(r[i]) for r in table) for i in range(3)]
    for r in table:
        print("  ".join(c.ljust(w) for c, w in zip(r[:3], widths, strict=True)) + "  " + r[3])
    return 0


def cmd_case_notify(args: argparse.Namespace) -> int:
    from app.cli.rights import notice_recipient
    from app.services import rights

    if args.not_notified is not None:
        ground = choose(args.not_notified, rights.NOT_NOTIFIED_GROUNDS, Message("cli.what_ground"))
        if args.on or args.method:
            raise CliError("cli.not_notified_no_on")
        why = (args.why or "").strip()
        if not why:
            raise CliError("cli.not_notified_why", ground=ground)
    else:
        if not (args.on and args.method):
            raise CliError("cli.notify_needs_on")
        on = parse_past_date(args.on, "--on")
        method = args.method.strip()
        if not method or len(method) > 16:
            raise CliError("cli.notify_method_length")
    with open_db(args, create=False) as db:
        notice = notice_recipient(db, args.reference, args.recipient, draw_up=True)
        if args.not_notified is not None:
            done = rights.mark_not_notified(db, notice.id, why, ground=ground)
        else:
            done = rights.mark_notified(db, notice.id, on, method)
    if done.notified_on is not None:
        print(f"{args.reference}: {done.recipient} notified on {_day(done.notified_on)} by "
              f"{done.method}")  # fmt: skip
    else:
        print(f"{args.reference}: {done.recipient} not notified ({ground})")
    return 0


def cmd_case_notice_text(args: argparse.Namespace) -> int:
    """The notice to one recipient as a plain e-mail (subject line, then the text), as the
    rights panel copies it."""
    from app.cli.rights import notice_recipient
    from app.services import rights

    with open_db(args, create=False) as db:
        notice = notice_recipient(db, args.reference, args.recipient)
        text = rights.notice_email_text(db, notice.id, args.lang)
    print(text, end="")
    return 0


# --- system tasks (after erasure, rectification, restriction) --------------------------------------

# The checklist's kinds, and the request type that calls for each (as the GUI's button).
TASK_KINDS: dict[str, RequestType] = {
    "rectify": RequestType.RECTIFICATION,
    "erase": RequestType.ERASURE,
    "restrict": RequestType.RESTRICTION,
}


def _task_record(t: SystemTaskView) -> dict[str, Any]:
    return {
        "id": t.id,
        "system": t.system,
        "owner": t.owner,
        "kind": t.kind,
        "done_on": _day(t.done_on),
        "notes": t.notes or None,
    }


def _print_tasks(reference: str, rows: list[SystemTaskView]) -> None:
    if not rows:
        print(f"{reference}: no system tasks")
        return
    table = [("ID", "SYSTEM", "TASK", "OWNER", "DONE")] + [
        (str(t.id), t.system, t.kind, t.owner, _day(t.done_on) or "") for t in rows
    ]
    widths = [max(len(r[i]) for r in table) for i in range(4)]
    for r in table:
        line = "  ".join(c.ljust(w) for c, w in zip(r[:4], widths, strict=True))
        print(f"{line}  {r[4]}".rstrip())
    done = sum(1 for t in rows if t.done_on is not None)
    print(f"{done} of {len(rows)} done")


def cmd_case_tasks(args: argparse.Namespace) -> int:
    from app.services import rights

    with open_db(args, create=False) as db:
        rows = rights.system_tasks(db, args.reference)
    if args.format == "json":
        print_json([_task_record(t) for t in rows])
    else:
        _print_tasks(args.reference, rows)
    return 0


def cmd_case_create_tasks(args: argparse.Namespace) -> int:
    """One line per system of the activities concerned, for each right the case asks for
    (the GUI's "Create tasks from the register"), or for --kind only. Lines already there
    stay."""
    from app.services import cases, rights

    wanted = choose(args.kind, TASK_KINDS, Message("cli.what_task")) if args.kind else None
    with open_db(args, create=False) as db:
        d = cases.get_case(db, args.reference)
        kinds = [k for k, t in TASK_KINDS.items() if t in d.types]
        if not kinds:
            raise CliError("cli.no_task_kinds", reference=d.reference)
        if wanted is not None:
            if wanted not in kinds:
                raise CliError(
                    "cli.no_such_task_kind",
                    reference=d.reference,
                    kind=wanted,
                    choices=", ".join(kinds),
                )
            kinds = [wanted]
        before = len(rights.system_tasks(db, d.reference))
        rows: list[SystemTaskView] = []
        for kind in kinds:
            rows = rights.create_system_tasks(db, d.reference, kind)
    print(f"{d.reference}: {len(rows) - before} system task(s) added")
    _print_tasks(d.reference, rows)
    return 0


def cmd_case_task_done(args: argparse.Namespace) -> int:
    from app.services import rights

    kind = choose(args.kind, TASK_KINDS, Message("cli.what_task")) if args.kind else None
    on = parse_past_date(args.on, "--on")
    with open_db(args, create=False) as db:
        rows = rights.system_tasks(db, args.reference)
        wanted = args.task.strip().casefold()
        chosen = [t for t in rows if wanted in (str(t.id), t.system.casefold())]
        if kind is not None:
            chosen = [t for t in chosen if t.kind == kind]
        if not chosen:
            names = ", ".join(f"{t.id} ({t.system}, {t.kind})" for t in rows) or Message("cli.none")
            raise CliError(
                "cli.no_such_task", reference=args.reference, task=args.task, choices=names
            )
        if len(chosen) > 1:
            raise CliError(
                "cli.several_tasks", task=args.task, kinds=", ".join(t.kind for t in chosen)
            )
        done = rights.mark_task_done(db, chosen[0].id, on, (args.notes or "").strip())
    print(f"{args.reference}: {done.kind} in {done.system} done on {on.isoformat()}")
    return 0


# --- documents kept with the case ---------------------------------------------------------------


def _document_record(doc: DocumentView) -> dict[str, Any]:
    return {
        "id": doc.id,
        "kind": doc.kind,
        "filename": doc.filename,
        "media_type": doc.media_type,
        "sha256": doc.sha256,
        "size": doc.size,
        "created_at": doc.created_at.isoformat(),
        "sent_on": _day(doc.sent_on),
        "sent_method": doc.sent_method,
    }


def cmd_case_documents(args: argparse.Namespace) -> int:
    from app.services import cases

    with open_db(args, create=False) as db:
        d = cases.get_case(db, args.reference)
    if args.format == "json":
        print_json([_document_record(doc) for doc in d.documents])
        return 0
    if not d.documents:
        print(f"{d.reference}: no documents")
        return 0
    table = [("ID", "KIND", "CREATED", "SENT", "SHA-256", "FILE")] + [
        (
            str(doc.id),
            doc.kind,
            _oslo_minutes(doc.created_at),
            f"{_day(doc.sent_on)} {doc.sent_method or ''}".strip() if doc.sent_on else "",
            doc.sha256[:12],
            doc.filename + ("" if doc.size else " (only its SHA-256 is kept)"),
        )
        for doc in d.documents
    ]
    widths = [max(len(r[i]) for r in table) for i in range(5)]
    for r in table:
        line = "  ".join(c.ljust(w) for c, w in zip(r[:5], widths, strict=True))
        print(f"{line}  {r[5]}".rstrip())
    return 0


def cmd_case_sent(args: argparse.Namespace) -> int:
    """When and how a statement or letter of the case went to the person."""
    from app.services import cases, statements

    method = choose(args.method, statements.SENT_METHODS, Message("cli.what_method"))
    on = parse_past_date(args.on, "--on")
    with open_db(args, create=False) as db:
        d = cases.get_case(db, args.reference)
        doc = next((x for x in d.documents if x.id == args.document), None)
        if doc is None:
            ids = ", ".join(f"{x.id} ({x.filename})" for x in d.documents) or Message("cli.none")
            raise CliError(
                "cli.no_such_document", reference=d.reference, document=args.document, choices=ids
            )
        statements.mark_sent(db, doc.id, on, method)
    print(f"{d.reference}: {doc.filename} sent on {on.isoformat()} by {method}")
    return 0


# --- parser ---------------------------------------------------------------------------------------


def register(sub: Subcommands) -> None:
    cs = sub.add_parser("case", help="one case: show it and act on it").add_subparsers(
        dest="case_command", parser_class=Parser, required=True
    )

    def action(name: str, help: str, func: Any) -> argparse.ArgumentParser:
        p = cs.add_parser(name, help=help)
        p.add_argument("reference", metavar="REF")
        p.set_defaults(func=func)
        return p

    p = action(
        "show", "details, deadlines (strict and adjusted), identity, timeline", cmd_case_show
    )
    p.add_argument("--format", choices=["text", "json"], default="text")

    p = action("identity", "record how identity was checked (never a copy of an ID)",
               cmd_case_identity)  # fmt: skip
    p.add_argument("--method", required=True, help=", ".join(IDENTITY_METHODS))
    p.add_argument("--result", required=True, help=", ".join(IDENTITY_RESULTS))
    p.add_argument("--notes", help="what was checked (required with --method other)")
    p.add_argument("--on", metavar="YYYY-MM-DD", help="the day it was checked (default today)")

    p = action("pause", "identification asked for: the adjusted date runs from here",
               cmd_case_pause)  # fmt: skip
    p.add_argument("--asked-on", required=True, metavar="YYYY-MM-DD")
    p = action("resume", "the identification asked for arrived", cmd_case_resume)
    p.add_argument("--arrived-on", required=True, metavar="YYYY-MM-DD")

    p = action("extend", "extend by two months (Art. 12(3)), told within the first month",
               cmd_case_extend)  # fmt: skip
    p.add_argument("--reasons", required=True, help="why: complexity or number of requests")
    p.add_argument("--decided-on", metavar="YYYY-MM-DD", help="default today")
    p.add_argument("--told-on", metavar="YYYY-MM-DD", help="default: the day it was decided")

    p = action("note", "add a note to the timeline", cmd_case_note)
    p.add_argument("text", metavar="TEXT")
    p = action("status", "change the status (closing checks what closing needs)", cmd_case_status)
    p.add_argument("status", metavar="STATUS", help=", ".join(s.value for s in Status))
    p.add_argument("--note", help="why (a refusal needs its reasons)")
    p = action("answer", "the answer was sent", cmd_case_answer)
    p.add_argument("--on", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--method", required=True, help=", ".join(m.value for m in AnswerMethod))
    p.add_argument("--note")
    p = action("close", "close an answered, refused or withdrawn case", cmd_case_close)
    p.add_argument("--note", help="required while notices to recipients are open")

    p = action("systems", "the search checklist of an access case", cmd_case_systems)
    p.add_argument("--format", choices=["text", "json"], default="text")
    p = action("search", "record the search of one system", cmd_case_search)
    p.add_argument("--system", required=True, metavar="NAME")
    p.add_argument("--found", required=True, help="yes or no")
    p.add_argument("--categories", metavar="A,B", help="the categories of data found")
    p.add_argument("--notes", help="the values found, one per line")
    p.add_argument("--on", metavar="YYYY-MM-DD", help="the day of the search (default today)")

    p = action("notices", "the recipients to notify (Art. 19)", cmd_case_notices)
    p.add_argument("--format", choices=["text", "json"], default="text")
    p = action("notify", "a recipient was notified, or why not", cmd_case_notify)
    p.add_argument("--recipient", required=True, metavar="NAME")
    p.add_argument("--on", metavar="YYYY-MM-DD")
    p.add_argument("--method", help="e-mail, post, phone, portal...")
    p.add_argument("--not-notified", metavar="GROUND", help="impossible or disproportionate")
    p.add_argument("--why", help="with --not-notified: why the recipient is not told")
    p = action("notice-text", "the notice to a recipient as e-mail text", cmd_case_notice_text)
    p.add_argument("--recipient", required=True, metavar="NAME")
    p.add_argument("--lang", required=True, choices=["nb", "en"])

    p = action("tasks", "the systems to change after erasure, rectification or restriction",
               cmd_case_tasks)  # fmt: skip
    p.add_argument("--format", choices=["text", "json"], default="text")
    p = action("create-tasks", "draw up the system tasks from the register", cmd_case_create_tasks)
    p.add_argument("--kind", help="only this one: " + ", ".join(TASK_KINDS))
    p = action("task-done", "a system was done", cmd_case_task_done)
    p.add_argument("--task", required=True, metavar="ID_OR_SYSTEM")
    p.add_argument("--kind", help="where the system has several: " + ", ".join(TASK_KINDS))
    p.add_argument("--on", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--notes")

    p = action("documents", "the statements, letters and e-mails kept with the case",
               cmd_case_documents)  # fmt: skip
    p.add_argument("--format", choices=["text", "json"], default="text")
    p = action("sent", "a statement or letter went to the person", cmd_case_sent)
    p.add_argument("--document", required=True, type=int, metavar="ID")
    p.add_argument("--on", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--method", required=True, help="post, e-mail or handed over")
