//! The agency registry: national bodies, the provincial and district bodies
//! that carry their duties locally, the spellings plans use for them, and the
//! 2025 reorganisation. Embedded, like the catalogue.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::date::CivilDate;
use crate::model::{AgencyKind, Level};
use crate::text::{Text, fold};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Registry {
    pub bodies: Vec<Body>,
    /// Every spelling of every body, compacted once: `find` runs for each
    /// agency of each plan.
    #[serde(skip)]
    spellings: OnceLock<Vec<(String, usize)>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MappingFlag {
    Verified,
    Unverified,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    pub id: String,
    pub name: Text,
    pub en: String,
    pub kind: AgencyKind,
    pub level: Level,
    #[serde(default)]
    pub aliases: Vec<Text>,
    /// The bodies one level up whose duties this one carries locally.
    #[serde(default)]
    pub mirrors: Vec<String>,
    #[serde(default)]
    pub valid_from: Option<CivilDate>,
    /// The last day the body existed.
    #[serde(default)]
    pub valid_until: Option<CivilDate>,
    /// The body that took over its duties.
    #[serde(default)]
    pub successor: Option<String>,
    pub verification: MappingFlag,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
}

impl Body {
    pub fn exists_on(&self, date: CivilDate) -> bool {
        self.valid_from.is_none_or(|from| from <= date)
            && self.valid_until.is_none_or(|until| date <= until)
    }

    fn spellings(&self) -> impl Iterator<Item = &Text> {
        std::iter::once(&self.name).chain(&self.aliases)
    }
}

/// A name's matching key without spaces or punctuation, so that "Sở GD&ĐT",
/// "Sở GD-ĐT" and "Sở GDĐT" meet.
pub(crate) fn compact(name: &str) -> String {
    fold(name).chars().filter(|c| c.is_alphanumeric()).collect()
}

const AGENCIES: &str = include_str!("../catalogue/agencies.yaml");

impl Registry {
    pub fn embedded() -> &'static Registry {
        static REGISTRY: OnceLock<Registry> = OnceLock::new();
        REGISTRY.get_or_init(|| crate::catalogue::parse_embedded(AGENCIES, "agencies.yaml"))
    }

    pub fn get(&self, id: &str) -> Option<&Body> {
        self.bodies.iter().find(|b| b.id == id)
    }

    /// The body a plan means by `name`, e.g. "Sở Giáo dục và Đào tạo tỉnh
    /// Vĩnh Long" or "Sở GD&ĐT". The longest registered spelling that starts
    /// the name wins, so a trailing place name does not matter; `level`
    /// separates bodies whose names repeat at every level ("Ủy ban nhân dân").
    pub fn find(&self, name: &str, level: Option<Level>) -> Option<&Body> {
        let key = compact(name);
        let spellings = self.spellings.get_or_init(|| {
            self.bodies
                .iter()
                .enumerate()
                .flat_map(|(i, b)| b.spellings().map(move |s| (compact(s.as_str()), i)))
                .filter(|(spelling, _)| spelling.len() >= 3)
                .collect()
        });
        spellings
            .iter()
            .map(|(spelling, i)| (spelling, &self.bodies[*i]))
            .filter(|(spelling, b)| {
                level.is_none_or(|l| b.level == l) && key.starts_with(spelling.as_str())
            })
            .max_by_key(|(spelling, _)| spelling.len())
            .map(|(_, b)| b)
    }

    /// The body that answers on `day`: `body`, or the successor it was
    /// merged into if it had ended by then (Sở Thông tin và Truyền thông →
    /// Sở Khoa học và Công nghệ from 1 March 2025).
    pub fn in_office_on<'r>(&'r self, mut body: &'r Body, day: CivilDate) -> &'r Body {
        // Chains of successors are short; the bound keeps a loop in the data harmless.
        for _ in 0..8 {
            let ended = body.valid_until.is_some_and(|until| until < day);
            match body.successor.as_deref().and_then(|id| self.get(id)) {
                Some(next) if ended => body = next,
                _ => break,
            }
        }
        body
    }

    /// The bodies at `level` that carry `id`'s duties, following `mirrors`
    /// down the hierarchy (Bộ GD&ĐT → Sở GD&ĐT → Phòng GD&ĐT).
    pub fn counterparts(&self, id: &str, level: Level) -> Vec<&Body> {
        let mut found = Vec::new();
        let mut frontier = vec![id.to_owned()];
        while let Some(current) = frontier.pop() {
            for body in self.bodies.iter().filter(|b| b.mirrors.contains(&current)) {
                if body.level == level {
                    found.push(body);
                } else if body.level < level {
                    frontier.push(body.id.clone());
                }
            }
        }
        found.sort_by(|a, b| a.id.cmp(&b.id));
        found.dedup_by(|a, b| a.id == b.id);
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn a_body_merged_away_answers_through_its_successor() {
        let r = Registry::embedded();
        let tttt = r.get("so-tttt").unwrap();
        let day = |y, m, d| CivilDate::from_numbers(y, m, d).unwrap();
        assert_eq!(r.in_office_on(tttt, day(2025, 2, 28)).id, "so-tttt");
        assert_eq!(r.in_office_on(tttt, day(2026, 1, 1)).id, "so-khcn");
    }

    #[test]
    fn embedded_registry_is_consistent() {
        let r = Registry::embedded();
        let ids: HashSet<_> = r.bodies.iter().map(|b| b.id.as_str()).collect();
        assert_eq!(ids.len(), r.bodies.len(), "duplicate ids");
        for b in &r.bodies {
            for m in &b.mirrors {
                let parent = r
                    .get(m)
                    .unwrap_or_else(|| panic!("{} mirrors unknown {m}", b.id));
                assert!(
                    parent.level < b.level,
                    "{} mirrors {m}, which is not above it",
                    b.id
                );
            }
            if let Some(s) = &b.successor {
                assert!(
                    ids.contains(s.as_str()),
                    "{} has unknown successor {s}",
                    b.id
                );
                assert!(
                    b.valid_until.is_some(),
                    "{} has a successor but no end date",
                    b.id
                );
            }
        }
    }

    #[test]
    fn districts_are_gone_from_july_2025() {
        let r = Registry::embedded();
        let july = CivilDate::new(2025, 7, 1).unwrap();
        for b in r.bodies.iter().filter(|b| b.level == Level::District) {
            assert!(!b.exists_on(july), "{} still exists on 2025-07-01", b.id);
        }
    }
}
