// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Default weights of `pallet_rampart_delegation`: the numbers of
//! `runtime/src/weights/pallet_rampart_delegation.rs`, measured on the Rampart reference runtime, as this
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
	/// Storage: `Delegation::MaxNetworkLimitHead` (r:1 w:1)
	/// Proof: `Delegation::MaxNetworkLimitHead` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::MaxNetworkLimitPoints` (r:2 w:3)
	/// Proof: `Delegation::MaxNetworkLimitPoints` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::NetworkLimitHead` (r:1 w:1)
	/// Proof: `Delegation::NetworkLimitHead` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::NetworkLimitPoints` (r:2 w:3)
	/// Proof: `Delegation::NetworkLimitPoints` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	fn set_max_network_limit() -> Weight {
		// Proof size (bytes): measured `1584`, estimated `6116`.
		// Fastest run: 158_037_000 ps.
		Weight::from_parts(281_743_000, 6116)
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().writes(8))
	}
	/// Storage: `Vaults::Vaults` (r:1 w:0)
	/// Proof: `Vaults::Vaults` (`max_values`: None, `max_size`: Some(218), added: 2693, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::RoleHolders` (r:1 w:0)
	/// Proof: `Vaults::RoleHolders` (`max_values`: None, `max_size`: Some(69), added: 2544, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::MaxNetworkLimitHead` (r:1 w:0)
	/// Proof: `Delegation::MaxNetworkLimitHead` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::MaxNetworkLimitPoints` (r:1 w:0)
	/// Proof: `Delegation::MaxNetworkLimitPoints` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::NetworkLimitHead` (r:1 w:1)
	/// Proof: `Delegation::NetworkLimitHead` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::NetworkLimitPoints` (r:2 w:3)
	/// Proof: `Delegation::NetworkLimitPoints` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	fn set_network_limit() -> Weight {
		// Proof size (bytes): measured `1589`, estimated `6116`.
		// Fastest run: 134_290_000 ps.
		Weight::from_parts(231_078_000, 6116)
			.saturating_add(T::DbWeight::get().reads(7))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	/// Storage: `Vaults::Vaults` (r:1 w:0)
	/// Proof: `Vaults::Vaults` (`max_values`: None, `max_size`: Some(218), added: 2693, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::RoleHolders` (r:1 w:0)
	/// Proof: `Vaults::RoleHolders` (`max_values`: None, `max_size`: Some(69), added: 2544, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::OperatorSharesHead` (r:1 w:1)
	/// Proof: `Delegation::OperatorSharesHead` (`max_values`: None, `max_size`: Some(100), added: 2575, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::OperatorSharesPoints` (r:2 w:3)
	/// Proof: `Delegation::OperatorSharesPoints` (`max_values`: None, `max_size`: Some(120), added: 2595, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::TotalSharesHead` (r:1 w:1)
	/// Proof: `Delegation::TotalSharesHead` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::TotalSharesPoints` (r:2 w:3)
	/// Proof: `Delegation::TotalSharesPoints` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	fn set_operator_network_shares() -> Weight {
		// Proof size (bytes): measured `1739`, estimated `6180`.
		// Fastest run: 160_897_000 ps.
		Weight::from_parts(280_004_000, 6180)
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().writes(8))
	}
	/// Storage: `Vaults::Vaults` (r:1 w:0)
	/// Proof: `Vaults::Vaults` (`max_values`: None, `max_size`: Some(218), added: 2693, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::RoleHolders` (r:1 w:0)
	/// Proof: `Vaults::RoleHolders` (`max_values`: None, `max_size`: Some(69), added: 2544, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::OperatorLimitHead` (r:1 w:1)
	/// Proof: `Delegation::OperatorLimitHead` (`max_values`: None, `max_size`: Some(100), added: 2575, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::OperatorLimitPoints` (r:2 w:3)
	/// Proof: `Delegation::OperatorLimitPoints` (`max_values`: None, `max_size`: Some(120), added: 2595, mode: `MaxEncodedLen`)
	fn set_operator_network_limit() -> Weight {
		// Proof size (bytes): measured `1382`, estimated `6180`.
		// Fastest run: 105_200_000 ps.
		Weight::from_parts(193_162_000, 6180)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	/// Storage: `Vaults::Vaults` (r:1 w:0)
	/// Proof: `Vaults::Vaults` (`max_values`: None, `max_size`: Some(218), added: 2693, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::RoleHolders` (r:1 w:0)
	/// Proof: `Vaults::RoleHolders` (`max_values`: None, `max_size`: Some(69), added: 2544, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::HookPolicies` (r:1 w:1)
	/// Proof: `Delegation::HookPolicies` (`max_values`: None, `max_size`: Some(21), added: 2496, mode: `MaxEncodedLen`)
	fn set_hook_policy() -> Weight {
		// Proof size (bytes): measured `1077`, estimated `3683`.
		// Fastest run: 61_447_000 ps.
		Weight::from_parts(120_677_000, 3683)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Vaults::Vaults` (r:1 w:0)
	/// Proof: `Vaults::Vaults` (`max_values`: None, `max_size`: Some(218), added: 2693, mode: `MaxEncodedLen`)
	/// Storage: `Registry::OptInHistories` (r:2 w:0)
	/// Proof: `Registry::OptInHistories` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::TotalSharesHead` (r:1 w:0)
	/// Proof: `Delegation::TotalSharesHead` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::TotalSharesPoints` (r:10 w:0)
	/// Proof: `Delegation::TotalSharesPoints` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::OperatorSharesHead` (r:1 w:0)
	/// Proof: `Delegation::OperatorSharesHead` (`max_values`: None, `max_size`: Some(100), added: 2575, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::OperatorSharesPoints` (r:10 w:0)
	/// Proof: `Delegation::OperatorSharesPoints` (`max_values`: None, `max_size`: Some(120), added: 2595, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::NetworkLimitHead` (r:1 w:0)
	/// Proof: `Delegation::NetworkLimitHead` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::NetworkLimitPoints` (r:10 w:0)
	/// Proof: `Delegation::NetworkLimitPoints` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::ActiveStakeHead` (r:1 w:0)
	/// Proof: `Vaults::ActiveStakeHead` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::ActiveStakePoints` (r:11 w:0)
	/// Proof: `Vaults::ActiveStakePoints` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Component `d` ranges over `[0, 10]`.
	fn stake_at(d: u32, ) -> Weight {
		// Proof size (bytes): measured `1373 + d * 696`, estimated `6474 + d * 2519`.
		// Fastest run: 182_904_000 ps.
		Weight::from_parts(151_196_444, 6474)
			// Standard error: 1_002_555.
			.saturating_add(Weight::from_parts(73_393_121, 0).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads(9))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(d.into())))
			.saturating_add(Weight::from_parts(0, 2519).saturating_mul(d.into()))
	}
	/// Storage: `Delegation::HookPolicies` (r:1 w:0)
	/// Proof: `Delegation::HookPolicies` (`max_values`: None, `max_size`: Some(21), added: 2496, mode: `MaxEncodedLen`)
	fn on_slash_none() -> Weight {
		// Proof size (bytes): measured `357`, estimated `3486`.
		// Fastest run: 17_714_000 ps.
		Weight::from_parts(37_227_000, 3486)
			.saturating_add(T::DbWeight::get().reads(1))
	}
	/// Storage: `Delegation::HookPolicies` (r:1 w:0)
	/// Proof: `Delegation::HookPolicies` (`max_values`: None, `max_size`: Some(21), added: 2496, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::Vaults` (r:1 w:0)
	/// Proof: `Vaults::Vaults` (`max_values`: None, `max_size`: Some(218), added: 2693, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::NetworkLimitHead` (r:1 w:1)
	/// Proof: `Delegation::NetworkLimitHead` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::NetworkLimitPoints` (r:13 w:1)
	/// Proof: `Delegation::NetworkLimitPoints` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::OperatorSharesHead` (r:1 w:1)
	/// Proof: `Delegation::OperatorSharesHead` (`max_values`: None, `max_size`: Some(100), added: 2575, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::OperatorSharesPoints` (r:12 w:1)
	/// Proof: `Delegation::OperatorSharesPoints` (`max_values`: None, `max_size`: Some(120), added: 2595, mode: `MaxEncodedLen`)
	/// Storage: `Registry::OptInHistories` (r:2 w:0)
	/// Proof: `Registry::OptInHistories` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::TotalSharesHead` (r:1 w:1)
	/// Proof: `Delegation::TotalSharesHead` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::TotalSharesPoints` (r:12 w:1)
	/// Proof: `Delegation::TotalSharesPoints` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::ActiveStakeHead` (r:1 w:0)
	/// Proof: `Vaults::ActiveStakeHead` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::ActiveStakePoints` (r:11 w:0)
	/// Proof: `Vaults::ActiveStakePoints` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Component `d` ranges over `[0, 10]`.
	fn on_slash_decrease(d: u32, ) -> Weight {
		// Proof size (bytes): measured `743 + d * 912`, estimated `6474 + d * 3347`.
		// Fastest run: 284_751_000 ps.
		Weight::from_parts(345_163_636, 6474)
			// Standard error: 1_260_493.
			.saturating_add(Weight::from_parts(105_657_650, 0).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads(12))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(d.into())))
			.saturating_add(T::DbWeight::get().writes(6))
			.saturating_add(Weight::from_parts(0, 3347).saturating_mul(d.into()))
	}
	/// Storage: `Delegation::HookPolicies` (r:1 w:0)
	/// Proof: `Delegation::HookPolicies` (`max_values`: None, `max_size`: Some(21), added: 2496, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::Vaults` (r:1 w:0)
	/// Proof: `Vaults::Vaults` (`max_values`: None, `max_size`: Some(218), added: 2693, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::OperatorSharesHead` (r:1 w:1)
	/// Proof: `Delegation::OperatorSharesHead` (`max_values`: None, `max_size`: Some(100), added: 2575, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::OperatorSharesPoints` (r:2 w:1)
	/// Proof: `Delegation::OperatorSharesPoints` (`max_values`: None, `max_size`: Some(120), added: 2595, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::TotalSharesHead` (r:1 w:1)
	/// Proof: `Delegation::TotalSharesHead` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::TotalSharesPoints` (r:2 w:1)
	/// Proof: `Delegation::TotalSharesPoints` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Component `d` ranges over `[0, 10]`.
	fn on_slash_redistribute(d: u32, ) -> Weight {
		// Proof size (bytes): measured `1104 + d * 247`, estimated `4555 + d * 244`.
		// Fastest run: 139_380_000 ps.
		Weight::from_parts(217_812_057, 4555)
			// Standard error: 428_134.
			.saturating_add(Weight::from_parts(21_206_336, 0).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads(7))
			.saturating_add(T::DbWeight::get().writes(4))
			.saturating_add(Weight::from_parts(0, 244).saturating_mul(d.into()))
	}
	/// Storage: `Delegation::HookPolicies` (r:1 w:0)
	/// Proof: `Delegation::HookPolicies` (`max_values`: None, `max_size`: Some(21), added: 2496, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::Vaults` (r:1 w:0)
	/// Proof: `Vaults::Vaults` (`max_values`: None, `max_size`: Some(218), added: 2693, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::RecentSlashes` (r:1 w:1)
	/// Proof: `Delegation::RecentSlashes` (`max_values`: None, `max_size`: Some(153), added: 2628, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::OperatorSharesHead` (r:1 w:1)
	/// Proof: `Delegation::OperatorSharesHead` (`max_values`: None, `max_size`: Some(100), added: 2575, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::OperatorSharesPoints` (r:2 w:3)
	/// Proof: `Delegation::OperatorSharesPoints` (`max_values`: None, `max_size`: Some(120), added: 2595, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::TotalSharesHead` (r:1 w:1)
	/// Proof: `Delegation::TotalSharesHead` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::TotalSharesPoints` (r:2 w:3)
	/// Proof: `Delegation::TotalSharesPoints` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	fn on_slash_reset() -> Weight {
		// Proof size (bytes): measured `1661`, estimated `6180`.
		// Fastest run: 178_341_000 ps.
		Weight::from_parts(316_670_000, 6180)
			.saturating_add(T::DbWeight::get().reads(9))
			.saturating_add(T::DbWeight::get().writes(9))
	}
}
