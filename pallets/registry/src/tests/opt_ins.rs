// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

use super::*;

#[test]
fn opt_in_into_a_network_records_history_and_bumps_the_nonce() {
	build_and_execute(|| {
		setup();
		assert_ok!(Registry::opt_in(origin(operator()), net_target()));
		assert_eq!(
			events(),
			vec![
				Event::OptedIn { operator: operator(), target: net_target() },
				Event::NonceIncreased { operator: operator(), target: net_target(), nonce: 1 },
			]
		);
		assert_eq!(history(), vec![(1, true)]);
		assert!(<Registry as OptIns<_, _>>::is_opted_in(&operator(), &net_target()));
		assert_eq!(
			<Registry as OptIns<_, _>>::is_opted_in_at(&operator(), &net_target(), 1),
			Ok(true)
		);
		assert_eq!(opted_in_at(0), Ok(false));
	});
}

#[test]
fn opt_in_into_a_vault() {
	build_and_execute(|| {
		setup();
		add_vaults(3);
		let vault = OptInTarget::Vault(2);
		assert_ok!(Registry::opt_in(origin(operator()), vault.clone()));
		assert_eq!(events()[0], Event::OptedIn { operator: operator(), target: vault.clone() });
		assert!(Registry::is_opted_in_now(&operator(), &vault));
		// Kinds are separate histories.
		assert!(!Registry::is_opted_in_now(&operator(), &net_target()));
	});
}

#[test]
fn opt_in_by_a_non_operator_fails() {
	build_and_execute(|| {
		setup();
		assert_noop!(Registry::opt_in(origin(relayer()), net_target()), Error::<Test>::NotOperator);
	});
}

#[test]
fn opt_in_into_an_unknown_network_or_vault_fails() {
	build_and_execute(|| {
		setup();
		assert_noop!(
			Registry::opt_in(origin(operator()), OptInTarget::Network(relayer())),
			Error::<Test>::UnknownTarget
		);
		add_vaults(1);
		assert_noop!(
			Registry::opt_in(origin(operator()), OptInTarget::Vault(1)),
			Error::<Test>::UnknownTarget
		);
	});
}

#[test]
fn opt_in_twice_fails() {
	build_and_execute(|| {
		setup();
		assert_ok!(Registry::opt_in(origin(operator()), net_target()));
		run_to_block(5);
		assert_noop!(
			Registry::opt_in(origin(operator()), net_target()),
			Error::<Test>::AlreadyOptedIn
		);
	});
}

#[test]
fn opt_out_keeps_the_past_and_bumps_the_nonce() {
	build_and_execute(|| {
		setup();
		assert_ok!(Registry::opt_in(origin(operator()), net_target()));
		run_to_block(4);
		events();
		assert_ok!(Registry::opt_out(origin(operator()), net_target()));
		assert_eq!(
			events(),
			vec![
				Event::OptedOut { operator: operator(), target: net_target() },
				Event::NonceIncreased { operator: operator(), target: net_target(), nonce: 2 },
			]
		);
		assert_eq!(history(), vec![(1, true), (4, false)]);
		assert!(!Registry::is_opted_in_now(&operator(), &net_target()));
		assert_eq!(opted_in_at(1), Ok(true));
		assert_eq!(opted_in_at(3), Ok(true));
		assert_eq!(opted_in_at(4), Ok(false));
	});
}

#[test]
fn opt_out_when_not_opted_in_fails() {
	build_and_execute(|| {
		setup();
		assert_noop!(
			Registry::opt_out(origin(operator()), net_target()),
			Error::<Test>::NotOptedIn
		);
		assert_ok!(Registry::opt_in(origin(operator()), net_target()));
		run_to_block(2);
		assert_ok!(Registry::opt_out(origin(operator()), net_target()));
		run_to_block(3);
		assert_noop!(
			Registry::opt_out(origin(operator()), net_target()),
			Error::<Test>::NotOptedIn
		);
	});
}

#[test]
fn opt_out_in_the_opt_in_block_is_refused() {
	build_and_execute(|| {
		setup();
		assert_ok!(Registry::opt_in(origin(operator()), net_target()));
		assert_noop!(
			Registry::opt_out(origin(operator()), net_target()),
			Error::<Test>::OptOutCooldown
		);
		run_to_block(2);
		assert_ok!(Registry::opt_out(origin(operator()), net_target()));
	});
}

