// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The calls of the vaults pallet, a section of the pallet module: what each does, its origin, its errors and its events.

use frame_support::pallet_macros::pallet_section;

/// The calls of the vaults pallet, a section of the pallet module: what each does, its origin, its errors and its events.
#[pallet_section]
mod calls {
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
		///
		/// ## Dispatch Origin
		/// Signed by anyone: the creator.
		///
		/// ## Errors
		/// [`Error::UnknownCollateral`], [`Error::CollateralDenied`], [`Error::InvalidEpochDuration`],
		/// [`Error::InvalidSlasherParams`], [`Error::NotOperator`], [`Error::NotNetwork`],
		/// [`Error::DuplicateRoleHolder`], [`Error::MissingRoles`]; the deposit's hold and the
		/// reserve's transfer error if the creator cannot pay.
		///
		/// ## Events
		/// [`Event::VaultCreated`], and [`Event::RoleGranted`] per initial role holder.
		#[pallet::call_index(0)]
		#[pallet::weight(
			T::WeightInfo::create_vault().saturating_add(T::WeightInfo::open_asset_account())
		)]
		pub fn create_vault(origin: OriginFor<T>, config: VaultConfigOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_create_vault(&who, config).map(|_| ())
		}

		/// Deposits `amount` of collateral from the caller; the shares go to `on_behalf_of`.
		///
		/// ## Dispatch Origin
		/// Signed by the depositor (whitelisted, in whitelist mode).
		///
		/// ## Errors
		/// [`Error::UnknownVault`], [`Error::NotWhitelistedDepositor`], [`Error::InsufficientDeposit`],
		/// [`Error::VaultFullySlashed`], [`Error::DepositLimitReached`], [`Error::SharesOverflow`];
		/// the transfer errors if the caller cannot pay.
		///
		/// ## Events
		/// [`Event::Deposited`].
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
		///
		/// ## Dispatch Origin
		/// Signed by the share holder.
		///
		/// ## Errors
		/// [`Error::UnknownVault`], [`Error::InsufficientWithdrawal`], [`Error::TooMuchWithdraw`],
		/// [`Error::SharesOverflow`].
		///
		/// ## Events
		/// [`Event::Withdrawn`].
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
		///
		/// ## Dispatch Origin
		/// Signed by the share holder.
		///
		/// ## Errors
		/// [`Error::UnknownVault`], [`Error::TooMuchRedeem`], [`Error::InsufficientRedemption`],
		/// [`Error::SharesOverflow`].
		///
		/// ## Events
		/// [`Event::Withdrawn`].
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
		///
		/// ## Dispatch Origin
		/// Signed by the claimer named at the withdrawal.
		///
		/// ## Errors
		/// [`Error::UnknownVault`], [`Error::InvalidEpoch`] (not ended), [`Error::AlreadyClaimed`],
		/// [`Error::InsufficientClaim`]; the transfer errors if the vault account cannot pay.
		///
		/// ## Events
		/// [`Event::Claimed`].
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
		///
		/// ## Dispatch Origin
		/// Signed by the claimer named at the withdrawals.
		///
		/// ## Errors
		/// [`Error::UnknownVault`], [`Error::InvalidLengthEpochs`], and any error of [`Pallet::claim`]
		/// for one of the epochs.
		///
		/// ## Events
		/// [`Event::ClaimedBatch`].
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
		///
		/// ## Dispatch Origin
		/// Signed by the share holder.
		///
		/// ## Errors
		/// [`Error::UnknownVault`], [`Error::InsufficientShares`], [`Error::SharesOverflow`].
		///
		/// ## Events
		/// [`Event::SharesTransferred`].
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
		///
		/// ## Dispatch Origin
		/// Signed by a holder of [`Role::DepositWhitelistSetter`].
		///
		/// ## Errors
		/// [`Error::UnknownVault`], [`Error::MissingRole`], [`Error::AlreadySet`].
		///
		/// ## Events
		/// [`Event::DepositWhitelistSet`].
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
		///
		/// ## Dispatch Origin
		/// Signed by a holder of [`Role::DepositorWhitelister`].
		///
		/// ## Errors
		/// [`Error::UnknownVault`], [`Error::MissingRole`], [`Error::AlreadySet`].
		///
		/// ## Events
		/// [`Event::DepositorWhitelistStatusSet`].
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
		///
		/// ## Dispatch Origin
		/// Signed by a holder of [`Role::DepositLimitToggler`].
		///
		/// ## Errors
		/// [`Error::UnknownVault`], [`Error::MissingRole`], [`Error::AlreadySet`].
		///
		/// ## Events
		/// [`Event::IsDepositLimitSet`].
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
		///
		/// ## Dispatch Origin
		/// Signed by a holder of [`Role::DepositLimitSetter`].
		///
		/// ## Errors
		/// [`Error::UnknownVault`], [`Error::MissingRole`], [`Error::AlreadySet`].
		///
		/// ## Events
		/// [`Event::DepositLimitSet`].
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
		///
		/// ## Dispatch Origin
		/// Signed by a holder of [`Role::Admin`].
		///
		/// ## Errors
		/// [`Error::UnknownVault`], [`Error::MissingRole`], [`Error::AlreadySet`].
		///
		/// ## Events
		/// [`Event::RoleGranted`].
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
		///
		/// ## Dispatch Origin
		/// Signed by a holder of [`Role::Admin`].
		///
		/// ## Errors
		/// [`Error::UnknownVault`], [`Error::MissingRole`], [`Error::AlreadySet`].
		///
		/// ## Events
		/// [`Event::RoleRevoked`].
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
		///
		/// ## Dispatch Origin
		/// [`Config::AdminOrigin`].
		///
		/// ## Errors
		/// [`Error::AlreadySet`].
		///
		/// ## Events
		/// [`Event::CollateralDenied`].
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
		/// ## Dispatch Origin
		/// Signed by anyone.
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
		///
		/// ## Dispatch Origin
		/// Signed by a holder of [`Role::BurnerRouterSetter`].
		///
		/// ## Errors
		/// [`Error::UnknownVault`], [`Error::NotRouter`], [`Error::MissingRole`],
		/// [`Error::FallbackRequired`], [`Error::AlreadySet`].
		///
		/// ## Events
		/// [`Event::RouterReceiverSet`] (with the block it applies from), or
		/// [`Event::RouterReceiverChangeCancelled`].
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
		///
		/// ## Dispatch Origin
		/// [`Config::AdminOrigin`].
		///
		/// ## Errors
		/// [`Error::CollateralNotDenied`].
		///
		/// ## Events
		/// [`Event::CollateralAllowed`].
		#[pallet::call_index(14)]
		pub fn allow_collateral(origin: OriginFor<T>, asset: T::AssetKind) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			ensure!(DeniedCollateral::<T>::contains_key(&asset), Error::<T>::CollateralNotDenied);
			DeniedCollateral::<T>::remove(&asset);
			Self::deposit_event(Event::CollateralAllowed { asset });
			Ok(())
		}
	}
}
