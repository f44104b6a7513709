//! Figures of Đề án 89 read from Vĩnh Long's own plan: its rows are its
//! own figures and never met by them, whatever its file calls it, and another
//! province is not failed on a figure only Vĩnh Long states.

use serde_json::Value;

use crate::common::{root, run as xhht};

use super::{diff_json, findings, mutated, row, rows};

#[test]
fn vinh_long_is_never_met_by_its_own_figures() {
    let json = diff_json(&["plans/vinh-long-2012-2020.yaml"]);
    let own: Vec<&Value> = rows(&json, "de-an-89")
        .into_iter()
        .filter(|r| r["status"] == "own_figure")
        .collect();
    // Every 89 figure whose only source of the value is seed 000 (Vĩnh Long's
    // own plan), including four whose wording alone a Bến Tre page echoes.
    assert_eq!(own.len(), 17, "{own:#?}");
    for r in &own {
        assert_eq!(r["verification"], "verified-local");
        assert_eq!(r["certainty"], "own_figure");
    }
    // 89's 20% of officials at foreign-language level 2 by 2015 rests on seed 000 alone.
    let fl = row(&json, "de-an-89", "it_fl.officials_foreign_language", 2015);
    assert!(fl.iter().all(|r| r["status"] == "own_figure"), "{fl:#?}");
    let table =
        String::from_utf8(xhht(&["diff", "plans/vinh-long-2012-2020.yaml"]).stdout).unwrap();
    assert!(
        table.contains("17 rows rest on national figures read from this plan itself"),
        "{table}"
    );
    assert!(table.contains("rests on this plan's own figure"));
}

#[test]
fn a_plan_is_its_own_source_whatever_its_file_calls_it() {
    // Same plan, another id and "Vĩnh Long" without "tỉnh": still its figures.
    let dir = tempfile::tempdir().unwrap();
    let original = std::fs::read_to_string(root().join("plans/vinh-long-2012-2020.yaml")).unwrap();
    let renamed = original
        .replacen("id: vinh-long-2012-2020", "id: vl-446", 1)
        .replacen(
            "jurisdiction: \"tỉnh Vĩnh Long\"",
            "jurisdiction: \"Vĩnh Long\"",
            1,
        );
    let path = dir.path().join("vl.yaml");
    std::fs::write(&path, renamed).unwrap();
    let json = diff_json(&[path.to_str().unwrap()]);
    let own = rows(&json, "de-an-89")
        .into_iter()
        .filter(|r| r["status"] == "own_figure")
        .count();
    assert_eq!(own, 17);
}

#[test]
fn another_province_is_not_failed_on_a_figure_only_vinh_long_states() {
    // 89's "100% of officials trained to standard by 2015" rests on Vĩnh
    // Long's plan alone: against Bến Tre it is a single source, a warning.
    let (_dir, path) = mutated(
        "plans/vinh-long-2012-2020.yaml",
        "  - id: officials-pd-trained-2015\n    indicator: professional.officials_province_district.trained_to_standard\n    unit: percent\n    population: people\n    value: {point: 100}",
        "  - id: officials-pd-trained-2015\n    indicator: professional.officials_province_district.trained_to_standard\n    unit: percent\n    population: people\n    value: {point: 90}",
    );
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replacen("id: vinh-long-2012-2020", "id: ben-tre-2013-2020", 1)
        .replacen(
            "jurisdiction: \"tỉnh Vĩnh Long\"",
            "jurisdiction: \"tỉnh Bến Tre\"",
            1,
        )
        .replace("seeds/000_57e2ad833bec96c7.txt", "ben-tre.txt")
        .replace("446/KH-SGDĐT-GDCN-GDTX", "1/KH-UBND");
    std::fs::write(&path, text).unwrap();
    let json = diff_json(&[&path]);
    let finding = findings(&json)
        .find(|f| {
            f["code"] == "XH102"
                && f["subject"]
                    == "professional.officials_province_district.trained_to_standard 2015"
        })
        .expect("a shortfall is still said");
    assert_eq!(finding["severity"], "warning");
}
