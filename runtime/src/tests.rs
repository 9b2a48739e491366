// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Runtime-level unit tests: genesis presets, integrity, the native+assets union, sessions,
//! metadata, and the restaking pallets wired together.

use super::*;
use crate::{
	configs::{consensus::SessionPeriod, NativeAndAssets},
	genesis_config_presets::{
		CHAIN_USD_DEPOSIT, ENDOWMENT, SAMPLE_ASSET_ENDOWMENT, SAMPLE_ASSET_ID,
		SAMPLE_ASSET_MIN_BALANCE, SAMPLE_MIDDLEWARE, SAMPLE_NETWORK, SAMPLE_VAULT_DEPOSIT,
		SAMPLE_VAULT_EPOCH,
	},
};
use frame_support::{
	assert_noop, assert_ok,
	traits::{
		fungibles::{Inspect, Mutate},
		tokens::{Fortitude, Preservation},
		Get, IntegrityTest, OnInitialize,
	},
};
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{DispatchError, TokenError};

/// Storage built from a named preset, exactly as the node builds it (JSON patch over defaults).
fn ext_from_preset(name: &str) -> sp_io::TestExternalities {
	let patch =
		genesis_config_presets::get_preset(&PresetId::from(name)).expect("the preset exists; qed");
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default())
		.expect("the default genesis config serializes");
	let patch: serde_json::Value = serde_json::from_slice(&patch).expect("the preset is JSON");
	merge(&mut config, patch);
	let config: RuntimeGenesisConfig =
		serde_json::from_value(config).expect("the merged preset is a valid genesis config");
	let storage = config.build_storage().expect("the preset builds");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Recursive JSON merge of `patch` into `base`, as `sc-chain-spec` applies presets.
fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
			for (k, v) in patch {
				merge(base.entry(k).or_insert(serde_json::Value::Null), v);
			}
		},
		(base, patch) => *base = patch,
	}
}

fn alice() -> AccountId {
	Sr25519Keyring::Alice.to_account_id()
}
fn bob() -> AccountId {
	Sr25519Keyring::Bob.to_account_id()
}

#[test]
fn preset_names_are_development_and_local_testnet() {
	let names = genesis_config_presets::preset_names();
	assert_eq!(
		names,
		vec![PresetId::from(DEV_RUNTIME_PRESET), PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET)]
	);
	assert!(genesis_config_presets::get_preset(&PresetId::from("no-such-chain")).is_none());
}

#[test]
fn development_preset_has_one_validator_and_sample_state() {
	ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 1);
		assert_eq!(Grandpa::grandpa_authorities().len(), 1);
		assert_eq!(Session::validators(), vec![alice()]);
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(alice()));
		// Alice's registration and vault deposits are on hold, not gone; the keep-alive reserves
		// of her three vaults (the native ED each, and the asset's minimum for the two over
		// rUSD) came from her.
		assert_eq!(
			<Balances as frame_support::traits::fungible::Inspect<_>>::total_balance(&alice()),
			ENDOWMENT - 3 * EXISTENTIAL_DEPOSIT
		);
		assert_eq!(
			Assets::balance(SAMPLE_ASSET_ID, alice()),
			SAMPLE_ASSET_ENDOWMENT - 2 * SAMPLE_ASSET_MIN_BALANCE
		);
		assert_eq!(
			Assets::balance(SAMPLE_ASSET_ID, bob()),
			SAMPLE_ASSET_ENDOWMENT - SAMPLE_VAULT_DEPOSIT - CHAIN_USD_DEPOSIT
		);
		assert_eq!(pallet_assets::NextAssetId::<Runtime>::get(), Some(SAMPLE_ASSET_ID + 1));
	});
}

#[test]
fn local_testnet_preset_has_alice_and_bob_as_validators() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 2);
		assert_eq!(Grandpa::grandpa_authorities().len(), 2);
		assert_eq!(Session::validators(), vec![alice(), bob()]);
	});
}

#[test]
fn default_genesis_config_builds() {
	// The empty preset (`None`) is the default config: it must build too (chain-spec-builder).
	assert!(RuntimeGenesisConfig::default().build_storage().is_ok());
}

/// Every pallet's integrity test, the window relations of the restaking pallets among them
/// (opt-in retention, claim window and cumulative-slash depth against the vaults' histories).
#[test]
fn integrity_tests_pass() {
	ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
		AllPalletsWithSystem::integrity_test();
	});
}

#[test]
fn native_and_assets_union_reads_and_moves_both_kinds() {
	ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
		let native = AssetKind::Native;
		let rusd = AssetKind::WithId(SAMPLE_ASSET_ID);

		let alice_rusd = SAMPLE_ASSET_ENDOWMENT - 2 * SAMPLE_ASSET_MIN_BALANCE;
		assert_eq!(
			NativeAndAssets::total_balance(native.clone(), &alice()),
			ENDOWMENT - 3 * EXISTENTIAL_DEPOSIT
		);
		assert_eq!(NativeAndAssets::balance(rusd.clone(), &alice()), alice_rusd);
		assert_eq!(NativeAndAssets::minimum_balance(native.clone()), EXISTENTIAL_DEPOSIT);
		assert_eq!(NativeAndAssets::minimum_balance(rusd.clone()), SAMPLE_ASSET_MIN_BALANCE);
		assert!(NativeAndAssets::asset_exists(native.clone()));
		assert!(NativeAndAssets::asset_exists(rusd.clone()));
		assert!(!NativeAndAssets::asset_exists(AssetKind::WithId(999)));

		let charlie = Sr25519Keyring::Charlie.to_account_id();
		let before = NativeAndAssets::balance(native.clone(), &charlie);
		assert_ok!(NativeAndAssets::transfer(
			native.clone(),
			&alice(),
			&charlie,
			5 * UNIT,
			Preservation::Preserve
		));
		assert_eq!(NativeAndAssets::balance(native, &charlie), before + 5 * UNIT);

		assert_ok!(NativeAndAssets::transfer(
			rusd.clone(),
			&alice(),
			&charlie,
			1_000_000,
			Preservation::Preserve
		));
		assert_eq!(NativeAndAssets::balance(rusd.clone(), &charlie), 1_000_000);
		assert_eq!(NativeAndAssets::balance(rusd.clone(), &alice()), alice_rusd - 1_000_000);

		// An asset that does not exist cannot be moved.
		assert_noop!(
			NativeAndAssets::transfer(
				AssetKind::WithId(999),
				&alice(),
				&charlie,
				1,
				Preservation::Preserve
			),
			DispatchError::Token(TokenError::UnknownAsset)
		);
		// `Preserve` keeps the sender alive: all of it cannot leave.
		let all = NativeAndAssets::reducible_balance(
			rusd.clone(),
			&charlie,
			Preservation::Expendable,
			Fortitude::Polite,
		);
		assert_eq!(all, 1_000_000);
		assert!(NativeAndAssets::transfer(rusd, &charlie, &alice(), all, Preservation::Preserve)
			.is_err());
	});
}

/// From session 2 the set is the chain subnetwork's operator set: Alice and Bob, with equal
/// power from the chain's vaults (ties go by account), elected over the blocks before each
/// rotation.
#[test]
fn sessions_rotate_to_the_set_elected_by_restaked_power() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		assert_eq!(Session::current_index(), 0);
		for n in 1..=(2 * SessionPeriod::get()) {
			System::set_block_number(n);
			Session::on_initialize(n);
			Validators::on_initialize(n);
		}
		assert_eq!(Session::current_index(), 2);
		assert_eq!(Session::validators(), vec![bob(), alice()]);
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 2);
		assert_eq!(pallet_rampart_validators::SessionCaptures::<Runtime>::get(2), Some(1));
		let power =
			|who| Middleware::operator_power(&Validators::subnetwork(), &who, 1).map(|(p, _)| p);
		// 50 000 RAMP and 50 000 rUSD each, at a million power per unit.
		assert_eq!(power(alice()), Ok(100_000 * 1_000_000));
		assert_eq!(power(bob()), Ok(100_000 * 1_000_000));
		Validators::do_try_state().expect("validators invariants hold");
	});
}

#[test]
fn hold_and_freeze_reasons_are_wired() {
	// Session keys take a deposit on hold: the hold reason must be part of the runtime's.
	let reason: RuntimeHoldReason = pallet_session::HoldReason::Keys.into();
	assert!(matches!(reason, RuntimeHoldReason::Session(_)));
	// One freeze slot per freeze reason the runtime declares.
	assert_eq!(
		<<Runtime as pallet_balances::Config>::MaxFreezes as Get<u32>>::get(),
		<RuntimeFreezeReason as frame_support::traits::VariantCount>::VARIANT_COUNT
	);
}

#[test]
fn metadata_is_served_at_the_versions_clients_use() {
	let versions = Runtime::metadata_versions();
	// polkadot.js and subxt read V14 and V15; newer subxt reads V16.
	assert!(versions.contains(&14));
	assert!(versions.contains(&15));
	let v15 = Runtime::metadata_at_version(15).expect("V15 metadata is served");
	assert!(v15.len() > 10_000);
}

#[test]
fn version_is_consistent() {
	assert_eq!(VERSION.spec_name, "rampart");
	assert_eq!(VERSION.apis, apis::RUNTIME_API_VERSIONS);
	let minimum_period: u64 = <Runtime as pallet_timestamp::Config>::MinimumPeriod::get();
	assert_eq!(SLOT_DURATION, 2 * minimum_period);
}

mod restaking {
	use super::*;
	use codec::Encode;
	use pallet_rampart_registry::{OptInAction, OptInHistories};
	use rampart_primitives::{
		traits::{NetworkRegistry, OperatorRegistry, OptIns},
		OptInTarget,
	};
	use sp_runtime::traits::Dispatchable;

	fn network() -> OptInTarget<AccountId> {
		OptInTarget::Network(SAMPLE_NETWORK.to_account_id())
	}

	#[test]
	fn presets_register_a_network_with_middleware_and_opt_their_validators_in() {
		for (preset, validators) in [
			(DEV_RUNTIME_PRESET, vec![alice()]),
			(LOCAL_TESTNET_RUNTIME_PRESET, vec![alice(), bob()]),
		] {
			ext_from_preset(preset).execute_with(|| {
				let charlie = SAMPLE_NETWORK.to_account_id();
				assert!(Registry::is_network(&charlie));
				assert_eq!(
					Registry::middleware_of(&charlie),
					Some(SAMPLE_MIDDLEWARE.to_account_id())
				);
				assert_eq!(
					pallet_rampart_registry::OperatorCount::<Runtime>::get(),
					validators.len() as u32
				);
				for v in &validators {
					assert!(Registry::is_operator(v));
					assert_eq!(Registry::is_opted_in_at(v, &network(), 0), Ok(true));
					assert_eq!(Registry::is_opted_in_at(v, &network(), 1), Ok(true));
				}
				Registry::do_try_state().expect("registry invariants hold at genesis");
			});
		}
	}

