// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0
//
// Submitting transactions in the tests: wait for the block, decode a failure to the pallet's
// named error with its docs, find events, wait for a condition.

/// `section.Name: docs` of a `DispatchError`, with those fields on the Error.
export function dispatchFailure(api, dispatchError) {
  if (dispatchError.isModule) {
    const { section, name, docs } = api.registry.findMetaError(dispatchError.asModule);
    const error = new Error(`${section}.${name}: ${docs.join(' ')}`);
    return Object.assign(error, { section, name, docs });
  }
  return new Error(dispatchError.toString());
}

/// Submits `tx` signed by `signer` and waits for its block: its events, or an Error naming the
/// pallet's error (or the pool's verdict if the transaction is invalid, dropped or replaced).
export function send(api, tx, signer, nonce = -1) {
  return new Promise((resolve, reject) => {
    tx.signAndSend(signer, { nonce }, ({ status, events, dispatchError }) => {
      if (dispatchError) {
        reject(dispatchFailure(api, dispatchError));
        return;
      }
      if (status.isInBlock) resolve(events);
      // The pool gave up on it: no block will ever include it.
      if (status.isInvalid || status.isDropped || status.isUsurped) reject(new Error(`transaction ${status.type}`));
    }).catch(reject);
  });
}

/// The first `section.method` event of `events`.
export const findEvent = (events, section, method) =>
  events.find(({ event }) => event.section === section && event.method === method)?.event;

/// Polls `check` every second until it answers something truthy, for at most `seconds`.
export async function waitUntil(what, check, seconds) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/// A `vaults.createVault` of a native, network-restake vault with an instant slasher and a
/// burner, whose admin, network-limit setter and shares setter is `curator`.
export const nativeRestakeVault = (api, curator, epochDuration) =>
  api.tx.vaults.createVault({
    collateral: 'Native',
    epochDuration,
    delegator: 'NetworkRestake',
    slasher: 'Instant',
    burner: 'Burn',
    depositWhitelist: false,
    isDepositLimit: false,
    depositLimit: 0,
    roles: ['Admin', 'NetworkLimitSetter', 'OperatorNetworkSharesSetter'].map((role) => [role, curator.address]),
  });
