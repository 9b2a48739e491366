// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The rewards logic behind the calls, the views and the invariants.

use crate::*;
use alloc::{collections::BTreeSet, vec::Vec};
use frame_support::{
	ensure,
	pallet_prelude::*,
	storage,
	traits::{
		fungibles::{Inspect, Mutate},
		tokens::Preservation,
	},
};
use rampart_primitives::{
	shares::mul_div,
	traits::{ensure_asset_account, NetworkRegistry, StakeProvider, VaultsInspect},
	Role, VaultId,
};
use sp_runtime::{
	traits::{AccountIdConversion, Saturating, Zero},
	ArithmeticError, Rounding, TransactionOutcome,
};

/// Expired distributions a new distribution removes from its list.
const EXPIRE_PER_DISTRIBUTION: u32 = 2;

/// One distribution a claim goes through: its index, its record and the claimer's part.
type ClaimPart<B> = (DistributionIndex, Distribution<B>, u128);

impl<T: Config> Pallet<T> {
	/// The current block as the pallet counts them.
	pub fn now() -> BlockNumberOf<T> {
		rampart_primitives::clock::now::<T>()
	}

	/// The account that holds every reward until it is claimed.
	pub fn account() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// The weight of a claim through `max` distributions: the measured part searched share
	/// histories [`crate::weights::BENCHMARKED_DEPTH`] deep, where neighbouring snapshots share most of their
	/// reads; each lookup is charged `MaxHistoryDepth` more reads, as if none were shared.
	pub fn claim_weight(max: u32) -> Weight {
		let depth = T::MaxHistoryDepth::get();
		T::WeightInfo::claim_staker_rewards(max)
			.saturating_add(T::DbWeight::get().reads(u64::from(max.saturating_mul(depth))))
	}

	/// The weight of a staker distribution: the measured part plus the reads of its two
	/// vault-history lookups at their deepest.
	pub fn distribute_weight() -> Weight {
		let depth = T::MaxHistoryDepth::get();
		T::WeightInfo::distribute_staker_rewards()
			.saturating_add(T::DbWeight::get().reads(u64::from(depth.saturating_mul(2))))
			.saturating_add(T::WeightInfo::open_asset_account())
	}

	/// The weight of a listed operator distribution over `n` operators, opening the pallet
	/// account's account of the asset if it must.
	pub fn listed_weight(n: u32) -> Weight {
		T::WeightInfo::distribute_operator_rewards(n)
			.saturating_add(T::WeightInfo::open_asset_account())
	}

	/// The weight of a pro-rata operator distribution over `n` operators: the measured part
	/// plus `n` stake lookups at their worst.
	pub fn by_stake_weight(n: u32) -> Weight {
		T::WeightInfo::distribute_operator_rewards_by_stake(n)
			.saturating_add(T::Stakes::stake_at_weight().saturating_mul(u64::from(n)))
			.saturating_add(T::WeightInfo::open_asset_account())
	}

	fn ensure_middleware(who: &T::AccountId, network: &T::AccountId) -> DispatchResult {
		ensure!(
			T::Networks::middleware_of(network).as_ref() == Some(who),
			Error::<T>::NotNetworkMiddleware
		);
		Ok(())
	}

	fn ensure_role(vault: VaultId, role: Role, who: &T::AccountId) -> DispatchResult {
		ensure!(T::Vaults::vault(vault).is_some(), Error::<T>::UnknownVault);
		ensure!(T::Vaults::has_role(vault, role, who), Error::<T>::MissingRole);
		Ok(())
	}

