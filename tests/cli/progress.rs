//! Progress against targets (`report --status`) and who does what by when,
//! in every format a person reads.

use crate::common::stdout;

const STATUS: &str = "tests/fixtures/progress/thai-binh-2021-2030.status.yaml";

fn report(format: &str, lang: &str) -> String {
    stdout(&[
        "report",
        "plans/thai-binh-2021-2030.yaml",
        "--status",
        STATUS,
        "--as-of",
        "2026-11-30",
        "--fail-on",
        "never",
        "--format",
        format,
        "--lang",
        lang,
    ])
}

#[test]
fn each_2025_target_is_achieved_or_not_in_json() {
    let json: serde_json::Value = serde_json::from_str(&report("json", "en")).unwrap();
    let rows = json["progress"][0]["targets"].as_array().unwrap();
    let status = |id: &str| {
        let row = rows.iter().find(|r| r["target"] == id).unwrap();
        (
            row["status"].as_str().unwrap().to_owned(),
            row["gap"].as_f64(),
        )
    };
    assert_eq!(status("lit-l2-2025"), ("achieved".into(), None));
    assert_eq!(
        status("info-life-skills-2025"),
        ("not_achieved".into(), Some(5.5))
    );
    assert_eq!(status("qual-university-2025"), ("achieved".into(), None));
    // Nothing recorded for 2025: no data, never a pass.
    assert_eq!(status("preschool-2025").0, "no_data");
    assert_eq!(status("qual-technical-2030").0, "on_track");
    assert_eq!(status("learning-citizen-2030").0, "off_track");
    assert_eq!(status("clc-it-2030").0, "too_early");
    // Ids are kept and labels added.
    let row = rows.iter().find(|r| r["target"] == "lit-l2-2025").unwrap();
    assert_eq!(row["indicator"], "literacy.standard");
    assert!(row["label"].as_str().unwrap().contains("literacy"), "{row}");
    let owners = json["progress"][0]["owners"].as_array().unwrap();
    assert!(
        owners
            .iter()
            .any(|o| o["collective"] == true && !o["tasks"].as_array().unwrap().is_empty()),
        "{owners:?}"
    );
}

#[test]
fn the_table_and_markdown_show_progress_in_the_runs_language() {
    let table = report("table", "vi");
    assert!(table.contains("74,5% (2025)"), "{table}");
    assert!(table.contains("không đạt"), "{table}");
    assert!(table.contains("chậm tiến độ"), "{table}");
    assert!(
        table.contains("Đơn vị thực hiện, nhiệm vụ và thời hạn"),
        "{table}"
    );
    let markdown = report("markdown", "en");
    let line = markdown
        .lines()
        .find(|l| l.contains("information literacy") && l.contains("74.5%"))
        .unwrap_or_else(|| panic!("{markdown}"));
    assert!(
        line.contains("74.5% (2025)") && line.contains("not achieved"),
        "{line}"
    );
    assert!(markdown.contains("Who does what by when"), "{markdown}");
    assert!(
        markdown.contains("(collective: no single body answers for it)"),
        "{markdown}"
    );
}

#[test]
fn the_html_shows_progress_and_owners() {
    let html = report("html", "vi");
    assert!(
        html.contains("Tiến độ thực hiện chỉ tiêu"),
        "no progress section"
    );
    assert!(html.contains("74,5% (2025)"));
    assert!(html.contains("Đơn vị thực hiện, nhiệm vụ và thời hạn"));
}

#[test]
fn without_figures_the_report_says_where_to_record_them() {
    let table = stdout(&[
        "report",
        "plans/cat-hai-2020.yaml",
        "--as-of",
        "2026-11-30",
        "--fail-on",
        "never",
    ]);
    assert!(
        table.contains("No results recorded for this plan's targets: record them in a status file beside the plan"),
        "{table}"
    );
}

/// A plan and a status file with every kind of slip a person makes in one.
fn plan_with_bad_status() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        crate::common::root().join("plans/thai-binh-2021-2030.yaml"),
        dir.path().join("thai-binh.yaml"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("thai-binh.status.yaml"),
        "plan: thai-binh-2021-2030\ntargets:\n  - {target: lit-l2-2025, year: 2052, achieved: 100}\n  \
         - {target: lit-l2-2024, year: 2024, achieved: 90}\n  \
         - {target: info-life-skills-2025, year: 2025, achieved: 745, date: 2099-01-01}\n\
         tasks:\n  - {task: review-2025, state: done, date: 2099-12-30}\n",
    )
    .unwrap();
    dir
}

fn status_codes(out: &std::process::Output) -> Vec<(String, String)> {
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["location"]["file"].as_str().unwrap().contains("status"))
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_owned(),
                format!("{}:{}", f["location"]["line"], f["location"]["column"]),
            )
        })
        .collect()
}

#[test]
fn validate_checks_the_status_file_beside_a_plan() {
    let dir = plan_with_bad_status();
    let args = ["validate", ".", "--format", "json"];
    let env = [];
    let out = crate::common::run_in(dir.path(), &args, &env);
    let mut codes = status_codes(&out);
    codes.sort();
    assert_eq!(
        codes,
        [
            ("XH014".into(), "4:14".into()),
            ("XH020".into(), "5:59".into()),
            ("XH024".into(), "3:33".into()),
            ("XH024".into(), "5:70".into()),
            ("XH024".into(), "7:44".into()),
        ]
    );
    let table = crate::common::run_in(dir.path(), &["validate", "."], &env);
    let text = String::from_utf8(table.stdout).unwrap();
    assert!(text.contains("help: did you mean `lit-l2-2025`?"), "{text}");
    assert!(text.contains("a share is between 0 and 100"), "{text}");
    let vi = crate::common::run_in(dir.path(), &["validate", ".", "--lang", "vi"], &env);
    let text = String::from_utf8(vi.stdout).unwrap();
    assert!(text.contains("tỷ lệ phải từ 0 đến 100"), "{text}");
}

#[test]
fn a_status_file_named_alone_is_checked_with_its_plan() {
    let dir = plan_with_bad_status();
    let out = crate::common::run_in(
        dir.path(),
        &["validate", "thai-binh.status.yaml", "--format", "json"],
        &[],
    );
    // Read as a status file, not as a plan full of unknown fields.
    let codes = status_codes(&out);
    assert!(codes.iter().any(|(code, _)| code == "XH014"), "{codes:?}");
    assert!(!codes.iter().any(|(code, _)| code == "XH002"), "{codes:?}");
    std::fs::remove_file(dir.path().join("thai-binh.yaml")).unwrap();
    let alone = crate::common::run_in(dir.path(), &["validate", "thai-binh.status.yaml"], &[]);
    let text = String::from_utf8(alone.stdout).unwrap();
    assert_eq!(alone.status.code(), Some(1), "{text}");
    assert!(
        text.contains("error[XH012]") && text.contains("no plan sits beside it"),
        "{text}"
    );
}
