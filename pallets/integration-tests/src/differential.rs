// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Differential testing against the independent model of `oracle.rs`: one seeded stream of
//! operations (registrations, opt-ins and opt-outs, vaults of every delegator and slasher kind,
//! deposits, withdrawals, redemptions, claims, batches, share transfers, limits and shares,
//! deposit settings, instant slashes, veto requests, executions, vetoes, resolver changes, blocks
//! and epochs passing) drives the real pallets (the integration runtime) and the model. Part of
//! the stream is deliberate mistakes: wrong callers, zero and oversized amounts, future and claimed
//! epochs, captures just outside the window, unknown vaults and requests.
//!
//! After every step the outcome must agree (both succeed, or the pallet's error is the one
//! [`expected`] maps the reference's refusal to), and so must what can be observed: block,
//! epochs, active stake and shares (now and at recent blocks), each account's shares and balances,
//! withdrawal buckets and positions, slashable balances, every (subnetwork, operator) stake now
//! and at recent blocks, what is slashable at recent captures, every request and its status,
//! opt-ins, and each vault account's collateral. The documented deviations are the model's
//! [`NORMALISATIONS`] plus two refusals only the pallets give (pruned requests, full opt-in
//! histories), accepted only when the model agrees they apply.
//!
//! One operation in seven goes to Rampart's own calls around the core, rewards and the
//! middleware, checked against the plain models of `economics.rs`: distributions, claims and
//! what each staker can claim, curator fees, operator rewards, and each operator's power and
//! the capped operator set now and at recent blocks.
//!
//! A failing seed is shrunk to a short stream that still fails, printed with the command that
//! reruns it. The long run: `RAMPART_DIFF_SEED=<n> RAMPART_DIFF_STEPS=<n> cargo test --release
//! -p rampart-integration-tests differential -- --nocapture` (see the crate's README).

use crate::{economics::*, mock::*, oracle::*};
use frame_support::{storage::with_storage_layer, traits::fungibles::Inspect, BoundedVec};
use pallet_rampart_middleware::{OperatorSetPolicy, PriceSource, StalePolicy, ValuationConfig};
use pallet_rampart_slashing::RequestStatus;
use pallet_rampart_vaults::{Burner, SlasherKind, VaultConfig};
use rampart_primitives::{
	traits::{OptIns, StakeProvider},
	DelegatorKind, OptInTarget, Role as PalletRole, Subnetwork,
};
use sp_runtime::{DispatchError, DispatchResult, FixedU128, ModuleError, Perbill};
use std::time::{Duration, Instant};

const CURATOR: Acc = 1;
const STAKERS: [Acc; 3] = [2, 11, 12];
/// (network, its middleware)
const NETWORKS: [(Acc, Acc); 2] = [(3, 8), (4, 9)];
const OPERATORS: [Acc; 2] = [5, 6];
/// Registered by nobody at first; the stream may register it.
const NEWCOMER: Acc = 7;
/// Holds no role and no position anywhere.
const OUTSIDER: Acc = 13;
const RESOLVERS: [Acc; 2] = [14, 16];
/// Receives the collateral of redistributing vaults.
const RECEIVER: Acc = 15;
/// `RequestRetention` of the integration runtime's slashing pallet.
const REQUEST_RETENTION: u64 = 5;
/// The runtime's `[MinEpochDuration, MaxEpochDuration]`.
const EPOCH_BOUNDS: (u64, u64) = (2, EPOCH);
/// The registry's `MaxOptInHistory` and `OptInHistoryRetention`.
const MAX_OPT_IN_HISTORY: usize = 16;
const OPT_IN_RETENTION: u64 = 2 * EPOCH + LOOKBACK;

/// One operation of the stream, with every argument concrete (a stream replays exactly).
#[derive(Clone, Debug)]
pub enum Op {
	Advance(u64),
	RegisterNetwork(Acc),
	RegisterOperator(Acc),
	SetMiddleware(Acc, Option<Acc>),
	OptIn(Acc, Target),
	OptOut(Acc, Target),
	CreateVault(VaultParams),
	Deposit {
		caller: Acc,
		vault: u32,
		on_behalf: Acc,
		amount: u128,
	},
	Withdraw {
		caller: Acc,
		vault: u32,
		claimer: Acc,
		amount: u128,
	},
	Redeem {
		caller: Acc,
		vault: u32,
		claimer: Acc,
		shares: u128,
	},
	Claim {
		caller: Acc,
		vault: u32,
		recipient: Acc,
		epoch: u64,
	},
	ClaimBatch {
		caller: Acc,
		vault: u32,
		recipient: Acc,
		epochs: Vec<u64>,
	},
	TransferShares {
		caller: Acc,
		vault: u32,
		to: Acc,
		shares: u128,
	},
	SetDepositWhitelist {
		caller: Acc,
		vault: u32,
		on: bool,
	},
	SetDepositorWhitelistStatus {
		caller: Acc,
		vault: u32,
		who: Acc,
		on: bool,
	},
	SetIsDepositLimit {
		caller: Acc,
		vault: u32,
		on: bool,
	},
	SetDepositLimit {
		caller: Acc,
		vault: u32,
		limit: u128,
	},
	SetMaxNetworkLimit {
		network: Acc,
		vault: u32,
		id: u32,
		amount: u128,
	},
	SetNetworkLimit {
		caller: Acc,
		vault: u32,
		sn: Sn,
		amount: u128,
	},
	SetOperatorShares {
		caller: Acc,
		vault: u32,
		sn: Sn,
		op: Acc,
		shares: u128,
	},
	SetOperatorLimit {
		caller: Acc,
		vault: u32,
		sn: Sn,
		op: Acc,
		amount: u128,
	},
	Slash {
		caller: Acc,
		vault: u32,
		sn: Sn,
		op: Acc,
		amount: u128,
		capture: u64,
	},
	RequestSlash {
		caller: Acc,
		vault: u32,
		sn: Sn,
		op: Acc,
		amount: u128,
		capture: u64,
	},
	ExecuteSlash {
		caller: Acc,
		id: u64,
	},
	VetoSlash {
		caller: Acc,
		id: u64,
	},
	SetResolver {
		network: Acc,
		vault: u32,
		id: u32,
		resolver: Option<Acc>,
	},
	// Rewards (`economics.rs`).
	SetAdminFee {
		caller: Acc,
		vault: u32,
		fee: u32,
	},
	DistributeStaker {
		caller: Acc,
		vault: u32,
		network: Acc,
		asset: Asset,
		amount: u128,
		snapshot: u64,
		max_fee: u32,
	},
	ClaimStaker {
		caller: Acc,
		vault: u32,
		network: Acc,
		asset: Asset,
		recipient: Acc,
		max: u32,
	},
	ClaimAdminFee {
		caller: Acc,
		vault: u32,
		asset: Asset,
		recipient: Acc,
	},
	DistributeByStake {
		caller: Acc,
		vault: u32,
		sn: Sn,
		asset: Asset,
		amount: u128,
		snapshot: u64,
		operators: Vec<Acc>,
	},
	ClaimOperator {
		caller: Acc,
		network: Acc,
		asset: Asset,
		recipient: Acc,
	},
	ExpireDistribution {
		vault: u32,
		network: Acc,
		asset: Asset,
	},
	// The middleware, in [`MIDDLEWARE_SN`].
	MwAccept {
		caller: Acc,
		vault: u32,
	},
	MwRemove {
		caller: Acc,
		vault: u32,
	},
	MwValuation {
		caller: Acc,
		asset: Asset,
		haircut: u32,
	},
	MwPrice {
		caller: Acc,
		asset: Asset,
		halves: u128,
	},
	MwPolicy {
		caller: Acc,
		policy: Policy,
	},
	MwJoin(Acc),
	MwLeave(Acc),
}

