// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! # Rampart primitives
//!
//! Types shared by the Rampart pallets, the reference runtime and the node. This crate holds no
//! storage: pallets meet here through types (and, as they arrive, glue traits) so that no pallet's
//! `Config` has to name another pallet's `Config`.
//!
//! What lives here today:
//! - the base types of the reference chain ([`AccountId`], [`Balance`], [`BlockNumber`], ...);
//! - [`AssetKind`]: one identifier for every collateral the chain can hold, the native token or any
//!   `pallet-assets` asset, so that vaults can take either through one `fungibles` interface;
//! - [`Subnetwork`]: a network-chosen partition of its own security demand;
//! - [`VaultId`]: the counter identifying a vault;
//! - [`OptInTarget`]: what an operator opts into, a network or a vault;
//! - [`checkpoints`]: bounded, pruned "value at block b" histories;
//! - [`paged_trace`]: long per-block histories kept in pages, pruned as written;
//! - `docs` (with `std`): checks that keep the pallets' READMEs and call docs in step with the
//!   code, for their tests;
//! - [`clock`]: the one block-number source every restaking pallet of a runtime shares;
//! - [`epochs`]: a vault's epoch clock, in blocks;
//! - [`shares`]: share math with the virtual offset, and the pro-rata split of a slash;
//! - [`traits`]: the glue traits through which the pallets see each other.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod checkpoints;
pub mod clock;
#[cfg(feature = "std")]
pub mod docs;
pub mod epochs;
pub mod paged_trace;
pub mod shares;
#[cfg(feature = "test-utils")]
pub mod testing;
pub mod traits;

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{IdentifyAccount, Verify},
	MultiSignature,
};

pub use frame_support::traits::tokens::fungible::NativeOrWithId;

/// Signature type of the reference chain: sr25519, ed25519 or ecdsa.
pub type Signature = MultiSignature;

/// The signer behind a [`Signature`].
pub type AccountPublic = <Signature as Verify>::Signer;

/// Account identifier of the reference chain: 32 bytes, derived from the signer's public key.
pub type AccountId = <AccountPublic as IdentifyAccount>::AccountId;

/// Balance of an account, for the native token and for every asset.
pub type Balance = u128;

/// Block number. Every time in Rampart (epochs, windows, histories) is measured in blocks.
pub type BlockNumber = u32;

/// Index of a transaction in the chain.
pub type Nonce = u32;

/// Hash type of the chain.
pub type Hash = sp_core::H256;

/// Identifier of an asset in `pallet-assets`.
pub type AssetId = u32;

/// Any asset the chain can hold: the native token, or a `pallet-assets` asset by id.
///
/// Vault collateral and reward assets are `AssetKind`s, read and moved through one `fungibles`
/// implementation (in the reference runtime, `fungible::UnionOf<Balances, Assets, ..>`).
pub type AssetKind = NativeOrWithId<AssetId>;

/// Identifier of a vault: a counter, starting at zero.
pub type VaultId = u32;

/// Identifier of a subnetwork within its network.
pub type SubnetworkId = u32;

/// One unit of the native token: the reference chain uses 12 decimals.
pub const UNIT: Balance = 1_000_000_000_000;
/// A thousandth of a [`UNIT`].
pub const MILLI_UNIT: Balance = UNIT / 1_000;
/// A millionth of a [`UNIT`].
pub const MICRO_UNIT: Balance = UNIT / 1_000_000;

/// A network-chosen partition of the network's security demand.
///
/// All limits, slashes and resolvers are keyed by subnetwork. A network that needs one partition
/// only uses `id = 0`. The reference encodes the pair into 32 bytes; here it is a plain struct with
/// a bounded encoding.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct Subnetwork<AccountId> {
	/// The network: the account that registered it.
	pub network: AccountId,
	/// The network's own identifier for this partition.
	pub id: SubnetworkId,
}

impl<AccountId> Subnetwork<AccountId> {
	/// The subnetwork `id` of `network`.
	pub const fn new(network: AccountId, id: SubnetworkId) -> Self {
		Self { network, id }
	}

	/// The default subnetwork (`id = 0`) of `network`.
	pub const fn main(network: AccountId) -> Self {
		Self { network, id: 0 }
	}
}

/// What an operator opts into: a network (as a whole, not a subnetwork) or a vault.
///
/// The reference runs two opt-in services, operator → network and operator → vault; Rampart keeps
/// one history per (operator, target) with the same rules for both kinds.
#[derive(
	Clone,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum OptInTarget<AccountId> {
	/// A network, by the account that registered it.
	Network(AccountId),
	/// A vault, by id.
	Vault(VaultId),
}

