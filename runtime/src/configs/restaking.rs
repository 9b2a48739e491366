// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Restaking: the registry of networks, operators and opt-ins, the vaults, the delegation of
//! vault stake to (subnetwork, operator) pairs, network-defined slashing, rewards, and the
//! on-chain network middleware.

use frame_support::{
	parameter_types,
	traits::{fungible::HoldConsideration, LinearStoragePrice},
	PalletId,
};
use frame_system::EnsureRoot;
use rampart_primitives::{AccountPublic, AssetKind, Signature};

use crate::{
	configs::NativeAndAssets, AccountId, Balance, Balances, BlockNumber, Delegation, Registry,
	Runtime, RuntimeHoldReason, System, Vaults, DAYS, MILLI_UNIT, UNIT,
};

/// The longest vault epoch: one week.
const MAX_EPOCH: BlockNumber = 7 * DAYS;
/// How far back a staker distribution's snapshot may be: one week.
const MAX_SNAPSHOT_AGE: BlockNumber = 7 * DAYS;
/// How long stakers can claim a distribution after it is made: two weeks.
const CLAIM_WINDOW: BlockNumber = 14 * DAYS;
/// Blocks of stake and opt-in history kept beyond two epochs, for reward snapshots: three weeks,
/// so that share histories answer for the oldest snapshot of the last claimable distribution.
const REWARD_LOOKBACK: BlockNumber = MAX_SNAPSHOT_AGE + CLAIM_WINDOW;

/// What the restaking pallets' benchmarks need from this runtime (keys, funded accounts, real
/// networks, operators and vaults): written once in `benchmarking/helpers`, shared with the
/// integration-tests runtime.
#[cfg(feature = "runtime-benchmarks")]
type BenchmarkHelpers = rampart_benchmark_helpers::Helpers<Runtime, UNIT>;

/// The one clock of the restaking pallets: this chain's own block numbers.
impl rampart_primitives::clock::RestakingClock for Runtime {
	type BlockNumberProvider = System;
}

parameter_types! {
	/// Registration deposit: a base per record...
	pub const RegistrationBaseDeposit: Balance = UNIT;
	/// ...plus this much per byte of the record (it grows with the metadata URL).
	pub const RegistrationByteDeposit: Balance = 10 * MILLI_UNIT;
	pub const RegistrationHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Registry(pallet_rampart_registry::HoldReason::Registration);
	/// Opt-in history answers for four weeks: two of the longest vault epochs
	/// ([`MaxEpochDuration`], one week) plus the reward lookback ([`RewardLookback`], two weeks).
	pub const OptInHistoryRetention: BlockNumber = 2 * MAX_EPOCH + REWARD_LOOKBACK;
	/// At most 32 opt-in changes per (operator, target) inside the retention window.
	pub const MaxOptInHistory: u32 = 32;
	/// Metadata URLs up to 256 bytes.
	pub const MaxMetadataLen: u32 = 256;
}

impl pallet_rampart_registry::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		RegistrationHoldReason,
		LinearStoragePrice<RegistrationBaseDeposit, RegistrationByteDeposit, Balance>,
	>;
	type Vaults = Vaults;
	type OffchainSignature = Signature;
	type OffchainPublic = AccountPublic;
	type MaxMetadataLen = MaxMetadataLen;
	type OptInHistoryRetention = OptInHistoryRetention;
	type MaxOptInHistory = MaxOptInHistory;
	type WeightInfo = pallet_rampart_registry::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkHelpers;
}

parameter_types! {
	pub const VaultsPalletId: PalletId = PalletId(*b"rmp/vlts");
	pub const NativeCollateral: AssetKind = AssetKind::Native;
	pub const VaultCreationHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Vaults(pallet_rampart_vaults::HoldReason::VaultCreation);
	/// Creating a vault holds 10 RAMP plus 0.01 RAMP per byte of its record.
	pub const VaultBaseDeposit: Balance = 10 * UNIT;
	pub const VaultByteDeposit: Balance = 10 * MILLI_UNIT;
	/// Epochs between ten blocks (one minute, for trying things out) and one week.
	pub const MinEpochDuration: BlockNumber = 10;
	pub const MaxEpochDuration: BlockNumber = MAX_EPOCH;
	/// Stake histories also keep two weeks beyond two epochs, for reward snapshots.
	pub const RewardLookback: BlockNumber = REWARD_LOOKBACK;
}

impl pallet_rampart_vaults::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type AssetKind = AssetKind;
	type Assets = NativeAndAssets;
	type NativeAsset = NativeCollateral;
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		VaultCreationHoldReason,
		LinearStoragePrice<VaultBaseDeposit, VaultByteDeposit, Balance>,
	>;
	type PalletId = VaultsPalletId;
	type AdminOrigin = EnsureRoot<AccountId>;
	type Networks = Registry;
	type Operators = Registry;
	type MinEpochDuration = MinEpochDuration;
	type MaxEpochDuration = MaxEpochDuration;
	type RewardLookback = RewardLookback;
	type MaxInitialRoles = frame_support::traits::ConstU32<16>;
	type MaxClaimBatch = frame_support::traits::ConstU32<32>;
	type WeightInfo = pallet_rampart_vaults::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkHelpers;
}

