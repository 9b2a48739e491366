#!/usr/bin/env python3
# This file is part of Rampart.
# SPDX-License-Identifier: Apache-2.0
"""Charges every `*_deepest` benchmark of a generated weights file at a high quantile of its
repeats rather than at their median.

    charge-deepest.py RESULTS.json WEIGHTS.rs [--quantile 0.9]

RESULTS.json is frame-omni-bencher's `--json-file` of the run that wrote WEIGHTS.rs (its
`--output`). A `*_deepest` benchmark runs a call in the deepest history the runtime allows, and
the runtime charges the call there the larger of its fitted line and that run. At that depth the
repeats of one run spread the most (every storage access is slower as the benchmark state grows
with the histories), and the median of one run falls short of another run's median by more than
its noise: the performance report measured it (benchmarking/report). So the time of such a
benchmark is written as the given quantile of its repeats (nearest rank: with 20 repeats and 0.9,
the 18th fastest); the median stays in a comment beside it. Reads, writes and proof sizes are the
generated ones. Running it again on the same files gives the same file.
"""

import argparse
import json
import math
import re
import sys


def quantile(samples, q):
    """Nearest-rank quantile: the smallest sample with at least `q` of the samples at or below
    it."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def underscore(n):
    return f"{n:,}".replace(",", "_")


NOTE = "// Time: the {q} quantile of {n} repeats (their median: {median} ps)."


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("results")
    parser.add_argument("weights")
    parser.add_argument("--quantile", type=float, default=0.9)
    args = parser.parse_args()

    with open(args.results) as f:
        batches = json.load(f)
    with open(args.weights) as f:
        text = f.read()

    for batch in batches:
        name = batch["benchmark"]
        if not name.endswith("_deepest"):
            continue
        if any(r["components"] for r in batch["time_results"]):
            sys.exit(f"{name}: a `*_deepest` benchmark has no components")
        # omni-bencher reports nanoseconds; the weights are in picoseconds.
        times = [r["extrinsic_time"] * 1000 for r in batch["time_results"]]
        charged = quantile(times, args.quantile)
        fn = re.search(rf"\n\tfn {name}\(\) -> Weight \{{\n(.*?)\n\t\}}", text, re.S)
        if not fn:
            sys.exit(f"{name}: no `fn {name}()` in {args.weights}")
        body = fn.group(1)
        # A file already rewritten (this run again) loses its old note first.
        body = re.sub(r"\t\t// Time: the [\d.]+ quantile of .*?\n", "", body)
        base = re.search(r"\t\tWeight::from_parts\(([\d_]+), ", body)
        if not base:
            sys.exit(f"{name}: no base weight in {args.weights}")
        # The median as frame-benchmarking takes it (the upper one of an even count).
        median = sorted(times)[len(times) // 2]
        note = NOTE.format(q=args.quantile, n=len(times), median=underscore(median))
        body = (body[:base.start()] + f"\t\t{note}\n\t\tWeight::from_parts({underscore(charged)}, "
                + body[base.end():])
        text = text[:fn.start(1)] + body + text[fn.end(1):]
        print(f"{name}: {underscore(median)} ps (median) -> {underscore(charged)} ps "
              f"(the {args.quantile} quantile of {len(times)})")

    with open(args.weights, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
