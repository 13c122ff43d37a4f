"""Define the LTI 1.3 tables: platforms, accounts, resource links, learners, the grade outbox, the shared cache."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, CheckConstraint, DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ..models import Attempt, Participant, Quiz, User, utcnow

# Claims and URLs are bounded: what a platform sends beyond these is refused, not truncated.
ID_LENGTH = 255
URL_LENGTH = 1000


class LtiPlatform(db.Model):
    """An LMS registered by an administrator: who it is and where its endpoints are."""

    __tablename__ = "lti_platform"
    __table_args__ = (UniqueConstraint("issuer", "client_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    issuer: Mapped[str] = mapped_column(String(ID_LENGTH))
    client_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    # The deployment ids the platform may launch with; any other is refused.
    deployment_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    auth_login_url: Mapped[str] = mapped_column(String(URL_LENGTH))
    auth_token_url: Mapped[str] = mapped_column(String(URL_LENGTH))
    key_set_url: Mapped[str] = mapped_column(String(URL_LENGTH))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class LtiAccount(db.Model):
    """An LMS instructor (issuer + sub) linked to the quizapp teacher account they proved they own."""

    __tablename__ = "lti_account"
    __table_args__ = (UniqueConstraint("platform_id", "sub"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = mapped_column(ForeignKey("lti_platform.id", ondelete="CASCADE"))
    sub: Mapped[str] = mapped_column(String(ID_LENGTH))
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    platform: Mapped[LtiPlatform] = relationship()
    user: Mapped[User] = relationship()


class LtiResourceLink(db.Model):
    """A quiz placed in a course of an LMS, with the grade and roster services its launches offered."""

    __tablename__ = "lti_resource_link"
    __table_args__ = (UniqueConstraint("platform_id", "resource_link_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = mapped_column(ForeignKey("lti_platform.id", ondelete="CASCADE"))
    deployment_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    resource_link_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quiz.id", ondelete="CASCADE"), index=True)
    context_id: Mapped[str | None] = mapped_column(String(ID_LENGTH))
    context_title: Mapped[str | None] = mapped_column(String(ID_LENGTH))
    # Assignment and Grade Services: the claim's scopes and line item URLs, from the latest launch.
    ags_scopes: Mapped[list[str]] = mapped_column(JSON, default=list)
    lineitem_url: Mapped[str | None] = mapped_column(String(URL_LENGTH))
    lineitems_url: Mapped[str | None] = mapped_column(String(URL_LENGTH))
    # Names and Role Provisioning Services, when the platform offers it.
    memberships_url: Mapped[str | None] = mapped_column(String(URL_LENGTH))
    roster_fetched_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    roster_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    platform: Mapped[LtiPlatform] = relationship()
    quiz: Mapped[Quiz] = relationship()


class LtiLearner(db.Model):
    """A platform user (issuer + sub) as the participant of one quiz: the same on every device."""

    __tablename__ = "lti_learner"
    __table_args__ = (UniqueConstraint("platform_id", "sub", "quiz_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = mapped_column(ForeignKey("lti_platform.id", ondelete="CASCADE"))
    sub: Mapped[str] = mapped_column(String(ID_LENGTH))
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quiz.id", ondelete="CASCADE"))
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id", ondelete="CASCADE"), unique=True)
    # The placement the learner came through last: their grades go to its line item.
    resource_link_id: Mapped[int] = mapped_column(ForeignKey("lti_resource_link.id", ondelete="CASCADE"), index=True)

    participant: Mapped[Participant] = relationship()
    resource_link: Mapped[LtiResourceLink] = relationship()


class LtiMember(db.Model):
    """One person of a course roster, as the platform's Names and Role Provisioning Services listed them."""

    __tablename__ = "lti_member"
    __table_args__ = (UniqueConstraint("resource_link_id", "sub"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    resource_link_id: Mapped[int] = mapped_column(ForeignKey("lti_resource_link.id", ondelete="CASCADE"))
    sub: Mapped[str] = mapped_column(String(ID_LENGTH))
    name: Mapped[str] = mapped_column(String(ID_LENGTH), default="")
    email: Mapped[str] = mapped_column(String(ID_LENGTH), default="")
    roles: Mapped[list[str]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(20), default="Active")


class LtiGrade(db.Model):
    """The outbox row of one attempt's grade for the LMS: what to send, and whether it arrived.

    Written in the same transaction as the submit or regrade that changed the
    score, so a grade is never lost; a job sends it, retrying with backoff.
    `version` grows with every change, so a send of an older score never marks
    a newer one as delivered.
    """

    __tablename__ = "lti_grade"
    __table_args__ = (CheckConstraint("status IN ('pending', 'sent', 'failed')", name="status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id", ondelete="CASCADE"), unique=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("lti_learner.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(12), default="pending")
    version: Mapped[int] = mapped_column(Integer, default=1)
    tries: Mapped[int] = mapped_column(Integer, default=0)
    score_given: Mapped[float | None] = mapped_column(Float)
    score_maximum: Mapped[float | None] = mapped_column(Float)
    last_error: Mapped[str] = mapped_column(Text, default="")
    next_try_at: Mapped[dt.datetime | None] = mapped_column(DateTime, index=True)
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    attempt: Mapped[Attempt] = relationship()
    learner: Mapped[LtiLearner] = relationship()


class LtiCacheEntry(db.Model):
    """A value of the shared LTI cache (nonces, launch data) when no Redis is configured."""

    __tablename__ = "lti_cache"

    key: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
