// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

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
		assert_noop!(Vaults::set_is_deposit_limit(origin(BOB), v, true), Error::<Test>::AlreadySet);
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
			assert_noop!(Vaults::create_vault(o.clone(), config(NATIVE)), DispatchError::BadOrigin);
			assert_noop!(Vaults::deposit(o.clone(), v, BOB, 1), DispatchError::BadOrigin);
			assert_noop!(Vaults::withdraw(o.clone(), v, BOB, 1), DispatchError::BadOrigin);
			assert_noop!(Vaults::redeem(o.clone(), v, BOB, 1), DispatchError::BadOrigin);
			assert_noop!(Vaults::claim(o.clone(), v, BOB, 0), DispatchError::BadOrigin);
			assert_noop!(Vaults::transfer_shares(o.clone(), v, BOB, 1), DispatchError::BadOrigin);
			assert_noop!(
				Vaults::grant_role(o.clone(), v, Role::Admin, BOB),
				DispatchError::BadOrigin
			);
		}
	});
}
