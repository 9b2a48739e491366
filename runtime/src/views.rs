// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The answers of [`rampart_runtime_api::RampartApi`]: reads across the restaking pallets, each
//! bounded by the constants of `rampart-runtime-api`.
//!
//! "Now" in an exposure means what a slash or slash request submitted now could take when it is
//! included in the next block: a capture block at most the current one (the slashing window then
//! runs from `now + 1 − D` to `now`), with the vault's epochs as they are in the next block.

use alloc::{collections::BTreeMap, string::ToString, vec, vec::Vec};
use pallet_rampart_delegation::Pallet as Delegation;
use pallet_rampart_middleware::Pallet as Middleware;
use pallet_rampart_rewards::Pallet as Rewards;
use pallet_rampart_slashing::Pallet as Slashing;
use pallet_rampart_vaults::Pallet as Vaults;
use rampart_primitives::{
	shares::{mul_div, split_slash, SlashSplit},
	OptInTarget, Role, Subnetwork, VaultId,
};
use rampart_runtime_api::*;
use sp_runtime::{DispatchError, Rounding};

use crate::{AccountId, AssetKind, BlockNumber, Runtime, System};

type Sn = Subnetwork<AccountId>;

/// The chain's error as an [`ApiError`].
fn api_error(e: DispatchError) -> ApiError {
	let name = match e {
		DispatchError::Module(m) => m.message.unwrap_or("Module"),
		other => <&'static str>::from(other),
	};
	match name {
		"UnknownVault" => ApiError::UnknownVault,
		"HistoryPruned" => ApiError::HistoryPruned,
		"FutureBlock" => ApiError::FutureBlock,
		"NotNetwork" | "UnknownNetwork" => ApiError::UnknownNetwork,
		other => ApiError::Other(other.to_string()),
	}
}

fn now() -> BlockNumber {
	System::block_number()
}

/// Refuses a block after the one the state is read at.
fn not_future(at: BlockNumber) -> Result<(), ApiError> {
	if at > now() {
		return Err(ApiError::FutureBlock);
	}
	Ok(())
}

fn vault_info(vault: VaultId) -> Result<pallet_rampart_vaults::VaultInfoOf<Runtime>, ApiError> {
	pallet_rampart_vaults::Vaults::<Runtime>::get(vault).ok_or(ApiError::UnknownVault)
}

fn share_of(part: u128, mine: u128, total: u128) -> u128 {
	mul_div(part, mine, total, Rounding::Down).unwrap_or(0)
}

pub fn vault(vault: VaultId) -> Result<VaultSummary<AccountId, AssetKind, BlockNumber>, ApiError> {
	let info = vault_info(vault)?;
	let current = info.clock.epoch_at(now()).unwrap_or(0);
	let next = current.saturating_add(1);
	let withdrawals = |e| pallet_rampart_vaults::WithdrawalBuckets::<Runtime>::get(vault, e).amount;
	Ok(VaultSummary {
		vault,
		creator: info.creator,
		collateral: info.collateral,
		delegator: info.delegator,
		slasher: info.slasher,
		epoch_duration: info.clock.duration,
		current_epoch: current,
		next_epoch_start: info.clock.start_of(next).unwrap_or(BlockNumber::MAX),
		active_stake: Vaults::<Runtime>::active_stake(vault),
		active_shares: Vaults::<Runtime>::active_shares(vault),
		withdrawals_current: withdrawals(current),
		withdrawals_next: withdrawals(next),
		total_stake: Vaults::<Runtime>::total_stake(vault),
		deposit_whitelist: info.deposit_whitelist,
		deposit_limit: info.is_deposit_limit.then_some(DepositLimit { limit: info.deposit_limit }),
	})
}

