"""Text rules of the domain that are not tied to any layer."""

from __future__ import annotations

import unicodedata

# Norwegian alphabetical order puts æ, ø, å after z, in that order.
_NORDIC = {"æ": "{", "ø": "|", "å": "}", "ä": "{", "ö": "|"}


def sort_key(name: str) -> str:
    """A key that sorts names as a Norwegian reader expects: case and accents ignored
    (Áile with Aile, Ŋ with N, Đ with D), æ ø å after z."""
    out: list[str] = []
    for ch in name.casefold():
        if ch in _NORDIC:
            out.append(_NORDIC[ch])
            continue
        decomposed = unicodedata.normalize("NFKD", ch)
        base = "".join(c for c in decomposed if not unicodedata.combining(c))
        out.append({"ŋ": "n", "đ": "d", "ŧ": "t", "ʒ": "z", "ß": "ss"}.get(base, base))
    return "".join(out).strip()


_ASCII = {"æ": "ae", "ø": "o", "å": "a", "ŋ": "n", "đ": "d", "ŧ": "t", "ʒ": "z", "ß": "ss"}


def ascii_fold(text: str) -> str:
    """What someone on a foreign keyboard types for a Norwegian or Sámi name: Øystein as
    oystein, Ærø as aero, Ŋuolga as nuolga."""
    out = []
    for ch in text.casefold():
        ch = _ASCII.get(ch, ch)
        out.append(
            "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        )
    return "".join(out)
