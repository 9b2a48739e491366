// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The pallet's logic: the slashable-stake formula (PROTOCOL 4.1), instant slashes (4.2), veto
//! requests, executions, vetoes and resolver changes (4.3), request pruning, and the invariants.

use crate::*;
use frame_support::{defensive, pallet_prelude::*, weights::Weight};
use rampart_primitives::{
	checkpoints::TraceError,
	paged_trace::steps_beyond_head,
	traits::{
		NetworkRegistry, NetworkSlasher, SlashInfo, SlashOutcome, StakeProvider, VaultSlashing,
		VaultsInspect,
	},
	SlasherKind, Subnetwork, SubnetworkId, VaultId,
};
use sp_runtime::{
	traits::{One, Saturating, Zero},
	ArithmeticError,
};

/// Requests pruned at most per new request of a vault.
const PRUNE_PER_REQUEST: u32 = 2;

fn trace_error(e: TraceError) -> DispatchError {
	defensive!("a cumulative slash history refused a write", e);
	match e {
		TraceError::Full => ArithmeticError::Overflow.into(),
		_ => DispatchError::Corruption,
	}
}

impl<T: Config> Pallet<T> {
	/// The current block as the pallet counts them.
	pub fn now() -> BlockNumberOf<T> {
		rampart_primitives::clock::now::<T>()
	}

	/// The weight of a call that executes a slash: its own measured part, plus the worst
	/// guarantee lookup and the worst delegator hook (the measured part ran a shallow lookup
	/// and no hook).
	pub fn slash_weight(own: Weight) -> Weight {
		Self::used_weight(own, T::Stakes::on_slash_weight())
	}

	fn ensure_middleware(who: &T::AccountId, subnetwork: &SubnetworkOf<T>) -> DispatchResult {
		ensure!(
			T::Networks::middleware_of(&subnetwork.network).as_ref() == Some(who),
			Error::<T>::NotNetworkMiddleware
		);
		Ok(())
	}

	/// The vault, read once.
	fn view(vault: VaultId) -> Result<VaultViewOf<T>, Error<T>> {
		T::Vaults::vault(vault).ok_or(Error::<T>::UnknownVault)
	}

	/// The vault's slasher and epoch length.
	fn slasher(
		vault: VaultId,
	) -> Result<(SlasherKind<BlockNumberOf<T>>, BlockNumberOf<T>), Error<T>> {
		Self::view(vault).map(|view| (view.slasher, view.clock.duration))
	}

	/// The vault's epoch length, if it exists.
	fn epoch_of(vault: VaultId) -> Option<BlockNumberOf<T>> {
		T::Vaults::vault(vault).map(|view| view.clock.duration)
	}

	/// What may still be slashed of `operator` in `subnetwork` of `vault` for capture block
	/// `capture` (PROTOCOL 4.1): zero outside `[now − D, now)` or before the latest capture
	/// already slashed; otherwise the stake at the capture less what was slashed after it.
	pub fn slashable(
		vault: VaultId,
		subnetwork: &SubnetworkOf<T>,
		operator: &T::AccountId,
		capture: BlockNumberOf<T>,
	) -> Result<u128, DispatchError> {
		Self::slashable_with_depth(&Self::view(vault)?, subnetwork, operator, capture)
			.map(|(s, _)| s)
	}

	/// The probes a binary search makes in a cumulative-slash history of `len` entries.
	pub(crate) fn search_depth(len: u32) -> u32 {
		u32::BITS - len.leading_zeros()
	}

	/// A call's own weight with a cumulative-slash search `depth` probes deep: the fitted `line`
	/// at that depth; at `MaxCumulativeSlashDepth` (the deepest a search may go), the larger of
	/// the line and the call measured in the deepest history itself (`deepest`), since the cost
	/// grows faster than linearly at that end.
	fn own_at_depth(depth: u32, line: fn(u32) -> Weight, deepest: fn() -> Weight) -> Weight {
		let fitted = line(steps_beyond_head(depth));
		if depth >= T::MaxCumulativeSlashDepth::get() {
			fitted.max(deepest())
		} else {
			fitted
		}
	}

