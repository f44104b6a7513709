//! A workbook from plain tables: what every XLSX xhht writes has in common.
//! A caller lays out [`Sheet`]s of typed [`Cell`]s (text, numbers, dates,
//! coloured statuses) and [`workbook`] writes them with a frozen header row,
//! a filter on every column, widths to fit and a fixed creation date, so the
//! same input gives the same bytes.
//!
//! Text always goes in as text: a plan's "=1+1" is a string, never a
//! formula (`write_string` stores a shared string and nothing else), and
//! its control characters are shown as escapes, as on a terminal.

use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatBorder, Workbook, Worksheet, XlsxError,
};

use crate::date::CivilDate;
use crate::i18n::Lang;

/// One worksheet: a header row, then the rows, in order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Sheet {
    /// Shown on the tab; made valid for Excel (at most 31 characters, none
    /// of `[]:*?/\`, unique in the workbook) when written.
    pub(crate) name: String,
    pub(crate) header: Vec<String>,
    pub(crate) rows: Vec<Vec<Cell>>,
}

/// A cell, by what it holds: Excel sorts and sums numbers and dates only
/// when they are stored as such.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(CivilDate),
    /// A verdict, coloured by how it reads.
    Status(String, Tone),
}

impl Cell {
    pub(crate) fn text(text: impl Into<String>) -> Self {
        Self::Text(text.into())
    }

    /// A count, which Excel stores as a number like any other.
    #[expect(clippy::cast_precision_loss, reason = "no count nears 2^52")]
    pub(crate) fn count(n: usize) -> Self {
        Self::Number(n as f64)
    }

    pub(crate) fn number_or_empty(value: Option<f64>) -> Self {
        value.map_or(Self::Empty, Self::Number)
    }

    pub(crate) fn date_or_empty(date: Option<CivilDate>) -> Self {
        date.map_or(Self::Empty, Self::Date)
    }
}

/// How a status reads, as Excel's own cell styles colour it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tone {
    /// A shortfall, a gap, an overdue task, an error: red.
    Bad,
    /// Due soon, owned elsewhere, a warning: amber.
    Caution,
    /// Met, done, on track: green.
    Good,
    /// Not comparable, not applicable, no figure: grey.
    Muted,
    /// Nothing to flag: uncoloured.
    Plain,
}

/// Excel's limits: rows a sheet holds, UTF-16 units a cell holds.
const MAX_ROWS: usize = 1_048_576;
const MAX_CELL: usize = 32_767;

/// The workbook of `sheets`, in order. `created` is written as its creation
/// date (the report's as-of date, not the clock, so two runs give the same
/// bytes); `lang` sets how dates are shown and the note on rows left out.
pub(crate) fn workbook(
    sheets: &[Sheet],
    created: CivilDate,
    lang: Lang,
) -> Result<Vec<u8>, XlsxError> {
    workbook_within(sheets, created, lang, MAX_ROWS)
}

/// [`workbook`] with sheets of at most `max_rows` rows.
fn workbook_within(
    sheets: &[Sheet],
    created: CivilDate,
    lang: Lang,
    max_rows: usize,
) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let created = excel_date(created).unwrap_or_default();
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let styles = Styles::new(lang);
    let mut names: Vec<String> = Vec::new();
    for sheet in sheets {
        let name = sheet_name(&sheet.name, &names);
        let worksheet = book.add_worksheet();
        worksheet.set_name(&name)?;
        names.push(name);
        write_sheet(worksheet, sheet, &styles, lang, max_rows)?;
    }
    book.save_to_buffer()
}

struct Styles {
    header: Format,
    date: Format,
    bad: Format,
    caution: Format,
    good: Format,
    muted: Format,
}

