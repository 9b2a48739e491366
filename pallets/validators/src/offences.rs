// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Offences become slashes.
//!
//! `pallet-offences` calls [`Pallet`] as its `OnOffenceHandler` with the offenders of one
//! offence, their slash fractions and the session they offended in (it has already refused a
//! report it saw before). For each offender with fraction `f`, under its kind's policy:
//!
//! ```text
//! taken          = f · policy.slash                      (the part governance takes)
//! already        = the most taken from it in that session (0 if none)
//! power to slash = (taken − already) · power(offender, capture of the session)   if taken > already
//! ```
//!
//! so a session's worst offence is what an offender loses, however often and in whatever order
//! it is reported. The slash is scheduled for the next block, or `VetoWindow` blocks later when
//! the policy has a veto (governance may cancel it until then), and applied in `on_initialize`
//! through the middleware, which splits it over the vaults behind the offender pro rata to their
//! stake at the capture. The offender is disabled for the rest of the session
//! (`pallet-session`'s disabling strategy) and benched: not elected again until it registers new
//! session keys.
//!
//! `pallet-offences` does not tell the handler the offence's kind: [`KindedOffences`] wraps it as
//! the reporter the consensus pallets use, and notes the kind for the length of the report.

use crate::{pallet::*, session::stake_at_weight, types::*, WeightInfo};
use alloc::vec::Vec;
use core::marker::PhantomData;
use frame_support::{pallet_prelude::*, storage::with_storage_layer, traits::Get};
use frame_system::pallet_prelude::BlockNumberFor;
use pallet_rampart_middleware::Pallet as Middleware;
use sp_runtime::{
	traits::{Hash, One, Saturating, Zero},
	Perbill,
};
use sp_staking::{
	offence::{
		Kind, Offence, OffenceDetails, OffenceError, OffenceSeverity, OnOffenceHandler,
		ReportOffence,
	},
	SessionIndex,
};

/// How many blocks after its due block a slash may land when buckets are full.
const SPREAD: u32 = 16;

/// The kind used when a report reaches the handler without [`KindedOffences`].
pub const UNKNOWN_KIND: Kind = [0u8; 16];

/// Reports offences to `Inner` (`pallet-offences`), noting their kind for [`Pallet`]'s handler.
pub struct KindedOffences<T, Inner>(PhantomData<(T, Inner)>);

impl<T, Inner, Reporter, Offender, O> ReportOffence<Reporter, Offender, O>
	for KindedOffences<T, Inner>
where
	T: Config,
	Inner: ReportOffence<Reporter, Offender, O>,
	O: Offence<Offender>,
{
	fn report_offence(reporters: Vec<Reporter>, offence: O) -> Result<(), OffenceError> {
		ReportingKind::<T>::put(O::ID);
		let result = Inner::report_offence(reporters, offence);
		ReportingKind::<T>::kill();
		result
	}

	fn is_known_offence(offenders: &[Offender], time_slot: &O::Slot) -> bool {
		Inner::is_known_offence(offenders, time_slot)
	}
}

impl<T: Config, I> OnOffenceHandler<T::AccountId, (T::AccountId, I), Weight> for Pallet<T> {
	fn on_offence(
		offenders: &[OffenceDetails<T::AccountId, (T::AccountId, I)>],
		slash_fraction: &[Perbill],
		session: SessionIndex,
	) -> Weight {
		let kind = ReportingKind::<T>::get().unwrap_or(UNKNOWN_KIND);
		let policy = OffencePolicies::<T>::get(kind);
		let mut weight = Weight::zero();
		for (details, fraction) in offenders.iter().zip(slash_fraction) {
			Self::handle_offence(kind, policy, session, &details.offender.0, *fraction);
			weight.saturating_accrue(<T as Config>::WeightInfo::on_offence().saturating_add(
				stake_at_weight::<T>().saturating_mul(u64::from(
					<T as pallet_rampart_middleware::Config>::MaxVaultsPerSubnetwork::get(),
				)),
			));
		}
		weight
	}
}

