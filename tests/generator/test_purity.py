"""Guard the generator's purity: it imports no web, database or other quizapp code."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "quizapp" / "generator"
FORBIDDEN = {"flask", "flask_sqlalchemy", "flask_wtf", "flask_login", "flask_babel", "flask_limiter",
             "flask_migrate", "sqlalchemy", "werkzeug", "wtforms", "alembic", "jinja2", "psycopg", "redis",
             "requests", "urllib3", "httpx", "numpy", "sklearn"}


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, 0
        elif isinstance(node, ast.ImportFrom):
            yield node.module or "", node.level


def test_sources_exist():
    assert len(list(PACKAGE.rglob("*.py"))) >= 5


def test_no_forbidden_imports():
    bad = []
    for path in PACKAGE.rglob("*.py"):
        for module, level in _imports(path):
            top = module.split(".")[0]
            if level == 0 and (top in FORBIDDEN or module == "quizapp" or (module.startswith("quizapp.") and not module.startswith("quizapp.generator"))):
                bad.append(f"{path.relative_to(PACKAGE)}: {module}")
            # A relative import must stay inside the generator package.
            depth = len(path.relative_to(PACKAGE).parts) - 1
            if level > depth + 1:
                bad.append(f"{path.relative_to(PACKAGE)}: relative import leaves the package")
    assert not bad, bad


def test_no_dynamic_imports_of_forbidden_modules():
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for name in FORBIDDEN:
            assert f"import_module(\"{name}" not in text and f"__import__(\"{name}" not in text
