// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! `rampart staker`: deposit, withdraw, redeem and claim; the position in a vault, the rewards
//! waiting, and the exposure: everything through which the account's collateral can be slashed
//! now.

use clap::Subcommand;
use serde_json::{json, Value};

use crate::{
	api::{rampart, Asset, NativeOrWithId},
	chain::{account, asset, Chain, CliError, Units},
};

#[derive(Subcommand)]
pub enum Cmd {
	/// Deposit collateral into a vault, for the signer or --for another account.
	Deposit {
		#[arg(long)]
		vault: u32,
		/// In the vault's collateral units, e.g. 12.5.
		#[arg(long)]
		amount: String,
		#[arg(long = "for")]
		on_behalf_of: Option<String>,
	},
	/// Withdraw an amount: it leaves the active stake now, stays slashable until the next epoch
	/// ends, and is claimable after.
	Withdraw {
		#[arg(long)]
		vault: u32,
		#[arg(long)]
		amount: String,
		/// Who may claim it (default: the signer).
		#[arg(long)]
		claimer: Option<String>,
	},
	/// Withdraw a number of shares (see `withdraw`).
	Redeem {
		#[arg(long)]
		vault: u32,
		#[arg(long)]
		shares: u128,
		#[arg(long)]
		claimer: Option<String>,
	},
	/// Claim withdrawals whose epoch has ended: one --epoch, or every claimable one.
	Claim {
		#[arg(long)]
		vault: u32,
		#[arg(long)]
		epoch: Option<u32>,
		/// Who receives the collateral (default: the signer).
		#[arg(long)]
		to: Option<String>,
	},
	/// The account's shares, active balance, withdrawals by epoch and slashable balance.
	Position {
		#[arg(long)]
		vault: u32,
		#[arg(long)]
		account: Option<String>,
	},
	/// What the account can claim as staker, operator and curator.
	Rewards {
		#[arg(long)]
		account: Option<String>,
	},
	/// Claim staker rewards of a vault paid by a network in an asset.
	ClaimRewards {
		#[arg(long)]
		vault: u32,
		#[arg(long)]
		network: String,
		#[arg(long, default_value = "native")]
		asset: String,
		#[arg(long)]
		to: Option<String>,
		/// The most distributions to claim at once.
		#[arg(long, default_value_t = 16)]
		max: u32,
	},
	/// Every (subnetwork, operator) through which the account's collateral can be slashed now,
	/// what each could take and the account's part, by vault and in total per collateral.
	Exposure {
		#[arg(long)]
		account: Option<String>,
	},
}

/// An amount of a JSON answer (a decimal string).
fn amount(value: &Value) -> u128 {
	value.as_str().and_then(|s| s.parse().ok()).unwrap_or(0)
}

/// A collateral of a JSON answer (`"Native"` or `{"WithId": 1}`).
fn json_asset(value: &Value) -> Asset {
	match value.get("WithId").or_else(|| value.get("withId")).and_then(Value::as_u64) {
		Some(id) => NativeOrWithId::WithId(id as u32),
		None => NativeOrWithId::Native,
	}
}

/// The units of a JSON answer's collateral.
async fn units_of(chain: &Chain, value: &Value) -> Result<Units, CliError> {
	chain.units(&json_asset(value)).await
}

