// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Command line of `rampart-node`: the usual Substrate flags and subcommands.

use sc_cli::RunCmd;

/// `rampart-node [SUBCOMMAND] [FLAGS]`.
#[derive(Debug, clap::Parser)]
pub struct Cli {
	/// What to do; without a subcommand the node runs.
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	/// Flags of a running node (`--dev`, `--chain`, `--base-path`, `--rpc-port`, ...).
	#[clap(flatten)]
	pub run: RunCmd,
}

/// Subcommands of `rampart-node`.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management utilities.
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Build a chain specification.
	/// DEPRECATED: `export-chain-spec` replaces it.
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Export the chain specification.
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Database meta columns information.
	ChainInfo(sc_cli::ChainInfoCmd),

	/// Author a chain of empty, then full, blocks offline, in the past, on a dev or local
	/// chain's database, to time import and sync (the performance report's sync figures).
	BuildBenchChain(crate::bench_chain::BuildBenchChainCmd),
}
