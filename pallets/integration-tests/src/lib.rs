// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Rampart's pallets in one mock runtime (`frame-system`, `pallet-balances`, `pallet-assets`, the
//! registry, the vaults, the delegation, the slashing, the rewards and the middleware pallets,
//! wired through the glue traits as the reference runtime wires them), and tests of whole
//! lifecycles across them. Each pallet's own
//! behaviour is tested in its crate against doubles; here the pallets meet.

#![cfg(test)]

/// The reference runtime's benchmark helpers against the real pallets.
#[cfg(feature = "runtime-benchmarks")]
mod benchmark_helpers;
mod differential;
mod economics;
mod middleware;
mod mock;
mod oracle;
mod random;
mod restaking;
mod rewards;
mod slashing;