	/// Takes `amount` of `asset` from `payer` into the pallet account, which it first tops up
	/// to its keep-alive minimum of the native token and of `asset` (never owed to anyone).
	fn pay_in(payer: &T::AccountId, asset: &T::AssetKind, amount: u128) -> DispatchResult {
		let pot = Self::account();
		let native = T::NativeAsset::get();
		let mut minimums = alloc::vec![native.clone()];
		if *asset != native {
			minimums.push(asset.clone());
		}
		for kind in minimums {
			// Anyone may have used up the pallet account's consumer references with junk
			// assets: the payer then opens its account of this asset with a deposit.
			ensure_asset_account::<T::Assets, _, _>(kind.clone(), &pot, payer)?;
			let min = T::Assets::minimum_balance(kind.clone());
			let held = T::Assets::balance(kind.clone(), &pot);
			let owed = Owed::<T>::get(&kind);
			let missing = min.saturating_add(owed).saturating_sub(held);
			if !missing.is_zero() {
				T::Assets::transfer(kind, payer, &pot, missing, Preservation::Preserve)?;
			}
		}
		T::Assets::transfer(asset.clone(), payer, &pot, amount, Preservation::Preserve)?;
		Owed::<T>::try_mutate(asset, |o| {
			*o = o.checked_add(amount).ok_or(ArithmeticError::Overflow)?;
			Ok::<_, DispatchError>(())
		})
	}

	/// Pays `amount` of `asset` owed by the pallet to `to`.
	fn pay_out(asset: &T::AssetKind, to: &T::AccountId, amount: u128) -> DispatchResult {
		T::Assets::transfer(asset.clone(), &Self::account(), to, amount, Preservation::Preserve)?;
		Owed::<T>::try_mutate(asset, |o| {
			*o = o.checked_sub(amount).ok_or(ArithmeticError::Underflow)?;
			Ok::<_, DispatchError>(())
		})
	}

	// ---------------------------------------------------------------------------------------
	// Staker rewards.

	/// A staker distribution authorised by `who` (the network's registry middleware) and paid
	/// by `payer`.
	pub(crate) fn do_distribute_staker_rewards(
		who: &T::AccountId,
		payer: &T::AccountId,
		vault: VaultId,
		network: T::AccountId,
		asset: T::AssetKind,
		amount: u128,
		snapshot: BlockNumberOf<T>,
		max_admin_fee: u32,
	) -> DispatchResult {
		Self::ensure_middleware(who, &network)?;
		ensure!(T::Vaults::vault(vault).is_some(), Error::<T>::UnknownVault);
		ensure!(!amount.is_zero(), Error::<T>::InsufficientReward);
		let fee = AdminFee::<T>::get(vault);
		ensure!(fee <= max_admin_fee, Error::<T>::HighAdminFee);
		let now = Self::now();
		// The claim window runs from the distribution, not from its snapshot: a distribution
		// at the oldest snapshot allowed still gives stakers the whole window.
		let claimable_until = now.saturating_add(T::ClaimWindow::get());
		ensure!(
			snapshot < now && snapshot >= now.saturating_sub(T::MaxSnapshotAge::get()),
			Error::<T>::InvalidSnapshot
		);
		let total_shares = T::Vaults::active_shares_at(vault, snapshot)?;
		let stake = T::Vaults::active_stake_at(vault, snapshot)?;
		ensure!(!total_shares.is_zero() && !stake.is_zero(), Error::<T>::NoStakeAtSnapshot);

		let key = (vault, network.clone(), asset.clone());
		for _ in 0..EXPIRE_PER_DISTRIBUTION {
			// A refund the network cannot take leaves the distribution for `expire_distribution`
			// and never blocks a new one.
			let expired = storage::with_transaction(|| match Self::expire_oldest(&key) {
				Ok(done) => TransactionOutcome::Commit(Ok::<_, DispatchError>(done)),
				Err(_) => TransactionOutcome::Rollback(Ok(false)),
			})?;
			if !expired {
				break;
			}
		}
		let (first, next) = Streams::<T>::get(&key);
		ensure!(
			next.saturating_sub(first) < T::MaxLiveDistributions::get(),
			Error::<T>::TooManyDistributions
		);

		let fee_amount = mul_div(amount, u128::from(fee), u128::from(MAX_FEE), Rounding::Down)
			.ok_or(ArithmeticError::Overflow)?;
		let stakers = amount.checked_sub(fee_amount).ok_or(ArithmeticError::Underflow)?;
		Self::pay_in(payer, &asset, amount)?;
		if !fee_amount.is_zero() {
			CuratorFees::<T>::mutate(vault, &asset, |f| *f = f.saturating_add(fee_amount));
		}
		let index = if stakers.is_zero() {
			None
		} else {
			Distributions::<T>::insert(
				&key,
				next,
				Distribution {
					snapshot,
					amount: stakers,
					total_shares,
					claimed: 0,
					claimable_until,
				},
			);
			Streams::<T>::insert(
				&key,
				(first, next.checked_add(1).ok_or(ArithmeticError::Overflow)?),
			);
			if next.is_zero() {
				VaultStreams::<T>::insert(vault, (network.clone(), asset.clone()), ());
			}
			Some(next)
		};
		Self::deposit_event(Event::StakerRewardsDistributed {
			vault,
			network,
			asset,
			index,
			amount: stakers,
			fee: fee_amount,
			snapshot,
		});
		Ok(())
	}

