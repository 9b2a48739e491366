// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! CHECKLIST's invariant harness: a seeded stream of random operations over every restaking
//! pallet at once (deposits, withdrawals, redemptions, claims, share transfers, limit changes,
//! instant and veto slashes, vetoes, staker and operator rewards, expiries, blocks passing), from
//! random accounts, with every pallet's `try_state` after every step. Calls may fail (most random
//! calls are invalid); a failure must change nothing and the invariants must hold either way.

use crate::{mock::*, restaking::*};
use frame_support::{storage::with_storage_layer, BoundedVec};
use rampart_primitives::{DelegatorKind, SlasherKind, VaultId};
use sp_runtime::DispatchResult;

const RESOLVER: u8 = 14;
const STAKERS: [u8; 3] = [STAKER, 11, 12];
const NETWORKS: [(u8, u8); 2] = [(NETWORK_A, MIDDLEWARE_A), (NETWORK_B, MIDDLEWARE_B)];
const OPERATORS: [u8; 2] = [OPERATOR_X, OPERATOR_Y];
const STEPS: u32 = 1_500;

/// xorshift64: small, seeded, reproducible.
struct Rng(u64);
impl Rng {
	fn next(&mut self) -> u64 {
		self.0 ^= self.0 << 13;
		self.0 ^= self.0 >> 7;
		self.0 ^= self.0 << 17;
		self.0
	}
	fn below(&mut self, n: u64) -> u64 {
		self.next() % n
	}
	fn pick<T: Copy>(&mut self, items: &[T]) -> T {
		items[self.below(items.len() as u64) as usize]
	}
}

/// Runs one random operation; returns its name and result.
fn step(rng: &mut Rng, vaults: &[VaultId]) -> (&'static str, DispatchResult) {
	let now = System::block_number();
	let vault = rng.pick(vaults);
	let staker = rng.pick(&STAKERS);
	let (network, middleware) = rng.pick(&NETWORKS);
	let operator = rng.pick(&OPERATORS);
	let back = |rng: &mut Rng, span: u64| now.saturating_sub(1 + rng.below(span));
	match rng.below(17) {
		0 => (
			"deposit",
			Vaults::deposit(signed(staker), vault, acc(staker), 1 + rng.below(500) as u128),
		),
		1 => (
			"withdraw",
			Vaults::withdraw(signed(staker), vault, acc(staker), 1 + rng.below(300) as u128),
		),
		2 => (
			"redeem",
			Vaults::redeem(signed(staker), vault, acc(staker), 1 + rng.below(300) as u128),
		),
		3 => {
			let epoch = (now / EPOCH).saturating_sub(rng.below(4));
			("claim", Vaults::claim(signed(staker), vault, acc(staker), epoch))
		},
		4 => {
			let to = rng.pick(&STAKERS);
			(
				"transfer_shares",
				Vaults::transfer_shares(signed(staker), vault, acc(to), 1 + rng.below(200) as u128),
			)
		},
		5 => (
			"set_network_limit",
			Delegation::set_network_limit(
				signed(CURATOR),
				vault,
				main(network),
				rng.below(3_000) as u128,
			),
		),
		6 => (
			"set_operator_network_shares",
			Delegation::set_operator_network_shares(
				signed(CURATOR),
				vault,
				main(network),
				acc(operator),
				rng.below(4) as u128,
			),
		),
		7 => (
			"set_operator_network_limit",
			Delegation::set_operator_network_limit(
				signed(CURATOR),
				vault,
				main(network),
				acc(operator),
				rng.below(2_000) as u128,
			),
		),
		8 => {
			let capture = back(rng, EPOCH);
			(
				"slash",
				Slashing::slash(
					signed(middleware),
					vault,
					main(network),
					acc(operator),
					1 + rng.below(400) as u128,
					capture,
				)
				.map(|_| ())
				.map_err(|e| e.error),
			)
		},
		9 => {
			let capture = back(rng, EPOCH);
			(
				"request_slash",
				Slashing::request_slash(
					signed(middleware),
					vault,
					main(network),
					acc(operator),
					1 + rng.below(400) as u128,
					capture,
				)
				.map(|_| ())
				.map_err(|e| e.error),
			)
		},
		10 => {
			let next = pallet_rampart_slashing::NextRequestId::<Runtime>::get();
			let id = rng.below(next + 1);
			(
				"execute_slash",
				Slashing::execute_slash(signed(middleware), id).map(|_| ()).map_err(|e| e.error),
			)
		},
		11 => {
			let next = pallet_rampart_slashing::NextRequestId::<Runtime>::get();
			("veto_slash", Slashing::veto_slash(signed(RESOLVER), rng.below(next + 1)))
		},
		12 => {
			let snapshot = back(rng, 6);
			let asset = if rng.below(2) == 0 { AssetKind::Native } else { AssetKind::WithId(USD) };
			(
				"distribute_staker_rewards",
				Rewards::distribute_staker_rewards(
					signed(middleware),
					vault,
					acc(network),
					asset,
					1 + rng.below(1_000) as u128,
					snapshot,
					10_000,
				),
			)
		},
		13 => {
			let asset = if rng.below(2) == 0 { AssetKind::Native } else { AssetKind::WithId(USD) };
			(
				"claim_staker_rewards",
				Rewards::claim_staker_rewards(
					signed(staker),
					vault,
					acc(network),
					asset,
					acc(staker),
					1 + rng.below(8) as u32,
				),
			)
		},
		14 => {
			let snapshot = back(rng, 6);
			let operators = BoundedVec::truncate_from(vec![acc(OPERATOR_X), acc(OPERATOR_Y)]);
			(
				"distribute_operator_rewards_by_stake",
				Rewards::distribute_operator_rewards_by_stake(
					signed(middleware),
					vault,
					main(network),
					AssetKind::Native,
					1 + rng.below(1_000) as u128,
					snapshot,
					operators,
				),
			)
		},
		15 => {
			if rng.below(2) == 0 {
				(
					"claim_operator_rewards",
					Rewards::claim_operator_rewards(
						signed(operator),
						acc(network),
						AssetKind::Native,
						acc(operator),
					),
				)
			} else {
				(
					"expire_distribution",
					Rewards::expire_distribution(
						signed(staker),
						vault,
						acc(network),
						AssetKind::Native,
					),
				)
			}
		},
		_ => {
			run_to_block(now + 1 + rng.below(3));
			("next block", Ok(()))
		},
	}
}

