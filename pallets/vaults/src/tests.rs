// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Unit tests: creation rules, deposits, withdrawals, claims, liquid shares, settings, roles and
//! the slashing entry point with the worked numbers of PROTOCOL 2.9. Every test ends with
//! `do_try_state`.

use crate::{
	mock::*, ActiveShares, ActiveStake, ActiveStakeHead, Burner, DelegatorKind, Error, Event,
	HoldReason, Ledgers, NextVaultId, Role, SharesOf, SharesOfHead, SlasherKind, VaultConfig,
	VaultConfigOf, Withdrawals,
};
use frame_support::{
	assert_noop, assert_ok,
	traits::{
		fungible::InspectHold,
		fungibles::{Inspect, Mutate},
		tokens::Preservation,
	},
	BoundedVec,
};
use rampart_primitives::{
	traits::{VaultSlashing, VaultsInspect},
	VaultId,
};
use sp_runtime::{DispatchError, TokenError};

const NATIVE: AssetKind = AssetKind::Native;
const USD: AssetKind = AssetKind::WithId(ASSET);
/// Epoch length of the test vaults; they are created at block 1, so epoch `e` spans blocks
/// `1 + 10e ..= 10 + 10e`.
const D: u64 = 10;

/// The network and operator of the test slashes.
const NET: AccountId = 50;
const OP: AccountId = 51;

/// A slash of `OP` by `NET`, as the slashing pallet makes it.
fn slash(vault: VaultId, amount: u128, capture: u64) -> Result<u128, DispatchError> {
	<Vaults as VaultSlashing<_, _>>::on_slash(vault, &NET, &OP, amount, capture)
}

fn origin(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn events() -> Vec<Event<Test>> {
	let events = System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Vaults(e) => Some(e),
			_ => None,
		})
		.collect();
	System::reset_events();
	events
}

fn roles(list: Vec<(Role, AccountId)>) -> BoundedVec<(Role, AccountId), ConstU32<8>> {
	BoundedVec::truncate_from(list)
}

use frame_support::traits::ConstU32;

fn config(collateral: AssetKind) -> VaultConfigOf<Test> {
	VaultConfig {
		collateral,
		epoch_duration: D,
		delegator: DelegatorKind::NetworkRestake,
		slasher: SlasherKind::Instant,
		burner: Burner::Burn,
		deposit_whitelist: false,
		is_deposit_limit: false,
		deposit_limit: 0,
		roles: roles(vec![(Role::Admin, ALICE)]),
	}
}

fn create(config: VaultConfigOf<Test>) -> VaultId {
	let id = NextVaultId::<Test>::get();
	assert_ok!(Vaults::create_vault(origin(ALICE), config));
	events();
	id
}

fn balance(asset: AssetKind, who: AccountId) -> Balance {
	NativeAndAssets::balance(asset, &who)
}

fn epoch_bucket(vault: VaultId, epoch: u64) -> Balance {
	Withdrawals::<Test>::get(vault, epoch)
}

mod creation {
	use super::*;

	#[test]
	fn a_native_vault_takes_the_deposit_and_a_reserve() {
		build_and_execute(|| {
			let before = Balances::free_balance(ALICE);
			assert_ok!(Vaults::create_vault(origin(ALICE), config(NATIVE)));
			let account = Vaults::account_of(0);
			assert_eq!(
				events(),
				vec![
					Event::RoleGranted { vault: 0, role: Role::Admin, account: ALICE },
					Event::VaultCreated { vault: 0, creator: ALICE, collateral: NATIVE, account },
				]
			);
			assert_eq!(balance(NATIVE, account), ED);
			assert_eq!(
				Balances::balance_on_hold(
					&RuntimeHoldReason::Vaults(HoldReason::VaultCreation),
					&ALICE
				),
				CREATION_DEPOSIT
			);
			assert_eq!(Balances::free_balance(ALICE), before - ED - CREATION_DEPOSIT);
			let info = crate::Vaults::<Test>::get(0).unwrap();
			assert_eq!((info.clock.start, info.clock.duration, info.reserve), (1, D, ED));
			assert!(Vaults::has_role(0, Role::Admin, &ALICE));
			assert_eq!(NextVaultId::<Test>::get(), 1);
			let view = <Vaults as VaultsInspect<_, _>>::vault(0).expect("the vault exists");
			assert_eq!((view.collateral, view.account), (NATIVE, account));
			assert_eq!((view.clock.start, view.clock.duration, view.epoch_start), (1, D, 1));
			assert_eq!(view.delegator, info.delegator);
			assert_eq!(view.slasher, info.slasher);
			// Histories answer from block 0 on: the vault is younger than its retention.
			assert_eq!(view.history_horizon, 0);
			assert_eq!(<Vaults as VaultsInspect<_, _>>::vault(1), None);
		});
	}

	#[test]
	fn an_asset_vault_gets_a_native_and_an_asset_reserve() {
		build_and_execute(|| {
			let id = create(config(USD));
			let account = Vaults::account_of(id);
			assert_eq!(balance(NATIVE, account), ED);
			assert_eq!(balance(USD, account), ASSET_MIN);
			assert_eq!(crate::Vaults::<Test>::get(id).unwrap().reserve, ASSET_MIN);
		});
	}

