"""Let administrators create, disable, enable and reset teacher accounts."""

from __future__ import annotations

from flask import render_template, request
from flask_babel import gettext as _
from flask_login import current_user

from ..extensions import db
from ..models import User
from ..services import accounts
from .access import admin_required
from .forms import EmptyForm, PasswordForm, TeacherForm
from .views import bp, done, refused


@bp.route("/admin/teachers", methods=["GET", "POST"])
@admin_required
def teachers():
    form = TeacherForm()
    if form.validate_on_submit():
        try:
            accounts.create_teacher(form.email.data, form.name.data, form.password.data, is_admin=form.is_admin.data)
        except accounts.AccountError as error:
            db.session.rollback()
            form.email.errors.append(str(error))
        else:
            return done(_("Account created."), "teacher.teachers")
    status = 400 if form.errors else 200
    return render_template("teacher/teachers.html", form=form, teachers=accounts.teachers(),
                           button_form=EmptyForm()), status


@bp.route("/admin/teachers/<int:user_id>", methods=["GET", "POST"])
@admin_required
def teacher_account(user_id: int):
    user = db.get_or_404(User, user_id)
    form = PasswordForm()
    if form.validate_on_submit():
        accounts.change_by_admin(current_user, user, password=form.password.data)
        return done(_("Password changed; the teacher's open sessions were ended."), "teacher.teachers")
    status = 400 if form.errors else 200
    return render_template("teacher/teacher_account.html", user=user, form=form, button_form=EmptyForm()), status


@bp.post("/admin/teachers/<int:user_id>/active")
@admin_required
def teacher_active(user_id: int):
    user = db.get_or_404(User, user_id)
    active = request.form.get("active") == "1"
    try:
        accounts.change_by_admin(current_user, user, active=active)
    except accounts.AccountError as error:
        return refused(str(error), "teacher.teachers")
    return done(_("Account enabled.") if active else _("Account disabled; its sessions were ended."),
                "teacher.teachers")
