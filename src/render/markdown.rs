//! Markdown, for a pull-request comment or a CI job summary.

use super::{Input, printable, report};

pub(super) fn draw(input: &Input<'_>) -> String {
    let blocks = report::blocks(input.report, input.view.sections());
    printable(&report::markdown(&blocks), false)
}
