// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

use super::*;
use crate::{PendingSlashed, Route, RouteEntry, RouterReceivers};

const DELAY: u64 = 5;
const VICTIM: AccountId = 60;
const OTHER_OP: AccountId = 52;
const OTHER_NET: AccountId = 53;

/// A native-collateral router vault (fallback Charlie) whose admin Alice holds the setter
/// role, with 1 000 of Bob's stake.
fn router_vault(collateral: AssetKind) -> VaultId {
	let mut c = config(collateral);
	c.burner = Burner::Router { fallback: CHARLIE, delay: DELAY };
	c.roles = roles(vec![(Role::Admin, ALICE), (Role::BurnerRouterSetter, ALICE)]);
	let v = create(c);
	assert_ok!(Vaults::deposit(origin(BOB), v, BOB, 1_000));
	events();
	v
}

fn slash_of(v: VaultId, network: AccountId, operator: AccountId) -> u128 {
	<Vaults as VaultSlashing<_, _>>::on_slash(v, &network, &operator, 10, System::block_number())
		.expect("capture in the current epoch")
}

#[test]
fn receivers_go_operator_then_network_then_fallback() {
	build_and_execute(|| {
		let v = router_vault(NATIVE);
		assert_eq!(
			RouterReceivers::<Test>::get(v, Route::Fallback),
			Some(RouteEntry { current: Some(CHARLIE), pending: None })
		);
		assert_ok!(Vaults::set_router_receiver(origin(ALICE), v, Route::Network(NET), Some(DAVE)));
		assert_ok!(Vaults::set_router_receiver(
			origin(ALICE),
			v,
			Route::Operator { network: NET, operator: OP },
			Some(VICTIM)
		));
		assert_eq!(
			events(),
			vec![
				Event::RouterReceiverSet {
					vault: v,
					route: Route::Network(NET),
					receiver: Some(DAVE),
					effective_at: 1 + DELAY
				},
				Event::RouterReceiverSet {
					vault: v,
					route: Route::Operator { network: NET, operator: OP },
					receiver: Some(VICTIM),
					effective_at: 1 + DELAY
				},
			]
		);
		// Not in force yet: everything still reaches the fallback.
		run_to_block(DELAY);
		let charlie = balance(NATIVE, CHARLIE);
		slash_of(v, NET, OP);
		assert_eq!(balance(NATIVE, CHARLIE), charlie + 10);
		assert_eq!(Vaults::slash_receiver(v, NET, OP), Some(CHARLIE));

		run_to_block(1 + DELAY);
		events();
		let (dave, victim, charlie) =
			(balance(NATIVE, DAVE), balance(NATIVE, VICTIM), balance(NATIVE, CHARLIE));
		slash_of(v, NET, OP);
		slash_of(v, NET, OTHER_OP);
		slash_of(v, OTHER_NET, OP);
		assert_eq!(balance(NATIVE, VICTIM), victim + 10);
		assert_eq!(balance(NATIVE, DAVE), dave + 10);
		assert_eq!(balance(NATIVE, CHARLIE), charlie + 10);
		assert_eq!(
			events()[0],
			Event::Slashed {
				vault: v,
				network: NET,
				operator: OP,
				receiver: Some(VICTIM),
				requested: 10,
				capture: 1 + DELAY,
				slashed: 10,
				deferred: false
			}
		);
		assert_eq!(Vaults::slash_receiver(v, NET, OTHER_OP), Some(DAVE));
	});
}