	#[test]
	fn unknown_or_denied_collateral_is_refused() {
		build_and_execute(|| {
			assert_noop!(
				Vaults::create_vault(origin(ALICE), config(AssetKind::WithId(404))),
				Error::<Test>::UnknownCollateral
			);
			assert_ok!(Vaults::deny_collateral(RuntimeOrigin::root(), USD));
			assert_eq!(events(), vec![Event::CollateralDenied { asset: USD }]);
			assert_noop!(
				Vaults::create_vault(origin(ALICE), config(USD)),
				Error::<Test>::CollateralDenied
			);
			assert_noop!(
				Vaults::deny_collateral(RuntimeOrigin::root(), USD),
				Error::<Test>::AlreadySet
			);
			assert_noop!(Vaults::deny_collateral(origin(ALICE), NATIVE), DispatchError::BadOrigin);
			assert_ok!(Vaults::allow_collateral(RuntimeOrigin::root(), USD));
			assert_eq!(events(), vec![Event::CollateralAllowed { asset: USD }]);
			assert_noop!(
				Vaults::allow_collateral(RuntimeOrigin::root(), USD),
				Error::<Test>::CollateralNotDenied
			);
			assert_noop!(Vaults::allow_collateral(origin(ALICE), USD), DispatchError::BadOrigin);
			assert_ok!(Vaults::create_vault(origin(ALICE), config(USD)));
		});
	}

	#[test]
	fn epoch_length_must_be_within_bounds() {
		build_and_execute(|| {
			for d in [0, 1, 1_001] {
				let mut c = config(NATIVE);
				c.epoch_duration = d;
				assert_noop!(
					Vaults::create_vault(origin(ALICE), c),
					Error::<Test>::InvalidEpochDuration
				);
			}
		});
	}

	#[test]
	fn veto_parameters_must_fit_the_epoch() {
		build_and_execute(|| {
			for (veto_duration, resolver_set_epochs_delay) in [(D, 3), (D + 1, 3), (5, 2)] {
				let mut c = config(NATIVE);
				c.slasher = SlasherKind::Veto { veto_duration, resolver_set_epochs_delay };
				assert_noop!(
					Vaults::create_vault(origin(ALICE), c),
					Error::<Test>::InvalidSlasherParams
				);
			}
			let mut c = config(NATIVE);
			c.slasher = SlasherKind::Veto { veto_duration: D - 1, resolver_set_epochs_delay: 3 };
			assert_ok!(Vaults::create_vault(origin(ALICE), c));
		});
	}

	#[test]
	fn without_an_admin_settings_must_be_neither_dead_nor_orphaned() {
		build_and_execute(|| {
			let attempt =
				|whitelist: bool, limit_on: bool, limit: u128, r: Vec<(Role, AccountId)>| {
					let mut c = config(NATIVE);
					// A kind without curator limit roles, to test the deposit settings alone.
					c.delegator =
						DelegatorKind::OperatorNetworkSpecific { operator: BOB, network: CHARLIE };
					c.deposit_whitelist = whitelist;
					c.is_deposit_limit = limit_on;
					c.deposit_limit = limit;
					c.roles = roles(r);
					Vaults::create_vault(origin(ALICE), c)
				};
			// Whitelist on, nobody to whitelist: dead.
			assert_noop!(attempt(true, false, 0, vec![]), Error::<Test>::MissingRoles);
			// Whitelist off, a whitelister: orphaned.
			assert_noop!(
				attempt(false, false, 0, vec![(Role::DepositorWhitelister, BOB)]),
				Error::<Test>::MissingRoles
			);
			// Limit on at zero, nobody to raise it: dead.
			assert_noop!(attempt(false, true, 0, vec![]), Error::<Test>::MissingRoles);
			// Limit off but a value or a setter: orphaned.
			assert_noop!(attempt(false, false, 5, vec![]), Error::<Test>::MissingRoles);
			assert_noop!(
				attempt(false, false, 0, vec![(Role::DepositLimitSetter, BOB)]),
				Error::<Test>::MissingRoles
			);
			// Consistent configurations are fine without an admin.
			assert_ok!(attempt(false, false, 0, vec![]));
			assert_ok!(attempt(true, true, 100, vec![(Role::DepositorWhitelister, BOB)]));
			assert_ok!(attempt(false, true, 0, vec![(Role::DepositLimitSetter, BOB)]));
			// Togglers make anything acceptable.
			assert_ok!(attempt(
				true,
				false,
				0,
				vec![(Role::DepositWhitelistSetter, BOB), (Role::DepositLimitToggler, BOB)]
			));
		});
	}

	#[test]
	fn without_an_admin_every_delegator_limit_role_needs_a_holder() {
		build_and_execute(|| {
			let attempt = |kind: DelegatorKind<AccountId>, r: Vec<(Role, AccountId)>| {
				let mut c = config(NATIVE);
				c.delegator = kind;
				c.roles = roles(r);
				Vaults::create_vault(origin(ALICE), c)
			};
			let op = DelegatorKind::OperatorSpecific { operator: BOB };
			assert_noop!(
				attempt(DelegatorKind::NetworkRestake, vec![]),
				Error::<Test>::MissingRoles
			);
			assert_noop!(
				attempt(
					DelegatorKind::NetworkRestake,
					vec![(Role::NetworkLimitSetter, BOB), (Role::OperatorNetworkLimitSetter, BOB)]
				),
				Error::<Test>::MissingRoles
			);
			assert_noop!(
				attempt(DelegatorKind::FullRestake, vec![(Role::NetworkLimitSetter, BOB)]),
				Error::<Test>::MissingRoles
			);
			assert_noop!(attempt(op.clone(), vec![]), Error::<Test>::MissingRoles);
			assert_ok!(attempt(
				DelegatorKind::NetworkRestake,
				vec![(Role::NetworkLimitSetter, BOB), (Role::OperatorNetworkSharesSetter, CHARLIE)]
			));
			assert_ok!(attempt(
				DelegatorKind::FullRestake,
				vec![(Role::NetworkLimitSetter, BOB), (Role::OperatorNetworkLimitSetter, BOB)]
			));
			assert_ok!(attempt(op, vec![(Role::NetworkLimitSetter, BOB)]));
			// The network alone sizes a network-and-operator-specific vault.
			let pair = DelegatorKind::OperatorNetworkSpecific { operator: BOB, network: CHARLIE };
			assert_ok!(attempt(pair, vec![]));
		});
	}

