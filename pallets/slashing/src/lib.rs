// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

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
pub const LOG_TARGET: &str = "runtime::rampart-slashing";

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
		traits::{NetworkRegistry, StakeProvider, VaultSlashing, VaultsInspect},
		SubnetworkId, VaultId,
	};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config + RestakingClock {
		/// Networks and their middleware: only a subnetwork's network's middleware slashes in
		/// its name, and only a network names resolvers.
		type Networks: NetworkRegistry<Self::AccountId>;

		/// The vaults: slasher kind, epoch clock, and the slashing entry point.
		type Vaults: VaultsInspect<Self::AccountId, BlockNumberOf<Self>>
			+ VaultSlashing<Self::AccountId, BlockNumberOf<Self>>;

		/// The guarantees (stake at the capture block) and the delegator's side of a slash.
		type Stakes: StakeProvider<Self::AccountId, BlockNumberOf<Self>>;

		/// Blocks a veto request stays queryable after its execution window ends; it is then
		/// pruned as new requests for its vault are made.
		#[pallet::constant]
		type RequestRetention: Get<BlockNumberOf<Self>>;

		/// The most probes of a binary search in a cumulative-slash history: such a history keeps
		/// at most one entry per block of the longest vault epoch (plus the one in force at its
		/// start), so `⌈log2(MaxEpochDuration + 2)⌉` (17 for a one-week epoch of 6-second blocks).
		/// Calls that execute or record a slash are charged this deep and refunded to the depth
		/// they met.
		#[pallet::constant]
		type MaxCumulativeSlashDepth: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Sets up vaults, networks, operators and stake for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId, BlockNumberOf<Self>>;
	}

	/// The latest capture block of any executed slash of an operator in a subnetwork of a vault:
	/// slashes execute in non-decreasing capture order per pair (PROTOCOL 4.1).
	#[pallet::storage]
	pub type LatestSlashedCapture<T: Config> =
		StorageMap<_, Blake2_128Concat, (VaultId, SubnetworkOf<T>, T::AccountId), BlockNumberOf<T>>;

	/// Head of the history of the cumulative amount slashed from an operator in a subnetwork
	/// of a vault, keyed by execution block.
	#[pallet::storage]
	pub type CumulativeSlashHead<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		(VaultId, SubnetworkOf<T>, T::AccountId),
		TraceHead<BlockNumberOf<T>, u128>,
	>;
	/// Pages of the cumulative slash histories (see `PagedTrace`).
	#[pallet::storage]
	pub type CumulativeSlashPages<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		(VaultId, SubnetworkOf<T>, T::AccountId),
		Twox64Concat,
		u32,
		Page<BlockNumberOf<T>, u128>,
	>;

	/// The history of the cumulative slash of `(vault, subnetwork, operator)`.
	pub type CumulativeSlash<T> = PagedTrace<
		(VaultId, SubnetworkOf<T>, <T as frame_system::Config>::AccountId),
		BlockNumberOf<T>,
		u128,
		CumulativeSlashHead<T>,
		CumulativeSlashPages<T>,
	>;

	/// The id the next veto request gets.
	#[pallet::storage]
	pub type NextRequestId<T: Config> = StorageValue<_, RequestId, ValueQuery>;

	/// Veto requests, until pruned.
	#[pallet::storage]
	pub type Requests<T: Config> =
		StorageMap<_, Twox64Concat, RequestId, SlashRequest<T::AccountId, BlockNumberOf<T>>>;

	/// Each vault's requests in the order they were made, for pruning: `(first, next)` indices
	/// into [`VaultRequestIds`].
	#[pallet::storage]
	pub type VaultRequestQueue<T: Config> =
		StorageMap<_, Twox64Concat, VaultId, (u32, u32), ValueQuery>;

	/// The request ids of [`VaultRequestQueue`].
	#[pallet::storage]
	pub type VaultRequestIds<T: Config> =
		StorageDoubleMap<_, Twox64Concat, VaultId, Twox64Concat, u32, RequestId>;

	/// The resolvers of each subnetwork in each veto-slashing vault, with their history.
	#[pallet::storage]
	pub type Resolvers<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		(VaultId, SubnetworkOf<T>),
		ResolverHistory<T::AccountId, BlockNumberOf<T>>,
		ValueQuery,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An instant slash executed.
		Slashed {
			/// The vault.
			vault: VaultId,
			/// The subnetwork that slashed.
			subnetwork: SubnetworkOf<T>,
			/// The slashed operator.
			operator: T::AccountId,
			/// The amount the middleware asked for.
			requested: u128,
			/// The amount slashed: the request capped by what was slashable.
			slashed: u128,
			/// The collateral that actually left the vault (less if the pool was smaller).
			moved: u128,
			/// The capture block.
			capture: BlockNumberOf<T>,
		},
		/// A veto slash was requested.
		SlashRequested {
			/// The request.
			id: RequestId,
			/// The vault.
			vault: VaultId,
			/// The subnetwork that slashes.
			subnetwork: SubnetworkOf<T>,
			/// The operator to slash.
			operator: T::AccountId,
			/// The amount the middleware asked for.
			requested: u128,
			/// The amount recorded: the request capped by what was slashable.
			amount: u128,
			/// The capture block.
			capture: BlockNumberOf<T>,
			/// Vetoes are possible until this block.
			veto_deadline: BlockNumberOf<T>,
		},
		/// A veto request executed.
		SlashExecuted {
			/// The request.
			id: RequestId,
			/// The amount slashed.
			slashed: u128,
			/// The collateral that actually left the vault.
			moved: u128,
		},
		/// A veto request was vetoed.
		SlashVetoed {
			/// The request.
			id: RequestId,
			/// The resolver that vetoed it.
			resolver: T::AccountId,
		},
		/// A network set (or removed, `None`) the resolver of its subnetwork in a vault; it takes
		/// effect at block `from`.
		ResolverSet {
			/// The vault.
			vault: VaultId,
			/// The subnetwork.
			subnetwork: SubnetworkOf<T>,
			/// The resolver.
			resolver: Option<T::AccountId>,
			/// From this block on.
			from: BlockNumberOf<T>,
		},
		/// A request no longer kept was pruned.
		RequestPruned {
			/// The request.
			id: RequestId,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No vault has this id.
		UnknownVault,
		/// The caller is not the middleware of the subnetwork's network.
		NotNetworkMiddleware,
		/// The caller is not a registered network.
		NotNetwork,
		/// The vault's slasher kind does not take this call (instant vs veto vs none).
		WrongSlasherKind,
		/// The capture block is not strictly in the past, or older than one epoch (for a
		/// request: than one epoch minus the veto duration), so the slash could not execute in
		/// time.
		InvalidCaptureBlock,
		/// Nothing is slashable: the stake at the capture is zero, already slashed by later
		/// executions, or a later capture was already slashed.
		InsufficientSlash,
		/// No request has this id (or it was pruned).
		UnknownRequest,
		/// The request was already executed or vetoed.
		RequestCompleted,
		/// A resolver watches the subnetwork and the veto period has not ended.
		VetoPeriodNotEnded,
		/// The veto period has ended.
		VetoPeriodEnded,
		/// The execution window (capture + one epoch) has ended.
		SlashPeriodEnded,
		/// No resolver was in force at the capture, or none is now.
		NoResolver,
		/// The caller is not the resolver in force at the capture.
		NotResolver,
		/// The resolver is already the one set (or pending).
		AlreadySet,
		/// A lookup asked for a block older than the slashing window (one epoch): the resolver
		/// history no longer answers for it.
		HistoryPruned,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Slashes up to `amount` of `operator`'s stake in `subnetwork` captured at `capture`, at
		/// once (instant-slasher vaults). The caller must be the middleware of the subnetwork's
		/// network; the capture must lie in the last epoch, strictly before now. The weight of
		/// the delegator hook is charged at its worst and refunded to what it used.
		///
		/// ## Dispatch Origin
		/// Signed by the middleware of the subnetwork's network.
		///
		/// ## Errors
		/// [`Error::NotNetworkMiddleware`], [`Error::UnknownVault`], [`Error::WrongSlasherKind`],
		/// [`Error::InvalidCaptureBlock`], [`Error::InsufficientSlash`] (nothing left to slash
		/// for this capture, or a capture older than one already slashed); a guarantee lookup
		/// the histories cannot answer errors with the delegation or registry pallet's
		/// `HistoryPruned`.
		///
		/// ## Events
		/// [`Event::Slashed`]; the vaults pallet's `Slashed` and the delegation pallet's
		/// `Slashed` follow from the same slash.
		#[pallet::call_index(0)]
		#[pallet::weight(Pallet::<T>::slash_weight(Pallet::<T>::slash_own_weight(
			T::MaxCumulativeSlashDepth::get()
		)))]
		pub fn slash(
			origin: OriginFor<T>,
			vault: VaultId,
			subnetwork: SubnetworkOf<T>,
			operator: T::AccountId,
			amount: u128,
			capture: BlockNumberOf<T>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let (used, _) = Self::do_slash(&who, vault, subnetwork, operator, amount, capture)?;
			Ok(Some(used).into())
		}

		/// Requests a slash in a veto-slasher vault; the subnetwork's resolver (if any) may veto
		/// it until the returned deadline, after which the middleware executes it. The capture
		/// must leave room for the veto period inside its epoch. Old requests of the vault are
		/// pruned as this one is recorded.
		///
		/// ## Dispatch Origin
		/// Signed by the middleware of the subnetwork's network.
		///
		/// ## Errors
		/// [`Error::NotNetworkMiddleware`], [`Error::UnknownVault`], [`Error::WrongSlasherKind`],
		/// [`Error::InvalidCaptureBlock`], [`Error::InsufficientSlash`].
		///
		/// ## Events
		/// [`Event::SlashRequested`], and [`Event::RequestPruned`] per request pruned.
		#[pallet::call_index(1)]
		#[pallet::weight(Pallet::<T>::request_weight(T::MaxCumulativeSlashDepth::get()))]
		pub fn request_slash(
			origin: OriginFor<T>,
			vault: VaultId,
			subnetwork: SubnetworkOf<T>,
			operator: T::AccountId,
			amount: u128,
			capture: BlockNumberOf<T>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let (depth, _) =
				Self::do_request_slash(&who, vault, subnetwork, operator, amount, capture)?;
			Ok(Some(Self::request_weight(depth)).into())
		}

		/// Executes request `id` once its veto period ended (or at once if no resolver watches
		/// the subnetwork), within one epoch of its capture. The amount is bounded again by
		/// what is still slashable now.
		///
		/// ## Dispatch Origin
		/// Signed by the middleware of the request's network.
		///
		/// ## Errors
		/// [`Error::UnknownRequest`], [`Error::NotNetworkMiddleware`], [`Error::UnknownVault`],
		/// [`Error::VetoPeriodNotEnded`], [`Error::SlashPeriodEnded`],
		/// [`Error::RequestCompleted`] (executed or vetoed), [`Error::InsufficientSlash`].
		///
		/// ## Events
		/// [`Event::SlashExecuted`]; the vaults pallet's `Slashed` and the delegation pallet's
		/// `Slashed` follow from the same slash.
		#[pallet::call_index(2)]
		#[pallet::weight(Pallet::<T>::slash_weight(Pallet::<T>::execute_own_weight(
			T::MaxCumulativeSlashDepth::get()
		)))]
		pub fn execute_slash(origin: OriginFor<T>, id: RequestId) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let used = Self::do_execute_slash(&who, id)?;
			Ok(Some(used).into())
		}

		/// Vetoes request `id` before its deadline.
		///
		/// ## Dispatch Origin
		/// Signed by the subnetwork's resolver in force at the request's capture (and still in
		/// force now).
		///
		/// ## Errors
		/// [`Error::UnknownRequest`], [`Error::UnknownVault`], [`Error::VetoPeriodEnded`],
		/// [`Error::NoResolver`], [`Error::NotResolver`], [`Error::RequestCompleted`].
		///
		/// ## Events
		/// [`Event::SlashVetoed`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::veto_slash())]
		pub fn veto_slash(origin: OriginFor<T>, id: RequestId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_veto_slash(&who, id)
		}

		/// Sets (or removes, `None`) the resolver of the caller's subnetwork `id` in a
		/// veto-slasher `vault`. The first resolver takes effect at once; a change takes effect
		/// at the start of the epoch `resolver_set_epochs_delay` epochs after the current one's
		/// start, and a new call before then replaces the pending change (setting the current
		/// resolver again cancels it).
		///
		/// ## Dispatch Origin
		/// Signed by a registered network, for its own subnetwork.
		///
		/// ## Errors
		/// [`Error::NotNetwork`], [`Error::UnknownVault`], [`Error::WrongSlasherKind`],
		/// [`Error::AlreadySet`].
		///
		/// ## Events
		/// [`Event::ResolverSet`], with the block the resolver applies from.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_resolver())]
		pub fn set_resolver(
			origin: OriginFor<T>,
			vault: VaultId,
			id: SubnetworkId,
			resolver: Option<T::AccountId>,
		) -> DispatchResult {
			let network = ensure_signed(origin)?;
			Self::do_set_resolver(&network, vault, id, resolver)
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			use sp_runtime::SaturatedConversion;
			// A cumulative-slash history keeps at most one entry per block of an epoch, plus
			// the one in force at its start.
			let longest = T::Vaults::windows().max_epoch_duration;
			let entries = longest.saturated_into::<u32>().saturating_add(1);
			assert!(
				T::MaxCumulativeSlashDepth::get() >= Self::search_depth(entries),
				"MaxCumulativeSlashDepth must cover the history of the longest vault epoch"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	/// Read-only queries for networks, resolvers and front ends.
	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// A request and where it stands (`Expired` once its window ended while pending).
		pub fn request(id: RequestId) -> Option<SlashRequest<T::AccountId, BlockNumberOf<T>>> {
			Self::request_with_status(id)
		}

		/// What `subnetwork` may still slash of `operator` in `vault` for the capture block
		/// `capture`: the stake then, less slashes executed after it; zero outside the window.
		pub fn slashable_stake(
			vault: VaultId,
			subnetwork: SubnetworkOf<T>,
			operator: T::AccountId,
			capture: BlockNumberOf<T>,
		) -> Result<u128, DispatchError> {
			Self::slashable(vault, &subnetwork, &operator, capture)
		}

		/// The resolver of `subnetwork` in `vault` at block `at` (a later block answers with the
		/// change scheduled by then). Fails with [`Error::HistoryPruned`] for a block older than
		/// one epoch, which the history no longer answers for, rather than guessing.
		pub fn resolver_at(
			vault: VaultId,
			subnetwork: SubnetworkOf<T>,
			at: BlockNumberOf<T>,
		) -> Result<Option<T::AccountId>, DispatchError> {
			Self::resolver_of(vault, &subnetwork, at)
		}
	}
}
