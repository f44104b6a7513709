//! Text as the plan writes it, canonicalised to NFC so that comparisons do not
//! depend on how an editor happened to compose Vietnamese diacritics.

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use unicode_normalization::{UnicodeNormalization, is_nfc_quick};

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Text(String);

impl Text {
    pub fn new(s: &str) -> Self {
        Self(nfc(s).into_owned())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

pub fn nfc(s: &str) -> Cow<'_, str> {
    if is_nfc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.nfc().collect())
    }
}

/// True when the text shows nothing to a reader: empty, white space, or
/// invisible format characters such as a zero-width space.
pub fn is_blank(s: &str) -> bool {
    s.chars().all(|c| {
        c.is_whitespace()
            || matches!(c, '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{ad}')
    })
}

/// Folds a name to a matching key: NFC/NFD and old/new tone placement
/// ("Hoá"/"Hóa", "Uỷ"/"Ủy") and case all collapse; đ is mapped by hand
/// because Unicode gives it no decomposition.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last_space = true;
    for c in s.to_lowercase().nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        let c = if c == 'đ' { 'd' } else { c };
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(c);
            last_space = false;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Self::new(s)
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        Ok(match nfc(&raw) {
            Cow::Borrowed(_) => Self(raw),
            Cow::Owned(normalised) => Self(normalised),
        })
    }
}

impl JsonSchema for Text {
    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        String::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn nfd_input_becomes_nfc() {
        let nfd: String = "Sở Tài chính Đắk Lắk".nfd().collect();
        assert_ne!(nfd, "Sở Tài chính Đắk Lắk");
        assert_eq!(Text::new(&nfd).as_str(), "Sở Tài chính Đắk Lắk");
    }

    #[test]
    fn fold_unifies_tone_placement_case_and_d() {
        assert_eq!(fold("Thanh Hoá"), fold("Thanh Hóa"));
        assert_eq!(fold("Uỷ ban"), fold("Ủy ban"));
        assert_eq!(fold("  Sở   Tài chính Đắk Lắk "), "so tai chinh dak lak");
    }

    proptest! {
        #[test]
        fn fold_is_idempotent_and_normalisation_blind(s in "\\PC{0,40}") {
            prop_assert_eq!(fold(&fold(&s)), fold(&s));
            let nfc_form: String = s.nfc().collect();
            let nfd_form: String = s.nfd().collect();
            prop_assert_eq!(fold(&nfc_form), fold(&nfd_form));
        }
    }
}
