//! Deadlines of the real bundled plans against the calendar, progress from
//! status files, and one fixture plan with a task for each schedule rule.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use xhht::date::CivilDate;
use xhht::finding::{Finding, Rule};
use xhht::load::load_file;
use xhht::model::{Due, Plan};
use xhht::registry::Registry;
use xhht::schedule::{self, OccurrenceRow, Options, Row, Schedule, Standing, StatusError, wording};
use xhht::source::SourceFile;

use crate::common::root;

fn load(relative: &str) -> (Plan, SourceFile) {
    load_path(&root().join(relative))
}

fn load_path(path: &Path) -> (Plan, SourceFile) {
    let loaded = load_file(path).unwrap();
    let plan = loaded
        .plan
        .unwrap_or_else(|e| panic!("{}: {}", path.display(), e.message.english()));
    (plan, loaded.source)
}

fn date(iso: &str) -> CivilDate {
    CivilDate::parse_iso(iso).unwrap()
}

fn check(relative: &str, as_of: &str, within_days: Option<u32>) -> Schedule {
    let (plan, source) = load(relative);
    run(&plan, &source, as_of, within_days, None).unwrap()
}

/// Reads the plan's progress (from `status`, else from beside the plan),
/// then checks its schedule, as a command does.
fn run(
    plan: &Plan,
    source: &SourceFile,
    as_of: &str,
    within_days: Option<u32>,
    status: Option<&Path>,
) -> Result<Schedule, StatusError> {
    let options = Options {
        as_of: date(as_of),
        within_days,
    };
    let status = schedule::status::read_for(plan, &source.path, status)?;
    Ok(schedule::run(
        plan,
        source,
        status.as_ref(),
        &options,
        Registry::embedded(),
    ))
}

/// The task's one row.
fn row<'s>(schedule: &'s Schedule, task: &str) -> &'s Row {
    let rows: Vec<_> = schedule.rows.iter().filter(|r| r.task == task).collect();
    assert_eq!(rows.len(), 1, "{task}: one row per task");
    rows[0]
}

/// The task's occurrences, in date order.
fn occurrences<'s>(schedule: &'s Schedule, task: &str) -> Vec<&'s OccurrenceRow> {
    schedule
        .occurrences
        .iter()
        .filter(|o| o.task == task)
        .collect()
}

fn task_index(plan: &Plan, task: &str) -> usize {
    plan.tasks.iter().position(|t| t.id == task).unwrap()
}

fn findings_at<'s>(schedule: &'s Schedule, field: &str) -> Vec<&'s Finding> {
    schedule
        .findings
        .iter()
        .filter(|f| f.field.as_deref() == Some(field))
        .collect()
}

fn codes(findings: &[&Finding]) -> Vec<Rule> {
    findings.iter().map(|f| f.code).collect()
}

const NINH_THUAN: &str = "plans/ninh-thuan-1960-2020.toml";
const VINH_LONG: &str = "plans/vinh-long-2012-2020.yaml";
const THAI_BINH: &str = "plans/thai-binh-2021-2030.yaml";
const CAT_HAI: &str = "plans/cat-hai-2020.yaml";
const FIXTURE: &str = "tests/fixtures/schedule/district-2024-2026.yaml";

fn quarter_rows<'s>(schedule: &'s Schedule, quarter: &str) -> Vec<&'s OccurrenceRow> {
    let rows: Vec<_> = schedule
        .occurrences
        .iter()
        .filter(|o| o.period == quarter)
        .collect();
    assert!(!rows.is_empty(), "no {quarter} deadline");
    rows
}

#[test]
fn ninh_thuan_quarter_ii_is_exactly_one_day_overdue_on_1_july_2020() {
    let (plan, _) = load(NINH_THUAN);
    let schedule = check(NINH_THUAN, "2020-07-01", None);
    for row in quarter_rows(&schedule, "2020-Q2") {
        assert_eq!(row.due, date("2020-06-30"));
        assert_eq!(row.standing, Standing::Overdue, "{row:?}");
        assert_eq!(row.days, Some(1));
        let at = format!("tasks[{}].deadline", task_index(&plan, &row.task));
        let found = findings_at(&schedule, &at);
        assert_eq!(codes(&found), [Rule::Overdue]);
        assert!(
            found[0].message.english().contains("1 day overdue"),
            "{}",
            found[0].message.english()
        );
        assert!(found[0].message.english().contains(&row.task));
    }
    for row in quarter_rows(&schedule, "2020-Q3") {
        assert_eq!(row.due, date("2020-09-30"));
        assert_eq!(row.standing, Standing::Upcoming, "{row:?}");
        assert_eq!(row.days, Some(-91));
    }
    assert!(
        schedule
            .findings
            .iter()
            .filter(|f| f.code == Rule::Overdue)
            .all(|f| f.message.english().contains("2020-06-30"))
    );
}

