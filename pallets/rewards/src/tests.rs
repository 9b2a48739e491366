// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Unit tests over the real vaults pallet: pro-rata staker rewards at a snapshot, sniping and
//! share transfers, fees, bounded claims, expiry, operator rewards by list and by stake. Every
//! test ends with both pallets' `do_try_state`.

use crate::{
	mock::*, AdminFee, CuratorFees, Cursors, Distribution, Distributions, Error, Event,
	OperatorRewards, Owed, Streams, MAX_FEE,
};
use frame_support::{
	assert_noop, assert_ok,
	traits::{fungible::NativeOrWithId, fungibles::Inspect},
	BoundedVec,
};
use rampart_primitives::{Role, Subnetwork, VaultId};

const GOV_ASSET: AssetKind = NativeOrWithId::WithId(GOV);
const USD_ASSET: AssetKind = NativeOrWithId::WithId(USD);
const NATIVE: AssetKind = NativeOrWithId::Native;

fn origin(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn events() -> Vec<Event<Test>> {
	let events = System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Rewards(e) => Some(e),
			_ => None,
		})
		.collect();
	System::reset_events();
	events
}

fn balance(asset: AssetKind, who: AccountId) -> Balance {
	NativeAndAssets::balance(asset, &who)
}

/// A USD vault of Alice (admin, fee setter and claimer) with Bob's 600 and Charlie's 400 staked
/// at block 1; the chain is at block 3.
fn vault() -> VaultId {
	let v = usd_vault(ALICE, &[Role::Admin, Role::AdminFeeSetter, Role::AdminFeeClaimer]);
	assert_ok!(Vaults::deposit(origin(BOB), v, BOB, 600));
	assert_ok!(Vaults::deposit(origin(CHARLIE), v, CHARLIE, 400));
	run_to_block(3);
	events();
	v
}

fn distribute(v: VaultId, asset: AssetKind, amount: u128, snapshot: u64) {
	assert_ok!(Rewards::distribute_staker_rewards(
		origin(MIDDLEWARE),
		v,
		NETWORK,
		asset,
		amount,
		snapshot,
		MAX_FEE
	));
}

fn claim(v: VaultId, who: AccountId, asset: AssetKind, max: u32) -> u128 {
	let before = balance(asset.clone(), who);
	assert_ok!(Rewards::claim_staker_rewards(origin(who), v, NETWORK, asset.clone(), who, max));
	balance(asset, who) - before
}

mod staker_rewards {
	use super::*;

	/// 1 000 GOV with a 10 % fee: 100 to the curator, 900 split 600:400.
	#[test]
	fn a_distribution_is_shared_by_active_shares_at_the_snapshot() {
		build_and_execute(|| {
			let v = vault();
			assert_ok!(Rewards::set_admin_fee(origin(ALICE), v, 1_000));
			events();
			let pot = Rewards::account();
			let paid = balance(GOV_ASSET, MIDDLEWARE);
			distribute(v, GOV_ASSET, 1_000, 2);
			// The middleware paid the reward and, the first time, the pallet account's minimum
			// of GOV (the native minimum comes from genesis top-up too).
			assert_eq!(balance(GOV_ASSET, MIDDLEWARE), paid - 1_000 - GOV_MIN);
			assert_eq!(balance(GOV_ASSET, pot), 1_000 + GOV_MIN);
			assert_eq!(balance(NATIVE, pot), ED);
			assert_eq!(
				events(),
				vec![Event::StakerRewardsDistributed {
					vault: v,
					network: NETWORK,
					asset: GOV_ASSET,
					index: Some(0),
					amount: 900,
					fee: 100,
					snapshot: 2,
				}]
			);
			assert_eq!(
				Distributions::<Test>::get((v, NETWORK, GOV_ASSET), 0),
				Some(Distribution {
					snapshot: 2,
					amount: 900,
					total_shares: 1_000,
					claimed: 0,
					// The window runs from the distribution (block 3), not the snapshot.
					claimable_until: 3 + WINDOW
				})
			);
			assert_eq!(Rewards::claimable_staker_rewards(v, NETWORK, GOV_ASSET, BOB, 4), Ok(540));
			assert_eq!(claim(v, BOB, GOV_ASSET, 4), 540);
			assert_eq!(
				events(),
				vec![Event::StakerRewardsClaimed {
					vault: v,
					network: NETWORK,
					asset: GOV_ASSET,
					claimer: BOB,
					recipient: BOB,
					amount: 540,
					first: 0,
					count: 1,
				}]
			);
			assert_eq!(claim(v, CHARLIE, GOV_ASSET, 4), 360);
			assert_eq!(CuratorFees::<Test>::get(v, GOV_ASSET), 100);
			assert_eq!(Owed::<Test>::get(GOV_ASSET), 100);
			// Claimed once: nothing more.
			assert_noop!(
				Rewards::claim_staker_rewards(origin(BOB), v, NETWORK, GOV_ASSET, BOB, 4),
				Error::<Test>::NoRewardsToClaim
			);
		});
	}

