//! Findings are data, not errors: every check returns them, every renderer
//! draws them. Each carries a stable rule code, a severity, a message and the
//! place in the file it is about.

use std::fmt;
use std::ops::Range;
use std::path::PathBuf;

use serde::Serialize;

use crate::i18n::Message;
use crate::load::{LoadError, LoadErrorKind};
use crate::source::{FieldPath, LineCol, SourceFile};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Info => "info",
            Self::Warning => "warning",
            Self::Error => "error",
        })
    }
}

macro_rules! rules {
    ($($variant:ident = $code:literal, $name:literal, $severity:ident;)*) => {
        /// Every rule xhht checks. Codes are stable: never renumber or reuse one.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Rule { $($variant,)* }

        impl Rule {
            pub const ALL: &[Rule] = &[$(Rule::$variant,)*];

            pub fn code(self) -> &'static str {
                match self { $(Rule::$variant => $code,)* }
            }

            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some(Rule::$variant),)* _ => None }
            }

            pub fn name(self) -> &'static str {
                match self { $(Rule::$variant => $name,)* }
            }

            pub fn default_severity(self) -> Severity {
                match self { $(Rule::$variant => Severity::$severity,)* }
            }

            /// What the rule checks, from the language's catalogue (`rule.<name>`).
            pub fn summary(self, lang: $crate::i18n::Lang) -> &'static str {
                match self { $(Rule::$variant => lang.fixed(concat!("rule.", $name)),)* }
            }
        }
    };
}

rules! {
    Syntax = "XH001", "syntax", Error;
    UnknownField = "XH002", "unknown-field", Error;
    MissingField = "XH003", "missing-field", Error;
    WrongType = "XH004", "wrong-type", Error;
    DuplicateId = "XH010", "duplicate-id", Error;
    UnknownAgency = "XH011", "unknown-agency", Error;
    UnknownPlan = "XH012", "unknown-plan", Error;
    UnknownIndicator = "XH013", "unknown-indicator", Error;
    UnknownItem = "XH014", "unknown-item", Error;
    BadId = "XH015", "bad-id", Error;
    UnknownProvince = "XH016", "unknown-province", Error;
    UnknownJurisdiction = "XH017", "unknown-jurisdiction", Warning;
    OutOfRange = "XH020", "out-of-range", Error;
    YearOutsidePeriod = "XH021", "year-outside-period", Warning;
    MilestoneRegression = "XH022", "milestone-regression", Warning;
    ToFill = "XH023", "to-fill", Warning;
    RecordedAhead = "XH024", "recorded-ahead", Warning;
    LeadCount = "XH030", "lead-count", Warning;
    OrderedMassOrganisation = "XH031", "ordered-mass-organisation", Info;
    RoleInverted = "XH032", "role-inverted", Warning;
    CitationDateConflict = "XH040", "citation-date-conflict", Warning;
    Gap = "XH101", "gap", Error;
    Shortfall = "XH102", "shortfall", Error;
    ParentUnavailable = "XH103", "parent-unavailable", Warning;
    NothingToCompare = "XH104", "nothing-to-compare", Warning;
    ChainBroken = "XH105", "chain-broken", Error;
    PeriodsApart = "XH106", "periods-apart", Warning;
    ResponsibilityGap = "XH110", "responsibility-gap", Warning;
    ResponsibilityElsewhere = "XH111", "responsibility-elsewhere", Warning;
    DeadlineConflict = "XH120", "deadline-conflict", Warning;
    Overdue = "XH201", "overdue", Warning;
    DueSoon = "XH202", "due-soon", Info;
    DoneLate = "XH203", "done-late", Info;
    MissedOccurrence = "XH204", "missed-occurrence", Warning;
    DeadlineOutsidePeriod = "XH205", "deadline-outside-period", Warning;
    DeadlineBeforeIssue = "XH206", "deadline-before-issue", Warning;
    OwnerGone = "XH207", "owner-gone", Info;
    DeadlineMismatch = "XH208", "deadline-mismatch", Warning;
    UnreadableDeadline = "XH209", "unreadable-deadline", Info;
}

/// What a finding is about, for grouping reports into sections.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// The file's structure or internal consistency.
    Validation,
    /// Something the plan above asks for that the plan does not have.
    Gap,
    /// A target weaker than the plan above's.
    Shortfall,
    /// Contradictions inside a plan or between a plan and the plan above.
    Conflict,
    /// What the comparison could and could not be made against.
    Comparison,
    /// Deadlines and progress as of a date.
    Schedule,
}

