// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! An independent model of the restaking core, written from `spec/PROTOCOL.md` alone (the
//! reference: Symbiotic v1's registries, opt-in services, vault, four delegators, instant and
//! veto slashers), in block numbers as DESIGN.md maps timestamps. It shares no code with the
//! pallets: its own checkpoint traces, its own 256-bit share arithmetic, its own slash split. The
//! differential test (`differential.rs`) drives it and the pallets with one operation stream and
//! compares them after every step.
//!
//! Where Rampart deliberately differs from the reference (DESIGN.md, the pallets' READMEs), the
//! model applies the difference explicitly and names it: [`NORMALISATIONS`] lists every one with
//! its source, and [`Model::normalised`] counts how often each changed an answer. Anything else
//! that differs is a failure of the test.

use sp_core::U256;
use std::collections::{BTreeMap, BTreeSet};

/// An account of the test world (`mock::acc(n)`).
pub type Acc = u8;
/// A block number.
pub type Block = u64;
/// A subnetwork: (network, identifier).
pub type Sn = (Acc, u32);

/// Every documented way Rampart differs from the reference, which the model follows.
pub const NORMALISATIONS: &[(&str, &str, &str)] = &[
	(
		"claimed-reads-zero",
		"`withdrawals_of` reads zero for a claimed position (the reference keeps the nominal value)",
		"pallets/vaults/README.md, Model: Epochs and withdrawals",
	),
	(
		"budget-counts-moved",
		"the cumulative slash budget counts what the vault moved, not the requested amount",
		"DESIGN.md 3, Actual amounts",
	),
	(
		"completed-before-amount",
		"`execute_slash` of a completed request answers RequestCompleted before InsufficientSlash",
		"pallets/slashing/README.md",
	),
	(
		"old-request-veto",
		"`veto_slash` of a request captured more than an epoch ago answers VetoPeriodEnded first",
		"pallets/slashing/README.md",
	),
	(
		"requests-pruned",
		"a request is kept RequestRetention blocks after its window, then may be pruned (UnknownRequest)",
		"pallets/slashing/README.md, Lifecycle; DESIGN.md 3, bounded histories",
	),
	(
		"fully-slashed-vault",
		"a deposit into a vault with shares but no active stake fails (VaultFullySlashed)",
		"DESIGN.md 3, Share math",
	),
	(
		"u128-shares",
		"share counts beyond u128 fail (SharesOverflow); the reference counts in 256 bits",
		"DESIGN.md 3, Share math",
	),
	(
		"keep-alive",
		"a depositor keeps the collateral's minimum balance (Preservation::Preserve): a deposit of \
		 the whole balance fails with a token error",
		"DESIGN.md 2, ERC-20 collateral (keep accounts alive); pallets/vaults/README.md",
	),
	(
		"zero-share-transfer",
		"a share transfer of zero fails (InsufficientShares); ERC-20 allows it",
		"pallets/vaults/README.md, Errors",
	),
	(
		"epoch-bounds",
		"the epoch length lies in [MinEpochDuration, MaxEpochDuration] (the reference: only non-zero)",
		"pallets/vaults/README.md, Errors",
	),
	(
		"kinds-not-contracts",
		"a call a vault's delegator or slasher kind lacks fails with NotSupportedByKind / \
		 WrongSlasherKind (the reference has no such function on that contract)",
		"DESIGN.md 2, enums instead of factories",
	),
	(
		"global-request-ids",
		"veto requests are numbered across all vaults (one pallet), the reference per slasher",
		"DESIGN.md 2; pallets/slashing/README.md",
	),
	(
		"bounded-histories",
		"a lookup before a vault's history window fails (HistoryPruned), after now (FutureBlock)",
		"DESIGN.md 3, Histories are bounded",
	),
	(
		"bounded-opt-in-history",
		"an opt-in is refused (TooManyOptInChanges) when the pair's history has no room left in \
		 the retention window for it and the opt-out after it",
		"pallets/registry/README.md, Errors",
	),
	(
		"vault-reserve",
		"a vault account holds the collateral's minimum balance beyond its books",
		"pallets/vaults/README.md, Creation",
	),
];

/// The reference's refusals, named as in PROTOCOL 6.2 (with the module that raises them where
/// the name is shared), plus the conditions of the normalisations above.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Refusal {
	NetworkAlreadyRegistered,
	OperatorAlreadyRegistered,
	/// `NotNetwork` of the middleware service, the delegator or the veto slasher.
	NotNetwork(Module),
	/// OptInService `NotWho`.
	NotWho,
	/// OptInService `NotWhereEntity`.
	NotWhereEntity,
	AlreadyOptedIn,
	NotOptedIn,
	OptOutCooldown,
	AlreadySet(Module),
	/// AccessControl's unauthorized.
	Unauthorized(Module),
	/// No contract at that address (an unknown vault id).
	NoVault(Module),
	/// The delegator or slasher type has no such function.
	NoSuchFunction(Module),
	InvalidEpochDuration,
	InvalidVetoDuration,
	InvalidResolverSetEpochsDelay,
	/// Delegator init `NotOperator`.
	NotOperator,
	NotWhitelistedDepositor,
	InsufficientDeposit,
	DepositLimitReached,
	/// The collateral token refused the transfer (balance).
	Token,
	InsufficientWithdrawal,
	TooMuchWithdraw,
	TooMuchRedeem,
	InsufficientRedemption,
	InvalidEpoch,
	AlreadyClaimed,
	InsufficientClaim,
	InvalidLengthEpochs,
	/// ERC-20 `transfer` of more shares than held.
	InsufficientShareBalance,
	ExceedsMaxNetworkLimit,
	InvalidNetwork,
	NotNetworkMiddleware,
	InvalidCaptureTimestamp,
	InsufficientSlash,
	SlashRequestNotExist,
	VetoPeriodNotEnded,
	VetoPeriodEnded,
	SlashPeriodEnded,
	SlashRequestCompleted,
	NoResolver,
	NotResolver,
	// Normalisations.
	VaultFullySlashed,
	SharesOverflow,
	ZeroShareTransfer,
	/// A refusal of Rampart's own calls (rewards, middleware: `economics.rs`), by the name of
	/// the pallet error a user sees.
	Rampart(&'static str),
}

