// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The events and errors of the vaults pallet, a section of the pallet module.

use frame_support::pallet_macros::pallet_section;

/// The events and errors of the vaults pallet, a section of the pallet module.
#[pallet_section]
mod events {
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
}
