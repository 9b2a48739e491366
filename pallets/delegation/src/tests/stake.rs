// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

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
		let v = setup(DelegatorKind::OperatorNetworkSpecific { operator: OP_A, network: NETWORK });
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
		let most = WINDOW + 1 + 2 * u64::from(rampart_primitives::paged_trace::PAGE_LEN);
		assert!(u64::from(head.len()) <= most, "the history stays about one window long");
		assert_eq!(stake_at(v, OP_A, now - WINDOW), Ok(400));
		assert_eq!(stake_at(v, OP_A, 5), Err(Error::<Test>::HistoryPruned.into()));
		assert!(NetworkLimit::<Test>::at(&(v, sn()), 5).is_err());
	});
}

/// A caller that has read the vault (the slashing pallet, pro-rata rewards, a middleware pricing
/// many operators) gets the same guarantee as one that has not, and the same refusals.
#[test]
fn a_caller_holding_the_vault_view_gets_the_same_stake() {
	use rampart_primitives::traits::VaultsInspect;
	build_and_execute(|| {
		let v = setup(DelegatorKind::NetworkRestake);
		set_max(v, 2_000);
		set_limit(v, 600);
		set_shares(v, OP_A, 2);
		set_shares(v, OP_B, 1);
		System::set_block_number(System::block_number() + 1);
		let at = System::block_number() - 1;
		let view = <World as VaultsInspect<_, _>>::vault(v).expect("the vault exists");
		for op in [OP_A, OP_B] {
			let with_view = <Delegation as StakeProvider<_, _>>::stake_at_in(&view, &sn(), &op, at);
			assert_eq!(with_view, stake_at(v, op, at));
		}
		assert_eq!(
			<Delegation as StakeProvider<_, _>>::stake_at_in(&view, &sn(), &OP_A, at + 5),
			Err(Error::<Test>::FutureBlock.into())
		);
	});
}
