// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

use super::*;
use frame_support::traits::fungible::InspectHold;

fn held(who: AccountId) -> Balance {
	Balances::total_balance_on_hold(&who)
}

#[test]
fn an_opted_in_operator_joins_from_the_next_block_with_a_deposit() {
	build_and_execute(|| {
		assert_noop!(Middleware::join(origin(STRANGER), subnetwork()), Error::<Test>::NotOperator);
		assert_noop!(Middleware::join(origin(OP_A), subnetwork()), Error::<Test>::NotAdmitted);
		opt_in(OP_A);
		events();
		assert_ok!(Middleware::join(origin(OP_A), subnetwork()));
		assert_eq!(
			events(),
			vec![Event::OperatorJoined { subnetwork: subnetwork(), operator: OP_A, from: 2 }]
		);
		assert_eq!(held(OP_A), DEPOSIT);
		assert_noop!(Middleware::join(origin(OP_A), subnetwork()), Error::<Test>::AlreadyMember);
		let membership = OperatorMembership::<Test>::get(subnetwork(), OP_A).unwrap();
		assert_eq!((membership.at(1), membership.at(2)), (Ok(None), Ok(Some(true))));
	});
}

#[test]
fn an_allowlist_admits_only_its_operators() {
	build_and_execute(|| {
		let sub = subnetwork();
		assert_noop!(
			Middleware::set_admission(origin(OP_A), sub, Admission::Allowlist),
			Error::<Test>::NotNetwork
		);
		assert_ok!(Middleware::set_admission(origin(NETWORK), sub, Admission::Allowlist));
		assert_eq!(
			events(),
			vec![Event::AdmissionSet { subnetwork: sub, admission: Admission::Allowlist }]
		);
		// Opted in is not enough now.
		opt_in(OP_A);
		assert_noop!(Middleware::join(origin(OP_A), sub), Error::<Test>::NotAdmitted);
		assert_ok!(Middleware::set_allowlisted(origin(NETWORK), sub, OP_B, true));
		assert_eq!(
			events(),
			vec![Event::AllowlistUpdated { subnetwork: sub, operator: OP_B, allowed: true }]
		);
		assert_noop!(
			Middleware::set_allowlisted(origin(NETWORK), sub, OP_B, true),
			Error::<Test>::AlreadySet
		);
		assert_noop!(
			Middleware::set_allowlisted(origin(STRANGER), sub, OP_C, true),
			Error::<Test>::NotNetwork
		);
		// Not opted in, but allowlisted.
		assert_ok!(Middleware::join(origin(OP_B), sub));
		// Taken off the list: it stays a member until removed.
		assert_ok!(Middleware::set_allowlisted(origin(NETWORK), sub, OP_B, false));
		assert_eq!(Operators::<Test>::get(sub).into_inner(), vec![OP_B]);
	});
}

#[test]
fn the_list_is_bounded_and_an_operator_without_funds_cannot_join() {
	build_and_execute(|| {
		for op in [OP_A, OP_B, OP_C, OP_D] {
			join(op);
		}
		opt_in(OP_E);
		assert_noop!(Middleware::join(origin(OP_E), subnetwork()), Error::<Test>::TooManyOperators);
		// A registered operator with nothing to hold.
		rampart_primitives::testing::Doubles::<Test>::add_operator(STRANGER);
		opt_in(STRANGER);
		assert_ok!(Middleware::remove_operator(origin(NETWORK), subnetwork(), OP_A));
		run_to_block(1 + LEAVE_DELAY + RETENTION);
		assert!(Middleware::join(origin(STRANGER), subnetwork()).is_err());
		assert_eq!(Operators::<Test>::get(subnetwork()).len(), MAX_OPERATORS as usize);
		// A funded one takes the place the reaped member left.
		assert_ok!(Middleware::join(origin(OP_E), subnetwork()));
		assert!(!Operators::<Test>::get(subnetwork()).contains(&OP_A));
		assert_eq!(held(OP_A), 0);
	});
}

/// Leave at 1 with a delay of 3: a member through block 3, out from 4. Reapable once the window
/// has passed block 4; the deposit comes back then.
#[test]
fn a_leaving_operator_stays_a_member_for_the_delay_and_is_reaped_after_the_window() {
	build_and_execute(|| {
		join(OP_A);
		assert_noop!(Middleware::leave(origin(OP_B), subnetwork()), Error::<Test>::NotMember);
		run_to_block(2);
		events();
		assert_ok!(Middleware::leave(origin(OP_A), subnetwork()));
		let until = 2 + LEAVE_DELAY;
		assert_eq!(
			events(),
			vec![Event::OperatorLeaving { subnetwork: subnetwork(), operator: OP_A, until }]
		);
		assert_noop!(Middleware::leave(origin(OP_A), subnetwork()), Error::<Test>::NotMember);
		let membership = OperatorMembership::<Test>::get(subnetwork(), OP_A).unwrap();
		assert_eq!(
			(membership.at(until - 1), membership.at(until)),
			(Ok(Some(true)), Ok(Some(false)))
		);
		run_to_block(until + RETENTION - 1);
		assert_noop!(
			Middleware::reap_operator(origin(STRANGER), subnetwork(), OP_A),
			Error::<Test>::NotReapable
		);
		run_to_block(until + RETENTION);
		assert_ok!(Middleware::reap_operator(origin(STRANGER), subnetwork(), OP_A));
		assert_eq!(
			events(),
			vec![Event::OperatorReaped { subnetwork: subnetwork(), operator: OP_A }]
		);
		assert_eq!(held(OP_A), 0);
		assert_noop!(
			Middleware::reap_operator(origin(STRANGER), subnetwork(), OP_A),
			Error::<Test>::NotReapable
		);
	});
}

#[test]
fn a_network_removes_an_operator_after_the_same_delay_and_it_may_rejoin() {
	build_and_execute(|| {
		join(OP_A);
		assert_noop!(
			Middleware::remove_operator(origin(OP_B), subnetwork(), OP_A),
			Error::<Test>::NotNetwork
		);
		assert_ok!(Middleware::remove_operator(origin(NETWORK), subnetwork(), OP_A));
		// Leaving at 1 + 3 = 4.
		run_to_block(4);
		assert_ok!(Middleware::join(origin(OP_A), subnetwork()));
		// One deposit, kept across the two memberships.
		assert_eq!(held(OP_A), DEPOSIT);
		let membership = OperatorMembership::<Test>::get(subnetwork(), OP_A).unwrap();
		assert_eq!(membership.entries(), &[(2, true), (4, false), (5, true)]);
	});
}

#[test]
fn a_commission_applies_after_its_delay_and_never_to_the_past() {
	build_and_execute(|| {
		assert_noop!(
			Middleware::set_commission(origin(STRANGER), subnetwork(), Perbill::one()),
			Error::<Test>::NotOperator
		);
		let ten = Perbill::from_percent(10);
		assert_ok!(Middleware::set_commission(origin(OP_A), subnetwork(), ten));
		let from = 1 + COMMISSION_DELAY;
		assert_eq!(
			events(),
			vec![Event::CommissionSet {
				subnetwork: subnetwork(),
				operator: OP_A,
				commission: ten,
				from
			}]
		);
		run_to_block(5);
		assert_ok!(Middleware::set_commission(
			origin(OP_A),
			subnetwork(),
			Perbill::from_percent(90)
		));
		run_to_block(9);
		let at = |b| Middleware::commission_at(&subnetwork(), &OP_A, b).unwrap();
		assert_eq!(
			(at(2), at(3), at(6), at(7)),
			(Perbill::zero(), ten, ten, Perbill::from_percent(90))
		);
	});
}