#[test]
fn ninh_thuan_2020_quarters_are_overdue_in_2026() {
    let schedule = check(NINH_THUAN, "2026-11-22", None);
    let quarters: Vec<_> = schedule
        .occurrences
        .iter()
        .filter(|o| o.period.contains("-Q"))
        .collect();
    assert_eq!(quarters.len(), 3);
    for row in &quarters {
        assert_eq!(row.standing, Standing::Overdue, "{row:?}");
    }
    let overdue = schedule
        .findings
        .iter()
        .filter(|f| f.code == Rule::Overdue)
        .count();
    assert_eq!(overdue, 3);
}

/// "trước ngày D" is before D, as a civil servant reads it: the report is
/// due the day before, and one handed in on D is late.
#[test]
fn before_a_day_is_due_the_day_before_it() {
    // Cát Hải: "trước 15/01/2020".
    let on_the_day = check(CAT_HAI, "2020-01-15", None);
    let report = occurrences(&on_the_day, "t-v-0-5")[0];
    assert_eq!(report.due, date("2020-01-14"));
    assert_eq!(report.standing, Standing::Overdue, "{report:?}");
    assert_eq!(report.days, Some(1));
    let the_day_before = check(CAT_HAI, "2020-01-14", None);
    assert_eq!(occurrences(&the_day_before, "t-v-0-5")[0].days, Some(0));

    // Thái Bình: "trước ngày 20 tháng 12", every year.
    let schedule = check(THAI_BINH, "2022-12-20", None);
    let report = occurrences(&schedule, "report-yearly")
        .into_iter()
        .find(|r| r.period == "2022")
        .unwrap();
    assert_eq!(report.due, date("2022-12-19"));
    assert_eq!(report.standing, Standing::Missed, "{report:?}");
    // Said wherever the conventions are: in the list and in the finding.
    let before = "\"trước\" a day (\"trước 15/01/2020\", \"trước ngày 20 tháng 12\") is due the day before it";
    assert!(
        schedule
            .conventions
            .iter()
            .any(|c| c.message().english().starts_with(before)),
        "{:?}",
        schedule.conventions
    );
    let at = format!(
        "tasks[{}].deadline",
        task_index(&load(THAI_BINH).0, "report-yearly")
    );
    let found = findings_at(&schedule, &at);
    assert!(
        found
            .iter()
            .all(|f| f.notes.iter().any(|n| n.english().starts_with(before))),
        "{found:?}"
    );
}

#[test]
fn thai_binh_report_due_before_20_december_2022_is_due_soon_a_month_ahead() {
    let (plan, source, _dir, status) =
        thai_binh_with("{task: report-yearly, period: \"2021\", state: done, date: 2021-12-10}");
    let at = format!("tasks[{}].deadline", task_index(&plan, "report-yearly"));
    let as_of = |within| run(&plan, &source, "2022-11-22", within, Some(&status)).unwrap();
    let schedule = as_of(Some(30));
    let occurrence = occurrences(&schedule, "report-yearly")
        .into_iter()
        .find(|r| r.period == "2022")
        .unwrap();
    assert_eq!(occurrence.due, date("2022-12-19"));
    assert_eq!(occurrence.standing, Standing::DueSoon);
    assert_eq!(occurrence.days, Some(-27));
    assert_eq!(row(&schedule, "report-yearly").standing, Standing::DueSoon);
    let due_soon = findings_at(&schedule, &at);
    assert_eq!(codes(&due_soon), [Rule::DueSoon]);
    assert!(
        due_soon[0]
            .message
            .english()
            .contains("the 2022 occurrence of task `report-yearly`")
    );
    assert!(
        due_soon[0]
            .message
            .english()
            .contains("2022-12-19, in 27 days")
    );

    assert!(findings_at(&as_of(None), &at).is_empty());
    assert!(findings_at(&as_of(Some(26)), &at).is_empty());

    // With 2021 missed, the miss speaks for the task, and says what is next.
    let unrecorded = check(THAI_BINH, "2022-11-22", Some(30));
    let found = findings_at(&unrecorded, &at);
    assert_eq!(codes(&found), [Rule::MissedOccurrence]);
    assert!(
        found[0]
            .notes
            .iter()
            .any(|n| n.english() == "the next, 2022, is due soon: 2022-12-19, in 27 days"),
        "{:?}",
        found[0].notes
    );
}

