// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! `rampart`: networks, curators, stakers and operators on a Rampart chain, from the command
//! line. Built on subxt with the runtime's metadata; see `cli/README.md`.

mod api;
mod chain;
mod commands;
mod vault_file;

use clap::{Parser, Subcommand};

use chain::{Chain, Wait};
use commands::{curator, network, operator, staker};

#[derive(Parser)]
#[command(
	name = "rampart",
	version,
	about = "Networks, curators, stakers and operators on a Rampart chain",
	after_help = "Amounts are in token units with decimals (12.5), in the collateral's units for a vault. \
		Accounts: SS58 addresses, 0x + 64 hex digits, or dev URIs such as //Bob. \
		Progress goes to standard error; the answer (JSON with --json) to standard output. \
		Exit codes: 0 done, 1 the chain or the node refused, 2 bad input."
)]
struct Cli {
	/// The node's WebSocket address.
	#[arg(long, global = true, env = "RAMPART_URL", default_value = "ws://127.0.0.1:9944")]
	url: String,
	/// The signer's secret URI: a dev account (//Alice), a mnemonic, or a hex seed, with
	/// optional derivation. Prefer RAMPART_SURI to keep a real secret out of the process list.
	#[arg(long, global = true, env = "RAMPART_SURI", hide_env_values = true)]
	suri: Option<String>,
	/// Answer in JSON, for scripts.
	#[arg(long, global = true)]
	json: bool,
	/// Wait for the transaction's block only, or for its finality.
	#[arg(long, global = true, value_enum, default_value = "finalized")]
	wait: Wait,
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand)]
enum Command {
	/// A network: register, middleware, vaults it accepts and caps, valuations, operator set,
	/// slashes, resolvers, rewards.
	#[command(subcommand)]
	Network(network::Cmd),
	/// A curator: create vaults, allocate stake, fees, whitelist, deposit limit, roles.
	#[command(subcommand)]
	Curator(curator::Cmd),
	/// A staker: deposit, withdraw, redeem, claim, position, rewards, exposure.
	#[command(subcommand)]
	Staker(staker::Cmd),
	/// An operator: register, opt in and out, session keys, operator sets, commission, rewards.
	#[command(subcommand)]
	Operator(operator::Cmd),
}

#[tokio::main]
async fn main() {
	let cli = Cli::parse();
	let result = async {
		let chain = Chain::connect(&cli.url, cli.suri.clone(), cli.json, cli.wait).await?;
		match cli.command {
			Command::Network(cmd) => network::run(&chain, cmd).await,
			Command::Curator(cmd) => curator::run(&chain, cmd).await,
			Command::Staker(cmd) => staker::run(&chain, cmd).await,
			Command::Operator(cmd) => operator::run(&chain, cmd).await,
		}
	}
	.await;
	if let Err(error) = result {
		if cli.json {
			println!(
				"{}",
				serde_json::to_string_pretty(&error.to_json()).expect("JSON values serialize")
			);
		}
		eprintln!("{error}");
		std::process::exit(error.exit_code());
	}
}
