//! Word documents (.docx): the text of `word/document.xml`, a line per
//! paragraph, numbered and bulleted paragraphs with the marker Word shows
//! ("1.", "a)", "-"), and a table row per line with its cells joined by
//! " | ". Only the two parts needed are read, each within a size bound.

use std::collections::HashMap;
use std::io::{Cursor, Read as _};

use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;

/// The largest XML part read, unpacked: a zip bomb stops here.
const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;

/// The document's text, or why it cannot be read (in English: a parser's words).
pub fn text(bytes: &[u8]) -> Result<String, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let document = part(&mut archive, "word/document.xml")?
        .ok_or_else(|| "word/document.xml is missing".to_owned())?;
    let numbering = match part(&mut archive, "word/numbering.xml")? {
        Some(xml) => Numbering::parse(&xml)?,
        None => Numbering::default(),
    };
    paragraphs(&document, numbering)
}

fn part(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, String> {
    let Ok(file) = archive.by_name(name) else {
        return Ok(None);
    };
    let mut text = String::new();
    file.take(MAX_PART_BYTES)
        .read_to_string(&mut text)
        .map_err(|e| format!("{name}: {e}"))?;
    Ok(Some(text))
}

/// How each list level is numbered: its format and its text ("%1.", "%2)").
#[derive(Default)]
struct Numbering {
    /// numId → abstractNumId.
    lists: HashMap<String, String>,
    /// (abstractNumId, level) → (numFmt, lvlText).
    levels: HashMap<(String, String), (String, String)>,
    /// Counters per (numId, level).
    counters: HashMap<(String, usize), u32>,
}

impl Numbering {
    fn parse(xml: &str) -> Result<Self, String> {
        let mut numbering = Self::default();
        let mut reader = Reader::from_str(xml);
        let (mut abstract_id, mut level, mut format, mut text) =
            (String::new(), String::new(), String::new(), String::new());
        let mut num_id = String::new();
        loop {
            match reader.read_event().map_err(|e| e.to_string())? {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    "abstractNum" => abstract_id = attr(&e, "abstractNumId"),
                    "lvl" => level = attr(&e, "ilvl"),
                    "numFmt" => format = attr(&e, "val"),
                    "lvlText" => text = attr(&e, "val"),
                    "num" => num_id = attr(&e, "numId"),
                    "abstractNumId" => {
                        numbering.lists.insert(num_id.clone(), attr(&e, "val"));
                    }
                    _ => {}
                },
                Event::End(e) if e.local_name().as_ref() == "lvl" => {
                    let key = (abstract_id.clone(), level.clone());
                    numbering.levels.insert(key, (format.clone(), text.clone()));
                }
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(numbering)
    }

    /// The marker of the next paragraph of list `num_id` at `level`.
    fn next(&mut self, num_id: &str, level: usize) -> String {
        let count = self.counters.entry((num_id.to_owned(), level)).or_insert(0);
        *count += 1;
        // A deeper level starts again under each new item above it.
        self.counters
            .retain(|(id, l), _| id != num_id || *l <= level);
        let abstract_id = self.lists.get(num_id).cloned().unwrap_or_default();
        let Some((format, text)) = self.levels.get(&(abstract_id, level.to_string())) else {
            return "-".to_owned();
        };
        if format == "bullet" || format == "none" {
            return "-".to_owned();
        }
        let mut marker = text.clone();
        for l in 0..=level {
            let n = self
                .counters
                .get(&(num_id.to_owned(), l))
                .copied()
                .unwrap_or(1);
            let shown = match format.as_str() {
                "lowerLetter" => letter(n),
                "upperRoman" => roman(n),
                _ => n.to_string(),
            };
            marker = marker.replace(&format!("%{}", l + 1), &shown);
        }
        marker
    }
}

fn letter(n: u32) -> String {
    char::from_u32(u32::from(b'a') + (n - 1) % 26).map_or_else(String::new, String::from)
}

fn roman(n: u32) -> String {
    const NUMERALS: [&str; 12] = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
    ];
    NUMERALS
        .get(n as usize - 1)
        .map_or_else(|| n.to_string(), |r| (*r).to_owned())
}

fn attr(e: &BytesStart<'_>, name: &str) -> String {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .ok()
                .map(std::borrow::Cow::into_owned)
        })
        .unwrap_or_default()
}

