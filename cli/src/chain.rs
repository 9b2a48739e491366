// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The connection to a node: signing and submitting with progress to inclusion and finality,
//! reading, token units, and errors that name the chain's error, its doc and what to do.

use std::{str::FromStr, time::Instant};

use serde_json::{json, Value};
use subxt::{
	config::{polkadot::PolkadotConfigBuilder, PolkadotConfig},
	error::DispatchError,
	rpcs::{client::RpcParams, RpcClient},
	transactions::{Payload, TransactionStatus},
	OnlineClient,
};
use subxt_signer::{sr25519::Keypair, SecretUri};

use crate::api::{rampart, AccountId32, Asset, NativeOrWithId, Subnetwork};

/// A failure, as the user sees it.
#[derive(Debug)]
pub struct CliError {
	/// `input` (the arguments), `chain` (the chain refused), `node` (the connection).
	pub kind: &'static str,
	/// What went wrong.
	pub message: String,
	/// The chain's error: pallet, name and its doc.
	pub chain_error: Option<Box<(String, String, String)>>,
	/// What to do about it.
	pub advice: Option<String>,
}

impl CliError {
	/// A bad argument.
	pub fn input(message: impl Into<String>) -> Self {
		Self { kind: "input", message: message.into(), chain_error: None, advice: None }
	}

	/// A failure of the node or the connection.
	pub fn node(message: impl std::fmt::Display) -> Self {
		Self { kind: "node", message: message.to_string(), chain_error: None, advice: None }
	}

	/// With advice.
	pub fn advise(mut self, advice: impl Into<String>) -> Self {
		self.advice = Some(advice.into());
		self
	}

	/// The process exit code: 2 for bad input, 1 otherwise.
	pub fn exit_code(&self) -> i32 {
		if self.kind == "input" {
			2
		} else {
			1
		}
	}

	/// The error as JSON (`--json`).
	pub fn to_json(&self) -> Value {
		let mut error = json!({ "kind": self.kind, "message": self.message });
		if let Some((pallet, name, doc)) = self.chain_error.as_deref() {
			error["pallet"] = json!(pallet);
			error["name"] = json!(name);
			error["doc"] = json!(doc);
		}
		if let Some(advice) = &self.advice {
			error["advice"] = json!(advice);
		}
		json!({ "error": error })
	}
}

impl std::fmt::Display for CliError {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		write!(f, "error: {}", self.message)?;
		if let Some((pallet, name, doc)) = self.chain_error.as_deref() {
			write!(f, "\n  the chain's error: {pallet}::{name}")?;
			if !doc.is_empty() {
				write!(f, ": {doc}")?;
			}
		}
		if let Some(advice) = &self.advice {
			write!(f, "\n  what to do: {advice}")?;
		}
		Ok(())
	}
}