/// Where a shared error name comes from.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Module {
	Registry,
	Vaults,
	Delegation,
	Slashing,
}

type Outcome = Result<(), Refusal>;

/// A checkpoint trace (PROTOCOL 2.1): keys non-decreasing, one entry per block holding the
/// block's last value; `at(t)` is the last value at or before `t`.
#[derive(Clone, Debug, Default)]
pub struct Trace<V>(Vec<(Block, V)>);

impl<V: Copy + Default> Trace<V> {
	pub fn push(&mut self, at: Block, value: V) {
		match self.0.last_mut() {
			Some((k, v)) if *k == at => *v = value,
			Some((k, _)) => {
				assert!(*k < at, "a checkpoint pushed into the past");
				self.0.push((at, value))
			},
			None => self.0.push((at, value)),
		}
	}
	pub fn latest(&self) -> V {
		self.0.last().map(|(_, v)| *v).unwrap_or_default()
	}
	pub fn at(&self, t: Block) -> V {
		let i = self.0.partition_point(|(k, _)| *k <= t);
		if i == 0 {
			V::default()
		} else {
			self.0[i - 1].1
		}
	}
	/// The block of the last entry.
	pub fn last_key(&self) -> Option<Block> {
		self.0.last().map(|(k, _)| *k)
	}
	/// The number of entries.
	pub fn len(&self) -> usize {
		self.0.len()
	}
	/// Entries with a key after `t`.
	pub fn changes_after(&self, t: Block) -> usize {
		self.0.iter().filter(|(k, _)| *k > t).count()
	}
}

impl<V: Copy + Default + PartialEq> Trace<V> {
	/// Records `value` from `at` as Rampart's bounded histories do (DESIGN 3): a second change in
	/// one block replaces the first, and an entry that then repeats the one before it is dropped.
	pub fn record(&mut self, at: Block, value: V) {
		match self.0.last_mut() {
			Some((k, v)) if *k == at => {
				*v = value;
				let n = self.0.len();
				if n >= 2 && self.0[n - 2].1 == value {
					self.0.pop();
				}
			},
			_ => self.push(at, value),
		}
	}
}

/// `x·y/z` with full precision, rounded down or up; `None` when `z` is zero. The inputs are
/// amounts (below 2^128, or 2^128 with the virtual +1), so the product fits in 256 bits.
pub fn mul_div(x: U256, y: U256, z: U256, up: bool) -> Option<U256> {
	if z.is_zero() {
		return None;
	}
	let (q, r) = (x * y).div_mod(z);
	Some(if up && !r.is_zero() { q + 1 } else { q })
}

/// An amount as a 256-bit number.
pub fn u(x: u128) -> U256 {
	U256::from(x)
}

/// An amount plus the virtual unit of PROTOCOL 2.1.
pub fn u1(x: u128) -> U256 {
	U256::from(x) + 1
}

fn narrow(v: U256) -> Option<u128> {
	(v <= U256::from(u128::MAX)).then(|| v.as_u128())
}

/// A collateral.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum Asset {
	Native,
	Usd,
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum Target {
	Network(Acc),
	Vault(u32),
}

/// PROTOCOL 3.2-3.5.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
	NetworkRestake,
	FullRestake,
	OperatorSpecific(Acc),
	/// (operator, network)
	OperatorNetworkSpecific(Acc, Acc),
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Slasher {
	None,
	Instant,
	Veto { veto: Block, delay: u32 },
}

/// The vault roles of PROTOCOL 1.7 that the stream uses.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum Role {
	DepositWhitelistSetter,
	DepositorWhitelister,
	DepositLimitToggler,
	DepositLimitSetter,
	NetworkLimitSetter,
	OperatorNetworkSharesSetter,
	OperatorNetworkLimitSetter,
}

pub const ALL_ROLES: [Role; 7] = [
	Role::DepositWhitelistSetter,
	Role::DepositorWhitelister,
	Role::DepositLimitToggler,
	Role::DepositLimitSetter,
	Role::NetworkLimitSetter,
	Role::OperatorNetworkSharesSetter,
	Role::OperatorNetworkLimitSetter,
];

/// What a vault is created with.
#[derive(Clone, Debug)]
pub struct VaultParams {
	pub collateral: Asset,
	pub epoch: Block,
	pub kind: Kind,
	pub slasher: Slasher,
	/// `None`: burn; `Some(a)`: redistribute to `a`.
	pub burner: Option<Acc>,
	pub whitelist: bool,
	pub limit: Option<u128>,
}

/// One vault (PROTOCOL 2), its delegator (3) and its slasher's per-pair state (4.1).
#[derive(Clone, Debug)]
pub struct Vault {
	pub params: VaultParams,
	pub t0: Block,
	pub roles: BTreeSet<(Role, Acc)>,
	pub whitelist: bool,
	pub whitelisted: BTreeSet<Acc>,
	pub is_limit: bool,
	pub limit: u128,
	pub a: Trace<u128>,
	pub s: Trace<u128>,
	pub shares: BTreeMap<Acc, Trace<u128>>,
	pub w: BTreeMap<Block, u128>,
	pub ws: BTreeMap<Block, u128>,
	pub wsh: BTreeMap<(Block, Acc), u128>,
	pub claimed: BTreeSet<(Block, Acc)>,
	pub max_nl: BTreeMap<Sn, Trace<u128>>,
	pub nl: BTreeMap<Sn, Trace<u128>>,
	pub share: BTreeMap<(Sn, Acc), Trace<u128>>,
	pub total_share: BTreeMap<Sn, Trace<u128>>,
	pub ol: BTreeMap<(Sn, Acc), Trace<u128>>,
	pub latest_capture: BTreeMap<(Sn, Acc), Block>,
	pub cumulative: BTreeMap<(Sn, Acc), Trace<u128>>,
	pub resolvers: BTreeMap<Sn, Vec<(Block, Option<Acc>)>>,
	/// The collateral the vault account holds.
	pub balance: u128,
}