impl Styles {
    fn new(lang: Lang) -> Self {
        let tone = |fill: u32, font: u32| {
            Format::new()
                .set_background_color(Color::RGB(fill))
                .set_font_color(Color::RGB(font))
        };
        Self {
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0x00D9_E1F2))
                .set_border_bottom(FormatBorder::Thin),
            date: Format::new().set_num_format(match lang {
                Lang::Vi => "dd/mm/yyyy",
                Lang::En => "yyyy-mm-dd",
            }),
            // Excel's "Bad", "Neutral" and "Good" cell styles, and a grey.
            bad: tone(0x00FF_C7CE, 0x009C_0006),
            caution: tone(0x00FF_EB9C, 0x009C_5700),
            good: tone(0x00C6_EFCE, 0x0000_6100),
            muted: tone(0x00ED_EDED, 0x0059_5959),
        }
    }

    fn of(&self, tone: Tone) -> Option<&Format> {
        match tone {
            Tone::Bad => Some(&self.bad),
            Tone::Caution => Some(&self.caution),
            Tone::Good => Some(&self.good),
            Tone::Muted => Some(&self.muted),
            Tone::Plain => None,
        }
    }
}

fn write_sheet(
    ws: &mut Worksheet,
    sheet: &Sheet,
    styles: &Styles,
    lang: Lang,
    max_rows: usize,
) -> Result<(), XlsxError> {
    for (col, title) in (0u16..).zip(&sheet.header) {
        ws.write_string_with_format(0, col, fitted(title), &styles.header)?;
    }
    // The header row, and a last row saying how many did not fit.
    let room = max_rows - 2;
    let mut widths: Vec<usize> = sheet.header.iter().map(|h| h.chars().count()).collect();
    for (row, cells) in (1u32..).zip(sheet.rows.iter().take(room)) {
        for (col, cell) in (0u16..).zip(cells) {
            let width = write_cell(ws, row, col, cell, styles)?;
            if let Some(known) = widths.get_mut(usize::from(col)) {
                *known = (*known).max(width);
            } else {
                widths.push(width);
            }
        }
    }
    let shown = sheet.rows.len().min(room);
    if sheet.rows.len() > room {
        let count = sheet.rows.len() - room;
        let note = crate::msg!("xlsx.rows-left-out", count).render(lang);
        ws.write_string(row_number(shown + 1), 0, note)?;
    }
    let last_col = u16::try_from(widths.len().max(1) - 1).unwrap_or(u16::MAX);
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, row_number(shown), last_col)?;
    for (col, width) in (0u16..).zip(&widths) {
        ws.set_column_width(col, column_width(*width))?;
    }
    Ok(())
}

/// Writes one cell and says how wide its text reads, in characters.
fn write_cell(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    styles: &Styles,
) -> Result<usize, XlsxError> {
    match cell {
        Cell::Empty => Ok(0),
        Cell::Text(text) => {
            ws.write_string(row, col, fitted(text))?;
            Ok(text.chars().count())
        }
        // Excel stores no NaN nor infinity; shown as written rather than lost.
        Cell::Number(value) if !value.is_finite() => {
            ws.write_string(row, col, value.to_string())?;
            Ok(4)
        }
        Cell::Number(value) => {
            ws.write_number(row, col, *value)?;
            Ok(value.to_string().len())
        }
        Cell::Date(date) => {
            if let Some(day) = excel_date(*date) {
                ws.write_datetime_with_format(row, col, &day, &styles.date)?;
            } else {
                // Before 1900 Excel has no date: the ISO text says it as well.
                ws.write_string(row, col, date.to_string())?;
            }
            Ok(10)
        }
        Cell::Status(text, tone) => {
            if let Some(format) = styles.of(*tone) {
                ws.write_string_with_format(row, col, fitted(text), format)?;
            } else {
                ws.write_string(row, col, fitted(text))?;
            }
            Ok(text.chars().count())
        }
    }
}

