// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use impls::VaultShares;
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

mod calls;
mod default_weights;
mod events;
mod functions;
mod impls;
mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::rampart-vaults";

use frame_support::pallet_macros::import_section;

// The pallet macros expand storage, error and genesis items with paths that the
// `unused_qualifications` lint flags; the flagged code is generated, not ours.
#[allow(unused_qualifications)]
#[import_section(events::events)]
#[import_section(calls::calls)]
#[frame_support::pallet]
pub mod pallet {
	use super::{types::*, weights::WeightInfo};
	use frame_support::{
		pallet_prelude::*,
		traits::{fungibles, Footprint},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use rampart_primitives::clock::RestakingClock;
	use rampart_primitives::{
		paged_trace::{Page, PagedTrace, TraceHead},
		traits::{NetworkRegistry, OperatorRegistry},
		VaultId,
	};
	use sp_runtime::traits::{MaybeSerializeDeserialize, Zero};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The storage deposit of a vault, held from its creator.
		#[codec(index = 0)]
		VaultCreation,
	}

	#[pallet::config]
	pub trait Config: frame_system::Config + RestakingClock {
		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// The kind of asset a vault may hold: the native token or any other asset.
		type AssetKind: Parameter + MaxEncodedLen + Ord + Clone + MaybeSerializeDeserialize;

		/// Every collateral, read and moved through one `fungibles` implementation (in the
		/// reference runtime, `UnionOf<Balances, Assets, ..>`).
		///
		/// `AccountTouch` opens an asset account paid by a deposit rather than by a consumer
		/// reference, which anyone could use up in advance by sending junk assets to an account
		/// (a future vault's, a redistribution receiver's).
		type Assets: fungibles::Mutate<Self::AccountId, AssetId = Self::AssetKind, Balance = u128>
			+ frame_support::traits::AccountTouch<Self::AssetKind, Self::AccountId>;

		/// The native token's asset kind: it pays the keep-alive deposit of a vault account whose
		/// collateral is another asset.
		type NativeAsset: Get<Self::AssetKind>;

		/// The storage deposit of a vault, held from its creator for as long as the vault lives
		/// (vaults are permanent, like the reference's).
		type Consideration: frame_support::traits::Consideration<Self::AccountId, Footprint>;

		/// Derives each vault's account.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// May deny-list collateral for new vaults and lift that.
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Who is a network (a network-and-operator-specific vault names one).
		type Networks: NetworkRegistry<Self::AccountId>;

		/// Who is an operator (an operator-specific vault names one).
		type Operators: OperatorRegistry<Self::AccountId>;

		/// The shortest epoch a vault may have, in blocks.
		#[pallet::constant]
		type MinEpochDuration: Get<BlockNumberOf<Self>>;

		/// The longest epoch a vault may have, in blocks.
		#[pallet::constant]
		type MaxEpochDuration: Get<BlockNumberOf<Self>>;

		/// Blocks of history kept beyond a vault's two epochs, for reward snapshots.
		#[pallet::constant]
		type RewardLookback: Get<BlockNumberOf<Self>>;

		/// The most initial role holders a vault is created with.
		#[pallet::constant]
		type MaxInitialRoles: Get<u32>;

