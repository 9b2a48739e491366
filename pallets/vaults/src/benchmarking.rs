// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Benchmarks at each call's worst case: asset (not native) collateral, the most initial roles,
//! histories that already hold entries for the pushes to prune, existing buckets, the longest
//! claim batch. `on_slash` is benchmarked over the number of depositors to show it is flat.

use super::*;
use crate::Pallet as Vaults;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungibles::{Inspect, Mutate},
		AccountTouch, EnsureOrigin, Get,
	},
	BoundedVec,
};
use frame_system::RawOrigin;
use rampart_primitives::{paged_trace::PAGE_LEN, traits::VaultSlashing, VaultId};
use sp_runtime::traits::{BlockNumberProvider, One, Saturating, Zero};

/// Depositors in the state of the `on_slash` benchmark.
const MAX_DEPOSITORS: u32 = 1_000;

/// Depositors in the state of the `on_slash_flatness` measurement.
const FLATNESS_DEPOSITORS: u32 = 100_000;

/// Collateral units every benchmark account gets.
const FUNDS: u128 = 1_000_000_000_000_000;

fn fund<T: Config>(collateral: &T::AssetKind, who: &T::AccountId) {
	let native = T::NativeAsset::get();
	let _ = T::Assets::mint_into(native.clone(), who, FUNDS);
	if *collateral != native {
		let _ = T::Assets::mint_into(collateral.clone(), who, FUNDS);
	}
}

fn set_block<T: Config>(n: u32) {
	T::BlockNumberProvider::set_block_number(n.into());
}

/// The burner of the benchmark vaults: a router (the costliest to resolve) with a delay of one
/// block and a fallback that does not exist yet.
fn router<T: Config>() -> Burner<T::AccountId, BlockNumberOf<T>> {
	Burner::Router { fallback: account("fallback", 0, 0), delay: One::one() }
}

/// A vault over the helper's (non-native) collateral, administered by `admin`, who also sets
/// its router's receivers, with every initial role slot used. Its epochs last at least
/// [`HISTORY`] blocks, so that a setup's history is not pruned before the measured call.
fn new_vault<T: Config>(admin: &T::AccountId) -> VaultId {
	let collateral = T::BenchmarkHelper::collateral();
	fund::<T>(&collateral, admin);
	let mut roles =
		alloc::vec![(Role::Admin, admin.clone()), (Role::BurnerRouterSetter, admin.clone())];
	let max = T::MaxInitialRoles::get();
	let mut i = 0;
	while (roles.len() as u32) < max {
		roles.push((Role::DepositLimitSetter, account("holder", i, 0)));
		i += 1;
	}
	let config = VaultConfig {
		collateral,
		epoch_duration: T::MinEpochDuration::get()
			.max(HISTORY.into())
			.min(T::MaxEpochDuration::get()),
		delegator: DelegatorKind::NetworkRestake,
		slasher: SlasherKind::Instant,
		burner: router::<T>(),
		deposit_whitelist: false,
		is_deposit_limit: false,
		deposit_limit: 0,
		roles: BoundedVec::truncate_from(roles),
	};
	Vaults::<T>::do_create_vault(admin, config).expect("a funded creator creates a vault; qed")
}

/// Entries each history holds before a measured call pushes: three full pages and three in the
/// head, so that the measured push (and a setup push in the same block before it) finds a page to
/// prune, the most a push that does not fill a page writes.
const HISTORY: u32 = 3 * PAGE_LEN + 3;
/// What each setup deposit puts in.
const EACH: u128 = 1_000_000;

/// `who` deposits in [`HISTORY`] consecutive blocks from `from`, leaving that many entries in
/// each of the vault's histories and its own.
fn deposit_history<T: Config>(vault: VaultId, who: &T::AccountId, from: u32) {
	let collateral = Vaults::<T>::info(vault).expect("vault exists; qed").collateral;
	fund::<T>(&collateral, who);
	for b in from..from + HISTORY {
		set_block::<T>(b);
		Vaults::<T>::do_deposit(who, vault, who, EACH).expect("funded deposit; qed");
	}
}

/// Pages pruned so far from the vault's `(A, S)` history and from `who`'s shares history.
fn pruned_pages<T: Config>(vault: VaultId, who: &T::AccountId) -> (u32, u32) {
	(
		ActivePools::<T>::head(&vault).first_page,
		SharesOf::<T>::head(&(vault, who.clone())).first_page,
	)
}

