// SPDX-License-Identifier: Apache-2.0

//! The runtime's wasm blob, which the node executes, is built with the crate and carries this
//! crate's version.
//!
//! `scripts/test.sh` builds this test first, on its own (`--test wasm_blob`): that compiles the
//! runtimes, their wasm and the FRAME crates before the node's client crates. In one build, cargo
//! started the wasm builds after 46 of 63 minutes, and the runtimes, the node and most tests
//! waited for them.

use rampart_runtime::{VERSION, WASM_BINARY, WASM_BINARY_BLOATY};

/// What `sp-maybe-compressed-blob` puts in front of a compressed blob.
const COMPRESSED_PREFIX: [u8; 8] = [82, 188, 83, 118, 70, 219, 142, 5];

#[test]
fn the_wasm_blob_is_built_compressed_and_carries_the_version() {
	let bloaty = WASM_BINARY_BLOATY.expect("the wasm blob is built (SKIP_WASM_BUILD unset)");
	let compact = WASM_BINARY.expect("the compact blob is built");
	assert_eq!(&bloaty[..4], b"\0asm", "a wasm module");
	assert_eq!(compact[..8], COMPRESSED_PREFIX, "the blob the node loads is compressed");
	assert!(compact.len() < bloaty.len(), "{} vs {} bytes", compact.len(), bloaty.len());
	// The version the node reads from the blob's `runtime_version` section.
	for needle in [&b"runtime_version"[..], VERSION.spec_name.as_bytes()] {
		assert!(
			bloaty.windows(needle.len()).any(|w| w == needle),
			"{} not in the blob",
			String::from_utf8_lossy(needle)
		);
	}
}