	#[test]
	fn an_operator_registers_and_opts_in_through_extrinsics_and_a_relayed_signature() {
		ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
			let eve = Sr25519Keyring::Eve;
			let who = eve.to_account_id();
			let free = Balances::free_balance(&who);
			assert_ok!(RuntimeCall::Registry(pallet_rampart_registry::Call::register_operator {})
				.dispatch(RuntimeOrigin::signed(who.clone())));
			// The deposit: 1 UNIT + 10 mUNIT per byte of the record (1 + 4 bytes).
			let deposit = UNIT + 5 * 10 * MILLI_UNIT;
			assert_eq!(Balances::free_balance(&who), free - deposit);

			// Eve signs an opt-in with her sr25519 key; Ferdie relays it.
			let deadline = 10;
			let message =
				Registry::opt_in_message(OptInAction::OptIn, &who, &network(), 0, deadline);
			let signature = Signature::Sr25519(eve.sign(&message.encode()));
			assert_ok!(Registry::opt_in_signed(
				RuntimeOrigin::signed(Sr25519Keyring::Ferdie.to_account_id()),
				who.clone(),
				network(),
				deadline,
				signature.clone(),
			));
			assert!(Registry::is_opted_in(&who, &network()));
			// Replaying it fails: the nonce moved.
			System::set_block_number(2);
			assert_ok!(Registry::opt_out(RuntimeOrigin::signed(who.clone()), network()));
			assert_noop!(
				Registry::opt_in_signed(
					RuntimeOrigin::signed(Sr25519Keyring::Ferdie.to_account_id()),
					who.clone(),
					network(),
					deadline,
					signature,
				),
				pallet_rampart_registry::Error::<Runtime>::BadSignature
			);
			assert_eq!(
				OptInHistories::<Runtime>::get(&who, network()).map(|h| h.entries().to_vec()),
				Some(vec![(1, true), (2, false)])
			);
			// Vault opt-ins go through the vaults pallet: vault 0 exists, vault 99 does not.
			assert_ok!(Registry::opt_in(RuntimeOrigin::signed(who.clone()), OptInTarget::Vault(0)));
			assert_noop!(
				Registry::opt_in(RuntimeOrigin::signed(who), OptInTarget::Vault(99)),
				pallet_rampart_registry::Error::<Runtime>::UnknownTarget
			);
			Registry::do_try_state().expect("registry invariants hold");
		});
	}
}

mod delegation {
	use super::*;
	use rampart_primitives::{traits::StakeProvider, Subnetwork};

	fn charlie() -> Subnetwork<AccountId> {
		Subnetwork::main(SAMPLE_NETWORK.to_account_id())
	}

	/// The presets restake the sample vault to Charlie, split equally between the validators.
	#[test]
	fn every_validator_has_stake_in_the_sample_network_from_genesis() {
		for (preset, validators) in [
			(DEV_RUNTIME_PRESET, vec![alice()]),
			(LOCAL_TESTNET_RUNTIME_PRESET, vec![alice(), bob()]),
		] {
			ext_from_preset(preset).execute_with(|| {
				System::set_block_number(1);
				let share = SAMPLE_VAULT_DEPOSIT / validators.len() as u128;
				for v in &validators {
					assert_eq!(Delegation::stake(0, &charlie(), v), share);
					assert_eq!(Delegation::stake_at(0, &charlie(), v, 0), Ok(share));
				}
				assert_eq!(Delegation::stake(0, &charlie(), &SAMPLE_MIDDLEWARE.to_account_id()), 0);
				Delegation::do_try_state().expect("delegation invariants hold at genesis");
			});
		}
	}

	/// The network lowers its maximum; the curator (Alice, the vault's admin, who grants
	/// herself the limit role) cannot raise the limit above it; the guarantee captured before
	/// stays.
	#[test]
	fn the_network_and_the_curator_size_the_allocation() {
		ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
			System::set_block_number(1);
			let network = RuntimeOrigin::signed(SAMPLE_NETWORK.to_account_id());
			let curator = RuntimeOrigin::signed(alice());
			System::set_block_number(2);
			assert_ok!(Delegation::set_max_network_limit(network, 0, 0, 400_000_000));
			assert_eq!(Delegation::stake(0, &charlie(), &alice()), 400_000_000);
			assert_noop!(
				Delegation::set_network_limit(curator.clone(), 0, charlie(), 500_000_000),
				pallet_rampart_delegation::Error::<Runtime>::MissingRole
			);
			assert_ok!(Vaults::grant_role(
				curator.clone(),
				0,
				rampart_primitives::Role::NetworkLimitSetter,
				alice()
			));
			assert_noop!(
				Delegation::set_network_limit(curator.clone(), 0, charlie(), 500_000_000),
				pallet_rampart_delegation::Error::<Runtime>::ExceedsMaxNetworkLimit
			);
			assert_ok!(Delegation::set_network_limit(curator, 0, charlie(), 100_000_000));
			System::set_block_number(3);
			assert_eq!(Delegation::stake_at(0, &charlie(), &alice(), 1), Ok(SAMPLE_VAULT_DEPOSIT));
			assert_eq!(Delegation::stake_at(0, &charlie(), &alice(), 2), Ok(100_000_000));
			Delegation::do_try_state().expect("delegation invariants hold");
		});
	}

	/// Charlie's middleware (Dave) slashes Alice's stake in the sample vault; the rUSD is burned.
	#[test]
	fn the_sample_networks_middleware_slashes_through_the_sample_vault() {
		ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
			System::set_block_number(5);
			let issuance = Assets::total_issuance(SAMPLE_ASSET_ID);
			let dave = RuntimeOrigin::signed(SAMPLE_MIDDLEWARE.to_account_id());
			assert_noop!(
				Slashing::slash(RuntimeOrigin::signed(alice()), 0, charlie(), alice(), 1, 4),
				pallet_rampart_slashing::Error::<Runtime>::NotNetworkMiddleware
			);
			assert_ok!(Slashing::slash(dave, 0, charlie(), alice(), 100_000_000, 4));
			assert_eq!(Vaults::active_stake(0), SAMPLE_VAULT_DEPOSIT - 100_000_000);
			assert_eq!(Assets::total_issuance(SAMPLE_ASSET_ID), issuance - 100_000_000);
			assert_eq!(
				Slashing::slashable(0, &charlie(), &alice(), 4),
				Ok(SAMPLE_VAULT_DEPOSIT - 100_000_000)
			);
			Slashing::do_try_state().expect("slashing invariants hold");
			Vaults::do_try_state().expect("vault invariants hold");
		});
	}

	#[test]
	fn stake_answers_through_the_view_function_api() {
		use codec::{Decode, Encode};
		use frame_support::view_functions::ViewFunction;
		use pallet_rampart_delegation::OperatorStakeAtViewFunction;
		ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
			System::set_block_number(1);
			let id = OperatorStakeAtViewFunction::<Runtime>::id();
			let input = (0u32, charlie(), alice(), 1u32).encode();
			let out = Runtime::execute_view_function(id, input).expect("dispatches");
			assert_eq!(
				Result::<u128, DispatchError>::decode(&mut &out[..]),
				Ok(Ok(SAMPLE_VAULT_DEPOSIT))
			);
		});
	}
}

mod vaults {
	use super::*;
	use pallet_rampart_vaults::{Error as VaultError, Event as VaultEvent};

	fn rusd() -> AssetKind {
		AssetKind::WithId(SAMPLE_ASSET_ID)
	}

	#[test]
	fn the_sample_vault_holds_bobs_deposit_and_a_full_cycle_works() {
		ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
			assert_eq!(Vaults::active_stake(0), SAMPLE_VAULT_DEPOSIT);
			assert_eq!(Vaults::shares_of(0, &bob()), SAMPLE_VAULT_DEPOSIT);
			let info = pallet_rampart_vaults::Vaults::<Runtime>::get(0).expect("vault 0 exists");
			assert_eq!(info.collateral, rusd());
			assert_eq!(info.clock.duration, SAMPLE_VAULT_EPOCH);
			assert_eq!(
				NativeAndAssets::balance(rusd(), &Vaults::account_of(0)),
				SAMPLE_ASSET_MIN_BALANCE + SAMPLE_VAULT_DEPOSIT
			);

			// Alice deposits on Bob's behalf, Bob withdraws and claims two epochs later.
			assert_ok!(Vaults::deposit(RuntimeOrigin::signed(alice()), 0, bob(), 500_000_000));
			assert_ok!(Vaults::withdraw(RuntimeOrigin::signed(bob()), 0, bob(), 300_000_000));
			let epoch = Vaults::current_epoch_of(0).expect("vault 0") + 1;
			assert_noop!(
				Vaults::claim(RuntimeOrigin::signed(bob()), 0, bob(), epoch),
				VaultError::<Runtime>::InvalidEpoch
			);
			System::set_block_number(1 + 2 * SAMPLE_VAULT_EPOCH);
			let before = Assets::balance(SAMPLE_ASSET_ID, bob());
			assert_ok!(Vaults::claim(RuntimeOrigin::signed(bob()), 0, bob(), epoch));
			assert_eq!(Assets::balance(SAMPLE_ASSET_ID, bob()), before + 300_000_000);
			assert!(System::events().iter().any(|r| matches!(
				r.event,
				RuntimeEvent::Vaults(VaultEvent::Claimed { amount: 300_000_000, .. })
			)));
			Vaults::do_try_state().expect("vault invariants hold");
		});
	}

	#[test]
	fn vault_views_answer_through_the_view_function_api() {
		use codec::{Decode, Encode};
		use frame_support::view_functions::ViewFunction;
		use pallet_rampart_vaults::{
			SlashableBalanceViewFunction, VaultActiveStakeAtViewFunction,
			VaultTotalStakeViewFunction,
		};
		ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
			let query = |id, input: Vec<u8>| {
				Runtime::execute_view_function(id, input).expect("the view function dispatches")
			};
			let total = query(VaultTotalStakeViewFunction::<Runtime>::id(), 0u32.encode());
			assert_eq!(u128::decode(&mut &total[..]), Ok(SAMPLE_VAULT_DEPOSIT));
			let bobs = query(SlashableBalanceViewFunction::<Runtime>::id(), (0u32, bob()).encode());
			assert_eq!(u128::decode(&mut &bobs[..]), Ok(SAMPLE_VAULT_DEPOSIT));
			let at = query(VaultActiveStakeAtViewFunction::<Runtime>::id(), (7u32, 0u32).encode());
			assert_eq!(
				Result::<u128, DispatchError>::decode(&mut &at[..]),
				Ok(Err(VaultError::<Runtime>::UnknownVault.into()))
			);
		});
	}

	#[test]
	fn anyone_creates_a_native_vault() {
		ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
			let eve = Sr25519Keyring::Eve.to_account_id();
			// The presets' vaults come first.
			let id = pallet_rampart_vaults::NextVaultId::<Runtime>::get();
			assert_eq!(id, 3);
			let config = pallet_rampart_vaults::VaultConfig {
				collateral: AssetKind::Native,
				epoch_duration: 100,
				delegator: pallet_rampart_vaults::DelegatorKind::NetworkRestake,
				slasher: pallet_rampart_vaults::SlasherKind::Instant,
				burner: pallet_rampart_vaults::Burner::Burn,
				deposit_whitelist: false,
				is_deposit_limit: false,
				deposit_limit: 0,
				roles: frame_support::BoundedVec::truncate_from(vec![(
					rampart_primitives::Role::Admin,
					eve.clone(),
				)]),
			};
			assert_ok!(Vaults::create_vault(RuntimeOrigin::signed(eve.clone()), config.clone()));
			// Without an admin, nobody could ever set the delegator's limits: refused.
			let mut headless = config;
			headless.roles = Default::default();
			assert_noop!(
				Vaults::create_vault(RuntimeOrigin::signed(eve.clone()), headless),
				pallet_rampart_vaults::Error::<Runtime>::MissingRoles
			);
			assert_ok!(Vaults::deposit(
				RuntimeOrigin::signed(eve.clone()),
				id,
				eve.clone(),
				5 * UNIT
			));
			assert_eq!(Vaults::active_balance_of(id, &eve), 5 * UNIT);
			Vaults::do_try_state().expect("vault invariants hold");
		});
	}
}

