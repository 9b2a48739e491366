// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The weights of the middleware's calls.
//!
//! - [`SubstrateWeight`]: the numbers measured on the Rampart reference runtime (generated into
//!   `default_weights.rs` by `benchmarking/run-benchmarks.sh`), with storage reads and writes
//!   priced by the adopting runtime's `T::DbWeight`. The reference runtime uses it.
//! - `()`: every call weighs nothing. For tests only.

use frame_support::weights::Weight;

pub use crate::default_weights::SubstrateWeight;

/// The weights of the middleware's calls.
pub trait WeightInfo {
	fn accept_vault() -> Weight;
	fn remove_vault() -> Weight;
	fn set_valuation() -> Weight;
	fn set_price() -> Weight;
	fn post_price() -> Weight;
	fn set_operator_set_policy() -> Weight;
	fn set_admission() -> Weight;
	fn set_allowlisted() -> Weight;
	fn join() -> Weight;
	fn leave() -> Weight;
	fn reap_operator() -> Weight;
	fn set_commission() -> Weight;
	/// A power slash's own work over `v` accepted vaults (the vaults' slashers are added).
	fn slash(v: u32) -> Weight;
	/// A reward's own work over `n` operators and `v` vaults (the rewards pallet's parts are
	/// added).
	fn distribute_rewards(n: u32, v: u32) -> Weight;
	/// The operator set over `n` operators and `v` vaults (a view, and what a session
	/// rotation reads).
	fn operator_set(n: u32, v: u32) -> Weight;
}

/// For tests only: every call weighs nothing.
impl WeightInfo for () {
	fn accept_vault() -> Weight {
		Weight::zero()
	}
	fn remove_vault() -> Weight {
		Weight::zero()
	}
	fn set_valuation() -> Weight {
		Weight::zero()
	}
	fn set_price() -> Weight {
		Weight::zero()
	}
	fn post_price() -> Weight {
		Weight::zero()
	}
	fn set_operator_set_policy() -> Weight {
		Weight::zero()
	}
	fn set_admission() -> Weight {
		Weight::zero()
	}
	fn set_allowlisted() -> Weight {
		Weight::zero()
	}
	fn join() -> Weight {
		Weight::zero()
	}
	fn leave() -> Weight {
		Weight::zero()
	}
	fn reap_operator() -> Weight {
		Weight::zero()
	}
	fn set_commission() -> Weight {
		Weight::zero()
	}
	fn slash(_: u32) -> Weight {
		Weight::zero()
	}
	fn distribute_rewards(_: u32, _: u32) -> Weight {
		Weight::zero()
	}
	fn operator_set(_: u32, _: u32) -> Weight {
		Weight::zero()
	}
}
