//! `document.jurisdiction` checked against the General Statistics Office's
//! units of the plan's time (XH017), in English and Vietnamese.

use crate::common::{finding_codes, run};

const MISSPELT: &str = "tests/fixtures/jurisdiction/misspelt-commune.yaml";
const SHARED_NAME: &str = "tests/fixtures/jurisdiction/shared-name.yaml";
const OLD_DISTRICT: &str = "tests/fixtures/jurisdiction/old-district-new-plan.yaml";
const OLD_COMMUNE_NEW_PROVINCE: &str = "tests/fixtures/jurisdiction/old-commune-new-province.yaml";

fn validate(args: &[&str]) -> (Option<i32>, String) {
    let out = run(&[&["validate"], args].concat());
    (
        out.status.code(),
        String::from_utf8(out.stdout).expect("UTF-8"),
    )
}

#[test]
fn a_misspelt_commune_gets_a_did_you_mean_in_english_and_vietnamese() {
    let (code, en) = validate(&[MISSPELT]);
    // A warning: the run passes unless `--fail-on warning`.
    assert_eq!(code, Some(0), "{en}");
    assert!(
        en.contains("help: did you mean `xã Vũ Phúc, thành phố Thái Bình, tỉnh Thái Bình`?"),
        "{en}"
    );
    insta::assert_snapshot!("misspelt-commune-en", en);
    let (_, vi) = validate(&[MISSPELT, "--lang", "vi"]);
    assert!(
        vi.contains("gợi ý: có phải là `xã Vũ Phúc, thành phố Thái Bình, tỉnh Thái Bình`?"),
        "{vi}"
    );
    insta::assert_snapshot!("misspelt-commune-vi", vi);
    let (code, _) = validate(&[MISSPELT, "--fail-on", "warning"]);
    assert_eq!(code, Some(1));
}

#[test]
fn a_name_of_several_provinces_is_reported_not_guessed() {
    let (_, en) = validate(&[SHARED_NAME]);
    assert!(
        en.contains("warning[XH017]: xã Tân Phú names units in more than one province:"),
        "{en}"
    );
    assert!(
        en.contains("xã Tân Phú, huyện Tam Bình, tỉnh Vĩnh Long"),
        "{en}"
    );
    assert!(en.contains("set `document.province`"), "{en}");
    let (_, vi) = validate(&[SHARED_NAME, "--lang", "vi"]);
    assert!(
        vi.contains("cảnh báo[XH017]: xã Tân Phú trùng tên với đơn vị hành chính ở nhiều tỉnh:"),
        "{vi}"
    );
    // The province, in the plan or after a comma, settles it.
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(crate::common::root().join(SHARED_NAME)).unwrap();
    for (from, to) in [
        (
            "  jurisdiction: xã Tân Phú\n",
            "  jurisdiction: xã Tân Phú\n  province: vinh-long\n",
        ),
        (
            "  jurisdiction: xã Tân Phú\n",
            "  jurisdiction: xã Tân Phú, tỉnh Vĩnh Long\n",
        ),
    ] {
        let path = dir.path().join("plan.yaml");
        std::fs::write(&path, text.replace(from, to)).unwrap();
        let out = run(&["validate", "--format", "json", path.to_str().unwrap()]);
        assert!(finding_codes(&out).is_empty(), "{to}: {out:?}");
    }
}

#[test]
fn a_unit_of_the_old_map_in_a_new_plan_names_what_it_became() {
    let (_, en) = validate(&[OLD_DISTRICT]);
    assert!(
        en.contains("note: the district level ended on 1 July 2025"),
        "{en}"
    );
    assert!(
        en.contains("note: huyện Cát Hải, thành phố Hải Phòng is a unit of the map before 1 July 2025; on 1 July 2025 it became đặc khu Cát Hải, thành phố Hải Phòng"),
        "{en}"
    );
    let (_, vi) = validate(&[OLD_DISTRICT, "--lang", "vi"]);
    assert!(
        vi.contains("từ ngày 01/7/2025 trở thành đặc khu Cát Hải, thành phố Hải Phòng"),
        "{vi}"
    );
}

/// A plan of 2026 for an old commune of Thái Bình that gives the province
/// Thái Bình merged into, `hung-yen`: the commune is looked for in the
/// provinces `hung-yen` was formed from, as with `thai-binh` itself.
#[test]
fn an_old_commune_under_its_merged_province_names_what_it_became() {
    let (code, en) = validate(&[OLD_COMMUNE_NEW_PROVINCE]);
    assert_eq!(code, Some(0), "{en}");
    assert!(
        en.contains(
            "note: xã Vũ Chính, thành phố Thái Bình, tỉnh Thái Bình is a unit of the map before \
             1 July 2025; on 1 July 2025 it became part of phường Trần Lãm, tỉnh Hưng Yên"
        ),
        "{en}"
    );
    // Not a typo of a commune of Hưng Yên (xã Vũ Tiên): the commune it became.
    assert!(!en.contains("did you mean"), "{en}");
    assert!(
        en.contains(
            "help: name the plan's unit as on the list from 1 July 2025: \
             `phường Trần Lãm, tỉnh Hưng Yên`"
        ),
        "{en}"
    );
    insta::assert_snapshot!("old-commune-new-province-en", en);
    let (_, vi) = validate(&[OLD_COMMUNE_NEW_PROVINCE, "--lang", "vi"]);
    assert!(
        vi.contains("từ ngày 01/7/2025 được sắp xếp vào phường Trần Lãm, tỉnh Hưng Yên"),
        "{vi}"
    );
    assert!(!vi.contains("có phải là"), "{vi}");
    insta::assert_snapshot!("old-commune-new-province-vi", vi);
}

#[test]
fn every_bundled_plan_and_seed_jurisdiction_resolves() {
    let out = run(&["validate", "--format", "json", "plans/"]);
    let codes = finding_codes(&out);
    assert!(
        !codes.is_empty(),
        "the bundled plans have findings of other rules"
    );
    assert!(!codes.iter().any(|c| c == "XH017"), "{codes:?}");
}
