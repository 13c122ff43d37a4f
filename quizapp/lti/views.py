"""The LTI 1.3 endpoints: JWKS, OIDC login, launch, account linking, deep linking, and the administrator's page."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import (Blueprint, abort, current_app, flash, jsonify, redirect, render_template, request, session,
                   url_for)
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user
from pylti1p3.deep_link_resource import DeepLinkResource
from pylti1p3.lineitem import LineItem

from ..extensions import csrf, db
from ..models import Document, Question, Quiz, utcnow
from ..redirects import local_target
from ..security import CSP
from ..services import bank, proposals
from ..services import quizzes as quiz_service
from ..teacher.access import admin_required, owned_or_404, visible_to_current
from ..teacher.forms import EmptyForm
from . import grades, keys, launches, protocol, registry, roster
from .errors import LaunchRefused
from .forms import DocumentChoiceForm, PlatformForm, QuizChoiceForm
from .models import LtiGrade, LtiPlatform, LtiResourceLink

bp = Blueprint("lti", __name__, url_prefix="/lti")
# The launches this browser made, so a link or picker URL works only in the browser that launched it
# (kept apart from the session, which logging in clears).
LAUNCHES_COOKIE = "quizapp_lti_launches"
MAX_LAUNCHES = 5


@bp.errorhandler(LaunchRefused)
def refused(error: LaunchRefused):
    """Show why a login or launch was refused, with its 4xx status; nothing more (no trace, no token)."""
    db.session.rollback()
    return render_template("lti/refused.html", message=str(error.message), status=error.status), error.status


@bp.get("/jwks.json")
def jwks():
    response = jsonify(keys.jwks(utcnow()))
    # Platforms fetch the keys from their servers: public data, cacheable for a short while.
    response.headers["Cache-Control"] = "public, max-age=300"
    return response


@bp.route("/login", methods=["GET", "POST"])
@csrf.exempt  # the platform's form post: OIDC's state and nonce protect it
def login():
    """Answer a platform's third-party login initiation: redirect to its authorisation endpoint."""
    for name in ("iss", "login_hint", "lti_message_hint", "client_id", "target_link_uri", "lti_deployment_id"):
        value = request.values.get(name)
        if value is not None and len(value) > 2048:
            raise LaunchRefused(_("The login request is too long."))
    return protocol.login_redirect(url_for("lti.launch", _external=True))


def _remember_learner(participant, attempt_tokens) -> None:
    session["participants"] = {**session.get("participants", {}), str(participant.quiz_id): participant.token}
    known = [token for token in session.get("attempts", []) if token not in attempt_tokens]
    session["attempts"] = [*known, *attempt_tokens][-50:]
    session.permanent = True


def _as_instructor(platform: LtiPlatform, sub: str, launch_id: str, target: str):
    """Log the linked teacher in and go on, or ask the instructor to link their quizapp account once."""
    user = launches.linked_user(platform, sub)
    if user is None:
        response = redirect(url_for("lti.link_account", launch_id=launch_id, next=target))
    else:
        if not (current_user.is_authenticated and current_user.id == user.id):
            keep = {key: session[key] for key in ("lang",) if key in session}
            session.clear()
            session.update(keep)
            login_user(user)
        response = redirect(target)
    held = [item for item in request.cookies.get(LAUNCHES_COOKIE, "").split() if item != launch_id]
    response.set_cookie(LAUNCHES_COOKIE, " ".join([*held, launch_id][-MAX_LAUNCHES:]),
                        max_age=protocol.LAUNCH_LIFETIME_SECONDS, path=url_for("lti.login").rsplit("/", 1)[0],
                        httponly=True, samesite="Lax", secure=request.is_secure)
    return response


@bp.post("/launch")
@csrf.exempt  # the platform's signed id_token, state and nonce are the protection
def launch():
    """Validate a launch, then send the learner to their attempt, the instructor to the results or the quiz picker."""
    message = protocol.validated_launch()
    body = message.get_launch_data()
    platform = launches.platform_of(body)
    sub = launches.user_id(body)
    role = launches.role_of(body)
    launch_id = message.get_launch_id()
    if message.is_deep_link_launch():
        if role != "instructor":
            raise LaunchRefused(_("Only instructors can choose a quiz for the course."), status=403)
        return _as_instructor(platform, sub, launch_id, url_for("lti.deep_link", launch_id=launch_id))
    if not message.is_resource_launch():
        raise LaunchRefused(_("quizapp takes resource link and deep linking launches only."))
    link = launches.record_resource_link(platform, body)
    if role == "instructor":
        db.session.commit()
        roster.queue_refresh(link)
        return _as_instructor(platform, sub, launch_id, url_for("teacher.results", quiz_id=link.quiz_id))
    if role != "learner":
        raise LaunchRefused(_("Your role in this course has nothing to do in quizapp."), status=403)
    now = utcnow()
    try:
        participant, attempt = launches.enter_learner(link, body, now, current_app.config["DEADLINE_GRACE_SECONDS"])
    except launches.attempt_service.AttemptError as error:
        raise LaunchRefused(str(error), status=409) from error
    db.session.commit()
    _remember_learner(participant, launches.attempt_tokens(participant))
    if attempt is None:  # every attempt used: show the latest result
        return redirect(url_for("student.result", attempt_id=participant.attempts[-1].id))
    return redirect(url_for("student.attempt", attempt_id=attempt.id))


