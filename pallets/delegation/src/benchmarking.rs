// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Benchmarks at each call's worst case: histories that hold entries for the pushes to prune,
//! the clamp of the network limit with a new maximum, and lookups in histories `d` binary-search
//! steps deep (`2^d` entries in each history a lookup reads, the vault's active stake included).

use super::*;
use crate::Pallet as Delegation;
use frame_benchmarking::v2::*;
use frame_support::traits::Get;
use frame_system::RawOrigin;
use rampart_primitives::{
	paged_trace::{PAGE_DEPTH, PAGE_LEN},
	traits::{SlashInfo, StakeProvider, VaultsInspect},
	DelegatorKind, Subnetwork, VaultId,
};
use sp_runtime::traits::BlockNumberProvider;

/// The deepest history the `d`-parameterised benchmarks build (`2^MAX_DEPTH` entries): the
/// reference runtime's `MaxHistoryDepth`. Their curves show how a lookup's cost grows with the
/// depth: beyond about 2^10 entries its time grows faster than the small-state slope (every
/// storage access slows as the benchmark state grows with the histories), so no line through
/// them is exact at the depth calls are charged at; the `*_deepest` benchmarks measure that
/// depth itself, and calls are charged the larger of the two.
#[cfg(not(test))]
const MAX_DEPTH: u32 = 19;
/// The mock's tests of the benchmarks (which run each at its highest component) stop at 2^10
/// entries: the mock's vault keeps its stake history in memory, one entry per block.
#[cfg(test)]
const MAX_DEPTH: u32 = 10;

/// The depth lookups are charged at: the runtime's `MaxHistoryDepth` (capped at [`MAX_DEPTH`] in
/// the mock's tests). The `*_deepest` benchmarks measure there, in the state histories that deep
/// leave, rather than reading it off a line fitted over shallower ones: a lookup's time is convex
/// in the depth, since every storage access of the benchmark state slows as the state grows.
fn deepest<T: Config>() -> u32 {
	let depth = T::MaxHistoryDepth::get();
	if cfg!(test) {
		depth.min(MAX_DEPTH)
	} else {
		depth
	}
}

fn set_block<T: Config>(n: u32) {
	T::BlockNumberProvider::set_block_number(n.into());
}

fn block<T: Config>() -> u32 {
	Delegation::<T>::now().try_into().unwrap_or(u32::MAX)
}

/// The blocks of history `vault` keeps (its horizon is this far behind the current block).
fn window<T: Config>(vault: VaultId) -> u32 {
	let now = block::<T>();
	let probe = 1u32 << 30;
	set_block::<T>(probe);
	let horizon: u32 = T::Vaults::vault(vault)
		.and_then(|view| view.history_horizon.try_into().ok())
		.expect("the vault exists; qed");
	set_block::<T>(now);
	probe - horizon
}

struct World<T: Config> {
	vault: VaultId,
	curator: T::AccountId,
	network: T::AccountId,
	operator: T::AccountId,
	subnetwork: SubnetworkOf<T>,
}

/// A vault of `kind` with stake, a registered network, an operator opted into both.
fn world<T: Config>(
	kind: impl FnOnce(&T::AccountId, &T::AccountId) -> DelegatorKind<T::AccountId>,
) -> World<T> {
	set_block::<T>(1);
	let curator: T::AccountId = whitelisted_caller();
	let network: T::AccountId = account("network", 0, 0);
	let operator: T::AccountId = account("operator", 0, 0);
	T::BenchmarkHelper::register_network(&network);
	let vault = T::BenchmarkHelper::vault(kind(&operator, &network), &curator, 1_000_000);
	T::BenchmarkHelper::opt_in(&operator, &network, vault);
	let subnetwork = Subnetwork::main(network.clone());
	World { vault, curator, network, operator, subnetwork }
}

fn restake<T: Config>() -> World<T> {
	world::<T>(|_, _| DelegatorKind::NetworkRestake)
}

