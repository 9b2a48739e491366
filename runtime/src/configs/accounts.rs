// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The ecosystem's account conventions: `pallet-utility` (a multi-step set-up as one
//! `batch_all`), `pallet-proxy` (a cold account acting through a hot key, with a proxy type
//! limited to restaking) and `pallet-multisig` (networks and curators as multisigs).
//!
//! `pallet-proxy` and `pallet-multisig` take their deposits through `ReservableCurrency`: that is
//! their interface in this release, and `pallet-balances` provides it. The Rampart pallets hold
//! through `fungible` holds only.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	parameter_types,
	traits::{ConstU32, InstanceFilter},
};
use scale_info::TypeInfo;
use sp_runtime::traits::BlakeTwo256;

use crate::{
	Balance, Balances, OriginCaller, Runtime, RuntimeCall, RuntimeEvent, System, MILLI_UNIT,
};

/// A storage deposit: a tenth of a token per item and a thousandth per byte.
pub const fn deposit(items: u32, bytes: u32) -> Balance {
	items as Balance * 100 * MILLI_UNIT + bytes as Balance * MILLI_UNIT
}

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = crate::weights::pallet_utility::WeightInfo<Runtime>;
}

/// What a proxy may do for the account it acts for.
#[derive(
	Copy,
	Clone,
	Eq,
	PartialEq,
	Ord,
	PartialOrd,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Debug,
	MaxEncodedLen,
	TypeInfo,
	Default,
)]
pub enum ProxyType {
	/// Every call.
	#[default]
	Any,
	/// Manage restaking without moving the account's value: a network's registration,
	/// middleware, limits, valuations, slashes, vetoes and resolvers; a curator's vaults, limits,
	/// shares, fees, whitelists and roles; an operator's registration, opt-ins, joins and session
	/// keys; and batches of these. Not the calls that send the account's tokens, shares or
	/// rewards somewhere the caller chooses (deposit, withdraw, redeem, claim, share transfers,
	/// reward distributions and claims): those stay with the cold key, as Polkadot's staking
	/// proxy leaves transfers to it.
	Restaking,
}

impl ProxyType {
	/// Whether the [`ProxyType::Restaking`] proxy may make `call`.
	fn restaking_allows(call: &RuntimeCall) -> bool {
		use pallet_rampart_middleware::Call as Middleware;
		use pallet_rampart_rewards::Call as Rewards;
		use pallet_rampart_vaults::Call as Vaults;
		match call {
			RuntimeCall::Registry(_)
			| RuntimeCall::Delegation(_)
			| RuntimeCall::Slashing(_)
			| RuntimeCall::Session(_)
			| RuntimeCall::Validators(pallet_rampart_validators::Call::payout { .. }) => true,
			RuntimeCall::Vaults(call) => !matches!(
				call,
				Vaults::deposit { .. }
					| Vaults::withdraw { .. }
					| Vaults::redeem { .. }
					| Vaults::claim { .. }
					| Vaults::claim_batch { .. }
					| Vaults::transfer_shares { .. }
			),
			RuntimeCall::Rewards(call) => {
				matches!(call, Rewards::set_admin_fee { .. } | Rewards::expire_distribution { .. })
			},
			RuntimeCall::Middleware(call) => !matches!(call, Middleware::distribute_rewards { .. }),
			// The calls a batch carries are filtered one by one by the proxy's filter.
			RuntimeCall::Utility(
				pallet_utility::Call::batch { .. }
				| pallet_utility::Call::batch_all { .. }
				| pallet_utility::Call::force_batch { .. },
			) => true,
			_ => false,
		}
	}
}

impl InstanceFilter<RuntimeCall> for ProxyType {
	fn filter(&self, call: &RuntimeCall) -> bool {
		match self {
			ProxyType::Any => true,
			ProxyType::Restaking => Self::restaking_allows(call),
		}
	}

	fn is_superset(&self, other: &Self) -> bool {
		match (self, other) {
			(x, y) if x == y => true,
			(ProxyType::Any, _) => true,
			_ => false,
		}
	}
}

parameter_types! {
	/// A proxy list's deposit: one item of 8 bytes, and 33 bytes per proxy.
	pub const ProxyDepositBase: Balance = deposit(1, 8);
	pub const ProxyDepositFactor: Balance = deposit(0, 33);
	/// An announcement list's deposit: one item of 8 bytes, and 68 bytes per announcement.
	pub const AnnouncementDepositBase: Balance = deposit(1, 8);
	pub const AnnouncementDepositFactor: Balance = deposit(0, 68);
	/// A multisig operation's deposit: one item of 88 bytes, and 32 bytes per signatory.
	pub const MultisigDepositBase: Balance = deposit(1, 88);
	pub const MultisigDepositFactor: Balance = deposit(0, 32);
}

impl pallet_proxy::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type ProxyType = ProxyType;
	type ProxyDepositBase = ProxyDepositBase;
	type ProxyDepositFactor = ProxyDepositFactor;
	type MaxProxies = ConstU32<32>;
	type WeightInfo = crate::weights::pallet_proxy::WeightInfo<Runtime>;
	type MaxPending = ConstU32<32>;
	type CallHasher = BlakeTwo256;
	type AnnouncementDepositBase = AnnouncementDepositBase;
	type AnnouncementDepositFactor = AnnouncementDepositFactor;
	type BlockNumberProvider = System;
}

impl pallet_multisig::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type DepositBase = MultisigDepositBase;
	type DepositFactor = MultisigDepositFactor;
	type MaxSignatories = ConstU32<32>;
	type WeightInfo = crate::weights::pallet_multisig::WeightInfo<Runtime>;
	type BlockNumberProvider = System;
}