#[test]
fn changes_wait_for_the_delay_and_can_be_withdrawn() {
	build_and_execute(|| {
		let v = router_vault(NATIVE);
		let route = Route::Network(NET);
		// Only the setter role; only router vaults; the fallback cannot go.
		assert_noop!(
			Vaults::set_router_receiver(origin(BOB), v, route.clone(), Some(DAVE)),
			Error::<Test>::MissingRole
		);
		let plain = create(config(NATIVE));
		assert_noop!(
			Vaults::set_router_receiver(origin(ALICE), plain, route.clone(), Some(DAVE)),
			Error::<Test>::NotRouter
		);
		assert_noop!(
			Vaults::set_router_receiver(origin(ALICE), v, Route::Fallback, None),
			Error::<Test>::FallbackRequired
		);
		assert_noop!(
			Vaults::set_router_receiver(origin(ALICE), v, Route::Fallback, Some(CHARLIE)),
			Error::<Test>::AlreadySet
		);
		assert_noop!(
			Vaults::set_router_receiver(origin(ALICE), v, route.clone(), None),
			Error::<Test>::AlreadySet
		);

		assert_ok!(Vaults::set_router_receiver(origin(ALICE), v, route.clone(), Some(DAVE)));
		assert_noop!(
			Vaults::set_router_receiver(origin(ALICE), v, route.clone(), Some(DAVE)),
			Error::<Test>::AlreadySet
		);
		// Setting the receiver in force (none) withdraws the change.
		assert_ok!(Vaults::set_router_receiver(origin(ALICE), v, route.clone(), None));
		assert_eq!(RouterReceivers::<Test>::get(v, &route), None);
		assert_eq!(
			events().last(),
			Some(&Event::RouterReceiverChangeCancelled { vault: v, route: route.clone() })
		);
		run_to_block(1 + DELAY);
		assert_eq!(Vaults::slash_receiver(v, NET, OP), Some(CHARLIE));

		// A change made later applies later; a second change replaces the first.
		assert_ok!(Vaults::set_router_receiver(origin(ALICE), v, route.clone(), Some(DAVE)));
		run_to_block(3 + DELAY);
		assert_ok!(Vaults::set_router_receiver(origin(ALICE), v, route.clone(), Some(VICTIM)));
		run_to_block(1 + 2 * DELAY);
		assert_eq!(Vaults::slash_receiver(v, NET, OP), Some(CHARLIE));
		run_to_block(3 + 2 * DELAY);
		assert_eq!(Vaults::slash_receiver(v, NET, OP), Some(VICTIM));

		// Removing a route (with the delay) hands its slashes back to the fallback, which
		// itself changes only with the delay.
		assert_ok!(Vaults::set_router_receiver(origin(ALICE), v, route.clone(), None));
		assert_ok!(Vaults::set_router_receiver(origin(ALICE), v, Route::Fallback, Some(DAVE)));
		assert_eq!(Vaults::slash_receiver(v, NET, OP), Some(VICTIM));
		run_to_block(3 + 3 * DELAY);
		assert_eq!(Vaults::slash_receiver(v, NET, OP), Some(DAVE));
		// The removed route's entry goes once its removal is settled by a write.
		assert_ok!(Vaults::set_router_receiver(origin(ALICE), v, route.clone(), Some(BOB)));
		assert_ok!(Vaults::set_router_receiver(origin(ALICE), v, route.clone(), None));
		assert_eq!(RouterReceivers::<Test>::get(v, &route), None);
	});
}

/// A routed slash that cannot leave a frozen vault stays owed to the receiver chosen at the
/// slash, whatever the routes say later.
#[test]
fn a_deferred_routed_slash_keeps_its_receiver() {
	build_and_execute(|| {
		let v = router_vault(USD);
		assert_ok!(Vaults::set_router_receiver(origin(ALICE), v, Route::Network(NET), Some(DAVE)));
		run_to_block(1 + DELAY);
		assert_ok!(Assets::freeze(origin(ALICE), ASSET, Vaults::account_of(v)));
		assert_eq!(slash(v, 100, 1 + DELAY), Ok(100));
		assert_eq!(PendingSlashed::<Test>::get(v, Some(DAVE)), 100);
		assert_eq!(Ledgers::<Test>::get(v).pending_burn, 100);
		// Conservation counts what is still owed to the receiver.
		assert_eq!(Vaults::do_try_state(), Ok(()));
		assert_ok!(Vaults::set_router_receiver(origin(ALICE), v, Route::Network(NET), None));
		run_to_block(1 + 2 * DELAY);
		assert_ok!(Assets::thaw(origin(ALICE), ASSET, Vaults::account_of(v)));
		assert_noop!(
			Vaults::release_slashed(origin(BOB), v, None),
			Error::<Test>::NothingToRelease
		);
		assert_noop!(
			Vaults::release_slashed(origin(BOB), v, Some(CHARLIE)),
			Error::<Test>::NothingToRelease
		);
		let dave = balance(USD, DAVE);
		events();
		assert_ok!(Vaults::release_slashed(origin(BOB), v, Some(DAVE)));
		assert_eq!(balance(USD, DAVE), dave + 100);
		assert_eq!(
			events(),
			vec![Event::SlashedReleased { vault: v, receiver: Some(DAVE), amount: 100 }]
		);
		assert_eq!(Ledgers::<Test>::get(v).pending_burn, 0);
	});
}
