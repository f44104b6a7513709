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
    /// How many characters precede each [`CHECKPOINT`]-byte block, built
    /// when a column is first asked for: a column is then counted over at
    /// most one block, not over a whole line (a one-line file of thousands
    /// of findings once cost the square of its length).
    checkpoints: OnceLock<Vec<usize>>,
}

const CHECKPOINT: usize = 4096;

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
            checkpoints: OnceLock::new(),
        }
    }

    /// Characters in `text[..byte]`, `byte` on a character boundary.
    fn chars_before(&self, byte: usize) -> usize {
        let checkpoints = self.checkpoints.get_or_init(|| {
            let mut counts = vec![0];
            let mut chars = 0;
            for block in (CHECKPOINT..=self.text.len()).step_by(CHECKPOINT) {
                let from = self.text.floor_char_boundary(block - CHECKPOINT);
                let to = self.text.floor_char_boundary(block);
                chars += self.text[from..to].chars().count();
                counts.push(chars);
            }
            counts
        });
        let block = byte / CHECKPOINT;
        let from = self.text.floor_char_boundary(block * CHECKPOINT);
        checkpoints[block] + self.text[from..byte].chars().count()
    }

    /// The byte offset of the `n`th character (from 0), or the text's end.
    fn byte_of_char(&self, n: usize) -> usize {
        self.chars_before(0);
        let checkpoints = self.checkpoints.get().map_or(&[0][..], Vec::as_slice);
        let block = checkpoints
            .partition_point(|&chars| chars <= n)
            .saturating_sub(1);
        let from = self.text.floor_char_boundary(block * CHECKPOINT);
        self.text[from..]
            .char_indices()
            .nth(n - checkpoints[block])
            .map_or(self.text.len(), |(i, _)| from + i)
    }

    /// Where the line holding `byte` starts.
    pub fn line_start(&self, byte: usize) -> usize {
        let line = self.line_starts.partition_point(|&start| start <= byte);
        self.line_starts[line.saturating_sub(1)]
    }

    pub fn line_col(&self, byte: usize) -> LineCol {
        let byte = byte.min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start <= byte) - 1;
        let start = self.line_starts[line];
        let byte = self.text.floor_char_boundary(byte);
        let column = self.chars_before(byte) - self.chars_before(start) + 1;
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
        let wanted = self.chars_before(start) + at.column.saturating_sub(1);
        self.byte_of_char(wanted)
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

// The text can be megabytes: a debug print names the file.
impl std::fmt::Debug for SourceFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "SourceFile({}, {} bytes)",
            self.path.display(),
            self.text.len()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Columns and offsets agree with counting characters one by one, on
    /// long lines of multi-byte text that cross the checkpoints.
    #[test]
    fn columns_and_offsets_agree_across_checkpoints() {
        let line = "Xã hội học tập ư ".repeat(700);
        let text = format!("đầu\n{line}\n{line}\nhết");
        let file = SourceFile::new(PathBuf::from("x.yaml"), text.clone(), Format::Yaml);
        for (byte, _) in text.char_indices().step_by(97) {
            let start = text[..byte].rfind('\n').map_or(0, |n| n + 1);
            let column = text[start..byte].chars().count() + 1;
            let at = file.line_col(byte);
            assert_eq!(at.column, column, "at byte {byte}");
            assert_eq!(file.offset_of(at), byte, "at byte {byte}");
        }
    }

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