/// A block far enough after `from` that every history entry but the last is prunable.
fn far_after<T: Config>(vault: VaultId, from: u32) -> u32 {
	let info = Vaults::<T>::info(vault).expect("vault exists; qed");
	let window = info
		.clock
		.duration
		.saturating_mul(2u32.into())
		.saturating_add(T::RewardLookback::get());
	let window: u32 = window.try_into().unwrap_or(u32::MAX / 4);
	from.saturating_add(window).saturating_add(10)
}

/// The state of the slash benchmarks: `total` depositors, `d` of them in the returned vault and
/// the rest in another, one withdrawal in the vault's next bucket; returns the vault and half its
/// stake, the amount to slash.
///
/// Each vault's stake comes from one deposit (1 000 000 per depositor) by its first depositor,
/// whose shares then go out by share transfers, an equal part to each other depositor: the
/// state `n` deposits leave (a share history per holder, one pool) at a fraction of the setup
/// (a deposit also funds its depositor and moves collateral), so that a state of 100 000
/// depositors builds in seconds.
fn slash_state<T: Config>(d: u32, total: u32) -> (VaultId, u128) {
	let admin: T::AccountId = account("admin", 0, 0);
	set_block::<T>(1);
	let vault = new_vault::<T>(&admin);
	let other = new_vault::<T>(&admin);
	let collateral = Vaults::<T>::info(vault).expect("vault exists; qed").collateral;
	for (target, first, holders) in [(vault, 0, d), (other, d, total.saturating_sub(d))] {
		if holders == 0 {
			continue;
		}
		let whale: T::AccountId = account("depositor", first, 0);
		fund::<T>(&collateral, &whale);
		Vaults::<T>::do_deposit(&whale, target, &whale, 1_000_000 * u128::from(holders))
			.expect("funded deposit; qed");
		let part = Vaults::<T>::shares_of(target, &whale) / u128::from(holders);
		for i in first + 1..first + holders {
			let who: T::AccountId = account("depositor", i, 0);
			Vaults::<T>::do_transfer_shares(target, &whale, &who, part)
				.expect("the first depositor holds every share; qed");
			// Their events would fill the runtime's memory (they are not part of what is
			// measured).
			if i % 1_000 == 0 {
				frame_system::Pallet::<T>::reset_events();
			}
		}
		frame_system::Pallet::<T>::reset_events();
	}
	let withdrawer: T::AccountId = account("depositor", 0, 0);
	Vaults::<T>::do_withdraw(&withdrawer, vault, &withdrawer, 1_000).expect("shares; qed");
	set_block::<T>(2);
	(vault, 1_000_000u128.saturating_mul(d as u128) / 2)
}

#[benchmarks]
mod benches {
	use super::*;

