"""Learn the fact ranker's weights from the development data (logistic regression, plain Python).

    .venv/bin/python bench/train_ranker.py            # cross-validate, then write the weights
    .venv/bin/python bench/train_ranker.py --no-write # cross-validate only

Every candidate fact of every paragraph is labelled 1 when one of its answers has
token F1 >= 0.5 with a human answer of the paragraph. Figures are cross-validated
across articles: each fold's model is trained on the other articles and measured,
through the whole generator, on the held-out ones. The shipped weights are then
trained on all articles and written to quizapp/generator/data/ranker.json.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generator_quality import evaluate  # noqa: E402
from squad import DATA, f1, load  # noqa: E402

from quizapp.generator import rank  # noqa: E402
from quizapp.generator.facts import Doc, extract_facts  # noqa: E402
from quizapp.generator.lang import load_pack  # noqa: E402
from quizapp.generator.text import read_header  # noqa: E402

FILES = {"it": DATA / "squad_it_dev.json.gz", "en": DATA / "xquad_en_dev.json"}
OUT = Path(__file__).resolve().parents[1] / "quizapp" / "generator" / "data" / "ranker.json"


def examples(article: dict, lang: str) -> list[tuple[dict, int]]:
    """Return (features, label) for every candidate fact of an article."""
    out = []
    pack = load_pack(lang)
    for para in article["paragraphs"]:
        text = para["context"]
        golds = [a["text"] for qa in para["qas"] for a in qa["answers"]]
        _, start = read_header(text)
        doc = Doc(text=text, pack=pack, body_start=start)
        facts = extract_facts(doc)
        sent_index = {(s.start, s.end): i for i, s in enumerate(doc.sentences)}
        for fact, feats in zip(facts, rank.fact_features(doc, facts, sent_index)):
            label = int(any(f1(a.text, g) >= 0.5 for a in fact.answers for g in golds))
            out.append((feats, label))
    return out


def train(data: list[tuple[dict, int]], epochs: int = 30, lr: float = 0.02, l2: float = 1e-4, seed: int = 0) -> dict[str, float]:
    """Fit logistic regression by stochastic gradient descent; return the weights."""
    w: dict[str, float] = {}
    rng = random.Random(seed)
    order = list(range(len(data)))
    for epoch in range(epochs):
        rng.shuffle(order)
        step = lr / (1 + epoch * 0.5)
        for i in order:
            feats, y = data[i]
            z = sum(w.get(k, 0.0) * v for k, v in feats.items())
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = p - y
            for k, v in feats.items():
                wk = w.get(k, 0.0)
                w[k] = wk - step * (g * v + l2 * wk)
    return {k: round(v, 4) for k, v in w.items() if abs(v) >= 1e-4}


def main(argv: list[str] | None = None) -> int:
    """Cross-validate across articles, then train on everything and write the weights."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folds", type=int, default=4)
    ap.add_argument("--langs", default="it,en")
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--pool", default="", help="languages whose examples also train LANG's model (en:it)")
    args = ap.parse_args(argv)
    shipped = json.loads(OUT.read_text()) if OUT.exists() else {"weights": {}, "cv": {}}
    pools = dict(p.split(":") for p in args.pool.split(",") if p)
    for lang in args.langs.split(","):
        articles = load(FILES[lang])
        t0 = time.time()
        per_article = [examples(a, lang) for a in articles]
        # The two dev files hold the same articles in the same order (SQuAD-it translates
        # SQuAD), so pooled examples of article j are held out together with article j.
        extra = [examples(a, pools[lang]) for a in load(FILES[pools[lang]])] if lang in pools else []
        if extra:
            per_article = [x + e for x, e in zip(per_article, extra)]
        n = sum(len(x) for x in per_article)
        pos = sum(y for x in per_article for _, y in x)
        print(f"[{lang}] {len(articles)} articles, {n} candidates, {pos / max(1, n):.3f} positive ({time.time() - t0:.1f}s)")
        folds = [list(range(len(articles)))[k::args.folds] for k in range(args.folds)]
        totals = {"hits": 0.0, "humans": 0, "median_ms": []}
        for k, held in enumerate(folds):
            trained = [ex for j, x in enumerate(per_article) if j not in held for ex in x]
            rank.use_weights(lang, train(trained))
            fig = evaluate([articles[j] for j in held], lang)
            humans = fig["human_questions"]
            totals["hits"] += fig["recall@5"] * humans
            totals["humans"] += humans
            totals["median_ms"].append(fig["median_ms"])
            print(f"[{lang}] fold {k}: recall@5 {fig['recall@5']:.3f} exact {fig['exact_recall@5']:.3f} "
                  f"precision@5 {fig['precision@5']:.3f} on {len(held)} held-out articles")
        cv = totals["hits"] / max(1, totals["humans"])
        print(f"[{lang}] cross-validated recall@5 across articles: {cv:.3f}")
        rank.use_weights(lang, None)
        if not args.no_write:
            shipped["weights"][lang] = train([ex for x in per_article for ex in x])
            shipped["cv"][lang] = {"recall@5": round(cv, 4), "folds": args.folds, "articles": len(articles),
                                   "pooled_with": pools.get(lang, "")}
    if not args.no_write:
        shipped["_about"] = ("Logistic-regression weights for ranking candidate facts, per language; "
                             "learned by bench/train_ranker.py from bench/data (cv: figures on held-out articles).")
        OUT.write_text(json.dumps(shipped, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
