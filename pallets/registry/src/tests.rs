// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Unit tests: every call's success path, each of its errors (with `assert_noop!`), its events,
//! and the history and signature rules. Every test ends with `do_try_state`.

use crate::{mock::*, Error, Event, *};
use codec::Encode;
use frame_support::{
	assert_noop, assert_ok,
	traits::{fungible::InspectHold, BuildGenesisConfig},
};
use rampart_primitives::{
	traits::{NetworkRegistry, OperatorRegistry, OptIns},
	OptInTarget,
};
use sp_core::Pair;
use sp_runtime::{BuildStorage, DispatchError, MultiSignature, TokenError};

type Target = OptInTarget<AccountId>;

fn origin(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// The registry events since the last call, oldest first; clears them.
fn events() -> Vec<Event<Test>> {
	let events = System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Registry(e) => Some(e),
			_ => None,
		})
		.collect();
	System::reset_events();
	events
}

fn held(who: &AccountId) -> Balance {
	Balances::balance_on_hold(&RuntimeHoldReason::Registry(HoldReason::Registration), who)
}

fn url(bytes: &[u8]) -> MetadataOf<Test> {
	MetadataOf::<Test>::try_from(bytes.to_vec()).unwrap()
}

fn net_target() -> Target {
	OptInTarget::Network(network())
}

/// Registers the sample network and operator and clears the events.
fn setup() {
	assert_ok!(Registry::register_network(origin(network())));
	assert_ok!(Registry::register_operator(origin(operator())));
	events();
}

fn opted_in_at(at: u64) -> Result<bool, Error<Test>> {
	Registry::opted_in_at_block(&operator(), &net_target(), at)
}

fn history() -> Vec<(u64, bool)> {
	OptInHistories::<Test>::get(operator(), net_target())
		.map(|h| h.entries().to_vec())
		.unwrap_or_default()
}

fn sign(
	signer: u8,
	action: OptInAction,
	target: &Target,
	nonce: u64,
	deadline: u64,
) -> MultiSignature {
	let message = Registry::opt_in_message(action, &account(signer), target, nonce, deadline);
	MultiSignature::Sr25519(pair(signer).sign(&message.encode()))
}

// Registration record sizes: network (None middleware, empty metadata, u64 block) = 1 + 1 + 8,
// operator (empty metadata, u64 block) = 1 + 8.
const NETWORK_DEPOSIT: Balance = BASE_DEPOSIT + 10 * BYTE_DEPOSIT;
const OPERATOR_DEPOSIT: Balance = BASE_DEPOSIT + 9 * BYTE_DEPOSIT;

mod registration {
	use super::*;

	#[test]
	fn register_network_holds_the_deposit_and_emits() {
		build_and_execute(|| {
			assert_ok!(Registry::register_network(origin(network())));
			assert_eq!(events(), vec![Event::NetworkRegistered { network: network() }]);
			assert_eq!(held(&network()), NETWORK_DEPOSIT);
			assert_eq!(NetworkCount::<Test>::get(), 1);
			let record = Networks::<Test>::get(network()).unwrap();
			assert_eq!(record.middleware, None);
			assert_eq!(record.registered_at, 1);
			assert!(<Registry as NetworkRegistry<_>>::is_network(&network()));
			assert!(!<Registry as NetworkRegistry<_>>::is_network(&operator()));
		});
	}

	#[test]
	fn register_network_twice_fails() {
		build_and_execute(|| {
			assert_ok!(Registry::register_network(origin(network())));
			assert_noop!(
				Registry::register_network(origin(network())),
				Error::<Test>::NetworkAlreadyRegistered
			);
			assert_eq!(held(&network()), NETWORK_DEPOSIT);
		});
	}

	#[test]
	fn register_network_without_funds_fails() {
		build_and_execute(|| {
			assert_noop!(
				Registry::register_network(origin(pauper())),
				TokenError::FundsUnavailable
			);
			assert_eq!(NetworkCount::<Test>::get(), 0);
		});
	}

	#[test]
	fn register_operator_holds_the_deposit_and_emits() {
		build_and_execute(|| {
			assert_ok!(Registry::register_operator(origin(operator())));
			assert_eq!(events(), vec![Event::OperatorRegistered { operator: operator() }]);
			assert_eq!(held(&operator()), OPERATOR_DEPOSIT);
			assert_eq!(OperatorCount::<Test>::get(), 1);
			assert!(<Registry as OperatorRegistry<_>>::is_operator(&operator()));
			assert!(!<Registry as OperatorRegistry<_>>::is_operator(&network()));
		});
	}

