//! `xhht report`: one findings model in every format.

use std::path::Path;

use serde_json::Value;

use crate::common::{root, run as xhht, stdout};

const SEEDS: &[&str] = &[
    "plans/vinh-long-2012-2020.yaml",
    "plans/binh-duong-2014-2020.yaml",
    "plans/thai-binh-2021-2030.yaml",
    "plans/ninh-thuan-1960-2020.toml",
    "plans/cat-hai-2020.yaml",
];

#[test]
fn json_of_every_seed_validates_against_the_report_schema() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schemas/report.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for seed in SEEDS {
        let json: Value = serde_json::from_str(&stdout(&[
            "report",
            "--format",
            "json",
            "--as-of",
            "2026-11-22",
            seed,
        ]))
        .unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{seed}: {}", errors.join("; "));
        assert_eq!(json["version"], xhht::report::REPORT_VERSION);
        assert_eq!(json["as_of"], "2026-11-22");
        assert_eq!(json["baselines"].as_array().unwrap().len(), 4);
    }
}

#[test]
fn the_table_carries_the_same_findings_as_the_json() {
    for seed in SEEDS {
        let json: Value =
            serde_json::from_str(&stdout(&["report", "--format", "json", seed])).unwrap();
        let mut from_json: Vec<String> = json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap().to_owned())
            .collect();
        let table = stdout(&["report", seed]);
        let mut from_table: Vec<String> = table
            .lines()
            .filter_map(|line| line.split('┆').nth(1).map(str::trim))
            .filter(|cell| cell.len() == 5 && cell.starts_with("XH"))
            .map(str::to_owned)
            .collect();
        from_json.sort();
        from_table.sort();
        assert_eq!(from_json, from_table, "{seed}");
    }
}

#[test]
fn labels_follow_lang() {
    let vi = stdout(&["report", "--lang", "vi", "plans/cat-hai-2020.yaml"]);
    assert!(vi.contains("Báo cáo rà soát kế hoạch"));
    assert!(vi.contains("Chỉ tiêu còn thiếu hoặc thấp hơn"));
    let en = stdout(&["report", "--lang", "en", "plans/cat-hai-2020.yaml"]);
    assert!(en.contains("Gaps and shortfalls"));
    // Agency names stay as the plan writes them, whatever the language: the
    // mapped owner of vocational training in the duty table.
    let json: serde_json::Value = serde_json::from_str(&stdout(&[
        "report",
        "--lang",
        "en",
        "--format",
        "json",
        "plans/cat-hai-2020.yaml",
    ]))
    .unwrap();
    let owners = json["comparisons"][0]["duties"].to_string();
    assert!(
        owners.contains("Phòng Lao động - Thương binh và Xã hội"),
        "{owners}"
    );
    let from_env = crate::common::run_in(
        root(),
        &["report", "plans/cat-hai-2020.yaml"],
        &[("LANG", "vi_VN.UTF-8")],
    );
    assert!(String::from_utf8_lossy(&from_env.stdout).contains("Tổng hợp"));
}

#[test]
fn only_keeps_one_kind_of_finding() {
    let json: Value = serde_json::from_str(&stdout(&[
        "report",
        "--format",
        "json",
        "--only",
        "gaps",
        "plans/binh-duong-2014-2020.yaml",
    ]))
    .unwrap();
    let kinds: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert!(!kinds.is_empty());
    assert!(
        kinds.iter().all(|k| *k == "gap" || *k == "shortfall"),
        "{kinds:?}"
    );
}

#[test]
fn output_is_written_whole_to_the_named_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.md");
    let out = xhht(&[
        "report",
        "--format",
        "markdown",
        "--output",
        path.to_str().unwrap(),
        "plans/cat-hai-2020.yaml",
    ]);
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        written,
        stdout(&["report", "--format", "markdown", "plans/cat-hai-2020.yaml"])
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file is left behind"
    );
}

fn report_json(args: &[&str]) -> Value {
    let mut all = vec!["report", "--format", "json", "--fail-on", "never"];
    all.extend(args);
    let out = xhht(&all);
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{args:?}: {e}: {}", String::from_utf8_lossy(&out.stderr)))
}

