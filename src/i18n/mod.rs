//! Text in the languages of xhht. Checks build [`Message`]s; renderers turn
//! them into text with the run's [`Lang`], from one catalogue file per
//! language (`catalogue/messages/<code>.toml`). Agency names and indicator
//! wording are never translated: they stay as the plan writes them.

mod catalogue;
#[cfg(test)]
mod flatten;
pub mod format;
mod message;
mod template;

use std::sync::OnceLock;

use serde::Serialize;

pub use catalogue::{CatalogueError, Messages};
pub use message::{Arg, IntoArg, Localize, Message, to_localized_json, write_localized_json};

use crate::finding::{Kind, Severity};

/// Declares the languages: adding one is a variant here and its catalogue file.
macro_rules! languages {
    ($($variant:ident = $code:literal, $name:literal;)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Lang { $($variant,)* }

        impl Lang {
            pub const ALL: &[Lang] = &[$(Lang::$variant,)*];

            /// The ISO 639-1 code, also the catalogue's file name.
            pub fn code(self) -> &'static str {
                match self { $(Lang::$variant => $code,)* }
            }

            /// The language's own name for itself.
            pub fn name(self) -> &'static str {
                match self { $(Lang::$variant => $name,)* }
            }

            /// The catalogue's `(id, template)` pairs, sorted by id, as
            /// `build.rs` flattened them.
            fn catalogue_pairs(self) -> &'static [(&'static str, &'static str)] {
                match self {
                    $(Lang::$variant => {
                        static PAIRS: &[(&str, &str)] =
                            include!(concat!(env!("OUT_DIR"), "/messages-", $code, ".rs"));
                        PAIRS
                    })*
                }
            }
        }
    };
}

languages! {
    En = "en", "English";
    Vi = "vi", "Tiếng Việt";
}

impl Lang {
    /// The language the environment asks for (`LC_ALL`, `LC_MESSAGES`,
    /// `LANG`, `LANGUAGE`, first set wins) when xhht has it, else English.
    pub fn from_env() -> Self {
        let wanted = ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"]
            .iter()
            .filter_map(|var| std::env::var(var).ok())
            .find(|value| !value.is_empty())
            .unwrap_or_default()
            .to_ascii_lowercase();
        Self::ALL
            .iter()
            .copied()
            .find(|lang| wanted.starts_with(lang.code()))
            .unwrap_or(Self::En)
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|lang| lang.code() == code)
    }

    /// The language's catalogue, parsed on first use.
    pub fn messages(self) -> &'static Messages {
        static PARSED: OnceLock<Vec<OnceLock<Messages>>> = OnceLock::new();
        let slots = PARSED.get_or_init(|| Lang::ALL.iter().map(|_| OnceLock::new()).collect());
        let index = Self::ALL
            .iter()
            .position(|&l| l == self)
            .unwrap_or_default();
        slots[index].get_or_init(|| {
            Messages::from_pairs(self.catalogue_pairs()).unwrap_or_else(|e| {
                panic!("catalogue/messages/{}.toml is invalid: {e}", self.code())
            })
        })
    }

    /// Text without placeholders (a label, a rule's summary); the id itself
    /// if the catalogue lacks it, which the catalogue tests rule out.
    pub fn fixed(self, id: &'static str) -> &'static str {
        self.messages().fixed(id).unwrap_or(id)
    }
}

impl Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl schemars::JsonSchema for Lang {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Lang".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let codes: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
        schemars::json_schema!({ "type": "string", "enum": codes })
    }
}

macro_rules! labels {
    ($($name:ident = $id:literal;)*) => {
        /// Every fixed piece of report text, by its id under `[label]`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Label { $($name,)* }

        impl Label {
            pub const ALL: &[Label] = &[$(Label::$name,)*];

            pub fn id(self) -> &'static str {
                match self { $(Label::$name => concat!("label.", $id),)* }
            }

            pub fn text(self, lang: Lang) -> &'static str {
                lang.fixed(self.id())
            }
        }
    };
}

