//! The table format: what a person reads in a terminal. `validate` shows
//! rustc-style diagnostics, `report` its sections, `diff` its comparisons
//! side by side.

use super::{Input, View, diagnostic, diff, printable, report};

pub(super) fn draw(input: &Input<'_>) -> String {
    let lang = input.report.lang;
    let text = match input.view {
        View::Diagnostics => {
            diagnostic::all(
                input.files,
                &input.report.status_sources,
                &input.report.findings,
                input.color,
                lang,
            )
        }
        View::Diff => diff::render(input.report, input.color),
        View::Report { sections } => {
            report::terminal(&report::blocks(input.report, sections), input.color)
        }
    };
    // Colour sequences are xhht's own; everything else that could steer a
    // terminal came from a plan.
    printable(&text, input.color)
}
