// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Plain models of what the restaking core is composed into, for the differential stream of
//! `differential.rs`: rewards (staker distributions and claims, curator fees, operator rewards
//! by stake, expiry) and the middleware's power (valuations, accepted vaults, membership, the
//! operator set policy and its cap).
//!
//! Symbiotic v1's core has no on-chain rewards or middleware to run against, so these are
//! written from the rules the pallets' READMEs state (`pallets/rewards/README.md`, Model;
//! `pallets/middleware/README.md`, Power), over the oracle's own share and stake histories,
//! never over the pallets' storage:
//! - a staker's part of a distribution is `⌊its active shares at the snapshot · amount / active
//!   shares at the snapshot⌋`; the curator fee is `⌊amount · fee / 10 000⌋`; what nobody claimed
//!   goes back to the network when the distribution expires; so claims never exceed what was
//!   distributed (checked on every list after every step);
//! - an operator's reward by stake is `⌊amount · stake / Σ stakes⌋` at the snapshot;
//! - power is `Σ over the vaults accepted at b of (1 − haircut) · ⌊stake · price⌋` at `b`'s
//!   valuation; the operator set keeps the members at `b` with at least the minimum power, the
//!   strongest first, and caps them at the largest level `T` with `T ≤ cap · Σ min(p_i, T)`
//!   (found by a search here, where the pallet solves for it).
//!
//! Refusals are named by the pallet error a user sees ([`Refusal::Rampart`]).

use crate::oracle::{mul_div, u, Acc, Asset, Block, Model, Refusal, Sn, Target, Trace};
use std::collections::BTreeMap;

type Outcome = Result<(), Refusal>;

/// The integration runtime's rewards bounds (`mock.rs`).
pub const CLAIM_WINDOW: Block = 5;
pub const MAX_SNAPSHOT_AGE: Block = 5;
pub const MAX_LIVE_DISTRIBUTIONS: u32 = 8;
pub const MAX_CLAIM_BATCH: u32 = 8;
/// Distributions a new distribution of the same list expires first, at most.
pub const EXPIRE_PER_DISTRIBUTION: usize = 2;
pub const MAX_FEE: u32 = 10_000;
/// The integration runtime's middleware bounds.
pub const MAX_VAULTS_PER_SUBNETWORK: usize = 4;
pub const MAX_OPERATORS: u32 = 8;
pub const HISTORY_RETENTION: Block = 30;
pub const LEAVE_DELAY: Block = 2;
/// The middleware's bound on membership histories.
pub const MAX_MEMBERSHIP_CHANGES: usize = 8;
/// The subnetwork the stream configures in the middleware.
pub const MIDDLEWARE_SN: Sn = (3, 0);

fn named(name: &'static str) -> Refusal {
	Refusal::Rampart(name)
}

/// One staker distribution.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Distribution {
	pub snapshot: Block,
	pub amount: u128,
	pub total_shares: u128,
	pub claimed: u128,
	pub until: Block,
}

/// The distributions of one (vault, network, asset).
#[derive(Clone, Debug, Default)]
pub struct List {
	pub first: u32,
	pub next: u32,
	pub items: BTreeMap<u32, Distribution>,
	pub cursors: BTreeMap<Acc, u32>,
	/// Given to stakers (after fees), paid to them, and returned to the network.
	pub distributed: u128,
	pub paid: u128,
	pub returned: u128,
}

/// A collateral's valuation in the middleware from one block on.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Valuation {
	/// The price in halves of a power unit per collateral unit; `None` before the first price.
	pub halves: Option<u128>,
	/// The haircut in percent.
	pub haircut: u32,
}

/// An operator set policy; `cap` in percent.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Policy {
	pub max: u32,
	pub min: u128,
	pub cap: u32,
}

impl Default for Policy {
	fn default() -> Self {
		Policy { max: MAX_OPERATORS, min: 0, cap: 100 }
	}
}

/// An operator set at a block: (operator, power, capped) strongest first, total, cut.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Set {
	pub operators: Vec<(Acc, u128, u128)>,
	pub total: u128,
	pub cut: u128,
}

