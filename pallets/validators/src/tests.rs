// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The validator set, offences and rewards on the mock chain (sessions of ten blocks: session `s`
//! starts at block `10·s`, and the set of session `s + 1` is planned then; its election reads
//! the stake at `10·s − 4` over blocks `10·s − 3` to `10·s − 1`).

use crate::{mock::*, Error, Event, NotPaid, NotSlashed, OffencePolicy};
use frame_support::{assert_noop, assert_ok};
use pallet_rampart_middleware::Call as MiddlewareCall;
use rampart_primitives::testing::{NetworkReward, NetworkSlash};
use sp_runtime::{DispatchError, Perbill};
use sp_staking::{
	offence::{Kind, Offence, OffenceError, ReportOffence},
	SessionIndex,
};

/// An offence of kind `K`-ish: the test picks its kind, session, slot and fraction.
struct TestOffence<const OTHER: bool> {
	offenders: Vec<AccountId>,
	session: SessionIndex,
	slot: u64,
	fraction: Perbill,
}

impl<const OTHER: bool> Offence<(AccountId, ())> for TestOffence<OTHER> {
	const ID: Kind = if OTHER { *b"test:other-kind_" } else { GRANDPA };
	type Slot = u64;
	fn offenders(&self) -> Vec<(AccountId, ())> {
		self.offenders.iter().map(|o| (*o, ())).collect()
	}
	fn session_index(&self) -> SessionIndex {
		self.session
	}
	fn validator_set_count(&self) -> u32 {
		4
	}
	fn slot(&self) -> u64 {
		self.slot
	}
	fn slash_fraction(&self, _: u32) -> Perbill {
		self.fraction
	}
}

type Reporter = crate::KindedOffences<Test, Offences>;

fn report(
	offenders: &[AccountId],
	session: SessionIndex,
	slot: u64,
	fraction: Perbill,
) -> Result<(), OffenceError> {
	let offence = TestOffence::<false> { offenders: offenders.to_vec(), session, slot, fraction };
	<Reporter as ReportOffence<AccountId, (AccountId, ()), _>>::report_offence(vec![], offence)
}

fn report_other(
	offender: AccountId,
	session: SessionIndex,
	fraction: Perbill,
) -> Result<(), OffenceError> {
	let offence = TestOffence::<true> { offenders: vec![offender], session, slot: 0, fraction };
	<Reporter as ReportOffence<AccountId, (AccountId, ()), _>>::report_offence(vec![], offence)
}

/// OP_C joins with keys and 300 of stake from the genesis vault, at block 5.
fn strong_c() {
	run_to_block(5);
	join(OP_C);
	set_stake(VAULT, OP_C, 300);
}

/// [`strong_c`], and OP_D with 50: a set of four, of which the disabling strategy disables at
/// most one (a third, rounded down).
fn set_of_four() {
	strong_c();
	join(OP_D);
	set_stake(VAULT, OP_D, 50);
}

fn slashes() -> Vec<(AccountId, u128, u64)> {
	World::network_slashes()
		.into_iter()
		.map(|NetworkSlash { operator, amount, capture, .. }| (operator, amount, capture))
		.collect()
}

#[test]
fn genesis_set_is_noted_in_the_historical_sessions() {
	build_and_execute(|| {
		assert_eq!(validators(), vec![GEN_A, GEN_B]);
		for session in [0, 1] {
			assert!(pallet_session::historical::HistoricalSessions::<Test>::get(session).is_some());
			assert_eq!(crate::SessionCaptures::<Test>::get(session), Some(0));
		}
		assert_eq!(crate::MinValidators::<Test>::get(), 2);
		assert_eq!(crate::SessionReward::<Test>::get(), SESSION_REWARD);
		assert_eq!(
			crate::OffencePolicies::<Test>::get(GRANDPA),
			OffencePolicy { slash: Perbill::from_percent(50), veto: false }
		);
	});
}

#[test]
fn the_set_is_the_operator_set_at_the_capture_block() {
	build_and_execute(|| {
		strong_c();
		start_session(1);
		// Session 2 is planned at block 10 from the stake at block 6.
		assert!(events().contains(&Event::SetPlanned {
			session: 2,
			capture: 6,
			validators: 3,
			skipped: 0
		}));
		assert_eq!(crate::SessionCaptures::<Test>::get(2), Some(6));
		// Session 1 still runs the genesis set; session 2 runs the new one, strongest first.
		assert_eq!(validators(), vec![GEN_A, GEN_B]);
		start_session(2);
		assert_eq!(validators(), vec![OP_C, GEN_A, GEN_B]);
		assert!(pallet_session::historical::HistoricalSessions::<Test>::get(2).is_some());
	});
}

