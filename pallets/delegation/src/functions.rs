// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The pallet's logic: the setters, the stake formulas of the four kinds (PROTOCOL 3.2-3.5),
//! the hook policies (PROTOCOL 3.7) and the invariants.

use crate::*;
use alloc::vec::Vec;
use codec::FullCodec;
use frame_support::{
	defensive,
	pallet_prelude::*,
	storage::{with_storage_layer, StorageDoubleMap, StorageMap},
};
use rampart_primitives::{
	checkpoints::TraceError,
	paged_trace::{steps_beyond_head, Page, PagedTrace, TraceHead},
	shares::mul_div,
	traits::{NetworkRegistry, OptIns, SlashInfo, VaultView, VaultsInspect},
	DelegatorKind, OptInTarget, Role, Subnetwork, SubnetworkId, VaultId,
};
use sp_runtime::{
	traits::{Saturating, Zero},
	ArithmeticError, Rounding,
};

/// A history write refused: the past never changes and a key's index space is four billion
/// entries, so neither happens in practice.
fn trace_error(e: TraceError) -> DispatchError {
	defensive!("a delegation history refused a write", e);
	match e {
		TraceError::Full => ArithmeticError::Overflow.into(),
		_ => DispatchError::Corruption,
	}
}

/// When a stake is read: now, or at a past block.
#[derive(Clone, Copy)]
pub(crate) enum When<B> {
	Now,
	At(B),
}

/// The value of a history now or at a block (zero if nothing was written).
fn read<K, B, H, P, T: Config>(key: &K, when: When<B>) -> Result<u128, DispatchError>
where
	K: FullCodec + Clone,
	B: FullCodec + Copy + Ord + Default,
	H: StorageMap<K, TraceHead<B, u128>>,
	P: StorageDoubleMap<K, u32, Page<B, u128>>,
{
	match when {
		When::Now => Ok(PagedTrace::<K, B, u128, H, P>::latest_value_or(key, 0)),
		When::At(at) => PagedTrace::<K, B, u128, H, P>::at(key, at)
			.map(|v| v.unwrap_or(0))
			.map_err(|_| Error::<T>::HistoryPruned.into()),
	}
}

/// `min(a, b)` for amounts.
fn min(a: u128, b: u128) -> u128 {
	a.min(b)
}

impl<T: Config> Pallet<T> {
	/// The current block as the pallet counts them.
	pub fn now() -> BlockNumberOf<T> {
		rampart_primitives::clock::now::<T>()
	}

	/// The vault, read once. Its `history_horizon` is the block before which no lookup needs
	/// the entries of the histories kept for it: they may be pruned.
	fn view(vault: VaultId) -> Result<VaultViewOf<T>, Error<T>> {
		T::Vaults::vault(vault).ok_or(Error::<T>::UnknownVault)
	}

	fn ensure_role(vault: VaultId, role: Role, who: &T::AccountId) -> DispatchResult {
		ensure!(T::Vaults::has_role(vault, role, who), Error::<T>::MissingRole);
		Ok(())
	}

	fn set_network_limit_value(
		key: &(VaultId, SubnetworkOf<T>),
		amount: u128,
		horizon: BlockNumberOf<T>,
	) -> DispatchResult {
		let vault = key.0;
		NetworkLimit::<T>::push(key, Self::now(), amount, horizon).map_err(trace_error)?;
		if amount > 0 {
			Allocations::<T>::insert(vault, (key.1.clone(), None::<T::AccountId>), ());
		}
		Self::deposit_event(Event::NetworkLimitSet { vault, subnetwork: key.1.clone(), amount });
		Ok(())
	}

