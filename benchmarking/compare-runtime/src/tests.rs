// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The benchmarks the report compares Rampart's calls with run here natively, through the
//! runtime's `Benchmark` API as frame-omni-bencher calls it, on the `development` preset's
//! genesis over the client's benchmarking state: each at its components' lowest and highest
//! values, with its verification. The report runs the same code compiled to wasm; this keeps a
//! release bump of polkadot-sdk from breaking it unnoticed between two reports.

use crate::{development_genesis, Runtime, RuntimeGenesisConfig};
use frame_benchmarking::{
	runtime_decl_for_benchmark::BenchmarkV2, BenchmarkBatch, BenchmarkConfig, BenchmarkParameter,
};
use sc_client_db::BenchmarkingState;
use sp_externalities::Extensions;
use sp_runtime::{traits::BlakeTwo256, BuildStorage, Storage};
use sp_state_machine::{Ext, OverlayedChanges};

/// What `benchmarking/report.sh` runs on this runtime: `compared.txt`, one pallet per line and
/// its benchmarks comma-separated.
fn compared() -> Vec<(&'static str, Vec<&'static str>)> {
	include_str!("../compared.txt")
		.lines()
		.filter(|line| !line.starts_with('#') && !line.trim().is_empty())
		.map(|line| {
			let (pallet, benchmarks) = line.split_once(' ').expect("a pallet, then its benchmarks");
			(pallet, benchmarks.trim().split(',').collect())
		})
		.collect()
}

/// Merges the preset `patch` into `base`, as a node's genesis builder does.
fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
			for (key, value) in patch {
				merge(base.entry(key).or_insert(serde_json::Value::Null), value);
			}
		},
		(base, patch) => *base = patch,
	}
}

fn genesis() -> Storage {
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).expect("serialises");
	merge(&mut config, development_genesis());
	serde_json::from_value::<RuntimeGenesisConfig>(config)
		.expect("the development preset is a genesis config")
		.build_storage()
		.expect("the development preset builds")
}

fn with_state<R>(genesis: &Storage, call: impl FnOnce() -> R) -> R {
	let state = BenchmarkingState::<BlakeTwo256>::new(genesis.clone(), None, false, true)
		.expect("the benchmarking state builds");
	let mut overlay = OverlayedChanges::default();
	let mut extensions = Extensions::default();
	let mut ext = Ext::new(&mut overlay, &state, Some(&mut extensions));
	sp_externalities::set_and_run_with_externalities(&mut ext, call)
}

#[test]
fn the_compared_benchmarks_of_polkadot_sdk_staking_and_pools_run_on_this_runtime() {
	let genesis = genesis();
	let (lists, _) = with_state(&genesis, || Runtime::benchmark_metadata(false));
	let mut runs = 0;
	for (pallet, benchmarks) in compared() {
		let list = lists
			.iter()
			.find(|l| l.pallet == pallet.as_bytes())
			.unwrap_or_else(|| panic!("{pallet} is not in define_benchmarks!"));
		for name in &benchmarks {
			let benchmark = list
				.benchmarks
				.iter()
				.find(|b| b.name == name.as_bytes())
				.unwrap_or_else(|| panic!("{pallet} has no benchmark {name}"));
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
	assert_eq!(runs, 26);
}