	/// Statemind I-12: a deposit just before a distribution whose snapshot is earlier earns
	/// nothing of it.
	#[test]
	fn reward_sniping_earns_nothing() {
		build_and_execute(|| {
			let v = vault();
			assert_ok!(Vaults::deposit(origin(DAVE), v, DAVE, 1_000_000 - 1_000));
			run_to_block(4);
			distribute(v, GOV_ASSET, 1_000, 2);
			assert_eq!(claim(v, DAVE, GOV_ASSET, 4), 0);
			assert_eq!(claim(v, BOB, GOV_ASSET, 4), 600);
			assert_eq!(claim(v, CHARLIE, GOV_ASSET, 4), 400);
			// The sniper's cursor moved past it all the same.
			assert_eq!(Cursors::<Test>::get((v, NETWORK, GOV_ASSET), DAVE), 1);
		});
	}

	/// Shares moved after the snapshot do not move the entitlement to it.
	#[test]
	fn shares_transferred_after_the_snapshot_keep_their_reward_with_the_sender() {
		build_and_execute(|| {
			let v = vault();
			let all = Vaults::shares_of(v, &BOB);
			assert_ok!(Vaults::transfer_shares(origin(BOB), v, DAVE, all));
			distribute(v, GOV_ASSET, 1_000, 2);
			assert_eq!(claim(v, DAVE, GOV_ASSET, 4), 0);
			assert_eq!(claim(v, BOB, GOV_ASSET, 4), 600);
			// A distribution after the transfer follows the shares.
			run_to_block(5);
			distribute(v, GOV_ASSET, 1_000, 4);
			assert_eq!(claim(v, DAVE, GOV_ASSET, 4), 600);
			assert_eq!(claim(v, BOB, GOV_ASSET, 4), 0);
		});
	}

	/// Pending withdrawals earn nothing (as the reference): only active shares count.
	#[test]
	fn pending_withdrawals_earn_nothing() {
		build_and_execute(|| {
			let v = vault();
			assert_ok!(Vaults::withdraw(origin(CHARLIE), v, CHARLIE, 400));
			run_to_block(4);
			distribute(v, GOV_ASSET, 1_000, 3);
			assert_eq!(claim(v, BOB, GOV_ASSET, 4), 1_000);
			// Charlie holds no active shares and had none at the snapshot: nothing to claim,
			// and no cursor written for it.
			assert_noop!(
				Rewards::claim_staker_rewards(origin(CHARLIE), v, NETWORK, GOV_ASSET, CHARLIE, 4),
				Error::<Test>::NoRewardsToClaim
			);
		});
	}

	/// The collateral, the native token and another asset are all payable, each on its own.
	#[test]
	fn any_asset_can_be_distributed() {
		build_and_execute(|| {
			let v = vault();
			for asset in [USD_ASSET, NATIVE, GOV_ASSET] {
				distribute(v, asset.clone(), 500, 2);
			}
			assert_eq!(claim(v, BOB, NATIVE, 4), 300);
			assert_eq!(claim(v, BOB, USD_ASSET, 4), 300);
			assert_eq!(claim(v, CHARLIE, GOV_ASSET, 4), 200);
			assert_eq!(Owed::<Test>::get(NATIVE), 200);
		});
	}