/// Sets the maximum and limit of `w`'s subnetwork and `w.operator`'s shares (or limit, for the
/// full-restake kind) to alternating values over `entries` blocks from the current one, leaving
/// `entries` entries in each history.
fn fill<T: Config>(w: &World<T>, entries: u32, full_restake: bool) {
	let who = RawOrigin::Signed(w.curator.clone());
	let start = block::<T>();
	for i in 0..entries {
		set_block::<T>(start + i);
		let value = 1_000_000u128 + u128::from(i % 2);
		Delegation::<T>::set_max_network_limit(
			RawOrigin::Signed(w.network.clone()).into(),
			w.vault,
			0,
			2_000_000 + u128::from(i % 2),
		)
		.expect("a network sets its maximum; qed");
		Delegation::<T>::set_network_limit(
			who.clone().into(),
			w.vault,
			w.subnetwork.clone(),
			value,
		)
		.expect("the curator sets the limit; qed");
		if full_restake {
			Delegation::<T>::set_operator_network_limit(
				who.clone().into(),
				w.vault,
				w.subnetwork.clone(),
				w.operator.clone(),
				value,
			)
			.expect("the curator sets an operator limit; qed");
		} else {
			Delegation::<T>::set_operator_network_shares(
				who.clone().into(),
				w.vault,
				w.subnetwork.clone(),
				w.operator.clone(),
				value,
			)
			.expect("the curator sets shares; qed");
		}
		// Deep histories are hundreds of thousands of calls in one setup: their events would
		// fill the runtime's memory (they are never part of what is measured).
		frame_system::Pallet::<T>::reset_events();
	}
}

/// Entries in every history before a measured call pushes: three full pages and three in the
/// head, so that the push finds a page to prune (the most a push that fills no page writes).
const PRUNABLE: u32 = 3 * PAGE_LEN + 3;

/// [`PRUNABLE`] entries in every history, then a block far enough on that the pushes of the
/// measured call prune.
fn prunable<T: Config>(w: &World<T>, full_restake: bool) {
	set_block::<T>(2);
	fill::<T>(w, PRUNABLE, full_restake);
	set_block::<T>(2 + PRUNABLE + window::<T>(w.vault) + 10);
}

/// Histories `d` steps deep: `2^d` entries in each of the vault's stake, the maximum, the limit
/// and the operator's shares (and their total).
///
/// The first block's entries are set by the calls (which also record the allocation); the
/// others are appended to the histories directly, the values [`fill`] would set at each block,
/// so that the state is the one `2^d` blocks of calls leave. A history 19 steps deep is 524 288
/// entries in each: by calls, a setup took minutes.
fn deep<T: Config>(w: &World<T>, d: u32) {
	let entries = 1u32 << d;
	set_block::<T>(2);
	T::BenchmarkHelper::stake_history(w.vault, entries);
	set_block::<T>(2);
	fill::<T>(w, 1, false);
	let limits = (w.vault, w.subnetwork.clone());
	let shares = (w.vault, w.subnetwork.clone(), w.operator.clone());
	let history = |base: u128| {
		(1..entries).map(move |i| (BlockNumberOf::<T>::from(2 + i), base + u128::from(i % 2)))
	};
	MaxNetworkLimit::<T>::extend_unpruned(&limits, history(2_000_000)).expect("in order; qed");
	NetworkLimit::<T>::extend_unpruned(&limits, history(1_000_000)).expect("in order; qed");
	TotalShares::<T>::extend_unpruned(&limits, history(1_000_000)).expect("in order; qed");
	OperatorShares::<T>::extend_unpruned(&shares, history(1_000_000)).expect("in order; qed");
	set_block::<T>(2 + entries);
}

/// The lookup the `stake_at` benchmarks measure.
fn lookup<T: Config>(
	w: &World<T>,
	at: BlockNumberOf<T>,
) -> Result<u128, sp_runtime::DispatchError> {
	<Delegation<T> as StakeProvider<_, _>>::stake_at(w.vault, &w.subnetwork, &w.operator, at)
}

