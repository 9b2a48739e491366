// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

use super::*;

fn list(items: Vec<(AccountId, u128)>) -> BoundedVec<(AccountId, u128), ConstU32<MAX_PAYOUTS>> {
	BoundedVec::truncate_from(items)
}

use frame_support::traits::ConstU32;

#[test]
fn explicit_lists_credit_and_operators_claim() {
	build_and_execute(|| {
		let paid = balance(GOV_ASSET, MIDDLEWARE);
		assert_ok!(Rewards::distribute_operator_rewards(
			origin(MIDDLEWARE),
			NETWORK,
			GOV_ASSET,
			list(vec![(OP_X, 300), (OP_Y, 100)])
		));
		assert_eq!(balance(GOV_ASSET, MIDDLEWARE), paid - 400 - GOV_MIN);
		assert_eq!(
			events(),
			vec![Event::OperatorRewardsDistributed {
				network: NETWORK,
				asset: GOV_ASSET,
				total: 400,
				operators: 2
			}]
		);
		assert_ok!(Rewards::distribute_operator_rewards(
			origin(MIDDLEWARE),
			NETWORK,
			GOV_ASSET,
			list(vec![(OP_X, 50)])
		));
		assert_eq!(Rewards::operator_rewards(NETWORK, GOV_ASSET, OP_X), 350);
		events();
		let before = balance(GOV_ASSET, DAVE);
		assert_ok!(Rewards::claim_operator_rewards(origin(OP_X), NETWORK, GOV_ASSET, DAVE));
		assert_eq!(balance(GOV_ASSET, DAVE), before + 350);
		assert_eq!(
			events(),
			vec![Event::OperatorRewardsClaimed {
				network: NETWORK,
				asset: GOV_ASSET,
				operator: OP_X,
				recipient: DAVE,
				amount: 350
			}]
		);
		assert_noop!(
			Rewards::claim_operator_rewards(origin(OP_X), NETWORK, GOV_ASSET, OP_X),
			Error::<Test>::NoOperatorRewards
		);
		assert_noop!(
			Rewards::claim_operator_rewards(origin(OP_Y), OTHER_NETWORK, GOV_ASSET, OP_Y),
			Error::<Test>::NoOperatorRewards
		);
		assert_eq!(Owed::<Test>::get(GOV_ASSET), 100);
	});
}

#[test]
fn explicit_list_errors_change_nothing() {
	build_and_execute(|| {
		let call = |who, items| {
			Rewards::distribute_operator_rewards(origin(who), NETWORK, GOV_ASSET, list(items))
		};
		assert_noop!(call(OTHER_MIDDLEWARE, vec![(OP_X, 1)]), Error::<Test>::NotNetworkMiddleware);
		assert_noop!(call(MIDDLEWARE, vec![]), Error::<Test>::NoOperators);
		assert_noop!(
			call(MIDDLEWARE, vec![(OP_X, 1), (OP_Y, 1), (OP_X, 1)]),
			Error::<Test>::DuplicateOperator
		);
		assert_noop!(call(MIDDLEWARE, vec![(OP_X, 0)]), Error::<Test>::InsufficientReward);
		assert_noop!(
			call(MIDDLEWARE, vec![(OP_X, ENDOWMENT)]),
			sp_runtime::TokenError::FundsUnavailable
		);
	});
}

/// 1 000 over stakes 300 : 100 : 0 pays 750 and 250; over 1 : 1 : 1, 100 pays 33 each and
/// only 99 is taken from the network.
#[test]
fn by_stake_pays_pro_rata_to_the_stake_at_the_snapshot() {
	build_and_execute(|| {
		let v = vault();
		set_stake(v, NETWORK, OP_X, 300);
		set_stake(v, NETWORK, OP_Y, 100);
		run_to_block(4);
		// Stake changes after the snapshot do not count.
		set_stake(v, NETWORK, OP_Y, 10_000);
		set_stake(v, NETWORK, OP_Z, 10_000);
		run_to_block(5);
		let ops = BoundedVec::truncate_from(vec![OP_X, OP_Y, OP_Z]);
		assert_ok!(Rewards::distribute_operator_rewards_by_stake(
			origin(MIDDLEWARE),
			v,
			Subnetwork::main(NETWORK),
			GOV_ASSET,
			1_000,
			3,
			ops.clone()
		));
		assert_eq!(OperatorRewards::<Test>::get((NETWORK, GOV_ASSET, OP_X)), 750);
		assert_eq!(OperatorRewards::<Test>::get((NETWORK, GOV_ASSET, OP_Y)), 250);
		assert_eq!(OperatorRewards::<Test>::get((NETWORK, GOV_ASSET, OP_Z)), 0);

		set_stake(v, NETWORK, OP_X, 1);
		set_stake(v, NETWORK, OP_Y, 1);
		set_stake(v, NETWORK, OP_Z, 1);
		run_to_block(6);
		let paid = balance(GOV_ASSET, MIDDLEWARE);
		assert_ok!(Rewards::distribute_operator_rewards_by_stake(
			origin(MIDDLEWARE),
			v,
			Subnetwork::main(NETWORK),
			GOV_ASSET,
			100,
			5,
			ops
		));
		assert_eq!(balance(GOV_ASSET, MIDDLEWARE), paid - 99);
		assert_eq!(Rewards::operator_rewards(NETWORK, GOV_ASSET, OP_Z), 33);
	});
}

#[test]
fn by_stake_errors_change_nothing() {
	build_and_execute(|| {
		let v = vault();
		let ops = |l: Vec<AccountId>| BoundedVec::truncate_from(l);
		let call = |who, vault, amount, snapshot, l| {
			Rewards::distribute_operator_rewards_by_stake(
				origin(who),
				vault,
				Subnetwork::main(NETWORK),
				GOV_ASSET,
				amount,
				snapshot,
				l,
			)
		};
		assert_noop!(
			call(OTHER_MIDDLEWARE, v, 100, 2, ops(vec![OP_X])),
			Error::<Test>::NotNetworkMiddleware
		);
		assert_noop!(call(MIDDLEWARE, 9, 100, 2, ops(vec![OP_X])), Error::<Test>::UnknownVault);
		assert_noop!(call(MIDDLEWARE, v, 0, 2, ops(vec![OP_X])), Error::<Test>::InsufficientReward);
		assert_noop!(call(MIDDLEWARE, v, 100, 3, ops(vec![OP_X])), Error::<Test>::InvalidSnapshot);
		assert_noop!(call(MIDDLEWARE, v, 100, 2, ops(vec![])), Error::<Test>::NoOperators);
		assert_noop!(
			call(MIDDLEWARE, v, 100, 2, ops(vec![OP_X, OP_X])),
			Error::<Test>::DuplicateOperator
		);
		assert_noop!(call(MIDDLEWARE, v, 100, 2, ops(vec![OP_X])), Error::<Test>::NoOperatorStake);
		// Stakes so small that every part rounds to zero: nothing to pay.
		set_stake(v, NETWORK, OP_X, 1);
		set_stake(v, NETWORK, OP_Y, 1);
		run_to_block(4);
		assert_noop!(
			call(MIDDLEWARE, v, 1, 3, ops(vec![OP_X, OP_Y])),
			Error::<Test>::InsufficientReward
		);
	});
}