	/// ⌊1·100/3⌋ = 33 each: 1 unit of dust is never paid, and goes back with the expiry.
	#[test]
	fn rounding_never_creates_value() {
		build_and_execute(|| {
			let v = vault();
			// Shares 600 : 400 : 1 over 100 units.
			assert_ok!(Vaults::deposit(origin(DAVE), v, DAVE, 1));
			run_to_block(4);
			distribute(v, GOV_ASSET, 100, 3);
			assert_eq!(claim(v, BOB, GOV_ASSET, 4), 59);
			assert_eq!(claim(v, CHARLIE, GOV_ASSET, 4), 39);
			assert_eq!(claim(v, DAVE, GOV_ASSET, 4), 0);
			let d = Distributions::<Test>::get((v, NETWORK, GOV_ASSET), 0).unwrap();
			assert_eq!((d.amount, d.claimed), (100, 98));
			run_to_block(4 + WINDOW + 1);
			let network = balance(GOV_ASSET, NETWORK);
			assert_ok!(Rewards::expire_distribution(origin(DAVE), v, NETWORK, GOV_ASSET));
			assert_eq!(balance(GOV_ASSET, NETWORK), network + 2);
			assert_eq!(Owed::<Test>::get(GOV_ASSET), 0);
		});
	}

	#[test]
	fn claims_are_bounded_and_in_order() {
		build_and_execute(|| {
			let v = vault();
			run_to_block(6);
			for snapshot in 2..5 {
				distribute(v, GOV_ASSET, 100, snapshot);
			}
			for max in [0, MAX_CLAIM + 1] {
				assert_noop!(
					Rewards::claim_staker_rewards(origin(BOB), v, NETWORK, GOV_ASSET, BOB, max),
					Error::<Test>::InvalidClaimCount
				);
			}
			assert_eq!(Rewards::claimable_staker_rewards(v, NETWORK, GOV_ASSET, BOB, 2), Ok(120));
			assert_eq!(claim(v, BOB, GOV_ASSET, 2), 120);
			assert_eq!(Cursors::<Test>::get((v, NETWORK, GOV_ASSET), BOB), 2);
			assert_eq!(claim(v, BOB, GOV_ASSET, 2), 60);
			assert_noop!(
				Rewards::claim_staker_rewards(origin(BOB), v, NETWORK, GOV_ASSET, BOB, 1),
				Error::<Test>::NoRewardsToClaim
			);
			// Another network's list, and another asset's, are separate.
			assert_noop!(
				Rewards::claim_staker_rewards(origin(BOB), v, OTHER_NETWORK, GOV_ASSET, BOB, 1),
				Error::<Test>::NoRewardsToClaim
			);
			assert_noop!(
				Rewards::claim_staker_rewards(origin(BOB), v, NETWORK, USD_ASSET, BOB, 1),
				Error::<Test>::NoRewardsToClaim
			);
		});
	}

	#[test]
	fn a_claim_pays_any_recipient() {
		build_and_execute(|| {
			let v = vault();
			distribute(v, GOV_ASSET, 1_000, 2);
			let before = balance(GOV_ASSET, DAVE);
			assert_ok!(Rewards::claim_staker_rewards(origin(BOB), v, NETWORK, GOV_ASSET, DAVE, 1));
			assert_eq!(balance(GOV_ASSET, DAVE), before + 600);
			// A recipient that cannot hold the asset (no native balance) fails the claim whole.
			assert_noop!(
				Rewards::claim_staker_rewards(origin(CHARLIE), v, NETWORK, GOV_ASSET, NOBODY, 1),
				sp_runtime::TokenError::CannotCreate
			);
		});
	}

