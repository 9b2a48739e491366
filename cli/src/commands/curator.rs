// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! `rampart curator`: create a vault from a file, allocate its stake (limits and shares), set and
//! claim the fee, whitelist depositors, cap deposits, grant and revoke roles. The signer holds
//! the role each call needs.

use clap::{Args, Subcommand};
use serde_json::json;

use super::percent;
use crate::{
	api::rampart,
	chain::{account, asset, subnetwork, Chain, CliError},
	vault_file,
};

#[derive(Subcommand)]
pub enum Cmd {
	/// Create a vault from a TOML or JSON file (see `rampart curator create-vault --help`).
	#[command(long_about = CREATE_HELP)]
	CreateVault {
		/// The vault file (`.json` for JSON, TOML otherwise).
		file: String,
	},
	/// The most stake the vault gives a subnetwork (within the network's own maximum).
	SetNetworkLimit(Limit),
	/// An operator's shares of the vault's stake in a subnetwork (network-restake vaults).
	SetOperatorShares(Shares),
	/// An operator's limit of the vault's stake in a subnetwork (full-restake vaults).
	SetOperatorLimit(OperatorLimit),
	/// The curator's fee on staker rewards, in percent.
	SetFee {
		#[arg(long)]
		vault: u32,
		/// In percent, e.g. 10 or 2.5.
		#[arg(long)]
		fee: String,
	},
	/// Claim the accrued curator fees of an asset.
	ClaimFee {
		#[arg(long)]
		vault: u32,
		#[arg(long, default_value = "native")]
		asset: String,
		/// Who receives them (default: the signer).
		#[arg(long)]
		to: Option<String>,
	},
	/// Turn the depositor whitelist `on` or `off`.
	SetWhitelist {
		#[arg(long)]
		vault: u32,
		state: OnOff,
	},
	/// Put a depositor on (or, with --remove, off) the whitelist.
	Whitelist {
		#[arg(long)]
		vault: u32,
		#[arg(long)]
		account: String,
		#[arg(long)]
		remove: bool,
	},
	/// Turn the deposit limit `on` or `off`.
	DepositLimit {
		#[arg(long)]
		vault: u32,
		state: OnOff,
	},
	/// Set the deposit limit, in the collateral's units (applies while the limit is on).
	SetDepositLimit {
		#[arg(long)]
		vault: u32,
		#[arg(long)]
		amount: String,
	},
	/// Grant a vault role.
	GrantRole(RoleArgs),
	/// Revoke a vault role.
	RevokeRole(RoleArgs),
	/// A vault's settings, pools and epoch.
	Show { vault: u32 },
}

const CREATE_HELP: &str = "Create a vault from a TOML or JSON file. A TOML example:

collateral = \"native\"          # or an asset id, e.g. 1
epoch_duration = 600           # blocks
delegator = \"network-restake\"  # full-restake, operator-specific, operator-network-specific
# operator = \"//Dave\"          # for the two operator-specific kinds
# network = \"//Charlie\"        # for operator-network-specific
slasher = \"instant\"            # none, instant, veto
# veto_duration = 100          # veto: blocks a request may be vetoed
# resolver_set_epochs_delay = 3
burner = \"burn\"                # burn, account, router
# burner_account = \"5F...\"     # account: the receiver; router: the fallback
# router_delay = 100           # router: blocks before a receiver change applies
deposit_whitelist = false
# deposit_limit = \"10000.5\"    # in the collateral's units

[roles]                        # one account or a list per role
Admin = \"//Alice\"
NetworkLimitSetter = \"//Alice\"
OperatorNetworkSharesSetter = \"//Alice\"

The roles: Admin, DepositWhitelistSetter, DepositorWhitelister, DepositLimitToggler,
DepositLimitSetter, NetworkLimitSetter, OperatorNetworkSharesSetter, OperatorNetworkLimitSetter,
HookSetter, BurnerRouterSetter, AdminFeeSetter, AdminFeeClaimer.";

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum OnOff {
	On,
	Off,
}

#[derive(Args)]
pub struct Limit {
	#[arg(long)]
	vault: u32,
	/// `NETWORK:ID`, or the network for id 0.
	#[arg(long)]
	subnetwork: String,
	/// In the vault's collateral units.
	#[arg(long)]
	amount: String,
}

