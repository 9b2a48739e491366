// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! A small chain: `frame-system`, `pallet-balances`, `pallet-session` (historical), the real
//! middleware over the shared doubles (`rampart_primitives::testing`) for the registry, vaults,
//! delegation, slashers and rewards, `pallet-offences`, and this pallet as the session manager and
//! offence handler. Sessions last [`PERIOD`] blocks; keys are `UintAuthorityId`s.

use crate as pallet_validators;
use frame_support::{
	derive_impl, parameter_types,
	traits::{
		fungible::HoldConsideration, ConstU128, ConstU32, ConstU64, Contains, Hooks,
		LinearStoragePrice,
	},
	weights::Weight,
	PalletId,
};
use frame_system::EnsureRoot;
use pallet_session::{PeriodicSessions, TestSessionHandler};
use rampart_primitives::{
	testing::{Doubles, DoublesConfig, VaultSpec},
	traits::VaultWindows,
	OptInTarget, Subnetwork, VaultId,
};
use sp_runtime::{testing::UintAuthorityId, traits::ConvertInto, BuildStorage, Perbill};

pub type AccountId = u128;
pub type Balance = u128;
pub type AssetKind = u32;
type Block = frame_system::mocking::MockBlock<Test>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeTask,
		RuntimeHoldReason,
		RuntimeFreezeReason,
		RuntimeViewFunction
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(2)]
	pub type Session = pallet_session;
	#[runtime::pallet_index(3)]
	pub type Historical = pallet_session::historical;
	#[runtime::pallet_index(4)]
	pub type Offences = pallet_offences;
	#[runtime::pallet_index(5)]
	pub type Middleware = pallet_rampart_middleware;
	#[runtime::pallet_index(6)]
	pub type Validators = pallet_validators;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

impl rampart_primitives::clock::RestakingClock for Test {
	type BlockNumberProvider = System;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type ExistentialDeposit = ConstU128<1>;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

/// Blocks per session.
pub const PERIOD: u64 = 10;
/// Vault epochs: long enough to slash a session's capture two sessions later.
pub const EPOCH: u64 = 50;
pub const MAX_VAULTS: u32 = 3;
pub const MAX_OPERATORS: u32 = 6;
pub const MAX_VALIDATORS: u32 = 4;
/// Operators an election reads per block: elections take three blocks, captured four blocks
/// before their rotation.
pub const ELECTION_CHUNK: u32 = 2;
/// Blocks a vetoable slash waits.
pub const VETO_WINDOW: u64 = 5;
pub const MAX_SLASHES_PER_BLOCK: u32 = 2;
pub const HISTORY_DEPTH: u32 = 6;
/// The native reward asset and a second collateral.
pub const NATIVE: AssetKind = 0;
pub const USD: AssetKind = 1;

parameter_types! {
	pub const Period: u64 = PERIOD;
	pub const Offset: u64 = 0;
	pub const MiddlewarePalletId: PalletId = PalletId(*b"rmp/midw");
	pub const ChainPalletId: PalletId = PalletId(*b"rmp/vals");
	pub const AdmissionHold: RuntimeHoldReason =
		RuntimeHoldReason::Middleware(pallet_rampart_middleware::HoldReason::OperatorAdmission);
	pub const RewardAsset: AssetKind = NATIVE;
	/// Whether blocks have idle room (for payouts); a test turns it off.
	pub static Idle: bool = true;
}

impl pallet_session::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = PeriodicSessions<Period, Offset>;
	type NextSessionRotation = PeriodicSessions<Period, Offset>;
	type SessionManager = pallet_session::historical::NoteHistoricalRoot<Test, Validators>;
	type SessionHandler = TestSessionHandler;
	type Keys = UintAuthorityId;
	type DisablingStrategy = pallet_session::disabling::UpToLimitDisablingStrategy;
	type WeightInfo = ();
	type Currency = Balances;
	type KeyDeposit = ConstU128<0>;
}

impl pallet_session::historical::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type FullIdentification = ();
	type FullIdentificationOf = pallet_validators::Identified;
}

impl pallet_offences::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type IdentificationTuple = pallet_session::historical::IdentificationTuple<Self>;
	type OnOffenceHandler = Validators;
}

impl DoublesConfig for Test {
	type AccountId = AccountId;
	type AssetKind = AssetKind;
	const WINDOWS: VaultWindows<u64> =
		VaultWindows { max_epoch_duration: EPOCH, reward_lookback: 100 };
}

