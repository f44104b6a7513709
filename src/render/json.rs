//! The versioned JSON report (`schemas/report.schema.json`).

use std::io::Write;

use super::Input;
use crate::report::Report;

/// Messages are data in the report; here, and only here, they become text
/// in the report's language.
pub(super) fn draw(input: &Input<'_>) -> String {
    let mut json = Vec::new();
    write(input.report, &mut json).expect("writing to memory does not fail");
    String::from_utf8(json).expect("JSON is UTF-8")
}

/// The report written to `out` as it is serialized: on a national corpus
/// it runs to hundreds of megabytes, which are never held as one string.
pub(crate) fn write(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    // Every map of the report is keyed by strings, which is all that could
    // make serializing fail short of the writer failing.
    crate::i18n::write_localized_json(&mut *out, report, report.lang)
        .map_err(std::io::Error::other)?;
    out.write_all(b"\n")
}
