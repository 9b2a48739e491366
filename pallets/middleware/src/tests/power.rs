// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

use super::*;

/// Two vaults (native at 2, USD at 1 with a 50 % haircut), three operators:
/// A: 100 native + 400 USD = 200 + 200 = 400; B: 50 native = 100; C: 60 USD = 30.
fn two_vaults_three_operators() -> (VaultId, VaultId) {
	let native = add_vault(NATIVE);
	let usd = add_vault(USD);
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
	set_stake(native, OP_B, 50);
	set_stake(usd, OP_C, 60);
	for op in [OP_A, OP_B, OP_C] {
		join(op);
	}
	run_to_block(3);
	(native, usd)
}

#[test]
fn power_is_summed_over_the_accepted_vaults() {
	build_and_execute(|| {
		let (native, usd) = two_vaults_three_operators();
		assert_eq!(
			Middleware::operator_power(&subnetwork(), &OP_A, 2),
			Ok((
				400,
				vec![
					VaultPower { vault: native, stake: 100, power: 200 },
					VaultPower { vault: usd, stake: 400, power: 200 }
				]
			))
		);
		assert_eq!((power(OP_B, 2), power(OP_C, 2), power(OP_D, 2)), (100, 30, 0));
		// The same through the view function.
		assert_eq!(Middleware::power_of(subnetwork(), OP_B, 2).map(|(p, _)| p), Some(100));
	});
}

#[test]
fn the_operator_set_is_ordered_and_uncapped_by_default() {
	build_and_execute(|| {
		two_vaults_three_operators();
		let set = Middleware::operator_set(&subnetwork(), 2).unwrap();
		let order: Vec<_> = set.operators.iter().map(|o| (o.operator, o.power, o.capped)).collect();
		assert_eq!(order, vec![(OP_A, 400, 400), (OP_B, 100, 100), (OP_C, 30, 30)]);
		assert_eq!((set.total, set.cut), (530, 0));
		// Members without power are left out; non-members are not read.
		join(OP_D);
		run_to_block(4);
		assert_eq!(Middleware::operator_set(&subnetwork(), 3).unwrap().operators.len(), 3);
	});
}

/// A 50 % cap: A's 400 against B's 100 and C's 30 → T = 0.5 · 130 / 0.5 = 130; A holds 130 of
/// 260 and 270 are cut, not handed to B or C.
#[test]
fn a_cap_cuts_the_dominant_operator_and_reports_the_cut() {
	build_and_execute(|| {
		two_vaults_three_operators();
		let policy =
			OperatorSetPolicy { max_operators: 3, min_power: 0, cap: Perbill::from_percent(50) };
		assert_ok!(Middleware::set_operator_set_policy(origin(NETWORK), subnetwork(), policy));
		assert_eq!(events().last(), Some(&Event::PolicySet { subnetwork: subnetwork(), policy }));
		run_to_block(4);
		let set = Middleware::operator_set(&subnetwork(), 3).unwrap();
		let capped: Vec<_> = set.operators.iter().map(|o| (o.operator, o.capped)).collect();
		assert_eq!(capped, vec![(OP_A, 130), (OP_B, 100), (OP_C, 30)]);
		assert_eq!((set.total, set.cut), (260, 270));
		// The policy was set at 3: the set at 2 is uncapped.
		assert_eq!(Middleware::operator_set(&subnetwork(), 2).unwrap().cut, 0);
		assert_eq!(Middleware::operator_set_at(subnetwork(), 3), Some(set));
	});
}

