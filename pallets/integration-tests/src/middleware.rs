// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The middleware over the real pallets: a network that handed its registry middleware role to
//! the middleware pallet values two collaterals, reads power, caps a dominant operator, slashes
//! in power through an instant and a veto vault, and pays rewards in power.
//!
//! The world: network A delegated to the middleware; operators X and Y opted in and joined; a
//! native vault (instant) and a USD vault (veto), 1 000 staked in each at block 1. Native is worth
//! 2, USD 1 with a 10 % haircut (a median of three feeders, fresh for 5 blocks). X has 500 native
//! and 750 USD of stake, Y 500 and 250:
//!
//! ```text
//! power(X) = 500·2 + 0.9·750 = 1 000 + 675 = 1 675      power(Y) = 1 000 + 225 = 1 225
//! ```

use crate::{mock::*, restaking::*};
use frame_support::{assert_noop, assert_ok, traits::fungibles::Inspect, BoundedVec};
use pallet_rampart_middleware::{
	Event as MiddlewareEvent, OperatorSetPolicy, PriceSource, StalePolicy, ValuationConfig,
};
use pallet_rampart_vaults::{Burner, VaultConfig};
use rampart_primitives::{
	traits::SlashOutcome, DelegatorKind, OptInTarget, Role, SlasherKind, VaultId,
};
use sp_runtime::{FixedPointNumber, FixedU128, Perbill};

const FEEDERS: [u8; 3] = [15, 16, 17];

fn price(n: u128) -> FixedU128 {
	FixedU128::saturating_from_integer(n)
}

/// A vault of `collateral` with `slasher`, 1 000 staked by [`STAKER`], X and Y opted in.
fn vault(collateral: AssetKind, slasher: SlasherKind<u64>) -> VaultId {
	let config = VaultConfig {
		collateral,
		epoch_duration: EPOCH,
		delegator: DelegatorKind::NetworkRestake,
		slasher,
		burner: Burner::Burn,
		deposit_whitelist: false,
		is_deposit_limit: false,
		deposit_limit: 0,
		roles: BoundedVec::truncate_from(vec![
			(Role::Admin, acc(CURATOR)),
			(Role::NetworkLimitSetter, acc(CURATOR)),
			(Role::OperatorNetworkSharesSetter, acc(CURATOR)),
		]),
	};
	let vault = pallet_rampart_vaults::NextVaultId::<Runtime>::get();
	assert_ok!(Vaults::create_vault(signed(CURATOR), config));
	assert_ok!(Vaults::deposit(signed(STAKER), vault, acc(STAKER), 1_000));
	for op in [OPERATOR_X, OPERATOR_Y] {
		assert_ok!(Registry::opt_in(signed(op), OptInTarget::Vault(vault)));
	}
	allocate(vault, NETWORK_A, 10_000, 10_000);
	vault
}

