//! The findings a target comparison raises, worded for the person who must
//! fix the plan, located in the file they have.

use super::super::evidence::{self, Evidence};
use super::{Local, Verdict};
use crate::finding::{Anchor, Finding, Rule};
use crate::i18n::{Arg, Message};
use crate::model::{Plan, Target, TargetValue};
use crate::msg;
use crate::source::{FieldPath, SourceFile};

/// The subject of a target finding: indicator, level, condition and year,
/// by their ids. The same in every language, so that findings of two runs
/// can be matched.
pub(super) fn subject(t: &Target, year: u16) -> String {
    let condition = t
        .condition
        .as_ref()
        .map(|c| format!(" [{c}]"))
        .unwrap_or_default();
    match t.level {
        Some(level) => format!("{} (level {level}){condition} {year}", t.indicator),
        None => format!("{}{condition} {year}", t.indicator),
    }
}

/// The indicator with its level and condition, for a message: by their
/// names in the run's language.
pub(super) fn describe(t: &Target) -> Message {
    let condition = t.condition.as_deref().map_or_else(
        || Message::verbatim(""),
        |c| msg!("compare.targets.condition", name = Arg::condition(c)),
    );
    let indicator = Arg::indicator(&t.indicator);
    match t.level {
        Some(level) => msg!("compare.targets.at-level", indicator, level, condition),
        None => msg!("compare.targets.plain", indicator, condition),
    }
}

/// A gap is located where the plan names the plan above (the file the user
/// has), with the national item as a related location.
pub(super) fn gap(
    local: &Local<'_>,
    upper: &Plan,
    upper_source: &SourceFile,
    index: usize,
    evidence: &Evidence,
) -> Finding {
    let plan = local.plan;
    let theirs = &upper.targets[index];
    let (severity, rests_on) = evidence::severity(evidence.certainty, theirs.verification);
    let mut finding = Finding::at(
        Rule::Gap,
        local.source,
        &local.link,
        Anchor::Value,
        msg!(
            "compare.targets.gap",
            upper = &upper.document.id,
            value = theirs.value_text(),
            target = describe(theirs),
            year = theirs.year,
            plan = &plan.document.id
        ),
    )
    .severity(severity)
    .about(&plan.document.id, subject(theirs, theirs.year))
    .figures(Some(theirs.value_text()), None)
    .rests_on(&upper.document.id, &theirs.id, theirs.verification)
    .related(
        upper_source,
        &FieldPath::root().key("targets").index(index).key("id"),
        msg!("compare.targets.the-target", upper = &upper.document.id),
    )
    .hint(msg!(
        "compare.targets.gap-hint",
        indicator = &theirs.indicator,
        year = theirs.year,
        plan = &plan.document.id
    ));
    if let Some(why) = rests_on {
        finding = finding.note(why);
    }
    let related = targets_beside(plan, theirs);
    if !related.is_empty() {
        finding = finding.note(msg!("compare.targets.plan-does-set", targets = related));
    }
    finding
}

/// The plan's targets for the indicator and year of a figure it has no
/// target for: one of them may cover it under another level.
fn targets_beside(plan: &Plan, theirs: &Target) -> Vec<Message> {
    plan.targets
        .iter()
        .filter(|t| t.indicator == theirs.indicator && t.year == theirs.year)
        .map(|t| match t.level {
            Some(level) => msg!(
                "compare.targets.related-at-level",
                id = &t.id,
                value = t.value_text(),
                level
            ),
            None => msg!(
                "compare.targets.related",
                id = &t.id,
                value = t.value_text()
            ),
        })
        .collect()
}

/// A pair the plan falls short on, located at the plan's own figure.
pub(super) struct Shortfall<'a> {
    pub(super) index: usize,
    pub(super) ours: &'a Target,
    pub(super) upper: &'a Plan,
    pub(super) theirs: &'a Target,
    pub(super) year: u16,
}

impl Shortfall<'_> {
    pub(super) fn finding(
        &self,
        local: &Local<'_>,
        evidence: &Evidence,
        verdict: &Verdict,
    ) -> Finding {
        let (ours, theirs) = (self.ours, self.theirs);
        let (severity, rests_on) = evidence::severity(evidence.certainty, theirs.verification);
        let path = FieldPath::root()
            .key("targets")
            .index(self.index)
            .key("value");
        let message = self.message(verdict);
        let mut finding = Finding::at(Rule::Shortfall, local.source, &path, Anchor::Value, message)
            .severity(severity)
            .figures(Some(theirs.value_text()), Some(ours.value_text()))
            .rests_on(&self.upper.document.id, &theirs.id, theirs.verification);
        if self.year != theirs.year {
            finding = finding.note(msg!(
                "compare.targets.binds-each-year",
                upper = &self.upper.document.id,
                until = theirs.year,
                year = self.year
            ));
        }
        if let Some(basis) = &verdict.basis {
            finding = finding.note(basis.clone());
        }
        if let Some(why) = rests_on {
            finding = finding.note(why);
        }
        if let Some(note) = &theirs.note {
            finding = finding.note(msg!("compare.targets.on-national-figure", note));
        }
        finding
    }

    /// What falls short: no figure at all, a lower level, a range's ends, or
    /// a lower figure.
    fn message(&self, verdict: &Verdict) -> Message {
        let (ours, theirs) = (self.ours, self.theirs);
        let upper = &self.upper.document.id;
        match (&ours.value, ours.level, theirs.level) {
            (TargetValue::Qualitative, _, _) => msg!(
                "compare.targets.no-figure",
                id = &ours.id,
                target = describe(ours),
                upper,
                value = theirs.value_text(),
                year = theirs.year
            ),
            (_, Some(ours_level), Some(theirs_level)) if ours_level < theirs_level => msg!(
                "compare.targets.lower-level",
                id = &ours.id,
                ours_level,
                indicator = Arg::indicator(&ours.indicator),
                upper,
                theirs_level
            ),
            (TargetValue::Range { min, max }, _, _) if verdict.figures_comparable => {
                self.range_message(*min, *max)
            }
            _ => msg!(
                "compare.targets.shortfall",
                id = &ours.id,
                value = ours.value_text(),
                target = describe(ours),
                year = ours.year,
                upper,
                national = theirs.value_text(),
                national_year = theirs.year
            ),
        }
    }

    /// A range falls short by its lower end; its upper end may meet the figure.
    fn range_message(&self, min: f64, max: f64) -> Message {
        let (ours, theirs) = (self.ours, self.theirs);
        let national = theirs.value.floor().map_or(0.0, |f| f.value);
        let upper_end = if max >= national {
            msg!("compare.targets.upper-end-meets")
        } else {
            msg!("compare.targets.upper-end-short")
        };
        msg!(
            "compare.targets.range-short",
            id = &ours.id,
            value = ours.value_text(),
            target = describe(ours),
            year = ours.year,
            upper = &self.upper.document.id,
            national = theirs.value_text(),
            min,
            by = ((national - min) * 100.0).round() / 100.0,
            max,
            upper_end
        )
    }
}
