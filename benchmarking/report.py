#!/usr/bin/env python3
# This file is part of Rampart.
# SPDX-License-Identifier: Apache-2.0
"""Writes the performance report from the raw results benchmarking/report.sh gathered.

Inputs (in --raw): one frame-omni-bencher JSON per pallet (`<pallet>.json`), the on-slash
flatness runs (`flatness-*.json`), the node's throughput figures (`throughput.json`, with
the runtime's block limits and database weights) and its sync figures over a chain of empty then
full blocks (`sync.json`). Outputs (in --out): REPORT.md, report.json
and plots/<pallet>.<benchmark>.svg for every benchmark with a component. No figure is typed
here: each comes from those files.
"""

import argparse
import datetime
import glob
import json
import os
import re
import statistics

# A history of up to 2^PAGE_DEPTH entries sits in its head (rampart_primitives::paged_trace).
PAGE_DEPTH = 4

# The hot paths, and what each is set beside in the same run.
HOT = [
    ("pallet_rampart_vaults", "deposit", "pallet_balances", "transfer_keep_alive"),
    ("pallet_rampart_vaults", "withdraw", "pallet_balances", "transfer_keep_alive"),
    ("pallet_rampart_vaults", "redeem", None, None),
    ("pallet_rampart_vaults", "claim", None, None),
    ("pallet_rampart_vaults", "claim_batch", None, None),
    ("pallet_rampart_vaults", "transfer_shares", "pallet_assets", "transfer_keep_alive"),
    ("pallet_rampart_slashing", "slash", None, None),
    ("pallet_rampart_slashing", "execute_slash", None, None),
    ("pallet_rampart_rewards", "claim_staker_rewards", None, None),
    ("pallet_rampart_rewards", "distribute_staker_rewards", None, None),
    ("pallet_rampart_middleware", "operator_set", None, None),
    ("pallet_rampart_validators", "plan_session", None, None),
]


# Side by side with polkadot-sdk's own staking, measured in the same run on the comparison runtime
# (benchmarking/compare-runtime): each Rampart call (at its worst case, or at `at`), its nearest
# analogues, the ratio of weights the target bounds (PERFORMANCE.md: deposit, withdraw and claim
# at most half their nomination-pools analogue), and the reference's gas median for orientation
# (PROTOCOL.md section 8.1, forge gas report of symbioticfi/core; not measured here).
COMPARE = [
    ("pallet_rampart_vaults", "deposit", "max",
     [("pallet_nomination_pools", "join", "max"),
      ("pallet_nomination_pools", "bond_extra_transfer", "max"),
      ("pallet_staking_async", "bond_extra", "max")], 0.5, ("Vault.deposit", 329711)),
    ("pallet_rampart_vaults", "withdraw", "max",
     [("pallet_nomination_pools", "unbond", "max"),
      ("pallet_staking_async", "unbond", "max")], 0.5, ("Vault.withdraw", 267530)),
    ("pallet_rampart_vaults", "claim", "max",
     [("pallet_nomination_pools", "withdraw_unbonded_update", "min"),
      ("pallet_nomination_pools", "withdraw_unbonded_kill", "min"),
      ("pallet_staking_async", "withdraw_unbonded_update", "max")], 0.5, ("Vault.claim", 14611)),
    ("pallet_rampart_rewards", "claim_staker_rewards", "min",
     [("pallet_nomination_pools", "claim_payout", "max")], None, None),
    ("pallet_rampart_rewards", "claim_staker_rewards", "max",
     [("pallet_nomination_pools", "claim_payout", "max")], None, None),
    ("pallet_rampart_slashing", "slash", "max",
     [("pallet_staking_async", "apply_slash", "min"),
      ("pallet_staking_async", "apply_slash", "max"),
      ("pallet_nomination_pools", "apply_slash", "max")], None, ("Slasher.slash", 281667)),
    ("pallet_rampart_vaults", "transfer_shares", "max",
     [("pallet_assets", "transfer_keep_alive", "max")], None, ("VaultTokenized.transfer", 10503)),
]

# The transaction extensions every signed extrinsic of the runtime runs (its `TxExtension`), by
# their benchmarks: their weight comes on top of the call's and the block's per-extrinsic base.
EXTENSIONS = [
    ("frame_system_extensions", "check_non_zero_sender"),
    ("frame_system_extensions", "check_spec_version"),
    ("frame_system_extensions", "check_tx_version"),
    ("frame_system_extensions", "check_genesis"),
    ("frame_system_extensions", "check_mortality_mortal_transaction"),
    ("frame_system_extensions", "check_nonce"),
    ("frame_system_extensions", "check_weight"),
    ("pallet_transaction_payment", "charge_transaction_payment"),
    ("frame_system_extensions", "weight_reclaim"),
]


def load_batches(path):
    with open(path) as f:
        return json.load(f)


def components_key(result):
    return tuple((name, value) for name, value in result["components"])


class Bench:
    """One benchmark: median time and the storage counts per component setting."""

    def __init__(self, batch):
        self.pallet = batch["pallet"]
        self.name = batch["benchmark"]
        times = {}
        for r in batch["time_results"]:
            times.setdefault(components_key(r), []).append(r["extrinsic_time"] / 1000.0)
        self.samples = times
        self.times = {k: statistics.median(v) for k, v in times.items()}
        self.fastest = {k: min(v) for k, v in times.items()}
        self.db = {components_key(r): r for r in batch["db_results"]}

    def settings(self):
        return sorted(self.times)

    def at(self, end="max"):
        """The setting with every component at its largest (`max`, the worst case) or smallest
        (`min`)."""
        pick = max if end == "max" else min
        return pick(self.settings(), key=lambda k: tuple(v for _, v in k))

    def row(self, key, db_read_us, db_write_us):
        db = self.db.get(key, {})
        reads, writes = db.get("reads", 0), db.get("writes", 0)
        time_us = self.times[key]
        return {
            "components": {n: v for n, v in key},
            "time_us": round(time_us, 2),
            "fastest_us": round(self.fastest[key], 2),
            "reads": reads,
            "writes": writes,
            "proof_bytes": db.get("proof_size", 0),
            "weight_us": round(time_us + reads * db_read_us + writes * db_write_us, 2),
        }


