// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Long histories kept one entry per storage item: "the value of X at block b" for quantities
//! that may change every block (a vault's active stake, its shares, an account's shares).
//!
//! [`crate::checkpoints::Trace`] keeps a whole history in one bounded value, which suits histories
//! that change rarely (opt-ins). A vault's stake may change in every block of its retention window
//! (two epochs plus the reward lookback, hundreds of thousands of blocks), so [`PagedTrace`] keeps
//! each entry in its own item of a double map `(key, index) → (block, value)` and a small
//! [`TraceHead`] per key:
//!
//! - the same rules as `Trace`: one entry per block, no repeated values, the past never changes;
//! - lookups by binary search over the indices: O(log n) reads of one small item each;
//! - pruning as it writes: every push drops up to [`PRUNE_PER_PUSH`] (one) entry that no lookup
//!   at or after the horizon needs (keeping the newest one at or before it). A push adds at most
//!   one entry and a trace only grows while none of its entries is prunable, so a trace never
//!   holds more than the most entries written within one window, plus one: about one window for
//!   a trace written every block. One push deletes at most one entry, which keeps a write's cost
//!   (and its benchmarked worst case) low; a burst written long ago shrinks only when its key is
//!   pruned with [`PagedTrace::prune`] and a larger limit;
//! - lookups before the oldest kept entry of a pruned trace fail with [`TraceError::Pruned`].

use crate::checkpoints::TraceError;
use alloc::vec::Vec;
use codec::{Decode, Encode, FullCodec, MaxEncodedLen};
use core::marker::PhantomData;
use frame_support::storage::{StorageDoubleMap, StorageMap};
use scale_info::TypeInfo;

/// Entries dropped at most per push.
pub const PRUNE_PER_PUSH: u32 = 1;

/// Where a key's entries are: indices `first .. first + len` of the points map.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct TraceHead<BlockNumber> {
	/// Index of the oldest kept entry.
	pub first: u32,
	/// Number of kept entries.
	pub len: u32,
	/// Blocks before this one were pruned (zero while nothing was).
	pub known_from: BlockNumber,
}

/// A history per `Key`, stored in `Head` (`Key → TraceHead`) and `Points` (`(Key, index) →
/// (block, value)`). See the module docs.
pub struct PagedTrace<Key, B, V, Head, Points>(PhantomData<(Key, B, V, Head, Points)>);

