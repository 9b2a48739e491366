// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Restaking: the registry of networks, operators and opt-ins.

use frame_support::{
	parameter_types,
	traits::{fungible::HoldConsideration, LinearStoragePrice},
};
use rampart_primitives::{AccountPublic, Signature};

use crate::{
	weights, Balance, Balances, BlockNumber, Runtime, RuntimeHoldReason, System, DAYS, MILLI_UNIT,
	UNIT,
};

parameter_types! {
	/// Registration deposit: a base per record...
	pub const RegistrationBaseDeposit: Balance = UNIT;
	/// ...plus this much per byte of the record (it grows with the metadata URL).
	pub const RegistrationByteDeposit: Balance = 10 * MILLI_UNIT;
	pub const RegistrationHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Registry(pallet_rampart_registry::HoldReason::Registration);
	/// Opt-in history answers for four weeks: two of the longest vault epochs the reference chain
	/// plans for (one week each) plus two weeks of reward lookback.
	pub const OptInHistoryRetention: BlockNumber = 28 * DAYS;
	/// At most 32 opt-in changes per (operator, target) inside the retention window.
	pub const MaxOptInHistory: u32 = 32;
	/// Metadata URLs up to 256 bytes.
	pub const MaxMetadataLen: u32 = 256;
}

impl pallet_rampart_registry::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Consideration = HoldConsideration<
		crate::AccountId,
		Balances,
		RegistrationHoldReason,
		LinearStoragePrice<RegistrationBaseDeposit, RegistrationByteDeposit, Balance>,
	>;
	type BlockNumberProvider = System;
	/// No vaults pallet yet: no vault exists, so only network opt-ins are possible.
	type Vaults = ();
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
impl pallet_rampart_registry::BenchmarkHelper<Signature, crate::AccountId>
	for RegistryBenchmarkHelper
{
	fn signer() -> crate::AccountId {
		use sp_runtime::traits::IdentifyAccount;
		let public = sp_io::crypto::sr25519_generate(BENCHMARK_KEY_TYPE, None);
		AccountPublic::from(public).into_account()
	}

	fn sign(signer: &crate::AccountId, message: &[u8]) -> Signature {
		let public = sp_core::sr25519::Public::from_raw(*signer.as_ref());
		let signature = sp_io::crypto::sr25519_sign(BENCHMARK_KEY_TYPE, &public, message)
			.expect("`signer` generated this key in the benchmark keystore; qed");
		Signature::Sr25519(signature)
	}
}

#[cfg(feature = "runtime-benchmarks")]
const BENCHMARK_KEY_TYPE: sp_core::crypto::KeyTypeId = sp_core::crypto::KeyTypeId(*b"rmpt");
