//! `--format xlsx`: the workbook read back with calamine, as an analyst's
//! spreadsheet would read it.

use std::io::{Cursor, Read as _};
use std::path::Path;

use calamine::{Data, Reader as _, Xlsx, open_workbook_from_rs};

use crate::common::{root, run, run_in};

const AS_OF: &str = "2026-11-30";

type Book = Xlsx<Cursor<Vec<u8>>>;

fn open(bytes: Vec<u8>) -> Book {
    open_workbook_from_rs(Cursor::new(bytes)).expect("an XLSX calamine reads")
}

/// The run's workbook, written with `-o` into a fresh directory (`report`
/// takes `--as-of AS_OF` in `args`, so its bytes do not change with the day).
fn written(args: &[&str]) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("out.xlsx");
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--format", "xlsx", "-o", file.to_str().unwrap()]);
    let out = run(&all);
    assert!(out.stdout.is_empty(), "nothing on standard output with -o");
    assert!(matches!(out.status.code(), Some(0 | 1)), "{out:?}");
    std::fs::read(&file).unwrap()
}

/// A sheet's rows as text, numbers as Rust writes them, for finding rows.
fn rows(book: &mut Book, sheet: &str) -> Vec<Vec<Data>> {
    let range = book.worksheet_range(sheet).unwrap();
    range.rows().map(<[Data]>::to_vec).collect()
}

fn header(book: &mut Book, sheet: &str) -> Vec<String> {
    rows(book, sheet)[0]
        .iter()
        .map(ToString::to_string)
        .collect()
}

fn column(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {header:?}"))
}

#[test]
fn a_report_has_a_sheet_per_section_with_english_headers() {
    let mut book = open(written(&[
        "report",
        "plans/cat-hai-2020.yaml",
        "--as-of",
        AS_OF,
    ]));
    assert_eq!(
        book.sheet_names(),
        [
            "Summary", "Targets", "Duties", "Schedule", "Progress", "Findings"
        ]
    );
    assert_eq!(
        header(&mut book, "Targets"),
        [
            "Plan",
            "Compared with",
            "Indicator id",
            "Indicator",
            "Year",
            "Level",
            "Applies to",
            "Scheme's target",
            "Scheme's figure",
            "Plan's target",
            "Plan's figure",
            "Difference",
            "Status",
            "Note",
            "How sure",
        ]
    );
    assert_eq!(
        header(&mut book, "Findings"),
        [
            "Rule", "Severity", "Plan", "File", "Line", "Column", "Subject", "Message", "Hint"
        ]
    );
    let summary = rows(&mut book, "Summary");
    assert_eq!(summary.len(), 2, "one plan reviewed: {summary:?}");
    assert_eq!(summary[1][0], Data::String("cat-hai-2020".into()));
}

/// A shortfall of a bundled plan, with its figures as numbers and its
/// difference computed, as the JSON report has it.
#[test]
fn a_shortfall_row_holds_its_figures_as_numbers() {
    let mut book = open(written(&[
        "report",
        "plans/cat-hai-2020.yaml",
        "--as-of",
        AS_OF,
    ]));
    let header = header(&mut book, "Targets");
    let targets = rows(&mut book, "Targets");
    let status = column(&header, "Status");
    let shortfall = targets
        .iter()
        .find(|row| row[status] == Data::String("shortfall".into()))
        .expect("Cát Hải's plan has a shortfall");
    let figure = |name: &str| match &shortfall[column(&header, name)] {
        Data::Float(value) => *value,
        other => panic!("{name} is {other:?}, not a number"),
    };
    let (plan, scheme) = (figure("Plan's figure"), figure("Scheme's figure"));
    assert!(plan < scheme, "{plan} < {scheme}");
    assert!((figure("Difference") - (plan - scheme)).abs() < 1e-9);
    assert!(matches!(shortfall[column(&header, "Year")], Data::Float(year) if year >= 2020.0));
    let findings = rows(&mut book, "Findings");
    assert!(findings.len() > 1, "Cát Hải's plan has findings");
    for row in &findings[1..] {
        for (name, cell) in [("line", &row[4]), ("column", &row[5])] {
            assert!(
                matches!(cell, Data::Float(n) if *n >= 1.0),
                "{name} {cell:?}"
            );
        }
    }
}

