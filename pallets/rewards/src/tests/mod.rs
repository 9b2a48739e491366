// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Unit tests over the real vaults pallet: pro-rata staker rewards at a snapshot, sniping and
//! share transfers, fees, bounded claims, expiry, operator rewards by list and by stake. Every
//! test ends with both pallets' `do_try_state`.

use crate::{
	mock::*, AdminFee, CuratorFees, Cursors, Distribution, Distributions, Error, Event,
	OperatorRewards, Owed, Streams, MAX_FEE,
};
use frame_support::{
	assert_noop, assert_ok,
	traits::{fungible::NativeOrWithId, fungibles::Inspect},
	BoundedVec,
};
use rampart_primitives::{Role, Subnetwork, VaultId};

const GOV_ASSET: AssetKind = NativeOrWithId::WithId(GOV);
const USD_ASSET: AssetKind = NativeOrWithId::WithId(USD);
const NATIVE: AssetKind = NativeOrWithId::Native;

fn origin(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn events() -> Vec<Event<Test>> {
	let events = System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Rewards(e) => Some(e),
			_ => None,
		})
		.collect();
	System::reset_events();
	events
}

fn balance(asset: AssetKind, who: AccountId) -> Balance {
	NativeAndAssets::balance(asset, &who)
}

/// A USD vault of Alice (admin, fee setter and claimer) with Bob's 600 and Charlie's 400 staked
/// at block 1; the chain is at block 3.
fn vault() -> VaultId {
	let v = usd_vault(ALICE, &[Role::Admin, Role::AdminFeeSetter, Role::AdminFeeClaimer]);
	deposit(v, BOB, 600);
	deposit(v, CHARLIE, 400);
	run_to_block(3);
	events();
	v
}

fn distribute(v: VaultId, asset: AssetKind, amount: u128, snapshot: u64) {
	assert_ok!(Rewards::distribute_staker_rewards(
		origin(MIDDLEWARE),
		v,
		NETWORK,
		asset,
		amount,
		snapshot,
		MAX_FEE
	));
}

fn claim(v: VaultId, who: AccountId, asset: AssetKind, max: u32) -> u128 {
	let before = balance(asset.clone(), who);
	assert_ok!(Rewards::claim_staker_rewards(origin(who), v, NETWORK, asset.clone(), who, max));
	balance(asset, who) - before
}

mod staker_rewards;

mod curator_fees;

mod operator_rewards;

/// Calls need a signed origin.
#[test]
fn unsigned_calls_are_refused() {
	build_and_execute(|| {
		let v = vault();
		assert_noop!(
			Rewards::claim_staker_rewards(RuntimeOrigin::none(), v, NETWORK, GOV_ASSET, BOB, 1),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			Rewards::expire_distribution(RuntimeOrigin::root(), v, NETWORK, GOV_ASSET),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}

/// Findings of the security review and the comparison with the reference (issue 13): each test
/// failed before its fix.
mod review;

/// The windows that tie this pallet to the vaults are checked when the runtime is built.
mod windows;

/// The README names every error and event, so that the docs cannot drift from the code.
#[test]
fn the_readme_names_every_error_and_event() {
	rampart_primitives::docs::assert_readme_names_errors_and_events::<Error<Test>, Event<Test>>(
		include_str!("../../README.md"),
	);
}

/// Every call documents its origin, its errors and its events under the same headings.
#[test]
fn every_call_documents_its_origin_errors_and_events() {
	rampart_primitives::docs::assert_calls_documented::<crate::Call<Test>>();
}

/// The pallet ships measured default weights for runtimes that have not benchmarked yet, with
/// storage priced by the runtime's own database weights.
#[test]
fn default_weights_are_measured_and_priced_by_the_runtime() {
	use crate::weights::{SubstrateWeight, WeightInfo};
	let weight = SubstrateWeight::<Test>::set_admin_fee();
	assert!(weight.ref_time() > 0 && weight.proof_size() > 0, "{weight:?}");
	assert!(weight.all_gte(<() as WeightInfo>::set_admin_fee()));
}

/// The on-chain middleware's entry points: authorised by the registry middleware, paid by
/// another account, bounded like the calls.
#[test]
fn a_network_rewards_through_its_middleware_with_a_payers_funds() {
	use rampart_primitives::traits::NetworkRewards;
	build_and_execute(|| {
		let v = vault();
		let before = balance(GOV_ASSET, DAVE);
		assert_ok!(<Rewards as NetworkRewards<_, _, _>>::reward_stakers(
			&MIDDLEWARE,
			&DAVE,
			v,
			&NETWORK,
			&GOV_ASSET,
			1_000,
			2,
			MAX_FEE
		));
		// Dave paid the reward, and the pallet account's minimum the first time.
		assert_eq!(balance(GOV_ASSET, DAVE), before - 1_000 - GOV_MIN);
		assert_eq!(claim(v, BOB, GOV_ASSET, 4), 600);
		assert_noop!(
			<Rewards as NetworkRewards<_, _, _>>::reward_stakers(
				&DAVE, &DAVE, v, &NETWORK, &GOV_ASSET, 1_000, 2, MAX_FEE
			),
			Error::<Test>::NotNetworkMiddleware
		);
		let payouts = vec![(OP_X, 10), (OP_Y, 20)];
		assert_ok!(<Rewards as NetworkRewards<_, _, _>>::reward_operators(
			&MIDDLEWARE,
			&DAVE,
			&NETWORK,
			&GOV_ASSET,
			payouts
		));
		assert_eq!(OperatorRewards::<Test>::get((NETWORK, GOV_ASSET, OP_Y)), 20);
		let too_many = (0..=MAX_PAYOUTS as u128).map(|n| (100 + n, 1)).collect();
		assert_noop!(
			<Rewards as NetworkRewards<_, _, _>>::reward_operators(
				&MIDDLEWARE,
				&DAVE,
				&NETWORK,
				&GOV_ASSET,
				too_many
			),
			Error::<Test>::TooManyPayouts
		);
		assert_noop!(
			<Rewards as NetworkRewards<_, _, _>>::reward_operators(
				&MIDDLEWARE,
				&DAVE,
				&NETWORK,
				&GOV_ASSET,
				vec![(OP_X, 1), (OP_X, 1)]
			),
			Error::<Test>::DuplicateOperator
		);
		assert_eq!(<Rewards as NetworkRewards<_, _, _>>::max_operator_payouts(), MAX_PAYOUTS);
	});
}
