//! `xhht diff` row by row against statuses written by hand from the seed
//! texts and the national reference (../shared/reference/national-schemes.md
//! §9), not from the tool's own output.

use serde_json::Value;

use crate::common::{root, run as xhht};

fn diff_json(args: &[&str]) -> Value {
    let mut all = vec!["diff", "--format", "json"];
    all.extend_from_slice(args);
    let out = xhht(&all);
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)))
}

/// Each row as (the plan's target id, or the scheme's for an unpaired scheme
/// row) → status.
fn statuses(json: &Value, against: &str) -> Vec<(String, String)> {
    let comparison = json["comparisons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["against"] == against)
        .unwrap_or_else(|| panic!("no comparison against {against}"));
    let mut rows: Vec<(String, String)> = comparison["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let key = r["plan_target"]
                .as_str()
                .or(r["scheme_target"].as_str())
                .unwrap()
                .to_owned();
            (key, r["status"].as_str().unwrap().to_owned())
        })
        .collect();
    rows.sort();
    rows
}

fn expect(rows: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut rows: Vec<(String, String)> = rows
        .iter()
        .map(|(k, s)| (k.to_string(), s.to_string()))
        .collect();
    rows.sort();
    rows
}

#[test]
fn cat_hai_against_89() {
    let json = diff_json(&["plans/cat-hai-2020.yaml"]);
    let want = expect(&[
        // "Trên 55% … bậc 2 và 30% có trình độ bậc 03" vs 40% / 20%
        ("officials-fl-l2", "exceeds"),
        ("officials-fl-l3", "exceeds"),
        ("officials-it", "meets"),
        // 89 gives no 2020 figure for workers' IT/FL
        ("workers-it-fl", "no_national_figure"),
        ("life-skills-participation", "local_only"),
        // 89% vs "about 50%" (disputed)
        ("life-skills-students", "exceeds"),
        ("newly-literate-continuing", "exceeds"),
        // 89's priority-groups target is for 2015 only
        ("literacy-priority-groups", "local_only"),
        ("literacy-15-35", "exceeds"),
        ("literacy-15-60", "exceeds"),
        // regional figures bind provinces of the three regions; Hải Phòng is in none
        (
            "literacy.rate.age_15_35.region_tb_tn_tnb.2020",
            "not_applicable",
        ),
        (
            "literacy.rate.age_15_60.region_tb_tn_tnb.2020",
            "not_applicable",
        ),
        ("literacy-standard-l2", "local_only"),
        // 85% of workers with upper-secondary schooling vs 90%
        ("workers-upper-secondary", "shortfall"),
        ("district-officials-trained", "meets"),
        ("commune-compulsory-training", "exceeds"),
        ("commune-leadership-training", "meets"),
        ("commune-professional-standard", "exceeds"),
        ("district-compulsory-training", "meets"),
        ("district-leaders-trained", "meets"),
        ("rural-labour-upskilling", "meets"),
        ("workers-highly-skilled", "local_only"),
        ("workers-vocational", "meets"),
        ("lower-secondary-l3", "meets"),
        // communes locally, districts nationally
        ("primary-l3", "not_comparable"),
        ("preschool-5yo", "no_national_figure"),
        ("upper-secondary-vocational", "local_only"),
    ]);
    assert_eq!(statuses(&json, "de-an-89"), want);
}

#[test]
fn cat_hai_shortfall_is_sure_and_its_parent_is_missing() {
    let json = diff_json(&["plans/cat-hai-2020.yaml"]);
    let findings = json["findings"].as_array().unwrap();
    let shortfall = findings.iter().find(|f| f["code"] == "XH102").unwrap();
    assert_eq!(
        shortfall["severity"], "error",
        "89's 90% is an English summary, corroborated by VNA, stu.edu.vn and Vĩnh Long's plan"
    );
    assert!(
        shortfall["location"]["file"]
            .as_str()
            .unwrap()
            .ends_with("plans/cat-hai-2020.yaml")
    );
    // VNA (English and French: one publisher), stu.edu.vn and Vĩnh Long's plan.
    let row = rows(&json, "de-an-89")
        .into_iter()
        .find(|r| r["plan_target"] == "workers-upper-secondary")
        .unwrap();
    assert_eq!(row["publishers"], 3);
    let parent = findings.iter().find(|f| f["code"] == "XH103").unwrap();
    assert!(parent["message"].as_str().unwrap().contains("300/KH-UBND"));
    // No 2015 milestone applies to a plan covering 2020 only.
    let rows = &json["comparisons"][0]["targets"];
    assert!(rows.as_array().unwrap().iter().all(|r| r["year"] == 2020));
}

