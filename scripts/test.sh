#!/usr/bin/env bash
# Sets up a fresh machine and runs every check and test of the workspace: formatting and lints
# (scripts/lint.sh), unit tests, runtime tests, benchmark tests and the node's end-to-end tests
# (local networks on 127.0.0.1 only), and the @polkadot/api tests of js/ against a dev node.

source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

# End-to-end tests start node processes whose command line holds this marker: whatever happens,
# none survives this script.
cleanup() { pkill -KILL -f 'rampart-e2e-' 2>/dev/null || true; }
trap cleanup EXIT INT TERM

start=$(date +%s)
say "format check"
cargo fmt --all -- --check

# TOML format and feature propagation, before the long build.
"$RAMPART_ROOT/scripts/lint.sh" --no-build

say "installing the JavaScript tests' packages (@polkadot/api, pinned by js/package-lock.json)"
(cd "$RAMPART_ROOT/js" && npm ci --no-audit --no-fund --loglevel=error)

# One build of every crate and test; clippy lints the workspace's crates as they compile (see
# scripts/setup.sh), so a lint is a build error here. `--timings` leaves cargo's report of when
# each crate compiled in $CARGO_TARGET_DIR/cargo-timings.
BUILD=(cargo test --locked --release --workspace --features "$RAMPART_FEATURES" --no-run --timings
	--message-format=json-render-diagnostics)
mkdir -p "$CARGO_TARGET_DIR"
build_start=$(date +%s)
# First the runtimes (their wasm, the FRAME crates): left to itself cargo starts the wasm builds
# last, after the node's client crates, and the runtimes, the node and most tests wait for them.
# The same command with a target filter resolves the same features, so nothing builds twice.
say "building the runtimes and their wasm (release profile, features: $RAMPART_FEATURES)"
"${BUILD[@]}" --test wasm_blob >"$CARGO_TARGET_DIR/rampart-runtimes-build.json"
say "runtimes built in $(( $(date +%s) - build_start ))s; building everything else, with clippy"

# Then everything else. Cargo's messages go to scripts/run-tests.py as they come: it starts each
# lane of end-to-end tests as soon as its binaries are built, runs the in-process tests and the
# documentation tests when the build is done, and the RPC latency test last, alone.
MESSAGES="$CARGO_TARGET_DIR/rampart-test-build.json"
"${BUILD[@]}" | tee "$MESSAGES" | RAMPART_NODE="$RAMPART_NODE_BIN" RAMPART_BUILD_START="$build_start" \
	python3 "$RAMPART_ROOT/scripts/run-tests.py"

say "all tests passed in $(( $(date +%s) - start ))s"
