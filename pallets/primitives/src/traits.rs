// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Glue traits: how the Rampart pallets see each other.
//!
//! No pallet's `Config` names another Rampart pallet. A pallet that needs to know, say, whether an
//! operator opted into a network asks for `T::OptIns: OptIns<..>`, and the runtime plugs the pallet
//! that knows in. Every trait has a `()` implementation (nothing registered, nothing opted in, no
//! vault) so that a unit test can stand a pallet up with only what it exercises.

use crate::{
	epochs::EpochClock, DelegatorKind, OptInTarget, Role, SlasherKind, Subnetwork, VaultId,
};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::{pallet_prelude::DispatchResult, traits::AccountTouch, weights::Weight};
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{AtLeast32BitUnsigned, Zero},
	DispatchError,
};

/// Makes sure `who` can receive `asset`: if it cannot open an account for it by itself (no
/// native balance, or its consumer references used up, say by junk assets anyone may send to a
/// well-known account), `payer` opens one with the asset's account deposit, which takes no
/// consumer reference and stays held from `payer`. Does nothing for accounts that already hold
/// the asset, sufficient assets, and the native token.
pub fn ensure_asset_account<Assets, AssetId, AccountId>(
	asset: AssetId,
	who: &AccountId,
	payer: &AccountId,
) -> DispatchResult
where
	Assets: AccountTouch<AssetId, AccountId>,
	AssetId: Clone,
{
	if Assets::should_touch(asset.clone(), who) {
		Assets::touch(asset, who, payer)?;
	}
	Ok(())
}

/// Who is a network, and which account acts for it.
pub trait NetworkRegistry<AccountId> {
	/// Whether `who` registered as a network.
	fn is_network(who: &AccountId) -> bool;

	/// The network's middleware: the one account allowed to slash and distribute rewards in the
	/// network's name. `None` if the network is unknown or named none.
	fn middleware_of(network: &AccountId) -> Option<AccountId>;
}

impl<AccountId> NetworkRegistry<AccountId> for () {
	fn is_network(_: &AccountId) -> bool {
		false
	}
	fn middleware_of(_: &AccountId) -> Option<AccountId> {
		None
	}
}

/// Who is an operator.
pub trait OperatorRegistry<AccountId> {
	/// Whether `who` registered as an operator.
	fn is_operator(who: &AccountId) -> bool;
}

impl<AccountId> OperatorRegistry<AccountId> for () {
	fn is_operator(_: &AccountId) -> bool {
		false
	}
}

/// Operator opt-ins into networks and vaults, with their history.
pub trait OptIns<AccountId, BlockNumber> {
	/// Whether `operator` is opted into `target` now.
	fn is_opted_in(operator: &AccountId, target: &OptInTarget<AccountId>) -> bool;

	/// Whether `operator` was opted into `target` at block `at`.
	///
	/// Errors if `at` is in the future or older than the history kept, rather than guessing.
	fn is_opted_in_at(
		operator: &AccountId,
		target: &OptInTarget<AccountId>,
		at: BlockNumber,
	) -> Result<bool, DispatchError>;
}

impl<AccountId, BlockNumber> OptIns<AccountId, BlockNumber> for () {
	fn is_opted_in(_: &AccountId, _: &OptInTarget<AccountId>) -> bool {
		false
	}
	fn is_opted_in_at(
		_: &AccountId,
		_: &OptInTarget<AccountId>,
		_: BlockNumber,
	) -> Result<bool, DispatchError> {
		Ok(false)
	}
}

/// Where a vault's slashed collateral goes, as other pallets see it (the receivers themselves
/// are the vaults pallet's business).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BurnerKind {
	/// Burned.
	Burn,
	/// Sent to one account.
	Account,
	/// Sent to a receiver picked per (network, operator) slashed.
	Router,
}

/// Everything other pallets read about one vault, read (and decoded) once.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct VaultView<AccountId, AssetKind, BlockNumber> {
	/// The vault's id.
	pub id: VaultId,
	/// The collateral the vault holds.
	pub collateral: AssetKind,
	/// The account that holds the vault's collateral.
	pub account: AccountId,
	/// The vault's epoch clock: created at `clock.start`, `clock.duration` blocks per epoch.
	pub clock: EpochClock<BlockNumber>,
	/// The first block of the vault's current epoch.
	pub epoch_start: BlockNumber,
	/// How the vault allocates its stake.
	pub delegator: DelegatorKind<AccountId>,
	/// How networks slash the vault.
	pub slasher: SlasherKind<BlockNumber>,
	/// Where slashed collateral goes.
	pub burner: BurnerKind,
	/// The oldest block the vault's histories must still answer for now (two epochs plus the
	/// reward lookback back): histories kept alongside the vault's may prune what is older.
	pub history_horizon: BlockNumber,
}

