// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! A small runtime: `frame-system`, `pallet-balances` (native, existential deposit 10),
//! `pallet-assets` (asset 7, minimum balance 5; asset 8, minimum balance 3), joined by
//! `UnionOf`, and the rewards pallet. Networks, vaults (share and stake histories, roles) and
//! operator stakes are the shared doubles (`rampart_primitives::testing`); the rewards paid from
//! real vaults and delegations are tested in `pallets/integration-tests`.

use crate as pallet_rewards;
use frame_support::{
	derive_impl, parameter_types,
	traits::{
		fungible::{NativeFromLeft, NativeOrWithId, UnionOf},
		AsEnsureOriginWithArg, ConstU128, ConstU32, ConstU64,
	},
	weights::Weight,
	PalletId,
};
use frame_system::{EnsureRoot, EnsureSigned};
use rampart_primitives::{
	testing::{Doubles, DoublesConfig, VaultSpec},
	traits::VaultWindows,
	Role, Subnetwork, VaultId,
};
use sp_runtime::BuildStorage;

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
	#[runtime::pallet_index(4)]
	pub type Rewards = pallet_rewards;
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
/// The collateral asset and its minimum balance.
pub const USD: u32 = 7;
pub const USD_MIN: Balance = 5;
/// A reward asset that is not the collateral, and its minimum balance.
pub const GOV: u32 = 8;
pub const GOV_MIN: Balance = 3;
/// Vault epoch length; histories answer two epochs plus the lookback back.
pub const EPOCH: u64 = 10;
pub const LOOKBACK: u64 = SNAPSHOT_AGE + WINDOW;
/// How long a distribution can be claimed after it is made.
pub const WINDOW: u64 = 20;
/// How far back a snapshot may be.
pub const SNAPSHOT_AGE: u64 = 10;
pub const MAX_LIVE: u32 = 5;
pub const MAX_CLAIM: u32 = 4;
pub const MAX_PAYOUTS: u32 = 4;

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
	/// The claim window; a test lengthens it to see the integrity test refuse it.
	pub static ClaimWindowBlocks: u64 = WINDOW;
	pub const RewardsPalletId: PalletId = PalletId(*b"rmp/rwds");
	pub const Native: AssetKind = NativeOrWithId::Native;
}

impl DoublesConfig for Test {
	type AccountId = AccountId;
	type AssetKind = AssetKind;
	const WINDOWS: VaultWindows<u64> =
		VaultWindows { max_epoch_duration: 1_000, reward_lookback: LOOKBACK };
	const EVERYONE_IS_AN_OPERATOR: bool = true;
	const STAKE_AT_WEIGHT: Weight = STAKE_AT_WEIGHT;
}

/// The registry, the vaults (share and stake histories, roles) and the delegation: the shared
/// glue-trait doubles. [`new_test_ext`] registers the networks 20..30, whose middleware is
/// `n + 10`.
pub type World = Doubles<Test>;

/// The weight the double charges for a stake lookup.
pub const STAKE_AT_WEIGHT: Weight = Weight::from_parts(1_000, 0);

/// Sets `operator`'s stake in `network`'s main subnetwork from `vault`, from now on.
pub fn set_stake(vault: VaultId, network: AccountId, operator: AccountId, stake: u128) {
	World::set_stake(vault, Subnetwork::main(network), operator, stake);
}

/// A USD vault (epochs of [`EPOCH`] blocks) created now; `admin` holds every role in `roles`.
pub fn usd_vault(admin: AccountId, roles: &[Role]) -> VaultId {
	let vault = World::add_vault(VaultSpec {
		epoch: EPOCH,
		..VaultSpec::new(NativeOrWithId::WithId(USD), VAULT_ACCOUNT)
	});
	World::grant(vault, roles, admin);
	vault
}

/// `who` stakes `amount` in `vault` now: as many active shares, and as much active stake.
pub fn deposit(vault: VaultId, who: AccountId, amount: u128) {
	World::move_shares(vault, who, amount as i128);
}

/// The account the mock vaults report (they hold nothing: the vaults pallet is not here).
pub const VAULT_ACCOUNT: AccountId = 1_000;

