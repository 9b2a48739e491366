// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Networks, operators, vaults and delegation together: the guarantees networks capture.

use crate::mock::*;
use frame_support::{assert_noop, assert_ok, BoundedVec};
use pallet_rampart_delegation::HookPolicy;
use pallet_rampart_vaults::{Burner, SlasherKind, VaultConfig};
use rampart_primitives::{
	traits::{SlashInfo, StakeProvider, VaultSlashing},
	DelegatorKind, OptInTarget, Role, Subnetwork, VaultId,
};

pub(crate) const CURATOR: u8 = 1;
pub(crate) const STAKER: u8 = 2;
pub(crate) const NETWORK_A: u8 = 3;
pub(crate) const NETWORK_B: u8 = 4;
pub(crate) const OPERATOR_X: u8 = 5;
pub(crate) const OPERATOR_Y: u8 = 6;
/// The middleware of `NETWORK_A` (and of `NETWORK_B`: [`MIDDLEWARE_B`]).
pub(crate) const MIDDLEWARE_A: u8 = 8;
pub(crate) const MIDDLEWARE_B: u8 = 9;

pub(crate) fn signed(n: u8) -> RuntimeOrigin {
	RuntimeOrigin::signed(acc(n))
}

pub(crate) fn main(network: u8) -> Subnetwork<AccountId> {
	Subnetwork::main(acc(network))
}

pub(crate) fn stake_at(vault: VaultId, network: u8, operator: u8, at: u64) -> u128 {
	<Delegation as StakeProvider<_, _>>::stake_at(vault, &main(network), &acc(operator), at)
		.expect("inside the window")
}

pub(crate) fn stake(vault: VaultId, network: u8, operator: u8) -> u128 {
	<Delegation as StakeProvider<_, _>>::stake(vault, &main(network), &acc(operator))
}

/// Two networks (with middleware), two operators opted into both, a vault of `kind` over USD
/// with 1 000 staked and an instant slasher, both operators opted into it.
pub(crate) fn world(kind: DelegatorKind<AccountId>) -> VaultId {
	world_with(kind, SlasherKind::Instant)
}

/// [`world`] with any slasher kind; networks and operators are registered once.
pub(crate) fn world_with(kind: DelegatorKind<AccountId>, slasher: SlasherKind<u64>) -> VaultId {
	world_burning_to(kind, slasher, Burner::Burn)
}

/// [`world_with`] with any burner; the curator also sets router receivers.
pub(crate) fn world_burning_to(
	kind: DelegatorKind<AccountId>,
	slasher: SlasherKind<u64>,
	burner: Burner<AccountId, u64>,
) -> VaultId {
	for (n, m) in [(NETWORK_A, MIDDLEWARE_A), (NETWORK_B, MIDDLEWARE_B)] {
		if !<Registry as rampart_primitives::traits::NetworkRegistry<_>>::is_network(&acc(n)) {
			assert_ok!(Registry::register_network(signed(n)));
			assert_ok!(Registry::set_middleware(signed(n), Some(acc(m))));
		}
	}
	for op in [OPERATOR_X, OPERATOR_Y] {
		if !<Registry as rampart_primitives::traits::OperatorRegistry<_>>::is_operator(&acc(op)) {
			assert_ok!(Registry::register_operator(signed(op)));
		}
	}
	let config = VaultConfig {
		collateral: AssetKind::WithId(USD),
		epoch_duration: EPOCH,
		delegator: kind,
		slasher,
		burner,
		deposit_whitelist: false,
		is_deposit_limit: false,
		deposit_limit: 0,
		roles: BoundedVec::truncate_from(vec![
			(Role::Admin, acc(CURATOR)),
			(Role::NetworkLimitSetter, acc(CURATOR)),
			(Role::OperatorNetworkSharesSetter, acc(CURATOR)),
			(Role::OperatorNetworkLimitSetter, acc(CURATOR)),
			(Role::HookSetter, acc(CURATOR)),
			(Role::BurnerRouterSetter, acc(CURATOR)),
		]),
	};
	let vault = pallet_rampart_vaults::NextVaultId::<Runtime>::get();
	assert_ok!(Vaults::create_vault(signed(CURATOR), config));
	assert_ok!(Vaults::deposit(signed(STAKER), vault, acc(STAKER), 1_000));
	for op in [OPERATOR_X, OPERATOR_Y] {
		for target in [
			OptInTarget::Network(acc(NETWORK_A)),
			OptInTarget::Network(acc(NETWORK_B)),
			OptInTarget::Vault(vault),
		] {
			if !<Registry as rampart_primitives::traits::OptIns<_, _>>::is_opted_in(
				&acc(op),
				&target,
			) {
				assert_ok!(Registry::opt_in(signed(op), target));
			}
		}
	}
	vault
}

