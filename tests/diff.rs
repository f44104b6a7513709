//! `xhht diff` row by row against statuses written by hand from the seed
//! texts and the national reference (../shared/reference/national-schemes.md
//! §9), not from the tool's own output.

use serde_json::Value;

mod common;
use common::{root, run as xhht};

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
        // regional figures bind provinces of the three regions only
        (
            "literacy.rate.age_15_35.region_tb_tn_tnb.2020",
            "not_comparable",
        ),
        (
            "literacy.rate.age_15_60.region_tb_tn_tnb.2020",
            "not_comparable",
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
fn cat_hai_shortfall_rests_on_a_summary_and_its_parent_is_missing() {
    let json = diff_json(&["plans/cat-hai-2020.yaml"]);
    let findings = json["findings"].as_array().unwrap();
    let shortfall = findings.iter().find(|f| f["code"] == "XH102").unwrap();
    assert_eq!(
        shortfall["severity"], "warning",
        "89's 90% is verified-EN only"
    );
    assert!(
        shortfall["location"]["file"]
            .as_str()
            .unwrap()
            .ends_with("plans/cat-hai-2020.yaml")
    );
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
    assert!(
        !json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["code"] == "XH102")
    );
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
    let gaps: Vec<&Value> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "XH101")
        .collect();
    assert_eq!(gaps.len(), 2);
    for gap in gaps {
        assert!(
            gap["location"]["file"]
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
    assert!(
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["code"] == "XH105" && f["severity"] == "error")
    );
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
    let finding = json["findings"]
        .as_array()
        .unwrap()
        .iter()
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
    let conflict = json["findings"]
        .as_array()
        .unwrap()
        .iter()
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
    assert!(
        !json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["code"] == "XH120")
    );
}
