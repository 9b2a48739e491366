// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The weights of the validators pallet's calls and hooks.
//!
//! - [`SubstrateWeight`]: the numbers measured on the Rampart reference runtime (generated into
//!   `default_weights.rs` by `benchmarking/run-benchmarks.sh`), with storage reads and writes
//!   priced by the adopting runtime's `T::DbWeight`. The reference runtime uses it.
//! - `()`: every call weighs nothing. For tests only.
//!
//! The middleware's parts (stake lookups at their deepest, the vaults' slashers, the rewards
//! pallet) are added by [`crate::Pallet::plan_weight`], [`crate::Pallet::apply_weight`] and
//! [`crate::Pallet::payout_weight`].

use frame_support::weights::Weight;

pub use crate::default_weights::SubstrateWeight;

/// The weights of the validators pallet.
pub trait WeightInfo {
	/// `as_network`'s own part (the call's weight is added).
	fn as_network() -> Weight;
	fn set_min_validators() -> Weight;
	fn set_session_reward() -> Weight;
	fn set_offence_policy() -> Weight;
	fn cancel_slash() -> Weight;
	/// A session payout's own part (the middleware's is added).
	fn payout() -> Weight;
	/// One block of an election reading `c` operators over the most vaults (stake lookups at
	/// their deepest are added); `c = 0`: a block with no election step.
	fn election_step(c: u32) -> Weight;
	/// A rotation's planning from `n` candidates already read: ranking, capping, keys and
	/// benches.
	fn plan_session(n: u32) -> Weight;
	/// One offender of a report: disabling, benching, the power read, the scheduling.
	fn on_offence() -> Weight;
	/// The hook's own part of applying `k` due slashes (the middleware's slashes are added).
	fn apply_slashes(k: u32) -> Weight;
	/// Noting a block's author.
	fn note_author() -> Weight;
}

/// For tests only: every call weighs nothing.
impl WeightInfo for () {
	fn as_network() -> Weight {
		Weight::zero()
	}
	fn set_min_validators() -> Weight {
		Weight::zero()
	}
	fn set_session_reward() -> Weight {
		Weight::zero()
	}
	fn set_offence_policy() -> Weight {
		Weight::zero()
	}
	fn cancel_slash() -> Weight {
		Weight::zero()
	}
	fn payout() -> Weight {
		Weight::zero()
	}
	fn election_step(_: u32) -> Weight {
		Weight::zero()
	}
	fn plan_session(_: u32) -> Weight {
		Weight::zero()
	}
	fn on_offence() -> Weight {
		Weight::zero()
	}
	fn apply_slashes(_: u32) -> Weight {
		Weight::zero()
	}
	fn note_author() -> Weight {
		Weight::zero()
	}
}