pub fn position(vault: VaultId, who: &AccountId) -> Result<Position<BlockNumber>, ApiError> {
	let info = vault_info(vault)?;
	let current = info.clock.epoch_at(now()).unwrap_or(0);
	let withdrawals = (current.saturating_sub(WITHDRAWAL_EPOCHS_LISTED)
		..=current.saturating_add(1))
		.filter_map(|epoch| {
			let amount = Vaults::<Runtime>::withdrawals_of(vault, epoch, who);
			(amount > 0).then_some(Withdrawal {
				epoch,
				amount,
				claimable: epoch < current,
				slashable: epoch >= current,
			})
		})
		.collect();
	Ok(Position {
		vault,
		shares: Vaults::<Runtime>::shares_of(vault, who),
		active_balance: Vaults::<Runtime>::active_balance_of(vault, who),
		withdrawals,
		slashable_balance: Vaults::<Runtime>::slashable_balance_of(vault, who),
	})
}

pub fn stake_at(
	vault: VaultId,
	subnetwork: &Sn,
	operator: &AccountId,
	at: BlockNumber,
) -> Result<u128, ApiError> {
	vault_info(vault)?;
	not_future(at)?;
	Delegation::<Runtime>::stake_at_block(vault, subnetwork, operator, at).map_err(api_error)
}

fn parts(parts: Vec<pallet_rampart_middleware::VaultPower>) -> Vec<VaultPart> {
	parts
		.into_iter()
		.map(|p| VaultPart { vault: p.vault, stake: p.stake, power: p.power })
		.collect()
}

pub fn operator_power(
	subnetwork: &Sn,
	operator: &AccountId,
	at: BlockNumber,
) -> Result<OperatorPower<AccountId>, ApiError> {
	not_future(at)?;
	let (power, vaults) =
		Middleware::<Runtime>::operator_power(subnetwork, operator, at).map_err(api_error)?;
	Ok(OperatorPower { operator: operator.clone(), power, capped: power, vaults: parts(vaults) })
}

pub fn operator_set(
	subnetwork: &Sn,
	at: BlockNumber,
) -> Result<OperatorSet<AccountId, BlockNumber>, ApiError> {
	not_future(at)?;
	let set = Middleware::<Runtime>::operator_set(subnetwork, at).map_err(api_error)?;
	let operators = set
		.operators
		.into_iter()
		.map(|member| {
			let vaults = Middleware::<Runtime>::operator_power(subnetwork, &member.operator, at)
				.map(|(_, vaults)| parts(vaults))
				.unwrap_or_default();
			OperatorPower {
				operator: member.operator,
				power: member.power,
				capped: member.capped,
				vaults,
			}
		})
		.collect();
	Ok(OperatorSet { subnetwork: subnetwork.clone(), at, operators, total: set.total })
}

fn request(id: RequestId) -> Option<SlashRequest<AccountId, BlockNumber>> {
	use pallet_rampart_slashing::RequestStatus as S;
	let r = Slashing::<Runtime>::request_with_status(id)?;
	let status = match r.status {
		S::Pending => RequestStatus::Pending,
		S::Vetoed => RequestStatus::Vetoed,
		S::Executed { slashed, moved, at } => RequestStatus::Executed { slashed, moved, at },
		S::Expired => RequestStatus::Expired,
	};
	Some(SlashRequest {
		id,
		vault: r.vault,
		subnetwork: r.subnetwork,
		operator: r.operator,
		amount: r.amount,
		capture: r.capture,
		veto_deadline: r.veto_deadline,
		status,
	})
}

pub fn slash_requests(
	filter: RequestFilter<AccountId>,
	from: u64,
	limit: u32,
) -> Result<RequestPage<AccountId, BlockNumber>, ApiError> {
	if limit > MAX_REQUESTS_PER_PAGE {
		return Err(ApiError::TooManyItems);
	}
	let mut requests = Vec::new();
	match filter {
		RequestFilter::Vault(vault) => {
			vault_info(vault)?;
			let (first, next) = pallet_rampart_slashing::VaultRequestQueue::<Runtime>::get(vault);
			let mut index = from.max(u64::from(first));
			while index < u64::from(next) && requests.len() < limit as usize {
				let id =
					pallet_rampart_slashing::VaultRequestIds::<Runtime>::get(vault, index as u32);
				if let Some(r) = id.and_then(request) {
					requests.push(r);
				}
				index += 1;
			}
			let more = index < u64::from(next);
			Ok(RequestPage { requests, next: more.then_some(index) })
		},
		RequestFilter::Subnetwork(subnetwork) => {
			let end = pallet_rampart_slashing::NextRequestId::<Runtime>::get()
				.min(from.saturating_add(u64::from(MAX_REQUEST_IDS_SCANNED)));
			let mut id = from;
			while id < end && requests.len() < limit as usize {
				if let Some(r) = request(id).filter(|r| r.subnetwork == subnetwork) {
					requests.push(r);
				}
				id += 1;
			}
			let more = id < pallet_rampart_slashing::NextRequestId::<Runtime>::get();
			Ok(RequestPage { requests, next: more.then_some(id) })
		},
	}
}