	fn set_shares_value(
		vault: VaultId,
		subnetwork: &SubnetworkOf<T>,
		operator: &T::AccountId,
		shares: u128,
		horizon: BlockNumberOf<T>,
	) -> DispatchResult {
		let key = (vault, subnetwork.clone());
		let op_key = (vault, subnetwork.clone(), operator.clone());
		let old = OperatorShares::<T>::latest_value_or(&op_key, 0);
		let total = TotalShares::<T>::latest_value_or(&key, 0)
			.checked_sub(old)
			.ok_or(DispatchError::Corruption)?
			.checked_add(shares)
			.ok_or(ArithmeticError::Overflow)?;
		let now = Self::now();
		TotalShares::<T>::push(&key, now, total, horizon).map_err(trace_error)?;
		OperatorShares::<T>::push(&op_key, now, shares, horizon).map_err(trace_error)?;
		if shares > 0 {
			Allocations::<T>::insert(vault, (subnetwork.clone(), Some(operator.clone())), ());
		}
		Self::deposit_event(Event::OperatorNetworkSharesSet {
			vault,
			subnetwork: subnetwork.clone(),
			operator: operator.clone(),
			shares,
		});
		Ok(())
	}

	fn set_operator_limit_value(
		vault: VaultId,
		subnetwork: &SubnetworkOf<T>,
		operator: &T::AccountId,
		amount: u128,
		horizon: BlockNumberOf<T>,
	) -> DispatchResult {
		let key = (vault, subnetwork.clone(), operator.clone());
		OperatorLimit::<T>::push(&key, Self::now(), amount, horizon).map_err(trace_error)?;
		if amount > 0 {
			Allocations::<T>::insert(vault, (subnetwork.clone(), Some(operator.clone())), ());
		}
		Self::deposit_event(Event::OperatorNetworkLimitSet {
			vault,
			subnetwork: subnetwork.clone(),
			operator: operator.clone(),
			amount,
		});
		Ok(())
	}

	// ---------------------------------------------------------------------------------------
	// Setters.

	pub(crate) fn do_set_max_network_limit(
		network: &T::AccountId,
		vault: VaultId,
		id: SubnetworkId,
		amount: u128,
	) -> DispatchResult {
		ensure!(T::Networks::is_network(network), Error::<T>::NotNetwork);
		let view = Self::view(vault)?;
		let kind = view.delegator;
		let pair_kind = matches!(kind, DelegatorKind::OperatorNetworkSpecific { .. });
		let key = (vault, Subnetwork::new(network.clone(), id));
		// The reference checks `AlreadySet` before the kind's own hook refuses another network.
		ensure!(MaxNetworkLimit::<T>::latest_value_or(&key, 0) != amount, Error::<T>::AlreadySet);
		if let DelegatorKind::OperatorNetworkSpecific { network: bound, .. } = &kind {
			ensure!(bound == network, Error::<T>::InvalidNetwork);
		}
		MaxNetworkLimit::<T>::push(&key, Self::now(), amount, view.history_horizon)
			.map_err(trace_error)?;
		// A pair vault's stake follows the network's maximum: the network allocates.
		if pair_kind && amount > 0 {
			Allocations::<T>::insert(vault, (key.1.clone(), None::<T::AccountId>), ());
		}
		Self::deposit_event(Event::MaxNetworkLimitSet { vault, subnetwork: key.1.clone(), amount });
		// The curator's limit never stays above the network's maximum.
		if !pair_kind && NetworkLimit::<T>::latest_value_or(&key, 0) > amount {
			Self::set_network_limit_value(&key, amount, view.history_horizon)?;
		}
		Ok(())
	}

	pub(crate) fn do_set_network_limit(
		who: &T::AccountId,
		vault: VaultId,
		subnetwork: SubnetworkOf<T>,
		amount: u128,
	) -> DispatchResult {
		let view = Self::view(vault)?;
		ensure!(
			!matches!(view.delegator, DelegatorKind::OperatorNetworkSpecific { .. }),
			Error::<T>::NotSupportedByKind
		);
		Self::ensure_role(vault, Role::NetworkLimitSetter, who)?;
		let key = (vault, subnetwork);
		ensure!(
			amount <= MaxNetworkLimit::<T>::latest_value_or(&key, 0),
			Error::<T>::ExceedsMaxNetworkLimit
		);
		ensure!(NetworkLimit::<T>::latest_value_or(&key, 0) != amount, Error::<T>::AlreadySet);
		Self::set_network_limit_value(&key, amount, view.history_horizon)
	}

