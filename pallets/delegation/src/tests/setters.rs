// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

use super::*;

#[test]
fn only_a_network_sets_its_maximum_and_a_lower_maximum_clamps_the_limit() {
	build_and_execute(|| {
		let v = setup(DelegatorKind::NetworkRestake);
		assert_noop!(
			Delegation::set_max_network_limit(origin(STRANGER), v, 0, 5),
			Error::<Test>::NotNetwork
		);
		assert_noop!(
			Delegation::set_max_network_limit(origin(NETWORK), 9, 0, 5),
			Error::<Test>::UnknownVault
		);
		assert_noop!(
			Delegation::set_max_network_limit(origin(NETWORK), v, 0, 0),
			Error::<Test>::AlreadySet
		);
		set_max(v, 800);
		set_limit(v, 700);
		events();
		// A new maximum above the limit leaves it alone.
		set_max(v, 750);
		assert_eq!(
			events(),
			vec![Event::MaxNetworkLimitSet { vault: v, subnetwork: sn(), amount: 750 }]
		);
		// Below it, the limit follows.
		set_max(v, 500);
		assert_eq!(
			events(),
			vec![
				Event::MaxNetworkLimitSet { vault: v, subnetwork: sn(), amount: 500 },
				Event::NetworkLimitSet { vault: v, subnetwork: sn(), amount: 500 },
			]
		);
		assert_eq!(Delegation::subnetwork_limits(v, sn()), (500, 500, 0));
		// Subnetworks of one network are independent.
		assert_ok!(Delegation::set_max_network_limit(origin(NETWORK), v, 7, 42));
		assert_eq!(Delegation::subnetwork_limits(v, Subnetwork::new(NETWORK, 7)), (42, 0, 0));
	});
}

#[test]
fn a_pair_vault_takes_a_maximum_from_its_own_network_only() {
	build_and_execute(|| {
		let v = setup(DelegatorKind::OperatorNetworkSpecific { operator: OP_A, network: NETWORK });
		assert_noop!(
			Delegation::set_max_network_limit(origin(NETWORK_2), v, 0, 5),
			Error::<Test>::InvalidNetwork
		);
		set_max(v, 300);
		assert_noop!(
			Delegation::set_network_limit(origin(CURATOR), v, sn(), 100),
			Error::<Test>::NotSupportedByKind
		);
	});
}

#[test]
fn the_curator_sets_a_limit_up_to_the_maximum() {
	build_and_execute(|| {
		let v = setup(DelegatorKind::FullRestake);
		assert_noop!(
			Delegation::set_network_limit(origin(CURATOR), 9, sn(), 1),
			Error::<Test>::UnknownVault
		);
		assert_noop!(
			Delegation::set_network_limit(origin(STRANGER), v, sn(), 1),
			Error::<Test>::MissingRole
		);
		assert_noop!(
			Delegation::set_network_limit(origin(CURATOR), v, sn(), 1),
			Error::<Test>::ExceedsMaxNetworkLimit
		);
		set_max(v, 600);
		assert_noop!(
			Delegation::set_network_limit(origin(CURATOR), v, sn(), 601),
			Error::<Test>::ExceedsMaxNetworkLimit
		);
		assert_noop!(
			Delegation::set_network_limit(origin(CURATOR), v, sn(), 0),
			Error::<Test>::AlreadySet
		);
		events();
		set_limit(v, 600);
		assert_eq!(
			events(),
			vec![Event::NetworkLimitSet { vault: v, subnetwork: sn(), amount: 600 }]
		);
		revoke(v, Role::NetworkLimitSetter, CURATOR);
		assert_noop!(
			Delegation::set_network_limit(origin(CURATOR), v, sn(), 5),
			Error::<Test>::MissingRole
		);
	});
}

#[test]
fn operator_shares_keep_their_total() {
	build_and_execute(|| {
		let v = setup(DelegatorKind::NetworkRestake);
		let full = setup(DelegatorKind::FullRestake);
		assert_noop!(
			Delegation::set_operator_network_shares(origin(CURATOR), full, sn(), OP_A, 1),
			Error::<Test>::NotSupportedByKind
		);
		assert_noop!(
			Delegation::set_operator_network_shares(origin(STRANGER), v, sn(), OP_A, 1),
			Error::<Test>::MissingRole
		);
		assert_noop!(
			Delegation::set_operator_network_shares(origin(CURATOR), v, sn(), OP_A, 0),
			Error::<Test>::AlreadySet
		);
		set_shares(v, OP_A, 3);
		set_shares(v, OP_B, 1);
		assert_eq!(Delegation::subnetwork_limits(v, sn()).2, 4);
		events();
		set_shares(v, OP_A, 1);
		assert_eq!(
			events(),
			vec![Event::OperatorNetworkSharesSet {
				vault: v,
				subnetwork: sn(),
				operator: OP_A,
				shares: 1
			}]
		);
		assert_eq!(Delegation::subnetwork_limits(v, sn()).2, 2);
		// Totals cannot overflow.
		assert_noop!(
			Delegation::set_operator_network_shares(origin(CURATOR), v, sn(), OP_B, u128::MAX),
			sp_runtime::ArithmeticError::Overflow
		);
	});
}

