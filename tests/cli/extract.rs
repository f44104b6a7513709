//! `xhht extract` (issue 17): a draft plan from a plan's text that
//! validates, with a summary in the run's language, and `diff -` reading
//! the draft from a pipe.

use crate::common::{root, run_in};

fn fixture() -> String {
    root()
        .join("tests/fixtures/extract/huyen-thu.txt")
        .to_str()
        .unwrap()
        .to_owned()
}

#[test]
fn the_draft_of_a_short_plan() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_in(
        dir.path(),
        &["extract", &fixture(), "-o", "draft.yaml"],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("draft.yaml: a draft with 5 agencies, 6 targets"),
        "{stderr}"
    );
    let draft = std::fs::read_to_string(dir.path().join("draft.yaml")).unwrap();
    let draft = draft.replace(&fixture(), "tests/fixtures/extract/huyen-thu.txt");
    insta::assert_snapshot!(draft);
    let validated = run_in(dir.path(), &["validate", "draft.yaml"], &[]);
    assert_eq!(validated.status.code(), Some(0), "{validated:?}");
}

#[test]
fn the_summary_in_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_in(
        dir.path(),
        &["--lang", "vi", "extract", &fixture(), "-o", "du-thao.yaml"],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("du-thao.yaml: bản dự thảo có 5 cơ quan, 6 chỉ tiêu"),
        "{stderr}"
    );
    let draft = std::fs::read_to_string(dir.path().join("du-thao.yaml")).unwrap();
    assert!(draft.contains("# dòng 14\n"), "{draft}");
    let again = run_in(
        dir.path(),
        &["--lang", "vi", "extract", &fixture(), "-o", "du-thao.yaml"],
        &[],
    );
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8(again.stderr).unwrap().contains("đã có"));
}

#[test]
fn a_legacy_encoding_is_refused_with_advice() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tcvn3.txt");
    std::fs::write(
        &path,
        "KÕ ho¹ch thùc hiÖn §Ò ¸n x©y dùng x· héi häc tËp, ch\u{ad}¬ng tr×nh",
    )
    .unwrap();
    let out = run_in(dir.path(), &["extract", "tcvn3.txt"], &[]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("TCVN3 (ABC)") && stderr.contains("UniKey"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn diff_reads_the_draft_from_standard_input() {
    let draft = run_in(root(), &["extract", &fixture()], &[]);
    assert_eq!(draft.status.code(), Some(0), "{draft:?}");
    let out = assert_cmd::Command::new(env!("CARGO_BIN_EXE_xhht"))
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env_remove("LANG")
        .args(["diff", "-", "--format", "json"])
        .write_stdin(draft.stdout)
        .output()
        .unwrap();
    let json: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {out:?}"));
    assert_eq!(json["plans"][0]["file"], "<stdin>");
    assert_eq!(json["comparisons"][0]["against"], "de-an-1373");
    let rows = json["comparisons"][0]["targets"].as_array().unwrap();
    let read = rows
        .iter()
        .filter(|r| r["indicator"] == "it_fl.officials_foreign_language")
        .count();
    assert!(read >= 2, "{rows:?}");
}
