"""The tamper-evident audit trail.

Every insert, update and delete of an audited table is appended to `audit_log` in the same
transaction, by a session hook, so no service can forget it. Each row holds the time, the OS
user, the action, the object's table and id, and a detail of ids, pseudonyms and the names of
changed fields: never names, e-mails or free text about a person, so erasing a person never
breaks the chain. Each row's hash is SHA-256 over the previous row's hash and this row's
canonical content; `audit_anchor` holds the newest hash and the row count, so that deleting
the newest rows is caught too.
"""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, event, inspect, text
from sqlalchemy.orm import Session, UOWTransaction

from app.core import clock

GENESIS = "0" * 64

# table name -> how to describe a row of it without personal data: the attributes to name.
_IDENTIFYING: dict[str, tuple[str, ...]] = {
    "case_": ("reference", "subject_id"),
    "case_event": ("case_id", "kind"),
    "case_email": ("case_id", "document_id"),
    "document": ("case_id", "kind", "sha256"),
    "finding": ("case_id", "system_id"),
    "subject": ("pseudonym",),
    "subject_email": ("subject_id",),
    "subject_phone": ("subject_id",),
    "processing_activity": ("code",),
    "retention_rule": ("code",),
    "recipient": ("code",),
    "system": ("code",),
    "activity_retention": ("activity_id", "rule_id"),
    "setting": ("key",),
    "erasure_line": ("case_id", "activity_id", "decision"),
    "system_task": ("case_id", "system_id", "kind"),
    "field_change": ("case_id", "field"),
    "restriction": ("subject_id", "activity_id", "ground"),
    "objection": ("subject_id", "activity_id"),
    "recipient_notice": ("case_id", "recipient_id", "status"),
}
# Whose value is itself safe to record (no personal data), when it changes.
_SAFE_VALUES = frozenset(
    {"status", "is_open", "extended", "due_date", "types", "channel", "kind", "retired_at",
     "fee_decision", "identity_result", "answered_on", "closed_on", "sent_on", "sent_method",
     "decision", "until", "done_on", "lifted_on", "stopped_on", "notified_on", "method",
     "deidentified_at", "erased_at", "applied_on"}
)  # fmt: skip
_user_provider: Callable[[], str] | None = None


def os_user() -> str:
    if _user_provider is not None:
        return _user_provider()
    try:
        return getpass.getuser()
    except Exception:
        return f"uid-{os.getuid()}" if hasattr(os, "getuid") else "unknown"


