//! Progress from status files: a done record takes a miss off the count,
//! the file beside the plan is found and must name the plan, a record dated
//! after the as-of date had not happened yet, and progress for a task the plan
//! does not have is a finding.

use xhht::finding::{Finding, Rule};
use xhht::schedule::{Schedule, Standing, StatusError};

use crate::common::root;

use super::{THAI_BINH, load_path, occurrences, row, run, thai_binh_with, write_status};

#[test]
fn recording_the_2023_report_as_done_takes_one_miss_off_the_count() {
    let (plan, source, _dir, status) =
        thai_binh_with("{task: report-yearly, period: \"2023\", state: done, date: 2023-12-18}");
    let before = run(&plan, &source, "2026-11-22", Some(30), None).unwrap();
    let after = run(&plan, &source, "2026-11-22", Some(30), Some(&status)).unwrap();
    assert_eq!(after.status_file.as_deref(), Some(status.as_path()));
    assert_eq!(after.findings.len(), before.findings.len());
    let changed: Vec<(&Finding, &Finding)> = before
        .findings
        .iter()
        .zip(&after.findings)
        .filter(|(b, a)| b != a)
        .collect();
    assert_eq!(changed.len(), 1);
    let (was, now) = changed[0];
    assert_eq!(
        (was.code, now.code),
        (Rule::MissedOccurrence, Rule::MissedOccurrence)
    );
    assert!(
        was.message.english().contains(": 5 of 5 yearly"),
        "{}",
        was.message.english()
    );
    assert!(
        now.message.english().contains(": 4 of 5 yearly"),
        "{}",
        now.message.english()
    );
    assert_eq!(row(&after, "report-yearly").occurrences.done, 1);
    let row = occurrences(&after, "report-yearly")
        .into_iter()
        .find(|r| r.period == "2023")
        .unwrap();
    assert_eq!(row.standing, Standing::Done);
}

#[test]
fn the_status_file_beside_the_plan_is_found_and_must_name_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("thai-binh-2021-2030.yaml");
    std::fs::copy(root().join(THAI_BINH), &copy).unwrap();
    let (plan, source) = load_path(&copy);
    let beside = write_status(
        dir.path(),
        "thai-binh-2021-2030.status.yaml",
        "thai-binh-2021-2030",
        "  - {task: report-yearly, period: \"2021\", state: done, date: 2021-12-30}\n",
    );
    let schedule = run(&plan, &source, "2026-11-22", None, None).unwrap();
    assert_eq!(schedule.status_file.as_deref(), Some(beside.as_path()));
    // 2021 was done late, but later years were missed: one finding, the
    // late one in its notes.
    let found: Vec<_> = schedule
        .findings
        .iter()
        .filter(|f| f.subject.as_deref() == Some("report-yearly"))
        .collect();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].code, Rule::MissedOccurrence);
    assert!(
        found[0].notes.iter().any(|n| n.english()
            == "the 2021 occurrence was done 2021-12-30, 11 days after it was due 2021-12-19"),
        "{:?}",
        found[0].notes
    );
    assert_eq!(row(&schedule, "report-yearly").occurrences.done_late, 1);

    let other = write_status(dir.path(), "other.yaml", "cat-hai-2020", "  []\n");
    match run(&plan, &source, "2026-11-22", None, Some(&other)) {
        Err(StatusError::OtherPlan { found, .. }) => assert_eq!(found, "cat-hai-2020"),
        other => panic!("expected a status file for another plan, got {other:?}"),
    }
}

#[test]
fn a_record_dated_after_the_as_of_date_had_not_happened_yet() {
    let (plan, source, _dir, status) =
        thai_binh_with("{task: report-yearly, period: \"2023\", state: done, date: 2023-12-18}");
    // On 2023-12-25 the 2023 report (due 19/12) had been done, on time.
    let after = run(&plan, &source, "2023-12-25", None, Some(&status)).unwrap();
    let row = |s: &Schedule| {
        occurrences(s, "report-yearly")
            .into_iter()
            .find(|r| r.period == "2023")
            .unwrap()
            .standing
    };
    assert_eq!(row(&after), Standing::Done);
    // On 2023-12-10 it was not done yet, whatever the file says now.
    let before = run(&plan, &source, "2023-12-10", None, Some(&status)).unwrap();
    assert_eq!(row(&before), Standing::Upcoming);
}

#[test]
fn progress_for_a_task_the_plan_does_not_have_is_a_finding() {
    let (plan, source, _dir, status) =
        thai_binh_with("{task: report-yearlyy, period: \"2023\", state: done, date: 2023-12-18}");
    let schedule = run(&plan, &source, "2026-11-22", None, Some(&status)).unwrap();
    let unknown: Vec<&Finding> = schedule
        .findings
        .iter()
        .filter(|f| f.code == Rule::UnknownItem)
        .collect();
    assert_eq!(unknown.len(), 1);
    assert_eq!(unknown[0].location.file, status);
    assert_eq!(
        (unknown[0].location.line, unknown[0].location.column),
        (3, 12)
    );
    assert_eq!(
        unknown[0]
            .hint
            .as_ref()
            .map(xhht::i18n::Message::english)
            .as_deref(),
        Some("did you mean `report-yearly`?")
    );
}
