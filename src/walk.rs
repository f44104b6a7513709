//! Turning the paths a user names into the plan files to check.

use std::path::{Path, PathBuf};

use ignore::WalkBuilder;
use ignore::overrides::OverrideBuilder;

use crate::i18n::Message;
use crate::msg;
use crate::source::Format;

/// Globs that narrow a directory search, as `--include` and `--exclude` give them.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub include: Vec<String>,
    pub exclude: Vec<String>,
}

/// Why the paths a user named gave no list of files. The cause is part of
/// the message rather than a `source`, so an error chain does not say it twice.
#[derive(Debug, thiserror::Error)]
pub enum WalkError {
    Path {
        path: PathBuf,
        error: std::io::Error,
    },
    Glob {
        option: &'static str,
        glob: String,
        error: ignore::Error,
    },
    Globs {
        root: PathBuf,
        error: ignore::Error,
    },
    Search {
        root: PathBuf,
        error: ignore::Error,
    },
}

impl WalkError {
    /// The error in the run's language; the system's own words for the
    /// cause stay as it gives them.
    pub fn message(&self) -> Message {
        match self {
            Self::Path { path, error } => msg!("walk.path", path, error = error.to_string()),
            Self::Glob {
                option,
                glob,
                error,
            } => msg!(
                "walk.glob",
                option = *option,
                glob,
                error = error.to_string()
            ),
            Self::Globs { root, error } => msg!("walk.globs", root, error = error.to_string()),
            Self::Search { root, error } => msg!("walk.search", root, error = error.to_string()),
        }
    }
}

/// English, for logs; the command line renders [`WalkError::message`] in
/// the run's language.
impl std::fmt::Display for WalkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message().english())
    }
}

/// Files under `paths`, sorted so output is the same on every machine.
/// Directories are searched for plan files, honouring .gitignore and
/// skipping hidden entries and status files; a file named explicitly is
/// taken as it is.
pub fn plan_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, WalkError> {
    filtered_plan_files(paths, &Filter::default())
}

pub fn filtered_plan_files(paths: &[PathBuf], filter: &Filter) -> Result<Vec<PathBuf>, WalkError> {
    Ok(find(paths, filter)?
        .into_iter()
        .map(|found| found.path)
        .collect())
}

/// A file to check, and whether the user named it or a directory search
/// found it (a found file that turns out not to be a plan is skipped).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Found {
    pub path: PathBuf,
    pub named: bool,
}

/// [`filtered_plan_files`], saying which files were named.
pub fn find(paths: &[PathBuf], filter: &Filter) -> Result<Vec<Found>, WalkError> {
    let mut files = Vec::new();
    for path in paths {
        if path.as_os_str() == crate::load::STDIN {
            files.push(Found {
                path: path.clone(),
                named: true,
            });
            continue;
        }
        let meta = std::fs::metadata(path).map_err(|error| WalkError::Path {
            path: path.clone(),
            error,
        })?;
        if meta.is_dir() {
            let found = search(path, filter, &Reach::Everything)?;
            files.extend(found.into_iter().map(|path| Found { path, named: false }));
        } else {
            files.push(Found {
                path: path.clone(),
                named: true,
            });
        }
    }
    // A file both named and found is named.
    files.sort_by(|a, b| a.path.cmp(&b.path).then(b.named.cmp(&a.named)));
    files.dedup_by(|a, b| a.path == b.path);
    Ok(files)
}

/// How far a search goes, and what it does with what it cannot read.
pub enum Reach {
    /// Every sub-directory; a directory that cannot be read is an error,
    /// since files the user asked to check would go unchecked.
    Everything,
    /// Looking for plans to compare with: how deep (1 is the directory's
    /// own files), and past what cannot be read.
    Lookup { depth: Option<usize> },
}

/// Plan files under each of `dirs`, for plans to compare with: a file that
/// cannot be listed is one fewer candidate, never a failed run.
pub fn lookup(
    dirs: &[(PathBuf, Option<usize>)],
    filter: &Filter,
) -> Result<Vec<PathBuf>, WalkError> {
    let mut files = Vec::new();
    for (dir, depth) in dirs {
        if dir.is_dir() {
            files.extend(search(dir, filter, &Reach::Lookup { depth: *depth })?);
        }
    }
    files.sort();
    files.dedup();
    Ok(files)
}

/// The plan files under the directory `root` that the filter lets through.
fn search(root: &Path, filter: &Filter, reach: &Reach) -> Result<Vec<PathBuf>, WalkError> {
    let mut overrides = OverrideBuilder::new(root);
    let globs = filter
        .include
        .iter()
        .map(|glob| ("--include", glob, glob.clone()))
        .chain(
            filter
                .exclude
                .iter()
                .map(|glob| ("--exclude", glob, format!("!{glob}"))),
        );
    for (option, glob, pattern) in globs {
        overrides.add(&pattern).map_err(|error| WalkError::Glob {
            option,
            glob: glob.clone(),
            error,
        })?;
    }
    let overrides = overrides.build().map_err(|error| WalkError::Globs {
        root: root.to_owned(),
        error,
    })?;
    let depth = match reach {
        Reach::Everything => None,
        Reach::Lookup { depth } => *depth,
    };
    let walker = WalkBuilder::new(root)
        .hidden(true)
        .git_ignore(true)
        .require_git(false)
        .max_depth(depth)
        .overrides(overrides)
        .build();
    let mut files = Vec::new();
    for entry in walker {
        let entry = match (entry, reach) {
            (Ok(entry), _) => entry,
            (Err(_), Reach::Lookup { .. }) => continue,
            (Err(error), Reach::Everything) => {
                return Err(WalkError::Search {
                    root: root.to_owned(),
                    error,
                });
            }
        };
        let found = entry.path();
        if entry.file_type().is_some_and(|t| t.is_file())
            && Format::from_path(found).is_some()
            && !is_status_file(found)
        {
            files.push(found.to_owned());
        }
    }
    Ok(files)
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

    #[test]
    fn errors_name_the_path_or_the_glob() {
        let missing = plan_files(&["no/such/dir".into()]).unwrap_err();
        assert!(
            missing.to_string().starts_with("no/such/dir: "),
            "{missing}"
        );
        let dir = tempfile::tempdir().unwrap();
        let filter = Filter {
            include: Vec::new(),
            exclude: vec!["[".into()],
        };
        let glob = filtered_plan_files(&[dir.path().to_owned()], &filter).unwrap_err();
        assert!(
            glob.to_string().starts_with("invalid --exclude glob `[`: "),
            "{glob}"
        );
    }
}
