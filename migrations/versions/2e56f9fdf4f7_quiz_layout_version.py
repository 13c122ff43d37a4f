"""Give each quiz a layout version: the key of the copy of its questions that students' requests share (issue 12)

Revision ID: 2e56f9fdf4f7
Revises: f4353fe3724e
Create Date: 2026-11-30 20:23:23.490507

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '2e56f9fdf4f7'
down_revision = "f4353fe3724e"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.add_column(sa.Column('layout_version', sa.String(length=16), server_default='0', nullable=False))


def downgrade():
    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.drop_column('layout_version')
