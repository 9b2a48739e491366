// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! End-to-end faults of a dev node: JSON-RPC abuse and a transaction-pool flood. Each gets a
//! clear answer, and the node keeps producing and finalizing blocks on time.
//!
//! The node serves two JSON-RPC interfaces on loopback (`--experimental-rpc-endpoint`): a
//! private one that allows every method, and a public one with the policy a node runner gives an
//! interface exposed to the internet (only safe methods, at most four connections, 1 MB
//! requests, batches of five). The public one listens on 127.0.0.1 like everything in these
//! tests: the policy, not the address, is what is tested.

mod common;

use std::{
	io::{Read, Write},
	net::TcpStream,
	time::{Duration, Instant},
};

use common::*;
use rampart_runtime::RuntimeCall;
use serde_json::{json, Value};
use sp_keyring::Sr25519Keyring;

/// Generous bounds for a 2-core machine that may be compiling at the same time.
const START: Duration = Duration::from_secs(240);
const BLOCKS: Duration = Duration::from_secs(120);
const PUBLIC_MAX_CONNECTIONS: usize = 4;
const PUBLIC_MAX_BATCH: usize = 5;
const POOL_LIMIT: usize = 200;

struct DevNode {
	node: Node,
	public: u16,
	_dir: TempDir,
}

fn start(tag: &str, extra: &[&str]) -> DevNode {
	let dir = TempDir::new(tag);
	let (private, public, p2p) = (free_port(), free_port(), free_port());
	let mut args: Vec<String> = vec![
		"--dev".into(),
		"--base-path".into(),
		dir.path().join("db").to_string_lossy().into(),
		"--listen-addr".into(),
		format!("/ip4/127.0.0.1/tcp/{p2p}"),
		"--no-mdns".into(),
		"--no-telemetry".into(),
		"--no-prometheus".into(),
		"--experimental-rpc-endpoint".into(),
		format!("listen-addr=127.0.0.1:{private},methods=unsafe"),
		"--experimental-rpc-endpoint".into(),
		format!(
			"listen-addr=127.0.0.1:{public},methods=safe,max-connections={PUBLIC_MAX_CONNECTIONS},\
			 max-request-size=1,max-response-size=1,max-batch-request-len={PUBLIC_MAX_BATCH}"
		),
	];
	args.extend(extra.iter().map(|s| s.to_string()));
	let node = Node::start(tag, dir.path(), private, p2p, &args);
	node.wait_for("the RPC server", START, |n| n.best_number());
	node.wait_for("a finalized block", START, |n| n.finalized_number().filter(|f| *f >= 1));
	DevNode { node, public, _dir: dir }
}

/// POSTs `body` and returns the HTTP status and the body.
fn post(port: u16, body: &[u8]) -> (u16, String) {
	let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connects");
	stream.set_read_timeout(Some(Duration::from_secs(30))).expect("a timeout");
	let head = format!(
		"POST / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n\
		 Content-Length: {}\r\nConnection: close\r\n\r\n",
		body.len()
	);
	stream.write_all(head.as_bytes()).expect("writes the head");
	// The server may answer and close before reading an oversized body whole.
	let _ = stream.write_all(body);
	let mut response = Vec::new();
	let _ = stream.read_to_end(&mut response);
	let response = String::from_utf8_lossy(&response).to_string();
	let status = response
		.split_whitespace()
		.nth(1)
		.and_then(|s| s.parse().ok())
		.unwrap_or_else(|| panic!("an HTTP status line: {response:?}"));
	let body = response.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default();
	(status, body)
}

fn error_code(body: &str) -> i64 {
	let v: Value = serde_json::from_str(body.trim()).unwrap_or_else(|_| panic!("JSON: {body}"));
	v["error"]["code"].as_i64().unwrap_or_else(|| panic!("an error object: {body}"))
}