impl Op {
	fn name(&self) -> &'static str {
		match self {
			Op::Advance(_) => "advance",
			Op::RegisterNetwork(_) => "register_network",
			Op::RegisterOperator(_) => "register_operator",
			Op::SetMiddleware(..) => "set_middleware",
			Op::OptIn(..) => "opt_in",
			Op::OptOut(..) => "opt_out",
			Op::CreateVault(_) => "create_vault",
			Op::Deposit { .. } => "deposit",
			Op::Withdraw { .. } => "withdraw",
			Op::Redeem { .. } => "redeem",
			Op::Claim { .. } => "claim",
			Op::ClaimBatch { .. } => "claim_batch",
			Op::TransferShares { .. } => "transfer_shares",
			Op::SetDepositWhitelist { .. } => "set_deposit_whitelist",
			Op::SetDepositorWhitelistStatus { .. } => "set_depositor_whitelist_status",
			Op::SetIsDepositLimit { .. } => "set_is_deposit_limit",
			Op::SetDepositLimit { .. } => "set_deposit_limit",
			Op::SetMaxNetworkLimit { .. } => "set_max_network_limit",
			Op::SetNetworkLimit { .. } => "set_network_limit",
			Op::SetOperatorShares { .. } => "set_operator_network_shares",
			Op::SetOperatorLimit { .. } => "set_operator_network_limit",
			Op::Slash { .. } => "slash",
			Op::RequestSlash { .. } => "request_slash",
			Op::ExecuteSlash { .. } => "execute_slash",
			Op::VetoSlash { .. } => "veto_slash",
			Op::SetResolver { .. } => "set_resolver",
			Op::SetAdminFee { .. } => "set_admin_fee",
			Op::DistributeStaker { .. } => "distribute_staker_rewards",
			Op::ClaimStaker { .. } => "claim_staker_rewards",
			Op::ClaimAdminFee { .. } => "claim_admin_fee",
			Op::DistributeByStake { .. } => "distribute_operator_rewards_by_stake",
			Op::ClaimOperator { .. } => "claim_operator_rewards",
			Op::ExpireDistribution { .. } => "expire_distribution",
			Op::MwAccept { .. } => "accept_vault",
			Op::MwRemove { .. } => "remove_vault",
			Op::MwValuation { .. } => "set_valuation",
			Op::MwPrice { .. } => "set_price",
			Op::MwPolicy { .. } => "set_operator_set_policy",
			Op::MwJoin(_) => "join",
			Op::MwLeave(_) => "leave",
		}
	}

	/// Whether the operation is one of the middleware's.
	fn middleware(&self) -> bool {
		matches!(
			self,
			Op::MwAccept { .. }
				| Op::MwRemove { .. }
				| Op::MwValuation { .. }
				| Op::MwPrice { .. }
				| Op::MwPolicy { .. }
				| Op::MwJoin(_)
				| Op::MwLeave(_)
		)
	}

	/// The rewards list an operation touches, if one.
	fn list(&self) -> Option<(u32, Acc, Asset)> {
		match self {
			Op::DistributeStaker { vault, network, asset, .. }
			| Op::ClaimStaker { vault, network, asset, .. }
			| Op::ExpireDistribution { vault, network, asset } => Some((*vault, *network, *asset)),
			_ => None,
		}
	}

	/// The vault an operation touches, if one.
	fn vault(&self) -> Option<u32> {
		match self {
			Op::Deposit { vault, .. }
			| Op::Withdraw { vault, .. }
			| Op::Redeem { vault, .. }
			| Op::Claim { vault, .. }
			| Op::ClaimBatch { vault, .. }
			| Op::TransferShares { vault, .. }
			| Op::SetDepositWhitelist { vault, .. }
			| Op::SetDepositorWhitelistStatus { vault, .. }
			| Op::SetIsDepositLimit { vault, .. }
			| Op::SetDepositLimit { vault, .. }
			| Op::SetMaxNetworkLimit { vault, .. }
			| Op::SetNetworkLimit { vault, .. }
			| Op::SetOperatorShares { vault, .. }
			| Op::SetOperatorLimit { vault, .. }
			| Op::Slash { vault, .. }
			| Op::RequestSlash { vault, .. }
			| Op::SetResolver { vault, .. }
			| Op::SetAdminFee { vault, .. }
			| Op::DistributeStaker { vault, .. }
			| Op::ClaimStaker { vault, .. }
			| Op::ClaimAdminFee { vault, .. }
			| Op::DistributeByStake { vault, .. }
			| Op::ExpireDistribution { vault, .. } => Some(*vault),
			Op::OptIn(_, Target::Vault(v)) | Op::OptOut(_, Target::Vault(v)) => Some(*v),
			_ => None,
		}
	}
}

fn signed(n: Acc) -> RuntimeOrigin {
	RuntimeOrigin::signed(acc(n))
}

fn subnetwork((network, id): Sn) -> Subnetwork<AccountId> {
	Subnetwork::new(acc(network), id)
}

fn target(t: Target) -> OptInTarget<AccountId> {
	match t {
		Target::Network(n) => OptInTarget::Network(acc(n)),
		Target::Vault(v) => OptInTarget::Vault(v),
	}
}

fn asset(a: Asset) -> AssetKind {
	match a {
		Asset::Native => AssetKind::Native,
		Asset::Usd => AssetKind::WithId(USD),
	}
}

fn config(p: &VaultParams) -> pallet_rampart_vaults::VaultConfigOf<Runtime> {
	let mut roles = vec![(PalletRole::Admin, acc(CURATOR))];
	roles.extend(ALL_ROLES.iter().map(|r| {
		let role = match r {
			Role::DepositWhitelistSetter => PalletRole::DepositWhitelistSetter,
			Role::DepositorWhitelister => PalletRole::DepositorWhitelister,
			Role::DepositLimitToggler => PalletRole::DepositLimitToggler,
			Role::DepositLimitSetter => PalletRole::DepositLimitSetter,
			Role::NetworkLimitSetter => PalletRole::NetworkLimitSetter,
			Role::OperatorNetworkSharesSetter => PalletRole::OperatorNetworkSharesSetter,
			Role::OperatorNetworkLimitSetter => PalletRole::OperatorNetworkLimitSetter,
		};
		(role, acc(CURATOR))
	}));
	VaultConfig {
		collateral: asset(p.collateral),
		epoch_duration: p.epoch,
		delegator: match p.kind {
			Kind::NetworkRestake => DelegatorKind::NetworkRestake,
			Kind::FullRestake => DelegatorKind::FullRestake,
			Kind::OperatorSpecific(o) => DelegatorKind::OperatorSpecific { operator: acc(o) },
			Kind::OperatorNetworkSpecific(o, n) => {
				DelegatorKind::OperatorNetworkSpecific { operator: acc(o), network: acc(n) }
			},
		},
		slasher: match p.slasher {
			Slasher::None => SlasherKind::None,
			Slasher::Instant => SlasherKind::Instant,
			Slasher::Veto { veto, delay } => {
				SlasherKind::Veto { veto_duration: veto, resolver_set_epochs_delay: delay }
			},
		},
		burner: match p.burner {
			None => Burner::Burn,
			Some(to) => Burner::Account(acc(to)),
		},
		deposit_whitelist: p.whitelist,
		is_deposit_limit: p.limit.is_some(),
		deposit_limit: p.limit.unwrap_or(0),
		roles: BoundedVec::truncate_from(roles),
	}
}

/// Runs `op` on the pallets, in its own storage layer as an extrinsic would.
fn apply_pallets(op: &Op) -> DispatchResult {
	use Op::*;
	let post =
		|r: frame_support::dispatch::DispatchResultWithPostInfo| r.map(|_| ()).map_err(|e| e.error);
	with_storage_layer(|| match op.clone() {
		Advance(n) => {
			run_to_block(System::block_number() + n);
			Ok(())
		},
		RegisterNetwork(n) => Registry::register_network(signed(n)),
		RegisterOperator(o) => Registry::register_operator(signed(o)),
		SetMiddleware(n, m) => Registry::set_middleware(signed(n), m.map(acc)),
		OptIn(o, t) => Registry::opt_in(signed(o), target(t)),
		OptOut(o, t) => Registry::opt_out(signed(o), target(t)),
		CreateVault(p) => {
			// The fee roles on top of the roles a vault is created with (at most eight).
			let v = pallet_rampart_vaults::NextVaultId::<Runtime>::get();
			Vaults::create_vault(signed(CURATOR), config(&p))?;
			for role in [PalletRole::AdminFeeSetter, PalletRole::AdminFeeClaimer] {
				Vaults::grant_role(signed(CURATOR), v, role, acc(CURATOR))?;
			}
			Ok(())
		},
		Deposit { caller, vault, on_behalf, amount } => {
			Vaults::deposit(signed(caller), vault, acc(on_behalf), amount)
		},
		Withdraw { caller, vault, claimer, amount } => {
			Vaults::withdraw(signed(caller), vault, acc(claimer), amount)
		},
		Redeem { caller, vault, claimer, shares } => {
			Vaults::redeem(signed(caller), vault, acc(claimer), shares)
		},
		Claim { caller, vault, recipient, epoch } => {
			Vaults::claim(signed(caller), vault, acc(recipient), epoch)
		},
		ClaimBatch { caller, vault, recipient, epochs } => Vaults::claim_batch(
			signed(caller),
			vault,
			acc(recipient),
			BoundedVec::truncate_from(epochs),
		),
		TransferShares { caller, vault, to, shares } => {
			Vaults::transfer_shares(signed(caller), vault, acc(to), shares)
		},
		SetDepositWhitelist { caller, vault, on } => {
			Vaults::set_deposit_whitelist(signed(caller), vault, on)
		},
		SetDepositorWhitelistStatus { caller, vault, who, on } => {
			Vaults::set_depositor_whitelist_status(signed(caller), vault, acc(who), on)
		},
		SetIsDepositLimit { caller, vault, on } => {
			Vaults::set_is_deposit_limit(signed(caller), vault, on)
		},
		SetDepositLimit { caller, vault, limit } => {
			Vaults::set_deposit_limit(signed(caller), vault, limit)
		},
		SetMaxNetworkLimit { network, vault, id, amount } => {
			Delegation::set_max_network_limit(signed(network), vault, id, amount)
		},
		SetNetworkLimit { caller, vault, sn, amount } => {
			Delegation::set_network_limit(signed(caller), vault, subnetwork(sn), amount)
		},
		SetOperatorShares { caller, vault, sn, op, shares } => {
			Delegation::set_operator_network_shares(
				signed(caller),
				vault,
				subnetwork(sn),
				acc(op),
				shares,
			)
		},
		SetOperatorLimit { caller, vault, sn, op, amount } => {
			Delegation::set_operator_network_limit(
				signed(caller),
				vault,
				subnetwork(sn),
				acc(op),
				amount,
			)
		},
		Slash { caller, vault, sn, op, amount, capture } => {
			post(Slashing::slash(signed(caller), vault, subnetwork(sn), acc(op), amount, capture))
		},
		RequestSlash { caller, vault, sn, op, amount, capture } => post(Slashing::request_slash(
			signed(caller),
			vault,
			subnetwork(sn),
			acc(op),
			amount,
			capture,
		)),
		ExecuteSlash { caller, id } => post(Slashing::execute_slash(signed(caller), id)),
		VetoSlash { caller, id } => Slashing::veto_slash(signed(caller), id),
		SetResolver { network, vault, id, resolver } => {
			Slashing::set_resolver(signed(network), vault, id, resolver.map(acc))
		},
		SetAdminFee { caller, vault, fee } => Rewards::set_admin_fee(signed(caller), vault, fee),
		DistributeStaker { caller, vault, network, asset: a, amount, snapshot, max_fee } => {
			Rewards::distribute_staker_rewards(
				signed(caller),
				vault,
				acc(network),
				asset(a),
				amount,
				snapshot,
				max_fee,
			)
		},
		ClaimStaker { caller, vault, network, asset: a, recipient, max } => {
			Rewards::claim_staker_rewards(
				signed(caller),
				vault,
				acc(network),
				asset(a),
				acc(recipient),
				max,
			)
		},
		ClaimAdminFee { caller, vault, asset: a, recipient } => {
			Rewards::claim_admin_fee(signed(caller), vault, asset(a), acc(recipient))
		},
		DistributeByStake { caller, vault, sn, asset: a, amount, snapshot, operators } => {
			Rewards::distribute_operator_rewards_by_stake(
				signed(caller),
				vault,
				subnetwork(sn),
				asset(a),
				amount,
				snapshot,
				BoundedVec::truncate_from(operators.into_iter().map(acc).collect()),
			)
		},
		ClaimOperator { caller, network, asset: a, recipient } => {
			Rewards::claim_operator_rewards(signed(caller), acc(network), asset(a), acc(recipient))
		},
		ExpireDistribution { vault, network, asset: a } => {
			Rewards::expire_distribution(signed(OUTSIDER), vault, acc(network), asset(a))
		},
		MwAccept { caller, vault } => {
			Middleware::accept_vault(signed(caller), subnetwork(MIDDLEWARE_SN), vault)
		},
		MwRemove { caller, vault } => {
			Middleware::remove_vault(signed(caller), subnetwork(MIDDLEWARE_SN), vault)
		},
		MwValuation { caller, asset: a, haircut } => Middleware::set_valuation(
			signed(caller),
			subnetwork(MIDDLEWARE_SN),
			asset(a),
			ValuationConfig {
				haircut: Perbill::from_percent(haircut),
				source: PriceSource::Network,
				staleness: None,
				on_stale: StalePolicy::Zero,
				max_step: None,
			},
		),
		MwPrice { caller, asset: a, halves } => Middleware::set_price(
			signed(caller),
			subnetwork(MIDDLEWARE_SN),
			asset(a),
			FixedU128::from_rational(halves, 2),
		),
		MwPolicy { caller, policy } => Middleware::set_operator_set_policy(
			signed(caller),
			subnetwork(MIDDLEWARE_SN),
			OperatorSetPolicy {
				max_operators: policy.max,
				min_power: policy.min,
				cap: Perbill::from_percent(policy.cap),
			},
		),
		MwJoin(o) => Middleware::join(signed(o), subnetwork(MIDDLEWARE_SN)),
		MwLeave(o) => Middleware::leave(signed(o), subnetwork(MIDDLEWARE_SN)),
	})
}

