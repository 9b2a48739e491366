// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

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
		deposit(v, DAVE, 1);
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
		assert_noop!(call(MIDDLEWARE, 9, NETWORK, 100, 2, MAX_FEE), Error::<Test>::UnknownVault);
		assert_noop!(
			call(MIDDLEWARE, v, NETWORK, 0, 2, MAX_FEE),
			Error::<Test>::InsufficientReward
		);
		assert_noop!(call(MIDDLEWARE, v, NETWORK, 100, 3, MAX_FEE), Error::<Test>::InvalidSnapshot);
		// The vault was created at block 1 with no stake until the deposits.
		assert_ok!(Rewards::set_admin_fee(origin(ALICE), v, 500));
		assert_noop!(call(MIDDLEWARE, v, NETWORK, 100, 2, 499), Error::<Test>::HighAdminFee);
		run_to_block(2 + WINDOW + 1);
		assert_noop!(call(MIDDLEWARE, v, NETWORK, 100, 2, MAX_FEE), Error::<Test>::InvalidSnapshot);
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
