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

# One build of every crate and test; clippy lints the workspace's crates as they compile (see
# scripts/setup.sh), so a lint is a build error here. Cargo's messages name the test binaries.
say "building every crate and test, with clippy (release profile, features: $RAMPART_FEATURES)"
build_start=$(date +%s)
MESSAGES="$CARGO_TARGET_DIR/rampart-test-build.json"
cargo test --locked --release --workspace --features "$RAMPART_FEATURES" --no-run \
	--message-format=json-render-diagnostics >"$MESSAGES"
say "built in $(( $(date +%s) - build_start ))s"

say "documentation tests"
cargo test --locked --release --workspace --features "$RAMPART_FEATURES" --doc

say "installing the JavaScript tests' packages (@polkadot/api, pinned by js/package-lock.json)"
(cd "$RAMPART_ROOT/js" && npm ci --no-audit --no-fund --loglevel=error)

# Every test binary, and the @polkadot/api tests against a dev node of the binary just built:
# the in-process tests first, then the end-to-end tests in lanes side by side.
RAMPART_NODE="$RAMPART_NODE_BIN" python3 "$RAMPART_ROOT/scripts/run-tests.py" <"$MESSAGES"

say "all tests passed in $(( $(date +%s) - start ))s"
