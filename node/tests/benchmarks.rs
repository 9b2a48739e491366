// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Every benchmark of the Rampart pallets and of the account pallets (utility, proxy, multisig)
//! runs on the reference runtime through its `Benchmark` runtime API, as a weight generator calls
//! it (frame-omni-bencher, `benchmarking/run-benchmarks.sh`): each at its components' lowest and
//! highest values, with its verification, on the `development` preset's genesis (built by the
//! runtime's genesis builder, as the node builds it), over the client's benchmarking state (which
//! commits, wipes and counts reads and writes as the weight runs need). The runtime runs natively
//! here; the weight runs execute the same code compiled to wasm.
//!
//! The mocks' benchmark tests prove each benchmark on its pallet's mock; this proves them with
//! the runtime's own configuration and benchmark helpers (`benchmarking/helpers`), so a benchmark
//! or its set-up cannot break unnoticed between two weight runs.

use frame_benchmarking::{
	runtime_decl_for_benchmark::BenchmarkV2, BenchmarkBatch, BenchmarkConfig, BenchmarkParameter,
};
use rampart_runtime::{Runtime, WASM_BINARY};
use sc_client_db::BenchmarkingState;
use sp_externalities::Extensions;
use sp_keystore::{testing::MemoryKeystore, KeystoreExt};
use sp_runtime::{traits::BlakeTwo256, BuildStorage, Storage};
use sp_state_machine::{Ext, OverlayedChanges};

const PALLETS: [&str; 10] = [
	"pallet_rampart_registry",
	"pallet_rampart_vaults",
	"pallet_rampart_delegation",
	"pallet_rampart_slashing",
	"pallet_rampart_rewards",
	"pallet_rampart_middleware",
	"pallet_rampart_validators",
	"pallet_utility",
	"pallet_proxy",
	"pallet_multisig",
];

/// The `development` preset's genesis storage, built by the runtime's genesis builder.
fn genesis() -> Storage {
	<sc_service::GenericChainSpec>::builder(
		WASM_BINARY.expect("the runtime's wasm was built"),
		None,
	)
	.with_name("benchmarks")
	.with_id("benchmarks")
	.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
	.build()
	.build_storage()
	.expect("the development preset builds")
}

/// Runs `call` natively against a fresh benchmarking state over `genesis`, with a keystore (the
/// benchmarks make keys), as a weight generator runs it.
fn with_state<R>(genesis: &Storage, call: impl FnOnce() -> R) -> R {
	let state = BenchmarkingState::<BlakeTwo256>::new(genesis.clone(), None, false, true)
		.expect("the benchmarking state builds");
	let mut overlay = OverlayedChanges::default();
	let mut extensions = Extensions::default();
	extensions.register(KeystoreExt::new(MemoryKeystore::new()));
	let mut ext = Ext::new(&mut overlay, &state, Some(&mut extensions));
	sp_externalities::set_and_run_with_externalities(&mut ext, call)
}

#[test]
fn every_benchmark_of_the_restaking_and_account_pallets_runs_on_the_reference_runtime() {
	let genesis = genesis();
	let (lists, _) = with_state(&genesis, || Runtime::benchmark_metadata(false));
	let mut runs = 0;
	for pallet in PALLETS {
		let list = lists
			.iter()
			.find(|l| l.pallet == pallet.as_bytes())
			.unwrap_or_else(|| panic!("{pallet} is not in define_benchmarks!"));
		assert!(!list.benchmarks.is_empty(), "{pallet} lists no benchmark");
		for benchmark in &list.benchmarks {
			let name = String::from_utf8_lossy(&benchmark.name).to_string();
			let lowest: Vec<(BenchmarkParameter, u32)> =
				benchmark.components.iter().map(|(p, low, _)| (*p, *low)).collect();
			let highest: Vec<(BenchmarkParameter, u32)> =
				benchmark.components.iter().map(|(p, _, high)| (*p, *high)).collect();
			for selected_components in [lowest, highest] {
				let config = BenchmarkConfig {
					pallet: list.pallet.clone(),
					instance: list.instance.clone(),
					benchmark: benchmark.name.clone(),
					selected_components: selected_components.clone(),
					verify: true,
					internal_repeats: 1,
				};
				let batches: Vec<BenchmarkBatch> =
					with_state(&genesis, || Runtime::dispatch_benchmark(config)).unwrap_or_else(
						|e| panic!("{pallet}::{name} at {selected_components:?}: {e}"),
					);
				assert!(
					batches.iter().any(|b| b.benchmark == benchmark.name && !b.results.is_empty()),
					"{pallet}::{name} at {selected_components:?} has no results"
				);
				runs += 1;
			}
		}
	}
	println!("{runs} benchmark runs on the reference runtime");
	assert!(runs >= 150, "only {runs} benchmark runs");
}
