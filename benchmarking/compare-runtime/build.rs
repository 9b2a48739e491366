// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Builds this runtime's wasm only when `RAMPART_BUILD_COMPARE_WASM` is set (by
//! `benchmarking/report.sh`): a workspace build compiles it natively and runs its benchmark tests,
//! and does not pay for a third wasm runtime that only the report runs.

#[cfg(feature = "std")]
fn main() {
	println!("cargo:rerun-if-env-changed=RAMPART_BUILD_COMPARE_WASM");
	if std::env::var_os("RAMPART_BUILD_COMPARE_WASM").is_some() {
		substrate_wasm_builder::WasmBuilder::build_using_defaults();
	}
}

#[cfg(not(feature = "std"))]
fn main() {}
