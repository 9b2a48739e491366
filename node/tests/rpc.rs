// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! `rampart_*` JSON-RPC end to end on a dev node: every method over HTTP and over WebSocket
//! against the sample state, the bad parameters each refuses with a clear error, and the
//! latency of the exposure and operator-set methods under 100 concurrent WebSocket clients.

mod common;

use std::{
	sync::{Arc, Barrier},
	time::{Duration, Instant},
};

use common::*;
use rampart_runtime::genesis_config_presets::{
	chain_network, CHAIN_NATIVE_DEPOSIT, CHAIN_USD_DEPOSIT, SAMPLE_NETWORK, SAMPLE_VAULT_DEPOSIT,
};
use serde_json::{json, Value};
use sp_core::crypto::Ss58Codec;
use sp_keyring::Sr25519Keyring::{Alice, Bob, Eve, Ferdie};

const METHODS: [&str; 11] = [
	"rampart_vault",
	"rampart_position",
	"rampart_stakeAt",
	"rampart_operatorPower",
	"rampart_operatorSet",
	"rampart_slashRequests",
	"rampart_pendingRewards",
	"rampart_accountExposure",
	"rampart_operatorExposure",
	"rampart_networkView",
	"rampart_concentration",
];

fn ss58(k: sp_keyring::Sr25519Keyring) -> String {
	k.to_account_id().to_ss58check()
}

fn chain() -> String {
	chain_network().to_ss58check()
}

fn chain_sn() -> Value {
	json!({ "network": chain(), "id": 0 })
}

/// A call through one transport: the whole response object.
type Call<'a> = dyn FnMut(&str, Value) -> Value + 'a;

fn ok(call: &mut Call, method: &str, params: Value) -> Value {
	let response = call(method, params.clone());
	match response.get("result") {
		Some(result) => result.clone(),
		None => panic!("{method}({params}) failed: {response}"),
	}
}

fn error_code(call: &mut Call, method: &str, params: Value) -> (i64, String) {
	let response = call(method, params.clone());
	let error = response
		.get("error")
		.unwrap_or_else(|| panic!("{method}({params}) should fail: {response}"));
	(error["code"].as_i64().expect("a code"), error["message"].as_str().unwrap_or("").to_string())
}