/// Runs `op` on the model.
fn apply_model(m: &mut Model, e: &mut Economy, op: &Op) -> Result<(), Refusal> {
	use Op::*;
	match op.clone() {
		Advance(n) => {
			m.advance(n);
			Ok(())
		},
		RegisterNetwork(n) => m.register_network(n),
		RegisterOperator(o) => m.register_operator(o),
		SetMiddleware(n, mw) => m.set_middleware(n, mw),
		OptIn(o, t) => m.opt_in(o, t),
		OptOut(o, t) => m.opt_out(o, t),
		CreateVault(p) => m.create_vault(CURATOR, p, EPOCH_BOUNDS),
		Deposit { caller, vault, on_behalf, amount } => m.deposit(caller, vault, on_behalf, amount),
		Withdraw { caller, vault, claimer, amount } => m.withdraw(caller, vault, claimer, amount),
		Redeem { caller, vault, claimer, shares } => m.redeem(caller, vault, claimer, shares),
		Claim { caller, vault, recipient, epoch } => m.claim(caller, vault, recipient, epoch),
		ClaimBatch { caller, vault, recipient, epochs } => {
			m.claim_batch(caller, vault, recipient, &epochs, true)
		},
		TransferShares { caller, vault, to, shares } => {
			m.transfer_shares(caller, vault, to, shares)
		},
		SetDepositWhitelist { caller, vault, on } => m.set_deposit_whitelist(caller, vault, on),
		SetDepositorWhitelistStatus { caller, vault, who, on } => {
			m.set_depositor_whitelist_status(caller, vault, who, on)
		},
		SetIsDepositLimit { caller, vault, on } => m.set_is_deposit_limit(caller, vault, on),
		SetDepositLimit { caller, vault, limit } => m.set_deposit_limit(caller, vault, limit),
		SetMaxNetworkLimit { network, vault, id, amount } => {
			m.set_max_network_limit(network, vault, id, amount)
		},
		SetNetworkLimit { caller, vault, sn, amount } => {
			m.set_network_limit(caller, vault, sn, amount)
		},
		SetOperatorShares { caller, vault, sn, op, shares } => {
			m.set_operator_network_shares(caller, vault, sn, op, shares)
		},
		SetOperatorLimit { caller, vault, sn, op, amount } => {
			m.set_operator_network_limit(caller, vault, sn, op, amount)
		},
		Slash { caller, vault, sn, op, amount, capture } => {
			m.slash(caller, vault, sn, op, amount, capture)
		},
		RequestSlash { caller, vault, sn, op, amount, capture } => {
			m.request_slash(caller, vault, sn, op, amount, capture)
		},
		ExecuteSlash { caller, id } => m.execute_slash(caller, id),
		VetoSlash { caller, id } => m.veto_slash(caller, id),
		SetResolver { network, vault, id, resolver } => {
			m.set_resolver(network, vault, id, resolver)
		},
		SetAdminFee { caller, vault, fee } => e.set_admin_fee(m, CURATOR, caller, vault, fee),
		DistributeStaker { caller, vault, network, asset, amount, snapshot, max_fee } => {
			e.distribute_staker_rewards(m, caller, vault, network, asset, amount, snapshot, max_fee)
		},
		ClaimStaker { caller, vault, network, asset, recipient, max } => {
			e.claim_staker_rewards(m, caller, vault, network, asset, recipient, max)
		},
		ClaimAdminFee { caller, vault, asset, recipient } => {
			e.claim_admin_fee(m, CURATOR, caller, vault, asset, recipient)
		},
		DistributeByStake { caller, vault, sn, asset, amount, snapshot, operators } => {
			e.distribute_by_stake(m, caller, vault, sn, asset, amount, snapshot, &operators)
		},
		ClaimOperator { caller, network, asset, recipient } => {
			e.claim_operator_rewards(m, caller, network, asset, recipient)
		},
		ExpireDistribution { vault, network, asset } => {
			e.expire_distribution(m, vault, network, asset)
		},
		MwAccept { caller, vault } => e.accept_vault(m, caller, vault),
		MwRemove { caller, vault } => e.remove_vault(m, caller, vault),
		MwValuation { caller, asset, haircut } => e.set_valuation(m, caller, asset, haircut),
		MwPrice { caller, asset, halves } => e.set_price(m, caller, asset, halves),
		MwPolicy { caller, policy } => e.set_policy(m, caller, policy),
		MwJoin(o) => e.join(m, o),
		MwLeave(o) => e.leave(m, o),
	}
}

