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
    /// Neither UTF-8 nor UTF-16 with a byte-order mark.
    NotUnicode,
}

/// A document's text in NFC, and the legacy encoding it was converted from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub converted_from: Option<Legacy>,
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
        return Ok(Decoded {
            text: crate::text::nfc(text).into_owned(),
            converted_from: None,
        });
    };
    let converted = match found {
        Legacy::Tcvn3 => convert(text, tcvn3(), 1),
        Legacy::Vni => convert(text, vni(), 2),
    };
    let converted = crate::text::nfc(&converted).into_owned();
    if reads_as_vietnamese(text, &converted) {
        Ok(Decoded {
            text: converted,
            converted_from: Some(found),
        })
    } else {
        Err(DecodeError::Legacy(found))
    }
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
            })
        );
        let (bytes, _, _) = WINDOWS_1252.encode(&vni);
        assert_eq!(decode(&bytes).unwrap().text, PLAN);
    }

    #[test]
    fn unsure_text_is_refused() {
        // Half typed in TCVN3, half in Unicode: converting would mix both.
        let mixed = format!("{} {}", typed_in(&lower_toned(PLAN), tcvn3()), PLAN);
        assert_eq!(
            decode(mixed.as_bytes()),
            Err(DecodeError::Legacy(Legacy::Tcvn3))
        );
        // TCVN3's marks, but what they spell is no Vietnamese.
        let noise = "¸µ¶·¹ ×Þ® ¬¸ µ¶· ¹×Þ ®¬¸ µ¶·¹× Þ®¬ ¸µ¶ ·¹×Þ®";
        assert_eq!(
            decode(noise.as_bytes()),
            Err(DecodeError::Legacy(Legacy::Tcvn3))
        );
    }

    #[test]
    fn a_stray_mark_is_not_a_legacy_encoding() {
        let text = format!("{SAMPLE} (bảng 3 × 4)");
        assert_eq!(decode(text.as_bytes()).unwrap().converted_from, None);
        assert_eq!(decode(b"\xC3\x28 not utf-8"), Err(DecodeError::NotUnicode));
    }
}
