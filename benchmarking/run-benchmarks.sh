#!/usr/bin/env bash
# Regenerates the reference runtime's weights by running every pallet's benchmarks on the
# runtime's wasm with frame-omni-bencher (`v1 benchmark pallet`) on this machine, on the
# `development` preset's genesis state. Another pallet's weights go to
# runtime/src/weights/<pallet>.rs; a Rampart pallet's go to the pallet itself, as its default
# `SubstrateWeight<T>` (pallets/<name>/src/default_weights.rs), which the runtime uses: one copy
# of the numbers.
#
#   ./benchmarking/run-benchmarks.sh              # all pallets
#   ./benchmarking/run-benchmarks.sh pallet_assets  # just these
#   STEPS=50 REPEAT=20 ./benchmarking/run-benchmarks.sh
#   RAMPART_RUNTIME_WASM=path/to/rampart_runtime.compact.compressed.wasm BENCH_RESULTS=/tmp/results \
#     ./benchmarking/run-benchmarks.sh
#
# The wasm comes from the build of ./scripts/test.sh (built here unless RAMPART_RUNTIME_WASM names
# one), which has the runtime's benchmarks; frame-omni-bencher is installed once at the pinned
# version (scripts/setup.sh). A pallet added to the runtime adds itself to PALLETS below and to
# `define_benchmarks!` in runtime/src/benchmarks.rs; the script rewrites runtime/src/weights/mod.rs
# from PALLETS. A benchmark of a call at the runtime's deepest history (`*_deepest`) is written
# at a high quantile of its repeats (DEEPEST_QUANTILE, 0.9) by benchmarking/charge-deepest.py.

GIVEN_WASM="${RAMPART_RUNTIME_WASM:-}"
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/setup.sh"

# Pallets whose weights the runtime takes from here (the names of `define_benchmarks!`).
PALLETS=(
	frame_system
	frame_system_extensions
	pallet_assets
	pallet_balances
	pallet_multisig
	pallet_proxy
	pallet_rampart_delegation
	pallet_rampart_middleware
	pallet_rampart_registry
	pallet_rampart_rewards
	pallet_rampart_slashing
	pallet_rampart_validators
	pallet_rampart_vaults
	pallet_sudo
	pallet_timestamp
	pallet_transaction_payment
	pallet_utility
)

STEPS="${STEPS:-50}"
REPEAT="${REPEAT:-20}"
DEEPEST_QUANTILE="${DEEPEST_QUANTILE:-0.9}"
WEIGHTS_DIR="$RAMPART_ROOT/runtime/src/weights"
TEMPLATE="$RAMPART_ROOT/benchmarking/frame-weight-template.hbs"
HEADER="$RAMPART_ROOT/benchmarking/header.txt"

selected=("$@")
[ ${#selected[@]} -gt 0 ] || selected=("${PALLETS[@]}")

install_omni_bencher
if [ -n "$GIVEN_WASM" ]; then
	WASM="$GIVEN_WASM"
else
	say "building the runtime with its benchmarks (the build of ./scripts/test.sh)"
	build_node
	WASM="$RAMPART_RUNTIME_WASM"
fi

# Writes pallets/<name>/src/default_weights.rs from the runtime-template output `$2` of `$1`:
# the same header, numbers, storage comments and proof sizes, as the pallet's
# `SubstrateWeight<T>`.
default_weights() {
	local pallet="$1" generated="$2" crate_dir="$RAMPART_ROOT/pallets/${1#pallet_rampart_}"
	sed -e "s|^//! Weights of \`$pallet\` for the Rampart reference runtime.|//! Default weights of \`$pallet\`: \`SubstrateWeight<T>\`, measured on the Rampart reference\\
//! runtime (which uses them) with storage priced by the adopting runtime's \`T::DbWeight\`.|" \
		-e "s|^/// Weights of \`$pallet\`, measured on this runtime.|/// The weights measured on the Rampart reference runtime, with every storage read and write\\
/// priced by the adopting runtime's own \`T::DbWeight\`: a safe default until a runtime runs the\\
/// benchmarks on its own hardware (it should, and then use its own numbers).|" \
		-e 's|^pub struct WeightInfo<T>(PhantomData<T>);|pub struct SubstrateWeight<T>(PhantomData<T>);|' \
		-e "s|^impl<T: frame_system::Config> $pallet::WeightInfo for WeightInfo<T> {|impl<T: frame_system::Config> crate::WeightInfo for SubstrateWeight<T> {|" \
		"$generated" >"$crate_dir/src/default_weights.rs"
}

# BENCH_RESULTS keeps the raw results (JSON, with read and write counts) in that folder.
if [ -n "${BENCH_RESULTS:-}" ]; then
	RESULTS="$BENCH_RESULTS"
	mkdir -p "$RESULTS"
else
	RESULTS="$(mktemp -d)"
	trap 'rm -rf "$RESULTS"' EXIT
fi

# Where the runtime template's output of a pallet goes.
output_of() {
	case "$1" in
	pallet_rampart_*) echo "$RESULTS/$1.rs" ;;
	*) echo "$WEIGHTS_DIR/$1.rs" ;;
	esac
}

for pallet in "${selected[@]}"; do
	say "benchmarking $pallet (steps $STEPS, repeat $REPEAT)"
	"$OMNI_BENCHER" v1 benchmark pallet \
		--runtime "$WASM" \
		--genesis-builder-preset development \
		--pallet "$pallet" \
		--extrinsic '*' \
		--wasm-execution compiled \
		--steps "$STEPS" \
		--repeat "$REPEAT" \
		--heap-pages 4096 \
		--json-file "$RESULTS/$pallet.json" \
		--template "$TEMPLATE" \
		--header "$HEADER" \
		--output "$(output_of "$pallet")"
	# A call charged at the runtime's deepest history (`*_deepest`) is charged a high quantile of
	# its repeats, not their median: runs vary most there.
	python3 "$RAMPART_ROOT/benchmarking/charge-deepest.py" --quantile "$DEEPEST_QUANTILE" \
		"$RESULTS/$pallet.json" "$(output_of "$pallet")"
	case "$pallet" in
	pallet_rampart_*) default_weights "$pallet" "$RESULTS/$pallet.rs" ;;
	esac
done

# weights/mod.rs lists exactly the generated files.
{
	cat "$HEADER"
	cat <<'RS'

//! Weights of the runtime's pallets, generated for this runtime on this project's machines by
//! `benchmarking/run-benchmarks.sh` from `benchmarking/frame-weight-template.hbs`. Do not edit the
//! generated files by hand. The Rampart pallets' weights live in the pallets
//! (`pallet_rampart_*::weights::SubstrateWeight`), generated by the same script.

/// The node stores state in ParityDB; these are its read and write costs.
pub use frame_support::weights::constants::ParityDbWeight;

RS
	for pallet in "${PALLETS[@]}"; do
		case "$pallet" in pallet_rampart_*) ;; *) echo "pub mod $pallet;" ;; esac
	done
} > "$WEIGHTS_DIR/mod.rs"

say "weights written to runtime/src/weights/ and pallets/*/src/default_weights.rs; rebuild the runtime to use them"
