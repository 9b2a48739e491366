// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The logic behind the calls, the slashing entry point and the views.
//!
//! Notation of PROTOCOL 2: `A` active stake, `S` active shares, `s[a]` an account's shares,
//! `W[e]` / `WS[e]` the collateral / shares of epoch `e`'s withdrawal bucket, `cur` the current
//! epoch. Rounding always favours the vault: minted shares and paid assets round down, burned
//! shares round up.

use crate::*;
use codec::MaxEncodedLen;
use frame_support::{
	defensive, ensure,
	pallet_prelude::*,
	traits::{
		fungibles::{Inspect, Mutate},
		tokens::{Fortitude, Precision, Preservation},
		Consideration, Footprint,
	},
};
use rampart_primitives::{
	checkpoints::TraceError,
	epochs::EpochClock,
	shares::{split_slash, to_assets, to_shares},
	traits::{ensure_asset_account, NetworkRegistry, OperatorRegistry},
	VaultId,
};
use sp_runtime::{
	traits::{AccountIdConversion, CheckedAdd, One, Saturating, Zero},
	ArithmeticError, Rounding,
};

/// A vault's active stake `A`, active shares `S` and one holder's shares `s[a]`.
#[derive(Clone, Copy)]
struct Pools {
	active: u128,
	shares: u128,
	mine: u128,
}

/// A trace write that failed: only possible if the clock ran backwards.
fn trace_error(e: TraceError) -> DispatchError {
	defensive!("a vault history refused a write", e);
	match e {
		TraceError::Full => ArithmeticError::Overflow.into(),
		_ => DispatchError::Corruption,
	}
}

impl<T: Config> Pallet<T> {
	/// The current block.
	pub fn now() -> BlockNumberOf<T> {
		rampart_primitives::clock::now::<T>()
	}

	/// The account that holds vault `vault`'s collateral.
	pub fn account_of(vault: VaultId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating(vault)
	}

	pub(crate) fn info(vault: VaultId) -> Result<VaultInfoOf<T>, DispatchError> {
		Vaults::<T>::get(vault).ok_or_else(|| Error::<T>::UnknownVault.into())
	}

	/// Whether `who` holds `role` in `vault`.
	pub fn has_role(vault: VaultId, role: Role, who: &T::AccountId) -> bool {
		RoleHolders::<T>::contains_key((vault, role, who))
	}

	fn ensure_role(vault: VaultId, role: Role, who: &T::AccountId) -> DispatchResult {
		ensure!(Self::has_role(vault, role, who), Error::<T>::MissingRole);
		Ok(())
	}

	/// The epoch the chain is in, for a vault with `clock`.
	pub(crate) fn current_epoch(clock: &EpochClock<BlockNumberOf<T>>) -> BlockNumberOf<T> {
		clock.epoch_at(Self::now()).unwrap_or_else(|| {
			defensive!("a vault's clock starts in the future");
			Zero::zero()
		})
	}

	/// How far back a vault's histories must answer: two epochs plus the reward lookback.
	fn retention(clock: &EpochClock<BlockNumberOf<T>>) -> BlockNumberOf<T> {
		clock
			.duration
			.saturating_mul(2u32.into())
			.saturating_add(T::RewardLookback::get())
	}

	/// The oldest block a vault's histories must still answer for.
	pub(crate) fn horizon(clock: &EpochClock<BlockNumberOf<T>>) -> BlockNumberOf<T> {
		Self::now().saturating_sub(Self::retention(clock))
	}

	fn ensure_answerable(
		clock: &EpochClock<BlockNumberOf<T>>,
		at: BlockNumberOf<T>,
	) -> Result<(), Error<T>> {
		ensure!(at <= Self::now(), Error::<T>::FutureBlock);
		ensure!(at >= Self::horizon(clock), Error::<T>::HistoryPruned);
		Ok(())
	}

	// ---------------------------------------------------------------------------------------
	// Creation.

