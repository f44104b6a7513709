//! Running the real binary as a user would, with nothing from the
//! environment (language, colour, CI variables) leaking into the output.
#![allow(dead_code)] // each test file uses its own subset

use std::path::Path;
use std::process::Output;

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn run_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = assert_cmd::Command::new(env!("CARGO_BIN_EXE_xhht"));
    cmd.current_dir(dir).env("NO_COLOR", "1");
    for var in [
        "LANG",
        "LC_ALL",
        "LC_MESSAGES",
        "LANGUAGE",
        "GITHUB_ACTIONS",
        "GITHUB_STEP_SUMMARY",
    ] {
        cmd.env_remove(var);
    }
    for (key, value) in env {
        cmd.env(key, value);
    }
    cmd.args(args).output().unwrap()
}

/// A run from the repository root.
pub fn run(args: &[&str]) -> Output {
    run_in(root(), args, &[])
}

pub fn stdout(args: &[&str]) -> String {
    String::from_utf8(run(args).stdout).unwrap()
}
