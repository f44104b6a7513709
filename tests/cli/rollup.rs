//! `xhht rollup`: many plans against one plan above them, in every format.

use std::path::Path;

use serde_json::Value;

use crate::common::{root, run, run_in, stdout};

fn json(args: &[&str]) -> Value {
    let out = run(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The JSON of a run in `dir`, whatever its exit code.
fn json_in(dir: &Path, args: &[&str]) -> Value {
    let out = run_in(dir, args, &[]);
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)))
}

fn row<'a>(rollup: &'a Value, plan: &str) -> &'a Value {
    rollup["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["plan"] == plan)
        .unwrap_or_else(|| panic!("no row for {plan}"))
}

#[test]
fn the_bundled_plans_against_89_as_a_table() {
    insta::assert_snapshot!(stdout(&["rollup", "plans/", "--against", "de-an-89"]));
}

#[test]
fn the_bundled_plans_against_89_in_markdown_in_vietnamese() {
    insta::assert_snapshot!(stdout(&[
        "rollup",
        "plans/",
        "--against",
        "de-an-89",
        "--format",
        "markdown",
        "--lang",
        "vi"
    ]));
}

/// Every cell says what `xhht diff PLAN --against ID` says of that target:
/// the matrix is the comparison, not a second opinion.
#[test]
fn every_cell_is_the_comparisons_worst_row_for_its_target() {
    let mut checked = 0;
    for scheme in ["de-an-89", "de-an-281", "de-an-1373"] {
        checked += cells_match_diff(scheme);
    }
    assert!(checked > 100, "only {checked} cells checked");
}

fn cells_match_diff(scheme: &str) -> usize {
    let rollup = json(&["rollup", "plans/", "--against", scheme, "--format", "json"]);
    let columns = rollup["columns"].as_array().unwrap();
    let mut checked = 0;
    for row in rollup["rows"].as_array().unwrap() {
        let file = row["file"].as_str().unwrap();
        // `diff` exits 1 on a gap; its JSON is what is compared.
        let out = run(&["diff", file, "--against", scheme, "--format", "json"]);
        let diff: Value = serde_json::from_slice(&out.stdout).unwrap();
        let rows: Vec<&Value> = diff["comparisons"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|c| c["targets"].as_array().unwrap())
            .collect();
        for (column, cell) in columns.iter().zip(row["cells"].as_array().unwrap()) {
            let statuses: Vec<&str> = rows
                .iter()
                .filter(|r| r["scheme_target"] == column["target"])
                .map(|r| r["status"].as_str().unwrap())
                .collect();
            let cell_status = cell["status"].as_str().unwrap();
            if statuses.is_empty() {
                assert_eq!(cell_status, "outside_period", "{file} {}", column["target"]);
            } else {
                assert!(
                    statuses.contains(&cell_status),
                    "{file} {}: cell {cell_status}, diff {statuses:?}",
                    column["target"]
                );
                if statuses.contains(&"shortfall") {
                    assert_eq!(cell_status, "shortfall", "{file} {}", column["target"]);
                }
            }
            checked += 1;
        }
    }
    checked
}

#[test]
fn a_shortfall_shows_the_plans_figure_and_by_how_much() {
    let rollup = json(&[
        "rollup",
        "plans/",
        "--against",
        "de-an-89",
        "--format",
        "json",
    ]);
    let vinh_long = row(&rollup, "vinh-long-2012-2020");
    let shortfalls: Vec<&Value> = vinh_long["cells"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["status"] == "shortfall")
        .collect();
    assert!(!shortfalls.is_empty());
    for cell in shortfalls {
        assert!(cell["figure"].is_number(), "{cell}");
        assert!(cell["difference"].as_f64().unwrap() < 0.0, "{cell}");
    }
    // A commune-level reading of a province's figure is not a verdict.
    let cat_hai = row(&rollup, "cat-hai-2020");
    assert!(
        cat_hai["cells"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["status"] == "not_applicable" && c["reason"].is_string())
    );
}

