//! Labels in Vietnamese and English. Agency names and indicator wording are
//! never translated: they stay as the plan writes them.

use std::sync::atomic::{AtomicU8, Ordering};

use serde::Serialize;

use crate::finding::{Kind, Severity};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En = 0,
    Vi = 1,
}

impl Lang {
    /// Vietnamese when the environment's language says so, otherwise English.
    pub fn from_env() -> Self {
        let vietnamese = ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"]
            .iter()
            .filter_map(|var| std::env::var(var).ok())
            .find(|value| !value.is_empty())
            .is_some_and(|value| value.to_ascii_lowercase().starts_with("vi"));
        if vietnamese { Self::Vi } else { Self::En }
    }

    /// The English or the Vietnamese of a label.
    pub fn pick(self, en: &'static str, vi: &'static str) -> &'static str {
        match self {
            Self::En => en,
            Self::Vi => vi,
        }
    }
}

/// The language of this run's messages. Set once by the command line before
/// any work; a process-wide setting like NO_COLOR, so worker threads agree.
static LANG: AtomicU8 = AtomicU8::new(0);

pub fn set_lang(lang: Lang) {
    LANG.store(lang as u8, Ordering::Relaxed);
}

pub fn lang() -> Lang {
    match LANG.load(Ordering::Relaxed) {
        1 => Lang::Vi,
        _ => Lang::En,
    }
}

/// A message in the language of this run: `tr!("English {x}", "Tiếng Việt {x}")`.
/// Both texts take the same arguments; only the chosen one is formatted.
#[macro_export]
macro_rules! tr {
    ($en:literal, $vi:literal $(,)?) => {
        match $crate::i18n::lang() {
            $crate::i18n::Lang::En => format!($en),
            $crate::i18n::Lang::Vi => format!($vi),
        }
    };
    ($en:literal, $vi:literal, $($arg:tt)*) => {
        match $crate::i18n::lang() {
            $crate::i18n::Lang::En => format!($en, $($arg)*),
            $crate::i18n::Lang::Vi => format!($vi, $($arg)*),
        }
    };
}

macro_rules! labels {
    ($($name:ident => $en:literal, $vi:literal;)*) => {
        /// Every fixed piece of report text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Label { $($name,)* }

        impl Label {
            pub const ALL: &[Label] = &[$(Label::$name,)*];

            pub fn text(self, lang: Lang) -> &'static str {
                match self { $(Label::$name => lang.pick($en, $vi),)* }
            }
        }
    };
}