	pub(crate) fn do_set_operator_network_shares(
		who: &T::AccountId,
		vault: VaultId,
		subnetwork: SubnetworkOf<T>,
		operator: T::AccountId,
		shares: u128,
	) -> DispatchResult {
		let view = Self::view(vault)?;
		ensure!(
			matches!(view.delegator, DelegatorKind::NetworkRestake),
			Error::<T>::NotSupportedByKind
		);
		Self::ensure_role(vault, Role::OperatorNetworkSharesSetter, who)?;
		let op_key = (vault, subnetwork.clone(), operator.clone());
		ensure!(OperatorShares::<T>::latest_value_or(&op_key, 0) != shares, Error::<T>::AlreadySet);
		Self::set_shares_value(vault, &subnetwork, &operator, shares, view.history_horizon)
	}

	pub(crate) fn do_set_operator_network_limit(
		who: &T::AccountId,
		vault: VaultId,
		subnetwork: SubnetworkOf<T>,
		operator: T::AccountId,
		amount: u128,
	) -> DispatchResult {
		let view = Self::view(vault)?;
		ensure!(
			matches!(view.delegator, DelegatorKind::FullRestake),
			Error::<T>::NotSupportedByKind
		);
		Self::ensure_role(vault, Role::OperatorNetworkLimitSetter, who)?;
		let key = (vault, subnetwork.clone(), operator.clone());
		ensure!(OperatorLimit::<T>::latest_value_or(&key, 0) != amount, Error::<T>::AlreadySet);
		Self::set_operator_limit_value(vault, &subnetwork, &operator, amount, view.history_horizon)
	}

	pub(crate) fn do_set_hook_policy(
		who: &T::AccountId,
		vault: VaultId,
		policy: HookPolicy<BlockNumberOf<T>>,
	) -> DispatchResult {
		let kind = Self::view(vault)?.delegator;
		Self::ensure_role(vault, Role::HookSetter, who)?;
		let valid = policy.fits(&kind)
			&& match policy {
				HookPolicy::Reset { period, count } => {
					!period.is_zero() && count >= 1 && count <= T::MaxResetCount::get()
				},
				_ => true,
			};
		ensure!(valid, Error::<T>::InvalidHookPolicy);
		ensure!(
			HookPolicies::<T>::get(vault).unwrap_or_default() != policy,
			Error::<T>::AlreadySet
		);
		if policy == HookPolicy::None {
			HookPolicies::<T>::remove(vault);
		} else {
			HookPolicies::<T>::insert(vault, policy);
		}
		Self::deposit_event(Event::HookPolicySet { vault, policy });
		Ok(())
	}

	pub(crate) fn genesis_allocation(
		allocation: &GenesisAllocation<T::AccountId>,
	) -> DispatchResult {
		let GenesisAllocation {
			vault,
			ref subnetwork,
			max_network_limit: max,
			network_limit: limit,
			ref operators,
		} = *allocation;
		let VaultView { delegator: kind, history_horizon: horizon, .. } = Self::view(vault)?;
		Self::do_set_max_network_limit(&subnetwork.network, vault, subnetwork.id, max)?;
		let key = (vault, subnetwork.clone());
		if !matches!(kind, DelegatorKind::OperatorNetworkSpecific { .. }) && limit > 0 {
			ensure!(limit <= max, Error::<T>::ExceedsMaxNetworkLimit);
			Self::set_network_limit_value(&key, limit, horizon)?;
		}
		for GenesisOperator { operator, value } in operators {
			match kind {
				DelegatorKind::NetworkRestake => {
					Self::set_shares_value(vault, subnetwork, operator, *value, horizon)?
				},
				DelegatorKind::FullRestake => {
					Self::set_operator_limit_value(vault, subnetwork, operator, *value, horizon)?
				},
				_ => return Err(Error::<T>::NotSupportedByKind.into()),
			}
		}
		Ok(())
	}

