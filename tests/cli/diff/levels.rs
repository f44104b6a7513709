//! Which national figure binds which row, and how: a yearly figure binds
//! every milestone, a regional one the region's provinces, levels are
//! cumulative, shares of districts or provinces are answered by committing,
//! a commune is held only to what binds a commune, and a plan's reason for
//! leaving a figure out must say something.

use serde_json::Value;

use crate::common::run as xhht;

use super::{diff_json, findings, mutated, row};

#[test]
fn a_yearly_national_figure_binds_every_milestone() {
    // 89: "about 50% of pupils and students learn life skills" each year;
    // Vĩnh Long asks 30% for 2015.
    let json = diff_json(&["plans/vinh-long-2012-2020.yaml"]);
    let held = row(&json, "de-an-89", "life_skills.students", 2015)
        .into_iter()
        .find(|r| r["scheme_target"] == "life_skills.students.2020")
        .expect("the yearly 2020 figure is held against 2015");
    assert_eq!(held["status"], "shortfall");
    assert_eq!(held["plan_target"], "life-skills-students-2015");
    let finding = findings(&json)
        .find(|f| f["code"] == "XH102" && f["subject"] == "life_skills.students 2015")
        .unwrap();
    // The figure is disputed: said, not failed.
    assert_eq!(finding["severity"], "info");
}

#[test]
fn regional_figures_bind_the_provinces_of_the_region() {
    let json = diff_json(&["tests/fixtures/diff/gia-lai-2016-2020.yaml"]);
    let literacy = row(&json, "de-an-89", "literacy.rate.age_15_60", 2020);
    let regional = literacy
        .iter()
        .find(|r| r["condition"] == "region_tb_tn_tnb")
        .unwrap();
    // Gia Lai is in Tây Nguyên under every reading: 92% against the region's 94%.
    assert_eq!(regional["status"], "shortfall", "{regional:#?}");
    let national = literacy.iter().find(|r| r["condition"].is_null()).unwrap();
    assert_eq!(national["status"], "not_applicable");
    assert!(
        national["reason"]
            .as_str()
            .unwrap()
            .contains("regional figure")
    );
    let finding = findings(&json)
        .find(|f| {
            f["code"] == "XH102"
                && f["subject"] == "literacy.rate.age_15_60 2020"
                && f["reference"]
                    .as_str()
                    .unwrap()
                    .contains("region_tb_tn_tnb")
        })
        .unwrap();
    assert_eq!(finding["severity"], "error", "94% is verified (derived)");

    // Thanh Hóa lies only partly in the Tây Bắc area: never met, never a gap.
    let (_dir, path) = mutated(
        "tests/fixtures/diff/gia-lai-2016-2020.yaml",
        "jurisdiction: \"tỉnh Gia Lai\"",
        "jurisdiction: \"tỉnh Thanh Hóa\"",
    );
    let json = diff_json(&[&path]);
    for r in row(&json, "de-an-89", "literacy.rate.age_15_60", 2020) {
        // Neither figure is settled: the regional one may be Thanh Hóa's.
        assert_eq!(r["status"], "not_comparable", "{r:#?}");
        assert!(
            r["reason"].as_str().unwrap().contains("các huyện phía tây"),
            "{r:#?}"
        );
    }
    assert!(!findings(&json).any(|f| f["subject"] == "literacy.rate.age_15_60 2020"));
}

