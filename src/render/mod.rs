//! Renderers: every format draws the same findings and rows.

pub mod baselines;
pub mod diagnostic;
pub mod diff;
pub mod github;
pub mod html;
pub mod json;
pub mod junit;
pub mod report;
pub mod sarif;

use std::path::Path;

use crate::cli::Format;
use crate::finding::{Finding, Kind, Severity};
use crate::load::Loaded;
use crate::report::Report;

/// What every format draws from.
pub struct Input<'a> {
    pub report: &'a Report,
    pub files: &'a [Loaded],
    /// The report sections the table and Markdown show.
    pub sections: &'a [Kind],
    /// The table is rustc-style diagnostics (`validate`) rather than the
    /// report's tables.
    pub diagnostics: bool,
    pub color: bool,
    /// Where JUnit draws the line between a failed and a passed case.
    pub fail_on: Option<Severity>,
}

/// The report in `format`: each format is one file of this module, and
/// this is the one place that knows them all.
pub fn draw(format: Format, input: &Input<'_>) -> anyhow::Result<String> {
    let blocks = || report::blocks(input.report, input.sections);
    Ok(match format {
        Format::Table if input.diagnostics => {
            diagnostic::all(input.files, &input.report.findings, input.color)
        }
        Format::Table => report::terminal(&blocks(), input.color),
        Format::Markdown => report::markdown(&blocks()),
        Format::Html => html::render(input.report),
        Format::Json => json::render(input.report)?,
        Format::Sarif => sarif::sarif(&input.report.findings),
        Format::Junit => junit::render(input),
        Format::Github => github::github(&input.report.findings),
    })
}

/// Paths as people read them, for JUnit and annotations.
pub(crate) fn display_path(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    text.strip_prefix("./").unwrap_or(&text).to_owned()
}

/// A finding's message with its hint, for formats with one text field.
pub(crate) fn with_hint(f: &Finding) -> String {
    match &f.hint {
        Some(hint) => format!("{} ({hint})", f.message),
        None => f.message.clone(),
    }
}

/// Escapes text for HTML and XML: plan text is user input.
pub fn escape_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
