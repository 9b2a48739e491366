// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Rewards end to end: staker rewards by the real vault share histories (sniping, share
//! transfers and pending withdrawals), operator rewards by the real delegation stakes, and both
//! across a slash. The rewards pallet's own tests run on the shared doubles.

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

/// The real vault's share histories behind staker rewards: a vault where [`STAKER`] and
/// [`SECOND_STAKER`] hold 1 000 USD each from block 1, with the chain at block 3.
fn two_stakers() -> rampart_primitives::VaultId {
	let v = world(DelegatorKind::NetworkRestake);
	assert_ok!(Vaults::deposit(signed(SECOND_STAKER), v, acc(SECOND_STAKER), 1_000));
	run_to_block(3);
	v
}

/// Network A pays `amount` RAMP to the stakers of `v` at `snapshot`.
fn distribute(v: rampart_primitives::VaultId, amount: u128, snapshot: u64) {
	assert_ok!(Rewards::distribute_staker_rewards(
		signed(MIDDLEWARE_A),
		v,
		acc(NETWORK_A),
		AssetKind::Native,
		amount,
		snapshot,
		0
	));
}

/// What `staker` is paid when it claims its staker rewards of `v`.
fn claim(v: rampart_primitives::VaultId, staker: u8) -> Result<u128, sp_runtime::DispatchError> {
	let before = native(staker);
	Rewards::claim_staker_rewards(
		signed(staker),
		v,
		acc(NETWORK_A),
		AssetKind::Native,
		acc(staker),
		8,
	)?;
	Ok(native(staker) - before)
}

/// Statemind I-12: a deposit just before a distribution whose snapshot is earlier earns
/// nothing of it; the sniper's cursor moves past it all the same.
#[test]
fn reward_sniping_earns_nothing() {
	build_and_execute(|| {
		let v = two_stakers();
		const SNIPER: u8 = 12;
		assert_ok!(Vaults::deposit(signed(SNIPER), v, acc(SNIPER), 500_000));
		run_to_block(4);
		distribute(v, 1_000, 2);
		assert_eq!(claim(v, SNIPER), Ok(0));
		assert_eq!(claim(v, STAKER), Ok(500));
		assert_eq!(claim(v, SECOND_STAKER), Ok(500));
		let key = (v, acc(NETWORK_A), AssetKind::Native);
		assert_eq!(pallet_rampart_rewards::Cursors::<Runtime>::get(key, acc(SNIPER)), 1);
	});
}

/// Shares moved after the snapshot do not move the entitlement to it; a distribution after
/// the transfer follows the shares.
#[test]
fn shares_transferred_after_the_snapshot_keep_their_reward_with_the_sender() {
	build_and_execute(|| {
		let v = two_stakers();
		const RECEIVER: u8 = 12;
		let all = Vaults::shares_of(v, &acc(STAKER));
		assert_ok!(Vaults::transfer_shares(signed(STAKER), v, acc(RECEIVER), all));
		distribute(v, 1_000, 2);
		assert_eq!(claim(v, RECEIVER), Ok(0));
		assert_eq!(claim(v, STAKER), Ok(500));
		run_to_block(5);
		distribute(v, 1_000, 4);
		assert_eq!(claim(v, RECEIVER), Ok(500));
		assert_eq!(claim(v, STAKER), Ok(0));
	});
}

/// Pending withdrawals earn nothing (as the reference): only active shares count, and a
/// staker with no active shares then or now has nothing to claim.
#[test]
fn pending_withdrawals_earn_nothing() {
	build_and_execute(|| {
		let v = two_stakers();
		assert_ok!(Vaults::withdraw(signed(SECOND_STAKER), v, acc(SECOND_STAKER), 1_000));
		run_to_block(4);
		distribute(v, 1_000, 3);
		assert_eq!(claim(v, STAKER), Ok(1_000));
		assert_eq!(
			claim(v, SECOND_STAKER),
			Err(pallet_rampart_rewards::Error::<Runtime>::NoRewardsToClaim.into())
		);
	});
}
