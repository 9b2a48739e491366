// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Weights of the runtime's pallets, generated for this runtime on this project's machines by
//! `benchmarking/run-benchmarks.sh` (one file per pallet, from `benchmarking/frame-weight-template.hbs`).

pub use frame_support::weights::constants::ParityDbWeight;

pub mod frame_system {
	pub type WeightInfo<T> = frame_system::weights::SubstrateWeight<T>;
}
pub mod frame_system_extensions {
	pub type WeightInfo<T> = frame_system::SubstrateExtensionsWeight<T>;
}
pub mod pallet_assets {
	pub type WeightInfo<T> = pallet_assets::weights::SubstrateWeight<T>;
}
pub mod pallet_balances {
	pub type WeightInfo<T> = pallet_balances::weights::SubstrateWeight<T>;
}
pub mod pallet_sudo {
	pub type WeightInfo<T> = pallet_sudo::weights::SubstrateWeight<T>;
}
pub mod pallet_timestamp {
	pub type WeightInfo<T> = pallet_timestamp::weights::SubstrateWeight<T>;
}
pub mod pallet_transaction_payment {
	pub type WeightInfo<T> = pallet_transaction_payment::weights::SubstrateWeight<T>;
}
