// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The `rampart` binary against a real dev node on loopback: each kind of user's commands as a
//! user types them, their JSON answers and the chain's state after them, and the errors a user
//! meets (unknown vault, insufficient balance, missing role, bad input).
//!
//! The node: `$RAMPART_NODE`, or `rampart-node` beside the `rampart` binary (the workspace
//! build makes both).

// The helpers of a test binary: a panic is a failed test, with its line.
#![allow(clippy::unwrap_used)]

use std::{
	io::Write,
	path::{Path, PathBuf},
	process::{Child, Command, Stdio},
	time::{Duration, Instant},
};

use serde_json::Value;

/// A dev node, killed (with its folder removed) when dropped.
struct DevNode {
	child: Child,
	dir: PathBuf,
	url: String,
}

impl Drop for DevNode {
	fn drop(&mut self) {
		let _ = self.child.kill();
		let _ = self.child.wait();
		let _ = std::fs::remove_dir_all(&self.dir);
	}
}

/// The port of the node's JSON-RPC server, from its log ("Running JSON-RPC server:
/// addr=127.0.0.1:PORT,"). The node binds port 0, so the kernel picks a port free at the bind:
/// a port chosen beforehand could be taken, between the choice and the bind, by a node of the
/// e2e lanes that run beside this one, and the CLI would then talk to that node.
fn rpc_port_of(child: &mut Child, log: &Path, deadline: Instant) -> u16 {
	const RUNNING: &str = "Running JSON-RPC server: addr=127.0.0.1:";
	loop {
		let text = std::fs::read_to_string(log).unwrap_or_default();
		if let Some(at) = text.find(RUNNING) {
			let digits: String =
				text[at + RUNNING.len()..].chars().take_while(char::is_ascii_digit).collect();
			return digits.parse().unwrap();
		}
		if let Some(status) = child.try_wait().unwrap() {
			panic!("the dev node exited ({status}) before serving RPC:\n{text}");
		}
		assert!(Instant::now() < deadline, "the dev node did not serve RPC within 240 s:\n{text}");
		std::thread::sleep(Duration::from_millis(250));
	}
}

fn node_binary() -> PathBuf {
	if let Some(path) = std::env::var_os("RAMPART_NODE") {
		return path.into();
	}
	let cli = PathBuf::from(env!("CARGO_BIN_EXE_rampart"));
	let node = cli.with_file_name("rampart-node");
	assert!(
		node.exists(),
		"{} is missing: build the node (`cargo build --release -p rampart-node`) or set RAMPART_NODE",
		node.display()
	);
	node
}

fn start_dev_node() -> DevNode {
	// The folder's name carries the marker scripts/test.sh kills leftover processes by.
	let dir = std::env::temp_dir().join(format!("rampart-e2e-cli-{}", std::process::id()));
	let _ = std::fs::remove_dir_all(&dir);
	std::fs::create_dir_all(&dir).unwrap();
	let log_path = dir.join("node.log");
	let log = std::fs::File::create(&log_path).unwrap();
	let mut child = Command::new(node_binary())
		.args(["--dev", "--base-path"])
		.arg(dir.join("dev"))
		.args(["--rpc-port", "0", "--listen-addr", "/ip4/127.0.0.1/tcp/0"])
		.args(["--no-mdns", "--no-telemetry", "--no-prometheus"])
		.stdout(Stdio::null())
		.stderr(log)
		.spawn()
		.expect("the node starts");
	let deadline = Instant::now() + Duration::from_secs(240);
	let rpc = rpc_port_of(&mut child, &log_path, deadline);
	let node = DevNode { child, dir, url: format!("ws://127.0.0.1:{rpc}") };
	// Ready when the CLI reads the sample vault through the node.
	loop {
		let out = node.rampart(None, &["curator", "show", "0"]);
		if out.code == 0 {
			break;
		}
		assert!(
			Instant::now() < deadline,
			"the dev node did not answer within 240 s: {}",
			out.stderr
		);
		std::thread::sleep(Duration::from_secs(1));
	}
	node
}