	#[test]
	fn operator_and_network_specific_vaults_name_registered_accounts() {
		build_and_execute(|| {
			let attempt = |kind: DelegatorKind<AccountId>| {
				let mut c = config(NATIVE);
				c.delegator = kind;
				Vaults::create_vault(origin(ALICE), c)
			};
			assert_noop!(
				attempt(DelegatorKind::OperatorSpecific { operator: NOBODY }),
				Error::<Test>::NotOperator
			);
			assert_noop!(
				attempt(DelegatorKind::OperatorNetworkSpecific { operator: NOBODY, network: BOB }),
				Error::<Test>::NotOperator
			);
			assert_noop!(
				attempt(DelegatorKind::OperatorNetworkSpecific { operator: BOB, network: NOBODY }),
				Error::<Test>::NotNetwork
			);
			assert_ok!(attempt(DelegatorKind::OperatorNetworkSpecific {
				operator: BOB,
				network: CHARLIE
			}));
		});
	}

	#[test]
	fn a_role_holder_listed_twice_is_refused() {
		build_and_execute(|| {
			let mut c = config(NATIVE);
			c.roles = roles(vec![(Role::Admin, ALICE), (Role::Admin, ALICE)]);
			assert_noop!(
				Vaults::create_vault(origin(ALICE), c),
				Error::<Test>::DuplicateRoleHolder
			);
		});
	}

	#[test]
	fn a_creator_who_cannot_pay_is_refused() {
		build_and_execute(|| {
			assert_noop!(
				Vaults::create_vault(origin(NOBODY), config(NATIVE)),
				TokenError::FundsUnavailable
			);
		});
	}
}

mod deposits_and_withdrawals {
	use super::*;

	#[test]
	fn the_first_deposit_mints_one_share_per_unit() {
		build_and_execute(|| {
			let v = create(config(NATIVE));
			assert_ok!(Vaults::deposit(origin(BOB), v, CHARLIE, 1_000));
			assert_eq!(
				events(),
				vec![Event::Deposited {
					vault: v,
					depositor: BOB,
					on_behalf_of: CHARLIE,
					amount: 1_000,
					shares: 1_000
				}]
			);
			assert_eq!(Vaults::active_stake(v), 1_000);
			assert_eq!(Vaults::active_shares(v), 1_000);
			assert_eq!(Vaults::shares_of(v, &CHARLIE), 1_000);
			assert_eq!(Vaults::shares_of(v, &BOB), 0);
			assert_eq!(balance(NATIVE, Vaults::account_of(v)), ED + 1_000);
			assert_eq!(Vaults::active_balance_of(v, &CHARLIE), 1_000);
			assert_eq!(Vaults::total_stake(v), 1_000);
		});
	}

	#[test]
	fn deposit_errors() {
		build_and_execute(|| {
			assert_noop!(Vaults::deposit(origin(BOB), 9, BOB, 1), Error::<Test>::UnknownVault);
			let v = create(config(NATIVE));
			assert_noop!(
				Vaults::deposit(origin(BOB), v, BOB, 0),
				Error::<Test>::InsufficientDeposit
			);
			// The depositor's account is kept alive (Bob's native balance also backs his asset
			// account, so all of it is frozen in place).
			assert_noop!(Vaults::deposit(origin(BOB), v, BOB, ENDOWMENT), TokenError::Frozen);
		});
	}

	#[test]
	fn whitelist_mode_checks_the_caller_not_the_beneficiary() {
		build_and_execute(|| {
			let v = create(config(NATIVE));
			assert_ok!(Vaults::grant_role(origin(ALICE), v, Role::DepositWhitelistSetter, ALICE));
			assert_ok!(Vaults::grant_role(origin(ALICE), v, Role::DepositorWhitelister, ALICE));
			assert_ok!(Vaults::set_deposit_whitelist(origin(ALICE), v, true));
			assert_ok!(Vaults::set_depositor_whitelist_status(origin(ALICE), v, BOB, true));
			assert_noop!(
				Vaults::deposit(origin(CHARLIE), v, BOB, 10),
				Error::<Test>::NotWhitelistedDepositor
			);
			assert_ok!(Vaults::deposit(origin(BOB), v, CHARLIE, 10));
			assert_ok!(Vaults::set_depositor_whitelist_status(origin(ALICE), v, BOB, false));
			assert_noop!(
				Vaults::deposit(origin(BOB), v, BOB, 10),
				Error::<Test>::NotWhitelistedDepositor
			);
		});
	}

	#[test]
	fn the_deposit_limit_caps_active_stake_only() {
		build_and_execute(|| {
			let mut c = config(NATIVE);
			c.is_deposit_limit = true;
			c.deposit_limit = 1_000;
			let v = create(c);
			assert_ok!(Vaults::deposit(origin(BOB), v, BOB, 600));
			assert_noop!(
				Vaults::deposit(origin(BOB), v, BOB, 401),
				Error::<Test>::DepositLimitReached
			);
			// A pending withdrawal does not count against the limit.
			assert_ok!(Vaults::withdraw(origin(BOB), v, BOB, 100));
			assert_ok!(Vaults::deposit(origin(BOB), v, BOB, 500));
			assert_eq!(Vaults::active_stake(v), 1_000);
			assert_eq!(Vaults::total_stake(v), 1_100);
		});
	}

