// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Share math of the vaults (PROTOCOL 2.1 and 2.9), exact and with every rounding written down.
//!
//! Conversions carry the ERC-4626 virtual offset of one share and one asset, so an empty vault mints
//! one share per unit and a donation to the vault cannot round the next depositor's shares to zero
//! (the inflation attack costs the attacker what it donates):
//!
//! ```text
//! assets → shares:  x · (S + 1) / (A + 1)
//! shares → assets:  y · (A + 1) / (S + 1)
//! ```
//!
//! Products are computed in 256 bits (`multiply_by_rational_with_rounding`), so nothing overflows
//! before the final result; a result that does not fit in `u128` is `None`, never a wrapped value.
//! Rounding always favours the vault: shares minted and assets paid round down, shares burned
//! round up.

use sp_runtime::{helpers_128bit::multiply_by_rational_with_rounding, Rounding};

/// `x · y / z`, rounded as asked; `None` if `z` is zero or the result exceeds `u128`.
pub fn mul_div(x: u128, y: u128, z: u128, rounding: Rounding) -> Option<u128> {
	multiply_by_rational_with_rounding(x, y, z, rounding)
}

/// Shares worth `assets` in a pool of `total_assets` backing `total_shares`: `x·(S+1)/(A+1)`.
pub fn to_shares(
	assets: u128,
	total_assets: u128,
	total_shares: u128,
	rounding: Rounding,
) -> Option<u128> {
	mul_div(assets, total_shares.checked_add(1)?, total_assets.checked_add(1)?, rounding)
}

/// Assets worth `shares` in a pool of `total_assets` backing `total_shares`: `y·(A+1)/(S+1)`.
pub fn to_assets(
	shares: u128,
	total_assets: u128,
	total_shares: u128,
	rounding: Rounding,
) -> Option<u128> {
	mul_div(shares, total_assets.checked_add(1)?, total_shares.checked_add(1)?, rounding)
}

/// How a slash is taken from a vault's three slashable pools (PROTOCOL 2.9).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct SlashSplit {
	/// Taken from active stake `A`.
	pub active: u128,
	/// Taken from the withdrawals of the previous epoch, `W[cur]` (claimable after this epoch).
	pub current_withdrawals: u128,
	/// Taken from the withdrawals requested this epoch, `W[cur + 1]`.
	pub next_withdrawals: u128,
}

impl SlashSplit {
	/// The total taken: what the vault moves to its burner.
	pub fn total(&self) -> u128 {
		self.active
			.saturating_add(self.current_withdrawals)
			.saturating_add(self.next_withdrawals)
	}
}

