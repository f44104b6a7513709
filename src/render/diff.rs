//! `xhht diff` as side-by-side tables: a reader can check each row against
//! the two texts.

use crate::compare::{Diff, Relation, TargetStatus};
use crate::finding::{Finding, Tally};
use crate::render::report::{Block, comparison_blocks, terminal};
use crate::tr;

pub fn render(diff: &Diff, color: bool) -> String {
    let lang = crate::i18n::lang();
    let mut blocks = Vec::new();
    for comparison in &diff.comparisons {
        let relation = match comparison.relation {
            Relation::Parent => lang.pick("its parent plan", "kế hoạch cấp trên"),
            Relation::Implements => {
                lang.pick("a scheme it implements", "đề án mà kế hoạch triển khai")
            }
            Relation::Chosen => lang.pick(
                "the plan named with --against",
                "văn bản được chỉ định bằng --against",
            ),
        };
        blocks.push(Block::Para(tr!(
            "\n{} against {} ({relation})",
            "\n{} so với {} ({relation})",
            diff.plan,
            comparison.against
        )));
        if comparison.targets.is_empty() && comparison.duties.is_empty() {
            blocks.push(Block::Para(tr!(
                "nothing to compare on either side",
                "cả hai bên đều không có nội dung để so sánh"
            )));
        }
        blocks.extend(comparison_blocks(comparison, lang));
    }
    let mut out = terminal(&blocks, color);
    if !diff.findings.is_empty() {
        out.push_str(&tr!("\nfindings:\n", "\nCác phát hiện:\n"));
        for f in &diff.findings {
            out.push_str(&line(f));
        }
    }
    out.push_str(&summary(diff));
    out
}

/// `file:line:col: severity[code]: message`, the form editors and CI parse.
pub fn line(f: &Finding) -> String {
    format!(
        "{}:{}:{}: {}[{}]: {}\n",
        f.location.file.display(),
        f.location.line,
        f.location.column,
        f.severity,
        f.code,
        f.message.render(crate::i18n::lang())
    )
}

fn summary(diff: &Diff) -> String {
    let count = |wanted: fn(&TargetStatus) -> bool| {
        diff.comparisons
            .iter()
            .flat_map(|c| &c.targets)
            .filter(|r| wanted(&r.status))
            .count()
    };
    let tally = Tally::of(&diff.findings);
    let own = count(|s| *s == TargetStatus::OwnFigure);
    let mut out = tr!(
        "\n{}: {} gaps, {} shortfalls, {} meet, {} exceed, {} not committed, {} not applicable, {} not comparable, {} without a national figure, {} local only; {} errors, {} warnings, {} infos\n",
        "\n{}: {} còn thiếu, {} thấp hơn chỉ tiêu, {} đạt, {} vượt, {} không cam kết, {} không áp dụng, {} không so sánh được, {} không có số liệu quốc gia, {} chỉ có ở địa phương; {} lỗi, {} cảnh báo, {} thông tin\n",
        diff.plan,
        count(|s| *s == TargetStatus::Gap),
        count(|s| *s == TargetStatus::Shortfall),
        count(|s| *s == TargetStatus::Meets),
        count(|s| *s == TargetStatus::Exceeds),
        count(|s| matches!(s, TargetStatus::NotCommitted(_))),
        count(|s| matches!(s, TargetStatus::NotApplicable(_))),
        count(|s| matches!(s, TargetStatus::NotComparable(_))),
        count(|s| *s == TargetStatus::NoNationalFigure),
        count(|s| *s == TargetStatus::LocalOnly),
        tally.errors,
        tally.warnings,
        tally.infos
    );
    if own > 0 {
        out.push_str(&tr!(
            "{own} rows rest on national figures read from this plan itself: they are neither met nor missed\n",
            "{own} dòng dựa trên số liệu quốc gia lấy từ chính kế hoạch này: không được tính là đạt hay không đạt\n"
        ));
    }
    out
}
