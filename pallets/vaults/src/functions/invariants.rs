// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The invariants `try_state` checks.

use super::*;

impl<T: Config> Pallet<T> {
	/// Checks, per vault (PROTOCOL 6.1 items 3-12 that apply to Rampart vaults):
	/// - every history is well formed (strictly increasing blocks, no repeats, not in the future);
	/// - `S = Σ s[a]` and `WS[e] = Σ ws[e][a]`;
	/// - conservation: the vault account holds at least `reserve + deposited − claimed − slashed +
	///   pending` (more only by donations: the surplus), and that covers `A` plus every bucket's
	///   unpaid part;
	/// - a deposit limit in force is not exceeded by deposits (checked through the ledger only:
	///   lowering the limit later is allowed);
	/// - counters: every vault id is below `NextVaultId`.
	#[cfg(any(test, feature = "std", feature = "try-runtime"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;

		let now = Self::now();
		let mut shares_sum: BTreeMap<VaultId, u128> = BTreeMap::new();
		for ((vault, _), _) in SharesOfHead::<T>::iter() {
			ensure!(Vaults::<T>::contains_key(vault), "share history of an unknown vault");
		}
		for (key, _) in SharesOfHead::<T>::iter() {
			SharesOf::<T>::check(&key)?;
			let latest = SharesOf::<T>::latest(&key);
			ensure!(latest.is_none_or(|(b, _)| b <= now), "a share history is ahead of the chain");
			let entry = shares_sum.entry(key.0).or_default();
			*entry = entry.saturating_add(latest.map(|(_, v)| v).unwrap_or(0));
		}
		let mut bucket_sum: BTreeMap<(VaultId, BlockNumberOf<T>), u128> = BTreeMap::new();
		let mut unpaid: BTreeMap<VaultId, u128> = BTreeMap::new();
		for ((vault, epoch, _), position) in WithdrawalPositions::<T>::iter() {
			let entry = bucket_sum.entry((vault, epoch)).or_default();
			*entry = entry.saturating_add(position.shares);
			if !position.claimed {
				let owed = WithdrawalBuckets::<T>::get(vault, epoch)
					.assets_of(position.shares)
					.unwrap_or(0);
				let entry = unpaid.entry(vault).or_default();
				*entry = entry.saturating_add(owed);
			}
		}
		let mut in_buckets: BTreeMap<VaultId, u128> = BTreeMap::new();
		for (vault, epoch, bucket) in WithdrawalBuckets::<T>::iter() {
			ensure!(
				bucket_sum.get(&(vault, epoch)).copied().unwrap_or(0) == bucket.shares,
				"WS[e] differs from the sum of the positions"
			);
			let entry = in_buckets.entry(vault).or_default();
			*entry = entry.saturating_add(bucket.amount);
		}
		let next_id = NextVaultId::<T>::get();
		for (vault, info) in Vaults::<T>::iter() {
			ensure!(vault < next_id, "a vault id at or above NextVaultId");
			ActivePools::<T>::check(&vault)?;
			ensure!(
				Self::active_shares(vault) == shares_sum.get(&vault).copied().unwrap_or(0),
				"S differs from the sum of the holders' shares"
			);
			let ledger = Ledgers::<T>::get(vault);
			let balance = T::Assets::balance(info.collateral.clone(), &Self::account_of(vault));
			// Anyone may send collateral to a vault account: that surplus is tolerated (it is
			// nobody's stake), a shortfall never is.
			let pool = Self::active_pool(vault);
			ensure!(
				balance >= Self::books(&info, &ledger, &pool),
				"vault balance < reserve + deposited - claimed - slashed + pending"
			);
			let pending: u128 =
				PendingSlashed::<T>::iter_prefix_values(vault).fold(0, |a, p| a.saturating_add(p));
			ensure!(pending == ledger.pending_burn, "pending slashes differ from pending_burn");
			if matches!(info.burner, Burner::Router { .. }) {
				ensure!(
					RouterReceivers::<T>::get(vault, Route::Fallback)
						.is_some_and(|e| e.current.is_some() || e.pending.is_some()),
					"a router vault without a fallback receiver"
				);
			}
			ensure!(ledger.slashed_active <= ledger.slashed, "more slashed from A than slashed");
			// What the buckets hold now (claims do not lower them) is what ever went in, less what
			// slashes took from them.
			let slashed_buckets = ledger.slashed.saturating_sub(ledger.slashed_active);
			ensure!(
				in_buckets.get(&vault).copied().unwrap_or(0).saturating_add(slashed_buckets)
					== pool.withdrawn,
				"the buckets differ from what left the active stake less their slashes"
			);
			ensure!(ledger.claimed <= pool.withdrawn, "more claimed than withdrawn");
			let owed = pool
				.stake
				.saturating_add(unpaid.get(&vault).copied().unwrap_or(0))
				.saturating_add(info.reserve)
				.saturating_add(ledger.pending_burn);
			ensure!(balance >= owed, "the vault owes more than it holds");
		}
		Ok(())
	}
}
