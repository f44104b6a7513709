//! `xhht init` (issue 16): a new plan's draft that validates with only TODO
//! warnings, resolves its parent, and holds every target and duty of the
//! parent that applies at its level.

use serde_json::Value;

use crate::common::{root, run_in};

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
    let codes: Vec<String> = json(&validated)["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_owned())
        .collect();
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
