//! The plan's territory checked against the General Statistics Office's
//! list of units (src/units/registry.rs) of the plan's time: spelled as the
//! list spells it, with the province it lies in, which the comparison with
//! a province's or a region's figures needs. A name the list does not hold,
//! or holds in several provinces, is kept as written and marked for review.

use crate::date::CivilDate;
use crate::i18n::Message;
use crate::model::{Level, Plan};
use crate::msg;
use crate::units::registry::{self, Resolution, Tier};
use crate::units::{PlanProvince, Units};

/// Where the plan's territory lies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// "huyện Cát Hải", as the list spells it.
    pub jurisdiction: String,
    /// The province's id (`catalogue/units.yaml`), for a plan below one.
    pub province: Option<String>,
}

/// `written` ("huyện Cát Hải") found among the units of `level` of the
/// plan's time (issued on `date`, or starting in `start`), within the
/// province `within` when the plan it is issued under says which, or why
/// not.
pub fn locate(
    written: &str,
    level: Level,
    time: (Option<CivilDate>, u16),
    within: Option<&str>,
) -> Result<Place, Message> {
    let map = if after_merger(time) {
        registry::after()
    } else {
        registry::before()
    };
    let tier = match level {
        Level::National | Level::Province => Tier::Province,
        Level::District => Tier::District,
        Level::Commune => Tier::Commune,
    };
    let units = Units::embedded();
    let aliases = |id: &str| units.province_names(id);
    match map.resolve(tier, written, within, &aliases) {
        Resolution::Found(found) => {
            let unit = found[0];
            Ok(Place {
                jurisdiction: unit.written(),
                province: (tier != Tier::Province).then(|| unit.province.to_owned()),
            })
        }
        Resolution::Ambiguous(found) => {
            let places: Vec<String> = found.iter().map(|u| map.path(u)).collect();
            let jurisdiction = written;
            Err(msg!("extract.place.ambiguous", jurisdiction, places))
        }
        Resolution::NotFound => {
            let jurisdiction = written;
            Err(msg!("extract.place.unknown", jurisdiction))
        }
    }
}

/// The unit a document is dated at ("Ninh Thuận, ngày …"), looked for
/// among provinces, then districts, then communes (a province's plan is
/// dated at the province's name, a district's at the district's): written
/// as the list writes it, with its level and, when a lower level holds the
/// name too, that unit, for review.
pub fn dated(
    name: &str,
    time: (Option<CivilDate>, u16),
) -> Option<(String, Level, Option<String>)> {
    let map = if after_merger(time) {
        registry::after()
    } else {
        registry::before()
    };
    let units = Units::embedded();
    let aliases = |id: &str| units.province_names(id);
    let mut found = [
        (Tier::Province, Level::Province),
        (Tier::District, Level::District),
        (Tier::Commune, Level::Commune),
    ]
    .into_iter()
    .filter_map(
        |(tier, level)| match map.resolve(tier, name, None, &aliases) {
            Resolution::Found(units) | Resolution::Ambiguous(units) => Some((units[0], level)),
            Resolution::NotFound => None,
        },
    );
    let (unit, level) = found.next()?;
    let also = found.next().map(|(other, _)| map.path(other));
    Some((unit.written(), level, also))
}

/// Whether a plan issued on `date` (or, undated, starting in `start`)
/// belongs to the map of 1 July 2025.
pub fn after_merger((date, start): (Option<CivilDate>, u16)) -> bool {
    date.map_or(start > 2025, |d| d >= crate::units::merger_day())
}

/// The province of the plan a document is issued under, on the map of the
/// document's time: a province merged on 1 July 2025 is named by the one
/// it became part of.
pub fn province_of(parent: &Plan, after: bool) -> Option<String> {
    let units = Units::embedded();
    match units.of_plan(parent)? {
        PlanProvince::Before2025(old) if after => units.successor(&old.id).map(|p| p.id.clone()),
        PlanProvince::Before2025(p) => Some(p.id.clone()),
        PlanProvince::From2025(p) => Some(p.id.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_district_is_found_with_its_province() {
        let date = CivilDate::from_numbers(2020, 1, 3);
        assert_eq!(
            locate("huyện Cát Hải", Level::District, (date, 2020), None),
            Ok(Place {
                jurisdiction: "huyện Cát Hải".to_owned(),
                province: Some("hai-phong".to_owned()),
            })
        );
        let province = locate("TỈNH VĨNH LONG", Level::Province, (date, 2020), None).unwrap();
        assert_eq!(province.jurisdiction, "tỉnh Vĩnh Long");
        assert_eq!(province.province, None);
    }

    #[test]
    fn an_unknown_or_shared_name_is_for_review() {
        let date = CivilDate::from_numbers(2021, 10, 15);
        assert!(locate("huyện Thử", Level::District, (date, 2021), None).is_err());
        let shared = locate("huyện Châu Thành", Level::District, (date, 2021), None).unwrap_err();
        let shared = shared.render(crate::i18n::Lang::En);
        assert!(shared.contains("Long An"), "{shared}");
        let within = locate(
            "huyện Châu Thành",
            Level::District,
            (date, 2021),
            Some("long-an"),
        );
        assert_eq!(within.unwrap().province.as_deref(), Some("long-an"));
    }
}
