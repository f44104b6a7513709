//! One model for every plan: a national scheme, a province's plan, a
//! district's, a commune's. It holds what the source text says, irregularities
//! included; flagging them is the validator's job.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::date::CivilDate;
use crate::text::Text;

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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub id: String,
    /// Indicator from the catalogue; names the indicator only, not its level,
    /// unit or population, e.g. `literacy.rate.age_15_60`.
    pub indicator: String,
    /// Ordinal standard level ("mức độ 2") where the target is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    pub unit: Unit,
    /// What a percentage counts: people, provinces, districts, ….
    pub population: Population,
    pub value: TargetValue,
    /// How the text commits to the value: "phấn đấu" is strive, "duy trì" maintain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stance: Option<Stance>,
    /// Overrides the catalogue's direction for this target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// Milestone year the value is due by.
    pub year: u16,
    /// True when the value applies every year up to `year` ("hằng năm").
    #[serde(default, skip_serializing_if = "is_false")]
    pub each_year: bool,
    /// A sub-population the target is restricted to, e.g. `disadvantaged_areas`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<String>,
    /// The national (or parent) targets this one restates; two when it merges them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub restates: Vec<ItemRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verification: Option<Verification>,
    /// Pages that state the figure, each counted as a publisher standing
    /// behind it; a page that echoes only the wording belongs in `note`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Text>,
    /// The phrase of the source that states the item, quoted exactly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<Text>,
    /// Section of the source, e.g. "II.1" or "IV.3.b".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
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

