// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Rewards in power: a network pays an amount for its operator set's power at a snapshot.
//!
//! ```text
//! share_i      = ⌊amount · capped_i / total⌋            (per operator of the set)
//! commission_i = ⌊commission_i(snapshot) · share_i⌋     → credited to the operator
//! stakers_v   += ⌊(share_i − commission_i) · power_iv / power_i⌋   → vault v's stakers
//! dust         = amount − Σ commission_i − Σ stakers_v  (never taken from the payer)
//! ```
//!
//! Worked example (operators A 400 = 200 native + 200 USD, B 100 native, C 30 USD; A's commission
//! 10 %), 1 060 paid: A 800 (80 to A, 360 to each vault), B 200 (native), C 60 (USD): native
//! stakers 560, USD stakers 420, A 80, no dust.

use crate::{pallet::*, types::*, weights::WeightInfo};
use alloc::{collections::BTreeMap, vec::Vec};
use frame_support::{ensure, pallet_prelude::*, traits::Get};
use rampart_primitives::{
	traits::{NetworkRewards, StakeProvider},
	VaultId,
};
use sp_runtime::{helpers_128bit::multiply_by_rational_with_rounding, traits::Zero, Rounding};

fn share(amount: u128, part: u128, total: u128) -> u128 {
	multiply_by_rational_with_rounding(amount, part, total, Rounding::Down).unwrap_or(0)
}

impl<T: Config> Pallet<T> {
	/// The worst weight of a reward: the measured part at the most operators and vaults, plus
	/// the stake lookups at their worst, a staker distribution per vault, and the operator
	/// credits in lists of the rewards pallet's largest size.
	pub fn distribute_weight() -> Weight {
		let (n, v) = (T::MaxOperatorsPerSubnetwork::get(), T::MaxVaultsPerSubnetwork::get());
		let per_list = T::Rewards::max_operator_payouts().max(1);
		let lists = n.div_ceil(per_list);
		// One stake lookup per (operator, vault).
		let lookups = u64::from(n.saturating_mul(v));
		T::WeightInfo::distribute_rewards(n, v)
			.saturating_add(T::Stakes::stake_at_weight().saturating_mul(lookups))
			.saturating_add(T::Rewards::reward_stakers_weight().saturating_mul(u64::from(v)))
			.saturating_add(
				T::Rewards::reward_operators_weight(per_list).saturating_mul(u64::from(lists)),
			)
	}

	pub(crate) fn do_distribute_rewards(
		payer: T::AccountId,
		subnetwork: SubnetworkOf<T>,
		asset: T::AssetKind,
		amount: u128,
		snapshot: BlockNumberOf<T>,
		max_admin_fee: u32,
	) -> DispatchResult {
		let by = Self::delegated_account(&subnetwork.network)?;
		ensure!(!amount.is_zero(), Error::<T>::ZeroPower);
		ensure!(snapshot < Self::now(), Error::<T>::InvalidCapture);
		let vaults = Self::valued_vaults(&subnetwork, snapshot)?;
		let (set, parts) = Self::operator_set_over(&vaults, &subnetwork, snapshot)?;
		ensure!(!set.total.is_zero(), Error::<T>::NoPower);
		let members = set
			.operators
			.into_iter()
			.zip(parts)
			.map(|(member, vault_parts)| {
				let part = share(amount, member.capped, set.total);
				(member.operator, part, member.power, vault_parts)
			})
			.collect();
		Self::pay_parts(by, payer, subnetwork, asset, amount, snapshot, max_admin_fee, members)
			.map(|_| ())
	}

	/// The worst weight of [`Self::reward_by_points`] for `n` operators: a power lookup per
	/// (operator, vault), a staker distribution per vault, the operator credits.
	pub fn reward_by_points_weight(n: u32) -> Weight {
		let v = T::MaxVaultsPerSubnetwork::get();
		let per_list = T::Rewards::max_operator_payouts().max(1);
		let lookups = u64::from(n.saturating_mul(v));
		T::WeightInfo::distribute_rewards(n, v)
			.saturating_add(T::Stakes::stake_at_weight().saturating_mul(lookups))
			.saturating_add(T::Rewards::reward_stakers_weight().saturating_mul(u64::from(v)))
			.saturating_add(
				T::Rewards::reward_operators_weight(per_list)
					.saturating_mul(u64::from(n.div_ceil(per_list))),
			)
	}

