// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

use super::*;
use crate::PendingSlashed;

/// Funded with the native token only: the attacker of the junk-asset tests.
const MALLORY: AccountId = 8;
/// Funded with the native token only: a redistribution receiver that holds no collateral.
const FUND: AccountId = 7;

/// Gives `victim` one unit of each of 16 fresh assets (the attacker's own, not sufficient),
/// after the native existential deposit that lets it hold them: every consumer reference the
/// runtime allows (`MaxConsumers` is 16, as in the reference runtime) is then taken.
fn fill_with_junk(victim: AccountId) {
	assert_ok!(NativeAndAssets::transfer(NATIVE, &MALLORY, &victim, ED, Preservation::Preserve));
	let fresh: Vec<u32> = (100..)
		.filter(|id| !pallet_assets::Asset::<Test>::contains_key(id))
		.take(16)
		.collect();
	for id in fresh {
		assert_ok!(Assets::force_create(RuntimeOrigin::root(), id, MALLORY, false, 1));
		let _ = Assets::mint(origin(MALLORY), id, victim, 1);
	}
	assert!(
		!System::can_accrue_consumers(&victim, 2),
		"a new asset account needs a consumer reference and the one after it: none left"
	);
}

/// Item 2: vault accounts are known in advance; junk assets sent there must not stop the
/// creation of a vault over a non-sufficient collateral.
#[test]
fn junk_assets_in_a_future_vault_account_do_not_block_creation() {
	build_and_execute(|| {
		let next = NextVaultId::<Test>::get();
		fill_with_junk(Vaults::account_of(next));
		fill_with_junk(Vaults::account_of(next + 1));
		let v = create(config(USD));
		assert_eq!(v, next);
		assert_ok!(Vaults::deposit(origin(BOB), v, BOB, 1_000));
		assert_eq!(balance(USD, Vaults::account_of(v)), ASSET_MIN + 1_000);
		// The creator paid the asset account's deposit (held for the vault's life).
		let v2 = create(config(USD));
		assert_ok!(Vaults::deposit(origin(BOB), v2, BOB, 10));
	});
}

/// Item 3: a redistribution receiver that cannot take the collateral when the slash executes
/// (its consumer references filled with junk assets, or no account at all) is owed it, never
/// burned; anyone releases it later, paying the receiver's asset-account deposit if needed.
#[test]
fn junk_assets_cannot_turn_a_redistribution_into_a_burn() {
	build_and_execute(|| {
		fill_with_junk(FUND);
		let mut c = config(USD);
		c.burner = Burner::Account(FUND);
		let v = create(c);
		assert_ok!(Vaults::deposit(origin(BOB), v, BOB, 1_000));
		let issuance = NativeAndAssets::total_issuance(USD);
		assert_eq!(slash(v, 100, 1), Ok(100));
		assert!(matches!(
			events().last(),
			Some(Event::Slashed { receiver: Some(FUND), slashed: 100, deferred: true, .. })
		));
		assert_eq!(NativeAndAssets::total_issuance(USD), issuance);
		assert_eq!(PendingSlashed::<Test>::get(v, Some(FUND)), 100);
		// The loss applied at once.
		assert_eq!(Vaults::active_stake(v), 900);
		Vaults::do_try_state().unwrap();
		// Anyone may release it; the releaser pays the receiver's asset-account deposit.
		assert_ok!(Vaults::release_slashed(origin(CHARLIE), v, Some(FUND)));
		assert_eq!(balance(USD, FUND), 100);
		assert_eq!(NativeAndAssets::total_issuance(USD), issuance);
		assert_eq!(PendingSlashed::<Test>::get(v, Some(FUND)), 0);
	});
}

/// Item 6: without an admin, a fee setter with nobody able to claim the fees would lock
/// them for ever.
#[test]
fn a_fee_setter_without_a_fee_claimer_is_refused() {
	build_and_execute(|| {
		let limit_roles =
			vec![(Role::NetworkLimitSetter, ALICE), (Role::OperatorNetworkSharesSetter, ALICE)];
		let mut c = config(NATIVE);
		c.roles = roles([limit_roles.clone(), vec![(Role::AdminFeeSetter, BOB)]].concat());
		assert_noop!(Vaults::create_vault(origin(ALICE), c.clone()), Error::<Test>::MissingRoles);
		c.roles = roles(
			[limit_roles, vec![(Role::AdminFeeSetter, BOB), (Role::AdminFeeClaimer, CHARLIE)]]
				.concat(),
		);
		assert_ok!(Vaults::create_vault(origin(ALICE), c));
	});
}

/// Item 10: anyone may send collateral to a vault account; the books then show a surplus,
/// and the invariants still hold.
#[test]
fn a_donation_is_surplus_not_a_broken_invariant() {
	build_and_execute(|| {
		let v = create(config(USD));
		assert_ok!(Vaults::deposit(origin(BOB), v, BOB, 1_000));
		assert_ok!(NativeAndAssets::transfer(
			USD,
			&CHARLIE,
			&Vaults::account_of(v),
			1,
			Preservation::Preserve
		));
		Vaults::do_try_state().unwrap();
		// The donation does not change anyone's stake.
		assert_eq!(Vaults::active_stake(v), 1_000);
	});
}

#[test]
fn the_surplus_view_reports_donations() {
	build_and_execute(|| {
		let v = create(config(USD));
		assert_ok!(Vaults::deposit(origin(BOB), v, BOB, 1_000));
		assert_eq!(Vaults::vault_surplus(v), Some(0));
		assert_ok!(NativeAndAssets::transfer(
			USD,
			&CHARLIE,
			&Vaults::account_of(v),
			3,
			Preservation::Preserve
		));
		assert_eq!(Vaults::vault_surplus(v), Some(3));
		assert_eq!(Vaults::vault_surplus(v + 1), None);
	});
}

/// Item 13: a deposit beyond both the limit and the depositor's balance fails on the
/// balance first, as the reference's transfer does.
#[test]
fn a_deposit_beyond_limit_and_balance_fails_on_the_balance() {
	build_and_execute(|| {
		let mut c = config(NATIVE);
		c.is_deposit_limit = true;
		c.deposit_limit = 100;
		let v = create(c);
		assert_noop!(
			Vaults::deposit(origin(BOB), v, BOB, 2 * ENDOWMENT),
			TokenError::FundsUnavailable
		);
		assert_noop!(Vaults::deposit(origin(BOB), v, BOB, 101), Error::<Test>::DepositLimitReached);
	});
}
