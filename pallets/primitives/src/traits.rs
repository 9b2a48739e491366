// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Glue traits: how the Rampart pallets see each other.
//!
//! No pallet's `Config` names another Rampart pallet. A pallet that needs to know, say, whether an
//! operator opted into a network asks for `T::OptIns: OptIns<..>`, and the runtime plugs the pallet
//! that knows in. Every trait has a `()` implementation (nothing registered, nothing opted in, no
//! vault) so unit tests can stay small, and [`AllowAll`] says yes to everything (every account a
//! network acting as its own middleware and an operator opted into everything, every vault
//! existing) for tests of pallets that only need the registry out of the way.

use crate::{OptInTarget, VaultId};
use sp_runtime::DispatchError;

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

/// What other pallets may ask the vaults pallet.
pub trait VaultsInspect {
	/// Whether vault `vault` exists.
	fn vault_exists(vault: VaultId) -> bool;
}

impl VaultsInspect for () {
	fn vault_exists(_: VaultId) -> bool {
		false
	}
}

/// A double that says yes to everything: every account is a network (its own middleware) and an
/// operator, every operator is opted into every target at every block, every vault exists.
pub struct AllowAll;

impl<AccountId: Clone> NetworkRegistry<AccountId> for AllowAll {
	fn is_network(_: &AccountId) -> bool {
		true
	}
	fn middleware_of(network: &AccountId) -> Option<AccountId> {
		Some(network.clone())
	}
}

impl<AccountId> OperatorRegistry<AccountId> for AllowAll {
	fn is_operator(_: &AccountId) -> bool {
		true
	}
}

impl<AccountId, BlockNumber> OptIns<AccountId, BlockNumber> for AllowAll {
	fn is_opted_in(_: &AccountId, _: &OptInTarget<AccountId>) -> bool {
		true
	}
	fn is_opted_in_at(
		_: &AccountId,
		_: &OptInTarget<AccountId>,
		_: BlockNumber,
	) -> Result<bool, DispatchError> {
		Ok(true)
	}
}

impl VaultsInspect for AllowAll {
	fn vault_exists(_: VaultId) -> bool {
		true
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
		assert!(!<() as VaultsInspect>::vault_exists(0));
	}

	#[test]
	fn allow_all_double_says_yes() {
		assert!(<AllowAll as NetworkRegistry<u64>>::is_network(&1));
		assert_eq!(<AllowAll as NetworkRegistry<u64>>::middleware_of(&7), Some(7));
		assert!(<AllowAll as OperatorRegistry<u64>>::is_operator(&1));
		assert!(<AllowAll as OptIns<u64, u32>>::is_opted_in(&1, &OptInTarget::Vault(0)));
		assert_eq!(
			<AllowAll as OptIns<u64, u32>>::is_opted_in_at(&1, &OptInTarget::Network(2), 5),
			Ok(true)
		);
		assert!(<AllowAll as VaultsInspect>::vault_exists(42));
	}
}
