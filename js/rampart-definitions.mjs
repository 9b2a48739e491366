// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0
//
// Rampart's types, `rampart_*` JSON-RPC methods and runtime API for @polkadot/api:
//
//   import { ApiPromise, WsProvider } from '@polkadot/api';
//   import { rampart } from './rampart-definitions.mjs';
//   const api = await ApiPromise.create({ provider: new WsProvider(url), ...rampart });
//   const exposure = await api.rpc.rampart.accountExposure(address);   // over JSON-RPC
//   const same = await api.call.rampartApi.accountExposure(address, 0); // runtime API (SCALE)
//
// Amounts are `u128` (the RPC sends them as decimal strings; polkadot.js gives BN-backed
// numbers). Struct fields are in the order of the Rust types: the runtime API decodes SCALE.

const at = { name: 'at', type: 'Hash', isOptional: true };
const block = { name: 'block', type: 'u32', isOptional: true };

export const types = {
  RampartAssetKind: { _enum: { Native: 'Null', WithId: 'u32' } },
  RampartSubnetwork: { network: 'AccountId', id: 'u32' },
  RampartDelegatorKind: {
    _enum: {
      NetworkRestake: 'Null',
      FullRestake: 'Null',
      OperatorSpecific: { operator: 'AccountId' },
      OperatorNetworkSpecific: { operator: 'AccountId', network: 'AccountId' },
    },
  },
  RampartSlasherKind: {
    _enum: {
      None: 'Null',
      Instant: 'Null',
      Veto: { veto_duration: 'u32', resolver_set_epochs_delay: 'u32' },
    },
  },
  RampartApiError: {
    _enum: {
      UnknownVault: 'Null',
      UnknownNetwork: 'Null',
      UnknownOperator: 'Null',
      FutureBlock: 'Null',
      HistoryPruned: 'Null',
      TooManyItems: 'Null',
      Other: 'Text',
    },
  },
  RampartDepositLimit: { limit: 'u128' },
  RampartVaultSummary: {
    vault: 'u32',
    creator: 'AccountId',
    collateral: 'RampartAssetKind',
    delegator: 'RampartDelegatorKind',
    slasher: 'RampartSlasherKind',
    epochDuration: 'u32',
    currentEpoch: 'u32',
    nextEpochStart: 'u32',
    activeStake: 'u128',
    activeShares: 'u128',
    withdrawalsCurrent: 'u128',
    withdrawalsNext: 'u128',
    totalStake: 'u128',
    depositWhitelist: 'bool',
    depositLimit: 'Option<RampartDepositLimit>',
  },
  RampartWithdrawal: { epoch: 'u32', amount: 'u128', claimable: 'bool', slashable: 'bool' },
  RampartPosition: {
    vault: 'u32',
    shares: 'u128',
    activeBalance: 'u128',
    withdrawals: 'Vec<RampartWithdrawal>',
    slashableBalance: 'u128',
  },
  RampartVaultPart: { vault: 'u32', stake: 'u128', power: 'u128' },
  RampartOperatorPower: {
    operator: 'AccountId',
    power: 'u128',
    capped: 'u128',
    vaults: 'Vec<RampartVaultPart>',
  },
  RampartOperatorSet: {
    subnetwork: 'RampartSubnetwork',
    at: 'u32',
    operators: 'Vec<RampartOperatorPower>',
    total: 'u128',
  },
  RampartRequestStatus: {
    _enum: {
      Pending: 'Null',
      Vetoed: 'Null',
      Executed: { slashed: 'u128', moved: 'u128', at: 'u32' },
      Expired: 'Null',
    },
  },
  RampartSlashRequest: {
    id: 'u64',
    vault: 'u32',
    subnetwork: 'RampartSubnetwork',
    operator: 'AccountId',
    amount: 'u128',
    capture: 'u32',
    vetoDeadline: 'u32',
    status: 'RampartRequestStatus',
  },
  RampartRequestFilter: { _enum: { Vault: 'u32', Subnetwork: 'RampartSubnetwork' } },
  RampartRequestPage: { requests: 'Vec<RampartSlashRequest>', next: 'Option<u64>' },
  RampartStakerReward: {
    vault: 'u32',
    network: 'AccountId',
    asset: 'RampartAssetKind',
    amount: 'u128',
  },
  RampartOperatorReward: { network: 'AccountId', asset: 'RampartAssetKind', amount: 'u128' },
  RampartCuratorFee: { vault: 'u32', asset: 'RampartAssetKind', amount: 'u128' },
  RampartPendingRewards: {
    staker: 'Vec<RampartStakerReward>',
    operator: 'Vec<RampartOperatorReward>',
    curator: 'Vec<RampartCuratorFee>',
    nextVault: 'Option<u32>',
  },
  RampartAllocationExposure: {
    subnetwork: 'RampartSubnetwork',
    operator: 'AccountId',
    stake: 'u128',
    maxSlash: 'u128',
    maxLoss: 'u128',
  },
  RampartVaultExposure: {
    vault: 'u32',
    collateral: 'RampartAssetKind',
    position: 'RampartPosition',
    allocations: 'Vec<RampartAllocationExposure>',
    allocationsTruncated: 'bool',
    maxLoss: 'u128',
    pendingRequests: 'Vec<RampartSlashRequest>',
  },
  RampartAssetAmount: { asset: 'RampartAssetKind', amount: 'u128' },
  RampartAccountExposure: {
    account: 'AccountId',
    at: 'u32',
    vaults: 'Vec<RampartVaultExposure>',
    maxLoss: 'Vec<RampartAssetAmount>',
    nextVault: 'Option<u32>',
  },
  RampartOperatorVault: {
    vault: 'u32',
    collateral: 'RampartAssetKind',
    allocations: 'Vec<RampartAllocationExposure>',
    atRisk: 'u128',
  },
  RampartOperatorExposure: {
    operator: 'AccountId',
    at: 'u32',
    networks: 'Vec<AccountId>',
    vaults: 'Vec<RampartOperatorVault>',
    atRisk: 'Vec<RampartAssetAmount>',
    truncated: 'bool',
  },
  RampartSubnetworkView: { vaults: 'Vec<u32>', operatorSet: 'RampartOperatorSet' },
  RampartNetworkView: {
    network: 'AccountId',
    middleware: 'Option<AccountId>',
    managed: 'bool',
    subnetworks: 'Vec<RampartSubnetworkView>',
  },
  RampartConcentration: {
    subnetwork: 'RampartSubnetwork',
    at: 'u32',
    operators: 'u32',
    totalPower: 'u128',
    topSharePpm: 'u32',
    hhi: 'u32',
    nakamotoThird: 'u32',
    nakamotoTwoThirds: 'u32',
  },
  // `author_rotateKeysWithOwner`'s answer: session keys and the proof `session.setKeys` checks.
  RampartGeneratedSessionKeys: { keys: 'Bytes', proof: 'Option<Bytes>' },
};