/// The vault ids a page starting at `from` looks at, and the first it does not.
fn vault_page(from: VaultId) -> (core::ops::Range<VaultId>, Option<VaultId>) {
	let end = pallet_rampart_vaults::NextVaultId::<Runtime>::get();
	let stop = from.saturating_add(MAX_VAULTS_PER_PAGE).min(end);
	(from..stop.max(from), (stop < end).then_some(stop))
}

fn ever_held(vault: VaultId, who: &AccountId) -> bool {
	pallet_rampart_vaults::SharesOfHead::<Runtime>::contains_key((vault, who.clone()))
}

pub fn pending_rewards(who: &AccountId, from: VaultId) -> PendingRewards<AccountId, AssetKind> {
	let (vaults, next_vault) = vault_page(from);
	let mut staker = Vec::new();
	let mut curator = Vec::new();
	for vault in vaults {
		if ever_held(vault, who) {
			for (network, asset) in
				pallet_rampart_rewards::VaultStreams::<Runtime>::iter_key_prefix(vault)
					.take(MAX_REWARD_SOURCES as usize)
			{
				let key = (vault, network.clone(), asset.clone());
				let max = MAX_DISTRIBUTIONS_COUNTED.min(
					<<Runtime as pallet_rampart_rewards::Config>::MaxClaimBatch as frame_support::traits::Get<u32>>::get(),
				);
				let amount = Rewards::<Runtime>::claimable(&key, who, max)
					.map(|(amount, ..)| amount)
					.unwrap_or(0);
				if amount > 0 {
					staker.push(StakerReward { vault, network, asset, amount });
				}
			}
		}
		if Vaults::<Runtime>::has_role(vault, Role::AdminFeeClaimer, who) {
			for (asset, amount) in
				pallet_rampart_rewards::CuratorFees::<Runtime>::iter_prefix(vault)
					.take(MAX_REWARD_SOURCES as usize)
			{
				if amount > 0 {
					curator.push(CuratorFee { vault, asset, amount });
				}
			}
		}
	}
	let operator = pallet_rampart_rewards::OperatorRewardSources::<Runtime>::iter_key_prefix(who)
		.take(MAX_REWARD_SOURCES as usize)
		.filter_map(|(network, asset)| {
			let amount =
				pallet_rampart_rewards::OperatorRewards::<Runtime>::get((&network, &asset, who));
			(amount > 0).then_some(OperatorReward { network, asset, amount })
		})
		.collect();
	PendingRewards { staker, operator, curator, next_vault }
}

/// A vault's slashable pools as they are in the next block.
struct Pools {
	vault: VaultId,
	clock: rampart_primitives::epochs::EpochClock<BlockNumber>,
	/// The vault's epoch in the next block.
	epoch: BlockNumber,
	active: u128,
	current: u128,
	next: u128,
	/// The oldest capture a slash included in the next block may name (`now + 1 − D`, not
	/// before the vault's first block).
	oldest: BlockNumber,
	/// The blocks after `oldest` where the vault's active stake changed.
	active_changes: Vec<BlockNumber>,
}

/// One allocation as a slash included in the next block sees it.
struct PairExposure {
	/// The stake now.
	stake: u128,
	/// The most a capture in the vault's epoch of the next block allows.
	current: u128,
	/// The most a capture in the epoch before allows.
	previous: u128,
}

