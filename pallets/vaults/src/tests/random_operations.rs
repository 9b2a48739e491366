// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

use super::*;
use frame_support::storage::with_storage_layer;

/// A seeded stream of deposits, withdrawals, redemptions, claims, share transfers, slashes
/// and block advances from random callers, with `do_try_state` (shares, buckets,
/// conservation) after every step. Failing operations must change nothing.
#[test]
fn invariants_hold_under_a_random_operation_stream() {
	build_and_execute(|| {
		let v = create(config(NATIVE));
		let users: [AccountId; 5] = [BOB, CHARLIE, DAVE, 5, 6];
		let mut seed = 0x9e37_79b9_7f4a_7c15u64;
		let mut rnd = move |n: u64| {
			seed ^= seed << 13;
			seed ^= seed >> 7;
			seed ^= seed << 17;
			seed % n.max(1)
		};
		let mut block = 1u64;
		let (mut ok, mut failed) = (0u32, 0u32);
		for _ in 0..3_000 {
			let who = users[rnd(5) as usize];
			let other = users[rnd(5) as usize];
			let result = match rnd(9) {
				0 | 1 => Vaults::deposit(origin(who), v, other, 1 + rnd(10_000) as u128),
				2 => Vaults::withdraw(origin(who), v, other, 1 + rnd(5_000) as u128),
				3 => Vaults::redeem(origin(who), v, other, 1 + rnd(5_000) as u128),
				4 => {
					let current = Vaults::current_epoch_of(v).unwrap();
					Vaults::claim(origin(who), v, other, rnd(current + 2))
				},
				5 => Vaults::transfer_shares(origin(who), v, other, 1 + rnd(3_000) as u128),
				6 => {
					let capture = block.saturating_sub(rnd(2 * D)).max(1);
					with_storage_layer(|| slash(v, rnd(3_000) as u128, capture).map(|_| ()))
				},
				_ => {
					block += 1 + rnd(4);
					run_to_block(block);
					Ok(())
				},
			};
			if result.is_ok() {
				ok += 1;
			} else {
				failed += 1;
			}
			Vaults::do_try_state().expect("invariants hold after every operation");
		}
		// The stream exercised both paths.
		assert!(ok > 1_000 && failed > 100, "ok {ok}, failed {failed}");
	});
}
