// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

use super::*;

#[test]
fn shares_move_with_their_history() {
	build_and_execute(|| {
		let v = create(config(NATIVE));
		assert_ok!(Vaults::deposit(origin(BOB), v, BOB, 1_000));
		run_to_block(5);
		events();
		assert_ok!(Vaults::transfer_shares(origin(BOB), v, CHARLIE, 400));
		assert_eq!(
			events(),
			vec![Event::SharesTransferred { vault: v, from: BOB, to: CHARLIE, shares: 400 }]
		);
		assert_eq!(Vaults::shares_of(v, &BOB), 600);
		assert_eq!(Vaults::shares_of(v, &CHARLIE), 400);
		assert_eq!(Vaults::shares_of_at(v, &BOB, 4), Ok(1_000));
		assert_eq!(Vaults::shares_of_at(v, &CHARLIE, 4), Ok(0));
		assert_eq!(Vaults::active_balance_of_at(v, &CHARLIE, 5), Ok(400));
		// Total shares do not change.
		assert_eq!(Vaults::active_shares(v), 1_000);
		// Charlie can withdraw what he received.
		assert_ok!(Vaults::withdraw(origin(CHARLIE), v, CHARLIE, 400));
	});
}

#[test]
fn transfer_errors() {
	build_and_execute(|| {
		let v = create(config(NATIVE));
		assert_ok!(Vaults::deposit(origin(BOB), v, BOB, 10));
		assert_noop!(
			Vaults::transfer_shares(origin(BOB), v, CHARLIE, 11),
			Error::<Test>::InsufficientShares
		);
		assert_noop!(
			Vaults::transfer_shares(origin(BOB), v, CHARLIE, 0),
			Error::<Test>::InsufficientShares
		);
		assert_noop!(
			Vaults::transfer_shares(origin(BOB), 5, CHARLIE, 1),
			Error::<Test>::UnknownVault
		);
	});
}
