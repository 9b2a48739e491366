// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Bad input to the node ends with a clear error message and a failure exit code, never with a
//! panic trace: an unknown chain, an unusable or corrupt database, a port already in use.

mod common;

use std::{net::TcpListener, time::Duration};

use common::*;

/// Generous: the end-to-end lanes run nodes side by side on 2 cores.
const LIMIT: Duration = Duration::from_secs(180);

#[test]
fn unknown_chain_name_is_refused_clearly() {
	let tmp = TempDir::new("unknown-chain");
	let base = tmp.path().to_string_lossy().to_string();
	let (code, out) = run_to_exit(&["--chain", "no-such-chain", "--base-path", &base], LIMIT);
	assert_clean_failure(code, &out, "unknown chain `no-such-chain`");
}

#[test]
fn rpc_port_in_use_is_refused_clearly() {
	let tmp = TempDir::new("port-in-use");
	let base = tmp.path().to_string_lossy().to_string();
	let taken = TcpListener::bind("127.0.0.1:0").expect("can bind loopback");
	let port = taken.local_addr().expect("bound").port().to_string();
	let p2p = free_port().to_string();
	let (code, out) = run_to_exit(
		&[
			"--dev",
			"--base-path",
			&base,
			"--rpc-port",
			&port,
			"--port",
			&p2p,
			"--no-mdns",
			"--no-telemetry",
			"--no-prometheus",
		],
		LIMIT,
	);
	assert_clean_failure(code, &out, "in use");
	drop(taken);
}

#[test]
fn database_path_that_cannot_exist_is_refused_clearly() {
	let tmp = TempDir::new("bad-path");
	// A regular file where the node's base folder should be.
	let file = tmp.path().join("not-a-folder");
	std::fs::write(&file, b"plain file").expect("can write a file");
	let base = file.join("sub").to_string_lossy().to_string();
	let (code, out) = run_to_exit(
		&["--dev", "--base-path", &base, "--no-mdns", "--no-telemetry", "--no-prometheus"],
		LIMIT,
	);
	assert_clean_failure(code, &out, "error");
}

#[test]
fn corrupt_database_is_refused_clearly() {
	let tmp = TempDir::new("corrupt-db");
	let base = tmp.path().join("node");
	let base_s = base.to_string_lossy().to_string();
	let rpc = free_port();
	let p2p = free_port();

	// A dev node writes a real ParityDB with a few blocks.
	let mut args: Vec<String> = vec!["--dev".into(), "--base-path".into(), base_s.clone()];
	args.extend(loopback_flags(p2p, rpc));
	let mut node = Node::start("corrupt-db", tmp.path(), rpc, p2p, &args);
	node.wait_for("block #1", Duration::from_secs(240), |n| n.best_number().filter(|b| *b >= 1));
	node.kill();

	// Overwrite every file of the database with garbage.
	let db = base.join("chains").join("rampart_dev").join("paritydb").join("full");
	let mut corrupted = 0;
	for entry in std::fs::read_dir(&db).expect("the database folder exists") {
		let path = entry.expect("readable entry").path();
		if path.is_file() {
			let len = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0).max(64) as usize;
			std::fs::write(&path, vec![0xA5u8; len]).expect("can overwrite");
			corrupted += 1;
		}
	}
	assert!(corrupted > 0, "found no database files in {}", db.display());

	let (code, out) = run_to_exit(
		&[
			"--dev",
			"--base-path",
			&base_s,
			"--no-mdns",
			"--no-telemetry",
			"--no-prometheus",
			"--rpc-port",
			&free_port().to_string(),
			"--port",
			&free_port().to_string(),
		],
		LIMIT,
	);
	assert_clean_failure(code, &out, "database");
}

#[test]
fn purge_chain_of_a_missing_database_says_so() {
	let tmp = TempDir::new("purge-missing");
	let base = tmp.path().join("never-created").to_string_lossy().to_string();
	let (code, out) = run_to_exit(&["purge-chain", "--dev", "--base-path", &base, "-y"], LIMIT);
	assert_eq!(code, Some(0), "{out}");
	assert!(out.contains("did not exist"), "{out}");
}
