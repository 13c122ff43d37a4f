"""The app factory: configuration layers and the instance secret key."""

from quizapp import create_app
from quizapp.config import from_environment


def test_test_config_overrides_defaults(app):
    assert app.testing
    assert app.config["SECRET_KEY"] == "test-secret-key"


def test_csrf_token_outlives_a_long_exam(app):
    assert app.config["WTF_CSRF_ENABLED"] is not False
    assert app.config["WTF_CSRF_TIME_LIMIT"] >= 8 * 60 * 60


def test_environment_variables_are_read_and_typed():
    settings = from_environment({
        "QUIZAPP_DATABASE_URL": "postgresql+psycopg://db/quizapp",
        "QUIZAPP_SECRET_KEY": "s3cret",
        "QUIZAPP_MAX_UPLOAD_BYTES": "1024",
        "QUIZAPP_SESSION_COOKIE_SECURE": "true",
        "UNRELATED": "x",
    })
    assert settings == {
        "SQLALCHEMY_DATABASE_URI": "postgresql+psycopg://db/quizapp",
        "SECRET_KEY": "s3cret",
        "MAX_CONTENT_LENGTH": 1024,
        "SESSION_COOKIE_SECURE": True,
    }


def test_missing_secret_key_is_generated_once_and_kept(tmp_path, monkeypatch):
    monkeypatch.delenv("QUIZAPP_SECRET_KEY", raising=False)
    monkeypatch.setenv("QUIZAPP_INSTANCE_PATH", str(tmp_path / "instance"))
    config = {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'x.db'}"}
    first = create_app(config)
    first_key = first.config["SECRET_KEY"]
    second = create_app(config)
    assert first_key and len(first_key) >= 32
    assert second.config["SECRET_KEY"] == first_key
    assert (tmp_path / "instance" / "secret_key").read_text() == first_key


def test_default_database_is_sqlite_in_instance_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("QUIZAPP_DATABASE_URL", raising=False)
    monkeypatch.setenv("QUIZAPP_INSTANCE_PATH", str(tmp_path))
    app = create_app({"SECRET_KEY": "x"})
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'quizapp.db'}"
