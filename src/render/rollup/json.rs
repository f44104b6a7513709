//! The versioned JSON roll-up (`schemas/rollup.schema.json`).

use crate::rollup::Rollup;

pub(super) fn draw(rollup: &Rollup) -> String {
    // Every map of the roll-up is keyed by strings, which is all that could
    // make serializing fail.
    let mut json =
        crate::i18n::to_localized_json(rollup, rollup.lang).expect("the roll-up serializes");
    json.push('\n');
    json
}