	#[test]
	fn withdraw_burns_rounded_up_into_the_next_bucket() {
		build_and_execute(|| {
			let v = create(config(NATIVE));
			assert_ok!(Vaults::deposit(origin(BOB), v, BOB, 1_000));
			// Make the share price 3:2 (A = 1000 → 600 after a 400 slash with S = 1000).
			assert_ok!(slash(v, 400, 1));
			assert_eq!(Vaults::active_stake(v), 600);
			events();
			// 100 assets = ⌈100·1001/601⌉ = 167 shares (166.56 rounded up).
			assert_ok!(Vaults::withdraw(origin(BOB), v, DAVE, 100));
			assert_eq!(
				events(),
				vec![Event::Withdrawn {
					vault: v,
					withdrawer: BOB,
					claimer: DAVE,
					amount: 100,
					burned_shares: 167,
					withdrawal_shares: 100,
					epoch: 1,
				}]
			);
			assert_eq!(Vaults::shares_of(v, &BOB), 833);
			assert_eq!(Vaults::active_stake(v), 500);
			assert_eq!(epoch_bucket(v, 1), 100);
			assert_eq!(Vaults::withdrawals_of(v, 1, &DAVE), 100);
			assert_eq!(Vaults::slashable_balance_of(v, &DAVE), 100);
		});
	}

	#[test]
	fn withdraw_errors() {
		build_and_execute(|| {
			let v = create(config(NATIVE));
			assert_ok!(Vaults::deposit(origin(BOB), v, BOB, 1_000));
			assert_noop!(
				Vaults::withdraw(origin(BOB), v, BOB, 0),
				Error::<Test>::InsufficientWithdrawal
			);
			assert_noop!(
				Vaults::withdraw(origin(BOB), v, BOB, 1_001),
				Error::<Test>::TooMuchWithdraw
			);
			assert_noop!(
				Vaults::withdraw(origin(CHARLIE), v, CHARLIE, 1),
				Error::<Test>::TooMuchWithdraw
			);
			assert_noop!(Vaults::withdraw(origin(BOB), 7, BOB, 1), Error::<Test>::UnknownVault);
		});
	}

	#[test]
	fn redeem_pays_rounded_down_and_its_errors() {
		build_and_execute(|| {
			let v = create(config(NATIVE));
			assert_ok!(Vaults::deposit(origin(BOB), v, BOB, 1_000));
			assert_ok!(slash(v, 400, 1));
			events();
			// 100 shares = ⌊100·601/1001⌋ = 60 assets.
			assert_ok!(Vaults::redeem(origin(BOB), v, BOB, 100));
			assert_eq!(
				events()[0],
				Event::Withdrawn {
					vault: v,
					withdrawer: BOB,
					claimer: BOB,
					amount: 60,
					burned_shares: 100,
					withdrawal_shares: 60,
					epoch: 1,
				}
			);
			assert_noop!(Vaults::redeem(origin(BOB), v, BOB, 901), Error::<Test>::TooMuchRedeem);
			// One share is worth 0.6 units: nothing to pay.
			assert_noop!(
				Vaults::redeem(origin(BOB), v, BOB, 1),
				Error::<Test>::InsufficientRedemption
			);
			assert_noop!(
				Vaults::redeem(origin(BOB), v, BOB, 0),
				Error::<Test>::InsufficientRedemption
			);
		});
	}

	#[test]
	fn a_fully_slashed_vault_refuses_deposits() {
		build_and_execute(|| {
			let v = create(config(NATIVE));
			assert_ok!(Vaults::deposit(origin(BOB), v, BOB, 1_000));
			assert_ok!(slash(v, 5_000, 1));
			assert_eq!(Vaults::active_stake(v), 0);
			assert_noop!(
				Vaults::deposit(origin(CHARLIE), v, CHARLIE, 1_000),
				Error::<Test>::VaultFullySlashed
			);
		});
	}

	#[test]
	fn share_overflow_is_an_error_not_a_panic() {
		build_and_execute(|| {
			let v = create(config(NATIVE));
			// A vault whose shares are already near the bound (as after many deep slashes).
			ActiveShares::<Test>::push(&v, 1, u128::MAX - 5, 0).unwrap();
			SharesOf::<Test>::push(&(v, BOB), 1, u128::MAX - 5, 0).unwrap();
			ActiveStake::<Test>::push(&v, 1, 1, 0).unwrap();
			Ledgers::<Test>::mutate(v, |l| l.deposited = 1);
			<Balances as frame_support::traits::fungible::Mutate<_>>::mint_into(
				&Vaults::account_of(v),
				1,
			)
			.unwrap();
			assert_noop!(
				Vaults::deposit(origin(CHARLIE), v, CHARLIE, 1_000),
				Error::<Test>::SharesOverflow
			);
		});
	}

	#[test]
	fn an_inflation_donation_does_not_zero_the_next_depositor() {
		build_and_execute(|| {
			let v = create(config(NATIVE));
			assert_ok!(Vaults::deposit(origin(BOB), v, BOB, 1));
			// A donation straight to the vault account is not stake: it changes no share price.
			assert_ok!(NativeAndAssets::transfer(
				NATIVE,
				&BOB,
				&Vaults::account_of(v),
				100_000,
				Preservation::Preserve
			));
			assert_ok!(Vaults::deposit(origin(CHARLIE), v, CHARLIE, 1_000));
			assert_eq!(Vaults::shares_of(v, &CHARLIE), 1_000);
			// The donation shows up as surplus, which the conservation check tolerates only as
			// "balance ≥ owed"; undo it so the exact ledger check holds.
			assert_ok!(NativeAndAssets::transfer(
				NATIVE,
				&Vaults::account_of(v),
				&BOB,
				100_000,
				Preservation::Preserve
			));
		});
	}
}

mod claims {
	use super::*;

	/// Bob deposits 1000 at block 1 and withdraws 300 for himself in epoch 0 (bucket 1).
	fn setup() -> VaultId {
		let v = create(config(NATIVE));
		assert_ok!(Vaults::deposit(origin(BOB), v, BOB, 1_000));
		assert_ok!(Vaults::withdraw(origin(BOB), v, BOB, 300));
		events();
		v
	}