/// The registry, the vaults, the delegation, the slashers and the rewards: shared doubles.
pub type World = Doubles<Test>;

impl pallet_rampart_middleware::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type AssetKind = AssetKind;
	type Networks = World;
	type Operators = World;
	type OptIns = World;
	type Vaults = World;
	type Stakes = World;
	type Slasher = World;
	type Rewards = World;
	type PalletId = MiddlewarePalletId;
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		AdmissionHold,
		LinearStoragePrice<ConstU128<0>, ConstU128<0>, Balance>,
	>;
	type MaxVaultsPerSubnetwork = ConstU32<MAX_VAULTS>;
	type MaxOperatorsPerSubnetwork = ConstU32<MAX_OPERATORS>;
	type MaxFeeders = ConstU32<2>;
	type HistoryRetention = ConstU64<{ 2 * EPOCH + 100 }>;
	type LeaveDelay = ConstU64<1>;
	type CommissionDelay = ConstU64<1>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkHelper;
}

/// Governance may make the middleware's calls as the network, nothing else.
pub struct MiddlewareCalls;
impl Contains<RuntimeCall> for MiddlewareCalls {
	fn contains(call: &RuntimeCall) -> bool {
		matches!(call, RuntimeCall::Middleware(_))
	}
}

impl pallet_validators::Config for Test {
	type NetworkCall = RuntimeCall;
	type NetworkCalls = MiddlewareCalls;
	type AdminOrigin = EnsureRoot<AccountId>;
	type RewardCurrency = Balances;
	type RewardAsset = RewardAsset;
	type NetworkPalletId = ChainPalletId;
	type MaxValidators = ConstU32<MAX_VALIDATORS>;
	type ElectionChunk = ConstU32<ELECTION_CHUNK>;
	type VetoWindow = ConstU64<VETO_WINDOW>;
	type MaxSlashesPerBlock = ConstU32<MAX_SLASHES_PER_BLOCK>;
	type MaxPendingPayouts = ConstU32<3>;
	type HistoryDepth = ConstU32<HISTORY_DEPTH>;
	type MaxAdminFee = ConstU32<10_000>;
	type WeightInfo = ();
}

/// Sets the benchmarks' world up in the doubles.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_rampart_middleware::BenchmarkHelper<AccountId, AssetKind> for BenchmarkHelper {
	fn network(network: &AccountId, middleware: &AccountId) {
		World::register_network(*network, *middleware);
	}
	fn operator(operator: &AccountId, network: &AccountId) {
		use frame_support::traits::fungible::Mutate;
		World::add_operator(*operator);
		World::set_opt_in(*operator, OptInTarget::Network(*network), true);
		let _ = Balances::mint_into(operator, ENDOWMENT);
	}
	fn vault(index: u32, network: &AccountId, operators: &[AccountId]) -> (VaultId, AssetKind) {
		let collateral = index % 2;
		let vault = World::add_vault(VaultSpec { epoch: EPOCH, ..VaultSpec::new(collateral, 0) });
		World::move_shares(vault, STAKER, 1_000_000);
		for operator in operators {
			World::set_stake(vault, Subnetwork::main(*network), *operator, 1_000);
		}
		(vault, collateral)
	}
	fn fund(_: &AssetKind, _: &AccountId) {}
}

/// Genesis validators (with keys from genesis).
pub const GEN_A: AccountId = 1;
pub const GEN_B: AccountId = 2;
/// Operators.
pub const OP_C: AccountId = 3;
pub const OP_D: AccountId = 4;
pub const OP_E: AccountId = 5;
pub const OP_F: AccountId = 6;
pub const OP_G: AccountId = 7;
pub const STAKER: AccountId = 99;
pub const ENDOWMENT: Balance = 1_000_000;
/// The network's account holds this much at genesis: its rewards pot.
pub const POT: Balance = 10_000;
/// What each session pays.
pub const SESSION_REWARD: u128 = 1_000;
/// GRANDPA's kind, as `pallet-grandpa` names it.
pub const GRANDPA: sp_staking::offence::Kind = *b"grandpa:equivoca";

/// The chain's network.
pub fn network() -> AccountId {
	Validators::network_account()
}

/// The chain's subnetwork.
pub fn subnetwork() -> Subnetwork<AccountId> {
	Validators::subnetwork()
}

/// A vault over `collateral`.
pub fn add_vault(collateral: AssetKind) -> VaultId {
	World::add_vault(VaultSpec { epoch: EPOCH, ..VaultSpec::new(collateral, 0) })
}

