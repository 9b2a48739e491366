// SPDX-License-Identifier: Apache-2.0

//! Builds the runtime's wasm blob (skipped with `SKIP_WASM_BUILD=1`, e.g. while iterating on native
//! tests).

#[cfg(feature = "std")]
fn main() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

#[cfg(not(feature = "std"))]
fn main() {}
