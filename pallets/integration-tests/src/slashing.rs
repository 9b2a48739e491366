// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Slashing end to end: a network's middleware slashes through the slashing pallet, the
//! delegation bounds it by the guarantee, the vault takes the collateral.

use crate::{mock::*, restaking::*};
use frame_support::{assert_noop, assert_ok, traits::fungibles::Inspect};
use pallet_rampart_slashing::{Event as SlashEvent, RequestStatus};
use pallet_rampart_vaults::{Burner, Route};
use rampart_primitives::{DelegatorKind, SlasherKind, VaultId};

fn usd_issuance() -> u128 {
	<NativeAndAssets as Inspect<AccountId>>::total_issuance(AssetKind::WithId(USD))
}

fn slash(vault: VaultId, network: u8, middleware: u8, operator: u8, amount: u128, capture: u64) {
	assert_ok!(Slashing::slash(
		signed(middleware),
		vault,
		main(network),
		acc(operator),
		amount,
		capture
	));
}

fn last_slash_event() -> SlashEvent<Runtime> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|r| match r.event {
			RuntimeEvent::Slashing(e) => Some(e),
			_ => None,
		})
		.expect("a slashing event")
}

/// A vault whose whole stake backs `OPERATOR_X` in network A.
fn one_operator(slasher: SlasherKind<u64>) -> VaultId {
	let v = world_with(DelegatorKind::NetworkRestake, slasher);
	allocate(v, NETWORK_A, 10_000, 10_000);
	shares(v, NETWORK_A, OPERATOR_X, 1);
	v
}

/// PROTOCOL 2.9 end to end, capture in the previous epoch: A = 600, W[cur] = 100,
/// W[cur+1] = 300, a slash of 500 takes 300, 50 and 150, and 500 USD are burned.
#[test]
fn the_worked_vector_through_the_slashing_pallet() {
	build_and_execute(|| {
		let v = one_operator(SlasherKind::Instant);
		run_to_block(11); // epoch 1: 100 into bucket 2
		assert_ok!(Vaults::withdraw(signed(STAKER), v, acc(STAKER), 100));
		run_to_block(15);
		let capture = 15; // epoch 1, A = 900: the guarantee covers 500
		run_to_block(21); // epoch 2: 300 into bucket 3
		assert_ok!(Vaults::withdraw(signed(STAKER), v, acc(STAKER), 300));
		run_to_block(22);
		let issuance = usd_issuance();
		slash(v, NETWORK_A, MIDDLEWARE_A, OPERATOR_X, 500, capture);
		assert_eq!(
			last_slash_event(),
			SlashEvent::Slashed {
				vault: v,
				subnetwork: main(NETWORK_A),
				operator: acc(OPERATOR_X),
				requested: 500,
				slashed: 500,
				moved: 500,
				capture
			}
		);
		assert_eq!(Vaults::active_stake(v), 300);
		assert_eq!(pallet_rampart_vaults::WithdrawalBuckets::<Runtime>::get(v, 2).amount, 50);
		assert_eq!(pallet_rampart_vaults::WithdrawalBuckets::<Runtime>::get(v, 3).amount, 150);
		assert_eq!(usd_issuance(), issuance - 500);
		// The guarantee at the capture (900) less the 500 slashed after it.
		assert_eq!(
			Slashing::slashable_stake(v, main(NETWORK_A), acc(OPERATOR_X), capture),
			Ok(400)
		);
	});
}

/// Two networks slash the same restaked collateral: the second finds less in the vault than
/// its budget allows; the event records what it asked, what it was entitled to, and what moved.
#[test]
fn cross_slashing_records_the_actual_amount() {
	build_and_execute(|| {
		let v = world_with(DelegatorKind::NetworkRestake, SlasherKind::Instant);
		allocate(v, NETWORK_A, 1_000, 1_000);
		allocate(v, NETWORK_B, 1_000, 1_000);
		shares(v, NETWORK_A, OPERATOR_X, 1);
		shares(v, NETWORK_B, OPERATOR_X, 1);
		run_to_block(3);
		slash(v, NETWORK_A, MIDDLEWARE_A, OPERATOR_X, 800, 2);
		slash(v, NETWORK_B, MIDDLEWARE_B, OPERATOR_X, 900, 2);
		assert!(matches!(
			last_slash_event(),
			SlashEvent::Slashed { requested: 900, slashed: 900, moved: 200, .. }
		));
		assert_eq!(Vaults::active_stake(v), 0);
		// Another network's middleware cannot slash in A's name.
		assert_noop!(
			Slashing::slash(signed(MIDDLEWARE_B), v, main(NETWORK_A), acc(OPERATOR_X), 1, 2),
			pallet_rampart_slashing::Error::<Runtime>::NotNetworkMiddleware
		);
	});
}

