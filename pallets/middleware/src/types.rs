// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The middleware's records: valuations and their history points, feeds, the operator set
//! policy, admission, and the power views.

use crate::Config;
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::Get, BoundedVec, CloneNoBound, DebugNoBound, PartialEqNoBound};
use rampart_primitives::{checkpoints::Trace, Subnetwork, VaultId};
use scale_info::TypeInfo;
use sp_runtime::{FixedU128, Perbill};

pub use rampart_primitives::clock::BlockNumberOf;

/// A subnetwork of this runtime's accounts.
pub type SubnetworkOf<T> = Subnetwork<<T as frame_system::Config>::AccountId>;

/// A price: network power units per base unit of a collateral, 18 decimals of precision.
pub type Price = FixedU128;

/// Entries kept in one membership history (a vault accepted or an operator admitted, and
/// removed) inside the retention window.
pub const MAX_MEMBERSHIP_CHANGES: u32 = 8;

/// Entries kept in one policy or commission history inside the retention window.
pub const MAX_POLICY_CHANGES: u32 = 16;

/// A membership history: `true` from each admission, `false` from each removal.
pub type MembershipOf<T> =
	Trace<BlockNumberOf<T>, bool, frame_support::traits::ConstU32<MAX_MEMBERSHIP_CHANGES>>;

/// The history of a subnetwork's operator set policy.
pub type PolicyHistoryOf<T> =
	Trace<BlockNumberOf<T>, OperatorSetPolicy, frame_support::traits::ConstU32<MAX_POLICY_CHANGES>>;

/// The history of an operator's commission; changes are keyed at the block they take effect.
pub type CommissionHistoryOf<T> =
	Trace<BlockNumberOf<T>, Perbill, frame_support::traits::ConstU32<MAX_POLICY_CHANGES>>;

/// What a price that is too old is worth.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum StalePolicy {
	/// Nothing: the collateral gives no power until a fresh price arrives.
	Zero,
	/// This fallback price.
	Fallback(Price),
}

/// What happens to a price change larger than the allowed step.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum StepPolicy {
	/// The update is refused with [`crate::Error::PriceStepTooLarge`].
	Refuse,
	/// The update is clamped to the previous price plus or minus the step.
	Clamp,
}

/// The largest change one price update may make, as a share of the previous price.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub struct StepLimit {
	/// The largest change, relative to the previous price.
	pub max_step: Perbill,
	/// Refuse or clamp a larger change.
	pub policy: StepPolicy,
}

/// Where a collateral's price comes from.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	CloneNoBound,
	PartialEqNoBound,
	DebugNoBound,
)]
#[scale_info(skip_type_params(MaxFeeders))]
#[codec(mel_bound(AccountId: MaxEncodedLen))]
pub enum PriceSource<AccountId: Clone + PartialEq + core::fmt::Debug, MaxFeeders: Get<u32>> {
	/// The network sets it (`set_price`).
	Network,
	/// The median of the fresh posts of these feeders (`post_price`), once at least `quorum` of
	/// them are fresh.
	Feeders {
		/// The accounts whose posts count.
		feeders: BoundedVec<AccountId, MaxFeeders>,
		/// The fewest fresh posts a median needs; fewer leave the previous price to go stale.
		quorum: u32,
	},
}

/// How a subnetwork values one collateral: what the network configures.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	CloneNoBound,
	PartialEqNoBound,
	DebugNoBound,
)]
#[scale_info(skip_type_params(MaxFeeders))]
#[codec(mel_bound(AccountId: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
pub struct ValuationConfig<
	AccountId: Clone + PartialEq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + core::fmt::Debug,
	MaxFeeders: Get<u32>,
> {
	/// The share of the collateral's value that gives no power.
	pub haircut: Perbill,
	/// Who sets the price.
	pub source: PriceSource<AccountId, MaxFeeders>,
	/// How many blocks a price stays fresh; `None`: it never goes stale.
	pub staleness: Option<BlockNumber>,
	/// What a stale price is worth.
	pub on_stale: StalePolicy,
	/// The largest change one update may make; `None`: any change.
	pub max_step: Option<StepLimit>,
}

/// A valuation configuration of this runtime.
pub type ValuationConfigOf<T> = ValuationConfig<
	<T as frame_system::Config>::AccountId,
	BlockNumberOf<T>,
	<T as Config>::MaxFeeders,
>;