#[test]
fn the_election_reads_the_stake_over_the_blocks_before_the_rotation() {
	build_and_execute(|| {
		strong_c();
		for operator in [OP_D, OP_E] {
			join(operator);
			set_stake(VAULT, operator, 50);
		}
		run_to_block(6);
		assert!(crate::CurrentElection::<Test>::get().is_none());
		run_to_block(7);
		assert!(events().contains(&Event::ElectionStarted { session: 2, capture: 6, listed: 5 }));
		let election = crate::CurrentElection::<Test>::get().unwrap();
		assert_eq!((election.pending.len(), election.candidates.len()), (3, 2));
		// A change after the capture, during the election, does not count.
		set_stake(VAULT, OP_E, 1_000);
		run_to_block(9);
		let election = crate::CurrentElection::<Test>::get().unwrap();
		assert!(election.pending.is_empty());
		assert_eq!(election.candidates.len(), 5);
		start_session(2);
		assert!(crate::CurrentElection::<Test>::get().is_none());
		assert_eq!(validators(), vec![OP_C, GEN_A, GEN_B, OP_D]);
	});
}

#[test]
fn a_rotation_before_its_election_finished_reads_the_rest_itself() {
	build_and_execute(|| {
		strong_c();
		for operator in [OP_D, OP_E] {
			join(operator);
			set_stake(VAULT, operator, 50 + operator);
		}
		run_to_block(7);
		assert_eq!(crate::CurrentElection::<Test>::get().unwrap().pending.len(), 3);
		Session::rotate_session();
		assert!(events().contains(&Event::SetPlanned {
			session: 2,
			capture: 6,
			validators: 4,
			skipped: 0
		}));
		Session::rotate_session();
		assert_eq!(validators(), vec![OP_C, GEN_A, GEN_B, OP_E]);
	});
}

#[test]
fn stake_after_the_capture_does_not_count() {
	build_and_execute(|| {
		run_to_block(8);
		join(OP_C);
		set_stake(VAULT, OP_C, 300);
		start_session(2);
		assert_eq!(validators(), vec![GEN_A, GEN_B]);
		start_session(3);
		assert_eq!(validators(), vec![OP_C, GEN_A, GEN_B]);
	});
}

#[test]
fn operators_without_keys_are_skipped() {
	build_and_execute(|| {
		run_to_block(5);
		World::set_opt_in(OP_D, rampart_primitives::OptInTarget::Network(network()), true);
		assert_ok!(Middleware::join(RuntimeOrigin::signed(OP_D), subnetwork()));
		set_stake(VAULT, OP_D, 500);
		start_session(1);
		assert!(events().contains(&Event::SetPlanned {
			session: 2,
			capture: 6,
			validators: 2,
			skipped: 1
		}));
		start_session(2);
		assert_eq!(validators(), vec![GEN_A, GEN_B]);
	});
}

#[test]
fn the_set_holds_at_most_max_validators_strongest_first() {
	build_and_execute(|| {
		run_to_block(5);
		for (i, operator) in [OP_C, OP_D, OP_E, OP_F].into_iter().enumerate() {
			join(operator);
			set_stake(VAULT, operator, 200 + 10 * i as u128);
		}
		start_session(2);
		assert_eq!(validators().len() as u32, MAX_VALIDATORS);
		assert_eq!(validators(), vec![OP_F, OP_E, OP_D, OP_C]);
	});
}

#[test]
fn the_network_policy_bounds_the_set() {
	build_and_execute(|| {
		strong_c();
		as_network(MiddlewareCall::set_operator_set_policy {
			subnetwork: subnetwork(),
			policy: pallet_rampart_middleware::OperatorSetPolicy {
				max_operators: 2,
				min_power: 0,
				cap: Perbill::one(),
			},
		});
		start_session(2);
		assert_eq!(validators(), vec![OP_C, GEN_A]);
	});
}

#[test]
fn fewer_than_the_minimum_keeps_the_current_set() {
	build_and_execute(|| {
		assert_ok!(Validators::set_min_validators(RuntimeOrigin::root(), 3));
		start_session(1);
		assert!(events().contains(&Event::SetKept { session: 2, capture: 6, qualified: 2 }));
		// The kept set keeps the capture it was chosen at.
		assert_eq!(crate::SessionCaptures::<Test>::get(2), Some(0));
		start_session(2);
		assert_eq!(validators(), vec![GEN_A, GEN_B]);
		// Nobody with power at all: still the same set, never an empty one.
		set_stake(VAULT, GEN_A, 0);
		set_stake(VAULT, GEN_B, 0);
		start_session(4);
		assert_eq!(validators(), vec![GEN_A, GEN_B]);
	});
}

