// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! `rampart-node build-bench-chain`: authors a chain of blocks offline, in the past, so that
//! import and sync can be timed over a chain far longer than a node authors in the time of a
//! test (a dev node authors one block per 6 s slot).
//!
//! The blocks are real: each is built by the runtime on its parent (inherents, then the
//! extrinsics), carries the Aura pre-digest of its slot and the seal of that slot's author, and
//! is imported through the node's GRANDPA block import into the database the node then runs on.
//! Their slots are consecutive and end before the present, so the chain's timestamps are in the
//! past and a node started on it carries on authoring after it. Only chains whose Aura authorities
//! are well-known development keys can be built (the dev and local chains): the seal needs the
//! slot author's secret key.
//!
//! First come `--empty` blocks, inherents only, the ordinary blocks of a quiet chain; then
//! `--full` blocks, each filled with balance transfers (`transfer_keep_alive` to Alice, signed by
//! the other well-known accounts) until the runtime refuses the next one for the block's weight
//! or length, as the node's own block proposer fills a block. A block that rotates the session
//! takes none: `pallet-session` charges a whole block's weight for a rotation.

use std::{sync::Arc, time::Instant};

use codec::Decode;
use rampart_runtime::{opaque::Block, AccountId, RuntimeCall, UNIT};
use sc_cli::{CliConfiguration, ImportParams, SharedParams};
use sc_client_api::{Finalizer, HeaderBackend};
use sc_consensus::{
	BlockImport, BlockImportParams, ForkChoiceStrategy, ImportResult, StateAction, StorageChanges,
};
use sp_api::ProvideRuntimeApi;
use sp_consensus::BlockOrigin;
use sp_consensus_aura::{
	digests::CompatibleDigestItem,
	sr25519::{AuthorityId as AuraId, AuthorityPair as AuraPair, AuthoritySignature},
	Slot,
};
use sp_core::{sr25519, Pair};
use sp_inherents::InherentDataProvider;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	traits::{Block as BlockT, Header as HeaderT},
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	Digest, DigestItem, OpaqueExtrinsic,
};
use substrate_frame_rpc_system::AccountNonceApi;

use crate::{
	service::{self, FullClient},
	signed::signed_by,
};

/// `rampart-node build-bench-chain --chain dev --base-path DIR --empty N --full M`.
#[derive(Debug, clap::Parser)]
pub struct BuildBenchChainCmd {
	/// Blocks of inherents only, authored first.
	#[arg(long, default_value_t = 0)]
	pub empty: u32,

	/// Blocks filled with balance transfers up to the block's limits, authored after the
	/// empty ones.
	#[arg(long, default_value_t = 0)]
	pub full: u32,

	#[allow(missing_docs)]
	#[clap(flatten)]
	pub shared_params: SharedParams,

	#[allow(missing_docs)]
	#[clap(flatten)]
	pub import_params: ImportParams,
}

impl CliConfiguration for BuildBenchChainCmd {
	fn shared_params(&self) -> &SharedParams {
		&self.shared_params
	}

	fn import_params(&self) -> Option<&ImportParams> {
		Some(&self.import_params)
	}
}

/// What a block builder refusing an extrinsic for the block's weight or length looks like.
fn exhausts_resources(error: &sp_blockchain::Error) -> bool {
	matches!(
		error,
		sp_blockchain::Error::ApplyExtrinsicFailed(sp_blockchain::ApplyExtrinsicFailed::Validity(
			TransactionValidityError::Invalid(InvalidTransaction::ExhaustsResources)
		))
	)
}

/// The signers of the full blocks' transfers, with their next nonces, taken in turn.
struct Transfers {
	genesis: sp_core::H256,
	signers: Vec<(sr25519::Pair, u32)>,
	next: usize,
	/// An extrinsic the last block had no room for, to open the next one.
	waiting: Option<OpaqueExtrinsic>,
}