impl PairExposure {
	fn max_slash(&self) -> u128 {
		self.current.max(self.previous)
	}
}

impl Pools {
	fn read(
		vault: VaultId,
	) -> Result<(Self, pallet_rampart_vaults::VaultInfoOf<Runtime>), ApiError> {
		let info = vault_info(vault)?;
		let epoch = info.clock.epoch_at(now().saturating_add(1)).unwrap_or(0);
		let w = |e| pallet_rampart_vaults::WithdrawalBuckets::<Runtime>::get(vault, e).amount;
		let oldest = now()
			.saturating_add(1)
			.saturating_sub(info.clock.duration)
			.max(info.clock.start);
		let pools = Pools {
			vault,
			clock: info.clock,
			epoch,
			active: Vaults::<Runtime>::active_stake(vault),
			current: w(epoch),
			next: w(epoch.saturating_add(1)),
			oldest,
			active_changes: pallet_rampart_vaults::ActivePools::<Runtime>::changes_after(
				&vault, oldest,
			),
		};
		Ok((pools, info))
	}

	/// Whether a capture at `capture` lies in the epoch before the next block's.
	fn in_previous(&self, capture: BlockNumber) -> bool {
		self.clock.epoch_at(capture) != Some(self.epoch)
	}

	fn pool(&self, in_previous: bool) -> u128 {
		let base = self.active.saturating_add(self.next);
		if in_previous {
			base.saturating_add(self.current)
		} else {
			base
		}
	}

	/// What `(subnetwork, operator)` has at stake now, and the most a slash included in the next
	/// block could take with a capture in the vault's epoch then (`current`) and with one in the
	/// epoch before (`previous`, whose pools hold the previous epoch's withdrawals too).
	///
	/// A slash may use any capture from `now + 1 − D` to `now`, and the stake at a capture is
	/// not monotone over that window: a limit lowered or shares moved in the middle of it leave
	/// the earlier captures with more. What a capture allows is constant between the blocks
	/// where one of its inputs changed, so every such block is tried: the window's first block,
	/// the epoch boundary, the latest capture already slashed, and each change of the vault's
	/// active stake, the subnetwork's limits and shares, the operator's opt-ins and its
	/// cumulative slash in the window.
	fn pair(&self, subnetwork: &Sn, operator: &AccountId) -> PairExposure {
		let n = now();
		let stake = Delegation::<Runtime>::stake_now(self.vault, subnetwork, operator).unwrap_or(0);
		let mut exposure = PairExposure { stake, current: 0, previous: 0 };
		let mut take = |capture: BlockNumber, amount: u128| {
			let previous = self.in_previous(capture);
			let amount = amount.min(self.pool(previous));
			let best = if previous { &mut exposure.previous } else { &mut exposure.current };
			*best = (*best).max(amount);
		};
		// The newest capture (this block) as the next block sees it: the stake now, nothing
		// slashed after it.
		take(n, stake);
		if self.oldest < n {
			for capture in self.captures(subnetwork, operator, n) {
				let amount =
					Slashing::<Runtime>::slashable(self.vault, subnetwork, operator, capture)
						.unwrap_or(0);
				take(capture, amount);
			}
		}
		exposure
	}

