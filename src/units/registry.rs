//! Every administrative unit on the General Statistics Office's list, before
//! and after 1 July 2025 (`catalogue/units/*.tsv`, imported from the Python
//! package `vietnam-provinces` by `catalogue/units/import.py`), and how a
//! plan's jurisdiction is found among them. build.rs turns the lists into
//! the Rust data of [`before`] and [`after`], their name index sorted.

use crate::suggest::closest;
use crate::text::fold;

/// The units of one map: the 63 provinces with their districts and
/// communes, or the 34 provinces with their communes.
#[derive(Debug)]
pub(crate) struct Map {
    units: &'static [Unit],
    /// Each unit's index by [`Tier`] and folded name without its kind,
    /// sorted.
    by_name: &'static [(Tier, &'static str, usize)],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Tier {
    Province,
    District,
    Commune,
}

#[derive(Debug)]
pub(crate) struct Unit {
    /// The GSO's code, unique within a tier of one map.
    pub code: u32,
    pub tier: Tier,
    /// How the name is prefixed: "tỉnh", "huyện", "phường", "đặc khu"…
    pub kind: &'static str,
    pub name: &'static str,
    /// The province's id in `catalogue/units.yaml` (its own, for a province).
    pub province: &'static str,
    parent: Option<usize>,
}

/// Where a jurisdiction's name leads in one map.
#[derive(Debug)]
pub(crate) enum Resolution<'m> {
    /// One unit, or several in one province (communes of one name in two
    /// districts): the plan's place is known to the province.
    Found(Vec<&'m Unit>),
    /// Units of that name in more than one province.
    Ambiguous(Vec<&'m Unit>),
    NotFound,
}

/// The units before 1 July 2025 (`catalogue/units/before-2025.tsv`).
pub(crate) fn before() -> &'static Map {
    static MAP: Map = include!(concat!(env!("OUT_DIR"), "/units-before-2025.rs"));
    &MAP
}

/// The units from 1 July 2025 (`catalogue/units/after-2025.tsv`).
pub(crate) fn after() -> &'static Map {
    static MAP: Map = include!(concat!(env!("OUT_DIR"), "/units-after-2025.rs"));
    &MAP
}

/// The kinds a jurisdiction may be written with, folded, longest first so
/// "thi xa" is not read as "thi" + "xa".
const KINDS: [&str; 11] = [
    "thanh pho",
    "thi tran",
    "dac khu",
    "phuong",
    "thi xa",
    "huyen",
    "quan",
    "tinh",
    "tp.",
    "tp",
    "xa",
];

/// "Xã Vũ Phúc" → "vu phuc", "thành phố Hải Phòng" → "hai phong".
pub(crate) fn name_key(written: &str) -> String {
    let folded = fold(written);
    for kind in KINDS {
        if let Some(rest) = folded.strip_prefix(kind).and_then(|r| r.strip_prefix(' ')) {
            return rest.to_owned();
        }
    }
    folded
}

impl Map {
    pub(crate) fn by_code(&self, tier: Tier, code: u32) -> Option<&Unit> {
        self.units.iter().find(|u| u.tier == tier && u.code == code)
    }

    /// The province with this `catalogue/units.yaml` id.
    pub(crate) fn province(&self, id: &str) -> Option<&Unit> {
        self.units
            .iter()
            .find(|u| u.tier == Tier::Province && u.province == id)
    }

    pub(crate) fn has_province(&self, id: &str) -> bool {
        self.province(id).is_some()
    }

    pub(crate) fn parent(&self, unit: &Unit) -> Option<&Unit> {
        unit.parent.map(|p| &self.units[p])
    }

    /// "xã Vũ Phúc, thành phố Thái Bình, tỉnh Thái Bình": the unit and
    /// those it lies in.
    pub(crate) fn path(&self, unit: &Unit) -> String {
        let mut parts = vec![unit.written()];
        let mut up = self.parent(unit);
        while let Some(u) = up {
            parts.push(u.written());
            up = self.parent(u);
        }
        parts.join(", ")
    }

