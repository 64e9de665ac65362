"""The rights of Art. 16-21 on a case: rectification, erasure, restriction, objection, and
the letters that confirm them (Art. 12, 19)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.common import (
    CliError,
    Parser,
    Subcommands,
    choose,
    open_db,
    out_file,
    parse_date,
    parse_past_date,
    print_json,
)
from app.core import clock
from app.core.messages import Message
from app.core.model import RequestType

if TYPE_CHECKING:
    from app.services.register import ActivityView
    from app.services.rights import ErasureLineView, NoticeView, RestrictionView
    from app.services.storage import Database

WHOLE_SUBJECT = "the whole subject"
# The register's activity for direct marketing, found as the GUI's objection box finds it.
MARKETING_WORDS = ("marketing", "markedsføring")


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
            kept
            if k.decision == rights.Decision.KEEP
            else ("would restrict" if result.dry_run else "restricted")
        )
        print(f"{how}: {k.activity} / {k.applies_to} {until} in {', '.join(k.systems)}: {k.ground}")
    if result.backup_expiry is not None:
        print(f"the last backup holding the data expires on {result.backup_expiry.isoformat()}")
    if result.letter is not None:
        if args.letter:
            from app.services.storage import write_private

            write_private(Path(args.letter), result.letter)
            print(f"confirmation letter written to {args.letter}")
        else:
            print("confirmation letter not saved (only its SHA-256 is kept): use --letter FILE")
    return 0


def _day(d: dt.date | None) -> str | None:
    return d.isoformat() if d is not None else None


def _line_record(line: ErasureLineView) -> dict[str, Any]:
    return {
        "id": line.id,
        "activity": line.activity,
        "applies_to": line.applies_to,
        "systems": list(line.systems),
        "decision": line.decision,
        "ground": line.ground or None,
        "until": _day(line.until),
        "reason": line.reason or None,
        "is_default": line.is_default,
        "applied_on": _day(line.applied_on),
    }


def cmd_erasure_matrix(args: argparse.Namespace) -> int:
    """The erasure matrix of an erasure case: what is erased, what is kept until when and on
    which ground. A listing only reads: `erasure draw-up` (or changing a line) draws up the
    defaults from the register, as opening the rights tab does in the GUI."""
    from app.services import rights

    with open_db(args, create=False) as db:
        lines = (
            rights.draw_up_erasure_matrix(db, args.reference)
            if args.draw_up
            else rights.erasure_matrix(db, args.reference)
        )
    if args.format == "json":
        print_json([_line_record(ln) for ln in lines])
        return 0
    if not lines:
        print(
            f"{args.reference}: no erasure matrix is drawn up yet "
            f"(innsyn erasure matrix {args.reference} --draw-up)"
        )
        return 0
    table = [("ACTIVITY", "APPLIES TO", "DECISION", "UNTIL", "GROUND")] + [
        (
            ln.activity,
            ln.applies_to,
            ln.decision + ("" if ln.is_default else " (changed)"),
            _day(ln.until) or "",
            ln.ground,
        )
        for ln in lines
    ]
    widths = [max(len(r[i]) for r in table) for i in range(4)]
    for r in table:
        line = "  ".join(c.ljust(w) for c, w in zip(r[:4], widths, strict=True))
        print(f"{line}  {r[4]}".rstrip())
    applied = next((ln.applied_on for ln in lines if ln.applied_on), None)
    if applied is not None:
        print(f"erasure applied on {applied.isoformat()}: the lines are final")
    return 0


def _matrix_line(db: Database, reference: str, activity: str, applies_to: str | None) -> int:
    """The id of the matrix line for an activity (and what it applies to, where the activity
    keeps several kinds of data). The names are checked against the register first, so that
    a wrong one is refused before the matrix is drawn up."""
    from app.services import rights

    found = _activity(db, activity)
    kinds = [r.applies_to for r in found.retention]
    wanted = applies_to.strip().casefold() if applies_to is not None else None
    if wanted is not None and wanted not in {k.casefold() for k in kinds}:
        raise CliError("cli.unknown_applies_to", value=applies_to, choices=", ".join(kinds))
    if wanted is None and len(kinds) > 1:
        raise CliError("cli.several_kinds", activity=found.name, choices=", ".join(kinds))
    drawn_up = rights.draw_up_erasure_matrix(db, reference)
    lines = [ln for ln in drawn_up if ln.activity_id == found.id]
    if wanted is not None:
        lines = [ln for ln in lines if ln.applies_to.casefold() == wanted]
    if not lines:
        raise CliError("cli.no_matrix_line", reference=reference, activity=found.name)
    return lines[0].id


def cmd_erasure_line(args: argparse.Namespace) -> int:
    """Change one line of the matrix, as the GUI's line editor does: erase; keep on an
    Art. 17(3) ground, until a date or as long as the law requires; or restrict on an
    Art. 18(1) ground. A line drawn up from the register changes only with a reason."""
    from app.services import rights

    decision = choose(
        args.decision, [d.value for d in rights.Decision], Message("cli.what_decision")
    )
    ground = (args.ground or "").strip()
    until = parse_date(args.until, "--until") if args.until else None
    if decision == rights.Decision.ERASE and (ground or until):
        raise CliError("cli.erase_no_ground")
    if decision == rights.Decision.KEEP:
        if not ground:
            raise CliError("cli.keep_needs_ground")
        if until is not None and until <= clock.today_oslo():
            raise CliError("cli.keep_until_passed", until=until)
    if decision == rights.Decision.RESTRICT:
        if not ground:
            raise CliError("cli.restrict_needs_ground")
        ground = choose(ground, rights.RESTRICTION_GROUNDS, Message("cli.what_ground"))
    with open_db(args, create=False) as db:
        line_id = _matrix_line(db, args.reference, args.activity, args.applies_to)
        line = rights.set_erasure_line(
            db, line_id, decision, until, ground, (args.reason or "").strip()
        )
    until_text = f" until {line.until.isoformat()}" if line.until else ""
    ground_text = f" ({line.ground})" if line.ground else ""
    print(
        f"{args.reference}: {line.activity} / {line.applies_to}: "
        f"{line.decision}{until_text}{ground_text}"
    )
    return 0


def _activity(db: Database, name: str) -> ActivityView:
    """A register activity in use, by its name or code."""
    from app.services import register

    activities = register.list_activities(db)
    wanted = name.strip().casefold()
    found = next((a for a in activities if wanted in (a.name.casefold(), a.code.casefold())), None)
    if found is None:
        names = ", ".join(a.name for a in activities)
        raise CliError("cli.unknown_activity", value=name, choices=names)
    return found


def cmd_rectify(args: argparse.Namespace) -> int:
    """Art. 16: each --field with the --value in the same place; one correction, recorded
    with the old values (until the case closes)."""
    from app.services import rights

    fields, values = args.field or [], args.value or []
    if not fields:
        raise CliError("cli.rectify_no_field")
    if len(fields) != len(values):
        raise CliError("cli.rectify_field_value")
    changes: dict[str, object] = {}
    for field, value in zip(fields, values, strict=True):
        name = choose(field.replace("-", "_"), rights.RECTIFIABLE_FIELDS, Message("cli.what_field"))
        if name in changes:
            raise CliError("cli.field_twice", field=name)
        if name in ("last_purchase", "last_contact") and value.strip():
            day = parse_date(value.strip(), Message("cli.value_for", field=name))
            if day > clock.today_oslo():
                raise CliError(
                    "cli.in_the_future", option=Message("cli.value_for", field=name), value=value
                )
            changes[name] = day
        else:
            changes[name] = value if value.strip() else None
    with open_db(args, create=False) as db:
        done = rights.rectify(db, args.reference, changes)
    for change in done:
        print(f"{change.field}: {change.old_value or '(none)'} → {change.new_value or '(none)'}")
    return 0


def cmd_restrict(args: argparse.Namespace) -> int:
    """Art. 18: the person's data, all of it or one activity's, stored only from now on."""
    from app.services import rights

    ground = choose(args.ground, rights.RESTRICTION_GROUNDS, Message("cli.what_ground"))
    until = parse_date(args.until, "--until") if args.until else None
    if until is not None and until <= clock.today_oslo():
        raise CliError("cli.until_not_after_today", until=until)
    with open_db(args, create=False) as db:
        activity_id = _activity(db, args.activity).id if args.activity else None
        r = rights.restrict(db, args.reference, ground, activity_id, until)
    planned = f", planned until {r.until.isoformat()}" if r.until else ""
    print(
        f"{args.reference}: {r.activity or WHOLE_SUBJECT} restricted since {r.since.isoformat()}"
        f" (Art. 18(1)({r.ground}){planned})"
    )
    return 0


def _restriction_to_lift(db: Database, reference: str, activity: str | None) -> RestrictionView:
    """The restriction in force for the case's person: the one for --activity; without it
    the whole-subject one, or the only one."""
    from app.services import cases, rights

    subject_id = cases.get_case(db, reference).subject_id
    active = rights.active_restrictions(db, subject_id)
    if not active:
        raise CliError("cli.no_restriction", reference=reference)
    if activity is not None:
        wanted = _activity(db, activity).id
        chosen = next((r for r in active if r.activity_id == wanted), None)
        if chosen is None:
            raise CliError("cli.no_restriction_for", activity=activity)
        return chosen
    whole = next((r for r in active if r.activity_id is None), None)
    if whole is not None:
        return whole
    if len(active) > 1:
        names = [r.activity or Message("cli.whole_subject") for r in active]
        raise CliError("cli.several_restrictions", activities=names)
    return active[0]


def cmd_restriction_lift(args: argparse.Namespace) -> int:
    """Art. 18(3): the person is told before the restriction is lifted. As the GUI does it:
    the day the person was told is recorded, then the restriction lifted (two steps, each
    checked here first so that the second cannot refuse what the first has recorded)."""
    from app.services import rights

    told = parse_past_date(args.told_on, "--told-on")
    on = parse_past_date(args.on, "--on")
    if on < told:
        raise CliError("cli.lift_before_told", on=on)
    with open_db(args, create=False) as db:
        r = _restriction_to_lift(db, args.reference, args.activity)
        if told < r.since:
            raise CliError("cli.told_before_restriction", told=told, since=r.since)
        if r.person_told_on != told:
            rights.record_restriction_notice(db, r.id, told)
        lifted = rights.lift_restriction(db, r.id, on)
    print(
        f"{args.reference}: restriction of {lifted.activity or WHOLE_SUBJECT} lifted on "
        f"{on.isoformat()} (person told {told.isoformat()})"
    )
    return 0


def cmd_restriction_told(args: argparse.Namespace) -> int:
    """Art. 18(3): the day the person was told that the restriction will be lifted, recorded
    on its own (the GUI's "told" button); lifting it is `restriction lift`."""
    from app.services import rights

    told = parse_past_date(args.on, "--on")
    with open_db(args, create=False) as db:
        r = _restriction_to_lift(db, args.reference, args.activity)
        rights.record_restriction_notice(db, r.id, told)
    print(
        f"{args.reference}: person told on {told.isoformat()} that the restriction of "
        f"{r.activity or WHOLE_SUBJECT} will be lifted"
    )
    return 0


def cmd_object(args: argparse.Namespace) -> int:
    """Art. 21(2)-(3): processing for direct marketing stops at once. With --outcome,
    Art. 21(1): an objection on grounds of the person's situation, recorded with the outcome
    of the weighing (and the day processing stopped, where it did)."""
    from app.services import register, rights

    if args.outcome is not None:
        return _object_to_processing(args)
    if args.stopped_on is not None:
        raise CliError("cli.stopped_on_needs_outcome")
    with open_db(args, create=False) as db:
        activity: ActivityView | None = _activity(db, args.activity) if args.activity else None
        if activity is None:
            activity = next(
                (
                    a
                    for a in register.list_activities(db)
                    if any(w in f"{a.name} {a.purpose}".casefold() for w in MARKETING_WORDS)
                ),
                None,
            )
        if activity is None:
            raise CliError("cli.no_marketing_activity")
        objection = rights.object_to_marketing(db, args.reference, activity.id)
    print(
        f"{args.reference}: direct marketing in '{objection.activity}' stopped on "
        f"{objection.stopped_on.isoformat() if objection.stopped_on else ''}"
    )
    return 0


def _object_to_processing(args: argparse.Namespace) -> int:
    from app.services import rights

    outcome = args.outcome.strip()
    if not outcome:
        raise CliError("cli.outcome_empty")
    if not args.activity:
        raise CliError("cli.outcome_needs_activity")
    stopped = parse_past_date(args.stopped_on, "--stopped-on") if args.stopped_on else None
    with open_db(args, create=False) as db:
        activity = _activity(db, args.activity)
        objection = rights.object_to_processing(
            db, args.reference, activity.id, outcome, stopped_on=stopped
        )
    stopped_text = (
        f"; processing stopped on {objection.stopped_on.isoformat()}"
        if objection.stopped_on
        else ""
    )
    print(f"{args.reference}: objection to '{objection.activity}' recorded{stopped_text}")
    return 0


# The letters the rights panel writes, and the request types it offers each for; the
# erasure confirmation is written by `erasure apply`.
RIGHTS_LETTERS: dict[str, frozenset[RequestType]] = {
    "rectification-confirmation": frozenset({RequestType.RECTIFICATION}),
    "restriction-confirmation": frozenset({RequestType.RESTRICTION, RequestType.ERASURE}),
    "restriction-lift-notice": frozenset({RequestType.RESTRICTION, RequestType.ERASURE}),
    "objection-confirmation": frozenset({RequestType.OBJECTION}),
    "recipient-notice": frozenset(
        {RequestType.RECTIFICATION, RequestType.ERASURE, RequestType.RESTRICTION}
    ),
}


def notice_recipient(
    db: Database, reference: str, name: str, *, draw_up: bool = False
) -> NoticeView:
    """The case's notice (Art. 19) for the recipient of that name; with `draw_up`, the
    notices the case makes due are drawn up first (to record one)."""
    from app.services import rights

    rows = (rights.draw_up_notices if draw_up else rights.notices)(db, reference)
    wanted = name.strip().casefold()
    notice = next((n for n in rows if n.recipient.casefold() == wanted), None)
    if notice is None:
        names = ", ".join(n.recipient for n in rows) or Message("cli.no_recipients")
        raise CliError("cli.unknown_recipient", value=name, choices=names)
    return notice


def cmd_rights_letter(args: argparse.Namespace) -> int:
    """A confirmation of what was done on the rights, the notice before lifting a
    restriction, or the notice to one recipient (Art. 19): written to --out (owner-only)
    and kept with the case, as the rights panel keeps it."""
    from app.services import cases, rights
    from app.services.storage import write_private

    kind = choose(args.kind, RIGHTS_LETTERS, Message("cli.what_letter"))
    if kind == "recipient-notice":
        if not args.recipient:
            raise CliError("cli.notice_needs_recipient")
        if args.name_recipients:
            raise CliError("cli.name_recipients_not_notice")
    elif args.recipient:
        raise CliError("cli.recipient_needs_notice")
    out = out_file(args.out)
    with open_db(args, create=False) as db:
        d = cases.get_case(db, args.reference)
        offered = [k for k, types in RIGHTS_LETTERS.items() if types & set(d.types)]
        if kind not in offered:
            raise CliError(
                "cli.no_such_letter",
                reference=d.reference,
                types=", ".join(t.value for t in d.types),
                kind=kind,
                choices=", ".join(offered) or Message("cli.none"),
            )
        recipient_id = None
        if kind == "recipient-notice":
            recipient_id = notice_recipient(db, d.reference, args.recipient).recipient_id
        stored = rights.store_rights_letter(
            db,
            d.reference,
            kind,
            args.lang or d.language,
            recipient_id,
            name_recipients=args.name_recipients,
        )
    write_private(out, stored.content)
    print(f"{kind} written to {out}; kept with case {d.reference} as {stored.filename}")
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
    em = er.add_parser("matrix", help="each line: activity, decision, ground, until")
    em.add_argument("reference", metavar="REF")
    em.add_argument("--format", choices=["text", "json"], default="text")
    em.add_argument(
        "--draw-up",
        action="store_true",
        help="first draw up the default lines from the register (where none are yet)",
    )
    em.set_defaults(func=cmd_erasure_matrix)
    el = er.add_parser("line", help="change one line of the matrix (a default needs --reason)")
    el.add_argument("reference", metavar="REF")
    el.add_argument("--activity", required=True, metavar="NAME")
    el.add_argument("--applies-to", metavar="WHAT", help="where the activity keeps several kinds")
    el.add_argument("--decision", required=True, help="erase, keep or restrict")
    el.add_argument("--ground", help="keep: the Art. 17(3) ground; restrict: a, b, c or d")
    el.add_argument("--until", metavar="YYYY-MM-DD", help="kept or restricted until")
    el.add_argument("--reason", help="why the line is treated otherwise than the register says")
    el.set_defaults(func=cmd_erasure_line)

    rc = sub.add_parser("rectify", help="correct the person's record (Art. 16)")
    rc.add_argument("reference", metavar="REF")
    rc.add_argument(
        "--field",
        action="append",
        metavar="FIELD",
        help="repeatable: name, postal_address, emails, phones, ... (a wrong one lists them all)",
    )
    rc.add_argument(
        "--value", action="append", metavar="VALUE", help="the new value of the --field before it"
    )
    rc.set_defaults(func=cmd_rectify)

    rr = sub.add_parser("restrict", help="restrict processing (Art. 18)")
    rr.add_argument("reference", metavar="REF")
    rr.add_argument("--ground", required=True, help="Art. 18(1)(a), (b), (c) or (d): a|b|c|d")
    rr.add_argument("--activity", metavar="NAME", help="one activity (default: all the data)")
    rr.add_argument("--until", metavar="YYYY-MM-DD", help="the planned end")
    rr.set_defaults(func=cmd_restrict)

    rl = sub.add_parser("restriction", help="restrictions in force").add_subparsers(
        dest="restriction_command", parser_class=Parser, required=True
    )
    lift = rl.add_parser("lift", help="lift a restriction once the person is told (Art. 18(3))")
    lift.add_argument("reference", metavar="REF")
    lift.add_argument("--told-on", required=True, metavar="YYYY-MM-DD")
    lift.add_argument("--on", metavar="YYYY-MM-DD", help="the day it is lifted (default today)")
    lift.add_argument("--activity", metavar="NAME", help="which one, where several are in force")
    lift.set_defaults(func=cmd_restriction_lift)
    told = rl.add_parser("told", help="the person was told the restriction will be lifted")
    told.add_argument("reference", metavar="REF")
    told.add_argument("--on", required=True, metavar="YYYY-MM-DD")
    told.add_argument("--activity", metavar="NAME", help="which one, where several are in force")
    told.set_defaults(func=cmd_restriction_told)

    ob = sub.add_parser(
        "object", help="objection: direct marketing stops at once; others with --outcome"
    )
    ob.add_argument("reference", metavar="REF")
    ob.add_argument("--activity", metavar="NAME", help="default: the register's marketing one")
    ob.add_argument("--outcome", help="Art. 21(1): the outcome of the weighing, and why")
    ob.add_argument("--stopped-on", metavar="YYYY-MM-DD", help="with --outcome: when it stopped")
    ob.set_defaults(func=cmd_object)

    rlt = sub.add_parser("rights-letter", help="a rights confirmation or a recipient notice (PDF)")
    rlt.add_argument("reference", metavar="REF")
    rlt.add_argument("--kind", required=True, help=", ".join(RIGHTS_LETTERS))
    rlt.add_argument("--lang", choices=["nb", "en"], help="default: the case's language")
    rlt.add_argument("--out", required=True, metavar="FILE.pdf")
    rlt.add_argument("--recipient", metavar="NAME", help="with --kind recipient-notice")
    rlt.add_argument(
        "--name-recipients", action="store_true", help="name the recipients (the person asked)"
    )
    rlt.set_defaults(func=cmd_rights_letter)
