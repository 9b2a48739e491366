#!/usr/bin/env bash
# Regenerates the reference runtime's weights, one file per pallet in runtime/src/weights/, by
# running every pallet's benchmarks through `rampart-node benchmark pallet` on this machine; each
# Rampart pallet also gets the same numbers as its default `SubstrateWeight<T>`
# (pallets/<name>/src/default_weights.rs).
#
#   ./benchmarking/run-benchmarks.sh              # all pallets
#   ./benchmarking/run-benchmarks.sh pallet_assets  # just these
#   STEPS=50 REPEAT=20 ./benchmarking/run-benchmarks.sh
#   RAMPART_NODE=path/to/rampart-node BENCH_RESULTS=/tmp/results ./benchmarking/run-benchmarks.sh
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

# RAMPART_NODE names an already built node (with runtime benchmarks) to use as it is.
if [ -n "${RAMPART_NODE:-}" ]; then
	NODE="$RAMPART_NODE"
else
	say "building rampart-node with runtime benchmarks"
	cargo build --locked --release -p rampart-node --features runtime-benchmarks
	NODE="$CARGO_TARGET_DIR/release/rampart-node"
fi

# Writes pallets/<name>/src/default_weights.rs from the runtime's weights of `$1`: the same
# numbers, storage comments and proof sizes, as the pallet's `SubstrateWeight<T>`.
default_weights() {
	local pallet="$1" crate_dir="$RAMPART_ROOT/pallets/${1#pallet_rampart_}"
	{
		cat "$HEADER"
		cat <<RS

//! Default weights of \`$pallet\`: the numbers of
//! \`runtime/src/weights/$pallet.rs\`, measured on the Rampart reference runtime, as this
//! pallet's \`SubstrateWeight<T>\`. Written by \`benchmarking/run-benchmarks.sh\`; do not edit.

RS
		sed -n '/^#!\[cfg_attr(rustfmt, rustfmt_skip)\]/,$p' "$WEIGHTS_DIR/$pallet.rs" |
			sed -e "s|^/// Weights of \`$pallet\`, measured on this runtime.|/// The weights measured on the Rampart reference runtime, with every storage read and write\\
/// priced by the adopting runtime's own \`T::DbWeight\`: a safe default until a runtime runs the\\
/// benchmarks on its own hardware (it should, and then use its own numbers).|" \
				-e 's|^pub struct WeightInfo<T>(PhantomData<T>);|pub struct SubstrateWeight<T>(PhantomData<T>);|' \
				-e "s|^impl<T: frame_system::Config> $pallet::WeightInfo for WeightInfo<T> {|impl<T: frame_system::Config> crate::WeightInfo for SubstrateWeight<T> {|"
	} >"$crate_dir/src/default_weights.rs"
}

# BENCH_RESULTS keeps the raw results (JSON, with read and write counts) in that folder.
if [ -n "${BENCH_RESULTS:-}" ]; then
	RESULTS="$BENCH_RESULTS"
	mkdir -p "$RESULTS"
else
	RESULTS="$(mktemp -d)"
	trap 'rm -rf "$RESULTS"' EXIT
fi

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
		--json-file "$RESULTS/$pallet.json" \
		--template "$TEMPLATE" \
		--header "$HEADER" \
		--output "$WEIGHTS_DIR/$pallet.rs"
	# A Rampart pallet also ships these numbers as its default `SubstrateWeight<T>`, priced by
	# the adopting runtime's own database weights: the runtime's file, renamed.
	case "$pallet" in
	pallet_rampart_*) default_weights "$pallet" ;;
	esac
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
