// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The calls of the rewards pallet, a section of the pallet module: what each does, its origin, its errors and its events.

use frame_support::pallet_macros::pallet_section;

/// The calls of the rewards pallet, a section of the pallet module: what each does, its origin, its errors and its events.
#[pallet_section]
mod calls {
	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Distributes `amount` of `asset` to the stakers of `vault`, pro rata to their active
		/// shares at block `snapshot` (strictly in the past, at most `MaxSnapshotAge` blocks
		/// back), after the vault's curator fee, which must not exceed `max_admin_fee` (basis
		/// points). Stakers can claim it for `ClaimWindow` blocks from now. The caller must be
		/// `network`'s middleware and pays `amount` (plus, the first time an asset is paid, the
		/// pallet account's minimum balance of it, and its asset-account deposit if the pallet
		/// account cannot open one by itself). Removes up to two expired distributions of the
		/// same list first.
		///
		/// ## Dispatch Origin
		/// Signed by `network`'s middleware.
		///
		/// ## Errors
		/// [`Error::NotNetworkMiddleware`], [`Error::UnknownVault`],
		/// [`Error::InsufficientReward`], [`Error::HighAdminFee`], [`Error::InvalidSnapshot`],
		/// [`Error::NoStakeAtSnapshot`], [`Error::TooManyDistributions`]; the payment errors if
		/// the caller cannot pay, and a snapshot the share histories cannot answer errors with
		/// the vaults pallet's `HistoryPruned`.
		///
		/// ## Events
		/// [`Event::StakerRewardsDistributed`], and [`Event::DistributionExpired`] per expired
		/// distribution removed.
		#[pallet::call_index(0)]
		#[pallet::weight(Pallet::<T>::distribute_weight())]
		pub fn distribute_staker_rewards(
			origin: OriginFor<T>,
			vault: VaultId,
			network: T::AccountId,
			asset: T::AssetKind,
			amount: u128,
			snapshot: BlockNumberOf<T>,
			max_admin_fee: u32,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_distribute_staker_rewards(
				&who,
				&who,
				vault,
				network,
				asset,
				amount,
				snapshot,
				max_admin_fee,
			)
		}

		/// Claims the caller's rewards from up to `max` distributions of (vault, network, asset),
		/// in order, paying them to `recipient`. Expired distributions are passed over and pay
		/// nothing. A claim that pays nothing is refused (`NoRewardsToClaim`) unless the caller
		/// holds shares of the vault or has claimed before: moving past distributions it had no
		/// part in is for stakers, not free storage for anyone.
		///
		/// ## Dispatch Origin
		/// Signed by the staker.
		///
		/// ## Errors
		/// [`Error::InvalidClaimCount`] (`max` zero or above `MaxClaimBatch`),
		/// [`Error::NoRewardsToClaim`].
		///
		/// ## Events
		/// [`Event::StakerRewardsClaimed`].
		#[pallet::call_index(1)]
		#[pallet::weight(Pallet::<T>::claim_weight((*max).min(T::MaxClaimBatch::get())))]
		pub fn claim_staker_rewards(
			origin: OriginFor<T>,
			vault: VaultId,
			network: T::AccountId,
			asset: T::AssetKind,
			recipient: T::AccountId,
			max: u32,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_claim_staker_rewards(&who, vault, network, asset, recipient, max)
		}