	#[test]
	fn register_operator_twice_fails() {
		build_and_execute(|| {
			assert_ok!(Registry::register_operator(origin(operator())));
			assert_noop!(
				Registry::register_operator(origin(operator())),
				Error::<Test>::OperatorAlreadyRegistered
			);
		});
	}

	#[test]
	fn register_operator_without_funds_fails() {
		build_and_execute(|| {
			assert_noop!(
				Registry::register_operator(origin(pauper())),
				TokenError::FundsUnavailable
			);
		});
	}

	#[test]
	fn one_account_may_be_both_network_and_operator() {
		build_and_execute(|| {
			assert_ok!(Registry::register_network(origin(network())));
			assert_ok!(Registry::register_operator(origin(network())));
			assert_eq!(held(&network()), NETWORK_DEPOSIT + OPERATOR_DEPOSIT);
			// An operator may opt into its own network.
			assert_ok!(Registry::opt_in(origin(network()), net_target()));
		});
	}

	#[test]
	fn unsigned_and_root_origins_are_refused_by_every_call() {
		build_and_execute(|| {
			setup();
			let sig = sign(2, OptInAction::OptIn, &net_target(), 0, 10);
			let calls: Vec<Call<Test>> = vec![
				Call::register_network {},
				Call::register_operator {},
				Call::set_middleware { middleware: None },
				Call::set_network_metadata { url: url(b"x") },
				Call::set_operator_metadata { url: url(b"x") },
				Call::opt_in { target: net_target() },
				Call::opt_out { target: net_target() },
				Call::opt_in_signed {
					operator: operator(),
					target: net_target(),
					deadline: 10,
					signature: sig.clone(),
				},
				Call::opt_out_signed {
					operator: operator(),
					target: net_target(),
					deadline: 10,
					signature: sig,
				},
				Call::increase_nonce { target: net_target() },
			];
			for call in calls {
				for origin in [RuntimeOrigin::none(), RuntimeOrigin::root()] {
					let call = RuntimeCall::Registry(call.clone());
					assert_noop!(
						frame_support::traits::UnfilteredDispatchable::dispatch_bypass_filter(
							call, origin
						),
						DispatchError::BadOrigin
					);
				}
			}
		});
	}
}

mod middleware_and_metadata {
	use super::*;

	#[test]
	fn set_middleware_names_changes_and_clears() {
		build_and_execute(|| {
			setup();
			assert_ok!(Registry::set_middleware(origin(network()), Some(middleware())));
			assert_eq!(
				events(),
				vec![Event::MiddlewareSet { network: network(), middleware: Some(middleware()) }]
			);
			assert_eq!(
				<Registry as NetworkRegistry<_>>::middleware_of(&network()),
				Some(middleware())
			);
			assert_eq!(Registry::middleware(network()), Some(middleware()));
			// The record grew by an account: the deposit follows.
			assert_eq!(held(&network()), NETWORK_DEPOSIT + 32 * BYTE_DEPOSIT);

			assert_ok!(Registry::set_middleware(origin(network()), Some(relayer())));
			assert_eq!(
				<Registry as NetworkRegistry<_>>::middleware_of(&network()),
				Some(relayer())
			);

			assert_ok!(Registry::set_middleware(origin(network()), None));
			assert_eq!(
				events().last(),
				Some(&Event::MiddlewareSet { network: network(), middleware: None })
			);
			assert_eq!(<Registry as NetworkRegistry<_>>::middleware_of(&network()), None);
			assert_eq!(held(&network()), NETWORK_DEPOSIT);
		});
	}

	#[test]
	fn set_middleware_by_a_non_network_fails() {
		build_and_execute(|| {
			setup();
			assert_noop!(
				Registry::set_middleware(origin(operator()), Some(middleware())),
				Error::<Test>::NotNetwork
			);
			assert_eq!(<Registry as NetworkRegistry<_>>::middleware_of(&operator()), None);
		});
	}

	#[test]
	fn set_middleware_to_the_current_value_fails() {
		build_and_execute(|| {
			setup();
			assert_noop!(
				Registry::set_middleware(origin(network()), None),
				Error::<Test>::AlreadySet
			);
			assert_ok!(Registry::set_middleware(origin(network()), Some(middleware())));
			assert_noop!(
				Registry::set_middleware(origin(network()), Some(middleware())),
				Error::<Test>::AlreadySet
			);
		});
	}

