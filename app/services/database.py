"""Opening a case database: where it lives, migrating it, seeding it, and short sessions."""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs
from sqlalchemy import Engine, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.core.errors import DatabaseProblem
from app.store import audit, migrate
from app.store.engine import make_engine, make_session_factory, session_scope
from app.store.seed import seed_database

APP_NAME = "Innsyn"
DATA_DIR_ENV = "INNSYN_DATA_DIR"  # tests and portable installs point this elsewhere


def data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def default_database_path() -> Path:
    return data_dir() / "innsyn.sqlite3"


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers): still record something honest
        return f"uid-{os.getuid()}" if hasattr(os, "getuid") else "unknown"


@dataclass
class Database:
    path: Path
    engine: Engine
    factory: sessionmaker[Session]
    migration: migrate.MigrationResult | None = field(default=None)

    @contextmanager
    def session(self) -> Iterator[Session]:
        with session_scope(self.factory) as s:
            yield s

    def close(self) -> None:
        self.engine.dispose()


def open_database(path: Path | None = None, *, create: bool = True) -> Database:
    """Open (creating and seeding if allowed) and migrate a database file."""
    path = (path or default_database_path()).expanduser().resolve()
    exists = path.exists() and path.stat().st_size > 0
    if not exists and not create:
        raise DatabaseProblem(f"There is no database at {path}.")
    if path.is_dir():
        raise DatabaseProblem(f"{path} is a folder, not a database file.")
    if not exists:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
        os.close(fd)
    migrate.check_file_is_database(path)
    audit.install()
    engine = make_engine(path)
    try:
        result = migrate.upgrade(engine, path)
        factory = make_session_factory(engine)
        with session_scope(factory) as s:
            seed_database(s)
        with engine.connect() as conn:
            ok = conn.execute(text("PRAGMA quick_check")).scalar()
        if ok != "ok":
            raise DatabaseProblem(f"{path.name} is damaged (SQLite quick check: {ok}).")
    except DatabaseProblem:
        engine.dispose()
        raise
    except (DatabaseError, OperationalError) as exc:
        engine.dispose()
        raise DatabaseProblem(f"{path.name} cannot be opened: {exc.orig}") from exc
    return Database(path=path, engine=engine, factory=factory, migration=result)
