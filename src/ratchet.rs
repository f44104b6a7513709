//! Accepting today's findings and failing only on new ones. A finding is
//! known by its rule, its plan and its subject, never by its line, so lines
//! inserted above it change nothing.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::finding::Finding;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub(crate) struct Key {
    pub code: String,
    /// The plan's id, or the file for a file that did not parse.
    pub plan: String,
    /// What the finding is about: its subject, else the field it points at.
    pub subject: String,
}

impl Key {
    pub(crate) fn of(f: &Finding) -> Self {
        Self {
            code: f.code.code().to_owned(),
            plan: f
                .plan
                .clone()
                .unwrap_or_else(|| f.location.file.to_string_lossy().replace('\\', "/")),
            // Never the message: it follows --lang, and a key must not.
            subject: f
                .subject
                .clone()
                .or_else(|| f.field.clone())
                .unwrap_or_default(),
        }
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.code, self.plan, self.subject)
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Accepted {
    pub version: u32,
    pub accepted: Vec<Entry>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Entry {
    pub code: String,
    pub plan: String,
    pub subject: String,
    /// How many findings share the key (a citation given two dates in several places).
    pub count: usize,
}

fn counts(findings: &[Finding]) -> BTreeMap<Key, usize> {
    let mut counts = BTreeMap::new();
    for f in findings {
        *counts.entry(Key::of(f)).or_default() += 1;
    }
    counts
}

pub(crate) fn accept(findings: &[Finding]) -> Accepted {
    Accepted {
        version: 1,
        accepted: counts(findings)
            .into_iter()
            .map(|(key, count)| Entry {
                code: key.code,
                plan: key.plan,
                subject: key.subject,
                count,
            })
            .collect(),
    }
}

/// Why an accepted-findings file could not be used. The cause is part of the
/// message rather than a `source`, so an error chain does not say it twice.
#[derive(Debug, thiserror::Error)]
pub(crate) enum RatchetError {
    #[error("{}: cannot read: {error}; check the path given to --accepted, or write the file with --write-accepted", .path.display())]
    Read {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error("{}:{line}:{column}: not an accepted-findings file ({error}); write one with --write-accepted", .path.display())]
    Invalid {
        path: PathBuf,
        line: usize,
        column: usize,
        error: serde_json::Error,
    },
}

pub(crate) fn read(path: &Path) -> Result<Accepted, RatchetError> {
    let text = std::fs::read_to_string(path).map_err(|error| RatchetError::Read {
        path: path.to_owned(),
        error,
    })?;
    serde_json::from_str(&text).map_err(|error| RatchetError::Invalid {
        path: path.to_owned(),
        line: error.line(),
        column: error.column(),
        error,
    })
}

/// The outcome of holding findings to an accepted set.
pub(crate) struct Comparison {
    /// Findings beyond what was accepted: the only ones that can fail a run.
    pub new: Vec<Finding>,
    /// Accepted findings that no longer occur, with how many of each went away.
    pub gone: Vec<(Key, usize)>,
}

pub(crate) fn compare(findings: &[Finding], accepted: &Accepted) -> Comparison {
    let mut allowance: BTreeMap<Key, usize> = accepted
        .accepted
        .iter()
        .map(|e| {
            let key = Key {
                code: e.code.clone(),
                plan: e.plan.clone(),
                subject: e.subject.clone(),
            };
            (key, e.count)
        })
        .collect();
    let mut new = Vec::new();
    for f in findings {
        // A file that does not load is never accepted: nothing in it was checked.
        if f.code.is_load_error() {
            new.push(f.clone());
            continue;
        }
        let key = Key::of(f);
        match allowance.get_mut(&key) {
            Some(left) if *left > 0 => *left -= 1,
            _ => new.push(f.clone()),
        }
    }
    let gone = allowance
        .into_iter()
        .filter(|(_, left)| *left > 0)
        .collect();
    Comparison { new, gone }
}