	/// The distributions a claim of up to `max` by `who` goes through, with `who`'s part of
	/// each, and the index the claimer's cursor moves to.
	fn claim_parts(
		key: &StreamKey<T::AccountId, T::AssetKind>,
		who: &T::AccountId,
		max: u32,
	) -> Result<
		(Vec<ClaimPart<BlockNumberOf<T>>>, DistributionIndex, DistributionIndex),
		DispatchError,
	> {
		ensure!(max >= 1 && max <= T::MaxClaimBatch::get(), Error::<T>::InvalidClaimCount);
		let (first, next) = Streams::<T>::get(key);
		let start = Cursors::<T>::get(key, who).max(first);
		let end = next.min(start.saturating_add(max));
		ensure!(start < end, Error::<T>::NoRewardsToClaim);
		let now = Self::now();
		let mut parts = Vec::new();
		for index in start..end {
			let Some(distribution) = Distributions::<T>::get(key, index) else { continue };
			if distribution.claimable_until < now {
				continue;
			}
			let shares = T::Vaults::active_shares_of_at(key.0, who, distribution.snapshot)?;
			let part =
				mul_div(shares, distribution.amount, distribution.total_shares, Rounding::Down)
					.ok_or(ArithmeticError::Overflow)?
					.min(distribution.amount.saturating_sub(distribution.claimed));
			if !part.is_zero() {
				parts.push((index, distribution, part));
			}
		}
		Ok((parts, start, end))
	}

	/// What `who` would be paid by claiming up to `max` distributions of `key` now.
	pub fn claimable(
		key: &StreamKey<T::AccountId, T::AssetKind>,
		who: &T::AccountId,
		max: u32,
	) -> Result<(u128, DistributionIndex, DistributionIndex), DispatchError> {
		let (parts, start, end) = Self::claim_parts(key, who, max)?;
		let total = parts.iter().fold(0u128, |t, (_, _, part)| t.saturating_add(*part));
		Ok((total, start, end))
	}

	pub(crate) fn do_claim_staker_rewards(
		who: &T::AccountId,
		vault: VaultId,
		network: T::AccountId,
		asset: T::AssetKind,
		recipient: T::AccountId,
		max: u32,
	) -> DispatchResult {
		let key = (vault, network.clone(), asset.clone());
		let (parts, start, end) = Self::claim_parts(&key, who, max)?;
		let mut total = 0u128;
		for (index, mut distribution, part) in parts {
			total = total.checked_add(part).ok_or(ArithmeticError::Overflow)?;
			distribution.claimed =
				distribution.claimed.checked_add(part).ok_or(ArithmeticError::Overflow)?;
			Distributions::<T>::insert(&key, index, distribution);
		}
		// A claim paying nothing only moves a cursor: fine for a staker (past distributions it
		// had no part in), free storage for anyone else.
		if total.is_zero() && !Cursors::<T>::contains_key(&key, who) {
			let shares = T::Vaults::active_shares_of_at(vault, who, Self::now())?;
			ensure!(!shares.is_zero(), Error::<T>::NoRewardsToClaim);
		}
		Cursors::<T>::insert(&key, who, end);
		if !total.is_zero() {
			Self::pay_out(&asset, &recipient, total)?;
		}
		Self::deposit_event(Event::StakerRewardsClaimed {
			vault,
			network,
			asset,
			claimer: who.clone(),
			recipient,
			amount: total,
			first: start,
			count: end.saturating_sub(start),
		});
		Ok(())
	}