	/// Pays `amount` of `asset` from `payer` to the operators of `points`, each its share of the
	/// points (`⌊amount · points_i / Σ points⌋`), then, exactly as a power reward does, its
	/// commission at `snapshot` to it and the rest to the stakers of the vaults behind it, pro
	/// rata to each vault's part of its power at `snapshot`. An operator with no power at the
	/// snapshot gets nothing (its share stays with the payer). For a network that pays for work
	/// done (blocks authored, tasks served) rather than for power held: the reference chain pays
	/// its validators by blocks authored this way.
	///
	/// Returns what was paid. Errors as `distribute_rewards` does (`NotDelegated`, `ZeroPower`
	/// for a zero amount or no points, `InvalidCapture`, `NoPower` when no operator had power);
	/// the caller wraps it in a storage layer.
	pub fn reward_by_points(
		payer: T::AccountId,
		subnetwork: SubnetworkOf<T>,
		asset: T::AssetKind,
		amount: u128,
		snapshot: BlockNumberOf<T>,
		points: &[(T::AccountId, u32)],
		max_admin_fee: u32,
	) -> Result<u128, DispatchError> {
		let by = Self::delegated_account(&subnetwork.network)?;
		let total_points = points.iter().fold(0u128, |t, (_, p)| t.saturating_add(u128::from(*p)));
		ensure!(!amount.is_zero() && !total_points.is_zero(), Error::<T>::ZeroPower);
		ensure!(snapshot < Self::now(), Error::<T>::InvalidCapture);
		let vaults = Self::valued_vaults(&subnetwork, snapshot)?;
		let mut members = Vec::with_capacity(points.len());
		for (operator, pts) in points.iter().filter(|(_, p)| *p > 0) {
			let (power, parts) = Self::power_over(&vaults, &subnetwork, operator, snapshot)?;
			if power.is_zero() {
				continue;
			}
			let part = share(amount, u128::from(*pts), total_points);
			members.push((operator.clone(), part, power, parts));
		}
		ensure!(!members.is_empty(), Error::<T>::NoPower);
		Self::pay_parts(by, payer, subnetwork, asset, amount, snapshot, max_admin_fee, members)
	}

	/// Pays each member's `part`: its commission at `snapshot` to it (in lists of the rewards
	/// pallet's size), the rest to its vaults' stakers pro rata to `power_iv / power_i`; one
	/// staker distribution per vault. Returns what was paid; the rest (rounding) is dust.
	#[allow(clippy::too_many_arguments)]
	fn pay_parts(
		by: T::AccountId,
		payer: T::AccountId,
		subnetwork: SubnetworkOf<T>,
		asset: T::AssetKind,
		amount: u128,
		snapshot: BlockNumberOf<T>,
		max_admin_fee: u32,
		members: Vec<(T::AccountId, u128, u128, Vec<VaultPower>)>,
	) -> Result<u128, DispatchError> {
		let network = subnetwork.network.clone();
		let mut credits: Vec<(T::AccountId, u128)> = Vec::new();
		let mut stakers: BTreeMap<VaultId, u128> = BTreeMap::new();
		for (operator, part, power, vault_parts) in members {
			let commission = Self::commission_at(&subnetwork, &operator, snapshot)?.mul_floor(part);
			let rest = part.saturating_sub(commission);
			for vault_part in vault_parts.iter().filter(|p| !p.power.is_zero()) {
				let to_vault = share(rest, vault_part.power, power);
				*stakers.entry(vault_part.vault).or_default() += to_vault;
			}
			if !commission.is_zero() {
				credits.push((operator, commission));
			}
		}

		let to_operators = credits.iter().fold(0u128, |t, (_, c)| t.saturating_add(*c));
		let per_list = T::Rewards::max_operator_payouts().max(1) as usize;
		for list in credits.chunks(per_list) {
			T::Rewards::reward_operators(&by, &payer, &network, &asset, list.to_vec())?;
		}
		let mut to_stakers = 0u128;
		for (vault, reward) in stakers.into_iter().filter(|(_, r)| !r.is_zero()) {
			T::Rewards::reward_stakers(
				&by,
				&payer,
				vault,
				&network,
				&asset,
				reward,
				snapshot,
				max_admin_fee,
			)?;
			to_stakers = to_stakers.saturating_add(reward);
		}
		let paid = to_operators.saturating_add(to_stakers);
		let dust = amount.saturating_sub(paid);
		Self::deposit_event(Event::RewardsDistributed {
			subnetwork,
			asset,
			snapshot,
			amount,
			to_operators,
			to_stakers,
			dust,
		});
		Ok(paid)
	}
}
