//! JSON Schema of plan files, generated from the model so it cannot drift
//! from what xhht accepts (a test compares it with schemas/plan.schema.json).

use crate::model::Plan;

pub fn plan_schema() -> String {
    let schema = schemars::schema_for!(Plan);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema always serializes");
    text.push('\n');
    text
}
