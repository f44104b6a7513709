//! Bytes of a text document to Unicode: UTF-8 (with or without a byte-order
//! mark) and UTF-16 with one. Documents typed in the legacy Vietnamese
//! encodings (TCVN3 "ABC", VNI) are recognised by the characters they leave
//! behind and refused with advice, never read as garbled Unicode.

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
    Legacy(Legacy),
    /// Neither UTF-8 nor UTF-16 with a byte-order mark.
    NotUnicode,
}

/// The document's text, in NFC.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
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
        // Legacy fonts put Vietnamese letters on single bytes: read them as
        // the Windows code page the files were made under, only to tell
        // which font it was.
        let (text, _, _) = WINDOWS_1252.decode(bytes);
        return Err(legacy(&text).map_or(DecodeError::NotUnicode, DecodeError::Legacy));
    };
    if let Some(found) = legacy(&text) {
        return Err(DecodeError::Legacy(found));
    }
    Ok(crate::text::nfc(&text).into_owned())
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

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "Phấn đấu đến năm 2025 đạt 99,5% người biết chữ";

    #[test]
    fn utf8_with_and_without_a_bom() {
        assert_eq!(decode(SAMPLE.as_bytes()).unwrap(), SAMPLE);
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(SAMPLE.as_bytes());
        assert_eq!(decode(&bom).unwrap(), SAMPLE);
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
        assert_eq!(decode(&le).unwrap(), SAMPLE);
        assert_eq!(decode(&be).unwrap(), SAMPLE);
    }

    #[test]
    fn nfd_text_comes_out_nfc() {
        use unicode_normalization::UnicodeNormalization;
        let nfd: String = SAMPLE.nfd().collect();
        assert_eq!(decode(nfd.as_bytes()).unwrap(), SAMPLE);
    }

    #[test]
    fn tcvn3_is_recognised_in_bytes_and_in_utf8() {
        // "Kế hoạch thực hiện Đề án xây dựng xã hội học tập" typed in .VnTime.
        let tcvn3 = "KÕ ho¹ch thùc hiÖn §Ò ¸n x©y dùng x· héi häc tËp, ch\u{ad}¬ng tr×nh";
        assert_eq!(
            decode(tcvn3.as_bytes()),
            Err(DecodeError::Legacy(Legacy::Tcvn3))
        );
        let (bytes, _, _) = WINDOWS_1252.encode(tcvn3);
        assert_eq!(decode(&bytes), Err(DecodeError::Legacy(Legacy::Tcvn3)));
    }

    #[test]
    fn vni_is_recognised() {
        // "Kế hoạch thực hiện ... được ... Việt Nam" typed in VNI-Times.
        let vni = "Keá hoaïch thöïc hieän ñeà aùn, ñöôïc ban haønh, Vieät Nam ñöôïc";
        assert_eq!(
            decode(vni.as_bytes()),
            Err(DecodeError::Legacy(Legacy::Vni))
        );
    }

    #[test]
    fn a_stray_mark_is_not_a_legacy_encoding() {
        let text = format!("{SAMPLE} (bảng 3 × 4)");
        assert!(decode(text.as_bytes()).is_ok());
        assert_eq!(decode(b"\xC3\x28 not utf-8"), Err(DecodeError::NotUnicode));
    }
}
