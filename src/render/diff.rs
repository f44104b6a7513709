//! `xhht diff` as side-by-side tables: a reader can check each row against
//! the two texts.

use crate::compare::{Diff, Relation};
use crate::finding::{Finding, Tally};
use crate::i18n::Lang;
use crate::render::report::{Block, comparison_blocks, target_status, terminal};

pub fn render(diff: &Diff, color: bool) -> String {
    let mut blocks = Vec::new();
    for comparison in &diff.comparisons {
        let relation = match comparison.relation {
            Relation::Parent => "its parent plan",
            Relation::Implements => "a scheme it implements",
            Relation::Chosen => "the plan named with --against",
        };
        blocks.push(Block::Para(format!(
            "\n{} against {} ({relation})",
            diff.plan, comparison.against
        )));
        if comparison.targets.is_empty() && comparison.duties.is_empty() {
            blocks.push(Block::Para("nothing to compare on either side".into()));
        }
        blocks.extend(comparison_blocks(comparison, Lang::En));
    }
    let mut out = terminal(&blocks, color);
    if !diff.findings.is_empty() {
        out.push_str("\nfindings:\n");
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
        f.message
    )
}

fn summary(diff: &Diff) -> String {
    let count = |label: &str| {
        diff.comparisons
            .iter()
            .flat_map(|c| &c.targets)
            .filter(|r| target_status(&r.status, Lang::En).split(':').next() == Some(label))
            .count()
    };
    let tally = Tally::of(&diff.findings);
    format!(
        "\n{}: {} gaps, {} shortfalls, {} meet, {} exceed, {} not comparable, {} without a national figure, {} local only; {} errors, {} warnings, {} infos\n",
        diff.plan,
        count("gap"),
        count("shortfall"),
        count("meets"),
        count("exceeds"),
        count("not comparable"),
        count("no national figure"),
        count("local only"),
        tally.errors,
        tally.warnings,
        tally.infos
    )
}