labels! {
    ReportTitle => "Compliance report", "Báo cáo rà soát kế hoạch";
    AsOf => "as of", "tính đến ngày";
    Summary => "Summary", "Tổng hợp";
    GapsAndShortfalls => "Gaps and shortfalls", "Chỉ tiêu còn thiếu hoặc thấp hơn";
    Conflicts => "Conflicts", "Mâu thuẫn";
    OverdueAndDueSoon => "Overdue and due soon", "Quá hạn và sắp đến hạn";
    ValidationFindings => "Validation findings", "Lỗi cấu trúc và nhất quán";
    ComparisonNotices => "What could not be compared", "Nội dung không so sánh được";
    Comparison => "Targets against", "So sánh chỉ tiêu với";
    Duties => "Duties against", "Phân công nhiệm vụ so với";
    Schedule => "Schedule", "Tiến độ";
    NoFindings => "No findings in this section.", "Không có phát hiện nào trong mục này.";
    Indicator => "Indicator", "Chỉ tiêu";
    Level => "Level", "Mức độ";
    Year => "Year", "Năm";
    Scheme => "Scheme", "Đề án";
    PlanValue => "Plan", "Kế hoạch";
    Difference => "Difference", "Chênh lệch";
    Status => "Status", "Đánh giá";
    Severity => "Severity", "Mức độ nghiêm trọng";
    Code => "Code", "Mã";
    Location => "Location", "Vị trí";
    Subject => "Subject", "Nội dung";
    Message => "Message", "Mô tả";
    NationalLead => "National lead", "Cơ quan chủ trì (trung ương)";
    ExpectedOwner => "Expected local owner", "Cơ quan chủ trì dự kiến (địa phương)";
    LocalTasks => "Local tasks", "Nhiệm vụ của địa phương";
    Task => "Task", "Nhiệm vụ";
    Owner => "Owner", "Cơ quan chủ trì";
    Due => "Due", "Hạn";
    DaysLate => "Days overdue (+) or left (−)", "Số ngày quá hạn (+) / còn lại (−)";
    Plans => "Plans", "Kế hoạch";
    Baselines => "Baselines", "Văn bản chuẩn";
    Errors => "errors", "lỗi";
    Warnings => "warnings", "cảnh báo";
    Infos => "infos", "thông tin";
    Gap => "gap", "còn thiếu";
    Shortfall => "shortfall", "thấp hơn";
    Meets => "meets", "đạt";
    Exceeds => "exceeds", "vượt";
    NotComparable => "not comparable", "không so sánh được";
    NoFigures => "no figures", "không có số liệu";
    NoNationalFigure => "no national figure", "không có số liệu quốc gia";
    LocalOnly => "local only", "chỉ có ở địa phương";
    OwnFigure => "rests on this plan's own figure", "dựa trên chính số liệu của kế hoạch này";
    NotApplicable => "not applicable", "không áp dụng";
    NotCommitted => "not committed", "không cam kết";
    Owned => "owned", "có cơ quan chủ trì";
    Elsewhere => "led by another body", "do cơ quan khác chủ trì";
    NoOwner => "no local owner", "chưa có cơ quan chủ trì";
    Unmapped => "carried; owner cannot be mapped", "đã có nhiệm vụ; chưa đối chiếu được cơ quan chủ trì";
    NoLead => "carried; no body named to lead it", "đã có nhiệm vụ; chưa nêu cơ quan chủ trì";
    ThisPlan => "carried out by this plan", "do chính kế hoạch này thực hiện";
    NotInForce => "set after the plan was issued", "được giao sau khi kế hoạch ban hành";
    NotChecked => "listed; not checked", "liệt kê; chưa kiểm tra";
    NoCounterpart => "no counterpart at this level", "không có cơ quan tương ứng ở cấp này";
    Duty => "Duty", "Nhiệm vụ";
    Error => "error", "lỗi";
    Warning => "warning", "cảnh báo";
    Info => "info", "thông tin";
    Note => "note", "ghi chú";
    Help => "help", "gợi ý";
    RestsOn => "rests on", "dựa trên";
    Period => "Period", "Kỳ";
    Overdue => "overdue", "quá hạn";
    Missed => "missed", "bỏ lỡ";
    DueSoon => "due soon", "sắp đến hạn";
    DoneLate => "done late", "hoàn thành muộn";
    OwnerGone => "owner no longer exists", "cơ quan chủ trì không còn";
    Upcoming => "upcoming", "chưa đến hạn";
    Done => "done", "đã hoàn thành";
    Cancelled => "cancelled", "đã hủy";
    Ongoing => "ongoing, never overdue", "thường xuyên, không bao giờ quá hạn";
    Unscheduled => "no date to schedule", "không tính được hạn";
    WithoutOwner => "without owner", "không còn cơ quan chủ trì";
    Deadline => "Deadline", "Thời hạn";
    Occurrences => "Occurrences", "Số kỳ";
    LastMissed => "Last missed", "Kỳ bỏ lỡ gần nhất";
    NextDue => "Next due", "Kỳ tiếp theo";
    EachOccurrence => "Each occurrence", "Từng kỳ";
    NotListed => "Occurrences not listed", "Số kỳ không được liệt kê";
    AtMostPerRun => "a run lists at most", "mỗi lần chạy liệt kê tối đa";
    Conventions => "Due dates rest on these conventions", "Hạn được tính theo quy ước";
    NoDeadlines => "No task of this plan has a deadline.", "Không có nhiệm vụ nào của kế hoạch này có thời hạn.";
    Generated => "Generated by", "Tạo bởi";
}

pub fn severity(severity: Severity, lang: Lang) -> &'static str {
    match severity {
        Severity::Error => Label::Error,
        Severity::Warning => Label::Warning,
        Severity::Info => Label::Info,
    }
    .text(lang)
}

/// The report section a kind of finding belongs to.
pub fn section(kind: Kind) -> Label {
    match kind {
        Kind::Gap | Kind::Shortfall => Label::GapsAndShortfalls,
        Kind::Conflict => Label::Conflicts,
        Kind::Schedule => Label::OverdueAndDueSoon,
        Kind::Comparison => Label::ComparisonNotices,
        Kind::Validation => Label::ValidationFindings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_has_both_languages() {
        for label in Label::ALL {
            let (en, vi) = (label.text(Lang::En), label.text(Lang::Vi));
            assert!(!en.is_empty() && !vi.is_empty(), "{label:?}");
        }
    }
}
