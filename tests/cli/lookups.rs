//! The look-ups for a person writing a plan: `xhht indicators`, `xhht
//! agencies`, `xhht explain` and the ids of `xhht baselines show`, in
//! English and Vietnamese; and every example `explain` shows does what it
//! says when set into a plan.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use crate::common::{root, run, run_in};

fn ok(args: &[&str]) -> String {
    let out = run(args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&ok(args)).unwrap()
}

fn ids(list: &Value) -> BTreeSet<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|item| item["id"].as_str().unwrap().to_owned())
        .collect()
}

/// Exit code and standard error of a run expected to fail.
fn failing(args: &[&str]) -> (Option<i32>, String) {
    let out = run(args);
    assert!(out.stdout.is_empty(), "{args:?} wrote to stdout");
    (out.status.code(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn indicators_list_the_catalogue_in_both_languages() {
    let en = ok(&["indicators"]);
    insta::assert_snapshot!("indicators-en", en);
    let vi = ok(&["indicators", "--lang", "vi"]);
    assert!(
        vi.contains("tên tiếng Việt") && vi.contains("ràng buộc cấp"),
        "{vi}"
    );
    let count = json(&["indicators", "--format", "json"])["indicators"]
        .as_array()
        .unwrap()
        .len();
    assert!(vi.contains(&format!("Số chỉ số: {count}.")), "{vi}");
    assert!(en.contains(&format!("Indicators: {count}.")), "{en}");
    // Names are the catalogue's, whatever the language.
    assert!(
        vi.contains("┆ Literacy rate,") && en.contains("┆ Tỷ lệ người"),
        "{vi}"
    );
}

#[test]
fn indicators_of_a_scheme_are_those_its_targets_set() {
    let all = json(&["indicators", "--format", "json"]);
    let everything = ids(&all["indicators"]);
    let of_1373 = json(&["indicators", "--scheme", "de-an-1373", "--format", "json"]);
    let set = ids(&of_1373["indicators"]);
    // Read from the scheme's own targets: the two 2030 recognition figures
    // count, and 89's literacy rates do not.
    assert!(set.contains("model.learning_province") && set.contains("model.learning_district"));
    assert!(!set.contains("literacy.rate.age_15_60"));
    assert!(set.len() < everything.len() && set.is_subset(&everything));
    for indicator in of_1373["indicators"].as_array().unwrap() {
        let schemes = indicator["schemes"].as_array().unwrap();
        assert!(schemes.contains(&Value::from("de-an-1373")), "{indicator}");
    }
    let shown = ok(&["baselines", "show", "de-an-1373"]);
    for id in &set {
        assert!(
            shown.contains(&format!("┆ {id} ")),
            "{id} is not a 1373 target"
        );
    }
}

#[test]
fn indicators_for_a_level_are_those_that_bind_it() {
    let communes = json(&["indicators", "--level", "commune", "--format", "json"]);
    let list = communes["indicators"].as_array().unwrap();
    assert!(!list.is_empty());
    for indicator in list {
        assert!(
            indicator["binds"]
                .as_array()
                .unwrap()
                .contains(&Value::from("commune")),
            "{indicator}"
        );
    }
    let set = ids(&communes["indicators"]);
    assert!(set.contains("model.learning_citizen"));
    assert!(!set.contains("institution.digital_university"));
    let both = json(&[
        "indicators",
        "--level",
        "province",
        "--scheme",
        "de-an-1373",
        "--format",
        "json",
    ]);
    assert!(ids(&both["indicators"]).contains("model.learning_province"));
    let national = json(&["indicators", "--level", "national", "--format", "json"]);
    for indicator in national["indicators"].as_array().unwrap() {
        assert!(!indicator["schemes"].as_array().unwrap().is_empty());
    }
}

#[test]
fn an_unknown_scheme_is_a_usage_error_with_a_suggestion() {
    let (code, stderr) = failing(&["indicators", "--scheme", "de-an-137"]);
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        "error: no scheme `de-an-137` (did you mean `de-an-1373`?); the embedded ones are de-an-89, de-an-1373, de-an-281, qd-489\n"
    );
    let (code, stderr) = failing(&["indicators", "--scheme", "de-an-137", "--lang", "vi"]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("không có đề án `de-an-137` (có phải ý bạn là `de-an-1373`?)"),
        "{stderr}"
    );
}

#[test]
fn agencies_are_found_without_diacritics_or_case() {
    for search in ["so giao duc", "SỞ GIÁO DỤC", "Sở GD&ĐT", "sgddt", "so-gddt"] {
        let found = json(&["agencies", search, "--format", "json"]);
        assert!(
            ids(&found["agencies"]).contains("so-gddt"),
            "{search}: {found}"
        );
    }
    let found = json(&["agencies", "so giao duc", "--format", "json"]);
    let so = &found["agencies"][0];
    assert_eq!(so["vi"], "Sở Giáo dục và Đào tạo");
    assert_eq!(so["en"], "Department of Education and Training");
    assert_eq!(so["level"], "province");
    assert_eq!(so["kind"], "department");
    let table = ok(&["agencies", "so giao duc"]);
    insta::assert_snapshot!("agencies-so-giao-duc-en", table);
    let vi = ok(&["agencies", "so giao duc", "--lang", "vi"]);
    assert!(
        vi.contains("tên tiếng Việt") && vi.contains("Số cơ quan: 1."),
        "{vi}"
    );
}

#[test]
fn agencies_filter_by_level_and_show_their_dates() {
    let districts = json(&["agencies", "--level", "district", "--format", "json"]);
    let list = districts["agencies"].as_array().unwrap();
    assert!(!list.is_empty());
    for body in list {
        assert_eq!(body["level"], "district", "{body}");
        // Districts ended with the 2025 reform, some bodies before it.
        let until = body["valid_until"].as_str().unwrap();
        assert!(until <= "2025-06-30", "{body}");
    }
    let education = json(&[
        "agencies", "giao duc", "--level", "national", "--format", "json",
    ]);
    assert_eq!(
        ids(&education["agencies"]),
        BTreeSet::from(["bo-gddt".to_owned()])
    );
    let table = ok(&["agencies", "phong giao duc"]);
    assert!(table.contains("– 2025-06-30"), "{table}");
}

#[test]
fn agencies_that_match_nothing_exit_1_with_the_closest_id() {
    let (code, stderr) = failing(&["agencies", "so-gdt"]);
    assert_eq!(code, Some(1));
    assert_eq!(
        stderr,
        "no body in the registry matches `so-gdt` (the closest id is `so-gddt`); try fewer words, or `xhht agencies` to list them all\n"
    );
    let (code, stderr) = failing(&["agencies", "giao duc", "--level", "commune", "--lang", "vi"]);
    assert_eq!(code, Some(1));
    assert!(
        stderr.starts_with("không có cơ quan nào với --level commune khớp với `giao duc`"),
        "{stderr}"
    );
}

#[test]
fn explain_takes_a_code_or_a_name_in_any_case() {
    let by_code = ok(&["explain", "XH030"]);
    assert_eq!(ok(&["explain", "xh030"]), by_code);
    assert_eq!(ok(&["explain", "Lead-Count"]), by_code);
    insta::assert_snapshot!("explain-xh030-en", by_code);
    let vi = ok(&["explain", "lead-count", "--lang", "vi"]);
    for heading in [
        "Kiểm tra điều gì",
        "Vì sao quan trọng",
        "Ghi sai",
        "Ghi đúng",
        "Cách bỏ qua có chủ đích",
    ] {
        assert!(vi.contains(heading), "{heading} not in\n{vi}");
    }
    assert!(vi.starts_with("XH030 lead-count (cảnh báo):"), "{vi}");
}

#[test]
fn explain_of_an_unknown_rule_suggests_one() {
    let (code, stderr) = failing(&["explain", "lead-cout"]);
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        "error: no rule `lead-cout` (did you mean `lead-count`?); `xhht rules` lists the codes and names\n"
    );
    let (code, stderr) = failing(&["explain", "xh03", "--lang", "vi"]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("không có quy tắc `xh03`"), "{stderr}");
}

#[test]
fn every_rule_xhht_lists_is_explained_in_every_language() {
    let rules = ok(&["rules"]);
    assert!(rules.lines().count() >= 36);
    for line in rules.lines() {
        let code = line.split_whitespace().next().unwrap();
        for lang in ["en", "vi"] {
            let text = ok(&["explain", code, "--lang", lang]);
            assert!(text.starts_with(code), "{code} {lang}: {text}");
            // A part missing from the catalogue shows as its id.
            assert!(!text.contains("explain."), "{code} {lang}: {text}");
            assert!(text.lines().count() > 12, "{code} {lang}: {text}");
        }
    }
    let help = ok(&["--help"]);
    let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        help.contains("rules List the rules xhht checks, with their codes and default severities (`xhht explain CODE` says more about one)"),
        "{help}"
    );
}

