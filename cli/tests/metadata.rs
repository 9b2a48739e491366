// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The CLI's interface is generated from `metadata/rampart.scale`: it must be the metadata of the
//! runtime in this workspace. `RAMPART_BLESS=1 cargo test -p rampart-cli --test metadata` writes
//! it anew after a runtime change (then rebuild the CLI).

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/metadata/rampart.scale");

#[test]
fn the_metadata_is_the_runtimes() {
	let metadata = rampart_runtime::Runtime::metadata_at_version(16)
		.expect("the runtime serves metadata V16, which subxt reads");
	let runtime: &[u8] = &metadata;
	if std::env::var_os("RAMPART_BLESS").is_some() {
		std::fs::write(PATH, runtime).expect("metadata/rampart.scale is writable");
	}
	let checked_in = std::fs::read(PATH).expect("metadata/rampart.scale exists");
	assert!(
		checked_in == runtime,
		"cli/metadata/rampart.scale ({} bytes) is not the runtime's metadata ({} bytes): run \
		 `RAMPART_BLESS=1 cargo test --release -p rampart-cli --test metadata` and rebuild the CLI",
		checked_in.len(),
		runtime.len()
	);
}
