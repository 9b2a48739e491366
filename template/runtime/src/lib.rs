// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! # An appchain with Rampart restaking: the builder's template
//!
//! A minimal solo chain (Aura, GRANDPA, balances, assets, transaction payment, sudo) with the six
//! Rampart restaking pallets added. Everything Rampart asks of a runtime is in
//! [`restaking`](#restaking): one `UnionOf` line for the collateral, and one `Config` per pallet
//! wiring the pallets to each other. Copy this crate, rename it, and change what your chain
//! needs; `docs/appchain-builder.md` explains each item.
//!
//! It runs through the Rampart node (`rampart-node --chain template-dev`): the node executes the
//! runtime from the chain's state, and the template keeps the node's block format (the opaque
//! block of `rampart-primitives`' types) and the runtime APIs the node calls.

#![cfg_attr(not(feature = "std"), no_std)]
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

use alloc::{vec, vec::Vec};
use frame_support::{
	derive_impl,
	genesis_builder_helper::{build_state, get_preset},
	parameter_types,
	traits::{
		fungible::{HoldConsideration, NativeFromLeft, NativeOrWithId, UnionOf},
		AsEnsureOriginWithArg, ConstBool, ConstU128, ConstU32, ConstU64, ConstU8,
		LinearStoragePrice, VariantCountOf,
	},
	weights::{IdentityFee, Weight},
	PalletId,
};
use frame_system::{EnsureRoot, EnsureSigned};
use pallet_grandpa::AuthorityId as GrandpaId;
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sp_api::impl_runtime_apis;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, Block as BlockT, NumberFor, One},
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult,
};
use sp_version::{runtime_version, RuntimeVersion};

pub use rampart_primitives::{
	AccountId, AccountPublic, AssetId, AssetKind, Balance, BlockNumber, Hash, Nonce, Signature,
	MILLI_UNIT, UNIT,
};

#[runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("rampart-template"),
	impl_name: alloc::borrow::Cow::Borrowed("rampart-template"),
	authoring_version: 1,
	spec_version: 1,
	impl_version: 1,
	apis: RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// Six-second blocks; Aura's slot is twice the timestamp's minimum period.
pub const SLOT_DURATION: u64 = 6000;
/// A day in blocks.
pub const DAYS: BlockNumber = 24 * 60 * 10;

impl_opaque_keys! {
	pub struct SessionKeys {
		pub aura: Aura,
		pub grandpa: Grandpa,
	}
}

pub type Address = sp_runtime::MultiAddress<AccountId, ()>;
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
);
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
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
	pub type Aura = pallet_aura;
	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;
	#[runtime::pallet_index(4)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(5)]
	pub type TransactionPayment = pallet_transaction_payment;
	#[runtime::pallet_index(6)]
	pub type Assets = pallet_assets;
	#[runtime::pallet_index(7)]
	pub type Sudo = pallet_sudo;

	// Restaking. Vaults come before the registry: the registry's genesis opts operators into
	// genesis vaults.
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
}

// ---------------------------------------------------------------------------------------------
// A minimal solo chain.

parameter_types! {
	pub const Version: RuntimeVersion = VERSION;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type MaxConsumers = ConstU32<16>;
}

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	type OnTimestampSet = Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = ();
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<32>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<32>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_balances::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type Balance = Balance;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<MILLI_UNIT>;
	type AccountStore = System;
	type ReserveIdentifier = [u8; 8];
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type DoneSlashHandler = ();
}

parameter_types! {
	pub FeeMultiplier: Multiplier = Multiplier::one();
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	type WeightToFee = IdentityFee<Balance>;
	type LengthToFee = IdentityFee<Balance>;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightInfo = ();
}

impl pallet_assets::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Balance = Balance;
	type RemoveItemsLimit = ConstU32<1000>;
	type AssetId = AssetId;
	type AssetIdParameter = codec::Compact<AssetId>;
	type ReserveData = ();
	type Currency = Balances;
	type CreateOrigin = AsEnsureOriginWithArg<EnsureSigned<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type AssetDeposit = ConstU128<{ 10 * UNIT }>;
	type AssetAccountDeposit = ConstU128<{ 10 * MILLI_UNIT }>;
	type MetadataDepositBase = ConstU128<UNIT>;
	type MetadataDepositPerByte = ConstU128<{ 10 * MILLI_UNIT }>;
	type ApprovalDeposit = ConstU128<{ 10 * MILLI_UNIT }>;
	type StringLimit = ConstU32<50>;
	type Freezer = ();
	type Holder = ();
	type Extra = ();
	type CallbackHandle = ();
	type AssetIdAllocator = pallet_assets::AutoIncAssetId<Runtime>;
	type WeightInfo = pallet_assets::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

