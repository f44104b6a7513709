//! Hostile input files (issue 21): reading is bounded and refuses what is
//! not a plan file; each reproduction as a user would run it.

use std::io::Write as _;
use std::path::Path;
use std::process::Output;
use std::time::{Duration, Instant};

use crate::common::run_in;

/// A plan's `document`, valid but for what a test puts after it.
const DOCUMENT: &str = "\
document:
  id: thu-nghiem
  title: Kế hoạch xây dựng xã hội học tập
  kind: plan
  issuer: Ủy ban nhân dân xã Thử
  level: commune
  jurisdiction: xã Thử
";

/// A temporary directory holding `plan.yaml`, a valid plan.
fn dir_with_plan() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let plan = format!("{DOCUMENT}  period: {{start: 2021, end: 2025}}\n");
    std::fs::write(dir.path().join("plan.yaml"), plan).unwrap();
    dir
}

/// Runs xhht in `dir`: it must come back, not read a device or a pipe
/// forever. A hang detector, not a speed check (benches/ measure speed): the
/// bound is far above any normal run on a loaded machine.
fn run_bounded(dir: &Path, args: &[&str]) -> Output {
    let started = Instant::now();
    let out = run_in(dir, args, &[]);
    let took = started.elapsed();
    assert!(took < HANG, "{args:?} took {took:?}");
    out
}

