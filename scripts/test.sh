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

# TOML format, feature propagation and clippy, before the long test build.
"$RAMPART_ROOT/scripts/lint.sh"

say "building and running all tests (release profile, features: $RAMPART_FEATURES)"
cargo test --locked --release --no-fail-fast --workspace --features "$RAMPART_FEATURES" -- --nocapture

# @polkadot/api against a dev node of the binary just built, with the repo's definitions file.
say "JavaScript tests (@polkadot/api, pinned by js/package-lock.json)"
(
	cd "$RAMPART_ROOT/js"
	npm ci --no-audit --no-fund --loglevel=error
	RAMPART_NODE="$RAMPART_NODE_BIN" npm test
)

say "all tests passed in $(( $(date +%s) - start ))s"
