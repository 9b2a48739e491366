// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Throughput of a real dev node (issue 20, item 3): a bounded load generator on loopback
//! submits signed extrinsics from many accounts through `author_submitExtrinsic`, phase by
//! phase, and counts what the node includes per block:
//!
//! 1. balance transfers, the baseline;
//! 2. deposits into the chain's native vault;
//! 3. withdrawals from it;
//! 4. slashes of the sample vault by the sample network's middleware (one signer).
//!
//! Each phase queues more than a block takes, waits until the pool is empty, and reads every
//! block it filled: signed extrinsics per block (the largest, which is what a full block holds,
//! and the mean), per second of block time, and the phase's ratio to transfers. Every
//! extrinsic must land and succeed (the accounts' balances and vault positions say so), and
//! the node must keep finalizing.
//!
//! The load is `RAMPART_THROUGHPUT_ACCOUNTS` accounts (default 100) × `RAMPART_THROUGHPUT_PER_ACCOUNT`
//! extrinsics each per phase (default 20): 2 000 per phase, more than one block of deposits.
//! `RAMPART_THROUGHPUT_JSON=<file>` writes the figures as JSON (the performance report's input).

mod common;

use std::time::{Duration, Instant};

use codec::Decode;
use common::*;
use rampart_runtime::{
	genesis_config_presets::{CHAIN_NATIVE_VAULT, SAMPLE_MIDDLEWARE, SAMPLE_NETWORK, SAMPLE_VAULT},
	AccountId, RuntimeCall, UNIT,
};
use serde_json::{json, Value};
use sp_core::{crypto::Ss58Codec, sr25519, Pair};
use sp_keyring::Sr25519Keyring;

const START: Duration = Duration::from_secs(240);
/// How long a phase may take to drain from the pool into blocks.
const DRAIN: Duration = Duration::from_secs(300);
/// How long the node's log may lag behind its blocks.
const LOGGED: Duration = Duration::from_secs(30);
const POOL_LIMIT: usize = 50_000;

