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

// The pallet macros expand storage, error and genesis items with paths that the
// `unused_qualifications` lint flags; the flagged code is generated, not ours.
#[allow(unused_qualifications)]
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
		paged_trace::{PagedTrace, TraceHead},
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
		/// Vaults to create, in order (ids 0, 1, ...): creator (who also becomes the admin and
		/// pays the deposit and reserve), collateral, epoch length in blocks, and initial deposits
		/// (depositor, amount).
		pub vaults: alloc::vec::Vec<(
			T::AccountId,
			T::AssetKind,
			u32,
			alloc::vec::Vec<(T::AccountId, u128)>,
		)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (creator, collateral, epoch_duration, deposits) in &self.vaults {
				let config = VaultConfig {
					collateral: collateral.clone(),
					epoch_duration: (*epoch_duration).into(),
					delegator: DelegatorKind::NetworkRestake,
					slasher: SlasherKind::Instant,
					burner: Burner::Burn,
					deposit_whitelist: false,
					is_deposit_limit: false,
					deposit_limit: 0,
					roles: BoundedVec::truncate_from(alloc::vec![(Role::Admin, creator.clone())]),
				};
				let vault = Pallet::<T>::do_create_vault(creator, config)
					.expect("genesis vaults use existing collateral their creators can pay; qed");
				for (depositor, amount) in deposits {
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

	/// Head of the active stake history `A` of each vault.
	#[pallet::storage]
	pub type ActiveStakeHead<T: Config> =
		StorageMap<_, Twox64Concat, VaultId, TraceHead<BlockNumberOf<T>>>;
	/// Entries of the active stake history `A`.
	#[pallet::storage]
	pub type ActiveStakePoints<T: Config> =
		StorageDoubleMap<_, Twox64Concat, VaultId, Twox64Concat, u32, (BlockNumberOf<T>, u128)>;

	/// Head of the active shares history `S` of each vault.
	#[pallet::storage]
	pub type ActiveSharesHead<T: Config> =
		StorageMap<_, Twox64Concat, VaultId, TraceHead<BlockNumberOf<T>>>;
	/// Entries of the active shares history `S`.
	#[pallet::storage]
	pub type ActiveSharesPoints<T: Config> =
		StorageDoubleMap<_, Twox64Concat, VaultId, Twox64Concat, u32, (BlockNumberOf<T>, u128)>;

	/// Head of each account's active shares history `s[a]` in each vault.
	#[pallet::storage]
	pub type SharesOfHead<T: Config> =
		StorageMap<_, Blake2_128Concat, (VaultId, T::AccountId), TraceHead<BlockNumberOf<T>>>;
	/// Entries of the account share histories `s[a]`.
	#[pallet::storage]
	pub type SharesOfPoints<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		(VaultId, T::AccountId),
		Twox64Concat,
		u32,
		(BlockNumberOf<T>, u128),
	>;

	/// Collateral in the withdrawal bucket of an epoch, `W[e]`: claimable once epoch `e` ends.
	#[pallet::storage]
	pub type Withdrawals<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		VaultId,
		Twox64Concat,
		BlockNumberOf<T>,
		u128,
		ValueQuery,
	>;

	/// Withdrawal shares of an epoch's bucket, `WS[e]`.
	#[pallet::storage]
	pub type WithdrawalShares<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		VaultId,
		Twox64Concat,
		BlockNumberOf<T>,
		u128,
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

	/// The active stake history of a vault.
	pub type ActiveStake<T> =
		PagedTrace<VaultId, BlockNumberOf<T>, u128, ActiveStakeHead<T>, ActiveStakePoints<T>>;
	/// The active shares history of a vault.
	pub type ActiveShares<T> =
		PagedTrace<VaultId, BlockNumberOf<T>, u128, ActiveSharesHead<T>, ActiveSharesPoints<T>>;
	/// The active shares history of an account in a vault.
	pub type SharesOf<T> = PagedTrace<
		(VaultId, <T as frame_system::Config>::AccountId),
		BlockNumberOf<T>,
		u128,
		SharesOfHead<T>,
		SharesOfPoints<T>,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A vault was created.
		VaultCreated {
			/// The vault.
			vault: VaultId,
			/// Who created it.
			creator: T::AccountId,
			/// Its collateral.
			collateral: T::AssetKind,
			/// The account that holds its collateral.
			account: T::AccountId,
		},
		/// Collateral was deposited and shares minted.
		Deposited {
			/// The vault.
			vault: VaultId,
			/// Who paid.
			depositor: T::AccountId,
			/// Who got the shares.
			on_behalf_of: T::AccountId,
			/// Collateral deposited.
			amount: u128,
			/// Shares minted.
			shares: u128,
		},
		/// Active collateral moved into the next epoch's withdrawal bucket (by `withdraw` or
		/// `redeem`). It stays slashable until claimable.
		Withdrawn {
			/// The vault.
			vault: VaultId,
			/// Whose shares were burned.
			withdrawer: T::AccountId,
			/// Who may claim.
			claimer: T::AccountId,
			/// Collateral moved.
			amount: u128,
			/// Active shares burned.
			burned_shares: u128,
			/// Withdrawal shares minted in the bucket.
			withdrawal_shares: u128,
			/// The bucket's epoch: claimable once it ends.
			epoch: BlockNumberOf<T>,
		},
		/// A withdrawal was paid.
		Claimed {
			/// The vault.
			vault: VaultId,
			/// Who claimed.
			claimer: T::AccountId,
			/// Who received the collateral.
			recipient: T::AccountId,
			/// The bucket's epoch.
			epoch: BlockNumberOf<T>,
			/// Collateral paid.
			amount: u128,
		},
		/// Several withdrawals were paid at once.
		ClaimedBatch {
			/// The vault.
			vault: VaultId,
			/// Who claimed.
			claimer: T::AccountId,
			/// Who received the collateral.
			recipient: T::AccountId,
			/// The buckets' epochs.
			epochs: BoundedVec<BlockNumberOf<T>, T::MaxClaimBatch>,
			/// Collateral paid in total.
			amount: u128,
		},
		/// Collateral was slashed and moved to the vault's burner.
		Slashed {
			/// The vault.
			vault: VaultId,
			/// The network that slashed.
			network: T::AccountId,
			/// The operator slashed.
			operator: T::AccountId,
			/// Where the collateral went (`None`: burned).
			receiver: Option<T::AccountId>,
			/// What the slasher asked for.
			requested: u128,
			/// The block of the stake captured.
			capture: BlockNumberOf<T>,
			/// What was moved: at most what the vault held at risk.
			slashed: u128,
			/// Whether the collateral could not reach the burner now (the vault account is
			/// frozen, or the receiver cannot take it yet): the loss applies, and the collateral
			/// is owed to the burner until `release_slashed`.
			deferred: bool,
		},
		/// Slashed collateral owed to the burner left the vault.
		SlashedReleased {
			/// The vault.
			vault: VaultId,
			/// Where it went (`None`: burned).
			receiver: Option<T::AccountId>,
			/// Collateral moved.
			amount: u128,
		},
		/// Active shares moved between accounts.
		SharesTransferred {
			/// The vault.
			vault: VaultId,
			/// From.
			from: T::AccountId,
			/// To.
			to: T::AccountId,
			/// Shares moved.
			shares: u128,
		},
		/// The depositor whitelist was turned on or off.
		DepositWhitelistSet {
			/// The vault.
			vault: VaultId,
			/// On or off.
			enabled: bool,
		},
		/// An account was added to or removed from the depositor whitelist.
		DepositorWhitelistStatusSet {
			/// The vault.
			vault: VaultId,
			/// The account.
			account: T::AccountId,
			/// Whitelisted or not.
			status: bool,
		},
		/// The deposit limit was turned on or off.
		IsDepositLimitSet {
			/// The vault.
			vault: VaultId,
			/// On or off.
			enabled: bool,
		},
		/// The deposit limit was changed.
		DepositLimitSet {
			/// The vault.
			vault: VaultId,
			/// The new limit.
			limit: u128,
		},
		/// A role was granted.
		RoleGranted {
			/// The vault.
			vault: VaultId,
			/// The role.
			role: Role,
			/// The new holder.
			account: T::AccountId,
		},
		/// A role was revoked.
		RoleRevoked {
			/// The vault.
			vault: VaultId,
			/// The role.
			role: Role,
			/// The former holder.
			account: T::AccountId,
		},
		/// A router burner's receiver on a route was changed; the change applies at `effective_at`
		/// (the receiver in force stays until then).
		RouterReceiverSet {
			/// The vault.
			vault: VaultId,
			/// The route.
			route: Route<T::AccountId>,
			/// The new receiver (`None`: the route defers to the next one).
			receiver: Option<T::AccountId>,
			/// The block from which it applies.
			effective_at: BlockNumberOf<T>,
		},
		/// A pending router receiver change was withdrawn by setting the receiver in force again.
		RouterReceiverChangeCancelled {
			/// The vault.
			vault: VaultId,
			/// The route.
			route: Route<T::AccountId>,
		},
		/// New vaults may no longer use this collateral (existing ones are unaffected).
		CollateralDenied {
			/// The asset.
			asset: T::AssetKind,
		},
		/// New vaults may use this collateral again.
		CollateralAllowed {
			/// The asset.
			asset: T::AssetKind,
		},
	}

	#[pallet::error]
	#[derive(PartialEq)]
	pub enum Error<T> {
		/// No vault has this id.
		UnknownVault,
		/// The collateral asset does not exist; create it in `pallet-assets` first.
		UnknownCollateral,
		/// Governance deny-listed this collateral for new vaults.
		CollateralDenied,
		/// The collateral is not deny-listed.
		CollateralNotDenied,
		/// The epoch length is outside `[MinEpochDuration, MaxEpochDuration]`.
		InvalidEpochDuration,
		/// The veto duration is not shorter than the epoch, or the resolver delay is below 3
		/// epochs.
		InvalidSlasherParams,
		/// With no admin, the whitelist, deposit-limit or delegator-limit settings could never be
		/// changed or would be dead (PROTOCOL 2.3 and 3.1): name an admin or the matching role
		/// holders.
		MissingRoles,
		/// The operator an operator-specific vault names is not a registered operator.
		NotOperator,
		/// The network a network-and-operator-specific vault names is not a registered network.
		NotNetwork,
		/// An initial role holder is listed twice for the same role.
		DuplicateRoleHolder,
		/// The caller does not hold the role this call needs.
		MissingRole,
		/// The new value equals the current one.
		AlreadySet,
		/// The vault is in whitelist mode and the caller is not whitelisted.
		NotWhitelistedDepositor,
		/// A deposit of zero.
		InsufficientDeposit,
		/// The deposit would take active stake above the vault's deposit limit.
		DepositLimitReached,
		/// The vault's active stake was slashed to zero while shares remain: a deposit would be
		/// taken by the existing holders. Deposit into another vault.
		VaultFullySlashed,
		/// The shares would exceed what the vault can count.
		SharesOverflow,
		/// A withdrawal of zero.
		InsufficientWithdrawal,
		/// The withdrawal needs more shares than the caller holds.
		TooMuchWithdraw,
		/// The caller holds fewer shares than it asked to redeem.
		TooMuchRedeem,
		/// The shares redeemed are worth less than one unit of collateral.
		InsufficientRedemption,
		/// The epoch has not ended: its withdrawals are not claimable yet (they are after
		/// `start + (epoch + 1) · duration`).
		InvalidEpoch,
		/// The caller already claimed this epoch.
		AlreadyClaimed,
		/// The caller has nothing to claim in this epoch.
		InsufficientClaim,
		/// `claim_batch` got no epochs.
		InvalidLengthEpochs,
		/// The caller holds fewer shares than it asked to transfer, or asked to transfer zero.
		InsufficientShares,
		/// The capture block is before the vault existed.
		InvalidCaptureBlock,
		/// The capture block is neither in the current nor in the previous epoch of the vault.
		InvalidCaptureEpoch,
		/// A lookup asked for a block that has not happened yet.
		FutureBlock,
		/// A lookup asked for a block older than the history kept.
		HistoryPruned,
		/// No slashed collateral is waiting to leave this vault for this destination.
		NothingToRelease,
		/// The vault's burner is not a router.
		NotRouter,
		/// A router's fallback cannot be removed.
		FallbackRequired,
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Creates a vault with `config`. Anyone may create one over any existing collateral that
		/// is not deny-listed. The creator pays the creation deposit (on hold) and the vault
		/// account's keep-alive reserve (the collateral's minimum balance, plus the native
		/// existential deposit when the collateral is another asset), which is never stake. If
		/// the vault account cannot open an account for the collateral by itself (anyone may
		/// have sent junk assets to it in advance, using up its consumer references), the
		/// creator also pays the collateral's asset-account deposit (`AccountTouch`), held for
		/// the vault's life.
		#[pallet::call_index(0)]
		#[pallet::weight(
			T::WeightInfo::create_vault().saturating_add(T::WeightInfo::open_asset_account())
		)]
		pub fn create_vault(origin: OriginFor<T>, config: VaultConfigOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_create_vault(&who, config).map(|_| ())
		}

		/// Deposits `amount` of collateral from the caller; the shares go to `on_behalf_of`.
		#[pallet::call_index(1)]
		pub fn deposit(
			origin: OriginFor<T>,
			vault: VaultId,
			on_behalf_of: T::AccountId,
			amount: u128,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_deposit(&who, vault, &on_behalf_of, amount).map(|_| ())
		}

		/// Moves `amount` of the caller's active collateral into the next epoch's withdrawal
		/// bucket, burning the shares it is worth (rounded up). `claimer` may claim it once that
		/// epoch ends.
		#[pallet::call_index(2)]
		pub fn withdraw(
			origin: OriginFor<T>,
			vault: VaultId,
			claimer: T::AccountId,
			amount: u128,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw(&who, vault, &claimer, amount).map(|_| ())
		}

		/// Burns `shares` of the caller's active shares and moves what they are worth (rounded
		/// down) into the next epoch's withdrawal bucket for `claimer`.
		#[pallet::call_index(3)]
		pub fn redeem(
			origin: OriginFor<T>,
			vault: VaultId,
			claimer: T::AccountId,
			shares: u128,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_redeem(&who, vault, &claimer, shares).map(|_| ())
		}

		/// Pays the caller's withdrawal from the bucket of `epoch` (which must have ended) to
		/// `recipient`.
		#[pallet::call_index(4)]
		pub fn claim(
			origin: OriginFor<T>,
			vault: VaultId,
			recipient: T::AccountId,
			epoch: BlockNumberOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_claim(&who, vault, &recipient, epoch).map(|_| ())
		}

		/// Pays the caller's withdrawals from several ended epochs at once; any failing epoch
		/// (a duplicate included) fails the whole call.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::claim_batch(epochs.len() as u32))]
		pub fn claim_batch(
			origin: OriginFor<T>,
			vault: VaultId,
			recipient: T::AccountId,
			epochs: BoundedVec<BlockNumberOf<T>, T::MaxClaimBatch>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_claim_batch(&who, vault, &recipient, epochs).map(|_| ())
		}

		/// Moves `shares` active shares of the caller to `to`. Both share histories are updated,
		/// so stake and reward snapshots follow the holder.
		#[pallet::call_index(6)]
		pub fn transfer_shares(
			origin: OriginFor<T>,
			vault: VaultId,
			to: T::AccountId,
			shares: u128,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_transfer_shares(vault, &who, &to, shares)
		}

		/// Turns the depositor whitelist on or off. Needs [`Role::DepositWhitelistSetter`].
		#[pallet::call_index(7)]
		pub fn set_deposit_whitelist(
			origin: OriginFor<T>,
			vault: VaultId,
			enabled: bool,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_deposit_whitelist(&who, vault, enabled)
		}

		/// Adds `account` to (`true`) or removes it from (`false`) the depositor whitelist.
		/// Needs [`Role::DepositorWhitelister`].
		#[pallet::call_index(8)]
		pub fn set_depositor_whitelist_status(
			origin: OriginFor<T>,
			vault: VaultId,
			account: T::AccountId,
			status: bool,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_depositor_whitelist_status(&who, vault, account, status)
		}

		/// Turns the deposit limit on or off. Needs [`Role::DepositLimitToggler`].
		#[pallet::call_index(9)]
		pub fn set_is_deposit_limit(
			origin: OriginFor<T>,
			vault: VaultId,
			enabled: bool,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_is_deposit_limit(&who, vault, enabled)
		}

		/// Sets the deposit limit; a limit below the active stake only blocks new deposits.
		/// Needs [`Role::DepositLimitSetter`].
		#[pallet::call_index(10)]
		pub fn set_deposit_limit(
			origin: OriginFor<T>,
			vault: VaultId,
			limit: u128,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_deposit_limit(&who, vault, limit)
		}

		/// Grants `role` of `vault` to `account`. Needs [`Role::Admin`].
		#[pallet::call_index(11)]
		pub fn grant_role(
			origin: OriginFor<T>,
			vault: VaultId,
			role: Role,
			account: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_role(&who, vault, role, account, true)
		}

		/// Revokes `role` of `vault` from `account`. Needs [`Role::Admin`].
		#[pallet::call_index(12)]
		pub fn revoke_role(
			origin: OriginFor<T>,
			vault: VaultId,
			role: Role,
			account: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_role(&who, vault, role, account, false)
		}

		/// Deny-lists `asset` as collateral of new vaults. Existing vaults keep working.
		#[pallet::call_index(13)]
		pub fn deny_collateral(origin: OriginFor<T>, asset: T::AssetKind) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			ensure!(!DeniedCollateral::<T>::contains_key(&asset), Error::<T>::AlreadySet);
			DeniedCollateral::<T>::insert(&asset, ());
			Self::deposit_event(Event::CollateralDenied { asset });
			Ok(())
		}

		/// Moves slashed collateral that could not reach the burner when it was slashed (the
		/// vault account was frozen, or the receiver could not take it) to the destination chosen
		/// at the slash (`receiver`, or `None` for collateral to burn; see `PendingSlashed`).
		/// Anyone may call it. If the receiver has no account for the collateral and cannot
		/// open one by itself (say, its consumer references are used up), the caller opens it
		/// with the asset's account deposit (`AccountTouch`), which stays the caller's.
		///
		/// ## Errors
		/// [`Error::UnknownVault`], [`Error::NothingToRelease`]; a transfer error (nothing
		/// changes) while the vault account is still frozen or the receiver still cannot take
		/// it.
		///
		/// ## Events
		/// [`Event::SlashedReleased`].
		#[pallet::call_index(15)]
		#[pallet::weight(
			T::WeightInfo::release_slashed().saturating_add(T::WeightInfo::open_asset_account())
		)]
		pub fn release_slashed(
			origin: OriginFor<T>,
			vault: VaultId,
			receiver: Option<T::AccountId>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_release_slashed(&who, vault, receiver)
		}

		/// Changes the receiver of a router burner on `route` (`None` removes the route, so its
		/// slashes go to the next one; the fallback cannot be removed). The change applies
		/// after the router's delay; until then the receiver in force stays. Setting the
		/// receiver in force again cancels a pending change. Needs
		/// [`Role::BurnerRouterSetter`].
		#[pallet::call_index(16)]
		pub fn set_router_receiver(
			origin: OriginFor<T>,
			vault: VaultId,
			route: Route<T::AccountId>,
			receiver: Option<T::AccountId>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_router_receiver(&who, vault, route, receiver)
		}

		/// Lifts the deny-listing of `asset`.
		#[pallet::call_index(14)]
		pub fn allow_collateral(origin: OriginFor<T>, asset: T::AssetKind) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			ensure!(DeniedCollateral::<T>::contains_key(&asset), Error::<T>::CollateralNotDenied);
			DeniedCollateral::<T>::remove(&asset);
			Self::deposit_event(Event::CollateralAllowed { asset });
			Ok(())
		}
	}

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