/// The windows every vault's histories are sized by, for the integrity checks of the pallets
/// whose own windows must fit them.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct VaultWindows<BlockNumber> {
	/// The longest epoch a vault may have.
	pub max_epoch_duration: BlockNumber,
	/// How far beyond two epochs every vault history answers, for reward snapshots.
	pub reward_lookback: BlockNumber,
}

impl<BlockNumber: AtLeast32BitUnsigned + Copy> VaultWindows<BlockNumber> {
	/// The longest span any vault's histories answer for: two of the longest epochs plus the
	/// reward lookback. Histories read at the blocks vault histories are read at (opt-ins, say)
	/// must keep at least this much.
	pub fn max_history_span(&self) -> BlockNumber {
		self.max_epoch_duration
			.saturating_mul(2u32.into())
			.saturating_add(self.reward_lookback)
	}
}

/// What other pallets may ask the vaults pallet: one vault's [`VaultView`], its stake and share
/// histories, and its roles.
pub trait VaultsInspect<AccountId, BlockNumber> {
	/// The kind of asset a vault holds.
	type AssetKind;

	/// The vault, read once; `None` if it does not exist.
	fn vault(vault: VaultId) -> Option<VaultView<AccountId, Self::AssetKind, BlockNumber>>;

	/// The windows vault histories are sized by (the pallet's configuration, no storage).
	fn windows() -> VaultWindows<BlockNumber>;

	/// The vault's active stake now.
	fn active_stake(vault: VaultId) -> u128;

	/// The vault's active stake at block `at`; errors for a block the history cannot answer
	/// (in the future, or pruned).
	fn active_stake_at(vault: VaultId, at: BlockNumber) -> Result<u128, DispatchError>;

	/// The vault's active shares at block `at`; errors like [`Self::active_stake_at`].
	fn active_shares_at(vault: VaultId, at: BlockNumber) -> Result<u128, DispatchError>;

	/// `who`'s active shares in the vault at block `at`; errors like [`Self::active_stake_at`].
	fn active_shares_of_at(
		vault: VaultId,
		who: &AccountId,
		at: BlockNumber,
	) -> Result<u128, DispatchError>;

	/// Whether `who` holds `role` in the vault.
	fn has_role(vault: VaultId, role: Role, who: &AccountId) -> bool;
}

impl<AccountId, BlockNumber: Zero> VaultsInspect<AccountId, BlockNumber> for () {
	type AssetKind = ();
	fn vault(_: VaultId) -> Option<VaultView<AccountId, (), BlockNumber>> {
		None
	}
	fn windows() -> VaultWindows<BlockNumber> {
		VaultWindows { max_epoch_duration: Zero::zero(), reward_lookback: Zero::zero() }
	}
	fn active_stake(_: VaultId) -> u128 {
		0
	}
	fn active_stake_at(_: VaultId, _: BlockNumber) -> Result<u128, DispatchError> {
		Ok(0)
	}
	fn active_shares_at(_: VaultId, _: BlockNumber) -> Result<u128, DispatchError> {
		Ok(0)
	}
	fn active_shares_of_at(
		_: VaultId,
		_: &AccountId,
		_: BlockNumber,
	) -> Result<u128, DispatchError> {
		Ok(0)
	}
	fn has_role(_: VaultId, _: Role, _: &AccountId) -> bool {
		false
	}
}

/// The slashing entry point of the vaults pallet, for the slashing pallet.
pub trait VaultSlashing<AccountId, BlockNumber> {
	/// Takes up to `amount` of collateral from vault `vault` for a slash of the stake `operator`
	/// had in a subnetwork of `network` at block `capture`, pro rata across active stake and the
	/// slashable withdrawals, and moves it to the vault's burner (a router burner picks the
	/// receiver by `network` and `operator`). Returns what was actually moved (at most what the
	/// vault holds).
	///
	/// The capture must fall in the vault's current or previous epoch. The caller checks that it
	/// may slash; the vault only checks the bounds.
	fn on_slash(
		vault: VaultId,
		network: &AccountId,
		operator: &AccountId,
		amount: u128,
		capture: BlockNumber,
	) -> Result<u128, DispatchError>;
}

