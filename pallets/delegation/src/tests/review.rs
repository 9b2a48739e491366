// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

use super::*;

/// Item 10: a curator may lower a `Reset` policy's count below the slashes already kept;
/// that state is legitimate (the next slash trims the buffer), so the invariants hold.
#[test]
fn lowering_a_reset_count_keeps_the_invariants() {
	build_and_execute(|| {
		let v = two_operator_vault();
		set_policy(v, HookPolicy::Reset { period: 100, count: 3 });
		for b in [2, 3] {
			run_to_block(b);
			slash(v, OP_A, 1, 1);
		}
		assert_eq!(RecentSlashes::<Test>::get((v, sn(), OP_A)).len(), 2);
		set_policy(v, HookPolicy::Reset { period: 100, count: 1 });
		Delegation::do_try_state().expect("a longer buffer than the new count is legitimate");
		// The next slash trims the buffer to the new count and resets at once.
		run_to_block(4);
		slash(v, OP_A, 1, 3);
		assert_eq!(stake(v, OP_A), 0);
		assert!(!RecentSlashes::<Test>::contains_key((v, sn(), OP_A)));
	});
}

/// Item 11: the reference resets when the oldest kept slash is at most `period` blocks old
/// (`now − oldest <= period`); two slashes exactly one period apart reset with count 2.
#[test]
fn reset_counts_a_slash_exactly_one_period_old() {
	build_and_execute(|| {
		let v = two_operator_vault();
		set_policy(v, HookPolicy::Reset { period: 10, count: 2 });
		run_to_block(2);
		slash(v, OP_A, 1, 1);
		run_to_block(12);
		slash(v, OP_A, 1, 11);
		assert_eq!(stake(v, OP_A), 0);
		// One block more than the period apart: no reset.
		run_to_block(13);
		slash(v, OP_B, 1, 12);
		run_to_block(24);
		slash(v, OP_B, 1, 23);
		assert_ne!(stake(v, OP_B), 0);
	});
}

/// Item 14: on an operator-and-network-specific vault, another network setting its maximum to
/// the value it already has (zero) gets `AlreadySet` first, as in the reference; a new value
/// gets `InvalidNetwork`.
#[test]
fn already_set_comes_before_invalid_network() {
	build_and_execute(|| {
		let v = setup(DelegatorKind::OperatorNetworkSpecific { operator: OP_A, network: NETWORK });
		assert_noop!(
			Delegation::set_max_network_limit(origin(NETWORK_2), v, 0, 0),
			Error::<Test>::AlreadySet
		);
		assert_noop!(
			Delegation::set_max_network_limit(origin(NETWORK_2), v, 0, 5),
			Error::<Test>::InvalidNetwork
		);
	});
}
