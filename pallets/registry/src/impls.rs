// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The glue traits of `rampart-primitives` that this pallet implements for the other pallets.

use crate::*;
use rampart_primitives::{
	traits::{NetworkRegistry, OperatorRegistry, OptIns},
	OptInTarget,
};
use sp_runtime::DispatchError;

impl<T: Config> NetworkRegistry<T::AccountId> for Pallet<T> {
	fn is_network(who: &T::AccountId) -> bool {
		Networks::<T>::contains_key(who)
	}

	fn middleware_of(network: &T::AccountId) -> Option<T::AccountId> {
		Networks::<T>::get(network).and_then(|record| record.middleware)
	}
}

impl<T: Config> OperatorRegistry<T::AccountId> for Pallet<T> {
	fn is_operator(who: &T::AccountId) -> bool {
		Operators::<T>::contains_key(who)
	}
}

impl<T: Config> OptIns<T::AccountId, BlockNumberOf<T>> for Pallet<T> {
	fn is_opted_in(operator: &T::AccountId, target: &OptInTarget<T::AccountId>) -> bool {
		Self::is_opted_in_now(operator, target)
	}

	fn is_opted_in_at(
		operator: &T::AccountId,
		target: &OptInTarget<T::AccountId>,
		at: BlockNumberOf<T>,
	) -> Result<bool, DispatchError> {
		Self::opted_in_at_block(operator, target, at).map_err(Into::into)
	}
}
