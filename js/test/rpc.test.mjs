// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0
//
// @polkadot/api against a dev node, through rampart-definitions.mjs: every `rampart_*` method
// decodes into its declared type, the runtime API (SCALE) agrees with the JSON-RPC answers, and
// bad arguments come back as the node's errors.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { Keyring } from '@polkadot/keyring';
import { stringToU8a, u8aConcat } from '@polkadot/util';
import { cryptoWaitReady, encodeAddress } from '@polkadot/util-crypto';

import { startDevNode } from '../dev-node.mjs';

// Amounts of the dev preset (runtime/src/genesis_config_presets.rs).
const SAMPLE_VAULT_DEPOSIT = 1_000n * 1_000_000n;
const CHAIN_USD_DEPOSIT = 100_000n * 1_000_000n;

let dev;
let api;
let alice;
let bob;
let charlie;
let chain;

before(async () => {
  await cryptoWaitReady();
  dev = await startDevNode('rpc');
  api = dev.api;
  const keyring = new Keyring({ type: 'sr25519' });
  [alice, bob, charlie] = ['//Alice', '//Bob', '//Charlie'].map((s) => keyring.addFromUri(s).address);
  // The chain's own network: the account of PalletId "rmp/vals".
  chain = encodeAddress(u8aConcat(stringToU8a('modl'), stringToU8a('rmp/vals'), new Uint8Array(20)));
});

after(async () => {
  await dev?.stop();
});

const chainSn = () => ({ network: chain, id: 0 });

test('vault, position and stake at a block', async () => {
  const vault = await api.rpc.rampart.vault(0);
  assert.equal(vault.vault.toNumber(), 0);
  assert.equal(vault.activeStake.toBigInt(), SAMPLE_VAULT_DEPOSIT);
  assert.ok(vault.delegator.isNetworkRestake);
  assert.ok(vault.slasher.isInstant);
  assert.ok(vault.collateral.isWithId);
  const position = await api.rpc.rampart.position(0, bob);
  assert.equal(position.activeBalance.toBigInt(), SAMPLE_VAULT_DEPOSIT);
  assert.equal(position.slashableBalance.toBigInt(), SAMPLE_VAULT_DEPOSIT);
  const stake = await api.rpc.rampart.stakeAt(0, { network: charlie, id: 0 }, alice, 1);
  assert.equal(stake.toBigInt(), SAMPLE_VAULT_DEPOSIT);
});

test('power, operator set, network view and concentration of the chain', async () => {
  const power = await api.rpc.rampart.operatorPower(chainSn(), alice);
  assert.ok(power.power.toBigInt() > 0n);
  assert.equal(power.vaults.length, 2);
  const set = await api.rpc.rampart.operatorSet(chainSn());
  assert.equal(set.operators[0].operator.toString(), alice);
  const view = await api.rpc.rampart.networkView(chain);
  assert.ok(view.managed.isTrue);
  assert.deepEqual(view.subnetworks[0].vaults.map((v) => v.toNumber()), [1, 2]);
  assert.equal(view.subnetworks[0].operatorSet.total.toBigInt(), set.total.toBigInt());
  const c = await api.rpc.rampart.concentration(chainSn());
  assert.equal(c.operators.toNumber(), 1);
  assert.equal(c.hhi.toNumber(), 10_000);
  assert.equal(c.topSharePpm.toNumber(), 1_000_000);
  assert.equal(c.nakamotoTwoThirds.toNumber(), 1);
});

test('slash requests, rewards and exposure', async () => {
  const page = await api.rpc.rampart.slashRequests({ vault: 0 });
  assert.equal(page.requests.length, 0);
  assert.ok(page.next.isNone);
  const bySubnetwork = await api.rpc.rampart.slashRequests({ subnetwork: chainSn() }, 0, 10);
  assert.equal(bySubnetwork.requests.length, 0);
  const rewards = await api.rpc.rampart.pendingRewards(bob);
  assert.ok(rewards.nextVault.isNone);
  const exposure = await api.rpc.rampart.accountExposure(bob);
  assert.deepEqual(exposure.vaults.map((v) => v.vault.toNumber()), [0, 2]);
  assert.equal(exposure.vaults[0].maxLoss.toBigInt(), SAMPLE_VAULT_DEPOSIT);
  assert.equal(exposure.vaults[1].maxLoss.toBigInt(), CHAIN_USD_DEPOSIT);
  assert.equal(exposure.vaults[1].allocations[0].operator.toString(), alice);
  assert.equal(exposure.maxLoss[0].amount.toBigInt(), SAMPLE_VAULT_DEPOSIT + CHAIN_USD_DEPOSIT);
  const operator = await api.rpc.rampart.operatorExposure(alice);
  assert.ok(operator.networks.map((n) => n.toString()).includes(chain));
});

test('the runtime API (SCALE) agrees with the JSON-RPC answers', async () => {
  const hash = await api.rpc.chain.getBlockHash();
  const overRpc = await api.rpc.rampart.accountExposure(bob, 0, hash);
  const apiAt = await api.at(hash);
  const overCall = await apiAt.call.rampartApi.accountExposure(bob, 0);
  assert.deepEqual(JSON.parse(JSON.stringify(overCall.toJSON())), JSON.parse(JSON.stringify(overRpc.toJSON())));
  const vault = await apiAt.call.rampartApi.vault(0);
  assert.ok(vault.isOk);
  assert.equal(vault.asOk.activeStake.toBigInt(), SAMPLE_VAULT_DEPOSIT);
  const unknown = await apiAt.call.rampartApi.vault(99);
  assert.ok(unknown.isErr && unknown.asErr.isUnknownVault);
});

test('bad arguments are the node\'s errors', async () => {
  await assert.rejects(api.rpc.rampart.vault(99), /4001: unknown vault/);
  await assert.rejects(api.rpc.rampart.slashRequests({ vault: 0 }, 0, 65), /4006/);
  await assert.rejects(api.rpc.rampart.stakeAt(0, chainSn(), alice, 999_999), /4004/);
  await assert.rejects(api.rpc.rampart.operatorExposure(charlie), /4003: not a registered operator/);
  await assert.rejects(api.rpc.rampart.networkView(bob), /4002/);
});
