// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The glue traits of `rampart-primitives` that this pallet implements for the other pallets.

use crate::*;
use frame_support::traits::Get;
use rampart_primitives::{
	traits::{BurnerKind, VaultSlashing, VaultView, VaultWindows, VaultsInspect},
	VaultId,
};
use sp_runtime::DispatchError;

impl<T: Config> VaultsInspect<T::AccountId, BlockNumberOf<T>> for Pallet<T> {
	type AssetKind = T::AssetKind;

	fn vault(vault: VaultId) -> Option<VaultView<T::AccountId, T::AssetKind, BlockNumberOf<T>>> {
		let info = Vaults::<T>::get(vault)?;
		let epoch_start = info.clock.start_of(Self::current_epoch(&info.clock))?;
		Some(VaultView {
			id: vault,
			account: Self::account_of(vault),
			epoch_start,
			history_horizon: Self::horizon(&info.clock),
			burner: match info.burner {
				Burner::Burn => BurnerKind::Burn,
				Burner::Account(_) => BurnerKind::Account,
				Burner::Router { .. } => BurnerKind::Router,
			},
			collateral: info.collateral,
			clock: info.clock,
			delegator: info.delegator,
			slasher: info.slasher,
		})
	}

	fn windows() -> VaultWindows<BlockNumberOf<T>> {
		VaultWindows {
			max_epoch_duration: T::MaxEpochDuration::get(),
			reward_lookback: T::RewardLookback::get(),
		}
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

	fn has_role(vault: VaultId, role: Role, who: &T::AccountId) -> bool {
		Pallet::<T>::has_role(vault, role, who)
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
