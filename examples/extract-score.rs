//! How well `xhht extract` reads the seed plans, against the bundled
//! plans that encode them by hand (the answer key): recall and precision
//! per seed for targets, bodies (agencies) and deadlines.
//!
//! `cargo run --release --example extract-score` (seeds in ../shared/seeds);
//! `-- --misses` also prints, per seed and kind, the key's items that were
//! not found and the found ones the key does not hold.

#![expect(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "a developer's tool whose output is the table it prints"
)]

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use xhht::extract::{Options, from_text};
use xhht::model::{Plan, Target, TargetValue};
use xhht::text::fold;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let misses = std::env::args().any(|a| a == "--misses");
    let seeds = root.join("../shared/seeds");
    if !seeds.is_dir() {
        eprintln!("no seeds at {}: nothing to score", seeds.display());
        return;
    }
    println!(
        "{:<28} {:<10} {:>6} {:>6} {:>6} {:>7} {:>9}",
        "seed", "kind", "key", "found", "match", "recall", "precision"
    );
    for (seed, key) in answer_keys(root) {
        let path = seeds.join(&seed);
        let Ok(bytes) = std::fs::read(&path) else {
            eprintln!("{seed}: not found, skipped");
            continue;
        };
        let text = xhht::extract::decode::decode(&bytes)
            .expect("seeds are UTF-8")
            .text;
        let draft = from_text(
            &text,
            &Options {
                level: None,
                source: &seed,
                parent: None,
            },
        );
        let found: Vec<&Target> = draft.all_targets().collect();
        let rows = [
            (
                "targets",
                score(&key.targets.iter().collect::<Vec<_>>(), &found, |k, f| {
                    same_target(k, f)
                }),
            ),
            ("bodies", bodies(&key, &draft.plan)),
            ("deadlines", deadlines(&key, &draft.plan)),
        ];
        for (kind, scored) in rows {
            let (wanted, got, matched) = (scored.key, scored.found, scored.matched);
            if misses {
                for item in &scored.missed {
                    println!("  {seed} {kind} MISSED {item}");
                }
                for item in &scored.extra {
                    println!("  {seed} {kind} EXTRA  {item}");
                }
            }
            println!(
                "{:<28} {:<10} {:>6} {:>6} {:>6} {:>7} {:>9}",
                seed,
                kind,
                wanted,
                got,
                matched,
                percent(matched, wanted),
                percent(matched, got)
            );
        }
    }
}

/// Each bundled plan with the seed it encodes (named in `document.sources`).
fn answer_keys(root: &Path) -> Vec<(String, Plan)> {
    let mut keys = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("plans"))
        .expect("plans/ is there")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    for file in files {
        let Ok(loaded) = xhht::load::load_file(&file) else {
            continue;
        };
        let Ok(plan) = loaded.plan else { continue };
        let seed = plan
            .document
            .sources
            .iter()
            .find_map(|s| s.as_str().strip_prefix("seeds/").map(str::to_owned));
        if let Some(seed) = seed {
            keys.push((seed, plan));
        }
    }
    keys.sort_by(|a, b| a.0.cmp(&b.0));
    keys
}

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        return "-".to_owned();
    }
    #[expect(clippy::cast_precision_loss, reason = "small counts")]
    let share = part as f64 * 100.0 / whole as f64;
    format!("{share:.0}%")
}

/// How many items the key holds, how many were found, how many of those
/// match one to one, and (as text) the ones that do not.
struct Scored {
    key: usize,
    found: usize,
    matched: usize,
    missed: Vec<String>,
    extra: Vec<String>,
}

/// One line for an item in the list of misses.
trait Show {
    fn show(&self) -> String;
}

impl Show for &Target {
    fn show(&self) -> String {
        format!(
            "{:?} {} level {:?} | {}",
            self.value,
            self.year,
            self.level,
            self.quote.as_ref().map_or("", xhht::text::Text::as_str)
        )
    }
}

impl Show for &xhht::model::Agency {
    fn show(&self) -> String {
        format!("{} ({})", self.name.as_str(), self.id)
    }
}

impl Show for (String, Option<String>) {
    fn show(&self) -> String {
        format!("{:?} | {}", self.0, self.1.as_deref().unwrap_or(""))
    }
}