mod rewards {
	use super::*;
	use crate::genesis_config_presets::{
		SAMPLE_ADMIN_FEE, SAMPLE_ASSET_ID, SAMPLE_MIDDLEWARE, SAMPLE_NETWORK,
		SAMPLE_OPERATOR_REWARD,
	};
	use rampart_primitives::{AssetKind, Subnetwork};

	const RUSD: AssetKind = AssetKind::WithId(SAMPLE_ASSET_ID);

	/// The dev chain starts with a 10 % curator fee on vault 0 and 10 RAMP credited by Charlie's
	/// network to the validator; Dave (the middleware) pays Bob's stake 1 000 RAMP, and pays the
	/// validator 50 RAMP pro rata to its stake.
	#[test]
	fn the_sample_network_rewards_stakers_operators_and_the_curator() {
		ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
			let network = SAMPLE_NETWORK.to_account_id();
			let dave = RuntimeOrigin::signed(SAMPLE_MIDDLEWARE.to_account_id());
			assert_eq!(Rewards::curator_fees(0, RUSD), 0);
			assert_eq!(pallet_rampart_rewards::AdminFee::<Runtime>::get(0), SAMPLE_ADMIN_FEE);
			assert_eq!(
				Rewards::operator_rewards(network.clone(), AssetKind::Native, alice()),
				SAMPLE_OPERATOR_REWARD
			);

			System::set_block_number(5);
			assert_ok!(Rewards::distribute_staker_rewards(
				dave.clone(),
				0,
				network.clone(),
				AssetKind::Native,
				1_000 * UNIT,
				4,
				SAMPLE_ADMIN_FEE
			));
			let before = Balances::free_balance(bob());
			assert_ok!(Rewards::claim_staker_rewards(
				RuntimeOrigin::signed(bob()),
				0,
				network.clone(),
				AssetKind::Native,
				bob(),
				32
			));
			assert_eq!(Balances::free_balance(bob()), before + 900 * UNIT);
			assert_eq!(Rewards::curator_fees(0, AssetKind::Native), 100 * UNIT);

			assert_ok!(Rewards::distribute_operator_rewards_by_stake(
				dave,
				0,
				Subnetwork::main(network.clone()),
				AssetKind::Native,
				50 * UNIT,
				4,
				frame_support::BoundedVec::truncate_from(vec![alice()])
			));
			let before = Balances::free_balance(alice());
			assert_ok!(Rewards::claim_operator_rewards(
				RuntimeOrigin::signed(alice()),
				network,
				AssetKind::Native,
				alice()
			));
			assert_eq!(
				Balances::free_balance(alice()),
				before + SAMPLE_OPERATOR_REWARD + 50 * UNIT
			);
			Rewards::do_try_state().expect("reward invariants hold");
		});
	}
}

/// Findings of the security review (issue 13) that depend on the runtime's own configuration:
/// its `MaxConsumers` (16) and its asset-id allocator. Each test failed before its fix.
mod review {
	use super::*;
	use codec::Compact;
	use pallet_rampart_vaults::{Burner, DelegatorKind, SlasherKind, VaultConfig};
	use rampart_primitives::Role;

	fn signed(who: &AccountId) -> RuntimeOrigin {
		RuntimeOrigin::signed(who.clone())
	}

	fn mallory() -> AccountId {
		Sr25519Keyring::Ferdie.to_account_id()
	}

	/// Creates a fresh, non-sufficient asset of `owner` (with the next id, as any signed
	/// creator must) and returns its id.
	fn new_asset(owner: &AccountId, min_balance: Balance) -> AssetId {
		let id = pallet_assets::NextAssetId::<Runtime>::get().expect("set at genesis");
		assert_ok!(Assets::create(signed(owner), Compact(id), owner.clone().into(), min_balance));
		id
	}

	/// What anyone can do to any account: give it the native existential deposit and one unit
	/// of 16 self-made assets, using up every consumer reference the runtime allows.
	fn fill_with_junk(victim: &AccountId) {
		assert_ok!(Balances::transfer_keep_alive(
			signed(&mallory()),
			victim.clone().into(),
			EXISTENTIAL_DEPOSIT
		));
		for _ in 0..16 {
			let id = new_asset(&mallory(), 1);
			let _ = Assets::mint(signed(&mallory()), Compact(id), victim.clone().into(), 1);
		}
		assert!(
			!System::can_accrue_consumers(victim, 2),
			"no consumer reference left for new assets"
		);
	}

	/// A vault over `collateral` whose slashes go to `burner`, created by Alice.
	fn vault_over(
		collateral: AssetId,
		burner: Burner<AccountId, BlockNumber>,
	) -> pallet_rampart_vaults::VaultConfigOf<Runtime> {
		VaultConfig {
			collateral: AssetKind::WithId(collateral),
			epoch_duration: 20,
			delegator: DelegatorKind::NetworkRestake,
			slasher: SlasherKind::Instant,
			burner,
			deposit_whitelist: false,
			is_deposit_limit: false,
			deposit_limit: 0,
			roles: frame_support::BoundedVec::truncate_from(vec![(Role::Admin, alice())]),
		}
	}

	/// Items 2 and 3: a future vault account and a redistribution receiver, both filled with
	/// junk assets, can neither stop a vault's creation nor turn its slashes into burns.
	#[test]
	fn junk_assets_block_neither_vaults_nor_redistribution() {
		ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
			let collateral = new_asset(&alice(), 10);
			for who in [alice(), bob()] {
				assert_ok!(Assets::mint(
					signed(&alice()),
					Compact(collateral),
					who.into(),
					1_000_000
				));
			}
			let next = pallet_rampart_vaults::NextVaultId::<Runtime>::get();
			fill_with_junk(&Vaults::account_of(next));
			let fund = Sr25519Keyring::Eve.to_account_id();
			fill_with_junk(&fund);

			assert_ok!(Vaults::create_vault(
				signed(&alice()),
				vault_over(collateral, Burner::Account(fund.clone()))
			));
			assert_ok!(Vaults::deposit(signed(&bob()), next, bob(), 900_000));
			// A slash of the vault, as the slashing pallet makes it.
			System::set_block_number(3);
			let supply = Assets::total_issuance(collateral);
			let network = SAMPLE_NETWORK.to_account_id();
			assert_eq!(
				<Vaults as rampart_primitives::traits::VaultSlashing<_, _>>::on_slash(
					next,
					&network,
					&alice(),
					400_000,
					2
				),
				Ok(400_000)
			);
			// Owed to the receiver, not burned; anyone releases it, paying its account deposit.
			assert_eq!(Assets::total_issuance(collateral), supply);
			assert_eq!(
				pallet_rampart_vaults::PendingSlashed::<Runtime>::get(next, Some(fund.clone())),
				400_000
			);
			assert_ok!(Vaults::release_slashed(signed(&bob()), next, Some(fund.clone())));
			assert_eq!(Assets::balance(collateral, &fund), 400_000);
			Vaults::do_try_state().expect("vault invariants hold");
		});
	}

	/// Item 1: the rewards pallet's one account for every reward, filled with junk assets,
	/// still takes a distribution in an asset it does not hold yet.
	#[test]
	fn junk_assets_do_not_lock_the_rewards_account_out_of_new_assets() {
		ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
			fill_with_junk(&Rewards::account());
			let middleware = SAMPLE_MIDDLEWARE.to_account_id();
			let reward = new_asset(&middleware, 1);
			assert_ok!(Assets::mint(
				signed(&middleware),
				Compact(reward),
				middleware.clone().into(),
				2_000_000
			));
			System::set_block_number(5);
			assert_ok!(Rewards::distribute_staker_rewards(
				signed(&middleware),
				0,
				SAMPLE_NETWORK.to_account_id(),
				AssetKind::WithId(reward),
				1_000_000,
				4,
				10_000
			));
			assert_ok!(Rewards::claim_staker_rewards(
				signed(&bob()),
				0,
				SAMPLE_NETWORK.to_account_id(),
				AssetKind::WithId(reward),
				bob(),
				1
			));
			assert_eq!(Assets::balance(reward, &bob()), 900_000);
			Rewards::do_try_state().expect("reward invariants hold");
		});
	}

	/// Item 8: signed creators take the next asset id; nobody can squat an id or re-create a
	/// destroyed collateral's id.
	#[test]
	fn asset_ids_are_allocated_not_chosen() {
		ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
			let next = pallet_assets::NextAssetId::<Runtime>::get().expect("set at genesis");
			assert_eq!(next, SAMPLE_ASSET_ID + 1);
			assert_noop!(
				Assets::create(signed(&mallory()), Compact(next + 5), mallory().into(), 1),
				pallet_assets::Error::<Runtime>::BadAssetId
			);
			let id = new_asset(&mallory(), 1);
			assert_eq!(id, next);
			assert_eq!(pallet_assets::NextAssetId::<Runtime>::get(), Some(next + 1));
			// Destroyed, its id is not offered again.
			assert_ok!(Assets::start_destroy(signed(&mallory()), Compact(id)));
			assert_ok!(Assets::finish_destroy(signed(&mallory()), Compact(id)));
			assert_noop!(
				Assets::create(signed(&mallory()), Compact(id), mallory().into(), 1),
				pallet_assets::Error::<Runtime>::BadAssetId
			);
		});
	}
}

mod middleware {
	use super::*;
	use crate::genesis_config_presets::{SAMPLE_POWER_CAP, SAMPLE_PRICE};
	use rampart_primitives::{AssetKind, Subnetwork};

