"""the search index's vocabulary

A view of the subject search index's terms and how many rows hold each (fts5vocab: no data
of its own, nothing that is not already in the index, and erased with it). A search for a
common name estimates its matches from it and walks the list in its order at once, instead
of running the match twice (1M subjects, 'hansen': ~22 -> ~17 ms).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE VIRTUAL TABLE subject_fts_terms USING fts5vocab(subject_fts, 'row')")


def downgrade() -> None:
    op.execute("DROP TABLE subject_fts_terms")