/// The world of the module docs, at block 3. Returns (native vault, USD vault).
fn world() -> (VaultId, VaultId) {
	let network = acc(NETWORK_A);
	assert_ok!(Registry::register_network(signed(NETWORK_A)));
	assert_ok!(Registry::set_middleware(
		signed(NETWORK_A),
		Some(Middleware::account_of(network.clone()))
	));
	for op in [OPERATOR_X, OPERATOR_Y] {
		assert_ok!(Registry::register_operator(signed(op)));
		assert_ok!(Registry::opt_in(signed(op), OptInTarget::Network(network.clone())));
	}
	let native = vault(AssetKind::Native, SlasherKind::Instant);
	let usd = vault(
		AssetKind::WithId(USD),
		SlasherKind::Veto { veto_duration: 2, resolver_set_epochs_delay: 3 },
	);
	shares(native, NETWORK_A, OPERATOR_X, 1);
	shares(native, NETWORK_A, OPERATOR_Y, 1);
	shares(usd, NETWORK_A, OPERATOR_X, 3);
	shares(usd, NETWORK_A, OPERATOR_Y, 1);

	let sub = || main(NETWORK_A);
	let by_network = ValuationConfig {
		haircut: Perbill::zero(),
		source: PriceSource::Network,
		staleness: None,
		on_stale: StalePolicy::Zero,
		max_step: None,
	};
	assert_ok!(Middleware::set_valuation(signed(NETWORK_A), sub(), AssetKind::Native, by_network));
	assert_ok!(Middleware::set_price(signed(NETWORK_A), sub(), AssetKind::Native, price(2)));
	let fed = ValuationConfig {
		haircut: Perbill::from_percent(10),
		source: PriceSource::Feeders {
			feeders: BoundedVec::truncate_from(FEEDERS.map(acc).to_vec()),
			quorum: 2,
		},
		staleness: Some(5),
		on_stale: StalePolicy::Zero,
		max_step: None,
	};
	assert_ok!(Middleware::set_valuation(signed(NETWORK_A), sub(), AssetKind::WithId(USD), fed));
	for (feeder, p) in FEEDERS.iter().zip([1, 1, 3]) {
		assert_ok!(Middleware::post_price(
			signed(*feeder),
			sub(),
			AssetKind::WithId(USD),
			price(p)
		));
	}
	for v in [native, usd] {
		assert_ok!(Middleware::accept_vault(signed(NETWORK_A), sub(), v));
	}
	for op in [OPERATOR_X, OPERATOR_Y] {
		assert_ok!(Middleware::join(signed(op), sub()));
	}
	run_to_block(3);
	(native, usd)
}

fn power(op: u8, at: u64) -> u128 {
	Middleware::operator_power(&main(NETWORK_A), &acc(op), at)
		.expect("in the window")
		.0
}

#[test]
fn power_sums_two_collaterals_and_a_cap_cuts_the_dominant_operator() {
	build_and_execute(|| {
		world();
		assert_eq!((power(OPERATOR_X, 2), power(OPERATOR_Y, 2)), (1_675, 1_225));
		// 55 %: T = 0.55 · 1 225 / 0.45 = 1 497.2 → 1 497; X holds 1 497 of 2 722, 178 cut.
		let policy =
			OperatorSetPolicy { max_operators: 8, min_power: 0, cap: Perbill::from_percent(55) };
		assert_ok!(Middleware::set_operator_set_policy(signed(NETWORK_A), main(NETWORK_A), policy));
		run_to_block(4);
		let set = Middleware::operator_set(&main(NETWORK_A), 3).unwrap();
		let capped: Vec<_> =
			set.operators.iter().map(|o| (o.operator.clone(), o.power, o.capped)).collect();
		assert_eq!(capped, vec![(acc(OPERATOR_X), 1_675, 1_497), (acc(OPERATOR_Y), 1_225, 1_225)]);
		assert_eq!((set.total, set.cut), (2_722, 178));
	});
}