		/// The most epochs one `claim_batch` may claim.
		#[pallet::constant]
		type MaxClaimBatch: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Provides a non-native collateral for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AssetKind, Self::AccountId>;
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Vaults to create, in order (ids 0, 1, ...), each of any kind, with its initial
		/// deposits.
		pub vaults: alloc::vec::Vec<GenesisVault<T::AccountId, T::AssetKind>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for genesis in &self.vaults {
				let config = genesis.config();
				let vault = Pallet::<T>::do_create_vault(&genesis.creator, config).expect(
					"genesis vaults are valid, over existing collateral their creators can pay; qed",
				);
				for GenesisDeposit { depositor, amount } in &genesis.deposits {
					Pallet::<T>::do_deposit(depositor, vault, depositor, *amount)
						.expect("genesis depositors hold what they deposit; qed");
				}
			}
		}
	}

	/// The id the next vault gets.
	#[pallet::storage]
	pub type NextVaultId<T> = StorageValue<_, VaultId, ValueQuery>;

	/// Every vault's settings.
	// Twox64Concat: vault ids are a counter, not chosen by users.
	#[pallet::storage]
	pub type Vaults<T: Config> = StorageMap<_, Twox64Concat, VaultId, VaultInfoOf<T>>;

	/// Collateral that new vaults may not use.
	#[pallet::storage]
	pub type DeniedCollateral<T: Config> = StorageMap<_, Blake2_128Concat, T::AssetKind, ()>;

	/// Role holders: `(vault, role, account)` present means the account holds the role.
	#[pallet::storage]
	pub type RoleHolders<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, VaultId>,
			NMapKey<Twox64Concat, Role>,
			NMapKey<Blake2_128Concat, T::AccountId>,
		),
		(),
	>;

	/// Accounts allowed to deposit into a vault in whitelist mode.
	#[pallet::storage]
	pub type DepositorWhitelist<T: Config> =
		StorageDoubleMap<_, Twox64Concat, VaultId, Blake2_128Concat, T::AccountId, ()>;

	/// Head of the history of each vault's active stake `A` and active shares `S`.
	#[pallet::storage]
	pub type ActivePoolHead<T: Config> =
		StorageMap<_, Twox64Concat, VaultId, TraceHead<BlockNumberOf<T>, ActivePool>>;
	/// Pages of the `(A, S)` histories (see `PagedTrace`).
	#[pallet::storage]
	pub type ActivePoolPages<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		VaultId,
		Twox64Concat,
		u32,
		Page<BlockNumberOf<T>, ActivePool>,
	>;

	/// Head of each account's active shares history `s[a]` in each vault.
	#[pallet::storage]
	pub type SharesOfHead<T: Config> =
		StorageMap<_, Blake2_128Concat, (VaultId, T::AccountId), TraceHead<BlockNumberOf<T>, u128>>;
	/// Pages of the account share histories (see `PagedTrace`) `s[a]`.
	#[pallet::storage]
	pub type SharesOfPages<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		(VaultId, T::AccountId),
		Twox64Concat,
		u32,
		Page<BlockNumberOf<T>, u128>,
	>;

	/// The withdrawal bucket of each epoch: its collateral `W[e]`, claimable once epoch `e`
	/// ends, and its withdrawal shares `WS[e]`.
	#[pallet::storage]
	pub type WithdrawalBuckets<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		VaultId,
		Twox64Concat,
		BlockNumberOf<T>,
		WithdrawalBucket,
		ValueQuery,
	>;

	/// A claimer's position in an epoch's bucket, `ws[e][a]`, and whether it was paid.
	#[pallet::storage]
	pub type WithdrawalPositions<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, VaultId>,
			NMapKey<Twox64Concat, BlockNumberOf<T>>,
			NMapKey<Blake2_128Concat, T::AccountId>,
		),
		WithdrawalPosition,
		ValueQuery,
	>;

	/// Lifetime totals of each vault, for the conservation invariant.
	#[pallet::storage]
	pub type Ledgers<T: Config> = StorageMap<_, Twox64Concat, VaultId, VaultLedger, ValueQuery>;

	/// The receivers of router burners, per (vault, route). A router vault always has a
	/// `Fallback` entry.
	#[pallet::storage]
	pub type RouterReceivers<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		VaultId,
		Blake2_128Concat,
		Route<T::AccountId>,
		RouteEntry<T::AccountId, BlockNumberOf<T>>,
	>;

	/// Slashed collateral that could not leave a vault yet, per destination (`None`: to be
	/// burned); sums to the vault's `Ledger::pending_burn`.
	#[pallet::storage]
	pub type PendingSlashed<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		VaultId,
		Blake2_128Concat,
		Option<T::AccountId>,
		u128,
		ValueQuery,
	>;

	/// The history of a vault's active stake and active shares.
	pub type ActivePools<T> =
		PagedTrace<VaultId, BlockNumberOf<T>, ActivePool, ActivePoolHead<T>, ActivePoolPages<T>>;
	/// The active shares history of an account in a vault.
	pub type SharesOf<T> = PagedTrace<
		(VaultId, <T as frame_system::Config>::AccountId),
		BlockNumberOf<T>,
		u128,
		SharesOfHead<T>,
		SharesOfPages<T>,
	>;

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(
				!T::MinEpochDuration::get().is_zero(),
				"MinEpochDuration must be at least one block"
			);
			assert!(
				T::MinEpochDuration::get() <= T::MaxEpochDuration::get(),
				"MinEpochDuration must not exceed MaxEpochDuration"
			);
			assert!(T::MaxClaimBatch::get() >= 1, "MaxClaimBatch must be at least 1");
			// `modl` + the 8-byte pallet id + the 4-byte vault id must fit, or vaults would share
			// an account.
			assert!(
				<T::AccountId as MaxEncodedLen>::max_encoded_len() >= 16,
				"AccountId is too short to give every vault its own account"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	/// Read-only queries for wallets and front ends, callable through the runtime's
	/// `RuntimeViewFunction` API without knowing the storage layout.
	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// Where a slash of `operator` by `network` in `vault` would send the collateral now
		/// (`None`: burned).
		pub fn slash_receiver(
			vault: VaultId,
			network: T::AccountId,
			operator: T::AccountId,
		) -> Option<T::AccountId> {
			Self::info(vault)
				.ok()
				.and_then(|info| Self::receiver_of(vault, &info, &network, &operator))
		}

		/// Everything still slashable in `vault`: active stake plus this and next epoch's
		/// withdrawals.
		pub fn vault_total_stake(vault: VaultId) -> u128 {
			Self::total_stake(vault)
		}

		/// Active stake of `vault` at block `at` (inside its history window).
		pub fn vault_active_stake_at(
			vault: VaultId,
			at: BlockNumberOf<T>,
		) -> Result<u128, DispatchError> {
			Self::active_stake_at(vault, at)
		}

		/// Active shares of `vault` at block `at` (inside its history window).
		pub fn vault_active_shares_at(
			vault: VaultId,
			at: BlockNumberOf<T>,
		) -> Result<u128, DispatchError> {
			Self::active_shares_at(vault, at)
		}

		/// What `who`'s active shares in `vault` were worth at block `at`, rounded down.
		pub fn balance_of_at(
			vault: VaultId,
			who: T::AccountId,
			at: BlockNumberOf<T>,
		) -> Result<u128, DispatchError> {
			Self::active_balance_of_at(vault, &who, at)
		}

		/// What `who` can claim from `vault`'s bucket of `epoch` (zero once claimed).
		pub fn withdrawals_for(vault: VaultId, epoch: BlockNumberOf<T>, who: T::AccountId) -> u128 {
			Self::withdrawals_of(vault, epoch, &who)
		}

		/// What of `who`'s collateral in `vault` a slash can still reach.
		pub fn slashable_balance(vault: VaultId, who: T::AccountId) -> u128 {
			Self::slashable_balance_of(vault, &who)
		}

		/// The epoch `vault` is in now, if it exists.
		pub fn vault_epoch(vault: VaultId) -> Option<BlockNumberOf<T>> {
			Self::current_epoch_of(vault)
		}

		/// Collateral the vault account holds beyond its books (reserve, deposits less claims
		/// and slashes, slashes still owed): what anyone sent it directly. Nobody's stake; it
		/// stays in the account. `None` for an unknown vault.
		pub fn vault_surplus(vault: VaultId) -> Option<u128> {
			Self::surplus_of(vault)
		}
	}
}