	#[test]
	fn distribution_errors_change_nothing() {
		build_and_execute(|| {
			let v = vault();
			let call = |who, vault, network, amount, snapshot, max_fee| {
				Rewards::distribute_staker_rewards(
					origin(who),
					vault,
					network,
					GOV_ASSET,
					amount,
					snapshot,
					max_fee,
				)
			};
			assert_noop!(
				call(NETWORK, v, NETWORK, 100, 2, MAX_FEE),
				Error::<Test>::NotNetworkMiddleware
			);
			assert_noop!(
				call(OTHER_MIDDLEWARE, v, NETWORK, 100, 2, MAX_FEE),
				Error::<Test>::NotNetworkMiddleware
			);
			assert_noop!(
				call(MIDDLEWARE, 9, NETWORK, 100, 2, MAX_FEE),
				Error::<Test>::UnknownVault
			);
			assert_noop!(
				call(MIDDLEWARE, v, NETWORK, 0, 2, MAX_FEE),
				Error::<Test>::InsufficientReward
			);
			assert_noop!(
				call(MIDDLEWARE, v, NETWORK, 100, 3, MAX_FEE),
				Error::<Test>::InvalidSnapshot
			);
			// The vault was created at block 1 with no stake until the deposits.
			assert_ok!(Rewards::set_admin_fee(origin(ALICE), v, 500));
			assert_noop!(call(MIDDLEWARE, v, NETWORK, 100, 2, 499), Error::<Test>::HighAdminFee);
			run_to_block(2 + WINDOW + 1);
			assert_noop!(
				call(MIDDLEWARE, v, NETWORK, 100, 2, MAX_FEE),
				Error::<Test>::InvalidSnapshot
			);
			// A vault with no stake at the snapshot is refused clearly.
			let empty = usd_vault(ALICE, &[Role::Admin]);
			run_to_block(2 + WINDOW + 3);
			assert_noop!(
				call(MIDDLEWARE, empty, NETWORK, 100, 2 + WINDOW + 2, MAX_FEE),
				Error::<Test>::NoStakeAtSnapshot
			);
		});
	}

	/// The live list of a (vault, network, asset) is bounded; expired distributions make room,
	/// and a new distribution removes up to two of them itself.
	#[test]
	fn live_distributions_are_bounded_and_expire() {
		build_and_execute(|| {
			let v = vault();
			// Distribution `k` (snapshot `2 + k`) is made at block `10 + k`, claimable until
			// `10 + k + WINDOW`.
			for k in 0..u64::from(MAX_LIVE) {
				run_to_block(10 + k);
				distribute(v, GOV_ASSET, 100, 2 + k);
			}
			assert_noop!(
				Rewards::distribute_staker_rewards(
					origin(MIDDLEWARE),
					v,
					NETWORK,
					GOV_ASSET,
					100,
					9,
					MAX_FEE
				),
				Error::<Test>::TooManyDistributions
			);
			assert_noop!(
				Rewards::expire_distribution(origin(DAVE), v, NETWORK, GOV_ASSET),
				Error::<Test>::NotExpired
			);
			// Bob claims the first; the rest of it and all of the second go back.
			assert_eq!(claim(v, BOB, GOV_ASSET, 1), 60);
			run_to_block(11 + WINDOW + 1);
			let network = balance(GOV_ASSET, NETWORK);
			events();
			distribute(v, GOV_ASSET, 100, 3 + WINDOW);
			assert_eq!(balance(GOV_ASSET, NETWORK), network + 40 + 100);
			assert_eq!(
				events()[..2],
				[
					Event::DistributionExpired {
						vault: v,
						network: NETWORK,
						asset: GOV_ASSET,
						index: 0,
						returned: 40
					},
					Event::DistributionExpired {
						vault: v,
						network: NETWORK,
						asset: GOV_ASSET,
						index: 1,
						returned: 100
					},
				]
			);
			assert_eq!(Streams::<Test>::get((v, NETWORK, GOV_ASSET)), (2, 1 + MAX_LIVE));
			// Claims pass over expired distributions (index 2, made at block 12), paying nothing
			// for them: Charlie gets 40 of each of indices 3, 4 and 5.
			run_to_block(12 + WINDOW + 1);
			assert_eq!(claim(v, CHARLIE, GOV_ASSET, 4), 3 * 40);
			assert_eq!(Cursors::<Test>::get((v, NETWORK, GOV_ASSET), CHARLIE), 6);
			assert_ok!(Rewards::expire_distribution(origin(DAVE), v, NETWORK, GOV_ASSET));
			assert_eq!(Streams::<Test>::get((v, NETWORK, GOV_ASSET)), (3, 1 + MAX_LIVE));
			assert!(Distributions::<Test>::get((v, NETWORK, GOV_ASSET), 2).is_none());
		});
	}
}