/// What to do about a chain error, by its name (any pallet).
fn advice_for(name: &str) -> Option<&'static str> {
	Some(match name {
		"UnknownVault" => "no vault has this id: `rampart curator show <id>` shows a vault, `rampart staker exposure` lists yours",
		"NotNetwork" => "the signer (or the account named) is not a registered network: `rampart network register` first, or sign with the network's account (--suri)",
		"NotOperator" => "the signer (or the account named) is not a registered operator: `rampart operator register` first",
		"MissingRole" => "the signer lacks the vault role this call needs: the vault's admin grants it with `rampart curator grant-role --vault <id> --role <role> --account <signer>`",
		"MissingRoles" => "a vault without an admin needs a holder for each limit role of its delegator: list them under `roles` in the vault file",
		"NotWhitelistedDepositor" => "the vault takes deposits from whitelisted accounts only: ask its curator to whitelist you (`rampart curator whitelist`)",
		"DepositLimitReached" => "the deposit would pass the vault's deposit limit: deposit less, or ask the curator to raise the limit",
		"InsufficientBalance" | "FundsUnavailable" | "BelowMinimum" | "NotExpendable" | "Expendability" =>
			"the account has not enough free balance for this (amount, fees, deposits and the existential deposit): fund it or lower the amount",
		"NetworkAlreadyRegistered" | "OperatorAlreadyRegistered" | "AlreadyOptedIn" | "AlreadySet" | "AlreadyAccepted" | "AlreadyMember" | "AlreadyClaimed" =>
			"nothing to do: the chain is already in the state asked for",
		"NotOptedIn" => "the operator is not opted into this network or vault: `rampart operator opt-in` first",
		"OptOutCooldown" | "TooManyOptInChanges" | "TooManyChanges" =>
			"too many changes inside the history window: wait for the window to pass and try again",
		"InvalidCaptureBlock" | "InvalidCapture" | "InvalidCaptureEpoch" =>
			"the capture block must be a past block no older than the vault's epoch: pass a recent block (--capture), e.g. the current block minus one",
		"NotNetworkMiddleware" => "only the network's middleware account may do this: sign with it, or name it with `rampart network set-middleware`",
		"NotDelegated" => "the network handed slashing and rewards to an account, not to the middleware pallet: the account calls the slashing and rewards pallets itself (`rampart network slash-vault`)",
		"InvalidEpoch" | "InsufficientClaim" =>
			"a withdrawal is claimable once the epoch after its request has ended: `rampart staker position --vault <id>` shows each epoch and whether it is claimable",
		"TooMuchWithdraw" | "TooMuchRedeem" | "InsufficientShares" =>
			"that is more than the account holds: `rampart staker position --vault <id>` shows the active balance and shares",
		"InsufficientDeposit" | "InsufficientWithdrawal" | "InsufficientRedemption" =>
			"the amount rounds to no shares: use a larger amount",
		"UnknownRequest" => "no slash request has this id: the `Requested` event of `rampart network request-slash` gives it",
		"VetoPeriodNotEnded" => "the request can be executed once its veto window has passed: try again later",
		"VetoPeriodEnded" => "the veto window of this request has passed: it can no longer be vetoed",
		"NoResolver" | "NotResolver" => "only the subnetwork's resolver of the vault may veto: `rampart network set-resolver` names it",
		"WrongSlasherKind" => "the vault's slasher does not take this kind of slash: use `slash-vault` for an instant slasher, `request-slash` for a veto slasher",
		"NoValuation" => "the subnetwork prices no such collateral yet: `rampart network set-valuation` first",
		"NotAccepted" => "the subnetwork has not accepted this vault: `rampart network accept-vault` first",
		"NotAdmitted" => "the operator is not admitted to the subnetwork: it must opt into the network (`rampart operator opt-in --network <network>`), and be allowlisted if the subnetwork uses an allowlist",
		"NotMember" => "the operator is not in the subnetwork's operator set: `rampart operator join` first",
		"UnknownCollateral" | "CollateralDenied" => "the collateral is not an existing asset, or the chain's governance denied it",
		"InvalidEpochDuration" => "the epoch duration is outside the chain's bounds (see the vaults pallet's MinEpochDuration and MaxEpochDuration constants)",
		"NoRewardsToClaim" | "NoOperatorRewards" => "nothing to claim yet: `rampart staker rewards` shows what is claimable",
		"HighAdminFee" | "InvalidAdminFee" => "the fee is above what is allowed (at most 100 %, and at most the distributor's max-admin-fee)",
		"BadOrigin" => "this call needs another origin than a signed account (root or governance)",
		"CallFiltered" => "the signer may not make this call (a proxy that does not allow it?)",
		_ => return None,
	})
}

/// How long to wait after submitting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Wait {
	/// Until the transaction is in a best block.
	InBlock,
	/// Until its block is finalized.
	Finalized,
}

/// A token's units: how many decimals one unit has, and its symbol.
#[derive(Clone, Debug)]
pub struct Units {
	pub decimals: u8,
	pub symbol: String,
}

