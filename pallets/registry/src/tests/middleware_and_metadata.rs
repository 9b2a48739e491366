// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

use super::*;

#[test]
fn set_middleware_names_changes_and_clears() {
	build_and_execute(|| {
		setup();
		assert_ok!(Registry::set_middleware(origin(network()), Some(middleware())));
		assert_eq!(
			events(),
			vec![Event::MiddlewareSet { network: network(), middleware: Some(middleware()) }]
		);
		assert_eq!(<Registry as NetworkRegistry<_>>::middleware_of(&network()), Some(middleware()));
		assert_eq!(Registry::middleware(network()), Some(middleware()));
		// The record grew by an account: the deposit follows.
		assert_eq!(held(&network()), NETWORK_DEPOSIT + 32 * BYTE_DEPOSIT);

		assert_ok!(Registry::set_middleware(origin(network()), Some(relayer())));
		assert_eq!(<Registry as NetworkRegistry<_>>::middleware_of(&network()), Some(relayer()));

		assert_ok!(Registry::set_middleware(origin(network()), None));
		assert_eq!(
			events().last(),
			Some(&Event::MiddlewareSet { network: network(), middleware: None })
		);
		assert_eq!(<Registry as NetworkRegistry<_>>::middleware_of(&network()), None);
		assert_eq!(held(&network()), NETWORK_DEPOSIT);
	});
}

#[test]
fn set_middleware_by_a_non_network_fails() {
	build_and_execute(|| {
		setup();
		assert_noop!(
			Registry::set_middleware(origin(operator()), Some(middleware())),
			Error::<Test>::NotNetwork
		);
		assert_eq!(<Registry as NetworkRegistry<_>>::middleware_of(&operator()), None);
	});
}

#[test]
fn set_middleware_to_the_current_value_fails() {
	build_and_execute(|| {
		setup();
		assert_noop!(Registry::set_middleware(origin(network()), None), Error::<Test>::AlreadySet);
		assert_ok!(Registry::set_middleware(origin(network()), Some(middleware())));
		assert_noop!(
			Registry::set_middleware(origin(network()), Some(middleware())),
			Error::<Test>::AlreadySet
		);
	});
}

#[test]
fn set_middleware_the_network_cannot_pay_for_fails() {
	build_and_execute(|| {
		setup();
		// Leave the network 1 unit short of the 32 bytes the middleware adds (and the ED).
		let free = Balances::free_balance(network());
		assert_ok!(Balances::transfer_allow_death(origin(network()), relayer(), free - 32));
		assert_noop!(
			Registry::set_middleware(origin(network()), Some(middleware())),
			TokenError::FundsUnavailable
		);
	});
}

#[test]
fn network_metadata_is_set_resized_and_cleared() {
	build_and_execute(|| {
		setup();
		let long = url(&[b'x'; MAX_METADATA as usize]);
		assert_ok!(Registry::set_network_metadata(origin(network()), long.clone()));
		assert_eq!(
			events(),
			vec![Event::NetworkMetadataSet { network: network(), url: long.clone() }]
		);
		assert_eq!(Networks::<Test>::get(network()).unwrap().metadata, long);
		assert_eq!(held(&network()), NETWORK_DEPOSIT + MAX_METADATA as Balance * BYTE_DEPOSIT);
		assert_noop!(
			Registry::set_network_metadata(origin(network()), long),
			Error::<Test>::AlreadySet
		);
		assert_ok!(Registry::set_network_metadata(origin(network()), url(b"")));
		assert_eq!(events(), vec![Event::NetworkMetadataSet { network: network(), url: url(b"") }]);
		assert_eq!(held(&network()), NETWORK_DEPOSIT);
	});
}

#[test]
fn network_metadata_by_a_non_network_fails() {
	build_and_execute(|| {
		setup();
		assert_noop!(
			Registry::set_network_metadata(origin(operator()), url(b"https://op")),
			Error::<Test>::NotNetwork
		);
	});
}

#[test]
fn operator_metadata_is_set_resized_and_cleared() {
	build_and_execute(|| {
		setup();
		assert_ok!(Registry::set_operator_metadata(origin(operator()), url(b"https://op")));
		assert_eq!(
			events(),
			vec![Event::OperatorMetadataSet { operator: operator(), url: url(b"https://op") }]
		);
		assert_eq!(held(&operator()), OPERATOR_DEPOSIT + 10 * BYTE_DEPOSIT);
		assert_noop!(
			Registry::set_operator_metadata(origin(operator()), url(b"https://op")),
			Error::<Test>::AlreadySet
		);
		assert_ok!(Registry::set_operator_metadata(origin(operator()), url(b"")));
		assert_eq!(held(&operator()), OPERATOR_DEPOSIT);
	});
}

#[test]
fn operator_metadata_by_a_non_operator_fails() {
	build_and_execute(|| {
		setup();
		assert_noop!(
			Registry::set_operator_metadata(origin(network()), url(b"https://net")),
			Error::<Test>::NotOperator
		);
	});
}

#[test]
fn metadata_longer_than_the_bound_cannot_be_passed() {
	assert!(MetadataOf::<Test>::try_from(vec![0u8; MAX_METADATA as usize + 1]).is_err());
	// Nor decoded from a call.
	let call = RuntimeCall::Registry(Call::set_network_metadata { url: url(b"") });
	let mut bytes = call.encode();
	bytes.truncate(bytes.len() - 1);
	bytes.extend(codec::Compact(MAX_METADATA + 1).encode());
	bytes.extend(vec![0u8; MAX_METADATA as usize + 1]);
	assert!(<RuntimeCall as codec::Decode>::decode(&mut &bytes[..]).is_err());
}
