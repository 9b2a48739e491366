// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Long histories kept in pages: "the value of X at block b" for quantities that may change
//! every block (a vault's active stake, its shares, an account's shares).
//!
//! [`crate::checkpoints::Trace`] keeps a whole history in one bounded value, which suits histories
//! that change rarely (opt-ins). A vault's stake may change in every block of its retention window
//! (two epochs plus the reward lookback, hundreds of thousands of blocks), so [`PagedTrace`] keeps
//! a history in pages of [`PAGE_LEN`] entries:
//!
//! - the **head** (`Head: Key → TraceHead`) holds the newest entries (one to `PAGE_LEN`) and
//!   where the older pages are; a full head's entries move into a new **page** (`Pages: (Key,
//!   index) → Page`) when the next entry comes, and a page never changes after that;
//! - the same rules as `Trace`: one entry per block, no repeated values, the past never changes;
//! - lookups read the head, then binary-search the pages by their first block: O(log(n /
//!   PAGE_LEN)) reads, each of one page;
//! - **a push writes at most two items**: the head, plus either the page it fills or the oldest
//!   page it prunes, never both. Most pushes (a new entry into a head that has room, no page to
//!   prune) write the head alone. A push that does not fill a page drops the oldest page when no
//!   lookup at or after the horizon needs it (the next page, or the head, starts at or before the
//!   horizon). Pages are added at most once per `PAGE_LEN` new entries and a push that does not
//!   add one may prune one, so a trace holds at most the entries written within its busiest
//!   window plus two pages; a burst written long ago shrinks only when its key is pruned with
//!   [`PagedTrace::prune`] and a larger limit;
//! - lookups before the oldest kept entry of a pruned trace fail with [`TraceError::Pruned`].
//!
//! ```text
//! pages 7, 8 (full, never rewritten)      head: first_page 7, next_page 9, entries (≤ PAGE_LEN)
//! [e112 .. e127] [e128 .. e143]            [e144 .. e150]
//! ```

use crate::checkpoints::TraceError;
use alloc::vec::Vec;
use codec::{Decode, Encode, FullCodec, MaxEncodedLen};
use core::marker::PhantomData;
use frame_support::{
	storage::{StorageDoubleMap, StorageMap},
	traits::ConstU32,
	BoundedVec,
};
use scale_info::TypeInfo;

/// Entries per page (and the most the head holds).
pub const PAGE_LEN: u32 = 16;

/// The binary-search depth (`log2` of the entries) up to which a whole history sits in its head:
/// a lookup's reads grow with the depth only beyond it, one page per step. Weights over a
/// history's depth `d` are therefore benchmarked over the steps beyond it, `d − PAGE_DEPTH`
/// (zero for a history in its head), so that their fitted line starts where the cost starts to
/// grow: fitted over `d` itself, the flat part would flatten the slope they are extrapolated
/// with.
pub const PAGE_DEPTH: u32 = PAGE_LEN.ilog2();

/// The steps of a lookup in a history `depth` deep beyond its head: what weights over history
/// depth are benchmarked over (see [`PAGE_DEPTH`]).
pub const fn steps_beyond_head(depth: u32) -> u32 {
	depth.saturating_sub(PAGE_DEPTH)
}

/// Pages dropped at most per push.
pub const PRUNE_PER_PUSH: u32 = 1;

/// Entries `(block, value)`, oldest first.
pub type Page<B, V> = BoundedVec<(B, V), ConstU32<PAGE_LEN>>;

/// The newest entries of a key's history and where its older pages are: pages
/// `first_page .. next_page` of the pages map, each full.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct TraceHead<B, V> {
	/// Index of the oldest kept page.
	pub first_page: u32,
	/// Index the next page will take.
	pub next_page: u32,
	/// Blocks before this one were pruned (zero while nothing was).
	pub known_from: B,
	/// The newest entries, oldest first; never empty while pages are kept.
	pub entries: Page<B, V>,
}

impl<B: Default, V> Default for TraceHead<B, V> {
	fn default() -> Self {
		Self { first_page: 0, next_page: 0, known_from: B::default(), entries: BoundedVec::new() }
	}
}

impl<B, V> TraceHead<B, V> {
	/// Pages kept.
	pub fn pages(&self) -> u32 {
		self.next_page.saturating_sub(self.first_page)
	}

