#!/usr/bin/env bash
# The lints CI runs before the tests (scripts/test.sh calls this; it can run on its own too):
#   - TOML format of every manifest (taplo, `.taplo.toml`);
#   - feature propagation: every crate passes `std`, `runtime-benchmarks` and `try-runtime` on to
#     the dependencies that have them (zepter, `.config/zepter.yaml`);
#   - clippy with the workspace lints as errors, over every target of the pallets and the
#     runtime (and the node, once it has been checked on this target folder: see below), with
#     the features of the test build.
# Installs taplo (PyPI wheel) and zepter (crates.io) when missing, at pinned versions.

source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

TAPLO_VERSION=0.9.3
ZEPTER_VERSION=1.88.2

# pip puts console scripts here; it may not be on PATH on a fresh machine.
PATH="$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))'):$HOME/.local/bin:$PATH"
if ! taplo --version 2>/dev/null | grep -q "$TAPLO_VERSION"; then
	say "installing taplo $TAPLO_VERSION"
	python3 -m pip install --quiet --disable-pip-version-check "taplo==$TAPLO_VERSION"
	hash -r
fi
if ! zepter --version 2>/dev/null | grep -q "$ZEPTER_VERSION"; then
	say "installing zepter $ZEPTER_VERSION"
	# Its own target folder: zepter's dependencies are none of the workspace's.
	CARGO_TARGET_DIR="$HOME/.cache/rampart/tools" \
		cargo install --locked --quiet zepter --version "$ZEPTER_VERSION"
fi

lint_start=$(date +%s)
say "TOML format (taplo)"
# taplo logs every file it reads at INFO; only its complaints are shown.
RUST_LOG=warn taplo fmt --check || { say "run \`taplo fmt\` to format the manifests"; exit 1; }

say "feature propagation (zepter)"
zepter run check

# Clippy checks every dependency once more (check mode): for the pallets and the runtime that
# costs about 15 minutes on a cold 2-core machine, for the node's client stack about 15 more. The
# node is included once it has been checked on this target folder (a stamp), or when asked with
# RAMPART_CLIPPY_NODE=1, so that a cold CI run stays inside its budget.
NODE_STAMP="$CARGO_TARGET_DIR/.rampart-clippy-node"
clippy_targets=(-p rampart-primitives -p pallet-rampart-registry -p pallet-rampart-vaults
	-p pallet-rampart-delegation -p pallet-rampart-slashing -p pallet-rampart-rewards
	-p pallet-rampart-middleware -p pallet-rampart-validators -p rampart-integration-tests
	-p rampart-benchmark-helpers
	-p rampart-runtime -p rampart-template-runtime -p rampart-cli)
if [ -e "$NODE_STAMP" ] || [ "${RAMPART_CLIPPY_NODE:-0}" = 1 ]; then
	clippy_targets=(--workspace)
	say "clippy (pallets, runtime, node; all targets; features: $RAMPART_FEATURES)"
else
	say "clippy (pallets, runtime; all targets; features: $RAMPART_FEATURES); the node is left" \
		"out on this cold target folder: RAMPART_CLIPPY_NODE=1 ./scripts/lint.sh includes it"
fi
# Check mode needs no wasm blob: the runtime's wasm is built (once) by the test build.
SKIP_WASM_BUILD=1 cargo clippy --locked --release "${clippy_targets[@]}" --all-targets \
	--features "$RAMPART_FEATURES" -- -D warnings
if [ "${clippy_targets[0]}" = --workspace ]; then touch "$NODE_STAMP"; fi

say "lints passed in $(($(date +%s) - lint_start))s"