/// Every method on the dev chain's sample state, and its bad parameters.
fn check_every_method(call: &mut Call) {
	let alice = ss58(Alice);
	let bob = ss58(Bob);
	let charlie_sn = json!({ "network": SAMPLE_NETWORK.to_account_id().to_ss58check(), "id": 0 });

	// Vault 0 (rUSD): Bob's sample deposit, restaked to Charlie's network through Alice.
	let vault = ok(call, "rampart_vault", json!([0]));
	assert_eq!(vault["vault"], json!(0));
	assert_eq!(amount(&vault["activeStake"]), SAMPLE_VAULT_DEPOSIT);
	let position = ok(call, "rampart_position", json!([0, bob]));
	assert_eq!(amount(&position["activeBalance"]), SAMPLE_VAULT_DEPOSIT);
	assert_eq!(amount(&position["slashableBalance"]), SAMPLE_VAULT_DEPOSIT);
	let stake = ok(call, "rampart_stakeAt", json!([0, charlie_sn, alice, 1]));
	assert_eq!(amount(&stake), SAMPLE_VAULT_DEPOSIT);

	// The chain's own network: Alice, the one validator, with both chain vaults behind her.
	let power = ok(call, "rampart_operatorPower", json!([chain_sn(), alice]));
	assert!(amount(&power["power"]) > 0);
	assert_eq!(power["vaults"].as_array().map(Vec::len), Some(2));
	let set = ok(call, "rampart_operatorSet", json!([chain_sn()]));
	assert_eq!(set["operators"][0]["operator"], json!(alice));
	let concentration = ok(call, "rampart_concentration", json!([chain_sn()]));
	assert_eq!(concentration["operators"], json!(1));
	assert_eq!(concentration["hhi"], json!(10_000));
	assert_eq!(concentration["topSharePpm"], json!(1_000_000));
	assert_eq!(concentration["nakamotoThird"], json!(1));
	let view = ok(call, "rampart_networkView", json!([chain()]));
	assert_eq!(view["managed"], json!(true));
	assert_eq!(view["subnetworks"][0]["vaults"], json!([1, 2]));

	let page = ok(call, "rampart_slashRequests", json!([{ "vault": 0 }]));
	assert_eq!(page, json!({ "requests": [], "next": null }));
	let page = ok(call, "rampart_slashRequests", json!([{ "subnetwork": chain_sn() }, 0, 10]));
	assert_eq!(page["requests"], json!([]));
	let rewards = ok(call, "rampart_pendingRewards", json!([bob]));
	assert!(rewards["staker"].is_array() && rewards["nextVault"].is_null());

	// Bob's exposure: vault 0 to Charlie through Alice, vault 2 to the chain through Alice.
	let exposure = ok(call, "rampart_accountExposure", json!([bob]));
	let vaults: Vec<u64> = exposure["vaults"]
		.as_array()
		.expect("vaults")
		.iter()
		.filter_map(|v| v["vault"].as_u64())
		.collect();
	assert_eq!(vaults, vec![0, 2]);
	for v in exposure["vaults"].as_array().expect("vaults") {
		let loss = amount(&v["maxLoss"]);
		let expected =
			if v["vault"] == json!(0) { SAMPLE_VAULT_DEPOSIT } else { CHAIN_USD_DEPOSIT };
		assert_eq!(loss, expected, "all of Bob's stake is allocated: {v}");
		assert_eq!(v["allocations"][0]["operator"], json!(alice));
	}
	let eve = ok(call, "rampart_accountExposure", json!([ss58(Eve)]));
	assert_eq!(amount(&eve["maxLoss"][0]["amount"]), CHAIN_NATIVE_DEPOSIT);
	let operator = ok(call, "rampart_operatorExposure", json!([alice]));
	let networks = operator["networks"].as_array().expect("networks");
	assert!(networks.contains(&json!(chain())));

	// Bad parameters: a clear error each, never a panic.
	assert_eq!(error_code(call, "rampart_vault", json!([99])).0, 4001);
	assert_eq!(error_code(call, "rampart_vault", json!(["zero"])).0, -32602);
	assert_eq!(error_code(call, "rampart_vault", json!([-1])).0, -32602);
	let (code, message) = error_code(call, "rampart_position", json!([0, "5NotAnAddress"]));
	assert_eq!(code, -32602, "{message}");
	let (code, message) = error_code(call, "rampart_slashRequests", json!([{ "vault": 0 }, 0, 65]));
	assert_eq!(code, 4006, "{message}");
	assert_eq!(error_code(call, "rampart_slashRequests", json!([{ "vault": 99 }])).0, 4001);
	assert_eq!(error_code(call, "rampart_slashRequests", json!([{ "pool": 1 }])).0, -32602);
	let (code, message) =
		error_code(call, "rampart_stakeAt", json!([0, charlie_sn, alice, 999_999]));
	assert_eq!(code, 4004, "{message}");
	assert_eq!(error_code(call, "rampart_concentration", json!([chain_sn(), 999_999])).0, 4004);
	let unknown = format!("0x{}", "11".repeat(32));
	let (code, message) = error_code(call, "rampart_vault", json!([0, unknown]));
	assert_eq!((code, message.as_str()), (4010, "unknown block hash"));
	let many: Vec<u32> = (0..17).collect();
	assert_eq!(error_code(call, "rampart_networkView", json!([chain(), many])).0, 4006);
	assert_eq!(error_code(call, "rampart_networkView", json!([ss58(Ferdie)])).0, 4002);
	assert_eq!(error_code(call, "rampart_operatorExposure", json!([ss58(Ferdie)])).0, 4003);
	assert_eq!(error_code(call, "rampart_accountExposure", json!([])).0, -32602);
}

const CLIENTS: usize = 100;
const CALLS: usize = 20;

/// `CLIENTS` WebSocket clients making `CALLS` calls each, alternating
/// `rampart_accountExposure` of Bob and `rampart_operatorSet` of the chain: their sorted
/// latencies, and the time the whole run took. With `distinct`, no two calls ask the same
/// question, so none is answered from the cache: the exposure of a fresh account each time, and
/// for the second kind `rampart_operatorPower` of a fresh account in the chain's subnetwork (the
/// set's work for one operator over both chain vaults).
fn load(rpc: u16, distinct: bool) -> (Vec<Duration>, Vec<Duration>, Duration) {
	let barrier = Arc::new(Barrier::new(CLIENTS + 1));
	let workers: Vec<_> = (0..CLIENTS)
		.map(|c| {
			let barrier = barrier.clone();
			std::thread::spawn(move || {
				let mut client = WsClient::connect(rpc).expect("a WebSocket connection");
				barrier.wait();
				let bob = ss58(Bob);
				let mut times = (Vec::new(), Vec::new());
				for i in 0..CALLS {
					let fresh = || {
						let mut raw = [0xaau8; 32];
						raw[..8].copy_from_slice(&((c * CALLS + i) as u64).to_le_bytes());
						sp_core::crypto::AccountId32::new(raw).to_ss58check()
					};
					let start = Instant::now();
					let response = match (i % 2 == 0, distinct) {
						(true, false) => client.call("rampart_accountExposure", json!([bob])),
						(true, true) => client.call("rampart_accountExposure", json!([fresh()])),
						(false, false) => client.call("rampart_operatorSet", json!([chain_sn()])),
						(false, true) => {
							client.call("rampart_operatorPower", json!([chain_sn(), fresh()]))
						},
					}
					.expect("an answer under load");
					assert!(response.get("result").is_some(), "{response}");
					let took = start.elapsed();
					if i % 2 == 0 {
						times.0.push(took);
					} else {
						times.1.push(took);
					}
				}
				times
			})
		})
		.collect();
	barrier.wait();
	let started = Instant::now();
	let (mut exposure, mut set) = (Vec::new(), Vec::new());
	for worker in workers {
		let (e, s) = worker.join().expect("a client thread");
		exposure.extend(e);
		set.extend(s);
	}
	let elapsed = started.elapsed();
	exposure.sort();
	set.sort();
	(exposure, set, elapsed)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
	let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
	sorted[i]
}