#[test]
fn baselines_show_gives_the_ids_a_plan_refers_to() {
    let shown = ok(&["baselines", "show", "de-an-1373"]);
    // Whole on one line, so they can be copied into `restates`.
    assert!(shown.contains("│ model.learning_citizen.2025 "), "{shown}");
    assert!(
        shown.contains("Tasks (") && shown.contains("│ tg-1 "),
        "{shown}"
    );
    let vi = ok(&["baselines", "show", "de-an-1373", "--lang", "vi"]);
    assert!(vi.contains("Nhiệm vụ (") && vi.contains("│ mã "), "{vi}");
}

/// A plan section by section: the top-level keys and their text.
fn sections(text: &str) -> Vec<(Option<String>, String)> {
    let mut out: Vec<(Option<String>, String)> = vec![(None, String::new())];
    for line in text.lines() {
        let key = line.split_once(':').map(|(key, _)| key).filter(|key| {
            !key.is_empty() && key.chars().all(|c| c.is_ascii_lowercase() || c == '_')
        });
        if let Some(key) = key {
            out.push((Some(key.to_owned()), String::new()));
        }
        let last = &mut out.last_mut().unwrap().1;
        last.push_str(line);
        last.push('\n');
    }
    out
}

/// `example`'s sections in place of the base plan's.
fn set_into(base: &str, example: &str) -> String {
    let replaced: Vec<Option<String>> = sections(example).into_iter().map(|(k, _)| k).collect();
    let mut plan: String = sections(base)
        .into_iter()
        .filter(|(key, _)| key.is_none() || !replaced.contains(key))
        .map(|(_, text)| text)
        .collect();
    plan.push_str(example);
    plan
}

