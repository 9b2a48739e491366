// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

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
		assert_noop!(Slashing::veto_slash(origin(RESOLVER), id), Error::<Test>::VetoPeriodEnded);
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
