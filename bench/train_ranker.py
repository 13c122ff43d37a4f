"""Learn the fact ranker's weights from the development data (linear models, plain Python).

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


# Per-language training. English learns a listwise (softmax per paragraph) model, which
# orders candidates within a paragraph better than per-candidate logistic regression. Its
# 120 paragraphs are too few for most feature conjunctions: it keeps the main effects and
# only kind x length and kind x position (6 splits: all families 0.398, these 0.416).
# Italian, with 1020 paragraphs, keeps every family.
CONFIG = {
    "it": {"loss": "logistic", "drop": ()},
    "en": {"loss": "listwise", "lr": 0.1, "drop": ("rank_in_sent=", "len_zipf=", "kind_first=", "kind_zipf=", "kind_cap=",
                                                   "kind_rep=", "prev2=", "kind_prev=", "kind_verb_before=")},
}


def examples(article: dict, lang: str) -> list[list[tuple[dict, int]]]:
    """Return, per paragraph, (features, label) for every candidate fact of an article."""
    drop = CONFIG[lang]["drop"]
    out = []
    pack = load_pack(lang)
    for para in article["paragraphs"]:
        text = para["context"]
        golds = [a["text"] for qa in para["qas"] for a in qa["answers"]]
        _, start = read_header(text)
        doc = Doc(text=text, pack=pack, body_start=start)
        facts = extract_facts(doc)
        sent_index = {(s.start, s.end): i for i, s in enumerate(doc.sentences)}
        group = []
        for fact, feats in zip(facts, rank.fact_features(doc, facts, sent_index)):
            # A numeric question's answer, as the quiz shows it, is the amount with its unit.
            said = [a.text for a in fact.answers]
            if fact.slot("amount"):
                said.append(fact.slot("amount"))
            label = int(any(f1(a, g) >= 0.5 for a in said for g in golds))
            if drop:
                feats = {k: v for k, v in feats.items() if not k.startswith(drop)}
            group.append((feats, label))
        out.append(group)
    return out


def train_listwise(groups: list[list[tuple[dict, int]]], epochs: int = 30, lr: float = 0.1, l2: float = 1e-4,
                   seed: int = 0) -> dict[str, float]:
    """Fit the linear scorer with a softmax loss over each paragraph's candidates; return the weights.

    The target spreads a paragraph's probability evenly over its positive candidates,
    so the model learns which candidate of a paragraph to ask first, not an absolute rate.
    """
    w: dict[str, float] = {}
    rng = random.Random(seed)
    order = [i for i, g in enumerate(groups) if any(y for _, y in g)]
    for epoch in range(epochs):
        rng.shuffle(order)
        step = lr / (1 + epoch * 0.5)
        for i in order:
            g = groups[i]
            zs = [sum(w.get(k, 0.0) * v for k, v in f.items()) for f, _ in g]
            top = max(zs)
            es = [math.exp(z - top) for z in zs]
            total = sum(es)
            npos = sum(y for _, y in g)
            grad: dict[str, float] = {}
            for (f, y), e in zip(g, es):
                d = e / total - y / npos
                for k, v in f.items():
                    grad[k] = grad.get(k, 0.0) + d * v
            for k, gk in grad.items():
                wk = w.get(k, 0.0)
                w[k] = wk - step * (gk + l2 * wk)
    return {k: round(v, 4) for k, v in w.items() if abs(v) >= 1e-4}


def fit(groups: list[list[tuple[dict, int]]], lang: str) -> dict[str, float]:
    """Train LANG's model on paragraphs of examples, with LANG's loss."""
    cfg = CONFIG[lang]
    if cfg["loss"] == "listwise":
        return train_listwise(groups, lr=cfg["lr"])
    return train([ex for g in groups for ex in g])


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
    ap.add_argument("--repeats", type=int, default=6, help="fold splits to average over")
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
        # (pooled examples carry the pooled language's feature choice; the pool is an experiment option)
        if extra:
            per_article = [x + e for x, e in zip(per_article, extra)]
        n = sum(len(g) for x in per_article for g in x)
        pos = sum(y for x in per_article for g in x for _, y in g)
        print(f"[{lang}] {len(articles)} articles, {n} candidates, {pos / max(1, n):.3f} positive ({time.time() - t0:.1f}s)")
        # Every repeat splits the articles into folds in another order; the figure is their
        # mean, since with 24 articles one split's figure moves by +-0.02.
        repeats = []
        for r in range(args.repeats):
            order = list(range(len(articles)))
            if r:
                random.Random(r).shuffle(order)
            hits = humans = 0
            for k in range(args.folds):
                held = set(order[k::args.folds])
                trained = [g for j, x in enumerate(per_article) if j not in held for g in x]
                rank.use_weights(lang, fit(trained, lang))
                fig = evaluate([articles[j] for j in sorted(held)], lang)
                hits += fig["recall@5"] * fig["human_questions"]
                humans += fig["human_questions"]
                print(f"[{lang}] split {r} fold {k}: recall@5 {fig['recall@5']:.3f} exact {fig['exact_recall@5']:.3f} "
                      f"precision@5 {fig['precision@5']:.3f} on {len(held)} held-out articles")
            repeats.append(hits / max(1, humans))
            print(f"[{lang}] split {r}: recall@5 {repeats[-1]:.3f}")
        cv = sum(repeats) / len(repeats)
        print(f"[{lang}] cross-validated recall@5 across articles: {cv:.3f} "
              f"(mean of {len(repeats)} splits into {args.folds} folds: {', '.join(f'{x:.3f}' for x in repeats)})")
        rank.use_weights(lang, None)
        if not args.no_write:
            shipped["weights"][lang] = fit([g for x in per_article for g in x], lang)
            shipped["cv"][lang] = {"recall@5": round(cv, 4), "splits": [round(x, 4) for x in repeats], "folds": args.folds, "articles": len(articles),
                                   "pooled_with": pools.get(lang, ""), "loss": CONFIG[lang]["loss"]}
    if not args.no_write:
        shipped["_about"] = ("Linear weights for ranking candidate facts, per language (loss in cv); "
                             "learned by bench/train_ranker.py from bench/data (cv: figures on held-out articles).")
        OUT.write_text(json.dumps(shipped, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