	#[test]
	fn set_middleware_the_network_cannot_pay_for_fails() {
		build_and_execute(|| {
			setup();
			// Leave the network 1 unit short of the 32 bytes the middleware adds (and the ED).
			let free = Balances::free_balance(network());
			assert_ok!(Balances::transfer_allow_death(origin(network()), relayer(), free - 32));
			assert_noop!(
				Registry::set_middleware(origin(network()), Some(middleware())),
				TokenError::FundsUnavailable
			);
		});
	}

	#[test]
	fn network_metadata_is_set_resized_and_cleared() {
		build_and_execute(|| {
			setup();
			let long = url(&[b'x'; MAX_METADATA as usize]);
			assert_ok!(Registry::set_network_metadata(origin(network()), long.clone()));
			assert_eq!(
				events(),
				vec![Event::NetworkMetadataSet { network: network(), url: long.clone() }]
			);
			assert_eq!(Networks::<Test>::get(network()).unwrap().metadata, long);
			assert_eq!(held(&network()), NETWORK_DEPOSIT + MAX_METADATA as Balance * BYTE_DEPOSIT);
			assert_noop!(
				Registry::set_network_metadata(origin(network()), long),
				Error::<Test>::AlreadySet
			);
			assert_ok!(Registry::set_network_metadata(origin(network()), url(b"")));
			assert_eq!(
				events(),
				vec![Event::NetworkMetadataSet { network: network(), url: url(b"") }]
			);
			assert_eq!(held(&network()), NETWORK_DEPOSIT);
		});
	}

	#[test]
	fn network_metadata_by_a_non_network_fails() {
		build_and_execute(|| {
			setup();
			assert_noop!(
				Registry::set_network_metadata(origin(operator()), url(b"https://op")),
				Error::<Test>::NotNetwork
			);
		});
	}

	#[test]
	fn operator_metadata_is_set_resized_and_cleared() {
		build_and_execute(|| {
			setup();
			assert_ok!(Registry::set_operator_metadata(origin(operator()), url(b"https://op")));
			assert_eq!(
				events(),
				vec![Event::OperatorMetadataSet { operator: operator(), url: url(b"https://op") }]
			);
			assert_eq!(held(&operator()), OPERATOR_DEPOSIT + 10 * BYTE_DEPOSIT);
			assert_noop!(
				Registry::set_operator_metadata(origin(operator()), url(b"https://op")),
				Error::<Test>::AlreadySet
			);
			assert_ok!(Registry::set_operator_metadata(origin(operator()), url(b"")));
			assert_eq!(held(&operator()), OPERATOR_DEPOSIT);
		});
	}

	#[test]
	fn operator_metadata_by_a_non_operator_fails() {
		build_and_execute(|| {
			setup();
			assert_noop!(
				Registry::set_operator_metadata(origin(network()), url(b"https://net")),
				Error::<Test>::NotOperator
			);
		});
	}

	#[test]
	fn metadata_longer_than_the_bound_cannot_be_passed() {
		assert!(MetadataOf::<Test>::try_from(vec![0u8; MAX_METADATA as usize + 1]).is_err());
		// Nor decoded from a call.
		let call = RuntimeCall::Registry(Call::set_network_metadata { url: url(b"") });
		let mut bytes = call.encode();
		bytes.truncate(bytes.len() - 1);
		bytes.extend(codec::Compact(MAX_METADATA + 1).encode());
		bytes.extend(vec![0u8; MAX_METADATA as usize + 1]);
		assert!(<RuntimeCall as codec::Decode>::decode(&mut &bytes[..]).is_err());
	}
}

mod opt_ins {
	use super::*;

	#[test]
	fn opt_in_into_a_network_records_history_and_bumps_the_nonce() {
		build_and_execute(|| {
			setup();
			assert_ok!(Registry::opt_in(origin(operator()), net_target()));
			assert_eq!(
				events(),
				vec![
					Event::OptedIn { operator: operator(), target: net_target() },
					Event::NonceIncreased { operator: operator(), target: net_target(), nonce: 1 },
				]
			);
			assert_eq!(history(), vec![(1, true)]);
			assert!(<Registry as OptIns<_, _>>::is_opted_in(&operator(), &net_target()));
			assert_eq!(
				<Registry as OptIns<_, _>>::is_opted_in_at(&operator(), &net_target(), 1),
				Ok(true)
			);
			assert_eq!(opted_in_at(0), Ok(false));
		});
	}

