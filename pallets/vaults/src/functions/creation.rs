// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Vault creation: checks, the creation deposit and the keep-alive reserve.

use super::*;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_create_vault(
		creator: &T::AccountId,
		config: VaultConfigOf<T>,
	) -> Result<VaultId, DispatchError> {
		let VaultConfig {
			collateral,
			epoch_duration,
			delegator,
			slasher,
			burner,
			deposit_whitelist,
			is_deposit_limit,
			deposit_limit,
			roles,
		} = config;
		ensure!(T::Assets::asset_exists(collateral.clone()), Error::<T>::UnknownCollateral);
		ensure!(!DeniedCollateral::<T>::contains_key(&collateral), Error::<T>::CollateralDenied);
		ensure!(
			epoch_duration >= T::MinEpochDuration::get()
				&& epoch_duration <= T::MaxEpochDuration::get(),
			Error::<T>::InvalidEpochDuration
		);
		if let SlasherKind::Veto { veto_duration, resolver_set_epochs_delay } = &slasher {
			ensure!(
				*veto_duration < epoch_duration && *resolver_set_epochs_delay >= 3,
				Error::<T>::InvalidSlasherParams
			);
		}
		match &delegator {
			DelegatorKind::OperatorSpecific { operator } => {
				ensure!(T::Operators::is_operator(operator), Error::<T>::NotOperator)
			},
			DelegatorKind::OperatorNetworkSpecific { operator, network } => {
				ensure!(T::Operators::is_operator(operator), Error::<T>::NotOperator);
				ensure!(T::Networks::is_network(network), Error::<T>::NotNetwork);
			},
			DelegatorKind::NetworkRestake | DelegatorKind::FullRestake => {},
		}
		Self::check_roles(&roles, &delegator, deposit_whitelist, is_deposit_limit, deposit_limit)?;

		let vault = NextVaultId::<T>::get();
		let next = vault.checked_add(1).ok_or(ArithmeticError::Overflow)?;
		let account = Self::account_of(vault);
		let deposit = T::Consideration::new(
			creator,
			Footprint::from_parts(1, VaultInfoOf::<T>::max_encoded_len()),
		)?;
		let reserve = Self::fund_new_vault(creator, &collateral, &account)?;

		let clock = EpochClock { start: Self::now(), duration: epoch_duration };
		Vaults::<T>::insert(
			vault,
			VaultInfo {
				creator: creator.clone(),
				collateral: collateral.clone(),
				clock,
				delegator,
				slasher,
				burner: burner.clone(),
				deposit_whitelist,
				is_deposit_limit,
				deposit_limit,
				reserve,
				deposit,
			},
		);
		if let Burner::Router { fallback, .. } = &burner {
			RouterReceivers::<T>::insert(
				vault,
				Route::Fallback,
				RouteEntry { current: Some(fallback.clone()), pending: None },
			);
		}
		for (role, holder) in roles {
			RoleHolders::<T>::insert((vault, role, &holder), ());
			Self::deposit_event(Event::RoleGranted { vault, role, account: holder });
		}
		NextVaultId::<T>::put(next);
		Self::deposit_event(Event::VaultCreated {
			vault,
			creator: creator.clone(),
			collateral,
			account,
		});
		Ok(vault)
	}

	/// PROTOCOL 2.3: without an admin, whitelist and limit settings must be neither dead (on
	/// with nobody able to use them) nor orphaned (a holder for something off).
	pub(crate) fn check_roles(
		roles: &[(Role, T::AccountId)],
		delegator: &DelegatorKind<T::AccountId>,
		deposit_whitelist: bool,
		is_deposit_limit: bool,
		deposit_limit: u128,
	) -> DispatchResult {
		for (i, entry) in roles.iter().enumerate() {
			ensure!(!roles[..i].contains(entry), Error::<T>::DuplicateRoleHolder);
		}
		let has = |role: Role| roles.iter().any(|(r, _)| *r == role);
		if has(Role::Admin) {
			return Ok(());
		}
		// Without an admin, a limit role nobody holds could never be granted: the vault would
		// give every network zero forever.
		ensure!(delegator.limit_roles().iter().all(|r| has(*r)), Error::<T>::MissingRoles);
		// A curator fee nobody can claim would accrue and stay locked for ever.
		ensure!(!has(Role::AdminFeeSetter) || has(Role::AdminFeeClaimer), Error::<T>::MissingRoles);
		if !has(Role::DepositWhitelistSetter) {
			ensure!(deposit_whitelist == has(Role::DepositorWhitelister), Error::<T>::MissingRoles);
		}
		if !has(Role::DepositLimitToggler) {
			if is_deposit_limit {
				ensure!(
					deposit_limit != 0 || has(Role::DepositLimitSetter),
					Error::<T>::MissingRoles
				);
			} else {
				ensure!(
					deposit_limit == 0 && !has(Role::DepositLimitSetter),
					Error::<T>::MissingRoles
				);
			}
		}
		Ok(())
	}
}
