// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Unit tests over in-memory doubles of the registry and the vaults: every setter and its
//! errors, the four stake formulas now and at past blocks, opt-in gating, and the hook
//! policies. Every test ends with `do_try_state`.

use crate::{mock::*, Error, Event, HookPolicy, NetworkLimit, RecentSlashes};
use frame_support::{assert_noop, assert_ok, weights::Weight};
use rampart_primitives::{
	traits::{SlashInfo, StakeProvider},
	DelegatorKind, OptInTarget, Role, Subnetwork, VaultId,
};
use sp_runtime::DispatchError;

fn origin(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn events() -> Vec<Event<Test>> {
	let events = System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Delegation(e) => Some(e),
			_ => None,
		})
		.collect();
	System::reset_events();
	events
}

fn sn() -> Subnetwork<AccountId> {
	Subnetwork::main(NETWORK)
}

fn stake(vault: VaultId, operator: AccountId) -> u128 {
	<Delegation as StakeProvider<_, _>>::stake(vault, &sn(), &operator)
}

fn stake_at(vault: VaultId, operator: AccountId, at: u64) -> Result<u128, DispatchError> {
	<Delegation as StakeProvider<_, _>>::stake_at(vault, &sn(), &operator, at)
}

/// A vault of `kind` with active stake 1 000, `NETWORK` registered, both operators opted in.
fn setup(kind: DelegatorKind<AccountId>) -> VaultId {
	register_network(NETWORK);
	register_network(NETWORK_2);
	let v = add_vault(kind, CURATOR);
	set_stake(v, 1_000);
	opt_in(OP_A, NETWORK, v);
	opt_in(OP_B, NETWORK, v);
	v
}

fn set_max(vault: VaultId, amount: u128) {
	assert_ok!(Delegation::set_max_network_limit(origin(NETWORK), vault, 0, amount));
}

fn set_limit(vault: VaultId, amount: u128) {
	assert_ok!(Delegation::set_network_limit(origin(CURATOR), vault, sn(), amount));
}

fn set_shares(vault: VaultId, operator: AccountId, shares: u128) {
	assert_ok!(Delegation::set_operator_network_shares(
		origin(CURATOR),
		vault,
		sn(),
		operator,
		shares
	));
}

fn set_op_limit(vault: VaultId, operator: AccountId, amount: u128) {
	assert_ok!(Delegation::set_operator_network_limit(
		origin(CURATOR),
		vault,
		sn(),
		operator,
		amount
	));
}

/// A network-restake vault giving `NETWORK` 1 000 split 100 : 100 between `OP_A` and `OP_B`.
fn two_operator_vault() -> VaultId {
	let v = setup(DelegatorKind::NetworkRestake);
	set_max(v, 1_000);
	set_limit(v, 1_000);
	set_shares(v, OP_A, 100);
	set_shares(v, OP_B, 100);
	v
}

fn set_policy(vault: VaultId, policy: HookPolicy<u64>) {
	assert_ok!(Delegation::set_hook_policy(origin(CURATOR), vault, policy));
}

/// A first slash of `amount` for `capture`: what was slashable is the stake at the capture (or
/// `amount`, whichever is larger, for captures the doubles cannot answer).
fn slash(vault: VaultId, operator: AccountId, amount: u128, capture: u64) -> Weight {
	let slashable = stake_at(vault, operator, capture).unwrap_or(0).max(amount);
	<Delegation as StakeProvider<_, _>>::on_slash(
		vault,
		&sn(),
		&operator,
		SlashInfo { amount, capture, slashable },
	)
}

mod setters {
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
			let v =
				setup(DelegatorKind::OperatorNetworkSpecific { operator: OP_A, network: NETWORK });
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
}

mod stake {
	use super::*;

	#[test]
	fn network_restake_splits_min_of_stake_and_limit_by_shares() {
		build_and_execute(|| {
			let v = setup(DelegatorKind::NetworkRestake);
			// No total shares: nothing.
			set_max(v, 2_000);
			set_limit(v, 600);
			assert_eq!(stake(v, OP_A), 0);
			set_shares(v, OP_A, 2);
			set_shares(v, OP_B, 1);
			// ⌊2 · min(1000, 600) / 3⌋ = 400; ⌊1 · 600 / 3⌋ = 200.
			assert_eq!((stake(v, OP_A), stake(v, OP_B)), (400, 200));
			// The limit above the stake: the stake is split. ⌊2 · 1000 / 3⌋ = 666.
			set_limit(v, 2_000);
			assert_eq!((stake(v, OP_A), stake(v, OP_B)), (666, 333));
			// Another network restakes the same collateral in full.
			assert_ok!(Delegation::set_max_network_limit(origin(NETWORK_2), v, 0, 1_000));
			let other = Subnetwork::main(NETWORK_2);
			assert_ok!(Delegation::set_network_limit(origin(CURATOR), v, other, 1_000));
			assert_ok!(Delegation::set_operator_network_shares(origin(CURATOR), v, other, OP_A, 1));
			set_opt_in(OP_A, OptInTarget::Network(NETWORK_2), true);
			assert_eq!(<Delegation as StakeProvider<_, _>>::stake(v, &other, &OP_A), 1_000);
			assert_eq!(stake(v, OP_A), 666);
		});
	}

