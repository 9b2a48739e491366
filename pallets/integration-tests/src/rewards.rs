// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Rewards end to end: staker rewards by the real vault share histories, operator rewards by
//! the real delegation stakes, and both across a slash.

use crate::{mock::*, restaking::*};
use frame_support::{assert_ok, traits::fungibles::Inspect, BoundedVec};
use rampart_primitives::DelegatorKind;

const SECOND_STAKER: u8 = 11;

fn native(n: u8) -> u128 {
	<NativeAndAssets as Inspect<AccountId>>::balance(AssetKind::Native, &acc(n))
}

/// Two stakers of 1 000 USD each; network A pays 1 000 RAMP to the stakers at snapshot 2 and
/// 1 000 RAMP to its operators by their stake at snapshot 2 (1 : 3 of the vault's 2 000). A
/// slash after the snapshot lowers the share price, not the shares: the split stays 1 : 1.
#[test]
fn a_network_rewards_stakers_and_operators_from_real_histories_across_a_slash() {
	build_and_execute(|| {
		let v = world(DelegatorKind::NetworkRestake);
		assert_ok!(Vaults::deposit(signed(SECOND_STAKER), v, acc(SECOND_STAKER), 1_000));
		allocate(v, NETWORK_A, 10_000, 10_000);
		shares(v, NETWORK_A, OPERATOR_X, 1);
		shares(v, NETWORK_A, OPERATOR_Y, 3);
		run_to_block(3);
		assert_ok!(Slashing::slash(
			signed(MIDDLEWARE_A),
			v,
			main(NETWORK_A),
			acc(OPERATOR_Y),
			1_000,
			2
		));
		assert_eq!(Vaults::active_stake(v), 1_000);
		run_to_block(4);

		assert_ok!(Rewards::distribute_staker_rewards(
			signed(MIDDLEWARE_A),
			v,
			acc(NETWORK_A),
			AssetKind::Native,
			1_000,
			2,
			0
		));
		for staker in [STAKER, SECOND_STAKER] {
			let before = native(staker);
			assert_ok!(Rewards::claim_staker_rewards(
				signed(staker),
				v,
				acc(NETWORK_A),
				AssetKind::Native,
				acc(staker),
				8
			));
			assert_eq!(native(staker), before + 500);
		}

		assert_ok!(Rewards::distribute_operator_rewards_by_stake(
			signed(MIDDLEWARE_A),
			v,
			main(NETWORK_A),
			AssetKind::Native,
			1_000,
			2,
			BoundedVec::truncate_from(vec![acc(OPERATOR_X), acc(OPERATOR_Y)])
		));
		for (operator, expected) in [(OPERATOR_X, 250), (OPERATOR_Y, 750)] {
			let before = native(operator);
			assert_ok!(Rewards::claim_operator_rewards(
				signed(operator),
				acc(NETWORK_A),
				AssetKind::Native,
				acc(operator)
			));
			assert_eq!(native(operator), before + expected);
		}
		// Network B has no allocation in the vault: its operators' stake is zero.
		assert_eq!(
			Rewards::distribute_operator_rewards_by_stake(
				signed(MIDDLEWARE_B),
				v,
				main(NETWORK_B),
				AssetKind::Native,
				1_000,
				2,
				BoundedVec::truncate_from(vec![acc(OPERATOR_X)])
			),
			Err(pallet_rampart_rewards::Error::<Runtime>::NoOperatorStake.into())
		);
	});
}
