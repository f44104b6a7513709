//! `xhht diff` as side-by-side tables: a reader can check each row against
//! the two texts.

use crate::compare::{Diff, Relation, TargetStatus, function_label};
use crate::finding::{Finding, Tally};
use crate::render::baselines::table;

pub fn render(diff: &Diff, color: bool) -> String {
    let mut out = String::new();
    for comparison in &diff.comparisons {
        let relation = match comparison.relation {
            Relation::Parent => "its parent plan",
            Relation::Implements => "a scheme it implements",
            Relation::Chosen => "the plan named with --against",
        };
        out.push_str(&format!(
            "\n{} against {} ({relation})\n",
            diff.plan, comparison.against
        ));
        if comparison.targets.is_empty() {
            out.push_str("no targets on either side\n");
        } else {
            let mut t = table(color);
            t.set_header([
                "indicator",
                "level",
                "year",
                "scheme",
                "plan",
                "difference",
                "status",
            ]);
            for row in &comparison.targets {
                let mut indicator = row.indicator.clone();
                if let Some(condition) = &row.condition {
                    indicator.push_str(&format!(" [{condition}]"));
                }
                let mut status = row.status.label().to_owned();
                if let TargetStatus::NotComparable(why) = &row.status {
                    status.push_str(&format!(": {why}"));
                }
                if let Some(flag) = row.verification.filter(|_| row.scheme_value.is_some()) {
                    let flag = serde_json::to_value(flag)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_owned));
                    if let Some(flag) = flag.filter(|f| f != "verified" && f != "verified-derived")
                    {
                        status.push_str(&format!(" ({flag})"));
                    }
                }
                t.add_row([
                    indicator,
                    row.level.map(|l| l.to_string()).unwrap_or_default(),
                    row.year.to_string(),
                    row.scheme_value.clone().unwrap_or_else(|| "—".into()),
                    row.plan_value.clone().unwrap_or_else(|| "—".into()),
                    row.difference.map(|d| format!("{d:+}")).unwrap_or_default(),
                    status,
                ]);
            }
            out.push_str(&t.to_string());
            out.push('\n');
        }
        if !comparison.duties.is_empty() {
            let mut t = table(color);
            t.set_header([
                "function",
                "scheme duties",
                "national lead",
                "expected local owner",
                "local tasks",
                "status",
            ]);
            for row in &comparison.duties {
                t.add_row([
                    function_label(row.function),
                    row.duties.join(", "),
                    row.national_leads.join("; "),
                    row.expected_owners.join("; "),
                    abbreviate(&row.local_tasks),
                    row.status.label().to_owned(),
                ]);
            }
            out.push_str(&t.to_string());
            out.push('\n');
        }
    }
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
            .filter(|r| r.status.label() == label)
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

/// The first few ids and a count, so a long list does not swamp the table.
fn abbreviate(ids: &[String]) -> String {
    const SHOWN: usize = 3;
    match ids.len() {
        0 => "—".into(),
        n if n <= SHOWN => ids.join(", "),
        n => format!("{} and {} more", ids[..SHOWN].join(", "), n - SHOWN),
    }
}
