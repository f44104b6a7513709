//! JSON Schema of plan files, generated from the model so it cannot drift
//! from what xhht accepts (a test compares it with schemas/plan.schema.json).

use serde_json::Value;

use crate::model::Plan;

pub fn plan_schema() -> String {
    let schema = schemars::schema_for!(Plan);
    let mut schema = serde_json::to_value(&schema).expect("a schema always serializes");
    suggest_known_ids(&mut schema);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema always serializes");
    text.push('\n');
    text
}

/// The schema of status files (`PLAN.status.yaml`): progress kept beside a plan.
pub fn status_schema() -> String {
    let schema = schemars::schema_for!(crate::model::StatusFile);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema always serializes");
    text.push('\n');
    text
}

/// Offers the catalogue's indicator ids and the registry's agency ids to an
/// editor as `examples`, named in the description. Examples, not an `enum`:
/// a new local indicator is xhht's to report (XH013), with a hint, not a
/// schema error.
fn suggest_known_ids(schema: &mut Value) {
    let indicators = crate::catalogue::Catalogue::embedded()
        .indicators
        .iter()
        .map(|i| (i.id.as_str(), i.vi.as_str(), i.en.as_str()));
    suggest(
        schema,
        "/$defs/Target/properties/indicator",
        "Known ids (`xhht indicators`):",
        indicators,
    );
    let bodies = crate::registry::Registry::embedded()
        .bodies
        .iter()
        .map(|b| (b.id.as_str(), b.name.as_str(), b.en.as_str()));
    suggest(
        schema,
        "/$defs/Agency/properties/registry",
        "Known ids (`xhht agencies`):",
        bodies,
    );
}

fn suggest<'a>(
    schema: &mut Value,
    pointer: &str,
    heading: &str,
    known: impl Iterator<Item = (&'a str, &'a str, &'a str)>,
) {
    let property = schema
        .pointer_mut(pointer)
        .and_then(Value::as_object_mut)
        .unwrap_or_else(|| panic!("the plan schema has no {pointer}"));
    let mut description = property
        .get("description")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    description.push_str("\n\n");
    description.push_str(heading);
    let mut examples = Vec::new();
    for (id, vi, en) in known {
        description.push_str(&format!("\n- `{id}`: {vi} ({en})"));
        examples.push(Value::from(id));
    }
    property.insert("description".to_owned(), Value::from(description));
    property.insert("examples".to_owned(), Value::Array(examples));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indicator_and_registry_ids_are_offered_to_editors() {
        let schema: Value = serde_json::from_str(&plan_schema()).unwrap();
        let indicator = &schema["$defs"]["Target"]["properties"]["indicator"];
        let examples = indicator["examples"].as_array().unwrap();
        assert_eq!(
            examples.len(),
            crate::catalogue::Catalogue::embedded().indicators.len()
        );
        assert!(examples.contains(&Value::from("model.learning_citizen")));
        assert!(
            indicator.get("enum").is_none(),
            "a new indicator is XH013's"
        );
        let description = indicator["description"].as_str().unwrap();
        assert!(description.contains("- `literacy.rate.age_15_60`: Tỷ lệ người trong độ tuổi 15-60 biết chữ (Literacy rate, ages 15-60)"));
        let registry = &schema["$defs"]["Agency"]["properties"]["registry"];
        assert!(
            registry["examples"]
                .as_array()
                .unwrap()
                .contains(&Value::from("so-gddt"))
        );
        assert!(registry["description"].as_str().unwrap().contains(
            "- `so-gddt`: Sở Giáo dục và Đào tạo (Department of Education and Training)"
        ));
    }
}