impl Units {
	/// `12.5` in base units; no more decimals than the token has.
	pub fn parse(&self, text: &str) -> Result<u128, CliError> {
		let bad = || {
			CliError::input(format!(
				"`{text}` is not an amount of {}: a decimal number with at most {} decimals, e.g. 12.5",
				self.symbol, self.decimals
			))
		};
		let clean: String = text.chars().filter(|c| *c != '_').collect();
		let (whole, fraction) = clean.split_once('.').unwrap_or((&clean, ""));
		if whole.is_empty() && fraction.is_empty()
			|| !whole.chars().chain(fraction.chars()).all(|c| c.is_ascii_digit())
		{
			return Err(bad());
		}
		if fraction.len() > self.decimals as usize {
			return Err(CliError::input(format!(
				"`{text}` has more decimals than {} has ({})",
				self.symbol, self.decimals
			)));
		}
		let scale = 10u128.checked_pow(self.decimals.into()).ok_or_else(bad)?;
		let whole: u128 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| bad())? };
		let padded = format!("{fraction:0<width$}", width = self.decimals as usize);
		let fraction: u128 =
			if padded.is_empty() { 0 } else { padded.parse().map_err(|_| bad())? };
		whole
			.checked_mul(scale)
			.and_then(|w| w.checked_add(fraction))
			.ok_or_else(|| CliError::input(format!("`{text}` is too large")))
	}

	/// Base units as `12.5 RAMP`.
	pub fn show(&self, amount: u128) -> String {
		let scale = 10u128.pow(self.decimals.into());
		let (whole, fraction) = (amount / scale, amount % scale);
		if fraction == 0 {
			return format!("{whole} {}", self.symbol);
		}
		let fraction = format!("{fraction:0>width$}", width = self.decimals as usize);
		format!("{whole}.{} {}", fraction.trim_end_matches('0'), self.symbol)
	}
}

/// An account: SS58, 32 bytes of hex, or a dev URI such as `//Bob`.
pub fn account(text: &str) -> Result<AccountId32, CliError> {
	if text.starts_with("//") {
		return Ok(keypair(text)?.public_key().to_account_id());
	}
	if let Some(hex) = text.strip_prefix("0x") {
		let bytes: [u8; 32] = hex::decode(hex)
			.ok()
			.and_then(|b| b.try_into().ok())
			.ok_or_else(|| CliError::input(format!("`{text}` is not a 32-byte account")))?;
		return Ok(AccountId32(bytes));
	}
	AccountId32::from_str(text).map_err(|_| {
		CliError::input(format!(
			"`{text}` is not an account (SS58 address, 0x + 64 hex digits, or //Name)"
		))
	})
}

/// A key pair from a secret URI: a dev name (`//Alice`), a mnemonic, a hex seed, with junctions.
pub fn keypair(suri: &str) -> Result<Keypair, CliError> {
	let uri = SecretUri::from_str(suri)
		.map_err(|e| CliError::input(format!("the secret URI is malformed: {e}")))?;
	Keypair::from_uri(&uri)
		.map_err(|e| CliError::input(format!("the secret URI gives no key: {e}")))
}

/// A subnetwork: `NETWORK:ID`, or `NETWORK` for id 0.
pub fn subnetwork(text: &str) -> Result<Subnetwork<AccountId32>, CliError> {
	let (network, id) = match text.rsplit_once(':') {
		Some((network, id)) => (
			network,
			id.parse().map_err(|_| {
				CliError::input(format!("`{id}` is not a subnetwork id (0 to 2^32 - 1)"))
			})?,
		),
		None => (text, 0),
	};
	Ok(Subnetwork { network: account(network)?, id })
}

/// A collateral: `native`, or an asset id.
pub fn asset(text: &str) -> Result<Asset, CliError> {
	if text.eq_ignore_ascii_case("native") {
		return Ok(NativeOrWithId::Native);
	}
	text.parse().map(NativeOrWithId::WithId).map_err(|_| {
		CliError::input(format!("`{text}` is not a collateral: `native` or an asset id"))
	})
}

