// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

use super::*;

/// Item 0: out, in and out again in one block. The reference refuses the second opt-out
/// (`OptOutCooldown`: the latest change is in this block); the history collapsing back to its
/// older entry must not hide that change.
#[test]
fn second_opt_out_in_one_block_hits_the_cooldown() {
	build_and_execute(|| {
		setup();
		add_vaults(1);
		for target in [net_target(), OptInTarget::Vault(0)] {
			run_to_block(1);
			assert_ok!(Registry::opt_in(origin(operator()), target.clone()));
			run_to_block(3);
			assert_ok!(Registry::opt_out(origin(operator()), target.clone()));
			assert_ok!(Registry::opt_in(origin(operator()), target.clone()));
			assert_noop!(
				Registry::opt_out(origin(operator()), target.clone()),
				Error::<Test>::OptOutCooldown
			);
			// The block ends opted in; the next block may leave.
			assert!(Registry::is_opted_in_now(&operator(), &target));
			assert_eq!(Registry::opted_in_at_block(&operator(), &target, 3), Ok(true));
			run_to_block(4);
			assert_ok!(Registry::opt_out(origin(operator()), target.clone()));
			assert_eq!(Registry::opted_in_at_block(&operator(), &target, 3), Ok(true));
			assert_eq!(Registry::opted_in_at_block(&operator(), &target, 4), Ok(false));
		}
	});
}

/// Item 4: a history full inside its window must still take an opt-out: only new opt-ins
/// are refused, so an operator can always leave.
#[test]
fn a_full_history_refuses_the_opt_in_never_the_opt_out() {
	build_and_execute(|| {
		setup();
		assert_ok!(Registry::opt_in(origin(operator()), net_target()));
		run_to_block(2);
		assert_ok!(Registry::opt_out(origin(operator()), net_target()));
		run_to_block(22);
		assert_ok!(Registry::opt_in(origin(operator()), net_target()));
		run_to_block(23);
		assert_ok!(Registry::opt_out(origin(operator()), net_target()));
		// [(2, out), (22, in), (23, out)]: one more opt-in would leave no room to leave.
		run_to_block(24);
		assert_noop!(
			Registry::opt_in(origin(operator()), net_target()),
			Error::<Test>::TooManyOptInChanges
		);
		// Once the window moves past block 22, the opt-in fits with room to leave after.
		run_to_block(43);
		assert_ok!(Registry::opt_in(origin(operator()), net_target()));
		run_to_block(44);
		assert_ok!(Registry::opt_out(origin(operator()), net_target()));
	});
}

/// Item 4, exhaustively: whatever an operator did before, opting out while opted in never
/// fails for a full history.
#[test]
fn opting_out_never_fails_for_lack_of_room() {
	build_and_execute(|| {
		setup();
		let (mut seed, mut opt_outs) = (0x5eed_u64, 0);
		for block in 1..400u64 {
			run_to_block(block);
			seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
			if (seed >> 33) % 3 != 0 {
				continue;
			}
			if Registry::is_opted_in_now(&operator(), &net_target()) {
				assert_ok!(Registry::opt_out(origin(operator()), net_target()));
				opt_outs += 1;
			} else {
				let _ = Registry::opt_in(origin(operator()), net_target());
			}
			let h = OptInHistories::<Test>::get(operator(), net_target()).unwrap_or_default();
			assert!(h.len() <= MAX_HISTORY as usize);
		}
		assert!(opt_outs > 10, "the stream opted out {opt_outs} times");
	});
}

/// Item 9: a nonce for a target that does not exist (or from an account that is not an
/// operator) would be storage written for free.
#[test]
fn increase_nonce_needs_an_operator_and_an_existing_target() {
	build_and_execute(|| {
		setup();
		assert_noop!(
			Registry::increase_nonce(origin(operator()), OptInTarget::Vault(7)),
			Error::<Test>::UnknownTarget
		);
		assert_noop!(
			Registry::increase_nonce(origin(operator()), OptInTarget::Network(relayer())),
			Error::<Test>::UnknownTarget
		);
		assert_noop!(
			Registry::increase_nonce(origin(relayer()), net_target()),
			Error::<Test>::NotOperator
		);
		assert_ok!(Registry::increase_nonce(origin(operator()), net_target()));
	});
}
