// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The validator set: the middleware's operator set of the chain's subnetwork at a capture block.
//!
//! `pallet-session` asks for the set of session `s + 1` at the rotation that starts session `s`
//! (block `b`). The answer is the operator set at **`b − 1`** (a block whose state is final
//! within the rotation), strongest first, keeping the operators with session keys that are not
//! benched, at most `MaxValidators`. With fewer than `MinValidators` (never fewer than one), the
//! current set stays and session `s + 1` inherits session `s`'s capture.

use crate::{pallet::*, WeightInfo};
use alloc::vec::Vec;
use frame_support::{pallet_prelude::*, traits::Get};
use pallet_rampart_middleware::Pallet as Middleware;
use sp_runtime::traits::{Convert, Hash, One, Saturating, Zero};
use sp_staking::SessionIndex;

type FullIdOf<T> = <T as pallet_session::historical::Config>::FullIdentification;

impl<T: Config> Pallet<T> {
	/// The weight of planning a set at the bounds: the operator set over the most vaults and
	/// operators (with every stake lookup at its deepest), each member's keys and bench read.
	pub fn plan_weight() -> Weight {
		let n = <T as pallet_rampart_middleware::Config>::MaxOperatorsPerSubnetwork::get();
		let v = <T as pallet_rampart_middleware::Config>::MaxVaultsPerSubnetwork::get();
		let lookups = u64::from(n.saturating_mul(v));
		<T as Config>::WeightInfo::plan_session(n, v).saturating_add(
			<<T as pallet_rampart_middleware::Config>::Stakes as rampart_primitives::traits::StakeProvider<
				T::AccountId,
				pallet_rampart_middleware::BlockNumberOf<T>,
			>>::stake_at_weight()
			.saturating_mul(lookups),
		)
	}

	/// Plans the set of session `new_index`: `None` keeps the current one.
	pub(crate) fn plan(new_index: SessionIndex) -> Option<Vec<(T::AccountId, FullIdOf<T>)>> {
		Self::prune(new_index);
		let capture = Middleware::<T>::now().saturating_sub(One::one());
		let max = T::MaxValidators::get() as usize;
		let mut chosen = Vec::new();
		let mut skipped = 0u32;
		match Middleware::<T>::operator_set(&Self::subnetwork(), capture) {
			Ok(set) => {
				for member in set.operators {
					if chosen.len() >= max {
						break;
					}
					if Self::eligible(&member.operator) {
						if let Some(id) =
							<T as pallet_session::historical::Config>::FullIdentificationOf::convert(
								member.operator.clone(),
							) {
							chosen.push((member.operator, id));
							continue;
						}
					}
					skipped.saturating_inc();
				}
			},
			Err(error) => {
				log::warn!(target: LOG_TARGET, "no operator set at {capture:?}: {error:?}");
			},
		}
		let qualified = chosen.len() as u32;
		if qualified < MinValidators::<T>::get().max(1) {
			let kept = SessionCaptures::<T>::get(new_index.saturating_sub(1)).unwrap_or(capture);
			SessionCaptures::<T>::insert(new_index, kept);
			Self::deposit_event(Event::SetKept { session: new_index, capture, qualified });
			return None;
		}
		SessionCaptures::<T>::insert(new_index, capture);
		Self::deposit_event(Event::SetPlanned {
			session: new_index,
			capture,
			validators: qualified,
			skipped,
		});
		Some(chosen)
	}

	/// Whether `operator` may validate: it has session keys and is not benched with them. An
	/// offender that registered new keys is unbenched here.
	fn eligible(operator: &T::AccountId) -> bool {
		let Some(keys) = pallet_session::Pallet::<T>::load_keys(operator) else { return false };
		if let Some(benched_with) = Benched::<T>::get(operator) {
			if benched_with == T::Hashing::hash_of(&keys) {
				return false;
			}
			Benched::<T>::remove(operator);
			Self::deposit_event(Event::Unbenched { operator: operator.clone() });
		}
		true
	}

	/// Forgets the captures, slash records and historical session roots older than
	/// `HistoryDepth` sessions before `new_index`.
	fn prune(new_index: SessionIndex) {
		let oldest = Self::oldest_kept(new_index);
		if oldest.is_zero() {
			return;
		}
		let gone = oldest - 1;
		SessionCaptures::<T>::remove(gone);
		let _ = SessionSlashes::<T>::clear_prefix(gone, T::MaxValidators::get(), None);
		pallet_session::historical::Pallet::<T>::prune_up_to(oldest);
	}

	/// Notes the genesis set (sessions 0 and 1, captured at block 0) in the historical sessions:
	/// `pallet-session`'s genesis asked before its validators were stored.
	pub(crate) fn note_genesis_sessions() {
		for session in [0, 1] {
			SessionCaptures::<T>::insert(
				session,
				pallet_rampart_middleware::BlockNumberOf::<T>::zero(),
			);
			let _ = <pallet_session::historical::NoteHistoricalRoot<T, Self> as pallet_session::SessionManager<
				T::AccountId,
			>>::new_session_genesis(session);
		}
	}

	/// The current validators with their identifications, once `pallet-session` stored them.
	fn genesis_set() -> Option<Vec<(T::AccountId, FullIdOf<T>)>> {
		let validators = pallet_session::Validators::<T>::get();
		if validators.is_empty() {
			return None;
		}
		Some(
			validators
				.into_iter()
				.filter_map(|v| {
					<T as pallet_session::historical::Config>::FullIdentificationOf::convert(
						v.clone(),
					)
					.map(|id| (v, id))
				})
				.collect(),
		)
	}
}

pub(crate) const LOG_TARGET: &str = "runtime::rampart-validators";

impl<T: Config> pallet_session::historical::SessionManager<T::AccountId, FullIdOf<T>>
	for Pallet<T>
{
	fn new_session(new_index: SessionIndex) -> Option<Vec<(T::AccountId, FullIdOf<T>)>> {
		Self::plan(new_index)
	}

	fn new_session_genesis(new_index: SessionIndex) -> Option<Vec<(T::AccountId, FullIdOf<T>)>> {
		let _ = new_index;
		Self::genesis_set()
	}

	fn start_session(_: SessionIndex) {}

	fn end_session(end_index: SessionIndex) {
		Self::queue_payout(end_index);
	}
}

impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
	fn new_session(new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
		Self::plan(new_index).map(|set| set.into_iter().map(|(v, _)| v).collect())
	}

	fn new_session_genesis(_: SessionIndex) -> Option<Vec<T::AccountId>> {
		Self::genesis_set().map(|set| set.into_iter().map(|(v, _)| v).collect())
	}

	fn start_session(_: SessionIndex) {}

	fn end_session(end_index: SessionIndex) {
		Self::queue_payout(end_index);
	}
}
