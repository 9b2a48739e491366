#!/usr/bin/env bash
# The lints CI runs before the tests (scripts/test.sh calls this; it can run on its own too):
#   - TOML format of every manifest (taplo, `.taplo.toml`);
#   - feature propagation: every crate passes `std`, `runtime-benchmarks` and `try-runtime` on to
#     the dependencies that have them (zepter, `.config/zepter.yaml`);
#   - clippy with the workspace lints and warnings as errors, over every target of every
#     workspace crate, with the features of the test build (see below).
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
	# Not linted: clippy-driver is for the workspace's crates only.
	CARGO_TARGET_DIR="$HOME/.cache/rampart/tools" RUSTC_WORKSPACE_WRAPPER="" CLIPPY_ARGS="" \
		cargo install --locked --quiet zepter --version "$ZEPTER_VERSION"
fi

lint_start=$(date +%s)
say "TOML format (taplo)"
# taplo logs every file it reads at INFO; only its complaints are shown.
RUST_LOG=warn taplo fmt --check || { say "run \`taplo fmt\` to format the manifests"; exit 1; }

say "feature propagation (zepter)"
zepter run check

# Clippy: scripts/setup.sh makes clippy-driver the compiler of the workspace's crates, with every
# warning an error, so the build of the tests is the clippy run (all targets: libraries, binaries,
# tests and examples, with the features of the test build). A separate `cargo clippy` would check
# every dependency once more (12 minutes of a cold 2-core build). scripts/test.sh runs this script
# with --no-build and builds right after; run on its own, this script builds.
if [ "${1:-}" != --no-build ]; then
	say "clippy: building the workspace and its tests (features: $RAMPART_FEATURES)"
	build_node
fi

say "lints passed in $(($(date +%s) - lint_start))s"
