// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Records of the registry and the signed opt-in message.

use crate::Config;
use alloc::vec::Vec;
use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{
	traits::{Footprint, Get},
	BoundedVec,
};
use rampart_primitives::{checkpoints::Trace, OptInTarget};
use scale_info::TypeInfo;

/// A network registered at genesis.
#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GenesisNetwork<AccountId> {
	/// The network's account.
	pub network: AccountId,
	/// Its middleware, if it names one.
	pub middleware: Option<AccountId>,
}

/// An opt-in in force from genesis.
#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GenesisOptIn<AccountId> {
	/// The operator opting in.
	pub operator: AccountId,
	/// The network or vault it opts into.
	pub target: OptInTarget<AccountId>,
}

/// Block numbers as the restaking pallets' one clock counts them.
pub use rampart_primitives::clock::BlockNumberOf;

/// A metadata URL, at most [`Config::MaxMetadataLen`] bytes.
pub type MetadataOf<T> = BoundedVec<u8, <T as Config>::MaxMetadataLen>;

/// The opt-in history of one (operator, target) pair.
pub type OptInHistoryOf<T> = OptInHistory<BlockNumberOf<T>, <T as Config>::MaxOptInHistory>;

/// The opt-in history of one (operator, target) pair: `true` from each opt-in, `false` from each
/// opt-out, and the block of the latest change.
///
/// The trace keeps one entry per block and drops an entry that repeats the one before it, so an
/// opt-out and an opt-in in the same block leave no trace of that block. `changed_at` keeps
/// it: the opt-out cooldown (no opt-out in the block of the latest change, as the reference's
/// `OptOutCooldown`) reads it rather than the trace's newest key.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
#[scale_info(skip_type_params(S))]
#[codec(mel_bound(B: MaxEncodedLen))]
pub struct OptInHistory<B, S: Get<u32>> {
	/// The opt-in values by block.
	pub trace: Trace<B, bool, S>,
	/// The block of the latest opt-in or opt-out, even one the trace folded away.
	pub changed_at: Option<B>,
}

impl<B: Default, S: Get<u32>> Default for OptInHistory<B, S> {
	fn default() -> Self {
		Self { trace: Trace::default(), changed_at: None }
	}
}

impl<B, S: Get<u32>> core::ops::Deref for OptInHistory<B, S> {
	type Target = Trace<B, bool, S>;
	fn deref(&self) -> &Self::Target {
		&self.trace
	}
}

/// A registered network.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct NetworkRecord<AccountId, Metadata, Ticket, BlockNumber> {
	/// The one account allowed to slash and distribute rewards in the network's name.
	pub middleware: Option<AccountId>,
	/// Where the network describes itself.
	pub metadata: Metadata,
	/// The block of registration.
	pub registered_at: BlockNumber,
	/// The storage deposit held for this record.
	pub deposit: Ticket,
}

/// A registered operator.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct OperatorRecord<Metadata, Ticket, BlockNumber> {
	/// Where the operator describes itself.
	pub metadata: Metadata,
	/// The block of registration.
	pub registered_at: BlockNumber,
	/// The storage deposit held for this record.
	pub deposit: Ticket,
}

/// A [`NetworkRecord`] of runtime `T`.
pub type NetworkRecordOf<T> = NetworkRecord<
	<T as frame_system::Config>::AccountId,
	MetadataOf<T>,
	<T as Config>::Consideration,
	BlockNumberOf<T>,
>;

/// An [`OperatorRecord`] of runtime `T`.
pub type OperatorRecordOf<T> =
	OperatorRecord<MetadataOf<T>, <T as Config>::Consideration, BlockNumberOf<T>>;

/// The storage footprint a registration deposit pays for: one record of `encoded_len` bytes.
pub(crate) fn footprint(encoded_len: usize) -> Footprint {
	Footprint::from_parts(1, encoded_len)
}

/// What a signed message asks for.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub enum OptInAction {
	/// Opt in.
	OptIn,
	/// Opt out.
	OptOut,
}

/// The domain tag that starts every signed opt-in message.
pub const OPT_IN_DOMAIN: [u8; 16] = *b"rampart/opt-in/1";

/// The message an operator signs so that someone else can opt it in or out.
///
/// The signature covers the SCALE encoding of this struct (or that encoding wrapped in
/// `<Bytes>..</Bytes>`). The domain (tag, genesis hash and pallet name) stops a signature from
/// being replayed on another chain or pallet; the nonce stops it from being replayed here.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct OptInMessage<AccountId, Hash, BlockNumber> {
	/// Always [`OPT_IN_DOMAIN`].
	pub domain: [u8; 16],
	/// The hash of this chain's genesis block.
	pub genesis_hash: Hash,
	/// The name of the registry pallet in the runtime (e.g. `b"Registry"`).
	pub pallet: Vec<u8>,
	/// Opt in or opt out.
	pub action: OptInAction,
	/// The operator, who signs.
	pub operator: AccountId,
	/// The network or vault.
	pub target: OptInTarget<AccountId>,
	/// The pair's nonce when the message is used.
	pub nonce: u64,
	/// The last block at which the message may be used.
	pub deadline: BlockNumber,
}

/// Creates keys and signatures inside benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<Signature, AccountId> {
	/// A new key pair the helper can sign with, as its account.
	fn signer() -> AccountId;
	/// `signer`'s signature over `message`.
	fn sign(signer: &AccountId, message: &[u8]) -> Signature;
}
