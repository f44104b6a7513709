//! Targets: the figure a plan sets for an indicator, by a year, and how it
//! is measured.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{ItemRef, Verification};
use crate::text::Text;

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

impl Target {
    /// A target's figure as a reader writes it: "96%", "> 99%", "30–50%",
    /// with the decimal sign of the run's language ("99,5%").
    pub fn value_text(&self) -> crate::i18n::Message {
        use crate::msg;
        let figure = match self.value {
            TargetValue::Point(v) => msg!("compare.value.point", v),
            TargetValue::AtLeast(v) => msg!("compare.value.at-least", v),
            TargetValue::Above(v) => msg!("compare.value.above", v),
            TargetValue::Range { min, max } => msg!("compare.value.range", min, max),
            TargetValue::Qualitative => return msg!("compare.value.qualitative"),
            TargetValue::Unavailable => return msg!("compare.value.not-found"),
            TargetValue::Todo => return msg!("compare.value.to-fill"),
        };
        match self.unit {
            Unit::Percent => msg!("compare.value.percent", figure),
            Unit::PercentGrowthPerYear => msg!("compare.value.growth-per-year", figure),
            Unit::Count | Unit::Level => figure,
        }
    }
}

#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's `skip_serializing_if` passes a reference"
)]
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
    /// Still to be written in from the document: `xhht init` leaves every
    /// figure so, and validation reports each until it is filled in.
    #[serde(rename = "TODO")]
    Todo,
}

impl TargetValue {
    pub fn numbers(&self) -> Vec<f64> {
        match *self {
            Self::Point(v) | Self::AtLeast(v) | Self::Above(v) => vec![v],
            Self::Range { min, max } => vec![min, max],
            Self::Qualitative | Self::Unavailable | Self::Todo => Vec::new(),
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

/// The least a value asks for (or, for a lower-is-better indicator, the most
/// it allows): the figure and whether it must be passed strictly ("trên
/// 99%" asks for more than 99%).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bound {
    pub value: f64,
    pub strict: bool,
}

impl TargetValue {
    /// The least the value asks for; none for a value without a figure.
    pub fn floor(&self) -> Option<Bound> {
        let bound = |value, strict| Some(Bound { value, strict });
        match *self {
            Self::Point(v) | Self::AtLeast(v) => bound(v, false),
            Self::Above(v) => bound(v, true),
            Self::Range { min, .. } => bound(min, false),
            Self::Qualitative | Self::Unavailable | Self::Todo => None,
        }
    }

    /// The most the value allows; none for an open-ended value.
    pub fn ceiling(&self) -> Option<Bound> {
        match *self {
            Self::Point(v) | Self::Range { max: v, .. } => Some(Bound {
                value: v,
                strict: false,
            }),
            Self::AtLeast(_)
            | Self::Above(_)
            | Self::Qualitative
            | Self::Unavailable
            | Self::Todo => None,
        }
    }

    /// The figure of [`TargetValue::floor`].
    pub fn least(&self) -> Option<f64> {
        self.floor().map(|bound| bound.value)
    }
}