/// A recurring deadline is one obligation: one row, and at most one finding
/// however many of its occurrences were missed.
#[test]
fn one_schedule_row_and_at_most_one_schedule_finding_per_task() {
    let json = report_json(&["--as-of", "2026-11-30", "plans/vinh-long-2012-2020.yaml"]);
    let rows = json["schedules"][0]["rows"].as_array().unwrap();
    let mut tasks: Vec<&str> = rows.iter().map(|r| r["task"].as_str().unwrap()).collect();
    let count = tasks.len();
    tasks.sort_unstable();
    tasks.dedup();
    assert_eq!(tasks.len(), count, "one row per task");
    let mut per_task = std::collections::BTreeMap::<&str, usize>::new();
    for f in json["findings"].as_array().unwrap() {
        if f["kind"] == "schedule" {
            // The field says which task's deadline a finding is about.
            *per_task.entry(f["field"].as_str().unwrap()).or_default() += 1;
        }
    }
    assert!(per_task.values().all(|n| *n == 1), "{per_task:?}");
    let half_yearly = rows
        .iter()
        .find(|r| r["task"] == "report-so-gddt")
        .expect("the Sở's six-monthly report");
    assert_eq!(half_yearly["occurrences"]["total"], 16);
    assert_eq!(half_yearly["occurrences"]["missed"], 16);
    assert_eq!(half_yearly["last_missed"]["period"], "2020-H2");
    assert!(half_yearly.get("next_due").is_none());
    let finding = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["subject"] == "report-so-gddt")
        .unwrap();
    let message = finding["message"].as_str().unwrap();
    assert!(
        message.contains("16 of 16 six-monthly occurrences due so far have no done record")
            && message.contains("the plan's period ended 2020-12-31"),
        "{message}"
    );
    assert!(
        !json.to_string().contains("days overdue"),
        "no sum of years in days"
    );
    assert!(json["schedules"][0].get("occurrences").is_none());
}

/// Every occurrence is listed only on request, and no more than a run's cap.
#[test]
fn occurrences_are_listed_on_request_up_to_a_cap() {
    // A monthly report over twenty years, then the bundled plans: more
    // occurrences than a run lists.
    let dir = tempfile::tempdir().unwrap();
    let monthly = dir.path().join("monthly.yaml");
    std::fs::write(
        &monthly,
        "document:\n  id: xa-thu\n  title: Kế hoạch xã Thử\n  kind: plan\n  issuer: UBND xã Thử\n  \
         level: commune\n  jurisdiction: xã Thử\n  period: {start: 2011, end: 2030}\n\
         tasks:\n  - {id: bao-cao, title: Báo cáo tháng, deadline: {wording: \"hằng tháng\"}}\n",
    )
    .unwrap();
    let monthly = monthly.to_str().unwrap();
    let json = report_json(&["--occurrences", "--as-of", "2026-11-30", monthly, "plans/"]);
    let schedules = json["schedules"].as_array().unwrap();
    let sum = |f: &dyn Fn(&Value) -> usize| schedules.iter().map(f).sum::<usize>();
    let listed = sum(&|s| s["occurrences"]["listed"].as_array().unwrap().len());
    let omitted = sum(&|s| usize::try_from(s["occurrences"]["omitted"].as_u64().unwrap()).unwrap());
    let total = sum(&|s| {
        s["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| usize::try_from(r["occurrences"]["total"].as_u64().unwrap()).unwrap())
            .sum()
    });
    assert_eq!(listed, xhht::report::MAX_OCCURRENCES);
    assert!(omitted > 0);
    assert_eq!(listed + omitted, total);
    let table = stdout(&[
        "report",
        "--occurrences",
        "--as-of",
        "2026-11-30",
        monthly,
        "plans/",
    ]);
    assert!(
        table.contains("Occurrences not listed: ") && table.contains("a run lists at most 200"),
        "the table says where the list was cut"
    );
    let without = report_json(&["--as-of", "2026-11-30", monthly, "plans/"]);
    assert!(
        without["schedules"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s.get("occurrences").is_none())
    );
}

/// The printable report draws the schedule rows the other formats draw.
#[test]
fn html_draws_one_schedule_row_per_task_and_the_conventions() {
    let args = ["--as-of", "2026-11-30", "plans/vinh-long-2012-2020.yaml"];
    let html = stdout(
        &[
            &["report", "--format", "html", "--fail-on", "never"][..],
            &args,
        ]
        .concat(),
    );
    let json = report_json(&args);
    let rows = json["schedules"][0]["rows"].as_array().unwrap();
    assert!(!rows.is_empty());
    for row in rows {
        let task = row["task"].as_str().unwrap();
        assert_eq!(
            html.matches(&format!("<tr><td>{task}: ")).count(),
            1,
            "{task}"
        );
    }
    assert!(html.contains("<h3>Overdue and due soon</h3>"));
    assert!(html.contains("Due dates rest on these conventions: "));
}

#[test]
fn snapshots() {
    for seed in ["plans/cat-hai-2020.yaml", "plans/binh-duong-2014-2020.yaml"] {
        let name = Path::new(seed)
            .file_stem()
            .unwrap()
            .to_str()
            .unwrap()
            .to_owned();
        let args = |format: &'static str| {
            vec![
                "report",
                "--format",
                format,
                "--as-of",
                "2026-11-22",
                "--lang",
                "vi",
                seed,
            ]
        };
        insta::assert_snapshot!(format!("{name}-table"), stdout(&args("table")));
        insta::assert_snapshot!(format!("{name}-markdown"), stdout(&args("markdown")));
        let json: Value = serde_json::from_str(&stdout(&args("json"))).unwrap();
        insta::assert_json_snapshot!(format!("{name}-json"), json, {
            ".baselines[].sha256" => "[sha256]",
            ".tool.version" => "[version]",
        });
    }
}
