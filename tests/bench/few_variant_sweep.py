#!/usr/bin/python3
"""What refusing more costs on a few-variant knowledge base: faqbot on the
2-variant copy of quality_bench.py at several settings of the policy's answer
threshold (settings.json "policy": {"answer": A}), beside the linear-SVM
baseline, on dev and on every probe set pooled. Prints answered right and
out-of-catalog refused per setting, so that a trade of right answers for
refusals is read off one table instead of argued.

Usage: tests/bench/few_variant_sweep.py [--build DIR] [--config DIR] [--dev FILE]
                                        [--fixtures DIR] [--answer A ...]
"""
import json
import os
import shutil
import sys
import tempfile

import quality_bench as qb


def main():
    answers = [0.32, 0.45, 0.55]
    if "--answer" in sys.argv:
        at = sys.argv.index("--answer")
        answers = [float(a) for a in sys.argv[at + 1:]]
        del sys.argv[at:]
    args = qb.parse_arguments(__doc__)
    dev = qb.read_cases(args.dev)
    pooled = qb.pooled_probes(args.fixtures)
    with tempfile.TemporaryDirectory() as tmp:
        few = os.path.join(tmp, "config")
        qb.few_variant_copy(args.config, few)
        baseline = qb.Baseline(few)
        baseline.tune(dev)
        systems = [("svm-baseline", baseline)]
        for answer in answers:
            tuned = os.path.join(tmp, f"answer-{answer}")
            shutil.copytree(few, tuned)
            settings_path = os.path.join(tuned, "settings.json")
            settings = {}
            if os.path.exists(settings_path):
                with open(settings_path, encoding="utf-8") as f:
                    settings = json.load(f)
            settings.setdefault("policy", {})["answer"] = answer
            with open(settings_path, "w", encoding="utf-8") as f:
                json.dump(settings, f)
            systems.append((f"faqbot answer {answer}", qb.Faqbot(args.build, tuned)))
        for name, system in systems:
            d = qb.figures(dev, system.run(dev))
            p = qb.figures(pooled, system.run(pooled))
            print(f"{name:22} dev right {qb.cell(d['right'])}  probes right {qb.cell(p['right'])}"
                  f"  refused {qb.cell(p['refused'])}")


if __name__ == "__main__":
    main()
