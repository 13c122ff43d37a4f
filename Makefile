# quizapp: `make run` serves the app, `make test` runs every test.
# Only Python 3.11+ and make are needed: everything else goes into .venv.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
FLASK  := $(BIN)/flask --app quizapp
HOST   ?= 127.0.0.1
PORT   ?= 5000
PG_TEST_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/postgres

.PHONY: run dev test test-postgres test-browser install install-test migrate seed bench bench-export bench-teacher bench-load clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the dependencies change.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

migrate: install
	$(FLASK) db upgrade

seed: migrate
	$(FLASK) seed

# Gunicorn with gthread workers (gunicorn.conf.py): a process per core, and thousands of
# browsers' keep-alive connections held at once, so a whole school can use `make run` as
# it is (README, "Deployment"); `make dev` is Flask's reloading debug server.
run: seed
	@echo "quizapp is serving on http://$(HOST):$(PORT)"
	$(BIN)/gunicorn -c gunicorn.conf.py --bind $(HOST):$(PORT)

dev: seed
	$(FLASK) run --debug --host $(HOST) --port $(PORT)

test: install-test
	$(BIN)/python -m pytest

# The same suite against PostgreSQL (each run makes and drops its own database).
test-postgres: install-test
	QUIZAPP_TEST_DATABASE_URL=$(PG_TEST_URL) $(BIN)/python -m pytest -m "not browser"

test-browser: install-test
	$(BIN)/python -m pytest -m browser

bench: install
	$(BIN)/python bench/generator_quality.py bench/data/squad_it_dev.json.gz it
	$(BIN)/python bench/generator_quality.py bench/data/xquad_en_dev.json en

# Score export on 100,000 attempts in a scratch SQLite database: time and peak memory.
bench-export: install
	$(BIN)/python bench/export_scores.py --attempts 100000

# Teacher pages and exports over HTTP at 2,000 / 20,000 / 100,000 attempts, on SQLite and PostgreSQL
# (the server at 127.0.0.1:5432; a scratch database made and dropped): times and the server's peak memory.
bench-teacher: install
	$(BIN)/python bench/teacher_scale.py --database both --attempts 2000 20000 100000

$(VENV)/.installed-bench: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[bench]'
	touch $(VENV)/.installed $@

# The student side under a school's load against a bare Flask app, on SQLite and PostgreSQL
# (a database quizapp_bench_load made and dropped on the server at 127.0.0.1:5432).
BENCH_PG_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/quizapp_bench_load
bench-load: $(VENV)/.installed-bench
	$(BIN)/python bench/load/run.py --database sqlite --database $(BENCH_PG_URL)

clean:
	rm -rf $(VENV) .pytest_cache

# Refresh the Italian catalog from the code and compile it; translate every new
# or fuzzy entry in quizapp/translations/it/LC_MESSAGES/messages.po, run this
# again, then commit the .po and the .mo.
.PHONY: translations
translations: install
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -o quizapp/translations/messages.pot .
	$(BIN)/pybabel update -i quizapp/translations/messages.pot -d quizapp/translations --ignore-obsolete
	$(BIN)/pybabel compile -d quizapp/translations --statistics
