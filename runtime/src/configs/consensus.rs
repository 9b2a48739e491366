// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Block production, finality and the validator set: timestamp, session (with historical
//! sessions), Aura, GRANDPA, authorship, offences, and the validators pallet that makes the chain
//! a network of its own.
//!
//! `pallet-session`'s genesis keys name the validators of sessions 0 and 1. From then on the
//! session manager is [`Validators`](crate::Validators) (wrapped so that every set is noted in
//! the historical sessions): each set is the restaking middleware's operator set of the chain's
//! subnetwork at a capture block, among operators with session keys. GRANDPA equivocations are
//! reported as unsigned transactions with key-ownership proofs against those historical
//! sessions, go through `pallet-offences` and become power slashes of the offender's vaults.

use frame_support::{
	parameter_types,
	traits::{ConstBool, ConstU32, ConstU64, Contains},
	PalletId,
};
use frame_system::EnsureRoot;
use pallet_session::PeriodicSessions;
use rampart_primitives::AssetKind;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::traits::{ConvertInto, OpaqueKeys};

use crate::{
	weights, AccountId, Aura, Balance, Balances, BlockNumber, Historical, Offences, Runtime,
	RuntimeCall, RuntimeEvent, Session, SessionKeys, UncheckedExtrinsic, Validators, SLOT_DURATION,
	UNIT,
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
	/// A validator disabled for an offence authors no block for the rest of its session.
	type DisabledValidators = Session;
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
	/// GRANDPA set ids are mapped to sessions for as long as offences can be slashed.
	type MaxSetIdSessionEntries = ConstU64<{ HISTORY_DEPTH as u64 }>;
	type KeyOwnerProof = sp_session::MembershipProof;
	/// Reports of equivocations: unsigned transactions checked in the pool, proven against the
	/// historical sessions, through `pallet-offences` (their kind noted for the validators
	/// pallet's per-kind policy).
	type EquivocationReportSystem = pallet_grandpa::EquivocationReportSystem<
		Self,
		pallet_rampart_validators::KindedOffences<Runtime, Offences>,
		Historical,
		ReportLongevity,
	>;
}

parameter_types! {
	/// An equivocation report stays valid in the pool for as long as its offence can be slashed.
	pub const ReportLongevity: u64 = HISTORY_DEPTH as u64 * SESSION_PERIOD as u64;
}

impl<LocalCall> frame_system::offchain::CreateTransactionBase<LocalCall> for Runtime
where
	RuntimeCall: From<LocalCall>,
{
	type Extrinsic = UncheckedExtrinsic;
	type RuntimeCall = RuntimeCall;
}

/// Equivocation reports are bare (unsigned) transactions: an honest node reports what it sees
/// without a funded account.
impl<LocalCall> frame_system::offchain::CreateBare<LocalCall> for Runtime
where
	RuntimeCall: From<LocalCall>,
{
	fn create_bare(call: RuntimeCall) -> UncheckedExtrinsic {
		UncheckedExtrinsic::new_bare(call)
	}
}

impl pallet_authorship::Config for Runtime {
	type FindAuthor = pallet_session::FindAccountFromAuthorIndex<Self, Aura>;
	/// Each block earns its author a point of its session's reward.
	type EventHandler = Validators;
}

impl pallet_session::historical::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type FullIdentification = ();
	/// A validator's stake is read from the middleware at its session's capture, not proven.
	type FullIdentificationOf = pallet_rampart_validators::Identified;
}

impl pallet_offences::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type IdentificationTuple = pallet_session::historical::IdentificationTuple<Self>;
	type OnOffenceHandler = Validators;
}

/// Blocks per session: one minute. Short, so that a dev or local chain shows its set change.
pub const SESSION_PERIOD: BlockNumber = 10;
/// Sessions whose capture block, historical root and GRANDPA set ids are kept: an offence older
/// than this is not slashed.
pub const HISTORY_DEPTH: u32 = 6;
/// The most validators.
pub const MAX_VALIDATORS: u32 = 16;
/// Listed operators an election reads per block (32 at most: eight blocks).
pub const ELECTION_CHUNK: u32 = 4;

