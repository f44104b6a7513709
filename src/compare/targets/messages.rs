//! The findings a target comparison raises, worded for the person who must
//! fix the plan, located in the file they have.

use super::super::evidence::{Certainty, Evidence};
use super::*;
use crate::finding::{Anchor, Finding, Rule, Severity};
use crate::i18n::Lang;
use crate::model::{Plan, Target, TargetValue, Verification};
use crate::source::{FieldPath, SourceFile};
use crate::tr;

/// A finding's severity follows how sure xhht is of the figure it rests on,
/// with a note saying why when it is not an error.
pub(super) fn severity(evidence: &Evidence, theirs: &Target) -> (Severity, Option<String>) {
    match evidence.certainty {
        Certainty::Sure => (Severity::Error, None),
        Certainty::SingleSource => (
            Severity::Warning,
            Some(match theirs.verification {
                Some(Verification::VerifiedEn) => tr!(
                    "the national figure was seen only in English or French summaries of one publisher, which may blur its wording",
                    "số liệu quốc gia chỉ thấy trong bản tóm tắt tiếng Anh hoặc tiếng Pháp của một nguồn, có thể không sát với văn bản gốc"
                ),
                Some(Verification::VerifiedLocal) => tr!(
                    "the national figure rests on one provincial restatement besides this plan",
                    "số liệu quốc gia chỉ dựa trên một kế hoạch của tỉnh khác nhắc lại đề án"
                ),
                _ => tr!(
                    "the national figure rests on a single source",
                    "số liệu quốc gia chỉ dựa trên một nguồn"
                ),
            }),
        ),
        Certainty::Doubtful => (
            Severity::Info,
            Some(match theirs.verification {
                Some(Verification::Disputed) => tr!(
                    "sources disagree on the national figure",
                    "các nguồn không thống nhất về số liệu quốc gia"
                ),
                _ => tr!(
                    "the national figure is unverified",
                    "số liệu quốc gia chưa được kiểm chứng"
                ),
            }),
        ),
        Certainty::OwnFigure => (Severity::Info, None),
    }
}

/// The subject of a target finding: indicator, level, condition and year.
/// The same in every language, so that findings of two runs can be matched.
pub(super) fn subject(t: &Target, year: u16) -> String {
    format!("{} {year}", describe_in(t, Lang::En))
}

/// The indicator with its level and condition, for a message.
pub(super) fn describe(t: &Target) -> String {
    describe_in(t, crate::i18n::lang())
}

pub(super) fn describe_in(t: &Target, lang: Lang) -> String {
    let mut s = t.indicator.clone();
    if let Some(level) = t.level {
        s.push_str(&format!(" ({} {level})", lang.pick("level", "mức độ")));
    }
    if let Some(condition) = &t.condition {
        s.push_str(&format!(" [{condition}]"));
    }
    s
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
    let (severity, rests_on) = severity(evidence, theirs);
    let mut finding = Finding::at(
        Rule::Gap,
        local.source,
        &local.link,
        Anchor::Value,
        tr!(
            "{} sets {} for {} by {}; `{}` has no target for it",
            "{} đặt {} cho {} đến năm {}; `{}` không có chỉ tiêu tương ứng",
            upper.document.id,
            theirs.value_text(),
            describe(theirs),
            theirs.year,
            plan.document.id
        ),
    )
    .severity(severity)
    .about(&plan.document.id, subject(theirs, theirs.year))
    .figures(Some(theirs.value_text().into()), None)
    .rests_on(&upper.document.id, &theirs.id, theirs.verification)
    .related(
        upper_source,
        &FieldPath::root().key("targets").index(index).key("id"),
        tr!(
            "the target in {}",
            "chỉ tiêu trong {}",
            upper.document.id
        ),
    )
    .hint(tr!(
        "add a target with indicator `{}` and year {} to `{}`, a `restates` link from the target that covers it, or a `not_applicable` entry with the reason",
        "bổ sung vào `{2}` một chỉ tiêu có mã chỉ tiêu `{0}` và năm {1}, thêm liên kết `restates` từ chỉ tiêu đã bao hàm nội dung này, hoặc ghi `not_applicable` kèm lý do",
        theirs.indicator,
        theirs.year,
        plan.document.id
    ));
    if let Some(why) = rests_on {
        finding = finding.note(why);
    }
    let related: Vec<String> = plan
        .targets
        .iter()
        .filter(|t| t.indicator == theirs.indicator && t.year == theirs.year)
        .map(|t| {
            let level = t
                .level
                .map(|l| tr!(" at level {l}", ", mức độ {l}"))
                .unwrap_or_default();
            format!("`{}` ({}{level})", t.id, t.value_text())
        })
        .collect();
    if !related.is_empty() {
        finding = finding.note(tr!(
            "the plan does set {} for the same indicator and year: check whether it covers this one",
            "kế hoạch có đặt {} cho cùng chỉ tiêu và năm này: kiểm tra xem có bao hàm chỉ tiêu trên không",
            related.join(", ")
        ));
    }
    finding
}

