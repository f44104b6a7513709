//! A repository of plan files that is not xhht's own: its workflow, its
//! pre-commit configuration and its `docker-compose.yml` sit beside the
//! plans (issue 15).

use std::path::Path;
use std::process::Output;

use crate::common::{root, run_in};

/// Two plans, a status file, and the YAML of other tools.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let at = |relative: &str, text: &str| {
        let path = dir.path().join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    for plan in ["cat-hai-2020.yaml", "binh-duong-2014-2020.yaml"] {
        let text = std::fs::read_to_string(root().join("plans").join(plan)).unwrap();
        at(&format!("plans/{plan}"), &text);
    }
    at(
        "plans/progress.yaml",
        "plan: cat-hai-2020\ntasks:\n  - {task: t-v-0-1, state: done, date: 2020-06-30}\n",
    );
    at(
        ".github/workflows/plans.yml",
        "on: [push]\njobs: {check: {runs-on: ubuntu-latest, steps: [{run: xhht validate .}]}}\n",
    );
    at(
        ".pre-commit-config.yaml",
        "repos:\n  - repo: local\n    hooks: [{id: xhht-validate}]\n",
    );
    at(
        "docker-compose.yml",
        "services:\n  db: {image: postgres:16}\n",
    );
    dir
}

fn xhht(dir: &Path, args: &[&str]) -> Output {
    run_in(dir, args, &[])
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

#[test]
fn a_walk_skips_other_tools_files_and_names_them() {
    let dir = repository();
    for command in ["validate", "report"] {
        let run = |paths: &[&str]| {
            let mut args = vec![command, "--format", "json"];
            if command == "report" {
                args.extend(["--as-of", "2026-11-30"]);
            }
            args.extend(paths);
            xhht(dir.path(), &args)
        };
        let whole = run(&["."]);
        let plans = run(&["plans/cat-hai-2020.yaml", "plans/binh-duong-2014-2020.yaml"]);
        assert_eq!(whole.status.code(), plans.status.code(), "{command}");
        // A walk from `.` names files `./plans/…`.
        let findings = |out: &Output| {
            let json: serde_json::Value = serde_json::from_str(&stdout(out)).unwrap();
            json["findings"].to_string().replace("\"./", "\"")
        };
        assert_eq!(findings(&whole), findings(&plans), "{command}");
        let said = stderr(&whole);
        assert!(
            said.contains("skipped, not plans: ./docker-compose.yml"),
            "{said}"
        );
        assert!(
            said.contains("skipped, status files") && said.contains("progress.yaml"),
            "{said}"
        );
    }
}

/// The pre-commit hook names every YAML file; with `--skip-non-plans` the
/// repository's own configuration passes, and without it a non-plan named
/// explicitly still fails.
#[test]
fn the_pre_commit_command_line_passes_on_other_tools_files() {
    let dir = repository();
    let files = [
        ".github/workflows/plans.yml",
        ".pre-commit-config.yaml",
        "docker-compose.yml",
    ];
    let mut hook = vec!["validate", "--skip-non-plans"];
    hook.extend(files);
    let out = xhht(dir.path(), &hook);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("skipped, not plans: .github/workflows/plans.yml, .pre-commit-config.yaml, docker-compose.yml"), "{}", stderr(&out));
    hook.push("plans/binh-duong-2014-2020.yaml");
    let out = xhht(dir.path(), &hook);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    let out = xhht(dir.path(), &["validate", "docker-compose.yml"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "named without the flag, it fails"
    );
}

/// A broken plan is never skipped: not when it does not parse, and not when
/// a key is misspelt beside a plan's own keys.
#[test]
fn a_broken_plan_in_the_repository_still_fails() {
    for broken in [
        "document: {id: x, title: [\n",
        "documnet: {id: x}\ntargets: []\n",
        "Document: {id: x}\nTargets: []\n",
        "documnet: {id: x}\ntarget: []\n",
    ] {
        let dir = repository();
        std::fs::write(dir.path().join("plans/broken.yaml"), broken).unwrap();
        let out = xhht(dir.path(), &["validate", "."]);
        assert_eq!(out.status.code(), Some(1), "{broken}");
        assert!(stdout(&out).contains("plans/broken.yaml"), "{broken}");
        let out = xhht(
            dir.path(),
            &["validate", "--skip-non-plans", "plans/broken.yaml"],
        );
        assert_eq!(out.status.code(), Some(1), "{broken}");
    }
}
