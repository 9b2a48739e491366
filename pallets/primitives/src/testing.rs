// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Configurable in-memory doubles of the glue traits, for the pallets' mocks (feature
//! `test-utils`, std only).
//!
//! One type, [`Doubles`], answers every glue trait from a thread-local world:
//! - [`NetworkRegistry`], [`OperatorRegistry`] and [`OptIns`]: networks and their middleware,
//!   operators, opt-ins with history;
//! - [`VaultsInspect`] and [`VaultSlashing`]: vaults with a view, active stake and share
//!   histories, roles; a vault slash takes from the active stake and is recorded;
//! - [`StakeProvider`]: the stake per (vault, subnetwork, operator) with history; hook calls are
//!   recorded;
//! - [`NetworkSlasher`]: slashes through a vault's slasher, recorded;
//! - [`NetworkRewards`]: staker rewards and operator credits in a network's name, recorded.
//!
//! A mock implements [`DoublesConfig`] for its runtime (account and asset types, the windows and
//! the weights the doubles report), names `Doubles<Test>` for each trait its pallet needs, resets
//! the world in its externalities builder ([`reset`]) and sets it up through the associated
//! functions. Block numbers are the runtime's [`RestakingClock`] (`u64` in the mocks); every
//! history records at the current block, so a test moves the chain to write a later entry.
//!
//! The real pallets meet in `pallets/integration-tests`; these doubles only answer.

use crate::{
	clock::RestakingClock,
	epochs::EpochClock,
	traits::{
		BurnerKind, NetworkRegistry, NetworkRewards, NetworkSlasher, OperatorRegistry, OptIns,
		SlashInfo, SlashOutcome, StakeProvider, VaultSlashing, VaultView, VaultWindows,
		VaultsInspect,
	},
	DelegatorKind, OptInTarget, Role, SlasherKind, Subnetwork, VaultId,
};
use core::{any::Any, cell::RefCell, marker::PhantomData};
use frame_support::weights::Weight;
use sp_runtime::{traits::BlockNumberProvider, DispatchError, DispatchResult};
use std::collections::{BTreeMap, BTreeSet};

/// What a mock tells the doubles about its runtime.
pub trait DoublesConfig:
	RestakingClock<BlockNumberProvider: BlockNumberProvider<BlockNumber = u64>> + 'static
{
	/// The runtime's accounts.
	type AccountId: Clone + Ord + 'static;
	/// The vaults' collateral kind.
	type AssetKind: Clone + 'static;
	/// What [`VaultsInspect::windows`] answers (read by the pallets' integrity tests).
	const WINDOWS: VaultWindows<u64>;
	/// Whether every account counts as an operator (otherwise only those added with
	/// [`Doubles::add_operator`]).
	const EVERYONE_IS_AN_OPERATOR: bool = false;
	/// What [`StakeProvider::stake_at_weight`] answers.
	const STAKE_AT_WEIGHT: Weight = Weight::zero();
	/// What [`StakeProvider::on_slash_weight`] answers.
	const ON_SLASH_WEIGHT: Weight = Weight::zero();
	/// What the delegator hook reports having used.
	const ON_SLASH_USED: Weight = Weight::zero();
}

/// The glue-trait doubles of runtime `T`. See the [module docs](self).
pub struct Doubles<T>(PhantomData<T>);

/// A vault to add with [`Doubles::add_vault`].
#[derive(Clone, Debug)]
pub struct VaultSpec<AccountId, AssetKind> {
	/// The collateral the view reports.
	pub collateral: AssetKind,
	/// The account the view reports.
	pub account: AccountId,
	/// Blocks per epoch; the vault's clock starts at the block it is added.
	pub epoch: u64,
	/// The delegator kind.
	pub delegator: DelegatorKind<AccountId>,
	/// The slasher kind.
	pub slasher: SlasherKind<u64>,
	/// The burner kind.
	pub burner: BurnerKind,
	/// Blocks of history the vault answers for (its horizon is this far back); `None`: two
	/// epochs plus the reward lookback of [`DoublesConfig::WINDOWS`], as the real vaults do.
	pub history: Option<u64>,
}