/// What the pallets answer where the reference refuses: the documented error mapping.
enum Expected {
	Error(DispatchError),
	/// Any of the token's errors (the collateral refused the transfer): a `Token` error, or
	/// `Arithmetic(Underflow)`, which pallet-assets answers for a balance too low.
	Token,
	/// The pallet error of this name (Rampart's own calls).
	Named(&'static str),
}

fn expected(r: Refusal) -> Expected {
	use pallet_rampart_delegation::Error as D;
	use pallet_rampart_registry::Error as G;
	use pallet_rampart_slashing::Error as S;
	use pallet_rampart_vaults::Error as V;
	use Refusal::*;
	type R = Runtime;
	let e: DispatchError = match r {
		NetworkAlreadyRegistered => G::<R>::NetworkAlreadyRegistered.into(),
		OperatorAlreadyRegistered => G::<R>::OperatorAlreadyRegistered.into(),
		NotNetwork(Module::Registry) => G::<R>::NotNetwork.into(),
		NotNetwork(Module::Vaults) => V::<R>::NotNetwork.into(),
		NotNetwork(Module::Delegation) => D::<R>::NotNetwork.into(),
		NotNetwork(Module::Slashing) => S::<R>::NotNetwork.into(),
		NotWho => G::<R>::NotOperator.into(),
		NotWhereEntity => G::<R>::UnknownTarget.into(),
		AlreadyOptedIn => G::<R>::AlreadyOptedIn.into(),
		NotOptedIn => G::<R>::NotOptedIn.into(),
		OptOutCooldown => G::<R>::OptOutCooldown.into(),
		AlreadySet(Module::Registry) => G::<R>::AlreadySet.into(),
		AlreadySet(Module::Vaults) => V::<R>::AlreadySet.into(),
		AlreadySet(Module::Delegation) => D::<R>::AlreadySet.into(),
		AlreadySet(Module::Slashing) => S::<R>::AlreadySet.into(),
		Unauthorized(Module::Delegation) => D::<R>::MissingRole.into(),
		Unauthorized(_) => V::<R>::MissingRole.into(),
		NoVault(Module::Delegation) => D::<R>::UnknownVault.into(),
		NoVault(Module::Slashing) => S::<R>::UnknownVault.into(),
		NoVault(_) => V::<R>::UnknownVault.into(),
		NoSuchFunction(Module::Slashing) => S::<R>::WrongSlasherKind.into(),
		NoSuchFunction(_) => D::<R>::NotSupportedByKind.into(),
		InvalidEpochDuration => V::<R>::InvalidEpochDuration.into(),
		InvalidVetoDuration | InvalidResolverSetEpochsDelay => V::<R>::InvalidSlasherParams.into(),
		NotOperator => V::<R>::NotOperator.into(),
		NotWhitelistedDepositor => V::<R>::NotWhitelistedDepositor.into(),
		InsufficientDeposit => V::<R>::InsufficientDeposit.into(),
		DepositLimitReached => V::<R>::DepositLimitReached.into(),
		Token => return Expected::Token,
		Rampart(name) => return Expected::Named(name),
		InsufficientWithdrawal => V::<R>::InsufficientWithdrawal.into(),
		TooMuchWithdraw => V::<R>::TooMuchWithdraw.into(),
		TooMuchRedeem => V::<R>::TooMuchRedeem.into(),
		InsufficientRedemption => V::<R>::InsufficientRedemption.into(),
		InvalidEpoch => V::<R>::InvalidEpoch.into(),
		AlreadyClaimed => V::<R>::AlreadyClaimed.into(),
		InsufficientClaim => V::<R>::InsufficientClaim.into(),
		InvalidLengthEpochs => V::<R>::InvalidLengthEpochs.into(),
		InsufficientShareBalance | ZeroShareTransfer => V::<R>::InsufficientShares.into(),
		ExceedsMaxNetworkLimit => D::<R>::ExceedsMaxNetworkLimit.into(),
		InvalidNetwork => D::<R>::InvalidNetwork.into(),
		NotNetworkMiddleware => S::<R>::NotNetworkMiddleware.into(),
		InvalidCaptureTimestamp => S::<R>::InvalidCaptureBlock.into(),
		InsufficientSlash => S::<R>::InsufficientSlash.into(),
		SlashRequestNotExist => S::<R>::UnknownRequest.into(),
		VetoPeriodNotEnded => S::<R>::VetoPeriodNotEnded.into(),
		VetoPeriodEnded => S::<R>::VetoPeriodEnded.into(),
		SlashPeriodEnded => S::<R>::SlashPeriodEnded.into(),
		SlashRequestCompleted => S::<R>::RequestCompleted.into(),
		NoResolver => S::<R>::NoResolver.into(),
		NotResolver => S::<R>::NotResolver.into(),
		VaultFullySlashed => V::<R>::VaultFullySlashed.into(),
		SharesOverflow => V::<R>::SharesOverflow.into(),
	};
	Expected::Error(e)
}

/// Refusals only the pallets give, accepted where the model agrees their condition holds:
/// the name of the deviation, or `None`.
fn pallet_only_refusal(m: &Model, op: &Op, error: &DispatchError) -> Option<&'static str> {
	let pruned: DispatchError = pallet_rampart_slashing::Error::<Runtime>::UnknownRequest.into();
	let full: DispatchError = pallet_rampart_registry::Error::<Runtime>::TooManyOptInChanges.into();
	match op {
		Op::ExecuteSlash { id, .. } | Op::VetoSlash { id, .. }
			if *error == pruned && m.prunable(*id) =>
		{
			Some("requests-pruned")
		},
		Op::OptIn(o, t)
			if *error == full
				&& m.opt_in_changes_since(*o, *t, m.now.saturating_sub(OPT_IN_RETENTION)) + 1
					>= MAX_OPT_IN_HISTORY - 2 =>
		{
			Some("bounded-opt-in-history")
		},
		_ => None,
	}
}

/// Compares the outcome of one step.
fn compare_outcome(pallets: &DispatchResult, model: &Result<(), Refusal>) -> Result<(), String> {
	match (pallets, model) {
		(Ok(()), Ok(())) => Ok(()),
		(Err(e), Err(r)) => {
			let fits = match expected(*r) {
				Expected::Error(x) => x == *e,
				Expected::Named(name) => matches!(
					e,
					DispatchError::Module(ModuleError { message: Some(n), .. }) if *n == name
				),
				Expected::Token => matches!(
					e,
					DispatchError::Token(_)
						| DispatchError::Arithmetic(sp_runtime::ArithmeticError::Underflow)
				),
			};
			if fits {
				Ok(())
			} else {
				Err(format!("the pallets refused with {e:?}, the reference with {r:?}"))
			}
		},
		(Err(e), Ok(())) => Err(format!("the pallets refused with {e:?}, the reference succeeds")),
		(Ok(()), Err(r)) => Err(format!("the pallets succeed, the reference refuses with {r:?}")),
	}
}

fn check<T: PartialEq + std::fmt::Debug>(
	what: impl Fn() -> String,
	pallets: T,
	model: T,
) -> Result<(), String> {
	if pallets == model {
		Ok(())
	} else {
		Err(format!("{}: pallets {pallets:?}, model {model:?}", what()))
	}
}

/// The blocks whose values the comparison reads for vault `v`: now and a few recent ones.
fn sample_blocks(m: &Model, v: u32) -> Vec<u64> {
	let epoch = m.vaults[v as usize].params.epoch;
	let mut blocks = vec![m.now, m.now.saturating_sub(1), m.now.saturating_sub(epoch / 2 + 1)];
	blocks.push(m.now.saturating_sub(epoch));
	blocks.sort();
	blocks.dedup();
	blocks
}

/// Everything observable of vault `v`, pallets against model.
fn compare_vault(m: &Model, v: u32, deep: bool) -> Result<(), String> {
	let vault = &m.vaults[v as usize];
	let cur = m.current_epoch(v);
	check(|| format!("vault {v} epoch"), Vaults::current_epoch_of(v), Some(cur))?;
	check(|| format!("vault {v} A"), Vaults::active_stake(v), vault.a.latest())?;
	check(|| format!("vault {v} S"), Vaults::active_shares(v), vault.s.latest())?;
	check(|| format!("vault {v} total stake"), Vaults::total_stake(v), m.total_stake(v))?;
	check(
		|| format!("vault {v} account's collateral"),
		NativeAndAssets::balance(asset(vault.params.collateral), &Vaults::account_of(v)),
		vault.balance,
	)?;
	let holders: Vec<Acc> = STAKERS.iter().copied().chain([OUTSIDER, RECEIVER]).collect();
	for who in &holders {
		let who = *who;
		check(
			|| format!("vault {v} shares of {who}"),
			Vaults::shares_of(v, &acc(who)),
			vault.shares_of(who).latest(),
		)?;
		check(
			|| format!("vault {v} slashable balance of {who}"),
			Vaults::slashable_balance_of(v, &acc(who)),
			m.slashable_balance_of(v, who),
		)?;
	}
	let mut epochs: Vec<u64> = vault.w.keys().copied().collect();
	epochs.extend([cur, cur + 1]);
	if !deep {
		epochs.retain(|e| *e + 2 >= cur);
	}
	epochs.sort();
	epochs.dedup();
	for e in epochs {
		check(
			|| format!("vault {v} W[{e}]"),
			pallet_rampart_vaults::WithdrawalBuckets::<Runtime>::get(v, e).amount,
			vault.w.get(&e).copied().unwrap_or(0),
		)?;
		check(
			|| format!("vault {v} WS[{e}]"),
			pallet_rampart_vaults::WithdrawalBuckets::<Runtime>::get(v, e).shares,
			vault.ws.get(&e).copied().unwrap_or(0),
		)?;
		for who in &holders {
			check(
				|| format!("vault {v} withdrawals of {who} in epoch {e}"),
				Vaults::withdrawals_of(v, e, &acc(*who)),
				vault.withdrawals_of(e, *who),
			)?;
		}
	}
	let samples = sample_blocks(m, v);
	for &t in &samples {
		check(
			|| format!("vault {v} A at {t}"),
			Vaults::active_stake_at(v, t).ok(),
			Some(vault.a.at(t)),
		)?;
		check(
			|| format!("vault {v} S at {t}"),
			Vaults::active_shares_at(v, t).ok(),
			Some(vault.s.at(t)),
		)?;
		for who in STAKERS {
			check(
				|| format!("vault {v} balance of {who} at {t}"),
				Vaults::active_balance_of_at(v, &acc(who), t).ok(),
				Some(vault.active_balance_of_at(who, t)),
			)?;
		}
	}
	// Bounded histories (DESIGN 3): a lookup after now or before the window is an error.
	let future: DispatchError = pallet_rampart_vaults::Error::<Runtime>::FutureBlock.into();
	check(
		|| format!("vault {v} A in the future"),
		Vaults::active_stake_at(v, m.now + 1),
		Err(future),
	)?;
	for (network, _) in NETWORKS {
		for id in [0, 1] {
			let sn = (network, id);
			for op in OPERATORS.iter().copied().chain([NEWCOMER]) {
				let (s, o) = (subnetwork(sn), acc(op));
				check(
					|| format!("vault {v} stake of ({network}, {id}), {op}"),
					<Delegation as StakeProvider<_, _>>::stake(v, &s, &o),
					m.stake(v, sn, op),
				)?;
				if !deep && id == 1 {
					continue;
				}
				for &t in &samples {
					check(
						|| format!("vault {v} stake of ({network}, {id}), {op} at {t}"),
						<Delegation as StakeProvider<_, _>>::stake_at(v, &s, &o, t).ok(),
						Some(m.stake_at(v, sn, op, t)),
					)?;
					if t < m.now {
						check(
							|| format!("vault {v} slashable of ({network}, {id}), {op} at {t}"),
							Slashing::slashable(v, &s, &o, t).ok(),
							Some(m.slashable(v, sn, op, t)),
						)?;
					}
				}
			}
		}
	}
	Ok(())
}

