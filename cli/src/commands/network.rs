// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! `rampart network`: a network registers, names its middleware, accepts and caps vaults,
//! prices collateral, sets its operator set policy, slashes and pays rewards. The signer is the
//! network (or, for the middleware pallet's calls, its middleware account).

use clap::{Args, Subcommand};
use serde_json::json;

use super::{percent, price};
use crate::{
	api::{middleware_types as mw, rampart, AccountId32, Subnetwork},
	chain::{account, asset, asset_name, subnetwork, Chain, CliError},
};

#[derive(Subcommand)]
pub enum Cmd {
	/// Register the signer as a network (holds the registration deposit).
	Register,
	/// Name the middleware that slashes and distributes for the network: an account, `pallet`
	/// (the middleware pallet's account for the network: power, operator sets, slashes and
	/// rewards by power), or `none`.
	SetMiddleware { middleware: String },
	/// The most stake the network accepts from a vault for one of its subnetworks.
	SetMaxLimit(MaxLimit),
	/// Accept a vault's stake into a subnetwork's power (middleware pallet).
	AcceptVault(SubnetVault),
	/// Stop counting a vault in a subnetwork's power.
	RemoveVault(SubnetVault),
	/// How a subnetwork values a collateral: haircut, who prices it, staleness.
	SetValuation(Valuation),
	/// Set the price of a collateral the network prices itself.
	SetPrice(SetPrice),
	/// The subnetwork's operator set: its size, the least power, the cap on one operator's share.
	SetPolicy(Policy),
	/// Who may join the subnetwork's operator set: `opted-in` operators, or an `allowlist`.
	SetAdmission(Admission),
	/// Put an operator on (or, with --remove, off) the subnetwork's allowlist.
	Allowlist(Allowlist),
	/// Slash an operator's power in a subnetwork, split over the vaults that gave it (middleware pallet).
	Slash(PowerSlash),
	/// Slash one vault's stake of an operator (the network's middleware account, instant slasher).
	SlashVault(VaultSlash),
	/// Request a slash of a vault with a veto slasher (the middleware account).
	RequestSlash(VaultSlash),
	/// Execute a slash request after its veto window.
	ExecuteSlash { id: u64 },
	/// Veto a slash request (the subnetwork's resolver of the vault).
	VetoSlash { id: u64 },
	/// Name the resolver who may veto the subnetwork's slash requests on a vault (`none` clears it).
	SetResolver(Resolver),
	/// Pay a reward to a subnetwork's operators and their vaults by power (middleware pallet).
	Reward(Reward),
	/// The network's middleware, accepted vaults and operator sets.
	View {
		/// The network (default: the signer).
		#[arg(long)]
		network: Option<String>,
		/// Subnetwork ids, comma-separated.
		#[arg(long, value_delimiter = ',', default_value = "0")]
		subnetworks: Vec<u32>,
	},
}

#[derive(Args)]
pub struct MaxLimit {
	#[arg(long)]
	vault: u32,
	/// The subnetwork id.
	#[arg(long, default_value_t = 0)]
	subnetwork: u32,
	/// In the vault's collateral units.
	#[arg(long)]
	amount: String,
}

#[derive(Args)]
pub struct SubnetVault {
	#[arg(long, default_value_t = 0)]
	subnetwork: u32,
	#[arg(long)]
	vault: u32,
	/// The network (default: the signer; the middleware account may act for it).
	#[arg(long)]
	network: Option<String>,
}

#[derive(Args)]
pub struct Valuation {
	#[arg(long, default_value_t = 0)]
	subnetwork: u32,
	/// `native` or an asset id.
	#[arg(long)]
	asset: String,
	/// The share of the value that gives no power, in percent (e.g. 10 or 2.5).
	#[arg(long, default_value = "0")]
	haircut: String,
	/// Price feeders, comma-separated (default: the network sets the price itself).
	#[arg(long, value_delimiter = ',')]
	feeders: Vec<String>,
	/// Fresh posts needed for a feeders' price.
	#[arg(long, default_value_t = 1)]
	quorum: u32,
	/// Blocks a price stays fresh (default: forever).
	#[arg(long)]
	staleness: Option<u32>,
	/// What a stale price is worth (default: nothing).
	#[arg(long)]
	fallback: Option<String>,
	/// The largest change of one update, in percent.
	#[arg(long)]
	max_step: Option<String>,
	/// Clamp a larger change to the step instead of refusing it.
	#[arg(long)]
	clamp: bool,
	#[arg(long)]
	network: Option<String>,
}

