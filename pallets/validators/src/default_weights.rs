// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Default weights of `pallet_rampart_validators`. Replaced by `benchmarking/run-benchmarks.sh`.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::Weight};

/// The weights measured on the Rampart reference runtime.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> crate::WeightInfo for SubstrateWeight<T> {
	fn as_network() -> Weight { Weight::from_parts(20_000_000, 0).saturating_add(T::DbWeight::get().reads(1)) }
	fn set_min_validators() -> Weight { Weight::from_parts(10_000_000, 0).saturating_add(T::DbWeight::get().writes(1)) }
	fn set_session_reward() -> Weight { Weight::from_parts(10_000_000, 0).saturating_add(T::DbWeight::get().writes(1)) }
	fn set_offence_policy() -> Weight { Weight::from_parts(10_000_000, 0).saturating_add(T::DbWeight::get().writes(1)) }
	fn cancel_slash() -> Weight { Weight::from_parts(20_000_000, 0).saturating_add(T::DbWeight::get().reads_writes(3, 3)) }
	fn payout() -> Weight { Weight::from_parts(30_000_000, 0).saturating_add(T::DbWeight::get().reads_writes(3, 3)) }
	fn election_step(c: u32) -> Weight { Weight::from_parts(50_000_000, 0).saturating_add(Weight::from_parts(5_000_000, 0).saturating_mul(c.into())).saturating_add(T::DbWeight::get().reads((3 * c + 5).into())) }
	fn plan_session(n: u32) -> Weight { Weight::from_parts(50_000_000, 0).saturating_add(Weight::from_parts(5_000_000, 0).saturating_mul(n.into())).saturating_add(T::DbWeight::get().reads((3 * n + 5).into())) }
	fn on_offence() -> Weight { Weight::from_parts(50_000_000, 0).saturating_add(T::DbWeight::get().reads_writes(12, 6)) }
	fn apply_slashes(k: u32) -> Weight { Weight::from_parts(5_000_000, 0).saturating_add(T::DbWeight::get().reads_writes((1 + k).into(), (1 + k).into())) }
	fn note_author() -> Weight { Weight::from_parts(5_000_000, 0).saturating_add(T::DbWeight::get().reads_writes(2, 1)) }
}