#[test]
fn thai_binh_yearly_report_is_missed_every_year_since_2021_unless_recorded() {
    let (plan, _) = load(THAI_BINH);
    let schedule = check(THAI_BINH, "2026-11-22", None);
    let yearly = occurrences(&schedule, "report-yearly");
    let keys: Vec<_> = yearly.iter().map(|r| r.period.as_str()).collect();
    assert_eq!(
        keys,
        [
            "2021", "2022", "2023", "2024", "2025", "2026", "2027", "2028", "2029", "2030"
        ]
    );
    for row in &yearly[..5] {
        assert_eq!(row.standing, Standing::Missed, "{row:?}");
    }
    assert_eq!(yearly[5].standing, Standing::Upcoming);
    assert_eq!(yearly[5].days, Some(-27));
    // One row and one finding for the obligation, however many years it missed.
    let report = row(&schedule, "report-yearly");
    assert_eq!(report.owner, "Sở Giáo dục và Đào tạo");
    assert_eq!(report.standing, Standing::Missed);
    assert_eq!(
        (report.occurrences.total, report.occurrences.missed),
        (10, 5)
    );
    assert_eq!(report.occurrences.upcoming, 5);
    let last = report.last_missed.as_ref().unwrap();
    assert_eq!(
        (last.period.as_str(), last.due, last.days),
        ("2025", date("2025-12-19"), 338)
    );
    let next = report.next_due.as_ref().unwrap();
    assert_eq!((next.period.as_str(), next.days), ("2026", -27));
    let at = format!("tasks[{}].deadline", task_index(&plan, "report-yearly"));
    let missed = findings_at(&schedule, &at);
    assert_eq!(codes(&missed), [Rule::MissedOccurrence]);
    assert!(
        missed[0].message.english().contains(
            "5 of 5 yearly occurrences due so far have no done record, the latest 2025, due 2025-12-19; the next, 2026, is due 2026-12-19"
        ),
        "{}",
        missed[0].message.english()
    );
    assert_eq!(missed[0].subject.as_deref(), Some("report-yearly"));
}

/// Thái Bình's plan and a status file (in a directory kept alive by the
/// returned guard) holding one record for it.
fn thai_binh_with(record: &str) -> (Plan, SourceFile, tempfile::TempDir, PathBuf) {
    let (plan, source) = load(THAI_BINH);
    let dir = tempfile::tempdir().unwrap();
    let status = write_status(
        dir.path(),
        "progress.yaml",
        "thai-binh-2021-2030",
        &format!("  - {record}\n"),
    );
    (plan, source, dir, status)
}

fn write_status(dir: &Path, name: &str, plan: &str, entries: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, format!("plan: {plan}\ntasks:\n{entries}")).unwrap();
    path
}

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
fn cat_hai_deadlines_all_fall_before_the_district_offices_ended() {
    // Cát Hải's offices existed until 2025-06-30 and every deadline of its
    // 2020 plan falls in 2020, so they are plainly overdue: no XH207 here.
    // The fixture plan below covers deadlines after the reorganisation.
    let schedule = check(CAT_HAI, "2026-11-22", None);
    assert!(schedule.findings.iter().all(|f| f.code != Rule::OwnerGone));
    let office_row = row(&schedule, "t-v-4-2");
    assert_eq!(
        office_row.owner,
        "Phòng Văn hóa-Thông tin-Thể thao và Du lịch"
    );
    assert_eq!(office_row.standing, Standing::Overdue);
}

