// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Unit tests over doubles of the registry, vaults and delegation: the slashable-stake formula
//! with the worked example of PROTOCOL 2.9, instant slashes, the veto lifecycle, resolver
//! changes, request pruning, and every error. Every test ends with `do_try_state`.

use crate::{mock::*, Error, Event, RequestStatus, Requests};
use frame_support::{assert_noop, assert_ok};
use rampart_primitives::{SlasherKind, Subnetwork, VaultId};
use sp_runtime::DispatchError;

const D: u64 = 10;
const VETO: u64 = 3;

fn origin(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn events() -> Vec<Event<Test>> {
	let events = System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Slashing(e) => Some(e),
			_ => None,
		})
		.collect();
	System::reset_events();
	events
}

fn sn() -> Subnetwork<AccountId> {
	Subnetwork::main(NETWORK)
}

fn veto_kind() -> SlasherKind<u64> {
	SlasherKind::Veto { veto_duration: VETO, resolver_set_epochs_delay: 3 }
}

/// An instant vault (epoch `D`, pool 10 000) and `OPERATOR` guaranteed 400 from block 1.
fn instant() -> VaultId {
	register_network(NETWORK, MIDDLEWARE);
	register_network(NETWORK_2, MIDDLEWARE_2);
	let v = add_vault(SlasherKind::Instant, D, 10_000);
	set_stake(v, sn(), OPERATOR, 400);
	v
}

fn veto() -> VaultId {
	register_network(NETWORK, MIDDLEWARE);
	let v = add_vault(veto_kind(), D, 10_000);
	set_stake(v, sn(), OPERATOR, 400);
	v
}

fn slash(v: VaultId, amount: u128, capture: u64) -> sp_runtime::DispatchResult {
	Slashing::slash(origin(MIDDLEWARE), v, sn(), OPERATOR, amount, capture)
		.map(|_| ())
		.map_err(|e| e.error)
}

fn slashable(v: VaultId, capture: u64) -> u128 {
	Slashing::slashable(v, &sn(), &OPERATOR, capture).expect("computes")
}

fn request(v: VaultId, amount: u128, capture: u64) -> u64 {
	let id = crate::NextRequestId::<Test>::get();
	assert_ok!(Slashing::request_slash(origin(MIDDLEWARE), v, sn(), OPERATOR, amount, capture));
	id
}

mod instant;

mod veto;

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
	let weight = SubstrateWeight::<Test>::veto_slash();
	assert!(weight.ref_time() > 0 && weight.proof_size() > 0, "{weight:?}");
	assert!(weight.all_gte(<() as WeightInfo>::veto_slash()));
}

/// The on-chain middleware slashes through the same checks: an instant vault slashes at once, a
/// veto vault records a request, a vault without slasher and a caller that is not the middleware
/// are refused.
#[test]
fn a_network_slash_goes_through_the_vaults_own_slasher() {
	use rampart_primitives::traits::{NetworkSlasher, SlashOutcome};
	build_and_execute(|| {
		let (i, v) = (instant(), veto());
		let none = add_vault(SlasherKind::None, D, 10_000);
		run_to_block(3);
		let slash = |by, vault, amount| {
			<Slashing as NetworkSlasher<_, _>>::slash(&by, vault, &sn(), &OPERATOR, amount, 2)
		};
		assert_eq!(
			slash(MIDDLEWARE, i, 500),
			Ok(SlashOutcome::Executed { slashed: 400, moved: 400 })
		);
		assert_eq!(slash(MIDDLEWARE, v, 100), Ok(SlashOutcome::Requested { id: 0, amount: 100 }));
		assert_eq!(slash(MIDDLEWARE, none, 100), Err(Error::<Test>::WrongSlasherKind.into()));
		assert_eq!(slash(NETWORK, i, 100), Err(Error::<Test>::NotNetworkMiddleware.into()));
		assert_eq!(slash(MIDDLEWARE, 99, 100), Err(Error::<Test>::UnknownVault.into()));
		assert!(<Slashing as NetworkSlasher<_, _>>::slash_weight().all_gte(
			Slashing::request_weight(<Test as crate::Config>::MaxCumulativeSlashDepth::get())
		));
	});
}