	/// Up to `max` of the subnetworks and operators `vault` allocates to (see [`Allocations`]),
	/// as `(subnetwork, operators)`, and whether entries were left out. For an operator-specific
	/// or pair vault, the operators are the vault's one operator.
	pub fn allocations(
		vault: VaultId,
		max: u32,
	) -> (Vec<(SubnetworkOf<T>, Vec<T::AccountId>)>, bool) {
		let fixed = match T::Vaults::vault(vault).map(|v| v.delegator) {
			Some(DelegatorKind::OperatorSpecific { operator })
			| Some(DelegatorKind::OperatorNetworkSpecific { operator, .. }) => Some(operator),
			Some(_) => None,
			None => return (Vec::new(), false),
		};
		let mut out: Vec<(SubnetworkOf<T>, Vec<T::AccountId>)> = Vec::new();
		let mut truncated = false;
		for (taken, (subnetwork, operator)) in Allocations::<T>::iter_key_prefix(vault).enumerate()
		{
			if taken == max as usize {
				truncated = true;
				break;
			}
			let at = match out.iter().position(|(s, _)| *s == subnetwork) {
				Some(at) => at,
				None => {
					out.push((subnetwork, fixed.iter().cloned().collect()));
					out.len() - 1
				},
			};
			if let (Some(operator), None) = (operator, &fixed) {
				out[at].1.push(operator);
			}
		}
		out.sort_by_key(|a| a.0.encode());
		for (_, operators) in out.iter_mut() {
			operators.sort_by_key(|o| o.encode());
		}
		(out, truncated)
	}

	// ---------------------------------------------------------------------------------------
	// Stake.

	/// The stake `vault` gives `operator` in `subnetwork` now.
	pub fn stake_now(
		vault: VaultId,
		subnetwork: &SubnetworkOf<T>,
		operator: &T::AccountId,
	) -> Result<u128, DispatchError> {
		Self::stake_when(vault, subnetwork, operator, When::Now)
	}

	/// The stake `vault` gave `operator` in `subnetwork` at block `at`.
	pub fn stake_at_block(
		vault: VaultId,
		subnetwork: &SubnetworkOf<T>,
		operator: &T::AccountId,
		at: BlockNumberOf<T>,
	) -> Result<u128, DispatchError> {
		ensure!(at <= Self::now(), Error::<T>::FutureBlock);
		Self::stake_when(vault, subnetwork, operator, When::At(at))
	}

	fn opted_in(
		vault: VaultId,
		subnetwork: &SubnetworkOf<T>,
		operator: &T::AccountId,
		when: When<BlockNumberOf<T>>,
	) -> Result<bool, DispatchError> {
		let targets = [OptInTarget::Vault(vault), OptInTarget::Network(subnetwork.network.clone())];
		for target in &targets {
			let yes = match when {
				When::Now => T::OptIns::is_opted_in(operator, target),
				When::At(at) => T::OptIns::is_opted_in_at(operator, target, at)?,
			};
			if !yes {
				return Ok(false);
			}
		}
		Ok(true)
	}

	/// The stake formulas of PROTOCOL 3.2-3.5, with every value read now or at one block.
	pub(crate) fn stake_when(
		vault: VaultId,
		subnetwork: &SubnetworkOf<T>,
		operator: &T::AccountId,
		when: When<BlockNumberOf<T>>,
	) -> Result<u128, DispatchError> {
		Self::stake_in(&Self::view(vault)?, subnetwork, operator, when)
	}