	/// Removes the oldest distribution of `key` if its window has ended, returning what stakers
	/// left of it to the network. `Ok(false)` if there is none or it is still claimable.
	pub(crate) fn expire_oldest(
		key: &StreamKey<T::AccountId, T::AssetKind>,
	) -> Result<bool, DispatchError> {
		let (first, next) = Streams::<T>::get(key);
		if first >= next {
			return Ok(false);
		}
		let Some(distribution) = Distributions::<T>::get(key, first) else {
			frame_support::defensive!("a live distribution index without a record");
			Streams::<T>::insert(key, (first.saturating_add(1), next));
			return Ok(true);
		};
		if distribution.claimable_until >= Self::now() {
			return Ok(false);
		}
		let returned = distribution.amount.saturating_sub(distribution.claimed);
		let (vault, network, asset) = key;
		if !returned.is_zero() {
			Self::pay_out(asset, network, returned)?;
		}
		Distributions::<T>::remove(key, first);
		Streams::<T>::insert(key, (first.saturating_add(1), next));
		Self::deposit_event(Event::DistributionExpired {
			vault: *vault,
			network: network.clone(),
			asset: asset.clone(),
			index: first,
			returned,
		});
		Ok(true)
	}

	// ---------------------------------------------------------------------------------------
	// Curator fees.

	pub(crate) fn do_set_admin_fee(who: &T::AccountId, vault: VaultId, fee: u32) -> DispatchResult {
		Self::ensure_role(vault, Role::AdminFeeSetter, who)?;
		ensure!(fee <= MAX_FEE, Error::<T>::InvalidAdminFee);
		ensure!(AdminFee::<T>::get(vault) != fee, Error::<T>::AlreadySet);
		AdminFee::<T>::insert(vault, fee);
		Self::deposit_event(Event::AdminFeeSet { vault, fee });
		Ok(())
	}

	pub(crate) fn do_claim_admin_fee(
		who: &T::AccountId,
		vault: VaultId,
		asset: T::AssetKind,
		recipient: T::AccountId,
	) -> DispatchResult {
		Self::ensure_role(vault, Role::AdminFeeClaimer, who)?;
		let amount = CuratorFees::<T>::get(vault, &asset);
		ensure!(!amount.is_zero(), Error::<T>::InsufficientAdminFee);
		Self::pay_out(&asset, &recipient, amount)?;
		CuratorFees::<T>::remove(vault, &asset);
		Self::deposit_event(Event::AdminFeeClaimed { vault, asset, recipient, amount });
		Ok(())
	}

	// ---------------------------------------------------------------------------------------
	// Operator rewards.

