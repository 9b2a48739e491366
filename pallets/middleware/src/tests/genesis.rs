// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

use super::*;
use frame_support::traits::BuildGenesisConfig;

/// A genesis subnetwork, read from a chain-spec JSON: a vault accepted from block 1, a price
/// with a haircut, a 50 % cap, an operator that joined (a member from block 1).
#[test]
fn a_genesis_subnetwork_is_configured_from_its_json() {
	new_test_ext().execute_with(|| {
		System::set_block_number(0);
		let v = add_vault(USD);
		set_stake(v, OP_A, 100);
		opt_in(OP_A);
		let json = r#"{ "subnetworks": [ {
			"subnetwork": { "network": 10, "id": 0 },
			"vaults": [0],
			"valuations": [ { "asset": 1, "price": "2000000000000000000", "haircut": 100000000 } ],
			"policy": { "maxOperators": 4, "minPower": 0, "cap": 500000000 },
			"operators": [20]
		} ] }"#;
		let config: GenesisConfig<Test> = serde_json::from_str(json).expect("parses");
		config.build();
		System::set_block_number(2);
		assert_eq!(power(OP_A, 1), 180);
		let set = Middleware::operator_set(&subnetwork(), 1).unwrap();
		assert_eq!(set.operators.iter().map(|o| o.operator).collect::<Vec<_>>(), vec![OP_A]);
		assert_eq!(
			Middleware::policy_at(&subnetwork(), 1).map(|p| p.cap),
			Ok(Perbill::from_percent(50))
		);
		Middleware::do_try_state().expect("invariants hold");
	});
}

#[test]
#[should_panic(expected = "a valid genesis subnetwork")]
fn a_genesis_subnetwork_of_no_network_fails_the_build() {
	new_test_ext().execute_with(|| {
		let config = GenesisConfig::<Test> {
			subnetworks: vec![GenesisSubnetwork {
				subnetwork: Subnetwork::main(STRANGER),
				vaults: vec![],
				valuations: vec![],
				policy: None,
				operators: vec![],
			}],
		};
		config.build();
	});
}
