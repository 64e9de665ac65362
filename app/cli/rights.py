"""The rights of Art. 16-21 on a case: rectification, erasure, restriction, objection."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.common import (
    CliError,
    Parser,
    Subcommands,
    choose,
    open_db,
    parse_date,
    parse_past_date,
)
from app.core import clock

if TYPE_CHECKING:
    from app.services.register import ActivityView
    from app.services.rights import RestrictionView
    from app.store.database import Database

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


def _activity(db: Database, name: str) -> ActivityView:
    """A register activity in use, by its name or code."""
    from app.services import register

    activities = register.list_activities(db)
    wanted = name.strip().casefold()
    found = next((a for a in activities if wanted in (a.name.casefold(), a.code.casefold())), None)
    if found is None:
        names = ", ".join(a.name for a in activities)
        raise CliError(f"unknown activity {name!r} (choose: {names})")
    return found


def cmd_rectify(args: argparse.Namespace) -> int:
    """Art. 16: each --field with the --value in the same place; one correction, recorded
    with the old values (until the case closes)."""
    from app.services import rights

    fields, values = args.field or [], args.value or []
    if not fields:
        raise CliError("give at least one --field FIELD --value VALUE")
    if len(fields) != len(values):
        raise CliError("give each --field with its --value")
    changes: dict[str, object] = {}
    for field, value in zip(fields, values, strict=True):
        name = choose(field.replace("-", "_"), rights.RECTIFIABLE_FIELDS, "field")
        if name in changes:
            raise CliError(f"--field {name} is given twice")
        if name in ("last_purchase", "last_contact") and value.strip():
            day = parse_date(value.strip(), f"--value for {name}")
            if day > clock.today_oslo():
                raise CliError(f"--value for {name} {value} is in the future")
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

    ground = choose(args.ground, rights.RESTRICTION_GROUNDS, "ground")
    until = parse_date(args.until, "--until") if args.until else None
    if until is not None and until <= clock.today_oslo():
        raise CliError(f"--until {args.until}: a planned end must be after today")
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
        raise CliError(f"no restriction is in force for the person of case {reference}")
    if activity is not None:
        wanted = _activity(db, activity).id
        chosen = next((r for r in active if r.activity_id == wanted), None)
        if chosen is None:
            raise CliError(f"no restriction for {activity!r} is in force")
        return chosen
    whole = next((r for r in active if r.activity_id is None), None)
    if whole is not None:
        return whole
    if len(active) > 1:
        names = ", ".join(r.activity or WHOLE_SUBJECT for r in active)
        raise CliError(f"several restrictions are in force ({names}): choose with --activity")
    return active[0]


def cmd_restriction_lift(args: argparse.Namespace) -> int:
    """Art. 18(3): the person is told before the restriction is lifted. As the GUI does it:
    the day the person was told is recorded, then the restriction lifted (two steps, each
    checked here first so that the second cannot refuse what the first has recorded)."""
    from app.services import rights

    told = parse_past_date(args.told_on, "--told-on")
    on = parse_past_date(args.on, "--on")
    if on < told:
        raise CliError(f"--on {on.isoformat()}: a restriction is lifted after the person is told")
    with open_db(args, create=False) as db:
        r = _restriction_to_lift(db, args.reference, args.activity)
        if told < r.since:
            raise CliError(
                f"--told-on {told.isoformat()} is before the restriction began "
                f"({r.since.isoformat()})"
            )
        if r.person_told_on != told:
            rights.record_restriction_notice(db, r.id, told)
        lifted = rights.lift_restriction(db, r.id, on)
    print(
        f"{args.reference}: restriction of {lifted.activity or WHOLE_SUBJECT} lifted on "
        f"{on.isoformat()} (person told {told.isoformat()})"
    )
    return 0


def cmd_object(args: argparse.Namespace) -> int:
    """Art. 21(2)-(3): processing for direct marketing stops at once."""
    from app.services import register, rights

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
            raise CliError("the register has no direct-marketing activity: give --activity")
        objection = rights.object_to_marketing(db, args.reference, activity.id)
    print(
        f"{args.reference}: direct marketing in '{objection.activity}' stopped on "
        f"{objection.stopped_on.isoformat() if objection.stopped_on else ''}"
    )
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

    ob = sub.add_parser("object", help="objection to direct marketing: stops at once (Art. 21)")
    ob.add_argument("reference", metavar="REF")
    ob.add_argument("--activity", metavar="NAME", help="default: the register's marketing one")
    ob.set_defaults(func=cmd_object)