	/// `slash`'s own weight with a search `depth` probes deep (see [`Self::own_at_depth`]).
	pub fn slash_own_weight(depth: u32) -> Weight {
		Self::own_at_depth(depth, T::WeightInfo::slash, T::WeightInfo::slash_deepest)
	}

	/// `execute_slash`'s own weight with a search `depth` probes deep.
	pub fn execute_own_weight(depth: u32) -> Weight {
		Self::own_at_depth(
			depth,
			T::WeightInfo::execute_slash,
			T::WeightInfo::execute_slash_deepest,
		)
	}

	/// `request_slash`'s own weight (without the stake lookup) with a search `depth` probes deep.
	pub fn request_own_weight(depth: u32) -> Weight {
		Self::own_at_depth(
			depth,
			T::WeightInfo::request_slash,
			T::WeightInfo::request_slash_deepest,
		)
	}

	/// The weight of `request_slash` whose cumulative-slash lookup was `depth` probes deep.
	pub fn request_weight(depth: u32) -> Weight {
		Self::request_own_weight(depth).saturating_add(T::Stakes::stake_at_weight())
	}

	/// [`Self::slashable`] for a vault whose epoch length the caller already read, and the depth
	/// of its cumulative-slash lookup (zero when it made none).
	fn slashable_with_depth(
		view: &VaultViewOf<T>,
		subnetwork: &SubnetworkOf<T>,
		operator: &T::AccountId,
		capture: BlockNumberOf<T>,
	) -> Result<(u128, u32), DispatchError> {
		let (vault, epoch) = (view.id, view.clock.duration);
		let now = Self::now();
		if capture >= now || capture < now.saturating_sub(epoch) {
			return Ok((0, 0));
		}
		let key = (vault, subnetwork.clone(), operator.clone());
		if LatestSlashedCapture::<T>::get(&key).is_some_and(|latest| capture < latest) {
			return Ok((0, 0));
		}
		let guarantee = T::Stakes::stake_at_in(view, subnetwork, operator, capture)?;
		let depth = Self::search_depth(CumulativeSlash::<T>::len(&key));
		let total = CumulativeSlash::<T>::latest_value_or(&key, 0);
		let before = CumulativeSlash::<T>::at(&key, capture)
			.map_err(|_| DispatchError::Corruption)?
			.unwrap_or(0);
		Ok((guarantee.saturating_sub(total.saturating_sub(before)), depth))
	}

	/// Applies a slash of `slashed` (already bounded by `slashable`, the budget): the capture
	/// order, the delegator's hook, the vault's collateral, then the budget with what actually
	/// moved. Returns what moved and the weight the hook actually used.
	fn execute(
		view: &VaultViewOf<T>,
		subnetwork: &SubnetworkOf<T>,
		operator: &T::AccountId,
		slash: SlashInfo<BlockNumberOf<T>>,
	) -> Result<(u128, Weight), DispatchError> {
		let SlashInfo { amount: slashed, capture, .. } = slash;
		let (vault, epoch) = (view.id, view.clock.duration);
		let key = (vault, subnetwork.clone(), operator.clone());
		let latest = LatestSlashedCapture::<T>::get(&key).map_or(capture, |l| l.max(capture));
		LatestSlashedCapture::<T>::insert(&key, latest);
		let hook = T::Stakes::on_slash_in(view, subnetwork, operator, slash);
		let moved = T::Vaults::on_slash(vault, &subnetwork.network, operator, slashed, capture)?;
		if !moved.is_zero() {
			let now = Self::now();
			let total = CumulativeSlash::<T>::latest_value_or(&key, 0)
				.checked_add(moved)
				.ok_or(ArithmeticError::Overflow)?;
			CumulativeSlash::<T>::push(&key, now, total, now.saturating_sub(epoch))
				.map_err(trace_error)?;
		}
		Ok((moved, hook))
	}

	/// What a call that executed a slash actually used: `own` and the worst guarantee lookup
	/// (its depth is not known), with the hook at what it reported rather than its worst.
	fn used_weight(own: Weight, hook: Weight) -> Weight {
		own.saturating_add(T::Stakes::stake_at_weight())
			.saturating_add(hook.min(T::Stakes::on_slash_weight()))
	}