impl<AccountId, AssetKind> VaultSpec<AccountId, AssetKind> {
	/// A network-restake vault with an instant slasher that burns, ten blocks per epoch.
	pub fn new(collateral: AssetKind, account: AccountId) -> Self {
		Self {
			collateral,
			account,
			epoch: 10,
			delegator: DelegatorKind::NetworkRestake,
			slasher: SlasherKind::Instant,
			burner: BurnerKind::Burn,
			history: None,
		}
	}
}

/// A delegator hook call: what [`StakeProvider::on_slash`] was told.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct HookCall<AccountId> {
	pub vault: VaultId,
	pub subnetwork: Subnetwork<AccountId>,
	pub operator: AccountId,
	pub slash: SlashInfo<u64>,
}

/// A vault slash: what [`VaultSlashing::on_slash`] was asked.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct VaultSlash {
	pub vault: VaultId,
	pub amount: u128,
	pub capture: u64,
}

/// A slash sent through a vault's slasher: what [`NetworkSlasher::slash`] was asked, and
/// what it did.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct NetworkSlash<AccountId> {
	pub by: AccountId,
	pub vault: VaultId,
	pub subnetwork: Subnetwork<AccountId>,
	pub operator: AccountId,
	pub amount: u128,
	pub capture: u64,
	pub outcome: SlashOutcome,
}

/// A reward paid through the rewards pallet's network entry points.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum NetworkReward<AccountId, AssetKind> {
	/// To the stakers of `vault`, by their shares at `snapshot`.
	Stakers {
		payer: AccountId,
		vault: VaultId,
		network: AccountId,
		asset: AssetKind,
		amount: u128,
		snapshot: u64,
	},
	/// Credits to operators.
	Operators {
		payer: AccountId,
		network: AccountId,
		asset: AssetKind,
		payouts: Vec<(AccountId, u128)>,
	},
}

/// Values by block: the latest entry at or before a block answers.
struct History<V>(Vec<(u64, V)>);

impl<V> Default for History<V> {
	fn default() -> Self {
		Self(Vec::new())
	}
}

impl<V: Copy + Default> History<V> {
	fn record(&mut self, block: u64, value: V) {
		self.0.retain(|(b, _)| *b != block);
		self.0.push((block, value));
	}
	fn at(&self, block: u64) -> V {
		self.0
			.iter()
			.rev()
			.find(|(b, _)| *b <= block)
			.map(|(_, v)| *v)
			.unwrap_or_default()
	}
}

struct Vault<A, K> {
	spec: VaultSpec<A, K>,
	start: u64,
	stake: History<u128>,
	total_shares: History<u128>,
	shares: BTreeMap<A, History<u128>>,
	roles: BTreeSet<(Role, A)>,
}

struct World<A, K> {
	middleware: BTreeMap<A, A>,
	operators: BTreeSet<A>,
	opt_ins: BTreeMap<(A, OptInTarget<A>), History<bool>>,
	vaults: BTreeMap<VaultId, Vault<A, K>>,
	stakes: BTreeMap<(VaultId, Subnetwork<A>, A), History<u128>>,
	hook_calls: Vec<HookCall<A>>,
	vault_slashes: Vec<VaultSlash>,
	network_slashes: Vec<NetworkSlash<A>>,
	next_request: u64,
	rewards: Vec<NetworkReward<A, K>>,
}

impl<A, K> Default for World<A, K> {
	fn default() -> Self {
		Self {
			middleware: BTreeMap::new(),
			operators: BTreeSet::new(),
			opt_ins: BTreeMap::new(),
			vaults: BTreeMap::new(),
			stakes: BTreeMap::new(),
			hook_calls: Vec::new(),
			vault_slashes: Vec::new(),
			network_slashes: Vec::new(),
			next_request: 0,
			rewards: Vec::new(),
		}
	}
}

thread_local! {
	static WORLD: RefCell<Option<Box<dyn Any>>> = const { RefCell::new(None) };
}

