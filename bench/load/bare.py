"""The baseline: a bare Flask + Flask-SQLAlchemy app, one insert endpoint and one read + template endpoint.

It is what any Flask app pays per request (routing, a session from the pool,
one statement, a commit or a template): quizapp's student endpoints are
measured against it on the same server, database and run (bench/load/run.py).
"""

from __future__ import annotations

import datetime as dt

from flask import Flask, jsonify, render_template, request
from jinja2 import DictLoader
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import JSON, DateTime, Integer, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from quizapp.config import engine_options  # the same pool settings as quizapp's, for a fair match


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)


class BareAnswer(db.Model):
    """An answer as an autosave stores it: whose, which question, the value, when."""

    __tablename__ = "bench_bare_answer"

    id: Mapped[int] = mapped_column(primary_key=True)
    student: Mapped[str] = mapped_column(String(64))
    question: Mapped[int] = mapped_column(Integer)
    answer: Mapped[dict] = mapped_column(JSON)
    saved_at: Mapped[dt.datetime] = mapped_column(DateTime)


PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ row.student if row else 'none' }}</title></head>
<body><main><h1>Answer {{ row.id if row else 0 }}</h1>
{% if row %}<p>Question {{ row.question }} at {{ row.saved_at }}</p>
<ul>{% for name, value in row.answer.items() %}<li>{{ name }}: {{ value }}</li>{% endfor %}</ul>{% endif %}
</main></body></html>"""


def create_app(database_url: str) -> Flask:
    """Return the bare app on this database (mounted under /bare; run.py creates its table)."""
    app = Flask(__name__)
    app.config.update(SQLALCHEMY_DATABASE_URI=database_url, SQLALCHEMY_ENGINE_OPTIONS=engine_options(database_url))
    app.jinja_loader = DictLoader({"page.html": PAGE})  # compiled once, as a template file is
    db.init_app(app)

    @app.post("/insert")
    def insert():
        payload = request.get_json(silent=True) or {}
        db.session.add(BareAnswer(student=str(payload.get("student", ""))[:64], question=1,
                                  answer=payload.get("answers") or {}, saved_at=dt.datetime.now()))
        db.session.commit()
        return jsonify(saved=True)

    @app.get("/page")
    def page():
        row = db.session.get(BareAnswer, request.args.get("id", 1, type=int))
        return render_template("page.html", row=row)

    return app