/// An asset as the user writes it.
pub fn asset_name(asset: &Asset) -> String {
	match asset {
		NativeOrWithId::Native => "native".into(),
		NativeOrWithId::WithId(id) => format!("asset {id}"),
	}
}

/// The answer of a submitted transaction.
pub struct Receipt {
	pub block_hash: String,
	pub block_number: u64,
	pub extrinsic_hash: String,
	pub finalized: bool,
	pub events: subxt::extrinsics::ExtrinsicEvents<PolkadotConfig>,
	/// `Pallet.Event` of each of the transaction's events.
	pub event_names: Vec<String>,
}

impl Receipt {
	/// The first event of type `E`.
	pub fn find<E: subxt::events::DecodeAsEvent>(&self) -> Option<E> {
		self.events.find_first::<E>().and_then(Result::ok)
	}

	/// As JSON, with `result` beside the inclusion details.
	pub fn to_json(&self, result: Value) -> Value {
		json!({
			"result": result,
			"block": { "hash": self.block_hash, "number": self.block_number, "finalized": self.finalized },
			"extrinsic": self.extrinsic_hash,
			"events": self.event_names,
		})
	}
}

/// The client of one command.
pub struct Chain {
	pub api: OnlineClient<PolkadotConfig>,
	pub rpc: RpcClient,
	pub json: bool,
	pub wait: Wait,
	suri: Option<String>,
	native: Units,
}

impl Chain {
	/// Connects to `url`.
	pub async fn connect(
		url: &str,
		suri: Option<String>,
		json: bool,
		wait: Wait,
	) -> Result<Self, CliError> {
		let rpc = RpcClient::from_insecure_url(url).await.map_err(|e| {
			CliError::node(format!("cannot reach a node at {url}: {e}"))
				.advise("start a dev node (`./scripts/dev.sh`) or pass the node's WebSocket address with --url")
		})?;
		let config = PolkadotConfigBuilder::new().use_historic_types(false).build();
		let api =
			OnlineClient::from_rpc_client_with_config(config, rpc.clone())
				.await
				.map_err(|e| {
					CliError::node(format!("the node at {url} did not answer as a chain: {e}"))
				})?;
		let properties: Value =
			rpc.request("system_properties", RpcParams::new()).await.unwrap_or(Value::Null);
		let first = |v: &Value| {
			if let Value::Array(a) = v {
				a.first().cloned().unwrap_or(Value::Null)
			} else {
				v.clone()
			}
		};
		let native = Units {
			decimals: first(&properties["tokenDecimals"]).as_u64().unwrap_or(0).min(38) as u8,
			symbol: first(&properties["tokenSymbol"]).as_str().unwrap_or("UNIT").to_string(),
		};
		Ok(Self { api, rpc, json, wait, suri, native })
	}

	/// The client at the best block: reads see what was just included (the `rampart_*` views
	/// answer at the best block too), and a transaction takes its nonce there.
	pub async fn at_best(&self) -> Result<subxt::OnlineClientAtBlock<PolkadotConfig>, CliError> {
		let hash: subxt::utils::H256 = self
			.rpc
			.request("chain_getBlockHash", RpcParams::new())
			.await
			.map_err(CliError::node)?;
		self.api.at_block(hash).await.map_err(CliError::node)
	}

	/// The signer's key pair (`--suri` or `RAMPART_SURI`).
	pub fn signer(&self) -> Result<Keypair, CliError> {
		let suri = self.suri.as_deref().ok_or_else(|| {
			CliError::input("this command signs a transaction: pass --suri (e.g. //Alice on a dev chain) or set RAMPART_SURI")
		})?;
		keypair(suri)
	}

	/// The signer's account.
	pub fn signer_account(&self) -> Result<AccountId32, CliError> {
		Ok(self.signer()?.public_key().to_account_id())
	}

