// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

use super::*;
use rampart_primitives::testing::NetworkReward;

/// Operators A (200 native + 200 USD = 400), B (100 native) and C (30 USD) as in the power tests,
/// stakers in both vaults, A's commission 10 % from block 3, the network delegated; at block 5.
fn world() -> (VaultId, VaultId) {
	let native = add_vault(NATIVE);
	let usd = add_vault(USD);
	accept_priced(native, NATIVE, 2);
	assert_ok!(Middleware::set_valuation(
		origin(NETWORK),
		subnetwork(),
		USD,
		network_priced(Perbill::from_percent(50))
	));
	assert_ok!(Middleware::set_price(origin(NETWORK), subnetwork(), USD, price(1)));
	assert_ok!(Middleware::accept_vault(origin(NETWORK), subnetwork(), usd));
	set_stake(native, OP_A, 100);
	set_stake(usd, OP_A, 400);
	set_stake(native, OP_B, 50);
	set_stake(usd, OP_C, 60);
	for v in [native, usd] {
		World::move_shares(v, STRANGER, 1_000);
	}
	for op in [OP_A, OP_B, OP_C] {
		join(op);
	}
	assert_ok!(Middleware::set_commission(origin(OP_A), subnetwork(), Perbill::from_percent(10)));
	delegate();
	run_to_block(5);
	events();
	(native, usd)
}

fn distribute(amount: u128, snapshot: u64) -> sp_runtime::DispatchResult {
	Middleware::distribute_rewards(origin(NETWORK), subnetwork(), USD, amount, snapshot, 10_000)
}

fn paid() -> (Vec<(VaultId, u128)>, Vec<(AccountId, u128)>) {
	paid_at(4)
}

/// What was paid, all at `at`, all by the network.
fn paid_at(at: u64) -> (Vec<(VaultId, u128)>, Vec<(AccountId, u128)>) {
	let mut stakers = Vec::new();
	let mut operators = Vec::new();
	for reward in World::network_rewards() {
		match reward {
			NetworkReward::Stakers { payer, vault, amount, snapshot, .. } => {
				assert_eq!((payer, snapshot), (NETWORK, at));
				stakers.push((vault, amount));
			},
			NetworkReward::Operators { payer, payouts, .. } => {
				assert_eq!(payer, NETWORK);
				operators.extend(payouts);
			},
		}
	}
	(stakers, operators)
}

/// 1 060 for 530 power: A 800 (80 commission, 360 + 360), B 200, C 60.
#[test]
fn a_reward_is_split_by_capped_power_then_commission_then_vault() {
	build_and_execute(|| {
		let (native, usd) = world();
		assert_ok!(distribute(1_060, 4));
		assert_eq!(paid(), (vec![(native, 560), (usd, 420)], vec![(OP_A, 80)]));
		assert_eq!(
			events(),
			vec![Event::RewardsDistributed {
				subnetwork: subnetwork(),
				asset: USD,
				snapshot: 4,
				amount: 1_060,
				to_operators: 80,
				to_stakers: 980,
				dust: 0
			}]
		);
	});
}

/// 1 000 for 530: A ⌊754.7⌋ = 754 (75 commission, 679 → 339 + 339), B 188, C 56: 997 paid, 3 of
/// dust left with the payer.
#[test]
fn rounding_never_creates_value_and_the_dust_is_reported() {
	build_and_execute(|| {
		let (native, usd) = world();
		assert_ok!(distribute(1_000, 4));
		assert_eq!(paid(), (vec![(native, 527), (usd, 395)], vec![(OP_A, 75)]));
		assert_eq!(
			events().last(),
			Some(&Event::RewardsDistributed {
				subnetwork: subnetwork(),
				asset: USD,
				snapshot: 4,
				amount: 1_000,
				to_operators: 75,
				to_stakers: 922,
				dust: 3
			})
		);
	});
}

/// A 50 % cap cuts A to 130 of 260: A 500 (50 commission, 225 + 225), B ⌊384.6⌋ = 384, C 115.
#[test]
fn a_reward_follows_capped_power() {
	build_and_execute(|| {
		let (native, usd) = world();
		let policy =
			OperatorSetPolicy { max_operators: 3, min_power: 0, cap: Perbill::from_percent(50) };
		assert_ok!(Middleware::set_operator_set_policy(origin(NETWORK), subnetwork(), policy));
		run_to_block(6);
		assert_ok!(distribute(1_000, 5));
		assert_eq!(paid_at(5), (vec![(native, 609), (usd, 340)], vec![(OP_A, 50)]));
	});
}

/// A commission changed after the snapshot does not apply to it.
#[test]
fn a_commission_change_after_the_snapshot_leaves_the_reward_alone() {
	build_and_execute(|| {
		world();
		assert_ok!(Middleware::set_commission(origin(OP_A), subnetwork(), Perbill::one()));
		run_to_block(10);
		assert_ok!(distribute(1_060, 4));
		assert_eq!(paid().1, vec![(OP_A, 80)]);
	});
}

#[test]
fn a_reward_needs_a_delegated_network_a_past_snapshot_an_amount_and_power() {
	build_and_execute(|| {
		world();
		assert_noop!(
			Middleware::distribute_rewards(origin(OP_A), subnetwork(), USD, 1, 4, 0),
			Error::<Test>::NotNetwork
		);
		assert_noop!(distribute(0, 4), Error::<Test>::ZeroPower);
		assert_noop!(distribute(1, 5), Error::<Test>::InvalidCapture);
		// Nobody was a member at block 1.
		assert_noop!(distribute(1, 1), Error::<Test>::NoPower);
		World::register_network(NETWORK, NETWORK_MIDDLEWARE);
		assert_noop!(distribute(1, 4), Error::<Test>::NotDelegated);
	});
}

/// 1 000 by points 3 : 1 between A (400 power: 200 native, 200 USD; 10 % commission) and B (100
/// native): A 750 (75 to it, 337 + 337 to its vaults, 1 of dust), B 250 to the native vault.
/// C has points but no power: its part stays with the payer.
#[test]
fn a_reward_by_points_pays_each_operator_its_share_then_its_vaults() {
	build_and_execute(|| {
		let (native, usd) = world();
		let paid = Middleware::reward_by_points(
			NETWORK,
			subnetwork(),
			USD,
			1_000,
			4,
			&[(OP_A, 3), (OP_B, 1)],
			10_000,
		)
		.unwrap();
		assert_eq!(paid, 999);
		assert_eq!(paid_at(4), (vec![(native, 587), (usd, 337)], vec![(OP_A, 75)]));
		// Points for an operator without power: its share is not paid.
		let no_power = Middleware::reward_by_points(
			NETWORK,
			subnetwork(),
			USD,
			1_000,
			4,
			&[(OP_A, 3), (OP_E, 1)],
			10_000,
		)
		.unwrap();
		assert_eq!(no_power, 749);
		assert_eq!(
			Middleware::reward_by_points(NETWORK, subnetwork(), USD, 1_000, 4, &[(OP_E, 1)], 0),
			Err(Error::<Test>::NoPower.into())
		);
		assert_eq!(
			Middleware::reward_by_points(NETWORK, subnetwork(), USD, 1_000, 4, &[], 0),
			Err(Error::<Test>::ZeroPower.into())
		);
		assert_eq!(
			Middleware::reward_by_points(NETWORK, subnetwork(), USD, 1_000, 5, &[(OP_A, 1)], 0),
			Err(Error::<Test>::InvalidCapture.into())
		);
	});
}