mod curator_fees {
	use super::*;

	#[test]
	fn the_fee_setter_sets_and_the_claimer_claims() {
		build_and_execute(|| {
			let v = vault();
			assert_noop!(Rewards::set_admin_fee(origin(BOB), v, 100), Error::<Test>::MissingRole);
			assert_noop!(
				Rewards::set_admin_fee(origin(ALICE), 9, 100),
				Error::<Test>::UnknownVault
			);
			assert_noop!(
				Rewards::set_admin_fee(origin(ALICE), v, MAX_FEE + 1),
				Error::<Test>::InvalidAdminFee
			);
			assert_noop!(Rewards::set_admin_fee(origin(ALICE), v, 0), Error::<Test>::AlreadySet);
			assert_ok!(Rewards::set_admin_fee(origin(ALICE), v, 2_500));
			assert_eq!(events(), vec![Event::AdminFeeSet { vault: v, fee: 2_500 }]);
			assert_eq!(AdminFee::<Test>::get(v), 2_500);
			distribute(v, GOV_ASSET, 999, 2);
			// ⌊999·0.25⌋ = 249 to the curator, 750 to stakers.
			assert_eq!(CuratorFees::<Test>::get(v, GOV_ASSET), 249);
			assert_noop!(
				Rewards::claim_admin_fee(origin(BOB), v, GOV_ASSET, BOB),
				Error::<Test>::MissingRole
			);
			assert_noop!(
				Rewards::claim_admin_fee(origin(ALICE), v, USD_ASSET, ALICE),
				Error::<Test>::InsufficientAdminFee
			);
			events();
			let before = balance(GOV_ASSET, DAVE);
			assert_ok!(Rewards::claim_admin_fee(origin(ALICE), v, GOV_ASSET, DAVE));
			assert_eq!(balance(GOV_ASSET, DAVE), before + 249);
			assert_eq!(
				events(),
				vec![Event::AdminFeeClaimed {
					vault: v,
					asset: GOV_ASSET,
					recipient: DAVE,
					amount: 249
				}]
			);
			assert_noop!(
				Rewards::claim_admin_fee(origin(ALICE), v, GOV_ASSET, ALICE),
				Error::<Test>::InsufficientAdminFee
			);
		});
	}

	/// A 100 % fee leaves nothing for stakers: no distribution is recorded.
	#[test]
	fn a_full_fee_records_no_distribution() {
		build_and_execute(|| {
			let v = vault();
			assert_ok!(Rewards::set_admin_fee(origin(ALICE), v, MAX_FEE));
			events();
			distribute(v, GOV_ASSET, 100, 2);
			assert_eq!(
				events(),
				vec![Event::StakerRewardsDistributed {
					vault: v,
					network: NETWORK,
					asset: GOV_ASSET,
					index: None,
					amount: 0,
					fee: 100,
					snapshot: 2,
				}]
			);
			assert_eq!(Streams::<Test>::get((v, NETWORK, GOV_ASSET)), (0, 0));
			assert_eq!(Rewards::curator_fees(v, GOV_ASSET), 100);
		});
	}
}

mod operator_rewards {
	use super::*;

	fn list(items: Vec<(AccountId, u128)>) -> BoundedVec<(AccountId, u128), ConstU32<MAX_PAYOUTS>> {
		BoundedVec::truncate_from(items)
	}

	use frame_support::traits::ConstU32;

