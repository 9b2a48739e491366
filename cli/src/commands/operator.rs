// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! `rampart operator`: register, opt into and out of networks and vaults, session keys, join
//! and leave a subnetwork's operator set, commission, rewards, and the operator's exposure.

use clap::{Args, Subcommand};
use serde_json::{json, Value};
use subxt::ext::codec::Encode;

use super::percent;
use crate::{
	api::{rampart, AccountId32, OptInTarget},
	chain::{account, asset, subnetwork, Chain, CliError},
};

#[derive(Subcommand)]
pub enum Cmd {
	/// Register the signer as an operator (holds the registration deposit).
	Register,
	/// Opt into a network (--network) or a vault (--vault).
	OptIn(Target),
	/// Opt out of a network or a vault (effective from the next block; the past stays).
	OptOut(Target),
	/// Register session keys: made by the node connected to (`author_rotateKeysWithOwner`, an
	/// unsafe method: use your own node), or given with --keys and --proof.
	SetKeys {
		/// SCALE-encoded session keys, hex.
		#[arg(long, requires = "proof")]
		keys: Option<String>,
		/// The proof of ownership `session.set_keys` checks, hex.
		#[arg(long, requires = "keys")]
		proof: Option<String>,
	},
	/// Join a subnetwork's operator set (`NETWORK:ID`, or the network for id 0).
	Join { subnetwork: String },
	/// Leave a subnetwork's operator set (after the subnetwork's delay).
	Leave { subnetwork: String },
	/// The share of rewards paid for the operator's power it keeps, in percent.
	SetCommission {
		subnetwork: String,
		#[arg(long)]
		commission: String,
	},
	/// Claim operator rewards paid by a network in an asset.
	ClaimRewards {
		#[arg(long)]
		network: String,
		#[arg(long, default_value = "native")]
		asset: String,
		#[arg(long)]
		to: Option<String>,
	},
	/// The operator's networks, vaults, stake and the most each subnetwork could slash.
	Exposure {
		#[arg(long)]
		operator: Option<String>,
	},
}

#[derive(Args)]
#[group(required = true, multiple = false)]
pub struct Target {
	#[arg(long)]
	network: Option<String>,
	#[arg(long)]
	vault: Option<u32>,
}

impl Target {
	fn resolve(&self) -> Result<(OptInTarget<AccountId32>, String), CliError> {
		match (&self.network, self.vault) {
			(Some(network), _) => {
				let network = account(network)?;
				let shown = format!("network {network}");
				Ok((OptInTarget::Network(network), shown))
			},
			(None, Some(vault)) => Ok((OptInTarget::Vault(vault), format!("vault {vault}"))),
			(None, None) => Err(CliError::input("name a --network or a --vault")),
		}
	}
}

/// Hex bytes.
fn bytes(text: &str, what: &str) -> Result<Vec<u8>, CliError> {
	hex::decode(text.trim_start_matches("0x"))
		.map_err(|_| CliError::input(format!("--{what} is not hex")))
}

