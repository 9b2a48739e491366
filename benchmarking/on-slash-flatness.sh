#!/usr/bin/env bash
# Shows that a vault slash costs the same whatever the number of depositors: runs the vaults
# pallet's extra benchmark `on_slash_flatness` at 1, 100, 10 000 and 100 000
# depositors of the slashed vault, in a chain state that always holds 100 000 depositors, and prints, per depositor count,
# the fastest and median measured time, the storage reads and writes, and the proof size.
#
#   ./benchmarking/on-slash-flatness.sh            # REPEAT=10 by default
#
# It runs frame-omni-bencher on the runtime's wasm of the build ./scripts/test.sh and
# run-benchmarks.sh share (with `runtime-benchmarks`).

source "$(dirname "${BASH_SOURCE[0]}")/../scripts/setup.sh"

REPEAT="${REPEAT:-10}"
install_omni_bencher
say "building the runtime with its benchmarks (the build of ./scripts/test.sh)"
build_node
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

run() { # low high steps file
	"$OMNI_BENCHER" v1 benchmark pallet --runtime "$RAMPART_RUNTIME_WASM" \
		--genesis-builder-preset development --pallet pallet_rampart_vaults \
		--extrinsic on_slash_flatness --extra \
		--wasm-execution compiled --heap-pages 4096 --steps "$3" --repeat "$REPEAT" \
		--low "$1" --high "$2" --json-file "$out/$4.json" > "$out/$4.log" 2>&1 \
		|| { cat "$out/$4.log"; exit 1; }
}

say "on_slash at 1 and 100 depositors"
run 1 100 2 small
say "on_slash at 10 000 and 100 000 depositors"
run 10000 100000 2 large

python3 - "$out"/small.json "$out"/large.json <<'PY'
import json, statistics, sys
times, db = {}, {}
for path in sys.argv[1:]:
    for batch in json.load(open(path)):
        for r in batch["time_results"]:
            times.setdefault(r["components"][0][1], []).append(r["extrinsic_time"] / 1000)
        for r in batch["db_results"]:
            db.setdefault(r["components"][0][1], r)
print(f"{'depositors':>10} {'fastest µs':>11} {'median µs':>10} {'reads':>6} {'writes':>7} {'proof B':>8}")
for d in sorted(times):
    r = db.get(d, {})
    print(f"{d:>10} {min(times[d]):>11.1f} {statistics.median(times[d]):>10.1f} "
          f"{r.get('reads', '?'):>6} {r.get('writes', '?'):>7} {r.get('proof_size', '?'):>8}")
PY
