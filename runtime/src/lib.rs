// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! # The Rampart reference runtime
//!
//! A solo chain secured by Aura (block production) and GRANDPA (finality) whose validator set is
//! bought from restaked stake: the chain is a network of its own (`pallet-rampart-validators`),
//! its set is its middleware operator set, its GRANDPA equivocations are slashed through the
//! vaults, and its session rewards go to validators and their stakers.
//!
//! Collateral lives in `pallet-balances` (the native token) and `pallet-assets` (every other
//! asset); [`configs::NativeAndAssets`] reads and moves both through one `fungibles` interface
//! keyed by [`rampart_primitives::AssetKind`].
//!
//! Layout: `configs/` holds one `Config` implementation per pallet grouped by domain, `apis.rs` the
//! runtime APIs, `genesis_config_presets.rs` the `development` and `local_testnet` presets,
//! `weights/` the weights generated for this runtime by `benchmarking/run-benchmarks.sh`.

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime`/`#[frame_support::runtime]` generate a large type graph.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

// Declared first: `define_benchmarks!` makes the `list_benchmarks!`/`add_benchmarks!` macros
// that `apis` uses.
#[cfg(feature = "runtime-benchmarks")]
#[macro_use]
mod benchmarks;
pub mod apis;
pub mod configs;
pub mod genesis_config_presets;
pub mod views;
pub mod weights;

use alloc::vec::Vec;
use sp_runtime::{generic, impl_opaque_keys, traits::BlakeTwo256};
use sp_version::{runtime_version, RuntimeVersion};

pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;
pub use rampart_primitives::{
	AccountId, AssetId, AssetKind, Balance, BlockNumber, Hash, Nonce, Signature, MICRO_UNIT,
	MILLI_UNIT, UNIT,
};
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Opaque types: what the node needs to know of the runtime's types without knowing its calls.
pub mod opaque {
	use super::*;
	use sp_runtime::OpaqueExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, OpaqueExtrinsic>;
	/// Opaque block identifier type.
	pub type BlockId = generic::BlockId<Block>;
	/// Opaque block hash type.
	pub type Hash = <BlakeTwo256 as sp_runtime::traits::Hash>::Output;
}

impl_opaque_keys! {
	/// The keys a validator registers with `pallet-session`: one per consensus engine.
	pub struct SessionKeys {
		pub aura: Aura,
		pub grandpa: Grandpa,
	}
}

/// The runtime's version. `spec_version` must be bumped on every change of runtime logic;
/// `transaction_version` on every change of call indices or encodings.
#[runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("rampart"),
	impl_name: alloc::borrow::Cow::Borrowed("rampart-node"),
	authoring_version: 1,
	spec_version: 102,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// Target block time. Aura's slot is twice `pallet_timestamp`'s minimum period, hence this.
pub const MILLI_SECS_PER_BLOCK: u64 = 6000;
/// Slot duration used by Aura; changing it after genesis breaks block production.
pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;

/// Time measured in blocks.
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
/// One hour in blocks.
pub const HOURS: BlockNumber = MINUTES * 60;
/// One day in blocks.
pub const DAYS: BlockNumber = HOURS * 24;

/// The existential deposit of the native token.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNIT;

/// The address format for describing accounts.
pub type Address = sp_runtime::MultiAddress<AccountId, ()>;
/// Block header type as expected by this runtime.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block type as expected by this runtime.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// A block signed with a justification.
pub type SignedBlock = generic::SignedBlock<Block>;
/// A block identifier.
pub type BlockId = generic::BlockId<Block>;

/// The transaction extensions, in the order they are checked.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// Unchecked extrinsic type as expected by this runtime.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload being signed in transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Storage migrations run on the next runtime upgrade. Empty until a pallet changes its storage.
#[allow(unused_parens)]
type Migrations = ();

/// Executive: dispatches calls to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	#[runtime::pallet_index(2)]
	pub type Balances = pallet_balances;

	#[runtime::pallet_index(3)]
	pub type TransactionPayment = pallet_transaction_payment;

	#[runtime::pallet_index(4)]
	pub type Assets = pallet_assets;

	// Session comes before the consensus pallets: its genesis hands them their authorities, and
	// its `on_initialize` rotates sets before Aura and GRANDPA read them.
	#[runtime::pallet_index(5)]
	pub type Session = pallet_session;

	#[runtime::pallet_index(6)]
	pub type Aura = pallet_aura;

	#[runtime::pallet_index(7)]
	pub type Grandpa = pallet_grandpa;

	#[runtime::pallet_index(8)]
	pub type Sudo = pallet_sudo;

	#[runtime::pallet_index(9)]
	pub type Authorship = pallet_authorship;

	#[runtime::pallet_index(10)]
	pub type Historical = pallet_session::historical;

	#[runtime::pallet_index(11)]
	pub type Offences = pallet_offences;

	// Account conventions: batches, proxies and multisigs.
	#[runtime::pallet_index(12)]
	pub type Utility = pallet_utility;

	#[runtime::pallet_index(13)]
	pub type Proxy = pallet_proxy;

	#[runtime::pallet_index(14)]
	pub type Multisig = pallet_multisig;

	// Restaking.
	// Genesis is built in index order: vaults come before the registry so that the registry's
	// genesis can opt operators into genesis vaults.
	#[runtime::pallet_index(20)]
	pub type Vaults = pallet_rampart_vaults;

	#[runtime::pallet_index(21)]
	pub type Registry = pallet_rampart_registry;

	#[runtime::pallet_index(22)]
	pub type Delegation = pallet_rampart_delegation;

	#[runtime::pallet_index(23)]
	pub type Slashing = pallet_rampart_slashing;

	#[runtime::pallet_index(24)]
	pub type Rewards = pallet_rampart_rewards;
	#[runtime::pallet_index(25)]
	pub type Middleware = pallet_rampart_middleware;

	// The chain as a network of its own: after the middleware (its genesis configures the
	// chain's subnetwork) and after session (its genesis notes the genesis set).
	#[runtime::pallet_index(26)]
	pub type Validators = pallet_rampart_validators;
}

#[cfg(test)]
mod tests;
