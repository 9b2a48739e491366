// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Benchmarks at the bounds: elections over the most vaults, a rotation ranking the most
//! candidates, offences searching the slash buckets, the most slashes a block applies, a payout
//! to the most validators. The stake lookups at their deepest and the vaults' slashers are added
//! by [`Pallet::election_step_weight`], [`Pallet::apply_weight`] and [`Pallet::payout_weight`].

use super::*;
use crate::Pallet as Validators;
use alloc::{boxed::Box, vec, vec::Vec};
use codec::Decode;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{EnsureOrigin, Get},
	BoundedVec,
};
use frame_system::RawOrigin;
use pallet_rampart_middleware::{benchmarking::world, BenchmarkHelper as _, Pallet as Middleware};
use sp_runtime::{
	traits::{BlockNumberProvider, Convert, TrailingZeroInput},
	Perbill,
};
use sp_staking::offence::{OffenceDetails, OnOffenceHandler};

fn set_block<T: Config>(n: u32) {
	frame_system::Pallet::<T>::set_block_number(n.into());
	<T as rampart_primitives::clock::RestakingClock>::BlockNumberProvider::set_block_number(
		n.into(),
	);
}

fn max_operators<T: Config>() -> u32 {
	<T as pallet_rampart_middleware::Config>::MaxOperatorsPerSubnetwork::get()
}

fn max_vaults<T: Config>() -> u32 {
	<T as pallet_rampart_middleware::Config>::MaxVaultsPerSubnetwork::get()
}

/// Session keys for `who`, distinct per `index`, as `session.set_keys` would store them.
fn set_keys<T: Config>(who: &T::AccountId, index: u32) {
	let seed = (index + 1).to_le_bytes();
	let keys = <T as pallet_session::Config>::Keys::decode(&mut TrailingZeroInput::new(&seed))
		.expect("keys decode from any bytes padded with zeros; qed");
	pallet_session::NextKeys::<T>::insert(who, keys);
}

/// The chain's subnetwork with `n` more operators (with keys; fewer if the genesis list leaves
/// less room) over the most vaults (its genesis vaults and new ones); the chain at block 5.
fn chain<T: Config>(n: u32) -> Vec<T::AccountId> {
	let subnetwork = Validators::<T>::subnetwork();
	let accepted = pallet_rampart_middleware::AcceptedVaults::<T>::get(&subnetwork).len() as u32;
	let listed = Middleware::<T>::listed_operators(&subnetwork).len() as u32;
	let n = n.min(max_operators::<T>() - listed);
	let v = max_vaults::<T>() - accepted;
	let (_, operators) = world::<T>(&Validators::<T>::network_account(), n, v);
	for (i, operator) in operators.iter().enumerate() {
		set_keys::<T>(operator, i as u32);
	}
	// Members from block 3 on: capture at 4.
	set_block::<T>(5);
	operators
}

fn election<T: Config>(
	session: u32,
	pending: Vec<T::AccountId>,
	candidates: Vec<(T::AccountId, u128)>,
) -> Election<T::AccountId, pallet_rampart_middleware::BlockNumberOf<T>, MaxOperatorsOf<T>> {
	Election {
		session,
		capture: 4u32.into(),
		pending: BoundedVec::truncate_from(pending),
		candidates: BoundedVec::truncate_from(candidates),
	}
}

type MaxOperatorsOf<T> = <T as pallet_rampart_middleware::Config>::MaxOperatorsPerSubnetwork;

/// `k` slashes pending against `offender`, due at block `at`.
fn pending_slashes<T: Config>(offender: &T::AccountId, k: u32, at: u32, veto: bool) {
	let mut due = Vec::new();
	for _ in 0..k {
		let id = NextSlashId::<T>::mutate(|next| {
			*next += 1;
			*next - 1
		});
		PendingSlashes::<T>::insert(
			id,
			PendingSlash {
				offender: offender.clone(),
				kind: *b"grandpa:equivoca",
				session: 0,
				capture: 4u32.into(),
				power: 1,
				record: (Perbill::zero(), Perbill::one()),
				apply_at: at.into(),
				veto,
			},
		);
		due.push(id);
	}
	DueSlashes::<T>::insert(
		frame_system::pallet_prelude::BlockNumberFor::<T>::from(at),
		BoundedVec::truncate_from(due),
	);
}