	#[test]
	fn opt_in_into_a_vault() {
		build_and_execute(|| {
			setup();
			ExistingVaults::set(3);
			let vault = OptInTarget::Vault(2);
			assert_ok!(Registry::opt_in(origin(operator()), vault.clone()));
			assert_eq!(events()[0], Event::OptedIn { operator: operator(), target: vault.clone() });
			assert!(Registry::is_opted_in_now(&operator(), &vault));
			// Kinds are separate histories.
			assert!(!Registry::is_opted_in_now(&operator(), &net_target()));
		});
	}

	#[test]
	fn opt_in_by_a_non_operator_fails() {
		build_and_execute(|| {
			setup();
			assert_noop!(
				Registry::opt_in(origin(relayer()), net_target()),
				Error::<Test>::NotOperator
			);
		});
	}

	#[test]
	fn opt_in_into_an_unknown_network_or_vault_fails() {
		build_and_execute(|| {
			setup();
			assert_noop!(
				Registry::opt_in(origin(operator()), OptInTarget::Network(relayer())),
				Error::<Test>::UnknownTarget
			);
			ExistingVaults::set(1);
			assert_noop!(
				Registry::opt_in(origin(operator()), OptInTarget::Vault(1)),
				Error::<Test>::UnknownTarget
			);
		});
	}

	#[test]
	fn opt_in_twice_fails() {
		build_and_execute(|| {
			setup();
			assert_ok!(Registry::opt_in(origin(operator()), net_target()));
			run_to_block(5);
			assert_noop!(
				Registry::opt_in(origin(operator()), net_target()),
				Error::<Test>::AlreadyOptedIn
			);
		});
	}

	#[test]
	fn opt_out_keeps_the_past_and_bumps_the_nonce() {
		build_and_execute(|| {
			setup();
			assert_ok!(Registry::opt_in(origin(operator()), net_target()));
			run_to_block(4);
			events();
			assert_ok!(Registry::opt_out(origin(operator()), net_target()));
			assert_eq!(
				events(),
				vec![
					Event::OptedOut { operator: operator(), target: net_target() },
					Event::NonceIncreased { operator: operator(), target: net_target(), nonce: 2 },
				]
			);
			assert_eq!(history(), vec![(1, true), (4, false)]);
			assert!(!Registry::is_opted_in_now(&operator(), &net_target()));
			assert_eq!(opted_in_at(1), Ok(true));
			assert_eq!(opted_in_at(3), Ok(true));
			assert_eq!(opted_in_at(4), Ok(false));
		});
	}

	#[test]
	fn opt_out_when_not_opted_in_fails() {
		build_and_execute(|| {
			setup();
			assert_noop!(
				Registry::opt_out(origin(operator()), net_target()),
				Error::<Test>::NotOptedIn
			);
			assert_ok!(Registry::opt_in(origin(operator()), net_target()));
			run_to_block(2);
			assert_ok!(Registry::opt_out(origin(operator()), net_target()));
			run_to_block(3);
			assert_noop!(
				Registry::opt_out(origin(operator()), net_target()),
				Error::<Test>::NotOptedIn
			);
		});
	}

	#[test]
	fn opt_out_in_the_opt_in_block_is_refused() {
		build_and_execute(|| {
			setup();
			assert_ok!(Registry::opt_in(origin(operator()), net_target()));
			assert_noop!(
				Registry::opt_out(origin(operator()), net_target()),
				Error::<Test>::OptOutCooldown
			);
			run_to_block(2);
			assert_ok!(Registry::opt_out(origin(operator()), net_target()));
		});
	}

	#[test]
	fn opt_out_then_back_in_within_a_block_leaves_one_entry() {
		build_and_execute(|| {
			setup();
			assert_ok!(Registry::opt_in(origin(operator()), net_target()));
			run_to_block(3);
			assert_ok!(Registry::opt_out(origin(operator()), net_target()));
			assert_ok!(Registry::opt_in(origin(operator()), net_target()));
			// The block ends opted in, as it started: nothing to record, but both nonces count.
			assert_eq!(history(), vec![(1, true)]);
			assert_eq!(OptInNonces::<Test>::get(operator(), net_target()), 3);
			assert_eq!(opted_in_at(3), Ok(true));
		});
	}