/// Each key item takes, of the found items not yet taken that match it,
/// the one whose quote is closest to its own: the first that matches could
/// be the one a later key item needs ("Hằng năm, tăng tỷ lệ …" twice in a
/// section, about different people).
fn score<K: Show, F: Show>(key: &[K], found: &[F], same: impl Fn(&K, &F) -> bool) -> Scored {
    let mut used = HashSet::new();
    let mut missed = Vec::new();
    for k in key {
        let best = (0..found.len())
            .filter(|i| !used.contains(i) && same(k, &found[*i]))
            .max_by_key(|i| closeness(&k.show(), &found[*i].show()));
        if let Some(i) = best {
            used.insert(i);
        } else {
            missed.push(k.show());
        }
    }
    let extra = (0..found.len())
        .filter(|i| !used.contains(i))
        .map(|i| found[i].show())
        .collect();
    Scored {
        key: key.len(),
        found: found.len(),
        matched: used.len(),
        missed,
        extra,
    }
}

fn words(text: &str) -> HashSet<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Words two items' lines share, less the words only one of them has.
fn closeness(key: &str, found: &str) -> i64 {
    let (k, f) = (words(key), words(found));
    let common = k.intersection(&f).count();
    let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    2 * count(common) - count(k.len()) - count(f.len())
}

/// Most of the key's quote is in the found one (or the other way round).
fn overlaps(key: Option<&str>, found: Option<&str>) -> bool {
    let (Some(k), Some(f)) = (key, found) else {
        return false;
    };
    let (k, f) = (words(k), words(f));
    let common = k.intersection(&f).count();
    common * 2 >= k.len().min(f.len()).max(1)
}

fn same_target(key: &Target, found: &Target) -> bool {
    let value = match (&key.value, &found.value) {
        (TargetValue::Point(a), TargetValue::Point(b))
        | (TargetValue::AtLeast(a), TargetValue::AtLeast(b))
        | (TargetValue::Above(a), TargetValue::Above(b)) => (a - b).abs() < 1e-9,
        (TargetValue::Range { min: a, max: b }, TargetValue::Range { min: c, max: d }) => {
            (a - c).abs() < 1e-9 && (b - d).abs() < 1e-9
        }
        (TargetValue::Qualitative, TargetValue::Qualitative) => true,
        _ => false,
    };
    value
        && key.year == found.year
        && key.level == found.level
        && overlaps(
            key.quote.as_ref().map(xhht::text::Text::as_str),
            found.quote.as_ref().map(xhht::text::Text::as_str),
        )
}

fn compact(text: &str) -> String {
    fold(text).chars().filter(|c| c.is_alphanumeric()).collect()
}

fn bodies(key: &Plan, found: &Plan) -> Scored {
    let registry = xhht::registry::Registry::embedded();
    let spellings = |a: &xhht::model::Agency| -> Vec<String> {
        std::iter::once(&a.name)
            .chain(&a.aliases)
            .map(|s| compact(s.as_str()))
            .collect()
    };
    let registered = |a: &xhht::model::Agency| {
        a.registry.clone().or_else(|| {
            registry
                .find(a.name.as_str(), Some(a.level))
                .map(|b| b.id.clone())
        })
    };
    let found: Vec<&xhht::model::Agency> = found.agencies.iter().collect();
    let key: Vec<&xhht::model::Agency> = key.agencies.iter().collect();
    score(&key, &found, |k, f| {
        let (ks, fs) = (spellings(k), spellings(f));
        ks.iter().any(|s| fs.contains(s))
            || registered(k).is_some_and(|id| f.registry.as_deref() == Some(id.as_str()))
    })
}

fn deadlines(key: &Plan, found: &Plan) -> Scored {
    let dated = |plan: &Plan| -> Vec<(String, Option<String>)> {
        plan.tasks
            .iter()
            .filter_map(|t| {
                let wording = fold(t.deadline.as_ref()?.wording.as_str());
                Some((wording, t.quote.as_ref().map(|q| q.as_str().to_owned())))
            })
            .collect()
    };
    let (key, found) = (dated(key), dated(found));
    score(&key, &found, |k, f| {
        k.0 == f.0 && overlaps(k.1.as_deref(), f.1.as_deref())
    })
}
