// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Deposit settings and roles.

use super::*;

impl<T: Config> Pallet<T> {
	/// Changes one setting of `vault` if `who` holds `role`: `field` picks the setting, and an
	/// unchanged value is `AlreadySet`.
	pub(crate) fn set_setting<V: PartialEq>(
		who: &T::AccountId,
		vault: VaultId,
		role: Role,
		value: V,
		field: impl FnOnce(&mut VaultInfoOf<T>) -> &mut V,
	) -> DispatchResult {
		Vaults::<T>::try_mutate(vault, |info| {
			let info = info.as_mut().ok_or(Error::<T>::UnknownVault)?;
			Self::ensure_role(vault, role, who)?;
			let current = field(info);
			ensure!(*current != value, Error::<T>::AlreadySet);
			*current = value;
			Ok(())
		})
	}

	pub(crate) fn do_set_deposit_whitelist(
		who: &T::AccountId,
		vault: VaultId,
		enabled: bool,
	) -> DispatchResult {
		Self::set_setting(who, vault, Role::DepositWhitelistSetter, enabled, |i| {
			&mut i.deposit_whitelist
		})?;
		Self::deposit_event(Event::DepositWhitelistSet { vault, enabled });
		Ok(())
	}

	pub(crate) fn do_set_depositor_whitelist_status(
		who: &T::AccountId,
		vault: VaultId,
		account: T::AccountId,
		status: bool,
	) -> DispatchResult {
		Self::info(vault)?;
		Self::ensure_role(vault, Role::DepositorWhitelister, who)?;
		ensure!(
			DepositorWhitelist::<T>::contains_key(vault, &account) != status,
			Error::<T>::AlreadySet
		);
		if status {
			DepositorWhitelist::<T>::insert(vault, &account, ());
		} else {
			DepositorWhitelist::<T>::remove(vault, &account);
		}
		Self::deposit_event(Event::DepositorWhitelistStatusSet { vault, account, status });
		Ok(())
	}

	pub(crate) fn do_set_is_deposit_limit(
		who: &T::AccountId,
		vault: VaultId,
		enabled: bool,
	) -> DispatchResult {
		Self::set_setting(who, vault, Role::DepositLimitToggler, enabled, |i| {
			&mut i.is_deposit_limit
		})?;
		Self::deposit_event(Event::IsDepositLimitSet { vault, enabled });
		Ok(())
	}

	pub(crate) fn do_set_deposit_limit(
		who: &T::AccountId,
		vault: VaultId,
		limit: u128,
	) -> DispatchResult {
		Self::set_setting(who, vault, Role::DepositLimitSetter, limit, |i| &mut i.deposit_limit)?;
		Self::deposit_event(Event::DepositLimitSet { vault, limit });
		Ok(())
	}

	pub(crate) fn do_set_role(
		who: &T::AccountId,
		vault: VaultId,
		role: Role,
		account: T::AccountId,
		grant: bool,
	) -> DispatchResult {
		Self::info(vault)?;
		Self::ensure_role(vault, Role::Admin, who)?;
		ensure!(Self::has_role(vault, role, &account) != grant, Error::<T>::AlreadySet);
		if grant {
			RoleHolders::<T>::insert((vault, role, &account), ());
			Self::deposit_event(Event::RoleGranted { vault, role, account });
		} else {
			RoleHolders::<T>::remove((vault, role, &account));
			Self::deposit_event(Event::RoleRevoked { vault, role, account });
		}
		Ok(())
	}
}
