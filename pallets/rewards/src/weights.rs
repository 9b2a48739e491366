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

/// The depth (log2 of the entries) of the share histories the benchmarks search; calls charge
/// the reads of deeper searches on top (see [`crate::Pallet::claim_weight`]).
pub const BENCHMARKED_DEPTH: u32 = 6;

/// Weight functions needed by this pallet, each for its worst case.
pub trait WeightInfo {
	/// `distribute_staker_rewards`, expiring two old distributions first.
	fn distribute_staker_rewards() -> Weight;
	/// `claim_staker_rewards` through `n` distributions.
	fn claim_staker_rewards(n: u32) -> Weight;
	/// `set_admin_fee`.
	fn set_admin_fee() -> Weight;
	/// `claim_admin_fee`.
	fn claim_admin_fee() -> Weight;
	/// `distribute_operator_rewards` to `n` operators.
	fn distribute_operator_rewards(n: u32) -> Weight;
	/// `distribute_operator_rewards_by_stake` over `n` operators (the stake lookups are charged
	/// apart, at their worst).
	fn distribute_operator_rewards_by_stake(n: u32) -> Weight;
	/// `claim_operator_rewards`.
	fn claim_operator_rewards() -> Weight;
	/// `expire_distribution`.
	fn expire_distribution() -> Weight;
	/// Opening the pallet account's account of a new asset with the payer's deposit
	/// (`AccountTouch::touch`), which a distribution may do besides its measured part.
	fn open_asset_account() -> Weight;
}

impl WeightInfo for () {
	fn distribute_staker_rewards() -> Weight {
		Weight::zero()
	}
	fn claim_staker_rewards(_: u32) -> Weight {
		Weight::zero()
	}
	fn set_admin_fee() -> Weight {
		Weight::zero()
	}
	fn claim_admin_fee() -> Weight {
		Weight::zero()
	}
	fn distribute_operator_rewards(_: u32) -> Weight {
		Weight::zero()
	}
	fn distribute_operator_rewards_by_stake(_: u32) -> Weight {
		Weight::zero()
	}
	fn claim_operator_rewards() -> Weight {
		Weight::zero()
	}
	fn open_asset_account() -> Weight {
		Weight::zero()
	}
	fn expire_distribution() -> Weight {
		Weight::zero()
	}
}
