//! Every command finds a plan's parent the same way: beside the plan, among
//! the files checked, or under `--plans DIR` (issue 16). `report` and
//! `validate` once reported a parent saved beside the plan as unknown
//! (XH012, XH105) while `diff` found it.

use std::path::Path;

use serde_json::Value;

use crate::common::{finding_codes, root, run_in};

/// A commune plan of Thái Bình issued under the province's plan.
const COMMUNE: &str = "\
document:
  id: xa-thu-2021-2025
  title: Kế hoạch xây dựng xã hội học tập xã Thử giai đoạn 2021 - 2025
  kind: plan
  issuer: Ủy ban nhân dân xã Thử
  level: commune
  jurisdiction: xã Thử
  province: thai-binh
  period: {start: 2021, end: 2025}
links:
  parent: {plan: thai-binh-2021-2030, number: \"KH-UBND\"}
";

fn setup(parent_dir: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let into = dir.path().join(parent_dir);
    std::fs::create_dir_all(&into).unwrap();
    std::fs::copy(
        root().join("plans/thai-binh-2021-2030.yaml"),
        into.join("thai-binh-2021-2030.yaml"),
    )
    .unwrap();
    std::fs::create_dir_all(dir.path().join("xa")).unwrap();
    std::fs::write(dir.path().join("xa/xa-thu.yaml"), COMMUNE).unwrap();
    dir
}

fn codes(dir: &Path, args: &[&str]) -> Vec<String> {
    finding_codes(&run_in(dir, args, &[]))
}

fn compared_with(dir: &Path, args: &[&str]) -> Vec<String> {
    let out = run_in(dir, args, &[]);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    json["comparisons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["against"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_parent_beside_the_plan_is_found_by_every_command() {
    let dir = setup("xa");
    for args in [
        &["validate", "xa/xa-thu.yaml", "--format", "json"][..],
        &["report", "xa/xa-thu.yaml", "--format", "json"],
        &["diff", "xa/xa-thu.yaml", "--format", "json"],
    ] {
        let codes = codes(dir.path(), args);
        assert!(
            !codes.iter().any(|c| c == "XH012" || c == "XH105"),
            "{args:?}: {codes:?}"
        );
    }
    let against = compared_with(
        dir.path(),
        &["report", "xa/xa-thu.yaml", "--format", "json"],
    );
    assert!(
        against.iter().any(|id| id == "thai-binh-2021-2030"),
        "{against:?}"
    );
    // The parent was read to compare with, not checked: its own findings
    // are not the commune's.
    let out = run_in(
        dir.path(),
        &["report", "xa/xa-thu.yaml", "--format", "json"],
        &[],
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["summary"]["files"], 1, "{json:#}");
}

#[test]
fn a_parent_elsewhere_is_found_with_plans_dir() {
    let dir = setup("tinh");
    let without = codes(
        dir.path(),
        &["validate", "xa/xa-thu.yaml", "--format", "json"],
    );
    assert!(without.iter().any(|c| c == "XH012"), "{without:?}");
    for command in ["validate", "report", "diff"] {
        let args = [
            command,
            "xa/xa-thu.yaml",
            "--plans",
            "tinh",
            "--format",
            "json",
        ];
        let codes = codes(dir.path(), &args);
        assert!(
            !codes.iter().any(|c| c == "XH012" || c == "XH105"),
            "{args:?}: {codes:?}"
        );
    }
}

/// A file that names the parent's id but does not load is said, so an
/// "unknown plan" finding does not leave the user guessing.
#[test]
fn a_broken_file_naming_the_parent_is_pointed_out() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("xa-thu.yaml"), COMMUNE).unwrap();
    std::fs::write(
        dir.path().join("tinh.yaml"),
        "document:\n  id: thai-binh-2021-2030\n  title: [\n",
    )
    .unwrap();
    // Broken too, but about something else: not the parent, not mentioned.
    std::fs::write(dir.path().join("other.yaml"), "document: [\n").unwrap();
    // A sibling commune that names the parent in its links is not the
    // parent: never parsed, never mentioned.
    std::fs::write(
        dir.path().join("sibling.yaml"),
        "links:\n  parent: {plan: thai-binh-2021-2030, number: x}\ndocument: [\n",
    )
    .unwrap();
    let out = run_in(dir.path(), &["validate", "xa-thu.yaml"], &[]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("tinh.yaml names a plan this run looks for, but does not load"),
        "{stderr}"
    );
    assert!(!stderr.contains("other.yaml"), "{stderr}");
    assert!(!stderr.contains("sibling.yaml"), "{stderr}");
    assert_eq!(out.status.code(), Some(1), "{out:?}");
}

/// Another plan file is never replaced by a report, whether or not the
/// run read it.
#[test]
fn a_report_never_replaces_a_plan_file_beside_it() {
    let dir = setup("xa");
    std::fs::write(dir.path().join("xa/other.yaml"), "document: {}\n").unwrap();
    let out = run_in(
        dir.path(),
        &["report", "xa/xa-thu.yaml", "-o", "xa/other.yaml"],
        &[],
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no report is YAML or TOML"),
        "{out:?}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("xa/other.yaml")).unwrap(),
        "document: {}\n"
    );
}

