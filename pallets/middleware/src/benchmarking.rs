// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Benchmarks at each call's worst case: full vault sets and feeder lists, an operator list full
//! of former members to reap, power over `v` vaults for `n` operators. The slashers' and the
//! rewards pallet's parts, and stake lookups at their deepest, are added by
//! [`Pallet::slash_weight`] and [`Pallet::distribute_weight`].

use super::*;
use crate::Pallet as Middleware;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{traits::Get, BoundedVec};
use frame_system::RawOrigin;
use rampart_primitives::{Subnetwork, VaultId};
use sp_runtime::{
	traits::{BlockNumberProvider, Saturating},
	FixedPointNumber, Perbill,
};

fn set_block<T: Config>(n: u32) {
	T::BlockNumberProvider::set_block_number(n.into());
}

fn now<T: Config>() -> BlockNumberOf<T> {
	T::BlockNumberProvider::current_block_number()
}

fn signed<T: Config>(who: &T::AccountId) -> T::RuntimeOrigin {
	RawOrigin::Signed(who.clone()).into()
}

/// A delegated network (the whitelisted caller) and its main subnetwork.
fn network<T: Config>() -> (T::AccountId, SubnetworkOf<T>) {
	set_block::<T>(1);
	let network: T::AccountId = whitelisted_caller();
	T::BenchmarkHelper::network(&network, &Middleware::<T>::middleware_account(&network));
	let subnetwork = Subnetwork::main(network.clone());
	(network, subnetwork)
}

fn operators<T: Config>(network: &T::AccountId, n: u32) -> Vec<T::AccountId> {
	(0..n)
		.map(|i| {
			let operator: T::AccountId = account("operator", i, 0);
			T::BenchmarkHelper::operator(&operator, network);
			operator
		})
		.collect()
}

fn by_network<T: Config>() -> ValuationConfigOf<T> {
	ValuationConfig {
		haircut: Perbill::from_percent(10),
		source: PriceSource::Network,
		staleness: Some(1_000u32.into()),
		on_stale: StalePolicy::Fallback(Price::saturating_from_integer(1)),
		max_step: Some(StepLimit {
			max_step: Perbill::from_percent(50),
			policy: StepPolicy::Clamp,
		}),
	}
}

fn feeders<T: Config>() -> Vec<T::AccountId> {
	(0..T::MaxFeeders::get()).map(|i| account("feeder", i, 0)).collect()
}

fn by_feeders<T: Config>() -> ValuationConfigOf<T> {
	let feeders = feeders::<T>();
	ValuationConfig {
		source: PriceSource::Feeders {
			quorum: feeders.len() as u32,
			feeders: BoundedVec::truncate_from(feeders),
		},
		..by_network::<T>()
	}
}

/// `v` vaults accepted and priced, each giving every one of `operators` stake; the chain moves
/// one block on so that they count.
fn vaults<T: Config>(
	network: &T::AccountId,
	subnetwork: &SubnetworkOf<T>,
	operators: &[T::AccountId],
	v: u32,
) -> Vec<VaultId> {
	let mut ids = Vec::new();
	for i in 0..v {
		let (vault, asset) = T::BenchmarkHelper::vault(i, network, operators);
		if Valuations::<T>::get(subnetwork, &asset).is_none() {
			Middleware::<T>::set_valuation(
				signed::<T>(network),
				subnetwork.clone(),
				asset.clone(),
				by_network::<T>(),
			)
			.expect("the network values its collateral; qed");
			Middleware::<T>::set_price(
				signed::<T>(network),
				subnetwork.clone(),
				asset,
				Price::saturating_from_integer(2),
			)
			.expect("the network prices it; qed");
		}
		Middleware::<T>::accept_vault(signed::<T>(network), subnetwork.clone(), vault)
			.expect("a free place in the set; qed");
		ids.push(vault);
	}
	set_block::<T>(2);
	ids
}

