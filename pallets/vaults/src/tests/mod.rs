// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Unit tests: creation rules, deposits, withdrawals, claims, liquid shares, settings, roles and
//! the slashing entry point with the worked numbers of PROTOCOL 2.9. Every test ends with
//! `do_try_state`.

use crate::{
	mock::*, ActivePool, ActivePoolHead, ActivePools, Burner, DelegatorKind, Error, Event,
	HoldReason, Ledgers, NextVaultId, Role, SharesOf, SharesOfHead, SlasherKind, VaultConfig,
	VaultConfigOf, WithdrawalBuckets,
};
use frame_support::{
	assert_noop, assert_ok,
	traits::{
		fungible::InspectHold,
		fungibles::{Inspect, Mutate},
		tokens::Preservation,
	},
	BoundedVec,
};
use rampart_primitives::{
	traits::{VaultSlashing, VaultsInspect},
	VaultId,
};
use sp_runtime::{DispatchError, TokenError};

const NATIVE: AssetKind = AssetKind::Native;
const USD: AssetKind = AssetKind::WithId(ASSET);
/// Epoch length of the test vaults; they are created at block 1, so epoch `e` spans blocks
/// `1 + 10e ..= 10 + 10e`.
const D: u64 = 10;

/// The network and operator of the test slashes.
const NET: AccountId = 50;
const OP: AccountId = 51;

/// A slash of `OP` by `NET`, as the slashing pallet makes it.
fn slash(vault: VaultId, amount: u128, capture: u64) -> Result<u128, DispatchError> {
	<Vaults as VaultSlashing<_, _>>::on_slash(vault, &NET, &OP, amount, capture)
}

fn origin(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn events() -> Vec<Event<Test>> {
	let events = System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Vaults(e) => Some(e),
			_ => None,
		})
		.collect();
	System::reset_events();
	events
}

fn roles(list: Vec<(Role, AccountId)>) -> BoundedVec<(Role, AccountId), ConstU32<8>> {
	BoundedVec::truncate_from(list)
}

use frame_support::traits::ConstU32;

fn config(collateral: AssetKind) -> VaultConfigOf<Test> {
	VaultConfig {
		collateral,
		epoch_duration: D,
		delegator: DelegatorKind::NetworkRestake,
		slasher: SlasherKind::Instant,
		burner: Burner::Burn,
		deposit_whitelist: false,
		is_deposit_limit: false,
		deposit_limit: 0,
		roles: roles(vec![(Role::Admin, ALICE)]),
	}
}

fn create(config: VaultConfigOf<Test>) -> VaultId {
	let id = NextVaultId::<Test>::get();
	assert_ok!(Vaults::create_vault(origin(ALICE), config));
	events();
	id
}

fn balance(asset: AssetKind, who: AccountId) -> Balance {
	NativeAndAssets::balance(asset, &who)
}

fn epoch_bucket(vault: VaultId, epoch: u64) -> Balance {
	WithdrawalBuckets::<Test>::get(vault, epoch).amount
}

mod creation;

mod deposits_and_withdrawals;

mod claims;

mod liquid_shares;

mod shares_as_fungibles;

mod settings_and_roles;

mod slashing;

mod router_burner;

mod frozen_collateral;

mod front_running;

mod history;

mod random_operations;

/// Findings of the security review and the comparison with the reference (issue 13): each test
/// failed before its fix.
mod review;

/// Genesis vaults are labelled records of any kind, read from a chain spec's JSON.
mod genesis;

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
	let weight = SubstrateWeight::<Test>::deposit();
	assert!(weight.ref_time() > 0 && weight.proof_size() > 0, "{weight:?}");
	assert!(weight.all_gte(<() as WeightInfo>::deposit()));
}