labels! {
    ReportTitle = "report-title";
    AsOf = "as-of";
    Summary = "summary";
    GapsAndShortfalls = "gaps-and-shortfalls";
    Conflicts = "conflicts";
    OverdueAndDueSoon = "overdue-and-due-soon";
    ValidationFindings = "validation-findings";
    ComparisonNotices = "comparison-notices";
    Comparison = "comparison";
    Duties = "duties";
    Schedule = "schedule";
    NoFindings = "no-findings";
    Indicator = "indicator";
    Level = "level";
    Year = "year";
    Scheme = "scheme";
    PlanValue = "plan-value";
    Difference = "difference";
    Status = "status";
    Severity = "severity";
    Code = "code";
    Location = "location";
    Subject = "subject";
    Message = "message";
    NationalLead = "national-lead";
    ExpectedOwner = "expected-owner";
    LocalTasks = "local-tasks";
    Task = "task";
    Owner = "owner";
    Due = "due";
    DaysLate = "days-late";
    Plans = "plans";
    Baselines = "baselines";
    Errors = "errors";
    Warnings = "warnings";
    Infos = "infos";
    Gap = "gap";
    Shortfall = "shortfall";
    Meets = "meets";
    Exceeds = "exceeds";
    NotComparable = "not-comparable";
    NoFigures = "no-figures";
    ToFill = "to-fill";
    NoNationalFigure = "no-national-figure";
    LocalOnly = "local-only";
    OwnFigure = "own-figure";
    NotApplicable = "not-applicable";
    NotCommitted = "not-committed";
    Owned = "owned";
    Elsewhere = "elsewhere";
    NoOwner = "no-owner";
    Unmapped = "unmapped";
    NoLead = "no-lead";
    ThisPlan = "this-plan";
    NotInForce = "not-in-force";
    NotChecked = "not-checked";
    NoCounterpart = "no-counterpart";
    Duty = "duty";
    Error = "error";
    Warning = "warning";
    Info = "info";
    Note = "note";
    Help = "help";
    RestsOn = "rests-on";
    Period = "period";
    Overdue = "overdue";
    Missed = "missed";
    DueSoon = "due-soon";
    DoneLate = "done-late";
    OwnerGone = "owner-gone";
    Upcoming = "upcoming";
    Done = "done";
    Cancelled = "cancelled";
    Ongoing = "ongoing";
    Unscheduled = "unscheduled";
    WithoutOwner = "without-owner";
    Deadline = "deadline";
    Occurrences = "occurrences";
    LastMissed = "last-missed";
    NextDue = "next-due";
    EachOccurrence = "each-occurrence";
    NotListed = "not-listed";
    AtMostPerRun = "at-most-per-run";
    Conventions = "conventions";
    NoDeadlines = "no-deadlines";
    Generated = "generated";
    Accepted = "accepted";
    Progress = "progress";
    Responsibilities = "responsibilities";
    Target = "target";
    LatestFigure = "latest-figure";
    Baseline = "baseline";
    GapLeft = "gap-left";
    PacePerYear = "pace-per-year";
    Collective = "collective";
    NoLeadNamed = "no-lead-named";
    NoFiguresRecorded = "no-figures-recorded";
    Closed = "closed";
    OpenTasks = "open-tasks";
    Method = "method";
    TargetValue = "target-value";
    PlanNumber = "plan-number";
    Number = "number";
    MadeOn = "made-on";
    PlansReviewed = "plans-reviewed";
    ComparedWith = "compared-with";
    AtAGlance = "at-a-glance";
    LargestShortfalls = "largest-shortfalls";
    OverdueByOwner = "overdue-by-owner";
    NotCompared = "not-compared";
    Plan = "plan";
    Total = "total";
    Earliest = "earliest";
    Count = "count";
}

pub fn severity(severity: Severity, lang: Lang) -> &'static str {
    match severity {
        Severity::Error => Label::Error,
        Severity::Warning => Label::Warning,
        Severity::Info => Label::Info,
    }
    .text(lang)
}

/// The report section a kind of finding belongs to.
pub fn section(kind: Kind) -> Label {
    match kind {
        Kind::Gap | Kind::Shortfall => Label::GapsAndShortfalls,
        Kind::Conflict => Label::Conflicts,
        Kind::Schedule => Label::OverdueAndDueSoon,
        Kind::Comparison => Label::ComparisonNotices,
        Kind::Validation => Label::ValidationFindings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_is_in_every_catalogue() {
        for &lang in Lang::ALL {
            for label in Label::ALL {
                let text = lang.messages().fixed(label.id());
                assert!(text.is_some_and(|t| !t.is_empty()), "{label:?} in {lang:?}");
            }
        }
    }

    /// A translator's slip (an id missing, a placeholder renamed) shows here,
    /// not as `{name}` in a user's report.
    #[test]
    fn every_catalogue_has_the_ids_and_placeholders_of_english() {
        let english = Lang::En.messages();
        for &lang in Lang::ALL {
            let other = lang.messages();
            let mut missing: Vec<&str> = english.ids().filter(|id| !other.contains(id)).collect();
            let mut extra: Vec<&str> = other.ids().filter(|id| !english.contains(id)).collect();
            missing.sort_unstable();
            extra.sort_unstable();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{lang:?}: missing {missing:?}, extra {extra:?}"
            );
            for id in english.ids() {
                assert_eq!(
                    english.placeholders(id),
                    other.placeholders(id),
                    "{id} in {lang:?}"
                );
            }
        }
    }
}
