// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Unit tests: every call's success path, each of its errors (with `assert_noop!`), its events,
//! and the history and signature rules. Every test ends with `do_try_state`.

use crate::{mock::*, Error, Event, *};
use codec::Encode;
use frame_support::{
	assert_noop, assert_ok,
	traits::{fungible::InspectHold, BuildGenesisConfig},
};
use rampart_primitives::{
	traits::{NetworkRegistry, OperatorRegistry, OptIns},
	OptInTarget,
};
use sp_core::Pair;
use sp_runtime::{BuildStorage, DispatchError, MultiSignature, TokenError};

type Target = OptInTarget<AccountId>;

fn origin(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// The registry events since the last call, oldest first; clears them.
fn events() -> Vec<Event<Test>> {
	let events = System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Registry(e) => Some(e),
			_ => None,
		})
		.collect();
	System::reset_events();
	events
}

fn held(who: &AccountId) -> Balance {
	Balances::balance_on_hold(&RuntimeHoldReason::Registry(HoldReason::Registration), who)
}

fn url(bytes: &[u8]) -> MetadataOf<Test> {
	MetadataOf::<Test>::try_from(bytes.to_vec()).unwrap()
}

fn net_target() -> Target {
	OptInTarget::Network(network())
}

/// Registers the sample network and operator and clears the events.
fn setup() {
	assert_ok!(Registry::register_network(origin(network())));
	assert_ok!(Registry::register_operator(origin(operator())));
	events();
}

fn opted_in_at(at: u64) -> Result<bool, Error<Test>> {
	Registry::opted_in_at_block(&operator(), &net_target(), at)
}

fn history() -> Vec<(u64, bool)> {
	OptInHistories::<Test>::get(operator(), net_target())
		.map(|h| h.entries().to_vec())
		.unwrap_or_default()
}

fn sign(
	signer: u8,
	action: OptInAction,
	target: &Target,
	nonce: u64,
	deadline: u64,
) -> MultiSignature {
	let message = Registry::opt_in_message(action, &account(signer), target, nonce, deadline);
	MultiSignature::Sr25519(pair(signer).sign(&message.encode()))
}

// Registration record sizes: network (None middleware, empty metadata, u64 block) = 1 + 1 + 8,
// operator (empty metadata, u64 block) = 1 + 8.
const NETWORK_DEPOSIT: Balance = BASE_DEPOSIT + 10 * BYTE_DEPOSIT;
const OPERATOR_DEPOSIT: Balance = BASE_DEPOSIT + 9 * BYTE_DEPOSIT;

mod registration;

mod middleware_and_metadata;

mod opt_ins;

/// Findings of the security review and the comparison with the reference (issue 13): each test
/// failed before its fix.
mod review;

mod signed;

mod genesis_and_invariants;

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
	rampart_primitives::docs::assert_calls_documented::<Call<Test>>();
}

/// The pallet ships measured default weights for runtimes that have not benchmarked yet, with
/// storage priced by the runtime's own database weights.
#[test]
fn default_weights_are_measured_and_priced_by_the_runtime() {
	use crate::weights::{SubstrateWeight, WeightInfo};
	let weight = SubstrateWeight::<Test>::register_network();
	assert!(weight.ref_time() > 0 && weight.proof_size() > 0, "{weight:?}");
	assert!(weight.all_gte(<() as WeightInfo>::register_network()));
}
