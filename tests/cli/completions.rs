//! `xhht completions SHELL` and `xhht man`: generated from the command
//! definitions, so each must know every subcommand there is.

use std::io::Write as _;

use clap::CommandFactory as _;

use crate::common::run;

/// Every subcommand's name, from the definitions themselves.
fn subcommands() -> Vec<String> {
    let names: Vec<String> = xhht::cli::Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    assert!(
        names.len() >= 9 && names.iter().any(|n| n == "convert"),
        "{names:?}"
    );
    names
}

fn stdout_of(args: &[&str]) -> String {
    let out = run(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `word` standing alone in `text`, not inside another word (`man` in
/// `command` does not count).
fn has_word(text: &str, word: &str) -> bool {
    let part = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(part) && !after.is_some_and(part)
    })
}

#[test]
fn every_shells_script_knows_every_subcommand() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = stdout_of(&["completions", shell]);
        for name in subcommands() {
            assert!(has_word(&script, &name), "{shell}: no `{name}`");
        }
        assert!(
            script.contains("skip-non-plans"),
            "{shell}: flags are missing"
        );
    }
}

#[test]
fn the_bash_script_is_valid_bash() {
    let script = stdout_of(&["completions", "bash"]);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("xhht.bash");
    std::fs::write(&file, script).unwrap();
    match std::process::Command::new("bash")
        .arg("-n")
        .arg(&file)
        .output()
    {
        Ok(out) => assert!(
            out.status.success(),
            "bash -n: {}",
            String::from_utf8_lossy(&out.stderr)
        ),
        // Written to the handle: the test harness captures eprintln!.
        Err(error) => {
            let _ = writeln!(
                std::io::stderr(),
                "skipped: bash cannot be run here ({error}); the script was not checked"
            );
        }
    }
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    let out = run(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("possible values: bash"));
}

#[test]
fn the_man_page_lists_every_subcommand() {
    let page = stdout_of(&["man"]);
    // clap_mangen opens with the two lines that pick an apostrophe glyph
    // (`.ie`/`.el`, groff or another troff); the page proper starts after.
    let first = page
        .lines()
        .find(|l| !l.starts_with(".ie ") && !l.starts_with(".el "));
    assert!(
        first.is_some_and(|l| l.starts_with(".TH xhht 1 ")),
        "{page}"
    );
    for name in subcommands() {
        assert!(page.contains(&format!("xhht\\-{name}(1)")), "no `{name}`");
    }
}

#[test]
fn each_subcommand_has_its_page() {
    for name in subcommands() {
        let page = stdout_of(&["man", &name]);
        let title = format!(".TH xhht-{name} 1 ");
        let first = page
            .lines()
            .find(|l| !l.starts_with(".ie ") && !l.starts_with(".el "));
        assert!(
            first.is_some_and(|l| l.starts_with(&title)),
            "{name}: {page}"
        );
    }
    let convert = stdout_of(&["man", "convert"]);
    assert!(convert.contains("\\fB\\-\\-to\\fR"), "{convert}");
}

#[test]
fn an_unknown_page_is_refused_in_the_runs_language() {
    let en = run(&["man", "valid"]);
    assert_eq!(en.status.code(), Some(2));
    let en = String::from_utf8(en.stderr).unwrap();
    assert!(
        en.starts_with("error: man valid: xhht has no such command (did you mean `validate`?)"),
        "{en}"
    );
    let vi = run(&["man", "valid", "--lang", "vi"]);
    let vi = String::from_utf8(vi.stderr).unwrap();
    assert!(
        vi.starts_with("error: man valid: xhht không có lệnh này (có phải ý bạn là `validate`?)"),
        "{vi}"
    );
}