	/// `--account`, or the signer's.
	pub fn account_or_signer(&self, account: Option<&str>) -> Result<AccountId32, CliError> {
		match account {
			Some(text) => crate::chain::account(text),
			None => self.signer_account().map_err(|_| {
				CliError::input("name the account (--account) or the signer (--suri)")
			}),
		}
	}

	/// The units of a collateral: the chain's for the native token, the asset's metadata else.
	pub async fn units(&self, asset: &Asset) -> Result<Units, CliError> {
		let NativeOrWithId::WithId(id) = asset else { return Ok(self.native.clone()) };
		let at = self.at_best().await?;
		let metadata = at
			.storage()
			.try_fetch(rampart::storage().assets().metadata(), (*id,))
			.await
			.map_err(CliError::node)?;
		Ok(match metadata {
			Some(value) => {
				let m = value.decode().map_err(CliError::node)?;
				Units {
					decimals: m.decimals,
					symbol: String::from_utf8_lossy(&m.symbol.0).into_owned(),
				}
			},
			None => Units { decimals: 0, symbol: format!("of asset {id}") },
		})
	}

	/// The collateral of `vault`, or the chain's `UnknownVault` error.
	pub async fn vault_collateral(&self, vault: u32) -> Result<Asset, CliError> {
		let at = self.at_best().await?;
		let info = at
			.storage()
			.try_fetch(rampart::storage().vaults().vaults(), (vault,))
			.await
			.map_err(CliError::node)?;
		match info {
			Some(value) => Ok(value.decode().map_err(CliError::node)?.collateral),
			None => Err(Self::named_error(
				at.metadata_ref(),
				"Vaults",
				"UnknownVault",
				format!("vault {vault} does not exist"),
			)),
		}
	}

	/// The units of `vault`'s collateral.
	pub async fn vault_units(&self, vault: u32) -> Result<Units, CliError> {
		let collateral = self.vault_collateral(vault).await?;
		self.units(&collateral).await
	}

	/// An error named after the chain's own error `pallet::name` (with its doc from `metadata`),
	/// found before submitting anything.
	pub fn named_error(
		metadata: &subxt::Metadata,
		pallet: &str,
		name: &str,
		message: String,
	) -> CliError {
		let doc = metadata
			.pallet_by_name(pallet)
			.and_then(|p| {
				p.error_variants()
					.and_then(|v| v.iter().find(|v| v.name == name).map(|v| v.docs.join(" ")))
			})
			.unwrap_or_default();
		CliError {
			kind: "chain",
			message,
			chain_error: Some(Box::new((pallet.into(), name.into(), doc))),
			advice: advice_for(name).map(Into::into),
		}
	}

	/// A JSON-RPC call.
	pub async fn request(&self, method: &str, params: Vec<Value>) -> Result<Value, CliError> {
		let mut rpc_params = RpcParams::new();
		for p in params {
			rpc_params.push(p).map_err(CliError::node)?;
		}
		self.rpc.request(method, rpc_params).await.map_err(|e| {
			let code = match &e {
				subxt::rpcs::Error::User(user) => Some(user.code),
				_ => None,
			};
			let mut error = CliError::node(format!("{method}: {e}"));
			if matches!(code, Some(4000..=4099)) {
				error.kind = "chain";
			}
			let advice = match code {
				Some(4001) => advice_for("UnknownVault"),
				Some(4002) => advice_for("NotNetwork"),
				Some(4003) => advice_for("NotOperator"),
				Some(-32601) => Some(
					"the node does not serve this method: connect to a Rampart node (the rampart_* views are safe methods; unsafe ones such as author_rotateKeysWithOwner need your own node)",
				),
				_ => None,
			};
			match advice {
				Some(advice) => error.advise(advice),
				None => error,
			}
		})
	}

	/// The current best block number.
	pub async fn block_number(&self) -> Result<u64, CliError> {
		Ok(self.at_best().await?.block_number())
	}

