// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! `rampart_*`: the restaking read methods, each a call of the runtime's
//! [`RampartApi`](rampart_runtime_api::RampartApi) at a block (the best block unless `at`, a block
//! hash, is given, as `state_*` methods take it).
//!
//! Safe to expose: every method answers within the bounds of `rampart-runtime-api` (pages of at
//! most 64 requests or 128 vault ids, 64 allocations per vault, 16 subnetworks, 128 opt-ins),
//! reads only, and refuses out-of-range arguments with a JSON-RPC error:
//!
//! | code | meaning |
//! |------|---------|
//! | -32602 | malformed parameters (an account that is not SS58, a negative number, ...) |
//! | 4001 | unknown vault |
//! | 4002 | unknown network |
//! | 4003 | unknown operator |
//! | 4004 | block after the one read at |
//! | 4005 | block before what the histories keep |
//! | 4006 | more items than the method's bound |
//! | 4007 | another chain error, named in the message |
//! | 4010 | unknown block hash |
//! | 4011 | the runtime could not answer (an older runtime without the API, say) |

use std::sync::Arc;

use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{ErrorObject, ErrorObjectOwned},
};
use rampart_primitives::{Subnetwork, VaultId};
use rampart_runtime::{opaque::Block, AccountId, AssetKind, BlockNumber};
use rampart_runtime_api::{
	AccountExposure, ApiError, Concentration, NetworkView, OperatorExposure, OperatorPower,
	OperatorSet, PendingRewards, Position, RampartApi as RuntimeApi, RequestFilter, RequestPage,
	VaultSummary, MAX_REQUESTS_PER_PAGE,
};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::{Block as BlockT, Header as _};

type Hash = <Block as BlockT>::Hash;

/// The `rampart_*` methods.
#[rpc(server, namespace = "rampart")]
pub trait RampartRpc {
	/// A vault's settings and pools.
	#[method(name = "vault")]
	fn vault(
		&self,
		vault: VaultId,
		at: Option<Hash>,
	) -> RpcResult<VaultSummary<AccountId, AssetKind, BlockNumber>>;

	/// An account's position in a vault: shares, active balance, unclaimed withdrawals by
	/// epoch, slashable balance.
	#[method(name = "position")]
	fn position(
		&self,
		vault: VaultId,
		account: AccountId,
		at: Option<Hash>,
	) -> RpcResult<Position<BlockNumber>>;

	/// The stake a vault gave an operator in a subnetwork at block `block`.
	#[method(name = "stakeAt")]
	fn stake_at(
		&self,
		vault: VaultId,
		subnetwork: Subnetwork<AccountId>,
		operator: AccountId,
		block: BlockNumber,
		at: Option<Hash>,
	) -> RpcResult<String>;

	/// An operator's power in a subnetwork at `block` (default: the block read at).
	#[method(name = "operatorPower")]
	fn operator_power(
		&self,
		subnetwork: Subnetwork<AccountId>,
		operator: AccountId,
		block: Option<BlockNumber>,
		at: Option<Hash>,
	) -> RpcResult<OperatorPower<AccountId>>;

	/// A subnetwork's operator set at `block` (default: the block read at).
	#[method(name = "operatorSet")]
	fn operator_set(
		&self,
		subnetwork: Subnetwork<AccountId>,
		block: Option<BlockNumber>,
		at: Option<Hash>,
	) -> RpcResult<OperatorSet<AccountId, BlockNumber>>;

