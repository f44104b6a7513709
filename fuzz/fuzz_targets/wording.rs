//! Any text as a deadline's wording: reading it, with and without the year
//! of a one-year plan, must never panic, and why it could not be read must
//! render in every language.
//!
//! Seeds: the wordings of the deadlines in `plans/` (`fuzz/seeds/wording`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use xhht::i18n::Lang;
use xhht::schedule::wording::{before_day, parse, parse_in};

fuzz_target!(|wording: &str| {
    for read in [parse(wording), parse_in(wording, Some(2020))] {
        if let Err(unreadable) = read {
            for &lang in Lang::ALL {
                let _ = unreadable.reason.render(lang);
                if let Some(hint) = &unreadable.hint {
                    let _ = hint.render(lang);
                }
            }
        }
    }
    let _ = before_day(wording);
});
