// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Helpers of the node's end-to-end tests: start `rampart-node` processes on loopback, talk
//! JSON-RPC to them over plain HTTP, and make sure every process started is killed, whatever
//! happens to the test.

#![allow(dead_code)]

use std::{
	fs::File,
	io::{Read, Write},
	net::{TcpListener, TcpStream},
	path::{Path, PathBuf},
	process::{Child, Command, ExitStatus, Stdio},
	time::{Duration, Instant},
};

use rampart_runtime::RuntimeCall;
use serde_json::{json, Value};
use sp_core::H256;
use sp_keyring::Sr25519Keyring;

// The node signs its bench chain's extrinsics with the same code.
#[path = "../../src/signed.rs"]
mod signed;
pub use signed::signed_by;

/// The node binary cargo built for these tests.
pub const NODE: &str = env!("CARGO_BIN_EXE_rampart-node");

/// Every temporary folder of these tests starts with this, so that a cleanup step can find
/// leftover processes by their command line (`pkill -f rampart-e2e-`).
pub const TMP_PREFIX: &str = "rampart-e2e-";

/// A fresh temporary folder, removed on drop.
pub struct TempDir(PathBuf);

impl TempDir {
	pub fn new(tag: &str) -> Self {
		let nanos = std::time::SystemTime::now()
			.duration_since(std::time::UNIX_EPOCH)
			.map(|d| d.as_nanos())
			.unwrap_or_default();
		let path =
			std::env::temp_dir().join(format!("{TMP_PREFIX}{tag}-{}-{nanos}", std::process::id()));
		std::fs::create_dir_all(&path).expect("can create a temporary folder");
		Self(path)
	}

	pub fn path(&self) -> &Path {
		&self.0
	}
}

impl Drop for TempDir {
	fn drop(&mut self) {
		let _ = std::fs::remove_dir_all(&self.0);
	}
}

/// Test ports come in blocks below the kernel's ephemeral range (32768 and up on Linux): a
/// process owns a block while it holds a listener on the block's first port, so neither another
/// test process (the e2e lanes and the JavaScript tests run side by side; js/dev-node.mjs claims
/// blocks the same way) nor the kernel (port 0, outgoing connections) hands its ports out. A
/// port "free a moment ago" from the ephemeral range could be taken by another lane's node
/// between the choice and the bind, and a test could then talk to that node.
const PORT_BLOCKS_FIRST: u16 = 10_000;
const PORT_BLOCK_SIZE: u16 = 100;
const PORT_BLOCKS: u16 = 220;

struct PortBlocks {
	/// The listeners that hold this process's blocks.
	held: Vec<TcpListener>,
	next: u16,
	end: u16,
}

static PORTS: std::sync::Mutex<PortBlocks> =
	std::sync::Mutex::new(PortBlocks { held: Vec::new(), next: 0, end: 0 });

/// Claims a block no other process holds, trying from one that depends on the process id.
fn claim_port_block(ports: &mut PortBlocks) {
	for i in 0..u32::from(PORT_BLOCKS) {
		let block = (std::process::id().wrapping_add(i) % u32::from(PORT_BLOCKS)) as u16;
		let base = PORT_BLOCKS_FIRST + block * PORT_BLOCK_SIZE;
		if ports.held.iter().any(|l| l.local_addr().map(|a| a.port()).ok() == Some(base)) {
			continue;
		}
		if let Ok(holder) = TcpListener::bind(("127.0.0.1", base)) {
			ports.held.push(holder);
			ports.next = base + 1;
			ports.end = base + PORT_BLOCK_SIZE;
			return;
		}
	}
	panic!("no free block of test ports below 32768");
}

/// A port on 127.0.0.1 for a test node: the next one of this process's block that can be bound.
pub fn free_port() -> u16 {
	let mut ports = PORTS.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
	loop {
		if ports.next >= ports.end {
			claim_port_block(&mut ports);
		}
		let port = ports.next;
		ports.next += 1;
		if TcpListener::bind(("127.0.0.1", port)).is_ok() {
			return port;
		}
	}
}

/// A running `rampart-node`, killed (SIGKILL) and reaped when dropped.
pub struct Node {
	pub name: String,
	pub rpc_port: u16,
	pub p2p_port: u16,
	pub log: PathBuf,
	child: Option<Child>,
}

/// The flags every test node gets: loopback only, no discovery beyond the given peers, no
/// telemetry, no Prometheus.
pub fn loopback_flags(p2p_port: u16, rpc_port: u16) -> Vec<String> {
	vec![
		"--listen-addr".into(),
		format!("/ip4/127.0.0.1/tcp/{p2p_port}"),
		"--public-addr".into(),
		format!("/ip4/127.0.0.1/tcp/{p2p_port}"),
		"--rpc-port".into(),
		rpc_port.to_string(),
		"--no-mdns".into(),
		"--no-telemetry".into(),
		"--no-prometheus".into(),
		"--allow-private-ip".into(),
	]
}

