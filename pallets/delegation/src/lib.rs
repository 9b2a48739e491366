// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

mod default_weights;
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
pub const LOG_TARGET: &str = "runtime::rampart-delegation";

// The pallet macros expand storage, error and genesis items with paths that the
// `unused_qualifications` lint flags; the flagged code is generated, not ours.
#[allow(unused_qualifications)]
#[frame_support::pallet]
pub mod pallet {
	use super::{types::*, weights::WeightInfo};
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use rampart_primitives::clock::RestakingClock;
	use rampart_primitives::{
		paged_trace::{Page, PagedTrace, TraceHead},
		traits::{NetworkRegistry, OptIns, VaultsInspect},
		SubnetworkId, VaultId,
	};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config + RestakingClock {
		/// Who is a network: only a network sets the most it takes from a vault.
		type Networks: NetworkRegistry<Self::AccountId>;

		/// Operator opt-ins into vaults and networks, with history: stake is zero without both.
		type OptIns: OptIns<Self::AccountId, BlockNumberOf<Self>>;

		/// The vaults: their kind, roles, active stake (now and at a block) and history window.
		type Vaults: VaultsInspect<Self::AccountId, BlockNumberOf<Self>>;

		/// The largest `count` of a [`HookPolicy::Reset`].
		#[pallet::constant]
		type MaxResetCount: Get<u32>;

		/// Binary-search depth of the longest history a lookup may meet: `⌈log2(n + 1)⌉` for
		/// the most entries one key can hold (one per block of the longest vault window). The
		/// weight of `stake_at` is charged for this depth.
		#[pallet::constant]
		type MaxHistoryDepth: Get<u32>;

		/// Weights of this pallet's calls and hooks.
		type WeightInfo: WeightInfo;

		/// Sets up vaults, networks and opt-ins for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Head of the history of the most each subnetwork takes from each vault (set by the
	/// network; for the network-and-operator-specific kind, its allocation).
	#[pallet::storage]
	pub type MaxNetworkLimitHead<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		(VaultId, SubnetworkOf<T>),
		TraceHead<BlockNumberOf<T>, u128>,
	>;
	/// Pages of the max network limit histories (see `PagedTrace`).
	#[pallet::storage]
	pub type MaxNetworkLimitPages<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		(VaultId, SubnetworkOf<T>),
		Twox64Concat,
		u32,
		Page<BlockNumberOf<T>, u128>,
	>;

	/// Head of the history of the curator's limit per subnetwork, `NL`.
	#[pallet::storage]
	pub type NetworkLimitHead<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		(VaultId, SubnetworkOf<T>),
		TraceHead<BlockNumberOf<T>, u128>,
	>;
	/// Pages of the network limit histories (see `PagedTrace`).
	#[pallet::storage]
	pub type NetworkLimitPages<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		(VaultId, SubnetworkOf<T>),
		Twox64Concat,
		u32,
		Page<BlockNumberOf<T>, u128>,
	>;

	/// Head of the history of the total operator shares of a subnetwork (network-restake kind).
	#[pallet::storage]
	pub type TotalSharesHead<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		(VaultId, SubnetworkOf<T>),
		TraceHead<BlockNumberOf<T>, u128>,
	>;
	/// Pages of the total share histories (see `PagedTrace`).
	#[pallet::storage]
	pub type TotalSharesPages<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		(VaultId, SubnetworkOf<T>),
		Twox64Concat,
		u32,
		Page<BlockNumberOf<T>, u128>,
	>;

	/// Head of the history of an operator's shares in a subnetwork (network-restake kind).
	#[pallet::storage]
	pub type OperatorSharesHead<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		(VaultId, SubnetworkOf<T>, T::AccountId),
		TraceHead<BlockNumberOf<T>, u128>,
	>;
	/// Pages of the operator share histories (see `PagedTrace`).
	#[pallet::storage]
	pub type OperatorSharesPages<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		(VaultId, SubnetworkOf<T>, T::AccountId),
		Twox64Concat,
		u32,
		Page<BlockNumberOf<T>, u128>,
	>;

	/// Head of the history of an operator's limit in a subnetwork, `OL` (full-restake kind).
	#[pallet::storage]
	pub type OperatorLimitHead<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		(VaultId, SubnetworkOf<T>, T::AccountId),
		TraceHead<BlockNumberOf<T>, u128>,
	>;
	/// Pages of the operator limit histories (see `PagedTrace`).
	#[pallet::storage]
	pub type OperatorLimitPages<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		(VaultId, SubnetworkOf<T>, T::AccountId),
		Twox64Concat,
		u32,
		Page<BlockNumberOf<T>, u128>,
	>;

	/// Where each vault allocates, for readers (the exposure views of the runtime API): the
	/// subnetworks it ever gave a non-zero limit, `(subnetwork, None)`, and the operators it ever
	/// gave non-zero shares or a limit in a subnetwork, `(subnetwork, Some(operator))`. An entry
	/// stays when its value drops to zero, since the stake it had stays slashable for an epoch
	/// through the histories; readers skip pairs with nothing at stake. Only the vault's curators
	/// (and, for an operator-network-specific vault, its one network) add entries, each with a
	/// paid call.
	#[pallet::storage]
	pub type Allocations<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		VaultId,
		Blake2_128Concat,
		(SubnetworkOf<T>, Option<T::AccountId>),
		(),
	>;

	/// Each vault's slash hook policy (absent: [`HookPolicy::None`]).
	#[pallet::storage]
	pub type HookPolicies<T: Config> =
		StorageMap<_, Twox64Concat, VaultId, HookPolicy<BlockNumberOf<T>>>;

	/// The blocks of the latest slashes of an operator in a subnetwork, oldest first, for
	/// [`HookPolicy::Reset`].
	#[pallet::storage]
	pub type RecentSlashes<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		(VaultId, SubnetworkOf<T>, T::AccountId),
		BoundedVec<BlockNumberOf<T>, T::MaxResetCount>,
		ValueQuery,
	>;

	/// History of the max network limit of `(vault, subnetwork)`.
	pub type MaxNetworkLimit<T> = PagedTrace<
		(VaultId, SubnetworkOf<T>),
		BlockNumberOf<T>,
		u128,
		MaxNetworkLimitHead<T>,
		MaxNetworkLimitPages<T>,
	>;
	/// History of the network limit of `(vault, subnetwork)`.
	pub type NetworkLimit<T> = PagedTrace<
		(VaultId, SubnetworkOf<T>),
		BlockNumberOf<T>,
		u128,
		NetworkLimitHead<T>,
		NetworkLimitPages<T>,
	>;
	/// History of the total operator shares of `(vault, subnetwork)`.
	pub type TotalShares<T> = PagedTrace<
		(VaultId, SubnetworkOf<T>),
		BlockNumberOf<T>,
		u128,
		TotalSharesHead<T>,
		TotalSharesPages<T>,
	>;
	/// History of the shares of `(vault, subnetwork, operator)`.
	pub type OperatorShares<T> = PagedTrace<
		(VaultId, SubnetworkOf<T>, <T as frame_system::Config>::AccountId),
		BlockNumberOf<T>,
		u128,
		OperatorSharesHead<T>,
		OperatorSharesPages<T>,
	>;
	/// History of the limit of `(vault, subnetwork, operator)`.
	pub type OperatorLimit<T> = PagedTrace<
		(VaultId, SubnetworkOf<T>, <T as frame_system::Config>::AccountId),
		BlockNumberOf<T>,
		u128,
		OperatorLimitHead<T>,
		OperatorLimitPages<T>,
	>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Allocations to set up at genesis. The vaults and networks must exist already.
		pub allocations: alloc::vec::Vec<GenesisAllocation<T::AccountId>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for allocation in &self.allocations {
				Pallet::<T>::genesis_allocation(allocation)
					.expect("genesis allocations must name existing vaults and networks");
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A network set the most one of its subnetworks takes from a vault.
		MaxNetworkLimitSet {
			/// The vault.
			vault: VaultId,
			/// The subnetwork.
			subnetwork: SubnetworkOf<T>,
			/// The new maximum.
			amount: u128,
		},
		/// The network limit of a subnetwork changed: set by the curator, or lowered to a new
		/// maximum, or by a hook.
		NetworkLimitSet {
			/// The vault.
			vault: VaultId,
			/// The subnetwork.
			subnetwork: SubnetworkOf<T>,
			/// The new limit.
			amount: u128,
		},
		/// An operator's shares in a subnetwork changed (network-restake kind).
		OperatorNetworkSharesSet {
			/// The vault.
			vault: VaultId,
			/// The subnetwork.
			subnetwork: SubnetworkOf<T>,
			/// The operator.
			operator: T::AccountId,
			/// Its new shares.
			shares: u128,
		},
		/// An operator's limit in a subnetwork changed (full-restake kind).
		OperatorNetworkLimitSet {
			/// The vault.
			vault: VaultId,
			/// The subnetwork.
			subnetwork: SubnetworkOf<T>,
			/// The operator.
			operator: T::AccountId,
			/// Its new limit.
			amount: u128,
		},
		/// A vault's slash hook policy changed.
		HookPolicySet {
			/// The vault.
			vault: VaultId,
			/// The new policy.
			policy: HookPolicy<BlockNumberOf<T>>,
		},
		/// The delegator was told of a slash (the reference's `OnSlash`); always emitted.
		Slashed {
			/// The vault.
			vault: VaultId,
			/// The subnetwork that slashed.
			subnetwork: SubnetworkOf<T>,
			/// The slashed operator.
			operator: T::AccountId,
			/// The amount slashed.
			amount: u128,
			/// The capture block of the slashed stake.
			capture: BlockNumberOf<T>,
		},
		/// The vault's hook policy could not run for a slash; the slash stands and nothing the
		/// policy began was kept.
		HookFailed {
			/// The vault.
			vault: VaultId,
			/// Why.
			error: DispatchError,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No vault has this id.
		UnknownVault,
		/// The caller is not a registered network.
		NotNetwork,
		/// The vault serves one network only and this is another (PROTOCOL 3.5).
		InvalidNetwork,
		/// The caller does not hold the vault role the call needs.
		MissingRole,
		/// The vault's delegator kind has no such setting.
		NotSupportedByKind,
		/// The value is already set.
		AlreadySet,
		/// A network limit may not exceed the network's maximum.
		ExceedsMaxNetworkLimit,
		/// The hook policy does not fit the vault's delegator kind, or its count is zero or
		/// above [`Config::MaxResetCount`], or its period is zero.
		InvalidHookPolicy,
		/// The block is in the future.
		FutureBlock,
		/// The block is older than the history kept.
		HistoryPruned,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Sets the most subnetwork `(caller, id)` takes from `vault` (the reference's
		/// `setMaxNetworkLimit`). The caller must be a registered network. A network limit above
		/// the new maximum drops to it; for a network-and-operator-specific vault this is the
		/// network's allocation, and only its network may set it.
		///
		/// ## Dispatch Origin
		/// Signed by a registered network.
		///
		/// ## Errors
		/// [`Error::NotNetwork`], [`Error::UnknownVault`], [`Error::AlreadySet`],
		/// [`Error::InvalidNetwork`] (an operator-network-specific vault bound to another
		/// network).
		///
		/// ## Events
		/// [`Event::MaxNetworkLimitSet`], and [`Event::NetworkLimitSet`] when the curator's limit
		/// drops to the new maximum.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::set_max_network_limit())]
		pub fn set_max_network_limit(
			origin: OriginFor<T>,
			vault: VaultId,
			id: SubnetworkId,
			amount: u128,
		) -> DispatchResult {
			let network = ensure_signed(origin)?;
			Self::do_set_max_network_limit(&network, vault, id, amount)
		}

		/// Sets the curator's limit for `subnetwork` in `vault` (role
		/// [`Role::NetworkLimitSetter`](rampart_primitives::Role)); not for the
		/// network-and-operator-specific kind. At most the network's maximum.
		///
		/// ## Dispatch Origin
		/// Signed by a holder of [`Role::NetworkLimitSetter`](rampart_primitives::Role).
		///
		/// ## Errors
		/// [`Error::UnknownVault`], [`Error::NotSupportedByKind`], [`Error::MissingRole`],
		/// [`Error::ExceedsMaxNetworkLimit`], [`Error::AlreadySet`].
		///
		/// ## Events
		/// [`Event::NetworkLimitSet`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::set_network_limit())]
		pub fn set_network_limit(
			origin: OriginFor<T>,
			vault: VaultId,
			subnetwork: SubnetworkOf<T>,
			amount: u128,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_network_limit(&who, vault, subnetwork, amount)
		}

		/// Sets `operator`'s shares of `subnetwork`'s stake in a network-restake `vault` (role
		/// [`Role::OperatorNetworkSharesSetter`](rampart_primitives::Role)). The subnetwork's
		/// total shares follow.
		///
		/// ## Dispatch Origin
		/// Signed by a holder of [`Role::OperatorNetworkSharesSetter`](rampart_primitives::Role).
		///
		/// ## Errors
		/// [`Error::UnknownVault`], [`Error::NotSupportedByKind`], [`Error::MissingRole`],
		/// [`Error::AlreadySet`].
		///
		/// ## Events
		/// [`Event::OperatorNetworkSharesSet`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_operator_network_shares())]
		pub fn set_operator_network_shares(
			origin: OriginFor<T>,
			vault: VaultId,
			subnetwork: SubnetworkOf<T>,
			operator: T::AccountId,
			shares: u128,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_operator_network_shares(&who, vault, subnetwork, operator, shares)
		}

		/// Sets `operator`'s limit in `subnetwork` in a full-restake `vault` (role
		/// [`Role::OperatorNetworkLimitSetter`](rampart_primitives::Role)).
		///
		/// ## Dispatch Origin
		/// Signed by a holder of [`Role::OperatorNetworkLimitSetter`](rampart_primitives::Role).
		///
		/// ## Errors
		/// [`Error::UnknownVault`], [`Error::NotSupportedByKind`], [`Error::MissingRole`],
		/// [`Error::AlreadySet`].
		///
		/// ## Events
		/// [`Event::OperatorNetworkLimitSet`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_operator_network_limit())]
		pub fn set_operator_network_limit(
			origin: OriginFor<T>,
			vault: VaultId,
			subnetwork: SubnetworkOf<T>,
			operator: T::AccountId,
			amount: u128,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_operator_network_limit(&who, vault, subnetwork, operator, amount)
		}

		/// Sets `vault`'s slash hook policy: what a slash does to the slashed operator's
		/// allocation (nothing, decrease, redistribute, or reset after repeated slashes).
		///
		/// ## Dispatch Origin
		/// Signed by a holder of [`Role::HookSetter`](rampart_primitives::Role).
		///
		/// ## Errors
		/// [`Error::UnknownVault`], [`Error::MissingRole`], [`Error::InvalidHookPolicy`] (a
		/// policy the vault's kind cannot run, or a reset with a zero period, a zero count or
		/// more than `MaxResetCount`), [`Error::AlreadySet`].
		///
		/// ## Events
		/// [`Event::HookPolicySet`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_hook_policy())]
		pub fn set_hook_policy(
			origin: OriginFor<T>,
			vault: VaultId,
			policy: HookPolicy<BlockNumberOf<T>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_hook_policy(&who, vault, policy)
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxResetCount::get() >= 1, "MaxResetCount must be at least 1");
			assert!(
				T::MaxHistoryDepth::get() >= 1 && T::MaxHistoryDepth::get() <= 32,
				"MaxHistoryDepth is log2 of a u32 count of entries"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	/// Read-only queries for networks, curators and front ends.
	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// The stake `vault` gives `operator` in `subnetwork` now.
		pub fn operator_stake(
			vault: VaultId,
			subnetwork: SubnetworkOf<T>,
			operator: T::AccountId,
		) -> Result<u128, DispatchError> {
			Self::stake_now(vault, &subnetwork, &operator)
		}

		/// The stake `vault` gave `operator` in `subnetwork` at block `at`: the guarantee a
		/// network captures.
		pub fn operator_stake_at(
			vault: VaultId,
			subnetwork: SubnetworkOf<T>,
			operator: T::AccountId,
			at: BlockNumberOf<T>,
		) -> Result<u128, DispatchError> {
			Self::stake_at_block(vault, &subnetwork, &operator, at)
		}

		/// The current `(max network limit, network limit, total operator shares)` of
		/// `subnetwork` in `vault`.
		pub fn subnetwork_limits(
			vault: VaultId,
			subnetwork: SubnetworkOf<T>,
		) -> (u128, u128, u128) {
			let key = (vault, subnetwork);
			(
				MaxNetworkLimit::<T>::latest_value_or(&key, 0),
				NetworkLimit::<T>::latest_value_or(&key, 0),
				TotalShares::<T>::latest_value_or(&key, 0),
			)
		}
	}
}
