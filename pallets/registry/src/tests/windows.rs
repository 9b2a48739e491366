// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

use super::*;
use frame_support::traits::Hooks;

#[test]
fn the_mock_configuration_passes() {
	<Registry as Hooks<u64>>::integrity_test();
}

#[test]
#[should_panic(expected = "OptInHistoryRetention must cover")]
fn a_retention_shorter_than_the_vault_histories_is_refused() {
	OptInRetention::set(RETENTION - 1);
	<Registry as Hooks<u64>>::integrity_test();
}
