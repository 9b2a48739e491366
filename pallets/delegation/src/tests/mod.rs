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

mod setters;

mod stake;

mod hooks;

mod invariants;

/// Findings of the security review and the comparison with the reference (issue 13): each test
/// failed before its fix.
mod review;

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
	let weight = SubstrateWeight::<Test>::set_network_limit();
	assert!(weight.ref_time() > 0 && weight.proof_size() > 0, "{weight:?}");
	assert!(weight.all_gte(<() as WeightInfo>::set_network_limit()));
}
