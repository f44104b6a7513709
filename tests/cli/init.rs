//! `xhht init` (issue 16): a new plan's draft that validates with only TODO
//! warnings, resolves its parent, and holds every target and duty of the
//! parent that applies at its level.

use serde_json::Value;

use crate::common::{finding_codes, root, run_in};

fn json(out: &std::process::Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {out:?}"))
}

#[test]
fn a_commune_draft_under_a_province_plan_is_complete_and_validates() {
    let dir = tempfile::tempdir().unwrap();
    let parent = root().join("plans/thai-binh-2021-2030.yaml");
    let parent = parent.to_str().unwrap();
    let plans = root().join("plans");
    let plans = plans.to_str().unwrap();
    let out = run_in(
        dir.path(),
        &[
            "init", "--level", "commune", "--under", parent, "-o", "x.yaml",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let validated = run_in(
        dir.path(),
        &["validate", "x.yaml", "--plans", plans, "--format", "json"],
        &[],
    );
    assert_eq!(validated.status.code(), Some(0), "{validated:?}");
    let codes = finding_codes(&validated);
    assert!(
        !codes.is_empty() && codes.iter().all(|c| c == "XH023"),
        "{codes:?}"
    );
    // Compared with its parent and schemes, the draft has no gap: every
    // target and duty that applies to a commune is in it.
    let report = run_in(
        dir.path(),
        &["report", "x.yaml", "--plans", plans, "--format", "json"],
        &[],
    );
    assert_eq!(report.status.code(), Some(0), "{report:?}");
    let report = json(&report);
    let findings = report["findings"].as_array().unwrap();
    let not_to_fill: Vec<&Value> = findings.iter().filter(|f| f["code"] != "XH023").collect();
    assert!(not_to_fill.is_empty(), "{not_to_fill:#?}");
    let against: Vec<&str> = report["comparisons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["against"].as_str().unwrap())
        .collect();
    assert!(against.contains(&"thai-binh-2021-2030"), "{against:?}");
    // The parent's targets that bind a commune each have a blank answering them.
    let rows = report["comparisons"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["targets"].as_array().unwrap());
    let to_fill = rows.filter(|r| r["status"] == "to_fill").count();
    assert!(to_fill >= 3, "{to_fill}");
}

#[test]
fn init_never_replaces_a_file_and_refuses_a_district_after_2025() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x.yaml"), "kept\n").unwrap();
    let out = run_in(
        dir.path(),
        &[
            "init",
            "--level",
            "commune",
            "--under",
            "de-an-1373",
            "-o",
            "x.yaml",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("x.yaml")).unwrap(),
        "kept\n"
    );
    let out = run_in(
        dir.path(),
        &[
            "--lang",
            "vi",
            "init",
            "--level",
            "district",
            "--under",
            "de-an-1373",
            "--period",
            "2026-2030",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("cấp huyện đã kết thúc hoạt động từ ngày 1/7/2025"),
        "{out:?}"
    );
    let out = run_in(
        dir.path(),
        &["init", "--level", "province", "--under", "de-an-1372"],
        &[],
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("(did you mean `de-an-1373`?)"),
        "{out:?}"
    );
}

#[test]
fn a_toml_draft_under_a_scheme_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_in(
        dir.path(),
        &[
            "init",
            "--level",
            "province",
            "--under",
            "de-an-1373",
            "--name",
            "tỉnh Hưng Yên",
            "--period",
            "2026-2030",
            "--format",
            "toml",
            "-o",
            "hung-yen.toml",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = std::fs::read_to_string(dir.path().join("hung-yen.toml")).unwrap();
    assert!(text.contains("id = \"tinh-hung-yen-2026-2030\""), "{text}");
    let validated = run_in(dir.path(), &["validate", "hung-yen.toml"], &[]);
    assert_eq!(validated.status.code(), Some(0), "{validated:?}");
}

/// A plan is issued under one of a higher level: a province's plan cannot
/// be drafted under a district's; and a name with no letter makes no id.
#[test]
fn init_refuses_a_level_not_below_the_parents_and_a_name_without_letters() {
    let dir = tempfile::tempdir().unwrap();
    let parent = root().join("plans/cat-hai-2020.yaml");
    let parent = parent.to_str().unwrap();
    let out = run_in(
        dir.path(),
        &["init", "--level", "province", "--under", parent],
        &[],
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("is a district plan"),
        "{out:?}"
    );
    let out = run_in(
        dir.path(),
        &[
            "init",
            "--level",
            "commune",
            "--under",
            "de-an-1373",
            "--name",
            "!!!",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
}

/// After the 2025 mergers a commune of old Thái Bình lies in Hưng Yên, and
/// a department merged away answers through its successor: the draft names
/// both as of its own period, so neither validation nor the comparison of
/// duties objects to it.
#[test]
fn a_draft_after_the_mergers_names_the_province_and_bodies_of_its_time() {
    let dir = tempfile::tempdir().unwrap();
    let parent = root().join("plans/thai-binh-2021-2030.yaml");
    let plans = root().join("plans");
    let out = run_in(
        dir.path(),
        &[
            "init",
            "--level",
            "commune",
            "--under",
            parent.to_str().unwrap(),
            "--period",
            "2026-2030",
            "-o",
            "x.yaml",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = std::fs::read_to_string(dir.path().join("x.yaml")).unwrap();
    assert!(text.contains("province: hung-yen"), "{text}");
    let validated = run_in(
        dir.path(),
        &["validate", "x.yaml", "--plans", plans.to_str().unwrap()],
        &[],
    );
    assert_eq!(validated.status.code(), Some(0), "{validated:?}");
    let out = run_in(
        dir.path(),
        &[
            "init",
            "--level",
            "province",
            "--under",
            "de-an-1373",
            "--period",
            "2026-2030",
            "-o",
            "hy.yaml",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let report = run_in(dir.path(), &["report", "hy.yaml", "--format", "json"], &[]);
    let codes = finding_codes(&report);
    assert!(codes.iter().all(|c| c == "XH023"), "{codes:?}");
}

/// A figure of an issued (dated) plan left as TODO hides what it would be
/// compared with: an error, so a shortfall cannot turn into a pass.
#[test]
fn a_todo_in_an_issued_plan_fails_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join("plans/cat-hai-2020.yaml")).unwrap();
    let before = run_in(
        root(),
        &["report", "plans/cat-hai-2020.yaml", "--format", "json"],
        &[],
    );
    assert_eq!(before.status.code(), Some(1), "{before:?}");
    let blanked = text.replacen("value: {point: 85}", "value: TODO", 1);
    assert_ne!(blanked, text, "the fixture changed: pick another figure");
    std::fs::write(dir.path().join("cat-hai-2020.yaml"), blanked).unwrap();
    let after = run_in(
        dir.path(),
        &["report", "cat-hai-2020.yaml", "--format", "json"],
        &[],
    );
    assert_eq!(after.status.code(), Some(1), "{after:?}");
    let todo = json(&after)["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "XH023")
        .cloned()
        .unwrap();
    assert_eq!(todo["severity"], "error", "{todo:#}");
}

/// The refusal names the levels in the run's language.
#[test]
fn the_level_refusal_is_in_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    let parent = root().join("plans/cat-hai-2020.yaml");
    let out = run_in(
        dir.path(),
        &[
            "--lang",
            "vi",
            "init",
            "--level",
            "province",
            "--under",
            parent.to_str().unwrap(),
        ],
        &[],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("kế hoạch cấp huyện"), "{stderr}");
}
