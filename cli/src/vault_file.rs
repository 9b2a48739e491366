// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! A vault described in a TOML or JSON file, for `rampart curator create-vault`.
//!
//! ```toml
//! collateral = "native"          # or an asset id, e.g. 1
//! epoch_duration = 600           # blocks
//! delegator = "network-restake"  # full-restake, operator-specific, operator-network-specific
//! # operator = "//Dave"          # for the two operator-specific kinds
//! # network = "//Charlie"        # for operator-network-specific
//! slasher = "veto"               # none, instant, veto
//! veto_duration = 100            # blocks (veto only)
//! resolver_set_epochs_delay = 3  # epochs (veto only)
//! burner = "burn"                # burn, account, router
//! # burner_account = "5F..."     # account: the receiver; router: the fallback receiver
//! # router_delay = 100           # router: blocks before a receiver change applies
//! deposit_whitelist = false
//! deposit_limit = "10000.5"      # in the collateral's units; leave out for no limit
//!
//! [roles]                        # each role: one account or a list
//! Admin = "//Alice"
//! NetworkLimitSetter = ["//Alice", "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"]
//! ```

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::{
	api::{
		rampart::runtime_types::bounded_collections::bounded_vec::BoundedVec, vault_types,
		AccountId32, Asset, DelegatorKind, Role, SlasherKind,
	},
	chain::{account, asset, CliError, Units},
};

/// The runtime's vault configuration.
pub type VaultConfig =
	vault_types::VaultConfig<AccountId32, Asset, u32, BoundedVec<(Role, AccountId32)>>;

/// The vault file, as written.
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct VaultFile {
	pub collateral: Collateral,
	pub epoch_duration: u32,
	pub delegator: String,
	pub operator: Option<String>,
	pub network: Option<String>,
	pub slasher: String,
	pub veto_duration: Option<u32>,
	pub resolver_set_epochs_delay: Option<u32>,
	pub burner: String,
	pub burner_account: Option<String>,
	pub router_delay: Option<u32>,
	#[serde(default)]
	pub deposit_whitelist: bool,
	pub deposit_limit: Option<String>,
	#[serde(default)]
	pub roles: BTreeMap<String, OneOrMany>,
}

/// `"native"` or an asset id.
#[derive(Deserialize, Debug)]
#[serde(untagged)]
pub enum Collateral {
	Id(u32),
	Name(String),
}

/// One account or a list.
#[derive(Deserialize, Debug)]
#[serde(untagged)]
pub enum OneOrMany {
	One(String),
	Many(Vec<String>),
}

/// Every role, by its name in the runtime.
pub const ROLES: [(&str, Role); 12] = [
	("Admin", Role::Admin),
	("DepositWhitelistSetter", Role::DepositWhitelistSetter),
	("DepositorWhitelister", Role::DepositorWhitelister),
	("DepositLimitToggler", Role::DepositLimitToggler),
	("DepositLimitSetter", Role::DepositLimitSetter),
	("NetworkLimitSetter", Role::NetworkLimitSetter),
	("OperatorNetworkSharesSetter", Role::OperatorNetworkSharesSetter),
	("OperatorNetworkLimitSetter", Role::OperatorNetworkLimitSetter),
	("HookSetter", Role::HookSetter),
	("BurnerRouterSetter", Role::BurnerRouterSetter),
	("AdminFeeSetter", Role::AdminFeeSetter),
	("AdminFeeClaimer", Role::AdminFeeClaimer),
];

/// A role by name: `NetworkLimitSetter`, `network_limit_setter` or `network-limit-setter`.
pub fn role(name: &str) -> Result<Role, CliError> {
	let norm = |s: &str| {
		s.chars()
			.filter(|c| c.is_ascii_alphanumeric())
			.collect::<String>()
			.to_lowercase()
	};
	ROLES
		.iter()
		.find(|(n, _)| norm(n) == norm(name))
		.map(|(_, r)| r.clone())
		.ok_or_else(|| {
			let names: Vec<&str> = ROLES.iter().map(|(n, _)| *n).collect();
			CliError::input(format!(
				"`{name}` is not a vault role; the roles: {}",
				names.join(", ")
			))
		})
}

/// Reads a vault file: `.json` as JSON, anything else as TOML.
pub fn read(path: &str) -> Result<VaultFile, CliError> {
	let text = std::fs::read_to_string(path)
		.map_err(|e| CliError::input(format!("cannot read the vault file {path}: {e}")))?;
	let parsed = if path.ends_with(".json") {
		serde_json::from_str(&text).map_err(|e| e.to_string())
	} else {
		toml::from_str(&text).map_err(|e| e.to_string())
	};
	parsed.map_err(|e| CliError::input(format!("the vault file {path} is not valid: {e}")))
}

impl VaultFile {
	/// The collateral named.
	pub fn collateral(&self) -> Result<Asset, CliError> {
		match &self.collateral {
			Collateral::Id(id) => Ok(Asset::WithId(*id)),
			Collateral::Name(name) => asset(name),
		}
	}

