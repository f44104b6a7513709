//! PDF documents with a text layer: the text each page shows, a line per
//! line of print, with a paragraph that the page wrapped joined back into
//! one line, as the plan's .txt or .docx would hold it. A PDF with pages and
//! no text (a scan) is told apart from one that cannot be read.
//!
//! lopdf reads the file: it returns errors rather than panicking on a
//! damaged file, decodes text through each font's `/ToUnicode` map (how
//! word processors write Vietnamese) and bounds every stream it
//! inflates, so a small file cannot unpack into gigabytes.

use std::collections::{BTreeMap, HashMap};

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Encoding, LoadOptions, Object};

/// The most any one stream may unpack to: a page of text is kilobytes.
const MAX_STREAM_BYTES: usize = 64 * 1024 * 1024;
/// The most one page's content may unpack to. Its drawing operations take
/// about fifteen times the room of its bytes once decoded, so this, not
/// the stream bound, is what keeps a page's memory small.
const MAX_PAGE_BYTES: usize = 4 * 1024 * 1024;
/// The most all pages' content may unpack to together, so a stream shared
/// by thousands of pages is not inflated thousands of times.
const MAX_CONTENT_BYTES: usize = 32 * 1024 * 1024;
/// The most a font's `/ToUnicode` map may unpack to: a few hundred glyphs
/// take kilobytes.
const MAX_FONT_MAP_BYTES: usize = 1024 * 1024;
/// The most distinct fonts a document may use; each is read once, however
/// many pages use it.
const MAX_FONTS: usize = 256;
/// A `TJ` gap wider than this (thousandths of the font size) is a space.
const WORD_GAP: f32 = 150.0;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    /// Not a PDF lopdf can read, with its words.
    Unreadable(String),
    /// Pages with no text on them: an image of each page.
    Scan { pages: usize },
}

/// The document's text.
pub fn text(bytes: &[u8]) -> Result<String, PdfError> {
    let options = LoadOptions {
        max_decompressed_size: Some(MAX_STREAM_BYTES),
        ..LoadOptions::default()
    };
    let doc = Document::load_mem_with_options(bytes, options)?;
    let pages = doc.get_pages();
    if pages.is_empty() {
        // No page at all is a damaged file, not a scan.
        return Err(PdfError::Unreadable("the document has no pages".into()));
    }
    let mut budget = MAX_CONTENT_BYTES;
    // Each font read once, by the dictionary's place in the document.
    let mut fonts_read: HashMap<*const Dictionary, Encoding<'_>> = HashMap::new();
    let mut lines = Vec::new();
    for page in pages.values() {
        let content = doc.get_page_content_with_limit(*page, budget.min(MAX_PAGE_BYTES))?;
        budget = budget.saturating_sub(content.len());
        let fonts = doc.get_page_fonts(*page)?;
        for font in fonts.values() {
            let key: *const Dictionary = *font;
            if !fonts_read.contains_key(&key) {
                if fonts_read.len() == MAX_FONTS {
                    return Err(PdfError::Unreadable(format!(
                        "it uses more than {MAX_FONTS} fonts"
                    )));
                }
                let encoding = font.get_font_encoding_with_limit(&doc, MAX_FONT_MAP_BYTES)?;
                fonts_read.insert(key, encoding);
            }
        }
        let encodings: BTreeMap<Vec<u8>, &Encoding<'_>> = fonts
            .iter()
            .filter_map(|(name, font)| {
                let key: *const Dictionary = *font;
                fonts_read.get(&key).map(|e| (name.clone(), e))
            })
            .collect();
        let content = Content::decode(&content)?;
        lines.extend(page_lines(&content, &encodings));
    }
    if !lines
        .iter()
        .any(|line| line.chars().any(char::is_alphabetic))
    {
        return Err(PdfError::Scan { pages: pages.len() });
    }
    Ok(unwrap_paragraphs(&lines))
}

impl From<lopdf::Error> for PdfError {
    fn from(error: lopdf::Error) -> Self {
        Self::Unreadable(error.to_string())
    }
}

