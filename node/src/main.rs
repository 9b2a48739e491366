// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The Rampart reference node.

#![warn(missing_docs)]
// The node returns the SDK's own errors (`sc_cli::Error`, `sc_service::Error`), which are large by
// design; boxing them at every call would change nothing that matters for a once-per-run path.
#![allow(clippy::result_large_err)]

mod bench_chain;
mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;
mod signed;

fn main() {
	if let Err(error) = command::run() {
		// Print the error's message, not its debug representation, and exit with a failure
		// code: bad input (unknown chain, unusable database, port in use) is not a crash.
		eprintln!("Error: {error}");
		std::process::exit(1);
	}
}
