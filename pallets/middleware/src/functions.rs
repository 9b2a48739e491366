// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The middleware's logic: who may configure, memberships, valuations and feeds, power and the
//! operator set.

use crate::{cap::cap_powers, pallet::*, types::*};
use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{Consideration, Footprint},
};
use rampart_primitives::{
	checkpoints::{Trace, TraceError},
	traits::{NetworkRegistry, OperatorRegistry, OptIns, StakeProvider, VaultView, VaultsInspect},
	OptInTarget, VaultId,
};
use sp_runtime::{
	traits::{One, Saturating, Zero},
	FixedPointNumber, PerThing, Perbill,
};

/// A vault read once, with the valuation of its collateral at the block power is read at.
pub struct ValuedVault<T: Config> {
	pub view: VaultView<T::AccountId, T::AssetKind, BlockNumberOf<T>>,
	/// Power per collateral unit: the price (zero when stale without fallback) less the haircut.
	pub price: Price,
	pub haircut: Perbill,
}

impl<T: Config> ValuedVault<T> {
	/// The power of `stake` of this vault's collateral: `(1 − haircut) · ⌊stake · price⌋`.
	pub fn value(&self, stake: u128) -> u128 {
		self.haircut.left_from_one().mul_floor(self.price.saturating_mul_int(stake))
	}
}

impl<T: Config> Pallet<T> {
	/// The current block of the restaking clock.
	pub fn now() -> BlockNumberOf<T> {
		rampart_primitives::clock::now::<T>()
	}

	/// The oldest block histories must still answer for.
	fn horizon() -> BlockNumberOf<T> {
		Self::now().saturating_sub(T::HistoryRetention::get())
	}

	/// `who` may configure `subnetwork`: it is the network, or the network's registry middleware.
	pub(crate) fn ensure_network(
		who: &T::AccountId,
		subnetwork: &SubnetworkOf<T>,
	) -> DispatchResult {
		let network = &subnetwork.network;
		let allowed = T::Networks::is_network(network)
			&& (who == network || T::Networks::middleware_of(network).as_ref() == Some(who));
		ensure!(allowed, Error::<T>::NotNetwork);
		Ok(())
	}

	fn trace_error(e: TraceError) -> DispatchError {
		match e {
			TraceError::Pruned => Error::<T>::HistoryPruned.into(),
			TraceError::Full | TraceError::OutOfOrder => Error::<T>::TooManyChanges.into(),
		}
	}

	/// Records `value` from block `at` in a bounded history, pruned to the window first.
	fn record<V: Copy + PartialEq, S: Get<u32>>(
		trace: &mut Trace<BlockNumberOf<T>, V, S>,
		at: BlockNumberOf<T>,
		value: V,
	) -> DispatchResult {
		trace.prune(Self::horizon());
		trace.push(at, value).map(drop).map_err(Self::trace_error)
	}

	/// Whether a membership that is over ended before the window: nothing reads it any more.
	fn expired(membership: &MembershipOf<T>) -> bool {
		membership.latest() == Some(false)
			&& membership.latest_key().is_some_and(|ended| ended <= Self::horizon())
	}

	/// Configures a subnetwork at genesis, with the checks of the calls.
	pub(crate) fn build_subnetwork(
		genesis: &GenesisSubnetwork<T::AccountId, T::AssetKind>,
	) -> DispatchResult {
		let subnetwork = &genesis.subnetwork;
		ensure!(T::Networks::is_network(&subnetwork.network), Error::<T>::NotNetwork);
		for valuation in &genesis.valuations {
			let config = ValuationConfig {
				haircut: valuation.haircut,
				source: PriceSource::Network,
				staleness: None,
				on_stale: StalePolicy::Zero,
				max_step: None,
			};
			Self::do_set_valuation(subnetwork.clone(), valuation.asset.clone(), config)?;
			Self::do_set_price(subnetwork.clone(), valuation.asset.clone(), valuation.price)?;
		}
		for vault in &genesis.vaults {
			Self::do_accept_vault(subnetwork.clone(), *vault)?;
		}
		if let Some(policy) = genesis.policy {
			Self::do_set_policy(subnetwork.clone(), policy)?;
		}
		for operator in &genesis.operators {
			Self::do_join(operator.clone(), subnetwork.clone())?;
		}
		Ok(())
	}

	// ---------------------------------------------------------------------------------------
	// Accepted vaults.