impl Node {
	/// Starts the node with `args`; its output goes to `<log_dir>/<name>.log`.
	pub fn start(
		name: &str,
		log_dir: &Path,
		rpc_port: u16,
		p2p_port: u16,
		args: &[String],
	) -> Self {
		let log = unique(log_dir.join(format!("{name}.log")));
		let child = spawn_logged(args, &log);
		Node { name: name.into(), rpc_port, p2p_port, log, child: Some(child) }
	}

	pub fn pid(&self) -> Option<u32> {
		self.child.as_ref().map(|c| c.id())
	}

	/// SIGKILL: no chance to flush or close anything.
	pub fn kill(&mut self) {
		if let Some(mut child) = self.child.take() {
			let _ = child.kill();
			let _ = child.wait();
		}
	}

	/// Whether the process has exited, and how.
	pub fn try_status(&mut self) -> Option<ExitStatus> {
		self.child.as_mut().and_then(|c| c.try_wait().ok().flatten())
	}

	pub fn log_text(&self) -> String {
		std::fs::read_to_string(&self.log).unwrap_or_default()
	}

	/// A JSON-RPC call; `None` while the server does not answer.
	pub fn rpc(&self, method: &str, params: Value) -> Option<Value> {
		rpc_call(self.rpc_port, method, params)
	}

	/// Best block number.
	pub fn best_number(&self) -> Option<u64> {
		self.rpc("chain_getHeader", json!([])).and_then(|h| hex_number(&h["number"]))
	}

	/// Finalized block number.
	pub fn finalized_number(&self) -> Option<u64> {
		let hash = self.rpc("chain_getFinalizedHead", json!([]))?;
		let header = self.rpc("chain_getHeader", json!([hash]))?;
		hex_number(&header["number"])
	}

	/// Hash of block `n` on this node's chain, if it has it.
	pub fn block_hash(&self, n: u64) -> Option<String> {
		self.rpc("chain_getBlockHash", json!([n]))
			.and_then(|v| v.as_str().map(String::from))
	}

	pub fn peers(&self) -> Option<u64> {
		self.rpc("system_health", json!([])).and_then(|h| h["peers"].as_u64())
	}

	/// Waits up to `timeout` for `cond` to hold, polling every 200 ms; panics with the node's log
	/// tail on timeout.
	pub fn wait_for<T>(
		&self,
		what: &str,
		timeout: Duration,
		cond: impl FnMut(&Node) -> Option<T>,
	) -> T {
		self.wait_for_every(Duration::from_millis(200), what, timeout, cond)
	}

	/// [`Self::wait_for`], polling every `interval`.
	pub fn wait_for_every<T>(
		&self,
		interval: Duration,
		what: &str,
		timeout: Duration,
		mut cond: impl FnMut(&Node) -> Option<T>,
	) -> T {
		let deadline = Instant::now() + timeout;
		loop {
			if let Some(v) = cond(self) {
				return v;
			}
			if Instant::now() > deadline {
				panic!(
					"{}: timed out after {:?} waiting for {what}\n--- log tail ---\n{}",
					self.name,
					timeout,
					tail(&self.log_text(), 40)
				);
			}
			std::thread::sleep(interval);
		}
	}
}

impl Drop for Node {
	fn drop(&mut self) {
		self.kill();
	}
}

fn unique(path: PathBuf) -> PathBuf {
	if !path.exists() {
		return path;
	}
	let mut i = 1;
	loop {
		let p = path.with_extension(format!("{i}.log"));
		if !p.exists() {
			return p;
		}
		i += 1;
	}
}

/// The last `n` lines of `text`.
pub fn tail(text: &str, n: usize) -> String {
	let lines: Vec<&str> = text.lines().collect();
	lines[lines.len().saturating_sub(n)..].join("\n")
}

/// Parses a `0x`-prefixed hex number of a JSON-RPC answer.
pub fn hex_number(v: &Value) -> Option<u64> {
	let s = v.as_str()?;
	u64::from_str_radix(s.trim_start_matches("0x"), 16).ok()
}

/// One JSON-RPC call over HTTP/1.1 to 127.0.0.1:`port`, with a short timeout: its result.
pub fn rpc_call(port: u16, method: &str, params: Value) -> Option<Value> {
	rpc_response(port, method, params)?.get("result").cloned()
}