	pub(crate) fn do_create_vault(
		creator: &T::AccountId,
		config: VaultConfigOf<T>,
	) -> Result<VaultId, DispatchError> {
		let VaultConfig {
			collateral,
			epoch_duration,
			delegator,
			slasher,
			burner,
			deposit_whitelist,
			is_deposit_limit,
			deposit_limit,
			roles,
		} = config;
		ensure!(T::Assets::asset_exists(collateral.clone()), Error::<T>::UnknownCollateral);
		ensure!(!DeniedCollateral::<T>::contains_key(&collateral), Error::<T>::CollateralDenied);
		ensure!(
			epoch_duration >= T::MinEpochDuration::get()
				&& epoch_duration <= T::MaxEpochDuration::get(),
			Error::<T>::InvalidEpochDuration
		);
		if let SlasherKind::Veto { veto_duration, resolver_set_epochs_delay } = &slasher {
			ensure!(
				*veto_duration < epoch_duration && *resolver_set_epochs_delay >= 3,
				Error::<T>::InvalidSlasherParams
			);
		}
		match &delegator {
			DelegatorKind::OperatorSpecific { operator } => {
				ensure!(T::Operators::is_operator(operator), Error::<T>::NotOperator)
			},
			DelegatorKind::OperatorNetworkSpecific { operator, network } => {
				ensure!(T::Operators::is_operator(operator), Error::<T>::NotOperator);
				ensure!(T::Networks::is_network(network), Error::<T>::NotNetwork);
			},
			DelegatorKind::NetworkRestake | DelegatorKind::FullRestake => {},
		}
		Self::check_roles(&roles, &delegator, deposit_whitelist, is_deposit_limit, deposit_limit)?;

		let vault = NextVaultId::<T>::get();
		let next = vault.checked_add(1).ok_or(ArithmeticError::Overflow)?;
		let account = Self::account_of(vault);
		let deposit = T::Consideration::new(
			creator,
			Footprint::from_parts(1, VaultInfoOf::<T>::max_encoded_len()),
		)?;
		// The keep-alive reserve: the vault account must exist (native existential deposit)
		// before it can hold another asset, and must never drop below the collateral's minimum.
		let native = T::NativeAsset::get();
		if collateral != native {
			let ed = T::Assets::minimum_balance(native.clone());
			T::Assets::transfer(native, creator, &account, ed, Preservation::Preserve)?;
		}
		// A vault account is known before the vault exists: anyone may have used up its consumer
		// references with junk assets. The creator opens the collateral account with the asset's
		// deposit instead, which needs none (and stays held for the vault's life, as the vault
		// never empties its reserve).
		ensure_asset_account::<T::Assets, _, _>(collateral.clone(), &account, creator)?;
		let reserve = T::Assets::minimum_balance(collateral.clone());
		T::Assets::transfer(
			collateral.clone(),
			creator,
			&account,
			reserve,
			Preservation::Preserve,
		)?;

		let clock = EpochClock { start: Self::now(), duration: epoch_duration };
		Vaults::<T>::insert(
			vault,
			VaultInfo {
				creator: creator.clone(),
				collateral: collateral.clone(),
				clock,
				delegator,
				slasher,
				burner: burner.clone(),
				deposit_whitelist,
				is_deposit_limit,
				deposit_limit,
				reserve,
				deposit,
			},
		);
		if let Burner::Router { fallback, .. } = &burner {
			RouterReceivers::<T>::insert(
				vault,
				Route::Fallback,
				RouteEntry { current: Some(fallback.clone()), pending: None },
			);
		}
		for (role, holder) in roles {
			RoleHolders::<T>::insert((vault, role, &holder), ());
			Self::deposit_event(Event::RoleGranted { vault, role, account: holder });
		}
		NextVaultId::<T>::put(next);
		Self::deposit_event(Event::VaultCreated {
			vault,
			creator: creator.clone(),
			collateral,
			account,
		});
		Ok(vault)
	}

	/// PROTOCOL 2.3: without an admin, whitelist and limit settings must be neither dead (on
	/// with nobody able to use them) nor orphaned (a holder for something off).
	fn check_roles(
		roles: &[(Role, T::AccountId)],
		delegator: &DelegatorKind<T::AccountId>,
		deposit_whitelist: bool,
		is_deposit_limit: bool,
		deposit_limit: u128,
	) -> DispatchResult {
		for (i, entry) in roles.iter().enumerate() {
			ensure!(!roles[..i].contains(entry), Error::<T>::DuplicateRoleHolder);
		}
		let has = |role: Role| roles.iter().any(|(r, _)| *r == role);
		if has(Role::Admin) {
			return Ok(());
		}
		// Without an admin, a limit role nobody holds could never be granted: the vault would
		// give every network zero forever.
		ensure!(delegator.limit_roles().iter().all(|r| has(*r)), Error::<T>::MissingRoles);
		// A curator fee nobody can claim would accrue and stay locked for ever.
		ensure!(!has(Role::AdminFeeSetter) || has(Role::AdminFeeClaimer), Error::<T>::MissingRoles);
		if !has(Role::DepositWhitelistSetter) {
			ensure!(deposit_whitelist == has(Role::DepositorWhitelister), Error::<T>::MissingRoles);
		}
		if !has(Role::DepositLimitToggler) {
			if is_deposit_limit {
				ensure!(
					deposit_limit != 0 || has(Role::DepositLimitSetter),
					Error::<T>::MissingRoles
				);
			} else {
				ensure!(
					deposit_limit == 0 && !has(Role::DepositLimitSetter),
					Error::<T>::MissingRoles
				);
			}
		}
		Ok(())
	}

