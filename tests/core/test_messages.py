"""The message catalogue: both languages hold the same keys and placeholders, every error the
code raises for a user names a key that is there, and parameters are rendered in the reader's
language."""

from __future__ import annotations

import ast
import datetime as dt
import enum
import errno
import importlib
from pathlib import Path

import pytest

from app.core import messages
from app.core.errors import InvalidInput, NotFound, UserError
from app.core.messages import Message, language_from_environment, render
from app.core.model import Channel, RequestType

APP = Path(__file__).resolve().parents[2] / "app"

# Files whose raises still carry English text instead of a key (issue 13): each is listed until
# it is converted, and the list may only shrink (a listed file with nothing left to convert
# fails, so the entry goes with the conversion).
UNCONVERTED: set[str] = {
    "app/services/findings.py",
    "app/services/register.py",
    "app/services/retention_sweep/actions.py",
    "app/services/retention_sweep/listing.py",
    "app/services/rights/common.py",
    "app/services/rights/letters.py",
    "app/services/rights/notices.py",
    "app/services/rights/objection.py",
    "app/services/rights/tasks.py",
    "app/services/statements.py",
    "app/services/subjects.py",
    "app/ui/documents_panel.py",
}

# Where the message is not the first argument of the error's constructor.
MESSAGE_POSITION = {"ControllerProblem": 1}

# Keys whose text may read the same in both languages (names, codes, pure placeholders).
SAME_IN_BOTH: set[str] = {
    "event.status",
    "event.identity",
    "dossier.document",
    "dossier.notice_state",
}


def _sources() -> dict[str, ast.Module]:
    return {
        str(p.relative_to(APP.parent)): ast.parse(p.read_text(encoding="utf-8"))
        for p in sorted(APP.rglob("*.py"))
    }


def _error_classes(trees: dict[str, ast.Module]) -> set[str]:
    """UserError and every class of app that derives from it, by name."""
    bases: dict[str, set[str]] = {}
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                names = set()
                for base in node.bases:
                    if isinstance(base, ast.Name):
                        names.add(base.id)
                    elif isinstance(base, ast.Attribute):
                        names.add(base.attr)
                bases[node.name] = names
    found = {"UserError"}
    changed = True
    while changed:
        changed = False
        for name, parents in bases.items():
            if name not in found and parents & found:
                found.add(name)
                changed = True
    return found


def _called_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _offenders(trees: dict[str, ast.Module]) -> dict[str, list[str]]:
    """Per file, the constructions of a user error whose message is no key of the catalogue."""
    errors = _error_classes({**_sources(), **trees})
    keys = messages.catalogue("en")
    found: dict[str, list[str]] = {}
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _called_name(node)
            if name not in errors:
                continue
            position = MESSAGE_POSITION.get(name, 0)
            if len(node.args) <= position:
                continue  # a class that makes its own message (checked where it does)
            arg = node.args[position]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value in keys:
                continue
            if (
                isinstance(arg, ast.Call)
                and _called_name(arg) == "Message"
                and arg.args
                and isinstance(arg.args[0], ast.Constant)
                and arg.args[0].value in keys
            ):
                continue
            found.setdefault(path, []).append(f"line {node.lineno}: {name}")
    return found


def test_both_languages_hold_the_same_keys_and_placeholders() -> None:
    en, nb = messages.catalogue("en"), messages.catalogue("nb")
    assert sorted(set(en) ^ set(nb)) == []
    for key, template in en.items():
        assert messages.placeholders(template) == messages.placeholders(nb[key]), key


def test_every_bokmal_text_is_written_in_bokmal() -> None:
    en, nb = messages.catalogue("en"), messages.catalogue("nb")
    same = {key for key in en if en[key] == nb[key] and not key.startswith("enum.")}
    assert same <= SAME_IN_BOTH, sorted(same - SAME_IN_BOTH)


def test_every_error_raised_for_a_user_names_a_key_of_the_catalogue() -> None:
    offenders = _offenders(_sources())
    unlisted = {path: lines for path, lines in offenders.items() if path not in UNCONVERTED}
    assert unlisted == {}, unlisted
    done = sorted(path for path in UNCONVERTED if path not in offenders)
    assert done == [], f"converted, take them off UNCONVERTED: {done}"