#[test]
fn opt_out_then_back_in_within_a_block_leaves_one_entry() {
	build_and_execute(|| {
		setup();
		assert_ok!(Registry::opt_in(origin(operator()), net_target()));
		run_to_block(3);
		assert_ok!(Registry::opt_out(origin(operator()), net_target()));
		assert_ok!(Registry::opt_in(origin(operator()), net_target()));
		// The block ends opted in, as it started: nothing to record, but both nonces count.
		assert_eq!(history(), vec![(1, true)]);
		assert_eq!(OptInNonces::<Test>::get(operator(), net_target()), 3);
		assert_eq!(opted_in_at(3), Ok(true));
	});
}

#[test]
fn lookups_answer_inside_the_window_and_refuse_outside() {
	build_and_execute(|| {
		setup();
		assert_ok!(Registry::opt_in(origin(operator()), net_target()));
		run_to_block(10);
		assert_ok!(Registry::opt_out(origin(operator()), net_target()));
		run_to_block(30);
		// Window: [30 - 20, 30] = [10, 30].
		assert_eq!(opted_in_at(10), Ok(false));
		assert_eq!(opted_in_at(30), Ok(false));
		assert_eq!(opted_in_at(9), Err(Error::<Test>::HistoryPruned));
		assert_eq!(opted_in_at(31), Err(Error::<Test>::FutureBlock));
		assert_eq!(
			<Registry as OptIns<_, _>>::is_opted_in_at(&operator(), &net_target(), 31),
			Err(Error::<Test>::FutureBlock.into())
		);
		// A pair with no history is simply not opted in.
		assert_eq!(Registry::opted_in_at_block(&relayer(), &net_target(), 20), Ok(false));
	});
}

#[test]
fn history_is_pruned_to_the_window_and_keeps_its_values() {
	build_and_execute(|| {
		setup();
		// Flip every 11 blocks: 12 changes, far more than MAX_HISTORY, but at most 2 inside
		// any 20-block window, so each opt-in leaves room for the opt-out after it.
		for step in 0..12u64 {
			run_to_block(1 + 11 * step);
			if step % 2 == 0 {
				assert_ok!(Registry::opt_in(origin(operator()), net_target()));
			} else {
				assert_ok!(Registry::opt_out(origin(operator()), net_target()));
			}
			let h = OptInHistories::<Test>::get(operator(), net_target()).unwrap();
			assert!(h.len() <= MAX_HISTORY as usize);
		}
		// Last change at block 122 (an opt-out); entries kept cover [122 - 20, 122].
		let now = 122;
		for at in now - RETENTION..=now {
			let expected = ((at - 1) / 11) % 2 == 0;
			assert_eq!(opted_in_at(at), Ok(expected), "block {at}");
		}
		assert_eq!(OptInNonces::<Test>::get(operator(), net_target()), 12);
	});
}

#[test]
fn flipping_too_often_inside_the_window_is_refused_until_it_passes() {
	build_and_execute(|| {
		setup();
		for b in 1..=MAX_HISTORY as u64 {
			run_to_block(b);
			if b % 2 == 1 {
				assert_ok!(Registry::opt_in(origin(operator()), net_target()));
			} else {
				assert_ok!(Registry::opt_out(origin(operator()), net_target()));
			}
		}
		run_to_block(MAX_HISTORY as u64 + 1);
		assert_noop!(
			Registry::opt_in(origin(operator()), net_target()),
			Error::<Test>::TooManyOptInChanges
		);
		// Once the first entries leave the window, there is room again.
		run_to_block(2 + RETENTION + 1);
		assert_ok!(Registry::opt_in(origin(operator()), net_target()));
	});
}

#[test]
fn increase_nonce_bumps_and_emits() {
	build_and_execute(|| {
		setup();
		assert_ok!(Registry::increase_nonce(origin(operator()), net_target()));
		assert_ok!(Registry::increase_nonce(origin(operator()), net_target()));
		assert_eq!(
			events(),
			vec![
				Event::NonceIncreased { operator: operator(), target: net_target(), nonce: 1 },
				Event::NonceIncreased { operator: operator(), target: net_target(), nonce: 2 },
			]
		);
		assert_eq!(Registry::opt_in_nonce(operator(), net_target()), 2);
	});
}

#[test]
fn increase_nonce_at_the_maximum_fails() {
	build_and_execute(|| {
		setup();
		OptInNonces::<Test>::insert(operator(), net_target(), u64::MAX);
		assert_noop!(
			Registry::increase_nonce(origin(operator()), net_target()),
			sp_runtime::ArithmeticError::Overflow
		);
	});
}
