// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Default weights of `pallet_rampart_vaults`: the numbers of
//! `runtime/src/weights/pallet_rampart_vaults.rs`, measured on the Rampart reference runtime, as this
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
	/// Storage: `Assets::Asset` (r:1 w:1)
	/// Proof: `Assets::Asset` (`max_values`: None, `max_size`: Some(210), added: 2685, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::DeniedCollateral` (r:1 w:0)
	/// Proof: `Vaults::DeniedCollateral` (`max_values`: None, `max_size`: Some(21), added: 2496, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Operators` (r:1 w:0)
	/// Proof: `Registry::Operators` (`max_values`: None, `max_size`: Some(326), added: 2801, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Networks` (r:1 w:0)
	/// Proof: `Registry::Networks` (`max_values`: None, `max_size`: Some(359), added: 2834, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::NextVaultId` (r:1 w:1)
	/// Proof: `Vaults::NextVaultId` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Account` (r:2 w:2)
	/// Proof: `Assets::Account` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::RoleHolders` (r:0 w:16)
	/// Proof: `Vaults::RoleHolders` (`max_values`: None, `max_size`: Some(69), added: 2544, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::Vaults` (r:0 w:1)
	/// Proof: `Vaults::Vaults` (`max_values`: None, `max_size`: Some(218), added: 2693, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::RouterReceivers` (r:0 w:1)
	/// Proof: `Vaults::RouterReceivers` (`max_values`: None, `max_size`: Some(164), added: 2639, mode: `MaxEncodedLen`)
	fn create_vault() -> Weight {
		// Proof size (bytes): measured `1316`, estimated `6208`.
		// Fastest run: 465_645_000 ps.
		Weight::from_parts(820_507_000, 6208)
			.saturating_add(T::DbWeight::get().reads(9))
			.saturating_add(T::DbWeight::get().writes(24))
	}
	/// Storage: `Vaults::Vaults` (r:1 w:0)
	/// Proof: `Vaults::Vaults` (`max_values`: None, `max_size`: Some(218), added: 2693, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::ActiveStakeHead` (r:1 w:1)
	/// Proof: `Vaults::ActiveStakeHead` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::ActiveStakePoints` (r:2 w:3)
	/// Proof: `Vaults::ActiveStakePoints` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::ActiveSharesHead` (r:1 w:1)
	/// Proof: `Vaults::ActiveSharesHead` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::ActiveSharesPoints` (r:2 w:3)
	/// Proof: `Vaults::ActiveSharesPoints` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Asset` (r:1 w:1)
	/// Proof: `Assets::Asset` (`max_values`: None, `max_size`: Some(210), added: 2685, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Account` (r:2 w:2)
	/// Proof: `Assets::Account` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::SharesOfHead` (r:1 w:1)
	/// Proof: `Vaults::SharesOfHead` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::SharesOfPoints` (r:2 w:3)
	/// Proof: `Vaults::SharesOfPoints` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::Ledgers` (r:1 w:1)
	/// Proof: `Vaults::Ledgers` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	fn deposit() -> Weight {
		// Proof size (bytes): measured `1854`, estimated `6208`.
		// Fastest run: 262_253_000 ps.
		Weight::from_parts(466_468_000, 6208)
			.saturating_add(T::DbWeight::get().reads(14))
			.saturating_add(T::DbWeight::get().writes(16))
	}
	/// Storage: `Vaults::Vaults` (r:1 w:0)
	/// Proof: `Vaults::Vaults` (`max_values`: None, `max_size`: Some(218), added: 2693, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::ActiveStakeHead` (r:1 w:1)
	/// Proof: `Vaults::ActiveStakeHead` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::ActiveStakePoints` (r:2 w:1)
	/// Proof: `Vaults::ActiveStakePoints` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::ActiveSharesHead` (r:1 w:1)
	/// Proof: `Vaults::ActiveSharesHead` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::ActiveSharesPoints` (r:2 w:1)
	/// Proof: `Vaults::ActiveSharesPoints` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::SharesOfHead` (r:1 w:1)
	/// Proof: `Vaults::SharesOfHead` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::SharesOfPoints` (r:2 w:1)
	/// Proof: `Vaults::SharesOfPoints` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::Withdrawals` (r:1 w:1)
	/// Proof: `Vaults::Withdrawals` (`max_values`: None, `max_size`: Some(40), added: 2515, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::WithdrawalShares` (r:1 w:1)
	/// Proof: `Vaults::WithdrawalShares` (`max_values`: None, `max_size`: Some(40), added: 2515, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::WithdrawalPositions` (r:1 w:1)
	/// Proof: `Vaults::WithdrawalPositions` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::Ledgers` (r:1 w:1)
	/// Proof: `Vaults::Ledgers` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	fn withdraw() -> Weight {
		// Proof size (bytes): measured `1423`, estimated `6108`.
		// Fastest run: 210_493_000 ps.
		Weight::from_parts(373_990_000, 6108)
			.saturating_add(T::DbWeight::get().reads(14))
			.saturating_add(T::DbWeight::get().writes(10))
	}
	/// Storage: `Vaults::Vaults` (r:1 w:0)
	/// Proof: `Vaults::Vaults` (`max_values`: None, `max_size`: Some(218), added: 2693, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::ActiveStakeHead` (r:1 w:1)
	/// Proof: `Vaults::ActiveStakeHead` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::ActiveStakePoints` (r:2 w:1)
	/// Proof: `Vaults::ActiveStakePoints` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::ActiveSharesHead` (r:1 w:1)
	/// Proof: `Vaults::ActiveSharesHead` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::ActiveSharesPoints` (r:2 w:1)
	/// Proof: `Vaults::ActiveSharesPoints` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::SharesOfHead` (r:1 w:1)
	/// Proof: `Vaults::SharesOfHead` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::SharesOfPoints` (r:2 w:1)
	/// Proof: `Vaults::SharesOfPoints` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::Withdrawals` (r:1 w:1)
	/// Proof: `Vaults::Withdrawals` (`max_values`: None, `max_size`: Some(40), added: 2515, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::WithdrawalShares` (r:1 w:1)
	/// Proof: `Vaults::WithdrawalShares` (`max_values`: None, `max_size`: Some(40), added: 2515, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::WithdrawalPositions` (r:1 w:1)
	/// Proof: `Vaults::WithdrawalPositions` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::Ledgers` (r:1 w:1)
	/// Proof: `Vaults::Ledgers` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	fn redeem() -> Weight {
		// Proof size (bytes): measured `1423`, estimated `6108`.
		// Fastest run: 205_274_000 ps.
		Weight::from_parts(354_179_000, 6108)
			.saturating_add(T::DbWeight::get().reads(14))
			.saturating_add(T::DbWeight::get().writes(10))
	}
	/// Storage: `Vaults::Vaults` (r:1 w:0)
	/// Proof: `Vaults::Vaults` (`max_values`: None, `max_size`: Some(218), added: 2693, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::WithdrawalPositions` (r:1 w:1)
	/// Proof: `Vaults::WithdrawalPositions` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::Withdrawals` (r:1 w:0)
	/// Proof: `Vaults::Withdrawals` (`max_values`: None, `max_size`: Some(40), added: 2515, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::WithdrawalShares` (r:1 w:0)
	/// Proof: `Vaults::WithdrawalShares` (`max_values`: None, `max_size`: Some(40), added: 2515, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Asset` (r:1 w:1)
	/// Proof: `Assets::Asset` (`max_values`: None, `max_size`: Some(210), added: 2685, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Account` (r:2 w:2)
	/// Proof: `Assets::Account` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::Ledgers` (r:1 w:1)
	/// Proof: `Vaults::Ledgers` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	fn claim() -> Weight {
		// Proof size (bytes): measured `1450`, estimated `6208`.
		// Fastest run: 150_942_000 ps.
		Weight::from_parts(271_380_000, 6208)
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	/// Storage: `Vaults::Vaults` (r:1 w:0)
	/// Proof: `Vaults::Vaults` (`max_values`: None, `max_size`: Some(218), added: 2693, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::WithdrawalPositions` (r:32 w:32)
	/// Proof: `Vaults::WithdrawalPositions` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::Withdrawals` (r:32 w:0)
	/// Proof: `Vaults::Withdrawals` (`max_values`: None, `max_size`: Some(40), added: 2515, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::WithdrawalShares` (r:32 w:0)
	/// Proof: `Vaults::WithdrawalShares` (`max_values`: None, `max_size`: Some(40), added: 2515, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Asset` (r:1 w:1)
	/// Proof: `Assets::Asset` (`max_values`: None, `max_size`: Some(210), added: 2685, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Account` (r:2 w:2)
	/// Proof: `Assets::Account` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::Ledgers` (r:1 w:1)
	/// Proof: `Vaults::Ledgers` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	/// Component `n` ranges over `[1, 32]`.
	fn claim_batch(n: u32, ) -> Weight {
		// Proof size (bytes): measured `1393 + n * 131`, estimated `6208 + n * 2564`.
		// Fastest run: 175_082_000 ps.
		Weight::from_parts(253_228_560, 6208)
			// Standard error: 253_413.
			.saturating_add(Weight::from_parts(47_101_997, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(4))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2564).saturating_mul(n.into()))
	}
	/// Storage: `Vaults::Vaults` (r:1 w:0)
	/// Proof: `Vaults::Vaults` (`max_values`: None, `max_size`: Some(218), added: 2693, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::SharesOfHead` (r:2 w:2)
	/// Proof: `Vaults::SharesOfHead` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::SharesOfPoints` (r:4 w:6)
	/// Proof: `Vaults::SharesOfPoints` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	fn transfer_shares() -> Weight {
		// Proof size (bytes): measured `1070`, estimated `11226`.
		// Fastest run: 142_497_000 ps.
		Weight::from_parts(241_974_000, 11226)
			.saturating_add(T::DbWeight::get().reads(7))
			.saturating_add(T::DbWeight::get().writes(8))
	}
	/// Storage: `Vaults::Vaults` (r:1 w:1)
	/// Proof: `Vaults::Vaults` (`max_values`: None, `max_size`: Some(218), added: 2693, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::RoleHolders` (r:1 w:0)
	/// Proof: `Vaults::RoleHolders` (`max_values`: None, `max_size`: Some(69), added: 2544, mode: `MaxEncodedLen`)
	fn set_deposit_whitelist() -> Weight {
		// Proof size (bytes): measured `764`, estimated `3683`.
		// Fastest run: 46_186_000 ps.
		Weight::from_parts(90_694_000, 3683)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Vaults::Vaults` (r:1 w:0)
	/// Proof: `Vaults::Vaults` (`max_values`: None, `max_size`: Some(218), added: 2693, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::RoleHolders` (r:1 w:0)
	/// Proof: `Vaults::RoleHolders` (`max_values`: None, `max_size`: Some(69), added: 2544, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::DepositorWhitelist` (r:1 w:1)
	/// Proof: `Vaults::DepositorWhitelist` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	fn set_depositor_whitelist_status() -> Weight {
		// Proof size (bytes): measured `760`, estimated `3683`.
		// Fastest run: 51_242_000 ps.
		Weight::from_parts(101_859_000, 3683)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Vaults::Vaults` (r:1 w:1)
	/// Proof: `Vaults::Vaults` (`max_values`: None, `max_size`: Some(218), added: 2693, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::RoleHolders` (r:1 w:0)
	/// Proof: `Vaults::RoleHolders` (`max_values`: None, `max_size`: Some(69), added: 2544, mode: `MaxEncodedLen`)
	fn set_is_deposit_limit() -> Weight {
		// Proof size (bytes): measured `760`, estimated `3683`.
		// Fastest run: 45_235_000 ps.
		Weight::from_parts(97_894_000, 3683)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Vaults::Vaults` (r:1 w:1)
	/// Proof: `Vaults::Vaults` (`max_values`: None, `max_size`: Some(218), added: 2693, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::RoleHolders` (r:1 w:0)
	/// Proof: `Vaults::RoleHolders` (`max_values`: None, `max_size`: Some(69), added: 2544, mode: `MaxEncodedLen`)
	fn set_deposit_limit() -> Weight {
		// Proof size (bytes): measured `1001`, estimated `3683`.
		// Fastest run: 46_700_000 ps.
		Weight::from_parts(94_010_000, 3683)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Vaults::Vaults` (r:1 w:0)
	/// Proof: `Vaults::Vaults` (`max_values`: None, `max_size`: Some(218), added: 2693, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::RoleHolders` (r:2 w:1)
	/// Proof: `Vaults::RoleHolders` (`max_values`: None, `max_size`: Some(69), added: 2544, mode: `MaxEncodedLen`)
	fn grant_role() -> Weight {
		// Proof size (bytes): measured `727`, estimated `6078`.
		// Fastest run: 57_071_000 ps.
		Weight::from_parts(105_633_000, 6078)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Vaults::Vaults` (r:1 w:0)
	/// Proof: `Vaults::Vaults` (`max_values`: None, `max_size`: Some(218), added: 2693, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::RoleHolders` (r:2 w:1)
	/// Proof: `Vaults::RoleHolders` (`max_values`: None, `max_size`: Some(69), added: 2544, mode: `MaxEncodedLen`)
	fn revoke_role() -> Weight {
		// Proof size (bytes): measured `789`, estimated `6078`.
		// Fastest run: 58_280_000 ps.
		Weight::from_parts(91_248_000, 6078)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Vaults::DeniedCollateral` (r:1 w:1)
	/// Proof: `Vaults::DeniedCollateral` (`max_values`: None, `max_size`: Some(21), added: 2496, mode: `MaxEncodedLen`)
	fn deny_collateral() -> Weight {
		// Proof size (bytes): measured `301`, estimated `3486`.
		// Fastest run: 22_166_000 ps.
		Weight::from_parts(42_884_000, 3486)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Vaults::DeniedCollateral` (r:1 w:1)
	/// Proof: `Vaults::DeniedCollateral` (`max_values`: None, `max_size`: Some(21), added: 2496, mode: `MaxEncodedLen`)
	fn allow_collateral() -> Weight {
		// Proof size (bytes): measured `336`, estimated `3486`.
		// Fastest run: 24_160_000 ps.
		Weight::from_parts(45_847_000, 3486)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Vaults::Vaults` (r:1 w:0)
	/// Proof: `Vaults::Vaults` (`max_values`: None, `max_size`: Some(218), added: 2693, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::PendingSlashed` (r:1 w:1)
	/// Proof: `Vaults::PendingSlashed` (`max_values`: None, `max_size`: Some(77), added: 2552, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Asset` (r:1 w:1)
	/// Proof: `Assets::Asset` (`max_values`: None, `max_size`: Some(210), added: 2685, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Account` (r:2 w:2)
	/// Proof: `Assets::Account` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::Ledgers` (r:1 w:1)
	/// Proof: `Vaults::Ledgers` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	fn release_slashed() -> Weight {
		// Proof size (bytes): measured `1402`, estimated `6208`.
		// Fastest run: 145_165_000 ps.
		Weight::from_parts(253_629_000, 6208)
			.saturating_add(T::DbWeight::get().reads(7))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	/// Storage: `Assets::Account` (r:1 w:1)
	/// Proof: `Assets::Account` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Asset` (r:1 w:1)
	/// Proof: `Assets::Asset` (`max_values`: None, `max_size`: Some(210), added: 2685, mode: `MaxEncodedLen`)
	fn open_asset_account() -> Weight {
		// Proof size (bytes): measured `487`, estimated `3675`.
		// Fastest run: 56_902_000 ps.
		Weight::from_parts(93_594_000, 3675)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// Storage: `Vaults::Vaults` (r:1 w:0)
	/// Proof: `Vaults::Vaults` (`max_values`: None, `max_size`: Some(218), added: 2693, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::RoleHolders` (r:1 w:0)
	/// Proof: `Vaults::RoleHolders` (`max_values`: None, `max_size`: Some(69), added: 2544, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::RouterReceivers` (r:1 w:1)
	/// Proof: `Vaults::RouterReceivers` (`max_values`: None, `max_size`: Some(164), added: 2639, mode: `MaxEncodedLen`)
	fn set_router_receiver() -> Weight {
		// Proof size (bytes): measured `888`, estimated `3683`.
		// Fastest run: 62_819_000 ps.
		Weight::from_parts(108_296_000, 3683)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Vaults::Vaults` (r:1 w:0)
	/// Proof: `Vaults::Vaults` (`max_values`: None, `max_size`: Some(218), added: 2693, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::ActiveStakeHead` (r:1 w:1)
	/// Proof: `Vaults::ActiveStakeHead` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::ActiveStakePoints` (r:1 w:1)
	/// Proof: `Vaults::ActiveStakePoints` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::Withdrawals` (r:2 w:2)
	/// Proof: `Vaults::Withdrawals` (`max_values`: None, `max_size`: Some(40), added: 2515, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::RouterReceivers` (r:3 w:0)
	/// Proof: `Vaults::RouterReceivers` (`max_values`: None, `max_size`: Some(164), added: 2639, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Asset` (r:1 w:1)
	/// Proof: `Assets::Asset` (`max_values`: None, `max_size`: Some(210), added: 2685, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Account` (r:2 w:2)
	/// Proof: `Assets::Account` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Vaults::Ledgers` (r:1 w:1)
	/// Proof: `Vaults::Ledgers` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	/// Component `d` ranges over `[1, 1000]`.
	fn on_slash(d: u32, ) -> Weight {
		// Proof size (bytes): measured `4005`, estimated `8907`.
		// Fastest run: 439_050_000 ps.
		Weight::from_parts(667_996_229, 8907)
			// Standard error: 7_975.
			.saturating_add(Weight::from_parts(41_241, 0).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads(13))
			.saturating_add(T::DbWeight::get().writes(9))
	}
}