/// The valuation of a collateral from one block on: everything a lookup at a later block needs,
/// so that changing the configuration never changes the value at a past block.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub struct ValuationPoint<BlockNumber> {
	/// The price, if one was ever set.
	pub price: Option<Price>,
	/// The block the price was set (or its median computed) at.
	pub priced_at: BlockNumber,
	/// The share of the value that gives no power.
	pub haircut: Perbill,
	/// How many blocks the price stays fresh; `None`: it never goes stale.
	pub staleness: Option<BlockNumber>,
	/// What the price is worth once stale.
	pub on_stale: StalePolicy,
}

/// One feeder's latest post.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub struct FeedPost<AccountId, BlockNumber> {
	/// The feeder.
	pub feeder: AccountId,
	/// The price it posted.
	pub price: Price,
	/// The block it posted at.
	pub at: BlockNumber,
}

/// A feed's posts, one per feeder.
pub type PostsOf<T> = BoundedVec<
	FeedPost<<T as frame_system::Config>::AccountId, BlockNumberOf<T>>,
	<T as Config>::MaxFeeders,
>;

/// How a subnetwork's operator set is formed from operator power.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OperatorSetPolicy {
	/// The most operators in the set (at most `MaxOperatorsPerSubnetwork`).
	pub max_operators: u32,
	/// The least power an operator needs to qualify.
	pub min_power: u128,
	/// The largest share of the set's total (capped) power one operator may hold.
	pub cap: Perbill,
}

impl Default for OperatorSetPolicy {
	/// No cap, no minimum, as many operators as the bound allows.
	fn default() -> Self {
		Self { max_operators: u32::MAX, min_power: 0, cap: Perbill::one() }
	}
}

/// Who may join a subnetwork's operator set.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum Admission {
	/// Any registered operator opted into the network in the registry.
	#[default]
	OptedIn,
	/// Only operators on the network's allowlist.
	Allowlist,
}

/// One vault's part of an operator's power at a block.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct VaultPower {
	/// The vault.
	pub vault: VaultId,
	/// The stake the vault gives the operator in the subnetwork, in collateral.
	pub stake: u128,
	/// That stake valued: its power.
	pub power: u128,
}

/// An operator's place in an operator set.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct OperatorPower<AccountId> {
	/// The operator.
	pub operator: AccountId,
	/// Its power before the cap.
	pub power: u128,
	/// Its power after the cap: what the set counts.
	pub capped: u128,
}

/// A subnetwork's operator set at a block, ordered by capped power (then power, then account).
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct OperatorSet<AccountId> {
	/// The operators, strongest first.
	pub operators: Vec<OperatorPower<AccountId>>,
	/// The sum of their capped power.
	pub total: u128,
	/// The power the cap cut: the sum of `power - capped`. Never handed to anyone.
	pub cut: u128,
}

impl<AccountId> Default for OperatorSet<AccountId> {
	fn default() -> Self {
		Self { operators: Default::default(), total: 0, cut: 0 }
	}
}

/// What the benchmarks need from the runtime: registered networks and operators, and vaults in
/// which operators have stake.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId, AssetKind> {
	/// Makes `network` a registered network whose registry middleware is `middleware`.
	fn network(network: &AccountId, middleware: &AccountId);
	/// Makes `operator` a registered operator opted into `network`, with funds for its deposit.
	fn operator(operator: &AccountId, network: &AccountId);
	/// A vault (the `index`-th the benchmark asks for) in which each of `operators` (registered
	/// and opted into `network`) has stake in `network`'s main subnetwork from now on, and a
	/// staker holds shares. Returns the vault and its collateral.
	fn vault(index: u32, network: &AccountId, operators: &[AccountId]) -> (VaultId, AssetKind);
	/// Gives `who` plenty of `asset`, to pay rewards with.
	fn fund(asset: &AssetKind, who: &AccountId);
}

/// A collateral's valuation at genesis: set by the network, never stale, any step.
#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GenesisValuation<AssetKind> {
	/// The collateral.
	pub asset: AssetKind,
	/// Its price in power units per base unit.
	pub price: Price,
	/// The share of its value that gives no power.
	pub haircut: Perbill,
}

/// A subnetwork configured at genesis.
#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GenesisSubnetwork<AccountId, AssetKind> {
	/// The subnetwork (of a registered network).
	pub subnetwork: Subnetwork<AccountId>,
	/// The vaults it accepts (genesis vaults, or vaults of the genesis of the vaults pallet).
	pub vaults: Vec<VaultId>,
	/// How it values collaterals.
	pub valuations: Vec<GenesisValuation<AssetKind>>,
	/// Its operator set policy, if not the default.
	pub policy: Option<OperatorSetPolicy>,
	/// Operators that join it at genesis (each admissible, as `join` requires, and holding the
	/// admission deposit): members from block 1.
	#[serde(default = "Vec::new")]
	pub operators: Vec<AccountId>,
}
