// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0
//
// The ecosystem's account conventions on the restaking pallets, through @polkadot/api on a dev
// node: a network's set-up as one `utility.batchAll`; an operator whose funds stay on a cold
// account and who acts through a hot key with a `Restaking` proxy (which cannot move the cold
// account's value); a network that is a 2-of-3 multisig.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { Keyring } from '@polkadot/keyring';
import { createKeyMulti, cryptoWaitReady, encodeAddress, sortAddresses } from '@polkadot/util-crypto';

import { startDevNode } from '../dev-node.mjs';
import { dispatchFailure, findEvent, send as sendTx } from '../tx.mjs';

const UNIT = 10n ** 12n;
let dev;
let api;
let keyring;
let alice;
const send = (tx, signer, nonce) => sendTx(api, tx, signer, nonce);

/// Fresh accounts, funded by Alice in one block.
async function fund(...names) {
  const accounts = names.map((n) => keyring.addFromUri(`//Accounts${n}`));
  const nonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
  await Promise.all(
    accounts.map((who, i) => send(api.tx.balances.transferKeepAlive(who.address, 1_000n * UNIT), alice, nonce + i)),
  );
  return accounts;
}

before(async () => {
  await cryptoWaitReady();
  dev = await startDevNode('accounts');
  api = dev.api;
  keyring = new Keyring({ type: 'sr25519' });
  alice = keyring.addFromUri('//Alice');
});

after(async () => {
  await dev?.stop();
});

test('a network sets itself up in one batchAll, and a failing batchAll changes nothing', { timeout: 300_000 }, async () => {
  const [network, middleware] = await fund('Network', 'Middleware');
  // The last call fails (vault 9 999 does not exist): the registration is undone with it.
  await assert.rejects(
    send(
      api.tx.utility.batchAll([
        api.tx.registry.registerNetwork(),
        api.tx.delegation.setMaxNetworkLimit(9_999, 0, UNIT),
      ]),
      network,
    ),
    /delegation\.UnknownVault|vaults\.UnknownVault/,
  );
  assert.ok((await api.query.registry.networks(network.address)).isNone);

  const events = await send(
    api.tx.utility.batchAll([
      api.tx.registry.registerNetwork(),
      api.tx.registry.setMiddleware(middleware.address),
      api.tx.delegation.setMaxNetworkLimit(0, 0, 1_000n * UNIT),
    ]),
    network,
  );
  assert.ok(findEvent(events, 'utility', 'BatchCompleted'));
  const record = (await api.query.registry.networks(network.address)).unwrap();
  assert.equal(record.middleware.toString(), middleware.address);
});

test('an operator acts through a Restaking proxy, which cannot move the cold account\'s value', { timeout: 300_000 }, async () => {
  const [cold, hot] = await fund('Cold', 'Hot');
  const charlie = keyring.addFromUri('//Charlie').address; // the dev chain's sample network
  await send(api.tx.proxy.addProxy(hot.address, 'Restaking', 0), cold);
  const proxies = (await api.query.proxy.proxies(cold.address))[0].toJSON();
  assert.deepEqual(proxies.map((p) => p.proxyType), ['Restaking']);

  /// `call` made by `hot` as `cold`: the inner call's outcome (the proxy call itself succeeds).
  const asCold = async (call) => {
    const events = await send(api.tx.proxy.proxy(cold.address, null, call), hot);
    const result = findEvent(events, 'proxy', 'ProxyExecuted').data[0];
    if (result.isErr) throw dispatchFailure(api, result.asErr);
    return events;
  };

  // Registration, the opt-in and session keys from the hot key; the cold account pays the
  // deposits and is the operator.
  await asCold(
    api.tx.utility.batchAll([api.tx.registry.registerOperator(), api.tx.registry.optIn({ Network: charlie })]),
  );
  assert.ok((await api.query.registry.operators(cold.address)).isSome);
  const { keys, proof } = await dev.rotateKeysFor(cold.address);
  await asCold(api.tx.session.setKeys(keys, proof));
  assert.equal((await api.query.session.nextKeys(cold.address)).unwrap().toHex(), keys);

  // Moving value is the cold key's: a transfer, a deposit for someone else, a batch hiding a
  // transfer.
  const freeBefore = (await api.query.system.account(cold.address)).data.free.toBigInt();
  for (const call of [
    api.tx.balances.transferKeepAlive(hot.address, UNIT),
    api.tx.vaults.deposit(0, hot.address, 1_000),
    api.tx.utility.batchAll([api.tx.registry.optOut({ Network: charlie }), api.tx.balances.transferKeepAlive(hot.address, UNIT)]),
  ]) {
    await assert.rejects(asCold(call), (e) => {
      assert.equal(`${e.section}.${e.name}`, 'system.CallFiltered');
      return true;
    });
  }
  assert.equal((await api.query.system.account(cold.address)).data.free.toBigInt(), freeBefore);
  assert.ok((await api.query.registry.operators(cold.address)).isSome);
});

test('a 2-of-3 multisig registers as a network', { timeout: 300_000 }, async () => {
  const [a, b, c] = await fund('SignerA', 'SignerB', 'SignerC');
  const signatories = sortAddresses([a.address, b.address, c.address]);
  const multisig = encodeAddress(createKeyMulti(signatories, 2));
  await send(api.tx.balances.transferKeepAlive(multisig, 100n * UNIT), alice);
  const others = (me) => signatories.filter((s) => s !== me.address);

  const call = api.tx.utility.batchAll([
    api.tx.registry.registerNetwork(),
    api.tx.registry.setMiddleware(c.address),
  ]);
  const maxWeight = { refTime: 5_000_000_000n, proofSize: 1_000_000n };
  // A proposes (with the whole call); nothing happens yet.
  const proposed = await send(api.tx.multisig.asMulti(2, others(a), null, call, maxWeight), a);
  assert.ok(findEvent(proposed, 'multisig', 'NewMultisig'));
  assert.ok((await api.query.registry.networks(multisig)).isNone);
  const pending = (await api.query.multisig.multisigs(multisig, call.method.hash)).unwrap();

  // B approves at the proposal's timepoint: the call executes as the multisig.
  const executed = await send(api.tx.multisig.asMulti(2, others(b), pending.when, call, maxWeight), b);
  const outcome = findEvent(executed, 'multisig', 'MultisigExecuted').data.result;
  assert.ok(outcome.isOk, `the call failed: ${outcome.toString()}`);
  const record = (await api.query.registry.networks(multisig)).unwrap();
  assert.equal(record.middleware.toString(), c.address);
});
