#!/usr/bin/env bash
# Shared set-up of the README commands; sourced, not run. Installs what a fresh machine lacks
# (protoc, the wasm targets, rust-src) and points cargo at a target folder outside the clone.
# Idempotent: it only installs what is missing.

set -euo pipefail

RAMPART_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export RAMPART_ROOT
# One target folder for every clone on this machine, so that CI and developers start warm.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/rampart/target}"
# The features of every build of the README commands: one feature set, so the runtime and the
# node are compiled once for the dev chain, the tests and the weight generation alike.
export RAMPART_FEATURES="${RAMPART_FEATURES:-runtime-benchmarks}"
# frame-benchmarking-cli carries a test runtime whose wasm only `benchmark storage --mode
# validate-block` runs; building it compiles the FRAME stack for wasm a third time (beside the
# reference and template runtimes), several minutes of a cold build. Nothing here uses that mode.
export SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD="${SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD:-1}"

say() { printf '\033[1m[rampart]\033[0m %s\n' "$*" >&2; }

if ! command -v protoc >/dev/null 2>&1; then
	say "installing protoc (protobuf-compiler)"
	if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq protobuf-compiler >/dev/null
fi

if ! command -v rustup >/dev/null 2>&1; then
	say "rustup is required (https://rustup.rs); install it and run this again"
	exit 1
fi

cd "$RAMPART_ROOT"
# rust-toolchain.toml names the toolchain; make sure it has the wasm targets and rust-src.
toolchain="$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)"
installed_targets="$(rustup +"$toolchain" target list --installed 2>/dev/null || true)"
for target in wasm32-unknown-unknown wasm32v1-none; do
	if ! grep -qx "$target" <<<"$installed_targets"; then
		say "adding rustup target $target"
		rustup +"$toolchain" target add "$target"
	fi
done
if ! rustup +"$toolchain" component list --installed 2>/dev/null | grep -q '^rust-src'; then
	say "adding rustup component rust-src"
	rustup +"$toolchain" component add rust-src
fi
mkdir -p "$CARGO_TARGET_DIR"

# Builds the node exactly as ./scripts/test.sh does (every workspace crate and its tests, one
# feature set), so that the dev chain, the tests and the weight runs share one build: cargo
# resolves features over what it builds, and a narrower `cargo build -p rampart-node` would
# compile the client stack, the runtime and every pallet a second time.
build_node() {
	cargo test --locked --release --workspace --features "$RAMPART_FEATURES" --no-run
}
export RAMPART_NODE_BIN="$CARGO_TARGET_DIR/release/rampart-node"
