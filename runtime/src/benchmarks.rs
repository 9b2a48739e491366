// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The pallets whose benchmarks the runtime exposes to a weight generator (`frame-omni-bencher
//! v1 benchmark pallet`, see `benchmarking/run-benchmarks.sh`).

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_assets, Assets]
	[pallet_balances, Balances]
	[pallet_multisig, Multisig]
	[pallet_proxy, Proxy]
	[pallet_rampart_registry, Registry]
	[pallet_rampart_vaults, Vaults]
	[pallet_rampart_delegation, Delegation]
	[pallet_rampart_slashing, Slashing]
	[pallet_rampart_rewards, Rewards]
	[pallet_rampart_middleware, Middleware]
	[pallet_rampart_validators, Validators]
	[pallet_sudo, Sudo]
	[pallet_timestamp, Timestamp]
	[pallet_transaction_payment, TransactionPayment]
	[pallet_utility, Utility]
);

// Benchmark set-ups these pallets ask of the runtime; none is needed beyond the defaults.
impl frame_system_benchmarking::Config for crate::Runtime {}
impl frame_benchmarking::baseline::Config for crate::Runtime {}
impl pallet_transaction_payment::BenchmarkConfig for crate::Runtime {}
