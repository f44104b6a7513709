//! Every structural fault of a YAML plan in one run, each at its own line
//! and column, as check-jsonschema and taplo report them. Deserializing a
//! plan stops at its first fault; so when it fails, the file is read again
//! section by section and item by item, each on its own, and the faults of
//! all are reported. A syntax error comes first and alone: where the text
//! itself is broken, what a later item means cannot be known.
//!
//! A file with aliases (`*name`) keeps its first fault only: an item read
//! alone would not have the anchor an alias names.
//!
//! An item is read alone, from the start of its line with what stands
//! before it blanked out, so its columns are the file's and its lines are
//! counted from its own.

use serde::de::{DeserializeOwned, IgnoredAny};

use super::{LoadError, LoadErrorKind, yaml};
use crate::model::{Agency, Citation, Document, Links, NotApplicable, Progress, Target, Task};
use crate::msg;
use crate::source::{Format, PathHash, SourceFile, SpanIndex};

/// The sections of a plan and whether each is a list, as far as their
/// shape: unknown sections, and a list written as something else.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[expect(dead_code, reason = "read only for the faults deserializing it finds")]
struct Sections {
    document: IgnoredAny,
    #[serde(default)]
    links: Option<IgnoredAny>,
    #[serde(default)]
    citations: Option<Vec<IgnoredAny>>,
    #[serde(default)]
    agencies: Option<Vec<IgnoredAny>>,
    #[serde(default)]
    targets: Option<Vec<IgnoredAny>>,
    #[serde(default)]
    tasks: Option<Vec<IgnoredAny>>,
    #[serde(default)]
    not_applicable: Option<Vec<IgnoredAny>>,
    #[serde(default)]
    progress: Option<IgnoredAny>,
}

/// `first`, the fault deserializing the plan stopped at, with every other
/// fault of the file; or the syntax error that is the real first fault.
pub(super) fn every_fault(source: &SourceFile, first: LoadError) -> LoadError {
    if source.format != Format::Yaml || first.kind == LoadErrorKind::Syntax {
        return first;
    }
    let scan = yaml::scan(source);
    if scan.syntax_error
        && let Err(syntax) = yaml::parse::<IgnoredAny>(source)
    {
        return syntax;
    }
    if scan.aliases {
        return first;
    }
    let index = super::span_index(source);
    let mut faults: Vec<LoadError> = yaml::parse::<Sections>(source).err().into_iter().collect();
    let mut reading = Reading {
        source,
        index: &index,
        faults: &mut faults,
    };
    reading.one::<Document>("document");
    reading.one::<Links>("links");
    reading.each::<Citation>("citations");
    reading.each::<Agency>("agencies");
    reading.each::<Target>("targets");
    reading.each::<Task>("tasks");
    reading.each::<NotApplicable>("not_applicable");
    reading.one::<Progress>("progress");
    faults.sort_by_key(|fault| fault.span.as_ref().map_or(0, |s| s.start));
    faults.dedup_by(|a, b| a.span == b.span && a.message == b.message);
    if faults.is_empty() {
        return first;
    }
    let mut head = faults.remove(0);
    head.also = faults.into_boxed_slice();
    head
}

struct Reading<'a> {
    source: &'a SourceFile,
    index: &'a SpanIndex,
    faults: &'a mut Vec<LoadError>,
}

impl Reading<'_> {
    fn one<T: DeserializeOwned>(&mut self, section: &str) {
        self.read::<T>(PathHash::ROOT.key(section), section);
    }

    fn each<T: DeserializeOwned>(&mut self, section: &str) {
        let list = PathHash::ROOT.key(section);
        for i in 0.. {
            let item = list.index(i);
            if !self.index.contains_key(&item) {
                break;
            }
            self.read::<T>(item, &format!("{section}[{i}]"));
        }
    }

    /// Reads the node at `path` as a `T`, alone.
    fn read<T: DeserializeOwned>(&mut self, path: PathHash, name: &str) {
        let Some(node) = self.index.get(&path) else {
            return;
        };
        // The item from the start of its line, the text before it on that
        // line blanked: its columns are the file's, and reading every item
        // costs the file's length once, never once per item.
        let text = &self.source.text;
        let line_start = text[..node.value.start].rfind('\n').map_or(0, |n| n + 1);
        let mut alone = blank(&text[line_start..node.value.start]);
        alone.push_str(&text[node.value.start..node.value.end]);
        let alone = SourceFile::new(self.source.path.clone(), alone, Format::Yaml);
        let Err(mut fault) = yaml::parse::<T>(&alone) else {
            return;
        };
        fault.span = fault
            .span
            .map(|span| span.start + line_start..span.end + line_start);
        // Missing from the item itself (no mapping inside it was found to
        // lack it): point at the item and name it, not at the end of its text.
        let located = fault.message.id() == Some("load.yaml.missing-in");
        if fault.kind == LoadErrorKind::MissingField && !located {
            fault.message = msg!(
                "load.yaml.missing-in",
                path = name,
                message = &fault.message
            );
            // A section's key (`document:`), or a list item's first key.
            let start = node.value.start..node.value.start;
            fault.span = Some(node.key.clone().unwrap_or(start));
        }
        self.faults.push(fault);
    }
}

/// `text` as spaces, byte for byte: what stands before an item on its line.
fn blank(text: &str) -> String {
    " ".repeat(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_alone_keeps_its_columns() {
        assert_eq!(blank("  - "), "    ");
        assert_eq!(blank("ư").len(), "ư".len());
    }
}
