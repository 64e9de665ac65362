"""Alembic environment. The application runs migrations itself (app/store/migrate.py) with a
live connection in `config.attributes["connection"]`; the alembic CLI works too, given
`-x db=PATH`."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from app.store.models import Base

config = context.config
target_metadata = Base.metadata


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    # The FTS5 search index and its shadow tables are made by hand in the migrations.
    return not (type_ == "table" and name is not None and name.startswith("subject_fts"))


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite can only alter tables by copying them
        compare_type=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    from pathlib import Path

    from app.store.engine import make_engine

    db_path = context.get_x_argument(as_dictionary=True).get("db")
    if not db_path:
        raise SystemExit("usage: alembic -c db/alembic.ini -x db=PATH upgrade head")
    with make_engine(Path(db_path)).connect() as conn:
        _run(conn)
        conn.commit()
