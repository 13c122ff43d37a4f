"""Find the shorter forms of a person's name that a teacher accepts as an answer.

A student asked for "Lleyton Hewitt" writes "Hewitt"; asked for "Mao Zedong",
"Mao". Both are right unless the text names another person of that surname.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import simplemma
from wordfreq import zipf_frequency

from .distractors import lexicon_kind

DATA = Path(__file__).parent / "data"
# A surname this common as a word of the language ("Line", "Fredda", "America") is
# more likely part of a place or a thing than a family name.
SURNAME_MAX_ZIPF = 4.0
# A last word the lemmatiser knows and this frequent is a common noun ("Oblast", "Pulp"), not a surname.
KNOWN_WORD_ZIPF = 2.5


@lru_cache(maxsize=1)
def surname_first() -> frozenset[str]:
    """Return the family names written before the given name (Chinese, Korean), from ``data/surname_first.txt``."""
    lines = (DATA / "surname_first.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Return the given names that open a person's name: ``data/given_names.txt`` and the lexicon's people."""
    lines = (DATA / "given_names.txt").read_text(encoding="utf-8").splitlines()
    names = {w.strip() for w in lines if w.strip() and not w.startswith("#")}
    people = json.loads((DATA / "lexicon.json").read_text(encoding="utf-8")).get("person", [])
    for person in people:
        # A name is one string, or one per language ({"en": "Pope Pius V", "it": "Papa Pio V"}).
        written = person["name"].values() if isinstance(person["name"], dict) else [person["name"]]
        names.update(n.split()[0] for n in written if len(n.split()) > 1)
    return frozenset(names)


_INITIALS = re.compile(r"(?:[A-Z]\.)+")
# A place's name without its head must be a name, not an everyday word ("Red" of "Red Sea", "North" of "North Sea").
COMMON_REST_ZIPF = 4.6
# Particles of family names in many languages: capitalised, they stay with the surname ("Del Monte",
# "La Tour"); lower-case, the surname may go without them ("de Orellana" or "Orellana").
PARTICLES = frozenset({"de", "del", "della", "di", "da", "dos", "das", "du", "des", "la", "le", "lo", "van", "von",
                       "der", "den", "ter", "ten", "y"})


def _opens_a_name(word: str) -> bool:
    """Tell whether ``word`` is a given name or an initial ("S.", "J.R.R.")."""
    return word in given_names() or bool(_INITIALS.fullmatch(word))


def person_name(name: str) -> bool:
    """Tell whether a capitalised run is a person's full name: a given name, then capitalised words or particles."""
    words = name.split()
    return 2 <= len(words) <= 4 and words[0] in given_names() and words[-1][:1].isupper() \
        and all(w[:1].isupper() or w in PARTICLES for w in words[1:])


def _rare(word: str, lang: str) -> bool:
    """Tell whether ``word`` is rare enough as a common word to be read as a family name."""
    return zipf_frequency(word, lang) < SURNAME_MAX_ZIPF


# A capitalised word and the capitalised word after it (looked ahead, so pairs overlap).
_CAPITAL_PAIR = re.compile(r"([A-ZÀ-Ý][\w’'.-]*)\s+(?=([A-ZÀ-Ý][\w’'.-]*))")


@lru_cache(maxsize=4)
def _capitals_before(text: str) -> dict[str, set[str]]:
    """Map each capitalised word of the text (its letters up to an apostrophe or a dot) to the capitalised words before it."""
    index: dict[str, set[str]] = {}
    for m in _CAPITAL_PAIR.finditer(text):
        head = re.match(r"\w+", m.group(2))
        if head:
            index.setdefault(head.group(0), set()).add(m.group(1))
    return index


@lru_cache(maxsize=4096)
def _nobody_else(text: str, name: str, surname: str, titles: frozenset[str] = frozenset()) -> bool:
    """Tell whether every capitalised word the text puts before ``surname`` belongs to ``name`` or is a title.

    ``titles`` (lower case) are the language's titles: "Mayor Low" is "Mayor Seth Low" again.
    """
    given = set(name.split())
    if re.fullmatch(r"\w+", surname):
        # One index per text: a long text is read once, not once per name.
        before = _capitals_before(text).get(surname, ())
    else:
        before = re.findall(r"([A-ZÀ-Ý][\w’'.-]*)\s+" + re.escape(surname) + r"\b", text)
    # A word with a dot that is no initial ends the sentence before ("John R. Pierce. Bardeen …").
    return all(word in given or word.lower().rstrip(".") in titles
               or (word.endswith(".") and not _INITIALS.fullmatch(word)) for word in before)


