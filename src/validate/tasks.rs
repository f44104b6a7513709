//! Tasks: who leads them, whether a mass organisation is ordered, whether
//! the roles match the wording, and deadlines that exist.

use super::*;
use crate::finding::Rule;
use crate::source::FieldPath;
use crate::suggest::{closest, did_you_mean};
use crate::tr;

impl Check<'_> {
    pub(super) fn tasks(&mut self) {
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

    pub(super) fn lead_count(
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

    pub(super) fn due(&mut self, due: &Due, path: &FieldPath) {
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
}
