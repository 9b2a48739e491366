// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0
//
// The restaking lifecycle through @polkadot/api on a dev node, with fresh accounts: a network
// registers and configures the middleware pallet; a curator creates a vault and allocates; a
// staker deposits; an operator opts in, sets its session keys and joins; the middleware slashes; rewards are
// distributed and claimed; a withdrawal waits for its epoch and is claimed. Every step asserts
// the state it leaves; a failed call decodes to its pallet's named error with its docs.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { Keyring } from '@polkadot/keyring';
import { stringToU8a, u8aConcat } from '@polkadot/util';
import { cryptoWaitReady, decodeAddress, encodeAddress } from '@polkadot/util-crypto';

import { startDevNode } from '../dev-node.mjs';
import { findEvent, nativeRestakeVault, send as sendTx, waitUntil } from '../tx.mjs';

const UNIT = 10n ** 12n;
let dev;
let api;
let alice;
let network;
let curator;
let staker;
let operator;
let vault;
let sn;

const send = (tx, signer, nonce) => sendTx(api, tx, signer, nonce);

async function bestNumber() {
  return (await api.rpc.chain.getHeader()).number.toNumber();
}

const free = async (who) => (await api.query.system.account(who)).data.free.toBigInt();

before(async () => {
  await cryptoWaitReady();
  dev = await startDevNode('lifecycle');
  api = dev.api;
  const keyring = new Keyring({ type: 'sr25519' });
  alice = keyring.addFromUri('//Alice');
  [network, curator, staker, operator] = ['Network', 'Curator', 'Staker', 'Operator'].map((n) =>
    keyring.addFromUri(`//Lifecycle${n}`),
  );
  sn = { network: network.address, id: 0 };
  // Alice funds the four, in one block (consecutive nonces).
  const nonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
  await Promise.all(
    [network, curator, staker, operator].map((who, i) =>
      send(api.tx.balances.transferKeepAlive(who.address, 10_000n * UNIT), alice, nonce + i),
    ),
  );
});

after(async () => {
  await dev?.stop();
});

test('metadata lists the restaking pallets', () => {
  for (const pallet of ['vaults', 'registry', 'delegation', 'slashing', 'rewards', 'middleware', 'validators']) {
    assert.ok(api.tx[pallet], `no ${pallet} pallet`);
  }
});

