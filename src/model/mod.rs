//! One model for every plan: a national scheme, a province's plan, a
//! district's, a commune's. It holds what the source text says, irregularities
//! included; flagging them is the validator's job.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::date::CivilDate;
use crate::text::Text;

mod progress;
mod target;
mod task;

pub use progress::{Progress, StatusFile, TargetProgress, TaskProgress, TaskState};
pub use target::{Bound, Direction, Population, Stance, Target, TargetValue, Unit};
pub use task::{DayOfYear, Deadline, Due, Function, Mode, Task};

/// A plan file: one document with its links, agencies, targets and tasks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub document: Document,
    #[serde(default, skip_serializing_if = "Links::is_empty")]
    pub links: Links,
    /// Documents the plan cites without being held to them, number and date as written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agencies: Vec<Agency>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<Target>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tasks: Vec<Task>,
    /// Items of the plans above that the plan records as not applying to it,
    /// each with the reason: shown as such, never silently left out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_applicable: Vec<NotApplicable>,
    /// Progress recorded inline; usually kept in a status file beside the plan instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<Progress>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Stable id other plans use to refer to this one, e.g. `de-an-89`.
    pub id: String,
    pub title: Text,
    pub kind: DocumentKind,
    /// The issuing body as the document names it.
    pub issuer: Text,
    pub level: Level,
    /// The territory the plan covers, e.g. "tỉnh Vĩnh Long", "huyện Cát Hải".
    pub jurisdiction: Text,
    /// The province the territory lies in, by its id in `catalogue/units.yaml`
    /// (the 63 provinces for a plan issued before 1 July 2025, the 34 after).
    /// A province's plan may leave it out when `jurisdiction` names the province.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    /// Document number as printed, e.g. "1960/KH-UBND"; absent when the source has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<CivilDate>,
    /// Agency id of the body the document designates to lead its
    /// implementation (Hội Khuyến học Việt Nam for 281): it carries the
    /// scheme's mandate, so local plans may assign it tasks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<String>,
    /// The decision that approved this document, if it was approved by one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_by: Option<DocumentRef>,
    pub period: Period,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<u16>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phases: Vec<Phase>,
    /// Where the text was read: a seed file (`seeds/000_….txt`) or URLs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Text>,
    /// Local plans among the sources of this document's figures, when some
    /// figures rest on their restating the scheme: a plan compared with a
    /// figure taken from itself proves nothing, so xhht must know them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub restatements: Vec<Restatement>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// A national scheme (Đề án) approved by a Prime Minister's decision.
    Scheme,
    /// An implementation plan (Kế hoạch), at any level.
    Plan,
    /// A decision that itself carries tasks (Quyết định).
    Decision,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    National,
    Province,
    District,
    Commune,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentRef {
    pub number: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<CivilDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<Text>,
}

/// Years the plan covers, both ends included; `end` is absent for open-ended plans.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub start: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<u16>,
}

impl Period {
    /// The earliest year a period may start in: the founding of the
    /// Democratic Republic of Viet Nam, before any plan xhht reads.
    pub const EARLIEST: u16 = 1945;
    /// The latest year a period may end in. Both bounds keep a typo such
    /// as `{start: 1, end: 9999}` from becoming thousands of years of
    /// recurring deadlines.
    pub const LATEST: u16 = 2100;

    /// Whether years can be held to the period: a reversed or absurd one is
    /// reported once, not again for every year that falls outside it.
    pub fn is_sound(&self) -> bool {
        let end = self.end.unwrap_or(self.start);
        self.start <= end && Self::EARLIEST <= self.start && end <= Self::LATEST
    }

