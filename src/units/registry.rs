//! Every administrative unit on the General Statistics Office's list, before
//! and after 1 July 2025 (`catalogue/units/*.tsv`, imported from the Python
//! package `vietnam-provinces` by `catalogue/units/import.py`), how a
//! plan's jurisdiction is found among them, and which commune of the list
//! after each unit of the list before became part of
//! (`catalogue/units/successors.tsv`, from the package `vietnamadminunits`).
//! build.rs turns the lists into the Rust data of [`before`] and [`after`],
//! their name index sorted.

use std::sync::OnceLock;

use crate::suggest::closest;
use crate::text::fold;

const SUCCESSORS: &str = include_str!("../../catalogue/units/successors.tsv");

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

/// How much of a unit before 1 July 2025 went into a commune after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Extent {
    /// All of it (alone, or merged with others).
    Whole,
    /// A part: it was divided among several communes.
    Part,
}

/// One row of the conversion table: a unit of the map before (a commune,
/// or a district without communes) and a commune of the map after.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Succession {
    pub tier: Tier,
    pub before: u32,
    /// The commune's code on the map after.
    pub after: u32,
    pub extent: Extent,
}

/// The conversion table, sorted by the unit before.
fn successions() -> &'static [Succession] {
    static CELL: OnceLock<Vec<Succession>> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut rows: Vec<Succession> = SUCCESSORS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .map(|line| {
                let fields: Vec<&str> = line.split('\t').collect();
                let [row, before, after, extent] = fields[..] else {
                    panic!("catalogue/units/successors.tsv: four fields a row at {line}");
                };
                let code = |c: &str| -> u32 {
                    c.parse()
                        .expect("catalogue/units/successors.tsv: a numeric code")
                };
                Succession {
                    tier: match row {
                        "C" => Tier::Commune,
                        "D" => Tier::District,
                        _ => panic!("catalogue/units/successors.tsv: unknown row {row}"),
                    },
                    before: code(before),
                    after: code(after),
                    extent: match extent {
                        "whole" => Extent::Whole,
                        "part" => Extent::Part,
                        _ => panic!("catalogue/units/successors.tsv: unknown extent {extent}"),
                    },
                }
            })
            .collect();
        rows.sort_unstable_by_key(|s| (s.tier, s.before, s.after));
        rows
    })
}

/// The communes of the map after 1 July 2025 that `unit`, of the map
/// before, became part of, as the conversion table says: one when it went
/// whole, several when it was divided, none when the table does not have
/// it (a district with communes: each of them has its own).
pub(crate) fn successors(unit: &Unit) -> &'static [Succession] {
    let rows = successions();
    let first = rows.partition_point(|s| (s.tier, s.before) < (unit.tier, unit.code));
    let count = rows[first..]
        .iter()
        .take_while(|s| (s.tier, s.before) == (unit.tier, unit.code))
        .count();
    &rows[first..first + count]
}

/// The units of the map before that went, whole or in part, into the
/// commune `after` (its code on the map after).
pub(crate) fn predecessor_units(after: u32) -> Vec<&'static Unit> {
    successions()
        .iter()
        .filter(|s| s.after == after)
        .filter_map(|s| before().by_code(s.tier, s.before))
        .collect()
}

