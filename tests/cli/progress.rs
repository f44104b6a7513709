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

/// A plan of 2021–2030 with a yearly target, two levels of one indicator
/// and a strict bound, and its status file.
fn plan_with(status: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("p.yaml"),
        "document:\n  id: p\n  title: P\n  kind: plan\n  issuer: UBND tỉnh Thái Bình\n  level: province\n  \
         jurisdiction: tỉnh Thái Bình\n  period: {start: 2021, end: 2030}\n\
         targets:\n  \
         - {id: yearly, indicator: literacy.rate.age_15_60, unit: percent, population: people, value: {at_least: 90}, each_year: true, year: 2025}\n  \
         - {id: l2, indicator: universal_ed.lower_secondary, level: 2, unit: percent, population: communes, value: {point: 100}, year: 2025}\n  \
         - {id: l3, indicator: universal_ed.lower_secondary, level: 3, unit: percent, population: communes, value: {point: 100}, year: 2025}\n  \
         - {id: above, indicator: literacy.rate.age_15_35, unit: percent, population: people, value: {above: 99}, year: 2025}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("p.status.yaml"),
        format!("plan: p\n{status}"),
    )
    .unwrap();
    dir
}

fn statuses(dir: &std::path::Path, as_of: &str) -> Vec<(String, String)> {
    let out = crate::common::run_in(
        dir,
        &[
            "report",
            "p.yaml",
            "--format",
            "json",
            "--as-of",
            as_of,
            "--fail-on",
            "never",
        ],
        &[],
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["progress"][0]["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["target"].as_str().unwrap().to_owned(),
                r["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn a_yearly_target_is_not_missed_by_a_baseline_from_before_the_plan() {
    let dir = plan_with(
        "targets:\n  - {target: yearly, year: 2020, achieved: 85}\n  - {target: yearly, year: 2021, achieved: 91}\n  \
         - {target: yearly, year: 2025, achieved: 95}\n",
    );
    let got = statuses(dir.path(), "2026-11-30");
    assert!(
        got.contains(&("yearly".into(), "achieved".into())),
        "{got:?}"
    );
}

#[test]
fn a_figure_published_after_the_as_of_date_decides_nothing() {
    let dir = plan_with(
        "targets:\n  - {target: l2, year: 2021, achieved: 90}\n  - {target: l2, year: 2025, achieved: 100, date: 2026-01-15}\n",
    );
    assert!(statuses(dir.path(), "2026-03-01").contains(&("l2".into(), "achieved".into())));
    // On 10 January 2026 the 2025 result was not out: nothing for 2025 yet.
    assert!(statuses(dir.path(), "2026-01-10").contains(&("l2".into(), "no_data".into())));
}

#[test]
fn two_figures_for_one_year_are_reported() {
    let dir = plan_with(
        "targets:\n  - {target: l2, year: 2025, achieved: 97}\n  - {target: l2, year: 2025, achieved: 90}\n",
    );
    let out = crate::common::run_in(dir.path(), &["validate", "p.yaml"], &[]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("error[XH010]: `l2` has two figures for 2025, 97 and 90"),
        "{text}"
    );
}

#[test]
fn levels_and_exact_figures_are_printed_as_they_decide() {
    let dir = plan_with(
        "targets:\n  - {target: l2, year: 2025, achieved: 100}\n  - {target: l3, year: 2025, achieved: 99.996}\n  \
         - {target: above, year: 2025, achieved: 99}\n",
    );
    let out = crate::common::run_in(
        dir.path(),
        &[
            "report",
            "p.yaml",
            "--lang",
            "vi",
            "--format",
            "markdown",
            "--as-of",
            "2026-11-30",
            "--fail-on",
            "never",
        ],
        &[],
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let row = |needle: &str| {
        text.lines()
            .find(|l| l.contains(needle) && l.contains("| 2025 |") && l.contains("(2025)"))
            .unwrap_or_else(|| panic!("{needle}: {text}"))
            .to_owned()
    };
    assert!(row("(mức độ 2)").contains("đã đạt"));
    // 99.996 is not written "100" beside a verdict that it falls short.
    let l3 = row("(mức độ 3)");
    assert!(
        l3.contains("99,996% (2025)") && l3.contains("không đạt"),
        "{l3}"
    );
    let above = row("15-35");
    assert!(above.contains("| 0 | không đạt"), "{above}");
}

#[test]
fn a_status_file_without_its_plan_is_skipped_before_a_commit() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("lone.status.yaml"), "plan: p\ntasks: []\n").unwrap();
    let out = crate::common::run_in(
        dir.path(),
        &["validate", "lone.status.yaml", "--skip-non-plans"],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
}
