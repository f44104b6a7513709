//! Which plans a plan is held to: its parent, when xhht has it, and the
//! schemes it implements; `--against` replaces both.

use std::collections::HashMap;

use super::Relation;
use crate::finding::{Anchor, Finding, Rule};
use crate::model::{Link, Plan};
use crate::source::{FieldPath, SourceFile};
use crate::tr;

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
                tr!(
                    "the plan names no scheme to fall back to",
                    "kế hoạch không nêu đề án nào để so sánh thay thế"
                )
            } else {
                tr!(
                    "comparing with {} instead",
                    "chuyển sang so sánh với {}",
                    fallback.join(", ")
                )
            };
            chain.findings.push(
                Finding::at(
                    Rule::ParentUnavailable,
                    source,
                    &path,
                    Anchor::Key,
                    tr!(
                        "the parent plan {} (`{}`) is cited but not available; {then}",
                        "kế hoạch cấp trên {} (`{}`) được viện dẫn nhưng xhht không có văn bản này; {then}",
                        parent.number,
                        parent.plan
                    ),
                )
                .note(tr!(
                    "targets the parent may have added or changed are not checked",
                    "các chỉ tiêu mà kế hoạch cấp trên có thể đã bổ sung hoặc điều chỉnh không được kiểm tra"
                )),
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
                tr!(
                    "scheme {} (`{}`) is cited but not available; nothing is compared with it",
                    "đề án {} (`{}`) được viện dẫn nhưng xhht không có văn bản này; không so sánh với đề án này",
                    link.number,
                    link.plan
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
                tr!(
                    "`{}` links to no parent plan and no scheme: there is nothing to compare it with",
                    "`{}` không liên kết với kế hoạch cấp trên hay đề án nào: không có gì để so sánh",
                    plan.document.id
                ),
            )
            .hint(tr!(
                "add the schemes it implements under `links.implements`, or name one with `--against`",
                "bổ sung các đề án mà kế hoạch triển khai vào `links.implements`, hoặc chỉ định một đề án bằng `--against`"
            )),
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
                        tr!(
                            "the chain of parent plans loops: {}",
                            "chuỗi kế hoạch cấp trên bị lặp vòng: {}",
                            seen.join(" → ")
                        ),
                    )
                    .hint(tr!(
                        "a plan cannot be issued under itself; check the `links.parent` of each plan in the loop",
                        "một kế hoạch không thể được ban hành theo chính nó; kiểm tra `links.parent` của từng kế hoạch trong vòng lặp"
                    )),
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
        tr!(
            "{} (`{}`) is marked available, but no plan with that id is in the run or embedded",
            "{} (`{}`) được đánh dấu là có sẵn, nhưng không có kế hoạch nào mang mã này trong lần kiểm tra hay trong các đề án có sẵn",
            link.number,
            link.plan
        ),
    )
    .hint(tr!(
        "add its file to the command line, or set `available: false` if xhht does not have it",
        "thêm tệp của kế hoạch đó vào dòng lệnh, hoặc đặt `available: false` nếu xhht không có văn bản này"
    ))
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
            tr!(
                "`{}` covers {} and {} covers {}: the periods do not overlap, so nothing was compared and this is not a pass",
                "`{}` áp dụng cho giai đoạn {} còn {} áp dụng cho giai đoạn {}: hai giai đoạn không trùng nhau nên không so sánh được, đây không phải là kết quả đạt",
                plan.document.id,
                years(ours),
                upper.document.id,
                years(theirs)
            ),
        )
        .hint(tr!(
            "compare the plan with the scheme of its own period",
            "hãy so sánh kế hoạch với đề án của cùng giai đoạn"
        )),
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
        tr!(
            "{number} has no targets or duties on record: nothing was compared with it, so this is not a pass",
            "{number} không có chỉ tiêu hay nhiệm vụ nào được ghi nhận: không có gì được so sánh với văn bản này, vì vậy đây không phải là kết quả đạt"
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