fn row_number(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

/// Wide enough for most of a column's text, never a wall: long messages wrap
/// in the reader's eye, not across the screen.
fn column_width(chars: usize) -> f64 {
    let chars = u32::try_from(chars.clamp(6, 60)).unwrap_or(60);
    f64::from(chars + 2)
}

fn excel_date(date: CivilDate) -> Option<ExcelDateTime> {
    let day = date.0;
    let year = u16::try_from(day.year()).ok()?;
    let month = u8::try_from(day.month()).ok()?;
    let dom = u8::try_from(day.day()).ok()?;
    ExcelDateTime::from_ymd(year, month, dom).ok()
}

/// Text as a cell shows it: control characters and the direction overrides
/// that would reorder what a reader sees shown as escapes (plan text is user
/// input), cut to what a cell holds (32,767 UTF-16 units), an ellipsis
/// saying so.
fn fitted(text: &str) -> String {
    let text = crate::render::printable(text, false);
    if text.encode_utf16().count() <= MAX_CELL {
        return text;
    }
    let mut out = String::new();
    let mut units = 0;
    for c in text.chars() {
        units += c.len_utf16();
        if units > MAX_CELL - 1 {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// A tab name Excel accepts: none of `[]:*?/\`, no apostrophe at either
/// end, at most 31 characters, not the name of an earlier sheet (compared
/// without case, as Excel does).
fn sheet_name(wanted: &str, taken: &[String]) -> String {
    let cleaned: String = wanted
        .chars()
        .map(|c| {
            if "[]:*?/\\".contains(c) || c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect();
    let cleaned = cleaned.trim_matches(|c: char| c == '\'' || c.is_whitespace());
    let base = if cleaned.is_empty() { "Sheet" } else { cleaned };
    let clash = |name: &str| {
        taken
            .iter()
            .any(|t| t.to_lowercase() == name.to_lowercase())
    };
    let mut n = 1;
    loop {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!(" ({n})")
        };
        let room = 31 - suffix.chars().count();
        let name: String = base
            .chars()
            .take(room)
            .collect::<String>()
            .trim_end()
            .to_owned()
            + &suffix;
        if !clash(&name) {
            return name;
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_made_valid_and_unique() {
        let taken = vec!["Findings".to_owned()];
        assert_eq!(sheet_name("findings", &taken), "findings (2)");
        assert_eq!(sheet_name("a/b: c?", &[]), "a b  c");
        assert_eq!(sheet_name("''", &[]), "Sheet");
        let long = "Kế hoạch xây dựng xã hội học tập tỉnh Bình Dương";
        assert_eq!(sheet_name(long, &[]).chars().count(), 31);
    }

    /// Read back as Excel would: text as text (a formula's look included),
    /// numbers as numbers, dates as dates, nothing as a formula.
    #[test]
    fn cells_keep_their_kind() {
        use calamine::{Data, Reader as _};

        let day = CivilDate::parse_iso("2026-11-30").unwrap();
        let sheet = Sheet {
            name: "a/b".into(),
            header: vec!["h1".into(), "h2".into()],
            rows: vec![
                vec![Cell::text("=1+1"), Cell::Number(99.5)],
                vec![Cell::Date(day), Cell::Status("shortfall".into(), Tone::Bad)],
                vec![Cell::text("a\u{202e}b"), Cell::Number(f64::NAN)],
            ],
        };
        let bytes = workbook(&[sheet], day, Lang::En).unwrap();
        let mut book: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(book.sheet_names(), ["a b"]);
        let range = book.worksheet_range("a b").unwrap();
        let cell = |row, col| range.get_value((row, col)).cloned().unwrap_or_default();
        assert_eq!(cell(0, 1), Data::String("h2".into()));
        assert_eq!(cell(1, 0), Data::String("=1+1".into()));
        assert_eq!(cell(1, 1), Data::Float(99.5));
        assert!(
            matches!(cell(2, 0), Data::DateTime(d) if (d.as_f64() - 46_356.0).abs() < 1e-9),
            "{:?}",
            cell(2, 0)
        );
        assert_eq!(cell(2, 1), Data::String("shortfall".into()));
        assert_eq!(cell(3, 0), Data::String("a\\u{202e}b".into()));
        assert_eq!(cell(3, 1), Data::String("NaN".into()));
        let formulas = book.worksheet_formula("a b").unwrap();
        assert!(formulas.used_cells().next().is_none());
    }

    /// Each tone's cell is filled with its colour: red for a shortfall, green
    /// for met, grey for not comparable, amber for a caution.
    #[test]
    fn statuses_are_coloured_by_tone() {
        use std::io::Read as _;

        let tones = [
            (Tone::Bad, Some("FFFFC7CE")),
            (Tone::Good, Some("FFC6EFCE")),
            (Tone::Muted, Some("FFEDEDED")),
            (Tone::Caution, Some("FFFFEB9C")),
            (Tone::Plain, None),
        ];
        let sheet = Sheet {
            name: "s".into(),
            header: vec!["status".into()],
            rows: tones
                .iter()
                .map(|(tone, _)| vec![Cell::Status("x".into(), *tone)])
                .collect(),
        };
        let day = CivilDate::parse_iso("2026-11-30").unwrap();
        let bytes = workbook(&[sheet], day, Lang::En).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut read = |name: &str| {
            let mut text = String::new();
            zip.by_name(name)
                .unwrap()
                .read_to_string(&mut text)
                .unwrap();
            text
        };
        let (styles, cells) = (read("xl/styles.xml"), read("xl/worksheets/sheet1.xml"));
        let between = |text: &str, open: &str, close: &str| -> Vec<String> {
            text.split(open)
                .skip(1)
                .map(|part| part.split(close).next().unwrap().to_owned())
                .collect()
        };
        let fills = between(&styles, "<fill>", "</fill>");
        let xfs = between(&styles[styles.find("<cellXfs").unwrap()..], "<xf ", "/>");
        let attribute = |text: &str, name: &str| {
            between(text, &format!("{name}=\""), "\"")
                .into_iter()
                .next()
        };
        for (row, (tone, colour)) in (2..).zip(tones) {
            let cell = between(&cells, &format!("<c r=\"A{row}\""), ">").remove(0);
            let fill = attribute(&cell, "s")
                .and_then(|s| attribute(&xfs[s.parse::<usize>().unwrap()], "fillId"))
                .map(|id| fills[id.parse::<usize>().unwrap()].clone());
            let rgb = fill.and_then(|f| attribute(&f, "rgb"));
            assert_eq!(rgb.as_deref(), colour, "{tone:?}");
        }
    }

    /// Rows past what a sheet holds are counted in a last row, never
    /// dropped in silence.
    #[test]
    fn rows_that_do_not_fit_are_counted() {
        use calamine::{Data, Reader as _};

        let day = CivilDate::parse_iso("2026-11-30").unwrap();
        let sheet = Sheet {
            name: "s".into(),
            header: vec!["n".into()],
            rows: (0..5).map(|n| vec![Cell::count(n)]).collect(),
        };
        let bytes = workbook_within(&[sheet], day, Lang::En, 4).unwrap();
        let mut book: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let range = book.worksheet_range("s").unwrap();
        let rows: Vec<Data> = range.rows().map(|r| r[0].clone()).collect();
        assert_eq!(rows[1..3], [Data::Float(0.0), Data::Float(1.0)]);
        assert_eq!(
            rows[3],
            Data::String("3 more rows not listed: an Excel sheet holds at most 1,048,576 rows. The JSON report (--format json) has them all.".into())
        );
        assert_eq!(rows.len(), 4);
    }

    #[test]
    fn text_is_cut_to_what_a_cell_holds() {
        let long = "ă".repeat(MAX_CELL + 10);
        let cut = fitted(&long);
        assert_eq!(cut.encode_utf16().count(), MAX_CELL);
        assert!(cut.ends_with('…'));
        assert_eq!(fitted("=1+1"), "=1+1");
    }
}
