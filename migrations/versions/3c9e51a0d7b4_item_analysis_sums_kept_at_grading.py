"""Keep each quiz's item-analysis sums exact, updated as attempts are graded and regraded (issue 15)

The per-quiz JSON snapshot (stats_snapshot) is replaced by a row per quiz
(quiz_stats: the writers' lock, the count of attempts summed, the score rows)
and a row per question, answer and points earned (quiz_answer_stats). They
start empty: the first view of a quiz with older attempts sums them once and
stores the sums (`flask --app quizapp rebuild-stats` does it ahead of time).

Revision ID: 3c9e51a0d7b4
Revises: 79f59840706c
Create Date: 2026-11-30 20:40:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '3c9e51a0d7b4'
down_revision = "79f59840706c"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('quiz_stats',
    sa.Column('quiz_id', sa.Integer(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('totals', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['quiz_id'], ['quiz.id'], name=op.f('fk_quiz_stats_quiz_id_quiz'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('quiz_id', name=op.f('pk_quiz_stats'))
    )
    op.create_table('quiz_answer_stats',
    sa.Column('quiz_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('points', sa.BigInteger(), nullable=False),
    sa.Column('answer_key', sa.String(length=64), nullable=False),
    sa.Column('answer', sa.Text(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('first_attempt_id', sa.Integer(), nullable=False),
    sa.Column('score_sum', sa.Text(), nullable=False),
    sa.Column('score_squares', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['question_id'], ['question.id'], name=op.f('fk_quiz_answer_stats_question_id_question'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['quiz_id'], ['quiz.id'], name=op.f('fk_quiz_answer_stats_quiz_id_quiz'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('quiz_id', 'question_id', 'points', 'answer_key', name=op.f('pk_quiz_answer_stats'))
    )
    op.drop_table('stats_snapshot')


def downgrade():
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
    op.drop_table('quiz_answer_stats')
    op.drop_table('quiz_stats')
