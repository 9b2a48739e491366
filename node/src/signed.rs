// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Signed extrinsics of the reference runtime, built outside it: the node's bench chain
//! (`build-bench-chain`) and the end-to-end tests (`tests/common`, which include this file)
//! sign with it.

use codec::Encode;
use rampart_runtime::{Runtime, RuntimeCall};
use sp_core::{Pair, H256};
use sp_runtime::generic::Era;

/// `call` signed by `signer` with `nonce` (immortal, no tip) for the reference runtime of the
/// chain with `genesis`, SCALE-encoded as `author_submitExtrinsic` takes it.
pub fn signed_by(
	genesis: H256,
	signer: &sp_core::sr25519::Pair,
	nonce: u32,
	call: RuntimeCall,
) -> Vec<u8> {
	let tx_ext: rampart_runtime::TxExtension = (
		frame_system::CheckNonZeroSender::<Runtime>::new(),
		frame_system::CheckSpecVersion::<Runtime>::new(),
		frame_system::CheckTxVersion::<Runtime>::new(),
		frame_system::CheckGenesis::<Runtime>::new(),
		frame_system::CheckEra::<Runtime>::from(Era::Immortal),
		frame_system::CheckNonce::<Runtime>::from(nonce),
		frame_system::CheckWeight::<Runtime>::new(),
		pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(0),
		frame_system::WeightReclaim::<Runtime>::new(),
	);
	let payload = rampart_runtime::SignedPayload::from_raw(
		call.clone(),
		tx_ext.clone(),
		(
			(),
			rampart_runtime::VERSION.spec_version,
			rampart_runtime::VERSION.transaction_version,
			genesis,
			genesis,
			(),
			(),
			(),
			(),
		),
	);
	let signature = payload.using_encoded(|e| signer.sign(e));
	let account: rampart_runtime::AccountId = signer.public().into();
	rampart_runtime::UncheckedExtrinsic::new_signed(
		call,
		account.into(),
		rampart_runtime::Signature::Sr25519(signature),
		tx_ext,
	)
	.encode()
}
