//! The seed plans row by row: Cát Hải against Đề án 89 and Bình Dương
//! against Đề án 281, each status written by hand; how sure Cát Hải's
//! shortfall is, what raising its figure does, that `report` fails on it; and
//! Bình Dương's range target showing both its ends.

use serde_json::Value;

use crate::common::{root, run as xhht};

use super::{diff_json, findings, rows};

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
    assert!(table.contains("−20 / 0"), "{table}");
    assert!(table.contains("the lower end (30) falls short by 20, the upper end (50) meets it"));
}
