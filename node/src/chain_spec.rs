// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Chain specifications, built from the runtime's named genesis presets.

use sc_service::ChainType;

/// A chain specification of the Rampart reference runtime.
pub type ChainSpec = sc_service::GenericChainSpec;

/// Native token properties shown by wallets (polkadot.js reads these).
fn properties() -> sc_service::Properties {
	let mut properties = sc_service::Properties::new();
	properties.insert("tokenSymbol".into(), "RAMP".into());
	properties.insert("tokenDecimals".into(), 12.into());
	properties.insert("ss58Format".into(), 42.into());
	properties
}

fn wasm_binary(blob: Option<&'static [u8]>) -> Result<&'static [u8], String> {
	blob.ok_or_else(|| {
		"The runtime's wasm binary is not available: this node was built with SKIP_WASM_BUILD"
			.to_string()
	})
}

/// A chain spec over the runtime's genesis preset `preset`.
fn from_preset(
	name: &str,
	id: &str,
	chain_type: ChainType,
	preset: &str,
) -> Result<ChainSpec, String> {
	from_runtime(rampart_runtime::WASM_BINARY, name, id, chain_type, preset)
}

/// A chain spec over the genesis preset `preset` of the runtime `blob`.
fn from_runtime(
	blob: Option<&'static [u8]>,
	name: &str,
	id: &str,
	chain_type: ChainType,
	preset: &str,
) -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary(blob)?, None)
		.with_name(name)
		.with_id(id)
		.with_chain_type(chain_type)
		.with_genesis_config_preset_name(preset)
		.with_properties(properties())
		.build())
}

/// `dev`: one validator (Alice) on the `development` preset.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	from_preset(
		"Rampart Development",
		"rampart_dev",
		ChainType::Development,
		sp_genesis_builder::DEV_RUNTIME_PRESET,
	)
}

/// `local`: two validators (Alice and Bob) on the `local_testnet` preset.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	from_preset(
		"Rampart Local Testnet",
		"rampart_local",
		ChainType::Local,
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET,
	)
}

/// `template-dev`: the appchain builder's template runtime (`template/runtime`), Alice alone, on
/// its `development` preset. The node runs it from the chain's state like any runtime; the
/// `rampart_*` RPC answers only for runtimes that implement `RampartApi` (the template does not).
pub fn template_development_chain_spec() -> Result<ChainSpec, String> {
	from_runtime(
		rampart_template_runtime::WASM_BINARY,
		"Rampart Template Development",
		"rampart_template_dev",
		ChainType::Development,
		sp_genesis_builder::DEV_RUNTIME_PRESET,
	)
}
