#!/usr/bin/env python3
# This file is part of Rampart.
# SPDX-License-Identifier: Apache-2.0
"""Runs every test the workspace's test build produced, and the @polkadot/api tests.

scripts/test.sh builds the tests with `cargo test --no-run --message-format=json` and pipes
cargo's messages here while the build runs. The end-to-end tests start node processes on loopback
and spend most of their time waiting for 6 s blocks and 1 minute sessions (about 22 minutes one
after the other), so they run in lanes, side by side, and each lane starts as soon as its binaries
(and the node's) are built, while cargo compiles the rest; each lane runs its tests in order and
keeps its output in a log that is printed whole when the lane ends. When the build is done, the
test binaries that run in-process (unit, runtime, benchmark and integration tests) run one after
the other, as `cargo test` would, then the documentation tests. `rpc.rs` measures latency and
`throughput.rs` extrinsics per block, so they run last and alone.

Exit status 0 when every test passed. Prints each binary's time and the counts.
"""

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The end-to-end tests by (package, test target), in their lanes, longest first. A test binary
# of one of these packages that is not named here runs in the first lane at its end, so a new
# end-to-end test is never skipped.
LANES = [
    [("rampart-node", "restaked_validators")],
    [("rampart-node", "network"), ("rampart-node", "faults"), ("rampart-node", "dev"),
     ("rampart-node", "bad_input")],
    [("js", "npm test"), ("rampart-cli", "dev_chain")],
]
E2E_PACKAGES = {"rampart-node"}
# Test binaries of those packages that start no node.
IN_PROCESS = {("rampart-node", "benchmarks")}
LAST = [("rampart-node", "rpc"), ("rampart-node", "throughput")]
E2E = {t for lane in LANES for t in lane} | set(LAST)

RESULT = re.compile(r"test result: (\w+)\. (\d+) passed; (\d+) failed; (\d+) ignored")
JS_RESULT = re.compile(r"^# (tests|pass|fail|skipped|cancelled) (\d+)$", re.M)


def say(msg):
    sys.stderr.write(f"\033[1m[rampart]\033[0m {msg}\n")
    sys.stderr.flush()


class Binary:
    def __init__(self, package, name, kind, executable, manifest_dir):
        self.package, self.name, self.kind = package, name, kind
        self.executable, self.manifest_dir = executable, manifest_dir

    @property
    def key(self):
        return (self.package, self.name)

    def label(self):
        if self.package == "js":
            return "js: npm test (@polkadot/api)"
        return f"{self.package}: {self.kind} {self.name}"

    def command(self):
        if self.package == "js":
            return ["npm", "test"], os.path.join(ROOT, "js")
        return [self.executable, "--nocapture"], self.manifest_dir


def package_of(msg):
    # package_id: "path+file:///…/node#rampart-node@0.1.0", or "path+file:///…/cli#0.1.0"
    # when the package is named as its folder.
    path, _, version = msg["package_id"].partition("#")
    return version.split("@")[0] if "@" in version else path.rstrip("/").rsplit("/", 1)[-1]


def read_messages(stream):
    """Yields ("binary", Binary), ("node", path) and finally ("done", success) from cargo's
    messages as cargo prints them."""
    for line in stream:
        line = line.strip()
        if not line.startswith("{"):
            continue
        msg = json.loads(line)
        if msg.get("reason") == "build-finished":
            yield "done", bool(msg.get("success"))
            return
        if msg.get("reason") != "compiler-artifact" or not msg.get("executable"):
            continue
        target = msg["target"]
        if not msg["profile"]["test"]:
            if package_of(msg) == "rampart-node" and target["kind"] == ["bin"]:
                yield "node", msg["executable"]
            continue
        kind = "unittests" if target["kind"][0] in ("lib", "bin", "proc-macro") else "test"
        yield "binary", Binary(package_of(msg), target["name"], kind, msg["executable"],
                               os.path.dirname(msg["manifest_path"]))
    yield "done", False


class Outcome:
    def __init__(self, binary, status, seconds, output):
        self.binary, self.status, self.seconds = binary, status, seconds
        self.passed = self.failed = self.ignored = 0
        if binary.package == "js":
            counts = dict((k, int(v)) for k, v in JS_RESULT.findall(output))
            self.passed, self.failed = counts.get("pass", 0), counts.get("fail", 0)
            self.ignored = counts.get("skipped", 0)
        else:
            for _, p, f, i in RESULT.findall(output):
                self.passed += int(p)
                self.failed += int(f)
                self.ignored += int(i)

    @property
    def ok(self):
        return self.status == 0 and self.failed == 0


RUNNING = set()
RUNNING_LOCK = threading.Lock()
ABORTED = threading.Event()


def abort():
    """Kills every test running (with the processes it started) and starts no other."""
    with RUNNING_LOCK:
        ABORTED.set()
        for proc in RUNNING:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def run(binary, out):
    """Runs one binary, its output to `out` (a file or the terminal)."""
    cmd, cwd = binary.command()
    env = dict(os.environ)
    env["CARGO_MANIFEST_DIR"] = cwd
    env["CARGO_PKG_NAME"] = binary.package
    start = time.monotonic()
    out.write(f"\n     Running {binary.label()} ({' '.join(cmd)})\n")
    out.flush()
    with RUNNING_LOCK:
        if ABORTED.is_set():
            return Outcome(binary, -1, 0.0, "not run: the build failed")
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True, errors="replace",
                                start_new_session=True)
        RUNNING.add(proc)
    output, _ = proc.communicate()
    with RUNNING_LOCK:
        RUNNING.discard(proc)
    out.write(output)
    out.flush()
    return Outcome(binary, proc.returncode, time.monotonic() - start, output)


