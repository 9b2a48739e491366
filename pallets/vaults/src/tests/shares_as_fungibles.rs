// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

use super::*;
use frame_support::traits::tokens::{
	DepositConsequence, Fortitude, Provenance, WithdrawConsequence,
};

type Shares = crate::VaultShares<Test>;

#[test]
fn shares_read_as_a_fungible_asset_per_vault() {
	build_and_execute(|| {
		let v = create(config(NATIVE));
		assert_ok!(Vaults::deposit(origin(BOB), v, BOB, 1_000));
		assert_ok!(Vaults::transfer_shares(origin(BOB), v, CHARLIE, 250));
		assert!(Shares::asset_exists(v));
		assert!(!Shares::asset_exists(v + 1));
		assert_eq!(Shares::total_issuance(v), 1_000);
		assert_eq!(Shares::balance(v, &BOB), 750);
		assert_eq!(Shares::total_balance(v, &CHARLIE), 250);
		assert_eq!(
			Shares::reducible_balance(v, &CHARLIE, Preservation::Preserve, Fortitude::Polite),
			250
		);
		assert_eq!(Shares::minimum_balance(v), 0);
		assert_eq!(Shares::can_withdraw(v, &CHARLIE, 251), WithdrawConsequence::BalanceLow);
		assert_eq!(Shares::can_withdraw(v, &CHARLIE, 250), WithdrawConsequence::Success);
		assert_eq!(Shares::can_withdraw(v + 1, &CHARLIE, 1), WithdrawConsequence::UnknownAsset);
		assert_eq!(
			Shares::can_deposit(v, &DAVE, 5, Provenance::Extant),
			DepositConsequence::Success
		);
		assert_eq!(
			Shares::can_deposit(v, &DAVE, u128::MAX, Provenance::Extant),
			DepositConsequence::Overflow
		);
		assert_eq!(
			Shares::can_deposit(v + 1, &DAVE, 5, Provenance::Extant),
			DepositConsequence::UnknownAsset
		);
	});
}