	/// Signs `call` with the signer, submits it and follows it to its block (and finality with
	/// `--wait finalized`), telling its progress on standard error. A failed dispatch is the
	/// chain's named error with its doc and advice.
	pub async fn submit<Call: Payload>(&self, what: &str, call: Call) -> Result<Receipt, CliError> {
		let signer = self.signer()?;
		let at = self.at_best().await?;
		at.tx().validate(&call).map_err(|e| {
			CliError::node(format!("{what}: this rampart does not match the node's runtime ({e})"))
				.advise("build rampart from the sources of the runtime the node runs (`cargo build --release -p rampart-cli`)")
		})?;
		let started = Instant::now();
		let mut progress = at
			.tx()
			.sign_and_submit_then_watch_default(&call, &signer)
			.await
			.map_err(|e| self.refused(what, e.to_string()))?;
		let extrinsic_hash = format!("{:?}", progress.extrinsic_hash());
		self.progress(format!("{what}: submitted {extrinsic_hash}"));
		while let Some(status) = progress.next().await {
			let status = status.map_err(|e| {
				CliError::node(format!("{what}: lost the transaction's status: {e}"))
			})?;
			let elapsed = started.elapsed().as_secs_f32();
			let (in_block, finalized) = match status {
				TransactionStatus::Validated => {
					self.progress(format!("{what}: in the pool, waiting for a block"));
					continue;
				},
				TransactionStatus::Broadcasted => continue,
				TransactionStatus::NoLongerInBestBlock => {
					self.progress(format!("{what}: its block was retracted, waiting for another"));
					continue;
				},
				TransactionStatus::InBestBlock(in_block) => (in_block, false),
				TransactionStatus::InFinalizedBlock(in_block) => (in_block, true),
				TransactionStatus::Error { message }
				| TransactionStatus::Invalid { message }
				| TransactionStatus::Dropped { message } => return Err(self.refused(what, message)),
			};
			let block = in_block.at().await.map_err(CliError::node)?;
			let block_number = block.block_number();
			let block_hash = format!("{:?}", in_block.block_hash());
			if !finalized {
				self.progress(format!(
					"{what}: in block #{block_number} ({block_hash}) after {elapsed:.1} s"
				));
				if self.wait == Wait::Finalized {
					self.progress(format!("{what}: waiting for finality"));
					continue;
				}
			} else {
				self.progress(format!(
					"{what}: finalized in block #{block_number} after {elapsed:.1} s"
				));
			}
			let events = in_block.wait_for_success().await.map_err(|e| self.failed(what, e))?;
			let event_names = events
				.iter()
				.filter_map(Result::ok)
				.map(|e| format!("{}.{}", e.pallet_name(), e.event_name()))
				.collect();
			return Ok(Receipt {
				block_hash,
				block_number,
				extrinsic_hash,
				finalized,
				events,
				event_names,
			});
		}
		Err(CliError::node(format!("{what}: the node stopped reporting the transaction's status")))
	}

	/// A transaction the pool refused.
	fn refused(&self, what: &str, message: String) -> CliError {
		let error = CliError::node(format!("{what}: the node refused the transaction: {message}"));
		if message.contains("Inability to pay") || message.contains("Payment") {
			error.advise(advice_for("InsufficientBalance").unwrap_or_default())
		} else if message.contains("Stale")
			|| message.contains("Future")
			|| message.contains("Priority is too low")
		{
			error.advise(
				"another transaction of this account is pending: wait for it, then try again",
			)
		} else {
			error
		}
	}