/// Đề án 89 ran 2012-2020, on the map of 63 provinces; Thái Bình's plan for
/// 2021-2030 says nothing about it and is no row, and Thái Bình counts as
/// a province without a plan for 89.
#[test]
fn units_are_counted_on_the_map_of_the_schemes_period() {
    let rollup = json(&[
        "rollup",
        "plans/",
        "--against",
        "de-an-89",
        "--format",
        "json",
    ]);
    let coverage = &rollup["coverage"][0];
    assert_eq!(coverage["era"], "before2025");
    assert_eq!(coverage["level"], "province");
    assert_eq!(coverage["expected"], 63);
    // Vĩnh Long's plan implements 89; Bình Dương's (281) and Ninh Thuận's
    // (489) do not, and cover nothing for it.
    assert_eq!(coverage["covered"], 1);
    let missing: Vec<&str> = coverage["missing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap())
        .collect();
    assert_eq!(missing.len(), 62);
    assert!(missing.contains(&"tỉnh Bình Dương"));
    assert!(missing.contains(&"tỉnh Thái Bình"));
    assert!(!missing.contains(&"tỉnh Vĩnh Long"));
    let left_out = rollup["left_out"].as_array().unwrap();
    assert!(left_out.iter().any(|l| l["plan"] == "thai-binh-2021-2030"
        && l["reason"].as_str().unwrap().contains("2021–2030")));
    assert!(
        rollup["rows"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["plan"] != "thai-binh-2021-2030")
    );
}

/// Đề án 1373 spans the reform: units are the 34 provinces, and Thái
/// Bình's plan of 2021 counts for Hưng Yên, which it became part of, said
/// to cover it only in part (Hưng Yên itself has no plan here).
#[test]
fn a_plan_before_the_merger_counts_for_its_successor_and_says_so() {
    let rollup = json(&[
        "rollup",
        "plans/",
        "--against",
        "de-an-1373",
        "--format",
        "json",
    ]);
    let coverage = &rollup["coverage"][0];
    assert_eq!(coverage["era"], "after2025");
    assert_eq!(coverage["spans_merger"], true);
    assert_eq!(coverage["expected"], 34);
    let through = coverage["through_old"].as_array().unwrap();
    let hung_yen = through
        .iter()
        .find(|s| s["unit"] == "tỉnh Hưng Yên")
        .unwrap_or_else(|| panic!("{through:?}"));
    assert_eq!(hung_yen["plans"][0], "thai-binh-2021-2030");
    assert_eq!(hung_yen["from"][0], "tỉnh Thái Bình");
    assert_eq!(hung_yen["without_plan"][0], "tỉnh Hưng Yên");
    assert!(
        !coverage["missing"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m == "tỉnh Hưng Yên")
    );
}

/// A commune plan under Thái Bình's: copied from the example, with its
/// id, name and figure for "công dân học tập" in 2025 changed.
fn commune(dir: &Path, id: &str, name: &str, above: u32) {
    let example = std::fs::read_to_string(root().join("examples/commune-plan.yaml")).unwrap();
    let text = example
        .replace("id: vi-du-2021-2025", &format!("id: {id}"))
        .replace(
            "jurisdiction: xã Vũ Phúc",
            &format!("jurisdiction: xã {name}\n  province: thai-binh"),
        )
        .replace("value: {above: 45}", &format!("value: {{above: {above}}}"))
        .replace(
            "links:\n",
            "links:\n  parent: {plan: thai-binh-2021-2030, number: \"1960/KH-UBND\"}\n",
        );
    assert!(text.contains("parent:") && text.contains(&format!("above: {above}")));
    std::fs::write(dir.join(format!("{id}.yaml")), text).unwrap();
}

fn thai_binh_with_two_communes() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("plans/thai-binh-2021-2030.yaml"),
        dir.path().join("thai-binh-2021-2030.yaml"),
    )
    .unwrap();
    commune(dir.path(), "vu-phuc-2021-2025", "Vũ Phúc", 45);
    commune(dir.path(), "dong-hoa-2021-2025", "Đông Hòa", 75);
    dir
}