	/// The captures in `[oldest, newest)` where what a slash of the pair may take can change.
	fn captures(
		&self,
		subnetwork: &Sn,
		operator: &AccountId,
		newest: BlockNumber,
	) -> Vec<BlockNumber> {
		use pallet_rampart_delegation as delegation;
		let (vault, oldest) = (self.vault, self.oldest);
		let key = (vault, subnetwork.clone());
		let op_key = (vault, subnetwork.clone(), operator.clone());
		let mut captures = self.active_changes.clone();
		captures.push(oldest);
		captures.extend(self.clock.start_of(self.epoch));
		captures.extend(pallet_rampart_slashing::LatestSlashedCapture::<Runtime>::get(&op_key));
		captures.extend(delegation::NetworkLimit::<Runtime>::changes_after(&key, oldest));
		captures.extend(delegation::MaxNetworkLimit::<Runtime>::changes_after(&key, oldest));
		captures.extend(delegation::TotalShares::<Runtime>::changes_after(&key, oldest));
		captures.extend(delegation::OperatorShares::<Runtime>::changes_after(&op_key, oldest));
		captures.extend(delegation::OperatorLimit::<Runtime>::changes_after(&op_key, oldest));
		captures.extend(pallet_rampart_slashing::CumulativeSlash::<Runtime>::changes_after(
			&op_key, oldest,
		));
		for target in [OptInTarget::Vault(vault), OptInTarget::Network(subnetwork.network.clone())]
		{
			if let Some(history) =
				pallet_rampart_registry::OptInHistories::<Runtime>::get(operator, &target)
			{
				captures.extend(history.entries().iter().map(|(b, _)| *b));
			}
		}
		captures.retain(|c| (oldest..newest).contains(c));
		captures.sort_unstable();
		captures.dedup();
		captures
	}

	fn split(&self, amount: u128, in_previous: bool) -> SlashSplit {
		split_slash(amount, self.active, self.current, self.next, in_previous).unwrap_or_default()
	}

	/// What `who` holds of each pool, as `(its shares, all shares)`: read once per vault, for
	/// every split [`Self::loss_of`] is asked about.
	fn holdings(&self, who: &AccountId) -> [(u128, u128); 3] {
		let vault = self.vault;
		let bucket = |epoch: BlockNumber| {
			let position =
				pallet_rampart_vaults::WithdrawalPositions::<Runtime>::get((vault, epoch, who));
			let mine = if position.claimed { 0 } else { position.shares };
			(mine, pallet_rampart_vaults::WithdrawalBuckets::<Runtime>::get(vault, epoch).shares)
		};
		[
			(Vaults::<Runtime>::shares_of(vault, who), Vaults::<Runtime>::active_shares(vault)),
			bucket(self.epoch),
			bucket(self.epoch.saturating_add(1)),
		]
	}

	/// The part of a slash split that falls on a holder of `holdings`: its shares of each pool.
	fn loss_of(split: &SlashSplit, holdings: &[(u128, u128); 3]) -> u128 {
		let parts = [split.active, split.current_withdrawals, split.next_withdrawals];
		parts
			.iter()
			.zip(holdings)
			.fold(0u128, |t, (part, (mine, all))| t.saturating_add(share_of(*part, *mine, *all)))
	}
}

/// Every allocation of a vault with something slashable, largest first; whether the list was
/// cut; and what they could take together.
fn vault_allocations(
	pools: &Pools,
	only: Option<&AccountId>,
) -> (Vec<(Sn, AccountId, PairExposure)>, bool, Together) {
	let (allocations, truncated) =
		Delegation::<Runtime>::allocations(pools.vault, MAX_ALLOCATIONS_PER_VAULT);
	let mut pairs = Vec::new();
	for (subnetwork, operators) in allocations {
		for operator in operators {
			if only.is_some_and(|o| *o != operator) {
				continue;
			}
			let exposure = pools.pair(&subnetwork, &operator);
			if exposure.stake > 0 || exposure.max_slash() > 0 {
				pairs.push((subnetwork.clone(), operator, exposure));
			}
		}
	}
	pairs.sort_by_key(|p| core::cmp::Reverse(p.2.max_slash()));
	let together = Together {
		sum: pairs.iter().fold(0u128, |t, p| t.saturating_add(p.2.max_slash())),
		previous: pairs.iter().fold(0u128, |t, p| t.saturating_add(p.2.previous)),
	};
	(pairs, truncated, together)
}

/// What every allocation of a vault could take at once.
struct Together {
	/// The sum of their worst slashes.
	sum: u128,
	/// The sum of what their captures in the previous epoch allow.
	previous: u128,
}

impl Together {
	/// The most all of them take from the vault: their sum, capped at the pools they reach.
	fn total(&self, pools: &Pools) -> u128 {
		self.sum.min(pools.pool(self.previous > 0))
	}