    /// The units of `tier` a jurisdiction names ("xã Vũ Phúc", or with
    /// the units it lies in: "xã Vũ Phúc, tỉnh Thái Bình"), within the
    /// province `within` (a `catalogue/units.yaml` id) when given.
    /// `aliases` gives other names a province is written with.
    pub(crate) fn resolve(
        &self,
        tier: Tier,
        jurisdiction: &str,
        within: Option<&str>,
        aliases: &dyn Fn(&str) -> Vec<String>,
    ) -> Resolution<'_> {
        let mut parts = jurisdiction.split(',').map(name_key);
        let key = parts.next().unwrap_or_default();
        let above: Vec<String> = parts.filter(|p| !p.is_empty()).collect();
        let lies_in = |unit: &Unit| {
            above.iter().all(|wanted| {
                let mut up = self.parent(unit);
                while let Some(u) = up {
                    let names = if u.tier == Tier::Province {
                        aliases(u.province)
                    } else {
                        Vec::new()
                    };
                    if fold(u.name) == *wanted || names.iter().any(|n| n == wanted) {
                        return true;
                    }
                    up = self.parent(u);
                }
                false
            })
        };
        let in_scope = |unit: &Unit| within.is_none_or(|id| unit.province == id);
        let found: Vec<&Unit> = self
            .named(tier, &key, aliases)
            .into_iter()
            .filter(|u| in_scope(u) && lies_in(u))
            .collect();
        if found.is_empty() {
            return Resolution::NotFound;
        }
        if found.iter().all(|u| u.province == found[0].province) {
            Resolution::Found(found)
        } else {
            Resolution::Ambiguous(found)
        }
    }

    /// The unit whose name is closest to a jurisdiction's, within the
    /// province `within` when given, if near enough to be a typo.
    pub(crate) fn closest(
        &self,
        tier: Tier,
        jurisdiction: &str,
        within: Option<&str>,
    ) -> Option<&Unit> {
        let key = name_key(jurisdiction.split(',').next().unwrap_or_default());
        let in_scope = |unit: &Unit| within.is_none_or(|id| unit.province == id);
        // A name four letters longer or shorter is no typo, and skipping it
        // spares comparing with every commune of the country.
        let near = |k: &str| k.chars().count().abs_diff(key.chars().count()) <= 3;
        let mut keys: Vec<&str> = self
            .by_name
            .iter()
            .filter(|(t, k, i)| *t == tier && near(k) && in_scope(&self.units[*i]))
            .map(|(_, k, _)| *k)
            .collect();
        keys.dedup();
        let best = closest(&key, keys)?;
        self.named(tier, best, &|_| Vec::new())
            .into_iter()
            .find(|u| in_scope(u))
    }

    /// Units of `tier` whose name folds to `key`; a province also by the
    /// other names `aliases` gives it ("Thừa Thiên Huế" for Huế).
    fn named(&self, tier: Tier, key: &str, aliases: &dyn Fn(&str) -> Vec<String>) -> Vec<&Unit> {
        let first = self
            .by_name
            .partition_point(|(t, k, _)| (*t, *k) < (tier, key));
        let mut found: Vec<&Unit> = self.by_name[first..]
            .iter()
            .take_while(|(t, k, _)| *t == tier && *k == key)
            .map(|(_, _, i)| &self.units[*i])
            .collect();
        if tier == Tier::Province && found.is_empty() {
            found = self
                .units
                .iter()
                .filter(|u| {
                    u.tier == Tier::Province && aliases(u.province).iter().any(|a| a == key)
                })
                .collect();
        }
        found
    }
}

impl Unit {
    /// "xã Vũ Phúc".
    pub(crate) fn written(&self) -> String {
        format!("{} {}", self.kind, self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::units::Units;

    fn resolve<'m>(
        map: &'m Map,
        tier: Tier,
        written: &str,
        within: Option<&str>,
    ) -> Resolution<'m> {
        let units = Units::embedded();
        map.resolve(tier, written, within, &|id| units.province_names(id))
    }

    impl Map {
        fn count(&self, tier: Tier) -> usize {
            self.units.iter().filter(|u| u.tier == tier).count()
        }
    }

    fn found(resolution: &Resolution<'_>) -> Vec<u32> {
        match resolution {
            Resolution::Found(units) => units.iter().map(|u| u.code).collect(),
            other => panic!("not found: {other:?}"),
        }
    }

    #[test]
    fn both_maps_hold_every_unit_of_the_gso_list() {
        assert_eq!(after().count(Tier::Province), 34);
        assert_eq!(after().count(Tier::District), 0);
        assert_eq!(after().count(Tier::Commune), 3321);
        assert_eq!(before().count(Tier::Province), 63);
        assert_eq!(before().count(Tier::District), 696);
        assert_eq!(before().count(Tier::Commune), 10051);
        let units = Units::embedded();
        // Every province is one of catalogue/units.yaml, on the same map.
        for p in after().units.iter().filter(|u| u.tier == Tier::Province) {
            assert!(units.province_2025(p.province).is_some(), "{}", p.province);
        }
        for p in before().units.iter().filter(|u| u.tier == Tier::Province) {
            assert!(units.province(p.province).is_some(), "{}", p.province);
        }
    }