#[test]
fn thai_binh_district_reports_after_june_2025_have_no_owner() {
    let (plan, _) = load(THAI_BINH);
    let schedule = check(THAI_BINH, "2026-11-22", None);
    let district = occurrences(&schedule, "report-district-yearly");
    let standings: Vec<_> = district.iter().map(|r| r.standing).collect();
    assert_eq!(standings[..4], [Standing::Missed; 4]);
    assert!(standings[4..].iter().all(|s| *s == Standing::OwnerGone));
    let at = format!(
        "tasks[{}].deadline",
        task_index(&plan, "report-district-yearly")
    );
    // The misses come first; the years without an owner are noted with them.
    let found = findings_at(&schedule, &at);
    assert_eq!(codes(&found), [Rule::MissedOccurrence]);
    assert!(
        found[0]
            .message
            .english()
            .contains("4 of 5 yearly occurrences due so far have no done record, the latest 2024"),
        "{}",
        found[0].message.english()
    );
    assert!(
        found[0].notes.iter().any(|n| n.english()
            == "6 of its occurrences, from 2025 on, fall after its owner ceased to exist"),
        "{:?}",
        found[0].notes
    );
    let district = row(&schedule, "report-district-yearly");
    assert_eq!(
        (district.occurrences.missed, district.occurrences.owner_gone),
        (4, 6)
    );
    assert!(district.next_due.is_none(), "nobody is left to report");
    assert!(
        district
            .note
            .english()
            .contains("its last day was 2025-06-30"),
        "{}",
        district.note.english()
    );
    assert!(district.note.english().contains("successor: none recorded"));
}

/// The fixture plan, one task per schedule rule, as of 2026-01-15 with a
/// 30-day window.
fn fixture_schedule() -> Schedule {
    let (plan, source) = load(FIXTURE);
    run(&plan, &source, "2026-01-15", Some(30), None).unwrap()
}

#[test]
fn the_fixture_raises_each_schedule_rule_where_it_should() {
    let schedule = fixture_schedule();
    let by_field: Vec<(String, Rule)> = schedule
        .findings
        .iter()
        .map(|f| (f.field.clone().unwrap(), f.code))
        .collect();
    let expected = [
        ("tasks[0].deadline", Rule::Overdue),
        ("tasks[1].deadline", Rule::OwnerGone),
        ("tasks[2].deadline", Rule::Overdue),
        // Missed in 2024, no owner from 2025: one finding, the miss.
        ("tasks[3].deadline", Rule::MissedOccurrence),
        ("tasks[4].deadline.due", Rule::DeadlineMismatch),
        ("tasks[4].deadline", Rule::Overdue),
        ("tasks[5].deadline.wording", Rule::UnreadableDeadline),
        ("tasks[6].deadline.due", Rule::DeadlineOutsidePeriod),
        ("tasks[7].deadline.wording", Rule::DeadlineBeforeIssue),
        ("tasks[7].deadline", Rule::Overdue),
        ("tasks[8].deadline", Rule::DoneLate),
        // Three half-years missed: one finding.
        ("tasks[10].deadline", Rule::MissedOccurrence),
    ];
    let expected: Vec<(String, Rule)> = expected
        .iter()
        .map(|(f, r)| ((*f).to_owned(), *r))
        .collect();
    assert_eq!(by_field, expected);
}

#[test]
fn the_fixture_findings_say_what_is_wrong() {
    let schedule = fixture_schedule();
    let message = |field: &str, rule: Rule| {
        schedule
            .findings
            .iter()
            .find(|f| f.field.as_deref() == Some(field) && f.code == rule)
            .unwrap()
    };
    let gone = message("tasks[1].deadline", Rule::OwnerGone);
    assert!(
        gone.message
            .english()
            .contains("was due 2025-09-30 (107 days ago)"),
        "{}",
        gone.message.english()
    );
    assert!(gone.message.english().contains("Phòng Giáo dục và Đào tạo"));
    let shared = message("tasks[2].deadline", Rule::Overdue);
    assert!(
        shared
            .notes
            .iter()
            .any(|n| n.english().contains("one lead no longer existed"))
    );
    let mismatch = message("tasks[4].deadline.due", Rule::DeadlineMismatch);
    assert!(
        mismatch.message.english().contains("Quý III/2024"),
        "{}",
        mismatch.message.english()
    );
    assert!(
        mismatch.message.english().contains("Quý II/2024"),
        "{}",
        mismatch.message.english()
    );
    assert_eq!(
        occurrences(&schedule, "mismatch")[0].due,
        date("2024-09-30")
    );
    let unreadable = message("tasks[5].deadline.wording", Rule::UnreadableDeadline);
    assert!(
        unreadable
            .message
            .english()
            .contains("\"khi có hướng dẫn\"")
    );
    let late = message("tasks[8].deadline", Rule::DoneLate);
    assert!(
        late.message.english().contains("10 days after"),
        "{}",
        late.message.english()
    );
    // Every finding on half-years says which convention it stands on.
    for f in findings_at(&schedule, "tasks[10].deadline") {
        assert!(
            f.notes
                .iter()
                .any(|n| n.english().contains("calendar half-years assumed"))
        );
    }
}

