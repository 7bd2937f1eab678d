#!/usr/bin/python3
"""Side-by-side answer quality: faqbot against a linear-SVM baseline.

Usage: tests/bench/quality_bench.py [--build DIR] [--config DIR] [--dev FILE]
                                    [--fixtures DIR]

The baseline is sklearn's LinearSVC over TfidfVectorizer(analyzer='char',
ngram_range=(1, 2)), trained on the knowledge base's variants (one class per
entry id) plus config/out_of_scope.json as one extra class. It answers when
its best class is an entry and that class's decision value (the margin) is at
least a threshold tuned on the dev set; an answer with an entry whose handoff
mode is hand or hand_priority counts as a handoff, as it would in the bot.

faqbot is run as shipped: `faqbot ask --json --config DIR --no-cache`, one
question a line, its own decision and thresholds.

Figures per system and case set (cases as in dev.jsonl: q, expect, action):
  right    expected action answer: answered with the expected entry
  handoff  expected action handoff: handed off
  refused  expected entry none: no answer given
  top3     expected entry (not none) among the first three candidates
Sets: dev, every tests/fixtures/probe_*.jsonl, and a few-variant knowledge
base (each entry's first 2 variants only) on dev and on all probes pooled.

Needs Debian's python3-sklearn and python3-numpy (scripts/setup.sh --test).
Not part of the test suite's pass/fail: it prints a table for people.
"""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT_OF_SCOPE = "__out_of_scope__"
HANDOFF_MODES = ("hand", "hand_priority")
FEW_VARIANTS = 2


def read_cases(path):
    cases = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            c = json.loads(line)
            expect = c["expect"]
            c.setdefault("action", "no_answer" if expect == "none" else "answer")
            cases.append(c)
    return cases


def pooled_probes(fixtures_dir):
    """Every case of fixtures_dir's probe_*.jsonl files, in file order."""
    return [c for path in sorted(glob.glob(os.path.join(fixtures_dir, "probe_*.jsonl")))
            for c in read_cases(path)]


def read_knowledge_base(config_dir):
    """Returns (entries {id: {"questions": [...], "handoff": mode}}, out-of-scope questions)."""
    entries = {}
    for path in sorted(glob.glob(os.path.join(config_dir, "kb", "*.json"))):
        with open(path, encoding="utf-8") as f:
            for e in json.load(f)["entries"]:
                entries[e["id"]] = {"questions": e["questions"], "handoff": e.get("handoff", "none")}
    oos_path = os.path.join(config_dir, "out_of_scope.json")
    negatives = []
    if os.path.exists(oos_path):
        with open(oos_path, encoding="utf-8") as f:
            negatives = json.load(f).get("questions", [])
    return entries, negatives


def few_variant_copy(config_dir, target):
    """Copies config_dir to target, keeping each entry's first FEW_VARIANTS variants."""
    shutil.copytree(config_dir, target)
    for path in glob.glob(os.path.join(target, "kb", "*.json")):
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        for e in doc["entries"]:
            e["questions"] = e["questions"][:FEW_VARIANTS]
        with open(path, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, indent=2)


class Decision:
    """One system's reply to one question: action, entry id or None, top-3 ids."""

    def __init__(self, action, faq_id, top3):
        self.action, self.faq_id, self.top3 = action, faq_id, top3