/// Forgets everything the doubles were told: call it where the mock builds its externalities.
pub fn reset() {
	WORLD.with(|w| *w.borrow_mut() = None);
}

fn pruned() -> DispatchError {
	DispatchError::Other("the double's history does not reach that block")
}

fn future() -> DispatchError {
	DispatchError::Other("a block in the future")
}

impl<T: DoublesConfig> Doubles<T> {
	fn with<R>(f: impl FnOnce(&mut World<T::AccountId, T::AssetKind>) -> R) -> R {
		WORLD.with(|w| {
			let mut w = w.borrow_mut();
			let world =
				w.get_or_insert_with(|| Box::new(World::<T::AccountId, T::AssetKind>::default()));
			f(world
				.downcast_mut()
				.expect("one runtime's doubles per test thread; `reset` between runtimes"))
		})
	}

	fn now() -> u64 {
		crate::clock::now::<T>()
	}

	fn with_vault<R>(
		vault: VaultId,
		f: impl FnOnce(&mut Vault<T::AccountId, T::AssetKind>, u64) -> R,
	) -> R {
		let now = Self::now();
		Self::with(|w| f(w.vaults.get_mut(&vault).expect("a vault added to the doubles"), now))
	}

	/// The oldest block `vault`'s histories answer for now.
	fn horizon(vault: &Vault<T::AccountId, T::AssetKind>, now: u64) -> u64 {
		let span = vault.spec.history.unwrap_or_else(|| {
			VaultWindows { max_epoch_duration: vault.spec.epoch, ..T::WINDOWS }.max_history_span()
		});
		now.saturating_sub(span)
	}

	fn read<R>(
		vault: VaultId,
		at: u64,
		f: impl FnOnce(&Vault<T::AccountId, T::AssetKind>) -> R,
	) -> Result<R, DispatchError> {
		let now = Self::now();
		if at > now {
			return Err(future());
		}
		Self::with(|w| {
			let v = w.vaults.get(&vault).ok_or(DispatchError::Other("no such vault"))?;
			if at < Self::horizon(v, now) {
				return Err(pruned());
			}
			Ok(f(v))
		})
	}

	/// Registers `network` with `middleware`.
	pub fn register_network(network: T::AccountId, middleware: T::AccountId) {
		Self::with(|w| w.middleware.insert(network, middleware));
	}

	/// Registers `operator`.
	pub fn add_operator(operator: T::AccountId) {
		Self::with(|w| w.operators.insert(operator));
	}

	/// Opts `operator` into (`yes`) or out of `target` from this block on.
	pub fn set_opt_in(operator: T::AccountId, target: OptInTarget<T::AccountId>, yes: bool) {
		let now = Self::now();
		Self::with(|w| w.opt_ins.entry((operator, target)).or_default().record(now, yes));
	}

	/// Adds a vault (ids count up from 0) created at this block.
	pub fn add_vault(spec: VaultSpec<T::AccountId, T::AssetKind>) -> VaultId {
		let start = Self::now();
		Self::with(|w| {
			let id = w.vaults.len() as VaultId;
			let vault = Vault {
				spec,
				start,
				stake: History::default(),
				total_shares: History::default(),
				shares: BTreeMap::new(),
				roles: BTreeSet::new(),
			};
			w.vaults.insert(id, vault);
			id
		})
	}

	/// Gives `who` each of `roles` in `vault`.
	pub fn grant(vault: VaultId, roles: &[Role], who: T::AccountId) {
		Self::with_vault(vault, |v, _| {
			for role in roles {
				v.roles.insert((*role, who.clone()));
			}
		});
	}

	/// Takes `role` in `vault` from `who`.
	pub fn revoke(vault: VaultId, role: Role, who: &T::AccountId) {
		Self::with_vault(vault, |v, _| v.roles.remove(&(role, who.clone())));
	}

	/// Sets `vault`'s active stake from this block on.
	pub fn set_active_stake(vault: VaultId, stake: u128) {
		Self::with_vault(vault, |v, now| v.stake.record(now, stake));
	}

