// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! What the Rampart pallets' benchmarks need from a runtime, written once.
//!
//! [`Helpers`] implements the `BenchmarkHelper` trait of each of the five pallets with real
//! calls: keys generated in the benchmark keystore sign opt-ins; accounts are minted what they
//! spend; networks, middleware and operators register through the registry; vaults are created
//! over the native token (or asset #1000) and filled by real deposits; stake is given through the
//! delegation's limits and shares. Any runtime whose accounts are 32 bytes, whose collateral is
//! `NativeOrWithId<u32>` over `pallet-balances` and `pallet-assets` (default instances, `u128`
//! balances, root may force-create assets), and that has the five pallets can name
//! `Helpers<Runtime, UNIT>` as each pallet's `BenchmarkHelper`; the reference runtime and the
//! integration-tests runtime both do. `UNIT` is one whole token of the native currency.
//!
//! Compiled only with the `runtime-benchmarks` feature.

#![cfg_attr(not(feature = "std"), no_std)]
#![cfg(feature = "runtime-benchmarks")]

extern crate alloc;

use alloc::vec::Vec;
use core::marker::PhantomData;
use frame_support::traits::{
	fungible::{Mutate as _, NativeOrWithId},
	fungibles::{Inspect as _, Mutate as _},
	Get,
};
use frame_system::RawOrigin;
use rampart_primitives::{
	clock::{BlockNumberOf, RestakingClock},
	DelegatorKind, OptInTarget, Role, SlasherKind, Subnetwork, VaultId,
};
use sp_runtime::{
	traits::{BlockNumberProvider, IdentifyAccount, One, StaticLookup},
	AccountId32, MultiSignature, MultiSigner,
};

/// The asset the vault benchmarks use as collateral (sufficient), created on first use.
pub const COLLATERAL_ASSET: u32 = 1_000;
/// The asset the reward benchmarks pay (not sufficient), created on first use.
pub const REWARD_ASSET: u32 = 1_001;

/// The key type of the keys the registry benchmarks sign with.
const BENCHMARK_KEY_TYPE: sp_core::crypto::KeyTypeId = sp_core::crypto::KeyTypeId(*b"rmpt");

/// The runtimes [`Helpers`] serves: see the [crate docs](crate).
pub trait BenchmarkRuntime:
	frame_system::Config<AccountId = AccountId32>
	+ pallet_balances::Config<Balance = u128>
	+ pallet_assets::Config<AssetId = u32, AssetIdParameter: From<u32>, Balance = u128>
	+ pallet_rampart_registry::Config<OffchainSignature = MultiSignature>
	+ pallet_rampart_vaults::Config<AssetKind = NativeOrWithId<u32>>
	+ pallet_rampart_delegation::Config
	+ pallet_rampart_slashing::Config
	+ pallet_rampart_rewards::Config<AssetKind = NativeOrWithId<u32>>
	+ pallet_rampart_middleware::Config<AssetKind = NativeOrWithId<u32>>
{
}

impl<T> BenchmarkRuntime for T where
	T: frame_system::Config<AccountId = AccountId32>
		+ pallet_balances::Config<Balance = u128>
		+ pallet_assets::Config<AssetId = u32, AssetIdParameter: From<u32>, Balance = u128>
		+ pallet_rampart_registry::Config<OffchainSignature = MultiSignature>
		+ pallet_rampart_vaults::Config<AssetKind = NativeOrWithId<u32>>
		+ pallet_rampart_delegation::Config
		+ pallet_rampart_slashing::Config
		+ pallet_rampart_rewards::Config<AssetKind = NativeOrWithId<u32>>
		+ pallet_rampart_middleware::Config<AssetKind = NativeOrWithId<u32>>
{
}

/// The benchmark helpers of runtime `T`, whose native token has `UNIT` base units per token.
pub struct Helpers<T, const UNIT: u128>(PhantomData<T>);

type Vaults<T> = pallet_rampart_vaults::Pallet<T>;
type Registry<T> = pallet_rampart_registry::Pallet<T>;
type Delegation<T> = pallet_rampart_delegation::Pallet<T>;