#[test]
fn an_operator_whose_allocation_goes_to_zero_leaves_at_a_following_rotation() {
	build_and_execute(|| {
		strong_c();
		start_session(2);
		assert!(validators().contains(&OP_C));
		run_to_block(25);
		set_stake(VAULT, OP_C, 0);
		// Session 3 was planned at block 20 (OP_C still had stake at its capture, 16).
		start_session(3);
		assert!(validators().contains(&OP_C));
		start_session(4);
		assert_eq!(validators(), vec![GEN_A, GEN_B]);
	});
}

#[test]
fn set_min_validators_checks_its_bounds() {
	build_and_execute(|| {
		assert_noop!(
			Validators::set_min_validators(RuntimeOrigin::root(), 0),
			Error::<Test>::InvalidMinValidators
		);
		assert_noop!(
			Validators::set_min_validators(RuntimeOrigin::root(), MAX_VALIDATORS + 1),
			Error::<Test>::InvalidMinValidators
		);
		assert_noop!(
			Validators::set_min_validators(RuntimeOrigin::signed(GEN_A), 1),
			DispatchError::BadOrigin
		);
		assert_ok!(Validators::set_min_validators(RuntimeOrigin::root(), MAX_VALIDATORS));
		assert_eq!(events().last(), Some(&Event::MinValidatorsSet { min: MAX_VALIDATORS }));
	});
}

#[test]
fn governance_acts_as_the_network_for_the_calls_it_may_make() {
	build_and_execute(|| {
		let vault = add_vault(USD);
		as_network(MiddlewareCall::accept_vault { subnetwork: subnetwork(), vault });
		run_to_block(2);
		assert_eq!(Middleware::accepted_vaults_at(&subnetwork(), 2).unwrap(), vec![VAULT, vault]);
		// A call `NetworkCalls` does not let through.
		let remark = Box::new(RuntimeCall::System(frame_system::Call::remark { remark: vec![] }));
		assert_noop!(
			Validators::as_network(RuntimeOrigin::root(), remark),
			Error::<Test>::CallFiltered
		);
		// Only governance.
		let call = Box::new(RuntimeCall::Middleware(MiddlewareCall::remove_vault {
			subnetwork: subnetwork(),
			vault,
		}));
		assert_noop!(
			Validators::as_network(RuntimeOrigin::signed(GEN_A), call.clone()),
			DispatchError::BadOrigin
		);
		// The call's own error is reported, not returned.
		assert_ok!(Validators::as_network(
			RuntimeOrigin::root(),
			Box::new(RuntimeCall::Middleware(MiddlewareCall::accept_vault {
				subnetwork: subnetwork(),
				vault
			}))
		));
		assert!(matches!(events().last(), Some(Event::DispatchedAsNetwork { result: Err(_) })));
	});
}

// ---------------------------------------------------------------------------------------------
// Offences.

#[test]
fn an_offence_slashes_the_offenders_power_at_its_sessions_capture() {
	build_and_execute(|| {
		set_of_four();
		start_session(2);
		run_to_block(23);
		// Stake added after the capture does not change what is slashed.
		set_stake(VAULT, OP_C, 1_000);
		assert_ok!(report(&[OP_C], 2, 7, Perbill::from_percent(100)));
		// Policy: half of the fraction. 300 of power at block 6, so 150.
		assert!(events().contains(&Event::OffenceReported {
			kind: GRANDPA,
			session: 2,
			offender: OP_C,
			fraction: Perbill::one()
		}));
		assert_eq!(
			events().last(),
			Some(&Event::SlashScheduled {
				id: 0,
				offender: OP_C,
				capture: 6,
				power: 150,
				apply_at: 24
			})
		);
		assert!(slashes().is_empty());
		run_to_block(24);
		assert_eq!(slashes(), vec![(OP_C, 150, 6)]);
		assert!(events().contains(&Event::SlashApplied { id: 0 }));
		// Disabled for the rest of the session.
		let index = Session::validators().iter().position(|v| *v == OP_C).unwrap() as u32;
		assert!(Session::disabled_validators().contains(&index));
	});
}

