// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Slashes (PROTOCOL 2.9), the burner routes and slashed collateral that waits to leave.

use super::*;

impl<T: Config> Pallet<T> {
	/// PROTOCOL 2.9. O(1) in the number of depositors: only `A`, `W[cur]` and `W[cur+1]` change,
	/// so every holder's exchange rate drops by the same factor.
	pub(crate) fn do_on_slash(
		vault: VaultId,
		network: &T::AccountId,
		operator: &T::AccountId,
		amount: u128,
		capture: BlockNumberOf<T>,
	) -> Result<u128, DispatchError> {
		let info = Self::info(vault)?;
		let capture_epoch = info.clock.epoch_at(capture).ok_or(Error::<T>::InvalidCaptureBlock)?;
		let current = Self::current_epoch(&info.clock);
		let next = current.checked_add(&One::one()).ok_or(ArithmeticError::Overflow)?;
		let in_previous = match EpochClock::<BlockNumberOf<T>>::previous(current) {
			Some(previous) if capture_epoch == previous => true,
			_ if capture_epoch == current => false,
			_ => return Err(Error::<T>::InvalidCaptureEpoch.into()),
		};
		let pool = Self::active_pool(vault);
		let active = pool.stake;
		let (bucket_now, bucket_next) =
			(WithdrawalBuckets::<T>::get(vault, current), WithdrawalBuckets::<T>::get(vault, next));
		let split = split_slash(amount, active, bucket_now.amount, bucket_next.amount, in_previous)
			.ok_or(ArithmeticError::Overflow)?;
		let slashed = split.total();
		let receiver = Self::receiver_of(vault, &info, network, operator);
		let mut deferred = false;
		if !slashed.is_zero() {
			let new_active = active.checked_sub(split.active).ok_or(ArithmeticError::Underflow)?;
			let pool = ActivePool { stake: new_active, ..pool };
			ActivePools::<T>::push(&vault, Self::now(), pool, Self::horizon(&info.clock))
				.map_err(trace_error)?;
			for (epoch, bucket, taken) in [
				(current, bucket_now, split.current_withdrawals),
				(next, bucket_next, split.next_withdrawals),
			] {
				let amount = bucket.amount.checked_sub(taken).ok_or(ArithmeticError::Underflow)?;
				WithdrawalBuckets::<T>::insert(vault, epoch, WithdrawalBucket { amount, ..bucket });
			}
			// A slash must not be blockable by whoever can freeze the vault account or make the
			// receiver unable to take the collateral (junk assets using up its consumer
			// references, say): if the collateral cannot reach the burner now, the loss still
			// applies and the collateral is owed to the receiver chosen now until
			// `release_slashed` moves it. A redistribution is never turned into a burn.
			let sent = storage::with_transaction(|| {
				match Self::send_slashed(&info.collateral, vault, receiver.as_ref(), slashed) {
					Ok(()) => sp_runtime::TransactionOutcome::Commit(Ok(true)),
					Err(_) => {
						sp_runtime::TransactionOutcome::Rollback(Ok::<_, DispatchError>(false))
					},
				}
			})?;
			if !sent {
				deferred = true;
				PendingSlashed::<T>::mutate(vault, &receiver, |p| *p = p.saturating_add(slashed));
			}
			Ledgers::<T>::mutate(vault, |l| {
				l.slashed = l.slashed.saturating_add(slashed);
				l.slashed_active = l.slashed_active.saturating_add(split.active);
				if deferred {
					l.pending_burn = l.pending_burn.saturating_add(slashed);
				}
			});
		}
		Self::deposit_event(Event::Slashed {
			vault,
			network: network.clone(),
			operator: operator.clone(),
			receiver,
			requested: amount,
			capture,
			slashed,
			deferred,
		});
		Ok(slashed)
	}

	pub(crate) fn do_release_slashed(
		caller: &T::AccountId,
		vault: VaultId,
		receiver: Option<T::AccountId>,
	) -> DispatchResult {
		let info = Self::info(vault)?;
		let amount = PendingSlashed::<T>::get(vault, &receiver);
		ensure!(!amount.is_zero(), Error::<T>::NothingToRelease);
		if let Some(to) = &receiver {
			Self::open_receiver_account(&info.collateral, to, caller)?;
		}
		Self::send_slashed(&info.collateral, vault, receiver.as_ref(), amount)?;
		PendingSlashed::<T>::remove(vault, &receiver);
		Ledgers::<T>::mutate(vault, |l| l.pending_burn = l.pending_burn.saturating_sub(amount));
		Self::deposit_event(Event::SlashedReleased { vault, receiver, amount });
		Ok(())
	}

	/// Where a slash of `operator` by `network` goes now: `None` to burn it.
	pub(crate) fn receiver_of(
		vault: VaultId,
		info: &VaultInfoOf<T>,
		network: &T::AccountId,
		operator: &T::AccountId,
	) -> Option<T::AccountId> {
		match &info.burner {
			Burner::Burn => None,
			Burner::Account(to) => Some(to.clone()),
			Burner::Router { fallback, .. } => {
				let now = Self::now();
				let routes = [
					Route::Operator { network: network.clone(), operator: operator.clone() },
					Route::Network(network.clone()),
					Route::Fallback,
				];
				routes
					.into_iter()
					.find_map(|route| {
						RouterReceivers::<T>::get(vault, route).and_then(|e| e.receiver_at(&now))
					})
					.or_else(|| {
						defensive!("a router vault has a fallback receiver");
						Some(fallback.clone())
					})
			},
		}
	}

	pub(crate) fn do_set_router_receiver(
		who: &T::AccountId,
		vault: VaultId,
		route: Route<T::AccountId>,
		receiver: Option<T::AccountId>,
	) -> DispatchResult {
		let info = Self::info(vault)?;
		let Burner::Router { delay, .. } = info.burner else {
			return Err(Error::<T>::NotRouter.into());
		};
		Self::ensure_role(vault, Role::BurnerRouterSetter, who)?;
		ensure!(receiver.is_some() || route != Route::Fallback, Error::<T>::FallbackRequired);
		let now = Self::now();
		let mut entry = RouterReceivers::<T>::get(vault, &route)
			.unwrap_or(RouteEntry { current: None, pending: None });
		entry.settle(&now);
		if entry.current == receiver {
			// Back to the receiver in force: a pending change is withdrawn.
			ensure!(entry.pending.take().is_some(), Error::<T>::AlreadySet);
			Self::deposit_event(Event::RouterReceiverChangeCancelled {
				vault,
				route: route.clone(),
			});
		} else {
			ensure!(
				entry.pending.as_ref().is_none_or(|p| p.receiver != receiver),
				Error::<T>::AlreadySet
			);
			let effective_at = now.saturating_add(delay);
			entry.pending = Some(PendingReceiver { receiver: receiver.clone(), at: effective_at });
			entry.settle(&now);
			Self::deposit_event(Event::RouterReceiverSet {
				vault,
				route: route.clone(),
				receiver,
				effective_at,
			});
		}
		if entry.current.is_none() && entry.pending.is_none() {
			RouterReceivers::<T>::remove(vault, &route);
		} else {
			RouterReceivers::<T>::insert(vault, &route, entry);
		}
		Ok(())
	}
}
