// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0
//
// The guides in docs/ cannot rot: this test runs what they say.
// - The JavaScript snippets of docs/README.md, network.md, curator-and-staker.md and operator.md
//   are one story on a dev chain, ordered by the step number on each snippet's first line. They
//   run here, verbatim, in one scope (so a later step sees an earlier step's names), against a
//   dev node of the binary just built; only the endpoint is this test's node.
// - The node runner's shell commands of operator.md run in bash against real nodes on 127.0.0.1,
//   with this test's settings instead of the guide's `# node settings` block.
// - Every Rust snippet of appchain-builder.md is, line for line, in the template runtime.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { decodeAddress } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';

import { NODE, freePort, startDevNode } from '../dev-node.mjs';

const JS = join(dirname(fileURLToPath(import.meta.url)), '..');
const DOCS = join(JS, '..', 'docs');
const STORY = ['README.md', 'network.md', 'curator-and-staker.md', 'operator.md'];

/// The fenced blocks of `lang` in a guide: `{ first, body }` (`first` is the first line).
function blocks(file, lang) {
  const text = readFileSync(join(DOCS, file), 'utf8');
  const found = [];
  for (const m of text.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)) {
    if (m[1] === lang) found.push({ first: m[2].split('\n')[0], body: m[2] });
  }
  return found;
}

/// A snippet made runnable from this file: its relative and bare imports resolved from `js/`,
/// the dev chain's endpoint replaced by `url`.
function runnable(body, url) {
  return body
    .replaceAll("import('./", `import('${pathToFileURL(JS).href}/`)
    .replace(/import\('(@polkadot\/[\w-]+)'\)/g, (_, pkg) => `import('${import.meta.resolve(pkg)}')`)
    .replaceAll("'ws://127.0.0.1:9944'", `'${url}'`);
}

let dev;
before(async () => {
  dev = await startDevNode('guides');
});
after(async () => {
  await dev?.stop();
});

test('the guides\' JavaScript snippets run as one story, in step order', { timeout: 600_000 }, async () => {
  const steps = [];
  STORY.forEach((file, order) => {
    for (const { first, body } of blocks(file, 'js')) {
      const step = /^\/\/ step (\d+):/.exec(first);
      assert.ok(step, `${file}: a JavaScript snippet without a step number: ${first}`);
      steps.push({ file, order, step: Number(step[1]), first, body });
    }
  });
  steps.sort((a, b) => a.step - b.step || a.order - b.order);
  assert.deepEqual(
    [...new Set(steps.map((s) => s.file))].sort(),
    [...STORY].sort(),
    'every guide of the story has snippets',
  );
  // One scope: each snippet after the previous, `where` naming the one that runs.
  const body = steps
    .map((s) => `where.at = ${JSON.stringify(`${s.file}, ${s.first}`)};\n${runnable(s.body, dev.url)}`)
    .join('\n')
    .concat('\nawait api.disconnect();');
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor;
  const printed = [];
  const quiet = {
    log: (...args) => printed.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')),
  };
  const where = { at: 'the start' };
  try {
    await new AsyncFunction('console', 'where', body)(quiet, where);
  } catch (e) {
    e.message = `in ${where.at}: ${e.message}\n(the snippets printed:\n${printed.join('\n')})`;
    throw e;
  }
  assert.ok(printed.length >= 8, 'the snippets printed what they read');
});

/// Posts a JSON-RPC call; its `result`, or throws its `error`.
async function rpc(port, method, params = []) {
  const res = await fetch(`http://127.0.0.1:${port}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const answer = await res.json();
  if (answer.error) throw Object.assign(new Error(answer.error.message), { code: answer.error.code });
  return answer.result;
}

async function until(what, check, seconds) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

test('the node runner\'s commands of operator.md run', { timeout: 300_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-e2e-js-guide-nodes-'));
  const [rpcPort, prometheusPort, p2pPort] = [await freePort(), await freePort(), await freePort()];
  const operatorHex = u8aToHex(decodeAddress('5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty'));
  const env = {
    ...process.env,
    CHAIN: 'local',
    BASE: join(dir, 'node'),
    P2P: `/ip4/127.0.0.1/tcp/${p2pPort}`,
    RPC_PORT: String(rpcPort),
    PROMETHEUS_PORT: String(prometheusPort),
    OPERATOR_HEX: operatorHex,
  };
  // `rampart-node` in the guide is the binary just built.
  const prelude = `set -euo pipefail\nrampart-node() { ${JSON.stringify(NODE)} "$@"; }\n`;
  const commands = {};
  for (const { first, body } of blocks('operator.md', 'sh')) {
    if (first === '# node settings') continue;
    const step = /^# node step (\d+):/.exec(first);
    assert.ok(step, `operator.md: a shell block without a node step: ${first}`);
    commands[step[1]] = prelude + body;
  }
  assert.deepEqual(Object.keys(commands), ['1', '2', '3', '4']);
  const run = (n) => execFileSync('bash', ['-c', commands[n]], { env, encoding: 'utf8', timeout: 60_000 });
  const started = [];
  const start = (n, tag) => {
    const log = openSync(join(dir, `${tag}.log`), 'w');
    const child = spawn('bash', ['-c', commands[n]], { env, detached: true, stdio: ['ignore', log, log] });
    started.push(child);
    return child;
  };
  const stop = async (child) => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    await new Promise((r) => (child.exitCode !== null || child.signalCode ? r() : child.once('exit', r)));
  };
  try {
    // The validator: its network key, then the node; its RPC on localhost serves unsafe methods.
    const validator = start('1', 'validator');
    await until('the validator\'s RPC', () => rpc(rpcPort, 'system_health'), 60);
    const keys = JSON.parse(run('2')).result;
    assert.match(keys.keys, /^0x[0-9a-f]{128}$/, 'Aura and GRANDPA public keys');
    assert.match(keys.proof, /^0x[0-9a-f]+$/, 'a proof of ownership');
    const metrics = run('4');
    assert.match(metrics, /^substrate_block_height\{status="best",chain="rampart_local"\} \d+$/m);
    assert.match(metrics, /^substrate_block_height\{status="finalized",chain="rampart_local"\} \d+$/m);
    await stop(validator);

    // The RPC node: safe methods only, Rampart's queries answered.
    const rpcNode = start('3', 'rpc');
    await until('the RPC node', () => rpc(rpcPort, 'system_health'), 60);
    await assert.rejects(rpc(rpcPort, 'author_rotateKeys'), (e) => e.code === -32601);
    const vault = await rpc(rpcPort, 'rampart_vault', [0]);
    assert.equal(vault.vault, 0);
    assert.match(run('4'), /^substrate_block_height\{status="best"/m);
    await stop(rpcNode);
  } finally {
    for (const child of started) await stop(child);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the appchain builder\'s Rust snippets are in the template runtime', () => {
  const flat = (text) =>
    text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length > 0)
      .join('\n');
  const template = flat(readFileSync(join(JS, '..', 'template', 'runtime', 'src', 'lib.rs'), 'utf8'));
  const snippets = blocks('appchain-builder.md', 'rust');
  assert.ok(snippets.length >= 5, 'the guide shows the template\'s code');
  for (const { first, body } of snippets) {
    assert.ok(template.includes(flat(body)), `appchain-builder.md: not in template/runtime/src/lib.rs: ${first}`);
  }
});