	/// [`Self::stake_when`] for a vault the caller already read.
	pub(crate) fn stake_in<A>(
		view: &VaultView<T::AccountId, A, BlockNumberOf<T>>,
		subnetwork: &SubnetworkOf<T>,
		operator: &T::AccountId,
		when: When<BlockNumberOf<T>>,
	) -> Result<u128, DispatchError> {
		let (vault, kind) = (view.id, &view.delegator);
		// A vault bound to one operator (and network) gives nobody else anything.
		let bound = match kind {
			DelegatorKind::OperatorSpecific { operator: o } => o == operator,
			DelegatorKind::OperatorNetworkSpecific { operator: o, network: n } => {
				o == operator && *n == subnetwork.network
			},
			DelegatorKind::NetworkRestake | DelegatorKind::FullRestake => true,
		};
		if !bound || !Self::opted_in(vault, subnetwork, operator, when)? {
			return Ok(0);
		}
		// The pallet's own histories first: a zero share or limit needs no vault read.
		let active = || match when {
			When::Now => Ok::<_, DispatchError>(T::Vaults::active_stake(vault)),
			When::At(at) => T::Vaults::active_stake_at(vault, at),
		};
		let key = (vault, subnetwork.clone());
		let network_limit =
			|| read::<_, _, NetworkLimitHead<T>, NetworkLimitPages<T>, T>(&key, when);
		let op_key = (vault, subnetwork.clone(), operator.clone());
		Ok(match kind {
			DelegatorKind::NetworkRestake => {
				let total = read::<_, _, TotalSharesHead<T>, TotalSharesPages<T>, T>(&key, when)?;
				if total.is_zero() {
					return Ok(0);
				}
				let shares =
					read::<_, _, OperatorSharesHead<T>, OperatorSharesPages<T>, T>(&op_key, when)?;
				let limit = network_limit()?;
				let pool = min(active()?, limit);
				mul_div(shares, pool, total, Rounding::Down).ok_or(DispatchError::Corruption)?
			},
			DelegatorKind::FullRestake => {
				let op_limit =
					read::<_, _, OperatorLimitHead<T>, OperatorLimitPages<T>, T>(&op_key, when)?;
				let limit = network_limit()?;
				min(min(active()?, limit), op_limit)
			},
			DelegatorKind::OperatorSpecific { .. } => {
				let limit = network_limit()?;
				min(active()?, limit)
			},
			DelegatorKind::OperatorNetworkSpecific { .. } => {
				let max =
					read::<_, _, MaxNetworkLimitHead<T>, MaxNetworkLimitPages<T>, T>(&key, when)?;
				min(active()?, max)
			},
		})
	}

	// ---------------------------------------------------------------------------------------
	// Slashes.

	/// The delegator's side of a slash: runs the vault's hook policy in a storage layer whose
	/// failure is reported and ignored, then tells the world. Returns the policy run.
	pub(crate) fn do_on_slash<A>(
		view: Option<&VaultView<T::AccountId, A, BlockNumberOf<T>>>,
		vault: VaultId,
		subnetwork: &SubnetworkOf<T>,
		operator: &T::AccountId,
		slash: SlashOf<T>,
	) -> HookPolicy<BlockNumberOf<T>> {
		let SlashInfo { amount, capture, .. } = slash;
		let policy = HookPolicies::<T>::get(vault).unwrap_or_default();
		if policy != HookPolicy::None {
			let run = with_storage_layer(|| match view {
				Some(view) => Self::run_hook(policy, view, subnetwork, operator, slash),
				None => Self::run_hook(policy, &Self::view(vault)?, subnetwork, operator, slash),
			});
			if let Err(error) = run {
				log::debug!(target: LOG_TARGET, "hook of vault {vault} failed: {error:?}");
				Self::deposit_event(Event::HookFailed { vault, error });
			}
		}
		Self::deposit_event(Event::Slashed {
			vault,
			subnetwork: subnetwork.clone(),
			operator: operator.clone(),
			amount,
			capture,
		});
		policy
	}

