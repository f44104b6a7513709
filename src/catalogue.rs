//! The indicator catalogue, embedded so xhht works with nothing beside it.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::model::{Direction, Level, Unit, Verification};
use crate::text::Text;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Catalogue {
    pub groups: Vec<Entry>,
    pub conditions: Vec<Condition>,
    pub indicators: Vec<Indicator>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Entry {
    pub id: String,
    pub vi: Text,
    pub en: String,
}

/// A sub-population a target can be restricted to.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Condition {
    pub id: String,
    pub vi: Text,
    pub en: String,
    /// The regions of `catalogue/units.yaml` the condition names: a target
    /// for it binds only the provinces of those regions.
    #[serde(default)]
    pub regions: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Indicator {
    pub id: String,
    pub group: String,
    pub vi: Text,
    pub en: String,
    pub unit: Unit,
    #[serde(default = "higher_is_better")]
    pub direction: Direction,
    /// True when targets of this indicator name a standard level ("mức độ 2").
    #[serde(default)]
    #[cfg_attr(
        not(test),
        expect(
            dead_code,
            reason = "part of the catalogue's record, checked against the standards by the tests; no check acts on it yet"
        )
    )]
    pub levelled: bool,
    /// National schemes that set a figure for it.
    pub schemes: Vec<String>,
    /// The levels of plan a national figure for it binds: a commune is not
    /// held to "% of universities running a digital university".
    pub binds: Vec<Level>,
}

fn higher_is_better() -> Direction {
    Direction::HigherIsBetter
}

const INDICATORS: &str = include_str!("../catalogue/indicators.yaml");

/// Parses a data file compiled into the binary. It is tested with the code,
/// so a failure here is a build defect, not a user's error.
pub(crate) fn parse_embedded<T: serde::de::DeserializeOwned>(text: &str, name: &str) -> T {
    serde_saphyr::from_str(text)
        .unwrap_or_else(|e| panic!("the embedded catalogue/{name} is invalid: {e}"))
}
const STANDARDS: &str = include_str!("../catalogue/standards.yaml");

/// When an administrative unit is recognised as reaching a universal-education
/// or literacy standard (Nghị định 20/2014/NĐ-CP): a district by the share of
/// its communes that reach it, a province by the share of its districts.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Standards {
    pub standards: Vec<Standard>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[expect(
    dead_code,
    reason = "the standard's name and note are the record a reader checks the thresholds against; no check reads them"
)]
pub(crate) struct Standard {
    /// The indicator whose targets count units reaching the standard.
    pub indicator: String,
    pub name: Text,
    /// The decree that sets the thresholds; absent when none was found.
    #[serde(default)]
    pub decree: Option<Text>,
    /// The steps a source states: reaching `level` includes reaching the
    /// level below it. A step not listed is not on record.
    #[serde(default)]
    pub cumulative: Vec<Step>,
    pub levels: Vec<StandardLevel>,
    #[serde(default)]
    pub note: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[expect(
    dead_code,
    reason = "the article a level comes from is its source, kept with it for readers"
)]
pub(crate) struct StandardLevel {
    /// Absent for a standard without levels.
    #[serde(default)]
    pub level: Option<u8>,
    #[serde(default)]
    pub article: Option<Text>,
    /// Share of its communes at the level a district needs.
    pub district: Threshold,
    /// Share of its districts at the level a province needs.
    pub province: Threshold,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[expect(
    dead_code,
    reason = "a threshold's sources and note are its provenance, kept with it for readers"
)]
pub(crate) struct Threshold {
    /// Absent when not found.
    #[serde(default)]
    pub share: Option<f64>,
    pub verification: Verification,
    #[serde(default)]
    pub sources: Vec<Text>,
    #[serde(default)]
    pub note: Option<Text>,
}

/// One cumulative step: reaching `level` includes reaching `level - 1`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[expect(
    dead_code,
    reason = "a step's sources and note are its provenance, kept with it for readers"
)]
pub(crate) struct Step {
    pub level: u8,
    pub verification: Verification,
    #[serde(default)]
    pub sources: Vec<Text>,
    #[serde(default)]
    pub note: Option<Text>,
}