#[test]
fn the_same_offence_reported_twice_slashes_once() {
	build_and_execute(|| {
		strong_c();
		start_session(2);
		assert_ok!(report(&[OP_C], 2, 7, Perbill::one()));
		assert_eq!(report(&[OP_C], 2, 7, Perbill::one()), Err(OffenceError::DuplicateReport));
		run_to_block(30);
		assert_eq!(slashes(), vec![(OP_C, 150, 6)]);
	});
}

#[test]
fn a_session_costs_an_offender_its_worst_offence() {
	build_and_execute(|| {
		strong_c();
		start_session(2);
		assert_ok!(report(&[OP_C], 2, 1, Perbill::from_percent(40)));
		// 40 % · 50 % = 20 % of 300.
		run_to_block(22);
		assert_eq!(slashes(), vec![(OP_C, 60, 6)]);
		// A lesser offence at another slot: nothing more.
		assert_ok!(report(&[OP_C], 2, 2, Perbill::from_percent(20)));
		assert_eq!(
			events().last(),
			Some(&Event::OffenceNotSlashed {
				session: 2,
				offender: OP_C,
				reason: NotSlashed::AlreadySlashed
			})
		);
		// A worse one: the difference, 50 % − 20 % = 30 % of 300.
		assert_ok!(report(&[OP_C], 2, 3, Perbill::one()));
		run_to_block(24);
		assert_eq!(slashes(), vec![(OP_C, 60, 6), (OP_C, 90, 6)]);
	});
}

#[test]
fn a_vetoable_slash_waits_and_only_governance_cancels_it() {
	build_and_execute(|| {
		strong_c();
		let policy = OffencePolicy { slash: Perbill::one(), veto: true };
		assert_noop!(
			Validators::set_offence_policy(RuntimeOrigin::signed(OP_C), GRANDPA, policy),
			DispatchError::BadOrigin
		);
		assert_ok!(Validators::set_offence_policy(RuntimeOrigin::root(), GRANDPA, policy));
		assert_eq!(events().last(), Some(&Event::OffencePolicySet { kind: GRANDPA, policy }));
		start_session(2);
		run_to_block(21);
		assert_ok!(report(&[OP_C], 2, 1, Perbill::from_percent(10)));
		assert_eq!(
			events().last(),
			Some(&Event::SlashScheduled {
				id: 0,
				offender: OP_C,
				capture: 6,
				power: 30,
				apply_at: 21 + VETO_WINDOW
			})
		);
		assert_noop!(
			Validators::cancel_slash(RuntimeOrigin::signed(GEN_A), 0),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Validators::cancel_slash(RuntimeOrigin::root(), 1),
			Error::<Test>::UnknownSlash
		);
		run_to_block(25);
		assert_ok!(Validators::cancel_slash(RuntimeOrigin::root(), 0));
		assert_eq!(events().last(), Some(&Event::SlashCancelled { id: 0 }));
		assert_noop!(
			Validators::cancel_slash(RuntimeOrigin::root(), 0),
			Error::<Test>::UnknownSlash
		);
		run_to_block(30);
		assert!(slashes().is_empty());
		// The cancelled slash no longer counts: a later offence in the session slashes in full.
		assert_ok!(report(&[OP_C], 2, 2, Perbill::from_percent(10)));
		run_to_block(36);
		assert_eq!(slashes(), vec![(OP_C, 30, 6)]);
		// Not cancellable once applied.
		assert_noop!(
			Validators::cancel_slash(RuntimeOrigin::root(), 1),
			Error::<Test>::UnknownSlash
		);
	});
}

#[test]
fn an_instant_slash_cannot_be_cancelled() {
	build_and_execute(|| {
		strong_c();
		start_session(2);
		assert_ok!(report(&[OP_C], 2, 1, Perbill::one()));
		assert_noop!(
			Validators::cancel_slash(RuntimeOrigin::root(), 0),
			Error::<Test>::NotVetoable
		);
	});
}

#[test]
fn an_unconfigured_kind_slashes_as_the_offence_says() {
	build_and_execute(|| {
		strong_c();
		start_session(2);
		assert_ok!(report_other(OP_C, 2, Perbill::from_percent(10)));
		run_to_block(22);
		assert_eq!(slashes(), vec![(OP_C, 30, 6)]);
	});
}

