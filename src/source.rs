//! A plan file's text and the positions in it. Locations are resolved from a
//! field path only when a finding needs one, so a clean file never pays for
//! the second, structural parse that builds the path index.

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Yaml,
    Toml,
}

impl Format {
    pub fn from_path(path: &Path) -> Option<Self> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "yaml" | "yml" => Some(Self::Yaml),
            "toml" => Some(Self::Toml),
            _ => None,
        }
    }
}

/// A line and a column, both from 1; the column counts characters of the
/// original line, the way an editor's status bar does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for LineCol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// A path to a value inside a plan, e.g. `targets[3].value`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FieldPath(String);

impl FieldPath {
    pub fn root() -> Self {
        Self::default()
    }

    #[must_use]
    pub fn key(&self, key: &str) -> Self {
        if self.0.is_empty() {
            Self(key.to_owned())
        } else {
            Self(format!("{}.{key}", self.0))
        }
    }

    #[must_use]
    pub fn index(&self, index: usize) -> Self {
        Self(format!("{}[{index}]", self.0))
    }

    pub fn parent(&self) -> Option<Self> {
        if self.0.is_empty() {
            return None;
        }
        let cut = self.0.rfind(['.', '[']).unwrap_or(0);
        Some(Self(self.0[..cut].to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0.is_empty() {
            "(document)"
        } else {
            &self.0
        })
    }
}

impl FieldPath {
    /// The path's hash, as the span index keys it.
    pub fn hash_key(&self) -> PathHash {
        let mut hash = PathHash::ROOT;
        for part in self.0.split('.').filter(|p| !p.is_empty()) {
            let (name, indices) = part.split_once('[').unwrap_or((part, ""));
            if !name.is_empty() {
                hash = hash.key(name);
            }
            for index in indices.split(['[', ']']).filter(|i| !i.is_empty()) {
                hash = hash.index(index.parse().unwrap_or(usize::MAX));
            }
        }
        hash
    }
}

/// A path as a hash built segment by segment (FNV-1a), so that indexing a
/// file allocates nothing per node. 64 bits make a collision between two
/// paths of one file practically impossible.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PathHash(u64);

impl PathHash {
    pub const ROOT: Self = Self(0xcbf2_9ce4_8422_2325);

    fn mix(self, bytes: &[u8]) -> Self {
        let mut hash = self.0;
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        Self(hash)
    }

    #[must_use]
    pub fn key(self, key: &str) -> Self {
        self.mix(b".").mix(key.as_bytes())
    }

    #[must_use]
    pub fn index(self, index: usize) -> Self {
        self.mix(b"[").mix(&index.to_le_bytes())
    }
}

/// Where a path's key and value sit, as byte ranges of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeSpan {
    pub key: Option<Range<usize>>,
    pub value: Range<usize>,
}

pub type SpanIndex = HashMap<PathHash, NodeSpan>;

pub struct SourceFile {
    pub path: PathBuf,
    /// The text as read, without a leading byte-order mark.
    pub text: String,
    pub format: Format,
    line_starts: Vec<usize>,
    index: OnceLock<SpanIndex>,
}

impl SourceFile {
    pub fn new(path: PathBuf, text: String, format: Format) -> Self {
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_owned(),
            None => text,
        };
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self {
            path,
            text,
            format,
            line_starts,
            index: OnceLock::new(),
        }
    }

    pub fn line_col(&self, byte: usize) -> LineCol {
        let byte = byte.min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start <= byte) - 1;
        let start = self.line_starts[line];
        let column = self.text[start..self.text.floor_char_boundary(byte)]
            .chars()
            .count()
            + 1;
        LineCol {
            line: line + 1,
            column,
        }
    }

    /// Byte offset of a 1-based line and character column.
    pub fn offset_of(&self, at: LineCol) -> usize {
        let Some(&start) = self.line_starts.get(at.line.saturating_sub(1)) else {
            return self.text.len();
        };
        self.text[start..]
            .char_indices()
            .nth(at.column.saturating_sub(1))
            .map_or(self.text.len(), |(i, _)| start + i)
    }

    /// The span of the value at `path`, or of the nearest enclosing value the
    /// file spells out (a defaulted field has no text of its own).
    pub fn locate(&self, path: &FieldPath) -> Option<(FieldPath, &NodeSpan)> {
        let index = self.index.get_or_init(|| crate::load::span_index(self));
        let mut at = Some(path.clone());
        while let Some(p) = at {
            if let Some(span) = index.get(&p.hash_key()) {
                return Some((p, span));
            }
            at = p.parent();
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let f = SourceFile::new(
            "x.yaml".into(),
            "a: 1\nname: Sở Giáo dục\n".into(),
            Format::Yaml,
        );
        let byte = f.text.find("dục").unwrap();
        assert_eq!(
            f.line_col(byte),
            LineCol {
                line: 2,
                column: 15
            }
        );
        assert_eq!(
            f.offset_of(LineCol {
                line: 2,
                column: 15
            }),
            byte
        );
    }

    #[test]
    fn bom_is_not_a_column() {
        let f = SourceFile::new("x.yaml".into(), "\u{feff}id: a".into(), Format::Yaml);
        assert_eq!(f.line_col(4), LineCol { line: 1, column: 5 });
    }

    #[test]
    fn path_hashes_follow_segments() {
        let built = PathHash::ROOT.key("targets").index(3).key("value");
        let path = FieldPath::root().key("targets").index(3).key("value");
        assert_eq!(path.hash_key(), built);
        assert_eq!(FieldPath::root().hash_key(), PathHash::ROOT);
        assert_ne!(
            PathHash::ROOT.key("targets").index(3),
            PathHash::ROOT.key("targets").index(4)
        );
        let nested = FieldPath::root().key("a").index(0).index(1);
        assert_eq!(nested.hash_key(), PathHash::ROOT.key("a").index(0).index(1));
    }

    #[test]
    fn paths_have_parents() {
        let p = FieldPath::root().key("targets").index(3).key("value");
        assert_eq!(p.as_str(), "targets[3].value");
        assert_eq!(p.parent().unwrap().as_str(), "targets[3]");
        assert_eq!(p.parent().unwrap().parent().unwrap().as_str(), "targets");
    }
}