impl Transfers {
	fn new(client: &FullClient, at: sp_core::H256) -> sc_cli::Result<Self> {
		let api = client.runtime_api();
		let signers = Sr25519Keyring::well_known()
			.filter(|k| *k != Sr25519Keyring::Alice)
			.map(|k| {
				let nonce = api
					.account_nonce(at, k.to_account_id())
					.map_err(|e| sc_cli::Error::Application(Box::new(e)))?;
				Ok((k.pair(), nonce))
			})
			.collect::<sc_cli::Result<Vec<_>>>()?;
		Ok(Self { genesis: client.info().genesis_hash, signers, next: 0, waiting: None })
	}

	/// The next transfer, signed; its nonce is taken only once the block includes it.
	fn peek(&mut self) -> OpaqueExtrinsic {
		if let Some(xt) = &self.waiting {
			return xt.clone();
		}
		let (pair, nonce) = &self.signers[self.next];
		let alice: AccountId = Sr25519Keyring::Alice.to_account_id();
		let call = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: alice.into(),
			value: UNIT,
		});
		let bytes = signed_by(self.genesis, pair, *nonce, call);
		let xt = OpaqueExtrinsic::decode(&mut &bytes[..]).expect("an extrinsic decodes as one");
		self.waiting = Some(xt.clone());
		xt
	}

	/// The last peeked transfer is in a block.
	fn taken(&mut self) {
		self.waiting = None;
		self.signers[self.next].1 += 1;
		self.next = (self.next + 1) % self.signers.len();
	}
}

/// The Aura key of a well-known development account that is `author`.
fn dev_key_of(author: &AuraId) -> Option<AuraPair> {
	Sr25519Keyring::iter().find_map(|k| {
		let pair = AuraPair::from_string(&k.to_seed(), None).ok()?;
		(pair.public() == *author).then_some(pair)
	})
}

impl BuildBenchChainCmd {
	/// Authors `--empty` then `--full` blocks on the best block of `client`'s database, imports
	/// them through `block_import` and finalizes them.
	pub async fn run(
		&self,
		client: Arc<FullClient>,
		block_import: service::GrandpaBlockImport,
	) -> sc_cli::Result<()> {
		let blocks = self.empty + self.full;
		let slot_duration = sc_consensus_aura::standalone::slot_duration(&*client)
			.map_err(|e| sc_cli::Error::Application(Box::new(e)))?;
		let info = client.info();
		let best = client
			.header(info.best_hash)?
			.ok_or_else(|| sc_cli::Error::Input("the database has no best block".into()))?;
		let parent_slot =
			sc_consensus_aura::standalone::find_pre_digest::<Block, AuthoritySignature>(&best)
				.map_err(|e| sc_cli::Error::Application(Box::new(e)))?;
		// The last block's slot is the one before the present one.
		let now = Slot::from_timestamp(sp_timestamp::Timestamp::current(), slot_duration);
		let first_slot = u64::from(now).saturating_sub(u64::from(blocks));
		if first_slot <= u64::from(parent_slot) {
			return Err(sc_cli::Error::Input(format!(
				"the best block #{} is at slot {parent_slot}, too recent to put {blocks} \
				 blocks of {} ms between it and now",
				best.number(),
				slot_duration.as_millis()
			)));
		}

		let mut transfers = Transfers::new(&client, info.best_hash)?;
		let started = Instant::now();
		let mut parent = best;
		let mut signed = 0usize;
		for i in 0..blocks {
			let slot = Slot::from(first_slot + u64::from(i));
			let fill = i >= self.empty;
			let (header, body, changes, count) =
				build_block(&client, &parent, slot, slot_duration, fill.then_some(&mut transfers))
					.await?;
			signed += count;
			let hash = header.hash();
			let seal = seal(&client, &parent, slot, &header)?;
			// The next block's parent: this header with its seal, as the database stores it.
			let mut sealed_header = header.clone();
			sealed_header.digest_mut().push(seal.clone());
			let mut params = BlockImportParams::new(BlockOrigin::Own, header.clone());
			params.post_digests.push(seal);
			params.body = Some(body);
			params.state_action = StateAction::ApplyChanges(StorageChanges::Changes(changes));
			params.fork_choice = Some(ForkChoiceStrategy::LongestChain);
			let sealed = params.post_hash();
			match block_import.import_block(params).await {
				Ok(ImportResult::Imported(_)) => {},
				Ok(other) => {
					return Err(sc_cli::Error::Input(format!(
						"block #{} ({hash}) was not imported: {other:?}",
						header.number()
					)))
				},
				Err(e) => return Err(sc_cli::Error::Application(Box::new(e))),
			}
			client.finalize_block(sealed, None, true)?;
			debug_assert_eq!(sealed_header.hash(), sealed);
			parent = sealed_header;
			if (i + 1) % 100 == 0 || fill {
				eprintln!(
					"bench chain: #{} ({} of {blocks}), {count} signed extrinsics, {:.1} s",
					parent.number(),
					i + 1,
					started.elapsed().as_secs_f64()
				);
			}
		}
		println!(
			"built {blocks} blocks ({} empty, {} full, {signed} signed extrinsics) up to #{} in \
			 {:.1} s",
			self.empty,
			self.full,
			parent.number(),
			started.elapsed().as_secs_f64()
		);
		Ok(())
	}
}