const method = (description, params, type) => ({ description, params, type });

export const rpc = {
  rampart: {
    vault: method('A vault\'s settings and pools', [{ name: 'vault', type: 'u32' }, at], 'RampartVaultSummary'),
    position: method(
      'An account\'s position in a vault',
      [{ name: 'vault', type: 'u32' }, { name: 'account', type: 'AccountId' }, at],
      'RampartPosition',
    ),
    stakeAt: method(
      'The stake a vault gave an operator in a subnetwork at a block',
      [
        { name: 'vault', type: 'u32' },
        { name: 'subnetwork', type: 'RampartSubnetwork' },
        { name: 'operator', type: 'AccountId' },
        { name: 'block', type: 'u32' },
        at,
      ],
      'u128',
    ),
    operatorPower: method(
      'An operator\'s power in a subnetwork',
      [{ name: 'subnetwork', type: 'RampartSubnetwork' }, { name: 'operator', type: 'AccountId' }, block, at],
      'RampartOperatorPower',
    ),
    operatorSet: method(
      'A subnetwork\'s operator set',
      [{ name: 'subnetwork', type: 'RampartSubnetwork' }, block, at],
      'RampartOperatorSet',
    ),
    slashRequests: method(
      'A page of slash requests of a vault or a subnetwork (at most 64)',
      [
        { name: 'filter', type: 'RampartRequestFilter' },
        { name: 'from', type: 'u64', isOptional: true },
        { name: 'limit', type: 'u32', isOptional: true },
        at,
      ],
      'RampartRequestPage',
    ),
    pendingRewards: method(
      'What an account can claim as staker, operator and fee claimer',
      [{ name: 'account', type: 'AccountId' }, { name: 'from', type: 'u32', isOptional: true }, at],
      'RampartPendingRewards',
    ),
    accountExposure: method(
      'Everything through which an account\'s collateral can be slashed now',
      [{ name: 'account', type: 'AccountId' }, { name: 'from', type: 'u32', isOptional: true }, at],
      'RampartAccountExposure',
    ),
    operatorExposure: method(
      'An operator\'s networks, vaults and stake at risk',
      [{ name: 'operator', type: 'AccountId' }, at],
      'RampartOperatorExposure',
    ),
    networkView: method(
      'A network\'s middleware, accepted vaults and operator sets',
      [{ name: 'network', type: 'AccountId' }, { name: 'subnetworks', type: 'Vec<u32>', isOptional: true }, at],
      'RampartNetworkView',
    ),
    concentration: method(
      'Top share, HHI and Nakamoto coefficients of a subnetwork\'s power',
      [{ name: 'subnetwork', type: 'RampartSubnetwork' }, block, at],
      'RampartConcentration',
    ),
  },
  // A node method of this SDK release that @polkadot/api 16 does not know yet. Unsafe: a
  // validator's own node serves it on localhost.
  author: {
    rotateKeysWithOwner: method(
      'New session keys in the node\'s keystore, with a proof that `owner` (SCALE-encoded account) set them',
      [{ name: 'owner', type: 'Bytes' }],
      'RampartGeneratedSessionKeys',
    ),
  },
};

