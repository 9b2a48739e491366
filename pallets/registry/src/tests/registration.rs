// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

use super::*;

#[test]
fn register_network_holds_the_deposit_and_emits() {
	build_and_execute(|| {
		assert_ok!(Registry::register_network(origin(network())));
		assert_eq!(events(), vec![Event::NetworkRegistered { network: network() }]);
		assert_eq!(held(&network()), NETWORK_DEPOSIT);
		assert_eq!(NetworkCount::<Test>::get(), 1);
		let record = Networks::<Test>::get(network()).unwrap();
		assert_eq!(record.middleware, None);
		assert_eq!(record.registered_at, 1);
		assert!(<Registry as NetworkRegistry<_>>::is_network(&network()));
		assert!(!<Registry as NetworkRegistry<_>>::is_network(&operator()));
	});
}

#[test]
fn register_network_twice_fails() {
	build_and_execute(|| {
		assert_ok!(Registry::register_network(origin(network())));
		assert_noop!(
			Registry::register_network(origin(network())),
			Error::<Test>::NetworkAlreadyRegistered
		);
		assert_eq!(held(&network()), NETWORK_DEPOSIT);
	});
}

#[test]
fn register_network_without_funds_fails() {
	build_and_execute(|| {
		assert_noop!(Registry::register_network(origin(pauper())), TokenError::FundsUnavailable);
		assert_eq!(NetworkCount::<Test>::get(), 0);
	});
}

#[test]
fn register_operator_holds_the_deposit_and_emits() {
	build_and_execute(|| {
		assert_ok!(Registry::register_operator(origin(operator())));
		assert_eq!(events(), vec![Event::OperatorRegistered { operator: operator() }]);
		assert_eq!(held(&operator()), OPERATOR_DEPOSIT);
		assert_eq!(OperatorCount::<Test>::get(), 1);
		assert!(<Registry as OperatorRegistry<_>>::is_operator(&operator()));
		assert!(!<Registry as OperatorRegistry<_>>::is_operator(&network()));
	});
}

#[test]
fn register_operator_twice_fails() {
	build_and_execute(|| {
		assert_ok!(Registry::register_operator(origin(operator())));
		assert_noop!(
			Registry::register_operator(origin(operator())),
			Error::<Test>::OperatorAlreadyRegistered
		);
	});
}

#[test]
fn register_operator_without_funds_fails() {
	build_and_execute(|| {
		assert_noop!(Registry::register_operator(origin(pauper())), TokenError::FundsUnavailable);
	});
}

#[test]
fn one_account_may_be_both_network_and_operator() {
	build_and_execute(|| {
		assert_ok!(Registry::register_network(origin(network())));
		assert_ok!(Registry::register_operator(origin(network())));
		assert_eq!(held(&network()), NETWORK_DEPOSIT + OPERATOR_DEPOSIT);
		// An operator may opt into its own network.
		assert_ok!(Registry::opt_in(origin(network()), net_target()));
	});
}

#[test]
fn unsigned_and_root_origins_are_refused_by_every_call() {
	build_and_execute(|| {
		setup();
		let sig = sign(2, OptInAction::OptIn, &net_target(), 0, 10);
		let calls: Vec<Call<Test>> = vec![
			Call::register_network {},
			Call::register_operator {},
			Call::set_middleware { middleware: None },
			Call::set_network_metadata { url: url(b"x") },
			Call::set_operator_metadata { url: url(b"x") },
			Call::opt_in { target: net_target() },
			Call::opt_out { target: net_target() },
			Call::opt_in_signed {
				operator: operator(),
				target: net_target(),
				deadline: 10,
				signature: sig.clone(),
			},
			Call::opt_out_signed {
				operator: operator(),
				target: net_target(),
				deadline: 10,
				signature: sig,
			},
			Call::increase_nonce { target: net_target() },
		];
		for call in calls {
			for origin in [RuntimeOrigin::none(), RuntimeOrigin::root()] {
				let call = RuntimeCall::Registry(call.clone());
				assert_noop!(
					frame_support::traits::UnfilteredDispatchable::dispatch_bypass_filter(
						call, origin
					),
					DispatchError::BadOrigin
				);
			}
		}
	});
}
