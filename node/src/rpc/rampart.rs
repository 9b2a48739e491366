// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! `rampart_*`: the restaking read methods, each a call of the runtime's
//! [`RampartApi`](rampart_runtime_api::RampartApi) at a block (the best block unless `at`, a block
//! hash, is given, as `state_*` methods take it).
//!
//! Answers at a block hash never change (neither the state nor the runtime there can), so the
//! node keeps the JSON of recent answers ([`CACHE_BYTES`] at most) and many clients asking the
//! same question at the best block cost one runtime call per block.
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

use std::{
	collections::{HashMap, VecDeque},
	sync::{Arc, Mutex},
};

use codec::Encode;
use jsonrpsee::{
	core::{async_trait, RpcResult},
	proc_macros::rpc,
	types::{ErrorObject, ErrorObjectOwned},
};
use rampart_primitives::{Subnetwork, VaultId};
use rampart_runtime::{opaque::Block, AccountId, AssetKind, BlockNumber};
use rampart_runtime_api::{
	ApiError, RampartApi as RuntimeApi, RequestFilter, MAX_REQUESTS_PER_PAGE,
};
use serde::Serialize;
use serde_json::value::RawValue;
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::{Block as BlockT, Header as _};

type Hash = <Block as BlockT>::Hash;

/// An answer as the JSON sent.
pub type Json = Box<RawValue>;

/// The `rampart_*` methods. Each answers the JSON of the runtime API type named.
#[rpc(server, namespace = "rampart")]
pub trait RampartRpc {
	/// A vault's settings and pools: a [`rampart_runtime_api::VaultSummary`].
	#[method(name = "vault")]
	async fn vault(&self, vault: VaultId, at: Option<Hash>) -> RpcResult<Json>;

	/// An account's position in a vault (shares, active balance, unclaimed withdrawals by
	/// epoch, slashable balance): a [`rampart_runtime_api::Position`].
	#[method(name = "position")]
	async fn position(
		&self,
		vault: VaultId,
		account: AccountId,
		at: Option<Hash>,
	) -> RpcResult<Json>;

	/// The stake a vault gave an operator in a subnetwork at block `block`: an amount (a
	/// decimal string).
	#[method(name = "stakeAt")]
	async fn stake_at(
		&self,
		vault: VaultId,
		subnetwork: Subnetwork<AccountId>,
		operator: AccountId,
		block: BlockNumber,
		at: Option<Hash>,
	) -> RpcResult<Json>;

	/// An operator's power in a subnetwork at `block` (default: the block read at): a
	/// [`rampart_runtime_api::OperatorPower`].
	#[method(name = "operatorPower")]
	async fn operator_power(
		&self,
		subnetwork: Subnetwork<AccountId>,
		operator: AccountId,
		block: Option<BlockNumber>,
		at: Option<Hash>,
	) -> RpcResult<Json>;

	/// A subnetwork's operator set at `block` (default: the block read at): a
	/// [`rampart_runtime_api::OperatorSet`].
	#[method(name = "operatorSet")]
	async fn operator_set(
		&self,
		subnetwork: Subnetwork<AccountId>,
		block: Option<BlockNumber>,
		at: Option<Hash>,
	) -> RpcResult<Json>;