#[test]
fn raising_cat_hai_85_to_95_turns_the_shortfall_into_exceeds() {
    let dir = tempfile::tempdir().unwrap();
    let original = std::fs::read_to_string(root().join("plans/cat-hai-2020.yaml")).unwrap();
    let needle = "    value: {point: 85}\n    year: 2020\n    restates: [{plan: de-an-89, item: professional.iz_workers.general_education.2020}]";
    assert!(original.contains(needle));
    let mutated = original.replace(needle, &needle.replace("{point: 85}", "{point: 95}"));
    let path = dir.path().join("cat-hai-2020.yaml");
    std::fs::write(&path, mutated).unwrap();
    let json = diff_json(&[path.to_str().unwrap()]);
    let rows = statuses(&json, "de-an-89");
    assert!(
        rows.contains(&("workers-upper-secondary".into(), "exceeds".into())),
        "{rows:?}"
    );
    assert!(!findings(&json).any(|f| f["code"] == "XH102"));
}

#[test]
fn binh_duong_against_281() {
    let json = diff_json(&["plans/binh-duong-2014-2020.yaml"]);
    let want = expect(&[
        ("model.association_members_trained.2020", "meets"),
        ("model.learning_family.2020", "meets"),
        // "Dòng họ học tập" 30%-50%: the lower end is below 281's 50%
        ("model.learning_clan.2020", "shortfall"),
        ("model.learning_community.2020", "meets"),
        ("model.learning_community.disadvantaged_areas.2020", "meets"),
        ("model.learning_unit.2020", "meets"),
        // 281's rates for families and clans in disadvantaged areas have no local figure
        ("model.learning_family.disadvantaged_areas.2020", "gap"),
        ("model.learning_clan.disadvantaged_areas.2020", "gap"),
    ]);
    assert_eq!(statuses(&json, "de-an-281"), want);
    let gaps: Vec<&Value> = findings(&json).filter(|f| f["code"] == "XH101").collect();
    assert_eq!(gaps.len(), 2);
    for gap in gaps {
        // In the file the user has: the plan's link to the scheme.
        assert!(
            gap["location"]["file"]
                .as_str()
                .unwrap()
                .ends_with("plans/binh-duong-2014-2020.yaml")
        );
        assert_eq!(gap["field"], "links.implements[0].plan");
        let related = &gap["related"][0]["location"]["file"];
        assert!(
            related
                .as_str()
                .unwrap()
                .ends_with("plans/national/de-an-281.yaml")
        );
        assert_eq!(gap["severity"], "error", "281's figures are verified");
    }
}

