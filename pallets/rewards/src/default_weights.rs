// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Default weights of `pallet_rampart_rewards`: the numbers of
//! `runtime/src/weights/pallet_rampart_rewards.rs`, measured on the Rampart reference runtime, as this
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
	/// Storage: `Rewards::AdminFee` (r:1 w:0)
	/// Proof: `Rewards::AdminFee` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::ActiveSharesHead` (r:1 w:0)
	/// Proof: `Vaults::ActiveSharesHead` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::ActiveSharesPoints` (r:6 w:0)
	/// Proof: `Vaults::ActiveSharesPoints` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::ActiveStakeHead` (r:1 w:0)
	/// Proof: `Vaults::ActiveStakeHead` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::ActiveStakePoints` (r:6 w:0)
	/// Proof: `Vaults::ActiveStakePoints` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::Streams` (r:1 w:1)
	/// Proof: `Rewards::Streams` (`max_values`: None, `max_size`: Some(65), added: 2540, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::Distributions` (r:2 w:3)
	/// Proof: `Rewards::Distributions` (`max_values`: None, `max_size`: Some(125), added: 2600, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Asset` (r:1 w:1)
	/// Proof: `Assets::Asset` (`max_values`: None, `max_size`: Some(210), added: 2685, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Account` (r:3 w:3)
	/// Proof: `Assets::Account` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::Owed` (r:2 w:1)
	/// Proof: `Rewards::Owed` (`max_values`: None, `max_size`: Some(37), added: 2512, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:0)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::CuratorFees` (r:1 w:1)
	/// Proof: `Rewards::CuratorFees` (`max_values`: None, `max_size`: Some(49), added: 2524, mode: `MaxEncodedLen`)
	fn distribute_staker_rewards() -> Weight {
		// Proof size (bytes): measured `3647`, estimated `16104`.
		// Fastest run: 552_125_000 ps.
		Weight::from_parts(934_081_000, 16104)
			.saturating_add(T::DbWeight::get().reads(28))
			.saturating_add(T::DbWeight::get().writes(10))
	}
	/// Storage: `Assets::Account` (r:1 w:1)
	/// Proof: `Assets::Account` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Asset` (r:1 w:1)
	/// Proof: `Assets::Asset` (`max_values`: None, `max_size`: Some(210), added: 2685, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	fn open_asset_account() -> Weight {
		// Proof size (bytes): measured `694`, estimated `3675`.
		// Fastest run: 82_833_000 ps.
		Weight::from_parts(155_639_000, 3675)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// Storage: `Rewards::Streams` (r:1 w:0)
	/// Proof: `Rewards::Streams` (`max_values`: None, `max_size`: Some(65), added: 2540, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::Cursors` (r:1 w:1)
	/// Proof: `Rewards::Cursors` (`max_values`: None, `max_size`: Some(109), added: 2584, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::Distributions` (r:32 w:32)
	/// Proof: `Rewards::Distributions` (`max_values`: None, `max_size`: Some(125), added: 2600, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::Vaults` (r:1 w:0)
	/// Proof: `Vaults::Vaults` (`max_values`: None, `max_size`: Some(218), added: 2693, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::SharesOfHead` (r:1 w:0)
	/// Proof: `Vaults::SharesOfHead` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::SharesOfPoints` (r:32 w:0)
	/// Proof: `Vaults::SharesOfPoints` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Asset` (r:1 w:1)
	/// Proof: `Assets::Asset` (`max_values`: None, `max_size`: Some(210), added: 2685, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Account` (r:2 w:2)
	/// Proof: `Assets::Account` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::Owed` (r:1 w:1)
	/// Proof: `Rewards::Owed` (`max_values`: None, `max_size`: Some(37), added: 2512, mode: `MaxEncodedLen`)
	/// Component `n` ranges over `[1, 32]`.
	fn claim_staker_rewards(n: u32, ) -> Weight {
		// Proof size (bytes): measured `3038 + n * 112`, estimated `11259 + n * 2600`.
		// Fastest run: 294_600_000 ps.
		Weight::from_parts(405_662_082, 11259)
			// Standard error: 595_601.
			.saturating_add(Weight::from_parts(76_990_817, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(12))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(5))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2600).saturating_mul(n.into()))
	}
	/// Storage: `Vaults::Vaults` (r:1 w:0)
	/// Proof: `Vaults::Vaults` (`max_values`: None, `max_size`: Some(218), added: 2693, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::RoleHolders` (r:1 w:0)
	/// Proof: `Vaults::RoleHolders` (`max_values`: None, `max_size`: Some(69), added: 2544, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::AdminFee` (r:1 w:1)
	/// Proof: `Rewards::AdminFee` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	fn set_admin_fee() -> Weight {
		// Proof size (bytes): measured `988`, estimated `3683`.
		// Fastest run: 99_105_000 ps.
		Weight::from_parts(159_171_000, 3683)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Vaults::Vaults` (r:1 w:0)
	/// Proof: `Vaults::Vaults` (`max_values`: None, `max_size`: Some(218), added: 2693, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::RoleHolders` (r:1 w:0)
	/// Proof: `Vaults::RoleHolders` (`max_values`: None, `max_size`: Some(69), added: 2544, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::CuratorFees` (r:1 w:1)
	/// Proof: `Rewards::CuratorFees` (`max_values`: None, `max_size`: Some(49), added: 2524, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Asset` (r:1 w:1)
	/// Proof: `Assets::Asset` (`max_values`: None, `max_size`: Some(210), added: 2685, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Account` (r:2 w:2)
	/// Proof: `Assets::Account` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::Owed` (r:1 w:1)
	/// Proof: `Rewards::Owed` (`max_values`: None, `max_size`: Some(37), added: 2512, mode: `MaxEncodedLen`)
	fn claim_admin_fee() -> Weight {
		// Proof size (bytes): measured `1800`, estimated `6208`.
		// Fastest run: 181_310_000 ps.
		Weight::from_parts(305_590_000, 6208)
			.saturating_add(T::DbWeight::get().reads(7))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	/// Storage: `Registry::Networks` (r:1 w:0)
	/// Proof: `Registry::Networks` (`max_values`: None, `max_size`: Some(359), added: 2834, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::Owed` (r:2 w:1)
	/// Proof: `Rewards::Owed` (`max_values`: None, `max_size`: Some(37), added: 2512, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Asset` (r:1 w:1)
	/// Proof: `Assets::Asset` (`max_values`: None, `max_size`: Some(210), added: 2685, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Account` (r:2 w:2)
	/// Proof: `Assets::Account` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::OperatorRewards` (r:64 w:64)
	/// Proof: `Rewards::OperatorRewards` (`max_values`: None, `max_size`: Some(133), added: 2608, mode: `MaxEncodedLen`)
	/// Component `n` ranges over `[1, 64]`.
	fn distribute_operator_rewards(n: u32, ) -> Weight {
		// Proof size (bytes): measured `1437`, estimated `6208 + n * 2608`.
		// Fastest run: 394_169_000 ps.
		Weight::from_parts(447_111_325, 6208)
			// Standard error: 126_545.
			.saturating_add(Weight::from_parts(14_578_651, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(7))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(5))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2608).saturating_mul(n.into()))
	}
	/// Storage: `Registry::Networks` (r:1 w:0)
	/// Proof: `Registry::Networks` (`max_values`: None, `max_size`: Some(359), added: 2834, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::Vaults` (r:1 w:0)
	/// Proof: `Vaults::Vaults` (`max_values`: None, `max_size`: Some(218), added: 2693, mode: `MaxEncodedLen`)
	/// Storage: `Registry::OptInHistories` (r:128 w:0)
	/// Proof: `Registry::OptInHistories` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::TotalSharesHead` (r:1 w:0)
	/// Proof: `Delegation::TotalSharesHead` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::TotalSharesPoints` (r:1 w:0)
	/// Proof: `Delegation::TotalSharesPoints` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::OperatorSharesHead` (r:64 w:0)
	/// Proof: `Delegation::OperatorSharesHead` (`max_values`: None, `max_size`: Some(100), added: 2575, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::OperatorSharesPoints` (r:64 w:0)
	/// Proof: `Delegation::OperatorSharesPoints` (`max_values`: None, `max_size`: Some(120), added: 2595, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::NetworkLimitHead` (r:1 w:0)
	/// Proof: `Delegation::NetworkLimitHead` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Delegation::NetworkLimitPoints` (r:1 w:0)
	/// Proof: `Delegation::NetworkLimitPoints` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::ActiveStakeHead` (r:1 w:0)
	/// Proof: `Vaults::ActiveStakeHead` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::ActiveStakePoints` (r:6 w:0)
	/// Proof: `Vaults::ActiveStakePoints` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::Owed` (r:2 w:1)
	/// Proof: `Rewards::Owed` (`max_values`: None, `max_size`: Some(37), added: 2512, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Asset` (r:1 w:1)
	/// Proof: `Assets::Asset` (`max_values`: None, `max_size`: Some(210), added: 2685, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Account` (r:2 w:2)
	/// Proof: `Assets::Account` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::OperatorRewards` (r:64 w:64)
	/// Proof: `Rewards::OperatorRewards` (`max_values`: None, `max_size`: Some(133), added: 2608, mode: `MaxEncodedLen`)
	/// Component `n` ranges over `[1, 64]`.
	fn distribute_operator_rewards_by_stake(n: u32, ) -> Weight {
		// Proof size (bytes): measured `3851 + n * 356`, estimated `16104 + n * 5484`.
		// Fastest run: 484_339_000 ps.
		Weight::from_parts(659_637_701, 16104)
			// Standard error: 838_729.
			.saturating_add(Weight::from_parts(161_663_973, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(19))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(5))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 5484).saturating_mul(n.into()))
	}
	/// Storage: `Rewards::OperatorRewards` (r:1 w:1)
	/// Proof: `Rewards::OperatorRewards` (`max_values`: None, `max_size`: Some(133), added: 2608, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Asset` (r:1 w:1)
	/// Proof: `Assets::Asset` (`max_values`: None, `max_size`: Some(210), added: 2685, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Account` (r:2 w:2)
	/// Proof: `Assets::Account` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::Owed` (r:1 w:1)
	/// Proof: `Rewards::Owed` (`max_values`: None, `max_size`: Some(37), added: 2512, mode: `MaxEncodedLen`)
	fn claim_operator_rewards() -> Weight {
		// Proof size (bytes): measured `1103`, estimated `6208`.
		// Fastest run: 167_601_000 ps.
		Weight::from_parts(306_814_000, 6208)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	/// Storage: `Rewards::Streams` (r:1 w:1)
	/// Proof: `Rewards::Streams` (`max_values`: None, `max_size`: Some(65), added: 2540, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::Distributions` (r:1 w:1)
	/// Proof: `Rewards::Distributions` (`max_values`: None, `max_size`: Some(125), added: 2600, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Asset` (r:1 w:1)
	/// Proof: `Assets::Asset` (`max_values`: None, `max_size`: Some(210), added: 2685, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Account` (r:2 w:2)
	/// Proof: `Assets::Account` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::Owed` (r:1 w:1)
	/// Proof: `Rewards::Owed` (`max_values`: None, `max_size`: Some(37), added: 2512, mode: `MaxEncodedLen`)
	fn expire_distribution() -> Weight {
		// Proof size (bytes): measured `1177`, estimated `6208`.
		// Fastest run: 167_799_000 ps.
		Weight::from_parts(302_838_000, 6208)
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(6))
	}
}