/// Splits a slash of `amount` across active stake `active`, the withdrawals claimable after this
/// epoch `current` (`W[cur]`) and those requested this epoch `next` (`W[cur + 1]`), pro rata.
///
/// - Capture in the current epoch: `W[cur]` had left active stake before the capture, so only
///   `A + W[cur+1]` is slashable; `a = ⌊s·A/pool⌋` and the remainder comes from `W[cur+1]`.
/// - Capture in the previous epoch: all three pools are slashable; `a = ⌊s·A/pool⌋`,
///   `n = ⌊s·N/pool⌋`, the remainder from `W[cur]`, and whatever exceeds `W[cur]` from `W[cur+1]`.
///
/// `s = min(amount, pool)`; the three parts sum to exactly `s` and none exceeds its pool.
/// `None` only if the pools sum past `u128` (they cannot in a vault, whose pools are balances).
pub fn split_slash(
	amount: u128,
	active: u128,
	current: u128,
	next: u128,
	capture_in_previous_epoch: bool,
) -> Option<SlashSplit> {
	let pool = if capture_in_previous_epoch {
		active.checked_add(current)?.checked_add(next)?
	} else {
		active.checked_add(next)?
	};
	let slashed = amount.min(pool);
	if slashed == 0 {
		return Some(SlashSplit::default());
	}
	let a = mul_div(slashed, active, pool, Rounding::Down)?;
	if !capture_in_previous_epoch {
		return Some(SlashSplit {
			active: a,
			current_withdrawals: 0,
			next_withdrawals: slashed.checked_sub(a)?,
		});
	}
	let mut n = mul_div(slashed, next, pool, Rounding::Down)?;
	let mut c = slashed.checked_sub(a)?.checked_sub(n)?;
	if c > current {
		// Rounding left more on `W[cur]` than it holds: the excess comes from `W[cur+1]`.
		n = n.checked_add(c - current)?;
		c = current;
	}
	Some(SlashSplit { active: a, current_withdrawals: c, next_withdrawals: n })
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn an_empty_vault_mints_one_share_per_unit() {
		assert_eq!(to_shares(1_000, 0, 0, Rounding::Down), Some(1_000));
		assert_eq!(to_assets(1_000, 1_000, 1_000, Rounding::Down), Some(1_000));
	}

	#[test]
	fn rounding_favours_the_vault() {
		// A = 10, S = 3: a unit is worth (3+1)/(10+1) shares.
		assert_eq!(to_shares(5, 10, 3, Rounding::Down), Some(1)); // 20/11 = 1.8 → 1 minted
		assert_eq!(to_shares(5, 10, 3, Rounding::Up), Some(2)); // burned for 5 assets: 2
		assert_eq!(to_assets(2, 10, 3, Rounding::Down), Some(5)); // 22/4 = 5.5 → 5 paid
	}

	#[test]
	fn a_round_trip_never_profits() {
		for (a, s) in [(0u128, 0u128), (10, 3), (1_000_003, 999_999), (7, 1_000_000_000)] {
			for x in [1u128, 2, 3, 10, 999, 123_456] {
				let minted = to_shares(x, a, s, Rounding::Down).unwrap();
				let back = to_assets(minted, a + x, s + minted, Rounding::Down).unwrap();
				assert!(back <= x, "deposit {x} into ({a}, {s}) redeemed {back}");
			}
		}
	}

	#[test]
	fn a_donation_cannot_zero_the_next_depositor() {
		// Attacker deposits 1 (1 share), then donates 10^6 to the vault.
		let (a, s) = (1 + 1_000_000u128, 1u128);
		// The victim's 10^6 still mints a share (floor of 2·10^6 / 1_000_002 = 1), and the
		// victim's loss is bounded by the offset: it can redeem about half, not zero.
		let minted = to_shares(1_000_000, a, s, Rounding::Down).unwrap();
		assert_eq!(minted, 1);
		let back = to_assets(minted, a + 1_000_000, s + minted, Rounding::Down).unwrap();
		assert!(back >= 666_667, "victim got back {back}");
	}

	#[test]
	fn near_max_values_error_instead_of_overflowing() {
		assert_eq!(to_shares(u128::MAX, 0, u128::MAX, Rounding::Down), None);
		assert_eq!(to_shares(1, u128::MAX, 0, Rounding::Down), None);
		assert_eq!(
			to_assets(u128::MAX, u128::MAX - 1, u128::MAX - 1, Rounding::Down),
			Some(u128::MAX)
		);
		assert_eq!(mul_div(1, 1, 0, Rounding::Down), None);
		// 256-bit intermediate: (2^127 · 4) / 8 fits although the product does not.
		assert_eq!(mul_div(1 << 127, 4, 8, Rounding::Down), Some(1 << 126));
	}

	#[test]
	fn protocol_worked_vector_capture_in_previous_epoch() {
		// PROTOCOL 2.9: A = 600, W[cur] = 100, W[cur+1] = 300, amount = 500.
		let split = split_slash(500, 600, 100, 300, true).unwrap();
		assert_eq!(
			split,
			SlashSplit { active: 300, current_withdrawals: 50, next_withdrawals: 150 }
		);
		assert_eq!(split.total(), 500);
	}

	#[test]
	fn protocol_worked_vector_capture_in_current_epoch() {
		let split = split_slash(500, 600, 100, 300, false).unwrap();
		assert_eq!(
			split,
			SlashSplit { active: 333, current_withdrawals: 0, next_withdrawals: 167 }
		);
		assert_eq!(split.total(), 500);
	}

	#[test]
	fn a_slash_saturates_at_the_pool() {
		let split = split_slash(10_000, 600, 100, 300, true).unwrap();
		assert_eq!(
			split,
			SlashSplit { active: 600, current_withdrawals: 100, next_withdrawals: 300 }
		);
		let split = split_slash(10_000, 600, 100, 300, false).unwrap();
		assert_eq!(
			split,
			SlashSplit { active: 600, current_withdrawals: 0, next_withdrawals: 300 }
		);
		assert_eq!(split_slash(0, 600, 100, 300, true), Some(SlashSplit::default()));
		assert_eq!(split_slash(5, 0, 0, 0, true), Some(SlashSplit::default()));
	}

	#[test]
	fn remainders_never_exceed_a_pool_and_always_sum_exactly() {
		let mut seed = 0x2545_f491_4f6c_dd1du64;
		let mut next = |bound: u128| {
			seed ^= seed << 13;
			seed ^= seed >> 7;
			seed ^= seed << 17;
			(seed as u128) % bound
		};
		for _ in 0..20_000 {
			let (a, c, n) = (next(1_000), next(50), next(50));
			let amount = next(1_200);
			for previous in [true, false] {
				let split = split_slash(amount, a, c, n, previous).unwrap();
				let pool = if previous { a + c + n } else { a + n };
				assert_eq!(split.total(), amount.min(pool));
				assert!(split.active <= a);
				assert!(split.current_withdrawals <= c);
				assert!(split.next_withdrawals <= n, "{amount} over ({a}, {c}, {n}), {previous}");
				if !previous {
					assert_eq!(split.current_withdrawals, 0);
				}
			}
		}
	}
}
