// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! # Validators pallet
//!
//! A chain that buys its own security from restaked stake, through the middleware pallet. The
//! chain is a network of its own: [`Pallet::network_account`] (derived from `NetworkPalletId`),
//! with its main subnetwork (id 0) configured in the middleware (accepted vaults, valuations,
//! operator set policy). Governance (`AdminOrigin`) acts as that network through
//! [`Pallet::as_network`], for the calls `NetworkCalls` lets through.
//!
//! - **Validator set** ([`session`]): this pallet is the chain's `pallet_session::SessionManager`
//!   (wrapped by `pallet_session::historical::NoteHistoricalRoot`). The set that starts at session
//!   `s + 1` is planned at the rotation that starts session `s`, at block `b`: it is the
//!   middleware's operator set of the chain's subnetwork at the **capture block `b − 1`**,
//!   strongest first, keeping the operators that registered session keys (`session.set_keys`; the
//!   validator account is the operator account) and are not benched, at most `MaxValidators`. If
//!   fewer than `MinValidators` qualify, the current set stays: the set is never empty and never
//!   stalls.
//! - **Offences** ([`offences`]): each offence reported through `pallet-offences` (GRANDPA
//!   equivocations, with key-ownership proofs through historical sessions) becomes a slash of the
//!   offender's power at the capture of the session in which it offended: `fraction · policy.slash
//!   · power(capture)`, through the middleware into each vault's slasher. Per offence kind
//!   governance chooses the part of the fraction taken and whether the slash waits `VetoWindow`
//!   blocks, during which governance (and nothing else) may cancel it. Within one session an
//!   offender is slashed for its worst offence only: a report never slashes twice, a worse one
//!   slashes the difference. The offender is disabled for the rest of the session and **benched**:
//!   it is not re-elected until it registers new session keys.
//! - **Rewards** ([`rewards`]): each block's author earns a point; at the end of a session
//!   `min(SessionReward, what the network's account can spend)` is set aside for its validators
//!   and paid (in an idle block, or by anyone with `payout`) through the middleware by blocks
//!   authored: each validator's commission, then the stakers of the vaults behind it, as staked at
//!   the session's capture. The reward comes from the network account's balance (the runtime sends
//!   transaction fees there); nothing is minted.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod offences;
pub mod rewards;
pub mod session;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod default_weights;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use offences::KindedOffences;
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

