// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Benchmarks, each at its call's worst case: the largest records and the fullest opt-in
//! histories (`MaxOptInHistory - 1` entries, so the call writes a full one), signatures checked
//! over the wallet-wrapped message (the second of the two checks).

use super::*;
use crate::{types::footprint, Pallet as Registry};
use codec::{Encode, MaxEncodedLen};
use frame_benchmarking::v2::*;
use frame_support::traits::{Consideration, Get};
use frame_system::RawOrigin;
use rampart_primitives::OptInTarget;
use sp_runtime::traits::BlockNumberProvider;

/// Gives `who` enough to hold the deposit of the largest record.
fn fund<T: Config>(who: &T::AccountId) {
	T::Consideration::ensure_successful(who, footprint(NetworkRecordOf::<T>::max_encoded_len()));
}

fn new_network<T: Config>() -> T::AccountId {
	let network: T::AccountId = account("network", 0, 0);
	fund::<T>(&network);
	Registry::<T>::do_register_network(&network).expect("a new funded account registers; qed");
	network
}

fn new_operator<T: Config>(operator: T::AccountId) -> T::AccountId {
	fund::<T>(&operator);
	Registry::<T>::do_register_operator(&operator).expect("a new funded account registers; qed");
	operator
}

fn max_url<T: Config>() -> MetadataOf<T> {
	MetadataOf::<T>::truncate_from(alloc::vec![b'u'; T::MaxMetadataLen::get() as usize])
}

/// Fills the (operator, target) history with the most alternating entries the next call accepts, at blocks
/// `1..`, the newest being `latest`, then moves the chain to the block after the newest entry.
fn fill_history<T: Config>(
	operator: &T::AccountId,
	target: &OptInTarget<T::AccountId>,
	latest: bool,
) {
	// An opt-in must leave room for the opt-out after it: the fullest history an opt-in
	// accepts holds two fewer entries than the bound, one an opt-out accepts one fewer.
	let entries = T::MaxOptInHistory::get().saturating_sub(if latest { 1 } else { 2 });
	let mut history = OptInHistoryOf::<T>::default();
	for i in 0..entries {
		let value = if (entries - 1 - i) % 2 == 0 { latest } else { !latest };
		history
			.trace
			.push((i + 1).into(), value)
			.expect("fewer entries than the bound; qed");
		history.changed_at = Some((i + 1).into());
	}
	OptInHistories::<T>::insert(operator, target, history);
	OptInNonces::<T>::insert(operator, target, entries as u64);
	T::BlockNumberProvider::set_block_number((entries + 1).into());
}

/// `signer`'s signature over the wrapped message for `action`.
fn signed<T: Config>(
	action: OptInAction,
	signer: &T::AccountId,
	target: &OptInTarget<T::AccountId>,
	deadline: BlockNumberOf<T>,
) -> T::OffchainSignature {
	let nonce = OptInNonces::<T>::get(signer, target);
	let message = Registry::<T>::opt_in_message(action, signer, target, nonce, deadline).encode();
	let wrapped = [b"<Bytes>".as_slice(), &message[..], b"</Bytes>".as_slice()].concat();
	T::BenchmarkHelper::sign(signer, &wrapped)
}

#[benchmarks]
mod benches {
	use super::*;

	#[benchmark]
	fn register_network() {
		let caller: T::AccountId = whitelisted_caller();
		fund::<T>(&caller);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()));

		assert!(Networks::<T>::contains_key(&caller));
	}

	#[benchmark]
	fn register_operator() {
		let caller: T::AccountId = whitelisted_caller();
		fund::<T>(&caller);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()));

		assert!(Operators::<T>::contains_key(&caller));
	}

	#[benchmark]
	fn set_middleware() {
		let network = new_network::<T>();
		let middleware: T::AccountId = account("middleware", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(network.clone()), Some(middleware.clone()));

		assert_eq!(Networks::<T>::get(&network).and_then(|n| n.middleware), Some(middleware));
	}

	#[benchmark]
	fn set_network_metadata() {
		let network = new_network::<T>();
		let url = max_url::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(network.clone()), url.clone());

		assert_eq!(Networks::<T>::get(&network).map(|n| n.metadata), Some(url));
	}

	#[benchmark]
	fn set_operator_metadata() {
		let operator = new_operator::<T>(account("operator", 0, 0));
		let url = max_url::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(operator.clone()), url.clone());

		assert_eq!(Operators::<T>::get(&operator).map(|o| o.metadata), Some(url));
	}

	#[benchmark]
	fn opt_in() {
		let target = OptInTarget::Network(new_network::<T>());
		let operator = new_operator::<T>(account("operator", 0, 0));
		fill_history::<T>(&operator, &target, false);

		#[extrinsic_call]
		_(RawOrigin::Signed(operator.clone()), target.clone());

		assert!(Registry::<T>::is_opted_in_now(&operator, &target));
	}

	#[benchmark]
	fn opt_out() {
		let target = OptInTarget::Network(new_network::<T>());
		let operator = new_operator::<T>(account("operator", 0, 0));
		fill_history::<T>(&operator, &target, true);

		#[extrinsic_call]
		_(RawOrigin::Signed(operator.clone()), target.clone());

		assert!(!Registry::<T>::is_opted_in_now(&operator, &target));
	}

	#[benchmark]
	fn opt_in_signed() {
		let target = OptInTarget::Network(new_network::<T>());
		let operator = new_operator::<T>(T::BenchmarkHelper::signer());
		fill_history::<T>(&operator, &target, false);
		let deadline = Registry::<T>::now();
		let signature = signed::<T>(OptInAction::OptIn, &operator, &target, deadline);
		let relayer: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(relayer), operator.clone(), target.clone(), deadline, signature);

		assert!(Registry::<T>::is_opted_in_now(&operator, &target));
	}

	#[benchmark]
	fn opt_out_signed() {
		let target = OptInTarget::Network(new_network::<T>());
		let operator = new_operator::<T>(T::BenchmarkHelper::signer());
		fill_history::<T>(&operator, &target, true);
		let deadline = Registry::<T>::now();
		let signature = signed::<T>(OptInAction::OptOut, &operator, &target, deadline);
		let relayer: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(relayer), operator.clone(), target.clone(), deadline, signature);

		assert!(!Registry::<T>::is_opted_in_now(&operator, &target));
	}

	#[benchmark]
	fn increase_nonce() {
		let caller = new_operator::<T>(whitelisted_caller());
		let target = OptInTarget::Network(new_network::<T>());

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), target.clone());

		assert_eq!(OptInNonces::<T>::get(&caller, &target), 1);
	}

	impl_benchmark_test_suite!(Registry, mock::new_test_ext(), mock::Test);
}
