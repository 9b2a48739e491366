// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The weight functions of this pallet.
//!
//! - [`SubstrateWeight`]: the numbers measured on the Rampart reference runtime (generated into
//!   `default_weights.rs` by `benchmarking/run-benchmarks.sh`), with storage reads and writes
//!   priced by the adopting runtime's `T::DbWeight`. A safe default until a runtime runs the
//!   benchmarks on its own hardware, which it should.
//! - `()`: weighs nothing; for unit tests only.

pub use crate::default_weights::SubstrateWeight;
use frame_support::weights::Weight;

/// Weight functions needed by this pallet, each for its worst case.
pub trait WeightInfo {
	/// `set_max_network_limit`, lowering the network limit with it.
	fn set_max_network_limit() -> Weight;
	/// `set_network_limit`.
	fn set_network_limit() -> Weight;
	/// `set_operator_network_shares`.
	fn set_operator_network_shares() -> Weight;
	/// `set_operator_network_limit`.
	fn set_operator_network_limit() -> Weight;
	/// `set_hook_policy`.
	fn set_hook_policy() -> Weight;
	/// `stake_at` of a network-restake vault whose histories are `d` binary-search steps deep
	/// (hold up to `2^d` entries each).
	fn stake_at(d: u32) -> Weight;
	/// The delegator side of a slash with no hook policy.
	fn on_slash_none() -> Weight;
	/// The delegator side of a slash with [`crate::HookPolicy::Decrease`], histories `d` steps
	/// deep.
	fn on_slash_decrease(d: u32) -> Weight;
	/// The delegator side of a slash with [`crate::HookPolicy::Redistribute`], histories `d` steps
	/// deep.
	fn on_slash_redistribute(d: u32) -> Weight;
	/// The delegator side of a slash with [`crate::HookPolicy::Reset`], at a reset.
	fn on_slash_reset() -> Weight;
	/// `stake_at` measured with histories `MaxHistoryDepth` steps deep, in the state they make:
	/// lookups are charged the larger of this and the fitted [`Self::stake_at`] at that depth,
	/// since a lookup's time grows faster than linearly with the depth in a benchmark state.
	fn stake_at_deepest() -> Weight;
	/// [`Self::on_slash_decrease`] measured at `MaxHistoryDepth` (as [`Self::stake_at_deepest`]).
	fn on_slash_decrease_deepest() -> Weight;
	/// [`Self::on_slash_redistribute`] measured at `MaxHistoryDepth` (as
	/// [`Self::stake_at_deepest`]).
	fn on_slash_redistribute_deepest() -> Weight;
}

impl WeightInfo for () {
	fn set_max_network_limit() -> Weight {
		Weight::zero()
	}
	fn set_network_limit() -> Weight {
		Weight::zero()
	}
	fn set_operator_network_shares() -> Weight {
		Weight::zero()
	}
	fn set_operator_network_limit() -> Weight {
		Weight::zero()
	}
	fn set_hook_policy() -> Weight {
		Weight::zero()
	}
	fn stake_at(_: u32) -> Weight {
		Weight::zero()
	}
	fn on_slash_none() -> Weight {
		Weight::zero()
	}
	fn on_slash_decrease(_: u32) -> Weight {
		Weight::zero()
	}
	fn on_slash_redistribute(_: u32) -> Weight {
		Weight::zero()
	}
	fn on_slash_reset() -> Weight {
		Weight::zero()
	}
	fn stake_at_deepest() -> Weight {
		Weight::zero()
	}
	fn on_slash_decrease_deepest() -> Weight {
		Weight::zero()
	}
	fn on_slash_redistribute_deepest() -> Weight {
		Weight::zero()
	}
}