impl Standards {
    pub(crate) fn embedded() -> &'static Standards {
        static STANDARDS_CELL: OnceLock<Standards> = OnceLock::new();
        STANDARDS_CELL.get_or_init(|| parse_embedded(STANDARDS, "standards.yaml"))
    }

    pub(crate) fn of(&self, indicator: &str) -> Option<&Standard> {
        self.standards.iter().find(|s| s.indicator == indicator)
    }
}

impl Standard {
    pub(crate) fn level(&self, level: Option<u8>) -> Option<&StandardLevel> {
        self.levels.iter().find(|l| l.level == level)
    }

    /// The steps from `higher` down to `lower`, when every one is on record.
    pub(crate) fn steps(&self, higher: u8, lower: u8) -> Option<Vec<&Step>> {
        (lower + 1..=higher)
            .rev()
            .map(|level| self.cumulative.iter().find(|s| s.level == level))
            .collect()
    }
}

impl StandardLevel {
    /// The share of its sub-units a unit at `level` needs to be recognised.
    pub(crate) fn threshold(&self, level: Level) -> Option<&Threshold> {
        match level {
            Level::Province => Some(&self.province),
            Level::District => Some(&self.district),
            Level::National | Level::Commune => None,
        }
    }
}

impl Catalogue {
    pub(crate) fn embedded() -> &'static Catalogue {
        static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
        CATALOGUE.get_or_init(|| parse_embedded(INDICATORS, "indicators.yaml"))
    }

    pub(crate) fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    pub(crate) fn condition(&self, id: &str) -> Option<&Condition> {
        self.conditions.iter().find(|c| c.id == id)
    }

    pub(crate) fn group(&self, id: &str) -> Option<&Entry> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// An indicator's name in `lang` ("Đạt danh hiệu \"Công dân học tập\""),
    /// or its id when the catalogue does not know it.
    pub(crate) fn indicator_label(&self, id: &str, lang: crate::i18n::Lang) -> String {
        self.indicator(id).map_or_else(
            || id.to_owned(),
            |known| match lang {
                crate::i18n::Lang::Vi => known.vi.to_string(),
                crate::i18n::Lang::En => known.en.clone(),
            },
        )
    }

    /// A condition's name in `lang` ("vùng khó khăn"), or its id.
    pub(crate) fn condition_label(&self, id: &str, lang: crate::i18n::Lang) -> String {
        self.condition(id).map_or_else(
            || id.to_owned(),
            |known| match lang {
                crate::i18n::Lang::Vi => known.vi.to_string(),
                crate::i18n::Lang::En => known.en.clone(),
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn embedded_catalogue_is_consistent() {
        let c = Catalogue::embedded();
        let mut seen = HashSet::new();
        for i in &c.indicators {
            assert!(seen.insert(&i.id), "duplicate indicator {}", i.id);
            assert!(
                c.group(&i.group).is_some(),
                "{} has unknown group {}",
                i.id,
                i.group
            );
            assert!(
                i.id.starts_with(&format!("{}.", i.group)),
                "{} is outside its group",
                i.id
            );
            assert!(
                !i.binds.is_empty() && !i.binds.contains(&Level::National),
                "{}: `binds` names the levels of local plan it binds",
                i.id
            );
        }
        let units = crate::units::Units::embedded();
        for condition in &c.conditions {
            for region in &condition.regions {
                assert!(
                    units.region(region).is_some(),
                    "{}: no region {region}",
                    condition.id
                );
            }
        }
    }

    #[test]
    fn every_standard_is_a_levelled_indicator_with_sourced_thresholds() {
        let c = Catalogue::embedded();
        for s in &Standards::embedded().standards {
            let indicator = c
                .indicator(&s.indicator)
                .unwrap_or_else(|| panic!("standard for unknown indicator {}", s.indicator));
            for level in &s.levels {
                assert_eq!(level.level.is_some(), indicator.levelled, "{}", s.indicator);
                for t in [&level.district, &level.province] {
                    assert_eq!(
                        t.share.is_some(),
                        t.verification != Verification::NotFound,
                        "{}: a share iff found",
                        s.indicator
                    );
                    assert!(
                        t.share.is_none() || !t.sources.is_empty(),
                        "{}",
                        s.indicator
                    );
                }
            }
        }
    }
}