	/// `vault`'s active stake now.
	pub fn active_stake_now(vault: VaultId) -> u128 {
		Self::with_vault(vault, |v, now| v.stake.at(now))
	}

	/// Moves `vault`'s shares of `who` by `delta`, and its total shares and active stake with
	/// them (one share per unit, as in a vault never slashed), from this block on: a deposit
	/// (positive) or a withdrawal (negative).
	pub fn move_shares(vault: VaultId, who: T::AccountId, delta: i128) {
		Self::with_vault(vault, |v, now| {
			let apply = |h: &mut History<u128>| {
				let value = h.at(now).checked_add_signed(delta).expect("no more than it holds");
				h.record(now, value);
			};
			apply(v.shares.entry(who).or_default());
			apply(&mut v.total_shares);
			apply(&mut v.stake);
		});
	}

	/// Moves `shares` of `vault` from `from` to `to` from this block on.
	pub fn transfer_shares(vault: VaultId, from: T::AccountId, to: T::AccountId, shares: u128) {
		Self::with_vault(vault, |v, now| {
			let sender = v.shares.entry(from).or_default();
			let left = sender.at(now).checked_sub(shares).expect("no more than it holds");
			sender.record(now, left);
			let receiver = v.shares.entry(to).or_default();
			let got = receiver.at(now) + shares;
			receiver.record(now, got);
		});
	}

	/// `who`'s shares of `vault` now.
	pub fn shares_of(vault: VaultId, who: &T::AccountId) -> u128 {
		Self::with_vault(vault, |v, now| v.shares.get(who).map_or(0, |h| h.at(now)))
	}

	/// Gives `operator` a stake of `stake` in `subnetwork` from `vault`, from this block on.
	pub fn set_stake(
		vault: VaultId,
		subnetwork: Subnetwork<T::AccountId>,
		operator: T::AccountId,
		stake: u128,
	) {
		let now = Self::now();
		Self::with(|w| {
			w.stakes.entry((vault, subnetwork, operator)).or_default().record(now, stake)
		});
	}

	/// The delegator hook calls so far, in order.
	pub fn hook_calls() -> Vec<HookCall<T::AccountId>> {
		Self::with(|w| w.hook_calls.clone())
	}

	/// The vault slashes so far, in order.
	pub fn vault_slashes() -> Vec<VaultSlash> {
		Self::with(|w| w.vault_slashes.clone())
	}

	/// The rewards paid through the network entry points so far, in order.
	pub fn network_rewards() -> Vec<NetworkReward<T::AccountId, T::AssetKind>> {
		Self::with(|w| w.rewards.clone())
	}

	/// The slashes sent through vaults' slashers so far, in order.
	pub fn network_slashes() -> Vec<NetworkSlash<T::AccountId>> {
		Self::with(|w| w.network_slashes.clone())
	}
}

impl<T: DoublesConfig> NetworkRegistry<T::AccountId> for Doubles<T> {
	fn is_network(who: &T::AccountId) -> bool {
		Self::with(|w| w.middleware.contains_key(who))
	}
	fn middleware_of(network: &T::AccountId) -> Option<T::AccountId> {
		Self::with(|w| w.middleware.get(network).cloned())
	}
}

impl<T: DoublesConfig> OperatorRegistry<T::AccountId> for Doubles<T> {
	fn is_operator(who: &T::AccountId) -> bool {
		T::EVERYONE_IS_AN_OPERATOR || Self::with(|w| w.operators.contains(who))
	}
}

impl<T: DoublesConfig> OptIns<T::AccountId, u64> for Doubles<T> {
	fn is_opted_in(operator: &T::AccountId, target: &OptInTarget<T::AccountId>) -> bool {
		Self::is_opted_in_at(operator, target, Self::now()).unwrap_or(false)
	}
	fn is_opted_in_at(
		operator: &T::AccountId,
		target: &OptInTarget<T::AccountId>,
		at: u64,
	) -> Result<bool, DispatchError> {
		if at > Self::now() {
			return Err(future());
		}
		Ok(Self::with(|w| {
			w.opt_ins.get(&(operator.clone(), target.clone())).is_some_and(|h| h.at(at))
		}))
	}
}

