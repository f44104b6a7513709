//! Any bytes, as YAML and as TOML: loading and validating must never panic,
//! and every finding must point inside the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use xhht::load::load_bytes;
use xhht::source::Format;

fuzz_target!(|data: &[u8]| {
    for (name, format) in [("fuzz.yaml", Format::Yaml), ("fuzz.toml", Format::Toml)] {
        let loaded = load_bytes(name.into(), data.to_vec(), format);
        let len = loaded.source.text.len();
        for finding in xhht::check::check_loaded(std::slice::from_ref(&loaded), &[]) {
            assert!(finding.location.span.start <= len);
        }
    }
});