fn signed<T: frame_system::Config>(who: &T::AccountId) -> T::RuntimeOrigin {
	RawOrigin::Signed(who.clone()).into()
}

impl<T: BenchmarkRuntime, const UNIT: u128> Helpers<T, UNIT> {
	/// Mints a million tokens to `who`.
	fn fund_native(who: &AccountId32) {
		let _ = pallet_balances::Pallet::<T>::mint_into(who, 1_000_000 * UNIT);
	}

	/// Asset `id`, created on first use as governance would (`force_create`: the id allocator
	/// only binds signed creators).
	fn asset(id: u32, is_sufficient: bool) -> NativeOrWithId<u32> {
		if !pallet_assets::Pallet::<T>::asset_exists(id) {
			let owner: AccountId32 = frame_benchmarking::account("asset-owner", 0, 0);
			pallet_assets::Pallet::<T>::force_create(
				RawOrigin::Root.into(),
				id.into(),
				<T as frame_system::Config>::Lookup::unlookup(owner),
				is_sufficient,
				1,
			)
			.expect("the asset does not exist yet; qed");
		}
		NativeOrWithId::WithId(id)
	}

	/// Registers `network` (funded) if it is not registered yet (a genesis network, such as the
	/// reference chain's own, is).
	fn register_as_network(network: &AccountId32) {
		use rampart_primitives::traits::NetworkRegistry;
		Self::fund_native(network);
		if !<Registry<T> as NetworkRegistry<_>>::is_network(network) {
			Registry::<T>::register_network(signed::<T>(network))
				.expect("a funded account registers");
		}
	}

	/// Registers `operator` (funded) if it is not registered yet.
	fn register_as_operator(operator: &AccountId32) {
		use rampart_primitives::traits::OperatorRegistry;
		if !<Registry<T> as OperatorRegistry<_>>::is_operator(operator) {
			Self::fund_native(operator);
			Registry::<T>::register_operator(signed::<T>(operator))
				.expect("a funded account registers");
		}
	}

	/// Registers `network` (funded) and names its middleware (funded too).
	fn network_with_middleware(network: &AccountId32, middleware: &AccountId32) {
		use rampart_primitives::traits::NetworkRegistry;
		Self::register_as_network(network);
		Self::fund_native(middleware);
		if <Registry<T> as NetworkRegistry<_>>::middleware_of(network).as_ref() != Some(middleware)
		{
			Registry::<T>::set_middleware(signed::<T>(network), Some(middleware.clone()))
				.expect("a network names its middleware");
		}
	}

	/// Registers `operator` and opts it into `network` and `vault`.
	fn opt_into(operator: &AccountId32, network: &AccountId32, vault: VaultId) {
		Self::register_as_operator(operator);
		for target in [OptInTarget::Network(network.clone()), OptInTarget::Vault(vault)] {
			Registry::<T>::opt_in(signed::<T>(operator), target)
				.expect("a registered operator opts in");
		}
	}

	/// A vault over the native token with epochs of `epoch` blocks, created by `curator`
	/// (funded), who holds every role in `roles`.
	fn native_vault(
		curator: &AccountId32,
		epoch: BlockNumberOf<T>,
		delegator: DelegatorKind<AccountId32>,
		slasher: SlasherKind<BlockNumberOf<T>>,
		burner: pallet_rampart_vaults::Burner<AccountId32, BlockNumberOf<T>>,
		roles: &[Role],
	) -> VaultId {
		Self::vault_over(NativeOrWithId::Native, curator, epoch, delegator, slasher, burner, roles)
	}