impl<T: DoublesConfig> VaultsInspect<T::AccountId, u64> for Doubles<T> {
	type AssetKind = T::AssetKind;
	fn vault(vault: VaultId) -> Option<VaultView<T::AccountId, T::AssetKind, u64>> {
		let now = Self::now();
		Self::with(|w| {
			let v = w.vaults.get(&vault)?;
			let clock = EpochClock { start: v.start, duration: v.spec.epoch };
			Some(VaultView {
				id: vault,
				collateral: v.spec.collateral.clone(),
				account: v.spec.account.clone(),
				clock,
				epoch_start: v.start + (now - v.start) / v.spec.epoch * v.spec.epoch,
				delegator: v.spec.delegator.clone(),
				slasher: v.spec.slasher.clone(),
				burner: v.spec.burner,
				history_horizon: Self::horizon(v, now),
			})
		})
	}
	fn windows() -> VaultWindows<u64> {
		T::WINDOWS
	}
	fn active_stake(vault: VaultId) -> u128 {
		let now = Self::now();
		Self::with(|w| w.vaults.get(&vault).map_or(0, |v| v.stake.at(now)))
	}
	fn active_stake_at(vault: VaultId, at: u64) -> Result<u128, DispatchError> {
		Self::read(vault, at, |v| v.stake.at(at))
	}
	fn active_shares_at(vault: VaultId, at: u64) -> Result<u128, DispatchError> {
		Self::read(vault, at, |v| v.total_shares.at(at))
	}
	fn active_shares_of_at(
		vault: VaultId,
		who: &T::AccountId,
		at: u64,
	) -> Result<u128, DispatchError> {
		Self::read(vault, at, |v| v.shares.get(who).map_or(0, |h| h.at(at)))
	}
	fn has_role(vault: VaultId, role: Role, who: &T::AccountId) -> bool {
		Self::with(|w| w.vaults.get(&vault).is_some_and(|v| v.roles.contains(&(role, who.clone()))))
	}
}

impl<T: DoublesConfig> VaultSlashing<T::AccountId, u64> for Doubles<T> {
	fn on_slash(
		vault: VaultId,
		_: &T::AccountId,
		_: &T::AccountId,
		amount: u128,
		capture: u64,
	) -> Result<u128, DispatchError> {
		let now = Self::now();
		Self::with(|w| {
			w.vault_slashes.push(VaultSlash { vault, amount, capture });
			let v = w.vaults.get_mut(&vault).ok_or(DispatchError::Other("no such vault"))?;
			let active = v.stake.at(now);
			let moved = amount.min(active);
			v.stake.record(now, active - moved);
			Ok(moved)
		})
	}
}

/// The slashing pallet, simply: only the network's middleware slashes, up to the operator's stake
/// at the capture; an instant vault's active stake loses it at once, a veto vault records a
/// request (ids count up), a vault without slasher refuses.
impl<T: DoublesConfig> NetworkSlasher<T::AccountId, u64> for Doubles<T> {
	fn slash(
		by: &T::AccountId,
		vault: VaultId,
		subnetwork: &Subnetwork<T::AccountId>,
		operator: &T::AccountId,
		amount: u128,
		capture: u64,
	) -> Result<SlashOutcome, DispatchError> {
		if Self::middleware_of(&subnetwork.network).as_ref() != Some(by) {
			return Err(DispatchError::Other("not the network's middleware"));
		}
		let stake = Self::stake_at(vault, subnetwork, operator, capture)?;
		let slasher = Self::with(|w| w.vaults.get(&vault).map(|v| v.spec.slasher.clone()))
			.ok_or(DispatchError::Other("no such vault"))?;
		let slashed = amount.min(stake);
		let outcome = match slasher {
			SlasherKind::Instant => {
				let moved = <Self as VaultSlashing<_, _>>::on_slash(
					vault,
					&subnetwork.network,
					operator,
					slashed,
					capture,
				)?;
				SlashOutcome::Executed { slashed, moved }
			},
			SlasherKind::Veto { .. } => Self::with(|w| {
				w.next_request += 1;
				SlashOutcome::Requested { id: w.next_request - 1, amount: slashed }
			}),
			SlasherKind::None => return Err(DispatchError::Other("the vault has no slasher")),
		};
		let record = NetworkSlash {
			by: by.clone(),
			vault,
			subnetwork: subnetwork.clone(),
			operator: operator.clone(),
			amount,
			capture,
			outcome,
		};
		Self::with(|w| w.network_slashes.push(record));
		Ok(outcome)
	}
	fn slash_weight() -> Weight {
		T::ON_SLASH_WEIGHT
	}
}

