"""The application bench/load/run.py serves: quizapp, with the bare baseline under /bare, in one WSGI app.

Configured from the environment as `make run` is (QUIZAPP_DATABASE_URL and the
rest), so both run in the same server processes on the same database.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from werkzeug.middleware.dispatcher import DispatcherMiddleware  # noqa: E402

import bare  # noqa: E402
from quizapp import create_app  # noqa: E402

quizapp = create_app()
application = DispatcherMiddleware(quizapp, {"/bare": bare.create_app(os.environ["QUIZAPP_DATABASE_URL"])})