	/// A vault over `collateral` with epochs of `epoch` blocks, created by `curator` (funded),
	/// who holds every role in `roles`.
	#[allow(clippy::too_many_arguments)]
	fn vault_over(
		collateral: NativeOrWithId<u32>,
		curator: &AccountId32,
		epoch: BlockNumberOf<T>,
		delegator: DelegatorKind<AccountId32>,
		slasher: SlasherKind<BlockNumberOf<T>>,
		burner: pallet_rampart_vaults::Burner<AccountId32, BlockNumberOf<T>>,
		roles: &[Role],
	) -> VaultId {
		Self::fund_native(curator);
		if let NativeOrWithId::WithId(id) = collateral {
			// The creator pays the vault account's reserve of the collateral too.
			let _ = pallet_assets::Pallet::<T>::mint_into(id, curator, 1_000_000 * UNIT);
		}
		let roles: Vec<_> = roles.iter().map(|role| (*role, curator.clone())).collect();
		let config = pallet_rampart_vaults::VaultConfig {
			collateral,
			epoch_duration: epoch,
			delegator,
			slasher,
			burner,
			deposit_whitelist: false,
			is_deposit_limit: false,
			deposit_limit: 0,
			roles: frame_support::BoundedVec::truncate_from(roles),
		};
		let vault = pallet_rampart_vaults::NextVaultId::<T>::get();
		Vaults::<T>::create_vault(signed::<T>(curator), config)
			.expect("a funded curator creates a vault");
		vault
	}

	/// `who` (funded) deposits `amount` into `vault`.
	fn deposit(who: &AccountId32, vault: VaultId, amount: u128) {
		Vaults::<T>::deposit(signed::<T>(who), vault, who.clone(), amount)
			.expect("a funded deposit");
	}

	/// The shortest epoch a vault may have.
	fn shortest_epoch() -> BlockNumberOf<T> {
		<T as pallet_rampart_vaults::Config>::MinEpochDuration::get()
	}

	/// Moves the chain one block on.
	fn next_block() {
		let now = frame_system::Pallet::<T>::block_number();
		frame_system::Pallet::<T>::set_block_number(now + One::one());
	}
}

/// Signs benchmark opt-ins with an sr25519 key generated in the benchmark's keystore.
impl<T: BenchmarkRuntime, const UNIT: u128>
	pallet_rampart_registry::BenchmarkHelper<MultiSignature, AccountId32> for Helpers<T, UNIT>
{
	fn signer() -> AccountId32 {
		let public = sp_io::crypto::sr25519_generate(BENCHMARK_KEY_TYPE, None);
		MultiSigner::from(public).into_account()
	}

	fn sign(signer: &AccountId32, message: &[u8]) -> MultiSignature {
		let public = sp_core::sr25519::Public::from_raw(*signer.as_ref());
		let signature = sp_io::crypto::sr25519_sign(BENCHMARK_KEY_TYPE, &public, message)
			.expect("`signer` generated this key in the benchmark keystore; qed");
		MultiSignature::Sr25519(signature)
	}
}

/// Asset #1000 as collateral; accounts registered through the registry.
impl<T: BenchmarkRuntime, const UNIT: u128>
	pallet_rampart_vaults::BenchmarkHelper<NativeOrWithId<u32>, AccountId32> for Helpers<T, UNIT>
{
	fn register(operator: &AccountId32, network: &AccountId32) {
		Self::register_as_operator(operator);
		Self::register_as_network(network);
	}

	fn collateral() -> NativeOrWithId<u32> {
		Self::asset(COLLATERAL_ASSET, true)
	}
}

/// Real native vaults with real deposits, networks and opt-ins.
impl<T: BenchmarkRuntime, const UNIT: u128> pallet_rampart_delegation::BenchmarkHelper<AccountId32>
	for Helpers<T, UNIT>
{
	fn vault(kind: DelegatorKind<AccountId32>, curator: &AccountId32, stake: u128) -> VaultId {
		let vault = Self::native_vault(
			curator,
			Self::shortest_epoch(),
			kind,
			SlasherKind::Instant,
			pallet_rampart_vaults::Burner::Burn,
			&[
				Role::Admin,
				Role::NetworkLimitSetter,
				Role::OperatorNetworkSharesSetter,
				Role::OperatorNetworkLimitSetter,
				Role::HookSetter,
			],
		);
		Self::deposit(curator, vault, stake);
		vault
	}

	/// The entries are written into the vault's active pool history directly, alternating
	/// between the vault's pool and one more unit of stake and shares and ending at the pool:
	/// the history of that many blocks of deposits and withdrawals. A deep history is hundreds
	/// of thousands of entries, and a deposit per entry took minutes per setup.
	fn stake_history(vault: VaultId, entries: u32) {
		type Clock<T> = <T as RestakingClock>::BlockNumberProvider;
		type Pools<T> = pallet_rampart_vaults::ActivePools<T>;
		let pool = pallet_rampart_vaults::Pallet::<T>::active_pool(vault);
		let start = Clock::<T>::current_block_number();
		let value = |i: u32| {
			let extra = u128::from((entries - 1 - i) % 2);
			pallet_rampart_vaults::ActivePool {
				stake: pool.stake + extra,
				shares: pool.shares + extra,
				..pool
			}
		};
		if entries > 0 {
			// The current block may hold an entry already: a push replaces it.
			Pools::<T>::push(&vault, start, value(0), 0u32.into()).expect("in order; qed");
			Pools::<T>::extend_unpruned(&vault, (1..entries).map(|i| (start + i.into(), value(i))))
				.expect("in order; qed");
		}
		Clock::<T>::set_block_number(start + entries.saturating_sub(1).into());
	}

	fn register_network(network: &AccountId32) {
		Self::register_as_network(network);
	}

	fn opt_in(operator: &AccountId32, network: &AccountId32, vault: VaultId) {
		Self::opt_into(operator, network, vault);
	}
}

