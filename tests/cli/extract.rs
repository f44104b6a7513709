//! `xhht extract` (issue 17): a draft plan from a plan's text that
//! validates, with a summary in the run's language, and `diff -` reading
//! the draft from a pipe.

use crate::common::{root, run_in};

fn fixture() -> String {
    root()
        .join("tests/fixtures/extract/huyen-thu.txt")
        .to_str()
        .unwrap()
        .to_owned()
}

#[test]
fn the_draft_of_a_short_plan() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_in(
        dir.path(),
        &["extract", &fixture(), "-o", "draft.yaml"],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("draft.yaml: a draft with 4 agencies, 6 targets"),
        "{stderr}"
    );
    let draft = std::fs::read_to_string(dir.path().join("draft.yaml")).unwrap();
    let draft = draft.replace(&fixture(), "tests/fixtures/extract/huyen-thu.txt");
    insta::assert_snapshot!(draft);
    let validated = run_in(dir.path(), &["validate", "draft.yaml"], &[]);
    assert_eq!(validated.status.code(), Some(0), "{validated:?}");
}

#[test]
fn the_summary_in_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_in(
        dir.path(),
        &["--lang", "vi", "extract", &fixture(), "-o", "du-thao.yaml"],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("du-thao.yaml: bản dự thảo có 4 cơ quan, 6 chỉ tiêu"),
        "{stderr}"
    );
    let draft = std::fs::read_to_string(dir.path().join("du-thao.yaml")).unwrap();
    assert!(draft.contains("# dòng 14\n"), "{draft}");
    let again = run_in(
        dir.path(),
        &["--lang", "vi", "extract", &fixture(), "-o", "du-thao.yaml"],
        &[],
    );
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8(again.stderr).unwrap().contains("đã có"));
}

/// "Kế hoạch thực hiện Đề án xây dựng xã hội học tập trên địa bàn huyện
/// Thử" typed in TCVN3 (`.VnTime`) and saved as bytes of Windows-1252.
const TCVN3_TITLE: &[u8] = b"K\xD5 ho\xB9ch\nTh\xF9c hi\xD6n \xA7\xD2 \xB8n x\xA9y d\xF9ng x\xB7 h\xE9i h\xE4c t\xCBp tr\xAAn \xAE\xDEa b\xB5n huy\xD6n Th\xF6\n";

#[test]
fn a_legacy_encoding_is_converted_and_said_so() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("tcvn3.txt"), TCVN3_TITLE).unwrap();
    let out = run_in(dir.path(), &["extract", "tcvn3.txt"], &[]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("tcvn3.txt: converted from the legacy TCVN3 (ABC) encoding to Unicode"),
        "{stderr}"
    );
    let draft = String::from_utf8(out.stdout).unwrap();
    assert!(draft.contains("jurisdiction: huyện Thử\n"), "{draft}");
    let out = run_in(dir.path(), &["--lang", "vi", "extract", "tcvn3.txt"], &[]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("tcvn3.txt: đã chuyển từ bảng mã cũ TCVN3 (ABC) sang Unicode"),
        "{stderr}"
    );
}

