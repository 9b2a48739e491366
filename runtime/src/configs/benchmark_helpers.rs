// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! What the Rampart pallets' benchmarks need from this runtime: keys to sign opt-ins, funded
//! accounts, registered networks and operators, vaults with stake and long histories. Compiled
//! only with `runtime-benchmarks`; the pallets' configurations name these helpers.

use rampart_primitives::{AccountPublic, AssetKind, Signature};

use super::restaking::MinEpochDuration;

use crate::{
	AccountId, Balance, Balances, BlockNumber, Delegation, Registry, Runtime, System, Vaults, UNIT,
};

/// Signs benchmark opt-ins with an sr25519 key generated in the benchmark's keystore.
pub struct RegistryBenchmarkHelper;

impl pallet_rampart_registry::BenchmarkHelper<Signature, AccountId> for RegistryBenchmarkHelper {
	fn signer() -> AccountId {
		use sp_runtime::traits::IdentifyAccount;
		let public = sp_io::crypto::sr25519_generate(BENCHMARK_KEY_TYPE, None);
		AccountPublic::from(public).into_account()
	}

	fn sign(signer: &AccountId, message: &[u8]) -> Signature {
		let public = sp_core::sr25519::Public::from_raw(*signer.as_ref());
		let signature = sp_io::crypto::sr25519_sign(BENCHMARK_KEY_TYPE, &public, message)
			.expect("`signer` generated this key in the benchmark keystore; qed");
		Signature::Sr25519(signature)
	}
}

const BENCHMARK_KEY_TYPE: sp_core::crypto::KeyTypeId = sp_core::crypto::KeyTypeId(*b"rmpt");

/// Gives the vault benchmarks asset #1000, created on first use, and registered accounts.
pub struct VaultsBenchmarkHelper;

impl pallet_rampart_vaults::BenchmarkHelper<AssetKind, AccountId> for VaultsBenchmarkHelper {
	fn register(operator: &AccountId, network: &AccountId) {
		use frame_support::traits::fungible::Mutate;
		for who in [operator, network] {
			let _ = Balances::mint_into(who, 1_000 * UNIT);
		}
		Registry::register_operator(crate::RuntimeOrigin::signed(operator.clone()))
			.expect("a funded account registers");
		Registry::register_network(crate::RuntimeOrigin::signed(network.clone()))
			.expect("a funded account registers");
	}

	fn collateral() -> AssetKind {
		benchmark_asset(1_000, true)
	}
}

/// Asset `id` for the benchmarks, created on first use as governance would (`force_create`:
/// the id allocator only binds signed creators).
fn benchmark_asset(id: rampart_primitives::AssetId, is_sufficient: bool) -> AssetKind {
	use frame_support::traits::fungibles::Inspect;
	if !crate::Assets::asset_exists(id) {
		let owner: AccountId = frame_benchmarking::account("asset-owner", 0, 0);
		crate::Assets::force_create(
			crate::RuntimeOrigin::root(),
			codec::Compact(id),
			owner.into(),
			is_sufficient,
			1,
		)
		.expect("the asset does not exist yet; qed");
	}
	AssetKind::WithId(id)
}

/// Sets up real vaults (over the native token), networks and opt-ins for the delegation
/// benchmarks.
pub struct DelegationBenchmarkHelper;

impl DelegationBenchmarkHelper {
	fn fund(who: &AccountId) {
		use frame_support::traits::fungible::Mutate;
		let _ = Balances::mint_into(who, 1_000_000 * UNIT);
	}

	/// A vault over the native token created by `curator`, who holds every role in `roles`.
	fn native_vault(
		curator: &AccountId,
		delegator: rampart_primitives::DelegatorKind<AccountId>,
		slasher: rampart_primitives::SlasherKind<BlockNumber>,
		epoch_duration: BlockNumber,
		burner: pallet_rampart_vaults::Burner<AccountId, BlockNumber>,
		roles: &[rampart_primitives::Role],
	) -> rampart_primitives::VaultId {
		Self::fund(curator);
		let roles = roles.iter().map(|role| (*role, curator.clone())).collect();
		let config = pallet_rampart_vaults::VaultConfig {
			collateral: AssetKind::Native,
			epoch_duration,
			delegator,
			slasher,
			burner,
			deposit_whitelist: false,
			is_deposit_limit: false,
			deposit_limit: 0,
			roles: frame_support::BoundedVec::truncate_from(roles),
		};
		let vault = pallet_rampart_vaults::NextVaultId::<Runtime>::get();
		Vaults::create_vault(crate::RuntimeOrigin::signed(curator.clone()), config)
			.expect("a funded curator creates a vault");
		vault
	}