/// Two files beside a plan claiming its parent's id: comparing with either
/// could give the wrong verdict (an archived draft's figure), so neither is
/// used and the run says so.
#[test]
fn two_files_with_the_parents_id_are_neither_used() {
    let dir = setup("xa");
    let copy = std::fs::read_to_string(root().join("plans/thai-binh-2021-2030.yaml")).unwrap();
    std::fs::write(dir.path().join("xa/old-draft.yaml"), copy).unwrap();
    let out = run_in(
        dir.path(),
        &["report", "xa/xa-thu.yaml", "--format", "json"],
        &[],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("all hold plan `thai-binh-2021-2030`"),
        "{stderr}"
    );
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let found = codes(
        dir.path(),
        &["validate", "xa/xa-thu.yaml", "--format", "json"],
    );
    assert!(found.iter().any(|c| c == "XH012"), "{found:?}");
    // Left out with --exclude, the other copy no longer competes.
    let args = [
        "validate",
        "xa/xa-thu.yaml",
        "--exclude",
        "old-draft.yaml",
        "--format",
        "json",
    ];
    let found = codes(dir.path(), &args);
    assert!(!found.iter().any(|c| c == "XH012"), "{found:?}");
}

/// A plan's own directory is looked in, not the directories under it: an
/// `archive/` beside a plan is not where its parent is kept.
#[test]
fn sub_directories_beside_a_plan_are_not_searched() {
    let dir = setup("xa/archive");
    let codes = codes(
        dir.path(),
        &["validate", "xa/xa-thu.yaml", "--format", "json"],
    );
    assert!(codes.iter().any(|c| c == "XH012"), "{codes:?}");
}

/// A report is never written to a `.yaml`, `.yml` or `.toml` path, new or
/// not: the next run would take it for a plan.
#[test]
fn a_report_is_never_written_to_a_plan_path() {
    let dir = setup("xa");
    let out = run_in(
        dir.path(),
        &[
            "report",
            "xa/xa-thu.yaml",
            "--format",
            "json",
            "-o",
            "new.yml",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(!dir.path().join("new.yml").exists());
}

/// One parent reached by two spellings of its directory is one plan, not
/// two claiming its id (a false XH012).
#[test]
fn one_file_reached_twice_is_one_candidate() {
    let dir = setup("xa");
    let found = codes(
        dir.path(),
        &[
            "validate",
            "xa/xa-thu.yaml",
            "--plans",
            ".",
            "--format",
            "json",
        ],
    );
    assert!(!found.iter().any(|c| c == "XH012"), "{found:?}");
}

/// A plan of Hưng Yên's, with a parent when given one.
fn plan(id: &str, level: &str, parent: Option<&str>) -> String {
    let template = include_str!("../templates/hung-yen-plan.yaml.in");
    let mut text = template.replace("LEVEL", level).replace("ID", id);
    if let Some(parent) = parent {
        text.push_str(&format!("  parent: {{plan: {parent}, number: \"2/KH\"}}\n"));
    }
    text
}

/// The parent's parent, claimed by two files under `--plans`, is said once,
/// however the run reaches it (the JSON report reads a country's plans a
/// chunk at a time and once said it twice).
#[test]
fn a_plan_claimed_twice_beside_the_run_is_said_once() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write("run/a.yaml", &plan("a-2026", "commune", Some("y-2026")));
    write("lib/y.yaml", &plan("y-2026", "province", Some("x-2026")));
    write("lib/x1.yaml", &plan("x-2026", "province", None));
    write("lib/x2.yaml", &plan("x-2026", "province", None));
    for format in ["json", "table"] {
        let args = ["report", "run", "--plans", "lib", "--format", format];
        let out = run_in(dir.path(), &args, &[]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            stderr.matches("all hold plan `x-2026`").count(),
            1,
            "{stderr}"
        );
    }
}

/// `--against` an id that only a broken file declares is refused without
/// suggesting that very id.
#[test]
fn against_an_id_no_plan_loads_with_never_suggests_itself() {
    let dir = tempfile::tempdir().unwrap();
    let broken = plan("tinh-thu-2026-2030", "province", None)
        .replace("kind: plan", "kind: plan\n  colour: red");
    std::fs::write(dir.path().join("broken.yaml"), broken).unwrap();
    std::fs::write(
        dir.path().join("a.yaml"),
        plan("xa-thu-2026-2030", "commune", None),
    )
    .unwrap();
    for format in ["json", "table"] {
        let args = [
            "report",
            ".",
            "--against",
            "tinh-thu-2026-2030",
            "--format",
            format,
        ];
        let out = run_in(dir.path(), &args, &[]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("no such plan"), "{stderr}");
        assert!(
            !stderr.contains("did you mean `tinh-thu-2026-2030`"),
            "{stderr}"
        );
    }
}

/// A status file named alone, with no plan beside it, and `--only`: the
/// report says so, it does not claim there were no files.
#[test]
fn an_orphan_status_file_with_only_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("x.status.yaml"),
        "plan: nobody\ntasks: []\n",
    )
    .unwrap();
    for format in ["json", "table"] {
        let args = [
            "report",
            "x.status.yaml",
            "--only",
            "conflicts",
            "--format",
            format,
        ];
        let out = run_in(dir.path(), &args, &[]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{stderr}");
        assert!(!stderr.contains("no plan files"), "{stderr}");
    }
}

/// A directory with no plan and an unknown `--against`: the run says there
/// are no plan files, in every format.
#[test]
fn no_plan_files_is_said_before_an_unknown_against() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("empty")).unwrap();
    for format in ["json", "table"] {
        let args = ["report", "empty", "--against", "sp-pa", "--format", format];
        let out = run_in(dir.path(), &args, &[]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("no plan files"), "{stderr}");
    }
}
