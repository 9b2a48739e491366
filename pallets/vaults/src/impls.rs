// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The glue traits of `rampart-primitives` that this pallet implements for the other pallets.

use crate::*;
use rampart_primitives::{
	traits::{VaultSlashing, VaultsInspect},
	VaultId,
};
use sp_runtime::DispatchError;

impl<T: Config> VaultsInspect<T::AccountId, BlockNumberOf<T>> for Pallet<T> {
	type AssetKind = T::AssetKind;

	fn vault_exists(vault: VaultId) -> bool {
		Vaults::<T>::contains_key(vault)
	}

	fn collateral(vault: VaultId) -> Option<T::AssetKind> {
		Vaults::<T>::get(vault).map(|info| info.collateral)
	}

	fn epoch_duration(vault: VaultId) -> Option<BlockNumberOf<T>> {
		Vaults::<T>::get(vault).map(|info| info.clock.duration)
	}

	fn vault_account(vault: VaultId) -> Option<T::AccountId> {
		Vaults::<T>::contains_key(vault).then(|| Self::account_of(vault))
	}

	fn active_stake(vault: VaultId) -> u128 {
		Pallet::<T>::active_stake(vault)
	}

	fn active_stake_at(vault: VaultId, at: BlockNumberOf<T>) -> Result<u128, DispatchError> {
		Pallet::<T>::active_stake_at(vault, at)
	}

	fn active_shares_at(vault: VaultId, at: BlockNumberOf<T>) -> Result<u128, DispatchError> {
		Pallet::<T>::active_shares_at(vault, at)
	}

	fn active_shares_of_at(
		vault: VaultId,
		who: &T::AccountId,
		at: BlockNumberOf<T>,
	) -> Result<u128, DispatchError> {
		Pallet::<T>::shares_of_at(vault, who, at)
	}

	fn delegator_kind(vault: VaultId) -> Option<DelegatorKind<T::AccountId>> {
		Vaults::<T>::get(vault).map(|info| info.delegator)
	}

	fn has_role(vault: VaultId, role: Role, who: &T::AccountId) -> bool {
		Pallet::<T>::has_role(vault, role, who)
	}

	fn history_horizon(vault: VaultId) -> Option<BlockNumberOf<T>> {
		Vaults::<T>::get(vault).map(|info| Pallet::<T>::horizon(&info.clock))
	}

	fn slasher_kind(vault: VaultId) -> Option<SlasherKind<BlockNumberOf<T>>> {
		Vaults::<T>::get(vault).map(|info| info.slasher)
	}

	fn epoch_start(vault: VaultId) -> Option<BlockNumberOf<T>> {
		Vaults::<T>::get(vault)
			.and_then(|info| info.clock.start_of(Pallet::<T>::current_epoch(&info.clock)))
	}
}

impl<T: Config> VaultSlashing<T::AccountId, BlockNumberOf<T>> for Pallet<T> {
	fn on_slash(
		vault: VaultId,
		network: &T::AccountId,
		operator: &T::AccountId,
		amount: u128,
		capture: BlockNumberOf<T>,
	) -> Result<u128, DispatchError> {
		Self::do_on_slash(vault, network, operator, amount, capture)
	}
}

/// Active shares seen through `fungibles::Inspect`: the asset id is the vault id, the balance an
/// account's active shares, the total issuance the vault's active shares.
///
/// Only inspection is exposed. Moving shares goes through `transfer_shares` (or
/// [`Pallet::do_transfer_shares`] for other pallets), which writes both share histories; a
/// `fungibles::Mutate` implementation would also let code mint shares without collateral.
pub struct VaultShares<T>(core::marker::PhantomData<T>);

impl<T: Config> frame_support::traits::fungibles::Inspect<T::AccountId> for VaultShares<T> {
	type AssetId = VaultId;
	type Balance = u128;

	fn total_issuance(vault: VaultId) -> u128 {
		Pallet::<T>::active_shares(vault)
	}

	fn minimum_balance(_: VaultId) -> u128 {
		0
	}

	fn total_balance(vault: VaultId, who: &T::AccountId) -> u128 {
		Pallet::<T>::shares_of(vault, who)
	}

	fn balance(vault: VaultId, who: &T::AccountId) -> u128 {
		Pallet::<T>::shares_of(vault, who)
	}

	fn reducible_balance(
		vault: VaultId,
		who: &T::AccountId,
		_: frame_support::traits::tokens::Preservation,
		_: frame_support::traits::tokens::Fortitude,
	) -> u128 {
		Pallet::<T>::shares_of(vault, who)
	}

	fn can_deposit(
		vault: VaultId,
		who: &T::AccountId,
		amount: u128,
		_: frame_support::traits::tokens::Provenance,
	) -> frame_support::traits::tokens::DepositConsequence {
		use frame_support::traits::tokens::DepositConsequence;
		if !Vaults::<T>::contains_key(vault) {
			return DepositConsequence::UnknownAsset;
		}
		let fits = Pallet::<T>::shares_of(vault, who).checked_add(amount).is_some()
			&& Pallet::<T>::active_shares(vault).checked_add(amount).is_some();
		if fits {
			DepositConsequence::Success
		} else {
			DepositConsequence::Overflow
		}
	}

	fn can_withdraw(
		vault: VaultId,
		who: &T::AccountId,
		amount: u128,
	) -> frame_support::traits::tokens::WithdrawConsequence<u128> {
		use frame_support::traits::tokens::WithdrawConsequence;
		if !Vaults::<T>::contains_key(vault) {
			return WithdrawConsequence::UnknownAsset;
		}
		if amount > Pallet::<T>::shares_of(vault, who) {
			WithdrawConsequence::BalanceLow
		} else {
			WithdrawConsequence::Success
		}
	}

	fn asset_exists(vault: VaultId) -> bool {
		Vaults::<T>::contains_key(vault)
	}
}
