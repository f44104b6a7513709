//! Accepting today's findings and failing only on new ones. A finding is
//! known by its rule, its plan and its subject, never by its line, so lines
//! inserted above it change nothing.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::finding::{BaselineState, Finding, Rule};
use crate::i18n::Message;
use crate::msg;

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

/// The largest accepted-findings file read: a national corpus's findings
/// fit many times over, and a link to `/dev/zero` cannot exhaust memory.
pub(crate) const MAX_ACCEPTED_BYTES: usize = 64 * 1024 * 1024;

/// Why an accepted-findings file could not be used.
#[derive(Debug)]
pub(crate) enum RatchetError {
    Read(crate::load::ReadError),
    Invalid {
        path: PathBuf,
        line: usize,
        column: usize,
        error: serde_json::Error,
    },
}

impl RatchetError {
    /// The error in the run's language. The parser's own words stay as it
    /// gives them: they name the field or character at fault.
    pub(crate) fn message(&self) -> Message {
        match self {
            Self::Read(error) => msg!("ratchet.cannot-read", error = error.message()),
            Self::Invalid {
                path,
                line,
                column,
                error,
            } => {
                let position = format!(" at line {line} column {column}");
                let error = error.to_string();
                let error = error.strip_suffix(&position).unwrap_or(&error);
                msg!(
                    "ratchet.invalid",
                    path,
                    line = *line,
                    column = *column,
                    error
                )
            }
        }
    }
}

pub(crate) fn read(path: &Path) -> Result<Accepted, RatchetError> {
    let bytes =
        crate::load::read_regular_file(path, MAX_ACCEPTED_BYTES).map_err(RatchetError::Read)?;
    serde_json::from_slice(&bytes).map_err(|error| RatchetError::Invalid {
        path: path.to_owned(),
        line: error.line(),
        column: error.column(),
        error,
    })
}

/// What a run checked: only accepted findings inside it can be held to it,
/// so a command never reports as fixed what it did not look at.
pub(crate) struct Scope<'a> {
    /// Whether the command runs a rule (`validate` runs no comparison).
    pub runs: Box<dyn Fn(Rule) -> bool + 'a>,
    /// The plans the run read, by id, and the files (for findings of a file
    /// that did not load, which are known by the file).
    pub checked: HashSet<String>,
}

impl Scope<'_> {
    fn covers(&self, key: &Key) -> bool {
        Rule::from_code(&key.code).is_some_and(|rule| (self.runs)(rule))
            && self.checked.contains(&key.plan)
    }
}

/// The outcome of holding findings to an accepted set.
pub(crate) struct Comparison {
    /// Each finding's state, in the order given.
    pub states: Vec<BaselineState>,
    /// Accepted findings that no longer occur, with how many of each went away.
    pub gone: Vec<(Key, usize)>,
}

pub(crate) fn compare(findings: &[Finding], accepted: &Accepted, scope: &Scope<'_>) -> Comparison {
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
    let states = findings
        .iter()
        .map(|f| {
            let accepted = match allowance.get_mut(&Key::of(f)) {
                Some(left) if *left > 0 => {
                    *left -= 1;
                    true
                }
                _ => false,
            };
            // A file that does not load is never accepted, nothing in it was
            // checked; but while it still fails, its entry is not "fixed".
            if accepted && !f.code.is_load_error() {
                BaselineState::Unchanged
            } else {
                BaselineState::New
            }
        })
        .collect();
    // Every accepted entry can match a finding; only those the run checked
    // can be said to be gone.
    let gone = allowance
        .into_iter()
        .filter(|(key, left)| *left > 0 && scope.covers(key))
        .collect();
    Comparison { states, gone }
}