class Baseline:
    def __init__(self, config_dir):
        self.entries, negatives = read_knowledge_base(config_dir)
        texts, labels = [], []
        for faq_id, e in self.entries.items():
            texts += e["questions"]
            labels += [faq_id] * len(e["questions"])
        texts += negatives
        labels += [OUT_OF_SCOPE] * len(negatives)
        self.vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(1, 2))
        self.model = LinearSVC()
        self.model.fit(self.vectorizer.fit_transform(texts), labels)
        self.classes = list(self.model.classes_)
        self.threshold = -np.inf

    def scores(self, questions):
        return self.model.decision_function(self.vectorizer.transform(questions))

    def decide(self, row, threshold):
        order = np.argsort(-row)
        ranked = [self.classes[i] for i in order if self.classes[i] != OUT_OF_SCOPE]
        best = self.classes[order[0]]
        if best == OUT_OF_SCOPE or row[order[0]] < threshold:
            return Decision("fallback", None, ranked[:3])
        action = "handoff" if self.entries[best]["handoff"] in HANDOFF_MODES else "answer"
        return Decision(action, best, ranked[:3])

    def tune(self, cases):
        """Picks the margin threshold that gets the most dev cases right; among
        equally good ones, the middle of the best range (not its lowest edge)."""
        rows = self.scores([c["q"] for c in cases])
        candidates = sorted(set(rows.max(axis=1)))
        hits = [sum(case_ok(c, self.decide(row, t)) for c, row in zip(cases, rows))
                for t in candidates]
        best = [t for t, h in zip(candidates, hits) if h == max(hits)]
        self.threshold = best[len(best) // 2]

    def run(self, cases):
        return [self.decide(row, self.threshold) for row in self.scores([c["q"] for c in cases])]


class Faqbot:
    def __init__(self, build_dir, config_dir):
        self.binary = os.path.join(build_dir, "faqbot")
        self.config_dir = config_dir

    def run(self, cases):
        stdin = "".join(c["q"].replace("\n", " ") + "\n" for c in cases)
        out = subprocess.run(
            [self.binary, "ask", "--json", "--config", self.config_dir, "--no-cache"],
            input=stdin, capture_output=True, text=True, check=True).stdout
        replies = [json.loads(line) for line in out.splitlines() if line.strip()]
        if len(replies) != len(cases):
            sys.exit(f"faqbot gave {len(replies)} replies to {len(cases)} questions")
        return [Decision(r["action"], r["faq_id"], [c["faq_id"] for c in r["candidates"][:3]])
                for r in replies]


def case_ok(case, d):
    if case["action"] == "answer":
        return d.action == "answer" and d.faq_id == case["expect"]
    if case["action"] == "handoff":
        return d.action == "handoff"
    return d.action != "answer"


def figures(cases, decisions):
    """Returns {figure: (hits, total)} for right, handoff, refused and top3."""
    f = {k: [0, 0] for k in ("right", "handoff", "refused", "top3")}
    for c, d in zip(cases, decisions):
        if c["action"] == "answer":
            key = "right"
        elif c["action"] == "handoff":
            key = "handoff"
        else:
            key = None
        if c["expect"] == "none":
            f["refused"][0] += d.action != "answer"
            f["refused"][1] += 1
        if key:
            f[key][0] += case_ok(c, d)
            f[key][1] += 1
        if c["expect"] != "none":
            f["top3"][0] += c["expect"] == d.faq_id or c["expect"] in d.top3
            f["top3"][1] += 1
    return f


def cell(hits_total):
    hits, total = hits_total
    return f"{hits / total:.3f} ({hits}/{total})" if total else "-"


def parse_arguments(doc):
    """The benches' shared command line (--build, --config, --dev, --fixtures)."""
    p = argparse.ArgumentParser(description=doc.split("\n")[0])
    p.add_argument("--build", default=os.path.join(REPO, "build"))
    p.add_argument("--config", default=os.path.join(REPO, "config"))
    p.add_argument("--dev", default=os.path.join(REPO, "..", "shared", "eval", "dev.jsonl"))
    p.add_argument("--fixtures", default=os.path.join(REPO, "tests", "fixtures"))
    return p.parse_args()


def main():
    args = parse_arguments(__doc__)

    dev = read_cases(args.dev)
    probes = [(os.path.basename(path)[:-len(".jsonl")], read_cases(path))
              for path in sorted(glob.glob(os.path.join(args.fixtures, "probe_*.jsonl")))]
    pooled = [c for _, cases in probes for c in cases]

    rows = []  # (knowledge base, set, system, figures)
    thresholds = []  # (knowledge base, the baseline's tuned margin threshold)

    def measure(kb_name, config_dir, sets):
        baseline = Baseline(config_dir)
        baseline.tune(dev)
        thresholds.append((kb_name, baseline.threshold))
        systems = [("faqbot", Faqbot(args.build, config_dir)), ("svm-baseline", baseline)]
        for set_name, cases in sets:
            for system_name, system in systems:
                rows.append((kb_name, set_name, system_name, figures(cases, system.run(cases))))

    measure("full", args.config, [("dev", dev)] + probes)
    with tempfile.TemporaryDirectory() as tmp:
        few = os.path.join(tmp, "config")
        few_variant_copy(args.config, few)
        measure(f"{FEW_VARIANTS}-variant", few, [("dev", dev), ("probes (all)", pooled)])

    header = ("kb", "set", "system", "answered right", "handoff", "out-of-catalog refused", "top-3")
    table = [header] + [
        (kb, s, sys_name, cell(f["right"]), cell(f["handoff"]), cell(f["refused"]), cell(f["top3"]))
        for kb, s, sys_name, f in rows]
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    for i, r in enumerate(table):
        print("  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))
    for kb, t in thresholds:
        print(f"svm-baseline margin threshold tuned on dev ({kb} kb): {t:.4f}")


if __name__ == "__main__":
    main()
