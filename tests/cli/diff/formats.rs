//! How `diff` is written out: the JSON carries the table's rows, every
//! format `report` has and `--output`, and no plan text drives the terminal.

use crate::common::run as xhht;

use super::{diff_json, mutated};

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
