#!/usr/bin/env bash
# Sets up a fresh machine and runs a Rampart dev chain: one node authoring and finalizing blocks
# on an embedded ParityDB (a temporary one unless you pass --base-path), RPC on 127.0.0.1:9944.
# Extra arguments go to the node, e.g. `./scripts/dev.sh --base-path /tmp/rampart-dev`.

source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

say "building rampart-node (release; the first build takes about 35 minutes on 2 cores, and is"
say "the build ./scripts/test.sh uses: after one of the two commands the other starts warm)"
build_node

say "starting the dev chain: RPC ws://127.0.0.1:9944 (Ctrl-C stops it)"
exec "$RAMPART_NODE_BIN" --dev "$@"