def _instructor_launch(launch_id: str):
    """Return the instructor launch this browser made, by its id; a URL carried to another browser is refused."""
    if launch_id not in request.cookies.get(LAUNCHES_COOKIE, "").split():
        raise LaunchRefused(_("This LTI session is unknown or has expired. Open the activity again from your course."),
                            status=404)
    message = protocol.restored_launch(launch_id)
    body = message.get_launch_data()
    if launches.role_of(body) != "instructor":
        raise LaunchRefused(_("Only instructors can link a quizapp account."), status=403)
    return message, body, launches.platform_of(body), launches.user_id(body)


@bp.route("/link/<launch_id>", methods=["GET", "POST"])
def link_account(launch_id: str):
    """Link the LMS instructor of a launch to the quizapp teacher who logs in here, once."""
    _message, body, platform, sub = _instructor_launch(launch_id)
    target = local_target(request.args.get("next"), url_for("teacher.dashboard"))
    form = EmptyForm()
    if current_user.is_authenticated and form.validate_on_submit():
        launches.link_instructor(platform, sub, current_user._get_current_object())
        db.session.commit()
        flash(_("Your LMS account is linked: from now on its launches open quizapp as you."), "success")
        return redirect(target)
    return render_template("lti/link.html", form=form, platform=platform, name=launches.person_name(body),
                           login_url=url_for("auth.login", next=request.full_path)), 400 if form.errors else 200


@bp.route("/deep-link/<launch_id>", methods=["GET", "POST"])
def deep_link(launch_id: str):
    """Let a linked instructor pick one of their quizzes, or a document whose proposed quiz is published at once;
    send the quiz back to the platform as a resource link."""
    message, _body, platform, sub = _instructor_launch(launch_id)
    if not message.is_deep_link_launch():
        abort(404)
    user = launches.linked_user(platform, sub)
    if user is None or not current_user.is_authenticated or current_user.id != user.id:
        return redirect(url_for("lti.link_account", launch_id=launch_id, next=request.path))
    quizzes = db.session.scalars(visible_to_current(Quiz).where(Quiz.archived.is_(False))
                                 .order_by(Quiz.created_at.desc(), Quiz.id.desc())).all()
    # Only documents with a question to propose: an imported file's or a generated bank's, not all rejected.
    usable = db.select(Question.id).where(Question.document_id == Document.id, Question.status != "rejected")
    documents = db.session.scalars(visible_to_current(Document).where(Document.archived.is_(False), usable.exists())
                                   .order_by(Document.created_at.desc(), Document.id.desc())).all()
    form = QuizChoiceForm()
    form.quiz.choices = [(quiz.id, quiz.title) for quiz in quizzes]
    document_form = DocumentChoiceForm()
    document_form.document.choices = [(document.id, document.title) for document in documents]
    if "document" in request.form:
        if document_form.validate_on_submit():
            document = owned_or_404(Document, document_form.document.data)
            try:
                quiz = proposals.publish_proposed(current_user._get_current_object(), document)
            except (bank.BankError, quiz_service.QuizError) as error:
                db.session.rollback()
                document_form.document.errors.append(str(error))
            else:
                db.session.commit()
                return _deep_link_response(message, quiz)
    elif form.validate_on_submit():
        quiz = owned_or_404(Quiz, form.quiz.data)
        return _deep_link_response(message, quiz)
    status = 400 if form.errors or document_form.errors else 200
    return render_template("lti/deep_link.html", form=form, quizzes=quizzes, document_form=document_form,
                           documents=documents), status


