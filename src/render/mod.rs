pub mod baselines;
pub mod diagnostic;
pub mod diff;
