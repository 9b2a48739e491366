// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The logic behind the calls, the slashing entry point and the views.
//!
//! Notation of PROTOCOL 2: `A` active stake, `S` active shares, `s[a]` an account's shares,
//! `W[e]` / `WS[e]` the collateral / shares of epoch `e`'s withdrawal bucket, `cur` the current
//! epoch. Rounding always favours the vault: minted shares and paid assets round down, burned
//! shares round up.

use crate::*;
use codec::MaxEncodedLen;
use frame_support::{
	defensive, ensure,
	pallet_prelude::*,
	traits::{
		fungibles::{Inspect, Mutate},
		tokens::{Fortitude, Precision, Preservation},
		Consideration, Footprint,
	},
};
use rampart_primitives::{
	checkpoints::TraceError,
	epochs::EpochClock,
	shares::{split_slash, to_assets, to_shares},
	traits::{ensure_asset_account, NetworkRegistry, OperatorRegistry},
	VaultId,
};
use sp_runtime::{
	traits::{AccountIdConversion, CheckedAdd, One, Saturating, Zero},
	ArithmeticError, Rounding,
};

mod collateral;
mod creation;
mod invariants;
mod settings;
mod slashing;
mod staking;
mod views;

/// A vault's active pool (`A`, `S`) and one holder's shares `s[a]`.
#[derive(Clone, Copy)]
pub(crate) struct Pools {
	pool: ActivePool,
	mine: u128,
}

/// A trace write that failed: only possible if the clock ran backwards.
pub(crate) fn trace_error(e: TraceError) -> DispatchError {
	defensive!("a vault history refused a write", e);
	match e {
		TraceError::Full => ArithmeticError::Overflow.into(),
		_ => DispatchError::Corruption,
	}
}

impl<T: Config> Pallet<T> {
	/// The current block.
	pub fn now() -> BlockNumberOf<T> {
		rampart_primitives::clock::now::<T>()
	}

	/// The account that holds vault `vault`'s collateral.
	pub fn account_of(vault: VaultId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating(vault)
	}

	pub(crate) fn info(vault: VaultId) -> Result<VaultInfoOf<T>, DispatchError> {
		Vaults::<T>::get(vault).ok_or_else(|| Error::<T>::UnknownVault.into())
	}

	/// Whether `who` holds `role` in `vault`.
	pub fn has_role(vault: VaultId, role: Role, who: &T::AccountId) -> bool {
		RoleHolders::<T>::contains_key((vault, role, who))
	}

	pub(crate) fn ensure_role(vault: VaultId, role: Role, who: &T::AccountId) -> DispatchResult {
		ensure!(Self::has_role(vault, role, who), Error::<T>::MissingRole);
		Ok(())
	}

	/// The epoch the chain is in, for a vault with `clock`.
	pub(crate) fn current_epoch(clock: &EpochClock<BlockNumberOf<T>>) -> BlockNumberOf<T> {
		clock.epoch_at(Self::now()).unwrap_or_else(|| {
			defensive!("a vault's clock starts in the future");
			Zero::zero()
		})
	}

	/// How far back a vault's histories must answer: two epochs plus the reward lookback.
	pub(crate) fn retention(clock: &EpochClock<BlockNumberOf<T>>) -> BlockNumberOf<T> {
		clock
			.duration
			.saturating_mul(2u32.into())
			.saturating_add(T::RewardLookback::get())
	}

	/// The oldest block a vault's histories must still answer for.
	pub(crate) fn horizon(clock: &EpochClock<BlockNumberOf<T>>) -> BlockNumberOf<T> {
		Self::now().saturating_sub(Self::retention(clock))
	}

	pub(crate) fn ensure_answerable(
		clock: &EpochClock<BlockNumberOf<T>>,
		at: BlockNumberOf<T>,
	) -> Result<(), Error<T>> {
		ensure!(at <= Self::now(), Error::<T>::FutureBlock);
		ensure!(at >= Self::horizon(clock), Error::<T>::HistoryPruned);
		Ok(())
	}
}
