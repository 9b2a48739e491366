// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Deposits, withdrawals, redemptions, claims and share transfers (PROTOCOL 2.2-2.6).

use super::*;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_deposit(
		depositor: &T::AccountId,
		vault: VaultId,
		on_behalf_of: &T::AccountId,
		amount: u128,
	) -> Result<(u128, u128), DispatchError> {
		let info = Self::info(vault)?;
		if info.deposit_whitelist {
			ensure!(
				DepositorWhitelist::<T>::contains_key(vault, depositor),
				Error::<T>::NotWhitelistedDepositor
			);
		}
		ensure!(!amount.is_zero(), Error::<T>::InsufficientDeposit);
		let pool = Self::active_pool(vault);
		let ActivePool { stake: active, shares, .. } = pool;
		// Shares left over a zero stake would take the new deposit from whoever deposits.
		ensure!(!active.is_zero() || shares.is_zero(), Error::<T>::VaultFullySlashed);
		// The transfer comes before the limit, as the reference's `transferFrom` does: a
		// deposit beyond both the depositor's balance and the limit fails on the balance. The
		// call's storage layer undoes the transfer if a later check fails.
		Self::pull_deposit(&info.collateral, vault, depositor, amount)?;
		let new_active = active.checked_add(amount).ok_or(ArithmeticError::Overflow)?;
		if info.is_deposit_limit {
			ensure!(new_active <= info.deposit_limit, Error::<T>::DepositLimitReached);
		}
		let minted =
			to_shares(amount, active, shares, Rounding::Down).ok_or(Error::<T>::SharesOverflow)?;
		let new_shares = shares.checked_add(minted).ok_or(Error::<T>::SharesOverflow)?;
		let mine = Self::shares_of(vault, on_behalf_of);
		let new_mine = mine.checked_add(minted).ok_or(Error::<T>::SharesOverflow)?;

		let (now, horizon) = (Self::now(), Self::horizon(&info.clock));
		let pool = ActivePool { stake: new_active, shares: new_shares, ..pool };
		ActivePools::<T>::push(&vault, now, pool, horizon).map_err(trace_error)?;
		SharesOf::<T>::push(&(vault, on_behalf_of.clone()), now, new_mine, horizon)
			.map_err(trace_error)?;
		Self::deposit_event(Event::Deposited {
			vault,
			depositor: depositor.clone(),
			on_behalf_of: on_behalf_of.clone(),
			amount,
			shares: minted,
		});
		Ok((amount, minted))
	}

	pub(crate) fn do_withdraw(
		who: &T::AccountId,
		vault: VaultId,
		claimer: &T::AccountId,
		amount: u128,
	) -> Result<(u128, u128), DispatchError> {
		let info = Self::info(vault)?;
		ensure!(!amount.is_zero(), Error::<T>::InsufficientWithdrawal);
		let pools = Self::pools(vault, who);
		let burned = to_shares(amount, pools.pool.stake, pools.pool.shares, Rounding::Up)
			.ok_or(Error::<T>::TooMuchWithdraw)?;
		ensure!(burned <= pools.mine, Error::<T>::TooMuchWithdraw);
		Self::move_to_withdrawals(&info, vault, pools, who, claimer, amount, burned)
	}

	pub(crate) fn do_redeem(
		who: &T::AccountId,
		vault: VaultId,
		claimer: &T::AccountId,
		shares: u128,
	) -> Result<(u128, u128), DispatchError> {
		let info = Self::info(vault)?;
		let pools = Self::pools(vault, who);
		ensure!(shares <= pools.mine, Error::<T>::TooMuchRedeem);
		let assets = to_assets(shares, pools.pool.stake, pools.pool.shares, Rounding::Down)
			.ok_or(ArithmeticError::Overflow)?;
		ensure!(!assets.is_zero(), Error::<T>::InsufficientRedemption);
		Self::move_to_withdrawals(&info, vault, pools, who, claimer, assets, shares)
	}

	/// `A`, `S` (with what left `A` for the buckets) and `s[who]` now, read once per call.
	pub(crate) fn pools(vault: VaultId, who: &T::AccountId) -> Pools {
		Pools { pool: Self::active_pool(vault), mine: Self::shares_of(vault, who) }
	}

	/// PROTOCOL 2.6 "common path": burn `burned` active shares of `who`, move `assets` from `A`
	/// into the bucket of `cur + 1` and mint withdrawal shares for `claimer`.
	pub(crate) fn move_to_withdrawals(
		info: &VaultInfoOf<T>,
		vault: VaultId,
		pools: Pools,
		who: &T::AccountId,
		claimer: &T::AccountId,
		assets: u128,
		burned: u128,
	) -> Result<(u128, u128), DispatchError> {
		let epoch = Self::current_epoch(&info.clock)
			.checked_add(&One::one())
			.ok_or(ArithmeticError::Overflow)?;
		let bucket = WithdrawalBuckets::<T>::get(vault, epoch);
		let minted = to_shares(assets, bucket.amount, bucket.shares, Rounding::Down)
			.ok_or(Error::<T>::SharesOverflow)?;

		let pool = pools.pool;
		let active = pool.stake.checked_sub(assets).ok_or(ArithmeticError::Underflow)?;
		let shares = pool.shares.checked_sub(burned).ok_or(ArithmeticError::Underflow)?;
		let withdrawn = pool.withdrawn.checked_add(assets).ok_or(ArithmeticError::Overflow)?;
		let mine = pools.mine.checked_sub(burned).ok_or(Error::<T>::TooMuchWithdraw)?;
		let new_bucket = WithdrawalBucket {
			amount: bucket.amount.checked_add(assets).ok_or(ArithmeticError::Overflow)?,
			shares: bucket.shares.checked_add(minted).ok_or(Error::<T>::SharesOverflow)?,
		};
		let mut position = WithdrawalPositions::<T>::get((vault, epoch, claimer));
		position.shares = position.shares.checked_add(minted).ok_or(Error::<T>::SharesOverflow)?;

		let (now, horizon) = (Self::now(), Self::horizon(&info.clock));
		SharesOf::<T>::push(&(vault, who.clone()), now, mine, horizon).map_err(trace_error)?;
		ActivePools::<T>::push(
			&vault,
			now,
			ActivePool { stake: active, shares, withdrawn },
			horizon,
		)
		.map_err(trace_error)?;
		WithdrawalBuckets::<T>::insert(vault, epoch, new_bucket);
		WithdrawalPositions::<T>::insert((vault, epoch, claimer), position);
		Self::deposit_event(Event::Withdrawn {
			vault,
			withdrawer: who.clone(),
			claimer: claimer.clone(),
			amount: assets,
			burned_shares: burned,
			withdrawal_shares: minted,
			epoch,
		});
		Ok((burned, minted))
	}

	/// Marks `who`'s position in `epoch` paid and returns its amount (not yet transferred).
	pub(crate) fn take_claim(
		info: &VaultInfoOf<T>,
		vault: VaultId,
		who: &T::AccountId,
		epoch: BlockNumberOf<T>,
	) -> Result<u128, DispatchError> {
		ensure!(epoch < Self::current_epoch(&info.clock), Error::<T>::InvalidEpoch);
		let mut position = WithdrawalPositions::<T>::get((vault, epoch, who));
		ensure!(!position.claimed, Error::<T>::AlreadyClaimed);
		let amount = WithdrawalBuckets::<T>::get(vault, epoch)
			.assets_of(position.shares)
			.ok_or(ArithmeticError::Overflow)?;
		ensure!(!amount.is_zero(), Error::<T>::InsufficientClaim);
		position.claimed = true;
		WithdrawalPositions::<T>::insert((vault, epoch, who), position);
		Ok(amount)
	}

	pub(crate) fn do_claim(
		who: &T::AccountId,
		vault: VaultId,
		recipient: &T::AccountId,
		epoch: BlockNumberOf<T>,
	) -> Result<u128, DispatchError> {
		let info = Self::info(vault)?;
		let amount = Self::take_claim(&info, vault, who, epoch)?;
		Self::pay_out(&info, vault, recipient, amount)?;
		Self::deposit_event(Event::Claimed {
			vault,
			claimer: who.clone(),
			recipient: recipient.clone(),
			epoch,
			amount,
		});
		Ok(amount)
	}

	pub(crate) fn do_claim_batch(
		who: &T::AccountId,
		vault: VaultId,
		recipient: &T::AccountId,
		epochs: BoundedVec<BlockNumberOf<T>, T::MaxClaimBatch>,
	) -> Result<u128, DispatchError> {
		let info = Self::info(vault)?;
		ensure!(!epochs.is_empty(), Error::<T>::InvalidLengthEpochs);
		let mut total: u128 = 0;
		for epoch in epochs.iter() {
			let amount = Self::take_claim(&info, vault, who, *epoch)?;
			total = total.checked_add(amount).ok_or(ArithmeticError::Overflow)?;
		}
		Self::pay_out(&info, vault, recipient, total)?;
		Self::deposit_event(Event::ClaimedBatch {
			vault,
			claimer: who.clone(),
			recipient: recipient.clone(),
			epochs,
			amount: total,
		});
		Ok(total)
	}

	/// Moves `shares` active shares from `from` to `to`, writing both share histories. The entry
	/// point for other pallets (the `transfer_shares` call uses it too).
	pub fn do_transfer_shares(
		vault: VaultId,
		from: &T::AccountId,
		to: &T::AccountId,
		shares: u128,
	) -> DispatchResult {
		let info = Self::info(vault)?;
		ensure!(!shares.is_zero(), Error::<T>::InsufficientShares);
		let from_balance = Self::shares_of(vault, from)
			.checked_sub(shares)
			.ok_or(Error::<T>::InsufficientShares)?;
		if from != to {
			let to_balance = Self::shares_of(vault, to)
				.checked_add(shares)
				.ok_or(Error::<T>::SharesOverflow)?;
			let (now, horizon) = (Self::now(), Self::horizon(&info.clock));
			SharesOf::<T>::push(&(vault, from.clone()), now, from_balance, horizon)
				.map_err(trace_error)?;
			SharesOf::<T>::push(&(vault, to.clone()), now, to_balance, horizon)
				.map_err(trace_error)?;
		}
		Self::deposit_event(Event::SharesTransferred {
			vault,
			from: from.clone(),
			to: to.clone(),
			shares,
		});
		Ok(())
	}
}
