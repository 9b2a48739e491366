// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The calls of the middleware pallet, a section of the pallet module: what each does, its
//! origin, its errors and its events.

use frame_support::pallet_macros::pallet_section;

/// The calls of the middleware pallet.
#[pallet_section]
mod calls {
	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Accept `vault` in `subnetwork` from the next block: its stake counts toward operator
		/// power from then on.
		///
		/// ## Dispatch Origin
		/// Signed by the network, or its registry middleware.
		///
		/// ## Errors
		/// - [`Error::NotNetwork`]: the caller cannot configure the subnetwork.
		/// - [`Error::UnknownVault`]: no such vault.
		/// - [`Error::AlreadyAccepted`]: already accepted.
		/// - [`Error::TooManyVaults`]: the set is full.
		/// - [`Error::TooManyChanges`]: the vault's membership changed too often in the window.
		///
		/// ## Events
		/// - [`Event::VaultAccepted`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::accept_vault())]
		pub fn accept_vault(
			origin: OriginFor<T>,
			subnetwork: SubnetworkOf<T>,
			vault: VaultId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::ensure_network(&who, &subnetwork)?;
			Self::do_accept_vault(subnetwork, vault)
		}

		/// Stop accepting `vault` in `subnetwork` from the next block. Power at earlier blocks
		/// (and slashes at captures before then) still count it.
		///
		/// ## Dispatch Origin
		/// Signed by the network, or its registry middleware.
		///
		/// ## Errors
		/// - [`Error::NotNetwork`]: the caller cannot configure the subnetwork.
		/// - [`Error::NotAccepted`]: the vault is not accepted.
		/// - [`Error::TooManyChanges`]: the vault's membership changed too often in the window.
		///
		/// ## Events
		/// - [`Event::VaultRemoved`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_vault())]
		pub fn remove_vault(
			origin: OriginFor<T>,
			subnetwork: SubnetworkOf<T>,
			vault: VaultId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::ensure_network(&who, &subnetwork)?;
			Self::do_remove_vault(subnetwork, vault)
		}

		/// Configure how `subnetwork` values `asset`: haircut, price source (the network, or a
		/// median of feeders with a quorum), staleness and its policy, maximum step. Takes effect
		/// now; the current price is kept. Posts of feeders no longer listed are dropped.
		///
		/// ## Dispatch Origin
		/// Signed by the network, or its registry middleware.
		///
		/// ## Errors
		/// - [`Error::NotNetwork`]: the caller cannot configure the subnetwork.
		/// - [`Error::InvalidFeeders`]: duplicated feeders, or a quorum of zero or above them.
		/// - [`Error::ZeroPrice`]: a fallback price of zero.
		/// - [`Error::TooManyChanges`]: the valuation changed too often in the window.
		///
		/// ## Events
		/// - [`Event::ValuationSet`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_valuation())]
		pub fn set_valuation(
			origin: OriginFor<T>,
			subnetwork: SubnetworkOf<T>,
			asset: T::AssetKind,
			config: ValuationConfigOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::ensure_network(&who, &subnetwork)?;
			Self::do_set_valuation(subnetwork, asset, config)
		}

		/// Set the price of `asset` in `subnetwork`, when the network is its source. The maximum
		/// step applies.
		///
		/// ## Dispatch Origin
		/// Signed by the network, or its registry middleware.
		///
		/// ## Errors
		/// - [`Error::NotNetwork`]: the caller cannot configure the subnetwork.
		/// - [`Error::NoValuation`]: no valuation configured.
		/// - [`Error::PriceFromFeeders`]: the feeders set this price.
		/// - [`Error::ZeroPrice`]: a price of zero.
		/// - [`Error::PriceStepTooLarge`]: beyond the maximum step, which refuses it.
		/// - [`Error::TooManyChanges`]: the valuation changed too often in the window.
		///
		/// ## Events
		/// - [`Event::PriceUpdated`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_price())]
		pub fn set_price(
			origin: OriginFor<T>,
			subnetwork: SubnetworkOf<T>,
			asset: T::AssetKind,
			price: Price,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::ensure_network(&who, &subnetwork)?;
			Self::do_set_price(subnetwork, asset, price)
		}

		/// Post a feeder's price of `asset` in `subnetwork`. Once at least the quorum of posts
		/// is fresh, their median becomes the price (the maximum step applies to it).
		///
		/// ## Dispatch Origin
		/// Signed by one of the collateral's feeders.
		///
		/// ## Errors
		/// - [`Error::NoValuation`]: no valuation configured.
		/// - [`Error::NotFeeder`]: the caller is not a feeder.
		/// - [`Error::ZeroPrice`]: a price of zero.
		/// - [`Error::PriceStepTooLarge`]: the new median is beyond the maximum step, which
		///   refuses it.
		/// - [`Error::TooManyChanges`]: the valuation changed too often in the window.
		///
		/// ## Events
		/// - [`Event::PricePosted`], and [`Event::PriceUpdated`] when the median changes.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::post_price())]
		pub fn post_price(
			origin: OriginFor<T>,
			subnetwork: SubnetworkOf<T>,
			asset: T::AssetKind,
			price: Price,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_post_price(who, subnetwork, asset, price)
		}

