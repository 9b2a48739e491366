// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0
//
// The appchain builder's template (template/runtime) run through the Rampart node
// (`--chain template-dev`): it authors and finalizes blocks, its metadata has the restaking
// pallets, and a restaking cycle runs on it through @polkadot/api.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { startDevNode } from '../dev-node.mjs';
import { findEvent, nativeRestakeVault, send as sendTx, waitUntil } from '../tx.mjs';

const UNIT = 10n ** 12n;
let dev;
let api;
const send = (tx, signer, nonce) => sendTx(api, tx, signer, nonce);

before(async () => {
  await cryptoWaitReady();
  dev = await startDevNode('template', { chain: 'template-dev' });
  api = dev.api;
});

after(async () => {
  await dev?.stop();
});

test('the template chain authors and finalizes blocks and has the restaking pallets', { timeout: 300_000 }, async () => {
  assert.equal(api.runtimeVersion.specName.toString(), 'rampart-template');
  for (const pallet of ['registry', 'vaults', 'delegation', 'slashing', 'rewards', 'middleware']) {
    assert.ok(api.tx[pallet], `no ${pallet} pallet`);
  }
  assert.equal(api.tx.validators, undefined, 'the template has no validators pallet');
  await waitUntil(
    'a finalized block',
    async () => (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber() >= 1,
    60,
  );
});

test('a restaking cycle runs on the template', { timeout: 300_000 }, async () => {
  const keyring = new Keyring({ type: 'sr25519' });
  const [curator, staker, network, middleware, operator] = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve'].map((n) =>
    keyring.addFromUri(`//${n}`),
  );
  const sn = { network: network.address, id: 0 };
  const [, , created] = await Promise.all([
    (async () => {
      await send(api.tx.registry.registerNetwork(), network);
      await send(api.tx.registry.setMiddleware(middleware.address), network);
    })(),
    (async () => {
      await send(api.tx.registry.registerOperator(), operator);
      await send(api.tx.registry.optIn({ Network: network.address }), operator);
    })(),
    send(nativeRestakeVault(api, curator, 100), curator),
  ]);
  const vault = findEvent(created, 'vaults', 'VaultCreated').data[0].toNumber();
  await Promise.all([
    send(api.tx.delegation.setMaxNetworkLimit(vault, 0, 1_000n * UNIT), network),
    send(api.tx.registry.optIn({ Vault: vault }), operator),
    send(api.tx.vaults.deposit(vault, staker.address, 500n * UNIT), staker),
  ]);
  await send(api.tx.delegation.setNetworkLimit(vault, sn, 1_000n * UNIT), curator);
  await send(api.tx.delegation.setOperatorNetworkShares(vault, sn, operator.address, 1), curator);
  const allocated = (await api.rpc.chain.getHeader()).number.toNumber();
  await waitUntil('the next block', async () => (await api.rpc.chain.getHeader()).number.toNumber() > allocated, 60);

  // The middleware slashes 100 of the stake it captured at the allocation's block.
  const events = await send(api.tx.slashing.slash(vault, sn, operator.address, 100n * UNIT, allocated), middleware);
  const slashed = findEvent(events, 'slashing', 'Slashed').data;
  assert.equal(slashed.slashed.toBigInt(), 100n * UNIT);
  assert.equal(slashed.moved.toBigInt(), 100n * UNIT);
});
