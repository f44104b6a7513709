//! Reading deadline wordings: Vĩnh Long's six-monthly cycle, a yearly
//! budget that is no deadline and a yearly review that is one, more wordings
//! read or refused with a reason, the end of the year in a one-year plan,
//! every seed wording, and every bundled plan agreeing with its wordings.

use std::collections::BTreeSet;

use xhht::date::CivilDate;
use xhht::finding::{Finding, Rule};
use xhht::model::Due;
use xhht::schedule::{Schedule, Standing, wording};

use crate::common::root;

use super::{
    NINH_THUAN, THAI_BINH, VINH_LONG, check, codes, date, load, load_path, occurrences, row, run,
};

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
