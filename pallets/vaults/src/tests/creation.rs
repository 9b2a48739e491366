// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

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
		let attempt = |whitelist: bool, limit_on: bool, limit: u128, r: Vec<(Role, AccountId)>| {
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
		assert_noop!(attempt(DelegatorKind::NetworkRestake, vec![]), Error::<Test>::MissingRoles);
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
		assert_noop!(Vaults::create_vault(origin(ALICE), c), Error::<Test>::DuplicateRoleHolder);
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
