// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! A small runtime: `frame-system` and the slashing pallet, with the shared doubles
//! (`rampart_primitives::testing`) for the registry (networks and their middleware), the vaults
//! (slasher kind, epoch clock, an active stake that a slash drains) and the delegation
//! (guarantees with history, hook calls recorded). The real
//! pallets meet in `pallets/integration-tests`.

use crate as pallet_slashing;
use frame_support::{derive_impl, parameter_types, traits::ConstU64, weights::Weight};
use rampart_primitives::{
	testing::{Doubles, DoublesConfig, VaultSpec},
	traits::VaultWindows,
	SlasherKind, Subnetwork, VaultId,
};
use sp_runtime::BuildStorage;

pub type AccountId = u64;
/// The longest epoch a mock vault may have; `MaxCumulativeSlashDepth` (10) covers its history
/// (and the benchmarks' deepest, `2^10 − 1` entries: the window and a page before it).
pub const MAX_EPOCH: u64 = 1_007;

parameter_types! {
	/// The deepest cumulative-slash search; a test lowers it to see the integrity test refuse it.
	pub static SlashDepth: u32 = 10;
}
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
		RuntimeViewFunction
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Slashing = pallet_slashing;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

impl rampart_primitives::clock::RestakingClock for Test {
	type BlockNumberProvider = System;
}

/// Blocks a finished request stays queryable.
pub const RETENTION: u64 = 5;

impl DoublesConfig for Test {
	type AccountId = AccountId;
	type AssetKind = ();
	const WINDOWS: VaultWindows<u64> =
		VaultWindows { max_epoch_duration: MAX_EPOCH, reward_lookback: 0 };
	const STAKE_AT_WEIGHT: Weight = STAKE_AT_WEIGHT;
	const ON_SLASH_WEIGHT: Weight = HOOK_WEIGHT;
	const ON_SLASH_USED: Weight = HOOK_USED;
}

/// The registry, the vaults and the delegation: the shared glue-trait doubles.
pub type World = Doubles<Test>;

/// What the mock charges for a guarantee lookup and for the worst hook.
pub const STAKE_AT_WEIGHT: Weight = Weight::from_parts(1_000, 10);
pub const HOOK_WEIGHT: Weight = Weight::from_parts(2_000, 20);
/// What the mock's hook reports having used.
pub const HOOK_USED: Weight = Weight::from_parts(500, 5);

/// Registers `network` with `middleware`.
pub fn register_network(network: AccountId, middleware: AccountId) {
	World::register_network(network, middleware);
}

/// Creates a vault (ids count up) with this slasher kind, epoch length and pool (its active
/// stake, which vault slashes drain), starting now.
pub fn add_vault(slasher: SlasherKind<u64>, epoch: u64, pool: u128) -> VaultId {
	let vault = World::add_vault(VaultSpec { epoch, slasher, ..VaultSpec::new((), 0) });
	set_pool(vault, pool);
	vault
}

/// Sets the pool a vault slash can drain.
pub fn set_pool(vault: VaultId, pool: u128) {
	World::set_active_stake(vault, pool);
}

/// The pool left in a vault.
pub fn pool(vault: VaultId) -> u128 {
	World::active_stake_now(vault)
}

/// Gives `operator` a guarantee of `stake` in `subnetwork` of `vault` from this block on.
pub fn set_stake(
	vault: VaultId,
	subnetwork: Subnetwork<AccountId>,
	operator: AccountId,
	stake: u128,
) {
	World::set_stake(vault, subnetwork, operator, stake);
}

/// What was still slashable for the capture before each hook call, in order.
pub fn hook_slashables() -> Vec<u128> {
	World::hook_calls().into_iter().map(|call| call.slash.slashable).collect()
}

/// The delegator hook calls so far: (vault, operator, amount, capture).
pub fn hook_calls() -> Vec<(VaultId, AccountId, u128, u64)> {
	World::hook_calls()
		.into_iter()
		.map(|call| (call.vault, call.operator, call.slash.amount, call.slash.capture))
		.collect()
}

/// The vault slashes so far: (vault, amount asked, capture).
pub fn vault_slashes() -> Vec<(VaultId, u128, u64)> {
	World::vault_slashes()
		.into_iter()
		.map(|s| (s.vault, s.amount, s.capture))
		.collect()
}

impl pallet_slashing::Config for Test {
	type Networks = World;
	type Vaults = World;
	type Stakes = World;
	type RequestRetention = ConstU64<RETENTION>;
	type MaxCumulativeSlashDepth = SlashDepth;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkHelper;
}

#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId, u64> for BenchmarkHelper {
	fn setup(
		slasher: SlasherKind<u64>,
		epoch: u64,
		network: &AccountId,
		middleware: &AccountId,
		operator: &AccountId,
	) -> VaultId {
		register_network(*network, *middleware);
		let vault = add_vault(slasher, epoch, 1_000_000_000);
		set_stake(vault, Subnetwork::main(*network), *operator, 1_000_000);
		vault
	}
}

pub const NETWORK: AccountId = 10;
pub const MIDDLEWARE: AccountId = 11;
pub const NETWORK_2: AccountId = 12;
pub const MIDDLEWARE_2: AccountId = 13;
pub const OPERATOR: AccountId = 20;
pub const OPERATOR_2: AccountId = 21;
pub const RESOLVER: AccountId = 30;
pub const RESOLVER_2: AccountId = 31;
pub const STRANGER: AccountId = 99;

pub fn new_test_ext() -> sp_io::TestExternalities {
	rampart_primitives::testing::reset();
	let t = frame_system::GenesisConfig::<Test>::default().build_storage().expect("builds");
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test` on a fresh chain, then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Slashing::do_try_state().expect("invariants hold at the end of every test");
	});
}

/// Moves to block `n`.
pub fn run_to_block(n: u64) {
	System::set_block_number(n);
}