    pub fn contains(&self, year: u16) -> bool {
        year >= self.start && self.end.is_none_or(|end| year <= end)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub id: String,
    pub name: Text,
    pub start: u16,
    pub end: u16,
    /// The phrase of the source that states the item, quoted exactly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<Text>,
    /// Section of the source, e.g. "II.1" or "IV.3.b".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Links {
    /// The schemes the plan is held to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub implements: Vec<Link>,
    /// The plan this one is issued under, e.g. a district plan under its province's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<Link>,
}

impl Links {
    fn is_empty(&self) -> bool {
        self.implements.is_empty() && self.parent.is_none()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// Id of the linked plan, e.g. `de-an-89`.
    pub plan: String,
    /// Its document number as the citing text gives it.
    pub number: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<CivilDate>,
    /// False when the document is cited but xhht does not have it.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub available: bool,
    /// The phrase of the source that states the item, quoted exactly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<Text>,
    /// Section of the source, e.g. "II.1" or "IV.3.b".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

fn yes() -> bool {
    true
}

#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's `skip_serializing_if` passes a reference"
)]
fn is_true(b: &bool) -> bool {
    *b
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    pub id: String,
    /// Number as written, e.g. "11-CT/TW".
    pub number: Text,
    /// Date exactly as written in the text, e.g. "13/4/2007".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// The phrase of the source that states the item, quoted exactly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<Text>,
    /// Section of the source, e.g. "II.1" or "IV.3.b".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Agency {
    pub id: String,
    /// Official name as the plan writes it.
    pub name: Text,
    /// Other spellings and abbreviations the plan uses, e.g. "Sở GD&ĐT".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<Text>,
    pub kind: AgencyKind,
    pub level: Level,
    /// Id of the matching body in xhht's agency registry, where one exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registry: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AgencyKind {
    /// Government or Prime Minister.
    Government,
    Ministry,
    PeoplesCommittee,
    /// A provincial department (Sở) or a national body's department.
    Department,
    /// A district office (Phòng).
    Office,
    /// Fatherland Front, unions, associations: requested, never ordered.
    MassOrganisation,
    SteeringCommittee,
    /// Schools, centres, newspapers, broadcasters.
    PublicServiceUnit,
    /// Police, army, border guard.
    ArmedForces,
    PartyBody,
    /// A collective such as "các sở, ban, ngành và địa phương".
    Collective,
    Other,
}

/// A local plan that restates a national figure, identified so that the
/// plan itself can be recognised whatever its file is called.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Restatement {
    /// Document id of the plan, e.g. `vinh-long-2012-2020`.
    pub plan: String,
    /// Its number as printed, or the number of the decision approving it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<Text>,
    /// The territory it covers, e.g. "tỉnh Vĩnh Long".
    pub jurisdiction: Text,
    /// Where it was read, as the figures' `sources` name it.
    pub source: Text,
}

/// A national (or parent) item that does not bind this plan, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NotApplicable {
    /// Document id of the plan above, e.g. `de-an-1373`.
    pub plan: String,
    /// Id of its target.
    pub item: String,
    /// Why it does not apply, as the plan's authors would say it.
    pub reason: Text,
}

/// How far a national figure can be trusted (the reference's flags).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Verification {
    /// Seen in a Vietnamese source.
    Verified,
    /// Computed from an official review that states the result and its distance from the target.
    VerifiedDerived,
    /// Seen only in an English or French summary.
    VerifiedEn,
    /// Seen only in a provincial plan restating the scheme.
    VerifiedLocal,
    /// Seen on one page only, or only in a foreign-language text with
    /// provincial mirrors: compared and reported, never a hard finding alone.
    SingleSource,
    /// Recalled or inferred; never grounds for a hard shortfall.
    Unverified,
    /// Sources disagree.
    Disputed,
    /// Searched for and not seen.
    NotFound,
}

impl Verification {
    /// The flag as a reader says it ("chỉ có một nguồn"), in the run's language.
    pub fn message(self) -> crate::i18n::Message {
        crate::i18n::Message::new(
            match self {
                Self::Verified => "render.baselines.trust.verified",
                Self::VerifiedDerived => "render.baselines.trust.verified-derived",
                Self::VerifiedEn => "render.baselines.trust.verified-en",
                Self::VerifiedLocal => "render.baselines.trust.verified-local",
                Self::SingleSource => "render.baselines.trust.single-source",
                Self::Unverified => "render.baselines.trust.unverified",
                Self::Disputed => "render.baselines.trust.disputed",
                Self::NotFound => "render.baselines.trust.not-found",
            },
            Vec::new(),
        )
    }

    /// Seen in a Vietnamese source, directly or derived from an official
    /// review: the only figures a hard finding may rest on.
    pub fn is_solid(self) -> bool {
        matches!(self, Self::Verified | Self::VerifiedDerived)
    }
}

/// The name a value has in plan files and JSON, e.g. `verified-local`.
pub fn wire_name(value: &impl Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// A reference to an item of another plan: `plan` is its document id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemRef {
    pub plan: String,
    pub item: String,
}
