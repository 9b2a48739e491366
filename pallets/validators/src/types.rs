// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The pallet's types.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::Get, BoundedVec};
use scale_info::TypeInfo;
use sp_runtime::Perbill;
use sp_staking::{offence::Kind, SessionIndex};

/// The id of a slash this pallet schedules.
pub type SlashId = u64;

/// How governance treats one kind of offence (`sp_staking::offence::Kind`, e.g.
/// `*b"grandpa:equivoca"`).
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct OffencePolicy {
	/// The part of the offence's own slash fraction that is taken: the offender loses
	/// `fraction · slash` of its power at the capture of the session it offended in. One hundred
	/// percent follows the offence's formula; zero only disables the offender.
	pub slash: Perbill,
	/// Whether slashes of this kind wait `VetoWindow` blocks, during which governance may cancel
	/// them (`cancel_slash`). Otherwise they apply at the next block.
	pub veto: bool,
}

impl Default for OffencePolicy {
	/// Slash as the offence says, at once.
	fn default() -> Self {
		Self { slash: Perbill::one(), veto: false }
	}
}

/// A slash scheduled for an offence, waiting for its block.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct PendingSlash<AccountId, Capture, BlockNumber> {
	/// The offending validator (its operator account).
	pub offender: AccountId,
	/// The kind of offence.
	pub kind: Kind,
	/// The session it offended in.
	pub session: SessionIndex,
	/// The block whose stake that session's set was chosen by: the slash is against it.
	pub capture: Capture,
	/// The power to slash.
	pub power: u128,
	/// The offender's slash record in the session before this slash, and with it: a
	/// cancellation puts the record back.
	pub record: (Perbill, Perbill),
	/// The block from which it applies (`on_initialize` of that block).
	pub apply_at: BlockNumber,
	/// Whether governance may cancel it until then (its kind's policy had a veto).
	pub veto: bool,
}

/// The election of a session's set, read in chunks over the blocks before its rotation.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
#[scale_info(skip_type_params(MaxOperators))]
#[codec(mel_bound(AccountId: MaxEncodedLen, Capture: MaxEncodedLen))]
pub struct Election<AccountId, Capture, MaxOperators: Get<u32>> {
	/// The session whose set it elects.
	pub session: SessionIndex,
	/// The block whose stake it reads.
	pub capture: Capture,
	/// The listed operators not read yet.
	pub pending: BoundedVec<AccountId, MaxOperators>,
	/// The candidates read so far, with their power at the capture.
	pub candidates: BoundedVec<(AccountId, u128), MaxOperators>,
}

/// What a finished session pays its validators, waiting to be paid.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
#[scale_info(skip_type_params(MaxValidators))]
#[codec(mel_bound(AccountId: MaxEncodedLen, Capture: MaxEncodedLen))]
pub struct SessionPayout<AccountId, Capture, MaxValidators: Get<u32>> {
	/// The block whose stake elected the session's set: the stakers at it are paid.
	pub capture: Capture,
	/// The amount of the reward asset.
	pub amount: u128,
	/// Blocks each validator authored in the session.
	pub points: BoundedVec<(AccountId, u32), MaxValidators>,
}

/// The full identification of a validator in the historical sessions: none beyond its account
/// (its stake is read from the middleware at the session's capture, not from the proof).
pub struct Identified;

impl<AccountId> sp_runtime::traits::Convert<AccountId, Option<()>> for Identified {
	fn convert(_: AccountId) -> Option<()> {
		Some(())
	}
}