def _core_enums() -> list[type[enum.Enum]]:
    found: list[type[enum.Enum]] = []
    for path in sorted((APP / "core").glob("*.py")):
        module = importlib.import_module(f"app.core.{path.stem}")
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, enum.Enum)
                and value.__module__ == module.__name__
            ):
                found.append(value)
    return found


def test_every_value_of_every_domain_enum_has_its_label_in_both_languages() -> None:
    enums = _core_enums()
    assert {e.__name__ for e in enums} >= {"RequestType", "Status", "Decision", "NoticeStatus"}
    for language in messages.LANGUAGES:
        labels = messages.catalogue(language)
        missing = [
            f"{e.__name__}.{m.value}"
            for e in enums
            for m in e
            if f"enum.{e.__name__}.{m.value}" not in labels
        ]
        assert missing == [], f"{language}/enum.json lacks {missing}"
    assert messages.enum_label(RequestType.OBJECTION, "nb") == "protest"
    assert messages.enum_label(Channel.IN_PERSON, "en") == "in-person"


def test_the_check_sees_a_text_that_is_no_key() -> None:
    tree = ast.parse(
        "from app.core.errors import InvalidInput\n"
        "class Odd(InvalidInput):\n    pass\n"
        "def f():\n"
        "    raise Odd('Name is empty.')\n"
        "def g():\n"
        "    raise InvalidInput('case.no_such_case', reference='x')\n"
    )
    assert _offenders({"app/x.py": tree}) == {"app/x.py": ["line 5: Odd"]}


def test_an_error_reads_in_english_in_logs_and_in_the_readers_language_when_shown() -> None:
    exc = NotFound("case.no_such_case", reference="2026-0099")
    assert str(exc) == "There is no case '2026-0099'."
    assert exc.render("nb") == "Det finnes ingen sak «2026-0099»."
    assert exc.key == "case.no_such_case"


def test_a_nested_message_is_rendered_in_the_same_language() -> None:
    exc = InvalidInput("case.text_too_long", what=Message("field.reasons"), length=9, limit=5)
    assert str(exc) == "The reasons are 9 characters long; at most 5."
    assert exc.render("nb") == "Feltet «begrunnelser» har 9 tegn; høyst 5 er tillatt."


def test_dates_and_enums_are_rendered_for_the_reader() -> None:
    day = dt.date(2026, 12, 3)
    assert messages.value_text(day, "nb") == "03.12.2026"
    assert messages.value_text(day, "en") == "3 December 2026"
    assert messages.value_text(RequestType.ACCESS, "nb") == messages.enum_label(
        RequestType.ACCESS, "nb"
    )
    assert messages.value_text([Channel.PHONE, Channel.EMAIL], "en").endswith(
        messages.enum_label(Channel.EMAIL, "en")
    )


def test_a_refusal_of_the_system_is_told_in_the_readers_language() -> None:
    full = OSError(errno.ENOSPC, "No space left on device")
    assert messages.value_text(messages.os_reason(full), "nb") == "disken er full"
    assert messages.value_text(messages.os_reason(full), "en") == "the disk is full"
    odd = OSError(errno.ELOOP, "Too many levels of symbolic links")
    assert messages.os_reason(odd) == "Too many levels of symbolic links"


def test_an_unknown_key_is_shown_as_it_is_never_raised_while_showing_an_error() -> None:
    assert render("no.such.key", {}, "nb") == "no.such.key"
    assert str(UserError("A text that is no key yet.")) == "A text that is no key yet."


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({"LANG": "nb_NO.UTF-8"}, "nb"),
        ({"LANG": "nn_NO.UTF-8"}, "nb"),
        ({"LANG": "no_NO"}, "nb"),
        ({"LANG": "C"}, "en"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "nb_NO.UTF-8", "LC_ALL": "C"}, "en"),
        ({"LANG": "C", "LC_MESSAGES": "nb_NO.UTF-8"}, "nb"),
        ({"LANGUAGE": "nb:en", "LANG": "C.UTF-8"}, "nb"),
        ({}, "en"),
    ],
)
def test_the_command_line_follows_the_locale(environ: dict[str, str], language: str) -> None:
    assert language_from_environment(environ) == language
