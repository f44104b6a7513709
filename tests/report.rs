//! `xhht report`: one findings model in every format.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

mod common;
use common::{root, run as xhht, stdout};

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
        assert_eq!(json["version"], 1);
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
    let from_env = Command::new(env!("CARGO_BIN_EXE_xhht"))
        .current_dir(root())
        .env("LANG", "vi_VN.UTF-8")
        .args(["report", "plans/cat-hai-2020.yaml"])
        .output()
        .unwrap();
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
