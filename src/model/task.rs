//! Tasks: who leads and who coordinates, what they carry out, and when they
//! fall due.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{ItemRef, Verification};
use crate::date::CivilDate;
use crate::text::Text;

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
    #[expect(
        clippy::trivially_copy_pass_by_ref,
        reason = "serde's `skip_serializing_if` passes a reference"
    )]
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
