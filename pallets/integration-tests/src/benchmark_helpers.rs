// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The benchmark helpers the reference runtime uses (`benchmarking/helpers`), run here against
//! the real pallets: each sets up what its pallet's benchmarks assume. The benchmarks themselves
//! run on the reference runtime (`node/tests/benchmarks.rs`).

use crate::mock::*;
use frame_support::{assert_ok, traits::fungibles::Inspect};
use rampart_benchmark_helpers::{COLLATERAL_ASSET, REWARD_ASSET};
use rampart_primitives::{
	traits::{NetworkRegistry, OperatorRegistry, OptIns, StakeProvider, VaultsInspect},
	DelegatorKind, OptInTarget, Role, SlasherKind, Subnetwork,
};
use sp_runtime::traits::Verify;

type Helpers = BenchmarkHelpers;
use pallet_rampart_delegation::BenchmarkHelper as DelegationHelper;

/// Runs `test` on a fresh chain with a keystore (the registry helper signs with it), then
/// checks every pallet's invariants.
fn with_keystore(test: impl FnOnce()) {
	let mut ext = new_test_ext();
	ext.register_extension(sp_keystore::KeystoreExt::new(
		sp_keystore::testing::MemoryKeystore::new(),
	));
	ext.execute_with(|| {
		test();
		check_invariants();
	});
}

fn account(name: &'static str) -> AccountId {
	frame_benchmarking::account(name, 0, 0)
}

#[test]
fn the_registry_helper_signs_what_the_registry_verifies() {
	with_keystore(|| {
		use pallet_rampart_registry::BenchmarkHelper;
		let signer = <Helpers as BenchmarkHelper<_, _>>::signer();
		let signature = <Helpers as BenchmarkHelper<_, _>>::sign(&signer, b"opt in");
		assert!(signature.verify(&b"opt in"[..], &signer));
		assert!(!signature.verify(&b"opt out"[..], &signer));
	});
}

#[test]
fn the_vaults_helper_registers_accounts_and_creates_the_collateral_once() {
	with_keystore(|| {
		use pallet_rampart_vaults::BenchmarkHelper;
		let (operator, network) = (account("operator"), account("network"));
		<Helpers as BenchmarkHelper<_, _>>::register(&operator, &network);
		assert!(Registry::is_operator(&operator) && Registry::is_network(&network));
		let collateral = <Helpers as BenchmarkHelper<_, _>>::collateral();
		assert_eq!(collateral, AssetKind::WithId(COLLATERAL_ASSET));
		assert!(Assets::asset_exists(COLLATERAL_ASSET));
		assert_eq!(<Helpers as BenchmarkHelper<_, _>>::collateral(), collateral);
	});
}

#[test]
fn the_delegation_helper_builds_real_vaults_histories_and_opt_ins() {
	with_keystore(|| {
		let (curator, network, operator) = (account("curator"), account("network"), account("op"));
		<Helpers as pallet_rampart_vaults::BenchmarkHelper<_, _>>::register(&operator, &network);
		for kind in [
			DelegatorKind::NetworkRestake,
			DelegatorKind::FullRestake,
			DelegatorKind::OperatorSpecific { operator: operator.clone() },
			DelegatorKind::OperatorNetworkSpecific {
				operator: operator.clone(),
				network: network.clone(),
			},
		] {
			let vault = <Helpers as DelegationHelper<_>>::vault(kind.clone(), &curator, 5 * UNIT);
			let view = Vaults::vault(vault).expect("the helper created it");
			assert_eq!(view.delegator, kind);
			assert_eq!(Vaults::active_stake(vault), 5 * UNIT);
			for role in view.delegator.limit_roles() {
				assert!(Vaults::has_role(vault, *role, &curator), "{role:?}");
			}
		}
		let vault =
			<Helpers as DelegationHelper<_>>::vault(DelegatorKind::NetworkRestake, &curator, UNIT);
		let start = System::block_number();
		<Helpers as DelegationHelper<_>>::stake_history(vault, 3);
		assert_eq!(System::block_number(), start + 2);
		// Written directly: alternating between the pool and one unit more, ending at the pool.
		for (i, at) in (start..=start + 2).enumerate() {
			assert_eq!(Vaults::active_stake_at(vault, at), Ok(UNIT + (i as u128 % 2)));
		}
		assert_eq!(Vaults::active_stake(vault), UNIT);
		<Helpers as DelegationHelper<_>>::opt_in(&operator, &network, vault);
		for target in [OptInTarget::Network(network.clone()), OptInTarget::Vault(vault)] {
			assert!(Registry::is_opted_in(&operator, &target));
		}
	});
}

