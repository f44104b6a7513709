//! xhht: a compliance checker for Vietnamese "learning society" plans.

pub mod app;
pub mod baselines;
pub mod catalogue;
pub mod check;
pub mod cli;
pub mod compare;
pub mod date;
pub mod finding;
pub mod i18n;
pub mod load;
pub mod model;
pub mod ratchet;
pub mod registry;
pub mod render;
pub mod report;
pub mod roles;
pub mod schedule;
pub mod schema;
pub mod settings;
pub mod source;
pub mod suggest;
pub mod text;
pub mod units;
pub mod validate;
pub mod walk;
