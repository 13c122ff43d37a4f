"""Weigh how worth asking a fact is for a teacher, beyond what the learned ranker sees.

The ranker learns which spans people ask about in single paragraphs. Over a whole
document a teacher also weighs what the text is about: a fact in the lead or in a
sentence full of the text's key terms matters more, while the document's own
topic or title as a blank, a generic word, who reported the news, a conversion in
brackets and the inside of a long list are not worth a question. Each rule is a
multiplier on the ranker's score; the cue words are data in the language packs.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from .distractors import lexicon_kind
from .facts import Doc, _spells, known_word, listed_words, verb_like
from .lang import load_pack
from .names import given_names
from .text import normalise
from .types import Fact

# Facts found by the document-structure patterns ask about the topic on purpose
# ("what does CASIP stand for?"): the topic rule does not apply to them.
_STRUCTURAL = {"acronym", "definition", "members", "benefits", "drawbacks", "target_year", "goal"}
TOPIC = 0.25
# Texts shorter than this (a paragraph) have no topic words to avoid.
TOPIC_MIN_SENTENCES = 8
# A word of the opening name found in more sentences than this makes that name the text's subject.
TOPIC_NAME_SENTENCES = 3
# From this many sentences on a text is a document, not a paragraph.
DOCUMENT_SENTENCES = 12
GENERIC = 0.2
REPORTING = 0.15
BRACKETED_AMOUNT = 0.15
# Two amounts in units of one dimension this close (after conversion) are one amount restated:
# "381 metri" is 1,250 feet (1,249.9).
CONVERSION_MARGIN = 0.02
BRACKETED = 0.5
# A clock time right before the answer ("12:30 p.m. ____").
_CLOCK_BEFORE = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.\s?m\.|[ap]m)?\s*$", re.IGNORECASE)
# The mark of a filing number right before the answer ("legge n. ____", "Law No. ____").
_FILE_NUMBER_BEFORE = re.compile(r"\b(?:n|nr|no|num)\.\s*$", re.IGNORECASE)
# A dateline before the answer and a dash after it, running into the lead ("ROMA, ____ – Gli italiani").
# (A place may take its state or country: "BROOKLYN, N.Y., ____ –", "CAPE CANAVERAL, Florida, ____ –".)
_DATELINE_BEFORE = re.compile(r"\s*[A-ZÀ-Ý][\w'’ .-]{1,30},(?:\s*[A-ZÀ-Ý][\w'’ .-]{0,30},)?\s*")
_DASH_AFTER = re.compile(r"\s*[–—-]")
# A number and its unit right after an answer ("… 3 inches", "… 54 minuti").
_NEXT_UNIT = re.compile(r"\s+\d+(?:[.,]\d+)?\s*[^\W\d_]")
# A body's head and the link after it, right before an answer ("Union for ", "Ministero della ").
_BODY_BEFORE = re.compile(r"([A-ZÀ-Ý][\w-]+)\s+(\w+['’]?)\s*$")
# A place, then its country after a comma ("a Losanna, in ____", "in Lausanne, ____").
_PLACE_THEN_COUNTRY = re.compile(r"[A-ZÀ-Ý][\w'’-]+,\s+(?:(?:in|nel|nella|negli|nelle)\s+)?$")

# Fewer words than this around the answer: a dateline, a caption, a label.
DATELINE_WORDS = 3
SHORT_CONTEXT = 0.2
ECHOED = 0.2
SHORT_CONTEXT_WORDS = 4
# A sentence with at most this many content words, all common, does not point at one answer.
VAGUE_WORDS = 4
# A phrase blank that opens its sentence, with at most this many content words after it, is a
# subject many phrases could fill.
OPENING_REST_WORDS = 5
# An amount with up to three words after it, a comma and up to two words before the blank.
# An amount in figures and the word after it ("381 metri", "1,250 feet").
_AMOUNT_AND_UNIT = re.compile(r"(?<![\w.,])(\d[\d.,]*)\s+([^\W\d_]+)")
_AMOUNT_THEN_COMMA = re.compile(r"\d[\d.,]*((?:\s+[^\W\d_]+){1,3})\s*,\s*(?:[^\W\d_]+\s+){0,2}$")
LIST_INSIDE = 0.6
# How far into a sentence the colon after an inline label ("Worked example:") may stand.
LABEL_CHARS = 30
# The last of a list of plain words: a reader names another of the kind as well.
LIST_END = 0.3
# A person the text names once, only to report their reaction or among a roll call of four or more.
PERIPHERAL = 0.2
ROLL_CALL = 4
# A single abstract noun the text says once ("il livello di ____": rivalità, competizione, concorrenza).
ABSTRACT = 0.3
# A phrase whose head is the text's topic word ("le batterie di ____ generazione"): the reader writes the topic.
TOPIC_HEAD = 0.4
# An amount followed by the same amount in brackets ("29,002 feet (8,840 metres)").
# "____ km/h (14,000 mph)", "circa ____ al secondo (per la precisione 299.792 km/s)": the amount restated in brackets.
# "weighed 5 lb 12 oz (about 2.6 kg)": a second amount may stand between the answer and its bracket.
_CONVERTED_AFTER = re.compile(r"^(?:\s+[^\W\d_]+){0,3}(?:\s+\d[\d.,]*\s*[^\W\d_]+)?\s*\(\s*(?:[^\W\d_]+\s+){0,3}\d[\d.,]*\s*[^\W\d_]+"
                              r"(?:[\s/]+[^\W\d_]+)?\)")
_YEAR_IN = re.compile(r"(?<!\d)(?:1[0-9]{3}|20[0-9]{2})(?!\d)")
LEAD = 1.15
HEADING = 0.2
HYPOTHETICAL = 0.3
FOREIGN_ACRONYM = 0.3
# An acronym the text uses once is wording, not a term it teaches.
PASSING_ACRONYM = 0.3
POINTED_BACK = 0.2
OWN_YEAR = 0.2
# A life's years in brackets after a name ("Ludwig II (1845–1886)"), and how far after a year an age may follow.
_LIFESPAN = re.compile(r"\((?:c\.\s*)?1?\d{3}\s*[–—-]\s*1?\d{3}\)")
AGE_REACH = 40
# How far before a date blank a relative day ("ieri, venerdì ____") ties it to the dateline.
RELATIVE_DAY_REACH = 25
BULLET_ITEM = 0.3
# How far into a sentence "this" still points at the sentence before ("Works of this time …").
ANAPHORA_WORDS = 4
ANAPHORIC = 0.4
# How many words at a sentence's start may hold a word that leans on the sentence before.
CONTEXT_REACH = 8
COORDINATED = 0.4
CLAUSE = 0.3
# A possessive name before a noun ("Sarina Wiegman's side"): another owner fits the blank as well.
POSSESSIVE = 0.2
# A number the sentence spells as the sum of its parts: the blank is a sum, not a fact.
GIVEN_SUM = 0.05
# How far (in characters) on either side of a blank the numbers that work it out are looked for.
WORKED_OUT_REACH = 300
# How many numbers on either side of a blank are tried as the operands of a product or ratio.
WORKED_OUT_NUMBERS = 4
_LONG_OK = frozenset({"members", "benefits", "drawbacks", "acronym", "definition", "quote"})
LONG_BLANK = 0.3
# "i tre scienziati", "i due climatologi": a small count written in words only restates the sentence.
SMALL_COUNT = 0.4
# Longer answers make a blank nobody can fill word for word.
LONG_BLANK_WORDS = 6
# How much a sentence's share of the document's key terms moves its facts.
CENTRALITY = 0.3
# Mean Zipf frequency (wordfreq) above which a short lower-case answer is a generic word:
# "gruppo" 5.6, "livello globale" 4.9; "potenza automobilistica" 4.1 is a term worth asking.
GENERIC_ZIPF = 4.4
# The most any fact's weight can be: a lead sentence holding only the document's key terms. Every
# other rule multiplies by less than 1, so a fact scored under the best ones by more than this
# factor can never overtake them (generate_quiz weighs a long text's facts best first and stops there).
MAX_WEIGHT = (1.0 + CENTRALITY / 2) * LEAD


# An everyday word ("telegram" 3.6, "Conservation" 4.3, "Difesa" 5.0; "Anjou" 2.6 is not): after a
# body's head ("il Ministero della ____"), the rest of its name is its wording.
EVERYDAY_ZIPF = 3.5
# A dateline with its year and a dash opening a report ("ROMA, 9 ottobre 1963 –").
# (Outside brackets, a word after the dash: "Camillo Golgi (Corteno, 7 luglio 1843 – Pavia, …)" and
# "Ernest Shackleton (15 February 1874 – 5 January 1922)" open no report; "Longarone (Belluno), 10 …" does.)
# (Abbreviations keep their dots: "MIAMI BEACH, Fla., Feb. 26, 1964 –".)
_NEWS_LEAD = re.compile(r"[A-ZÀ-Ý](?:[^\n.!?()]|\.(?=,|\s?\w)|\([^()\n]{0,40}\)){1,80}?\b(?:1[0-9]{3}|20[0-9]{2})\s*[–—-]\s*[^\W\d_]")


# A share written after its number: "62.1 per cent", "62,1 per cento", "62%".
_PERCENT_AFTER = re.compile(r"\s*(?:%|(?:per\s?cent|percent|per cento)\b)")
# A worked calculation in the sentence: each of its numbers follows from the others.
_EQUATION = re.compile(r"[=√]")
_TWO_NUMBERS = re.compile(r"\d[\d.,%]*\s+(?:and|or|e|ed|o)\s+\d")
# An amount in two units ("9 minuti e 21 secondi", "6 feet and 2 inches"): a blank on one part.
_COMPOUND_AFTER = re.compile(r"^\s+[^\W\d_]+\s+(?:e|and)\s+\d+\s+[^\W\d_]+")
_COMPOUND_BEFORE = re.compile(r"\d+\s+[^\W\d_]+\s+(?:e|and)\s+$")
_PARALLEL_AMOUNT = re.compile(r"^\s*,?\s*(?:and|or|e|ed|o)\s+\d")
_SENTENCE_BREAK = re.compile(r"[a-z]{3}\. [A-Z]|\d \w{1,3}\. [A-Z]|\b[IVX]+\. [A-Z][a-z]")


@lru_cache(maxsize=16384)
def _zipf(word: str, lang: str) -> float:
    """Return how common ``word`` is in ``lang`` (Zipf scale: 7 for "the", 3 for a rare word)."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        return 0.0
    return zipf_frequency(word, lang, wordlist="small")


