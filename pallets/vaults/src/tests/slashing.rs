// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

use super::*;

/// PROTOCOL 2.9's state: A = 600, W[cur] = 100, W[cur+1] = 300, with cur = 2.
fn worked_state(burner: Burner<AccountId, u64>) -> VaultId {
	let mut c = config(NATIVE);
	c.burner = burner;
	let v = create(c);
	assert_ok!(Vaults::deposit(origin(BOB), v, BOB, 1_000));
	run_to_block(11); // epoch 1: withdraw 100 into bucket 2
	assert_ok!(Vaults::withdraw(origin(BOB), v, BOB, 100));
	run_to_block(22); // epoch 2: withdraw 300 into bucket 3
	assert_ok!(Vaults::withdraw(origin(BOB), v, BOB, 300));
	assert_eq!(Vaults::active_stake(v), 600);
	assert_eq!((epoch_bucket(v, 2), epoch_bucket(v, 3)), (100, 300));
	assert_eq!(Vaults::total_stake(v), 1_000);
	events();
	v
}

#[test]
fn worked_vector_capture_in_the_previous_epoch() {
	build_and_execute(|| {
		let v = worked_state(Burner::Burn);
		let issuance = pallet_balances::TotalIssuance::<Test>::get();
		assert_eq!(slash(v, 500, 15), Ok(500));
		assert_eq!(Vaults::active_stake(v), 300);
		assert_eq!((epoch_bucket(v, 2), epoch_bucket(v, 3)), (50, 150));
		assert_eq!(pallet_balances::TotalIssuance::<Test>::get(), issuance - 500);
		assert_eq!(
			events(),
			vec![Event::Slashed {
				vault: v,
				network: NET,
				operator: OP,
				receiver: None,
				requested: 500,
				capture: 15,
				slashed: 500,
				deferred: false
			}]
		);
	});
}

#[test]
fn worked_vector_capture_in_the_current_epoch() {
	build_and_execute(|| {
		let v = worked_state(Burner::Account(DAVE));
		let before = balance(NATIVE, DAVE);
		assert_eq!(slash(v, 500, 21), Ok(500));
		assert_eq!(Vaults::active_stake(v), 267);
		assert_eq!((epoch_bucket(v, 2), epoch_bucket(v, 3)), (100, 133));
		assert_eq!(balance(NATIVE, DAVE), before + 500);
	});
}

#[test]
fn a_slash_saturates_and_moves_only_what_is_there() {
	build_and_execute(|| {
		let v = worked_state(Burner::Burn);
		assert_eq!(slash(v, 10_000, 21), Ok(900));
		assert_eq!(Vaults::active_stake(v), 0);
		// The previous epoch's withdrawals were out of reach of a current-epoch capture.
		assert_eq!(epoch_bucket(v, 2), 100);
		assert_eq!(slash(v, 0, 21), Ok(0));
	});
}

#[test]
fn captures_outside_the_two_epochs_are_refused() {
	build_and_execute(|| {
		let v = worked_state(Burner::Burn);
		assert_noop!(slash(v, 1, 10), Error::<Test>::InvalidCaptureEpoch);
		assert_noop!(slash(v, 1, 0), Error::<Test>::InvalidCaptureBlock);
		assert_noop!(slash(9, 1, 21), Error::<Test>::UnknownVault);
	});
}

#[test]
fn epoch_zero_has_no_previous_epoch() {
	build_and_execute(|| {
		let v = create(config(NATIVE));
		assert_ok!(Vaults::deposit(origin(BOB), v, BOB, 100));
		assert_eq!(slash(v, 10, 1), Ok(10));
	});
}

#[test]
fn a_burner_account_that_cannot_take_it_yet_is_owed_it() {
	build_and_execute(|| {
		// Asset collateral to an account with no native balance: it cannot open an account
		// for the asset by itself.
		let mut c = config(USD);
		c.burner = Burner::Account(NOBODY);
		let v = create(c);
		assert_ok!(Vaults::deposit(origin(BOB), v, BOB, 1_000));
		let issuance = NativeAndAssets::total_issuance(USD);
		assert_eq!(slash(v, 100, 1), Ok(100));
		assert_eq!(
			events().last(),
			Some(&Event::Slashed {
				vault: v,
				network: NET,
				operator: OP,
				receiver: Some(NOBODY),
				requested: 100,
				capture: 1,
				slashed: 100,
				deferred: true
			})
		);
		// Owed, not burned: the supply stands and the loss applied.
		assert_eq!(NativeAndAssets::total_issuance(USD), issuance);
		assert_eq!(balance(USD, NOBODY), 0);
		assert_eq!(Ledgers::<Test>::get(v).pending_burn, 100);
		// Bob releases it, paying NOBODY's asset-account deposit.
		let free = balance(NATIVE, BOB);
		assert_ok!(Vaults::release_slashed(origin(BOB), v, Some(NOBODY)));
		assert_eq!(
			events(),
			vec![Event::SlashedReleased { vault: v, receiver: Some(NOBODY), amount: 100 }]
		);
		assert_eq!(balance(USD, NOBODY), 100);
		assert_eq!(free - balance(NATIVE, BOB), 10, "the asset-account deposit");
		assert_eq!(NativeAndAssets::total_issuance(USD), issuance);
	});
}

#[test]
fn every_holder_loses_the_same_fraction() {
	build_and_execute(|| {
		let v = create(config(NATIVE));
		for who in [BOB, CHARLIE, DAVE] {
			assert_ok!(Vaults::deposit(origin(who), v, who, 1_000));
		}
		assert_ok!(slash(v, 1_500, 1));
		for who in [BOB, CHARLIE, DAVE] {
			// ⌊1000·1501/3001⌋ = 500.
			assert_eq!(Vaults::active_balance_of(v, &who), 500);
		}
	});
}
