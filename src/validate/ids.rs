//! Ids: well-formed, and unique within their kind.

use super::{Check, HashMap, is_valid_id, root};
use crate::finding::Rule;
use crate::i18n::Message;
use crate::msg;
use crate::source::FieldPath;

impl Check<'_> {
    pub(super) fn ids(&mut self) {
        let plan = self.plan;
        let doc_id = root().key("document").key("id");
        self.check_id(&doc_id, &plan.document.id, &msg!("validate.kind.document"));
        let groups: [(&str, Message, Vec<&str>); 5] = [
            (
                "agencies",
                msg!("validate.kind.agency"),
                plan.agencies.iter().map(|a| a.id.as_str()).collect(),
            ),
            (
                "targets",
                msg!("validate.kind.target"),
                plan.targets.iter().map(|t| t.id.as_str()).collect(),
            ),
            (
                "tasks",
                msg!("validate.kind.task"),
                plan.tasks.iter().map(|t| t.id.as_str()).collect(),
            ),
            (
                "citations",
                msg!("validate.kind.citation"),
                plan.citations.iter().map(|c| c.id.as_str()).collect(),
            ),
            (
                "document.phases",
                msg!("validate.kind.phase"),
                plan.document.phases.iter().map(|p| p.id.as_str()).collect(),
            ),
        ];
        for (list, kind, ids) in groups {
            let base = list.split('.').fold(root(), |path, part| path.key(part));
            let mut first_seen: HashMap<&str, usize> = HashMap::new();
            for (i, id) in ids.iter().enumerate() {
                let path = base.index(i).key("id");
                self.check_id(&path, id, &kind);
                if let Some(&first) = first_seen.get(id) {
                    let first_at = self.location(&base.index(first).key("id"));
                    let finding = self
                        .at(
                            Rule::DuplicateId,
                            &path,
                            msg!("validate.ids.duplicate", kind = &kind, id = *id),
                        )
                        .note(msg!(
                            "validate.ids.first-used",
                            file = &first_at.file,
                            line = first_at.line,
                            column = first_at.column
                        ))
                        .hint(msg!("validate.ids.duplicate-hint", kind = &kind));
                    self.push(finding);
                } else {
                    first_seen.insert(id, i);
                }
            }
        }
    }

    pub(super) fn check_id(&mut self, path: &FieldPath, id: &str, kind: &Message) {
        if !is_valid_id(id) {
            let finding = self
                .at(Rule::BadId, path, msg!("validate.ids.invalid", kind, id))
                .hint(msg!("validate.ids.invalid-hint"));
            self.push(finding);
        }
    }
}
