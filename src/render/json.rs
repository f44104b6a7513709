//! The versioned JSON report (`schemas/report.schema.json`).

use anyhow::Context as _;

use crate::report::Report;

/// Messages are data in the report; here, and only here, they become text
/// in the report's language.
pub fn render(report: &Report) -> anyhow::Result<String> {
    let mut value = serde_json::to_value(report).context("serializing the report")?;
    crate::i18n::localize_json(&mut value, report.lang);
    let mut json = serde_json::to_string_pretty(&value).context("serializing the report")?;
    json.push('\n');
    Ok(json)
}