def _words_cue(words: tuple[str, ...]) -> re.Pattern | None:
    """Compile a pack's list of words or phrases into one pattern found anywhere, as whole words; None for none."""
    return _cue(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b") if words else None


@lru_cache(maxsize=8)
def _cue(pattern: str) -> re.Pattern | None:
    """Compile a pack's cue pattern once."""
    return re.compile(pattern, re.IGNORECASE) if pattern else None


class Weigher:
    """Hold what a document says about itself (title, topic terms, key words) to weigh its facts."""

    def __init__(self, doc: Doc, title: str, published_year: int | None = None):
        self.doc = doc
        # The text's "now", for "36 years ago": the article's year, else the latest year it names.
        self.now = published_year or max((int(y) for y in _YEAR_IN.findall(doc.text)), default=None)
        self.dated = published_year
        pack = doc.pack
        # (Each sentence's words once, in text order: a set's order changes with the process's hash
        # seed, and the most frequent words' ties would pick another topic in another process.)
        content = [w for s in doc.sentences for w in dict.fromkeys(normalise(s.text).split())
                   if w not in pack.stopwords and len(w) > 2 and not w.isdecimal()]
        self.df = Counter(content)
        # A text that gives someone's birth year makes their age arithmetic ("nato nel 1941 … compirà 81 anni").
        cues = pack.get("birth_cues", ())
        self.born_stated = bool(cues) and bool(re.search(
            r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")\b[^.]{0,60}?\b(?:1[0-9]{3}|20[0-9]{2})\b", doc.text,
            flags=re.IGNORECASE))
        self.age_cue = _cue(r"(?:" + "|".join(re.escape(c) for c in pack.get("age_cues", ())) + r")\s*$") \
            if pack.get("age_cues") else None
        self.age_words = {normalise(w) for w in pack.get("age_words", ())}
        self.age_cue_anywhere = _words_cue(tuple(pack.get("age_cues", ())))
        self.relative_day = _words_cue(tuple(pack.get("relative_days", ())))
        self.centrality = [self._centrality(i) for i in range(len(doc.sentences))]
        # A text long enough to have a topic: the rules a paragraph's questions contradict apply from here.
        self.long_text = len(doc.sentences) >= TOPIC_MIN_SENTENCES
        # A whole document (not a paragraph): the rules marked "document" below apply to it only.
        self.document = len(doc.sentences) >= DOCUMENT_SENTENCES
        self.headings = {i for i, sent in enumerate(doc.sentences) if self._heading(sent)}
        # Only a heading is a title; a text without one starts with a sentence like any other.
        self.title = f" {normalise(title)} " if 0 in self.headings else "  "
        # A short text's most repeated word is what it is about, and what a reader is asked.
        top = [w for w, c in self.df.most_common(3) if c >= 3] if self.long_text else []
        self.topic = set(top)
        # Where the text's first sentence (after any heading) starts.
        self.opening = next((sent.start for i, sent in enumerate(doc.sentences) if i not in self.headings), -1)
        # A news report: dated, or opening on a dateline ("CAPE CANAVERAL, Florida, January 28, 1986 –").
        lead = _NEWS_LEAD.match(doc.text, self.opening) if self.opening >= 0 else None
        self.news = self.dated is not None or bool(self.document and lead)
        # The dateline's place ("LONDON, Oct. 1 –"): a report's own city, which its dateline gives away.
        self.dateline_place = normalise(doc.text[self.opening:doc.text.find(",", self.opening)]) \
            if lead and "," in lead.group() else ""
        # Where the dateline ends, at its dash: nothing before it is asked ("BATAVIA, ____, August 28, 1883 –").
        dash = max(lead.group().rfind(d) for d in "–—-") if lead else -1
        self.dateline_end = lead.start() + dash if dash > 0 else -1
        wh = pack.get("worth", {})
        # A textbook's exercises ("Check your understanding", up to the next heading) and any question
        # ask; they state nothing a quiz could ask back.
        exercise = frozenset(normalise(h) for h in wh.get("exercise_headings", ()))
        # The same heading opening a paragraph ("Questions: (a) Calculate …"), and a worked example
        # ("Worked example: a box weighing 600 N …"): the paragraph's numbers are made up to compute with.
        labels = exercise | frozenset(normalise(h) for h in wh.get("worked_example_labels", ()))
        self.asking: set[int] = set()
        inside, labelled = False, -1
        for i, sent in enumerate(doc.sentences):
            label = sent.text.split(":", 1)[0] if ":" in sent.text[:LABEL_CHARS] else ""
            if label and normalise(label) in labels:
                labelled = doc.paragraph_of[i]
            if i in self.headings:
                inside = normalise(sent.text) in exercise
            elif inside or sent.text.rstrip().endswith("?") or doc.paragraph_of[i] == labelled:
                self.asking.add(i)
        self.before = _cue(wh.get("reporting_before", ""))
        self.after = _cue(wh.get("reporting_after", ""))
        self.hypothetical = _cue(wh.get("hypothetical", ""))
        # "Suppose the price of a sandwich rises from 3 pounds to 5 pounds. … The PED is minus 25 divided
        # by 25": the supposition's paragraph goes on with its made-up figures (review 52).
        supposing = _cue(wh.get("supposition", ""))
        self.supposed: set[int] = set()
        supposed_paragraph = None
        for i, sent in enumerate(doc.sentences if supposing else ()):
            if supposing.match(sent.text.lstrip()):
                supposed_paragraph = doc.paragraph_of[i]
            elif doc.paragraph_of[i] == supposed_paragraph:
                self.supposed.add(i)
        arithmetic = wh.get("arithmetic_words", ())
        # "minus 25 divided by 25, which is ____": the sentence works the answer out in words.
        self.worked_out = re.compile(r"\d\s+(?:%s)\s+\d" % "|".join(map(re.escape, arithmetic)), re.IGNORECASE) \
            if arithmetic else None
        self.speech = _cue(wh.get("speech", ""))
        self.anaphoric = frozenset(pack.get("anaphoric_openers", ()))
        self.contrast_openers = frozenset(normalise(x) for x in pack.get("contrast_openers", ()))
        self.street_words = frozenset(x.lower() for x in pack.get("street_words", ()))
        # A sentence opening with a verb (Italian drops the subject) or a pronoun leans on the one before.
        self.null_subject = frozenset(pack.get("null_subject_verbs", ()))
        self.pronouns = frozenset(pack.get("pronouns", ()))
        context = pack.get("context_words", ())
        self.context = re.compile(r"^(?:\S+ ){0,%d}(?:%s)(?: |$)" % (CONTEXT_REACH - 1, "|".join(
            re.escape(normalise(c)) for c in context))) if context else None
        # "137 anni dopo l'inizio": a year the sentence counts from another one the quiz may ask.
        elapsed = pack.get("elapsed_cues", ())
        self.elapsed = re.compile(r"(?:^|[\s'’])(?:" + "|".join(re.escape(c) for c in elapsed) + r")(?!\w)",
                                  re.IGNORECASE) if elapsed else None
        ago = pack.get("ago_cues", ())
        self.ago = re.compile(r"\b(?:%s)\b" % "|".join(re.escape(c) for c in ago), re.IGNORECASE) if ago else None
        counted = pack.get("years_counted")
        self.years_counted = re.compile(counted, re.IGNORECASE) if counted else None
        # "30,000 vehicles a day, or more than 11 million a year": the same amount restated.
        restated = pack.get("restatement_words", ())
        self.restated = re.compile(r"^(?:\s+[^\W\d_]+){0,4}\s*,?\s+(?:" + "|".join(re.escape(c) for c in restated)
                                   + r")\s+(?:[^\W\d_]+\s+){0,3}\d", re.IGNORECASE) if restated else None
        self.restating = re.compile(r"\d[\d.,]*(?:\s+[^\W\d_]+){0,4}\s*,?\s+(?:"
                                    + "|".join(re.escape(c) for c in restated)
                                    + r")\s+(?:[^\W\d_]+\s+){0,3}$", re.IGNORECASE) if restated else None
        self.verbs = listed_words(pack.code, "verbs")
        # Every amount the text writes in a unit of measure, as (dimension, value in the base unit, unit).
        self.measures = self._measures()
        # The language's list conjunctions: single words to look up, and all of them as a regex alternation.
        self.conjunctions = frozenset(c for c in pack.get("list_conjunctions", ()) if " " not in c)
        self.conjunction_re = "|".join(re.escape(c) for c in pack.get("list_conjunctions", ()))
        self.infinitive_markers = frozenset(pack.get("infinitive_markers", ()))
        # What stands before a noun with its own determiner ("sullo sviluppo", "the research").
        self.determiners = frozenset(pack.stopwords) | frozenset(pack.articles)
        # The language's word lists the rules below look words up in, normalised once per text, not once per fact.
        self.weekdays = frozenset(normalise(d) for d in pack.get("weekdays", ()))
        self.day_time_words = self.weekdays | {normalise(d) for d in pack.get("day_time_words", ())}
        self.known_amounts = frozenset(normalise(x) for x in pack.get("known_amounts", ()))
        self.hollow_nouns = frozenset(normalise(x) for x in wh.get("hollow_nouns", ()))
        self.forms_of_address = frozenset(normalise(x) for x in wh.get("forms_of_address", ()))
        self.participle_endings = tuple(wh.get("participle_endings", ()))
        self.verb_openers = frozenset(wh.get("verb_openers", ()))
        self.relative_pronouns = frozenset(wh.get("relative_pronouns", ()))
        self.infinitive_markers = frozenset(wh.get("infinitive_markers", ()))
        self.infinitive_endings = tuple(wh.get("infinitive_endings", ()))
        self.degree_words = frozenset(wh.get("degree_words", ()))
        self.evaluative_endings = tuple(wh.get("evaluative_endings", ()))
        self.connectors = frozenset(c.lower() for c in pack.get("name_connectors", ()) if c.isalpha())
        self.links = frozenset(x.lower() for x in pack.get("phrase_links", ()) if " " not in x)
        # A complement's link word ("dell'", "of") next after a blank, never a conjunction ("and").
        complements = sorted((x for x in self.links if x not in pack.get("list_conjunctions", ())), key=len, reverse=True)
        self.next_link = re.compile(r"\s+(?:%s)(?:\s|(?<='))" % "|".join(map(re.escape, complements)) if complements
                                    else r"(?!)")
        self.org_words = frozenset(w.lower() for w in pack.get("org_words", ()))
        # A name's connector then a lower-case word ("Età del rame"); not an article ("in Paris the next day").
        self.lower_complement = re.compile(r"\s+(?:" + "|".join(map(re.escape, sorted(self.connectors - set(pack.articles))))
                                           + r")\s+[^\W\d_A-ZÀ-Ý]")
        # "and" then up to four capitalised words ("and Space Administration").
        self.and_name = re.compile(r"\s+(?:&|" + "|".join(map(re.escape, pack.get("list_conjunctions", ("and",))))
                                   + r")\s+(?:[A-ZÀ-Ý]\w*\s+){0,3}([A-ZÀ-Ý]\w*)")
        self.reaction = _cue(wh.get("reaction", ""))
        self.evaluative = frozenset(normalise(x) for x in wh.get("evaluative_words", ()))
        self.abstract_endings = tuple(normalise(e) for e in wh.get("abstract_endings", ()))
        self._pairs: Counter | None = None

    def _cuts_coordination(self, ans) -> bool:
        """Tell whether a blank takes one of two bare nouns joined by "e"/"and" and their shared words.

        "sullo sviluppo e ____" ("produzione congiunti di auto elettriche"): "congiunti"
        belongs to both nouns; "I ____ e auto" ("produttori cinesi di batterie"): "auto"
        completes "di batterie". Either way the blank's edge is inside one phrase.
        """
        text, articles, stop = self.doc.text, self.doc.pack.articles, self.doc.pack.stopwords
        first = ans.text.split()[0].lower()
        # "mira a sviluppare e a ____" ("produrre batterie"): two verbs sharing their object.
        verbs = re.search(r"(?:^|\s)([^\W\d_]+) (\w+) (\w+) $", text[max(0, ans.start - 60):ans.start])
        if verbs and verbs.group(2).lower() in self.conjunctions \
                and verbs.group(3).lower() in self.infinitive_markers and verbs.group(1).islower() \
                and verbs.group(1) not in stop and first.islower() and first not in articles:
            return True
        # "mira a ____ e a produrre": the first of two such verbs.
        following = re.match(r" (\w+) (\w+) [^\W\d_]", text[ans.end:ans.end + 40])
        if following and following.group(1).lower() in self.conjunctions and len(ans.text.split()) == 1 \
                and following.group(2).lower() in self.infinitive_markers and first.islower():
            return True
        # The noun before the conjunction has its determiner; the blank's has none, so the two share one.
        before = re.search(r"(?:^|\s)([^\W\d_]+['’]?) ?([^\W\d_]+) (\w+) $", text[max(0, ans.start - 60):ans.start])
        if before and before.group(3).lower() in self.conjunctions and before.group(2).islower() \
                and before.group(2) not in stop and first.islower() and first not in self.determiners \
                and (before.group(1).lower() in self.determiners
                     or before.group(1).lower().rstrip("'’") in self.doc.pack.elisions):
            return True
        words = ans.text.split()
        after = re.match(r" (\w+) ([^\W\d_]+)\b", text[ans.end:ans.end + 40])
        return bool(after) and len(words) >= 3 and words[-2].lower() in self.links \
            and words[-1].islower() and after.group(1).lower() in self.conjunctions \
            and after.group(2).islower() and after.group(2) not in self.determiners

    def _heading(self, sent) -> bool:
        """Tell whether a sentence is a heading: a line of its own without final punctuation."""
        text = self.doc.text
        line_start = text.rfind("\n", 0, sent.start) + 1
        line_end = text.find("\n", sent.end)
        line = text[line_start:line_end if line_end >= 0 else len(text)].strip()
        # A title may end with a quoted name ('… con "Il nome della rosa"'): what comes before the quote counts.
        return line == text[sent.start:sent.end].strip() and line.rstrip("»”\"'’").rstrip()[-1:] not in ".!?…:;"

    def _centrality(self, i: int) -> float:
        """Return the share, 0..1, of sentence ``i``'s words that recur across the document."""
        words = {w for w in normalise(self.doc.sentences[i].text).split()
                 if w not in self.doc.pack.stopwords and len(w) > 2}
        if not words or len(self.doc.sentences) < 4:
            return 0.5
        return sum(1 for w in words if self.df[w] >= 2) / len(words)

    def weight(self, fact: Fact, sentence: int) -> float:
        """Return the multiplier for ``fact``'s score (1.0: no opinion; 0: never ask it)."""
        if not fact.answers:
            return 1.0
        doc, ans = self.doc, fact.answers[0]
        core = [x for x in normalise(ans.text).split() if x not in doc.pack.articles]
        # "____ have taken the first picture": a pronoun or other grammar word is never a fact.
        if not core or all(x in doc.pack.stopwords for x in core) or self._cut_wrong(fact, ans):
            return 0.0
        if fact.kind in ("concept", "phrase", "definition") and len(core) > 1 \
                and core[-1] in doc.pack.get("worth", {}).get("dangling", ()):
            return 0.0  # "the rate at", "the process by": a phrase cut before its preposition's object
        if self.long_text and self._verb_or_notation(fact, ans, core):
            return 0.0
        if sentence in self.asking and self.document:
            return 0.0
        if fact.kind == "nationality" and not self.document:
            # A country's adjective is there for a document's false statements; a paragraph's reader
            # is asked other things (cross-validated recall on XQuAD fell 0.002 with it ranked).
            return 0.0
        w = 1.0
        # Where a fact stands in the document (its lead, its key terms) says something only of
        # a document; within a paragraph the ranker's own position features already speak.
        if self.document:
            w = 1.0 - CENTRALITY / 2 + CENTRALITY * self.centrality[sentence]
            if sentence < 2:
                w *= LEAD
        if sentence in self.headings and fact.kind not in _STRUCTURAL:
            if self.long_text:
                return 0.0  # "La Cina fa sul ____ con le batterie": a title states nothing a quiz asks back
            w *= HEADING
        w *= self._about_the_text(fact, core) * self._about_the_wording(fact, ans, core)
        before = doc.text[fact.span.start:ans.start]
        after = doc.text[ans.end:fact.span.end]
        context = before + " " + after
        if (self.before and self.before.search(before[-40:])) or (self.after and self.after.match(after[:40])):
            w *= REPORTING
        elif self.speech and _quoted(before, after) and self.speech.search(context):
            w *= REPORTING  # «ha detto …, sottolineando che si tratta di "____"»: the speaker's wording
        opened = before.rfind("(")
        if opened >= 0 and ")" not in before[opened:]:
            w *= BRACKETED_AMOUNT if any(ch.isdecimal() for ch in ans.text) else BRACKETED
        if _echoed(context, core):
            w *= ECHOED  # "measured in amperes, named after the physicist ____": the sentence spells the answer
        # "una commissione di 75 membri, la cosiddetta Commissione dei 75": the sentence says the number twice.
        # (Documents: on the development sets' paragraphs, the rules from here to the dateline cost recall.)
        if self.document and any(re.search(r"(?<![\d.,])%s(?![\d]|[.,]\d)" % re.escape(n), context)
                                 for n in re.findall(r"\d+(?:[.,]\d+)*", ans.text)):
            return 0.0
        # "6.022 × ____^23", "= 12 + (2 × 16) = ____", "Spedizioni 36 e ____": a number the
        # notation, the sum or the series around it gives.
        if self.document and re.search(r"\d", ans.text) and (re.search(r"[×x*]\s*$", before) and after.startswith("^")
                                            or re.search(r"\d\s*[-+×*/)]\s*[\d(].*=\s*$", before[-40:])
                                            or _next_in_series(ans.text, before[-12:], self.conjunction_re)):
            return 0.0
        if self.document and self.worked_out and re.search(r"\d", ans.text) and self.worked_out.search(before[-60:]):
            return 0.0
        # "campionato del mondo turismo (____)": the letters of the name just written out.
        if self.document and re.fullmatch(r"[A-Z]{2,6}", ans.text) and before.endswith("(") and after.startswith(")"):
            return 0.0
        # "dall'____, l'Istituto per la Ricostruzione Industriale": the letters of the name written next.
        spelled = re.match(r"\s*,\s*(?:\w+['’]\s*|\w+\s+)?([A-ZÀ-Ý][^,.;:()]{3,80})", after)
        if self.document and re.fullmatch(r"[A-Z]{2,6}", ans.text) and spelled and _spells(ans.text, spelled.group(1)):
            return 0.0
        if self.document and sum(any(map(str.isalpha, x)) for x in context.split()) < DATELINE_WORDS:
            return 0.0  # "Madrid, ____.": a dateline or a caption states nothing to ask
        # "ROMA, ____ – Gli italiani hanno deciso": the dateline run into the lead is the report's date;
        # "BATAVIA, ____, August 28, 1883 –": its region, where it was filed.
        if self.document and (_DATELINE_BEFORE.fullmatch(before) and _DASH_AFTER.match(after)
                              or self.opening <= ans.start < self.dateline_end):
            return 0.0
        if self.document and self._clock_minutes(ans.text, before):
            return 0.0  # "alle 5 e ____" (12): the minutes of a time told in words are no number of their own
        if self.document and self._house_number(ans.text, before, after):
            return 0.0  # "speaking from a window of ____ Downing Street": an address, not a fact
        # "at 12:30 p.m. ____" (Central Standard Time), "la legge n. ____": a clock's zone and a number
        # that only files a law or a case are the wording's, not facts to learn.
        if self.document and (_CLOCK_BEFORE.search(before) and not any(ch.isdecimal() for ch in ans.text)
                              or _FILE_NUMBER_BEFORE.search(before) and ans.text[:1].isdecimal()):
            return 0.0
        if _fewer_words(context, SHORT_CONTEXT_WORDS):
            w *= SHORT_CONTEXT  # "Esiste infine la ____.": too little around the blank to point at one answer
        elif self._vague(context):
            w *= SHORT_CONTEXT  # "Il ____ fu un anno di svolta.": only common words around the blank
        elif self._opening_phrase(fact, before, after):
            w *= SHORT_CONTEXT  # "____ is more complicated than Ricardo's model.": a subject any phrase could be
        if self._conversion(before, ans.text) or (self.document and self._converts_another(ans, after)):
            w *= BRACKETED_AMOUNT  # "6.15 billion rupees, roughly 75 million US dollars": a conversion
        if any(ch.isdecimal() for ch in ans.text) and (_CONVERTED_AFTER.match(after)
                                                     or (self.restated and self.restated.match(after))
                                                     or (self.restating and self.restating.search(before[-80:]))):
            w *= BRACKETED_AMOUNT  # "29,002 feet (8,840 metres)", "30,000 vehicles a day, or 11 million a year"
        if self.elapsed and _YEAR_IN.search(ans.text) and self.elapsed.search(context):
            w *= GIVEN_SUM  # "Solo nel ____ …, 137 anni dopo l'inizio": another year of the quiz and a sum
        if self._cut_before_agent(ans.text, after):
            w *= GENERIC  # "la ____ da Agnesi" (curva studiata): the phrase goes on past the blank
        if _EQUATION.search(before + " " + after) and any(ch.isdecimal() for ch in ans.text):
            w *= GIVEN_SUM  # "a rectangle ____ long and 8 metres wide has a diagonal of √(36 + 64) = √100": 6
        if self.dated and self.ago and _YEAR_IN.search(ans.text) and self.ago.search(before + " " + after):
            w *= OWN_YEAR  # "Exactly one year ago, on ____" (29 May 1912) in a report dated 29 May 1913
        if self._counted_from(ans.text, before, after):
            w *= GIVEN_SUM  # "trentaduenne nato nel ____" dated 1903; "began in ____ and took three years" (to 1863)
        if self._inside_list(before, after):
            w *= LIST_INSIDE
        elif self.document and self._ends_word_list(before):
            w *= LIST_END  # "through their walls, roofs, ____", "shiny, white or ____ surfaces": one more of a kind
        opening = doc.text[fact.span.start:fact.span.end].split(" ", 2)
        if (self.hypothetical and self.hypothetical.match(" ".join(opening[:2]))) or sentence in self.supposed:
            w *= HYPOTHETICAL
        if opening and opening[0].lower() in self.anaphoric:
            w *= ANAPHORIC  # "This is known as the ____": the sentence leans on the one before
        elif self.document and opening and (opening[0].lower() in self.null_subject
                                            or opening[0].lower() in self.pronouns):
            w *= ANAPHORIC  # "Sono sempre svantaggiose, ma …", "She died in ____": whose?
        elif self.context and self.context.match(normalise(doc.text[fact.span.start:fact.span.end][:200])):
            w *= ANAPHORIC  # "Nel 1906 i due ricevettero …", "In 1947 they demonstrated …": who?
        if self.dated and ans.text.strip() == str(self.dated) and self.document:
            w *= OWN_YEAR  # "Il premio Nobel per la fisica ____" in an article dated 1984: its dateline says it
        elif self.dateline_place and normalise(ans.text) == self.dateline_place and self.document:
            w *= OWN_YEAR  # "In ____ trenches were dug in the parks" under a LONDON dateline
        elif self.news and fact.kind == "date" and self.relative_day and self.relative_day.search(before[-RELATIVE_DAY_REACH:]):
            w *= OWN_YEAR  # "Alle 13.52 di ieri, venerdì ____": the day before the dateline's
        if self.document and fact.span.text.lstrip()[:1] in "-•*" and fact.span.text.rstrip()[-1:] in ",;":
            w *= BULLET_ITEM  # "- the ____, collected in a gas syringe;": a list's item, cut from what it lists
        first_words = [x.lower().strip(",;:") for x in fact.span.text.split()[:ANAPHORA_WORDS]]
        if self.document and first_words and first_words[0] not in self.anaphoric \
                and any(x in self.anaphoric for x in first_words[1:]):
            w *= ANAPHORIC  # "Works of this time include ____": which time?
        if self.document and normalise(before) in self.contrast_openers:
            w *= POINTED_BACK  # "Other ____ polymerise in the same way": other than the sentence before's
        if len(core) == 1 and before.split()[-1:] and before.split()[-1].lower() in self.anaphoric and self.long_text:
            w *= POINTED_BACK  # "al centro di questo ____" (ecosistema): the writer's word for what came before
        if re.search(r"['’]s$", ans.text) and re.match(r"\s+[a-zà-ÿ]", after):
            w *= POSSESSIVE  # "____ side had beaten Colombia": "England's" fits as well as "Wiegman's"
        if self.born_stated and ((self.age_cue and self.age_cue.search(before[-30:]))
                                 or any(x in core for x in self.age_words)):
            w *= GIVEN_SUM  # "nato nel 1941 … compirà ____", "the day before his ____" (23rd birthday)
        elif self.document and _YEAR_IN.fullmatch(ans.text.strip()) and _LIFESPAN.search(before) \
                and self.age_cue_anywhere and self.age_cue_anywhere.search(after[:AGE_REACH]):
            w *= GIVEN_SUM  # "Ludwig II (1845–1886) came to the throne in ____ at the age of eighteen": 1864
        # (Documents: the rules of this session's reviews 42 to 45 cost the development paragraphs recall.)
        if self.document and self._known_year(ans.text, fact):
            w *= GIVEN_SUM  # "When the French Revolution broke out in ____": 1789, whoever reads the text
        if self.document and (self._share_of_a_whole(ans, before, after) or _dimension_middle(before, after)):
            w *= GIVEN_SUM  # "45 per cent …, ____ … and 50 per cent" (5); "roughly 34 by ____ by 9 centimetres"
        if _summed(ans.text, before, after) or self._counted_after(ans.text, after) \
                or self._complement(ans.text, before, after) or self._one_more(ans.text, before) \
                or (self.document and (self._one_less(ans.text, after) or self._rough_series(ans.text, after))):
            w *= GIVEN_SUM  # "____ grandi elettori: 630 deputati, …"; "in ____ regioni, Toscana, Emilia-Romagna e …"
        elif self._worked_out(fact, ans.text, before, after) or self._years_apart(ans.text, before, after):
            w *= GIVEN_SUM  # "440 Hz … ____ per second … 0.78 metres", "Mach 2", "lunedì dell'Angelo"
        if self.document and fact.kind == "country" and _PLACE_THEN_COUNTRY.search(before):
            w *= GENERIC  # "si è imposto a Losanna, in ____" (Svizzera): the town's country, said in passing
        if self.document and self._hour_in_words(ans.text, before, after):
            w *= GENERIC  # "verso le ____" (dieci): which hour, and "22" is refused; the wording's detail
        half = len(core) // 2
        if len(core) >= 2 and len(core) % 2 == 0 and core[:half] == core[half:]:
            w *= GENERIC  # «a suolo a suolo»: a doubled phrase is the wording, not a fact
        if self._in_fixed_phrase(ans.text, before, after):
            return 0.0  # "si sono uniti in ____ di un'iniziativa" (virtù): the word of a fixed phrase
        if self._event_name_year(ans.text, before, fact.span.text, after):
            w *= GENERIC  # "Rio de Janeiro ____", "Giochi olimpici di Parigi ____": the year names the event
        # (Document) A paragraph's reader is asked who said what (the development sets' questions do).
        if fact.kind == "person" and self.document and self._peripheral(fact, core):
            w *= PERIPHERAL  # "Leicester's city mayor, Sir ____, called the find …": who commented is no fact
        if fact.kind in ("pair", "range"):
            w *= COORDINATED  # "left and right ventricles", "5 to 10": a reader answers one part
        elif fact.kind in ("concept", "phrase") and self._after_conjunction(before, after):
            w *= COORDINATED  # "sullo sviluppo e ____ congiunti": the second half of a coordination
        elif fact.kind in ("concept", "phrase") and self._shared_complement(ans.text, after):
            w *= COORDINATED  # "I ____ e auto" (produttori cinesi di batterie): cut inside "di batterie e auto"
        elif fact.kind in ("concept", "phrase") and ans.text[:1].isdecimal() and _PARALLEL_AMOUNT.match(after):
            w *= SHORT_CONTEXT  # "total output is ____ and 2 of wine": half of two amounts, its noun left out
        # (The answer's own unit may be inside the blank: "con ____ e 21 secondi" for "3 minuti".)
        unit_after = after if len(ans.text.split()) < 2 else " unit" + after
        if self.document and ans.text[:1].isdecimal() and (_COMPOUND_AFTER.match(unit_after)
                                                         or _COMPOUND_BEFORE.search(before)):
            w *= GIVEN_SUM  # "con ____ e 21 secondi", "4 minuti e ____": one part of a time or a length
        return w

    def _worked_out(self, fact: Fact, answer: str, before: str, after: str) -> bool:
        """Tell whether the rest of the sentence lets a student work the answer out without the text.

        An amount within 3% of the product or ratio of two other numbers of the sentence
        (a fraction in words counts: "due terzi dei voti, cioè ____"), or within 10% of the
        same amount restated ("28 minuti … quasi mezz'ora"); a numbered name beside the next
        of its series ("____ is the speed of sound, Mach 2 twice that"); a date beside a feast
        that fixes its month ("il ____, lunedì dell'Angelo").
        """
        pack = self.doc.pack
        # A sentence's own numbers lie near the blank; a text without full stops is one long "sentence".
        before, after = before[-WORKED_OUT_REACH:], after[:WORKED_OUT_REACH]
        context = before + " " + after
        low = context.lower()
        named = re.fullmatch(r"(.+?) (\d+)", answer)
        if named and re.search(re.escape(named.group(1)) + r"\s+\d", context):
            return True
        months = [m.lower() for m in pack.get("months", ())]
        if fact.kind == "date" and any(m in answer.lower().split() for m in months):
            return any(re.search(r"(?<!\w)" + re.escape(f) + r"(?!\w)", low) for f in pack.get("feasts", ()))
        key = _figures(answer, pack)
        if not key or _YEAR_IN.fullmatch(answer.strip()):
            return False
        value = key[0]
        fractions = pack.get("fraction_words", {})
        # The nearest few numbers on either side: a sentence that lists dozens is no worked example.
        others = [v for v in _figures(before, pack)[-WORKED_OUT_NUMBERS:] + _figures(after, pack)[:WORKED_OUT_NUMBERS]
                  if v not in (0, 1) and not (v == int(v) and 1000 <= v <= 2100)]
        others += [v for word, v in fractions.items() if re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", low)]

        def close(x: float, share: float) -> bool:
            return abs(x - value) <= share * abs(value)

        if any(close(x * y, 0.03) or close(x / y, 0.03) or close(y / x, 0.03)
               for i, x in enumerate(others) for y in others[i + 1:]):
            return True
        # The unit: the word after the number, in the answer ("28 minuti") or after the blank.
        unit = re.match(r"\s*([^\W\d_]+)", answer[_FIGURE.search(answer).end():] or after)
        unit = unit.group(1).lower() if unit else ""
        return bool(unit) and any(close(v, 0.1) for word, (v, u) in pack.get("amount_words", {}).items()
                                  if u == unit and re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", low))

    def _years_apart(self, answer: str, before: str, after: str) -> bool:
        """Tell whether a year or a count of years is another year of the sentence plus or minus the rest.

        "after the victories of 1978 and 1986 … lifted the trophy ____ ago" in a 2022
        article is 2022 − 1986; "a 53 anni di distanza dal successo del ____" in 2021 is
        2021 − 53. Years are operands here only: the article's year (or the text's latest) counts as one.
        """
        words = self.doc.pack.get("years_words", ())
        if not words:
            return False
        context = before[-WORKED_OUT_REACH:] + " " + after[:WORKED_OUT_REACH]
        years = {int(y) for y in _YEAR_IN.findall(context)} | ({self.now} if self.now else set())
        # "già ____ anni fa, alle Olimpiadi di Atene 2004" (quattro): a count in words is a count too.
        spelled = (self.doc.pack.get("number_words") or {}).get(answer.strip().lower())
        if spelled is not None:
            answer = str(int(spelled))
        counted = re.compile(r"(?<![\d.,])(\d{1,3})\s+(?:%s)\b" % "|".join(map(re.escape, words)), re.IGNORECASE)
        if _YEAR_IN.fullmatch(answer.strip()):
            year = int(answer.strip())
            return any(r - int(n) == year or r + int(n) == year for n in counted.findall(context) for r in years)
        # A count of years: "36 years", or "36" before "years".
        m = re.fullmatch(r"(\d{1,3})", answer.strip()) and counted.match(answer.strip() + after) \
            or counted.fullmatch(answer.strip())
        return bool(m) and any(a - b == int(m.group(1)) for a in years for b in years)

    def _vague(self, context: str) -> bool:
        """Tell whether a blank's sentence holds only a few words, all of them common ("fu un anno di svolta")."""
        # A number or a name beside the blank ("sold 5 million cars in 2020") points at one answer.
        if any(map(str.isdigit, context)) or any(x[:1].isupper() for x in context.split()[1:]):
            return False
        content = [x for x in _context_words(context) if x not in self.doc.pack.stopwords and x.isalpha()]
        return 0 < len(content) <= VAGUE_WORDS and all(_zipf(x, self.doc.pack.code) >= GENERIC_ZIPF for x in content)

    def _opening_phrase(self, fact: Fact, before: str, after: str) -> bool:
        """Tell whether a phrase blank is the subject of a short sentence ("____ rises even though no one works harder")."""
        if fact.kind not in ("concept", "phrase") or any(ch.isalnum() for ch in before.split("\n")[-1]):
            return False
        words = [x for x in normalise(after).split() if x not in self.doc.pack.stopwords]
        return len(words) <= OPENING_REST_WORDS

    def _measures(self) -> list[tuple[str, float, str]]:
        """Return the text's amounts in the language's ``unit_factors``: (dimension, base value, unit word)."""
        units = self.doc.pack.get("unit_factors", {})
        out = []
        for m in _AMOUNT_AND_UNIT.finditer(self.doc.text):
            unit = m.group(2).lower()
            value = self._amount_value(m.group(1))
            if unit in units and value is not None:
                dimension, factor = units[unit]
                out.append((dimension, value * factor, unit))
        return out

    def _amount_value(self, figures: str) -> float | None:
        """Return the amount ``figures`` writes with the language's separators ("1.250" is 1250 in Italian)."""
        dec, thou = self.doc.pack.get("decimal_sep"), self.doc.pack.get("thousands_sep")
        try:
            return float(figures.rstrip(dec + thou).replace(thou, "").replace(dec, "."))
        except ValueError:
            return None

    def _converts_another(self, ans, after: str) -> bool:
        """Tell whether an amount restates another of the text in another unit ("1.250 piedi" beside "381 metri")."""
        m = _AMOUNT_AND_UNIT.match(ans.text + after)
        units = self.doc.pack.get("unit_factors", {})
        if not m or m.group(2).lower() not in units or self._amount_value(m.group(1)) is None:
            return False
        unit = m.group(2).lower()
        dimension, factor = units[unit]
        value = self._amount_value(m.group(1)) * factor
        return any(d == dimension and units[u][1] != factor and abs(v - value) <= CONVERSION_MARGIN * value
                   for d, v, u in self.measures)

    def _conversion(self, before: str, answer: str) -> bool:
        """Tell whether an amount follows another sum of money after a comma: the same sum in another currency."""
        if not any(ch.isdecimal() for ch in answer):
            return False
        m = _AMOUNT_THEN_COMMA.search(before[-60:])
        money = {w.lower() for w in self.doc.pack.get("money_words", ())}
        return bool(m) and bool(set(m.group(1).lower().split()) & money)

    def _cut_wrong(self, fact: Fact, ans) -> bool:
        """Tell whether the answer's span is cut where no blank can be ("INEOS 1" of "INEOS 1:59")."""
        text = self.doc.text
        if _SENTENCE_BREAK.search(ans.text) or ":" in ans.text:
            return True  # "490 N. On the Moon", "three parts: a sugar": split too late
        after = text[ans.end:ans.end + 2]
        before = text[max(0, ans.start - 2):ans.start]
        # "____150914" (GW): the blank ends or starts inside one written token; "moving at ____/s" (3 m)
        # inside a unit.
        if (after[:1].isalnum() and ans.text[-1:].isalnum()) or (before[-1:].isalnum() and ans.text[:1].isalnum()) \
                or (after[:1] == "/" and ans.text[-1:].isalpha()):
            return True
        # "circa ____ quadrati" (1,5-2 metri): a unit's own power stays with it.
        if any(ch.isdecimal() for ch in ans.text) and ans.text[-1:].isalpha():
            powers = self.doc.pack.get("unit_powers", ())
            rest = text[ans.end:ans.end + 12].lower().split()[:1]
            if rest and rest[0].strip(".,;:") in powers:
                return True
        # "10^-7 moli", "10⁻⁷": the base of a power is no amount of its own.
        if after[:1] in "^⁻⁰¹²³⁴⁵⁶⁷⁸⁹" and after[:1] and ans.text[-1:].isdecimal():
            return True
        # 9"80, 3:36, 23°27', a.C., O'Brien: the blank would start inside a number, a time, an abbreviation
        # or a name; an elided article or preposition ("l’____", "dell’____") is a word of its own.
        if len(before) == 2 and before[1] in "\"'’.″:°" and before[0].isalnum() and not (
                before[1] in "'’" and self._elided(ans.start - 1)
                and before[0] not in self.doc.pack.get("name_elisions", ())):
            return True  # (an elision that opens surnames is part of one: "D'____" of "D'Ascanio")
        # "below −____" (40 °C): a minus sign left outside the blank turns the answer round.
        if before[-1:] and before[-1] in "−-" and ans.text[:1].isdecimal() and before[:1] in (" ", "(", ""):
            return True
        # "the St John Passion (1724)": a bracket closing the answer is another fact.
        if ans.text.endswith(")") and " (" in ans.text:
            return True
        # "United Arab Emirates' Hope": an owner and the thing owned are two answers.
        if re.search(r"s['’] \w", ans.text):
            return True
        # "Stati Uniti Donald Trump": a known place and the person after it are two answers.
        words = ans.text.split()
        # "diversi esponenti del mondo | dell'industria": a chain of complements cut after its first link.
        # (A long text: a paragraph's questions do ask such phrases; XQuAD's recall fell with the rule there.)
        if fact.kind in ("concept", "phrase") and self.long_text and len(words) >= 3 \
                and any(x.lower() in self.links for x in words[1:-1]) \
                and self.next_link.match(text[ans.end:ans.end + 12].lower().replace("’", "'")):
            return True
        if fact.kind in ("concept", "phrase") and self.long_text and self._cuts_coordination(ans):
            return True
        # "Garbiñe Muguruza of Spain", "Joe Biden of Delaware": a person and the place after the full
        # name are two answers ("Leonardo da Vinci", one given name and its place, is one name).
        m = re.fullmatch(r"(.+) (\w+) ([A-Z][\w ]+)", ans.text)
        if m and m.group(1).split()[0] in given_names() and m.group(2).lower() in self.connectors \
                and len(m.group(1).split()) >= 2 and m.group(1).split()[-1][:1].isupper() \
                and (lexicon_kind(m.group(3), self.doc.pack.code) in _PLACE_KINDS
                     or (" " not in m.group(3) and m.group(3) not in given_names())):
            return True
        # "the ____ and Space Administration" (National Aeronautics): a body's name runs on past "and";
        # "nell'____ del rame" (Età): a common word's name goes on in lower case.
        joined = self.and_name.match(text, ans.end)
        # (A name that opens on a common word: "Fiat and General Motors" are two firms.)
        if joined and ans.text[:1].isupper() and joined.group(1).lower() in self.org_words \
                and not any(x.lower() in self.org_words for x in words) \
                and _zipf(words[0].lower(), self.doc.pack.code) >= GENERIC_ZIPF:
            return True
        if len(words) == 1 and ans.text[:1].isupper() and _zipf(ans.text.lower(), self.doc.pack.code) >= GENERIC_ZIPF \
                and self.lower_complement.match(text, ans.end):
            return True
        # "the International Union for ____" (Conservation of Nature), "il Ministero della ____" (Difesa): the
        # rest of a body's name after its head and a link is the name's wording (a place is a fact: "Bank of England").
        head = _BODY_BEFORE.search(text, max(0, ans.start - 40), ans.start)
        if self.document and head and ans.text[:1].isupper() and head.group(1).lower() in self.org_words \
                and head.group(2).lower() in self.connectors | set(self.doc.pack.articles) | set(self.links) \
                and _zipf(words[0].lower(), self.doc.pack.code) >= EVERYDAY_ZIPF \
                and lexicon_kind(ans.text, self.doc.pack.code) not in _PLACE_KINDS:
            return True
        # "il duca di Torino Agilulfo": a known city, then a name no word list knows, are two answers.
        if self.document and len(words) == 2 and lexicon_kind(words[0], self.doc.pack.code) in _PLACE_KINDS \
                and words[1][:1].isupper() and _zipf(words[1].lower(), self.doc.pack.code) == 0 \
                and not lexicon_kind(ans.text, self.doc.pack.code):
            return True
        # "dell'agenzia Ansa Giovanna Chirri": a body the word before names, then a person.
        body = re.search(r"(\w+)['’\s]*$", text[max(0, ans.start - 30):ans.start])
        named_body = bool(body) and body.group(1).lower() in self.org_words
        for i in range(1, len(words) - 1):
            if words[i] in given_names() and words[i + 1][:1].isupper() and (
                    named_body or lexicon_kind(" ".join(words[:i]), self.doc.pack.code) in _PLACE_KINDS):
                return True
        if len(after) == 2 and after[0] in ":-/" and after[1].isalnum():
            return True
        # "the 600 ____" for "MeV Synchrocyclotron": a unit glued to the number before it.
        if fact.kind not in ("quantity", "money", "percentage") and before[-1:] == " " and before[:1].isdecimal() \
                and ans.text.split()[0].isupper() is False and ans.text[:1].isupper() and \
                any(c.isupper() for c in ans.text.split()[0][1:]):
            return True
        # "two ____ years" (thousand years), "several ____ thousand": the blank starts inside a number in words.
        numbers = self.doc.pack.get("answer_number_words") or {}
        first = ans.text.split()[0].lower() if ans.text.split() else ""
        prev = text[max(0, ans.start - 20):ans.start].split()[-1:]
        vague = set(self.doc.pack.get("vague_quantifiers", ()))
        if numbers.get(first, 0) >= 100 and prev and (prev[0].lower() in numbers or prev[0][:1].isdecimal()
                                                      or prev[0].lower() in vague):
            return True
        # Two numbers joined ("2050 and 23", "2007 and 2008"): two facts, or a range asked as one.
        if _TWO_NUMBERS.search(ans.text):
            return True
        # "Standing ____ 3 inches" (6 feet), "nel tempo di ____ 54 minuti 46 secondi" (2 ore): a measure
        # in two units is one answer, and its first part alone says the wrong amount.
        if self.document and re.search(r"\d", ans.text) and ans.text[-1:].isalpha() and _NEXT_UNIT.match(text, ans.end):
            return True
        # "COVID-____": the blank takes the end of a hyphenated word.
        return before[-1:] in "-/" and before[:1].isalnum()

    def _elided(self, apostrophe: int) -> bool:
        """Tell whether the word ending at the apostrophe at ``apostrophe`` is an elision ("l’", "dell’")."""
        m = re.search(r"(\w+)$", self.doc.text[max(0, apostrophe - 10):apostrophe])
        return bool(m) and m.group(1).lower() in self.doc.pack.elisions

    def _about_the_text(self, fact: Fact, core: list[str]) -> float:
        """Weigh a fact by whether it is the text's topic or title, or merely restates it."""
        doc = self.doc
        w = 1.0
        joined = " ".join(core)
        content = [x for x in core if x not in doc.pack.stopwords]
        in_title = sum(1 for x in content if f" {x} " in self.title)
        # A name the headline gives ("Jacobs" for "Lamont Marcell Jacobs") is answered by it.
        named = fact.kind in ("person", "organization", "place", "country", "entity") and any(
            len(x) > 3 and f" {x} " in self.title for x in content)
        # The name that opens the text, when the text goes on calling its bearer by one of its
        # words ("Augusta Ada King, Countess of Lovelace" … "Ada met Babbage"), is the subject.
        if fact.kind in ("person", "entity") and fact.span.start == self.opening \
                and fact.answers[0].start - fact.span.start <= 2 and self.long_text:
            named = named or any(len(x) > 2 and self.df[x] > TOPIC_NAME_SENTENCES and x[:1].isalpha() for x in content)
        if fact.kind not in _STRUCTURAL and (f" {joined} " in self.title or (len(core) == 1 and joined in self.topic)
                                             or (content and in_title * 2 >= len(content)) or named):
            w *= TOPIC
        # "Dry air" in a text on the air, "lunar south pole" under "… near the Moon's south pole":
        # the head noun is the text's topic word, and all but one modifier are topic or title words.
        if fact.kind not in _STRUCTURAL and fact.kind not in _NAME_KINDS and len(content) >= 2:
            head = content[0] if doc.pack.get("phrase_head") == "first" else content[-1]
            known = [x for x in content if f" {x} " in self.title or x in self.topic]
            if head in self.topic and len(known) >= len(content) - 1:
                w *= TOPIC
        if fact.kind == "acronym":
            acronym = fact.slot("acronym")
            # An expansion that does not spell the acronym, or one in another language than the text's
            # ("China All-Solid-State Battery … Platform" in an Italian article), is copied, not learnt.
            words = re.findall(r"[^\W\d_]+", fact.answers[0].text.lower())
            foreign = sum(not known_word(x, doc.pack.code) for x in words) * 2 > len(words)
            if foreign:
                return 0.0  # three blind ratings of the seed: "type the English name" is wording
            if not _spells(acronym, fact.answers[0].text):
                w *= FOREIGN_ACRONYM
            if self.df[normalise(acronym)] < 2:
                w *= PASSING_ACRONYM
            if self.document:
                # Blind reviews rated "What does USGS stand for?" wording more often than a fact (reviews 10-20:
                # 4 G, 3 K, 3 W; weighed 0.15, reviews 20-22 still showed it six times, all W):
                # a document has better questions; the bank keeps it for a teacher who wants it.
                return 0.0
        return w

    def _about_the_wording(self, fact: Fact, ans, core: list[str]) -> float:
        """Weigh a fact down when it asks about wording: a generic word, a clause, a small count."""
        doc = self.doc
        w = 1.0
        if len(ans.text.split()) > LONG_BLANK_WORDS and fact.kind not in _LONG_OK:
            w *= LONG_BLANK
        words = doc.pack.get("number_words") or {}
        if fact.kind in ("number", "quantity") and words.get(ans.text.lower(), 100) <= 12:
            w *= SMALL_COUNT
        content = [x for x in core if x not in doc.pack.stopwords]
        # The two rules marked "document" below push down what a teacher drops from a quiz of a whole
        # document, which has facts to spare; a paragraph keeps them (recall on the development
        # paragraphs, whose questions sometimes ask such phrases, fell 0.01 with them).
        document = self.document
        if fact.kind in ("concept", "phrase", "entity", "pair", "organization") and content and (
                len(content) <= 2 or (document and len(content) == 3 and not self._repeated_term(content))):
            common = sum(_zipf(x, doc.pack.code) for x in content) / len(content) >= GENERIC_ZIPF
            # "L'Autorità": a capitalised common noun is a generic word unless the lexicon knows the name.
            # (Document) Three common words the text says once ("a single giant instrument", "the heart of a
            # distant galaxy") describe; a term the text repeats ("lower opportunity cost") names.
            # A capital only because the phrase opens its sentence ("Later economists") is no name (document).
            lowered = ans.text[:1].islower() or (document and ans.start == fact.span.start and len(content) > 1
                                                 and ans.text[1:] == ans.text[1:].lower()
                                                 and known_word(core[0], doc.pack.code))
            if common and (lowered or (len(content) == 1 and not lexicon_kind(ans.text, doc.pack.code))):
                w *= GENERIC
        if self.weekdays & set(core) and set(core) <= self.day_time_words:
            w *= GENERIC  # "the launch was planned for ____" (Tuesday night): which weekday is no fact worth asking
        if any(ch.isdecimal() for ch in ans.text) and self._known_amount(ans):
            w *= GENERIC  # "Una rivoluzione completa dura circa ____" (365 giorni): known without the text
        if fact.kind in ("concept", "phrase") and len(content) == 1 and ans.text.islower() \
                and content[0].endswith(self.abstract_endings) and self.df[content[0]] <= 1 \
                and self.long_text:
            w *= ABSTRACT  # "il livello di ____ tra le aziende" (rivalità): competizione and concorrenza fit too
        if self.news and fact.kind in ("concept", "phrase") and len(content) == 1 and ans.text.islower():
            # "watched the launch live in ____" (classrooms), "i due ____ hanno preso posto" (aeronauti): a
            # report's one lower-case word has synonyms the key refuses (blind reviews 30-51 kept 5 of 32).
            w *= GENERIC
        if content and (" ".join(content) in self.forms_of_address or set(content) <= self.forms_of_address):
            w *= GENERIC  # "alla presenza di ____" (Sua Maestà), "il ____ ha assistito" (Sovrano): the style, not who
        if fact.kind in ("concept", "phrase") and len(content) >= 2 and self.topic and ans.text.islower():
            head = content[0] if doc.pack.get("phrase_head") == "first" else content[-1]
            if head in self.topic:
                w *= TOPIC_HEAD  # "lo sviluppo delle ____" (batterie di prossima generazione): "batterie" is the text
        if fact.kind in ("concept", "phrase") and self.long_text and set(core) & self.evaluative:
            w *= GENERIC  # "Federer's triumph completed a ____" (remarkable comeback): the reporter's judgement
        if fact.kind in ("concept", "phrase") and self._hollow(content):
            w *= GENERIC  # "raggiungere gli ____" (obiettivi prefissati): an aim, not which
        if fact.kind in ("concept", "phrase") and any(x in self.verbs for x in core[1:]):
            w *= CLAUSE  # "Economists measure inflation": a clause, not a term
        elif fact.kind in ("concept", "phrase") and (ans.text.islower() or (self.long_text and ans.start == fact.span.start)) \
                and (verb_like(core[0], doc.pack.code, doc.pack.verb_suffixes) or self._infinitive(ans)):
            w *= CLAUSE  # "il CASIP mira a ____ e a produrre" (sviluppare), "a ____ allo stato solido" (produrre batterie)
        return w

    def _infinitive(self, ans) -> bool:
        """Tell whether a blank opens with an infinitive its preposition governs ("mira a ____": produrre batterie)."""
        endings = self.doc.pack.get("worth", {}).get("infinitive_endings", ())
        before = self.doc.text[max(0, ans.start - 12):ans.start].split()
        first = ans.text.split()[0].lower() if ans.text.split() else ""
        return bool(endings) and bool(before) and before[-1].lower() in self.doc.pack.get("worth", {}).get(
            "infinitive_markers", ()) and first.endswith(tuple(endings)) and len(first) > 5

    def _peripheral(self, fact: Fact, core: list[str]) -> bool:
        """Tell whether a person is named once, only for their reaction or in a roll call of four or more."""
        surname = next((x for x in reversed(core) if x[:1].isalpha()), "")
        if not surname or self.df[surname] > 1:
            return False
        sentence = fact.span.text
        if self.reaction and self.reaction.search(sentence):
            return True
        names = re.findall(r"\b([A-Z][a-zà-ÿ]+) [A-Z][\w'’-]+", sentence)
        return sum(1 for n in names if n in given_names()) >= ROLL_CALL

    def _known_amount(self, ans) -> bool:
        """Tell whether an amount is one every student knows ("365 giorni", "24 hours"), its unit in or after it."""
        said = normalise(ans.text).replace(",", "").replace(".", "")
        unit = re.match(r"\s*([^\W\d_]+)", self.doc.text[ans.end:ans.end + 20])
        return said in self.known_amounts or (unit is not None
                                              and f"{said} {normalise(unit.group(1))}" in self.known_amounts)

    def _hollow(self, content: list[str]) -> bool:
        """Tell whether a phrase is a hollow noun and a participle ("obiettivi prefissati", "results obtained")."""
        if len(content) != 2 or not self.hollow_nouns:
            return False
        return any(a in self.hollow_nouns and b.endswith(self.participle_endings) and len(b) > 4
                   for a, b in (content, content[::-1]))

    def _after_conjunction(self, before: str, after: str) -> bool:
        """Tell whether a blank opens the second half of a coordination of two nouns ("lo sviluppo e ____")."""
        words = before.split()
        return len(words) >= 2 and words[-1].lower() in self.conjunctions and words[-2].isalpha() \
            and words[-2].lower() not in self.doc.pack.stopwords and not words[-2][:1].isupper() \
            and "," not in before[-40:]

    def _inside_list(self, before: str, after: str) -> bool:
        """Tell whether a blank is an item, not the last, of a list of three or more (", ____,", "come ____, Genova e …")."""
        if before.rstrip().endswith(",") and after.lstrip().startswith(","):
            return True
        conj = self.conjunction_re
        if not conj:
            return False
        # (Document) The first of three or more items: any other item of such a list would answer as well.
        # A paragraph keeps it, as the development paragraphs ask such items (0.002 of recall).
        if self.document and re.match(
                r"\s*,\s*[^,.;:]{1,40},\s*[^,.;:]{1,40}|\s*,\s*[^,.;:]{1,40}\s(?:%s)\s" % conj, after):
            return True
        m = re.search(r",\s+(\w+['’]?)\s*$", before)
        return bool(m) and m.group(1).lower() in self.doc.pack.stopwords and bool(
            re.match(r"\s*(?:,|\s(?:%s)\s)" % conj, after))

    def _verb_or_notation(self, fact: Fact, ans, core: list[str]) -> bool:
        """Tell whether a blank is a verb phrase, a clause, a symbol or the writer's judgement, not a fact.

        "any legal challenges ____" (are resolved), "vengono ____" (inviati impulsi laser),
        "made up of ____" (everyone who is either employed), "where ____ (rho) is the density",
        "____ i danni" (Gravissimi), "quanto ____ sia il progetto" (ambizioso). (A long text: paragraphs keep them, as the development sets ask some.)
        """
        if fact.kind not in ("concept", "phrase", "pair", "definition", "entity", "list"):
            return False
        text = ans.text.strip()
        if len(text) == 1 and not text.isdecimal():
            return True
        before = self.doc.text[max(0, ans.start - 30):ans.start].lower().split()[-1:]
        if core[0] in self.verb_openers:
            return True
        if before and before[0] in self.verb_openers and len(core) > 1 and (
                core[0].endswith(self.participle_endings)
                or verb_like(core[0], self.doc.pack.code, self.doc.pack.verb_suffixes)):
            return True
        if any(x in self.relative_pronouns for x in core[1:-1]):
            return True
        # "una struttura nazionale capace di gestire | rapidamente le calamità": cut after a verb, before its object.
        if len(core) >= 3 and core[-2] in self.infinitive_markers and self.infinitive_endings \
                and core[-1].endswith(self.infinitive_endings) and len(core[-1]) > 5:
            return True
        if len(core) == 1 and before and before[0] in self.degree_words:
            return True  # "per comprendere quanto ____ sia il progetto" (ambizioso)
        return len(core) == 1 and bool(self.evaluative_endings) and core[0].endswith(self.evaluative_endings)

    def _complement(self, answer: str, before: str, after: str) -> bool:
        """Tell whether a share is 100 less another share of its sentence ("____ to 37.9 per cent": 62.1)."""
        share = _PERCENT_AFTER.match(after) or "%" in answer
        values = _figures(answer, self.doc.pack)
        if not share or len(values) != 1 or values[0] == 50:
            return False
        return any(abs(values[0] + v - 100) < 0.05 for v in _figures(before + " " + after, self.doc.pack))

    def _ends_word_list(self, before: str) -> bool:
        """Tell whether a blank is the last item of a list of single lower-case words ("walls, roofs, ____")."""
        conj = self.conjunction_re
        m = re.search(r"(?:^|\s)([^\W\d_]+),\s+([^\W\d_]+)(?:,\s*|,?\s+(?:%s)\s+)$" % (conj or "(?!)"), before)
        if not m:
            return False
        first, second = m.groups()
        # The first item may open the sentence ("Shiny, white or ____ surfaces").
        first = first.lower() if m.start() == 0 else first
        return all(x.islower() and x not in self.doc.pack.stopwords for x in (first, second))

    def _house_number(self, answer: str, before: str, after: str) -> bool:
        """Tell whether a number is a house number: a street word within two words of it ("10 Downing Street")."""
        if not re.fullmatch(r"\d{1,4}[a-z]?", answer.strip()):
            return False
        near = before.lower().split()[-2:] + after.lower().replace(",", " ").split()[:3]
        return bool(self.street_words & set(near))

    def _hour_in_words(self, answer: str, before: str, after: str) -> bool:
        """Tell whether a number in words is an hour of the day ("verso le dieci", "ten o'clock")."""
        if answer.strip()[:1].isdecimal() or not 1 <= (self._number_of(answer) or 0) <= 12:
            return False
        pack = self.doc.pack
        low_before, low_after = before.lower().rstrip(), after.lower().lstrip()
        return any(low_before.endswith(" " + c) or low_before == c for c in pack.get("hour_before", ())) \
            or any(low_after.startswith(c) for c in pack.get("hour_after", ()))

    def _cut_before_agent(self, answer: str, after: str) -> bool:
        """Tell whether a phrase ends in a participle whose agent follows it ("curva studiata | da Agnesi")."""
        words = answer.split()
        agents, endings = self.doc.pack.get("agent_words", ()), tuple(self.doc.pack.get("participle_endings", ()))
        following = after.split()[:1]
        return len(words) >= 2 and words[-1].islower() and words[-1].endswith(endings) and bool(endings) \
            and bool(following) and following[0].lower() in agents

    def _counted_from(self, answer: str, before: str, after: str) -> bool:
        """Tell whether a year is the article's year or the sentence's other year less an age or a span it states."""
        if self.years_counted is None or not _YEAR_IN.fullmatch(answer.strip()):
            return False
        context = before + " " + after
        return bool(self.years_counted.search(context)) and (self.dated is not None or bool(_YEAR_IN.search(context)))

    def _one_more(self, answer: str, before: str) -> bool:
        """Tell whether a number is the one after the number or weekday before it.

        "per due o ____ anni" (tre), "lunedì ____ e martedì 30 gennaio" (29): the range or the
        calendar gives it.
        """
        words = before.split()[-2:]
        first = answer.split()[0].lower() if answer.split() else ""
        if words and normalise(words[-1]) in self.weekdays and first.isdecimal() and 1 <= int(first) <= 31:
            return True
        one, other = self._number_of(first), self._number_of(words[0]) if words else None
        return len(words) == 2 and words[1].lower() in self.conjunctions and None not in (one, other) \
            and one == other + 1

    def _known_year(self, answer: str, fact: Fact) -> bool:
        """Tell whether a year is the one everybody knows of an event its sentence names (1789, the French Revolution)."""
        cues = (self.doc.pack.get("famous_years") or {}).get(answer.strip(), ())
        sentence = f" {normalise(fact.span.text)} "
        return any(f" {normalise(c)} " in sentence for c in cues)

    def _share_of_a_whole(self, ans, before: str, after: str) -> bool:
        """Tell whether a percentage and the sentence's other percentages make a hundred.

        "about 45 per cent mineral matter, ____ organic matter and 50 per cent pore space":
        the blank is 100 less the others, and a near miss is right "about" as well.
        """
        words = "|".join(re.escape(w) for w in sorted(self.doc.pack.get("percent_words", ()), key=len, reverse=True))
        if not words:
            return False
        share = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:" + words + r")(?!\w)", re.IGNORECASE)
        mine = share.match(ans.text + after)
        if not mine:
            return False
        values = [self._amount_value(m.group(1)) for m in share.finditer(before + " " + after[mine.end() - len(ans.text):])]
        values = [v for v in values if v is not None]
        total = sum(values) + (self._amount_value(mine.group(1)) or 0)
        return len(values) >= 2 and abs(total - 100) <= 1

    def _clock_minutes(self, answer: str, before: str) -> bool:
        """Tell whether a number is the minutes after an hour and "e" ("alle 5 e ____")."""
        if not answer.strip().isdecimal() or not self.conjunctions:
            return False
        words = normalise(before[-30:]).split()
        cues = [c.split() for c in self.doc.pack.get("clock_before", ())]
        return len(words) >= 3 and words[-1] in self.conjunctions and words[-2].isdecimal() \
            and any(words[-2 - len(c):-2] == c for c in cues)

    def _one_less(self, answer: str, after: str) -> bool:
        """Tell whether a number is the one before the number after it ("dopo ____ o sei settimane": cinque).

        The word after the conjunction is read with every number word a free answer may use
        ("sei", which alone may be a verb, is a number there).
        """
        m = re.match(r"\s+(\S+)\s+(\S+)", after)
        one = self._number_of(answer.split()[0]) if answer.split() else None
        if not m or one is None or m.group(1).lower() not in self.conjunctions:
            return False
        return self._number_of(m.group(2).strip(",;."), every_word=True) == one + 1

    def _rough_series(self, answer: str, after: str) -> bool:
        """Tell whether a number opens a run of rough figures ("sforzi di ____, venti e anche più ore": quindici)."""
        m = re.match(r"\s*,\s*(\S+)\s+(\S+)", after)
        if not m or self._number_of(answer.split()[0] if answer.split() else "") is None:
            return False
        return m.group(2).lower() in self.conjunctions and self._number_of(m.group(1), every_word=True) is not None

    def _number_of(self, word: str, every_word: bool = False) -> int | None:
        """Return the whole number a word writes in figures or in the language's words ("tre", "12"), or None.

        Number words that are other words too ("sei", "you are") count only with ``every_word``,
        where the place itself says a number stands there ("cinque o sei").
        """
        word = word.strip(",")
        words = self.doc.pack.get("answer_number_words" if every_word else "number_words") or {}
        return int(word) if word.isdecimal() else words.get(normalise(word))

    def _counted_after(self, answer: str, after: str) -> bool:
        """Tell whether a count is followed by the items it counts ("in ____ regioni, Toscana, Umbria e Marche")."""
        n = self._number_of(answer)
        if not n or not 2 <= n <= 12:
            return False
        # (A document's count may stand right before its list: "solo ____, conservati a Dresda, Madrid, …".)
        noun = r"(?:\s+[^\W\d_]+(?:\s+[\w'’]+){0,3})" + ("?" if self.document else "")
        m = re.match(noun + r"\s*([,:(])\s*([^.;()]*)", after)
        if not m or not self.conjunctions:
            return False
        items = [x for x in re.split(r",\s*|\s+(?:%s)\s+" % "|".join(map(re.escape, self.conjunctions)), m.group(2))
                 if x.strip()]
        # A colon announces the items whatever their case ("in tre modi: per strofinio, per contatto
        # … e per induzione", "i tre fratelli del sovrano: il duca di York, …").
        if m.group(1) == ":":
            return len(items) >= n
        # Names, each item holding one ("conservati a Dresda, Madrid, Parigi e Città del Messico", documents).
        capital = [x for x in items[:n + 1] if (any(w[:1].isupper() for w in x.split()) if self.document
                                                 else x.strip()[:1].isupper())]
        return len(capital) == n

    def _shared_complement(self, answer: str, after: str) -> bool:
        """Tell whether the answer ends inside a complement of two nouns ("produttori di batterie | e auto")."""
        words = answer.split()
        pack = self.doc.pack
        links = {x for x in pack.get("phrase_links", ()) if " " not in x and x not in self.conjunctions}
        if len(words) < 3 or words[-2].lower() not in links:
            return False
        m = re.match(r"\s+(\w+)\s+([^\W\d_]+)", after)
        return bool(m) and m.group(1).lower() in self.conjunctions and m.group(2).islower() \
            and m.group(2) not in pack.stopwords and m.group(2) not in pack.articles

    def _in_fixed_phrase(self, answer: str, before: str, after: str) -> bool:
        """Tell whether the answer is the inner word of one of the language's fixed phrases ("in virtù di")."""
        by_word = _fixed_phrases(self.doc.pack.code, tuple(self.doc.pack.get("fixed_phrases", ())))
        words = normalise(answer).split()
        # Every word of the answer belongs to the phrase ("a ____" for "livello globale" of "a livello globale").
        phrases = [p for p in by_word.get(words[-1], ()) if all(f" {w} " in f" {p} " for w in words)] if words else []
        if not phrases:
            return False
        here = f" {normalise(f'{before[-30:]} {answer} {after[:20]}')} "
        return any(f" {p} " in here for p in phrases)

    def _event_name_year(self, answer: str, before: str, sentence: str, after: str = "") -> bool:
        """Tell whether a year stands by its host city in a recurring event's name.

        "the Rio de Janeiro 2016 Games", "the 2000 Sydney Olympic Games": the city and the
        Games give the year away. ("at the Olympics in 2016, in Rio" states when, and is asked.)
        """
        if not _YEAR_IN.fullmatch(answer):
            return False
        events = self.doc.pack.get("recurring_events", {})
        own = {w for e in events for w in normalise(e).split()}
        m = re.search(r"([A-Z][\w'’-]+)\s+$", before)
        city_after = re.match(r"\s+([A-Z][\w'’-]+)", after) if self.document else None
        if city_after and normalise(city_after.group(1)) not in own:
            near = f" {normalise(after[:40])} "
            return any(f" {normalise(e)} " in near for e in events)
        if not m or m.group(1).lower() in self.doc.pack.get("months", ()):
            return False
        near = f" {normalise(sentence)} "
        return any(f" {normalise(e)} " in near for e in events)

    def _repeated_term(self, content: list[str]) -> bool:
        """Tell whether two neighbouring words of a phrase recur as a term in the text ("opportunity cost")."""
        if self._pairs is None:
            # Counted once per text: a 1 MB text would otherwise be searched once per phrase.
            words = self.doc.norm_text.split()
            self._pairs = Counter(zip(words, words[1:]))
        return any(self._pairs[(a, b)] >= 2 for a, b in zip(content, content[1:]))


def _next_in_series(answer: str, before: str, conjunctions: str) -> bool:
    """Tell whether a number follows the one before it in a series ("Spedizioni 36 e ____": 37)."""
    m = re.search(r"(\d+) (?:%s) $" % conjunctions, before)
    return bool(m) and answer.strip().isdecimal() and int(answer) == int(m.group(1)) + 1


@lru_cache(maxsize=8)
def _fixed_phrases(lang: str, phrases: tuple[str, ...]) -> dict[str, list[str]]:
    """Return the language's fixed phrases (normalised) by each of their words that is not a grammar word.

    "in virtù di" by "virtù", "equilibri di potere" by "equilibri" and "potere": a blank on one
    of them asks for the wording of an idiom.
    """
    stop = load_pack(lang).stopwords
    out: dict[str, list[str]] = {}
    for p in phrases:
        words = normalise(p).split()
        for w in words:
            if w not in stop:
                out.setdefault(w, []).append(" ".join(words))
    return out


_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:[.,]\d{3})+(?![\d])|(?<![\d.,])\d+(?![\d.,]\d)")


# Kinds of facts whose answer is a name: "Charles Babbage" is no phrase about the topic "Babbage".
_NAME_KINDS = frozenset({"person", "organization", "place", "country", "entity", "acronym"})
# Lexicon kinds of places: a place's name never runs on into a person's.
_PLACE_KINDS = {"country", "city", "region", "river", "mountain", "body_of_water"}


def _quoted(before: str, after: str) -> bool:
    """Tell whether the blank fills a whole quotation: an opening mark just before it, a closing one just after."""
    return before.rstrip()[-1:] in "\"“«" and bool(re.match(r"\s*[,.;:!?]?[\"”»]", after))


def _as_int(text: str) -> int | None:
    """Read an integer written with or without thousands separators ("1.009", "1,009", "630"), or None."""
    digits = re.sub(r"[.,]", "", text)
    return int(digits) if digits.isdecimal() and len(digits) <= 9 else None


# A box's sides ("34 by 18 by 9 centimetres", "34 x 18 x 9"): the one between the others says nothing.
_DIMENSION_BEFORE = re.compile(r"\d\s*(?:by|per|x|×)\s+$")
_DIMENSION_AFTER = re.compile(r"^\s*(?:[^\W\d_]+\s+)?(?:by|per|x|×)\s*\d")


def _dimension_middle(before: str, after: str) -> bool:
    """Tell whether a number is the middle one of three sides ("roughly 34 by ____ by 9 centimetres")."""
    return bool(_DIMENSION_BEFORE.search(before) and _DIMENSION_AFTER.match(after))


def _summed(answer: str, before: str, after: str = "") -> bool:
    """Tell whether the answer's number is a stated sum or one of its parts ("1.009 …: 630, 321 … e 58"),
    or a product or one of its factors.

    Either way a question on it is arithmetic on the prompt, and a swapped part makes
    a false statement that its own sentence refutes.
    """
    m = _NUMBER.search(answer)
    value = _as_int(m.group(0)) if m else None
    if value is None or value < 10:
        return False
    numbers = [v for v in (_as_int(x) for x in _NUMBER.findall(before)) if v is not None] + [value] + \
        [v for v in (_as_int(x) for x in _NUMBER.findall(after)) if v is not None]
    at = len([x for x in _NUMBER.findall(before) if _as_int(x) is not None])
    if len(numbers) < 3 or len(numbers) > 12:
        return False
    totals = set(numbers)
    # A worked example: the answer is the product of two numbers of its sentence, or one of its factors
    # ("a 230 V supply … 10 A … a power of 2,300 W").
    others = [v for k, v in enumerate(numbers) if k != at and v >= 2]
    if value >= 2 and any(x * y == value or value * x == y for i, x in enumerate(others) for y in others[i + 1:]) \
            or any(value * x == y or value * y == x for i, x in enumerate(others) for y in others[i + 1:]):
        return True
    # Consecutive runs only: the parts of a sum are listed together.
    for a in range(len(numbers)):
        total = 0
        for b in range(a, min(a + 5, len(numbers))):
            total += numbers[b]
            if b > a and total in totals and (a <= at <= b or total == value) \
                    and numbers.index(total) not in range(a, b + 1):
                return True
    return False


# A number in figures, with thousands or decimal separators; not part of a word or code ("67P").
_FIGURE = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![^\W\d_])")