/// The rewards pallet, simply: only the network's middleware pays; a staker reward needs shares at
/// the snapshot; at most [`MAX_OPERATOR_PAYOUTS`] distinct operators per payout. Payments are
/// recorded, no funds move.
impl<T: DoublesConfig> NetworkRewards<T::AccountId, T::AssetKind, u64> for Doubles<T> {
	fn reward_stakers(
		by: &T::AccountId,
		payer: &T::AccountId,
		vault: VaultId,
		network: &T::AccountId,
		asset: &T::AssetKind,
		amount: u128,
		snapshot: u64,
		_: u32,
	) -> DispatchResult {
		if Self::middleware_of(network).as_ref() != Some(by) {
			return Err(DispatchError::Other("not the network's middleware"));
		}
		if Self::active_shares_at(vault, snapshot)? == 0 || amount == 0 {
			return Err(DispatchError::Other("no shares at the snapshot, or nothing to pay"));
		}
		let reward = NetworkReward::Stakers {
			payer: payer.clone(),
			vault,
			network: network.clone(),
			asset: asset.clone(),
			amount,
			snapshot,
		};
		Self::with(|w| w.rewards.push(reward));
		Ok(())
	}
	fn reward_operators(
		by: &T::AccountId,
		payer: &T::AccountId,
		network: &T::AccountId,
		asset: &T::AssetKind,
		payouts: Vec<(T::AccountId, u128)>,
	) -> DispatchResult {
		if Self::middleware_of(network).as_ref() != Some(by) {
			return Err(DispatchError::Other("not the network's middleware"));
		}
		let distinct = payouts
			.iter()
			.enumerate()
			.all(|(i, (o, _))| !payouts[..i].iter().any(|(p, _)| p == o));
		if payouts.len() > MAX_OPERATOR_PAYOUTS as usize || !distinct {
			return Err(DispatchError::Other("too many or duplicated operators"));
		}
		let reward = NetworkReward::Operators {
			payer: payer.clone(),
			network: network.clone(),
			asset: asset.clone(),
			payouts,
		};
		Self::with(|w| w.rewards.push(reward));
		Ok(())
	}
	fn max_operator_payouts() -> u32 {
		MAX_OPERATOR_PAYOUTS
	}
	fn reward_stakers_weight() -> Weight {
		Weight::zero()
	}
	fn reward_operators_weight(_: u32) -> Weight {
		Weight::zero()
	}
}

/// The most operators one payout of the rewards double credits.
pub const MAX_OPERATOR_PAYOUTS: u32 = 2;

