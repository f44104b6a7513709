//! Which plans a plan is held to: its parent, when xhht has it, and the
//! schemes it implements; `--against` replaces both.

use std::collections::HashMap;

use super::Relation;
use crate::finding::{Anchor, Finding, Rule};
use crate::i18n::Message;
use crate::load::Loaded;
use crate::model::{Link, Plan};
use crate::msg;
use crate::source::{FieldPath, SourceFile};

/// A plan a comparison is made against, with the file it came from.
#[derive(Clone, Copy)]
pub(crate) struct Reference<'a> {
    pub plan: &'a Plan,
    pub source: &'a SourceFile,
    pub relation: Relation,
}

pub(crate) struct Chain<'a> {
    pub references: Vec<Reference<'a>>,
    /// Problems with the chain itself: an unavailable parent, a missing file, a loop.
    pub findings: Vec<Finding>,
}

/// The plans a run can hold a plan to, by id: the embedded schemes and
/// the run's files (a file of the run wins over the embedded scheme of its
/// id, so an edited copy is compared as edited). Files that did not load
/// are left out; their load error is reported where they are read. A
/// scheme is parsed only when a plan asks for it.
pub(crate) struct Known<'a> {
    files: HashMap<&'a str, (&'a Plan, &'a SourceFile)>,
    /// Ids of the run's plans not held here (a streamed run holds only the
    /// plans others are held to): suggested for a misspelt id.
    listed: Vec<&'a str>,
}

pub(crate) fn known<'a>(files: impl IntoIterator<Item = &'a Loaded>) -> Known<'a> {
    let files = files
        .into_iter()
        .filter_map(|file| {
            let plan = file.plan.as_ref().ok()?;
            Some((plan.document.id.as_str(), (plan, &file.source)))
        })
        .collect();
    Known {
        files,
        listed: Vec::new(),
    }
}

/// [`known`] for a run that holds only some of its plans, knowing the ids
/// of the others.
pub(crate) fn known_listing<'a>(
    files: impl IntoIterator<Item = &'a Loaded>,
    listed: impl IntoIterator<Item = &'a str>,
) -> Known<'a> {
    Known {
        listed: listed.into_iter().collect(),
        ..known(files)
    }
}

impl<'a> Known<'a> {
    pub(crate) fn get(&self, id: &str) -> Option<(&'a Plan, &'a SourceFile)> {
        self.files
            .get(id)
            .copied()
            .or_else(|| crate::baselines::scheme(id))
    }

    pub(crate) fn contains(&self, id: &str) -> bool {
        self.ids().any(|known| known == id)
    }

    /// Every id, without parsing a scheme: for did-you-mean.
    pub(crate) fn ids(&self) -> impl Iterator<Item = &'a str> + '_ {
        let schemes = crate::baselines::SCHEMES.iter().map(|s| s.id);
        schemes
            .filter(|id| !self.files.contains_key(id))
            .chain(self.files.keys().copied())
            .chain(
                self.listed
                    .iter()
                    .copied()
                    .filter(|id| !self.files.contains_key(id)),
            )
    }
}

pub(crate) fn resolve<'a>(
    plan: &'a Plan,
    source: &'a SourceFile,
    known: &Known<'a>,
    against: Option<&str>,
) -> Chain<'a> {
    let mut chain = Chain {
        references: Vec::new(),
        findings: Vec::new(),
    };
    if let Some(id) = against {
        if let Some((p, s)) = known.get(id) {
            chain.push(p, s, Relation::Chosen);
        }
        return chain;
    }
    if let Some(parent) = &plan.links.parent {
        chain.follow_parent(plan, source, parent, known);
    }
    for (i, link) in plan.links.implements.iter().enumerate() {
        chain.follow_scheme(source, i, link, known);
    }
    if chain.references.is_empty() && chain.findings.is_empty() {
        chain.findings.push(nothing_linked(plan, source));
    }
    chain
}

impl<'a> Chain<'a> {
    /// The parent plan, when xhht has it, and the parents above it.
    fn follow_parent(
        &mut self,
        plan: &'a Plan,
        source: &'a SourceFile,
        parent: &Link,
        known: &Known<'a>,
    ) {
        let path = root().key("links").key("parent");
        if !parent.available {
            self.findings
                .push(parent_unavailable(plan, source, &path, parent));
        } else if let Some((p, s)) = known.get(parent.plan.as_str()) {
            self.push(p, s, Relation::Parent);
            self.check_ancestors(plan, source, known);
        } else {
            self.findings.push(missing(source, &path, parent));
        }
    }

    /// The `index`th scheme the plan implements, when xhht has it.
    fn follow_scheme(&mut self, source: &SourceFile, index: usize, link: &Link, known: &Known<'a>) {
        let path = root().key("links").key("implements").index(index);
        if !link.available {
            self.findings.push(Finding::at(
                Rule::ParentUnavailable,
                source,
                &path,
                Anchor::Value,
                msg!(
                    "compare.chain.scheme-unavailable",
                    number = &link.number,
                    plan = &link.plan
                ),
            ));
        } else if let Some((p, s)) = known.get(link.plan.as_str()) {
            self.push(p, s, Relation::Implements);
        } else {
            self.findings.push(missing(source, &path, link));
        }
    }
    fn push(&mut self, plan: &'a Plan, source: &'a SourceFile, relation: Relation) {
        if !self
            .references
            .iter()
            .any(|r| r.plan.document.id == plan.document.id)
        {
            self.references.push(Reference {
                plan,
                source,
                relation,
            });
        }
    }

