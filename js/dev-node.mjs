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

// Ports for a node whose ports a test must name in advance (the guides' commands): a block of
// ports below the kernel's ephemeral range (32768 and up on Linux), owned by this process while
// it holds a listener on the block's first port, so neither another test process (Rust or
// JavaScript, same scheme) nor the kernel (port 0, outgoing connections) hands them out.
// The Rust tests' `free_port` (node/tests/common/mod.rs) claims blocks the same way.
const PORT_BLOCKS = { first: 10_000, size: 100, count: 220 };
let portBlock; // a promise of { base, next, holder }

function listenOn(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(null));
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

async function claimPortBlock() {
  const { first, size, count } = PORT_BLOCKS;
  for (let i = 0; i < count; i++) {
    const base = first + ((process.pid + i) % count) * size;
    const holder = await listenOn(base);
    if (holder) {
      holder.unref();
      return { base, next: base + 1, holder };
    }
  }
  throw new Error('no free block of test ports below 32768');
}

/// A port on 127.0.0.1 that no other test process or kernel choice will take: the next one of
/// this process's block that can be bound.
export async function freePort() {
  portBlock ??= claimPortBlock();
  const block = await portBlock;
  while (block.next < block.base + PORT_BLOCKS.size) {
    const port = block.next++;
    const probe = await listenOn(port);
    if (probe) {
      await new Promise((r) => probe.close(r));
      return port;
    }
  }
  throw new Error(`the test ports ${block.base}..${block.base + PORT_BLOCKS.size} are used up`);
}

/// The port of the node's JSON-RPC server, from its log ("Running JSON-RPC server:
/// addr=127.0.0.1:PORT,"): the node binds port 0 and the kernel picks a free one at that moment,
/// so no other process can take it between a choice and the bind, as it could when a test picked
/// a port that was free "a moment ago" (the JavaScript lane runs beside the Rust e2e lanes).
async function rpcPortOf(logFile, exited, deadline) {
  const running = /Running JSON-RPC server: addr=127\.0\.0\.1:(\d+)/;
  for (;;) {
    let text = '';
    try {
      text = readFileSync(logFile, 'utf8');
    } catch {}
    const m = running.exec(text);
    if (m) return Number(m[1]);
    if (Date.now() > deadline) {
      throw new Error(`the dev node did not start its JSON-RPC server within ${START_TIMEOUT_MS / 1000} s`);
    }
    await Promise.race([new Promise((r) => setTimeout(r, 250)), exited]);
  }
}

// How long a node may take to serve RPC: alone it takes 10-15 s on 2 cores (genesis, then the
// runtime's wasm compiled), but the test files start three at once on the same 2 cores, and in
// CI that has taken over a minute.
const START_TIMEOUT_MS = 240_000;

async function connect(port, exited, deadline) {
  // Retries every 500 ms; gives up at once if the node exits.
  const provider = new WsProvider(`ws://127.0.0.1:${port}`, 500);
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the dev node did not answer within ${START_TIMEOUT_MS / 1000} s`)),
      Math.max(deadline - Date.now(), 0),
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
/// A node that exits before `stop()` prints its log's last lines at once, since its folder (and
/// log) goes with `stop()`.
export async function startDevNode(tag, { chain } = {}) {
  const dir = mkdtempSync(join(tmpdir(), `rampart-e2e-js-${tag}-`));
  const logFile = join(dir, 'node.log');
  const log = openSync(logFile, 'w');
  const node = spawn(
    NODE,
    [
      '--dev', '--base-path', join(dir, 'dev'), '--rpc-port', '0',
      '--listen-addr', '/ip4/127.0.0.1/tcp/0', '--no-mdns', '--no-telemetry',
      '--no-prometheus', ...(chain ? ['--chain', chain] : []),
    ],
    { stdio: ['ignore', log, log] },
  );
  let stopping = false;
  const exited = new Promise((_, reject) => {
    node.once('exit', (code, signal) => {
      if (!stopping) {
        console.error(`${tag}'s dev node exited (${signal ?? code}) before the test stopped it; ` +
          `the last lines of its log:\n${tail(logFile, 80)}`);
      }
      reject(new Error(`the dev node exited (${signal ?? code})`));
    });
  });
  exited.catch(() => {}); // observed by the start only while it waits
  const stop = async (api) => {
    stopping = true;
    await api?.disconnect();
    node.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  let api;
  let rpcPort;
  try {
    const deadline = Date.now() + START_TIMEOUT_MS;
    rpcPort = await rpcPortOf(logFile, exited, deadline);
    api = await connect(rpcPort, exited, deadline);
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
