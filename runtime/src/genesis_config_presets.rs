// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Named genesis presets: `development` (one validator, Alice) and `local_testnet` (Alice and Bob).
//!
//! Both endow the well-known development accounts with the native token, make Alice the sudo key,
//! and create a sample collateral asset ([`SAMPLE_ASSET_ID`], "Rampart USD") held by Alice and Bob,
//! so that restaking can be tried with a non-native collateral from the first block.
//!
//! Restaking sample state: Charlie is a registered network with Dave as its middleware
//! ([`SAMPLE_NETWORK`], [`SAMPLE_MIDDLEWARE`]); every validator of the preset is a registered
//! operator opted into Charlie's network and into vault 0. Vault 0 (created by Alice over rUSD,
//! network-restake kind, epochs of [`SAMPLE_VAULT_EPOCH`] blocks) holds a deposit of Bob's
//! ([`SAMPLE_VAULT_DEPOSIT`]) and restakes all of it to Charlie's main subnetwork, split equally
//! between the validators, so every validator has stake from the first block. Charlie's main
//! subnetwork, in the middleware pallet, accepts vault 0, values rUSD at one unit of power per base
//! unit ([`SAMPLE_PRICE`]) and caps any operator at half of its power ([`SAMPLE_POWER_CAP`]).
//!
//! The chain secures itself: its own network ([`chain_network`], registered with the middleware
//! pallet acting for it) accepts a native vault ([`CHAIN_NATIVE_VAULT`], Eve's deposit) and an rUSD
//! vault ([`CHAIN_USD_VAULT`], Bob's deposit), both created by Alice with epochs of
//! [`CHAIN_VAULT_EPOCH`] blocks and restaked to the chain's subnetwork, split equally between the
//! genesis validators, who joined it. One RAMP counts as much as one rUSD
//! ([`CHAIN_NATIVE_PRICE`]). Each session pays its validators
//! [`GENESIS_SESSION_REWARD`](crate::configs::consensus::GENESIS_SESSION_REWARD) from the chain
//! network's account, endowed with [`CHAIN_REWARDS_POT`] at genesis and topped up by every
//! transaction fee; a GRANDPA equivocation costs half of the offence's own fraction
//! ([`GRANDPA_SLASH`]), at once.

use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

use pallet_rampart_delegation::{GenesisAllocation, GenesisOperator};
use pallet_rampart_middleware::{GenesisSubnetwork, GenesisValuation, OperatorSetPolicy, Price};
use pallet_rampart_registry::{GenesisNetwork, GenesisOptIn};
use pallet_rampart_rewards::{GenesisAdminFee, GenesisOperatorReward};
use pallet_rampart_vaults::{Burner, GenesisDeposit, GenesisVault};
use rampart_primitives::{AssetKind, DelegatorKind, OptInTarget, SlasherKind, Subnetwork, VaultId};
use sp_runtime::Perbill;

use crate::{
	configs::consensus::GENESIS_SESSION_REWARD, AccountId, AssetId, AssetsConfig, Balance,
	BalancesConfig, BlockNumber, DelegationConfig, MiddlewareConfig, RegistryConfig, RewardsConfig,
	Runtime, RuntimeGenesisConfig, SessionConfig, SessionKeys, SudoConfig, ValidatorsConfig,
	VaultsConfig, UNIT,
};
use pallet_rampart_validators::OffencePolicy;

/// The sample vault's id.
pub const SAMPLE_VAULT: VaultId = 0;
/// Epoch length of the sample vault: 20 blocks (two minutes), so a withdrawal is claimable within
/// four minutes on the dev chain.
pub const SAMPLE_VAULT_EPOCH: BlockNumber = 20;
/// Bob's deposit in the sample vault: 1 000 rUSD.
pub const SAMPLE_VAULT_DEPOSIT: Balance = 1_000 * 1_000_000;

/// The sample network of the presets.
pub const SAMPLE_NETWORK: Sr25519Keyring = Sr25519Keyring::Charlie;
/// The middleware of the sample network.
pub const SAMPLE_MIDDLEWARE: Sr25519Keyring = Sr25519Keyring::Dave;