#[test]
fn a_legacy_encoding_mixed_with_unicode_is_refused_with_advice() {
    let dir = tempfile::tempdir().unwrap();
    // Copied from a `.VnTime` document into a Unicode one: its bytes became
    // the Latin-1 letters they are, beside text typed in Unicode.
    let mut mixed: String = TCVN3_TITLE.iter().map(|&b| char::from(b)).collect();
    mixed.push_str("Phấn đấu đến năm 2025 đạt 99,5% người biết chữ; Hội Khuyến học tỉnh");
    std::fs::write(dir.path().join("mixed.txt"), mixed).unwrap();
    let out = run_in(dir.path(), &["extract", "mixed.txt"], &[]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("TCVN3 (ABC) encoding, but not throughout") && stderr.contains("UniKey"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
    let out = run_in(dir.path(), &["--lang", "vi", "extract", "mixed.txt"], &[]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("nhưng không nhất quán"), "{stderr}");
}

#[test]
fn a_tcvn3_paragraph_in_a_unicode_document_is_converted_and_its_line_named() {
    let dir = tempfile::tempdir().unwrap();
    // The TCVN3 title pasted, as Latin-1 letters, into a plan typed in Unicode.
    let tcvn3: String = TCVN3_TITLE.iter().map(|&b| char::from(b)).collect();
    let pasted = tcvn3.lines().nth(1).unwrap();
    let text = format!(
        "KẾ HOẠCH\n{pasted}\nI. MỤC TIÊU\n- Phấn đấu đến năm 2025 có 99,5% người dân biết chữ.\n\
         II. TỔ CHỨC THỰC HIỆN\n- Hội Khuyến học huyện vận động các gia đình tham gia học tập.\n"
    );
    std::fs::write(dir.path().join("pasted.txt"), text).unwrap();
    let out = run_in(dir.path(), &["extract", "pasted.txt"], &[]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with(
            "pasted.txt: line 2 converted from the legacy TCVN3 (ABC) encoding to Unicode"
        ),
        "{stderr}"
    );
    let draft = String::from_utf8(out.stdout).unwrap();
    assert!(draft.contains("jurisdiction: huyện Thử\n"), "{draft}");
    let out = run_in(dir.path(), &["--lang", "vi", "extract", "pasted.txt"], &[]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with(
            "pasted.txt: dòng 2 đã được chuyển từ bảng mã cũ TCVN3 (ABC) sang Unicode"
        ),
        "{stderr}"
    );
}

#[test]
fn diff_reads_the_draft_from_standard_input() {
    let draft = run_in(root(), &["extract", &fixture()], &[]);
    assert_eq!(draft.status.code(), Some(0), "{draft:?}");
    let out = assert_cmd::Command::new(env!("CARGO_BIN_EXE_xhht"))
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env_remove("LANG")
        .args(["diff", "-", "--format", "json"])
        .write_stdin(draft.stdout)
        .output()
        .unwrap();
    let json: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {out:?}"));
    assert_eq!(json["plans"][0]["file"], "<stdin>");
    assert_eq!(json["comparisons"][0]["against"], "de-an-1373");
    let rows = json["comparisons"][0]["targets"].as_array().unwrap();
    let read = rows
        .iter()
        .filter(|r| r["indicator"] == "it_fl.officials_foreign_language")
        .count();
    assert!(read >= 2, "{rows:?}");
}

/// `xhht` with `stdin` piped in, run from the checkout, in English.
fn piped(args: &[&str], stdin: Vec<u8>) -> std::process::Output {
    assert_cmd::Command::new(env!("CARGO_BIN_EXE_xhht"))
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env_remove("LANG")
        .args(args)
        .write_stdin(stdin)
        .output()
        .unwrap()
}

/// The target rows of `diff --format json`, each keyed by the scheme, the
/// indicator, level and year it compares: all of them, or only those that
/// compare one of the plan's targets with one of the scheme's.
fn target_rows(diff: &[u8], only_found: bool) -> Vec<(String, serde_json::Value)> {
    let json: serde_json::Value =
        serde_json::from_slice(diff).unwrap_or_else(|e| panic!("{e}: {diff:?}"));
    let mut rows = Vec::new();
    for comparison in json["comparisons"].as_array().unwrap() {
        for row in comparison["targets"].as_array().unwrap() {
            if only_found && (row["plan_target"].is_null() || row["scheme_target"].is_null()) {
                continue;
            }
            let key = format!(
                "{} {} {} {} {}",
                comparison["against"],
                row["indicator"],
                row["level"],
                row["year"],
                row["scheme_target"]
            );
            rows.push((key, row.clone()));
        }
    }
    rows
}

/// The done-when: the draft of Cát Hải's plan, piped into `diff -`,
/// compares each target it found as the hand-made plan does, but for the
/// differences listed here, each for a reason the draft cannot know or
/// reads otherwise than the hand-made plan.
#[test]
fn the_draft_of_cat_hai_compares_as_the_hand_made_plan_does() {
    let Some(seed) = crate::common::shared("seeds/004_4b1386d74e28d9d6.txt") else {
        return;
    };
    let draft = run_in(root(), &["extract", seed.to_str().unwrap()], &[]);
    assert_eq!(draft.status.code(), Some(0), "{draft:?}");
    let from_draft = piped(&["diff", "-", "--format", "json"], draft.stdout);
    let by_hand = run_in(
        root(),
        &["diff", "plans/cat-hai-2020.yaml", "--format", "json"],
        &[],
    );
    let by_hand = target_rows(&by_hand.stdout, false);
    let found = target_rows(&from_draft.stdout, true);
    assert!(found.len() >= 14, "{found:?}");
    let mut differ = Vec::new();
    for (key, row) in &found {
        let same = by_hand.iter().any(|(k, hand)| {
            k == key
                && ["plan_value", "scheme_value", "difference", "status"]
                    .iter()
                    .all(|f| row[f] == hand[f])
        });
        if !same {
            differ.push(format!("{} {}", row["plan_target"], row["status"]));
        }
    }
    // The province is read from the units list (Cát Hải lies in Hải
    // Phòng), so the regional literacy figures bind as in the hand-made
    // plan; the commune officials' yearly training is read with the
    // commune's indicator, the level its heading names.
    let known: [&str; 0] = [];
    differ.sort();
    let known = known.map(str::to_owned).to_vec();
    assert_eq!(differ, known);
}

#[test]
fn report_reads_the_draft_from_standard_input() {
    let draft = run_in(root(), &["extract", &fixture()], &[]);
    assert_eq!(draft.status.code(), Some(0), "{draft:?}");
    let out = piped(&["report", "-", "--as-of", "2024-01-01"], draft.stdout);
    // The draft's gaps against the national scheme are errors: exit 1.
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(report.contains("<stdin>"), "{report}");
    assert!(report.contains("thu-2021-2030"), "{report}");
    assert!(
        report.contains("de-an-1373 sets 70% for Universal pre-school education"),
        "{report}"
    );
}

/// A one-page PDF whose page draws `lines` in a standard font (no font
/// file: the letters are plain ASCII), or an image only when `lines` is
/// empty, as a scanner makes it.
fn pdf(lines: &[&str]) -> Vec<u8> {
    use lopdf::content::{Content, Operation};
    use lopdf::{Document, Object, Stream, dictionary};
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let mut ops = vec![Operation::new("q", vec![]), Operation::new("Q", vec![])];
    for (i, line) in lines.iter().enumerate() {
        let y = 800 - 20 * i64::try_from(i).unwrap();
        ops.extend([
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 11.into()]),
            Operation::new("Td", vec![40.into(), y.into()]),
            Operation::new("Tj", vec![Object::string_literal(*line)]),
            Operation::new("ET", vec![]),
        ]);
    }
    let content = doc.add_object(Stream::new(
        dictionary! {},
        Content { operations: ops }.encode().unwrap(),
    ));
    let font = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let page = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => content,
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages_id,
        dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 }.into(),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

