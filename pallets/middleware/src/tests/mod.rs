// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Unit tests on the shared doubles: accepted vaults, valuations and feeds, admission and
//! commissions, power, the operator set and its cap. Every test ends with `do_try_state`.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, BoundedVec};
use rampart_primitives::{Subnetwork, VaultId};
use sp_runtime::{traits::Saturating, FixedPointNumber, Perbill};

fn origin(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn events() -> Vec<Event<Test>> {
	let events = System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Middleware(e) => Some(e),
			_ => None,
		})
		.collect();
	System::reset_events();
	events
}

fn price(n: u128) -> Price {
	Price::saturating_from_integer(n)
}

/// A valuation set by the network: `haircut`, never stale, any step.
fn network_priced(haircut: Perbill) -> ValuationConfigOf<Test> {
	ValuationConfig {
		haircut,
		source: PriceSource::Network,
		staleness: None,
		on_stale: StalePolicy::Zero,
		max_step: None,
	}
}

/// A valuation from `feeders` with a quorum, fresh for `staleness` blocks.
fn fed(feeders: &[AccountId], quorum: u32, staleness: u64) -> ValuationConfigOf<Test> {
	ValuationConfig {
		haircut: Perbill::zero(),
		source: PriceSource::Feeders {
			feeders: BoundedVec::truncate_from(feeders.to_vec()),
			quorum,
		},
		staleness: Some(staleness),
		on_stale: StalePolicy::Zero,
		max_step: None,
	}
}

/// `NETWORK` values `asset` at `p` (no haircut) and accepts `vault`.
fn accept_priced(vault: VaultId, asset: AssetKind, p: u128) {
	assert_ok!(Middleware::set_valuation(
		origin(NETWORK),
		subnetwork(),
		asset,
		network_priced(Perbill::zero())
	));
	assert_ok!(Middleware::set_price(origin(NETWORK), subnetwork(), asset, price(p)));
	assert_ok!(Middleware::accept_vault(origin(NETWORK), subnetwork(), vault));
}

/// `operator` joins `NETWORK`'s main subnetwork (opted in first).
fn join(operator: AccountId) {
	opt_in(operator);
	assert_ok!(Middleware::join(origin(operator), subnetwork()));
}

fn power(operator: AccountId, at: u64) -> u128 {
	Middleware::operator_power(&subnetwork(), &operator, at)
		.expect("inside the window")
		.0
}

mod genesis;
mod operators;
mod power;
mod rewards;
mod slashing;
mod valuations;
mod vaults;

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

/// Power is read where stake is: a retention shorter than the vaults' histories is refused when
/// the runtime is built.
#[test]
#[should_panic(expected = "HistoryRetention must cover the vaults' histories")]
fn a_retention_shorter_than_the_vault_histories_is_refused() {
	use frame_support::traits::Hooks;
	HistoryWindow::set(RETENTION - 1);
	<Middleware as Hooks<u64>>::integrity_test();
}

/// The pallet ships measured default weights for runtimes that have not benchmarked yet, with
/// storage priced by the runtime's own database weights.
#[test]
fn default_weights_are_measured_and_priced_by_the_runtime() {
	use crate::weights::{SubstrateWeight, WeightInfo};
	let weight = SubstrateWeight::<Test>::distribute_rewards(MAX_OPERATORS, MAX_VAULTS);
	assert!(weight.ref_time() > 0 && weight.proof_size() > 0, "{weight:?}");
	assert!(weight.all_gte(<() as WeightInfo>::distribute_rewards(MAX_OPERATORS, MAX_VAULTS)));
}