	// ---------------------------------------------------------------------------------------
	// Deposits, withdrawals, claims.

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
		let active = Self::active_stake(vault);
		let shares = Self::active_shares(vault);
		// Shares left over a zero stake would take the new deposit from whoever deposits.
		ensure!(!active.is_zero() || shares.is_zero(), Error::<T>::VaultFullySlashed);
		// The transfer comes before the limit, as the reference's `transferFrom` does: a
		// deposit beyond both the depositor's balance and the limit fails on the balance. The
		// call's storage layer undoes the transfer if a later check fails.
		T::Assets::transfer(
			info.collateral.clone(),
			depositor,
			&Self::account_of(vault),
			amount,
			Preservation::Preserve,
		)?;
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
		ActiveStake::<T>::push(&vault, now, new_active, horizon).map_err(trace_error)?;
		ActiveShares::<T>::push(&vault, now, new_shares, horizon).map_err(trace_error)?;
		SharesOf::<T>::push(&(vault, on_behalf_of.clone()), now, new_mine, horizon)
			.map_err(trace_error)?;
		Ledgers::<T>::mutate(vault, |l| l.deposited = l.deposited.saturating_add(amount));
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
		let burned = to_shares(amount, pools.active, pools.shares, Rounding::Up)
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
		let assets = to_assets(shares, pools.active, pools.shares, Rounding::Down)
			.ok_or(ArithmeticError::Overflow)?;
		ensure!(!assets.is_zero(), Error::<T>::InsufficientRedemption);
		Self::move_to_withdrawals(&info, vault, pools, who, claimer, assets, shares)
	}

	/// `A`, `S` and `s[who]` now, read once per call.
	fn pools(vault: VaultId, who: &T::AccountId) -> Pools {
		Pools {
			active: Self::active_stake(vault),
			shares: Self::active_shares(vault),
			mine: Self::shares_of(vault, who),
		}
	}

	/// PROTOCOL 2.6 "common path": burn `burned` active shares of `who`, move `assets` from `A`
	/// into the bucket of `cur + 1` and mint withdrawal shares for `claimer`.
	fn move_to_withdrawals(
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
		let (bucket, bucket_shares) =
			(Withdrawals::<T>::get(vault, epoch), WithdrawalShares::<T>::get(vault, epoch));
		let minted = to_shares(assets, bucket, bucket_shares, Rounding::Down)
			.ok_or(Error::<T>::SharesOverflow)?;

		let active = pools.active.checked_sub(assets).ok_or(ArithmeticError::Underflow)?;
		let shares = pools.shares.checked_sub(burned).ok_or(ArithmeticError::Underflow)?;
		let mine = pools.mine.checked_sub(burned).ok_or(Error::<T>::TooMuchWithdraw)?;
		let new_bucket = bucket.checked_add(assets).ok_or(ArithmeticError::Overflow)?;
		let new_bucket_shares =
			bucket_shares.checked_add(minted).ok_or(Error::<T>::SharesOverflow)?;
		let mut position = WithdrawalPositions::<T>::get((vault, epoch, claimer));
		position.shares = position.shares.checked_add(minted).ok_or(Error::<T>::SharesOverflow)?;

		let (now, horizon) = (Self::now(), Self::horizon(&info.clock));
		SharesOf::<T>::push(&(vault, who.clone()), now, mine, horizon).map_err(trace_error)?;
		ActiveShares::<T>::push(&vault, now, shares, horizon).map_err(trace_error)?;
		ActiveStake::<T>::push(&vault, now, active, horizon).map_err(trace_error)?;
		Withdrawals::<T>::insert(vault, epoch, new_bucket);
		WithdrawalShares::<T>::insert(vault, epoch, new_bucket_shares);
		WithdrawalPositions::<T>::insert((vault, epoch, claimer), position);
		Ledgers::<T>::mutate(vault, |l| l.withdrawn = l.withdrawn.saturating_add(assets));
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
	fn take_claim(
		info: &VaultInfoOf<T>,
		vault: VaultId,
		who: &T::AccountId,
		epoch: BlockNumberOf<T>,
	) -> Result<u128, DispatchError> {
		ensure!(epoch < Self::current_epoch(&info.clock), Error::<T>::InvalidEpoch);
		let mut position = WithdrawalPositions::<T>::get((vault, epoch, who));
		ensure!(!position.claimed, Error::<T>::AlreadyClaimed);
		let amount = to_assets(
			position.shares,
			Withdrawals::<T>::get(vault, epoch),
			WithdrawalShares::<T>::get(vault, epoch),
			Rounding::Down,
		)
		.ok_or(ArithmeticError::Overflow)?;
		ensure!(!amount.is_zero(), Error::<T>::InsufficientClaim);
		position.claimed = true;
		WithdrawalPositions::<T>::insert((vault, epoch, who), position);
		Ok(amount)
	}

	fn pay_out(
		info: &VaultInfoOf<T>,
		vault: VaultId,
		recipient: &T::AccountId,
		amount: u128,
	) -> DispatchResult {
		T::Assets::transfer(
			info.collateral.clone(),
			&Self::account_of(vault),
			recipient,
			amount,
			Preservation::Preserve,
		)?;
		Ledgers::<T>::mutate(vault, |l| l.claimed = l.claimed.saturating_add(amount));
		Ok(())
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

	// ---------------------------------------------------------------------------------------
	// Settings and roles.

	/// Changes one setting of `vault` if `who` holds `role`: `field` picks the setting, and an
	/// unchanged value is `AlreadySet`.
	fn set_setting<V: PartialEq>(
		who: &T::AccountId,
		vault: VaultId,
		role: Role,
		value: V,
		field: impl FnOnce(&mut VaultInfoOf<T>) -> &mut V,
	) -> DispatchResult {
		Vaults::<T>::try_mutate(vault, |info| {
			let info = info.as_mut().ok_or(Error::<T>::UnknownVault)?;
			Self::ensure_role(vault, role, who)?;
			let current = field(info);
			ensure!(*current != value, Error::<T>::AlreadySet);
			*current = value;
			Ok(())
		})
	}

	pub(crate) fn do_set_deposit_whitelist(
		who: &T::AccountId,
		vault: VaultId,
		enabled: bool,
	) -> DispatchResult {
		Self::set_setting(who, vault, Role::DepositWhitelistSetter, enabled, |i| {
			&mut i.deposit_whitelist
		})?;
		Self::deposit_event(Event::DepositWhitelistSet { vault, enabled });
		Ok(())
	}

	pub(crate) fn do_set_depositor_whitelist_status(
		who: &T::AccountId,
		vault: VaultId,
		account: T::AccountId,
		status: bool,
	) -> DispatchResult {
		Self::info(vault)?;
		Self::ensure_role(vault, Role::DepositorWhitelister, who)?;
		ensure!(
			DepositorWhitelist::<T>::contains_key(vault, &account) != status,
			Error::<T>::AlreadySet
		);
		if status {
			DepositorWhitelist::<T>::insert(vault, &account, ());
		} else {
			DepositorWhitelist::<T>::remove(vault, &account);
		}
		Self::deposit_event(Event::DepositorWhitelistStatusSet { vault, account, status });
		Ok(())
	}

	pub(crate) fn do_set_is_deposit_limit(
		who: &T::AccountId,
		vault: VaultId,
		enabled: bool,
	) -> DispatchResult {
		Self::set_setting(who, vault, Role::DepositLimitToggler, enabled, |i| {
			&mut i.is_deposit_limit
		})?;
		Self::deposit_event(Event::IsDepositLimitSet { vault, enabled });
		Ok(())
	}

	pub(crate) fn do_set_deposit_limit(
		who: &T::AccountId,
		vault: VaultId,
		limit: u128,
	) -> DispatchResult {
		Self::set_setting(who, vault, Role::DepositLimitSetter, limit, |i| &mut i.deposit_limit)?;
		Self::deposit_event(Event::DepositLimitSet { vault, limit });
		Ok(())
	}

	pub(crate) fn do_set_role(
		who: &T::AccountId,
		vault: VaultId,
		role: Role,
		account: T::AccountId,
		grant: bool,
	) -> DispatchResult {
		Self::info(vault)?;
		Self::ensure_role(vault, Role::Admin, who)?;
		ensure!(Self::has_role(vault, role, &account) != grant, Error::<T>::AlreadySet);
		if grant {
			RoleHolders::<T>::insert((vault, role, &account), ());
			Self::deposit_event(Event::RoleGranted { vault, role, account });
		} else {
			RoleHolders::<T>::remove((vault, role, &account));
			Self::deposit_event(Event::RoleRevoked { vault, role, account });
		}
		Ok(())
	}

	// ---------------------------------------------------------------------------------------
	// Slashing.

	/// PROTOCOL 2.9. O(1) in the number of depositors: only `A`, `W[cur]` and `W[cur+1]` change,
	/// so every holder's exchange rate drops by the same factor.
	pub(crate) fn do_on_slash(
		vault: VaultId,
		network: &T::AccountId,
		operator: &T::AccountId,
		amount: u128,
		capture: BlockNumberOf<T>,
	) -> Result<u128, DispatchError> {
		let info = Self::info(vault)?;
		let capture_epoch = info.clock.epoch_at(capture).ok_or(Error::<T>::InvalidCaptureBlock)?;
		let current = Self::current_epoch(&info.clock);
		let next = current.checked_add(&One::one()).ok_or(ArithmeticError::Overflow)?;
		let in_previous = match EpochClock::<BlockNumberOf<T>>::previous(current) {
			Some(previous) if capture_epoch == previous => true,
			_ if capture_epoch == current => false,
			_ => return Err(Error::<T>::InvalidCaptureEpoch.into()),
		};
		let active = Self::active_stake(vault);
		let (bucket_now, bucket_next) =
			(Withdrawals::<T>::get(vault, current), Withdrawals::<T>::get(vault, next));
		let split = split_slash(amount, active, bucket_now, bucket_next, in_previous)
			.ok_or(ArithmeticError::Overflow)?;
		let slashed = split.total();
		let receiver = Self::receiver_of(vault, &info, network, operator);
		let mut deferred = false;
		if !slashed.is_zero() {
			let new_active = active.checked_sub(split.active).ok_or(ArithmeticError::Underflow)?;
			ActiveStake::<T>::push(&vault, Self::now(), new_active, Self::horizon(&info.clock))
				.map_err(trace_error)?;
			Withdrawals::<T>::insert(
				vault,
				current,
				bucket_now
					.checked_sub(split.current_withdrawals)
					.ok_or(ArithmeticError::Underflow)?,
			);
			Withdrawals::<T>::insert(
				vault,
				next,
				bucket_next
					.checked_sub(split.next_withdrawals)
					.ok_or(ArithmeticError::Underflow)?,
			);
			// A slash must not be blockable by whoever can freeze the vault account or make the
			// receiver unable to take the collateral (junk assets using up its consumer
			// references, say): if the collateral cannot reach the burner now, the loss still
			// applies and the collateral is owed to the receiver chosen now until
			// `release_slashed` moves it. A redistribution is never turned into a burn.
			let sent = storage::with_transaction(|| {
				match Self::send_slashed(&info.collateral, vault, receiver.as_ref(), slashed) {
					Ok(()) => sp_runtime::TransactionOutcome::Commit(Ok(true)),
					Err(_) => {
						sp_runtime::TransactionOutcome::Rollback(Ok::<_, DispatchError>(false))
					},
				}
			})?;
			if !sent {
				deferred = true;
				PendingSlashed::<T>::mutate(vault, &receiver, |p| *p = p.saturating_add(slashed));
			}
			Ledgers::<T>::mutate(vault, |l| {
				l.slashed = l.slashed.saturating_add(slashed);
				if deferred {
					l.pending_burn = l.pending_burn.saturating_add(slashed);
				}
			});
		}
		Self::deposit_event(Event::Slashed {
			vault,
			network: network.clone(),
			operator: operator.clone(),
			receiver,
			requested: amount,
			capture,
			slashed,
			deferred,
		});
		Ok(slashed)
	}

	pub(crate) fn do_release_slashed(
		caller: &T::AccountId,
		vault: VaultId,
		receiver: Option<T::AccountId>,
	) -> DispatchResult {
		let info = Self::info(vault)?;
		let amount = PendingSlashed::<T>::get(vault, &receiver);
		ensure!(!amount.is_zero(), Error::<T>::NothingToRelease);
		if let Some(to) = &receiver {
			ensure_asset_account::<T::Assets, _, _>(info.collateral.clone(), to, caller)?;
		}
		Self::send_slashed(&info.collateral, vault, receiver.as_ref(), amount)?;
		PendingSlashed::<T>::remove(vault, &receiver);
		Ledgers::<T>::mutate(vault, |l| l.pending_burn = l.pending_burn.saturating_sub(amount));
		Self::deposit_event(Event::SlashedReleased { vault, receiver, amount });
		Ok(())
	}

	/// Where a slash of `operator` by `network` goes now: `None` to burn it.
	pub(crate) fn receiver_of(
		vault: VaultId,
		info: &VaultInfoOf<T>,
		network: &T::AccountId,
		operator: &T::AccountId,
	) -> Option<T::AccountId> {
		match &info.burner {
			Burner::Burn => None,
			Burner::Account(to) => Some(to.clone()),
			Burner::Router { fallback, .. } => {
				let now = Self::now();
				let routes = [
					Route::Operator { network: network.clone(), operator: operator.clone() },
					Route::Network(network.clone()),
					Route::Fallback,
				];
				routes
					.into_iter()
					.find_map(|route| {
						RouterReceivers::<T>::get(vault, route).and_then(|e| e.receiver_at(&now))
					})
					.or_else(|| {
						defensive!("a router vault has a fallback receiver");
						Some(fallback.clone())
					})
			},
		}
	}

	/// Moves `amount` out of the vault to `receiver`, or burns it for `None`.
	fn send_slashed(
		collateral: &T::AssetKind,
		vault: VaultId,
		receiver: Option<&T::AccountId>,
		amount: u128,
	) -> DispatchResult {
		let account = Self::account_of(vault);
		match receiver {
			Some(to) => T::Assets::transfer(
				collateral.clone(),
				&account,
				to,
				amount,
				Preservation::Preserve,
			)
			.map(|_| ()),
			None => T::Assets::burn_from(
				collateral.clone(),
				&account,
				amount,
				Preservation::Preserve,
				Precision::Exact,
				Fortitude::Force,
			)
			.map(|_| ()),
		}
	}

	pub(crate) fn do_set_router_receiver(
		who: &T::AccountId,
		vault: VaultId,
		route: Route<T::AccountId>,
		receiver: Option<T::AccountId>,
	) -> DispatchResult {
		let info = Self::info(vault)?;
		let Burner::Router { delay, .. } = info.burner else {
			return Err(Error::<T>::NotRouter.into());
		};
		Self::ensure_role(vault, Role::BurnerRouterSetter, who)?;
		ensure!(receiver.is_some() || route != Route::Fallback, Error::<T>::FallbackRequired);
		let now = Self::now();
		let mut entry = RouterReceivers::<T>::get(vault, &route)
			.unwrap_or(RouteEntry { current: None, pending: None });
		entry.settle(&now);
		if entry.current == receiver {
			// Back to the receiver in force: a pending change is withdrawn.
			ensure!(entry.pending.take().is_some(), Error::<T>::AlreadySet);
			Self::deposit_event(Event::RouterReceiverChangeCancelled {
				vault,
				route: route.clone(),
			});
		} else {
			ensure!(
				entry.pending.as_ref().is_none_or(|p| p.receiver != receiver),
				Error::<T>::AlreadySet
			);
			let effective_at = now.saturating_add(delay);
			entry.pending = Some(PendingReceiver { receiver: receiver.clone(), at: effective_at });
			entry.settle(&now);
			Self::deposit_event(Event::RouterReceiverSet {
				vault,
				route: route.clone(),
				receiver,
				effective_at,
			});
		}
		if entry.current.is_none() && entry.pending.is_none() {
			RouterReceivers::<T>::remove(vault, &route);
		} else {
			RouterReceivers::<T>::insert(vault, &route, entry);
		}
		Ok(())
	}

	// ---------------------------------------------------------------------------------------
	// Views.

	/// Active stake `A` now.
	pub fn active_stake(vault: VaultId) -> u128 {
		ActiveStake::<T>::latest_value_or(&vault, 0)
	}

	/// Active shares `S` now.
	pub fn active_shares(vault: VaultId) -> u128 {
		ActiveShares::<T>::latest_value_or(&vault, 0)
	}

	/// Active shares of `who` now.
	pub fn shares_of(vault: VaultId, who: &T::AccountId) -> u128 {
		SharesOf::<T>::latest_value_or(&(vault, who.clone()), 0)
	}

	fn lookup<R>(
		vault: VaultId,
		at: BlockNumberOf<T>,
		read: impl FnOnce() -> Result<Option<u128>, TraceError>,
		then: impl FnOnce(u128) -> R,
	) -> Result<R, DispatchError> {
		let info = Self::info(vault)?;
		Self::ensure_answerable(&info.clock, at)?;
		let value = read().map_err(|_| Error::<T>::HistoryPruned)?.unwrap_or(0);
		Ok(then(value))
	}

	/// Active stake at block `at` (within the vault's history window).
	pub fn active_stake_at(vault: VaultId, at: BlockNumberOf<T>) -> Result<u128, DispatchError> {
		Self::lookup(vault, at, || ActiveStake::<T>::at(&vault, at), |v| v)
	}

	/// Active shares at block `at`.
	pub fn active_shares_at(vault: VaultId, at: BlockNumberOf<T>) -> Result<u128, DispatchError> {
		Self::lookup(vault, at, || ActiveShares::<T>::at(&vault, at), |v| v)
	}

	/// Active shares of `who` at block `at`.
	pub fn shares_of_at(
		vault: VaultId,
		who: &T::AccountId,
		at: BlockNumberOf<T>,
	) -> Result<u128, DispatchError> {
		Self::lookup(vault, at, || SharesOf::<T>::at(&(vault, who.clone()), at), |v| v)
	}

	/// What `who`'s active shares are worth now, rounded down.
	pub fn active_balance_of(vault: VaultId, who: &T::AccountId) -> u128 {
		to_assets(
			Self::shares_of(vault, who),
			Self::active_stake(vault),
			Self::active_shares(vault),
			Rounding::Down,
		)
		.unwrap_or(0)
	}

	/// What `who`'s active shares were worth at block `at`, rounded down.
	pub fn active_balance_of_at(
		vault: VaultId,
		who: &T::AccountId,
		at: BlockNumberOf<T>,
	) -> Result<u128, DispatchError> {
		let mine = Self::shares_of_at(vault, who, at)?;
		let active = Self::active_stake_at(vault, at)?;
		let shares = Self::active_shares_at(vault, at)?;
		Ok(to_assets(mine, active, shares, Rounding::Down).unwrap_or(0))
	}

	/// What `who` can claim (or will, once the epoch ends) from the bucket of `epoch`; zero once
	/// claimed.
	pub fn withdrawals_of(vault: VaultId, epoch: BlockNumberOf<T>, who: &T::AccountId) -> u128 {
		let position = WithdrawalPositions::<T>::get((vault, epoch, who));
		if position.claimed {
			return 0;
		}
		to_assets(
			position.shares,
			Withdrawals::<T>::get(vault, epoch),
			WithdrawalShares::<T>::get(vault, epoch),
			Rounding::Down,
		)
		.unwrap_or(0)
	}

	/// Everything still slashable in the vault: `A + W[cur] + W[cur+1]`.
	pub fn total_stake(vault: VaultId) -> u128 {
		let Some(info) = Vaults::<T>::get(vault) else { return 0 };
		let current = Self::current_epoch(&info.clock);
		let next = current.saturating_add(One::one());
		Self::active_stake(vault)
			.saturating_add(Withdrawals::<T>::get(vault, current))
			.saturating_add(Withdrawals::<T>::get(vault, next))
	}

	/// What of `who`'s collateral is slashable: active balance plus the withdrawals of the
	/// current and next epoch.
	pub fn slashable_balance_of(vault: VaultId, who: &T::AccountId) -> u128 {
		let Some(info) = Vaults::<T>::get(vault) else { return 0 };
		let current = Self::current_epoch(&info.clock);
		let next = current.saturating_add(One::one());
		Self::active_balance_of(vault, who)
			.saturating_add(Self::withdrawals_of(vault, current, who))
			.saturating_add(Self::withdrawals_of(vault, next, who))
	}

	/// What the vault account must hold by its books: `reserve + deposited − claimed − slashed
	/// + pending`.
	fn books(info: &VaultInfoOf<T>, ledger: &VaultLedger) -> u128 {
		info.reserve
			.saturating_add(ledger.deposited)
			.saturating_sub(ledger.claimed)
			.saturating_sub(ledger.slashed)
			.saturating_add(ledger.pending_burn)
	}

	/// Collateral the vault account holds beyond its books: donations.
	pub fn surplus_of(vault: VaultId) -> Option<u128> {
		let info = Vaults::<T>::get(vault)?;
		let balance = T::Assets::balance(info.collateral.clone(), &Self::account_of(vault));
		Some(balance.saturating_sub(Self::books(&info, &Ledgers::<T>::get(vault))))
	}

	/// The epoch vault `vault` is in now.
	pub fn current_epoch_of(vault: VaultId) -> Option<BlockNumberOf<T>> {
		Vaults::<T>::get(vault).map(|info| Self::current_epoch(&info.clock))
	}

	// ---------------------------------------------------------------------------------------
	// Invariants.

	/// Checks, per vault (PROTOCOL 6.1 items 3-12 that apply to Rampart vaults):
	/// - every history is well formed (strictly increasing blocks, no repeats, not in the future);
	/// - `S = Σ s[a]` and `WS[e] = Σ ws[e][a]`;
	/// - conservation: the vault account holds at least `reserve + deposited − claimed − slashed +
	///   pending` (more only by donations: the surplus), and that covers `A` plus every bucket's
	///   unpaid part;
	/// - a deposit limit in force is not exceeded by deposits (checked through the ledger only:
	///   lowering the limit later is allowed);
	/// - counters: every vault id is below `NextVaultId`.
	#[cfg(any(test, feature = "std", feature = "try-runtime"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;

		let now = Self::now();
		let mut shares_sum: BTreeMap<VaultId, u128> = BTreeMap::new();
		for ((vault, _), _) in SharesOfHead::<T>::iter() {
			ensure!(Vaults::<T>::contains_key(vault), "share history of an unknown vault");
		}
		for (key, _) in SharesOfHead::<T>::iter() {
			SharesOf::<T>::check(&key)?;
			let latest = SharesOf::<T>::latest(&key);
			ensure!(latest.is_none_or(|(b, _)| b <= now), "a share history is ahead of the chain");
			let entry = shares_sum.entry(key.0).or_default();
			*entry = entry.saturating_add(latest.map(|(_, v)| v).unwrap_or(0));
		}
		let mut bucket_sum: BTreeMap<(VaultId, BlockNumberOf<T>), u128> = BTreeMap::new();
		let mut unpaid: BTreeMap<VaultId, u128> = BTreeMap::new();
		for ((vault, epoch, _), position) in WithdrawalPositions::<T>::iter() {
			let entry = bucket_sum.entry((vault, epoch)).or_default();
			*entry = entry.saturating_add(position.shares);
			if !position.claimed {
				let owed = to_assets(
					position.shares,
					Withdrawals::<T>::get(vault, epoch),
					WithdrawalShares::<T>::get(vault, epoch),
					Rounding::Down,
				)
				.unwrap_or(0);
				let entry = unpaid.entry(vault).or_default();
				*entry = entry.saturating_add(owed);
			}
		}
		for ((vault, epoch), total) in WithdrawalShares::<T>::iter().map(|(v, e, s)| ((v, e), s)) {
			ensure!(
				bucket_sum.get(&(vault, epoch)).copied().unwrap_or(0) == total,
				"WS[e] differs from the sum of the positions"
			);
		}
		let next_id = NextVaultId::<T>::get();
		for (vault, info) in Vaults::<T>::iter() {
			ensure!(vault < next_id, "a vault id at or above NextVaultId");
			ActiveStake::<T>::check(&vault)?;
			ActiveShares::<T>::check(&vault)?;
			ensure!(
				Self::active_shares(vault) == shares_sum.get(&vault).copied().unwrap_or(0),
				"S differs from the sum of the holders' shares"
			);
			let ledger = Ledgers::<T>::get(vault);
			let balance = T::Assets::balance(info.collateral.clone(), &Self::account_of(vault));
			// Anyone may send collateral to a vault account: that surplus is tolerated (it is
			// nobody's stake), a shortfall never is.
			ensure!(
				balance >= Self::books(&info, &ledger),
				"vault balance < reserve + deposited - claimed - slashed + pending"
			);
			let pending: u128 =
				PendingSlashed::<T>::iter_prefix_values(vault).fold(0, |a, p| a.saturating_add(p));
			ensure!(pending == ledger.pending_burn, "pending slashes differ from pending_burn");
			if matches!(info.burner, Burner::Router { .. }) {
				ensure!(
					RouterReceivers::<T>::get(vault, Route::Fallback)
						.is_some_and(|e| e.current.is_some() || e.pending.is_some()),
					"a router vault without a fallback receiver"
				);
			}
			ensure!(ledger.withdrawn <= ledger.deposited, "more withdrawn than deposited");
			ensure!(ledger.claimed <= ledger.withdrawn, "more claimed than withdrawn");
			let owed = Self::active_stake(vault)
				.saturating_add(unpaid.get(&vault).copied().unwrap_or(0))
				.saturating_add(info.reserve)
				.saturating_add(ledger.pending_burn);
			ensure!(balance >= owed, "the vault owes more than it holds");
		}
		Ok(())
	}
}
