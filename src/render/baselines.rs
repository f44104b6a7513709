//! `xhht baselines`: the embedded schemes, with how far their figures can be
//! trusted.

use comfy_table::{ContentArrangement, Table, presets};

use crate::baselines::Honesty;
use crate::i18n::{self, Lang};
use crate::model::{Plan, Target, TargetValue, Verification};
use crate::tr;

pub fn table(color: bool) -> Table {
    let mut table = Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED);
    table.set_content_arrangement(ContentArrangement::Dynamic);
    if !color {
        table.force_no_tty();
        table.set_width(140);
    }
    table
}

pub fn list(plans: &[&Plan], color: bool) -> String {
    let lang = i18n::lang();
    let mut t = table(color);
    t.set_header([
        lang.pick("id", "mã"),
        lang.pick("decision", "quyết định"),
        lang.pick("date", "ngày"),
        lang.pick("period", "thời kỳ"),
        lang.pick("targets", "chỉ tiêu"),
        lang.pick("verified", "đã kiểm chứng"),
        lang.pick("summary/local only", "chỉ có bản tóm tắt/địa phương"),
        lang.pick("unverified", "chưa được kiểm chứng"),
        lang.pick("disputed", "không thống nhất"),
        lang.pick("no figure", "không có số liệu"),
    ]);
    for plan in plans {
        let doc = &plan.document;
        let h = Honesty::of(plan);
        t.add_row([
            doc.id.clone(),
            doc.number
                .as_ref()
                .map(|n| n.to_string())
                .unwrap_or_default(),
            doc.date.map(|d| d.to_string()).unwrap_or_default(),
            match doc.period.end {
                Some(end) => format!("{}-{end}", doc.period.start),
                None => format!("{}-", doc.period.start),
            },
            h.targets.to_string(),
            h.verified.to_string(),
            h.secondary.to_string(),
            h.unverified.to_string(),
            h.disputed.to_string(),
            h.unavailable.to_string(),
        ]);
    }
    t.to_string()
}