	/// The presets configure Charlie's main subnetwork in the middleware: vault 0 accepted,
	/// rUSD valued at one unit of power per base unit, a 50 % cap. In `local_testnet` Alice and
	/// Bob each hold half the power once they join; with the cap, neither holds more.
	#[test]
	fn the_sample_network_values_vault_0_and_caps_its_operators() {
		for (preset, validators) in [
			(DEV_RUNTIME_PRESET, vec![alice()]),
			(LOCAL_TESTNET_RUNTIME_PRESET, vec![alice(), bob()]),
		] {
			ext_from_preset(preset).execute_with(|| {
				System::set_block_number(1);
				let charlie = Subnetwork::main(SAMPLE_NETWORK.to_account_id());
				assert_eq!(
					Middleware::valuation_at(&charlie, &AssetKind::WithId(SAMPLE_ASSET_ID), 1),
					Ok((SAMPLE_PRICE, sp_runtime::Perbill::zero()))
				);
				assert_eq!(Middleware::policy_at(&charlie, 1).map(|p| p.cap), Ok(SAMPLE_POWER_CAP));
				let share = SAMPLE_VAULT_DEPOSIT / validators.len() as u128;
				for v in &validators {
					assert_eq!(
						Middleware::operator_power(&charlie, v, 1).map(|(p, _)| p),
						Ok(share)
					);
					assert_ok!(Middleware::join(RuntimeOrigin::signed(v.clone()), charlie.clone()));
				}
				System::set_block_number(3);
				let set = Middleware::operator_set(&charlie, 2).expect("inside the window");
				assert_eq!(set.operators.len(), validators.len());
				assert_eq!(set.total, SAMPLE_VAULT_DEPOSIT);
				Middleware::do_try_state().expect("middleware invariants hold");
			});
		}
	}

	/// At the runtime's bounds (32 operators, 8 vaults): the operator set (as measured) stays
	/// under 10 % of a block and a power slash under a quarter. A reward in power charges each
	/// of its 256 stake lookups at the delegation's deepest, about a third of a block: under
	/// half.
	#[test]
	fn the_worst_cases_fit_in_a_block() {
		use pallet_rampart_middleware::WeightInfo;
		let max = configs::RuntimeBlockWeights::get().max_block;
		let set = <Runtime as pallet_rampart_middleware::Config>::WeightInfo::operator_set(32, 8);
		let (slash, reward) = (Middleware::slash_weight(), Middleware::distribute_weight());
		let share = |w: frame_support::weights::Weight| {
			sp_runtime::Perbill::from_rational(w.ref_time(), max.ref_time())
		};
		println!("operator_set(32, 8) = {set:?} ({:?} of a block)", share(set));
		println!("slash (8 vaults) = {slash:?} ({:?})", share(slash));
		println!("distribute_rewards (32, 8) = {reward:?} ({:?})", share(reward));
		assert!(share(set) < sp_runtime::Perbill::from_percent(10));
		assert!(share(slash) < sp_runtime::Perbill::from_percent(25));
		assert!(share(reward) < sp_runtime::Perbill::from_percent(50));
	}
}

mod validators {
	use super::*;
	use crate::{
		configs::consensus::{ELECTION_CHUNK, MAX_VALIDATORS},
		genesis_config_presets::{
			chain_network, CHAIN_NATIVE_DEPOSIT, CHAIN_NATIVE_VAULT, CHAIN_USD_VAULT, GRANDPA_SLASH,
		},
	};
	use frame_support::traits::KeyOwnerProofSystem;
	use sp_core::H256;
	use sp_keyring::Ed25519Keyring;

	/// Runs session, validators and GRANDPA's session hooks up to block `n` (the timestamp and
	/// Aura hooks need a real block).
	fn run_to(n: BlockNumber) {
		while System::block_number() < n {
			let next = System::block_number() + 1;
			System::set_block_number(next);
			Session::on_initialize(next);
			Validators::on_initialize(next);
		}
	}

	/// Bob prevotes for two blocks in one round of GRANDPA set `set_id`: signed with his
	/// development key, as a node running his key twice would.
	fn bobs_equivocation(
		set_id: u64,
	) -> sp_consensus_grandpa::EquivocationProof<H256, BlockNumber> {
		let round = 3;
		let vote = |hash: H256| {
			let prevote = finality_grandpa::Prevote { target_hash: hash, target_number: 12 };
			let message = finality_grandpa::Message::Prevote(prevote.clone());
			let payload = sp_consensus_grandpa::localized_payload(round, set_id, &message);
			(prevote, Ed25519Keyring::Bob.sign(&payload).into())
		};
		sp_consensus_grandpa::EquivocationProof::new(
			set_id,
			sp_consensus_grandpa::Equivocation::Prevote(finality_grandpa::Equivocation {
				round_number: round,
				identity: Ed25519Keyring::Bob.public().into(),
				first: vote(H256::repeat_byte(1)),
				second: vote(H256::repeat_byte(2)),
			}),
		)
	}

	/// The presets make the chain a network: registered with the middleware acting for it,
	/// accepting a native and an rUSD vault, its validators joined, its pot funded.
	#[test]
	fn the_chain_is_a_network_of_its_own() {
		ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
			let chain = chain_network();
			assert_eq!(
				pallet_rampart_registry::Networks::<Runtime>::get(&chain)
					.and_then(|n| n.middleware),
				Some(Middleware::middleware_account(&chain))
			);
			let subnetwork = Validators::subnetwork();
			System::set_block_number(1);
			assert_eq!(
				Middleware::accepted_vaults_at(&subnetwork, 1),
				Ok(vec![CHAIN_NATIVE_VAULT, CHAIN_USD_VAULT])
			);
			assert_eq!(Middleware::listed_operators(&subnetwork), vec![alice(), bob()]);
			assert!(Validators::spendable() > 0);
			assert_eq!(pallet_rampart_validators::MinValidators::<Runtime>::get(), 1);
			assert_eq!(
				pallet_rampart_validators::OffencePolicies::<Runtime>::get(*b"grandpa:equivoca")
					.slash,
				GRANDPA_SLASH
			);
		});
	}

	/// A real GRANDPA equivocation (two signed prevotes of Bob's key in one round), reported
	/// with a key-ownership proof against the historical sessions, slashes Bob's stake at his
	/// session's capture through both chain vaults: a lone offender in a set of two has the
	/// full fraction (`min(1, (3·1/2)²)`), of which the chain takes half; of Bob's 50 000 RAMP
	/// and 50 000 rUSD of power 25 000 of each is slashed from the vaults, and Eve's deposit in
	/// the native vault with them. The same report again
	/// is refused; Bob is benched.
	#[test]
	fn a_grandpa_equivocation_slashes_the_offenders_vaults() {
		ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
			run_to(2 * SessionPeriod::get() + 1);
			assert_eq!(Session::current_index(), 2);
			let set_id = Grandpa::current_set_id();
			let bob_key: sp_consensus_grandpa::AuthorityId = Ed25519Keyring::Bob.public().into();
			let key = (sp_consensus_grandpa::KEY_TYPE, bob_key);
			let proof = Historical::prove(key).expect("Bob is in the current set");
			let equivocation = bobs_equivocation(set_id);
			let eve = Sr25519Keyring::Eve.to_account_id();
			assert_eq!(
				Vaults::slashable_balance(CHAIN_NATIVE_VAULT, eve.clone()),
				CHAIN_NATIVE_DEPOSIT
			);

			assert_ok!(Grandpa::report_equivocation_unsigned(
				RuntimeOrigin::none(),
				Box::new(equivocation.clone()),
				proof.clone()
			));
			// A set of two disables nobody (at most a third, rounded down); Bob is benched.
			assert!(Session::disabled_validators().is_empty());
			assert!(pallet_rampart_validators::Benched::<Runtime>::contains_key(bob()));
			// The same offence again: refused, slashes nothing more.
			assert!(Grandpa::report_equivocation_unsigned(
				RuntimeOrigin::none(),
				Box::new(equivocation),
				proof
			)
			.is_err());

			let capture = pallet_rampart_validators::SessionCaptures::<Runtime>::get(2).unwrap();
			let before = |vault| {
				Delegation::stake_at_block(vault, &Validators::subnetwork(), &bob(), capture)
					.unwrap()
			};
			let (native_before, usd_before) = (before(CHAIN_NATIVE_VAULT), before(CHAIN_USD_VAULT));
			assert_eq!(native_before, 50_000 * UNIT);
			run_to(System::block_number() + 1);
			let now = System::block_number();
			let stake = |vault| {
				Delegation::stake_at_block(vault, &Validators::subnetwork(), &bob(), now).unwrap()
			};
			// Each vault lost 25 000 of its 100 000, which its two operators share equally
			// (network-restake shares): Bob's stake is now half of 75 000.
			assert_eq!((native_before, usd_before), (50_000 * UNIT, 50_000 * 1_000_000));
			assert_eq!(stake(CHAIN_NATIVE_VAULT), 37_500 * UNIT);
			assert_eq!(stake(CHAIN_USD_VAULT), 37_500 * 1_000_000);
			assert_eq!(
				Vaults::slashable_balance(CHAIN_NATIVE_VAULT, eve.clone()),
				CHAIN_NATIVE_DEPOSIT - 25_000 * UNIT
			);
			let slashed = System::events().iter().any(|r| {
				matches!(
					r.event,
					RuntimeEvent::Validators(pallet_rampart_validators::Event::SlashApplied { .. })
				)
			});
			assert!(slashed);
			Validators::do_try_state().expect("validators invariants hold");
		});
	}

	/// The rotation and its election, a block's slashes and a session payout, each at the
	/// runtime's bounds, with every stake lookup at its deepest.
	#[test]
	fn the_validator_set_work_fits_in_a_block() {
		let max = configs::RuntimeBlockWeights::get().max_block;
		let share = |w: frame_support::weights::Weight| {
			sp_runtime::Perbill::from_rational(w.ref_time(), max.ref_time())
		};
		let (step, plan) = (Validators::election_step_weight(), Validators::plan_weight());
		let (slashes, payout) = (Validators::apply_weight(2), Validators::payout_weight());
		println!(
			"election step ({ELECTION_CHUNK} operators, 8 vaults) = {step:?} ({:?} of a block)",
			share(step)
		);
		println!("rotation (32 candidates) = {plan:?} ({:?})", share(plan));
		println!("two slashes = {slashes:?} ({:?})", share(slashes));
		println!("payout ({MAX_VALIDATORS} validators) = {payout:?} ({:?})", share(payout));
		assert!(share(step) < sp_runtime::Perbill::from_percent(10));
		assert!(share(plan) < sp_runtime::Perbill::from_percent(10));
		assert!(share(slashes) < sp_runtime::Perbill::from_percent(15));
		assert!(share(payout) < sp_runtime::Perbill::from_percent(50));
	}
}