	pub(crate) fn do_accept_vault(subnetwork: SubnetworkOf<T>, vault: VaultId) -> DispatchResult {
		ensure!(T::Vaults::vault(vault).is_some(), Error::<T>::UnknownVault);
		let mut membership = VaultMembership::<T>::get(&subnetwork, vault).unwrap_or_default();
		ensure!(membership.latest() != Some(true), Error::<T>::AlreadyAccepted);
		let mut set = AcceptedVaults::<T>::get(&subnetwork);
		set.retain(|v| {
			let expired = *v != vault
				&& VaultMembership::<T>::get(&subnetwork, *v).is_none_or(|m| Self::expired(&m));
			if expired {
				VaultMembership::<T>::remove(&subnetwork, *v);
			}
			!expired
		});
		if !set.contains(&vault) {
			set.try_push(vault).map_err(|_| Error::<T>::TooManyVaults)?;
		}
		let from = Self::now().saturating_add(One::one());
		Self::record(&mut membership, from, true)?;
		VaultMembership::<T>::insert(&subnetwork, vault, membership);
		AcceptedVaults::<T>::insert(&subnetwork, set);
		Self::deposit_event(Event::VaultAccepted { subnetwork, vault, from });
		Ok(())
	}

	pub(crate) fn do_remove_vault(subnetwork: SubnetworkOf<T>, vault: VaultId) -> DispatchResult {
		let mut membership =
			VaultMembership::<T>::get(&subnetwork, vault).ok_or(Error::<T>::NotAccepted)?;
		ensure!(membership.latest() == Some(true), Error::<T>::NotAccepted);
		let from = Self::now().saturating_add(One::one());
		Self::record(&mut membership, from, false)?;
		VaultMembership::<T>::insert(&subnetwork, vault, membership);
		Self::deposit_event(Event::VaultRemoved { subnetwork, vault, from });
		Ok(())
	}

	/// The vaults `subnetwork` accepts at block `at`.
	pub fn accepted_vaults_at(
		subnetwork: &SubnetworkOf<T>,
		at: BlockNumberOf<T>,
	) -> Result<Vec<VaultId>, DispatchError> {
		let mut vaults = Vec::new();
		for vault in AcceptedVaults::<T>::get(subnetwork) {
			let membership = VaultMembership::<T>::get(subnetwork, vault).unwrap_or_default();
			if membership.at(at).map_err(Self::trace_error)?.unwrap_or(false) {
				vaults.push(vault);
			}
		}
		Ok(vaults)
	}

	// ---------------------------------------------------------------------------------------
	// Valuations.

	pub(crate) fn do_set_valuation(
		subnetwork: SubnetworkOf<T>,
		asset: T::AssetKind,
		config: ValuationConfigOf<T>,
	) -> DispatchResult {
		if let PriceSource::Feeders { feeders, quorum } = &config.source {
			let distinct = feeders.iter().enumerate().all(|(i, f)| !feeders[..i].contains(f));
			let quorum_fits = *quorum > 0 && (*quorum as usize) <= feeders.len();
			ensure!(distinct && quorum_fits, Error::<T>::InvalidFeeders);
		}
		if let StalePolicy::Fallback(price) = config.on_stale {
			ensure!(!price.is_zero(), Error::<T>::ZeroPrice);
		}
		let key = (subnetwork.clone(), asset.clone());
		let now = Self::now();
		let previous = ValuationHistory::<T>::latest(&key).map(|(_, point)| point);
		// The price and its age carry over: only the way it is valued changes.
		let point = ValuationPoint {
			price: previous.and_then(|p| p.price),
			priced_at: previous.map_or(now, |p| p.priced_at),
			haircut: config.haircut,
			staleness: config.staleness,
			on_stale: config.on_stale,
		};
		ValuationHistory::<T>::push(&key, now, point, Self::horizon())
			.map_err(Self::trace_error)?;
		let mut posts = Posts::<T>::get(&subnetwork, &asset);
		match &config.source {
			PriceSource::Network => posts.clear(),
			PriceSource::Feeders { feeders, .. } => posts.retain(|p| feeders.contains(&p.feeder)),
		}
		if posts.is_empty() {
			Posts::<T>::remove(&subnetwork, &asset);
		} else {
			Posts::<T>::insert(&subnetwork, &asset, posts);
		}
		Valuations::<T>::insert(&subnetwork, &asset, config.clone());
		Self::deposit_event(Event::ValuationSet { subnetwork, asset, config });
		Ok(())
	}

