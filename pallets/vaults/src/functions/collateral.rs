// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Every movement of collateral in or out of a vault account: the creator's keep-alive reserve,
//! deposits, payouts of claims, and slashed collateral leaving for its receiver or burned. The
//! rest of the pallet moves numbers in its books; only this module moves tokens.

use super::*;

impl<T: Config> Pallet<T> {
	/// Funds a new vault's account from `creator` with the keep-alive reserve: the vault
	/// account must exist (native existential deposit) before it can hold another asset, and
	/// must never drop below the collateral's minimum. Returns the collateral part of the
	/// reserve.
	///
	/// A vault account is known before the vault exists: anyone may have used up its consumer
	/// references with junk assets. The creator opens the collateral account with the asset's
	/// deposit instead, which needs none (and stays held for the vault's life, as the vault never
	/// empties its reserve).
	pub(crate) fn fund_new_vault(
		creator: &T::AccountId,
		collateral: &T::AssetKind,
		account: &T::AccountId,
	) -> Result<u128, DispatchError> {
		let native = T::NativeAsset::get();
		if *collateral != native {
			let ed = T::Assets::minimum_balance(native.clone());
			T::Assets::transfer(native, creator, account, ed, Preservation::Preserve)?;
		}
		ensure_asset_account::<T::Assets, _, _>(collateral.clone(), account, creator)?;
		let reserve = T::Assets::minimum_balance(collateral.clone());
		T::Assets::transfer(collateral.clone(), creator, account, reserve, Preservation::Preserve)?;
		Ok(reserve)
	}

	/// Moves a deposit of `amount` from `depositor` into the vault account.
	pub(crate) fn pull_deposit(
		collateral: &T::AssetKind,
		vault: VaultId,
		depositor: &T::AccountId,
		amount: u128,
	) -> DispatchResult {
		T::Assets::transfer(
			collateral.clone(),
			depositor,
			&Self::account_of(vault),
			amount,
			Preservation::Preserve,
		)
		.map(|_| ())
	}

	pub(crate) fn pay_out(
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

	/// Makes sure `receiver` can take `collateral` released to it, `payer` opening its account
	/// with the asset's deposit if it cannot open one by itself.
	pub(crate) fn open_receiver_account(
		collateral: &T::AssetKind,
		receiver: &T::AccountId,
		payer: &T::AccountId,
	) -> DispatchResult {
		ensure_asset_account::<T::Assets, _, _>(collateral.clone(), receiver, payer)
	}

	/// Moves `amount` out of the vault to `receiver`, or burns it for `None`.
	pub(crate) fn send_slashed(
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
}
