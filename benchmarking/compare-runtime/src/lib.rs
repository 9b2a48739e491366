// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! A benchmark-only runtime holding polkadot-sdk's own staking, so that the performance report
//! (`benchmarking/report.sh`) measures the nearest analogue of each Rampart call in the same run,
//! on the same machine and with the same executor as Rampart's calls:
//!
//! - `pallet-staking-async` (the staking that Polkadot runs on its Asset Hub), with
//!   `pallet-bags-list` as its voter list and `pallet-delegated-staking` beside it;
//! - `pallet-nomination-pools` on delegated stake (`DelegateStake`), as Polkadot configures it;
//! - `pallet-balances` with the reference runtime's token (same account, balance and existential
//!   deposit), and the same database weights (ParityDB's).
//!
//! It is never a chain: no consensus, no transaction payment, no node. Its wasm is built only when
//! `RAMPART_BUILD_COMPARE_WASM` is set (the report does; a workspace build does not pay for a
//! third runtime), and its tests run the compared benchmarks natively on its genesis.
//!
//! The parameters are Polkadot's where the compared calls depend on them: 28 eras to unbond, 32
//! unlocking chunks, 8 unbonding chunks per pool member; the rest are polkadot-sdk's defaults.

#![cfg_attr(not(feature = "std"), no_std)]
#![recursion_limit = "256"]

extern crate alloc;

use alloc::{string::String, vec, vec::Vec};
use frame_election_provider_support::{
	bounds::{ElectionBounds, ElectionBoundsBuilder},
	onchain, SequentialPhragmen, VoteWeight,
};
use frame_support::{
	derive_impl, genesis_builder_helper, parameter_types,
	traits::{ConstBool, ConstU32, Nothing, VariantCountOf},
	weights::{constants::ParityDbWeight, Weight},
	PalletId,
};
use sp_runtime::{
	generic,
	traits::{BlakeTwo256, Block as BlockT, Convert},
	FixedU128, Perbill,
};
use sp_version::{runtime_version, RuntimeVersion};

pub use rampart_primitives::{AccountId, Balance, BlockNumber, Nonce, Signature, MILLI_UNIT, UNIT};

#[runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("rampart-compare"),
	impl_name: alloc::borrow::Cow::Borrowed("rampart-compare"),
	authoring_version: 1,
	spec_version: 1,
	impl_version: 1,
	apis: RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

pub type Address = sp_runtime::MultiAddress<AccountId, ()>;
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// Only what `frame_system` checks: this runtime never takes a transaction from anyone.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
);
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Balances = pallet_balances;

	#[runtime::pallet_index(2)]
	pub type Staking = pallet_staking_async;

	#[runtime::pallet_index(3)]
	pub type VoterList = pallet_bags_list<Instance1>;

	#[runtime::pallet_index(4)]
	pub type DelegatedStaking = pallet_delegated_staking;

	#[runtime::pallet_index(5)]
	pub type NominationPools = pallet_nomination_pools;
}

parameter_types! {
	pub const Version: RuntimeVersion = VERSION;
	pub RuntimeBlockWeights: frame_system::limits::BlockWeights =
		frame_system::limits::BlockWeights::with_sensible_defaults(
			Weight::from_parts(2 * frame_support::weights::constants::WEIGHT_REF_TIME_PER_SECOND, u64::MAX),
			Perbill::from_percent(75),
		);
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::AccountIdLookup<AccountId, ()>;
	type Nonce = Nonce;
	type Hash = sp_core::H256;
	type BlockWeights = RuntimeBlockWeights;
	/// The reference runtime's: the report prices reads and writes the same for both runtimes.
	type DbWeight = ParityDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
}

parameter_types! {
	/// The reference runtime's existential deposit.
	pub const ExistentialDeposit: Balance = MILLI_UNIT;
}

impl pallet_balances::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type WeightInfo = ();
	type Balance = Balance;
	type DustRemoval = ();
	type ExistentialDeposit = ExistentialDeposit;
	type AccountStore = System;
	type ReserveIdentifier = [u8; 8];
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type DoneSlashHandler = ();
}

parameter_types! {
	/// Polkadot's: 28 eras (28 days) to unbond, a slash deferred 27 of them.
	pub const BondingDuration: sp_staking::EraIndex = 28;
	pub const SlashDeferDuration: sp_staking::EraIndex = 27;
	pub const SessionsPerEra: sp_staking::SessionIndex = 6;
	pub const StakingPots: PalletId = PalletId(*b"py/stpot");
}

/// Staking on this runtime has no relay chain to report a validator set to.
pub struct NoRelayChain;
impl pallet_staking_async_rc_client::RcClientInterface for NoRelayChain {
	type AccountId = AccountId;
	fn validator_set(_: Vec<AccountId>, _: u32, _: Option<u32>) {}
}

parameter_types! {
	pub ElectionBoundsOnChain: ElectionBounds = ElectionBoundsBuilder::default().build();
}

/// Elections run at once on chain (sequential Phragmén), as staking's benchmarks need to plan an
/// era; Polkadot runs its multi-block election instead, which no compared call touches.
pub struct OnChainElection;
impl onchain::Config for OnChainElection {
	type Sort = ConstBool<true>;
	type System = Runtime;
	type Solver = SequentialPhragmen<AccountId, Perbill>;
	type MaxBackersPerWinner = ConstU32<512>;
	type MaxWinnersPerPage = ConstU32<100>;
	type DataProvider = Staking;
	type WeightInfo = ();
	type Bounds = ElectionBoundsOnChain;
}

