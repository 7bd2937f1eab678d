#!/usr/bin/python3
"""The few-variant rows of quality_bench.py alone (a few minutes less than
the whole bench): faqbot and the linear-SVM baseline on the knowledge base
with each entry's first 2 variants, on dev and on every probe set pooled.

Usage: tests/bench/few_variant_bench.py [--build DIR] [--config DIR] [--dev FILE]
                                        [--fixtures DIR]
"""
import os
import tempfile

import quality_bench as qb


def main():
    args = qb.parse_arguments(__doc__)
    dev = qb.read_cases(args.dev)
    pooled = qb.pooled_probes(args.fixtures)
    with tempfile.TemporaryDirectory() as tmp:
        few = os.path.join(tmp, "config")
        qb.few_variant_copy(args.config, few)
        baseline = qb.Baseline(few)
        baseline.tune(dev)
        systems = [("faqbot", qb.Faqbot(args.build, few)), ("svm-baseline", baseline)]
        for set_name, cases in (("dev", dev), ("probes (all)", pooled)):
            for name, system in systems:
                f = qb.figures(cases, system.run(cases))
                print(f"{set_name:13} {name:13}",
                      *(f"{k} {qb.cell(f[k])}" for k in ("right", "handoff", "refused", "top3")))
    print(f"svm-baseline margin threshold tuned on dev: {baseline.threshold:.4f}")


if __name__ == "__main__":
    main()