	/// Records `price` as the collateral's price from now on, after the maximum step.
	fn update_price(
		subnetwork: SubnetworkOf<T>,
		asset: T::AssetKind,
		config: &ValuationConfigOf<T>,
		price: Price,
	) -> DispatchResult {
		let key = (subnetwork.clone(), asset.clone());
		let previous = ValuationHistory::<T>::latest(&key).and_then(|(_, point)| point.price);
		let (price, clamped) = match (config.max_step, previous) {
			(Some(limit), Some(previous)) => {
				let step = previous.saturating_mul(Price::from_perbill(limit.max_step));
				let (low, high) = (previous.saturating_sub(step), previous.saturating_add(step));
				if price >= low && price <= high {
					(price, false)
				} else {
					ensure!(limit.policy == StepPolicy::Clamp, Error::<T>::PriceStepTooLarge);
					(price.max(low).min(high), true)
				}
			},
			_ => (price, false),
		};
		let now = Self::now();
		let point = ValuationPoint {
			price: Some(price),
			priced_at: now,
			haircut: config.haircut,
			staleness: config.staleness,
			on_stale: config.on_stale,
		};
		ValuationHistory::<T>::push(&key, now, point, Self::horizon())
			.map_err(Self::trace_error)?;
		Self::deposit_event(Event::PriceUpdated { subnetwork, asset, price, clamped });
		Ok(())
	}

	pub(crate) fn do_set_price(
		subnetwork: SubnetworkOf<T>,
		asset: T::AssetKind,
		price: Price,
	) -> DispatchResult {
		let config = Valuations::<T>::get(&subnetwork, &asset).ok_or(Error::<T>::NoValuation)?;
		ensure!(config.source == PriceSource::Network, Error::<T>::PriceFromFeeders);
		ensure!(!price.is_zero(), Error::<T>::ZeroPrice);
		Self::update_price(subnetwork, asset, &config, price)
	}

	pub(crate) fn do_post_price(
		feeder: T::AccountId,
		subnetwork: SubnetworkOf<T>,
		asset: T::AssetKind,
		price: Price,
	) -> DispatchResult {
		let config = Valuations::<T>::get(&subnetwork, &asset).ok_or(Error::<T>::NoValuation)?;
		let PriceSource::Feeders { feeders, quorum } = &config.source else {
			return Err(Error::<T>::NotFeeder.into());
		};
		ensure!(feeders.contains(&feeder), Error::<T>::NotFeeder);
		ensure!(!price.is_zero(), Error::<T>::ZeroPrice);
		let now = Self::now();
		let mut posts = Posts::<T>::get(&subnetwork, &asset);
		let post = FeedPost { feeder: feeder.clone(), price, at: now };
		match posts.iter_mut().find(|p| p.feeder == feeder) {
			Some(existing) => *existing = post,
			// Only listed feeders post, and there are at most `MaxFeeders` of them.
			None => posts.try_push(post).map_err(|_| Error::<T>::InvalidFeeders)?,
		}
		let mut fresh: Vec<Price> = posts
			.iter()
			.filter(|p| config.staleness.is_none_or(|s| p.at.saturating_add(s) >= now))
			.map(|p| p.price)
			.collect();
		Posts::<T>::insert(&subnetwork, &asset, posts);
		Self::deposit_event(Event::PricePosted {
			subnetwork: subnetwork.clone(),
			asset: asset.clone(),
			feeder,
			price,
		});
		if fresh.len() < *quorum as usize {
			return Ok(());
		}
		Self::update_price(subnetwork, asset, &config, Self::median(&mut fresh))
	}

	/// The median of `prices` (not empty): the middle one, or the mean of the two middle ones
	/// rounded down.
	pub(crate) fn median(prices: &mut [Price]) -> Price {
		prices.sort();
		let mid = prices.len() / 2;
		if prices.len() % 2 == 1 {
			prices[mid]
		} else {
			let (a, b) = (prices[mid - 1], prices[mid]);
			// a + (b − a) / 2, which cannot overflow.
			a.saturating_add(Price::from_inner(b.saturating_sub(a).into_inner() / 2))
		}
	}

