// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

use super::*;

/// A seeded random stream of setter calls, stake changes, opt-ins and slashes over all four
/// kinds, with the invariants checked after every step.
#[test]
fn invariants_hold_under_a_random_operation_stream() {
	build_and_execute(|| {
		let vaults = [
			setup(DelegatorKind::NetworkRestake),
			setup(DelegatorKind::FullRestake),
			setup(DelegatorKind::OperatorSpecific { operator: OP_A }),
			setup(DelegatorKind::OperatorNetworkSpecific { operator: OP_B, network: NETWORK }),
		];
		let mut seed: u64 = 0x5eed_1234_abcd_0001;
		let mut next = |m: u64| {
			seed ^= seed << 13;
			seed ^= seed >> 7;
			seed ^= seed << 17;
			seed % m
		};
		let mut block: u64 = 1;
		for _ in 0..2_000 {
			let v = vaults[next(4) as usize];
			let op = [OP_A, OP_B][next(2) as usize];
			let network = [NETWORK, NETWORK_2][next(2) as usize];
			let id = next(2) as u32;
			let subnetwork = Subnetwork::new(network, id);
			let amount = next(1_500) as u128;
			let _ = match next(9) {
				0 | 1 => Delegation::set_max_network_limit(origin(network), v, id, amount),
				2 | 3 => Delegation::set_network_limit(origin(CURATOR), v, subnetwork, amount),
				4 => Delegation::set_operator_network_shares(
					origin(CURATOR),
					v,
					subnetwork,
					op,
					next(10) as u128,
				),
				5 => Delegation::set_operator_network_limit(
					origin(CURATOR),
					v,
					subnetwork,
					op,
					amount,
				),
				6 => {
					set_stake(v, amount);
					Ok(())
				},
				7 => {
					let p = match next(4) {
						0 => HookPolicy::None,
						1 => HookPolicy::Decrease,
						2 => HookPolicy::Redistribute,
						_ => HookPolicy::Reset { period: next(10) + 1, count: 2 },
					};
					Delegation::set_hook_policy(origin(CURATOR), v, p)
				},
				_ => {
					let capture = block.saturating_sub(next(5)).max(1);
					let slashable =
						<Delegation as StakeProvider<_, _>>::stake_at(v, &subnetwork, &op, capture)
							.unwrap_or(0)
							.max(amount);
					<Delegation as StakeProvider<_, _>>::on_slash(
						v,
						&subnetwork,
						&op,
						SlashInfo { amount, capture, slashable },
					);
					Ok(())
				},
			};
			if next(3) == 0 {
				block += 1;
				run_to_block(block);
			}
			Delegation::do_try_state().expect("invariants hold after every step");
		}
	});
}
