// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

use super::*;

/// 1 000 units at price 2.5 with a 20 % haircut: ⌊1 000 · 2.5⌋ = 2 500, less 20 % = 2 000.
#[test]
fn power_is_stake_times_price_less_the_haircut() {
	build_and_execute(|| {
		let v = add_vault(USD);
		set_stake(v, OP_A, 1_000);
		assert_ok!(Middleware::accept_vault(origin(NETWORK), subnetwork(), v));
		run_to_block(2);
		// No valuation yet: no power.
		assert_eq!(power(OP_A, 2), 0);
		let config = network_priced(Perbill::from_percent(20));
		events();
		assert_ok!(Middleware::set_valuation(origin(NETWORK), subnetwork(), USD, config.clone()));
		assert_eq!(
			events(),
			vec![Event::ValuationSet { subnetwork: subnetwork(), asset: USD, config }]
		);
		assert_eq!(power(OP_A, 2), 0);
		let p = Price::saturating_from_rational(5, 2);
		assert_ok!(Middleware::set_price(origin(NETWORK), subnetwork(), USD, p));
		assert_eq!(
			events(),
			vec![Event::PriceUpdated {
				subnetwork: subnetwork(),
				asset: USD,
				price: p,
				clamped: false
			}]
		);
		assert_eq!(
			Middleware::operator_power(&subnetwork(), &OP_A, 2),
			Ok((2_000, vec![VaultPower { vault: v, stake: 1_000, power: 2_000 }]))
		);
	});
}

#[test]
fn setting_a_price_needs_a_valuation_the_network_prices() {
	build_and_execute(|| {
		assert_noop!(
			Middleware::set_price(origin(NETWORK), subnetwork(), USD, price(1)),
			Error::<Test>::NoValuation
		);
		assert_noop!(
			Middleware::set_price(origin(STRANGER), subnetwork(), USD, price(1)),
			Error::<Test>::NotNetwork
		);
		assert_ok!(Middleware::set_valuation(
			origin(NETWORK),
			subnetwork(),
			USD,
			fed(&[FEEDER_1], 1, 5)
		));
		assert_noop!(
			Middleware::set_price(origin(NETWORK), subnetwork(), USD, price(1)),
			Error::<Test>::PriceFromFeeders
		);
		assert_ok!(Middleware::set_valuation(
			origin(NETWORK),
			subnetwork(),
			USD,
			network_priced(Perbill::zero())
		));
		assert_noop!(
			Middleware::set_price(origin(NETWORK), subnetwork(), USD, price(0)),
			Error::<Test>::ZeroPrice
		);
	});
}

#[test]
fn a_valuation_refuses_bad_feeders_and_a_zero_fallback() {
	build_and_execute(|| {
		for (feeders, quorum) in
			[(vec![FEEDER_1, FEEDER_1], 1), (vec![FEEDER_1], 0), (vec![FEEDER_1, FEEDER_2], 3)]
		{
			assert_noop!(
				Middleware::set_valuation(
					origin(NETWORK),
					subnetwork(),
					USD,
					fed(&feeders, quorum, 5)
				),
				Error::<Test>::InvalidFeeders
			);
		}
		let mut config = network_priced(Perbill::zero());
		config.on_stale = StalePolicy::Fallback(price(0));
		assert_noop!(
			Middleware::set_valuation(origin(NETWORK), subnetwork(), USD, config),
			Error::<Test>::ZeroPrice
		);
		assert_noop!(
			Middleware::set_valuation(origin(OP_A), subnetwork(), USD, fed(&[FEEDER_1], 1, 5)),
			Error::<Test>::NotNetwork
		);
	});
}

/// A step of 10 %: from 100, 111 is refused (or clamped to 110), 95 passes.
#[test]
fn the_maximum_step_refuses_or_clamps_a_jump() {
	build_and_execute(|| {
		let mut config = network_priced(Perbill::zero());
		config.max_step =
			Some(StepLimit { max_step: Perbill::from_percent(10), policy: StepPolicy::Refuse });
		assert_ok!(Middleware::set_valuation(origin(NETWORK), subnetwork(), USD, config.clone()));
		// The first price has nothing to step from.
		assert_ok!(Middleware::set_price(origin(NETWORK), subnetwork(), USD, price(100)));
		assert_noop!(
			Middleware::set_price(origin(NETWORK), subnetwork(), USD, price(111)),
			Error::<Test>::PriceStepTooLarge
		);
		assert_ok!(Middleware::set_price(origin(NETWORK), subnetwork(), USD, price(95)));
		config.max_step =
			Some(StepLimit { max_step: Perbill::from_percent(10), policy: StepPolicy::Clamp });
		assert_ok!(Middleware::set_valuation(origin(NETWORK), subnetwork(), USD, config));
		events();
		assert_ok!(Middleware::set_price(origin(NETWORK), subnetwork(), USD, price(200)));
		let clamped = price(95).saturating_add(Price::saturating_from_rational(95, 10));
		assert_eq!(
			events(),
			vec![Event::PriceUpdated {
				subnetwork: subnetwork(),
				asset: USD,
				price: clamped,
				clamped: true
			}]
		);
		assert_eq!(
			Middleware::valuation_at(&subnetwork(), &USD, 1),
			Ok((clamped, Perbill::zero()))
		);
	});
}