		/// Set `subnetwork`'s operator set policy from now on.
		///
		/// ## Dispatch Origin
		/// Signed by the network, or its registry middleware.
		///
		/// ## Errors
		/// - [`Error::NotNetwork`]: the caller cannot configure the subnetwork.
		/// - [`Error::InvalidPolicy`]: no operators, or more than `MaxOperatorsPerSubnetwork`.
		/// - [`Error::TooManyChanges`]: the policy changed too often in the window.
		///
		/// ## Events
		/// - [`Event::PolicySet`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::set_operator_set_policy())]
		pub fn set_operator_set_policy(
			origin: OriginFor<T>,
			subnetwork: SubnetworkOf<T>,
			policy: OperatorSetPolicy,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::ensure_network(&who, &subnetwork)?;
			Self::do_set_policy(subnetwork, policy)
		}

		/// Choose who may join `subnetwork`'s operator list: operators opted into the network,
		/// or those on its allowlist. Members stay.
		///
		/// ## Dispatch Origin
		/// Signed by the network, or its registry middleware.
		///
		/// ## Errors
		/// - [`Error::NotNetwork`]: the caller cannot configure the subnetwork.
		///
		/// ## Events
		/// - [`Event::AdmissionSet`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::set_admission())]
		pub fn set_admission(
			origin: OriginFor<T>,
			subnetwork: SubnetworkOf<T>,
			admission: Admission,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::ensure_network(&who, &subnetwork)?;
			Admissions::<T>::insert(&subnetwork, admission);
			Self::deposit_event(Event::AdmissionSet { subnetwork, admission });
			Ok(())
		}

		/// Put `operator` on (`allowed`) or take it off `subnetwork`'s allowlist. A member taken
		/// off stays until removed.
		///
		/// ## Dispatch Origin
		/// Signed by the network, or its registry middleware.
		///
		/// ## Errors
		/// - [`Error::NotNetwork`]: the caller cannot configure the subnetwork.
		/// - [`Error::AlreadySet`]: the allowlist already says so.
		///
		/// ## Events
		/// - [`Event::AllowlistUpdated`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::set_allowlisted())]
		pub fn set_allowlisted(
			origin: OriginFor<T>,
			subnetwork: SubnetworkOf<T>,
			operator: T::AccountId,
			allowed: bool,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::ensure_network(&who, &subnetwork)?;
			let key = (&subnetwork, &operator);
			ensure!(Allowlist::<T>::contains_key(key.0, key.1) != allowed, Error::<T>::AlreadySet);
			if allowed {
				Allowlist::<T>::insert(key.0, key.1, ());
			} else {
				Allowlist::<T>::remove(key.0, key.1);
			}
			Self::deposit_event(Event::AllowlistUpdated { subnetwork, operator, allowed });
			Ok(())
		}