#[test]
fn a_pdf_with_text_is_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("plan.pdf"),
        pdf(&[
            "KE HOACH",
            "Xay dung xa hoi hoc tap giai doan 2021-2030",
            "I. MUC TIEU",
            "- Phan dau den nam 2025 co 99,5% nguoi trong do tuoi tu 15 den 35 biet chu.",
        ]),
    )
    .unwrap();
    let out = run_in(
        dir.path(),
        &["extract", "plan.pdf", "-o", "draft.yaml"],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let draft = std::fs::read_to_string(dir.path().join("draft.yaml")).unwrap();
    assert!(
        draft.contains("title: Xay dung xa hoi hoc tap giai doan 2021-2030"),
        "{draft}"
    );
    assert!(draft.contains("- plan.pdf"), "{draft}");
}

#[test]
fn a_scanned_pdf_is_refused_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("scan.pdf"), pdf(&[])).unwrap();
    let out = run_in(dir.path(), &["extract", "scan.pdf"], &[]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("scan.pdf has 1 page and no text on it: it is a scan")
            && stderr.contains("ocrmypdf -l vie scan.pdf"),
        "{stderr}"
    );
    let out = run_in(dir.path(), &["--lang", "vi", "extract", "scan.pdf"], &[]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("scan.pdf có 1 trang nhưng không có chữ: đây là bản quét"),
        "{stderr}"
    );
    std::fs::write(dir.path().join("broken.pdf"), b"%PDF-1.7\nnot really").unwrap();
    let out = run_in(dir.path(), &["extract", "broken.pdf"], &[]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("broken.pdf is not a PDF xhht can read"),
    );
}