/// What the sample network's middleware values a base unit of rUSD at: one unit of power.
pub const SAMPLE_PRICE: Price = Price::from_u32(1);
/// The sample network's cap on any one operator's share of its power: 50 %.
pub const SAMPLE_POWER_CAP: Perbill = Perbill::from_percent(50);

/// The sample vault's curator fee on staker rewards: 10 %.
pub const SAMPLE_ADMIN_FEE: u32 = 1_000;
/// What the sample network credits each validator at genesis: 10 RAMP.
pub const SAMPLE_OPERATOR_REWARD: Balance = 10 * UNIT;

/// Native balance of every endowed development account.
pub const ENDOWMENT: Balance = 1_000_000 * UNIT;
/// Id of the sample collateral asset created at genesis.
pub const SAMPLE_ASSET_ID: AssetId = 1;
/// Decimals of the sample collateral asset.
pub const SAMPLE_ASSET_DECIMALS: u8 = 6;
/// Minimum balance (existential deposit) of the sample collateral asset: 0.01 rUSD.
pub const SAMPLE_ASSET_MIN_BALANCE: Balance = 10_000;
/// Sample-asset balance of Alice and Bob: one million rUSD each.
pub const SAMPLE_ASSET_ENDOWMENT: Balance = 1_000_000 * 1_000_000;

/// The chain's native vault (secures the chain itself).
pub const CHAIN_NATIVE_VAULT: VaultId = 1;
/// The chain's rUSD vault (secures the chain itself).
pub const CHAIN_USD_VAULT: VaultId = 2;
/// Epochs of the chain's vaults: 100 blocks (ten sessions), so that an offence stays slashable
/// well after its session's capture.
pub const CHAIN_VAULT_EPOCH: BlockNumber = 100;
/// Eve's deposit in the chain's native vault: 100 000 RAMP.
pub const CHAIN_NATIVE_DEPOSIT: Balance = 100_000 * UNIT;
/// Bob's deposit in the chain's rUSD vault: 100 000 rUSD.
pub const CHAIN_USD_DEPOSIT: Balance = 100_000 * 1_000_000;
/// What the chain values a base unit of RAMP at: 10⁻⁶ power, so that one RAMP (10¹² base units)
/// and one rUSD (10⁶ base units at a price of one) give the same power.
pub const CHAIN_NATIVE_PRICE: Price = Price::from_rational(1, 1_000_000);
/// What the chain values a base unit of rUSD at.
pub const CHAIN_USD_PRICE: Price = Price::from_u32(1);
/// The chain network's account at genesis: its rewards pot, 100 000 RAMP.
pub const CHAIN_REWARDS_POT: Balance = 100_000 * UNIT;
/// The part of a GRANDPA equivocation's own slash fraction the chain takes: a half.
pub const GRANDPA_SLASH: Perbill = Perbill::from_percent(50);
/// GRANDPA's offence kind.
pub const GRANDPA_KIND: [u8; 16] = *b"grandpa:equivoca";

/// The chain's own network account.
pub fn chain_network() -> AccountId {
	pallet_rampart_validators::Pallet::<Runtime>::network_account()
}

/// A validator of a genesis preset: its account and its session keys.
pub struct Authority {
	pub account: AccountId,
	pub aura: AuraId,
	pub grandpa: GrandpaId,
}

impl Authority {
	/// The authority of a well-known development key (`//Alice`, `//Bob`, ...).
	pub fn dev(sr: Sr25519Keyring, ed: Ed25519Keyring) -> Self {
		Self { account: sr.to_account_id(), aura: sr.public().into(), grandpa: ed.public().into() }
	}
}