#[test]
fn random_operations_keep_every_invariant() {
	for seed in [0x5eed_u64, 0xdead_beef, 0x1234_5678_9abc] {
		build_and_execute(|| {
			let instant = world_with(DelegatorKind::NetworkRestake, SlasherKind::Instant);
			let veto = world_with(
				DelegatorKind::FullRestake,
				SlasherKind::Veto { veto_duration: 2, resolver_set_epochs_delay: 3 },
			);
			for v in [instant, veto] {
				for (network, _) in NETWORKS {
					allocate(v, network, 1_500, 1_000);
				}
			}
			for (network, _) in NETWORKS {
				frame_support::assert_ok!(Slashing::set_resolver(
					signed(network),
					veto,
					0,
					Some(acc(RESOLVER))
				));
			}
			run_to_block(3);
			let mut rng = Rng(seed);
			let mut done = std::collections::BTreeMap::<&str, (u32, u32)>::new();
			for _ in 0..STEPS {
				// Each call runs in its own storage layer, as an extrinsic would.
				let mut name = "";
				let result = with_storage_layer(|| {
					let (op, result) = step(&mut rng, &[instant, veto]);
					name = op;
					result
				});
				let entry = done.entry(name).or_default();
				if result.is_ok() {
					entry.0 += 1;
				} else {
					entry.1 += 1;
				}
				check_invariants();
			}
			println!("seed {seed:#x}: (succeeded, failed) per operation: {done:?}");
			// The stream must reach the interesting paths, not only fail.
			for name in [
				"deposit",
				"withdraw",
				"claim",
				"slash",
				"request_slash",
				"execute_slash",
				"veto_slash",
				"distribute_staker_rewards",
				"claim_staker_rewards",
				"distribute_operator_rewards_by_stake",
				"expire_distribution",
			] {
				assert!(
					done.get(name).is_some_and(|(ok, _)| *ok > 0),
					"seed {seed:#x}: no successful {name}: {done:?}"
				);
			}
		});
	}
}
