//! The CI formats carry exactly the JSON report's findings; the ratchet
//! fails only on new findings and is blind to line numbers.

use std::process::Output;

use serde_json::Value;

use crate::common::{root, run as xhht, run_in as xhht_in};

fn text(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

const RUN: &[&str] = &[
    "report",
    "--as-of",
    "2026-11-22",
    "--fail-on",
    "never",
    "plans/",
];

fn run(format: &str) -> String {
    let mut args = RUN.to_vec();
    args.extend(["--format", format]);
    text(&xhht(&args))
}

fn json_count() -> usize {
    let json: Value = serde_json::from_str(&run("json")).unwrap();
    json["findings"].as_array().unwrap().len()
}

#[test]
fn sarif_validates_against_the_official_schema_and_carries_every_finding() {
    let Some(schema_path) = crate::common::shared("data/sarif-schema-2.1.0.json") else {
        return;
    };
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(&schema_path).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let sarif: Value = serde_json::from_str(&run("sarif")).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .take(5)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    let run = &sarif["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    assert_eq!(run["results"].as_array().unwrap().len(), json_count());
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.iter().any(|r| r["id"] == "XH101"));
}

#[test]
fn junit_and_github_carry_every_finding() {
    let count = json_count();
    let junit = run("junit");
    // Each finding is one `file:line:col: severity[code]: message` line.
    assert_eq!(junit.matches("[XH").count(), count);
    assert!(junit.starts_with("<?xml"));
    assert!(junit.contains("<testsuite name=\"plans/cat-hai-2020.yaml\""));
    // GitHub shows ten annotations of each kind per step: the most severe
    // come first, the rest are log lines, and a last notice says how many.
    let github = run("github");
    let annotations: Vec<&str> = github.lines().filter(|l| l.starts_with("::")).collect();
    let plain = github
        .lines()
        .filter(|l| l.contains("[XH") && !l.starts_with("::"));
    assert_eq!(annotations.len() - 1 + plain.count(), count);
    for kind in ["error", "warning", "notice"] {
        let of_kind = annotations
            .iter()
            .filter(|l| l.starts_with(&format!("::{kind} file=")))
            .count();
        assert!(of_kind <= 10, "{kind}: {of_kind}");
    }
    assert!(annotations[0].starts_with("::error "), "{github}");
    let last = annotations.last().unwrap();
    assert!(
        last.starts_with("::notice title=xhht::") && last.contains("not annotations"),
        "{last}"
    );
    assert!(
        github.contains(
            "::error file=plans/cat-hai-2020.yaml,line=458,col=12,title=XH102 shortfall::"
        )
    );
}

#[test]
fn github_is_chosen_on_github_actions_and_writes_the_job_summary() {
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("summary.md");
    let out = xhht_in(
        root(),
        &["report", "--as-of", "2026-11-22", "plans/cat-hai-2020.yaml"],
        &[
            ("GITHUB_ACTIONS", "true"),
            ("GITHUB_STEP_SUMMARY", summary.to_str().unwrap()),
        ],
    );
    assert!(
        text(&out)
            .lines()
            .all(|l| l.starts_with("::") || l.contains("[XH")),
        "{}",
        text(&out)
    );
    let written = std::fs::read_to_string(&summary).unwrap();
    assert!(
        written.contains("# Review of learning-society plans"),
        "{written}"
    );
    // All of plans/ has more findings than GitHub annotates: the summary says so.
    let out = xhht_in(
        root(),
        &[
            "report",
            "--as-of",
            "2026-11-22",
            "--fail-on",
            "never",
            "plans/",
        ],
        &[
            ("GITHUB_ACTIONS", "true"),
            ("GITHUB_STEP_SUMMARY", summary.to_str().unwrap()),
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let written = std::fs::read_to_string(&summary).unwrap();
    assert!(
        written.contains("\n> ") && written.contains("findings are not annotations"),
        "{written}"
    );
}

#[test]
fn ci_formats_snapshot() {
    for format in ["sarif", "junit", "github"] {
        let out = text(&xhht(&[
            "report",
            "--as-of",
            "2026-11-22",
            "--format",
            format,
            "plans/binh-duong-2014-2020.yaml",
        ]));
        let out = out.replace(env!("CARGO_PKG_VERSION"), "[version]");
        insta::assert_snapshot!(format!("binh-duong-{format}"), out);
    }
}

/// A copy of plans/ to change without touching the bundled files.
fn copy_plans() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in xhht::walk::plan_files(&[root().join("plans")]).unwrap() {
        let relative = entry.strip_prefix(root()).unwrap();
        let target = dir.path().join(relative);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(&entry, target).unwrap();
    }
    dir
}

#[test]
fn the_ratchet_fails_on_new_findings_only() {
    let dir = copy_plans();
    let base = ["validate", "--fail-on", "info", "plans/"];
    let write = [&base[..], &["--write-accepted", "accepted.json"]].concat();
    assert_eq!(
        xhht_in(dir.path(), &write, &[]).status.code(),
        Some(0),
        "recording today's findings is not a failure"
    );
    let check = [&base[..], &["--accepted", "accepted.json"]].concat();
    assert_eq!(
        xhht_in(dir.path(), &check, &[]).status.code(),
        Some(0),
        "nothing new"
    );

    // Lines inserted above every finding change nothing.
    let cat_hai = dir.path().join("plans/cat-hai-2020.yaml");
    let original = std::fs::read_to_string(&cat_hai).unwrap();
    let shifted = original.replacen(
        "\ndocument:\n",
        "\n# Ghi chú: dòng thêm vào\n# dòng thứ hai\n\ndocument:\n",
        1,
    );
    assert_ne!(shifted, original);
    std::fs::write(&cat_hai, &shifted).unwrap();
    assert_eq!(
        xhht_in(dir.path(), &check, &[]).status.code(),
        Some(0),
        "inserted lines are not new findings"
    );

    // A new finding fails, and only it is reported as new.
    let broken = shifted.replacen("leads: [phong-gddt", "leads: [phong-gddt-moi", 1);
    assert_ne!(broken, shifted);
    std::fs::write(&cat_hai, &broken).unwrap();
    let out = xhht_in(
        dir.path(),
        &[&check[..], &["--format", "json"]].concat(),
        &[],
    );
    assert_eq!(out.status.code(), Some(1));

    // Fixing a finding passes, and says what went away.
    std::fs::write(&cat_hai, &shifted).unwrap();
    let ninh_thuan = dir.path().join("plans/ninh-thuan-1960-2020.toml");
    let fixed = std::fs::read_to_string(&ninh_thuan)
        .unwrap()
        .replace("date = \"13/4/2017\"", "date = \"13/4/2007\"");
    std::fs::write(&ninh_thuan, fixed).unwrap();
    let out = xhht_in(dir.path(), &check, &[]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("fixed: XH040"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A schedule finding is known by its task, so a later as-of date that
/// misses another year of the same report is not a new finding.
#[test]
fn the_ratchet_knows_a_schedule_finding_by_its_task() {
    let dir = copy_plans();
    let run = |as_of: &str, ratchet: &[&str]| {
        let mut args = vec![
            "report",
            "--fail-on",
            "info",
            "--as-of",
            as_of,
            "plans/thai-binh-2021-2030.yaml",
        ];
        args.extend(ratchet);
        xhht_in(dir.path(), &args, &[])
    };
    run("2026-11-30", &["--write-accepted", "accepted.json"]);
    let accepted: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("accepted.json")).unwrap())
            .unwrap();
    let yearly: Vec<&Value> = accepted["accepted"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["code"] == "XH204")
        .collect();
    assert!(!yearly.is_empty());
    for entry in &yearly {
        assert!(
            !entry["subject"].as_str().unwrap().contains(' '),
            "a task id, not a period: {entry}"
        );
        assert_eq!(entry["count"], 1);
    }
    let out = run("2027-01-05", &["--accepted", "accepted.json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn junit_files_a_gap_under_the_plan_it_is_about() {
    let args = |format| {
        vec![
            "report",
            "--as-of",
            "2026-11-22",
            "--fail-on",
            "never",
            "--format",
            format,
            "plans/binh-duong-2014-2020.yaml",
        ]
    };
    let junit = text(&xhht(&args("junit")));
    let json: Value = serde_json::from_str(&text(&xhht(&args("json")))).unwrap();
    // The gaps point into the national file, but they are the plan's.
    let gaps = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "XH101")
        .count();
    assert_eq!(gaps, 2);
    let case = junit
        .split("name=\"XH101 gap\"")
        .nth(1)
        .expect("a gap test case");
    assert!(
        case.split("</testcase>")
            .next()
            .unwrap()
            .matches("[XH101]")
            .count()
            == gaps,
        "{junit}"
    );
    assert_eq!(
        junit.matches("[XH").count(),
        json["findings"].as_array().unwrap().len()
    );
    assert_eq!(junit.matches("<testsuite ").count(), 1);
}

/// A plan's text goes into JUnit without the characters XML 1.0 forbids:
/// `"\uFFFF" = 1` (found by the render fuzz target) once named its unknown
/// field with a U+FFFF that no XML parser reads.
#[test]
fn junit_drops_what_xml_cannot_hold() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("x.toml"),
        "\"a\\uFFFEb\\uFFFFc\\u0001d\" = 1\n",
    )
    .unwrap();
    let junit = text(&xhht_in(
        dir.path(),
        &["validate", "x.toml", "--format", "junit"],
        &[],
    ));
    assert!(junit.contains("unknown field `abcd`"), "{junit}");
    assert!(
        !junit.contains(['\u{fffe}', '\u{ffff}', '\u{1}']),
        "{junit:?}"
    );
}

/// `validate` never compares or schedules: its JUnit has no gap or overdue
/// case to show as passed, and its Markdown no such count.
#[test]
fn validate_lists_only_the_checks_it_ran() {
    let out = |format: &str| {
        text(&xhht(&[
            "validate",
            "plans/cat-hai-2020.yaml",
            "--format",
            format,
        ]))
    };
    let junit = out("junit");
    assert!(junit.contains("name=\"XH010 duplicate-id\""), "{junit}");
    assert!(
        !junit.contains("XH101") && !junit.contains("XH201"),
        "{junit}"
    );
    let markdown = out("markdown");
    assert!(!markdown.contains("Gaps and shortfalls"), "{markdown}");
    assert!(!markdown.contains("Overdue"), "{markdown}");
    assert!(markdown.contains("## Validation findings"), "{markdown}");
    // `report` runs them all.
    let report = text(&xhht(&[
        "report",
        "plans/cat-hai-2020.yaml",
        "--format",
        "junit",
        "--fail-on",
        "never",
    ]));
    assert!(report.contains("XH101") && report.contains("XH201"));
}

/// One accepted file for every command: `validate --write-accepted` records
/// comparison and schedule findings too, so `report --accepted` passes on an
/// unchanged tree, and after one new gap fails on it alone, marked new in
/// every format.
#[test]
fn one_ratchet_serves_validate_and_report() {
    let dir = copy_plans();
    let write = ["validate", "plans/", "--write-accepted", "accepted.json"];
    assert_eq!(xhht_in(dir.path(), &write, &[]).status.code(), Some(0));
    let check = |format: &str| {
        xhht_in(
            dir.path(),
            &[
                "report",
                "plans/",
                "--accepted",
                "accepted.json",
                "--format",
                format,
            ],
            &[],
        )
    };
    let unchanged = check("table");
    assert_eq!(unchanged.status.code(), Some(0), "{unchanged:?}");
    assert!(
        unchanged.stderr.is_empty(),
        "nothing is fixed: {unchanged:?}"
    );

    // Cát Hải drops its 85% target for workers: 89's 90% becomes a gap.
    let cat_hai = dir.path().join("plans/cat-hai-2020.yaml");
    let text = std::fs::read_to_string(&cat_hai).unwrap();
    let start = text.find("  - id: workers-upper-secondary\n").unwrap();
    let end = text.find("  - id: workers-highly-skilled\n").unwrap();
    std::fs::write(&cat_hai, format!("{}{}", &text[..start], &text[end..])).unwrap();

    let table = check("table");
    assert_eq!(table.status.code(), Some(1));
    let table_text = text_of(&table);
    assert_eq!(table_text.matches("XH101").count(), 1, "{table_text}");
    assert!(
        !table_text.contains("XH030"),
        "accepted findings are not listed again"
    );
    assert!(String::from_utf8_lossy(&table.stderr).contains("fixed: XH102"));

    let json: Value = serde_json::from_str(&text_of(&check("json"))).unwrap();
    let new: Vec<&Value> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["baseline_state"] == "new")
        .collect();
    assert_eq!(new.len(), 1);
    assert_eq!(new[0]["code"], "XH101");
    assert!(
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["baseline_state"].is_string())
    );

    let sarif: Value = serde_json::from_str(&text_of(&check("sarif"))).unwrap();
    only_the_gap_is_new_in(&sarif);

    let junit = text_of(&check("junit"));
    assert_eq!(junit.matches("<failure ").count(), 1, "{junit}");
    assert!(junit.contains("<failure type=\"XH101\""));
}