impl<T: Config> Pallet<T> {
	fn handle_offence(
		kind: Kind,
		policy: OffencePolicy,
		session: SessionIndex,
		offender: &T::AccountId,
		fraction: Perbill,
	) {
		pallet_session::Pallet::<T>::report_offence(offender.clone(), OffenceSeverity(fraction));
		if let Some(keys) = pallet_session::Pallet::<T>::load_keys(offender) {
			Benched::<T>::insert(offender, T::Hashing::hash_of(&keys));
		}
		Self::deposit_event(Event::OffenceReported {
			kind,
			session,
			offender: offender.clone(),
			fraction,
		});
		let not_slashed = |reason| {
			Self::deposit_event(Event::OffenceNotSlashed {
				session,
				offender: offender.clone(),
				reason,
			})
		};
		let taken = fraction * policy.slash;
		if taken.is_zero() {
			return not_slashed(NotSlashed::PolicyZero);
		}
		let already = SessionSlashes::<T>::get(session, offender).unwrap_or_default();
		if taken <= already {
			return not_slashed(NotSlashed::AlreadySlashed);
		}
		let current = pallet_session::Pallet::<T>::current_index();
		let capture = match SessionCaptures::<T>::get(session) {
			Some(capture) if session >= Self::oldest_kept(current) => capture,
			_ => return not_slashed(NotSlashed::NoCapture),
		};
		let power = Middleware::<T>::operator_power(&Self::subnetwork(), offender, capture)
			.map(|(power, _)| power)
			.unwrap_or_default();
		let to_slash = taken.saturating_sub(already).mul_floor(power);
		if to_slash.is_zero() {
			return not_slashed(NotSlashed::NoPower);
		}
		let now = frame_system::Pallet::<T>::block_number();
		let delay = if policy.veto { T::VetoWindow::get().max(One::one()) } else { One::one() };
		let Some(apply_at) = Self::free_bucket(now.saturating_add(delay)) else {
			return not_slashed(NotSlashed::QueueFull);
		};
		let id = NextSlashId::<T>::mutate(|next| {
			let id = *next;
			*next = next.saturating_add(1);
			id
		});
		SessionSlashes::<T>::insert(session, offender, taken);
		PendingSlashes::<T>::insert(
			id,
			PendingSlash {
				offender: offender.clone(),
				kind,
				session,
				capture,
				power: to_slash,
				record: (already, taken),
				apply_at,
				veto: policy.veto,
			},
		);
		DueSlashes::<T>::mutate(apply_at, |due| {
			// `free_bucket` found room; a failure here cannot happen.
			let _ = due.try_push(id);
		});
		Self::deposit_event(Event::SlashScheduled {
			id,
			offender: offender.clone(),
			capture,
			power: to_slash,
			apply_at,
		});
	}

	/// The first block from `from` whose bucket has room, within [`SPREAD`] blocks.
	fn free_bucket(from: BlockNumberFor<T>) -> Option<BlockNumberFor<T>> {
		let mut at = from;
		for _ in 0..SPREAD {
			if (DueSlashes::<T>::decode_len(at).unwrap_or(0) as u32) < T::MaxSlashesPerBlock::get()
			{
				return Some(at);
			}
			at = at.saturating_add(One::one());
		}
		None
	}

	/// The weight of applying the slashes due at a block, at most `MaxSlashesPerBlock`.
	pub fn apply_weight(count: u32) -> Weight {
		<T as Config>::WeightInfo::apply_slashes(count)
			.saturating_add(Middleware::<T>::slash_weight().saturating_mul(u64::from(count)))
	}

	/// Applies the slashes due at `n` through the middleware, each in its own storage layer.
	pub(crate) fn apply_due_slashes(n: BlockNumberFor<T>) -> Weight {
		let due = DueSlashes::<T>::take(n);
		if due.is_empty() {
			return <T as Config>::WeightInfo::apply_slashes(0);
		}
		let weight = Self::apply_weight(due.len() as u32);
		for id in due {
			let Some(slash) = PendingSlashes::<T>::take(id) else { continue };
			let result = with_storage_layer(|| {
				Middleware::<T>::do_slash(
					Self::subnetwork(),
					slash.offender,
					slash.power,
					slash.capture,
				)
			});
			match result {
				Ok(()) => Self::deposit_event(Event::SlashApplied { id }),
				Err(error) => Self::deposit_event(Event::SlashFailed { id, error }),
			}
		}
		weight
	}

	pub(crate) fn do_cancel_slash(id: SlashId) -> DispatchResult {
		let slash = PendingSlashes::<T>::get(id).ok_or(Error::<T>::UnknownSlash)?;
		ensure!(slash.veto, Error::<T>::NotVetoable);
		PendingSlashes::<T>::remove(id);
		let (before, with) = slash.record;
		SessionSlashes::<T>::mutate_exists(slash.session, &slash.offender, |record| {
			if *record == Some(with) {
				*record = Some(before).filter(|before| !before.is_zero());
			}
		});
		DueSlashes::<T>::mutate_exists(slash.apply_at, |due| {
			if let Some(ids) = due {
				ids.retain(|other| *other != id);
				if ids.is_empty() {
					*due = None;
				}
			}
		});
		Self::deposit_event(Event::SlashCancelled { id });
		Ok(())
	}
}