	/// The valuation of `asset` in `subnetwork` at block `at`: the price it is worth then (zero
	/// when never priced, or stale without a fallback) and the haircut.
	pub fn valuation_at(
		subnetwork: &SubnetworkOf<T>,
		asset: &T::AssetKind,
		at: BlockNumberOf<T>,
	) -> Result<(Price, Perbill), DispatchError> {
		let key = (subnetwork.clone(), asset.clone());
		let Some(point) = ValuationHistory::<T>::at(&key, at).map_err(Self::trace_error)? else {
			return Ok((Price::zero(), Perbill::zero()));
		};
		let stale = point.staleness.is_some_and(|s| at > point.priced_at.saturating_add(s));
		let price = match (point.price, stale, point.on_stale) {
			(Some(price), false, _) => price,
			(_, true, StalePolicy::Fallback(fallback)) => fallback,
			_ => Price::zero(),
		};
		Ok((price, point.haircut))
	}

	// ---------------------------------------------------------------------------------------
	// The operator set policy, admission and commissions.

	pub(crate) fn do_set_policy(
		subnetwork: SubnetworkOf<T>,
		policy: OperatorSetPolicy,
	) -> DispatchResult {
		let fits =
			policy.max_operators > 0 && policy.max_operators <= T::MaxOperatorsPerSubnetwork::get();
		ensure!(fits, Error::<T>::InvalidPolicy);
		let mut history = Policies::<T>::get(&subnetwork).unwrap_or_default();
		Self::record(&mut history, Self::now(), policy)?;
		Policies::<T>::insert(&subnetwork, history);
		Self::deposit_event(Event::PolicySet { subnetwork, policy });
		Ok(())
	}

	/// The policy of `subnetwork` at block `at`: the default (no cap, no minimum, the bound's
	/// number of operators) until one is set.
	pub fn policy_at(
		subnetwork: &SubnetworkOf<T>,
		at: BlockNumberOf<T>,
	) -> Result<OperatorSetPolicy, DispatchError> {
		let default = OperatorSetPolicy {
			max_operators: T::MaxOperatorsPerSubnetwork::get(),
			..Default::default()
		};
		let Some(history) = Policies::<T>::get(subnetwork) else { return Ok(default) };
		Ok(history.at(at).map_err(Self::trace_error)?.unwrap_or(default))
	}

	pub(crate) fn do_join(operator: T::AccountId, subnetwork: SubnetworkOf<T>) -> DispatchResult {
		ensure!(T::Operators::is_operator(&operator), Error::<T>::NotOperator);
		let admitted = match Admissions::<T>::get(&subnetwork) {
			Admission::OptedIn => {
				T::OptIns::is_opted_in(&operator, &OptInTarget::Network(subnetwork.network.clone()))
			},
			Admission::Allowlist => Allowlist::<T>::contains_key(&subnetwork, &operator),
		};
		ensure!(admitted, Error::<T>::NotAdmitted);
		let mut membership =
			OperatorMembership::<T>::get(&subnetwork, &operator).unwrap_or_default();
		ensure!(membership.latest() != Some(true), Error::<T>::AlreadyMember);
		let mut list = Operators::<T>::get(&subnetwork);
		if !list.contains(&operator) {
			if list.is_full() {
				// Make room from former members nothing reads any more.
				list.retain(|o| {
					let expired = OperatorMembership::<T>::get(&subnetwork, o)
						.is_none_or(|m| Self::expired(&m));
					if expired {
						Self::release(&subnetwork, o);
					}
					!expired
				});
			}
			list.try_push(operator.clone()).map_err(|_| Error::<T>::TooManyOperators)?;
			let ticket = T::Consideration::new(&operator, Footprint::from_parts(1, 0))?;
			OperatorDeposits::<T>::insert(&subnetwork, &operator, ticket);
		}
		let from = Self::now().saturating_add(One::one());
		Self::record(&mut membership, from, true)?;
		OperatorMembership::<T>::insert(&subnetwork, &operator, membership);
		Operators::<T>::insert(&subnetwork, list);
		Self::deposit_event(Event::OperatorJoined { subnetwork, operator, from });
		Ok(())
	}