impl Vault {
	pub fn epoch_at(&self, t: Block) -> Option<Block> {
		(t >= self.t0).then(|| (t - self.t0) / self.params.epoch)
	}
	pub fn shares_of(&self, who: Acc) -> &Trace<u128> {
		static EMPTY: Trace<u128> = Trace(Vec::new());
		self.shares.get(&who).unwrap_or(&EMPTY)
	}
	fn trace<K: Ord>(map: &BTreeMap<K, Trace<u128>>, key: &K, t: Block) -> u128 {
		map.get(key).map(|tr| tr.at(t)).unwrap_or(0)
	}
	/// `withdrawalsOf(e, who)` (PROTOCOL 2.8), zero once claimed (claimed-reads-zero).
	pub fn withdrawals_of(&self, e: Block, who: Acc) -> u128 {
		if self.claimed.contains(&(e, who)) {
			return 0;
		}
		let ws = self.wsh.get(&(e, who)).copied().unwrap_or(0);
		let (w, total) =
			(self.w.get(&e).copied().unwrap_or(0), self.ws.get(&e).copied().unwrap_or(0));
		mul_div(u(ws), u1(w), u1(total), false).and_then(narrow).unwrap_or(0)
	}
	pub fn active_balance_of_at(&self, who: Acc, t: Block) -> u128 {
		let (mine, a, s) = (self.shares_of(who).at(t), self.a.at(t), self.s.at(t));
		mul_div(u(mine), u1(a), u1(s), false).and_then(narrow).unwrap_or(0)
	}
	/// `resolverAt(sn, t)`.
	pub fn resolver_at(&self, sn: Sn, t: Block) -> Option<Acc> {
		self.resolvers
			.get(&sn)
			.and_then(|h| h.iter().rev().find(|(b, _)| *b <= t))
			.and_then(|(_, r)| *r)
	}
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Status {
	Pending,
	Vetoed,
	Executed { slashed: u128, moved: u128, at: Block },
}

/// A veto slasher's request (PROTOCOL 4.3).
#[derive(Clone, Debug)]
pub struct Request {
	pub vault: u32,
	pub sn: Sn,
	pub op: Acc,
	pub amount: u128,
	pub capture: Block,
	pub deadline: Block,
	pub status: Status,
}

/// The whole model.
#[derive(Clone, Debug, Default)]
pub struct Model {
	pub now: Block,
	pub networks: BTreeSet<Acc>,
	pub middleware: BTreeMap<Acc, Acc>,
	pub operators: BTreeSet<Acc>,
	pub opt_ins: BTreeMap<(Acc, Target), Trace<bool>>,
	pub vaults: Vec<Vault>,
	pub requests: Vec<Request>,
	/// Collateral balances of the accounts the stream moves collateral for.
	pub balances: BTreeMap<(Asset, Acc), u128>,
	/// How often each normalisation changed an answer.
	pub normalised: BTreeMap<&'static str, u64>,
	/// Blocks a request is kept after its window (the pallet's `RequestRetention`).
	pub request_retention: Block,
	/// The minimum balance of both collaterals.
	pub min_balance: u128,
}

impl Model {
	pub fn new(now: Block, request_retention: Block, min_balance: u128) -> Self {
		Self { now, request_retention, min_balance, ..Default::default() }
	}

	fn note(&mut self, normalisation: &'static str) {
		debug_assert!(NORMALISATIONS.iter().any(|(n, _, _)| *n == normalisation));
		*self.normalised.entry(normalisation).or_default() += 1;
	}

	pub fn balance(&self, asset: Asset, who: Acc) -> u128 {
		self.balances.get(&(asset, who)).copied().unwrap_or(0)
	}

	fn vault(&self, v: u32, module: Module) -> Result<&Vault, Refusal> {
		self.vaults.get(v as usize).ok_or(Refusal::NoVault(module))
	}

	fn opted_in_at(&self, who: Acc, target: Target, t: Block) -> bool {
		self.opt_ins.get(&(who, target)).is_some_and(|tr| tr.at(t))
	}

	pub fn is_opted_in(&self, who: Acc, target: Target) -> bool {
		self.opt_ins.get(&(who, target)).is_some_and(|tr| tr.latest())
	}

	pub fn advance(&mut self, blocks: Block) {
		self.now += blocks;
	}

	// -------------------------------------------------------------------------------------
	// Registries, middleware, opt-ins (PROTOCOL 1.3, 1.5, 1.6).

	pub fn register_network(&mut self, n: Acc) -> Outcome {
		if !self.networks.insert(n) {
			return Err(Refusal::NetworkAlreadyRegistered);
		}
		Ok(())
	}

	pub fn register_operator(&mut self, o: Acc) -> Outcome {
		if !self.operators.insert(o) {
			return Err(Refusal::OperatorAlreadyRegistered);
		}
		Ok(())
	}

	pub fn set_middleware(&mut self, n: Acc, m: Option<Acc>) -> Outcome {
		if !self.networks.contains(&n) {
			return Err(Refusal::NotNetwork(Module::Registry));
		}
		if self.middleware.get(&n).copied() == m {
			return Err(Refusal::AlreadySet(Module::Registry));
		}
		match m {
			Some(m) => self.middleware.insert(n, m),
			None => self.middleware.remove(&n),
		};
		Ok(())
	}

	fn target_exists(&self, target: Target) -> bool {
		match target {
			Target::Network(n) => self.networks.contains(&n),
			Target::Vault(v) => (v as usize) < self.vaults.len(),
		}
	}