#[derive(Args)]
pub struct SetPrice {
	#[arg(long, default_value_t = 0)]
	subnetwork: u32,
	#[arg(long)]
	asset: String,
	/// Power per unit of the collateral, e.g. 1 or 0.25.
	#[arg(long)]
	price: String,
	#[arg(long)]
	network: Option<String>,
}

#[derive(Args)]
pub struct Policy {
	#[arg(long, default_value_t = 0)]
	subnetwork: u32,
	#[arg(long, default_value_t = u32::MAX)]
	max_operators: u32,
	/// The least power to qualify (power: a base unit of collateral times its price).
	#[arg(long, default_value_t = 0)]
	min_power: u128,
	/// The largest share of the total one operator may hold, in percent.
	#[arg(long, default_value = "100")]
	cap: String,
	#[arg(long)]
	network: Option<String>,
}

#[derive(Args)]
pub struct Admission {
	#[arg(long, default_value_t = 0)]
	subnetwork: u32,
	/// `opted-in` or `allowlist`.
	admission: String,
	#[arg(long)]
	network: Option<String>,
}

#[derive(Args)]
pub struct Allowlist {
	#[arg(long, default_value_t = 0)]
	subnetwork: u32,
	#[arg(long)]
	operator: String,
	#[arg(long)]
	remove: bool,
	#[arg(long)]
	network: Option<String>,
}

#[derive(Args)]
pub struct PowerSlash {
	#[arg(long, default_value_t = 0)]
	subnetwork: u32,
	#[arg(long)]
	operator: String,
	/// The power to slash (power: a base unit of collateral times its price).
	#[arg(long)]
	power: u128,
	/// The block the misbehaviour is judged at (default: the previous block).
	#[arg(long)]
	capture: Option<u32>,
	#[arg(long)]
	network: Option<String>,
}

#[derive(Args)]
pub struct VaultSlash {
	#[arg(long)]
	vault: u32,
	/// `NETWORK:ID`, or the network for id 0.
	#[arg(long)]
	subnetwork: String,
	#[arg(long)]
	operator: String,
	/// In the vault's collateral units.
	#[arg(long)]
	amount: String,
	/// The block the stake is captured at (default: the previous block).
	#[arg(long)]
	capture: Option<u32>,
}

#[derive(Args)]
pub struct Resolver {
	#[arg(long)]
	vault: u32,
	#[arg(long, default_value_t = 0)]
	subnetwork: u32,
	/// The resolver, or `none`.
	resolver: String,
}

#[derive(Args)]
pub struct Reward {
	#[arg(long, default_value_t = 0)]
	subnetwork: u32,
	/// The reward's asset: `native` or an asset id.
	#[arg(long, default_value = "native")]
	asset: String,
	/// In the asset's units.
	#[arg(long)]
	amount: String,
	/// The block whose power shares the reward (default: the previous block).
	#[arg(long)]
	snapshot: Option<u32>,
	/// The largest curator fee the network accepts, in percent.
	#[arg(long, default_value = "100")]
	max_admin_fee: String,
	#[arg(long)]
	network: Option<String>,
}

/// The subnetwork `id` of `--network` or of the signer.
fn own(
	chain: &Chain,
	network: &Option<String>,
	id: u32,
) -> Result<Subnetwork<AccountId32>, CliError> {
	Ok(Subnetwork { network: chain.account_or_signer(network.as_deref())?, id })
}

/// A block before the current one, for captures and snapshots.
async fn previous_block(chain: &Chain, given: Option<u32>) -> Result<u32, CliError> {
	match given {
		Some(block) => Ok(block),
		None => Ok(chain.block_number().await?.saturating_sub(1) as u32),
	}
}

/// `none`, or an account.
fn optional_account(text: &str) -> Result<Option<AccountId32>, CliError> {
	if text.eq_ignore_ascii_case("none") {
		Ok(None)
	} else {
		account(text).map(Some)
	}
}

