//! The fixture plan with one task per schedule rule
//! (tests/fixtures/schedule/district-2024-2026.yaml): each rule raised where
//! it should be, each finding saying what is wrong, each occurrence standing
//! as recorded.

use xhht::finding::Rule;
use xhht::schedule::{self, Schedule, Standing};

use super::{date, findings_at, load, occurrences, row, run};

const FIXTURE: &str = "tests/fixtures/schedule/district-2024-2026.yaml";

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