    /// Follows parents upwards: a loop back to a plan already seen is an
    /// error, as is an ancestor said to be available that is not there.
    fn check_ancestors(&mut self, plan: &Plan, source: &SourceFile, known: &Known<'a>) {
        let mut seen = vec![plan.document.id.as_str()];
        let mut current = plan;
        while let Some(parent) = current.links.parent.as_ref().filter(|p| p.available) {
            if seen.contains(&parent.plan.as_str()) {
                seen.push(parent.plan.as_str());
                self.findings.push(
                    Finding::at(
                        Rule::ChainBroken,
                        source,
                        &root().key("links").key("parent"),
                        Anchor::Value,
                        msg!("compare.chain.loop", plans = seen.join(" → ")),
                    )
                    .hint(msg!("compare.chain.loop-hint")),
                );
                return;
            }
            let Some((next, _)) = known.get(parent.plan.as_str()) else {
                return;
            };
            seen.push(next.document.id.as_str());
            current = next;
        }
    }
}

/// A parent the plan cites but xhht does not have: the schemes it
/// implements are compared instead, if it names any.
fn parent_unavailable(
    plan: &Plan,
    source: &SourceFile,
    path: &FieldPath,
    parent: &Link,
) -> Finding {
    let fallback: Vec<&str> = plan
        .links
        .implements
        .iter()
        .map(|l| l.plan.as_str())
        .collect();
    let then = if fallback.is_empty() {
        msg!("compare.chain.no-fallback")
    } else {
        msg!("compare.chain.fallback", schemes = fallback)
    };
    Finding::at(
        Rule::ParentUnavailable,
        source,
        path,
        Anchor::Key,
        msg!(
            "compare.chain.parent-unavailable",
            number = &parent.number,
            plan = &parent.plan,
            then
        ),
    )
    .note(msg!("compare.chain.parent-unavailable-note"))
}

/// A plan linked to nothing above it has nothing to be held to: never a pass.
fn nothing_linked(plan: &Plan, source: &SourceFile) -> Finding {
    Finding::at(
        Rule::NothingToCompare,
        source,
        &root().key("document").key("id"),
        Anchor::Value,
        msg!("compare.chain.nothing-linked", plan = &plan.document.id),
    )
    .hint(msg!("compare.chain.nothing-linked-hint"))
}

fn missing(source: &SourceFile, path: &FieldPath, link: &Link) -> Finding {
    Finding::at(
        Rule::ChainBroken,
        source,
        &path.key("plan"),
        Anchor::Value,
        msg!(
            "compare.chain.missing",
            number = &link.number,
            plan = &link.plan
        ),
    )
    .hint(msg!("compare.chain.missing-hint"))
}

/// Where a plan names the plan above it: its `links` entry, or its own id
/// when the plan above was chosen with `--against`.
pub(super) fn link_path(plan: &Plan, upper: &str) -> FieldPath {
    let links = root().key("links");
    if plan.links.parent.as_ref().is_some_and(|p| p.plan == upper) {
        return links.key("parent").key("plan");
    }
    match plan.links.implements.iter().position(|l| l.plan == upper) {
        Some(i) => links.key("implements").index(i).key("plan"),
        None => root().key("document").key("id"),
    }
}

/// Two plans whose periods do not meet cannot hold each other to anything:
/// say so, rather than report no gaps.
pub(super) fn periods_apart(plan: &Plan, source: &SourceFile, upper: &Plan) -> Option<Finding> {
    let (ours, theirs) = (plan.document.period, upper.document.period);
    let overlap = ours.end.is_none_or(|end| end >= theirs.start)
        && theirs.end.is_none_or(|end| end >= ours.start);
    if overlap {
        return None;
    }
    let years = |p: crate::model::Period| match p.end {
        Some(end) => format!("{}–{end}", p.start),
        None => format!("{}–", p.start),
    };
    Some(
        Finding::at(
            Rule::PeriodsApart,
            source,
            &link_path(plan, &upper.document.id),
            Anchor::Value,
            msg!(
                "compare.chain.periods-apart",
                plan = &plan.document.id,
                ours = years(ours),
                upper = &upper.document.id,
                theirs = years(theirs)
            ),
        )
        .hint(msg!("compare.chain.periods-apart-hint")),
    )
}

/// The scheme exists but holds nothing to compare: never a clean result.
pub(super) fn nothing_to_compare(plan: &Plan, source: &SourceFile, upper: &Plan) -> Finding {
    let path = link_path(plan, &upper.document.id);
    let number = upper
        .document
        .number
        .as_ref()
        .map_or(upper.document.id.as_str(), |n| n.as_str());
    let mut finding = Finding::at(
        Rule::NothingToCompare,
        source,
        &path,
        Anchor::Value,
        msg!("compare.chain.nothing-on-record", number),
    );
    if let Some(note) = &upper.document.note {
        finding = finding.note(Message::verbatim(note.as_str()));
    }
    finding
}

fn root() -> FieldPath {
    FieldPath::root()
}
