// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

use super::*;

/// Bob deposits 1000 at block 1 and withdraws 300 for himself in epoch 0 (bucket 1).
fn setup() -> VaultId {
	let v = create(config(NATIVE));
	assert_ok!(Vaults::deposit(origin(BOB), v, BOB, 1_000));
	assert_ok!(Vaults::withdraw(origin(BOB), v, BOB, 300));
	events();
	v
}

#[test]
fn a_withdrawal_is_claimable_once_its_epoch_ends() {
	build_and_execute(|| {
		let v = setup();
		// Epoch 1 (blocks 11..=20): bucket 1 is still slashable, not claimable.
		run_to_block(20);
		assert_noop!(Vaults::claim(origin(BOB), v, BOB, 1), Error::<Test>::InvalidEpoch);
		run_to_block(21);
		let before = balance(NATIVE, DAVE);
		assert_ok!(Vaults::claim(origin(BOB), v, DAVE, 1));
		assert_eq!(
			events(),
			vec![Event::Claimed { vault: v, claimer: BOB, recipient: DAVE, epoch: 1, amount: 300 }]
		);
		assert_eq!(balance(NATIVE, DAVE), before + 300);
		assert_eq!(Vaults::withdrawals_of(v, 1, &BOB), 0);
		assert_noop!(Vaults::claim(origin(BOB), v, BOB, 1), Error::<Test>::AlreadyClaimed);
		assert_noop!(
			Vaults::claim(origin(CHARLIE), v, CHARLIE, 1),
			Error::<Test>::InsufficientClaim
		);
		assert_noop!(Vaults::claim(origin(BOB), v, BOB, 2), Error::<Test>::InvalidEpoch);
	});
}

#[test]
fn claim_batch_pays_once_and_fails_whole() {
	build_and_execute(|| {
		let v = setup();
		run_to_block(11);
		assert_ok!(Vaults::withdraw(origin(BOB), v, BOB, 200));
		run_to_block(31);
		events();
		let batch = |e: Vec<u64>| BoundedVec::<u64, ConstU32<MAX_BATCH>>::truncate_from(e);
		assert_noop!(
			Vaults::claim_batch(origin(BOB), v, BOB, batch(vec![])),
			Error::<Test>::InvalidLengthEpochs
		);
		assert_noop!(
			Vaults::claim_batch(origin(BOB), v, BOB, batch(vec![1, 1])),
			Error::<Test>::AlreadyClaimed
		);
		assert_noop!(
			Vaults::claim_batch(origin(BOB), v, BOB, batch(vec![1, 3])),
			Error::<Test>::InvalidEpoch
		);
		assert_ok!(Vaults::claim_batch(origin(BOB), v, CHARLIE, batch(vec![2, 1])));
		assert_eq!(
			events(),
			vec![Event::ClaimedBatch {
				vault: v,
				claimer: BOB,
				recipient: CHARLIE,
				epochs: batch(vec![2, 1]),
				amount: 500
			}]
		);
	});
}

#[test]
fn a_slashed_bucket_pays_pro_rata() {
	build_and_execute(|| {
		let v = setup();
		assert_ok!(Vaults::withdraw(origin(BOB), v, CHARLIE, 100));
		// Capture in the current epoch: pool = A (600) + W[1] (400); half of it goes.
		assert_ok!(slash(v, 500, 1));
		assert_eq!(Vaults::active_stake(v), 300);
		assert_eq!(epoch_bucket(v, 1), 200);
		run_to_block(21);
		assert_ok!(Vaults::claim(origin(BOB), v, BOB, 1));
		assert_ok!(Vaults::claim(origin(CHARLIE), v, CHARLIE, 1));
		// ⌊300·201/401⌋ = 150 and ⌊100·201/401⌋ = 50.
		let paid: Vec<u128> = events()
			.into_iter()
			.filter_map(|e| match e {
				Event::Claimed { amount, .. } => Some(amount),
				_ => None,
			})
			.collect();
		assert_eq!(paid, vec![150, 50]);
	});
}
