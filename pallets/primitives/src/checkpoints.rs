// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Bounded, pruned histories: "the value of X at block b".
//!
//! The reference keeps an ever-growing checkpoint array per variable and looks values up by binary
//! search (PROTOCOL 2.1). Rampart keeps the same lookup but bounds the array (DESIGN 3):
//!
//! - at most **one entry per block**: writing twice in a block overwrites the block's entry;
//! - **no redundant entries**: writing the value that is already current changes nothing, so a
//!   boolean history always alternates;
//! - **pruning**: [`Trace::prune`] drops the entries that no lookup inside the retention window can
//!   reach, keeping the newest entry at or before the window's start so that every block inside the
//!   window still has its exact value;
//! - **honest lookups**: after pruning, a lookup before the oldest kept entry returns
//!   [`TraceError::Pruned`] rather than a wrong default.
//!
//! ```text
//! entries:  (10 → a) (20 → b) (35 → c)        at(5) = None, at(10..=19) = a, at(40) = c
//! prune(25) drops nothing before (20 → b):    (20 → b) (35 → c), at(19) = Err(Pruned)
//! ```

use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{traits::Get, BoundedVec};
use scale_info::TypeInfo;

/// Why a trace could not be read or written.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TraceError {
	/// A write was keyed before the trace's newest entry: histories never change their past.
	OutOfOrder,
	/// A write needed a new entry but the trace already holds its maximum number of entries.
	Full,
	/// A lookup asked for a block whose value was pruned away.
	Pruned,
}

/// A bounded history of values keyed by block number, with at most `S` entries.
///
/// Keys are strictly increasing and consecutive values differ. See the module docs.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
#[scale_info(skip_type_params(S))]
#[codec(mel_bound(K: MaxEncodedLen, V: MaxEncodedLen))]
pub struct Trace<K, V, S: Get<u32>> {
	/// The entries, oldest first.
	points: BoundedVec<(K, V), S>,
	/// Blocks before this one were pruned (zero while nothing was).
	known_from: K,
}

impl<K: Default, V, S: Get<u32>> Default for Trace<K, V, S> {
	fn default() -> Self {
		Self { points: BoundedVec::new(), known_from: K::default() }
	}
}

