//! The national budget (issue #22): `xhht validate` and `xhht report` over a
//! synthetic national corpus (`examples/corpus`: 34 province plans, 3,321
//! commune plans, 17% with findings), against two floors measured in the
//! same run, interleaved: the same files read and typed-deserialized into
//! xhht's model by libyaml (`yaml_serde`) and by serde-saphyr. Everything runs
//! on two threads, each command in a child process of its own, timed by
//! wall clock with its peak memory from `/usr/bin/time -f %M`. Then
//! `report` once more on twice the corpus, for the memory flatness check.
//!
//! `cargo bench --bench national` (about 5 minutes on 2 cores);
//! `XHHT_BENCH_ROUNDS=1` for a quicker look. Not run by `.ci/run`.

#![expect(clippy::print_stdout, reason = "a benchmark prints its figures")]

#[path = "../examples/corpus/generate.rs"]
mod generate;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use rayon::prelude::*;

const THREADS: &str = "2";
const AS_OF: &str = "2026-11-30";

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // A child run of this binary: one floor, timed by the parent.
    if let Some(at) = args.iter().position(|a| a == "--floor") {
        floor(&args[at + 1], Path::new(&args[at + 2]));
        return;
    }
    let rounds = std::env::var("XHHT_BENCH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    let work = tempfile::tempdir().expect("a temporary directory");
    let single = work.path().join("corpus");
    let double = work.path().join("corpus-x2");
    let written = generate::write_corpus(&single, 1, 1).expect("the corpus is written");
    let written_x2 = generate::write_corpus(&double, 1, 2).expect("the corpus is written");
    println!(
        "corpus: {} files ({} provinces, {} communes), {:.1} MB, {} with findings written in; ×2: {} files, {:.1} MB",
        written.files,
        written.provinces,
        written.communes,
        mb(written.bytes),
        written.flawed,
        written_x2.files,
        mb(written_x2.bytes),
    );
    println!("load before: {}", loadavg());

    let commands = commands(&single, &double);
    let mut best: Vec<Measure> = commands.iter().map(|_| Measure::default()).collect();
    for round in 1..=rounds {
        for (command, best) in commands.iter().zip(&mut best) {
            let measure = run(command);
            best.seconds = best.seconds.min(measure.seconds);
            best.peak_kb = best.peak_kb.max(measure.peak_kb);
        }
        println!("round {round}/{rounds} done, load {}", loadavg());
    }
    print_table(&commands, &best, rounds);
}

struct Bench {
    label: &'static str,
    program: PathBuf,
    args: Vec<String>,
}

fn commands(single: &Path, double: &Path) -> Vec<Bench> {
    let me = std::env::current_exe().expect("the bench knows its own path");
    let xhht = PathBuf::from(env!("CARGO_BIN_EXE_xhht"));
    let floor = |label, parser: &str| Bench {
        label,
        program: me.clone(),
        args: vec![
            "--floor".into(),
            parser.into(),
            single.display().to_string(),
        ],
    };
    let xhht_run = |label, dir: &Path, command: &[&str]| Bench {
        label,
        program: xhht.clone(),
        args: command
            .iter()
            .map(ToString::to_string)
            .chain([dir.display().to_string()])
            .chain(["--format", "json", "-o", "/dev/null"].map(String::from))
            .collect(),
    };
    vec![
        floor("libyaml typed deserialize (floor)", "libyaml"),
        floor("serde-saphyr typed deserialize", "saphyr"),
        xhht_run("xhht validate", single, &["validate"]),
        xhht_run(
            "xhht report --as-of 2026-11-30",
            single,
            &["report", "--as-of", AS_OF],
        ),
        xhht_run(
            "xhht report, corpus ×2",
            double,
            &["report", "--as-of", AS_OF],
        ),
    ]
}

struct Measure {
    seconds: f64,
    peak_kb: u64,
}