	/// Registers `network` (funded) and names its middleware.
	fn network_with_middleware(network: &AccountId, middleware: &AccountId) {
		<Self as pallet_rampart_delegation::BenchmarkHelper<AccountId>>::register_network(network);
		Registry::set_middleware(
			crate::RuntimeOrigin::signed(network.clone()),
			Some(middleware.clone()),
		)
		.expect("a network names its middleware");
	}
}

impl pallet_rampart_delegation::BenchmarkHelper<AccountId> for DelegationBenchmarkHelper {
	fn vault(
		kind: rampart_primitives::DelegatorKind<AccountId>,
		curator: &AccountId,
		stake: Balance,
	) -> rampart_primitives::VaultId {
		use rampart_primitives::Role;
		let vault = Self::native_vault(
			curator,
			kind,
			rampart_primitives::SlasherKind::Instant,
			MinEpochDuration::get(),
			pallet_rampart_vaults::Burner::Burn,
			&[
				Role::Admin,
				Role::NetworkLimitSetter,
				Role::OperatorNetworkSharesSetter,
				Role::OperatorNetworkLimitSetter,
				Role::HookSetter,
			],
		);
		Vaults::deposit(
			crate::RuntimeOrigin::signed(curator.clone()),
			vault,
			curator.clone(),
			stake,
		)
		.expect("a funded deposit");
		vault
	}

	fn stake_history(vault: rampart_primitives::VaultId, entries: u32) {
		let who: AccountId = frame_benchmarking::account("staker", 0, 0);
		Self::fund(&who);
		let origin = crate::RuntimeOrigin::signed(who.clone());
		for i in 0..entries {
			if i > 0 {
				System::set_block_number(System::block_number() + 1);
			}
			Vaults::deposit(origin.clone(), vault, who.clone(), UNIT).expect("a funded deposit");
		}
	}

	fn register_network(network: &AccountId) {
		Self::fund(network);
		Registry::register_network(crate::RuntimeOrigin::signed(network.clone()))
			.expect("a funded account registers");
	}

	fn opt_in(operator: &AccountId, network: &AccountId, vault: rampart_primitives::VaultId) {
		use rampart_primitives::OptInTarget;
		Self::fund(operator);
		let origin = crate::RuntimeOrigin::signed(operator.clone());
		Registry::register_operator(origin.clone()).expect("a funded account registers");
		Registry::opt_in(origin.clone(), OptInTarget::Network(network.clone()))
			.expect("a registered operator opts into a network");
		Registry::opt_in(origin, OptInTarget::Vault(vault)).expect("and into a vault");
	}
}

/// Sets up a real network with middleware, an operator, a network-restake vault over the native
/// token with the requested slasher, and the operator's stake in the network, for the slashing
/// benchmarks.
pub struct SlashingBenchmarkHelper;

