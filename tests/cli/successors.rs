//! Which commune of 1 July 2025 an old commune became part of
//! (`catalogue/units/successors.tsv`): a plan of the old commune counted for
//! it in `xhht rollup`, and named in XH017's note, in English and Vietnamese.

use std::path::Path;

use serde_json::Value;

use crate::common::{root, run_in};

/// A commune plan of 2021 made from the example, for `jurisdiction` in
/// `province`; under Thái Bình's plan when in Thái Bình.
fn commune(dir: &Path, id: &str, jurisdiction: &str, province: &str) {
    let example = std::fs::read_to_string(root().join("examples/commune-plan.yaml")).unwrap();
    let mut text = example
        .replace("id: vi-du-2021-2025", &format!("id: {id}"))
        .replace(
            "jurisdiction: xã Vũ Phúc",
            &format!("jurisdiction: {jurisdiction}\n  province: {province}"),
        );
    if province == "thai-binh" {
        text = text.replace(
            "links:\n",
            "links:\n  parent: {plan: thai-binh-2021-2030, number: \"1960/KH-UBND\"}\n",
        );
        assert!(text.contains("parent:"));
    }
    assert!(text.contains(&format!("id: {id}")));
    std::fs::write(dir.join(format!("{id}.yaml")), text).unwrap();
}