def _deep_link_response(message, quiz: Quiz):
    """Render the form that posts the signed content item back to the platform (by script, or by its button)."""
    item = (LineItem().set_label(quiz.title[:200]).set_score_maximum(quiz.max_score or 1)
            .set_resource_id(f"quizapp-quiz-{quiz.id}").set_tag("quizapp"))
    resource = (DeepLinkResource().set_url(url_for("lti.launch", _external=True)).set_title(quiz.title[:200])
                .set_custom_params({launches.QUIZ_PARAMETER: str(quiz.id)}).set_lineitem(item))
    deep_link = message.get_deep_link()
    token = deep_link.get_response_jwt([resource])
    return_url = deep_link._deep_link_settings["deep_link_return_url"]
    response = current_app.make_response(render_template("lti/deep_link_return.html", return_url=return_url,
                                                         token=token, quiz=quiz))
    # The one form that leaves the site: the policy allows posting to this platform's return address.
    parts = urlsplit(return_url)
    policy = {**CSP, "form-action": f"'self' {parts.scheme}://{parts.netloc}"}
    response.headers["Content-Security-Policy"] = "; ".join(f"{k} {v}" for k, v in policy.items())
    return response


@bp.post("/grades/<int:grade_id>/resend")
@login_required
def resend_grade(grade_id: int):
    """Queue a grade again for the LMS (after a failure, or to be sure)."""
    row = db.get_or_404(LtiGrade, grade_id)
    owned_or_404(Quiz, row.attempt.quiz_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    grades.resend(row, utcnow())
    db.session.commit()
    flash(_("The grade is queued for the LMS again."), "info")
    return redirect(url_for("teacher.results", quiz_id=row.attempt.quiz_id))


@bp.post("/links/<int:link_id>/roster")
@login_required
def refresh_roster(link_id: int):
    """Fetch the course roster again from the platform."""
    link = db.get_or_404(LtiResourceLink, link_id)
    owned_or_404(Quiz, link.quiz_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    roster.queue_refresh(link)
    flash(_("The course roster is being fetched from the LMS; reload in a moment."), "info")
    return redirect(url_for("teacher.results", quiz_id=link.quiz_id))


@bp.route("/admin", methods=["GET", "POST"])
@login_required
@admin_required
def admin():
    """Register a platform; list the registered ones and the tool's own configuration to copy into the LMS."""
    form = PlatformForm()
    if form.validate_on_submit() and _saved(None, form):
        flash(_("Platform registered."), "success")
        return redirect(url_for("lti.admin"))
    return render_template("lti/admin.html", form=form, platforms=registry.platforms(),
                           configuration=registry.tool_configuration(), key=keys.current_key(),
                           retired=keys.retired_keys(utcnow()), button_form=EmptyForm()), 400 if form.errors else 200


def _saved(record: LtiPlatform | None, form: PlatformForm) -> bool:
    """Save the form's platform and commit, or put the reason on the form; return whether it was saved."""
    values = {"name": form.name.data.strip(), "issuer": form.issuer.data, "client_id": form.client_id.data,
              "deployment_ids": form.deployment_list(), "auth_login_url": form.auth_login_url.data,
              "auth_token_url": form.auth_token_url.data, "key_set_url": form.key_set_url.data}
    try:
        registry.save_platform(record, values)
    except registry.PlatformError as error:
        db.session.rollback()
        form.client_id.errors.append(str(error))
        return False
    db.session.commit()
    return True


@bp.route("/admin/platforms/<int:platform_id>", methods=["GET", "POST"])
@login_required
@admin_required
def platform(platform_id: int):
    """Change a registered platform."""
    record = db.get_or_404(LtiPlatform, platform_id)
    # Filled from the record only when shown: a post is read from its own fields alone.
    form = PlatformForm(obj=record) if request.method == "GET" else PlatformForm()
    if request.method == "GET":
        form.deployment_ids.data = "\n".join(record.deployment_ids or [])
    if form.validate_on_submit() and _saved(record, form):
        flash(_("Platform saved."), "success")
        return redirect(url_for("lti.admin"))
    return render_template("lti/platform.html", form=form, platform=record), 400 if form.errors else 200


@bp.post("/admin/platforms/<int:platform_id>/delete")
@login_required
@admin_required
def delete_platform(platform_id: int):
    record = db.get_or_404(LtiPlatform, platform_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    db.session.delete(record)
    db.session.commit()
    flash(_("Platform removed: its launches are refused from now on."), "info")
    return redirect(url_for("lti.admin"))


@bp.post("/admin/rotate-key")
@login_required
@admin_required
def rotate_key():
    """Replace the tool's key; the old public key stays published for a while."""
    if not EmptyForm().validate_on_submit():
        abort(400)
    keys.rotate(utcnow())
    flash(_("New key made. The old public key stays in the key set for %(days)s days.",
            days=current_app.config.get("LTI_KEY_RETIRED_DAYS", 7)), "success")
    return redirect(url_for("lti.admin"))
