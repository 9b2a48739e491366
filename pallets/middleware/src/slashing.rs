// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Slashing in power: a network asks for power, the pallet splits it over the operator's vaults
//! and sends each part, in collateral, through the vault's own slasher.
//!
//! ```text
//! total  = Σ_v power_v                     (the operator's power at the capture)
//! asked  = min(power, total)
//! part_v = ⌊asked · power_v / total⌋       (Σ part_v ≤ asked)
//! amount_v = ⌊part_v / (price_v · (1 − haircut_v))⌋, stepped down until value(amount_v) ≤ part_v,
//!            at most stake_v
//! ```
//!
//! Worked example: native at 2 (100 staked, power 200) and USD at 1 with a 50 % haircut (400
//! staked, power 200); a slash of 100 power sends 25 native (worth 50) and 100 USD (worth 50).

use crate::{functions::ValuedVault, pallet::*, types::*, weights::WeightInfo};
use frame_support::{ensure, pallet_prelude::*, storage::with_storage_layer, traits::Get};
use rampart_primitives::traits::{NetworkRegistry, NetworkSlasher, StakeProvider};
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{AccountIdConversion, Saturating, Zero},
	FixedPointNumber, PerThing, Rounding,
};

impl<T: Config> ValuedVault<T> {
	/// The collateral worth `power` at this valuation, rounded down (and stepped down until its
	/// value is at most `power`); zero if the collateral is worth nothing.
	pub(crate) fn collateral_for(&self, power: u128) -> u128 {
		let unit = self.price.saturating_mul(Price::from_perbill(self.haircut.left_from_one()));
		if unit.is_zero() {
			return 0;
		}
		let mut amount = multiply_by_rational_with_rounding(
			power,
			Price::DIV,
			unit.into_inner(),
			Rounding::Down,
		)
		.unwrap_or(u128::MAX);
		// The fixed-point unit is rounded: step down until the value fits (a step or two).
		while amount > 0 && self.value(amount) > power {
			amount = amount.saturating_sub(amount.div_ceil(1_000_000_000_000).max(1));
		}
		amount
	}
}

impl<T: Config> Pallet<T> {
	/// The account that acts for `network` as its registry middleware, once the network names it.
	pub fn middleware_account(network: &T::AccountId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating(network)
	}

	/// The account acting for `network`, once the network has named it its registry middleware:
	/// the caller of the slashing and rewards pallets for a power slash or reward.
	pub(crate) fn delegated_account(network: &T::AccountId) -> Result<T::AccountId, DispatchError> {
		let by = Self::middleware_account(network);
		ensure!(
			T::Networks::middleware_of(network).as_ref() == Some(&by),
			Error::<T>::NotDelegated
		);
		Ok(by)
	}

	/// The worst weight of a power slash: the measured part over the most vaults, plus a
	/// slash through each vault's slasher and a stake lookup per vault at their worst.
	pub fn slash_weight() -> Weight {
		let vaults = u64::from(T::MaxVaultsPerSubnetwork::get());
		T::WeightInfo::slash(T::MaxVaultsPerSubnetwork::get())
			.saturating_add(<T as Config>::Slasher::slash_weight().saturating_mul(vaults))
			.saturating_add(T::Stakes::stake_at_weight().saturating_mul(vaults))
	}

	/// A power slash of `operator` in `subnetwork` for `power` at `capture`, as the `slash` call
	/// makes it, for runtime code acting for the network (the reference chain's offences): split
	/// over the vaults pro rata to their part of its power, each vault in its own storage layer.
	pub fn do_slash(
		subnetwork: SubnetworkOf<T>,
		operator: T::AccountId,
		power: u128,
		capture: BlockNumberOf<T>,
	) -> DispatchResult {
		let by = Self::delegated_account(&subnetwork.network)?;
		ensure!(!power.is_zero(), Error::<T>::ZeroPower);
		ensure!(capture < Self::now(), Error::<T>::InvalidCapture);
		let vaults = Self::valued_vaults(&subnetwork, capture)?;
		let (total, parts) = Self::power_over(&vaults, &subnetwork, &operator, capture)?;
		ensure!(!total.is_zero(), Error::<T>::NoPower);
		let asked = power.min(total);
		let mut sent = 0u128;
		for (valued, part) in vaults.iter().zip(parts) {
			if part.power.is_zero() {
				continue;
			}
			let share =
				multiply_by_rational_with_rounding(asked, part.power, total, Rounding::Down)
					.unwrap_or(0);
			let amount = valued.collateral_for(share).min(part.stake);
			if amount.is_zero() {
				continue;
			}
			let vault = part.vault;
			// Each vault in its own layer: a failure rolls back that vault only.
			let result = with_storage_layer(|| {
				T::Slasher::slash(&by, vault, &subnetwork, &operator, amount, capture)
			});
			match result {
				Ok(outcome) => {
					let power = valued.value(amount);
					sent = sent.saturating_add(power);
					Self::deposit_event(Event::VaultSlashed {
						subnetwork: subnetwork.clone(),
						operator: operator.clone(),
						vault,
						power,
						amount,
						outcome,
					});
				},
				Err(error) => Self::deposit_event(Event::VaultSlashFailed {
					subnetwork: subnetwork.clone(),
					operator: operator.clone(),
					vault,
					amount,
					error,
				}),
			}
		}
		Self::deposit_event(Event::PowerSlashed {
			subnetwork,
			operator,
			capture,
			requested: power,
			sent,
		});
		Ok(())
	}
}
