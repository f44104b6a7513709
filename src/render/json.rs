//! The versioned JSON report (`schemas/report.schema.json`).

use anyhow::Context as _;

use super::Input;

/// Messages are data in the report; here, and only here, they become text
/// in the report's language.
pub(super) fn draw(input: &Input<'_>) -> anyhow::Result<String> {
    let report = input.report;
    let mut value = serde_json::to_value(report).context("serializing the report")?;
    crate::i18n::localize_json(&mut value, report.lang);
    let mut json = serde_json::to_string_pretty(&value).context("serializing the report")?;
    json.push('\n');
    Ok(json)
}