	pub(crate) fn do_slash(
		who: &T::AccountId,
		vault: VaultId,
		subnetwork: SubnetworkOf<T>,
		operator: T::AccountId,
		amount: u128,
		capture: BlockNumberOf<T>,
	) -> Result<(Weight, SlashOutcome), DispatchError> {
		Self::ensure_middleware(who, &subnetwork)?;
		let view = Self::view(vault)?;
		let epoch = view.clock.duration;
		ensure!(matches!(view.slasher, SlasherKind::Instant), Error::<T>::WrongSlasherKind);
		let now = Self::now();
		ensure!(
			capture < now && capture >= now.saturating_sub(epoch),
			Error::<T>::InvalidCaptureBlock
		);
		let (slashable, depth) =
			Self::slashable_with_depth(&view, &subnetwork, &operator, capture)?;
		let slashed = amount.min(slashable);
		ensure!(!slashed.is_zero(), Error::<T>::InsufficientSlash);
		let slash = SlashInfo { amount: slashed, capture, slashable };
		let (moved, hook) = Self::execute(&view, &subnetwork, &operator, slash)?;
		Self::deposit_event(Event::Slashed {
			vault,
			subnetwork,
			operator,
			requested: amount,
			slashed,
			moved,
			capture,
		});
		let outcome = SlashOutcome::Executed { slashed, moved };
		Ok((Self::used_weight(Self::slash_own_weight(depth), hook), outcome))
	}

	pub(crate) fn do_request_slash(
		who: &T::AccountId,
		vault: VaultId,
		subnetwork: SubnetworkOf<T>,
		operator: T::AccountId,
		amount: u128,
		capture: BlockNumberOf<T>,
	) -> Result<(u32, SlashOutcome), DispatchError> {
		Self::ensure_middleware(who, &subnetwork)?;
		let view = Self::view(vault)?;
		let epoch = view.clock.duration;
		let SlasherKind::Veto { veto_duration, .. } = view.slasher else {
			return Err(Error::<T>::WrongSlasherKind.into());
		};
		let now = Self::now();
		// Executable after the veto period and still inside the capture's epoch.
		ensure!(
			capture < now && capture.saturating_add(epoch) >= now.saturating_add(veto_duration),
			Error::<T>::InvalidCaptureBlock
		);
		let (slashable, depth) =
			Self::slashable_with_depth(&view, &subnetwork, &operator, capture)?;
		let recorded = amount.min(slashable);
		ensure!(!recorded.is_zero(), Error::<T>::InsufficientSlash);
		let id = NextRequestId::<T>::get();
		NextRequestId::<T>::put(id.checked_add(1).ok_or(ArithmeticError::Overflow)?);
		let veto_deadline = now.saturating_add(veto_duration);
		Requests::<T>::insert(
			id,
			SlashRequest {
				vault,
				subnetwork: subnetwork.clone(),
				operator: operator.clone(),
				amount: recorded,
				capture,
				veto_deadline,
				status: RequestStatus::Pending,
			},
		);
		let (first, next) = VaultRequestQueue::<T>::get(vault);
		VaultRequestIds::<T>::insert(vault, next, id);
		let next = next.checked_add(1).ok_or(ArithmeticError::Overflow)?;
		VaultRequestQueue::<T>::insert(vault, (first, next));
		Self::prune_requests(vault, epoch, PRUNE_PER_REQUEST);
		Self::deposit_event(Event::SlashRequested {
			id,
			vault,
			subnetwork,
			operator,
			requested: amount,
			amount: recorded,
			capture,
			veto_deadline,
		});
		Ok((depth, SlashOutcome::Requested { id, amount: recorded }))
	}

