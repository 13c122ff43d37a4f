"""Keep each quiz's item-analysis sums up to a mark, so a restart adds only newer attempts (issue 15)

Revision ID: 15637d36e56d
Revises: b15a7e2c9d01
Create Date: 2026-11-30 18:54:07.762086

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '15637d36e56d'
down_revision = 'b15a7e2c9d01'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('stats_snapshot',
    sa.Column('quiz_id', sa.Integer(), nullable=False),
    sa.Column('mark_at', sa.DateTime(), nullable=False),
    sa.Column('mark_id', sa.Integer(), nullable=False),
    sa.Column('basis', sa.Text(), nullable=False),
    sa.Column('sums', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['quiz_id'], ['quiz.id'], name=op.f('fk_stats_snapshot_quiz_id_quiz'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('quiz_id', name=op.f('pk_stats_snapshot'))
    )


def downgrade():
    op.drop_table('stats_snapshot')
