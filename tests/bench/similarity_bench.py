#!/usr/bin/python3
"""Question-pair similarity: `faqbot similarity` against character TF-IDF cosine.

Usage: tests/bench/similarity_bench.py [--build DIR] [--config DIR] [--pairs FILE]

Pairs: text1<TAB>text2<TAB>label (1 = same question, 0 = related but
different); lines starting with '#' are skipped. Default:
tests/fixtures/similarity_pairs.tsv, bank and consumer-credit questions
written outside the knowledge base.

The baseline is the cosine of sklearn's TfidfVectorizer(analyzer='char',
ngram_range=(1, 2)) vectors, its IDF fitted on the knowledge base's question
variants plus every text of the pairs. faqbot is run as shipped:
`faqbot similarity --config DIR --no-cache`. Both are scored by ROC AUC
(sklearn.metrics.roc_auc_score) over all pairs, and over the pairs without
and with Latin letters or typos the normaliser knows.

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
            a, b, label = line.split("\t")
            pairs.append((a, b, int(label)))
    return pairs


def kb_questions(config):
    texts = []
    for path in sorted(glob.glob(os.path.join(config, "kb", "*.json"))):
        with open(path, encoding="utf-8") as f:
            for entry in json.load(f)["entries"]:
                texts.extend(entry["questions"])
    return texts


def faqbot_scores(build, config, pairs):
    lines = "".join(f"{a}\t{b}\n" for a, b, _ in pairs)
    out = subprocess.run([os.path.join(build, "faqbot"), "similarity", "--config", config, "--no-cache"],
                         input=lines, capture_output=True, text=True, check=True).stdout
    return [float(x) for x in out.split()]


def tfidf_scores(kb_texts, pairs):
    vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(1, 2))
    vectorizer.fit(kb_texts + [a for a, _, _ in pairs] + [b for _, b, _ in pairs])
    va = vectorizer.transform([a for a, _, _ in pairs])
    vb = vectorizer.transform([b for _, b, _ in pairs])
    return np.asarray(va.multiply(vb).sum(axis=1)).ravel().tolist()  # rows are L2-normalised


def auc(labels, scores):
    return roc_auc_score(labels, scores) if 0 < sum(labels) < len(labels) else float("nan")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default=os.path.join(REPO, "build"))
    ap.add_argument("--config", default=os.path.join(REPO, "config"))
    ap.add_argument("--pairs", default=os.path.join(REPO, "tests", "fixtures", "similarity_pairs.tsv"))
    args = ap.parse_args()

    pairs = read_pairs(args.pairs)
    labels = [label for _, _, label in pairs]
    ours = faqbot_scores(args.build, args.config, pairs)
    base = tfidf_scores(kb_questions(args.config), pairs)
    if len(ours) != len(pairs):
        sys.exit(f"faqbot similarity wrote {len(ours)} scores for {len(pairs)} pairs")

    latin = [any(c.isascii() and c.isalpha() for c in a + b) for a, b, _ in pairs]
    subsets = [("all pairs", [True] * len(pairs)), ("Chinese only", [not x for x in latin]),
               ("with Latin letters", latin)]
    print(f"{'pairs':<20} {'n':>4} {'faqbot AUC':>11} {'TF-IDF AUC':>11}")
    for name, keep in subsets:
        idx = [i for i, k in enumerate(keep) if k]
        if not idx:
            continue
        lab = [labels[i] for i in idx]
        print(f"{name:<20} {len(idx):>4} {auc(lab, [ours[i] for i in idx]):>11.3f} "
              f"{auc(lab, [base[i] for i in idx]):>11.3f}")


if __name__ == "__main__":
    main()