	pub(crate) fn do_execute_slash(
		who: &T::AccountId,
		id: RequestId,
	) -> Result<Weight, DispatchError> {
		let mut request = Requests::<T>::get(id).ok_or(Error::<T>::UnknownRequest)?;
		Self::ensure_middleware(who, &request.subnetwork)?;
		let view = Self::view(request.vault)?;
		let epoch = view.clock.duration;
		let now = Self::now();
		let watched = Self::watching_resolver(&request, now).is_some();
		ensure!(!watched || request.veto_deadline <= now, Error::<T>::VetoPeriodNotEnded);
		ensure!(now.saturating_sub(request.capture) <= epoch, Error::<T>::SlashPeriodEnded);
		ensure!(request.status == RequestStatus::Pending, Error::<T>::RequestCompleted);
		let (slashable, depth) = Self::slashable_with_depth(
			&view,
			&request.subnetwork,
			&request.operator,
			request.capture,
		)?;
		let slashed = request.amount.min(slashable);
		ensure!(!slashed.is_zero(), Error::<T>::InsufficientSlash);
		let slash = SlashInfo { amount: slashed, capture: request.capture, slashable };
		let (moved, hook) = Self::execute(&view, &request.subnetwork, &request.operator, slash)?;
		request.status = RequestStatus::Executed { slashed, moved, at: now };
		Requests::<T>::insert(id, request);
		Self::deposit_event(Event::SlashExecuted { id, slashed, moved });
		Ok(Self::used_weight(Self::execute_own_weight(depth), hook))
	}

	pub(crate) fn do_veto_slash(who: &T::AccountId, id: RequestId) -> DispatchResult {
		let mut request = Requests::<T>::get(id).ok_or(Error::<T>::UnknownRequest)?;
		let now = Self::now();
		// The resolver history answers only for the last epoch. A request captured before it
		// has necessarily passed its veto deadline (a deadline is at most its capture plus an
		// epoch), so that is the answer, rather than a pruned lookup's "no resolver". The
		// reference, which never prunes, answers the same to the resolver it would find.
		let epoch = Self::epoch_of(request.vault).ok_or(Error::<T>::UnknownVault)?;
		ensure!(now.saturating_sub(request.capture) <= epoch, Error::<T>::VetoPeriodEnded);
		let resolver = Self::watching_resolver(&request, now).ok_or(Error::<T>::NoResolver)?;
		ensure!(&resolver == who, Error::<T>::NotResolver);
		ensure!(request.veto_deadline > now, Error::<T>::VetoPeriodEnded);
		ensure!(request.status == RequestStatus::Pending, Error::<T>::RequestCompleted);
		request.status = RequestStatus::Vetoed;
		Requests::<T>::insert(id, request);
		Self::deposit_event(Event::SlashVetoed { id, resolver });
		Ok(())
	}

	pub(crate) fn do_set_resolver(
		network: &T::AccountId,
		vault: VaultId,
		id: SubnetworkId,
		resolver: Option<T::AccountId>,
	) -> DispatchResult {
		ensure!(T::Networks::is_network(network), Error::<T>::NotNetwork);
		let view = Self::view(vault)?;
		let (kind, epoch) = (view.slasher, view.clock.duration);
		let SlasherKind::Veto { resolver_set_epochs_delay, .. } = kind else {
			return Err(Error::<T>::WrongSlasherKind.into());
		};
		let subnetwork = Subnetwork::new(network.clone(), id);
		let key = (vault, subnetwork.clone());
		let now = Self::now();
		let mut history = Resolvers::<T>::get(&key);
		let from = match history.last().cloned() {
			None => {
				ensure!(resolver.is_some(), Error::<T>::AlreadySet);
				now
			},
			Some((block, pending)) => {
				if block > now {
					history.pop();
				} else {
					ensure!(pending != resolver, Error::<T>::AlreadySet);
				}
				let current = history.last().and_then(|(_, r)| r.clone());
				if current == resolver {
					// Setting the resolver in force again cancels the pending change.
					now
				} else {
					let start = view.epoch_start;
					let delay = epoch.saturating_mul(resolver_set_epochs_delay.into());
					let from = start.saturating_add(delay);
					history
						.try_push((from, resolver.clone()))
						.map_err(|_| DispatchError::Exhausted)?;
					from
				}
			},
		};
		if history.is_empty() {
			history
				.try_push((now, resolver.clone()))
				.map_err(|_| DispatchError::Exhausted)?;
		}
		// Entries no lookup at or after the window's start needs go (keeping the one in force).
		let horizon = now.saturating_sub(epoch);
		let in_force = history.iter().take_while(|(b, _)| *b <= horizon).count();
		if in_force > 1 {
			history.drain(..in_force - 1);
		}
		Resolvers::<T>::insert(&key, history);
		Self::deposit_event(Event::ResolverSet { vault, subnetwork, resolver, from });
		Ok(())
	}

