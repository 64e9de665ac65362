"""index the dates retention runs from

A page of the retention sweep (1,000 lines, most overdue first) is a narrow range of the
people's last purchase and last contact and of the cases' closing dates. Without an index
each page read every person and case (1M: 1-2 s per page, on the GUI thread). The counting
pass over everything due keeps to a table scan (see retention_sweep._unindexed).

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("subject", schema=None) as batch_op:
        batch_op.create_index("ix_subject_last_purchase", ["last_purchase"], unique=False)
        batch_op.create_index("ix_subject_last_contact", ["last_contact"], unique=False)
    with op.batch_alter_table("case_", schema=None) as batch_op:
        batch_op.create_index("ix_case_closed_on", ["closed_on"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("case_", schema=None) as batch_op:
        batch_op.drop_index("ix_case_closed_on")
    with op.batch_alter_table("subject", schema=None) as batch_op:
        batch_op.drop_index("ix_subject_last_contact")
        batch_op.drop_index("ix_subject_last_purchase")