/// Everything observable, or (`deep` false) what the last step can have changed.
fn compare_state(
	m: &Model,
	touched: Option<u32>,
	request: Option<u64>,
	deep: bool,
) -> Result<(), String> {
	check(|| "block".into(), System::block_number(), m.now)?;
	check(
		|| "vault count".into(),
		pallet_rampart_vaults::NextVaultId::<Runtime>::get(),
		m.vaults.len() as u32,
	)?;
	check(
		|| "request count".into(),
		pallet_rampart_slashing::NextRequestId::<Runtime>::get(),
		m.requests.len() as u64,
	)?;
	for who in STAKERS.iter().copied().chain([RECEIVER, OUTSIDER]) {
		for a in [Asset::Native, Asset::Usd] {
			check(
				|| format!("{a:?} balance of {who}"),
				NativeAndAssets::balance(asset(a), &acc(who)),
				m.balance(a, who),
			)?;
		}
	}
	for (id, r) in m.requests.iter().enumerate() {
		if !deep && request != Some(id as u64) {
			continue;
		}
		let Some(p) = Slashing::request_with_status(id as u64) else {
			if m.prunable(id as u64) {
				continue;
			}
			return Err(format!("request {id} is gone from the pallets and not yet prunable"));
		};
		let epoch = m.vaults[r.vault as usize].params.epoch;
		let status = match r.status {
			Status::Pending if m.now > r.capture + epoch => RequestStatus::Expired,
			Status::Pending => RequestStatus::Pending,
			Status::Vetoed => RequestStatus::Vetoed,
			Status::Executed { slashed, moved, at } => {
				RequestStatus::Executed { slashed, moved, at }
			},
		};
		check(
			|| format!("request {id}"),
			(p.vault, p.subnetwork, p.operator, p.amount, p.capture, p.veto_deadline, p.status),
			(r.vault, subnetwork(r.sn), acc(r.op), r.amount, r.capture, r.deadline, status),
		)?;
	}
	for op in OPERATORS.iter().copied().chain([NEWCOMER]) {
		let targets = NETWORKS
			.iter()
			.map(|(n, _)| Target::Network(*n))
			.chain((0..m.vaults.len() as u32).map(Target::Vault));
		for t in targets {
			check(
				|| format!("{op} opted into {t:?}"),
				<Registry as OptIns<_, _>>::is_opted_in(&acc(op), &target(t)),
				m.is_opted_in(op, t),
			)?;
		}
	}
	for v in 0..m.vaults.len() as u32 {
		if deep || touched.is_none() || touched == Some(v) {
			compare_vault(m, v, deep)?;
		}
	}
	Ok(())
}

/// A rewards list (distributions, claims, cursors, what each staker can claim now), pallets
/// against the model.
fn compare_list(e: &Economy, m: &Model, key: (u32, Acc, Asset)) -> Result<(), String> {
	use pallet_rampart_rewards::{Cursors, Distributions, Streams};
	let pkey = (key.0, acc(key.1), asset(key.2));
	let empty = List::default();
	let list = e.lists.get(&key).unwrap_or(&empty);
	check(
		|| format!("rewards list {key:?}"),
		Streams::<Runtime>::get(&pkey),
		(list.first, list.next),
	)?;
	let mut pallet_claimed = 0u128;
	let mut pallet_amount = 0u128;
	for i in list.first..list.next {
		let d = Distributions::<Runtime>::get(&pkey, i);
		if let Some(d) = &d {
			pallet_claimed += d.claimed;
			pallet_amount += d.amount;
		}
		check(
			|| format!("rewards list {key:?} distribution {i}"),
			d.map(|d| (d.snapshot, d.amount, d.total_shares, d.claimed, d.claimable_until)),
			list.items
				.get(&i)
				.map(|d| (d.snapshot, d.amount, d.total_shares, d.claimed, d.until)),
		)?;
	}
	if pallet_claimed > pallet_amount {
		return Err(format!("rewards list {key:?}: claims {pallet_claimed} above {pallet_amount}"));
	}
	for who in STAKERS.iter().copied().chain([OUTSIDER]) {
		check(
			|| format!("rewards list {key:?} cursor of {who}"),
			Cursors::<Runtime>::get(&pkey, acc(who)),
			list.cursors.get(&who).copied().unwrap_or(0),
		)?;
		check(
			|| format!("rewards list {key:?}: what {who} can claim"),
			Rewards::claimable(&pkey, &acc(who), MAX_CLAIM_BATCH).ok().map(|(t, _, _)| t),
			e.claimable(m, key, who, MAX_CLAIM_BATCH),
		)?;
	}
	Ok(())
}

/// Curator fees and operator rewards, pallets against the model.
fn compare_fees(e: &Economy, m: &Model) -> Result<(), String> {
	use pallet_rampart_rewards::{AdminFee, CuratorFees, OperatorRewards};
	for v in 0..m.vaults.len() as u32 {
		check(
			|| format!("vault {v} admin fee"),
			AdminFee::<Runtime>::get(v),
			e.fees.get(&v).copied().unwrap_or(0),
		)?;
		for a in [Asset::Native, Asset::Usd] {
			check(
				|| format!("vault {v} curator fees in {a:?}"),
				CuratorFees::<Runtime>::get(v, asset(a)),
				e.curator_fees.get(&(v, a)).copied().unwrap_or(0),
			)?;
		}
	}
	for (n, _) in NETWORKS {
		for a in [Asset::Native, Asset::Usd] {
			for o in OPERATORS.iter().copied().chain([NEWCOMER]) {
				check(
					|| format!("{o}'s rewards from {n} in {a:?}"),
					OperatorRewards::<Runtime>::get((acc(n), asset(a), acc(o))),
					e.operator_rewards.get(&(n, a, o)).copied().unwrap_or(0),
				)?;
			}
		}
	}
	e.check_conservation()
}

/// Power and the operator set of [`MIDDLEWARE_SN`] now and at recent blocks, pallets against
/// the model.
fn compare_power(e: &Economy, m: &Model) -> Result<(), String> {
	let sn = subnetwork(MIDDLEWARE_SN);
	let mut blocks =
		vec![m.now, m.now.saturating_sub(1), m.now.saturating_sub(3), m.now.saturating_sub(10)];
	blocks.dedup();
	for t in blocks {
		for o in OPERATORS.iter().copied().chain([NEWCOMER]) {
			let pallet = Middleware::power_of(sn.clone(), acc(o), t).map(|(total, parts)| {
				let mut parts: Vec<_> =
					parts.into_iter().map(|p| (p.vault, p.stake, p.power)).collect();
				parts.sort();
				(total, parts)
			});
			check(|| format!("power of {o} at {t}"), pallet, Some(e.power(m, o, t)))?;
		}
		let pallet = Middleware::operator_set_at(sn.clone(), t).map(|set| Set {
			operators: set
				.operators
				.into_iter()
				.map(|p| (AsRef::<[u8]>::as_ref(&p.operator)[0], p.power, p.capped))
				.collect(),
			total: set.total,
			cut: set.cut,
		});
		check(|| format!("operator set at {t}"), pallet, Some(e.operator_set(m, t)))?;
	}
	Ok(())
}

/// xorshift64*, seeded: small and reproducible.
pub struct Rng(u64);
impl Rng {
	pub fn new(seed: u64) -> Self {
		Self(seed.max(1))
	}
	fn next(&mut self) -> u64 {
		self.0 ^= self.0 >> 12;
		self.0 ^= self.0 << 25;
		self.0 ^= self.0 >> 27;
		self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
	}
	fn below(&mut self, n: u64) -> u64 {
		self.next() % n.max(1)
	}
	fn chance(&mut self, percent: u64) -> bool {
		self.below(100) < percent
	}
	fn pick<T: Copy>(&mut self, items: &[T]) -> T {
		items[self.below(items.len() as u64) as usize]
	}
}

/// The vaults every stream starts with: each delegator kind, each slasher kind, both
/// collaterals, burning and redistributing, one with a whitelist and a deposit limit.
fn initial_vaults() -> Vec<VaultParams> {
	let p = |collateral, epoch, kind, slasher, burner| VaultParams {
		collateral,
		epoch,
		kind,
		slasher,
		burner,
		whitelist: false,
		limit: None,
	};
	vec![
		p(Asset::Usd, 10, Kind::NetworkRestake, Slasher::Instant, None),
		p(Asset::Usd, 10, Kind::FullRestake, Slasher::Veto { veto: 2, delay: 3 }, Some(RECEIVER)),
		p(Asset::Native, 5, Kind::OperatorSpecific(5), Slasher::Instant, None),
		p(
			Asset::Usd,
			4,
			Kind::OperatorNetworkSpecific(6, 3),
			Slasher::Veto { veto: 1, delay: 3 },
			Some(RECEIVER),
		),
		VaultParams {
			whitelist: true,
			limit: Some(5_000),
			..p(Asset::Native, 7, Kind::NetworkRestake, Slasher::Veto { veto: 3, delay: 4 }, None)
		},
		p(Asset::Usd, 3, Kind::FullRestake, Slasher::None, Some(RECEIVER)),
	]
}

