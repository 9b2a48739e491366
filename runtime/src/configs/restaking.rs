// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Restaking: the registry of networks, operators and opt-ins, and the vaults.

use frame_support::{
	parameter_types,
	traits::{fungible::HoldConsideration, LinearStoragePrice},
	PalletId,
};
use frame_system::EnsureRoot;
use rampart_primitives::{AccountPublic, AssetKind, Signature};

use crate::{
	configs::NativeAndAssets, weights, AccountId, Balance, Balances, BlockNumber, Runtime,
	RuntimeHoldReason, System, Vaults, DAYS, MILLI_UNIT, UNIT,
};

/// The longest vault epoch: one week.
const MAX_EPOCH: BlockNumber = 7 * DAYS;
/// Blocks of stake and opt-in history kept beyond two epochs, for reward snapshots: two weeks.
const REWARD_LOOKBACK: BlockNumber = 14 * DAYS;

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
	type BlockNumberProvider = System;
	type Vaults = Vaults;
	type OffchainSignature = Signature;
	type OffchainPublic = AccountPublic;
	type MaxMetadataLen = MaxMetadataLen;
	type OptInHistoryRetention = OptInHistoryRetention;
	type MaxOptInHistory = MaxOptInHistory;
	type WeightInfo = weights::pallet_rampart_registry::WeightInfo<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = RegistryBenchmarkHelper;
}

/// Signs benchmark opt-ins with an sr25519 key generated in the benchmark's keystore.
#[cfg(feature = "runtime-benchmarks")]
pub struct RegistryBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_rampart_registry::BenchmarkHelper<Signature, AccountId> for RegistryBenchmarkHelper {
	fn signer() -> AccountId {
		use sp_runtime::traits::IdentifyAccount;
		let public = sp_io::crypto::sr25519_generate(BENCHMARK_KEY_TYPE, None);
		AccountPublic::from(public).into_account()
	}

	fn sign(signer: &AccountId, message: &[u8]) -> Signature {
		let public = sp_core::sr25519::Public::from_raw(*signer.as_ref());
		let signature = sp_io::crypto::sr25519_sign(BENCHMARK_KEY_TYPE, &public, message)
			.expect("`signer` generated this key in the benchmark keystore; qed");
		Signature::Sr25519(signature)
	}
}

#[cfg(feature = "runtime-benchmarks")]
const BENCHMARK_KEY_TYPE: sp_core::crypto::KeyTypeId = sp_core::crypto::KeyTypeId(*b"rmpt");

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
	type BlockNumberProvider = System;
	type MinEpochDuration = MinEpochDuration;
	type MaxEpochDuration = MaxEpochDuration;
	type RewardLookback = RewardLookback;
	type MaxInitialRoles = frame_support::traits::ConstU32<16>;
	type MaxClaimBatch = frame_support::traits::ConstU32<32>;
	type WeightInfo = weights::pallet_rampart_vaults::WeightInfo<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = VaultsBenchmarkHelper;
}

/// Gives the vault benchmarks asset #1000, created on first use.
#[cfg(feature = "runtime-benchmarks")]
pub struct VaultsBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_rampart_vaults::BenchmarkHelper<AssetKind> for VaultsBenchmarkHelper {
	fn collateral() -> AssetKind {
		use frame_support::traits::fungibles::{Create, Inspect};
		const ID: rampart_primitives::AssetId = 1_000;
		if !crate::Assets::asset_exists(ID) {
			let owner: AccountId = frame_benchmarking::account("asset-owner", 0, 0);
			<crate::Assets as Create<AccountId>>::create(ID, owner, true, 1)
				.expect("asset 1000 does not exist yet; qed");
		}
		AssetKind::WithId(ID)
	}
}
