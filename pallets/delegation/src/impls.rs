// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The glue trait of `rampart-primitives` this pallet implements: [`StakeProvider`].

use crate::{functions::When, *};
use frame_support::{ensure, weights::Weight};
use rampart_primitives::{
	traits::{StakeProvider, VaultView},
	VaultId,
};
use sp_runtime::DispatchError;

impl<T: Config> StakeProvider<T::AccountId, BlockNumberOf<T>> for Pallet<T> {
	fn stake(vault: VaultId, subnetwork: &SubnetworkOf<T>, operator: &T::AccountId) -> u128 {
		Self::stake_when(vault, subnetwork, operator, When::Now).unwrap_or(0)
	}

	fn stake_at(
		vault: VaultId,
		subnetwork: &SubnetworkOf<T>,
		operator: &T::AccountId,
		at: BlockNumberOf<T>,
	) -> Result<u128, DispatchError> {
		Self::stake_at_block(vault, subnetwork, operator, at)
	}

	fn stake_at_in<A>(
		vault: &VaultView<T::AccountId, A, BlockNumberOf<T>>,
		subnetwork: &SubnetworkOf<T>,
		operator: &T::AccountId,
		at: BlockNumberOf<T>,
	) -> Result<u128, DispatchError> {
		ensure!(at <= Self::now(), Error::<T>::FutureBlock);
		Self::stake_in(vault, subnetwork, operator, When::At(at))
	}

	fn on_slash(
		vault: VaultId,
		subnetwork: &SubnetworkOf<T>,
		operator: &T::AccountId,
		slash: SlashOf<T>,
	) -> Weight {
		let policy = Self::do_on_slash::<()>(None, vault, subnetwork, operator, slash);
		Self::on_slash_weight_of(&policy)
	}

	fn on_slash_in<A>(
		vault: &VaultView<T::AccountId, A, BlockNumberOf<T>>,
		subnetwork: &SubnetworkOf<T>,
		operator: &T::AccountId,
		slash: SlashOf<T>,
	) -> Weight {
		let policy = Self::do_on_slash(Some(vault), vault.id, subnetwork, operator, slash);
		Self::on_slash_weight_of(&policy)
	}

	fn stake_at_weight() -> Weight {
		Pallet::<T>::stake_at_weight()
	}

	fn on_slash_weight() -> Weight {
		[HookPolicy::None, HookPolicy::Decrease, HookPolicy::Redistribute]
			.iter()
			.map(Pallet::<T>::on_slash_weight_of)
			.fold(T::WeightInfo::on_slash_reset(), |most, w| most.max(w))
	}
}