/// An example as the catalogue stores it, braces unescaped.
fn example(catalogue: &toml::Table, rule: &str, part: &str) -> String {
    catalogue["explain"][rule][part]
        .as_str()
        .unwrap()
        .replace("{{", "{")
        .replace("}}", "}")
}

/// The findings of rule `code` (about `subject`, when given).
fn findings_of(dir: &Path, plan: &str, args: &[&str], code: &str, subject: Option<&str>) -> usize {
    let path = dir.join("plan.yaml");
    std::fs::write(&path, plan).unwrap();
    let mut args = args.to_vec();
    args.extend(["--format", "json", "plan.yaml"]);
    let out = run_in(dir, &args, &[]);
    let report: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{args:?}: {e}\n{}", String::from_utf8_lossy(&out.stderr)));
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == code && subject.is_none_or(|s| f["subject"] == s))
        .count()
}

/// Each rule, in `xhht rules` order: the base plan under
/// tests/fixtures/explain/ its examples are set into, the command that
/// raises it, and the subject its finding is about when a plan raises it for
/// other items too.
const CASES: &[(&str, &str, &[&str], Option<&str>)] = &[
    ("syntax", "commune", &["validate"], None),
    ("unknown-field", "commune", &["validate"], None),
    ("missing-field", "commune", &["validate"], None),
    ("wrong-type", "commune", &["validate"], None),
    ("duplicate-id", "commune", &["validate"], None),
    ("unknown-agency", "commune", &["validate"], None),
    ("unknown-plan", "commune", &["validate"], None),
    ("unknown-indicator", "commune", &["validate"], None),
    ("unknown-item", "commune", &["validate"], None),
    ("bad-id", "commune", &["validate"], None),
    ("unknown-province", "commune", &["validate"], None),
    ("unknown-jurisdiction", "commune", &["validate"], None),
    ("out-of-range", "commune", &["validate"], None),
    ("year-outside-period", "commune", &["validate"], None),
    ("milestone-regression", "commune", &["validate"], None),
    ("to-fill", "commune", &["validate"], None),
    ("recorded-ahead", "commune", &["validate"], None),
    ("lead-count", "commune", &["validate"], None),
    ("ordered-mass-organisation", "commune", &["validate"], None),
    ("role-inverted", "commune", &["validate"], None),
    ("citation-date-conflict", "commune", &["validate"], None),
    (
        "gap",
        "commune",
        &["diff"],
        Some("model.learning_citizen 2025"),
    ),
    (
        "shortfall",
        "commune",
        &["diff"],
        Some("model.learning_citizen 2025"),
    ),
    ("parent-unavailable", "commune", &["diff"], None),
    ("nothing-to-compare", "commune", &["diff"], None),
    ("chain-broken", "commune", &["diff"], None),
    ("periods-apart", "commune", &["diff"], None),
    ("responsibility-gap", "commune", &["diff"], Some("tg-1")),
    (
        "responsibility-elsewhere",
        "province",
        &["diff"],
        Some("hoi-kh-lead"),
    ),
    ("deadline-conflict", "province", &["diff"], None),
    (
        "overdue",
        "commune",
        &["report", "--as-of", "2022-09-01"],
        Some("ra-soat"),
    ),
    (
        "due-soon",
        "commune",
        &["report", "--as-of", "2022-06-15", "--within", "30d"],
        Some("ra-soat"),
    ),
    (
        "done-late",
        "commune",
        &["report", "--as-of", "2022-09-01"],
        Some("ra-soat"),
    ),
    (
        "missed-occurrence",
        "commune",
        &["report", "--as-of", "2023-01-15"],
        Some("yearly-report"),
    ),
    (
        "deadline-outside-period",
        "commune",
        &["report", "--as-of", "2022-01-01"],
        Some("tong-ket"),
    ),
    (
        "deadline-before-issue",
        "commune",
        &["report", "--as-of", "2022-01-01"],
        Some("tong-ket"),
    ),
    (
        "owner-gone",
        "district",
        &["report", "--as-of", "2026-01-15"],
        Some("bao-cao"),
    ),
    (
        "deadline-mismatch",
        "commune",
        &["report", "--as-of", "2022-01-01"],
        Some("tuyen-truyen"),
    ),
    (
        "unreadable-deadline",
        "commune",
        &["report", "--as-of", "2022-01-01"],
        Some("khai-giang"),
    ),
];