pub async fn run(chain: &Chain, cmd: Cmd) -> Result<(), CliError> {
	let tx = rampart::tx();
	match cmd {
		Cmd::Register => {
			let r = chain.submit("register the network", tx.registry().register_network()).await?;
			let network = chain.signer_account()?;
			chain.answer_tx(
				&r,
				format!("{network} is a network"),
				json!({ "network": network.to_string() }),
			);
		},
		Cmd::SetMiddleware { middleware } => {
			let middleware = if middleware == "pallet" {
				// The middleware pallet's account for the network: its pallet id's sub-account
				// (`modl`, the id, then the network's first 20 bytes), as the pallet derives it.
				let network = chain.signer_account()?;
				let at = chain.at_best().await?;
				let id = at
					.constants()
					.entry(rampart::constants().middleware().pallet_id())
					.map_err(CliError::node)?;
				let mut bytes = [0u8; 32];
				bytes[..4].copy_from_slice(b"modl");
				bytes[4..12].copy_from_slice(&id.0);
				bytes[12..].copy_from_slice(&network.0[..20]);
				Some(AccountId32(bytes))
			} else {
				optional_account(&middleware)?
			};
			let r = chain
				.submit("set the middleware", tx.registry().set_middleware(middleware))
				.await?;
			let shown = middleware.map(|m| m.to_string());
			chain.answer_tx(
				&r,
				format!("middleware: {}", shown.clone().unwrap_or_else(|| "none".into())),
				json!({ "middleware": shown }),
			);
		},
		Cmd::SetMaxLimit(a) => {
			let units = chain.vault_units(a.vault).await?;
			let amount = units.parse(&a.amount)?;
			let r = chain
				.submit(
					"set the max network limit",
					tx.delegation().set_max_network_limit(a.vault, a.subnetwork, amount),
				)
				.await?;
			chain.answer_tx(
				&r,
				format!(
					"vault {} gives subnetwork {} at most {}",
					a.vault,
					a.subnetwork,
					units.show(amount)
				),
				json!({ "vault": a.vault, "subnetwork": a.subnetwork, "amount": amount.to_string() }),
			);
		},
		Cmd::AcceptVault(a) => {
			let sub = own(chain, &a.network, a.subnetwork)?;
			chain.vault_collateral(a.vault).await?;
			let r = chain
				.submit("accept the vault", tx.middleware().accept_vault(sub, a.vault))
				.await?;
			chain.answer_tx(
				&r,
				format!("subnetwork {} counts vault {} from the next block", a.subnetwork, a.vault),
				json!({ "vault": a.vault, "subnetwork": a.subnetwork, "accepted": true }),
			);
		},
		Cmd::RemoveVault(a) => {
			let sub = own(chain, &a.network, a.subnetwork)?;
			let r = chain
				.submit("remove the vault", tx.middleware().remove_vault(sub, a.vault))
				.await?;
			chain.answer_tx(
				&r,
				format!("subnetwork {} no longer counts vault {}", a.subnetwork, a.vault),
				json!({ "vault": a.vault, "subnetwork": a.subnetwork, "accepted": false }),
			);
		},
		Cmd::SetValuation(a) => {
			let sub = own(chain, &a.network, a.subnetwork)?;
			let collateral = asset(&a.asset)?;
			let source = if a.feeders.is_empty() {
				mw::PriceSource::Network
			} else {
				let feeders =
					a.feeders.iter().map(|f| account(f)).collect::<Result<Vec<_>, _>>()?;
				mw::PriceSource::Feeders {
					feeders: rampart::runtime_types::bounded_collections::bounded_vec::BoundedVec(
						feeders,
					),
					quorum: a.quorum,
				}
			};
			let on_stale = match &a.fallback {
				Some(p) => mw::StalePolicy::Fallback(price(p)?),
				None => mw::StalePolicy::Zero,
			};
			let max_step = a
				.max_step
				.as_deref()
				.map(|s| -> Result<_, CliError> {
					Ok(mw::StepLimit {
						max_step: percent(s)?,
						policy: if a.clamp {
							mw::StepPolicy::Clamp
						} else {
							mw::StepPolicy::Refuse
						},
					})
				})
				.transpose()?;
			let config = mw::ValuationConfig {
				haircut: percent(&a.haircut)?,
				source,
				staleness: a.staleness,
				on_stale,
				max_step,
			};
			let r = chain
				.submit(
					"set the valuation",
					tx.middleware().set_valuation(sub, collateral.clone(), config),
				)
				.await?;
			chain.answer_tx(
				&r,
				format!(
					"subnetwork {} values {} with a {} % haircut",
					a.subnetwork,
					asset_name(&collateral),
					a.haircut
				),
				json!({ "subnetwork": a.subnetwork, "asset": asset_name(&collateral) }),
			);
		},
		Cmd::SetPrice(a) => {
			let sub = own(chain, &a.network, a.subnetwork)?;
			let collateral = asset(&a.asset)?;
			let r = chain
				.submit(
					"set the price",
					tx.middleware().set_price(sub, collateral.clone(), price(&a.price)?),
				)
				.await?;
			chain.answer_tx(
				&r,
				format!(
					"{} is priced {} in subnetwork {}",
					asset_name(&collateral),
					a.price,
					a.subnetwork
				),
				json!({ "subnetwork": a.subnetwork, "asset": asset_name(&collateral), "price": a.price }),
			);
		},
		Cmd::SetPolicy(a) => {
			let sub = own(chain, &a.network, a.subnetwork)?;
			let policy = mw::OperatorSetPolicy {
				max_operators: a.max_operators,
				min_power: a.min_power,
				cap: percent(&a.cap)?,
			};
			let r = chain
				.submit(
					"set the operator set policy",
					tx.middleware().set_operator_set_policy(sub, policy),
				)
				.await?;
			chain.answer_tx(
				&r,
				format!(
					"subnetwork {}: at most {} operators, at least {} power each, at most {} % of the total",
					a.subnetwork, a.max_operators, a.min_power, a.cap
				),
				json!({ "subnetwork": a.subnetwork, "maxOperators": a.max_operators, "minPower": a.min_power, "cap": a.cap }),
			);
		},
		Cmd::SetAdmission(a) => {
			let sub = own(chain, &a.network, a.subnetwork)?;
			let admission = match a.admission.as_str() {
				"opted-in" => mw::Admission::OptedIn,
				"allowlist" => mw::Admission::Allowlist,
				other => {
					return Err(CliError::input(format!("`{other}`: `opted-in` or `allowlist`")))
				},
			};
			let r = chain
				.submit("set the admission", tx.middleware().set_admission(sub, admission))
				.await?;
			chain.answer_tx(
				&r,
				format!("subnetwork {} admits: {}", a.subnetwork, a.admission),
				json!({ "subnetwork": a.subnetwork, "admission": a.admission }),
			);
		},
		Cmd::Allowlist(a) => {
			let sub = own(chain, &a.network, a.subnetwork)?;
			let operator = account(&a.operator)?;
			let r = chain
				.submit(
					"set the allowlist",
					tx.middleware().set_allowlisted(sub, operator, !a.remove),
				)
				.await?;
			chain.answer_tx(
				&r,
				format!("{operator} is {} the allowlist", if a.remove { "off" } else { "on" }),
				json!({ "operator": operator.to_string(), "allowed": !a.remove }),
			);
		},
		Cmd::Slash(a) => {
			let sub = own(chain, &a.network, a.subnetwork)?;
			let operator = account(&a.operator)?;
			let power = a.power;
			let capture = previous_block(chain, a.capture).await?;
			let r = chain
				.submit("slash", tx.middleware().slash(sub, operator, power, capture))
				.await?;
			let slashed: Vec<_> = r
				.events
				.find::<rampart::slashing::events::Slashed>()
				.filter_map(Result::ok)
				.map(|e| json!({ "vault": e.vault, "amount": e.slashed.to_string() }))
				.collect();
			chain.answer_tx(
				&r,
				format!("slashed {operator} by {} power at block {capture}: {} vault(s) slashed", a.power, slashed.len()),
				json!({ "operator": operator.to_string(), "capture": capture, "power": power.to_string(), "vaults": slashed }),
			);
		},
		Cmd::SlashVault(a) => {
			let units = chain.vault_units(a.vault).await?;
			let (sub, operator, amount) =
				(subnetwork(&a.subnetwork)?, account(&a.operator)?, units.parse(&a.amount)?);
			let capture = previous_block(chain, a.capture).await?;
			let r = chain
				.submit(
					"slash the vault",
					tx.slashing().slash(a.vault, sub, operator, amount, capture),
				)
				.await?;
			let slashed =
				r.find::<rampart::slashing::events::Slashed>().map(|e| e.slashed).unwrap_or(0);
			chain.answer_tx(
				&r,
				format!("vault {} slashed {} of {operator}'s stake (captured at block {capture})", a.vault, units.show(slashed)),
				json!({ "vault": a.vault, "operator": operator.to_string(), "slashed": slashed.to_string(), "capture": capture }),
			);
		},
		Cmd::RequestSlash(a) => {
			let units = chain.vault_units(a.vault).await?;
			let (sub, operator, amount) =
				(subnetwork(&a.subnetwork)?, account(&a.operator)?, units.parse(&a.amount)?);
			let capture = previous_block(chain, a.capture).await?;
			let r = chain
				.submit(
					"request a slash",
					tx.slashing().request_slash(a.vault, sub, operator, amount, capture),
				)
				.await?;
			let id = r.find::<rampart::slashing::events::SlashRequested>().map(|e| e.id);
			chain.answer_tx(
				&r,
				format!(
					"slash request {} on vault {} for {} of {operator}",
					id.map(|i| i.to_string()).unwrap_or_default(),
					a.vault,
					units.show(amount)
				),
				json!({ "request": id, "vault": a.vault, "operator": operator.to_string(), "amount": amount.to_string() }),
			);
		},
		Cmd::ExecuteSlash { id } => {
			let r = chain.submit("execute the slash", tx.slashing().execute_slash(id)).await?;
			let slashed = r
				.find::<rampart::slashing::events::SlashExecuted>()
				.map(|e| e.slashed)
				.unwrap_or(0);
			chain.answer_tx(
				&r,
				format!("slash request {id} executed: {slashed} base units slashed"),
				json!({ "request": id, "slashed": slashed.to_string() }),
			);
		},
		Cmd::VetoSlash { id } => {
			let r = chain.submit("veto the slash", tx.slashing().veto_slash(id)).await?;
			chain.answer_tx(
				&r,
				format!("slash request {id} vetoed"),
				json!({ "request": id, "vetoed": true }),
			);
		},
		Cmd::SetResolver(a) => {
			let resolver = optional_account(&a.resolver)?;
			let r = chain
				.submit(
					"set the resolver",
					tx.slashing().set_resolver(a.vault, a.subnetwork, resolver),
				)
				.await?;
			let shown = resolver.map(|m| m.to_string());
			chain.answer_tx(
				&r,
				format!(
					"resolver of subnetwork {} on vault {}: {} (after the vault's delay)",
					a.subnetwork,
					a.vault,
					shown.clone().unwrap_or_else(|| "none".into())
				),
				json!({ "vault": a.vault, "subnetwork": a.subnetwork, "resolver": shown }),
			);
		},
		Cmd::Reward(a) => {
			let sub = own(chain, &a.network, a.subnetwork)?;
			let reward_asset = asset(&a.asset)?;
			let units = chain.units(&reward_asset).await?;
			let amount = units.parse(&a.amount)?;
			let snapshot = previous_block(chain, a.snapshot).await?;
			let max_fee = (percent(&a.max_admin_fee)?.0 / 100_000).min(10_000);
			let r = chain
				.submit(
					"distribute the reward",
					tx.middleware().distribute_rewards(
						sub,
						reward_asset,
						amount,
						snapshot,
						max_fee,
					),
				)
				.await?;
			chain.answer_tx(
				&r,
				format!(
					"{} shared by power at block {snapshot} in subnetwork {}",
					units.show(amount),
					a.subnetwork
				),
				json!({ "subnetwork": a.subnetwork, "amount": amount.to_string(), "snapshot": snapshot }),
			);
		},
		Cmd::View { network, subnetworks } => {
			let network = chain.account_or_signer(network.as_deref())?;
			let view = chain
				.request(
					"rampart_networkView",
					vec![json!(network.to_string()), json!(subnetworks)],
				)
				.await?;
			chain.answer(serde_json::to_string_pretty(&view).unwrap_or_default(), view);
		},
	}
	Ok(())
}
