//! xhht: a compliance checker for Vietnamese "learning society" plans.

pub mod app;
pub(crate) mod baselines;
pub(crate) mod catalogue;
pub mod check;
pub mod cli;
pub(crate) mod compare;
pub mod date;
pub mod finding;
pub mod i18n;
pub mod load;
pub mod model;
pub mod output;
pub(crate) mod ratchet;
pub mod registry;
pub mod render;
pub mod report;
pub(crate) mod roles;
pub mod schedule;
pub mod schema;
pub mod settings;
pub mod source;
pub(crate) mod suggest;
pub mod text;
pub(crate) mod units;
pub(crate) mod validate;
pub mod walk;