/// What a `rampart` run printed.
struct Out {
	code: i32,
	stdout: String,
	stderr: String,
}

impl Out {
	fn json(&self) -> Value {
		serde_json::from_str(&self.stdout)
			.unwrap_or_else(|e| panic!("not JSON ({e}): {}\nstderr: {}", self.stdout, self.stderr))
	}
}

impl DevNode {
	/// Runs `rampart --url <node> [--suri <suri>] --json --wait in-block <args>`, at most 120 s.
	fn rampart(&self, suri: Option<&str>, args: &[&str]) -> Out {
		self.rampart_waiting(suri, "in-block", args)
	}

	fn rampart_waiting(&self, suri: Option<&str>, wait: &str, args: &[&str]) -> Out {
		let mut command = Command::new(env!("CARGO_BIN_EXE_rampart"));
		command.args(["--url", &self.url, "--json", "--wait", wait]).args(args);
		if let Some(suri) = suri {
			command.args(["--suri", suri]);
		}
		let mut child = command
			.env_remove("RAMPART_SURI")
			.stdout(Stdio::piped())
			.stderr(Stdio::piped())
			.spawn()
			.expect("rampart runs");
		let deadline = Instant::now() + Duration::from_secs(120);
		while child.try_wait().unwrap().is_none() {
			if Instant::now() > deadline {
				let _ = child.kill();
				panic!("`rampart {}` did not end within 120 s", args.join(" "));
			}
			std::thread::sleep(Duration::from_millis(100));
		}
		let output = child.wait_with_output().unwrap();
		Out {
			code: output.status.code().unwrap_or(-1),
			stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
			stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
		}
	}

	/// A command that must succeed: its JSON answer.
	fn ok(&self, suri: Option<&str>, args: &[&str]) -> Value {
		let out = self.rampart(suri, args);
		assert_eq!(
			out.code,
			0,
			"`rampart {}` failed:\n{}\n{}",
			args.join(" "),
			out.stdout,
			out.stderr
		);
		out.json()
	}

	/// A command that must fail with `code`: its JSON error.
	fn fails(&self, suri: Option<&str>, code: i32, args: &[&str]) -> Value {
		let out = self.rampart(suri, args);
		assert_eq!(out.code, code, "`rampart {}`:\n{}\n{}", args.join(" "), out.stdout, out.stderr);
		out.json()["error"].clone()
	}

	fn block(&self) -> u64 {
		// A read-only answer carries no block; the exposure view says where it read.
		self.ok(None, &["staker", "exposure", "--account", "//Alice"])["at"]
			.as_u64()
			.unwrap()
	}

	fn wait_blocks(&self, n: u64) {
		let target = self.block() + n;
		let deadline = Instant::now() + Duration::from_secs(60 * n);
		while self.block() < target {
			assert!(Instant::now() < deadline, "no block in time");
			std::thread::sleep(Duration::from_secs(1));
		}
	}
}

const UNIT: u128 = 1_000_000_000_000;

fn amount(v: &Value) -> u128 {
	v.as_str().unwrap_or_else(|| panic!("an amount string: {v}")).parse().unwrap()
}

