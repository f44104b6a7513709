//! Writes a seeded, synthetic national corpus for benchmarks: a plan for
//! each of the 34 provinces in force since 1 July 2025 (their real ids and
//! names, read from `catalogue/units.yaml`) for 2026-2030 under Đề án 1373,
//! and a plan for each of the 3,321 communes and wards under them (their
//! real names, read from the General Statistics Office's list in
//! `catalogue/units/after-2025.tsv`), each linked to its province's plan.
//!
//! ```sh
//! cargo run --release --example corpus -- --seed 1 --out /tmp/corpus [--scale 2]
//! ```
//!
//! Everything else is MADE UP, and every file says so in its note: no such
//! plans exist in the repository; figures, dates, document numbers and task wording
//! are drawn from templates shaped like the bundled plans (tens of targets,
//! tens of tasks with deadlines, some recurring). About 17% of the files
//! carry findings on purpose: a target of the scheme left out (a gap), a
//! value below the plan above (a shortfall), or a task due before
//! 30 November 2026 and not done (overdue). The other plans record the
//! tasks already due as done.
//!
//! The same seed writes the same bytes. `--scale 2` writes every commune's
//! plan twice (under new ids), for checking that memory does not grow with
//! the number of plans.

#![expect(clippy::print_stdout, reason = "an example prints what it wrote")]

use std::path::PathBuf;

mod generate;

fn main() -> std::io::Result<()> {
    let args = Args::parse();
    let written = generate::write_corpus(&args.out, args.seed, args.scale)?;
    println!(
        "{} plans ({} provinces, {} communes), {:.1} MB, {} with a finding written in, seed {}, in {}",
        written.files,
        written.provinces,
        written.communes,
        f64::from(u32::try_from(written.bytes).unwrap_or(u32::MAX)) / 1e6,
        written.flawed,
        args.seed,
        args.out.display()
    );
    Ok(())
}

struct Args {
    seed: u64,
    out: PathBuf,
    scale: usize,
}

impl Args {
    fn parse() -> Self {
        let mut seed = 1;
        let mut out = None;
        let mut scale = 1;
        let mut args = std::env::args().skip(1);
        while let Some(arg) = args.next() {
            let mut value = || {
                args.next()
                    .unwrap_or_else(|| usage(&format!("{arg} needs a value")))
            };
            match arg.as_str() {
                "--seed" => {
                    seed = value()
                        .parse()
                        .unwrap_or_else(|_| usage("--seed takes a number"));
                }
                "--out" => out = Some(PathBuf::from(value())),
                "--scale" => {
                    scale = value()
                        .parse()
                        .ok()
                        .filter(|&s| s > 0)
                        .unwrap_or_else(|| usage("--scale takes a whole number from 1"));
                }
                other => usage(&format!("unknown argument {other}")),
            }
        }
        let out = out.unwrap_or_else(|| usage("--out DIR is required"));
        Self { seed, out, scale }
    }
}

#[expect(
    clippy::print_stderr,
    reason = "a usage error for the person running it"
)]
fn usage(problem: &str) -> ! {
    eprintln!("corpus: {problem}\nusage: corpus --out DIR [--seed N] [--scale N]");
    std::process::exit(2)
}