	/// The kind bound to an operator and a network: creation checks both registrations.
	#[benchmark]
	fn create_vault() {
		let caller: T::AccountId = whitelisted_caller();
		let collateral = T::BenchmarkHelper::collateral();
		fund::<T>(&collateral, &caller);
		let operator: T::AccountId = account("operator", 0, 0);
		let network: T::AccountId = account("network", 0, 0);
		T::BenchmarkHelper::register(&operator, &network);
		let roles: Vec<_> = (0..T::MaxInitialRoles::get())
			.map(|i| (Role::DepositLimitSetter, account("holder", i, 0)))
			.collect();
		let config = VaultConfig {
			collateral,
			epoch_duration: T::MinEpochDuration::get(),
			delegator: DelegatorKind::OperatorNetworkSpecific { operator, network },
			slasher: SlasherKind::Instant,
			burner: router::<T>(),
			deposit_whitelist: false,
			is_deposit_limit: true,
			deposit_limit: 0,
			roles: BoundedVec::truncate_from(roles),
		};

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), config);

		assert!(Vaults::<T>::info(0).is_ok());
	}

	#[benchmark]
	fn deposit() {
		let admin: T::AccountId = account("admin", 0, 0);
		set_block::<T>(1);
		let vault = new_vault::<T>(&admin);
		let caller: T::AccountId = whitelisted_caller();
		deposit_history::<T>(vault, &caller, 1);
		set_block::<T>(far_after::<T>(vault, 1 + HISTORY));
		let pruned = pruned_pages::<T>(vault, &caller);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), vault, caller.clone(), 1_000_000);

		assert_eq!(Vaults::<T>::active_stake(vault), EACH * (HISTORY as u128 + 1));
		// Both histories took the path that prunes a page.
		assert_eq!(pruned_pages::<T>(vault, &caller), (pruned.0 + 1, pruned.1 + 1));
	}

	#[benchmark]
	fn withdraw() {
		let admin: T::AccountId = account("admin", 0, 0);
		set_block::<T>(1);
		let vault = new_vault::<T>(&admin);
		let caller: T::AccountId = whitelisted_caller();
		deposit_history::<T>(vault, &caller, 1);
		set_block::<T>(far_after::<T>(vault, 1 + HISTORY));
		// The bucket already has a position.
		Vaults::<T>::do_withdraw(&caller, vault, &caller, 1_000).expect("enough shares; qed");
		let pruned = pruned_pages::<T>(vault, &caller);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), vault, caller.clone(), 1_000_000);

		assert_eq!(Vaults::<T>::active_stake(vault), EACH * (HISTORY as u128 - 1) - 1_000);
		// Both histories took the path that prunes a page (in the block of the setup's
		// withdrawal: the same entry is rewritten).
		assert_eq!(pruned_pages::<T>(vault, &caller), (pruned.0 + 1, pruned.1 + 1));
	}

	#[benchmark]
	fn redeem() {
		let admin: T::AccountId = account("admin", 0, 0);
		set_block::<T>(1);
		let vault = new_vault::<T>(&admin);
		let caller: T::AccountId = whitelisted_caller();
		deposit_history::<T>(vault, &caller, 1);
		set_block::<T>(far_after::<T>(vault, 1 + HISTORY));
		Vaults::<T>::do_redeem(&caller, vault, &caller, 1_000).expect("enough shares; qed");

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), vault, caller.clone(), 1_000_000);

		assert_eq!(Vaults::<T>::active_stake(vault), EACH * (HISTORY as u128 - 1) - 1_000);
	}

	#[benchmark]
	fn claim() {
		let admin: T::AccountId = account("admin", 0, 0);
		set_block::<T>(1);
		let vault = new_vault::<T>(&admin);
		let caller: T::AccountId = whitelisted_caller();
		deposit_history::<T>(vault, &caller, 1);
		Vaults::<T>::do_withdraw(&caller, vault, &caller, 1_000_000).expect("enough shares; qed");
		let epoch = Vaults::<T>::current_epoch_of(vault).expect("vault exists; qed") + One::one();
		set_block::<T>(far_after::<T>(vault, 1 + HISTORY));

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), vault, caller.clone(), epoch);

		assert_eq!(Vaults::<T>::withdrawals_of(vault, epoch, &caller), 0);
	}

	#[benchmark]
	fn claim_batch(n: Linear<1, { T::MaxClaimBatch::get() }>) {
		let admin: T::AccountId = account("admin", 0, 0);
		set_block::<T>(1);
		let vault = new_vault::<T>(&admin);
		let caller: T::AccountId = whitelisted_caller();
		deposit_history::<T>(vault, &caller, 1);
		let duration: u32 = Vaults::<T>::info(vault)
			.expect("vault exists; qed")
			.clock
			.duration
			.try_into()
			.unwrap_or(1);
		let mut epochs = Vec::new();
		let mut block = 1 + HISTORY;
		for _ in 0..n {
			set_block::<T>(block);
			Vaults::<T>::do_withdraw(&caller, vault, &caller, 1_000).expect("enough shares; qed");
			epochs.push(
				Vaults::<T>::current_epoch_of(vault).expect("vault exists; qed") + One::one(),
			);
			block += duration;
		}
		set_block::<T>(block + 3 * duration);
		let epochs = BoundedVec::truncate_from(epochs);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), vault, caller.clone(), epochs);

		assert_eq!(Vaults::<T>::active_stake(vault), EACH * HISTORY as u128 - 1_000 * n as u128);
	}

	#[benchmark]
	fn transfer_shares() {
		let admin: T::AccountId = account("admin", 0, 0);
		set_block::<T>(1);
		let vault = new_vault::<T>(&admin);
		let caller: T::AccountId = whitelisted_caller();
		let to: T::AccountId = account("to", 0, 0);
		deposit_history::<T>(vault, &caller, 1);
		deposit_history::<T>(vault, &to, 1 + HISTORY);
		set_block::<T>(far_after::<T>(vault, 1 + 2 * HISTORY));

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), vault, to.clone(), 1_000);

		assert_eq!(Vaults::<T>::shares_of(vault, &to), EACH * HISTORY as u128 + 1_000);
	}

	#[benchmark]
	fn set_deposit_whitelist() {
		let admin: T::AccountId = whitelisted_caller();
		let vault = new_vault::<T>(&admin);
		Vaults::<T>::do_set_role(&admin, vault, Role::DepositWhitelistSetter, admin.clone(), true)
			.expect("admin grants; qed");

		#[extrinsic_call]
		_(RawOrigin::Signed(admin), vault, true);

		assert!(Vaults::<T>::info(vault).map(|i| i.deposit_whitelist).unwrap_or(false));
	}

	#[benchmark]
	fn set_depositor_whitelist_status() {
		let admin: T::AccountId = whitelisted_caller();
		let vault = new_vault::<T>(&admin);
		Vaults::<T>::do_set_role(&admin, vault, Role::DepositorWhitelister, admin.clone(), true)
			.expect("admin grants; qed");
		let depositor: T::AccountId = account("depositor", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(admin), vault, depositor.clone(), true);

		assert!(DepositorWhitelist::<T>::contains_key(vault, &depositor));
	}

	#[benchmark]
	fn set_is_deposit_limit() {
		let admin: T::AccountId = whitelisted_caller();
		let vault = new_vault::<T>(&admin);
		Vaults::<T>::do_set_role(&admin, vault, Role::DepositLimitToggler, admin.clone(), true)
			.expect("admin grants; qed");

		#[extrinsic_call]
		_(RawOrigin::Signed(admin), vault, true);

		assert!(Vaults::<T>::info(vault).map(|i| i.is_deposit_limit).unwrap_or(false));
	}

	#[benchmark]
	fn set_deposit_limit() {
		let admin: T::AccountId = whitelisted_caller();
		let vault = new_vault::<T>(&admin);
		Vaults::<T>::do_set_role(&admin, vault, Role::DepositLimitSetter, admin.clone(), true)
			.expect("admin grants; qed");

		#[extrinsic_call]
		_(RawOrigin::Signed(admin), vault, 77);

		assert_eq!(Vaults::<T>::info(vault).map(|i| i.deposit_limit).ok(), Some(77));
	}

	#[benchmark]
	fn grant_role() {
		let admin: T::AccountId = whitelisted_caller();
		let vault = new_vault::<T>(&admin);
		let who: T::AccountId = account("who", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(admin), vault, Role::DepositorWhitelister, who.clone());

		assert!(Vaults::<T>::has_role(vault, Role::DepositorWhitelister, &who));
	}

	#[benchmark]
	fn revoke_role() {
		let admin: T::AccountId = whitelisted_caller();
		let vault = new_vault::<T>(&admin);
		let who: T::AccountId = account("who", 0, 0);
		Vaults::<T>::do_set_role(&admin, vault, Role::DepositorWhitelister, who.clone(), true)
			.expect("admin grants; qed");

		#[extrinsic_call]
		_(RawOrigin::Signed(admin), vault, Role::DepositorWhitelister, who.clone());

		assert!(!Vaults::<T>::has_role(vault, Role::DepositorWhitelister, &who));
	}

	#[benchmark]
	fn deny_collateral() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let asset = T::BenchmarkHelper::collateral();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, asset.clone());

		assert!(DeniedCollateral::<T>::contains_key(&asset));
		Ok(())
	}

	#[benchmark]
	fn allow_collateral() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let asset = T::BenchmarkHelper::collateral();
		DeniedCollateral::<T>::insert(&asset, ());

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, asset.clone());

		assert!(!DeniedCollateral::<T>::contains_key(&asset));
		Ok(())
	}

	#[benchmark]
	fn release_slashed() {
		let admin: T::AccountId = account("admin", 0, 0);
		set_block::<T>(1);
		let vault = new_vault::<T>(&admin);
		let caller: T::AccountId = whitelisted_caller();
		deposit_history::<T>(vault, &caller, 1);
		// As if a slash of 1000 to a receiver could not leave the vault at the time.
		let receiver: T::AccountId = account("receiver", 0, 0);
		Ledgers::<T>::mutate(vault, |l| {
			l.slashed += 1_000;
			l.pending_burn = 1_000;
		});
		PendingSlashed::<T>::insert(vault, Some(receiver.clone()), 1_000);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), vault, Some(receiver));

		assert_eq!(Ledgers::<T>::get(vault).pending_burn, 0);
	}

	/// An asset account opened with a deposit for an account that could not open it by itself.
	#[benchmark]
	fn open_asset_account() {
		let collateral = T::BenchmarkHelper::collateral();
		let caller: T::AccountId = whitelisted_caller();
		fund::<T>(&collateral, &caller);
		let who: T::AccountId = account("receiver", 0, 0);

		#[block]
		{
			T::Assets::touch(collateral.clone(), &who, &caller)
				.expect("a funded caller opens a new account; qed");
		}

		assert!(T::Assets::balance(collateral, &who).is_zero());
	}

	/// A change on an operator route that replaces one whose delay has passed (settling it
	/// first).
	#[benchmark]
	fn set_router_receiver() {
		let admin: T::AccountId = account("admin", 0, 0);
		set_block::<T>(1);
		let vault = new_vault::<T>(&admin);
		let route = Route::Operator {
			network: account("network", 0, 0),
			operator: account("operator", 0, 0),
		};
		let (first, second): (T::AccountId, T::AccountId) =
			(account("receiver", 0, 0), account("receiver", 1, 0));
		Vaults::<T>::do_set_router_receiver(&admin, vault, route.clone(), Some(first.clone()))
			.expect("the admin holds the setter role; qed");
		set_block::<T>(3);

		#[extrinsic_call]
		_(RawOrigin::Signed(admin), vault, route.clone(), Some(second.clone()));

		let entry = RouterReceivers::<T>::get(vault, &route).expect("set; qed");
		assert_eq!(entry.current, Some(first));
		assert_eq!(entry.pending.map(|p| p.receiver), Some(Some(second)));
	}

	/// Not a call: the slashing entry point, over `d` depositors of the slashed vault, whose
	/// router looks up all three routes (only the fallback is set). Another
	/// vault gets the other `MAX_DEPOSITORS - d` depositors, so the chain state has the same
	/// size at every `d` and any slope is the cost of `d` itself (none is expected: slashing
	/// touches only `A` and two buckets).
	#[benchmark]
	fn on_slash(d: Linear<1, MAX_DEPOSITORS>) {
		let (vault, amount) = slash_state::<T>(d, MAX_DEPOSITORS);
		let (network, operator) = (account("network", 0, 0), account("operator", 0, 0));

		#[block]
		{
			let moved = <Vaults<T> as VaultSlashing<T::AccountId, BlockNumberOf<T>>>::on_slash(
				vault,
				&network,
				&operator,
				amount,
				1u32.into(),
			)
			.expect("capture in the current epoch; qed");
			assert_eq!(moved, amount);
		}
	}

	/// Not a weight: the flatness measurement of `benchmarking/on-slash-flatness.sh` (run with
	/// `--extra`). The chain state always holds [`FLATNESS_DEPOSITORS`] depositors, `d` of them
	/// in the slashed vault and the rest in another, so that the time at 1, 100, 10 000 and
	/// 100 000 depositors differs only by what `d` itself costs; a bigger state makes every storage
	/// access of every call a little slower, and that is not the slash's doing.
	#[benchmark(extra)]
	fn on_slash_flatness(d: Linear<1, FLATNESS_DEPOSITORS>) {
		let (vault, amount) = slash_state::<T>(d, FLATNESS_DEPOSITORS);
		let (network, operator) = (account("network", 0, 0), account("operator", 0, 0));

		#[block]
		{
			let moved = <Vaults<T> as VaultSlashing<T::AccountId, BlockNumberOf<T>>>::on_slash(
				vault,
				&network,
				&operator,
				amount,
				1u32.into(),
			)
			.expect("capture in the current epoch; qed");
			assert_eq!(moved, amount);
		}
	}

	impl_benchmark_test_suite!(Vaults, mock::new_test_ext(), mock::Test);
}
