//! Word documents (.docx): the text of `word/document.xml`, a line per
//! paragraph, numbered and bulleted paragraphs with the marker Word shows
//! ("1.", "a)", "-"), and a table row per line with its cells joined by
//! " | ". Only the two parts needed are read, each within a size bound.

use std::collections::HashMap;
use std::io::{Cursor, Read as _};

use quick_xml::events::{BytesStart, Event};
use quick_xml::XmlVersion;
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

fn part(archive: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Option<String>, String> {
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
        self.counters.retain(|(id, l), _| id != num_id || *l <= level);
        let abstract_id = self.lists.get(num_id).cloned().unwrap_or_default();
        let Some((format, text)) = self.levels.get(&(abstract_id, level.to_string())) else {
            return "-".to_owned();
        };
        if format == "bullet" || format == "none" {
            return "-".to_owned();
        }
        let mut marker = text.clone();
        for l in 0..=level {
            let n = self.counters.get(&(num_id.to_owned(), l)).copied().unwrap_or(1);
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
    const NUMERALS: [&str; 12] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];
    NUMERALS
        .get(n as usize - 1)
        .map_or_else(|| n.to_string(), |r| (*r).to_owned())
}

fn attr(e: &BytesStart<'_>, name: &str) -> String {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.normalized_value(XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
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
                "tab" => paragraph.push(' '),
                "br" => paragraph.push(' '),
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
                    match cells.as_mut() {
                        Some(row) => row.push(line),
                        None => {
                            out.push_str(&line);
                            out.push('\n');
                        }
                    }
                }
                "tr" => {
                    let row = cells.take().unwrap_or_default();
                    let row: Vec<&str> = row.iter().map(String::as_str).filter(|c| !c.is_empty()).collect();
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
