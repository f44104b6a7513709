//! The printable report (`--format html`): its own header, a first page a
//! meeting can act on, one section per plan, labels rather than ids.

use crate::common::stdout;

fn html(paths: &[&str], lang: &str) -> String {
    let mut args = vec!["report"];
    args.extend_from_slice(paths);
    args.extend_from_slice(&[
        "--format",
        "html",
        "--lang",
        lang,
        "--as-of",
        "2026-11-30",
        "--fail-on",
        "never",
    ]);
    stdout(&args)
}

#[test]
fn the_report_has_its_own_header_not_a_plans_letterhead() {
    let page = html(&["plans/"], "vi");
    assert!(
        !page.contains("Độc lập - Tự do - Hạnh phúc"),
        "the plan's motto"
    );
    assert!(
        page.contains("BÁO CÁO RÀ SOÁT")
            || page.contains("Báo cáo rà soát kế hoạch xây dựng xã hội học tập")
    );
    assert!(
        page.contains("tính đến ngày 30/11/2026"),
        "as-of date in Vietnamese form"
    );
    assert!(page.contains("Kế hoạch được rà soát") && page.contains("Đối chiếu với"));
    let header = &page[..page.find("<section").unwrap()];
    // Every local plan is listed once, the schemes as what they are compared with.
    for plan in [
        "Bình Dương",
        "Cát Hải",
        "Ninh Thuận",
        "Thái Bình",
        "Vĩnh Long",
    ] {
        assert!(header.contains(plan), "{plan} missing from the header");
    }
    assert!(header.contains("1373/QĐ-TTg: Quyết định phê duyệt Đề án"));
}

#[test]
fn the_first_page_counts_lists_and_explains() {
    let page = html(&["plans/"], "en");
    let summary = &page[page.find("<section class=\"summary\">").unwrap()..];
    let summary = &summary[..summary.find("</section>").unwrap()];
    for heading in [
        "At a glance",
        "Largest shortfalls",
        "Overdue by owner",
        "What could not be compared, and why",
    ] {
        assert!(summary.contains(heading), "{heading} missing");
    }
    // A row per local plan and a total.
    for n in 1..=5 {
        assert!(
            summary.contains(&format!("<tr><td>{n}. ")),
            "plan {n} not counted"
        );
    }
    assert!(
        !summary.contains("<tr><td>6. "),
        "a scheme counted as a plan reviewed"
    );
    assert!(summary.contains("<tr class=\"total\">"));
    assert!(
        summary.contains("Hội Khuyến học tỉnh"),
        "an owner with overdue tasks"
    );
}

#[test]
fn each_plan_has_its_own_section() {
    let page = html(&["plans/"], "vi");
    for n in 1..=5 {
        assert!(
            page.contains(&format!("<section class=\"plan\">\n<h2>{n}. ")),
            "no section {n}"
        );
    }
    assert!(!page.contains("<section class=\"plan\">\n<h2>6. "));
    let cat_hai = page
        .find("<h2>2. Triển khai thực hiện Đề án")
        .expect("Cát Hải section");
    let next = page[cat_hai..].find("<section").unwrap() + cat_hai;
    let section = &page[cat_hai..next];
    assert!(section.contains("plans/cat-hai-2020.yaml"));
    assert!(
        !section.contains("thai-binh-2021-2030.yaml"),
        "another plan's findings"
    );
}

#[test]
fn labels_not_ids_and_no_literal_backticks() {
    let page = html(&["plans/cat-hai-2020.yaml"], "vi");
    // The catalogue's name, never its id, in the comparison table and charts.
    assert!(page.contains("Tỷ lệ người trong độ tuổi 15-35 biết chữ"));
    assert!(
        !page.contains("literacy.rate.age_15_35"),
        "an indicator id is printed"
    );
    assert!(
        !page.contains("region_tb_tn_tnb"),
        "a condition id is printed"
    );
    let text: String = page
        .split('<')
        .map(|part| part.split_once('>').map_or(part, |(_, t)| t))
        .collect();
    assert!(!text.contains('`'), "a literal backtick");
    assert!(page.contains("&gt; 99,5%"), "a Vietnamese decimal comma");
}

#[test]
fn the_first_page_lists_only_what_it_counts() {
    let page = stdout(&[
        "report",
        "plans/",
        "--format",
        "html",
        "--lang",
        "en",
        "--as-of",
        "2026-11-30",
        "--fail-on",
        "never",
        "--only",
        "overdue",
    ]);
    // `--only overdue` counts no shortfall, so none is listed either.
    assert!(!page.contains("Largest shortfalls"));
    assert!(page.contains("Overdue by owner"));
}

#[test]
fn periods_and_flags_are_in_vietnamese() {
    let page = html(&["plans/"], "vi");
    assert!(
        page.contains("kỳ 6 tháng cuối năm 2020"),
        "a half-year by its Vietnamese name"
    );
    assert!(!page.contains("single-source") && !page.contains(", verified)"));
    assert!(page.contains("chỉ có một nguồn"));
}
