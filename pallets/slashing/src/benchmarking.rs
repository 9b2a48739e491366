// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Benchmarks at each call's worst case: cumulative histories with entries to prune, request
//! queues with requests to prune, a resolver watching the subnetwork, a pending resolver change
//! to replace. The guarantee lookup and the delegator hook are added at their worst depth by
//! [`Pallet::slash_weight`].

use super::*;
use crate::Pallet as Slashing;
use frame_benchmarking::v2::*;
use frame_support::traits::Get;
use frame_system::RawOrigin;
use rampart_primitives::{
	paged_trace::{PAGE_DEPTH, PAGE_LEN},
	SlasherKind, Subnetwork, VaultId,
};
use sp_runtime::traits::BlockNumberProvider;

/// The benchmark vaults' epoch.
const EPOCH: u32 = 100;
/// The veto vaults' veto period.
const VETO: u32 = 10;
/// The deepest cumulative-slash history the `d`-parameterised benchmarks build (`2^MAX_DEPTH`
/// entries); the runtime charges the measured slope at `MaxCumulativeSlashDepth`.
const MAX_DEPTH: u32 = 10;

fn set_block<T: Config>(n: u32) {
	T::BlockNumberProvider::set_block_number(n.into());
}

struct World<T: Config> {
	vault: VaultId,
	network: T::AccountId,
	middleware: T::AccountId,
	operator: T::AccountId,
	subnetwork: SubnetworkOf<T>,
}

fn world<T: Config>(slasher: SlasherKind<BlockNumberOf<T>>, epoch: u32) -> World<T> {
	set_block::<T>(1);
	let network: T::AccountId = account("network", 0, 0);
	let middleware: T::AccountId = whitelisted_caller();
	let operator: T::AccountId = account("operator", 0, 0);
	let vault = T::BenchmarkHelper::setup(slasher, epoch.into(), &network, &middleware, &operator);
	let subnetwork = Subnetwork::main(network.clone());
	World { vault, network, middleware, operator, subnetwork }
}

fn veto<T: Config>() -> World<T> {
	veto_with_epoch::<T>(EPOCH)
}

fn veto_with_epoch<T: Config>(epoch: u32) -> World<T> {
	world::<T>(
		SlasherKind::Veto { veto_duration: VETO.into(), resolver_set_epochs_delay: 3 },
		epoch,
	)
}

fn request<T: Config>(w: &World<T>, capture: u32) {
	Slashing::<T>::request_slash(
		RawOrigin::Signed(w.middleware.clone()).into(),
		w.vault,
		w.subnetwork.clone(),
		w.operator.clone(),
		1,
		capture.into(),
	)
	.expect("the middleware requests within the window; qed");
}

fn resolver<T: Config>(w: &World<T>, n: u32) {
	Slashing::<T>::set_resolver(
		RawOrigin::Signed(w.network.clone()).into(),
		w.vault,
		0,
		Some(account("resolver", n, 0)),
	)
	.expect("a network sets a resolver; qed");
}

/// The epoch of a benchmark vault whose cumulative-slash history is `d` probes deep: a pair
/// slashed in every block of its window, plus the page before the window (for the next write to
/// prune), holds `2^d − 1` entries. At `d = PAGE_DEPTH` (a history in its head) the epoch is
/// the shortest a veto vault takes, and the history one probe deeper. Past the longest epoch
/// vaults may have, the epoch is that longest one: the deepest history a slash can search
/// (depth 17 for the runtime's 7 days, 100 816 entries; the report runs it).
fn epoch_for<T: Config>(d: u32) -> u32 {
	use rampart_primitives::traits::VaultsInspect;
	use sp_runtime::SaturatedConversion;
	let longest: u32 = T::Vaults::windows().max_epoch_duration.saturated_into();
	((1u32 << d.min(31)) - 1)
		.saturating_sub(PAGE_LEN)
		.min(longest)
		.max(VETO + PAGE_DEPTH)
}

/// Writes the world's pair's cumulative-slash history as if it had been slashed in every block
/// from `first` on: a page of entries older than the window of a vault of `epoch`, then one in
/// each block of the window. Returns the window's first block (the capture whose lookup
/// binary-searches every page) and the present block.
fn deep_history<T: Config>(w: &World<T>, epoch: u32, first: u32) -> (u32, u32) {
	let key = (w.vault, w.subnetwork.clone(), w.operator.clone());
	let window = first + PAGE_LEN;
	let now = window + epoch;
	for b in first..now {
		CumulativeSlash::<T>::push(&key, b.into(), u128::from(b - first + 1), 0u32.into())
			.expect("blocks increase; qed");
	}
	(window, now)
}

/// A slash's world at `epoch` (see [`epoch_for`]): the pair's history written as if slashed in
/// every block of its window; the capture at the window's start, whose lookup searches every
/// page.
fn slash_world<T: Config>(epoch: u32) -> (World<T>, u32) {
	let w = world::<T>(SlasherKind::Instant, epoch);
	let (capture, now) = deep_history::<T>(&w, epoch, 2);
	set_block::<T>(now);
	(w, capture)
}

/// A veto vault of `epoch` with two requests to prune and a history as [`slash_world`]'s; the
/// oldest capture a request may name (the veto must end within the window).
fn request_world<T: Config>(epoch: u32) -> (World<T>, u32) {
	let w = veto_with_epoch::<T>(epoch);
	set_block::<T>(2);
	request::<T>(&w, 1);
	request::<T>(&w, 1);
	let retention: u32 = T::RequestRetention::get().try_into().unwrap_or(u32::MAX / 4);
	let (window, now) = deep_history::<T>(&w, epoch, retention + 4);
	set_block::<T>(now);
	(w, window + VETO)
}

