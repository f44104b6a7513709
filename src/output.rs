//! Writing a result where the user asked, and nothing else: never over a file
//! the run reads, never half a file, never a device node replaced by a
//! regular file. An interrupted write leaves nothing behind.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Why a result could not be written where asked. `Display` is English, for
/// logs; the command line shows [`OutputError::message`] in the run's language.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.message().english())]
pub enum OutputError {
    IsInput(PathBuf),
    MayBePlan(PathBuf),
    IsDirectory(PathBuf),
    NotWritable(PathBuf),
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
}

impl OutputError {
    /// What went wrong and what to do, for the run's language.
    pub fn message(&self) -> crate::i18n::Message {
        use crate::msg;
        match self {
            Self::IsInput(path) => msg!("output.is-input", path),
            Self::MayBePlan(path) => msg!("output.may-be-plan", path),
            Self::IsDirectory(path) => msg!("output.is-directory", path),
            Self::NotWritable(path) => msg!("output.not-writable", path),
            Self::Io { path, error } => msg!("output.io", path, error = error.to_string()),
        }
    }
}

/// Temporary files being written, removed if the run is interrupted.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// On Ctrl-C or SIGTERM: remove half-written temporary files, then stop as
/// an interrupted program does (exit 130).
pub fn clean_up_when_interrupted() {
    // Setting the handler fails only if another was set, which xhht never does.
    let _ = ctrlc::set_handler(|| {
        let pending = PENDING.lock().map(|p| p.clone()).unwrap_or_default();
        for path in pending {
            let _ = std::fs::remove_file(path);
        }
        std::process::exit(130);
    });
}

/// Writes a report (or an accepted-findings file) like [`write`], and
/// never to a `.yaml`, `.yml` or `.toml` path: no report is YAML or TOML,
/// so such a file is a plan or a status file, read by this run or not, and
/// a new one would be taken for a plan by the next run.
pub fn write_report(path: &Path, bytes: &[u8], inputs: &[&Path]) -> Result<(), OutputError> {
    write_report_with(path, &|out| out.write_all(bytes), inputs)
}

/// [`write_report`] of what `contents` writes, as it writes it.
pub fn write_report_with(
    path: &Path,
    contents: &dyn Fn(&mut dyn Write) -> std::io::Result<()>,
    inputs: &[&Path],
) -> Result<(), OutputError> {
    refuse_input(path, inputs)?;
    if crate::source::Format::from_path(path).is_some() {
        return Err(OutputError::MayBePlan(path.to_owned()));
    }
    write_with(path, contents, inputs)
}

/// Writes `bytes` to `path`, unless `path` is one of `inputs`. A regular
/// file (or a link to one) is replaced atomically, through a synced
/// temporary file beside it; a device or a pipe (`/dev/null`,
/// `/dev/stdout`) is written in place, never replaced.
pub fn write(path: &Path, bytes: &[u8], inputs: &[&Path]) -> Result<(), OutputError> {
    write_with(path, &|out| out.write_all(bytes), inputs)
}

fn write_with(
    path: &Path,
    contents: &dyn Fn(&mut dyn Write) -> std::io::Result<()>,
    inputs: &[&Path],
) -> Result<(), OutputError> {
    let io = |error| OutputError::Io {
        path: path.to_owned(),
        error,
    };
    refuse_input(path, inputs)?;
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => {
            // Through a link, the file it points to is replaced, not the link.
            let target = path.canonicalize().map_err(io)?;
            replace(&target, contents).map_err(io)
        }
        Ok(meta) if meta.is_dir() => Err(OutputError::IsDirectory(path.to_owned())),
        Ok(meta) if is_device_or_pipe(&meta) => std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .and_then(|file| {
                let mut out = std::io::BufWriter::new(file);
                contents(&mut out)?;
                out.flush()
            })
            .map_err(io),
        Ok(_) => Err(OutputError::NotWritable(path.to_owned())),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            replace(path, contents).map_err(io)
        }
        Err(error) => Err(io(error)),
    }
}

fn refuse_input(path: &Path, inputs: &[&Path]) -> Result<(), OutputError> {
    if let Ok(target) = path.canonicalize()
        && inputs
            .iter()
            .any(|input| input.canonicalize().is_ok_and(|i| i == target))
    {
        return Err(OutputError::IsInput(path.to_owned()));
    }
    Ok(())
}

#[cfg(unix)]
fn is_device_or_pipe(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    let kind = meta.file_type();
    kind.is_char_device() || kind.is_fifo()
}

#[cfg(not(unix))]
fn is_device_or_pipe(_: &std::fs::Metadata) -> bool {
    false
}

/// Through a temporary file in the same directory, synced, then renamed
/// into place: a reader never sees half a report.
fn replace(
    path: &Path,
    contents: &dyn Fn(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    let temporary = file.path().to_owned();
    pending(|p| p.push(temporary.clone()));
    let written = (|| {
        {
            let mut out = std::io::BufWriter::new(file.as_file_mut());
            contents(&mut out)?;
            out.flush()?;
        }
        // A temporary file is private to its owner; a report is not.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            file.as_file()
                .set_permissions(std::fs::Permissions::from_mode(0o644))?;
        }
        file.as_file().sync_all()?;
        file.persist(path).map_err(|e| e.error)?;
        Ok(())
    })();
    pending(|p| p.retain(|t| *t != temporary));
    written
}

fn pending(change: impl FnOnce(&mut Vec<PathBuf>)) {
    if let Ok(mut pending) = PENDING.lock() {
        change(&mut pending);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_input_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("plan.yaml");
        std::fs::write(&plan, "document: {}\n").unwrap();
        let error = write(&plan, b"report", &[plan.as_path()]).unwrap_err();
        assert!(matches!(error, OutputError::IsInput(_)));
        assert_eq!(std::fs::read_to_string(&plan).unwrap(), "document: {}\n");
    }

    #[test]
    fn a_directory_is_refused_and_a_new_file_written() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            write(dir.path(), b"x", &[]),
            Err(OutputError::IsDirectory(_))
        ));
        let report = dir.path().join("report.md");
        write(&report, b"# report\n", &[]).unwrap();
        assert_eq!(std::fs::read_to_string(&report).unwrap(), "# report\n");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file is left beside it");
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_written_in_place_not_replaced() {
        use std::os::unix::fs::FileTypeExt;
        write(Path::new("/dev/null"), b"report", &[]).unwrap();
        let kind = std::fs::metadata("/dev/null").unwrap().file_type();
        assert!(kind.is_char_device());
    }

    #[cfg(unix)]
    #[test]
    fn through_a_link_the_file_is_replaced_and_the_link_kept() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.md");
        let link = dir.path().join("link.md");
        std::fs::write(&real, "old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write(&link, b"new", &[]).unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
    }
}