	/// At most what all of them take from a holder of `holdings`, in any order and with any
	/// of their captures. A slash falls pro rata on the pools its capture reaches:
	/// - on active stake and the next epoch's withdrawals, a slash never takes a larger part
	///   than `its amount · holding / (A + W[next])` (a capture in the previous epoch spreads it
	///   over the previous epoch's withdrawals too, and slashes keep the pools' ratio), so the
	///   holder loses at most that part of the sum, and at most what it holds there;
	/// - the previous epoch's withdrawals lose only to captures in that epoch, at most all of
	///   what those take, pro rata among their holders.
	///
	/// An upper bound, not the worst order's exact loss (which depends on the order).
	fn loss_of(&self, pools: &Pools, holdings: &[(u128, u128); 3]) -> u128 {
		let [active, current, next] = *holdings;
		let held_now = share_of(pools.active, active.0, active.1)
			.saturating_add(share_of(pools.next, next.0, next.1));
		let from_now =
			share_of(self.sum, held_now, pools.active.saturating_add(pools.next)).min(held_now);
		let from_previous = share_of(self.previous.min(pools.current), current.0, current.1);
		from_now.saturating_add(from_previous)
	}
}

fn pending_requests(vault: VaultId) -> Vec<SlashRequest<AccountId, BlockNumber>> {
	let (first, next) = pallet_rampart_slashing::VaultRequestQueue::<Runtime>::get(vault);
	let oldest = first.max(next.saturating_sub(MAX_REQUEST_IDS_SCANNED));
	let mut out: Vec<_> = (oldest..next)
		.rev()
		.filter_map(|i| pallet_rampart_slashing::VaultRequestIds::<Runtime>::get(vault, i))
		.filter_map(request)
		.filter(|r| r.status == RequestStatus::Pending)
		.take(MAX_REQUESTS_PER_VAULT as usize)
		.collect();
	out.reverse();
	out
}

fn add_amount(
	totals: &mut BTreeMap<Vec<u8>, AssetAmount<AssetKind>>,
	asset: &AssetKind,
	amount: u128,
) {
	use codec::Encode;
	let entry = totals
		.entry(asset.encode())
		.or_insert_with(|| AssetAmount { asset: asset.clone(), amount: 0 });
	entry.amount = entry.amount.saturating_add(amount);
}

pub fn account_exposure(
	who: &AccountId,
	from: VaultId,
) -> AccountExposure<AccountId, AssetKind, BlockNumber> {
	let (page, next_vault) = vault_page(from);
	let mut vaults = Vec::new();
	let mut totals = BTreeMap::new();
	for vault in page {
		if !ever_held(vault, who) {
			continue;
		}
		let Ok((pools, info)) = Pools::read(vault) else { continue };
		let Ok(position) = position(vault, who) else { continue };
		if position.slashable_balance == 0 && position.shares == 0 {
			continue;
		}
		let (pairs, allocations_truncated, together) = vault_allocations(&pools, None);
		let holdings = pools.holdings(who);
		let allocations = pairs
			.into_iter()
			.map(|(subnetwork, operator, pair)| {
				// The holder's worst case over both kinds of capture.
				let max_loss = Pools::loss_of(&pools.split(pair.current, false), &holdings)
					.max(Pools::loss_of(&pools.split(pair.previous, true), &holdings));
				AllocationExposure {
					subnetwork,
					operator,
					stake: pair.stake,
					max_slash: pair.max_slash(),
					max_loss,
				}
			})
			.collect();
		let max_loss = together.loss_of(&pools, &holdings).min(position.slashable_balance);
		add_amount(&mut totals, &info.collateral, max_loss);
		vaults.push(VaultExposure {
			vault,
			collateral: info.collateral,
			position,
			allocations,
			allocations_truncated,
			max_loss,
			pending_requests: pending_requests(vault),
		});
	}
	AccountExposure {
		account: who.clone(),
		at: now(),
		vaults,
		max_loss: totals.into_values().collect(),
		next_vault,
	}
}