#[allow(clippy::too_many_arguments)]
pub(super) fn shortfall(
    local: &Local<'_>,
    index: usize,
    ours: &Target,
    upper: &Plan,
    theirs: &Target,
    year: u16,
    evidence: &Evidence,
    verdict: &Verdict,
) -> Finding {
    let (severity, rests_on) = severity(evidence, theirs);
    let path = FieldPath::root().key("targets").index(index).key("value");
    let message = match (&ours.value, ours.level, theirs.level) {
        (TargetValue::Qualitative, _, _) => tr!(
            "`{}` states {} without a figure; {} sets {} by {}",
            "`{}` nêu {} nhưng không có số liệu; {} đặt {} đến năm {}",
            ours.id,
            describe(ours),
            upper.document.id,
            theirs.value_text(),
            theirs.year
        ),
        (_, Some(a), Some(b)) if a < b => tr!(
            "`{}` sets level {a} for {}; {} sets level {b}",
            "`{}` đặt mức độ {a} cho {}; {} đặt mức độ {b}",
            ours.id,
            ours.indicator,
            upper.document.id
        ),
        (TargetValue::Range { min, max }, _, _) if verdict.figures_comparable => {
            let national = floor(&theirs.value).map_or(0.0, |f| f.value);
            tr!(
                "`{}` sets {} for {} by {}; {} sets {}: the lower end ({min}) falls short by {}, the upper end ({max}) {}",
                "`{}` đặt {} cho {} đến năm {}; {} đặt {}: mức thấp ({min}) thiếu {}, mức cao ({max}) {}",
                ours.id,
                ours.value_text(),
                describe(ours),
                ours.year,
                upper.document.id,
                theirs.value_text(),
                ((national - min) * 100.0).round() / 100.0,
                if *max >= national {
                    tr!("meets it", "đạt")
                } else {
                    tr!("falls short too", "cũng thiếu")
                }
            )
        }
        _ => tr!(
            "`{}` sets {} for {} by {}; {} sets {} by {}",
            "`{}` đặt {} cho {} đến năm {}; {} đặt {} đến năm {}",
            ours.id,
            ours.value_text(),
            describe(ours),
            ours.year,
            upper.document.id,
            theirs.value_text(),
            theirs.year
        ),
    };
    let mut finding = Finding::at(Rule::Shortfall, local.source, &path, Anchor::Value, message)
        .severity(severity)
        .figures(
            Some(theirs.value_text().into()),
            Some(ours.value_text().into()),
        )
        .rests_on(&upper.document.id, &theirs.id, theirs.verification);
    if year != theirs.year {
        finding = finding.note(tr!(
            "{} holds every year up to {}, so it binds {year} too",
            "{} áp dụng hằng năm đến năm {}, nên cũng áp dụng cho năm {year}",
            upper.document.id,
            theirs.year
        ));
    }
    if let Some(basis) = &verdict.basis {
        finding = finding.note(basis.clone());
    }
    if let Some(why) = rests_on {
        finding = finding.note(why);
    }
    if let Some(note) = &theirs.note {
        finding = finding.note(tr!(
            "on the national figure: {note}",
            "về số liệu quốc gia: {note}"
        ));
    }
    finding
}