/// Each rule's "wrong" example, set into a plan, raises the rule; its
/// "right" one does not. The base plans are under tests/fixtures/explain/.
#[test]
fn every_wrong_example_raises_its_rule_and_every_right_one_does_not() {
    let read = |lang: &str| -> toml::Table {
        let path = root().join(format!("catalogue/messages/{lang}.toml"));
        toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    };
    let (en, vi) = (read("en"), read("vi"));
    let rules = ok(&["rules"]);
    assert_eq!(
        CASES.len(),
        rules.lines().count(),
        "a rule has no case here"
    );
    let dir = tempfile::tempdir().unwrap();
    for (line, &(rule, base, args, subject)) in rules.lines().zip(CASES) {
        let code = line.split_whitespace().next().unwrap();
        assert!(line.contains(&format!(" {rule} ")), "{line} is not {rule}");
        let base =
            std::fs::read_to_string(root().join(format!("tests/fixtures/explain/{base}.yaml")))
                .unwrap();
        for part in ["wrong", "right"] {
            // The YAML is the same in every language; only the prose differs.
            assert_eq!(
                example(&en, rule, part),
                example(&vi, rule, part),
                "{rule} {part}"
            );
        }
        let wrong = set_into(&base, &example(&en, rule, "wrong"));
        let right = set_into(&base, &example(&en, rule, "right"));
        assert!(
            findings_of(dir.path(), &wrong, args, code, subject) > 0,
            "{rule}: the wrong example raises no {code}:\n{wrong}"
        );
        assert_eq!(
            findings_of(dir.path(), &right, args, code, subject),
            0,
            "{rule}: the right example raises {code}:\n{right}"
        );
    }
}
