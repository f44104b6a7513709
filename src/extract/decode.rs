//! Bytes of a text document to Unicode: UTF-8 (with or without a byte-order
//! mark) and UTF-16 with one. Documents typed in the legacy Vietnamese
//! encodings (TCVN3 "ABC", VNI) are recognised by the characters they leave
//! behind and converted with their code tables (catalogue/encodings/, each
//! naming its source), or refused when the text does not read as one of
//! them throughout, never read as garbled Unicode.

use std::collections::HashMap;
use std::sync::OnceLock;

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

/// A legacy Vietnamese encoding recognised in a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legacy {
    Tcvn3,
    Vni,
}

impl Legacy {
    pub fn name(self) -> &'static str {
        match self {
            Self::Tcvn3 => "TCVN3 (ABC)",
            Self::Vni => "VNI",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Looks typed in a legacy encoding, but does not convert cleanly.
    Legacy(Legacy),
    /// One line (1-based) of a Unicode document looks typed in a legacy
    /// encoding, but does not convert cleanly.
    LegacyLine(Legacy, usize),
    /// Neither UTF-8 nor UTF-16 with a byte-order mark.
    NotUnicode,
}

/// A document's text in NFC, and the legacy encoding it was converted from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub converted_from: Option<Legacy>,
    /// The lines (1-based) converted one by one, a paragraph pasted from a
    /// legacy document into a Unicode one; empty when the whole text was.
    pub converted_lines: Vec<usize>,
}

/// The document's text, converted from a legacy encoding if it is in one.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        std::str::from_utf8(rest)
            .map_err(|_| DecodeError::NotUnicode)?
            .to_owned()
    } else if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let encoding = if bytes[0] == 0xFF { UTF_16LE } else { UTF_16BE };
        let (text, had_errors) = encoding.decode_with_bom_removal(bytes);
        if had_errors {
            return Err(DecodeError::NotUnicode);
        }
        text.into_owned()
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        text.to_owned()
    } else {
        // Legacy fonts put Vietnamese letters on single bytes, saved under
        // the Windows code page the files were made with.
        let (text, _, _) = WINDOWS_1252.decode(bytes);
        if legacy(&text).is_none() {
            return Err(DecodeError::NotUnicode);
        }
        text.into_owned()
    };
    unlegacy(&text)
}

/// Text from any format (a Word file or a PDF typed in a legacy font holds
/// the same characters as a text file), converted if it is in a legacy
/// encoding, in NFC.
pub fn unlegacy(text: &str) -> Result<Decoded, DecodeError> {
    let Some(found) = legacy(text) else {
        return by_line(text);
    };
    let converted = converted(text, found);
    if reads_as_vietnamese(text, &converted) {
        Ok(Decoded {
            text: converted,
            converted_from: Some(found),
            converted_lines: Vec::new(),
        })
    } else if mostly_unicode(text) {
        by_line(text)
    } else {
        Err(DecodeError::Legacy(found))
    }
}

/// More lines written in Unicode's Vietnamese letters than lines that look
/// legacy: a Unicode document with legacy paragraphs in it, read line by
/// line, rather than a legacy one with a few Unicode lines (whose short
/// legacy lines would go unconverted).
fn mostly_unicode(text: &str) -> bool {
    let (mut unicode, mut legacy) = (0, 0);
    for line in text.lines() {
        if line.chars().any(vietnamese_only) {
            unicode += 1;
        } else if line_legacy(line).is_some() {
            legacy += 1;
        }
    }
    unicode > legacy
}

fn converted(text: &str, encoding: Legacy) -> String {
    let converted = match encoding {
        Legacy::Tcvn3 => convert(text, tcvn3(), 1),
        Legacy::Vni => convert(text, vni(), 2),
    };
    crate::text::nfc(&converted).into_owned()
}