	/// A page of slash requests of a vault (`{"vault": id}`) or a subnetwork
	/// (`{"subnetwork": {"network": .., "id": ..}}`), from `from` (default 0), at most `limit`
	/// (default and maximum 64): a [`rampart_runtime_api::RequestPage`].
	#[method(name = "slashRequests")]
	async fn slash_requests(
		&self,
		filter: RequestFilter<AccountId>,
		from: Option<u64>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Json>;

	/// What an account can claim as staker, operator and fee claimer, looking at 128 vault
	/// ids from `from` (default 0): a [`rampart_runtime_api::PendingRewards`].
	#[method(name = "pendingRewards")]
	async fn pending_rewards(
		&self,
		account: AccountId,
		from: Option<VaultId>,
		at: Option<Hash>,
	) -> RpcResult<Json>;

	/// Everything through which an account's collateral can be slashed now, looking at 128
	/// vault ids from `from` (default 0): a [`rampart_runtime_api::AccountExposure`].
	#[method(name = "accountExposure")]
	async fn account_exposure(
		&self,
		account: AccountId,
		from: Option<VaultId>,
		at: Option<Hash>,
	) -> RpcResult<Json>;

	/// An operator's networks, vaults and stake at risk: a
	/// [`rampart_runtime_api::OperatorExposure`].
	#[method(name = "operatorExposure")]
	async fn operator_exposure(&self, operator: AccountId, at: Option<Hash>) -> RpcResult<Json>;

	/// A network's middleware and, for each subnetwork id (default `[0]`, at most 16), its
	/// accepted vaults and operator set: a [`rampart_runtime_api::NetworkView`].
	#[method(name = "networkView")]
	async fn network_view(
		&self,
		network: AccountId,
		subnetworks: Option<Vec<u32>>,
		at: Option<Hash>,
	) -> RpcResult<Json>;

	/// Top share, Herfindahl-Hirschman index and Nakamoto coefficients of a subnetwork's power
	/// at `block` (default: the block read at): a [`rampart_runtime_api::Concentration`].
	#[method(name = "concentration")]
	async fn concentration(
		&self,
		subnetwork: Subnetwork<AccountId>,
		block: Option<BlockNumber>,
		at: Option<Hash>,
	) -> RpcResult<Json>;
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

/// The most bytes of answers [`Answers`] keeps.
pub const CACHE_BYTES: usize = 16 * 1024 * 1024;

type Key = (Hash, &'static str, Vec<u8>);

/// An answer kept: the JSON of a result, or the error.
#[derive(Clone)]
enum Answer {
	Json(Json),
	Error(ErrorObjectOwned),
}

impl Answer {
	fn size(&self) -> usize {
		match self {
			Answer::Json(json) => json.get().len(),
			Answer::Error(e) => e.message().len(),
		}
	}

	fn into_result(self) -> RpcResult<Json> {
		match self {
			Answer::Json(json) => Ok(json),
			Answer::Error(e) => Err(e),
		}
	}
}

/// Answers already given, by (block hash, method, arguments), oldest out first past
/// [`CACHE_BYTES`].
#[derive(Default)]
struct Answers {
	answers: HashMap<Key, Answer>,
	order: VecDeque<Key>,
	bytes: usize,
}

impl Answers {
	fn size(key: &Key, answer: &Answer) -> usize {
		key.2.len() + answer.size() + 64
	}

	fn get(&self, key: &Key) -> Option<Answer> {
		self.answers.get(key).cloned()
	}

	fn insert(&mut self, key: Key, answer: Answer) {
		let size = Self::size(&key, &answer);
		if size > CACHE_BYTES || self.answers.contains_key(&key) {
			return;
		}
		while self.bytes + size > CACHE_BYTES {
			let Some(old) = self.order.pop_front() else { break };
			if let Some(answer) = self.answers.remove(&old) {
				self.bytes -= Self::size(&old, &answer);
			}
		}
		self.bytes += size;
		self.order.push_back(key.clone());
		self.answers.insert(key, answer);
	}
}

/// The `rampart_*` methods over a client.
pub struct Rampart<C> {
	client: Arc<C>,
	answers: Arc<Mutex<Answers>>,
	/// Runtime calls in flight: at most one per core. More would not finish sooner, and past
	/// the executor's pool of runtime instances each extra call instantiates the runtime anew:
	/// queued here, calls keep reusing warm instances and finish in arrival order.
	running: Arc<tokio::sync::Semaphore>,
}

impl<C> Rampart<C> {
	/// Serves `client`.
	pub fn new(client: Arc<C>) -> Self {
		let cores = std::thread::available_parallelism().map_or(2, |n| n.get()).clamp(1, 8);
		Self {
			client,
			answers: Default::default(),
			running: Arc::new(tokio::sync::Semaphore::new(cores)),
		}
	}
}

/// What a runtime API call gives: the call's own error, or the method's answer or refusal.
type Outcome<R> = Result<Result<R, ApiError>, sp_api::ApiError>;

impl<C> Rampart<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: RuntimeApi<Block, AccountId, AssetKind, BlockNumber>,
{
	/// The block to read at and its number.
	fn block(&self, at: Option<Hash>) -> RpcResult<(Hash, BlockNumber)> {
		let Some(hash) = at else {
			let info = self.client.info();
			return Ok((info.best_hash, info.best_number));
		};
		let header = self
			.client
			.header(hash)
			.map_err(runtime_error)?
			.ok_or_else(|| ErrorObject::owned(4010, "unknown block hash", None::<()>))?;
		Ok((hash, *header.number()))
	}

	/// The answer of `f` at `at` (the best block by default) with `args`: kept from an earlier
	/// identical call, or computed by a runtime call on a blocking thread.
	async fn answer<A, R, F>(
		&self,
		method: &'static str,
		at: Option<Hash>,
		args: A,
		f: F,
	) -> RpcResult<Json>
	where
		A: Encode + Send + 'static,
		R: Serialize,
		F: FnOnce(&sp_api::ApiRef<'_, C::Api>, Hash, BlockNumber, A) -> Outcome<R> + Send + 'static,
	{
		let (hash, number) = self.block(at)?;
		let key = (hash, method, args.encode());
		if let Some(answer) = self.answers.lock().ok().and_then(|a| a.get(&key)) {
			return answer.into_result();
		}
		let permit = self.running.clone().acquire_owned().await.map_err(runtime_error)?;
		// Asked and answered while this call waited?
		if let Some(answer) = self.answers.lock().ok().and_then(|a| a.get(&key)) {
			return answer.into_result();
		}
		let (client, answers) = (self.client.clone(), self.answers.clone());
		tokio::task::spawn_blocking(move || {
			let _permit = permit;
			let api = client.runtime_api();
			let answer = match f(&api, hash, number, args).map_err(runtime_error)? {
				Ok(value) => {
					Answer::Json(serde_json::value::to_raw_value(&value).map_err(runtime_error)?)
				},
				Err(e) => Answer::Error(error(e)),
			};
			if let Ok(mut answers) = answers.lock() {
				answers.insert(key, answer.clone());
			}
			answer.into_result()
		})
		.await
		.map_err(runtime_error)?
	}
}

#[async_trait]
impl<C> RampartRpcServer for Rampart<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: RuntimeApi<Block, AccountId, AssetKind, BlockNumber>,
{
	async fn vault(&self, vault: VaultId, at: Option<Hash>) -> RpcResult<Json> {
		self.answer("vault", at, vault, |api, hash, _, vault| api.vault(hash, vault))
			.await
	}

	async fn position(
		&self,
		vault: VaultId,
		account: AccountId,
		at: Option<Hash>,
	) -> RpcResult<Json> {
		self.answer("position", at, (vault, account), |api, hash, _, (vault, account)| {
			api.position(hash, vault, account)
		})
		.await
	}

	async fn stake_at(
		&self,
		vault: VaultId,
		subnetwork: Subnetwork<AccountId>,
		operator: AccountId,
		block: BlockNumber,
		at: Option<Hash>,
	) -> RpcResult<Json> {
		let args = (vault, subnetwork, operator, block);
		self.answer("stake_at", at, args, |api, hash, _, (vault, subnetwork, operator, block)| {
			api.stake_at(hash, vault, subnetwork, operator, block)
				.map(|r| r.map(|stake| stake.to_string()))
		})
		.await
	}

	async fn operator_power(
		&self,
		subnetwork: Subnetwork<AccountId>,
		operator: AccountId,
		block: Option<BlockNumber>,
		at: Option<Hash>,
	) -> RpcResult<Json> {
		let args = (subnetwork, operator, block);
		self.answer("operator_power", at, args, |api, hash, n, (subnetwork, operator, block)| {
			api.operator_power(hash, subnetwork, operator, block.unwrap_or(n))
		})
		.await
	}

	async fn operator_set(
		&self,
		subnetwork: Subnetwork<AccountId>,
		block: Option<BlockNumber>,
		at: Option<Hash>,
	) -> RpcResult<Json> {
		self.answer("operator_set", at, (subnetwork, block), |api, hash, n, (subnetwork, block)| {
			api.operator_set(hash, subnetwork, block.unwrap_or(n))
		})
		.await
	}

	async fn slash_requests(
		&self,
		filter: RequestFilter<AccountId>,
		from: Option<u64>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Json> {
		let args = (filter, from.unwrap_or(0), limit.unwrap_or(MAX_REQUESTS_PER_PAGE));
		self.answer("slash_requests", at, args, |api, hash, _, (filter, from, limit)| {
			api.slash_requests(hash, filter, from, limit)
		})
		.await
	}

	async fn pending_rewards(
		&self,
		account: AccountId,
		from: Option<VaultId>,
		at: Option<Hash>,
	) -> RpcResult<Json> {
		let args = (account, from.unwrap_or(0));
		self.answer("pending_rewards", at, args, |api, hash, _, (account, from)| {
			api.pending_rewards(hash, account, from).map(Ok)
		})
		.await
	}

	async fn account_exposure(
		&self,
		account: AccountId,
		from: Option<VaultId>,
		at: Option<Hash>,
	) -> RpcResult<Json> {
		let args = (account, from.unwrap_or(0));
		self.answer("account_exposure", at, args, |api, hash, _, (account, from)| {
			api.account_exposure(hash, account, from).map(Ok)
		})
		.await
	}

	async fn operator_exposure(&self, operator: AccountId, at: Option<Hash>) -> RpcResult<Json> {
		self.answer("operator_exposure", at, operator, |api, hash, _, operator| {
			api.operator_exposure(hash, operator)
		})
		.await
	}

	async fn network_view(
		&self,
		network: AccountId,
		subnetworks: Option<Vec<u32>>,
		at: Option<Hash>,
	) -> RpcResult<Json> {
		let args = (network, subnetworks.unwrap_or_default());
		self.answer("network_view", at, args, |api, hash, _, (network, subnetworks)| {
			api.network_view(hash, network, subnetworks)
		})
		.await
	}

	async fn concentration(
		&self,
		subnetwork: Subnetwork<AccountId>,
		block: Option<BlockNumber>,
		at: Option<Hash>,
	) -> RpcResult<Json> {
		self.answer(
			"concentration",
			at,
			(subnetwork, block),
			|api, hash, n, (subnetwork, block)| {
				api.concentration(hash, subnetwork, block.unwrap_or(n))
			},
		)
		.await
	}
}
