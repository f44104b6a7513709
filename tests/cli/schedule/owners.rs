//! Owners that ceased to exist: Cát Hải's deadlines all fall before its
//! district offices ended, Thái Bình's district reports after June 2025 have
//! no owner, and after the 2025 merger a merged province's duties are owed by
//! its successor, or by the merged province when it kept its name.

use xhht::finding::Rule;
use xhht::schedule::Standing;

use crate::common::root;

use super::{
    CAT_HAI, THAI_BINH, check, codes, findings_at, load, load_path, occurrences, row, run,
    task_index,
};

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