/// The opening of every stream: the world of the test, built through the same comparison.
fn opening() -> Vec<Op> {
	let mut ops = Vec::new();
	for (n, mw) in NETWORKS {
		ops.push(Op::RegisterNetwork(n));
		ops.push(Op::SetMiddleware(n, Some(mw)));
	}
	for o in OPERATORS {
		ops.push(Op::RegisterOperator(o));
	}
	let vaults = initial_vaults();
	for p in &vaults {
		ops.push(Op::CreateVault(p.clone()));
	}
	ops.push(Op::Advance(1));
	for o in OPERATORS {
		for (n, _) in NETWORKS {
			ops.push(Op::OptIn(o, Target::Network(n)));
		}
		for v in 0..vaults.len() as u32 {
			ops.push(Op::OptIn(o, Target::Vault(v)));
		}
	}
	ops.push(Op::SetDepositorWhitelistStatus { caller: CURATOR, vault: 4, who: 2, on: true });
	ops.push(Op::SetDepositorWhitelistStatus { caller: CURATOR, vault: 4, who: 11, on: true });
	for (v, p) in vaults.iter().enumerate() {
		let v = v as u32;
		for (n, _) in NETWORKS {
			for id in [0, 1] {
				let sn = (n, id);
				ops.push(Op::SetMaxNetworkLimit { network: n, vault: v, id, amount: 2_000 });
				match p.kind {
					Kind::OperatorNetworkSpecific(..) => {},
					_ => ops.push(Op::SetNetworkLimit {
						caller: CURATOR,
						vault: v,
						sn,
						amount: 1_500,
					}),
				}
				for (i, op) in OPERATORS.iter().enumerate() {
					match p.kind {
						Kind::NetworkRestake => ops.push(Op::SetOperatorShares {
							caller: CURATOR,
							vault: v,
							sn,
							op: *op,
							shares: 1 + i as u128,
						}),
						Kind::FullRestake => ops.push(Op::SetOperatorLimit {
							caller: CURATOR,
							vault: v,
							sn,
							op: *op,
							amount: 900,
						}),
						_ => {},
					}
				}
			}
			if let Slasher::Veto { .. } = p.slasher {
				ops.push(Op::SetResolver {
					network: n,
					vault: v,
					id: 0,
					resolver: Some(RESOLVERS[0]),
				});
			}
		}
		for staker in [2, 11] {
			ops.push(Op::Deposit { caller: staker, vault: v, on_behalf: staker, amount: 1_000 });
		}
	}
	// The middleware values native at 2 and USD at 1 with a 50 % haircut, accepts four
	// vaults, caps an operator at 60 % of the set; both operators join.
	let network = MIDDLEWARE_SN.0;
	for (a, haircut, halves) in [(Asset::Native, 0, 4), (Asset::Usd, 50, 2)] {
		ops.push(Op::MwValuation { caller: network, asset: a, haircut });
		ops.push(Op::MwPrice { caller: network, asset: a, halves });
	}
	for v in [0, 1, 2, 4] {
		ops.push(Op::MwAccept { caller: network, vault: v });
	}
	ops.push(Op::MwPolicy { caller: network, policy: Policy { max: 8, min: 0, cap: 60 } });
	for o in OPERATORS {
		ops.push(Op::MwJoin(o));
	}
	ops.push(Op::SetAdminFee { caller: CURATOR, vault: 0, fee: 1_000 });
	ops.push(Op::SetAdminFee { caller: CURATOR, vault: 1, fee: 500 });
	ops.push(Op::Advance(2));
	ops
}

/// An amount: mostly ordinary, sometimes zero, huge, or the whole balance.
fn amount(rng: &mut Rng, ordinary: u128) -> u128 {
	match rng.below(100) {
		0..=3 => 0,
		4..=5 => u128::MAX,
		6..=7 => u128::MAX / 3,
		_ => 1 + rng.below(ordinary.max(1) as u64) as u128,
	}
}

/// A caller: usually `right`, sometimes a random other account.
fn caller(rng: &mut Rng, right: Acc) -> Acc {
	if rng.chance(8) {
		rng.pick(&[OUTSIDER, CURATOR, 2, 5, 3, 8, 14])
	} else {
		right
	}
}

/// A caller for network `n`'s middleware: usually the middleware, sometimes another account.
fn middleware(rng: &mut Rng, m: &Model, n: Acc) -> Acc {
	caller(rng, m.middleware.get(&n).copied().unwrap_or(OUTSIDER))
}

/// A vault id: usually one that exists.
fn vault_id(rng: &mut Rng, m: &Model) -> u32 {
	if rng.chance(2) {
		m.vaults.len() as u32 + rng.below(3) as u32
	} else {
		rng.below(m.vaults.len() as u64) as u32
	}
}

/// A capture block for vault `v`: mostly inside its window, sometimes just outside.
fn capture(rng: &mut Rng, m: &Model, v: u32) -> u64 {
	let epoch = m.vaults.get(v as usize).map(|x| x.params.epoch).unwrap_or(EPOCH);
	match rng.below(20) {
		0 => m.now,
		1 => m.now + 1,
		2 => m.now.saturating_sub(epoch),
		3 => m.now.saturating_sub(epoch + 1),
		4 => 0,
		_ => m.now.saturating_sub(1 + rng.below(epoch)),
	}
}

fn an_sn(rng: &mut Rng) -> Sn {
	let (n, _) = rng.pick(&NETWORKS);
	(n, if rng.chance(80) { 0 } else { 1 })
}

fn an_operator(rng: &mut Rng) -> Acc {
	if rng.chance(10) {
		rng.pick(&[NEWCOMER, OUTSIDER])
	} else {
		rng.pick(&OPERATORS)
	}
}

/// Mostly a vault of the slasher kind asked for, and a (subnetwork, operator) with stake at a
/// capture inside the window: the slashes that can succeed. `None` one time in five, or when no
/// such vault exists, so that the stream also tries the rest.
fn slash_target(rng: &mut Rng, m: &Model, veto: bool) -> Option<(u32, Sn, Acc, u64)> {
	if rng.chance(20) {
		return None;
	}
	let vaults: Vec<u32> = (0..m.vaults.len() as u32)
		.filter(|v| match m.vaults[*v as usize].params.slasher {
			Slasher::Veto { .. } => veto,
			Slasher::Instant => !veto,
			Slasher::None => false,
		})
		.collect();
	if vaults.is_empty() {
		return None;
	}
	let v = rng.pick(&vaults);
	let vault = &m.vaults[v as usize];
	let (epoch, veto_duration) = match vault.params.slasher {
		Slasher::Veto { veto, .. } => (vault.params.epoch, veto),
		_ => (vault.params.epoch, 0),
	};
	// Inside the window: [now + veto − D, now).
	let earliest = (m.now + veto_duration).saturating_sub(epoch);
	let capture = earliest + rng.below(m.now.saturating_sub(earliest).max(1));
	let mut pairs = Vec::new();
	for (network, _) in NETWORKS {
		for id in [0, 1] {
			for op in OPERATORS {
				if m.slashable(v, (network, id), op, capture) > 0 {
					pairs.push(((network, id), op));
				}
			}
		}
	}
	if pairs.is_empty() {
		return None;
	}
	let (sn, op) = rng.pick(&pairs);
	Some((v, sn, op, capture))
}

/// Mostly a pending request still inside its window.
fn open_request(rng: &mut Rng, m: &Model) -> Option<u64> {
	if rng.chance(20) {
		return None;
	}
	let open: Vec<u64> = (0..m.requests.len() as u64)
		.filter(|id| {
			let r = &m.requests[*id as usize];
			r.status == Status::Pending
				&& m.now <= r.capture + m.vaults[r.vault as usize].params.epoch
		})
		.collect();
	(!open.is_empty()).then(|| rng.pick(&open))
}

/// An operation of the rewards or the middleware.
fn generate_economy(rng: &mut Rng, m: &Model, e: &Economy) -> Op {
	let v = vault_id(rng, m);
	let (network, _) = rng.pick(&NETWORKS);
	let a = if rng.chance(50) { Asset::Native } else { Asset::Usd };
	let staker = if rng.chance(5) { OUTSIDER } else { rng.pick(&STAKERS) };
	let snapshot = |rng: &mut Rng, age: u64| match rng.below(20) {
		0 => m.now,
		1 => m.now.saturating_sub(age + 1),
		2 => m.now + 1,
		_ => m.now.saturating_sub(1 + rng.below(age)),
	};
	let mw_vault = |rng: &mut Rng| rng.pick(&[0, 1, 2, 4, 5, 0, 1, 2, 4, 99]);
	let network_caller = |rng: &mut Rng| {
		if rng.chance(8) {
			rng.pick(&[OUTSIDER, 4, 8])
		} else {
			MIDDLEWARE_SN.0
		}
	};
	match rng.below(100) {
		0..=27 => {
			let fee = e.fees.get(&v).copied().unwrap_or(0);
			Op::DistributeStaker {
				caller: middleware(rng, m, network),
				vault: v,
				network,
				asset: a,
				amount: amount(rng, 1_000),
				snapshot: snapshot(rng, MAX_SNAPSHOT_AGE),
				max_fee: if rng.chance(5) { fee.saturating_sub(1) } else { MAX_FEE },
			}
		},
		28..=52 => Op::ClaimStaker {
			caller: staker,
			vault: v,
			network,
			asset: a,
			recipient: if rng.chance(80) { staker } else { RECEIVER },
			max: match rng.below(20) {
				0 => 0,
				1 => MAX_CLAIM_BATCH + 1,
				_ => 1 + rng.below(MAX_CLAIM_BATCH as u64) as u32,
			},
		},
		53..=58 => Op::SetAdminFee {
			caller: caller(rng, CURATOR),
			vault: v,
			fee: rng.pick(&[0, 500, 1_000, 2_500, MAX_FEE, MAX_FEE + 1]),
		},
		59..=63 => Op::ClaimAdminFee {
			caller: caller(rng, CURATOR),
			vault: v,
			asset: a,
			recipient: rng.pick(&[CURATOR, RECEIVER]),
		},
		64..=73 => {
			let sn = an_sn(rng);
			Op::DistributeByStake {
				caller: middleware(rng, m, sn.0),
				vault: v,
				sn,
				asset: a,
				amount: amount(rng, 1_000),
				snapshot: snapshot(rng, 3),
				operators: match rng.below(10) {
					0 => vec![],
					1 => vec![5, 5],
					2 => vec![5, NEWCOMER],
					3 => vec![6],
					4 => vec![5],
					_ => vec![6, 5],
				},
			}
		},
		74..=79 => {
			let o = rng.pick(&[5, 6, 6, 5, NEWCOMER]);
			Op::ClaimOperator {
				caller: o,
				network,
				asset: a,
				recipient: rng.pick(&[o, RECEIVER, 2]),
			}
		},
		80..=83 => Op::ExpireDistribution { vault: v, network, asset: a },
		84..=85 => Op::MwAccept { caller: network_caller(rng), vault: mw_vault(rng) },
		86..=87 => Op::MwRemove { caller: network_caller(rng), vault: mw_vault(rng) },
		88 => Op::MwValuation {
			caller: network_caller(rng),
			asset: a,
			haircut: rng.pick(&[0, 10, 50, 100]),
		},
		89..=91 => Op::MwPrice {
			caller: network_caller(rng),
			asset: a,
			halves: rng.pick(&[0, 1, 2, 3, 4, 5, 7]),
		},
		92..=93 => Op::MwPolicy {
			caller: network_caller(rng),
			policy: Policy {
				max: rng.pick(&[0, 1, 2, 3, MAX_OPERATORS, MAX_OPERATORS + 1]),
				min: rng.pick(&[0, 0, 500, 2_000]),
				cap: rng.pick(&[30, 50, 60, 100]),
			},
		},
		94..=96 => Op::MwJoin(rng.pick(&[5, 6, NEWCOMER, OUTSIDER])),
		_ => Op::MwLeave(rng.pick(&[5, 6, NEWCOMER])),
	}
}