	pub fn opt_in(&mut self, o: Acc, target: Target) -> Outcome {
		if !self.operators.contains(&o) {
			return Err(Refusal::NotWho);
		}
		if !self.target_exists(target) {
			return Err(Refusal::NotWhereEntity);
		}
		if self.is_opted_in(o, target) {
			return Err(Refusal::AlreadyOptedIn);
		}
		let now = self.now;
		self.opt_ins.entry((o, target)).or_default().push(now, true);
		Ok(())
	}

	pub fn opt_out(&mut self, o: Acc, target: Target) -> Outcome {
		let now = self.now;
		let Some(trace) = self.opt_ins.get_mut(&(o, target)) else {
			return Err(Refusal::NotOptedIn);
		};
		if !trace.latest() {
			return Err(Refusal::NotOptedIn);
		}
		if trace.last_key() == Some(now) {
			return Err(Refusal::OptOutCooldown);
		}
		trace.push(now, false);
		Ok(())
	}

	/// Changes of the pair's opt-in within the last `window` blocks (for the bounded-history
	/// refusal the pallet may give: see `differential.rs`).
	pub fn opt_in_changes_since(&self, o: Acc, target: Target, since: Block) -> usize {
		self.opt_ins.get(&(o, target)).map(|t| t.changes_after(since)).unwrap_or(0)
	}

	// -------------------------------------------------------------------------------------
	// Vaults (PROTOCOL 2).

	/// `VaultConfigurator.create` by `curator`, who holds every role.
	pub fn create_vault(
		&mut self,
		curator: Acc,
		params: VaultParams,
		epoch_bounds: (Block, Block),
	) -> Outcome {
		if params.epoch == 0 {
			return Err(Refusal::InvalidEpochDuration);
		}
		if params.epoch < epoch_bounds.0 || params.epoch > epoch_bounds.1 {
			self.note("epoch-bounds");
			return Err(Refusal::InvalidEpochDuration);
		}
		if let Slasher::Veto { veto, delay } = params.slasher {
			if veto >= params.epoch {
				return Err(Refusal::InvalidVetoDuration);
			}
			if delay < 3 {
				return Err(Refusal::InvalidResolverSetEpochsDelay);
			}
		}
		match params.kind {
			Kind::OperatorSpecific(o) if !self.operators.contains(&o) => {
				return Err(Refusal::NotOperator)
			},
			Kind::OperatorNetworkSpecific(o, n) => {
				if !self.operators.contains(&o) {
					return Err(Refusal::NotOperator);
				}
				if !self.networks.contains(&n) {
					return Err(Refusal::NotNetwork(Module::Vaults));
				}
			},
			_ => {},
		}
		self.note("vault-reserve");
		let reserve = self.min_balance;
		let curator_balance = self.balances.entry((params.collateral, curator)).or_default();
		*curator_balance = curator_balance.saturating_sub(reserve);
		self.vaults.push(Vault {
			t0: self.now,
			roles: ALL_ROLES.iter().map(|r| (*r, curator)).collect(),
			whitelist: params.whitelist,
			whitelisted: BTreeSet::new(),
			is_limit: params.limit.is_some(),
			limit: params.limit.unwrap_or(0),
			params,
			a: Trace::default(),
			s: Trace::default(),
			shares: BTreeMap::new(),
			w: BTreeMap::new(),
			ws: BTreeMap::new(),
			wsh: BTreeMap::new(),
			claimed: BTreeSet::new(),
			max_nl: BTreeMap::new(),
			nl: BTreeMap::new(),
			share: BTreeMap::new(),
			total_share: BTreeMap::new(),
			ol: BTreeMap::new(),
			latest_capture: BTreeMap::new(),
			cumulative: BTreeMap::new(),
			resolvers: BTreeMap::new(),
			balance: reserve,
		});
		Ok(())
	}

	pub fn current_epoch(&self, v: u32) -> Block {
		let vault = &self.vaults[v as usize];
		vault.epoch_at(self.now).expect("a vault's clock starts at its creation")
	}

	/// PROTOCOL 2.4.
	pub fn deposit(&mut self, caller: Acc, v: u32, on_behalf: Acc, amount: u128) -> Outcome {
		let now = self.now;
		let min_balance = self.min_balance;
		let vault = self.vault(v, Module::Vaults)?;
		if vault.whitelist && !vault.whitelisted.contains(&caller) {
			return Err(Refusal::NotWhitelistedDepositor);
		}
		if amount == 0 {
			return Err(Refusal::InsufficientDeposit);
		}
		let (a, s) = (vault.a.latest(), vault.s.latest());
		if a == 0 && s > 0 {
			self.note("fully-slashed-vault");
			return Err(Refusal::VaultFullySlashed);
		}
		let asset = vault.params.collateral;
		let balance = self.balance(asset, caller);
		if amount > balance {
			return Err(Refusal::Token);
		}
		if amount > balance - min_balance.min(balance) {
			self.note("keep-alive");
			return Err(Refusal::Token);
		}
		let new_a = a.checked_add(amount).ok_or(Refusal::SharesOverflow)?;
		if vault.is_limit && new_a > vault.limit {
			return Err(Refusal::DepositLimitReached);
		}
		let minted = mul_div(u(amount), u1(s), u1(a), false).expect("a + 1 > 0");
		let mine = vault.shares_of(on_behalf).latest();
		let (Some(new_s), Some(new_mine)) =
			(narrow(minted + U256::from(s)), narrow(minted + U256::from(mine)))
		else {
			self.note("u128-shares");
			return Err(Refusal::SharesOverflow);
		};
		*self.balances.entry((asset, caller)).or_default() -= amount;
		let vault = &mut self.vaults[v as usize];
		vault.balance += amount;
		vault.a.push(now, new_a);
		vault.s.push(now, new_s);
		vault.shares.entry(on_behalf).or_default().push(now, new_mine);
		Ok(())
	}