#[test]
fn the_minimum_and_the_maximum_select_the_strongest() {
	build_and_execute(|| {
		two_vaults_three_operators();
		assert_noop!(
			Middleware::set_operator_set_policy(
				origin(NETWORK),
				subnetwork(),
				OperatorSetPolicy { max_operators: 0, ..Default::default() }
			),
			Error::<Test>::InvalidPolicy
		);
		assert_noop!(
			Middleware::set_operator_set_policy(
				origin(NETWORK),
				subnetwork(),
				OperatorSetPolicy { max_operators: MAX_OPERATORS + 1, ..Default::default() }
			),
			Error::<Test>::InvalidPolicy
		);
		assert_noop!(
			Middleware::set_operator_set_policy(
				origin(OP_A),
				subnetwork(),
				OperatorSetPolicy { max_operators: 1, ..Default::default() }
			),
			Error::<Test>::NotNetwork
		);
		let policy = OperatorSetPolicy { max_operators: 1, min_power: 0, cap: Perbill::one() };
		assert_ok!(Middleware::set_operator_set_policy(origin(NETWORK), subnetwork(), policy));
		run_to_block(4);
		let set = Middleware::operator_set(&subnetwork(), 3).unwrap();
		assert_eq!(set.operators.iter().map(|o| o.operator).collect::<Vec<_>>(), vec![OP_A]);
		let policy = OperatorSetPolicy { max_operators: 3, min_power: 31, cap: Perbill::one() };
		assert_ok!(Middleware::set_operator_set_policy(origin(NETWORK), subnetwork(), policy));
		run_to_block(5);
		let set = Middleware::operator_set(&subnetwork(), 4).unwrap();
		assert_eq!(set.operators.iter().map(|o| o.operator).collect::<Vec<_>>(), vec![OP_A, OP_B]);
	});
}

/// Equal power: the account breaks the tie, whatever order they joined in.
#[test]
fn ties_are_broken_by_account() {
	build_and_execute(|| {
		let v = add_vault(NATIVE);
		accept_priced(v, NATIVE, 1);
		for op in [OP_C, OP_A, OP_B] {
			set_stake(v, op, 10);
			join(op);
		}
		run_to_block(3);
		let set = Middleware::operator_set(&subnetwork(), 2).unwrap();
		assert_eq!(
			set.operators.iter().map(|o| o.operator).collect::<Vec<_>>(),
			vec![OP_A, OP_B, OP_C]
		);
	});
}

#[test]
fn power_answers_inside_the_window_only() {
	build_and_execute(|| {
		two_vaults_three_operators();
		assert_eq!(
			Middleware::operator_power(&subnetwork(), &OP_A, 4),
			Err(Error::<Test>::FutureBlock.into())
		);
		assert_eq!(
			Middleware::operator_set(&subnetwork(), 4),
			Err(Error::<Test>::FutureBlock.into())
		);
		assert_eq!(Middleware::power_of(subnetwork(), OP_A, 4), None);
		// The accepted-vault histories are pruned as they are written: accepted from 2, removed
		// from 6, accepted again at 28 (horizon 8): what was before 6 is gone.
		run_to_block(5);
		assert_ok!(Middleware::remove_vault(origin(NETWORK), subnetwork(), 0));
		run_to_block(3 + RETENTION + 5);
		assert_ok!(Middleware::accept_vault(origin(NETWORK), subnetwork(), 0));
		assert_eq!(
			Middleware::accepted_vaults_at(&subnetwork(), 5),
			Err(Error::<Test>::HistoryPruned.into())
		);
		assert_eq!(Middleware::power_of(subnetwork(), OP_A, 5), None);
	});
}

/// The set read in stages (chunks of listed operators at one capture, then ranked) is the set.
#[test]
fn the_set_read_in_stages_is_the_operator_set() {
	build_and_execute(|| {
		two_vaults_three_operators();
		let policy =
			OperatorSetPolicy { max_operators: 2, min_power: 0, cap: Perbill::from_percent(60) };
		assert_ok!(Middleware::set_operator_set_policy(origin(NETWORK), subnetwork(), policy));
		run_to_block(5);
		let listed = Middleware::listed_operators(&subnetwork());
		assert_eq!(listed.len(), 3);
		let mut candidates = Middleware::candidates_at(&subnetwork(), &listed[..2], 4).unwrap();
		candidates.extend(Middleware::candidates_at(&subnetwork(), &listed[2..], 4).unwrap());
		assert_eq!(
			Middleware::set_from_candidates(&subnetwork(), candidates, 4).unwrap(),
			Middleware::operator_set(&subnetwork(), 4).unwrap()
		);
		// An operator that was not a member at the capture is no candidate.
		assert_eq!(Middleware::candidates_at(&subnetwork(), &[OP_E], 4).unwrap(), vec![]);
		assert_eq!(
			Middleware::candidates_at(&subnetwork(), &listed, 6),
			Err(Error::<Test>::FutureBlock.into())
		);
	});
}
