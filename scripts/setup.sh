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

# Clippy lints the workspace's own crates while the build compiles them: clippy-driver is the
# compiler of the workspace's crates (`RUSTC_WORKSPACE_WRAPPER`, what `cargo clippy` sets too),
# with the workspace lints and every warning an error (`CLIPPY_ARGS`, as `cargo clippy -- -D
# warnings` passes them). A separate `cargo clippy` would compile every dependency once more in
# check mode: 12 minutes of a cold 2-core build. Dependencies are compiled by rustc as always.
# Every build of the README commands sets both, so they share one build (cargo fingerprints the
# wrapper and clippy-driver tracks its arguments).
if ! rustup +"$toolchain" component list --installed 2>/dev/null | grep -q '^clippy'; then
	say "adding rustup component clippy"
	rustup +"$toolchain" component add clippy
fi
RUSTC_WORKSPACE_WRAPPER="$(rustup which --toolchain "$toolchain" clippy-driver)"
export RUSTC_WORKSPACE_WRAPPER
export CLIPPY_ARGS="-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__"

# Builds the node exactly as ./scripts/test.sh does (every workspace crate and its tests, one
# feature set), so that the dev chain, the tests and the weight runs share one build: cargo
# resolves features over what it builds, and a narrower `cargo build -p rampart-node` would
# compile the client stack, the runtime and every pallet a second time. The runtimes and their
# wasm first (`--test wasm_blob`, same features): left to itself cargo starts the wasm builds
# last, and a cold build takes about an hour instead of about 35 minutes.
build_node() {
	cargo test --locked --release --workspace --features "$RAMPART_FEATURES" --no-run --test wasm_blob
	cargo test --locked --release --workspace --features "$RAMPART_FEATURES" --no-run
}
export RAMPART_NODE_BIN="$CARGO_TARGET_DIR/release/rampart-node"
# The reference runtime's wasm from that build (with its benchmarks: the build's features).
export RAMPART_RUNTIME_WASM="$CARGO_TARGET_DIR/release/wbuild/rampart-runtime/rampart_runtime.compact.compressed.wasm"

# frame-omni-bencher, the Polkadot SDK's weight generator for a runtime's wasm, at the version of
# this SDK release (frame-benchmarking-cli 64). Only the weight scripts of benchmarking/ need it:
# it is installed (about 37 minutes on 2 cores, once) into its own folder, not into the build.
OMNI_BENCHER_VERSION=0.28.0
export RAMPART_TOOLS="$HOME/.cache/rampart/tools"
install_omni_bencher() {
	OMNI_BENCHER="$RAMPART_TOOLS/bin/frame-omni-bencher"
	if ! "$OMNI_BENCHER" --version 2>/dev/null | grep -q "$OMNI_BENCHER_VERSION"; then
		say "installing frame-omni-bencher $OMNI_BENCHER_VERSION into $RAMPART_TOOLS"
		# Its RocksDB binding is generated with bindgen, which needs libclang (the node and the
		# tests need neither).
		if ! ldconfig -p 2>/dev/null | grep -Eq 'libclang(-[0-9.]+)?\.so ' \
			&& ! ls /usr/lib/llvm-*/lib/libclang-[0-9]*.so >/dev/null 2>&1; then
			say "installing libclang (libclang-dev) for frame-omni-bencher"
			if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
			$SUDO apt-get update -qq
			DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libclang-dev >/dev/null
		fi
		CARGO_TARGET_DIR="$RAMPART_TOOLS/target" RUSTC_WORKSPACE_WRAPPER="" CLIPPY_ARGS="" \
			cargo install --locked --quiet --root "$RAMPART_TOOLS" frame-omni-bencher \
			--version "$OMNI_BENCHER_VERSION"
	fi
}