#[derive(Clone, Debug, Default)]
pub struct Economy {
	pub fees: BTreeMap<u32, u32>,
	pub curator_fees: BTreeMap<(u32, Asset), u128>,
	pub lists: BTreeMap<(u32, Acc, Asset), List>,
	pub operator_rewards: BTreeMap<(Acc, Asset, Acc), u128>,
	/// Credited to operators and paid to them, per (network, asset).
	pub operator_credited: BTreeMap<(Acc, Asset), u128>,
	pub operator_paid: BTreeMap<(Acc, Asset), u128>,
	/// Per vault in [`MIDDLEWARE_SN`]'s list (accepted, or removed and not yet expired): its
	/// membership history.
	pub accepted: BTreeMap<u32, Trace<bool>>,
	/// Per collateral with a valuation: its history.
	pub valuations: BTreeMap<Asset, Trace<Valuation>>,
	pub members: BTreeMap<Acc, Trace<bool>>,
	pub policy: Trace<Option<Policy>>,
}

fn credit(m: &mut Model, asset: Asset, who: Acc, amount: u128) {
	*m.balances.entry((asset, who)).or_default() += amount;
}

/// The payer can pay `amount` (the model tracks payers' balances up to the few units of the
/// reward account's minimum balances they also pay once).
fn debit(m: &mut Model, asset: Asset, who: Acc, amount: u128) -> Outcome {
	let b = m.balance(asset, who);
	if amount > b.saturating_sub(1_000) {
		return Err(Refusal::Token);
	}
	m.balances.insert((asset, who), b - amount);
	Ok(())
}

/// `⌊x · y / z⌋` in 256 bits (zero for a zero `z`).
fn part(x: u128, y: u128, z: u128) -> u128 {
	mul_div(u(x), u(y), u(z), false).map(|v| v.low_u128()).unwrap_or(0)
}

impl Economy {
	// -------------------------------------------------------------------------------------
	// Rewards (pallets/rewards/README.md, Model).

	fn vault_exists(m: &Model, v: u32) -> Outcome {
		if (v as usize) < m.vaults.len() {
			Ok(())
		} else {
			Err(named("UnknownVault"))
		}
	}

	/// Expires the oldest distribution of `list` if its window has ended: what goes back to
	/// the network, or `None` if none expired.
	fn expire_oldest(now: Block, list: &mut List) -> Option<u128> {
		let d = list.items.get(&list.first).copied().filter(|d| d.until < now)?;
		let back = d.amount - d.claimed;
		list.returned += back;
		list.items.remove(&list.first);
		list.first += 1;
		Some(back)
	}

	#[allow(clippy::too_many_arguments)]
	pub fn distribute_staker_rewards(
		&mut self,
		m: &mut Model,
		caller: Acc,
		v: u32,
		network: Acc,
		asset: Asset,
		amount: u128,
		snapshot: Block,
		max_fee: u32,
	) -> Outcome {
		if m.middleware.get(&network) != Some(&caller) {
			return Err(named("NotNetworkMiddleware"));
		}
		Self::vault_exists(m, v)?;
		if amount == 0 {
			return Err(named("InsufficientReward"));
		}
		let fee = self.fees.get(&v).copied().unwrap_or(0);
		if fee > max_fee {
			return Err(named("HighAdminFee"));
		}
		if !(snapshot < m.now && snapshot >= m.now.saturating_sub(MAX_SNAPSHOT_AGE)) {
			return Err(named("InvalidSnapshot"));
		}
		let vault = &m.vaults[v as usize];
		let (shares, stake) = (vault.s.at(snapshot), vault.a.at(snapshot));
		if shares == 0 || stake == 0 {
			return Err(named("NoStakeAtSnapshot"));
		}
		let key = (v, network, asset);
		let mut list = self.lists.get(&key).cloned().unwrap_or_default();
		let returned: u128 = (0..EXPIRE_PER_DISTRIBUTION)
			.map_while(|_| Self::expire_oldest(m.now, &mut list))
			.sum();
		if list.next - list.first >= MAX_LIVE_DISTRIBUTIONS {
			return Err(named("TooManyDistributions"));
		}
		debit(m, asset, caller, amount)?;
		credit(m, asset, network, returned);
		let fee_amount = part(amount, fee as u128, MAX_FEE as u128);
		let stakers = amount - fee_amount;
		if fee_amount > 0 {
			*self.curator_fees.entry((v, asset)).or_default() += fee_amount;
		}
		if stakers > 0 {
			list.items.insert(
				list.next,
				Distribution {
					snapshot,
					amount: stakers,
					total_shares: shares,
					claimed: 0,
					until: m.now + CLAIM_WINDOW,
				},
			);
			list.next += 1;
			list.distributed += stakers;
		}
		self.lists.insert(key, list);
		Ok(())
	}