#[test]
fn a_policy_of_zero_only_disables() {
	build_and_execute(|| {
		set_of_four();
		let policy = OffencePolicy { slash: Perbill::zero(), veto: false };
		assert_ok!(Validators::set_offence_policy(RuntimeOrigin::root(), GRANDPA, policy));
		start_session(2);
		assert_ok!(report(&[OP_C], 2, 1, Perbill::one()));
		assert_eq!(
			events().last(),
			Some(&Event::OffenceNotSlashed {
				session: 2,
				offender: OP_C,
				reason: NotSlashed::PolicyZero
			})
		);
		assert_eq!(Session::disabled_validators().len(), 1);
		run_to_block(25);
		assert!(slashes().is_empty());
	});
}

#[test]
fn an_offender_without_power_at_the_capture_is_not_slashed() {
	build_and_execute(|| {
		// The genesis sessions are captured at block 0, before any stake.
		assert_ok!(report(&[GEN_A], 1, 1, Perbill::one()));
		assert_eq!(
			events().last(),
			Some(&Event::OffenceNotSlashed {
				session: 1,
				offender: GEN_A,
				reason: NotSlashed::NoPower
			})
		);
	});
}

#[test]
fn an_offence_older_than_the_history_is_not_slashed() {
	build_and_execute(|| {
		strong_c();
		start_session(2 + HISTORY_DEPTH + 1);
		assert_eq!(crate::SessionCaptures::<Test>::get(2), None);
		assert_ok!(report(&[OP_C], 2, 1, Perbill::one()));
		assert_eq!(
			events().last(),
			Some(&Event::OffenceNotSlashed {
				session: 2,
				offender: OP_C,
				reason: NotSlashed::NoCapture
			})
		);
	});
}

#[test]
fn slashes_beyond_a_blocks_room_wait_for_the_next() {
	build_and_execute(|| {
		run_to_block(5);
		for operator in [OP_C, OP_D, OP_E] {
			join(operator);
			set_stake(VAULT, operator, 100);
		}
		start_session(2);
		run_to_block(21);
		assert_ok!(report(&[OP_C, OP_D, OP_E], 2, 1, Perbill::from_percent(20)));
		assert_eq!(crate::DueSlashes::<Test>::get(22).len() as u32, MAX_SLASHES_PER_BLOCK);
		assert_eq!(crate::DueSlashes::<Test>::get(23).len(), 1);
		run_to_block(22);
		assert_eq!(slashes().len(), 2);
		run_to_block(23);
		assert_eq!(slashes(), vec![(OP_C, 10, 6), (OP_D, 10, 6), (OP_E, 10, 6)]);
	});
}

#[test]
fn an_offender_is_benched_until_it_registers_new_keys() {
	build_and_execute(|| {
		strong_c();
		start_session(2);
		assert_ok!(report(&[OP_C], 2, 1, Perbill::one()));
		assert!(crate::Benched::<Test>::contains_key(OP_C));
		start_session(4);
		assert_eq!(validators(), vec![GEN_A, GEN_B]);
		// The same keys again: still benched.
		set_keys(OP_C, OP_C as u64);
		start_session(6);
		assert_eq!(validators(), vec![GEN_A, GEN_B]);
		// New keys: elected at the next planning.
		set_keys(OP_C, 1_000);
		start_session(7);
		assert!(events().contains(&Event::Unbenched { operator: OP_C }));
		assert!(!crate::Benched::<Test>::contains_key(OP_C));
		start_session(8);
		assert_eq!(validators(), vec![OP_C, GEN_A, GEN_B]);
	});
}

// ---------------------------------------------------------------------------------------------
// Rewards.

fn author(who: AccountId, blocks: u32) {
	for _ in 0..blocks {
		<Validators as pallet_authorship::EventHandler<AccountId, u64>>::note_author(who);
	}
}

