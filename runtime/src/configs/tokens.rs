// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Tokens: the native token (`pallet-balances`), every other asset (`pallet-assets`), fees, and
//! [`NativeAndAssets`], the one `fungibles` view over both that restaking collateral goes through.

use frame_support::{
	parameter_types,
	traits::{
		fungible::{NativeFromLeft, NativeOrWithId, UnionOf},
		AsEnsureOriginWithArg, ConstU32, ConstU8, VariantCountOf,
	},
	weights::IdentityFee,
};
use frame_system::{EnsureRoot, EnsureSigned};
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sp_runtime::traits::One;

use crate::{
	weights, AccountId, AssetId, Assets, Balance, Balances, Runtime, RuntimeEvent,
	RuntimeFreezeReason, RuntimeHoldReason, System, EXISTENTIAL_DEPOSIT, MILLI_UNIT, UNIT,
};

parameter_types! {
	pub const ExistentialDeposit: Balance = EXISTENTIAL_DEPOSIT;
}

impl pallet_balances::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type WeightInfo = weights::pallet_balances::WeightInfo<Runtime>;
	type Balance = Balance;
	/// Dust is burned.
	type DustRemoval = ();
	type ExistentialDeposit = ExistentialDeposit;
	type AccountStore = System;
	type ReserveIdentifier = [u8; 8];
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	/// One freeze per reason the runtime knows of.
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type DoneSlashHandler = ();
}

parameter_types! {
	/// Deposit to create an asset class (returned when it is destroyed).
	pub const AssetDeposit: Balance = 10 * UNIT;
	/// Deposit for an account of an asset that the asset's minimum balance does not cover.
	pub const AssetAccountDeposit: Balance = 10 * MILLI_UNIT;
	pub const MetadataDepositBase: Balance = UNIT;
	pub const MetadataDepositPerByte: Balance = 10 * MILLI_UNIT;
	pub const ApprovalDeposit: Balance = 10 * MILLI_UNIT;
	pub const AssetsStringLimit: u32 = 50;
	/// Accounts or approvals removed per `destroy_accounts`/`destroy_approvals` call.
	pub const RemoveItemsLimit: u32 = 1000;
}

/// Every asset other than the native token. Anyone may create one (with a deposit); restaking
/// collateral and rewards may be any of them.
impl pallet_assets::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Balance = Balance;
	type RemoveItemsLimit = RemoveItemsLimit;
	type AssetId = AssetId;
	type AssetIdParameter = codec::Compact<AssetId>;
	type ReserveData = ();
	type Currency = Balances;
	type CreateOrigin = AsEnsureOriginWithArg<EnsureSigned<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type AssetDeposit = AssetDeposit;
	type AssetAccountDeposit = AssetAccountDeposit;
	type MetadataDepositBase = MetadataDepositBase;
	type MetadataDepositPerByte = MetadataDepositPerByte;
	type ApprovalDeposit = ApprovalDeposit;
	type StringLimit = AssetsStringLimit;
	type Freezer = ();
	type Holder = ();
	type Extra = ();
	type CallbackHandle = ();
	/// Signed creators take the next id in turn (`NextAssetId`, set at genesis): nobody can pick
	/// an id, squat one a preset or a client expects, or re-create a destroyed collateral's id.
	/// Governance (`force_create`) may still place an asset at a chosen id.
	type AssetIdAllocator = pallet_assets::AutoIncAssetId<Runtime>;
	type WeightInfo = weights::pallet_assets::WeightInfo<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

/// The native token and every `pallet-assets` asset behind one `fungibles` implementation, keyed by
/// [`rampart_primitives::AssetKind`] (`Native` or `WithId(id)`). Restaking pallets take this as
/// their collateral and reward currency.
pub type NativeAndAssets =
	UnionOf<Balances, Assets, NativeFromLeft, NativeOrWithId<AssetId>, AccountId>;

parameter_types! {
	pub FeeMultiplier: Multiplier = Multiplier::one();
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// Fees and tips are withdrawn in the native token and go to the chain network's account,
	/// which pays the validators' session rewards.
	type OnChargeTransaction = FungibleAdapter<Balances, super::consensus::FeesToChainNetwork>;
	type WeightToFee = IdentityFee<Balance>;
	type LengthToFee = IdentityFee<Balance>;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightInfo = weights::pallet_transaction_payment::WeightInfo<Runtime>;
}