/// Longer than any run of xhht on these inputs, however loaded the machine.
const HANG: Duration = Duration::from_secs(30);

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Opening a named pipe blocks until something writes to it; xhht must
/// refuse it from its type alone.
#[test]
fn a_named_pipe_is_refused_without_being_opened() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("plan.yaml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|status| status.success()) {
        // Written to the handle, not through eprintln!, which the test
        // harness captures: a skip must be seen.
        let _ = writeln!(
            std::io::stderr(),
            "skipped: mkfifo is not available to make a named pipe"
        );
        return;
    }
    // Should xhht open the pipe, this writer lets it go on (reading an
    // empty file) rather than block the test for ever.
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || drop(std::fs::OpenOptions::new().write(true).open(fifo)))
    };
    let out = run_bounded(dir.path(), &["validate", "plan.yaml"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let error = stderr(&out);
    assert!(
        error.contains("plan.yaml: this is a named pipe (FIFO), not a regular file")
            && error.contains("save what it gives to a file and name that file"),
        "{error}"
    );
    let out = run_bounded(dir.path(), &["--lang", "vi", "validate", "plan.yaml"]);
    assert!(
        stderr(&out).contains("plan.yaml: đây là một ống dẫn có tên (FIFO)"),
        "{out:?}"
    );
    // xhht never opened the pipe: open it here to let the writer go.
    drop(std::fs::File::open(&fifo));
    writer.join().unwrap();
}

/// A link to `/dev/zero` once had xhht read zeros until memory ran out.
#[cfg(unix)]
#[test]
fn a_link_to_a_device_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("plan.yaml")).unwrap();
    let out = run_bounded(dir.path(), &["validate", "plan.yaml"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let error = stderr(&out);
    assert!(
        error.contains("plan.yaml: this is a link to a character device, not to a regular file"),
        "{error}"
    );
}

/// A status file is read the same way as a plan: a directory named as one
/// is refused by what it is.
#[test]
fn a_directory_named_as_a_status_file_is_refused() {
    let dir = dir_with_plan();
    std::fs::create_dir(dir.path().join("progress.yaml")).unwrap();
    let out = run_bounded(
        dir.path(),
        &["report", "plan.yaml", "--status", "progress.yaml"],
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let error = stderr(&out);
    assert!(
        error.contains("progress.yaml: this is a directory, not a regular file")
            && error.contains("name a file in the directory"),
        "{error}"
    );
}

/// A file over the size limit is refused by its size, before it is read:
/// a sparse one takes no disk space, and reading it would take the limit.
#[test]
fn a_file_over_the_size_limit_is_refused_by_its_size() {
    let dir = tempfile::tempdir().unwrap();
    let limit = xhht::load::MAX_FILE_BYTES;
    std::fs::File::create(dir.path().join("plan.yaml"))
        .unwrap()
        .set_len(u64::try_from(limit).unwrap() + 1)
        .unwrap();
    let out = run_bounded(dir.path(), &["validate", "plan.yaml"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let error = stderr(&out);
    let said = format!(
        "plan.yaml: the file is {} bytes; xhht reads at most {limit} bytes from one file",
        limit + 1
    );
    assert!(error.contains(&said), "{error}");
}

/// The accepted-findings file is read under the same rules as a plan: a
/// link to `/dev/zero` once had `--accepted` read zeros until memory ran out.
#[cfg(unix)]
#[test]
fn an_accepted_file_that_is_not_a_regular_file_is_refused() {
    let dir = dir_with_plan();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("accepted.json")).unwrap();
    let out = run_bounded(
        dir.path(),
        &["validate", "plan.yaml", "--accepted", "accepted.json"],
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let error = stderr(&out);
    assert!(
        error.contains("accepted.json: this is a link to a character device")
            && error.contains("check the path given to --accepted"),
        "{error}"
    );
    std::fs::remove_file(dir.path().join("accepted.json")).unwrap();
    std::fs::File::create(dir.path().join("accepted.json"))
        .unwrap()
        .set_len(65 * 1024 * 1024)
        .unwrap();
    let out = run_bounded(
        dir.path(),
        &["validate", "plan.yaml", "--accepted", "accepted.json"],
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        stderr(&out).contains(
            "accepted.json: the file is 68157440 bytes; xhht reads at most 67108864 bytes"
        ),
        "{out:?}"
    );
}

/// Errors about the paths and options a user gave are in the run's
/// language too, not only the findings.
#[test]
fn errors_about_paths_and_options_follow_the_language() {
    let dir = dir_with_plan();
    let cases: [(&[&str], &str); 5] = [
        (
            &["validate", "missing/"],
            "missing/: No such file or directory (os error 2); hãy kiểm tra đường dẫn",
        ),
        (
            &["validate", ".", "--exclude", "a/[b"],
            "mẫu --exclude `a/[b` không hợp lệ",
        ),
        (
            &["validate", "plan.yaml", "--accepted", "none.json"],
            "none.json: không đọc được tệp: No such file or directory (os error 2); hãy kiểm tra đường dẫn cho --accepted",
        ),
        (
            &["report", "plan.yaml", "--against", "de-an-1372"],
            "--against de-an-1372: không có kế hoạch nào như vậy trong các tệp của lần chạy và các đề án có sẵn (có phải ý bạn là `de-an-1373`?)",
        ),
        (
            &["baselines", "show", "de-an-1372"],
            "không có đề án `de-an-1372` (có phải ý bạn là `de-an-1373`?)",
        ),
    ];
    for (args, said) in cases {
        let args: Vec<&str> = ["--lang", "vi"].iter().chain(args).copied().collect();
        let out = run_bounded(dir.path(), &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
        assert!(stderr(&out).contains(said), "{args:?}: {}", stderr(&out));
    }
}

/// `period: {start: 1, end: 9999}` with monthly tasks once had the schedule
/// walk ten thousand years of months for each task.
#[test]
fn an_absurd_period_is_an_error_and_does_not_stall_the_schedule() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = format!("{DOCUMENT}  period: {{start: 1, end: 9999}}\ntasks:\n");
    for i in 0..10 {
        plan.push_str(&format!(
            "  - id: bao-cao-{i}\n    title: Báo cáo tháng\n    deadline: {{wording: \"hằng tháng\", due: {{every_months: {{months: 1}}}}}}\n"
        ));
    }
    std::fs::write(dir.path().join("plan.yaml"), plan).unwrap();
    let out = run_bounded(dir.path(), &["report", "plan.yaml"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let out = run_bounded(dir.path(), &["validate", "plan.yaml"]);
    let text = stdout(&out);
    for said in [
        "error[XH020]: the period starts in 1, before 1945",
        "error[XH020]: the period ends in 9999, after 2100",
        "help: write the years the document states",
    ] {
        assert!(text.contains(said), "{said}\n{text}");
    }
}

/// `!!binary` once decoded base64 into a title, NUL and ESC included.
#[test]
fn binary_values_are_refused_in_the_users_words() {
    let dir = tempfile::tempdir().unwrap();
    // "a\0b\x1b[" in base64.
    let plan = DOCUMENT.replace(
        "title: Kế hoạch xây dựng xã hội học tập",
        "title: !!binary YQBiG1s=",
    );
    std::fs::write(
        dir.path().join("plan.yaml"),
        format!("{plan}  period: {{start: 2021, end: 2025}}\n"),
    )
    .unwrap();
    let out = run_bounded(dir.path(), &["validate", "plan.yaml"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let text = stdout(&out);
    assert!(
        text.contains(
            "error[XH004]: binary (`!!binary`) values are not allowed in plan and status files"
        ) && text.contains("plan.yaml:3:")
            && text.contains("help: remove `!!binary` and write the text itself"),
        "{text}"
    );
    assert!(!text.contains("Options"), "{text}");
    let out = run_bounded(dir.path(), &["--lang", "vi", "validate", "plan.yaml"]);
    assert!(
        stdout(&out).contains("không được chứa giá trị nhị phân (`!!binary`)"),
        "{out:?}"
    );
}

/// A quote left open takes in the lines after it until the next quote; the
/// error points at where it opened, not where the parser gave up.
#[test]
fn an_unclosed_quote_is_reported_where_it_opens() {
    let dir = tempfile::tempdir().unwrap();
    let plan = DOCUMENT.replace(
        "title: Kế hoạch xây dựng xã hội học tập",
        "title: \"Kế hoạch xây dựng xã hội học tập",
    );
    // `jurisdiction` is line 7; its quote closes the title's.
    let plan = plan.replace("jurisdiction: xã Thử", "jurisdiction: \"xã Thử\"");
    std::fs::write(
        dir.path().join("plan.yaml"),
        format!("{plan}  period: {{start: 2021, end: 2025}}\n"),
    )
    .unwrap();
    let out = run_bounded(dir.path(), &["validate", "plan.yaml"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let text = stdout(&out);
    assert!(
        text.contains("plan.yaml:3:10")
            && text.contains(
                "this quote is not closed on its line, so the quoted text runs on to line 7"
            )
            && text.contains("help: close the quote where the text ends"),
        "{text}"
    );
}