impl Default for Measure {
    fn default() -> Self {
        Self {
            seconds: f64::MAX,
            peak_kb: 0,
        }
    }
}

/// Runs one command in a child under `/usr/bin/time`, on two threads.
fn run(bench: &Bench) -> Measure {
    let rusage = tempfile::NamedTempFile::new().expect("a temporary file");
    let started = Instant::now();
    let status = Command::new("/usr/bin/time")
        .arg("-f")
        .arg("%M")
        .arg("-o")
        .arg(rusage.path())
        .arg(&bench.program)
        .args(&bench.args)
        .env("RAYON_NUM_THREADS", THREADS)
        .stdout(std::process::Stdio::null())
        .status()
        .expect("/usr/bin/time runs (apt-get install time)");
    let elapsed = started.elapsed();
    // validate and report exit 1 when they find something, as they should here.
    assert!(
        matches!(status.code(), Some(0 | 1)),
        "{} failed: {status}",
        bench.label
    );
    let peak_kb = std::fs::read_to_string(rusage.path())
        .ok()
        .and_then(|text| text.lines().last()?.trim().parse().ok())
        .expect("/usr/bin/time wrote the peak memory");
    Measure {
        seconds: elapsed.as_secs_f64(),
        peak_kb,
    }
}

/// Reads and deserializes every plan under `dir` into xhht's model, on
/// two threads, and keeps them all, as a run that compares them must.
fn floor(parser: &str, dir: &Path) {
    rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build_global()
        .expect("a thread pool");
    let files = xhht::walk::plan_files(&[dir.to_owned()]).expect("the corpus is readable");
    let plans: Vec<xhht::model::Plan> = files
        .par_iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).expect("a readable plan");
            match parser {
                // xhht's enums are maps with one key (`value: {point: 45}`),
                // which libyaml's serde reads as tags unless told.
                "libyaml" => yaml_serde::with::singleton_map_recursive::deserialize(
                    yaml_serde::Deserializer::from_str(&text),
                )
                .expect("libyaml reads the plan"),
                _ => serde_saphyr::from_str(&text).expect("serde-saphyr reads the plan"),
            }
        })
        .collect();
    assert_eq!(plans.len(), files.len());
}

fn print_table(commands: &[Bench], best: &[Measure], rounds: usize) {
    let libyaml = best[0].seconds;
    let saphyr = best[1].seconds;
    println!("\n2 threads, best time and highest peak of {rounds} interleaved rounds:\n");
    println!(
        "| {:<36} | {:>8} | {:>9} | {:>8} | {:>7} |",
        "command", "seconds", "× libyaml", "× saphyr", "peak MB"
    );
    println!(
        "|{:-<38}|{:->10}|{:->11}|{:->10}|{:->9}|",
        "", ":", ":", ":", ":"
    );
    for (command, measure) in commands.iter().zip(best) {
        println!(
            "| {:<36} | {:>8.2} | {:>9.2} | {:>8.2} | {:>7.0} |",
            command.label,
            measure.seconds,
            measure.seconds / libyaml,
            measure.seconds / saphyr,
            megabytes(measure.peak_kb),
        );
    }
    let single = megabytes(best[3].peak_kb);
    let double = megabytes(best[4].peak_kb);
    println!(
        "\nreport peak memory on twice the corpus: {:+.0}% (flat means at most +10%)",
        (double / single - 1.0) * 100.0
    );
    println!("load after: {}", loadavg());
}

fn mb(bytes: usize) -> f64 {
    f64::from(u32::try_from(bytes).unwrap_or(u32::MAX)) / 1e6
}

/// Kilobytes, as `/usr/bin/time` gives them, in megabytes.
fn megabytes(kb: u64) -> f64 {
    f64::from(u32::try_from(kb).unwrap_or(u32::MAX)) / 1024.0
}

/// The machine's load, so a reader can judge the figures.
fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map_or_else(|_| "unknown".to_owned(), |l| l.trim().to_owned())
}
