// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

use super::*;

/// PROTOCOL 2.9, slasher side: G = 400 at tc; a slash of 250 executed at t1 leaves 150 for
/// tc; a capture in [tc, t1) gets G − 250; captures before tc are blocked; a capture at or
/// after t1 is not reduced by it.
#[test]
fn the_worked_budget_example() {
	build_and_execute(|| {
		let v = instant();
		run_to_block(3);
		let tc = 2;
		run_to_block(5);
		set_stake(v, sn(), OPERATOR, 500); // G(5..) = 500
		run_to_block(6);
		let t1 = 6;
		assert_ok!(slash(v, 250, tc));
		assert_eq!(
			events(),
			vec![Event::Slashed {
				vault: v,
				subnetwork: sn(),
				operator: OPERATOR,
				requested: 250,
				slashed: 250,
				moved: 250,
				capture: tc
			}]
		);
		run_to_block(8);
		assert_eq!(slashable(v, tc), 150);
		assert_eq!(slashable(v, 4), 400 - 250);
		assert_eq!(slashable(v, 5), 500 - 250);
		assert_eq!(slashable(v, 1), 0, "captures before the latest slashed one are blocked");
		assert_eq!(slashable(v, t1), 500, "a capture at the execution is not reduced");
		assert_eq!(hook_calls(), vec![(v, OPERATOR, 250, tc)]);
		assert_eq!(vault_slashes(), vec![(v, 250, tc)]);
	});
}

#[test]
fn a_slash_saturates_at_the_budget_and_then_fails() {
	build_and_execute(|| {
		let v = instant();
		run_to_block(4);
		assert_ok!(slash(v, 1_000, 2));
		assert!(matches!(events()[0], Event::Slashed { requested: 1_000, slashed: 400, .. }));
		assert_noop!(slash(v, 1, 2), Error::<Test>::InsufficientSlash);
		assert_noop!(slash(v, 0, 3), Error::<Test>::InsufficientSlash);
		// No stake at all: nothing to slash.
		assert_noop!(
			Slashing::slash(origin(MIDDLEWARE), v, sn(), OPERATOR_2, 5, 3),
			Error::<Test>::InsufficientSlash
		);
	});
}

/// Cross-slashing: two networks restake the same pool; the second slash finds less than it
/// asked for in the vault and records what moved, honestly.
#[test]
fn a_drained_pool_moves_less_than_slashed_and_the_budget_counts_what_moved() {
	build_and_execute(|| {
		let v = instant();
		let other = Subnetwork::main(NETWORK_2);
		set_stake(v, other, OPERATOR, 400);
		set_pool(v, 500);
		run_to_block(3);
		assert_ok!(slash(v, 400, 2));
		assert_ok!(Slashing::slash(origin(MIDDLEWARE_2), v, other, OPERATOR, 400, 2));
		let evs = events();
		assert!(matches!(evs[1], Event::Slashed { slashed: 400, moved: 100, .. }));
		assert_eq!(pool(v), 0);
		// DESIGN 3: the budget uses what moved, so the rest of the guarantee stays usable.
		assert_eq!(Slashing::slashable(v, &other, &OPERATOR, 2), Ok(300));
	});
}

#[test]
fn only_the_middleware_slashes_inside_the_window() {
	build_and_execute(|| {
		let v = instant();
		run_to_block(12);
		for who in [NETWORK, STRANGER, MIDDLEWARE_2] {
			assert_noop!(
				Slashing::slash(origin(who), v, sn(), OPERATOR, 5, 5),
				Error::<Test>::NotNetworkMiddleware
			);
		}
		assert_noop!(
			Slashing::slash(origin(MIDDLEWARE), 9, sn(), OPERATOR, 5, 5),
			Error::<Test>::UnknownVault
		);
		// The capture must be in [now − D, now).
		assert_noop!(slash(v, 5, 12), Error::<Test>::InvalidCaptureBlock);
		assert_noop!(slash(v, 5, 13), Error::<Test>::InvalidCaptureBlock);
		assert_noop!(slash(v, 5, 1), Error::<Test>::InvalidCaptureBlock);
		assert_ok!(slash(v, 5, 2));
		// A veto vault takes requests, not instant slashes, and the reverse.
		let w = veto();
		assert_noop!(
			Slashing::slash(origin(MIDDLEWARE), w, sn(), OPERATOR, 5, 11),
			Error::<Test>::WrongSlasherKind
		);
		assert_noop!(
			Slashing::request_slash(origin(MIDDLEWARE), v, sn(), OPERATOR, 5, 11),
			Error::<Test>::WrongSlasherKind
		);
		let none = add_vault(SlasherKind::None, D, 100);
		assert_noop!(
			Slashing::slash(origin(MIDDLEWARE), none, sn(), OPERATOR, 5, 11),
			Error::<Test>::WrongSlasherKind
		);
	});
}

#[test]
fn calls_refuse_root_and_unsigned_origins() {
	build_and_execute(|| {
		let v = instant();
		run_to_block(3);
		for o in [RuntimeOrigin::root(), RuntimeOrigin::none()] {
			assert_noop!(
				Slashing::slash(o.clone(), v, sn(), OPERATOR, 1, 2),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Slashing::request_slash(o.clone(), v, sn(), OPERATOR, 1, 2),
				DispatchError::BadOrigin
			);
			assert_noop!(Slashing::execute_slash(o.clone(), 0), DispatchError::BadOrigin);
			assert_noop!(Slashing::veto_slash(o.clone(), 0), DispatchError::BadOrigin);
			assert_noop!(Slashing::set_resolver(o, v, 0, Some(RESOLVER)), DispatchError::BadOrigin);
		}
	});
}

#[test]
fn the_charged_weight_adds_the_worst_lookup_and_hook() {
	use frame_support::dispatch::GetDispatchInfo;
	let call = crate::Call::<Test>::slash {
		vault: 0,
		subnetwork: sn(),
		operator: OPERATOR,
		amount: 1,
		capture: 1,
	};
	assert_eq!(call.get_dispatch_info().call_weight, STAKE_AT_WEIGHT + HOOK_WEIGHT);
}

/// The hook is charged at its worst and refunded to what it reported.
#[test]
fn the_unused_hook_weight_is_refunded() {
	build_and_execute(|| {
		let v = instant();
		run_to_block(3);
		let info = Slashing::slash(origin(MIDDLEWARE), v, sn(), OPERATOR, 10, 2)
			.expect("a slash within the guarantee");
		assert_eq!(info.actual_weight, Some(STAKE_AT_WEIGHT + HOOK_USED));
	});
}
