"""Add a submitted attempt to the item-analysis sums when they are next read, not as it is submitted (issue 12)

attempt.tallied says whether the quiz's stored sums hold the attempt. Attempts
submitted before this revision were added as they were graded, so they start
tallied; should a quiz's stored count disagree, its next view sums it anew.

Revision ID: 5e1d2c7a9b30
Revises: 3c9e51a0d7b4
Create Date: 2026-12-01 03:40:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5e1d2c7a9b30'
down_revision = '3c9e51a0d7b4'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.add_column(sa.Column('tallied', sa.Boolean(), server_default=sa.false(), nullable=False))
    op.execute("UPDATE attempt SET tallied = true WHERE state = 'submitted'")
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.create_index('ix_attempt_quiz_state_tallied', ['quiz_id', 'state', 'tallied'], unique=False)


def downgrade():
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.drop_index('ix_attempt_quiz_state_tallied')
        batch_op.drop_column('tallied')