	#[test]
	fn explicit_lists_credit_and_operators_claim() {
		build_and_execute(|| {
			let paid = balance(GOV_ASSET, MIDDLEWARE);
			assert_ok!(Rewards::distribute_operator_rewards(
				origin(MIDDLEWARE),
				NETWORK,
				GOV_ASSET,
				list(vec![(OP_X, 300), (OP_Y, 100)])
			));
			assert_eq!(balance(GOV_ASSET, MIDDLEWARE), paid - 400 - GOV_MIN);
			assert_eq!(
				events(),
				vec![Event::OperatorRewardsDistributed {
					network: NETWORK,
					asset: GOV_ASSET,
					total: 400,
					operators: 2
				}]
			);
			assert_ok!(Rewards::distribute_operator_rewards(
				origin(MIDDLEWARE),
				NETWORK,
				GOV_ASSET,
				list(vec![(OP_X, 50)])
			));
			assert_eq!(Rewards::operator_rewards(NETWORK, GOV_ASSET, OP_X), 350);
			events();
			let before = balance(GOV_ASSET, DAVE);
			assert_ok!(Rewards::claim_operator_rewards(origin(OP_X), NETWORK, GOV_ASSET, DAVE));
			assert_eq!(balance(GOV_ASSET, DAVE), before + 350);
			assert_eq!(
				events(),
				vec![Event::OperatorRewardsClaimed {
					network: NETWORK,
					asset: GOV_ASSET,
					operator: OP_X,
					recipient: DAVE,
					amount: 350
				}]
			);
			assert_noop!(
				Rewards::claim_operator_rewards(origin(OP_X), NETWORK, GOV_ASSET, OP_X),
				Error::<Test>::NoOperatorRewards
			);
			assert_noop!(
				Rewards::claim_operator_rewards(origin(OP_Y), OTHER_NETWORK, GOV_ASSET, OP_Y),
				Error::<Test>::NoOperatorRewards
			);
			assert_eq!(Owed::<Test>::get(GOV_ASSET), 100);
		});
	}

	#[test]
	fn explicit_list_errors_change_nothing() {
		build_and_execute(|| {
			let call = |who, items| {
				Rewards::distribute_operator_rewards(origin(who), NETWORK, GOV_ASSET, list(items))
			};
			assert_noop!(
				call(OTHER_MIDDLEWARE, vec![(OP_X, 1)]),
				Error::<Test>::NotNetworkMiddleware
			);
			assert_noop!(call(MIDDLEWARE, vec![]), Error::<Test>::NoOperators);
			assert_noop!(
				call(MIDDLEWARE, vec![(OP_X, 1), (OP_Y, 1), (OP_X, 1)]),
				Error::<Test>::DuplicateOperator
			);
			assert_noop!(call(MIDDLEWARE, vec![(OP_X, 0)]), Error::<Test>::InsufficientReward);
			assert_noop!(
				call(MIDDLEWARE, vec![(OP_X, ENDOWMENT)]),
				sp_runtime::TokenError::FundsUnavailable
			);
		});
	}

	/// 1 000 over stakes 300 : 100 : 0 pays 750 and 250; over 1 : 1 : 1, 100 pays 33 each and
	/// only 99 is taken from the network.
	#[test]
	fn by_stake_pays_pro_rata_to_the_stake_at_the_snapshot() {
		build_and_execute(|| {
			let v = vault();
			set_stake(v, NETWORK, OP_X, 300);
			set_stake(v, NETWORK, OP_Y, 100);
			run_to_block(4);
			// Stake changes after the snapshot do not count.
			set_stake(v, NETWORK, OP_Y, 10_000);
			set_stake(v, NETWORK, OP_Z, 10_000);
			run_to_block(5);
			let ops = BoundedVec::truncate_from(vec![OP_X, OP_Y, OP_Z]);
			assert_ok!(Rewards::distribute_operator_rewards_by_stake(
				origin(MIDDLEWARE),
				v,
				Subnetwork::main(NETWORK),
				GOV_ASSET,
				1_000,
				3,
				ops.clone()
			));
			assert_eq!(OperatorRewards::<Test>::get((NETWORK, GOV_ASSET, OP_X)), 750);
			assert_eq!(OperatorRewards::<Test>::get((NETWORK, GOV_ASSET, OP_Y)), 250);
			assert_eq!(OperatorRewards::<Test>::get((NETWORK, GOV_ASSET, OP_Z)), 0);

			set_stake(v, NETWORK, OP_X, 1);
			set_stake(v, NETWORK, OP_Y, 1);
			set_stake(v, NETWORK, OP_Z, 1);
			run_to_block(6);
			let paid = balance(GOV_ASSET, MIDDLEWARE);
			assert_ok!(Rewards::distribute_operator_rewards_by_stake(
				origin(MIDDLEWARE),
				v,
				Subnetwork::main(NETWORK),
				GOV_ASSET,
				100,
				5,
				ops
			));
			assert_eq!(balance(GOV_ASSET, MIDDLEWARE), paid - 99);
			assert_eq!(Rewards::operator_rewards(NETWORK, GOV_ASSET, OP_Z), 33);
		});
	}

