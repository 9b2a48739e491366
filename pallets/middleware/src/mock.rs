// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! A small runtime: `frame-system`, `pallet-balances` (for the operators' deposits) and the
//! middleware, with the shared doubles (`rampart_primitives::testing`) for the registry
//! (networks, operators, opt-ins), the vaults (collateral by id) and the delegation (stake per
//! operator, with history). The real pallets meet in `pallets/integration-tests`.

use crate as pallet_middleware;
use frame_support::{
	derive_impl, parameter_types,
	traits::{fungible::HoldConsideration, ConstU128, ConstU32, ConstU64, LinearStoragePrice},
	PalletId,
};
use rampart_primitives::{
	testing::{Doubles, DoublesConfig, VaultSpec},
	traits::VaultWindows,
	OptInTarget, Subnetwork, VaultId,
};
use sp_runtime::BuildStorage;

/// Wide enough for distinct derived middleware accounts (`modl` + pallet id + network).
pub type AccountId = u128;
pub type Balance = u128;
/// Collateral kinds: plain ids.
pub type AssetKind = u32;
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
	pub type Middleware = pallet_middleware;
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

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type ExistentialDeposit = ConstU128<1>;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

/// Vault epochs; the vaults' histories answer two of them back.
pub const EPOCH: u64 = 10;
/// Blocks of power history kept.
pub const RETENTION: u64 = 2 * EPOCH;
/// Blocks from a leave to the end of the membership.
pub const LEAVE_DELAY: u64 = 3;
/// Blocks from a commission change to the block it applies from.
pub const COMMISSION_DELAY: u64 = 2;
/// The operator admission deposit.
pub const DEPOSIT: Balance = 50;
pub const MAX_VAULTS: u32 = 3;
pub const MAX_OPERATORS: u32 = 4;
pub const MAX_FEEDERS: u32 = 3;

parameter_types! {
	/// The power retention; a test shortens it to see the integrity test refuse it.
	pub static HistoryWindow: u64 = RETENTION;
	pub const MiddlewarePalletId: PalletId = PalletId(*b"rmp/midw");
	pub const AdmissionHold: RuntimeHoldReason =
		RuntimeHoldReason::Middleware(pallet_middleware::HoldReason::OperatorAdmission);
}

impl DoublesConfig for Test {
	type AccountId = AccountId;
	type AssetKind = AssetKind;
	const WINDOWS: VaultWindows<u64> =
		VaultWindows { max_epoch_duration: EPOCH, reward_lookback: 0 };
}

/// The registry, the vaults and the delegation: the shared glue-trait doubles.
pub type World = Doubles<Test>;

impl pallet_middleware::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type AssetKind = AssetKind;
	type Networks = World;
	type Operators = World;
	type OptIns = World;
	type Vaults = World;
	type Stakes = World;
	type Slasher = World;
	type Rewards = World;
	type PalletId = MiddlewarePalletId;
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		AdmissionHold,
		LinearStoragePrice<ConstU128<DEPOSIT>, ConstU128<0>, Balance>,
	>;
	type MaxVaultsPerSubnetwork = ConstU32<MAX_VAULTS>;
	type MaxOperatorsPerSubnetwork = ConstU32<MAX_OPERATORS>;
	type MaxFeeders = ConstU32<MAX_FEEDERS>;
	type HistoryRetention = HistoryWindow;
	type LeaveDelay = ConstU64<LEAVE_DELAY>;
	type CommissionDelay = ConstU64<COMMISSION_DELAY>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkHelper;
}

/// Sets the benchmarks' world up in the doubles.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId, AssetKind> for BenchmarkHelper {
	fn network(network: &AccountId, middleware: &AccountId) {
		World::register_network(*network, *middleware);
	}
	fn operator(operator: &AccountId, network: &AccountId) {
		use frame_support::traits::fungible::Mutate;
		World::add_operator(*operator);
		World::set_opt_in(*operator, OptInTarget::Network(*network), true);
		let _ = Balances::mint_into(operator, ENDOWMENT);
	}
	fn vault(index: u32, network: &AccountId, operators: &[AccountId]) -> (VaultId, AssetKind) {
		let collateral = index % 2;
		let vault = add_vault(collateral);
		World::move_shares(vault, STRANGER, 1_000_000);
		for operator in operators {
			World::set_stake(vault, Subnetwork::main(*network), *operator, 1_000);
		}
		(vault, collateral)
	}
	fn fund(_: &AssetKind, _: &AccountId) {}
}

pub const NETWORK: AccountId = 10;
/// `NETWORK`'s registry middleware.
pub const NETWORK_MIDDLEWARE: AccountId = 11;
/// A registered network with no relation to `NETWORK`.
pub const OTHER_NETWORK: AccountId = 12;
pub const OP_A: AccountId = 20;
pub const OP_B: AccountId = 21;
pub const OP_C: AccountId = 22;
pub const OP_D: AccountId = 23;
pub const OP_E: AccountId = 24;
pub const FEEDER_1: AccountId = 30;
pub const FEEDER_2: AccountId = 31;
pub const FEEDER_3: AccountId = 32;
pub const STRANGER: AccountId = 99;
/// Every account starts with this much.
pub const ENDOWMENT: Balance = 1_000;
/// Collateral ids.
pub const NATIVE: AssetKind = 0;
pub const USD: AssetKind = 1;

/// Hands `NETWORK`'s registry middleware role to the pallet.
pub fn delegate() {
	World::register_network(NETWORK, Middleware::middleware_account(&NETWORK));
}

/// `NETWORK`'s main subnetwork.
pub fn subnetwork() -> Subnetwork<AccountId> {
	Subnetwork::main(NETWORK)
}

/// A vault over `collateral` with epochs of [`EPOCH`] blocks.
pub fn add_vault(collateral: AssetKind) -> VaultId {
	World::add_vault(VaultSpec { epoch: EPOCH, ..VaultSpec::new(collateral, 0) })
}

/// `vault` gives `operator` `stake` in the main subnetwork from now on.
pub fn set_stake(vault: VaultId, operator: AccountId, stake: u128) {
	World::set_stake(vault, subnetwork(), operator, stake);
}

/// Opts `operator` into `NETWORK` in the registry double.
pub fn opt_in(operator: AccountId) {
	World::set_opt_in(operator, OptInTarget::Network(NETWORK), true);
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	rampart_primitives::testing::reset();
	World::register_network(NETWORK, NETWORK_MIDDLEWARE);
	World::register_network(OTHER_NETWORK, OTHER_NETWORK);
	for operator in [OP_A, OP_B, OP_C, OP_D, OP_E] {
		World::add_operator(operator);
	}
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: [OP_A, OP_B, OP_C, OP_D, OP_E, NETWORK].map(|who| (who, ENDOWMENT)).to_vec(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test` on a fresh chain at block 1, then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Middleware::do_try_state().expect("middleware invariants hold after the test");
	});
}

pub fn run_to_block(n: u64) {
	System::set_block_number(n);
}
