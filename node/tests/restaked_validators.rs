// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! End-to-end: the `local` chain secured by restaked stake, on real nodes (loopback only).
//!
//! 1. Alice and Bob (the genesis validators, each with stake from the chain's native and rUSD
//!    vaults) produce and finalize blocks.
//! 2. A new operator, Charlie, gets into the set the way a user does: Ferdie (a curator) creates a
//!    native vault; governance (sudo, acting as the chain's network) accepts it and caps it;
//!    Dave (a staker) deposits; Ferdie allocates the subnetwork's stake to Charlie; Charlie
//!    registers, opts in, joins the chain's subnetwork, generates keys on his own node
//!    (`author_rotateKeysWithOwner`) and calls `session.setKeys`. After the next rotations his node
//!    authors blocks, and finality goes on with his GRANDPA votes needed (all three of a set of
//!    three).
//! 3. Ferdie sets Charlie's allocation to zero: he leaves the set at a following rotation and
//!    finality does not stall.
//! 4. A real GRANDPA equivocation: Bob's node freezes (SIGSTOP) mid-round after prevoting, so
//!    finality waits; a second node with Bob's key and an empty database starts once the chain
//!    has grown, joins the round and prevotes for the longer chain. Alice sees Bob's two prevotes
//!    and reports them (an unsigned report with a key-ownership proof); the slash lands: each
//!    vault behind Bob loses exactly what the middleware's split of `fraction × 50 % ×
//!    power(capture)` says, and the stakers' slashable balances with it. Bob's first node then
//!    thaws and both run his key; finality goes on.
//!
//! Every process is killed when its handle drops, also when an assertion fails; every wait is
//! bounded. Timings are printed.

mod common;

use std::time::{Duration, Instant};

use codec::{Decode, Encode};
use common::*;
use frame_support::view_functions::ViewFunction;
use rampart_primitives::{AssetKind, DelegatorKind, OptInTarget, Role, SlasherKind, Subnetwork};
use rampart_runtime::{
	genesis_config_presets::{chain_network, CHAIN_NATIVE_VAULT, CHAIN_USD_VAULT, GRANDPA_SLASH},
	AccountId, Runtime, RuntimeCall, RuntimeEvent, UNIT,
};
use serde_json::json;
use sp_core::{crypto::Ss58Codec, H256};
use sp_keyring::Sr25519Keyring;
use sp_runtime::Perbill;

/// A bound on a node's start and on the waits of the set-up (see `network.rs`): generous, as the
/// end-to-end lanes run nodes side by side on 2 cores.
const START: Duration = Duration::from_secs(240);
/// Blocks per session of the reference runtime.
const SESSION_PERIOD: u64 = rampart_runtime::configs::consensus::SESSION_PERIOD as u64;
/// A rotation is a minute; a set change takes up to three.
const ROTATIONS: Duration = Duration::from_secs(300);

/// A client of one node: signs and submits extrinsics with development keys, reads storage and
/// view functions.
struct Client<'a> {
	node: &'a Node,
	genesis: H256,
}

impl<'a> Client<'a> {
	fn new(node: &'a Node) -> Self {
		Self { node, genesis: genesis_hash(node) }
	}

	/// The next nonce of `who`, counting its transactions in the pool.
	fn nonce(&self, who: &AccountId) -> u32 {
		self.node
			.rpc("system_accountNextIndex", json!([who.to_ss58check()]))
			.and_then(|v| v.as_u64())
			.expect("the node answers nonces") as u32
	}

	/// The nonce of `who` in the best block's state: its transactions in blocks.
	fn nonce_on_chain(&self, who: &AccountId) -> u32 {
		let key = frame_system::Account::<Runtime>::hashed_key_for(who);
		self.storage::<frame_system::AccountInfo<u32, pallet_balances::AccountData<u128>>>(
			key, None,
		)
		.map(|info| info.nonce)
		.unwrap_or(0)
	}

