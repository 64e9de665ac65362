"""Headless commands over the same services as the GUI, for automation and tests.

Bad input: one line on stderr saying what is wrong, a non-zero exit status, and the
database unchanged (every command is one transaction in the services).

One module per group of commands; each adds its commands to the parser (`register`).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Mapping, Sequence

from app.cli import admin, case, documents, requests, retention, rights, subjects
from app.cli.admin import cmd_gui, cmd_self_test
from app.cli.common import EXIT_USER_ERROR, CliError, Parser
from app.core import messages
from app.core.errors import UserError

__all__ = ["EXIT_USER_ERROR", "CliError", "build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    p = Parser(prog="innsyn", description="The privacy officer's workbench.")
    p.add_argument(
        "--db", metavar="PATH", help="the case database (default: in the user's data directory)"
    )
    p.add_argument("--self-test", action="store_true", help="the same as the self-test command")
    p.add_argument(
        "--lang",
        choices=messages.LANGUAGES,
        help="the language of messages (default: from the locale, LANG=nb_NO.UTF-8 is Bokmål)",
    )
    sub = p.add_subparsers(dest="command", parser_class=Parser)
    for module in (requests, case, rights, subjects, documents, retention, admin):
        module.register(sub)
    return p


def message_language(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> str:
    """The language the CLI answers in: `--lang`, else the locale, as command-line tools do.
    Read before the parser runs, so that its own refusals are in that language too."""
    argv = list(argv)
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value in messages.LANGUAGES:
            return value
    return messages.language_from_environment(environ)


def main(argv: Sequence[str]) -> int:
    parser = build_parser()
    language = message_language(argv)
    log = logging.getLogger("innsyn.cli")
    try:
        args = parser.parse_args(list(argv))
        args.language = language  # for the commands' own messages
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
        print(f"innsyn: {exc.render(language)}", file=sys.stderr)
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
