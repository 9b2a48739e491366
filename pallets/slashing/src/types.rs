// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Records of the slashing pallet.

use crate::Config;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use rampart_primitives::{Subnetwork, VaultId};
use scale_info::TypeInfo;

/// Block numbers as the restaking pallets' one clock counts them.
pub use rampart_primitives::clock::BlockNumberOf;

/// A subnetwork of runtime `T`.
pub type SubnetworkOf<T> = Subnetwork<<T as frame_system::Config>::AccountId>;

/// A slash request's id, counted up from zero across all vaults.
pub type RequestId = u64;

/// Where a veto request is in its life.
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
pub enum RequestStatus<BlockNumber> {
	/// Waiting for its veto deadline, a veto, or execution.
	Pending,
	/// The resolver vetoed it.
	Vetoed,
	/// It was executed: `slashed` taken from the operator's budget, `moved` actually left the
	/// vault (less than `slashed` when other slashes emptied the pool first).
	Executed {
		/// The amount slashed, at most the request's amount.
		slashed: u128,
		/// The collateral the vault moved to its burner.
		moved: u128,
		/// The block it was executed in.
		at: BlockNumber,
	},
	/// Its execution window (capture + one epoch) ended while it was pending.
	Expired,
}

/// A slash requested through a veto slasher.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct SlashRequest<AccountId, BlockNumber> {
	/// The vault to slash.
	pub vault: VaultId,
	/// The subnetwork that slashes.
	pub subnetwork: Subnetwork<AccountId>,
	/// The slashed operator.
	pub operator: AccountId,
	/// The amount requested, already capped by what was slashable at request time.
	pub amount: u128,
	/// The block whose stake is slashed.
	pub capture: BlockNumber,
	/// The block from which it may be executed if a resolver watches the subnetwork.
	pub veto_deadline: BlockNumber,
	/// Where it stands (never `Expired` in storage: that is computed from the block).
	pub status: RequestStatus<BlockNumber>,
}

/// The most resolver entries kept per (vault, subnetwork): the one in force at the start of the
/// slashing window, later ones, and one pending change.
pub const MAX_RESOLVER_ENTRIES: u32 = 4;

/// Who may veto a subnetwork's slash requests in a vault, from which block on; the last entry
/// may lie in the future (a pending change). `None` entries remove the resolver.
pub type ResolverHistory<AccountId, BlockNumber> =
	BoundedVec<(BlockNumber, Option<AccountId>), ConstU32<MAX_RESOLVER_ENTRIES>>;

/// Sets up the chain state the benchmarks need, through whatever pallets the runtime has.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId, BlockNumber> {
	/// Registers `network` with `middleware` as its middleware and `operator` as an operator,
	/// creates a vault with this slasher kind (and an epoch of `epoch` blocks) holding stake, and
	/// gives `operator` a non-zero stake in `network`'s main subnetwork from the current block
	/// on. Returns the vault.
	fn setup(
		slasher: rampart_primitives::SlasherKind<BlockNumber>,
		epoch: BlockNumber,
		network: &AccountId,
		middleware: &AccountId,
		operator: &AccountId,
	) -> VaultId;
}

/// A vault as [`Config::Vaults`] shows it, read once.
pub type VaultViewOf<T> = rampart_primitives::traits::VaultView<
	<T as frame_system::Config>::AccountId,
	<<T as Config>::Vaults as rampart_primitives::traits::VaultsInspect<
		<T as frame_system::Config>::AccountId,
		BlockNumberOf<T>,
	>>::AssetKind,
	BlockNumberOf<T>,
>;
