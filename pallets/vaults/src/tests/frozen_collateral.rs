// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

use super::*;

/// pallet-assets lets an asset's freezer freeze any account, the vault's included.
#[test]
fn a_frozen_depositor_cannot_deposit_and_changes_nothing() {
	build_and_execute(|| {
		let v = create(config(USD));
		assert_ok!(Assets::freeze(origin(ALICE), ASSET, BOB));
		assert_noop!(Vaults::deposit(origin(BOB), v, BOB, 100), TokenError::Frozen);
		assert_ok!(Assets::thaw(origin(ALICE), ASSET, BOB));
		assert_ok!(Vaults::deposit(origin(BOB), v, BOB, 100));
	});
}

/// pallet-assets lets the asset's freezer freeze the vault account. That blocks payouts, but
/// must not shield the vault from a slash: the loss applies at once and the collateral is
/// owed to the burner until `release_slashed` can move it.
#[test]
fn a_frozen_vault_account_blocks_payouts_but_not_slashes() {
	build_and_execute(|| {
		let v = create(config(USD));
		assert_ok!(Vaults::deposit(origin(BOB), v, BOB, 1_000));
		assert_ok!(Vaults::withdraw(origin(BOB), v, BOB, 300));
		assert_ok!(Assets::freeze(origin(ALICE), ASSET, Vaults::account_of(v)));
		run_to_block(21);
		// The claim fails whole: the position stays unpaid and claimable after a thaw.
		assert_noop!(Vaults::claim(origin(BOB), v, BOB, 1), TokenError::Frozen);
		assert_noop!(
			Vaults::release_slashed(origin(DAVE), v, None),
			Error::<Test>::NothingToRelease
		);
		events();
		assert_eq!(slash(v, 100, 15), Ok(100));
		assert_eq!(
			events(),
			vec![Event::Slashed {
				vault: v,
				network: NET,
				operator: OP,
				receiver: None,
				requested: 100,
				capture: 15,
				slashed: 100,
				deferred: true
			}]
		);
		assert_eq!(Ledgers::<Test>::get(v).pending_burn, 100);
		// Still frozen: the release fails and changes nothing.
		assert_noop!(Vaults::release_slashed(origin(DAVE), v, None), TokenError::FundsUnavailable);
		assert_ok!(Assets::thaw(origin(ALICE), ASSET, Vaults::account_of(v)));
		let issuance = NativeAndAssets::total_issuance(USD);
		assert_ok!(Vaults::release_slashed(origin(DAVE), v, None));
		assert_eq!(
			events(),
			vec![Event::SlashedReleased { vault: v, receiver: None, amount: 100 }]
		);
		assert_eq!(NativeAndAssets::total_issuance(USD), issuance - 100);
		assert_eq!(Ledgers::<Test>::get(v).pending_burn, 0);
		assert_ok!(Vaults::claim(origin(BOB), v, BOB, 1));
		assert_noop!(Vaults::release_slashed(origin(DAVE), 9, None), Error::<Test>::UnknownVault);
	});
}

/// A blocked account (pallet-assets `block`) can neither send nor receive the asset.
#[test]
fn a_blocked_depositor_or_recipient_is_refused_whole() {
	build_and_execute(|| {
		let v = create(config(USD));
		assert_ok!(Vaults::deposit(origin(BOB), v, BOB, 1_000));
		assert_ok!(Vaults::withdraw(origin(BOB), v, BOB, 300));
		assert_ok!(Assets::block(origin(ALICE), ASSET, BOB));
		assert_noop!(Vaults::deposit(origin(BOB), v, BOB, 100), TokenError::Frozen);
		run_to_block(21);
		// Bob cannot receive his claim, but may send it to an account that can.
		assert_noop!(Vaults::claim(origin(BOB), v, BOB, 1), TokenError::Blocked);
		let before = balance(USD, DAVE);
		assert_ok!(Vaults::claim(origin(BOB), v, DAVE, 1));
		assert_eq!(balance(USD, DAVE), before + 300);
		// Shares are not the asset: a blocked holder still moves them.
		assert_ok!(Vaults::transfer_shares(origin(BOB), v, CHARLIE, 100));
	});
}

/// A blocked vault account takes no deposits and, like a frozen one, cannot shield the vault
/// from a slash; freezing the whole asset defers the burn the same way.
#[test]
fn a_blocked_vault_account_or_a_frozen_asset_defers_the_burn() {
	build_and_execute(|| {
		let v = create(config(USD));
		assert_ok!(Vaults::deposit(origin(BOB), v, BOB, 1_000));
		assert_ok!(Assets::block(origin(ALICE), ASSET, Vaults::account_of(v)));
		assert_noop!(Vaults::deposit(origin(BOB), v, BOB, 100), TokenError::Blocked);
		assert_eq!(slash(v, 100, 1), Ok(100));
		assert_eq!(Ledgers::<Test>::get(v).pending_burn, 100);
		assert_eq!(Vaults::active_stake(v), 900);
		assert_ok!(Assets::thaw(origin(ALICE), ASSET, Vaults::account_of(v)));
		assert_ok!(Vaults::release_slashed(origin(DAVE), v, None));
		assert_eq!(Ledgers::<Test>::get(v).pending_burn, 0);

		assert_ok!(Assets::freeze_asset(origin(ALICE), ASSET));
		assert_eq!(slash(v, 100, 1), Ok(100));
		assert_eq!(Ledgers::<Test>::get(v).pending_burn, 100);
		assert_noop!(Vaults::release_slashed(origin(DAVE), v, None), TokenError::FundsUnavailable);
		assert_ok!(Assets::thaw_asset(origin(ALICE), ASSET));
		assert_ok!(Vaults::release_slashed(origin(DAVE), v, None));
		assert_eq!(Vaults::active_stake(v), 800);
	});
}