fn text_of(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// Every xhht command line in the CI recipes and the pre-commit hook parses
/// with today's flags: a recipe cannot drift from the tool.
#[test]
fn the_ci_recipes_use_flags_that_exist() {
    use clap::Parser as _;
    let mut recipes = vec![root().join(".pre-commit-hooks.yaml")];
    for dir in ["examples/ci", "examples/ci/plans-repository"] {
        for entry in std::fs::read_dir(root().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                recipes.push(path);
            }
        }
    }
    let mut seen = 0;
    for recipe in &recipes {
        let text = std::fs::read_to_string(recipe).unwrap();
        let hook_args = text
            .lines()
            .find_map(|l| l.trim().strip_prefix("args: ["))
            .map(|args| args.trim_end_matches(']').to_owned());
        for line in text.lines() {
            let line = line
                .trim()
                .trim_start_matches("- ")
                .trim_start_matches("run: ");
            let line = line.trim_start_matches("entry: ");
            let Some(rest) = line.strip_prefix("xhht ") else {
                continue;
            };
            let mut args = vec!["xhht".to_owned()];
            args.extend(rest.split_whitespace().map(str::to_owned));
            if let Some(hook) = &hook_args {
                args.extend(hook.split(',').map(|a| a.trim().to_owned()));
                args.push("plan.yaml".to_owned());
            }
            if let Err(error) = xhht::cli::Cli::try_parse_from(&args) {
                panic!("{}: `{}`: {error}", recipe.display(), args.join(" "));
            }
            seen += 1;
        }
    }
    assert!(seen >= 10, "only {seen} command lines found");
}

