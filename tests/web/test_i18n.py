"""The interface speaks Italian by default and English on request; the Italian catalog is complete."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from ..conftest import csrf_token

TRANSLATIONS = Path(__file__).resolve().parents[2] / "quizapp" / "translations"
PO_FILE = TRANSLATIONS / "it" / "LC_MESSAGES" / "messages.po"
MO_FILE = TRANSLATIONS / "it" / "LC_MESSAGES" / "messages.mo"

ITALIAN = "Svolgi un quiz"  # "Take a quiz", the home page's heading
ENGLISH = "Take a quiz"


def home(client, accept_language: str | None = None) -> str:
    headers = {"Accept-Language": accept_language} if accept_language else {}
    response = client.get("/", headers=headers)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_home_page_is_italian_by_default(client):
    page = home(client)
    assert ITALIAN in page
    assert ENGLISH not in page
    assert '<html lang="it">' in page


@pytest.mark.parametrize("accept_language", ["it", "it-IT,it;q=0.9,en;q=0.5", "fr-FR,fr;q=0.9"])
def test_home_page_is_italian_for_italian_or_unsupported_browsers(client, accept_language):
    page = home(client, accept_language)
    assert ITALIAN in page
    assert ENGLISH not in page


@pytest.mark.parametrize("accept_language", ["en", "en-GB,en;q=0.9,it;q=0.5"])
def test_home_page_is_english_for_english_browsers(client, accept_language):
    page = home(client, accept_language)
    assert ENGLISH in page
    assert ITALIAN not in page
    assert '<html lang="en">' in page


def test_language_switch_overrides_the_browser(client):
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "it"
    assert ITALIAN in home(client)

    switched = client.post("/language", data={"lang": "en", "next": "/", "csrf_token": csrf_token(client, "/")})
    assert switched.status_code in (302, 303)
    page = home(client)
    assert ENGLISH in page
    assert ITALIAN not in page

    back = client.post("/language", data={"lang": "it", "next": "/", "csrf_token": csrf_token(client, "/")})
    assert back.status_code in (302, 303)
    assert ITALIAN in home(client)


def test_language_switch_ignores_unknown_languages(client):
    client.post("/language", data={"lang": "fr", "next": "/", "csrf_token": csrf_token(client, "/")})
    assert ITALIAN in home(client)


def test_language_switch_needs_a_csrf_token(client):
    refused = client.post("/language", data={"lang": "en", "next": "/"})
    assert refused.status_code == 400
    assert ITALIAN in home(client)


def _catalog():
    with PO_FILE.open("rb") as handle:
        return read_po(handle)


def _strings(message) -> list[str]:
    return [message.string] if isinstance(message.string, str) else list(message.string)


def _entries(catalog) -> dict:
    """Return {msgid: msgstr} with plural ids and strings as tuples."""
    def frozen(value):
        return value if isinstance(value, str) else tuple(value)

    return {frozen(message.id): frozen(message.string) for message in catalog if message.id}


def test_italian_catalog_has_no_untranslated_or_fuzzy_entries():
    catalog = _catalog()
    messages = [message for message in catalog if message.id]
    assert messages, "the Italian catalog is empty"
    assert not catalog.fuzzy, "the catalog's header is marked fuzzy"
    fuzzy = [message.id for message in messages if message.fuzzy]
    untranslated = [message.id for message in messages if not all(_strings(message))]
    assert not fuzzy, f"fuzzy entries (check them, then remove the fuzzy flag): {fuzzy}"
    assert not untranslated, f"untranslated entries: {untranslated}"


def test_italian_catalog_keeps_placeholders_and_plural_forms():
    catalog = _catalog()
    assert catalog.num_plurals == 2
    for message in catalog:
        if not message.id:
            continue
        if message.pluralizable:
            assert len(_strings(message)) == catalog.num_plurals, message.id
    problems = [(message.id, [str(error) for error in errors]) for message, errors in catalog.check()]
    assert not problems, f"placeholders differ from the English: {problems}"


def test_compiled_catalog_matches_the_po_file():
    """The .mo is committed, so a fresh clone shows Italian without `pybabel compile`."""
    assert MO_FILE.exists(), "run `make translations` and commit messages.mo"
    with MO_FILE.open("rb") as handle:
        compiled = _entries(read_mo(handle))
    source = _entries(_catalog())
    stale = sorted(str(key) for key in source.keys() ^ compiled.keys())
    stale += sorted(str(key) for key in source.keys() & compiled.keys() if source[key] != compiled[key])
    assert not stale, f"messages.mo is out of date (run `make translations`): {stale[:10]}"


@pytest.mark.parametrize("target", ["//evil.example/", "/\t/evil.example/", "https://evil.example/", "/\\evil.example"])
def test_language_switch_goes_back_only_to_this_site(client, target):
    switched = client.post("/language", data={"lang": "en", "next": target, "csrf_token": csrf_token(client, "/")})
    assert switched.status_code in (302, 303)
    assert switched.headers["Location"] == "/"
