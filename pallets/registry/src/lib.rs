// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

use alloc::vec::Vec;

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
pub const LOG_TARGET: &str = "runtime::rampart-registry";

// The pallet macros expand storage, error and genesis items with paths that the
// `unused_qualifications` lint flags; the flagged code is generated, not ours.
#[allow(unused_qualifications)]
#[frame_support::pallet]
pub mod pallet {
	use super::{types::*, weights::WeightInfo, Vec};
	use frame_support::{pallet_prelude::*, traits};
	use frame_system::pallet_prelude::*;
	use rampart_primitives::clock::RestakingClock;
	use rampart_primitives::{traits::VaultsInspect, OptInTarget};
	use sp_runtime::traits::{IdentifyAccount, Verify, Zero};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The storage deposit of a network or operator registration (and its metadata).
		#[codec(index = 0)]
		Registration,
	}

	#[pallet::config]
	pub trait Config: frame_system::Config + RestakingClock {
		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// The storage deposit of a registration, sized by the record's footprint (it grows with
		/// the metadata URL). Held for as long as the registration lives, which is forever.
		type Consideration: traits::Consideration<Self::AccountId, traits::Footprint>;

		/// Which vaults exist, so that operators can only opt into real ones.
		type Vaults: VaultsInspect<Self::AccountId, BlockNumberOf<Self>>;

		/// The signature of a relayed opt-in or opt-out, made by the operator's account.
		type OffchainSignature: Verify<Signer = Self::OffchainPublic> + Parameter;

		/// The key behind [`Config::OffchainSignature`]; it identifies an account.
		type OffchainPublic: IdentifyAccount<AccountId = Self::AccountId>;

		/// The longest metadata URL, in bytes.
		#[pallet::constant]
		type MaxMetadataLen: Get<u32>;

		/// How far back opt-in histories answer, in blocks.
		///
		/// Must cover everything that reads an opt-in at a past block: at least two epochs of the
		/// longest vault epoch plus the reward lookback. Lookups older than this fail with
		/// [`Error::HistoryPruned`].
		#[pallet::constant]
		type OptInHistoryRetention: Get<BlockNumberOf<Self>>;

		/// The most entries one (operator, target) opt-in history keeps inside the retention
		/// window. An operator who flips its opt-in more often than this within the window has
		/// to wait. Lowering this needs a migration.
		#[pallet::constant]
		type MaxOptInHistory: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Creates signing keys and signatures for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::OffchainSignature, Self::AccountId>;
	}

	/// Registered networks. A network is the account that registered it; registration is
	/// permanent.
	// Blake2_128Concat: keys are accounts chosen by users.
	#[pallet::storage]
	pub type Networks<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, NetworkRecordOf<T>>;

	/// Registered operators; registration is permanent.
	#[pallet::storage]
	pub type Operators<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, OperatorRecordOf<T>>;

	/// The number of registered networks.
	#[pallet::storage]
	pub type NetworkCount<T> = StorageValue<_, u32, ValueQuery>;

	/// The number of registered operators.
	#[pallet::storage]
	pub type OperatorCount<T> = StorageValue<_, u32, ValueQuery>;

	/// The opt-in history of an operator for a target (a network or a vault): `true` from each
	/// opt-in, `false` from each opt-out, one entry per block, pruned past the retention window.
	#[pallet::storage]
	pub type OptInHistories<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		OptInTarget<T::AccountId>,
		OptInHistoryOf<T>,
		OptionQuery,
	>;

	/// The nonce of an (operator, target) pair. A signed opt-in or opt-out must carry the current
	/// nonce; every opt-in, opt-out and `increase_nonce` bumps it by one.
	#[pallet::storage]
	pub type OptInNonces<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		OptInTarget<T::AccountId>,
		u64,
		ValueQuery,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An account registered as a network.
		NetworkRegistered {
			/// The network.
			network: T::AccountId,
		},
		/// An account registered as an operator.
		OperatorRegistered {
			/// The operator.
			operator: T::AccountId,
		},
		/// A network named, changed or cleared its middleware.
		MiddlewareSet {
			/// The network.
			network: T::AccountId,
			/// The new middleware; `None` if cleared.
			middleware: Option<T::AccountId>,
		},
		/// A network set or cleared its metadata URL.
		NetworkMetadataSet {
			/// The network.
			network: T::AccountId,
			/// The new URL; empty if cleared.
			url: MetadataOf<T>,
		},
		/// An operator set or cleared its metadata URL.
		OperatorMetadataSet {
			/// The operator.
			operator: T::AccountId,
			/// The new URL; empty if cleared.
			url: MetadataOf<T>,
		},
		/// An operator opted into a network or a vault.
		OptedIn {
			/// The operator.
			operator: T::AccountId,
			/// The network or vault.
			target: OptInTarget<T::AccountId>,
		},
		/// An operator opted out of a network or a vault. Stake captured before stays slashable.
		OptedOut {
			/// The operator.
			operator: T::AccountId,
			/// The network or vault.
			target: OptInTarget<T::AccountId>,
		},
		/// The nonce of an (operator, target) pair went up: signatures over older nonces are void.
		NonceIncreased {
			/// The operator.
			operator: T::AccountId,
			/// The network or vault.
			target: OptInTarget<T::AccountId>,
			/// The new nonce.
			nonce: u64,
		},
	}

	#[pallet::error]
	#[derive(PartialEq)]
	pub enum Error<T> {
		/// This account is already a network. Registration is permanent and happens once.
		NetworkAlreadyRegistered,
		/// This account is already an operator. Registration is permanent and happens once.
		OperatorAlreadyRegistered,
		/// The account is not a registered network: register it with `register_network` first.
		NotNetwork,
		/// The account is not a registered operator: register it with `register_operator` first.
		NotOperator,
		/// The target of the opt-in is not a registered network or an existing vault.
		UnknownTarget,
		/// The new value equals the current one; nothing would change.
		AlreadySet,
		/// The operator is already opted into this target.
		AlreadyOptedIn,
		/// The operator is not opted into this target.
		NotOptedIn,
		/// The operator's opt-in changed during this block (even if it changed back); opt out in
		/// a later block.
		OptOutCooldown,
		/// The opt-in history of this pair has no room inside its retention window for this
		/// opt-in and the opt-out after it: the operator changed its opt-in too often. Try again
		/// once older entries leave the window. Opting out is never refused for this.
		TooManyOptInChanges,
		/// The signed message's deadline has passed; sign a new one.
		SignatureExpired,
		/// The signature is not the operator's over this exact message (kind, operator, target,
		/// current nonce, deadline, this chain's genesis). Check the nonce and the chain.
		BadSignature,
		/// A lookup asked for a block older than the opt-in history keeps
		/// (`OptInHistoryRetention`).
		HistoryPruned,
		/// A lookup asked for a block that has not happened yet.
		FutureBlock,
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Networks to register, each with an optional middleware.
		pub networks: Vec<GenesisNetwork<T::AccountId>>,
		/// Operators to register.
		pub operators: Vec<T::AccountId>,
		/// Operator opt-ins, in force from genesis.
		pub opt_ins: Vec<GenesisOptIn<T::AccountId>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for GenesisNetwork { network, middleware } in &self.networks {
				Pallet::<T>::do_register_network(network)
					.expect("genesis networks are distinct and can pay their deposit; qed");
				if middleware.is_some() {
					Pallet::<T>::do_set_middleware(network, middleware.clone())
						.expect("genesis network was just registered; qed");
				}
			}
			for operator in &self.operators {
				Pallet::<T>::do_register_operator(operator)
					.expect("genesis operators are distinct and can pay their deposit; qed");
			}
			for GenesisOptIn { operator, target } in &self.opt_ins {
				Pallet::<T>::do_opt_in(operator, target)
					.expect("genesis opt-ins name registered operators and targets; qed");
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			// An operator must be able to opt in and back out inside the window.
			assert!(T::MaxOptInHistory::get() >= 2, "MaxOptInHistory must be at least 2");
			assert!(
				!T::OptInHistoryRetention::get().is_zero(),
				"OptInHistoryRetention must be at least one block"
			);
			// Opt-ins are read at slash captures and reward snapshots, as far back as any
			// vault history answers.
			assert!(
				T::OptInHistoryRetention::get() >= T::Vaults::windows().max_history_span(),
				"OptInHistoryRetention must cover two of the longest vault epochs plus the \
				 vaults' reward lookback"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Registers the caller as a network, holding the registration deposit.
		///
		/// ## Dispatch Origin
		/// Signed by the account that becomes the network.
		///
		/// ## Errors
		/// [`Error::NetworkAlreadyRegistered`]; the deposit's hold errors if the caller cannot pay.
		///
		/// ## Events
		/// [`Event::NetworkRegistered`].
		#[pallet::call_index(0)]
		pub fn register_network(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register_network(&who)
		}

		/// Registers the caller as an operator, holding the registration deposit.
		///
		/// ## Dispatch Origin
		/// Signed by the account that becomes the operator.
		///
		/// ## Errors
		/// [`Error::OperatorAlreadyRegistered`]; the deposit's hold errors if the caller cannot
		/// pay.
		///
		/// ## Events
		/// [`Event::OperatorRegistered`].
		#[pallet::call_index(1)]
		pub fn register_operator(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register_operator(&who)
		}

		/// Names (`Some`) or clears (`None`) the caller's middleware, with immediate effect.
		///
		/// ## Dispatch Origin
		/// Signed by a registered network.
		///
		/// ## Errors
		/// [`Error::NotNetwork`], [`Error::AlreadySet`].
		///
		/// ## Events
		/// [`Event::MiddlewareSet`].
		#[pallet::call_index(2)]
		pub fn set_middleware(
			origin: OriginFor<T>,
			middleware: Option<T::AccountId>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_middleware(&who, middleware)
		}

		/// Sets the caller's network metadata URL; an empty URL clears it. The deposit follows
		/// the record's new size.
		///
		/// ## Dispatch Origin
		/// Signed by a registered network.
		///
		/// ## Errors
		/// [`Error::NotNetwork`], [`Error::AlreadySet`].
		///
		/// ## Events
		/// [`Event::NetworkMetadataSet`].
		#[pallet::call_index(3)]
		pub fn set_network_metadata(origin: OriginFor<T>, url: MetadataOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_network_metadata(&who, url)
		}

		/// Sets the caller's operator metadata URL; an empty URL clears it. The deposit follows
		/// the record's new size.
		///
		/// ## Dispatch Origin
		/// Signed by a registered operator.
		///
		/// ## Errors
		/// [`Error::NotOperator`], [`Error::AlreadySet`].
		///
		/// ## Events
		/// [`Event::OperatorMetadataSet`].
		#[pallet::call_index(4)]
		pub fn set_operator_metadata(origin: OriginFor<T>, url: MetadataOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_operator_metadata(&who, url)
		}

		/// Opts the caller (an operator) into a network or a vault from this block on.
		///
		/// ## Dispatch Origin
		/// Signed by a registered operator.
		///
		/// ## Errors
		/// [`Error::NotOperator`], [`Error::UnknownTarget`], [`Error::AlreadyOptedIn`],
		/// [`Error::TooManyOptInChanges`].
		///
		/// ## Events
		/// [`Event::OptedIn`], [`Event::NonceIncreased`].
		#[pallet::call_index(5)]
		pub fn opt_in(origin: OriginFor<T>, target: OptInTarget<T::AccountId>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_opt_in(&who, &target)
		}

		/// Opts the caller out of a network or a vault from this block on. Past blocks keep their
		/// opt-in, so stake captured before stays slashable. Registrations are not rechecked.
		///
		/// ## Dispatch Origin
		/// Signed by the operator.
		///
		/// ## Errors
		/// [`Error::NotOptedIn`], [`Error::OptOutCooldown`].
		///
		/// ## Events
		/// [`Event::OptedOut`], [`Event::NonceIncreased`].
		#[pallet::call_index(6)]
		pub fn opt_out(origin: OriginFor<T>, target: OptInTarget<T::AccountId>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_opt_out(&who, &target)
		}

		/// Opts `operator` into `target` with the operator's signature; anyone may relay (and pay
		/// for) it. The signed message is [`OptInMessage`] with action [`OptInAction::OptIn`]; the
		/// raw SCALE bytes and the same bytes wrapped in `<Bytes>..</Bytes>` (what wallets' "sign
		/// raw" produces) are both accepted.
		///
		/// ## Dispatch Origin
		/// Signed, by anyone.
		///
		/// ## Errors
		/// [`Error::SignatureExpired`], [`Error::BadSignature`], then those of
		/// [`Pallet::opt_in`].
		///
		/// ## Events
		/// [`Event::OptedIn`], [`Event::NonceIncreased`].
		#[pallet::call_index(7)]
		pub fn opt_in_signed(
			origin: OriginFor<T>,
			operator: T::AccountId,
			target: OptInTarget<T::AccountId>,
			deadline: BlockNumberOf<T>,
			signature: T::OffchainSignature,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::check_signed(OptInAction::OptIn, &operator, &target, deadline, &signature)?;
			Self::do_opt_in(&operator, &target)
		}

		/// Opts `operator` out of `target` with the operator's signature over [`OptInMessage`]
		/// with action [`OptInAction::OptOut`]; anyone may relay it.
		///
		/// ## Dispatch Origin
		/// Signed, by anyone.
		///
		/// ## Errors
		/// [`Error::SignatureExpired`], [`Error::BadSignature`], then those of
		/// [`Pallet::opt_out`].
		///
		/// ## Events
		/// [`Event::OptedOut`], [`Event::NonceIncreased`].
		#[pallet::call_index(8)]
		pub fn opt_out_signed(
			origin: OriginFor<T>,
			operator: T::AccountId,
			target: OptInTarget<T::AccountId>,
			deadline: BlockNumberOf<T>,
			signature: T::OffchainSignature,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::check_signed(OptInAction::OptOut, &operator, &target, deadline, &signature)?;
			Self::do_opt_out(&operator, &target)
		}

		/// Bumps the caller's nonce for `target`, voiding every signature it made over the
		/// current nonce.
		///
		/// ## Dispatch Origin
		/// Signed by a registered operator (only the caller's own nonce changes).
		///
		/// ## Errors
		/// [`Error::NotOperator`], [`Error::UnknownTarget`] (a nonce is storage: it is kept only
		/// for an operator, who paid a registration deposit, and a target that exists).
		///
		/// ## Events
		/// [`Event::NonceIncreased`].
		#[pallet::call_index(9)]
		pub fn increase_nonce(
			origin: OriginFor<T>,
			target: OptInTarget<T::AccountId>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(Operators::<T>::contains_key(&who), Error::<T>::NotOperator);
			ensure!(Self::target_exists(&target), Error::<T>::UnknownTarget);
			Self::do_increase_nonce(&who, &target).map(|_| ())
		}
	}

	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// Whether `operator` was opted into `target` at block `at` (see [`Error::HistoryPruned`]
		/// and [`Error::FutureBlock`] for the blocks it cannot answer).
		pub fn opted_in_at(
			operator: T::AccountId,
			target: OptInTarget<T::AccountId>,
			at: BlockNumberOf<T>,
		) -> Result<bool, Error<T>> {
			Self::opted_in_at_block(&operator, &target, at)
		}

		/// The middleware of `network`, if it is a network and named one.
		pub fn middleware(network: T::AccountId) -> Option<T::AccountId> {
			Networks::<T>::get(&network).and_then(|n| n.middleware)
		}

		/// The nonce a signed opt-in or opt-out of `operator` for `target` must carry now.
		pub fn opt_in_nonce(operator: T::AccountId, target: OptInTarget<T::AccountId>) -> u64 {
			OptInNonces::<T>::get(&operator, &target)
		}
	}
}
