//! Turning the paths a user names into the plan files to check.

use std::path::{Path, PathBuf};

use ignore::WalkBuilder;
use ignore::overrides::OverrideBuilder;

use crate::source::Format;

/// Globs that narrow a directory search, as `--include` and `--exclude` give them.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub include: Vec<String>,
    pub exclude: Vec<String>,
}

/// Files under `paths`, sorted so output is the same on every machine.
/// Directories are searched for plan files, honouring .gitignore and
/// skipping hidden entries and status files; a file named explicitly is
/// taken as it is.
pub fn plan_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, std::io::Error> {
    filtered_plan_files(paths, &Filter::default())
}

pub fn filtered_plan_files(
    paths: &[PathBuf],
    filter: &Filter,
) -> Result<Vec<PathBuf>, std::io::Error> {
    let mut files = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| with_path(path, e))?;
        if !meta.is_dir() {
            files.push(path.clone());
            continue;
        }
        let mut overrides = OverrideBuilder::new(path);
        for glob in &filter.include {
            overrides.add(glob).map_err(|e| invalid_glob(glob, e))?;
        }
        for glob in &filter.exclude {
            overrides
                .add(&format!("!{glob}"))
                .map_err(|e| invalid_glob(glob, e))?;
        }
        let overrides = overrides.build().map_err(|e| invalid_glob("", e))?;
        let walker = WalkBuilder::new(path)
            .hidden(true)
            .git_ignore(true)
            .require_git(false)
            .overrides(overrides)
            .build();
        for entry in walker {
            let entry =
                entry.map_err(|e| std::io::Error::other(format!("{}: {e}", path.display())))?;
            let found = entry.path();
            if entry.file_type().is_some_and(|t| t.is_file())
                && Format::from_path(found).is_some()
                && !is_status_file(found)
            {
                files.push(found.to_owned());
            }
        }
    }
    files.sort();
    files.dedup();
    Ok(files)
}

fn invalid_glob(glob: &str, err: ignore::Error) -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::InvalidInput,
        format!("invalid glob `{glob}`: {err}"),
    )
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

#[cfg(test)]
mod tests {
    use super::*;

    fn names(files: &[PathBuf], root: &Path) -> Vec<String> {
        files
            .iter()
            .map(|f| {
                f.strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect()
    }

    #[test]
    fn walking_honours_gitignore_globs_and_status_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for file in [
            "a.yaml",
            "b.toml",
            "b.status.yaml",
            "draft/c.yml",
            "skip/d.yaml",
            ".hidden/e.yaml",
            "notes.txt",
        ] {
            let path = root.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "").unwrap();
        }
        std::fs::write(root.join(".gitignore"), "skip/\n").unwrap();
        let all = plan_files(&[root.to_owned()]).unwrap();
        assert_eq!(names(&all, root), ["a.yaml", "b.toml", "draft/c.yml"]);
        let filter = Filter {
            include: vec!["*.yaml".into(), "*.yml".into()],
            exclude: vec!["draft/**".into()],
        };
        let some = filtered_plan_files(&[root.to_owned()], &filter).unwrap();
        assert_eq!(names(&some, root), ["a.yaml"]);
    }
}
