//! The versioned JSON report (`schemas/report.schema.json`).

use super::Input;

/// Messages are data in the report; here, and only here, they become text
/// in the report's language.
pub(super) fn draw(input: &Input<'_>) -> String {
    let report = input.report;
    // Every map of the report is keyed by strings, which is all that could
    // make serializing fail.
    let mut json =
        crate::i18n::to_localized_json(report, report.lang).expect("the report serializes");
    json.push('\n');
    json
}
