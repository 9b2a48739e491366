// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Benchmarks at each call's worst case: a reward asset other than the native token and the
//! collateral, share histories [`BENCHMARKED_DEPTH`] deep, a distribution that first expires
//! two old ones with something to return, claims through the longest batch, the longest operator
//! lists.

use super::*;
use crate::{weights::BENCHMARKED_DEPTH, Pallet as Rewards};
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{AccountTouch, Get},
	BoundedVec,
};
use frame_system::RawOrigin;
use rampart_primitives::{Subnetwork, VaultId};
use sp_runtime::traits::{BlockNumberProvider, One, Saturating};

/// Reward units every distribution pays.
const AMOUNT: u128 = 1_000_000_000;

struct World<T: Config> {
	vault: VaultId,
	network: T::AccountId,
	middleware: T::AccountId,
	admin: T::AccountId,
	staker: T::AccountId,
	asset: T::AssetKind,
}

fn now<T: Config>() -> BlockNumberOf<T> {
	T::BlockNumberProvider::current_block_number()
}

fn set_block<T: Config>(b: BlockNumberOf<T>) {
	T::BlockNumberProvider::set_block_number(b);
}

/// A vault whose staker has a share history of 2^[`BENCHMARKED_DEPTH`] entries, a network and
/// its funded middleware, a 10 % curator fee.
fn world<T: Config>() -> World<T> {
	let admin: T::AccountId = account("admin", 0, 0);
	let staker: T::AccountId = whitelisted_caller();
	let network: T::AccountId = account("network", 0, 0);
	let middleware: T::AccountId = account("middleware", 0, 0);
	let asset = T::BenchmarkHelper::asset();
	T::BenchmarkHelper::register_network(&network, &middleware);
	for who in [&middleware, &network] {
		T::BenchmarkHelper::fund(&asset, who);
	}
	let vault = T::BenchmarkHelper::vault_with_history(&admin, &staker, 1 << BENCHMARKED_DEPTH);
	Rewards::<T>::do_set_admin_fee(&admin, vault, 1_000).expect("the admin sets fees; qed");
	World { vault, network, middleware, admin, staker, asset }
}

/// `n` distributions, with snapshots spread over the staker's history.
fn distribute<T: Config>(w: &World<T>, n: u32) {
	let top = now::<T>();
	for i in 0..n {
		let back: BlockNumberOf<T> = (i.saturating_add(1)).into();
		Rewards::<T>::do_distribute_staker_rewards(
			&w.middleware,
			&w.middleware,
			w.vault,
			w.network.clone(),
			w.asset.clone(),
			AMOUNT,
			top.saturating_sub(back),
			MAX_FEE,
		)
		.expect("a snapshot with stake in the window; qed");
	}
}

/// Moves past the claim window of every distribution made so far.
fn expire_all<T: Config>() {
	set_block::<T>(now::<T>().saturating_add(T::ClaimWindow::get()).saturating_add(One::one()));
}

fn operators<T: Config>(n: u32) -> Vec<T::AccountId> {
	(0..n).map(|i| account("operator", i, 0)).collect()
}

#[benchmarks]
mod benches {
	use super::*;

	#[benchmark]
	fn distribute_staker_rewards() {
		let w = world::<T>();
		distribute::<T>(&w, 2);
		expire_all::<T>();
		let snapshot = now::<T>().saturating_sub(One::one());

		#[extrinsic_call]
		_(
			RawOrigin::Signed(w.middleware.clone()),
			w.vault,
			w.network.clone(),
			w.asset.clone(),
			AMOUNT,
			snapshot,
			MAX_FEE,
		);

		assert_eq!(Streams::<T>::get((w.vault, w.network, w.asset)), (2, 3));
	}

	/// The pallet account's account of a new asset, opened with the payer's deposit.
	#[benchmark]
	fn open_asset_account() {
		let w = world::<T>();
		let pot = Rewards::<T>::account();

		#[block]
		{
			T::Assets::touch(w.asset.clone(), &pot, &w.middleware)
				.expect("a funded payer opens a new account; qed");
		}

		assert!(!T::Assets::should_touch(w.asset, &pot));
	}