#[test]
fn a_scheme_with_nothing_on_record_never_passes_clean() {
    let out = xhht(&["diff", "plans/ninh-thuan-1960-2020.toml"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("XH104"), "{text}");
    assert!(text.contains("this is not a pass"), "{text}");
}

#[test]
fn json_carries_the_same_rows_as_the_table() {
    let json = diff_json(&["plans/thai-binh-2021-2030.yaml"]);
    let table =
        String::from_utf8(xhht(&["diff", "plans/thai-binh-2021-2030.yaml"]).stdout).unwrap();
    let rows = json["comparisons"][0]["targets"].as_array().unwrap();
    let table_rows = table
        .lines()
        .filter(|l| l.starts_with("│ ") && l.contains("┆ 20"))
        .count();
    assert_eq!(rows.len(), table_rows);
}

#[test]
fn against_overrides_the_chain() {
    let json = diff_json(&["plans/cat-hai-2020.yaml", "--against", "de-an-1373"]);
    let comparisons = json["comparisons"].as_array().unwrap();
    assert_eq!(comparisons.len(), 1);
    assert_eq!(comparisons[0]["against"], "de-an-1373");
    assert_eq!(comparisons[0]["relation"], "chosen");
    let out = xhht(&["diff", "plans/cat-hai-2020.yaml", "--against", "de-an-98"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `de-an-89`"));
}

#[test]
fn a_parent_marked_available_but_missing_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let original = std::fs::read_to_string(root().join("plans/cat-hai-2020.yaml")).unwrap();
    let mutated = original.replace("available: false", "available: true");
    assert_ne!(original, mutated);
    let path = dir.path().join("cat-hai.yaml");
    std::fs::write(&path, mutated).unwrap();
    let out = xhht(&["diff", "--format", "json", path.to_str().unwrap()]);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(findings(&json).any(|f| f["code"] == "XH105" && f["severity"] == "error"));
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_loop_of_parents_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let plan = |id: &str, parent: &str| {
        format!(
            "document:\n  id: {id}\n  title: Kế hoạch {id}\n  kind: plan\n  issuer: UBND\n  level: district\n  jurisdiction: huyện {id}\n  period: {{start: 2020, end: 2020}}\nlinks:\n  parent: {{plan: {parent}, number: \"1/KH-UBND\"}}\n"
        )
    };
    std::fs::write(dir.path().join("a.yaml"), plan("a", "b")).unwrap();
    std::fs::write(dir.path().join("b.yaml"), plan("b", "a")).unwrap();
    let a = dir.path().join("a.yaml");
    let out = xhht(&["diff", "--format", "json", a.to_str().unwrap()]);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let finding = findings(&json)
        .find(|f| f["code"] == "XH105")
        .expect("a loop finding");
    assert!(
        finding["message"].as_str().unwrap().contains("a → b → a"),
        "{finding}"
    );
}

#[test]
fn a_local_deadline_later_than_the_schemes_is_a_conflict() {
    // 281 has provinces report before 15/12 each year; this plan says 20/12.
    let dir = tempfile::tempdir().unwrap();
    let plan = "document:\n  id: tinh-thu\n  title: Kế hoạch thực hiện Đề án 281\n  kind: plan\n  issuer: UBND tỉnh Thử\n  level: province\n  jurisdiction: tỉnh Thử\n  period: {start: 2016, end: 2020}\nlinks:\n  implements: [{plan: de-an-281, number: \"281/QĐ-TTg\"}]\nagencies:\n  - {id: so-gddt, name: Sở Giáo dục và Đào tạo, kind: department, level: province}\ntasks:\n  - id: bao-cao\n    title: Báo cáo kết quả hằng năm\n    leads: [so-gddt]\n    function: reporting\n    deadline: {wording: \"trước ngày 20 tháng 12 hằng năm\", due: {yearly: {month: 12, day: 20}}}\n";
    let path = dir.path().join("tinh-thu.yaml");
    std::fs::write(&path, plan).unwrap();
    let json = diff_json(&[path.to_str().unwrap()]);
    let conflict = findings(&json)
        .find(|f| f["code"] == "XH120")
        .expect("a deadline conflict");
    assert_eq!(conflict["expected"], "15/12 every year");
    // "trước ngày 20": due the day before.
    assert_eq!(conflict["actual"], "19/12 every year");
    assert_eq!(conflict["location"]["line"], 18);
    let earlier = std::fs::read_to_string(&path)
        .unwrap()
        .replace("day: 20", "day: 10")
        .replace("ngày 20", "ngày 10");
    std::fs::write(&path, earlier).unwrap();
    let json = diff_json(&[path.to_str().unwrap()]);
    assert!(!findings(&json).any(|f| f["code"] == "XH120"));
}

fn findings(json: &Value) -> std::slice::Iter<'_, Value> {
    json["findings"].as_array().unwrap().iter()
}

/// Rows of one comparison as JSON values.
fn rows<'a>(json: &'a Value, against: &str) -> Vec<&'a Value> {
    json["comparisons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["against"] == against)
        .unwrap_or_else(|| panic!("no comparison against {against}"))["targets"]
        .as_array()
        .unwrap()
        .iter()
        .collect()
}

fn row<'a>(json: &'a Value, against: &str, indicator: &str, year: u64) -> Vec<&'a Value> {
    rows(json, against)
        .into_iter()
        .filter(|r| r["indicator"] == indicator && r["year"] == year)
        .collect()
}

