//! The five seed plans are traceable to their source texts: every quote
//! occurs in the seed, and every seed line that holds a percentage, a quarter
//! ("Quý"), a lead ("chủ trì") or a date is encoded or excused with a reason.

use std::fs;

use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;
use xhht::model::Plan;

use crate::common::root;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Exceptions {
    seed: String,
    exceptions: Vec<Exception>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Exception {
    line: usize,
    reason: String,
}

fn nfc(s: &str) -> String {
    s.nfc().collect()
}

/// The seed plans: bundled plans whose source is a file of ../shared/seeds.
fn seed_plans() -> Vec<(Plan, String)> {
    let files = xhht::walk::plan_files(&[root().join("plans")]).unwrap();
    let seeds: Vec<(Plan, String)> = files
        .iter()
        .filter_map(|path| {
            let plan = xhht::load::load_file(path).unwrap().plan.ok()?;
            let seed = plan
                .document
                .sources
                .iter()
                .find_map(|s| s.as_str().strip_prefix("seeds/").map(str::to_owned))?;
            Some((plan, seed))
        })
        .collect();
    assert_eq!(seeds.len(), 5, "expected the five seed plans");
    seeds
}

fn quotes(plan: &Plan) -> Vec<String> {
    let links = plan.links.implements.iter().chain(&plan.links.parent);
    links
        .map(|l| &l.quote)
        .chain(plan.document.phases.iter().map(|p| &p.quote))
        .chain(plan.citations.iter().map(|c| &c.quote))
        .chain(plan.targets.iter().map(|t| &t.quote))
        .chain(plan.tasks.iter().map(|t| &t.quote))
        .flatten()
        .map(|q| q.as_str().to_owned())
        .collect()
}

fn has_date(line: &str) -> bool {
    let chars: Vec<char> = line.chars().collect();
    let digits = |from: usize, min: usize, max: usize| -> Option<usize> {
        let n = chars[from..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        (min..=max).contains(&n).then_some(from + n)
    };
    let slash_date = (0..chars.len()).any(|i| {
        (i == 0 || !chars[i - 1].is_ascii_digit())
            && digits(i, 1, 2)
                .filter(|&j| chars.get(j) == Some(&'/'))
                .and_then(|j| digits(j + 1, 1, 2))
                .filter(|&j| chars.get(j) == Some(&'/'))
                .and_then(|j| digits(j + 1, 4, 4))
                .is_some_and(|j| chars.get(j).is_none_or(|c| !c.is_ascii_digit()))
    });
    let worded = line.match_indices("ngày ").any(|(i, _)| {
        let rest = &line[i + "ngày ".len()..];
        let day = rest.chars().take_while(char::is_ascii_digit).count();
        (1..=2).contains(&day) && rest[day..].starts_with(" tháng ")
    });
    slash_date || worded
}

fn needs_encoding(line: &str) -> bool {
    line.contains('%')
        || line.contains("Quý")
        || line.to_lowercase().contains("chủ trì")
        || has_date(line)
}

#[test]
fn date_detection() {
    assert!(has_date("trước 15/01/2020"));
    assert!(has_date("ngày 20 tháng 12 hằng năm"));
    assert!(!has_date("giai đoạn 2012 - 2020"));
    assert!(!has_date("tỷ lệ 1/3 số xã"));
}

#[test]
fn every_quote_is_in_its_seed_and_every_figure_line_is_accounted_for() {
    let mut problems = Vec::new();
    for (plan, seed) in seed_plans() {
        let id = &plan.document.id;
        let Some(seed_path) = crate::common::shared(&format!("seeds/{seed}")) else {
            return;
        };
        let text = nfc(&fs::read_to_string(&seed_path)
            .unwrap_or_else(|e| panic!("{}: {e}", seed_path.display())));
        let quotes = quotes(&plan);
        for q in &quotes {
            if !text.lines().any(|line| line.contains(q.as_str())) {
                problems.push(format!("{id}: quote not on any one line of {seed}: {q:?}"));
            }
        }
        let exceptions_path = root().join(format!("tests/seed-exceptions/{id}.yaml"));
        let exceptions: Exceptions =
            serde_saphyr::from_str(&fs::read_to_string(&exceptions_path).unwrap())
                .unwrap_or_else(|e| panic!("{}: {e}", exceptions_path.display()));
        assert_eq!(exceptions.seed, seed, "{}", exceptions_path.display());
        for (n, line) in text.lines().enumerate().map(|(i, l)| (i + 1, l)) {
            let covered = quotes.iter().any(|q| line.contains(q.as_str()));
            match exceptions.exceptions.iter().find(|e| e.line == n) {
                Some(e) if e.reason.trim().is_empty() => {
                    problems.push(format!("{id}: exception for line {n} gives no reason"));
                }
                Some(_) if !needs_encoding(line) => problems.push(format!(
                    "{id}: line {n} is excused but holds nothing to encode"
                )),
                None if needs_encoding(line) && !covered => problems.push(format!(
                    "{id}: {seed} line {n} is neither encoded nor excused: {line:.100}"
                )),
                Some(_) | None => {}
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