impl<T: DoublesConfig> StakeProvider<T::AccountId, u64> for Doubles<T> {
	fn stake(
		vault: VaultId,
		subnetwork: &Subnetwork<T::AccountId>,
		operator: &T::AccountId,
	) -> u128 {
		Self::stake_at(vault, subnetwork, operator, Self::now()).unwrap_or(0)
	}
	fn stake_at(
		vault: VaultId,
		subnetwork: &Subnetwork<T::AccountId>,
		operator: &T::AccountId,
		at: u64,
	) -> Result<u128, DispatchError> {
		if at > Self::now() {
			return Err(future());
		}
		Ok(Self::with(|w| {
			w.stakes
				.get(&(vault, subnetwork.clone(), operator.clone()))
				.map_or(0, |h| h.at(at))
		}))
	}
	fn on_slash(
		vault: VaultId,
		subnetwork: &Subnetwork<T::AccountId>,
		operator: &T::AccountId,
		slash: SlashInfo<u64>,
	) -> Weight {
		let call =
			HookCall { vault, subnetwork: subnetwork.clone(), operator: operator.clone(), slash };
		Self::with(|w| w.hook_calls.push(call));
		T::ON_SLASH_USED
	}
	fn stake_at_weight() -> Weight {
		T::STAKE_AT_WEIGHT
	}
	fn on_slash_weight() -> Weight {
		T::ON_SLASH_WEIGHT
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	struct Clock;
	impl BlockNumberProvider for Clock {
		type BlockNumber = u64;
		fn current_block_number() -> u64 {
			NOW.with(|n| *n.borrow())
		}
	}
	thread_local! {
		static NOW: RefCell<u64> = const { RefCell::new(1) };
	}
	fn run_to(n: u64) {
		NOW.with(|b| *b.borrow_mut() = n);
	}

	struct Runtime;
	impl RestakingClock for Runtime {
		type BlockNumberProvider = Clock;
	}
	impl DoublesConfig for Runtime {
		type AccountId = u64;
		type AssetKind = ();
		const WINDOWS: VaultWindows<u64> =
			VaultWindows { max_epoch_duration: 10, reward_lookback: 4 };
	}
	type World = Doubles<Runtime>;

	/// Histories answer by block inside the horizon (two epochs plus the lookback), refuse the
	/// future and what is older; a vault slash takes from the active stake, never more.
	#[test]
	fn vault_histories_answer_by_block_inside_the_horizon() {
		reset();
		run_to(1);
		let v = World::add_vault(VaultSpec { epoch: 5, ..VaultSpec::new((), 0) });
		World::move_shares(v, 7, 100);
		run_to(3);
		World::move_shares(v, 8, 50);
		World::transfer_shares(v, 7, 8, 40);
		assert_eq!(World::active_shares_of_at(v, &7, 2), Ok(100));
		assert_eq!(World::active_shares_of_at(v, &7, 3), Ok(60));
		assert_eq!(World::active_shares_at(v, 3), Ok(150));
		assert!(World::active_stake_at(v, 4).is_err());
		run_to(20);
		let view = World::vault(v).expect("added");
		assert_eq!((view.epoch_start, view.history_horizon), (16, 6));
		assert!(World::active_stake_at(v, 5).is_err());
		assert_eq!(World::active_stake_at(v, 6), Ok(150));
		assert_eq!(<World as VaultSlashing<_, _>>::on_slash(v, &1, &2, 200, 19), Ok(150));
		assert_eq!(World::active_stake(v), 0);
		assert_eq!(World::vault_slashes(), vec![VaultSlash { vault: v, amount: 200, capture: 19 }]);
	}

	/// Opt-ins, stakes and registrations are what the test set, from the block it set them.
	#[test]
	fn registrations_and_stakes_follow_what_was_set() {
		reset();
		run_to(1);
		World::register_network(1, 2);
		World::set_opt_in(5, OptInTarget::Network(1), true);
		World::set_stake(0, Subnetwork::main(1), 5, 10);
		run_to(4);
		World::set_opt_in(5, OptInTarget::Network(1), false);
		assert_eq!(World::middleware_of(&1), Some(2));
		assert!(!World::is_network(&2) && !World::is_operator(&5));
		assert_eq!(World::is_opted_in_at(&5, &OptInTarget::Network(1), 3), Ok(true));
		assert!(!World::is_opted_in(&5, &OptInTarget::Network(1)));
		assert!(World::is_opted_in_at(&5, &OptInTarget::Network(1), 5).is_err());
		assert_eq!(World::stake_at(0, &Subnetwork::main(1), &5, 1), Ok(10));
		assert_eq!(World::stake(0, &Subnetwork::main(2), &5), 0);
	}
}