impl Rule {
    pub fn kind(self) -> Kind {
        match self {
            Rule::Gap | Rule::ResponsibilityGap => Kind::Gap,
            Rule::Shortfall => Kind::Shortfall,
            Rule::CitationDateConflict
            | Rule::MilestoneRegression
            | Rule::ResponsibilityElsewhere
            | Rule::RoleInverted
            | Rule::DeadlineConflict => Kind::Conflict,
            Rule::ParentUnavailable
            | Rule::NothingToCompare
            | Rule::ChainBroken
            | Rule::PeriodsApart => Kind::Comparison,
            Rule::Overdue
            | Rule::DueSoon
            | Rule::DoneLate
            | Rule::MissedOccurrence
            | Rule::DeadlineOutsidePeriod
            | Rule::DeadlineBeforeIssue
            | Rule::OwnerGone
            | Rule::DeadlineMismatch
            | Rule::UnreadableDeadline => Kind::Schedule,
            _ => Kind::Validation,
        }
    }
}

/// Which step of xhht checks a rule, by its code's hundreds: reading and
/// validating a plan (`XH0xx`), comparing it with the plans above (`XH1xx`),
/// its schedule (`XH2xx`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Plan,
    Comparison,
    Schedule,
}

impl Rule {
    pub fn family(self) -> Family {
        match self.code().as_bytes().get(2) {
            Some(b'1') => Family::Comparison,
            Some(b'2') => Family::Schedule,
            _ => Family::Plan,
        }
    }

    /// The file could not be read into a plan, so nothing else was checked.
    pub fn is_load_error(self) -> bool {
        matches!(
            self,
            Rule::Syntax | Rule::UnknownField | Rule::MissingField | Rule::WrongType
        )
    }
}

impl schemars::JsonSchema for Rule {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "RuleCode".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let codes: Vec<&str> = Rule::ALL.iter().map(|r| r.code()).collect();
        schemars::json_schema!({
            "type": "string",
            "description": "Stable rule code; `xhht rules` lists them.",
            "enum": codes,
        })
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

/// A place in a file: the byte range for snippets, line and column for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Location {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    #[serde(skip)]
    pub span: Range<usize>,
}

