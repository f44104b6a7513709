//! `xhht validate` run as a user runs it: each fixture states the finding it
//! must produce (`# expect: CODE LINE:COLUMN`), and the binary must report
//! exactly that; the rendered diagnostics are snapshotted on top.

use std::collections::BTreeSet;
use std::fs;
use std::path::PathBuf;

use crate::common::{root, run as xhht};

/// Each fixture, with its path relative to the repository (as the binary
/// is given it, so outputs name it the same on every machine).
fn fixtures() -> Vec<(PathBuf, String)> {
    let mut files: Vec<PathBuf> = fs::read_dir(root().join("tests/fixtures/validate"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 32, "one YAML and one TOML fixture per rule");
    files
        .into_iter()
        .map(|path| {
            let relative = path
                .strip_prefix(root())
                .unwrap()
                .to_str()
                .unwrap()
                .to_owned();
            (path, relative)
        })
        .collect()
}

fn expected(text: &str) -> BTreeSet<(String, usize, usize)> {
    text.lines()
        .filter_map(|l| l.strip_prefix("# expect: "))
        .map(|e| {
            let (code, at) = e.split_once(' ').unwrap();
            let (line, col) = at.split_once(':').unwrap();
            (code.to_owned(), line.parse().unwrap(), col.parse().unwrap())
        })
        .collect()
}

#[test]
fn each_fixture_gives_its_code_at_its_position() {
    for (path, relative) in fixtures() {
        let text = fs::read_to_string(&path).unwrap();
        let want = expected(&text);
        assert!(!want.is_empty(), "{relative} states no expectation");
        let out = xhht(&["validate", "--format", "json", &relative]);
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let findings = json["findings"].as_array().unwrap();
        let got: BTreeSet<(String, usize, usize)> = findings
            .iter()
            .map(|f| {
                (
                    f["code"].as_str().unwrap().to_owned(),
                    usize::try_from(f["location"]["line"].as_u64().unwrap()).unwrap(),
                    usize::try_from(f["location"]["column"].as_u64().unwrap()).unwrap(),
                )
            })
            .collect();
        assert_eq!(got, want, "{relative}");
        let any_error = findings.iter().any(|f| f["severity"] == "error");
        assert_eq!(out.status.code(), Some(i32::from(any_error)), "{relative}");
        for (_, line, _) in &want {
            let offending = text.lines().nth(line - 1).unwrap();
            assert!(
                !offending.is_ascii(),
                "{relative}: line {line} should hold Vietnamese text"
            );
        }
    }
}

#[test]
fn findings_reach_three_levels_deep() {
    let out = xhht(&[
        "validate",
        "--format",
        "json",
        "tests/fixtures/validate/out-of-range.yaml",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["findings"][0]["field"],
        "tasks[0].deadline.due.quarter.quarter"
    );
}

#[test]
fn diagnostics_render_like_rustc() {
    for (path, relative) in fixtures() {
        let out = xhht(&["validate", &relative]);
        let name = path
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .replace('.', "_");
        insta::assert_snapshot!(name, String::from_utf8(out.stdout).unwrap());
    }
}

#[test]
fn fail_on_sets_the_threshold() {
    let warning_only = "tests/fixtures/validate/lead-count.yaml";
    assert_eq!(xhht(&["validate", warning_only]).status.code(), Some(0));
    assert_eq!(
        xhht(&["validate", "--fail-on", "warning", warning_only])
            .status
            .code(),
        Some(1)
    );
    let error = "tests/fixtures/validate/unknown-agency.yaml";
    assert_eq!(
        xhht(&["validate", "--fail-on", "never", error])
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn missing_paths_and_bad_usage_exit_2() {
    let out = xhht(&["validate", "no/such/plan.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/plan.yaml"));
    assert_eq!(xhht(&["validate"]).status.code(), Some(2));
    assert_eq!(
        xhht(&["validate", "--fail-on", "sometimes", "plans"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn one_bad_file_does_not_stop_the_others() {
    let out = xhht(&[
        "validate",
        "--format",
        "json",
        "tests/fixtures/validate/syntax.yaml",
        "tests/fixtures/validate/unknown-agency.toml",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["XH001", "XH011"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn the_example_is_clean() {
    let out = xhht(&["validate", "examples/commune-plan.yaml"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("0 errors, 0 warnings, 0 infos"));
}

#[test]
fn only_a_state_body_is_told_to_request_a_mass_organisation() {
    let out = xhht(&["validate", "--format", "json", "plans/"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let count = |plan: &str| {
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["code"] == "XH031" && f["plan"] == plan)
            .count()
    };
    // Cát Hải's plan is its steering committee's, which orders its members.
    assert_eq!(count("cat-hai-2020"), 0);
    // Under 281, Hội Khuyến học is the scheme's designated lead.
    let binh_duong: Vec<&serde_json::Value> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "XH031" && f["plan"] == "binh-duong-2014-2020")
        .collect();
    assert!(
        binh_duong
            .iter()
            .all(|f| !f["message"].as_str().unwrap().contains("`hoi-khuyen-hoc`")),
        "{binh_duong:#?}"
    );
    // A department's plan (Vĩnh Long's Sở GD&ĐT) still may not order them.
    assert!(count("vinh-long-2012-2020") > 0);
}

#[test]
fn a_reader_that_stops_early_ends_the_run_quietly() {
    for args in [&["schema"][..], &["rules"], &["schema", "report"]] {
        let mut child = crate::common::spawn(args);
        // The reader is gone before the first line: every write meets a
        // closed pipe, as with `xhht schema | head -0`.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn a_province_of_the_other_map_is_named_for_the_plans_date() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("xa.yaml");
    std::fs::write(
        &path,
        "document:\n  id: kien-xuong-2026-2030\n  title: Kế hoạch thử\n  kind: plan\n  issuer: Ủy ban nhân dân xã Kiến Xương\n  level: commune\n  jurisdiction: xã Kiến Xương\n  province: thai-binh\n  period: {start: 2026, end: 2030}\n",
    )
    .unwrap();
    let out = xhht(&["validate", path.to_str().unwrap()]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("XH016"), "{text}");
    assert!(
        text.contains("for this plan's date it is `hung-yen`"),
        "{text}"
    );
}
