#!/usr/bin/python3
"""Question-pair similarity: `faqbot similarity` against character TF-IDF cosine.

Usage: tests/bench/similarity_bench.py [--build DIR] [--config DIR] [--pairs FILE ...]

Pairs: text1<TAB>text2<TAB>label[<TAB>kind] (1 = same question, 0 = related
but different; kind names what makes the pair hard); lines starting with '#'
are skipped. Default: tests/fixtures/similarity_pairs.tsv and
similarity_pairs_service.tsv, bank and consumer-credit questions written
outside the knowledge base.

The baseline is the cosine of sklearn's TfidfVectorizer(analyzer='char',
ngram_range=(1, 2)) vectors, its IDF fitted on the knowledge base's question
variants plus every text of the pairs. faqbot is run as shipped:
`faqbot similarity --config DIR --no-cache`, and again with the engine's
model (the dense embedder) left out (FAQBOT_ABLATE=dense), to show what it
adds. All are scored by ROC AUC (sklearn.metrics.roc_auc_score) over all
pairs, per file, per kind and over the pairs with Latin letters. The cost
per pair is measured in-process by retrieval_bench (BM_SimilarityDefault).

Needs Debian's python3-sklearn and python3-numpy (scripts/setup.sh --test).
Not part of the test suite's pass/fail (tests/cli/similarity_quality_test.cpp
holds the floor): it prints a table for people.
"""
import argparse
import glob
import json
import os
import subprocess
import sys

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import roc_auc_score

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def read_pairs(path):
    pairs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n").rstrip("\r")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            kind = fields[3] if len(fields) > 3 else ""
            pairs.append((fields[0], fields[1], int(fields[2]), kind))
    return pairs


def kb_questions(config):
    texts = []
    for path in sorted(glob.glob(os.path.join(config, "kb", "*.json"))):
        with open(path, encoding="utf-8") as f:
            for entry in json.load(f)["entries"]:
                texts.extend(entry["questions"])
    return texts


def faqbot_scores(build, config, pairs, ablate=""):
    """Scores of `faqbot similarity` for `pairs`, in order."""
    lines = "".join(f"{a}\t{b}\n" for a, b, *_ in pairs)
    env = dict(os.environ, FAQBOT_ABLATE=ablate)
    out = subprocess.run([os.path.join(build, "faqbot"), "similarity", "--config", config, "--no-cache"],
                         input=lines, capture_output=True, text=True, check=True, env=env).stdout
    return [float(x) for x in out.split()[:len(pairs)]]


def tfidf_scores(kb_texts, pairs):
    vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(1, 2))
    vectorizer.fit(kb_texts + [p[0] for p in pairs] + [p[1] for p in pairs])
    va = vectorizer.transform([p[0] for p in pairs])
    vb = vectorizer.transform([p[1] for p in pairs])
    return np.asarray(va.multiply(vb).sum(axis=1)).ravel().tolist()  # rows are L2-normalised


def auc(labels, scores):
    return roc_auc_score(labels, scores) if 0 < sum(labels) < len(labels) else float("nan")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default=os.path.join(REPO, "build"))
    ap.add_argument("--config", default=os.path.join(REPO, "config"))
    ap.add_argument("--pairs", nargs="+", default=[os.path.join(REPO, "tests", "fixtures", name) for name in
                                                   ("similarity_pairs.tsv", "similarity_pairs_service.tsv")])
    args = ap.parse_args()

    pairs, files = [], []
    for path in args.pairs:
        read = read_pairs(path)
        pairs += read
        files += [os.path.basename(path)] * len(read)
    labels = [p[2] for p in pairs]
    ours = faqbot_scores(args.build, args.config, pairs)
    no_model = faqbot_scores(args.build, args.config, pairs, ablate="dense")
    base = tfidf_scores(kb_questions(args.config), pairs)
    if len(ours) != len(pairs) or len(no_model) != len(pairs):
        sys.exit(f"faqbot similarity wrote {len(ours)} scores for {len(pairs)} pairs")

    latin = [any(c.isascii() and c.isalpha() for c in p[0] + p[1]) for p in pairs]
    subsets = [("all pairs", [True] * len(pairs))]
    subsets += [(name, [f == name for f in files]) for name in dict.fromkeys(files)]
    subsets += [(f"kind {k}", [p[3] == k for p in pairs]) for k in sorted({p[3] for p in pairs} - {""})]
    subsets += [("with Latin letters", latin)]
    print(f"{'pairs':<30} {'n':>4} {'faqbot':>7} {'no model':>9} {'TF-IDF':>7}")
    for name, keep in subsets:
        idx = [i for i, k in enumerate(keep) if k]
        if not idx:
            continue
        lab = [labels[i] for i in idx]
        print(f"{name:<30} {len(idx):>4} {auc(lab, [ours[i] for i in idx]):>7.3f} "
              f"{auc(lab, [no_model[i] for i in idx]):>9.3f} {auc(lab, [base[i] for i in idx]):>7.3f}")

    print("throughput per pair: build/tests/bench/retrieval_bench --benchmark_filter=Similarity "
          "(thread CPU p50/p99; timing the whole command here would time the engine build)")

if __name__ == "__main__":
    main()
