#!/usr/bin/env bash
# The lints CI runs before the tests (scripts/test.sh calls this; it can run on its own too):
#   - TOML format of every manifest (taplo, `.taplo.toml`);
#   - feature propagation: every crate passes `std`, `runtime-benchmarks` and `try-runtime` on to
#     the dependencies that have them (zepter, `.config/zepter.yaml`);
#   - clippy with the workspace lints as errors, over every target of the pallets, the runtime
#     and the node, with the features of the test build.
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
taplo fmt --check 2>&1 | grep -v ' INFO ' || true
taplo fmt --check >/dev/null 2>&1 || { say "run \`taplo fmt\` to format the manifests"; exit 1; }

say "feature propagation (zepter)"
zepter run check

say "clippy (pallets, runtime, node; all targets; features: $RAMPART_FEATURES)"
# Check mode needs no wasm blob: the runtime's wasm is built (once) by the test build.
SKIP_WASM_BUILD=1 cargo clippy --locked --release --workspace --all-targets \
	--features "$RAMPART_FEATURES" -- -D warnings

say "lints passed in $(($(date +%s) - lint_start))s"