fn thai_binh_with(communes: &[(&str, &str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("plans/thai-binh-2021-2030.yaml"),
        dir.path().join("thai-binh-2021-2030.yaml"),
    )
    .unwrap();
    for (id, jurisdiction, province) in communes {
        commune(dir.path(), id, jurisdiction, province);
    }
    dir
}

fn rollup_1373(dir: &Path, extra: &[&str]) -> String {
    let args = [
        &[
            "rollup",
            ".",
            "--against",
            "de-an-1373",
            "--level",
            "commune",
        ],
        extra,
    ]
    .concat();
    let out = run_in(dir, &args, &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Đề án 1373 spans the reform: communes are counted on the list since
/// 1 July 2025, and xã Vũ Phúc's plan of 2021 counts for phường Vũ Phúc of
/// Hưng Yên, which the commune went into whole.
#[test]
fn an_old_commune_plan_counts_for_the_commune_it_became_part_of() {
    let dir = thai_binh_with(&[("vu-phuc-2021-2025", "xã Vũ Phúc", "thai-binh")]);
    let rollup: Value =
        serde_json::from_str(&rollup_1373(dir.path(), &["--format", "json"])).unwrap();
    let coverage = &rollup["coverage"][0];
    assert_eq!(coverage["era"], "after2025");
    assert_eq!(coverage["level"], "commune");
    assert_eq!(coverage["expected"], 3321);
    assert_eq!(coverage["covered"], 0);
    let through = coverage["through_old"].as_array().unwrap();
    assert_eq!(through.len(), 1, "{through:?}");
    assert_eq!(through[0]["unit"], "phường Vũ Phúc, tỉnh Hưng Yên");
    assert_eq!(through[0]["plans"][0], "vu-phuc-2021-2025");
    assert_eq!(
        through[0]["from"][0],
        "xã Vũ Phúc, thành phố Thái Bình, tỉnh Thái Bình"
    );
    let missing = coverage["missing"].as_array().unwrap();
    assert_eq!(missing.len(), 3320);
    assert!(!missing.iter().any(|m| m == "phường Vũ Phúc, tỉnh Hưng Yên"));
    assert!(coverage["unplaced"].as_array().unwrap().is_empty());
}

/// Phường Cống Vị of Hà Nội was divided between Ngọc Hà and Giảng Võ: its
/// plan counts for neither, and the roll-up says why.
#[test]
fn a_divided_communes_plan_counts_for_none_and_says_so() {
    let dir = thai_binh_with(&[
        ("vu-phuc-2021-2025", "xã Vũ Phúc", "thai-binh"),
        ("cong-vi-2021-2025", "phường Cống Vị", "ha-noi"),
    ]);
    let rollup: Value =
        serde_json::from_str(&rollup_1373(dir.path(), &["--format", "json"])).unwrap();
    let coverage = &rollup["coverage"][0];
    assert_eq!(coverage["through_old"].as_array().unwrap().len(), 1);
    let missing = coverage["missing"].as_array().unwrap();
    for part in [
        "phường Ngọc Hà, thành phố Hà Nội",
        "phường Giảng Võ, thành phố Hà Nội",
    ] {
        assert!(missing.iter().any(|m| m == part), "{part}");
    }
    let unplaced = coverage["unplaced"].as_array().unwrap();
    assert_eq!(unplaced.len(), 1, "{unplaced:?}");
    assert_eq!(unplaced[0]["plan"], "cong-vi-2021-2025");
    assert_eq!(
        unplaced[0]["reason"],
        "phường Cống Vị, quận Ba Đình, thành phố Hà Nội was divided on 1 July 2025 among \
         phường Ngọc Hà, thành phố Hà Nội; phường Giảng Võ, thành phố Hà Nội: \
         its plan counts for none of them"
    );
    let vi: Value = serde_json::from_str(&rollup_1373(
        dir.path(),
        &["--format", "json", "--lang", "vi"],
    ))
    .unwrap();
    assert_eq!(
        vi["coverage"][0]["unplaced"][0]["reason"],
        "phường Cống Vị, quận Ba Đình, thành phố Hà Nội đã được chia cho \
         phường Ngọc Hà, thành phố Hà Nội; phường Giảng Võ, thành phố Hà Nội từ ngày \
         01/7/2025: kế hoạch của đơn vị này không được tính cho đơn vị nào trong số đó"
    );
    // The table says it too, under the plans the list cannot place.
    let table = rollup_1373(dir.path(), &[]);
    assert!(
        table.contains("was divided on 1 July 2025 among"),
        "{table}"
    );
}

/// A plan of 2026 naming an old commune: XH017 says what it became part
/// of, or among which communes it was divided.
#[test]
fn xh017_names_the_commune_an_old_one_became() {
    let dir = tempfile::tempdir().unwrap();
    let example = std::fs::read_to_string(root().join("examples/commune-plan.yaml")).unwrap();
    let later = example
        .replace("date: 2021-10-15", "date: 2026-01-15")
        .replace(
            "period: {start: 2021, end: 2025}",
            "period: {start: 2026, end: 2030}",
        )
        .replace("milestones: [2025]", "milestones: [2030]");
    let write = |file: &str, jurisdiction: &str| {
        let text = later.replace("jurisdiction: xã Vũ Phúc", jurisdiction);
        assert!(text.contains(jurisdiction) && text.contains("date: 2026-01-15"));
        std::fs::write(dir.path().join(file), text).unwrap();
    };
    write("vu-chinh.yaml", "jurisdiction: xã Vũ Chính, tỉnh Thái Bình");
    write(
        "cong-vi.yaml",
        "jurisdiction: phường Cống Vị\n  province: ha-noi",
    );
    let validate = |file: &str, lang: &str| {
        let out = run_in(dir.path(), &["validate", file, "--lang", lang], &[]);
        String::from_utf8(out.stdout).unwrap()
    };
    let en = validate("vu-chinh.yaml", "en");
    assert!(
        en.contains(
            "xã Vũ Chính, thành phố Thái Bình, tỉnh Thái Bình is a unit of the map before \
             1 July 2025; on 1 July 2025 it became part of phường Trần Lãm, tỉnh Hưng Yên"
        ),
        "{en}"
    );
    let vi = validate("vu-chinh.yaml", "vi");
    assert!(
        vi.contains("từ ngày 01/7/2025 được sắp xếp vào phường Trần Lãm, tỉnh Hưng Yên"),
        "{vi}"
    );
    let en = validate("cong-vi.yaml", "en");
    assert!(
        en.contains(
            "on 1 July 2025 it was divided among phường Ngọc Hà, thành phố Hà Nội; \
             phường Giảng Võ, thành phố Hà Nội"
        ),
        "{en}"
    );
    let vi = validate("cong-vi.yaml", "vi");
    assert!(
        vi.contains(
            "từ ngày 01/7/2025 địa bàn được chia cho phường Ngọc Hà, thành phố Hà Nội; \
             phường Giảng Võ, thành phố Hà Nội"
        ),
        "{vi}"
    );
}