pub(crate) fn allocate(vault: VaultId, network: u8, max: u128, limit: u128) {
	assert_ok!(Delegation::set_max_network_limit(signed(network), vault, 0, max));
	assert_ok!(Delegation::set_network_limit(signed(CURATOR), vault, main(network), limit));
}

pub(crate) fn shares(vault: VaultId, network: u8, operator: u8, shares: u128) {
	assert_ok!(Delegation::set_operator_network_shares(
		signed(CURATOR),
		vault,
		main(network),
		acc(operator),
		shares
	));
}

/// PROTOCOL 3.2 and 3.6: the same collateral restaked to two networks gives each network its
/// own guarantee of up to `min(A, NL)`, split among its operators without double counting.
#[test]
fn one_vault_restaked_to_two_networks_guarantees_each() {
	build_and_execute(|| {
		let v = world(DelegatorKind::NetworkRestake);
		allocate(v, NETWORK_A, 2_000, 1_000);
		allocate(v, NETWORK_B, 600, 600);
		shares(v, NETWORK_A, OPERATOR_X, 1);
		shares(v, NETWORK_A, OPERATOR_Y, 1);
		shares(v, NETWORK_B, OPERATOR_X, 3);
		shares(v, NETWORK_B, OPERATOR_Y, 1);
		run_to_block(2);
		// Network A: min(1000, 1000) split 1:1. Network B: min(1000, 600) split 3:1.
		assert_eq!(
			(stake_at(v, NETWORK_A, OPERATOR_X, 1), stake_at(v, NETWORK_A, OPERATOR_Y, 1)),
			(500, 500)
		);
		assert_eq!(
			(stake_at(v, NETWORK_B, OPERATOR_X, 1), stake_at(v, NETWORK_B, OPERATOR_Y, 1)),
			(450, 150)
		);
		// 1 600 of guarantees over 1 000 of collateral: that is restaking.
		// A network that never set a maximum gets nothing, whatever the curator wants.
		assert_noop!(
			Delegation::set_network_limit(signed(CURATOR), v, main(OPERATOR_X), 1),
			pallet_rampart_delegation::Error::<Runtime>::ExceedsMaxNetworkLimit
		);
		// An operator that is not opted into the vault has no stake from it.
		assert_ok!(Registry::register_operator(signed(7)));
		assert_ok!(Registry::opt_in(signed(7), OptInTarget::Network(acc(NETWORK_A))));
		shares(v, NETWORK_A, 7, 2);
		assert_eq!(stake(v, NETWORK_A, 7), 0);
		assert_eq!(stake(v, NETWORK_A, OPERATOR_X), 250);
	});
}

/// PROTOCOL 3.6, last paragraph: after a network captured block `b`, the curator lowering
/// limits and shares, the network lowering its maximum, the operator opting out and stakers
/// withdrawing change stake from then on, never the guarantee at `b`. A slash of the vault
/// (the pool itself) is what lowers later guarantees.
#[test]
fn a_captured_guarantee_survives_everything_but_a_slash() {
	build_and_execute(|| {
		let v = world(DelegatorKind::NetworkRestake);
		allocate(v, NETWORK_A, 1_000, 1_000);
		shares(v, NETWORK_A, OPERATOR_X, 1);
		shares(v, NETWORK_A, OPERATOR_Y, 1);
		run_to_block(5);
		let capture = 5;
		run_to_block(6);
		assert_ok!(Delegation::set_network_limit(signed(CURATOR), v, main(NETWORK_A), 200));
		shares(v, NETWORK_A, OPERATOR_X, 0);
		assert_ok!(Delegation::set_max_network_limit(signed(NETWORK_A), v, 0, 100));
		assert_ok!(Registry::opt_out(signed(OPERATOR_Y), OptInTarget::Vault(v)));
		assert_ok!(Vaults::withdraw(signed(STAKER), v, acc(STAKER), 400));
		run_to_block(7);
		assert_eq!(stake(v, NETWORK_A, OPERATOR_X), 0);
		assert_eq!(stake(v, NETWORK_A, OPERATOR_Y), 0);
		assert_eq!(stake_at(v, NETWORK_A, OPERATOR_X, capture), 500);
		assert_eq!(stake_at(v, NETWORK_A, OPERATOR_Y, capture), 500);
		// The withdrawn 400 is still slashable for the capture: the vault takes the slash
		// from active stake and the withdrawal bucket.
		assert_eq!(
			<Vaults as VaultSlashing<_, _>>::on_slash(
				v,
				&acc(NETWORK_A),
				&acc(OPERATOR_X),
				500,
				capture
			),
			Ok(500)
		);
		assert_eq!(Vaults::active_stake(v), 300);
		assert_eq!(stake_at(v, NETWORK_A, OPERATOR_X, capture), 500);
	});
}