	/// The distributions a claim of up to `max` by `who` goes through, from its cursor: `None`
	/// if there are none, else what `who` is owed of each and the index its cursor moves to.
	fn claim_parts(
		&self,
		m: &Model,
		key: (u32, Acc, Asset),
		who: Acc,
		max: u32,
	) -> Option<(Vec<(u32, u128)>, u32)> {
		let list = self.lists.get(&key)?;
		let start = list.cursors.get(&who).copied().unwrap_or(0).max(list.first);
		let end = list.next.min(start + max);
		if start >= end {
			return None;
		}
		let vault = &m.vaults[key.0 as usize];
		let parts = (start..end)
			.filter_map(|i| {
				let d = list.items.get(&i)?;
				if d.until < m.now {
					return None;
				}
				let shares = vault.shares_of(who).at(d.snapshot);
				Some((i, part(shares, d.amount, d.total_shares).min(d.amount - d.claimed)))
			})
			.filter(|(_, p)| *p > 0)
			.collect();
		Some((parts, end))
	}

	/// What `who` would be paid by claiming up to `max` distributions of `key` now; `None` if
	/// the claim goes through none.
	pub fn claimable(&self, m: &Model, key: (u32, Acc, Asset), who: Acc, max: u32) -> Option<u128> {
		self.claim_parts(m, key, who, max)
			.map(|(parts, _)| parts.iter().map(|(_, p)| p).sum())
	}

	#[allow(clippy::too_many_arguments)]
	pub fn claim_staker_rewards(
		&mut self,
		m: &mut Model,
		caller: Acc,
		v: u32,
		network: Acc,
		asset: Asset,
		recipient: Acc,
		max: u32,
	) -> Outcome {
		if max == 0 || max > MAX_CLAIM_BATCH {
			return Err(named("InvalidClaimCount"));
		}
		let key = (v, network, asset);
		let (parts, end) =
			self.claim_parts(m, key, caller, max).ok_or(named("NoRewardsToClaim"))?;
		let total: u128 = parts.iter().map(|(_, p)| p).sum();
		let list = self.lists.get_mut(&key).expect("a claim goes through a list");
		let holds = m.vaults[v as usize].shares_of(caller).latest() > 0;
		if total == 0 && !list.cursors.contains_key(&caller) && !holds {
			return Err(named("NoRewardsToClaim"));
		}
		for (i, p) in parts {
			list.items.get_mut(&i).expect("a part of a live distribution").claimed += p;
		}
		list.cursors.insert(caller, end);
		list.paid += total;
		credit(m, asset, recipient, total);
		Ok(())
	}

	pub fn expire_distribution(
		&mut self,
		m: &mut Model,
		v: u32,
		network: Acc,
		asset: Asset,
	) -> Outcome {
		let list = self.lists.get_mut(&(v, network, asset)).ok_or(named("NotExpired"))?;
		let back = Self::expire_oldest(m.now, list).ok_or(named("NotExpired"))?;
		credit(m, asset, network, back);
		Ok(())
	}

	fn ensure_fee_role(m: &Model, v: u32, caller: Acc, curator: Acc) -> Outcome {
		Self::vault_exists(m, v)?;
		if caller != curator {
			return Err(named("MissingRole"));
		}
		Ok(())
	}

	/// `curator` holds both fee roles of every vault (granted at creation by the stream).
	pub fn set_admin_fee(
		&mut self,
		m: &Model,
		curator: Acc,
		caller: Acc,
		v: u32,
		fee: u32,
	) -> Outcome {
		Self::ensure_fee_role(m, v, caller, curator)?;
		if fee > MAX_FEE {
			return Err(named("InvalidAdminFee"));
		}
		if self.fees.get(&v).copied().unwrap_or(0) == fee {
			return Err(named("AlreadySet"));
		}
		self.fees.insert(v, fee);
		Ok(())
	}

	pub fn claim_admin_fee(
		&mut self,
		m: &mut Model,
		curator: Acc,
		caller: Acc,
		v: u32,
		asset: Asset,
		recipient: Acc,
	) -> Outcome {
		Self::ensure_fee_role(m, v, caller, curator)?;
		let amount = self.curator_fees.get(&(v, asset)).copied().unwrap_or(0);
		if amount == 0 {
			return Err(named("InsufficientAdminFee"));
		}
		self.curator_fees.remove(&(v, asset));
		credit(m, asset, recipient, amount);
		Ok(())
	}

