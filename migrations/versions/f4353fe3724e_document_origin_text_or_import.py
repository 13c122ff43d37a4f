"""Documents say their origin: a text questions are generated from, or an imported question file (issue 14)

Revision ID: f4353fe3724e
Revises: 0f562462344c
Create Date: 2026-11-30 20:27:09.012074

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'f4353fe3724e'
down_revision = "0f562462344c"
branch_labels = None
depends_on = None


def upgrade():
    # Every document stored so far is a text: the server default says so for the existing rows.
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.add_column(sa.Column('origin', sa.String(length=12), server_default='text', nullable=False))
        batch_op.create_check_constraint(batch_op.f('ck_document_origin'), "origin IN ('text', 'import')")


def downgrade():
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_document_origin'), type_='check')
        batch_op.drop_column('origin')
