"""timeline events as a kind plus parameters

An event's parameters (app/core/event_text.py) are rendered in the reader's language. The
details older events were written with, in English words, are read back into parameters
where they follow one of the forms the workbench wrote; any other detail stays as it was and
is shown as it is (`params` NULL).

The parser is a copy frozen with this revision: later changes to the wording in the code
must not change what this migration reads.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_STATUSES = {
    "new",
    "awaiting identity",
    "in progress",
    "answered",
    "closed",
    "refused",
    "withdrawn",
}
_IDENTITY_METHODS = {
    "reply from the e-mail address on record",
    "call-back to the phone number on record",
    "customer number and details of a recent purchase",
    "ID document shown in person (no copy kept)",
    "BankID signature",
    "letter to the postal address on record",
    "other (described in the notes)",
}
_IDENTITY_RESULTS = {"verified", "not verified", "pending"}
_CHANNELS = {"phone", "email", "letter", "in-person"}
_ANSWER_METHODS = {"post", "e-mail", "handed over", "phone"}
_TYPES = {"access", "rectification", "erasure", "restriction", "objection"}
_DAY = r"(\d{4}-\d{2}-\d{2})"


def _date(day: str) -> dict[str, str]:
    return {"date": day}


def _status(value: str) -> dict[str, str] | None:
    return {"enum": "Status", "value": value} if value in _STATUSES else None


def _typed(value: str, enum_name: str, known: set[str]) -> Any:
    return {"enum": enum_name, "value": value} if value in known else value


def _with_note(params: dict[str, Any] | None, note: str) -> dict[str, Any] | None:
    if params is not None and note.strip():
        params["note"] = note
    return params


def _status_event(first: str) -> dict[str, Any] | None:
    m = re.fullmatch(r"(.+) → (.+)", first)
    if m:
        previous, status = _status(m[1]), _status(m[2])
        return {"previous": previous, "status": status} if previous and status else None
    status = _status(first)
    return {"form": "set", "status": status} if status else None


def _identity(first: str) -> dict[str, Any] | None:
    m = re.fullmatch(r"(.+): (verified|not verified|pending)", first)
    if not m:
        return None
    return {
        "method": _typed(m[1], "IdentityMethod", _IDENTITY_METHODS),
        "result": {"enum": "IdentityResult", "value": m[2]},
    }


def _extended(first: str) -> dict[str, Any] | None:
    m = re.fullmatch(rf"due {_DAY} → {_DAY}; person told {_DAY}", first)
    if not m:
        return None
    return {"original": _date(m[1]), "due": _date(m[2]), "told_on": _date(m[3])}


def _answered(first: str) -> dict[str, Any] | None:
    m = re.fullmatch(
        rf"{_DAY} by (.+?); (.+) → answered(?:; (\d+) days after the due date)?", first
    )
    if not m or not _status(m[3]):
        return None
    params: dict[str, Any] = {
        "on": _date(m[1]),
        "method": _typed(m[2], "AnswerMethod", _ANSWER_METHODS),
        "previous": _status(m[3]),
        "status": _status("answered"),
    }
    if m[4]:
        params.update(form="late", days=int(m[4]))
    return params


def _notice(detail: str) -> dict[str, Any] | None:
    m = re.fullmatch(rf"(.+): notified {_DAY} by (.+)", detail)
    if m:
        return {"recipient": m[1], "on": _date(m[2]), "method": m[3]}
    m = re.fullmatch(r"(.+): not notified \((.+)\)", detail)
    if m:
        return {"form": "not_notified", "recipient": m[1], "ground": m[2]}
    return None


def _received(detail: str) -> dict[str, Any] | None:
    m = re.fullmatch(r"(\S+) request: (.+)", detail)
    if not m or m[1] not in _CHANNELS:
        return None
    types = m[2].split(", ")
    if not set(types) <= _TYPES:
        return None
    return {
        "channel": {"enum": "Channel", "value": m[1]},
        "types": [{"enum": "RequestType", "value": t} for t in types],
    }


def _identity_step(word: str) -> Callable[[str], dict[str, Any] | None]:
    def parse(detail: str) -> dict[str, Any] | None:
        m = re.fullmatch(rf"{word} {_DAY}; (.+) → (.+)", detail)
        if not m or not (_status(m[2]) and _status(m[3])):
            return None
        return {"on": _date(m[1]), "previous": _status(m[2]), "status": _status(m[3])}

    return parse


# Kinds whose detail is a first line the workbench wrote and maybe the officer's note.
_FIRST_LINE: dict[str, Callable[[str], dict[str, Any] | None]] = {
    "status": _status_event,
    "identity": _identity,
    "extended": _extended,
    "answered": _answered,
}
# Kinds whose whole detail the workbench wrote.
_WHOLE: dict[str, Callable[[str], dict[str, Any] | None]] = {
    "notice": _notice,
    "received": _received,
    "identity requested": _identity_step("asked on"),
    "identity received": _identity_step("arrived"),
}


def parse_detail(kind: str, detail: str) -> dict[str, Any] | None:
    """The parameters an old English detail was written from; None where it reads otherwise."""
    detail = detail or ""
    if kind in _FIRST_LINE:
        first, _, note = detail.partition("\n")
        return _with_note(_FIRST_LINE[kind](first), note)
    if kind in _WHOLE and "\n" not in detail:
        return _WHOLE[kind](detail)
    return None


def upgrade() -> None:
    with op.batch_alter_table("case_event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("params", sa.JSON(), nullable=True))
    conn = op.get_bind()
    kinds = sorted(_FIRST_LINE.keys() | _WHOLE.keys())
    rows = conn.execute(
        sa.text("SELECT id, kind, detail FROM case_event WHERE kind IN :kinds").bindparams(
            sa.bindparam("kinds", expanding=True)
        ),
        {"kinds": kinds},
    ).fetchall()
    updates = [
        {"id": row.id, "params": json.dumps(params, ensure_ascii=False)}
        for row in rows
        if (params := parse_detail(row.kind, row.detail)) is not None
    ]
    if updates:
        conn.execute(sa.text("UPDATE case_event SET params = :params WHERE id = :id"), updates)


def downgrade() -> None:
    with op.batch_alter_table("case_event", schema=None) as batch_op:
        batch_op.drop_column("params")