	pub(crate) fn do_leave(operator: T::AccountId, subnetwork: SubnetworkOf<T>) -> DispatchResult {
		let mut membership =
			OperatorMembership::<T>::get(&subnetwork, &operator).ok_or(Error::<T>::NotMember)?;
		ensure!(membership.latest() == Some(true), Error::<T>::NotMember);
		let now = Self::now();
		// Not before the join takes effect, so that the membership is never a single block.
		let until = now
			.saturating_add(T::LeaveDelay::get())
			.max(membership.latest_key().unwrap_or(now).saturating_add(One::one()));
		Self::record(&mut membership, until, false)?;
		OperatorMembership::<T>::insert(&subnetwork, &operator, membership);
		Self::deposit_event(Event::OperatorLeaving { subnetwork, operator, until });
		Ok(())
	}

	/// Releases `operator`'s place in `subnetwork`'s list and its deposit if its membership ended
	/// before the window. Returns whether it did.
	pub(crate) fn reap(subnetwork: &SubnetworkOf<T>, operator: &T::AccountId) -> bool {
		let membership = OperatorMembership::<T>::get(subnetwork, operator);
		if !membership.as_ref().is_none_or(Self::expired) {
			return false;
		}
		let mut list = Operators::<T>::get(subnetwork);
		let before = list.len();
		list.retain(|o| o != operator);
		if list.len() == before {
			return false;
		}
		Operators::<T>::insert(subnetwork, list);
		Self::release(subnetwork, operator);
		true
	}

	/// Forgets a former member taken off `subnetwork`'s list: its histories, and its deposit
	/// back.
	fn release(subnetwork: &SubnetworkOf<T>, operator: &T::AccountId) {
		OperatorMembership::<T>::remove(subnetwork, operator);
		Commissions::<T>::remove(subnetwork, operator);
		if let Some(ticket) = OperatorDeposits::<T>::take(subnetwork, operator) {
			// The deposit was held by this pallet's reason; releasing it cannot fail.
			let _ = ticket.drop(operator);
		}
		Self::deposit_event(Event::OperatorReaped {
			subnetwork: subnetwork.clone(),
			operator: operator.clone(),
		});
	}

	pub(crate) fn do_set_commission(
		operator: T::AccountId,
		subnetwork: SubnetworkOf<T>,
		commission: Perbill,
	) -> DispatchResult {
		ensure!(T::Operators::is_operator(&operator), Error::<T>::NotOperator);
		let mut history = Commissions::<T>::get(&subnetwork, &operator).unwrap_or_default();
		let from = Self::now().saturating_add(T::CommissionDelay::get());
		Self::record(&mut history, from, commission)?;
		Commissions::<T>::insert(&subnetwork, &operator, history);
		Self::deposit_event(Event::CommissionSet { subnetwork, operator, commission, from });
		Ok(())
	}

	/// `operator`'s commission in `subnetwork` at block `at` (zero until set).
	pub fn commission_at(
		subnetwork: &SubnetworkOf<T>,
		operator: &T::AccountId,
		at: BlockNumberOf<T>,
	) -> Result<Perbill, DispatchError> {
		let Some(history) = Commissions::<T>::get(subnetwork, operator) else {
			return Ok(Perbill::zero());
		};
		Ok(history.at(at).map_err(Self::trace_error)?.unwrap_or_default())
	}

	// ---------------------------------------------------------------------------------------
	// Power.

	/// The vaults `subnetwork` accepts at `at`, each read once and valued at `at`.
	pub(crate) fn valued_vaults(
		subnetwork: &SubnetworkOf<T>,
		at: BlockNumberOf<T>,
	) -> Result<Vec<ValuedVault<T>>, DispatchError> {
		ensure!(at <= Self::now(), Error::<T>::FutureBlock);
		let mut valued = Vec::new();
		for vault in Self::accepted_vaults_at(subnetwork, at)? {
			// A vault never disappears; skip one defensively rather than fail every reader.
			let Some(view) = T::Vaults::vault(vault) else { continue };
			let (price, haircut) = Self::valuation_at(subnetwork, &view.collateral, at)?;
			valued.push(ValuedVault { view, price, haircut });
		}
		Ok(valued)
	}

	/// `operator`'s power in `subnetwork` at `at` over `vaults`, and each vault's part.
	pub(crate) fn power_over(
		vaults: &[ValuedVault<T>],
		subnetwork: &SubnetworkOf<T>,
		operator: &T::AccountId,
		at: BlockNumberOf<T>,
	) -> Result<(u128, Vec<VaultPower>), DispatchError> {
		let mut total = 0u128;
		let mut parts = Vec::with_capacity(vaults.len());
		for valued in vaults {
			let stake = T::Stakes::stake_at_in(&valued.view, subnetwork, operator, at)?;
			let power = valued.value(stake);
			total = total.saturating_add(power);
			parts.push(VaultPower { vault: valued.view.id, stake, power });
		}
		Ok((total, parts))
	}

