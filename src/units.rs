//! Administrative units as facts with sources (`catalogue/units.yaml`): the
//! 63 provinces the schemes were written for, the 34 that replaced them on
//! 1 July 2025, and the regions the schemes name. xhht uses them to decide
//! whether a regional target binds a plan, and says so when the record
//! cannot decide.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::date::CivilDate;
use crate::i18n::{IntoArg, Message};
use crate::model::{Level, Plan, Verification};
use crate::msg;
use crate::text::{Text, fold};

pub(crate) mod registry;

use registry::{Extent, Tier, Unit};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Units {
    /// In force until 30 June 2025.
    pub provinces: Vec<Province>,
    /// In force from 1 July 2025.
    pub provinces_2025: Vec<MergedProvince>,
    pub regions: Vec<Region>,
    /// Districts whose successor is on record, by GSO code.
    #[serde(default)]
    pub unit_successors: Vec<UnitSuccessor>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[expect(
    dead_code,
    reason = "how far a successor fact was confirmed, and where from, is kept with it for readers"
)]
pub(crate) struct UnitSuccessor {
    /// A district's code before 1 July 2025.
    pub before: u32,
    /// The commune's code from 1 July 2025.
    pub after: u32,
    pub verification: Verification,
    pub sources: Vec<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Province {
    pub id: String,
    pub name: Text,
    pub kind: ProvinceKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum ProvinceKind {
    /// Tỉnh.
    Province,
    /// Thành phố trực thuộc trung ương.
    City,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[expect(
    dead_code,
    reason = "how far a merger fact was confirmed, and where from, is kept with it for readers"
)]
pub(crate) struct MergedProvince {
    pub id: String,
    pub name: Text,
    pub kind: ProvinceKind,
    /// Ids of the provinces it was formed from; empty when not on record.
    pub formed_from: Vec<String>,
    pub verification: Verification,
    #[serde(default)]
    pub sources: Vec<Text>,
    #[serde(default)]
    pub note: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[expect(
    dead_code,
    reason = "`en` is kept beside the Vietnamese name for readers of the data file"
)]
pub(crate) struct Region {
    pub id: String,
    pub vi: Text,
    pub en: String,
    /// Every classification the record documents for the region; which one
    /// a scheme meant is often not on record, so all of them are consulted.
    pub readings: Vec<Reading>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[expect(
    dead_code,
    reason = "a reading's id, sources and note are its provenance, kept with it for readers"
)]
pub(crate) struct Reading {
    pub id: String,
    pub name: Text,
    pub whole: Vec<String>,
    #[serde(default)]
    pub part: Vec<Part>,
    pub verification: Verification,
    #[serde(default)]
    pub sources: Vec<Text>,
    #[serde(default)]
    pub note: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Part {
    pub province: String,
    /// Which part, as the source words it: "các huyện phía tây".
    pub which: Text,
}

/// Whether a province lies in a region, as far as the record tells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Membership {
    In,
    Out,
    /// Partly inside, or inside under one reading and not another: the reason.
    Partly(Message),
    /// The record cannot tell: the reason.
    Unknown(Message),
}

/// A plan's province, in the list of its time.
#[derive(Debug, Clone, Copy)]
pub(crate) enum PlanProvince<'u> {
    Before2025(&'u Province),
    From2025(&'u MergedProvince),
}

impl ProvinceKind {
    /// "tỉnh" or "thành phố", as a name is prefixed in Vietnamese.
    pub(crate) fn prefix(self) -> &'static str {
        match self {
            Self::Province => "tỉnh",
            Self::City => "thành phố",
        }
    }
}

impl PlanProvince<'_> {
    pub(crate) fn name(&self) -> &str {
        match self {
            Self::Before2025(p) => p.name.as_str(),
            Self::From2025(p) => p.name.as_str(),
        }
    }
}

const UNITS: &str = include_str!("../catalogue/units.yaml");

/// Whether a plan belongs to the 34-province map: issued from 1 July 2025
/// on, or, undated, starting after 2025.
pub(crate) fn issued_after_merger(plan: &Plan) -> bool {
    match plan.document.date {
        Some(date) => date >= merger_day(),
        None => plan.document.period.start > 2025,
    }
}

/// The first day of the 34-province map.
pub(crate) fn merger_day() -> CivilDate {
    CivilDate::new(2025, 7, 1).expect("a real date")
}

/// Where a plan's jurisdiction leads on the map of the plan's own time.
pub(crate) enum UnitOf {
    Found(&'static Unit),
    /// Units of that name in several places, none written exactly so.
    Ambiguous,
    NotFound,
}

/// The unit of `tier` a plan's jurisdiction names, on the map of its time
/// (within `document.province` when that is a province of the map).
pub(crate) fn unit_of_plan(plan: &Plan, tier: Tier) -> UnitOf {
    let map = if issued_after_merger(plan) {
        registry::after()
    } else {
        registry::before()
    };
    let within = plan
        .document
        .province
        .as_deref()
        .filter(|id| map.has_province(id));
    let jurisdiction = plan.document.jurisdiction.as_str();
    let aliases = |id: &str| Units::embedded().province_names(id);
    match map.resolve(tier, jurisdiction, within, &aliases) {
        registry::Resolution::Found(found) if found.len() == 1 => UnitOf::Found(found[0]),
        // Names that differ only in their marks (xã Văn Lăng, xã Văn Lang)
        // fold alike; the one written exactly is the one meant.
        registry::Resolution::Found(found) | registry::Resolution::Ambiguous(found) => {
            exactly(&found, jurisdiction).map_or(UnitOf::Ambiguous, UnitOf::Found)
        }
        registry::Resolution::NotFound => UnitOf::NotFound,
    }
}

/// The one unit among `found` whose name is written as `jurisdiction`
/// writes it (its first part, before any comma), marks and all.
fn exactly(found: &[&'static Unit], jurisdiction: &str) -> Option<&'static Unit> {
    let written = jurisdiction
        .split(',')
        .next()
        .unwrap_or_default()
        .trim()
        .to_lowercase();
    let mut exact = found
        .iter()
        .filter(|u| u.written().to_lowercase() == written || u.name.to_lowercase() == written);
    match (exact.next(), exact.next()) {
        (Some(unit), None) => Some(unit),
        _ => None,
    }
}

/// What a plan's unit became on 1 July 2025, for a plan issued before it
/// whose unit did not simply carry on: reports name it beside the plan.
pub(crate) fn successor_note(plan: &Plan) -> Option<Message> {
    if issued_after_merger(plan) {
        return None;
    }
    let units = Units::embedded();
    let tier = match plan.document.level {
        Level::National => return None,
        Level::Province => {
            let Some(PlanProvince::Before2025(old)) = units.of_plan(plan) else {
                return None;
            };
            let new = units.successor(&old.id)?;
            let written = |kind: ProvinceKind, name: &Text| format!("{} {}", kind.prefix(), name);
            let successor = written(new.kind, &new.name);
            let unit = written(old.kind, &old.name);
            return match new.formed_from.len() {
                1 if successor == unit => None,
                1 => Some(msg!("units.jurisdiction.became", unit, successor)),
                _ => Some(msg!("units.successor.part-of", unit, successor)),
            };
        }
        Level::District => Tier::District,
        Level::Commune => Tier::Commune,
    };
    let UnitOf::Found(old) = unit_of_plan(plan, tier) else {
        return None;
    };
    Some(became(registry::before().path(old), old))
}

/// What a unit of the map before 1 July 2025 became, as far as the record
/// says: the commune(s) it went into when on record, else the province it
/// lies in.
pub(crate) fn became(unit_path: String, unit: &Unit) -> Message {
    let units = Units::embedded();
    let after = registry::after();
    match units.successors_of(unit)[..] {
        // A district that became a đặc khu, or a commune alone in its
        // successor (renamed or re-ranked): it became that unit.
        [(new, Extent::Whole)]
            if unit.tier == Tier::District || registry::predecessors(new.code) <= 1 =>
        {
            return msg!(
                "units.jurisdiction.became",
                unit = unit_path,
                successor = after.path(new)
            );
        }
        [(new, Extent::Whole)] => {
            return msg!(
                "units.successor.part-of",
                unit = unit_path,
                successor = after.path(new)
            );
        }
        [] => {}
        ref parts => {
            let successors = parts
                .iter()
                .map(|(new, _)| after.path(new))
                .collect::<Vec<_>>()
                .join("; ");
            return msg!("units.successor.divided", unit = unit_path, successors);
        }
    }
    match units.successor(unit.province) {
        Some(province) => msg!(
            "units.jurisdiction.lies-in",
            unit = unit_path,
            successor = format!("{} {}", province.kind.prefix(), province.name)
        ),
        None => msg!("units.jurisdiction.old-unit", unit = unit_path),
    }
}

impl Units {
    pub(crate) fn embedded() -> &'static Units {
        static UNITS_CELL: OnceLock<Units> = OnceLock::new();
        UNITS_CELL.get_or_init(|| crate::catalogue::parse_embedded(UNITS, "units.yaml"))
    }

    pub(crate) fn province(&self, id: &str) -> Option<&Province> {
        self.provinces.iter().find(|p| p.id == id)
    }

    pub(crate) fn province_2025(&self, id: &str) -> Option<&MergedProvince> {
        self.provinces_2025.iter().find(|p| p.id == id)
    }

    /// The province a province of the 63 was merged into on 1 July 2025,
    /// when it was merged with others (not when it simply carried on).
    pub(crate) fn merged_into(&self, old: &str) -> Option<&MergedProvince> {
        self.provinces_2025
            .iter()
            .find(|p| p.formed_from.len() > 1 && p.formed_from.iter().any(|id| id == old))
    }

    /// The province of the 34 that a province of the 63 became part of,
    /// merged or not.
    pub(crate) fn successor(&self, old: &str) -> Option<&MergedProvince> {
        self.provinces_2025
            .iter()
            .find(|p| p.formed_from.iter().any(|id| id == old))
    }

    /// The communes from 1 July 2025 that `old`, a unit of the map before,
    /// became part of, with how much of it went into each: the record of
    /// `unit_successors` for a district that became one commune (Cát Hải),
    /// else the conversion table; none when neither has it.
    pub(crate) fn successors_of(&self, old: &Unit) -> Vec<(&'static Unit, Extent)> {
        let after = registry::after();
        let recorded: Vec<(&Unit, Extent)> = self
            .unit_successors
            .iter()
            .filter(|s| old.tier == Tier::District && s.before == old.code)
            .filter_map(|s| after.by_code(Tier::Commune, s.after))
            .map(|unit| (unit, Extent::Whole))
            .collect();
        if !recorded.is_empty() {
            return recorded;
        }
        registry::successors(old)
            .iter()
            .filter_map(|s| {
                after
                    .by_code(Tier::Commune, s.after)
                    .map(|unit| (unit, s.extent))
            })
            .collect()
    }

    /// Every name a province id is written with, folded: the names of
    /// both maps ("thua thien hue" and "hue" for `thua-thien-hue`).
    pub(crate) fn province_names(&self, id: &str) -> Vec<String> {
        let old = self.province(id).map(|p| &p.name);
        let new = self.province_2025(id).map(|p| &p.name);
        let also = self
            .provinces_2025
            .iter()
            .filter(|p| p.formed_from == [id] && p.id != id)
            .map(|p| &p.name);
        old.into_iter()
            .chain(new)
            .chain(also)
            .map(|n| fold(n.as_str()))
            .collect()
    }

    pub(crate) fn region(&self, id: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.id == id)
    }

    /// The province a plan belongs to: `document.province` when given, else
    /// the province its jurisdiction names when the plan is a province's.
    /// Read in the map of the plan's time: issued from 1 July 2025 on (or,
    /// undated, starting after 2025), the 34; otherwise the 63.
    pub(crate) fn of_plan(&self, plan: &Plan) -> Option<PlanProvince<'_>> {
        let after_merger = issued_after_merger(plan);
        let wanted = match &plan.document.province {
            Some(id) => Key::Id(id),
            None if plan.document.level == Level::Province => {
                Key::Name(strip_kind(&plan.document.jurisdiction))
            }
            None => return None,
        };
        let matches = |id: &str, name: &Text| match &wanted {
            Key::Id(wanted) => id == *wanted,
            Key::Name(wanted) => fold(name.as_str()) == *wanted,
        };
        if after_merger {
            self.provinces_2025
                .iter()
                .find(|p| matches(&p.id, &p.name))
                .map(PlanProvince::From2025)
        } else {
            self.provinces
                .iter()
                .find(|p| matches(&p.id, &p.name))
                .map(PlanProvince::Before2025)
        }
    }

    /// Whether `province` lies in any of `regions` (a target "for the
    /// provinces of Tây Bắc, Tây Nguyên and Tây Nam Bộ" binds a province in
    /// any of them).
    pub(crate) fn membership(&self, province: PlanProvince<'_>, regions: &[String]) -> Membership {
        match province {
            PlanProvince::Before2025(p) => self.any_region(&p.id, regions),
            PlanProvince::From2025(p) => {
                if p.formed_from.is_empty() {
                    return Membership::Unknown(msg!(
                        "units.formed-from-unknown",
                        province = &p.name
                    ));
                }
                let parts: Vec<(&str, Membership)> = p
                    .formed_from
                    .iter()
                    .map(|id| {
                        let name = self.province(id).map_or(id.as_str(), |o| o.name.as_str());
                        (name, self.any_region(id, regions))
                    })
                    .collect();
                if parts.iter().all(|(_, m)| *m == Membership::In) {
                    Membership::In
                } else if parts.iter().all(|(_, m)| *m == Membership::Out) {
                    Membership::Out
                } else {
                    let each: Vec<Message> = parts
                        .iter()
                        .map(|(name, m)| msg!("units.part", name = *name, membership = describe(m)))
                        .collect();
                    Membership::Partly(msg!(
                        "units.formed-across-regions",
                        province = &p.name,
                        parts = semicolons(each)
                    ))
                }
            }
        }
    }

    fn any_region(&self, province: &str, regions: &[String]) -> Membership {
        let each: Vec<Membership> = regions
            .iter()
            .map(|r| match self.region(r) {
                Some(region) => region.contains(province),
                None => Membership::Unknown(msg!("units.unknown-region", region = r)),
            })
            .collect();
        if each.contains(&Membership::In) {
            return Membership::In;
        }
        if each.iter().all(|m| *m == Membership::Out) {
            return Membership::Out;
        }
        let reasons: Vec<Message> = each
            .iter()
            .filter_map(|m| match m {
                Membership::Partly(why) | Membership::Unknown(why) => Some(why.clone()),
                _ => None,
            })
            .collect();
        Membership::Partly(semicolons(reasons))
    }
}

impl Region {
    /// In when every reading puts the whole province in, out when none puts
    /// any of it in; anything else is said, reading by reading.
    fn contains(&self, province: &str) -> Membership {
        let each: Vec<(&Reading, Membership)> = self
            .readings
            .iter()
            .map(|reading| {
                let m = if reading.whole.iter().any(|p| p == province) {
                    Membership::In
                } else if let Some(part) = reading.part.iter().find(|p| p.province == province) {
                    Membership::Partly(Message::verbatim(part.which.as_str()))
                } else {
                    Membership::Out
                };
                (reading, m)
            })
            .collect();
        if each.is_empty() {
            return Membership::Unknown(msg!("units.no-classification", region = &self.vi));
        }
        if each.iter().all(|(_, m)| *m == Membership::In) {
            return Membership::In;
        }
        if each.iter().all(|(_, m)| *m == Membership::Out) {
            return Membership::Out;
        }
        let region = &self.vi;
        let said: Vec<Message> = each
            .iter()
            .map(|(reading, m)| {
                let what = match m {
                    Membership::In => msg!("units.wholly-in", region),
                    Membership::Out => msg!("units.not-in-region", region),
                    Membership::Partly(which) => msg!("units.partly-in", which, region),
                    Membership::Unknown(why) => why.clone(),
                };
                msg!(
                    "units.reading",
                    what,
                    reading = &reading.name,
                    flag = reading.verification.message()
                )
            })
            .collect();
        Membership::Partly(joined("units.list.but", said))
    }
}

fn describe(m: &Membership) -> Message {
    match m {
        Membership::In => msg!("units.in"),
        Membership::Out => msg!("units.not-in"),
        Membership::Partly(why) | Membership::Unknown(why) => why.clone(),
    }
}

/// Reasons one after the other, as one: "a; b; c".
pub(crate) fn semicolons(items: Vec<Message>) -> Message {
    joined("units.list.then", items)
}

/// `items` joined by the two-placeholder message `pair` (`{first}`,
/// `{rest}`), which says how a language strings them together.
fn joined(pair: &'static str, items: Vec<Message>) -> Message {
    items
        .into_iter()
        .rev()
        .reduce(|rest, first| {
            Message::new(
                pair,
                vec![("first", first.into_arg()), ("rest", rest.into_arg())],
            )
        })
        .unwrap_or_else(|| Message::verbatim(""))
}

enum Key<'a> {
    Id(&'a str),
    Name(String),
}

/// "tỉnh Vĩnh Long" → "vinh long", "Thành phố Hải Phòng" → "hai phong".
pub(crate) fn strip_kind(jurisdiction: &Text) -> String {
    let folded = fold(jurisdiction.as_str());
    for prefix in ["thanh pho ", "tp. ", "tp ", "tinh "] {
        if let Some(rest) = folded.strip_prefix(prefix) {
            return rest.to_owned();
        }
    }
    folded
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn the_catalogue_is_complete_and_consistent() {
        let units = Units::embedded();
        assert_eq!(units.provinces.len(), 63);
        assert_eq!(units.provinces_2025.len(), 34);
        let old: HashSet<&str> = units.provinces.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(old.len(), 63, "duplicate ids among the 63");
        let mut successors = HashSet::new();
        for merged in &units.provinces_2025 {
            if merged.formed_from.is_empty() {
                assert_eq!(merged.verification, Verification::NotFound, "{}", merged.id);
            } else {
                assert!(!merged.sources.is_empty(), "{} has no source", merged.id);
            }
            for id in &merged.formed_from {
                assert!(old.contains(id.as_str()), "{}: unknown {id}", merged.id);
                assert!(successors.insert(id.as_str()), "{id} merged twice");
            }
        }
        for region in &units.regions {
            for reading in &region.readings {
                assert!(!reading.sources.is_empty(), "{}: no source", reading.id);
                for id in reading
                    .whole
                    .iter()
                    .chain(reading.part.iter().map(|p| &p.province))
                {
                    assert!(old.contains(id.as_str()), "{}: unknown {id}", reading.id);
                }
            }
        }
    }

    #[test]
    fn regions_bind_the_provinces_every_reading_agrees_on() {
        let units = Units::embedded();
        let all = ["tay_bac", "tay_nguyen", "tay_nam_bo"].map(String::from);
        let old = |id| PlanProvince::Before2025(units.province(id).unwrap());
        assert_eq!(units.membership(old("vinh-long"), &all), Membership::In);
        assert_eq!(units.membership(old("gia-lai"), &all), Membership::In);
        assert_eq!(units.membership(old("hai-phong"), &all), Membership::Out);
        assert_eq!(units.membership(old("thai-binh"), &all), Membership::Out);
        // Only the western districts of Thanh Hóa belong to the Tây Bắc area.
        assert!(matches!(
            units.membership(old("thanh-hoa"), &all),
            Membership::Partly(_)
        ));
        // Hà Giang is in the Steering Committee's Tây Bắc, the one official
        // classification of that region on record.
        assert_eq!(units.membership(old("ha-giang"), &all), Membership::In);
        let new = |id| PlanProvince::From2025(units.province_2025(id).unwrap());
        // Formed in 2025 from Bến Tre, Vĩnh Long and Trà Vinh: all Tây Nam Bộ.
        assert_eq!(units.membership(new("vinh-long"), &all), Membership::In);
        // Kon Tum (Tây Nguyên) with Quảng Ngãi (only its mountainous districts,
        // under one reading): never the whole province.
        match units.membership(new("quang-ngai"), &all) {
            Membership::Partly(why) => assert!(why.english().contains("Kon Tum"), "{why:?}"),
            other => panic!("{other:?}"),
        }
        assert_eq!(units.membership(new("hung-yen"), &all), Membership::Out);
        assert_eq!(
            units.merged_into("thai-binh").map(|p| p.id.as_str()),
            Some("hung-yen")
        );
        // Hà Nội carried on unmerged.
        assert!(units.merged_into("ha-noi").is_none());
    }
}