	/// Entries kept (in the pages and the head).
	pub fn len(&self) -> u32 {
		self.pages().saturating_mul(PAGE_LEN).saturating_add(self.entries.len() as u32)
	}

	/// Whether nothing was ever written (or everything was pruned, which pushes never do).
	pub fn is_empty(&self) -> bool {
		self.len() == 0
	}
}

/// The newest entry at or before `at` among `entries` (oldest first).
fn last_at_or_before<B: Ord + Copy, V: Copy>(entries: &[(B, V)], at: B) -> Option<(B, V)> {
	let after = entries.partition_point(|(block, _)| *block <= at);
	after.checked_sub(1).map(|i| entries[i])
}

/// A history per `Key`, stored in `Head` (`Key → TraceHead`) and `Pages` (`(Key, index) →
/// Page`). See the module docs.
pub struct PagedTrace<Key, B, V, Head, Pages>(PhantomData<(Key, B, V, Head, Pages)>);

impl<Key, B, V, Head, Pages> PagedTrace<Key, B, V, Head, Pages>
where
	Key: FullCodec + Clone,
	B: FullCodec + Copy + Ord + Default,
	V: FullCodec + Copy + PartialEq,
	Head: StorageMap<Key, TraceHead<B, V>>,
	Pages: StorageDoubleMap<Key, u32, Page<B, V>>,
{
	/// The head of `key`'s trace (empty if never written).
	pub fn head(key: &Key) -> TraceHead<B, V> {
		Head::try_get(key).unwrap_or_default()
	}

	/// Entries kept for `key`.
	pub fn len(key: &Key) -> u32 {
		Self::head(key).len()
	}

	fn page(key: &Key, index: u32) -> Page<B, V> {
		Pages::try_get(key, index).unwrap_or_default()
	}

	/// The block of a page's first entry (`None` if the page is missing).
	fn page_start(key: &Key, index: u32) -> Option<B> {
		Pages::try_get(key, index)
			.ok()
			.and_then(|page| page.first().map(|(block, _)| *block))
	}

	/// The newest entry.
	pub fn latest(key: &Key) -> Option<(B, V)> {
		Self::head(key).entries.last().copied()
	}

	/// The current value, or `default` if nothing was written.
	pub fn latest_value_or(key: &Key, default: V) -> V {
		Self::latest(key).map(|(_, v)| v).unwrap_or(default)
	}

	/// The newest page that starts at or before `at`, if any. O(log pages) page reads.
	fn page_by(key: &Key, head: &TraceHead<B, V>, at: B) -> Option<u32> {
		let (mut lo, mut hi) = (head.first_page, head.next_page);
		while lo < hi {
			let mid = lo + (hi - lo) / 2;
			match Self::page_start(key, mid) {
				Some(block) if block <= at => lo = mid + 1,
				_ => hi = mid,
			}
		}
		lo.checked_sub(1).filter(|i| *i >= head.first_page)
	}

	/// The value at block `at`: that of the newest entry at or before `at`. `Ok(None)` if nothing
	/// had been written by then; `Err(Pruned)` if that part of the history was pruned.
	/// O(log(n / PAGE_LEN)) reads.
	pub fn at(key: &Key, at: B) -> Result<Option<V>, TraceError> {
		let head = Self::head(key);
		if at < head.known_from {
			return Err(TraceError::Pruned);
		}
		if let Some((_, value)) = last_at_or_before(&head.entries, at) {
			return Ok(Some(value));
		}
		Ok(Self::page_by(key, &head, at)
			.and_then(|i| last_at_or_before(&Self::page(key, i), at))
			.map(|(_, v)| v))
	}

	/// The blocks of the entries written after block `after`, oldest first: where the value
	/// changed since then. O(log(n / PAGE_LEN)) reads to find the first, one per page after it.
	pub fn changes_after(key: &Key, after: B) -> Vec<B> {
		let head = Self::head(key);
		let mut blocks = Vec::new();
		let head_starts_after = head.entries.first().is_none_or(|(block, _)| *block > after);
		if head_starts_after && head.pages() > 0 {
			let from = Self::page_by(key, &head, after).unwrap_or(head.first_page);
			for index in from..head.next_page {
				blocks
					.extend(Self::page(key, index).iter().map(|(b, _)| *b).filter(|b| *b > after));
			}
		}
		blocks.extend(head.entries.iter().map(|(b, _)| *b).filter(|b| *b > after));
		blocks
	}

	/// Records `value` from block `at` on, then prunes entries no lookup at or after `horizon`
	/// needs. Returns whether the history changed. Writes the head, and at most one page.
	pub fn push(key: &Key, at: B, value: V, horizon: B) -> Result<bool, TraceError> {
		let mut head = Self::head(key);
		// Whether this push already wrote (or removed) a page: then it prunes none.
		let mut paged = false;
		let changed = match head.entries.last().copied() {
			Some((block, _)) if block > at => return Err(TraceError::OutOfOrder),
			Some((block, current)) if block == at => {
				if current == value {
					false
				} else {
					let last = head.entries.len() - 1;
					let previous = match last.checked_sub(1) {
						Some(p) => Some(head.entries[p]),
						None => head
							.next_page
							.checked_sub(1)
							.filter(|p| *p >= head.first_page)
							.and_then(|p| Self::page(key, p).last().copied()),
					};
					if previous.map(|(_, v)| v) == Some(value) {
						// The block's entry would repeat the one before: drop it.
						head.entries.pop();
						if head.entries.is_empty() && head.pages() > 0 {
							// Keep the head non-empty: the newest page comes back into it.
							head.next_page -= 1;
							head.entries = Self::page(key, head.next_page);
							Pages::remove(key, head.next_page);
							paged = true;
						}
					} else {
						head.entries[last] = (at, value);
					}
					true
				}
			},
			Some((_, current)) if current == value => false,
			_ => {
				if head.entries.try_push((at, value)).is_err() {
					// The head is full: its entries become a page.
					let index = head.next_page;
					head.next_page = index.checked_add(1).ok_or(TraceError::Full)?;
					let full = core::mem::take(&mut head.entries);
					Pages::insert(key, index, full);
					head.entries = BoundedVec::truncate_from(alloc::vec![(at, value)]);
					paged = true;
				}
				true
			},
		};
		let pruned =
			if paged { 0 } else { Self::prune_head(key, &mut head, horizon, PRUNE_PER_PUSH) };
		if changed || pruned > 0 {
			Head::insert(key, head);
		}
		Ok(changed)
	}

	/// Appends `entries` (blocks after the newest, in order) as pushes with nothing to prune
	/// would (an entry that repeats the value before it is skipped), but writes each new page
	/// and the head once: for benchmark setups, whose histories are hundreds of thousands of
	/// entries long.
	#[cfg(any(test, feature = "runtime-benchmarks"))]
	pub fn extend_unpruned(
		key: &Key,
		entries: impl IntoIterator<Item = (B, V)>,
	) -> Result<(), TraceError> {
		let mut head = Self::head(key);
		for (at, value) in entries {
			match head.entries.last() {
				Some((block, _)) if *block >= at => return Err(TraceError::OutOfOrder),
				Some((_, current)) if *current == value => continue,
				_ => {},
			}
			if head.entries.try_push((at, value)).is_err() {
				let index = head.next_page;
				head.next_page = index.checked_add(1).ok_or(TraceError::Full)?;
				Pages::insert(key, index, core::mem::take(&mut head.entries));
				head.entries = BoundedVec::truncate_from(alloc::vec![(at, value)]);
			}
		}
		Head::insert(key, head);
		Ok(())
	}

	/// Drops up to `limit` pages that no lookup at or after `horizon` needs. Returns how many.
	pub fn prune(key: &Key, horizon: B, limit: u32) -> u32 {
		let mut head = Self::head(key);
		let pruned = Self::prune_head(key, &mut head, horizon, limit);
		if pruned > 0 {
			Head::insert(key, head);
		}
		pruned
	}

	fn prune_head(key: &Key, head: &mut TraceHead<B, V>, horizon: B, limit: u32) -> u32 {
		let mut pruned = 0;
		while pruned < limit && head.first_page < head.next_page {
			// Where the entries after the oldest page start: the next page, or the head.
			let next = head.first_page + 1;
			let next_start = if next < head.next_page {
				Self::page_start(key, next)
			} else {
				head.entries.first().map(|(block, _)| *block)
			};
			match next_start {
				Some(block) if block <= horizon => {
					Pages::remove(key, head.first_page);
					head.first_page = next;
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
		let mut all: Vec<(B, V)> =
			(head.first_page..head.next_page).flat_map(|i| Self::page(key, i)).collect();
		all.extend(head.entries);
		all
	}

	/// Checks the trace's shape: every kept page present and full, the head not empty while
	/// pages are kept, blocks strictly increasing, consecutive values different, the pruning
	/// floor not after the oldest entry.
	pub fn check(key: &Key) -> Result<(), &'static str> {
		let head = Self::head(key);
		if head.first_page > head.next_page {
			return Err("paged trace pages out of order");
		}
		for index in head.first_page..head.next_page {
			match Pages::try_get(key, index) {
				Ok(page) if page.len() as u32 == PAGE_LEN => {},
				Ok(_) => return Err("paged trace has a page that is not full"),
				Err(_) => return Err("paged trace misses a page"),
			}
		}
		if head.entries.is_empty() && head.pages() > 0 {
			return Err("paged trace head is empty");
		}
		let entries = Self::entries(key);
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
	type Heads = StorageMap<Test, Blake2_128Concat, u8, TraceHead<u32, u64>>;
	#[storage_alias]
	type Pages = StorageDoubleMap<Test, Blake2_128Concat, u8, Twox64Concat, u32, Page<u32, u64>>;

	type T = PagedTrace<u8, u32, u64, Heads, Pages>;

	const P: u32 = PAGE_LEN;

	fn with_storage(test: impl FnOnce()) {
		sp_io::TestExternalities::default().execute_with(test);
	}

	fn snapshot() -> alloc::collections::BTreeMap<Vec<u8>, Vec<u8>> {
		let (mut all, mut key) = (alloc::collections::BTreeMap::new(), Vec::new());
		while let Some(next) = sp_io::storage::next_key(&key) {
			all.insert(
				next.clone(),
				sp_io::storage::get(&next).map(|v| v.to_vec()).unwrap_or_default(),
			);
			key = next;
		}
		all
	}

	/// Storage items a closure inserts, changes or removes.
	fn writes(f: impl FnOnce()) -> usize {
		let before = snapshot();
		f();
		let after = snapshot();
		let changed = after.iter().filter(|(k, v)| before.get(*k) != Some(*v)).count();
		changed + before.keys().filter(|k| !after.contains_key(*k)).count()
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
	fn lookups_across_pages_match_a_plain_list() {
		with_storage(|| {
			// Entries at every third block, values alternating in a pattern, over many pages.
			let mut list = Vec::new();
			for i in 1..=(5 * P + 7) {
				let (b, v) = (3 * i, (i % 5) as u64 + u64::from(i % 2) * 10);
				if list.last().map(|(_, last)| *last) != Some(v) {
					list.push((b, v));
				}
				T::push(&1, b, v, 0).unwrap();
			}
			assert_eq!(T::entries(&1), list);
			assert_eq!(T::len(&1) as usize, list.len());
			assert!(T::head(&1).pages() >= 5);
			for at in 0..(3 * 5 * P + 40) {
				let expected = list.iter().rev().find(|(b, _)| *b <= at).map(|(_, v)| *v);
				assert_eq!(T::at(&1, at), Ok(expected), "at {at}");
				let changes: Vec<u32> = list.iter().map(|(b, _)| *b).filter(|b| *b > at).collect();
				assert_eq!(T::changes_after(&1, at), changes, "after {at}");
			}
			assert_eq!(T::check(&1), Ok(()));
		});
	}

	#[test]
	fn extending_leaves_what_the_pushes_leave() {
		with_storage(|| {
			let entries: Vec<(u32, u64)> = (1..=(4 * P + 5))
				.map(|i| (2 * i, u64::from(i % 3 == 0) + (i % 2) as u64))
				.collect();
			T::push(&1, 1, 7, 0).unwrap();
			T::push(&2, 1, 7, 0).unwrap();
			for (b, v) in &entries {
				T::push(&1, *b, *v, 0).unwrap();
			}
			T::extend_unpruned(&2, entries.iter().copied()).unwrap();
			assert_eq!(T::head(&1), T::head(&2));
			assert_eq!(T::entries(&1), T::entries(&2));
			assert_eq!(T::check(&2), Ok(()));
			assert!(T::head(&2).pages() >= 2);
			assert_eq!(T::extend_unpruned(&2, [(2, 9)]), Err(TraceError::OutOfOrder));
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
	fn a_block_that_undoes_itself_right_after_a_page_is_filled() {
		with_storage(|| {
			for b in 1..=P {
				T::push(&1, b, b as u64, 0).unwrap();
			}
			assert_eq!(T::head(&1).pages(), 0);
			// The next entry moves the full head into a page...
			T::push(&1, P + 1, 100, 0).unwrap();
			assert_eq!((T::head(&1).pages(), T::head(&1).entries.len()), (1, 1));
			// ... and writing the previous value back in the same block takes it back out.
			assert_eq!(T::push(&1, P + 1, P as u64, 0), Ok(true));
			assert_eq!(T::head(&1).pages(), 0);
			assert_eq!(T::head(&1).entries.len() as u32, P);
			assert_eq!(T::latest(&1), Some((P, P as u64)));
			assert_eq!(Pages::iter().count(), 0);
			assert_eq!(T::check(&1), Ok(()));
		});
	}

	#[test]
	fn pushes_prune_behind_the_horizon_and_lookups_say_so() {
		with_storage(|| {
			// One change per block for 500 blocks, keeping a 10-block window.
			for b in 1..=500u32 {
				assert_eq!(T::push(&1, b, b as u64, b.saturating_sub(10)), Ok(true));
				assert!(T::len(&1) <= 10 + 2 * P + 1, "block {b}: {:?}", T::head(&1));
			}
			for b in 490..=500u32 {
				assert_eq!(T::at(&1, b), Ok(Some(b as u64)));
			}
			assert_eq!(T::at(&1, 50), Err(TraceError::Pruned));
			assert_eq!(T::check(&1), Ok(()));
			// Pruned pages are gone from storage.
			assert_eq!(Pages::iter_prefix(1).count() as u32, T::head(&1).pages());
		});
	}

	#[test]
	fn a_trace_never_outgrows_its_busiest_window() {
		with_storage(|| {
			// A burst of 50 changes, then one change every 7 blocks for a long time, keeping a
			// 20-block window: the trace never holds more than the burst plus two pages.
			for b in 1..=50u32 {
				T::push(&1, b, b as u64, 0).unwrap();
			}
			assert_eq!(T::len(&1), 50);
			for b in (1_000..5_000u32).step_by(7) {
				T::push(&1, b, b as u64, b - 20).unwrap();
				assert!(T::len(&1) <= 50 + 2 * P, "block {b}: {:?}", T::head(&1));
			}
			assert_eq!(T::check(&1), Ok(()));
			// Written every block after that, it holds about one window of entries.
			for b in 5_000..5_400u32 {
				T::push(&1, b, b as u64, b - 20).unwrap();
				assert!(T::len(&1) <= 20 + 2 * P + 1, "block {b}: {:?}", T::head(&1));
			}
			assert_eq!(T::at(&1, 5_380), Ok(Some(5_380)));
			assert_eq!(T::check(&1), Ok(()));
		});
	}

	#[test]
	fn a_push_writes_at_most_two_items() {
		with_storage(|| {
			let mut most = 0;
			for b in 1..=(10 * P) {
				let w = writes(|| {
					T::push(&1, b, b as u64, b.saturating_sub(2 * P)).unwrap();
				});
				most = most.max(w);
			}
			assert_eq!(most, 2);
			// A new entry into a head with room, nothing to prune: the head alone.
			T::push(&2, 1, 1, 0).unwrap();
			assert_eq!(
				writes(|| {
					T::push(&2, 2, 2, 0).unwrap();
				}),
				1
			);
		});
	}

	#[test]
	fn an_explicit_prune_gives_a_past_burst_back() {
		with_storage(|| {
			for b in 1..=(4 * P) {
				T::push(&1, b, b as u64, 0).unwrap();
			}
			// Long after, the full head becomes a fourth page (a push that fills a page prunes
			// none); every page but the newest is behind the horizon.
			T::push(&1, 1_000, 0, 990).unwrap();
			assert_eq!(T::head(&1).pages(), 4);
			assert_eq!(T::prune(&1, 990, u32::MAX), 3);
			assert_eq!(T::head(&1).pages(), 1);
			assert_eq!(T::entries(&1).len() as u32, P + 1);
			assert_eq!(T::at(&1, 995), Ok(Some(4 * P as u64)));
			assert_eq!(T::at(&1, 3 * P), Err(TraceError::Pruned));
			assert_eq!(T::check(&1), Ok(()));
		});
	}
}