	/// PROTOCOL 2.5.
	pub fn withdraw(&mut self, caller: Acc, v: u32, claimer: Acc, amount: u128) -> Outcome {
		let vault = self.vault(v, Module::Vaults)?;
		if amount == 0 {
			return Err(Refusal::InsufficientWithdrawal);
		}
		let (a, s) = (vault.a.latest(), vault.s.latest());
		let burned = mul_div(u(amount), u1(s), u1(a), true).expect("a + 1 > 0");
		if burned > U256::from(vault.shares_of(caller).latest()) {
			return Err(Refusal::TooMuchWithdraw);
		}
		self.withdrawal(caller, v, claimer, amount, burned.as_u128())
	}

	/// PROTOCOL 2.6.
	pub fn redeem(&mut self, caller: Acc, v: u32, claimer: Acc, shares: u128) -> Outcome {
		let vault = self.vault(v, Module::Vaults)?;
		if shares > vault.shares_of(caller).latest() {
			return Err(Refusal::TooMuchRedeem);
		}
		let (a, s) = (vault.a.latest(), vault.s.latest());
		let assets = narrow(mul_div(u(shares), u1(a), u1(s), false).expect("s + 1 > 0"))
			.expect("shares ≤ S, so assets ≤ A");
		if assets == 0 {
			return Err(Refusal::InsufficientRedemption);
		}
		self.withdrawal(caller, v, claimer, assets, shares)
	}

	/// The common path P of PROTOCOL 2.6.
	fn withdrawal(
		&mut self,
		caller: Acc,
		v: u32,
		claimer: Acc,
		assets: u128,
		burned: u128,
	) -> Outcome {
		let now = self.now;
		let e = self.current_epoch(v) + 1;
		let vault = &self.vaults[v as usize];
		let (w, ws) =
			(vault.w.get(&e).copied().unwrap_or(0), vault.ws.get(&e).copied().unwrap_or(0));
		let minted = mul_div(u(assets), u1(ws), u1(w), false).expect("w + 1 > 0");
		let mine = vault.wsh.get(&(e, claimer)).copied().unwrap_or(0);
		let (Some(new_ws), Some(new_mine)) =
			(narrow(minted + U256::from(ws)), narrow(minted + U256::from(mine)))
		else {
			self.note("u128-shares");
			return Err(Refusal::SharesOverflow);
		};
		let vault = &mut self.vaults[v as usize];
		let (a, s, own) = (vault.a.latest(), vault.s.latest(), vault.shares_of(caller).latest());
		vault.shares.entry(caller).or_default().push(now, own - burned);
		vault.s.push(now, s - burned);
		vault.a.push(now, a - assets);
		vault.w.insert(e, w + assets);
		vault.ws.insert(e, new_ws);
		vault.wsh.insert((e, claimer), new_mine);
		Ok(())
	}

	/// One epoch's claim of PROTOCOL 2.7, on a scratch set of claimed positions.
	fn claim_one(
		&self,
		vault: &Vault,
		v: u32,
		caller: Acc,
		e: Block,
		claimed: &mut BTreeSet<(Block, Acc)>,
	) -> Result<u128, Refusal> {
		if e >= self.current_epoch(v) {
			return Err(Refusal::InvalidEpoch);
		}
		if !claimed.insert((e, caller)) {
			return Err(Refusal::AlreadyClaimed);
		}
		let ws = vault.wsh.get(&(e, caller)).copied().unwrap_or(0);
		let (w, total) =
			(vault.w.get(&e).copied().unwrap_or(0), vault.ws.get(&e).copied().unwrap_or(0));
		let amount = narrow(mul_div(u(ws), u1(w), u1(total), false).expect("> 0")).expect("≤ W[e]");
		if amount == 0 {
			return Err(Refusal::InsufficientClaim);
		}
		Ok(amount)
	}

	pub fn claim(&mut self, caller: Acc, v: u32, recipient: Acc, e: Block) -> Outcome {
		self.claim_batch(caller, v, recipient, &[e], false)
	}

	/// `claimBatch` (and `claim`, with `batch` false: no empty-list check applies to it).
	pub fn claim_batch(
		&mut self,
		caller: Acc,
		v: u32,
		recipient: Acc,
		epochs: &[Block],
		batch: bool,
	) -> Outcome {
		let vault = self.vault(v, Module::Vaults)?;
		if batch && epochs.is_empty() {
			return Err(Refusal::InvalidLengthEpochs);
		}
		let mut claimed = vault.claimed.clone();
		let mut total = 0u128;
		for e in epochs {
			total += self.claim_one(vault, v, caller, *e, &mut claimed)?;
		}
		let asset = vault.params.collateral;
		let vault = &mut self.vaults[v as usize];
		vault.claimed = claimed;
		vault.balance -= total;
		*self.balances.entry((asset, recipient)).or_default() += total;
		Ok(())
	}

	/// VaultTokenized `transfer` (PROTOCOL 2.11).
	pub fn transfer_shares(&mut self, caller: Acc, v: u32, to: Acc, shares: u128) -> Outcome {
		let now = self.now;
		let vault = self.vault(v, Module::Vaults)?;
		if shares == 0 {
			self.note("zero-share-transfer");
			return Err(Refusal::ZeroShareTransfer);
		}
		let mine = vault.shares_of(caller).latest();
		if shares > mine {
			return Err(Refusal::InsufficientShareBalance);
		}
		if caller != to {
			let theirs = vault.shares_of(to).latest();
			let vault = &mut self.vaults[v as usize];
			vault.shares.entry(caller).or_default().push(now, mine - shares);
			vault.shares.entry(to).or_default().push(now, theirs + shares);
		}
		Ok(())
	}

	/// A delegator setter's checks: the vault exists, its kind has the setter
	/// (kinds-not-contracts), and `who` holds `role`.
	fn delegator_setter(
		&mut self,
		v: u32,
		has_setter: impl Fn(Kind) -> bool,
		role: Role,
		who: Acc,
	) -> Result<&Vault, Refusal> {
		if !has_setter(self.vault(v, Module::Delegation)?.params.kind) {
			self.note("kinds-not-contracts");
			return Err(Refusal::NoSuchFunction(Module::Delegation));
		}
		self.ensure_role(v, role, who, Module::Delegation)
	}