#[test]
fn rampart_rpc_over_http_and_websocket() {
	let tmp = TempDir::new("rpc");
	let base = tmp.path().join("dev");
	let (rpc, p2p) = (free_port(), free_port());
	let mut args: Vec<String> =
		vec!["--dev".into(), "--base-path".into(), base.to_string_lossy().into()];
	args.extend(loopback_flags(p2p, rpc));
	// 100 latency clients, and the test's own connections.
	args.extend(["--rpc-max-connections".into(), "128".into()]);
	let node = Node::start("rpc", tmp.path(), rpc, p2p, &args);
	node.wait_for("block 2", Duration::from_secs(120), |n| n.best_number().filter(|b| *b >= 2));

	let methods = node.rpc("rpc_methods", json!([])).expect("rpc_methods");
	let methods = methods["methods"].as_array().expect("a list of methods");
	for m in METHODS {
		assert!(methods.iter().any(|x| x == m), "missing RPC method {m}");
	}

	// Over HTTP.
	let mut http = |method: &str, params: Value| {
		rpc_response(rpc, method, params).expect("the node answers over HTTP")
	};
	check_every_method(&mut http);

	// Over WebSocket, on one connection.
	let mut ws = WsClient::connect(rpc).expect("a WebSocket connection");
	let mut over_ws = |method: &str, params: Value| ws.call(method, params).expect("an answer");
	check_every_method(&mut over_ws);
	// An answer at a given block hash, like `state_*`.
	let genesis = node.block_hash(0).expect("genesis hash");
	let at_genesis = ws.call("rampart_vault", json!([0, genesis])).expect("an answer");
	assert_eq!(amount(&at_genesis["result"]["activeStake"]), SAMPLE_VAULT_DEPOSIT);

	// An example answer, for the README and the issue note.
	let example = ws.call("rampart_accountExposure", json!([ss58(Bob)])).expect("an answer");
	println!(
		"rampart_accountExposure(Bob):\n{}",
		serde_json::to_string_pretty(&example["result"]).unwrap_or_default()
	);
	// One client alone: the cost of a call without queueing, answered by a runtime call (a
	// fresh account each time) or from the answers kept (the same question).
	let (mut fresh, mut same) = (Vec::new(), Vec::new());
	for i in 0..100u64 {
		let mut raw = [0x55u8; 32];
		raw[..8].copy_from_slice(&i.to_le_bytes());
		let who = sp_core::crypto::AccountId32::new(raw).to_ss58check();
		let start = Instant::now();
		ws.call("rampart_accountExposure", json!([who])).expect("an answer");
		fresh.push(start.elapsed());
		let start = Instant::now();
		ws.call("rampart_accountExposure", json!([ss58(Bob)])).expect("an answer");
		same.push(start.elapsed());
	}
	fresh.sort();
	same.sort();
	println!(
		"one client alone, rampart_accountExposure: runtime call p50 {:?} p99 {:?}; kept answer \
		 p50 {:?} p99 {:?}",
		percentile(&fresh, 0.5),
		percentile(&fresh, 0.99),
		percentile(&same, 0.5),
		percentile(&same, 0.99),
	);
	drop(ws);

	// Latency: 100 clients, each on its own WebSocket, 20 calls alternating the two heaviest
	// methods, all starting together. First all asking the same questions (answered once per
	// block, then from the node's answer cache), then each call a question nobody asked before
	// (every call a runtime call).
	for distinct in [false, true] {
		let (exposure, set, elapsed) = load(rpc, distinct);
		let total = exposure.len() + set.len();
		println!(
			"latency with {CLIENTS} concurrent WebSocket clients, {} questions: {total} calls in \
			 {elapsed:?} ({:.0} calls/s): rampart_accountExposure p50 {:?} p99 {:?}; \
			 rampart_{} p50 {:?} p99 {:?}",
			if distinct { "distinct" } else { "the same" },
			total as f64 / elapsed.as_secs_f64(),
			percentile(&exposure, 0.5),
			percentile(&exposure, 0.99),
			if distinct { "operatorPower" } else { "operatorSet" },
			percentile(&set, 0.5),
			percentile(&set, 0.99),
		);
		// Bounded: every call answered, none slower than a second.
		assert!(percentile(&exposure, 1.0) < Duration::from_secs(1));
		assert!(percentile(&set, 1.0) < Duration::from_secs(1));
	}

	// The node kept producing blocks throughout.
	let before = node.best_number().expect("best");
	node.wait_for("another block", Duration::from_secs(30), |n| {
		n.best_number().filter(|b| *b > before)
	});
}