// ---------------------------------------------------------------------------------------------
// Restaking: what adding Rampart takes.

/// Collateral and rewards: the native token or any `pallet-assets` asset, through one
/// `fungibles` view keyed by `AssetKind` (`Native` or `WithId(id)`).
pub type NativeAndAssets =
	UnionOf<Balances, Assets, NativeFromLeft, NativeOrWithId<AssetId>, AccountId>;

/// The restaking pallets' clock: this chain's block numbers.
impl rampart_primitives::clock::RestakingClock for Runtime {
	type BlockNumberProvider = System;
}

/// Longest vault epoch (a week) and how far back reward snapshots may look (three weeks).
const MAX_EPOCH: BlockNumber = 7 * DAYS;
const LOOKBACK: BlockNumber = 21 * DAYS;

parameter_types! {
	pub const NativeCollateral: AssetKind = AssetKind::Native;
	pub const RegistryHold: RuntimeHoldReason =
		RuntimeHoldReason::Registry(pallet_rampart_registry::HoldReason::Registration);
	pub const VaultHold: RuntimeHoldReason =
		RuntimeHoldReason::Vaults(pallet_rampart_vaults::HoldReason::VaultCreation);
	pub const AdmissionHold: RuntimeHoldReason =
		RuntimeHoldReason::Middleware(pallet_rampart_middleware::HoldReason::OperatorAdmission);
	/// Histories answer for two epochs and the reward lookback; binary searches over them take
	/// at most this many probes.
	pub const Retention: BlockNumber = 2 * MAX_EPOCH + LOOKBACK;
	pub const HistoryDepth: u32 = u32::BITS - (2 * MAX_EPOCH + LOOKBACK).leading_zeros();
	pub const SlashDepth: u32 = u32::BITS - (MAX_EPOCH + 1).leading_zeros();
}

/// A deposit of `BASE` plus 0.01 token per byte, held while the record exists.
type Deposit<Reason, const BASE: Balance> = HoldConsideration<
	AccountId,
	Balances,
	Reason,
	LinearStoragePrice<ConstU128<BASE>, ConstU128<{ 10 * MILLI_UNIT }>, Balance>,
>;

#[cfg(feature = "runtime-benchmarks")]
type BenchmarkHelpers = rampart_benchmark_helpers::Helpers<Runtime, UNIT>;

impl pallet_rampart_registry::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Consideration = Deposit<RegistryHold, UNIT>;
	type Vaults = Vaults;
	type OffchainSignature = Signature;
	type OffchainPublic = AccountPublic;
	type MaxMetadataLen = ConstU32<256>;
	type OptInHistoryRetention = Retention;
	type MaxOptInHistory = ConstU32<32>;
	type WeightInfo = pallet_rampart_registry::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkHelpers;
}

impl pallet_rampart_vaults::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type AssetKind = AssetKind;
	type Assets = NativeAndAssets;
	type NativeAsset = NativeCollateral;
	type Consideration = Deposit<VaultHold, { 10 * UNIT }>;
	type PalletId = VaultsPalletId;
	type AdminOrigin = EnsureRoot<AccountId>;
	type Networks = Registry;
	type Operators = Registry;
	type MinEpochDuration = ConstU32<10>;
	type MaxEpochDuration = ConstU32<MAX_EPOCH>;
	type RewardLookback = ConstU32<LOOKBACK>;
	type MaxInitialRoles = ConstU32<16>;
	type MaxClaimBatch = ConstU32<32>;
	type WeightInfo = pallet_rampart_vaults::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkHelpers;
}

impl pallet_rampart_delegation::Config for Runtime {
	type Networks = Registry;
	type OptIns = Registry;
	type Vaults = Vaults;
	type MaxResetCount = ConstU32<16>;
	type MaxHistoryDepth = HistoryDepth;
	type WeightInfo = pallet_rampart_delegation::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkHelpers;
}

impl pallet_rampart_slashing::Config for Runtime {
	type Networks = Registry;
	type Vaults = Vaults;
	type Stakes = Delegation;
	type RequestRetention = ConstU32<{ 7 * DAYS }>;
	type MaxCumulativeSlashDepth = SlashDepth;
	type WeightInfo = pallet_rampart_slashing::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkHelpers;
}

