//! Which schemes a plan is held to: its chain of parents, `--against`
//! overriding it, a parent marked available but missing, a loop of parents,
//! and a scheme with nothing on record or of another period, which is never a
//! clean result.

use serde_json::Value;

use crate::common::{root, run as xhht};

use super::{diff_json, findings};

#[test]
fn a_scheme_with_nothing_on_record_never_passes_clean() {
    let out = xhht(&["diff", "plans/ninh-thuan-1960-2020.toml"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("XH104"), "{text}");
    assert!(text.contains("this is not a pass"), "{text}");
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
