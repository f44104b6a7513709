//! schemas/plan.schema.json is generated from the model; this fails when the
//! two drift apart. Regenerate with `XHHT_BLESS=1 cargo test --test schema`.

use std::fs;
use std::path::Path;

#[test]
fn plan_schema_matches_the_model() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/plan.schema.json");
    let generated = xhht::schema::plan_schema();
    if std::env::var_os("XHHT_BLESS").is_some() {
        fs::write(&path, &generated).unwrap();
    }
    let committed = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "schemas/plan.schema.json is out of date: run `XHHT_BLESS=1 cargo test --test schema` and commit it"
    );
}
