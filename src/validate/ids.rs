//! Ids: well-formed, and unique within their kind.

use super::*;
use crate::finding::Rule;
use crate::source::FieldPath;
use crate::tr;

impl Check<'_> {
    pub(super) fn ids(&mut self) {
        let plan = self.plan;
        let doc_id = root().key("document").key("id");
        let lang = crate::i18n::lang();
        self.check_id(&doc_id, &plan.document.id, lang.pick("document", "văn bản"));
        let groups: [(&str, &str, Vec<&str>); 5] = [
            (
                "agencies",
                lang.pick("agency", "cơ quan"),
                plan.agencies.iter().map(|a| a.id.as_str()).collect(),
            ),
            (
                "targets",
                lang.pick("target", "chỉ tiêu"),
                plan.targets.iter().map(|t| t.id.as_str()).collect(),
            ),
            (
                "tasks",
                lang.pick("task", "nhiệm vụ"),
                plan.tasks.iter().map(|t| t.id.as_str()).collect(),
            ),
            (
                "citations",
                lang.pick("citation", "văn bản viện dẫn"),
                plan.citations.iter().map(|c| c.id.as_str()).collect(),
            ),
            (
                "document.phases",
                lang.pick("phase", "giai đoạn"),
                plan.document.phases.iter().map(|p| p.id.as_str()).collect(),
            ),
        ];
        for (list, kind, ids) in groups {
            let base = list.split('.').fold(root(), |path, part| path.key(part));
            let mut first_seen: HashMap<&str, usize> = HashMap::new();
            for (i, id) in ids.iter().enumerate() {
                let path = base.index(i).key("id");
                self.check_id(&path, id, kind);
                if let Some(&first) = first_seen.get(id) {
                    let first_at = self
                        .at(Rule::DuplicateId, &base.index(first).key("id"), "")
                        .location;
                    let finding = self
                        .at(
                            Rule::DuplicateId,
                            &path,
                            tr!(
                                "{kind} id `{id}` is used twice",
                                "mã {kind} `{id}` được dùng hai lần"
                            ),
                        )
                        .note(tr!(
                            "first used at {}:{}:{}",
                            "đã dùng lần đầu tại {}:{}:{}",
                            first_at.file.display(),
                            first_at.line,
                            first_at.column
                        ))
                        .hint(tr!(
                            "give each {kind} its own id",
                            "đặt cho mỗi {kind} một mã riêng"
                        ));
                    self.push(finding);
                } else {
                    first_seen.insert(id, i);
                }
            }
        }
    }

    pub(super) fn check_id(&mut self, path: &FieldPath, id: &str, kind: &str) {
        if !is_valid_id(id) {
            let finding = self
                .at(
                    Rule::BadId,
                    path,
                    tr!(
                        "{kind} id `{id}` is not a valid id",
                        "mã {kind} `{id}` không hợp lệ"
                    ),
                )
                .hint(tr!(
                    "use lower-case ASCII letters, digits, '-', '_' and '.', e.g. `so-gddt`",
                    "chỉ dùng chữ thường ASCII, chữ số, '-', '_' và '.', ví dụ `so-gddt`"
                ));
            self.push(finding);
        }
    }
}
