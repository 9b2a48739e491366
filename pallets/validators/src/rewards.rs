// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Session rewards by blocks authored.
//!
//! Each block's author (`pallet-authorship`) earns its session a point. When session `s` ends,
//!
//! ```text
//! amount(s) = min(SessionReward, spendable(network account) − already set aside)
//! ```
//!
//! is set aside for its validators and paid later (in the first idle block with room, or by
//! anyone with `payout`) through the middleware: validator `i` gets `⌊amount · points_i / Σ
//! points⌋`, its commission at the session's capture goes to it and the rest to the stakers of
//! the vaults behind it, pro rata to their stake at the capture. The reward is never minted: it
//! is what the network's account holds (the runtime sends it the transaction fees). A validator
//! without power at the capture (a genesis validator without stake) earns nothing; its part stays
//! with the network, as does rounding.

use crate::{pallet::*, types::*, WeightInfo};
use frame_support::{
	pallet_prelude::*,
	storage::with_storage_layer,
	traits::{
		fungible::Inspect,
		tokens::{Fortitude, Preservation},
		Get,
	},
};
use frame_system::pallet_prelude::BlockNumberFor;
use pallet_rampart_middleware::Pallet as Middleware;
use sp_runtime::traits::Saturating;
use sp_staking::SessionIndex;

impl<T: Config> pallet_authorship::EventHandler<T::AccountId, BlockNumberFor<T>> for Pallet<T> {
	fn note_author(author: T::AccountId) {
		let session = pallet_session::Pallet::<T>::current_index();
		AuthoredBlocks::<T>::mutate(session, |points| {
			match points.iter_mut().find(|(who, _)| *who == author) {
				Some((_, count)) => count.saturating_inc(),
				// More authors than `MaxValidators` in a session: the genesis set can be larger.
				None => {
					let _ = points.try_push((author, 1));
				},
			}
		});
	}
}

impl<T: Config> Pallet<T> {
	/// What the network's account can spend on rewards now: its balance it may spend, less
	/// what finished sessions already wait to be paid.
	pub fn spendable() -> u128 {
		let free = T::RewardCurrency::reducible_balance(
			&Self::network_account(),
			Preservation::Preserve,
			Fortitude::Polite,
		);
		let free: u128 = free.try_into().unwrap_or(u128::MAX);
		free.saturating_sub(SetAside::<T>::get())
	}

	/// Sets session `session`'s reward aside for its validators, by blocks authored.
	pub(crate) fn queue_payout(session: SessionIndex) {
		let points = AuthoredBlocks::<T>::take(session);
		let not_paid = |reason| Self::deposit_event(Event::SessionNotPaid { session, reason });
		let Some(capture) = SessionCaptures::<T>::get(session) else {
			return not_paid(NotPaid::NoCapture);
		};
		if points.is_empty() {
			return not_paid(NotPaid::NoPoints);
		}
		let amount = SessionReward::<T>::get().min(Self::spendable());
		if amount == 0 {
			return not_paid(NotPaid::NoFunds);
		}
		if PendingPayouts::<T>::try_mutate(|waiting| waiting.try_push(session)).is_err() {
			return not_paid(NotPaid::QueueFull);
		}
		SetAside::<T>::mutate(|aside| *aside = aside.saturating_add(amount));
		Payouts::<T>::insert(session, SessionPayout { capture, amount, points });
		Self::deposit_event(Event::SessionPayoutQueued { session, amount });
	}

	/// The worst weight of one session's payout: `MaxValidators` validators over the most
	/// vaults, through the middleware and the rewards pallet.
	pub fn payout_weight() -> Weight {
		<T as Config>::WeightInfo::payout()
			.saturating_add(Middleware::<T>::reward_by_points_weight(T::MaxValidators::get()))
	}

	/// Pays the oldest waiting session; returns the weight used (the worst case).
	pub(crate) fn do_payout(session: SessionIndex) -> Weight {
		PendingPayouts::<T>::mutate(|waiting| waiting.retain(|s| *s != session));
		let Some(payout) = Payouts::<T>::take(session) else {
			return <T as Config>::WeightInfo::payout();
		};
		SetAside::<T>::mutate(|aside| *aside = aside.saturating_sub(payout.amount));
		let result = with_storage_layer(|| {
			Middleware::<T>::reward_by_points(
				Self::network_account(),
				Self::subnetwork(),
				T::RewardAsset::get(),
				payout.amount,
				payout.capture,
				&payout.points,
				T::MaxAdminFee::get(),
			)
		});
		match result {
			Ok(paid) => Self::deposit_event(Event::SessionPaid { session, paid }),
			Err(error) => Self::deposit_event(Event::SessionPayoutFailed { session, error }),
		}
		Self::payout_weight()
	}

	/// Pays the oldest waiting session if the block has room left for it.
	pub(crate) fn pay_in_idle(remaining: Weight) -> Weight {
		let check = T::DbWeight::get().reads(1);
		if !remaining.all_gte(check) {
			return Weight::zero();
		}
		let Some(session) = PendingPayouts::<T>::get().first().copied() else { return check };
		if !remaining.all_gte(check.saturating_add(Self::payout_weight())) {
			return check;
		}
		check.saturating_add(Self::do_payout(session))
	}
}
