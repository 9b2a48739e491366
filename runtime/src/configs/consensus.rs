// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Block production, finality and the validator set: timestamp, session, Aura, GRANDPA.
//!
//! The validator set is owned by `pallet-session`: its genesis keys name the first validators and
//! hand Aura and GRANDPA their authorities. Until the restaking middleware drives it, the session
//! manager keeps the genesis set.

use frame_support::{
	parameter_types,
	traits::{ConstBool, ConstU32, ConstU64},
};
use pallet_session::PeriodicSessions;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::traits::{ConvertInto, OpaqueKeys};

use crate::{
	weights, AccountId, Aura, Balance, Balances, BlockNumber, Runtime, RuntimeEvent, SessionKeys,
	MINUTES, SLOT_DURATION,
};

/// Most validators either consensus engine will take. Also bounds the session's validator set.
pub type MaxAuthorities = ConstU32<100>;

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the Unix epoch.
	type Moment = u64;
	type OnTimestampSet = Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = weights::pallet_timestamp::WeightInfo<Runtime>;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = MaxAuthorities;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// pallet-grandpa's weights are derived by hand from its benchmarks inside the pallet; its
	/// benchmark functions do not map onto its `WeightInfo` one to one.
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	// Equivocation reports are wired to slashing by the restaking middleware (a later change);
	// until then no key-ownership proof can be produced and reports are refused.
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

parameter_types! {
	/// Length of a session (an era of one validator set).
	pub const SessionPeriod: BlockNumber = 10 * MINUTES;
	/// First session starts at block 0.
	pub const SessionOffset: BlockNumber = 0;
	/// Held from an account that registers session keys, returned when it purges them.
	pub const SessionKeyDeposit: Balance = crate::UNIT;
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = PeriodicSessions<SessionPeriod, SessionOffset>;
	type NextSessionRotation = PeriodicSessions<SessionPeriod, SessionOffset>;
	/// Keeps the genesis validators; the restaking middleware replaces this.
	type SessionManager = ();
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	type DisablingStrategy = ();
	/// pallet-session's benchmarks live in a crate that needs a full staking runtime; these are
	/// the pallet's own reference weights until the middleware brings a session benchmark.
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type KeyDeposit = SessionKeyDeposit;
}
