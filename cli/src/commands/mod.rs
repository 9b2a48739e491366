// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! The subcommands, one module per kind of user.

pub mod curator;
pub mod network;
pub mod operator;
pub mod staker;

use crate::{
	api::{FixedU128, Perbill},
	chain::{CliError, Units},
};

/// A percentage such as `10` or `2.5` as parts per billion; at most 100.
pub fn percent(text: &str) -> Result<Perbill, CliError> {
	let ppb = Units { decimals: 7, symbol: "%".into() }.parse(text)?;
	if ppb > 1_000_000_000 {
		return Err(CliError::input(format!("`{text}` % is more than 100 %")));
	}
	Ok(Perbill(ppb as u32))
}

/// A price such as `1` or `0.25`: power per unit of collateral (18 decimals).
pub fn price(text: &str) -> Result<FixedU128, CliError> {
	Ok(FixedU128(Units { decimals: 18, symbol: "(price)".into() }.parse(text)?))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn percentages_and_prices_parse() {
		assert_eq!(percent("10").unwrap().0, 100_000_000);
		assert_eq!(percent("2.5").unwrap().0, 25_000_000);
		assert_eq!(percent("100").unwrap().0, 1_000_000_000);
		assert!(percent("100.1").is_err());
		assert_eq!(price("0.25").unwrap().0, 250_000_000_000_000_000);
	}
}