/// Under a province's plan: its communes are the rows and the units
/// counted, on the list its plan was issued on, and each is held to it.
#[test]
fn under_a_provinces_plan_its_communes_are_counted_and_held_to_it() {
    let dir = thai_binh_with_two_communes();
    let out = run_in(
        dir.path(),
        &[
            "rollup",
            ".",
            "--under",
            "thai-binh-2021-2030",
            "--format",
            "json",
        ],
        &[],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rollup: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rollup["against"]["id"], "thai-binh-2021-2030");
    assert_eq!(rollup["rows"].as_array().unwrap().len(), 2);
    let coverage = &rollup["coverage"][0];
    assert_eq!(coverage["era"], "before2025");
    assert_eq!(coverage["level"], "commune");
    assert_eq!(coverage["within"], "tỉnh Thái Bình");
    assert_eq!(coverage["expected"], 242);
    assert_eq!(coverage["covered"], 2);
    assert_eq!(rollup["siblings"]["with_parent"], 2);
    assert_eq!(rollup["siblings"]["below_parent"], 1);
    let vu_phuc = row(&rollup, "vu-phuc-2021-2025");
    assert_eq!(vu_phuc["against_parent"]["shortfalls"], 1);
    let column = rollup["columns"]
        .as_array()
        .unwrap()
        .iter()
        .position(|c| c["target"] == "learning-citizen-2025")
        .unwrap();
    assert_eq!(vu_phuc["cells"][column]["status"], "shortfall");
    assert_eq!(
        row(&rollup, "dong-hoa-2021-2025")["cells"][column]["status"],
        "exceeds"
    );
}

#[test]
fn csv_keeps_a_plans_text_from_becoming_a_formula() {
    let dir = thai_binh_with_two_communes();
    let path = dir.path().join("vu-phuc-2021-2025.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace(
            "jurisdiction: xã Vũ Phúc",
            "jurisdiction: \"=HYPERLINK(\\\"x\\\")\"",
        ),
    )
    .unwrap();
    let out = run_in(
        dir.path(),
        &[
            "rollup",
            ".",
            "--under",
            "thai-binh-2021-2030",
            "--format",
            "csv",
            "--lang",
            "vi",
        ],
        &[],
    );
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.starts_with('\u{feff}'), "no byte order mark for Excel");
    assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{csv}");
    let header = csv.lines().next().unwrap();
    assert!(header.contains("Kế hoạch,tệp,địa bàn,cấp,"), "{header}");
    assert!(header.ends_with("kế hoạch cấp trên,số chỉ tiêu cấp trên được đánh giá,số chỉ tiêu thấp hơn cấp trên,số chỉ tiêu cấp trên còn thiếu,lỗi"), "{header}");
    // The shortfall says by how much; the parent's columns are numbers.
    assert!(csv.contains(",thấp hơn (−25),"), "{csv}");
    assert!(csv.contains(",thai-binh-2021-2030,"), "{csv}");
}

#[test]
fn the_heat_map_colours_each_cell_and_escapes_plan_text() {
    let dir = thai_binh_with_two_communes();
    let path = dir.path().join("dong-hoa-2021-2025.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace(
            "jurisdiction: xã Đông Hòa",
            "jurisdiction: \"xã Đông Hòa <script>\"",
        ),
    )
    .unwrap();
    let out = run_in(
        dir.path(),
        &[
            "rollup",
            ".",
            "--under",
            "thai-binh-2021-2030",
            "--format",
            "html",
        ],
        &[],
    );
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.contains("@page { size: A4 landscape"));
    assert!(html.contains("class=\"cell shortfall\""), "{html}");
    assert!(html.contains("class=\"cell meets\""));
    assert!(html.contains("xã Đông Hòa &lt;script&gt;"));
    assert!(!html.contains("<script>"));
}

#[test]
fn json_validates_against_the_rollup_schema() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schemas/rollup.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for against in ["de-an-89", "de-an-1373"] {
        let rollup = json(&["rollup", "plans/", "--against", against, "--format", "json"]);
        let errors: Vec<String> = validator
            .iter_errors(&rollup)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{against}: {errors:?}");
    }
}