	#[allow(clippy::too_many_arguments)]
	pub fn distribute_by_stake(
		&mut self,
		m: &mut Model,
		caller: Acc,
		v: u32,
		sn: Sn,
		asset: Asset,
		amount: u128,
		snapshot: Block,
		operators: &[Acc],
	) -> Outcome {
		if m.middleware.get(&sn.0) != Some(&caller) {
			return Err(named("NotNetworkMiddleware"));
		}
		Self::vault_exists(m, v)?;
		if amount == 0 {
			return Err(named("InsufficientReward"));
		}
		if snapshot >= m.now {
			return Err(named("InvalidSnapshot"));
		}
		for (i, o) in operators.iter().enumerate() {
			if operators[..i].contains(o) {
				return Err(named("DuplicateOperator"));
			}
		}
		if operators.is_empty() {
			return Err(named("NoOperators"));
		}
		let stakes: Vec<(Acc, u128)> =
			operators.iter().map(|o| (*o, m.stake_at(v, sn, *o, snapshot))).collect();
		let total: u128 = stakes.iter().map(|(_, s)| s).sum();
		if total == 0 {
			return Err(named("NoOperatorStake"));
		}
		let credits: Vec<(Acc, u128)> =
			stakes.into_iter().map(|(o, s)| (o, part(amount, s, total))).collect();
		let paid: u128 = credits.iter().map(|(_, c)| c).sum();
		if paid == 0 {
			return Err(named("InsufficientReward"));
		}
		debit(m, asset, caller, paid)?;
		for (o, c) in credits {
			if c > 0 {
				*self.operator_rewards.entry((sn.0, asset, o)).or_default() += c;
			}
		}
		*self.operator_credited.entry((sn.0, asset)).or_default() += paid;
		Ok(())
	}

	pub fn claim_operator_rewards(
		&mut self,
		m: &mut Model,
		caller: Acc,
		network: Acc,
		asset: Asset,
		recipient: Acc,
	) -> Outcome {
		let Some(amount) = self.operator_rewards.remove(&(network, asset, caller)) else {
			return Err(named("NoOperatorRewards"));
		};
		*self.operator_paid.entry((network, asset)).or_default() += amount;
		credit(m, asset, recipient, amount);
		Ok(())
	}

	/// Claims never exceed what was distributed; what was distributed is claimed, owed or
	/// returned.
	pub fn check_conservation(&self) -> Result<(), String> {
		for (key, list) in &self.lists {
			let owed: u128 = list.items.values().map(|d| d.amount - d.claimed).sum();
			if list.paid + list.returned + owed != list.distributed {
				return Err(format!("rewards list {key:?} does not add up: {list:?}"));
			}
			for d in list.items.values() {
				if d.claimed > d.amount {
					return Err(format!("rewards list {key:?}: claims above a distribution"));
				}
			}
		}
		for (key, credited) in &self.operator_credited {
			let paid = self.operator_paid.get(key).copied().unwrap_or(0);
			let owed: u128 = self
				.operator_rewards
				.iter()
				.filter(|((n, a, _), _)| (*n, *a) == *key)
				.map(|(_, r)| r)
				.sum();
			if paid + owed != *credited {
				return Err(format!(
					"operator rewards {key:?}: paid {paid} + owed {owed} ≠ {credited}"
				));
			}
		}
		Ok(())
	}

	// -------------------------------------------------------------------------------------
	// The middleware (pallets/middleware/README.md).

	fn ensure_network(m: &Model, caller: Acc) -> Outcome {
		let network = MIDDLEWARE_SN.0;
		let allowed = m.networks.contains(&network)
			&& (caller == network || m.middleware.get(&network) == Some(&caller));
		if allowed {
			Ok(())
		} else {
			Err(named("NotNetwork"))
		}
	}

	fn horizon(m: &Model) -> Block {
		m.now.saturating_sub(HISTORY_RETENTION)
	}

