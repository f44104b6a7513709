//! The national schemes, embedded in the binary so that xhht can hold a plan
//! to them on a machine with nothing else.

use std::path::PathBuf;

use crate::load::{Loaded, load_bytes};
use crate::model::{Plan, TargetValue, Verification};
use crate::source::Format;

/// Each scheme's file, as shipped under plans/national/.
const EMBEDDED: &[(&str, &str)] = &[
    (
        "plans/national/de-an-89.yaml",
        include_str!("../plans/national/de-an-89.yaml"),
    ),
    (
        "plans/national/de-an-1373.yaml",
        include_str!("../plans/national/de-an-1373.yaml"),
    ),
    (
        "plans/national/de-an-281.yaml",
        include_str!("../plans/national/de-an-281.yaml"),
    ),
    (
        "plans/national/qd-489.yaml",
        include_str!("../plans/national/qd-489.yaml"),
    ),
];

/// The embedded schemes, loaded once per process. Paths are the files'
/// places in the repository, so a finding in a baseline points at a file a
/// user can open.
pub(crate) fn embedded() -> &'static [Loaded] {
    static LOADED: std::sync::OnceLock<Vec<Loaded>> = std::sync::OnceLock::new();
    LOADED.get_or_init(|| {
        EMBEDDED
            .iter()
            .map(|(path, text)| {
                load_bytes(PathBuf::from(path), text.as_bytes().to_vec(), Format::Yaml)
            })
            .collect()
    })
}

/// How much of a scheme's figures can be relied on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub(crate) struct Honesty {
    pub targets: usize,
    /// Figures seen in a Vietnamese source, directly or derived from an official review.
    pub verified: usize,
    /// Figures resting on an English/French summary or a provincial restatement.
    pub secondary: usize,
    pub unverified: usize,
    pub disputed: usize,
    /// Indicator and milestone named, figure not found.
    pub unavailable: usize,
}

impl Honesty {
    pub(crate) fn of(plan: &Plan) -> Self {
        let mut h = Self {
            targets: plan.targets.len(),
            ..Self::default()
        };
        for t in &plan.targets {
            if t.value == TargetValue::Unavailable {
                h.unavailable += 1;
                continue;
            }
            match t.verification {
                Some(Verification::Verified | Verification::VerifiedDerived) => h.verified += 1,
                Some(
                    Verification::VerifiedEn
                    | Verification::VerifiedLocal
                    | Verification::SingleSource,
                ) => h.secondary += 1,
                Some(Verification::Disputed) => h.disputed += 1,
                Some(Verification::Unverified | Verification::NotFound) | None => h.unverified += 1,
            }
        }
        h
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_scheme_loads() {
        for loaded in embedded() {
            let plan = loaded.plan.as_ref().unwrap_or_else(|e| {
                panic!("{}: {}", loaded.source.path.display(), e.message.english())
            });
            assert_eq!(plan.document.level, crate::model::Level::National);
        }
    }

    #[test]
    fn every_national_target_has_a_source_and_a_flag() {
        for loaded in embedded() {
            let plan = loaded.plan.as_ref().unwrap();
            for t in &plan.targets {
                assert!(
                    t.verification.is_some(),
                    "{} {} has no flag",
                    plan.document.id,
                    t.id
                );
                assert!(
                    !t.sources.is_empty() || t.value == TargetValue::Unavailable,
                    "{} {} has no source",
                    plan.document.id,
                    t.id
                );
            }
        }
    }
}