impl<K, V, S> Trace<K, V, S>
where
	K: Copy + Ord + Default,
	V: Copy + PartialEq,
	S: Get<u32>,
{
	/// The current value, or `None` if nothing was ever written.
	pub fn latest(&self) -> Option<V> {
		self.points.last().map(|(_, v)| *v)
	}

	/// The block of the newest entry.
	pub fn latest_key(&self) -> Option<K> {
		self.points.last().map(|(k, _)| *k)
	}

	/// The value at block `at`: the value of the newest entry keyed at or before `at`.
	///
	/// `Ok(None)` means nothing had been written by then; `Err(Pruned)` means the value existed but
	/// was pruned away. O(log n).
	pub fn at(&self, at: K) -> Result<Option<V>, TraceError> {
		if at < self.known_from {
			return Err(TraceError::Pruned);
		}
		let after = self.points.partition_point(|(k, _)| *k <= at);
		Ok(after.checked_sub(1).and_then(|i| self.points.get(i)).map(|(_, v)| *v))
	}

	/// Records `value` from block `at` on.
	///
	/// Overwrites an entry already keyed at `at`, and drops an entry that would repeat the value
	/// before it. Returns whether the trace changed.
	pub fn push(&mut self, at: K, value: V) -> Result<bool, TraceError> {
		let len = self.points.len();
		match self.points.last_mut() {
			Some((k, _)) if *k > at => Err(TraceError::OutOfOrder),
			Some((k, v)) if *k == at => {
				if *v == value {
					return Ok(false);
				}
				*v = value;
				// The block's entry now repeats the one before it: it carries no information.
				let repeats = len >= 2 && self.points.get(len - 2).map(|(_, v)| *v) == Some(value);
				if repeats {
					self.points.pop();
				}
				Ok(true)
			},
			Some((_, v)) if *v == value => Ok(false),
			_ => self.points.try_push((at, value)).map(|_| true).map_err(|_| TraceError::Full),
		}
	}

	/// Drops the entries that no lookup at or after `horizon` needs, keeping the newest entry at or
	/// before `horizon`. Returns how many entries were dropped.
	pub fn prune(&mut self, horizon: K) -> u32 {
		let reachable_from = self.points.partition_point(|(k, _)| *k <= horizon);
		let drop = reachable_from.saturating_sub(1);
		if drop == 0 {
			return 0;
		}
		self.points.drain(..drop);
		if let Some((k, _)) = self.points.first() {
			self.known_from = *k;
		}
		drop as u32
	}

	/// The number of entries.
	pub fn len(&self) -> usize {
		self.points.len()
	}

	/// Whether nothing was ever written (or everything pruned).
	pub fn is_empty(&self) -> bool {
		self.points.is_empty()
	}

	/// Whether another entry fits.
	pub fn is_full(&self) -> bool {
		self.points.len() >= S::get() as usize
	}

	/// The first block whose value is still known (zero while nothing was pruned).
	pub fn known_from(&self) -> K {
		self.known_from
	}

	/// The entries, oldest first.
	pub fn entries(&self) -> &[(K, V)] {
		&self.points
	}

	/// Checks the trace's shape: keys strictly increasing, consecutive values different, and the
	/// pruning floor not after the oldest entry. Used by the pallets' `try_state`.
	pub fn check(&self) -> Result<(), &'static str> {
		for pair in self.points.windows(2) {
			if pair[0].0 >= pair[1].0 {
				return Err("trace keys are not strictly increasing");
			}
			if pair[0].1 == pair[1].1 {
				return Err("trace repeats a value");
			}
		}
		match self.points.first() {
			Some((k, _)) if self.known_from > *k => Err("trace pruned past its oldest entry"),
			_ => Ok(()),
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use frame_support::traits::ConstU32;

	type T4 = Trace<u32, u64, ConstU32<4>>;

	fn trace(entries: &[(u32, u64)]) -> T4 {
		let mut t = T4::default();
		for (k, v) in entries {
			assert_eq!(t.push(*k, *v), Ok(true));
		}
		t
	}

	#[test]
	fn lookups_return_the_value_in_force_at_each_block() {
		let t = trace(&[(10, 1), (20, 2), (35, 3)]);
		assert_eq!(t.at(0), Ok(None));
		assert_eq!(t.at(9), Ok(None));
		assert_eq!(t.at(10), Ok(Some(1)));
		assert_eq!(t.at(19), Ok(Some(1)));
		assert_eq!(t.at(20), Ok(Some(2)));
		assert_eq!(t.at(34), Ok(Some(2)));
		assert_eq!(t.at(35), Ok(Some(3)));
		assert_eq!(t.at(u32::MAX), Ok(Some(3)));
		assert_eq!(t.latest(), Some(3));
		assert_eq!(t.latest_key(), Some(35));
		assert_eq!(t.check(), Ok(()));
	}

	#[test]
	fn one_entry_per_block_and_no_repeats() {
		let mut t = trace(&[(10, 1)]);
		// Same block: overwritten.
		assert_eq!(t.push(10, 2), Ok(true));
		assert_eq!(t.entries(), &[(10, 2)]);
		// Same value later: nothing to record.
		assert_eq!(t.push(11, 2), Ok(false));
		assert_eq!(t.len(), 1);
		// A change back within the same block removes the block's entry.
		assert_eq!(t.push(12, 5), Ok(true));
		assert_eq!(t.push(12, 2), Ok(true));
		assert_eq!(t.entries(), &[(10, 2)]);
		assert_eq!(t.push(12, 2), Ok(false));
		assert_eq!(t.check(), Ok(()));
	}

	#[test]
	fn the_past_cannot_be_rewritten() {
		let mut t = trace(&[(10, 1)]);
		assert_eq!(t.push(9, 7), Err(TraceError::OutOfOrder));
		assert_eq!(t.entries(), &[(10, 1)]);
	}

	#[test]
	fn a_full_trace_refuses_new_entries_but_still_overwrites() {
		let mut t = trace(&[(1, 1), (2, 2), (3, 3), (4, 4)]);
		assert!(t.is_full());
		assert_eq!(t.push(5, 5), Err(TraceError::Full));
		assert_eq!(t.push(4, 9), Ok(true));
		assert_eq!(t.push(5, 9), Ok(false));
		assert_eq!(t.latest(), Some(9));
	}

	#[test]
	fn pruning_keeps_every_value_inside_the_window() {
		let mut t = trace(&[(10, 1), (20, 2), (35, 3)]);
		// Nothing before the newest entry at or before 15 can be dropped.
		assert_eq!(t.prune(15), 0);
		assert_eq!(t.known_from(), 0);
		assert_eq!(t.prune(25), 1);
		assert_eq!(t.entries(), &[(20, 2), (35, 3)]);
		assert_eq!(t.known_from(), 20);
		for b in 25..40 {
			assert!(t.at(b).is_ok());
		}
		assert_eq!(t.at(25), Ok(Some(2)));
		assert_eq!(t.at(19), Err(TraceError::Pruned));
		assert_eq!(t.prune(100), 1);
		assert_eq!(t.entries(), &[(35, 3)]);
		assert_eq!(t.at(100), Ok(Some(3)));
		assert_eq!(t.prune(100), 0);
		assert_eq!(t.check(), Ok(()));
	}

	#[test]
	fn check_finds_malformed_traces() {
		let unsorted =
			T4 { points: BoundedVec::truncate_from(vec![(2, 1), (1, 2)]), known_from: 0 };
		assert!(unsorted.check().is_err());
		let repeated =
			T4 { points: BoundedVec::truncate_from(vec![(1, 1), (2, 1)]), known_from: 0 };
		assert!(repeated.check().is_err());
		let over_pruned = T4 { points: BoundedVec::truncate_from(vec![(5, 1)]), known_from: 6 };
		assert!(over_pruned.check().is_err());
	}
}