	#[test]
	fn full_restake_takes_the_least_of_three() {
		build_and_execute(|| {
			let v = setup(DelegatorKind::FullRestake);
			set_max(v, 900);
			set_limit(v, 800);
			set_op_limit(v, OP_A, 700);
			set_op_limit(v, OP_B, 5_000);
			// Both operators may be given the full network stake.
			assert_eq!((stake(v, OP_A), stake(v, OP_B)), (700, 800));
			set_stake(v, 100);
			assert_eq!((stake(v, OP_A), stake(v, OP_B)), (100, 100));
		});
	}

	#[test]
	fn operator_specific_gives_its_operator_alone() {
		build_and_execute(|| {
			let v = setup(DelegatorKind::OperatorSpecific { operator: OP_A });
			set_max(v, 900);
			set_limit(v, 800);
			assert_eq!((stake(v, OP_A), stake(v, OP_B)), (800, 0));
		});
	}

	#[test]
	fn a_pair_vault_gives_its_operator_its_network_allocation() {
		build_and_execute(|| {
			let v =
				setup(DelegatorKind::OperatorNetworkSpecific { operator: OP_A, network: NETWORK });
			set_max(v, 400);
			assert_eq!((stake(v, OP_A), stake(v, OP_B)), (400, 0));
			// Each subnetwork of the network may get up to the whole stake.
			assert_ok!(Delegation::set_max_network_limit(origin(NETWORK), v, 1, 5_000));
			let sub = Subnetwork::new(NETWORK, 1);
			assert_eq!(<Delegation as StakeProvider<_, _>>::stake(v, &sub, &OP_A), 1_000);
			let other = Subnetwork::main(NETWORK_2);
			set_opt_in(OP_A, OptInTarget::Network(NETWORK_2), true);
			assert_eq!(<Delegation as StakeProvider<_, _>>::stake(v, &other, &OP_A), 0);
		});
	}

	#[test]
	fn stake_needs_both_opt_ins_at_the_block() {
		build_and_execute(|| {
			let v = setup(DelegatorKind::FullRestake);
			set_max(v, 900);
			set_limit(v, 900);
			set_op_limit(v, OP_A, 900);
			run_to_block(5);
			set_opt_in(OP_A, OptInTarget::Vault(v), false);
			assert_eq!(stake(v, OP_A), 0);
			run_to_block(7);
			set_opt_in(OP_A, OptInTarget::Vault(v), true);
			set_opt_in(OP_A, OptInTarget::Network(NETWORK), false);
			assert_eq!(stake(v, OP_A), 0);
			run_to_block(9);
			assert_eq!(stake_at(v, OP_A, 4), Ok(900));
			assert_eq!(stake_at(v, OP_A, 5), Ok(0));
			assert_eq!(stake_at(v, OP_A, 7), Ok(0));
			// An unregistered operator that never opted in has nothing anywhere.
			assert_eq!(stake_at(v, STRANGER, 4), Ok(0));
		});
	}

	/// PROTOCOL 3.6: every input is read at the capture block, so a curator lowering limits
	/// after a capture cannot shrink the guarantee captured; only the pool itself can.
	#[test]
	fn a_captured_guarantee_survives_later_limit_changes() {
		build_and_execute(|| {
			let v = setup(DelegatorKind::NetworkRestake);
			set_max(v, 1_000);
			set_limit(v, 1_000);
			set_shares(v, OP_A, 1);
			set_shares(v, OP_B, 1);
			run_to_block(5); // the network captures block 5
			assert_eq!(stake_at(v, OP_A, 5), Ok(500));
			run_to_block(6);
			set_limit(v, 100);
			set_shares(v, OP_A, 0);
			set_max(v, 50);
			run_to_block(8);
			assert_eq!(stake(v, OP_A), 0);
			assert_eq!(stake(v, OP_B), 50);
			assert_eq!(stake_at(v, OP_A, 5), Ok(500));
			assert_eq!(stake_at(v, OP_B, 5), Ok(500));
			assert_eq!(stake_at(v, OP_A, 6), Ok(0));
			// A slash of the pool (cross-slashing) is the one thing that lowers it.
			run_to_block(9);
			set_stake(v, 600);
			assert_eq!(stake_at(v, OP_A, 5), Ok(500));
			assert_eq!(stake_at(v, OP_B, 9), Ok(50));
		});
	}

