// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Default weights of `pallet_rampart_registry`: the numbers of
//! `runtime/src/weights/pallet_rampart_registry.rs`, measured on the Rampart reference runtime, as this
//! pallet's `SubstrateWeight<T>`. Written by `benchmarking/run-benchmarks.sh`; do not edit.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::Weight};

/// The weights measured on the Rampart reference runtime, with every storage read and write
/// priced by the adopting runtime's own `T::DbWeight`: a safe default until a runtime runs the
/// benchmarks on its own hardware (it should, and then use its own numbers).
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> crate::WeightInfo for SubstrateWeight<T> {
	/// Storage: `Registry::Networks` (r:1 w:1)
	/// Proof: `Registry::Networks` (`max_values`: None, `max_size`: Some(359), added: 2834, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `Registry::NetworkCount` (r:1 w:1)
	/// Proof: `Registry::NetworkCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn register_network() -> Weight {
		// Proof size (bytes): measured `314`, estimated `3824`.
		// Fastest run: 99_599_000 ps.
		Weight::from_parts(177_655_000, 3824)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// Storage: `Registry::Operators` (r:1 w:1)
	/// Proof: `Registry::Operators` (`max_values`: None, `max_size`: Some(326), added: 2801, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `Registry::OperatorCount` (r:1 w:1)
	/// Proof: `Registry::OperatorCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn register_operator() -> Weight {
		// Proof size (bytes): measured `304`, estimated `3791`.
		// Fastest run: 100_662_000 ps.
		Weight::from_parts(189_420_000, 3791)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// Storage: `Registry::Networks` (r:1 w:1)
	/// Proof: `Registry::Networks` (`max_values`: None, `max_size`: Some(359), added: 2834, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	fn set_middleware() -> Weight {
		// Proof size (bytes): measured `590`, estimated `3824`.
		// Fastest run: 105_619_000 ps.
		Weight::from_parts(195_213_000, 3824)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// Storage: `Registry::Networks` (r:1 w:1)
	/// Proof: `Registry::Networks` (`max_values`: None, `max_size`: Some(359), added: 2834, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	fn set_network_metadata() -> Weight {
		// Proof size (bytes): measured `590`, estimated `3824`.
		// Fastest run: 107_335_000 ps.
		Weight::from_parts(184_271_000, 3824)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// Storage: `Registry::Operators` (r:1 w:1)
	/// Proof: `Registry::Operators` (`max_values`: None, `max_size`: Some(326), added: 2801, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	fn set_operator_metadata() -> Weight {
		// Proof size (bytes): measured `518`, estimated `3791`.
		// Fastest run: 104_799_000 ps.
		Weight::from_parts(183_224_000, 3791)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// Storage: `Registry::Operators` (r:1 w:0)
	/// Proof: `Registry::Operators` (`max_values`: None, `max_size`: Some(326), added: 2801, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Networks` (r:1 w:0)
	/// Proof: `Registry::Networks` (`max_values`: None, `max_size`: Some(359), added: 2834, mode: `MaxEncodedLen`)
	/// Storage: `Registry::OptInHistories` (r:1 w:1)
	/// Proof: `Registry::OptInHistories` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	/// Storage: `Registry::OptInNonces` (r:1 w:1)
	/// Proof: `Registry::OptInNonces` (`max_values`: None, `max_size`: Some(105), added: 2580, mode: `MaxEncodedLen`)
	fn opt_in() -> Weight {
		// Proof size (bytes): measured `840`, estimated `3824`.
		// Fastest run: 64_759_000 ps.
		Weight::from_parts(118_062_000, 3824)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// Storage: `Registry::OptInHistories` (r:1 w:1)
	/// Proof: `Registry::OptInHistories` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	/// Storage: `Registry::OptInNonces` (r:1 w:1)
	/// Proof: `Registry::OptInNonces` (`max_values`: None, `max_size`: Some(105), added: 2580, mode: `MaxEncodedLen`)
	fn opt_out() -> Weight {
		// Proof size (bytes): measured `652`, estimated `3732`.
		// Fastest run: 49_499_000 ps.
		Weight::from_parts(87_063_000, 3732)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// Storage: `Registry::OptInNonces` (r:1 w:1)
	/// Proof: `Registry::OptInNonces` (`max_values`: None, `max_size`: Some(105), added: 2580, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Operators` (r:1 w:0)
	/// Proof: `Registry::Operators` (`max_values`: None, `max_size`: Some(326), added: 2801, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Networks` (r:1 w:0)
	/// Proof: `Registry::Networks` (`max_values`: None, `max_size`: Some(359), added: 2834, mode: `MaxEncodedLen`)
	/// Storage: `Registry::OptInHistories` (r:1 w:1)
	/// Proof: `Registry::OptInHistories` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	fn opt_in_signed() -> Weight {
		// Proof size (bytes): measured `894`, estimated `3824`.
		// Fastest run: 238_243_000 ps.
		Weight::from_parts(417_245_000, 3824)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// Storage: `Registry::OptInNonces` (r:1 w:1)
	/// Proof: `Registry::OptInNonces` (`max_values`: None, `max_size`: Some(105), added: 2580, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Registry::OptInHistories` (r:1 w:1)
	/// Proof: `Registry::OptInHistories` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	fn opt_out_signed() -> Weight {
		// Proof size (bytes): measured `706`, estimated `3732`.
		// Fastest run: 235_608_000 ps.
		Weight::from_parts(399_030_000, 3732)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// Storage: `Registry::Operators` (r:1 w:0)
	/// Proof: `Registry::Operators` (`max_values`: None, `max_size`: Some(326), added: 2801, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Networks` (r:1 w:0)
	/// Proof: `Registry::Networks` (`max_values`: None, `max_size`: Some(359), added: 2834, mode: `MaxEncodedLen`)
	/// Storage: `Registry::OptInNonces` (r:1 w:1)
	/// Proof: `Registry::OptInNonces` (`max_values`: None, `max_size`: Some(105), added: 2580, mode: `MaxEncodedLen`)
	fn increase_nonce() -> Weight {
		// Proof size (bytes): measured `525`, estimated `3824`.
		// Fastest run: 42_668_000 ps.
		Weight::from_parts(85_813_000, 3824)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(1))
	}
}
