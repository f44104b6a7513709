//! Hostile input (issue 21): each reproduction from the hostile testing,
//! as a user would run it.

use crate::common::run_in;

fn validate_in(dir: &std::path::Path, file: &str) -> std::process::Output {
    run_in(dir, &["validate", file], &[])
}

/// `d\r\xff` and `a = "x\r` put a finding just after a line's closing
/// carriage return, which once made the diagnostic renderer panic (exit 101).
#[test]
fn a_finding_on_a_closing_carriage_return_is_reported_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x.yaml"), b"d\r\xff").unwrap();
    std::fs::write(dir.path().join("x.toml"), b"a = \"x\r").unwrap();
    for file in ["x.yaml", "x.toml"] {
        let out = validate_in(dir.path(), file);
        assert_eq!(out.status.code(), Some(1), "{file}: {out:?}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("XH001"),
            "{file}"
        );
    }
}

/// Thousands of findings on one long line: each snippet shows a window of
/// the line around its finding (the whole line each time was quadratic),
/// and names the finding's true column.
#[test]
fn findings_on_one_long_line_show_a_window_of_it() {
    let dir = tempfile::tempdir().unwrap();
    let example =
        std::fs::read_to_string(crate::common::root().join("examples/commune-plan.yaml")).unwrap();
    let head = &example[..example.find("tasks:").unwrap()];
    let tasks: Vec<String> = (0..2000)
        .map(|i| format!("{{id: t{i}, title: x, leads: [nope]}}"))
        .collect();
    let plan = format!("{head}tasks: [{}]\n", tasks.join(", "));
    let line = plan.lines().count();
    std::fs::write(dir.path().join("long.yaml"), &plan).unwrap();
    let out = validate_in(dir.path(), "long.yaml");
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.matches("error[XH011]").count(), 2000);
    assert!(
        text.lines().all(|l| l.chars().count() < 300),
        "a line was drawn whole"
    );
    // The last task's `nope`, by its column in the file (ASCII: bytes are characters).
    let long_line = plan_line(&dir.path().join("long.yaml"), line);
    let column =
        long_line.find("{id: t1999,").unwrap() + "{id: t1999, title: x, leads: [".len() + 1;
    let at = format!("long.yaml:{line}:{column}\n");
    assert!(text.contains(&at), "{at}");
}

fn plan_line(path: &std::path::Path, line: usize) -> String {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .nth(line - 1)
        .unwrap()
        .to_owned()
}

/// `-o` or `--write-accepted` naming a plan the run reads once replaced the
/// plan with the report; now the run refuses, and the plan is untouched.
#[test]
fn an_output_path_that_is_an_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.yaml");
    let text =
        std::fs::read_to_string(crate::common::root().join("examples/commune-plan.yaml")).unwrap();
    std::fs::write(&plan, &text).unwrap();
    for flag in ["-o", "--write-accepted"] {
        let out = run_in(
            dir.path(),
            &["validate", "plan.yaml", flag, "plan.yaml"],
            &[],
        );
        assert_eq!(out.status.code(), Some(2), "{flag}");
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(
            said.contains("one of the files the run reads"),
            "{flag}: {said}"
        );
        assert_eq!(std::fs::read_to_string(&plan).unwrap(), text, "{flag}");
    }
    // Through another spelling of the same path, too.
    let out = run_in(
        dir.path(),
        &["validate", "plan.yaml", "-o", "./plan.yaml"],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    // Rewriting the accepted file it read stays allowed.
    let accept = ["validate", "plan.yaml", "--write-accepted", "a.json"];
    assert_eq!(run_in(dir.path(), &accept, &[]).status.code(), Some(0));
    let again = [
        "validate",
        "plan.yaml",
        "--accepted",
        "a.json",
        "--write-accepted",
        "a.json",
    ];
    assert_eq!(run_in(dir.path(), &again, &[]).status.code(), Some(0));
    // `-o -` is standard output.
    let out = run_in(dir.path(), &["validate", "plan.yaml", "-o", "-"], &[]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("checked"));
}

/// As root (GitLab's default image), `-o /dev/null` once replaced the device
/// node with a regular file; a device is written in place.
#[cfg(unix)]
#[test]
fn a_device_named_as_output_is_written_in_place() {
    use std::os::unix::fs::FileTypeExt;
    let out = crate::common::run(&["validate", "examples/commune-plan.yaml", "-o", "/dev/null"]);
    assert!(out.status.code().is_some_and(|c| c < 2), "{out:?}");
    assert!(out.stdout.is_empty());
    let kind = std::fs::metadata("/dev/null").unwrap().file_type();
    assert!(kind.is_char_device());
}

/// A path with escape sequences reaches the terminal as escapes, in the
/// error line as in a report.
#[test]
fn a_path_with_escape_sequences_is_shown_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_in(dir.path(), &["validate", "missing\u{1b}[2J.yaml"], &[]);
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(!said.contains('\u{1b}'), "{said:?}");
    assert!(said.contains("missing\\u{1b}[2J.yaml"), "{said}");
}

/// A file name with a newline once started a GitHub workflow command on a
/// line of its own (in the log lines past the annotation limit, and in the
/// table): paths are shown with their control characters escaped.
#[test]
fn a_file_name_cannot_start_a_workflow_command() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..10 {
        std::fs::write(dir.path().join(format!("a{i}.yaml")), "document: {\n").unwrap();
    }
    std::fs::write(
        dir.path().join("b\n::error title=pwned::x\n.yaml"),
        "document: {\n",
    )
    .unwrap();
    for format in ["github", "table", "junit", "markdown"] {
        let out = run_in(dir.path(), &["validate", ".", "--format", format], &[]);
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            !text.lines().any(|l| l.starts_with("::error title=pwned")),
            "{format}: {text}"
        );
    }
}

/// `diff -o` naming a plan it read beside the one compared (or the
/// `--against` file) once replaced it with the report.
#[test]
fn diff_never_writes_over_a_plan_it_read() {
    let dir = tempfile::tempdir().unwrap();
    for plan in [
        "cat-hai-2020.yaml",
        "vinh-long-2012-2020.yaml",
        "national/de-an-89.yaml",
    ] {
        let from = crate::common::root().join("plans").join(plan);
        std::fs::copy(from, dir.path().join(plan.trim_start_matches("national/"))).unwrap();
    }
    let before = std::fs::read(dir.path().join("vinh-long-2012-2020.yaml")).unwrap();
    for args in [
        &[
            "diff",
            "cat-hai-2020.yaml",
            "-o",
            "vinh-long-2012-2020.yaml",
        ][..],
        &[
            "diff",
            "cat-hai-2020.yaml",
            "--against",
            "de-an-89.yaml",
            "-o",
            "de-an-89.yaml",
        ],
    ] {
        let out = run_in(dir.path(), args, &[]);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
    assert_eq!(
        std::fs::read(dir.path().join("vinh-long-2012-2020.yaml")).unwrap(),
        before
    );
}
