//! The structural faults of a plan in one run, each at its own line and
//! column, as check-jsonschema and taplo report them: the first fault of
//! each section and of each list item (a second fault within one item shows
//! once the first is fixed). Deserializing a
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

use super::{LoadError, LoadErrorKind, toml, yaml};
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
    citations: Vec<IgnoredAny>,
    #[serde(default)]
    agencies: Vec<IgnoredAny>,
    #[serde(default)]
    targets: Vec<IgnoredAny>,
    #[serde(default)]
    tasks: Vec<IgnoredAny>,
    #[serde(default)]
    not_applicable: Vec<IgnoredAny>,
    #[serde(default)]
    progress: Option<IgnoredAny>,
}

/// `first`, the fault deserializing the plan stopped at, with every other
/// fault of the file; or the syntax error that is the real first fault.
pub(super) fn every_fault(source: &SourceFile, first: LoadError) -> LoadError {
    let faults = match source.format {
        Format::Yaml if first.kind == LoadErrorKind::Syntax => return first,
        Format::Yaml => match yaml_faults(source) {
            Ok(faults) => faults,
            Err(syntax) => return syntax,
        },
        // The toml crate calls some type faults syntax; whether the text
        // parses is what tells.
        Format::Toml => toml_faults(source),
    };
    gather(faults, first)
}

/// The faults in the order of the text, the first carrying the others.
/// The fault the whole plan stopped at is kept unless the item-by-item
/// reading found it too: no reading may lose a fault.
fn gather(mut faults: Vec<LoadError>, first: LoadError) -> LoadError {
    let found_again = faults.iter().any(|fault| {
        fault.kind == first.kind
            && (fault.span == first.span
                || fault.message == first.message
                || first.kind == LoadErrorKind::MissingField)
    });
    if !found_again {
        faults.push(first);
    }
    faults.sort_by_key(|fault| fault.span.as_ref().map_or(0, |s| s.start));
    faults.dedup_by(|a, b| a.span == b.span && a.message == b.message);
    let mut head = faults.remove(0);
    head.also = faults.into_boxed_slice();
    head
}

/// Every fault of a YAML file, or its syntax error alone. A file with
/// aliases gives none: its items cannot be read apart.
fn yaml_faults(source: &SourceFile) -> Result<Vec<LoadError>, LoadError> {
    let scan = yaml::scan(source);
    if scan.syntax_error
        && let Err(syntax) = yaml::parse::<IgnoredAny>(source)
    {
        return Err(syntax);
    }
    // Without line feeds (old Mac files end lines with a bare CR) the
    // lines an item stands on cannot be told apart cheaply.
    if scan.aliases || !source.text.contains('\n') {
        return Ok(Vec::new());
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
    reading.one::<Option<Progress>>("progress");
    Ok(faults)
}

/// Every fault of a TOML file: each section and item read from the parsed
/// document, whose values keep the file's spans.
fn toml_faults(source: &SourceFile) -> Vec<LoadError> {
    let Some(root) = toml::spanned(source) else {
        return Vec::new();
    };
    let mut faults: Vec<LoadError> = toml::parse::<Sections>(source).err().into_iter().collect();
    let root = root.get_ref();
    let mut one = |section: &str, read: fn(&Value<'_>) -> Result<(), LoadError>| {
        if let Some(value) = root.get(section) {
            faults.extend(read(value).err().map(|fault| locate(fault, section, value)));
        }
    };
    one("document", toml::read_as::<Document>);
    one("links", toml::read_as::<Links>);
    one("progress", toml::read_as::<Option<Progress>>);
    let mut each = |section: &str, read: fn(&Value<'_>) -> Result<(), LoadError>| {
        let Some(::toml::de::DeValue::Array(items)) =
            root.get(section).map(::toml::Spanned::get_ref)
        else {
            return;
        };
        for (i, item) in items.iter().enumerate() {
            let name = format!("{section}[{i}]");
            faults.extend(read(item).err().map(|fault| locate(fault, &name, item)));
        }
    };
    each("citations", toml::read_as::<Citation>);
    each("agencies", toml::read_as::<Agency>);
    each("targets", |value| {
        // A bare figure (`value = 45`) where a value form is wanted.
        toml::read_as::<Target>(value).map_err(|mut fault| {
            if fault.message.english().contains("wanted string or table") {
                fault.hint = Some(msg!("load.hint.value-forms"));
            }
            fault
        })
    });
    each("tasks", toml::read_as::<Task>);
    each("not_applicable", toml::read_as::<NotApplicable>);
    faults
}

type Value<'a> = ::toml::Spanned<::toml::de::DeValue<'a>>;

/// A field missing from the value itself (the parser points at the whole
/// value): named by the value's place.
fn locate(mut fault: LoadError, name: &str, value: &Value<'_>) -> LoadError {
    let whole = fault.span.as_ref().is_none_or(|span| *span == value.span());
    if fault.kind == LoadErrorKind::MissingField && whole {
        fault.message = msg!(
            "load.yaml.missing-in",
            path = name,
            message = &fault.message
        );
        let start = value.span().start;
        fault.span.get_or_insert(start..start);
    }
    fault
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
        let (start, end) = (node.value.start, node.value.end);
        let line_start = self.source.line_start(start);
        // A block item keeps its line's indentation; a flow item (one of
        // many on a line) needs none, and is read from where it starts.
        let block = text[line_start..start]
            .chars()
            .all(|c| c == ' ' || c == '-' || c == '\t');
        let from = if block { line_start } else { start };
        let mut alone = blank(&text[from..start]);
        alone.push_str(&text[start..end]);
        if text[start..end].trim().is_empty() {
            // An empty item (`- `) is a null, as the whole plan read it.
            alone.push('~');
        }
        let alone = SourceFile::new(self.source.path.clone(), alone, Format::Yaml);
        let Err(mut fault) = yaml::parse::<T>(&alone) else {
            return;
        };
        fault.span = fault.span.map(|span| span.start + from..span.end + from);
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