	/// The runtime's configuration; `units`: the collateral's.
	pub fn config(&self, units: &Units) -> Result<VaultConfig, CliError> {
		fn need<'a>(field: &'a Option<String>, what: &str) -> Result<&'a str, CliError> {
			field
				.as_deref()
				.ok_or_else(|| CliError::input(format!("the vault file needs `{what}`")))
		}
		let delegator = match self.delegator.as_str() {
			"network-restake" => DelegatorKind::NetworkRestake,
			"full-restake" => DelegatorKind::FullRestake,
			"operator-specific" =>
				DelegatorKind::OperatorSpecific { operator: account(need(&self.operator, "operator")?)? },
			"operator-network-specific" => DelegatorKind::OperatorNetworkSpecific {
				operator: account(need(&self.operator, "operator")?)?,
				network: account(need(&self.network, "network")?)?,
			},
			other =>
				return Err(CliError::input(format!(
					"`delegator = \"{other}\"`: one of network-restake, full-restake, operator-specific, operator-network-specific"
				))),
		};
		let slasher = match self.slasher.as_str() {
			"none" => SlasherKind::None,
			"instant" => SlasherKind::Instant,
			"veto" => SlasherKind::Veto {
				veto_duration: self.veto_duration.ok_or_else(|| {
					CliError::input("a veto slasher needs `veto_duration` (blocks)")
				})?,
				resolver_set_epochs_delay: self.resolver_set_epochs_delay.unwrap_or(3),
			},
			other => {
				return Err(CliError::input(format!(
					"`slasher = \"{other}\"`: one of none, instant, veto"
				)))
			},
		};
		let burner = match self.burner.as_str() {
			"burn" => vault_types::Burner::Burn,
			"account" => vault_types::Burner::Account(account(need(
				&self.burner_account,
				"burner_account",
			)?)?),
			"router" => vault_types::Burner::Router {
				fallback: account(need(&self.burner_account, "burner_account")?)?,
				delay: self.router_delay.unwrap_or(0),
			},
			other => {
				return Err(CliError::input(format!(
					"`burner = \"{other}\"`: one of burn, account, router"
				)))
			},
		};
		let mut roles = Vec::new();
		for (name, holders) in &self.roles {
			let role = role(name)?;
			let holders = match holders {
				OneOrMany::One(one) => vec![one.clone()],
				OneOrMany::Many(many) => many.clone(),
			};
			for holder in holders {
				roles.push((role.clone(), account(&holder)?));
			}
		}
		let deposit_limit = self.deposit_limit.as_deref().map(|l| units.parse(l)).transpose()?;
		Ok(VaultConfig {
			collateral: self.collateral()?,
			epoch_duration: self.epoch_duration,
			delegator,
			slasher,
			burner,
			deposit_whitelist: self.deposit_whitelist,
			is_deposit_limit: deposit_limit.is_some(),
			deposit_limit: deposit_limit.unwrap_or(0),
			roles: BoundedVec(roles),
		})
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	const UNITS: Units = Units { decimals: 12, symbol: String::new() };

	fn parse(text: &str) -> Result<VaultFile, String> {
		toml::from_str(text).map_err(|e| e.to_string())
	}

	#[test]
	fn a_toml_vault_file_becomes_the_runtimes_config() {
		let file = parse(
			r#"
			collateral = "native"
			epoch_duration = 600
			delegator = "operator-network-specific"
			operator = "//Dave"
			network = "//Charlie"
			slasher = "veto"
			veto_duration = 100
			burner = "router"
			burner_account = "//Eve"
			router_delay = 50
			deposit_limit = "10000.5"
			[roles]
			Admin = "//Alice"
			network_limit_setter = ["//Alice", "//Bob"]
			"#,
		)
		.unwrap();
		let config = file.config(&UNITS).unwrap();
		assert!(matches!(config.collateral, Asset::Native));
		assert!(matches!(config.delegator, DelegatorKind::OperatorNetworkSpecific { .. }));
		assert!(matches!(
			config.slasher,
			SlasherKind::Veto { veto_duration: 100, resolver_set_epochs_delay: 3 }
		));
		assert!(matches!(config.burner, vault_types::Burner::Router { delay: 50, .. }));
		assert!(config.is_deposit_limit);
		assert_eq!(config.deposit_limit, 10_000_500_000_000_000);
		assert_eq!(config.roles.0.len(), 3);
	}

	#[test]
	fn a_json_vault_file_with_an_asset_reads_the_same_way() {
		let file: VaultFile = serde_json::from_str(
			r#"{"collateral": 1, "epoch_duration": 60, "delegator": "full-restake",
			    "slasher": "instant", "burner": "burn", "roles": {"Admin": "//Alice"}}"#,
		)
		.unwrap();
		let config = file.config(&UNITS).unwrap();
		assert!(matches!(config.collateral, Asset::WithId(1)));
		assert!(!config.is_deposit_limit);
	}

	#[test]
	fn a_bad_vault_file_says_what_is_wrong() {
		let unknown = parse("collateral = 1\nepoch_duration = 6\ndelegator = \"x\"\nslasher = \"instant\"\nburner = \"burn\"\ncolour = 3").unwrap_err();
		assert!(unknown.contains("unknown field `colour`"), "{unknown}");
		let missing = parse("collateral = 1\ndelegator = \"full-restake\"\nslasher = \"instant\"\nburner = \"burn\"").unwrap_err();
		assert!(missing.contains("missing field `epoch_duration`"), "{missing}");
		let base = "collateral = 1\nepoch_duration = 6\nslasher = \"instant\"\nburner = \"burn\"\n";
		let e = parse(&format!("{base}delegator = \"operator-specific\""))
			.unwrap()
			.config(&UNITS)
			.unwrap_err();
		assert!(e.message.contains("needs `operator`"), "{}", e.message);
		let e = parse(&format!("{base}delegator = \"restake\""))
			.unwrap()
			.config(&UNITS)
			.unwrap_err();
		assert!(e.message.contains("one of network-restake"), "{}", e.message);
		let e = parse(&format!("{base}delegator = \"full-restake\"\n[roles]\nKing = \"//Alice\""))
			.unwrap()
			.config(&UNITS)
			.unwrap_err();
		assert!(e.message.contains("not a vault role"), "{}", e.message);
	}
}
