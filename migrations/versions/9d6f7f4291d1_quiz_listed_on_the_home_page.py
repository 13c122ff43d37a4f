"""List a quiz on the home page only when its teacher says so (existing quizzes are not listed)

Revision ID: 9d6f7f4291d1
Revises: f4d75d0c08ea
Create Date: 2026-11-26 00:39:14.537130

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '9d6f7f4291d1'
down_revision = 'f4d75d0c08ea'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.add_column(sa.Column('listed', sa.Boolean(), server_default=sa.false(), nullable=False))



def downgrade():
    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.drop_column('listed')

