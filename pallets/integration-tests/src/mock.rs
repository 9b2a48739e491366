// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The integration runtime. Accounts are 32 bytes (the registry verifies sr25519 signatures and
//! each vault derives its own account); the native token has an existential deposit of 1 and
//! asset [`USD`] exists with a minimum balance of 1.

use frame_support::{
	derive_impl, parameter_types,
	traits::{
		fungible::{HoldConsideration, NativeFromLeft, NativeOrWithId, UnionOf},
		AsEnsureOriginWithArg, ConstU128, ConstU32, ConstU64, LinearStoragePrice,
	},
	PalletId,
};
use frame_system::{EnsureRoot, EnsureSigned};
use sp_runtime::{traits::IdentityLookup, AccountId32, BuildStorage, MultiSignature, MultiSigner};

pub type AccountId = AccountId32;
pub type Balance = u128;
pub type AssetKind = NativeOrWithId<u32>;
type Block = frame_system::mocking::MockBlock<Runtime>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeTask,
		RuntimeHoldReason,
		RuntimeFreezeReason,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(2)]
	pub type Assets = pallet_assets;
	#[runtime::pallet_index(20)]
	pub type Vaults = pallet_rampart_vaults;
	#[runtime::pallet_index(21)]
	pub type Registry = pallet_rampart_registry;
	#[runtime::pallet_index(22)]
	pub type Delegation = pallet_rampart_delegation;
	#[runtime::pallet_index(23)]
	pub type Slashing = pallet_rampart_slashing;
	#[runtime::pallet_index(24)]
	pub type Rewards = pallet_rampart_rewards;
	#[runtime::pallet_index(25)]
	pub type Middleware = pallet_rampart_middleware;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

impl rampart_primitives::clock::RestakingClock for Runtime {
	type BlockNumberProvider = System;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Runtime {
	type Balance = Balance;
	type ExistentialDeposit = ConstU128<1>;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

#[derive_impl(pallet_assets::config_preludes::TestDefaultConfig)]
impl pallet_assets::Config for Runtime {
	type Balance = Balance;
	type Currency = Balances;
	type CreateOrigin = AsEnsureOriginWithArg<EnsureSigned<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type Freezer = ();
	type Holder = ();
}

pub type NativeAndAssets =
	UnionOf<Balances, Assets, NativeFromLeft, NativeOrWithId<u32>, AccountId>;

/// Epoch length of the test vaults.
pub const EPOCH: u64 = 10;
/// Blocks of history kept beyond two epochs.
pub const LOOKBACK: u64 = 10;
/// The sample asset.
pub const USD: u32 = 7;

parameter_types! {
	pub const RegistrationHold: RuntimeHoldReason =
		RuntimeHoldReason::Registry(pallet_rampart_registry::HoldReason::Registration);
	pub const CreationHold: RuntimeHoldReason =
		RuntimeHoldReason::Vaults(pallet_rampart_vaults::HoldReason::VaultCreation);
	pub const VaultsPalletId: PalletId = PalletId(*b"rmp/vlts");
	pub const Native: AssetKind = NativeOrWithId::Native;
}

impl pallet_rampart_registry::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		RegistrationHold,
		LinearStoragePrice<ConstU128<100>, ConstU128<1>, Balance>,
	>;
	type Vaults = Vaults;
	type OffchainSignature = MultiSignature;
	type OffchainPublic = MultiSigner;
	type MaxMetadataLen = ConstU32<64>;
	type OptInHistoryRetention = ConstU64<{ 2 * EPOCH + LOOKBACK }>;
	type MaxOptInHistory = ConstU32<16>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkHelpers;
}

impl pallet_rampart_vaults::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type AssetKind = AssetKind;
	type Assets = NativeAndAssets;
	type NativeAsset = Native;
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		CreationHold,
		LinearStoragePrice<ConstU128<100>, ConstU128<0>, Balance>,
	>;
	type PalletId = VaultsPalletId;
	type AdminOrigin = EnsureRoot<AccountId>;
	type Networks = Registry;
	type Operators = Registry;
	type MinEpochDuration = ConstU64<2>;
	// The opt-in retention covers two of these epochs (the integrity tests check it).
	type MaxEpochDuration = ConstU64<EPOCH>;
	type RewardLookback = ConstU64<LOOKBACK>;
	type MaxInitialRoles = ConstU32<8>;
	type MaxClaimBatch = ConstU32<8>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkHelpers;
}