#[test]
fn the_fixture_occurrences_stand_as_recorded() {
    let schedule = fixture_schedule();
    let yearly: Vec<_> = occurrences(&schedule, "yearly-report")
        .iter()
        .map(|r| (r.period.clone(), r.standing))
        .collect();
    assert_eq!(
        yearly,
        [
            ("2024".to_owned(), Standing::Missed),
            ("2025".to_owned(), Standing::OwnerGone),
            ("2026".to_owned(), Standing::OwnerGone),
        ]
    );
    let half: Vec<_> = occurrences(&schedule, "half-yearly")
        .iter()
        .map(|r| (r.period.clone(), r.standing))
        .collect();
    assert_eq!(
        half,
        [
            ("2024-H1".to_owned(), Standing::Done),
            ("2024-H2".to_owned(), Standing::Missed),
            ("2025-H1".to_owned(), Standing::Missed),
            ("2025-H2".to_owned(), Standing::Missed),
            ("2026-H1".to_owned(), Standing::Upcoming),
            ("2026-H2".to_owned(), Standing::Upcoming),
        ]
    );
    let half_row = row(&schedule, "half-yearly");
    assert!(
        half_row
            .note
            .english()
            .contains("calendar half-years assumed")
    );
    assert_eq!(half_row.standing, Standing::Missed);
    let counts = half_row.occurrences;
    assert_eq!(
        (counts.total, counts.done, counts.missed, counts.upcoming),
        (6, 1, 3, 2)
    );
    // The record for 2024-H2 says in progress; the half-year is still missed.
    assert_eq!(
        occurrences(&schedule, "half-yearly")[1].state,
        xhht::model::TaskState::InProgress
    );
    let ongoing = row(&schedule, "ongoing");
    assert_eq!(ongoing.standing, Standing::Ongoing);
    assert_eq!(ongoing.occurrences.total, 0);
    assert!(ongoing.note.english().starts_with("ongoing since 2024"));
    assert!(occurrences(&schedule, "ongoing").is_empty());
    assert!(
        schedule
            .conventions
            .contains(&schedule::Convention::HalfYearly)
    );
    assert!(
        schedule
            .conventions
            .contains(&schedule::Convention::Ongoing)
    );
}

/// "định kỳ 6 tháng, hàng năm" is one report cycle: the December report is
/// the yearly one. Read as two, each year-end report was missed twice.
#[test]
fn vinh_long_reports_on_one_six_monthly_cycle() {
    let (plan, _) = load(VINH_LONG);
    let schedule = check(VINH_LONG, "2026-11-30", None);
    for quote in [
        "định kỳ 6 tháng, hàng năm tổng hợp, báo cáo UBND tỉnh",
        "định kỳ 6 tháng, hàng năm báo cáo tình hình thực hiện",
    ] {
        let tasks: Vec<_> = plan
            .tasks
            .iter()
            .filter(|t| t.quote.as_ref().is_some_and(|q| q.as_str().contains(quote)))
            .collect();
        assert_eq!(tasks.len(), 1, "one task for {quote:?}");
        let deadline = tasks[0].deadline.as_ref().unwrap();
        assert_eq!(deadline.wording.as_str(), "định kỳ 6 tháng, hàng năm");
        let year_end: Vec<_> = occurrences(&schedule, &tasks[0].id)
            .into_iter()
            .filter(|r| r.due == date("2020-12-31"))
            .collect();
        assert_eq!(year_end.len(), 1, "{quote:?}");
    }
    let year_end_reports = schedule
        .occurrences
        .iter()
        .filter(|r| r.due == date("2020-12-31"))
        .count();
    // The two reports, the yearly Tuần lễ học tập suốt đời.
    assert_eq!(year_end_reports, 3);
}