	fn ensure_distinct<'a>(
		operators: impl Iterator<Item = &'a T::AccountId>,
	) -> Result<u32, DispatchError> {
		let mut seen = BTreeSet::new();
		for operator in operators {
			ensure!(seen.insert(operator), Error::<T>::DuplicateOperator);
		}
		ensure!(!seen.is_empty(), Error::<T>::NoOperators);
		Ok(seen.len() as u32)
	}

	/// Pays `credits` in from `payer` and credits each operator.
	pub(crate) fn credit_operators(
		payer: &T::AccountId,
		network: T::AccountId,
		asset: T::AssetKind,
		credits: Vec<(T::AccountId, u128)>,
	) -> DispatchResult {
		let total = credits
			.iter()
			.try_fold(0u128, |t, (_, amount)| t.checked_add(*amount))
			.ok_or(ArithmeticError::Overflow)?;
		ensure!(!total.is_zero(), Error::<T>::InsufficientReward);
		Self::pay_in(payer, &asset, total)?;
		let operators = credits.len() as u32;
		for (operator, amount) in credits {
			if !amount.is_zero() {
				let fresh = OperatorRewards::<T>::mutate((&network, &asset, &operator), |r| {
					let fresh = r.is_zero();
					*r = r.saturating_add(amount);
					fresh
				});
				if fresh {
					OperatorRewardSources::<T>::insert(
						&operator,
						(network.clone(), asset.clone()),
						(),
					);
				}
			}
		}
		Self::deposit_event(Event::OperatorRewardsDistributed { network, asset, total, operators });
		Ok(())
	}

	pub(crate) fn do_distribute_operator_rewards(
		who: &T::AccountId,
		network: T::AccountId,
		asset: T::AssetKind,
		payouts: BoundedVec<(T::AccountId, u128), T::MaxOperatorPayouts>,
	) -> DispatchResult {
		Self::ensure_middleware(who, &network)?;
		Self::ensure_distinct(payouts.iter().map(|(operator, _)| operator))?;
		Self::credit_operators(who, network, asset, payouts.into_inner())
	}

	pub(crate) fn do_distribute_by_stake(
		who: &T::AccountId,
		vault: VaultId,
		subnetwork: SubnetworkOf<T>,
		asset: T::AssetKind,
		amount: u128,
		snapshot: BlockNumberOf<T>,
		operators: BoundedVec<T::AccountId, T::MaxOperatorPayouts>,
	) -> DispatchResult {
		Self::ensure_middleware(who, &subnetwork.network)?;
		// Read once for every operator's lookup.
		let view = T::Vaults::vault(vault).ok_or(Error::<T>::UnknownVault)?;
		ensure!(!amount.is_zero(), Error::<T>::InsufficientReward);
		ensure!(snapshot < Self::now(), Error::<T>::InvalidSnapshot);
		Self::ensure_distinct(operators.iter())?;
		let mut stakes = Vec::with_capacity(operators.len());
		let mut total = 0u128;
		for operator in operators {
			let stake = T::Stakes::stake_at_in(&view, &subnetwork, &operator, snapshot)?;
			total = total.checked_add(stake).ok_or(ArithmeticError::Overflow)?;
			stakes.push((operator, stake));
		}
		ensure!(!total.is_zero(), Error::<T>::NoOperatorStake);
		let credits = stakes
			.into_iter()
			.map(|(operator, stake)| {
				mul_div(amount, stake, total, Rounding::Down)
					.map(|part| (operator, part))
					.ok_or(ArithmeticError::Overflow)
			})
			.collect::<Result<Vec<_>, _>>()?;
		Self::credit_operators(who, subnetwork.network, asset, credits)
	}

	pub(crate) fn do_claim_operator_rewards(
		who: &T::AccountId,
		network: T::AccountId,
		asset: T::AssetKind,
		recipient: T::AccountId,
	) -> DispatchResult {
		let amount = OperatorRewards::<T>::get((&network, &asset, who));
		ensure!(!amount.is_zero(), Error::<T>::NoOperatorRewards);
		Self::pay_out(&asset, &recipient, amount)?;
		OperatorRewards::<T>::remove((&network, &asset, who));
		OperatorRewardSources::<T>::remove(who, (network.clone(), asset.clone()));
		Self::deposit_event(Event::OperatorRewardsClaimed {
			network,
			asset,
			operator: who.clone(),
			recipient,
			amount,
		});
		Ok(())
	}

	// ---------------------------------------------------------------------------------------
	// Invariants.

	/// Checks (PROTOCOL 6.1 item 23 as DESIGN 4 maps it):
	/// - every distribution's claims are at most its amount, and its shares are not zero;
	/// - live lists are well formed and bounded, and hold exactly their records;
	/// - the fees are at most 100 %;
	/// - per asset, `Owed` is exactly what is unclaimed of distributions, curator fees and
	///   operator rewards, and the pallet account holds at least that.
	#[cfg(any(test, feature = "std", feature = "try-runtime"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::BTreeMap;
		let mut owed: BTreeMap<T::AssetKind, u128> = BTreeMap::new();
		let mut add = |asset: &T::AssetKind, amount: u128| {
			let entry = owed.entry(asset.clone()).or_default();
			*entry = entry.saturating_add(amount);
		};
		let mut records = 0usize;
		for (key, index, distribution) in Distributions::<T>::iter() {
			ensure!(distribution.claimed <= distribution.amount, "a distribution paid out more");
			ensure!(!distribution.total_shares.is_zero(), "a distribution over no shares");
			let (first, next) = Streams::<T>::get(&key);
			ensure!(index >= first && index < next, "a distribution outside its live list");
			add(&key.2, distribution.amount.saturating_sub(distribution.claimed));
			records += 1;
		}
		let mut live = 0usize;
		for (_, (first, next)) in Streams::<T>::iter() {
			ensure!(first <= next, "a distribution list runs backwards");
			ensure!(
				next - first <= T::MaxLiveDistributions::get(),
				"more live distributions than allowed"
			);
			live += (next - first) as usize;
		}
		ensure!(live == records, "live lists and distribution records disagree");
		for (_, fee) in AdminFee::<T>::iter() {
			ensure!(fee <= MAX_FEE, "a fee above 100 %");
		}
		for (_, asset, fee) in CuratorFees::<T>::iter() {
			add(&asset, fee);
		}
		for ((network, asset, operator), reward) in OperatorRewards::<T>::iter() {
			ensure!(
				reward.is_zero()
					|| OperatorRewardSources::<T>::contains_key(
						&operator,
						(network.clone(), asset.clone())
					),
				"operator rewards missing from the reader index"
			);
			add(&asset, reward);
		}
		for key in Streams::<T>::iter_keys() {
			ensure!(
				VaultStreams::<T>::contains_key(key.0, (key.1.clone(), key.2.clone())),
				"a stream missing from the reader index"
			);
		}
		for (asset, total) in Owed::<T>::iter() {
			ensure!(
				owed.remove(&asset).unwrap_or(0) == total,
				"Owed differs from what the records owe"
			);
			ensure!(
				T::Assets::balance(asset, &Self::account()) >= total,
				"the pallet account holds less than it owes"
			);
		}
		ensure!(owed.values().all(|v| v.is_zero()), "an asset owed without an Owed entry");
		Ok(())
	}
}