def _figures(text: str, pack) -> list[float]:
    """Return the values of the numbers written in figures in ``text``, read with the language's separators."""
    dec, thou = pack.get("decimal_sep", "."), pack.get("thousands_sep", ",")
    out = []
    for m in _FIGURE.finditer(text):
        s = m.group(0)
        if re.fullmatch(r"\d{1,3}(?:" + re.escape(thou) + r"\d{3})+", s):
            s = s.replace(thou, "")
        elif s.count(dec) == 1 and thou not in s:
            s = s.replace(dec, ".")
        try:
            value = float(s)
        except ValueError:
            continue
        if math.isfinite(value):  # "1" written 400 times is no amount
            out.append(value)
    return out


@lru_cache(maxsize=1 << 16)
def _piece_words(piece: str) -> tuple[str, ...]:
    """Return the normalised words of one whitespace-free piece of text (cached apart from ``normalise``'s own cache)."""
    return tuple(normalise.__wrapped__(piece).split())


def _context_words(text: str) -> list[str]:
    """Return ``normalise(text).split()``, read piece by piece.

    Normalising works character by character and never joins across white space, so the
    words of the whole are the words of its pieces; a sentence's pieces recur across the
    facts of a text, whose contexts are each new strings.
    """
    return [word for piece in text.split() for word in _piece_words(piece)]


def _fewer_words(text: str, n: int) -> bool:
    """Tell whether fewer than ``n`` of the words of ``text`` hold a letter or a digit (read up to the n-th)."""
    if n <= 0:
        return False
    count = 0
    for x in text.split():
        if any(ch.isalnum() for ch in x):
            count += 1
            if count >= n:
                return False
    return True


def _echoed(context: str, core: list[str]) -> bool:
    """Tell whether the sentence around a blank holds a word made from the answer's last word ("amperes", "italiano")."""
    last = core[-1] if core else ""
    if len(last) < 4 or not last.isalpha():
        return False
    stem = last[:max(4, len(last) - 1)]
    if context.isascii():
        # An ASCII text's normalised words are runs of its lower-cased letters: neither piece, no echo.
        low = context.lower()
        if stem not in low and last not in low:
            return False
    # "i microvilli" spells "villi": a compound ending in the answer gives it away too.
    return any(word.startswith(stem) or (len(word) > len(last) and word.endswith(last))
               for word in _context_words(context))