/// A veto vault of `epoch` with a resolver, a history as [`slash_world`]'s and a request at the
/// oldest capture still inside the window when its veto period ends, which has just ended.
fn execute_world<T: Config>(epoch: u32) -> World<T> {
	let w = veto_with_epoch::<T>(epoch);
	resolver::<T>(&w, 0);
	let (window, now) = deep_history::<T>(&w, epoch, 2);
	set_block::<T>(now);
	request::<T>(&w, window + VETO);
	set_block::<T>(now + VETO);
	w
}

/// The epoch of the deepest history a slash may search in this runtime: `MaxCumulativeSlashDepth`
/// probes, or the window of the longest epoch vaults may have if that is shallower.
fn deepest_epoch<T: Config>() -> u32 {
	epoch_for::<T>(T::MaxCumulativeSlashDepth::get())
}

fn executed<T: Config>(id: RequestId) -> bool {
	matches!(Requests::<T>::get(id).map(|r| r.status), Some(RequestStatus::Executed { .. }))
}

#[benchmarks]
mod benches {
	use super::*;

	/// A slash at the oldest capture of its window, in a cumulative-slash history of `2^d − 1`
	/// entries (`d` probes, `p = d − PAGE_DEPTH` of them beyond the history's head, see
	/// [`epoch_for`]), with a page older than the window for the write to prune.
	#[benchmark]
	fn slash(p: Linear<0, { MAX_DEPTH - PAGE_DEPTH }>) {
		let (w, capture) = slash_world::<T>(epoch_for::<T>(p + PAGE_DEPTH));

		#[extrinsic_call]
		_(
			RawOrigin::Signed(w.middleware.clone()),
			w.vault,
			w.subnetwork.clone(),
			w.operator.clone(),
			1_000,
			capture.into(),
		);

		assert!(LatestSlashedCapture::<T>::contains_key((w.vault, w.subnetwork, w.operator)));
	}

	#[benchmark]
	fn request_slash(p: Linear<0, { MAX_DEPTH - PAGE_DEPTH }>) {
		let (w, capture) = request_world::<T>(epoch_for::<T>(p + PAGE_DEPTH));

		#[extrinsic_call]
		_(
			RawOrigin::Signed(w.middleware.clone()),
			w.vault,
			w.subnetwork.clone(),
			w.operator.clone(),
			1_000,
			capture.into(),
		);

		assert_eq!(VaultRequestQueue::<T>::get(w.vault), (2, 3));
	}

	#[benchmark]
	fn execute_slash(p: Linear<0, { MAX_DEPTH - PAGE_DEPTH }>) {
		let w = execute_world::<T>(epoch_for::<T>(p + PAGE_DEPTH));

		#[extrinsic_call]
		_(RawOrigin::Signed(w.middleware.clone()), 0);

		assert!(executed::<T>(0));
	}

	/// [`slash`] in the deepest history the runtime lets a slash search ([`deepest_epoch`]), in
	/// the state it makes: the cost grows faster than linearly at that end.
	#[benchmark]
	fn slash_deepest() {
		let (w, capture) = slash_world::<T>(deepest_epoch::<T>());

		#[extrinsic_call]
		slash(
			RawOrigin::Signed(w.middleware.clone()),
			w.vault,
			w.subnetwork.clone(),
			w.operator.clone(),
			1_000,
			capture.into(),
		);

		assert!(LatestSlashedCapture::<T>::contains_key((w.vault, w.subnetwork, w.operator)));
	}

	/// [`request_slash`] at the depth of [`slash_deepest`].
	#[benchmark]
	fn request_slash_deepest() {
		let (w, capture) = request_world::<T>(deepest_epoch::<T>());

		#[extrinsic_call]
		request_slash(
			RawOrigin::Signed(w.middleware.clone()),
			w.vault,
			w.subnetwork.clone(),
			w.operator.clone(),
			1_000,
			capture.into(),
		);

		assert_eq!(VaultRequestQueue::<T>::get(w.vault), (2, 3));
	}

	/// [`execute_slash`] at the depth of [`slash_deepest`].
	#[benchmark]
	fn execute_slash_deepest() {
		let w = execute_world::<T>(deepest_epoch::<T>());

		#[extrinsic_call]
		execute_slash(RawOrigin::Signed(w.middleware.clone()), 0);

		assert!(executed::<T>(0));
	}

	#[benchmark]
	fn veto_slash() {
		let w = veto::<T>();
		resolver::<T>(&w, 0);
		set_block::<T>(3);
		request::<T>(&w, 2);
		let resolver: T::AccountId = account("resolver", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(resolver), 0);

		assert_eq!(Requests::<T>::get(0).map(|r| r.status), Some(RequestStatus::Vetoed));
	}

	#[benchmark]
	fn set_resolver() {
		let w = veto::<T>();
		resolver::<T>(&w, 0);
		set_block::<T>(2);
		resolver::<T>(&w, 1);
		let next: T::AccountId = account("resolver", 2, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(w.network.clone()), w.vault, 0, Some(next.clone()));

		let from: BlockNumberOf<T> = (1 + 3 * EPOCH).into();
		assert_eq!(Slashing::<T>::resolver_of(w.vault, &w.subnetwork, from), Ok(Some(next)));
	}

	impl_benchmark_test_suite!(Slashing, mock::new_test_ext(), mock::Test);
}
