//! Running the real binary as a user would, with nothing from the
//! environment (language, colour, CI variables) leaking into the output.

use std::io::Write as _;
use std::path::Path;
use std::process::Output;

pub(crate) fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Variables that would leak the developer's language, colour or CI into a test.
const LEAKY: &[&str] = &[
    "LANG",
    "LC_ALL",
    "LC_MESSAGES",
    "LANGUAGE",
    "GITHUB_ACTIONS",
    "GITHUB_STEP_SUMMARY",
];

pub(crate) fn run_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = assert_cmd::Command::new(env!("CARGO_BIN_EXE_xhht"));
    cmd.current_dir(dir).env("NO_COLOR", "1");
    for var in LEAKY {
        cmd.env_remove(var);
    }
    for (key, value) in env {
        cmd.env(key, value);
    }
    cmd.args(args).output().unwrap()
}

/// The binary started from the repository root with its output piped, for
/// tests that read only part of it.
pub(crate) fn spawn(args: &[&str]) -> std::process::Child {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_xhht"));
    cmd.current_dir(root()).env("NO_COLOR", "1");
    for var in LEAKY {
        cmd.env_remove(var);
    }
    cmd.args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
}

/// A run from the repository root.
pub(crate) fn run(args: &[&str]) -> Output {
    run_in(root(), args, &[])
}

pub(crate) fn stdout(args: &[&str]) -> String {
    String::from_utf8(run(args).stdout).unwrap()
}

/// A path under `../shared` (the project's reference material, beside the
/// checkout in CI but not in a fresh clone). Absent, the test is skipped
/// with a message, unless `XHHT_REQUIRE_SHARED` is set (`.ci/run` sets it),
/// in which case its absence fails the test.
pub(crate) fn shared(relative: &str) -> Option<std::path::PathBuf> {
    let path = root().join("../shared").join(relative);
    if path.exists() {
        return Some(path);
    }
    assert!(
        std::env::var_os("XHHT_REQUIRE_SHARED").is_none(),
        "{} is required (XHHT_REQUIRE_SHARED is set) but missing",
        path.display()
    );
    // Written to the handle, not through eprintln!, which the test harness
    // captures: a skip must be seen.
    let _ = writeln!(
        std::io::stderr(),
        "skipped: {} is not beside the checkout; this test needs it",
        path.display()
    );
    None
}

/// The rule code of each finding of a `--format json` run, in order.
pub(crate) fn finding_codes(out: &Output) -> Vec<String> {
    let json: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not a JSON report ({e}): {out:?}"));
    json["findings"]
        .as_array()
        .unwrap_or_else(|| panic!("no findings list: {out:?}"))
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_owned())
        .collect()
}
