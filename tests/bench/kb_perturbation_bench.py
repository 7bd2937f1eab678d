#!/usr/bin/python3
"""Stability of answer quality under small knowledge-base edits.

Usage: tests/bench/kb_perturbation_bench.py [--build DIR] [--config DIR]
                                            [--dev FILE] [--fixtures DIR]

An operator's edit of one variant should change the answers near that
variant, not reshuffle the whole engine. This bench makes K perturbed copies
of the knowledge base, each with one small edit in a different place:
  add-variant     one more variant ("请问" + an existing one) in one entry
  drop-variant    one variant removed from one entry
  add-oos         one more out-of-scope example (out_of_scope.json)
  drop-oos        one out-of-scope example removed
builds each with `faqbot eval --config COPY --cache DIR` (one engine build per
copy, the cache serves the other sets) and prints, per case set, the figures
of the unchanged knowledge base and the spread over the copies (min, max,
population standard deviation) of:
  right    in-scope accuracy (answered with the expected entry)
  refused  no-answer rate (out-of-catalog not answered)
Sets: dev and every tests/fixtures/probe_*.jsonl.

The edits are fixed (same copies on every run), so two builds of the engine
can be compared by their spreads. Takes a few minutes (one engine build per
copy); not part of the test suite's pass/fail.
"""
import argparse
import glob
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# Out-of-scope questions written for this bench (not from any evaluation set).
EXTRA_OUT_OF_SCOPE = [
    "明天出门要不要带伞",
    "帮我推荐一部好看的电视剧",
    "高铁票改签要手续费吗",
]

FIGURES = (("right", "in-scope accuracy"), ("refused", "no-answer rate"))


def load_kb(config_dir):
    """Returns [(path, json document)] of kb/*.json, sorted by path."""
    out = []
    for path in sorted(glob.glob(os.path.join(config_dir, "kb", "*.json"))):
        with open(path, encoding="utf-8") as f:
            out.append((path, json.load(f)))
    return out


def write_json(path, doc):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")


def entries_of(kb):
    """All (path, document, entry) in file then entry order."""
    return [(path, doc, e) for path, doc in kb for e in doc["entries"]]


def perturb(config_dir, kind, k):
    """Applies edit number k of `kind` to the copy at config_dir; returns a label."""
    if kind in ("add-variant", "drop-variant"):
        kb = load_kb(config_dir)
        entries = [t for t in entries_of(kb) if len(t[2]["questions"]) >= 4]
        # Spread the edited entries over the catalogue.
        path, doc, entry = entries[(k * 17 + 5) % len(entries)]
        questions = entry["questions"]
        if kind == "add-variant":
            source = questions[len(questions) // 3]
            text = "请问" + source
            if text in questions:
                text = source + "呢"
            questions.append(text)
            label = f"{entry['id']} + {text}"
        else:
            text = questions.pop(len(questions) // 2)
            label = f"{entry['id']} - {text}"
        write_json(path, doc)
        return label
    path = os.path.join(config_dir, "out_of_scope.json")
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    questions = doc["questions"]
    if kind == "add-oos":
        text = EXTRA_OUT_OF_SCOPE[k % len(EXTRA_OUT_OF_SCOPE)]
        questions.insert((k * 97 + 13) % len(questions), text)
        label = f"out_of_scope + {text}"
    else:
        text = questions.pop((k * 131 + 7) % len(questions))
        label = f"out_of_scope - {text}"
    write_json(path, doc)
    return label


# (kind, k): eight edits, each in a different place.
EDITS = [("add-variant", 0), ("add-variant", 1), ("add-variant", 2), ("drop-variant", 3),
         ("drop-variant", 4), ("add-oos", 0), ("add-oos", 1), ("drop-oos", 2)]


def evaluate(faqbot, config_dir, cache_dir, cases):
    out = subprocess.run([faqbot, "eval", "--config", config_dir, "--cache", cache_dir,
                          "--cases", cases], capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(f"faqbot eval failed on {cases}: {out.stderr}")
    figures = {}
    for name, prefix in FIGURES:
        m = re.search(re.escape(prefix) + r":\s+([0-9.]+) \((\d+)/(\d+)\)", out.stdout)
        if m and int(m.group(3)) > 0:
            figures[name] = float(m.group(1))
    return figures


def run_copy(faqbot, config_dir, sets, work):
    cache = tempfile.mkdtemp(dir=work, prefix="cache-")
    return {name: evaluate(faqbot, config_dir, cache, path) for name, path in sets}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(REPO, "build"))
    ap.add_argument("--config", default=os.path.join(REPO, "config"))
    ap.add_argument("--dev", default=os.path.join(REPO, "..", "shared", "eval", "dev.jsonl"))
    ap.add_argument("--fixtures", default=os.path.join(REPO, "tests", "fixtures"))
    args = ap.parse_args()
    faqbot = os.path.join(args.build, "faqbot")
    sets = [("dev", args.dev)] + [
        (os.path.basename(p)[len("probe_"):-len(".jsonl")], p)
        for p in sorted(glob.glob(os.path.join(args.fixtures, "probe_*.jsonl")))]

    with tempfile.TemporaryDirectory(prefix="kb-perturb-") as work:
        base = run_copy(faqbot, args.config, sets, work)
        runs = []
        for i, (kind, k) in enumerate(EDITS):
            copy = os.path.join(work, f"config-{i}")
            shutil.copytree(args.config, copy)
            label = perturb(copy, kind, k)
            runs.append(run_copy(faqbot, copy, sets, work))
            print(f"copy {i}: {kind:12s} {label}", file=sys.stderr, flush=True)

    print(f"{len(runs)} perturbed copies; base = unchanged knowledge base; "
          "spread over the copies (std = population)")
    print(f"{'set':16s} {'figure':8s} {'base':>6s} {'min':>6s} {'max':>6s} {'range':>6s} {'std':>6s}")
    ranges = []
    for name, _ in sets:
        for fig, _ in FIGURES:
            values = [r[name][fig] for r in runs if fig in r[name]]
            if not values or fig not in base[name]:
                continue
            lo, hi = min(values), max(values)
            ranges.append(hi - lo)
            print(f"{name:16s} {fig:8s} {base[name][fig]:6.3f} {lo:6.3f} {hi:6.3f} "
                  f"{hi - lo:6.3f} {statistics.pstdev(values):6.4f}")
    print(f"mean range over all figures: {statistics.mean(ranges):.4f}")


if __name__ == "__main__":
    main()