	#[test]
	fn lookups_answer_inside_the_window_and_refuse_outside() {
		build_and_execute(|| {
			setup();
			assert_ok!(Registry::opt_in(origin(operator()), net_target()));
			run_to_block(10);
			assert_ok!(Registry::opt_out(origin(operator()), net_target()));
			run_to_block(30);
			// Window: [30 - 20, 30] = [10, 30].
			assert_eq!(opted_in_at(10), Ok(false));
			assert_eq!(opted_in_at(30), Ok(false));
			assert_eq!(opted_in_at(9), Err(Error::<Test>::HistoryPruned));
			assert_eq!(opted_in_at(31), Err(Error::<Test>::FutureBlock));
			assert_eq!(
				<Registry as OptIns<_, _>>::is_opted_in_at(&operator(), &net_target(), 31),
				Err(Error::<Test>::FutureBlock.into())
			);
			// A pair with no history is simply not opted in.
			assert_eq!(Registry::opted_in_at_block(&relayer(), &net_target(), 20), Ok(false));
		});
	}

	#[test]
	fn history_is_pruned_to_the_window_and_keeps_its_values() {
		build_and_execute(|| {
			setup();
			// Flip every 11 blocks: 12 changes, far more than MAX_HISTORY, but at most 2 inside
			// any 20-block window, so each opt-in leaves room for the opt-out after it.
			for step in 0..12u64 {
				run_to_block(1 + 11 * step);
				if step % 2 == 0 {
					assert_ok!(Registry::opt_in(origin(operator()), net_target()));
				} else {
					assert_ok!(Registry::opt_out(origin(operator()), net_target()));
				}
				let h = OptInHistories::<Test>::get(operator(), net_target()).unwrap();
				assert!(h.len() <= MAX_HISTORY as usize);
			}
			// Last change at block 122 (an opt-out); entries kept cover [122 - 20, 122].
			let now = 122;
			for at in now - RETENTION..=now {
				let expected = ((at - 1) / 11) % 2 == 0;
				assert_eq!(opted_in_at(at), Ok(expected), "block {at}");
			}
			assert_eq!(OptInNonces::<Test>::get(operator(), net_target()), 12);
		});
	}

	#[test]
	fn flipping_too_often_inside_the_window_is_refused_until_it_passes() {
		build_and_execute(|| {
			setup();
			for b in 1..=MAX_HISTORY as u64 {
				run_to_block(b);
				if b % 2 == 1 {
					assert_ok!(Registry::opt_in(origin(operator()), net_target()));
				} else {
					assert_ok!(Registry::opt_out(origin(operator()), net_target()));
				}
			}
			run_to_block(MAX_HISTORY as u64 + 1);
			assert_noop!(
				Registry::opt_in(origin(operator()), net_target()),
				Error::<Test>::TooManyOptInChanges
			);
			// Once the first entries leave the window, there is room again.
			run_to_block(2 + RETENTION + 1);
			assert_ok!(Registry::opt_in(origin(operator()), net_target()));
		});
	}

	#[test]
	fn increase_nonce_bumps_and_emits() {
		build_and_execute(|| {
			setup();
			assert_ok!(Registry::increase_nonce(origin(operator()), net_target()));
			assert_ok!(Registry::increase_nonce(origin(operator()), net_target()));
			assert_eq!(
				events(),
				vec![
					Event::NonceIncreased { operator: operator(), target: net_target(), nonce: 1 },
					Event::NonceIncreased { operator: operator(), target: net_target(), nonce: 2 },
				]
			);
			assert_eq!(Registry::opt_in_nonce(operator(), net_target()), 2);
		});
	}

	#[test]
	fn increase_nonce_at_the_maximum_fails() {
		build_and_execute(|| {
			setup();
			OptInNonces::<Test>::insert(operator(), net_target(), u64::MAX);
			assert_noop!(
				Registry::increase_nonce(origin(operator()), net_target()),
				sp_runtime::ArithmeticError::Overflow
			);
		});
	}
}

/// Findings of the security review and the comparison with the reference (issue 13): each test
/// failed before its fix.
mod review {
	use super::*;