	/// The resolver in force at block `at` in a resolver history.
	fn in_force(
		history: &ResolverHistory<T::AccountId, BlockNumberOf<T>>,
		at: BlockNumberOf<T>,
	) -> Option<T::AccountId> {
		history.iter().rev().find(|(b, _)| *b <= at).and_then(|(_, r)| r.clone())
	}

	/// The resolver of `subnetwork` in `vault` at block `at`: [`Error::HistoryPruned`] for a
	/// block before the window (one epoch) the history is kept for.
	pub fn resolver_of(
		vault: VaultId,
		subnetwork: &SubnetworkOf<T>,
		at: BlockNumberOf<T>,
	) -> Result<Option<T::AccountId>, DispatchError> {
		let (_, epoch) = Self::slasher(vault)?;
		ensure!(at >= Self::now().saturating_sub(epoch), Error::<T>::HistoryPruned);
		Ok(Self::in_force(&Resolvers::<T>::get((vault, subnetwork.clone())), at))
	}

	/// The resolver that watches `request` (PROTOCOL 4.3): the one in force at its capture, if
	/// one is also in force now (looked up at `now − 1`, as the reference). One storage read.
	fn watching_resolver(
		request: &SlashRequest<T::AccountId, BlockNumberOf<T>>,
		now: BlockNumberOf<T>,
	) -> Option<T::AccountId> {
		let history = Resolvers::<T>::get((request.vault, request.subnetwork.clone()));
		Self::in_force(&history, now.saturating_sub(One::one()))?;
		Self::in_force(&history, request.capture)
	}

	/// Request `id` with its status as of now (`Expired` once its window ended while pending).
	pub fn request_with_status(
		id: RequestId,
	) -> Option<SlashRequest<T::AccountId, BlockNumberOf<T>>> {
		let mut request = Requests::<T>::get(id)?;
		if request.status == RequestStatus::Pending {
			let epoch = Self::epoch_of(request.vault).unwrap_or_default();
			if Self::now() > request.capture.saturating_add(epoch) {
				request.status = RequestStatus::Expired;
			}
		}
		Some(request)
	}

	/// Removes up to `limit` of `vault`'s oldest requests whose window ended more than
	/// [`Config::RequestRetention`] blocks ago.
	fn prune_requests(vault: VaultId, epoch: BlockNumberOf<T>, limit: u32) {
		let (mut first, next) = VaultRequestQueue::<T>::get(vault);
		let now = Self::now();
		let mut pruned = 0;
		while first < next && pruned < limit {
			if let Some(id) = VaultRequestIds::<T>::get(vault, first) {
				if let Some(request) = Requests::<T>::get(id) {
					let kept_until = request
						.capture
						.saturating_add(epoch)
						.saturating_add(T::RequestRetention::get());
					if now <= kept_until {
						break;
					}
					Requests::<T>::remove(id);
					Self::deposit_event(Event::RequestPruned { id });
				}
			}
			VaultRequestIds::<T>::remove(vault, first);
			first += 1;
			pruned += 1;
		}
		VaultRequestQueue::<T>::insert(vault, (first, next));
	}

	// ---------------------------------------------------------------------------------------
	// Invariants.