const call = (description, params, type) => ({ description, params, type });

// Runtime API RampartApi, version 1 (the runtime's metadata v15+ describes it too).
export const runtime = {
  RampartApi: [
    {
      version: 1,
      methods: {
        vault: call('A vault', [{ name: 'vault', type: 'u32' }], 'Result<RampartVaultSummary, RampartApiError>'),
        position: call(
          'A position',
          [{ name: 'vault', type: 'u32' }, { name: 'who', type: 'AccountId' }],
          'Result<RampartPosition, RampartApiError>',
        ),
        stake_at: call(
          'Stake at a block',
          [
            { name: 'vault', type: 'u32' },
            { name: 'subnetwork', type: 'RampartSubnetwork' },
            { name: 'operator', type: 'AccountId' },
            { name: 'at', type: 'u32' },
          ],
          'Result<u128, RampartApiError>',
        ),
        operator_power: call(
          'Operator power',
          [{ name: 'subnetwork', type: 'RampartSubnetwork' }, { name: 'operator', type: 'AccountId' }, { name: 'at', type: 'u32' }],
          'Result<RampartOperatorPower, RampartApiError>',
        ),
        operator_set: call(
          'Operator set',
          [{ name: 'subnetwork', type: 'RampartSubnetwork' }, { name: 'at', type: 'u32' }],
          'Result<RampartOperatorSet, RampartApiError>',
        ),
        slash_requests: call(
          'Slash requests',
          [{ name: 'filter', type: 'RampartRequestFilter' }, { name: 'from', type: 'u64' }, { name: 'limit', type: 'u32' }],
          'Result<RampartRequestPage, RampartApiError>',
        ),
        pending_rewards: call(
          'Pending rewards',
          [{ name: 'who', type: 'AccountId' }, { name: 'from', type: 'u32' }],
          'RampartPendingRewards',
        ),
        account_exposure: call(
          'Account exposure',
          [{ name: 'who', type: 'AccountId' }, { name: 'from', type: 'u32' }],
          'RampartAccountExposure',
        ),
        operator_exposure: call(
          'Operator exposure',
          [{ name: 'operator', type: 'AccountId' }],
          'Result<RampartOperatorExposure, RampartApiError>',
        ),
        network_view: call(
          'Network view',
          [{ name: 'network', type: 'AccountId' }, { name: 'subnetworks', type: 'Vec<u32>' }],
          'Result<RampartNetworkView, RampartApiError>',
        ),
        concentration: call(
          'Concentration',
          [{ name: 'subnetwork', type: 'RampartSubnetwork' }, { name: 'at', type: 'u32' }],
          'Result<RampartConcentration, RampartApiError>',
        ),
      },
    },
  ],
};

/// Everything at once, for `ApiPromise.create({ provider, ...rampart })`.
export const rampart = { types, rpc, runtime };