/// One JSON-RPC call over HTTP/1.1: the whole response object (`result` or `error`).
pub fn rpc_response(port: u16, method: &str, params: Value) -> Option<Value> {
	let body = json!({ "jsonrpc": "2.0", "id": 1, "method": method, "params": params }).to_string();
	let payload = http_post(port, &body)?;
	serde_json::from_str(payload.trim()).ok()
}

/// POSTs `body` to 127.0.0.1:`port` and returns the response body.
pub fn http_post(port: u16, body: &str) -> Option<String> {
	let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
	stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
	stream.set_write_timeout(Some(Duration::from_secs(5))).ok()?;
	let request = format!(
		"POST / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n\
		 Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
		body.len()
	);
	stream.write_all(request.as_bytes()).ok()?;
	let mut response = Vec::new();
	stream.read_to_end(&mut response).ok()?;
	let response = String::from_utf8(response).ok()?;
	let (_, payload) = response.split_once("\r\n\r\n")?;
	Some(payload.to_string())
}

/// A minimal WebSocket JSON-RPC client (RFC 6455: masked text frames out, whole messages in),
/// enough to call the node over its WebSocket endpoint without another client library.
pub struct WsClient {
	stream: TcpStream,
	next_id: u64,
}

impl WsClient {
	/// Connects and upgrades to WebSocket on 127.0.0.1:`port`.
	pub fn connect(port: u16) -> std::io::Result<Self> {
		let mut stream = TcpStream::connect(("127.0.0.1", port))?;
		stream.set_read_timeout(Some(Duration::from_secs(30)))?;
		stream.set_write_timeout(Some(Duration::from_secs(30)))?;
		stream.set_nodelay(true)?;
		let request = format!(
			"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n\
			 Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\
			 Sec-WebSocket-Version: 13\r\n\r\n"
		);
		stream.write_all(request.as_bytes())?;
		let mut head = Vec::new();
		let mut byte = [0u8; 1];
		while !head.ends_with(b"\r\n\r\n") {
			stream.read_exact(&mut byte)?;
			head.push(byte[0]);
		}
		let head = String::from_utf8_lossy(&head);
		if !head.starts_with("HTTP/1.1 101") {
			return Err(std::io::Error::other(format!("no WebSocket upgrade: {head}")));
		}
		Ok(WsClient { stream, next_id: 1 })
	}

	/// Sends one text message.
	pub fn send_text(&mut self, text: &str) -> std::io::Result<()> {
		let payload = text.as_bytes();
		let mut frame = vec![0x81u8];
		let mask = [0x12u8, 0x34, 0x56, 0x78];
		match payload.len() {
			n if n < 126 => frame.push(0x80 | n as u8),
			n if n <= u16::MAX as usize => {
				frame.push(0x80 | 126);
				frame.extend((n as u16).to_be_bytes());
			},
			n => {
				frame.push(0x80 | 127);
				frame.extend((n as u64).to_be_bytes());
			},
		}
		frame.extend(mask);
		frame.extend(payload.iter().enumerate().map(|(i, b)| b ^ mask[i % 4]));
		self.stream.write_all(&frame)
	}

	/// Reads the next text message (answering pings, skipping other control frames).
	pub fn read_text(&mut self) -> std::io::Result<String> {
		let mut message = Vec::new();
		loop {
			let mut head = [0u8; 2];
			self.stream.read_exact(&mut head)?;
			let (fin, opcode) = (head[0] & 0x80 != 0, head[0] & 0x0f);
			let mut len = u64::from(head[1] & 0x7f);
			if len == 126 {
				let mut b = [0u8; 2];
				self.stream.read_exact(&mut b)?;
				len = u64::from(u16::from_be_bytes(b));
			} else if len == 127 {
				let mut b = [0u8; 8];
				self.stream.read_exact(&mut b)?;
				len = u64::from_be_bytes(b);
			}
			let mut payload = vec![0u8; len as usize];
			self.stream.read_exact(&mut payload)?;
			match opcode {
				0x9 => {
					// Ping: answer with a masked pong of the same payload.
					let mask = [1u8, 2, 3, 4];
					let mut pong = vec![0x8a, 0x80 | payload.len() as u8];
					pong.extend(mask);
					pong.extend(payload.iter().enumerate().map(|(i, b)| b ^ mask[i % 4]));
					self.stream.write_all(&pong)?;
				},
				0x8 => return Err(std::io::Error::other("the server closed the connection")),
				0xa => {},
				_ => {
					message.extend(payload);
					if fin {
						return String::from_utf8(message).map_err(std::io::Error::other);
					}
				},
			}
		}
	}