/// The runtime API's answers on sample state with numbers worked by hand.
mod runtime_api {
	use super::*;
	use crate::genesis_config_presets::chain_network;
	use crate::views;
	use rampart_primitives::{OptInTarget, Role, Subnetwork};
	use rampart_runtime_api::*;

	fn signed(k: Sr25519Keyring) -> RuntimeOrigin {
		RuntimeOrigin::signed(k.to_account_id())
	}

	fn native_vault(
		curator: Sr25519Keyring,
		kind: rampart_primitives::DelegatorKind<AccountId>,
	) -> u32 {
		native_vault_slashed_by(curator, kind, pallet_rampart_vaults::SlasherKind::Instant)
	}

	fn native_vault_slashed_by(
		curator: Sr25519Keyring,
		kind: rampart_primitives::DelegatorKind<AccountId>,
		slasher: pallet_rampart_vaults::SlasherKind<BlockNumber>,
	) -> u32 {
		let id = pallet_rampart_vaults::NextVaultId::<Runtime>::get();
		let config = pallet_rampart_vaults::VaultConfig {
			collateral: AssetKind::Native,
			epoch_duration: 100,
			delegator: kind,
			slasher,
			burner: pallet_rampart_vaults::Burner::Burn,
			deposit_whitelist: false,
			is_deposit_limit: false,
			deposit_limit: 0,
			roles: frame_support::BoundedVec::truncate_from(vec![(
				Role::Admin,
				curator.to_account_id(),
			)]),
		};
		assert_ok!(Vaults::create_vault(signed(curator), config));
		for role in [
			Role::AdminFeeSetter,
			Role::AdminFeeClaimer,
			Role::NetworkLimitSetter,
			Role::OperatorNetworkSharesSetter,
			Role::OperatorNetworkLimitSetter,
		] {
			assert_ok!(Vaults::grant_role(signed(curator), id, role, curator.to_account_id()));
		}
		id
	}

	/// Ferdie stakes in two native vaults by Eve, each restaked to two networks through the same
	/// two operators (Alice and Bob). The networks: Charlie (the presets' sample network, whose
	/// middleware is Dave) and Dave (registered here, its own middleware).
	/// - vault A (network restake): Ferdie 1 000, Dave 3 000, then Ferdie withdraws 100;
	///   Charlie's limit 2 000 split 1 : 1 between Alice and Bob, Dave's 1 000 all to Alice;
	/// - vault B (full restake): Ferdie 500 alone; Charlie 400 (Alice 400), Dave 500 (Alice 300,
	///   Bob 500).
	fn sample() -> (u32, u32, Subnetwork<AccountId>, Subnetwork<AccountId>) {
		use Sr25519Keyring::{Alice, Bob, Charlie as One, Dave as Two, Eve, Ferdie};
		let (one, two) =
			(Subnetwork::main(One.to_account_id()), Subnetwork::main(Two.to_account_id()));
		System::set_block_number(2);
		// Charlie is the presets' sample network (its middleware is Dave); Dave registers too.
		assert_ok!(Registry::register_network(signed(Two)));
		assert_ok!(Registry::set_middleware(signed(Two), Some(Two.to_account_id())));
		assert_ok!(Registry::register_operator(signed(Bob)));
		let a = native_vault(Eve, rampart_primitives::DelegatorKind::NetworkRestake);
		let b = native_vault(Eve, rampart_primitives::DelegatorKind::FullRestake);
		for operator in [Alice, Bob] {
			for target in [
				OptInTarget::Network(One.to_account_id()),
				OptInTarget::Network(Two.to_account_id()),
				OptInTarget::Vault(a),
				OptInTarget::Vault(b),
			] {
				// Alice is opted into Charlie from genesis.
				if !Registry::is_opted_in_now(&operator.to_account_id(), &target) {
					assert_ok!(Registry::opt_in(signed(operator), target));
				}
			}
		}
		for vault in [a, b] {
			for network in [One, Two] {
				assert_ok!(Delegation::set_max_network_limit(
					signed(network),
					vault,
					0,
					10_000 * UNIT
				));
			}
		}
		let set_limit = |vault, sn: &Subnetwork<AccountId>, amount: Balance| {
			assert_ok!(Delegation::set_network_limit(
				signed(Eve),
				vault,
				sn.clone(),
				amount * UNIT
			));
		};
		set_limit(a, &one, 2_000);
		set_limit(a, &two, 1_000);
		for (sn, op) in [(&one, Alice), (&one, Bob), (&two, Alice)] {
			assert_ok!(Delegation::set_operator_network_shares(
				signed(Eve),
				a,
				sn.clone(),
				op.to_account_id(),
				1
			));
		}
		set_limit(b, &one, 400);
		set_limit(b, &two, 500);
		for (sn, op, amount) in [(&one, Alice, 400), (&two, Alice, 300), (&two, Bob, 500)] {
			assert_ok!(Delegation::set_operator_network_limit(
				signed(Eve),
				b,
				sn.clone(),
				op.to_account_id(),
				amount * UNIT
			));
		}
		let ferdie = Ferdie.to_account_id();
		assert_ok!(Vaults::deposit(signed(Ferdie), a, ferdie.clone(), 1_000 * UNIT));
		assert_ok!(Vaults::deposit(signed(Two), a, Two.to_account_id(), 3_000 * UNIT));
		assert_ok!(Vaults::deposit(signed(Ferdie), b, ferdie.clone(), 500 * UNIT));
		System::set_block_number(3);
		assert_ok!(Vaults::withdraw(signed(Ferdie), a, ferdie, 100 * UNIT));
		(a, b, one, two)
	}

	fn pair(
		exposure: &[AllocationExposure<AccountId>],
		sn: &Subnetwork<AccountId>,
		op: Sr25519Keyring,
	) -> (Balance, Balance, Balance) {
		let found = exposure
			.iter()
			.find(|e| e.subnetwork == *sn && e.operator == op.to_account_id())
			.expect("the pair is listed");
		(found.stake / UNIT, found.max_slash / UNIT, found.max_loss / UNIT)
	}

