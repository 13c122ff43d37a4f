"""Administrators create, disable, enable and reset teachers; teachers cannot; admins see every teacher's work."""

from __future__ import annotations

import pytest

from quizapp.extensions import db
from quizapp.services import accounts

from ..conftest import PASSWORD
from .teaching import ENGLISH, login, make_document, post


@pytest.fixture
def admin(client, make_teacher):
    make_teacher("root@example.org", admin=True)
    make_teacher("teacher@example.org")
    login(client, "root@example.org")
    return client


def test_admin_creates_a_teacher_who_can_log_in(app, admin):
    response = post(admin, "/teach/admin/teachers", {"email": "New@Example.org", "name": "New <b>One</b>",
                                                     "password": "long enough pass"})
    assert response.status_code == 302
    with app.app_context():
        user = accounts.find_by_email("new@example.org")
        assert user is not None and not user.is_admin and user.active
    page = admin.get("/teach/admin/teachers").get_data(as_text=True)
    assert "New &lt;b&gt;One&lt;/b&gt;" in page
    assert login(app.test_client(), "new@example.org", "long enough pass").status_code == 302


@pytest.mark.parametrize(("fields", "error_field"), [
    ({"email": "not-an-email", "name": "X", "password": "long enough pass"}, "email"),
    ({"email": "x@example.org", "name": "", "password": "long enough pass"}, "name"),
    ({"email": "x@example.org", "name": "X", "password": "short"}, "password"),
    ({"email": "teacher@example.org", "name": "X", "password": "long enough pass"}, "email"),
])
def test_bad_accounts_are_refused_next_to_the_field(app, admin, fields, error_field):
    response = post(admin, "/teach/admin/teachers", fields)
    assert response.status_code == 400
    assert f'id="{error_field}-errors"' in response.get_data(as_text=True)
    with app.app_context():
        assert accounts.find_by_email("x@example.org") is None


def test_admin_disables_and_enables_a_teacher(app, admin):
    teacher = app.test_client()
    login(teacher)
    with app.app_context():
        user_id = accounts.find_by_email("teacher@example.org").id
    post(admin, f"/teach/admin/teachers/{user_id}/active", {"active": "0"})
    with app.app_context():
        assert not accounts.find_by_email("teacher@example.org").active
    assert teacher.get("/teach/").status_code == 302  # their session ended
    assert login(app.test_client()).status_code == 401
    post(admin, f"/teach/admin/teachers/{user_id}/active", {"active": "1"})
    assert login(app.test_client()).status_code == 302


def test_admin_cannot_disable_themselves(app, admin):
    with app.app_context():
        admin_id = accounts.find_by_email("root@example.org").id
    post(admin, f"/teach/admin/teachers/{admin_id}/active", {"active": "0"})
    with app.app_context():
        assert accounts.find_by_email("root@example.org").active


def test_admin_resets_a_password(app, admin):
    with app.app_context():
        user_id = accounts.find_by_email("teacher@example.org").id
    short = post(admin, f"/teach/admin/teachers/{user_id}", {"password": "short"})
    assert short.status_code == 400 and 'id="password-errors"' in short.get_data(as_text=True)
    assert post(admin, f"/teach/admin/teachers/{user_id}", {"password": "a whole new secret"}).status_code == 302
    assert login(app.test_client(), password=PASSWORD).status_code == 401
    assert login(app.test_client(), password="a whole new secret").status_code == 302
    assert admin.get("/teach/admin/teachers/999999").status_code == 404


def test_admin_sees_every_teachers_documents(app, admin):
    document_id = make_document(app, "teacher@example.org", ENGLISH)
    page = admin.get("/teach/").get_data(as_text=True)
    assert f"/teach/documents/{document_id}" in page and "teacher@example.org" in page
    assert admin.get(f"/teach/documents/{document_id}").status_code == 200
