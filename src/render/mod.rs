pub mod baselines;
pub mod diagnostic;
pub mod diff;
pub mod report;
