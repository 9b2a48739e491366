// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

use super::*;

fn set_resolver(v: VaultId, resolver: Option<AccountId>) {
	assert_ok!(Slashing::set_resolver(origin(NETWORK), v, 0, resolver));
}

#[test]
fn without_a_resolver_a_request_executes_at_once() {
	build_and_execute(|| {
		let v = veto();
		run_to_block(5);
		events();
		let id = request(v, 1_000, 4);
		assert_eq!(
			events(),
			vec![Event::SlashRequested {
				id,
				vault: v,
				subnetwork: sn(),
				operator: OPERATOR,
				requested: 1_000,
				amount: 400,
				capture: 4,
				veto_deadline: 5 + VETO
			}]
		);
		// Requests touch neither the budget nor the vault.
		assert_eq!(slashable(v, 4), 400);
		assert_eq!(Slashing::request(id).map(|r| r.status), Some(RequestStatus::Pending));
		assert_noop!(
			Slashing::execute_slash(origin(STRANGER), id),
			Error::<Test>::NotNetworkMiddleware
		);
		assert_ok!(Slashing::execute_slash(origin(MIDDLEWARE), id));
		assert_eq!(events(), vec![Event::SlashExecuted { id, slashed: 400, moved: 400 }]);
		assert_eq!(
			Slashing::request(id).map(|r| r.status),
			Some(RequestStatus::Executed { slashed: 400, moved: 400, at: System::block_number() })
		);
		assert_noop!(
			Slashing::execute_slash(origin(MIDDLEWARE), id),
			Error::<Test>::RequestCompleted
		);
		assert_noop!(
			Slashing::execute_slash(origin(MIDDLEWARE), id + 1),
			Error::<Test>::UnknownRequest
		);
	});
}

#[test]
fn the_resolver_at_the_capture_vetoes_before_the_deadline() {
	build_and_execute(|| {
		let v = veto();
		set_resolver(v, Some(RESOLVER));
		run_to_block(5);
		let id = request(v, 100, 4);
		assert_noop!(
			Slashing::execute_slash(origin(MIDDLEWARE), id),
			Error::<Test>::VetoPeriodNotEnded
		);
		assert_noop!(Slashing::veto_slash(origin(STRANGER), id), Error::<Test>::NotResolver);
		events();
		assert_ok!(Slashing::veto_slash(origin(RESOLVER), id));
		assert_eq!(events(), vec![Event::SlashVetoed { id, resolver: RESOLVER }]);
		assert_eq!(Slashing::request(id).map(|r| r.status), Some(RequestStatus::Vetoed));
		assert_noop!(Slashing::veto_slash(origin(RESOLVER), id), Error::<Test>::RequestCompleted);
		run_to_block(5 + VETO);
		assert_noop!(
			Slashing::execute_slash(origin(MIDDLEWARE), id),
			Error::<Test>::RequestCompleted
		);
		assert_noop!(Slashing::veto_slash(origin(RESOLVER), 77), Error::<Test>::UnknownRequest);
	});
}

#[test]
fn execution_waits_for_the_deadline_and_ends_with_the_epoch() {
	build_and_execute(|| {
		let v = veto();
		set_resolver(v, Some(RESOLVER));
		run_to_block(5);
		let a = request(v, 100, 4);
		let b = request(v, 100, 4);
		run_to_block(5 + VETO);
		// At the deadline: too late to veto, time to execute.
		assert_noop!(Slashing::veto_slash(origin(RESOLVER), a), Error::<Test>::VetoPeriodEnded);
		assert_ok!(Slashing::execute_slash(origin(MIDDLEWARE), a));
		// One epoch after the capture is the last block.
		run_to_block(4 + D + 1);
		assert_noop!(
			Slashing::execute_slash(origin(MIDDLEWARE), b),
			Error::<Test>::SlashPeriodEnded
		);
		assert_eq!(Slashing::request(b).map(|r| r.status), Some(RequestStatus::Expired));
	});
}

#[test]
fn a_request_needs_room_for_the_veto_period_in_the_window() {
	build_and_execute(|| {
		let v = veto();
		run_to_block(20);
		// now + veto − D ≤ capture < now: 13 ..= 19.
		for bad in [12, 20, 21] {
			assert_noop!(
				Slashing::request_slash(origin(MIDDLEWARE), v, sn(), OPERATOR, 5, bad),
				Error::<Test>::InvalidCaptureBlock
			);
		}
		request(v, 5, 13);
		assert_noop!(
			Slashing::request_slash(origin(MIDDLEWARE), v, sn(), OPERATOR_2, 5, 13),
			Error::<Test>::InsufficientSlash
		);
		assert_noop!(
			Slashing::request_slash(origin(STRANGER), v, sn(), OPERATOR, 5, 13),
			Error::<Test>::NotNetworkMiddleware
		);
	});
}

