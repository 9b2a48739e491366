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
use rampart_primitives::{paged_trace::PAGE_DEPTH, SlasherKind, Subnetwork, VaultId};
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

fn world<T: Config>(slasher: SlasherKind<BlockNumberOf<T>>) -> World<T> {
	set_block::<T>(1);
	let network: T::AccountId = account("network", 0, 0);
	let middleware: T::AccountId = whitelisted_caller();
	let operator: T::AccountId = account("operator", 0, 0);
	let vault = T::BenchmarkHelper::setup(slasher, EPOCH.into(), &network, &middleware, &operator);
	let subnetwork = Subnetwork::main(network.clone());
	World { vault, network, middleware, operator, subnetwork }
}

fn veto<T: Config>() -> World<T> {
	world::<T>(SlasherKind::Veto { veto_duration: VETO.into(), resolver_set_epochs_delay: 3 })
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

/// Writes a cumulative-slash history of `2^d − 1` entries at blocks `1..2^d` for the world's
/// pair (as if it had been slashed in each of those blocks), so that a lookup searches `d`
/// probes deep. Returns the first block after it.
fn deep_history<T: Config>(w: &World<T>, d: u32) -> u32 {
	let key = (w.vault, w.subnetwork.clone(), w.operator.clone());
	let end = 1u32 << d;
	for b in 1..end {
		CumulativeSlash::<T>::push(&key, b.into(), u128::from(b), 0u32.into())
			.expect("blocks increase; qed");
	}
	end
}

#[benchmarks]
mod benches {
	use super::*;

	/// A slash whose cumulative-slash history is `2^d − 1` entries long (`d` probes, `p = d −
	/// PAGE_DEPTH` of them beyond the history's head), with entries a window old for the write to
	/// prune.
	#[benchmark]
	fn slash(p: Linear<0, { MAX_DEPTH - PAGE_DEPTH }>) {
		let d = p + PAGE_DEPTH;
		let w = world::<T>(SlasherKind::Instant);
		let end = deep_history::<T>(&w, d);
		let now = end + EPOCH + 2;
		set_block::<T>(now);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(w.middleware.clone()),
			w.vault,
			w.subnetwork.clone(),
			w.operator.clone(),
			1_000,
			(now - 1).into(),
		);

		assert!(LatestSlashedCapture::<T>::contains_key((w.vault, w.subnetwork, w.operator)));
	}

	#[benchmark]
	fn request_slash(p: Linear<0, { MAX_DEPTH - PAGE_DEPTH }>) {
		let d = p + PAGE_DEPTH;
		let w = veto::<T>();
		set_block::<T>(2);
		request::<T>(&w, 1);
		request::<T>(&w, 1);
		let end = deep_history::<T>(&w, d);
		let retention: u32 = T::RequestRetention::get().try_into().unwrap_or(u32::MAX / 4);
		let now = end + EPOCH + retention + 2;
		set_block::<T>(now);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(w.middleware.clone()),
			w.vault,
			w.subnetwork.clone(),
			w.operator.clone(),
			1_000,
			(now - 1).into(),
		);

		assert_eq!(VaultRequestQueue::<T>::get(w.vault), (2, 3));
	}

	#[benchmark]
	fn execute_slash(p: Linear<0, { MAX_DEPTH - PAGE_DEPTH }>) {
		let d = p + PAGE_DEPTH;
		let w = veto::<T>();
		resolver::<T>(&w, 0);
		let end = deep_history::<T>(&w, d);
		set_block::<T>(end + 1);
		request::<T>(&w, end);
		set_block::<T>(end + 1 + VETO);

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