test('the restaking lifecycle', { timeout: 480_000 }, async () => {
  // A network registers and names the middleware pallet's account for it as its middleware.
  const middleware = encodeAddress(
    u8aConcat(stringToU8a('modl'), stringToU8a('rmp/midw'), decodeAddress(network.address).slice(0, 20)),
  );
  // Calls of different accounts go in the same block; each account's calls in order.
  const createVault = nativeRestakeVault(api, curator, 10);
  // The network registers; an operator registers; a curator creates a native vault with
  // 10-block epochs and the roles it needs.
  const [, , created] = await Promise.all([
    send(api.tx.registry.registerNetwork(), network),
    send(api.tx.registry.registerOperator(), operator),
    send(createVault, curator),
  ]);
  vault = findEvent(created, 'vaults', 'VaultCreated').data[0].toNumber();
  // The network names the middleware pallet's account for it and caps the vault; the operator
  // opts into both.
  await Promise.all([
    (async () => {
      await send(api.tx.registry.setMiddleware(middleware), network);
      await send(api.tx.delegation.setMaxNetworkLimit(vault, 0, 1_000n * UNIT), network);
      // The middleware: accept the vault, value RAMP one to one.
      await send(api.tx.middleware.acceptVault(sn, vault), network);
      await send(
        api.tx.middleware.setValuation(sn, 'Native', {
          haircut: 0,
          source: 'Network',
          staleness: null,
          onStale: 'Zero',
          maxStep: null,
        }),
        network,
      );
      await send(api.tx.middleware.setPrice(sn, 'Native', 10n ** 18n), network);
    })(),
    (async () => {
      await send(api.tx.registry.optIn({ Network: network.address }), operator);
      await send(api.tx.registry.optIn({ Vault: vault }), operator);
      // The operator's node makes session keys bound to the operator's account; the operator
      // registers them.
      const { keys, proof } = await dev.rotateKeysFor(operator.address);
      await send(api.tx.session.setKeys(keys, proof), operator);
      assert.equal((await api.query.session.nextKeys(operator.address)).unwrap().toHex(), keys);
    })(),
  ]);
  assert.equal((await api.query.registry.networks(network.address)).unwrap().middleware.toString(), middleware);
  assert.deepEqual((await api.query.middleware.acceptedVaults(sn)).toJSON(), [vault]);

  // The curator allocates the network's stake to the operator.
  await send(api.tx.delegation.setNetworkLimit(vault, sn, 1_000n * UNIT), curator);
  await send(api.tx.delegation.setOperatorNetworkShares(vault, sn, operator.address, 1), curator);

  // The staker deposits 500 RAMP; the operator joins the subnetwork's operator list.
  await Promise.all([
    send(api.tx.vaults.deposit(vault, staker.address, 500n * UNIT), staker),
    send(api.tx.middleware.join(sn), operator),
  ]);
  const position = await api.rpc.rampart.position(vault, staker.address);
  assert.equal(position.activeBalance.toBigInt(), 500n * UNIT);

  // The operator's power is the vault's stake.
  const power = await api.rpc.rampart.operatorPower(sn, operator.address);
  assert.equal(power.power.toBigInt(), 500n * UNIT);
  const exposure = await api.rpc.rampart.accountExposure(staker.address);
  const mine = exposure.vaults.find((v) => v.vault.toNumber() === vault);
  assert.equal(mine.allocations[0].operator.toString(), operator.address);
  assert.equal(mine.maxLoss.toBigInt(), 500n * UNIT);

  // The network slashes 100 RAMP of power through the middleware, capturing the block the
  // operator joined in (a capture must lie in the past: wait for the next block).
  const joined = await bestNumber();
  await waitUntil('the next block', async () => (await bestNumber()) > joined, 60);
  const capture = joined;
  await send(api.tx.middleware.slash(sn, operator.address, 100n * UNIT, capture), network);
  assert.equal((await api.rpc.rampart.vault(vault)).activeStake.toBigInt(), 400n * UNIT);
  assert.equal((await api.rpc.rampart.position(vault, staker.address)).activeBalance.toBigInt(), 400n * UNIT);

  // The network pays 50 RAMP of rewards for its operator set; the staker claims them.
  const snapshot = (await bestNumber()) - 1;
  await send(api.tx.middleware.distributeRewards(sn, 'Native', 50n * UNIT, snapshot, 10_000), network);
  const pending = await api.rpc.rampart.pendingRewards(staker.address);
  const reward = pending.staker.find((r) => r.vault.toNumber() === vault);
  assert.ok(reward && reward.amount.toBigInt() > 0n, 'the staker has rewards to claim');
  const before = await free(staker.address);
  await send(api.tx.rewards.claimStakerRewards(vault, network.address, 'Native', staker.address, 16), staker);
  assert.ok((await free(staker.address)) > before, 'the claim paid the staker');

  // The staker withdraws 100 RAMP, waits for its epoch to end, and claims it.
  await send(api.tx.vaults.withdraw(vault, staker.address, 100n * UNIT), staker);
  const withdrawal = (await api.rpc.rampart.position(vault, staker.address)).withdrawals[0];
  assert.equal(withdrawal.amount.toBigInt(), 100n * UNIT);
  assert.ok(withdrawal.slashable.isTrue);
  const epoch = withdrawal.epoch.toNumber();
  await waitUntil(
    'the withdrawal to be claimable',
    async () => (await api.rpc.rampart.position(vault, staker.address)).withdrawals[0]?.claimable.isTrue,
    240,
  );
  const beforeClaim = await free(staker.address);
  await send(api.tx.vaults.claim(vault, staker.address, epoch), staker);
  const paid = (await free(staker.address)) - beforeClaim;
  // 100 RAMP less the claim's fee.
  assert.ok(paid > 99n * UNIT && paid <= 100n * UNIT, `claimed ${paid}`);
  assert.equal((await api.rpc.rampart.position(vault, staker.address)).withdrawals.length, 0);
});

test('a failed call names its pallet error and its docs', async () => {
  await assert.rejects(send(api.tx.vaults.deposit(9_999, staker.address, UNIT), staker), (e) => {
    assert.equal(`${e.section}.${e.name}`, 'vaults.UnknownVault');
    assert.ok(e.docs.join(' ').length > 0, 'the error has docs');
    return true;
  });
  await assert.rejects(
    send(api.tx.delegation.setNetworkLimit(vault, sn, UNIT), staker),
    /delegation\.MissingRole/,
  );
});
