// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Records of the delegation pallet.

use crate::Config;
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use rampart_primitives::{DelegatorKind, Subnetwork};
use scale_info::TypeInfo;

/// Block numbers as the restaking pallets' one clock counts them.
pub use rampart_primitives::clock::BlockNumberOf;

/// A subnetwork of runtime `T`.
pub type SubnetworkOf<T> = Subnetwork<<T as frame_system::Config>::AccountId>;

/// A slash as the hook policies see it, in this pallet's block numbers.
pub type SlashOf<T> = rampart_primitives::traits::SlashInfo<BlockNumberOf<T>>;

/// What the delegator does after one of its operators is slashed: the reference hook designs
/// (PROTOCOL 3.7) as a per-vault policy. A policy runs inside a storage layer whose failure is
/// ignored, so it can never block a slash.
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
)]
pub enum HookPolicy<BlockNumber> {
	/// Nothing changes: the curator adjusts limits by hand.
	#[default]
	None,
	/// After a slash of `x`: the network limit drops by `min(x, limit)`; for the full-restake
	/// kind the operator's limit drops the same way; for the network-restake kind the operator's
	/// shares drop by `⌈x · shares(capture) / stake(capture)⌉` (at most what it holds). Kinds 0-2.
	Decrease,
	/// The operator's shares are scaled by `(stake(capture) − x) / stake(capture)`, so its slash
	/// is not re-exposed to the other operators of the subnetwork. Network-restake kind only.
	Redistribute,
	/// If `count` slashes of the operator in the subnetwork happen within `period` blocks, its
	/// shares (kind 0), its limit (kind 1) or the network limit (kind 2) go to zero. Kinds 0-2.
	Reset {
		/// The window, in blocks.
		period: BlockNumber,
		/// Slashes within the window that trigger the reset; at least 1, at most
		/// [`Config::MaxResetCount`].
		count: u32,
	},
}

impl<BlockNumber> HookPolicy<BlockNumber> {
	/// Whether a vault of `kind` can run the policy.
	pub fn fits<AccountId>(&self, kind: &DelegatorKind<AccountId>) -> bool {
		use DelegatorKind::*;
		match self {
			Self::None => true,
			Self::Decrease | Self::Reset { .. } => {
				matches!(kind, NetworkRestake | FullRestake | OperatorSpecific { .. })
			},
			Self::Redistribute => matches!(kind, NetworkRestake),
		}
	}
}

/// Sets up the chain state the benchmarks need, through whatever pallets the runtime has.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Creates a vault of `kind` with active stake `stake`, in which `curator` holds every role,
	/// and returns its id. Later benchmark blocks must be able to read the stake at any block
	/// from the current one on.
	fn vault(
		kind: DelegatorKind<AccountId>,
		curator: &AccountId,
		stake: u128,
	) -> rampart_primitives::VaultId;
	/// Writes `entries` more entries into the vault's active stake history, one per block from
	/// the current block on (the block is left after the last one).
	fn stake_history(vault: rampart_primitives::VaultId, entries: u32);
	/// Makes `network` a registered network.
	fn register_network(network: &AccountId);
	/// Registers `operator` and opts it into `network` and `vault`.
	fn opt_in(operator: &AccountId, network: &AccountId, vault: rampart_primitives::VaultId);
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

/// One operator's share of a genesis allocation.
#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GenesisOperator<AccountId> {
	/// The operator.
	pub operator: AccountId,
	/// Its shares (network-restake vaults) or its limit (full-restake vaults).
	pub value: u128,
}

/// A subnetwork's allocation from a vault, set up at genesis as the network and the curator
/// would set it. The vault and the network must exist already.
#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GenesisAllocation<AccountId> {
	/// The vault.
	pub vault: rampart_primitives::VaultId,
	/// The subnetwork.
	pub subnetwork: Subnetwork<AccountId>,
	/// The network's maximum for the subnetwork.
	pub max_network_limit: u128,
	/// The curator's network limit (ignored by operator-network-specific vaults; at most the
	/// maximum).
	pub network_limit: u128,
	/// Per operator, its shares or its limit, by the vault's kind.
	pub operators: Vec<GenesisOperator<AccountId>>,
}