# The repository (the runtime's generated weights are read for the machine's speed).
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The `*_deepest` benchmarks: the runtime constant of the depth they run at (as the throughput
# test writes them) and the key of what the runtime charges there (None: not written).
CHARGED_AT_DEPTH = {
    ("pallet_rampart_delegation", "stake_at_deepest"): ("max_history_depth", "stake_at_ref_time_ps"),
    ("pallet_rampart_delegation", "on_slash_decrease_deepest"):
        ("max_history_depth", "on_slash_ref_time_ps"),
    ("pallet_rampart_delegation", "on_slash_redistribute_deepest"):
        ("max_history_depth", "on_slash_ref_time_ps"),
    ("pallet_rampart_slashing", "slash_deepest"):
        ("max_cumulative_slash_depth", "slash_own_at_deepest_ref_time_ps"),
    ("pallet_rampart_slashing", "request_slash_deepest"):
        ("max_cumulative_slash_depth", "request_own_at_deepest_ref_time_ps"),
    ("pallet_rampart_slashing", "execute_slash_deepest"):
        ("max_cumulative_slash_depth", "execute_own_at_deepest_ref_time_ps"),
}


def coverage(charged_us, measured_us, error_us):
    """Whether a charge covers a measured median: "yes"; "within noise" (short of it by less
    than twice the median's standard error); "no"; None without a charge."""
    if charged_us is None:
        return None
    if charged_us >= measured_us:
        return "yes"
    return "within noise" if charged_us >= measured_us - 2 * error_us else "no"


def at_speed(charged_us, row, speed, db_read_us, db_write_us):
    """A charge with its time scaled by this run's slowdown against the run of the pallet's
    weights (`speed`, that pallet's entry of the machine's speed; its reads and writes as the
    measured row's)."""
    if charged_us is None or not speed:
        return None
    db_us = row["reads"] * db_read_us + row["writes"] * db_write_us
    return round((charged_us - db_us) * speed["slowdown"] + db_us, 2)


def weights_file(pallet):
    """The generated weights of a pallet of the reference runtime: a Rampart pallet's default
    weights in the pallet, another's in the runtime."""
    if pallet.startswith("pallet_rampart_"):
        return os.path.join(ROOT, "pallets", pallet[len("pallet_rampart_"):], "src",
                            "default_weights.rs")
    return os.path.join(ROOT, "runtime", "src", "weights", f"{pallet}.rs")


WEIGHT_FN = re.compile(r"\n\tfn (\w+)\([^)]*\) -> Weight \{(.*?)\n\t\}", re.S)
TIME_SLOPE = re.compile(r"Weight::from_parts\(([\d_]+), 0\)\.saturating_mul\((\w+)\.into\(\)\)")
# The note `charge-deepest.py` writes above a time it charged at a quantile of the repeats.
QUANTILE_NOTE = re.compile(r"// Time: the ([\d.]+ quantile of \d+ repeats)")


def generated_times(path):
    """What a generated weights file charges in time: {function: (base ps, {component: slope
    ps}, how the base was taken)}, and the date it was generated on."""
    with open(path) as f:
        text = f.read()
    fns = {}
    for name, body in WEIGHT_FN.findall(text):
        base = re.search(r"Weight::from_parts\(([\d_]+),", body)
        if base:
            note = QUANTILE_NOTE.search(body)
            fns[name] = (int(base.group(1).replace("_", "")),
                         {c: int(v.replace("_", "")) for v, c in TIME_SLOPE.findall(body)},
                         note.group(1) if note else "median of the repeats")
    generated = re.search(r"on (\d{4}-\d{2}-\d{2})\.", text)
    return fns, generated.group(1) if generated else None


def charged_as(pallet, name):
    """How a pallet's generated weights charge the time of a component-less benchmark: the
    median of the weights' repeats, or the quantile `charge-deepest.py` wrote with its note."""
    path = weights_file(pallet)
    fn = generated_times(path)[0].get(name) if os.path.exists(path) else None
    return fn[2] if fn else None


def machine_speed(benches):
    """How fast this run's machine was beside the run each pallet's weights came from: the
    median, over the pallet's benchmarks at every setting this run measured (the `*_deepest`
    runs, which the report judges, left out), of this run's median time over the time the
    pallet's generated weights charge at that setting. A weight file is one run, so its own
    benchmarks tell that run's speed."""
    speeds = {}
    for pallet in sorted({p for p, _ in benches}):
        path = weights_file(pallet)
        if not os.path.exists(path):
            continue
        fns, generated = generated_times(path)
        ratios = []
        for (p, name), b in benches.items():
            if p != pallet or name.endswith("_deepest") or name not in fns:
                continue
            base, slopes, _ = fns[name]
            for key in b.settings():
                charged_ps = base + sum(slopes.get(c, 0) * v for c, v in key)
                if charged_ps > 0:
                    ratios.append(b.times[key] * 1e6 / charged_ps)
        if ratios:
            speeds[pallet] = {"weights_generated": generated, "settings": len(ratios),
                              "slowdown": round(statistics.median(ratios), 3),
                              "lowest": round(min(ratios), 3), "highest": round(max(ratios), 3)}
    return speeds


COVERED = {"yes": "yes", "within noise": "within noise", "no": "**no**", None: "—"}


def deep_entries(d, max_epoch):
    """The entries of the deep slash rows' history at depth `d` (slashing's benchmarks,
    `epoch_for`): 2^d - 1, or past the longest epoch a vault may have, that epoch's window plus
    the page before it."""
    entries = 2 ** d - 1
    if max_epoch is not None:
        entries = min(entries, max_epoch + 2 ** PAGE_DEPTH)
    return entries


def median_error(samples):
    """The standard error of a median of `samples` (normal approximation, 1.2533 sigma/sqrt n,
    sigma estimated from the median absolute deviation so that one slow outlier does not widen
    it): how far another run's median of as many samples may fall from this one by noise
    alone."""
    if len(samples) < 2:
        return 0.0
    mid = statistics.median(samples)
    sigma = 1.4826 * statistics.median(abs(x - mid) for x in samples)
    return 1.2533 * sigma / len(samples) ** 0.5


def line_fit(points):
    """The least-squares line through `points` ([(x, y)]), as a function of x: how the weights'
    linear formula in a component extends beyond the range it was measured on."""
    n = len(points)
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    sxx = sum((x - mx) ** 2 for x, _ in points)
    slope = sum((x - mx) * (y - my) for x, y in points) / sxx if sxx else 0.0
    return lambda x: my + slope * (x - mx)


def svg_plot(path, title, xlabel, series):
    """A line plot of `series` ([(label, colour, [(x, y)])]) from y = 0, as SVG."""
    width, height, left, bottom, top, right = 640, 360, 70, 50, 40, 20
    xs = [x for _, _, pts in series for x, _ in pts]
    ys = [y for _, _, pts in series for _, y in pts]
    x0, x1 = min(xs), max(xs)
    y1 = max(ys) * 1.1 or 1.0
    if x1 == x0:
        x1 = x0 + 1

    def px(x):
        return left + (x - x0) / (x1 - x0) * (width - left - right)

    def py(y):
        return height - bottom - y / y1 * (height - top - bottom)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'font-family="sans-serif" font-size="12">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="{width / 2}" y="20" text-anchor="middle" font-size="14">{title}</text>',
           f'<line x1="{left}" y1="{py(0)}" x2="{width - right}" y2="{py(0)}" stroke="black"/>',
           f'<line x1="{left}" y1="{top}" x2="{left}" y2="{py(0)}" stroke="black"/>',
           f'<text x="{width / 2}" y="{height - 12}" text-anchor="middle">{xlabel}</text>',
           f'<text x="16" y="{height / 2}" text-anchor="middle" '
           f'transform="rotate(-90 16 {height / 2})">µs</text>']
    for i in range(5):
        y = y1 * i / 4
        out.append(f'<text x="{left - 6}" y="{py(y) + 4}" text-anchor="end">{y:.0f}</text>')
        out.append(f'<line x1="{left}" y1="{py(y)}" x2="{width - right}" y2="{py(y)}" '
                   f'stroke="#ddd"/>')
    for x in sorted(set(xs))[:: max(1, len(set(xs)) // 8)]:
        out.append(f'<text x="{px(x)}" y="{py(0) + 16}" text-anchor="middle">{x}</text>')
    for n, (label, colour, pts) in enumerate(series):
        pts = sorted(pts)
        line = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in pts)
        out.append(f'<polyline points="{line}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for x, y in pts:
            out.append(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3" fill="{colour}"/>')
        out.append(f'<text x="{left + 10}" y="{top + 14 + 16 * n}" fill="{colour}">{label}</text>')
    out.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def curves(benches, plots, db_read_us, db_write_us):
    """A curve per component of every benchmark that varies one, the others at their largest."""
    found = []
    for b in benches:
        settings = b.settings()
        names = [n for n, _ in settings[0]] if settings else []
        for i, name in enumerate(names):
            values = sorted({k[i][1] for k in settings})
            if len(values) < 2:
                continue
            # The bencher varies one component at a time with the others at their largest,
            # or at their smallest: take whichever was run.
            for pick in (max, min):
                others = {n: pick(k[j][1] for k in settings)
                          for j, n in enumerate(names) if j != i}
                keys = [k for k in settings
                        if all(k[j][1] == others[n] for j, n in enumerate(names) if j != i)]
                if len(keys) >= 2:
                    break
            else:
                continue
            rows = sorted((k[i][1], b.row(k, db_read_us, db_write_us)) for k in keys)
            file = f"{b.pallet}.{b.name}.{name}.svg"
            svg_plot(os.path.join(plots, file), f"{b.pallet}::{b.name}",
                     f"{name}" + (f" (others: {others})" if others else ""),
                     [("median time", "#1f77b4", [(x, r["time_us"]) for x, r in rows]),
                      ("weight (time + reads and writes)", "#d62728",
                       [(x, r["weight_us"]) for x, r in rows])])
            first, last = rows[0][1], rows[-1][1]
            found.append({
                "pallet": b.pallet, "benchmark": b.name, "component": name,
                "others": others, "plot": f"plots/{file}",
                "from": {"value": rows[0][0], **first}, "to": {"value": rows[-1][0], **last},
                "time_growth": round(last["time_us"] / first["time_us"], 2)
                if first["time_us"] else None,
                "points": [{"value": x, **r} for x, r in rows],
            })
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--raw", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--steps", required=True)
    parser.add_argument("--repeat", required=True)
    parser.add_argument("--machine", required=True)
    parser.add_argument("--baseline", help="an earlier run's figures to compare with")
    args = parser.parse_args()

    throughput = json.load(open(os.path.join(args.raw, "throughput.json")))
    sync = json.load(open(os.path.join(args.raw, "sync.json")))
    runtime = throughput["runtime"]
    db_read_us, db_write_us = runtime["db_read_ps"] / 1e6, runtime["db_write_ps"] / 1e6
    normal_us = (runtime["normal_max_total_ref_time_ps"] or runtime["max_block_ref_time_ps"]) / 1e6
    base_us = runtime["normal_base_extrinsic_ref_time_ps"] / 1e6

    benches = {}
    for path in sorted(glob.glob(os.path.join(args.raw, "pallet_*.json")) +
                       glob.glob(os.path.join(args.raw, "frame_*.json"))):
        for batch in load_batches(path):
            b = Bench(batch)
            benches[(b.pallet, b.name)] = b
    # Charges measured on a faster machine look short in a slower run, and the other way round:
    # this run's speed beside each weight file's run, from the reference runtime's own runs.
    speed = machine_speed(benches)

    # The comparison runtime's runs (compare-<pallet>.json): its staking and pools join the
    # curves; its balances transfer calibrates one runtime against the other.
    compared = {}
    for path in sorted(glob.glob(os.path.join(args.raw, "compare-*.json"))):
        for batch in load_batches(path):
            b = Bench(batch)
            compared[(b.pallet, b.name)] = b
            if b.pallet != "pallet_balances":
                benches[(b.pallet, b.name)] = b

    # The lookups charged at the runtime's depth, run again with as many repeats as the weights'
    # own runs, in a run of their whole pallet (deepest-<pallet>.json): these replace the pallet
    # run's few repeats of the `*_deepest` benchmarks (the other benchmarks of those runs, at two
    # steps, are left out).
    for path in sorted(glob.glob(os.path.join(args.raw, "deepest*.json"))):
        for batch in load_batches(path):
            b = Bench(batch)
            if b.name.endswith("_deepest"):
                benches[(b.pallet, b.name)] = b

    missing = [f"{p}::{n}" for p, n in EXTENSIONS if (p, n) not in benches]
    if missing:
        raise SystemExit(f"the run lacks the extensions' benchmarks: {missing}")
    extensions = [{"pallet": p, "call": n, **benches[(p, n)].row(benches[(p, n)].at(),
                                                                 db_read_us, db_write_us)}
                  for p, n in EXTENSIONS]
    ext_us = round(sum(e["weight_us"] for e in extensions), 2)
    per_xt_us = base_us + ext_us

    hot = []
    for pallet, name, other_pallet, other in HOT:
        b = benches.get((pallet, name))
        if not b:
            continue
        row = {"pallet": pallet, "call": name, **b.row(b.at(), db_read_us, db_write_us)}
        row["per_block_by_weight"] = int(normal_us // (row["weight_us"] + per_xt_us))
        a = benches.get((other_pallet, other)) if other_pallet else None
        if a:
            arow = a.row(a.at(), db_read_us, db_write_us)
            row["beside"] = {"pallet": other_pallet, "call": other, **arow,
                             "ratio": round(row["weight_us"] / arow["weight_us"], 2)}
        hot.append(row)

    def label(pallet, call, row):
        comps = ", ".join(f"{k}={v}" for k, v in row["components"].items())
        short = pallet.replace("pallet_rampart_", "").replace("pallet_nomination_", "") \
            .replace("pallet_staking_async", "staking").replace("pallet_", "")
        return f"{short}.{call}" + (f" ({comps})" if comps else "")

    side_by_side = []
    for pallet, name, end, analogues, target, gas in COMPARE:
        b = benches.get((pallet, name))
        if not b:
            continue
        row = b.row(b.at(end), db_read_us, db_write_us)
        for i, (apallet, aname, aend) in enumerate(analogues):
            a = benches.get((apallet, aname))
            if not a:
                raise SystemExit(f"the run lacks {apallet}::{aname} beside {pallet}::{name}")
            arow = a.row(a.at(aend), db_read_us, db_write_us)
            ratio = round(row["weight_us"] / arow["weight_us"], 2)
            side_by_side.append({
                "rampart": {"pallet": pallet, "call": name, "label": label(pallet, name, row),
                            **row},
                "analogue": {"pallet": apallet, "call": aname,
                             "label": label(apallet, aname, arow), **arow},
                "ratio": ratio,
                "target": target if i == 0 else None,
                "meets": (ratio <= target) if target and i == 0 else None,
                "reference_gas": {"call": gas[0], "median": gas[1]} if gas else None,
            })
    calibration = None
    if ("pallet_balances", "transfer_keep_alive") in compared and \
            ("pallet_balances", "transfer_keep_alive") in benches:
        here = benches[("pallet_balances", "transfer_keep_alive")]
        there = compared[("pallet_balances", "transfer_keep_alive")]
        calibration = {"reference_runtime": here.row(here.at(), db_read_us, db_write_us),
                       "compare_runtime": there.row(there.at(), db_read_us, db_write_us)}

    flat = []
    for path in sorted(glob.glob(os.path.join(args.raw, "flatness-*.json"))):
        for batch in load_batches(path):
            b = Bench(batch)
            for key in b.settings():
                flat.append({"depositors": key[0][1], **b.row(key, db_read_us, db_write_us)})
    flat.sort(key=lambda r: r["depositors"])

    # A slash's own weight at the deepest search the runtime allows (the larger of the fitted line
    # and `slash_deepest`, as the throughput test read it from the runtime).
    def charged_own_slash(d):
        charged = runtime.get("charged") or {}
        if d != charged.get("max_cumulative_slash_depth"):
            return None
        return round(charged["slash_own_at_deepest_ref_time_ps"] / 1e6, 2)

    deep = []
    for path in sorted(glob.glob(os.path.join(args.raw, "depth-*.json"))):
        for batch in load_batches(path):
            b = Bench(batch)
            fitted = benches.get((b.pallet, b.name))
            if not fitted:
                raise SystemExit(f"no fitted run of {b.pallet}::{b.name} beside its deep run")
            # History-depth benchmarks run over the steps beyond the history's head, `p`; the
            # depth `d` is `p` plus the head's (PAGE_DEPTH in rampart_primitives::paged_trace).
            def depth(k):
                return k[0][1] + (PAGE_DEPTH if k[0][0] == "p" else 0)
            points = [(depth(k), fitted.times[k], fitted.db.get(k, {}).get("reads", 0))
                      for k in fitted.settings()]
            time_fit, reads_fit = line_fit([(d, t) for d, t, _ in points]), \
                line_fit([(d, r) for d, _, r in points])
            for key in b.settings():
                d = depth(key)
                row = b.row(key, db_read_us, db_write_us)
                charged_us = charged_own_slash(d)
                error_us = median_error(b.samples[key])
                scaled_us = at_speed(charged_us, row, speed.get(b.pallet), db_read_us,
                                     db_write_us)
                deep.append({
                    "covered": coverage(charged_us, row["weight_us"], error_us),
                    "charged_at_this_speed_us": scaled_us,
                    "covered_at_this_speed": coverage(scaled_us, row["weight_us"], error_us),
                    "pallet": b.pallet, "benchmark": b.name, "depth": d,
                    "entries": deep_entries(d, runtime.get("max_epoch_duration")),
                    "fitted_on": [min(p[0] for p in points), max(p[0] for p in points)],
                    "time_by_fit_us": round(time_fit(d), 2),
                    "reads_by_fit": round(reads_fit(d), 1),
                    "charged_weight_us": charged_us, **row,
                })

    # Lookups in histories are charged at the runtime's deepest (delegation's `MaxHistoryDepth`,
    # slashing's `MaxCumulativeSlashDepth`): the larger of the line through the curve there and a
    # run at that depth itself (`<name>_deepest`), since the cost is convex in the depth.
    deepest = []
    for (pallet, name), b in sorted(benches.items()):
        if not name.endswith("_deepest"):
            continue
        curve = benches.get((pallet, name[:-len("_deepest")]))
        if not curve:
            raise SystemExit(f"no curve of {pallet}::{name} beside it")
        if (pallet, name) not in CHARGED_AT_DEPTH:
            raise SystemExit(f"{pallet}::{name}: which depth and charge? (CHARGED_AT_DEPTH)")
        depth_key, key = CHARGED_AT_DEPTH[(pallet, name)]
        points = [(k[0][1], curve.times[k]) for k in curve.settings()]
        charged = runtime.get("charged") or {}
        depth = charged.get(depth_key, max(x for x, _ in points) + PAGE_DEPTH)
        row = b.row(b.at(), db_read_us, db_write_us)
        samples = b.samples[b.at()]
        # What the runtime charges (its generated weights, as the throughput test reads them):
        # a lookup's own weight, the upfront charge of the delegator side of a slash, or a
        # slash's own part.
        charged_us = round(charged[key] / 1e6, 2) if key in charged else None
        # The charge is the median of the weights' own run; this run's median of as many samples
        # differs from it by noise too. "yes": the charge covers this median; "within noise":
        # it falls short of it by less than twice the median's standard error; "no": by more.
        error_us = median_error(samples)
        covered = coverage(charged_us, row["weight_us"], error_us)
        scaled_us = at_speed(charged_us, row, speed.get(pallet), db_read_us, db_write_us)
        covered_scaled = coverage(scaled_us, row["weight_us"], error_us)
        deepest.append({
            "charged_at_this_speed_us": scaled_us, "covered_at_this_speed": covered_scaled,
            "pallet": pallet, "benchmark": name, "depth": depth,
            "curve_top_us": round(curve.times[curve.at()], 2),
            "line_at_depth_us": round(line_fit(points)(depth - PAGE_DEPTH), 2),
            "charged_weight_us": charged_us, "charged_as": charged_as(pallet, name),
            "samples": len(samples), "slowest_us": round(max(samples), 2),
            "median_error_us": round(error_us, 2), "covered": covered, **row,
        })

    os.makedirs(os.path.join(args.out, "plots"), exist_ok=True)
    for old in glob.glob(os.path.join(args.out, "plots", "*.svg")):
        os.remove(old)
    found = curves(list(benches.values()), os.path.join(args.out, "plots"), db_read_us,
                   db_write_us)

    report = {
        "generated": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "machine": args.machine, "steps": int(args.steps), "repeat": int(args.repeat),
        "runtime": runtime, "extensions": extensions, "extensions_us": ext_us,
        "hot_paths": hot, "side_by_side": side_by_side, "calibration": calibration,
        "machine_speed": speed,
        "on_slash_flatness": flat, "deep_histories": deep, "charged_at_depth": deepest,
        "curves": found,
        "throughput": throughput, "sync": sync,
    }

    md = []
    w = md.append
    w("# Rampart performance report\n")
    w(f"Generated by `./benchmarking/report.sh` on {report['generated']}: {args.machine}. "
      f"Benchmarks: frame-omni-bencher on the runtime's wasm (compiled execution), "
      f"{args.steps} steps × {args.repeat} repeats; times are medians. Weight = time + reads × "
      f"{db_read_us:g} µs + writes × {db_write_us:g} µs (the runtime's `DbWeight`). The normal "
      f"class of a block may use {normal_us / 1e6:g} s of weight; each signed extrinsic "
      f"adds {base_us:g} µs of base and {ext_us:g} µs of transaction extensions (nonce, "
      f"payment, weight and era checks, measured in this run), which the *per block* column "
      f"counts. Every figure below comes from this run; `report.json` holds them all.\n")
    w("## Hot paths, at their worst case\n")
    w("| call | time µs | reads | writes | proof B | weight µs | per block (weight) | "
      "beside it, same run | its weight µs | ratio |")
    w("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|")
    for r in hot:
        comps = ", ".join(f"{k}={v}" for k, v in r["components"].items())
        label = f"{r['pallet'].replace('pallet_rampart_', '')}.{r['call']}" + \
            (f" ({comps})" if comps else "")
        b = r.get("beside")
        side = (f"{b['pallet'].replace('pallet_', '')}.{b['call']} | {b['weight_us']} | "
                f"{b['ratio']}") if b else "— | — | —"
        w(f"| {label} | {r['time_us']} | {r['reads']} | {r['writes']} | {r['proof_bytes']} | "
          f"{r['weight_us']} | {r['per_block_by_weight']} | {side} |")
    if args.baseline:
        base = json.load(open(args.baseline))
        before = {(r["pallet"], r["call"]): r for r in base["hot_paths"]}
        report["baseline"] = {k: base[k] for k in ("commit", "generated", "steps", "repeat")}
        w(f"\n### Before and after\n\nThe same calls in the run of commit {base['commit']} "
          f"({base['generated']}, {base['steps']} steps × {base['repeat']} repeats; "
          f"`{os.path.basename(args.baseline)}`): {base['what']}.\n")
        w("| call | reads before → now | writes before → now | weight µs before → now |")
        w("|---|---|---|---|")
        for r in hot:
            b = before.get((r["pallet"], r["call"]))
            if b:
                w(f"| {r['pallet'].replace('pallet_rampart_', '')}.{r['call']} | "
                  f"{b['reads']} → {r['reads']} | {b['writes']} → {r['writes']} | "
                  f"{b['weight_us']} → {r['weight_us']} |")
        phases = {p["phase"]: p for p in base["throughput_phases"]}
        w("\n| throughput phase | most per block before → now |")
        w("|---|---|")
        for p in throughput["phases"]:
            if p["phase"] in phases:
                w(f"| {p['phase']} | {phases[p['phase']]['max_per_block']} → "
                  f"{p['max_per_block']} |")
    if side_by_side:
        w("\n## Side by side with polkadot-sdk's staking and nomination pools\n")
        w("Measured in this run on the comparison runtime (`benchmarking/compare-runtime`: "
          "`pallet-staking-async` with bags-list and delegated staking, `pallet-nomination-pools` "
          "on delegated stake, as Polkadot runs them, with Polkadot's bonding duration and "
          "unlocking chunks), on the same machine and executor, weighed with the same database "
          "weights. Ratio = Rampart's weight over the analogue's; the target "
          "(PERFORMANCE.md) bounds deposit, withdraw and claim by half their pools analogue. "
          "The reference's gas (PROTOCOL.md §8.1, median of symbioticfi/core's forge gas "
          "report) is for orientation only: EVM gas does not convert to weight.\n")
        w("| Rampart call | weight µs | reads / writes | proof B | analogue | weight µs | "
          "reads / writes | proof B | ratio | target | reference gas |")
        w("|---|---:|---:|---:|---|---:|---:|---:|---:|---|---|")
        for r in side_by_side:
            a, m = r["analogue"], r["rampart"]
            verdict = "—" if r["target"] is None else \
                f"≤ {r['target']}: {'met' if r['meets'] else '**missed**'}"
            gas = f"{r['reference_gas']['call']} {r['reference_gas']['median']:,}" \
                if r["reference_gas"] else "—"
            w(f"| {m['label']} | {m['weight_us']} | {m['reads']} / {m['writes']} | "
              f"{m['proof_bytes']} | {a['label']} | {a['weight_us']} | {a['reads']} / "
              f"{a['writes']} | {a['proof_bytes']} | {r['ratio']} | {verdict} | {gas} |")
        if calibration:
            c, d = calibration["reference_runtime"], calibration["compare_runtime"]
            w(f"\nOne runtime against the other: `balances.transfer_keep_alive` measured "
              f"{c['time_us']} µs ({c['reads']} reads, {c['writes']} writes) on the reference "
              f"runtime and {d['time_us']} µs ({d['reads']} reads, {d['writes']} writes) on the "
              f"comparison runtime in this run.\n")
    else:
        w("\nNot in this run: the comparison runtime's benchmarks (`compare-*.json`), so "
          "there is no side-by-side table.\n")

    w("## A slash costs the same whatever the number of depositors\n")
    if flat:
        w(f"`vaults.on_slash_flatness`: the slashed vault has the given number of depositors, in a "
          f"chain state of {max(r['depositors'] for r in flat)} depositors each time (the others "
          f"in a second vault), so that only the depositor count differs.\n")
    w("| depositors | median µs | fastest µs | reads | writes | proof B |")
    w("|---:|---:|---:|---:|---:|---:|")
    for r in flat:
        w(f"| {r['depositors']} | {r['time_us']} | {r['fastest_us']} | {r['reads']} | "
          f"{r['writes']} | {r['proof_bytes']} |")
    w("")

    if deep:
        w("## History lookups beyond the fitted range\n")
        w("The weights of history lookups are linear in the binary search's depth `d` (a history "
          "of up to 2^d entries). The slash's is fitted on a short range and charged at the "
          "depth it finds, up to the runtime's deepest (`MaxCumulativeSlashDepth`), by "
          "extrapolation below the deepest; these runs build the deep histories themselves (a "
          "pair slashed in every block of its window, slashed at the window's oldest capture, so "
          "that the search reads every level of pages; at the deepest, a window of the longest "
          "epoch a vault may have) and compare what they measure with the fitted line at the "
          "same depth. (`delegation.stake_at` is run up to "
          "the runtime's `MaxHistoryDepth` itself: see the next section.)\n")
        w("At the runtime's deepest search (`MaxCumulativeSlashDepth`) the slash is charged the "
          "larger of the fitted line and its run in that history itself (`slash_deepest`); the "
          "last columns set that charge beside this run's measured weight (time plus reads and "
          "writes at the runtime's database weights), as measured and at this run's speed (see "
          "the next section).\n")
        w("| benchmark | d | entries | median µs | fastest µs | by the fit µs | reads | "
          "reads by the fit | writes | measured weight µs | charged µs | covered | "
          "charged at this run's speed µs | covered at this speed |")
        w("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---|")
        for r in deep:
            charged, scaled = r["charged_weight_us"], r["charged_at_this_speed_us"]
            w(f"| {r['pallet'].replace('pallet_rampart_', '')}.{r['benchmark']} | {r['depth']} | "
              f"{r['entries']} | {r['time_us']} | {r['fastest_us']} | {r['time_by_fit_us']} "
              f"(fitted on d={r['fitted_on'][0]}..{r['fitted_on'][1]}) | {r['reads']} | "
              f"{r['reads_by_fit']} | {r['writes']} | {r['weight_us']} | "
              f"{charged if charged is not None else '—'} | {COVERED[r['covered']]} | "
              f"{scaled if scaled is not None else '—'} | {COVERED[r['covered_at_this_speed']]} |")
        w("")

    if deepest:
        w("## History lookups at the depth they are charged at\n")
        w("Delegation charges every lookup (and the slash policies that read histories) at the "
          "runtime's `MaxHistoryDepth`, the top of its curves below; the slashing calls charge "
          "their cumulative-slash search at `MaxCumulativeSlashDepth` (the window of the "
          "longest epoch), beyond their curves. There the time grows faster than linearly with "
          "the depth (every storage access slows as the benchmark state grows with the "
          "histories), so the least-squares line through a curve falls short at its deep end. "
          "Each call is therefore also run at that depth itself (`*_deepest`), and the runtime "
          "charges the larger of its weights' line and that run (both from its generated "
          "weights). The last columns set the measured weight (time plus reads and writes at "
          "the runtime's database weights) beside what the runtime charges: for a lookup its "
          "own weight; for the slash policies the upfront charge of the delegator side of a "
          "slash (the most any policy may cost); for a slash its own part (the lookup and the "
          "delegator side come on top).\n")
        w("The charge's time is what the weights' own run wrote (its repeats are in the "
          "weight file's header): the median of its repeats, or, as `run-benchmarks.sh` writes "
          "a `*_deepest` benchmark (`charge-deepest.py`), a high quantile of them (`charged "
          "as`). These rows are a median of `repeats` runs, which another run would "
          "move by noise alone. `± µs` is twice that median's standard error (1.2533 σ/√n, σ "
          "from the median absolute deviation): \"within noise\" is a charge short of this "
          "median by less than that, \"no\" by more.\n")
        if speed:
            w("The charges were measured in another run (the weights'), and the machine's speed "
              "differs between runs. For each pallet, the median over its benchmarks at every "
              "setting this run measured (the `*_deepest` runs left out) of this run's time over "
              "the time its generated weights charge at that setting says how much slower this "
              "run ran than the run its weights came from (one weight file, one run). The last "
              "two columns scale the charge's time by its pallet's factor (its reads and writes "
              "unchanged) and compare again.\n")
            w("| pallet | weights generated | settings | this run's time over the weights' "
              "(median) | lowest – highest |")
            w("|---|---|---:|---:|---|")
            for pallet, f in speed.items():
                w(f"| {pallet.replace('pallet_rampart_', '')} | {f['weights_generated']} | "
                  f"{f['settings']} | {f['slowdown']} | {f['lowest']} – {f['highest']} |")
            w("")
        w("| benchmark | d | repeats | measured µs (fastest – slowest) | ± µs | curve's top µs | "
          "line through the curve at d µs | reads | writes | measured weight µs | charged µs | "
          "charged as | covered | charged at this run's speed µs | covered at this speed |")
        w("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---:|---|")
        for r in deepest:
            covered = COVERED[r["covered"]]
            w(f"| {r['pallet'].replace('pallet_rampart_', '')}.{r['benchmark']} | {r['depth']} | "
              f"{r['samples']} | {r['time_us']} ({r['fastest_us']} – {r['slowest_us']}) | "
              f"{round(2 * r['median_error_us'], 1)} | {r['curve_top_us']} | "
              f"{r['line_at_depth_us']} | {r['reads']} | {r['writes']} | {r['weight_us']} | "
              f"{r['charged_weight_us'] if r['charged_weight_us'] is not None else '—'} | "
              f"{r['charged_as'] or '—'} | {covered} | "
              f"{r['charged_at_this_speed_us'] if r['charged_at_this_speed_us'] is not None else '—'} | "
              f"{COVERED[r['covered_at_this_speed']]} |")
        w("")

    w("## Curves\n")
    w("Every benchmark with a component, over that component (the others at one end); "
      "`growth` is the median time at the largest value over the smallest.\n")
    w("| benchmark | component | from | to | time µs from → to | growth | reads → | "
      "writes → | plot |")
    w("|---|---|---:|---:|---|---:|---|---|---|")
    for c in found:
        w(f"| {c['pallet'].replace('pallet_rampart_', '')}.{c['benchmark']} | {c['component']} | "
          f"{c['from']['value']} | {c['to']['value']} | {c['from']['time_us']} → "
          f"{c['to']['time_us']} | {c['time_growth']} | {c['from']['reads']} → "
          f"{c['to']['reads']} | {c['from']['writes']} → {c['to']['writes']} | "
          f"[svg]({c['plot']}) |")
    w("")

    t = throughput
    w("## Throughput on a dev node\n")
    w(f"`node/tests/throughput.rs`: {t['accounts']} accounts, {t['per_account']} signed "
      f"extrinsics each per phase, submitted over JSON-RPC on loopback to one dev node "
      f"authoring {t['block_time_ms'] / 1000:g} s blocks; a phase queues more than a block "
      f"holds and is counted until the pool is empty.\n")
    w("| phase | submitted | blocks | most per block | mean per block | per second | "
      "ratio to transfers |")
    w("|---|---:|---:|---:|---:|---:|---:|")
    for p in t["phases"]:
        w(f"| {p['phase']} | {p['submitted']} | {p['blocks']} | {p['max_per_block']} | "
          f"{p['mean_per_block']:.0f} | {p['max_per_second']:.0f} | "
          f"{p['ratio_to_transfers']:.2f} |")
    period = t["runtime"].get("session_period")
    if period:
        w(f"\n\"Per second\" is the most in one block over the block time. One block in {period} "
          f"rotates the session and takes no extrinsic (`pallet-session` charges a whole block's "
          f"weight for a rotation), so a sustained load gets {(period - 1) / period:.0%} of it; a "
          f"production chain's sessions are far longer than this runtime's {period} blocks.\n")
    s = t.get("sync")
    if s:
        w(f"\nThe author's database (ParityDB) holds {s['database_bytes']} bytes for "
          f"{s['chain_blocks']} blocks of this load, {s['bytes_per_block']:.0f} per block. A fresh "
          f"node, connected to the author alone, imported {s['blocks_timed']} blocks of it (the "
          f"load's full blocks among them) in {s['seconds']:.2f} s after its first: "
          f"{s['blocks_per_second']:.0f} blocks/s.\n")
    e, f = sync["empty"], sync["full"]
    signed = [c for c in f["signed_per_block"] if c]
    rotations = len(f["signed_per_block"]) - len(signed)
    w("## Sync\n")
    w(f"`node/tests/throughput.rs` (`a_fresh_node_syncs_a_long_chain_of_empty_then_full_blocks`): "
      f"`rampart-node build-bench-chain` authors {e['blocks']} blocks of inherents only, then "
      f"{f['blocks']} blocks filled with balance transfers up to the block's limits "
      f"({min(signed)} to {max(signed)} signed extrinsics each; the {rotations} among them that "
      f"rotate the session, one block in {f['session_period']}, take none, because "
      f"`pallet-session` charges a whole block's weight for a rotation), offline, with past "
      f"slots and real Aura seals, in {sync['build_seconds']:.0f} s; a node serves that database and a fresh node "
      f"syncs it from it over loopback (full sync: every block downloaded and executed). Each part "
      f"is timed apart, from the follower's best block.\n")
    w("| blocks | count | seconds | blocks/s |")
    w("|---|---:|---:|---:|")
    w(f"| empty (inherents only) | {e['blocks_timed']} | {e['seconds']:.2f} | "
      f"**{e['blocks_per_second']:.0f}** |")
    w(f"| full (transfers) | {f['blocks']} | {f['seconds']:.2f} | "
      f"**{f['blocks_per_second']:.2f}** |")
    w("")
    verdict = "meets" if e["blocks_per_second"] >= 100 else "misses"
    w(f"Target (PERFORMANCE.md): a fresh node syncs at 100 blocks/s or more. On ordinary blocks "
      f"this run {verdict} it: {e['blocks_per_second']:.0f} blocks/s. Full blocks import at "
      f"{f['blocks_per_second']:.2f} blocks/s ({1000 / f['blocks_per_second']:.0f} ms each, "
      f"{f['transfers_per_second']:.0f} transfers/s): a node imports a "
      f"block by executing it, so a block whose extrinsics fill the weight limit cannot import "
      f"in the 10 ms that 100 blocks/s would give it. The target holds for blocks far below the "
      f"weight limit, not for a chain of full blocks; a full block's import is bounded instead by "
      f"the block time (below).\n")
    w("## Block budget\n")
    w(f"How long the dev node took to build the slowest block of each phase: from the start of "
      f"block building to the sealed block (inherents, every extrinsic applied, the state root), "
      f"from the node's own log line. `end` says why it stopped filling the block: "
      f"`HitBlockWeightLimit` is a block at the normal class's whole weight. The block time is "
      f"{t['block_time_ms'] / 1000:g} s.\n")
    w("| phase | block | signed extrinsics | built in ms | end | share of block time |")
    w("|---|---:|---:|---:|---|---:|")
    for p in t["phases"]:
        b = p.get("slowest_build")
        if b:
            w(f"| {p['phase']} | #{b['block']} | {b['signed']} | {b['millis']} | "
              f"{b['end']} | {b['millis'] / t['block_time_ms']:.0%} |")
    w("")
    deposits = next((p for p in t["phases"] if p["phase"] == "deposits"), None)
    if deposits:
        verdict = "meets" if deposits["max_per_block"] >= 1400 else "misses"
        w(f"Target (PERFORMANCE.md): at least 1 400 deposits per block. This run "
          f"{verdict} it: {deposits['max_per_block']} at most in one block.\n")
    with open(os.path.join(args.out, "report.json"), "w") as f:
        json.dump(report, f, indent=1)
    with open(os.path.join(args.out, "REPORT.md"), "w") as f:
        f.write("\n".join(md) + "\n")


if __name__ == "__main__":
    main()