/// A recurring deadline's occurrences missed and yet to come, as numbers a
/// column sums: the table report's "10: 5 missed, 5 upcoming" for Thái
/// Bình's yearly events of 2021-2030 as of 30 November 2026.
#[test]
fn the_schedule_counts_missed_and_upcoming_occurrences_as_numbers() {
    for (lang, missed, upcoming) in [
        ("en", "Missed", "Upcoming"),
        ("vi", "Bỏ lỡ", "Chưa đến hạn"),
    ] {
        let mut book = open(written(&[
            "--lang",
            lang,
            "report",
            "plans/thai-binh-2021-2030.yaml",
            "--as-of",
            AS_OF,
        ]));
        let sheet = if lang == "en" {
            "Schedule"
        } else {
            "Thời hạn"
        };
        let header = header(&mut book, sheet);
        let (task, missed, upcoming) = (
            column(
                &header,
                if lang == "en" {
                    "Task id"
                } else {
                    "Mã nhiệm vụ"
                },
            ),
            column(&header, missed),
            column(&header, upcoming),
        );
        let schedule = rows(&mut book, sheet);
        let yearly = schedule
            .iter()
            .find(|row| row[task] == Data::String("t-3-1-yearly-events".into()))
            .unwrap_or_else(|| panic!("{lang}: no row of t-3-1-yearly-events: {schedule:?}"));
        assert_eq!(yearly[missed], Data::Float(5.0), "{lang}: {yearly:?}");
        assert_eq!(yearly[upcoming], Data::Float(5.0), "{lang}: {yearly:?}");
        let total: f64 = schedule[1..]
            .iter()
            .map(|row| match row[missed] {
                Data::Float(n) => n,
                ref other => panic!("{lang}: missed is {other:?}, not a number"),
            })
            .sum();
        assert!(total > 5.0, "{lang}: {total}");
    }
}

#[test]
fn vietnamese_headers_and_sheet_names_with_lang_vi() {
    let mut book = open(written(&[
        "--lang",
        "vi",
        "report",
        "plans/cat-hai-2020.yaml",
        "--as-of",
        AS_OF,
    ]));
    assert_eq!(
        book.sheet_names(),
        [
            "Tổng hợp",
            "Chỉ tiêu",
            "Phân công nhiệm vụ",
            "Thời hạn",
            "Tiến độ",
            "Phát hiện"
        ]
    );
    let targets = header(&mut book, "Chỉ tiêu");
    for name in [
        "Kế hoạch",
        "Đối chiếu với",
        "Số liệu của đề án",
        "Chênh lệch",
        "Đánh giá",
        "Mức độ tin cậy",
    ] {
        column(&targets, name);
    }
    let status = column(&targets, "Đánh giá");
    let rows = rows(&mut book, "Chỉ tiêu");
    assert!(
        rows.iter()
            .any(|row| row[status] == Data::String("thấp hơn".into()))
    );
    assert_eq!(
        header(&mut book, "Phát hiện")[..6],
        [
            "Quy tắc",
            "Mức độ nghiêm trọng",
            "Kế hoạch",
            "Tệp",
            "Dòng",
            "Cột"
        ]
    );
}

/// A filter or a pivot table tells columns apart by their header: no two
/// in a sheet share one, in either language ("Plan" and the plan's target
/// once did; Vietnamese says "chỉ tiêu" for a target and an indicator).
#[test]
fn no_sheet_repeats_a_header() {
    for lang in ["en", "vi"] {
        let mut book = open(written(&[
            "--lang",
            lang,
            "report",
            "plans/cat-hai-2020.yaml",
            "--as-of",
            AS_OF,
        ]));
        for sheet in book.sheet_names() {
            let header = header(&mut book, &sheet);
            let mut unique = header.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), header.len(), "{lang} {sheet}: {header:?}");
        }
    }
}