#[derive(Args)]
pub struct Shares {
	#[arg(long)]
	vault: u32,
	#[arg(long)]
	subnetwork: String,
	#[arg(long)]
	operator: String,
	/// A number of shares: the operator gets shares / total shares of the subnetwork's stake.
	#[arg(long)]
	shares: u128,
}

#[derive(Args)]
pub struct OperatorLimit {
	#[arg(long)]
	vault: u32,
	#[arg(long)]
	subnetwork: String,
	#[arg(long)]
	operator: String,
	/// In the vault's collateral units.
	#[arg(long)]
	amount: String,
}

#[derive(Args)]
pub struct RoleArgs {
	#[arg(long)]
	vault: u32,
	/// e.g. NetworkLimitSetter (see `create-vault --help` for the list).
	#[arg(long)]
	role: String,
	#[arg(long)]
	account: String,
}

pub async fn run(chain: &Chain, cmd: Cmd) -> Result<(), CliError> {
	let tx = rampart::tx();
	match cmd {
		Cmd::CreateVault { file } => {
			let parsed = vault_file::read(&file)?;
			let units = chain.units(&parsed.collateral()?).await?;
			let config = parsed.config(&units)?;
			let r = chain.submit("create the vault", tx.vaults().create_vault(config)).await?;
			let vault = r
				.find::<rampart::vaults::events::VaultCreated>()
				.map(|e| e.vault)
				.ok_or_else(|| {
					CliError::node("the vault was created but its VaultCreated event was not found")
				})?;
			chain.answer_tx(&r, format!("vault {vault} created"), json!({ "vault": vault }));
		},
		Cmd::SetNetworkLimit(a) => {
			let units = chain.vault_units(a.vault).await?;
			let (sub, amount) = (subnetwork(&a.subnetwork)?, units.parse(&a.amount)?);
			let r = chain
				.submit(
					"set the network limit",
					tx.delegation().set_network_limit(a.vault, sub, amount),
				)
				.await?;
			chain.answer_tx(
				&r,
				format!(
					"vault {} gives subnetwork {} up to {}",
					a.vault,
					a.subnetwork,
					units.show(amount)
				),
				json!({ "vault": a.vault, "subnetwork": a.subnetwork, "amount": amount.to_string() }),
			);
		},
		Cmd::SetOperatorShares(a) => {
			chain.vault_collateral(a.vault).await?;
			let (sub, operator) = (subnetwork(&a.subnetwork)?, account(&a.operator)?);
			let r = chain
				.submit(
					"set the operator's shares",
					tx.delegation().set_operator_network_shares(a.vault, sub, operator, a.shares),
				)
				.await?;
			chain.answer_tx(
				&r,
				format!(
					"{operator} holds {} shares of vault {} in subnetwork {}",
					a.shares, a.vault, a.subnetwork
				),
				json!({ "vault": a.vault, "operator": operator.to_string(), "shares": a.shares.to_string() }),
			);
		},
		Cmd::SetOperatorLimit(a) => {
			let units = chain.vault_units(a.vault).await?;
			let (sub, operator, amount) =
				(subnetwork(&a.subnetwork)?, account(&a.operator)?, units.parse(&a.amount)?);
			let r = chain
				.submit(
					"set the operator's limit",
					tx.delegation().set_operator_network_limit(a.vault, sub, operator, amount),
				)
				.await?;
			chain.answer_tx(
				&r,
				format!(
					"{operator} may get up to {} of vault {} in subnetwork {}",
					units.show(amount),
					a.vault,
					a.subnetwork
				),
				json!({ "vault": a.vault, "operator": operator.to_string(), "amount": amount.to_string() }),
			);
		},
		Cmd::SetFee { vault, fee } => {
			// Basis points: a percent has 100 of them.
			let bps = percent(&fee)?.0 / 100_000;
			let r = chain
				.submit("set the curator fee", tx.rewards().set_admin_fee(vault, bps))
				.await?;
			chain.answer_tx(
				&r,
				format!("vault {vault} takes {fee} % of staker rewards"),
				json!({ "vault": vault, "feeBps": bps }),
			);
		},
		Cmd::ClaimFee { vault, asset: a, to } => {
			let fee_asset = asset(&a)?;
			let recipient = chain.account_or_signer(to.as_deref())?;
			let units = chain.units(&fee_asset).await?;
			let r = chain
				.submit(
					"claim the curator fee",
					tx.rewards().claim_admin_fee(vault, fee_asset, recipient),
				)
				.await?;
			let amount = r
				.find::<rampart::rewards::events::AdminFeeClaimed>()
				.map(|e| e.amount)
				.unwrap_or(0);
			chain.answer_tx(
				&r,
				format!(
					"{} of curator fees of vault {vault} paid to {recipient}",
					units.show(amount)
				),
				json!({ "vault": vault, "amount": amount.to_string(), "recipient": recipient.to_string() }),
			);
		},
		Cmd::SetWhitelist { vault, state } => {
			let on = matches!(state, OnOff::On);
			let r = chain
				.submit("set the deposit whitelist", tx.vaults().set_deposit_whitelist(vault, on))
				.await?;
			chain.answer_tx(
				&r,
				format!("vault {vault}: depositor whitelist {}", if on { "on" } else { "off" }),
				json!({ "vault": vault, "whitelist": on }),
			);
		},
		Cmd::Whitelist { vault, account: who, remove } => {
			let who = account(&who)?;
			let r = chain
				.submit(
					"whitelist the depositor",
					tx.vaults().set_depositor_whitelist_status(vault, who, !remove),
				)
				.await?;
			chain.answer_tx(
				&r,
				format!("{who} is {} vault {vault}'s whitelist", if remove { "off" } else { "on" }),
				json!({ "vault": vault, "account": who.to_string(), "whitelisted": !remove }),
			);
		},
		Cmd::DepositLimit { vault, state } => {
			let on = matches!(state, OnOff::On);
			let r = chain
				.submit("toggle the deposit limit", tx.vaults().set_is_deposit_limit(vault, on))
				.await?;
			chain.answer_tx(
				&r,
				format!("vault {vault}: deposit limit {}", if on { "on" } else { "off" }),
				json!({ "vault": vault, "depositLimit": on }),
			);
		},
		Cmd::SetDepositLimit { vault, amount } => {
			let units = chain.vault_units(vault).await?;
			let limit = units.parse(&amount)?;
			let r = chain
				.submit("set the deposit limit", tx.vaults().set_deposit_limit(vault, limit))
				.await?;
			chain.answer_tx(
				&r,
				format!("vault {vault}: deposits up to {}", units.show(limit)),
				json!({ "vault": vault, "limit": limit.to_string() }),
			);
		},
		Cmd::GrantRole(a) => {
			let (role, who) = (vault_file::role(&a.role)?, account(&a.account)?);
			let r = chain
				.submit("grant the role", tx.vaults().grant_role(a.vault, role, who))
				.await?;
			chain.answer_tx(
				&r,
				format!("{who} holds {} in vault {}", a.role, a.vault),
				json!({ "vault": a.vault, "role": a.role, "account": who.to_string(), "granted": true }),
			);
		},
		Cmd::RevokeRole(a) => {
			let (role, who) = (vault_file::role(&a.role)?, account(&a.account)?);
			let r = chain
				.submit("revoke the role", tx.vaults().revoke_role(a.vault, role, who))
				.await?;
			chain.answer_tx(
				&r,
				format!("{who} no longer holds {} in vault {}", a.role, a.vault),
				json!({ "vault": a.vault, "role": a.role, "account": who.to_string(), "granted": false }),
			);
		},
		Cmd::Show { vault } => {
			let units = chain.vault_units(vault).await?;
			let v = chain.request("rampart_vault", vec![json!(vault)]).await?;
			let amount =
				|key: &str| units.show(v[key].as_str().and_then(|s| s.parse().ok()).unwrap_or(0));
			let human = format!(
				"vault {vault}: {} stake active, {} withdrawing this epoch, {} next; epoch {} ends at block {}\n{}",
				amount("activeStake"),
				amount("withdrawalsCurrent"),
				amount("withdrawalsNext"),
				v["currentEpoch"],
				v["nextEpochStart"],
				serde_json::to_string_pretty(&v).unwrap_or_default()
			);
			chain.answer(human, v);
		},
	}
	Ok(())
}