	#[test]
	fn a_withdrawal_is_claimable_once_its_epoch_ends() {
		build_and_execute(|| {
			let v = setup();
			// Epoch 1 (blocks 11..=20): bucket 1 is still slashable, not claimable.
			run_to_block(20);
			assert_noop!(Vaults::claim(origin(BOB), v, BOB, 1), Error::<Test>::InvalidEpoch);
			run_to_block(21);
			let before = balance(NATIVE, DAVE);
			assert_ok!(Vaults::claim(origin(BOB), v, DAVE, 1));
			assert_eq!(
				events(),
				vec![Event::Claimed {
					vault: v,
					claimer: BOB,
					recipient: DAVE,
					epoch: 1,
					amount: 300
				}]
			);
			assert_eq!(balance(NATIVE, DAVE), before + 300);
			assert_eq!(Vaults::withdrawals_of(v, 1, &BOB), 0);
			assert_noop!(Vaults::claim(origin(BOB), v, BOB, 1), Error::<Test>::AlreadyClaimed);
			assert_noop!(
				Vaults::claim(origin(CHARLIE), v, CHARLIE, 1),
				Error::<Test>::InsufficientClaim
			);
			assert_noop!(Vaults::claim(origin(BOB), v, BOB, 2), Error::<Test>::InvalidEpoch);
		});
	}

	#[test]
	fn claim_batch_pays_once_and_fails_whole() {
		build_and_execute(|| {
			let v = setup();
			run_to_block(11);
			assert_ok!(Vaults::withdraw(origin(BOB), v, BOB, 200));
			run_to_block(31);
			events();
			let batch = |e: Vec<u64>| BoundedVec::<u64, ConstU32<MAX_BATCH>>::truncate_from(e);
			assert_noop!(
				Vaults::claim_batch(origin(BOB), v, BOB, batch(vec![])),
				Error::<Test>::InvalidLengthEpochs
			);
			assert_noop!(
				Vaults::claim_batch(origin(BOB), v, BOB, batch(vec![1, 1])),
				Error::<Test>::AlreadyClaimed
			);
			assert_noop!(
				Vaults::claim_batch(origin(BOB), v, BOB, batch(vec![1, 3])),
				Error::<Test>::InvalidEpoch
			);
			assert_ok!(Vaults::claim_batch(origin(BOB), v, CHARLIE, batch(vec![2, 1])));
			assert_eq!(
				events(),
				vec![Event::ClaimedBatch {
					vault: v,
					claimer: BOB,
					recipient: CHARLIE,
					epochs: batch(vec![2, 1]),
					amount: 500
				}]
			);
		});
	}

	#[test]
	fn a_slashed_bucket_pays_pro_rata() {
		build_and_execute(|| {
			let v = setup();
			assert_ok!(Vaults::withdraw(origin(BOB), v, CHARLIE, 100));
			// Capture in the current epoch: pool = A (600) + W[1] (400); half of it goes.
			assert_ok!(slash(v, 500, 1));
			assert_eq!(Vaults::active_stake(v), 300);
			assert_eq!(epoch_bucket(v, 1), 200);
			run_to_block(21);
			assert_ok!(Vaults::claim(origin(BOB), v, BOB, 1));
			assert_ok!(Vaults::claim(origin(CHARLIE), v, CHARLIE, 1));
			// ⌊300·201/401⌋ = 150 and ⌊100·201/401⌋ = 50.
			let paid: Vec<u128> = events()
				.into_iter()
				.filter_map(|e| match e {
					Event::Claimed { amount, .. } => Some(amount),
					_ => None,
				})
				.collect();
			assert_eq!(paid, vec![150, 50]);
		});
	}
}

mod liquid_shares {
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
}

mod shares_as_fungibles {
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
}

mod settings_and_roles {
	use super::*;

	#[test]
	fn setters_need_their_role_and_a_change() {
		build_and_execute(|| {
			let v = create(config(NATIVE));
			assert_noop!(
				Vaults::set_deposit_whitelist(origin(BOB), v, true),
				Error::<Test>::MissingRole
			);
			assert_noop!(
				Vaults::set_depositor_whitelist_status(origin(BOB), v, CHARLIE, true),
				Error::<Test>::MissingRole
			);
			assert_noop!(
				Vaults::set_is_deposit_limit(origin(BOB), v, true),
				Error::<Test>::MissingRole
			);
			assert_noop!(Vaults::set_deposit_limit(origin(BOB), v, 5), Error::<Test>::MissingRole);
			for role in [
				Role::DepositWhitelistSetter,
				Role::DepositorWhitelister,
				Role::DepositLimitToggler,
				Role::DepositLimitSetter,
			] {
				assert_ok!(Vaults::grant_role(origin(ALICE), v, role, BOB));
			}
			events();
			assert_ok!(Vaults::set_deposit_whitelist(origin(BOB), v, true));
			assert_ok!(Vaults::set_depositor_whitelist_status(origin(BOB), v, CHARLIE, true));
			assert_ok!(Vaults::set_is_deposit_limit(origin(BOB), v, true));
			assert_ok!(Vaults::set_deposit_limit(origin(BOB), v, 5));
			assert_eq!(
				events(),
				vec![
					Event::DepositWhitelistSet { vault: v, enabled: true },
					Event::DepositorWhitelistStatusSet { vault: v, account: CHARLIE, status: true },
					Event::IsDepositLimitSet { vault: v, enabled: true },
					Event::DepositLimitSet { vault: v, limit: 5 },
				]
			);
			assert_noop!(
				Vaults::set_deposit_whitelist(origin(BOB), v, true),
				Error::<Test>::AlreadySet
			);
			assert_noop!(
				Vaults::set_depositor_whitelist_status(origin(BOB), v, CHARLIE, true),
				Error::<Test>::AlreadySet
			);
			assert_noop!(
				Vaults::set_is_deposit_limit(origin(BOB), v, true),
				Error::<Test>::AlreadySet
			);
			assert_noop!(Vaults::set_deposit_limit(origin(BOB), v, 5), Error::<Test>::AlreadySet);
			assert_noop!(Vaults::set_deposit_limit(origin(BOB), 9, 6), Error::<Test>::UnknownVault);
		});
	}