/// The best block advances by `blocks` and finality follows, within the bounds.
fn keeps_producing_and_finalizing(node: &Node, blocks: u64) {
	let best = node.best_number().expect("a best block");
	let finalized = node.finalized_number().expect("a finalized block");
	node.wait_for("new blocks", BLOCKS, |n| n.best_number().filter(|b| *b >= best + blocks));
	node.wait_for("finality to follow", BLOCKS, |n| {
		n.finalized_number().filter(|f| *f >= finalized + blocks)
	});
}

#[test]
fn rpc_abuse_gets_clear_errors_and_the_node_keeps_producing() {
	let dev = start("rpc-faults", &[]);
	let node = &dev.node;

	// Malformed JSON: a parse error, not a dropped connection.
	let (status, body) = post(dev.public, br#"{"jsonrpc":"2.0","id":1,"method":"#);
	assert_eq!(error_code(&body), -32700, "HTTP {status}: {body}");
	// Not a request object at all.
	let (_, body) = post(dev.public, br#"[1, "two"]"#);
	assert!(body.contains("-32600"), "invalid requests: {body}");
	// A method that does not exist, and wrong parameters of one that does.
	let (_, body) =
		post(dev.public, br#"{"jsonrpc":"2.0","id":1,"method":"nope_nothing","params":[]}"#);
	assert_eq!(error_code(&body), -32601, "{body}");
	let (_, body) = post(
		dev.public,
		br#"{"jsonrpc":"2.0","id":1,"method":"chain_getBlockHash","params":["x"]}"#,
	);
	assert_eq!(error_code(&body), -32602, "{body}");

	// An oversized request (over 1 MB) is refused before it is parsed.
	let filler = "0".repeat(1_100_000);
	let big = format!(r#"{{"jsonrpc":"2.0","id":1,"method":"system_name","params":["{filler}"]}}"#);
	let (status, body) = post(dev.public, big.as_bytes());
	assert!(
		status == 413 || body.contains("-32007"),
		"an oversized request: HTTP {status}: {}",
		&body[..body.len().min(300)]
	);
	// The same request is fine on the private interface's default limit (15 MB): the limit is
	// the interface's own.
	let (status, body) = post(node.rpc_port, big.as_bytes());
	assert_eq!(status, 200, "{}", &body[..body.len().min(300)]);

	// Batches: at most five calls.
	let batch = |n: usize| {
		let calls: Vec<Value> = (0..n)
			.map(|i| json!({ "jsonrpc": "2.0", "id": i, "method": "system_name", "params": [] }))
			.collect();
		serde_json::to_vec(&calls).expect("JSON")
	};
	let (_, body) = post(dev.public, &batch(PUBLIC_MAX_BATCH));
	let answers: Vec<Value> = serde_json::from_str(body.trim()).expect("a batch answer");
	assert_eq!(answers.len(), PUBLIC_MAX_BATCH);
	assert!(answers.iter().all(|a| a["result"].is_string()), "{body}");
	let (_, body) = post(dev.public, &batch(PUBLIC_MAX_BATCH + 1));
	assert!(body.contains("-32010"), "an over-long batch: {body}");

	// Unsafe methods: refused on the public interface, served on the private one.
	let call = br#"{"jsonrpc":"2.0","id":1,"method":"author_rotateKeys","params":[]}"#;
	let (_, body) = post(dev.public, call);
	assert_eq!(error_code(&body), -32601, "{body}");
	assert!(body.contains("unsafe"), "the refusal says why: {body}");
	let (_, body) = post(node.rpc_port, call);
	assert!(body.contains("\"result\":\"0x"), "the private interface rotates keys: {body}");
	let peers = br#"{"jsonrpc":"2.0","id":1,"method":"system_addReservedPeer","params":["x"]}"#;
	let (_, body) = post(dev.public, peers);
	assert!(body.contains("unsafe"), "{body}");

	// Connections: four at once; a fifth is turned away with 429 until one closes.
	let mut open: Vec<WsClient> = (0..PUBLIC_MAX_CONNECTIONS)
		.map(|i| WsClient::connect(dev.public).unwrap_or_else(|e| panic!("connection {i}: {e}")))
		.collect();
	for ws in open.iter_mut() {
		let answer = ws.call("system_name", json!([])).expect("an answer");
		assert!(answer["result"].is_string(), "{answer}");
	}
	let refused = WsClient::connect(dev.public);
	let error = refused.err().expect("the fifth connection is refused").to_string();
	assert!(
		error.contains("429") || error.contains("closed") || error.contains("reset"),
		"{error}"
	);
	let (status, _) = post(dev.public, br#"{"jsonrpc":"2.0","id":1,"method":"system_name"}"#);
	assert_eq!(status, 429, "plain HTTP is refused the same way while the slots are taken");
	drop(open.pop());
	let again = Instant::now();
	let mut ws = loop {
		match WsClient::connect(dev.public) {
			Ok(ws) => break ws,
			Err(e) if again.elapsed() < Duration::from_secs(10) => {
				let _ = e;
				std::thread::sleep(Duration::from_millis(100));
			},
			Err(e) => panic!("a freed slot is usable again: {e}"),
		}
	};
	assert!(ws.call("system_name", json!([])).expect("an answer")["result"].is_string());
	drop(ws);
	drop(open);
	// The server frees a slot when it notices the close, not when the client drops it: wait
	// until every slot is free before the next requests.
	let closed = Instant::now();
	let name = br#"{"jsonrpc":"2.0","id":1,"method":"system_name"}"#;
	while post(dev.public, name).0 == 429 {
		assert!(closed.elapsed() < Duration::from_secs(10), "closed connections free their slots");
		std::thread::sleep(Duration::from_millis(100));
	}

	// `rampart_*` with arguments out of range: a clear invalid-params error, the server stays up.
	for (method, params) in [
		("rampart_vault", json!([4_294_967_296u64])),
		("rampart_vault", json!([u32::MAX])),
		("rampart_position", json!([0, "not an account"])),
		("rampart_slashRequests", json!([{ "vault": 0 }, 0, 1_000_000_000u64])),
		("rampart_stakeAt", json!([0, { "network": "x", "id": 0 }, "y", 0])),
	] {
		let body = json!({ "jsonrpc": "2.0", "id": 1, "method": method, "params": params });
		let (status, answer) = post(dev.public, body.to_string().as_bytes());
		assert_eq!(status, 200, "{method}: {answer}");
		let v: Value = serde_json::from_str(answer.trim()).expect("JSON");
		assert!(
			v.get("error").is_some() || v.get("result").is_some(),
			"{method}({params}): an answer either way: {answer}"
		);
		if let Some(code) = v["error"]["code"].as_i64() {
			assert!(code == -32602 || (4000..5000).contains(&code), "{method}: {answer}");
		}
	}

	keeps_producing_and_finalizing(node, 2);
	assert!(!node.log_text().contains("panicked"), "no panic in the node's log");
}

/// The timestamps of blocks `from..=to` (milliseconds), read from their `timestamp.set`.
fn block_times(node: &Node, from: u64, to: u64) -> Vec<(u64, u64)> {
	let key = to_hex(&frame_support::storage::storage_prefix(b"Timestamp", b"Now"));
	(from..=to)
		.map(|n| {
			let hash = node.block_hash(n).expect("the block");
			let raw = node.rpc("state_getStorage", json!([key, hash])).expect("a timestamp");
			let bytes = from_hex(&raw).expect("hex");
			let mut le = [0u8; 8];
			le.copy_from_slice(&bytes[..8]);
			(n, u64::from_le_bytes(le))
		})
		.collect()
}

#[test]
fn a_pool_flood_is_refused_past_the_limit_while_blocks_come_on_time() {
	let limit = POOL_LIMIT.to_string();
	let dev = start("pool-flood", &["--pool-limit", &limit]);
	let node = &dev.node;
	let genesis = genesis_hash(node);
	let first = node.best_number().expect("a best block");

	// Six accounts, each a chain of transfers with consecutive nonces: more than the pool holds.
	use Sr25519Keyring::*;
	let signers = [Alice, Bob, Charlie, Dave, Eve, Ferdie];
	// Twice what the pool holds: the pool also counts future transactions apart, and blocks
	// take some while the flood goes in.
	let per_signer = 2 * POOL_LIMIT / signers.len() + 10;
	let started = Instant::now();
	let (mut accepted, mut refused) = (0usize, 0usize);
	let mut codes = std::collections::BTreeMap::<i64, usize>::new();
	for i in 0..per_signer {
		for signer in signers {
			let to = if signer == Ferdie { Alice } else { Ferdie };
			let call = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
				dest: to.to_account_id().into(),
				value: 1_000 + i as u128,
			});
			let xt = signed_extrinsic(genesis, signer, i as u32, call);
			let answer =
				rpc_response(node.rpc_port, "author_submitExtrinsic", json!([to_hex(&xt)]))
					.expect("the node answers while flooded");
			if answer.get("result").is_some() {
				accepted += 1;
			} else {
				refused += 1;
				let code = answer["error"]["code"].as_i64().unwrap_or_default();
				*codes.entry(code).or_default() += 1;
			}
		}
	}
	let submitted = per_signer * signers.len();
	println!(
		"flood: {submitted} transfers submitted in {:.1}s, {accepted} accepted, {refused} refused \
		 (error codes {codes:?}), pool limit {POOL_LIMIT}",
		started.elapsed().as_secs_f64()
	);
	assert!(refused > 0, "a flood past the limit is refused in part");
	assert!(
		codes.keys().all(|c| [1014, 1016, 1012].contains(c)),
		"refusals say the pool is full (1014 priority too low, 1016 immediately dropped), or a \
		 banned hash: {codes:?}"
	);
	assert!(accepted >= POOL_LIMIT / 2, "the pool takes transactions up to about its limit");

	// Authoring continues on time: every block within 1.5 slots of the one before, while the
	// pool drains into blocks.
	let best =
		node.wait_for("six more blocks", BLOCKS, |n| n.best_number().filter(|b| *b >= first + 6));
	let times = block_times(node, first + 1, best);
	let gaps: Vec<u64> = times.windows(2).map(|w| w[1].1 - w[0].1).collect();
	println!("flood: block gaps (ms) {gaps:?}");
	assert!(gaps.iter().all(|g| *g <= 9_000), "a block came late: {gaps:?}");
	node.wait_for("the pool to drain", BLOCKS, |n| {
		n.rpc("author_pendingExtrinsics", json!([]))
			.and_then(|v| v.as_array().map(|a| a.is_empty()))
			.filter(|empty| *empty)
	});
	keeps_producing_and_finalizing(node, 2);
	assert!(!node.log_text().contains("panicked"), "no panic in the node's log");
}

/// How long the author's heavy chain is, and what each of its blocks carries: transfers in
/// `utility.batch`es, so that a syncing node imports for seconds, not milliseconds.
const HEAVY_BLOCKS: usize = 16;
const BATCHES_PER_BLOCK: usize = 6;
const TRANSFERS_PER_BATCH: usize = 1_000;

/// A node of the crash test: its database, key, ports, and the arguments it restarts with.
struct Peer {
	name: &'static str,
	base: String,
	key_file: String,
	addr: String,
	p2p: u16,
	rpc: u16,
}

impl Peer {
	fn new(dir: &std::path::Path, name: &'static str) -> Self {
		let (key_file, id) = node_key(dir, name);
		let (p2p, rpc) = (free_port(), free_port());
		Peer {
			name,
			base: dir.join(name).to_string_lossy().into(),
			key_file,
			addr: format!("/ip4/127.0.0.1/tcp/{p2p}/p2p/{id}"),
			p2p,
			rpc,
		}
	}

	/// The dev chain from its own database; `author`: Alice's keys, authoring alone. No
	/// bootnodes: the test connects the follower to the author (`system_addReservedPeer`) once
	/// its RPC answers, so that no sync happens before the test can watch it.
	fn start(&self, dir: &std::path::Path, author: bool) -> Node {
		let mut args: Vec<String> = vec![
			"--chain".into(),
			"dev".into(),
			"--base-path".into(),
			self.base.clone(),
			"--node-key-file".into(),
			self.key_file.clone(),
		];
		if author {
			args.extend(["--alice", "--validator", "--force-authoring"].map(String::from));
		} else {
			// Two blocks per request: the author's going away stops the download, not only the
			// requests after a large batch.
			args.extend(["--max-blocks-per-request", "2"].map(String::from));
		}
		args.extend(loopback_flags(self.p2p, self.rpc));
		let node = Node::start(self.name, dir, self.rpc, self.p2p, &args);
		node.wait_for("the RPC server", START, |n| n.best_number());
		node
	}
}

/// Connects `node` to `peer` for good: a reserved peer is dialled again whenever it is lost.
fn connect(node: &Node, peer: &Peer) {
	let answer = rpc_response(node.rpc_port, "system_addReservedPeer", json!([peer.addr]))
		.expect("the node answers");
	assert!(answer.get("error").is_none(), "{}: adding a reserved peer: {answer}", node.name);
}

/// Polls `cond` every 20 ms (the follower imports a block in a few hundred).
fn poll_fast<T>(node: &Node, what: &str, cond: impl FnMut(&Node) -> Option<T>) -> T {
	node.wait_for_every(Duration::from_millis(20), what, BLOCKS, cond)
}

/// The SCALE-encoded `System::Account` of `who` at `hash`, as the node's database holds it.
fn account_at(node: &Node, who: Sr25519Keyring, hash: &str) -> Value {
	let key = frame_system::Account::<rampart_runtime::Runtime>::hashed_key_for(
		rampart_runtime::AccountId::from(who.to_account_id()),
	);
	node.rpc("state_getStorage", json!([to_hex(&key), hash]))
		.unwrap_or_else(|| panic!("{}: the state at {hash} reads", node.name))
}

#[test]
fn a_node_killed_mid_import_restarts_with_its_state_and_a_sync_cut_mid_way_completes() {
	let tmp = TempDir::new("crash-sync");
	let dir = tmp.path();
	let (author, follower) = (Peer::new(dir, "author"), Peer::new(dir, "follower"));

	// 1. The author builds a chain of heavy blocks.
	let mut a = author.start(dir, true);
	let mut best = a.wait_for("block #1", BLOCKS, |n| n.best_number().filter(|b| *b >= 1));
	let genesis = genesis_hash(&a);
	use Sr25519Keyring::*;
	let batch = RuntimeCall::Utility(pallet_utility::Call::batch {
		calls: vec![
			RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
				dest: Bob.to_account_id().into(),
				value: 1,
			});
			TRANSFERS_PER_BATCH
		],
	});
	let built = Instant::now();
	let mut nonce = 0u32;
	for _ in 0..HEAVY_BLOCKS {
		for _ in 0..BATCHES_PER_BLOCK {
			let xt = signed_extrinsic(genesis, Alice, nonce, batch.clone());
			let answer = rpc_response(a.rpc_port, "author_submitExtrinsic", json!([to_hex(&xt)]))
				.expect("the author answers");
			assert!(answer.get("result").is_some(), "a batch is refused: {answer}");
			nonce += 1;
		}
		best = a.wait_for("the next block", BLOCKS, |n| n.best_number().filter(|b| *b > best));
	}
	a.wait_for("the pool to drain", BLOCKS, |n| {
		n.rpc("author_pendingExtrinsics", json!([]))
			.and_then(|v| v.as_array().map(|x| x.is_empty()))
			.filter(|empty| *empty)
	});
	let tip = a.best_number().expect("a best block");
	a.wait_for("the tip finalized", BLOCKS, |n| n.finalized_number().filter(|f| *f >= tip));
	let hashes: Vec<String> =
		(0..=tip).map(|n| a.block_hash(n).expect("the author's block")).collect();
	let heavy = (1..=tip)
		.filter(|n| {
			let block = a.rpc("chain_getBlock", json!([hashes[*n as usize]])).expect("a block");
			block["block"]["extrinsics"].as_array().is_some_and(|x| x.len() > 2)
		})
		.count();
	println!(
		"crash: {tip} blocks ({heavy} carrying {} transfers or more) built in {:.0?}",
		TRANSFERS_PER_BATCH,
		built.elapsed()
	);
	assert!(heavy >= HEAVY_BLOCKS / 2, "the chain has heavy blocks to import: {heavy}");

	// 2. A node with an empty database syncs it and is killed (SIGKILL) while it imports.
	let mut f = follower.start(dir, false);
	let connected = Instant::now();
	connect(&f, &author);
	let killed_at =
		poll_fast(&f, "the follower importing", |n| n.best_number().filter(|b| *b >= 2));
	f.kill();
	println!(
		"crash: follower killed while importing, at #{killed_at} of {tip}, {:.1?} after it was \
		 connected",
		connected.elapsed()
	);
	assert!(killed_at + 4 < tip, "the follower was mid-sync when killed: #{killed_at} of {tip}");

	// 3. It restarts from its database, consistent: every block it has is the author's, with the
	// same state. ParityDB queues a commit in memory and its log thread writes it a moment later,
	// so the last blocks the follower had reported may be lost to a SIGKILL (not to a clean stop):
	// it downloads them again. Everything older is on disk.
	let f = follower.start(dir, false);
	let resumed = f.best_number().expect("a best block");
	assert_eq!(f.peers(), Some(0), "the follower restarts alone");
	println!(
		"crash: the follower restarted at #{resumed}; {} reported block(s) were still in \
		 ParityDB's commit queue",
		killed_at.saturating_sub(resumed)
	);
	assert!(resumed <= tip, "the follower has no block the author did not build: #{resumed}");
	for n in 1..=resumed {
		assert_eq!(f.block_hash(n).as_ref(), Some(&hashes[n as usize]), "block #{n} after restart");
	}
	let at_restart = &hashes[resumed as usize];
	for who in [Alice, Bob] {
		assert_eq!(
			account_at(&f, who, at_restart),
			account_at(&a, who, at_restart),
			"state of {who:?}"
		);
	}

	// 4. Mid-sync again, its only peer goes away (SIGKILL) as soon as the follower reaches it:
	// the follower downloads far faster than it imports these blocks, so a later cut could
	// come after the last block was downloaded.
	connect(&f, &author);
	poll_fast(&f, "the follower to reach the author", |n| n.peers().filter(|p| *p >= 1));
	a.kill();
	let cut_at = f.best_number().expect("the follower answers");
	assert!(cut_at + 3 < tip, "the follower was mid-sync when its peer went: #{cut_at} of {tip}");
	f.wait_for("the peer to be gone", BLOCKS, |n| n.peers().filter(|p| *p == 0));
	std::thread::sleep(Duration::from_secs(3));
	let stalled = f.best_number().expect("the follower answers without peers");
	assert!(stalled < tip, "without its peer the follower cannot finish: #{stalled} of {tip}");

	// 5. The author restarts from its own database, its chain intact; the follower reconnects
	// and completes the sync to the same chain, and finality goes on.
	let a = author.start(dir, true);
	for n in [1, tip / 2, tip] {
		assert_eq!(a.block_hash(n).as_ref(), Some(&hashes[n as usize]), "author block #{n}");
	}
	f.wait_for("the follower to reconnect", BLOCKS, |n| n.peers().filter(|p| *p >= 1));
	f.wait_for("the follower to finish", BLOCKS, |n| n.best_number().filter(|b| *b >= tip));
	f.wait_for("finality past the old tip", BLOCKS, |n| n.finalized_number().filter(|x| *x > tip));
	for n in 1..=tip {
		assert_eq!(f.block_hash(n).as_ref(), Some(&hashes[n as usize]), "follower block #{n}");
	}
	println!(
		"crash: follower cut at #{cut_at}, stalled at #{stalled}, completed to #{tip} after the \
		 author's restart; all {tip} hashes equal"
	);
	for node in [&a, &f] {
		assert!(!node.log_text().contains("panicked"), "{}: no panic in the log", node.name);
	}
}
