// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Weights of the runtime's pallets, generated for this runtime on this project's machines by
//! `benchmarking/run-benchmarks.sh` from `benchmarking/frame-weight-template.hbs`. Do not edit the
//! generated files by hand.

/// The node stores state in ParityDB; these are its read and write costs.
pub use frame_support::weights::constants::ParityDbWeight;

pub mod frame_system;
pub mod frame_system_extensions;
pub mod pallet_assets;
pub mod pallet_balances;
pub mod pallet_rampart_delegation;
pub mod pallet_rampart_registry;
pub mod pallet_rampart_rewards;
pub mod pallet_rampart_slashing;
pub mod pallet_rampart_vaults;
pub mod pallet_sudo;
pub mod pallet_timestamp;
pub mod pallet_transaction_payment;