	#[test]
	fn by_stake_errors_change_nothing() {
		build_and_execute(|| {
			let v = vault();
			let ops = |l: Vec<AccountId>| BoundedVec::truncate_from(l);
			let call = |who, vault, amount, snapshot, l| {
				Rewards::distribute_operator_rewards_by_stake(
					origin(who),
					vault,
					Subnetwork::main(NETWORK),
					GOV_ASSET,
					amount,
					snapshot,
					l,
				)
			};
			assert_noop!(
				call(OTHER_MIDDLEWARE, v, 100, 2, ops(vec![OP_X])),
				Error::<Test>::NotNetworkMiddleware
			);
			assert_noop!(call(MIDDLEWARE, 9, 100, 2, ops(vec![OP_X])), Error::<Test>::UnknownVault);
			assert_noop!(
				call(MIDDLEWARE, v, 0, 2, ops(vec![OP_X])),
				Error::<Test>::InsufficientReward
			);
			assert_noop!(
				call(MIDDLEWARE, v, 100, 3, ops(vec![OP_X])),
				Error::<Test>::InvalidSnapshot
			);
			assert_noop!(call(MIDDLEWARE, v, 100, 2, ops(vec![])), Error::<Test>::NoOperators);
			assert_noop!(
				call(MIDDLEWARE, v, 100, 2, ops(vec![OP_X, OP_X])),
				Error::<Test>::DuplicateOperator
			);
			assert_noop!(
				call(MIDDLEWARE, v, 100, 2, ops(vec![OP_X])),
				Error::<Test>::NoOperatorStake
			);
			// Stakes so small that every part rounds to zero: nothing to pay.
			set_stake(v, NETWORK, OP_X, 1);
			set_stake(v, NETWORK, OP_Y, 1);
			run_to_block(4);
			assert_noop!(
				call(MIDDLEWARE, v, 1, 3, ops(vec![OP_X, OP_Y])),
				Error::<Test>::InsufficientReward
			);
		});
	}
}