/// The lines of print on one page, in the order the page draws them. A
/// line ends where the text moves up or down; text placed further along
/// the same line is a new word.
fn page_lines(content: &Content, encodings: &BTreeMap<Vec<u8>, &Encoding<'_>>) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut font = None;
    // The baseline the text is placed on, and the one the line was begun on.
    let (mut y, mut line_y) = (0.0_f32, None::<f32>);
    let mut moved = false;
    for op in &content.operations {
        let number = |i: usize| op.operands.get(i).and_then(|o| o.as_float().ok());
        match op.operator.as_str() {
            "BT" => y = 0.0,
            "Tm" => y = number(5).unwrap_or(y),
            "Td" | "TD" => y += number(1).unwrap_or(0.0),
            "T*" => y -= 1.0,
            "Tf" => {
                font = op
                    .operands
                    .first()
                    .and_then(|o| o.as_name().ok())
                    .and_then(|name| encodings.get(name));
            }
            _ => {}
        }
        if matches!(op.operator.as_str(), "Tm" | "Td" | "TD") {
            moved = true;
        }
        let shown: &[Object] = match op.operator.as_str() {
            "Tj" | "TJ" | "'" => &op.operands[..op.operands.len().min(1)],
            "\"" => op.operands.get(2).map_or(&[], std::slice::from_ref),
            _ => continue,
        };
        if op.operator != "Tj" && op.operator != "TJ" {
            y -= 1.0;
        }
        let Some(encoding) = font else { continue };
        let mut run = String::new();
        show(shown, encoding, &mut run);
        if line_y.is_some_and(|at| (at - y).abs() > 0.5) {
            lines.push(std::mem::take(&mut line));
        } else if moved && !line.is_empty() && !line.ends_with(' ') && !run.starts_with(' ') {
            line.push(' ');
        }
        moved = false;
        line_y = Some(y);
        line.push_str(&run);
    }
    lines.push(line);
    lines
        .into_iter()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect()
}

/// The text of a `Tj` or `TJ` operand; a glyph its font cannot map is
/// left out rather than guessed.
fn show(operands: &[Object], encoding: &Encoding<'_>, out: &mut String) {
    for operand in operands {
        match operand {
            Object::String(bytes, _) => {
                if let Ok(text) = Document::decode_text(encoding, bytes) {
                    out.push_str(&text);
                }
            }
            Object::Array(items) => show(items, encoding, out),
            Object::Integer(_) | Object::Real(_)
                if operand.as_float().is_ok_and(|gap| -gap > WORD_GAP) =>
            {
                out.push(' ');
            }
            _ => {}
        }
    }
}

