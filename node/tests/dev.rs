// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The single-node dev chain and the offline subcommands: `--dev` authors and finalizes on an
//! embedded ParityDB with the sample state live; chain specs export. (The benchmarks run on the
//! runtime in `benchmarks.rs`, and through frame-omni-bencher in
//! `benchmarking/run-benchmarks.sh`: the node has no `benchmark` subcommand.)

mod common;

use std::time::Duration;

use codec::Encode;
use common::*;
use serde_json::json;
use sp_io::hashing::{blake2_128, twox_128};

/// Storage key of `Assets::Asset[id]` (Blake2_128Concat over the id).
fn asset_key(id: u32) -> String {
	let mut key = Vec::new();
	key.extend(twox_128(b"Assets"));
	key.extend(twox_128(b"Asset"));
	key.extend(blake2_128(&id.encode()));
	key.extend(id.encode());
	format!("0x{}", hex(&key))
}

/// Storage key of `Registry::<item>[account]` (Blake2_128Concat over the account).
fn registry_key(item: &str, who: sp_keyring::Sr25519Keyring) -> String {
	let account = who.to_account_id().encode();
	let mut key = Vec::new();
	key.extend(twox_128(b"Registry"));
	key.extend(twox_128(item.as_bytes()));
	key.extend(blake2_128(&account));
	key.extend(account);
	format!("0x{}", hex(&key))
}

fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn dev_node_authors_and_finalizes_alone_on_paritydb_with_sample_state() {
	let tmp = TempDir::new("dev");
	let base = tmp.path().join("dev");
	let rpc = free_port();
	let p2p = free_port();
	let mut args: Vec<String> =
		vec!["--dev".into(), "--base-path".into(), base.to_string_lossy().into()];
	args.extend(loopback_flags(p2p, rpc));
	let node = Node::start("dev", tmp.path(), rpc, p2p, &args);

	node.wait_for("the RPC server", Duration::from_secs(240), |n| n.best_number());
	let finalized = node.wait_for("two finalized blocks", Duration::from_secs(120), |n| {
		n.finalized_number().filter(|f| *f >= 2)
	});
	assert!(finalized >= 2);

	// The database is ParityDB, in the base path.
	let db = base.join("chains").join("rampart_dev").join("paritydb");
	assert!(db.is_dir(), "no ParityDB at {}", db.display());

	// Standard RPCs answer as polkadot.js expects.
	let chain = node.rpc("system_chain", json!([])).expect("system_chain");
	assert_eq!(chain, json!("Rampart Development"));
	let props = node.rpc("system_properties", json!([])).expect("system_properties");
	assert_eq!(props["tokenSymbol"], json!("RAMP"));
	assert_eq!(props["tokenDecimals"], json!(12));
	let version = node.rpc("state_getRuntimeVersion", json!([])).expect("runtime version");
	assert_eq!(version["specName"], json!("rampart"));
	let metadata = node.rpc("state_getMetadata", json!([])).expect("metadata");
	assert!(metadata.as_str().map(|m| m.len() > 10_000).unwrap_or(false));
	// Transaction-payment and system RPC extensions are mounted.
	let methods = node.rpc("rpc_methods", json!([])).expect("rpc_methods");
	let methods = methods["methods"].as_array().expect("a list of methods");
	for m in ["system_accountNextIndex", "payment_queryInfo", "payment_queryFeeDetails"] {
		assert!(methods.iter().any(|x| x == m), "missing RPC method {m}");
	}

	// The sample collateral asset exists at genesis.
	let asset = node.rpc("state_getStorage", json!([asset_key(1)])).expect("state_getStorage");
	assert!(asset.is_string(), "the sample asset #1 is missing: {asset}");
	let none = node.rpc("state_getStorage", json!([asset_key(77)]));
	assert!(none.is_none() || none == Some(serde_json::Value::Null));

	// Restaking sample state: Charlie is a network (with Dave as middleware), Alice an operator.
	use sp_keyring::Sr25519Keyring::{Alice, Charlie};
	for (item, who) in [("Networks", Charlie), ("Operators", Alice)] {
		let record = node.rpc("state_getStorage", json!([registry_key(item, who)]));
		assert!(
			record.as_ref().is_some_and(|r| r.is_string()),
			"Registry::{item}[{who:?}] missing at genesis: {record:?}"
		);
	}
	let not_a_network = node.rpc("state_getStorage", json!([registry_key("Networks", Alice)]));
	assert!(not_a_network.is_none() || not_a_network == Some(serde_json::Value::Null));

	// And vault 0 over rUSD, with Bob's deposit.
	let mut key = Vec::new();
	key.extend(twox_128(b"Vaults"));
	key.extend(twox_128(b"Vaults"));
	key.extend(sp_io::hashing::twox_64(&0u32.encode()));
	key.extend(0u32.encode());
	let vault = node.rpc("state_getStorage", json!([format!("0x{}", hex(&key))]));
	assert!(vault.as_ref().is_some_and(|v| v.is_string()), "vault 0 missing at genesis: {vault:?}");
}

#[test]
fn chain_specs_export_for_dev_and_local() {
	for (chain, id, name) in [
		("dev", "rampart_dev", "Rampart Development"),
		("local", "rampart_local", "Rampart Local Testnet"),
	] {
		let (code, out) =
			run_to_exit(&["export-chain-spec", "--chain", chain], Duration::from_secs(60));
		assert_eq!(code, Some(0), "{out}");
		let start = out.find('{').expect("JSON output");
		let spec: serde_json::Value = serde_json::from_str(&out[start..]).expect("valid JSON");
		assert_eq!(spec["id"], json!(id));
		assert_eq!(spec["name"], json!(name));
		assert_eq!(spec["properties"]["tokenSymbol"], json!("RAMP"));
	}
	// A raw spec carries the genesis storage itself.
	let (code, out) =
		run_to_exit(&["build-spec", "--chain", "local", "--raw"], Duration::from_secs(60));
	assert_eq!(code, Some(0), "{out}");
	assert!(out.contains("\"raw\""), "no raw genesis in the spec");
}
