//! TOML through the toml crate; node positions through its span-carrying
//! document tree, built only when a finding needs a location.

use toml::de::{DeArray, DeTable, DeValue};

use serde::de::DeserializeOwned;

use super::LoadError;
use crate::source::{NodeSpan, PathHash, SourceFile, SpanIndex};

pub(super) fn parse<T: DeserializeOwned>(source: &SourceFile) -> Result<T, LoadError> {
    toml::from_str(&source.text)
        .map_err(|err| LoadError::from_serde_message(err.message(), err.span()))
}

/// The file's root table with the span of every value, if it parses.
pub(super) fn spanned(source: &SourceFile) -> Option<toml::Spanned<DeTable<'_>>> {
    DeTable::parse(&source.text).ok()
}

/// Reads one value of a parsed file as a `T`; the fault's span is the
/// file's, since the value keeps the spans it was parsed with.
pub(super) fn read_as<T: DeserializeOwned>(
    value: &toml::Spanned<DeValue<'_>>,
) -> Result<(), LoadError> {
    let deserializer = toml::de::ValueDeserializer::from(value.clone());
    T::deserialize(deserializer)
        .map(drop)
        .map_err(|err| LoadError::from_serde_message(err.message(), err.span()))
}

pub(super) fn span_index(source: &SourceFile) -> SpanIndex {
    let mut index = SpanIndex::new();
    if let Ok(root) = DeTable::parse(&source.text) {
        let span = root.span();
        table(root.get_ref(), PathHash::ROOT, &mut index);
        index.insert(
            PathHash::ROOT,
            NodeSpan {
                key: None,
                value: span,
            },
        );
    }
    index
}

fn table(t: &DeTable<'_>, path: PathHash, index: &mut SpanIndex) {
    for (k, v) in t {
        let child = path.key(k.get_ref());
        value(v.get_ref(), child, index);
        index.insert(
            child,
            NodeSpan {
                key: Some(k.span()),
                value: v.span(),
            },
        );
    }
}

fn array(a: &DeArray<'_>, path: PathHash, index: &mut SpanIndex) {
    for (i, v) in a.iter().enumerate() {
        let child = path.index(i);
        value(v.get_ref(), child, index);
        index.insert(
            child,
            NodeSpan {
                key: None,
                value: v.span(),
            },
        );
    }
}

fn value(v: &DeValue<'_>, path: PathHash, index: &mut SpanIndex) {
    match v {
        DeValue::Table(t) => table(t, path, index),
        DeValue::Array(a) => array(a, path, index),
        _ => {}
    }
}
