// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The power cap: no operator may hold more than a share `c` of the set's total power.
//!
//! Power above the cap is cut, never handed to others. With the powers sorted from the largest,
//! `p_1 >= p_2 >= ... >= p_n`, the capped powers are `q_i = min(p_i, T)` for the largest level `T`
//! at which the cap holds, `T <= c · Σ q_i`. When the top `k` operators are cut to `T` and the
//! others keep their power (`R_k` in all),
//!
//! ```text
//! T = c · (k·T + R_k)   =>   T = c · R_k / (1 − c·k),   valid when p_{k+1} <= T <= p_k
//! ```
//!
//! for the first `k` that is valid. If `c · n <= 1` no level below the largest power satisfies the
//! cap unless all are equal, so every operator is cut to the smallest power (equal shares, each
//! `1/n`, the closest to the cap that takes from nobody more than needed).
//!
//! `T` is rounded down, so the capped shares never exceed `c`. Worked example (`c` = 50 %):
//! `[100, 10, 10]` → `T = 0.5 · 20 / 0.5 = 20` → `[20, 10, 10]`, total 40, the top holds 50 %.

use alloc::vec::Vec;
use sp_runtime::{helpers_128bit::multiply_by_rational_with_rounding, PerThing, Perbill, Rounding};

/// Caps `powers` (sorted from the largest) so that none exceeds `cap` of their capped total.
/// Returns the capped powers in the same order.
pub fn cap_powers(powers: &[u128], cap: Perbill) -> Vec<u128> {
	let n = powers.len();
	let total = powers.iter().fold(0u128, |t, p| t.saturating_add(*p));
	let Some(&top) = powers.first() else { return Vec::new() };
	if cap.mul_floor(total) >= top {
		return powers.to_vec();
	}
	let parts = u128::from(cap.deconstruct());
	let one = u128::from(Perbill::ACCURACY);
	if parts.saturating_mul(n as u128) <= one {
		let least = powers.last().copied().unwrap_or_default();
		return powers.iter().map(|_| least).collect();
	}
	// R_k for k = 0: everything.
	let mut rest = total;
	for k in 1..=n {
		rest = rest.saturating_sub(powers[k - 1]);
		let ck = parts.saturating_mul(k as u128);
		if ck >= one {
			break;
		}
		let Some(level) = multiply_by_rational_with_rounding(rest, parts, one - ck, Rounding::Down)
		else {
			break;
		};
		let next = powers.get(k).copied().unwrap_or(0);
		if level <= powers[k - 1] && level >= next {
			return powers.iter().map(|p| (*p).min(level)).collect();
		}
	}
	// Rounding left no exact level: equal shares take no more than any level would.
	let least = powers.last().copied().unwrap_or_default();
	powers.iter().map(|_| least).collect()
}

#[cfg(test)]
mod tests {
	use super::*;

	fn share(capped: &[u128], i: usize) -> Perbill {
		Perbill::from_rational(capped[i], capped.iter().sum::<u128>())
	}

	#[test]
	fn the_worked_example_cuts_the_top_to_half() {
		assert_eq!(cap_powers(&[100, 10, 10], Perbill::from_percent(50)), vec![20, 10, 10]);
		// 40 %: T = 0.4 · 20 / 0.6 = 13.3 → 13; 13 / 33 = 39.4 %.
		let capped = cap_powers(&[100, 10, 10], Perbill::from_percent(40));
		assert_eq!(capped, vec![13, 10, 10]);
		assert!(share(&capped, 0) <= Perbill::from_percent(40));
	}

	#[test]
	fn a_set_within_the_cap_is_unchanged() {
		assert_eq!(cap_powers(&[30, 30, 40], Perbill::from_percent(40)), vec![30, 30, 40]);
		assert_eq!(cap_powers(&[5], Perbill::one()), vec![5]);
		assert_eq!(cap_powers(&[], Perbill::from_percent(10)), Vec::<u128>::new());
	}

	#[test]
	fn two_operators_above_the_cap_are_cut_to_the_same_level() {
		// c = 30 %: k = 1 gives T = 0.3·(60+20+20)/0.7 = 42.8 < 60 (p_2): invalid; k = 2 gives
		// T = 0.3·40/0.4 = 30: valid. 30/100 = 30 %.
		assert_eq!(cap_powers(&[80, 60, 20, 20], Perbill::from_percent(30)), vec![30, 30, 20, 20]);
	}

	#[test]
	fn too_few_operators_for_the_cap_get_equal_shares() {
		// Three operators cannot each hold at most 30 %.
		assert_eq!(cap_powers(&[100, 50, 10], Perbill::from_percent(30)), vec![10, 10, 10]);
		// Exactly 1/n: equal shares meet the cap.
		assert_eq!(cap_powers(&[100, 50], Perbill::from_percent(50)), vec![50, 50]);
	}

	#[test]
	fn capped_shares_never_exceed_the_cap_and_never_grow() {
		let mut seed = 7u64;
		let mut next = || {
			seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
			seed >> 33
		};
		for _ in 0..2_000 {
			let n = (next() % 12 + 1) as usize;
			let mut powers: Vec<u128> =
				(0..n).map(|_| u128::from(next() % 1_000_000 + 1)).collect();
			powers.sort_unstable_by(|a, b| b.cmp(a));
			let cap = Perbill::from_parts((next() % 1_000_000_000) as u32 + 1);
			let capped = cap_powers(&powers, cap);
			assert_eq!(capped.len(), n);
			for (p, q) in powers.iter().zip(&capped) {
				assert!(q <= p, "{powers:?} {cap:?} {capped:?}");
			}
			assert!(capped.windows(2).all(|w| w[0] >= w[1]));
			let feasible =
				u128::from(cap.deconstruct()) * n as u128 > u128::from(Perbill::ACCURACY);
			if feasible {
				let total: u128 = capped.iter().sum();
				assert!(capped[0] <= cap.mul_ceil(total), "{powers:?} {cap:?} {capped:?}");
			} else {
				assert!(capped.iter().all(|q| *q == powers[n - 1]));
			}
		}
	}
}