	fn ensure_role(&self, v: u32, role: Role, who: Acc, module: Module) -> Result<&Vault, Refusal> {
		let vault = self.vault(v, module)?;
		if !vault.roles.contains(&(role, who)) {
			return Err(Refusal::Unauthorized(module));
		}
		Ok(vault)
	}

	/// A deposit setting of vault `v` (PROTOCOL 2.10): `caller` needs `role`, and setting the
	/// value it has is refused.
	fn set_setting<V: PartialEq>(
		&mut self,
		caller: Acc,
		v: u32,
		role: Role,
		value: V,
		field: fn(&mut Vault) -> &mut V,
	) -> Outcome {
		self.ensure_role(v, role, caller, Module::Vaults)?;
		let current = field(&mut self.vaults[v as usize]);
		if *current == value {
			return Err(Refusal::AlreadySet(Module::Vaults));
		}
		*current = value;
		Ok(())
	}

	pub fn set_deposit_whitelist(&mut self, caller: Acc, v: u32, on: bool) -> Outcome {
		self.set_setting(caller, v, Role::DepositWhitelistSetter, on, |x| &mut x.whitelist)
	}

	pub fn set_depositor_whitelist_status(
		&mut self,
		caller: Acc,
		v: u32,
		who: Acc,
		on: bool,
	) -> Outcome {
		let vault = self.ensure_role(v, Role::DepositorWhitelister, caller, Module::Vaults)?;
		if vault.whitelisted.contains(&who) == on {
			return Err(Refusal::AlreadySet(Module::Vaults));
		}
		let list = &mut self.vaults[v as usize].whitelisted;
		if on {
			list.insert(who);
		} else {
			list.remove(&who);
		}
		Ok(())
	}

	pub fn set_is_deposit_limit(&mut self, caller: Acc, v: u32, on: bool) -> Outcome {
		self.set_setting(caller, v, Role::DepositLimitToggler, on, |x| &mut x.is_limit)
	}

	pub fn set_deposit_limit(&mut self, caller: Acc, v: u32, limit: u128) -> Outcome {
		self.set_setting(caller, v, Role::DepositLimitSetter, limit, |x| &mut x.limit)
	}

	/// What a vault's balances look like from the outside (PROTOCOL 2.8).
	pub fn total_stake(&self, v: u32) -> u128 {
		let vault = &self.vaults[v as usize];
		let cur = self.current_epoch(v);
		vault.a.latest()
			+ vault.w.get(&cur).copied().unwrap_or(0)
			+ vault.w.get(&(cur + 1)).copied().unwrap_or(0)
	}

	pub fn slashable_balance_of(&self, v: u32, who: Acc) -> u128 {
		let vault = &self.vaults[v as usize];
		let cur = self.current_epoch(v);
		vault.active_balance_of_at(who, self.now)
			+ vault.withdrawals_of(cur, who)
			+ vault.withdrawals_of(cur + 1, who)
	}

	// -------------------------------------------------------------------------------------
	// Delegators (PROTOCOL 3).

	pub fn set_max_network_limit(&mut self, n: Acc, v: u32, id: u32, amount: u128) -> Outcome {
		let now = self.now;
		if !self.networks.contains(&n) {
			return Err(Refusal::NotNetwork(Module::Delegation));
		}
		let vault = self.vault(v, Module::Delegation)?;
		let sn = (n, id);
		if Vault::trace(&vault.max_nl, &sn, now) == amount {
			return Err(Refusal::AlreadySet(Module::Delegation));
		}
		let pair = matches!(vault.params.kind, Kind::OperatorNetworkSpecific(..));
		if let Kind::OperatorNetworkSpecific(_, bound) = vault.params.kind {
			if bound != n {
				return Err(Refusal::InvalidNetwork);
			}
		}
		let vault = &mut self.vaults[v as usize];
		vault.max_nl.entry(sn).or_default().push(now, amount);
		if !pair && Vault::trace(&vault.nl, &sn, now) > amount {
			vault.nl.entry(sn).or_default().push(now, amount);
		}
		Ok(())
	}

	pub fn set_network_limit(&mut self, caller: Acc, v: u32, sn: Sn, amount: u128) -> Outcome {
		let now = self.now;
		let not_pair = |k| !matches!(k, Kind::OperatorNetworkSpecific(..));
		let vault = self.delegator_setter(v, not_pair, Role::NetworkLimitSetter, caller)?;
		if amount > Vault::trace(&vault.max_nl, &sn, now) {
			return Err(Refusal::ExceedsMaxNetworkLimit);
		}
		if Vault::trace(&vault.nl, &sn, now) == amount {
			return Err(Refusal::AlreadySet(Module::Delegation));
		}
		self.vaults[v as usize].nl.entry(sn).or_default().push(now, amount);
		Ok(())
	}

	pub fn set_operator_network_shares(
		&mut self,
		caller: Acc,
		v: u32,
		sn: Sn,
		op: Acc,
		shares: u128,
	) -> Outcome {
		let now = self.now;
		let restake = |k| k == Kind::NetworkRestake;
		let vault = self.delegator_setter(v, restake, Role::OperatorNetworkSharesSetter, caller)?;
		let old = Vault::trace(&vault.share, &(sn, op), now);
		if old == shares {
			return Err(Refusal::AlreadySet(Module::Delegation));
		}
		let total = Vault::trace(&vault.total_share, &sn, now) - old + shares;
		let vault = &mut self.vaults[v as usize];
		vault.total_share.entry(sn).or_default().push(now, total);
		vault.share.entry((sn, op)).or_default().push(now, shares);
		Ok(())
	}

	pub fn set_operator_network_limit(
		&mut self,
		caller: Acc,
		v: u32,
		sn: Sn,
		op: Acc,
		amount: u128,
	) -> Outcome {
		let now = self.now;
		let full = |k| k == Kind::FullRestake;
		let vault = self.delegator_setter(v, full, Role::OperatorNetworkLimitSetter, caller)?;
		if Vault::trace(&vault.ol, &(sn, op), now) == amount {
			return Err(Refusal::AlreadySet(Module::Delegation));
		}
		self.vaults[v as usize].ol.entry((sn, op)).or_default().push(now, amount);
		Ok(())
	}