#[test]
fn the_slashing_helper_leaves_a_stake_the_middleware_can_slash() {
	with_keystore(|| {
		use pallet_rampart_slashing::BenchmarkHelper;
		let veto = SlasherKind::Veto { veto_duration: 2, resolver_set_epochs_delay: 3 };
		for (i, slasher) in [SlasherKind::Instant, veto].into_iter().enumerate() {
			// Each benchmark sets up one world: here two, by distinct accounts.
			let [network, middleware, operator] = ["network", "middleware", "operator"]
				.map(|name| frame_benchmarking::account(name, i as u32, 0));
			let vault = <Helpers as BenchmarkHelper<_, _>>::setup(
				slasher.clone(),
				EPOCH,
				&network,
				&middleware,
				&operator,
			);
			assert_eq!(Registry::middleware_of(&network), Some(middleware.clone()));
			assert_eq!(Vaults::vault(vault).expect("created").slasher, slasher);
			let subnetwork = Subnetwork::main(network.clone());
			let stake = Delegation::stake(vault, &subnetwork, &operator);
			assert_eq!(stake, 1_000 * UNIT);
			if slasher == SlasherKind::Instant {
				let capture = System::block_number();
				run_to_block(capture + 1);
				assert_ok!(Slashing::slash(
					RuntimeOrigin::signed(middleware.clone()),
					vault,
					subnetwork,
					operator,
					stake,
					capture
				));
				assert_eq!(Vaults::active_stake(vault), 0);
			}
		}
	});
}

#[test]
fn the_rewards_helper_funds_builds_share_history_and_gives_operators_stake() {
	with_keystore(|| {
		use pallet_rampart_rewards::BenchmarkHelper;
		let asset = <Helpers as BenchmarkHelper<_, _>>::asset();
		assert_eq!(asset, AssetKind::WithId(REWARD_ASSET));
		let (admin, staker, operator) = (account("admin"), account("staker"), account("op"));
		let (network, middleware) = (account("network"), account("middleware"));
		<Helpers as BenchmarkHelper<_, _>>::fund(&asset, &middleware);
		assert!(NativeAndAssets::balance(asset, &middleware) > 0);
		<Helpers as BenchmarkHelper<_, _>>::register_network(&network, &middleware);
		let start = System::block_number();
		let vault = <Helpers as BenchmarkHelper<_, _>>::vault_with_history(&admin, &staker, 4);
		assert_eq!(System::block_number(), start + 4);
		for (i, at) in (start..start + 4).enumerate() {
			let shares = Vaults::active_shares_of_at(vault, &staker, at).expect("in the window");
			assert!(
				shares > 0
					&& (i == 0
						|| shares > Vaults::active_shares_of_at(vault, &staker, at - 1).unwrap())
			);
		}
		for role in [Role::AdminFeeSetter, Role::AdminFeeClaimer] {
			assert!(Vaults::has_role(vault, role, &admin));
		}
		let subnetwork = Subnetwork::main(network.clone());
		<Helpers as BenchmarkHelper<_, _>>::give_stake(&admin, vault, &subnetwork, &operator);
		assert!(Delegation::stake(vault, &subnetwork, &operator) > 0);
		// A second operator of the same vault and network: the limits are already set.
		let second = frame_benchmarking::account("op", 1, 0);
		<Helpers as BenchmarkHelper<_, _>>::give_stake(&admin, vault, &subnetwork, &second);
		assert!(Delegation::stake(vault, &subnetwork, &second) > 0);
	});
}

#[test]
fn the_middleware_helper_builds_vaults_in_which_operators_have_power() {
	with_keystore(|| {
		use pallet_rampart_middleware::BenchmarkHelper;
		let network = account("network");
		let middleware = Middleware::account_of(network.clone());
		<Helpers as BenchmarkHelper<_, _>>::network(&network, &middleware);
		assert_eq!(Registry::middleware_of(&network), Some(middleware));
		let operators: Vec<AccountId> =
			(0..2).map(|i| frame_benchmarking::account("operator", i, 0)).collect();
		for operator in &operators {
			<Helpers as BenchmarkHelper<_, _>>::operator(operator, &network);
			assert!(Registry::is_opted_in(operator, &OptInTarget::Network(network.clone())));
		}
		let (native, native_asset) =
			<Helpers as BenchmarkHelper<_, _>>::vault(0, &network, &operators);
		let (usd, usd_asset) = <Helpers as BenchmarkHelper<_, _>>::vault(1, &network, &operators);
		assert_eq!(
			(native_asset, usd_asset),
			(AssetKind::Native, AssetKind::WithId(COLLATERAL_ASSET))
		);
		let subnetwork = Subnetwork::main(network.clone());
		for vault in [native, usd] {
			assert_eq!(Vaults::active_stake(vault), 1_000 * UNIT);
			for operator in &operators {
				assert_eq!(Delegation::stake(vault, &subnetwork, operator), 500 * UNIT);
			}
		}
	});
}
