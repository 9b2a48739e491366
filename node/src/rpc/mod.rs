// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The node's JSON-RPC methods beyond Substrate's built-in ones (`system_*`, `chain_*`,
//! `state_*`, `author_*` come from `sc-service`): `rampart_*` (see [`rampart`]),
//! `system_accountNextIndex`, `system_dryRun` and `payment_*`.

pub mod rampart;

use std::sync::Arc;

use jsonrpsee::RpcModule;
use rampart_runtime::{opaque::Block, AccountId, Balance, Nonce};
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};

/// What the RPC extensions need.
pub struct FullDeps<C, P> {
	/// The client.
	pub client: Arc<C>,
	/// The transaction pool.
	pub pool: Arc<P>,
}

/// The RPC extensions of a full node: `rampart_*`, `system_accountNextIndex`, `system_dryRun`
/// and `payment_queryInfo`/`payment_queryFeeDetails`.
pub fn create_full<C, P>(
	deps: FullDeps<C, P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>,
	C: HeaderBackend<Block> + HeaderMetadata<Block, Error = BlockChainError> + 'static,
	C: Send + Sync + 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>,
	C::Api: pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>,
	C::Api: BlockBuilder<Block>,
	C::Api: rampart_runtime_api::RampartApi<
		Block,
		AccountId,
		rampart_runtime::AssetKind,
		rampart_runtime::BlockNumber,
	>,
	P: TransactionPool + 'static,
{
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use rampart::{Rampart, RampartRpcServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let mut module = RpcModule::new(());
	let FullDeps { client, pool } = deps;

	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	module.merge(Rampart::new(client).into_rpc())?;

	Ok(module)
}
