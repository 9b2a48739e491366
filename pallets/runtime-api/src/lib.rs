// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! # Rampart runtime API
//!
//! One versioned runtime API, [`RampartApi`], for what clients read about restaking: vaults and
//! positions, stake and power at a block, slash requests, pending rewards, and the views nobody
//! else gives restakers: the **exposure** of an account or an operator (everything through which
//! its collateral can be slashed now, and the worst case if every slash that could execute did)
//! and the **concentration** of a subnetwork's power.
//!
//! The node serves it as `rampart_*` JSON-RPC methods. Every method is bounded: the limits are
//! the constants of this crate, and a method that stops at one says where to continue.
//!
//! Amounts are in base units of the vault's collateral (or of the reward asset); in JSON they are
//! decimal strings, since JavaScript numbers stop being exact at 2^53.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::{string::String, vec::Vec};
use codec::{Decode, Encode};
use rampart_primitives::{DelegatorKind, SlasherKind, Subnetwork, VaultId};
use scale_info::TypeInfo;

/// Slash request ids.
pub type RequestId = u64;

/// The most items one page of slash requests holds.
pub const MAX_REQUESTS_PER_PAGE: u32 = 64;
/// The most request ids one page of a subnetwork's requests looks at (requests are not indexed
/// by subnetwork, so the page scans ids in order and says where it stopped).
pub const MAX_REQUEST_IDS_SCANNED: u32 = 1_024;
/// The most vault ids one page of an account's exposure or rewards looks at.
pub const MAX_VAULTS_PER_PAGE: u32 = 128;
/// The most allocation entries (subnetworks and operators) read per vault.
pub const MAX_ALLOCATIONS_PER_VAULT: u32 = 64;
/// The most pending slash requests listed per vault in an exposure.
pub const MAX_REQUESTS_PER_VAULT: u32 = 16;
/// The most opt-ins read for an operator's exposure.
pub const MAX_OPT_INS: u32 = 128;
/// The most subnetworks of one network in a network view.
pub const MAX_SUBNETWORKS: u32 = 16;
/// The most reward sources (streams of a vault, or sources of an operator) listed.
pub const MAX_REWARD_SOURCES: u32 = 16;
/// The distributions of one stream a pending-rewards answer counts: what one claim of that many
/// pays (a runtime whose claims take fewer counts that many).
pub const MAX_DISTRIBUTIONS_COUNTED: u32 = 16;
/// How many epochs back from the current one a position lists withdrawals.
pub const WITHDRAWAL_EPOCHS_LISTED: u32 = 16;

#[cfg(feature = "std")]
mod as_string {
	//! `u128` as a decimal string in JSON.
	use serde::{Deserialize, Deserializer, Serializer};

	pub fn serialize<S: Serializer>(value: &u128, s: S) -> Result<S::Ok, S::Error> {
		s.serialize_str(&value.to_string())
	}

	pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<u128, D::Error> {
		let text = String::deserialize(d)?;
		text.parse().map_err(serde::de::Error::custom)
	}
}