fn env_or(name: &str, default: usize) -> usize {
	std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// What one phase put in blocks.
struct Phase {
	name: &'static str,
	submitted: usize,
	/// Signed extrinsics of each block the phase filled, oldest first.
	per_block: Vec<usize>,
	seconds: f64,
	/// The block the node took longest to build in the phase: its number, milliseconds (from
	/// the start of block building to the sealed block: every extrinsic applied and the state
	/// root computed) and why the proposer stopped filling it.
	slowest: Option<Built>,
}

/// How the author built a block, from its log line "Prepared block for proposing at N (T ms)
/// ... end: R; extrinsics_count: C".
#[derive(Clone, Debug)]
struct Built {
	block: u64,
	millis: u64,
	end: String,
	/// Signed extrinsics in the block.
	signed: usize,
}

/// What the runtime charges for a delegation stake lookup and for the delegator side of a slash
/// (every history read at `MaxHistoryDepth`), and for the slashing calls' own parts at their
/// deepest search, for the report to set beside their measurements.
fn charged_lookups() -> Value {
	use rampart_primitives::traits::StakeProvider;
	type Stakes = pallet_rampart_delegation::Pallet<rampart_runtime::Runtime>;
	type Slashing = pallet_rampart_slashing::Pallet<rampart_runtime::Runtime>;
	let stake_at = <Stakes as StakeProvider<AccountId, u32>>::stake_at_weight();
	let on_slash = <Stakes as StakeProvider<AccountId, u32>>::on_slash_weight();
	let slash_depth =
		<rampart_runtime::Runtime as pallet_rampart_slashing::Config>::MaxCumulativeSlashDepth::get(
		);
	json!({
		"max_history_depth": <rampart_runtime::Runtime as pallet_rampart_delegation::Config>::MaxHistoryDepth::get(),
		"stake_at_ref_time_ps": stake_at.ref_time(),
		"on_slash_ref_time_ps": on_slash.ref_time(),
		// The slashing calls' own weights (without the stake lookup and the delegator hook) at
		// the deepest cumulative-slash search, which the report's `*_deepest` rows measure.
		"max_cumulative_slash_depth": slash_depth,
		"slash_own_at_deepest_ref_time_ps": Slashing::slash_own_weight(slash_depth).ref_time(),
		"request_own_at_deepest_ref_time_ps": Slashing::request_own_weight(slash_depth).ref_time(),
		"execute_own_at_deepest_ref_time_ps": Slashing::execute_own_weight(slash_depth).ref_time(),
	})
}

/// Every block the node built, from its log.
fn built_blocks(node: &Node) -> Vec<Built> {
	node.log_text()
		.lines()
		.filter_map(|line| {
			let rest = line.split("Prepared block for proposing at ").nth(1)?;
			let (block, rest) = rest.split_once(" (")?;
			let (millis, rest) = rest.split_once(" ms)")?;
			let end = rest.split("end: ").nth(1)?.split(';').next()?;
			Some(Built {
				block: block.trim().parse().ok()?,
				millis: millis.trim().parse().ok()?,
				end: end.trim().to_string(),
				signed: 0,
			})
		})
		.collect()
}

impl Phase {
	fn max(&self) -> usize {
		self.per_block.iter().copied().max().unwrap_or(0)
	}
	fn mean(&self) -> f64 {
		self.per_block.iter().sum::<usize>() as f64 / self.per_block.len().max(1) as f64
	}
	fn json(&self, baseline: usize) -> Value {
		json!({
			"phase": self.name,
			"submitted": self.submitted,
			"blocks": self.per_block.len(),
			"per_block": self.per_block,
			"max_per_block": self.max(),
			"mean_per_block": self.mean(),
			"max_per_second": self.max() as f64 * 1_000.0 / rampart_runtime::MILLI_SECS_PER_BLOCK as f64,
			"ratio_to_transfers": self.max() as f64 / baseline.max(1) as f64,
			"seconds_to_drain": self.seconds,
			"slowest_build": self.slowest.as_ref().map(|b| json!({
				"block": b.block,
				"millis": b.millis,
				"end": b.end,
				"signed": b.signed,
			})),
		})
	}
}

/// The signed extrinsics of block `n`.
fn signed_in(node: &Node, n: u64) -> usize {
	let hash = node.block_hash(n).expect("the block");
	let block = node.rpc("chain_getBlock", json!([hash])).expect("the block's body");
	block["block"]["extrinsics"]
		.as_array()
		.expect("extrinsics")
		.iter()
		.filter(|xt| {
			let bytes = from_hex(xt).expect("hex");
			let decoded = rampart_runtime::UncheckedExtrinsic::decode(&mut &bytes[..])
				.expect("an extrinsic of the runtime");
			matches!(decoded.preamble, sp_runtime::generic::Preamble::Signed(..))
		})
		.count()
}

fn pool_is_empty(node: &Node) -> Option<bool> {
	node.rpc("author_pendingExtrinsics", json!([]))
		.and_then(|v| v.as_array().map(|a| a.is_empty()))
		.filter(|empty| *empty)
}

/// Submits `xts`, waits until the pool is empty and one more block is on top, and counts.
fn phase(node: &Node, name: &'static str, xts: Vec<Vec<u8>>) -> Phase {
	let before = node.best_number().expect("a best block");
	let started = Instant::now();
	let submitted = xts.len();
	for xt in xts {
		let answer = rpc_response(node.rpc_port, "author_submitExtrinsic", json!([to_hex(&xt)]))
			.expect("the node answers under load");
		assert!(answer.get("result").is_some(), "{name}: an extrinsic was refused: {answer}");
	}
	node.wait_for("the pool to drain", DRAIN, pool_is_empty);
	let seconds = started.elapsed().as_secs_f64();
	let after = node.best_number().expect("a best block");
	let per_block: Vec<usize> = (before + 1..=after).map(|n| signed_in(node, n)).collect();
	let included: usize = per_block.iter().sum();
	assert_eq!(included, submitted, "{name}: every extrinsic is included once: {per_block:?}");
	let per_block: Vec<usize> = per_block.into_iter().skip_while(|c| *c == 0).collect();
	// The node's logger writes from a buffer flushed every 50 ms on another thread, so a block's
	// "Prepared block" line may reach the log after the block itself is imported.
	let built = node.wait_for(
		&format!("{name}: the log of how blocks up to {after} were built"),
		LOGGED,
		|n| {
			let built = built_blocks(n);
			built.iter().any(|b| b.block >= after).then_some(built)
		},
	);
	let slowest = built
		.into_iter()
		.filter(|b| b.block > before && b.block <= after)
		.max_by_key(|b| b.millis)
		.map(|b| Built { signed: signed_in(node, b.block), ..b });
	assert!(slowest.is_some(), "{name}: the node logs how it built blocks {before}..={after}");
	let phase = Phase { name, submitted, per_block, seconds, slowest };
	println!(
		"throughput: {name}: {submitted} in {} blocks, at most {} per block, mean {:.0}, \
		 drained in {seconds:.1}s: {:?}; slowest to build: {:?}",
		phase.per_block.len(),
		phase.max(),
		phase.mean(),
		phase.per_block,
		phase.slowest
	);
	phase
}

fn free_balance(node: &Node, who: &AccountId) -> u128 {
	let key = frame_system::Account::<rampart_runtime::Runtime>::hashed_key_for(who);
	let raw = node.rpc("state_getStorage", json!([to_hex(&key)])).expect("the account");
	let bytes = from_hex(&raw).expect("hex");
	let info = frame_system::AccountInfo::<
		rampart_runtime::Nonce,
		pallet_balances::AccountData<rampart_runtime::Balance>,
	>::decode(&mut &bytes[..])
	.expect("an account");
	info.data.free
}

fn active_balance(node: &Node, vault: u32, who: &AccountId) -> u128 {
	let position = node
		.rpc("rampart_position", json!([vault, who.to_ss58check()]))
		.expect("a position");
	amount(&position["activeBalance"])
}

#[test]
fn deposits_withdrawals_and_slashes_per_block_next_to_transfers() {
	let accounts = env_or("RAMPART_THROUGHPUT_ACCOUNTS", 100);
	let per_account = env_or("RAMPART_THROUGHPUT_PER_ACCOUNT", 20);
	let dir = TempDir::new("throughput");
	let (rpc, p2p) = (free_port(), free_port());
	let mut args: Vec<String> = vec![
		"--dev".into(),
		"--base-path".into(),
		dir.path().join("db").to_string_lossy().into(),
		"--pool-limit".into(),
		POOL_LIMIT.to_string(),
		"--pool-kbytes".into(),
		(POOL_LIMIT * 2).to_string(),
	];
	args.extend(loopback_flags(p2p, rpc));
	let node = Node::start("throughput", dir.path(), rpc, p2p, &args);
	node.wait_for("the RPC server", START, |n| n.best_number());
	node.wait_for("a finalized block", START, |n| n.finalized_number().filter(|f| *f >= 1));
	let genesis = genesis_hash(&node);

	// The load's accounts, funded by Alice in batches.
	let keys: Vec<sr25519::Pair> = (0..accounts)
		.map(|i| sr25519::Pair::from_string(&format!("//rampart-load//{i}"), None).expect("a key"))
		.collect();
	let ids: Vec<AccountId> = keys.iter().map(|k| k.public().into()).collect();
	let funding = 1_000 * UNIT;
	let batches: Vec<Vec<u8>> = ids
		.chunks(100)
		.enumerate()
		.map(|(nonce, chunk)| {
			let calls = chunk
				.iter()
				.map(|who| {
					RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
						dest: who.clone().into(),
						value: funding,
					})
				})
				.collect();
			signed_extrinsic(
				genesis,
				Sr25519Keyring::Alice,
				nonce as u32,
				RuntimeCall::Utility(pallet_utility::Call::batch_all { calls }),
			)
		})
		.collect();
	phase(&node, "funding", batches);
	assert!(ids.iter().all(|who| free_balance(&node, who) == funding), "every account is funded");

	// Each account's extrinsics, nonces in order, interleaved across accounts.
	let load = |first_nonce: u32, call: &dyn Fn(usize, usize) -> RuntimeCall| -> Vec<Vec<u8>> {
		(0..per_account)
			.flat_map(|j| keys.iter().enumerate().map(move |(i, key)| (i, j, key)))
			.map(|(i, j, key)| signed_by(genesis, key, first_nonce + j as u32, call(i, j)))
			.collect()
	};
	let alice = Sr25519Keyring::Alice.to_account_id();
	let transfers = phase(
		&node,
		"transfers",
		load(0, &|_, _| {
			RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
				dest: alice.clone().into(),
				value: UNIT,
			})
		}),
	);
	let deposit = 10 * UNIT;
	let deposits = phase(
		&node,
		"deposits",
		load(per_account as u32, &|i, _| {
			RuntimeCall::Vaults(pallet_rampart_vaults::Call::deposit {
				vault: CHAIN_NATIVE_VAULT,
				on_behalf_of: ids[i].clone(),
				amount: deposit,
			})
		}),
	);
	assert!(
		ids.iter()
			.all(|who| active_balance(&node, CHAIN_NATIVE_VAULT, who)
				== per_account as u128 * deposit),
		"every deposit landed"
	);
	let withdrawals = phase(
		&node,
		"withdrawals",
		load(2 * per_account as u32, &|i, _| {
			RuntimeCall::Vaults(pallet_rampart_vaults::Call::withdraw {
				vault: CHAIN_NATIVE_VAULT,
				claimer: ids[i].clone(),
				amount: deposit / 2,
			})
		}),
	);
	assert!(
		ids.iter().all(|who| active_balance(&node, CHAIN_NATIVE_VAULT, who)
			== per_account as u128 * deposit / 2),
		"every withdrawal landed"
	);

	// Slashes of the sample vault by its network's middleware, one signer, each a small part of
	// the stake the sample network gives Alice, all naming the same recent capture.
	let slashes = accounts * per_account / 4;
	let capture = node.best_number().expect("a best block") as u32;
	node.wait_for("a block after the capture", START, |n| {
		n.best_number().filter(|b| *b > capture as u64 + 1)
	});
	let subnetwork = rampart_primitives::Subnetwork::main(SAMPLE_NETWORK.to_account_id());
	let slash_xts = (0..slashes)
		.map(|nonce| {
			signed_extrinsic(
				genesis,
				SAMPLE_MIDDLEWARE,
				nonce as u32,
				RuntimeCall::Slashing(pallet_rampart_slashing::Call::slash {
					vault: SAMPLE_VAULT,
					subnetwork: subnetwork.clone(),
					operator: alice.clone(),
					amount: 1_000,
					capture,
				}),
			)
		})
		.collect();
	let total_stake = |node: &Node| -> u128 {
		let vault = node.rpc("rampart_vault", json!([SAMPLE_VAULT])).expect("the sample vault");
		amount(&vault["totalStake"])
	};
	let before = total_stake(&node);
	let slashed = phase(&node, "slashes", slash_xts);
	assert_eq!(before - total_stake(&node), slashes as u128 * 1_000, "every slash took its amount");

	let base = transfers.max();
	for p in [&deposits, &withdrawals, &slashed] {
		println!(
			"throughput: {} per block {} = {:.2} of transfers' {base}",
			p.name,
			p.max(),
			p.max() as f64 / base.max(1) as f64
		);
	}
	// Still finalizing after the load.
	let best = node.best_number().expect("a best block");
	node.wait_for("finality to follow", START, |n| n.finalized_number().filter(|f| *f >= best));

	// A fresh node syncs the chain the load built, from this node alone.
	let chain_bytes = dir_size(&dir.path().join("db").join("chains"));
	let (first, times) = sync_from(&node, dir.path(), &[best]);
	let (synced, sync) = (best - first, times[0]);
	println!(
		"throughput: a fresh node imported {synced} blocks in {sync:.2}s ({:.0} blocks/s) after \
		 its first; the author's database holds {chain_bytes} bytes for {best} blocks ({:.0} per \
		 block)",
		synced as f64 / sync,
		chain_bytes as f64 / best as f64
	);
	if let Ok(path) = std::env::var("RAMPART_THROUGHPUT_JSON") {
		use frame_support::dispatch::DispatchClass;
		let weights = rampart_runtime::configs::RuntimeBlockWeights::get();
		let normal = weights.get(DispatchClass::Normal);
		let db = <rampart_runtime::Runtime as frame_system::Config>::DbWeight::get();
		let phases: Vec<Value> = [&transfers, &deposits, &withdrawals, &slashed]
			.iter()
			.map(|p| p.json(base))
			.collect();
		let report = json!({
			"runtime": {
				"max_block_ref_time_ps": weights.max_block.ref_time(),
				"normal_max_total_ref_time_ps": normal.max_total.map(|w| w.ref_time()),
				"normal_base_extrinsic_ref_time_ps": normal.base_extrinsic.ref_time(),
				"db_read_ps": db.read,
				"db_write_ps": db.write,
				"session_period": rampart_runtime::configs::consensus::SESSION_PERIOD,
				"charged": charged_lookups(),
				// The longest epoch a vault may have bounds the deepest cumulative-slash
				// history a slash searches (the report's deep slash rows reach it).
				"max_epoch_duration": <pallet_rampart_vaults::Pallet<rampart_runtime::Runtime>
					as rampart_primitives::traits::VaultsInspect<AccountId, u32>>::windows()
					.max_epoch_duration,
			},
			"accounts": accounts,
			"per_account": per_account,
			"block_time_ms": rampart_runtime::MILLI_SECS_PER_BLOCK,
			"phases": phases,
			"sync": {
				"chain_blocks": best,
				"blocks_timed": synced,
				"seconds": sync,
				"blocks_per_second": synced as f64 / sync,
				"database_bytes": chain_bytes,
				"bytes_per_block": chain_bytes as f64 / best as f64,
			},
		});
		std::fs::write(&path, serde_json::to_string_pretty(&report).expect("JSON"))
			.expect("the JSON file is writable");
	}
}