	#[test]
	fn lookups_outside_the_window_are_errors() {
		build_and_execute(|| {
			let v = setup(DelegatorKind::OperatorSpecific { operator: OP_A });
			set_max(v, 500);
			set_limit(v, 500);
			assert_eq!(stake_at(v, OP_A, 2), Err(Error::<Test>::FutureBlock.into()));
			assert_eq!(stake_at(9, OP_A, 1), Err(Error::<Test>::UnknownVault.into()));
			// Write the limit every block so its history is pruned behind the window.
			for b in 2..=(3 * WINDOW) {
				run_to_block(b);
				set_limit(v, if b % 2 == 0 { 400 } else { 500 });
			}
			let now = 3 * WINDOW;
			let head = crate::NetworkLimitHead::<Test>::get((v, sn())).expect("written");
			assert!(head.len as u64 <= WINDOW + 3, "the history stays about one window long");
			assert_eq!(stake_at(v, OP_A, now - WINDOW), Ok(400));
			assert_eq!(stake_at(v, OP_A, 5), Err(Error::<Test>::HistoryPruned.into()));
			assert!(NetworkLimit::<Test>::at(&(v, sn()), 5).is_err());
		});
	}
}

mod hooks {
	use super::*;

	use super::set_policy as policy;

	#[test]
	fn without_a_policy_a_slash_only_reports() {
		build_and_execute(|| {
			let v = setup(DelegatorKind::NetworkRestake);
			set_max(v, 1_000);
			set_limit(v, 1_000);
			events();
			slash(v, OP_A, 10, 1);
			assert_eq!(
				events(),
				vec![Event::Slashed {
					vault: v,
					subnetwork: sn(),
					operator: OP_A,
					amount: 10,
					capture: 1
				}]
			);
			assert_eq!(Delegation::subnetwork_limits(v, sn()), (1_000, 1_000, 0));
		});
	}

	#[test]
	fn decrease_lowers_the_limit_and_the_operators_shares() {
		build_and_execute(|| {
			let v = setup(DelegatorKind::NetworkRestake);
			set_max(v, 1_000);
			set_limit(v, 900);
			set_shares(v, OP_A, 30);
			set_shares(v, OP_B, 60);
			policy(v, HookPolicy::Decrease);
			run_to_block(3);
			// At block 1 OP_A had ⌊30 · 900 / 90⌋ = 300 for 30 shares.
			assert_eq!(stake_at(v, OP_A, 1), Ok(300));
			slash(v, OP_A, 100, 1);
			// NL 900 − 100; shares 30 − ⌈100 · 30 / 300⌉ = 20.
			assert_eq!(Delegation::subnetwork_limits(v, sn()), (1_000, 800, 80));
			// A slash above what is left takes it to zero, never below.
			slash(v, OP_A, 10_000, 1);
			assert_eq!(Delegation::subnetwork_limits(v, sn()), (1_000, 0, 60));
			assert_eq!(stake(v, OP_A), 0);
		});
	}

	#[test]
	fn decrease_lowers_operator_and_network_limits_of_the_other_kinds() {
		build_and_execute(|| {
			let full = setup(DelegatorKind::FullRestake);
			set_max(full, 1_000);
			set_limit(full, 900);
			set_op_limit(full, OP_A, 500);
			policy(full, HookPolicy::Decrease);
			slash(full, OP_A, 200, 1);
			assert_eq!(Delegation::subnetwork_limits(full, sn()).1, 700);
			assert_eq!(stake(full, OP_A), 300);

			let own = setup(DelegatorKind::OperatorSpecific { operator: OP_A });
			set_max(own, 1_000);
			set_limit(own, 900);
			policy(own, HookPolicy::Decrease);
			slash(own, OP_A, 250, 1);
			assert_eq!(stake(own, OP_A), 650);
		});
	}

