//! Citations: one document, one date.

use super::{Check, HashMap, fold, root};
use crate::finding::Rule;
use crate::msg;

impl Check<'_> {
    /// One document cited with two dates is a mistake in one of the places.
    pub(super) fn citations(&mut self) {
        let mut first_by_number: HashMap<String, usize> = HashMap::new();
        for (i, citation) in self.plan.citations.iter().enumerate() {
            let Some(date) = &citation.date else { continue };
            let key = fold(citation.number.as_str()).replace(' ', "");
            match first_by_number.get(&key) {
                None => {
                    first_by_number.insert(key, i);
                }
                Some(&first) => {
                    let first_citation = &self.plan.citations[first];
                    let Some(first_date) = &first_citation.date else {
                        continue;
                    };
                    if same_written_date(first_date.as_str(), date.as_str()) {
                        continue;
                    }
                    let first_at = self.location(&root().key("citations").index(first).key("date"));
                    let finding = self
                        .at(
                            Rule::CitationDateConflict,
                            &root().key("citations").index(i).key("date"),
                            msg!(
                                "validate.citations.date-conflict",
                                number = &citation.number,
                                date,
                                first_date,
                                line = first_at.line
                            ),
                        )
                        .hint(msg!("validate.citations.date-conflict-hint"));
                    self.push(finding);
                }
            }
        }
    }
}

/// Compares dates as written ("13/4/2007", "13/04/2007") by their numbers.
fn same_written_date(a: &str, b: &str) -> bool {
    let numbers = |s: &str| -> Vec<u32> {
        s.split(|c: char| !c.is_ascii_digit())
            .filter(|p| !p.is_empty())
            .filter_map(|p| p.parse().ok())
            .collect()
    };
    numbers(a) == numbers(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_dates_compare_by_number() {
        assert!(same_written_date("13/4/2007", "13/04/2007"));
        assert!(!same_written_date("13/4/2007", "13/4/2017"));
    }
}