impl pallet_rampart_slashing::BenchmarkHelper<AccountId, BlockNumber> for SlashingBenchmarkHelper {
	fn setup(
		slasher: rampart_primitives::SlasherKind<BlockNumber>,
		epoch: BlockNumber,
		network: &AccountId,
		middleware: &AccountId,
		operator: &AccountId,
	) -> rampart_primitives::VaultId {
		use pallet_rampart_delegation::BenchmarkHelper;
		use rampart_primitives::{Role, Subnetwork};
		let signed = |who: &AccountId| crate::RuntimeOrigin::signed(who.clone());
		let curator: AccountId = frame_benchmarking::account("curator", 0, 0);
		DelegationBenchmarkHelper::fund(middleware);
		DelegationBenchmarkHelper::network_with_middleware(network, middleware);
		let vault = DelegationBenchmarkHelper::native_vault(
			&curator,
			rampart_primitives::DelegatorKind::NetworkRestake,
			slasher,
			epoch,
			// The costliest burner: a router resolving all three routes to a fallback account
			// the slash creates.
			pallet_rampart_vaults::Burner::Router {
				fallback: frame_benchmarking::account("fallback", 0, 0),
				delay: 1,
			},
			&[Role::Admin, Role::NetworkLimitSetter, Role::OperatorNetworkSharesSetter],
		);
		Vaults::deposit(signed(&curator), vault, curator.clone(), 1_000 * UNIT)
			.expect("a funded deposit");
		DelegationBenchmarkHelper::opt_in(operator, network, vault);
		let subnetwork = Subnetwork::main(network.clone());
		Delegation::set_max_network_limit(signed(network), vault, 0, 1_000 * UNIT)
			.expect("a network sets its maximum");
		Delegation::set_network_limit(signed(&curator), vault, subnetwork.clone(), 1_000 * UNIT)
			.expect("the curator sets the limit");
		Delegation::set_operator_network_shares(
			signed(&curator),
			vault,
			subnetwork,
			operator.clone(),
			1,
		)
		.expect("the curator gives the operator shares");
		vault
	}
}

/// Sets up real networks, a native-collateral vault with a share history, operators with stake,
/// and reward asset #1001 for the rewards benchmarks.
pub struct RewardsBenchmarkHelper;

impl pallet_rampart_rewards::BenchmarkHelper<AccountId, AssetKind> for RewardsBenchmarkHelper {
	fn asset() -> AssetKind {
		benchmark_asset(1_001, false)
	}

	fn fund(asset: &AssetKind, who: &AccountId) {
		use frame_support::traits::fungibles::Mutate;
		DelegationBenchmarkHelper::fund(who);
		if let AssetKind::WithId(id) = asset {
			let _ = crate::Assets::mint_into(*id, who, 1_000_000 * UNIT);
		}
	}

	fn register_network(network: &AccountId, middleware: &AccountId) {
		DelegationBenchmarkHelper::network_with_middleware(network, middleware);
	}

	fn vault_with_history(
		admin: &AccountId,
		staker: &AccountId,
		history: u32,
	) -> rampart_primitives::VaultId {
		use rampart_primitives::Role;
		let vault = DelegationBenchmarkHelper::native_vault(
			admin,
			rampart_primitives::DelegatorKind::NetworkRestake,
			rampart_primitives::SlasherKind::Instant,
			MinEpochDuration::get(),
			pallet_rampart_vaults::Burner::Burn,
			&[
				Role::Admin,
				Role::AdminFeeSetter,
				Role::AdminFeeClaimer,
				Role::NetworkLimitSetter,
				Role::OperatorNetworkSharesSetter,
			],
		);
		DelegationBenchmarkHelper::fund(staker);
		let origin = crate::RuntimeOrigin::signed(staker.clone());
		for _ in 0..history {
			Vaults::deposit(origin.clone(), vault, staker.clone(), UNIT).expect("a funded deposit");
			System::set_block_number(System::block_number() + 1);
		}
		vault
	}

	fn give_stake(
		admin: &AccountId,
		vault: rampart_primitives::VaultId,
		subnetwork: &rampart_primitives::Subnetwork<AccountId>,
		operator: &AccountId,
	) {
		use pallet_rampart_delegation::BenchmarkHelper;
		let network = &subnetwork.network;
		let limit = 1_000_000 * UNIT;
		// Once per vault and network; later calls find it set.
		let _ = Delegation::set_max_network_limit(
			crate::RuntimeOrigin::signed(network.clone()),
			vault,
			subnetwork.id,
			limit,
		);
		let curator = crate::RuntimeOrigin::signed(admin.clone());
		let _ = Delegation::set_network_limit(curator.clone(), vault, subnetwork.clone(), limit);
		DelegationBenchmarkHelper::opt_in(operator, network, vault);
		Delegation::set_operator_network_shares(
			curator,
			vault,
			subnetwork.clone(),
			operator.clone(),
			1,
		)
		.expect("the curator gives the operator shares");
	}
}
