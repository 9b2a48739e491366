// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Read-only queries: stake and shares now and at a block, withdrawals, surplus.

use super::*;

impl<T: Config> Pallet<T> {
	/// Active stake `A` and active shares `S` now, in one read of their history.
	pub fn active_pool(vault: VaultId) -> ActivePool {
		ActivePools::<T>::latest_value_or(&vault, ActivePool::default())
	}

	/// Active stake `A` now.
	pub fn active_stake(vault: VaultId) -> u128 {
		Self::active_pool(vault).stake
	}

	/// Active shares `S` now.
	pub fn active_shares(vault: VaultId) -> u128 {
		Self::active_pool(vault).shares
	}

	/// Active shares of `who` now.
	pub fn shares_of(vault: VaultId, who: &T::AccountId) -> u128 {
		SharesOf::<T>::latest_value_or(&(vault, who.clone()), 0)
	}

	pub(crate) fn lookup<V: Default, R>(
		vault: VaultId,
		at: BlockNumberOf<T>,
		read: impl FnOnce() -> Result<Option<V>, TraceError>,
		then: impl FnOnce(V) -> R,
	) -> Result<R, DispatchError> {
		let info = Self::info(vault)?;
		Self::ensure_answerable(&info.clock, at)?;
		let value = read().map_err(|_| Error::<T>::HistoryPruned)?.unwrap_or_default();
		Ok(then(value))
	}

	/// Active stake and active shares at block `at` (within the vault's history window).
	pub fn active_pool_at(
		vault: VaultId,
		at: BlockNumberOf<T>,
	) -> Result<ActivePool, DispatchError> {
		Self::lookup(vault, at, || ActivePools::<T>::at(&vault, at), |p| p)
	}

	/// Active stake at block `at` (within the vault's history window).
	pub fn active_stake_at(vault: VaultId, at: BlockNumberOf<T>) -> Result<u128, DispatchError> {
		Self::active_pool_at(vault, at).map(|p| p.stake)
	}

	/// Active shares at block `at`.
	pub fn active_shares_at(vault: VaultId, at: BlockNumberOf<T>) -> Result<u128, DispatchError> {
		Self::active_pool_at(vault, at).map(|p| p.shares)
	}

	/// Active shares of `who` at block `at`.
	pub fn shares_of_at(
		vault: VaultId,
		who: &T::AccountId,
		at: BlockNumberOf<T>,
	) -> Result<u128, DispatchError> {
		Self::lookup(vault, at, || SharesOf::<T>::at(&(vault, who.clone()), at), |v| v)
	}

	/// What `who`'s active shares are worth now, rounded down.
	pub fn active_balance_of(vault: VaultId, who: &T::AccountId) -> u128 {
		to_assets(
			Self::shares_of(vault, who),
			Self::active_stake(vault),
			Self::active_shares(vault),
			Rounding::Down,
		)
		.unwrap_or(0)
	}

	/// What `who`'s active shares were worth at block `at`, rounded down.
	pub fn active_balance_of_at(
		vault: VaultId,
		who: &T::AccountId,
		at: BlockNumberOf<T>,
	) -> Result<u128, DispatchError> {
		let mine = Self::shares_of_at(vault, who, at)?;
		let active = Self::active_stake_at(vault, at)?;
		let shares = Self::active_shares_at(vault, at)?;
		Ok(to_assets(mine, active, shares, Rounding::Down).unwrap_or(0))
	}

	/// What `who` can claim (or will, once the epoch ends) from the bucket of `epoch`; zero once
	/// claimed.
	pub fn withdrawals_of(vault: VaultId, epoch: BlockNumberOf<T>, who: &T::AccountId) -> u128 {
		let position = WithdrawalPositions::<T>::get((vault, epoch, who));
		if position.claimed {
			return 0;
		}
		WithdrawalBuckets::<T>::get(vault, epoch)
			.assets_of(position.shares)
			.unwrap_or(0)
	}

	/// Everything still slashable in the vault: `A + W[cur] + W[cur+1]`.
	pub fn total_stake(vault: VaultId) -> u128 {
		let Some(info) = Vaults::<T>::get(vault) else { return 0 };
		let current = Self::current_epoch(&info.clock);
		let next = current.saturating_add(One::one());
		Self::active_stake(vault)
			.saturating_add(WithdrawalBuckets::<T>::get(vault, current).amount)
			.saturating_add(WithdrawalBuckets::<T>::get(vault, next).amount)
	}

	/// What of `who`'s collateral is slashable: active balance plus the withdrawals of the
	/// current and next epoch.
	pub fn slashable_balance_of(vault: VaultId, who: &T::AccountId) -> u128 {
		let Some(info) = Vaults::<T>::get(vault) else { return 0 };
		let current = Self::current_epoch(&info.clock);
		let next = current.saturating_add(One::one());
		Self::active_balance_of(vault, who)
			.saturating_add(Self::withdrawals_of(vault, current, who))
			.saturating_add(Self::withdrawals_of(vault, next, who))
	}

	/// What the vault account must hold by its books: `reserve + deposited − claimed − slashed
	/// + pending`.
	pub(crate) fn books(info: &VaultInfoOf<T>, ledger: &VaultLedger, pool: &ActivePool) -> u128 {
		info.reserve
			.saturating_add(ledger.deposited(pool))
			.saturating_sub(ledger.claimed)
			.saturating_sub(ledger.slashed)
			.saturating_add(ledger.pending_burn)
	}

	/// Collateral the vault account holds beyond its books: donations.
	pub fn surplus_of(vault: VaultId) -> Option<u128> {
		let info = Vaults::<T>::get(vault)?;
		let balance = T::Assets::balance(info.collateral.clone(), &Self::account_of(vault));
		let books = Self::books(&info, &Ledgers::<T>::get(vault), &Self::active_pool(vault));
		Some(balance.saturating_sub(books))
	}

	/// The epoch vault `vault` is in now.
	pub fn current_epoch_of(vault: VaultId) -> Option<BlockNumberOf<T>> {
		Vaults::<T>::get(vault).map(|info| Self::current_epoch(&info.clock))
	}
}