parameter_types! {
	/// Binary-search depth of the longest history: at most one entry per block of the longest
	/// vault window (two one-week epochs plus the two-week lookback, 403 200 blocks), so
	/// `⌈log2(403 201)⌉ = 19` steps.
	pub const MaxHistoryDepth: u32 = u32::BITS - (2 * MAX_EPOCH + REWARD_LOOKBACK).leading_zeros();
}

impl pallet_rampart_delegation::Config for Runtime {
	type Networks = Registry;
	type OptIns = Registry;
	type Vaults = Vaults;
	type MaxResetCount = frame_support::traits::ConstU32<16>;
	type MaxHistoryDepth = MaxHistoryDepth;
	type WeightInfo = pallet_rampart_delegation::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkHelpers;
}

parameter_types! {
	/// Slash requests stay queryable for a week after their execution window.
	pub const RequestRetention: BlockNumber = 7 * DAYS;
	/// A cumulative-slash history keeps at most one entry per block of the longest epoch plus
	/// the one in force at its start: its binary search makes at most this many probes (17).
	pub const MaxCumulativeSlashDepth: u32 = u32::BITS - (MAX_EPOCH + 1).leading_zeros();
}

impl pallet_rampart_slashing::Config for Runtime {
	type Networks = Registry;
	type Vaults = Vaults;
	type Stakes = Delegation;
	type RequestRetention = RequestRetention;
	type MaxCumulativeSlashDepth = MaxCumulativeSlashDepth;
	type WeightInfo = pallet_rampart_slashing::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkHelpers;
}

parameter_types! {
	pub const RewardsPalletId: PalletId = PalletId(*b"rmp/rwds");
	/// A staker distribution can be claimed for two weeks after it is made...
	pub const ClaimWindow: BlockNumber = CLAIM_WINDOW;
	/// ...of a snapshot at most a week old: together, the vaults' reward lookback, so share
	/// histories answer for every claimable snapshot.
	pub const MaxSnapshotAge: BlockNumber = MAX_SNAPSHOT_AGE;
}

impl pallet_rampart_rewards::Config for Runtime {
	type AssetKind = AssetKind;
	type Assets = NativeAndAssets;
	type NativeAsset = NativeCollateral;
	type PalletId = RewardsPalletId;
	type Networks = Registry;
	type Vaults = Vaults;
	type Stakes = Delegation;
	type ClaimWindow = ClaimWindow;
	type MaxSnapshotAge = MaxSnapshotAge;
	/// One distribution per hour of the window per (vault, network, asset), at most.
	type MaxLiveDistributions = frame_support::traits::ConstU32<336>;
	type MaxClaimBatch = frame_support::traits::ConstU32<32>;
	type MaxOperatorPayouts = frame_support::traits::ConstU32<64>;
	type MaxHistoryDepth = MaxHistoryDepth;
	type WeightInfo = pallet_rampart_rewards::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkHelpers;
}

parameter_types! {
	pub const MiddlewarePalletId: PalletId = PalletId(*b"rmp/midw");
	/// An operator's deposit for its place in a subnetwork's operator list: 1 RAMP.
	pub const OperatorAdmissionDeposit: Balance = UNIT;
	pub const AdmissionHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Middleware(pallet_rampart_middleware::HoldReason::OperatorAdmission);
	/// Power answers as far back as stake does: the opt-in retention.
	pub const PowerHistoryRetention: BlockNumber = 2 * MAX_EPOCH + REWARD_LOOKBACK;
	/// Leaving a subnetwork's operator list, and commission changes, take a day.
	pub const MiddlewareDelay: BlockNumber = DAYS;
}

impl pallet_rampart_middleware::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type AssetKind = AssetKind;
	type Networks = Registry;
	type Operators = Registry;
	type OptIns = Registry;
	type Vaults = Vaults;
	type Stakes = Delegation;
	type Slasher = crate::Slashing;
	type Rewards = crate::Rewards;
	type PalletId = MiddlewarePalletId;
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		AdmissionHoldReason,
		LinearStoragePrice<OperatorAdmissionDeposit, frame_support::traits::ConstU128<0>, Balance>,
	>;
	/// Eight vaults and 32 operators per subnetwork: an operator set reads at most 256 stakes.
	type MaxVaultsPerSubnetwork = frame_support::traits::ConstU32<8>;
	type MaxOperatorsPerSubnetwork = frame_support::traits::ConstU32<32>;
	type MaxFeeders = frame_support::traits::ConstU32<8>;
	type HistoryRetention = PowerHistoryRetention;
	type LeaveDelay = MiddlewareDelay;
	type CommissionDelay = MiddlewareDelay;
	type WeightInfo = pallet_rampart_middleware::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkHelpers;
}
