// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

use super::*;

/// CHECKLIST: a tiny slash landing just before a withdrawal. An amount-denominated
/// `withdraw` of the whole pre-slash balance now asks for more shares than the holder has and
/// fails whole; the shares-denominated `redeem` of every share cannot be griefed this way
/// and pays the post-slash value, rounded down.
#[test]
fn a_tiny_slash_cannot_grief_a_redeem() {
	build_and_execute(|| {
		let v = create(config(NATIVE));
		assert_ok!(Vaults::deposit(origin(BOB), v, BOB, 1_000));
		assert_ok!(Vaults::deposit(origin(CHARLIE), v, CHARLIE, 1_000));
		let shares = Vaults::shares_of(v, &BOB);
		let whole = Vaults::active_balance_of(v, &BOB);
		assert_eq!(whole, 1_000);
		assert_ok!(slash(v, 1, 1));
		assert_noop!(Vaults::withdraw(origin(BOB), v, BOB, whole), Error::<Test>::TooMuchWithdraw);
		assert_ok!(Vaults::redeem(origin(BOB), v, BOB, shares));
		assert_eq!(Vaults::shares_of(v, &BOB), 0);
		// 1 000 shares of a 1 999-unit, 2 000-share pool: ⌊1000·2000/2001⌋ = 999.
		assert_eq!(Vaults::withdrawals_of(v, 1, &BOB), 999);
		assert_eq!(Vaults::active_balance_of(v, &CHARLIE), 1_000);
	});
}