	/// One call: the whole response object.
	pub fn call(&mut self, method: &str, params: Value) -> std::io::Result<Value> {
		let id = self.next_id;
		self.next_id += 1;
		let body = json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params });
		self.send_text(&body.to_string())?;
		loop {
			let text = self.read_text()?;
			let value: Value = serde_json::from_str(&text).map_err(std::io::Error::other)?;
			if value.get("id") == Some(&json!(id)) {
				return Ok(value);
			}
		}
	}
}

/// Starts the node binary with `args`, its stdout and stderr both written to `log`.
fn spawn_logged<S: AsRef<std::ffi::OsStr>>(args: &[S], log: &Path) -> Child {
	let out = File::create(log).expect("can create the log file");
	let err = out.try_clone().expect("can clone the log file handle");
	Command::new(NODE)
		.args(args)
		.stdin(Stdio::null())
		.stdout(Stdio::from(out))
		.stderr(Stdio::from(err))
		.spawn()
		.expect("the node binary starts")
}

/// Runs the node binary to completion (bounded by `timeout`) and returns its exit status and
/// combined output.
pub fn run_to_exit(args: &[&str], timeout: Duration) -> (Option<i32>, String) {
	let dir = TempDir::new("oneshot");
	let log = dir.path().join("out.log");
	let mut child = spawn_logged(args, &log);
	let deadline = Instant::now() + timeout;
	let status = loop {
		if let Ok(Some(status)) = child.try_wait() {
			break Some(status);
		}
		if Instant::now() > deadline {
			let _ = child.kill();
			let _ = child.wait();
			break None;
		}
		std::thread::sleep(Duration::from_millis(100));
	};
	let output = std::fs::read_to_string(&log).unwrap_or_default();
	(status.and_then(|s| s.code()), output)
}

/// Asserts that a failed run ended with a clear error line rather than a panic.
pub fn assert_clean_failure(code: Option<i32>, output: &str, expected: &str) {
	assert!(code.is_some(), "the node did not exit in time:\n{}", tail(output, 30));
	assert_ne!(code, Some(0), "the node should have failed:\n{}", tail(output, 30));
	assert!(
		!output.contains("panicked") && !output.contains("Thread '"),
		"the node panicked instead of failing cleanly:\n{}",
		tail(output, 40)
	);
	assert!(
		output.to_lowercase().contains(&expected.to_lowercase()),
		"expected the error to mention `{expected}`, got:\n{}",
		tail(output, 30)
	);
}

/// Writes a node key file and returns (file path, peer id), using the node's own `key`
/// subcommands.
pub fn node_key(dir: &Path, name: &str) -> (String, String) {
	let file = dir.join(format!("{name}.key"));
	let file_s = file.to_string_lossy().to_string();
	let (code, out) =
		run_to_exit(&["key", "generate-node-key", "--file", &file_s], Duration::from_secs(60));
	assert_eq!(code, Some(0), "generate-node-key failed: {out}");
	let (code, out) =
		run_to_exit(&["key", "inspect-node-key", "--file", &file_s], Duration::from_secs(60));
	assert_eq!(code, Some(0), "inspect-node-key failed: {out}");
	let peer_id = out
		.lines()
		.map(str::trim)
		.find(|l| l.starts_with("12D3Koo"))
		.unwrap_or_else(|| panic!("no peer id in: {out}"))
		.to_string();
	(file_s, peer_id)
}

/// An amount of a `rampart_*` answer (a decimal string).
pub fn amount(v: &Value) -> u128 {
	v.as_str()
		.and_then(|s| s.parse().ok())
		.unwrap_or_else(|| panic!("an amount: {v}"))
}

/// `0x`-prefixed lower-case hex.
pub fn to_hex(bytes: &[u8]) -> String {
	let mut s = String::with_capacity(2 + 2 * bytes.len());
	s.push_str("0x");
	for b in bytes {
		s.push_str(&format!("{b:02x}"));
	}
	s
}

/// The bytes of a `0x`-prefixed hex string of a JSON-RPC answer.
pub fn from_hex(v: &Value) -> Option<Vec<u8>> {
	let s = v.as_str()?.trim_start_matches("0x");
	(0..s.len())
		.step_by(2)
		.map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
		.collect()
}

/// The genesis hash of the chain `node` runs.
pub fn genesis_hash(node: &Node) -> H256 {
	let hash = node.block_hash(0).expect("the genesis hash");
	H256::from_slice(&from_hex(&json!(hash)).expect("a hex hash"))
}

/// `call` signed by `signer` with `nonce` (immortal, no tip) for the reference runtime of the
/// chain with `genesis`, SCALE-encoded as `author_submitExtrinsic` takes it.
pub fn signed_extrinsic(
	genesis: H256,
	signer: Sr25519Keyring,
	nonce: u32,
	call: RuntimeCall,
) -> Vec<u8> {
	signed_by(genesis, &signer.pair(), nonce, call)
}