	/// Records a membership change from `at`: refused when it would go before the last one, or
	/// (a bound of the pallet's histories) when the history within the window is full.
	fn record(m: &Model, trace: &mut Trace<bool>, at: Block, value: bool) -> Outcome {
		if trace.last_key().is_some_and(|k| k > at) {
			return Err(named("TooManyChanges"));
		}
		// The pallet prunes to the window first, keeping the newest entry at or before it.
		let recent = trace.changes_after(Self::horizon(m));
		let kept = recent + usize::from(trace.len() > recent);
		if kept >= MAX_MEMBERSHIP_CHANGES && trace.last_key() != Some(at) {
			return Err(named("TooManyChanges"));
		}
		trace.record(at, value);
		Ok(())
	}

	/// A membership that ended before the window: nothing reads it any more.
	fn expired(m: &Model, trace: &Trace<bool>) -> bool {
		!trace.latest() && trace.last_key().is_some_and(|k| k <= Self::horizon(m))
	}

	pub fn accept_vault(&mut self, m: &Model, caller: Acc, v: u32) -> Outcome {
		Self::ensure_network(m, caller)?;
		Self::vault_exists(m, v)?;
		if self.accepted.get(&v).is_some_and(|t| t.latest()) {
			return Err(named("AlreadyAccepted"));
		}
		// Accepting makes room from vaults whose removal nothing reads any more.
		let gone: Vec<u32> = self
			.accepted
			.iter()
			.filter(|(x, t)| **x != v && Self::expired(m, t))
			.map(|(x, _)| *x)
			.collect();
		let listed = self.accepted.len() - gone.len();
		if !self.accepted.contains_key(&v) && listed >= MAX_VAULTS_PER_SUBNETWORK {
			return Err(named("TooManyVaults"));
		}
		let mut trace = self.accepted.get(&v).cloned().unwrap_or_default();
		Self::record(m, &mut trace, m.now + 1, true)?;
		for x in gone {
			self.accepted.remove(&x);
		}
		self.accepted.insert(v, trace);
		Ok(())
	}

	pub fn remove_vault(&mut self, m: &Model, caller: Acc, v: u32) -> Outcome {
		Self::ensure_network(m, caller)?;
		let Some(mut trace) = self.accepted.get(&v).cloned().filter(|t| t.latest()) else {
			return Err(named("NotAccepted"));
		};
		Self::record(m, &mut trace, m.now + 1, false)?;
		self.accepted.insert(v, trace);
		Ok(())
	}

	/// A valuation set by the network itself, never stale, no step limit.
	pub fn set_valuation(&mut self, m: &Model, caller: Acc, asset: Asset, haircut: u32) -> Outcome {
		Self::ensure_network(m, caller)?;
		let trace = self.valuations.entry(asset).or_default();
		let halves = trace.latest().halves;
		trace.push(m.now, Valuation { halves, haircut });
		Ok(())
	}

	pub fn set_price(&mut self, m: &Model, caller: Acc, asset: Asset, halves: u128) -> Outcome {
		Self::ensure_network(m, caller)?;
		let trace = self.valuations.get_mut(&asset).ok_or(named("NoValuation"))?;
		if halves == 0 {
			return Err(named("ZeroPrice"));
		}
		let haircut = trace.latest().haircut;
		trace.push(m.now, Valuation { halves: Some(halves), haircut });
		Ok(())
	}

	pub fn set_policy(&mut self, m: &Model, caller: Acc, policy: Policy) -> Outcome {
		Self::ensure_network(m, caller)?;
		if policy.max == 0 || policy.max > MAX_OPERATORS {
			return Err(named("InvalidPolicy"));
		}
		self.policy.push(m.now, Some(policy));
		Ok(())
	}

	pub fn join(&mut self, m: &Model, o: Acc) -> Outcome {
		if !m.operators.contains(&o) {
			return Err(named("NotOperator"));
		}
		if !m.is_opted_in(o, Target::Network(MIDDLEWARE_SN.0)) {
			return Err(named("NotAdmitted"));
		}
		let mut trace = self.members.get(&o).cloned().unwrap_or_default();
		if trace.latest() {
			return Err(named("AlreadyMember"));
		}
		Self::record(m, &mut trace, m.now + 1, true)?;
		self.members.insert(o, trace);
		Ok(())
	}

	pub fn leave(&mut self, m: &Model, o: Acc) -> Outcome {
		let Some(mut trace) = self.members.get(&o).cloned().filter(|t| t.latest()) else {
			return Err(named("NotMember"));
		};
		let until = (m.now + LEAVE_DELAY).max(trace.last_key().unwrap_or(m.now) + 1);
		Self::record(m, &mut trace, until, false)?;
		self.members.insert(o, trace);
		Ok(())
	}