/// Funds withdrawn between the capture and the execution of a veto request are still slashed:
/// they sit in the next epoch's bucket, claimable only after the window.
#[test]
fn a_withdrawal_after_the_capture_is_still_slashed() {
	build_and_execute(|| {
		let veto = SlasherKind::Veto { veto_duration: 3, resolver_set_epochs_delay: 3 };
		let v = one_operator(veto);
		run_to_block(5);
		let capture = 4;
		assert_ok!(Vaults::redeem(signed(STAKER), v, acc(STAKER), 1_000));
		assert_eq!(Vaults::active_stake(v), 0);
		assert_ok!(Slashing::request_slash(
			signed(MIDDLEWARE_A),
			v,
			main(NETWORK_A),
			acc(OPERATOR_X),
			600,
			capture
		));
		run_to_block(6);
		assert_ok!(Slashing::execute_slash(signed(MIDDLEWARE_A), 0));
		assert_eq!(
			Slashing::request(0).map(|r| r.status),
			Some(RequestStatus::Executed { slashed: 600, moved: 600, at: 6 })
		);
		assert_eq!(pallet_rampart_vaults::WithdrawalBuckets::<Runtime>::get(v, 1).amount, 400);
		// The staker claims what is left once the bucket's epoch ended.
		run_to_block(21);
		let before = Assets::balance(USD, acc(STAKER));
		assert_ok!(Vaults::claim(signed(STAKER), v, acc(STAKER), 1));
		assert_eq!(Assets::balance(USD, acc(STAKER)), before + 400);
	});
}

/// A full slash for each delegator kind: the slashed amount is what the kind's formula gave
/// the operator at the capture, no more.
#[test]
fn each_delegator_kind_bounds_the_slash_by_its_guarantee() {
	build_and_execute(|| {
		let restake = world_with(DelegatorKind::NetworkRestake, SlasherKind::Instant);
		allocate(restake, NETWORK_A, 1_000, 600);
		shares(restake, NETWORK_A, OPERATOR_X, 1);
		shares(restake, NETWORK_A, OPERATOR_Y, 2);
		let full = world_with(DelegatorKind::FullRestake, SlasherKind::Instant);
		allocate(full, NETWORK_A, 1_000, 700);
		assert_ok!(Delegation::set_operator_network_limit(
			signed(CURATOR),
			full,
			main(NETWORK_A),
			acc(OPERATOR_X),
			300
		));
		let own = world_with(
			DelegatorKind::OperatorSpecific { operator: acc(OPERATOR_X) },
			SlasherKind::Instant,
		);
		allocate(own, NETWORK_A, 1_000, 450);
		let pair = world_with(
			DelegatorKind::OperatorNetworkSpecific {
				operator: acc(OPERATOR_X),
				network: acc(NETWORK_A),
			},
			SlasherKind::Instant,
		);
		assert_ok!(Delegation::set_max_network_limit(signed(NETWORK_A), pair, 0, 350));
		run_to_block(3);
		for (vault, expected) in [(restake, 200), (full, 300), (own, 450), (pair, 350)] {
			assert_eq!(stake_at(vault, NETWORK_A, OPERATOR_X, 2), expected);
			slash(vault, NETWORK_A, MIDDLEWARE_A, OPERATOR_X, 10_000, 2);
			assert!(matches!(
				last_slash_event(),
				SlashEvent::Slashed { slashed, moved, .. } if slashed == expected && moved == expected
			));
			assert_eq!(Vaults::active_stake(vault), 1_000 - expected);
			assert_noop!(
				Slashing::slash(
					signed(MIDDLEWARE_A),
					vault,
					main(NETWORK_A),
					acc(OPERATOR_X),
					1,
					2
				),
				pallet_rampart_slashing::Error::<Runtime>::InsufficientSlash
			);
		}
		// An operator with no stake from a bound vault cannot be slashed there.
		assert_noop!(
			Slashing::slash(signed(MIDDLEWARE_A), own, main(NETWORK_A), acc(OPERATOR_Y), 1, 2),
			pallet_rampart_slashing::Error::<Runtime>::InsufficientSlash
		);
	});
}