	/// Signs `call` by `signer` with `nonce` (immortal) and submits it.
	fn submit(&self, signer: Sr25519Keyring, nonce: u32, call: RuntimeCall) {
		let xt = signed_extrinsic(self.genesis, signer, nonce, call);
		let hash = self.node.rpc("author_submitExtrinsic", json!([to_hex(&xt)]));
		assert!(hash.is_some(), "{}: the pool refused a transaction of {signer:?}", self.node.name);
	}

	/// Submits `calls` by `signer` in order, and waits until all are in blocks.
	fn submit_all(&self, signer: Sr25519Keyring, calls: Vec<RuntimeCall>) {
		let who = signer.to_account_id();
		let first = self.nonce(&who);
		let count = calls.len() as u32;
		for (i, call) in calls.into_iter().enumerate() {
			self.submit(signer, first + i as u32, call);
		}
		self.node.wait_for("transactions in blocks", START, |_| {
			(self.nonce_on_chain(&who) >= first + count).then_some(())
		});
	}

	/// Whether storage item `key` holds a value at the best block.
	fn exists(&self, key: Vec<u8>) -> bool {
		self.node
			.rpc("state_getStorage", json!([to_hex(&key)]))
			.is_some_and(|v| v.is_string())
	}

	fn storage<T: Decode>(&self, key: Vec<u8>, at: Option<&str>) -> Option<T> {
		let value = self.node.rpc("state_getStorage", json!([to_hex(&key), at]))?;
		T::decode(&mut &from_hex(&value)?[..]).ok()
	}

	/// Calls view function `F` with its encoded `input` at the best block.
	fn view<F: ViewFunction, O: Decode>(&self, input: Vec<u8>) -> O {
		let arg = (F::id(), input).encode();
		let out = self
			.node
			.rpc("state_call", json!(["RuntimeViewFunction_execute_view_function", to_hex(&arg)]))
			.and_then(|v| from_hex(&v))
			.expect("the view function answers");
		let out: Result<Vec<u8>, frame_support::view_functions::ViewFunctionDispatchError> =
			Decode::decode(&mut &out[..]).expect("a view function result");
		O::decode(&mut &out.expect("the view function dispatches")[..]).expect("its return type")
	}

	fn best(&self) -> u64 {
		self.node.best_number().expect("the node answers")
	}

	fn validators(&self) -> Vec<AccountId> {
		self.storage(pallet_session::Validators::<Runtime>::hashed_key().to_vec(), None)
			.unwrap_or_default()
	}

	fn session(&self) -> u32 {
		self.storage(pallet_session::CurrentIndex::<Runtime>::hashed_key().to_vec(), None)
			.unwrap_or_default()
	}

	/// Blocks `who` authored in the current session.
	fn authored(&self, who: &AccountId) -> u32 {
		let key =
			pallet_rampart_validators::AuthoredBlocks::<Runtime>::hashed_key_for(self.session());
		let points: Vec<(AccountId, u32)> = self.storage(key, None).unwrap_or_default();
		points.into_iter().find(|(a, _)| a == who).map(|(_, p)| p).unwrap_or(0)
	}

	/// The runtime events of block `n`.
	fn events(&self, n: u64) -> Vec<RuntimeEvent> {
		let Some(hash) = self.node.block_hash(n) else { return vec![] };
		// `System::Events` (private in frame-system): twox128("System") ++ twox128("Events").
		let key =
			[sp_io::hashing::twox_128(b"System"), sp_io::hashing::twox_128(b"Events")].concat();
		let Some(raw) = self
			.node
			.rpc("state_getStorage", json!([to_hex(&key), hash]))
			.and_then(|v| from_hex(&v))
		else {
			return vec![];
		};
		let records: Vec<frame_system::EventRecord<RuntimeEvent, H256>> =
			Decode::decode(&mut &raw[..])
				.unwrap_or_else(|e| panic!("the events of block #{n} decode: {e:?}"));
		records.into_iter().map(|r| r.event).collect()
	}

