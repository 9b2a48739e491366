// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! A small runtime: `frame-system` and the slashing pallet, with in-memory doubles for the
//! registry (networks and their middleware), the vaults (slasher kind, epoch clock, a pool that
//! a slash drains) and the delegation (guarantees with history, hook calls recorded). The real
//! pallets meet in `pallets/integration-tests`.

use crate as pallet_slashing;
use core::cell::RefCell;
use frame_support::{derive_impl, parameter_types, traits::ConstU64, weights::Weight};
use rampart_primitives::{
	epochs::EpochClock,
	traits::{
		BurnerKind, NetworkRegistry, SlashInfo, StakeProvider, VaultSlashing, VaultView,
		VaultWindows, VaultsInspect,
	},
	DelegatorKind, Role, SlasherKind, Subnetwork, VaultId,
};
use sp_runtime::{BuildStorage, DispatchError};
use std::collections::BTreeMap;

pub type AccountId = u64;
/// The longest epoch a mock vault may have; `MaxCumulativeSlashDepth` (10) covers its history.
pub const MAX_EPOCH: u64 = 1_000;

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

pub struct MockVault {
	pub kind: SlasherKind<u64>,
	pub epoch: u64,
	pub start: u64,
	pub pool: u128,
}

#[derive(Default)]
struct World {
	middleware: BTreeMap<AccountId, AccountId>,
	vaults: BTreeMap<VaultId, MockVault>,
	stakes: BTreeMap<(VaultId, Subnetwork<AccountId>, AccountId), Vec<(u64, u128)>>,
	hook_calls: Vec<(VaultId, AccountId, u128, u64)>,
	/// What was slashable before each hook call, in order.
	hook_slashables: Vec<u128>,
	vault_slashes: Vec<(VaultId, u128, u64)>,
}

thread_local! {
	static WORLD: RefCell<World> = RefCell::new(World::default());
}

fn now() -> u64 {
	System::block_number()
}

/// Registers `network` with `middleware`.
pub fn register_network(network: AccountId, middleware: AccountId) {
	WORLD.with(|w| w.borrow_mut().middleware.insert(network, middleware));
}

/// Creates a vault (ids count up) with this slasher kind, epoch length and pool, starting now.
pub fn add_vault(kind: SlasherKind<u64>, epoch: u64, pool: u128) -> VaultId {
	WORLD.with(|w| {
		let mut w = w.borrow_mut();
		let id = w.vaults.len() as VaultId;
		w.vaults.insert(id, MockVault { kind, epoch, start: now(), pool });
		id
	})
}

/// Sets the pool a vault slash can drain.
pub fn set_pool(vault: VaultId, pool: u128) {
	WORLD.with(|w| w.borrow_mut().vaults.get_mut(&vault).expect("a mock vault").pool = pool);
}

/// The pool left in a vault.
pub fn pool(vault: VaultId) -> u128 {
	WORLD.with(|w| w.borrow().vaults[&vault].pool)
}

/// Gives `operator` a guarantee of `stake` in `subnetwork` of `vault` from this block on.
pub fn set_stake(
	vault: VaultId,
	subnetwork: Subnetwork<AccountId>,
	operator: AccountId,
	stake: u128,
) {
	WORLD.with(|w| {
		let mut w = w.borrow_mut();
		let history = w.stakes.entry((vault, subnetwork, operator)).or_default();
		history.retain(|(b, _)| *b != now());
		history.push((now(), stake));
	});
}

/// The delegator hook calls so far: (vault, operator, amount, capture).
/// What was still slashable for the capture before each hook call, in order.
pub fn hook_slashables() -> Vec<u128> {
	WORLD.with(|w| w.borrow().hook_slashables.clone())
}

pub fn hook_calls() -> Vec<(VaultId, AccountId, u128, u64)> {
	WORLD.with(|w| w.borrow().hook_calls.clone())
}

/// The vault slashes so far: (vault, amount asked, capture).
pub fn vault_slashes() -> Vec<(VaultId, u128, u64)> {
	WORLD.with(|w| w.borrow().vault_slashes.clone())
}

pub struct Registry;
impl NetworkRegistry<AccountId> for Registry {
	fn is_network(who: &AccountId) -> bool {
		WORLD.with(|w| w.borrow().middleware.contains_key(who))
	}
	fn middleware_of(network: &AccountId) -> Option<AccountId> {
		WORLD.with(|w| w.borrow().middleware.get(network).copied())
	}
}

