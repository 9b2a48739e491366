// This file is part of Rampart.
// SPDX-License-Identifier: Apache-2.0

//! Checks that keep the pallets' documentation in step with their code, for the pallets' own
//! tests. A pallet's `Error`, `Event` and `Call` enums carry their variant names and rustdoc in
//! their type information; these helpers compare that with the pallet's README, so that adding a
//! variant without documenting it fails a test.

use alloc::{string::String, vec::Vec};
use scale_info::{form::MetaForm, TypeDef, TypeInfo, Variant};

fn variants<E: TypeInfo + 'static>() -> Vec<Variant<MetaForm>> {
	match E::type_info().type_def {
		TypeDef::Variant(def) => def.variants,
		_ => Vec::new(),
	}
}

/// The text of the section of `markdown` headed `## {heading}`, up to the next `## ` heading;
/// empty if there is none.
pub fn section<'a>(markdown: &'a str, heading: &str) -> &'a str {
	let title = alloc::format!("## {heading}\n");
	let Some(start) = markdown.find(&title).map(|at| at + title.len()) else {
		return "";
	};
	let rest = &markdown[start..];
	rest.find("\n## ").map_or(rest, |end| &rest[..end])
}

/// The variants of `E` that `text` does not name in backticks (`` `Name` `` or `` `Name { ``
/// / `` `Name(``).
pub fn unnamed_variants<E: TypeInfo + 'static>(text: &str) -> Vec<&'static str> {
	variants::<E>()
		.into_iter()
		.map(|v| v.name)
		.filter(|name| {
			!["`", " {", "("]
				.iter()
				.any(|end| text.contains(&alloc::format!("`{name}{end}")))
		})
		.collect()
}

/// The variants of `E` (a pallet's `Call`) whose rustdoc lacks one of `headings` (say
/// `## Dispatch Origin`, `## Errors`, `## Events`), with the headings each lacks.
pub fn undocumented_variants<E: TypeInfo + 'static>(
	headings: &[&str],
) -> Vec<(&'static str, Vec<String>)> {
	variants::<E>()
		.into_iter()
		.filter_map(|v| {
			let missing: Vec<String> = headings
				.iter()
				.filter(|h| !v.docs.iter().any(|line| line.trim() == **h))
				.map(|h| String::from(*h))
				.collect();
			(!missing.is_empty()).then_some((v.name, missing))
		})
		.collect()
}

/// Panics unless the `## Errors` section of a pallet's `readme` names every variant of its
/// `Error` enum `E`, and the `## Events` section every variant of its `Event` enum `V`.
pub fn assert_readme_names_errors_and_events<E: TypeInfo + 'static, V: TypeInfo + 'static>(
	readme: &str,
) {
	let none = Vec::<&str>::new();
	let errors = unnamed_variants::<E>(section(readme, "Errors"));
	assert_eq!(errors, none, "errors the README's Errors section does not name");
	let events = unnamed_variants::<V>(section(readme, "Events"));
	assert_eq!(events, none, "events the README's Events section does not name");
}

/// Panics unless every variant of a pallet's `Call` enum `C` documents its origin, errors and
/// events under the headings `## Dispatch Origin`, `## Errors` and `## Events`.
pub fn assert_calls_documented<C: TypeInfo + 'static>() {
	let headings = ["## Dispatch Origin", "## Errors", "## Events"];
	let missing = undocumented_variants::<C>(&headings);
	assert!(missing.is_empty(), "calls missing a heading: {missing:?}");
}

#[cfg(test)]
mod tests {
	use super::*;

	#[allow(dead_code)]
	#[derive(TypeInfo)]
	#[scale_info(capture_docs = "always")]
	enum Sample {
		/// Does a.
		///
		/// ## Errors
		/// None.
		First,
		/// Does b.
		Second {
			value: u32,
		},
		Third(u32),
	}

	const README: &str = "# X\n\n## Errors\n\n`First`, `Second { value }`\n\n## Other\n`Third`\n";

	#[test]
	fn sections_end_at_the_next_heading() {
		assert_eq!(section(README, "Errors"), "\n`First`, `Second { value }`\n");
		assert_eq!(section(README, "Other"), "`Third`\n");
		assert_eq!(section(README, "Missing"), "");
	}

	#[test]
	fn variants_not_named_in_a_section_are_reported() {
		assert_eq!(unnamed_variants::<Sample>(section(README, "Errors")), vec!["Third"]);
		assert_eq!(unnamed_variants::<Sample>(README), Vec::<&str>::new());
	}

	#[test]
	fn variants_without_a_heading_are_reported() {
		assert_eq!(
			undocumented_variants::<Sample>(&["## Errors"]),
			vec![("Second", vec!["## Errors".into()]), ("Third", vec!["## Errors".into()])]
		);
	}
}