/// The bytes of every file under `path`.
fn dir_size(path: &std::path::Path) -> u64 {
	std::fs::read_dir(path)
		.map(|entries| {
			entries
				.flatten()
				.map(|e| match e.metadata() {
					Ok(m) if m.is_dir() => dir_size(&e.path()),
					Ok(m) => m.len(),
					Err(_) => 0,
				})
				.sum()
		})
		.unwrap_or(0)
}

/// Starts a fresh node of the dev chain that does not author, connects it to `author` only,
/// and returns the best block it had when first seen past genesis, and the seconds from then
/// until its best block reached each of `marks` (ascending).
fn sync_from(author: &Node, dir: &std::path::Path, marks: &[u64]) -> (u64, Vec<f64>) {
	let id = author.rpc("system_localPeerId", json!([])).expect("a peer id");
	let addr = format!("/ip4/127.0.0.1/tcp/{}/p2p/{}", author.p2p_port, id.as_str().expect("text"));
	let (rpc, p2p) = (free_port(), free_port());
	let mut args: Vec<String> = vec![
		"--chain".into(),
		"dev".into(),
		"--base-path".into(),
		dir.join("follower").to_string_lossy().into(),
	];
	args.extend(loopback_flags(p2p, rpc));
	let follower = Node::start("follower", dir, rpc, p2p, &args);
	follower.wait_for("the follower's RPC server", START, |n| n.best_number());
	let answer = rpc_response(rpc, "system_addReservedPeer", json!([addr])).expect("answers");
	assert!(answer.get("error").is_none(), "adding the author as a peer: {answer}");
	// From the first block imported (the connection set up) to each mark.
	let poll = Duration::from_millis(20);
	let first = follower
		.wait_for_every(poll, "the first block", DRAIN, |n| n.best_number().filter(|b| *b >= 1));
	let started = Instant::now();
	let times = marks
		.iter()
		.map(|mark| {
			follower.wait_for_every(poll, "the follower to sync", DRAIN, |n| {
				n.best_number().filter(|b| b >= mark)
			});
			started.elapsed().as_secs_f64()
		})
		.collect();
	(first, times)
}