type Header = <Block as BlockT>::Header;

/// Builds the block of `slot` on `parent`: its inherents, then, given `transfers`, as many
/// transfers as the runtime takes. Returns the unsealed header, the body, the storage changes
/// and the number of signed extrinsics.
async fn build_block(
	client: &FullClient,
	parent: &Header,
	slot: Slot,
	slot_duration: sp_consensus_aura::SlotDuration,
	transfers: Option<&mut Transfers>,
) -> sc_cli::Result<(Header, Vec<OpaqueExtrinsic>, sp_api::StorageChanges<Block>, usize)> {
	let timestamp = sp_timestamp::Timestamp::new(u64::from(slot) * slot_duration.as_millis());
	let inherent_data = (
		sp_timestamp::InherentDataProvider::new(timestamp),
		sp_consensus_aura::inherents::InherentDataProvider::new(slot),
	)
		.create_inherent_data()
		.await
		.map_err(|e| sc_cli::Error::Application(Box::new(e)))?;
	let digest = Digest {
		logs: vec![<DigestItem as CompatibleDigestItem<AuthoritySignature>>::aura_pre_digest(slot)],
	};
	let mut builder = sc_block_builder::BlockBuilderBuilder::new(client)
		.on_parent_block(parent.hash())
		.with_parent_block_number(*parent.number())
		.with_inherent_digests(digest)
		.build()?;
	for xt in builder.create_inherents(inherent_data)? {
		builder.push(xt)?;
	}
	let mut signed = 0;
	if let Some(transfers) = transfers {
		loop {
			match builder.push(transfers.peek()) {
				Ok(()) => {
					transfers.taken();
					signed += 1;
				},
				Err(e) if exhausts_resources(&e) => break,
				Err(e) => return Err(e.into()),
			}
		}
	}
	let (block, changes) = builder.build()?.into_inner();
	let (header, body) = block.deconstruct();
	Ok((header, body, changes, signed))
}

/// The seal of `header`, signed by the author of `slot` among the Aura authorities at
/// `parent`, which must be a well-known development key.
fn seal(
	client: &FullClient,
	parent: &Header,
	slot: Slot,
	header: &Header,
) -> sc_cli::Result<DigestItem> {
	let authorities: Vec<AuraId> =
		sc_consensus_aura::standalone::fetch_authorities(client, parent.hash())
			.map_err(|e| sc_cli::Error::Application(Box::new(e)))?;
	let author = sc_consensus_aura::standalone::slot_author::<AuraPair>(slot, &authorities)
		.ok_or_else(|| sc_cli::Error::Input("the chain has no Aura authority".into()))?;
	let key = dev_key_of(author).ok_or_else(|| {
		sc_cli::Error::Input(format!(
			"the author of slot {slot}, {author:?}, is not a well-known development key"
		))
	})?;
	let signature = key.sign(header.hash().as_ref());
	Ok(<DigestItem as CompatibleDigestItem<AuthoritySignature>>::aura_seal(signature))
}