	/// `stakeAt(sn, op, t)` (PROTOCOL 3.1-3.5): the type's formula with every value at `t`, zero
	/// unless the operator was opted into the vault and the network at `t`.
	pub fn stake_at(&self, v: u32, sn: Sn, op: Acc, t: Block) -> u128 {
		let vault = &self.vaults[v as usize];
		if !self.opted_in_at(op, Target::Vault(v), t)
			|| !self.opted_in_at(op, Target::Network(sn.0), t)
		{
			return 0;
		}
		let a = vault.a.at(t);
		let nl = Vault::trace(&vault.nl, &sn, t);
		match vault.params.kind {
			Kind::NetworkRestake => {
				let total = Vault::trace(&vault.total_share, &sn, t);
				if total == 0 {
					return 0;
				}
				let share = Vault::trace(&vault.share, &(sn, op), t);
				narrow(mul_div(u(share), u(a.min(nl)), u(total), false).expect("total > 0"))
					.expect("share ≤ total")
			},
			Kind::FullRestake => a.min(nl).min(Vault::trace(&vault.ol, &(sn, op), t)),
			Kind::OperatorSpecific(o) => {
				if o == op {
					a.min(nl)
				} else {
					0
				}
			},
			Kind::OperatorNetworkSpecific(o, n) => {
				if o == op && n == sn.0 {
					a.min(Vault::trace(&vault.max_nl, &sn, t))
				} else {
					0
				}
			},
		}
	}

	pub fn stake(&self, v: u32, sn: Sn, op: Acc) -> u128 {
		self.stake_at(v, sn, op, self.now)
	}

	// -------------------------------------------------------------------------------------
	// Slashers (PROTOCOL 4).

	/// `slashableStake(sn, op, tc)` (PROTOCOL 4.1).
	pub fn slashable(&self, v: u32, sn: Sn, op: Acc, tc: Block) -> u128 {
		let vault = &self.vaults[v as usize];
		if tc >= self.now || tc + vault.params.epoch < self.now {
			return 0;
		}
		if vault.latest_capture.get(&(sn, op)).is_some_and(|latest| tc < *latest) {
			return 0;
		}
		let g = self.stake_at(v, sn, op, tc);
		let cumulative = vault.cumulative.get(&(sn, op));
		let after = cumulative.map(|c| c.latest() - c.at(tc)).unwrap_or(0);
		g - after.min(g)
	}

	fn ensure_middleware(&self, caller: Acc, sn: Sn) -> Outcome {
		if self.middleware.get(&sn.0) != Some(&caller) {
			return Err(Refusal::NotNetworkMiddleware);
		}
		Ok(())
	}

	/// `Vault.onSlash(amount, tc)` (PROTOCOL 2.9): returns what moved to the burner.
	fn vault_on_slash(&mut self, v: u32, amount: u128, tc: Block) -> u128 {
		let now = self.now;
		let cur = self.current_epoch(v);
		let vault = &mut self.vaults[v as usize];
		let ce = vault.epoch_at(tc).expect("a capture with stake is after the vault's creation");
		let previous = if ce == cur {
			false
		} else if cur > 0 && ce == cur - 1 {
			true
		} else {
			panic!("a capture inside the slasher's window is in the current or previous epoch")
		};
		let a = vault.a.latest();
		let c_bucket = vault.w.get(&cur).copied().unwrap_or(0);
		let n_bucket = vault.w.get(&(cur + 1)).copied().unwrap_or(0);
		let pool = if previous { a + c_bucket + n_bucket } else { a + n_bucket };
		let s = amount.min(pool);
		if s == 0 {
			return 0;
		}
		let da = narrow(mul_div(u(s), u(a), u(pool), false).expect("pool > 0")).expect("≤ s");
		let (mut dn, mut dc) = (s - da, 0);
		if previous {
			dn =
				narrow(mul_div(u(s), u(n_bucket), u(pool), false).expect("pool > 0")).expect("≤ s");
			dc = s - da - dn;
			if dc > c_bucket {
				dn += dc - c_bucket;
				dc = c_bucket;
			}
		}
		vault.a.push(now, a - da);
		vault.w.insert(cur + 1, n_bucket - dn);
		if previous {
			vault.w.insert(cur, c_bucket - dc);
		}
		vault.balance -= s;
		let (asset, burner) = (vault.params.collateral, vault.params.burner);
		if let Some(to) = burner {
			*self.balances.entry((asset, to)).or_default() += s;
		}
		s
	}

	/// Steps 4-7 of PROTOCOL 4.2 for a slash of `slashed` already bounded by the budget.
	fn execute(&mut self, v: u32, sn: Sn, op: Acc, slashed: u128, tc: Block) -> u128 {
		let now = self.now;
		let vault = &mut self.vaults[v as usize];
		let latest = vault.latest_capture.entry((sn, op)).or_insert(tc);
		*latest = (*latest).max(tc);
		let moved = self.vault_on_slash(v, slashed, tc);
		if moved != slashed {
			self.note("budget-counts-moved");
		}
		if moved > 0 {
			let cumulative = self.vaults[v as usize].cumulative.entry((sn, op)).or_default();
			let total = cumulative.latest() + moved;
			cumulative.push(now, total);
		}
		moved
	}

	/// Instant `slash` (PROTOCOL 4.2).
	pub fn slash(
		&mut self,
		caller: Acc,
		v: u32,
		sn: Sn,
		op: Acc,
		amount: u128,
		tc: Block,
	) -> Outcome {
		self.ensure_middleware(caller, sn)?;
		let vault = self.vault(v, Module::Slashing)?;
		if vault.params.slasher != Slasher::Instant {
			self.note("kinds-not-contracts");
			return Err(Refusal::NoSuchFunction(Module::Slashing));
		}
		if tc >= self.now || tc + vault.params.epoch < self.now {
			return Err(Refusal::InvalidCaptureTimestamp);
		}
		let slashed = amount.min(self.slashable(v, sn, op, tc));
		if slashed == 0 {
			return Err(Refusal::InsufficientSlash);
		}
		self.execute(v, sn, op, slashed, tc);
		Ok(())
	}

