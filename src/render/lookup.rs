//! The look-up commands' lists (`xhht indicators`, `xhht agencies`): a
//! table for people, or JSON for programs, from the same rows.

use serde::Serialize;

use crate::cli::ListFormat;
use crate::i18n::{Lang, Message};

/// What a look-up lists.
pub(crate) struct List<'a, R, const N: usize> {
    /// The JSON key the rows are written under.
    pub key: &'a str,
    pub rows: &'a [R],
    /// Catalogue ids of the table's headers.
    pub columns: [&'static str; N],
    /// The line under the table: how many there are, and what they are for.
    pub count: Message,
}

/// The list as `format` writes it; `cells` gives a row's table cells.
pub(crate) fn draw<R: Serialize, const N: usize>(
    list: &List<'_, R, N>,
    cells: impl Fn(&R) -> [String; N],
    format: ListFormat,
    lang: Lang,
    color: bool,
) -> serde_json::Result<String> {
    match format {
        ListFormat::Json => {
            let mut json =
                serde_json::to_string_pretty(&serde_json::json!({ list.key: list.rows }))?;
            json.push('\n');
            Ok(json)
        }
        ListFormat::Table => {
            let header = list.columns.map(|id| lang.fixed(id));
            let mut table = super::baselines::id_table(color, header);
            for row in list.rows {
                table.add_row(cells(row));
            }
            let text = format!("{table}\n{}\n", list.count.render(lang));
            Ok(super::printable(&text, color))
        }
    }
}
