// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The validator set: the middleware's operator set of the chain's subnetwork at a capture block.
//!
//! `pallet-session` asks for the set of session `s + 1` at the rotation that starts session `s`
//! (block `b`). Reading every listed operator's power over every accepted vault at once would
//! cost up to `MaxOperatorsPerSubnetwork × MaxVaultsPerSubnetwork` stake lookups in the rotation
//! block, so the **election is spread**: `E = ⌈MaxOperatorsPerSubnetwork / ElectionChunk⌉`
//! blocks before the rotation (at block `b − E`) it lists the subnetwork's operators and fixes
//! the **capture block `b − E − 1`**; each block from then reads `ElectionChunk` of them at the
//! capture. The rotation ranks the candidates as the middleware's `operator_set(subnetwork,
//! capture)` does (minimum power, `max_operators`, cap), strongest first, keeps those with
//! session keys that are not benched, at most `MaxValidators`. With fewer than `MinValidators`
//! (never fewer than one), the current set stays and session `s + 1` inherits session `s`'s
//! capture. A rotation that comes before its election finished (a forced rotation, a session
//! shorter than `E` blocks) reads the rest itself, in a block `pallet-session` already declares
//! full.

use crate::{pallet::*, types::*, WeightInfo};
use alloc::vec::Vec;
use frame_support::{
	pallet_prelude::*,
	traits::{EstimateNextSessionRotation, Get},
};
use frame_system::pallet_prelude::BlockNumberFor;
use pallet_rampart_middleware::Pallet as Middleware;
use sp_runtime::traits::{Convert, Hash, One, Saturating, Zero};
use sp_staking::SessionIndex;

type FullIdOf<T> = <T as pallet_session::historical::Config>::FullIdentification;
type MaxOperatorsOf<T> = <T as pallet_rampart_middleware::Config>::MaxOperatorsPerSubnetwork;

/// A stake lookup at its deepest, as the middleware's stake provider charges it.
pub(crate) fn stake_at_weight<T: Config>() -> Weight {
	<<T as pallet_rampart_middleware::Config>::Stakes as rampart_primitives::traits::StakeProvider<
		<T as frame_system::Config>::AccountId,
		pallet_rampart_middleware::BlockNumberOf<T>,
	>>::stake_at_weight()
}

impl<T: Config> Pallet<T> {
	/// Blocks an election takes: `⌈MaxOperatorsPerSubnetwork / ElectionChunk⌉`.
	pub fn election_blocks() -> u32 {
		<T as pallet_rampart_middleware::Config>::MaxOperatorsPerSubnetwork::get()
			.div_ceil(T::ElectionChunk::get().max(1))
	}

	/// The weight of one block of an election at the bounds: `ElectionChunk` operators over the
	/// most vaults, every stake lookup at its deepest.
	pub fn election_step_weight() -> Weight {
		let chunk = T::ElectionChunk::get();
		let v = <T as pallet_rampart_middleware::Config>::MaxVaultsPerSubnetwork::get();
		<T as Config>::WeightInfo::election_step(chunk).saturating_add(
			stake_at_weight::<T>().saturating_mul(u64::from(chunk.saturating_mul(v))),
		)
	}

	/// The weight of a rotation's planning at the bounds (its election done): ranking the most
	/// candidates, reading their keys and benches.
	pub fn plan_weight() -> Weight {
		<T as Config>::WeightInfo::plan_session(
			<T as pallet_rampart_middleware::Config>::MaxOperatorsPerSubnetwork::get(),
		)
	}

	/// Starts or continues the election of the set the next rotation plans.
	pub(crate) fn elect_step(n: BlockNumberFor<T>) -> Weight {
		let idle = <T as Config>::WeightInfo::election_step(0);
		let (Some(next), _) =
			<T as pallet_session::Config>::NextSessionRotation::estimate_next_session_rotation(n)
		else {
			return idle;
		};
		let target = pallet_session::Pallet::<T>::current_index().saturating_add(2);
		let mut election = match CurrentElection::<T>::get() {
			Some(election) if election.session == target => election,
			_ => {
				if next.saturating_sub(n) > Self::election_blocks().into() {
					return idle;
				}
				let capture = Middleware::<T>::now().saturating_sub(One::one());
				let listed = Middleware::<T>::listed_operators(&Self::subnetwork());
				Self::deposit_event(Event::ElectionStarted {
					session: target,
					capture,
					listed: listed.len() as u32,
				});
				Election {
					session: target,
					capture,
					pending: BoundedVec::truncate_from(listed),
					candidates: BoundedVec::new(),
				}
			},
		};
		if election.pending.is_empty() {
			return idle;
		}
		let take = (T::ElectionChunk::get() as usize).min(election.pending.len());
		let chunk: Vec<T::AccountId> = election.pending.drain(..take).collect();
		Self::read_candidates(&mut election, &chunk);
		CurrentElection::<T>::put(election);
		Self::election_step_weight()
	}

	/// Reads `chunk`'s candidates at the election's capture into it. A read the middleware
	/// refuses (the capture left its window) empties the election: the rotation then reads
	/// afresh.
	fn read_candidates(
		election: &mut Election<
			T::AccountId,
			pallet_rampart_middleware::BlockNumberOf<T>,
			MaxOperatorsOf<T>,
		>,
		chunk: &[T::AccountId],
	) {
		match Middleware::<T>::candidates_at(&Self::subnetwork(), chunk, election.capture) {
			Ok(found) => {
				for candidate in found {
					// At most the listed operators: there is room.
					let _ = election.candidates.try_push(candidate);
				}
			},
			Err(error) => {
				log::warn!(target: LOG_TARGET, "election read failed: {error:?}");
				election.session = SessionIndex::MAX;
			},
		}
	}

	/// Plans the set of session `new_index`: `None` keeps the current one.
	pub(crate) fn plan(new_index: SessionIndex) -> Option<Vec<(T::AccountId, FullIdOf<T>)>> {
		Self::prune(new_index);
		let subnetwork = Self::subnetwork();
		let mut election = match CurrentElection::<T>::take() {
			Some(election) if election.session == new_index => election,
			// No election ran (or it failed): read everything now.
			_ => Election {
				session: new_index,
				capture: Middleware::<T>::now().saturating_sub(One::one()),
				pending: BoundedVec::truncate_from(Middleware::<T>::listed_operators(&subnetwork)),
				candidates: BoundedVec::new(),
			},
		};
		if !election.pending.is_empty() {
			let rest: Vec<T::AccountId> = core::mem::take(&mut election.pending).into_inner();
			Self::read_candidates(&mut election, &rest);
		}
		let capture = election.capture;
		let max = T::MaxValidators::get() as usize;
		let mut chosen = Vec::new();
		let mut skipped = 0u32;
		let ranked = if election.session == new_index {
			Middleware::<T>::set_from_candidates(
				&subnetwork,
				election.candidates.into_inner(),
				capture,
			)
		} else {
			Err(DispatchError::Other("the election could not read the stake"))
		};
		match ranked {
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
