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
	/// `create_vault` with every initial role filled.
	fn create_vault() -> Weight;
	/// `deposit`.
	fn deposit() -> Weight;
	/// `withdraw`.
	fn withdraw() -> Weight;
	/// `redeem`.
	fn redeem() -> Weight;
	/// `claim`.
	fn claim() -> Weight;
	/// `claim_batch` of `n` epochs.
	fn claim_batch(n: u32) -> Weight;
	/// `transfer_shares`.
	fn transfer_shares() -> Weight;
	/// `set_deposit_whitelist`.
	fn set_deposit_whitelist() -> Weight;
	/// `set_depositor_whitelist_status`.
	fn set_depositor_whitelist_status() -> Weight;
	/// `set_is_deposit_limit`.
	fn set_is_deposit_limit() -> Weight;
	/// `set_deposit_limit`.
	fn set_deposit_limit() -> Weight;
	/// `grant_role`.
	fn grant_role() -> Weight;
	/// `revoke_role`.
	fn revoke_role() -> Weight;
	/// `deny_collateral`.
	fn deny_collateral() -> Weight;
	/// `allow_collateral`.
	fn allow_collateral() -> Weight;
	/// `release_slashed`.
	fn release_slashed() -> Weight;
	/// `set_router_receiver`.
	fn set_router_receiver() -> Weight;
	/// Opening an asset account with a deposit (`AccountTouch::touch`), which `create_vault`
	/// and `release_slashed` may do besides their measured part.
	fn open_asset_account() -> Weight;
	/// The slashing entry point (not a call), with `d` depositors: the slashing pallet charges
	/// it. Flat in `d`.
	fn on_slash(d: u32) -> Weight;
}

impl WeightInfo for () {
	fn open_asset_account() -> Weight {
		Weight::zero()
	}
	fn create_vault() -> Weight {
		Weight::zero()
	}
	fn deposit() -> Weight {
		Weight::zero()
	}
	fn withdraw() -> Weight {
		Weight::zero()
	}
	fn redeem() -> Weight {
		Weight::zero()
	}
	fn claim() -> Weight {
		Weight::zero()
	}
	fn claim_batch(_: u32) -> Weight {
		Weight::zero()
	}
	fn transfer_shares() -> Weight {
		Weight::zero()
	}
	fn set_deposit_whitelist() -> Weight {
		Weight::zero()
	}
	fn set_depositor_whitelist_status() -> Weight {
		Weight::zero()
	}
	fn set_is_deposit_limit() -> Weight {
		Weight::zero()
	}
	fn set_deposit_limit() -> Weight {
		Weight::zero()
	}
	fn grant_role() -> Weight {
		Weight::zero()
	}
	fn revoke_role() -> Weight {
		Weight::zero()
	}
	fn deny_collateral() -> Weight {
		Weight::zero()
	}
	fn allow_collateral() -> Weight {
		Weight::zero()
	}
	fn release_slashed() -> Weight {
		Weight::zero()
	}
	fn set_router_receiver() -> Weight {
		Weight::zero()
	}
	fn on_slash(_: u32) -> Weight {
		Weight::zero()
	}
}
