//! The agency registry resolves the spellings the seed plans actually use,
//! and holds every ministry the national reference names.

use unicode_normalization::UnicodeNormalization;
use xhht::model::Level::{self, *};
use xhht::registry::Registry;

fn id_of(name: &str, level: Level) -> Option<&'static str> {
    Registry::embedded()
        .find(name, Some(level))
        .map(|b| b.id.as_str())
}

#[test]
fn seed_spellings_resolve() {
    let cases: &[(&str, Level, &str)] = &[
        // seed 000 Vĩnh Long (old tone placement, "Uỷ", "Văn hoá")
        ("Uỷ ban nhân dân tỉnh Vĩnh Long", Province, "ubnd-tinh"),
        ("UBND các huyện, thị xã, thành phố", District, "ubnd-huyen"),
        ("Sở Văn hoá, Thể thao và Du lịch", Province, "so-vhttdl"),
        ("Sở Lao động - Thương binh và Xã hội", Province, "so-ldtbxh"),
        (
            "Uỷ ban Mặt trận Tổ quốc Việt Nam tỉnh",
            Province,
            "mttq-tinh",
        ),
        (
            "Ban Chỉ đạo quốc gia xây dựng xã hội học tập",
            National,
            "bcd-xhht-qg",
        ),
        ("BCĐQG", National, "bcd-xhht-qg"),
        // seed 001 Bình Dương
        ("Sở GDĐT", Province, "so-gddt"),
        ("Sở Tài Chính", Province, "so-tai-chinh"),
        ("Đài PTTH Bình Dương", Province, "dai-ptth-tinh"),
        ("Tỉnh Đoàn", Province, "tinh-doan"),
        ("Hội Khuyến học tỉnh", Province, "hoi-kh-tinh"),
        // seed 002 Thái Bình
        ("Bộ Giáo dục và Đào tạo", National, "bo-gddt"),
        (
            "Bộ Chỉ huy Bộ đội Biên phòng tỉnh",
            Province,
            "bo-chbdbp-tinh",
        ),
        ("Công an tỉnh", Province, "cong-an-tinh"),
        ("Liên đoàn Lao động tỉnh", Province, "ldld-tinh"),
        ("Sở Nội vụ", Province, "so-noi-vu"),
        // seed 003 Ninh Thuận (no spaces around the hyphen)
        ("Sở Lao động-Thương binh và Xã hội", Province, "so-ldtbxh"),
        ("Sở Thông tin và Truyền thông", Province, "so-tttt"),
        // seed 004 Cát Hải (district offices)
        ("Phòng Giáo dục và Đào tạo", District, "phong-gddt"),
        (
            "Phòng Lao động-Thương binh và Xã hội",
            District,
            "phong-ldtbxh",
        ),
        ("Phòng Tài chính-Kế hoạch", District, "phong-tckh"),
        ("Hội Khuyến học huyện", District, "hoi-kh-huyen"),
        ("Liên đoàn Lao động huyện", District, "ldld-huyen"),
        ("Ủy ban nhân dân các xã, thị trấn", Commune, "ubnd-xa"),
        // abbreviations from the reference
        ("Sở GD&ĐT", Province, "so-gddt"),
        ("Bộ GD-ĐT", National, "bo-gddt"),
        ("BGDĐT", National, "bo-gddt"),
    ];
    let mut wrong = Vec::new();
    for (name, level, want) in cases {
        let nfd: String = name.nfd().collect();
        for spelling in [name.to_string(), nfd, name.to_uppercase()] {
            let got = id_of(&spelling, *level);
            if got != Some(want) {
                wrong.push(format!(
                    "{spelling:?} at {level:?}: got {got:?}, want {want}"
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_ministry_in_the_reference_is_registered_with_its_department() {
    let registry = Registry::embedded();
    // ../shared/reference/national-schemes.md §8, first column.
    let ministries = [
        "Bộ Giáo dục và Đào tạo",
        "Bộ Lao động - Thương binh và Xã hội",
        "Bộ Văn hóa, Thể thao và Du lịch",
        "Bộ Thông tin và Truyền thông",
        "Bộ Nội vụ",
        "Bộ Tài chính",
        "Bộ Kế hoạch và Đầu tư",
        "Bộ Y tế",
    ];
    for name in ministries {
        let body = registry
            .find(name, Some(National))
            .unwrap_or_else(|| panic!("{name} is not registered"));
        assert!(
            !registry.counterparts(&body.id, Province).is_empty(),
            "{name} has no provincial department"
        );
        assert!(
            !registry.counterparts(&body.id, District).is_empty(),
            "{name} has no district office"
        );
    }
}

#[test]
fn education_cascades_from_ministry_to_district() {
    let r = Registry::embedded();
    let province: Vec<&str> = r
        .counterparts("bo-gddt", Province)
        .iter()
        .map(|b| b.id.as_str())
        .collect();
    assert_eq!(province, ["so-gddt"]);
    let district: Vec<&str> = r
        .counterparts("bo-gddt", District)
        .iter()
        .map(|b| b.id.as_str())
        .collect();
    assert_eq!(district, ["phong-gddt"]);
}

#[test]
fn the_2025_mergers_have_successors() {
    let r = Registry::embedded();
    assert_eq!(
        r.get("bo-ldtbxh").unwrap().successor.as_deref(),
        Some("bo-noi-vu")
    );
    assert_eq!(
        r.get("bo-tttt").unwrap().successor.as_deref(),
        Some("bo-khcn")
    );
    assert_eq!(
        r.get("bo-khdt").unwrap().successor.as_deref(),
        Some("bo-tai-chinh")
    );
}

#[test]
fn d_with_stroke_folds_to_d() {
    // "Đ" has no decomposition: "Đoàn" must not collapse onto a body spelt "Doan…".
    assert_eq!(xhht::text::fold("Đoàn"), "doan");
    assert_eq!(id_of("Huyện đoàn Cát Hải", District), Some("huyen-doan"));
}