/// Lines of print back into paragraphs. A line continues the one above
/// when that one has no full stop, colon or semicolon at its end, it has no
/// list marker of its own, and it begins in lower case or the line above
/// runs (within a tenth) the page's width, which is where the page broke it.
fn unwrap_paragraphs(lines: &[String]) -> String {
    let full = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let mut text = String::new();
    let mut above: Option<&str> = None;
    for line in lines {
        let continues = above.is_some_and(|above| {
            let open = !above.ends_with(['.', ';', ':', '!', '?']);
            let wide = above.chars().count() * 10 >= full * 9;
            let lower = line.chars().next().is_some_and(char::is_lowercase);
            let listed = !matches!(super::doc::marker(line).0, super::doc::Marker::None);
            open && !listed && (lower || wide)
        });
        if continues {
            text.pop();
            text.push(' ');
        }
        text.push_str(line);
        text.push('\n');
        above = Some(line);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::content::Operation;
    use lopdf::{Stream, StringFormat, dictionary};

    const FIXTURE: &str = include_str!("../../tests/fixtures/extract/huyen-thu.txt");
    /// `DejaVu Sans` (Debian's `fonts-dejavu-core`; free licence): a Unicode
    /// font with every Vietnamese letter, read from the system, never
    /// copied into the repository.
    const FONT: &str = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    const LINES_PER_PAGE: usize = 15;
    const WRAP_AT: usize = 80;

    /// The font, or `None` with a message when it is not installed (unless
    /// `XHHT_REQUIRE_SHARED` is set, as `.ci/run` does, which installs it).
    fn font() -> Option<Vec<u8>> {
        if let Ok(bytes) = std::fs::read(FONT) {
            return Some(bytes);
        }
        assert!(
            std::env::var_os("XHHT_REQUIRE_SHARED").is_none(),
            "{FONT} is required (XHHT_REQUIRE_SHARED is set) but missing: apt-get install fonts-dejavu-core"
        );
        let _ = std::io::Write::write_all(
            &mut std::io::stderr(),
            format!("skipped: {FONT} is missing (apt-get install fonts-dejavu-core)\n").as_bytes(),
        );
        None
    }

    /// `text` broken as a page of this width would break it, at spaces.
    fn wrapped(text: &str) -> Vec<String> {
        let mut lines = vec![String::new()];
        for word in text.split(' ') {
            let last = lines.last_mut().unwrap();
            if !last.is_empty() && last.chars().count() + word.chars().count() >= WRAP_AT {
                lines.push(word.to_owned());
            } else {
                if !last.is_empty() {
                    last.push(' ');
                }
                last.push_str(word);
            }
        }
        lines
    }

    /// A PDF as word processors export one: the font embedded whole and
    /// addressed by glyph id (Identity-H), a `/ToUnicode` map back to the
    /// letters, a text object per line of print placed with `Tm`, long
    /// paragraphs wrapped, and a run of each line split in two as a change
    /// of formatting splits it.
    fn pdf(font: &[u8], text: &str) -> Vec<u8> {
        let face = ttf_parser::Face::parse(font, 0).unwrap();
        let mut used = BTreeMap::new();
        let mut glyphs = |s: &str| -> Vec<u8> {
            s.chars()
                .flat_map(|c| {
                    let id = face.glyph_index(c).unwrap_or_else(|| panic!("{c:?}")).0;
                    used.insert(id, c);
                    id.to_be_bytes()
                })
                .collect()
        };
        let printed: Vec<String> = text.lines().flat_map(wrapped).collect();
        let mut doc = Document::with_version("1.7");
        let pages_id = doc.new_object_id();
        let mut contents = Vec::new();
        for page in printed.chunks(LINES_PER_PAGE) {
            let mut ops = Vec::new();
            for (i, line) in page.iter().enumerate() {
                let y = 800 - 20 * i64::try_from(i).unwrap();
                ops.extend(printed_line(line, y, &mut glyphs));
            }
            let content = Content { operations: ops }.encode().unwrap();
            contents.push(doc.add_object(Stream::new(dictionary! {}, content)));
        }
        let type0 = embed(&mut doc, font, &used);
        let resources = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => type0 } });
        let kids: Vec<Object> = contents
            .into_iter()
            .map(|content| {
                doc.add_object(dictionary! {
                    "Type" => "Page",
                    "Parent" => pages_id,
                    "Contents" => content,
                    "Resources" => resources,
                    "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
                })
                .into()
            })
            .collect();
        let count = i64::try_from(kids.len()).unwrap();
        doc.objects.insert(
            pages_id,
            dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }.into(),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        doc.trailer.set("Root", catalog);
        doc.compress();
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).unwrap();
        bytes
    }

    /// One line of print at height `y`, in two runs.
    fn printed_line(
        line: &str,
        y: i64,
        glyphs: &mut impl FnMut(&str) -> Vec<u8>,
    ) -> Vec<Operation> {
        let cut = line
            .char_indices()
            .nth(line.chars().count() / 2)
            .map_or(0, |(at, _)| at);
        let (a, b) = line.split_at(cut);
        vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 9.into()]),
            Operation::new(
                "Tm",
                vec![1.into(), 0.into(), 0.into(), 1.into(), 40.into(), y.into()],
            ),
            Operation::new(
                "Tj",
                vec![Object::String(glyphs(a), StringFormat::Hexadecimal)],
            ),
            Operation::new(
                "TJ",
                vec![Object::Array(vec![
                    (-20).into(),
                    Object::String(glyphs(b), StringFormat::Hexadecimal),
                ])],
            ),
            Operation::new("ET", vec![]),
        ]
    }

    /// The font, whole, as a Type0 font addressed by glyph id, with the
    /// map from the glyphs `used` back to their letters.
    fn embed(doc: &mut Document, font: &[u8], used: &BTreeMap<u16, char>) -> lopdf::ObjectId {
        let font_file = doc.add_object(Stream::new(
            dictionary! { "Length1" => i64::try_from(font.len()).unwrap() },
            font.to_vec(),
        ));
        let descriptor = doc.add_object(dictionary! {
            "Type" => "FontDescriptor",
            "FontName" => "DejaVuSans",
            "Flags" => 32,
            "FontBBox" => vec![0.into(), (-240).into(), 1000.into(), 930.into()],
            "ItalicAngle" => 0,
            "Ascent" => 930,
            "Descent" => -240,
            "CapHeight" => 730,
            "StemV" => 80,
            "FontFile2" => font_file,
        });
        let cid_font = doc.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "CIDFontType2",
            "BaseFont" => "DejaVuSans",
            "CIDSystemInfo" => dictionary! {
                "Registry" => Object::string_literal("Adobe"),
                "Ordering" => Object::string_literal("Identity"),
                "Supplement" => 0,
            },
            "FontDescriptor" => descriptor,
            "CIDToGIDMap" => "Identity",
        });
        let to_unicode = doc.add_object(Stream::new(dictionary! {}, cmap(used).into_bytes()));
        doc.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "Type0",
            "BaseFont" => "DejaVuSans",
            "Encoding" => "Identity-H",
            "DescendantFonts" => vec![cid_font.into()],
            "ToUnicode" => to_unicode,
        })
    }

    /// A `/ToUnicode` `CMap` from glyph ids to the letters they draw.
    fn cmap(used: &BTreeMap<u16, char>) -> String {
        use std::fmt::Write as _;
        let mut cmap = String::from(
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
        );
        let pairs: Vec<(&u16, &char)> = used.iter().collect();
        for block in pairs.chunks(100) {
            writeln!(cmap, "{} beginbfchar", block.len()).unwrap();
            for (id, c) in block {
                // Every letter written is in the Basic Multilingual Plane: one UTF-16 unit.
                writeln!(cmap, "<{id:04X}> <{:04X}>", u32::from(**c)).unwrap();
            }
            cmap.push_str("endbfchar\n");
        }
        cmap.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        cmap
    }

    #[test]
    fn a_pdf_twin_extracts_to_the_same_items_as_its_text() {
        let Some(font) = font() else { return };
        let bytes = pdf(&font, FIXTURE);
        assert!(text(&bytes).unwrap().contains(
            "Trên 55% cán bộ, công chức, viên chức có trình độ ngoại ngữ bậc 2 và 30% cán bộ"
        ));
        let options = |source| crate::extract::Options {
            level: None,
            source,
            parent: None,
        };
        let from_pdf = crate::extract::from_text(&text(&bytes).unwrap(), &options("huyen-thu.pdf"));
        let from_text = crate::extract::from_text(FIXTURE, &options("huyen-thu.txt"));
        let items = |d: &crate::extract::Draft| {
            let mut plan = d.plan.clone();
            plan.document.sources.clear();
            let set_aside: Vec<_> = d.set_aside.iter().map(|f| f.target.clone()).collect();
            (plan, set_aside)
        };
        assert_eq!(items(&from_pdf), items(&from_text));
        assert!(!from_pdf.plan.targets.is_empty() && !from_pdf.plan.tasks.is_empty());
    }

    #[test]
    fn a_scan_is_told_apart() {
        let bytes = one_page(b"q 595 0 0 842 0 0 cm Q".to_vec(), 1);
        assert_eq!(text(&bytes), Err(PdfError::Scan { pages: 1 }));
    }

    /// A page of 5 MiB of drawing operations (a 60 KB file compressed)
    /// would take gigabytes decoded: it is refused before.
    #[test]
    fn a_page_of_too_much_content_is_refused_unread() {
        let content = b"1 2 Td\n".repeat(5 * 1024 * 1024 / 7);
        assert!(matches!(
            text(&one_page(content, 1)),
            Err(PdfError::Unreadable(_))
        ));
    }

    /// No page at all is a damaged file, not a scan to OCR.
    #[test]
    fn a_document_without_pages_is_unreadable() {
        let bytes = one_page(b"BT ET".to_vec(), 0);
        assert!(
            matches!(text(&bytes), Err(PdfError::Unreadable(_))),
            "{:?}",
            text(&bytes)
        );
    }

    /// A document of one page drawing `content`, listed in its page tree
    /// `listed` times (0: an empty page tree).
    fn one_page(content: Vec<u8>, listed: usize) -> Vec<u8> {
        let mut doc = Document::with_version("1.7");
        let pages_id = doc.new_object_id();
        let content = doc.add_object(Stream::new(dictionary! {}, content));
        let page = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        });
        let kids: Vec<Object> = std::iter::repeat_n(page.into(), listed).collect();
        let count = i64::try_from(listed).unwrap();
        doc.objects.insert(
            pages_id,
            dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }.into(),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        doc.trailer.set("Root", catalog);
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).unwrap();
        bytes
    }

    #[test]
    fn not_a_pdf_is_an_error_not_a_panic() {
        for bytes in [
            &b"plain text"[..],
            b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n",
            b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\nxref\n0 99999999\ntrailer << /Root 1 0 R /Size 99999999 >>\n%%EOF",
        ] {
            assert!(
                matches!(text(bytes), Err(PdfError::Unreadable(_) | PdfError::Scan { .. })),
                "{bytes:?}"
            );
        }
    }

    #[test]
    fn wrapped_lines_become_paragraphs() {
        let lines = [
            "KẾ HOẠCH",
            "Xây dựng xã hội học tập",
            "1. Mục tiêu",
            "- Phấn đấu đến năm 2025, tỷ lệ người trong độ tuổi từ 15 đến 35 có",
            "99% biết chữ; Hội Khuyến học",
            "tham gia.",
            "2. Nhiệm vụ",
        ]
        .map(str::to_owned);
        assert_eq!(
            unwrap_paragraphs(&lines),
            "KẾ HOẠCH\nXây dựng xã hội học tập\n1. Mục tiêu\n- Phấn đấu đến năm 2025, tỷ lệ người trong độ tuổi từ 15 đến 35 có 99% biết chữ; Hội Khuyến học tham gia.\n2. Nhiệm vụ\n"
        );
    }
}
