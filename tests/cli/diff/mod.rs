//! `xhht diff` row by row against statuses written by hand from the seed
//! texts and the national reference (../shared/reference/national-schemes.md
//! §9), not from the tool's own output. The tests are split by topic into the
//! files beside this one; the helpers they share are here.

use serde_json::Value;

use crate::common::{root, run as xhht};

mod chains;
mod duties;
mod formats;
mod levels;
mod own_figures;
mod seeds;

fn diff_json(args: &[&str]) -> Value {
    let mut all = vec!["diff", "--format", "json"];
    all.extend_from_slice(args);
    let out = xhht(&all);
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)))
}

fn findings(json: &Value) -> std::slice::Iter<'_, Value> {
    json["findings"].as_array().unwrap().iter()
}

/// Rows of one comparison as JSON values.
fn rows<'a>(json: &'a Value, against: &str) -> Vec<&'a Value> {
    json["comparisons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["against"] == against)
        .unwrap_or_else(|| panic!("no comparison against {against}"))["targets"]
        .as_array()
        .unwrap()
        .iter()
        .collect()
}

fn row<'a>(json: &'a Value, against: &str, indicator: &str, year: u64) -> Vec<&'a Value> {
    rows(json, against)
        .into_iter()
        .filter(|r| r["indicator"] == indicator && r["year"] == year)
        .collect()
}

fn mutated(plan: &str, from: &str, to: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let original = std::fs::read_to_string(root().join(plan)).unwrap();
    assert!(original.contains(from), "{plan} has no {from:?}");
    let path = dir
        .path()
        .join(std::path::Path::new(plan).file_name().unwrap());
    std::fs::write(&path, original.replacen(from, to, 1)).unwrap();
    let path = path.to_str().unwrap().to_owned();
    (dir, path)
}