/// `vault` gives `operator` `stake` in the chain's subnetwork from now on.
pub fn set_stake(vault: VaultId, operator: AccountId, stake: u128) {
	World::set_stake(vault, subnetwork(), operator, stake);
}

/// Makes `operator` a member of the chain's subnetwork in the middleware, with keys.
pub fn join(operator: AccountId) {
	World::set_opt_in(operator, OptInTarget::Network(network()), true);
	Middleware::join(RuntimeOrigin::signed(operator), subnetwork()).unwrap();
	set_keys(operator, operator as u64);
}

/// `operator` registers key `key`.
pub fn set_keys(operator: AccountId, key: u64) {
	Session::set_keys(RuntimeOrigin::signed(operator), UintAuthorityId(key), vec![]).unwrap();
}

/// Governance makes `call` as the network.
pub fn as_network(call: pallet_rampart_middleware::Call<Test>) {
	Validators::as_network(RuntimeOrigin::root(), Box::new(RuntimeCall::Middleware(call))).unwrap();
	assert!(matches!(
		System::events().last().map(|e| &e.event),
		Some(RuntimeEvent::Validators(crate::Event::DispatchedAsNetwork { result: Ok(()) }))
	));
}

/// The vault the genesis world gives the genesis validators stake from: 100 each.
pub const VAULT: VaultId = 0;

pub fn new_test_ext() -> sp_io::TestExternalities {
	rampart_primitives::testing::reset();
	let network = Validators::network_account();
	World::register_network(network, Middleware::middleware_account(&network));
	for operator in [GEN_A, GEN_B, OP_C, OP_D, OP_E, OP_F, OP_G] {
		World::add_operator(operator);
	}
	// The doubles read the clock: the genesis vault is made on a scratch chain.
	sp_io::TestExternalities::default().execute_with(|| {
		let vault = add_vault(NATIVE);
		assert_eq!(vault, VAULT);
		World::move_shares(vault, STAKER, 1_000_000);
	});
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut balances: Vec<_> = [GEN_A, GEN_B, OP_C, OP_D, OP_E, OP_F, OP_G]
		.map(|who| (who, ENDOWMENT))
		.to_vec();
	balances.push((network, POT));
	pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }
		.assimilate_storage(&mut storage)
		.unwrap();
	pallet_session::GenesisConfig::<Test> {
		keys: [GEN_A, GEN_B].map(|v| (v, v, UintAuthorityId(v as u64))).to_vec(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_rampart_middleware::GenesisConfig::<Test> {
		subnetworks: vec![pallet_rampart_middleware::GenesisSubnetwork {
			subnetwork: Subnetwork::main(network),
			vaults: vec![VAULT],
			valuations: vec![pallet_rampart_middleware::GenesisValuation {
				asset: NATIVE,
				price: pallet_rampart_middleware::Price::from_u32(1),
				haircut: Perbill::zero(),
			}],
			policy: None,
			operators: vec![],
		}],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_validators::GenesisConfig::<Test> {
		min_validators: 2,
		session_reward: SESSION_REWARD,
		offence_policies: vec![(
			GRANDPA,
			crate::OffencePolicy { slash: Perbill::from_percent(50), veto: false },
		)],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		for operator in [GEN_A, GEN_B] {
			World::set_opt_in(operator, OptInTarget::Network(network), true);
			Middleware::join(RuntimeOrigin::signed(operator), subnetwork()).unwrap();
			set_stake(VAULT, operator, 100);
		}
	});
	ext
}

/// Runs `test` on a fresh chain at block 1, then checks the pallets' invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Validators::do_try_state().expect("validators invariants hold after the test");
		Middleware::do_try_state().expect("middleware invariants hold after the test");
	});
}

/// Moves the chain to block `n`, running every pallet's hooks (and idle blocks with room).
pub fn run_to_block(n: u64) {
	System::run_to_block_with::<AllPalletsWithSystem>(
		n,
		frame_system::RunToBlockHooks::default().after_initialize(|b| {
			if Idle::get() {
				Validators::on_idle(b, Weight::MAX);
			}
		}),
	);
}

/// Moves to the first block of session `s`.
pub fn start_session(s: u32) {
	run_to_block(u64::from(s) * PERIOD);
	assert_eq!(Session::current_index(), s);
}

/// The validators of the current session.
pub fn validators() -> Vec<AccountId> {
	Session::validators()
}

/// The events of this pallet so far.
pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Validators(e) => Some(e),
			_ => None,
		})
		.collect()
}