def run_lane(index, binaries, log_dir, outcomes, lock):
    path = os.path.join(log_dir, f"lane-{index}.log")
    with open(path, "w") as log:
        for binary in binaries:
            say(f"lane {index}: {binary.label()}")
            outcome = run(binary, log)
            with lock:
                outcomes.append(outcome)
            state = "ok" if outcome.ok else "FAILED"
            say(f"lane {index}: {binary.label()} {state} in {outcome.seconds:.0f}s")
    with lock:
        say(f"lane {index} done; its output:")
        with open(path) as log:
            sys.stdout.write(log.read())
        sys.stdout.flush()


class DocTests(Binary):
    """The workspace's documentation tests, through cargo, once the build is done."""

    def __init__(self):
        super().__init__("doc", "doctests", "test", None, ROOT)

    def label(self):
        return "documentation tests (cargo test --doc)"

    def command(self):
        features = os.environ.get("RAMPART_FEATURES", "runtime-benchmarks")
        return ["cargo", "test", "--locked", "--release", "--workspace", "--features", features,
                "--doc"], ROOT


def main():
    log_dir = os.environ.get("RAMPART_TEST_LOGS") or os.path.join(
        os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")), "rampart-test-logs")
    os.makedirs(log_dir, exist_ok=True)
    build_start = float(os.environ.get("RAMPART_BUILD_START", time.time()))
    outcomes, lock = [], threading.Lock()
    start = time.monotonic()

    # Each lane starts once its Rust binaries and the node are built; the JavaScript tests need
    # only the node.
    lanes = [list(lane) for lane in LANES]
    waiting = {i: {k for k in lane if k[0] != "js"} for i, lane in enumerate(lanes)}
    binaries, by_key, node, threads = [], {}, None, []

    def start_ready_lanes():
        for i in sorted(waiting):
            if node and not waiting[i]:
                lane = [by_key.get(k) or Binary("js", "npm test", "test", None, None)
                        for k in lanes[i]]
                say(f"lane {i + 1} starts, {time.time() - build_start:.0f}s into the build "
                    f"(loopback only; log in {log_dir})")
                t = threading.Thread(target=run_lane, args=(i + 1, lane, log_dir, outcomes, lock))
                t.start()
                threads.append(t)
                del waiting[i]

    success = False
    for what, value in read_messages(sys.stdin):
        if what == "done":
            success = value
        elif what == "node":
            node = value
            start_ready_lanes()
        else:
            binaries.append(value)
            by_key[value.key] = value
            for keys in waiting.values():
                keys.discard(value.key)
            start_ready_lanes()
    if not success:
        say("the build failed (cargo's errors are above); stopping the tests already started")
        abort()
        for t in threads:
            t.join()
        return 1
    say(f"build done in {time.time() - build_start:.0f}s")
    missing = [k for keys in waiting.values() for k in keys] + [k for k in LAST if k not in by_key]
    if missing or not node:
        missing = missing or ["the node"]
        say(f"end-to-end tests named in scripts/run-tests.py were not built: {missing}")
        return 1

    # End-to-end test binaries no lane names: a lane of their own, so none is skipped.
    extra = [b for b in binaries
             if b.package in E2E_PACKAGES and b.key not in E2E | IN_PROCESS]
    if extra:
        say(f"lane {len(lanes) + 1}: end-to-end tests no lane names")
        t = threading.Thread(target=run_lane,
                             args=(len(lanes) + 1, extra, log_dir, outcomes, lock))
        t.start()
        threads.append(t)

    # In-process tests, one binary after the other, then the documentation tests.
    say("in-process tests (unit, runtime, benchmark and integration tests)")
    binaries.sort(key=lambda b: (b.package, b.kind != "unittests", b.name))
    for binary in binaries:
        if binary.key in E2E or (binary.package in E2E_PACKAGES and binary.key not in IN_PROCESS):
            continue
        outcomes.append(run(binary, sys.stdout))
    outcomes.append(run(DocTests(), sys.stdout))

    for t in threads:
        t.join()

    say("the RPC latency test, alone on the machine")
    for key in LAST:
        outcomes.append(run(by_key[key], sys.stdout))

    say("per test binary:")
    for o in sorted(outcomes, key=lambda o: -o.seconds):
        state = "ok" if o.ok else f"FAILED (exit {o.status})"
        sys.stderr.write(f"  {o.seconds:7.1f}s  {o.passed:4d} passed  {o.binary.label()}  {state}\n")
    rust = [o for o in outcomes if o.binary.package != "js"]
    js = [o for o in outcomes if o.binary.package == "js"]
    failed = [o for o in outcomes if not o.ok]
    say(f"{sum(o.passed for o in rust)} Rust tests and {sum(o.passed for o in js)} JavaScript "
        f"tests passed, {sum(o.failed for o in outcomes)} failed, "
        f"{sum(o.ignored for o in outcomes)} ignored, in {time.monotonic() - start:.0f}s")
    if failed:
        say("FAILED: " + ", ".join(o.binary.label() for o in failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