impl pallet_rewards::Config for Test {
	type AssetKind = AssetKind;
	type Assets = NativeAndAssets;
	type NativeAsset = Native;
	type PalletId = RewardsPalletId;
	type Networks = World;
	type Vaults = World;
	type Stakes = World;
	type ClaimWindow = ClaimWindowBlocks;
	type MaxSnapshotAge = ConstU64<SNAPSHOT_AGE>;
	type MaxLiveDistributions = ConstU32<MAX_LIVE>;
	type MaxClaimBatch = ConstU32<MAX_CLAIM>;
	type MaxOperatorPayouts = ConstU32<MAX_PAYOUTS>;
	type MaxHistoryDepth = ConstU32<19>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkHelper;
}

/// Sets up the benchmarks' world in the mock.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId, AssetKind> for BenchmarkHelper {
	fn asset() -> AssetKind {
		NativeOrWithId::WithId(GOV)
	}
	fn fund(asset: &AssetKind, who: &AccountId) {
		use frame_support::traits::fungibles::Mutate;
		let _ = NativeAndAssets::mint_into(NativeOrWithId::Native, who, 1 << 100);
		let _ = NativeAndAssets::mint_into(asset.clone(), who, 1 << 100);
	}
	fn register_network(network: &AccountId, middleware: &AccountId) {
		World::register_network(*network, *middleware);
	}
	fn vault_with_history(admin: &AccountId, staker: &AccountId, history: u32) -> VaultId {
		bench_vault(admin, staker, history)
	}
	fn give_stake(
		_: &AccountId,
		vault: VaultId,
		subnetwork: &Subnetwork<AccountId>,
		operator: &AccountId,
	) {
		World::set_stake(vault, *subnetwork, *operator, 1_000);
	}
}

/// A USD vault administered by `admin` (who holds every rewards role), with `staker` depositing
/// in `history` consecutive blocks.
#[cfg(feature = "runtime-benchmarks")]
pub fn bench_vault(admin: &AccountId, staker: &AccountId, history: u32) -> VaultId {
	let vault = usd_vault(*admin, &[Role::Admin, Role::AdminFeeSetter, Role::AdminFeeClaimer]);
	for _ in 0..history {
		deposit(vault, *staker, 1_000);
		System::set_block_number(System::block_number() + 1);
	}
	vault
}

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const DAVE: AccountId = 4;
/// Network 20 and its middleware; network 21 and its middleware.
pub const NETWORK: AccountId = 20;
pub const MIDDLEWARE: AccountId = 30;
pub const OTHER_NETWORK: AccountId = 21;
pub const OTHER_MIDDLEWARE: AccountId = 31;
/// Operators.
pub const OP_X: AccountId = 40;
pub const OP_Y: AccountId = 41;
pub const OP_Z: AccountId = 42;
/// Holds nothing at all.
pub const NOBODY: AccountId = 99;

/// Native, USD and GOV balance of every funded account.
pub const ENDOWMENT: Balance = 1_000_000;

pub fn new_test_ext() -> sp_io::TestExternalities {
	let funded: Vec<AccountId> = vec![
		ALICE,
		BOB,
		CHARLIE,
		DAVE,
		NETWORK,
		MIDDLEWARE,
		OTHER_NETWORK,
		OTHER_MIDDLEWARE,
		OP_X,
		OP_Y,
		OP_Z,
	];
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: funded.iter().map(|who| (*who, ENDOWMENT)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_assets::GenesisConfig::<Test> {
		assets: vec![(USD, ALICE, false, USD_MIN), (GOV, ALICE, false, GOV_MIN)],
		metadata: vec![],
		accounts: funded
			.iter()
			.flat_map(|who| [(USD, *who, ENDOWMENT), (GOV, *who, ENDOWMENT)])
			.collect(),
		next_asset_id: None,
		reserves: vec![],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	rampart_primitives::testing::reset();
	(20..30).for_each(|network| World::register_network(network, network + 10));
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test` on a fresh chain at block 1, then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Rewards::do_try_state().expect("reward invariants hold after the test");
	});
}

pub fn run_to_block(n: u64) {
	System::set_block_number(n);
}