/// The next operation of the stream, given the model's state.
fn generate(rng: &mut Rng, m: &Model, e: &Economy) -> Op {
	if rng.chance(15) {
		return generate_economy(rng, m, e);
	}
	let v = vault_id(rng, m);
	let staker = if rng.chance(3) { OUTSIDER } else { rng.pick(&STAKERS) };
	let other = rng.pick(&STAKERS);
	let held = m.vaults.get(v as usize).map(|x| x.shares_of(staker).latest()).unwrap_or(0);
	let sn = an_sn(rng);
	let op = an_operator(rng);
	match rng.below(1000) {
		0..=69 => Op::Advance(1 + rng.below(3)),
		70..=89 => {
			// To the first block of some vault's next epoch, or one before it.
			let (t0, epoch) =
				m.vaults.get(v as usize).map(|x| (x.t0, x.params.epoch)).unwrap_or((0, EPOCH));
			let to_next = epoch - (m.now - t0.min(m.now)) % epoch;
			Op::Advance(if rng.chance(50) { to_next } else { to_next.saturating_sub(1).max(1) })
		},
		90..=229 => {
			let amount = if rng.chance(3) {
				m.vaults
					.get(v as usize)
					.map(|x| m.balance(x.params.collateral, staker))
					.unwrap_or(1)
			} else {
				amount(rng, 2_000)
			};
			let on_behalf = if rng.chance(85) { staker } else { other };
			Op::Deposit { caller: staker, vault: v, on_behalf, amount }
		},
		230..=319 => {
			let amount = if rng.chance(50) && held > 0 {
				1 + rng.below(held as u64) as u128
			} else {
				amount(rng, 800)
			};
			let claimer = if rng.chance(80) { staker } else { other };
			Op::Withdraw { caller: staker, vault: v, claimer, amount }
		},
		320..=369 => {
			let shares = if rng.chance(10) {
				held
			} else if held > 0 && rng.chance(70) {
				1 + rng.below(held as u64) as u128
			} else {
				amount(rng, 800)
			};
			let claimer = if rng.chance(80) { staker } else { other };
			Op::Redeem { caller: staker, vault: v, claimer, shares }
		},
		370..=459 => {
			let mine: Vec<u64> = m
				.vaults
				.get(v as usize)
				.map(|x| x.wsh.keys().filter(|(_, a)| *a == staker).map(|(e, _)| *e).collect())
				.unwrap_or_default();
			let cur = m.vaults.get(v as usize).map(|_| m.current_epoch(v)).unwrap_or(0);
			let epoch = if !mine.is_empty() && rng.chance(75) {
				rng.pick(&mine)
			} else {
				(cur + 2).saturating_sub(rng.below(5))
			};
			let recipient = if rng.chance(85) { staker } else { RECEIVER };
			if rng.chance(25) {
				let mut epochs: Vec<u64> = Vec::new();
				for _ in 0..rng.below(4) {
					epochs.push(if !mine.is_empty() && rng.chance(80) {
						rng.pick(&mine)
					} else {
						cur
					});
				}
				Op::ClaimBatch { caller: staker, vault: v, recipient, epochs }
			} else {
				Op::Claim { caller: staker, vault: v, recipient, epoch }
			}
		},
		460..=499 => {
			let shares = if held > 0 && rng.chance(70) {
				1 + rng.below(held as u64) as u128
			} else {
				amount(rng, 500)
			};
			let to = if rng.chance(10) { staker } else { rng.pick(&[other, OUTSIDER, RECEIVER]) };
			Op::TransferShares { caller: staker, vault: v, to, shares }
		},
		500..=539 => {
			let network = if rng.chance(5) { OUTSIDER } else { sn.0 };
			let amount = if rng.chance(5) { 0 } else { rng.below(3_000) as u128 };
			Op::SetMaxNetworkLimit { network, vault: v, id: sn.1, amount }
		},
		540..=579 => {
			let amount = if rng.chance(5) { u128::MAX } else { rng.below(2_500) as u128 };
			Op::SetNetworkLimit { caller: caller(rng, CURATOR), vault: v, sn, amount }
		},
		580..=609 => Op::SetOperatorShares {
			caller: caller(rng, CURATOR),
			vault: v,
			sn,
			op,
			shares: rng.below(4) as u128,
		},
		610..=639 => Op::SetOperatorLimit {
			caller: caller(rng, CURATOR),
			vault: v,
			sn,
			op,
			amount: rng.below(2_000) as u128,
		},
		640..=669 => {
			let o = rng.pick(&[5, 6, 6, 5, NEWCOMER]);
			let t = if rng.chance(50) {
				Target::Network(rng.pick(&[3, 4, 3, 4, OUTSIDER]))
			} else {
				Target::Vault(vault_id(rng, m))
			};
			if m.is_opted_in(o, t) && rng.chance(70) {
				Op::OptOut(o, t)
			} else if rng.chance(85) {
				Op::OptIn(o, t)
			} else {
				Op::OptOut(o, t)
			}
		},
		670..=689 => {
			let c = caller(rng, CURATOR);
			match rng.below(4) {
				0 => Op::SetDepositWhitelist { caller: c, vault: v, on: rng.chance(30) },
				1 => Op::SetDepositorWhitelistStatus {
					caller: c,
					vault: v,
					who: rng.pick(&STAKERS),
					on: rng.chance(60),
				},
				2 => Op::SetIsDepositLimit { caller: c, vault: v, on: rng.chance(40) },
				_ => Op::SetDepositLimit { caller: c, vault: v, limit: rng.below(10_000) as u128 },
			}
		},
		roll @ 690..=849 => {
			// Instant slashes, then (from 780) veto requests.
			let veto = roll >= 780;
			let (vault, sn, op, capture) =
				slash_target(rng, m, veto).unwrap_or((v, sn, op, capture(rng, m, v)));
			let (caller, amount) = (middleware(rng, m, sn.0), amount(rng, 600));
			if veto {
				Op::RequestSlash { caller, vault, sn, op, amount, capture }
			} else {
				Op::Slash { caller, vault, sn, op, amount, capture }
			}
		},
		850..=909 => {
			let id = open_request(rng, m).unwrap_or_else(|| rng.below(m.requests.len() as u64 + 2));
			let network = m.requests.get(id as usize).map(|r| r.sn.0).unwrap_or(3);
			Op::ExecuteSlash { caller: middleware(rng, m, network), id }
		},
		910..=949 => {
			let id = open_request(rng, m).unwrap_or_else(|| rng.below(m.requests.len() as u64 + 2));
			let resolver = m
				.requests
				.get(id as usize)
				.and_then(|r| m.vaults[r.vault as usize].resolver_at(r.sn, r.capture));
			let c = match resolver {
				Some(r) if rng.chance(85) => r,
				_ => rng.pick(&[RESOLVERS[0], RESOLVERS[1], OUTSIDER, 8]),
			};
			Op::VetoSlash { caller: c, id }
		},
		950..=969 => {
			let network = if rng.chance(5) { OUTSIDER } else { sn.0 };
			let resolver = match rng.below(4) {
				0 => None,
				1 => Some(RESOLVERS[1]),
				_ => Some(RESOLVERS[0]),
			};
			Op::SetResolver { network, vault: v, id: sn.1, resolver }
		},
		970..=979 => {
			let (n, mw) = rng.pick(&NETWORKS);
			let to = match rng.below(10) {
				0 => None,
				1 => Some(OUTSIDER),
				_ => Some(mw),
			};
			Op::SetMiddleware(if rng.chance(5) { OUTSIDER } else { n }, to)
		},
		980..=989 => {
			// A vault with one possible mistake: epoch out of bounds, bad veto parameters, an
			// unregistered operator or network.
			let mut p = rng.pick(&[0usize, 1, 2, 3, 4, 5]);
			let mut params = initial_vaults().swap_remove(p);
			p = rng.below(6) as usize;
			match p {
				0 => params.epoch = rng.pick(&[0, 1, EPOCH + 1]),
				1 => params.slasher = Slasher::Veto { veto: params.epoch, delay: 3 },
				2 => params.slasher = Slasher::Veto { veto: 1, delay: 2 },
				3 => params.kind = Kind::OperatorSpecific(rng.pick(&[NEWCOMER, OUTSIDER, 5])),
				4 => params.kind = Kind::OperatorNetworkSpecific(6, rng.pick(&[OUTSIDER, 4])),
				_ => {},
			}
			if m.vaults.len() >= 10 {
				// Keep the world small: ask for an invalid one only.
				params.epoch = 0;
			}
			Op::CreateVault(params)
		},
		_ => {
			if rng.chance(50) {
				Op::RegisterOperator(rng.pick(&[NEWCOMER, 5]))
			} else {
				Op::RegisterNetwork(rng.pick(&[3, NEWCOMER]))
			}
		},
	}
}

