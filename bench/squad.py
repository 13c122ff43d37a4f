"""Read SQuAD-format files and score answers the SQuAD way (shared by the bench and the trainer)."""

from __future__ import annotations

import collections
import gzip
import json
import re
import string
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"


def load(path: str | Path) -> list[dict]:
    """Return the articles of a SQuAD v1.1 JSON file (plain or gzipped)."""
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return json.load(fh)["data"]


def normalize_answer(s: str) -> str:
    """Lower-case, drop punctuation, English articles and extra spaces (the SQuAD v1.1 script)."""
    s = s.lower()
    s = "".join(ch for ch in s if ch not in set(string.punctuation) | {"’", "‘", "“", "”", "«", "»"})
    s = re.sub(r"\b(a|an|the)\b", " ", s)
    return " ".join(s.split())


def f1(prediction: str, gold: str) -> float:
    """Return the SQuAD token F1 between a prediction and a gold answer."""
    p = normalize_answer(prediction).split()
    g = normalize_answer(gold).split()
    common = collections.Counter(p) & collections.Counter(g)
    same = sum(common.values())
    if not p or not g or same == 0:
        return 0.0
    precision, recall = same / len(p), same / len(g)
    return 2 * precision * recall / (precision + recall)


def exact(prediction: str, gold: str) -> bool:
    """Tell whether two answers are equal after SQuAD normalisation."""
    return normalize_answer(prediction) == normalize_answer(gold)