def short_forms(text: str, name: str, lang: str, connectors: frozenset[str] | set[str] = frozenset(),
                titled: bool = False, middle_names: bool = False, titles: frozenset[str] = frozenset()) -> list[str]:
    """Return the shorter forms of the person's ``name`` a teacher accepts: the surname, alone or with its particle.

    "Giuseppe Ricci Oddi" gives "Ricci Oddi" and "Oddi"; "Alex de Minaur" gives
    "de Minaur" and "Minaur"; "S. Somanath" gives "Somanath"; "Mao Zedong" gives
    "Mao". Nothing when the text names another person of that surname ("Jacob
    Bjerknes" beside "Vilhelm Bjerknes"), or when the last word is a common word of
    the language, so that a place or a thing ("North America") is never shortened.
    A name is a person's when a title stands before it in the text (``titled``:
    "Prime Minister Rishi Sunak") or when it opens with a given name or an initial;
    "Stabat Mater" and "Irkutsk Oblast" do neither. After a known given name even a
    surname that is a common word is one ("James Cook").
    """
    words = name.split()
    if not 2 <= len(words) <= 4 + any(w in PARTICLES for w in words):
        return []
    if not all(w[:1].isupper() or w.lower() in connectors or w in PARTICLES for w in words) \
            or words[-1].lower() in connectors:
        return []
    # "Philip of Spain", "Catherine of Aragon": a given name and its place, no surname ("Spain" names
    # nobody; name_of_place_forms gives "Philip"). Review 53 accepted "of Spain".
    if any(w.islower() and w not in PARTICLES for w in words[1:]):
        return []
    if words[0] in surname_first() and len(words) == 2 and _EAST_ASIAN.fullmatch(words[1].lower()):
        # "Li" of "Li Zongren" beside "Li Jishen" names neither.
        return [words[0]] if _first_is_unique(text, name) else []
    last = words[-1]
    given = words[0] in given_names()
    if not (titled or given or _opens_a_name(words[0])):
        return []
    # "Louis XVI", "Solimano I": a regnal number is no surname.
    if re.fullmatch(r"[IVXLC]+", last):
        return []
    # The surname starts after the given names and initials ("Francesco Maria Del Monte", "John R. Pierce").
    first = 1
    while first < len(words) - 1 and _opens_a_name(words[first]):
        first += 1
    surname = words[first:]
    # A surname of two letters ("Giovanni Battista Re") is one only after given names the list knows.
    short = len(last.strip(".")) < 3 and not (len(last) == 2 and given and all(
        w in given_names() for w in words[:first]) and last.lower() not in PARTICLES | set(connectors))
    # A surname bound to a capitalised particle is looked for whole: "Pio Monte" is no other "Del Monte".
    bound = len(surname) > 1 and surname[-2][:1].isupper() and surname[-2].lower() in PARTICLES
    # After a title the last word is a surname ("Taoiseach Enda Kenny", "il cardinale Pericle Felici"),
    # however common a word it is.
    named = given or titled or _rare(last, lang)
    if short or not named or not _nobody_else(text, name, " ".join(surname[-2:]) if bound else last, titles):
        return []
    # The surname with what belongs to it ("Ricci Oddi", "de Minaur"), without a lower-case
    # particle ("de La Tour" gives "La Tour"); never the given name alone.
    out = [" ".join(surname)] if len(surname) > 1 else []
    # "Johannes Diderik van der Waals": the surname with its particles, after a middle name.
    lower = next((p for p, w in enumerate(surname) if w in PARTICLES), 0)
    if lower:
        out.append(" ".join(surname[lower:]))
    # A middle name with the surname is also how people are called ("Graham Bell", "Edgar Lilienfeld").
    if len(words) == 3 and first == 2 and not words[1].endswith("."):
        out.append(" ".join(words[1:]))
    # And the given name with the surname, without the middle one ("Diego Maradona"): where the second
    # word is a given name, or where names have middle names (``middle_names``: "William Randal Cremer"),
    # not where it may open a double surname ("Giuseppe Ricci Oddi").
    if len(words) == 3 and given and words[1][:1].isupper() and not words[1].endswith(".") and not bound \
            and (middle_names or words[1] in given_names()):
        out.append(f"{words[0]} {words[2]}")
    k = 0
    while k < len(surname) - 1 and surname[k].lower() in PARTICLES | set(connectors) and surname[k][:1].islower():
        k += 1
    if 0 < k < len(surname) - 1:
        out.append(" ".join(surname[k:]))
    # The last word alone, unless a capitalised particle binds it ("Del Monte" is never "Monte").
    if not bound:
        out.append(last)
    return out