pub async fn run(chain: &Chain, cmd: Cmd) -> Result<(), CliError> {
	let tx = rampart::tx();
	match cmd {
		Cmd::Deposit { vault, amount: a, on_behalf_of } => {
			let units = chain.vault_units(vault).await?;
			let value = units.parse(&a)?;
			let beneficiary = chain.account_or_signer(on_behalf_of.as_deref())?;
			let r = chain.submit("deposit", tx.vaults().deposit(vault, beneficiary, value)).await?;
			let shares =
				r.find::<rampart::vaults::events::Deposited>().map(|e| e.shares).unwrap_or(0);
			chain.answer_tx(
				&r,
				format!("deposited {} into vault {vault} for {beneficiary}: {shares} shares", units.show(value)),
				json!({ "vault": vault, "amount": value.to_string(), "shares": shares.to_string(), "for": beneficiary.to_string() }),
			);
		},
		Cmd::Withdraw { vault, amount: a, claimer } => {
			let units = chain.vault_units(vault).await?;
			let value = units.parse(&a)?;
			let claimer = chain.account_or_signer(claimer.as_deref())?;
			let r = chain.submit("withdraw", tx.vaults().withdraw(vault, claimer, value)).await?;
			withdrawn(chain, &r, vault, &units)?;
		},
		Cmd::Redeem { vault, shares, claimer } => {
			let units = chain.vault_units(vault).await?;
			let claimer = chain.account_or_signer(claimer.as_deref())?;
			let r = chain.submit("redeem", tx.vaults().redeem(vault, claimer, shares)).await?;
			withdrawn(chain, &r, vault, &units)?;
		},
		Cmd::Claim { vault, epoch, to } => {
			let units = chain.vault_units(vault).await?;
			let recipient = chain.account_or_signer(to.as_deref())?;
			let epochs =
				match epoch {
					Some(epoch) => vec![epoch],
					None => {
						let me = chain.signer_account()?;
						let position = chain
							.request("rampart_position", vec![json!(vault), json!(me.to_string())])
							.await?;
						let claimable: Vec<u32> = position["withdrawals"]
							.as_array()
							.into_iter()
							.flatten()
							.filter(|w| {
								w["claimable"].as_bool() == Some(true) && amount(&w["amount"]) > 0
							})
							.filter_map(|w| w["epoch"].as_u64().map(|e| e as u32))
							.collect();
						if claimable.is_empty() {
							let pending: Vec<String> = position["withdrawals"]
								.as_array()
								.into_iter()
								.flatten()
								.map(|w| {
									format!(
										"epoch {} ({})",
										w["epoch"],
										units.show(amount(&w["amount"]))
									)
								})
								.collect();
							return Err(CliError::input(format!(
							"nothing is claimable in vault {vault} yet{}",
							if pending.is_empty() { String::new() } else { format!("; waiting: {}", pending.join(", ")) }
						))
						.advise("a withdrawal is claimable once the epoch after its request has ended"));
						}
						claimable
					},
				};
			let r = if let [epoch] = epochs[..] {
				chain.submit("claim", tx.vaults().claim(vault, recipient, epoch)).await?
			} else {
				let batch = rampart::runtime_types::bounded_collections::bounded_vec::BoundedVec(
					epochs.clone(),
				);
				chain.submit("claim", tx.vaults().claim_batch(vault, recipient, batch)).await?
			};
			let paid = r
				.find::<rampart::vaults::events::Claimed>()
				.map(|e| e.amount)
				.unwrap_or_else(|| {
					r.find::<rampart::vaults::events::ClaimedBatch>().map(|e| e.amount).unwrap_or(0)
				});
			chain.answer_tx(
				&r,
				format!("claimed {} from vault {vault} (epochs {epochs:?}) to {recipient}", units.show(paid)),
				json!({ "vault": vault, "epochs": epochs, "amount": paid.to_string(), "recipient": recipient.to_string() }),
			);
		},
		Cmd::Position { vault, account: who } => {
			let who = chain.account_or_signer(who.as_deref())?;
			let units = chain.vault_units(vault).await?;
			let p = chain
				.request("rampart_position", vec![json!(vault), json!(who.to_string())])
				.await?;
			let mut human = format!(
				"{who} in vault {vault}: {} shares worth {}, {} slashable",
				p["shares"].as_str().unwrap_or("0"),
				units.show(amount(&p["activeBalance"])),
				units.show(amount(&p["slashableBalance"])),
			);
			for w in p["withdrawals"].as_array().into_iter().flatten() {
				human += &format!(
					"\n  withdrawal of epoch {}: {}{}{}",
					w["epoch"],
					units.show(amount(&w["amount"])),
					if w["claimable"].as_bool() == Some(true) {
						", claimable"
					} else {
						", not yet claimable"
					},
					if w["slashable"].as_bool() == Some(true) { ", slashable" } else { "" },
				);
			}
			chain.answer(human, p);
		},
		Cmd::Rewards { account: who } => {
			let who = chain.account_or_signer(who.as_deref())?;
			let rewards =
				chain.request("rampart_pendingRewards", vec![json!(who.to_string())]).await?;
			let mut human = format!("{who} can claim:");
			let mut any = false;
			for (kind, list) in
				[("staker", "staker"), ("operator", "operator"), ("curator fee", "curator")]
			{
				for item in rewards[list].as_array().into_iter().flatten() {
					any = true;
					let units = units_of(chain, &item["asset"]).await?;
					let from = match (item.get("vault"), item.get("network")) {
						(Some(v), Some(n)) => {
							format!("vault {v} from network {}", n.as_str().unwrap_or("?"))
						},
						(Some(v), None) => format!("vault {v}"),
						(None, Some(n)) => format!("network {}", n.as_str().unwrap_or("?")),
						(None, None) => String::new(),
					};
					human +=
						&format!("\n  {kind}: {} ({from})", units.show(amount(&item["amount"])));
				}
			}
			if !any {
				human += " nothing yet";
			}
			chain.answer(human, rewards);
		},
		Cmd::ClaimRewards { vault, network, asset: a, to, max } => {
			let (network, reward_asset) = (account(&network)?, asset(&a)?);
			let recipient = chain.account_or_signer(to.as_deref())?;
			let units = chain.units(&reward_asset).await?;
			let r = chain
				.submit(
					"claim staker rewards",
					tx.rewards().claim_staker_rewards(vault, network, reward_asset, recipient, max),
				)
				.await?;
			let paid = r
				.find::<rampart::rewards::events::StakerRewardsClaimed>()
				.map(|e| e.amount)
				.unwrap_or(0);
			chain.answer_tx(
				&r,
				format!(
					"{} of staker rewards of vault {vault} paid to {recipient}",
					units.show(paid)
				),
				json!({ "vault": vault, "amount": paid.to_string(), "recipient": recipient.to_string() }),
			);
		},
		Cmd::Exposure { account: who } => {
			let who = chain.account_or_signer(who.as_deref())?;
			let e = chain.request("rampart_accountExposure", vec![json!(who.to_string())]).await?;
			let mut human = format!("{who} at block {}:", e["at"]);
			let vaults = e["vaults"].as_array().cloned().unwrap_or_default();
			if vaults.is_empty() {
				human += " no position in any vault, nothing can be slashed";
			}
			for v in &vaults {
				let units = units_of(chain, &v["collateral"]).await?;
				human += &format!(
					"\n  vault {}: {} active, {} slashable; the most you could lose now: {}",
					v["vault"],
					units.show(amount(&v["position"]["activeBalance"])),
					units.show(amount(&v["position"]["slashableBalance"])),
					units.show(amount(&v["maxLoss"])),
				);
				for a in v["allocations"].as_array().into_iter().flatten() {
					human += &format!(
						"\n    network {} (subnetwork {}), operator {}: stake {}, a slash could take {}, your part {}",
						a["subnetwork"]["network"].as_str().unwrap_or("?"),
						a["subnetwork"]["id"],
						a["operator"].as_str().unwrap_or("?"),
						units.show(amount(&a["stake"])),
						units.show(amount(&a["maxSlash"])),
						units.show(amount(&a["maxLoss"])),
					);
				}
				for r in v["pendingRequests"].as_array().into_iter().flatten() {
					human += &format!(
						"\n    pending slash request {}: {}",
						r["id"],
						units.show(amount(&r["amount"]))
					);
				}
			}
			for total in e["maxLoss"].as_array().into_iter().flatten() {
				let units = units_of(chain, &total["asset"]).await?;
				human += &format!(
					"\n  in total, at most {} could be lost now",
					units.show(amount(&total["amount"]))
				);
			}
			if !e["nextVault"].is_null() {
				human += &format!("\n  (more vaults from id {}: the page ended)", e["nextVault"]);
			}
			chain.answer(human, e);
		},
	}
	Ok(())
}

/// The answer of a withdrawal or redemption: the amount and the epoch to claim it at.
fn withdrawn(
	chain: &Chain,
	r: &crate::chain::Receipt,
	vault: u32,
	units: &Units,
) -> Result<(), CliError> {
	let event = r.find::<rampart::vaults::events::Withdrawn>().ok_or_else(|| {
		CliError::node("the withdrawal succeeded but its Withdrawn event was not found")
	})?;
	chain.answer_tx(
		r,
		format!(
			"withdrew {} from vault {vault}: claim it after epoch {} ends (`rampart staker claim --vault {vault}`)",
			units.show(event.amount),
			event.epoch
		),
		json!({ "vault": vault, "amount": event.amount.to_string(), "epoch": event.epoch, "claimer": event.claimer.to_string() }),
	);
	Ok(())
}
