"""Turn a validated launch into quizapp records: the placement, the learner's participant, the instructor's account."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Collection, Mapping
from typing import Any

from flask_babel import lazy_gettext as _l
from pylti1p3.roles import StaffRole, StudentRole, TeacherRole
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..models import Attempt, Participant, Quiz, User
from ..services import attempts as attempt_service
from .errors import LaunchRefused
from .models import ID_LENGTH, URL_LENGTH, LtiAccount, LtiLearner, LtiPlatform, LtiResourceLink
from .toolconf import find_platform

CLAIM = "https://purl.imsglobal.org/spec/lti/claim/"
AGS_CLAIM = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
NRPS_CLAIM = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice"
# The custom parameter a deep-linked activity carries: which quiz it is.
QUIZ_PARAMETER = "quizapp_quiz"


def _text(value: Any, limit: int = ID_LENGTH) -> str | None:
    """Return a claim's string if it is one and fits, else None (longer values are not ours to cut)."""
    return value if isinstance(value, str) and 0 < len(value) <= limit else None


def _object(body: Mapping, name: str) -> Mapping:
    value = body.get(name)
    return value if isinstance(value, Mapping) else {}


def platform_of(body: Mapping) -> LtiPlatform:
    """Return the registered platform a validated launch came from."""
    audience = body.get("aud")
    client_id = audience[0] if isinstance(audience, list) and audience else audience
    platform = find_platform(body.get("iss"), client_id if isinstance(client_id, str) else None)
    if platform is None:
        raise LaunchRefused(_l("This platform is not registered with quizapp."), status=403)
    return platform


def role_of(body: Mapping) -> str | None:
    """Return 'instructor' (instructors, administrators), 'learner', or None for a role quizapp has nothing for."""
    if TeacherRole(body).check() or StaffRole(body).check():
        return "instructor"
    if StudentRole(body).check():
        return "learner"
    return None


def user_id(body: Mapping) -> str:
    """Return the launch's user id (sub), refusing a launch without a usable one."""
    sub = _text(body.get("sub"))
    if sub is None:
        raise LaunchRefused(_l("The launch does not say who the user is (no sub claim)."))
    return sub


def person_name(body: Mapping) -> str:
    """Return the name the platform gave, else its e-mail, else a neutral label; at most 80 characters."""
    name = body.get("name")
    if not isinstance(name, str) or not name.strip():
        parts = [body.get("given_name"), body.get("family_name")]
        name = " ".join(part for part in parts if isinstance(part, str) and part.strip())
    if not name.strip() and isinstance(body.get("email"), str):
        name = body["email"]
    return name.strip()[:80] or str(_l("LMS user"))


def requested_quiz_id(body: Mapping) -> int | None:
    """Return the quiz id in the launch's custom parameters, if any."""
    value = _object(body, CLAIM + "custom").get(QUIZ_PARAMETER)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.isdecimal() and len(value) < 12:
        return int(value)
    return None


def record_resource_link(platform: LtiPlatform, body: Mapping) -> LtiResourceLink:
    """Find or make the placement the launch names, refreshing its service endpoints; the caller commits."""
    link_id = _text(_object(body, CLAIM + "resource_link").get("id"))
    if link_id is None:
        raise LaunchRefused(_l("The launch names no resource link."))
    link = db.session.scalar(db.select(LtiResourceLink).where(
        LtiResourceLink.platform_id == platform.id, LtiResourceLink.resource_link_id == link_id))
    if link is None:
        quiz_id = requested_quiz_id(body)
        quiz = db.session.get(Quiz, quiz_id) if quiz_id is not None else None
        if quiz is None or quiz.archived:
            raise LaunchRefused(_l("This activity is not linked to a quizapp quiz. The instructor can choose one "
                                   "with the LMS's content selection (Deep Linking)."), status=404)
        link = LtiResourceLink(platform=platform, resource_link_id=link_id, quiz=quiz)
        db.session.add(link)
    link.deployment_id = _text(body.get(CLAIM + "deployment_id")) or ""
    context = _object(body, CLAIM + "context")
    link.context_id = _text(context.get("id"))
    link.context_title = _text(context.get("title"))
    endpoint = _object(body, AGS_CLAIM)
    scopes = endpoint.get("scope")
    link.ags_scopes = [s for s in scopes if isinstance(s, str)][:10] if isinstance(scopes, list) else []
    link.lineitem_url = _text(endpoint.get("lineitem"), URL_LENGTH)
    link.lineitems_url = _text(endpoint.get("lineitems"), URL_LENGTH)
    memberships = _text(_object(body, NRPS_CLAIM).get("context_memberships_url"), URL_LENGTH)
    if memberships:
        link.memberships_url = memberships
    db.session.flush()
    return link


def _learner(link: LtiResourceLink, sub: str, name: str) -> LtiLearner:
    learner = db.session.scalar(db.select(LtiLearner).where(
        LtiLearner.platform_id == link.platform_id, LtiLearner.sub == sub, LtiLearner.quiz_id == link.quiz_id))
    if learner is None:
        participant = Participant(quiz=link.quiz, display_name=name, identifier=None,
                                  token=secrets.token_urlsafe(32))
        learner = LtiLearner(platform_id=link.platform_id, sub=sub, quiz_id=link.quiz_id, participant=participant,
                             resource_link=link)
        db.session.add_all([participant, learner])
        db.session.flush()
    else:
        learner.resource_link = link
        learner.participant.display_name = name
    return learner


def enter_learner(link: LtiResourceLink, body: Mapping, now: dt.datetime,
                  grace_seconds: int) -> tuple[Participant, Attempt | None]:
    """Return the learner's participant and the attempt to show: resumed, new, or None when none is left.

    The platform vouched for the user, so every attempt of their participant is
    theirs on any device; the quiz's attempt limit counts them all. The caller commits.
    """
    sub, name = user_id(body), person_name(body)
    for last_try in (False, True):
        try:
            learner = _learner(link, sub, name)
            participant = learner.participant
            current = attempt_service.in_progress_attempt(participant)
            if current is None and attempt_service.attempts_exhausted(participant):
                return participant, None
            attempt = attempt_service.start_attempt(participant, now, grace_seconds, (), owns_participant=True)
            db.session.flush()
            return participant, attempt
        except IntegrityError:
            # Two launches of one learner at once: the other made the rows; find them.
            if last_try:
                raise
            db.session.rollback()
            link = db.session.merge(link)
    raise AssertionError("unreachable")


def linked_user(platform: LtiPlatform, sub: str) -> User | None:
    """Return the active quizapp teacher this LMS instructor linked, if any."""
    account = db.session.scalar(db.select(LtiAccount).where(LtiAccount.platform_id == platform.id,
                                                            LtiAccount.sub == sub))
    if account is None or not account.user.active:
        return None
    return account.user


def link_instructor(platform: LtiPlatform, sub: str, user: User) -> LtiAccount:
    """Link an LMS instructor to the teacher logged in here; a new link replaces an older one. The caller commits."""
    account = db.session.scalar(db.select(LtiAccount).where(LtiAccount.platform_id == platform.id,
                                                            LtiAccount.sub == sub))
    if account is None:
        account = LtiAccount(platform=platform, sub=sub, user=user)
        db.session.add(account)
    account.user = user
    return account


def attempt_tokens(participant: Participant) -> Collection[str]:
    """Return the tokens of all the participant's attempts: a launched learner owns them on any device."""
    return [attempt.token for attempt in participant.attempts]