	/// Item 0: out, in and out again in one block. The reference refuses the second opt-out
	/// (`OptOutCooldown`: the latest change is in this block); the history collapsing back to its
	/// older entry must not hide that change.
	#[test]
	fn second_opt_out_in_one_block_hits_the_cooldown() {
		build_and_execute(|| {
			setup();
			ExistingVaults::set(1);
			for target in [net_target(), OptInTarget::Vault(0)] {
				run_to_block(1);
				assert_ok!(Registry::opt_in(origin(operator()), target.clone()));
				run_to_block(3);
				assert_ok!(Registry::opt_out(origin(operator()), target.clone()));
				assert_ok!(Registry::opt_in(origin(operator()), target.clone()));
				assert_noop!(
					Registry::opt_out(origin(operator()), target.clone()),
					Error::<Test>::OptOutCooldown
				);
				// The block ends opted in; the next block may leave.
				assert!(Registry::is_opted_in_now(&operator(), &target));
				assert_eq!(Registry::opted_in_at_block(&operator(), &target, 3), Ok(true));
				run_to_block(4);
				assert_ok!(Registry::opt_out(origin(operator()), target.clone()));
				assert_eq!(Registry::opted_in_at_block(&operator(), &target, 3), Ok(true));
				assert_eq!(Registry::opted_in_at_block(&operator(), &target, 4), Ok(false));
			}
		});
	}

	/// Item 4: a history full inside its window must still take an opt-out: only new opt-ins
	/// are refused, so an operator can always leave.
	#[test]
	fn a_full_history_refuses_the_opt_in_never_the_opt_out() {
		build_and_execute(|| {
			setup();
			assert_ok!(Registry::opt_in(origin(operator()), net_target()));
			run_to_block(2);
			assert_ok!(Registry::opt_out(origin(operator()), net_target()));
			run_to_block(22);
			assert_ok!(Registry::opt_in(origin(operator()), net_target()));
			run_to_block(23);
			assert_ok!(Registry::opt_out(origin(operator()), net_target()));
			// [(2, out), (22, in), (23, out)]: one more opt-in would leave no room to leave.
			run_to_block(24);
			assert_noop!(
				Registry::opt_in(origin(operator()), net_target()),
				Error::<Test>::TooManyOptInChanges
			);
			// Once the window moves past block 22, the opt-in fits with room to leave after.
			run_to_block(43);
			assert_ok!(Registry::opt_in(origin(operator()), net_target()));
			run_to_block(44);
			assert_ok!(Registry::opt_out(origin(operator()), net_target()));
		});
	}

	/// Item 4, exhaustively: whatever an operator did before, opting out while opted in never
	/// fails for a full history.
	#[test]
	fn opting_out_never_fails_for_lack_of_room() {
		build_and_execute(|| {
			setup();
			let (mut seed, mut opt_outs) = (0x5eed_u64, 0);
			for block in 1..400u64 {
				run_to_block(block);
				seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
				if (seed >> 33) % 3 != 0 {
					continue;
				}
				if Registry::is_opted_in_now(&operator(), &net_target()) {
					assert_ok!(Registry::opt_out(origin(operator()), net_target()));
					opt_outs += 1;
				} else {
					let _ = Registry::opt_in(origin(operator()), net_target());
				}
				let h = OptInHistories::<Test>::get(operator(), net_target()).unwrap_or_default();
				assert!(h.len() <= MAX_HISTORY as usize);
			}
			assert!(opt_outs > 10, "the stream opted out {opt_outs} times");
		});
	}

	/// Item 9: a nonce for a target that does not exist (or from an account that is not an
	/// operator) would be storage written for free.
	#[test]
	fn increase_nonce_needs_an_operator_and_an_existing_target() {
		build_and_execute(|| {
			setup();
			assert_noop!(
				Registry::increase_nonce(origin(operator()), OptInTarget::Vault(7)),
				Error::<Test>::UnknownTarget
			);
			assert_noop!(
				Registry::increase_nonce(origin(operator()), OptInTarget::Network(relayer())),
				Error::<Test>::UnknownTarget
			);
			assert_noop!(
				Registry::increase_nonce(origin(relayer()), net_target()),
				Error::<Test>::NotOperator
			);
			assert_ok!(Registry::increase_nonce(origin(operator()), net_target()));
		});
	}
}

mod signed {
	use super::*;

	const OP: u8 = 2;

	#[test]
	fn a_relayer_opts_an_operator_in_and_out() {
		build_and_execute(|| {
			setup();
			let sig = sign(OP, OptInAction::OptIn, &net_target(), 0, 10);
			assert_ok!(Registry::opt_in_signed(
				origin(relayer()),
				operator(),
				net_target(),
				10,
				sig
			));
			assert_eq!(
				events(),
				vec![
					Event::OptedIn { operator: operator(), target: net_target() },
					Event::NonceIncreased { operator: operator(), target: net_target(), nonce: 1 },
				]
			);
			run_to_block(2);
			let sig = sign(OP, OptInAction::OptOut, &net_target(), 1, 2);
			assert_ok!(Registry::opt_out_signed(
				origin(relayer()),
				operator(),
				net_target(),
				2,
				sig
			));
			assert_eq!(
				events(),
				vec![
					Event::OptedOut { operator: operator(), target: net_target() },
					Event::NonceIncreased { operator: operator(), target: net_target(), nonce: 2 },
				]
			);
			assert_eq!(history(), vec![(1, true), (2, false)]);
		});
	}

