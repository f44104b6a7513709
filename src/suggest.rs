//! "Did you mean" for misspelt names and ids.

/// The candidate closest to `word`, if it is close enough to be a likely
/// typo; never `word` itself, which was looked for and not taken.
pub(crate) fn closest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .filter(|c| *c != word)
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// The hint for a likely typo: "did you mean `best`?".
pub(crate) fn did_you_mean(best: &str) -> crate::i18n::Message {
    crate::msg!("validate.did-you-mean", best)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_suggests_the_word_itself() {
        assert_eq!(closest("x-2026", ["x-2026", "x-2025"]), Some("x-2025"));
        assert_eq!(closest("x-2026", ["x-2026"]), None);
    }

    #[test]
    fn suggests_near_misses_only() {
        assert_eq!(closest("nmae", ["name", "id"]), Some("name"));
        assert_eq!(
            closest("literacy.rate.age_15_6", ["literacy.rate.age_15_60"]),
            Some("literacy.rate.age_15_60")
        );
        assert_eq!(closest("zzz", ["name", "id"]), None);
    }
}