/// Two "hằng năm" of the seeds, read as a civil servant reads them: Thái
/// Bình's Sở Tài chính works "căn cứ … khả năng cân đối ngân sách hằng năm"
/// (the yearly budget, no deadline), while Ninh Thuận's review "gắn với việc
/// đánh giá kết quả công tác hằng năm" is held every year.
#[test]
fn a_yearly_budget_is_no_deadline_and_a_yearly_review_is_one() {
    let thai_binh = check(THAI_BINH, "2026-11-30", None);
    assert!(thai_binh.rows.iter().all(|r| r.task != "t-5-8-1"));
    assert!(
        thai_binh
            .findings
            .iter()
            .all(|f| f.subject.as_deref() != Some("t-5-8-1"))
    );
    let (plan, _) = load(THAI_BINH);
    let budget = plan.tasks.iter().find(|t| t.id == "t-5-8-1").unwrap();
    let quote = budget.quote.as_ref().unwrap().as_str();
    let phrase = &quote[quote.find("căn cứ").unwrap()..];
    assert!(
        wording::parse(phrase)
            .unwrap_err()
            .reason
            .english()
            .contains("qualifies the budget")
    );

    let ninh_thuan = check(NINH_THUAN, "2026-11-30", None);
    let review = row(&ninh_thuan, "t-3-1-c");
    assert_eq!(review.standing, Standing::Missed);
    // Issued 02/06/2020 with no end year: 2020 to 2027, six of them past.
    assert_eq!(
        (review.occurrences.total, review.occurrences.missed),
        (8, 6)
    );
    assert!(
        review
            .note
            .english()
            .starts_with("every year with no day given (\"hằng năm\")")
    );
}

/// A plan with one task per wording (ids `w0`, `w1`, …), checked as of `as_of`.
fn schedule_of_wordings(period: &str, wordings: &[&str], as_of: &str) -> Schedule {
    let mut text = format!(
        "document:\n  id: p\n  title: P\n  kind: plan\n  issuer: UBND\n  level: province\n  \
         jurisdiction: tỉnh X\n  date: 2021-01-01\n  period: {period}\ntasks:\n"
    );
    for (i, wording) in wordings.iter().enumerate() {
        text.push_str(&format!(
            "  - {{id: w{i}, title: T, deadline: {{wording: \"{wording}\"}}}}\n"
        ));
    }
    let loaded = xhht::load::load_bytes(
        "p.yaml".into(),
        text.into_bytes(),
        xhht::source::Format::Yaml,
    );
    let plan = loaded.plan.unwrap();
    run(&plan, &loaded.source, as_of, None, None).unwrap()
}

/// More of the ways plans word deadlines (tasks `w0` to `w5`), each read or
/// refused with a reason, in a plan of 2021-2026 as of 2026-07-01.
fn more_wordings() -> Schedule {
    schedule_of_wordings(
        "{start: 2021, end: 2026}",
        &[
            "tháng 10 hằng năm",
            "6 tháng đầu năm 2026",
            "thường xuyên",
            "trước ngày 30/6 và 31/12 hằng năm",
            "cuối năm",
            "đầu năm học",
        ],
        "2026-07-01",
    )
}

#[test]
fn more_wordings_are_read() {
    let schedule = more_wordings();
    let dues = |task: &str| -> Vec<(String, CivilDate, Standing)> {
        occurrences(&schedule, task)
            .iter()
            .map(|o| (o.period.clone(), o.due, o.standing))
            .collect()
    };
    // Every October, due on its last day.
    let october = dues("w0");
    assert_eq!(october.len(), 6);
    assert_eq!(
        october[5],
        ("2026".to_owned(), date("2026-10-31"), Standing::Upcoming)
    );
    // The first half of 2026, due 30/06/2026: a day overdue on 1 July.
    assert_eq!(
        dues("w1"),
        [("2026-H1".to_owned(), date("2026-06-30"), Standing::Overdue)]
    );
    // Continuous: no due date, and the row says so.
    let ongoing = row(&schedule, "w2");
    assert_eq!(ongoing.standing, Standing::Ongoing);
    assert!(
        ongoing.note.english().contains("never overdue"),
        "{}",
        ongoing.note.english()
    );
    assert!(dues("w2").is_empty());
    // Two days a year, one obligation: before 30/6 and 31/12, so 29/6 and 30/12.
    let twice = dues("w3");
    assert_eq!(twice.len(), 12);
    assert_eq!(
        twice[10..],
        [
            (
                "2026-06-30".to_owned(),
                date("2026-06-29"),
                Standing::Missed
            ),
            (
                "2026-12-31".to_owned(),
                date("2026-12-30"),
                Standing::Upcoming
            ),
        ]
    );
    assert_eq!(row(&schedule, "w3").occurrences.total, 12);
}

