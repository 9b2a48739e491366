// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

use super::*;
use frame_support::traits::Hooks;

#[test]
fn the_mock_configuration_passes() {
	<Slashing as Hooks<u64>>::integrity_test();
}

#[test]
#[should_panic(expected = "MaxCumulativeSlashDepth must cover")]
fn a_search_too_shallow_for_the_longest_epoch_is_refused() {
	SlashDepth::set(9);
	<Slashing as Hooks<u64>>::integrity_test();
}