	#[test]
	fn a_wallet_wrapped_signature_is_accepted() {
		build_and_execute(|| {
			setup();
			let message =
				Registry::opt_in_message(OptInAction::OptIn, &operator(), &net_target(), 0, 10);
			let wrapped = [b"<Bytes>".as_slice(), &message.encode(), b"</Bytes>"].concat();
			let sig = MultiSignature::Sr25519(pair(OP).sign(&wrapped));
			assert_ok!(Registry::opt_in_signed(
				origin(relayer()),
				operator(),
				net_target(),
				10,
				sig
			));
		});
	}

	#[test]
	fn an_expired_deadline_fails() {
		build_and_execute(|| {
			setup();
			run_to_block(11);
			let sig = sign(OP, OptInAction::OptIn, &net_target(), 0, 10);
			assert_noop!(
				Registry::opt_in_signed(origin(relayer()), operator(), net_target(), 10, sig),
				Error::<Test>::SignatureExpired
			);
			assert_ok!(Registry::opt_in(origin(operator()), net_target()));
			run_to_block(12);
			let sig = sign(OP, OptInAction::OptOut, &net_target(), 1, 11);
			assert_noop!(
				Registry::opt_out_signed(origin(relayer()), operator(), net_target(), 11, sig),
				Error::<Test>::SignatureExpired
			);
			// The deadline block itself is still fine.
			let sig = sign(OP, OptInAction::OptOut, &net_target(), 1, 12);
			assert_ok!(Registry::opt_out_signed(
				origin(relayer()),
				operator(),
				net_target(),
				12,
				sig
			));
		});
	}

	#[test]
	fn a_signature_by_someone_else_fails() {
		build_and_execute(|| {
			setup();
			let sig = sign(3, OptInAction::OptIn, &net_target(), 0, 10);
			assert_noop!(
				Registry::opt_in_signed(origin(relayer()), operator(), net_target(), 10, sig),
				Error::<Test>::BadSignature
			);
		});
	}

	#[test]
	fn a_signature_over_another_message_fails() {
		build_and_execute(|| {
			setup();
			ExistingVaults::set(1);
			// Wrong target.
			let sig = sign(OP, OptInAction::OptIn, &OptInTarget::Vault(0), 0, 10);
			assert_noop!(
				Registry::opt_in_signed(origin(relayer()), operator(), net_target(), 10, sig),
				Error::<Test>::BadSignature
			);
			// Wrong deadline.
			let sig = sign(OP, OptInAction::OptIn, &net_target(), 0, 10);
			assert_noop!(
				Registry::opt_in_signed(
					origin(relayer()),
					operator(),
					net_target(),
					11,
					sig.clone()
				),
				Error::<Test>::BadSignature
			);
			// Wrong action: an opt-in signature cannot opt out.
			assert_ok!(Registry::opt_in(origin(operator()), net_target()));
			run_to_block(2);
			let sig = sign(OP, OptInAction::OptIn, &net_target(), 1, 10);
			assert_noop!(
				Registry::opt_out_signed(origin(relayer()), operator(), net_target(), 10, sig),
				Error::<Test>::BadSignature
			);
		});
	}

	#[test]
	fn a_signature_cannot_be_replayed() {
		build_and_execute(|| {
			setup();
			let sig = sign(OP, OptInAction::OptIn, &net_target(), 0, 100);
			assert_ok!(Registry::opt_in_signed(
				origin(relayer()),
				operator(),
				net_target(),
				100,
				sig.clone()
			));
			run_to_block(2);
			assert_ok!(Registry::opt_out(origin(operator()), net_target()));
			run_to_block(3);
			// Opted out again, but the old signature carries nonce 0: void.
			assert_noop!(
				Registry::opt_in_signed(origin(relayer()), operator(), net_target(), 100, sig),
				Error::<Test>::BadSignature
			);
		});
	}

