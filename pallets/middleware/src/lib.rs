// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! # Middleware pallet
//!
//! A network middleware on chain, for every registered network, with no code of its own. For each
//! of its subnetworks a network configures:
//! - the **vaults it accepts** (a bounded set; an addition or removal takes effect from the next
//!   block, so power at a past block never changes);
//! - a **valuation per collateral**: a price in the network's power units per collateral base unit
//!   ([`Price`]) and a haircut, the price set by the network or taken as the median of its
//!   feeders' fresh posts, with a staleness bound (a stale price is worth nothing, or a fallback)
//!   and a maximum step per update (refused or clamped). Every change is a point in a bounded,
//!   pruned history, so a past block is valued as it was then;
//! - an **operator set policy**: the most operators, the least power, and a **cap** on any one
//!   operator's share of the set's total power. Power above the cap is cut and reported, never
//!   handed to others ([`cap`]);
//! - **admission**: operators join (with a deposit) if opted into the network in the registry, or
//!   if on the network's allowlist; leaving takes effect after a delay.
//!
//! From that, at any block inside the retention window:
//!
//! ```text
//! power(subnetwork, operator, b) = Σ over vaults accepted at b of
//!     value(stake_at(vault, subnetwork, operator, b), valuation of the vault's collateral at b)
//! value(stake, v) = (1 − v.haircut) · ⌊stake · v.price⌋       (0 when stale, or the fallback)
//! ```
//!
//! and `operator_set(subnetwork, b)`: the admitted operators with at least the minimum power, the
//! strongest `max_operators`, capped, ordered by capped power (ties: power, then account).
//!
//! The pallet meets the others through glue traits only: networks and opt-ins
//! ([`rampart_primitives::traits::NetworkRegistry`], [`rampart_primitives::traits::OptIns`]),
//! vaults ([`rampart_primitives::traits::VaultsInspect`]) and stakes
//! ([`rampart_primitives::traits::StakeProvider`]).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod calls;
pub mod cap;
mod default_weights;
mod functions;
mod rewards;
mod slashing;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
pub mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use frame_support::pallet_macros::import_section;