/// Each of `operators` joins, with a commission.
fn join_all<T: Config>(subnetwork: &SubnetworkOf<T>, operators: &[T::AccountId]) {
	for operator in operators {
		Middleware::<T>::join(signed::<T>(operator), subnetwork.clone())
			.expect("an opted-in operator joins; qed");
		Middleware::<T>::set_commission(
			signed::<T>(operator),
			subnetwork.clone(),
			Perbill::from_percent(10),
		)
		.expect("a registered operator sets its commission; qed");
	}
}

/// `network` delegated to the pallet, with `n` operators that joined its main subnetwork, each
/// with stake in `v` accepted and priced vaults, and a policy of at most `n` operators capped at
/// 20 %: the world of the `operator_set` benchmark, for the benchmarks of pallets built on this
/// one (the reference chain's validator set). Leaves the chain at block 2.
pub fn world<T: Config>(
	network: &T::AccountId,
	n: u32,
	v: u32,
) -> (SubnetworkOf<T>, Vec<T::AccountId>) {
	set_block::<T>(1);
	T::BenchmarkHelper::network(network, &Middleware::<T>::middleware_account(network));
	let subnetwork = Subnetwork::main(network.clone());
	let members = operators::<T>(network, n);
	vaults::<T>(network, &subnetwork, &members, v);
	join_all::<T>(&subnetwork, &members);
	let policy =
		OperatorSetPolicy { max_operators: n, min_power: 0, cap: Perbill::from_percent(20) };
	Middleware::<T>::set_operator_set_policy(signed::<T>(network), subnetwork.clone(), policy)
		.expect("a valid policy; qed");
	(subnetwork, members)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// The set holds all but one place, every member's membership read to prune.
	#[benchmark]
	fn accept_vault() {
		let (network, subnetwork) = network::<T>();
		let mut ids = vaults::<T>(&network, &subnetwork, &[], T::MaxVaultsPerSubnetwork::get() - 1);
		let (last, _) = T::BenchmarkHelper::vault(ids.len() as u32, &network, &[]);
		ids.push(last);
		#[extrinsic_call]
		_(RawOrigin::Signed(network), subnetwork.clone(), last);
		assert_eq!(AcceptedVaults::<T>::get(&subnetwork).len(), ids.len());
	}

	#[benchmark]
	fn remove_vault() {
		let (network, subnetwork) = network::<T>();
		let ids = vaults::<T>(&network, &subnetwork, &[], 1);
		#[extrinsic_call]
		_(RawOrigin::Signed(network), subnetwork.clone(), ids[0]);
		assert_eq!(Middleware::<T>::accepted_vaults_at(&subnetwork, now::<T>()), Ok(ids));
	}

	/// Every feeder posted; the new list keeps them all (each post checked against it).
	#[benchmark]
	fn set_valuation() {
		let (network, subnetwork) = network::<T>();
		let (_, asset) = T::BenchmarkHelper::vault(0, &network, &[]);
		Middleware::<T>::set_valuation(
			signed::<T>(&network),
			subnetwork.clone(),
			asset.clone(),
			by_feeders::<T>(),
		)
		.expect("valid feeders; qed");
		for feeder in feeders::<T>() {
			Middleware::<T>::post_price(
				signed::<T>(&feeder),
				subnetwork.clone(),
				asset.clone(),
				Price::saturating_from_integer(2),
			)
			.expect("a feeder posts; qed");
		}
		set_block::<T>(2);
		#[extrinsic_call]
		_(RawOrigin::Signed(network), subnetwork.clone(), asset.clone(), by_feeders::<T>());
		assert_eq!(Posts::<T>::get(&subnetwork, &asset).len() as u32, T::MaxFeeders::get());
	}

	/// A price clamped by the step.
	#[benchmark]
	fn set_price() {
		let (network, subnetwork) = network::<T>();
		let (_, asset) = T::BenchmarkHelper::vault(0, &network, &[]);
		Middleware::<T>::set_valuation(
			signed::<T>(&network),
			subnetwork.clone(),
			asset.clone(),
			by_network::<T>(),
		)
		.expect("valid; qed");
		Middleware::<T>::set_price(
			signed::<T>(&network),
			subnetwork.clone(),
			asset.clone(),
			Price::saturating_from_integer(2),
		)
		.expect("a first price; qed");
		set_block::<T>(2);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(network),
			subnetwork.clone(),
			asset.clone(),
			Price::saturating_from_integer(100),
		);
		assert_eq!(
			Middleware::<T>::valuation_at(&subnetwork, &asset, now::<T>()).map(|(p, _)| p),
			Ok(Price::saturating_from_integer(3))
		);
	}

	/// The last of `MaxFeeders` feeders posts: a quorum of all of them, a median of all, clamped.
	#[benchmark]
	fn post_price() {
		let (network, subnetwork) = network::<T>();
		let (_, asset) = T::BenchmarkHelper::vault(0, &network, &[]);
		Middleware::<T>::set_valuation(
			signed::<T>(&network),
			subnetwork.clone(),
			asset.clone(),
			by_feeders::<T>(),
		)
		.expect("valid feeders; qed");
		let mut feeders = feeders::<T>();
		let last = feeders.pop().expect("at least one feeder; qed");
		for (i, feeder) in feeders.iter().enumerate() {
			Middleware::<T>::post_price(
				signed::<T>(feeder),
				subnetwork.clone(),
				asset.clone(),
				Price::saturating_from_integer(2 + i as u128),
			)
			.expect("a feeder posts; qed");
		}
		set_block::<T>(2);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(last),
			subnetwork.clone(),
			asset.clone(),
			Price::saturating_from_integer(1_000),
		);
		assert_eq!(Posts::<T>::get(&subnetwork, &asset).len() as u32, T::MaxFeeders::get());
	}

	#[benchmark]
	fn set_operator_set_policy() {
		let (network, subnetwork) = network::<T>();
		let policy =
			OperatorSetPolicy { max_operators: 1, min_power: 1, cap: Perbill::from_percent(50) };
		#[extrinsic_call]
		_(RawOrigin::Signed(network), subnetwork.clone(), policy);
		assert_eq!(Middleware::<T>::policy_at(&subnetwork, now::<T>()), Ok(policy));
	}

	#[benchmark]
	fn set_admission() {
		let (network, subnetwork) = network::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(network), subnetwork.clone(), Admission::Allowlist);
		assert_eq!(Admissions::<T>::get(&subnetwork), Admission::Allowlist);
	}

	#[benchmark]
	fn set_allowlisted() {
		let (network, subnetwork) = network::<T>();
		let operator: T::AccountId = account("operator", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(network), subnetwork.clone(), operator.clone(), true);
		assert!(Allowlist::<T>::contains_key(&subnetwork, &operator));
	}

	/// The list is full of former members past the window: joining reaps them all.
	#[benchmark]
	fn join() {
		let (network, subnetwork) = network::<T>();
		let max = T::MaxOperatorsPerSubnetwork::get();
		let former = operators::<T>(&network, max);
		join_all::<T>(&subnetwork, &former);
		for operator in &former {
			Middleware::<T>::leave(signed::<T>(operator), subnetwork.clone())
				.expect("a member leaves; qed");
		}
		let past = now::<T>()
			.saturating_add(T::LeaveDelay::get())
			.saturating_add(T::HistoryRetention::get())
			.saturating_add(1u32.into());
		T::BlockNumberProvider::set_block_number(past);
		let newcomer: T::AccountId = account("newcomer", 0, 0);
		T::BenchmarkHelper::operator(&newcomer, &network);
		#[extrinsic_call]
		_(RawOrigin::Signed(newcomer.clone()), subnetwork.clone());
		assert_eq!(Operators::<T>::get(&subnetwork).into_inner(), alloc::vec![newcomer]);
	}

	#[benchmark]
	fn leave() {
		let (network, subnetwork) = network::<T>();
		let member = operators::<T>(&network, 1);
		join_all::<T>(&subnetwork, &member);
		#[extrinsic_call]
		_(RawOrigin::Signed(member[0].clone()), subnetwork.clone());
		let membership =
			OperatorMembership::<T>::get(&subnetwork, &member[0]).expect("joined; qed");
		assert_eq!(membership.latest(), Some(false));
	}

	#[benchmark]
	fn reap_operator() {
		let (network, subnetwork) = network::<T>();
		let member = operators::<T>(&network, 1);
		join_all::<T>(&subnetwork, &member);
		Middleware::<T>::leave(signed::<T>(&member[0]), subnetwork.clone())
			.expect("a member leaves; qed");
		let past = now::<T>()
			.saturating_add(T::LeaveDelay::get())
			.saturating_add(T::HistoryRetention::get())
			.saturating_add(1u32.into());
		T::BlockNumberProvider::set_block_number(past);
		let caller: T::AccountId = account("caller", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), subnetwork.clone(), member[0].clone());
		assert!(Operators::<T>::get(&subnetwork).is_empty());
	}

	#[benchmark]
	fn set_commission() {
		let (network, subnetwork) = network::<T>();
		let member = operators::<T>(&network, 1);
		join_all::<T>(&subnetwork, &member);
		#[extrinsic_call]
		_(RawOrigin::Signed(member[0].clone()), subnetwork.clone(), Perbill::from_percent(20));
		assert!(Commissions::<T>::get(&subnetwork, &member[0]).is_some());
	}

	/// An operator with stake in `v` accepted vaults is slashed through each of them.
	#[benchmark]
	fn slash(v: Linear<1, { T::MaxVaultsPerSubnetwork::get() }>) {
		let (network, subnetwork) = network::<T>();
		let operator = operators::<T>(&network, 1);
		vaults::<T>(&network, &subnetwork, &operator, v);
		set_block::<T>(3);
		#[extrinsic_call]
		_(RawOrigin::Signed(network), subnetwork, operator[0].clone(), 1_000, 2u32.into());
	}

	/// `n` members with stake in `v` vaults and a commission each share a reward.
	#[benchmark]
	fn distribute_rewards(
		n: Linear<1, { T::MaxOperatorsPerSubnetwork::get() }>,
		v: Linear<1, { T::MaxVaultsPerSubnetwork::get() }>,
	) {
		let (network, subnetwork) = network::<T>();
		let members = operators::<T>(&network, n);
		let ids = vaults::<T>(&network, &subnetwork, &members, v);
		join_all::<T>(&subnetwork, &members);
		set_block::<T>(4);
		let (_, asset) = T::BenchmarkHelper::vault(ids.len() as u32, &network, &[]);
		T::BenchmarkHelper::fund(&asset, &network);
		#[extrinsic_call]
		_(RawOrigin::Signed(network), subnetwork, asset, 1_000_000_000, 3u32.into(), 10_000);
	}

	/// The operator set over `n` members with stake in `v` vaults, capped.
	#[benchmark]
	fn operator_set(
		n: Linear<1, { T::MaxOperatorsPerSubnetwork::get() }>,
		v: Linear<1, { T::MaxVaultsPerSubnetwork::get() }>,
	) -> Result<(), BenchmarkError> {
		let (network, subnetwork) = network::<T>();
		let members = operators::<T>(&network, n);
		vaults::<T>(&network, &subnetwork, &members, v);
		join_all::<T>(&subnetwork, &members);
		let policy =
			OperatorSetPolicy { max_operators: n, min_power: 0, cap: Perbill::from_percent(20) };
		Middleware::<T>::set_operator_set_policy(signed::<T>(&network), subnetwork.clone(), policy)
			.expect("a valid policy; qed");
		set_block::<T>(4);
		let set;
		#[block]
		{
			set = Middleware::<T>::operator_set(&subnetwork, 3u32.into())?;
		}
		assert_eq!(set.operators.len() as u32, n);
		Ok(())
	}

	impl_benchmark_test_suite!(Middleware, mock::new_test_ext(), mock::Test);
}
