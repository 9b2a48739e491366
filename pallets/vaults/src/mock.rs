// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! A small runtime: `frame-system`, `pallet-balances` (native, existential deposit 10),
//! `pallet-assets` (asset 7, minimum balance 5, not sufficient) joined by `UnionOf`, and the
//! vaults pallet.

use crate as pallet_vaults;
use frame_support::{
	derive_impl, parameter_types,
	traits::{
		fungible::{HoldConsideration, NativeFromLeft, NativeOrWithId, UnionOf},
		AsEnsureOriginWithArg, ConstU128, ConstU32, ConstU64, LinearStoragePrice,
	},
	PalletId,
};
use frame_system::{EnsureRoot, EnsureSigned};
use rampart_primitives::{
	testing::{Doubles, DoublesConfig},
	traits::VaultWindows,
};
use sp_runtime::BuildStorage;

/// Wide enough for distinct vault accounts (`modl` + pallet id + vault id = 16 bytes).
pub type AccountId = u128;
pub type Balance = u128;
pub type AssetKind = NativeOrWithId<u32>;
type Block = frame_system::mocking::MockBlock<Test>;

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
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(2)]
	pub type Assets = pallet_assets;
	#[runtime::pallet_index(3)]
	pub type Vaults = pallet_vaults;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

impl rampart_primitives::clock::RestakingClock for Test {
	type BlockNumberProvider = System;
}

/// Native existential deposit.
pub const ED: Balance = 10;
/// The sample asset and its minimum balance.
pub const ASSET: u32 = 7;
pub const ASSET_MIN: Balance = 5;
/// The vault creation deposit.
pub const CREATION_DEPOSIT: Balance = 100;
/// Blocks of reward lookback kept beyond two epochs.
pub const LOOKBACK: u64 = 5;
pub const MAX_BATCH: u32 = 4;

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type ExistentialDeposit = ConstU128<ED>;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

#[derive_impl(pallet_assets::config_preludes::TestDefaultConfig)]
impl pallet_assets::Config for Test {
	type Balance = Balance;
	type Currency = Balances;
	type CreateOrigin = AsEnsureOriginWithArg<EnsureSigned<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type Freezer = ();
	type Holder = ();
}

pub type NativeAndAssets =
	UnionOf<Balances, Assets, NativeFromLeft, NativeOrWithId<u32>, AccountId>;

parameter_types! {
	pub const VaultsPalletId: PalletId = PalletId(*b"rmp/vlts");
	pub const Native: AssetKind = NativeOrWithId::Native;
	pub const CreationHold: RuntimeHoldReason =
		RuntimeHoldReason::Vaults(pallet_vaults::HoldReason::VaultCreation);
}

impl DoublesConfig for Test {
	type AccountId = AccountId;
	type AssetKind = AssetKind;
	const WINDOWS: VaultWindows<u64> =
		VaultWindows { max_epoch_duration: 1_000, reward_lookback: 0 };
}

/// The registry: the shared glue-trait doubles. [`new_test_ext`] registers the funded accounts
/// (1 to 8) as networks (their own middleware) and operators; [`NOBODY`] is neither.
pub type Registered = Doubles<Test>;

/// Makes `who` a registered network and operator.
pub fn register(who: AccountId) {
	Registered::register_network(who, who);
	Registered::add_operator(who);
}

impl pallet_vaults::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type AssetKind = AssetKind;
	type Assets = NativeAndAssets;
	type NativeAsset = Native;
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		CreationHold,
		LinearStoragePrice<ConstU128<CREATION_DEPOSIT>, ConstU128<0>, Balance>,
	>;
	type PalletId = VaultsPalletId;
	type AdminOrigin = EnsureRoot<AccountId>;
	type Networks = Registered;
	type Operators = Registered;
	type MinEpochDuration = ConstU64<2>;
	type MaxEpochDuration = ConstU64<1_000>;
	type RewardLookback = ConstU64<LOOKBACK>;
	type MaxInitialRoles = ConstU32<8>;
	type MaxClaimBatch = ConstU32<MAX_BATCH>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkHelper;
}

/// The benchmarks' collateral: the sample asset.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_vaults::BenchmarkHelper<AssetKind, AccountId> for BenchmarkHelper {
	fn register(operator: &AccountId, network: &AccountId) {
		register(*operator);
		register(*network);
	}
	fn collateral() -> AssetKind {
		NativeOrWithId::WithId(ASSET)
	}
}

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const DAVE: AccountId = 4;
/// Holds nothing at all.
pub const NOBODY: AccountId = 99;

/// Native balance of every funded account.
pub const ENDOWMENT: Balance = 1_000_000;

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: (1..=8).map(|who| (who, ENDOWMENT)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_assets::GenesisConfig::<Test> {
		assets: vec![(ASSET, ALICE, false, ASSET_MIN)],
		metadata: vec![],
		accounts: (1..=4).map(|who| (ASSET, who, ENDOWMENT)).collect(),
		next_asset_id: None,
		reserves: vec![],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	rampart_primitives::testing::reset();
	(1..=8).for_each(register);
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test` on a fresh chain at block 1, then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Vaults::do_try_state().expect("vault invariants hold after the test");
	});
}

pub fn run_to_block(n: u64) {
	System::set_block_number(n);
}
