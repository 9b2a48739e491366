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

/// Weight functions needed by this pallet, each for its worst case. The calls that execute a
/// slash add the guarantee lookup and the delegator hook at their worst (see
/// [`crate::Pallet::slash_weight`]).
pub trait WeightInfo {
	/// `slash`, with a binary search `d` probes deep in the cumulative-slash history.
	fn slash(d: u32) -> Weight;
	/// `request_slash`, pruning as many old requests as it may, with a binary search `d` probes
	/// deep in the cumulative-slash history.
	fn request_slash(d: u32) -> Weight;
	/// `execute_slash`, with a binary search `d` probes deep in the cumulative-slash history.
	fn execute_slash(d: u32) -> Weight;
	/// [`Self::slash`] measured in the deepest history a slash may search in the runtime
	/// (`MaxCumulativeSlashDepth`, or the window of the vaults' longest epoch), in the state it
	/// makes: a search that deep is charged the larger of this and the fitted line, since the
	/// time grows faster than linearly at that end.
	fn slash_deepest() -> Weight;
	/// [`Self::request_slash`] measured as [`Self::slash_deepest`].
	fn request_slash_deepest() -> Weight;
	/// [`Self::execute_slash`] measured as [`Self::slash_deepest`].
	fn execute_slash_deepest() -> Weight;
	/// `veto_slash`.
	fn veto_slash() -> Weight;
	/// `set_resolver`, replacing a pending change.
	fn set_resolver() -> Weight;
}

impl WeightInfo for () {
	fn slash(_: u32) -> Weight {
		Weight::zero()
	}
	fn request_slash(_: u32) -> Weight {
		Weight::zero()
	}
	fn execute_slash(_: u32) -> Weight {
		Weight::zero()
	}
	fn slash_deepest() -> Weight {
		Weight::zero()
	}
	fn request_slash_deepest() -> Weight {
		Weight::zero()
	}
	fn execute_slash_deepest() -> Weight {
		Weight::zero()
	}
	fn veto_slash() -> Weight {
		Weight::zero()
	}
	fn set_resolver() -> Weight {
		Weight::zero()
	}
}
