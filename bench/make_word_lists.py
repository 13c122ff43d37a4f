"""Write the English word lists under quizapp/generator/data from the Brill lexicon TextBlob ships.

    .venv/bin/pip install textblob && .venv/bin/python bench/make_word_lists.py

The generator reads them to keep verbs ("expects", "approve") and adverbs
("typically", "formerly") out of English noun-phrase answers; its lemmatiser alone
cannot tell "expects" (a verb) from "trains" (a noun), nor "formerly" from "family".
Only words whose most frequent tag is a verb, or an adverb ending in -ly, are kept.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "quizapp" / "generator" / "data"
REGENERATE = "# Regenerate: .venv/bin/pip install textblob && .venv/bin/python bench/make_word_lists.py\n"
LISTS = {
    "en_verbs.txt": ("a verb (tags VB, VBZ, VBP, VBD, MD)", {"VB", "VBZ", "VBP", "VBD", "MD"}, ""),
    "en_adverbs.txt": ("an adverb ending in -ly (tags RB, RBR, RBS)", {"RB", "RBR", "RBS"}, "ly"),
}


def main() -> int:
    """Read the lexicon and write each list."""
    lexicon = files("textblob") / "en" / "en-lexicon.txt"
    entries = [line.split() for line in lexicon.read_text(encoding="utf-8").splitlines() if not line.startswith(";;;")]
    for name, (what, tags, ending) in LISTS.items():
        words = {p[0] for p in entries if len(p) == 2 and p[1] in tags and p[0].isalpha() and p[0].islower()
                 and p[0].endswith(ending)}
        header = (f"# English words whose most frequent part of speech is {what},\n"
                  "# taken from the Brill lexicon shipped in TextBlob (textblob/en/en-lexicon.txt, MIT licence).\n"
                  + REGENERATE)
        (DATA / name).write_text(header + "\n".join(sorted(words)) + "\n", encoding="utf-8")
        print(f"wrote {len(words)} words to {DATA / name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