impl pallet_rampart_rewards::Config for Runtime {
	type AssetKind = AssetKind;
	type Assets = NativeAndAssets;
	type NativeAsset = NativeCollateral;
	type PalletId = RewardsPalletId;
	type Networks = Registry;
	type Vaults = Vaults;
	type Stakes = Delegation;
	type ClaimWindow = ConstU32<{ 14 * DAYS }>;
	type MaxSnapshotAge = ConstU32<{ 7 * DAYS }>;
	type MaxLiveDistributions = ConstU32<336>;
	type MaxClaimBatch = ConstU32<32>;
	type MaxOperatorPayouts = ConstU32<64>;
	type MaxHistoryDepth = HistoryDepth;
	type WeightInfo = pallet_rampart_rewards::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkHelpers;
}

impl pallet_rampart_middleware::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type AssetKind = AssetKind;
	type Networks = Registry;
	type Operators = Registry;
	type OptIns = Registry;
	type Vaults = Vaults;
	type Stakes = Delegation;
	type Slasher = Slashing;
	type Rewards = Rewards;
	type PalletId = MiddlewarePalletId;
	type Consideration = Deposit<AdmissionHold, UNIT>;
	type MaxVaultsPerSubnetwork = ConstU32<8>;
	type MaxOperatorsPerSubnetwork = ConstU32<32>;
	type MaxFeeders = ConstU32<8>;
	type HistoryRetention = Retention;
	type LeaveDelay = ConstU32<DAYS>;
	type CommissionDelay = ConstU32<DAYS>;
	type WeightInfo = pallet_rampart_middleware::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkHelpers;
}

parameter_types! {
	pub const VaultsPalletId: PalletId = PalletId(*b"rmp/vlts");
	pub const RewardsPalletId: PalletId = PalletId(*b"rmp/rwds");
	pub const MiddlewarePalletId: PalletId = PalletId(*b"rmp/midw");
}

// ---------------------------------------------------------------------------------------------
// Genesis: the `development` preset (Alice authors and finalizes, the dev accounts are endowed).

/// The template's genesis presets.
pub mod genesis {
	use super::*;
	use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

	/// `development`: Alice is the only authority and the sudo key; every dev account holds
	/// a million tokens.
	pub fn development() -> serde_json::Value {
		let endowed: Vec<(AccountId, Balance)> =
			Sr25519Keyring::iter().map(|k| (k.to_account_id(), 1_000_000 * UNIT)).collect();
		frame_support::build_struct_json_patch!(RuntimeGenesisConfig {
			balances: pallet_balances::GenesisConfig { balances: endowed },
			aura: pallet_aura::GenesisConfig {
				authorities: vec![AuraId::from(Sr25519Keyring::Alice.public())],
			},
			grandpa: pallet_grandpa::GenesisConfig {
				authorities: vec![(GrandpaId::from(Ed25519Keyring::Alice.public()), 1)],
			},
			sudo: pallet_sudo::GenesisConfig { key: Some(Sr25519Keyring::Alice.to_account_id()) },
			assets: pallet_assets::GenesisConfig { next_asset_id: Some(1), ..Default::default() },
		})
	}

	/// The preset named `id`, as JSON.
	pub fn get_preset(id: &sp_genesis_builder::PresetId) -> Option<Vec<u8>> {
		let patch = match id.as_ref() {
			sp_genesis_builder::DEV_RUNTIME_PRESET => development(),
			_ => return None,
		};
		Some(serde_json::to_string(&patch).expect("a JSON value serializes").into_bytes())
	}
}

// ---------------------------------------------------------------------------------------------
// The runtime APIs the node calls.

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> sp_runtime::ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl frame_support::view_functions::runtime_api::RuntimeViewFunction<Block> for Runtime {
		fn execute_view_function(
			id: frame_support::view_functions::ViewFunctionId,
			input: Vec<u8>,
		) -> Result<Vec<u8>, frame_support::view_functions::ViewFunctionDispatchError> {
			Runtime::execute_view_function(id, input)
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(
			owner: Vec<u8>,
			seed: Option<Vec<u8>>,
		) -> sp_session::OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			Grandpa::current_set_id()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			_key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			None
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			_authority_id: GrandpaId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			None
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_info(uxt, len)
		}

		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_fee_details(uxt, len)
		}

		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}

		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, genesis::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			vec![sp_genesis_builder::PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET)]
		}
	}
}

#[cfg(test)]
mod tests;