/// Calls need a signed origin.
#[test]
fn unsigned_calls_are_refused() {
	build_and_execute(|| {
		let v = vault();
		assert_noop!(
			Rewards::claim_staker_rewards(RuntimeOrigin::none(), v, NETWORK, GOV_ASSET, BOB, 1),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			Rewards::expire_distribution(RuntimeOrigin::root(), v, NETWORK, GOV_ASSET),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}

/// Findings of the security review and the comparison with the reference (issue 13): each test
/// failed before its fix.
mod review {
	use super::*;
	use frame_support::traits::fungibles::Mutate;

	/// Item 1: anyone can fill the shared rewards account with junk assets, using up its
	/// consumer references (`MaxConsumers` is 16, as in the reference runtime); a distribution
	/// in an asset the account does not hold yet must still go through.
	#[test]
	fn junk_assets_in_the_rewards_account_do_not_block_new_assets() {
		build_and_execute(|| {
			let v = vault();
			let pot = Rewards::account();
			assert_ok!(NativeAndAssets::transfer(
				NATIVE,
				&DAVE,
				&pot,
				ED,
				frame_support::traits::tokens::Preservation::Preserve
			));
			for id in 100..116u32 {
				assert_ok!(Assets::force_create(RuntimeOrigin::root(), id, DAVE, false, 1));
				let _ = Assets::mint(origin(DAVE), id, pot, 1);
			}
			assert!(
				!System::can_accrue_consumers(&pot, 2),
				"no consumer reference left for new assets"
			);
			// A new, non-sufficient reward asset held by the middleware.
			assert_ok!(Assets::force_create(RuntimeOrigin::root(), 200, ALICE, false, 2));
			assert_ok!(Assets::mint(origin(ALICE), 200, MIDDLEWARE, 10_000));
			let reward = NativeOrWithId::WithId(200);
			distribute(v, reward.clone(), 1_000, 2);
			assert_eq!(claim(v, BOB, reward.clone(), 1), 600);
			// The middleware paid the asset-account deposit of the pot (10 in the mock).
			assert_eq!(balance(NATIVE, MIDDLEWARE), ENDOWMENT - 10);
		});
	}

	/// Item 7: a distribution at the oldest snapshot allowed is still claimable for the whole
	/// claim window after it is made (it used to expire `ClaimWindow` after its snapshot, so at
	/// the edge in its own block, while the curator kept its fee).
	#[test]
	fn stakers_get_the_whole_claim_window_from_the_distribution() {
		build_and_execute(|| {
			let v = vault();
			run_to_block(12);
			// Snapshot 2 is ten blocks back: allowed.
			distribute(v, GOV_ASSET, 1_000, 2);
			run_to_block(12 + WINDOW);
			assert_eq!(claim(v, BOB, GOV_ASSET, 1), 600);
		});
	}

	/// Item 9: a claim that pays nothing must not write a cursor for an account with no shares
	/// (storage for free).
	#[test]
	fn a_claim_paying_nothing_writes_no_cursor() {
		build_and_execute(|| {
			let v = vault();
			distribute(v, GOV_ASSET, 1_000, 2);
			assert_noop!(
				Rewards::claim_staker_rewards(origin(DAVE), v, NETWORK, GOV_ASSET, DAVE, 1),
				Error::<Test>::NoRewardsToClaim
			);
			assert!(!Cursors::<Test>::contains_key((v, NETWORK, GOV_ASSET), DAVE));
			// A holder of shares may move past distributions it had no part in.
			assert_ok!(Vaults::deposit(origin(DAVE), v, DAVE, 100));
			assert_ok!(Rewards::claim_staker_rewards(origin(DAVE), v, NETWORK, GOV_ASSET, DAVE, 1));
			assert_eq!(Cursors::<Test>::get((v, NETWORK, GOV_ASSET), DAVE), 1);
		});
	}
}

/// The windows that tie this pallet to the vaults are checked when the runtime is built.
mod windows {
	use super::*;
	use frame_support::traits::Hooks;

	#[test]
	fn the_mock_configuration_passes() {
		<Rewards as Hooks<u64>>::integrity_test();
	}

	#[test]
	#[should_panic(expected = "MaxSnapshotAge + ClaimWindow must not exceed")]
	fn a_claim_window_past_the_share_histories_is_refused() {
		ClaimWindowBlocks::set(LOOKBACK - SNAPSHOT_AGE + 1);
		<Rewards as Hooks<u64>>::integrity_test();
	}
}

/// The README names every error and event, so that the docs cannot drift from the code.
#[test]
fn the_readme_names_every_error_and_event() {
	use rampart_primitives::docs::{section, unnamed_variants};
	const README: &str = include_str!("../README.md");
	let none = Vec::<&str>::new();
	let errors = unnamed_variants::<Error<Test>>(section(README, "Errors"));
	assert_eq!(errors, none, "errors the README's Errors section does not name");
	let events = unnamed_variants::<Event<Test>>(section(README, "Events"));
	assert_eq!(events, none, "events the README's Events section does not name");
}