	/// A page of slash requests of a vault (`{"vault": id}`) or a subnetwork
	/// (`{"subnetwork": {"network": .., "id": ..}}`), from `from` (default 0), at most `limit`
	/// (default and maximum 64).
	#[method(name = "slashRequests")]
	fn slash_requests(
		&self,
		filter: RequestFilter<AccountId>,
		from: Option<u64>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<RequestPage<AccountId, BlockNumber>>;

	/// What an account can claim as staker, operator and fee claimer, looking at 128 vault
	/// ids from `from` (default 0).
	#[method(name = "pendingRewards")]
	fn pending_rewards(
		&self,
		account: AccountId,
		from: Option<VaultId>,
		at: Option<Hash>,
	) -> RpcResult<PendingRewards<AccountId, AssetKind>>;

	/// Everything through which an account's collateral can be slashed now, looking at 128
	/// vault ids from `from` (default 0).
	#[method(name = "accountExposure")]
	fn account_exposure(
		&self,
		account: AccountId,
		from: Option<VaultId>,
		at: Option<Hash>,
	) -> RpcResult<AccountExposure<AccountId, AssetKind, BlockNumber>>;

	/// An operator's networks, vaults and stake at risk.
	#[method(name = "operatorExposure")]
	fn operator_exposure(
		&self,
		operator: AccountId,
		at: Option<Hash>,
	) -> RpcResult<OperatorExposure<AccountId, AssetKind, BlockNumber>>;

	/// A network's middleware and, for each subnetwork id (default `[0]`, at most 16), its
	/// accepted vaults and operator set.
	#[method(name = "networkView")]
	fn network_view(
		&self,
		network: AccountId,
		subnetworks: Option<Vec<u32>>,
		at: Option<Hash>,
	) -> RpcResult<NetworkView<AccountId, BlockNumber>>;

	/// Top share, Herfindahl-Hirschman index and Nakamoto coefficients of a subnetwork's power
	/// at `block` (default: the block read at).
	#[method(name = "concentration")]
	fn concentration(
		&self,
		subnetwork: Subnetwork<AccountId>,
		block: Option<BlockNumber>,
		at: Option<Hash>,
	) -> RpcResult<Concentration<AccountId, BlockNumber>>;
}

/// The JSON-RPC error of a runtime API error.
pub fn error(e: ApiError) -> ErrorObjectOwned {
	let (code, message) = match e {
		ApiError::UnknownVault => (4001, "unknown vault".to_string()),
		ApiError::UnknownNetwork => (4002, "not a registered network".to_string()),
		ApiError::UnknownOperator => (4003, "not a registered operator".to_string()),
		ApiError::FutureBlock => (4004, "the block lies after the block read at".to_string()),
		ApiError::HistoryPruned => (
			4005,
			"the block lies before what the histories keep (about one epoch of the vault)"
				.to_string(),
		),
		ApiError::TooManyItems => {
			(4006, "more items than the method allows (see its documentation)".to_string())
		},
		ApiError::Other(name) => (4007, format!("the chain refused: {name}")),
	};
	ErrorObject::owned(code, message, None::<()>)
}

fn runtime_error(e: impl std::fmt::Display) -> ErrorObjectOwned {
	ErrorObject::owned(4011, format!("the runtime could not answer: {e}"), None::<()>)
}

/// The `rampart_*` methods over a client.
pub struct Rampart<C> {
	client: Arc<C>,
}

impl<C> Rampart<C> {
	/// Serves `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

impl<C> Rampart<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: RuntimeApi<Block, AccountId, AssetKind, BlockNumber>,
{
	/// The block to read at and its number.
	fn block(&self, at: Option<Hash>) -> RpcResult<(Hash, BlockNumber)> {
		let hash = at.unwrap_or_else(|| self.client.info().best_hash);
		let header = self
			.client
			.header(hash)
			.map_err(runtime_error)?
			.ok_or_else(|| ErrorObject::owned(4010, "unknown block hash", None::<()>))?;
		Ok((hash, *header.number()))
	}

	fn call<R>(
		&self,
		at: Option<Hash>,
		f: impl FnOnce(&sp_api::ApiRef<'_, C::Api>, Hash, BlockNumber) -> Result<R, sp_api::ApiError>,
	) -> RpcResult<R> {
		let (hash, number) = self.block(at)?;
		let api = self.client.runtime_api();
		f(&api, hash, number).map_err(runtime_error)
	}
}

impl<C> RampartRpcServer for Rampart<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: RuntimeApi<Block, AccountId, AssetKind, BlockNumber>,
{
	fn vault(
		&self,
		vault: VaultId,
		at: Option<Hash>,
	) -> RpcResult<VaultSummary<AccountId, AssetKind, BlockNumber>> {
		self.call(at, |api, hash, _| api.vault(hash, vault))?.map_err(error)
	}

