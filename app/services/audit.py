"""The audit trail as the officer and Datatilsynet see it: verify it, record exports."""

from __future__ import annotations

from typing import Any

from app.services.database import Database
from app.store import audit
from app.store.audit import ChainReport

__all__ = ["ChainReport", "record", "verify_chain"]


def verify_chain(db: Database) -> ChainReport:
    with db.engine.connect() as conn:
        return audit.verify(conn)


def record(db: Database, action: str, table: str, object_id: object, **detail: Any) -> None:
    """An event that changes no row of ours but must be on the record (an export, say).
    `detail` must hold ids, pseudonyms and choices only, never personal data."""
    with db.session() as s:
        audit.append(s.connection(), action, table, object_id, detail)
