//! The national schemes, embedded in the binary so that xhht can hold a plan
//! to them on a machine with nothing else.

use std::path::PathBuf;
use std::sync::OnceLock;

use crate::load::{Loaded, load_bytes};
use crate::model::{Plan, TargetValue, Verification};
use crate::source::Format;

/// A scheme as shipped under plans/national/, with what build.rs read of it.
pub(crate) struct Scheme {
    /// Its `document.id`, so a run can tell which schemes exist without
    /// parsing them.
    pub id: &'static str,
    /// Its place in the repository, so a finding in a scheme points at a
    /// file a user can open.
    pub path: &'static str,
    text: &'static str,
    /// Of `text`, in lower-case hex, so a report can be reproduced.
    pub sha256: &'static str,
}

/// Every scheme, in the order they are listed.
pub(crate) const SCHEMES: &[Scheme] = include!(concat!(env!("OUT_DIR"), "/schemes.rs"));

/// Each scheme, parsed on first use: most runs need one or none of them.
static PARSED: [OnceLock<Loaded>; SCHEMES.len()] = [const { OnceLock::new() }; SCHEMES.len()];

fn parsed(index: usize) -> &'static Loaded {
    PARSED[index].get_or_init(|| {
        let scheme = &SCHEMES[index];
        load_bytes(
            PathBuf::from(scheme.path),
            scheme.text.as_bytes().to_vec(),
            Format::Yaml,
        )
    })
}

/// The embedded scheme of this id, parsed. `None` when there is none (or
/// when it does not load, which `every_embedded_scheme_loads` rules out).
pub(crate) fn scheme(id: &str) -> Option<(&'static Plan, &'static crate::source::SourceFile)> {
    let loaded = parsed(SCHEMES.iter().position(|s| s.id == id)?);
    Some((loaded.plan.as_ref().ok()?, &loaded.source))
}

/// Every embedded scheme, parsed: for the commands that list or search them all.
pub(crate) fn embedded() -> impl Iterator<Item = &'static Loaded> {
    (0..SCHEMES.len()).map(parsed)
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
    fn build_rs_read_each_scheme_as_the_parser_does() {
        use sha2::{Digest, Sha256};
        use std::fmt::Write as _;
        for (scheme, loaded) in SCHEMES.iter().zip(embedded()) {
            let plan = loaded.plan.as_ref().unwrap();
            assert_eq!(scheme.id, plan.document.id);
            let digest = Sha256::digest(loaded.source.text.as_bytes());
            let hex = digest.iter().fold(String::new(), |mut hex, byte| {
                let _ = write!(hex, "{byte:02x}");
                hex
            });
            assert_eq!(scheme.sha256, hex, "{}", scheme.path);
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
