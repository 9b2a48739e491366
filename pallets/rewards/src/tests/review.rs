// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

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
		deposit(v, DAVE, 100);
		assert_ok!(Rewards::claim_staker_rewards(origin(DAVE), v, NETWORK, GOV_ASSET, DAVE, 1));
		assert_eq!(Cursors::<Test>::get((v, NETWORK, GOV_ASSET), DAVE), 1);
	});
}
