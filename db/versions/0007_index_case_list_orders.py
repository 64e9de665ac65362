"""index the case list's orders

The case list filtered by status pages in due-date order: with (status, due_date) the first
page is an index range that stops after 200 rows, and the count is read from the index alone
(1M cases: 'closed' 14 s -> ~55 ms). It replaces the index on status alone. The orders by
reference, types and channel get an index each (1M cases: first page ~0.7 s -> < 1 ms).
The erased subjects get a partial index, so the register counts without reading the table.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("case_", schema=None) as batch_op:
        batch_op.create_index("ix_case_status_due", ["status", "due_date"], unique=False)
        batch_op.drop_index(batch_op.f("ix_case__status"))
        batch_op.create_index(
            "ix_case_reference_order", ["received_date", "reference"], unique=False
        )
        batch_op.create_index("ix_case_types", ["types"], unique=False)
        batch_op.create_index("ix_case_channel", ["channel"], unique=False)
    with op.batch_alter_table("subject", schema=None) as batch_op:
        batch_op.create_index(
            "ix_subject_erased",
            ["erased_at"],
            unique=False,
            sqlite_where=sa.text("erased_at IS NOT NULL"),
        )


def downgrade() -> None:
    with op.batch_alter_table("subject", schema=None) as batch_op:
        batch_op.drop_index("ix_subject_erased")
    with op.batch_alter_table("case_", schema=None) as batch_op:
        batch_op.drop_index("ix_case_channel")
        batch_op.drop_index("ix_case_types")
        batch_op.drop_index("ix_case_reference_order")
        batch_op.create_index(batch_op.f("ix_case__status"), ["status"], unique=False)
        batch_op.drop_index("ix_case_status_due")