/// Builds the genesis JSON patch of a chain with the given validators, sudo key and endowments.
pub fn testnet_genesis(
	authorities: Vec<Authority>,
	endowed_accounts: Vec<AccountId>,
	root: AccountId,
) -> Value {
	let asset_holders = [Sr25519Keyring::Alice, Sr25519Keyring::Bob].map(|k| k.to_account_id());
	let operators: Vec<AccountId> = authorities.iter().map(|a| a.account.clone()).collect();
	let network = SAMPLE_NETWORK.to_account_id();
	let chain = chain_network();
	let chain_subnetwork = Subnetwork::main(chain.clone());
	let mut balances: Vec<(AccountId, Balance)> =
		endowed_accounts.iter().cloned().map(|k| (k, ENDOWMENT)).collect();
	balances.push((chain.clone(), CHAIN_REWARDS_POT));
	let chain_vault = |collateral, depositor: Sr25519Keyring, amount| GenesisVault {
		creator: Sr25519Keyring::Alice.to_account_id(),
		collateral,
		epoch_duration: CHAIN_VAULT_EPOCH,
		delegator: DelegatorKind::NetworkRestake,
		slasher: SlasherKind::Instant,
		burner: Burner::Burn,
		deposits: vec![GenesisDeposit { depositor: depositor.to_account_id(), amount }],
	};
	let chain_allocation = |vault, amount| GenesisAllocation {
		vault,
		subnetwork: chain_subnetwork.clone(),
		max_network_limit: amount,
		network_limit: amount,
		operators: operators
			.iter()
			.map(|operator| GenesisOperator { operator: operator.clone(), value: 1 })
			.collect::<Vec<_>>(),
	};
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig { balances },
		session: SessionConfig {
			keys: authorities
				.into_iter()
				.map(|a| {
					let keys = SessionKeys { aura: a.aura, grandpa: a.grandpa };
					(a.account.clone(), a.account, keys)
				})
				.collect::<Vec<_>>(),
		},
		assets: AssetsConfig {
			assets: vec![(SAMPLE_ASSET_ID, root.clone(), true, SAMPLE_ASSET_MIN_BALANCE)],
			metadata: vec![(
				SAMPLE_ASSET_ID,
				b"Rampart USD".to_vec(),
				b"rUSD".to_vec(),
				SAMPLE_ASSET_DECIMALS
			)],
			accounts: asset_holders
				.into_iter()
				.map(|who| (SAMPLE_ASSET_ID, who, SAMPLE_ASSET_ENDOWMENT))
				.collect::<Vec<_>>(),
			next_asset_id: Some(SAMPLE_ASSET_ID + 1),
		},
		sudo: SudoConfig { key: Some(root) },
		registry: RegistryConfig {
			networks: vec![
				GenesisNetwork {
					network: network.clone(),
					middleware: Some(SAMPLE_MIDDLEWARE.to_account_id()),
				},
				GenesisNetwork {
					network: chain.clone(),
					middleware: Some(
						pallet_rampart_middleware::Pallet::<Runtime>::middleware_account(&chain)
					),
				},
			],
			opt_ins: operators
				.iter()
				.flat_map(|op| {
					[
						OptInTarget::Network(network.clone()),
						OptInTarget::Vault(SAMPLE_VAULT),
						OptInTarget::Network(chain.clone()),
						OptInTarget::Vault(CHAIN_NATIVE_VAULT),
						OptInTarget::Vault(CHAIN_USD_VAULT),
					]
					.map(|target| GenesisOptIn { operator: op.clone(), target })
				})
				.collect::<Vec<_>>(),
			operators: operators.clone(),
		},
		vaults: VaultsConfig {
			vaults: vec![
				GenesisVault {
					creator: Sr25519Keyring::Alice.to_account_id(),
					collateral: AssetKind::WithId(SAMPLE_ASSET_ID),
					epoch_duration: SAMPLE_VAULT_EPOCH,
					delegator: DelegatorKind::NetworkRestake,
					slasher: SlasherKind::Instant,
					burner: Burner::Burn,
					deposits: vec![GenesisDeposit {
						depositor: Sr25519Keyring::Bob.to_account_id(),
						amount: SAMPLE_VAULT_DEPOSIT,
					}],
				},
				chain_vault(AssetKind::Native, Sr25519Keyring::Eve, CHAIN_NATIVE_DEPOSIT),
				chain_vault(
					AssetKind::WithId(SAMPLE_ASSET_ID),
					Sr25519Keyring::Bob,
					CHAIN_USD_DEPOSIT
				),
			],
		},
		rewards: RewardsConfig {
			admin_fees: vec![GenesisAdminFee { vault: SAMPLE_VAULT, fee: SAMPLE_ADMIN_FEE }],
			operator_rewards: operators
				.iter()
				.map(|op| GenesisOperatorReward {
					network: network.clone(),
					asset: AssetKind::Native,
					operator: op.clone(),
					amount: SAMPLE_OPERATOR_REWARD,
				})
				.collect::<Vec<_>>(),
		},
		middleware: MiddlewareConfig {
			subnetworks: vec![
				GenesisSubnetwork {
					subnetwork: Subnetwork::main(network.clone()),
					vaults: vec![SAMPLE_VAULT],
					valuations: vec![GenesisValuation {
						asset: AssetKind::WithId(SAMPLE_ASSET_ID),
						price: SAMPLE_PRICE,
						haircut: Perbill::zero(),
					}],
					policy: Some(OperatorSetPolicy {
						max_operators: 32,
						min_power: 0,
						cap: SAMPLE_POWER_CAP,
					}),
					operators: vec![],
				},
				GenesisSubnetwork {
					subnetwork: chain_subnetwork.clone(),
					vaults: vec![CHAIN_NATIVE_VAULT, CHAIN_USD_VAULT],
					valuations: vec![
						GenesisValuation {
							asset: AssetKind::Native,
							price: CHAIN_NATIVE_PRICE,
							haircut: Perbill::zero(),
						},
						GenesisValuation {
							asset: AssetKind::WithId(SAMPLE_ASSET_ID),
							price: CHAIN_USD_PRICE,
							haircut: Perbill::zero(),
						},
					],
					policy: Some(OperatorSetPolicy {
						max_operators: 32,
						min_power: 0,
						cap: Perbill::one(),
					}),
					operators: operators.clone(),
				}
			],
		},
		validators: ValidatorsConfig {
			min_validators: 1,
			session_reward: GENESIS_SESSION_REWARD,
			offence_policies: vec![(
				GRANDPA_KIND,
				OffencePolicy { slash: GRANDPA_SLASH, veto: false }
			)],
		},
		delegation: DelegationConfig {
			allocations: vec![
				chain_allocation(CHAIN_NATIVE_VAULT, CHAIN_NATIVE_DEPOSIT),
				chain_allocation(CHAIN_USD_VAULT, CHAIN_USD_DEPOSIT),
				GenesisAllocation {
					vault: SAMPLE_VAULT,
					subnetwork: Subnetwork::main(network.clone()),
					max_network_limit: SAMPLE_VAULT_DEPOSIT,
					network_limit: SAMPLE_VAULT_DEPOSIT,
					operators: operators
						.iter()
						.map(|operator| GenesisOperator { operator: operator.clone(), value: 1 })
						.collect::<Vec<_>>(),
				},
			],
		},
	})
}

/// The well-known development accounts: Alice to Ferdie and their `//stash` accounts.
pub fn dev_accounts() -> Vec<AccountId> {
	Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect()
}

/// `development`: one validator (Alice), Alice is sudo.
pub fn development_config_genesis() -> Value {
	testnet_genesis(
		vec![Authority::dev(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		dev_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
	)
}

/// `local_testnet`: two validators (Alice and Bob), Alice is sudo.
pub fn local_config_genesis() -> Value {
	testnet_genesis(
		vec![
			Authority::dev(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			Authority::dev(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
		],
		dev_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
	)
}

/// The JSON patch of the preset `id`, or `None` for an unknown name.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		_ => return None,
	};
	Some(
		serde_json::to_string(&patch)
			.expect("serializing a serde_json::Value cannot fail; qed")
			.into_bytes(),
	)
}

/// The names of the presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
	]
}
