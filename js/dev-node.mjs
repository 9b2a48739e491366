// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0
//
// Starts a dev node for the tests (loopback only, a temporary base path whose name carries the
// marker scripts/test.sh cleans up by) and connects @polkadot/api to it with Rampart's
// definitions. The binary: $RAMPART_NODE, or $CARGO_TARGET_DIR/release/rampart-node.

import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { u8aToHex } from '@polkadot/util';
import { decodeAddress } from '@polkadot/util-crypto';

import { rampart } from './rampart-definitions.mjs';

export const NODE =
  process.env.RAMPART_NODE ??
  join(process.env.CARGO_TARGET_DIR ?? join(homedir(), '.cache/rampart/target'), 'release/rampart-node');

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// How long a node may take to serve RPC: alone it takes 10-15 s on 2 cores (genesis, then the
// runtime's wasm compiled), but the test files start three at once on the same 2 cores, and in
// CI that has taken over a minute.
const START_TIMEOUT_MS = 240_000;

async function connect(port, exited) {
  // Retries every 500 ms while the node starts; gives up at once if the node exits.
  const provider = new WsProvider(`ws://127.0.0.1:${port}`, 500);
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the dev node did not answer within ${START_TIMEOUT_MS / 1000} s`)),
      START_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([ApiPromise.create({ provider, noInitWarn: true, ...rampart }), timeout, exited]);
  } catch (e) {
    await provider.disconnect();
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

/// The last `n` lines of the node's log, for an error message.
function tail(file, n = 40) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-n).join('\n');
  } catch {
    return '(no log)';
  }
}

/// A dev node at block 2 or later, and an api connected to it; `stop()` kills it and removes
/// its folder. `chain`: another chain than `dev` (`template-dev`), still with `--dev`'s settings.
export async function startDevNode(tag, { chain } = {}) {
  const dir = mkdtempSync(join(tmpdir(), `rampart-e2e-js-${tag}-`));
  const [rpcPort, p2pPort] = [await freePort(), await freePort()];
  const logFile = join(dir, 'node.log');
  const log = openSync(logFile, 'w');
  const node = spawn(
    NODE,
    [
      '--dev', '--base-path', join(dir, 'dev'), '--rpc-port', String(rpcPort),
      '--listen-addr', `/ip4/127.0.0.1/tcp/${p2pPort}`, '--no-mdns', '--no-telemetry',
      '--no-prometheus', ...(chain ? ['--chain', chain] : []),
    ],
    { stdio: ['ignore', log, log] },
  );
  const exited = new Promise((_, reject) => {
    node.once('exit', (code, signal) => reject(new Error(`the dev node exited (${signal ?? code})`)));
  });
  exited.catch(() => {}); // observed by connect() only while it waits
  const stop = async (api) => {
    await api?.disconnect();
    node.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  let api;
  try {
    api = await connect(rpcPort, exited);
    // Block 2, so that the sample state has a history to answer from.
    for (let i = 0; (await api.rpc.chain.getHeader()).number.toNumber() < 2; i++) {
      if (i === 240) throw new Error('the dev node did not author block 2 within 120 s');
      await new Promise((r) => setTimeout(r, 500));
    }
  } catch (e) {
    e.message += `\n--- the last lines of ${tag}'s node log:\n${tail(logFile)}`;
    await stop(api);
    throw e;
  }
  /// Session keys made by the node's keystore for `address` (an SS58 account), with the proof
  /// of ownership `session.setKeys` checks, as hex: `author_rotateKeysWithOwner`, an unsafe
  /// method the dev node serves on loopback.
  const rotateKeysFor = async (address) => {
    const generated = await api.rpc.author.rotateKeysWithOwner(u8aToHex(decodeAddress(address)));
    // `get('keys')`: on a polkadot.js struct, `.keys` is the Map method.
    return { keys: generated.get('keys').toHex(), proof: generated.proof.unwrap().toHex() };
  };
  return { api, url: `ws://127.0.0.1:${rpcPort}`, rotateKeysFor, stop: () => stop(api) };
}