#[test]
fn a_session_pays_its_validators_by_blocks_authored_then_their_stakers() {
	build_and_execute(|| {
		run_to_block(5);
		// OP_C's stake is in a USD vault, GEN_A's in the native one; OP_C takes 10 %.
		let usd = add_vault(USD);
		World::move_shares(usd, STAKER, 1_000);
		as_network(MiddlewareCall::accept_vault { subnetwork: subnetwork(), vault: usd });
		as_network(MiddlewareCall::set_valuation {
			subnetwork: subnetwork(),
			asset: USD,
			config: pallet_rampart_middleware::ValuationConfig {
				haircut: Perbill::zero(),
				source: pallet_rampart_middleware::PriceSource::Network,
				staleness: None,
				on_stale: pallet_rampart_middleware::StalePolicy::Zero,
				max_step: None,
			},
		});
		as_network(MiddlewareCall::set_price {
			subnetwork: subnetwork(),
			asset: USD,
			price: pallet_rampart_middleware::Price::from_u32(1),
		});
		join(OP_C);
		set_stake(usd, OP_C, 300);
		assert_ok!(Middleware::set_commission(
			RuntimeOrigin::signed(OP_C),
			subnetwork(),
			Perbill::from_percent(10)
		));
		start_session(2);
		author(OP_C, 3);
		author(GEN_A, 1);
		Idle::set(false);
		start_session(3);
		assert!(
			events().contains(&Event::SessionPayoutQueued { session: 2, amount: SESSION_REWARD })
		);
		assert_eq!(Validators::spendable(), POT - 1 - SESSION_REWARD);
		Idle::set(true);
		run_to_block(31);
		// OP_C: 750, of which 75 commission and 675 to the USD vault; GEN_A: 250 to the native.
		assert!(events().contains(&Event::SessionPaid { session: 2, paid: 1_000 }));
		let rewards = World::network_rewards();
		assert!(rewards.contains(&NetworkReward::Operators {
			payer: network(),
			network: network(),
			asset: NATIVE,
			payouts: vec![(OP_C, 75)]
		}));
		for (vault, amount) in [(VAULT, 250), (usd, 675)] {
			assert!(rewards.contains(&NetworkReward::Stakers {
				payer: network(),
				vault,
				network: network(),
				asset: NATIVE,
				amount,
				snapshot: 6
			}));
		}
		assert_eq!(crate::SetAside::<Test>::get(), 0);
	});
}

#[test]
fn a_session_pays_what_the_network_can_spend() {
	build_and_execute(|| {
		strong_c();
		assert_ok!(Validators::set_session_reward(RuntimeOrigin::root(), 1_000_000));
		assert_eq!(events().last(), Some(&Event::SessionRewardSet { amount: 1_000_000 }));
		assert_noop!(
			Validators::set_session_reward(RuntimeOrigin::signed(OP_C), 1),
			DispatchError::BadOrigin
		);
		start_session(2);
		author(OP_C, 1);
		start_session(3);
		assert!(events().contains(&Event::SessionPayoutQueued { session: 2, amount: POT - 1 }));
	});
}

#[test]
fn a_session_without_points_or_funds_pays_nothing() {
	build_and_execute(|| {
		strong_c();
		start_session(2);
		start_session(3);
		assert!(events().contains(&Event::SessionNotPaid { session: 2, reason: NotPaid::NoPoints }));
		assert_ok!(Validators::set_session_reward(RuntimeOrigin::root(), 0));
		author(OP_C, 1);
		start_session(4);
		assert!(events().contains(&Event::SessionNotPaid { session: 3, reason: NotPaid::NoFunds }));
	});
}

#[test]
fn anyone_may_pay_a_waiting_session_and_the_queue_is_bounded() {
	build_and_execute(|| {
		strong_c();
		Idle::set(false);
		assert_noop!(Validators::payout(RuntimeOrigin::signed(STAKER)), Error::<Test>::NoPayout);
		for session in 2..6 {
			start_session(session);
			author(OP_C, 1);
		}
		start_session(6);
		assert_eq!(crate::PendingPayouts::<Test>::get().into_inner(), vec![2, 3, 4]);
		assert!(
			events().contains(&Event::SessionNotPaid { session: 5, reason: NotPaid::QueueFull })
		);
		assert_ok!(Validators::payout(RuntimeOrigin::signed(STAKER)));
		assert!(events().contains(&Event::SessionPaid { session: 2, paid: SESSION_REWARD }));
		assert_eq!(crate::PendingPayouts::<Test>::get().into_inner(), vec![3, 4]);
		assert_eq!(crate::SetAside::<Test>::get(), 2 * SESSION_REWARD);
		Idle::set(true);
		run_to_block(62);
		assert!(crate::PendingPayouts::<Test>::get().is_empty());
	});
}

#[test]
fn a_payout_the_middleware_refuses_is_dropped_and_its_amount_kept() {
	build_and_execute(|| {
		// GEN_A has no stake at session 0's capture (block 0): nobody to pay.
		author(GEN_A, 2);
		start_session(1);
		assert!(events()
			.iter()
			.any(|e| matches!(e, Event::SessionPayoutFailed { session: 0, .. })));
		assert_eq!(crate::SetAside::<Test>::get(), 0);
		assert_eq!(Validators::spendable(), POT - 1);
	});
}
