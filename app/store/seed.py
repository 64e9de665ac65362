"""Seed a new database with the controller profile and its processing register (Art. 30),
from the data file in db/seed/ (LanoPro's policy is the embedded default). The register's
texts come in English and, in the `_nb` keys, in Bokmål; a register file without the Bokmål
keys seeds them empty."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import __version__, resources
from app.core import clock
from app.store.models import (
    ActivityRetention,
    DatabaseInfo,
    ProcessingActivity,
    Recipient,
    RetentionRule,
    Setting,
    System,
)


def load_register(path: Path | None = None) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (path or resources.seed_register_file()).read_text(encoding="utf-8")
    )
    return data


def seed_database(session: Session, register: dict[str, Any] | None = None) -> None:
    """Fill an empty database. Does nothing to one that already has its identity row."""
    if session.scalar(select(DatabaseInfo.id)) is not None:
        return
    data = register or load_register()
    now = clock.now_utc()
    session.add(
        DatabaseInfo(database_id=str(uuid.uuid4()), created_at=now, created_by_version=__version__)
    )
    for key, value in data.get("controller", {}).items():
        session.add(Setting(key=f"controller.{key}", value=str(value)))

    rules = {r["code"]: RetentionRule(**r) for r in data["retention_rules"]}
    recipients = {r["code"]: Recipient(**r) for r in data["recipients"]}
    systems = {s["code"]: System(**s) for s in data["systems"]}
    session.add_all([*rules.values(), *recipients.values(), *systems.values()])
    for a in data["activities"]:
        activity = ProcessingActivity(
            code=a["code"],
            name=a["name"],
            purpose=a["purpose"],
            legal_basis=a["legal_basis"],
            legal_basis_text=a["legal_basis_text"],
            data_categories="\n".join(a["data_categories"]),
            subject_categories="\n".join(a["subject_categories"]),
            source=a["source"],
            transfers=a.get("transfers", ""),
            name_nb=a.get("name_nb", ""),
            purpose_nb=a.get("purpose_nb", ""),
            legal_basis_text_nb=a.get("legal_basis_text_nb", ""),
            data_categories_nb="\n".join(a.get("data_categories_nb", ())),
            subject_categories_nb="\n".join(a.get("subject_categories_nb", ())),
            source_nb=a.get("source_nb", ""),
            transfers_nb=a.get("transfers_nb", ""),
            security_measures=a.get("security_measures", ""),
            recipients=[recipients[c] for c in a["recipients"]],
            systems=[systems[c] for c in a["systems"]],
        )
        activity.retention = [
            ActivityRetention(
                rule=rules[r["rule"]],
                applies_to=r["applies_to"],
                applies_to_nb=r.get("applies_to_nb", ""),
            )
            for r in a["retention"]
        ]
        session.add(activity)
