// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! What `rampart-node benchmark extrinsic` needs: signed extrinsics of the runtime, built by the
//! node, and the inherent data of a block.

use std::{sync::Arc, time::Duration};

use rampart_runtime::{AccountId, Balance, BalancesCall, SystemCall};
use sc_cli::Result;
use sc_client_api::BlockBackend;
use sp_core::{Encode, Pair};
use sp_inherents::{InherentData, InherentDataProvider};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{generic::Era, OpaqueExtrinsic, SaturatedConversion};

use crate::service::FullClient;

/// Builds `system.remark` extrinsics.
pub struct RemarkBuilder {
	client: Arc<FullClient>,
}

impl RemarkBuilder {
	/// A builder over `client`'s best block.
	pub fn new(client: Arc<FullClient>) -> Self {
		Self { client }
	}
}

impl frame_benchmarking_cli::ExtrinsicBuilder for RemarkBuilder {
	fn pallet(&self) -> &str {
		"system"
	}

	fn extrinsic(&self) -> &str {
		"remark"
	}

	fn build(&self, nonce: u32) -> std::result::Result<OpaqueExtrinsic, &'static str> {
		let call = SystemCall::remark { remark: vec![] };
		Ok(create_benchmark_extrinsic(&self.client, Sr25519Keyring::Bob.pair(), call.into(), nonce)
			.into())
	}
}

/// Builds `balances.transfer_keep_alive` extrinsics.
pub struct TransferKeepAliveBuilder {
	client: Arc<FullClient>,
	dest: AccountId,
	value: Balance,
}

impl TransferKeepAliveBuilder {
	/// A builder of transfers of `value` to `dest`.
	pub fn new(client: Arc<FullClient>, dest: AccountId, value: Balance) -> Self {
		Self { client, dest, value }
	}
}

impl frame_benchmarking_cli::ExtrinsicBuilder for TransferKeepAliveBuilder {
	fn pallet(&self) -> &str {
		"balances"
	}

	fn extrinsic(&self) -> &str {
		"transfer_keep_alive"
	}

	fn build(&self, nonce: u32) -> std::result::Result<OpaqueExtrinsic, &'static str> {
		let call =
			BalancesCall::transfer_keep_alive { dest: self.dest.clone().into(), value: self.value };
		Ok(create_benchmark_extrinsic(&self.client, Sr25519Keyring::Bob.pair(), call.into(), nonce)
			.into())
	}
}

/// A signed extrinsic of `call` by `sender` with `nonce`, valid on `client`'s best block.
pub fn create_benchmark_extrinsic(
	client: &FullClient,
	sender: sp_core::sr25519::Pair,
	call: rampart_runtime::RuntimeCall,
	nonce: u32,
) -> rampart_runtime::UncheckedExtrinsic {
	let genesis_hash = client.block_hash(0).ok().flatten().expect("the genesis block exists; qed");
	let best_hash = client.chain_info().best_hash;
	let best_block = client.chain_info().best_number;

	let period = rampart_runtime::configs::BlockHashCount::get()
		.checked_next_power_of_two()
		.map(|c| c / 2)
		.unwrap_or(2) as u64;
	let tx_ext: rampart_runtime::TxExtension = (
		frame_system::CheckNonZeroSender::<rampart_runtime::Runtime>::new(),
		frame_system::CheckSpecVersion::<rampart_runtime::Runtime>::new(),
		frame_system::CheckTxVersion::<rampart_runtime::Runtime>::new(),
		frame_system::CheckGenesis::<rampart_runtime::Runtime>::new(),
		frame_system::CheckEra::<rampart_runtime::Runtime>::from(Era::mortal(
			period,
			best_block.saturated_into(),
		)),
		frame_system::CheckNonce::<rampart_runtime::Runtime>::from(nonce),
		frame_system::CheckWeight::<rampart_runtime::Runtime>::new(),
		pallet_transaction_payment::ChargeTransactionPayment::<rampart_runtime::Runtime>::from(0),
		frame_system::WeightReclaim::<rampart_runtime::Runtime>::new(),
	);

	let raw_payload = rampart_runtime::SignedPayload::from_raw(
		call.clone(),
		tx_ext.clone(),
		(
			(),
			rampart_runtime::VERSION.spec_version,
			rampart_runtime::VERSION.transaction_version,
			genesis_hash,
			best_hash,
			(),
			(),
			(),
			(),
		),
	);
	let signature = raw_payload.using_encoded(|e| sender.sign(e));

	rampart_runtime::UncheckedExtrinsic::new_signed(
		call,
		sp_runtime::AccountId32::from(sender.public()).into(),
		rampart_runtime::Signature::Sr25519(signature),
		tx_ext,
	)
}

/// The inherent data of a benchmark block: only the timestamp.
pub fn inherent_benchmark_data() -> Result<InherentData> {
	let mut inherent_data = InherentData::new();
	let d = Duration::from_millis(0);
	let timestamp = sp_timestamp::InherentDataProvider::new(d.into());

	futures::executor::block_on(timestamp.provide_inherent_data(&mut inherent_data))
		.map_err(|e| format!("creating inherent data: {e:?}"))?;
	Ok(inherent_data)
}