#[test]
fn thai_binh_levels_are_cumulative_and_district_shares_are_compared() {
    let json = diff_json(&["plans/thai-binh-2021-2030.yaml"]);
    let errors: Vec<&Value> = findings(&json)
        .filter(|f| f["severity"] == "error")
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // "100% huyện … THCS mức độ 3" answers 1373's level-2 target.
    let l2 = row(&json, "de-an-1373", "universal_ed.lower_secondary", 2025)
        .into_iter()
        .find(|r| r["level"] == 2)
        .unwrap();
    assert_eq!(l2["status"], "meets");
    assert_eq!(l2["plan_target"], "lower-sec-l3-2025");
    assert!(
        l2["basis"]
            .as_str()
            .unwrap()
            .contains("level 3 includes level 2")
    );
    // 100% of districts at literacy level 2: the province is recognised (Nghị định 20/2014, Điều 21).
    for year in [2025, 2030] {
        let lit = row(&json, "de-an-1373", "literacy.standard", year);
        assert_eq!(lit[0]["status"], "meets", "{lit:#?}");
        assert!(
            lit[0]["basis"]
                .as_str()
                .unwrap()
                .contains("100% of its districts")
        );
    }
    // No threshold on record for tiểu học mức độ 3: said, not guessed.
    let primary = row(&json, "de-an-1373", "universal_ed.primary", 2025);
    assert_eq!(primary[0]["status"], "not_comparable");
    assert!(
        primary[0]["reason"]
            .as_str()
            .unwrap()
            .contains("not on record")
    );

    // Lowered to level 1, the plan falls short of the level-2 target.
    let (_dir, path) = mutated(
        "plans/thai-binh-2021-2030.yaml",
        "  - id: lower-sec-l3-2025\n    indicator: universal_ed.lower_secondary\n    level: 3",
        "  - id: lower-sec-l3-2025\n    indicator: universal_ed.lower_secondary\n    level: 1",
    );
    let json = diff_json(&[&path]);
    let errors: Vec<&Value> = findings(&json)
        .filter(|f| f["severity"] == "error")
        .collect();
    assert!(
        errors
            .iter()
            .any(|f| f["subject"] == "universal_ed.lower_secondary (level 2) 2025"),
        "{errors:#?}"
    );
}

#[test]
fn a_province_answers_a_share_of_provinces_by_committing_itself() {
    let json = diff_json(&["plans/thai-binh-2021-2030.yaml"]);
    // 1373 (§13): 35% of provinces recognised as learning provinces by 2030.
    let province = row(&json, "de-an-1373", "model.learning_province", 2030);
    assert_eq!(province[0]["status"], "meets", "{province:#?}");
    assert_eq!(province[0]["certainty"], "single_source");
    // 1373 (§13): 60% learning citizens by 2030, against Thái Bình's 80%.
    let citizens = row(&json, "de-an-1373", "model.learning_citizen", 2030);
    assert_eq!(citizens[0]["status"], "exceeds");
    // Not committing to a standard only some provinces must reach is said as such.
    let (_dir, path) = mutated(
        "plans/thai-binh-2021-2030.yaml",
        "    value: {point: 100}\n    year: 2030\n    quote: \"Tỉnh Thái Bình được công nhận",
        "    value: {point: 0}\n    year: 2030\n    quote: \"Tỉnh Thái Bình được công nhận",
    );
    let json = diff_json(&[&path]);
    let province = row(&json, "de-an-1373", "model.learning_province", 2030);
    assert_eq!(province[0]["status"], "not_committed");
    assert!(province[0]["reason"].as_str().unwrap().contains("35%"));
}

#[test]
fn a_commune_is_held_only_to_what_binds_a_commune() {
    let plan = "tests/fixtures/diff/commune-2026-2030.yaml";
    let json = diff_json(&[plan]);
    let gaps: Vec<&Value> = findings(&json).filter(|f| f["code"] == "XH101").collect();
    assert!(gaps.is_empty(), "{gaps:#?}");
    let digital = row(&json, "de-an-1373", "institution.digital_university", 2030);
    assert_eq!(digital[0]["status"], "not_applicable");
    assert!(digital[0]["reason"].as_str().unwrap().contains("commune"));
    // Recorded by the plan, with its reason, as a visible row.
    let recorded = row(&json, "de-an-1373", "competency.information_literacy", 2030);
    assert_eq!(recorded[0]["status"], "not_applicable");
    assert!(
        recorded[0]["reason"]
            .as_str()
            .unwrap()
            .contains("năng lực thông tin")
    );
    let out = xhht(&["diff", plan]);
    assert_eq!(out.status.code(), Some(0));

    // Leaving out learning citizens, which do bind a commune, is a gap.
    let (_dir, path) = mutated(
        plan,
        "indicator: model.learning_citizen",
        "indicator: model.learning_family",
    );
    let json = diff_json(&[&path]);
    let gap = findings(&json)
        .find(|f| f["code"] == "XH101" && f["subject"] == "model.learning_citizen 2030")
        .expect("a gap for learning citizens");
    assert_eq!(gap["severity"], "error");
    assert!(
        gap["location"]["file"]
            .as_str()
            .unwrap()
            .ends_with("commune-2026-2030.yaml")
    );
}