pub fn operator_exposure(
	operator: &AccountId,
) -> Result<OperatorExposure<AccountId, AssetKind, BlockNumber>, ApiError> {
	if !pallet_rampart_registry::Operators::<Runtime>::contains_key(operator) {
		return Err(ApiError::UnknownOperator);
	}
	let mut targets = pallet_rampart_registry::OptInHistories::<Runtime>::iter_prefix(operator);
	let mut networks = Vec::new();
	let mut opted_vaults = Vec::new();
	let mut truncated = false;
	for (read, (target, history)) in targets.by_ref().enumerate() {
		if read == MAX_OPT_INS as usize {
			truncated = true;
			break;
		}
		let opted_in = history.latest() == Some(true);
		match target {
			OptInTarget::Network(network) if opted_in => networks.push(network),
			OptInTarget::Network(_) => {},
			OptInTarget::Vault(vault) => {
				let changed_at = history.latest_key().unwrap_or_default();
				opted_vaults.push((vault, opted_in, changed_at));
			},
		}
	}
	networks.sort();
	opted_vaults.sort();
	let mut vaults = Vec::new();
	let mut totals = BTreeMap::new();
	for (vault, opted_in, changed_at) in opted_vaults {
		let Ok((pools, info)) = Pools::read(vault) else { continue };
		// A vault left within its slashing window can still be slashed for the captures
		// before the opt-out.
		if !opted_in && changed_at <= pools.oldest {
			continue;
		}
		let (pairs, _, together) = vault_allocations(&pools, Some(operator));
		let at_risk = together.total(&pools);
		let allocations = pairs
			.into_iter()
			.map(|(subnetwork, operator, pair)| AllocationExposure {
				subnetwork,
				operator,
				stake: pair.stake,
				max_slash: pair.max_slash(),
				max_loss: pair.max_slash(),
			})
			.collect();
		add_amount(&mut totals, &info.collateral, at_risk);
		vaults.push(OperatorVault { vault, collateral: info.collateral, allocations, at_risk });
	}
	Ok(OperatorExposure {
		operator: operator.clone(),
		at: now(),
		networks,
		vaults,
		at_risk: totals.into_values().collect(),
		truncated,
	})
}

pub fn network_view(
	network: &AccountId,
	subnetworks: Vec<u32>,
) -> Result<NetworkView<AccountId, BlockNumber>, ApiError> {
	if subnetworks.len() > MAX_SUBNETWORKS as usize {
		return Err(ApiError::TooManyItems);
	}
	let record = pallet_rampart_registry::Networks::<Runtime>::get(network)
		.ok_or(ApiError::UnknownNetwork)?;
	let managed =
		record.middleware.as_ref() == Some(&Middleware::<Runtime>::middleware_account(network));
	let ids = if subnetworks.is_empty() { vec![0] } else { subnetworks };
	let subnetworks = ids
		.into_iter()
		.map(|id| {
			let subnetwork = Subnetwork::new(network.clone(), id);
			Ok(SubnetworkView {
				vaults: pallet_rampart_middleware::AcceptedVaults::<Runtime>::get(&subnetwork)
					.into_inner(),
				operator_set: operator_set(&subnetwork, now())?,
			})
		})
		.collect::<Result<Vec<_>, ApiError>>()?;
	Ok(NetworkView {
		network: network.clone(),
		middleware: record.middleware,
		managed,
		subnetworks,
	})
}

pub fn concentration(
	subnetwork: &Sn,
	at: BlockNumber,
) -> Result<Concentration<AccountId, BlockNumber>, ApiError> {
	not_future(at)?;
	let set = Middleware::<Runtime>::operator_set(subnetwork, at).map_err(api_error)?;
	let powers: Vec<u128> = set.operators.iter().map(|o| o.capped).collect();
	let (top_share_ppm, hhi, nakamoto_third, nakamoto_two_thirds) = concentration_of(&powers);
	Ok(Concentration {
		subnetwork: subnetwork.clone(),
		at,
		operators: powers.len() as u32,
		total_power: set.total,
		top_share_ppm,
		hhi,
		nakamoto_third,
		nakamoto_two_thirds,
	})
}
