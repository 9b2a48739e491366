// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! A small runtime: `frame-system` and the delegation pallet, with in-memory doubles for the
//! registry (networks, opt-ins with history) and the vaults (kind, roles, active stake history).
//! The real pallets meet in `pallets/integration-tests`.

use crate as pallet_delegation;
use core::cell::RefCell;
use frame_support::{derive_impl, traits::ConstU32};
use rampart_primitives::{
	epochs::EpochClock,
	traits::{BurnerKind, NetworkRegistry, OptIns, VaultView, VaultWindows, VaultsInspect},
	DelegatorKind, OptInTarget, Role, SlasherKind, VaultId,
};
use sp_runtime::{BuildStorage, DispatchError};
use std::collections::{BTreeMap, BTreeSet};

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

/// Blocks of history the mock vaults keep (their horizon is this far back).
pub const WINDOW: u64 = 30;
/// The largest reset count.
pub const MAX_RESET: u32 = 4;

#[derive(Default)]
struct World {
	networks: BTreeSet<AccountId>,
	opt_ins: BTreeMap<(AccountId, OptInTarget<AccountId>), Vec<(u64, bool)>>,
	kinds: BTreeMap<VaultId, DelegatorKind<AccountId>>,
	stakes: BTreeMap<VaultId, Vec<(u64, u128)>>,
	roles: BTreeSet<(VaultId, Role, AccountId)>,
	/// Blocks of history kept; [`WINDOW`] unless the benchmarks need more.
	window: Option<u64>,
}

fn window() -> u64 {
	WORLD.with(|w| w.borrow().window.unwrap_or(WINDOW))
}

thread_local! {
	static WORLD: RefCell<World> = RefCell::new(World::default());
}

fn now() -> u64 {
	System::block_number()
}

fn value_at<V: Copy>(history: Option<&Vec<(u64, V)>>, at: u64) -> Option<V> {
	history?.iter().rev().find(|(b, _)| *b <= at).map(|(_, v)| *v)
}

fn record<V: Copy>(history: &mut Vec<(u64, V)>, value: V) {
	let block = now();
	history.retain(|(b, _)| *b != block);
	history.push((block, value));
}

/// Registers `who` as a network.
pub fn register_network(who: AccountId) {
	WORLD.with(|w| w.borrow_mut().networks.insert(who));
}

/// Opts `operator` into or out of `target` from this block on.
pub fn set_opt_in(operator: AccountId, target: OptInTarget<AccountId>, yes: bool) {
	WORLD.with(|w| record(w.borrow_mut().opt_ins.entry((operator, target)).or_default(), yes));
}

/// Opts `operator` into `network` and `vault`.
pub fn opt_in(operator: AccountId, network: AccountId, vault: VaultId) {
	set_opt_in(operator, OptInTarget::Network(network), true);
	set_opt_in(operator, OptInTarget::Vault(vault), true);
}

/// Creates a vault of `kind`; `curator` holds every role.
pub fn add_vault(kind: DelegatorKind<AccountId>, curator: AccountId) -> VaultId {
	WORLD.with(|w| {
		let mut w = w.borrow_mut();
		let id = w.kinds.len() as VaultId;
		w.kinds.insert(id, kind);
		for role in [
			Role::Admin,
			Role::NetworkLimitSetter,
			Role::OperatorNetworkSharesSetter,
			Role::OperatorNetworkLimitSetter,
			Role::HookSetter,
		] {
			w.roles.insert((id, role, curator));
		}
		id
	})
}

/// Takes `role` in `vault` from `who`.
pub fn revoke(vault: VaultId, role: Role, who: AccountId) {
	WORLD.with(|w| w.borrow_mut().roles.remove(&(vault, role, who)));
}

/// Sets the vault's active stake from this block on.
pub fn set_stake(vault: VaultId, stake: u128) {
	WORLD.with(|w| record(w.borrow_mut().stakes.entry(vault).or_default(), stake));
}

pub struct Registry;
impl NetworkRegistry<AccountId> for Registry {
	fn is_network(who: &AccountId) -> bool {
		WORLD.with(|w| w.borrow().networks.contains(who))
	}
	fn middleware_of(network: &AccountId) -> Option<AccountId> {
		Self::is_network(network).then_some(*network)
	}
}
impl OptIns<AccountId, u64> for Registry {
	fn is_opted_in(operator: &AccountId, target: &OptInTarget<AccountId>) -> bool {
		Self::is_opted_in_at(operator, target, now()).unwrap_or(false)
	}
	fn is_opted_in_at(
		operator: &AccountId,
		target: &OptInTarget<AccountId>,
		at: u64,
	) -> Result<bool, DispatchError> {
		if at > now() {
			return Err(DispatchError::Other("future"));
		}
		Ok(WORLD.with(|w| {
			value_at(w.borrow().opt_ins.get(&(*operator, target.clone())), at).unwrap_or(false)
		}))
	}
}

pub struct Vaults;
impl VaultsInspect<AccountId, u64> for Vaults {
	type AssetKind = ();
	fn vault(vault: VaultId) -> Option<VaultView<AccountId, (), u64>> {
		let delegator = WORLD.with(|w| w.borrow().kinds.get(&vault).cloned())?;
		Some(VaultView {
			id: vault,
			collateral: (),
			account: 0,
			clock: EpochClock { start: 1, duration: WINDOW / 2 },
			epoch_start: 1,
			delegator,
			slasher: SlasherKind::Instant,
			burner: BurnerKind::Burn,
			history_horizon: now().saturating_sub(window()),
		})
	}
	fn windows() -> VaultWindows<u64> {
		VaultWindows { max_epoch_duration: WINDOW / 2, reward_lookback: 0 }
	}
	fn active_stake(vault: VaultId) -> u128 {
		WORLD.with(|w| value_at(w.borrow().stakes.get(&vault), now()).unwrap_or(0))
	}
	fn active_stake_at(vault: VaultId, at: u64) -> Result<u128, DispatchError> {
		if at > now() {
			return Err(DispatchError::Other("future"));
		}
		if at < now().saturating_sub(window()) {
			return Err(DispatchError::Other("pruned"));
		}
		Ok(WORLD.with(|w| value_at(w.borrow().stakes.get(&vault), at).unwrap_or(0)))
	}
	fn active_shares_at(_: VaultId, _: u64) -> Result<u128, DispatchError> {
		Ok(0)
	}
	fn active_shares_of_at(_: VaultId, _: &AccountId, _: u64) -> Result<u128, DispatchError> {
		Ok(0)
	}
	fn has_role(vault: VaultId, role: Role, who: &AccountId) -> bool {
		WORLD.with(|w| w.borrow().roles.contains(&(vault, role, *who)))
	}
}

impl pallet_delegation::Config for Test {
	type Networks = Registry;
	type OptIns = Registry;
	type Vaults = Vaults;
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
		WORLD.with(|w| w.borrow_mut().window = Some(1 << 20));
		let vault = add_vault(kind, *curator);
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
	WORLD.with(|w| *w.borrow_mut() = World::default());
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
