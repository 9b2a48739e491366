// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Records of the rewards pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use rampart_primitives::{Subnetwork, VaultId};
use scale_info::TypeInfo;

/// Block numbers as the restaking pallets' one clock counts them.
pub use rampart_primitives::clock::BlockNumberOf;

/// A subnetwork of runtime `T`.
pub type SubnetworkOf<T> = Subnetwork<<T as frame_system::Config>::AccountId>;

/// The place of a staker distribution in the list of its (vault, network, asset).
pub type DistributionIndex = u32;

/// Fees are in basis points: 10 000 is 100 %.
pub const MAX_FEE: u32 = 10_000;

/// The key of a list of staker distributions: the vault, the network that pays, the asset.
pub type StreamKey<AccountId, AssetKind> = (VaultId, AccountId, AssetKind);

/// A staker distribution: `amount` shared pro rata to the vault's active shares at `snapshot`.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct Distribution<BlockNumber> {
	/// The block whose active shares it is shared by (strictly before it was made).
	pub snapshot: BlockNumber,
	/// The stakers' part, after the curator fee.
	pub amount: u128,
	/// The vault's active shares at `snapshot` (never zero).
	pub total_shares: u128,
	/// What stakers claimed of it so far; never above `amount`.
	pub claimed: u128,
	/// The last block it may be claimed in; after it, what is left goes back to the network.
	pub claimable_until: BlockNumber,
}

/// Sets up a vault with stakers for the benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId, AssetKind> {
	/// An asset other than the native token that accounts can be minted.
	fn asset() -> AssetKind;
	/// Mints plenty of `asset` and of the native token to `who`.
	fn fund(asset: &AssetKind, who: &AccountId);
	/// Makes `network` a network whose middleware is `middleware`.
	fn register_network(network: &AccountId, middleware: &AccountId);
	/// Creates a vault administered by `admin`, in which `staker` deposits at `history` blocks
	/// in a row from the current one (so that its share history has that many entries); the
	/// block number is left after the last deposit.
	fn vault_with_history(admin: &AccountId, staker: &AccountId, history: u32) -> VaultId;
	/// Gives `operator` stake in `subnetwork` from `vault` of `admin` (opt-ins and limits
	/// included).
	fn give_stake(
		admin: &AccountId,
		vault: VaultId,
		subnetwork: &Subnetwork<AccountId>,
		operator: &AccountId,
	);
}

/// A curator fee set at genesis.
#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GenesisAdminFee {
	/// The vault.
	pub vault: VaultId,
	/// The fee, in basis points (at most 10 000).
	pub fee: u32,
}

/// An operator reward credited at genesis, paid by the network account itself.
#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GenesisOperatorReward<AccountId, AssetKind> {
	/// The network paying; it must hold the amount.
	pub network: AccountId,
	/// The asset paid.
	pub asset: AssetKind,
	/// The operator credited.
	pub operator: AccountId,
	/// How much.
	pub amount: u128,
}