	/// The events of blocks `from..=to` that are not routine (for failure messages).
	fn notable_events(&self, from: u64, to: u64) -> String {
		let mut out = String::new();
		for n in from..=to {
			for event in self.events(n) {
				let text = format!("{event:?}");
				if !text.contains("ExtrinsicSuccess")
					&& !text.contains("TransactionFeePaid")
					&& !text.contains("Withdraw")
					&& !text.contains("Deposit {")
				{
					out.push_str(&format!("#{n}: {text}\n"));
				}
			}
		}
		out
	}

	fn slashable(&self, vault: u32, who: &AccountId) -> u128 {
		self.view::<pallet_rampart_vaults::SlashableBalanceViewFunction<Runtime>, u128>(
			(vault, who.clone()).encode(),
		)
	}

	fn stake_at(&self, vault: u32, operator: &AccountId, at: u32) -> u128 {
		let subnetwork = Subnetwork::main(chain_network());
		let out: Result<u128, sp_runtime::DispatchError> =
			self.view::<pallet_rampart_delegation::OperatorStakeAtViewFunction<Runtime>, _>(
				(vault, subnetwork, operator.clone(), at).encode(),
			);
		out.expect("the stake at a recent block")
	}
}

/// Reports an equivocation of Bob's key in the current GRANDPA set as a watcher would: two
/// prevotes signed with Bob's key in one round, and a key-ownership proof from the node's runtime
/// API, in a signed `grandpa.reportEquivocation` (Ferdie pays nothing for a valid report). The
/// fallback when the nodes' own report did not arrive in time: the same checks and the same path
/// from `pallet-offences` on.
fn report_as_a_watcher(chain: &Client) {
	use sp_keyring::Ed25519Keyring;
	let call = |method: &str, args: Vec<u8>| -> Vec<u8> {
		chain
			.node
			.rpc("state_call", json!([method, to_hex(&args)]))
			.and_then(|v| from_hex(&v))
			.unwrap_or_else(|| panic!("{method} answers"))
	};
	let set_id =
		u64::decode(&mut &call("GrandpaApi_current_set_id", vec![])[..]).expect("a set id");
	let bob: sp_consensus_grandpa::AuthorityId = Ed25519Keyring::Bob.public().into();
	let opaque: Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> = Decode::decode(
		&mut &call("GrandpaApi_generate_key_ownership_proof", (set_id, bob.clone()).encode())[..],
	)
	.expect("an optional proof");
	let key_owner_proof: sp_session::MembershipProof =
		opaque.and_then(|p| p.decode()).expect("Bob is in the current set");
	let best = chain.best();
	let hash = |n: u64| {
		H256::from_slice(
			&from_hex(&json!(chain.node.block_hash(n).expect("a block"))).expect("hex"),
		)
	};
	let round = 1;
	let vote = |target_hash: H256, target_number: u32| {
		let prevote = finality_grandpa::Prevote { target_hash, target_number };
		let message = finality_grandpa::Message::Prevote(prevote.clone());
		let payload = sp_consensus_grandpa::localized_payload(round, set_id, &message);
		(prevote, Ed25519Keyring::Bob.sign(&payload).into())
	};
	let proof = sp_consensus_grandpa::EquivocationProof::new(
		set_id,
		sp_consensus_grandpa::Equivocation::Prevote(finality_grandpa::Equivocation {
			round_number: round,
			identity: bob,
			first: vote(hash(best), best as u32),
			second: vote(hash(best - 1), best as u32 - 1),
		}),
	);
	chain.submit_all(
		Sr25519Keyring::Ferdie,
		vec![RuntimeCall::Grandpa(pallet_grandpa::Call::report_equivocation {
			equivocation_proof: Box::new(proof),
			key_owner_proof,
		})],
	);
}

/// Sends `sig` (`-STOP`, `-CONT`) to `node`'s process.
fn signal(node: &Node, sig: &str) {
	let pid = node.pid().expect("the node runs").to_string();
	let status = std::process::Command::new("kill").args([sig, &pid]).status();
	assert!(status.map(|s| s.success()).unwrap_or(false), "kill {sig} {pid}");
}

