//! Turning the paths a user names into the plan files to check.

use std::fs;
use std::path::{Path, PathBuf};

use crate::source::Format;

/// Files under `paths`, sorted so output is the same on every machine.
/// Directories are searched for plan files, skipping hidden entries; a file
/// named explicitly is taken as is.
pub fn plan_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, std::io::Error> {
    let mut files = Vec::new();
    for path in paths {
        let meta = fs::metadata(path).map_err(|e| with_path(path, e))?;
        if meta.is_dir() {
            collect(path, &mut files)?;
        } else {
            files.push(path.clone());
        }
    }
    files.sort();
    files.dedup();
    Ok(files)
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), std::io::Error> {
    for entry in fs::read_dir(dir).map_err(|e| with_path(dir, e))? {
        let entry = entry.map_err(|e| with_path(dir, e))?;
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if entry.file_type().map_err(|e| with_path(&path, e))?.is_dir() {
            collect(&path, files)?;
        } else if Format::from_path(&path).is_some() && !is_status_file(&path) {
            files.push(path);
        }
    }
    Ok(())
}

fn with_path(path: &Path, err: std::io::Error) -> std::io::Error {
    std::io::Error::new(err.kind(), format!("{}: {err}", path.display()))
}

/// Status files (`PLAN.status.yaml`) sit beside plans but are not plans.
pub fn is_status_file(path: &Path) -> bool {
    path.file_stem()
        .and_then(|stem| Path::new(stem).extension())
        .is_some_and(|ext| ext == "status")
}
