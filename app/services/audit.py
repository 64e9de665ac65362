"""The audit trail as the officer and Datatilsynet see it: verify it, record exports.

Recomputing the whole hash chain takes ~10 s of CPU at a million entries, so the check the
GUI runs at every start verifies only the entries written since the last verified one
(`verify_new_entries`). That entry's id and hash are kept on this computer, outside the
database (`database.remember`), so they also anchor the chain from outside: cutting it back
to before that entry is caught even when `audit_anchor` was rewritten to match. The whole
chain is recomputed by `verify_chain` (`innsyn audit verify`, evidence packs, the button on
the overview) and once a day in the background (`full_verification_due`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.core import clock
from app.store import audit, database
from app.store.audit import ChainReport, Checkpoint
from app.store.database import Database

__all__ = [
    "ChainReport",
    "full_verification_due",
    "record",
    "verify_chain",
    "verify_new_entries",
]


def _checkpoint(db: Database) -> Checkpoint | None:
    kept = database.remembered(db.path, db.database_id).get("audit_checkpoint")
    if not isinstance(kept, dict):
        return None
    last_id, last_hash = kept.get("id"), kept.get("hash")
    if not isinstance(last_id, int) or not isinstance(last_hash, str):
        return None
    return Checkpoint(last_id, last_hash)


def _note(db: Database, report: ChainReport, kept: Checkpoint | None) -> None:
    if not report.ok:
        # Until a whole recomputation passes, every check recomputes the whole chain: the
        # entries after the checkpoint alone could look intact. The checkpoint is kept.
        database.remember(db.path, db.database_id, audit_broken=True)
        return
    values: dict[str, Any] = {}
    if kept is None or report.last_id > kept.last_id:
        values["audit_checkpoint"] = {"id": report.last_id, "hash": report.last_hash}
    if report.full:
        values["audit_full_check"] = clock.now_utc().isoformat(timespec="seconds")
        values["audit_broken"] = None
    if values:
        database.remember(db.path, db.database_id, **values)


def verify_chain(db: Database) -> ChainReport:
    """Recompute the whole chain (and check the entry verified last time is still there)."""
    kept = _checkpoint(db)
    with db.engine.connect() as conn:
        report = audit.verify(conn, kept, full=True)
    _note(db, report, kept)
    return report


def verify_new_entries(db: Database) -> ChainReport:
    """Verify the entries written since the last verified one (all of them the first time,
    and after the chain was once found broken)."""
    kept = _checkpoint(db)
    broken = bool(database.remembered(db.path, db.database_id).get("audit_broken"))
    with db.engine.connect() as conn:
        report = audit.verify(conn, kept, full=broken)
    _note(db, report, kept)
    return report


def full_verification_due(db: Database, *, now: dt.datetime | None = None) -> bool:
    """True when the whole chain has not been recomputed on this computer today (UTC)."""
    now = clock.in_utc(now or clock.now_utc())
    value = database.remembered(db.path, db.database_id).get("audit_full_check")
    try:
        last = dt.datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        last = None
    return last is None or last.date() != now.date()


def record(db: Database, action: str, table: str, object_id: object, **detail: Any) -> None:
    """An event that changes no row of ours but must be on the record (an export, say).
    `detail` must hold ids, pseudonyms and choices only, never personal data."""
    with db.session() as s:
        audit.append(s.connection(), action, table, object_id, detail)