	#[test]
	fn redistribute_scales_the_operators_shares_by_what_survived() {
		build_and_execute(|| {
			let v = two_operator_vault();
			policy(v, HookPolicy::Redistribute);
			run_to_block(2);
			// OP_A had 500 at block 1 and loses 200: shares 100 · 300 / 500 = 60.
			slash(v, OP_A, 200, 1);
			assert_eq!(Delegation::subnetwork_limits(v, sn()).2, 160);
			assert_eq!(Delegation::subnetwork_limits(v, sn()).1, 1_000);
		});
	}

	#[test]
	fn reset_zeroes_after_count_slashes_within_the_period() {
		build_and_execute(|| {
			let v = two_operator_vault();
			policy(v, HookPolicy::Reset { period: 10, count: 3 });
			// Three slashes spread over more than the period: no reset.
			for b in [2, 8, 13] {
				run_to_block(b);
				slash(v, OP_A, 1, 1);
			}
			assert_eq!(Delegation::subnetwork_limits(v, sn()).2, 200);
			assert_eq!(RecentSlashes::<Test>::get((v, sn(), OP_A)).into_inner(), vec![2, 8, 13]);
			// The fourth lands within 10 blocks of the second: reset.
			run_to_block(14);
			slash(v, OP_A, 1, 13);
			assert_eq!(Delegation::subnetwork_limits(v, sn()).2, 100);
			assert_eq!(stake(v, OP_A), 0);
			assert!(!RecentSlashes::<Test>::contains_key((v, sn(), OP_A)));

			// The full-restake kind zeroes the operator limit, the operator-specific kind the
			// network limit.
			let full = setup(DelegatorKind::FullRestake);
			set_max(full, 1_000);
			set_limit(full, 1_000);
			set_op_limit(full, OP_A, 1_000);
			policy(full, HookPolicy::Reset { period: 10, count: 1 });
			slash(full, OP_A, 1, 13);
			assert_eq!(stake(full, OP_A), 0);
			let own = setup(DelegatorKind::OperatorSpecific { operator: OP_A });
			set_max(own, 1_000);
			set_limit(own, 1_000);
			policy(own, HookPolicy::Reset { period: 10, count: 1 });
			slash(own, OP_A, 1, 13);
			assert_eq!(Delegation::subnetwork_limits(own, sn()).1, 0);
		});
	}

	/// A hook that cannot run (here: its capture block was pruned) changes nothing, is
	/// reported, and the slash is still reported.
	#[test]
	fn a_failing_hook_is_rolled_back_and_never_blocks() {
		build_and_execute(|| {
			let v = setup(DelegatorKind::NetworkRestake);
			set_max(v, 1_000);
			set_limit(v, 1_000);
			set_shares(v, OP_A, 100);
			policy(v, HookPolicy::Decrease);
			run_to_block(3 * WINDOW);
			events();
			slash(v, OP_A, 100, 1);
			let events = events();
			assert!(matches!(events[0], Event::HookFailed { vault, .. } if vault == v));
			assert!(matches!(events[1], Event::Slashed { amount: 100, .. }));
			assert_eq!(events.len(), 2);
			// The limit was lowered before the shares failed; the layer undid it.
			assert_eq!(Delegation::subnetwork_limits(v, sn()), (1_000, 1_000, 100));
		});
	}

	#[test]
	fn the_charged_weight_covers_every_policy() {
		build_and_execute(|| {
			let most = <Delegation as StakeProvider<_, _>>::on_slash_weight();
			let v = setup(DelegatorKind::NetworkRestake);
			assert!(slash(v, OP_A, 1, 1).all_lte(most));
			assert_eq!(<Delegation as StakeProvider<_, _>>::stake_at_weight(), Weight::zero());
		});
	}
}

mod invariants {
	use super::*;