#[test]
fn a_conversion_on_thin_facts_is_no_error() {
    // 90% of districts at THCS level 3: the level-3 threshold (100%) is one
    // page's, and no page gives the level-2 threshold.
    let (_dir, path) = mutated(
        "plans/thai-binh-2021-2030.yaml",
        "  - id: lower-sec-l3-2025\n    indicator: universal_ed.lower_secondary\n    level: 3\n    unit: percent\n    population: districts\n    value: {point: 100}",
        "  - id: lower-sec-l3-2025\n    indicator: universal_ed.lower_secondary\n    level: 3\n    unit: percent\n    population: districts\n    value: {point: 90}",
    );
    let json = diff_json(&[&path]);
    assert!(!findings(&json).any(|f| f["severity"] == "error"));
    let levels = row(&json, "de-an-1373", "universal_ed.lower_secondary", 2025);
    let l2 = levels.iter().find(|r| r["level"] == 2).unwrap();
    assert_eq!(l2["status"], "not_comparable", "{l2:#?}");
    assert!(l2["reason"].as_str().unwrap().contains("level 2"));
    let l3 = levels.iter().find(|r| r["level"] == 3).unwrap();
    assert_eq!(l3["status"], "not_committed");
    assert!(l3["difference"].is_null(), "shares of different things");
}

#[test]
fn saying_nothing_about_a_share_of_provinces_is_not_committing() {
    let (_dir, path) = mutated(
        "plans/thai-binh-2021-2030.yaml",
        "  - id: lower-sec-l3-2025\n    indicator: universal_ed.lower_secondary\n    level: 3",
        "  - id: lower-sec-l3-2025\n    indicator: universal_ed.upper_secondary_vocational\n    level: 3",
    );
    let text = std::fs::read_to_string(&path).unwrap().replacen(
        "    restates: [{plan: de-an-1373, item: universal_ed.lower_secondary.l3.2025}]\n",
        "",
        1,
    );
    std::fs::write(&path, text).unwrap();
    let json = diff_json(&[&path]);
    let l3 = row(&json, "de-an-1373", "universal_ed.lower_secondary", 2025)
        .into_iter()
        .find(|r| r["level"] == 3)
        .unwrap();
    assert_eq!(l3["status"], "not_committed", "{l3:#?}");
    assert!(
        !findings(&json).any(|f| f["code"] == "XH101"
            && f["subject"] == "universal_ed.lower_secondary (level 3) 2025")
    );
}

#[test]
fn a_blank_reason_is_no_reason() {
    for blank in ["\"\"", "\"   \"", "\"\\u200b\""] {
        let (_dir, path) = mutated(
            "tests/fixtures/diff/commune-2026-2030.yaml",
            "    reason: \"Xã chưa có số liệu nền về năng lực thông tin; chỉ tiêu sẽ bổ sung khi tỉnh ban hành bộ tiêu chí\"",
            &format!("    reason: {blank}"),
        );
        let json = diff_json(&[&path]);
        assert!(
            findings(&json)
                .any(|f| f["code"] == "XH101"
                    && f["subject"] == "competency.information_literacy 2030"),
            "{blank}"
        );
        let out = xhht(&["validate", &path]);
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("XH003"),
            "{blank}"
        );
    }
}