/// Certora H-01 with the real pallets: two requests with different captures. Executed in
/// reverse order, the later capture blocks the earlier one (the latest-capture rule of the
/// reference); executed in capture order, both go through within the guarantee.
#[test]
fn reverse_order_execution_follows_the_latest_capture_rule() {
	build_and_execute(|| {
		let veto = SlasherKind::Veto { veto_duration: 2, resolver_set_epochs_delay: 3 };
		let v = one_operator(veto);
		run_to_block(6);
		let request = |capture: u64| {
			let id = pallet_rampart_slashing::NextRequestId::<Runtime>::get();
			assert_ok!(Slashing::request_slash(
				signed(MIDDLEWARE_A),
				v,
				main(NETWORK_A),
				acc(OPERATOR_X),
				100,
				capture
			));
			id
		};
		let early = request(3);
		let late = request(5);
		assert_ok!(Slashing::execute_slash(signed(MIDDLEWARE_A), late));
		assert_noop!(
			Slashing::execute_slash(signed(MIDDLEWARE_A), early),
			pallet_rampart_slashing::Error::<Runtime>::InsufficientSlash
		);
		// New requests for earlier captures are refused from the start.
		assert_noop!(
			Slashing::request_slash(
				signed(MIDDLEWARE_A),
				v,
				main(NETWORK_A),
				acc(OPERATOR_X),
				1,
				4
			),
			pallet_rampart_slashing::Error::<Runtime>::InsufficientSlash
		);
		// In capture order: both execute; the second is bounded by what the first left.
		let first = request(5);
		let second = request(5);
		assert_ok!(Slashing::execute_slash(signed(MIDDLEWARE_A), first));
		assert_ok!(Slashing::execute_slash(signed(MIDDLEWARE_A), second));
		assert_eq!(Vaults::active_stake(v), 1_000 - 300);
	});
}

/// polkadot-sdk#9079: a withdrawal cannot be claimed while a slash covering it may still
/// execute. Withdrawn in the capture's epoch `e`, the collateral sits in bucket `e + 1`,
/// claimable from the start of epoch `e + 2`; a request for the capture can execute only until
/// `capture + D`, which is earlier. So the claim waits, and once it is possible the request has
/// expired.
#[test]
fn no_claim_while_a_slash_covering_it_can_still_execute() {
	build_and_execute(|| {
		let veto = SlasherKind::Veto { veto_duration: 3, resolver_set_epochs_delay: 3 };
		let v = one_operator(veto);
		assert_ok!(Slashing::set_resolver(signed(NETWORK_A), v, 0, Some(acc(7))));
		run_to_block(12); // epoch 1: blocks 11..=20
		let capture = 11;
		assert_ok!(Vaults::withdraw(signed(STAKER), v, acc(STAKER), 500));
		assert_ok!(Slashing::request_slash(
			signed(MIDDLEWARE_A),
			v,
			main(NETWORK_A),
			acc(OPERATOR_X),
			100,
			capture
		));
		// The slash may execute until capture + D = 21; the claim of bucket 2 opens at 31.
		for block in 15..=21 {
			run_to_block(block);
			assert_noop!(
				Vaults::claim(signed(STAKER), v, acc(STAKER), 2),
				pallet_rampart_vaults::Error::<Runtime>::InvalidEpoch
			);
		}
		run_to_block(22);
		assert_eq!(Slashing::request(0).map(|r| r.status), Some(RequestStatus::Expired));
		assert_noop!(
			Slashing::execute_slash(signed(MIDDLEWARE_A), 0),
			pallet_rampart_slashing::Error::<Runtime>::SlashPeriodEnded
		);
		run_to_block(31);
		assert_ok!(Vaults::claim(signed(STAKER), v, acc(STAKER), 2));
	});
}

/// An operator that was not opted into the vault (or the network) at the capture has no
/// guarantee there, so nothing to slash, whatever it does later.
#[test]
fn an_operator_not_opted_in_at_the_capture_cannot_be_slashed() {
	build_and_execute(|| {
		let v = one_operator(SlasherKind::Instant);
		run_to_block(3);
		assert_ok!(Registry::opt_out(
			signed(OPERATOR_X),
			rampart_primitives::OptInTarget::Vault(v)
		));
		run_to_block(5);
		let capture = 4;
		assert_noop!(
			Slashing::slash(signed(MIDDLEWARE_A), v, main(NETWORK_A), acc(OPERATOR_X), 1, capture),
			pallet_rampart_slashing::Error::<Runtime>::InsufficientSlash
		);
		// Before the opt-out it was slashable.
		slash(v, NETWORK_A, MIDDLEWARE_A, OPERATOR_X, 10, 2);
	});
}