#[test]
fn without_a_plan_to_hold_to_it_names_the_schemes_the_plans_implement() {
    let out = run(&["rollup", "plans/"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("--against"), "{stderr}");
    assert!(stderr.contains("`de-an-1373`"), "{stderr}");
}

#[test]
fn a_misspelt_scheme_gets_a_suggestion() {
    let out = run(&["rollup", "plans/", "--against", "de-an-98"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("did you mean `de-an-89`"), "{stderr}");
}

/// A plan that does not load is a hole in the matrix and may be a unit
/// counted as having none: the run says so and fails.
#[test]
fn a_file_that_does_not_load_fails_the_run_and_is_listed() {
    let dir = thai_binh_with_two_communes();
    std::fs::write(dir.path().join("broken.yaml"), "document: [\n").unwrap();
    let out = run_in(
        dir.path(),
        &[
            "rollup",
            ".",
            "--under",
            "thai-binh-2021-2030",
            "--format",
            "json",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(1));
    let rollup: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        rollup["left_out"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l["file"].as_str().unwrap().ends_with("broken.yaml") && l["plan"].is_null())
    );
}

/// The national view counts provinces, and the communes too when the run
/// has commune plans: each level on its own line.
#[test]
fn every_level_the_run_has_plans_of_is_counted() {
    let dir = thai_binh_with_two_communes();
    let rollup = json_in(
        dir.path(),
        &["rollup", ".", "--against", "de-an-1373", "--format", "json"],
    );
    let levels: Vec<&str> = rollup["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["level"].as_str().unwrap())
        .collect();
    assert_eq!(levels, ["province", "commune"]);
    assert_eq!(rollup["coverage"][1]["expected"], 3321);
    // Commune plans of 2021 are units of the old list: each counts for
    // the commune it went into.
    let through: Vec<&str> = rollup["coverage"][1]["through_old"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["unit"].as_str().unwrap())
        .collect();
    assert_eq!(through.len(), 2, "{through:?}");
    assert!(
        through.contains(&"phường Vũ Phúc, tỉnh Hưng Yên"),
        "{through:?}"
    );
}

/// The workbook read back as a spreadsheet reads it: the matrix's figures
/// are numbers beside their verdict, headers in the run's language.
#[test]
fn the_workbook_holds_the_matrix_with_figures_as_numbers() {
    use calamine::{Data, Reader as _, Xlsx, open_workbook_from_rs};

    for (lang, sheets, plan_header) in [
        (
            "en",
            [
                "Plans by target",
                "Targets",
                "Units with a plan",
                "Not in the roll-up",
            ],
            "Plan",
        ),
        (
            "vi",
            [
                "Kế hoạch theo từng chỉ tiêu",
                "Chỉ tiêu",
                "Địa bàn đã có kế hoạch",
                "Không đưa vào bảng tổng hợp",
            ],
            "Kế hoạch",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("rollup.xlsx");
        let out = run(&[
            "rollup",
            "plans/",
            "--against",
            "de-an-89",
            "--lang",
            lang,
            "--format",
            "xlsx",
            "-o",
            file.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{out:?}");
        let mut book: Xlsx<_> =
            open_workbook_from_rs(std::io::Cursor::new(std::fs::read(&file).unwrap())).unwrap();
        assert_eq!(book.sheet_names(), sheets);
        let matrix = book.worksheet_range(sheets[0]).unwrap();
        let rows: Vec<Vec<Data>> = matrix.rows().map(<[Data]>::to_vec).collect();
        assert_eq!(rows[0][0].to_string(), plan_header);
        let vinh_long = rows.iter().find(|r| r[0] == "vinh-long-2012-2020").unwrap();
        // Its shortfall on 2020's life-skills target: 30 against 50.
        let short = vinh_long
            .iter()
            .position(|c| {
                c.to_string().starts_with(if lang == "en" {
                    "shortfall"
                } else {
                    "thấp hơn"
                })
            })
            .unwrap_or_else(|| panic!("{vinh_long:?}"));
        assert_eq!(vinh_long[short - 1], Data::Float(30.0));
        let units = book.worksheet_range(sheets[2]).unwrap();
        assert!(units.rows().any(|r| r[1] == "tỉnh Thái Bình"));
    }
}

/// A plan that does not implement the scheme, itself or through its
/// parent, is no row of gaps and covers no unit: Ninh Thuận's plan of
/// June 2020 carries out QĐ 489, a year before Đề án 1373 existed.
#[test]
fn a_plan_that_does_not_implement_the_scheme_is_left_out_with_the_reason() {
    let rollup = json(&[
        "rollup",
        "plans/",
        "--against",
        "de-an-1373",
        "--format",
        "json",
    ]);
    let rows: Vec<&str> = rollup["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["plan"].as_str().unwrap())
        .collect();
    assert_eq!(rows, ["thai-binh-2021-2030"]);
    let ninh_thuan = rollup["left_out"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["plan"] == "ninh-thuan-1960-2020")
        .unwrap();
    let reason = ninh_thuan["reason"].as_str().unwrap();
    assert!(
        reason.contains("does not implement `de-an-1373`") && reason.contains("qd-489"),
        "{reason}"
    );
    let coverage = &rollup["coverage"][0];
    assert!(
        coverage["through_old"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["unit"] != "tỉnh Khánh Hòa")
    );
}

/// A province that carried on unmerged on 1 July 2025 is the same unit:
/// its plan of 2021 is its own, not an old unit's.
#[test]
fn an_unmerged_provinces_earlier_plan_is_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join("plans/thai-binh-2021-2030.yaml")).unwrap();
    let ha_noi = text
        .replace("id: thai-binh-2021-2030", "id: ha-noi-2021-2030")
        .replace(
            "jurisdiction: \"tỉnh Thái Bình\"",
            "jurisdiction: \"thành phố Hà Nội\"",
        );
    assert!(ha_noi.contains("thành phố Hà Nội"));
    std::fs::write(dir.path().join("ha-noi.yaml"), ha_noi).unwrap();
    let rollup = json_in(
        dir.path(),
        &["rollup", ".", "--against", "de-an-1373", "--format", "json"],
    );
    let coverage = &rollup["coverage"][0];
    assert_eq!(coverage["covered"], 1, "{coverage}");
    assert!(
        coverage["through_old"].as_array().unwrap().is_empty(),
        "{coverage}"
    );
}

#[test]
fn a_scheme_is_not_a_plan_to_be_under() {
    let out = run(&["rollup", "plans/", "--under", "de-an-89"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("--against de-an-89"), "{stderr}");
    let out = run(&["rollup", "plans/", "--under", "thai-binh"]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("for --under") && stderr.contains("did you mean"),
        "{stderr}"
    );
}

#[test]
fn the_reason_for_another_level_names_both_levels() {
    let rollup = json(&[
        "rollup",
        "plans/",
        "--against",
        "de-an-89",
        "--level",
        "district",
        "--format",
        "json",
    ]);
    let vinh_long = rollup["left_out"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["plan"] == "vinh-long-2012-2020")
        .unwrap();
    assert_eq!(
        vinh_long["reason"],
        "a province plan, and --level keeps district plans"
    );
}

#[test]
fn a_scheme_without_targets_says_there_is_nothing_to_draw() {
    let text = stdout(&["rollup", "plans/", "--against", "qd-489"]);
    assert!(text.contains("`qd-489` sets no targets"), "{text}");
}

/// Markdown goes to terminals and pull-request comments: a plan's control
/// characters are escapes there, and its brackets are no link.
#[test]
fn markdown_keeps_a_plans_control_characters_and_links_inert() {
    let dir = thai_binh_with_two_communes();
    let path = dir.path().join("vu-phuc-2021-2025.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace(
            "jurisdiction: xã Vũ Phúc",
            "jurisdiction: \"xã Vũ Phúc\\u001b]0;pwned\\u0007 [click](http://x.example)\"",
        ),
    )
    .unwrap();
    let out = run_in(
        dir.path(),
        &[
            "rollup",
            ".",
            "--under",
            "thai-binh-2021-2030",
            "--format",
            "markdown",
        ],
        &[],
    );
    let markdown = String::from_utf8(out.stdout).unwrap();
    assert!(!markdown.contains('\u{1b}') && !markdown.contains('\u{7}'));
    assert!(markdown.contains("\\u{1b}]0;pwned"), "{markdown}");
    assert!(markdown.contains("\\[click]"), "{markdown}");
}

/// "xã Văn Lăng" and "xã Văn Lang" of Thái Nguyên fold to one name: the
/// one written with its marks is the plan's unit, not an ambiguity.
#[test]
fn a_name_written_exactly_is_placed_among_names_that_fold_alike() {
    let dir = tempfile::tempdir().unwrap();
    let example = std::fs::read_to_string(root().join("examples/commune-plan.yaml")).unwrap();
    let text = example
        .replace("id: vi-du-2021-2025", "id: van-lang-2026-2030")
        .replace(
            "jurisdiction: xã Vũ Phúc",
            "jurisdiction: xã Văn Lăng\n  province: thai-nguyen",
        )
        .replace("date: 2021-10-15", "date: 2026-01-10")
        .replace(
            "period: {start: 2021, end: 2025}",
            "period: {start: 2026, end: 2030}",
        )
        .replace("milestones: [2025]", "milestones: [2030]");
    assert!(text.contains("date: 2026-01-10") && text.contains("start: 2026"));
    std::fs::write(dir.path().join("van-lang.yaml"), text).unwrap();
    let rollup = json_in(
        dir.path(),
        &[
            "rollup",
            ".",
            "--against",
            "de-an-1373",
            "--level",
            "commune",
            "--format",
            "json",
        ],
    );
    let coverage = &rollup["coverage"][0];
    assert_eq!(coverage["covered"], 1, "{coverage}");
    assert!(
        coverage["unplaced"].as_array().unwrap().is_empty(),
        "{coverage}"
    );
    assert!(
        coverage["missing"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m == "xã Văn Lang, tỉnh Thái Nguyên")
    );
}

/// A commune plan for xã Yên Định (Hà Giang, 2021), which was divided on
/// 1 July 2025, counts for none of its parts, and Yên Định is then not
/// "merged in without a plan" into xã Ngọc Đường: its plan exists.
#[test]
fn a_divided_communes_plan_is_not_called_missing_where_a_part_went() {
    let dir = tempfile::tempdir().unwrap();
    let example = std::fs::read_to_string(root().join("examples/commune-plan.yaml")).unwrap();
    for (id, name) in [("ngoc-duong", "Ngọc Đường"), ("yen-dinh", "Yên Định")] {
        let text = example
            .replace("id: vi-du-2021-2025", &format!("id: {id}"))
            .replace(
                "jurisdiction: xã Vũ Phúc",
                &format!("jurisdiction: xã {name}\n  province: ha-giang"),
            );
        std::fs::write(dir.path().join(format!("{id}.yaml")), text).unwrap();
    }
    let rollup = json_in(
        dir.path(),
        &[
            "rollup",
            ".",
            "--against",
            "de-an-1373",
            "--level",
            "commune",
            "--format",
            "json",
        ],
    );
    let coverage = &rollup["coverage"][0];
    let ngoc_duong = coverage["through_old"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["unit"] == "xã Ngọc Đường, tỉnh Tuyên Quang")
        .unwrap_or_else(|| panic!("{coverage}"));
    assert!(
        !ngoc_duong["without_plan"]
            .as_array()
            .unwrap()
            .iter()
            .any(|u| u.as_str().unwrap().starts_with("xã Yên Định")),
        "{ngoc_duong}"
    );
    assert_eq!(coverage["unplaced"][0]["plan"], "yen-dinh");
}

/// `-o -` is standard output, as for `report`: never a file named "-".
#[test]
fn dash_as_the_output_is_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("plans/vinh-long-2012-2020.yaml"),
        dir.path().join("vinh-long.yaml"),
    )
    .unwrap();
    let out = run_in(
        dir.path(),
        &[
            "rollup",
            ".",
            "--against",
            "de-an-89",
            "--format",
            "json",
            "-o",
            "-",
        ],
        &[],
    );
    assert!(out.status.success(), "{out:?}");
    assert!(out.stdout.starts_with(b"{"));
    assert!(!dir.path().join("-").exists());
}
