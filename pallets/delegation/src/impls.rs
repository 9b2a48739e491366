// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The glue trait of `rampart-primitives` this pallet implements: [`StakeProvider`].

use crate::{functions::When, *};
use frame_support::{traits::Get, weights::Weight};
use rampart_primitives::{traits::StakeProvider, VaultId};
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

	fn on_slash(
		vault: VaultId,
		subnetwork: &SubnetworkOf<T>,
		operator: &T::AccountId,
		slash: SlashOf<T>,
	) -> Weight {
		let policy = Self::do_on_slash(vault, subnetwork, operator, slash);
		Self::on_slash_weight_of(&policy)
	}

	fn stake_at_weight() -> Weight {
		T::WeightInfo::stake_at(T::MaxHistoryDepth::get())
	}

	fn on_slash_weight() -> Weight {
		T::WeightInfo::on_slash_none()
			.max(T::WeightInfo::on_slash_decrease(T::MaxHistoryDepth::get()))
			.max(T::WeightInfo::on_slash_redistribute(T::MaxHistoryDepth::get()))
			.max(T::WeightInfo::on_slash_reset())
	}
}