pub struct Vaults;
impl VaultsInspect<AccountId, u64> for Vaults {
	type AssetKind = ();
	fn vault(vault: VaultId) -> Option<VaultView<AccountId, (), u64>> {
		WORLD.with(|w| {
			let w = w.borrow();
			let v = w.vaults.get(&vault)?;
			Some(VaultView {
				id: vault,
				collateral: (),
				account: 0,
				clock: EpochClock { start: v.start, duration: v.epoch },
				epoch_start: v.start + (now() - v.start) / v.epoch * v.epoch,
				delegator: DelegatorKind::NetworkRestake,
				slasher: v.kind.clone(),
				burner: BurnerKind::Burn,
				history_horizon: now().saturating_sub(2 * v.epoch),
			})
		})
	}
	fn windows() -> VaultWindows<u64> {
		VaultWindows { max_epoch_duration: MAX_EPOCH, reward_lookback: 0 }
	}
	fn active_stake(vault: VaultId) -> u128 {
		pool(vault)
	}
	fn active_stake_at(vault: VaultId, _: u64) -> Result<u128, DispatchError> {
		Ok(pool(vault))
	}
	fn active_shares_at(_: VaultId, _: u64) -> Result<u128, DispatchError> {
		Ok(0)
	}
	fn active_shares_of_at(_: VaultId, _: &AccountId, _: u64) -> Result<u128, DispatchError> {
		Ok(0)
	}
	fn has_role(_: VaultId, _: Role, _: &AccountId) -> bool {
		false
	}
}
impl VaultSlashing<AccountId, u64> for Vaults {
	fn on_slash(
		vault: VaultId,
		_: &AccountId,
		_: &AccountId,
		amount: u128,
		capture: u64,
	) -> Result<u128, DispatchError> {
		WORLD.with(|w| {
			let mut w = w.borrow_mut();
			w.vault_slashes.push((vault, amount, capture));
			let v = w.vaults.get_mut(&vault).ok_or(DispatchError::Other("no vault"))?;
			let moved = amount.min(v.pool);
			v.pool -= moved;
			Ok(moved)
		})
	}
}

/// What the mock charges for a guarantee lookup and for the worst hook.
pub const STAKE_AT_WEIGHT: Weight = Weight::from_parts(1_000, 10);
pub const HOOK_WEIGHT: Weight = Weight::from_parts(2_000, 20);
/// What the mock's hook reports having used.
pub const HOOK_USED: Weight = Weight::from_parts(500, 5);

pub struct Stakes;
impl StakeProvider<AccountId, u64> for Stakes {
	fn stake(vault: VaultId, subnetwork: &Subnetwork<AccountId>, operator: &AccountId) -> u128 {
		Self::stake_at(vault, subnetwork, operator, now()).unwrap_or(0)
	}
	fn stake_at(
		vault: VaultId,
		subnetwork: &Subnetwork<AccountId>,
		operator: &AccountId,
		at: u64,
	) -> Result<u128, DispatchError> {
		if at > now() {
			return Err(DispatchError::Other("future"));
		}
		Ok(WORLD.with(|w| {
			w.borrow()
				.stakes
				.get(&(vault, *subnetwork, *operator))
				.and_then(|h| h.iter().rev().find(|(b, _)| *b <= at).map(|(_, v)| *v))
				.unwrap_or(0)
		}))
	}
	fn on_slash(
		vault: VaultId,
		_: &Subnetwork<AccountId>,
		operator: &AccountId,
		slash: SlashInfo<u64>,
	) -> Weight {
		let SlashInfo { amount, capture, slashable } = slash;
		WORLD.with(|w| {
			let mut w = w.borrow_mut();
			w.hook_calls.push((vault, *operator, amount, capture));
			w.hook_slashables.push(slashable);
		});
		HOOK_USED
	}
	fn stake_at_weight() -> Weight {
		STAKE_AT_WEIGHT
	}
	fn on_slash_weight() -> Weight {
		HOOK_WEIGHT
	}
}

impl pallet_slashing::Config for Test {
	type Networks = Registry;
	type Vaults = Vaults;
	type Stakes = Stakes;
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
		Slashing::do_try_state().expect("invariants hold at the end of every test");
	});
}

/// Moves to block `n`.
pub fn run_to_block(n: u64) {
	System::set_block_number(n);
}
