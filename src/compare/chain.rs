//! Which plans a plan is held to: its parent, when xhht has it, and the
//! schemes it implements; `--against` replaces both.

use std::collections::HashMap;

use super::Relation;
use crate::finding::{Anchor, Finding, Rule};
use crate::model::{Link, Plan};
use crate::source::{FieldPath, SourceFile};

/// A plan a comparison is made against, with the file it came from.
#[derive(Clone, Copy)]
pub struct Reference<'a> {
    pub plan: &'a Plan,
    pub source: &'a SourceFile,
    pub relation: Relation,
}

pub struct Chain<'a> {
    pub references: Vec<Reference<'a>>,
    /// Problems with the chain itself: an unavailable parent, a missing file, a loop.
    pub findings: Vec<Finding>,
}

pub type Known<'a> = HashMap<&'a str, (&'a Plan, &'a SourceFile)>;

pub fn resolve<'a>(
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
        if let Some(&(p, s)) = known.get(id) {
            chain.push(p, s, Relation::Chosen);
        }
        return chain;
    }
    let links = root().key("links");
    if let Some(parent) = &plan.links.parent {
        let path = links.key("parent");
        if !parent.available {
            let fallback: Vec<&str> = plan
                .links
                .implements
                .iter()
                .map(|l| l.plan.as_str())
                .collect();
            let then = if fallback.is_empty() {
                "the plan names no scheme to fall back to".to_owned()
            } else {
                format!("comparing with {} instead", fallback.join(", "))
            };
            chain.findings.push(
                Finding::at(
                    Rule::ParentUnavailable,
                    source,
                    &path,
                    Anchor::Key,
                    format!(
                        "the parent plan {} (`{}`) is cited but not available; {then}",
                        parent.number, parent.plan
                    ),
                )
                .note("targets the parent may have added or changed are not checked"),
            );
        } else if let Some(&(p, s)) = known.get(parent.plan.as_str()) {
            chain.push(p, s, Relation::Parent);
            chain.check_ancestors(plan, source, known);
        } else {
            chain.findings.push(missing(source, &path, parent));
        }
    }
    for (i, link) in plan.links.implements.iter().enumerate() {
        let path = links.key("implements").index(i);
        if !link.available {
            chain.findings.push(Finding::at(
                Rule::ParentUnavailable,
                source,
                &path,
                Anchor::Value,
                format!(
                    "scheme {} (`{}`) is cited but not available; nothing is compared with it",
                    link.number, link.plan
                ),
            ));
        } else if let Some(&(p, s)) = known.get(link.plan.as_str()) {
            chain.push(p, s, Relation::Implements);
        } else {
            chain.findings.push(missing(source, &path, link));
        }
    }
    if chain.references.is_empty() && chain.findings.is_empty() {
        chain.findings.push(
            Finding::at(
                Rule::NothingToCompare,
                source,
                &root().key("document").key("id"),
                Anchor::Value,
                format!("`{}` links to no parent plan and no scheme: there is nothing to compare it with", plan.document.id),
            )
            .hint("add the schemes it implements under `links.implements`, or name one with --against"),
        );
    }
    chain
}

impl<'a> Chain<'a> {
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
                        format!("the chain of parent plans loops: {}", seen.join(" → ")),
                    )
                    .hint("a plan cannot be issued under itself; check the `links.parent` of each plan in the loop"),
                );
                return;
            }
            let Some(&(next, _)) = known.get(parent.plan.as_str()) else {
                return;
            };
            seen.push(next.document.id.as_str());
            current = next;
        }
    }
}

fn missing(source: &SourceFile, path: &FieldPath, link: &Link) -> Finding {
    Finding::at(
        Rule::ChainBroken,
        source,
        &path.key("plan"),
        Anchor::Value,
        format!(
            "{} (`{}`) is marked available, but no plan with that id is in the run or embedded",
            link.number, link.plan
        ),
    )
    .hint("add its file to the command line, or set `available: false` if xhht does not have it")
}

/// The scheme exists but holds nothing to compare: never a clean result.
pub(super) fn nothing_to_compare(plan: &Plan, source: &SourceFile, upper: &Plan) -> Finding {
    let path = plan
        .links
        .implements
        .iter()
        .position(|l| l.plan == upper.document.id)
        .map(|i| root().key("links").key("implements").index(i))
        .unwrap_or_else(|| root().key("links"));
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
        format!(
            "{number} has no targets or duties on record: nothing was compared with it, so this is not a pass"
        ),
    );
    if let Some(note) = &upper.document.note {
        finding = finding.note(note.to_string());
    }
    finding
}

fn root() -> FieldPath {
    FieldPath::root()
}
