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
from app.core.messages import Message
from app.core.model import RequestType

if TYPE_CHECKING:
    from app.services.storage import Database, FileCheck

OSLO = clock.OSLO
EXIT_USER_ERROR = 2

# What `add_subparsers()` returns: each module of the package adds its commands to it.
Subcommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


class CliError(UserError):
    pass


# argparse's own refusals come in its English words: each known one gets a key of the
# catalogue, the option names kept as typed; any other text a general key (argparse has no
# Norwegian of its own).
_REQUIRED = re.compile(r"the following arguments are required: (?P<options>.+)", re.S)
_CHOICE = re.compile(
    r"argument (?P<option>[^:]+): invalid choice: (?P<value>.+?) \(choose from (?P<choices>.*)\)",
    re.S,
)
_UNRECOGNIZED = re.compile(r"unrecognized arguments: (?P<arguments>.+)", re.S)
_EXPECTED_ONE = re.compile(r"argument (?P<option>[^:]+): expected one argument")
_EXPECTED_SOME = re.compile(r"argument (?P<option>[^:]+): expected at least one argument")
_INVALID_VALUE = re.compile(
    r"argument (?P<option>[^:]+): invalid (?P<type>\w+) value: (?P<value>.+)", re.S
)
_NOT_WITH = re.compile(r"argument (?P<option>[^:]+): not allowed with argument (?P<other>.+)")
_ONE_OF = re.compile(r"one of the arguments (?P<options>.+) is required", re.S)
_AMBIGUOUS = re.compile(r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)", re.S)


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        text = message.strip()
        if found := _REQUIRED.fullmatch(text):
            raise CliError("cli.required", **found.groupdict())
        if found := _CHOICE.fullmatch(text):
            raise CliError("cli.invalid_choice", **found.groupdict())
        if found := _UNRECOGNIZED.fullmatch(text):
            raise CliError("cli.unrecognized", **found.groupdict())
        if found := _EXPECTED_ONE.fullmatch(text):
            raise CliError("cli.expected_one", **found.groupdict())
        if found := _EXPECTED_SOME.fullmatch(text):
            raise CliError("cli.expected_some", **found.groupdict())
        if found := _INVALID_VALUE.fullmatch(text):
            raise CliError("cli.invalid_value", **found.groupdict())
        if found := _NOT_WITH.fullmatch(text):
            raise CliError("cli.not_allowed_with", **found.groupdict())
        if found := _ONE_OF.fullmatch(text):
            raise CliError("cli.one_required", **found.groupdict())
        if found := _AMBIGUOUS.fullmatch(text):
            raise CliError("cli.ambiguous", **found.groupdict())
        raise CliError("cli.command_line", text=text)


def parse_types(text: str) -> tuple[RequestType, ...]:
    names = [t.strip().lower() for t in text.split(",") if t.strip()]
    if not names:
        raise CliError("cli.types_empty", choices=", ".join(t.value for t in RequestType))
    try:
        return tuple(RequestType(n) for n in names)
    except ValueError:
        bad = next(n for n in names if n not in {t.value for t in RequestType})
        raise CliError(
            "cli.unknown_type", value=bad, choices=", ".join(t.value for t in RequestType)
        ) from None


def parse_received(text: str | None) -> dt.datetime:
    if not text:
        return clock.now_utc()
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise CliError("cli.not_a_moment", option="--received", value=text) from None
    if moment.tzinfo is None:  # a wall-clock time in Norway
        moment = moment.replace(tzinfo=OSLO)
    return moment


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(text: str, option: str | Message) -> dt.date:
    """YYYY-MM-DD and nothing else: `date.fromisoformat` also takes 20261125 and 2026-W48-3,
    which a script passing a wrong variable should not get away with."""
    try:
        if not _DAY.fullmatch(text):
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CliError("cli.not_a_date", option=option, value=text) from None


def parse_past_date(text: str | None, option: str | Message) -> dt.date:
    """A day something happened: today when not given, never in the future (the GUI's date
    fields stop at today for the same actions)."""
    if text is None:
        return clock.today_oslo()
    day = parse_date(text, option)
    if day > clock.today_oslo():
        raise CliError("cli.in_the_future", option=option, value=text)
    return day


def choose(value: str, choices: Iterable[str], what: Message) -> str:
    """`value` when it is one of `choices` (as typed, or with hyphens for spaces); otherwise
    the error names every choice."""
    options = list(choices)
    wanted = value.strip().casefold()
    for option in options:
        if wanted in (option.casefold(), option.casefold().replace(" ", "-")):
            return option
    raise CliError("cli.unknown_choice", what=what, value=value, choices=", ".join(options))


def choose_named(value: str, named: Mapping[str, str], what: Message) -> str:
    """The value for a short name (`bankid` for "BankID signature"), or the value itself."""
    wanted = value.strip().casefold()
    for name, meant in named.items():
        if wanted in (name.casefold(), meant.casefold()):
            return meant
    raise CliError("cli.unknown_choice", what=what, value=value, choices=", ".join(named))


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
        language = language_of(args)
        print(f"innsyn: {exc.render(language)}", file=sys.stderr)
        if isinstance(exc, KeyringUnavailable):
            first = getpass.getpass(Message("cli.prompt_new_passphrase").render(language))
            if getpass.getpass(Message("cli.prompt_passphrase_again").render(language)) != first:
                raise CliError("cli.passphrases_differ") from None
            return open_database(path, create=create, new_passphrase=first, check=when)
        secret = getpass.getpass(Message("cli.prompt_secret").render(language))
        return open_database(path, create=create, secret=secret, check=when)


def out_file(text: str, option: str = "--out") -> Path:
    """A file to write, checked before anything is generated: bad input writes nothing."""
    out = Path(text).expanduser()
    if out.is_dir():
        raise CliError("cli.out_is_folder", option=option, path=text)
    if not out.parent.is_dir():
        raise CliError("cli.out_no_folder", option=option, path=text, folder=str(out.parent))
    if not os.access(out.parent, os.W_OK):
        raise CliError("cli.out_not_writable", option=option, path=text, folder=str(out.parent))
    return out
