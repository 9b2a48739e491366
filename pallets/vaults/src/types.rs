// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Records of the vaults pallet and the configuration a vault is created with.

use crate::Config;
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::BoundedVec;
use rampart_primitives::{epochs::EpochClock, shares::to_assets};
pub use rampart_primitives::{DelegatorKind, Role, SlasherKind};
use scale_info::TypeInfo;
use sp_runtime::Rounding;

/// Block numbers as the restaking pallets' one clock counts them.
pub use rampart_primitives::clock::BlockNumberOf;

/// Where slashed collateral goes.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	PartialEq,
	Eq,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum Burner<AccountId, BlockNumber> {
	/// Burned: total issuance goes down.
	Burn,
	/// Sent to this account (redistribution). If the transfer cannot be made (say, the amount is
	/// below what would create the account), the collateral is burned instead, so that a burner
	/// can never block a slash.
	Account(AccountId),
	/// Sent to a receiver chosen per slash: the one set for the (network, operator) slashed, else
	/// the one set for the network, else the fallback (the reference's `BurnerRouter`). Holders
	/// of [`Role::BurnerRouterSetter`] change receivers; a change takes effect `delay` blocks
	/// after it is made, so that stakers and networks see it coming. A receiver that cannot take
	/// the collateral gets it burned instead, as with `Account`.
	Router {
		/// The initial fallback receiver (it may be changed later, with the delay).
		fallback: AccountId,
		/// Blocks between a receiver change and its effect; immutable.
		delay: BlockNumber,
	},
}

/// The key of a router burner's receiver.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub enum Route<AccountId> {
	/// Slashes no other route matches.
	Fallback,
	/// Slashes by this network.
	Network(AccountId),
	/// Slashes of this operator by this network.
	Operator {
		/// The network.
		network: AccountId,
		/// The operator.
		operator: AccountId,
	},
}

/// A router receiver change waiting for its delay.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct PendingReceiver<AccountId, BlockNumber> {
	/// The new receiver; `None` removes the route.
	pub receiver: Option<AccountId>,
	/// The block from which it applies.
	pub at: BlockNumber,
}

/// A router burner's receiver on one route: the one in force, and a change that applies at its
/// block without anyone acting (the reference's auto-accepted pending receiver).
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct RouteEntry<AccountId, BlockNumber> {
	/// The receiver in force until `pending` applies; `None` defers to the next route.
	pub current: Option<AccountId>,
	/// A change not in force yet.
	pub pending: Option<PendingReceiver<AccountId, BlockNumber>>,
}

impl<AccountId: Clone, BlockNumber: PartialOrd> RouteEntry<AccountId, BlockNumber> {
	/// The receiver in force at block `now`.
	pub fn receiver_at(&self, now: &BlockNumber) -> Option<AccountId> {
		match &self.pending {
			Some(p) if p.at <= *now => p.receiver.clone(),
			_ => self.current.clone(),
		}
	}

	/// Applies a change whose block has come.
	pub fn settle(&mut self, now: &BlockNumber) {
		if self.pending.as_ref().is_some_and(|p| p.at <= *now) {
			self.current = self.pending.take().and_then(|p| p.receiver);
		}
	}
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
	pub burner: Burner<AccountId, BlockNumber>,
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
	/// Where slashed collateral goes; immutable (a router's receivers change, with its delay).
	pub burner: Burner<AccountId, BlockNumber>,
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

/// A vault's active stake `A` and active shares `S`, kept as one history: a deposit or a
/// withdrawal changes both in the same block, so one entry serves both. The history also carries
/// what ever left `A` for the withdrawal buckets, which a withdrawal changes with them, so that
/// neither a deposit nor a withdrawal writes the vault's ledger.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct ActivePool {
	/// Active stake `A`.
	pub stake: u128,
	/// Active shares `S`.
	pub shares: u128,
	/// Collateral ever moved from `A` into withdrawal buckets.
	pub withdrawn: u128,
}

/// An epoch's withdrawal bucket: its collateral `W[e]`, claimable once the epoch ends, and its
/// withdrawal shares `WS[e]`. One item, since a withdrawal changes both.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct WithdrawalBucket {
	/// Collateral in the bucket, `W[e]` (less what slashes took; claims do not lower it).
	pub amount: u128,
	/// Withdrawal shares of the bucket, `WS[e]`.
	pub shares: u128,
}