	/// Checks (PROTOCOL 6.1 items 16-21 that apply):
	/// - cumulative slash histories are well formed and non-decreasing; latest captures are in
	///   the past;
	/// - for a latest capture still in its window, what was slashed after it is at most the
	///   guarantee at it (C ≤ G);
	/// - every request id is below the counter, every queued id is a request or was pruned,
	///   a request's veto deadline lies within its execution window;
	/// - resolver histories are ordered, with at most one change pending.
	#[cfg(any(test, feature = "std", feature = "try-runtime"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let now = Self::now();
		for key in CumulativeSlashHead::<T>::iter_keys() {
			CumulativeSlash::<T>::check(&key)?;
			let entries = CumulativeSlash::<T>::entries(&key);
			ensure!(entries.windows(2).all(|w| w[0].1 <= w[1].1), "a cumulative slash decreased");
		}
		for (key, latest) in LatestSlashedCapture::<T>::iter() {
			ensure!(latest < now || now.is_zero(), "a slashed capture is not in the past");
			let (vault, subnetwork, operator) = &key;
			let Some(epoch) = Self::epoch_of(*vault) else {
				return Err("a slash of an unknown vault".into());
			};
			if latest >= now.saturating_sub(epoch) {
				if let Ok(guarantee) = T::Stakes::stake_at(*vault, subnetwork, operator, latest) {
					let total = CumulativeSlash::<T>::latest_value_or(&key, 0);
					let before = CumulativeSlash::<T>::at(&key, latest)
						.map_err(|_| "a cumulative slash history lost its window")?
						.unwrap_or(0);
					ensure!(
						total.saturating_sub(before) <= guarantee,
						"slashes after a capture exceed its guarantee"
					);
				}
			}
		}
		let next_id = NextRequestId::<T>::get();
		for (id, request) in Requests::<T>::iter() {
			ensure!(id < next_id, "a request id is not below the counter");
			let (kind, epoch) =
				Self::slasher(request.vault).map_err(|_| "a request of no vault")?;
			ensure!(
				request.veto_deadline <= request.capture.saturating_add(epoch),
				"a veto deadline lies past the execution window"
			);
			// Item 18: the request was made in `[capture + veto − D, ...)` after the capture,
			// and executed after it was made and within the capture's epoch.
			let veto = match kind {
				SlasherKind::Veto { veto_duration, .. } => veto_duration,
				_ => return Err("a request of a vault with no veto slasher".into()),
			};
			let requested_at = request.veto_deadline.saturating_sub(veto);
			ensure!(request.capture < requested_at, "a request captured its own block or later");
			if let RequestStatus::Executed { slashed, moved, at } = request.status {
				ensure!(moved <= slashed && slashed <= request.amount, "an execution overran");
				ensure!(
					at >= requested_at && at <= request.capture.saturating_add(epoch),
					"an execution outside its window"
				);
			}
			ensure!(request.status != RequestStatus::Expired, "expiry is never stored");
		}
		for (vault, (first, next)) in VaultRequestQueue::<T>::iter() {
			ensure!(first <= next, "a request queue runs backwards");
			ensure!(
				VaultRequestIds::<T>::iter_prefix(vault).count() as u32 == next - first,
				"a request queue and its ids disagree"
			);
		}
		for (_, history) in Resolvers::<T>::iter() {
			ensure!(
				history.windows(2).all(|w| w[0].0 < w[1].0),
				"a resolver history is out of order"
			);
			ensure!(
				history.iter().filter(|(b, _)| *b > now).count() <= 1,
				"more than one resolver change is pending"
			);
		}
		Ok(())
	}
}

/// Slashing in a network's name for its on-chain middleware: through the vault's own slasher, with
/// the same checks as [`Pallet::slash`] and [`Pallet::request_slash`] (the caller `by` must be the
/// network's registry middleware).
impl<T: Config> NetworkSlasher<T::AccountId, BlockNumberOf<T>> for Pallet<T> {
	fn slash(
		by: &T::AccountId,
		vault: VaultId,
		subnetwork: &SubnetworkOf<T>,
		operator: &T::AccountId,
		amount: u128,
		capture: BlockNumberOf<T>,
	) -> Result<SlashOutcome, DispatchError> {
		let (subnetwork, operator) = (subnetwork.clone(), operator.clone());
		match Self::slasher(vault)?.0 {
			SlasherKind::Instant => {
				Self::do_slash(by, vault, subnetwork, operator, amount, capture)
					.map(|(_, outcome)| outcome)
			},
			SlasherKind::Veto { .. } => {
				Self::do_request_slash(by, vault, subnetwork, operator, amount, capture)
					.map(|(_, outcome)| outcome)
			},
			SlasherKind::None => Err(Error::<T>::WrongSlasherKind.into()),
		}
	}

	fn slash_weight() -> Weight {
		let depth = T::MaxCumulativeSlashDepth::get();
		Self::slash_weight(Self::slash_own_weight(depth)).max(Self::request_weight(depth))
	}
}