	#[test]
	fn increase_nonce_voids_outstanding_signatures() {
		build_and_execute(|| {
			setup();
			let sig = sign(OP, OptInAction::OptIn, &net_target(), 0, 100);
			assert_ok!(Registry::increase_nonce(origin(operator()), net_target()));
			assert_noop!(
				Registry::opt_in_signed(origin(relayer()), operator(), net_target(), 100, sig),
				Error::<Test>::BadSignature
			);
		});
	}

	#[test]
	fn registry_checks_follow_the_signature_check() {
		build_and_execute(|| {
			// Nothing registered: a valid signature still meets NotOperator.
			let sig = sign(OP, OptInAction::OptIn, &net_target(), 0, 10);
			assert_noop!(
				Registry::opt_in_signed(origin(relayer()), operator(), net_target(), 10, sig),
				Error::<Test>::NotOperator
			);
			let sig = sign(OP, OptInAction::OptOut, &net_target(), 0, 10);
			assert_noop!(
				Registry::opt_out_signed(origin(relayer()), operator(), net_target(), 10, sig),
				Error::<Test>::NotOptedIn
			);
		});
	}

	#[test]
	fn the_message_is_bound_to_this_chain_and_pallet() {
		build_and_execute(|| {
			let message =
				Registry::opt_in_message(OptInAction::OptIn, &operator(), &net_target(), 7, 9);
			assert_eq!(message.domain, OPT_IN_DOMAIN);
			assert_eq!(message.genesis_hash, System::block_hash(0));
			assert_eq!(message.pallet, b"Registry".to_vec());
			assert_eq!((message.nonce, message.deadline), (7, 9));
		});
	}
}

mod genesis_and_invariants {
	use super::*;

	#[test]
	fn genesis_registers_networks_operators_and_opt_ins() {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> {
			balances: vec![(network(), ENDOWMENT), (operator(), ENDOWMENT)],
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		sp_io::TestExternalities::new(storage).execute_with(|| {
			GenesisConfig::<Test> {
				networks: vec![(network(), Some(middleware()))],
				operators: vec![operator()],
				opt_ins: vec![(operator(), net_target())],
			}
			.build();
			assert_eq!(
				<Registry as NetworkRegistry<_>>::middleware_of(&network()),
				Some(middleware())
			);
			assert!(<Registry as OperatorRegistry<_>>::is_operator(&operator()));
			assert_eq!(opted_in_at(0), Ok(true));
			assert_eq!(held(&network()), NETWORK_DEPOSIT + 32 * BYTE_DEPOSIT);
			Registry::do_try_state().unwrap();
		});
	}

	#[test]
	fn try_state_catches_broken_counters_and_histories() {
		new_test_ext().execute_with(|| {
			setup();
			assert_ok!(Registry::opt_in(origin(operator()), net_target()));
			assert_ok!(Registry::do_try_state());

			NetworkCount::<Test>::put(2);
			assert!(Registry::do_try_state().is_err());
			NetworkCount::<Test>::put(1);

			OperatorCount::<Test>::put(0);
			assert!(Registry::do_try_state().is_err());
			OperatorCount::<Test>::put(1);

			// An entry without its nonce bump.
			OptInNonces::<Test>::insert(operator(), net_target(), 0);
			assert!(Registry::do_try_state().is_err());
			OptInNonces::<Test>::insert(operator(), net_target(), 1);

			// A history of an account that is no operator.
			let h = OptInHistories::<Test>::get(operator(), net_target()).unwrap();
			OptInHistories::<Test>::insert(relayer(), net_target(), h.clone());
			OptInNonces::<Test>::insert(relayer(), net_target(), 1);
			assert!(Registry::do_try_state().is_err());
			OptInHistories::<Test>::remove(relayer(), net_target());

			// A history from the future.
			run_to_block(0);
			assert!(Registry::do_try_state().is_err());
			run_to_block(1);
			assert_ok!(Registry::do_try_state());
		});
	}
}

/// The windows that tie this pallet to the vaults are checked when the runtime is built.
mod windows {
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
}

/// The README names every error and event, so that the docs cannot drift from the code.
#[test]
fn the_readme_names_every_error_and_event() {
	use rampart_primitives::docs::{section, unnamed_variants};
	const README: &str = include_str!("../README.md");
	let none = Vec::<&str>::new();
	let errors = unnamed_variants::<Error<Test>>(section(README, "Errors"));
	assert_eq!(errors, none, "errors the README's Errors section does not name");
	let events = unnamed_variants::<Event<Test>>(section(README, "Events"));
	assert_eq!(events, none, "events the README's Events section does not name");
}
