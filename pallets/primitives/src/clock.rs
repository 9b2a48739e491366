// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The one clock of the restaking pallets.
//!
//! Opt-in histories, vault epochs, delegation limits, slash captures and reward snapshots are all
//! keyed by block numbers that the pallets compare with each other: a capture block is looked up
//! in the opt-in history, a reward snapshot in the share history. They must therefore count the
//! same blocks. Every Rampart pallet's `Config` has [`RestakingClock`] as a supertrait, so a
//! runtime names the block-number source once, for all of them, and cannot give two pallets
//! different clocks.
//!
//! ```ignore
//! impl rampart_primitives::clock::RestakingClock for Runtime {
//!     type BlockNumberProvider = System;
//! }
//! ```

use sp_runtime::traits::BlockNumberProvider;

/// Where every restaking pallet of a runtime reads the current block from.
pub trait RestakingClock {
	/// The block-number source: `frame_system` on a solo chain, the relay chain's block number
	/// on a parachain that wants epochs in relay blocks.
	type BlockNumberProvider: BlockNumberProvider;
}

/// The block number of the restaking pallets of runtime `T`.
pub type BlockNumberOf<T> =
	<<T as RestakingClock>::BlockNumberProvider as BlockNumberProvider>::BlockNumber;

/// The current block as the restaking pallets of runtime `T` count it.
pub fn now<T: RestakingClock>() -> BlockNumberOf<T> {
	T::BlockNumberProvider::current_block_number()
}
