// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

use super::*;

const OP: u8 = 2;

#[test]
fn a_relayer_opts_an_operator_in_and_out() {
	build_and_execute(|| {
		setup();
		let sig = sign(OP, OptInAction::OptIn, &net_target(), 0, 10);
		assert_ok!(Registry::opt_in_signed(origin(relayer()), operator(), net_target(), 10, sig));
		assert_eq!(
			events(),
			vec![
				Event::OptedIn { operator: operator(), target: net_target() },
				Event::NonceIncreased { operator: operator(), target: net_target(), nonce: 1 },
			]
		);
		run_to_block(2);
		let sig = sign(OP, OptInAction::OptOut, &net_target(), 1, 2);
		assert_ok!(Registry::opt_out_signed(origin(relayer()), operator(), net_target(), 2, sig));
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
		assert_ok!(Registry::opt_in_signed(origin(relayer()), operator(), net_target(), 10, sig));
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
		assert_ok!(Registry::opt_out_signed(origin(relayer()), operator(), net_target(), 12, sig));
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
		add_vaults(1);
		// Wrong target.
		let sig = sign(OP, OptInAction::OptIn, &OptInTarget::Vault(0), 0, 10);
		assert_noop!(
			Registry::opt_in_signed(origin(relayer()), operator(), net_target(), 10, sig),
			Error::<Test>::BadSignature
		);
		// Wrong deadline.
		let sig = sign(OP, OptInAction::OptIn, &net_target(), 0, 10);
		assert_noop!(
			Registry::opt_in_signed(origin(relayer()), operator(), net_target(), 11, sig.clone()),
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
