// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

use super::*;
use crate::{GenesisConfig, GenesisDeposit, GenesisVault};
use frame_support::traits::BuildGenesisConfig;

#[test]
fn a_genesis_vault_can_be_any_kind() {
	let spec = serde_json::json!({
		"vaults": [
			{
				"creator": ALICE,
				"collateral": "Native",
				"epochDuration": 10,
				"delegator": "NetworkRestake",
				"slasher": { "Veto": { "veto_duration": 3, "resolver_set_epochs_delay": 3 } },
				"burner": { "Router": { "fallback": DAVE, "delay": 4 } },
				"deposits": [{ "depositor": BOB, "amount": 500 }]
			},
			{
				"creator": CHARLIE,
				"collateral": { "WithId": ASSET },
				"epochDuration": 20,
				"delegator": "FullRestake",
				"slasher": "Instant",
				"burner": { "Account": DAVE },
				"deposits": []
			}
		]
	});
	let config: GenesisConfig<Test> = serde_json::from_value(spec).expect("a valid spec");
	assert_eq!(config.vaults[0].deposits, vec![GenesisDeposit { depositor: BOB, amount: 500 }]);
	new_test_ext().execute_with(|| {
		config.build();
		let first = crate::Vaults::<Test>::get(0).expect("created");
		assert_eq!(first.delegator, DelegatorKind::NetworkRestake);
		assert_eq!(
			first.slasher,
			SlasherKind::Veto { veto_duration: 3, resolver_set_epochs_delay: 3 }
		);
		assert_eq!(first.burner, Burner::Router { fallback: DAVE, delay: 4 });
		assert_eq!(Vaults::active_balance_of(0, &BOB), 500);
		let second = crate::Vaults::<Test>::get(1).expect("created");
		assert_eq!((second.collateral, second.clock.duration), (USD, 20));
		assert_eq!(second.delegator, DelegatorKind::FullRestake);
		assert_eq!(second.burner, Burner::Account(DAVE));
		assert!(Vaults::has_role(1, Role::Admin, &CHARLIE));
		Vaults::do_try_state().expect("vault invariants hold");
	});
}

#[test]
#[should_panic(expected = "genesis vaults are valid")]
fn an_invalid_genesis_vault_fails_the_build() {
	let vault = GenesisVault {
		creator: ALICE,
		collateral: NATIVE,
		// Below the pallet's minimum.
		epoch_duration: 0,
		delegator: DelegatorKind::NetworkRestake,
		slasher: SlasherKind::Instant,
		burner: Burner::Burn,
		deposits: vec![],
	};
	new_test_ext().execute_with(|| GenesisConfig::<Test> { vaults: vec![vault] }.build());
}