	/// Vault A: A = 3 900 (Ferdie 900), W[1] = 100 (Ferdie's). A slash now falls on A and
	/// W[1]: of 1 000, 975 on A (Ferdie 975 · 900/3 900 = 225) and 25 on W[1] (all Ferdie's),
	/// so Ferdie loses 250. All three pairs at once take 3 000 of the 4 000 pool: Ferdie 750.
	/// Vault B: Ferdie alone with 500; its pairs could take 400, 300 and 500, together capped
	/// at 500. In total Ferdie could lose 1 250 of 1 500.
	#[test]
	fn an_accounts_exposure_over_two_vaults_two_networks_and_shared_operators() {
		use Sr25519Keyring::{Alice, Bob, Ferdie};
		ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
			let (a, b, one, two) = sample();
			let ferdie = Ferdie.to_account_id();
			let exposure = views::account_exposure(&ferdie, 0);
			assert_eq!(exposure.at, 3);
			assert_eq!(exposure.next_vault, None);
			assert_eq!(exposure.vaults.iter().map(|v| v.vault).collect::<Vec<_>>(), vec![a, b]);

			let va = &exposure.vaults[0];
			assert_eq!(va.position.active_balance, 900 * UNIT);
			assert_eq!(va.position.slashable_balance, 1_000 * UNIT);
			assert_eq!(
				va.position.withdrawals,
				vec![Withdrawal {
					epoch: 1,
					amount: 100 * UNIT,
					claimable: false,
					slashable: true
				}]
			);
			assert_eq!(va.allocations.len(), 3);
			assert_eq!(pair(&va.allocations, &one, Alice), (1_000, 1_000, 250));
			assert_eq!(pair(&va.allocations, &one, Bob), (1_000, 1_000, 250));
			assert_eq!(pair(&va.allocations, &two, Alice), (1_000, 1_000, 250));
			assert_eq!(va.max_loss, 750 * UNIT);
			assert!(!va.allocations_truncated);
			assert!(va.pending_requests.is_empty());

			let vb = &exposure.vaults[1];
			assert_eq!(vb.position.slashable_balance, 500 * UNIT);
			assert_eq!(pair(&vb.allocations, &one, Alice), (400, 400, 400));
			assert_eq!(pair(&vb.allocations, &two, Alice), (300, 300, 300));
			assert_eq!(pair(&vb.allocations, &two, Bob), (500, 500, 500));
			// Largest first.
			assert_eq!(vb.allocations[0].max_slash, 500 * UNIT);
			assert_eq!(vb.max_loss, 500 * UNIT);

			assert_eq!(
				exposure.max_loss,
				vec![AssetAmount { asset: AssetKind::Native, amount: 1_250 * UNIT }]
			);

			// "Now" is what a slash sent now takes: the pallet's own view at the capture block
			// says zero, and one block later the full amount.
			assert_eq!(Slashing::slashable(a, &one, &Alice.to_account_id(), 3), Ok(0));
			System::set_block_number(4);
			assert_eq!(Slashing::slashable(a, &one, &Alice.to_account_id(), 3), Ok(1_000 * UNIT));

			// A slash by One of Bob in vault A takes 1 000: Ferdie's exposure falls with it.
			assert_ok!(Slashing::slash(
				RuntimeOrigin::signed(Sr25519Keyring::Dave.to_account_id()),
				a,
				one.clone(),
				Bob.to_account_id(),
				1_000 * UNIT,
				3
			));
			let after = views::account_exposure(&ferdie, 0);
			assert_eq!(after.vaults[0].position.slashable_balance, 750 * UNIT);
		});
	}

	/// Alice's operator view: both networks, both vaults, what each could take.
	#[test]
	fn an_operators_exposure_lists_its_networks_vaults_and_stake_at_risk() {
		use Sr25519Keyring::{Alice, Charlie as One, Dave as Two};
		ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
			let (a, b, one, two) = sample();
			let exposure = views::operator_exposure(&Alice.to_account_id()).expect("an operator");
			assert!(exposure.networks.contains(&One.to_account_id()));
			assert!(exposure.networks.contains(&Two.to_account_id()));
			let vault = |id| exposure.vaults.iter().find(|v| v.vault == id).expect("listed");
			assert_eq!(pair(&vault(a).allocations, &one, Alice), (1_000, 1_000, 1_000));
			assert_eq!(pair(&vault(a).allocations, &two, Alice), (1_000, 1_000, 1_000));
			assert_eq!(vault(a).at_risk, 2_000 * UNIT);
			// 400 + 300 of a 500 pool.
			assert_eq!(vault(b).at_risk, 500 * UNIT);
			assert!(!exposure.truncated);
			assert_eq!(
				views::operator_exposure(&Sr25519Keyring::Ferdie.to_account_id()),
				Err(ApiError::UnknownOperator)
			);
		});
	}

	/// Found by the stream below: a curator who lowers a limit (or an operator who leaves a
	/// vault) leaves the captures before the change slashable for an epoch, and the views
	/// looked only at the newest and the oldest capture, so they said 0 where a slash takes
	/// 1 000.
	#[test]
	fn a_lowered_limit_or_an_opt_out_stays_exposed_for_an_epoch() {
		use Sr25519Keyring::{Alice, Bob, Eve, Ferdie};
		ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
			let (a, _, one, _) = sample();
			System::set_block_number(10);
			assert_ok!(Delegation::set_network_limit(signed(Eve), a, one.clone(), 0));
			assert_ok!(Registry::opt_out(signed(Bob), OptInTarget::Vault(a)));
			System::set_block_number(20);
			let exposure = views::account_exposure(&Ferdie.to_account_id(), 0);
			let va = &exposure.vaults[0];
			assert_eq!(pair(&va.allocations, &one, Alice), (0, 1_000, 250));
			assert_eq!(pair(&va.allocations, &one, Bob), (0, 1_000, 250));
			let bob = views::operator_exposure(&Bob.to_account_id()).expect("an operator");
			let left = bob.vaults.iter().find(|v| v.vault == a).expect("still slashable");
			assert_eq!(pair(&left.allocations, &one, Bob), (0, 1_000, 1_000));
			// And so a slash with a capture before the change takes it.
			assert_ok!(Slashing::slash(
				signed(Sr25519Keyring::Dave),
				a,
				one.clone(),
				Bob.to_account_id(),
				1_000 * UNIT,
				9
			));
			// One epoch (100 blocks) after the changes, they are out of reach.
			System::set_block_number(111);
			let exposure = views::account_exposure(&Ferdie.to_account_id(), 0);
			assert!(exposure.vaults[0].allocations.iter().all(|e| e.subnetwork != one));
			let bob = views::operator_exposure(&Bob.to_account_id()).expect("an operator");
			assert!(bob.vaults.iter().all(|v| v.vault != a));
		});
	}

	/// A seeded stream for the exposure views (issue 19, item 3). The views are checked against
	/// what slashes actually take, not against a second copy of their own arithmetic:
	/// - for every (subnetwork, operator) pair of vaults A and B, every capture a slash included
	///   in the next block may use is tried, each executed for real inside a storage layer that
	///   is rolled back (the candidates: both ends of the window, every block where the stream
	///   changed something and the block before it, every epoch start and the block before it);
	/// - an allocation's `max_slash` is the most that actually left the vault over those
	///   captures, and each staker's `max_loss` the most its slashable balance fell in them,
	///   within one unit of rounding per pool (per slash, for several); a pair missing from the view could take nothing;
	/// - the vault's `max_loss` (every listed slash at once) is at least what the pairs' worst
	///   slashes take from the staker executed one after another, and at most its slashable
	///   balance; an operator's `at_risk` is at least what its own pairs' slashes move together.
	///
	/// The stream: deposits, withdrawals and claims by three stakers, share transfers, network
	/// and operator limits, operators opting out of and back into vaults and networks, slashes
	/// at random captures, and blocks passing across epochs. `RAMPART_EXPOSURE_TRACE=1` prints
	/// each operation and each trial slash.
	#[test]
	fn exposure_is_what_slashes_in_the_next_block_take_in_a_random_stream() {
		let seed = std::env::var("RAMPART_EXPOSURE_SEED").ok().and_then(|s| s.parse().ok());
		let steps = std::env::var("RAMPART_EXPOSURE_STEPS")
			.ok()
			.and_then(|s| s.parse().ok())
			.unwrap_or(160);
		let seeds = seed.map_or(vec![1u64, 2, 3], |s| vec![s]);
		for seed in seeds {
			ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| exposure_stream(seed, steps));
		}
	}

	/// SplitMix64: a few lines of deterministic randomness, enough to drive the stream.
	struct Rng(u64);

	impl Rng {
		fn next(&mut self) -> u64 {
			self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
			let mut z = self.0;
			z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
			z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
			z ^ (z >> 31)
		}
		fn below(&mut self, n: u64) -> u64 {
			self.next() % n.max(1)
		}
		fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
			&items[self.below(items.len() as u64) as usize]
		}
	}

	/// What a slash of `pair` in `vault`, included in the next block with capture `capture`,
	/// moves out of the vault and what each of `stakers` loses of its slashable balance; the
	/// state is left as it was.
	fn trial_slash(
		vault: u32,
		pair: &(Subnetwork<AccountId>, AccountId),
		capture: BlockNumber,
		stakers: &[AccountId],
	) -> (u128, Vec<u128>) {
		trial(|| {
			System::set_block_number(System::block_number() + 1);
			slash_now(vault, pair, capture, stakers)
		})
	}

	/// Runs `f` in a storage layer that is rolled back.
	fn trial<R>(f: impl FnOnce() -> R) -> R {
		frame_support::storage::with_transaction(|| {
			sp_runtime::TransactionOutcome::Rollback(Ok::<_, DispatchError>(f()))
		})
		.expect("the closure cannot fail")
	}

	/// Slashes `pair` in `vault` as much as capture `capture` allows, by the middleware of both
	/// sample networks (Dave); returns what moved and each staker's loss.
	fn slash_now(
		vault: u32,
		pair: &(Subnetwork<AccountId>, AccountId),
		capture: BlockNumber,
		stakers: &[AccountId],
	) -> (u128, Vec<u128>) {
		let before: Vec<u128> =
			stakers.iter().map(|s| Vaults::slashable_balance(vault, s.clone())).collect();
		System::reset_events();
		let moved = match Slashing::slash(
			signed(Sr25519Keyring::Dave),
			vault,
			pair.0.clone(),
			pair.1.clone(),
			u128::MAX / 4,
			capture,
		) {
			Ok(_) => System::events()
				.into_iter()
				.find_map(|r| match r.event {
					RuntimeEvent::Slashing(pallet_rampart_slashing::Event::Slashed {
						moved,
						..
					}) => Some(moved),
					_ => None,
				})
				.expect("an executed slash is reported"),
			Err(_) => 0,
		};
		let losses = stakers
			.iter()
			.zip(before)
			.map(|(s, b)| b.saturating_sub(Vaults::slashable_balance(vault, s.clone())))
			.collect();
		(moved, losses)
	}

	fn exposure_stream(seed: u64, steps: u32) {
		use Sr25519Keyring::{Alice, Bob, Charlie as One, Dave as Two, Eve, Ferdie};
		let mut rng = Rng(seed);
		let (a, b, one, two) = sample();
		let clock_of = |v| pallet_rampart_vaults::Vaults::<Runtime>::get(v).expect("exists").clock;
		let clock = clock_of(a);
		assert_eq!(clock_of(b), clock, "both vaults count the same epochs");
		let stakers = [Ferdie, Two, Eve];
		let staker_ids: Vec<AccountId> = stakers.iter().map(|s| s.to_account_id()).collect();
		let operators = [Alice, Bob];
		let subnetworks = [one.clone(), two.clone()];
		let pairs: Vec<(Subnetwork<AccountId>, AccountId)> = subnetworks
			.iter()
			.flat_map(|sn| operators.iter().map(move |op| (sn.clone(), op.to_account_id())))
			.collect();
		let mut touched = std::collections::BTreeSet::from([2, 3]);
		let (mut slashes, mut checks, mut ok) = (0u32, 0u32, 0u32);
		for step in 0..steps {
			let n = System::block_number();
			let vault = *rng.pick(&[a, b]);
			let staker = *rng.pick(&stakers);
			let op = rng.below(12);
			let changed = match op {
				0 | 1 => Vaults::deposit(
					signed(staker),
					vault,
					staker.to_account_id(),
					(1 + rng.below(800) as u128) * UNIT,
				),
				2 => {
					let active = views::position(vault, &staker.to_account_id())
						.map_or(0, |p| p.active_balance);
					let amount = (active * (1 + rng.below(100) as u128) / 100).max(1);
					Vaults::withdraw(signed(staker), vault, staker.to_account_id(), amount)
				},
				3 => {
					let epoch = Vaults::vault_epoch(vault).unwrap_or(0);
					Vaults::claim(
						signed(staker),
						vault,
						staker.to_account_id(),
						epoch.saturating_sub(rng.below(3) as BlockNumber),
					)
				},
				4 => {
					let to = *rng.pick(&stakers);
					let shares =
						views::position(vault, &staker.to_account_id()).map_or(0, |p| p.shares) / 3;
					Vaults::transfer_shares(signed(staker), vault, to.to_account_id(), shares)
				},
				5 => Delegation::set_network_limit(
					signed(Eve),
					vault,
					rng.pick(&subnetworks).clone(),
					rng.below(3_000) as u128 * UNIT,
				),
				6 => {
					let (sn, op) = rng.pick(&pairs).clone();
					if vault == a {
						Delegation::set_operator_network_shares(
							signed(Eve),
							a,
							sn,
							op,
							rng.below(4) as u128,
						)
					} else {
						Delegation::set_operator_network_limit(
							signed(Eve),
							b,
							sn,
							op,
							rng.below(800) as u128 * UNIT,
						)
					}
				},
				7 => {
					let op = *rng.pick(&operators);
					let target = if rng.below(2) == 0 {
						OptInTarget::Vault(vault)
					} else {
						OptInTarget::Network(rng.pick(&[One, Two]).to_account_id())
					};
					if Registry::is_opted_in_now(&op.to_account_id(), &target) {
						Registry::opt_out(signed(op), target)
					} else {
						Registry::opt_in(signed(op), target)
					}
				},
				8 => {
					slashes += 1;
					let (sn, op) = rng.pick(&pairs).clone();
					Slashing::slash(
						signed(Two),
						vault,
						sn,
						op,
						(1 + rng.below(600) as u128) * UNIT,
						n.saturating_sub(1 + rng.below(clock.duration as u64) as BlockNumber),
					)
					.map(|_| ())
					.map_err(|e| e.error)
				},
				_ => {
					System::set_block_number(n + 1 + rng.below(30) as BlockNumber);
					Ok(())
				},
			};
			if std::env::var("RAMPART_EXPOSURE_TRACE").is_ok() {
				eprintln!("step {step} block {n}: op {op} vault {vault} {staker:?}: {changed:?}");
			}
			if changed.is_ok() {
				ok += 1;
				touched.insert(n);
			}
			if step % 2 == 1 {
				checks += 1;
				check_exposure(&[a, b], &pairs, &staker_ids, clock, &touched);
			}
		}
		// The stream is not idle: most operations land, and some slashes among them.
		assert!(ok > steps / 2, "seed {seed}: only {ok} of {steps} operations succeeded");
		assert!(slashes > 0 && checks > 0, "seed {seed}");
	}

	/// Compares the account and operator exposure views with trial slashes (see the test).
	fn check_exposure(
		vaults: &[u32],
		pairs: &[(Subnetwork<AccountId>, AccountId)],
		stakers: &[AccountId],
		clock: rampart_primitives::epochs::EpochClock<BlockNumber>,
		touched: &std::collections::BTreeSet<BlockNumber>,
	) {
		let n = System::block_number();
		// At inclusion in block n + 1 a capture must lie in [n + 1 − D, n].
		let lo = (n + 1).saturating_sub(clock.duration).max(1);
		let mut captures: std::collections::BTreeSet<BlockNumber> =
			touched.range(lo..=n).flat_map(|&t| [t, t.saturating_sub(1)]).collect();
		captures.extend([lo, n]);
		let mut epoch_start = clock.start;
		while epoch_start <= n {
			captures.extend([epoch_start, epoch_start.saturating_sub(1)]);
			epoch_start += clock.duration;
		}
		let captures: Vec<BlockNumber> =
			captures.into_iter().filter(|c| (lo..=n).contains(c)).collect();
		let accounts: Vec<_> = stakers.iter().map(|s| views::account_exposure(s, 0)).collect();
		let operators: Vec<_> = [Sr25519Keyring::Alice, Sr25519Keyring::Bob]
			.iter()
			.map(|op| {
				let op = op.to_account_id();
				let exposure = views::operator_exposure(&op).expect("an operator");
				(op, exposure)
			})
			.collect();
		let tolerance = 3;
		for &vault in vaults {
			// For every pair: the most a slash moves, the capture that does it, and the most
			// each staker loses over all captures.
			let mut worst = Vec::new();
			for pair in pairs {
				let mut best = (0u128, n);
				let mut losses = vec![0u128; stakers.len()];
				for &capture in &captures {
					let (moved, lost) = trial_slash(vault, pair, capture, stakers);
					if std::env::var("RAMPART_EXPOSURE_TRACE").is_ok() {
						eprintln!("block {n} vault {vault} capture {capture}: moved {moved} lost {lost:?}");
					}
					if moved > best.0 {
						best = (moved, capture);
					}
					for (l, x) in losses.iter_mut().zip(lost) {
						*l = (*l).max(x);
					}
				}
				let context =
					format!("block {n}, vault {vault}, pair {pair:?}, captures {captures:?}");
				for (i, account) in accounts.iter().enumerate() {
					let listed = account.vaults.iter().find(|v| v.vault == vault);
					let allocation = listed.and_then(|v| {
						v.allocations
							.iter()
							.find(|e| e.subnetwork == pair.0 && e.operator == pair.1)
					});
					match allocation {
						Some(e) => {
							assert_eq!(e.max_slash, best.0, "max_slash of {e:?}: {context}");
							assert!(
								e.max_loss.abs_diff(losses[i]) <= tolerance,
								"max_loss of staker {i}: view {} vs {}: {context}",
								e.max_loss,
								losses[i]
							);
						},
						None => assert!(
							listed.is_none() && losses[i] == 0 || best.0 == 0,
							"staker {i}: pair missing from the view but a slash takes {best:?}: \
							 {context}"
						),
					}
				}
				for (_, exposure) in operators.iter().filter(|(op, _)| *op == pair.1) {
					let allocation = exposure
						.vaults
						.iter()
						.find(|v| v.vault == vault)
						.and_then(|v| v.allocations.iter().find(|e| e.subnetwork == pair.0));
					assert_eq!(
						allocation.map_or(0, |e| e.max_slash),
						best.0,
						"operator view: {context}"
					);
				}
				worst.push((pair, best));
			}
			// Every pair's worst slash, one after another, in the next block.
			let (lost, by_operator) = trial(|| {
				System::set_block_number(n + 1);
				let mut lost = vec![0u128; stakers.len()];
				let mut by_operator = std::collections::BTreeMap::<AccountId, u128>::new();
				for (pair, (amount, capture)) in &worst {
					if *amount == 0 {
						continue;
					}
					let (m, l) = slash_now(vault, pair, *capture, stakers);
					*by_operator.entry(pair.1.clone()).or_default() += m;
					for (t, x) in lost.iter_mut().zip(l) {
						*t += x;
					}
				}
				(lost, by_operator)
			});
			for (i, account) in accounts.iter().enumerate() {
				let Some(v) = account.vaults.iter().find(|v| v.vault == vault) else {
					assert_eq!(lost[i], 0, "staker {i} not listed in vault {vault} at {n}");
					continue;
				};
				assert!(
					v.max_loss + tolerance * worst.len() as u128 >= lost[i]
						&& v.max_loss <= v.position.slashable_balance,
					"vault max_loss of staker {i}: view {} vs {} of {}, block {n}, vault {vault}: \
					 {v:?}, the slashes {worst:?}",
					v.max_loss,
					lost[i],
					v.position.slashable_balance
				);
			}
			for (op, exposure) in &operators {
				let moved = by_operator.get(op).copied().unwrap_or(0);
				let at_risk =
					exposure.vaults.iter().find(|v| v.vault == vault).map_or(0, |v| v.at_risk);
				assert!(
					at_risk >= moved,
					"at_risk of {op:?} in vault {vault} at {n}: {at_risk} < {moved}"
				);
			}
		}
	}

	#[test]
	fn vault_position_stake_and_bad_arguments() {
		use Sr25519Keyring::{Alice, Ferdie};
		ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
			let (a, _, one, _) = sample();
			let summary = views::vault(a).expect("exists");
			assert_eq!(summary.active_stake, 3_900 * UNIT);
			assert_eq!(summary.withdrawals_next, 100 * UNIT);
			assert_eq!(summary.total_stake, 4_000 * UNIT);
			assert_eq!(summary.current_epoch, 0);
			assert_eq!(summary.next_epoch_start, 102);
			assert_eq!(views::vault(99), Err(ApiError::UnknownVault));
			assert_eq!(views::position(99, &Ferdie.to_account_id()), Err(ApiError::UnknownVault));
			assert_eq!(views::stake_at(a, &one, &Alice.to_account_id(), 3), Ok(1_000 * UNIT));
			assert_eq!(views::stake_at(a, &one, &Alice.to_account_id(), 1), Ok(0));
			assert_eq!(
				views::stake_at(a, &one, &Alice.to_account_id(), 4),
				Err(ApiError::FutureBlock)
			);
			// Long after: the histories no longer answer for block 3.
			System::set_block_number(3 + 1_000_000);
			assert_eq!(
				views::stake_at(a, &one, &Alice.to_account_id(), 3),
				Err(ApiError::HistoryPruned)
			);
			assert_eq!(
				views::slash_requests(RequestFilter::Vault(a), 0, MAX_REQUESTS_PER_PAGE + 1),
				Err(ApiError::TooManyItems)
			);
			assert_eq!(
				views::slash_requests(RequestFilter::Vault(99), 0, 1),
				Err(ApiError::UnknownVault)
			);
			assert_eq!(
				views::network_view(&Ferdie.to_account_id(), vec![]),
				Err(ApiError::UnknownNetwork)
			);
			assert_eq!(
				views::network_view(&one.network, (0..=MAX_SUBNETWORKS).collect()),
				Err(ApiError::TooManyItems)
			);
		});
	}

	/// The chain's own network on the local preset: Alice and Bob with equal power.
	#[test]
	fn concentration_and_the_network_view_of_the_chain() {
		ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
			System::set_block_number(2);
			let chain = Subnetwork::main(chain_network());
			let c = views::concentration(&chain, 1).expect("answers");
			assert_eq!(c.operators, 2);
			assert_eq!(c.top_share_ppm, 500_000);
			assert_eq!(c.hhi, 5_000);
			assert_eq!((c.nakamoto_third, c.nakamoto_two_thirds), (1, 2));
			assert_eq!(views::concentration(&chain, 3), Err(ApiError::FutureBlock));
			let view = views::network_view(&chain_network(), vec![]).expect("a network");
			assert!(view.managed);
			assert_eq!(view.subnetworks[0].vaults.len(), 2);
			assert_eq!(view.subnetworks[0].operator_set.operators.len(), 2);
			assert_eq!(view.subnetworks[0].operator_set.total, c.total_power);
			let set = views::operator_set(&chain, 2).expect("answers");
			assert_eq!(set.operators[0].vaults.len(), 2);
		});
	}

	/// A network's staker rewards (after a 10 % curator fee), its operator rewards, and the
	/// curator's fee, each listed for the account that can claim it.
	#[test]
	fn pending_rewards_of_a_staker_an_operator_and_a_curator() {
		use Sr25519Keyring::{Alice, Dave, Eve, Ferdie};
		ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
			let (a, _, _, _) = sample();
			System::set_block_number(4);
			let dave = Dave.to_account_id();
			assert_ok!(Rewards::set_admin_fee(signed(Eve), a, 1_000));
			assert_ok!(Rewards::distribute_staker_rewards(
				signed(Dave),
				a,
				dave.clone(),
				AssetKind::Native,
				400 * UNIT,
				3,
				1_000
			));
			assert_ok!(Rewards::distribute_operator_rewards(
				signed(Dave),
				dave.clone(),
				AssetKind::Native,
				frame_support::BoundedVec::truncate_from(vec![(Alice.to_account_id(), 5 * UNIT)]),
			));
			// Ferdie held 900 of the 3 900 shares at the snapshot: 900/3 900 of 360.
			let ferdie = views::pending_rewards(&Ferdie.to_account_id(), 0);
			assert_eq!(
				ferdie.staker,
				vec![StakerReward {
					vault: a,
					network: dave.clone(),
					asset: AssetKind::Native,
					amount: 360 * UNIT * 900 / 3_900,
				}]
			);
			assert!(ferdie.operator.is_empty() && ferdie.curator.is_empty());
			// Alice also has the rewards the presets credit her from Charlie at genesis.
			let from_dave = OperatorReward {
				network: dave.clone(),
				asset: AssetKind::Native,
				amount: 5 * UNIT,
			};
			let alice = views::pending_rewards(&Alice.to_account_id(), 0);
			assert_eq!(alice.operator.len(), 2);
			assert!(alice.operator.contains(&from_dave));
			let eve = views::pending_rewards(&Eve.to_account_id(), 0);
			assert_eq!(
				eve.curator,
				vec![CuratorFee { vault: a, asset: AssetKind::Native, amount: 40 * UNIT }]
			);
			// Claimed, they are gone.
			assert_ok!(Rewards::claim_operator_rewards(
				signed(Alice),
				dave,
				AssetKind::Native,
				Alice.to_account_id()
			));
			let left = views::pending_rewards(&Alice.to_account_id(), 0).operator;
			assert_eq!(left.len(), 1);
			assert!(!left.contains(&from_dave));
			Rewards::do_try_state().expect("rewards invariants hold");
		});
	}

	/// Requests of a veto vault: paged by vault and by subnetwork, listed as pending in the
	/// exposure of the vault's staker.
	#[test]
	fn slash_requests_pages_and_pending_requests_in_the_exposure() {
		use Sr25519Keyring::{Alice, Bob, Dave, Eve, Ferdie};
		ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
			let (_, _, charlie, _) = sample();
			let veto = pallet_rampart_vaults::SlasherKind::Veto {
				veto_duration: 10,
				resolver_set_epochs_delay: 3,
			};
			let c = native_vault_slashed_by(
				Eve,
				rampart_primitives::DelegatorKind::NetworkRestake,
				veto,
			);
			for operator in [Alice, Bob] {
				assert_ok!(Registry::opt_in(signed(operator), OptInTarget::Vault(c)));
			}
			assert_ok!(Delegation::set_max_network_limit(
				signed(Sr25519Keyring::Charlie),
				c,
				0,
				1_000 * UNIT
			));
			assert_ok!(Delegation::set_network_limit(
				signed(Eve),
				c,
				charlie.clone(),
				1_000 * UNIT
			));
			for operator in [Alice, Bob] {
				assert_ok!(Delegation::set_operator_network_shares(
					signed(Eve),
					c,
					charlie.clone(),
					operator.to_account_id(),
					1
				));
			}
			assert_ok!(Vaults::deposit(signed(Ferdie), c, Ferdie.to_account_id(), 200 * UNIT));
			System::set_block_number(5);
			for (operator, amount) in [(Alice, 10), (Bob, 20), (Alice, 30)] {
				assert_ok!(Slashing::request_slash(
					signed(Dave),
					c,
					charlie.clone(),
					operator.to_account_id(),
					amount * UNIT,
					4
				));
			}
			let all = views::slash_requests(RequestFilter::Vault(c), 0, 64).expect("a page");
			assert_eq!(all.requests.len(), 3);
			assert_eq!(all.next, None);
			assert!(all.requests.iter().all(|r| r.status == RequestStatus::Pending));
			assert_eq!(
				all.requests.iter().map(|r| r.amount / UNIT).collect::<Vec<_>>(),
				vec![10, 20, 30]
			);
			// Two pages of two and one.
			let first = views::slash_requests(RequestFilter::Vault(c), 0, 2).expect("a page");
			assert_eq!(first.requests.len(), 2);
			let next = first.next.expect("more");
			let second = views::slash_requests(RequestFilter::Vault(c), next, 2).expect("a page");
			assert_eq!(second.requests.len(), 1);
			assert_eq!(second.next, None);
			// By subnetwork: the same three, by id.
			let by_subnetwork =
				views::slash_requests(RequestFilter::Subnetwork(charlie.clone()), 0, 64)
					.expect("a page");
			assert_eq!(by_subnetwork.requests, all.requests);
			// Ferdie sees them in his exposure of vault c.
			let exposure = views::account_exposure(&Ferdie.to_account_id(), 0);
			let vc = exposure.vaults.iter().find(|v| v.vault == c).expect("listed");
			assert_eq!(vc.pending_requests, all.requests);
			// Stake 100 each for Alice and Bob; each pair could take its 100 of Ferdie's 200.
			assert_eq!(vc.max_loss, 200 * UNIT);
			// The window passes: the requests expire.
			System::set_block_number(4 + 100 + 1);
			let later = views::slash_requests(RequestFilter::Vault(c), 0, 64).expect("a page");
			assert!(later.requests.iter().all(|r| r.status == RequestStatus::Expired));
		});
	}
}