/// Paragraphs, a line each; a table row's cells on one line.
fn paragraphs(xml: &str, mut numbering: Numbering) -> Result<String, String> {
    let mut reader = Reader::from_str(xml);
    let mut out = String::new();
    let mut paragraph = String::new();
    let mut list: Option<(String, usize)> = None;
    let mut level = 0;
    let mut in_text = false;
    let mut cells: Option<Vec<String>> = None;
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "p" => {
                    paragraph.clear();
                    list = None;
                    level = 0;
                }
                "t" => in_text = true,
                "tab" | "br" => paragraph.push(' '),
                "ilvl" => level = attr(&e, "val").parse().unwrap_or(0),
                "numId" => list = Some((attr(&e, "val"), level)),
                "tr" => cells = Some(Vec::new()),
                _ => {}
            },
            Event::Text(t) if in_text => {
                paragraph.push_str(&t.xml10_content());
            }
            Event::GeneralRef(r) if in_text => {
                let name = r.xml10_content();
                let resolved = quick_xml::escape::resolve_predefined_entity(&name)
                    .map(str::to_owned)
                    .or_else(|| r.resolve_char_ref().ok().flatten().map(String::from));
                paragraph.push_str(&resolved.unwrap_or_default());
            }
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "p" => {
                    let text = paragraph.trim();
                    let line = match list.take() {
                        Some((id, _)) if id != "0" && !text.is_empty() => {
                            format!("{} {text}", numbering.next(&id, level))
                        }
                        _ => text.to_owned(),
                    };
                    if let Some(row) = cells.as_mut() {
                        row.push(line);
                    } else {
                        out.push_str(&line);
                        out.push('\n');
                    }
                }
                "tr" => {
                    let row = cells.take().unwrap_or_default();
                    let row: Vec<&str> = row
                        .iter()
                        .map(String::as_str)
                        .filter(|c| !c.is_empty())
                        .collect();
                    out.push_str(&row.join(" | "));
                    out.push('\n');
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write as _;

    const FIXTURE: &str = include_str!("../../tests/fixtures/extract/huyen-thu.txt");

    fn escape(text: &str) -> String {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    }

    /// A Word document holding `body` (the XML inside `<w:body>`), with a
    /// bullet list (numId 1) and a decimal one (numId 2), as Word writes them.
    fn docx(body: &str) -> Vec<u8> {
        let ns = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;
        let document = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {ns}><w:body>{body}</w:body></w:document>"#
        );
        let numbering = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:numbering {ns}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#
        );
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        let deflated = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("word/document.xml", deflated).unwrap();
        zip.write_all(document.as_bytes()).unwrap();
        zip.start_file("word/numbering.xml", stored).unwrap();
        zip.write_all(numbering.as_bytes()).unwrap();
        zip.finish().unwrap().into_inner()
    }

    fn paragraph(text: &str, list: Option<(u8, u8)>) -> String {
        let numbered = list.map_or_else(String::new, |(id, level)| {
            format!(r#"<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{id}"/></w:numPr></w:pPr>"#)
        });
        // Word splits a paragraph's text into runs wherever formatting changes.
        let (a, b) = text.split_at(
            text.char_indices()
                .nth(text.chars().count() / 2)
                .map_or(0, |(i, _)| i),
        );
        format!(
            r#"<w:p>{numbered}<w:r><w:t xml:space="preserve">{}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>{}</w:t></w:r></w:p>"#,
            escape(a),
            escape(b)
        )
    }

    /// The fixture as Word would hold it: list markers as numbering, not
    /// text, each part's numbered list a list of its own (numId 2, 3, …).
    fn twin() -> Vec<u8> {
        let mut body = String::new();
        let mut numbered = 1;
        for line in FIXTURE.lines() {
            let (list, text) = match line.split_once(' ') {
                Some(("-", rest)) => (Some((1, 0)), rest),
                Some((n, rest)) if n.ends_with('.') && n[..n.len() - 1].parse::<u8>().is_ok() => {
                    (Some((numbered, 0)), rest)
                }
                Some(("I." | "II.", _)) => {
                    numbered += 1;
                    (None, line)
                }
                _ => (None, line),
            };
            body.push_str(&paragraph(text, list));
        }
        docx(&body)
    }

    #[test]
    fn a_word_twin_extracts_to_the_same_items_as_its_text() {
        let text = text(&twin()).unwrap();
        let options = |source| crate::extract::Options {
            level: None,
            source,
            parent: None,
        };
        let from_word = crate::extract::from_text(&text, &options("huyen-thu.docx"));
        let from_text = crate::extract::from_text(FIXTURE, &options("huyen-thu.txt"));
        let items = |d: &crate::extract::Draft| {
            let mut plan = d.plan.clone();
            plan.document.sources.clear();
            let set_aside: Vec<_> = d.set_aside.iter().map(|f| f.target.clone()).collect();
            (plan, set_aside)
        };
        assert_eq!(items(&from_word), items(&from_text));
        assert!(!from_word.plan.targets.is_empty() && !from_word.plan.tasks.is_empty());
    }

    #[test]
    fn numbering_restarts_below_and_tables_keep_rows() {
        let body = [
            paragraph("Mục tiêu", Some((2, 0))),
            paragraph("Đến năm 2025", Some((2, 1))),
            paragraph("Đến năm 2030", Some((2, 1))),
            paragraph("Nhiệm vụ", Some((2, 0))),
            paragraph("Tuyên truyền", Some((2, 1))),
            "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Nội dung</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Quý II năm 2020</w:t></w:r></w:p></w:tc></w:tr></w:tbl>".to_owned(),
        ]
        .concat();
        assert_eq!(
            text(&docx(&body)).unwrap(),
            "1. Mục tiêu\na) Đến năm 2025\nb) Đến năm 2030\n2. Nhiệm vụ\na) Tuyên truyền\nNội dung | Quý II năm 2020\n"
        );
    }

    #[test]
    fn not_a_word_document() {
        assert!(text(b"plain text, not a zip").is_err());
    }
}