	#[test]
	fn the_admin_grants_and_revokes() {
		build_and_execute(|| {
			let v = create(config(NATIVE));
			assert_noop!(
				Vaults::grant_role(origin(BOB), v, Role::Admin, BOB),
				Error::<Test>::MissingRole
			);
			assert_ok!(Vaults::grant_role(origin(ALICE), v, Role::DepositLimitSetter, BOB));
			assert_noop!(
				Vaults::grant_role(origin(ALICE), v, Role::DepositLimitSetter, BOB),
				Error::<Test>::AlreadySet
			);
			assert_ok!(Vaults::revoke_role(origin(ALICE), v, Role::DepositLimitSetter, BOB));
			assert_eq!(
				events(),
				vec![
					Event::RoleGranted { vault: v, role: Role::DepositLimitSetter, account: BOB },
					Event::RoleRevoked { vault: v, role: Role::DepositLimitSetter, account: BOB },
				]
			);
			assert_noop!(
				Vaults::revoke_role(origin(ALICE), v, Role::DepositLimitSetter, BOB),
				Error::<Test>::AlreadySet
			);
			assert!(!Vaults::has_role(v, Role::DepositLimitSetter, &BOB));
		});
	}

	#[test]
	fn calls_refuse_root_and_unsigned_origins() {
		build_and_execute(|| {
			let v = create(config(NATIVE));
			for o in [RuntimeOrigin::root(), RuntimeOrigin::none()] {
				assert_noop!(
					Vaults::create_vault(o.clone(), config(NATIVE)),
					DispatchError::BadOrigin
				);
				assert_noop!(Vaults::deposit(o.clone(), v, BOB, 1), DispatchError::BadOrigin);
				assert_noop!(Vaults::withdraw(o.clone(), v, BOB, 1), DispatchError::BadOrigin);
				assert_noop!(Vaults::redeem(o.clone(), v, BOB, 1), DispatchError::BadOrigin);
				assert_noop!(Vaults::claim(o.clone(), v, BOB, 0), DispatchError::BadOrigin);
				assert_noop!(
					Vaults::transfer_shares(o.clone(), v, BOB, 1),
					DispatchError::BadOrigin
				);
				assert_noop!(
					Vaults::grant_role(o.clone(), v, Role::Admin, BOB),
					DispatchError::BadOrigin
				);
			}
		});
	}
}

mod slashing {
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
}

mod router_burner {
	use super::*;
	use crate::{PendingSlashed, Route, RouteEntry, RouterReceivers};

	const DELAY: u64 = 5;
	const VICTIM: AccountId = 60;
	const OTHER_OP: AccountId = 52;
	const OTHER_NET: AccountId = 53;

	/// A native-collateral router vault (fallback Charlie) whose admin Alice holds the setter
	/// role, with 1 000 of Bob's stake.
	fn router_vault(collateral: AssetKind) -> VaultId {
		let mut c = config(collateral);
		c.burner = Burner::Router { fallback: CHARLIE, delay: DELAY };
		c.roles = roles(vec![(Role::Admin, ALICE), (Role::BurnerRouterSetter, ALICE)]);
		let v = create(c);
		assert_ok!(Vaults::deposit(origin(BOB), v, BOB, 1_000));
		events();
		v
	}

	fn slash_of(v: VaultId, network: AccountId, operator: AccountId) -> u128 {
		<Vaults as VaultSlashing<_, _>>::on_slash(
			v,
			&network,
			&operator,
			10,
			System::block_number(),
		)
		.expect("capture in the current epoch")
	}

	#[test]
	fn receivers_go_operator_then_network_then_fallback() {
		build_and_execute(|| {
			let v = router_vault(NATIVE);
			assert_eq!(
				RouterReceivers::<Test>::get(v, Route::Fallback),
				Some(RouteEntry { current: Some(CHARLIE), pending: None })
			);
			assert_ok!(Vaults::set_router_receiver(
				origin(ALICE),
				v,
				Route::Network(NET),
				Some(DAVE)
			));
			assert_ok!(Vaults::set_router_receiver(
				origin(ALICE),
				v,
				Route::Operator { network: NET, operator: OP },
				Some(VICTIM)
			));
			assert_eq!(
				events(),
				vec![
					Event::RouterReceiverSet {
						vault: v,
						route: Route::Network(NET),
						receiver: Some(DAVE),
						effective_at: 1 + DELAY
					},
					Event::RouterReceiverSet {
						vault: v,
						route: Route::Operator { network: NET, operator: OP },
						receiver: Some(VICTIM),
						effective_at: 1 + DELAY
					},
				]
			);
			// Not in force yet: everything still reaches the fallback.
			run_to_block(DELAY);
			let charlie = balance(NATIVE, CHARLIE);
			slash_of(v, NET, OP);
			assert_eq!(balance(NATIVE, CHARLIE), charlie + 10);
			assert_eq!(Vaults::slash_receiver(v, NET, OP), Some(CHARLIE));

			run_to_block(1 + DELAY);
			events();
			let (dave, victim, charlie) =
				(balance(NATIVE, DAVE), balance(NATIVE, VICTIM), balance(NATIVE, CHARLIE));
			slash_of(v, NET, OP);
			slash_of(v, NET, OTHER_OP);
			slash_of(v, OTHER_NET, OP);
			assert_eq!(balance(NATIVE, VICTIM), victim + 10);
			assert_eq!(balance(NATIVE, DAVE), dave + 10);
			assert_eq!(balance(NATIVE, CHARLIE), charlie + 10);
			assert_eq!(
				events()[0],
				Event::Slashed {
					vault: v,
					network: NET,
					operator: OP,
					receiver: Some(VICTIM),
					requested: 10,
					capture: 1 + DELAY,
					slashed: 10,
					deferred: false
				}
			);
			assert_eq!(Vaults::slash_receiver(v, NET, OTHER_OP), Some(DAVE));
		});
	}