pub fn show(plan: &Plan, color: bool) -> String {
    let lang = i18n::lang();
    let doc = &plan.document;
    let mut out = format!(
        "{} — {}\n{}{}\n",
        doc.id,
        doc.title,
        doc.number
            .as_ref()
            .map(|n| format!("{n}, "))
            .unwrap_or_default(),
        doc.date
            .map(|d| d.to_string())
            .unwrap_or_else(|| lang.pick("no date", "không rõ ngày").into()),
    );
    if let Some(note) = &doc.note {
        out.push_str(&tr!("note: {note}\n", "ghi chú: {note}\n"));
    }
    if plan.targets.is_empty() {
        out.push_str(&tr!(
            "\nThis scheme has no targets on record: a comparison against it can only say so.\n",
            "\nĐề án này không có chỉ tiêu nào được ghi nhận: việc so sánh với đề án này chỉ có thể nêu điều đó.\n"
        ));
        return out;
    }
    // Grouped by how far each figure can be trusted, most trusted first; the
    // notes behind each flag stay in the plan file.
    let mut targets: Vec<&Target> = plan.targets.iter().collect();
    targets.sort_by(|a, b| {
        (a.year, &a.indicator, a.level, &a.condition).cmp(&(
            b.year,
            &b.indicator,
            b.level,
            &b.condition,
        ))
    });
    for group in TRUST_GROUPS {
        let members: Vec<&Target> = targets
            .iter()
            .copied()
            .filter(|t| trust_group(t) == *group)
            .collect();
        if members.is_empty() {
            continue;
        }
        out.push_str(&format!("\n{} ({}):\n", group.heading(lang), members.len()));
        let mut t = table(color);
        t.set_header([
            lang.pick("indicator", "chỉ tiêu"),
            lang.pick("level", "mức độ"),
            lang.pick("condition", "điều kiện"),
            lang.pick("year", "năm"),
            lang.pick("value", "giá trị"),
            lang.pick("flag", "mức độ kiểm chứng"),
        ]);
        for target in members {
            t.add_row([
                target.indicator.clone(),
                target.level.map(|l| l.to_string()).unwrap_or_default(),
                target.condition.clone().unwrap_or_default(),
                target.year.to_string(),
                target.value_text().render(lang),
                trust_text(target, lang).to_owned(),
            ]);
        }
        out.push_str(&t.to_string());
        out.push('\n');
    }
    let h = Honesty::of(plan);
    out.push_str(&tr!(
        "\n{} targets: {} verified, {} from a summary or provincial restatement only, {} unverified, {} disputed, {} with no figure found\n",
        "\n{} chỉ tiêu: {} đã kiểm chứng, {} chỉ dựa trên bản tóm tắt hoặc kế hoạch của tỉnh nhắc lại, {} chưa được kiểm chứng, {} có các nguồn không thống nhất, {} không tìm thấy số liệu\n",
        h.targets,
        h.verified,
        h.secondary,
        h.unverified,
        h.disputed,
        h.unavailable
    ));
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TrustGroup {
    Verified,
    Secondary,
    Doubtful,
    Unavailable,
}

const TRUST_GROUPS: &[TrustGroup] = &[
    TrustGroup::Verified,
    TrustGroup::Secondary,
    TrustGroup::Doubtful,
    TrustGroup::Unavailable,
];

impl TrustGroup {
    fn heading(self, lang: Lang) -> &'static str {
        match self {
            Self::Verified => lang.pick(
                "Verified in a Vietnamese source",
                "Đã kiểm chứng trong văn bản tiếng Việt",
            ),
            Self::Secondary => lang.pick(
                "Resting on a summary or a provincial restatement only",
                "Chỉ dựa trên bản tóm tắt hoặc kế hoạch của tỉnh nhắc lại",
            ),
            Self::Doubtful => lang.pick(
                "Unverified or disputed: never grounds for a hard shortfall",
                "Chưa được kiểm chứng hoặc các nguồn không thống nhất: không bao giờ là căn cứ để kết luận chắc chắn thấp hơn chỉ tiêu",
            ),
            Self::Unavailable => lang.pick(
                "Named, but no figure found",
                "Có nêu, nhưng không tìm thấy số liệu",
            ),
        }
    }
}

fn trust_group(target: &Target) -> TrustGroup {
    if target.value == TargetValue::Unavailable {
        return TrustGroup::Unavailable;
    }
    match target.verification {
        Some(Verification::Verified | Verification::VerifiedDerived) => TrustGroup::Verified,
        Some(
            Verification::VerifiedEn | Verification::VerifiedLocal | Verification::SingleSource,
        ) => TrustGroup::Secondary,
        Some(Verification::Unverified | Verification::Disputed | Verification::NotFound) | None => {
            TrustGroup::Doubtful
        }
    }
}

pub fn trust_text(target: &Target, lang: Lang) -> &'static str {
    if target.value == TargetValue::Unavailable {
        return lang.pick("no figure found", "không tìm thấy số liệu");
    }
    match target.verification {
        Some(Verification::Verified) => lang.pick("verified", "đã kiểm chứng"),
        Some(Verification::VerifiedDerived) => lang.pick(
            "verified (derived from an official review)",
            "đã kiểm chứng (suy ra từ báo cáo tổng kết chính thức)",
        ),
        Some(Verification::VerifiedEn) => lang.pick(
            "summary only (English/French)",
            "chỉ có bản tóm tắt (tiếng Anh/Pháp)",
        ),
        Some(Verification::VerifiedLocal) => lang.pick(
            "provincial restatement only",
            "chỉ có kế hoạch của tỉnh nhắc lại",
        ),
        Some(Verification::SingleSource) => lang.pick("single source", "chỉ có một nguồn"),
        Some(Verification::Unverified) | None => lang.pick("unverified", "chưa được kiểm chứng"),
        Some(Verification::Disputed) => lang.pick("disputed", "các nguồn không thống nhất"),
        Some(Verification::NotFound) => lang.pick("not found", "không tìm thấy"),
    }
}