impl pallet_rampart_delegation::Config for Runtime {
	type Networks = Registry;
	type OptIns = Registry;
	type Vaults = Vaults;
	type MaxResetCount = ConstU32<4>;
	type MaxHistoryDepth = ConstU32<8>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkHelpers;
}

impl pallet_rampart_slashing::Config for Runtime {
	type Networks = Registry;
	type Vaults = Vaults;
	type Stakes = Delegation;
	type RequestRetention = ConstU64<5>;
	type MaxCumulativeSlashDepth = ConstU32<10>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkHelpers;
}

parameter_types! {
	pub const RewardsPalletId: PalletId = PalletId(*b"rmp/rwds");
}

impl pallet_rampart_rewards::Config for Runtime {
	type AssetKind = AssetKind;
	type Assets = NativeAndAssets;
	type NativeAsset = Native;
	type PalletId = RewardsPalletId;
	type Networks = Registry;
	type Vaults = Vaults;
	type Stakes = Delegation;
	type ClaimWindow = ConstU64<{ LOOKBACK / 2 }>;
	type MaxSnapshotAge = ConstU64<{ LOOKBACK / 2 }>;
	type MaxLiveDistributions = ConstU32<8>;
	type MaxClaimBatch = ConstU32<8>;
	type MaxOperatorPayouts = ConstU32<8>;
	type MaxHistoryDepth = ConstU32<8>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkHelpers;
}

parameter_types! {
	pub const MiddlewarePalletId: PalletId = PalletId(*b"rmp/midw");
	pub const AdmissionHold: RuntimeHoldReason =
		RuntimeHoldReason::Middleware(pallet_rampart_middleware::HoldReason::OperatorAdmission);
}

/// Blocks from a middleware operator's leave to the end of its membership.
pub const LEAVE_DELAY: u64 = 2;
/// Blocks from a commission change to the block it applies from.
pub const COMMISSION_DELAY: u64 = 1;

impl pallet_rampart_middleware::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type AssetKind = AssetKind;
	type Networks = Registry;
	type Operators = Registry;
	type OptIns = Registry;
	type Vaults = Vaults;
	type Stakes = Delegation;
	type Slasher = Slashing;
	type Rewards = Rewards;
	type PalletId = MiddlewarePalletId;
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		AdmissionHold,
		LinearStoragePrice<ConstU128<100>, ConstU128<0>, Balance>,
	>;
	type MaxVaultsPerSubnetwork = ConstU32<4>;
	type MaxOperatorsPerSubnetwork = ConstU32<8>;
	type MaxFeeders = ConstU32<3>;
	type HistoryRetention = ConstU64<{ 2 * EPOCH + LOOKBACK }>;
	type LeaveDelay = ConstU64<LEAVE_DELAY>;
	type CommissionDelay = ConstU64<COMMISSION_DELAY>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkHelpers;
}

/// The pallets' benchmark helpers: the reference runtime's, written once in
/// `benchmarking/helpers` (real registrations, vaults, deposits and allocations).
#[cfg(feature = "runtime-benchmarks")]
pub type BenchmarkHelpers = rampart_benchmark_helpers::Helpers<Runtime, UNIT>;

/// One whole native token, for the benchmark helpers' amounts.
pub const UNIT: Balance = 1_000;

/// Test account `n`.
pub fn acc(n: u8) -> AccountId {
	AccountId32::new([n; 32])
}

/// Every funded account starts with this much native token and [`USD`].
pub const ENDOWMENT: Balance = 1_000_000;

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Runtime>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Runtime> {
		balances: (1..=20).map(|n| (acc(n), ENDOWMENT)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_assets::GenesisConfig::<Runtime> {
		assets: vec![(USD, acc(1), true, 1)],
		accounts: (1..=20).map(|n| (USD, acc(n), ENDOWMENT)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test` on a fresh chain, then checks every pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		check_invariants();
	});
}

/// Every pallet's `try_state`.
pub fn check_invariants() {
	Registry::do_try_state().expect("registry invariants hold");
	Vaults::do_try_state().expect("vault invariants hold");
	Delegation::do_try_state().expect("delegation invariants hold");
	Slashing::do_try_state().expect("slashing invariants hold");
	Rewards::do_try_state().expect("reward invariants hold");
	Middleware::do_try_state().expect("middleware invariants hold");
}

/// Moves to block `n`.
pub fn run_to_block(n: u64) {
	System::set_block_number(n);
}
