// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The logic behind the calls: one `do_*` function per call, and the lookups.

use crate::{types::footprint, *};
use codec::Encode;
use frame_support::{
	defensive, ensure,
	pallet_prelude::*,
	traits::{Consideration, PalletInfoAccess},
};
use rampart_primitives::{checkpoints::TraceError, traits::VaultsInspect, OptInTarget};
use sp_runtime::{
	traits::{Saturating, Verify, Zero},
	ArithmeticError,
};

/// Prefix and suffix that wallets' "sign raw" wraps around a message.
const WRAP_PREFIX: &[u8] = b"<Bytes>";
const WRAP_SUFFIX: &[u8] = b"</Bytes>";

impl<T: Config> Pallet<T> {
	/// The current block, as the configured provider counts it.
	pub fn now() -> BlockNumberOf<T> {
		rampart_primitives::clock::now::<T>()
	}

	pub(crate) fn do_register_network(who: &T::AccountId) -> DispatchResult {
		ensure!(!Networks::<T>::contains_key(who), Error::<T>::NetworkAlreadyRegistered);
		let (middleware, metadata, registered_at) = (None, MetadataOf::<T>::new(), Self::now());
		let len = (&middleware, &metadata, &registered_at).encoded_size();
		let deposit = T::Consideration::new(who, footprint(len))?;
		Networks::<T>::insert(who, NetworkRecord { middleware, metadata, registered_at, deposit });
		NetworkCount::<T>::mutate(|n| n.saturating_inc());
		Self::deposit_event(Event::NetworkRegistered { network: who.clone() });
		Ok(())
	}

	pub(crate) fn do_register_operator(who: &T::AccountId) -> DispatchResult {
		ensure!(!Operators::<T>::contains_key(who), Error::<T>::OperatorAlreadyRegistered);
		let (metadata, registered_at) = (MetadataOf::<T>::new(), Self::now());
		let len = (&metadata, &registered_at).encoded_size();
		let deposit = T::Consideration::new(who, footprint(len))?;
		Operators::<T>::insert(who, OperatorRecord { metadata, registered_at, deposit });
		OperatorCount::<T>::mutate(|n| n.saturating_inc());
		Self::deposit_event(Event::OperatorRegistered { operator: who.clone() });
		Ok(())
	}

	pub(crate) fn do_set_middleware(
		network: &T::AccountId,
		middleware: Option<T::AccountId>,
	) -> DispatchResult {
		Networks::<T>::try_mutate(network, |record| {
			let record = record.as_mut().ok_or(Error::<T>::NotNetwork)?;
			ensure!(record.middleware != middleware, Error::<T>::AlreadySet);
			record.middleware = middleware.clone();
			Self::resize_network_deposit(network, record)
		})?;
		Self::deposit_event(Event::MiddlewareSet { network: network.clone(), middleware });
		Ok(())
	}

	pub(crate) fn do_set_network_metadata(
		network: &T::AccountId,
		url: MetadataOf<T>,
	) -> DispatchResult {
		Networks::<T>::try_mutate(network, |record| {
			let record = record.as_mut().ok_or(Error::<T>::NotNetwork)?;
			ensure!(record.metadata != url, Error::<T>::AlreadySet);
			record.metadata = url.clone();
			Self::resize_network_deposit(network, record)
		})?;
		Self::deposit_event(Event::NetworkMetadataSet { network: network.clone(), url });
		Ok(())
	}

	pub(crate) fn do_set_operator_metadata(
		operator: &T::AccountId,
		url: MetadataOf<T>,
	) -> DispatchResult {
		Operators::<T>::try_mutate(operator, |record| {
			let record = record.as_mut().ok_or(Error::<T>::NotOperator)?;
			ensure!(record.metadata != url, Error::<T>::AlreadySet);
			record.metadata = url.clone();
			let len = (&record.metadata, &record.registered_at).encoded_size();
			record.deposit = record.deposit.clone().update(operator, footprint(len))?;
			Ok::<_, DispatchError>(())
		})?;
		Self::deposit_event(Event::OperatorMetadataSet { operator: operator.clone(), url });
		Ok(())
	}

	/// Holds or releases deposit so that it matches the network record's new size.
	fn resize_network_deposit(
		network: &T::AccountId,
		record: &mut NetworkRecordOf<T>,
	) -> DispatchResult {
		let len = (&record.middleware, &record.metadata, &record.registered_at).encoded_size();
		record.deposit = record.deposit.clone().update(network, footprint(len))?;
		Ok(())
	}

