//! The matrix as CSV for a spreadsheet: one line per plan; per target, the
//! plan's figure (a number, empty where none was judged) and the verdict
//! in words. Figures are written with a decimal point whatever the
//! language, for programs; a spreadsheet user is better served by XLSX.

use crate::rollup::Rollup;

/// Excel reads a CSV file without it as the machine's legacy code page,
/// which garbles every Vietnamese letter.
const BYTE_ORDER_MARK: &str = "\u{feff}";

pub(super) fn draw(rollup: &Rollup) -> String {
    let lang = rollup.lang;
    let header = super::matrix_header(rollup);
    let mut writer = csv::WriterBuilder::new().from_writer(Vec::new());
    let mut write = |record: Vec<String>| {
        // Writing to memory fails only on a record of another length, and
        // every record here has the header's.
        writer
            .write_record(record)
            .expect("a record of the header's length");
    };
    write(header.iter().map(|h| inert(h)).collect());
    for row in &rollup.rows {
        let mut record = vec![
            inert(&row.plan),
            inert(&row.file.display().to_string()),
            inert(&row.jurisdiction),
            crate::compare::level_name(row.level).render(lang),
        ];
        for cell in &row.cells {
            record.push(
                cell.figure
                    .map(|f| crate::i18n::format::number(f, crate::i18n::Lang::En))
                    .unwrap_or_default(),
            );
            record.push(inert(&super::status_with_reason(cell, lang)));
        }
        match &row.against_parent {
            Some(p) => record.extend([
                inert(&p.parent),
                p.judged.to_string(),
                p.shortfalls.to_string(),
                p.gaps.to_string(),
            ]),
            None => record.extend([String::new(), String::new(), String::new(), String::new()]),
        }
        record.push(row.errors.to_string());
        write(record);
    }
    let bytes = writer
        .into_inner()
        .expect("writing to memory does not fail");
    let body = String::from_utf8(bytes).expect("every field is UTF-8");
    format!("{BYTE_ORDER_MARK}{body}")
}

/// Text a spreadsheet would run as a formula (`=HYPERLINK(…)` in a plan's
/// name) is kept text by a leading apostrophe, as OWASP advises; control
/// characters are shown as escapes.
fn inert(text: &str) -> String {
    let text = crate::render::printable(text, false);
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text
    }
}