impl<AccountId, BlockNumber> VaultSlashing<AccountId, BlockNumber> for () {
	fn on_slash(
		_: VaultId,
		_: &AccountId,
		_: &AccountId,
		_: u128,
		_: BlockNumber,
	) -> Result<u128, DispatchError> {
		Ok(0)
	}
}

/// What a slash sent through a vault's own slasher did.
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub enum SlashOutcome {
	/// An instant slasher slashed at once: `slashed` of the stake (what was asked, at most what
	/// was slashable), of which the vault `moved` (at most what it held).
	Executed {
		/// The stake slashed.
		slashed: u128,
		/// The collateral the vault moved to its burner.
		moved: u128,
	},
	/// A veto slasher recorded a request for `amount`; it executes after its veto period.
	Requested {
		/// The request's id.
		id: u64,
		/// The stake the request will slash.
		amount: u128,
	},
}

/// Slashing a vault in a network's name, through the vault's own slasher: an instant slasher
/// slashes at once, a veto slasher records a request. Implemented by the slashing pallet for the
/// networks' on-chain middleware.
pub trait NetworkSlasher<AccountId, BlockNumber> {
	/// As `by`, which must be the registry middleware of `subnetwork`'s network, slashes up to
	/// `amount` of the stake `vault` gave `operator` in `subnetwork` at `capture`, with the same
	/// checks as the slashing pallet's own calls.
	fn slash(
		by: &AccountId,
		vault: VaultId,
		subnetwork: &Subnetwork<AccountId>,
		operator: &AccountId,
		amount: u128,
		capture: BlockNumber,
	) -> Result<SlashOutcome, DispatchError>;

	/// The worst-case weight of [`Self::slash`].
	fn slash_weight() -> Weight;
}

impl<AccountId, BlockNumber> NetworkSlasher<AccountId, BlockNumber> for () {
	fn slash(
		_: &AccountId,
		_: VaultId,
		_: &Subnetwork<AccountId>,
		_: &AccountId,
		_: u128,
		_: BlockNumber,
	) -> Result<SlashOutcome, DispatchError> {
		Err(DispatchError::Other("no slasher"))
	}
	fn slash_weight() -> Weight {
		Weight::zero()
	}
}

/// Rewards in a network's name: implemented by the rewards pallet for the networks' on-chain
/// middleware, which pays stakers and operators in proportion to power.
pub trait NetworkRewards<AccountId, AssetKind, BlockNumber> {
	/// As `by`, which must be `network`'s registry middleware, and with `payer`'s funds:
	/// distributes `amount` of `asset` to the stakers of `vault` by their active shares at
	/// `snapshot`, after the vault's curator fee (at most `max_admin_fee`), as the rewards
	/// pallet's `distribute_staker_rewards` does.
	#[allow(clippy::too_many_arguments)]
	fn reward_stakers(
		by: &AccountId,
		payer: &AccountId,
		vault: VaultId,
		network: &AccountId,
		asset: &AssetKind,
		amount: u128,
		snapshot: BlockNumber,
		max_admin_fee: u32,
	) -> DispatchResult;

	/// As `by`, with `payer`'s funds: credits each operator its amount of `asset` from
	/// `network` (distinct operators, at most [`Self::max_operator_payouts`]).
	fn reward_operators(
		by: &AccountId,
		payer: &AccountId,
		network: &AccountId,
		asset: &AssetKind,
		payouts: Vec<(AccountId, u128)>,
	) -> DispatchResult;

	/// The most operators one [`Self::reward_operators`] credits.
	fn max_operator_payouts() -> u32;

	/// The worst-case weight of [`Self::reward_stakers`].
	fn reward_stakers_weight() -> Weight;

	/// The worst-case weight of [`Self::reward_operators`] for `n` operators.
	fn reward_operators_weight(n: u32) -> Weight;
}

/// A slash as the delegator's hook sees it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct SlashInfo<BlockNumber> {
	/// What was slashed.
	pub amount: u128,
	/// The capture block.
	pub capture: BlockNumber,
	/// What was still slashable for this capture before this slash: the stake at the capture
	/// less what earlier slashes of the same capture (or later ones) took. At least `amount`.
	pub slashable: u128,
}