	/// The power of `operator` in `subnetwork` at block `at`: the sum over the vaults accepted
	/// then of their stake for it, valued then; and each vault's part.
	pub fn operator_power(
		subnetwork: &SubnetworkOf<T>,
		operator: &T::AccountId,
		at: BlockNumberOf<T>,
	) -> Result<(u128, Vec<VaultPower>), DispatchError> {
		let vaults = Self::valued_vaults(subnetwork, at)?;
		Self::power_over(&vaults, subnetwork, operator, at)
	}

	/// The operator set of `subnetwork` at block `at`: the members then with at least the
	/// policy's minimum power, the strongest `max_operators` of them, capped, strongest first
	/// (ties: power, then account).
	pub fn operator_set(
		subnetwork: &SubnetworkOf<T>,
		at: BlockNumberOf<T>,
	) -> Result<OperatorSet<T::AccountId>, DispatchError> {
		let vaults = Self::valued_vaults(subnetwork, at)?;
		Self::operator_set_over(&vaults, subnetwork, at).map(|(set, _)| set)
	}

	/// [`Self::operator_set`] over vaults already read, with each member's vault parts (in the
	/// set's order), so that a caller needing both reads each stake once.
	pub(crate) fn operator_set_over(
		vaults: &[ValuedVault<T>],
		subnetwork: &SubnetworkOf<T>,
		at: BlockNumberOf<T>,
	) -> Result<(OperatorSet<T::AccountId>, Vec<Vec<VaultPower>>), DispatchError> {
		let policy = Self::policy_at(subnetwork, at)?;
		let mut candidates = Vec::new();
		for operator in Operators::<T>::get(subnetwork) {
			if let Some((power, parts)) =
				Self::candidate(vaults, subnetwork, &operator, at, &policy)?
			{
				candidates.push((operator, power, parts));
			}
		}
		Ok(Self::rank(candidates, &policy))
	}

	/// `operator`'s power and vault parts at `at` if it was a member then with at least the
	/// policy's minimum power.
	fn candidate(
		vaults: &[ValuedVault<T>],
		subnetwork: &SubnetworkOf<T>,
		operator: &T::AccountId,
		at: BlockNumberOf<T>,
		policy: &OperatorSetPolicy,
	) -> Result<Option<(u128, Vec<VaultPower>)>, DispatchError> {
		let membership = OperatorMembership::<T>::get(subnetwork, operator).unwrap_or_default();
		if !membership.at(at).map_err(Self::trace_error)?.unwrap_or(false) {
			return Ok(None);
		}
		let (power, parts) = Self::power_over(vaults, subnetwork, operator, at)?;
		Ok((!power.is_zero() && power >= policy.min_power).then_some((power, parts)))
	}

	/// The set from its candidates: strongest first (ties: power, then account), the policy's
	/// `max_operators` of them, capped; with each member's extra data in the set's order.
	fn rank<P>(
		mut candidates: Vec<(T::AccountId, u128, P)>,
		policy: &OperatorSetPolicy,
	) -> (OperatorSet<T::AccountId>, Vec<P>) {
		candidates.sort_by(|(a, pa, _), (b, pb, _)| pb.cmp(pa).then_with(|| a.cmp(b)));
		candidates.truncate(policy.max_operators as usize);
		let powers: Vec<u128> = candidates.iter().map(|(_, p, _)| *p).collect();
		let capped = cap_powers(&powers, policy.cap);
		let mut set = OperatorSet::default();
		let mut extra = Vec::with_capacity(candidates.len());
		for ((operator, power, data), capped) in candidates.into_iter().zip(capped) {
			set.total = set.total.saturating_add(capped);
			set.cut = set.cut.saturating_add(power.saturating_sub(capped));
			set.operators.push(OperatorPower { operator, power, capped });
			extra.push(data);
		}
		(set, extra)
	}

	// ---------------------------------------------------------------------------------------
	// The operator set in stages, for a caller that spreads its reads over several blocks (the
	// reference chain's validator election): list the members, read the candidates in chunks
	// at one capture block, rank them. The result is `operator_set(subnetwork, at)`.