def unknown_name_forms(text: str, name: str, lang: str, known: bool, not_names: frozenset[str] | set[str] = frozenset(),
                       placed: bool = False) -> list[str]:
    """Return the surname of a two-word name no list knows, when both words are rare: "Aitana Bonmatí" gives "Bonmatí".

    A run of two rare capitalised words ("Keira Walsh", "Denis Matveev") is far more
    often a person than a place; a place whose words are common ("Cape York", "Hong
    Kong") or that the lexicon knows (``known``) keeps its whole name. Nothing when
    the text names another person of that surname. Never for a family name written
    first ("Xie Jun"), a name holding a word of firms or bodies (``not_names``:
    "Kiniksa Pharmaceuticals"), a short last word ("Qhapaq Ñan"), one whose first
    word is a word of the language ("Casale Monferrato") or whose last is a common
    noun the lemmatiser knows ("Irkutsk Oblast"; also "Keira Walsh", the price of
    caution). ``placed`` (read as a place, after "a", "in") is kept for callers.
    """
    words = name.split()
    if known or len(words) != 2 or not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
        return []
    if words[0].isupper() or words[1].isupper() or len(words[1]) < 4 or words[0] in surname_first():
        return []
    if any(w.lower() in not_names for w in words):
        return []
    # A word of the language or of English is a place's or a thing's ("Casale Monferrato", "Irkutsk
    # Oblast", "Baikalsk Pulp"), not a given name or a surname.
    first, last = words[0].lower(), words[1].lower()
    # (The text's own language only: loading a second lemmatiser's dictionary costs 50 MB.)
    if simplemma.is_known(first, lang) or (simplemma.is_known(last, lang) and zipf_frequency(last, lang) >= KNOWN_WORD_ZIPF):
        return []
    if not all(_rare(w.lower(), lang) for w in words) or not _nobody_else(text, name, words[1]):
        return []
    # A Japanese name is written either way round ("Hinata Miyazawa", "Iwakura Tomomi"): either word
    # may be the surname, so both are accepted.
    if all(_JAPANESE.fullmatch(w.lower()) for w in words) and _nobody_else(text, name, words[0]):
        return [words[0], words[1]]
    return [words[1]]


# A romanised Chinese or Korean given name ("Zedong", "Jong-un", "Kai-shek", "Yeon"): syllables of an
# initial, a vowel or two and a final n, ng, m, k, p, l or t; "Smith" of "Lee Smith" is none.
_EAST_ASIAN = re.compile(r"(?:(?:ch|sh|zh|ts|[bcdfghjklmnpqrstwxyz])?[aeiouy]{1,3}(?:ng|[nmkplt])?-?)+")
# A romanised Japanese word: syllables of a consonant (or none) and a vowel, or a final n.
_JAPANESE = re.compile(r"(?:(?:[kgsztdnhbpmr]y?|sh|ch|ts|[jfwy])?[aiueoōū]|n(?![aiueoōūy]))+")


def place_forms(name: str, heads: list[str] | tuple[str, ...], lang: str = "",
                first: list[str] | tuple[str, ...] = ()) -> list[str]:
    """Return a place's name without its generic head ("Windsor Castle" gives "Windsor"), from the language's ``place_heads``.

    Also an acronym before a longer name ("UNESCO World Heritage List" gives "World Heritage List").
    With ``lang``, a rest that is a common word alone ("Red" of "Red Sea") is no name. A head
    of ``first`` opens the names it heads ("Mount Cook"): at a name's end ("Olive Mount") it is
    part of the name, not its head.
    """
    out = []
    words = name.split()
    for head in sorted(heads, key=lambda h: -len(h)):
        if (name.endswith(" " + head) and head not in first) or name.startswith(head + " "):
            rest = name[:-len(head) - 1] if name.endswith(" " + head) else name[len(head) + 1:]
            common = bool(lang) and " " not in rest and zipf_frequency(rest.lower(), lang) >= COMMON_REST_ZIPF
            if rest and rest[:1].isupper() and len(rest) >= 3 and not common:
                out.append(rest)
            break
    if len(words) >= 3 and words[0].isupper() and len(words[0]) >= 2 and words[0].isalpha():
        out.append(" ".join(words[1:]))
    return out


