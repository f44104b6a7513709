//! Structure and internal consistency of one plan: ids, references, ranges,
//! years, milestones, leads, modes and citations. Comparison with other plans
//! is not done here.

use std::collections::HashMap;

use crate::catalogue::Catalogue;
use crate::finding::{Anchor, Finding, Rule};
use crate::model::{AgencyKind, Direction, Due, Mode, Plan, Target, TargetValue, Unit};
use crate::source::{FieldPath, SourceFile};
use crate::suggest::{closest, did_you_mean};
use crate::text::fold;
use crate::tr;

/// What a plan's references may point at.
pub struct Context<'a> {
    pub catalogue: &'a Catalogue,
    /// Plans known by id: the embedded baselines and every file of the run.
    pub plans: HashMap<&'a str, &'a Plan>,
}

pub fn validate(plan: &Plan, source: &SourceFile, cx: &Context<'_>) -> Vec<Finding> {
    let mut check = Check {
        plan,
        source,
        cx,
        findings: Vec::new(),
    };
    check.ids();
    check.links();
    check.period();
    check.targets();
    check.milestone_regressions();
    check.tasks();
    check.citations();
    check.not_applicable();
    check.province();
    check.lead();
    let id = &plan.document.id;
    check
        .findings
        .into_iter()
        .map(|f| {
            let subject = f.field.as_deref().map(|field| stable_subject(plan, field));
            match (subject, f.subject.is_some()) {
                (Some(subject), false) => f.about(id, subject),
                _ => f.in_plan(id),
            }
        })
        .collect()
}

/// A field path with list positions replaced by the items' ids
/// (`targets[3].value` → `targets[lit-2020].value`), so a finding keeps its
/// subject when items are inserted before it (the ratchet matches on it).
fn stable_subject(plan: &Plan, field: &str) -> String {
    let lists: [(&str, Vec<&str>); 5] = [
        (
            "targets",
            plan.targets.iter().map(|t| t.id.as_str()).collect(),
        ),
        ("tasks", plan.tasks.iter().map(|t| t.id.as_str()).collect()),
        (
            "agencies",
            plan.agencies.iter().map(|a| a.id.as_str()).collect(),
        ),
        (
            "citations",
            plan.citations.iter().map(|c| c.id.as_str()).collect(),
        ),
        (
            "document.phases",
            plan.document.phases.iter().map(|p| p.id.as_str()).collect(),
        ),
    ];
    for (list, ids) in lists {
        let Some(rest) = field.strip_prefix(list).and_then(|r| r.strip_prefix('[')) else {
            continue;
        };
        let Some((index, tail)) = rest.split_once(']') else {
            continue;
        };
        if let Some(id) = index.parse::<usize>().ok().and_then(|i| ids.get(i)) {
            return format!("{list}[{id}]{tail}");
        }
    }
    field.to_owned()
}

struct Check<'a> {
    plan: &'a Plan,
    source: &'a SourceFile,
    cx: &'a Context<'a>,
    findings: Vec<Finding>,
}

fn root() -> FieldPath {
    FieldPath::root()
}

fn is_valid_id(id: &str) -> bool {
    id.bytes()
        .next()
        .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && id.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'.')
        })
}