pub async fn run(chain: &Chain, cmd: Cmd) -> Result<(), CliError> {
	let tx = rampart::tx();
	match cmd {
		Cmd::Register => {
			let r =
				chain.submit("register the operator", tx.registry().register_operator()).await?;
			let operator = chain.signer_account()?;
			chain.answer_tx(
				&r,
				format!("{operator} is an operator"),
				json!({ "operator": operator.to_string() }),
			);
		},
		Cmd::OptIn(target) => {
			let (target, shown) = target.resolve()?;
			if let OptInTarget::Vault(vault) = target {
				chain.vault_collateral(vault).await?;
			}
			let r = chain.submit("opt in", tx.registry().opt_in(target)).await?;
			chain.answer_tx(
				&r,
				format!("opted into {shown}"),
				json!({ "target": shown, "optedIn": true }),
			);
		},
		Cmd::OptOut(target) => {
			let (target, shown) = target.resolve()?;
			let r = chain.submit("opt out", tx.registry().opt_out(target)).await?;
			chain.answer_tx(
				&r,
				format!("opted out of {shown}"),
				json!({ "target": shown, "optedIn": false }),
			);
		},
		Cmd::SetKeys { keys, proof } => {
			let (keys, proof) = match (keys, proof) {
				(Some(keys), Some(proof)) => (bytes(&keys, "keys")?, bytes(&proof, "proof")?),
				_ => {
					let owner = chain.signer_account()?;
					let generated: Value = chain
						.request(
							"author_rotateKeysWithOwner",
							vec![json!(format!("0x{}", hex::encode(owner.0)))],
						)
						.await?;
					let field = |name: &str| generated[name].as_str().map(str::to_owned);
					let keys = field("keys").ok_or_else(|| {
						CliError::node("author_rotateKeysWithOwner answered no keys")
					})?;
					let proof = field("proof").ok_or_else(|| {
						CliError::node("the node made keys but no proof of ownership: its runtime cannot prove them")
					})?;
					let (keys, proof) = (bytes(&keys, "keys")?, bytes(&proof, "proof")?);
					(keys, proof)
				},
			};
			// The call is built from its bytes (session keys are this runtime's key types, in
			// order), and checked against the node's metadata before it is signed.
			let at = chain.at_best().await?;
			let metadata = at.metadata_ref();
			let (pallet, call) = metadata
				.pallet_by_name("Session")
				.and_then(|p| p.call_variant_by_name("set_keys").map(|c| (p.call_index(), c.index)))
				.ok_or_else(|| CliError::node("the node's runtime has no session.set_keys"))?;
			let mut call_data = vec![pallet, call];
			call_data.extend_from_slice(&keys);
			call_data.extend(proof.encode());
			let payload = at.tx().from_call_data_bytes(&call_data).map_err(|e| {
				CliError::input(format!(
					"the session keys do not fit this runtime's session keys: {e}"
				))
			})?;
			let r = chain.submit("set the session keys", payload).await?;
			chain.answer_tx(
				&r,
				format!(
					"session keys 0x{} registered (they apply from the next session)",
					hex::encode(&keys)
				),
				json!({ "keys": format!("0x{}", hex::encode(&keys)) }),
			);
		},
		Cmd::Join { subnetwork: s } => {
			let sub = subnetwork(&s)?;
			let r = chain.submit("join", tx.middleware().join(sub)).await?;
			let from = r.find::<rampart::middleware::events::OperatorJoined>().map(|e| e.from);
			chain.answer_tx(
				&r,
				format!(
					"joined subnetwork {s}{}",
					from.map(|b| format!(" from block {b}")).unwrap_or_default()
				),
				json!({ "subnetwork": s, "from": from }),
			);
		},
		Cmd::Leave { subnetwork: s } => {
			let sub = subnetwork(&s)?;
			let r = chain.submit("leave", tx.middleware().leave(sub)).await?;
			chain.answer_tx(&r, format!("leaving subnetwork {s}"), json!({ "subnetwork": s }));
		},
		Cmd::SetCommission { subnetwork: s, commission } => {
			let sub = subnetwork(&s)?;
			let r = chain
				.submit(
					"set the commission",
					tx.middleware().set_commission(sub, percent(&commission)?),
				)
				.await?;
			chain.answer_tx(
				&r,
				format!(
					"commission in subnetwork {s}: {commission} % (after the subnetwork's delay)"
				),
				json!({ "subnetwork": s, "commission": commission }),
			);
		},
		Cmd::ClaimRewards { network, asset: a, to } => {
			let (network, reward_asset) = (account(&network)?, asset(&a)?);
			let recipient = chain.account_or_signer(to.as_deref())?;
			let units = chain.units(&reward_asset).await?;
			let r = chain
				.submit(
					"claim operator rewards",
					tx.rewards().claim_operator_rewards(network, reward_asset, recipient),
				)
				.await?;
			let paid = r
				.find::<rampart::rewards::events::OperatorRewardsClaimed>()
				.map(|e| e.amount)
				.unwrap_or(0);
			chain.answer_tx(
				&r,
				format!("{} of operator rewards paid to {recipient}", units.show(paid)),
				json!({ "amount": paid.to_string(), "recipient": recipient.to_string() }),
			);
		},
		Cmd::Exposure { operator } => {
			let operator = chain.account_or_signer(operator.as_deref())?;
			let e = chain
				.request("rampart_operatorExposure", vec![json!(operator.to_string())])
				.await?;
			chain.answer(serde_json::to_string_pretty(&e).unwrap_or_default(), e);
		},
	}
	Ok(())
}