	#[test]
	fn changes_wait_for_the_delay_and_can_be_withdrawn() {
		build_and_execute(|| {
			let v = router_vault(NATIVE);
			let route = Route::Network(NET);
			// Only the setter role; only router vaults; the fallback cannot go.
			assert_noop!(
				Vaults::set_router_receiver(origin(BOB), v, route.clone(), Some(DAVE)),
				Error::<Test>::MissingRole
			);
			let plain = create(config(NATIVE));
			assert_noop!(
				Vaults::set_router_receiver(origin(ALICE), plain, route.clone(), Some(DAVE)),
				Error::<Test>::NotRouter
			);
			assert_noop!(
				Vaults::set_router_receiver(origin(ALICE), v, Route::Fallback, None),
				Error::<Test>::FallbackRequired
			);
			assert_noop!(
				Vaults::set_router_receiver(origin(ALICE), v, Route::Fallback, Some(CHARLIE)),
				Error::<Test>::AlreadySet
			);
			assert_noop!(
				Vaults::set_router_receiver(origin(ALICE), v, route.clone(), None),
				Error::<Test>::AlreadySet
			);

			assert_ok!(Vaults::set_router_receiver(origin(ALICE), v, route.clone(), Some(DAVE)));
			assert_noop!(
				Vaults::set_router_receiver(origin(ALICE), v, route.clone(), Some(DAVE)),
				Error::<Test>::AlreadySet
			);
			// Setting the receiver in force (none) withdraws the change.
			assert_ok!(Vaults::set_router_receiver(origin(ALICE), v, route.clone(), None));
			assert_eq!(RouterReceivers::<Test>::get(v, &route), None);
			assert_eq!(
				events().last(),
				Some(&Event::RouterReceiverChangeCancelled { vault: v, route: route.clone() })
			);
			run_to_block(1 + DELAY);
			assert_eq!(Vaults::slash_receiver(v, NET, OP), Some(CHARLIE));

			// A change made later applies later; a second change replaces the first.
			assert_ok!(Vaults::set_router_receiver(origin(ALICE), v, route.clone(), Some(DAVE)));
			run_to_block(3 + DELAY);
			assert_ok!(Vaults::set_router_receiver(origin(ALICE), v, route.clone(), Some(VICTIM)));
			run_to_block(1 + 2 * DELAY);
			assert_eq!(Vaults::slash_receiver(v, NET, OP), Some(CHARLIE));
			run_to_block(3 + 2 * DELAY);
			assert_eq!(Vaults::slash_receiver(v, NET, OP), Some(VICTIM));

			// Removing a route (with the delay) hands its slashes back to the fallback, which
			// itself changes only with the delay.
			assert_ok!(Vaults::set_router_receiver(origin(ALICE), v, route.clone(), None));
			assert_ok!(Vaults::set_router_receiver(origin(ALICE), v, Route::Fallback, Some(DAVE)));
			assert_eq!(Vaults::slash_receiver(v, NET, OP), Some(VICTIM));
			run_to_block(3 + 3 * DELAY);
			assert_eq!(Vaults::slash_receiver(v, NET, OP), Some(DAVE));
			// The removed route's entry goes once its removal is settled by a write.
			assert_ok!(Vaults::set_router_receiver(origin(ALICE), v, route.clone(), Some(BOB)));
			assert_ok!(Vaults::set_router_receiver(origin(ALICE), v, route.clone(), None));
			assert_eq!(RouterReceivers::<Test>::get(v, &route), None);
		});
	}

	/// A routed slash that cannot leave a frozen vault stays owed to the receiver chosen at the
	/// slash, whatever the routes say later.
	#[test]
	fn a_deferred_routed_slash_keeps_its_receiver() {
		build_and_execute(|| {
			let v = router_vault(USD);
			assert_ok!(Vaults::set_router_receiver(
				origin(ALICE),
				v,
				Route::Network(NET),
				Some(DAVE)
			));
			run_to_block(1 + DELAY);
			assert_ok!(Assets::freeze(origin(ALICE), ASSET, Vaults::account_of(v)));
			assert_eq!(slash(v, 100, 1 + DELAY), Ok(100));
			assert_eq!(PendingSlashed::<Test>::get(v, Some(DAVE)), 100);
			assert_eq!(Ledgers::<Test>::get(v).pending_burn, 100);
			// Conservation counts what is still owed to the receiver.
			assert_eq!(Vaults::do_try_state(), Ok(()));
			assert_ok!(Vaults::set_router_receiver(origin(ALICE), v, Route::Network(NET), None));
			run_to_block(1 + 2 * DELAY);
			assert_ok!(Assets::thaw(origin(ALICE), ASSET, Vaults::account_of(v)));
			assert_noop!(
				Vaults::release_slashed(origin(BOB), v, None),
				Error::<Test>::NothingToRelease
			);
			assert_noop!(
				Vaults::release_slashed(origin(BOB), v, Some(CHARLIE)),
				Error::<Test>::NothingToRelease
			);
			let dave = balance(USD, DAVE);
			events();
			assert_ok!(Vaults::release_slashed(origin(BOB), v, Some(DAVE)));
			assert_eq!(balance(USD, DAVE), dave + 100);
			assert_eq!(
				events(),
				vec![Event::SlashedReleased { vault: v, receiver: Some(DAVE), amount: 100 }]
			);
			assert_eq!(Ledgers::<Test>::get(v).pending_burn, 0);
		});
	}
}