/// A Unicode document with a paragraph pasted from a legacy one: too few
/// marks in the whole to tell, so each line is looked at alone. A line
/// with two marks or more and no letter only Unicode writes is converted
/// when the result reads as Vietnamese; a line that holds enough marks to
/// be legacy text but does not convert (or mixes both) is refused.
fn by_line(text: &str) -> Result<Decoded, DecodeError> {
    let mut out = String::with_capacity(text.len());
    let mut converted_from = None;
    let mut converted_lines = Vec::new();
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let Some(encoding) = line_legacy(line) else {
            out.push_str(line);
            continue;
        };
        let unicode = line.chars().filter(|c| vietnamese_only(*c)).count();
        let attempt = (unicode == 0).then(|| converted(line, encoding));
        match attempt {
            Some(done) if reads_as_vietnamese(line, &done) => {
                out.push_str(&done);
                converted_from = Some(encoding);
                converted_lines.push(n + 1);
            }
            _ if legacy(line).is_some() => return Err(DecodeError::LegacyLine(encoding, n + 1)),
            // Two stray marks ("3 × 4 × 5") in an ordinary line.
            _ => out.push_str(line),
        }
    }
    Ok(Decoded {
        text: crate::text::nfc(&out).into_owned(),
        converted_from,
        converted_lines,
    })
}

/// The legacy encoding a single line may be typed in: two of its marks or
/// more (a short TCVN3 line, `PhÊn ®Êu ®¹t`, holds few).
fn line_legacy(line: &str) -> Option<Legacy> {
    let count = |marks: &[char]| line.chars().filter(|c| marks.contains(c)).count();
    let (tcvn3, vni) = (count(TCVN3_MARKS), count(VNI_MARKS));
    if tcvn3 >= 2 && tcvn3 >= vni {
        Some(Legacy::Tcvn3)
    } else if vni >= 2 {
        Some(Legacy::Vni)
    } else {
        None
    }
}

/// Letters Vietnamese in Unicode writes that no legacy encoding read as
/// Windows-1252 can produce: ă, đ, ơ, ư, ĩ, ũ and the letters with tones.
fn vietnamese_only(c: char) -> bool {
    matches!(
        c,
        'ă' | 'Ă' | 'đ' | 'Đ' | 'ơ' | 'Ơ' | 'ư' | 'Ư' | 'ĩ' | 'Ĩ' | 'ũ' | 'Ũ' | '\u{1EA0}'
            ..='\u{1EF9}'
    )
}

/// Characters TCVN3 uses for Vietnamese letters that Vietnamese in Unicode
/// never writes: ¸ µ ¶ · ¹ (tones on a), the soft hyphen (ư), ¬ (ơ), × (ì).
const TCVN3_MARKS: &[char] = &['¸', 'µ', '¶', '·', '¹', '\u{ad}', '¬', '×', 'Þ', '®'];
/// Latin letters VNI uses as tone and vowel marks after a base letter
/// ("Vieät", "ñöôïc") that Vietnamese never writes: ä ö ñ ø û ï ë.
const VNI_MARKS: &[char] = &['ä', 'ö', 'ñ', 'ø', 'û', 'ï', 'ë', 'Ö', 'Ñ'];

/// The legacy encoding the text looks typed in: enough of its marks, and
/// more than one in a hundred letters, so a stray "×" in a table is not one.
pub fn legacy(text: &str) -> Option<Legacy> {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count().max(1);
    let count = |marks: &[char]| text.chars().filter(|c| marks.contains(c)).count();
    let (tcvn3, vni) = (count(TCVN3_MARKS), count(VNI_MARKS));
    let telling = |hits: usize| hits >= 5 && hits * 100 >= letters;
    if telling(tcvn3) && tcvn3 >= vni {
        Some(Legacy::Tcvn3)
    } else if telling(vni) {
        Some(Legacy::Vni)
    } else {
        None
    }
}