mod accounts {
	//! Batches, proxies and multisigs acting on the restaking pallets.
	use super::*;
	use crate::configs::accounts::ProxyType;
	use frame_support::{dispatch::GetDispatchInfo, traits::InstanceFilter};
	use pallet_rampart_registry::Call as RegistryCall;
	use rampart_primitives::{
		traits::{NetworkRegistry, OperatorRegistry, OptIns},
		OptInTarget,
	};
	use sp_runtime::traits::Dispatchable;

	fn eve() -> AccountId {
		Sr25519Keyring::Eve.to_account_id()
	}
	fn ferdie() -> AccountId {
		Sr25519Keyring::Ferdie.to_account_id()
	}
	fn network() -> OptInTarget<AccountId> {
		OptInTarget::Network(SAMPLE_NETWORK.to_account_id())
	}

	/// The outcome of the last `ProxyExecuted` event.
	fn last_proxy_result() -> sp_runtime::DispatchResult {
		System::events()
			.into_iter()
			.rev()
			.find_map(|r| match r.event {
				RuntimeEvent::Proxy(pallet_proxy::Event::ProxyExecuted { result }) => Some(result),
				_ => None,
			})
			.expect("a proxy call executed")
	}

	#[test]
	fn an_operator_sets_up_in_one_batch_all_which_is_all_or_nothing() {
		ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
			// The second call fails (vault 99 does not exist): the registration is undone too.
			let failing = RuntimeCall::Utility(pallet_utility::Call::batch_all {
				calls: vec![
					RuntimeCall::Registry(RegistryCall::register_operator {}),
					RuntimeCall::Registry(RegistryCall::opt_in { target: OptInTarget::Vault(99) }),
				],
			});
			let err = failing.dispatch(RuntimeOrigin::signed(eve())).unwrap_err();
			assert_eq!(err.error, pallet_rampart_registry::Error::<Runtime>::UnknownTarget.into());
			assert!(!Registry::is_operator(&eve()));

			let setup = RuntimeCall::Utility(pallet_utility::Call::batch_all {
				calls: vec![
					RuntimeCall::Registry(RegistryCall::register_operator {}),
					RuntimeCall::Registry(RegistryCall::opt_in { target: network() }),
					RuntimeCall::Registry(RegistryCall::opt_in { target: OptInTarget::Vault(0) }),
				],
			});
			assert_ok!(setup.dispatch(RuntimeOrigin::signed(eve())));
			assert!(Registry::is_operator(&eve()));
			assert!(Registry::is_opted_in(&eve(), &network()));
			assert!(Registry::is_opted_in(&eve(), &OptInTarget::Vault(0)));
		});
	}

	#[test]
	fn a_restaking_proxy_manages_but_cannot_move_the_cold_accounts_value() {
		ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
			// Eve (cold) names Ferdie (hot) her restaking proxy.
			assert_ok!(Proxy::add_proxy(
				RuntimeOrigin::signed(eve()),
				sp_runtime::MultiAddress::Id(ferdie()),
				ProxyType::Restaking,
				0
			));
			let as_eve = |call: RuntimeCall| {
				Proxy::proxy(
					RuntimeOrigin::signed(ferdie()),
					sp_runtime::MultiAddress::Id(eve()),
					None,
					Box::new(call),
				)
			};

			// Management, batched: Eve becomes an operator opted into the sample network.
			assert_ok!(as_eve(RuntimeCall::Utility(pallet_utility::Call::batch_all {
				calls: vec![
					RuntimeCall::Registry(RegistryCall::register_operator {}),
					RuntimeCall::Registry(RegistryCall::opt_in { target: network() }),
				],
			})));
			assert_ok!(last_proxy_result());
			assert!(Registry::is_operator(&eve()));
			assert!(Registry::is_opted_in(&eve(), &network()));

			// Value: a transfer, a deposit on Ferdie's behalf, a batch hiding a transfer.
			let transfer = RuntimeCall::Balances(pallet_balances::Call::transfer_allow_death {
				dest: sp_runtime::MultiAddress::Id(ferdie()),
				value: UNIT,
			});
			let deposit = RuntimeCall::Vaults(pallet_rampart_vaults::Call::deposit {
				vault: 0,
				on_behalf_of: ferdie(),
				amount: 1_000,
			});
			let claim =
				RuntimeCall::Rewards(pallet_rampart_rewards::Call::claim_operator_rewards {
					network: SAMPLE_NETWORK.to_account_id(),
					asset: AssetKind::Native,
					recipient: ferdie(),
				});
			for call in [transfer.clone(), deposit, claim] {
				let free = Balances::free_balance(eve());
				assert_ok!(as_eve(call));
				assert_eq!(
					last_proxy_result(),
					Err(frame_system::Error::<Runtime>::CallFiltered.into())
				);
				assert_eq!(Balances::free_balance(eve()), free);
			}
			System::set_block_number(2);
			let hidden = RuntimeCall::Utility(pallet_utility::Call::batch_all {
				calls: vec![
					RuntimeCall::Registry(RegistryCall::opt_out { target: network() }),
					transfer,
				],
			});
			assert_ok!(as_eve(hidden));
			assert_eq!(
				last_proxy_result(),
				Err(frame_system::Error::<Runtime>::CallFiltered.into())
			);
			assert!(Registry::is_opted_in(&eve(), &network()), "the batch was undone whole");

			// What the filter admits, per pallet.
			let restaking = ProxyType::Restaking;
			assert!(restaking.filter(&RuntimeCall::Vaults(
				pallet_rampart_vaults::Call::set_deposit_limit { vault: 0, limit: 1 }
			)));
			assert!(restaking.filter(&RuntimeCall::Rewards(
				pallet_rampart_rewards::Call::set_admin_fee { vault: 0, fee: 1 }
			)));
			assert!(!restaking.filter(&RuntimeCall::Vaults(
				pallet_rampart_vaults::Call::transfer_shares { vault: 0, to: ferdie(), shares: 1 }
			)));
			assert!(!restaking.filter(&RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
				delegate: sp_runtime::MultiAddress::Id(ferdie()),
				proxy_type: ProxyType::Any,
				delay: 0,
			})));
			assert!(ProxyType::Any.is_superset(&restaking));
			assert!(!restaking.is_superset(&ProxyType::Any));
		});
	}

	#[test]
	fn a_two_of_three_multisig_registers_as_a_network() {
		ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
			let mut signatories = vec![alice(), bob(), eve()];
			signatories.sort();
			let multisig = Multisig::multi_account_id(&signatories, 2);
			assert_ok!(Balances::transfer_allow_death(
				RuntimeOrigin::signed(alice()),
				sp_runtime::MultiAddress::Id(multisig.clone()),
				10 * UNIT
			));
			let call = RuntimeCall::Utility(pallet_utility::Call::batch_all {
				calls: vec![
					RuntimeCall::Registry(RegistryCall::register_network {}),
					RuntimeCall::Registry(RegistryCall::set_middleware {
						middleware: Some(ferdie()),
					}),
				],
			});
			let others = |me: &AccountId| {
				signatories.iter().filter(|s| *s != me).cloned().collect::<Vec<_>>()
			};
			let weight = call.get_dispatch_info().call_weight;
			// Alice approves (and deposits); nothing happens yet.
			assert_ok!(Multisig::as_multi(
				RuntimeOrigin::signed(alice()),
				2,
				others(&alice()),
				None,
				Box::new(call.clone()),
				weight
			));
			assert!(!Registry::is_network(&multisig));
			// Eve's approval is the second: the call executes as the multisig.
			let timepoint = Multisig::timepoint();
			assert_ok!(Multisig::as_multi(
				RuntimeOrigin::signed(eve()),
				2,
				others(&eve()),
				Some(pallet_multisig::Timepoint { height: timepoint.height, index: 0 }),
				Box::new(call),
				weight
			));
			assert!(Registry::is_network(&multisig));
			assert_eq!(Registry::middleware_of(&multisig), Some(ferdie()));
		});
	}
}