impl Check<'_> {
    fn push(&mut self, finding: Finding) {
        self.findings.push(finding);
    }

    fn at(&self, rule: Rule, path: &FieldPath, message: impl Into<String>) -> Finding {
        Finding::at(rule, self.source, path, Anchor::Value, message)
    }

    fn ids(&mut self) {
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

    fn check_id(&mut self, path: &FieldPath, id: &str, kind: &str) {
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

    fn known_plan(&self, id: &str) -> Option<&Plan> {
        self.cx.plans.get(id).copied()
    }

    fn unknown_plan(&self, path: &FieldPath, id: &str) -> Finding {
        let finding = self.at(
            Rule::UnknownPlan,
            path,
            tr!(
                "no plan with id `{id}` is known",
                "xhht không biết kế hoạch nào có mã `{id}`"
            ),
        );
        match closest(id, self.cx.plans.keys().copied()) {
            Some(best) => finding.hint(did_you_mean(best)),
            None => finding.hint(tr!(
                "name a bundled scheme (`xhht baselines` lists them) or check the plan's file in the same run; \
                 a document you do not have is a link with `available: false`",
                "nêu một đề án có sẵn (lệnh `xhht baselines` liệt kê các đề án) hoặc đưa tệp của kế hoạch đó vào cùng lần kiểm tra; \
                 văn bản không có trong tay thì ghi liên kết với `available: false`"
            )),
        }
    }

    fn links(&mut self) {
        let links = &self.plan.links;
        let base = root().key("links");
        let mut all = Vec::new();
        for (i, link) in links.implements.iter().enumerate() {
            all.push((base.key("implements").index(i), link));
        }
        if let Some(parent) = &links.parent {
            all.push((base.key("parent"), parent));
        }
        for (path, link) in all {
            if link.available && self.known_plan(&link.plan).is_none() {
                let finding = self.unknown_plan(&path.key("plan"), &link.plan);
                self.push(finding);
            }
        }
    }

    fn period(&mut self) {
        let doc = &self.plan.document;
        let base = root().key("document");
        if let Some(end) = doc.period.end
            && end < doc.period.start
        {
            let finding = self.at(
                Rule::OutOfRange,
                &base.key("period").key("end"),
                tr!(
                    "the period ends in {end}, before it starts in {}",
                    "thời kỳ kết thúc năm {end}, trước năm bắt đầu {}",
                    doc.period.start
                ),
            );
            self.push(finding);
        }
        for (i, &year) in doc.milestones.iter().enumerate() {
            if !doc.period.contains(year) {
                let finding = self.at(
                    Rule::YearOutsidePeriod,
                    &base.key("milestones").index(i),
                    tr!(
                        "milestone {year} is outside the plan's period {}",
                        "mốc năm {year} nằm ngoài thời kỳ của kế hoạch {}",
                        period_text(doc.period)
                    ),
                );
                self.push(finding);
            }
        }
        for (i, phase) in doc.phases.iter().enumerate() {
            let path = base.key("phases").index(i);
            if phase.end < phase.start {
                let finding = self.at(
                    Rule::OutOfRange,
                    &path.key("end"),
                    tr!(
                        "phase `{}` ends in {} before it starts in {}",
                        "giai đoạn `{}` kết thúc năm {}, trước năm bắt đầu {}",
                        phase.id,
                        phase.end,
                        phase.start
                    ),
                );
                self.push(finding);
            } else if !doc.period.contains(phase.start) || !doc.period.contains(phase.end) {
                let finding = self.at(
                    Rule::YearOutsidePeriod,
                    &path,
                    tr!(
                        "phase `{}` ({}-{}) runs outside the plan's period {}",
                        "giai đoạn `{}` ({}-{}) vượt ra ngoài thời kỳ của kế hoạch {}",
                        phase.id,
                        phase.start,
                        phase.end,
                        period_text(doc.period)
                    ),
                );
                self.push(finding);
            }
        }
    }

    fn targets(&mut self) {
        let catalogue = self.cx.catalogue;
        for (i, target) in self.plan.targets.iter().enumerate() {
            let path = root().key("targets").index(i);
            if catalogue.indicator(&target.indicator).is_none() {
                let finding = self.at(
                    Rule::UnknownIndicator,
                    &path.key("indicator"),
                    tr!(
                        "indicator `{}` is not in the catalogue",
                        "chỉ tiêu `{}` không có trong danh mục",
                        target.indicator
                    ),
                );
                let ids = catalogue.indicators.iter().map(|i| i.id.as_str());
                let finding = match closest(&target.indicator, ids) {
                    Some(best) => finding.hint(did_you_mean(best)),
                    None => finding.hint(tr!(
                        "catalogue/indicators.yaml lists the known indicators; add a new one there",
                        "danh mục chỉ tiêu nằm ở catalogue/indicators.yaml; bổ sung chỉ tiêu mới vào đó"
                    )),
                };
                self.push(finding);
            }
            if let Some(condition) = &target.condition
                && catalogue.condition(condition).is_none()
            {
                let ids = catalogue.conditions.iter().map(|c| c.id.as_str());
                let mut finding = self.at(
                    Rule::UnknownIndicator,
                    &path.key("condition"),
                    tr!(
                        "condition `{condition}` is not in the catalogue",
                        "điều kiện `{condition}` không có trong danh mục"
                    ),
                );
                if let Some(best) = closest(condition, ids) {
                    finding = finding.hint(did_you_mean(best));
                }
                self.push(finding);
            }
            self.target_value(target, &path);
            if !self.plan.document.period.contains(target.year) {
                let finding = self.at(
                    Rule::YearOutsidePeriod,
                    &path.key("year"),
                    tr!(
                        "target `{}` is set for {}, outside the plan's period {}",
                        "chỉ tiêu `{}` đặt cho năm {}, ngoài thời kỳ của kế hoạch {}",
                        target.id,
                        target.year,
                        period_text(self.plan.document.period)
                    ),
                );
                self.push(finding);
            }
            for (j, reference) in target.restates.iter().enumerate() {
                let ref_path = path.key("restates").index(j);
                self.target_ref(&ref_path, &reference.plan, &reference.item);
            }
        }
    }

    /// A reference to a target of another plan: both must exist.
    fn target_ref(&mut self, path: &FieldPath, plan: &str, item: &str) {
        let Some(other) = self.known_plan(plan) else {
            let finding = self.unknown_plan(&path.key("plan"), plan);
            self.push(finding);
            return;
        };
        if other.targets.iter().any(|t| t.id == item) {
            return;
        }
        let ids = other.targets.iter().map(|t| t.id.as_str());
        let mut finding = self.at(
            Rule::UnknownItem,
            &path.key("item"),
            tr!(
                "plan `{plan}` has no target `{item}`",
                "kế hoạch `{plan}` không có chỉ tiêu `{item}`"
            ),
        );
        if let Some(best) = closest(item, ids) {
            finding = finding.hint(did_you_mean(best));
        }
        self.push(finding);
    }

    fn not_applicable(&mut self) {
        for (i, entry) in self.plan.not_applicable.iter().enumerate() {
            let path = root().key("not_applicable").index(i);
            self.target_ref(&path, &entry.plan, &entry.item);
            if crate::text::is_blank(entry.reason.as_str()) {
                let finding = self
                    .at(
                        Rule::MissingField,
                        &path.key("reason"),
                        tr!(
                            "`not_applicable` for `{}` gives no reason",
                            "mục `not_applicable` cho `{}` không nêu lý do",
                            entry.item
                        ),
                    )
                    .hint(tr!(
                        "say why the item does not apply, as you would to the body that issued it",
                        "hãy nêu lý do không áp dụng, như khi giải trình với cơ quan ban hành"
                    ));
                self.push(finding);
            }
        }
    }

    fn lead(&mut self) {
        let Some(id) = &self.plan.document.lead else {
            return;
        };
        let ids = self.plan.agencies.iter().map(|a| a.id.as_str());
        if self.plan.agencies.iter().any(|a| &a.id == id) {
            return;
        }
        let mut finding = self.at(
            Rule::UnknownAgency,
            &root().key("document").key("lead"),
            tr!(
                "`document.lead` names agency `{id}`, which the plan does not declare",
                "`document.lead` nêu cơ quan `{id}`, nhưng kế hoạch không khai báo cơ quan này"
            ),
        );
        if let Some(best) = closest(id, ids) {
            finding = finding.hint(did_you_mean(best));
        }
        self.push(finding);
    }

    /// `document.province` names a province of the units catalogue, in the
    /// map of the plan's time.
    fn province(&mut self) {
        let Some(id) = &self.plan.document.province else {
            return;
        };
        let units = crate::units::Units::embedded();
        if units.of_plan(self.plan).is_some() {
            return;
        }
        let after = crate::units::issued_after_merger(self.plan);
        let ids: Vec<&str> = if after {
            units.provinces_2025.iter().map(|p| p.id.as_str()).collect()
        } else {
            units.provinces.iter().map(|p| p.id.as_str()).collect()
        };
        let mut finding = self.at(
            Rule::UnknownProvince,
            &root().key("document").key("province"),
            tr!(
                "no province `{id}` in the units catalogue for a plan of this date",
                "danh mục đơn vị hành chính không có tỉnh `{id}` vào thời điểm ban hành kế hoạch"
            ),
        )
        .note(tr!(
            "plans issued before 1 July 2025 name one of the 63 provinces of that time; later plans, one of the 34",
            "kế hoạch ban hành trước ngày 01/7/2025 dùng một trong 63 tỉnh thời đó; kế hoạch ban hành sau dùng một trong 34 tỉnh"
        ));
        let other_era = if after {
            units.merged_into(id).map(|p| p.id.clone()).or_else(|| {
                units
                    .provinces_2025
                    .iter()
                    .find(|p| p.formed_from.iter().any(|f| f == id))
                    .map(|p| p.id.clone())
            })
        } else {
            units
                .province_2025(id)
                .and_then(|p| (p.formed_from.len() == 1).then(|| p.formed_from[0].clone()))
        };
        if let Some(right) = other_era {
            finding = finding.hint(tr!(
                "`{id}` names a province of the other map; for this plan's date it is `{right}`",
                "`{id}` là tỉnh theo danh mục của thời kỳ khác; theo ngày ban hành kế hoạch này là `{right}`"
            ));
        } else if let Some(best) = closest(id, ids) {
            finding = finding.hint(did_you_mean(best));
        }
        self.push(finding);
    }

    fn target_value(&mut self, target: &Target, path: &FieldPath) {
        if target.value.numbers().iter().any(|v| !v.is_finite()) {
            let finding = self.at(
                Rule::OutOfRange,
                &path.key("value"),
                tr!(
                    "target `{}` is not a number a plan can set",
                    "chỉ tiêu `{}` không phải là một con số mà kế hoạch có thể đặt",
                    target.id
                ),
            );
            self.push(finding);
            return;
        }
        let value_path = path.key("value");
        if let TargetValue::Range { min, max } = target.value
            && min > max
        {
            let finding = self
                .at(
                    Rule::OutOfRange,
                    &value_path,
                    tr!(
                        "target `{}` has a range from {min} down to {max}",
                        "chỉ tiêu `{}` có khoảng giá trị từ {min} giảm xuống {max}",
                        target.id
                    ),
                )
                .hint(tr!(
                    "write the smaller figure as `min`",
                    "ghi số nhỏ hơn vào `min`"
                ));
            self.push(finding);
        }
        if target.unit == Unit::Percent {
            for v in target.value.numbers() {
                if !(0.0..=100.0).contains(&v) {
                    let finding = self.at(
                        Rule::OutOfRange,
                        &value_path,
                        tr!(
                            "target `{}` is {v}%, but a percentage lies between 0 and 100",
                            "chỉ tiêu `{}` là {v}%, nhưng tỷ lệ phải nằm trong khoảng từ 0 đến 100",
                            target.id
                        ),
                    );
                    self.push(finding);
                }
            }
        } else if target.value.numbers().iter().any(|v| *v < 0.0) {
            let finding = self.at(
                Rule::OutOfRange,
                &value_path,
                tr!(
                    "target `{}` is negative",
                    "chỉ tiêu `{}` có giá trị âm",
                    target.id
                ),
            );
            self.push(finding);
        }
        if let Some(level) = target.level
            && !(1..=5).contains(&level)
        {
            let finding = self.at(
                Rule::OutOfRange,
                &path.key("level"),
                tr!(
                    "level {level} is not a standard level (1 to 5)",
                    "mức độ {level} không phải mức độ chuẩn (từ 1 đến 5)"
                ),
            );
            self.push(finding);
        }
    }

    /// A 2020 target below the 2015 target of the same indicator, when
    /// higher is better, asks for less over time.
    fn milestone_regressions(&mut self) {
        let catalogue = self.cx.catalogue;
        let targets = &self.plan.targets;
        let mut by_series: HashMap<_, Vec<usize>> = HashMap::new();
        for (i, t) in targets.iter().enumerate() {
            let key = (&t.indicator, t.level, &t.condition, t.unit, t.population);
            by_series.entry(key).or_default().push(i);
        }
        let mut series: Vec<Vec<usize>> = by_series.into_values().collect();
        series.sort();
        for mut indices in series {
            indices.sort_by_key(|&i| (targets[i].year, i));
            for pair in indices.windows(2) {
                let (earlier, later) = (&targets[pair[0]], &targets[pair[1]]);
                if earlier.year == later.year {
                    continue;
                }
                let (Some(a), Some(b)) = (floor(&earlier.value), floor(&later.value)) else {
                    continue;
                };
                let direction = later
                    .direction
                    .or_else(|| catalogue.indicator(&later.indicator).map(|i| i.direction))
                    .unwrap_or(Direction::HigherIsBetter);
                let regresses = match direction {
                    Direction::HigherIsBetter => b < a,
                    Direction::LowerIsBetter => b > a,
                };
                if regresses {
                    let first = self
                        .at(
                            Rule::MilestoneRegression,
                            &root().key("targets").index(pair[0]),
                            "",
                        )
                        .location;
                    let finding = self
                        .at(
                            Rule::MilestoneRegression,
                            &root().key("targets").index(pair[1]).key("value"),
                            tr!(
                                "`{}` asks for {b} by {}, less than the {a} it asks for by {}",
                                "`{}` yêu cầu {b} vào năm {}, thấp hơn mức {a} yêu cầu vào năm {}",
                                later.indicator,
                                later.year,
                                earlier.year
                            ),
                        )
                        .note(tr!(
                            "the {} target is at line {}",
                            "chỉ tiêu năm {} ở dòng {}",
                            earlier.year,
                            first.line
                        ))
                        .hint(tr!(
                            "check both figures against the source text; if the text says so, this warning is about the plan, not the file",
                            "đối chiếu cả hai số liệu với văn bản gốc; nếu văn bản ghi đúng như vậy thì cảnh báo này là về kế hoạch, không phải về tệp"
                        ));
                    self.push(finding);
                }
            }
        }
    }

    fn tasks(&mut self) {
        let plan = self.plan;
        let spellings = crate::roles::Spellings::of(plan);
        let issuer = crate::roles::issuer(plan);
        let cx = self.cx;
        let schemes: Vec<&Plan> = plan
            .links
            .implements
            .iter()
            .filter_map(|l| cx.plans.get(l.plan.as_str()).copied())
            .collect();
        let agency_ids: Vec<&str> = plan.agencies.iter().map(|a| a.id.as_str()).collect();
        let kind_of = |id: &str| plan.agencies.iter().find(|a| a.id == id).map(|a| a.kind);
        for (i, task) in plan.tasks.iter().enumerate() {
            let path = root().key("tasks").index(i);
            for (field, ids) in [("leads", &task.leads), ("coordinates", &task.coordinates)] {
                for (j, id) in ids.iter().enumerate() {
                    if !agency_ids.contains(&id.as_str()) {
                        let mut finding = self.at(
                            Rule::UnknownAgency,
                            &path.key(field).index(j),
                            tr!(
                                "task `{}` names agency `{id}`, which the plan does not declare",
                                "nhiệm vụ `{}` nêu cơ quan `{id}`, nhưng kế hoạch không khai báo cơ quan này",
                                task.id
                            ),
                        );
                        finding = match closest(id, agency_ids.iter().copied()) {
                            Some(best) => finding.hint(did_you_mean(best)),
                            None => finding.hint(tr!(
                                "declare the agency under `agencies`",
                                "khai báo cơ quan này trong `agencies`"
                            )),
                        };
                        self.push(finding);
                    }
                }
            }
            self.lead_count(task, &path, kind_of);
            if task.mode == Mode::Assigned {
                for (j, id) in task.leads.iter().enumerate() {
                    let ordered = plan.agencies.iter().find(|a| &a.id == id).filter(|a| {
                        a.kind == AgencyKind::MassOrganisation
                            && crate::roles::questionable_order(plan, &issuer, a, &schemes)
                    });
                    if ordered.is_some() {
                        let finding = self
                            .at(
                                Rule::OrderedMassOrganisation,
                                &path.key("leads").index(j),
                                tr!(
                                    "task `{}` assigns mass organisation `{id}`; a government plan can only request it",
                                    "nhiệm vụ `{}` giao cho tổ chức đoàn thể `{id}`; kế hoạch của chính quyền chỉ có thể đề nghị tổ chức này thực hiện",
                                    task.id
                                ),
                            )
                            .hint(tr!(
                                "if the text says \"Đề nghị …\", set `mode: requested`",
                                "nếu văn bản ghi \"Đề nghị …\", đặt `mode: requested`"
                            ));
                        self.push(finding);
                    }
                }
            }
            if let Some(inversion) = spellings.inversion(task) {
                let (message, hint) = match inversion {
                    crate::roles::Inversion::PartnerLeads(partner) => (
                        tr!(
                            "task `{}` reads \"chủ trì, phối hợp với {}\", but lists `{}` among its leads",
                            "nhiệm vụ `{}` ghi \"chủ trì, phối hợp với {}\" nhưng lại liệt kê `{}` là cơ quan chủ trì",
                            task.id,
                            partner.name,
                            partner.id
                        ),
                        tr!(
                            "the body the text says \"chủ trì\" leads; move `{}` to `coordinates`",
                            "cơ quan được ghi \"chủ trì\" là cơ quan chủ trì; chuyển `{}` sang `coordinates`",
                            partner.id
                        ),
                    ),
                    crate::roles::Inversion::PartnerCoordinates(partner) => (
                        tr!(
                            "task `{}` reads \"phối hợp với {}\": {} leads and the body addressed supports it, but `{}` is listed as coordinating",
                            "nhiệm vụ `{}` ghi \"phối hợp với {}\": {} chủ trì, cơ quan được giao phối hợp, nhưng `{}` lại được liệt kê là cơ quan phối hợp",
                            task.id,
                            partner.name,
                            partner.name,
                            partner.id
                        ),
                        tr!(
                            "put `{}` in `leads` and the body addressed in `coordinates`",
                            "đưa `{}` vào `leads` và cơ quan được giao vào `coordinates`",
                            partner.id
                        ),
                    ),
                };
                let finding = self
                    .at(Rule::RoleInverted, &path.key("leads"), message)
                    .hint(hint);
                self.push(finding);
            }
            for (j, reference) in task.carries_out.iter().enumerate() {
                let ref_path = path.key("carries_out").index(j);
                match self.known_plan(&reference.plan) {
                    None => {
                        let finding = self.unknown_plan(&ref_path.key("plan"), &reference.plan);
                        self.push(finding);
                    }
                    Some(other) if !other.tasks.iter().any(|t| t.id == reference.item) => {
                        let mut finding = self.at(
                            Rule::UnknownItem,
                            &ref_path.key("item"),
                            tr!(
                                "plan `{}` has no task `{}`",
                                "kế hoạch `{}` không có nhiệm vụ `{}`",
                                reference.plan,
                                reference.item
                            ),
                        );
                        if let Some(best) =
                            closest(&reference.item, other.tasks.iter().map(|t| t.id.as_str()))
                        {
                            finding = finding.hint(did_you_mean(best));
                        }
                        self.push(finding);
                    }
                    Some(_) => {}
                }
            }
            if let Some(due) = task.deadline.as_ref().and_then(|d| d.due.as_ref()) {
                self.due(due, &path.key("deadline").key("due"));
            }
        }
    }

    fn lead_count(
        &mut self,
        task: &crate::model::Task,
        path: &FieldPath,
        kind_of: impl Fn(&str) -> Option<AgencyKind>,
    ) {
        let collective = task
            .leads
            .iter()
            .any(|id| kind_of(id) == Some(AgencyKind::Collective));
        let message = match task.leads.len() {
            1 if !collective => return,
            1 => tr!(
                "task `{}` is led by a collective, not by one body",
                "nhiệm vụ `{}` do một tập thể chủ trì, không phải một cơ quan",
                task.id
            ),
            0 => tr!(
                "task `{}` has no lead",
                "nhiệm vụ `{}` không có cơ quan chủ trì",
                task.id
            ),
            n => tr!(
                "task `{}` has {n} leads",
                "nhiệm vụ `{}` có {n} cơ quan chủ trì",
                task.id
            ),
        };
        let at = if task.leads.is_empty() {
            path.key("id")
        } else {
            path.key("leads")
        };
        let finding = self.at(Rule::LeadCount, &at, message).note(tr!(
            "real plans do give tasks to several bodies or to \"the departments and localities\"; \
                   that is recorded faithfully, but nobody in particular answers for the result",
            "kế hoạch thực tế vẫn giao nhiệm vụ cho nhiều cơ quan hoặc cho \"các sở, ngành và địa phương\"; \
                   tệp ghi lại đúng như vậy, nhưng không có cơ quan cụ thể nào chịu trách nhiệm về kết quả"
        ));
        self.push(finding);
    }

    fn due(&mut self, due: &Due, path: &FieldPath) {
        let period = self.plan.document.period;
        let (year, problem) = match *due {
            Due::Ongoing => (None, None),
            Due::Half { year, half } => (
                Some(year),
                (!(1..=2).contains(&half)).then(|| {
                    (
                        path.key("half").key("half"),
                        tr!(
                            "half {half} does not exist (1 or 2)",
                            "không có nửa năm thứ {half} (chỉ có 1 hoặc 2)"
                        ),
                    )
                }),
            ),
            Due::Date(date) => (Some(date.year() as u16), None),
            Due::Month { year, month } => (
                Some(year),
                (!(1..=12).contains(&month)).then(|| {
                    (
                        path.key("month").key("month"),
                        tr!("month {month} does not exist", "không có tháng {month}"),
                    )
                }),
            ),
            Due::Quarter { year, quarter } => (
                Some(year),
                (!(1..=4).contains(&quarter)).then(|| {
                    (
                        path.key("quarter").key("quarter"),
                        tr!(
                            "quarter {quarter} does not exist (Quý I to IV)",
                            "không có quý {quarter} (chỉ có Quý I đến IV)"
                        ),
                    )
                }),
            ),
            Due::Year(year) | Due::FromYear(year) => (Some(year), None),
            Due::Phase(ref id) => {
                if !self.plan.document.phases.iter().any(|p| &p.id == id) {
                    let finding = self.at(
                        Rule::UnknownItem,
                        &path.key("phase"),
                        tr!(
                            "the plan has no phase `{id}`",
                            "kế hoạch không có giai đoạn `{id}`"
                        ),
                    );
                    self.push(finding);
                }
                (None, None)
            }
            Due::Yearly { from, .. } => (
                from,
                due.days_of_year().into_iter().find_map(|d| {
                    let (month, day) = (d.month, d.day.unwrap_or(1));
                    jiff::civil::Date::new(2024, month as i8, day as i8)
                        .is_err()
                        .then(|| {
                            (
                                path.key("yearly"),
                                match d.day {
                                    Some(day) => tr!(
                                        "day {day} of month {month} does not exist",
                                        "không có ngày {day} tháng {month}"
                                    ),
                                    None => tr!(
                                        "month {month} does not exist",
                                        "không có tháng {month}"
                                    ),
                                },
                            )
                        })
                }),
            ),
            Due::EveryMonths { months, from } => (
                from,
                (!(1..=12).contains(&months)).then(|| {
                    (
                        path.key("every_months").key("months"),
                        tr!(
                            "every {months} months is not a reporting cycle",
                            "{months} tháng một lần không phải là chu kỳ báo cáo"
                        ),
                    )
                }),
            ),
        };
        if let Some((at, message)) = problem {
            let finding = self.at(Rule::OutOfRange, &at, message);
            self.push(finding);
        }
        if let Some(year) = year
            && !period.contains(year)
        {
            let finding = self.at(
                Rule::YearOutsidePeriod,
                path,
                tr!(
                    "the deadline falls in {year}, outside the plan's period {}",
                    "thời hạn rơi vào năm {year}, ngoài thời kỳ của kế hoạch {}",
                    period_text(period)
                ),
            );
            self.push(finding);
        }
    }

    /// One document cited with two dates is a mistake in one of the places.
    fn citations(&mut self) {
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
                    let first_at = self
                        .at(
                            Rule::CitationDateConflict,
                            &root().key("citations").index(first).key("date"),
                            "",
                        )
                        .location;
                    let finding = self
                        .at(
                            Rule::CitationDateConflict,
                            &root().key("citations").index(i).key("date"),
                            tr!(
                                "{} is cited as of {date} here and as of {first_date} at line {}",
                                "{} được viện dẫn với ngày {date} ở đây và ngày {first_date} ở dòng {}",
                                citation.number,
                                first_at.line
                            ),
                        )
                        .hint(tr!(
                            "one of the two dates is wrong in the source; the file records both as written",
                            "một trong hai ngày bị ghi sai trong văn bản gốc; tệp ghi lại cả hai đúng như văn bản"
                        ));
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

fn floor(value: &TargetValue) -> Option<f64> {
    match *value {
        TargetValue::Point(v) | TargetValue::AtLeast(v) | TargetValue::Above(v) => Some(v),
        TargetValue::Range { min, .. } => Some(min),
        TargetValue::Qualitative | TargetValue::Unavailable => None,
    }
}

pub(crate) fn period_text(period: crate::model::Period) -> String {
    match period.end {
        Some(end) if end == period.start => format!("{end}"),
        Some(end) => format!("{}-{end}", period.start),
        None => format!("{}-", period.start),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_dates_compare_by_number() {
        assert!(same_written_date("13/4/2007", "13/04/2007"));
        assert!(!same_written_date("13/4/2007", "13/4/2017"));
    }

    #[test]
    fn subjects_name_items_by_id() {
        let plan: Plan = serde_saphyr::from_str(
            "document: {id: p, title: t, kind: plan, issuer: i, level: province, jurisdiction: j, period: {start: 2020}}\n\
             targets:\n  - {id: lit, indicator: x, unit: percent, population: people, value: {point: 1}, year: 2020}\n",
        )
        .unwrap();
        assert_eq!(
            stable_subject(&plan, "targets[0].value"),
            "targets[lit].value"
        );
        assert_eq!(
            stable_subject(&plan, "targets[7].value"),
            "targets[7].value"
        );
        assert_eq!(stable_subject(&plan, "document.id"), "document.id");
    }

    #[test]
    fn halves_and_days_of_the_year_must_exist() {
        let text = "document: {id: p, title: t, kind: plan, issuer: i, level: province, jurisdiction: j, period: {start: 2020, end: 2020}}\n\
             tasks:\n  \
             - {id: a, title: A, deadline: {wording: w, due: {half: {year: 2020, half: 3}}}}\n  \
             - {id: b, title: B, deadline: {wording: w, due: {yearly: {month: 6, day: 30, also: [{month: 2, day: 30}]}}}}\n  \
             - {id: c, title: C, deadline: {wording: w, due: {yearly: {month: 13}}}}\n  \
             - {id: d, title: D, deadline: {wording: w, due: ongoing}}\n  \
             - {id: e, title: E, deadline: {wording: w, due: {half: {year: 2021, half: 1}}}}\n";
        let loaded = crate::load::load_bytes(
            "p.yaml".into(),
            text.as_bytes().to_vec(),
            crate::source::Format::Yaml,
        );
        let plan = loaded.plan.unwrap();
        let cx = Context {
            catalogue: Catalogue::embedded(),
            plans: HashMap::new(),
        };
        let found: Vec<(Rule, String)> = validate(&plan, &loaded.source, &cx)
            .into_iter()
            .filter(|f| matches!(f.code, Rule::OutOfRange | Rule::YearOutsidePeriod))
            .map(|f| (f.code, f.field.unwrap()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    Rule::OutOfRange,
                    "tasks[0].deadline.due.half.half".to_owned()
                ),
                (Rule::OutOfRange, "tasks[1].deadline.due.yearly".to_owned()),
                (Rule::OutOfRange, "tasks[2].deadline.due.yearly".to_owned()),
                (Rule::YearOutsidePeriod, "tasks[4].deadline.due".to_owned()),
            ]
        );
    }

    #[test]
    fn ids() {
        assert!(is_valid_id("so-gddt"));
        assert!(is_valid_id("literacy.rate.age_15_60"));
        assert!(!is_valid_id("Sở-GD"));
        assert!(!is_valid_id("-x"));
        assert!(!is_valid_id(""));
    }
}
