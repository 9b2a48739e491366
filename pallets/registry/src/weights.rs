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

/// Weight functions needed by this pallet, one per call, each for the call's worst case.
pub trait WeightInfo {
	/// `register_network`.
	fn register_network() -> Weight;
	/// `register_operator`.
	fn register_operator() -> Weight;
	/// `set_middleware`.
	fn set_middleware() -> Weight;
	/// `set_network_metadata`, with a URL of the maximum length.
	fn set_network_metadata() -> Weight;
	/// `set_operator_metadata`, with a URL of the maximum length.
	fn set_operator_metadata() -> Weight;
	/// `opt_in`, into a full history.
	fn opt_in() -> Weight;
	/// `opt_out`, from a full history.
	fn opt_out() -> Weight;
	/// `opt_in_signed`, into a full history, signature over the wrapped message.
	fn opt_in_signed() -> Weight;
	/// `opt_out_signed`, from a full history, signature over the wrapped message.
	fn opt_out_signed() -> Weight;
	/// `increase_nonce`.
	fn increase_nonce() -> Weight;
}

impl WeightInfo for () {
	fn register_network() -> Weight {
		Weight::zero()
	}
	fn register_operator() -> Weight {
		Weight::zero()
	}
	fn set_middleware() -> Weight {
		Weight::zero()
	}
	fn set_network_metadata() -> Weight {
		Weight::zero()
	}
	fn set_operator_metadata() -> Weight {
		Weight::zero()
	}
	fn opt_in() -> Weight {
		Weight::zero()
	}
	fn opt_out() -> Weight {
		Weight::zero()
	}
	fn opt_in_signed() -> Weight {
		Weight::zero()
	}
	fn opt_out_signed() -> Weight {
		Weight::zero()
	}
	fn increase_nonce() -> Weight {
		Weight::zero()
	}
}
