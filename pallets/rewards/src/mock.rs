// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! A small runtime: `frame-system`, `pallet-balances` (native, existential deposit 10),
//! `pallet-assets` (asset 7, minimum balance 5; asset 8, minimum balance 3), joined by
//! `UnionOf`, the real vaults pallet (share histories and roles), and the rewards pallet. Networks
//! and operator stakes are in-memory doubles.

use crate as pallet_rewards;
use core::cell::RefCell;
use frame_support::{
	derive_impl, parameter_types,
	traits::{
		fungible::{HoldConsideration, NativeFromLeft, NativeOrWithId, UnionOf},
		AsEnsureOriginWithArg, ConstU128, ConstU32, ConstU64, LinearStoragePrice,
	},
	weights::Weight,
	PalletId,
};
use frame_system::{EnsureRoot, EnsureSigned};
use rampart_primitives::{
	traits::{NetworkRegistry, OperatorRegistry, StakeProvider},
	Subnetwork, VaultId,
};
use sp_runtime::{BuildStorage, DispatchError};
use std::collections::BTreeMap;

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
	pub type Vaults = pallet_rampart_vaults;
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
	pub const VaultsPalletId: PalletId = PalletId(*b"rmp/vlts");
	pub const RewardsPalletId: PalletId = PalletId(*b"rmp/rwds");
	pub const Native: AssetKind = NativeOrWithId::Native;
	pub const CreationHold: RuntimeHoldReason =
		RuntimeHoldReason::Vaults(pallet_rampart_vaults::HoldReason::VaultCreation);
}

/// Networks are the accounts 20..30, whose middleware is `n + 10`, and those registered with
/// [`register_network`].
pub struct Networks;
impl NetworkRegistry<AccountId> for Networks {
	fn is_network(who: &AccountId) -> bool {
		Self::middleware_of(who).is_some()
	}
	fn middleware_of(network: &AccountId) -> Option<AccountId> {
		if (20..30).contains(network) {
			return Some(network + 10);
		}
		MIDDLEWARES.with(|m| m.borrow().get(network).copied())
	}
}

/// Makes `network` a network with `middleware`.
#[cfg(feature = "runtime-benchmarks")]
pub fn register_network(network: AccountId, middleware: AccountId) {
	MIDDLEWARES.with(|m| m.borrow_mut().insert(network, middleware));
}
impl OperatorRegistry<AccountId> for Networks {
	fn is_operator(_: &AccountId) -> bool {
		true
	}
}

thread_local! {
	static MIDDLEWARES: RefCell<BTreeMap<AccountId, AccountId>> =
		const { RefCell::new(BTreeMap::new()) };
	/// Operator stakes by (vault, network, operator, block): the latest entry at or before a
	/// block counts.
	static STAKES: RefCell<BTreeMap<(VaultId, AccountId, AccountId), Vec<(u64, u128)>>> =
		const { RefCell::new(BTreeMap::new()) };
}

/// Sets `operator`'s stake in `network`'s main subnetwork from `vault`, from now on.
pub fn set_stake(vault: VaultId, network: AccountId, operator: AccountId, stake: u128) {
	let now = System::block_number();
	STAKES
		.with(|s| s.borrow_mut().entry((vault, network, operator)).or_default().push((now, stake)));
}

/// The weight the double charges for a stake lookup.
pub const STAKE_AT_WEIGHT: Weight = Weight::from_parts(1_000, 0);

pub struct Stakes;
impl StakeProvider<AccountId, u64> for Stakes {
	fn stake(vault: VaultId, subnetwork: &Subnetwork<AccountId>, operator: &AccountId) -> u128 {
		Self::stake_at(vault, subnetwork, operator, System::block_number()).unwrap_or(0)
	}
	fn stake_at(
		vault: VaultId,
		subnetwork: &Subnetwork<AccountId>,
		operator: &AccountId,
		at: u64,
	) -> Result<u128, DispatchError> {
		if at > System::block_number() {
			return Err(DispatchError::Other("future"));
		}
		Ok(STAKES.with(|s| {
			s.borrow()
				.get(&(vault, subnetwork.network, *operator))
				.and_then(|h| h.iter().rev().find(|(b, _)| *b <= at).map(|(_, v)| *v))
				.unwrap_or(0)
		}))
	}
	fn on_slash(
		_: VaultId,
		_: &Subnetwork<AccountId>,
		_: &AccountId,
		_: rampart_primitives::traits::SlashInfo<u64>,
	) -> Weight {
		Weight::zero()
	}
	fn stake_at_weight() -> Weight {
		STAKE_AT_WEIGHT
	}
	fn on_slash_weight() -> Weight {
		Weight::zero()
	}
}

