// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

use super::*;
use frame_support::traits::Hooks;

#[test]
fn the_mock_configuration_passes() {
	<Rewards as Hooks<u64>>::integrity_test();
}

#[test]
#[should_panic(expected = "MaxSnapshotAge + ClaimWindow must not exceed")]
fn a_claim_window_past_the_share_histories_is_refused() {
	ClaimWindowBlocks::set(LOOKBACK - SNAPSHOT_AGE + 1);
	<Rewards as Hooks<u64>>::integrity_test();
}