def _first_is_unique(text: str, name: str) -> bool:
    """Tell whether the surname written first ("Mao" of "Mao Zedong") opens no other name in the text."""
    family = name.split()[0]
    after = re.findall(re.escape(family) + r"\s+([A-ZÀ-Ý][\w’'.-]*)", text)
    return all(word in name.split() for word in after)


def full_forms(text: str, name: str) -> list[str]:
    """Return the one fuller name the text writes for a bare surname: "Golgi" gives "Camillo Golgi".

    Only a given name or an initial counts before it; two different ones ("Pierre
    Curie", "Marie Curie") are two people, and neither is the answer; nor is one when a
    rare word stands before the surname elsewhere ("Ernest Simpson", "Wallis Simpson").
    """
    # A surname of two words ("Kolo Muani") is looked up by its first word, and must follow the given name.
    if not re.fullmatch(r"\w+(?: \w+)?", name) or not name[:1].isupper():
        return []
    # One index of the capitalised words before each word, per text: a long text is read once.
    before = _capitals_before(text).get(name.split()[0], set())
    found = {w for w in before if _opens_a_name(w)}
    # A rare word no list knows as a given name may be one ("Wallis Simpson" beside "Ernest Simpson").
    unknown = {w for w in before - found if all(_rare(w, lang) for lang in ("en", "it"))}
    return [f"{found.pop()} {name}"] if len(found) == 1 and not unknown and f"{min(found)} {name}" in text else []


# A word this common in English or Italian is no one's short name, whatever the text does with it.
EVERYDAY_NAME_ZIPF = 5.0
# Before a name's link word ("Regno delle Due Sicilie", "Battle of Edington") a word this common is
# its head: "regno" 5.0, "battle" 4.9, "stadio" 4.7, "convention" 4.5 (given names are exempt).
LINKED_HEAD_ZIPF = 4.0


def without_initials(name: str) -> list[str]:
    """Return a name without its initials ("Franklin D. Roosevelt" gives "Franklin Roosevelt"), or nothing."""
    words = name.split()
    rest = [w for w in words if not _INITIALS.fullmatch(w)]
    return [" ".join(rest)] if 2 <= len(rest) < len(words) else []


def own_short_forms(text: str, name: str) -> list[str]:
    """Return a word of a name when the text itself writes it alone elsewhere ("Vardy, who was playing…").

    The text's own short form is the one a student who read it writes: its last
    word, or its first where the text calls the bearer by it ("Dai Medici a
    Napoleone" for "Napoleone Bonaparte"); only a capitalised word of four letters or more (three for a rare one, "Hsu").
    """
    words = name.split()
    if len(words) < 2:
        return []
    counts, after, leading, nexts, opening = _word_counts(text)
    out = []
    last, first = words[-1], words[0]
    # (Never an everyday word that ends other names too: "Space" of "Thales Alenia Space".)
    # (The counts read "Harold's" as "Harold": "Childe Harold's Pilgrimage" never says "Pilgrimage" alone.)
    before_last = re.sub(r"['’]s$", "", words[-2])
    # (Nor a word the text writes only inside names: "Carlo" of "Giancarlo De Carlo" beside "Carlo Bo".)
    if _name_word(last) and counts.get(last, 0) > after.get((before_last, last), 0) + opening.get(last, 0) \
            and (last in given_names() or not _everyday(last)):
        out.append(last)
    # The first word alone: somewhere in the text followed by no capitalised word, neither the
    # name's second word nor another name's ("Gaio Cassio", "Gaio Ottavio" say nothing of "Gaio
    # Cilnio Mecenate"); counted once per text: a 1 MB text would otherwise be searched once per name.
    # "Battle of Edington": the first word before the name's own link word is not alone there.
    linked = nexts.get((first, words[1]), 0) if words[1].islower() else 0
    # "Regno delle Due Sicilie", "Chiesa di Roma": a common noun before the link is the name's head,
    # which the text may write alone ("il Regno") but no student gives as the answer.
    head = words[1].islower() and _everyday(first, LINKED_HEAD_ZIPF)
    if _name_word(first) and counts.get(first, 0) > leading.get(first, 0) + linked \
            and (first in given_names() or not (_everyday(first) or head)):
        out.append(first)
    return out


def _name_word(word: str) -> bool:
    """Tell whether a word can stand for a name alone: capitalised, letters only, four letters or more.

    Three letters do when the word is no everyday one ("Hsu", "Lee"; never "San", "Del").
    """
    return (len(word) >= 4 or (len(word) == 3 and not _everyday(word))) \
        and word[:1].isupper() and word.replace("-", "").isalpha()