		/// Sets the curator fee of `vault` in basis points (at most 10 000). Needs
		/// `Role::AdminFeeSetter` in the vault.
		///
		/// ## Dispatch Origin
		/// Signed by a holder of `Role::AdminFeeSetter` in the vault.
		///
		/// ## Errors
		/// [`Error::UnknownVault`], [`Error::MissingRole`], [`Error::InvalidAdminFee`],
		/// [`Error::AlreadySet`].
		///
		/// ## Events
		/// [`Event::AdminFeeSet`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_admin_fee())]
		pub fn set_admin_fee(origin: OriginFor<T>, vault: VaultId, fee: u32) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_admin_fee(&who, vault, fee)
		}

		/// Pays the curator fees of `asset` accrued in `vault` to `recipient`. Needs
		/// `Role::AdminFeeClaimer` in the vault.
		///
		/// ## Dispatch Origin
		/// Signed by a holder of `Role::AdminFeeClaimer` in the vault.
		///
		/// ## Errors
		/// [`Error::UnknownVault`], [`Error::MissingRole`], [`Error::InsufficientAdminFee`].
		///
		/// ## Events
		/// [`Event::AdminFeeClaimed`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::claim_admin_fee())]
		pub fn claim_admin_fee(
			origin: OriginFor<T>,
			vault: VaultId,
			asset: T::AssetKind,
			recipient: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_claim_admin_fee(&who, vault, asset, recipient)
		}

		/// Credits each listed operator its amount of `asset`, paid now by the caller, which
		/// must be `network`'s middleware.
		///
		/// ## Dispatch Origin
		/// Signed by `network`'s middleware.
		///
		/// ## Errors
		/// [`Error::NotNetworkMiddleware`], [`Error::NoOperators`],
		/// [`Error::DuplicateOperator`], [`Error::InsufficientReward`] (nothing to pay); the
		/// payment errors if the caller cannot pay.
		///
		/// ## Events
		/// [`Event::OperatorRewardsDistributed`].
		#[pallet::call_index(4)]
		#[pallet::weight(Pallet::<T>::listed_weight(payouts.len() as u32))]
		pub fn distribute_operator_rewards(
			origin: OriginFor<T>,
			network: T::AccountId,
			asset: T::AssetKind,
			payouts: BoundedVec<(T::AccountId, u128), T::MaxOperatorPayouts>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_distribute_operator_rewards(&who, network, asset, payouts)
		}

		/// Credits `amount` of `asset` to the listed operators, pro rata to the stake each had in
		/// `subnetwork` from `vault` at block `snapshot` (strictly in the past). The caller must
		/// be the middleware of the subnetwork's network; it pays what is credited (rounding
		/// dust is not taken).
		///
		/// ## Dispatch Origin
		/// Signed by the middleware of the subnetwork's network.
		///
		/// ## Errors
		/// [`Error::NotNetworkMiddleware`], [`Error::UnknownVault`],
		/// [`Error::InsufficientReward`], [`Error::InvalidSnapshot`], [`Error::NoOperators`],
		/// [`Error::DuplicateOperator`], [`Error::NoOperatorStake`]; the payment errors if the
		/// caller cannot pay, and a stake lookup the histories cannot answer errors with
		/// `HistoryPruned`.
		///
		/// ## Events
		/// [`Event::OperatorRewardsDistributed`].
		#[pallet::call_index(5)]
		#[pallet::weight(Pallet::<T>::by_stake_weight(operators.len() as u32))]
		pub fn distribute_operator_rewards_by_stake(
			origin: OriginFor<T>,
			vault: VaultId,
			subnetwork: SubnetworkOf<T>,
			asset: T::AssetKind,
			amount: u128,
			snapshot: BlockNumberOf<T>,
			operators: BoundedVec<T::AccountId, T::MaxOperatorPayouts>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_distribute_by_stake(
				&who, vault, subnetwork, asset, amount, snapshot, operators,
			)
		}

		/// Pays the caller (an operator) its rewards of `asset` from `network` to `recipient`.
		///
		/// ## Dispatch Origin
		/// Signed by the operator credited.
		///
		/// ## Errors
		/// [`Error::NoOperatorRewards`].
		///
		/// ## Events
		/// [`Event::OperatorRewardsClaimed`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::claim_operator_rewards())]
		pub fn claim_operator_rewards(
			origin: OriginFor<T>,
			network: T::AccountId,
			asset: T::AssetKind,
			recipient: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_claim_operator_rewards(&who, network, asset, recipient)
		}

		/// Removes the oldest distribution of (vault, network, asset) once its claim window has
		/// ended, giving what stakers did not claim back to the network.
		///
		/// ## Dispatch Origin
		/// Signed by anyone.
		///
		/// ## Errors
		/// [`Error::NotExpired`] (the oldest distribution is still claimable, or there is none).
		///
		/// ## Events
		/// [`Event::DistributionExpired`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::expire_distribution())]
		pub fn expire_distribution(
			origin: OriginFor<T>,
			vault: VaultId,
			network: T::AccountId,
			asset: T::AssetKind,
		) -> DispatchResult {
			ensure_signed(origin)?;
			ensure!(Self::expire_oldest(&(vault, network, asset))?, Error::<T>::NotExpired);
			Ok(())
		}
	}
}