#[derive_impl(pallet_staking_async::config_preludes::TestDefaultConfig)]
impl pallet_staking_async::Config for Runtime {
	type OldCurrency = Balances;
	type Currency = Balances;
	type CurrencyToVote = sp_staking::currency_to_vote::SaturatingCurrencyToVote;
	type AdminOrigin = frame_system::EnsureRoot<AccountId>;
	type EraPayout = ();
	type DisableMinting = ConstBool<true>;
	type SessionsPerEra = SessionsPerEra;
	type BondingDuration = BondingDuration;
	type SlashDeferDuration = SlashDeferDuration;
	type RewardPots = pallet_staking_async::Seed<StakingPots>;
	type ElectionProvider = onchain::OnChainExecution<OnChainElection>;
	type VoterList = VoterList;
	type TargetList = pallet_staking_async::UseValidatorsMap<Self>;
	type EventListeners = (NominationPools, DelegatedStaking);
	type RcClientInterface = NoRelayChain;
}

/// Bag thresholds doubling from 1 to 2^63: every vote weight has a bag, and a rebag moves a voter
/// between bags as on a real chain (Polkadot's 200 thresholds cost the same per move).
const fn doubling_thresholds() -> [VoteWeight; 64] {
	let mut thresholds = [0; 64];
	let mut i = 0;
	while i < 64 {
		thresholds[i] = 1 << i;
		i += 1;
	}
	thresholds
}
const BAG_THRESHOLDS: [VoteWeight; 64] = doubling_thresholds();

parameter_types! {
	pub const BagThresholds: &'static [VoteWeight] = &BAG_THRESHOLDS;
}

impl pallet_bags_list::Config<pallet_bags_list::Instance1> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type BagThresholds = BagThresholds;
	type ScoreProvider = Staking;
	type Score = VoteWeight;
	type MaxAutoRebagPerBlock = ();
}

parameter_types! {
	pub const DelegatedStakingId: PalletId = PalletId(*b"py/dlstk");
	pub const SlashRewardFraction: Perbill = Perbill::from_percent(1);
}

impl pallet_delegated_staking::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type PalletId = DelegatedStakingId;
	type Currency = Balances;
	type OnSlash = ();
	type SlashRewardFraction = SlashRewardFraction;
	type RuntimeHoldReason = RuntimeHoldReason;
	type CoreStaking = Staking;
}

/// The pools' conversions between balances and their 256-bit reward arithmetic.
pub struct BalanceToU256;
impl Convert<Balance, sp_core::U256> for BalanceToU256 {
	fn convert(n: Balance) -> sp_core::U256 {
		n.into()
	}
}
pub struct U256ToBalance;
impl Convert<sp_core::U256, Balance> for U256ToBalance {
	fn convert(n: sp_core::U256) -> Balance {
		n.try_into().unwrap_or(Balance::MAX)
	}
}

parameter_types! {
	pub const PoolsId: PalletId = PalletId(*b"py/nopls");
	/// The bonding duration plus one era kept apart, as Polkadot.
	pub const MaxUnbondingPools: u32 = 29;
}

impl pallet_nomination_pools::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type Currency = Balances;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type RewardCounter = FixedU128;
	type BalanceToU256 = BalanceToU256;
	type U256ToBalance = U256ToBalance;
	type StakeAdapter =
		pallet_nomination_pools::adapter::DelegateStake<Self, Staking, DelegatedStaking>;
	type MaxUnbondingPools = MaxUnbondingPools;
	type MaxMetadataLen = ConstU32<256>;
	type MaxUnbonding = ConstU32<8>;
	type PalletId = PoolsId;
	type MaxPointsToBalance = frame_support::traits::ConstU8<10>;
	type AdminOrigin = frame_system::EnsureRoot<AccountId>;
	type BlockNumberProvider = System;
	type Filter = Nothing;
}

#[cfg(feature = "runtime-benchmarks")]
impl pallet_nomination_pools_benchmarking::Config for Runtime {}

#[cfg(feature = "runtime-benchmarks")]
frame_benchmarking::define_benchmarks!(
	[pallet_staking_async, Staking]
	[pallet_nomination_pools, NominationPoolsBench::<Runtime>]
	[pallet_balances, Balances]
);

/// The one genesis preset, `development`: a member joins a pool with 1 UNIT and a pool is created
/// with 100; no cap on pools, members or commission (the benchmarks set a pool's commission at
/// 50 %).
pub fn development_genesis() -> serde_json::Value {
	serde_json::json!({
		"nominationPools": {
			"minJoinBond": UNIT,
			"minCreateBond": 100 * UNIT,
		},
	})
}

fn get_preset(id: &sp_genesis_builder::PresetId) -> Option<Vec<u8>> {
	let preset = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_genesis(),
		_ => return None,
	};
	Some(serde_json::to_string(&preset).ok()?.into_bytes())
}

sp_api::impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> sp_runtime::ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			genesis_builder_helper::build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			genesis_builder_helper::get_preset::<RuntimeGenesisConfig>(id, get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			vec![sp_genesis_builder::PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET)]
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use frame_benchmarking::BenchmarkList;
			use frame_support::traits::StorageInfoTrait;
			use pallet_nomination_pools_benchmarking::Pallet as NominationPoolsBench;

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);
			(list, AllPalletsWithSystem::storage_info())
		}

		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig,
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, String> {
			use frame_benchmarking::BenchmarkBatch;
			use frame_support::traits::WhitelistedStorageKeys;
			use pallet_nomination_pools_benchmarking::Pallet as NominationPoolsBench;

			let whitelist: Vec<sp_storage::TrackedStorageKey> =
				AllPalletsWithSystem::whitelisted_storage_keys();
			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);
			Ok(batches)
		}
	}
}

#[cfg(test)]
mod tests;