		/// Join `subnetwork`'s operator list from the next block, holding a deposit (kept from an
		/// earlier membership not yet reaped).
		///
		/// ## Dispatch Origin
		/// Signed by a registered operator.
		///
		/// ## Errors
		/// - [`Error::NotOperator`]: not a registered operator.
		/// - [`Error::NotAdmitted`]: not opted into the network (open admission) or not on the
		///   allowlist.
		/// - [`Error::AlreadyMember`]: a member already, or joining.
		/// - [`Error::TooManyOperators`]: the list is full.
		/// - [`Error::TooManyChanges`]: the membership changed too often in the window.
		/// - The deposit's error if the operator cannot pay it.
		///
		/// ## Events
		/// - [`Event::OperatorJoined`].
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::join())]
		pub fn join(origin: OriginFor<T>, subnetwork: SubnetworkOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_join(who, subnetwork)
		}

		/// Leave `subnetwork`'s operator list after `LeaveDelay` blocks. The deposit comes back
		/// when the membership is reaped, once it has passed out of the retention window.
		///
		/// ## Dispatch Origin
		/// Signed by the operator.
		///
		/// ## Errors
		/// - [`Error::NotMember`]: not a member (or already leaving).
		/// - [`Error::TooManyChanges`]: the membership changed too often in the window.
		///
		/// ## Events
		/// - [`Event::OperatorLeaving`].
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::leave())]
		pub fn leave(origin: OriginFor<T>, subnetwork: SubnetworkOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_leave(who, subnetwork)
		}

		/// Remove `operator` from `subnetwork`'s list after `LeaveDelay` blocks, as if it left.
		///
		/// ## Dispatch Origin
		/// Signed by the network, or its registry middleware.
		///
		/// ## Errors
		/// - [`Error::NotNetwork`]: the caller cannot configure the subnetwork.
		/// - [`Error::NotMember`]: not a member (or already leaving).
		/// - [`Error::TooManyChanges`]: the membership changed too often in the window.
		///
		/// ## Events
		/// - [`Event::OperatorLeaving`].
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::leave())]
		pub fn remove_operator(
			origin: OriginFor<T>,
			subnetwork: SubnetworkOf<T>,
			operator: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::ensure_network(&who, &subnetwork)?;
			Self::do_leave(operator, subnetwork)
		}

		/// Release a former member's place in `subnetwork`'s list and its deposit, once its
		/// membership ended before the retention window (nothing can read it any more).
		///
		/// ## Dispatch Origin
		/// Signed by anyone.
		///
		/// ## Errors
		/// - [`Error::NotReapable`]: still a member, or the end of its membership is still inside
		///   the window.
		///
		/// ## Events
		/// - [`Event::OperatorReaped`].
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::reap_operator())]
		pub fn reap_operator(
			origin: OriginFor<T>,
			subnetwork: SubnetworkOf<T>,
			operator: T::AccountId,
		) -> DispatchResult {
			ensure_signed(origin)?;
			ensure!(Self::reap(&subnetwork, &operator), Error::<T>::NotReapable);
			Ok(())
		}

		/// Set the caller's commission in `subnetwork`: its share of the rewards paid for its
		/// power, from `CommissionDelay` blocks on.
		///
		/// ## Dispatch Origin
		/// Signed by a registered operator.
		///
		/// ## Errors
		/// - [`Error::NotOperator`]: not a registered operator.
		/// - [`Error::TooManyChanges`]: the commission changed too often in the window.
		///
		/// ## Events
		/// - [`Event::CommissionSet`].
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::set_commission())]
		pub fn set_commission(
			origin: OriginFor<T>,
			subnetwork: SubnetworkOf<T>,
			commission: Perbill,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_commission(who, subnetwork, commission)
		}

		/// Slash `power` of `operator`'s power in `subnetwork` at `capture`, through its vaults:
		/// split pro rata to each vault's part of the operator's power at the capture, each part
		/// converted back to collateral at the valuation in force then (rounded down, so the
		/// power slashed never exceeds `power`), and sent through the vault's own slasher (an
		/// instant vault slashes, a veto vault records a request). One vault's failure is
		/// reported and never blocks the others.
		///
		/// The network must have handed its registry middleware role to this pallet:
		/// `registry.set_middleware(Some(middleware_account(network)))`.
		///
		/// ## Dispatch Origin
		/// Signed by the network.
		///
		/// ## Errors
		/// - [`Error::NotNetwork`]: the caller is not the network.
		/// - [`Error::NotDelegated`]: the network's registry middleware is not this pallet's
		///   account for it.
		/// - [`Error::ZeroPower`]: nothing to slash.
		/// - [`Error::InvalidCapture`]: a capture at or after the current block.
		/// - [`Error::NoPower`]: the operator had no power at the capture.
		/// - [`Error::HistoryPruned`]: a capture before the retention window.
		///
		/// ## Events
		/// - [`Event::VaultSlashed`] or [`Event::VaultSlashFailed`] per vault, then
		///   [`Event::PowerSlashed`].
		#[pallet::call_index(13)]
		#[pallet::weight(Pallet::<T>::slash_weight())]
		pub fn slash(
			origin: OriginFor<T>,
			subnetwork: SubnetworkOf<T>,
			operator: T::AccountId,
			power: u128,
			capture: BlockNumberOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::ensure_network(&who, &subnetwork)?;
			Self::do_slash(subnetwork, operator, power, capture)
		}

		/// Pay `amount` of `asset` for the power of `subnetwork`'s operator set at `snapshot`:
		/// each operator's part is pro rata to its capped power; its commission at the snapshot
		/// goes to it (credited in the rewards pallet), the rest to the stakers of the vaults
		/// behind it, pro rata to each vault's part of its power (a staker distribution per
		/// vault, at most `max_admin_fee` to the vault's curator). Every part is rounded down;
		/// the dust stays with the caller, who pays only what is distributed.
		///
		/// ## Dispatch Origin
		/// Signed by the network, which pays.
		///
		/// ## Errors
		/// - [`Error::NotNetwork`]: the caller is not the network.
		/// - [`Error::NotDelegated`]: the network's registry middleware is not this pallet's
		///   account for it.
		/// - [`Error::ZeroPower`]: a reward of zero.
		/// - [`Error::InvalidCapture`]: a snapshot at or after the current block.
		/// - [`Error::NoPower`]: the operator set had no power at the snapshot.
		/// - The rewards pallet's errors (a snapshot too old, a curator fee above
		///   `max_admin_fee`, the payer's funds).
		///
		/// ## Events
		/// - [`Event::RewardsDistributed`], and the rewards pallet's events.
		#[pallet::call_index(14)]
		#[pallet::weight(Pallet::<T>::distribute_weight())]
		pub fn distribute_rewards(
			origin: OriginFor<T>,
			subnetwork: SubnetworkOf<T>,
			asset: T::AssetKind,
			amount: u128,
			snapshot: BlockNumberOf<T>,
			max_admin_fee: u32,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::ensure_network(&who, &subnetwork)?;
			Self::do_distribute_rewards(who, subnetwork, asset, amount, snapshot, max_admin_fee)
		}
	}
}
