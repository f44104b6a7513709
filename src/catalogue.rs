//! The indicator catalogue, embedded so xhht works with nothing beside it.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::model::{Direction, Unit};
use crate::text::Text;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    pub groups: Vec<Entry>,
    pub conditions: Vec<Condition>,
    pub indicators: Vec<Indicator>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub id: String,
    pub vi: Text,
    pub en: String,
}

/// A sub-population a target can be restricted to.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub id: String,
    pub vi: Text,
    pub en: String,
    /// True when the condition names a region: a target for it binds only
    /// the provinces of that region.
    #[serde(default)]
    pub region: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: String,
    pub group: String,
    pub vi: Text,
    pub en: String,
    pub unit: Unit,
    #[serde(default = "higher_is_better")]
    pub direction: Direction,
    /// True when targets of this indicator name a standard level ("mức độ 2").
    #[serde(default)]
    pub levelled: bool,
    /// National schemes that set a figure for it.
    pub schemes: Vec<String>,
}

fn higher_is_better() -> Direction {
    Direction::HigherIsBetter
}

const INDICATORS: &str = include_str!("../catalogue/indicators.yaml");

impl Catalogue {
    pub fn embedded() -> &'static Catalogue {
        static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
        CATALOGUE.get_or_init(|| {
            serde_saphyr::from_str(INDICATORS).unwrap_or_else(|e| {
                panic!("the embedded catalogue/indicators.yaml is invalid: {e}")
            })
        })
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    pub fn condition(&self, id: &str) -> Option<&Condition> {
        self.conditions.iter().find(|c| c.id == id)
    }

    pub fn group(&self, id: &str) -> Option<&Entry> {
        self.groups.iter().find(|g| g.id == id)
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
        }
    }
}