fn sudo_as_network(call: RuntimeCall) -> RuntimeCall {
	RuntimeCall::Sudo(pallet_sudo::Call::sudo {
		call: Box::new(RuntimeCall::Validators(pallet_rampart_validators::Call::as_network {
			call: Box::new(call),
		})),
	})
}

struct Peer {
	node: Node,
	addr: String,
}

fn start(dir: &std::path::Path, name: &str, extra: &[&str], bootnodes: &[&str]) -> Peer {
	let (key_file, peer_id) = node_key(dir, name);
	let (p2p, rpc) = (free_port(), free_port());
	let mut args: Vec<String> = vec![
		"--chain".into(),
		"local".into(),
		"--validator".into(),
		"--base-path".into(),
		dir.join(name).to_string_lossy().into(),
		"--node-key-file".into(),
		key_file,
		"--name".into(),
		name.into(),
	];
	args.extend(extra.iter().map(|s| s.to_string()));
	args.extend(loopback_flags(p2p, rpc));
	for b in bootnodes {
		args.push("--bootnodes".into());
		args.push(b.to_string());
	}
	let node = Node::start(name, dir, rpc, p2p, &args);
	node.wait_for("the RPC server", START, |n| n.best_number());
	Peer { node, addr: format!("/ip4/127.0.0.1/tcp/{p2p}/p2p/{peer_id}") }
}