	fn position(
		&self,
		vault: VaultId,
		account: AccountId,
		at: Option<Hash>,
	) -> RpcResult<Position<BlockNumber>> {
		self.call(at, |api, hash, _| api.position(hash, vault, account))?.map_err(error)
	}

	fn stake_at(
		&self,
		vault: VaultId,
		subnetwork: Subnetwork<AccountId>,
		operator: AccountId,
		block: BlockNumber,
		at: Option<Hash>,
	) -> RpcResult<String> {
		self.call(at, |api, hash, _| api.stake_at(hash, vault, subnetwork, operator, block))?
			.map(|stake| stake.to_string())
			.map_err(error)
	}

	fn operator_power(
		&self,
		subnetwork: Subnetwork<AccountId>,
		operator: AccountId,
		block: Option<BlockNumber>,
		at: Option<Hash>,
	) -> RpcResult<OperatorPower<AccountId>> {
		self.call(at, |api, hash, n| {
			api.operator_power(hash, subnetwork, operator, block.unwrap_or(n))
		})?
		.map_err(error)
	}

	fn operator_set(
		&self,
		subnetwork: Subnetwork<AccountId>,
		block: Option<BlockNumber>,
		at: Option<Hash>,
	) -> RpcResult<OperatorSet<AccountId, BlockNumber>> {
		self.call(at, |api, hash, n| api.operator_set(hash, subnetwork, block.unwrap_or(n)))?
			.map_err(error)
	}

	fn slash_requests(
		&self,
		filter: RequestFilter<AccountId>,
		from: Option<u64>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<RequestPage<AccountId, BlockNumber>> {
		let limit = limit.unwrap_or(MAX_REQUESTS_PER_PAGE);
		self.call(at, |api, hash, _| api.slash_requests(hash, filter, from.unwrap_or(0), limit))?
			.map_err(error)
	}

	fn pending_rewards(
		&self,
		account: AccountId,
		from: Option<VaultId>,
		at: Option<Hash>,
	) -> RpcResult<PendingRewards<AccountId, AssetKind>> {
		self.call(at, |api, hash, _| api.pending_rewards(hash, account, from.unwrap_or(0)))
	}

	fn account_exposure(
		&self,
		account: AccountId,
		from: Option<VaultId>,
		at: Option<Hash>,
	) -> RpcResult<AccountExposure<AccountId, AssetKind, BlockNumber>> {
		self.call(at, |api, hash, _| api.account_exposure(hash, account, from.unwrap_or(0)))
	}

	fn operator_exposure(
		&self,
		operator: AccountId,
		at: Option<Hash>,
	) -> RpcResult<OperatorExposure<AccountId, AssetKind, BlockNumber>> {
		self.call(at, |api, hash, _| api.operator_exposure(hash, operator))?
			.map_err(error)
	}

	fn network_view(
		&self,
		network: AccountId,
		subnetworks: Option<Vec<u32>>,
		at: Option<Hash>,
	) -> RpcResult<NetworkView<AccountId, BlockNumber>> {
		let subnetworks = subnetworks.unwrap_or_default();
		self.call(at, |api, hash, _| api.network_view(hash, network, subnetworks))?
			.map_err(error)
	}

	fn concentration(
		&self,
		subnetwork: Subnetwork<AccountId>,
		block: Option<BlockNumber>,
		at: Option<Hash>,
	) -> RpcResult<Concentration<AccountId, BlockNumber>> {
		self.call(at, |api, hash, n| api.concentration(hash, subnetwork, block.unwrap_or(n)))?
			.map_err(error)
	}
}
