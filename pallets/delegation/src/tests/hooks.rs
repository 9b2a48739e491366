// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

use super::*;

use super::set_policy as policy;

#[test]
fn without_a_policy_a_slash_only_reports() {
	build_and_execute(|| {
		let v = setup(DelegatorKind::NetworkRestake);
		set_max(v, 1_000);
		set_limit(v, 1_000);
		events();
		slash(v, OP_A, 10, 1);
		assert_eq!(
			events(),
			vec![Event::Slashed {
				vault: v,
				subnetwork: sn(),
				operator: OP_A,
				amount: 10,
				capture: 1
			}]
		);
		assert_eq!(Delegation::subnetwork_limits(v, sn()), (1_000, 1_000, 0));
	});
}

#[test]
fn decrease_lowers_the_limit_and_the_operators_shares() {
	build_and_execute(|| {
		let v = setup(DelegatorKind::NetworkRestake);
		set_max(v, 1_000);
		set_limit(v, 900);
		set_shares(v, OP_A, 30);
		set_shares(v, OP_B, 60);
		policy(v, HookPolicy::Decrease);
		run_to_block(3);
		// At block 1 OP_A had ⌊30 · 900 / 90⌋ = 300 for 30 shares.
		assert_eq!(stake_at(v, OP_A, 1), Ok(300));
		slash(v, OP_A, 100, 1);
		// NL 900 − 100; shares 30 − ⌈100 · 30 / 300⌉ = 20.
		assert_eq!(Delegation::subnetwork_limits(v, sn()), (1_000, 800, 80));
		// A slash above what is left takes it to zero, never below.
		slash(v, OP_A, 10_000, 1);
		assert_eq!(Delegation::subnetwork_limits(v, sn()), (1_000, 0, 60));
		assert_eq!(stake(v, OP_A), 0);
	});
}

#[test]
fn decrease_lowers_operator_and_network_limits_of_the_other_kinds() {
	build_and_execute(|| {
		let full = setup(DelegatorKind::FullRestake);
		set_max(full, 1_000);
		set_limit(full, 900);
		set_op_limit(full, OP_A, 500);
		policy(full, HookPolicy::Decrease);
		slash(full, OP_A, 200, 1);
		assert_eq!(Delegation::subnetwork_limits(full, sn()).1, 700);
		assert_eq!(stake(full, OP_A), 300);

		let own = setup(DelegatorKind::OperatorSpecific { operator: OP_A });
		set_max(own, 1_000);
		set_limit(own, 900);
		policy(own, HookPolicy::Decrease);
		slash(own, OP_A, 250, 1);
		assert_eq!(stake(own, OP_A), 650);
	});
}

#[test]
fn redistribute_scales_the_operators_shares_by_what_survived() {
	build_and_execute(|| {
		let v = two_operator_vault();
		policy(v, HookPolicy::Redistribute);
		run_to_block(2);
		// OP_A had 500 at block 1 and loses 200: shares 100 · 300 / 500 = 60.
		slash(v, OP_A, 200, 1);
		assert_eq!(Delegation::subnetwork_limits(v, sn()).2, 160);
		assert_eq!(Delegation::subnetwork_limits(v, sn()).1, 1_000);
	});
}

#[test]
fn reset_zeroes_after_count_slashes_within_the_period() {
	build_and_execute(|| {
		let v = two_operator_vault();
		policy(v, HookPolicy::Reset { period: 10, count: 3 });
		// Three slashes spread over more than the period: no reset.
		for b in [2, 8, 13] {
			run_to_block(b);
			slash(v, OP_A, 1, 1);
		}
		assert_eq!(Delegation::subnetwork_limits(v, sn()).2, 200);
		assert_eq!(RecentSlashes::<Test>::get((v, sn(), OP_A)).into_inner(), vec![2, 8, 13]);
		// The fourth lands within 10 blocks of the second: reset.
		run_to_block(14);
		slash(v, OP_A, 1, 13);
		assert_eq!(Delegation::subnetwork_limits(v, sn()).2, 100);
		assert_eq!(stake(v, OP_A), 0);
		assert!(!RecentSlashes::<Test>::contains_key((v, sn(), OP_A)));

		// The full-restake kind zeroes the operator limit, the operator-specific kind the
		// network limit.
		let full = setup(DelegatorKind::FullRestake);
		set_max(full, 1_000);
		set_limit(full, 1_000);
		set_op_limit(full, OP_A, 1_000);
		policy(full, HookPolicy::Reset { period: 10, count: 1 });
		slash(full, OP_A, 1, 13);
		assert_eq!(stake(full, OP_A), 0);
		let own = setup(DelegatorKind::OperatorSpecific { operator: OP_A });
		set_max(own, 1_000);
		set_limit(own, 1_000);
		policy(own, HookPolicy::Reset { period: 10, count: 1 });
		slash(own, OP_A, 1, 13);
		assert_eq!(Delegation::subnetwork_limits(own, sn()).1, 0);
	});
}

/// A hook that cannot run (here: its capture block was pruned) changes nothing, is
/// reported, and the slash is still reported.
#[test]
fn a_failing_hook_is_rolled_back_and_never_blocks() {
	build_and_execute(|| {
		let v = setup(DelegatorKind::NetworkRestake);
		set_max(v, 1_000);
		set_limit(v, 1_000);
		set_shares(v, OP_A, 100);
		policy(v, HookPolicy::Decrease);
		run_to_block(3 * WINDOW);
		events();
		slash(v, OP_A, 100, 1);
		let events = events();
		assert!(matches!(events[0], Event::HookFailed { vault, .. } if vault == v));
		assert!(matches!(events[1], Event::Slashed { amount: 100, .. }));
		assert_eq!(events.len(), 2);
		// The limit was lowered before the shares failed; the layer undid it.
		assert_eq!(Delegation::subnetwork_limits(v, sn()), (1_000, 1_000, 100));
	});
}

#[test]
fn the_charged_weight_covers_every_policy() {
	build_and_execute(|| {
		let most = <Delegation as StakeProvider<_, _>>::on_slash_weight();
		let v = setup(DelegatorKind::NetworkRestake);
		assert!(slash(v, OP_A, 1, 1).all_lte(most));
		assert_eq!(<Delegation as StakeProvider<_, _>>::stake_at_weight(), Weight::zero());
	});
}