/// Rewards in a network's name, for its on-chain middleware: authorised by the network's registry
/// middleware (`by`), paid by `payer`, with the same checks as the pallet's own calls.
impl<T: Config>
	rampart_primitives::traits::NetworkRewards<T::AccountId, T::AssetKind, BlockNumberOf<T>>
	for Pallet<T>
{
	fn reward_stakers(
		by: &T::AccountId,
		payer: &T::AccountId,
		vault: VaultId,
		network: &T::AccountId,
		asset: &T::AssetKind,
		amount: u128,
		snapshot: BlockNumberOf<T>,
		max_admin_fee: u32,
	) -> DispatchResult {
		Self::do_distribute_staker_rewards(
			by,
			payer,
			vault,
			network.clone(),
			asset.clone(),
			amount,
			snapshot,
			max_admin_fee,
		)
	}

	fn reward_operators(
		by: &T::AccountId,
		payer: &T::AccountId,
		network: &T::AccountId,
		asset: &T::AssetKind,
		payouts: Vec<(T::AccountId, u128)>,
	) -> DispatchResult {
		Self::ensure_middleware(by, network)?;
		ensure!(payouts.len() <= T::MaxOperatorPayouts::get() as usize, Error::<T>::TooManyPayouts);
		Self::ensure_distinct(payouts.iter().map(|(operator, _)| operator))?;
		Self::credit_operators(payer, network.clone(), asset.clone(), payouts)
	}

	fn max_operator_payouts() -> u32 {
		T::MaxOperatorPayouts::get()
	}

	fn reward_stakers_weight() -> Weight {
		Self::distribute_weight()
	}

	fn reward_operators_weight(n: u32) -> Weight {
		Self::listed_weight(n)
	}
}