#[test]
fn operator_limits_are_for_full_restake_vaults() {
	build_and_execute(|| {
		let v = setup(DelegatorKind::FullRestake);
		let restake = setup(DelegatorKind::NetworkRestake);
		assert_noop!(
			Delegation::set_operator_network_limit(origin(CURATOR), restake, sn(), OP_A, 1),
			Error::<Test>::NotSupportedByKind
		);
		assert_noop!(
			Delegation::set_operator_network_limit(origin(STRANGER), v, sn(), OP_A, 1),
			Error::<Test>::MissingRole
		);
		assert_noop!(
			Delegation::set_operator_network_limit(origin(CURATOR), v, sn(), OP_A, 0),
			Error::<Test>::AlreadySet
		);
		events();
		// No upper bound, like the reference.
		set_op_limit(v, OP_A, u128::MAX);
		assert_eq!(
			events(),
			vec![Event::OperatorNetworkLimitSet {
				vault: v,
				subnetwork: sn(),
				operator: OP_A,
				amount: u128::MAX
			}]
		);
	});
}

#[test]
fn hook_policies_must_fit_the_kind() {
	build_and_execute(|| {
		let restake = setup(DelegatorKind::NetworkRestake);
		let full = setup(DelegatorKind::FullRestake);
		let pair =
			setup(DelegatorKind::OperatorNetworkSpecific { operator: OP_A, network: NETWORK });
		let set = |v, p| Delegation::set_hook_policy(origin(CURATOR), v, p);
		assert_noop!(
			Delegation::set_hook_policy(origin(STRANGER), restake, HookPolicy::Decrease),
			Error::<Test>::MissingRole
		);
		assert_noop!(set(9, HookPolicy::Decrease), Error::<Test>::UnknownVault);
		assert_noop!(set(restake, HookPolicy::None), Error::<Test>::AlreadySet);
		assert_noop!(set(full, HookPolicy::Redistribute), Error::<Test>::InvalidHookPolicy);
		assert_noop!(set(pair, HookPolicy::Decrease), Error::<Test>::InvalidHookPolicy);
		for bad in [
			HookPolicy::Reset { period: 0, count: 1 },
			HookPolicy::Reset { period: 5, count: 0 },
			HookPolicy::Reset { period: 5, count: MAX_RESET + 1 },
		] {
			assert_noop!(set(restake, bad), Error::<Test>::InvalidHookPolicy);
		}
		events();
		assert_ok!(set(restake, HookPolicy::Redistribute));
		assert_ok!(set(full, HookPolicy::Reset { period: 5, count: MAX_RESET }));
		assert_noop!(set(restake, HookPolicy::Redistribute), Error::<Test>::AlreadySet);
		assert_ok!(set(restake, HookPolicy::None));
		assert_eq!(
			events(),
			vec![
				Event::HookPolicySet { vault: restake, policy: HookPolicy::Redistribute },
				Event::HookPolicySet {
					vault: full,
					policy: HookPolicy::Reset { period: 5, count: MAX_RESET }
				},
				Event::HookPolicySet { vault: restake, policy: HookPolicy::None },
			]
		);
		assert!(!crate::HookPolicies::<Test>::contains_key(restake));
	});
}

#[test]
fn calls_refuse_root_and_unsigned_origins() {
	build_and_execute(|| {
		let v = setup(DelegatorKind::NetworkRestake);
		for o in [RuntimeOrigin::root(), RuntimeOrigin::none()] {
			assert_noop!(
				Delegation::set_max_network_limit(o.clone(), v, 0, 1),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Delegation::set_network_limit(o.clone(), v, sn(), 1),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Delegation::set_operator_network_shares(o.clone(), v, sn(), OP_A, 1),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Delegation::set_operator_network_limit(o.clone(), v, sn(), OP_A, 1),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Delegation::set_hook_policy(o, v, HookPolicy::Decrease),
				DispatchError::BadOrigin
			);
		}
	});
}

#[test]
fn allocations_list_where_each_vault_allocates_and_keep_zeroed_entries() {
	build_and_execute(|| {
		let v = setup(DelegatorKind::NetworkRestake);
		assert_eq!(Delegation::allocations(v, 10), (vec![], false));
		// A network's maximum alone allocates nothing: the curator has not given a limit.
		set_max(v, 1_000);
		assert_eq!(Delegation::allocations(v, 10), (vec![], false));
		set_limit(v, 600);
		set_shares(v, OP_B, 2);
		set_shares(v, OP_A, 1);
		let (listed, truncated) = Delegation::allocations(v, 10);
		assert!(!truncated);
		let mut ops = vec![OP_A, OP_B];
		ops.sort_by_key(|o| codec::Encode::encode(o));
		assert_eq!(listed, vec![(sn(), ops.clone())]);
		// Zeroed shares stay listed: the stake they gave stays slashable for an epoch.
		set_shares(v, OP_A, 0);
		assert_eq!(Delegation::allocations(v, 10).0, vec![(sn(), ops)]);
		// The cap is on entries read; what was left out is said.
		assert!(Delegation::allocations(v, 2).1);
		assert!(!Delegation::allocations(v, 3).1);
		// Unknown vault: nothing.
		assert_eq!(Delegation::allocations(99, 10), (vec![], false));

		// A pair vault: the network's maximum allocates, to the vault's one operator.
		let pair =
			setup(DelegatorKind::OperatorNetworkSpecific { operator: OP_A, network: NETWORK });
		set_max(pair, 300);
		assert_eq!(Delegation::allocations(pair, 10), (vec![(sn(), vec![OP_A])], false));

		// An operator-specific vault: the curator's limit, to its operator.
		let specific = setup(DelegatorKind::OperatorSpecific { operator: OP_B });
		set_max(specific, 300);
		set_limit(specific, 200);
		assert_eq!(Delegation::allocations(specific, 10), (vec![(sn(), vec![OP_B])], false));

		// Full restake: operator limits.
		let full = setup(DelegatorKind::FullRestake);
		set_max(full, 300);
		set_limit(full, 200);
		set_op_limit(full, OP_B, 50);
		assert_eq!(Delegation::allocations(full, 10), (vec![(sn(), vec![OP_B])], false));
	});
}