#[test]
fn diff_writes_the_comparison_sheets_only() {
    let mut book = open(written(&["diff", "plans/cat-hai-2020.yaml"]));
    assert_eq!(
        book.sheet_names(),
        ["Summary", "Targets", "Duties", "Findings"]
    );
    let summary = header(&mut book, "Summary");
    assert!(
        !summary.contains(&"Overdue".to_owned()),
        "diff checks no deadline: {summary:?}"
    );
    assert!(rows(&mut book, "Targets").len() > 1);
    let mut vi = open(written(&[
        "--lang",
        "vi",
        "diff",
        "plans/cat-hai-2020.yaml",
    ]));
    assert_eq!(
        vi.sheet_names(),
        ["Tổng hợp", "Chỉ tiêu", "Phân công nhiệm vụ", "Phát hiện"]
    );
    let duties = header(&mut vi, "Phân công nhiệm vụ");
    assert_eq!(
        duties[..4],
        ["Kế hoạch", "Đối chiếu với", "Mã nhiệm vụ", "Nhiệm vụ"]
    );
}

/// The same input gives the same bytes: the creation date is the as-of
/// date, not the clock.
#[test]
fn the_same_run_gives_the_same_bytes() {
    let first = written(&["report", "plans/thai-binh-2021-2030.yaml", "--as-of", AS_OF]);
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let second = written(&["report", "plans/thai-binh-2021-2030.yaml", "--as-of", AS_OF]);
    assert!(first == second, "two runs differ");
    let core = entry(&first, "docProps/core.xml");
    assert!(core.contains("2026-11-30T00:00:00Z"), "{core}");
}

/// Piped, the bytes go to standard output unchanged (no escape sequence
/// stripped from them).
#[test]
fn piped_the_workbook_is_written_to_standard_output() {
    let out = run(&[
        "report",
        "plans/cat-hai-2020.yaml",
        "--format",
        "xlsx",
        "--as-of",
        AS_OF,
    ]);
    assert!(out.stdout.starts_with(b"PK\x03\x04"), "a zip file");
    assert_eq!(
        out.stdout,
        written(&["report", "plans/cat-hai-2020.yaml", "--as-of", AS_OF])
    );
}

#[test]
fn the_header_row_is_frozen_and_filtered() {
    let bytes = written(&["report", "plans/cat-hai-2020.yaml", "--as-of", AS_OF]);
    let sheet = entry(&bytes, "xl/worksheets/sheet2.xml");
    assert!(
        sheet.contains(
            r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        ),
        "{sheet:.600}"
    );
    assert!(sheet.contains("<autoFilter ref=\"A1:O"), "{sheet:.600}");
}

/// Text from a plan that a spreadsheet would take for a formula stays text.
#[test]
fn plan_text_that_looks_like_a_formula_stays_text() {
    let dir = tempfile::tempdir().unwrap();
    let example = std::fs::read_to_string(root().join("examples/commune-plan.yaml")).unwrap();
    let plan = example
        .replace("Báo cáo kết quả xây dựng xã hội học tập", "=1+1")
        .replace(
            "Kế hoạch xây dựng xã hội học tập xã Vũ Phúc giai đoạn 2021 - 2025",
            "'@SUM(1,2)'",
        );
    std::fs::write(dir.path().join("plan.yaml"), plan).unwrap();
    let out = run_in(
        dir.path(),
        &[
            "report",
            "plan.yaml",
            "--format",
            "xlsx",
            "--as-of",
            AS_OF,
            "-o",
            "plan.xlsx",
        ],
        &[],
    );
    assert!(matches!(out.status.code(), Some(0 | 1)), "{out:?}");
    let mut book = open(std::fs::read(dir.path().join("plan.xlsx")).unwrap());
    let schedule = rows(&mut book, "Schedule");
    assert!(
        schedule
            .iter()
            .any(|row| row[2] == Data::String("=1+1".into())),
        "{schedule:?}"
    );
    let summary = rows(&mut book, "Summary");
    assert_eq!(summary[1][2], Data::String("@SUM(1,2)".into()));
    for sheet in book.sheet_names() {
        let formulas = book.worksheet_formula(&sheet).unwrap();
        assert!(
            formulas.used_cells().next().is_none(),
            "{sheet} holds a formula"
        );
    }
}

#[test]
fn validate_writes_its_findings() {
    let fixture = Path::new("tests/fixtures/validate/unknown-agency.yaml");
    let mut book = open(written(&["validate", fixture.to_str().unwrap()]));
    assert_eq!(book.sheet_names(), ["Summary", "Findings"]);
    let findings = rows(&mut book, "Findings");
    assert!(
        findings
            .iter()
            .any(|row| row[0] == Data::String("XH011".into())),
        "{findings:?}"
    );
}

fn entry(xlsx: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(xlsx)).unwrap();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}
