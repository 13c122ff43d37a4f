"""GIFT parsing, table-driven: one GIFT snippet, what quizapp reads from it (Moodle's documented syntax)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.imports.gift import find, parse_gift, split, unescape
from quizapp.imports.records import MAX_ITEMS, DamagedFile, check

# (GIFT text, kind, prompt, options, correct, tolerance)
READ = [
    ("Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}",
     "single", "Who's buried in Grant's tomb?", ("Grant", "Jefferson", "no one"), (2,), 0.0),
    ("Grant is {~buried =entombed ~living} in Grant's tomb.",
     "single", "Grant is ____ in Grant's tomb.", ("buried", "entombed", "living"), (1,), 0.0),
    ("Grant was buried in a tomb in New York City.{T}", "true_false", "Grant was buried in a tomb in New York City.", (), (0,), 0.0),
    ("The sun rises in the West.{FALSE#Wrong.#Right.}", "true_false", "The sun rises in the West.", (), (1,), 0.0),
    ("Is it true? {TRUE}", "true_false", "Is it true?", (), (0,), 0.0),
    ("Is it false? {F}", "true_false", "Is it false?", (), (1,), 0.0),
    ("Who's buried in Grant's tomb?{=Grant =Ulysses S. Grant}", "short", "Who's buried in Grant's tomb?", (),
     ("Grant", "Ulysses S. Grant"), 0.0),
    ("Two plus two equals {=four =4}.", "cloze", "Two plus two equals ____.", (), ("four", "4"), 0.0),
    ("Two plus two equals ____. {=four}", "cloze", "Two plus two equals ____.", (), ("four",), 0.0),
    ("When was Grant born?{#1822:5}", "numeric", "When was Grant born?", (), (1822.0,), 5.0),
    ("Pi to 3 places? {#3.141..3.142}", "numeric", "Pi to 3 places?", (), (3.1415,), 0.0005),
    ("How many? {#3}", "numeric", "How many?", (), (3.0,), 0.0),
    ("Negative? {#-2.5:0.5}", "numeric", "Negative?", (), (-2.5,), 0.5),
    ("Born? {#=1822:0 =%50%1822:2}", "numeric", "Born?", (), (1822.0,), 0.0),
    ("Born? {#=1822:0#Right =1822#Same}", "numeric", "Born?", (), (1822.0,), 0.0),
    ("Which two? {~%50%a ~%50%b ~%-100%c}", "multiple", "Which two?", ("a", "b", "c"), (0, 1), 0.0),
    ("Which one? {~%100%a ~%-50%b ~%-50%c}", "multiple", "Which one?", ("a", "b", "c"), (0,), 0.0),
    ("Equals 5? {~ \\= 2 + 2 = \\= 2 + 3}", "single", "Equals 5?", ("= 2 + 2", "= 2 + 3"), (1,), 0.0),
    ("Braces \\{ and \\} and \\: and \\# and \\~ and \\\\ ok? {T}", "true_false",
     "Braces { and } and : and # and ~ and \\ ok?", (), (0,), 0.0),
    ("Line one\\nline two? {T}", "true_false", "Line one\nline two?", (), (0,), 0.0),
    ("A path C:\\temp stays? {T}", "true_false", "A path C:\\temp stays?", (), (0,), 0.0),
    ("[html]<p>Is <b>this</b> &amp; that bold?</p>{=<i>yes</i> ~no}", "single", "Is this & that bold?", ("yes", "no"), (0,), 0.0),
    ("[markdown]Is **this** bold?{T}", "true_false", "Is this bold?", (), (0,), 0.0),
    ("[moodle]Plain *text* stays?{T}", "true_false", "Plain *text* stays?", (), (0,), 0.0),
    ("[plain]<b>kept</b>?{T}", "true_false", "<b>kept</b>?", (), (0,), 0.0),
    ("::Title::Question?{=a ~b}", "single", "Question?", ("a", "b"), (0,), 0.0),
    # quizapp's own export writes a true/false question as a two-option choice: it reads back as true/false.
    ("Vero o falso? {=Falso ~Vero}", "true_false", "Vero o falso?", (), (1,), 0.0),
    ("True or false? {=True ~False}", "true_false", "True or false?", (), (0,), 0.0),
    ("Multi-line\nquestion? {\n=right\n~wrong\n}", "single", "Multi-line\nquestion?", ("right", "wrong"), (0,), 0.0),
]


@pytest.mark.parametrize(("source", "kind", "prompt", "options", "correct", "tolerance"), READ, ids=[r[0][:40] for r in READ])
def test_a_gift_question_reads_as_its_kind(source, kind, prompt, options, correct, tolerance):
    result = parse_gift(source)
    assert not result.skipped, result.skipped
    (question,) = result.questions
    assert (question.kind, question.prompt, question.options) == (kind, prompt, options)
    assert question.correct == pytest.approx(correct) if kind == "numeric" else question.correct == correct
    assert question.tolerance == pytest.approx(tolerance)
    assert question.line == 1 and question.number == 1


# (GIFT text, reported type, reason code, detail)
SKIP = [
    ("Write about it. {}", "essay", "unsupported", "essay"),
    ("Write about it. {####Any answer will do.}", "essay", "unsupported", "essay"),
    ("Match. {=a -> 1 =b -> 2}", "matching", "unsupported", "matching"),
    ("Just a description.", "description", "unsupported", "description"),
    ("Unclosed {=a ~b", "?", "damaged", "unclosed"),
    ("Two {=a} blocks {=b}", "?", "damaged", "braces"),
    ("Stray } brace {T}", "?", "damaged", "braces"),
    ("::Untitled {T}", "?", "damaged", "title"),
    ("Stray word {x =a}", "shortanswer", "damaged", "answers"),
    ("Stray word {x ~a =b}", "multichoice", "damaged", "answers"),
    ("Not a number {#abc}", "numerical", "bad_number", "abc"),
    ("Backwards range {#5..1}", "numerical", "bad_number", "5..1"),
    ("Negative tolerance {#5:-1}", "numerical", "bad_number", "5:-1"),
    ("Two numbers {#=1 =2}", "numerical", "several_right_answers", ""),
    ("Only wrong {~a ~b}", "multiple", "no_right_answer", ""),
    ("Two right {=a =b ~c}", "single", "several_right_answers", ""),
    ("One option {=a ~}", "single", "empty_option", ""),
    ("Same options {=a ~a}", "single", "same_options", ""),
    ("Short, only partial {=%50%a}", "short", "no_right_answer", ""),
    ("Many {=o0 " + " ".join(f"~o{i}" for i in range(1, 13)) + "}", "single", "too_many_options", "13"),
    ("x" * 2001 + " {T}", "true_false", "too_long", "prompt"),
    ("Long answer {=" + "a" * 301 + "}", "short", "too_long", "answer"),
]


@pytest.mark.parametrize(("source", "qtype", "code", "detail"), SKIP, ids=[r[0][:30] for r in SKIP])
def test_a_gift_item_quizapp_cannot_hold_is_reported_with_its_reason(source, qtype, code, detail):
    result = parse_gift(source)
    assert not result.questions
    (skipped,) = result.skipped
    assert (skipped.qtype, skipped.reason.code, skipped.reason.detail) == (qtype, code, detail)
    assert skipped.line == 1


# (GIFT text, notes on the imported question)
NOTES = [
    ("Q? {=a#Right ~b#Wrong}", ("answer_feedback_dropped",)),
    ("Q? {=a ~%50%b ~c}", ("partial_credit_dropped",)),
    ("Q? {~%50%a ~%50%b ~%-100%c ~%-100%d}", ("weights_equalised",)),
    ("Q? {~%50%a ~%50%b ~%-50%c ~%-50%d}", ()),
    ("Q? {~%33.33333%a ~%33.33333%b ~%33.33333%c ~%-100%d}", ()),
    ("Q? {~%50%a ~%50%b ~c}", ()),  # no penalty written: quizapp's penalty is its own, not a changed weight
    ("Q? {=a* =b}", ("wildcard_literal",)),
    ("[html]Q <img src='x.png'>? {T}", ("images_dropped",)),
    ("Q? {T#Wrong#Right}", ("answer_feedback_dropped",)),
]


@pytest.mark.parametrize(("source", "codes"), NOTES, ids=[r[0] for r in NOTES])
def test_what_an_import_changes_is_noted_on_the_question(source, codes):
    (question,) = parse_gift(source).questions
    assert tuple(note.code for note in question.notes) == codes


def test_blocks_comments_categories_titles_points_and_lines():
    source = "\n".join([
        "// a comment",
        "$CATEGORY: $course$/Geo\\: maps",
        "",
        "// points: 2.5",
        "::Q1::[plain]First? {T}",
        "",
        "",
        "   // indented comment",
        "Second",
        "// a comment inside",
        "line? {=a ~b ####Because.}",
        "",
        "$CATEGORY: other",
        "Third? {#1}",
    ])
    result = parse_gift(source)
    assert result.categories == ("$course$/Geo: maps", "other")
    first, second, third = result.questions
    assert (first.line, first.name, first.points, first.category) == (5, "Q1", 2.5, "$course$/Geo: maps")
    assert (second.line, second.prompt, second.explanation, second.points) == (9, "Second\nline?", "Because.", 1.0)
    assert (third.line, third.category, third.number) == (14, "other", 3)


def test_escapes_are_read_in_one_pass():
    assert unescape("a\\\\nb") == "a\\nb"  # an escaped backslash then n, not a line break
    assert unescape("\\=\\~\\#\\{\\}\\:") == "=~#{}:"
    assert find("a\\{b{", "{") == 4 and find("\\{", "{") == -1
    assert split("=a\\~b~c", "=~") == [("", ""), ("=", "a\\~b"), ("~", "c")]


def test_a_file_with_too_many_questions_is_refused():
    with pytest.raises(DamagedFile) as raised:
        parse_gift("\n\n".join("Q? {T}" for _ in range(MAX_ITEMS + 1)))
    assert raised.value.code == "too_many_items"


def test_parsed_records_are_immutable():
    (question,) = parse_gift("Q? {T}").questions
    with pytest.raises(AttributeError):
        question.prompt = "changed"  # type: ignore[misc]


GIFT_ALPHABET = "ab ~=#{}:\\\n%-.0123456789>[]/$TF_<"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=GIFT_ALPHABET, max_size=200))
def test_any_text_reads_as_questions_or_reports_never_an_error(source):
    try:
        result = parse_gift(source)
    except DamagedFile as error:
        assert error.code == "too_many_items"
        return
    numbers = sorted([q.number for q in result.questions] + [s.number for s in result.skipped])
    assert numbers == list(range(1, result.items + 1))  # every item is accounted for, once
    for question in result.questions:
        assert check(question) is None