/// Whether a conversion can be trusted: the text held no Vietnamese letters
/// of Unicode's own beside the legacy ones (a document in two encodings),
/// the result holds none of the characters the legacy encodings leave, and
/// it reads as Vietnamese (its commonest words are there). A document in
/// the other legacy encoding, or in neither, fails one of these.
fn reads_as_vietnamese(original: &str, converted: &str) -> bool {
    let unicode_only = |c: &char| matches!(*c, '\u{102}'..='\u{1B0}' | '\u{1EA0}'..='\u{1EF9}');
    if original.chars().filter(unicode_only).count() >= 5 {
        return false;
    }
    let leftover = converted
        .chars()
        .filter(|c| TCVN3_MARKS.contains(c) || VNI_MARKS.contains(c))
        .count();
    let words: Vec<String> = converted
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let common = words
        .iter()
        .filter(|w| COMMON_WORDS.contains(&w.as_str()))
        .count();
    leftover * 100 <= words.len() && common * 20 >= words.len().min(200)
}

/// Words with marks that any page of administrative Vietnamese holds.
const COMMON_WORDS: &[&str] = &[
    "của", "và", "các", "được", "những", "với", "trong", "người", "học", "năm", "đến", "thực",
    "hiện", "xây", "dựng", "tỉnh", "huyện", "xã", "phát", "triển", "kế", "hoạch", "tập", "hội",
    "đề", "án", "cơ", "sở", "giáo", "dục", "đào", "tạo", "chỉ", "tiêu", "nhiệm", "vụ", "đạt", "tỷ",
    "lệ", "có", "là", "phấn", "đấu",
];

/// `text` with each legacy sequence of up to `longest` characters replaced
/// by its Unicode letters, longest first.
fn convert(text: &str, table: &HashMap<String, String>, longest: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    'chars: while at < chars.len() {
        for len in (1..=longest.min(chars.len() - at)).rev() {
            let key: String = chars[at..at + len].iter().collect();
            if let Some(letters) = table.get(&key) {
                out.push_str(letters);
                at += len;
                continue 'chars;
            }
        }
        out.push(chars[at]);
        at += 1;
    }
    out
}

/// catalogue/encodings/tcvn3.tsv: a byte as Windows-1252 shows it (or as
/// the C1 control Latin-1 makes of 0x80-0x9F) to its letter.
fn tcvn3() -> &'static HashMap<String, String> {
    static TABLE: OnceLock<HashMap<String, String>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = HashMap::new();
        for (byte, letters) in rows(include_str!("../../catalogue/encodings/tcvn3.tsv")) {
            let byte = u8::from_str_radix(byte, 16).expect("tcvn3.tsv: a byte in hex");
            let bytes = [byte];
            let (shown, _, _) = WINDOWS_1252.decode(&bytes);
            table.insert(shown.into_owned(), letters.to_owned());
            table.insert(char::from(byte).to_string(), letters.to_owned());
        }
        table
    })
}

/// catalogue/encodings/vni.tsv: a letter's VNI characters to the letter.
fn vni() -> &'static HashMap<String, String> {
    static TABLE: OnceLock<HashMap<String, String>> = OnceLock::new();
    TABLE.get_or_init(|| {
        rows(include_str!("../../catalogue/encodings/vni.tsv"))
            .map(|(from, to)| (from.to_owned(), to.to_owned()))
            .collect()
    })
}

