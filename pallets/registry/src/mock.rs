// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! A small runtime with `frame-system`, `pallet-balances` (for deposits) and the registry. Vaults
//! are the shared doubles (`rampart_primitives::testing`): [`add_vaults`] makes ids exist.

use crate as pallet_registry;
use frame_support::{
	derive_impl, parameter_types,
	traits::{fungible::HoldConsideration, ConstU128, ConstU32, LinearStoragePrice},
};
use rampart_primitives::{
	testing::{Doubles, DoublesConfig, VaultSpec},
	traits::{VaultWindows, VaultsInspect},
};
use sp_core::{sr25519, Pair};
use sp_runtime::{
	traits::{IdentifyAccount, IdentityLookup},
	AccountId32, BuildStorage, MultiSignature, MultiSigner,
};

pub type AccountId = AccountId32;
pub type Balance = u128;
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
	pub type Registry = pallet_registry;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = IdentityLookup<AccountId>;
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

/// Base deposit of a registration.
pub const BASE_DEPOSIT: Balance = 100;
/// Deposit per byte of a registration record.
pub const BYTE_DEPOSIT: Balance = 1;
/// Blocks of opt-in history kept.
pub const RETENTION: u64 = 20;
/// Entries of opt-in history kept.
pub const MAX_HISTORY: u32 = 4;
/// Longest metadata URL.
pub const MAX_METADATA: u32 = 32;

parameter_types! {
	/// The opt-in retention; a test shortens it to see the integrity test refuse it.
	pub static OptInRetention: u64 = RETENTION;
	pub const RegistrationHold: RuntimeHoldReason =
		RuntimeHoldReason::Registry(pallet_registry::HoldReason::Registration);
}

impl DoublesConfig for Test {
	type AccountId = AccountId;
	type AssetKind = ();
	// The retention covers two epochs of the longest vault and no reward lookback.
	const WINDOWS: VaultWindows<u64> =
		VaultWindows { max_epoch_duration: RETENTION / 2, reward_lookback: 0 };
}

/// The vaults: the shared glue-trait doubles.
pub type MockVaults = Doubles<Test>;

/// Adds vaults until ids below `count` exist.
pub fn add_vaults(count: u32) {
	while MockVaults::vault(count.saturating_sub(1)).is_none() {
		MockVaults::add_vault(VaultSpec {
			epoch: RETENTION / 2,
			..VaultSpec::new((), AccountId::new([0; 32]))
		});
	}
}

impl pallet_registry::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		RegistrationHold,
		LinearStoragePrice<ConstU128<BASE_DEPOSIT>, ConstU128<BYTE_DEPOSIT>, Balance>,
	>;
	type Vaults = MockVaults;
	type OffchainSignature = MultiSignature;
	type OffchainPublic = MultiSigner;
	type MaxMetadataLen = ConstU32<MAX_METADATA>;
	type OptInHistoryRetention = OptInRetention;
	type MaxOptInHistory = ConstU32<MAX_HISTORY>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkHelper;
}

/// Signs with sr25519 keys kept in the keystore extension, as the runtime's helper does.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_registry::BenchmarkHelper<MultiSignature, AccountId> for BenchmarkHelper {
	fn signer() -> AccountId {
		let public = sp_io::crypto::sr25519_generate(sp_core::crypto::KeyTypeId(*b"rmpt"), None);
		MultiSigner::from(public).into_account()
	}
	fn sign(signer: &AccountId, message: &[u8]) -> MultiSignature {
		let public = sr25519::Public::from_raw(*signer.as_ref());
		let signature =
			sp_io::crypto::sr25519_sign(sp_core::crypto::KeyTypeId(*b"rmpt"), &public, message)
				.expect("the key was generated in the keystore by `signer`; qed");
		MultiSignature::Sr25519(signature)
	}
}

/// The key pair of test account `n`.
pub fn pair(n: u8) -> sr25519::Pair {
	sr25519::Pair::from_seed(&[n; 32])
}

/// Test account `n`: the account of [`pair`]`(n)`.
pub fn account(n: u8) -> AccountId {
	MultiSigner::from(pair(n).public()).into_account()
}

pub fn network() -> AccountId {
	account(1)
}
pub fn operator() -> AccountId {
	account(2)
}
pub fn relayer() -> AccountId {
	account(3)
}
pub fn middleware() -> AccountId {
	account(4)
}
/// An account with no funds.
pub fn pauper() -> AccountId {
	account(9)
}

/// Every funded test account starts with this much.
pub const ENDOWMENT: Balance = 10_000;

pub fn new_test_ext() -> sp_io::TestExternalities {
	rampart_primitives::testing::reset();
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: (1..=8).map(|n| (account(n), ENDOWMENT)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.register_extension(sp_keystore::KeystoreExt::new(
		sp_keystore::testing::MemoryKeystore::new(),
	));
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test` on a fresh chain at block 1, then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Registry::do_try_state().expect("registry invariants hold after the test");
	});
}

/// Moves the chain to block `n`.
pub fn run_to_block(n: u64) {
	System::set_block_number(n);
}