/// Redistribution by a router burner, driven by real slashes: network A routes its slashes to
/// a compensation fund, set by the curator and in force only after the router's delay; network
/// B's slashes of the same vault still reach the fallback.
#[test]
fn a_router_sends_each_networks_slashes_to_its_receiver() {
	const FALLBACK: u8 = 12;
	const FUND: u8 = 13;
	build_and_execute(|| {
		let v = world_burning_to(
			DelegatorKind::NetworkRestake,
			SlasherKind::Instant,
			Burner::Router { fallback: acc(FALLBACK), delay: 3 },
		);
		for network in [NETWORK_A, NETWORK_B] {
			allocate(v, network, 10_000, 10_000);
			shares(v, network, OPERATOR_X, 1);
		}
		assert_ok!(Vaults::set_router_receiver(
			signed(CURATOR),
			v,
			Route::Network(acc(NETWORK_A)),
			Some(acc(FUND))
		));
		let usd = |n: u8| {
			<NativeAndAssets as Inspect<AccountId>>::balance(AssetKind::WithId(USD), &acc(n))
		};
		let (fund, fallback) = (usd(FUND), usd(FALLBACK));
		run_to_block(3);
		// Not in force yet.
		slash(v, NETWORK_A, MIDDLEWARE_A, OPERATOR_X, 100, 2);
		assert_eq!((usd(FUND), usd(FALLBACK)), (fund, fallback + 100));
		run_to_block(4);
		let issuance = usd_issuance();
		slash(v, NETWORK_A, MIDDLEWARE_A, OPERATOR_X, 100, 3);
		slash(v, NETWORK_B, MIDDLEWARE_B, OPERATOR_X, 50, 3);
		assert_eq!((usd(FUND), usd(FALLBACK)), (fund + 100, fallback + 150));
		// Redistribution, not burning: the supply is unchanged.
		assert_eq!(usd_issuance(), issuance);
		assert_eq!(Vaults::active_stake(v), 750);
	});
}

/// Issue 13, item 5: the `Redistribute` hook scales the operator's shares by what was still
/// slashable for the capture (PROTOCOL 3.7), not by the stake at the capture: after a second
/// slash of one capture, the operator keeps no more than the reference leaves it. Failed before
/// the fix (164 total shares: the second slash scaled 80 by 400/500 instead of 300/400).
#[test]
fn redistribute_after_a_second_slash_of_one_capture_follows_the_reference() {
	build_and_execute(|| {
		let v = world(DelegatorKind::NetworkRestake);
		allocate(v, NETWORK_A, 1_000, 1_000);
		shares(v, NETWORK_A, OPERATOR_X, 100);
		shares(v, NETWORK_A, OPERATOR_Y, 100);
		assert_ok!(Delegation::set_hook_policy(
			signed(CURATOR),
			v,
			pallet_rampart_delegation::HookPolicy::Redistribute
		));
		run_to_block(2);
		let capture = 2;
		run_to_block(3);
		assert_eq!(stake_at(v, NETWORK_A, OPERATOR_X, capture), 500);
		// First slash: slashable 500, shares 100 · (500 − 100) / 500 = 80.
		slash(v, NETWORK_A, MIDDLEWARE_A, OPERATOR_X, 100, capture);
		assert_eq!(Delegation::subnetwork_limits(v, main(NETWORK_A)).2, 180);
		// Second slash of the same capture: slashable 400, shares 80 · (400 − 100) / 400 = 60.
		slash(v, NETWORK_A, MIDDLEWARE_A, OPERATOR_X, 100, capture);
		assert_eq!(Delegation::subnetwork_limits(v, main(NETWORK_A)).2, 160);
		// The other operator is not re-exposed to the slashed amount: Y keeps its 100 shares of
		// the pool of 800, and X's stake is 800 · 60 / 160.
		assert_eq!(stake(v, NETWORK_A, OPERATOR_X), 300);
		assert_eq!(stake(v, NETWORK_A, OPERATOR_Y), 500);
	});
}