// The pallet macros expand storage and errors into fully qualified paths, which the workspace's
// `unused_qualifications` lint flags; the flagged code is generated, not ours.
#[allow(unused_qualifications)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::{boxed::Box, vec::Vec};
	use frame_support::{
		dispatch::{GetDispatchInfo, PostDispatchInfo},
		pallet_prelude::*,
		traits::{fungible, Contains},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use pallet_rampart_middleware::BlockNumberOf;
	use sp_runtime::traits::{AccountIdConversion, Dispatchable};
	use sp_runtime::Perbill;
	use sp_staking::{offence::Kind, SessionIndex};

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config:
		frame_system::Config
		+ pallet_rampart_middleware::Config
		+ pallet_session::Config<ValidatorId = <Self as frame_system::Config>::AccountId>
		+ pallet_session::historical::Config
	{
		/// A call governance may make as the chain's network.
		type NetworkCall: Parameter
			+ Dispatchable<
				RuntimeOrigin = <Self as frame_system::Config>::RuntimeOrigin,
				PostInfo = PostDispatchInfo,
			> + GetDispatchInfo;

		/// The calls governance may make as the chain's network (the middleware's, the
		/// registry's, the slashing pallet's resolver calls...).
		type NetworkCalls: Contains<Self::NetworkCall>;

		/// Governance: acts as the network, sets the minimum set, the session reward and the
		/// offence policies, cancels slashes in their veto window.
		type AdminOrigin: EnsureOrigin<<Self as frame_system::Config>::RuntimeOrigin>;

		/// The token rewards are paid in, to read what the network's account can spend.
		type RewardCurrency: fungible::Inspect<Self::AccountId>;

		/// The reward asset, as the middleware names it (the token of `RewardCurrency`).
		type RewardAsset: Get<Self::AssetKind>;

		/// Derives the chain's network account.
		#[pallet::constant]
		type NetworkPalletId: Get<PalletId>;

		/// The most validators (at most the middleware's operators per subnetwork).
		#[pallet::constant]
		type MaxValidators: Get<u32>;

		/// Listed operators whose power one block of an election reads: an election starts
		/// `⌈MaxOperatorsPerSubnetwork / ElectionChunk⌉` blocks before its rotation.
		#[pallet::constant]
		type ElectionChunk: Get<u32>;

		/// Blocks a slash of a veto kind waits, cancellable by governance.
		#[pallet::constant]
		type VetoWindow: Get<BlockNumberFor<Self>>;

		/// The most slashes applied in one block; more wait for the next.
		#[pallet::constant]
		type MaxSlashesPerBlock: Get<u32>;

		/// The most finished sessions waiting to be paid; a session ending while this many
		/// wait is not paid (its reward stays with the network).
		#[pallet::constant]
		type MaxPendingPayouts: Get<u32>;

		/// Sessions whose capture block is kept: an offence older than this is not slashed
		/// (the vaults could not slash that far back anyway).
		#[pallet::constant]
		type HistoryDepth: Get<SessionIndex>;

		/// The most a staker distribution of a session reward may give a vault's curator, in
		/// basis points of the rewards pallet.
		#[pallet::constant]
		type MaxAdminFee: Get<u32>;

		/// Weights of this pallet.
		type WeightInfo: WeightInfo;
	}

	/// The least validators a new set needs; with fewer qualifying, the current set stays.
	#[pallet::storage]
	pub type MinValidators<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// What each session pays its validators, in the reward asset.
	#[pallet::storage]
	pub type SessionReward<T: Config> = StorageValue<_, u128, ValueQuery>;

	/// The policy of each offence kind (the default slashes as the offence says, at once).
	#[pallet::storage]
	pub type OffencePolicies<T: Config> =
		StorageMap<_, Twox64Concat, Kind, OffencePolicy, ValueQuery>;

	/// The capture block of each recent session: the set validating in it was chosen by the
	/// stake at that block. Pruned to `HistoryDepth` sessions.
	#[pallet::storage]
	pub type SessionCaptures<T: Config> =
		StorageMap<_, Twox64Concat, SessionIndex, BlockNumberOf<T>, OptionQuery>;

	/// The election in progress: the set of the session the next rotation plans, read in
	/// chunks at one capture block.
	#[pallet::storage]
	pub type CurrentElection<T: Config> = StorageValue<
		_,
		Election<
			T::AccountId,
			BlockNumberOf<T>,
			<T as pallet_rampart_middleware::Config>::MaxOperatorsPerSubnetwork,
		>,
		OptionQuery,
	>;

	/// Operators benched by an offence, with the hash of the session keys they offended with: not
	/// elected while they keep those keys.
	#[pallet::storage]
	pub type Benched<T: Config> = StorageMap<_, Twox64Concat, T::AccountId, T::Hash, OptionQuery>;

	/// The highest fraction of its power (at the session's capture) an offender was slashed in a
	/// session, so that a report never slashes twice.
	#[pallet::storage]
	pub type SessionSlashes<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		SessionIndex,
		Twox64Concat,
		T::AccountId,
		Perbill,
		OptionQuery,
	>;

	/// The kind of the offence being reported, set by [`KindedOffences`] for the length of one
	/// report (`pallet-offences` does not pass it to the handler).
	#[pallet::storage]
	pub type ReportingKind<T: Config> = StorageValue<_, Kind, OptionQuery>;

	/// Slashes scheduled and not applied yet.
	#[pallet::storage]
	pub type PendingSlashes<T: Config> = StorageMap<
		_,
		Twox64Concat,
		SlashId,
		PendingSlash<T::AccountId, BlockNumberOf<T>, BlockNumberFor<T>>,
		OptionQuery,
	>;

	/// The slashes due at each block.
	#[pallet::storage]
	pub type DueSlashes<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<SlashId, T::MaxSlashesPerBlock>,
		ValueQuery,
	>;

	/// The id of the next slash.
	#[pallet::storage]
	pub type NextSlashId<T: Config> = StorageValue<_, SlashId, ValueQuery>;

	/// Blocks authored in each session not yet finished, per validator.
	#[pallet::storage]
	pub type AuthoredBlocks<T: Config> = StorageMap<
		_,
		Twox64Concat,
		SessionIndex,
		BoundedVec<(T::AccountId, u32), T::MaxValidators>,
		ValueQuery,
	>;

	/// Finished sessions waiting to be paid, oldest first.
	#[pallet::storage]
	pub type PendingPayouts<T: Config> =
		StorageValue<_, BoundedVec<SessionIndex, T::MaxPendingPayouts>, ValueQuery>;

	/// The sum of what the sessions waiting in [`PendingPayouts`] pay: the network's account
	/// keeps it for them.
	#[pallet::storage]
	pub type SetAside<T: Config> = StorageValue<_, u128, ValueQuery>;

	/// What each finished session waiting in [`PendingPayouts`] pays.
	#[pallet::storage]
	pub type Payouts<T: Config> = StorageMap<
		_,
		Twox64Concat,
		SessionIndex,
		SessionPayout<T::AccountId, BlockNumberOf<T>, T::MaxValidators>,
		OptionQuery,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The election of session `session`'s set started, reading the stake at `capture`
		/// (`listed` operators, over the next blocks).
		ElectionStarted { session: SessionIndex, capture: BlockNumberOf<T>, listed: u32 },
		/// The set of session `session` is the operator set at `capture`: `validators` of them
		/// (`skipped` strong enough but without keys or benched).
		SetPlanned {
			session: SessionIndex,
			capture: BlockNumberOf<T>,
			validators: u32,
			skipped: u32,
		},
		/// Fewer than `MinValidators` qualified at `capture` (`qualified`): session `session`
		/// keeps the current set.
		SetKept { session: SessionIndex, capture: BlockNumberOf<T>, qualified: u32 },
		/// `offender` offended (kind `kind`) in `session` with `fraction`; it is disabled and
		/// benched until it registers new keys.
		OffenceReported {
			kind: Kind,
			session: SessionIndex,
			offender: T::AccountId,
			fraction: Perbill,
		},
		/// A slash of `power` against `offender` at `capture` applies at `apply_at`.
		SlashScheduled {
			id: SlashId,
			offender: T::AccountId,
			capture: BlockNumberOf<T>,
			power: u128,
			apply_at: BlockNumberFor<T>,
		},
		/// An offence was not slashed: `reason` says why (already slashed as much in that
		/// session, no capture kept for it, a policy of zero, no power).
		OffenceNotSlashed { session: SessionIndex, offender: T::AccountId, reason: NotSlashed },
		/// Slash `id` went to the middleware (its events say what each vault took).
		SlashApplied { id: SlashId },
		/// Slash `id` could not be applied (the middleware refused it).
		SlashFailed { id: SlashId, error: DispatchError },
		/// Governance cancelled slash `id` in its veto window.
		SlashCancelled { id: SlashId },
		/// An offender registered new keys and may be elected again.
		Unbenched { operator: T::AccountId },
		/// Session `session` pays `amount` to its validators by blocks authored.
		SessionPayoutQueued { session: SessionIndex, amount: u128 },
		/// Session `session` pays nothing: `reason` says why.
		SessionNotPaid { session: SessionIndex, reason: NotPaid },
		/// Session `session`'s payout was made: `paid` of it went out (the rest is rounding).
		SessionPaid { session: SessionIndex, paid: u128 },
		/// Session `session`'s payout failed and was dropped; its amount stays with the network.
		SessionPayoutFailed { session: SessionIndex, error: DispatchError },
		/// Governance acted as the network.
		DispatchedAsNetwork { result: DispatchResult },
		/// The minimum set changed.
		MinValidatorsSet { min: u32 },
		/// The session reward changed.
		SessionRewardSet { amount: u128 },
		/// The policy of an offence kind changed.
		OffencePolicySet { kind: Kind, policy: OffencePolicy },
	}

	/// Why an offence was not slashed.
	#[derive(
		Encode, Decode, DecodeWithMemTracking, TypeInfo, Clone, Copy, PartialEq, Eq, Debug,
	)]
	pub enum NotSlashed {
		/// The offender was already slashed at least this much in that session.
		AlreadySlashed,
		/// The session is older than `HistoryDepth`, or before any capture.
		NoCapture,
		/// The policy takes nothing of this kind.
		PolicyZero,
		/// The offender had no power at the capture, or the middleware could not read it.
		NoPower,
		/// No room left in the slash queue for the next blocks.
		QueueFull,
	}

	/// Why a session pays nothing.
	#[derive(
		Encode, Decode, DecodeWithMemTracking, TypeInfo, Clone, Copy, PartialEq, Eq, Debug,
	)]
	pub enum NotPaid {
		/// No reward is set, or the network's account cannot spend any.
		NoFunds,
		/// No block of the session was authored by a known validator.
		NoPoints,
		/// `MaxPendingPayouts` sessions already wait.
		QueueFull,
		/// The session's capture is not known.
		NoCapture,
	}

	#[pallet::error]
	pub enum Error<T> {
		/// `as_network` was given a call governance may not make as the network.
		CallFiltered,
		/// The minimum set is zero or more than `MaxValidators`.
		InvalidMinValidators,
		/// No slash with this id is pending: it never existed, was applied or cancelled.
		UnknownSlash,
		/// The slash applies at once (its kind has no veto): it cannot be cancelled.
		NotVetoable,
		/// No session is waiting to be paid.
		NoPayout,
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The least validators a new set needs.
		pub min_validators: u32,
		/// What each session pays its validators.
		pub session_reward: u128,
		/// Offence policies by kind.
		pub offence_policies: Vec<(Kind, OffencePolicy)>,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			assert!(
				self.min_validators <= T::MaxValidators::get(),
				"the minimum set is larger than MaxValidators"
			);
			MinValidators::<T>::put(self.min_validators);
			SessionReward::<T>::put(self.session_reward);
			for (kind, policy) in &self.offence_policies {
				OffencePolicies::<T>::insert(kind, policy);
			}
			// `pallet-session`'s genesis ran first and asked this pallet for sessions 0 and 1 when
			// its validators were not stored yet; the genesis set it then took from its keys is
			// noted now in the historical sessions (so that offences in sessions 0 and 1 can be
			// proven), captured at the genesis block.
			Pallet::<T>::note_genesis_sessions();
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(n: BlockNumberFor<T>) -> Weight {
			// `pallet-authorship` notes the block's author through this pallet, uncharged.
			<T as Config>::WeightInfo::note_author()
				.saturating_add(Self::apply_due_slashes(n))
				.saturating_add(Self::elect_step(n))
		}

		fn on_idle(_n: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::pay_in_idle(remaining)
		}

		fn integrity_test() {
			assert!(
				T::MaxValidators::get()
					<= <T as pallet_rampart_middleware::Config>::MaxOperatorsPerSubnetwork::get(),
				"more validators than the middleware's operator set can hold"
			);
			assert!(T::MaxValidators::get() > 0, "a chain needs validators");
			assert!(T::MaxSlashesPerBlock::get() > 0, "slashes must be able to apply");
			assert!(T::ElectionChunk::get() > 0, "an election must read operators");
			assert!(T::HistoryDepth::get() > 1, "offences are reported a session late at least");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Dispatches `call` as the chain's network (signed by [`Pallet::network_account`]): how
		/// governance configures the chain's subnetwork in the middleware (accepted vaults,
		/// valuations, the operator set policy), sets resolvers and manages the network.
		///
		/// ## Dispatch Origin
		/// `AdminOrigin`.
		///
		/// ## Errors
		/// [`Error::CallFiltered`]: `NetworkCalls` does not let the call through. The call's own
		/// error is reported in the event, not returned.
		///
		/// ## Events
		/// [`Event::DispatchedAsNetwork`].
		#[pallet::call_index(0)]
		#[pallet::weight({
			let info = call.get_dispatch_info();
			<T as Config>::WeightInfo::as_network().saturating_add(info.call_weight)
		})]
		pub fn as_network(
			origin: OriginFor<T>,
			call: Box<T::NetworkCall>,
		) -> DispatchResultWithPostInfo {
			T::AdminOrigin::ensure_origin(origin)?;
			ensure!(T::NetworkCalls::contains(&call), Error::<T>::CallFiltered);
			let info = call.get_dispatch_info();
			let origin = frame_system::RawOrigin::Signed(Self::network_account()).into();
			let result = call.dispatch(origin);
			let used = frame_support::dispatch::extract_actual_weight(&result, &info);
			Self::deposit_event(Event::DispatchedAsNetwork {
				result: result.map(|_| ()).map_err(|e| e.error),
			});
			Ok(Some(<T as Config>::WeightInfo::as_network().saturating_add(used)).into())
		}

		/// Sets the least validators a new set needs (at least one, at most `MaxValidators`).
		///
		/// ## Dispatch Origin
		/// `AdminOrigin`.
		///
		/// ## Errors
		/// [`Error::InvalidMinValidators`].
		///
		/// ## Events
		/// [`Event::MinValidatorsSet`].
		#[pallet::call_index(1)]
		#[pallet::weight(<T as Config>::WeightInfo::set_min_validators())]
		pub fn set_min_validators(origin: OriginFor<T>, min: u32) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			ensure!(min > 0 && min <= T::MaxValidators::get(), Error::<T>::InvalidMinValidators);
			MinValidators::<T>::put(min);
			Self::deposit_event(Event::MinValidatorsSet { min });
			Ok(())
		}

		/// Sets what each session pays its validators from the network's account (sessions
		/// that end from now on).
		///
		/// ## Dispatch Origin
		/// `AdminOrigin`.
		///
		/// ## Events
		/// [`Event::SessionRewardSet`].
		#[pallet::call_index(2)]
		#[pallet::weight(<T as Config>::WeightInfo::set_session_reward())]
		pub fn set_session_reward(origin: OriginFor<T>, amount: u128) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			SessionReward::<T>::put(amount);
			Self::deposit_event(Event::SessionRewardSet { amount });
			Ok(())
		}

		/// Sets the policy of offence kind `kind` for offences reported from now on.
		///
		/// ## Dispatch Origin
		/// `AdminOrigin`.
		///
		/// ## Events
		/// [`Event::OffencePolicySet`].
		#[pallet::call_index(3)]
		#[pallet::weight(<T as Config>::WeightInfo::set_offence_policy())]
		pub fn set_offence_policy(
			origin: OriginFor<T>,
			kind: Kind,
			policy: OffencePolicy,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			OffencePolicies::<T>::insert(kind, policy);
			Self::deposit_event(Event::OffencePolicySet { kind, policy });
			Ok(())
		}

		/// Cancels slash `id` in its veto window: the only way a slash is ever cancelled.
		///
		/// ## Dispatch Origin
		/// `AdminOrigin`.
		///
		/// ## Errors
		/// [`Error::UnknownSlash`] (applied, cancelled or never scheduled),
		/// [`Error::NotVetoable`] (its kind applies at once).
		///
		/// ## Events
		/// [`Event::SlashCancelled`].
		#[pallet::call_index(4)]
		#[pallet::weight(<T as Config>::WeightInfo::cancel_slash())]
		pub fn cancel_slash(origin: OriginFor<T>, id: SlashId) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_cancel_slash(id)
		}

		/// Pays the oldest waiting session's validators now (idle blocks do it on their own).
		/// The payout's worst weight is charged and the unused part refunded.
		///
		/// ## Dispatch Origin
		/// Signed, by anyone.
		///
		/// ## Errors
		/// [`Error::NoPayout`]: no session waits.
		///
		/// ## Events
		/// [`Event::SessionPaid`] or [`Event::SessionPayoutFailed`].
		#[pallet::call_index(5)]
		#[pallet::weight(Pallet::<T>::payout_weight())]
		pub fn payout(origin: OriginFor<T>) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let session =
				PendingPayouts::<T>::get().first().copied().ok_or(Error::<T>::NoPayout)?;
			let used = Self::do_payout(session);
			Ok(Some(used).into())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The chain's network account: registered at genesis, the network of the chain's
		/// validator set.
		pub fn network_account() -> T::AccountId {
			T::NetworkPalletId::get().into_account_truncating()
		}

		/// The chain's subnetwork: the network's main subnetwork (id 0).
		pub fn subnetwork() -> pallet_rampart_middleware::SubnetworkOf<T> {
			rampart_primitives::Subnetwork::main(Self::network_account())
		}

		/// The first session a capture is kept for, given the current one.
		pub(crate) fn oldest_kept(current: SessionIndex) -> SessionIndex {
			current.saturating_sub(T::HistoryDepth::get())
		}

		/// The pallet's invariants: captures never run ahead of the clock, every pending slash
		/// is due in exactly one bucket, every waiting payout is recorded and no payout is
		/// recorded without waiting.
		#[cfg(any(test, feature = "std", feature = "try-runtime"))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			let now = pallet_rampart_middleware::Pallet::<T>::now();
			for (_, capture) in SessionCaptures::<T>::iter() {
				ensure!(capture <= now, "a capture is in the future");
			}
			let mut due = 0usize;
			for (block, ids) in DueSlashes::<T>::iter() {
				for id in ids.iter() {
					let slash = PendingSlashes::<T>::get(id).ok_or("a due slash is not pending")?;
					ensure!(slash.apply_at <= block, "a slash is due before its block");
					due += 1;
				}
			}
			ensure!(PendingSlashes::<T>::iter().count() == due, "a pending slash is never due");
			let waiting = PendingPayouts::<T>::get();
			for session in waiting.iter() {
				ensure!(Payouts::<T>::contains_key(session), "a waiting payout is not recorded");
			}
			ensure!(
				Payouts::<T>::iter_keys().count() == waiting.len(),
				"a payout is recorded without waiting"
			);
			let owed = Payouts::<T>::iter_values().fold(0u128, |t, p| t.saturating_add(p.amount));
			ensure!(owed == SetAside::<T>::get(), "the amount set aside is not what is owed");
			ensure!(ReportingKind::<T>::get().is_none(), "a report's kind outlived the report");
			Ok(())
		}
	}
}
