"""Index a quiz's attempts by state and submission time (with scores), for results, exports and statistics

Revision ID: b15a7e2c9d01
Revises: b4da86834c47
Create Date: 2026-11-30 17:40:00

"""
import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision = 'b15a7e2c9d01'
down_revision = 'b4da86834c47'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.create_index('ix_attempt_quiz_state_submitted',
                              ['quiz_id', 'state', 'submitted_at', 'id', 'score', 'max_score'], unique=False)
        batch_op.create_index('ix_attempt_quiz_latest', ['quiz_id', sa.literal_column('submitted_at').desc(), 'id'],
                              unique=False)


def downgrade():
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.drop_index('ix_attempt_quiz_latest')
        batch_op.drop_index('ix_attempt_quiz_state_submitted')