/// SARIF after Cát Hải's gap: it alone is new, the shortfall it replaced is
/// absent, the rest unchanged, and the file is valid SARIF.
fn only_the_gap_is_new_in(sarif: &Value) {
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let new: Vec<&Value> = results
        .iter()
        .filter(|r| r["baselineState"] == "new")
        .collect();
    assert_eq!(new.len(), 1);
    assert_eq!(new[0]["ruleId"], "XH101");
    assert!(results.iter().any(|r| r["baselineState"] == "unchanged"));
    // The shortfall the gap replaced is gone: an `absent` result.
    let absent: Vec<&Value> = results
        .iter()
        .filter(|r| r["baselineState"] == "absent")
        .collect();
    assert_eq!(absent.len(), 1);
    assert_eq!(absent[0]["ruleId"], "XH102");
    if let Some(schema) = crate::common::shared("data/sarif-schema-2.1.0.json") {
        let schema: Value =
            serde_json::from_str(&std::fs::read_to_string(schema).unwrap()).unwrap();
        let validator = jsonschema::validator_for(&schema).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(sarif)
            .take(3)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
    }
}

/// `--only` and `--against` narrow what a run checks: the accepted findings
/// they leave out are not "fixed", and still-present ones are not new.
#[test]
fn a_narrowed_run_reports_nothing_fixed_that_it_did_not_check() {
    let dir = copy_plans();
    let base = ["report", "plans/", "--as-of", "2026-01-01"];
    let write = [&base[..], &["--write-accepted", "a.json"]].concat();
    assert_eq!(xhht_in(dir.path(), &write, &[]).status.code(), Some(0));
    for narrowed in [
        &["--only", "gaps"][..],
        &["--only", "overdue"],
        &["--against", "de-an-89"],
    ] {
        let args = [&base[..], narrowed, &["--accepted", "a.json"]].concat();
        let out = xhht_in(dir.path(), &args, &[]);
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(!said.contains("fixed:"), "{narrowed:?}: {said}");
        // Against another scheme, Bình Dương has gaps a plain run never
        // compared: those are new, rightly.
        if narrowed[0] == "--only" {
            assert_eq!(out.status.code(), Some(0), "{narrowed:?}: nothing new");
        }
    }
    let diff = [
        "diff",
        "plans/binh-duong-2014-2020.yaml",
        "--against",
        "de-an-89",
    ];
    let out = xhht_in(
        dir.path(),
        &[&diff[..], &["--accepted", "a.json"]].concat(),
        &[],
    );
    assert!(!String::from_utf8_lossy(&out.stderr).contains("fixed:"));
    // What diff --against records is the plain comparison, not the narrowed one.
    let write = [&diff[..], &["--write-accepted", "d.json"]].concat();
    assert_eq!(xhht_in(dir.path(), &write, &[]).status.code(), Some(0));
    let check = [
        "report",
        "plans/binh-duong-2014-2020.yaml",
        "--as-of",
        "2026-11-30",
        "--accepted",
        "d.json",
    ];
    let out = xhht_in(dir.path(), &check, &[]);
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("fixed:"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
