"""Bring a database file to the schema this version of the application expects.

A new file is created at the newest revision and seeded. An older file is copied aside first
(owner-only), then upgraded. A file written by a newer version is refused: this version
cannot know what the newer schema means.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

from app import resources
from app.core.errors import DatabaseProblem
from app.store.engine import Keying, connect_raw


@dataclass(frozen=True)
class MigrationResult:
    created: bool
    from_revision: str | None
    to_revision: str
    backup_path: Path | None


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.migrations_dir()))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(_alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        has_table = conn.execute(
            text("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'")
        ).first()
        if not has_table:
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def copy_aside(path: Path, revision: str, keying: Keying | None) -> Path:
    """A consistent copy (SQLite's online backup, safe with WAL) next to the file, 0600."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.before-upgrade-{revision}-{stamp}{path.suffix}")
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    src = connect_raw(path, keying)
    dst = connect_raw(target, keying)  # same key: the copy is as protected as the original
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def upgrade(engine: Engine, path: Path, keying: Keying | None) -> MigrationResult:
    """Upgrade the database behind `engine` to head; copy it aside first if it has data."""
    current = current_revision(engine)
    head = head_revision()
    if current is not None and current not in known_revisions():
        raise DatabaseProblem(
            f"{path.name} was written by a newer version of Innsyn (schema {current}); "
            "update Innsyn to open it."
        )
    if current == head:
        return MigrationResult(False, current, head, None)
    backup = copy_aside(path, current, keying) if current is not None else None
    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return MigrationResult(current is None, current, head, backup)


__all__ = [
    "MigrationResult",
    "copy_aside",
    "current_revision",
    "head_revision",
    "upgrade",
]