macro_rules! api_type {
	($(#[$meta:meta])* $vis:vis $kind:ident $name:ident $($rest:tt)*) => {
		$(#[$meta])*
		#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
		#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
		#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
		$vis $kind $name $($rest)*
	};
}

api_type! {
	/// Why a method gave no answer.
	pub enum ApiError {
		/// No vault has this id.
		UnknownVault,
		/// The account is not a registered network.
		UnknownNetwork,
		/// The account is not a registered operator.
		UnknownOperator,
		/// The block lies after the block the state was read at.
		FutureBlock,
		/// The block lies before what the histories still answer for (about one epoch of the
		/// vault, or the registry's and middleware's retention windows).
		HistoryPruned,
		/// A page or list asked for more than the method's bound.
		TooManyItems,
		/// The chain answered with another error (its name).
		Other(String),
	}
}

api_type! {
	/// A vault's settings and pools now.
	pub struct VaultSummary<AccountId, AssetKind, BlockNumber> {
		/// The vault.
		pub vault: VaultId,
		/// Who created it.
		pub creator: AccountId,
		/// Its collateral.
		pub collateral: AssetKind,
		/// How it delegates stake.
		pub delegator: DelegatorKind<AccountId>,
		/// How it is slashed.
		pub slasher: SlasherKind<BlockNumber>,
		/// Blocks per epoch.
		pub epoch_duration: BlockNumber,
		/// The epoch it is in now.
		pub current_epoch: BlockNumber,
		/// The first block of the next epoch.
		pub next_epoch_start: BlockNumber,
		/// Active stake `A`.
		#[cfg_attr(feature = "std", serde(with = "as_string"))]
		pub active_stake: u128,
		/// Active shares `S`.
		#[cfg_attr(feature = "std", serde(with = "as_string"))]
		pub active_shares: u128,
		/// The withdrawals of the current epoch, claimable when it ends.
		#[cfg_attr(feature = "std", serde(with = "as_string"))]
		pub withdrawals_current: u128,
		/// The withdrawals of the next epoch.
		#[cfg_attr(feature = "std", serde(with = "as_string"))]
		pub withdrawals_next: u128,
		/// Everything still slashable: `A + W[cur] + W[cur+1]`.
		#[cfg_attr(feature = "std", serde(with = "as_string"))]
		pub total_stake: u128,
		/// Whether only whitelisted accounts may deposit.
		pub deposit_whitelist: bool,
		/// The deposit limit, if any.
		pub deposit_limit: Option<DepositLimit>,
	}
}

api_type! {
	/// A deposit limit.
	pub struct DepositLimit {
		/// The most active stake deposits may reach.
		#[cfg_attr(feature = "std", serde(with = "as_string"))]
		pub limit: u128,
	}
}

api_type! {
	/// A claim on a withdrawal bucket.
	pub struct Withdrawal<BlockNumber> {
		/// The bucket's epoch: the argument `claim` takes.
		pub epoch: BlockNumber,
		/// What the claim pays (slashes of the bucket included).
		#[cfg_attr(feature = "std", serde(with = "as_string"))]
		pub amount: u128,
		/// Whether the epoch ended, so that it can be claimed now.
		pub claimable: bool,
		/// Whether a slash can still reach it.
		pub slashable: bool,
	}
}

api_type! {
	/// An account's position in a vault.
	pub struct Position<BlockNumber> {
		/// The vault.
		pub vault: VaultId,
		/// Its active shares.
		#[cfg_attr(feature = "std", serde(with = "as_string"))]
		pub shares: u128,
		/// What they are worth now, rounded down.
		#[cfg_attr(feature = "std", serde(with = "as_string"))]
		pub active_balance: u128,
		/// Unclaimed withdrawals of the last [`WITHDRAWAL_EPOCHS_LISTED`] epochs and the next
		/// one, oldest first.
		pub withdrawals: Vec<Withdrawal<BlockNumber>>,
		/// What a slash can still reach: the active balance and the withdrawals of the current
		/// and next epoch.
		#[cfg_attr(feature = "std", serde(with = "as_string"))]
		pub slashable_balance: u128,
	}
}

api_type! {
	/// A vault's part of an operator's power.
	pub struct VaultPart {
		/// The vault.
		pub vault: VaultId,
		/// The stake it gives the operator, in its collateral.
		#[cfg_attr(feature = "std", serde(with = "as_string"))]
		pub stake: u128,
		/// That stake valued by the subnetwork.
		#[cfg_attr(feature = "std", serde(with = "as_string"))]
		pub power: u128,
	}
}

api_type! {
	/// An operator's power in a subnetwork.
	pub struct OperatorPower<AccountId> {
		/// The operator.
		pub operator: AccountId,
		/// Its power before the subnetwork's cap.
		#[cfg_attr(feature = "std", serde(with = "as_string"))]
		pub power: u128,
		/// Its power after the cap (equal to `power` outside an operator set).
		#[cfg_attr(feature = "std", serde(with = "as_string"))]
		pub capped: u128,
		/// Each accepted vault's part.
		pub vaults: Vec<VaultPart>,
	}
}

api_type! {
	/// A subnetwork's operator set at a block.
	pub struct OperatorSet<AccountId, BlockNumber> {
		/// The subnetwork.
		pub subnetwork: Subnetwork<AccountId>,
		/// The block.
		pub at: BlockNumber,
		/// The operators, strongest first.
		pub operators: Vec<OperatorPower<AccountId>>,
		/// The sum of their capped power.
		#[cfg_attr(feature = "std", serde(with = "as_string"))]
		pub total: u128,
	}
}

api_type! {
	/// Where a slash request stands.
	pub enum RequestStatus<BlockNumber> {
		/// Waiting for its veto deadline, a veto, or execution.
		Pending,
		/// Its resolver vetoed it.
		Vetoed,
		/// Executed at `at`: `slashed` taken from the operator's guarantee, `moved` out of the
		/// vault.
		Executed {
			/// The amount slashed.
			#[cfg_attr(feature = "std", serde(with = "as_string"))]
			slashed: u128,
			/// The collateral moved to the burner.
			#[cfg_attr(feature = "std", serde(with = "as_string"))]
			moved: u128,
			/// The block.
			at: BlockNumber,
		},
		/// Its window ended while it was pending.
		Expired,
	}
}

api_type! {
	/// A slash request of a veto slasher.
	pub struct SlashRequest<AccountId, BlockNumber> {
		/// Its id: the argument of `execute_slash` and `veto_slash`.
		pub id: RequestId,
		/// The vault.
		pub vault: VaultId,
		/// The subnetwork that asked.
		pub subnetwork: Subnetwork<AccountId>,
		/// The operator.
		pub operator: AccountId,
		/// The amount asked, capped by what was slashable when asked.
		#[cfg_attr(feature = "std", serde(with = "as_string"))]
		pub amount: u128,
		/// The capture block.
		pub capture: BlockNumber,
		/// From this block it may execute (when a resolver watches).
		pub veto_deadline: BlockNumber,
		/// Where it stands now.
		pub status: RequestStatus<BlockNumber>,
	}
}

api_type! {
	/// Whose slash requests a page lists.
	pub enum RequestFilter<AccountId> {
		/// One vault's, in the order they were made.
		Vault(VaultId),
		/// One subnetwork's, in id order, across vaults.
		Subnetwork(Subnetwork<AccountId>),
	}
}

api_type! {
	/// A page of slash requests.
	pub struct RequestPage<AccountId, BlockNumber> {
		/// The requests.
		pub requests: Vec<SlashRequest<AccountId, BlockNumber>>,
		/// Where the next page starts (`from` of the next call), if there may be more.
		pub next: Option<u64>,
	}
}

api_type! {
	/// Staker rewards an account can claim from one stream.
	pub struct StakerReward<AccountId, AssetKind> {
		/// The vault.
		pub vault: VaultId,
		/// The paying network.
		pub network: AccountId,
		/// The asset.
		pub asset: AssetKind,
		/// What claiming up to [`MAX_DISTRIBUTIONS_COUNTED`] distributions pays now.
		#[cfg_attr(feature = "std", serde(with = "as_string"))]
		pub amount: u128,
	}
}

api_type! {
	/// Operator rewards to claim.
	pub struct OperatorReward<AccountId, AssetKind> {
		/// The paying network.
		pub network: AccountId,
		/// The asset.
		pub asset: AssetKind,
		/// The amount.
		#[cfg_attr(feature = "std", serde(with = "as_string"))]
		pub amount: u128,
	}
}

api_type! {
	/// Curator fees a vault's fee claimer can claim.
	pub struct CuratorFee<AssetKind> {
		/// The vault.
		pub vault: VaultId,
		/// The asset.
		pub asset: AssetKind,
		/// The amount.
		#[cfg_attr(feature = "std", serde(with = "as_string"))]
		pub amount: u128,
	}
}

api_type! {
	/// Everything an account can claim: as a staker (vaults it holds shares in), as an operator,
	/// and as a vault's fee claimer.
	pub struct PendingRewards<AccountId, AssetKind> {
		/// As a staker.
		pub staker: Vec<StakerReward<AccountId, AssetKind>>,
		/// As an operator.
		pub operator: Vec<OperatorReward<AccountId, AssetKind>>,
		/// As a fee claimer.
		pub curator: Vec<CuratorFee<AssetKind>>,
		/// The first vault id this page did not look at, if any: pass it as `from` for more.
		pub next_vault: Option<VaultId>,
	}
}

api_type! {
	/// What one (subnetwork, operator) could take from a vault now, and the account's part.
	pub struct AllocationExposure<AccountId> {
		/// The subnetwork (its network is `subnetwork.network`).
		pub subnetwork: Subnetwork<AccountId>,
		/// The operator.
		pub operator: AccountId,
		/// The stake the vault gives the pair now.
		#[cfg_attr(feature = "std", serde(with = "as_string"))]
		pub stake: u128,
		/// The most a slash (or request) submitted now could take from the vault when included in
		/// the next block: the most any capture still legal then allows (from this block back to
		/// one epoch), within the vault's slashable pools. Not always the newest capture's: a
		/// limit lowered within the window leaves the earlier captures with more.
		#[cfg_attr(feature = "std", serde(with = "as_string"))]
		pub max_slash: u128,
		/// The most the account loses to one slash of the pair (slashes fall on active stake and
		/// withdrawals pro rata, the previous epoch's withdrawals only for a capture in that
		/// epoch; for an operator's exposure, `max_slash`).
		#[cfg_attr(feature = "std", serde(with = "as_string"))]
		pub max_loss: u128,
	}
}

api_type! {
	/// An account's exposure through one vault.
	pub struct VaultExposure<AccountId, AssetKind, BlockNumber> {
		/// The vault.
		pub vault: VaultId,
		/// Its collateral.
		pub collateral: AssetKind,
		/// The account's position.
		pub position: Position<BlockNumber>,
		/// Every (subnetwork, operator) the vault's stake is allocated to with something
		/// slashable, largest first.
		pub allocations: Vec<AllocationExposure<AccountId>>,
		/// Whether the vault allocates to more than [`MAX_ALLOCATIONS_PER_VAULT`] entries, so
		/// that `allocations` is incomplete.
		pub allocations_truncated: bool,
		/// At most what the account loses if every listed slash executed at once, in any order
		/// and with any legal captures: its pro-rata part of their sum in active stake and the
		/// next epoch's withdrawals, plus its part of what captures in the previous epoch take
		/// from that epoch's withdrawals; never more than its slashable balance.
		#[cfg_attr(feature = "std", serde(with = "as_string"))]
		pub max_loss: u128,
		/// Pending slash requests against the vault (up to [`MAX_REQUESTS_PER_VAULT`]).
		pub pending_requests: Vec<SlashRequest<AccountId, BlockNumber>>,
	}
}

api_type! {
	/// Everything through which an account's collateral can be slashed.
	pub struct AccountExposure<AccountId, AssetKind, BlockNumber> {
		/// The account.
		pub account: AccountId,
		/// The block the answer is for.
		pub at: BlockNumber,
		/// Each vault the account has a position in (among the vault ids this page looked at).
		pub vaults: Vec<VaultExposure<AccountId, AssetKind, BlockNumber>>,
		/// The total maximum loss per collateral if every slash that could execute now did.
		pub max_loss: Vec<AssetAmount<AssetKind>>,
		/// The first vault id this page did not look at, if any: pass it as `from` for more.
		pub next_vault: Option<VaultId>,
	}
}

api_type! {
	/// An amount of an asset.
	pub struct AssetAmount<AssetKind> {
		/// The asset.
		pub asset: AssetKind,
		/// The amount.
		#[cfg_attr(feature = "std", serde(with = "as_string"))]
		pub amount: u128,
	}
}

api_type! {
	/// An operator's stake in one vault.
	pub struct OperatorVault<AccountId, AssetKind> {
		/// The vault.
		pub vault: VaultId,
		/// Its collateral.
		pub collateral: AssetKind,
		/// Each subnetwork the vault gives the operator stake in.
		pub allocations: Vec<AllocationExposure<AccountId>>,
		/// What all of them could slash at once, capped by the vault's slashable pools.
		#[cfg_attr(feature = "std", serde(with = "as_string"))]
		pub at_risk: u128,
	}
}

api_type! {
	/// Where an operator stands: the networks and vaults it is opted into, and what is at risk.
	pub struct OperatorExposure<AccountId, AssetKind, BlockNumber> {
		/// The operator.
		pub operator: AccountId,
		/// The block the answer is for.
		pub at: BlockNumber,
		/// The networks it is opted into now.
		pub networks: Vec<AccountId>,
		/// The vaults it is opted into now, or left so recently that captures from before it
		/// left are still slashable, with what is at risk.
		pub vaults: Vec<OperatorVault<AccountId, AssetKind>>,
		/// The total at risk per collateral.
		pub at_risk: Vec<AssetAmount<AssetKind>>,
		/// Whether the operator has more than [`MAX_OPT_INS`] opt-ins, so that the lists are
		/// incomplete.
		pub truncated: bool,
	}
}

api_type! {
	/// A subnetwork as the middleware pallet manages it.
	pub struct SubnetworkView<AccountId, BlockNumber> {
		/// The vaults it accepts now.
		pub vaults: Vec<VaultId>,
		/// Its operator set now.
		pub operator_set: OperatorSet<AccountId, BlockNumber>,
	}
}

api_type! {
	/// A network: its middleware and its subnetworks.
	pub struct NetworkView<AccountId, BlockNumber> {
		/// The network.
		pub network: AccountId,
		/// The account that slashes and pays in its name.
		pub middleware: Option<AccountId>,
		/// Whether the middleware pallet acts for it (otherwise its subnetworks list what the
		/// pallet knows, usually nothing).
		pub managed: bool,
		/// The subnetworks asked for.
		pub subnetworks: Vec<SubnetworkView<AccountId, BlockNumber>>,
	}
}

api_type! {
	/// How concentrated a subnetwork's power is.
	pub struct Concentration<AccountId, BlockNumber> {
		/// The subnetwork.
		pub subnetwork: Subnetwork<AccountId>,
		/// The block.
		pub at: BlockNumber,
		/// Operators in the set.
		pub operators: u32,
		/// Their total (capped) power.
		#[cfg_attr(feature = "std", serde(with = "as_string"))]
		pub total_power: u128,
		/// The strongest operator's share, in parts per million.
		pub top_share_ppm: u32,
		/// The Herfindahl-Hirschman index of the shares, 0 to 10 000 (10 000: one operator).
		pub hhi: u32,
		/// The fewest operators holding more than 1/3 of the power (enough to halt BFT
		/// finality).
		pub nakamoto_third: u32,
		/// The fewest operators holding at least 2/3 of the power (enough to finalize alone).
		pub nakamoto_two_thirds: u32,
	}
}

sp_api::decl_runtime_apis! {
	/// What clients read about restaking. Version 1.
	#[api_version(1)]
	pub trait RampartApi<AccountId, AssetKind, BlockNumber>
	where
		AccountId: codec::Codec,
		AssetKind: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// A vault's settings and pools now.
		fn vault(vault: VaultId) -> Result<VaultSummary<AccountId, AssetKind, BlockNumber>, ApiError>;

		/// `who`'s position in `vault`.
		fn position(vault: VaultId, who: AccountId) -> Result<Position<BlockNumber>, ApiError>;

		/// The stake `vault` gave `operator` in `subnetwork` at block `at`.
		fn stake_at(
			vault: VaultId,
			subnetwork: Subnetwork<AccountId>,
			operator: AccountId,
			at: BlockNumber,
		) -> Result<u128, ApiError>;

		/// `operator`'s power in `subnetwork` at block `at` (the middleware pallet's valuation).
		fn operator_power(
			subnetwork: Subnetwork<AccountId>,
			operator: AccountId,
			at: BlockNumber,
		) -> Result<OperatorPower<AccountId>, ApiError>;

		/// `subnetwork`'s operator set at block `at`.
		fn operator_set(
			subnetwork: Subnetwork<AccountId>,
			at: BlockNumber,
		) -> Result<OperatorSet<AccountId, BlockNumber>, ApiError>;

		/// Up to `limit` (at most [`MAX_REQUESTS_PER_PAGE`]) slash requests matching `filter`,
		/// from position `from` (a vault's request index, or a request id).
		fn slash_requests(
			filter: RequestFilter<AccountId>,
			from: u64,
			limit: u32,
		) -> Result<RequestPage<AccountId, BlockNumber>, ApiError>;

		/// What `who` can claim, looking at vault ids from `from`.
		fn pending_rewards(who: AccountId, from: VaultId) -> PendingRewards<AccountId, AssetKind>;

		/// Everything through which `who`'s collateral can be slashed, looking at vault ids from
		/// `from`.
		fn account_exposure(
			who: AccountId,
			from: VaultId,
		) -> AccountExposure<AccountId, AssetKind, BlockNumber>;

		/// An operator's networks, vaults and stake at risk.
		fn operator_exposure(
			operator: AccountId,
		) -> Result<OperatorExposure<AccountId, AssetKind, BlockNumber>, ApiError>;

		/// A network's middleware, and for each of `subnetworks` (at most [`MAX_SUBNETWORKS`])
		/// its accepted vaults and operator set now.
		fn network_view(
			network: AccountId,
			subnetworks: Vec<u32>,
		) -> Result<NetworkView<AccountId, BlockNumber>, ApiError>;

		/// How concentrated `subnetwork`'s power is at block `at`.
		fn concentration(
			subnetwork: Subnetwork<AccountId>,
			at: BlockNumber,
		) -> Result<Concentration<AccountId, BlockNumber>, ApiError>;
	}
}

/// Concentration figures of a list of powers: `(top share ppm, hhi, nakamoto 1/3, nakamoto 2/3)`.
/// Pure, so that it can be checked by hand.
pub fn concentration_of(powers: &[u128]) -> (u32, u32, u32, u32) {
	let total: u128 = powers.iter().fold(0u128, |t, p| t.saturating_add(*p));
	if total == 0 {
		return (0, 0, 0, 0);
	}
	let mut sorted: Vec<u128> = powers.to_vec();
	sorted.sort_unstable_by(|a, b| b.cmp(a));
	let ppm = |p: u128| -> u128 { mul_div_down(p, 1_000_000, total) };
	let top = ppm(sorted[0]) as u32;
	// HHI on shares in percent: sum of (100 * p / total)^2, computed in ppm for precision.
	let hhi = sorted
		.iter()
		.map(|p| {
			let share = ppm(*p);
			share.saturating_mul(share)
		})
		.fold(0u128, |t, s| t.saturating_add(s))
		/ 100_000_000;
	let mut nakamoto_third = 0;
	let mut nakamoto_two_thirds = 0;
	let mut running = 0u128;
	for (i, p) in sorted.iter().enumerate() {
		running = running.saturating_add(*p);
		let n = (i + 1) as u32;
		// More than a third: 3·running > total.
		if nakamoto_third == 0 && running.saturating_mul(3) > total {
			nakamoto_third = n;
		}
		// At least two thirds: 3·running ≥ 2·total.
		if nakamoto_two_thirds == 0 && running.saturating_mul(3) >= total.saturating_mul(2) {
			nakamoto_two_thirds = n;
		}
	}
	(top, hhi as u32, nakamoto_third, nakamoto_two_thirds)
}

fn mul_div_down(a: u128, b: u128, c: u128) -> u128 {
	sp_runtime::helpers_128bit::multiply_by_rational_with_rounding(
		a,
		b,
		c,
		sp_runtime::Rounding::Down,
	)
	.unwrap_or(u128::MAX)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn concentration_of_known_sets() {
		// One operator: everything.
		assert_eq!(concentration_of(&[5]), (1_000_000, 10_000, 1, 1));
		// Four equal: 25 % each, HHI 4 × 625 = 2 500; 2 for more than a third, 3 for two thirds.
		assert_eq!(concentration_of(&[7, 7, 7, 7]), (250_000, 2_500, 2, 3));
		// 50/30/20: HHI 2 500 + 900 + 400 = 3 800; 1 holds more than a third; 2 hold 80 %.
		assert_eq!(concentration_of(&[30, 50, 20]), (500_000, 3_800, 1, 2));
		// Exactly a third is not more than a third; exactly two thirds is enough.
		assert_eq!(concentration_of(&[1, 1, 1]), (333_333, 3_333, 2, 2));
		assert_eq!(concentration_of(&[]), (0, 0, 0, 0));
		assert_eq!(concentration_of(&[0, 0]), (0, 0, 0, 0));
	}

	#[cfg(feature = "std")]
	#[test]
	fn amounts_are_decimal_strings_in_json() {
		let amount = AssetAmount { asset: 1u32, amount: u128::MAX };
		let json = serde_json::to_string(&amount).expect("serializable");
		assert!(json.contains("\"340282366920938463463374607431768211455\""), "{json}");
	}
}