/// A real network with middleware, an operator, a network-restake vault over the native token
/// with the requested slasher and the costliest burner, and the operator's stake in the network.
impl<T: BenchmarkRuntime, const UNIT: u128>
	pallet_rampart_slashing::BenchmarkHelper<AccountId32, BlockNumberOf<T>> for Helpers<T, UNIT>
{
	fn setup(
		slasher: SlasherKind<BlockNumberOf<T>>,
		epoch: BlockNumberOf<T>,
		network: &AccountId32,
		middleware: &AccountId32,
		operator: &AccountId32,
	) -> VaultId {
		let curator: AccountId32 = frame_benchmarking::account("curator", 0, 0);
		Self::network_with_middleware(network, middleware);
		let vault = Self::native_vault(
			&curator,
			epoch,
			DelegatorKind::NetworkRestake,
			slasher,
			// The costliest burner: a router resolving all three routes to a fallback account
			// the slash creates.
			pallet_rampart_vaults::Burner::Router {
				fallback: frame_benchmarking::account("fallback", 0, 0),
				delay: One::one(),
			},
			&[Role::Admin, Role::NetworkLimitSetter, Role::OperatorNetworkSharesSetter],
		);
		Self::deposit(&curator, vault, 1_000 * UNIT);
		Self::opt_into(operator, network, vault);
		let subnetwork = Subnetwork::main(network.clone());
		Delegation::<T>::set_max_network_limit(signed::<T>(network), vault, 0, 1_000 * UNIT)
			.expect("a network sets its maximum");
		Delegation::<T>::set_network_limit(
			signed::<T>(&curator),
			vault,
			subnetwork.clone(),
			1_000 * UNIT,
		)
		.expect("the curator sets the limit");
		Delegation::<T>::set_operator_network_shares(
			signed::<T>(&curator),
			vault,
			subnetwork,
			operator.clone(),
			1,
		)
		.expect("the curator gives the operator shares");
		vault
	}
}

