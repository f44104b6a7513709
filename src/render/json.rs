//! The versioned JSON report (`schemas/report.schema.json`).

use anyhow::Context as _;

use crate::report::Report;

pub fn render(report: &Report) -> anyhow::Result<String> {
    let mut json = serde_json::to_string_pretty(report).context("serializing the report")?;
    json.push('\n');
    Ok(json)
}