	/// A transaction that failed in its block.
	fn failed(&self, what: &str, error: subxt::error::TransactionEventsError) -> CliError {
		let subxt::error::TransactionEventsError::ExtrinsicFailed(dispatch) = error else {
			return CliError::node(format!("{what}: {error}"));
		};
		let (pallet, name, doc) = match &dispatch {
			DispatchError::Module(module) => match module.details() {
				Ok(details) => (
					details.pallet.name().to_string(),
					details.variant.name.clone(),
					details.variant.docs.join(" "),
				),
				Err(_) => ("?".into(), module.to_string(), String::new()),
			},
			DispatchError::Token(token) => {
				("Token".into(), format!("{token:?}"), token.to_string())
			},
			other => ("System".into(), format!("{other:?}"), String::new()),
		};
		CliError {
			kind: "chain",
			message: format!("{what} failed: {pallet}::{name}"),
			chain_error: Some(Box::new((pallet, name.clone(), doc))),
			advice: advice_for(&name).map(Into::into),
		}
	}

	/// A progress line on standard error.
	fn progress(&self, line: String) {
		eprintln!("  … {line}");
	}

	/// Prints a command's answer: `human` to standard output, or `value` as JSON with `--json`.
	pub fn answer(&self, human: String, value: Value) {
		if self.json {
			println!("{}", serde_json::to_string_pretty(&value).expect("JSON values serialize"));
		} else {
			println!("{human}");
		}
	}

	/// Prints the answer of a transaction.
	pub fn answer_tx(&self, receipt: &Receipt, human: String, result: Value) {
		let state = if receipt.finalized { "finalized" } else { "in block" };
		self.answer(
			format!("{human}\n  ({state} #{} {})", receipt.block_number, receipt.block_hash),
			receipt.to_json(result),
		);
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn ramp() -> Units {
		Units { decimals: 12, symbol: "RAMP".into() }
	}

	#[test]
	fn amounts_parse_in_token_units_and_show_back() {
		let u = ramp();
		assert_eq!(u.parse("12.5").unwrap(), 12_500_000_000_000);
		assert_eq!(u.parse("1_000").unwrap(), 1_000_000_000_000_000);
		assert_eq!(u.parse(".000000000001").unwrap(), 1);
		assert_eq!(u.parse("0").unwrap(), 0);
		assert_eq!(u.show(12_500_000_000_000), "12.5 RAMP");
		assert_eq!(u.show(1), "0.000000000001 RAMP");
		assert_eq!(u.show(7_000_000_000_000), "7 RAMP");
		let none = Units { decimals: 0, symbol: "X".into() };
		assert_eq!(none.parse("42").unwrap(), 42);
		assert!(none.parse("4.2").is_err());
	}

	#[test]
	fn bad_amounts_are_refused_with_the_reason() {
		let u = ramp();
		for bad in ["", ".", "-1", "1e3", "12,5", "1.2.3", "abc"] {
			let e = u.parse(bad).unwrap_err();
			assert_eq!(e.kind, "input", "{bad}");
			assert!(e.message.contains("not an amount"), "{bad}: {}", e.message);
		}
		assert!(u.parse("1.0000000000001").unwrap_err().message.contains("more decimals"));
		assert!(u
			.parse("999999999999999999999999999999")
			.unwrap_err()
			.message
			.contains("too large"));
	}

	#[test]
	fn accounts_subnetworks_and_assets_parse() {
		let alice = account("//Alice").unwrap();
		assert_eq!(alice.to_string(), "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
		assert_eq!(account("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY").unwrap(), alice);
		assert_eq!(account(&format!("0x{}", hex::encode(alice.0))).unwrap(), alice);
		assert!(account("5Grwva").is_err());
		assert!(account("0x1234").is_err());
		let s = subnetwork("//Alice:3").unwrap();
		assert_eq!((s.network, s.id), (alice, 3));
		assert_eq!(subnetwork("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY").unwrap().id, 0);
		assert!(subnetwork("//Alice:x").is_err());
		assert!(matches!(asset("native").unwrap(), NativeOrWithId::Native));
		assert!(matches!(asset("7").unwrap(), NativeOrWithId::WithId(7)));
		assert!(asset("dot").is_err());
	}
}