/// The first two columns of a table's rows, comments left out.
fn rows(tsv: &str) -> impl Iterator<Item = (&str, &str)> {
    tsv.lines()
        .filter(|line| !line.starts_with('#') && !line.is_empty())
        .filter_map(|line| {
            let mut columns = line.split('\t');
            Some((columns.next()?, columns.next()?))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "Phấn đấu đến năm 2025 đạt 99,5% người biết chữ";
    /// A plan's sentences with every letter Vietnamese writes with marks.
    const PLAN: &str = "KẾ HOẠCH thực hiện Đề án xây dựng xã hội học tập trên địa bàn tỉnh \
        giai đoạn 2021-2030. Phấn đấu đến năm 2025 có 99,5% người trong độ tuổi \
        từ 15 đến 35 biết chữ; Ủy ban nhân dân các huyện, Sở Giáo dục và Đào tạo \
        chủ trì, phối hợp với Hội Khuyến học tỉnh. Ngữ, ẵm, ẳng, ặc, ẩn, ẫy, ẽ, ẹ, \
        ể, ễ, ỉ, ĩ, ị, ỏ, ọ, ổ, ỗ, ộ, ờ, ở, ỡ, ợ, ủ, ũ, ụ, ừ, ử, ữ, ự, ỳ, ỷ, ỹ, ỵ, ý.";

    /// `text` typed in a legacy font: the inverse of its table, each letter
    /// written by its shortest sequence (Unicode's own letters such as "í"
    /// are the same in VNI).
    fn typed_in(text: &str, table: &HashMap<String, String>) -> String {
        let mut inverse: HashMap<&str, &str> = HashMap::new();
        for (legacy, letter) in table {
            let shorter = inverse
                .get(letter.as_str())
                .is_none_or(|l| l.chars().count() > legacy.chars().count());
            // Only the Windows-1252 reading of a TCVN3 byte, never its C1 control twin.
            if shorter && !legacy.chars().any(char::is_control) {
                inverse.insert(letter, legacy);
            }
        }
        text.chars()
            .map(|c| {
                let letter = c.to_string();
                inverse
                    .get(letter.as_str())
                    .map_or(letter.clone(), |l| (*l).to_owned())
            })
            .collect()
    }

    /// TCVN3 has no upper-case letters with tones: ABC wrote them in a
    /// separate font whose lower-case codes draw capitals.
    fn lower_toned(text: &str) -> String {
        text.chars()
            .map(|c| {
                if c.is_uppercase() && !c.is_ascii() && !"ĂÂÊÔƠƯĐ".contains(c) {
                    c.to_lowercase().collect()
                } else {
                    c.to_string()
                }
            })
            .collect()
    }

    #[test]
    fn utf8_with_and_without_a_bom() {
        assert_eq!(decode(SAMPLE.as_bytes()).unwrap().text, SAMPLE);
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(SAMPLE.as_bytes());
        assert_eq!(decode(&bom).unwrap().text, SAMPLE);
    }

    #[test]
    fn utf16_both_ways_with_a_bom() {
        let units: Vec<u16> = SAMPLE.encode_utf16().collect();
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in &units {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&le).unwrap().text, SAMPLE);
        assert_eq!(decode(&be).unwrap().text, SAMPLE);
    }

    #[test]
    fn nfd_text_comes_out_nfc() {
        use unicode_normalization::UnicodeNormalization;
        let nfd: String = SAMPLE.nfd().collect();
        assert_eq!(decode(nfd.as_bytes()).unwrap().text, SAMPLE);
    }

    #[test]
    fn tcvn3_is_converted_from_bytes_and_from_utf8() {
        let plan = lower_toned(PLAN);
        let tcvn3 = typed_in(&plan, tcvn3());
        assert!(
            tcvn3.contains("KÕ HO¹CH thùc hiÖn §Ò ¸n x©y dùng x· héi häc tËp"),
            "{tcvn3}"
        );
        let expected = Decoded {
            text: plan,
            converted_from: Some(Legacy::Tcvn3),
            converted_lines: Vec::new(),
        };
        assert_eq!(decode(tcvn3.as_bytes()), Ok(expected.clone()));
        let (bytes, _, unmappable) = WINDOWS_1252.encode(&tcvn3);
        assert!(!unmappable);
        assert_eq!(decode(&bytes), Ok(expected));
    }

    #[test]
    fn vni_is_converted_capitals_and_all() {
        let vni = typed_in(PLAN, vni());
        assert!(
            vni.contains("KEÁ HOAÏCH thöïc hieän ÑEà aùn")
                || vni.contains("KEÁ HOAÏCH thöïc hieän Ñeà aùn"),
            "{vni}"
        );
        assert_eq!(
            decode(vni.as_bytes()),
            Ok(Decoded {
                text: PLAN.to_owned(),
                converted_from: Some(Legacy::Vni),
                converted_lines: Vec::new(),
            })
        );
        let (bytes, _, _) = WINDOWS_1252.encode(&vni);
        assert_eq!(decode(&bytes).unwrap().text, PLAN);
    }

    #[test]
    fn unsure_text_is_refused() {
        // Half typed in TCVN3, half in Unicode on one line: converting
        // would garble the Unicode half.
        let mixed = format!("{} {}", typed_in(&lower_toned(PLAN), tcvn3()), PLAN);
        assert_eq!(
            decode(mixed.as_bytes()),
            Err(DecodeError::LegacyLine(Legacy::Tcvn3, 1))
        );
        // TCVN3's marks, but what they spell is no Vietnamese.
        let noise = "¸µ¶·¹ ×Þ® ¬¸ µ¶· ¹×Þ ®¬¸ µ¶·¹× Þ®¬ ¸µ¶ ·¹×Þ®";
        assert_eq!(
            decode(noise.as_bytes()),
            Err(DecodeError::Legacy(Legacy::Tcvn3))
        );
    }

    /// A Unicode plan with one paragraph pasted from a TCVN3 document.
    fn with_pasted(paragraph: &str) -> String {
        let unicode = "KẾ HOẠCH phát triển giáo dục thường xuyên của huyện Thử\n\
            I. MỤC TIÊU\n\
            Mọi người dân được học tập suốt đời, ở mọi nơi, mọi lúc.\n\
            II. NHIỆM VỤ\n\
            Ủy ban nhân dân các xã rà soát, củng cố trung tâm học tập cộng đồng.\n\
            Hội Khuyến học huyện vận động các dòng họ, gia đình tham gia.\n\
            Phòng Giáo dục và Đào tạo tổng hợp, báo cáo kết quả thực hiện.";
        let mut lines: Vec<&str> = unicode.lines().collect();
        lines.insert(3, paragraph);
        lines.join("\n")
    }

    #[test]
    fn a_tcvn3_paragraph_in_a_unicode_document_is_converted() {
        let paragraph =
            "Phấn đấu đến năm 2027 có 97% người lớn tuổi được học tập, đọc sách ở thư viện của xã.";
        let pasted = with_pasted(&typed_in(&lower_toned(paragraph), tcvn3()));
        let decoded = decode(pasted.as_bytes()).unwrap();
        assert_eq!(decoded.text, with_pasted(&lower_toned(paragraph)));
        assert_eq!(decoded.converted_from, Some(Legacy::Tcvn3));
        assert_eq!(decoded.converted_lines, [4]);
    }

    #[test]
    fn a_legacy_paragraph_that_reads_as_no_vietnamese_is_refused_by_its_line() {
        let noise = "¸µ¶·¹ ×Þ® ¬¸ µ¶· ¹×Þ ®¬¸ µ¶·¹× Þ®¬ ¸µ¶ ·¹×Þ®";
        assert_eq!(
            decode(with_pasted(noise).as_bytes()),
            Err(DecodeError::LegacyLine(Legacy::Tcvn3, 4))
        );
        // Two stray marks in a Unicode line are no legacy paragraph.
        let table = "Bảng 3 × 4 × 5 · số liệu";
        let decoded = decode(with_pasted(table).as_bytes()).unwrap();
        assert_eq!(decoded.converted_from, None);
        assert!(decoded.text.contains(table));
    }

    #[test]
    fn a_stray_mark_is_not_a_legacy_encoding() {
        let text = format!("{SAMPLE} (bảng 3 × 4)");
        assert_eq!(decode(text.as_bytes()).unwrap().converted_from, None);
        assert_eq!(decode(b"\xC3\x28 not utf-8"), Err(DecodeError::NotUnicode));
    }
}
