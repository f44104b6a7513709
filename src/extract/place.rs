//! The plan's territory checked against the General Statistics Office's
//! list of units (src/units/registry.rs) of the plan's time: spelled as the
//! list spells it, with the province it lies in, which the comparison with
//! a province's or a region's figures needs. A name the list does not hold,
//! or holds in several provinces, is kept as written and marked for review.

use crate::date::CivilDate;
use crate::i18n::Message;
use crate::model::Level;
use crate::msg;
use crate::units::Units;
use crate::units::registry::{self, Resolution, Tier};

/// Where the plan's territory lies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// "huyện Cát Hải", as the list spells it.
    pub jurisdiction: String,
    /// The province's id (`catalogue/units.yaml`), for a plan below one.
    pub province: Option<String>,
}

/// `written` ("huyện Cát Hải") found among the units of `level` of the
/// plan's time (issued on `date`, or starting in `start`), or why not.
pub fn locate(
    written: &str,
    level: Level,
    date: Option<CivilDate>,
    start: u16,
) -> Result<Place, Message> {
    let after = date.map_or(start > 2025, |d| d >= crate::units::merger_day());
    let map = if after {
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
    match map.resolve(tier, written, None, &aliases) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_district_is_found_with_its_province() {
        let date = CivilDate::from_numbers(2020, 1, 3);
        assert_eq!(
            locate("huyện Cát Hải", Level::District, date, 2020),
            Ok(Place {
                jurisdiction: "huyện Cát Hải".to_owned(),
                province: Some("hai-phong".to_owned()),
            })
        );
        let province = locate("TỈNH VĨNH LONG", Level::Province, date, 2020).unwrap();
        assert_eq!(province.jurisdiction, "tỉnh Vĩnh Long");
        assert_eq!(province.province, None);
    }

    #[test]
    fn an_unknown_or_shared_name_is_for_review() {
        let date = CivilDate::from_numbers(2021, 10, 15);
        assert!(locate("huyện Thử", Level::District, date, 2021).is_err());
        let shared = locate("huyện Châu Thành", Level::District, date, 2021).unwrap_err();
        let shared = shared.render(crate::i18n::Lang::En);
        assert!(shared.contains("Long An"), "{shared}");
    }
}