	pub(crate) fn do_opt_in(
		operator: &T::AccountId,
		target: &OptInTarget<T::AccountId>,
	) -> DispatchResult {
		ensure!(Operators::<T>::contains_key(operator), Error::<T>::NotOperator);
		ensure!(Self::target_exists(target), Error::<T>::UnknownTarget);
		OptInHistories::<T>::try_mutate(operator, target, |history| {
			let history = history.get_or_insert_with(Default::default);
			ensure!(history.latest() != Some(true), Error::<T>::AlreadyOptedIn);
			Self::record(history, true)
		})?;
		Self::deposit_event(Event::OptedIn { operator: operator.clone(), target: target.clone() });
		Self::do_increase_nonce(operator, target).map(|_| ())
	}

	pub(crate) fn do_opt_out(
		operator: &T::AccountId,
		target: &OptInTarget<T::AccountId>,
	) -> DispatchResult {
		OptInHistories::<T>::try_mutate(operator, target, |history| {
			let history = history.as_mut().ok_or(Error::<T>::NotOptedIn)?;
			ensure!(history.latest() == Some(true), Error::<T>::NotOptedIn);
			ensure!(history.changed_at != Some(Self::now()), Error::<T>::OptOutCooldown);
			Self::record(history, false)
		})?;
		Self::deposit_event(Event::OptedOut { operator: operator.clone(), target: target.clone() });
		Self::do_increase_nonce(operator, target).map(|_| ())
	}

	/// Prunes the history to the retention window, then records `opted_in` from this block on.
	///
	/// An opt-in must leave room for the opt-out after it: it is refused unless one more entry
	/// still fits once it is written, so leaving is never refused for a full history (an opt-out
	/// only ever follows an opt-in, and pruning only frees room).
	fn record(history: &mut OptInHistoryOf<T>, opted_in: bool) -> DispatchResult {
		let now = Self::now();
		let trace = &mut history.trace;
		trace.prune(now.saturating_sub(T::OptInHistoryRetention::get()));
		let adds_entry = trace.latest_key() != Some(now);
		if opted_in && adds_entry {
			let room = (T::MaxOptInHistory::get() as usize).saturating_sub(trace.len());
			ensure!(room >= 2, Error::<T>::TooManyOptInChanges);
		}
		history.changed_at = Some(now);
		match history.trace.push(now, opted_in) {
			Ok(_) => Ok(()),
			Err(TraceError::Full) => Err(Error::<T>::TooManyOptInChanges.into()),
			Err(e) => {
				defensive!("opt-in history is ahead of the block number", e);
				Err(DispatchError::Corruption)
			},
		}
	}

	pub(crate) fn do_increase_nonce(
		operator: &T::AccountId,
		target: &OptInTarget<T::AccountId>,
	) -> Result<u64, DispatchError> {
		let nonce = OptInNonces::<T>::try_mutate(operator, target, |nonce| {
			*nonce = nonce.checked_add(1).ok_or(ArithmeticError::Overflow)?;
			Ok::<_, DispatchError>(*nonce)
		})?;
		Self::deposit_event(Event::NonceIncreased {
			operator: operator.clone(),
			target: target.clone(),
			nonce,
		});
		Ok(nonce)
	}

	/// Whether `target` is a registered network or an existing vault.
	pub(crate) fn target_exists(target: &OptInTarget<T::AccountId>) -> bool {
		match target {
			OptInTarget::Network(network) => Networks::<T>::contains_key(network),
			OptInTarget::Vault(vault) => T::Vaults::vault(*vault).is_some(),
		}
	}

	/// Whether `operator` is opted into `target` now.
	pub fn is_opted_in_now(operator: &T::AccountId, target: &OptInTarget<T::AccountId>) -> bool {
		OptInHistories::<T>::get(operator, target)
			.and_then(|h| h.latest())
			.unwrap_or(false)
	}