	/// A seeded random stream of setter calls, stake changes, opt-ins and slashes over all four
	/// kinds, with the invariants checked after every step.
	#[test]
	fn invariants_hold_under_a_random_operation_stream() {
		build_and_execute(|| {
			let vaults = [
				setup(DelegatorKind::NetworkRestake),
				setup(DelegatorKind::FullRestake),
				setup(DelegatorKind::OperatorSpecific { operator: OP_A }),
				setup(DelegatorKind::OperatorNetworkSpecific { operator: OP_B, network: NETWORK }),
			];
			let mut seed: u64 = 0x5eed_1234_abcd_0001;
			let mut next = |m: u64| {
				seed ^= seed << 13;
				seed ^= seed >> 7;
				seed ^= seed << 17;
				seed % m
			};
			let mut block: u64 = 1;
			for _ in 0..2_000 {
				let v = vaults[next(4) as usize];
				let op = [OP_A, OP_B][next(2) as usize];
				let network = [NETWORK, NETWORK_2][next(2) as usize];
				let id = next(2) as u32;
				let subnetwork = Subnetwork::new(network, id);
				let amount = next(1_500) as u128;
				let _ = match next(9) {
					0 | 1 => Delegation::set_max_network_limit(origin(network), v, id, amount),
					2 | 3 => Delegation::set_network_limit(origin(CURATOR), v, subnetwork, amount),
					4 => Delegation::set_operator_network_shares(
						origin(CURATOR),
						v,
						subnetwork,
						op,
						next(10) as u128,
					),
					5 => Delegation::set_operator_network_limit(
						origin(CURATOR),
						v,
						subnetwork,
						op,
						amount,
					),
					6 => {
						set_stake(v, amount);
						Ok(())
					},
					7 => {
						let p = match next(4) {
							0 => HookPolicy::None,
							1 => HookPolicy::Decrease,
							2 => HookPolicy::Redistribute,
							_ => HookPolicy::Reset { period: next(10) + 1, count: 2 },
						};
						Delegation::set_hook_policy(origin(CURATOR), v, p)
					},
					_ => {
						let capture = block.saturating_sub(next(5)).max(1);
						let slashable = <Delegation as StakeProvider<_, _>>::stake_at(
							v,
							&subnetwork,
							&op,
							capture,
						)
						.unwrap_or(0)
						.max(amount);
						<Delegation as StakeProvider<_, _>>::on_slash(
							v,
							&subnetwork,
							&op,
							SlashInfo { amount, capture, slashable },
						);
						Ok(())
					},
				};
				if next(3) == 0 {
					block += 1;
					run_to_block(block);
				}
				Delegation::do_try_state().expect("invariants hold after every step");
			}
		});
	}
}

/// Findings of the security review and the comparison with the reference (issue 13): each test
/// failed before its fix.
mod review {
	use super::*;

	/// Item 10: a curator may lower a `Reset` policy's count below the slashes already kept;
	/// that state is legitimate (the next slash trims the buffer), so the invariants hold.
	#[test]
	fn lowering_a_reset_count_keeps_the_invariants() {
		build_and_execute(|| {
			let v = two_operator_vault();
			set_policy(v, HookPolicy::Reset { period: 100, count: 3 });
			for b in [2, 3] {
				run_to_block(b);
				slash(v, OP_A, 1, 1);
			}
			assert_eq!(RecentSlashes::<Test>::get((v, sn(), OP_A)).len(), 2);
			set_policy(v, HookPolicy::Reset { period: 100, count: 1 });
			Delegation::do_try_state().expect("a longer buffer than the new count is legitimate");
			// The next slash trims the buffer to the new count and resets at once.
			run_to_block(4);
			slash(v, OP_A, 1, 3);
			assert_eq!(stake(v, OP_A), 0);
			assert!(!RecentSlashes::<Test>::contains_key((v, sn(), OP_A)));
		});
	}

	/// Item 11: the reference resets when the oldest kept slash is at most `period` blocks old
	/// (`now − oldest <= period`); two slashes exactly one period apart reset with count 2.
	#[test]
	fn reset_counts_a_slash_exactly_one_period_old() {
		build_and_execute(|| {
			let v = two_operator_vault();
			set_policy(v, HookPolicy::Reset { period: 10, count: 2 });
			run_to_block(2);
			slash(v, OP_A, 1, 1);
			run_to_block(12);
			slash(v, OP_A, 1, 11);
			assert_eq!(stake(v, OP_A), 0);
			// One block more than the period apart: no reset.
			run_to_block(13);
			slash(v, OP_B, 1, 12);
			run_to_block(24);
			slash(v, OP_B, 1, 23);
			assert_ne!(stake(v, OP_B), 0);
		});
	}

	/// Item 14: on an operator-and-network-specific vault, another network setting its maximum to
	/// the value it already has (zero) gets `AlreadySet` first, as in the reference; a new value
	/// gets `InvalidNetwork`.
	#[test]
	fn already_set_comes_before_invalid_network() {
		build_and_execute(|| {
			let v =
				setup(DelegatorKind::OperatorNetworkSpecific { operator: OP_A, network: NETWORK });
			assert_noop!(
				Delegation::set_max_network_limit(origin(NETWORK_2), v, 0, 0),
				Error::<Test>::AlreadySet
			);
			assert_noop!(
				Delegation::set_max_network_limit(origin(NETWORK_2), v, 0, 5),
				Error::<Test>::InvalidNetwork
			);
		});
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
