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
/// the shortest a veto vault takes, and the history one probe deeper.
fn epoch_for(d: u32) -> u32 {
	((1u32 << d) - 1).saturating_sub(PAGE_LEN).max(VETO + PAGE_DEPTH)
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

#[benchmarks]
mod benches {
	use super::*;

	/// A slash at the oldest capture of its window, in a cumulative-slash history of `2^d − 1`
	/// entries (`d` probes, `p = d − PAGE_DEPTH` of them beyond the history's head, see
	/// [`epoch_for`]), with a page older than the window for the write to prune.
	#[benchmark]
	fn slash(p: Linear<0, { MAX_DEPTH - PAGE_DEPTH }>) {
		let epoch = epoch_for(p + PAGE_DEPTH);
		let w = world::<T>(SlasherKind::Instant, epoch);
		let (capture, now) = deep_history::<T>(&w, epoch, 2);
		set_block::<T>(now);

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
		let epoch = epoch_for(p + PAGE_DEPTH);
		let w = veto_with_epoch::<T>(epoch);
		set_block::<T>(2);
		request::<T>(&w, 1);
		request::<T>(&w, 1);
		let retention: u32 = T::RequestRetention::get().try_into().unwrap_or(u32::MAX / 4);
		// The oldest capture a veto request may name: the veto must end within the window.
		let (window, now) = deep_history::<T>(&w, epoch, retention + 4);
		set_block::<T>(now);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(w.middleware.clone()),
			w.vault,
			w.subnetwork.clone(),
			w.operator.clone(),
			1_000,
			(window + VETO).into(),
		);

		assert_eq!(VaultRequestQueue::<T>::get(w.vault), (2, 3));
	}

	#[benchmark]
	fn execute_slash(p: Linear<0, { MAX_DEPTH - PAGE_DEPTH }>) {
		let epoch = epoch_for(p + PAGE_DEPTH);
		let w = veto_with_epoch::<T>(epoch);
		resolver::<T>(&w, 0);
		let (window, now) = deep_history::<T>(&w, epoch, 2);
		set_block::<T>(now);
		// The oldest capture still inside the window when the veto period ends.
		request::<T>(&w, window + VETO);
		set_block::<T>(now + VETO);

		#[extrinsic_call]
		_(RawOrigin::Signed(w.middleware.clone()), 0);

		assert!(matches!(
			Requests::<T>::get(0).map(|r| r.status),
			Some(RequestStatus::Executed { .. })
		));
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
