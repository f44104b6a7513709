//! The loading budget (issue: plan model): a full check of every plan in the
//! country, 3,355 files, should take at most 1.5× the time serde-saphyr (and
//! toml) take to deserialize the same files into the same types, both on two
//! threads. Run with `cargo bench --bench check`; prints both times and the
//! ratio. The corpus is the bundled plans, copied under fresh ids.

#![expect(clippy::print_stdout, reason = "a benchmark prints its figures")]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

const FILES: usize = 3_355;
const RUNS: usize = 3;

fn corpus(dir: &Path) -> (Vec<PathBuf>, u64) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    let sources: Vec<PathBuf> = xhht::walk::plan_files(&[root])
        .unwrap()
        .into_iter()
        .filter(|p| !p.to_string_lossy().contains("national"))
        .collect();
    let mut files = Vec::with_capacity(FILES);
    let mut bytes = 0;
    for i in 0..FILES {
        let source = &sources[i % sources.len()];
        let text = std::fs::read_to_string(source).unwrap();
        let plan = xhht::load::load_file(source).unwrap().plan.unwrap();
        let id = &plan.document.id;
        // A fresh document id keeps every copy a distinct plan.
        let text = text
            .replacen(&format!("id: {id}"), &format!("id: {id}-{i}"), 1)
            .replacen(&format!("id = \"{id}\""), &format!("id = \"{id}-{i}\""), 1);
        let path = dir.join(format!(
            "{i:04}-{}",
            source.file_name().unwrap().to_string_lossy()
        ));
        bytes += text.len() as u64;
        std::fs::write(&path, text).unwrap();
        files.push(path);
    }
    (files, bytes)
}

fn time(run: impl FnOnce()) -> Duration {
    let started = Instant::now();
    run();
    started.elapsed()
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let (files, bytes) = corpus(dir.path());
    rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build_global()
        .unwrap();

    // Interleaved, so both measurements see the same machine.
    let mut deserialize = Duration::MAX;
    let mut check = Duration::MAX;
    for _ in 0..RUNS {
        deserialize = deserialize.min(time(|| {
            let plans: Vec<xhht::model::Plan> = files
                .par_iter()
                .map(|path| {
                    let text = std::fs::read_to_string(path).unwrap();
                    if path.extension().is_some_and(|e| e == "toml") {
                        toml::from_str(&text).unwrap()
                    } else {
                        serde_saphyr::from_str(&text).unwrap()
                    }
                })
                .collect();
            assert_eq!(plans.len(), FILES);
        }));
        check = check.min(time(|| {
            let checked = xhht::check::check_paths(&[dir.path().to_owned()]).unwrap();
            assert_eq!(checked.files.len(), FILES);
        }));
    }
    println!(
        "{FILES} files, {:.1} MB, 2 threads, best of {RUNS}:\n  deserialize only: {:>8.3} s\n  xhht full check:  {:>8.3} s ({} findings)\n  ratio: {:.2} (budget 1.50)",
        f64::from(u32::try_from(bytes / 1000).unwrap_or(u32::MAX)) / 1e3,
        deserialize.as_secs_f64(),
        check.as_secs_f64(),
        xhht::check::check_paths(&[dir.path().to_owned()])
            .unwrap()
            .findings
            .len(),
        check.as_secs_f64() / deserialize.as_secs_f64()
    );
}