#[test]
fn more_wordings_are_refused_with_a_reason() {
    let schedule = more_wordings();
    // "cuối năm" in a plan of several years, and "đầu năm học": refused, with why.
    let refused = |task: &str| {
        let found: Vec<&Finding> = schedule
            .findings
            .iter()
            .filter(|f| f.subject.as_deref() == Some(task))
            .collect();
        assert_eq!(codes(&found), [Rule::UnreadableDeadline], "{task}");
        assert_eq!(row(&schedule, task).standing, Standing::Unscheduled);
        found[0].clone()
    };
    let end_of_year = refused("w4");
    assert!(
        end_of_year.message.english().contains("\"cuối năm\"")
            && end_of_year.message.english().contains("no year"),
        "{}",
        end_of_year.message.english()
    );
    assert!(
        end_of_year
            .hint
            .as_ref()
            .map(xhht::i18n::Message::english)
            .as_deref()
            .unwrap()
            .contains("`due: {year: 2020}`")
    );
    let school_year = refused("w5");
    assert!(
        school_year
            .message
            .english()
            .contains("the school year starts in September"),
        "{}",
        school_year.message.english()
    );
    assert!(
        school_year
            .hint
            .as_ref()
            .map(xhht::i18n::Message::english)
            .as_deref()
            .unwrap()
            .contains("due: {yearly: {month: 9, day: 30}}")
    );
}

#[test]
fn a_plan_of_one_year_gives_the_end_of_the_year_its_year() {
    let one_year = schedule_of_wordings("{start: 2021, end: 2021}", &["cuối năm"], "2022-01-01");
    assert_eq!(
        occurrences(&one_year, "w0")
            .iter()
            .map(|o| (o.period.as_str(), o.due))
            .collect::<Vec<_>>(),
        [("2021", date("2021-12-31"))]
    );
    assert!(
        row(&one_year, "w0")
            .note
            .english()
            .contains("takes the year of a plan whose period is that one year"),
        "{}",
        row(&one_year, "w0").note.english()
    );
}

/// Every distinct deadline wording of the five seed plans, and how it reads.
#[test]
fn every_seed_wording_reads_as_expected() {
    let year = Due::Year;
    let every = |months| Due::EveryMonths { months, from: None };
    let quarter = |quarter| Due::Quarter {
        year: 2020,
        quarter,
    };
    let expected: Vec<(&str, Option<Due>)> = vec![
        ("Năm 2014-2015", Some(year(2015))),
        ("hàng năm", Some(every(12))),
        ("Hàng năm", Some(every(12))),
        ("hằng năm", Some(every(12))),
        ("Hằng năm", Some(every(12))),
        ("định kỳ hằng năm", Some(every(12))),
        ("định kỳ 6 tháng, hàng năm", Some(every(6))),
        ("từ nay đến hết năm 2020", Some(year(2020))),
        ("đến hết năm 2020", Some(year(2020))),
        ("Trong năm 2022", Some(year(2022))),
        ("vào năm 2025", Some(year(2025))),
        ("vào năm 2030", Some(year(2030))),
        ("từ năm 2013", Some(Due::FromYear(2013))),
        ("trong Quý II năm 2020", Some(quarter(2))),
        ("hoàn thành trong Quý III năm 2020", Some(quarter(3))),
        ("trong Quý IV năm 2020", Some(quarter(4))),
        ("trước 15/01/2020", Some(Due::Date(date("2020-01-15")))),
        (
            "định kỳ trước ngày 01 tháng 12 hằng năm",
            Some(Due::Yearly {
                month: 12,
                day: Some(1),
                also: Vec::new(),
                from: None,
            }),
        ),
        // A day with no year: the plan's `due` says yearly, from the sentence around it.
        ("trước ngày 20 tháng 12", None),
        ("cuối kỳ", None),
        ("định kỳ", None),
        ("theo định kỳ", None),
        ("kịp thời", None),
        ("khi được ban hành", None),
        ("sau khi được cấp có thẩm quyền ban hành", None),
        ("sau khi được cấp có thẩm quyền phê duyệt", None),
        ("hàng năm và từng giai đoạn", None),
        ("gắn với việc đánh giá kết quả công tác hằng năm", None),
    ];
    let seeds = [
        "plans/vinh-long-2012-2020.yaml",
        "plans/binh-duong-2014-2020.yaml",
        "plans/thai-binh-2021-2030.yaml",
        "plans/ninh-thuan-1960-2020.toml",
        "plans/cat-hai-2020.yaml",
    ];
    let in_seeds: BTreeSet<String> = seeds
        .iter()
        .flat_map(|seed| load(seed).0.tasks)
        .filter_map(|t| t.deadline.map(|d| d.wording.to_string()))
        .collect();
    let listed: BTreeSet<String> = expected.iter().map(|(w, _)| (*w).to_owned()).collect();
    assert_eq!(in_seeds, listed, "the table must list every seed wording");
    for (wording, due) in expected {
        assert_eq!(wording::parse(wording).ok(), due, "{wording:?}");
    }
}