mod frozen_collateral {
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
			assert_noop!(
				Vaults::release_slashed(origin(DAVE), v, None),
				TokenError::FundsUnavailable
			);
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
			assert_noop!(
				Vaults::release_slashed(origin(DAVE), 9, None),
				Error::<Test>::UnknownVault
			);
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
			assert_noop!(
				Vaults::release_slashed(origin(DAVE), v, None),
				TokenError::FundsUnavailable
			);
			assert_ok!(Assets::thaw_asset(origin(ALICE), ASSET));
			assert_ok!(Vaults::release_slashed(origin(DAVE), v, None));
			assert_eq!(Vaults::active_stake(v), 800);
		});
	}
}

mod front_running {
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
			assert_noop!(
				Vaults::withdraw(origin(BOB), v, BOB, whole),
				Error::<Test>::TooMuchWithdraw
			);
			assert_ok!(Vaults::redeem(origin(BOB), v, BOB, shares));
			assert_eq!(Vaults::shares_of(v, &BOB), 0);
			// 1 000 shares of a 1 999-unit, 2 000-share pool: ⌊1000·2000/2001⌋ = 999.
			assert_eq!(Vaults::withdrawals_of(v, 1, &BOB), 999);
			assert_eq!(Vaults::active_balance_of(v, &CHARLIE), 1_000);
		});
	}
}

mod history {
	use super::*;

	#[test]
	fn stake_lookups_answer_inside_the_window_only() {
		build_and_execute(|| {
			let v = create(config(NATIVE));
			assert_ok!(Vaults::deposit(origin(BOB), v, BOB, 100));
			run_to_block(3);
			assert_ok!(Vaults::deposit(origin(BOB), v, BOB, 50));
			assert_eq!(Vaults::active_stake_at(v, 1), Ok(100));
			assert_eq!(Vaults::active_stake_at(v, 2), Ok(100));
			assert_eq!(Vaults::active_stake_at(v, 3), Ok(150));
			assert_eq!(Vaults::active_shares_at(v, 3), Ok(150));
			assert_eq!(Vaults::active_stake_at(v, 4), Err(Error::<Test>::FutureBlock.into()));
			assert_eq!(<Vaults as VaultsInspect<_, _>>::active_stake_at(v, 3), Ok(150));
			// Window: two epochs (20) plus the lookback (5).
			run_to_block(30);
			assert_eq!(Vaults::active_stake_at(v, 5), Ok(150));
			assert_eq!(Vaults::active_stake_at(v, 4), Err(Error::<Test>::HistoryPruned.into()));
			assert_eq!(Vaults::active_stake_at(9, 30), Err(Error::<Test>::UnknownVault.into()));
		});
	}

	#[test]
	fn histories_stay_about_one_window_long() {
		build_and_execute(|| {
			let v = create(config(NATIVE));
			for b in 1..=200u64 {
				run_to_block(b);
				assert_ok!(Vaults::deposit(origin(BOB), v, BOB, 1));
			}
			// Window 25 blocks: about 26 entries kept, not 200.
			assert!(ActiveStakeHead::<Test>::get(v).unwrap().len <= 27);
			assert!(SharesOfHead::<Test>::get((v, BOB)).unwrap().len <= 27);
			assert_eq!(Vaults::active_stake_at(v, 180), Ok(180));
		});
	}
}

mod random_operations {
	use super::*;
	use frame_support::storage::with_storage_layer;

	/// A seeded stream of deposits, withdrawals, redemptions, claims, share transfers, slashes
	/// and block advances from random callers, with `do_try_state` (shares, buckets,
	/// conservation) after every step. Failing operations must change nothing.
	#[test]
	fn invariants_hold_under_a_random_operation_stream() {
		build_and_execute(|| {
			let v = create(config(NATIVE));
			let users: [AccountId; 5] = [BOB, CHARLIE, DAVE, 5, 6];
			let mut seed = 0x9e37_79b9_7f4a_7c15u64;
			let mut rnd = move |n: u64| {
				seed ^= seed << 13;
				seed ^= seed >> 7;
				seed ^= seed << 17;
				seed % n.max(1)
			};
			let mut block = 1u64;
			let (mut ok, mut failed) = (0u32, 0u32);
			for _ in 0..3_000 {
				let who = users[rnd(5) as usize];
				let other = users[rnd(5) as usize];
				let result = match rnd(9) {
					0 | 1 => Vaults::deposit(origin(who), v, other, 1 + rnd(10_000) as u128),
					2 => Vaults::withdraw(origin(who), v, other, 1 + rnd(5_000) as u128),
					3 => Vaults::redeem(origin(who), v, other, 1 + rnd(5_000) as u128),
					4 => {
						let current = Vaults::current_epoch_of(v).unwrap();
						Vaults::claim(origin(who), v, other, rnd(current + 2))
					},
					5 => Vaults::transfer_shares(origin(who), v, other, 1 + rnd(3_000) as u128),
					6 => {
						let capture = block.saturating_sub(rnd(2 * D)).max(1);
						with_storage_layer(|| slash(v, rnd(3_000) as u128, capture).map(|_| ()))
					},
					_ => {
						block += 1 + rnd(4);
						run_to_block(block);
						Ok(())
					},
				};
				if result.is_ok() {
					ok += 1;
				} else {
					failed += 1;
				}
				Vaults::do_try_state().expect("invariants hold after every operation");
			}
			// The stream exercised both paths.
			assert!(ok > 1_000 && failed > 100, "ok {ok}, failed {failed}");
		});
	}
}

/// Findings of the security review and the comparison with the reference (issue 13): each test
/// failed before its fix.
mod review {
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
		assert_ok!(NativeAndAssets::transfer(
			NATIVE,
			&MALLORY,
			&victim,
			ED,
			Preservation::Preserve
		));
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
			assert_noop!(
				Vaults::create_vault(origin(ALICE), c.clone()),
				Error::<Test>::MissingRoles
			);
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
			assert_noop!(
				Vaults::deposit(origin(BOB), v, BOB, 101),
				Error::<Test>::DepositLimitReached
			);
		});
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
