// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The template's smoke test: its genesis builds, its pallets pass their integrity tests, and a
//! restaking cycle (register, create a vault, allocate, deposit, slash) runs on it.

use super::*;
use frame_support::{assert_ok, traits::IntegrityTest};
use rampart_primitives::{OptInTarget, Role, Subnetwork};
use sp_keyring::Sr25519Keyring;
use sp_runtime::BuildStorage;

fn new_ext() -> sp_io::TestExternalities {
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).expect("serializes");
	let patch = genesis::development();
	for (pallet, value) in patch.as_object().expect("a preset is an object") {
		config[pallet.as_str()] = value.clone();
	}
	let config: RuntimeGenesisConfig = serde_json::from_value(config).expect("a valid config");
	let mut ext = sp_io::TestExternalities::new(config.build_storage().expect("genesis builds"));
	ext.execute_with(|| System::set_block_number(1));
	ext
}

fn signed(who: Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.to_account_id())
}

#[test]
fn the_development_preset_builds_and_the_pallets_are_consistent() {
	new_ext().execute_with(|| {
		AllPalletsWithSystem::integrity_test();
		assert_eq!(Balances::free_balance(Sr25519Keyring::Bob.to_account_id()), 1_000_000 * UNIT);
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 1);
	});
	assert!(genesis::get_preset(&sp_genesis_builder::DEV_RUNTIME_PRESET.into()).is_some());
}

#[test]
fn a_restaking_cycle_runs_on_the_template() {
	use Sr25519Keyring::Eve as Operator;
	use Sr25519Keyring::{Alice as Curator, Bob as Staker, Charlie as Network, Dave as Middleware};
	new_ext().execute_with(|| {
		let network = Network.to_account_id();
		let operator = Operator.to_account_id();
		let subnetwork = Subnetwork { network: network.clone(), id: 0 };

		assert_ok!(Registry::register_network(signed(Network)));
		assert_ok!(Registry::set_middleware(signed(Network), Some(Middleware.to_account_id())));
		assert_ok!(Registry::register_operator(signed(Operator)));
		assert_ok!(Vaults::create_vault(
			signed(Curator),
			pallet_rampart_vaults::VaultConfig {
				collateral: AssetKind::Native,
				epoch_duration: 100,
				delegator: pallet_rampart_vaults::DelegatorKind::NetworkRestake,
				slasher: pallet_rampart_vaults::SlasherKind::Instant,
				burner: pallet_rampart_vaults::Burner::Burn,
				deposit_whitelist: false,
				is_deposit_limit: false,
				deposit_limit: 0,
				roles: frame_support::BoundedVec::truncate_from(vec![
					(Role::Admin, Curator.to_account_id()),
					(Role::NetworkLimitSetter, Curator.to_account_id()),
					(Role::OperatorNetworkSharesSetter, Curator.to_account_id()),
				]),
			}
		));
		let vault = 0;
		assert_ok!(Registry::opt_in(signed(Operator), OptInTarget::Network(network.clone())));
		assert_ok!(Registry::opt_in(signed(Operator), OptInTarget::Vault(vault)));
		assert_ok!(Delegation::set_max_network_limit(signed(Network), vault, 0, 1_000 * UNIT));
		assert_ok!(Delegation::set_network_limit(
			signed(Curator),
			vault,
			subnetwork.clone(),
			1_000 * UNIT
		));
		assert_ok!(Delegation::set_operator_network_shares(
			signed(Curator),
			vault,
			subnetwork.clone(),
			operator.clone(),
			1
		));
		assert_ok!(Vaults::deposit(signed(Staker), vault, Staker.to_account_id(), 500 * UNIT));
		assert_eq!(
			Delegation::operator_stake(vault, subnetwork.clone(), operator.clone()),
			Ok(500 * UNIT)
		);

		// The middleware slashes 100 of the stake captured at block 1.
		System::set_block_number(2);
		assert_ok!(Slashing::slash(
			signed(Middleware),
			vault,
			subnetwork.clone(),
			operator.clone(),
			100 * UNIT,
			1
		));
		assert_eq!(Vaults::active_stake(vault), 400 * UNIT);
		assert_eq!(Delegation::operator_stake(vault, subnetwork, operator), Ok(400 * UNIT));
	});
}
