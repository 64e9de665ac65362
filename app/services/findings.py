"""What the officer found for an access case, system by system (the search checklist)."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import clock
from app.core.errors import InvalidInput, NotFound
from app.services.common import add_event, get_case, limited_text
from app.services.drawing import active_activities
from app.store.database import Database, current_user
from app.store.models import Document, Finding, System

MAX_EVIDENCE_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class FindingView:
    id: int | None  # None: a system of the register not looked at yet (no row kept)
    system_id: int
    system: str
    holds: str
    searched_on: dt.date | None
    found: bool | None  # None: not searched yet
    categories: tuple[str, ...]
    notes: str
    evidence_document_id: int | None
    evidence_sha256: str | None


def _systems_in_use(s: Session) -> list[System]:
    seen: dict[int, System] = {}
    for a in active_activities(s):
        for system in a.systems:
            if system.retired_at is None:
                seen.setdefault(system.id, system)
    return sorted(seen.values(), key=lambda x: x.id)


def findings(db: Database, reference: str) -> list[FindingView]:
    """The checklist: one line per system of the register in use (while the case is open)
    and per system already recorded. Reads only: a line is kept once it is recorded."""
    with db.session() as s:
        case = get_case(s, reference)
        rows = {
            f.system_id: f for f in s.scalars(select(Finding).where(Finding.case_id == case.id))
        }
        docs = {
            d.id: d.sha256 for d in s.scalars(select(Document).where(Document.case_id == case.id))
        }
        lines = [
            FindingView(
                id=f.id,
                system_id=f.system_id,
                system=f.system.name,
                holds=f.system.holds,
                searched_on=f.searched_on,
                found=f.found,
                categories=tuple(c for c in f.categories.split("\n") if c),
                notes=f.notes,
                evidence_document_id=f.document_id,
                evidence_sha256=docs.get(f.document_id) if f.document_id else None,
            )
            for f in rows.values()
        ]
        if case.is_open:
            lines += [
                FindingView(
                    id=None,
                    system_id=system.id,
                    system=system.name,
                    holds=system.holds,
                    searched_on=None,
                    found=None,
                    categories=(),
                    notes="",
                    evidence_document_id=None,
                    evidence_sha256=None,
                )
                for system in _systems_in_use(s)
                if system.id not in rows
            ]
        return sorted(lines, key=lambda line: line.system_id)


def record_finding(
    db: Database,
    reference: str,
    system_id: int,
    *,
    searched_on: dt.date,
    found: bool,
    categories: tuple[str, ...] = (),
    notes: str = "",
    evidence: tuple[str, bytes] | None = None,
) -> FindingView:
    """Record one system as searched: when, whether anything was found, which categories,
    and the extracted values (notes) or a file kept as evidence with its SHA-256."""
    notes = limited_text(notes, "notes")
    cats = tuple(c.strip() for c in categories if c.strip())
    if searched_on > clock.today_oslo():
        raise InvalidInput("The search cannot be dated in the future.")
    if not found and (cats or notes.strip()):
        raise InvalidInput("Nothing was found, so there are no categories or values to record.")
    if evidence is not None and len(evidence[1]) > MAX_EVIDENCE_BYTES:
        raise InvalidInput("The evidence file is larger than 50 MB.")
    with db.session() as s:
        case = get_case(s, reference)
        if searched_on < case.received_date:
            raise InvalidInput("The search cannot be dated before the request was received.")
        finding = s.scalar(
            select(Finding).where(Finding.case_id == case.id, Finding.system_id == system_id)
        )
        if finding is None:
            if s.get(System, system_id) is None:
                raise NotFound(f"There is no system {system_id}.")
            finding = Finding(case_id=case.id, system_id=system_id, categories="", notes="")
            s.add(finding)
        finding.searched_on = searched_on
        finding.found = found
        finding.categories = "\n".join(cats)
        finding.notes = notes
        if evidence is not None:
            name, content = evidence
            doc = Document(
                kind="finding",
                filename=name,
                media_type="application/octet-stream",
                content=content,
                sha256=hashlib.sha256(content).hexdigest(),
                created_at=clock.now_utc(),
                created_by=current_user(),
            )
            case.documents.append(doc)
            s.flush()
            finding.document_id = doc.id
        s.flush()
        system_name = s.get(System, system_id).name  # type: ignore[union-attr]
        add_event(
            case,
            "searched",
            f"{system_name}: {'data found' if found else 'nothing found'}"
            + (f" ({', '.join(cats)})" if cats else ""),
        )
    return next(f for f in findings(db, reference) if f.system_id == system_id)
