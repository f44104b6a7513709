//! The national schemes' duties, one row each: who in the plan leads them,
//! duties set after the plan, the plan itself as a duty, tasks that name no
//! body, issuing as no duty but steering, and a local deadline later than the
//! scheme's.

use serde_json::Value;

use crate::common::root;

use super::{diff_json, findings, mutated};

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