/// The slash of 1 000 out of 2 000 slashable at `capture` the `on_slash_*` benchmarks measure.
fn slash_once<T: Config>(w: &World<T>, capture: BlockNumberOf<T>) {
	<Delegation<T> as StakeProvider<_, _>>::on_slash(
		w.vault,
		&w.subnetwork,
		&w.operator,
		SlashInfo { amount: 1_000, capture, slashable: 2_000 },
	);
}

/// A network-restake world with histories `d` steps deep; returns it and a block in the middle
/// of the histories.
fn deep_world<T: Config>(d: u32) -> (World<T>, BlockNumberOf<T>) {
	let w = restake::<T>();
	deep::<T>(&w, d);
	(w, (2 + (1u32 << d) / 2).into())
}

/// A network-restake world with histories `d` steps deep and `policy` set; returns it and a
/// capture block in the middle of the histories.
fn deep_with_policy<T: Config>(
	d: u32,
	policy: HookPolicy<BlockNumberOf<T>>,
) -> (World<T>, BlockNumberOf<T>) {
	let (w, capture) = deep_world::<T>(d);
	Delegation::<T>::set_hook_policy(RawOrigin::Signed(w.curator.clone()).into(), w.vault, policy)
		.expect("the curator sets the policy; qed");
	(w, capture)
}

#[benchmarks]
mod benches {
	use super::*;

	#[benchmark]
	fn set_max_network_limit() {
		let w = restake::<T>();
		prunable::<T>(&w, false);

		#[extrinsic_call]
		_(RawOrigin::Signed(w.network.clone()), w.vault, 0, 1);

		assert_eq!(Delegation::<T>::subnetwork_limits(w.vault, w.subnetwork.clone()).1, 1);
	}

	#[benchmark]
	fn set_network_limit() {
		let w = restake::<T>();
		prunable::<T>(&w, false);

		#[extrinsic_call]
		_(RawOrigin::Signed(w.curator.clone()), w.vault, w.subnetwork.clone(), 7);

		assert_eq!(Delegation::<T>::subnetwork_limits(w.vault, w.subnetwork.clone()).1, 7);
	}

	#[benchmark]
	fn set_operator_network_shares() {
		let w = restake::<T>();
		prunable::<T>(&w, false);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(w.curator.clone()),
			w.vault,
			w.subnetwork.clone(),
			w.operator.clone(),
			7,
		);