/// 580 power of X at capture 2: native ⌊580·1 000/1 675⌋ = 346 → 173 native (instant);
/// USD ⌊580·675/1 675⌋ = 233 → ⌊233/0.9⌋ = 258 USD (a veto request). 346 + 232 = 578 sent.
/// The native price doubles after the capture: the slash does not change.
#[test]
fn a_power_slash_is_split_across_an_instant_and_a_veto_vault() {
	build_and_execute(|| {
		let (native, usd) = world();
		assert_ok!(Middleware::set_price(
			signed(NETWORK_A),
			main(NETWORK_A),
			AssetKind::Native,
			price(4)
		));
		System::reset_events();
		let request = pallet_rampart_slashing::NextRequestId::<Runtime>::get();
		assert_ok!(Middleware::slash(signed(NETWORK_A), main(NETWORK_A), acc(OPERATOR_X), 580, 2));
		let events: Vec<_> = System::events()
			.into_iter()
			.filter_map(|r| match r.event {
				RuntimeEvent::Middleware(e) => Some(e),
				_ => None,
			})
			.collect();
		let slashed = |vault, power, amount, outcome| MiddlewareEvent::<Runtime>::VaultSlashed {
			subnetwork: main(NETWORK_A),
			operator: acc(OPERATOR_X),
			vault,
			power,
			amount,
			outcome,
		};
		assert_eq!(
			events,
			vec![
				slashed(native, 346, 173, SlashOutcome::Executed { slashed: 173, moved: 173 }),
				slashed(usd, 232, 258, SlashOutcome::Requested { id: request, amount: 258 }),
				MiddlewareEvent::PowerSlashed {
					subnetwork: main(NETWORK_A),
					operator: acc(OPERATOR_X),
					capture: 2,
					requested: 580,
					sent: 578
				},
			]
		);
		assert_eq!(Vaults::active_stake(native), 1_000 - 173);
		let pending = pallet_rampart_slashing::Requests::<Runtime>::get(request).unwrap();
		assert_eq!((pending.vault, pending.amount), (usd, 258));
		// Only the network slashes, and only through a delegated middleware.
		assert_noop!(
			Middleware::slash(signed(OPERATOR_Y), main(NETWORK_A), acc(OPERATOR_X), 1, 2),
			pallet_rampart_middleware::Error::<Runtime>::NotNetwork
		);
		assert_ok!(Registry::set_middleware(signed(NETWORK_A), Some(acc(MIDDLEWARE_A))));
		assert_noop!(
			Middleware::slash(signed(NETWORK_A), main(NETWORK_A), acc(OPERATOR_X), 1, 2),
			pallet_rampart_middleware::Error::<Runtime>::NotDelegated
		);
	});
}

/// The feeders posted at block 1, fresh for 5 blocks: from block 7 USD gives no power.
#[test]
fn a_stale_feed_zeroes_that_collaterals_power() {
	build_and_execute(|| {
		world();
		run_to_block(8);
		assert_eq!((power(OPERATOR_X, 6), power(OPERATOR_X, 7)), (1_675, 1_000));
		// Two fresh posts make a quorum again.
		for feeder in &FEEDERS[..2] {
			assert_ok!(Middleware::post_price(
				signed(*feeder),
				main(NETWORK_A),
				AssetKind::WithId(USD),
				price(2)
			));
		}
		run_to_block(9);
		assert_eq!(power(OPERATOR_X, 8), 1_000 + 1_350);
	});
}

/// 2 900 native for 2 900 power at snapshot 2, X's commission 10 % from block 2: X 1 675 (167
/// commission, 1 508 → 900 native + 607 USD stakers), Y 1 225 (1 000 native + 225 USD). The
/// staker, alone in both vaults, claims 1 900 and 832; X claims 167; 1 of dust stays with A.
#[test]
fn rewards_in_power_reach_the_operator_and_the_stakers_behind_it() {
	build_and_execute(|| {
		let (native, usd) = world();
		let network = acc(NETWORK_A);
		let balance = |who: &AccountId| NativeAndAssets::balance(AssetKind::Native, who);
		// Set at 3: from 4; the snapshot must be after it.
		assert_ok!(Middleware::set_commission(
			signed(OPERATOR_X),
			main(NETWORK_A),
			Perbill::from_percent(10)
		));
		run_to_block(6);
		let before = balance(&network);
		assert_ok!(Middleware::distribute_rewards(
			signed(NETWORK_A),
			main(NETWORK_A),
			AssetKind::Native,
			2_900,
			5,
			0
		));
		// The network paid what was distributed, the pot's minimum the first time, no dust.
		assert_eq!(before - balance(&network), 2_899 + 1);
		let staker = acc(STAKER);
		for (vault, expected) in [(native, 1_900), (usd, 832)] {
			let before = balance(&staker);
			assert_ok!(Rewards::claim_staker_rewards(
				signed(STAKER),
				vault,
				network.clone(),
				AssetKind::Native,
				staker.clone(),
				4
			));
			assert_eq!(balance(&staker) - before, expected);
		}
		let before = balance(&acc(OPERATOR_X));
		assert_ok!(Rewards::claim_operator_rewards(
			signed(OPERATOR_X),
			network.clone(),
			AssetKind::Native,
			acc(OPERATOR_X)
		));
		assert_eq!(balance(&acc(OPERATOR_X)) - before, 167);
	});
}