/// Sync of a chain longer than a test can author at 6 s a block: `rampart-node
/// build-bench-chain` authors `RAMPART_SYNC_EMPTY` blocks of inherents only (default 298), then
/// `RAMPART_SYNC_FULL` blocks filled with transfers (default 4), offline and in the past; a
/// node serves that database and a fresh node syncs it over loopback. Each part is timed apart:
/// ordinary blocks are what a sync speed is quoted for, and a full block is bounded by the time
/// its execution takes. `RAMPART_SYNC_JSON=<file>` writes the figures as JSON.
#[test]
fn a_fresh_node_syncs_a_long_chain_of_empty_then_full_blocks() {
	// By default the full blocks cover a session rotation (block 300).
	let empty = env_or("RAMPART_SYNC_EMPTY", 298) as u64;
	let full = env_or("RAMPART_SYNC_FULL", 4) as u64;
	let top = empty + full;
	let dir = TempDir::new("sync");
	let source = dir.path().join("source");
	let source_path = source.to_string_lossy().to_string();
	let started = Instant::now();
	let (code, output) = run_to_exit(
		&[
			"build-bench-chain",
			"--chain",
			"dev",
			"--base-path",
			&source_path,
			"--empty",
			&empty.to_string(),
			"--full",
			&full.to_string(),
		],
		DRAIN * 2,
	);
	let build_seconds = started.elapsed().as_secs_f64();
	assert_eq!(code, Some(0), "building the chain failed:\n{}", tail(&output, 30));
	println!("sync: {}", output.lines().last().unwrap_or_default());

	// The node that serves it: not an authority, it only answers the follower.
	let (rpc, p2p) = (free_port(), free_port());
	let mut args: Vec<String> =
		vec!["--chain".into(), "dev".into(), "--base-path".into(), source_path];
	args.extend(loopback_flags(p2p, rpc));
	let server = Node::start("server", dir.path(), rpc, p2p, &args);
	server.wait_for("the server's RPC server", START, |n| n.best_number());
	assert_eq!(server.best_number(), Some(top), "the server holds the whole chain");
	assert_eq!(server.finalized_number(), Some(top), "and it is final");
	let empty_signed: usize = (1..=empty.min(20)).map(|n| signed_in(&server, n)).sum();
	assert_eq!(empty_signed, 0, "the empty blocks hold inherents only");
	// Full blocks hold transfers, but for those that rotate the session: `pallet-session`
	// charges a whole block's weight for a rotation, so those take no extrinsic.
	let session = u64::from(rampart_runtime::configs::consensus::SESSION_PERIOD);
	let full_signed: Vec<usize> = (empty + 1..=top).map(|n| signed_in(&server, n)).collect();
	for (n, count) in (empty + 1..=top).zip(&full_signed) {
		if n % session == 0 {
			assert_eq!(*count, 0, "block #{n} rotates the session: {full_signed:?}");
		} else {
			assert!(*count > 1_000, "block #{n} is full of transfers: {full_signed:?}");
		}
	}
	let transfers: usize = full_signed.iter().sum();

	let (first, times) = sync_from(&server, dir.path(), &[empty, top]);
	assert!(first < empty, "the follower was timed from block {first}, past the empty blocks");
	let empty_rate = (empty - first) as f64 / times[0];
	let full_rate = full as f64 / (times[1] - times[0]);
	println!(
		"sync: a fresh node imported {} empty blocks in {:.2}s ({empty_rate:.0} blocks/s), then \
		 {full} full blocks ({:?} signed extrinsics) in {:.2}s ({full_rate:.2} blocks/s, {:.0} \
		 transfers/s)",
		empty - first,
		times[0],
		full_signed,
		times[1] - times[0],
		transfers as f64 / (times[1] - times[0]),
	);
	if let Ok(path) = std::env::var("RAMPART_SYNC_JSON") {
		let report = json!({
			"build_seconds": build_seconds,
			"empty": {
				"blocks": empty,
				"blocks_timed": empty - first,
				"seconds": times[0],
				"blocks_per_second": empty_rate,
			},
			"full": {
				"blocks": full,
				"signed_per_block": full_signed,
				"session_period": session,
				"seconds": times[1] - times[0],
				"blocks_per_second": full_rate,
				"transfers_per_second": transfers as f64 / (times[1] - times[0]),
			},
		});
		std::fs::write(&path, serde_json::to_string_pretty(&report).expect("JSON"))
			.expect("the JSON file is writable");
	}
}