#[test]
fn bundled_plans_agree_with_their_wordings_and_check_the_same_twice() {
    let files = xhht::walk::plan_files(&[root().join("plans")]).unwrap();
    for path in files {
        let (plan, source) = load_path(&path);
        for as_of in ["2013-06-01", "2020-07-01", "2026-11-22"] {
            let first = run(&plan, &source, as_of, Some(30), None).unwrap();
            assert!(
                first
                    .findings
                    .iter()
                    .all(|f| f.code != Rule::DeadlineMismatch),
                "{}: {:?}",
                path.display(),
                first.findings
            );
            let again = run(&plan, &source, as_of, Some(30), None).unwrap();
            assert_eq!(first.rows, again.rows);
            assert_eq!(first.occurrences, again.occurrences);
            for row in &first.rows {
                let c = row.occurrences;
                assert_eq!(
                    c.done + c.done_late + c.missed + c.upcoming + c.cancelled + c.owner_gone,
                    c.total,
                    "{row:?}"
                );
                assert_eq!(occurrences(&first, &row.task).len(), c.total, "{row:?}");
                let about_occurrences = first
                    .findings
                    .iter()
                    .filter(|f| f.subject.as_deref() == Some(row.task.as_str()))
                    .filter(|f| {
                        matches!(
                            f.code,
                            Rule::Overdue
                                | Rule::DueSoon
                                | Rule::DoneLate
                                | Rule::MissedOccurrence
                                | Rule::OwnerGone
                        )
                    })
                    .count();
                assert!(about_occurrences <= 1, "{row:?}");
            }
            assert_eq!(first.findings, again.findings);
        }
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

#[test]
fn after_the_2025_merger_a_merged_provinces_duties_are_owed_by_the_successor() {
    // Thái Bình merged into Hưng Yên (Nghị quyết 202/2025/QH15): its 2025
    // review and its 2030 review are still owed, by Hưng Yên's department.
    let schedule = check("plans/thai-binh-2021-2030.yaml", "2026-11-30", None);
    for task in ["review-2025", "review-2030", "report-yearly"] {
        let successor = row(&schedule, task)
            .successor
            .as_ref()
            .map(xhht::i18n::Message::english)
            .unwrap_or_default();
        assert!(
            successor.contains("Sở Giáo dục và Đào tạo tỉnh Hưng Yên")
                && successor.contains("Sở Giáo dục và Đào tạo tỉnh Thái Bình"),
            "{task}: {successor:?}"
        );
    }
    assert_eq!(row(&schedule, "review-2030").standing, Standing::Upcoming);
    let review = schedule
        .findings
        .iter()
        .find(|f| f.subject.as_deref() == Some("review-2025"))
        .unwrap();
    assert!(
        review
            .notes
            .iter()
            .any(|n| n.english().contains("tỉnh Hưng Yên")),
        "{review:#?}"
    );
    // A plan whose period ended before the merger owes nothing to a successor.
    let vinh_long = check("plans/vinh-long-2012-2020.yaml", "2026-11-30", None);
    assert!(vinh_long.rows.iter().all(|r| r.successor.is_none()));
}

#[test]
fn a_province_that_kept_its_name_owes_as_the_merged_province() {
    // Vĩnh Long absorbed Bến Tre and Trà Vinh on 1 July 2025 and kept its
    // name: "successor of Sở … tỉnh Vĩnh Long" would say nothing.
    let dir = tempfile::tempdir().unwrap();
    let original = std::fs::read_to_string(root().join("plans/vinh-long-2012-2020.yaml")).unwrap();
    let extended = original.replacen(
        "    start: 2012\n    end: 2020",
        "    start: 2012\n    end: 2026",
        1,
    );
    assert_ne!(extended, original);
    let path = dir.path().join("vinh-long.yaml");
    std::fs::write(&path, extended).unwrap();
    let (plan, source) = load_path(&path);
    let schedule = run(&plan, &source, "2026-11-30", None, None).unwrap();
    let successors: Vec<String> = schedule
        .rows
        .iter()
        .filter_map(|r| r.successor.as_ref().map(xhht::i18n::Message::english))
        .collect();
    assert!(!successors.is_empty());
    for successor in successors {
        assert!(
            successor.contains("tỉnh Vĩnh Long (the merged province)"),
            "{successor}"
        );
        assert!(successor.contains("Bến Tre"), "{successor}");
        assert!(!successor.contains("successor of"), "{successor}");
    }
}
