// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

use super::*;

#[test]
fn stake_lookups_answer_inside_the_window_only() {
	build_and_execute(|| {
		let v = create(config(NATIVE));
		assert_ok!(Vaults::deposit(origin(BOB), v, BOB, 100));
		run_to_block(3);
		assert_ok!(Vaults::deposit(origin(BOB), v, BOB, 50));
		assert_eq!(Vaults::active_stake_at(v, 1), Ok(100));
		assert_eq!(Vaults::active_stake_at(v, 2), Ok(100));
		assert_eq!(Vaults::active_stake_at(v, 3), Ok(150));
		assert_eq!(Vaults::active_shares_at(v, 3), Ok(150));
		assert_eq!(Vaults::active_stake_at(v, 4), Err(Error::<Test>::FutureBlock.into()));
		assert_eq!(<Vaults as VaultsInspect<_, _>>::active_stake_at(v, 3), Ok(150));
		// Window: two epochs (20) plus the lookback (5).
		run_to_block(30);
		assert_eq!(Vaults::active_stake_at(v, 5), Ok(150));
		assert_eq!(Vaults::active_stake_at(v, 4), Err(Error::<Test>::HistoryPruned.into()));
		assert_eq!(Vaults::active_stake_at(9, 30), Err(Error::<Test>::UnknownVault.into()));
	});
}

#[test]
fn histories_stay_about_one_window_long() {
	build_and_execute(|| {
		let v = create(config(NATIVE));
		for b in 1..=200u64 {
			run_to_block(b);
			assert_ok!(Vaults::deposit(origin(BOB), v, BOB, 1));
		}
		// Window 25 blocks: at most the window's entries plus two pages kept, not 200.
		let most = 26 + 2 * rampart_primitives::paged_trace::PAGE_LEN;
		assert!(ActivePoolHead::<Test>::get(v).unwrap().len() <= most);
		assert!(SharesOfHead::<Test>::get((v, BOB)).unwrap().len() <= most);
		assert_eq!(Vaults::active_stake_at(v, 180), Ok(180));
	});
}
