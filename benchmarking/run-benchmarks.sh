#!/usr/bin/env bash
# Regenerates the reference runtime's weights, one file per pallet in runtime/src/weights/, by
# running every pallet's benchmarks through `rampart-node benchmark pallet` on this machine.
#
#   ./benchmarking/run-benchmarks.sh              # all pallets
#   ./benchmarking/run-benchmarks.sh pallet_assets  # just these
#   STEPS=50 REPEAT=20 ./benchmarking/run-benchmarks.sh
#
# A pallet added to the runtime adds itself to PALLETS below and to `define_benchmarks!` in
# runtime/src/benchmarks.rs; the script rewrites runtime/src/weights/mod.rs from PALLETS.

source "$(dirname "${BASH_SOURCE[0]}")/../scripts/setup.sh"

# Pallets whose weights the runtime takes from here (the names of `define_benchmarks!`).
PALLETS=(
	frame_system
	frame_system_extensions
	pallet_assets
	pallet_balances
	pallet_rampart_delegation
	pallet_rampart_registry
	pallet_rampart_rewards
	pallet_rampart_slashing
	pallet_rampart_vaults
	pallet_sudo
	pallet_timestamp
	pallet_transaction_payment
)

STEPS="${STEPS:-50}"
REPEAT="${REPEAT:-20}"
WEIGHTS_DIR="$RAMPART_ROOT/runtime/src/weights"
TEMPLATE="$RAMPART_ROOT/benchmarking/frame-weight-template.hbs"
HEADER="$RAMPART_ROOT/benchmarking/header.txt"

selected=("$@")
[ ${#selected[@]} -gt 0 ] || selected=("${PALLETS[@]}")

say "building rampart-node with runtime benchmarks"
cargo build --locked --release -p rampart-node --features runtime-benchmarks
NODE="$CARGO_TARGET_DIR/release/rampart-node"

for pallet in "${selected[@]}"; do
	say "benchmarking $pallet (steps $STEPS, repeat $REPEAT)"
	"$NODE" benchmark pallet \
		--chain dev \
		--pallet "$pallet" \
		--extrinsic '*' \
		--wasm-execution compiled \
		--steps "$STEPS" \
		--repeat "$REPEAT" \
		--heap-pages 4096 \
		--template "$TEMPLATE" \
		--header "$HEADER" \
		--output "$WEIGHTS_DIR/$pallet.rs"
done

# weights/mod.rs lists exactly the generated files.
{
	cat "$HEADER"
	cat <<'RS'

//! Weights of the runtime's pallets, generated for this runtime on this project's machines by
//! `benchmarking/run-benchmarks.sh` from `benchmarking/frame-weight-template.hbs`. Do not edit the
//! generated files by hand.

/// The node stores state in ParityDB; these are its read and write costs.
pub use frame_support::weights::constants::ParityDbWeight;

RS
	for pallet in "${PALLETS[@]}"; do echo "pub mod $pallet;"; done
} > "$WEIGHTS_DIR/mod.rs"

say "weights written to runtime/src/weights/; rebuild the runtime to use them"