/// What a run did.
#[derive(Default, Debug)]
pub struct Stats {
	pub steps: u64,
	pub per_op: std::collections::BTreeMap<&'static str, (u64, u64)>,
	pub normalised: std::collections::BTreeMap<&'static str, u64>,
}

/// A divergence: the step it happened at and what differed.
#[derive(Debug)]
pub struct Divergence {
	pub step: usize,
	pub message: String,
}

/// Runs `ops` on fresh pallets and a fresh model, comparing after every step (everything
/// every `deep_every` steps and at the end).
fn run(ops: &[Op], deep_every: usize) -> Result<Stats, Divergence> {
	let mut stats = Stats::default();
	new_test_ext().execute_with(|| {
		let (mut m, mut e) = (model(System::block_number()), Economy::default());
		let mut extra = std::collections::BTreeMap::new();
		for (step, op) in ops.iter().enumerate() {
			let fail = |message: String| Divergence { step, message: format!("{op:?}: {message}") };
			let pallets = apply_pallets(op);
			// A refusal only the pallets give, where the model agrees its condition holds: the
			// model skips the operation (a model refusal changes nothing, so no model call
			// needs undoing otherwise).
			let pallet_only = match &pallets {
				Err(e) => pallet_only_refusal(&m, op, e),
				Ok(()) => None,
			};
			if let Some(name) = pallet_only {
				*extra.entry(name).or_default() += 1;
			} else {
				let model = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
					apply_model(&mut m, &mut e, op)
				}))
				.map_err(|_| fail("the model panicked".into()))?;
				compare_outcome(&pallets, &model).map_err(fail)?;
			}
			let entry = stats.per_op.entry(op.name()).or_default();
			if pallets.is_ok() {
				entry.0 += 1;
			} else {
				entry.1 += 1;
			}
			let deep = (step + 1) % deep_every == 0 || step + 1 == ops.len();
			let touched = if matches!(op, Op::Advance(_) | Op::OptIn(..) | Op::OptOut(..)) {
				None
			} else {
				op.vault()
			};
			let request = match op {
				Op::ExecuteSlash { id, .. } | Op::VetoSlash { id, .. } => Some(*id),
				Op::RequestSlash { .. } => m.requests.len().checked_sub(1).map(|id| id as u64),
				_ => None,
			};
			compare_state(&m, touched, request, deep).map_err(fail)?;
			if let Some(key) = op.list() {
				compare_list(&e, &m, key).map_err(fail)?;
			}
			if deep {
				for key in e.lists.keys() {
					compare_list(&e, &m, *key).map_err(fail)?;
				}
			}
			let rewards = op.vault().is_some() || matches!(op, Op::ClaimOperator { .. });
			if deep || rewards || step % 16 == 0 {
				compare_fees(&e, &m).map_err(fail)?;
			}
			if deep || op.middleware() || step % 8 == 0 {
				compare_power(&e, &m).map_err(fail)?;
			}
			if deep {
				check_invariants();
			}
		}
		stats.steps = ops.len() as u64;
		stats.normalised = m.normalised.clone();
		for (k, n) in extra {
			stats.normalised.insert(k, n);
		}
		Ok(stats)
	})
}

/// A fresh model: the stream's accounts funded (the middleware accounts pay rewards).
fn model(now: u64) -> Model {
	let mut m = Model::new(now, REQUEST_RETENTION, 1);
	let middlewares = NETWORKS.map(|(_, mw)| mw);
	for who in STAKERS.iter().copied().chain([CURATOR, RECEIVER, OUTSIDER]).chain(middlewares) {
		for a in [Asset::Native, Asset::Usd] {
			m.balances.insert((a, who), ENDOWMENT);
		}
	}
	m
}

/// The stream of `seed`: the opening, then `steps` generated operations.
pub fn stream(seed: u64, steps: usize) -> Vec<Op> {
	let mut ops = opening();
	let (mut m, mut e) = (model(1), Economy::default());
	for op in &ops {
		let _ = apply_model(&mut m, &mut e, op);
	}
	let mut rng = Rng::new(seed);
	for _ in 0..steps {
		let op = generate(&mut rng, &m, &e);
		let _ = apply_model(&mut m, &mut e, &op);
		ops.push(op);
	}
	ops
}

/// Shrinks a failing stream: removes chunks while it still fails, within `budget`.
fn shrink(mut ops: Vec<Op>, budget: Duration) -> Vec<Op> {
	let start = Instant::now();
	let mut chunk = ops.len() / 2;
	while chunk >= 1 && start.elapsed() < budget {
		let mut i = 0;
		while i < ops.len() && start.elapsed() < budget {
			let mut candidate = ops.clone();
			candidate.drain(i..(i + chunk).min(ops.len()));
			match run(&candidate, usize::MAX) {
				Err(d) => {
					candidate.truncate(d.step + 1);
					ops = candidate;
				},
				Ok(_) => i += chunk,
			}
		}
		chunk /= 2;
	}
	ops
}

fn env_number(name: &str) -> Option<u64> {
	let v = std::env::var(name).ok()?;
	let v = v.trim();
	match v.strip_prefix("0x") {
		Some(hex) => u64::from_str_radix(hex, 16).ok(),
		None => v.parse().ok(),
	}
}

/// Seeds of the CI run, and steps per seed.
const SEEDS: [u64; 6] = [0x5eed, 0xdead_beef, 0x1234_5678_9abc, 0xfeed_f00d, 0xc0ffee, 0xbad_5eed];
const STEPS: usize = 20_000;

#[test]
fn the_pallets_agree_with_an_independent_model_of_the_reference() {
	let seeds: Vec<u64> =
		env_number("RAMPART_DIFF_SEED").map(|s| vec![s]).unwrap_or(SEEDS.to_vec());
	let steps = env_number("RAMPART_DIFF_STEPS").map(|s| s as usize).unwrap_or(STEPS);
	let started = Instant::now();
	let mut total = Stats::default();
	for seed in seeds {
		let ops = stream(seed, steps);
		let at = Instant::now();
		match run(&ops, 250) {
			Ok(stats) => {
				println!(
					"seed {seed:#x}: {} operations compared in {:.1}s",
					stats.steps,
					at.elapsed().as_secs_f64()
				);
				total.steps += stats.steps;
				for (k, (ok, err)) in stats.per_op {
					let e = total.per_op.entry(k).or_default();
					e.0 += ok;
					e.1 += err;
				}
				for (k, n) in stats.normalised {
					*total.normalised.entry(k).or_default() += n;
				}
			},
			Err(d) => {
				println!("seed {seed:#x} diverged at step {}: {}", d.step, d.message);
				let mut failing = ops;
				failing.truncate(d.step + 1);
				let small = shrink(failing, Duration::from_secs(120));
				let last = run(&small, usize::MAX).err();
				println!("a shrunk stream of {} operations that still diverges:", small.len());
				for op in &small {
					println!("  {op:?}");
				}
				panic!(
					"the pallets and the model diverge (seed {seed:#x}, step {}): {}\n\
					 shrunk: {}\nrerun: RAMPART_DIFF_SEED={seed:#x} RAMPART_DIFF_STEPS={steps} \
					 cargo test --release -p rampart-integration-tests differential -- --nocapture",
					d.step,
					d.message,
					last.map(|d| d.message).unwrap_or_else(|| "(the shrunk stream passed)".into()),
				);
			},
		}
	}
	let secs = started.elapsed().as_secs_f64();
	println!(
		"{} operations compared in {secs:.1}s ({:.0} per second)",
		total.steps,
		total.steps as f64 / secs
	);
	println!("(succeeded, refused) per operation: {:?}", total.per_op);
	println!("normalisations applied: {:?}", total.normalised);
	// The stream must reach the interesting paths, not only fail.
	for name in [
		"deposit",
		"withdraw",
		"redeem",
		"claim",
		"claim_batch",
		"transfer_shares",
		"set_max_network_limit",
		"set_network_limit",
		"set_operator_network_shares",
		"set_operator_network_limit",
		"opt_in",
		"opt_out",
		"slash",
		"request_slash",
		"execute_slash",
		"veto_slash",
		"set_resolver",
		"create_vault",
		"set_admin_fee",
		"distribute_staker_rewards",
		"claim_staker_rewards",
		"claim_admin_fee",
		"distribute_operator_rewards_by_stake",
		"claim_operator_rewards",
		"expire_distribution",
		"accept_vault",
		"remove_vault",
		"set_valuation",
		"set_price",
		"set_operator_set_policy",
		"join",
		"leave",
	] {
		let (ok, refused) = total.per_op.get(name).copied().unwrap_or_default();
		assert!(ok > 0 && refused > 0, "{name}: {ok} succeeded and {refused} refused");
	}
}