fn mutated(plan: &str, from: &str, to: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let original = std::fs::read_to_string(root().join(plan)).unwrap();
    assert!(original.contains(from), "{plan} has no {from:?}");
    let path = dir
        .path()
        .join(std::path::Path::new(plan).file_name().unwrap());
    std::fs::write(&path, original.replacen(from, to, 1)).unwrap();
    let path = path.to_str().unwrap().to_owned();
    (dir, path)
}

#[test]
fn vinh_long_is_never_met_by_its_own_figures() {
    let json = diff_json(&["plans/vinh-long-2012-2020.yaml"]);
    let own: Vec<&Value> = rows(&json, "de-an-89")
        .into_iter()
        .filter(|r| r["status"] == "own_figure")
        .collect();
    // Every 89 figure whose only source of the value is seed 000 (Vĩnh Long's
    // own plan), including four whose wording alone a Bến Tre page echoes.
    assert_eq!(own.len(), 17, "{own:#?}");
    for r in &own {
        assert_eq!(r["verification"], "verified-local");
        assert_eq!(r["certainty"], "own_figure");
    }
    // 89's 20% of officials at foreign-language level 2 by 2015 rests on seed 000 alone.
    let fl = row(&json, "de-an-89", "it_fl.officials_foreign_language", 2015);
    assert!(fl.iter().all(|r| r["status"] == "own_figure"), "{fl:#?}");
    let table =
        String::from_utf8(xhht(&["diff", "plans/vinh-long-2012-2020.yaml"]).stdout).unwrap();
    assert!(
        table.contains("17 rows rest on national figures read from this plan itself"),
        "{table}"
    );
    assert!(table.contains("rests on this plan's own figure"));
}

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
fn cat_hai_report_fails_on_its_sure_shortfall() {
    let out = xhht(&["report", "plans/cat-hai-2020.yaml", "--as-of", "2020-01-04"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
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
fn a_range_shows_both_ends() {
    let json = diff_json(&["plans/binh-duong-2014-2020.yaml"]);
    let clan = rows(&json, "de-an-281")
        .into_iter()
        .find(|r| r["plan_target"] == "model.learning_clan.2020")
        .unwrap();
    assert_eq!(clan["difference"], -20.0);
    assert_eq!(clan["difference_upper"], 0.0);
    let table =
        String::from_utf8(xhht(&["diff", "plans/binh-duong-2014-2020.yaml"]).stdout).unwrap();
    assert!(table.contains("-20 / +0"), "{table}");
    assert!(table.contains("the lower end (30) falls short by 20, the upper end (50) meets it"));
}

#[test]
fn a_scheme_of_another_period_is_not_a_clean_result() {
    let out = xhht(&[
        "diff",
        "--format",
        "json",
        "plans/thai-binh-2021-2030.yaml",
        "--against",
        "de-an-89",
    ]);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let finding = findings(&json)
        .find(|f| f["code"] == "XH106")
        .expect("periods that do not overlap are said");
    assert!(finding["message"].as_str().unwrap().contains("not a pass"));
    assert!(
        json["comparisons"][0]["targets"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}

fn duties<'a>(json: &'a Value, against: &str) -> Vec<&'a Value> {
    json["comparisons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["against"] == against)
        .unwrap()["duties"]
        .as_array()
        .unwrap()
        .iter()
        .collect()
}

fn duty<'a>(json: &'a Value, against: &str, id: &str) -> &'a Value {
    duties(json, against)
        .into_iter()
        .find(|d| d["duty"] == id)
        .unwrap_or_else(|| panic!("no row for duty {id}"))
}

#[test]
fn every_national_duty_has_its_own_row_and_its_own_lead() {
    let json = diff_json(&["plans/binh-duong-2014-2020.yaml"]);
    let rows = duties(&json, "de-an-281");
    // One row per task of 281, the `other` one included.
    assert_eq!(rows.len(), 8, "{rows:#?}");
    assert_eq!(duty(&json, "de-an-281", "hoi-kh-lead")["status"], "owned");
    assert_eq!(
        duty(&json, "de-an-281", "ubnd-tinh-hoi-kh-organisation")["function"],
        "other"
    );

    // Hand every learning-model task of Hội Khuyến học to Sở GD&ĐT: the
    // duty 281 gives Hội Khuyến học is no longer led by its counterpart.
    let dir = tempfile::tempdir().unwrap();
    let original = std::fs::read_to_string(root().join("plans/binh-duong-2014-2020.yaml")).unwrap();
    let moved = original.replace("leads: [hoi-khuyen-hoc]", "leads: [so-gddt]");
    assert_ne!(moved, original);
    let path = dir.path().join("binh-duong.yaml");
    std::fs::write(&path, moved).unwrap();
    let json = diff_json(&[path.to_str().unwrap()]);
    let lead = duty(&json, "de-an-281", "hoi-kh-lead");
    assert_eq!(lead["status"], "elsewhere", "{lead:#?}");
    assert!(findings(&json).any(|f| f["code"] == "XH111" && f["subject"] == "hoi-kh-lead"));
}

#[test]
fn a_duty_set_after_the_plan_is_not_its_duty() {
    // MOET's dispatch 6782 (29/12/2015) set the yearly report; Bình Dương's
    // plan is of 2014.
    let json = diff_json(&["plans/binh-duong-2014-2020.yaml"]);
    let report = duty(&json, "de-an-281", "report-yearly");
    assert_eq!(report["status"], "not_in_force");
    assert_eq!(report["in_force_from"], "2015-12-29");
    // The same plan issued in 2016 is held to it.
    let (_dir, path) = mutated(
        "plans/binh-duong-2014-2020.yaml",
        "  period:\n    start: 2014",
        "  date: 2016-03-01\n  period:\n    start: 2014",
    );
    let json = diff_json(&[&path]);
    assert_ne!(
        duty(&json, "de-an-281", "report-yearly")["status"],
        "not_in_force"
    );
}

#[test]
fn the_plan_itself_is_not_a_missing_task() {
    for plan in ["plans/vinh-long-2012-2020.yaml", "plans/cat-hai-2020.yaml"] {
        let json = diff_json(&[plan]);
        assert_eq!(
            duty(&json, "de-an-89", "ubnd-tinh-plans")["status"],
            "this_plan"
        );
        assert!(
            !findings(&json).any(|f| f["subject"] == "ubnd-tinh-plans"),
            "{plan}"
        );
    }
}

#[test]
fn a_task_that_names_no_body_owns_nothing() {
    // Vĩnh Long's steering-committee task names no body.
    let json = diff_json(&["plans/vinh-long-2012-2020.yaml"]);
    let steering = duty(&json, "de-an-89", "ubnd-tinh-steering-committees");
    assert_eq!(steering["status"], "no_lead", "{steering:#?}");
    // Duties with no function xhht can match by are listed, not dropped.
    let json = diff_json(&["plans/thai-binh-2021-2030.yaml"]);
    let other: Vec<&Value> = duties(&json, "de-an-1373")
        .into_iter()
        .filter(|d| d["function"] == "other")
        .collect();
    assert!(other.len() >= 3, "{other:#?}");
    assert!(other.iter().all(|d| d["status"] == "not_checked"));
}

#[test]
fn cat_hai_names_its_standing_body() {
    let json = diff_json(&["plans/cat-hai-2020.yaml"]);
    assert_eq!(
        duty(&json, "de-an-89", "so-gddt-standing")["status"],
        "owned"
    );
    // The plan is its steering committee's own (KH …/KH-BCĐ): the committee
    // exists and steers, whoever else the tasks name.
    let committees = duty(&json, "de-an-89", "ubnd-tinh-steering-committees");
    assert_eq!(committees["status"], "owned", "{committees:#?}");
    assert!(!findings(&json).any(|f| f["code"] == "XH111"));
}

#[test]
fn a_plan_is_its_own_source_whatever_its_file_calls_it() {
    // Same plan, another id and "Vĩnh Long" without "tỉnh": still its figures.
    let dir = tempfile::tempdir().unwrap();
    let original = std::fs::read_to_string(root().join("plans/vinh-long-2012-2020.yaml")).unwrap();
    let renamed = original
        .replacen("id: vinh-long-2012-2020", "id: vl-446", 1)
        .replacen(
            "jurisdiction: \"tỉnh Vĩnh Long\"",
            "jurisdiction: \"Vĩnh Long\"",
            1,
        );
    let path = dir.path().join("vl.yaml");
    std::fs::write(&path, renamed).unwrap();
    let json = diff_json(&[path.to_str().unwrap()]);
    let own = rows(&json, "de-an-89")
        .into_iter()
        .filter(|r| r["status"] == "own_figure")
        .count();
    assert_eq!(own, 17);
}

#[test]
fn another_province_is_not_failed_on_a_figure_only_vinh_long_states() {
    // 89's "100% of officials trained to standard by 2015" rests on Vĩnh
    // Long's plan alone: against Bến Tre it is a single source, a warning.
    let (_dir, path) = mutated(
        "plans/vinh-long-2012-2020.yaml",
        "  - id: officials-pd-trained-2015\n    indicator: professional.officials_province_district.trained_to_standard\n    unit: percent\n    population: people\n    value: {point: 100}",
        "  - id: officials-pd-trained-2015\n    indicator: professional.officials_province_district.trained_to_standard\n    unit: percent\n    population: people\n    value: {point: 90}",
    );
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replacen("id: vinh-long-2012-2020", "id: ben-tre-2013-2020", 1)
        .replacen(
            "jurisdiction: \"tỉnh Vĩnh Long\"",
            "jurisdiction: \"tỉnh Bến Tre\"",
            1,
        )
        .replace("seeds/000_57e2ad833bec96c7.txt", "ben-tre.txt")
        .replace("446/KH-SGDĐT-GDCN-GDTX", "1/KH-UBND");
    std::fs::write(&path, text).unwrap();
    let json = diff_json(&[&path]);
    let finding = findings(&json)
        .find(|f| {
            f["code"] == "XH102"
                && f["subject"]
                    == "professional.officials_province_district.trained_to_standard 2015"
        })
        .expect("a shortfall is still said");
    assert_eq!(finding["severity"], "warning");
}

#[test]
fn issuing_a_plan_owns_no_duty_but_steering() {
    // Vĩnh Long's literacy task handed from Sở GD&ĐT (its issuer) to another body.
    let (_dir, path) = mutated(
        "plans/vinh-long-2012-2020.yaml",
        "  - id: t-vi-1-a-5\n    title: \"Xây dựng và thực hiện kế hoạch xoá mù chữ\"\n    leads: [so-gddt]",
        "  - id: t-vi-1-a-5\n    title: \"Xây dựng và thực hiện kế hoạch xoá mù chữ\"\n    leads: [hoi-khuyen-hoc]",
    );
    let json = diff_json(&[&path]);
    assert_eq!(duty(&json, "de-an-89", "sub-692")["status"], "elsewhere");
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

#[test]
fn plan_text_never_drives_the_terminal() {
    let (_dir, path) = mutated(
        "tests/fixtures/diff/commune-2026-2030.yaml",
        "    reason: \"Xã chưa có",
        "    reason: \"\\e]0;pwned\\a\\e[2J\\u202eXã chưa có",
    );
    for format in ["table", "markdown", "html"] {
        let out = xhht(&["report", "--format", format, &path]);
        let text = String::from_utf8(out.stdout).unwrap();
        for hidden in ['\u{1b}', '\u{7}', '\u{202e}'] {
            assert!(!text.contains(hidden), "{format}: {hidden:?}");
        }
        assert!(
            text.contains("\\u{1b}]0;pwned"),
            "{format}: the text is shown, escaped"
        );
    }
    let out = xhht(&["diff", &path]);
    assert!(!String::from_utf8(out.stdout).unwrap().contains('\u{1b}'));
}

/// `diff` draws its report in every format `report` has, and writes it
/// where `--output` says: the Cát Hải shortfall is in each.
#[test]
fn diff_has_every_format_and_writes_to_output() {
    for (format, expect) in [
        ("sarif", "\"ruleId\": \"XH102\""),
        ("junit", "XH102"),
        ("github", "::error file=plans/cat-hai-2020.yaml"),
        ("markdown", "| error | XH102 |"),
        ("html", "XH102"),
        ("json", "\"code\": \"XH102\""),
    ] {
        let out = xhht(&["diff", "plans/cat-hai-2020.yaml", "--format", format]);
        let text = String::from_utf8(out.stdout).unwrap();
        assert_eq!(out.status.code(), Some(1), "{format}");
        assert!(text.contains(expect), "{format}: {text}");
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cat-hai.sarif");
    let out = xhht(&[
        "diff",
        "plans/cat-hai-2020.yaml",
        "--format",
        "sarif",
        "--output",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(std::fs::read_to_string(&file).unwrap().contains("XH102"));
}