/// Certora H-01: two requests with different captures executed in reverse order. The
/// later capture executes first; the latest-capture rule then blocks the earlier one (it
/// is not slashable any more), as in the reference. Networks avoid this by executing in
/// capture order.
#[test]
fn reverse_order_execution_blocks_the_earlier_capture() {
	build_and_execute(|| {
		let v = veto();
		run_to_block(6);
		let early = request(v, 100, 3);
		let late = request(v, 100, 5);
		assert_ok!(Slashing::execute_slash(origin(MIDDLEWARE), late));
		assert_noop!(
			Slashing::execute_slash(origin(MIDDLEWARE), early),
			Error::<Test>::InsufficientSlash
		);
		// In capture order both execute.
		let w = veto();
		set_stake(w, sn(), OPERATOR, 400);
		run_to_block(8);
		let first = request(w, 100, 6);
		let second = request(w, 100, 7);
		assert_ok!(Slashing::execute_slash(origin(MIDDLEWARE), first));
		assert_ok!(Slashing::execute_slash(origin(MIDDLEWARE), second));
	});
}

/// A request whose budget was used by an execution in between is cut to what is left.
#[test]
fn an_execution_takes_at_most_what_is_left_of_the_budget() {
	build_and_execute(|| {
		let v = veto();
		run_to_block(6);
		let a = request(v, 300, 5);
		let b = request(v, 300, 5);
		assert_ok!(Slashing::execute_slash(origin(MIDDLEWARE), a));
		events();
		assert_ok!(Slashing::execute_slash(origin(MIDDLEWARE), b));
		assert_eq!(events(), vec![Event::SlashExecuted { id: b, slashed: 100, moved: 100 }]);
	});
}

#[test]
fn resolver_changes_wait_for_a_later_epoch_and_can_be_cancelled() {
	build_and_execute(|| {
		let v = veto();
		assert_noop!(
			Slashing::set_resolver(origin(STRANGER), v, 0, Some(RESOLVER)),
			Error::<Test>::NotNetwork
		);
		assert_noop!(
			Slashing::set_resolver(origin(NETWORK), 9, 0, Some(RESOLVER)),
			Error::<Test>::UnknownVault
		);
		assert_noop!(
			Slashing::set_resolver(origin(NETWORK), v, 0, None),
			Error::<Test>::AlreadySet
		);
		// The first resolver takes effect at once.
		events();
		set_resolver(v, Some(RESOLVER));
		assert_eq!(
			events(),
			vec![Event::ResolverSet {
				vault: v,
				subnetwork: sn(),
				resolver: Some(RESOLVER),
				from: 1
			}]
		);
		assert_eq!(Slashing::resolver_at(v, sn(), 1), Ok(Some(RESOLVER)));
		assert_noop!(
			Slashing::set_resolver(origin(NETWORK), v, 0, Some(RESOLVER)),
			Error::<Test>::AlreadySet
		);
		// A change in epoch 1 (blocks 11..=20) takes effect at the start of epoch 1 + 3.
		run_to_block(15);
		set_resolver(v, Some(RESOLVER_2));
		let from = 11 + 3 * D;
		assert_eq!(Slashing::resolver_at(v, sn(), from - 1), Ok(Some(RESOLVER)));
		assert_eq!(Slashing::resolver_at(v, sn(), from), Ok(Some(RESOLVER_2)));
		// A new call replaces the pending change; the current value cancels it.
		set_resolver(v, None);
		assert_eq!(Slashing::resolver_at(v, sn(), from), Ok(None));
		set_resolver(v, Some(RESOLVER));
		assert_eq!(Slashing::resolver_at(v, sn(), from + 100), Ok(Some(RESOLVER)));
		// The removal, once in force, makes requests executable at once and unvetoable.
		set_resolver(v, None);
		run_to_block(from + 1);
		let id = request(v, 10, from);
		assert_noop!(Slashing::veto_slash(origin(RESOLVER), id), Error::<Test>::NoResolver);
		assert_ok!(Slashing::execute_slash(origin(MIDDLEWARE), id));
		// A vault without a veto slasher takes no resolver.
		let instant = add_vault(SlasherKind::Instant, D, 1);
		assert_noop!(
			Slashing::set_resolver(origin(NETWORK), instant, 0, Some(RESOLVER)),
			Error::<Test>::WrongSlasherKind
		);
	});
}

/// A resolver set after the capture cannot veto it (the one that counts is the one in force
/// at the capture); and a request whose capture had no resolver executes at once.
#[test]
fn the_resolver_that_counts_is_the_one_at_the_capture() {
	build_and_execute(|| {
		let v = veto();
		run_to_block(5);
		set_resolver(v, Some(RESOLVER));
		run_to_block(6);
		let id = request(v, 10, 4);
		assert_noop!(Slashing::veto_slash(origin(RESOLVER), id), Error::<Test>::NoResolver);
		assert_ok!(Slashing::execute_slash(origin(MIDDLEWARE), id));
	});
}

#[test]
fn finished_requests_are_pruned_as_new_ones_come() {
	build_and_execute(|| {
		let v = veto();
		run_to_block(5);
		let old = request(v, 10, 4);
		let later = request(v, 10, 4);
		// Kept while its window and the retention last.
		run_to_block(4 + D + RETENTION);
		request(v, 10, 4 + D + RETENTION - 5);
		assert!(Requests::<Test>::contains_key(old));
		run_to_block(4 + D + RETENTION + 1);
		events();
		request(v, 10, 4 + D + RETENTION - 5);
		let evs = events();
		assert!(evs.contains(&Event::RequestPruned { id: old }));
		assert!(evs.contains(&Event::RequestPruned { id: later }));
		assert_eq!(Slashing::request(old), None);
		assert_eq!(crate::VaultRequestQueue::<Test>::get(v), (2, 4));
	});
}