def _everyday(word: str, zipf: float = EVERYDAY_NAME_ZIPF) -> bool:
    """Tell whether a word is common in English or Italian (``EVERYDAY_NAME_ZIPF``), so no one's short name."""
    return max(zipf_frequency(word.lower(), "en"), zipf_frequency(word.lower(), "it")) >= zipf


def name_of_place_forms(name: str, lang: str, links: frozenset[str] | set[str],
                        not_names: frozenset[str] | set[str]) -> list[str]:
    """Return the name before "di", "da", "of" + a place ("Alcuino di York" gives "Alcuino"), the one a student writes.

    Never where the first word is a common word of places or bodies (``not_names``:
    "Ponte di Rialto", "Università di Bologna").
    """
    m = re.fullmatch(r"([A-Z][^\W\d_]+) (\w+'?) ?([A-Z][\w'’-]+)", name.replace("’", "'"))
    if not m or m.group(2).lower() not in links or m.group(1).lower() in not_names:
        return []
    first = m.group(1)
    # A given name, or a word no dictionary of the language knows ("Alcuino"); never "Regno di Napoli".
    # A product of a maker the lexicon knows is named by itself ("Vespa della Piaggio").
    if first not in given_names() and simplemma.is_known(first.lower(), lang) \
            and lexicon_kind(m.group(3), lang) != "company":
        return []
    return [first]


@lru_cache(maxsize=4)
def _word_counts(text: str) -> tuple[dict[str, int], dict[tuple[str, str], int], dict[str, int],
                                    dict[tuple[str, str], int], dict[str, int]]:
    """Return how often each capitalised word stands in the text, after which word, before a capitalised
    one, before which word, and right before a capitalised word of the same sentence (opening a name).

    Read once per text.
    """
    # "Kim's" is "Kim" said once more.
    words = [w[:-2] if w.endswith(("'s", "’s")) else w for w in re.findall(r"[\w'’-]+", text)]
    pairs = [(prev, w) for prev, w in zip([""] + words[:-1], words) if w[:1].isupper()]
    nexts = Counter((w, following) for w, following in zip(words, words[1:]) if w[:1].isupper())
    opening = Counter(re.findall(r"(?<![\w'’-])([A-ZÀ-Ý][\w'’-]*) (?=[A-ZÀ-Ý])", text))
    return dict(Counter(w for _, w in pairs)), dict(Counter(pairs)), dict(Counter(prev for prev, _ in pairs)), \
        dict(nexts), dict(opening)


def place_word_forms(text: str, name: str, place_words: tuple[str, ...]) -> list[str]:
    """Return the name with each place word the text writes before it ("Piazza San Marco" for "San Marco")."""
    if not place_words or not name[:1].isupper():
        return []
    return list(_place_word_runs(text, place_words).get(name, ()))


@lru_cache(maxsize=4)
def _place_word_runs(text: str, place_words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Return, for each capitalised run after a place word and each of its opening parts, the place word + run."""
    out: dict[str, list[str]] = {}
    pattern = r"(?<!\w)(%s)\s+([A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3})" % "|".join(map(re.escape, place_words))
    for m in re.finditer(pattern, text, re.IGNORECASE):
        run = m.group(2).split()
        for k in range(1, len(run) + 1):
            part = " ".join(run[:k])
            forms = out.setdefault(part, [])
            if f"{m.group(1)} {part}" not in forms:
                forms.append(f"{m.group(1)} {part}")
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=4096)
def model_forms(text: str, name: str) -> list[str]:
    """Return the shorter names of a numbered thing: "Sputnik 1" gives "Sputnik", "Intel 4004" gives "4004".

    The name without a small number is right when the text numbers no other of its
    kind ("Apollo 11" beside "Apollo 13" keeps its number); a model number of three
    figures or more names the thing alone, unless it reads as a year.
    """
    m = re.fullmatch(r"([A-ZÀ-Ý][\w’'-]*(?: [A-ZÀ-Ý][\w’'-]*)?) (\d+)", name)
    if not m:
        return []
    base, number = m.groups()
    if len(number) >= 3:
        return [] if re.fullmatch(r"1[0-9]{3}|20[0-9]{2}", number) else [number]
    others = {n for n in re.findall(re.escape(base) + r"\s+(\d+)\b", text)} - {number}
    return [] if others else [base]
