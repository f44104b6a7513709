//! Progress records: what has been done since the plan was issued, kept
//! apart from the approved text.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::date::CivilDate;
use crate::text::Text;

/// Progress against a plan, kept apart from the approved text: in a status
/// file beside the plan (`PLAN.status.yaml`) or inline under `progress`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tasks: Vec<TaskProgress>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<TargetProgress>,
}

/// A status file: progress for the plan whose document id is `plan`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusFile {
    pub plan: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tasks: Vec<TaskProgress>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<TargetProgress>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TaskProgress {
    pub task: String,
    /// For a recurring obligation, the occurrence: "2023", "2023-H1", "2023-Q2", "2023-06".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    pub state: TaskState,
    /// When it was done (or cancelled).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<CivilDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TaskState {
    NotStarted,
    InProgress,
    Done,
    Cancelled,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TargetProgress {
    pub target: String,
    /// The year the figure is for.
    pub year: u16,
    /// The figure, in the target's unit: 97.5 for 97.5%, 2 for "mức độ 2".
    pub achieved: f64,
    /// When the figure was published or measured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<CivilDate>,
    /// Where the figure comes from: a report's number and date, a statistics yearbook.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}