impl Location {
    fn of(source: &SourceFile, span: Range<usize>) -> Self {
        let LineCol { line, column } = source.line_col(span.start);
        Self {
            file: source.path.clone(),
            line,
            column,
            span,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Finding {
    pub code: Rule,
    /// The rule's name, e.g. `unknown-agency`.
    pub rule: &'static str,
    pub kind: Kind,
    pub severity: Severity,
    pub message: Message,
    pub location: Location,
    /// Document id of the plan the finding is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
    /// The indicator (with level, condition and year), task, agency or citation concerned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// What the plan above asks for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<Message>,
    /// What the plan has.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual: Option<Message>,
    /// The item of the plan above it rests on, as `plan-id/item-id`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// The verification flag of the national figure it rests on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verification: Option<crate::model::Verification>,
    /// The field the finding is about, e.g. `targets[3].value`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// What to do about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<Message>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Message>,
    /// Other places that bear on the finding, e.g. the national target a gap
    /// is measured against.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
    /// With `--accepted`: whether the accepted file already had it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline_state: Option<BaselineState>,
}

/// A finding held to an accepted-findings file (SARIF's `baselineState`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BaselineState {
    /// Not in the accepted file: the only kind that fails a run.
    New,
    /// Accepted already.
    Unchanged,
}

impl Finding {
    /// Whether the finding can fail the run: not one the accepted file covers.
    pub fn is_new(&self) -> bool {
        self.baseline_state != Some(BaselineState::Unchanged)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Related {
    pub message: Message,
    pub location: Location,
}

/// Which part of a field's text a finding points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Key,
    Value,
}

impl Finding {
    /// A finding about the field at `path`, located through the file's span
    /// index (built on first use).
    pub fn at(
        rule: Rule,
        source: &SourceFile,
        path: &FieldPath,
        anchor: Anchor,
        message: impl Into<Message>,
    ) -> Self {
        let (field, span) = match source.locate(path) {
            Some((found, node)) => {
                let span = match (anchor, &node.key) {
                    (Anchor::Key, Some(key)) => key.clone(),
                    _ if found != *path => node.key.clone().unwrap_or(node.value.clone()),
                    _ => node.value.clone(),
                };
                (path.to_string(), span)
            }
            None => (path.to_string(), 0..0),
        };
        Self::new(rule, source, span, message).field(field)
    }

    pub fn new(
        rule: Rule,
        source: &SourceFile,
        span: Range<usize>,
        message: impl Into<Message>,
    ) -> Self {
        Self {
            code: rule,
            rule: rule.name(),
            kind: rule.kind(),
            severity: rule.default_severity(),
            message: message.into(),
            location: Location::of(source, span),
            plan: None,
            subject: None,
            expected: None,
            actual: None,
            reference: None,
            verification: None,
            field: None,
            hint: None,
            notes: Vec::new(),
            related: Vec::new(),
            baseline_state: None,
        }
    }

    pub fn from_load_error(source: &SourceFile, error: &LoadError) -> Self {
        let rule = match error.kind {
            LoadErrorKind::Syntax => Rule::Syntax,
            LoadErrorKind::UnknownField => Rule::UnknownField,
            LoadErrorKind::MissingField => Rule::MissingField,
            LoadErrorKind::WrongType => Rule::WrongType,
        };
        let finding = Self::new(
            rule,
            source,
            error.span.clone().unwrap_or(0..0),
            error.message.clone(),
        );
        match &error.hint {
            Some(hint) => finding.hint(hint.clone()),
            None => finding,
        }
    }

    /// A finding for each fault of a file that did not load.
    pub fn from_load_errors(source: &SourceFile, error: &LoadError) -> Vec<Self> {
        error
            .all()
            .map(|fault| Self::from_load_error(source, fault))
            .collect()
    }

    /// Adds a related location: the field at `path` of `source`.
    #[must_use]
    pub fn related(
        mut self,
        source: &SourceFile,
        path: &FieldPath,
        message: impl Into<Message>,
    ) -> Self {
        let span = source
            .locate(path)
            .map_or(0..0, |(_, node)| node.value.clone());
        self.related.push(Related {
            message: message.into(),
            location: Location::of(source, span),
        });
        self
    }

    #[must_use]
    pub fn hint(mut self, hint: impl Into<Message>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    #[must_use]
    pub fn note(mut self, note: impl Into<Message>) -> Self {
        self.notes.push(note.into());
        self
    }

    #[must_use]
    pub fn about(mut self, plan: &str, subject: impl Into<String>) -> Self {
        self.plan = Some(plan.to_owned());
        self.subject = Some(subject.into());
        self
    }

    /// Names the plan a finding is about, unless a more specific one is set.
    #[must_use]
    pub fn in_plan(mut self, plan: &str) -> Self {
        self.plan.get_or_insert_with(|| plan.to_owned());
        self
    }

    #[must_use]
    pub fn figures(mut self, expected: Option<Message>, actual: Option<Message>) -> Self {
        self.expected = expected;
        self.actual = actual;
        self
    }

    #[must_use]
    pub fn rests_on(
        mut self,
        plan: &str,
        item: &str,
        verification: Option<crate::model::Verification>,
    ) -> Self {
        self.reference = Some(format!("{plan}/{item}"));
        self.verification = verification;
        self
    }

    #[must_use]
    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    fn field(mut self, field: String) -> Self {
        self.field = Some(field);
        self
    }
}

/// Findings in the order people read them: by file, then position, then rule.
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (&a.location.file, a.location.line, a.location.column, a.code).cmp(&(
            &b.location.file,
            b.location.line,
            b.location.column,
            b.code,
        ))
    });
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Tally {
    pub fn of(findings: &[Finding]) -> Self {
        let mut tally = Self::default();
        for f in findings {
            match f.severity {
                Severity::Error => tally.errors += 1,
                Severity::Warning => tally.warnings += 1,
                Severity::Info => tally.infos += 1,
            }
        }
        tally
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_and_names_are_unique() {
        let codes: HashSet<_> = Rule::ALL.iter().map(|r| r.code()).collect();
        let names: HashSet<_> = Rule::ALL.iter().map(|r| r.name()).collect();
        assert_eq!(codes.len(), Rule::ALL.len());
        assert_eq!(names.len(), Rule::ALL.len());
    }

    #[test]
    fn every_rule_has_a_summary_in_every_language() {
        use crate::i18n::Lang;
        for rule in Rule::ALL {
            for &lang in Lang::ALL {
                let summary = rule.summary(lang);
                assert!(
                    !summary.is_empty() && !summary.starts_with("rule."),
                    "{rule:?} {lang:?}"
                );
            }
        }
    }
}
