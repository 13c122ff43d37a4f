"""Questions keep the generator's worth, so automatic quiz building never picks one a rule refused (issue 10)

Revision ID: a7c3e9d2f610
Revises: 5e1d2c7a9b30
Create Date: 2026-12-01 20:40:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'a7c3e9d2f610'
down_revision = '5e1d2c7a9b30'
branch_labels = None
depends_on = None


def upgrade():
    # Questions stored before keep None: their bank order stands in for the worth, as it did.
    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.add_column(sa.Column('worth', sa.Float(), nullable=True))


def downgrade():
    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.drop_column('worth')
