// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

use super::*;

#[test]
fn genesis_registers_networks_operators_and_opt_ins() {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![(network(), ENDOWMENT), (operator(), ENDOWMENT)],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	sp_io::TestExternalities::new(storage).execute_with(|| {
		GenesisConfig::<Test> {
			networks: vec![GenesisNetwork { network: network(), middleware: Some(middleware()) }],
			operators: vec![operator()],
			opt_ins: vec![GenesisOptIn { operator: operator(), target: net_target() }],
		}
		.build();
		assert_eq!(<Registry as NetworkRegistry<_>>::middleware_of(&network()), Some(middleware()));
		assert!(<Registry as OperatorRegistry<_>>::is_operator(&operator()));
		assert_eq!(opted_in_at(0), Ok(true));
		assert_eq!(held(&network()), NETWORK_DEPOSIT + 32 * BYTE_DEPOSIT);
		Registry::do_try_state().unwrap();
	});
}

#[test]
fn try_state_catches_broken_counters_and_histories() {
	new_test_ext().execute_with(|| {
		setup();
		assert_ok!(Registry::opt_in(origin(operator()), net_target()));
		assert_ok!(Registry::do_try_state());

		NetworkCount::<Test>::put(2);
		assert!(Registry::do_try_state().is_err());
		NetworkCount::<Test>::put(1);

		OperatorCount::<Test>::put(0);
		assert!(Registry::do_try_state().is_err());
		OperatorCount::<Test>::put(1);

		// An entry without its nonce bump.
		OptInNonces::<Test>::insert(operator(), net_target(), 0);
		assert!(Registry::do_try_state().is_err());
		OptInNonces::<Test>::insert(operator(), net_target(), 1);

		// A history of an account that is no operator.
		let h = OptInHistories::<Test>::get(operator(), net_target()).unwrap();
		OptInHistories::<Test>::insert(relayer(), net_target(), h.clone());
		OptInNonces::<Test>::insert(relayer(), net_target(), 1);
		assert!(Registry::do_try_state().is_err());
		OptInHistories::<Test>::remove(relayer(), net_target());

		// A history from the future.
		run_to_block(0);
		assert!(Registry::do_try_state().is_err());
		run_to_block(1);
		assert_ok!(Registry::do_try_state());
	});
}
