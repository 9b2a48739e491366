// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Unit tests over doubles of the registry, vaults and delegation: the slashable-stake formula
//! with the worked example of PROTOCOL 2.9, instant slashes, the veto lifecycle, resolver
//! changes, request pruning, and every error. Every test ends with `do_try_state`.

use crate::{mock::*, Error, Event, RequestStatus, Requests};
use frame_support::{assert_noop, assert_ok};
use rampart_primitives::{SlasherKind, Subnetwork, VaultId};
use sp_runtime::DispatchError;

const D: u64 = 10;
const VETO: u64 = 3;

fn origin(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn events() -> Vec<Event<Test>> {
	let events = System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Slashing(e) => Some(e),
			_ => None,
		})
		.collect();
	System::reset_events();
	events
}

fn sn() -> Subnetwork<AccountId> {
	Subnetwork::main(NETWORK)
}

fn veto_kind() -> SlasherKind<u64> {
	SlasherKind::Veto { veto_duration: VETO, resolver_set_epochs_delay: 3 }
}

/// An instant vault (epoch `D`, pool 10 000) and `OPERATOR` guaranteed 400 from block 1.
fn instant() -> VaultId {
	register_network(NETWORK, MIDDLEWARE);
	register_network(NETWORK_2, MIDDLEWARE_2);
	let v = add_vault(SlasherKind::Instant, D, 10_000);
	set_stake(v, sn(), OPERATOR, 400);
	v
}

fn veto() -> VaultId {
	register_network(NETWORK, MIDDLEWARE);
	let v = add_vault(veto_kind(), D, 10_000);
	set_stake(v, sn(), OPERATOR, 400);
	v
}

fn slash(v: VaultId, amount: u128, capture: u64) -> sp_runtime::DispatchResult {
	Slashing::slash(origin(MIDDLEWARE), v, sn(), OPERATOR, amount, capture)
		.map(|_| ())
		.map_err(|e| e.error)
}

fn slashable(v: VaultId, capture: u64) -> u128 {
	Slashing::slashable(v, &sn(), &OPERATOR, capture).expect("computes")
}

fn request(v: VaultId, amount: u128, capture: u64) -> u64 {
	let id = crate::NextRequestId::<Test>::get();
	assert_ok!(Slashing::request_slash(origin(MIDDLEWARE), v, sn(), OPERATOR, amount, capture));
	id
}

mod instant {
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
				assert_noop!(
					Slashing::set_resolver(o, v, 0, Some(RESOLVER)),
					DispatchError::BadOrigin
				);
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
}

mod veto {
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
				Some(RequestStatus::Executed {
					slashed: 400,
					moved: 400,
					at: System::block_number()
				})
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
			assert_noop!(
				Slashing::veto_slash(origin(RESOLVER), id),
				Error::<Test>::RequestCompleted
			);
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
}

/// Findings of the security review and the comparison with the reference (issue 13): each test
/// failed before its fix.
mod review {
	use super::*;

	fn set_resolver(v: VaultId, resolver: Option<AccountId>) {
		assert_ok!(Slashing::set_resolver(origin(NETWORK), v, 0, resolver));
	}

	/// Item 5, the slashing side: the delegator's hook is told what was still slashable for the
	/// capture before each slash, so a second slash of one capture sees the first one's cut.
	#[test]
	fn the_hook_gets_what_was_still_slashable() {
		build_and_execute(|| {
			let v = instant();
			run_to_block(3);
			assert_ok!(slash(v, 250, 2));
			assert_ok!(slash(v, 100, 2));
			assert_eq!(hook_slashables(), vec![400, 150]);
		});
	}

	/// Item 15: a request older than what the resolver history keeps. The reference (which
	/// never prunes) answers `VetoPeriodEnded` to the resolver in force at the capture and now;
	/// the pruned lookup must not answer "no resolver" instead.
	#[test]
	fn a_veto_of_a_request_older_than_the_resolver_history_says_the_period_ended() {
		build_and_execute(|| {
			let v = veto();
			set_resolver(v, Some(RESOLVER)); // [(1, R)]
			run_to_block(5);
			let id = request(v, 100, 4);
			run_to_block(15);
			set_resolver(v, Some(RESOLVER_2)); // R2 from 41
			run_to_block(45);
			set_resolver(v, Some(RESOLVER)); // R again from 71
			run_to_block(75);
			set_resolver(v, Some(RESOLVER_2)); // R2 from 101; (1, R) is pruned
			run_to_block(76);
			// R is in force both at the capture (4) and now.
			assert_noop!(
				Slashing::veto_slash(origin(RESOLVER), id),
				Error::<Test>::VetoPeriodEnded
			);
		});
	}

	/// Item 15, the lookup itself: the resolver at a block the history no longer answers for
	/// is an error, never "none".
	#[test]
	fn a_resolver_lookup_before_the_window_is_refused() {
		build_and_execute(|| {
			let v = veto();
			set_resolver(v, Some(RESOLVER));
			run_to_block(15);
			set_resolver(v, Some(RESOLVER_2));
			run_to_block(45);
			set_resolver(v, Some(RESOLVER));
			run_to_block(75);
			set_resolver(v, Some(RESOLVER_2));
			assert_eq!(Slashing::resolver_at(v, sn(), 4), Err(Error::<Test>::HistoryPruned.into()));
			assert_eq!(Slashing::resolver_at(v, sn(), 75 - D), Ok(Some(RESOLVER_2)));
			assert_eq!(Slashing::resolver_at(v, sn(), 75), Ok(Some(RESOLVER)));
			assert_eq!(Slashing::resolver_at(v, sn(), 101), Ok(Some(RESOLVER_2)));
		});
	}
}

/// The windows that tie this pallet to the vaults are checked when the runtime is built.
mod windows {
	use super::*;
	use frame_support::traits::Hooks;

	#[test]
	fn the_mock_configuration_passes() {
		<Slashing as Hooks<u64>>::integrity_test();
	}

	#[test]
	#[should_panic(expected = "MaxCumulativeSlashDepth must cover")]
	fn a_search_too_shallow_for_the_longest_epoch_is_refused() {
		SlashDepth::set(9);
		<Slashing as Hooks<u64>>::integrity_test();
	}
}

/// The README names every error and event, so that the docs cannot drift from the code.
#[test]
fn the_readme_names_every_error_and_event() {
	use rampart_primitives::docs::{section, unnamed_variants};
	const README: &str = include_str!("../README.md");
	let none = Vec::<&str>::new();
	let errors = unnamed_variants::<Error<Test>>(section(README, "Errors"));
	assert_eq!(errors, none, "errors the README's Errors section does not name");
	let events = unnamed_variants::<Event<Test>>(section(README, "Events"));
	assert_eq!(events, none, "events the README's Events section does not name");
}