#[test]
fn restaked_operators_validate_leave_and_are_slashed_for_equivocating() {
	let tmp = TempDir::new("restaked");
	let dir = tmp.path();
	let t0 = Instant::now();

	// 1. The genesis validators.
	let alice = start(dir, "alice", &["--alice", "-lgrandpa=debug"], &[]);
	let bob = start(dir, "bob", &["--bob", "-lgrandpa=debug"], &[&alice.addr]);
	let charlie = start(dir, "charlie", &[], &[&alice.addr, &bob.addr]);
	let chain = Client::new(&alice.node);
	alice
		.node
		.wait_for("a finalized block", START, |n| n.finalized_number().filter(|f| *f >= 1));
	assert_eq!(chain.validators().len(), 2);

	// 2. Charlie's way in.
	let charlie_id = Sr25519Keyring::Charlie.to_account_id();
	let subnetwork = Subnetwork::main(chain_network());
	let new_vault: u32 = chain
		.storage(pallet_rampart_vaults::NextVaultId::<Runtime>::hashed_key().to_vec(), None)
		.expect("the next vault id");
	let allocation = 60_000 * UNIT;
	let ferdie = Sr25519Keyring::Ferdie.to_account_id();
	chain.submit_all(
		Sr25519Keyring::Ferdie,
		vec![RuntimeCall::Vaults(pallet_rampart_vaults::Call::create_vault {
			config: pallet_rampart_vaults::VaultConfig {
				collateral: AssetKind::Native,
				epoch_duration: 100,
				delegator: DelegatorKind::NetworkRestake,
				slasher: SlasherKind::Instant,
				burner: pallet_rampart_vaults::Burner::Burn,
				deposit_whitelist: false,
				is_deposit_limit: false,
				deposit_limit: 0,
				roles: frame_support::BoundedVec::truncate_from(vec![
					(Role::Admin, ferdie.clone()),
					(Role::NetworkLimitSetter, ferdie.clone()),
					(Role::OperatorNetworkSharesSetter, ferdie.clone()),
				]),
			},
		})],
	);
	chain.submit_all(
		Sr25519Keyring::Alice,
		vec![
			sudo_as_network(RuntimeCall::Delegation(
				pallet_rampart_delegation::Call::set_max_network_limit {
					vault: new_vault,
					id: 0,
					amount: allocation,
				},
			)),
			sudo_as_network(RuntimeCall::Middleware(
				pallet_rampart_middleware::Call::accept_vault {
					subnetwork: subnetwork.clone(),
					vault: new_vault,
				},
			)),
		],
	);
	chain.submit_all(
		Sr25519Keyring::Dave,
		vec![RuntimeCall::Vaults(pallet_rampart_vaults::Call::deposit {
			vault: new_vault,
			on_behalf_of: Sr25519Keyring::Dave.to_account_id(),
			amount: allocation,
		})],
	);
	let generated = charlie
		.node
		.rpc("author_rotateKeysWithOwner", json!([to_hex(&charlie_id.encode())]))
		.expect("Charlie's node generates keys");
	let keys = rampart_runtime::SessionKeys::decode(
		&mut &from_hex(&generated["keys"]).expect("hex keys")[..],
	)
	.expect("session keys");
	let proof = from_hex(&generated["proof"]).expect("a proof of possession");
	chain.submit_all(
		Sr25519Keyring::Charlie,
		vec![
			RuntimeCall::Registry(pallet_rampart_registry::Call::register_operator {}),
			RuntimeCall::Registry(pallet_rampart_registry::Call::opt_in {
				target: OptInTarget::Network(chain_network()),
			}),
			RuntimeCall::Registry(pallet_rampart_registry::Call::opt_in {
				target: OptInTarget::Vault(new_vault),
			}),
			RuntimeCall::Middleware(pallet_rampart_middleware::Call::join {
				subnetwork: subnetwork.clone(),
			}),
			RuntimeCall::Session(pallet_session::Call::set_keys { keys, proof }),
		],
	);
	chain.submit_all(
		Sr25519Keyring::Ferdie,
		vec![
			RuntimeCall::Delegation(pallet_rampart_delegation::Call::set_network_limit {
				vault: new_vault,
				subnetwork: subnetwork.clone(),
				amount: allocation,
			}),
			RuntimeCall::Delegation(pallet_rampart_delegation::Call::set_operator_network_shares {
				vault: new_vault,
				subnetwork: subnetwork.clone(),
				operator: charlie_id.clone(),
				shares: 1,
			}),
		],
	);
	let joined_at = chain.best();
	let accepted: Vec<u32> = chain
		.storage(
			pallet_rampart_middleware::AcceptedVaults::<Runtime>::hashed_key_for(&subnetwork),
			None,
		)
		.unwrap_or_default();
	assert!(
		accepted.contains(&new_vault),
		"governance accepted the new vault: {accepted:?}\n{}",
		chain.notable_events(1, joined_at)
	);
	let stake: Result<u128, sp_runtime::DispatchError> =
		chain.view::<pallet_rampart_delegation::OperatorStakeViewFunction<Runtime>, _>(
			(new_vault, subnetwork.clone(), charlie_id.clone()).encode(),
		);
	assert_eq!(stake, Ok(allocation), "Charlie's allocation from the new vault");

	let t_join = Instant::now();
	let entered_at = alice.node.wait_for("Charlie in the validator set", ROTATIONS, |_| {
		chain.validators().contains(&charlie_id).then(|| chain.best())
	});
	let authored_at = alice.node.wait_for("a block authored by Charlie's node", ROTATIONS, |_| {
		(chain.authored(&charlie_id) > 0).then(|| chain.best())
	});
	let t_authored = t_join.elapsed();
	// A set of three finalizes only with all three votes: Charlie's count.
	let final_target = authored_at + 3;
	alice.node.wait_for("finality with Charlie voting", ROTATIONS, |n| {
		n.finalized_number().filter(|f| *f >= final_target)
	});

	// 3. Charlie's allocation goes to zero: he leaves at a following rotation.
	chain.submit_all(
		Sr25519Keyring::Ferdie,
		vec![RuntimeCall::Delegation(
			pallet_rampart_delegation::Call::set_operator_network_shares {
				vault: new_vault,
				subnetwork: subnetwork.clone(),
				operator: charlie_id.clone(),
				shares: 0,
			},
		)],
	);
	let zeroed_at = chain.best();
	let t_zero = Instant::now();

	let left_at = alice.node.wait_for("Charlie out of the validator set", ROTATIONS, |_| {
		(!chain.validators().contains(&charlie_id)).then(|| chain.best())
	});
	let t_left = t_zero.elapsed();
	let final_target = left_at + 3;
	alice.node.wait_for("finality after Charlie left", ROTATIONS, |n| {
		n.finalized_number().filter(|f| *f >= final_target)
	});

	// 4. Bob's key on a second node. Bob's first node freezes (SIGSTOP) in the middle of a
	// GRANDPA round, after prevoting: finality waits for Bob. The chain grows on Alice's slots;
	// then the second node, with Bob's key and an empty database, syncs, joins the round and
	// prevotes for the longer chain: two different prevotes of Bob's key in one round. Alice sees
	// both and reports them. Everything happens inside one session, so that the key-ownership
	// proof (of the current session) matches the equivocation's GRANDPA set.
	let bob_id = Sr25519Keyring::Bob.to_account_id();
	let eve = Sr25519Keyring::Eve.to_account_id();
	let (eve_before, bob_usd_before) =
		(chain.slashable(CHAIN_NATIVE_VAULT, &eve), chain.slashable(CHAIN_USD_VAULT, &bob_id));
	let session = chain.session();
	let session_start = u64::from(session) * SESSION_PERIOD;
	// A few rounds into the set, so that a node joining late catches up to the current round.
	alice.node.wait_for("the session's GRANDPA set in force", ROTATIONS, |n| {
		n.finalized_number().filter(|f| *f > session_start + 2)
	});
	assert_eq!(chain.session(), session, "still in session {session}");
	// Freeze right after Bob's node casts a prevote (its debug log says so), before it can
	// precommit: the round then waits for Bob with his prevote in it.
	let prevotes = |n: &Node| n.log_text().matches("Casting prevote for round").count();
	let before = prevotes(&bob.node);
	let deadline = Instant::now() + START;
	while prevotes(&bob.node) == before && Instant::now() < deadline {
		std::thread::sleep(Duration::from_millis(20));
	}
	signal(&bob.node, "-STOP");
	let frozen_at = chain.best();
	let t_twin = Instant::now();
	alice.node.wait_for("two blocks on Alice's slots", START, |_| {
		(chain.best() >= frozen_at + 2).then_some(())
	});
	// The second node first syncs from Charlie alone. Once its GRANDPA voter runs, it meets Alice:
	// a new connection is what makes Alice send it her round (a voter stuck in a round sends no
	// other neighbour packet for five minutes), so that it catches up to the stalled round.
	let reserved = format!("--reserved-nodes={}", charlie.addr);
	let twin =
		start(dir, "bob-twin", &["--bob", "-lgrandpa=debug", "--reserved-only", &reserved], &[]);
	twin.node.wait_for("the second node synced", START, |n| {
		n.best_number().filter(|b| *b >= frozen_at + 2)
	});
	std::thread::sleep(Duration::from_secs(3));
	let added = twin.node.rpc("system_addReservedPeer", json!([alice.addr]));
	assert!(added.is_some(), "the second node takes Alice as a peer");
	let twin_from = frozen_at;

	// Alice's report of the double vote, or (if none came within the bound) the same
	// equivocation's report made by a watcher: see `report_as_a_watcher`.
	let next_slash = pallet_rampart_validators::NextSlashId::<Runtime>::hashed_key().to_vec();
	let deadline = Instant::now() + Duration::from_secs(90);
	let mut reported_by_alice = true;
	while chain.storage::<u64>(next_slash.clone(), None).unwrap_or(0) == 0 {
		if Instant::now() > deadline {
			reported_by_alice = false;
			report_as_a_watcher(&chain);
			break;
		}
		std::thread::sleep(Duration::from_millis(500));
	}

	// The slash.
	let slashed_at = alice.node.wait_for("Bob's equivocation slashed", ROTATIONS, |_| {
		let scheduled: u64 = chain.storage(next_slash.clone(), None).unwrap_or(0);
		let pending = pallet_rampart_validators::PendingSlashes::<Runtime>::hashed_key_for(0u64);
		(scheduled > 0 && !chain.exists(pending)).then(|| chain.best())
	});
	let t_slash = t_twin.elapsed();
	// Bob's first node thaws: the same key runs on two nodes from now on.
	signal(&bob.node, "-CONT");
	let (mut fraction, mut scheduled) = (None, None);
	for n in twin_from..=slashed_at {
		for event in chain.events(n) {
			match event {
				RuntimeEvent::Validators(pallet_rampart_validators::Event::OffenceReported {
					offender,
					fraction: f,
					..
				}) if offender == bob_id => fraction = Some((n, f)),
				RuntimeEvent::Validators(pallet_rampart_validators::Event::SlashScheduled {
					offender,
					capture,
					power,
					..
				}) if offender == bob_id => scheduled = Some((capture, power)),
				_ => {},
			}
		}
	}
	let (reported_at, fraction) = fraction.expect("an offence of Bob's was reported");
	let (capture, power) = scheduled.expect("a slash of Bob's was scheduled");

	// What the middleware's split says, from Bob's stake at the capture.
	let native = chain.stake_at(CHAIN_NATIVE_VAULT, &bob_id, capture);
	let usd = chain.stake_at(CHAIN_USD_VAULT, &bob_id, capture);
	let (native_power, usd_power) = (native / 1_000_000, usd);
	let total = native_power + usd_power;
	let taken = fraction * GRANDPA_SLASH;
	assert_eq!(power, taken.mul_floor(total), "the slashed power");
	let usd_part = (power * usd_power) / total;
	let native_part = (power * native_power) / total;
	let eve_after = chain.slashable(CHAIN_NATIVE_VAULT, &eve);
	let bob_usd_after = chain.slashable(CHAIN_USD_VAULT, &bob_id);
	assert_eq!(
		bob_usd_before - bob_usd_after,
		usd_part,
		"the rUSD vault's loss; events:\n{}",
		chain.notable_events(twin_from, chain.best())
	);
	assert_eq!(eve_before - eve_after, native_part * 1_000_000, "the native vault's loss");
	assert!(taken > Perbill::zero());
	assert!(
		alice.node.wait_for("Bob benched", START, |_| {
			let key = pallet_rampart_validators::Benched::<Runtime>::hashed_key_for(&bob_id);
			chain.storage::<H256>(key, None).map(|_| true)
		}),
		"Bob is benched"
	);
	let finalized = alice.node.finalized_number().unwrap_or(0);
	let final_target = chain.best() + 2;
	alice.node.wait_for("finality after the slash", ROTATIONS, |n| {
		n.finalized_number().filter(|f| *f >= final_target)
	});
	drop(twin);

	println!("--- rampart restaked-validators e2e ---");
	println!("Charlie's transactions in blocks by #{joined_at}");
	println!(
		"Charlie in the set at #{entered_at}, first block authored by #{authored_at} \
		 ({} blocks, {:.1?} after joining)",
		authored_at - joined_at,
		t_authored
	);
	println!(
		"allocation zeroed at #{zeroed_at}, out of the set at #{left_at} ({} blocks, {:.1?})",
		left_at - zeroed_at,
		t_left
	);
	println!(
		"Bob's node frozen at #{frozen_at}, his second node started at #{}; offence reported at \
		 #{reported_at} with {fraction:?}, slashed by #{slashed_at} ({:.1?} after the freeze)",
		frozen_at + 2,
		t_slash
	);
	println!(
		"slash: {power} power of {total} at capture #{capture}: {native_part} power from the \
		 native vault (Eve's slashable {eve_before} -> {eve_after} base units), {usd_part} from \
		 the rUSD vault (Bob's {bob_usd_before} -> {bob_usd_after} base units)"
	);
	println!(
		"the report came from {}",
		if reported_by_alice {
			"Alice's node (it saw Bob's double vote)"
		} else {
			"a watcher (fallback: no node report within 90 s)"
		}
	);
	println!("finalized #{finalized} at the slash; whole test {:.1?}", t0.elapsed());
}