	/// `(1 − haircut) · ⌊stake · price⌋` at `t`'s valuation of `asset`.
	fn value(&self, asset: Asset, stake: u128, t: Block) -> u128 {
		let val = self.valuations.get(&asset).map(|tr| tr.at(t)).unwrap_or_default();
		let Some(halves) = val.halves else { return 0 };
		let raw = part(stake, halves, 2);
		part(raw, 100 - val.haircut as u128, 100)
	}

	/// The power of `o` in [`MIDDLEWARE_SN`] at `t`, with each accepted vault's (id, stake,
	/// power), by vault id.
	pub fn power(&self, m: &Model, o: Acc, t: Block) -> (u128, Vec<(u32, u128, u128)>) {
		let mut parts = Vec::new();
		for (v, trace) in &self.accepted {
			if !trace.at(t) {
				continue;
			}
			let stake = m.stake_at(*v, MIDDLEWARE_SN, o, t);
			let collateral = m.vaults[*v as usize].params.collateral;
			parts.push((*v, stake, self.value(collateral, stake, t)));
		}
		(parts.iter().map(|p| p.2).sum(), parts)
	}

	/// The operator set of [`MIDDLEWARE_SN`] at `t`.
	pub fn operator_set(&self, m: &Model, t: Block) -> Set {
		let policy = self.policy.at(t).unwrap_or_default();
		let mut candidates: Vec<(Acc, u128)> = self
			.members
			.iter()
			.filter(|(_, tr)| tr.at(t))
			.map(|(o, _)| (*o, self.power(m, *o, t).0))
			.filter(|(_, p)| *p > 0 && *p >= policy.min)
			.collect();
		candidates.sort_by(|(a, pa), (b, pb)| pb.cmp(pa).then(a.cmp(b)));
		candidates.truncate(policy.max as usize);
		let powers: Vec<u128> = candidates.iter().map(|(_, p)| *p).collect();
		let capped = cap(&powers, policy.cap);
		let mut set = Set::default();
		for ((o, p), c) in candidates.into_iter().zip(capped) {
			set.total += c;
			set.cut += p - c;
			set.operators.push((o, p, c));
		}
		set
	}
}

/// Caps `powers` (strongest first) so that none holds more than `cap` percent of the capped
/// total: each becomes `min(p, T)` for the largest `T ≤ p_1` with `100 · T ≤ cap · Σ min(p_i,
/// T)`. `Σ min(p_i, T)·cap − 100·T` is concave in `T` and zero at zero, so the levels that hold
/// are an interval from zero and a bisection finds its end. With `cap · n ≤ 100` no level above
/// the smallest power holds for every operator: all get the smallest (equal shares).
pub fn cap(powers: &[u128], cap: u32) -> Vec<u128> {
	let (n, total) = (powers.len() as u128, powers.iter().sum::<u128>());
	let Some(&top) = powers.first() else { return Vec::new() };
	let (c, one) = (cap as u128 * 10_000_000, 1_000_000_000u128);
	if c * total >= top * one {
		return powers.to_vec();
	}
	if c * n <= one {
		let least = *powers.last().expect("not empty");
		return vec![least; powers.len()];
	}
	let holds = |t: u128| t * one <= c * powers.iter().map(|p| (*p).min(t)).sum::<u128>();
	let (mut lo, mut hi) = (0u128, top);
	while lo < hi {
		let mid = lo + (hi - lo).div_ceil(2);
		if holds(mid) {
			lo = mid;
		} else {
			hi = mid - 1;
		}
	}
	powers.iter().map(|p| (*p).min(lo)).collect()
}

#[cfg(test)]
mod tests {
	use super::cap;

	#[test]
	fn the_cap_model_reproduces_the_readme_examples() {
		// pallets/middleware/README.md: 400, 100, 30 at 50 % become 130, 100, 30.
		assert_eq!(cap(&[400, 100, 30], 50), vec![130, 100, 30]);
		// pallets/middleware/src/cap.rs docs: [100, 10, 10] at 50 % → [20, 10, 10].
		assert_eq!(cap(&[100, 10, 10], 50), vec![20, 10, 10]);
		assert_eq!(cap(&[10, 10, 10], 50), vec![10, 10, 10]);
		assert_eq!(cap(&[100, 10], 50), vec![10, 10]);
	}
}
