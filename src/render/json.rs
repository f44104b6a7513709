//! The versioned JSON report (`schemas/report.schema.json`).

use super::Input;

/// Messages are data in the report; here, and only here, they become text
/// in the report's language.
pub(super) fn draw(input: &Input<'_>) -> String {
    let report = input.report;
    // Every map of the report is keyed by strings, which is all that could
    // make serializing fail.
    let mut value = serde_json::to_value(report).expect("the report serializes");
    crate::i18n::localize_json(&mut value, report.lang);
    let mut json = serde_json::to_string_pretty(&value).expect("a JSON value serializes");
    json.push('\n');
    json
}
