// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Default weights of `pallet_rampart_slashing`: the numbers of
//! `runtime/src/weights/pallet_rampart_slashing.rs`, measured on the Rampart reference runtime, as this
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
	/// Storage: `Registry::Networks` (r:1 w:0)
	/// Proof: `Registry::Networks` (`max_values`: None, `max_size`: Some(359), added: 2834, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::Vaults` (r:1 w:0)
	/// Proof: `Vaults::Vaults` (`max_values`: None, `max_size`: Some(218), added: 2693, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::LatestSlashedCapture` (r:1 w:1)
	/// Proof: `Slashing::LatestSlashedCapture` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	/// Storage: `Registry::OptInHistories` (r:2 w:0)
	/// Proof: `Registry::OptInHistories` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::TotalSharesHead` (r:1 w:0)
	/// Proof: `Delegation::TotalSharesHead` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::TotalSharesPoints` (r:1 w:0)
	/// Proof: `Delegation::TotalSharesPoints` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::OperatorSharesHead` (r:1 w:0)
	/// Proof: `Delegation::OperatorSharesHead` (`max_values`: None, `max_size`: Some(100), added: 2575, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::OperatorSharesPoints` (r:1 w:0)
	/// Proof: `Delegation::OperatorSharesPoints` (`max_values`: None, `max_size`: Some(120), added: 2595, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::NetworkLimitHead` (r:1 w:0)
	/// Proof: `Delegation::NetworkLimitHead` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::NetworkLimitPoints` (r:1 w:0)
	/// Proof: `Delegation::NetworkLimitPoints` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::ActiveStakeHead` (r:1 w:1)
	/// Proof: `Vaults::ActiveStakeHead` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::ActiveStakePoints` (r:1 w:1)
	/// Proof: `Vaults::ActiveStakePoints` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::CumulativeSlashHead` (r:1 w:1)
	/// Proof: `Slashing::CumulativeSlashHead` (`max_values`: None, `max_size`: Some(100), added: 2575, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::CumulativeSlashPoints` (r:12 w:3)
	/// Proof: `Slashing::CumulativeSlashPoints` (`max_values`: None, `max_size`: Some(120), added: 2595, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::HookPolicies` (r:1 w:0)
	/// Proof: `Delegation::HookPolicies` (`max_values`: None, `max_size`: Some(21), added: 2496, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::Withdrawals` (r:2 w:2)
	/// Proof: `Vaults::Withdrawals` (`max_values`: None, `max_size`: Some(40), added: 2515, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::RouterReceivers` (r:3 w:0)
	/// Proof: `Vaults::RouterReceivers` (`max_values`: None, `max_size`: Some(164), added: 2639, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:0)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::PendingSlashed` (r:1 w:1)
	/// Proof: `Vaults::PendingSlashed` (`max_values`: None, `max_size`: Some(77), added: 2552, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::Ledgers` (r:1 w:1)
	/// Proof: `Vaults::Ledgers` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	/// Component `d` ranges over `[1, 10]`.
	fn slash(d: u32, ) -> Weight {
		// Proof size (bytes): measured `1511 + d * 504`, estimated `8907 + d * 3167`.
		// Fastest run: 527_833_000 ps.
		Weight::from_parts(572_924_549, 8907)
			// Standard error: 605_505.
			.saturating_add(Weight::from_parts(38_647_424, 0).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads(24))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(d.into())))
			.saturating_add(T::DbWeight::get().writes(10))
			.saturating_add(Weight::from_parts(0, 3167).saturating_mul(d.into()))
	}
	/// Storage: `Registry::Networks` (r:1 w:0)
	/// Proof: `Registry::Networks` (`max_values`: None, `max_size`: Some(359), added: 2834, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::Vaults` (r:1 w:0)
	/// Proof: `Vaults::Vaults` (`max_values`: None, `max_size`: Some(218), added: 2693, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::LatestSlashedCapture` (r:1 w:0)
	/// Proof: `Slashing::LatestSlashedCapture` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	/// Storage: `Registry::OptInHistories` (r:2 w:0)
	/// Proof: `Registry::OptInHistories` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::TotalSharesHead` (r:1 w:0)
	/// Proof: `Delegation::TotalSharesHead` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::TotalSharesPoints` (r:1 w:0)
	/// Proof: `Delegation::TotalSharesPoints` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::OperatorSharesHead` (r:1 w:0)
	/// Proof: `Delegation::OperatorSharesHead` (`max_values`: None, `max_size`: Some(100), added: 2575, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::OperatorSharesPoints` (r:1 w:0)
	/// Proof: `Delegation::OperatorSharesPoints` (`max_values`: None, `max_size`: Some(120), added: 2595, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::NetworkLimitHead` (r:1 w:0)
	/// Proof: `Delegation::NetworkLimitHead` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::NetworkLimitPoints` (r:1 w:0)
	/// Proof: `Delegation::NetworkLimitPoints` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::ActiveStakeHead` (r:1 w:0)
	/// Proof: `Vaults::ActiveStakeHead` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::ActiveStakePoints` (r:1 w:0)
	/// Proof: `Vaults::ActiveStakePoints` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::CumulativeSlashHead` (r:1 w:0)
	/// Proof: `Slashing::CumulativeSlashHead` (`max_values`: None, `max_size`: Some(100), added: 2575, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::CumulativeSlashPoints` (r:10 w:0)
	/// Proof: `Slashing::CumulativeSlashPoints` (`max_values`: None, `max_size`: Some(120), added: 2595, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::NextRequestId` (r:1 w:1)
	/// Proof: `Slashing::NextRequestId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::VaultRequestQueue` (r:1 w:1)
	/// Proof: `Slashing::VaultRequestQueue` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::VaultRequestIds` (r:2 w:3)
	/// Proof: `Slashing::VaultRequestIds` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::Requests` (r:2 w:3)
	/// Proof: `Slashing::Requests` (`max_values`: None, `max_size`: Some(149), added: 2624, mode: `MaxEncodedLen`)
	/// Component `d` ranges over `[1, 10]`.
	fn request_slash(d: u32, ) -> Weight {
		// Proof size (bytes): measured `1749 + d * 423`, estimated `6474 + d * 2595`.
		// Fastest run: 277_666_000 ps.
		Weight::from_parts(466_679_479, 6474)
			// Standard error: 615_641.
			.saturating_add(Weight::from_parts(26_895_234, 0).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads(20))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(d.into())))
			.saturating_add(T::DbWeight::get().writes(8))
			.saturating_add(Weight::from_parts(0, 2595).saturating_mul(d.into()))
	}
	/// Storage: `Slashing::Requests` (r:1 w:1)
	/// Proof: `Slashing::Requests` (`max_values`: None, `max_size`: Some(149), added: 2624, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Networks` (r:1 w:0)
	/// Proof: `Registry::Networks` (`max_values`: None, `max_size`: Some(359), added: 2834, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::Vaults` (r:1 w:0)
	/// Proof: `Vaults::Vaults` (`max_values`: None, `max_size`: Some(218), added: 2693, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::Resolvers` (r:1 w:0)
	/// Proof: `Slashing::Resolvers` (`max_values`: None, `max_size`: Some(205), added: 2680, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::LatestSlashedCapture` (r:1 w:1)
	/// Proof: `Slashing::LatestSlashedCapture` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	/// Storage: `Registry::OptInHistories` (r:2 w:0)
	/// Proof: `Registry::OptInHistories` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::TotalSharesHead` (r:1 w:0)
	/// Proof: `Delegation::TotalSharesHead` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::TotalSharesPoints` (r:1 w:0)
	/// Proof: `Delegation::TotalSharesPoints` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::OperatorSharesHead` (r:1 w:0)
	/// Proof: `Delegation::OperatorSharesHead` (`max_values`: None, `max_size`: Some(100), added: 2575, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::OperatorSharesPoints` (r:1 w:0)
	/// Proof: `Delegation::OperatorSharesPoints` (`max_values`: None, `max_size`: Some(120), added: 2595, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::NetworkLimitHead` (r:1 w:0)
	/// Proof: `Delegation::NetworkLimitHead` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::NetworkLimitPoints` (r:1 w:0)
	/// Proof: `Delegation::NetworkLimitPoints` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::ActiveStakeHead` (r:1 w:1)
	/// Proof: `Vaults::ActiveStakeHead` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::ActiveStakePoints` (r:1 w:1)
	/// Proof: `Vaults::ActiveStakePoints` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::CumulativeSlashHead` (r:1 w:1)
	/// Proof: `Slashing::CumulativeSlashHead` (`max_values`: None, `max_size`: Some(100), added: 2575, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::CumulativeSlashPoints` (r:12 w:3)
	/// Proof: `Slashing::CumulativeSlashPoints` (`max_values`: None, `max_size`: Some(120), added: 2595, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::HookPolicies` (r:1 w:0)
	/// Proof: `Delegation::HookPolicies` (`max_values`: None, `max_size`: Some(21), added: 2496, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::Withdrawals` (r:2 w:2)
	/// Proof: `Vaults::Withdrawals` (`max_values`: None, `max_size`: Some(40), added: 2515, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::RouterReceivers` (r:3 w:0)
	/// Proof: `Vaults::RouterReceivers` (`max_values`: None, `max_size`: Some(164), added: 2639, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:0)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::PendingSlashed` (r:1 w:1)
	/// Proof: `Vaults::PendingSlashed` (`max_values`: None, `max_size`: Some(77), added: 2552, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::Ledgers` (r:1 w:1)
	/// Proof: `Vaults::Ledgers` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	/// Component `d` ranges over `[1, 10]`.
	fn execute_slash(d: u32, ) -> Weight {
		// Proof size (bytes): measured `1938 + d * 494`, estimated `8907 + d * 3262`.
		// Fastest run: 386_633_000 ps.
		Weight::from_parts(597_154_231, 8907)
			// Standard error: 658_364.
			.saturating_add(Weight::from_parts(41_541_127, 0).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads(26))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(d.into())))
			.saturating_add(T::DbWeight::get().writes(9))
			.saturating_add(Weight::from_parts(0, 3262).saturating_mul(d.into()))
	}
	/// Storage: `Slashing::Requests` (r:1 w:1)
	/// Proof: `Slashing::Requests` (`max_values`: None, `max_size`: Some(149), added: 2624, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::Vaults` (r:1 w:0)
	/// Proof: `Vaults::Vaults` (`max_values`: None, `max_size`: Some(218), added: 2693, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::Resolvers` (r:1 w:0)
	/// Proof: `Slashing::Resolvers` (`max_values`: None, `max_size`: Some(205), added: 2680, mode: `MaxEncodedLen`)
	fn veto_slash() -> Weight {
		// Proof size (bytes): measured `861`, estimated `3683`.
		// Fastest run: 57_935_000 ps.
		Weight::from_parts(116_457_000, 3683)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Registry::Networks` (r:1 w:0)
	/// Proof: `Registry::Networks` (`max_values`: None, `max_size`: Some(359), added: 2834, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::Vaults` (r:1 w:0)
	/// Proof: `Vaults::Vaults` (`max_values`: None, `max_size`: Some(218), added: 2693, mode: `MaxEncodedLen`)
	/// Storage: `Slashing::Resolvers` (r:1 w:1)
	/// Proof: `Slashing::Resolvers` (`max_values`: None, `max_size`: Some(205), added: 2680, mode: `MaxEncodedLen`)
	fn set_resolver() -> Weight {
		// Proof size (bytes): measured `928`, estimated `3824`.
		// Fastest run: 62_771_000 ps.
		Weight::from_parts(119_039_000, 3824)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(1))
	}
}
