"""Fill resources/translations/innsyn_nb.ts from the table in scripts/nb_translations.py.

    python scripts/translate_nb.py TS            fill the unfinished messages the table knows
    python scripts/translate_nb.py --force TS    also replace finished ones by the table's
    python scripts/translate_nb.py --check TS    list unfinished messages; exit 1 if any

A translation made by hand (in Qt Linguist) is kept unless --force. A table entry whose
placeholders ({name}, %1, %n, %v, %m) or mnemonic (&) do not match the English is refused
and the message stays unfinished. Run through scripts/update_translations.sh.
"""

from __future__ import annotations

import argparse
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from nb_translations import NB  # noqa: E402

PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}|%[0-9nvmLp]|%L[0-9]")
DONE_TYPES = (None, "")  # "unfinished", "vanished", "obsolete" are not done


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def has_mnemonic(text: str) -> bool:
    return bool(re.search(r"&[^&\s]", text.replace("&&", "")))


def problems(source: str, translation: str) -> list[str]:
    found = []
    if placeholders(source) != placeholders(translation):
        found.append(f"placeholders {placeholders(source)} != {placeholders(translation)}")
    if has_mnemonic(source) != has_mnemonic(translation):
        found.append("the mnemonic (&) is missing or added")
    if not translation.strip() and source.strip():
        found.append("empty")
    return found


def messages(root: ET.Element) -> list[tuple[str, ET.Element]]:
    return [
        (context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.findall("message")
    ]


def translation_texts(message: ET.Element) -> list[str]:
    element = message.find("translation")
    if element is None:
        return []
    forms = element.findall("numerusform")
    if forms:
        return [f.text or "" for f in forms]
    return [element.text or ""]


def is_finished(message: ET.Element) -> bool:
    element = message.find("translation")
    if element is None or element.get("type") not in DONE_TYPES:
        return False
    texts = translation_texts(message)
    return bool(texts) and all(t.strip() for t in texts)


def lookup(context: str, source: str, comment: str = "") -> str | tuple[str, str] | None:
    """A message with a disambiguation comment takes only an entry that names it, (context,
    source, comment) or ("", source, comment): never the other meaning of the same word."""
    if comment:
        return NB.get((context, source, comment), NB.get(("", source, comment)))
    return NB.get((context, source), NB.get(source))


def fill(ts: Path, *, force: bool = False) -> tuple[int, list[str]]:
    tree = ET.parse(ts)
    root = tree.getroot()
    filled = 0
    refused: list[str] = []
    for context, message in messages(root):
        element = message.find("translation")
        if element is None or element.get("type") in ("vanished", "obsolete"):
            continue
        if is_finished(message) and not force:
            continue
        source = message.findtext("source") or ""
        value = lookup(context, source, message.findtext("comment") or "")
        if value is None:
            continue
        numerus = message.get("numerus") == "yes"
        forms = list(value) if isinstance(value, tuple) else [value]
        if numerus and len(forms) == 1:
            forms = forms * 2
        bad = [p for form in forms for p in problems(source, form)]
        if bad:
            refused.append(f"{context}: {source!r}: {'; '.join(bad)}")
            continue
        for child in list(element):
            element.remove(child)
        element.attrib.pop("type", None)
        if numerus:
            element.text = None
            for form in forms:
                ET.SubElement(element, "numerusform").text = form
        else:
            element.text = forms[0]
        filled += 1
    ET.indent(tree, space="    ")
    body = ET.tostring(root, encoding="unicode")
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    return filled, refused


def unfinished(ts: Path) -> list[str]:
    found = []
    for context, message in messages(ET.parse(ts).getroot()):
        element = message.find("translation")
        if element is not None and element.get("type") in ("vanished", "obsolete"):
            continue
        if not is_finished(message):
            found.append(f"{context}: {message.findtext('source')!r}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ts", type=Path)
    parser.add_argument("--check", action="store_true", help="only list unfinished messages")
    parser.add_argument("--force", action="store_true", help="replace finished translations")
    args = parser.parse_args(argv)
    if not args.check:
        filled, refused = fill(args.ts, force=args.force)
        print(f"{filled} message(s) translated from the table.")
        for line in refused:
            print(f"refused: {line}", file=sys.stderr)
    missing = unfinished(args.ts)
    for line in missing:
        print(f"unfinished: {line}")
    total = len(messages(ET.parse(args.ts).getroot()))
    print(f"{total - len(missing)} of {total} message(s) translated.")
    return 1 if missing and args.check else 0


if __name__ == "__main__":
    raise SystemExit(main())
