//! Due dates against the calendar and the conventions that set them:
//! Ninh Thuận's quarters, "trước" a day due the day before it, Thái Bình's
//! yearly report due soon a month ahead or missed every year unless recorded.

use xhht::finding::Rule;
use xhht::schedule::{OccurrenceRow, Schedule, Standing};

use super::{
    CAT_HAI, NINH_THUAN, THAI_BINH, check, codes, date, findings_at, load, occurrences, row, run,
    task_index, thai_binh_with,
};

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