/// Three feeders, quorum two: one post sets nothing, two set their mean, three their median.
#[test]
fn the_price_is_the_median_of_the_fresh_posts_once_the_quorum_is_met() {
	build_and_execute(|| {
		let sub = subnetwork();
		assert_ok!(Middleware::set_valuation(
			origin(NETWORK),
			sub,
			USD,
			fed(&[FEEDER_1, FEEDER_2, FEEDER_3], 2, 5)
		));
		assert_noop!(
			Middleware::post_price(origin(STRANGER), sub, USD, price(1)),
			Error::<Test>::NotFeeder
		);
		assert_noop!(
			Middleware::post_price(origin(FEEDER_1), sub, NATIVE, price(1)),
			Error::<Test>::NoValuation
		);
		assert_noop!(
			Middleware::post_price(origin(FEEDER_1), sub, USD, price(0)),
			Error::<Test>::ZeroPrice
		);
		events();
		assert_ok!(Middleware::post_price(origin(FEEDER_1), sub, USD, price(10)));
		assert_eq!(
			events(),
			vec![Event::PricePosted {
				subnetwork: sub,
				asset: USD,
				feeder: FEEDER_1,
				price: price(10)
			}]
		);
		assert_eq!(Middleware::valuation_at(&sub, &USD, 1), Ok((price(0), Perbill::zero())));
		assert_ok!(Middleware::post_price(origin(FEEDER_2), sub, USD, price(13)));
		let mean = Price::saturating_from_rational(23, 2);
		assert_eq!(Middleware::valuation_at(&sub, &USD, 1), Ok((mean, Perbill::zero())));
		assert_ok!(Middleware::post_price(origin(FEEDER_3), sub, USD, price(100)));
		assert_eq!(Middleware::valuation_at(&sub, &USD, 1), Ok((price(13), Perbill::zero())));
		// Feeder 1 reposts: its old post is replaced, not added.
		assert_ok!(Middleware::post_price(origin(FEEDER_1), sub, USD, price(12)));
		assert_eq!(Posts::<Test>::get(sub, USD).len(), 3);
		assert_eq!(Middleware::valuation_at(&sub, &USD, 1), Ok((price(13), Perbill::zero())));
		// A network source drops the posts; a feeder dropped from the list loses its post.
		assert_ok!(Middleware::set_valuation(
			origin(NETWORK),
			sub,
			USD,
			fed(&[FEEDER_2, FEEDER_3], 1, 5)
		));
		assert_eq!(Posts::<Test>::get(sub, USD).len(), 2);
		assert_ok!(Middleware::set_valuation(
			origin(NETWORK),
			sub,
			USD,
			network_priced(Perbill::zero())
		));
		assert!(Posts::<Test>::get(sub, USD).is_empty());
		assert_noop!(
			Middleware::post_price(origin(FEEDER_2), sub, USD, price(1)),
			Error::<Test>::NotFeeder
		);
	});
}

/// Fresh for 5 blocks: priced at 1, stale from 7. Zero, or the fallback; the past keeps its
/// value whatever the configuration becomes.
#[test]
fn a_stale_price_is_worth_nothing_or_the_fallback() {
	build_and_execute(|| {
		let sub = subnetwork();
		let v = add_vault(USD);
		set_stake(v, OP_A, 10);
		assert_ok!(Middleware::accept_vault(origin(NETWORK), sub, v));
		assert_ok!(Middleware::set_valuation(origin(NETWORK), sub, USD, fed(&[FEEDER_1], 1, 5)));
		assert_ok!(Middleware::post_price(origin(FEEDER_1), sub, USD, price(3)));
		run_to_block(8);
		assert_eq!((power(OP_A, 6), power(OP_A, 7)), (30, 0));
		// Stale posts do not make a quorum: a feeder alone refreshes the price.
		assert_ok!(Middleware::post_price(origin(FEEDER_1), sub, USD, price(4)));
		assert_eq!(power(OP_A, 8), 40);
		let mut config = fed(&[FEEDER_1], 1, 5);
		config.on_stale = StalePolicy::Fallback(price(1));
		run_to_block(9);
		assert_ok!(Middleware::set_valuation(origin(NETWORK), sub, USD, config));
		run_to_block(20);
		// Stale from 14 on: the fallback from then, since this configuration is in force.
		assert_eq!((power(OP_A, 13), power(OP_A, 14), power(OP_A, 20)), (40, 10, 10));
		// The past is untouched: at 7 the price was stale under the zero policy.
		assert_eq!(power(OP_A, 7), 0);
	});
}

#[test]
fn a_valuation_change_leaves_the_past_alone() {
	build_and_execute(|| {
		let v = add_vault(NATIVE);
		set_stake(v, OP_A, 100);
		accept_priced(v, NATIVE, 5);
		run_to_block(3);
		assert_ok!(Middleware::set_price(origin(NETWORK), subnetwork(), NATIVE, price(7)));
		assert_ok!(Middleware::set_valuation(
			origin(NETWORK),
			subnetwork(),
			NATIVE,
			network_priced(Perbill::from_percent(50))
		));
		run_to_block(4);
		assert_eq!((power(OP_A, 2), power(OP_A, 3)), (500, 350));
	});
}