impl<Key, B, V, Head, Points> PagedTrace<Key, B, V, Head, Points>
where
	Key: FullCodec + Clone,
	B: FullCodec + Copy + Ord + Default,
	V: FullCodec + Copy + PartialEq,
	Head: StorageMap<Key, TraceHead<B>>,
	Points: StorageDoubleMap<Key, u32, (B, V)>,
{
	/// The head of `key`'s trace (empty if never written).
	pub fn head(key: &Key) -> TraceHead<B> {
		Head::try_get(key).unwrap_or_default()
	}

	fn point(key: &Key, index: u32) -> Option<(B, V)> {
		Points::try_get(key, index).ok()
	}

	/// The newest entry.
	pub fn latest(key: &Key) -> Option<(B, V)> {
		let head = Self::head(key);
		let last = head.len.checked_sub(1)?;
		Self::point(key, head.first.checked_add(last)?)
	}

	/// The current value, or `default` if nothing was written.
	pub fn latest_value_or(key: &Key, default: V) -> V {
		Self::latest(key).map(|(_, v)| v).unwrap_or(default)
	}

	/// The value at block `at`: that of the newest entry at or before `at`. `Ok(None)` if nothing
	/// had been written by then; `Err(Pruned)` if that part of the history was pruned. O(log n).
	pub fn at(key: &Key, at: B) -> Result<Option<V>, TraceError> {
		let head = Self::head(key);
		if at < head.known_from {
			return Err(TraceError::Pruned);
		}
		let lo = Self::first_after(key, &head, at);
		if lo == head.first {
			return Ok(None);
		}
		Ok(Self::point(key, lo - 1).map(|(_, v)| v))
	}

	/// The index of the first entry whose block is after `at`, in `[first, first + len]`.
	fn first_after(key: &Key, head: &TraceHead<B>, at: B) -> u32 {
		let (mut lo, mut hi) = (head.first, head.first.saturating_add(head.len));
		while lo < hi {
			let mid = lo + (hi - lo) / 2;
			match Self::point(key, mid) {
				Some((block, _)) if block <= at => lo = mid + 1,
				_ => hi = mid,
			}
		}
		lo
	}

	/// The blocks of the entries written after block `after`, oldest first: where the value
	/// changed since then. O(log n) reads to find the first, one per entry after it.
	pub fn changes_after(key: &Key, after: B) -> Vec<B> {
		let head = Self::head(key);
		let end = head.first.saturating_add(head.len);
		(Self::first_after(key, &head, after)..end)
			.filter_map(|i| Self::point(key, i).map(|(b, _)| b))
			.collect()
	}

	/// Records `value` from block `at` on, then prunes entries no lookup at or after `horizon`
	/// needs. Returns whether the history changed.
	pub fn push(key: &Key, at: B, value: V, horizon: B) -> Result<bool, TraceError> {
		let mut head = Self::head(key);
		let changed = match head.len.checked_sub(1).map(|last| head.first + last) {
			None => {
				Points::insert(key, head.first, (at, value));
				head.len = 1;
				true
			},
			Some(last) => match Self::point(key, last) {
				Some((block, _)) if block > at => return Err(TraceError::OutOfOrder),
				Some((block, current)) if block == at => {
					if current == value {
						false
					} else {
						let previous = last.checked_sub(1).filter(|p| *p >= head.first);
						if previous.and_then(|p| Self::point(key, p)).map(|(_, v)| v) == Some(value)
						{
							// The block's entry would repeat the one before: drop it.
							Points::remove(key, last);
							head.len -= 1;
						} else {
							Points::insert(key, last, (at, value));
						}
						true
					}
				},
				Some((_, current)) if current == value => false,
				_ => {
					let next = last.checked_add(1).ok_or(TraceError::Full)?;
					Points::insert(key, next, (at, value));
					head.len += 1;
					true
				},
			},
		};
		let pruned = Self::prune_head(key, &mut head, horizon, PRUNE_PER_PUSH);
		if changed || pruned > 0 {
			Head::insert(key, head);
		}
		Ok(changed)
	}

	/// Drops up to `limit` entries that no lookup at or after `horizon` needs. Returns how many.
	pub fn prune(key: &Key, horizon: B, limit: u32) -> u32 {
		let mut head = Self::head(key);
		let pruned = Self::prune_head(key, &mut head, horizon, limit);
		if pruned > 0 {
			Head::insert(key, head);
		}
		pruned
	}

	fn prune_head(key: &Key, head: &mut TraceHead<B>, horizon: B, limit: u32) -> u32 {
		let mut pruned = 0;
		while pruned < limit && head.len >= 2 {
			match Self::point(key, head.first + 1) {
				Some((block, _)) if block <= horizon => {
					Points::remove(key, head.first);
					head.first += 1;
					head.len -= 1;
					head.known_from = block;
					pruned += 1;
				},
				_ => break,
			}
		}
		pruned
	}

	/// The entries, oldest first (reads them all: for tests, `try_state` and off-chain use).
	pub fn entries(key: &Key) -> Vec<(B, V)> {
		let head = Self::head(key);
		(head.first..head.first.saturating_add(head.len))
			.filter_map(|i| Self::point(key, i))
			.collect()
	}

	/// Checks the trace's shape: every indexed entry present, blocks strictly increasing,
	/// consecutive values different, the pruning floor not after the oldest entry.
	pub fn check(key: &Key) -> Result<(), &'static str> {
		let head = Self::head(key);
		let entries = Self::entries(key);
		if entries.len() != head.len as usize {
			return Err("paged trace misses an entry");
		}
		for pair in entries.windows(2) {
			if pair[0].0 >= pair[1].0 {
				return Err("paged trace blocks are not strictly increasing");
			}
			if pair[0].1 == pair[1].1 {
				return Err("paged trace repeats a value");
			}
		}
		match entries.first() {
			Some((block, _)) if head.known_from > *block => Err("paged trace pruned too far"),
			_ => Ok(()),
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use frame_support::{storage_alias, Blake2_128Concat, Twox64Concat};

	#[storage_alias]
	type Heads = StorageMap<Test, Blake2_128Concat, u8, TraceHead<u32>>;
	#[storage_alias]
	type Points = StorageDoubleMap<Test, Blake2_128Concat, u8, Twox64Concat, u32, (u32, u64)>;

	type T = PagedTrace<u8, u32, u64, Heads, Points>;

	fn with_storage(test: impl FnOnce()) {
		sp_io::TestExternalities::default().execute_with(test);
	}

	#[test]
	fn lookups_return_the_value_in_force() {
		with_storage(|| {
			for (b, v) in [(10, 1), (20, 2), (35, 3)] {
				assert_eq!(T::push(&1, b, v, 0), Ok(true));
			}
			assert_eq!(T::at(&1, 9), Ok(None));
			assert_eq!(T::at(&1, 10), Ok(Some(1)));
			assert_eq!(T::at(&1, 34), Ok(Some(2)));
			assert_eq!(T::at(&1, 1_000), Ok(Some(3)));
			assert_eq!(T::latest(&1), Some((35, 3)));
			assert_eq!(T::changes_after(&1, 0), vec![10, 20, 35]);
			assert_eq!(T::changes_after(&1, 10), vec![20, 35]);
			assert_eq!(T::changes_after(&1, 34), vec![35]);
			assert_eq!(T::changes_after(&1, 35), Vec::<u32>::new());
			// Another key is independent.
			assert_eq!(T::at(&2, 20), Ok(None));
			assert_eq!(T::latest_value_or(&2, 7), 7);
			assert_eq!(T::check(&1), Ok(()));
		});
	}

	#[test]
	fn one_entry_per_block_no_repeats_no_rewrites() {
		with_storage(|| {
			assert_eq!(T::push(&1, 10, 1, 0), Ok(true));
			assert_eq!(T::push(&1, 10, 2, 0), Ok(true));
			assert_eq!(T::push(&1, 11, 2, 0), Ok(false));
			assert_eq!(T::push(&1, 12, 5, 0), Ok(true));
			assert_eq!(T::push(&1, 12, 2, 0), Ok(true));
			assert_eq!(T::entries(&1), vec![(10, 2)]);
			assert_eq!(T::push(&1, 9, 3, 0), Err(TraceError::OutOfOrder));
			assert_eq!(T::check(&1), Ok(()));
		});
	}

	#[test]
	fn pushes_prune_behind_the_horizon_and_lookups_say_so() {
		with_storage(|| {
			// One change per block for 100 blocks, keeping a 10-block window.
			for b in 1..=100u32 {
				assert_eq!(T::push(&1, b, b as u64, b.saturating_sub(10)), Ok(true));
				assert!(T::head(&1).len <= 12, "block {b}: {:?}", T::head(&1));
			}
			for b in 90..=100u32 {
				assert_eq!(T::at(&1, b), Ok(Some(b as u64)));
			}
			assert_eq!(T::at(&1, 50), Err(TraceError::Pruned));
			assert_eq!(T::check(&1), Ok(()));
			// Pruned entries are gone from storage.
			assert_eq!(Points::iter_prefix(1).count() as u32, T::head(&1).len);
		});
	}

	#[test]
	fn a_trace_never_outgrows_its_busiest_window() {
		with_storage(|| {
			// A burst of 50 changes, then one change every 7 blocks for a long time, keeping a
			// 20-block window: the trace never holds more than the burst plus one.
			for b in 1..=50u32 {
				T::push(&1, b, b as u64, 0).unwrap();
			}
			assert_eq!(T::head(&1).len, 50);
			for b in (1_000..3_000u32).step_by(7) {
				T::push(&1, b, b as u64, b - 20).unwrap();
				assert!(T::head(&1).len <= 51, "block {b}: {:?}", T::head(&1));
			}
			assert_eq!(T::check(&1), Ok(()));
			// Written every block after that, it holds one window of entries.
			for b in 3_000..3_200u32 {
				T::push(&1, b, b as u64, b - 20).unwrap();
			}
			assert!(T::head(&1).len <= 51, "{:?}", T::head(&1));
			// An explicit prune gives a past burst back.
			assert!(T::prune(&1, 3_180, u32::MAX) > 0);
			assert_eq!(T::head(&1).len, 20);
			assert_eq!(T::at(&1, 3_180), Ok(Some(3_180)));
			assert_eq!(T::at(&1, 3_179), Err(TraceError::Pruned));
			assert_eq!(T::check(&1), Ok(()));
		});
	}

	#[test]
	fn a_push_deletes_at_most_one_entry() {
		with_storage(|| {
			for b in 1..=50u32 {
				T::push(&1, b, b as u64, 0).unwrap();
			}
			// Long after, every entry but the newest is prunable: one push drops one.
			T::push(&1, 1_000, 0, 990).unwrap();
			assert_eq!(T::head(&1).len, 50);
			assert_eq!(T::prune(&1, 990, u32::MAX), 48);
			assert_eq!(T::entries(&1), vec![(50, 50), (1_000, 0)]);
			assert_eq!(T::at(&1, 995), Ok(Some(50)));
			assert_eq!(T::check(&1), Ok(()));
		});
	}
}