#[test]
fn every_kind_of_user_works_through_the_cli_and_errors_say_what_to_do() {
	let node = start_dev_node();
	let (network, curator, staker, operator) = ("//Ferdie", "//Alice", "//Bob", "//Eve");

	// A network registers (followed to finality) and hands slashing to the middleware pallet.
	let out = node.rampart_waiting(Some(network), "finalized", &["network", "register"]);
	assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
	let answer = out.json();
	assert_eq!(answer["block"]["finalized"], true);
	assert!(
		answer["events"]
			.as_array()
			.unwrap()
			.iter()
			.any(|e| e == "Registry.NetworkRegistered"),
		"{answer}"
	);
	assert!(
		out.stderr.contains("submitted") && out.stderr.contains("in block #"),
		"progress: {}",
		out.stderr
	);
	assert!(out.stderr.contains("finalized in block #"), "progress: {}", out.stderr);
	let middleware = node.ok(Some(network), &["network", "set-middleware", "pallet"])["result"]
		["middleware"]
		.clone();
	assert!(middleware.as_str().is_some(), "{middleware}");

	// A curator creates a vault from a TOML file.
	let file = node.dir.join("vault.toml");
	let mut f = std::fs::File::create(&file).unwrap();
	writeln!(
		f,
		"collateral = \"native\"\nepoch_duration = 10\ndelegator = \"network-restake\"\nslasher = \"instant\"\n\
		 burner = \"burn\"\ndeposit_limit = \"5000000\"\n[roles]\nAdmin = \"{curator}\"\n\
		 NetworkLimitSetter = \"{curator}\"\nOperatorNetworkSharesSetter = [\"{curator}\"]"
	)
	.unwrap();
	let vault = node.ok(Some(curator), &["curator", "create-vault", file.to_str().unwrap()])
		["result"]["vault"]
		.as_u64()
		.unwrap();
	let v = vault.to_string();
	let shown = node.ok(None, &["curator", "show", &v]);
	assert_eq!(shown["vault"].as_u64(), Some(vault));

	// The network caps the vault, accepts it and prices its collateral; the curator allocates.
	node.ok(Some(network), &["network", "set-max-limit", "--vault", &v, "--amount", "5000"]);
	node.ok(
		Some(curator),
		&[
			"curator",
			"set-network-limit",
			"--vault",
			&v,
			"--subnetwork",
			network,
			"--amount",
			"1000.5",
		],
	);
	node.ok(Some(network), &["network", "accept-vault", "--vault", &v]);
	node.ok(Some(network), &["network", "set-valuation", "--asset", "native", "--haircut", "0"]);
	node.ok(Some(network), &["network", "set-price", "--asset", "native", "--price", "1"]);

	// An operator registers, opts in, sets session keys made by the node, and joins.
	node.ok(Some(operator), &["operator", "register"]);
	node.ok(Some(operator), &["operator", "opt-in", "--network", network]);
	node.ok(Some(operator), &["operator", "opt-in", "--vault", &v]);
	let keys = node.ok(Some(operator), &["operator", "set-keys"]);
	// Aura's and GRANDPA's public keys, 32 bytes each; set_keys holds the session key deposit.
	assert_eq!(keys["result"]["keys"].as_str().unwrap().len(), 2 + 128, "{keys}");
	assert!(
		keys["events"]
			.as_array()
			.unwrap()
			.iter()
			.any(|e| e == "System.ExtrinsicSuccess"),
		"{keys}"
	);
	node.ok(
		Some(curator),
		&[
			"curator",
			"set-operator-shares",
			"--vault",
			&v,
			"--subnetwork",
			network,
			"--operator",
			operator,
			"--shares",
			"1",
		],
	);
	node.ok(Some(operator), &["operator", "join", network]);

	// A staker deposits in token units; the exposure shows the operator and what a slash could take.
	let deposit = node.ok(Some(staker), &["staker", "deposit", "--vault", &v, "--amount", "100.5"]);
	assert_eq!(amount(&deposit["result"]["amount"]), 100_500_000_000_000);
	node.wait_blocks(1);
	let exposure = node.ok(Some(staker), &["staker", "exposure"]);
	let mine = exposure["vaults"]
		.as_array()
		.unwrap()
		.iter()
		.find(|x| x["vault"].as_u64() == Some(vault))
		.unwrap()
		.clone();
	assert_eq!(amount(&mine["position"]["activeBalance"]), 100_500_000_000_000);
	let pair = &mine["allocations"][0];
	assert_eq!(amount(&pair["stake"]), 100_500_000_000_000, "{mine}");
	assert_eq!(amount(&pair["maxLoss"]), 100_500_000_000_000, "{mine}");
	// The same without --json, as a person reads it.
	let text = Command::new(env!("CARGO_BIN_EXE_rampart"))
		.args(["--url", &node.url, "staker", "exposure", "--account", staker])
		.output()
		.unwrap();
	let text = String::from_utf8_lossy(&text.stdout);
	assert!(
		text.contains("100.5 RAMP active") && text.contains("a slash could take 100.5 RAMP"),
		"{text}"
	);

	// The network slashes 10 RAMP of power (a price of 1: power is base units); the stake falls.
	let slash = node.ok(
		Some(network),
		&["network", "slash", "--operator", operator, "--power", &(10 * UNIT).to_string()],
	);
	assert_eq!(slash["result"]["vaults"][0]["vault"].as_u64(), Some(vault), "{slash}");
	assert_eq!(amount(&slash["result"]["vaults"][0]["amount"]), 10 * UNIT, "{slash}");
	let position = node.ok(Some(staker), &["staker", "position", "--vault", &v]);
	assert_eq!(amount(&position["activeBalance"]), 90_500_000_000_000);

	// The staker withdraws; nothing is claimable before the next epoch ends, and the CLI says so.
	let withdrawn =
		node.ok(Some(staker), &["staker", "withdraw", "--vault", &v, "--amount", "0.5"]);
	assert!(withdrawn["result"]["epoch"].as_u64().is_some(), "{withdrawn}");
	let early = node.fails(Some(staker), 2, &["staker", "claim", "--vault", &v]);
	assert!(early["message"].as_str().unwrap().contains("nothing is claimable"), "{early}");

	// Errors: the chain's name and doc, and what to do.
	let unknown =
		node.fails(Some(staker), 1, &["staker", "deposit", "--vault", "9999", "--amount", "1"]);
	assert_eq!(
		(unknown["pallet"].as_str(), unknown["name"].as_str()),
		(Some("Vaults"), Some("UnknownVault"))
	);
	assert!(
		!unknown["doc"].as_str().unwrap().is_empty() && unknown["advice"].is_string(),
		"{unknown}"
	);
	let poor =
		node.fails(Some(network), 1, &["staker", "deposit", "--vault", &v, "--amount", "2000000"]);
	assert!(poor["advice"].as_str().unwrap().contains("not enough free balance"), "{poor}");
	let no_role = node.fails(
		Some(staker),
		1,
		&["curator", "set-network-limit", "--vault", &v, "--subnetwork", network, "--amount", "1"],
	);
	assert_eq!(no_role["name"], "MissingRole", "{no_role}");
	assert!(no_role["advice"].as_str().unwrap().contains("grant-role"), "{no_role}");
	let grant = node.ok(
		Some(curator),
		&[
			"curator",
			"grant-role",
			"--vault",
			&v,
			"--role",
			"network-limit-setter",
			"--account",
			staker,
		],
	);
	assert_eq!(grant["result"]["granted"], true);
	node.ok(
		Some(staker),
		&["curator", "set-network-limit", "--vault", &v, "--subnetwork", network, "--amount", "1"],
	);

	// Bad input never reaches the chain: exit code 2 and the reason.
	let decimals = node.fails(
		Some(staker),
		2,
		&["staker", "deposit", "--vault", &v, "--amount", "1.0000000000001"],
	);
	assert!(decimals["message"].as_str().unwrap().contains("more decimals"), "{decimals}");
	let bad_account = node.fails(Some(staker), 2, &["operator", "opt-in", "--network", "5Grwva"]);
	assert!(bad_account["message"].as_str().unwrap().contains("not an account"), "{bad_account}");
	let unsigned = node.fails(None, 2, &["network", "register"]);
	assert!(unsigned["message"].as_str().unwrap().contains("--suri"), "{unsigned}");
	std::fs::write(&file, "collateral = \"native\"\nepoch_duration = 10\ndelegator = \"restake\"\nslasher = \"instant\"\nburner = \"burn\"").unwrap();
	let bad_file =
		node.fails(Some(curator), 2, &["curator", "create-vault", file.to_str().unwrap()]);
	assert!(bad_file["message"].as_str().unwrap().contains("one of network-restake"), "{bad_file}");
}