/// Real networks, a native vault with a share history, operators with stake, and reward asset
/// #1001.
impl<T: BenchmarkRuntime, const UNIT: u128>
	pallet_rampart_rewards::BenchmarkHelper<AccountId32, NativeOrWithId<u32>> for Helpers<T, UNIT>
{
	fn asset() -> NativeOrWithId<u32> {
		Self::asset(REWARD_ASSET, false)
	}

	fn fund(asset: &NativeOrWithId<u32>, who: &AccountId32) {
		Self::fund_native(who);
		if let NativeOrWithId::WithId(id) = asset {
			let _ = pallet_assets::Pallet::<T>::mint_into(*id, who, 1_000_000 * UNIT);
		}
	}

	fn register_network(network: &AccountId32, middleware: &AccountId32) {
		Self::network_with_middleware(network, middleware);
	}

	fn vault_with_history(admin: &AccountId32, staker: &AccountId32, history: u32) -> VaultId {
		let vault = Self::native_vault(
			admin,
			Self::shortest_epoch(),
			DelegatorKind::NetworkRestake,
			SlasherKind::Instant,
			pallet_rampart_vaults::Burner::Burn,
			&[
				Role::Admin,
				Role::AdminFeeSetter,
				Role::AdminFeeClaimer,
				Role::NetworkLimitSetter,
				Role::OperatorNetworkSharesSetter,
			],
		);
		Self::fund_native(staker);
		for _ in 0..history {
			Self::deposit(staker, vault, UNIT);
			Self::next_block();
		}
		vault
	}

	fn give_stake(
		admin: &AccountId32,
		vault: VaultId,
		subnetwork: &Subnetwork<AccountId32>,
		operator: &AccountId32,
	) {
		let network = &subnetwork.network;
		let limit = 1_000_000 * UNIT;
		// Once per vault and network; later calls find it set.
		let _ = Delegation::<T>::set_max_network_limit(
			signed::<T>(network),
			vault,
			subnetwork.id,
			limit,
		);
		let _ = Delegation::<T>::set_network_limit(
			signed::<T>(admin),
			vault,
			subnetwork.clone(),
			limit,
		);
		Self::opt_into(operator, network, vault);
		Delegation::<T>::set_operator_network_shares(
			signed::<T>(admin),
			vault,
			subnetwork.clone(),
			operator.clone(),
			1,
		)
		.expect("the curator gives the operator shares");
	}
}

/// Networks delegated to the middleware, operators opted in, and vaults (native and asset #1000,
/// alternately) in which each operator has stake in the network's main subnetwork.
impl<T: BenchmarkRuntime, const UNIT: u128>
	pallet_rampart_middleware::BenchmarkHelper<AccountId32, NativeOrWithId<u32>> for Helpers<T, UNIT>
{
	fn network(network: &AccountId32, middleware: &AccountId32) {
		Self::network_with_middleware(network, middleware);
	}

	fn operator(operator: &AccountId32, network: &AccountId32) {
		Self::register_as_operator(operator);
		Registry::<T>::opt_in(signed::<T>(operator), OptInTarget::Network(network.clone()))
			.expect("a registered operator opts into a network");
	}

	fn vault(
		index: u32,
		network: &AccountId32,
		operators: &[AccountId32],
	) -> (VaultId, NativeOrWithId<u32>) {
		let collateral = if index.is_multiple_of(2) {
			NativeOrWithId::Native
		} else {
			Self::asset(COLLATERAL_ASSET, true)
		};
		let curator: AccountId32 = frame_benchmarking::account("middleware-curator", index, 0);
		let vault = Self::vault_over(
			collateral.clone(),
			&curator,
			Self::shortest_epoch(),
			DelegatorKind::NetworkRestake,
			SlasherKind::Instant,
			pallet_rampart_vaults::Burner::Burn,
			&[Role::Admin, Role::NetworkLimitSetter, Role::OperatorNetworkSharesSetter],
		);
		let staker: AccountId32 = frame_benchmarking::account("middleware-staker", index, 0);
		<Self as pallet_rampart_rewards::BenchmarkHelper<_, _>>::fund(&collateral, &staker);
		Self::deposit(&staker, vault, 1_000 * UNIT);
		let limit = 1_000_000 * UNIT;
		let _ = Delegation::<T>::set_max_network_limit(signed::<T>(network), vault, 0, limit);
		let subnetwork = Subnetwork::main(network.clone());
		Delegation::<T>::set_network_limit(signed::<T>(&curator), vault, subnetwork.clone(), limit)
			.expect("the curator sets the limit");
		for operator in operators {
			Registry::<T>::opt_in(signed::<T>(operator), OptInTarget::Vault(vault))
				.expect("a registered operator opts into a vault");
			Delegation::<T>::set_operator_network_shares(
				signed::<T>(&curator),
				vault,
				subnetwork.clone(),
				operator.clone(),
				1,
			)
			.expect("the curator gives the operator shares");
		}
		(vault, collateral)
	}

	fn fund(asset: &NativeOrWithId<u32>, who: &AccountId32) {
		<Self as pallet_rampart_rewards::BenchmarkHelper<_, _>>::fund(asset, who);
	}
}
