// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! A small runtime: `frame-system` and the delegation pallet, with the shared doubles
//! (`rampart_primitives::testing`) for the registry (networks, opt-ins with history) and the
//! vaults (kind, roles, active stake history).
//! The real pallets meet in `pallets/integration-tests`.

use crate as pallet_delegation;
use frame_support::{derive_impl, traits::ConstU32};
use rampart_primitives::{
	testing::{Doubles, DoublesConfig, VaultSpec},
	traits::VaultWindows,
	DelegatorKind, OptInTarget, Role, VaultId,
};
use sp_runtime::BuildStorage;

pub type AccountId = u64;
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
	pub type Delegation = pallet_delegation;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

impl rampart_primitives::clock::RestakingClock for Test {
	type BlockNumberProvider = System;
}

/// Blocks of history the mock vaults keep (two epochs: their horizon is this far back).
pub const WINDOW: u64 = 30;
/// The largest reset count.
pub const MAX_RESET: u32 = 4;

impl DoublesConfig for Test {
	type AccountId = AccountId;
	type AssetKind = ();
	const WINDOWS: VaultWindows<u64> =
		VaultWindows { max_epoch_duration: WINDOW / 2, reward_lookback: 0 };
}

/// The registry and the vaults: the shared glue-trait doubles.
pub type World = Doubles<Test>;

/// Registers `who` as a network, its own middleware.
pub fn register_network(who: AccountId) {
	World::register_network(who, who);
}

/// Opts `operator` into or out of `target` from this block on.
pub fn set_opt_in(operator: AccountId, target: OptInTarget<AccountId>, yes: bool) {
	World::set_opt_in(operator, target, yes);
}

/// Opts `operator` into `network` and `vault`.
pub fn opt_in(operator: AccountId, network: AccountId, vault: VaultId) {
	set_opt_in(operator, OptInTarget::Network(network), true);
	set_opt_in(operator, OptInTarget::Vault(vault), true);
}

/// Creates a vault of `kind` (epochs of `WINDOW / 2` blocks); `curator` holds every role.
pub fn add_vault(kind: DelegatorKind<AccountId>, curator: AccountId) -> VaultId {
	add_vault_with_history(kind, curator, None)
}

fn add_vault_with_history(
	delegator: DelegatorKind<AccountId>,
	curator: AccountId,
	history: Option<u64>,
) -> VaultId {
	let vault = World::add_vault(VaultSpec {
		epoch: WINDOW / 2,
		delegator,
		history,
		..VaultSpec::new((), 0)
	});
	World::grant(
		vault,
		&[
			Role::Admin,
			Role::NetworkLimitSetter,
			Role::OperatorNetworkSharesSetter,
			Role::OperatorNetworkLimitSetter,
			Role::HookSetter,
		],
		curator,
	);
	vault
}

/// Takes `role` in `vault` from `who`.
pub fn revoke(vault: VaultId, role: Role, who: AccountId) {
	World::revoke(vault, role, &who);
}

/// Sets the vault's active stake from this block on.
pub fn set_stake(vault: VaultId, stake: u128) {
	World::set_active_stake(vault, stake);
}

impl pallet_delegation::Config for Test {
	type Networks = World;
	type OptIns = World;
	type Vaults = World;
	type MaxResetCount = ConstU32<MAX_RESET>;
	type MaxHistoryDepth = ConstU32<16>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkHelper;
}

#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for BenchmarkHelper {
	fn vault(kind: DelegatorKind<AccountId>, curator: &AccountId, stake: u128) -> VaultId {
		// Deep benchmark histories stay inside the window, like the runtime's weeks-long one.
		let vault = add_vault_with_history(kind, *curator, Some(1 << 20));
		set_stake(vault, stake);
		vault
	}
	fn stake_history(vault: VaultId, entries: u32) {
		for i in 0..entries {
			if i > 0 {
				run_to_block(System::block_number() + 1);
			}
			set_stake(vault, 1_000_000 + u128::from(i % 2));
		}
	}
	fn register_network(network: &AccountId) {
		register_network(*network);
	}
	fn opt_in(operator: &AccountId, network: &AccountId, vault: VaultId) {
		opt_in(*operator, *network, vault);
	}
}

pub const CURATOR: AccountId = 1;
pub const NETWORK: AccountId = 10;
pub const NETWORK_2: AccountId = 11;
pub const OP_A: AccountId = 20;
pub const OP_B: AccountId = 21;
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
		Delegation::do_try_state().expect("invariants hold at the end of every test");
	});
}

/// Moves to block `n`.
pub fn run_to_block(n: u64) {
	System::set_block_number(n);
}