		assert_eq!(Delegation::<T>::subnetwork_limits(w.vault, w.subnetwork.clone()).2, 7);
	}

	#[benchmark]
	fn set_operator_network_limit() {
		let w = world::<T>(|_, _| DelegatorKind::FullRestake);
		prunable::<T>(&w, true);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(w.curator.clone()),
			w.vault,
			w.subnetwork.clone(),
			w.operator.clone(),
			7,
		);

		assert_eq!(Delegation::<T>::stake_now(w.vault, &w.subnetwork, &w.operator), Ok(7));
	}

	#[benchmark]
	fn set_hook_policy() {
		let w = restake::<T>();
		let policy = HookPolicy::Reset { period: 10u32.into(), count: T::MaxResetCount::get() };

		#[extrinsic_call]
		_(RawOrigin::Signed(w.curator.clone()), w.vault, policy);

		assert_eq!(HookPolicies::<T>::get(w.vault), Some(policy));
	}

	/// Not a call: the guarantee lookup networks and the slashing pallet make, in
	/// network-restake form (the most histories read), over histories `d = p + PAGE_DEPTH` steps
	/// deep (`p` steps beyond their heads).
	#[benchmark]
	fn stake_at(p: Linear<0, { MAX_DEPTH - PAGE_DEPTH }>) {
		let (w, at) = deep_world::<T>(p + PAGE_DEPTH);
		let stake;

		#[block]
		{
			stake = lookup::<T>(&w, at);
		}

		assert!(stake.expect("inside the window; qed") > 0);
	}

	#[benchmark]
	fn on_slash_none() {
		let w = restake::<T>();
		fill::<T>(&w, 1, false);
		set_block::<T>(block::<T>() + 1);
		let capture: BlockNumberOf<T> = 1u32.into();

		#[block]
		{
			slash_once::<T>(&w, capture);
		}
	}

	/// The decrease policy of a network-restake vault: it reads the stake and shares at the
	/// capture in histories `d = p + PAGE_DEPTH` steps deep and writes the limit, the shares and
	/// their total.
	#[benchmark]
	fn on_slash_decrease(p: Linear<0, { MAX_DEPTH - PAGE_DEPTH }>) {
		let d = p + PAGE_DEPTH;
		let (w, capture) = deep_with_policy::<T>(d, HookPolicy::Decrease);

		#[block]
		{
			slash_once::<T>(&w, capture);
		}

		assert!(Delegation::<T>::subnetwork_limits(w.vault, w.subnetwork.clone()).1 < 1_000_000);
	}

	/// The redistribute policy, over histories `d = p + PAGE_DEPTH` steps deep.
	#[benchmark]
	fn on_slash_redistribute(p: Linear<0, { MAX_DEPTH - PAGE_DEPTH }>) {
		let d = p + PAGE_DEPTH;
		let (w, capture) = deep_with_policy::<T>(d, HookPolicy::Redistribute);

		#[block]
		{
			slash_once::<T>(&w, capture);
		}

		assert!(Delegation::<T>::subnetwork_limits(w.vault, w.subnetwork.clone()).2 < 1_000_000);
	}

	/// `stake_at` with histories at the depth lookups are charged at ([`deepest`]).
	#[benchmark]
	fn stake_at_deepest() {
		let (w, at) = deep_world::<T>(deepest::<T>());
		let stake;

		#[block]
		{
			stake = lookup::<T>(&w, at);
		}

		assert!(stake.expect("inside the window; qed") > 0);
	}

	/// The decrease policy with histories at the depth it is charged at ([`deepest`]).
	#[benchmark]
	fn on_slash_decrease_deepest() {
		let (w, capture) = deep_with_policy::<T>(deepest::<T>(), HookPolicy::Decrease);

		#[block]
		{
			slash_once::<T>(&w, capture);
		}

		assert!(Delegation::<T>::subnetwork_limits(w.vault, w.subnetwork.clone()).1 < 1_000_000);
	}

	/// The redistribute policy with histories at the depth it is charged at ([`deepest`]).
	#[benchmark]
	fn on_slash_redistribute_deepest() {
		let (w, capture) = deep_with_policy::<T>(deepest::<T>(), HookPolicy::Redistribute);

		#[block]
		{
			slash_once::<T>(&w, capture);
		}

		assert!(Delegation::<T>::subnetwork_limits(w.vault, w.subnetwork.clone()).2 < 1_000_000);
	}

	/// The reset policy at the slash that triggers the reset, with a full ring buffer.
	#[benchmark]
	fn on_slash_reset() {
		let w = restake::<T>();
		prunable::<T>(&w, false);
		let count = T::MaxResetCount::get();
		Delegation::<T>::set_hook_policy(
			RawOrigin::Signed(w.curator.clone()).into(),
			w.vault,
			HookPolicy::Reset { period: 1_000u32.into(), count },
		)
		.expect("the curator sets the policy; qed");
		let capture: BlockNumberOf<T> = block::<T>().into();
		for _ in 1..count {
			<Delegation<T> as StakeProvider<_, _>>::on_slash(
				w.vault,
				&w.subnetwork,
				&w.operator,
				SlashInfo { amount: 1, capture, slashable: 2 },
			);
		}
		set_block::<T>(block::<T>() + 1);

		#[block]
		{
			<Delegation<T> as StakeProvider<_, _>>::on_slash(
				w.vault,
				&w.subnetwork,
				&w.operator,
				SlashInfo { amount: 1, capture, slashable: 2 },
			);
		}

		assert_eq!(Delegation::<T>::stake_now(w.vault, &w.subnetwork, &w.operator), Ok(0));
	}

	impl_benchmark_test_suite!(Delegation, mock::new_test_ext(), mock::Test);
}