/// How many units of the map before went, whole or in part, into the
/// commune `after` (its code on the map after).
pub(crate) fn predecessors(after: u32) -> usize {
    successions().iter().filter(|s| s.after == after).count()
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
    /// The units of `tier`, in the list's order.
    pub(crate) fn units_of(&self, tier: Tier) -> impl Iterator<Item = &Unit> {
        self.units.iter().filter(move |u| u.tier == tier)
    }

    /// Whether `unit` is `area` or lies in it.
    pub(crate) fn lies_in(&self, unit: &Unit, area: &Unit) -> bool {
        let mut at = Some(unit);
        while let Some(u) = at {
            if u.tier == area.tier && u.code == area.code {
                return true;
            }
            at = self.parent(u);
        }
        false
    }

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

    /// The communes of the map after that `code` (a unit of `tier` on the
    /// map before) went into, with how much of it.
    fn became(tier: Tier, code: u32) -> Vec<(String, Extent)> {
        let unit = before().by_code(tier, code).unwrap();
        successors(unit)
            .iter()
            .map(|s| {
                let new = after().by_code(Tier::Commune, s.after).unwrap();
                (after().path(new), s.extent)
            })
            .collect()
    }

    fn whole(path: &str) -> Vec<(String, Extent)> {
        vec![(path.to_owned(), Extent::Whole)]
    }

    /// As the package's conversion table has them (`converter_2025.json`,
    /// `tinhhungyen`): thành phố Thái Bình's communes went whole into five
    /// phường of Hưng Yên.
    #[test]
    fn the_communes_of_thai_binh_city_and_what_they_became() {
        let vu_phuc = "phường Vũ Phúc, tỉnh Hưng Yên";
        assert_eq!(became(Tier::Commune, 12466), whole(vu_phuc));
        assert_eq!(became(Tier::Commune, 12448), whole(vu_phuc));
        let tra_ly = "phường Trà Lý, tỉnh Hưng Yên";
        for dong_hoa_hoang_dieu_dong_my_dong_tho in [12457, 12460, 12817, 12820] {
            assert_eq!(
                became(Tier::Commune, dong_hoa_hoang_dieu_dong_my_dong_tho),
                whole(tra_ly)
            );
        }
        assert_eq!(
            became(Tier::Commune, 12433),
            whole("phường Thái Bình, tỉnh Hưng Yên")
        );
        // Trần Lãm took five units of the city and xã Tây Sơn of Kiến Xương.
        assert_eq!(predecessors(12454), 6);
        // The city itself, a district, became nothing: the level ended.
        assert!(became(Tier::District, 336).is_empty());
    }

    #[test]
    fn a_divided_commune_has_each_part_and_an_island_district_its_dac_khu() {
        // Phường Cống Vị of Ba Đình, split between Ngọc Hà and Giảng Võ.
        assert_eq!(
            became(Tier::Commune, 7),
            [
                ("phường Ngọc Hà, thành phố Hà Nội".to_owned(), Extent::Part),
                ("phường Giảng Võ, thành phố Hà Nội".to_owned(), Extent::Part),
            ]
        );
        // Huyện Côn Đảo had no communes; it became đặc khu Côn Đảo.
        assert_eq!(
            became(Tier::District, 755),
            whole("đặc khu Côn Đảo, thành phố Hồ Chí Minh")
        );
    }

    /// The package's table gives both phường 4 the new communes of both
    /// (its source names them without their city); its own data, and the
    /// merger lookup it was built from, put each in its own city's phường.
    #[test]
    fn namesakes_of_two_old_districts_each_have_their_own_successor() {
        assert_eq!(
            became(Tier::Commune, 25462),
            whole("phường Tân Ninh, tỉnh Tây Ninh"),
            "phường 4 of thành phố Tây Ninh"
        );
        assert_eq!(
            became(Tier::Commune, 27691),
            whole("phường Long An, tỉnh Tây Ninh"),
            "phường 4 of thành phố Tân An"
        );
    }

    #[test]
    fn every_row_of_the_conversion_table_is_on_both_maps() {
        use std::collections::HashSet;
        let codes = |map: &Map| -> HashSet<(Tier, u32)> {
            map.units.iter().map(|u| (u.tier, u.code)).collect()
        };
        let (old, new) = (codes(before()), codes(after()));
        let rows = successions();
        for row in rows {
            assert!(old.contains(&(row.tier, row.before)), "{row:?}");
            assert!(new.contains(&(Tier::Commune, row.after)), "{row:?}");
        }
        // A unit went whole into one commune, or in part into several.
        for unit in before().units {
            let consistent = match successors(unit) {
                [one] => one.extent == Extent::Whole,
                parts => parts.iter().all(|p| p.extent == Extent::Part),
            };
            assert!(consistent, "{}", unit.name);
        }
        let mut communes: Vec<u32> = rows
            .iter()
            .filter(|r| r.tier == Tier::Commune)
            .map(|r| r.before)
            .collect();
        communes.dedup();
        // The rest are not on the package's list (see the file's header).
        assert_eq!(communes.len(), 10032);
    }
}
