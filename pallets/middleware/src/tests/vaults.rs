// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

use super::*;

#[test]
fn an_accepted_vault_counts_from_the_next_block() {
	build_and_execute(|| {
		let v = add_vault(NATIVE);
		set_stake(v, OP_A, 100);
		assert_ok!(Middleware::set_valuation(
			origin(NETWORK),
			subnetwork(),
			NATIVE,
			network_priced(Perbill::zero())
		));
		assert_ok!(Middleware::set_price(origin(NETWORK), subnetwork(), NATIVE, price(2)));
		events();
		assert_ok!(Middleware::accept_vault(origin(NETWORK), subnetwork(), v));
		assert_eq!(
			events(),
			vec![Event::VaultAccepted { subnetwork: subnetwork(), vault: v, from: 2 }]
		);
		assert_eq!(power(OP_A, 1), 0);
		run_to_block(2);
		assert_eq!(power(OP_A, 2), 200);
		assert_eq!(Middleware::accepted_vaults_at(&subnetwork(), 1), Ok(vec![]));
		assert_eq!(Middleware::accepted_vaults_at(&subnetwork(), 2), Ok(vec![v]));
	});
}

#[test]
fn only_the_network_or_its_middleware_configures_a_subnetwork() {
	build_and_execute(|| {
		let v = add_vault(NATIVE);
		for who in [STRANGER, OTHER_NETWORK, OP_A] {
			assert_noop!(
				Middleware::accept_vault(origin(who), subnetwork(), v),
				Error::<Test>::NotNetwork
			);
		}
		// An unregistered "network" configures nothing, not even its own subnetworks.
		assert_noop!(
			Middleware::accept_vault(origin(STRANGER), Subnetwork::main(STRANGER), v),
			Error::<Test>::NotNetwork
		);
		assert_ok!(Middleware::accept_vault(origin(NETWORK_MIDDLEWARE), subnetwork(), v));
		assert_noop!(
			Middleware::accept_vault(origin(NETWORK), subnetwork(), v),
			Error::<Test>::AlreadyAccepted
		);
		assert_noop!(
			Middleware::accept_vault(origin(NETWORK), subnetwork(), 42),
			Error::<Test>::UnknownVault
		);
	});
}

#[test]
fn a_removed_vault_still_counts_at_earlier_blocks() {
	build_and_execute(|| {
		let v = add_vault(NATIVE);
		set_stake(v, OP_A, 100);
		accept_priced(v, NATIVE, 1);
		run_to_block(5);
		assert_noop!(
			Middleware::remove_vault(origin(NETWORK), subnetwork(), 7),
			Error::<Test>::NotAccepted
		);
		events();
		assert_ok!(Middleware::remove_vault(origin(NETWORK), subnetwork(), v));
		assert_eq!(
			events(),
			vec![Event::VaultRemoved { subnetwork: subnetwork(), vault: v, from: 6 }]
		);
		assert_noop!(
			Middleware::remove_vault(origin(NETWORK), subnetwork(), v),
			Error::<Test>::NotAccepted
		);
		run_to_block(6);
		assert_eq!(power(OP_A, 5), 100);
		assert_eq!(power(OP_A, 6), 0);
		// Accepted again: the history keeps both spans.
		assert_ok!(Middleware::accept_vault(origin(NETWORK), subnetwork(), v));
		run_to_block(8);
		assert_eq!((power(OP_A, 5), power(OP_A, 6), power(OP_A, 7)), (100, 0, 100));
	});
}

#[test]
fn the_set_is_bounded_and_frees_a_removed_vault_once_the_window_passes_it() {
	build_and_execute(|| {
		let vaults: Vec<_> = (0..=MAX_VAULTS).map(|_| add_vault(NATIVE)).collect();
		for v in &vaults[..MAX_VAULTS as usize] {
			assert_ok!(Middleware::accept_vault(origin(NETWORK), subnetwork(), *v));
		}
		let last = vaults[MAX_VAULTS as usize];
		assert_noop!(
			Middleware::accept_vault(origin(NETWORK), subnetwork(), last),
			Error::<Test>::TooManyVaults
		);
		assert_ok!(Middleware::remove_vault(origin(NETWORK), subnetwork(), vaults[0]));
		// Removed from block 2, still read until the window passes it.
		run_to_block(2 + RETENTION - 1);
		assert_noop!(
			Middleware::accept_vault(origin(NETWORK), subnetwork(), last),
			Error::<Test>::TooManyVaults
		);
		run_to_block(2 + RETENTION);
		assert_ok!(Middleware::accept_vault(origin(NETWORK), subnetwork(), last));
		assert!(VaultMembership::<Test>::get(subnetwork(), vaults[0]).is_none());
		assert_eq!(AcceptedVaults::<Test>::get(subnetwork()).len(), MAX_VAULTS as usize);
	});
}

#[test]
fn a_membership_that_flips_too_often_in_the_window_is_refused() {
	build_and_execute(|| {
		let v = add_vault(NATIVE);
		// An accept and a remove in the same block cancel out: one entry, not accepted.
		assert_ok!(Middleware::accept_vault(origin(NETWORK), subnetwork(), v));
		assert_ok!(Middleware::remove_vault(origin(NETWORK), subnetwork(), v));
		let membership = VaultMembership::<Test>::get(subnetwork(), v).unwrap();
		assert_eq!(membership.entries(), &[(2, false)]);
		// One change per block: the history fills up inside the window.
		let mut block = 10;
		let mut accepted = false;
		let result = loop {
			run_to_block(block);
			let r = if accepted {
				Middleware::remove_vault(origin(NETWORK), subnetwork(), v)
			} else {
				Middleware::accept_vault(origin(NETWORK), subnetwork(), v)
			};
			if r.is_err() {
				break r;
			}
			accepted = !accepted;
			block += 1;
		};
		assert_eq!(result, Err(Error::<Test>::TooManyChanges.into()));
		assert_eq!(block, 10 + MAX_MEMBERSHIP_CHANGES as u64 - 1);
	});
}