/// What a vault's delegator gives each (subnetwork, operator): the guarantee networks capture,
/// and the delegator's side of a slash. Implemented by the delegation pallet for the slashing
/// pallet and the networks' middleware.
pub trait StakeProvider<AccountId, BlockNumber> {
	/// The stake `vault` gives `operator` in `subnetwork` now (not safe to capture: limits and
	/// stake may still change in this block).
	fn stake(vault: VaultId, subnetwork: &Subnetwork<AccountId>, operator: &AccountId) -> u128;

	/// The stake `vault` gave `operator` in `subnetwork` at block `at`: zero unless the operator
	/// was opted into both the vault and the network then. Errors for a block the histories
	/// cannot answer (in the future, or pruned), rather than guessing.
	fn stake_at(
		vault: VaultId,
		subnetwork: &Subnetwork<AccountId>,
		operator: &AccountId,
		at: BlockNumber,
	) -> Result<u128, DispatchError>;

	/// [`Self::stake_at`] for a vault the caller has already read: a caller that prices many
	/// operators of one vault (a middleware, pro-rata rewards) or slashes reads the vault once.
	/// The default reads it again.
	fn stake_at_in<AssetKind>(
		vault: &VaultView<AccountId, AssetKind, BlockNumber>,
		subnetwork: &Subnetwork<AccountId>,
		operator: &AccountId,
		at: BlockNumber,
	) -> Result<u128, DispatchError> {
		Self::stake_at(vault.id, subnetwork, operator, at)
	}

	/// The delegator's side of `slash`, taken from `operator`'s stake in `subnetwork`: runs the
	/// vault's hook policy, which can never fail the slash. Returns the weight used, at most
	/// [`Self::on_slash_weight`].
	fn on_slash(
		vault: VaultId,
		subnetwork: &Subnetwork<AccountId>,
		operator: &AccountId,
		slash: SlashInfo<BlockNumber>,
	) -> Weight;

	/// [`Self::on_slash`] for a vault the caller has already read. The default reads it again.
	fn on_slash_in<AssetKind>(
		vault: &VaultView<AccountId, AssetKind, BlockNumber>,
		subnetwork: &Subnetwork<AccountId>,
		operator: &AccountId,
		slash: SlashInfo<BlockNumber>,
	) -> Weight {
		Self::on_slash(vault.id, subnetwork, operator, slash)
	}

	/// The worst-case weight of [`Self::stake_at`].
	fn stake_at_weight() -> Weight;

	/// The worst-case weight of [`Self::on_slash`].
	fn on_slash_weight() -> Weight;
}

impl<AccountId, BlockNumber> StakeProvider<AccountId, BlockNumber> for () {
	fn stake(_: VaultId, _: &Subnetwork<AccountId>, _: &AccountId) -> u128 {
		0
	}
	fn stake_at(
		_: VaultId,
		_: &Subnetwork<AccountId>,
		_: &AccountId,
		_: BlockNumber,
	) -> Result<u128, DispatchError> {
		Ok(0)
	}
	fn on_slash(
		_: VaultId,
		_: &Subnetwork<AccountId>,
		_: &AccountId,
		_: SlashInfo<BlockNumber>,
	) -> Weight {
		Weight::zero()
	}
	fn stake_at_weight() -> Weight {
		Weight::zero()
	}
	fn on_slash_weight() -> Weight {
		Weight::zero()
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn unit_double_knows_nothing() {
		assert!(!<() as NetworkRegistry<u64>>::is_network(&1));
		assert_eq!(<() as NetworkRegistry<u64>>::middleware_of(&1), None);
		assert!(!<() as OperatorRegistry<u64>>::is_operator(&1));
		assert!(!<() as OptIns<u64, u32>>::is_opted_in(&1, &OptInTarget::Vault(0)));
		assert_eq!(
			<() as OptIns<u64, u32>>::is_opted_in_at(&1, &OptInTarget::Network(2), 5),
			Ok(false)
		);
		assert_eq!(<() as VaultsInspect<u64, u32>>::vault(0), None);
		assert_eq!(<() as VaultsInspect<u64, u32>>::active_stake_at(0, 1), Ok(0));
		assert_eq!(<() as VaultSlashing<u64, u32>>::on_slash(0, &2, &1, 10, 1), Ok(0));
		let sn = Subnetwork::main(2u64);
		assert_eq!(<() as StakeProvider<u64, u32>>::stake_at(0, &sn, &1, 5), Ok(0));
		let slash = SlashInfo { amount: 9, capture: 5, slashable: 9 };
		assert_eq!(<() as StakeProvider<u64, u32>>::on_slash(0, &sn, &1, slash), Weight::zero());
	}
}
