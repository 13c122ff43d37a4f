"""Write quizapp/generator/data/en_verbs.txt from the Brill lexicon that TextBlob ships.

    .venv/bin/pip install textblob && .venv/bin/python bench/make_verb_list.py

The generator reads the list to keep verbs ("expects", "approve") out of
English noun-phrase answers; its lemmatiser alone cannot tell "expects" (a verb)
from "trains" (a noun). Only words whose most frequent tag is a verb are kept.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "quizapp" / "generator" / "data" / "en_verbs.txt"
VERB_TAGS = {"VB", "VBZ", "VBP", "VBD", "MD"}
HEADER = """\
# English words whose most frequent part of speech is a verb (tags VB, VBZ, VBP, VBD, MD),
# taken from the Brill lexicon shipped in TextBlob (textblob/en/en-lexicon.txt, MIT licence).
# Regenerate: .venv/bin/pip install textblob && .venv/bin/python bench/make_verb_list.py
"""


def main() -> int:
    """Read the lexicon and write the verb list."""
    lexicon = files("textblob") / "en" / "en-lexicon.txt"
    verbs = set()
    for line in lexicon.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 2 and not line.startswith(";;;") and parts[1] in VERB_TAGS:
            if parts[0].isalpha() and parts[0].islower():
                verbs.add(parts[0])
    OUT.write_text(HEADER + "\n".join(sorted(verbs)) + "\n", encoding="utf-8")
    print(f"wrote {len(verbs)} verbs to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