	fn run_hook<A>(
		policy: HookPolicy<BlockNumberOf<T>>,
		view: &VaultView<T::AccountId, A, BlockNumberOf<T>>,
		subnetwork: &SubnetworkOf<T>,
		operator: &T::AccountId,
		slash: SlashOf<T>,
	) -> DispatchResult {
		let SlashInfo { amount, capture, slashable } = slash;
		let vault = view.id;
		let (kind, horizon) = (view.delegator.clone(), view.history_horizon);
		let key = (vault, subnetwork.clone());
		let op_key = (vault, subnetwork.clone(), operator.clone());
		match policy {
			HookPolicy::None => Ok(()),
			HookPolicy::Decrease => {
				let limit = NetworkLimit::<T>::latest_value_or(&key, 0);
				if !limit.is_zero() {
					Self::set_network_limit_value(&key, limit - min(amount, limit), horizon)?;
				}
				match kind {
					DelegatorKind::FullRestake => {
						let op_limit = OperatorLimit::<T>::latest_value_or(&op_key, 0);
						if !op_limit.is_zero() {
							let new = op_limit - min(amount, op_limit);
							Self::set_operator_limit_value(
								vault, subnetwork, operator, new, horizon,
							)?;
						}
					},
					DelegatorKind::NetworkRestake => {
						let shares = OperatorShares::<T>::latest_value_or(&op_key, 0);
						if !shares.is_zero() {
							let at = When::At(capture);
							let stake = Self::stake_in(view, subnetwork, operator, at)?;
							let shares_then =
								read::<_, _, OperatorSharesHead<T>, OperatorSharesPages<T>, T>(
									&op_key, at,
								)?;
							if !stake.is_zero() {
								let cut = mul_div(amount, shares_then, stake, Rounding::Up)
									.ok_or(ArithmeticError::Overflow)?;
								let new = shares - min(cut, shares);
								Self::set_shares_value(vault, subnetwork, operator, new, horizon)?;
							}
						}
					},
					_ => {},
				}
				Ok(())
			},
			HookPolicy::Redistribute => {
				// PROTOCOL 3.7: scaled by what was still slashable for this capture before this
				// slash (the stake at the capture less earlier slashes of it), so that a second
				// slash of one capture takes its full share.
				let shares = OperatorShares::<T>::latest_value_or(&op_key, 0);
				if !shares.is_zero() && !slashable.is_zero() {
					let kept = slashable.saturating_sub(amount);
					let new = mul_div(shares, kept, slashable, Rounding::Down)
						.ok_or(ArithmeticError::Overflow)?;
					Self::set_shares_value(vault, subnetwork, operator, new, horizon)?;
				}
				Ok(())
			},
			HookPolicy::Reset { period, count } => {
				let now = Self::now();
				let mut recent = RecentSlashes::<T>::get(&op_key);
				if recent.len() as u32 >= count {
					let excess = (recent.len() as u32 + 1).saturating_sub(count) as usize;
					recent.drain(..excess.min(recent.len()));
				}
				recent.try_push(now).map_err(|_| Error::<T>::InvalidHookPolicy)?;
				let oldest = recent.first().copied().unwrap_or(now);
				// As the reference: the oldest kept slash counts while at most `period` old.
				if recent.len() as u32 >= count && now.saturating_sub(oldest) <= period {
					RecentSlashes::<T>::remove(&op_key);
					match kind {
						DelegatorKind::NetworkRestake => {
							if !OperatorShares::<T>::latest_value_or(&op_key, 0).is_zero() {
								Self::set_shares_value(vault, subnetwork, operator, 0, horizon)?;
							}
						},
						DelegatorKind::FullRestake => {
							if !OperatorLimit::<T>::latest_value_or(&op_key, 0).is_zero() {
								Self::set_operator_limit_value(
									vault, subnetwork, operator, 0, horizon,
								)?;
							}
						},
						DelegatorKind::OperatorSpecific { .. } => {
							if !NetworkLimit::<T>::latest_value_or(&key, 0).is_zero() {
								Self::set_network_limit_value(&key, 0, horizon)?;
							}
						},
						DelegatorKind::OperatorNetworkSpecific { .. } => {},
					}
				} else {
					RecentSlashes::<T>::insert(&op_key, recent);
				}
				Ok(())
			},
		}
	}

	// ---------------------------------------------------------------------------------------
	// Invariants.

