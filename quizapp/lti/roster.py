"""Fetch a course's roster through Names and Role Provisioning Services and show who has not attempted."""

from __future__ import annotations

from dataclasses import dataclass

import requests
from pylti1p3.exception import LtiException
from pylti1p3.names_roles import NamesRolesProvisioningService
from pylti1p3.roles import StudentRole
from pylti1p3.service_connector import ServiceConnector

from ..extensions import db
from ..models import Participant, Quiz, utcnow
from . import tasks
from .models import ID_LENGTH, LtiLearner, LtiMember, LtiResourceLink
from .toolconf import registration

# A course larger than this is cut: the page lists the first ones and says so.
MAX_MEMBERS = 5000
MAX_PAGES = 100


@dataclass(frozen=True)
class RosterRow:
    """One learner of the course: who, and their quizapp participant if they launched the quiz."""

    member: LtiMember
    participant: Participant | None


def queue_refresh(link: LtiResourceLink) -> None:
    """Queue a fetch of the link's roster, when the platform offers one."""
    if link.memberships_url:
        tasks.queue("roster", link.id)


def _text(value, limit: int = ID_LENGTH) -> str:
    return value[:limit] if isinstance(value, str) else ""


def refresh(link_id: int) -> int:
    """Fetch the roster of a link and store it in place of the old one; return how many members. Commits."""
    link = db.session.get(LtiResourceLink, link_id)
    if link is None or not link.memberships_url:
        return 0
    session = requests.Session()
    connector = ServiceConnector(registration(link.platform), session)
    service = NamesRolesProvisioningService(connector, {"context_memberships_url": link.memberships_url})
    members: list[dict] = []
    url: str | None = link.memberships_url
    try:
        for _page in range(MAX_PAGES):
            if not url or len(members) >= MAX_MEMBERS:
                break
            page, url = service.get_members_page(url)
            members.extend(member for member in page if isinstance(member, dict))
    except (LtiException, requests.RequestException, ValueError) as error:
        link.roster_error = f"{type(error).__name__}: {error}"[:500]
        db.session.commit()
        return 0
    db.session.execute(db.delete(LtiMember).where(LtiMember.resource_link_id == link.id))
    seen: set[str] = set()
    for member in members[:MAX_MEMBERS]:
        sub = member.get("user_id")
        if not isinstance(sub, str) or not sub or len(sub) > ID_LENGTH or sub in seen:
            continue
        seen.add(sub)
        roles = [role for role in member.get("roles", []) if isinstance(role, str)][:20]
        name = _text(member.get("name")) or " ".join(
            _text(member.get(part)) for part in ("given_name", "family_name")).strip()
        db.session.add(LtiMember(resource_link_id=link.id, sub=sub, name=name, email=_text(member.get("email")),
                                 roles=roles, status=_text(member.get("status"), 20) or "Active"))
    link.roster_fetched_at = utcnow()
    link.roster_error = ""
    db.session.commit()
    return len(seen)


def is_learner(member: LtiMember) -> bool:
    """Tell whether a roster member is a learner of the course."""
    return StudentRole({"https://purl.imsglobal.org/spec/lti/claim/roles": member.roles}).check()


def course_rosters(quiz: Quiz) -> list[tuple[LtiResourceLink, list[RosterRow]]]:
    """Return each LMS placement of the quiz with its learners and, for each, their participant (None: not attempted)."""
    links = db.session.scalars(db.select(LtiResourceLink).where(LtiResourceLink.quiz_id == quiz.id)
                               .order_by(LtiResourceLink.id)).all()
    result = []
    for link in links:
        members = db.session.scalars(db.select(LtiMember).where(LtiMember.resource_link_id == link.id)
                                     .order_by(LtiMember.name, LtiMember.sub)).all()
        learners = {learner.sub: learner.participant for learner in db.session.scalars(
            db.select(LtiLearner).where(LtiLearner.platform_id == link.platform_id, LtiLearner.quiz_id == quiz.id))}
        rows = [RosterRow(member, learners.get(member.sub)) for member in members if is_learner(member)]
        result.append((link, rows))
    return result