/// A commune's plan whose letterhead names no territory, issued under
/// Cát Hải's district plan (`plans/cat-hai-2020.yaml`), in a directory with
/// the parent beside it (`beside`) or in `plans/` below it.
fn under_cat_hai(beside: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let fixture = root().join("tests/fixtures/extract/xa-duoi-huyen.txt");
    std::fs::copy(fixture, dir.path().join("xa.txt")).unwrap();
    let parent_dir = if beside {
        dir.path().to_path_buf()
    } else {
        dir.path().join("plans")
    };
    std::fs::create_dir_all(&parent_dir).unwrap();
    std::fs::copy(
        root().join("plans/cat-hai-2020.yaml"),
        parent_dir.join("cat-hai-2020.yaml"),
    )
    .unwrap();
    dir
}

#[test]
fn under_a_plan_file_the_draft_is_linked_below_it() {
    let dir = under_cat_hai(false);
    let out = run_in(
        dir.path(),
        &["extract", "xa.txt", "--under", "plans/cat-hai-2020.yaml"],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let draft = String::from_utf8(out.stdout).unwrap();
    assert!(
        draft.starts_with(
            "# REVIEW: the document does not name its level: taken as the commune level, the one below cat-hai-2020"
        ),
        "{draft}"
    );
    assert!(draft.contains("  level: commune\n"), "{draft}");
    assert!(draft.contains("  province: hai-phong\n"), "{draft}");
    // The document's own citation of the parent, with its words and line.
    assert!(
        draft.contains(
            "links:\n  parent:\n    # line 8\n    plan: cat-hai-2020\n    number: 08/KH-BCĐ\n    date: 2020-01-03\n"
        ),
        "{draft}"
    );
    assert!(!draft.contains("available: false"), "{draft}");
}

#[test]
fn under_an_id_found_beside_the_document_in_vietnamese() {
    let dir = under_cat_hai(true);
    let out = run_in(
        dir.path(),
        &[
            "--lang",
            "vi",
            "extract",
            "xa.txt",
            "--under",
            "cat-hai-2020",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let draft = String::from_utf8(out.stdout).unwrap();
    assert!(
        draft.starts_with(
            "# REVIEW: văn bản không ghi cấp của kế hoạch: tạm lấy là cấp xã, cấp dưới của cat-hai-2020"
        ),
        "{draft}"
    );
    assert!(draft.contains("    plan: cat-hai-2020\n"), "{draft}");
    assert!(draft.contains("  province: hai-phong\n"), "{draft}");
}

#[test]
fn under_an_id_found_under_plans() {
    let dir = under_cat_hai(false);
    let out = run_in(
        dir.path(),
        &[
            "extract",
            "xa.txt",
            "--under",
            "cat-hai-2020",
            "--plans",
            "plans",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let draft = String::from_utf8(out.stdout).unwrap();
    assert!(draft.contains("    plan: cat-hai-2020\n"), "{draft}");
}

#[test]
fn an_unknown_parent_gets_a_suggestion_and_exit_2() {
    let dir = under_cat_hai(false);
    let args = [
        "extract",
        "xa.txt",
        "--under",
        "cat-hai-202",
        "--plans",
        "plans",
    ];
    let out = run_in(dir.path(), &args, &[]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: --under cat-hai-202: no such plan file, and no plan with this id beside xa.txt or under --plans (did you mean `cat-hai-2020`?); name the parent plan's file, or the directory it is in with --plans\n"
    );
    let vi: Vec<&str> = ["--lang", "vi"].into_iter().chain(args).collect();
    let out = run_in(dir.path(), &vi, &[]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("error: --under cat-hai-202: không có tệp kế hoạch nào như vậy")
            && stderr.contains("(có phải ý bạn là `cat-hai-2020`?)"),
        "{stderr}"
    );
    let scheme = run_in(
        dir.path(),
        &["extract", "xa.txt", "--under", "de-an-89"],
        &[],
    );
    assert_eq!(scheme.status.code(), Some(2), "{scheme:?}");
    let stderr = String::from_utf8(scheme.stderr).unwrap();
    assert!(stderr.contains("is a national scheme"), "{stderr}");
}
