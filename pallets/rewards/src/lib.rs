// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

mod calls;
mod default_weights;
mod functions;
mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::rampart-rewards";

use frame_support::pallet_macros::import_section;

// The pallet macros expand storage, error and genesis items with paths that the
// `unused_qualifications` lint flags; the flagged code is generated, not ours.
#[allow(unused_qualifications)]
#[import_section(calls::calls)]
#[frame_support::pallet]
pub mod pallet {
	use super::{types::*, weights::WeightInfo};
	use frame_support::{pallet_prelude::*, traits::fungibles, PalletId};
	use frame_system::pallet_prelude::*;
	use rampart_primitives::clock::RestakingClock;
	use rampart_primitives::{
		traits::{NetworkRegistry, StakeProvider, VaultsInspect},
		VaultId,
	};
	use sp_runtime::traits::MaybeSerializeDeserialize;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config + RestakingClock {
		/// The kind of asset rewards are paid in: the native token or any other asset.
		type AssetKind: Parameter + MaxEncodedLen + Ord + Clone + MaybeSerializeDeserialize;

		/// Every reward asset, moved through one `fungibles` implementation (in the reference
		/// runtime, `UnionOf<Balances, Assets, ..>`).
		///
		/// `AccountTouch` opens the pallet account's account of a new asset with a deposit (paid
		/// by the distributor) rather than a consumer reference, which anyone could use up in
		/// advance by sending the shared pallet account junk assets.
		type Assets: fungibles::Mutate<Self::AccountId, AssetId = Self::AssetKind, Balance = u128>
			+ frame_support::traits::AccountTouch<Self::AssetKind, Self::AccountId>;

		/// The native token's asset kind: the pallet account keeps its existential deposit so it
		/// can hold any asset.
		type NativeAsset: Get<Self::AssetKind>;

		/// Derives the account that holds every reward until it is claimed.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Networks and their middleware: only a network's middleware pays in its name.
		type Networks: NetworkRegistry<Self::AccountId>;

		/// The vaults: active shares (of each account) at a snapshot, roles.
		type Vaults: VaultsInspect<Self::AccountId, BlockNumberOf<Self>>;

		/// Operators' stake at a snapshot, for pro-rata operator rewards.
		type Stakes: StakeProvider<Self::AccountId, BlockNumberOf<Self>>;

		/// Blocks after it is made during which a staker distribution can be claimed; then what
		/// is left goes back to the network.
		///
		/// `MaxSnapshotAge + ClaimWindow` must not exceed the vaults' `RewardLookback`, so that
		/// share histories still answer for every snapshot still claimable (checked by the
		/// reference runtime's tests; the two pallets cannot see each other's configuration).
		#[pallet::constant]
		type ClaimWindow: Get<BlockNumberOf<Self>>;

		/// How far back a staker distribution's snapshot may be, in blocks.
		#[pallet::constant]
		type MaxSnapshotAge: Get<BlockNumberOf<Self>>;

		/// The most distributions one (vault, network, asset) may have that are not yet
		/// expired and removed.
		#[pallet::constant]
		type MaxLiveDistributions: Get<u32>;

		/// The most distributions one `claim_staker_rewards` may go through.
		#[pallet::constant]
		type MaxClaimBatch: Get<u32>;

		/// The most operators one operator distribution may pay.
		#[pallet::constant]
		type MaxOperatorPayouts: Get<u32>;

		/// The depth of the deepest share history a claim may search (log2 of its entries):
		/// claims are charged for it.
		#[pallet::constant]
		type MaxHistoryDepth: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Sets up vaults, networks and stake for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId, Self::AssetKind>;
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Curator fees of genesis vaults.
		pub admin_fees: alloc::vec::Vec<GenesisAdminFee>,
		/// Operator rewards credited at genesis.
		pub operator_rewards: alloc::vec::Vec<GenesisOperatorReward<T::AccountId, T::AssetKind>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for GenesisAdminFee { vault, fee } in &self.admin_fees {
				assert!(*fee <= MAX_FEE, "a genesis fee above 100 %");
				AdminFee::<T>::insert(vault, fee);
			}
			for GenesisOperatorReward { network, asset, operator, amount } in &self.operator_rewards
			{
				Pallet::<T>::credit_operators(
					network,
					network.clone(),
					asset.clone(),
					alloc::vec![(operator.clone(), *amount)],
				)
				.expect("genesis networks hold the operator rewards they pay; qed");
			}
		}
	}

	/// The curator fee of each vault, in basis points.
	#[pallet::storage]
	pub type AdminFee<T: Config> = StorageMap<_, Twox64Concat, VaultId, u32, ValueQuery>;

	/// The live staker distributions of each (vault, network, asset): `(first, next)` indices.
	#[pallet::storage]
	pub type Streams<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		StreamKey<T::AccountId, T::AssetKind>,
		(DistributionIndex, DistributionIndex),
		ValueQuery,
	>;

	/// Staker distributions by (vault, network, asset) and index.
	#[pallet::storage]
	pub type Distributions<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		StreamKey<T::AccountId, T::AssetKind>,
		Twox64Concat,
		DistributionIndex,
		Distribution<BlockNumberOf<T>>,
	>;

	/// The index of the next distribution each staker will claim, per (vault, network, asset).
	#[pallet::storage]
	pub type Cursors<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		StreamKey<T::AccountId, T::AssetKind>,
		Blake2_128Concat,
		T::AccountId,
		DistributionIndex,
		ValueQuery,
	>;

	/// Curator fees accrued per vault and asset.
	#[pallet::storage]
	pub type CuratorFees<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		VaultId,
		Blake2_128Concat,
		T::AssetKind,
		u128,
		ValueQuery,
	>;

	/// Operator rewards credited and not yet claimed, per (network, asset, operator).
	#[pallet::storage]
	pub type OperatorRewards<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Blake2_128Concat, T::AssetKind>,
			NMapKey<Blake2_128Concat, T::AccountId>,
		),
		u128,
		ValueQuery,
	>;

	/// The (network, asset) streams each vault's stakers were ever paid in: an index for readers
	/// (an account's pending rewards in the runtime API), written by a stream's first
	/// distribution.
	#[pallet::storage]
	pub type VaultStreams<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		VaultId,
		Blake2_128Concat,
		(T::AccountId, T::AssetKind),
		(),
	>;

	/// The (network, asset) pairs each operator has rewards to claim from: an index for readers,
	/// written by a credit to an empty balance and removed by the claim.
	#[pallet::storage]
	pub type OperatorRewardSources<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		(T::AccountId, T::AssetKind),
		(),
	>;

	/// Everything the pallet account owes, per asset: unclaimed staker distributions, curator
	/// fees and operator rewards. The account always holds at least this.
	#[pallet::storage]
	pub type Owed<T: Config> = StorageMap<_, Blake2_128Concat, T::AssetKind, u128, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A network distributed rewards to a vault's stakers.
		StakerRewardsDistributed {
			/// The vault.
			vault: VaultId,
			/// The network that paid.
			network: T::AccountId,
			/// The asset.
			asset: T::AssetKind,
			/// The distribution's index in its list (`None` when the fee took everything).
			index: Option<DistributionIndex>,
			/// The stakers' part.
			amount: u128,
			/// The curator's part.
			fee: u128,
			/// The snapshot block.
			snapshot: BlockNumberOf<T>,
		},
		/// A staker claimed rewards of `count` distributions from `first` on.
		StakerRewardsClaimed {
			/// The vault.
			vault: VaultId,
			/// The network.
			network: T::AccountId,
			/// The asset.
			asset: T::AssetKind,
			/// Who claimed.
			claimer: T::AccountId,
			/// Who was paid.
			recipient: T::AccountId,
			/// The amount paid.
			amount: u128,
			/// The first distribution claimed.
			first: DistributionIndex,
			/// How many distributions were gone through (expired ones pay nothing).
			count: u32,
		},
		/// A distribution's claim window ended; what stakers had not claimed went back to the
		/// network.
		DistributionExpired {
			/// The vault.
			vault: VaultId,
			/// The network, which got the rest back.
			network: T::AccountId,
			/// The asset.
			asset: T::AssetKind,
			/// The distribution.
			index: DistributionIndex,
			/// What went back.
			returned: u128,
		},
		/// A vault's curator fee was set.
		AdminFeeSet {
			/// The vault.
			vault: VaultId,
			/// The fee in basis points.
			fee: u32,
		},
		/// Curator fees were claimed.
		AdminFeeClaimed {
			/// The vault.
			vault: VaultId,
			/// The asset.
			asset: T::AssetKind,
			/// Who was paid.
			recipient: T::AccountId,
			/// The amount.
			amount: u128,
		},
		/// A network credited rewards to its operators.
		OperatorRewardsDistributed {
			/// The network.
			network: T::AccountId,
			/// The asset.
			asset: T::AssetKind,
			/// The total credited.
			total: u128,
			/// How many operators were credited.
			operators: u32,
		},
		/// An operator claimed its rewards from a network.
		OperatorRewardsClaimed {
			/// The network.
			network: T::AccountId,
			/// The asset.
			asset: T::AssetKind,
			/// The operator.
			operator: T::AccountId,
			/// Who was paid.
			recipient: T::AccountId,
			/// The amount.
			amount: u128,
		},
	}

	#[pallet::error]
	#[derive(PartialEq)]
	pub enum Error<T> {
		/// No vault has this id.
		UnknownVault,
		/// The caller is not the middleware of the network.
		NotNetworkMiddleware,
		/// The snapshot block is not strictly in the past, or older than `MaxSnapshotAge`.
		InvalidSnapshot,
		/// The vault had no active shares or no active stake at the snapshot: nobody could
		/// claim. Pick a snapshot at which the vault had stake.
		NoStakeAtSnapshot,
		/// The vault's curator fee is above the caller's maximum (the fee changed).
		HighAdminFee,
		/// A distribution of zero (or all of it fee and nothing for the stakers is fine, but
		/// zero in total is not).
		InsufficientReward,
		/// The (vault, network, asset) has `MaxLiveDistributions` distributions; wait until the
		/// oldest expire.
		TooManyDistributions,
		/// Nothing to claim: every distribution was claimed already, or none was made; or the
		/// claim would pay nothing to an account that holds no shares of the vault and never
		/// claimed (its cursor would be storage written for free).
		NoRewardsToClaim,
		/// `max` must be between 1 and `MaxClaimBatch`.
		InvalidClaimCount,
		/// The fee is above 10 000 basis points.
		InvalidAdminFee,
		/// The fee is already this.
		AlreadySet,
		/// The caller does not hold the vault role this call needs.
		MissingRole,
		/// No curator fee of this asset has accrued.
		InsufficientAdminFee,
		/// An operator appears twice in the list.
		DuplicateOperator,
		/// The list of operators is empty.
		NoOperators,
		/// The listed operators had no stake at the snapshot.
		NoOperatorStake,
		/// The operator has no rewards of this asset from this network.
		NoOperatorRewards,
		/// The oldest distribution of this (vault, network, asset) is not expired, or there is
		/// none.
		NotExpired,
		/// More operators than `MaxOperatorPayouts` in one payout from an on-chain middleware:
		/// it splits its payouts into lists of at most that many.
		TooManyPayouts,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxClaimBatch::get() >= 1, "MaxClaimBatch must be at least 1");
			assert!(T::MaxLiveDistributions::get() >= 1, "MaxLiveDistributions must be at least 1");
			assert!(T::MaxOperatorPayouts::get() >= 1, "MaxOperatorPayouts must be at least 1");
			use sp_runtime::traits::Saturating;
			// Share histories must answer for every snapshot still claimable: the oldest
			// snapshot allowed, claimed at the end of the window.
			assert!(
				T::MaxSnapshotAge::get().saturating_add(T::ClaimWindow::get())
					<= T::Vaults::windows().reward_lookback,
				"MaxSnapshotAge + ClaimWindow must not exceed the vaults' RewardLookback"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	/// Read-only queries for stakers, operators, curators and front ends.
	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// What `who` would get by claiming up to `max` distributions of (vault, network, asset)
		/// now.
		pub fn claimable_staker_rewards(
			vault: VaultId,
			network: T::AccountId,
			asset: T::AssetKind,
			who: T::AccountId,
			max: u32,
		) -> Result<u128, DispatchError> {
			Self::claimable(&(vault, network, asset), &who, max).map(|(amount, ..)| amount)
		}

		/// The rewards `operator` may claim of `asset` from `network`.
		pub fn operator_rewards(
			network: T::AccountId,
			asset: T::AssetKind,
			operator: T::AccountId,
		) -> u128 {
			OperatorRewards::<T>::get((network, asset, operator))
		}

		/// The curator fees of `asset` accrued in `vault`.
		pub fn curator_fees(vault: VaultId, asset: T::AssetKind) -> u128 {
			CuratorFees::<T>::get(vault, asset)
		}
	}
}
