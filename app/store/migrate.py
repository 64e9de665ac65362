"""Bring a database file to the schema this version of the application expects.

A new file is created at the newest revision and seeded. An older file is copied aside first
(owner-only), then upgraded. A file written by a newer version is refused: this version
cannot know what the newer schema means.
"""

from __future__ import annotations

import ast
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text

from app import resources
from app.core import clock
from app.core.errors import DatabaseProblem
from app.store.engine import Keying, connect_raw

if TYPE_CHECKING:
    from alembic.config import Config


@dataclass(frozen=True)
class MigrationResult:
    created: bool
    from_revision: str | None
    to_revision: str
    backup_path: Path | None


def _alembic_config() -> Config:
    # Alembic costs ~0.2 s to import: only an upgrade (or the slow path below) needs it.
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(resources.migrations_dir()))
    return cfg


_ASSIGNMENT = re.compile(r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(.+?)\s*$", re.MULTILINE)


@lru_cache(maxsize=1)
def _revision_graph() -> tuple[str | None, frozenset[str]]:
    """(the single head, every revision), read from the migration files' `revision` and
    `down_revision` lines without importing Alembic. The head is None when the files do
    not make one plain chain end (several heads, a line that is not a literal): then
    Alembic decides."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in sorted((resources.migrations_dir() / "versions").glob("*.py")):
        found: dict[str, object] = {}
        for name, value in _ASSIGNMENT.findall(script.read_text(encoding="utf-8")):
            try:
                found.setdefault(name, ast.literal_eval(value))
            except (ValueError, SyntaxError):
                return None, frozenset()
        revision, down = found.get("revision"), found.get("down_revision")
        if not isinstance(revision, str):
            continue  # not a migration (an __init__.py, a helper)
        revisions.add(revision)
        if isinstance(down, str):
            parents.add(down)
        elif isinstance(down, tuple | list):
            parents.update(str(d) for d in down)
    heads = revisions - parents
    return (heads.pop() if len(heads) == 1 else None), frozenset(revisions)


def head_revision() -> str:
    head = _revision_graph()[0]
    if head is not None:
        return head
    from alembic.script import ScriptDirectory

    alembic_head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert alembic_head is not None
    return alembic_head


def known_revisions() -> set[str]:
    head, revisions = _revision_graph()
    if head is not None:
        return set(revisions)
    from alembic.script import ScriptDirectory

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
    stamp = clock.now_local().strftime("%Y%m%d-%H%M%S")
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
    if current == head:
        return MigrationResult(False, current, head, None)
    if current is not None and current not in known_revisions():
        raise DatabaseProblem("store.newer_schema", file=path.name, revision=current)
    backup = copy_aside(path, current, keying) if current is not None else None
    from alembic import command

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
