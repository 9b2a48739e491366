// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

use super::*;
use rampart_primitives::{
	testing::NetworkSlash,
	traits::{SlashOutcome, VaultsInspect},
	SlasherKind,
};

/// A native vault at 2 with an instant slasher (A: 100 staked, power 200) and a USD vault at 1
/// with a 50 % haircut and a veto slasher (A: 400 staked, power 200); the chain at block 3.
fn two_slashers() -> (VaultId, VaultId) {
	let native = add_vault(NATIVE);
	let usd = World::add_vault(rampart_primitives::testing::VaultSpec {
		epoch: EPOCH,
		slasher: SlasherKind::Veto { veto_duration: 2, resolver_set_epochs_delay: 3 },
		..rampart_primitives::testing::VaultSpec::new(USD, 0)
	});
	accept_priced(native, NATIVE, 2);
	assert_ok!(Middleware::set_valuation(
		origin(NETWORK),
		subnetwork(),
		USD,
		network_priced(Perbill::from_percent(50))
	));
	assert_ok!(Middleware::set_price(origin(NETWORK), subnetwork(), USD, price(1)));
	assert_ok!(Middleware::accept_vault(origin(NETWORK), subnetwork(), usd));
	set_stake(native, OP_A, 100);
	set_stake(usd, OP_A, 400);
	World::set_active_stake(native, 1_000);
	delegate();
	run_to_block(3);
	events();
	(native, usd)
}

fn slash(power: u128, capture: u64) -> sp_runtime::DispatchResult {
	Middleware::slash(origin(NETWORK), subnetwork(), OP_A, power, capture)
}

/// 100 power of A's 400 at capture 2: 50 from each vault, 25 native (instant: slashed now) and
/// 100 USD (veto: a request).
#[test]
fn a_power_slash_is_split_pro_rata_and_sent_through_each_slasher() {
	build_and_execute(|| {
		let (native, usd) = two_slashers();
		assert_ok!(slash(100, 2));
		let by = Middleware::middleware_account(&NETWORK);
		let executed = SlashOutcome::Executed { slashed: 25, moved: 25 };
		let requested = SlashOutcome::Requested { id: 0, amount: 100 };
		assert_eq!(
			World::network_slashes(),
			vec![
				NetworkSlash {
					by,
					vault: native,
					subnetwork: subnetwork(),
					operator: OP_A,
					amount: 25,
					capture: 2,
					outcome: executed
				},
				NetworkSlash {
					by,
					vault: usd,
					subnetwork: subnetwork(),
					operator: OP_A,
					amount: 100,
					capture: 2,
					outcome: requested
				},
			]
		);
		assert_eq!(
			events(),
			vec![
				Event::VaultSlashed {
					subnetwork: subnetwork(),
					operator: OP_A,
					vault: native,
					power: 50,
					amount: 25,
					outcome: executed
				},
				Event::VaultSlashed {
					subnetwork: subnetwork(),
					operator: OP_A,
					vault: usd,
					power: 50,
					amount: 100,
					outcome: requested
				},
				Event::PowerSlashed {
					subnetwork: subnetwork(),
					operator: OP_A,
					capture: 2,
					requested: 100,
					sent: 100
				},
			]
		);
		assert_eq!(World::active_stake(native), 975);
	});
}

/// 3 power: 1 per vault; a native unit is worth 2, so none of it; 2 USD are worth 1. More power
/// than the operator has slashes all of it.
#[test]
fn rounding_never_slashes_more_power_than_asked() {
	build_and_execute(|| {
		let (_, usd) = two_slashers();
		assert_ok!(slash(3, 2));
		let sent: Vec<_> = World::network_slashes().iter().map(|s| (s.vault, s.amount)).collect();
		assert_eq!(sent, vec![(usd, 2)]);
		assert_eq!(
			events().last(),
			Some(&Event::PowerSlashed {
				subnetwork: subnetwork(),
				operator: OP_A,
				capture: 2,
				requested: 3,
				sent: 1
			})
		);
		assert_ok!(slash(10_000, 2));
		let last: Vec<_> =
			World::network_slashes()[1..].iter().map(|s| (s.vault, s.amount)).collect();
		assert_eq!(last, vec![(0, 100), (usd, 400)]);
	});
}

/// The USD price doubles after the capture: the slash at the capture still uses 1.
#[test]
fn a_valuation_change_after_the_capture_leaves_the_slash_unchanged() {
	build_and_execute(|| {
		two_slashers();
		assert_ok!(Middleware::set_price(origin(NETWORK), subnetwork(), USD, price(2)));
		run_to_block(4);
		assert_ok!(slash(100, 2));
		let sent: Vec<_> = World::network_slashes().iter().map(|s| s.amount).collect();
		assert_eq!(sent, vec![25, 100]);
	});
}

/// A vault whose slasher refuses is reported; the other still slashes.
#[test]
fn one_vaults_failure_never_blocks_the_others() {
	build_and_execute(|| {
		let (native, _) = two_slashers();
		let none = World::add_vault(rampart_primitives::testing::VaultSpec {
			epoch: EPOCH,
			slasher: SlasherKind::None,
			..rampart_primitives::testing::VaultSpec::new(NATIVE, 0)
		});
		assert_ok!(Middleware::accept_vault(origin(NETWORK), subnetwork(), none));
		set_stake(none, OP_A, 100);
		run_to_block(5);
		events();
		// At 4: native 200, USD 200, none 200; 300 power → 100 each.
		assert_ok!(slash(300, 4));
		let events = events();
		// The error's text is not kept in storage: match the rest.
		assert!(events.iter().any(|e| matches!(
			e,
			Event::VaultSlashFailed { vault, amount: 50, error: sp_runtime::DispatchError::Other(_), .. }
				if *vault == none
		)));
		assert_eq!(
			events.last(),
			Some(&Event::PowerSlashed {
				subnetwork: subnetwork(),
				operator: OP_A,
				capture: 4,
				requested: 300,
				sent: 200
			})
		);
		assert_eq!(World::network_slashes().len(), 2);
		assert_eq!(World::active_stake(native), 950);
	});
}

#[test]
fn a_power_slash_needs_a_delegated_network_a_past_capture_and_power() {
	build_and_execute(|| {
		two_slashers();
		assert_noop!(
			Middleware::slash(origin(STRANGER), subnetwork(), OP_A, 1, 2),
			Error::<Test>::NotNetwork
		);
		assert_noop!(slash(0, 2), Error::<Test>::ZeroPower);
		assert_noop!(slash(1, 3), Error::<Test>::InvalidCapture);
		assert_noop!(
			Middleware::slash(origin(NETWORK), subnetwork(), OP_B, 1, 2),
			Error::<Test>::NoPower
		);
		// Taken back: the registry middleware is another account.
		World::register_network(NETWORK, NETWORK_MIDDLEWARE);
		assert_noop!(slash(1, 2), Error::<Test>::NotDelegated);
	});
}