#[benchmarks(where T::NetworkCall: From<pallet_rampart_middleware::Call<T>>)]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn as_network() -> Result<(), BenchmarkError> {
		let network = Validators::<T>::network_account();
		world::<T>(&network, 1, 1);
		let call: T::NetworkCall = pallet_rampart_middleware::Call::<T>::set_admission {
			subnetwork: Validators::<T>::subnetwork(),
			admission: pallet_rampart_middleware::Admission::Allowlist,
		}
		.into();
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Box::new(call));
		Ok(())
	}

	#[benchmark]
	fn set_min_validators() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, T::MaxValidators::get());
		assert_eq!(MinValidators::<T>::get(), T::MaxValidators::get());
		Ok(())
	}

	#[benchmark]
	fn set_session_reward() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 1_000);
		assert_eq!(SessionReward::<T>::get(), 1_000);
		Ok(())
	}

	#[benchmark]
	fn set_offence_policy() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let policy = OffencePolicy { slash: Perbill::from_percent(10), veto: true };
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, *b"grandpa:equivoca", policy);
		assert_eq!(OffencePolicies::<T>::get(*b"grandpa:equivoca"), policy);
		Ok(())
	}

	/// A vetoable slash in a full bucket.
	#[benchmark]
	fn cancel_slash() -> Result<(), BenchmarkError> {
		let offender: T::AccountId = account("offender", 0, 0);
		pending_slashes::<T>(&offender, T::MaxSlashesPerBlock::get(), 10, true);
		SessionSlashes::<T>::insert(0, &offender, Perbill::one());
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 0);
		assert!(!PendingSlashes::<T>::contains_key(0));
		Ok(())
	}

	/// A payout to the most validators, each with stake in the most vaults, through the real
	/// middleware and rewards.
	#[benchmark]
	fn payout() {
		let validators = chain::<T>(T::MaxValidators::get());
		let network = Validators::<T>::network_account();
		<T as pallet_rampart_middleware::Config>::BenchmarkHelper::fund(
			&T::RewardAsset::get(),
			&network,
		);
		let points: Vec<(T::AccountId, u32)> = validators.into_iter().map(|v| (v, 3)).collect();
		Payouts::<T>::insert(
			0,
			SessionPayout {
				capture: 4u32.into(),
				amount: 1_000_000_000,
				points: BoundedVec::truncate_from(points),
			},
		);
		PendingPayouts::<T>::put(BoundedVec::truncate_from(vec![0]));
		SetAside::<T>::put(1_000_000_000);
		let caller: T::AccountId = whitelisted_caller();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller));
		assert!(Payouts::<T>::get(0).is_none());
	}

	/// One block of an election reading `c` operators over the most vaults.
	#[benchmark]
	fn election_step(c: Linear<0, { T::ElectionChunk::get() }>) {
		let operators = chain::<T>(max_operators::<T>());
		let target = pallet_session::Pallet::<T>::current_index() + 2;
		let pending = operators.into_iter().take(c as usize).collect();
		CurrentElection::<T>::put(election::<T>(target, pending, Vec::new()));
		#[block]
		{
			Validators::<T>::elect_step(5u32.into());
		}
		let election = CurrentElection::<T>::get().expect("the election goes on; qed");
		assert_eq!(election.candidates.len() as u32, c);
	}

	/// A rotation's planning from `n` candidates read by its election.
	#[benchmark]
	fn plan_session(n: Linear<1, { max_operators::<T>() }>) -> Result<(), BenchmarkError> {
		let operators = chain::<T>(n);
		let subnetwork = Validators::<T>::subnetwork();
		let listed = Middleware::<T>::listed_operators(&subnetwork);
		let candidates = Middleware::<T>::candidates_at(&subnetwork, &listed, 4u32.into())?;
		assert!(candidates.len() >= operators.len());
		let session = pallet_session::Pallet::<T>::current_index() + 2;
		CurrentElection::<T>::put(election::<T>(session, Vec::new(), candidates));
		MinValidators::<T>::put(1);
		let set;
		#[block]
		{
			set = Validators::<T>::plan(session);
		}
		let set = set.ok_or(BenchmarkError::Stop("no set"))?;
		assert_eq!(set.len(), operators.len().min(T::MaxValidators::get() as usize));
		Ok(())
	}

	/// One offender with stake in the most vaults, disabled, benched and slashed, its slash
	/// searching past full buckets.
	#[benchmark]
	fn on_offence() -> Result<(), BenchmarkError> {
		let operators = chain::<T>(4);
		let offender = operators[0].clone();
		pallet_session::Validators::<T>::put(operators.clone());
		let session = pallet_session::Pallet::<T>::current_index();
		SessionCaptures::<T>::insert(
			session,
			pallet_rampart_middleware::BlockNumberOf::<T>::from(4u32),
		);
		let other: T::AccountId = account("other", 0, 0);
		for at in 6..(6 + 15) {
			pending_slashes::<T>(&other, T::MaxSlashesPerBlock::get(), at, false);
		}
		let id = <T as pallet_session::historical::Config>::FullIdentificationOf::convert(
			offender.clone(),
		)
		.ok_or(BenchmarkError::Stop("no identification"))?;
		let details = [OffenceDetails { offender: (offender.clone(), id), reporters: vec![] }];
		#[block]
		{
			<Validators<T> as OnOffenceHandler<_, _, _>>::on_offence(
				&details,
				&[Perbill::one()],
				session,
			);
		}
		assert!(SessionSlashes::<T>::contains_key(session, &offender));
		Ok(())
	}

	/// `k` slashes due in a block, each over the most vaults.
	#[benchmark]
	fn apply_slashes(k: Linear<0, { T::MaxSlashesPerBlock::get() }>) {
		let operators = chain::<T>(1);
		pending_slashes::<T>(&operators[0], k, 6, false);
		set_block::<T>(6);
		#[block]
		{
			Validators::<T>::apply_due_slashes(6u32.into());
		}
		assert!(DueSlashes::<T>::get(frame_system::pallet_prelude::BlockNumberFor::<T>::from(
			6u32
		))
		.is_empty());
	}

	/// A new author after `MaxValidators − 1` others.
	#[benchmark]
	fn note_author() {
		let session = pallet_session::Pallet::<T>::current_index();
		let others: Vec<(T::AccountId, u32)> =
			(0..T::MaxValidators::get() - 1).map(|i| (account("author", i, 0), 1)).collect();
		AuthoredBlocks::<T>::insert(session, BoundedVec::truncate_from(others));
		let author: T::AccountId = account("author", T::MaxValidators::get(), 0);
		#[block]
		{
			<Validators<T> as pallet_authorship::EventHandler<_, _>>::note_author(author.clone());
		}
		assert_eq!(AuthoredBlocks::<T>::get(session).len() as u32, T::MaxValidators::get());
	}

	impl_benchmark_test_suite!(Validators, mock::new_test_ext(), mock::Test);
}
