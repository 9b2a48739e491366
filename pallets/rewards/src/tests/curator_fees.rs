// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

use super::*;

#[test]
fn the_fee_setter_sets_and_the_claimer_claims() {
	build_and_execute(|| {
		let v = vault();
		assert_noop!(Rewards::set_admin_fee(origin(BOB), v, 100), Error::<Test>::MissingRole);
		assert_noop!(Rewards::set_admin_fee(origin(ALICE), 9, 100), Error::<Test>::UnknownVault);
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