parameter_types! {
	/// Derives the chain's network account.
	pub const ChainNetworkPalletId: PalletId = PalletId(*b"rmp/vals");
	/// Session rewards are paid in the native token.
	pub const SessionRewardAsset: AssetKind = AssetKind::Native;
	/// A slash of a vetoable kind waits two sessions, during which governance may cancel it.
	pub const VetoWindow: BlockNumber = 2 * SESSION_PERIOD;
}

/// What governance may do as the chain's network: configure its subnetwork in the middleware,
/// cap what it takes of each vault (the delegation pallet's network calls), manage the network
/// in the registry, set and use resolvers in the slashing pallet.
pub struct ChainNetworkCalls;
impl Contains<RuntimeCall> for ChainNetworkCalls {
	fn contains(call: &RuntimeCall) -> bool {
		matches!(
			call,
			RuntimeCall::Middleware(_)
				| RuntimeCall::Delegation(_)
				| RuntimeCall::Registry(_)
				| RuntimeCall::Slashing(_)
		)
	}
}

impl pallet_rampart_validators::Config for Runtime {
	type NetworkCall = RuntimeCall;
	type NetworkCalls = ChainNetworkCalls;
	type AdminOrigin = EnsureRoot<AccountId>;
	type RewardCurrency = Balances;
	type RewardAsset = SessionRewardAsset;
	type NetworkPalletId = ChainNetworkPalletId;
	type MaxValidators = ConstU32<MAX_VALIDATORS>;
	type ElectionChunk = ConstU32<ELECTION_CHUNK>;
	type VetoWindow = VetoWindow;
	/// Two slashes, each over the most vaults, fit in a tenth of a block.
	type MaxSlashesPerBlock = ConstU32<2>;
	type MaxPendingPayouts = ConstU32<16>;
	type HistoryDepth = ConstU32<HISTORY_DEPTH>;
	/// A vault's curator may take up to half of a session reward's staker part.
	type MaxAdminFee = ConstU32<5_000>;
	type WeightInfo = pallet_rampart_validators::weights::SubstrateWeight<Runtime>;
}

/// What each session pays at genesis: 10 RAMP, from the chain network's account.
pub const GENESIS_SESSION_REWARD: Balance = 10 * UNIT;

parameter_types! {
	/// Length of a session (an era of one validator set).
	pub const SessionPeriod: BlockNumber = SESSION_PERIOD;
	/// First session starts at block 0.
	pub const SessionOffset: BlockNumber = 0;
	/// Held from an account that registers session keys, returned when it purges them.
	pub const SessionKeyDeposit: Balance = UNIT;
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = PeriodicSessions<SessionPeriod, SessionOffset>;
	type NextSessionRotation = PeriodicSessions<SessionPeriod, SessionOffset>;
	/// The chain's validator set from restaked power, each set noted in the historical sessions.
	type SessionManager = pallet_session::historical::NoteHistoricalRoot<Runtime, Validators>;
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	/// An offender is disabled for the rest of its session, at most a third of the set.
	type DisablingStrategy = pallet_session::disabling::UpToLimitDisablingStrategy;
	/// pallet-session's benchmarks live in a crate that needs a full staking runtime; these are
	/// the pallet's own reference weights until the middleware brings a session benchmark.
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type KeyDeposit = SessionKeyDeposit;
}

/// Where transaction fees and tips go: the chain network's account, which pays the session
/// rewards. A credit the account cannot take (below the existential deposit) is burned.
pub struct FeesToChainNetwork;
impl
	frame_support::traits::OnUnbalanced<
		frame_support::traits::fungible::Credit<AccountId, Balances>,
	> for FeesToChainNetwork
{
	fn on_nonzero_unbalanced(amount: frame_support::traits::fungible::Credit<AccountId, Balances>) {
		use frame_support::traits::fungible::Balanced;
		let _ = <Balances as Balanced<AccountId>>::resolve(&Validators::network_account(), amount);
	}
}