	/// The operators listed in `subnetwork` now (members and former members not reaped yet), in
	/// list order: the ones to read at a capture.
	pub fn listed_operators(subnetwork: &SubnetworkOf<T>) -> Vec<T::AccountId> {
		Operators::<T>::get(subnetwork).into_inner()
	}

	/// The candidates of the set at `at` among `operators`: each that was a member at `at` with
	/// at least the policy's minimum power then, with its power.
	pub fn candidates_at(
		subnetwork: &SubnetworkOf<T>,
		operators: &[T::AccountId],
		at: BlockNumberOf<T>,
	) -> Result<Vec<(T::AccountId, u128)>, DispatchError> {
		let policy = Self::policy_at(subnetwork, at)?;
		let vaults = Self::valued_vaults(subnetwork, at)?;
		let mut candidates = Vec::new();
		for operator in operators {
			if let Some((power, _)) = Self::candidate(&vaults, subnetwork, operator, at, &policy)? {
				candidates.push((operator.clone(), power));
			}
		}
		Ok(candidates)
	}

	/// The set at `at` from every candidate at `at` (as [`Self::candidates_at`] read them):
	/// ranked, bounded and capped under the policy at `at`.
	pub fn set_from_candidates(
		subnetwork: &SubnetworkOf<T>,
		candidates: Vec<(T::AccountId, u128)>,
		at: BlockNumberOf<T>,
	) -> Result<OperatorSet<T::AccountId>, DispatchError> {
		let policy = Self::policy_at(subnetwork, at)?;
		let candidates = candidates.into_iter().map(|(o, p)| (o, p, ())).collect();
		Ok(Self::rank(candidates, &policy).0)
	}

	// ---------------------------------------------------------------------------------------
	// Invariants.

	/// The pallet's invariants: every listed vault and operator has a well-formed membership
	/// (and every membership is listed), members hold deposits, valuation and policy histories
	/// are well formed, posts come from listed feeders. Compiled with `std` too, so that the
	/// integration tests check it after every test.
	#[cfg(any(test, feature = "std", feature = "try-runtime"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		for (subnetwork, vaults) in AcceptedVaults::<T>::iter() {
			for vault in vaults.iter() {
				let membership = VaultMembership::<T>::get(&subnetwork, vault)
					.ok_or("an accepted vault has no membership")?;
				membership.check()?;
			}
		}
		for (subnetwork, vault, _) in VaultMembership::<T>::iter() {
			ensure!(
				AcceptedVaults::<T>::get(&subnetwork).contains(&vault),
				"a vault membership is not listed"
			);
		}
		for (subnetwork, operators) in Operators::<T>::iter() {
			for operator in operators.iter() {
				OperatorMembership::<T>::get(&subnetwork, operator)
					.ok_or("a listed operator has no membership")?
					.check()?;
				ensure!(
					OperatorDeposits::<T>::contains_key(&subnetwork, operator),
					"a listed operator holds no deposit"
				);
			}
		}
		for (subnetwork, operator, _) in OperatorMembership::<T>::iter() {
			ensure!(
				Operators::<T>::get(&subnetwork).contains(&operator),
				"an operator membership is not listed"
			);
		}
		for (subnetwork, operator, _) in OperatorDeposits::<T>::iter() {
			ensure!(
				Operators::<T>::get(&subnetwork).contains(&operator),
				"a deposit is held for an operator not listed"
			);
		}
		for (_, history) in Policies::<T>::iter() {
			history.check()?;
			for (_, policy) in history.entries() {
				ensure!(
					policy.max_operators > 0
						&& policy.max_operators <= T::MaxOperatorsPerSubnetwork::get(),
					"a policy outside the operator bound"
				);
			}
		}
		for (_, _, history) in Commissions::<T>::iter() {
			history.check()?;
		}
		for (key, _) in ValuationHeads::<T>::iter() {
			ValuationHistory::<T>::check(&key)?;
		}
		for (subnetwork, asset, posts) in Posts::<T>::iter() {
			let config =
				Valuations::<T>::get(&subnetwork, &asset).ok_or("posts of no valuation")?;
			let PriceSource::Feeders { feeders, .. } = config.source else {
				return Err("posts of a price the network sets".into());
			};
			ensure!(posts.iter().all(|p| feeders.contains(&p.feeder)), "a post of no feeder");
		}
		Ok(())
	}
}
