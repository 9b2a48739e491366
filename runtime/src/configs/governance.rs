// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Governance of the reference chain: a sudo key (development and test networks).

use crate::{weights, Runtime, RuntimeCall, RuntimeEvent};

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = weights::pallet_sudo::WeightInfo<Runtime>;
}