// The pallet macros expand storage and errors into fully qualified paths, which the workspace's
// `unused_qualifications` lint flags; the flagged code is generated, not ours.
#[allow(unused_qualifications)]
#[import_section(calls::calls)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::{Consideration, Footprint},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use rampart_primitives::{
		clock::RestakingClock,
		paged_trace::{Page, PagedTrace, TraceHead},
		traits::{
			NetworkRegistry, NetworkRewards, NetworkSlasher, OperatorRegistry, OptIns,
			SlashOutcome, StakeProvider, VaultsInspect,
		},
		VaultId,
	};
	use sp_runtime::Perbill;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// An operator's deposit for its place in a subnetwork's operator list.
		#[codec(index = 0)]
		OperatorAdmission,
	}

	#[pallet::config]
	pub trait Config: frame_system::Config + RestakingClock {
		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// The kind of asset a vault holds: valuations are keyed by it.
		type AssetKind: Parameter + MaxEncodedLen + MaybeSerializeDeserialize;

		/// Registered networks and their middleware: who may configure a subnetwork.
		type Networks: NetworkRegistry<Self::AccountId>;

		/// Registered operators.
		type Operators: OperatorRegistry<Self::AccountId>;

		/// Operators' opt-ins into networks, for open admission.
		type OptIns: OptIns<Self::AccountId, BlockNumberOf<Self>>;

		/// The vaults: their collateral, to value their stake.
		type Vaults: VaultsInspect<
			Self::AccountId,
			BlockNumberOf<Self>,
			AssetKind = Self::AssetKind,
		>;

		/// The stake each vault gives each (subnetwork, operator) at a block.
		type Stakes: StakeProvider<Self::AccountId, BlockNumberOf<Self>>;

		/// Slashes through a vault's own slasher, in the network's name.
		type Slasher: NetworkSlasher<Self::AccountId, BlockNumberOf<Self>>;

		/// Pays stakers and operators in the network's name.
		type Rewards: NetworkRewards<Self::AccountId, Self::AssetKind, BlockNumberOf<Self>>;

		/// Derives each network's middleware account: the account a network names as its
		/// registry middleware to let this pallet slash (and pay) in its name.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// The deposit an operator holds while it has a place in an operator list.
		type Consideration: Consideration<Self::AccountId, Footprint>;

		/// The most vaults a subnetwork accepts (including removed ones still inside the
		/// retention window).
		#[pallet::constant]
		type MaxVaultsPerSubnetwork: Get<u32>;

		/// The most operators in a subnetwork's list (including leaving ones still inside the
		/// retention window, until reaped).
		#[pallet::constant]
		type MaxOperatorsPerSubnetwork: Get<u32>;

		/// The most feeders of one collateral's price.
		#[pallet::constant]
		type MaxFeeders: Get<u32>;

		/// How far back power answers, in blocks: at least the vaults' histories (two epochs of
		/// the longest epoch plus the reward lookback). Older lookups fail with
		/// [`Error::HistoryPruned`].
		#[pallet::constant]
		type HistoryRetention: Get<BlockNumberOf<Self>>;

		/// Blocks between an operator's leave (or removal) and the end of its membership.
		#[pallet::constant]
		type LeaveDelay: Get<BlockNumberOf<Self>>;

		/// Blocks between a commission change and the block it applies from.
		#[pallet::constant]
		type CommissionDelay: Get<BlockNumberOf<Self>>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Sets up networks, operators and vaults with stake for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId, Self::AssetKind>;
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Subnetworks configured at genesis: accepted vaults, valuations set by the network, a
		/// policy. Their networks must be registered (the registry's genesis is built first).
		pub subnetworks: Vec<GenesisSubnetwork<T::AccountId, T::AssetKind>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for genesis in &self.subnetworks {
				Pallet::<T>::build_subnetwork(genesis).expect("a valid genesis subnetwork");
			}
		}
	}

	/// The vaults a subnetwork accepts, or accepted inside the retention window.
	#[pallet::storage]
	pub type AcceptedVaults<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		SubnetworkOf<T>,
		BoundedVec<VaultId, T::MaxVaultsPerSubnetwork>,
		ValueQuery,
	>;

	/// Whether a vault is accepted by a subnetwork, by block.
	#[pallet::storage]
	pub type VaultMembership<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		SubnetworkOf<T>,
		Twox64Concat,
		VaultId,
		MembershipOf<T>,
	>;

	/// How a subnetwork values a collateral now.
	#[pallet::storage]
	pub type Valuations<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		SubnetworkOf<T>,
		Blake2_128Concat,
		T::AssetKind,
		ValuationConfigOf<T>,
	>;

	/// Head of the valuation history of a collateral in a subnetwork ([`ValuationHistory`]).
	#[pallet::storage]
	pub type ValuationHeads<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		(SubnetworkOf<T>, T::AssetKind),
		TraceHead<BlockNumberOf<T>, ValuationPoint<BlockNumberOf<T>>>,
	>;

	/// Pages of the valuation histories.
	#[pallet::storage]
	pub type ValuationPages<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		(SubnetworkOf<T>, T::AssetKind),
		Twox64Concat,
		u32,
		Page<BlockNumberOf<T>, ValuationPoint<BlockNumberOf<T>>>,
	>;

	/// The valuation of a collateral in a subnetwork, by block: one entry per price update or
	/// configuration change, pruned past the retention window as it is written.
	pub type ValuationHistory<T> = PagedTrace<
		(SubnetworkOf<T>, <T as Config>::AssetKind),
		BlockNumberOf<T>,
		ValuationPoint<BlockNumberOf<T>>,
		ValuationHeads<T>,
		ValuationPages<T>,
	>;

	/// The feeders' latest posts of a collateral's price, one per feeder.
	#[pallet::storage]
	pub type Posts<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		SubnetworkOf<T>,
		Blake2_128Concat,
		T::AssetKind,
		PostsOf<T>,
		ValueQuery,
	>;

	/// A subnetwork's operator set policy, by block (the default policy until one is set).
	#[pallet::storage]
	pub type Policies<T: Config> =
		StorageMap<_, Blake2_128Concat, SubnetworkOf<T>, PolicyHistoryOf<T>>;

	/// Who may join a subnetwork's operator list.
	#[pallet::storage]
	pub type Admissions<T: Config> =
		StorageMap<_, Blake2_128Concat, SubnetworkOf<T>, Admission, ValueQuery>;

	/// The operators a subnetwork's allowlist admits.
	#[pallet::storage]
	pub type Allowlist<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, SubnetworkOf<T>, Blake2_128Concat, T::AccountId, ()>;

	/// The operators in a subnetwork's list: members, and former members inside the retention
	/// window until reaped.
	#[pallet::storage]
	pub type Operators<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		SubnetworkOf<T>,
		BoundedVec<T::AccountId, T::MaxOperatorsPerSubnetwork>,
		ValueQuery,
	>;

	/// Whether an operator is a member of a subnetwork's list, by block.
	#[pallet::storage]
	pub type OperatorMembership<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		SubnetworkOf<T>,
		Blake2_128Concat,
		T::AccountId,
		MembershipOf<T>,
	>;

	/// The deposit an operator holds for its place in a subnetwork's list.
	#[pallet::storage]
	pub type OperatorDeposits<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		SubnetworkOf<T>,
		Blake2_128Concat,
		T::AccountId,
		T::Consideration,
	>;

	/// An operator's commission in a subnetwork, by the block it applies from.
	#[pallet::storage]
	pub type Commissions<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		SubnetworkOf<T>,
		Blake2_128Concat,
		T::AccountId,
		CommissionHistoryOf<T>,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A subnetwork accepts a vault from block `from`.
		VaultAccepted { subnetwork: SubnetworkOf<T>, vault: VaultId, from: BlockNumberOf<T> },
		/// A subnetwork stops accepting a vault from block `from`.
		VaultRemoved { subnetwork: SubnetworkOf<T>, vault: VaultId, from: BlockNumberOf<T> },
		/// A subnetwork's valuation of a collateral was configured.
		ValuationSet {
			subnetwork: SubnetworkOf<T>,
			asset: T::AssetKind,
			config: ValuationConfigOf<T>,
		},
		/// A collateral's price changed: set by the network, or the median of the feeders' fresh
		/// posts; `clamped` when the maximum step cut the change.
		PriceUpdated {
			subnetwork: SubnetworkOf<T>,
			asset: T::AssetKind,
			price: Price,
			clamped: bool,
		},
		/// A feeder posted a price.
		PricePosted {
			subnetwork: SubnetworkOf<T>,
			asset: T::AssetKind,
			feeder: T::AccountId,
			price: Price,
		},
		/// A subnetwork's operator set policy changed.
		PolicySet { subnetwork: SubnetworkOf<T>, policy: OperatorSetPolicy },
		/// Who may join a subnetwork's operator list changed.
		AdmissionSet { subnetwork: SubnetworkOf<T>, admission: Admission },
		/// An operator was put on (`allowed`) or taken off a subnetwork's allowlist.
		AllowlistUpdated { subnetwork: SubnetworkOf<T>, operator: T::AccountId, allowed: bool },
		/// An operator joined a subnetwork's list from block `from`.
		OperatorJoined {
			subnetwork: SubnetworkOf<T>,
			operator: T::AccountId,
			from: BlockNumberOf<T>,
		},
		/// An operator leaves a subnetwork's list (by itself, or removed by the network) at block
		/// `until`.
		OperatorLeaving {
			subnetwork: SubnetworkOf<T>,
			operator: T::AccountId,
			until: BlockNumberOf<T>,
		},
		/// A former member's place and deposit were released.
		OperatorReaped { subnetwork: SubnetworkOf<T>, operator: T::AccountId },
		/// Part of a power slash went through a vault's slasher: `amount` of collateral (worth
		/// `power` at the capture), executed or requested as `outcome` says.
		VaultSlashed {
			subnetwork: SubnetworkOf<T>,
			operator: T::AccountId,
			vault: VaultId,
			power: u128,
			amount: u128,
			outcome: SlashOutcome,
		},
		/// Part of a power slash failed in a vault's slasher (`error`); the other vaults went on.
		VaultSlashFailed {
			subnetwork: SubnetworkOf<T>,
			operator: T::AccountId,
			vault: VaultId,
			amount: u128,
			error: DispatchError,
		},
		/// A power slash is done: `requested` power asked, `sent` the power of what the vaults'
		/// slashers took or recorded (never more than asked).
		PowerSlashed {
			subnetwork: SubnetworkOf<T>,
			operator: T::AccountId,
			capture: BlockNumberOf<T>,
			requested: u128,
			sent: u128,
		},
		/// A reward in power terms was paid: `amount` asked, `to_operators` as commissions,
		/// `to_stakers` to the vaults' stakers, and `dust` (rounding) left with the payer.
		RewardsDistributed {
			subnetwork: SubnetworkOf<T>,
			asset: T::AssetKind,
			snapshot: BlockNumberOf<T>,
			amount: u128,
			to_operators: u128,
			to_stakers: u128,
			dust: u128,
		},
		/// An operator's commission changes from block `from`.
		CommissionSet {
			subnetwork: SubnetworkOf<T>,
			operator: T::AccountId,
			commission: Perbill,
			from: BlockNumberOf<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The caller is neither the network nor its registry middleware. Configure a subnetwork
		/// from the network's account.
		NotNetwork,
		/// The vault does not exist.
		UnknownVault,
		/// The subnetwork already accepts the vault.
		AlreadyAccepted,
		/// The subnetwork does not accept the vault.
		NotAccepted,
		/// The subnetwork accepts `MaxVaultsPerSubnetwork` vaults (removed ones count until the
		/// retention window passes them). Remove one, or wait.
		TooManyVaults,
		/// Too many changes inside the retention window for this history. Wait for older ones to
		/// pass out of the window.
		TooManyChanges,
		/// A feeder list longer than `MaxFeeders`, a quorum of zero or above the feeders, or a
		/// feeder listed twice.
		InvalidFeeders,
		/// The collateral has no valuation in this subnetwork; set one first.
		NoValuation,
		/// The price comes from feeders; the network cannot set it directly.
		PriceFromFeeders,
		/// The caller is not one of the collateral's feeders.
		NotFeeder,
		/// A price of zero.
		ZeroPrice,
		/// The change is larger than the maximum step, and the policy refuses it.
		PriceStepTooLarge,
		/// A policy allowing more operators than `MaxOperatorsPerSubnetwork`, or none.
		InvalidPolicy,
		/// The caller is not a registered operator.
		NotOperator,
		/// The operator is not opted into the network (open admission) or not on the allowlist.
		NotAdmitted,
		/// The operator is already a member, or joining.
		AlreadyMember,
		/// The operator is not a member.
		NotMember,
		/// The list holds `MaxOperatorsPerSubnetwork` operators; reap former members or wait.
		TooManyOperators,
		/// The operator's membership has not yet passed out of the retention window.
		NotReapable,
		/// The allowlist already says so.
		AlreadySet,
		/// The network has not handed its registry middleware role to this pallet: name
		/// `middleware_account(network)` with `registry.set_middleware` first.
		NotDelegated,
		/// A slash of zero power, or a reward of zero.
		ZeroPower,
		/// A capture or snapshot at or after the current block: they are strictly in the past.
		InvalidCapture,
		/// The operator (or, for a reward, the operator set) had no power at the capture.
		NoPower,
		/// A lookup at a block in the future.
		FutureBlock,
		/// A lookup before the retention window.
		HistoryPruned,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			let windows = T::Vaults::windows();
			assert!(
				T::HistoryRetention::get() >= windows.max_history_span(),
				"HistoryRetention must cover the vaults' histories (two of the longest epochs \
				 plus the reward lookback): power is read where stake is"
			);
			assert!(
				T::MaxOperatorsPerSubnetwork::get() > 0 && T::MaxVaultsPerSubnetwork::get() > 0
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// The account a network names as its registry middleware to let this pallet slash and
		/// pay in its name.
		pub fn account_of(network: T::AccountId) -> T::AccountId {
			Self::middleware_account(&network)
		}

		/// The power of `operator` in `subnetwork` at block `at`, with each accepted vault's part.
		pub fn power_of(
			subnetwork: SubnetworkOf<T>,
			operator: T::AccountId,
			at: BlockNumberOf<T>,
		) -> Option<(u128, Vec<VaultPower>)> {
			Self::operator_power(&subnetwork, &operator, at).ok()
		}

		/// The operator set of `subnetwork` at block `at`.
		pub fn operator_set_at(
			subnetwork: SubnetworkOf<T>,
			at: BlockNumberOf<T>,
		) -> Option<OperatorSet<T::AccountId>> {
			Self::operator_set(&subnetwork, at).ok()
		}
	}
}
