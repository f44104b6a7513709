//! schemas/plan.schema.json is generated from the model; this fails when the
//! two drift apart. Regenerate with `XHHT_BLESS=1 cargo test --test cli schema`.

use std::fs;
use std::path::Path;

fn matches_committed(file: &str, generated: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("schemas")
        .join(file);
    if std::env::var_os("XHHT_BLESS").is_some() {
        fs::write(&path, generated).unwrap();
    }
    let committed = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "schemas/{file} is out of date: run `XHHT_BLESS=1 cargo test --test cli schema` and commit it"
    );
}

#[test]
fn plan_schema_matches_the_model() {
    matches_committed("plan.schema.json", &xhht::schema::plan_schema());
}

#[test]
fn status_schema_matches_the_model() {
    matches_committed("status.schema.json", &xhht::schema::status_schema());
}

/// The status file the progress tests use is one an editor would accept.
#[test]
fn the_status_fixture_validates_against_the_status_schema() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let schema: serde_json::Value = serde_json::from_str(&xhht::schema::status_schema()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let path = root.join("tests/fixtures/progress/thai-binh-2021-2030.status.yaml");
    let status = xhht::schedule::status::load_status(&path).unwrap();
    let json = serde_json::to_value(&status).unwrap();
    assert!(validator.is_valid(&json));
    let wrong = serde_json::json!({"plan": "p", "targets": [{"target": "t", "year": 2025}]});
    assert!(
        !validator.is_valid(&wrong),
        "a figure without `achieved` passed"
    );
}

#[test]
fn report_schema_matches_the_report_types() {
    matches_committed("report.schema.json", &xhht::report::report_schema());
}

/// The schema editors use must accept every plan xhht accepts.
#[test]
fn every_bundled_plan_validates_against_the_plan_schema() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let schema: serde_json::Value = serde_json::from_str(&xhht::schema::plan_schema()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let mut files = xhht::walk::plan_files(&[root.join("plans")]).unwrap();
    files.push(root.join("examples/commune-plan.yaml"));
    for path in files {
        let plan = xhht::load::load_file(&path).unwrap().plan.unwrap();
        let json = serde_json::to_value(&plan).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "{}: {}",
            path.display(),
            errors.join("; ")
        );
    }
}

#[test]
fn rollup_schema_matches_the_rollup_types() {
    matches_committed("rollup.schema.json", &xhht::rollup::schema());
}
