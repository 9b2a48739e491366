// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Records of the vaults pallet and the configuration a vault is created with.

use crate::Config;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::BoundedVec;
use rampart_primitives::epochs::EpochClock;
pub use rampart_primitives::{DelegatorKind, Role, SlasherKind};
use scale_info::TypeInfo;
use sp_runtime::traits::BlockNumberProvider;

/// Block numbers as the pallet's [`Config::BlockNumberProvider`] counts them; epochs are counted
/// in the same type.
pub type BlockNumberOf<T> =
	<<T as Config>::BlockNumberProvider as BlockNumberProvider>::BlockNumber;

/// Where slashed collateral goes.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub enum Burner<AccountId> {
	/// Burned: total issuance goes down.
	Burn,
	/// Sent to this account (redistribution). If the transfer cannot be made (say, the amount is
	/// below what would create the account), the collateral is burned instead, so that a burner
	/// can never block a slash.
	Account(AccountId),
}

/// Everything a vault is created with. `Roles` is the bounded list of initial role holders.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct VaultConfig<AccountId, AssetKind, BlockNumber, Roles> {
	/// The collateral: the native token or any asset that exists and is not deny-listed.
	pub collateral: AssetKind,
	/// Epoch length in blocks, within the pallet's bounds.
	pub epoch_duration: BlockNumber,
	/// How stake is allocated.
	pub delegator: DelegatorKind<AccountId>,
	/// How networks slash.
	pub slasher: SlasherKind<BlockNumber>,
	/// Where slashed collateral goes.
	pub burner: Burner<AccountId>,
	/// Whether only whitelisted accounts may deposit.
	pub deposit_whitelist: bool,
	/// Whether deposits are capped by `deposit_limit`.
	pub is_deposit_limit: bool,
	/// The cap on active stake when `is_deposit_limit`.
	pub deposit_limit: u128,
	/// The initial role holders: `(Role, AccountId)` pairs.
	pub roles: Roles,
}

/// A vault's settings, as stored.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct VaultInfo<AccountId, AssetKind, BlockNumber, Ticket> {
	/// Who created the vault and holds its creation deposit.
	pub creator: AccountId,
	/// The collateral; immutable.
	pub collateral: AssetKind,
	/// The epoch clock: created at `start`, `duration` blocks per epoch; immutable.
	pub clock: EpochClock<BlockNumber>,
	/// How stake is allocated; immutable.
	pub delegator: DelegatorKind<AccountId>,
	/// How networks slash; immutable.
	pub slasher: SlasherKind<BlockNumber>,
	/// Where slashed collateral goes; immutable.
	pub burner: Burner<AccountId>,
	/// Whether only whitelisted accounts may deposit.
	pub deposit_whitelist: bool,
	/// Whether deposits are capped by `deposit_limit`.
	pub is_deposit_limit: bool,
	/// The cap on active stake when `is_deposit_limit`.
	pub deposit_limit: u128,
	/// The collateral left in the vault account so it is never reaped; never stake.
	pub reserve: u128,
	/// The creation deposit held from the creator.
	pub deposit: Ticket,
}

/// A [`VaultInfo`] of runtime `T`.
pub type VaultInfoOf<T> = VaultInfo<
	<T as frame_system::Config>::AccountId,
	<T as Config>::AssetKind,
	BlockNumberOf<T>,
	<T as Config>::Consideration,
>;

/// A [`VaultConfig`] of runtime `T`.
pub type VaultConfigOf<T> = VaultConfig<
	<T as frame_system::Config>::AccountId,
	<T as Config>::AssetKind,
	BlockNumberOf<T>,
	BoundedVec<(Role, <T as frame_system::Config>::AccountId), <T as Config>::MaxInitialRoles>,
>;

/// A claimer's position in one epoch's withdrawal bucket.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct WithdrawalPosition {
	/// Withdrawal shares of the bucket.
	pub shares: u128,
	/// Whether the position was paid.
	pub claimed: bool,
}

/// Totals that must balance (PROTOCOL 6.1 item 7): the vault account holds
/// `reserve + deposited − claimed − slashed + pending_burn`.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct VaultLedger {
	/// Collateral ever deposited.
	pub deposited: u128,
	/// Collateral ever moved into withdrawal buckets.
	pub withdrawn: u128,
	/// Collateral ever paid out by claims.
	pub claimed: u128,
	/// Collateral ever slashed (taken from the stakers' accounting).
	pub slashed: u128,
	/// Slashed collateral that could not leave the vault yet (its account was frozen by the
	/// asset's freezer) and is owed to the burner; `release_slashed` moves it.
	pub pending_burn: u128,
}

/// Gives the benchmarks a collateral other than the native token.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AssetKind, AccountId> {
	/// An existing non-native asset (created if needed) that accounts can be minted.
	fn collateral() -> AssetKind;
	/// Makes `operator` a registered operator and `network` a registered network, for vaults
	/// bound to them.
	fn register(operator: &AccountId, network: &AccountId);
}