	/// Whether `operator` was opted into `target` at block `at`, for any block of the retention
	/// window `[now - OptInHistoryRetention, now]`.
	pub fn opted_in_at_block(
		operator: &T::AccountId,
		target: &OptInTarget<T::AccountId>,
		at: BlockNumberOf<T>,
	) -> Result<bool, Error<T>> {
		let now = Self::now();
		ensure!(at <= now, Error::<T>::FutureBlock);
		ensure!(
			at >= now.saturating_sub(T::OptInHistoryRetention::get()),
			Error::<T>::HistoryPruned
		);
		match OptInHistories::<T>::get(operator, target) {
			None => Ok(false),
			Some(history) => history
				.at(at)
				.map(|value| value.unwrap_or(false))
				.map_err(|_| Error::<T>::HistoryPruned),
		}
	}

	/// The message `operator` signs to have `action` on `target` relayed with `nonce`.
	pub fn opt_in_message(
		action: OptInAction,
		operator: &T::AccountId,
		target: &OptInTarget<T::AccountId>,
		nonce: u64,
		deadline: BlockNumberOf<T>,
	) -> OptInMessage<T::AccountId, T::Hash, BlockNumberOf<T>> {
		OptInMessage {
			domain: OPT_IN_DOMAIN,
			genesis_hash: frame_system::Pallet::<T>::block_hash(
				frame_system::pallet_prelude::BlockNumberFor::<T>::zero(),
			),
			pallet: <Self as PalletInfoAccess>::name().as_bytes().to_vec(),
			action,
			operator: operator.clone(),
			target: target.clone(),
			nonce,
			deadline,
		}
	}

	/// Checks a relayed message: deadline first, then the operator's signature over the message
	/// with the pair's current nonce.
	pub(crate) fn check_signed(
		action: OptInAction,
		operator: &T::AccountId,
		target: &OptInTarget<T::AccountId>,
		deadline: BlockNumberOf<T>,
		signature: &T::OffchainSignature,
	) -> DispatchResult {
		ensure!(deadline >= Self::now(), Error::<T>::SignatureExpired);
		let nonce = OptInNonces::<T>::get(operator, target);
		let message = Self::opt_in_message(action, operator, target, nonce, deadline).encode();
		ensure!(
			signature.verify(&message[..], operator) || {
				let wrapped = [WRAP_PREFIX, &message[..], WRAP_SUFFIX].concat();
				signature.verify(&wrapped[..], operator)
			},
			Error::<T>::BadSignature
		);
		Ok(())
	}

	/// Checks the pallet's invariants (PROTOCOL 6.1 items 1 and 2, DESIGN 3):
	/// - the counters equal the number of registrations;
	/// - every opt-in history is well formed (strictly increasing blocks, alternating values,
	///   none in the future), belongs to a registered operator, and targets a registered network
	///   when it targets a network;
	/// - every opt-in history entry came with a nonce bump, so the nonce is at least the number
	///   of entries kept.
	///
	/// Compiled with `std` as well, so that runtime and integration tests (which cannot turn on
	/// `try-runtime` without rebuilding the whole FRAME stack) check it after every test.
	#[cfg(any(test, feature = "std", feature = "try-runtime"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		ensure!(
			Networks::<T>::iter_keys().count() as u32 == NetworkCount::<T>::get(),
			"NetworkCount differs from the number of networks"
		);
		ensure!(
			Operators::<T>::iter_keys().count() as u32 == OperatorCount::<T>::get(),
			"OperatorCount differs from the number of operators"
		);
		let now = Self::now();
		for (operator, target, history) in OptInHistories::<T>::iter() {
			history.check()?;
			ensure!(
				history.latest_key().is_none_or(|k| k <= now),
				"an opt-in history is ahead of the chain"
			);
			ensure!(
				history.changed_at.is_some_and(|c| c <= now)
					&& history.latest_key().is_none_or(|k| Some(k) <= history.changed_at),
				"an opt-in history's latest change is not at or after its newest entry"
			);
			ensure!(
				history.latest() != Some(true)
					|| history.len() < T::MaxOptInHistory::get() as usize,
				"an opted-in history has no room left for the opt-out"
			);
			ensure!(
				Operators::<T>::contains_key(&operator),
				"an opt-in history belongs to an unregistered operator"
			);
			if let OptInTarget::Network(network) = &target {
				ensure!(
					Networks::<T>::contains_key(network),
					"an opt-in history targets an unregistered network"
				);
			}
			ensure!(
				OptInNonces::<T>::get(&operator, &target) >= history.len() as u64,
				"an opt-in history has more entries than nonce bumps"
			);
		}
		Ok(())
	}
}