	/// Checks (PROTOCOL 6.1 items 13-15 that apply):
	/// - every history is well formed;
	/// - a network limit is never above its subnetwork's maximum (kinds 0-2);
	/// - total shares of a subnetwork equal the sum of its operators' shares;
	/// - for the network-restake kind, the stakes of one subnetwork's operators sum to at most
	///   `min(A, NL)`; for every kind, an operator's stake is at most the vault's active stake;
	/// - a reset ring buffer is never longer than its policy's count.
	#[cfg(any(test, feature = "std", feature = "try-runtime"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		for key in MaxNetworkLimitHead::<T>::iter_keys() {
			MaxNetworkLimit::<T>::check(&key)?;
		}
		for key in NetworkLimitHead::<T>::iter_keys() {
			NetworkLimit::<T>::check(&key)?;
			let kind = Self::view(key.0).map_err(|_| "a limit of an unknown vault")?.delegator;
			if !matches!(kind, DelegatorKind::OperatorNetworkSpecific { .. }) {
				ensure!(
					NetworkLimit::<T>::latest_value_or(&key, 0)
						<= MaxNetworkLimit::<T>::latest_value_or(&key, 0),
					"a network limit is above its maximum"
				);
			}
		}
		for key in OperatorLimitHead::<T>::iter_keys() {
			OperatorLimit::<T>::check(&key)?;
			let (vault, subnetwork, operator) = &key;
			let stake = Self::stake_now(*vault, subnetwork, operator)
				.map_err(|_| "a stake cannot be computed")?;
			ensure!(stake <= T::Vaults::active_stake(*vault), "a stake is above the active stake");
		}
		let mut sums: BTreeMap<(VaultId, SubnetworkOf<T>), (u128, u128)> = BTreeMap::new();
		for key in OperatorSharesHead::<T>::iter_keys() {
			OperatorShares::<T>::check(&key)?;
			let (vault, subnetwork, operator) = key.clone();
			let shares = OperatorShares::<T>::latest_value_or(&key, 0);
			let stake = Self::stake_now(vault, &subnetwork, &operator)
				.map_err(|_| "a stake cannot be computed")?;
			ensure!(stake <= T::Vaults::active_stake(vault), "a stake is above the active stake");
			let entry = sums.entry((vault, subnetwork)).or_default();
			entry.0 = entry.0.checked_add(shares).ok_or("shares overflow")?;
			entry.1 = entry.1.checked_add(stake).ok_or("stakes overflow")?;
		}
		for key in TotalSharesHead::<T>::iter_keys() {
			TotalShares::<T>::check(&key)?;
			let (shares, stakes) = sums.get(&key).copied().unwrap_or_default();
			ensure!(
				TotalShares::<T>::latest_value_or(&key, 0) == shares,
				"total shares differ from the sum of shares"
			);
			let pool =
				min(T::Vaults::active_stake(key.0), NetworkLimit::<T>::latest_value_or(&key, 0));
			ensure!(stakes <= pool, "a subnetwork's stakes sum above min(A, NL)");
		}
		// A curator may lower a policy's count (or change the policy) after slashes were kept:
		// the next slash trims the buffer, so only the bound itself is an invariant.
		for (_, recent) in RecentSlashes::<T>::iter() {
			ensure!(
				recent.len() as u32 <= T::MaxResetCount::get(),
				"a reset buffer is longer than MaxResetCount"
			);
			ensure!(recent.windows(2).all(|w| w[0] <= w[1]), "a reset buffer is out of order");
		}
		Ok(())
	}

	/// What history lookups are charged at: the steps of a search `MaxHistoryDepth` deep beyond
	/// the history's head, the component the weights are benchmarked over.
	pub(crate) fn charged_steps() -> u32 {
		steps_beyond_head(T::MaxHistoryDepth::get())
	}

	/// The weight of a `stake_at` lookup: the fitted line at the charged depth, or the
	/// measurement at `MaxHistoryDepth` if larger (the cost is convex in the depth, so a line
	/// through the curve falls short at its deep end).
	pub(crate) fn stake_at_weight() -> Weight {
		T::WeightInfo::stake_at(Self::charged_steps()).max(T::WeightInfo::stake_at_deepest())
	}

	/// The weight of [`Self::do_on_slash`] for `policy` (the history-reading policies as
	/// [`Self::stake_at_weight`]).
	pub(crate) fn on_slash_weight_of(policy: &HookPolicy<BlockNumberOf<T>>) -> Weight {
		match policy {
			HookPolicy::None => T::WeightInfo::on_slash_none(),
			HookPolicy::Decrease => T::WeightInfo::on_slash_decrease(Self::charged_steps())
				.max(T::WeightInfo::on_slash_decrease_deepest()),
			HookPolicy::Redistribute => T::WeightInfo::on_slash_redistribute(Self::charged_steps())
				.max(T::WeightInfo::on_slash_redistribute_deepest()),
			HookPolicy::Reset { .. } => T::WeightInfo::on_slash_reset(),
		}
	}
}