def canonical(row: dict[str, Any]) -> str:
    return json.dumps(row, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def chain_hash(previous: str, content: str) -> str:
    return hashlib.sha256((previous + content).encode("utf-8")).hexdigest()


def _row_content(
    row_id: int, at: str, user: str, action: str, table: str, object_id: str, detail: str
) -> dict[str, Any]:
    return {
        "id": row_id,
        "at": at,
        "user": user,
        "action": action,
        "table": table,
        "object_id": object_id,
        "detail": detail,
    }


def append(
    conn: Connection, action: str, table: str, object_id: object, detail: dict[str, Any]
) -> None:
    """Append one row to the chain, inside the caller's transaction."""
    last = conn.execute(text("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")).first()
    prev_id, prev_hash = (last[0], last[1]) if last else (0, GENESIS)
    row_id = prev_id + 1
    at = clock.now_utc().isoformat(timespec="microseconds")
    user = os_user()
    detail_text = canonical(detail)
    content = _row_content(row_id, at, user, action, table, str(object_id), detail_text)
    digest = chain_hash(prev_hash, canonical(content))
    conn.execute(
        text(
            "INSERT INTO audit_log (id, at, user, action, table_name, object_id, detail, "
            "prev_hash, hash) VALUES (:id, :at, :user, :action, :table, :object_id, :detail, "
            ":prev, :hash)"
        ),
        {
            "id": row_id,
            "at": at,
            "user": user,
            "action": action,
            "table": table,
            "object_id": str(object_id),
            "detail": detail_text,
            "prev": prev_hash,
            "hash": digest,
        },
    )
    conn.execute(
        text(
            "INSERT INTO audit_anchor (id, last_id, last_hash) VALUES (1, :i, :h) "
            "ON CONFLICT(id) DO UPDATE SET last_id = :i, last_hash = :h"
        ),
        {"i": row_id, "h": digest},
    )


def _value(v: Any) -> Any:
    if isinstance(v, dt.datetime | dt.date):
        return v.isoformat()
    return v


def _describe(obj: Any, table: str) -> dict[str, Any]:
    return {a: _value(getattr(obj, a, None)) for a in _IDENTIFYING.get(table, ())}


def _changed_fields(obj: Any) -> dict[str, Any]:
    state = inspect(obj)
    changed: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        hist = state.attrs[attr.key].history
        if hist.has_changes():
            changed[attr.key] = (
                _value(hist.added[0]) if attr.key in _SAFE_VALUES and hist.added else None
            )
    return changed


def _after_flush(session: Session, _ctx: UOWTransaction) -> None:
    conn = session.connection()
    for action, objs in (
        ("insert", session.new),
        ("update", session.dirty),
        ("delete", session.deleted),
    ):
        for obj in list(objs):
            table = getattr(obj, "__tablename__", None)
            if table is None or table not in _IDENTIFYING:
                continue
            detail = _describe(obj, table)
            if action == "update":
                fields = _changed_fields(obj)
                if not fields:
                    continue
                detail["fields"] = sorted(fields)
                safe = {k: v for k, v in fields.items() if k in _SAFE_VALUES}
                if safe:
                    detail["values"] = safe
            pk = inspect(obj).identity
            object_id = pk[0] if pk and len(pk) == 1 else (pk or "")
            append(conn, action, table, object_id, detail)


_installed = False


def install() -> None:
    """Hook every ORM flush (idempotent)."""
    global _installed
    if not _installed:
        event.listen(Session, "after_flush", _after_flush)
        _installed = True


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    rows: int
    first_bad_id: int | None
    problem: str
    # Where the verified chain ends (the newest row and its hash): a checkpoint to verify
    # on from next time. Only meaningful when ok.
    last_id: int = 0
    last_hash: str = GENESIS
    full: bool = True  # recomputed from the first row (False: from a checkpoint on)


@dataclass(frozen=True)
class Checkpoint:
    """A row already verified, and its hash, kept outside the database: the chain up to it
    need not be recomputed, and it must still be there, unchanged (cutting the chain back
    and rewriting `audit_anchor` to match is caught by it)."""

    last_id: int
    last_hash: str


_COLUMNS = "id, at, user, action, table_name, object_id, detail, prev_hash, hash"


def verify(
    conn: Connection, checkpoint: Checkpoint | None = None, *, full: bool = True
) -> ChainReport:
    """Recompute the chain and name the first row that does not match. With `full`, from
    the first row; otherwise only the rows after `checkpoint` (then the checkpoint's own row
    must still hold its hash). Either way the checkpoint's row is checked, and the chain's
    end against `audit_anchor`."""
    start = checkpoint if checkpoint is not None and checkpoint.last_id > 0 else None
    if start is not None:
        row = conn.execute(
            text("SELECT hash FROM audit_log WHERE id = :i"), {"i": start.last_id}
        ).first()
        if row is None:
            return ChainReport(
                False,
                0,
                start.last_id,
                f"row {start.last_id}, verified before, is missing: the trail was cut back",
                full=full,
            )
        if row.hash != start.last_hash:
            return ChainReport(
                False,
                0,
                start.last_id,
                f"row {start.last_id} is not the row verified before",
                full=full,
            )
    if full or start is None:
        prev_hash, expected_id = GENESIS, 1
        rows = conn.execute(text(f"SELECT {_COLUMNS} FROM audit_log ORDER BY id"))  # noqa: S608
    else:
        prev_hash, expected_id = start.last_hash, start.last_id + 1
        rows = conn.execute(
            text(f"SELECT {_COLUMNS} FROM audit_log WHERE id > :i ORDER BY id"),  # noqa: S608
            {"i": start.last_id},
        )
    is_full = full or start is None
    count = expected_id - 1
    for r in rows:
        count += 1
        if r.id != expected_id:
            return ChainReport(
                False, count, r.id, f"row {expected_id} is missing before row {r.id}", full=is_full
            )
        if r.prev_hash != prev_hash:
            return ChainReport(
                False, count, r.id, f"row {r.id} does not follow row {r.id - 1}", full=is_full
            )
        content = _row_content(r.id, r.at, r.user, r.action, r.table_name, r.object_id, r.detail)
        if chain_hash(prev_hash, canonical(content)) != r.hash:
            return ChainReport(
                False, count, r.id, f"row {r.id} was changed after it was written", full=is_full
            )
        prev_hash = r.hash
        expected_id += 1
    anchor = conn.execute(text("SELECT last_id, last_hash FROM audit_anchor WHERE id = 1")).first()
    last_id = expected_id - 1
    if anchor is None:
        if last_id:
            return ChainReport(False, count, None, "the chain's anchor is missing", full=is_full)
    elif anchor.last_id != last_id or anchor.last_hash != prev_hash:
        return ChainReport(
            False,
            count,
            anchor.last_id if anchor.last_id > last_id else last_id,
            f"the chain ends at row {last_id} but was last written at row {anchor.last_id}",
            full=is_full,
        )
    return ChainReport(True, count, None, "", last_id, prev_hash, is_full)