/// The slash path as the slashing pallet will drive it: the guarantee bounds the slash, the
/// vault moves collateral, and the delegator's decrease policy shrinks the slashed operator's
/// allocation so the loss is not re-exposed.
#[test]
fn a_slash_with_the_decrease_policy_shrinks_the_operators_allocation() {
	build_and_execute(|| {
		let v = world(DelegatorKind::NetworkRestake);
		allocate(v, NETWORK_A, 1_000, 1_000);
		shares(v, NETWORK_A, OPERATOR_X, 1);
		shares(v, NETWORK_A, OPERATOR_Y, 1);
		assert_ok!(Delegation::set_hook_policy(signed(CURATOR), v, HookPolicy::Decrease));
		run_to_block(3);
		let guarantee = stake_at(v, NETWORK_A, OPERATOR_X, 2);
		assert_eq!(guarantee, 500);
		let moved =
			<Vaults as VaultSlashing<_, _>>::on_slash(v, &acc(NETWORK_A), &acc(OPERATOR_X), 200, 2)
				.expect("in the window");
		assert_eq!(moved, 200);
		let weight = <Delegation as StakeProvider<_, _>>::on_slash(
			v,
			&main(NETWORK_A),
			&acc(OPERATOR_X),
			SlashInfo { amount: moved, capture: 2, slashable: guarantee },
		);
		assert!(weight.all_lte(<Delegation as StakeProvider<_, _>>::on_slash_weight()));
		// NL 1000 − 200 = 800; X's shares 1 − ⌈200 · 1 / 500⌉ = 0: X is out, Y keeps the pool.
		assert_eq!(Delegation::subnetwork_limits(v, main(NETWORK_A)), (1_000, 800, 1));
		assert_eq!(stake(v, NETWORK_A, OPERATOR_X), 0);
		assert_eq!(stake(v, NETWORK_A, OPERATOR_Y), 800);
	});
}

/// Operator- and network-specific vaults name registered accounts, and give their operator
/// (and network) alone.
#[test]
fn bound_vaults_serve_their_operator_and_network_only() {
	build_and_execute(|| {
		let own = world(DelegatorKind::OperatorSpecific { operator: acc(OPERATOR_X) });
		allocate(own, NETWORK_A, 700, 700);
		assert_eq!(
			(stake(own, NETWORK_A, OPERATOR_X), stake(own, NETWORK_A, OPERATOR_Y)),
			(700, 0)
		);
		let pair_kind = DelegatorKind::OperatorNetworkSpecific {
			operator: acc(OPERATOR_Y),
			network: acc(NETWORK_B),
		};
		let mut config = VaultConfig {
			collateral: AssetKind::Native,
			epoch_duration: EPOCH,
			delegator: pair_kind,
			slasher: SlasherKind::Instant,
			burner: Burner::Burn,
			deposit_whitelist: false,
			is_deposit_limit: false,
			deposit_limit: 0,
			roles: BoundedVec::truncate_from(vec![(Role::Admin, acc(CURATOR))]),
		};
		let pair = pallet_rampart_vaults::NextVaultId::<Runtime>::get();
		assert_ok!(Vaults::create_vault(signed(CURATOR), config.clone()));
		assert_ok!(Vaults::deposit(signed(STAKER), pair, acc(STAKER), 1_000));
		assert_ok!(Registry::opt_in(signed(OPERATOR_Y), OptInTarget::Vault(pair)));
		assert_noop!(
			Delegation::set_max_network_limit(signed(NETWORK_A), pair, 0, 1),
			pallet_rampart_delegation::Error::<Runtime>::InvalidNetwork
		);
		assert_ok!(Delegation::set_max_network_limit(signed(NETWORK_B), pair, 0, 300));
		assert_eq!(stake(pair, NETWORK_B, OPERATOR_Y), 300);
		// An unregistered operator cannot be named.
		config.delegator =
			DelegatorKind::OperatorNetworkSpecific { operator: acc(19), network: acc(NETWORK_B) };
		assert_noop!(
			Vaults::create_vault(signed(CURATOR), config),
			pallet_rampart_vaults::Error::<Runtime>::NotOperator
		);
	});
}
