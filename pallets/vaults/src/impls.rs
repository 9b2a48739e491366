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
}

impl<T: Config> VaultSlashing<BlockNumberOf<T>> for Pallet<T> {
	fn on_slash(
		vault: VaultId,
		amount: u128,
		capture: BlockNumberOf<T>,
	) -> Result<u128, DispatchError> {
		Self::do_on_slash(vault, amount, capture)
	}
}