impl pallet_rampart_vaults::Config for Test {
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
	type Networks = Networks;
	type Operators = Networks;
	type MinEpochDuration = ConstU64<2>;
	type MaxEpochDuration = ConstU64<1_000>;
	type RewardLookback = ConstU64<LOOKBACK>;
	type MaxInitialRoles = ConstU32<8>;
	type MaxClaimBatch = ConstU32<4>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = VaultsBenchmarkHelper;
}

#[cfg(feature = "runtime-benchmarks")]
pub struct VaultsBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_rampart_vaults::BenchmarkHelper<AssetKind, AccountId> for VaultsBenchmarkHelper {
	fn register(_: &AccountId, _: &AccountId) {}
	fn collateral() -> AssetKind {
		NativeOrWithId::WithId(USD)
	}
}

impl pallet_rewards::Config for Test {
	type AssetKind = AssetKind;
	type Assets = NativeAndAssets;
	type NativeAsset = Native;
	type PalletId = RewardsPalletId;
	type Networks = Networks;
	type Vaults = Vaults;
	type Stakes = Stakes;
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
		register_network(*network, *middleware);
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
		set_stake(vault, subnetwork.network, *operator, 1_000);
	}
}

/// A USD vault created by `admin`, who holds every role in `roles`.
pub fn usd_vault(admin: AccountId, roles: &[rampart_primitives::Role]) -> VaultId {
	use rampart_primitives::{DelegatorKind, SlasherKind};
	let vault = pallet_rampart_vaults::NextVaultId::<Test>::get();
	let config = pallet_rampart_vaults::VaultConfig {
		collateral: NativeOrWithId::WithId(USD),
		epoch_duration: EPOCH,
		delegator: DelegatorKind::NetworkRestake,
		slasher: SlasherKind::Instant,
		burner: pallet_rampart_vaults::Burner::Burn,
		deposit_whitelist: false,
		is_deposit_limit: false,
		deposit_limit: 0,
		roles: frame_support::BoundedVec::truncate_from(
			roles.iter().map(|role| (*role, admin)).collect::<Vec<_>>(),
		),
	};
	Vaults::create_vault(RuntimeOrigin::signed(admin), config).expect("a funded creator");
	vault
}

/// A USD vault administered by `admin` (who holds every rewards role), with `staker` depositing
/// in `history` consecutive blocks.
#[cfg(feature = "runtime-benchmarks")]
pub fn bench_vault(admin: &AccountId, staker: &AccountId, history: u32) -> VaultId {
	use frame_support::traits::fungibles::Mutate;
	use rampart_primitives::Role;
	for who in [admin, staker] {
		let _ = NativeAndAssets::mint_into(NativeOrWithId::Native, who, 1 << 100);
		let _ = NativeAndAssets::mint_into(NativeOrWithId::WithId(USD), who, 1 << 100);
	}
	let vault = usd_vault(*admin, &[Role::Admin, Role::AdminFeeSetter, Role::AdminFeeClaimer]);
	for _ in 0..history {
		Vaults::deposit(RuntimeOrigin::signed(*staker), vault, *staker, 1_000).expect("funded");
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
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		STAKES.with(|s| s.borrow_mut().clear());
		MIDDLEWARES.with(|m| m.borrow_mut().clear());
	});
	ext
}

/// Runs `test` on a fresh chain at block 1, then checks both pallets' invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Rewards::do_try_state().expect("reward invariants hold after the test");
		Vaults::do_try_state().expect("vault invariants hold after the test");
	});
}

pub fn run_to_block(n: u64) {
	System::set_block_number(n);
}