	#[benchmark]
	fn claim_staker_rewards(n: Linear<1, { T::MaxClaimBatch::get() }>) {
		let w = world::<T>();
		distribute::<T>(&w, n);
		let recipient: T::AccountId = account("recipient", 0, 0);
		T::BenchmarkHelper::fund(&w.asset, &recipient);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(w.staker.clone()),
			w.vault,
			w.network.clone(),
			w.asset.clone(),
			recipient,
			n,
		);

		assert_eq!(Cursors::<T>::get((w.vault, w.network, w.asset), &w.staker), n);
	}

	#[benchmark]
	fn set_admin_fee() {
		let w = world::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(w.admin.clone()), w.vault, MAX_FEE);

		assert_eq!(AdminFee::<T>::get(w.vault), MAX_FEE);
	}

	#[benchmark]
	fn claim_admin_fee() {
		let w = world::<T>();
		distribute::<T>(&w, 1);
		let recipient: T::AccountId = account("recipient", 0, 0);
		T::BenchmarkHelper::fund(&w.asset, &recipient);

		#[extrinsic_call]
		_(RawOrigin::Signed(w.admin.clone()), w.vault, w.asset.clone(), recipient);

		assert_eq!(CuratorFees::<T>::get(w.vault, &w.asset), 0);
	}

	#[benchmark]
	fn distribute_operator_rewards(n: Linear<1, { T::MaxOperatorPayouts::get() }>) {
		let w = world::<T>();
		let payouts: Vec<_> = operators::<T>(n).into_iter().map(|op| (op, AMOUNT)).collect();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(w.middleware.clone()),
			w.network.clone(),
			w.asset.clone(),
			BoundedVec::truncate_from(payouts),
		);

		let first: T::AccountId = account("operator", 0, 0);
		assert_eq!(OperatorRewards::<T>::get((w.network, w.asset, first)), AMOUNT);
	}

	#[benchmark]
	fn distribute_operator_rewards_by_stake(n: Linear<1, { T::MaxOperatorPayouts::get() }>) {
		let w = world::<T>();
		let subnetwork = Subnetwork::main(w.network.clone());
		let ops = operators::<T>(n);
		for op in &ops {
			T::BenchmarkHelper::give_stake(&w.admin, w.vault, &subnetwork, op);
		}
		let snapshot = now::<T>();
		set_block::<T>(snapshot.saturating_add(One::one()));

		#[extrinsic_call]
		_(
			RawOrigin::Signed(w.middleware.clone()),
			w.vault,
			subnetwork,
			w.asset.clone(),
			AMOUNT,
			snapshot,
			BoundedVec::truncate_from(ops),
		);

		let first: T::AccountId = account("operator", 0, 0);
		assert!(OperatorRewards::<T>::get((w.network, w.asset, first)) > 0);
	}

	#[benchmark]
	fn claim_operator_rewards() {
		let w = world::<T>();
		let operator: T::AccountId = account("operator", 0, 0);
		Rewards::<T>::do_distribute_operator_rewards(
			&w.middleware,
			w.network.clone(),
			w.asset.clone(),
			BoundedVec::truncate_from(alloc::vec![(operator.clone(), AMOUNT)]),
		)
		.expect("a funded middleware pays; qed");
		let recipient: T::AccountId = account("recipient", 0, 0);
		T::BenchmarkHelper::fund(&w.asset, &recipient);

		#[extrinsic_call]
		_(RawOrigin::Signed(operator.clone()), w.network.clone(), w.asset.clone(), recipient);

		assert_eq!(OperatorRewards::<T>::get((w.network, w.asset, operator)), 0);
	}

	#[benchmark]
	fn expire_distribution() {
		let w = world::<T>();
		distribute::<T>(&w, 1);
		expire_all::<T>();
		let caller: T::AccountId = account("caller", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), w.vault, w.network.clone(), w.asset.clone());

		assert_eq!(Streams::<T>::get((w.vault, w.network, w.asset)), (1, 1));
	}

	impl_benchmark_test_suite!(Rewards, mock::new_test_ext(), mock::Test);
}