    #[test]
    fn build_rs_indexed_every_name_as_fold_does() {
        for map in [before(), after()] {
            assert_eq!(map.by_name.len(), map.units.len());
            assert!(map.by_name.is_sorted());
            for (tier, key, i) in map.by_name {
                let unit = &map.units[*i];
                assert_eq!((*tier, *key), (unit.tier, fold(unit.name).as_str()));
            }
        }
    }

    #[test]
    fn known_units_by_code() {
        let hn = after().by_code(Tier::Province, 1).unwrap();
        assert_eq!(
            (hn.kind, hn.name, hn.province),
            ("thành phố", "Hà Nội", "ha-noi")
        );
        let cat_hai = before().by_code(Tier::District, 317).unwrap();
        assert_eq!(
            (cat_hai.kind, cat_hai.name, cat_hai.province),
            ("huyện", "Cát Hải", "hai-phong")
        );
        let dac_khu = after().by_code(Tier::Commune, 11914).unwrap();
        assert_eq!(
            after().path(dac_khu),
            "đặc khu Cát Hải, thành phố Hải Phòng"
        );
        let vu_phuc = before().by_code(Tier::Commune, 12466).unwrap();
        assert_eq!(
            before().path(vu_phuc),
            "xã Vũ Phúc, thành phố Thái Bình, tỉnh Thái Bình"
        );
        // The same code, a phường of Hưng Yên since Thái Bình merged into it.
        let vu_phuc = after().by_code(Tier::Commune, 12466).unwrap();
        assert_eq!(after().path(vu_phuc), "phường Vũ Phúc, tỉnh Hưng Yên");
        assert_eq!(
            before().by_code(Tier::Province, 46).unwrap().province,
            "thua-thien-hue"
        );
    }

    #[test]
    fn the_bundled_plans_jurisdictions_resolve() {
        let map = before();
        for province in [
            "tỉnh Bình Dương",
            "tỉnh Thái Bình",
            "tỉnh Vĩnh Long",
            "tỉnh Ninh Thuận",
        ] {
            assert_eq!(
                found(&resolve(map, Tier::Province, province, None)).len(),
                1,
                "{province}"
            );
        }
        assert_eq!(
            found(&resolve(
                map,
                Tier::District,
                "huyện Cát Hải",
                Some("hai-phong")
            )),
            [317]
        );
        assert_eq!(
            found(&resolve(map, Tier::District, "HUYEN CAT HAI", None)),
            [317]
        );
    }

    #[test]
    fn names_fold_kinds_aliases_and_the_provinces_written_after_them() {
        assert_eq!(
            found(&resolve(before(), Tier::Commune, "Xa Vu Phuc", None)),
            [12466]
        );
        assert_eq!(
            found(&resolve(after(), Tier::Commune, "phường Vũ Phúc", None)),
            [12466]
        );
        assert_eq!(
            found(&resolve(
                before(),
                Tier::Province,
                "tỉnh Thừa Thiên Huế",
                None
            )),
            [46]
        );
        assert_eq!(
            found(&resolve(after(), Tier::Province, "TP. Huế", None)),
            [46]
        );
        // Tân Phú is a commune's name in many provinces: never guessed.
        let Resolution::Ambiguous(many) = resolve(before(), Tier::Commune, "xã Tân Phú", None)
        else {
            panic!("Tân Phú is not ambiguous");
        };
        assert!(many.len() > 2);
        assert!(matches!(
            resolve(before(), Tier::Commune, "xã Tân Phú", Some("dong-nai")),
            Resolution::Found(_)
        ));
        assert!(matches!(
            resolve(before(), Tier::Commune, "xã Tân Phú, tỉnh Đồng Nai", None),
            Resolution::Found(_)
        ));
    }

    #[test]
    fn a_misspelt_name_gets_the_closest_unit() {
        let misspelt = "xã Vũ Phú";
        let in_thai_binh = Some("thai-binh");
        assert!(matches!(
            resolve(before(), Tier::Commune, misspelt, in_thai_binh),
            Resolution::NotFound
        ));
        let best = before()
            .closest(Tier::Commune, misspelt, in_thai_binh)
            .unwrap();
        assert_eq!(best.code, 12466);
        assert!(
            before()
                .closest(Tier::District, "huyện Qwxz", None)
                .is_none()
        );
    }
}