impl Target {
    /// A target's figure as a reader writes it: "96%", "> 99%", "30–50%".
    /// Only a yearly growth's unit, and a value without a figure, differ by
    /// language.
    pub fn value_text(&self) -> crate::i18n::Message {
        use crate::i18n::Message;
        let figure = match self.value {
            TargetValue::Point(v) => v.to_string(),
            TargetValue::AtLeast(v) => format!("≥ {v}"),
            TargetValue::Above(v) => format!("> {v}"),
            TargetValue::Range { min, max } => format!("{min}–{max}"),
            TargetValue::Qualitative => return crate::msg!("compare.value.qualitative"),
            TargetValue::Unavailable => return crate::msg!("compare.value.not-found"),
        };
        match self.unit {
            Unit::Percent => Message::verbatim(format!("{figure}%")),
            Unit::PercentGrowthPerYear => crate::msg!("compare.value.growth-per-year", figure),
            Unit::Count | Unit::Level => Message::verbatim(figure),
        }
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Percent,
    Count,
    /// Percentage points of growth per year.
    PercentGrowthPerYear,
    /// A standard level reached (the value is the level).
    Level,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Population {
    People,
    Provinces,
    Districts,
    Communes,
    Households,
    Clans,
    /// Villages, hamlets, neighbourhoods (thôn, ấp, bản, tổ dân phố).
    Communities,
    /// Agencies, schools, enterprises (đơn vị).
    Units,
    Institutions,
    Libraries,
    Museums,
    CulturalCentres,
    Members,
    /// Visits, users or other counts of use.
    Uses,
}

/// The figure a target sets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TargetValue {
    /// A bare figure: "96%", "đạt 96%".
    Point(f64),
    /// Inclusive lower bound: "ít nhất", "trở lên", "tối thiểu".
    AtLeast(f64),
    /// Strict lower bound: "trên 99%".
    Above(f64),
    /// "từ 30% - 50%".
    Range { min: f64, max: f64 },
    /// No figure: "tăng dần hằng năm".
    Qualitative,
    /// The scheme names the indicator but no figure was found for it.
    Unavailable,
}

impl TargetValue {
    pub fn numbers(&self) -> Vec<f64> {
        match *self {
            Self::Point(v) | Self::AtLeast(v) | Self::Above(v) => vec![v],
            Self::Range { min, max } => vec![min, max],
            Self::Qualitative | Self::Unavailable => Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    Reach,
    Strive,
    Maintain,
    About,
    IncreaseAnnually,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    HigherIsBetter,
    LowerIsBetter,
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Task {
    pub id: String,
    pub title: Text,
    /// Agency ids that lead (chủ trì); a collective lead is an agency of kind
    /// `collective`. As the text writes it: "A chủ trì, phối hợp với B" makes
    /// A the lead; under body A's heading, "Phối hợp với B …" makes B the
    /// lead and A a coordinator, unless B is a collective ("các sở, ngành
    /// liên quan"), which cannot lead. XH032 flags a task whose roles
    /// contradict its quoted wording.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub leads: Vec<String>,
    /// Agency ids that coordinate (phối hợp).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coordinates: Vec<String>,
    #[serde(default, skip_serializing_if = "Mode::is_assigned")]
    pub mode: Mode,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Deadline>,
    /// The function of the scheme this task carries out, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub function: Option<Function>,
    /// The national (or parent) tasks this one carries out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub carries_out: Vec<ItemRef>,
    /// When the duty was set, if a later instruction set it (a 2015 dispatch
    /// under a 2014 scheme): a plan issued before then is not held to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_force_from: Option<CivilDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verification: Option<Verification>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Text>,
    /// The phrase of the source that states the item, quoted exactly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<Text>,
    /// Section of the source, e.g. "II.1" or "IV.3.b".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// Whether the issuer orders the task or, for mass organisations, requests it ("Đề nghị …").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    #[default]
    Assigned,
    Requested,
}

impl Mode {
    fn is_assigned(&self) -> bool {
        *self == Self::Assigned
    }
}

/// Functions a scheme hands out, used to match national duties with local owners.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Function {
    /// Standing body (cơ quan thường trực) of the scheme.
    StandingBody,
    SteeringAndCoordination,
    Literacy,
    UniversalEducation,
    ContinuingEducation,
    CommunityLearningCentres,
    VocationalTraining,
    CivilServantTraining,
    LibrariesMuseums,
    Communication,
    LearningModels,
    WorkersLearning,
    DigitalLearning,
    Funding,
    Planning,
    InspectionAndReview,
    Reporting,
    EmulationAndAwards,
    InternationalCooperation,
    Other,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Deadline {
    /// The deadline exactly as the text words it, e.g. "trong Quý III năm 2020".
    pub wording: Text,
    /// The deadline in normal form; may be left out and read from the wording.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Due>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Due {
    /// "trước 15/01/2020": the day the text names. With "trước" in the
    /// wording the schedule makes it due the day before.
    Date(CivilDate),
    Month {
        year: u16,
        month: u8,
    },
    /// "Quý III năm 2020".
    Quarter {
        year: u16,
        quarter: u8,
    },
    /// "trong năm 2022", "vào năm 2025".
    Year(u16),
    /// The end of a phase of the plan, by phase id.
    Phase(String),
    /// "trước ngày 20 tháng 12 hằng năm": the day named, each year (due the
    /// day before with "trước", as for `date`); "tháng 10 hằng năm" names a
    /// month and no day, and is due on its last day.
    Yearly {
        month: u8,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        day: Option<u8>,
        /// More days of the same obligation in each year: "trước ngày 30/6
        /// và 31/12 hằng năm" is `{month: 6, day: 30, also: [{month: 12, day: 31}]}`.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        also: Vec<DayOfYear>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from: Option<u16>,
    },
    /// "định kỳ 6 tháng".
    EveryMonths {
        months: u8,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from: Option<u16>,
    },
    /// "từ năm 2013": ongoing from that year on.
    FromYear(u16),
    /// "6 tháng đầu năm 2026" (half 1), "6 tháng cuối năm 2026" (half 2).
    Half {
        year: u16,
        half: u8,
    },
    /// "thường xuyên": continuous, with no due date.
    Ongoing,
}

impl Due {
    /// The days (or months) a yearly obligation falls due on, in the order written.
    pub fn days_of_year(&self) -> Vec<DayOfYear> {
        match self {
            Due::Yearly {
                month, day, also, ..
            } => std::iter::once(DayOfYear {
                month: *month,
                day: *day,
            })
            .chain(also.iter().copied())
            .collect(),
            _ => Vec::new(),
        }
    }
}

/// A day of the year, or a whole month when `day` is left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DayOfYear {
    pub month: u8,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<u8>,
}

/// Progress against a plan, kept apart from the approved text: in a status
/// file beside the plan (`PLAN.status.yaml`) or inline under `progress`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tasks: Vec<TaskProgress>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<TargetProgress>,
}

/// A status file: progress for the plan whose document id is `plan`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusFile {
    pub plan: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tasks: Vec<TaskProgress>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<TargetProgress>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TaskProgress {
    pub task: String,
    /// For a recurring obligation, the occurrence: "2023", "2023-H1", "2023-Q2", "2023-06".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    pub state: TaskState,
    /// When it was done (or cancelled).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<CivilDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TaskState {
    NotStarted,
    InProgress,
    Done,
    Cancelled,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TargetProgress {
    pub target: String,
    pub year: u16,
    pub achieved: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}