/// A vault's roles (the reference's AccessControl roles of a vault and of its delegator). The
/// vaults pallet keeps who holds them; the delegation pallet checks the limit roles through
/// [`traits::VaultsInspect::has_role`].
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
	PartialOrd,
	Ord,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum Role {
	/// Grants and revokes every role of the vault (`DEFAULT_ADMIN_ROLE`).
	Admin,
	/// Turns the depositor whitelist on and off (`DEPOSIT_WHITELIST_SET_ROLE`).
	DepositWhitelistSetter,
	/// Adds and removes whitelisted depositors (`DEPOSITOR_WHITELIST_ROLE`).
	DepositorWhitelister,
	/// Turns the deposit limit on and off (`IS_DEPOSIT_LIMIT_SET_ROLE`).
	DepositLimitToggler,
	/// Sets the deposit limit (`DEPOSIT_LIMIT_SET_ROLE`).
	DepositLimitSetter,
	/// Sets the curator's limit per subnetwork (`NETWORK_LIMIT_SET_ROLE`).
	NetworkLimitSetter,
	/// Sets operator shares within a subnetwork (`OPERATOR_NETWORK_SHARES_SET_ROLE`).
	OperatorNetworkSharesSetter,
	/// Sets operator limits within a subnetwork (`OPERATOR_NETWORK_LIMIT_SET_ROLE`).
	OperatorNetworkLimitSetter,
	/// Sets the vault's slash hook policy (`HOOK_SET_ROLE`).
	HookSetter,
	/// Sets the receivers of a router burner (the `BurnerRouter` owner).
	BurnerRouterSetter,
	/// Sets the curator fee on staker rewards (`ADMIN_FEE_SET_ROLE`).
	AdminFeeSetter,
	/// Claims the accrued curator fees (`ADMIN_FEE_CLAIM_ROLE`).
	AdminFeeClaimer,
}

/// How networks slash a vault (the reference's slasher types). The slashing pallet gives these
/// their meaning; the vaults pallet stores them and checks the bounds of the veto kind.
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
pub enum SlasherKind<BlockNumber> {
	/// The vault cannot be slashed.
	None,
	/// Slashes execute at once (type 0).
	Instant,
	/// Slashes are requested, may be vetoed by the subnetwork's resolver within `veto_duration`
	/// blocks, then executed (type 1).
	Veto {
		/// Blocks during which a request may be vetoed; shorter than the epoch.
		veto_duration: BlockNumber,
		/// Epochs before a changed resolver takes effect; at least 3.
		resolver_set_epochs_delay: u32,
	},
}

/// How a vault's stake is allocated (the reference's delegator types). Chosen at vault creation
/// and immutable; the vaults pallet stores it, the delegation pallet gives it its meaning.
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
pub enum DelegatorKind<AccountId> {
	/// Restake across networks, split by shares among operators within a subnetwork (type 0).
	NetworkRestake,
	/// Restake across networks and operators, with absolute operator limits (type 1).
	FullRestake,
	/// All stake to one operator, split across networks by limits (type 2).
	OperatorSpecific {
		/// The operator.
		operator: AccountId,
	},
	/// All stake to one operator for one network (type 3).
	OperatorNetworkSpecific {
		/// The operator.
		operator: AccountId,
		/// The network.
		network: AccountId,
	},
}

impl<AccountId> DelegatorKind<AccountId> {
	/// The curator roles the kind needs a holder for when the vault has no admin (the
	/// reference's `MissingRoleHolders` rule for types 0-2).
	pub fn limit_roles(&self) -> &'static [Role] {
		match self {
			Self::NetworkRestake => &[Role::NetworkLimitSetter, Role::OperatorNetworkSharesSetter],
			Self::FullRestake => &[Role::NetworkLimitSetter, Role::OperatorNetworkLimitSetter],
			Self::OperatorSpecific { .. } => &[Role::NetworkLimitSetter],
			Self::OperatorNetworkSpecific { .. } => &[],
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn subnetwork_encoding_is_bounded_and_round_trips() {
		let sn = Subnetwork::new(AccountId::new([7u8; 32]), 42);
		let bytes = sn.encode();
		assert_eq!(bytes.len(), 36);
		assert_eq!(Subnetwork::<AccountId>::max_encoded_len(), 36);
		assert_eq!(Subnetwork::<AccountId>::decode(&mut &bytes[..]).ok(), Some(sn));
	}

	#[test]
	fn main_subnetwork_has_id_zero_and_orders_by_network_then_id() {
		let a = AccountId::new([1u8; 32]);
		let b = AccountId::new([2u8; 32]);
		assert_eq!(Subnetwork::main(a.clone()).id, 0);
		assert!(Subnetwork::new(a.clone(), 9) < Subnetwork::new(b, 0));
		assert!(Subnetwork::main(a.clone()) < Subnetwork::new(a, 1));
	}

	#[test]
	fn asset_kind_tells_native_from_assets() {
		let native: AssetKind = NativeOrWithId::Native;
		let usdc: AssetKind = NativeOrWithId::WithId(1984);
		assert_ne!(native, usdc);
		assert_eq!(AssetKind::decode(&mut &usdc.encode()[..]).ok(), Some(usdc));
	}

	#[test]
	fn unit_constants_are_consistent() {
		assert_eq!(UNIT, 1_000 * MILLI_UNIT);
		assert_eq!(MILLI_UNIT, 1_000 * MICRO_UNIT);
	}
}
