"""What every command of the CLI shares: the error a user can act on, the parser that
raises it, the parsing of dates and choices, and opening the database."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import re
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from app.core import clock
from app.core.errors import UserError
from app.core.model import RequestType

if TYPE_CHECKING:
    from app.services.storage import Database, FileCheck

OSLO = clock.OSLO
EXIT_USER_ERROR = 2

# What `add_subparsers()` returns: each module of the package adds its commands to it.
Subcommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


class CliError(UserError):
    pass


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise CliError(message)


def parse_types(text: str) -> tuple[RequestType, ...]:
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


def parse_received(text: str | None) -> dt.datetime:
    if not text:
        return clock.now_utc()
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise CliError(f"--received {text!r} is not an ISO date or date-time") from None
    if moment.tzinfo is None:  # a wall-clock time in Norway
        moment = moment.replace(tzinfo=OSLO)
    return moment


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(text: str, option: str) -> dt.date:
    """YYYY-MM-DD and nothing else: `date.fromisoformat` also takes 20261125 and 2026-W48-3,
    which a script passing a wrong variable should not get away with."""
    try:
        if not _DAY.fullmatch(text):
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CliError(f"{option} {text!r} is not a date (YYYY-MM-DD)") from None


def parse_past_date(text: str | None, option: str) -> dt.date:
    """A day something happened: today when not given, never in the future (the GUI's date
    fields stop at today for the same actions)."""
    if text is None:
        return clock.today_oslo()
    day = parse_date(text, option)
    if day > clock.today_oslo():
        raise CliError(f"{option} {text} is in the future")
    return day


def choose(value: str, choices: Iterable[str], what: str) -> str:
    """`value` when it is one of `choices` (as typed, or with hyphens for spaces); otherwise
    the error names every choice."""
    options = list(choices)
    wanted = value.strip().casefold()
    for option in options:
        if wanted in (option.casefold(), option.casefold().replace(" ", "-")):
            return option
    raise CliError(f"unknown {what} {value!r} (choose: {', '.join(options)})")


def choose_named(value: str, named: Mapping[str, str], what: str) -> str:
    """The value for a short name (`bankid` for "BankID signature"), or the value itself."""
    wanted = value.strip().casefold()
    for name, meant in named.items():
        if wanted in (name.casefold(), meant.casefold()):
            return meant
    raise CliError(f"unknown {what} {value!r} (choose: {', '.join(named)})")


def language_of(args: argparse.Namespace) -> str:
    """The language the command answers in (set by `main` from --lang or the locale)."""
    language: str = getattr(args, "language", "en")
    return language


def print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def open_db(
    args: argparse.Namespace, *, create: bool = True, check: FileCheck | None = None
) -> Database:
    """Open the database; where its key is not in the keyring, ask on the terminal (never
    from an argument or the environment, which other users and logs can see). The full
    check of the file runs only when it is due (see app.store.database, opened through app.services.storage) or `check`
    says so: `innsyn check` runs it on demand."""
    from app.services.storage import FileCheck, KeyNeeded, KeyringUnavailable, open_database

    path = Path(args.db) if args.db else None
    when = check or FileCheck.WHEN_DUE
    try:
        return open_database(path, create=create, check=when)
    except (KeyNeeded, KeyringUnavailable) as exc:
        if not sys.stdin.isatty():
            raise
        print(f"innsyn: {exc.render(language_of(args))}", file=sys.stderr)
        if isinstance(exc, KeyringUnavailable):
            first = getpass.getpass("New passphrase (at least 12 characters): ")
            if getpass.getpass("The same passphrase again: ") != first:
                raise CliError("the two passphrases differ") from None
            return open_database(path, create=create, new_passphrase=first, check=when)
        secret = getpass.getpass("Recovery key or passphrase: ")
        return open_database(path, create=create, secret=secret, check=when)


def out_file(text: str, option: str = "--out") -> Path:
    """A file to write, checked before anything is generated: bad input writes nothing."""
    out = Path(text).expanduser()
    if out.is_dir():
        raise CliError(f"{option} {text} is a folder; give a file name")
    if not out.parent.is_dir():
        raise CliError(f"{option} {text}: the folder {out.parent} does not exist")
    if not os.access(out.parent, os.W_OK):
        raise CliError(f"{option} {text}: the folder {out.parent} cannot be written to")
    return out