	/// `requestSlash` (PROTOCOL 4.3).
	pub fn request_slash(
		&mut self,
		caller: Acc,
		v: u32,
		sn: Sn,
		op: Acc,
		amount: u128,
		tc: Block,
	) -> Outcome {
		self.ensure_middleware(caller, sn)?;
		let vault = self.vault(v, Module::Slashing)?;
		let Slasher::Veto { veto, .. } = vault.params.slasher else {
			self.note("kinds-not-contracts");
			return Err(Refusal::NoSuchFunction(Module::Slashing));
		};
		if tc >= self.now || tc + vault.params.epoch < self.now + veto {
			return Err(Refusal::InvalidCaptureTimestamp);
		}
		let amount = amount.min(self.slashable(v, sn, op, tc));
		if amount == 0 {
			return Err(Refusal::InsufficientSlash);
		}
		if !self.requests.is_empty() && self.requests.iter().any(|r| r.vault != v) {
			self.note("global-request-ids");
		}
		let deadline = self.now + veto;
		self.requests.push(Request {
			vault: v,
			sn,
			op,
			amount,
			capture: tc,
			deadline,
			status: Status::Pending,
		});
		Ok(())
	}

	/// Whether request `id` may already be gone from the pallet (requests-pruned).
	pub fn prunable(&self, id: u64) -> bool {
		self.requests.get(id as usize).is_some_and(|r| {
			let epoch = self.vaults[r.vault as usize].params.epoch;
			self.now > r.capture + epoch + self.request_retention
		})
	}

	/// The resolver that watches a request: the one at its capture, if one is in force now
	/// (looked up at `now − 1`).
	fn watching(&self, r: &Request) -> Option<Acc> {
		let vault = &self.vaults[r.vault as usize];
		vault.resolver_at(r.sn, self.now.saturating_sub(1))?;
		vault.resolver_at(r.sn, r.capture)
	}

	/// `executeSlash` (PROTOCOL 4.3).
	pub fn execute_slash(&mut self, caller: Acc, id: u64) -> Outcome {
		let r = self.requests.get(id as usize).cloned().ok_or(Refusal::SlashRequestNotExist)?;
		self.ensure_middleware(caller, r.sn)?;
		let epoch = self.vaults[r.vault as usize].params.epoch;
		if self.watching(&r).is_some() && r.deadline > self.now {
			return Err(Refusal::VetoPeriodNotEnded);
		}
		if self.now - r.capture > epoch {
			return Err(Refusal::SlashPeriodEnded);
		}
		let slashed = r.amount.min(self.slashable(r.vault, r.sn, r.op, r.capture));
		if r.status != Status::Pending {
			if slashed == 0 {
				self.note("completed-before-amount");
			}
			return Err(Refusal::SlashRequestCompleted);
		}
		if slashed == 0 {
			return Err(Refusal::InsufficientSlash);
		}
		let moved = self.execute(r.vault, r.sn, r.op, slashed, r.capture);
		self.requests[id as usize].status = Status::Executed { slashed, moved, at: self.now };
		Ok(())
	}

	/// `vetoSlash` (PROTOCOL 4.3).
	pub fn veto_slash(&mut self, caller: Acc, id: u64) -> Outcome {
		let r = self.requests.get(id as usize).cloned().ok_or(Refusal::SlashRequestNotExist)?;
		let epoch = self.vaults[r.vault as usize].params.epoch;
		if self.now - r.capture > epoch {
			let reference = match self.watching(&r) {
				None => Refusal::NoResolver,
				Some(resolver) if resolver != caller => Refusal::NotResolver,
				Some(_) => Refusal::VetoPeriodEnded,
			};
			if reference != Refusal::VetoPeriodEnded {
				self.note("old-request-veto");
			}
			return Err(Refusal::VetoPeriodEnded);
		}
		let resolver = self.watching(&r).ok_or(Refusal::NoResolver)?;
		if resolver != caller {
			return Err(Refusal::NotResolver);
		}
		if r.deadline <= self.now {
			return Err(Refusal::VetoPeriodEnded);
		}
		if r.status != Status::Pending {
			return Err(Refusal::SlashRequestCompleted);
		}
		self.requests[id as usize].status = Status::Vetoed;
		Ok(())
	}

	/// `setResolver` (PROTOCOL 4.3).
	pub fn set_resolver(&mut self, n: Acc, v: u32, id: u32, resolver: Option<Acc>) -> Outcome {
		let now = self.now;
		if !self.networks.contains(&n) {
			return Err(Refusal::NotNetwork(Module::Slashing));
		}
		let vault = self.vault(v, Module::Slashing)?;
		let Slasher::Veto { delay, .. } = vault.params.slasher else {
			self.note("kinds-not-contracts");
			return Err(Refusal::NoSuchFunction(Module::Slashing));
		};
		let epoch = vault.params.epoch;
		let epoch_start = vault.t0 + self.current_epoch(v) * epoch;
		let history = self.vaults[v as usize].resolvers.entry((n, id)).or_default();
		match history.last().copied() {
			None => {
				if resolver.is_none() {
					return Err(Refusal::AlreadySet(Module::Slashing));
				}
				history.push((now, resolver));
			},
			Some((block, value)) => {
				if block > now {
					history.pop();
				} else if value == resolver {
					return Err(Refusal::AlreadySet(Module::Slashing));
				}
				let current = history.last().and_then(|(_, r)| *r);
				if current != resolver {
					history.push((epoch_start + u64::from(delay) * epoch, resolver));
				}
			},
		}
		Ok(())
	}
}