impl WithdrawalBucket {
	/// What `shares` withdrawal shares of this bucket are worth, rounded down (`None` on
	/// overflow).
	pub fn assets_of(&self, shares: u128) -> Option<u128> {
		to_assets(shares, self.amount, self.shares, Rounding::Down)
	}
}

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
///
/// What was ever deposited is not stored: it is the active stake plus what ever left it
/// (withdrawals, slashes of active stake), [`VaultLedger::deposited`]; what ever left for the
/// withdrawal buckets is kept with the active stake ([`ActivePool::withdrawn`]). A deposit or a
/// withdrawal, which writes the active stake's history anyway, writes no ledger.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct VaultLedger {
	/// Collateral ever slashed from the active stake (the rest of `slashed` came from
	/// withdrawal buckets).
	pub slashed_active: u128,
	/// Collateral ever paid out by claims.
	pub claimed: u128,
	/// Collateral ever slashed (taken from the stakers' accounting).
	pub slashed: u128,
	/// Slashed collateral that could not leave the vault yet (its account was frozen by the
	/// asset's freezer) and is owed to the burner; `release_slashed` moves it. The sum of
	/// `PendingSlashed` over its destinations.
	pub pending_burn: u128,
}

impl VaultLedger {
	/// Collateral ever deposited into a vault whose active pool is `pool`: every unit deposited
	/// is still active, was moved into a withdrawal bucket, or was slashed from the active stake.
	pub fn deposited(&self, pool: &ActivePool) -> u128 {
		pool.stake.saturating_add(pool.withdrawn).saturating_add(self.slashed_active)
	}
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

/// A deposit made at genesis.
#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GenesisDeposit<AccountId> {
	/// Who deposits (and gets the shares); must hold the amount.
	pub depositor: AccountId,
	/// How much collateral.
	pub amount: u128,
}

/// A vault created at genesis, of any kind, as `create_vault` would create it: its creator
/// becomes its admin (who grants the other roles) and pays the deposit and reserve. Block counts
/// are plain numbers in a chain spec.
#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GenesisVault<AccountId, AssetKind> {
	/// The creator.
	pub creator: AccountId,
	/// The collateral.
	pub collateral: AssetKind,
	/// Epoch length in blocks, within the pallet's bounds.
	pub epoch_duration: u32,
	/// How stake is allocated.
	pub delegator: DelegatorKind<AccountId>,
	/// How networks slash.
	pub slasher: SlasherKind<u32>,
	/// Where slashed collateral goes.
	pub burner: Burner<AccountId, u32>,
	/// Initial deposits, in order.
	pub deposits: Vec<GenesisDeposit<AccountId>>,
}

impl<AccountId, AssetKind> GenesisVault<AccountId, AssetKind> {
	/// The configuration `create_vault` takes for this vault, its creator the only role holder
	/// (as admin).
	pub fn config<BlockNumber: From<u32>, MaxRoles: frame_support::traits::Get<u32>>(
		&self,
	) -> VaultConfig<AccountId, AssetKind, BlockNumber, BoundedVec<(Role, AccountId), MaxRoles>>
	where
		AccountId: Clone,
		AssetKind: Clone,
	{
		VaultConfig {
			collateral: self.collateral.clone(),
			epoch_duration: self.epoch_duration.into(),
			delegator: self.delegator.clone(),
			slasher: match self.slasher {
				SlasherKind::None => SlasherKind::None,
				SlasherKind::Instant => SlasherKind::Instant,
				SlasherKind::Veto { veto_duration, resolver_set_epochs_delay } => {
					SlasherKind::Veto {
						veto_duration: veto_duration.into(),
						resolver_set_epochs_delay,
					}
				},
			},
			burner: match &self.burner {
				Burner::Burn => Burner::Burn,
				Burner::Account(to) => Burner::Account(to.clone()),
				Burner::Router { fallback, delay } => {
					Burner::Router { fallback: fallback.clone(), delay: (*delay).into() }
				},
			},
			deposit_whitelist: false,
			is_deposit_limit: false,
			deposit_limit: 0,
			roles: BoundedVec::truncate_from(alloc::vec![(Role::Admin, self.creator.clone())]),
		}
	}
}
