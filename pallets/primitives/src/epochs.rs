// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The epoch clock of a vault (PROTOCOL 2.1), in blocks.
//!
//! ```text
//! epoch_at(b)  = ⌊(b − start) / duration⌋          (None before start)
//! start_of(e)  = start + e · duration              (None if it does not fit)
//! ```
//!
//! A withdrawal requested in epoch `k` becomes claimable when epoch `k + 1` ends, i.e. at
//! `start_of(k + 2)`: after more than one and at most two epochs.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::traits::AtLeast32BitUnsigned;

/// A vault's epochs: they start at block `start` and last `duration` blocks each.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct EpochClock<BlockNumber> {
	/// The first block of epoch 0 (the vault's creation).
	pub start: BlockNumber,
	/// Blocks per epoch; never zero for a real vault.
	pub duration: BlockNumber,
}

impl<B: AtLeast32BitUnsigned + Copy> EpochClock<B> {
	/// The epoch block `at` falls in; `None` before the clock starts or with a zero duration.
	pub fn epoch_at(&self, at: B) -> Option<B> {
		if at < self.start || self.duration.is_zero() {
			return None;
		}
		Some((at - self.start) / self.duration)
	}

	/// The first block of epoch `epoch`; `None` if it does not fit in a block number.
	pub fn start_of(&self, epoch: B) -> Option<B> {
		epoch.checked_mul(&self.duration)?.checked_add(&self.start)
	}

	/// The epoch after `epoch`.
	pub fn next(epoch: B) -> Option<B> {
		epoch.checked_add(&B::one())
	}

	/// The epoch before `epoch`; `None` for epoch 0.
	pub fn previous(epoch: B) -> Option<B> {
		epoch.checked_sub(&B::one())
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn epochs_count_from_the_start_block() {
		let clock = EpochClock { start: 100u32, duration: 10 };
		assert_eq!(clock.epoch_at(99), None);
		assert_eq!(clock.epoch_at(100), Some(0));
		assert_eq!(clock.epoch_at(109), Some(0));
		assert_eq!(clock.epoch_at(110), Some(1));
		assert_eq!(clock.start_of(0), Some(100));
		assert_eq!(clock.start_of(3), Some(130));
		assert_eq!(clock.start_of(u32::MAX), None);
		assert_eq!(EpochClock::<u32>::previous(0), None);
		assert_eq!(EpochClock::<u32>::previous(4), Some(3));
		assert_eq!(EpochClock::<u32>::next(u32::MAX), None);
	}

	#[test]
	fn a_zero_duration_has_no_epochs() {
		assert_eq!(EpochClock { start: 0u32, duration: 0 }.epoch_at(5), None);
	}

	#[test]
	fn a_withdrawal_waits_more_than_one_and_at_most_two_epochs() {
		let clock = EpochClock { start: 7u32, duration: 10 };
		for request in 7..200u32 {
			let k = clock.epoch_at(request).unwrap();
			let claimable_from = clock.start_of(k + 2).unwrap();
			let delay = claimable_from - request;
			assert!(delay > 10 && delay <= 20, "request at {request}: delay {delay}");
		}
	}
}
